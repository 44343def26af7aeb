"""Findings stage: one typed `Finding` per mention, classified (guide §4)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span

from calc_nlp.classify import CauseRecord, CueRecord, Features, classify
from calc_nlp.schema import (
    DYSTROPHIC,
    INDETERMINATE,
    METASTATIC,
    Condition,
    Finding,
    LabValue,
    finding_id,
)
from calc_nlp.stages.context_sites import (
    POINTING_PRONOUNS,
    SENTENCES_BACK,
    part_ended,
    side_from_label,
    side_labels_on_line,
    side_of_owner,
    site_from_label_line,
)
from calc_nlp.stages.exam_sites import (
    side_from_exam,
    side_from_topic,
    side_of_named_study,
)
from calc_nlp.stages.linking import (
    heads_a_list,
    link_site,
    linked,
    part_words,
    qualified,
)
from calc_nlp.stages.modifiers import flags, rule_ids
from calc_nlp.stages.record import ReportDoc, SiteRef
from calc_nlp.stages.section_flags import section_flags
from calc_nlp.stages.sides import (
    lat_in_sentence,
    plural_before_semicolon,
    side_of_joined_places,
    side_of_whole,
    two_sides,
)
from calc_nlp.stages.toolkit import Toolkit


@dataclass(frozen=True)
class ReportContext:
    """What every finding of a report shares: the report's id and digest, its
    cues and causes, its conditions and lab values."""

    report_id: str
    digest: str  # SHA-256 of the whole report text, for finding ids
    cues: list[Span]
    causes: list[tuple[int, CauseRecord]]
    conditions: tuple[Condition, ...]
    labs: tuple[LabValue, ...]


def finding(
    kit: Toolkit, rd: ReportDoc, ctx: ReportContext, span: Span, site: SiteRef | None
) -> Finding:
    """The finding of one mention, with its flags, site, side and class."""
    fl = section_flags(kit, rd, span, flags(rd.mods, span))
    if "historical" in fl and "negated" not in fl and kit.md(span).get("score_phrase"):
        # 'Prior calcium score of 812': the score of an earlier study measured
        # calcium seen before, which stays (guide §2: a deposit earlier
        # studies showed is present, not historical, unless it is denied)
        fl.discard("historical")
    section = rd.layout.sections[span.start][0]
    site_name = site.site if site else ""
    info = kit.site_info(site_name)
    off = rd.offset
    start, end = off + span.start_char, off + span.end_char
    f = Finding(
        report_id=ctx.report_id,
        mention=rd.span_text(span),
        start=start,
        end=end,
        finding_id=finding_id(ctx.report_id, ctx.digest, start, end),
        section=section,
        sentence=" ".join(rd.span_text(rd.sent(span)).split()),  # runs as one space
        mention_at=_mention_at(rd, span),
        site=site_name,
        site_text=site.text if site else "",
        laterality=_side(kit, rd, span, site, site_name)
        if info.get("sided", True)
        else _own_side(kit, site) or side_of_joined_places(kit, rd, span, site),
        conditions=bearing(kit, rd, ctx, span, site_name),
        negated="negated" in fl,
        uncertain="uncertain" in fl,
        historical="historical" in fl,
        hypothetical="hypothetical" in fl,
        family="family" in fl,
        physiologic=bool(info.get("physiologic")),
        rule_id=span.id_,
        modifiers=rule_ids(rd.mods, span),
        site_rule=site.rule_id if site else "",
        marks=marks(rd, span, site),
    )
    if not f.laterality and info.get("sided", True):
        f.context_side = side_from_exam(kit, rd, site_name, operation=True)
    if f.affirmed:
        result = classify(features(kit, rd, ctx, span, site, f))
        f.classification = result.classification
        f.confidence = result.confidence
        f.evidence = result.evidence
    return f


def _own_side(kit: Toolkit, site: SiteRef | None) -> str:
    """The side a site rule's own phrase implies on a site with no side
    otherwise ('left main bronchus' on the trachea; guide §2)."""
    return str(kit.md(site.span).get("laterality") or "") if site else ""


def _mention_at(rd: ReportDoc, span: Span) -> int:
    """Where the mention starts in its sentence as `Finding.sentence` writes
    it (white space runs as one space, ends stripped): the sentence's text
    before the mention, written the same way, is that long."""
    before = rd.text[rd.sent(span).start_char : span.start_char]
    # `len(re.sub(r"\s+", " ", before).lstrip())` (`\s` and `str.split`
    # part words at the same characters): the words one space apart, and a
    # space after them when white space ends the text
    words = before.split()
    return len(" ".join(words)) + before[-1].isspace() if words else 0


def restated_causes(
    kit: Toolkit,
    rd: ReportDoc,
    ctx: ReportContext,
    sites: list[SiteRef | None],
    found: list[Finding],
) -> list[Finding]:
    """Guide §4 rule 4 for a finding no rule classed: a cause its own sentence
    gave another finding at the same place is a dystrophic cause at that
    place named in another sentence ('Calcified nodules at the right base,
    compatible with healed granulomas. IMPRESSION: Right basilar calcified
    nodules.'). Only those findings are classed again. A finding that names
    no place of its own (its site only the exam's reading, 'Calcified
    granuloma.' on a chest film) gives its cause only to findings that name
    none either: a later one naming where it lies ('a nodular density at the
    right apex; it is calcified') is another lesion (GUIDE: lesion), whose
    cause the first does not tell."""
    if not any(f.classification == INDETERMINATE for f in found):
        return found
    extra: list[tuple[int, CauseRecord]] = []
    unplaced: list[tuple[int, CauseRecord]] = []
    for span, site, f in zip(rd.matches.calc, sites, found, strict=True):
        if f.classification != DYSTROPHIC or site is None or not f.site:
            continue
        own, _ = own_cues(kit, rd, span, ctx.cues, f.site)
        # a word several sites share ('nodules') names no part of the one
        # it means: with a side it places the cause at that side of the
        # whole site ('b/l calcified nodules, likely granulomas'), without
        # one nowhere, as a finding with no site words
        shared = "candidates" in kit.md(site.span)
        text = "" if site.span is span or shared else part_words(kit, rd, site)
        placed = bool(f.site_text) and not (shared and not f.laterality)
        start = rd.layout.sent_first[span.start]
        (extra if placed else unplaced).extend(
            (start, CauseRecord(c.name, f.site, f.laterality, text, c.text))
            for c in own
            if c.rule == 1
        )
    if not extra and not unplaced:
        return found
    wider = replace(ctx, causes=[*ctx.causes, *extra])
    widest = replace(ctx, causes=[*ctx.causes, *extra, *unplaced])
    return [
        finding(kit, rd, widest if not f.site_text else wider, span, site)
        if f.classification == INDETERMINATE
        else f
        for span, site, f in zip(rd.matches.calc, sites, found, strict=True)
    ]


def bearing(
    kit: Toolkit, rd: ReportDoc, ctx: ReportContext, span: Span, site: str
) -> tuple[Condition, ...]:
    """The report's conditions that bear on this finding (guide §3-§4): the
    systemic (metastatic) ones, and the others named in its sentence, named
    at its site elsewhere, or that make its site dystrophic-prone. The report
    row keeps them all."""
    first = rd.layout.sent_first[span.start]
    here = {
        kit.md(c)["condition"]
        for c in rd.matches.conds
        if rd.layout.sent_first[c.start] == first
    }
    at_site = {c.name for _, c in ctx.causes if site and c.site == site}
    prone_if = set(kit.site_info(site).get("dystrophic_prone_if", ()))
    return tuple(
        c
        for c in ctx.conditions
        if c.category == METASTATIC or c.name in here | at_site | prone_if
    )


def features(
    kit: Toolkit,
    rd: ReportDoc,
    ctx: ReportContext,
    span: Span,
    site: SiteRef | None,
    f: Finding,
) -> Features:
    """The classifier's input record for one affirmed finding."""
    info = kit.site_info(f.site)
    sent_start = rd.layout.sent_first[span.start]
    own, distribution = own_cues(kit, rd, span, ctx.cues, f.site)
    return Features(
        site=f.site,
        site_text=part_words(kit, rd, site) if site and site.span is not span else "",
        laterality=f.laterality,
        metastatic_prone=bool(info.get("metastatic_prone")),
        dystrophic_prone=bool(info.get("dystrophic_prone"))
        or qualified(kit, rd, span, f.site, site.span if site else None),
        dystrophic_prone_if=tuple(info.get("dystrophic_prone_if", ())),
        cues=own,
        conditions=tuple(
            (
                c.name,
                c.category,
                c.section,
                kit.rules.conditions[c.name].get("mineral_driver", "calcium"),
            )
            for c in ctx.conditions
        ),
        labs=tuple((v.name, v.flag, v.value, v.unit) for v in ctx.labs),
        causes_elsewhere=tuple(c for s0, c in ctx.causes if s0 != sent_start),
        distribution=distribution,
        uncertain=f.uncertain,
        site_words=f.site_text,
        condition_words=tuple((c.name, c.words) for c in ctx.conditions),
    )


def own_cues(
    kit: Toolkit, rd: ReportDoc, f: Span, cues: list[Span], site: str
) -> tuple[tuple[CueRecord, ...], str]:
    """Cues of this finding's sentence that belong to it (inside it, or nearest
    to it), and those of a next sentence that only points back to it ('... calcified
    nodules. These are compatible with healed granulomas.')."""
    sent = rd.sent(f)
    calc = rd.matches.calc
    own: list[CueRecord] = []
    distribution = ""
    after = _pointing_sentence(rd, sent, f)
    for c in cues:
        if after is not None and after.start <= c.start < after.end:
            own += _cue_records(kit, rd, c, site)
            continue
        if not (sent.start <= c.start < sent.end):
            continue
        holder = next((x for x in calc if x.start <= c.start and c.end <= x.end), None)
        after_link = holder is None and any(
            sent.start <= k.start and k.end <= c.start and f.end <= k.start
            for k in rd.matches.links
        )
        if holder is None:
            same = [x for x in calc if sent.start <= x.start < sent.end]
            holder = min(
                same, key=lambda x: min(abs(x.start - c.end), abs(c.start - x.end))
            )
        if (
            holder is not f
            and not after_link
            and not linked(rd, f, holder)
            and not heads_a_list(rd, c, f)
        ):
            continue
        if holder is f and not after_link and _next_item(rd, f, c):
            continue
        if c.label_ == "DISTRIBUTION":
            distribution = distribution or kit.md(c)["distribution"]
            continue
        own += _cue_records(kit, rd, c, site)
    return tuple(own), distribution


def _next_item(rd: ReportDoc, f: Span, c: Span) -> bool:
    """Is the cue or condition after the finding another item of its
    sentence, joined by ', and' or a semicolon with no link word between
    ('calcification of the aortic knob, and old healed left rib fractures':
    the fractures explain nothing of the knob)?"""
    if c.start < f.end:
        return False
    words = rd.lower[f.end : c.start]
    pairs = zip(words, words[1:], strict=False)
    return ";" in words or any(a == "," and b == "and" for a, b in pairs)


def _cue_records(kit: Toolkit, rd: ReportDoc, c: Span, site: str) -> list[CueRecord]:
    """The classifier's record of a cue or condition, none for a distribution
    word or a cue that needs another site."""
    md = kit.md(c)
    if c.label_ == "DISTRIBUTION":
        return []
    need = md.get("requires_site")
    if need and site not in need:
        return []
    if c.label_ == "CONDITION":
        if (
            site
            and md.get("site")
            and md["site"] != site
            and not kit.site_info(site).get("unspecific")
        ):
            return []  # surgery at another place ('following renal transplant')
        return [CueRecord(md["condition"], 1, rd.span_text(c))]
    return [CueRecord(md["cue"], int(md["rule"]), rd.span_text(c))]


def _pointing_sentence(rd: ReportDoc, sent: Span, f: Span) -> Span | None:
    """The sentence after the finding's when it opens with a pronoun pointing
    back ('These are compatible with healed granulomas.'), names no finding
    of its own, and the finding is the last of its sentence."""
    calc = rd.matches.calc
    if sent.end >= len(rd.doc) or any(f.end <= x.start < sent.end for x in calc):
        return None
    nxt = rd.sent_at(sent.end)
    # only its first word is read: not a Token made of each of its words
    first = next((t for t in nxt if not t.is_space and not t.is_punct), None)
    if first is None or first.lower_ not in POINTING_PRONOUNS:
        return None
    if any(nxt.start <= x.start < nxt.end for x in calc):
        return None
    return nxt


def marks(
    rd: ReportDoc, span: Span, site: SiteRef | None
) -> tuple[tuple[int, int, str], ...]:
    """Character spans of the finding's site words and ConText triggers,
    read off their first and last tokens as a Span of them reads its
    `start_char` and `end_char` (no Span made: it makes three tokens)."""
    off, doc, where = rd.offset, rd.doc, rd.mods.sub_to_doc
    out: list[tuple[int, int, str]] = []
    if site is not None and site.text and site.span is not span:
        out.append((off + doc[site.start].idx, off + site.span.end_char, "site"))
    for m in rd.mods.of(span):
        a, b = m.modifier_span
        if a in where and b - 1 in where:
            first, last = doc[where[a]], doc[where[b - 1]]
            out.append(
                (off + first.idx, off + last.idx + len(last), f"modifier:{m.category}")
            )
    return tuple(sorted(set(out)))


def _side(kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef | None, name: str) -> str:
    """The finding's side (guide §2): two sides named for it, the side on its
    site, a side word of its sentence, the side of a one-sided exam (not of
    an operation named on its line) or of one its sentence names, or of the
    part a sentence shortly before says the note is about. A site
    taken from an earlier sentence brings its side only where the finding's
    own sentence writes none ('Right: calcified plaque. Left: plaque without
    calcification.' - the second is left)."""
    first = rd.layout.sent_first
    own = site is not None and first[site.span.start] == first[f.start]
    carried = site.laterality if site is not None else ""
    if carried and not own and site is not None and _label_part_ended(rd, f, site):
        carried = ""  # 'Left breast: ... Right breast: vascular calcifications. No masses.'
    return (
        two_sides(kit, rd, f, site)
        or (carried if own else "")
        or (side_of_whole(rd, site) if own else "")
        or (side_of_owner(kit, rd, site) if own and site is not None else "")
        or lat_in_sentence(kit, rd, f, site)
        or _side_of_antecedent(kit, rd, f)
        or _side_of_former_or_latter(kit, rd, f)
        or _side_before_semicolon(kit, rd, f, site)
        or _side_relative_to_history(kit, rd, f)
        or carried
        or plural_before_semicolon(kit, rd, f, name)
        or _label_side(kit, rd, f, site if own else None)
        or side_from_exam(kit, rd, name, f.start)
        or side_of_named_study(kit, rd, f, name)
        or side_from_topic(kit, rd, f, name)
    )


# Determiners that make a mention point back to an earlier one of the same
# noun ('These microcalcifications are worrisome').
_POINTING_DETERMINERS = frozenset({"this", "these", "that", "those"})


def _side_of_antecedent(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side of the earlier finding a mention led by a demonstrative
    points back to ('Right lobe: nodule with microcalcifications. Left lobe:
    cyst with rim calcification. These microcalcifications are worrisome.'):
    the nearest finding of the same head noun in the few sentences before
    (guide §2 step 4: an earlier mention the sentence points back to, 'these
    calcifications'), whose side is worked out the same way; '' when no
    such finding is there or it has no side."""
    if f.start == 0 or rd.lower[f.start - 1] not in _POINTING_DETERMINERS:
        return ""
    head = rd.lower[f.end - 1].removesuffix("s")
    sent = rd.sent(f)
    lo = sent.start
    for _ in range(SENTENCES_BACK):
        if lo == 0:
            break
        lo = rd.sent_at(lo - 1).start
    earlier = [
        c
        for c in rd.matches.calc
        if lo <= c.start and c.end <= sent.start and rd.lower[c.end - 1].removesuffix("s") == head
    ]
    if not earlier:
        return ""
    a = earlier[-1]
    site = link_site(kit, rd, a)
    if not kit.site_info(site.site if site else "").get("sided", True):
        return ""
    return _side(kit, rd, a, site, site.site if site else "")


# 'The former' points back to the first of two things the sentence before
# named, 'the latter' to the last.
_FORMER_LATTER = {"former": 0, "latter": -1}


def _side_of_former_or_latter(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """'A nodule in the right upper lobe and a second one at the left base.
    The latter is densely calcified.': a sentence that opens with 'the
    former' or 'the latter' speaks of the first or the last thing the
    sentence before named, and the finding takes the side written there
    (guide §2 step 4: an earlier mention the sentence points back to); ''
    where that sentence writes no side."""
    sent = rd.sent(f)
    i = sent.start
    while i < f.start and (rd.layout.blank[i] or rd.lower[i] in {",", ":"}):
        i += 1
    if i + 1 >= f.start or rd.lower[i] != "the" or rd.lower[i + 1] not in _FORMER_LATTER:
        return ""
    if sent.start == 0:
        return ""
    prev = rd.sent_at(sent.start - 1)
    sides = [x for x in rd.matches.lats if prev.start <= x.start < prev.end]
    sides += [
        s.span
        for s in rd.matches.sites
        if prev.start <= s.span.start < prev.end and kit.md(s.span).get("laterality")
    ]
    if not sides:
        return ""
    sides.sort(key=lambda x: x.start)
    return str(kit.md(sides[_FORMER_LATTER[rd.lower[i + 1]]])["laterality"])


# Words that open a clause speaking of what the clause before named ('; the
# vessels were heavily calcified', '; it is calcified').
_CLAUSE_POINTERS = frozenset({"the", "this", "these", "that", "those", "it", "they"})


# Pronouns inside a clause that stand for what the clause before named
# ('...; CT confirms they are calcified'), and the copulas after which
# 'there' opens a clause instead of pointing to a place ('there is').
_CLAUSE_PRONOUNS = frozenset({"it", "they", "them"})
_THERE_COPULAS = frozenset({"is", "are", "was", "were", "has", "have", "may", "appears", "appear"})


def _points_back_within(rd: ReportDoc, sent: Span) -> bool:
    """Does a pronoun inside the clause stand for what the clause before
    named ('they are calcified'), or a 'there' point back to its place ('...
    heterotopic ossification in the subcutaneous tissue there'), not the
    'there' that opens a clause ('there is')?"""
    lower = rd.lower
    for i in range(sent.start, sent.end):
        w = lower[i]
        if w in _CLAUSE_PRONOUNS:
            return True
        if w == "there" and (i + 1 >= sent.end or lower[i + 1] not in _THERE_COPULAS):
            return True
    return False


def _side_before_semicolon(
    kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef | None
) -> str:
    """The one side the clause before a ';' writes, for a finding of the
    clause after it that writes none and goes on about the same thing: a
    clause that points back ('left lower lobe nodule; the calcified granuloma
    beside it is stable') or one that hedges what the first clause found
    ('density in the left perihilar region; a calcified granuloma cannot be
    excluded'). Guide §2: the finding's sentence, or an earlier mention it
    points back to, gives the side. Not where the finding's own place
    phrase names another structure than the clause before ('...; dural
    calcification along the falx'): its place phrase must name a site that
    clause names, with a word of it ('the tibial vessels' after 'the left
    anterior tibial artery'); a site the mention names by itself, one the
    clause before names too (or a clause naming no site). A pronoun inside
    the clause points back as much ('...; CT confirms they are calcified'),
    and so does a 'there' that does not open a clause ('... in the
    subcutaneous tissue there'). '' else."""
    blank, lower = rd.layout.blank, rd.lower
    i = rd.layout.sent_first[f.start] - 1
    while i >= 0 and blank[i]:
        i -= 1
    if i < 0 or lower[i] != ";":
        return ""
    sent = rd.sent(f)
    first = next((k for k in range(sent.start, sent.end) if not blank[k]), None)
    pointing = first is not None and lower[first] in _CLAUSE_POINTERS
    pointing = pointing or _points_back_within(rd, sent)
    if not pointing and "uncertain" not in flags(rd.mods, f):
        return ""
    prev = rd.sent(rd.doc[i])
    named = [
        s
        for s in rd.matches.sites
        if prev.start <= s.span.start < prev.end and s.span.label_ == "SITE"
    ]
    if site is not None and not _same_place(rd, f, sent, site, named):
        return ""
    sides = {
        str(kit.md(x)["laterality"])
        for x in rd.matches.lats
        if prev.start <= x.start < prev.end and not kit.md(x).get("implied")
    }
    sides |= {
        str(kit.md(s.span)["laterality"])
        for s in rd.matches.sites
        if prev.start <= s.span.start < prev.end and kit.md(s.span).get("laterality")
    }
    return sides.pop() if len(sides) == 1 else ""


def _same_place(
    rd: ReportDoc, f: Span, sent: Span, site: SiteRef, named: list[SiteRef]
) -> bool:
    """Is the finding's site one the clause before names (`named`)? A place
    phrase of its own clause outside the mention must share a word before
    its head with a site phrase of that name ('the tibial vessels', 'the
    left anterior tibial artery'); any other site, the name alone. Any site
    where that clause names none of the vocabulary, only a region ('nodules
    on the left forearm; ... ossification in the subcutaneous tissue
    there')."""
    own = sent.start <= site.span.start < sent.end and not f.start <= site.span.start < f.end
    if not own or not named:
        return not named or any(s.site == site.site for s in named)
    # its words before the head ('tibial' of 'the tibial vessels'): a head
    # alone ('vessels', 'artery') names no one structure
    words = {w for w in rd.lower[site.span.start : site.span.end - 1] if w.isalpha()}
    return any(
        s.site == site.site
        and (not words or words & set(rd.lower[s.span.start : s.span.end]))
        for s in named
    )


_OPPOSITE = {"left": "right", "right": "left"}


def _side_relative_to_history(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """'Contralateral' in the finding's sentence (mentions.json
    `opposite_side_words`) names the side opposite the one every side word
    before that sentence writes ('s/p right mastectomy. ... a calcified node
    in the contralateral axilla': left); 'ipsilateral' (`same_side_words`)
    names that same side. None where those words name both sides or none,
    or where the sentence holds both kinds of word."""
    opposite = kit.word_sets.get("opposite_side_words", frozenset())
    same = kit.word_sets.get("same_side_words", frozenset())
    sent = rd.sent(f)
    words = {rd.lower[i] for i in range(sent.start, sent.end)}
    flip, keep = bool(words & opposite), bool(words & same)
    if flip == keep:
        return ""
    sides = {
        str(kit.md(s)["laterality"])
        for s in rd.matches.lats
        if s.end <= sent.start and not kit.md(s).get("implied")
    }
    if len(sides) != 1:
        return ""
    side = sides.pop()
    return _OPPOSITE.get(side, "") if flip else side if side in _OPPOSITE else ""


def _label_part_ended(rd: ReportDoc, f: Span, label: SiteRef) -> bool:
    """Is `label` a sided label of the finding's line ('Right breast:')
    whose part ended before the finding (context_sites.part_ended)?"""
    on_line = side_labels_on_line(rd, f)
    return bool(on_line) and label.start == on_line[-1].start and part_ended(rd, on_line, f)


def _label_side(kit: Toolkit, rd: ReportDoc, f: Span, own: SiteRef | None) -> str:
    """The side of a line label over the finding ('RIGHT KIDNEY: ...
    vascular calcifications'), where the finding's site came from elsewhere
    (guide §2 step 4); not where the finding's own sentence names another
    organ than the label's ('Left kidney: 11 cm. Calcified granulomas in the
    spleen.'). A vessel may be the labelled organ's."""
    label = site_from_label_line(rd, f)
    if label is None:
        return side_from_label(kit, rd, f)
    if label.laterality and _label_part_ended(rd, f, label):
        return ""  # 'Left breast: ... Right breast: vascular calcifications. No masses.'
    if (
        own is not None
        and own.site != label.site
        and label.span.label_ == own.span.label_ == "SITE"
        and not kit.md(own.span).get("generic")
        and kit.site_info(own.site).get("kind") != "vessel"
    ):
        return ""
    return label.laterality
