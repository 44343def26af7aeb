"""Findings stage: one typed `Finding` per mention, classified (guide §4)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span

from calc_nlp.classify import (
    CALCIUM_LABS,
    CauseRecord,
    CueRecord,
    Features,
    classify,
)
from calc_nlp.schema import (
    DYSTROPHIC,
    INDETERMINATE,
    METASTATIC,
    Condition,
    Finding,
    LabValue,
    finding_id,
)
from calc_nlp.stages.context_sites import POINTING_PRONOUNS, site_part_set
from calc_nlp.stages.exam_sites import operated_side, side_from_exam
from calc_nlp.stages.finding_sides import finding_side, refers_back
from calc_nlp.stages.lesion_words import singular_words
from calc_nlp.stages.linking import (
    given_with,
    heads_a_list,
    linked,
    organ_part,
    part_words,
    place_words,
    qualified,
    restated_parts,
)
from calc_nlp.stages.modifiers import NOT_A_CONDITION, flags, is_cause, rule_ids
from calc_nlp.stages.record import ReportDoc, SiteRef
from calc_nlp.stages.section_flags import section_flags
from calc_nlp.stages.sides import lat_near
from calc_nlp.stages.toolkit import Toolkit

CALCIUM_ANALYTES = frozenset(CALCIUM_LABS)


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
    # the analytes the report states normal without a value ('serum calcium
    # now normal'): looked for only when a systemic disorder is named
    said_normal: frozenset[str] = frozenset()


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
    section, _, header, _ = rd.layout.sections[span.start]
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
        section_at=off + rd.doc[header].idx if header < len(rd.doc) else -1,
        sentence=" ".join(rd.span_text(rd.sent(span)).split()),  # runs as one space
        mention_at=_mention_at(rd, span),
        site=site_name,
        site_text=site.text if site else "",
        laterality=finding_side(kit, rd, span, site, site_name, "family" in fl),
        conditions=bearing(kit, rd, ctx, span, site_name),
        negated="negated" in fl,
        uncertain="uncertain" in fl,
        historical="historical" in fl,
        hypothetical="hypothetical" in fl,
        family="family" in fl,
        physiologic=bool(info.get("physiologic")) and not _names_lesion(rd, span),
        rule_id=span.id_,
        modifiers=rule_ids(rd.mods, span),
        site_rule=site.rule_id if site else "",
        marks=marks(rd, span, site),
    )
    if not f.laterality and info.get("sided", True):
        f.context_side = side_from_exam(kit, rd, site_name, operation=True)
        if not f.context_side:
            f.operated_side = operated_side(kit, rd)
    if f.affirmed:
        result = classify(features(kit, rd, ctx, span, site, f))
        f.classification = result.classification
        f.confidence = result.confidence
        f.evidence = result.evidence
    return f


def _names_lesion(rd: ReportDoc, span: Span) -> bool:
    """Does the mention name a lesion of its own ("calcified meningioma",
    "calcified subdural hematoma", "calcified dural lesion")? A lesion at a physiologic site is not the
    normal, age-related calcification of the structure (corpora/GUIDE.md,
    physiologic)."""
    words = rd.lower[span.start : span.end]
    # a hyphen inside a word after it ('Calcified falx' of 'Calcified
    # falx-based lesion'): its noun phrase goes on past it
    if len(span) == 1 or _inner_hyphen(rd, span.end):
        # an adjective mention names what its noun phrase ends in: the words
        # after it up to the first that is not a word ("calcified dural
        # lesion"), a hyphen inside a word passed over ("calcified
        # dural-based lesion", "calcified falx-based lesion")
        after = rd.lower[span.end : span.end + 5]
        after = [w for k, w in enumerate(after) if not _inner_hyphen(rd, span.end + k)][:3]
        words = words + after[: next((k for k, w in enumerate(after) if not w.isalpha()), 3)]
    lesions = rd.lesion_nouns | rd.physiologic_site_lesions
    return (
        not lesions.isdisjoint(words)
        or _placed_at_lesion(rd, span)
        or _said_of_lesion(rd, span, lesions)
    )


def _inner_hyphen(rd: ReportDoc, i: int) -> bool:
    """Is token `i` a hyphen written inside a word ('dural-based'), no space
    on either side?"""
    doc = rd.doc
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def _said_of_lesion(rd: ReportDoc, span: Span, lesions: frozenset[str]) -> bool:
    """Is the one-word mention a predicate ('is densely calcified') whose
    sentence's subject names a lesion ('The 2 cm extra-axial mass along the
    right convexity is densely calcified')? The lesion is what is calcified
    (corpora/GUIDE.md physiologic: 'calcified dural mass' is not)."""
    if len(span) != 1:
        return False
    first = rd.sent(span).start
    i = span.start - 1
    while i > first and rd.lower[i].endswith("ly"):
        i -= 1  # 'densely', 'partially'
    if i <= first or rd.lower[i] not in rd.word_sets.get("state_copulas", frozenset()):
        return False
    return not lesions.isdisjoint(rd.lower[first:i])


# Words that end the clause after a mention (_placed_at_lesion), and how far
# it is read.
_CLAUSE_STOPS = frozenset({",", ";", ".", ":", "and", "or", "but"})
_PLACED_REACH = 12


def _placed_at_lesion(rd: ReportDoc, span: Span) -> bool:
    """Does the mention's own clause after it place it at a lesion of a
    physiologic site ('a calcified rim along the left convexity at the site
    of the old hematoma'; mentions.json physiologic_site_lesions)? It is
    that lesion's calcification, not the structure's normal one."""
    end = min(rd.sent(span).end, span.end + _PLACED_REACH)
    lesions = rd.physiologic_site_lesions
    for w in rd.lower[span.end : end]:
        if w in _CLAUSE_STOPS:
            return False
        if w in lesions:
            return True
    return False


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
        text = "" if site.span is span or shared else place_words(kit, rd, site)
        placed = bool(f.site_text) and not (shared and not f.laterality)
        start = rd.layout.sent_first[span.start]
        (extra if placed else unplaced).extend(
            (
                start,
                CauseRecord(
                    c.name,
                    f.site,
                    f.laterality,
                    text,
                    c.text,
                    c.at,
                    organ_part(kit, rd, span.start, f.site),
                ),
            )
            for c in own
            if c.rule == 1 and not _offered_only(rd, c.at)
        )
    if not extra and not unplaced:
        return found
    # a cause restated at the whole site is at the part it was named at
    pool = [*ctx.causes, *extra, *unplaced]
    extra = restated_parts(extra, pool)
    unplaced = restated_parts(unplaced, pool)
    wider = replace(ctx, causes=[*ctx.causes, *extra])
    widest = replace(ctx, causes=[*ctx.causes, *extra, *unplaced])
    # a definite mention naming the whole site ('the ligament calcification')
    # refers back to the calcification named before at a part of it: that
    # part's cause is its own (corpora/GUIDE.md laterality and lesion: a
    # finding that refers back to an earlier mention of the same one)
    whole = [(at, replace(c, site_text="")) for at, c in extra if c.site_text]
    back = replace(ctx, causes=[*ctx.causes, *extra, *whole]) if whole else wider
    return [
        finding(
            kit,
            rd,
            widest
            if not f.site_text
            else back
            if whole and _names_whole_site(kit, rd, span, site)
            else wider,
            span,
            site,
        )
        if f.classification == INDETERMINATE
        else f
        for span, site, f in zip(rd.matches.calc, sites, found, strict=True)
    ]


def _offered_only(rd: ReportDoc, at: int) -> bool:
    """Is the cue at token `at` a condition the report offers only as a
    reading of a differential ('Calcified cyst versus renal cell carcinoma')?
    It is the cause of the mention whose own name holds it, none of another
    finding's at that place (guide §3: items of a differential are not
    recorded)."""
    return any(c.start == at and not is_cause(rd.mods, c) for c in rd.matches.conds)


def _names_whole_site(
    kit: Toolkit, rd: ReportDoc, span: Span, site: SiteRef | None
) -> bool:
    """Does the mention refer back with a definite noun phrase whose site
    words name the whole site, no part of it ('the ligament calcification',
    'the liver calcification')? A part word among the mention's own words
    ('the lateral ligament calcification') names a part."""
    return (
        site is not None
        and site.span is not span
        and not part_words(kit, rd, site)
        and not site_part_set(rd, rd.lower[span.start : span.end])
        and refers_back(rd, span, site)
    )


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
    cues = ctx.cues
    if f.family:
        kept = {(c.start, c.end) for c in cues}
        cues = cues + [
            c for c in _relatives_cues(kit, rd, span) if (c.start, c.end) not in kept
        ]
    own, distribution = own_cues(kit, rd, span, cues, f.site)
    return Features(
        site=f.site,
        site_text=place_words(kit, rd, site) if site and site.span is not span else "",
        laterality=f.laterality,
        metastatic_prone=bool(info.get("metastatic_prone")),
        dystrophic_prone=bool(info.get("dystrophic_prone"))
        or qualified(kit, rd, span, f.site, site.span if site else None),
        dystrophic_prone_if=_prone_if_at_place(
            kit,
            rd,
            span,
            _prone_if_on_side(kit, rd, _prone_if(kit, span, f), f.laterality),
        ),
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
        calcium_said_normal=bool(ctx.said_normal & CALCIUM_ANALYTES),
        # the patient's causes are not a relative's ('Her brother has
        # Fahr disease with brain calcifications' after the patient's
        # hematoma); a cause on one side is not that of a structure's own
        # normal calcification written with no side (physiologic: the
        # midline falx after a right subdural hematoma; corpora/GUIDE.md,
        # physiologic; guide §4 rule 4, the same site and side)
        causes_elsewhere=()
        if f.family
        else tuple(
            c
            for s0, c in ctx.causes
            if s0 != sent_start
            and not (f.physiologic and not f.laterality and c.laterality)
        ),
        distribution=distribution,
        uncertain=f.uncertain,
        site_words=f.site_text,
        condition_words=tuple((c.name, c.words) for c in ctx.conditions),
        at=span.start,
        sub_site=organ_part(kit, rd, span.start, f.site),
    )


def _relatives_cues(kit: Toolkit, rd: ReportDoc, span: Span) -> list[Span]:
    """The dystrophic cues and conditions a relative's finding's own sentence
    says of that relative ('Her mother had adrenal calcifications after
    tuberculosis'): the report's cues leave them out as not the patient's,
    but they are the relative's finding's local cause (guide §4 rule 1).
    Not denied, hypothetical or hedged ones, nor alternatives."""
    first = rd.layout.sent_first
    out = []
    for c in (*rd.matches.cues, *rd.matches.conds):
        if first[c.start] != first[span.start]:
            continue
        if c.label_ == "CONDITION" and kit.md(c)["category"] != DYSTROPHIC:
            continue
        if c.label_ not in ("CUE", "CONDITION"):
            continue
        fl = flags(rd.mods, c)
        if "family" not in fl or fl & NOT_A_CONDITION - {"family"}:
            continue
        if any((m.rule.metadata or {}).get("alternative") for m in rd.mods.of(c)):
            continue
        out.append(c)
    return out


def _prone_if(kit: Toolkit, span: Span, f: Finding) -> tuple[str, ...]:
    """The conditions that make the finding's site dystrophic-prone (guide §4
    rule 4; sites.json `dystrophic_prone_if`); for a finding with no site,
    those its mention's rule lists ('calcinosis' with a connective tissue
    disease: that disease's calcinosis of the skin), when its presence is
    not hedged ('possible early calcinosis at the thumb' is not yet that
    disease's calcinosis, whose skin the rule reads for the unsaid site)."""
    if f.site:
        return tuple(kit.site_info(f.site).get("dystrophic_prone_if", ()))
    if f.uncertain:
        return ()
    return tuple(kit.md(span).get("dystrophic_prone_if", ()))


# Most plain words between a side word and the condition its phrase names
# ('left medial compartment osteoarthritis').
_SIDE_LEAD_REACH = 3


def _prone_if_on_side(
    kit: Toolkit, rd: ReportDoc, names: tuple[str, ...], side: str
) -> tuple[str, ...]:
    """The conditions of `names` (sites.json `dystrophic_prone_if`) that make
    the finding's site dystrophic-prone on its side. Guide §4 rule 4 reads a
    cause for the same place: one the report names only on the other side
    ('moderate left knee osteoarthritis' for chondrocalcinosis of the right
    knee, or of both) is not at the finding's. A finding with no side, and a
    condition named once with none ('scleroderma'), keep it."""
    if not side or not names:
        return names
    kept = []
    for name in names:
        sides = {
            _condition_side(kit, rd, c)
            for c in rd.matches.conds
            if kit.md(c)["condition"] == name
            and not flags(rd.mods, c) & NOT_A_CONDITION
        }
        if not sides or sides & {"", "bilateral", side}:
            kept.append(name)
    return tuple(kept)


# How many words may stand between a condition and the body region its
# phrase names ('osteoarthritis of both hands', 'left hand osteoarthritis').
_REGION_REACH = 3


def _prone_if_at_place(
    kit: Toolkit, rd: ReportDoc, span: Span, names: tuple[str, ...]
) -> tuple[str, ...]:
    """The conditions of `names` the report names at the finding's place.
    Guide §4 rule 4 reads a cause for the same place: a condition whose every
    mention names a body region ('osteoarthritis of the hands') is not at a
    finding whose place is another joint (its sentence's regions, else the
    regions the report names outside those conditions: 'chondrocalcinosis of
    the menisci' in a note about the knee). A condition named once without a
    region, and a finding whose place names no region or a region that is no
    joint (a part of the condition's region may be), keep it."""
    if not names:
        return names
    regions = [
        s
        for s in rd.matches.sites
        if s.span.label_ == "REGION" and not kit.md(s.span).get("no_place")
    ]
    if not regions:
        return names
    kept = []
    for name in names:
        mentions = [
            c
            for c in rd.matches.conds
            if kit.md(c)["condition"] == name
            and not flags(rd.mods, c) & NOT_A_CONDITION
        ]
        own = [_regions_of(rd, c, regions) for c in mentions]
        if not own or not all(own):
            kept.append(name)
            continue
        theirs = {_region_word(r) for rs in own for r in rs}
        attached = {r.span.start for rs in own for r in rs}
        free = [r for r in regions if r.span.start not in attached]
        first, end = rd.sent_bounds(span.start)
        near = [r for r in free if first <= r.span.start < end] or free
        place = {_region_word(r) for r in near}
        # only a joint says where the finding is apart from the condition's
        # region: a part of that region ('scleroderma of the hands',
        # 'calcinosis of the fingertips') may lie inside it
        joints = all(kit.md(r.span).get("mention_site") for r in near)
        if not place or not joints or place & theirs:
            kept.append(name)
    return tuple(kept)


def _region_word(s: SiteRef) -> str:
    """A region's last word in the singular ('hands' and 'hand' are one)."""
    return singular_words(s.span[-1].lower_)


def _regions_of(rd: ReportDoc, c: Span, regions: list[SiteRef]) -> list[SiteRef]:
    """The body regions a condition's phrase names: right after it through
    'of' ('osteoarthritis of both hands') or just before it ('hand
    osteoarthritis'), a few plain words between."""
    out = []
    for s in regions:
        if c.end <= s.span.start <= c.end + _REGION_REACH:
            between = rd.lower[c.end : s.span.start]
            if between and between[0] == "of" and all(w.isalpha() for w in between):
                out.append(s)
        elif s.span.end <= c.start and c.start - s.span.end <= _REGION_REACH:
            if all(w.isalpha() for w in rd.lower[s.span.end : c.start]):
                out.append(s)
    return out


def _condition_side(kit: Toolkit, rd: ReportDoc, c: Span) -> str:
    """The side a condition's phrase writes: a side word a few plain words
    before it ('left medial compartment osteoarthritis') or right around it
    ('osteoarthritis of the right knee')."""
    first = rd.layout.sent_first[c.start]
    for x in rd.matches.lats:
        if first <= x.start and x.end <= c.start and c.start - x.end <= _SIDE_LEAD_REACH:
            if all(w.isalpha() for w in rd.layout.words[x.end : c.start]):
                return str(kit.md(x)["laterality"])
    return lat_near(kit, rd, c)


def own_cues(
    kit: Toolkit, rd: ReportDoc, f: Span, cues: list[Span], site: str
) -> tuple[tuple[CueRecord, ...], str]:
    """Cues of this finding's sentence that belong to it (inside it, or nearest
    to it), and those of a next sentence that only points back to it ('... calcified
    nodules. These are compatible with healed granulomas.')."""
    sent = rd.sent(f)
    calc = rd.matches.calc
    own: list[CueRecord] = []
    # the lesions of a disease a cue of the finding names ('calciphylaxis with
    # necrotic eschar'): said with it, they are no cause of it (guide §4)
    lesions: set[str] = set()
    distribution = ""
    after = _pointing_sentence(rd, sent, f)
    for c in cues:
        if after is not None and after.start <= c.start < after.end:
            # after every cue of the finding's own sentence
            own += _cue_records(kit, rd, c, site, len(rd.doc) + c.start - f.end)
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
            and not given_with(rd, f, holder)
        ):
            continue
        if holder is f and not after_link and _next_item(rd, f, c, site):
            continue
        if holder is f and _previous_item(rd, f, c, site):
            continue
        if _cause_of_itself(kit, rd, f, c, cues):
            continue
        if _within_one_lesion(rd, f, kit.md(c).get("not_in_one_of")):
            continue
        if c.label_ == "DISTRIBUTION":
            distribution = distribution or kit.md(c)["distribution"]
            continue
        own += _cue_records(kit, rd, c, site, max(c.start - f.end, f.start - c.end, 0))
        lesions |= set(kit.md(c).get("consequences", ()))
    if lesions:
        own = [r for r in own if r.rule != 1 or r.name not in lesions]
    return tuple(own), distribution


def _cause_of_itself(
    kit: Toolkit, rd: ReportDoc, f: Span, c: Span, cues: list[Span]
) -> bool:
    """Is a rule-1 cue said of the finding itself, 'of' (and an article)
    between them, where the finding's own words name a metastatic pattern
    ('after treatment of calciphylaxis')? The treatment is of the mineral
    disorder, not damage to the tissue it lies in (guide §4 rules 1-2). So is
    a condition of its sentence outside its words, the patient's disease
    ('Calciphylaxis in a patient with SLE and ESRD', 'nephrocalcinosis in a
    patient with lupus nephritis'): the pattern the mention names says how
    the mineral came, the disease names no injured tissue it lies in."""
    if c.label_ == "CONDITION":
        if f.start <= c.start and c.end <= f.end:
            return False
    elif c.label_ != "CUE" or kit.md(c).get("rule") != 1 or c.end >= f.start:
        return False
    elif rd.lower[c.end] != "of" or f.start - c.end > _OF_ITSELF_GAP:
        return False
    return any(
        x.label_ == "CUE"
        and kit.md(x).get("rule") == 2
        and f.start <= x.start
        and x.end <= f.end
        for x in cues
    )


def _within_one_lesion(rd: ReportDoc, f: Span, hosts: list[str] | None) -> bool:
    """Is the finding the calcium of one lesion of `hosts` (a cue's
    `not_in_one_of`) named in the singular in its own words or at most
    _HOST_REACH words before it, with no 'and', ';' or stop between ('7 mm
    nodule LLL with diffuse calcification', 'diffusely calcified nodule')?
    A pattern word there is that lesion's, not the organ's (guide §4 rule 2:
    diffuse calcification of the lungs)."""
    if not hosts:
        return False
    lower = rd.lower
    first = rd.layout.sent_first[f.start]
    for i in range(f.end - 1, max(first, f.start - _HOST_REACH) - 1, -1):
        if lower[i] in _HOST_BREAKS:
            return False
        if lower[i] in hosts:
            return True
    return False


# How many words before the finding a lesion whose calcium it is may stand,
# and the words that end that reach ('a nodule and diffuse calcification').
_HOST_REACH = 8
_HOST_BREAKS = frozenset({"and", ";", ".", "or"})


# 'of' and at most one word ('the') between a cue and the finding it names
_OF_ITSELF_GAP = 2


def _next_item(rd: ReportDoc, f: Span, c: Span, site: str = "") -> bool:
    """Is the cue or condition after the finding another item of its
    sentence, joined by ', and' or a semicolon with no link word between
    ('calcification of the aortic knob, and old healed left rib fractures':
    the fractures explain nothing of the knob), or by 'and' with a place of
    another site than the finding's right before it ('renal calcification
    and splenic granulomas': the granulomas are the spleen's)?"""
    if c.start < f.end:
        return False
    words = rd.lower[f.end : c.start]
    pairs = zip(words, words[1:], strict=False)
    if ";" in words or any(a == "," and b == "and" for a, b in pairs):
        return True
    if "and" not in words or not site:
        return False
    joint = f.end + len(words) - 1 - words[::-1].index("and")
    return any(
        joint < s.span.start and s.span.end == c.start and s.site != site
        for s in rd.matches.sites
    )


def _previous_item(rd: ReportDoc, f: Span, c: Span, site: str) -> bool:
    """Is the cue or condition before the finding another item of its
    sentence, joined to it by 'and' or a semicolon, with a place of another
    site than the finding's right before it ('a left subdural hematoma and
    basal ganglia calcifications': the hematoma is the dura's and explains
    nothing of the basal ganglia), as `_next_item` reads a cue after it?
    Not a cue with no place of its own, or one at the finding's site."""
    if c.end > f.start or not site:
        return False
    words = rd.lower[c.end : f.start]
    if "and" not in words and ";" not in words:
        return False
    return any(
        s.span.end == c.start and s.site != site for s in rd.matches.sites
    )


def _cue_records(
    kit: Toolkit, rd: ReportDoc, c: Span, site: str, near: int
) -> list[CueRecord]:
    """The classifier's record of a cue or condition, `near` tokens from the
    finding, none for a distribution word or a cue that needs another site."""
    md = kit.md(c)
    if c.label_ == "DISTRIBUTION":
        return []
    need = md.get("requires_site")
    if need and site not in need:
        return []
    if c.label_ == "CONDITION":
        organ = md.get("injured_organ")
        if organ is not None:
            if not organ or (site and site not in organ):
                return []  # 'in this patient with spinal cord injury': the cord's
        elif (
            site
            and md.get("site")
            and md["site"] != site
            and not kit.site_info(site).get("unspecific")
        ):
            return []  # surgery at another place ('following renal transplant')
        return [CueRecord(md["condition"], 1, rd.span_text(c), c.start, near)]
    if _after_a_site_of(rd, c, md.get("not_after_sites")):
        return []  # 'abdominal wall plaques': the skin's, no atheroma
    name = md.get("cue_at_site", {}).get(site, md["cue"])  # a pleural plaque
    return [CueRecord(name, int(md["rule"]), rd.span_text(c), c.start, near)]


def _after_a_site_of(rd: ReportDoc, c: Span, sites: list[str] | None) -> bool:
    """Does a site phrase of one of `sites` (a cue's `not_after_sites`) end
    right before the cue ('painful abdominal wall plaques', 'skin plaques':
    a plaque of the skin, no atheroma)?"""
    if not sites:
        return False
    return any(s.span.end == c.start and s.site in sites for s in rd.matches.sites)


def _pointing_sentence(rd: ReportDoc, sent: Span, f: Span) -> Span | None:
    """The sentence after the finding's when it opens with a pronoun pointing
    back ('These are compatible with healed granulomas.'), names no finding
    of its own, and the finding is the last of its sentence."""
    calc = rd.matches.calc
    if sent.end >= len(rd.doc) or any(f.end <= x.start < sent.end for x in calc):
        return None
    # its first word is one of those pronouns: with none of them among its
    # words, no Span or Token of it is made to read it
    if POINTING_PRONOUNS.isdisjoint(rd.lower[sent.end : rd.layout.sent_end[sent.end]]):
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
