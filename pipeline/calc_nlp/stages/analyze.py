"""One way to analyse a report: `analyze_report(text) -> ReportResult`.

The stages run in order, each taking the record of the one before:
prefilter -> tokenize -> layout -> match -> modifiers -> link -> findings.
A report the prefilter proves finding-free only has its lab values read; one
it passes is not tokenized either when no finding rule finds every word it
needs (RuleWords), or, a long one, when windows around the prefilter's hits
hold no mention (hit_windows.py); a very long report is analysed piece by
piece with offsets on the whole text.
Every caller (`run`, Spark, `explain`, `evaluate`, review, the tests and the
accuracy bars) goes through `Analyzer.analyze`.
"""

from __future__ import annotations

import time
from collections import Counter

from spacy.tokens import Span

from calc_nlp.labs import holds_digit, summarise
from calc_nlp.readers import clean_text
from calc_nlp.rules import RuleSet, load_rules
from calc_nlp.schema import (
    DYSTROPHIC,
    METASTATIC,
    STATUS_EMPTY,
    STATUS_OK,
    Condition,
    LabValue,
    ReportResult,
    text_digest,
)
from calc_nlp.stages import descriptors, lesions, linking, spacing
from calc_nlp.stages.capitals import Capitals, is_caseless, passes_prefilter
from calc_nlp.stages.context_sites import SENTENCES_BACK
from calc_nlp.stages.dictation import Dictation
from calc_nlp.stages.finding_sides import sides_referred_back
from calc_nlp.stages.findings import ReportContext, finding, restated_causes
from calc_nlp.stages.flattened import Flattened
from calc_nlp.stages.hit_windows import holds_no_mention
from calc_nlp.stages.layout import LazyExam, layout
from calc_nlp.stages.literal_gate import FirstStart, LiteralGate, starts_in
from calc_nlp.stages.matching import match, mentions, plan_item
from calc_nlp.stages.modifiers import (
    NOT_A_CONDITION,
    NOT_AFFIRMED,
    NOT_ASSERTED,
    flags,
    is_cause,
    modifiers,
)
from calc_nlp.stages.page_lines import PageLines
from calc_nlp.stages.record import Layout, Matches, ReportDoc, SpanKey, key
from calc_nlp.stages.rule_vocabulary import KnownWords
from calc_nlp.stages.toolkit import Toolkit

# Longest text handed to spaCy at once: its tokenizer is quadratic on some
# inputs (spaCy #14020); longer reports are split at line breaks.
MAX_PIECE_CHARS = 10_000


class Analyzer:
    """The toolkit and prefilter of one rule set; `analyze` per report."""

    def __init__(self, rules: RuleSet):
        from calc_nlp.prefilter import build_prefilter, build_rule_words, kept_regex

        self.rules = rules
        self.kit = Toolkit(rules)
        self.capitals = Capitals(rules)
        self.flattened = Flattened(rules, self.kit.regexes.compile)
        birads_rules = self.kit.descriptors.patterns.get("birads", [])
        self.birads_gate = LiteralGate(rx for _, rx in birads_rules)
        # each BI-RADS rule with where its matches may start: a rule is run
        # over a text only when the text holds its word, and from near it
        self.birads_rules = [(rule, FirstStart(rule[1])) for rule in birads_rules]
        tokenizer = self.kit.nlp.tokenizer

        def tokenize(s: str) -> list[str]:
            return [t.text for t in tokenizer(s)]

        self.prefilter = build_prefilter(rules.mentions, tokenize, rules.token_norms)
        # a zero-width space inside a word the rules know, or between two
        self.known_words = KnownWords(rules)
        # page headers and footers a paged export left inside a report
        self.page_lines = PageLines(rules)
        # punctuation a speech recogniser wrote out as words
        self.dictation = Dictation(rules)
        # For a report the prefilter passes: can any finding rule match it?
        regexes = self.kit.regexes
        with regexes.saved_at_the_end():
            self.rule_words = build_rule_words(
                rules.mentions, tokenize, rules.token_norms, kept_regex(regexes.made)
            )

    def analyze(
        self,
        text: str,
        report_id: str = "",
        digest: str = "",
        timings: Counter[str] | None = None,
    ) -> ReportResult:
        """All findings, conditions and lab values of one report.

        Conditions are the report's only when it holds a finding (they are the
        findings' associated conditions), so skipping finding-free reports
        changes nothing. `digest` is the text's SHA-256 when the caller has it.
        """
        clock = _Clock(timings)
        if not text or not text.strip():
            return ReportResult(report_id=report_id, status=STATUS_EMPTY)
        # a caseless report's only finding word may be one the rules take
        # in capitals only ('mild mac.'): asked again recased
        keep = passes_prefilter(self.prefilter, self.capitals, text)
        sp = spacing.normalise(
            text,
            not keep,
            self.known_words.split,
            self.kit.line_joining_words,
            self.known_words.whole,
            self.page_lines,
            self.dictation,
        )
        # A report without capitals (lower-cased whole) tells no sentence or
        # abbreviation by them: see sentences.py and stages/capitals.py.
        caseless = keep and is_caseless(sp.text if sp else text)  # RTF: as shown
        if caseless:
            recased = self.capitals.recase(sp.text if sp else text)
            if recased is not None:
                sp = spacing.same_places(text, recased, sp)
        # A report whose line breaks an export made spaces gets back those
        # it surely had (stages/flattened.py): the stages read lines.
        if keep:
            rebroken = self.flattened.rebreak(sp.text if sp else text, caseless)
            if rebroken is not None:
                sp = spacing.same_places(text, rebroken, sp, lowered=False)
        clock.lap("prefilter")
        if sp is None:
            return self._analyze(text, report_id, digest, clock, keep, caseless)
        # Offsets and finding ids are those of the report as written.
        digest = digest or text_digest(text)
        keep = self.prefilter(sp.text)
        result = self._analyze(sp.text, report_id, digest, clock, keep, caseless)
        return spacing.restore(result, sp, clean_text(text)[0], digest)

    def _analyze(
        self,
        text: str,
        report_id: str,
        digest: str,
        clock: _Clock,
        keep: bool,
        caseless: bool = False,
    ) -> ReportResult:
        if not keep:
            result = ReportResult(report_id, STATUS_OK, [], (), self.labs(text))
            result.birads, result.birads_words = self.birads(text)
            clock.lap("labs")
            clock.count("skipped_reports")
            return result
        clock.count("nlp_reports")
        clean, fixed = clean_text(text)
        if fixed:  # spaCy cannot hash a lone surrogate; U+FFFD keeps the offsets
            digest, text = digest or text_digest(text), clean
        digest = digest or text_digest(text)
        labs = self.labs(text)
        if len(text) <= MAX_PIECE_CHARS and (
            not self.rule_words.may_match(text)
            or holds_no_mention(text, self.prefilter.hits, self._mentions)
        ):
            clock.lap("match")
            result = ReportResult(report_id, STATUS_OK, [], (), labs)
        elif len(text) <= MAX_PIECE_CHARS:
            result = self.piece(report_id, text, digest, 0, labs, clock, caseless)
        else:
            result = self._long(report_id, text, digest, labs, clock, caseless)
        lesions.group(self.kit.descriptors, result.findings, text)
        lesions.classed_at_given_sites(self.kit.site_info, result.findings)
        result.birads, result.birads_words = self.birads(text)
        clock.lap("descriptors")
        return result

    def _mentions(self, text: str) -> list[Span]:
        """The mentions of a piece of text (exclusions applied). A window
        around a hit in which no finding rule finds every word it needs (a
        'calcium' among lab values) holds none: it is not tokenized."""
        if not self.rule_words.may_match(text):
            return []
        doc = self.kit.nlp.make_doc(text)
        return mentions(self.kit, doc, self.kit.columns(doc))[0]

    def birads(self, text: str) -> tuple[str, tuple[tuple[str, str, int, int], ...]]:
        """The BI-RADS category the report states, and the words that gave it."""
        rules = [(rid, rx, at) for (rid, rx), at in starts_in(text, self.birads_rules)]
        if not rules:
            return "", ()  # none of the words a BI-RADS rule needs
        value, words = descriptors.birads(self.kit.descriptors, text, rules)
        return value, (words,) if words else ()

    def labs(self, text: str) -> tuple[LabValue, ...]:
        if not holds_digit(text):  # no lab value (the parser is made for one)
            return ()
        return summarise(self.kit.labs.parse(text))

    def has_lookalikes(self, text: str) -> bool:
        """Does the text hold a look-alike that is not a finding (an EXCLUDE rule or a lab value)?"""
        doc = self.kit.nlp.make_doc(text)
        spans = self.kit.mention_matcher(doc)
        return any(s.label_ == "EXCLUDE" for s in spans) or bool(
            self.kit.labs.parse(text)
        )

    def piece(
        self,
        report_id: str,
        text: str,
        digest: str = "",
        offset: int = 0,
        labs: tuple[LabValue, ...] = (),
        clock: _Clock | None = None,
        caseless: bool = False,
    ) -> ReportResult:
        """Findings and conditions of one text (a whole report or one piece of
        it), without the prefilter: `analyze` is the way in for a report."""
        kit = self.kit
        clock = clock or _Clock(None)
        digest = digest or text_digest(text)
        doc = kit.nlp.make_doc(text)
        columns = kit.columns(doc)  # every token attribute the stages read
        clock.lap("tokenize")
        calc, premods, lesions = mentions(kit, doc, columns)
        clock.lap("match")
        if not calc:  # the prefilter's word is no mention here: no layout needed
            return ReportResult(report_id, STATUS_OK, [], (), labs)
        lay = layout(kit, doc, caseless, columns)
        clock.lap("sections_sentences")
        exam = LazyExam(kit, doc, lay, text)
        m = match(kit, doc, lay, calc, premods, exam, lesions, text, columns)
        if not m.calc:
            clock.lap("match")
            return ReportResult(report_id, STATUS_OK, [], (), labs)
        clock.lap("match")
        targets = m.calc + m.conds + [c for c in m.cues if c.label_ == "CUE"]
        targets += site_targets(kit, m, lay)
        rd = ReportDoc(
            doc,
            offset,
            lay,
            m,
            modifiers(kit, doc, lay, targets, columns, phrase_starts(m, lay)),
            exam=exam,
            word_sets=kit.word_sets,
            source=text,
        )
        clock.lap("context")
        result = link_and_classify(kit, rd, report_id, digest, labs, text)
        clock.lap("link_classify")
        return result

    def _long(
        self,
        report_id: str,
        text: str,
        digest: str,
        labs: tuple[LabValue, ...],
        clock: _Clock,
        caseless: bool = False,
    ) -> ReportResult:
        """A very long report piece by piece, offsets kept on the whole text."""
        merged = ReportResult(report_id, STATUS_OK, labs=labs, note="split_long_text")
        # gathered in lists and made tuples once: a tuple grown piece by
        # piece is copied whole each time, quadratic in a long report
        conditions: list[Condition] = []
        names: set[str] = set()
        marks: list[tuple[int, int, str]] = []
        for start, piece in split_text(text, MAX_PIECE_CHARS):
            if not self.prefilter(piece) or not self.rule_words.may_match(piece):
                continue  # no finding can start in this piece
            part = self.piece(report_id, piece, digest, start, labs, clock, caseless)
            merged.findings += part.findings
            for c in part.conditions:
                if c.name not in names:
                    conditions.append(c)
            names.update(c.name for c in part.conditions)
            marks += part.condition_marks
        merged.conditions = tuple(conditions)
        merged.condition_marks = tuple(marks)
        return merged


def _mentions_holding(rd: ReportDoc, cue: Span) -> list[bool]:
    """For each mention the cue is a word of ('calcified granuloma'): is it
    denied or asked about? A mention not denied names its lesion by itself
    (guide §4 rule 1) even when its sentence offers another reading of it
    ('calcified granuloma versus bone island': uncertain, still a
    granuloma), and a relative's mention names its lesion too ('Mother with
    nephrocalcinosis': a family finding is still classified,
    corpora/GUIDE.md). A denied one ('Resolved calcified splenic granuloma',
    'no calcified granuloma') names none, and explains no calcification
    seen now, in its sentence or at its site elsewhere (guide §4 rules 1 and
    4: corpora/GUIDE.md negated, 'resolved', 'no longer seen')."""
    return [
        bool(flags(rd.mods, c) & NOT_AFFIRMED)
        for c in rd.matches.calc
        if c.start <= cue.start and cue.end <= c.end
    ]


def _names_a_cause(rd: ReportDoc, cue: Span) -> bool:
    """Is the cue a cause ConText leaves standing, or a word of a mention
    that names its lesion, and a word of no denied mention
    (`_mentions_holding`)?"""
    denied = _mentions_holding(rd, cue)
    return (is_cause(rd.mods, cue) or False in denied) and True not in denied


# How many plain words ('the', 'her') may stand between a predating word and
# the cause it dates ('before her surgery').
_PREDATING_REACH = 2


def _named_by_mention(rd: ReportDoc, c: Span) -> bool:
    """Is the condition a word of a calcification mention's own name, and not
    denied, asked about or a relative's ('Calcified epidermal cyst versus
    pilomatricoma')? A differential offers the mention as one reading, but
    whichever reading is right, that mention is the lesion its name says
    (guide §4 rule 1: mentions that carry the cause in their own name). The
    report's conditions still leave it out (guide §3: items of a
    differential are not recorded)."""
    return any(x.start <= c.start and c.end <= x.end for x in rd.matches.calc) and not (
        flags(rd.mods, c) & NOT_ASSERTED
    )


def _predated(kit: Toolkit, rd: ReportDoc, c: Span) -> bool:
    """Is the cue or condition dated after the finding: one of mentions.json
    `predating_words` among its words ('than before surgery') or right
    before it, past a plain word or two ('until the operation', 'before her
    surgery')? Guide §4 rule 1: earlier trauma or surgery at that place."""
    words = kit.word_sets.get("predating_words", frozenset())
    if not words.isdisjoint(rd.lower[c.start : c.end]):
        return True
    # back from the word before it, while the words are plain ones
    for w in reversed(rd.lower[max(0, c.start - _PREDATING_REACH - 1) : c.start]):
        if not w.isalpha():
            return False
        if w in words:
            return True
    return False


# How many plain words may stand between a study's reason word and the
# trauma it names ('after a recent fall'), and between the exam word and that
# reason word ('CT head was obtained after').
_REASON_REACH = 2
_STUDY_REACH = 3


def _reason_for_a_study(kit: Toolkit, rd: ReportDoc, c: Span) -> bool:
    """Is the condition the reason an imaging study was done, named right
    after an exam word and one of mentions.json `study_reason_leads` ('Head
    CT after a fall showed ...', 'CT was done following an MVC', 'CT for
    trauma:'), and a condition or cue of `study_reason_conditions`? The study was
    done after it; it laid down nothing the study finds (guide §4 rule 1:
    earlier trauma at that place). The condition is still the patient's."""
    md = kit.md(c)
    named = kit.word_sets.get("study_reason_conditions", frozenset())
    if md.get("condition") not in named and md.get("cue") not in named:
        return False
    leads = kit.word_sets.get("study_reason_leads", frozenset())
    exams = kit.word_sets.get("exam_words", frozenset())
    lower = rd.lower
    i = c.start - 1
    while i >= 0 and c.start - i <= _REASON_REACH and lower[i].isalpha():
        if lower[i] in leads:
            back = lower[max(0, i - _STUDY_REACH) : i]
            return any(w in exams for w in back) and all(
                w.isalpha() or w == "-" for w in back[-_STUDY_REACH:]
            )
        i -= 1
    return False


def link_and_classify(
    kit: Toolkit,
    rd: ReportDoc,
    report_id: str,
    digest: str,
    labs: tuple[LabValue, ...],
    text: str | None = None,
) -> ReportResult:
    """The linking, findings and descriptors stages: each mention's site, side,
    causes, class and descriptors, and the report's conditions with the words
    that named them. `text` is the Doc's text when the caller has it."""
    m = rd.matches
    # A dystrophic condition in the finding's sentence is a local cause (rule 1);
    # the report's own operation is not an earlier one (guide §4 rule 1:
    # 'earlier trauma or surgery at that place'): its condition words caused
    # nothing the report finds (an operative note's 'discectomy' and the
    # calcified disk material it removes).
    own = own_procedures(kit, rd)
    cues: list[Span] = []
    cue = kit.label_ids.get("CUE")  # the id compared: `label_` is a look-up
    for c in m.cues:
        if c.label == cue and (
            # nor are a cue's words that name it (an operative note's
            # 'resection of the calcified lesion' takes the calcium out, it
            # laid none down); asked first, as most reports name no operation
            any(s < c.end and c.start < e for s, e, _ in own)
            or not _names_a_cause(rd, c)
            # a procedure a plan names is to come: no cause, as it is no condition
            or plan_item(
                kit, rd.layout, c, kit.md(c)["cue"], "historical" in flags(rd.mods, c)
            )
        ):
            continue
        cues.append(c)
    dystrophic = [
        c for c in m.conds if kit.md(c)["category"] == DYSTROPHIC and key(c) not in own
    ]
    cues += [c for c in dystrophic if is_cause(rd.mods, c)]
    # nor is one the finding is dated before ('less prominent than before
    # the surgery'): it was there before that, which cannot have caused it
    cues = [c for c in cues if not _predated(kit, rd, c)]
    # nor is trauma a study was done after: it is the study's reason
    cues = [c for c in cues if not _reason_for_a_study(kit, rd, c)]
    conds = report_conditions(kit, rd, own)
    rd = linking.extend(rd, kit)
    causes = linking.causes_elsewhere(kit, rd, cues, own)
    # a differential's reading that a mention's own name holds is that
    # mention's cause only, none of another finding's at its place
    cues += [
        c
        for c in dystrophic
        if not is_cause(rd.mods, c)
        and _named_by_mention(rd, c)
        and not _predated(kit, rd, c)
    ]
    # a normal calcium stated without its value blocks rule 3 as a normal
    # value does (guide §4 rule 3): read only where a systemic disorder is named
    said = (
        kit.labs.said_normal(rd.doc.text)
        if any(c.category == METASTATIC for c in conds)
        else frozenset()
    )
    ctx = ReportContext(report_id, digest, cues, causes, conds, labs, said)
    sites = [linking.link_site(kit, rd, f) for f in rd.matches.calc]
    findings = [
        finding(kit, rd, ctx, f, site)
        for f, site in zip(rd.matches.calc, sites, strict=True)
    ]
    findings = restated_causes(kit, rd, ctx, sites, findings)
    findings = sides_referred_back(kit, rd, sites, findings)
    descriptors.describe(kit.descriptors, rd, findings, text)
    result = ReportResult(report_id, STATUS_OK, findings, conds, labs)
    names = {c.name for c in conds}
    result.condition_marks = tuple(
        (rd.offset + c.start_char, rd.offset + c.end_char, kit.md(c)["condition"])
        for c in m.conds
        if kit.md(c)["condition"] in names and not flags(rd.mods, c) & NOT_A_CONDITION
    )
    return result


def phrase_starts(m: Matches, lay: Layout) -> dict[int, int]:
    """Where each mention's phrase starts, by the mention's start: back over
    the premodifier, site and side words right before it, within its
    sentence and short of another mention ('splenic hilar' of 'splenic
    hilar calcification'; the words linking.extend widens the mention over)."""
    # the earliest start of the phrases ending at each token (each span's
    # bounds read once)
    ends: dict[int, int] = {}
    for p in m.premods:
        end, start = p.end, p.start
        if ends.get(end, start) >= start:
            ends[end] = start
    for ref in m.sites:
        end = ref.span.end
        if ends.get(end, ref.start) >= ref.start:
            ends[end] = ref.start
    for lat in m.lats:
        end, start = lat.end, lat.start
        if ends.get(end, start) >= start:
            ends[end] = start
    taken = {i for c in m.calc for i in range(c.start, c.end)}
    out: dict[int, int] = {}
    for c in m.calc:
        start = c.start
        while start in ends and lay.sent_first[start] != start:
            new = ends[start]
            if new < lay.sent_first[c.start] or any(i in taken for i in range(new, start)):
                break
            start = new
        out[c.start] = start
    return out


def site_targets(kit: Toolkit, m: Matches, lay: Layout) -> list[Span]:
    """Site phrases a finding may take its site from outside its own words
    (its sentence and the few before), for the findings that name no site of
    their own: ConText tells which of those phrases are denied."""
    # each site's and mention's tokens read once, not once per pair
    sites = [(s.span.start, s.span.end, s.span) for s in m.sites]
    calc = [(c.start, c.end) for c in m.calc]
    inside = {
        start
        for c, (start, end) in zip(m.calc, calc, strict=True)
        if kit.md(c).get("implied_site")
        or any(start <= a and b <= end for a, b, _ in sites)
    }
    firsts = {lay.sent_first[start] for start, _ in calc if start not in inside}
    for _ in range(SENTENCES_BACK):
        firsts |= {lay.sent_first[f - 1] for f in firsts if f > 0}
    return [
        span
        for a, _, span in sites
        if lay.sent_first[a] in firsts and not any(c <= a < e for c, e in calc)
    ]


def report_conditions(
    kit: Toolkit, rd: ReportDoc, own: set[SpanKey] | None = None
) -> tuple[Condition, ...]:
    """Conditions the report asserts for the patient (negated, hedged,
    hypothetical or planned, and family ones dropped, and a procedure named
    as the report's own study or operation: `own`, own_procedures' keys,
    worked out here when not given)."""
    seen: dict[str, Condition] = {}
    own = own_procedures(kit, rd) if own is None else own
    for c in rd.matches.conds:
        fl = flags(rd.mods, c)
        if _resolved_only(rd, c):
            fl = (fl - {"negated"}) | {"historical"}  # 'Hypercalcemia, resolved.'
        if fl & NOT_A_CONDITION or key(c) in own:
            continue
        md = kit.md(c)
        if plan_item(kit, rd.layout, c, md["condition"], "historical" in fl):
            continue  # 'ASSESSMENT AND PLAN: ... aspiration at the time of surgery'
        # a term that names two conditions ('chemoradiation'): its own, then
        # those of its `also`
        for name in (md["condition"], *md.get("also", ())):
            if name not in seen:
                seen[name] = Condition(
                    name,
                    kit.rules.conditions[name]["category"],
                    rd.layout.sections[c.start][0],
                    "historical" in fl,
                    rd.span_text(c),
                )
    return tuple(seen.values())


def _resolved_only(rd: ReportDoc, c: Span) -> bool:
    """Is the condition denied only by words that say a disease is past
    ('resolved': the ConText rules marked `past`)? A past condition is still
    the patient's (guide §3: a history is a condition); 'no longer visible'
    says an image changed, not that a disease was had."""
    negations = [m for m in rd.mods.of(c) if m.category == "NEGATED_EXISTENCE"]
    return bool(negations) and all(
        (m.rule.metadata or {}).get("past") for m in negations
    )


def own_procedures(kit: Toolkit, rd: ReportDoc) -> set[SpanKey]:
    """The procedure words that name the report's own study or operation: those
    of its technique section or exam line, and the same words elsewhere in the
    report ('PROCEDURE: Hernia repair.' and 'here for elective repair'), unless
    they are marked as earlier ('status post', 'previous', 'history of')."""
    procs = [c for c in rd.matches.conds if kit.md(c).get("procedure")]
    own = [
        c
        for c in procs
        if own_procedure(rd.layout, c.start) or _in_specimen_section(rd, c.start)
    ]
    named = {rd.span_text(c).lower() for c in own}
    own_sides = {_side_before(kit, rd, c) for c in own} - {""}
    return {
        key(c)
        for c in procs
        if rd.span_text(c).lower() in named
        and not kit.md(c).get("lead")
        and not any(m.category == "HISTORICAL" for m in rd.mods.of(c))
        # the same operation of the other side is another ('PROCEDURE: Left
        # total hip arthroplasty' and 'his right total hip arthroplasty')
        and not (own_sides and _side_before(kit, rd, c) not in own_sides | {""})
    }


# How many words may stand between a side and the procedure words it is
# the side of ('Left total hip arthroplasty').
_PROCEDURE_SIDE_REACH = 3


def _side_before(kit: Toolkit, rd: ReportDoc, c: Span) -> str:
    """The side written right before the procedure words, within a few words
    of its sentence ('left total knee arthroplasty'), or ''."""
    lo = max(rd.layout.sent_first[c.start], c.start - _PROCEDURE_SIDE_REACH)
    sides = [s for s in rd.matches.lats if lo <= s.start and s.end <= c.start]
    return str(kit.md(sides[-1])["laterality"]) if sides else ""


def _in_specimen_section(rd: ReportDoc, i: int) -> bool:
    """Is token i in the text of a specimen section ('SPECIMEN: Thyroid,
    left lobe, lobectomy.'; mentions.json `specimen_labels`)? The procedure
    it names took the specimen out: the report's own operation, as an
    operative note's 'PROCEDURE:' line names its own, not an earlier one
    (guide §3: earlier surgery)."""
    _section, body, head, _question = rd.layout.sections[i]
    return body > head and i >= body and rd.lower[head] in rd.word_sets.get(
        "specimen_labels", frozenset()
    )


def own_procedure(lay: Layout, i: int) -> bool:
    """Does token i name the report's own study or operation: a technique
    section ('PROCEDURE PERFORMED: ...'), or the first sentence of an exam
    line ('PROCEDURE: ...'; a note's physical 'EXAM:' goes on past it),
    after the colon or on the line under a header alone ('PROCEDURE' over
    'Left carotid endarterectomy.')?"""
    section, body, _head, _question = lay.sections[i]
    if section == "technique":
        return True
    if section != "exam":
        return False
    body = _first_word(lay, body)
    return body < len(lay.sent_first) and lay.sent_first[i] == lay.sent_first[body]


def _first_word(lay: Layout, i: int) -> int:
    """The first token from i on that is no whitespace (the line break after
    a header alone on its line is no word of its section's first sentence)."""
    blank = lay.blank
    while i < len(blank) and blank[i]:
        i += 1
    return i


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Pieces of at most `limit` characters, cut at a blank line, else a line
    break, else a sentence end, else a space, else hard."""
    pieces = []
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + limit)
        if end < n:
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > limit // 2:
                    end = start + cut + len(sep)
                    break
        pieces.append((start, text[start:end]))
        start = end
    return pieces


class _Clock:
    """Adds the seconds since the last lap to `timings[stage]` (no-op without timings)."""

    def __init__(self, timings: Counter[str] | None):
        self.timings = timings
        self.t = time.perf_counter()

    def lap(self, stage: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[stage] += now - self.t  # type: ignore[assignment]  # float seconds in a Counter
            self.t = now

    def count(self, what: str) -> None:
        if self.timings is not None:
            self.timings[what] += 1


_ANALYZERS: dict[str, Analyzer] = {}


def analyzer(rules: RuleSet | None = None) -> Analyzer:
    """The process's analyzer for these rules (the bundled ones by default), built once."""
    rules = rules if rules is not None else load_rules()
    if rules.version not in _ANALYZERS:
        _ANALYZERS[rules.version] = Analyzer(rules)
    return _ANALYZERS[rules.version]


def analyze_report(
    text: str, report_id: str = "", rules: RuleSet | None = None
) -> ReportResult:
    """Analyse one report with the bundled (or given) rules."""
    return analyzer(rules).analyze(text, report_id)
