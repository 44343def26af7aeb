"""Descriptors stage: severity, size, scores, BI-RADS terms and change per
finding, and the BI-RADS category per report (corpora/GUIDE.md, Descriptors).

Plain functions over the record. A finding's words are its own phrase and its
clause: its sentence cut at the clause breaks (descriptors.json word lists)
and at the other findings of the sentence (descriptor_clauses.py). Scores
(descriptor_scores.py) are read from the sentence and the score lines right
under it; change beyond the clause comes from descriptor_changes.py; sizes (descriptor_sizes.py) only where
written on the mention ("5 mm calcified granuloma", "granuloma measuring
5 mm") or on the lesion it restates, never on another lesion. A structured
report's field rows under the row that names a finding ("Morphology |
amorphous") are read by descriptor_rows.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span

from calc_nlp.schema import BIRADS, SEVERITIES, Finding
from calc_nlp.stages.descriptor_changes import (
    closing_change,
    compound_change,
    copula_change,
    earlier_predicate_change,
    fronted_change,
    graded_second_predicate,
    host_change,
    opening_change,
    postposed_change,
    predicate_change,
    prior_comparative,
    semicolon_change,
    sentence_change,
    size_change,
    subject_mention,
)
from calc_nlp.stages.descriptor_clauses import (
    Clause,
    body_start,
    clause,
    in_reach,
    predicate_ok,
    relative_end,
    relative_of_other,
    shape_part,
)
from calc_nlp.stages.descriptor_rows import row_fields
from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.descriptor_scores import (
    Scores,
    ScoreText,
    Word,
    scores_of,
    takes_score,
)
from calc_nlp.stages.descriptor_sizes import (
    WORD,
    head_size,
    host_head,
    restated_head,
    size_at,
    size_mm,
    size_of,
    skip_spaces,
)
from calc_nlp.stages.record import POINTING_PRONOUNS, ReportDoc

_TOKEN = re.compile(r"\w+(?:/\w+)?|[^\w\s]")


def describe(
    dr: DescriptorRules, rd: ReportDoc, findings: list[Finding], text: str | None = None
) -> None:
    """Set every descriptor of the piece's findings (the spans of
    `rd.matches.calc`); `text` is the Doc's text when the caller has it
    (spaCy builds `Doc.text` anew on every call)."""
    spans = rd.matches.calc
    text = rd.doc.text if text is None else text
    scores: dict[int, Scores] = {}
    # the per-vessel score words a sentence took: a table read under a score
    # sentence is not read again above the next sentence
    taken: set[tuple[int, int]] = set()
    no_prior: list[bool] = []  # `_no_prior_study`, read once when first asked
    score_text = ScoreText(dr, text, [s.start_char for s in spans])
    for i, (span, f) in enumerate(zip(spans, findings, strict=True)):
        sent = rd.sent(span)
        c = clause(dr, text, spans, i, sent)
        words = _terms(dr, f, text, c, rd.offset)
        # the parts after a semicolon ending the sentence, read only where
        # one ends it and the finding is alone in it (each reader's own test)
        semi = _alone_in(spans, sent) and _past_semicolon(rd, spans, sent) > sent.end_char
        shapes = _semicolon_shapes(dr, rd, spans, i, text) if semi else []
        for field, value, word in shapes:
            if value not in getattr(f, field):
                setattr(f, field, getattr(f, field) + (value,))
                words.append(word)
        rows, row_size = row_fields(dr, text, spans, i, rd.offset)
        for field, value, word in rows:  # "Morphology | amorphous" under it
            have = getattr(f, field)
            if field == "severity":  # "Severity: Moderate": one grade
                if not have:
                    f.severity = value
                    words.append(word)
            elif value not in have:
                setattr(f, field, have + (value,))
                words.append(word)
        spread = _semicolon_spread(dr, rd, spans, i, text) if semi else None
        if spread is not None and spread[0] not in f.distribution:
            f.distribution += (spread[0],)
            words.append(spread[1])
        comparative = bool(f.change) and _comparative_change(
            dr, text, words, span, rd.offset
        )
        outer = (
            None
            if f.change and not comparative
            else _outer_change(dr, text, spans, i, rd, c.lo)
        )
        if outer is not None:
            if comparative:  # "smaller areas of calcinosis, unchanged": stable
                words = [w for w in words if w[0] != "change"]
            f.change = outer[0]
            words.append(outer[1])
        elif comparative and _comparative_opens(dr, text, words, span, sent, rd.offset):
            f.change = ""  # "Smaller foci are also seen in the pons": no change
            words = [w for w in words if w[0] != "change"]
        if f.change == "stable":  # "is again seen and has grown": increased
            second = _second_predicate(dr, text, spans, i, sent, words, rd.offset)
            if second is not None:
                words = [w for w in words if w[0] != "change"] + [second[1]]
                f.change = second[0]
        more = (
            None
            if f.change
            else prior_comparative(dr, text, c.lo, span.start_char, span.end_char)
        )
        if more is not None:  # "more calcifications than before"
            f.change = "increased"
            first, last = rd.offset + more[0], rd.offset + more[1]
            words.append(("change", "V-change-increased", first, last))
        shared = (
            None if f.change else _conjoined_change(dr, text, spans, findings, i, sent, rd)
        )
        if shared is not None:  # "stable calcified plaques and calcified nodes"
            f.change = findings[i - 1].change
            words.append(shared)
        bounds = (c.lo, relative_end(text, c.lo, c.start, c.end, c.hi))
        reach = _pointed_back_reach(dr, rd, spans, i, sent)
        vessel = f.site in dr.vessel_sites
        size = size_of(dr, text, span, bounds, f.site_text, rd.offset, reach, vessel)
        if size is None:  # "Extent | 2.5 cm" under it
            size = row_size
        dictated = _semicolon_fields(dr, rd, spans, i, text) if semi else (None, None)
        if size is None:  # "...; extent up to 4 cm; stable."
            size = dictated[0]
        if not f.change and dictated[1] is not None:
            f.change = dictated[1][0]
            words.append(dictated[1][1])
        if size is not None:
            f.size_mm = size[0]
            words.append(size[1])
            compared = (
                None
                if f.change
                else _size_change(dr, text, span, size, rd, _reach(spans, i, sent))
            )
            if compared is not None:
                f.change = compared[0]
                words.append(compared[1])
        if takes_score(dr, spans, findings, i, rd, score_text):
            if sent.start not in scores:
                scores[sent.start] = _untaken(
                    scores_of(dr, sent, score_text, rd.offset), taken
                )
            s = scores[sent.start]
            f.agatston, f.agatston_percentile = s.agatston, s.percentile
            f.agatston_vessels = s.vessels
            f.cac_drs = dr.cac_drs(s.agatston)
            words += s.words
            if s.agatston == 0 and not f.negated:
                _deny(f)  # a total of 0 denies the finding (guide §1)
        f.anaphor = _anaphor(dr, text[c.lo : span.start_char]) and not _introduced(
            dr, text, _lead_in(rd, sent), c.lo, spans[i - 1] if i else None
        )
        if f.site in dr.segment_sites:
            f.segment = (
                _segment(dr, text, c, f.site, f.site_text)
                or _site_segment(dr, text, f, sent, c)
                or _segment_before(dr, rd, spans, f, sent, text)
            )
        else:
            f.segment = ""
        if f.change and f.laterality and any(
            dr.bare_comparative(text, w, rd.offset) for w in words
        ):
            # 'Left: chondrocalcinosis, less conspicuous.': against the
            # other side, not the prior (corpora/GUIDE.md change)
            f.change = ""
            words = [w for w in words if w[0] != "change"]
        if f.change and _asked(dr, text, span, max(c.lo, sent.start_char), words, rd.offset):
            f.change = ""  # "to judge whether the calcinosis is progressing"
            words = [w for w in words if w[0] != "change"]
        if f.change and _compared_with_none(
            dr, text, words, rd.offset, no_prior, findings, i
        ):
            f.change = ""  # "COMPARISON: None. ... Smaller calcified fibroid"
            words = [w for w in words if w[0] != "change"]
        f.descriptor_words = tuple(words)
        restates = _restates(dr, text, spans, i, sent)
        if restates:
            _subject_change_back(dr, text, span, f, findings[i - 1], rd.offset)
        joined = _joined_sentence(dr, rd, spans, sent)
        head = restated_head(dr, text, spans, i, joined)
        if restates and not _sized(dr, text, head):
            f.anaphor = True
            _inherit(f, findings[i - 1])
            host = host_head(dr, text, spans, i, sent)
            if host is not None and f.size_mm is None:
                size = head_size(dr, text, host, rd.offset)
                if size is not None:
                    f.size_mm = size[0]
                    f.descriptor_words += (size[1],)
        else:
            _from_head(dr, text, f, head, rd.offset)
            if head is None and not f.distribution:
                _from_pattern(dr, text, f, spans, i, sent, rd.offset)
    _vessels_to_total(dr, rd, spans, findings)
    for f in findings:
        _denied_unchanged(f)


def _denied_unchanged(f: Finding) -> None:
    """A calcification denied now is nothing new, grown, stable or shrunk: a
    change word of its clause grades the lesion it is denied in ("the right
    upper lobe nodule is not calcified and is new since XXXX"); the one
    change a denied finding carries is "resolved" (corpora/GUIDE.md,
    Descriptors: change; "no new X" and "no increase in X" are no denials),
    and not one a word before a finding seen now gives it."""
    if f.negated and f.change not in ("", "resolved"):
        f.change = ""
        f.descriptor_words = tuple(w for w in f.descriptor_words if w[0] != "change")
    elif not f.negated and f.change == "resolved" and any(
        w[0] == "change" and w[3] <= f.start for w in f.descriptor_words
    ):
        # a "resolved" before a calcification seen now grades the lesion noun
        # it leads, in which the calcification is seen ("resolved liver
        # lesions with a tiny calcified focus"): a resolved finding stays
        # negated and historical
        f.change = ""
        f.descriptor_words = tuple(w for w in f.descriptor_words if w[0] != "change")
    elif f.negated and f.historical and not f.change and f.agatston is None:
        # seen before and denied now ("the previously reported calcified
        # granuloma is not identified"): resolved, as "no longer seen" is
        # (corpora/GUIDE.md, Descriptors: change); a past score of zero
        # denies nothing that was there
        f.change = "resolved"
    elif not f.negated and f.change == "resolved":
        # one its clause says resolved after it, where no ConText rule
        # reached it ("calcific tendinitis was treated two years ago and
        # resolved"): a resolved finding stays negated and historical
        _deny(f)
        f.historical = True


def _deny(f: Finding) -> None:
    """Make a finding whose total score is 0 a negated one (guide §1: a
    score of zero is recorded as a negated finding), where no ConText rule
    denied it already ('Coronary calcium score this week: 0'): a negated
    finding has no class."""
    f.negated = True
    f.classification, f.confidence, f.evidence = "", None, ""


def _vessels_to_total(
    dr: DescriptorRules, rd: ReportDoc, spans: list[Span], findings: list[Finding]
) -> None:
    """Per-vessel scores a finding took without a total of its own go to the
    score phrase of the sentence right before or after its own, in its
    section, that states the total and no per-vessel scores (corpora/GUIDE.md,
    Descriptors: per-vessel scores belong with the total on the score
    phrase): 'Coronary calcium: LAD 60, RCA 14; total Agatston score 74',
    or a sentence on the coronary calcification between the score sentence
    and the per-vessel line. A phrase that names a score itself keeps them
    (the per-vessel scores' own phrase, 'The Agatston score of each vessel
    is: ...'), and with such a total on both sides they stay."""
    lay = rd.layout
    for i, f in enumerate(findings):
        if not f.agatston_vessels or f.agatston is not None:
            continue
        if rd.lower[spans[i].end - 1].startswith("score"):
            continue  # a score phrase of the vessels' own ('the score for each vessel')
        own = rd.sent(spans[i])
        sent = _with_score_lines(rd, own, f)
        # its section, or the one its score lines end in (a hard-wrapped
        # export may read a line of them as a section's label)
        sections = {lay.sections[spans[i].start][2], lay.sections[sent.end - 1][2]}
        near = [
            j
            for j, g in enumerate(findings)
            if g.agatston is not None
            and not g.agatston_vessels
            and g.rule_id in dr.score_rules
            and lay.sections[spans[j].start][2] in sections
            and _next_to_lines(rd, own, sent, rd.sent(spans[j]))
        ]
        if len({rd.sent(spans[j]).start for j in near}) != 1:
            continue
        g = findings[near[0]]
        moved = tuple(w for w in f.descriptor_words if w[0] == "agatston_vessels")
        g.agatston_vessels, f.agatston_vessels = f.agatston_vessels, ""
        g.descriptor_words += moved
        f.descriptor_words = tuple(w for w in f.descriptor_words if w not in moved)


def _with_score_lines(rd: ReportDoc, sent: Span, f: Finding) -> Span:
    """The finding's sentence and the score lines under it whose per-vessel
    scores it took, each a sentence of its own ('CORONARY CALCIUM:' over
    'LAD: 45' and 'RCA: 88'): the total's line right under them is the
    sentence after the finding's."""
    end = max(w[3] for w in f.descriptor_words if w[0] == "agatston_vessels")
    last = rd.doc.char_span(end - rd.offset - 1, end - rd.offset, alignment_mode="expand")
    if last is None or last.start < sent.end:
        return sent
    return rd.doc[sent.start : rd.sent(last).end]


def _next_to_lines(rd: ReportDoc, own: Span, lines: Span, b: Span) -> bool:
    """Is sentence b next to the finding's sentence with its score lines
    (`lines`, from `own` on), or the sentence the last of those lines ends in
    ('RCA: 61' read as wrapped into 'Total Agatston score: 299, ...' in a
    hard-wrapped export)?"""
    return _next_to(rd, lines, b) or own.end <= b.start < lines.end


def _next_to(rd: ReportDoc, a: Span, b: Span) -> bool:
    """Are sentences a and b neighbours, with only blank tokens between?"""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    if a.start == b.start or lo > hi:
        return False
    return all(rd.layout.blank[k] for k in range(lo, hi))


def _asked(
    dr: DescriptorRules, text: str, span: Span, lo: int, words: list[Word], off: int
) -> bool:
    """Does the finding's change word come after its mention, in a clause a
    question lead (`change_question_leads`: "whether", "if") opens before the
    mention, from `lo` on ("to judge whether the calcinosis there is
    progressing")? That change is asked about or supposed, not stated."""
    if not any(w[0] == "change" and w[2] >= off + span.end_char for w in words):
        return False
    clause = re.split(r"[,;:]", text[lo : span.start_char])[-1]
    return not dr.question_leads.isdisjoint(w.lower() for w in WORD.findall(clause))


def _second_predicate(
    dr: DescriptorRules,
    text: str,
    spans: list[Span],
    i: int,
    sent: Span,
    words: list[Word],
    off: int,
) -> tuple[str, Word] | None:
    """The grade of a second predicate after the stable word that gave
    finding i its change ("is again seen and has increased in size"), up to
    the next finding of its sentence (descriptor_changes.py): (value, the
    word that gave it)."""
    said = [w for w in words if w[0] == "change" and w[2] - off >= spans[i].end_char]
    if not said:
        return None
    mates = [s for s in spans[i + 1 :] if s.start < sent.end]
    stop = mates[0].start_char if mates else sent.end_char
    m = graded_second_predicate(dr, text, said[0][3] - off, stop)
    if m is None:
        return None
    entry = dr.term(m.group())
    return entry["value"], ("change", entry["id"], off + m.start(), off + m.end())


def _outer_change(
    dr: DescriptorRules,
    text: str,
    spans: list[Span],
    i: int,
    rd: ReportDoc,
    lo: int,
) -> tuple[str, Word] | None:
    """The change of finding i from outside its clause (`lo` on;
    descriptor_changes.py): after a copula or "and", opening its noun phrase,
    on the lesion a "with" attaches it to or a comma sets it after, or
    closing the sentence: (value,
    the word that gave it)."""
    span, off = spans[i], rd.offset
    sent = rd.sent(span)
    # Every change phrase looked for below is a change term (with a value)
    # that starts and ends in the mention's sentence or the next one: with
    # no change term there, there is none to find. A search added below must
    # stay within that reach (or widen it here).
    reach = sent.end_char
    if sent.end < len(rd.doc):  # the next sentence's end, read off its last token
        last = rd.doc[rd.layout.sent_end[sent.end] - 1]
        reach = last.idx + len(last)
    body = body_start(text, sent.start_char)
    if dr.change_starts.search(text, body, reach) is None:
        return None
    mates = [s for s in spans[i + 1 :] if s.start < sent.end]
    stop = mates[0].start_char if mates else sent.end_char
    m = predicate_change(dr, text, span.end_char, stop)
    if m is None:
        stop = stop if mates else _past_semicolon(rd, spans, sent)
        subject = subject_mention(dr, text, max(lo, body), span.start_char)
        m = copula_change(dr, text, span.end_char, stop, subject)
        if m is None and subject:
            m = _compound_subject_change(
                dr, text, spans, i, sent, max(lo, body)
            )
    if m is not None and relative_of_other(dr, text, span.end_char, m.start()):
        return None  # "next to a nodule that is unchanged": the nodule's
    if m is not None:
        entry = dr.term(m.group())
        return entry["value"], ("change", entry["id"], off + m.start(), off + m.end())
    prev = spans[i - 1].end_char if i and spans[i - 1].start >= sent.start else -1
    m = opening_change(dr, text, max(prev, body), span.start_char)
    if m is None and prev >= 0 and _CONJOINED.match(text, prev, span.start_char):
        # "unchanged appearance of calcified nodes and scattered calcified
        # granulomas": the opening phrase is both conjuncts'
        first = spans[i - 1]
        before = spans[i - 2].end_char if i > 1 and spans[i - 2].start >= sent.start else -1
        m = opening_change(dr, text, max(before, body), first.start_char)
    if m is None:
        m = fronted_change(dr, text, body, span.start_char)
    if m is not None:
        entry = dr.term(m.group())
        return entry["value"], ("change", entry["id"], off + m.start(), off + m.end())
    m = host_change(dr, text, lo, max(prev, body), body)
    if m is None and prev >= 0 and _CONJOINED.match(text, prev, span.start_char):
        # "stable sarcoidosis with calcified hilar nodes and calcified upper
        # lobe nodules": the host a "with" gives the first conjunct to
        before = (
            spans[i - 2].end_char if i > 1 and spans[i - 2].start >= sent.start else -1
        )
        first_lo = clause(dr, text, spans, i - 1, sent).lo
        m = host_change(dr, text, first_lo, max(before, body))
    if m is None:
        m = postposed_change(dr, text, span, max(prev, body))
    if m is None:
        m = earlier_predicate_change(dr, text, span, max(prev, body))
    if m is not None:
        entry = dr.term(m.group())
        return entry["value"], ("change", entry["id"], off + m.start(), off + m.end())
    closing = closing_change(dr, text, spans, sent)
    if closing is None:
        after = _past_semicolon(rd, spans, sent)
        if after > sent.end_char:
            closing = semicolon_change(dr, text, sent.end_char, after)
    if closing is None:
        closing = _next_sentence_change(dr, rd, spans, sent, text)
    if closing is None:
        return None
    value, rid, start, end = closing
    if relative_of_other(dr, text, span.end_char, start):
        return None  # "next to a nodule which is new": the nodule's
    return value, ("change", rid, off + start, off + end)


# what may join the mention to the next finding as one compound subject:
# the mention's own place ("in the right breast"), "and" and a few plain
# words ("and scattered calcified granulomas"); compound_change checks the
# place holds no verb
_AND_BETWEEN = re.compile(
    r"(?:[^\S\n]+(?:in|at|of|within|along|over|near|on)(?:[^\S\n]+[\w'-]+){1,6}?)?"
    r"[^\S\n]+and[^\S\n]+(?:[a-z-]+[^\S\n]+){0,2}$",
    re.I,
)


def _compound_subject_change(
    dr: DescriptorRules, text: str, spans: list[Span], i: int, sent: Span, lo: int
) -> re.Match[str] | None:
    """The change a plural copula predicates of a compound subject finding i
    opens (descriptor_changes.compound_change), whether the other conjunct
    is a finding of its own ("Calcified nodes and calcified granulomas are
    stable") or not ("Calcified nodes and granulomas are again seen"). Not
    when a verb before the mention (from `lo`) already made it its clause's
    object or predicate ("There is a calcified granuloma and the nodes are
    unchanged": the "and" opens a clause of its own)."""
    span = spans[i]
    if dr.verbs & {w.lower() for w in WORD.findall(text[lo : span.start_char])}:
        return None
    mates = [s for s in spans[i + 1 :] if s.start < sent.end]
    if not mates:
        return compound_change(dr, text, span.end_char, sent.end_char)
    mate = mates[0]
    if not _AND_BETWEEN.match(text, span.end_char, mate.start_char):
        return None
    stop = mates[1].start_char if len(mates) > 1 else sent.end_char
    return compound_change(dr, text, span.end_char, stop, conjunct=mate.end_char)


# "than" after a comparative: what it is compared with follows.
_THAN_AFTER = re.compile(r"\s+than\b", re.IGNORECASE)


def _compared_with_none(
    dr: DescriptorRules,
    text: str,
    words: list[Word],
    off: int,
    known: list[bool],
    findings: list[Finding],
    i: int,
) -> bool:
    """Is the finding's change given only by bare comparatives
    (lesion_other_comparatives: "Smaller calcified fibroid", "..., smaller,
    with mild narrowing"), no "than" after them, in a text that says it has
    no earlier study, or names none while a finding at the same site comes
    before this one, the `i`th of `findings` (`_no_prior_study`)? The comparative sizes
    it against that other lesion of the study (corpora/GUIDE.md change: a
    change word compares with the prior study). `known` keeps the text's
    answers once read."""
    said = [w for w in words if w[0] == "change"]
    if not said or not all(
        text[w[2] - off : w[3] - off].lower() in dr.other_comparatives
        and not _THAN_AFTER.match(text, w[3] - off)
        for w in said
    ):
        return False  # "larger than on the film from last year": compared
    if not known:
        known.extend(_no_prior_study(dr, text))
    f = findings[i]
    return known[0] or (known[1] and any(g.site == f.site for g in findings[:i]))


def _no_prior_study(dr: DescriptorRules, text: str) -> tuple[bool, bool]:
    """Does the text say it has no study to compare with ("COMPARISON:
    None.", descriptors.json change_no_prior_phrases); does it hold no word
    that refers to one (change_prior_words)?"""
    said = dr.no_prior.search(text) is not None
    return said, said or not dr.prior_words & set(WORD.findall(text.lower()))


def _comparative_change(
    dr: DescriptorRules, text: str, words: list[Word], span: Span, off: int
) -> bool:
    """Is the change the clause gave the finding only a comparative before
    the mention (lesion_other_comparatives: "smaller areas of calcinosis
    cutis over the knees, unchanged for a year")? It may compare the lesion
    with another of the report, so a change phrase that the sentence
    predicates of the finding (`_outer_change`) wins over it."""
    said = [w for w in words if w[0] == "change"]
    return bool(said) and all(
        w[3] - off <= span.start_char
        and text[w[2] - off : w[3] - off].lower() in dr.other_comparatives
        for w in said
    )


def _comparative_opens(
    dr: DescriptorRules, text: str, words: list[Word], span: Span, sent: Span, off: int
) -> bool:
    """Does the comparative that alone gave the finding its change open its
    sentence, before a mention that a presence predicate follows ("Smaller
    foci of calcification are also seen in the pons" after the findings
    before it)? It sizes a new finding against those, not against the prior
    study (lesion_other_comparatives; lesion_place_predicates)."""
    first = min(w[2] for w in words if w[0] == "change") - off
    if text[sent.start_char : first].strip():
        return False
    after = [w.lower() for w in WORD.findall(text[span.end_char : sent.end_char])[:4]]
    if not after or after[0] not in dr.copulas:
        return False
    rest = after[1:]
    while rest and rest[0] in dr.copula_adverbs:
        rest = rest[1:]
    return bool(rest) and rest[0] in dr.place_predicates


def _size_change(
    dr: DescriptorRules,
    text: str,
    span: Span,
    size: tuple[float, Word],
    rd: ReportDoc,
    reach: tuple[int, int],
) -> tuple[str, Word] | None:
    """The change the finding's own size gives against an earlier size its
    phrase dates ("measures 9 mm, previously 12 mm": decreased;
    descriptor_changes.size_change), within what its sentence leaves it
    (`reach`): (value, the earlier size's words)."""
    off = rd.offset
    today = (size[1][2] - off, size[1][3] - off, size[0])
    found = size_change(
        dr, text, today, span.end_char, reach[1], (reach[0], span.start_char)
    )
    if found is None:
        return None
    value, rid, start, end = found
    return value, ("change", rid, off + start, off + end)


# Words that deny what a findings' sentence names ("No calcified granuloma").
_DENIAL = re.compile(r"\b(?:no|not|without|negative)\b", re.I)


def _next_sentence_change(
    dr: DescriptorRules, rd: ReportDoc, spans: list[Span], sent: Span, text: str
) -> Word | None:
    """The change of a sentence of its own right after the findings' sentence
    `sent` ("Calcified granuloma at the apex. Unchanged."): only when that
    sentence names no finding, only blanks stand between the two, and the
    findings' sentence neither denies nor names another lesion or finding
    outside its findings ("Calcified granuloma and small effusion.
    Unchanged." leaves the change unsaid for the granuloma)."""
    if sent.end >= len(rd.doc):
        return None
    nxt = rd.sent_at(sent.end)
    if any(nxt.start <= s.start < nxt.end for s in spans):
        return None
    gap = text[sent.end_char : nxt.start_char]
    if gap.strip() or "\n" in gap:
        return None
    own = [s for s in spans if sent.start <= s.start < sent.end]
    rest, at = [], sent.start_char
    for s in own:
        rest.append(text[at : s.start_char])
        at = s.end_char
    rest.append(text[at : sent.end_char])
    outside = " ".join(rest)
    others = rd.other_finding_nouns | frozenset(dr.lesion_nouns)
    if _DENIAL.search(outside) or others & {w.lower() for w in WORD.findall(outside)}:
        return None
    if ";" in outside or "\n" in rd.span_text(sent).strip():
        return None  # a semicolon part or a line of its own: not one sentence
    return sentence_change(dr, text, nxt.start_char, nxt.end_char, others)


def _semicolon_spread(
    dr: DescriptorRules, rd: ReportDoc, spans: list[Span], i: int, text: str
) -> tuple[str, Word] | None:
    """A distribution phrase that opens the part after a semicolon ending the
    sentence of finding i, alone in it, when that part names no finding
    ("fine linear calcifications in the left breast; linear distribution
    toward the nipple"): the phrase must say "distribution" (a bare "linear"
    there may describe anything). (value, the words that gave it)."""
    sent = rd.sent(spans[i])
    if not _alone_in(spans, sent):
        return None
    after = _past_semicolon(rd, spans, sent)
    if after <= sent.end_char:
        return None
    at = sent.end_char
    while at < after and text[at].isspace():
        at += 1
    m = dr.terms.match(text, at, after)
    if m is None or not m.group().lower().endswith("distribution"):
        return None
    entry = dr.term(m.group())
    if entry["field"] != "distribution" or not entry["value"]:
        return None
    off = rd.offset
    return entry["value"], ("distribution", entry["id"], off + m.start(), off + m.end())


# How many parts after semicolons may give a finding their BI-RADS terms.
_SHAPE_PARTS = 3


def _semicolon_shapes(
    dr: DescriptorRules, rd: ReportDoc, spans: list[Span], i: int, text: str
) -> list[tuple[str, str, Word]]:
    """The BI-RADS terms the parts after a semicolon ending finding i's
    sentence give it, alone in that sentence, when each part names no
    finding and holds nothing but them ("calcifications in the left breast;
    these are amorphous and grouped", "...; morphology: fine linear;
    distribution: linear"): (field, value, the words that gave it)."""
    sent = rd.sent(spans[i])
    if not _alone_in(spans, sent):
        return []
    out: list[tuple[str, str, Word]] = []
    for k in range(_SHAPE_PARTS):
        after = _past_semicolon(rd, spans, sent)
        if after <= sent.end_char:
            break
        found = shape_part(dr, text, sent.end_char, after, lead=k == 0)
        if not found:
            break
        for m in found:
            entry = dr.term(m.group())
            at = (rd.offset + m.start(), rd.offset + m.end())
            word = (entry["field"], entry["id"], *at)
            out.append((entry["field"], entry["value"], word))
        sent = rd.sent_at(sent.end)
    return out


# How many parts after semicolons a dictated finding's fields may run over.
_FIELD_PARTS = 6
# a part's field label and its mark ("extent up to 4 cm", "size: 1.5 cm")
_FIELD_LABEL = re.compile(r"[^\S\n]*([A-Za-z]+)[^\S\n]*:?")


def _semicolon_fields(
    dr: DescriptorRules, rd: ReportDoc, spans: list[Span], i: int, text: str
) -> tuple[tuple[float, Word] | None, tuple[str, Word] | None]:
    """The size and the change that the parts after semicolons ending
    finding i's sentence give it, alone in that sentence, when it is
    dictated as a list of fields ("calcifications, right breast, 9
    o'clock; morphology round; distribution regional; extent up to 4 cm;
    stable."): a part that is a `size_labels` word and a size gives the
    size, one that is only a change phrase the change; parts of BI-RADS
    terms (`shape_part`) are passed over; anything else ends the list. Only
    when at least one part is a labelled field (a term or size part), so a
    bare change after one semicolon stays `semicolon_change`'s."""
    sent = rd.sent(spans[i])
    if not _alone_in(spans, sent):
        return None, None
    size: tuple[float, Word] | None = None
    change: tuple[str, Word] | None = None
    fields = False
    off = rd.offset
    for k in range(_FIELD_PARTS):
        after = _past_semicolon(rd, spans, sent)
        if after <= sent.end_char:
            break
        start, end = sent.end_char, after
        if shape_part(dr, text, start, end, lead=k == 0):
            fields = True
        elif (got := _size_part(dr, text, start, end)) is not None:
            fields = True
            size = size or (got[0], ("size_mm", got[1], off + got[2], off + got[3]))
        else:
            found = semicolon_change(dr, text, start, end)
            if found is None:
                break
            tail = text[found[3] : end].strip().strip(";.")
            if tail or change is not None:
                break
            value, rid, first, last = found
            change = (value, ("change", rid, off + first, off + last))
        sent = rd.sent_at(sent.end)
    if not fields:
        return None, None
    return size, change


def _size_part(
    dr: DescriptorRules, text: str, start: int, end: int
) -> tuple[float, str, int, int] | None:
    """A part that is only a `size_labels` word and a size ("extent up to 4
    cm", "size: 1.5 cm"), past `size_before` words ("up to",
    "approximately"): (mm, the size rule's id, start, end)."""
    label = _FIELD_LABEL.match(text, start, end)
    if label is None or label.group(1).lower() not in dr.size_labels:
        return None
    at = skip_spaces(text, label.end())
    lead = WORD.match(text, at, end)
    while lead is not None and lead.group().lower() in dr.size_before:
        at = skip_spaces(text, lead.end())  # "extent up to 4 cm"
        lead = WORD.match(text, at, end)
    found = size_at(dr, text, at, end)
    if found is None:
        return None
    rid, got = found
    if text[got.end() : end].strip().strip(";."):
        return None
    return size_mm(dr, got), rid, got.start(), got.end()


def _reach(spans: list[Span], i: int, sent: Span) -> tuple[int, int]:
    """What finding i's sentence leaves it: from the end of the finding before
    it to the start of the one after it, within the sentence."""
    prev = spans[i - 1] if i and spans[i - 1].start >= sent.start else None
    nxt = spans[i + 1] if i + 1 < len(spans) and spans[i + 1].start < sent.end else None
    return (
        prev.end_char if prev is not None else sent.start_char,
        nxt.start_char if nxt is not None else sent.end_char,
    )


def _pointed_back_reach(
    dr: DescriptorRules, rd: ReportDoc, spans: list[Span], i: int, sent: Span
) -> tuple[int, int]:
    """`_reach`, taking in the part before a ';' that ends right before the
    sentence when a pronoun and a copula open it and no finding lies in that
    part ('a 6 mm nodule in the right upper lobe; it is densely calcified'):
    the pronoun stands for that part's lesion, whose size is the calcified
    lesion's (corpora/GUIDE.md, Descriptors, size_mm)."""
    reach = _reach(spans, i, sent)
    if sent.start == 0 or reach[0] != sent.start_char:
        return reach
    lower, blank = rd.lower, rd.layout.blank
    j = sent.start
    while j < sent.end and blank[j]:
        j += 1
    k = j + 1
    while k < sent.end and blank[k]:
        k += 1
    if k >= sent.end or lower[j] not in POINTING_PRONOUNS or lower[k] not in dr.copulas:
        return reach
    b = sent.start - 1
    while b > 0 and blank[b]:
        b -= 1
    if lower[b] != ";":
        return reach
    prev = rd.sent_at(b)
    if any(prev.start <= s.start < prev.end for s in spans):
        return reach
    return prev.start_char, reach[1]


def _sized(dr: DescriptorRules, text: str, head: tuple[int, int] | None) -> bool:
    """Does a sized focus stand between a finding and the one before it that
    its restating link would otherwise tie it to ("rim calcification, and a
    6 mm echogenic focus in the ovary, probably a calcification": the focus
    is what the link names)?"""
    return head is not None and head_size(dr, text, head, 0) is not None


def _joined_sentence(
    dr: DescriptorRules, rd: ReportDoc, spans: list[Span], sent: Span
) -> Span:
    """A sentence with the one before it when a semicolon ends that one, or
    an anaphor and a restating link open this one ("... focus in the testis.
    This likely represents a calcification."), and it names no finding ("A 4
    mm echogenic focus in the cortex; its location indicates parenchymal
    calcification"): where a restated focus may be."""
    if sent.start == 0:
        return sent
    # the last character before the sentence that is no space: no ';' there
    # (most sentences), the sentence before ends in none (no Span made of it)
    whole, k = rd.text, sent.start_char - 1
    while k >= 0 and whole[k].isspace():
        k -= 1
    if (k < 0 or whole[k] != ";") and not _restating_anaphor(dr, rd.span_text(sent)):
        return sent
    before = rd.sent_at(sent.start - 1)
    if not rd.span_text(before).rstrip().endswith(";") and not _restating_anaphor(
        dr, rd.span_text(sent)
    ):
        return sent
    if any(before.start <= s.start < before.end for s in spans):
        return sent
    return Span(rd.doc, before.start, sent.end)


# a pronoun opening a sentence: "This likely represents", "These may represent"
_OPENING_PRONOUN = re.compile(r"[^\w]*(this|these|it)\b[^\S\n]*", re.I)


def _restating_anaphor(dr: DescriptorRules, text: str) -> bool:
    """Does a pronoun and, right after it, a restating link open the sentence
    ("This likely represents", "It is consistent with")? Then it names what
    the lesion of the sentence before it is."""
    m = _OPENING_PRONOUN.match(text)
    if m is None:
        return False
    rest = text[m.end() :]
    if rest[:3].lower() == "is ":
        rest = rest[3:]
    return dr.size_restating.match(rest) is not None


def _untaken(s: Scores, taken: set[tuple[int, int]]) -> Scores:
    """A sentence's scores without the per-vessel ones an earlier sentence
    read (`taken`, the places of their words, updated with this one's)."""
    mine = {(w[2], w[3]) for w in s.words if w[0] == "agatston_vessels"}
    clash = bool(mine & taken)
    taken |= mine
    if not clash:
        return s
    words = tuple(w for w in s.words if w[0] != "agatston_vessels")
    return replace(s, vessels="", words=words)


# What may stand between two conjoined mentions: "and" with a few modifier
# words after it ("... and scattered calcified granulomas").
_CONJOINED = re.compile(r"[^\S\n]*,?[^\S\n]*and[^\S\n]+(?:[a-z-]+[^\S\n]+){0,2}$", re.I)


# "and" right before a mention, with up to two words of its own phrase between
# and no comma: one noun phrase coordinating two findings
_AND_JOINED = re.compile(r"[^\S\n]+and[^\S\n]+((?:[a-z-]+[^\S\n]+){0,2})$", re.I)


def _conjoined_change(
    dr: DescriptorRules,
    text: str,
    spans: list[Span],
    findings: list[Finding],
    i: int,
    sent: Span,
    rd: ReportDoc,
) -> Word | None:
    """The change word that opens the phrase of the finding before finding i
    when an "and" with no comma joins the two in one noun phrase ("increased
    splenic calcifications and calcified portal nodes", "stable calcified
    pleural plaques and calcified hilar nodes"): it grades the whole
    coordination, so finding i takes it, as a grade before two coordinated
    site words grades both. Not past a comma ("new dense calcification, and
    calcified nodes"), nor when an article opens the second conjunct ("a
    new granuloma and a calcified node"): each then has its own phrase."""
    if not i or spans[i - 1].start < sent.start or not findings[i - 1].change:
        return None
    prev = spans[i - 1]
    joined = _AND_JOINED.match(text, prev.end_char, spans[i].start_char)
    if joined is None or dr.phrase_openers & set(joined.group(1).lower().split()):
        return None  # an article opens a phrase of its own (descriptors.json)
    lo, hi = sent.start_char + rd.offset, prev.start_char + rd.offset
    for w in findings[i - 1].descriptor_words:
        if w[0] == "change" and lo <= w[2] and w[3] <= hi:
            return w
    return None


def _alone_in(spans: list[Span], sent: Span) -> bool:
    """Is one finding all the sentence names?"""
    return sum(1 for s in spans if sent.start <= s.start < sent.end) == 1


def _past_semicolon(rd: ReportDoc, spans: list[Span], sent: Span) -> int:
    """Where a sentence ends, or the next one when a semicolon ends it and
    the next names no finding ("...nephrocalcinosis; these are similar")."""
    if not rd.span_text(sent).rstrip().endswith(";") or sent.end >= len(rd.doc):
        return sent.end_char
    nxt = rd.sent_at(sent.end)
    if any(nxt.start <= s.start < nxt.end for s in spans):
        return sent.end_char
    return nxt.end_char


def _restates(
    dr: DescriptorRules, text: str, spans: list[Span], i: int, sent: Span
) -> bool:
    """Does the sentence name finding i as what the finding before it is
    ("calcifications in the pelvis, consistent with phleboliths")?"""
    if not i or spans[i - 1].start < sent.start:
        return False
    gap = text[spans[i - 1].end_char : spans[i].start_char]
    return ";" not in gap and dr.restating.search(gap) is not None


# the words after the last comma before a change word: a copula alone
_COMMA_COPULA = re.compile(r",[^\S\n]*([a-z]+)[^\S\n]+$", re.I)


def _subject_change_back(
    dr: DescriptorRules, text: str, span: Span, f: Finding, prev: Finding, off: int
) -> None:
    """A change that a copula after the comma closing an appositive
    predicates ("A 4 mm calcified focus ..., consistent with a calcified
    granuloma ..., is unchanged") is the subject's, the finding before, not
    the restating finding's inside the appositive: moved to it (GUIDE: the
    restating finding does not take that finding's change)."""
    said = [w for w in f.descriptor_words if w[0] == "change"]
    if len(said) != 1 or prev.change or said[0][2] - off < span.end_char:
        return
    m = _COMMA_COPULA.search(text, span.end_char, said[0][2] - off)
    if m is None or m.group(1).lower() not in dr.copulas:
        return
    prev.change, f.change = f.change, ""
    prev.descriptor_words += (said[0],)
    f.descriptor_words = tuple(w for w in f.descriptor_words if w[0] != "change")


def _inherit(f: Finding, prev: Finding) -> None:
    """A restating finding of the same site and state gives the finding it
    restates its morphology when that has none (the shape of what the
    calcification is: 'calcifications, consistent with milk of calcium'); a
    grade, change, size or distribution stays on the finding whose phrase
    gives it (GUIDE: 'New LUL calcification, likely metastatic
    calcification': the second has no change)."""
    same = (f.negated, f.hypothetical, f.family) == (
        prev.negated,
        prev.hypothetical,
        prev.family,
    )
    if not same or f.site not in ("", prev.site):
        return
    if not prev.morphology:  # "calcifications, consistent with milk of calcium"
        prev.morphology = f.morphology
        prev.descriptor_words += tuple(
            w for w in f.descriptor_words if w[0] == "morphology"
        )


def _from_head(
    dr: DescriptorRules, text: str, f: Finding, head: tuple[int, int] | None, off: int
) -> None:
    """A finding named as what a focus or nodule before it is takes that
    lesion's size and grade (when it has none) and BI-RADS shapes and
    distribution, in text order ("scattered punctate echogenic foci, likely
    vascular calcifications": mild, punctate; "echogenic pyramids in a
    diffuse pattern, typical for nephrocalcinosis": diffuse)."""
    if head is None:
        return
    size = head_size(dr, text, head, off, f.site_text)
    if size is not None and f.size_mm is None:
        f.size_mm = size[0]
        f.descriptor_words += (size[1],)
    shapes, grades, spreads = [], [], []
    for m in dr.terms.finditer(text, *head):
        entry = dr.term(m.group())
        at = (off + m.start(), off + m.end())
        if entry["field"] == "morphology" and entry["value"]:
            shapes.append(entry["value"])
            f.descriptor_words += (("morphology", entry["id"], *at),)
        elif entry["field"] == "distribution" and _spread_of_head(dr, entry, m.group()):
            spreads.append(entry["value"])
            f.descriptor_words += (("distribution", entry["id"], *at),)
        elif entry["field"] == "severity" and entry["value"] and not f.severity:
            grades.append(entry["value"])
            f.descriptor_words += (("severity", entry["id"], *at),)
        elif entry["field"] == "change" and entry["value"] and not f.change:
            f.change = entry["value"]
            f.descriptor_words += (("change", entry["id"], *at),)
    f.morphology = tuple(dict.fromkeys(shapes + list(f.morphology)))
    f.distribution = tuple(dict.fromkeys(spreads + list(f.distribution)))
    f.severity = max(grades, key=SEVERITIES.index) if grades else f.severity


# The next word after blanks.
_WORD_NEXT = re.compile(r"[^\S\n]*([\w-]+)")


def _from_pattern(
    dr: DescriptorRules,
    text: str,
    f: Finding,
    spans: list[Span],
    i: int,
    sent: Span,
    off: int,
) -> None:
    """A finding named by a restating link as what the part of its sentence
    before it describes, when that part names no focus or nodule (no
    restated head) and no other finding, takes the distribution a phrase of
    that part gives the described thing ("echogenic medullary pyramids in a
    diffuse pattern, consistent with nephrocalcinosis": diffuse): a
    distribution term right before a spread_heads word, or ending in one ("in
    a linear distribution"); not a bare "diffusely echogenic", nor where the
    part names a lesion a 'non-' prefix denies ("segmental non-mass
    enhancement, corresponding to the calcifications": the enhancement's)."""
    span = spans[i]
    lo = sent.start_char
    if i and spans[i - 1].start >= sent.start:
        lo = max(lo, spans[i - 1].end_char)
    links = list(dr.restating.finditer(text, lo, span.start_char))
    if not links:
        return
    link = links[-1]
    if len(WORD.findall(text, link.end(), span.start_char)) > dr.window:
        return
    named = {w.lower() for w in _TOKEN.findall(text, lo, link.start())}
    if named & (dr.restated_heads | dr.lesion_nouns):
        return  # "segmental non-mass enhancement, corresponding to the calcifications"
    for m in dr.terms.finditer(text, lo, link.start()):
        entry = dr.term(m.group())
        if entry["field"] != "distribution" or not entry["value"]:
            continue
        nxt = _WORD_NEXT.match(text, m.end(), link.start())
        last = m.group().split()[-1].lower()
        if last in dr.spread_heads or (nxt and nxt.group(1).lower() in dr.spread_heads):
            f.distribution = (entry["value"],)
            f.descriptor_words += (
                ("distribution", entry["id"], off + m.start(), off + m.end()),
            )
            return


def _spread_of_head(dr: DescriptorRules, entry: dict[str, str], phrase: str) -> bool:
    """Does a distribution term of a restated head say how the calcification
    spreads ("clusters of", "in a diffuse pattern"), not only the head's own
    shape ("linear density"; descriptors.json `head_shape_spreads`: those
    give a distribution only in a phrase that says so, "in a linear
    distribution")?"""
    if not entry["value"]:
        return False
    shape_too = entry["value"] in dr.head_shape_spreads
    return not shape_too or "distribution" in phrase.lower()


# A comparison whose standard is the mention: the change word before it
# ("enhancement slightly larger than the mammographic calcifications") grades
# the thing compared with the calcification, not the calcification.
_THAN = re.compile(r"[^\S\n]+than[^\S\n]+(?:the[^\S\n]+)?(?:[\w-]+[^\S\n]+){0,2}$", re.I)


# The nouns a denial before the mention coordinates with it ("no new mass/
# calcs", "no new masses or calcifications"): up to three words each, joined
# by a slash, a comma, "or", "and" or "nor", the last joiner right before the
# mention.
_DENIED_LIST = re.compile(
    r"(?:[^\S\n]*[\w-]+(?:[^\S\n]+[\w-]+){0,2}[^\S\n]*"
    r"(?:/|,(?:[^\S\n]*(?:or|and|nor)\b)?|[^\S\n](?:or|and|nor)\b))+[^\S\n]*$",
    re.I,
)


def _denies_list(dr: DescriptorRules, text: str, c: Clause) -> bool:
    """Does an `own_lesion` term before the mention reach it over a list of
    nouns it is coordinated with ("no new mass or calcs": a denial of
    each), past the clause's own start?"""
    for m in dr.terms.finditer(text, max(0, c.start - 80), c.start):
        if dr.term(m.group()).get("own_lesion") and _DENIED_LIST.fullmatch(
            text, m.end(), c.start
        ):
            return True
    return False


def _grades_calcified(text: str, m: re.Match[str], c: Clause) -> bool:
    """Is the severity term an adverb right before the mention's opening
    word ("Severely calcified mid LAD stenosis")? It grades that word, how
    much calcium, not the narrowing the mention ends in ("severe calcific
    aortic stenosis")."""
    return m.group().lower().endswith("ly") and not text[m.end() : c.start].strip()


def _clause_terms(dr: DescriptorRules, text: str, c: Clause) -> Iterator[re.Match[str]]:
    """The terms of the clause's words in text order. A term with no value
    that runs into the mention ("dense breast" of "dense breast arterial
    calcifications") names no thing of its own: what stands before the
    mention is read again on its own ("dense", the mention's grade)."""
    for m in dr.terms.finditer(text, c.lo, max(c.hi, c.hi_shape, c.hi_grade)):
        if m.start() < c.start < m.end() and not dr.term(m.group())["value"]:
            inner = dr.terms.match(text, m.start(), c.start)
            if inner is not None:
                yield inner
            continue
        yield m


def _terms(
    dr: DescriptorRules, f: Finding, text: str, c: Clause, off: int
) -> list[Word]:
    """Severity (the highest grade named), change (the first, or the one
    right before the mention), morphology and distribution (in text order)
    from the clause's words."""
    words: list[Word] = []
    grades: list[str] = []
    morph: list[str] = []
    dist: list[str] = []
    last = text[c.start : c.end].split()[-1]
    graded = last.lower() in dr.graded_heads or last in dr.graded_abbreviations
    # a comparative before the mention ("smaller areas of calcinosis"): the
    # change only when the clause gives no other
    comparative: Word | None = None
    changed = -1  # where the last change word of the clause ends
    found = list(_clause_terms(dr, text, c))
    # "no new mass/calcs": the calcs are no earlier lesion
    f.own_lesion = f.own_lesion or _denies_list(dr, text, c)
    for k, m in enumerate(found):
        entry = dr.term(m.group())
        field, value = entry["field"], entry["value"]
        if field in ("severity", "change") and _grades_uptake(dr, text, m.end()):
            continue  # "faint uptake", "increased uptake in": the tracer's
        if field == "change":
            changed = m.end()
        elif (
            field == "severity"
            and changed >= 0
            and m.group().lower() in dr.change_adverbs
            and not text[changed : m.start()].strip()
        ):
            continue  # "increased slightly" grades the change, not the calcium
        elif field == "severity" and _grades_change_noun(dr, text, m, found[k + 1 :]):
            continue  # "mild increase in the calcification" grades the change
        if not in_reach(dr, text, c, m, field) or not predicate_ok(dr, text, m):
            continue
        if field == "change" and _THAN.match(text, m.end(), c.start):
            continue  # "enhancement larger than the calcifications": another's
        if field == "severity" and graded and not _grades_calcified(text, m, c):
            continue  # "severe calcific aortic stenosis" grades the stenosis
        f.own_lesion = f.own_lesion or bool(entry.get("own_lesion"))
        if not value:
            continue
        word = (field, entry["id"], off + m.start(), off + m.end())
        if field == "change" and _comparative(dr, m, c.start):
            comparative = comparative or word
            continue
        words.append(word)
        if field == "severity":
            grades.append(value)
        elif field == "change":
            # the first, but for one right before the mention ("smaller and
            # newly calcified": the mention's own word)
            own = m.end() <= c.start and text[m.end() : c.start].strip() == ""
            f.change = value if own else f.change or value
        elif field == "morphology" and value not in morph:
            morph.append(value)
        elif field == "distribution" and value not in dist:
            dist.append(value)
    if comparative is not None and not f.change:
        f.change = dr.term(text[comparative[2] - off : comparative[3] - off])["value"]
        words.append(comparative)
    f.severity = max(grades, key=SEVERITIES.index) if grades else ""
    f.morphology, f.distribution = tuple(morph), tuple(dist)
    return words


def _grades_change_noun(
    dr: DescriptorRules, text: str, m: re.Match[str], later: list[re.Match[str]]
) -> bool:
    """Does the grade word `m` stand right before a change phrase that opens
    with a change noun (`change_nouns`: "mild increase in", "slight interval
    progression of")? It grades the change then, not the calcium."""
    if not later or text[m.end() : later[0].start()].strip():
        return False
    nxt = later[0]
    if dr.term(nxt.group())["field"] != "change":
        return False
    first = nxt.group().lower().split()[:2]
    return bool(first) and (
        first[0] in dr.change_nouns
        or (first[0] == "interval" and len(first) > 1 and first[1] in dr.change_nouns)
    )


# one word, or a hyphen, right after a position (for `_grades_uptake`)
_ONE_WORD = re.compile(r"[^\S\n]*([\w]+|-)")


def _grades_uptake(dr: DescriptorRules, text: str, end: int) -> bool:
    """Does the grade word ending at `end` stand before a tracer's uptake
    (`uptake_nouns`), with only `uptake_modifiers` between ("faint uptake",
    "moderate tracer accumulation", "mild soft-tissue uptake")? On a scan it
    grades the uptake then, not the calcium (corpora/GUIDE.md, severity)."""
    at = end
    for _ in range(4):
        m = _ONE_WORD.match(text, at)
        if m is None:
            return False
        word = m.group(1).lower()
        if word in dr.uptake_nouns:
            return True
        if word not in dr.uptake_modifiers:
            return False
        at = m.end()
    return False


def _comparative(dr: DescriptorRules, m: re.Match[str], start: int) -> bool:
    """Is a change term a comparative of lesion_other_comparatives before the
    mention (`start`): "smaller areas of calcinosis cutis over both knees,
    unchanged for a year"? It may compare the lesion with another of the
    report, not with the prior study, so another change phrase of the
    finding wins over it."""
    return m.end() <= start and m.group().lower() in dr.other_comparatives


def _segment(dr: DescriptorRules, text: str, c: Clause, site: str, own: str = "") -> str:
    """The vessel segment words of the finding's clause, normalised ("ostial
    calcific plaque", "plaque within the mid vessel", "proximal to mid").
    At a vessel site, none where its only segment words are those an
    extension word after the mention leads to ("the calcification extended
    into the mid vessel"): a calcification that extends into a segment lies
    where it starts as well, which the clause leaves unsaid (GUIDE: lesion,
    one that extends from or into the other's sub-site is one lesion); a
    valve's annulus or leaflet it extends into stays a part of its own; the
    segment words past an extension word into another coronary vessel than
    the one its site words `own` name are that vessel's."""
    mine = _own_segment(dr, text, c)
    if mine:
        return mine
    hi = max(c.hi_grade, c.end)
    found = dr.segments.findall(text, _past_beyond(dr, text, c.lo, c.start), hi)
    vessel = site in dr.vessel_sites
    ext = dr.extension_words.search(text, c.end, hi) if found and vessel else None
    if (
        ext is not None
        and dr.segments.search(text, c.lo, ext.start()) is None
        and _FROM.match(text, ext.end()) is None  # "extends from the cusp into"
    ):
        return ""
    if ext is not None and _into_other_vessel(dr, text, ext.end(), hi, own):
        # "plaque of the distal left main extending into the ostial LAD": the
        # segment words past the extension word are the other vessel's
        found = dr.segments.findall(text, _past_beyond(dr, text, c.lo, c.start), ext.start())
    elif found:
        found += _joined_segments(dr, text, _last_segment_end(dr, text, c.lo, hi), own)
    return _segment_words(dr, found)


# an article or possessive between a place join and the segment it adds
# ("the ostium and the proximal segment", "its proximal and its mid third")
_JOINED_ARTICLE = re.compile(r"(?:(?:the|its)[^\S\n]+)?", re.I)
# where the words a joined segment may belong to end (its vessel's name
# comes before these)
_CLAUSE_END = re.compile(r"[.,;:\n]")


def _last_segment_end(dr: DescriptorRules, text: str, lo: int, hi: int) -> int:
    """Where the last segment word of the clause (`lo` to `hi`) ends."""
    ends = [m.end() for m in dr.segments.finditer(text, lo, hi)]
    return ends[-1] if ends else hi


def _joined_segments(dr: DescriptorRules, text: str, end: int, own: str) -> list[str]:
    """The segment words a place join adds right after the clause's last
    one, past the clause's end ("calcification of the ostium and proximal
    segment", "calcified in its proximal and mid segments"): one
    calcification at both (GUIDE: lesion, a phrase that joins two places
    names one lesion at both; a later finding naming one restates it); not
    a segment of another coronary vessel than the finding's own ("the
    proximal LAD and mid RCA")."""
    added: list[str] = []
    while True:
        rest = text[end : end + 40]
        gap = len(rest) - len(rest.lstrip(" \t"))
        join = dr.place_joins.match(rest, gap)
        if join is None or not join.group().strip().isalpha():
            return added
        if rest[join.end() : join.end() + 1] != " ":
            return added
        at = end + join.end() + 1
        article = _JOINED_ARTICLE.match(text, at)
        part = dr.segments.match(text, article.end() if article else at)
        if part is None or text[part.end() : part.end() + 1].isalnum():
            return added
        after = _CLAUSE_END.split(text[part.end() : part.end() + 30], maxsplit=1)[0]
        if _into_other_vessel(dr, after, 0, len(after), own):
            return added
        added.append(part.group())
        end = part.end()


def _into_other_vessel(dr: DescriptorRules, text: str, lo: int, hi: int, own: str) -> bool:
    """Does the first coronary vessel named between `lo` and `hi` differ from
    the finding's own (its site words `own` naming one)?"""
    other = dr.vessel_words.search(text, lo, hi)
    mine = dr.vessel_words.search(own)
    if other is None or mine is None:
        return False
    return dr.vessel(other.group()) != dr.vessel(mine.group())


# the word right after a mention, on its line
_NEXT_WORD = re.compile(r"[^\S\n]+[\w-]+")


def _own_segment(dr: DescriptorRules, text: str, c: Clause) -> str:
    """The segment words the mention names itself, or the noun right after a
    mention that is its adjective names ("calcified chordae", "calcified
    leaflet tips"): that part is the lesion's, whatever other part the
    clause places it by ("calcified chordae below the posterior leaflet";
    GUIDE: lesion, a valve's parts are different lesions), with the parts a
    place join adds right after it ("calcified leaflets and chordae": one
    lesion at both, GUIDE: lesion); "" else."""
    end = c.end
    words = text[c.start : c.end].split()
    if words and words[-1].lower() in dr.size_adjectives:
        m = _NEXT_WORD.match(text, c.end)
        end = m.end() if m else end
    if not dr.segments.search(text, c.start, end):
        return ""
    last = text[c.start : end].split()[-1]
    # a part a place join adds right after the part that ends the mention's
    # words ("calcified leaflets and chordae"; not "ostial calcification and
    # proximal plaque"): its next word
    while dr.segments.fullmatch(last):
        rest = text[end : end + 40]
        join = dr.place_joins.match(rest.lstrip())
        if join is None:
            break
        part = _NEXT_WORD.match(text, end + len(rest) - len(rest.lstrip()) + join.end())
        if part is None or not dr.segments.fullmatch(part.group().strip()):
            break
        last, end = part.group().strip(), part.end()
    return _segment_words(dr, dr.segments.findall(text, c.start, end))


# "from" after an extension word, past "down" or "up": the place it starts
_FROM = re.compile(r"(?:[^\S\n]+(?:down|up|out))?[^\S\n]+from(?!\w)", re.I)


def _site_segment(
    dr: DescriptorRules, text: str, f: Finding, sent: Span, c: Clause
) -> str:
    """The segment words right before the finding's site words where its
    sentence names them ahead of its clause ("stenosis of the proximal LAD
    due to extensive calcified plaque": the plaque is the proximal LAD's),
    when its clause names none; else ""."""
    site = f.site_text.lower()
    if not site:
        return ""
    # the words before the clause only, not the whole report lowered per finding
    at = text[sent.start_char : c.lo].lower().rfind(site)
    if at < 0:
        return ""
    at += sent.start_char
    if _past_beyond(dr, text, at, c.start) > at:
        return ""  # "the distal LAD beyond the calcified segment": another place
    before = text[max(sent.start_char, at - 20) : at].split()[-2:]
    return _segment_words(dr, dr.segments.findall(" ".join(before)))


def _segment_before(
    dr: DescriptorRules, rd: ReportDoc, spans: list[Span], f: Finding, sent: Span, text: str
) -> str:
    """The vessel segment the sentence right before the finding's names, when
    the finding's own sentence names no place and that sentence holds no
    calcification, no place but the finding's site and no vessel: "A 60% narrowing
    between the first and second diagonals was dilated. A residual calcified
    plaque remained." (the plaque lies where the narrowing was: guide "Site
    and side from context"; a place past the first diagonal is the mid LAD,
    `mid_segment_landmarks`), so that it is told from a lesion of another
    segment (GUIDE: lesion, different sub-sites); "" else."""
    if f.site not in dr.vessel_sites or sent.start == 0 or rd.sentence_sites(sent.start):
        return ""
    before = rd.sent_at(sent.start - 1)
    lo, hi = before.start_char, before.end_char
    if any(lo <= s.start_char < hi for s in spans) or any(
        ref.site != f.site for ref in rd.sentence_sites(before.start)
    ):
        return ""
    if dr.vessel_words.search(text, lo, hi):
        # "The mid RCA was normal.": a vessel that sentence names is the
        # site's evidence, no place of the finding (`lesions._said_sub_site`)
        return ""
    if dr.mid_landmarks.search(text, lo, hi):
        return "" if f.site_text and _names_other_than_lad(dr, f.site_text) else "mid"
    return _segment_words(dr, dr.segments.findall(text, lo, hi))


def _names_other_than_lad(dr: DescriptorRules, site_text: str) -> bool:
    """Do the finding's site words name a coronary vessel other than the
    LAD, whose diagonals the mid-segment landmarks count?"""
    return any(dr.vessel(v) != "LAD" for v in dr.vessel_words.findall(site_text))


def _past_beyond(dr: DescriptorRules, text: str, lo: int, start: int) -> int:
    """Where the finding's segment words may start: `lo`, or past the last
    word between `lo` and the mention (at `start`) that sets the place before
    it apart from the calcification ("the distal LAD beyond the calcified
    segment"; descriptors.json `segment_beyond_words`)."""
    ends = [m.end() for m in dr.beyond_words.finditer(text, lo, start)]
    return ends[-1] if ends else lo


def _segment_words(dr: DescriptorRules, found: list[str]) -> str:
    """Segment words as the finding gives them: each normalised by its
    synonym, lower case, once, in order ("Proximal", "prox" -> "proximal")."""
    words = (dr.synonyms.get(w.lower(), w.lower()) for w in found)
    return " ".join(dict.fromkeys(words))


def _anaphor(dr: DescriptorRules, before: str) -> bool:
    """Does the finding's clause open with an anaphor ("It is calcified",
    "The calcification is stable")?"""
    words = [w.lower() for w in _TOKEN.findall(before) if w.isalnum()]
    return bool(words) and words[0] in dr.anaphors and len(words) <= 3


# How many words may stand between an indefinite article and the lesion noun
# it introduces ("a small nodular density").
_INTRODUCED_REACH = 3


def _lead_in(rd: ReportDoc, sent: Span) -> int:
    """Where the words before the sentence's first clause start: the
    sentence's start, or that of the part a semicolon ends right before it."""
    k = sent.start - 1
    while k >= 0 and rd.doc[k].is_space:
        k -= 1
    return rd.sent(rd.doc[k]).start_char if k >= 0 and rd.doc[k].text == ";" else sent.start_char


def _introduced(
    dr: DescriptorRules, text: str, start: int, lo: int, prev: Span | None
) -> bool:
    """Does the sentence, before the clause at `lo` that an anaphor opens,
    introduce a lesion noun of its own with "a" or "an" and name no finding
    ("There is a nodular density at the right apex; it is calcified")? The
    anaphor then points at that noun, not back at a finding named before
    (GUIDE: lesion, an anaphor refers back to the calcification it names)."""
    if prev is not None and prev.end_char > start:
        return False  # a finding of the sentence before the clause
    words = [w.lower() for w in _TOKEN.findall(text[start:lo]) if w.isalnum()]
    for k, w in enumerate(words):
        if w in dr.lesion_nouns and {"a", "an"} & set(words[max(0, k - _INTRODUCED_REACH) : k]):
            return True
    return False


_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6"}
_ROMAN_CATEGORY = re.compile(r"(VI|IV|V|III|II|I)([ABC]?)")


def _arabic(value: str, words: dict[str, float] | None = None) -> str:
    """A category written in Roman numerals in Arabic ones ("IV" -> "4",
    "IVB" -> "4B"), as BI-RADS lists them, or in a word ("ZERO" -> "0", by
    `words`: descriptors.json number_words); any other value as it is."""
    m = _ROMAN_CATEGORY.fullmatch(value)
    if m:
        return _ROMAN[m.group(1)] + m.group(2)
    number = (words or {}).get(value.lower())
    return str(int(number)) if number is not None else value


def _category(written: str, words: dict[str, float]) -> str:
    """A BI-RADS category as written ("4 A", "4-b", "IVB", "two") in the
    form the field holds ("4A", "4B", "2"). A letter after a category BI-RADS
    does not subdivide ("IIB", only 4 has A, B and C) is no subcategory: the
    category stands without it, and the report is read, not failed
    (corpora/GUIDE.md, Descriptors: birads)."""
    value = _arabic("".join(written.upper().replace("-", "").split()), words)
    return value if value in BIRADS else value[:-1]


def _categories(m: re.Match[str], words: dict[str, float]) -> list[str]:
    """The categories a BI-RADS match states: its `value`, and its `value2`
    when one name stands before the category of each breast ('BI-RADS
    Right: 2, Left: 4C'; corpora/GUIDE.md, Descriptors: birads, the highest
    of several)."""
    written = [m.group("value")]
    if "value2" in m.re.groupindex and m.group("value2"):
        written.append(m.group("value2"))
    return [_category(w, words) for w in written]


def birads(
    dr: DescriptorRules,
    text: str,
    rules: list[tuple[str, re.Pattern[str], int]] | None = None,
) -> tuple[str, Word | None]:
    """The report's BI-RADS category: the overall one, else the highest.
    `rules`: the BI-RADS rules that may match the text, in their order, each
    with the place no match of it starts before, when the caller has told
    them (all of them, from the text's start, by default)."""
    if rules is None:
        rules = [(rid, rx, 0) for rid, rx in dr.patterns.get("birads", [])]
    found: list[tuple[bool, bool, int, str, Word]] = []
    for rid, rx, at in rules:
        for m in rx.finditer(text, at):
            value = max(_categories(m, dr.number_words), key=BIRADS.index)
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].lower()
            words = _TOKEN.findall(line)
            overall = any(w in dr.overall for w in words)
            found.append(
                (
                    overall,
                    not _of_a_prior_exam(dr, line),
                    BIRADS.index(value),
                    value,
                    ("birads", rid, m.start(), m.end()),
                )
            )
    if not found:
        return "", None
    best = max(found, key=lambda x: (x[0], x[1], x[2]))
    return best[3], best[4]


def _of_a_prior_exam(dr: DescriptorRules, line: str) -> bool:
    """Does the sentence that leads to a category on its line speak of an
    earlier or outside exam ('COMPARISON: Mammogram 2019 (BI-RADS 4, ...)',
    'Prior mammogram assessed as BI-RADS 0')? That category is the earlier
    exam's: it gives the report's only when no other is stated (corpora/
    GUIDE.md, Descriptors: birads is the category the report states)."""
    sentence = line[line.rfind(". ") + 1 :]
    return any(w in dr.prior_exam for w in _TOKEN.findall(sentence))
