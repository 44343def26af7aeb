"""Linking stage: each mention's site and side, and the causes around it.

Plain functions over the `ReportDoc`: none of them changes it, except
`extend`, which returns a new record with the mentions widened over their
premodifiers.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import replace

from spacy.tokens import Span

from calc_nlp.classify import CauseRecord
from calc_nlp.schema import DYSTROPHIC
from calc_nlp.stages.clause_sites import (
    ADJECTIVE_ENDINGS,
    compound_head,
    joint_lead_start,
    joint_place,
    landmark,
    shares_head,
    site_in_clause,
    specific_site_after,
)
from calc_nlp.stages.context_sites import (
    DEFINITE,
    OWNER_PRONOUNS,
    asserted,
    denial_after_finding,
    denied_list_after_finding,
    says_no_place,
    site_before_unless_own_lesion,
    site_from_label_line,
    site_of_clause_before_semicolon,
    site_of_location_line,
    site_of_named_lesion,
    site_of_pronoun_in_sentence,
    site_of_sentence_pointed_to,
    site_of_shared_subject,
    site_pointed_back,
    site_said_after,
    sums_up,
)
from calc_nlp.stages.exam_sites import exam_for, site_from_exam, site_from_own_exam
from calc_nlp.stages.generic_sites import refine
from calc_nlp.stages.matching import planned
from calc_nlp.stages.modifiers import NOT_A_CONDITION, flags, is_cause
from calc_nlp.stages.record import (
    POINTING_PRONOUNS,
    Modifiers,
    ReportDoc,
    SiteRef,
    SpanKey,
    key,
    kind_words,
    rule_span,
)
from calc_nlp.stages.row_sites import site_of_rows
from calc_nlp.stages.sides import (
    joined_site_end,
    lat_in_sentence,
    lat_near,
    site_reach,
    two_sides,
)
from calc_nlp.stages.toolkit import Toolkit


def extend(rd: ReportDoc, kit: Toolkit) -> ReportDoc:
    """Widen each mention over the anatomic/type premodifiers and site phrases
    right before it (never across a sentence start or another mention), and
    over a word naming the part of that place written before them
    ('posterior mitral annular calcification', 'posterior MAC': `kit` tells
    the mentions naming their place by themselves; mentions.json
    `phrase_position_words`). A bare adjective after its noun is a
    predicate and keeps its one word (`_predicative`). A site word that
    says how the finding was seen ('mammographic calcifications':
    mentions.json `modality_site_words`) still gives the site but is no
    word of the span."""
    m = rd.matches
    positions = rd.word_sets.get("phrase_position_words", frozenset())
    seen_by = rd.word_sets.get("modality_site_words", frozenset())
    # where the phrase ending at each token starts, the earliest start of
    # those ending there (each span's bounds read once)
    ends: dict[int, int] = {}
    lower = rd.lower
    for p in m.premods:
        end, start = p.end, p.start
        if ends.get(end, start) >= start:
            ends[end] = start
    for ref in m.sites:
        span = ref.span
        end = span.end
        if seen_by.issuperset(lower[span.start : end]):
            continue
        if ends.get(end, ref.start) >= ref.start:
            ends[end] = ref.start
    words = rd.layout.words
    for lat in m.lats:  # 'Bilateral calcified granulomas': a side is a place word
        end, start = lat.end, lat.start
        if ends.get(end, start) >= start:
            ends[end] = start
        # 'Rt. renal calcification': the period of a side's short form
        if end < len(words) and words[end] == "." and end not in rd.layout.stops:
            if ends.get(end + 1, start) >= start:
                ends[end + 1] = start
    taken = {i for s in m.calc for i in range(s.start, s.end)}
    out = []
    core: dict[tuple[int, int], int] = {}
    widened: list[tuple[Span, Span]] = []  # (mention, its wider span)
    lesions = rd.lesion_nouns
    for s in m.calc:
        start = s.start
        if _predicative(rd, s):
            out.append(s)
            continue
        while rd.layout.sent_first[start] != start:
            if start not in ends and _masked_link(rd, start, ends):
                start -= 1  # 'Aortic XXXX calcification': a mask between premodifiers
            if start not in ends:
                # "right hilar and right lung base calcifications": a site
                # coordinated with the one before the mention is its too, and
                # so is one before an anatomic premodifier ("vascular and
                # pelvic calcifications")
                link = start - 1
                if (
                    rd.lower[link] in positions
                    and link not in taken
                    and rd.layout.sent_first[link] != link
                    and any(ref.start == start for ref in m.sites)
                ):
                    # "left main and proximal LAD calcification": the site
                    # after the conjunction led by a word naming its part
                    link -= 1
                if not (
                    link in ends
                    and link not in taken
                    and rd.layout.sent_first[link] != link
                    and rd.lower[link] in {"and", "or", ","}
                    and (
                        any(ref.start == start for ref in m.sites)
                        or any(p.start == start for p in m.premods)
                    )
                    and not _finding_before(rd, s, ends[link], clause=True)
                    and rd.lower[link - 1] not in lesions
                    # 'aortic sclerosis and mitral annular calcification': a
                    # site phrase naming a disease is another finding's
                    and rd.lower[link - 1] not in rd.disease_site_heads
                    and not (
                        _other_finding_before(rd, link)
                        and not _closes_a_site(rd, link)
                    )
                    and not _joined_phrase_taken(rd, ends[link], link, taken)
                ):
                    break
                start = link
                continue
            new = ends[start]
            if any(i in taken for i in range(new, start)) or _counted(rd, new):
                break
            start = new
        if _part_named_before(rd, s, start, positions, taken, kit):
            start -= 1  # 'left proximal LAD calcification': its side too
            if start in ends and not any(i in taken for i in range(ends[start], start)):
                start = ends[start]
        if start != s.start:
            core[(start, s.end)] = s.start
            wide = rule_span(rd.doc, start, s.end, s.label, s.id)  # its label and rule
            widened.append((s, wide))
            s = wide
        out.append(s)
    if not core and not rd.core_start:
        return rd  # no mention widened: the same mentions, modifiers and flags
    # the modifiers copied only now (most reports widen none): a wider span
    # keeps its mention's; the flags worked out so far stay, but for the keys
    # given new modifiers
    mods = dict(rd.mods.by_span)
    known = dict(rd.mods.flag_sets)
    for s, wide in widened:
        mods[key(wide)] = rd.mods.of(s)
        known.pop(key(wide), None)
    return replace(
        rd,
        matches=replace(m, calc=out),
        mods=Modifiers(mods, rd.mods.sub_to_doc, rd.mods.one_cause, known),
        core_start=core,
    )


def _joined_phrase_taken(rd: ReportDoc, first: int, link: int, taken: set[int]) -> bool:
    """Is the place phrase before the conjunction at `link` (from token
    `first`) one the span cannot take, a word of another mention or a count
    ('MAC and aortic valve calcification')? The conjunction then joins two
    findings, and the span does not run back over it (guide §1: the span is
    the calcification phrase)."""
    return any(i in taken for i in range(first, link)) or _counted(rd, first)


def _closes_a_site(rd: ReportDoc, link: int) -> bool:
    """Is the word before the conjunction at `link` the head noun of a place
    (mentions.json `coordinated_place_heads`) ending a site phrase, joined to
    a site phrase right after the conjunction ('Left carotid bulb and
    proximal ICA calcified plaque')? The two places share the mention's
    noun: both are its place words (guide §1)."""
    if rd.lower[link - 1] not in rd.word_sets.get("coordinated_place_heads", ()):
        return False
    sites = rd.matches.sites
    after = link + 1
    if rd.lower[after] in rd.word_sets.get("phrase_position_words", ()):
        after += 1
    # 'aortic root and descending aortic calcification': an anatomic
    # premodifier opening the second place, its site's words or not
    # ('aortic arch and descending aorta calcification')
    starts = {after, _past_premodifier(rd, after)}
    return any(ref.span.end == link for ref in sites) and any(
        ref.start in starts for ref in sites
    )


def _past_premodifier(rd: ReportDoc, at: int) -> int:
    """Token `at`, or the end of the premodifier that starts there."""
    return next((p.end for p in rd.matches.premods if p.start == at), at)


def _other_finding_before(rd: ReportDoc, link: int) -> bool:
    """Is the item before the conjunction at `link` a finding of its own, a
    noun that heads its phrase ('no pleural plaques or pleural
    calcification', 'without adenopathy or nodal calcification': mentions.json
    `other_finding_nouns` and `calcified_heads`)? Its place words are that
    finding's, not the mention's."""
    word = rd.lower[link - 1]
    nouns = rd.word_sets.get("other_finding_nouns", frozenset())
    heads = rd.word_sets.get("calcified_heads", frozenset())
    if word in nouns:
        return True
    if word not in heads:
        return False
    # a structure's name that no calcified word leads, opening a comma list
    # of places ('Physiologic falx, pineal and pallidal calcifications'), is
    # a place the mention's noun shares, not a calcified thing of its own
    # ('calcified falx, ...')
    first = rd.layout.sent_first[link]
    if rd.lower[link] != "," or not any(ref.span.end == link for ref in rd.matches.sites):
        return True
    return any(first <= c.start and link - _HEAD_REACH <= c.end < link for c in rd.matches.calc)


# How many words before a structure's name a calcified word leading it may
# stand ('calcified anterior falx').
_HEAD_REACH = 4


def _predicative(rd: ReportDoc, s: Span) -> bool:
    """Is the mention a bare adjective ('calcified', mentions.json
    `bare_adjectives`) written after the words it says it of ('Splenic
    artery calcified.', 'two nodes calcified')? An adjective after its noun is a
    predicate, whose span is the single word (guide §1, corpora/GUIDE.md:
    'the valve is heavily calcified'); the place words before it are its
    subject, not premodifiers."""
    return len(s) == 1 and rd.lower[s.start] in rd.word_sets.get(
        "bare_adjectives", frozenset()
    )


def _counted(rd: ReportDoc, i: int) -> bool:
    """Is the place word at token i the end of a count joined to it by a
    hyphen ('three-vessel coronary calcification')? A count is no word of the
    span (guide §1), and the word it counts goes with it."""
    doc = rd.doc
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
        and doc[i - 2].like_num
    )


def _part_named_before(
    rd: ReportDoc,
    s: Span,
    start: int,
    positions: frozenset[str],
    taken: set[int],
    kit: Toolkit,
) -> bool:
    """Is the word before `start` one saying which part of the place the
    mention's phrase names, where that phrase has a place word before the
    noun or the mention names its place by itself? A bare noun keeps its
    span ('posterior calcification')."""
    i = start - 1
    if i < 0 or rd.layout.sent_first[start] == start or i in taken:
        return False
    if rd.lower[i] not in positions:
        return False
    return start != s.start or bool(kit.md(s).get("implied_site"))


def _masked_link(rd: ReportDoc, start: int, ends: dict[int, int]) -> bool:
    """Is the token before `start` a de-identification mask (XXXX) right after
    a premodifier or site phrase? Masks hide words, not the phrase."""
    link = start - 1
    return (
        link > 0
        and rd.lower[link] == "xxxx"
        and link in ends
        and rd.layout.sent_first[link] != link
    )


# Marks that close a finding's phrase: the words after one start another
# ('CAC 1,032, with heavy LAD and RCA calcification').
_CLAUSE_BREAKS = frozenset({",", ";", ":", "with"})


def _finding_before(rd: ReportDoc, f: Span, i: int, clause: bool = False) -> bool:
    """Is there another finding in f's sentence before token i? Then the words
    from i belong to that finding's clause ('calcification at the lung bases
    and myocardial calcification'). With `clause`, only a finding whose
    phrase runs on to i counts: a comma, semicolon, colon or 'with' between
    them opens a phrase of f's own ('CAC 1,032, with heavy LAD and RCA
    calcification'), and so does an 'and' or 'or' right after that finding's
    noun ('calcified hilar nodes and scattered pulmonary and splenic
    granulomas': the places after it are the next item's)."""
    first = rd.layout.sent_first[f.start]
    return any(
        first <= c.start < i
        and not (
            clause
            and (
                any(rd.lower[k] in _CLAUSE_BREAKS for k in range(c.end, i))
                or (c.end < i and rd.lower[c.end] in {"and", "or"})
            )
        )
        for c in rd.matches.calc
        if c is not f
    )


def link_site(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The site of this finding, in the order of guide §2 ("Site and side from
    context"): words inside the mention, a site the mention implies, the
    nearest site of its own clause, a label line over it, an earlier sentence
    it continues, then the exam. A generic site ("vascular", "the vessel")
    gives way to a specific one named for the same finding. Linked once per
    mention (`ReportDoc.linked_sites`): a later mention pointing back to
    an earlier one asks for its site again."""
    k = key(f)
    if k not in rd.linked_sites:
        rd.linked_sites[k] = _link_site(kit, rd, f)
    return rd.linked_sites[k]


def _clause_names_a_site(kit: Toolkit, rd: ReportDoc, f: Span) -> bool:
    """Does the finding's clause name a vocabulary site outside its own
    words ('pelvic calcifications along the left ureter')? The region its
    words name yields to it (guide §2 step 2: the clause's own place)."""
    clause = site_in_clause(kit, rd, f)
    return (
        clause is not None
        and clause.span.label_ == "SITE"
        and not f.start <= clause.span.start < f.end
    )


def _link_site(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    doc = rd.doc
    inside = [
        s
        for s in rd.sentence_sites(f.start)
        if f.start <= s.span.start
        and s.span.end <= f.end
        and site_reach(rd, f, s) is not None
    ]
    if inside and all(s.span.label_ == "REGION" for s in inside):
        # 'left upper quadrant calcifications, likely splenic granulomas'; a
        # mention that implies its tissue keeps it ('right shoulder tumoral
        # calcinosis': the region says where, the words say what); a lesion
        # that implies its tissue counts as one naming it ('pelvic
        # calcifications, consistent with phleboliths': guide §2 step 3)
        if (
            linked_lesion(kit, rd, f) is not None
            or kit.md(f).get("implied_site")
            or _clause_names_a_site(kit, rd, f)
        ):
            inside = []
        elif kit.md(inside[-1].span).get("mention_site"):
            # 'right shoulder calcification': the tissue about the joint
            return _joint_tissue(kit, rd, inside[-1])
    if inside:
        # "pulmonary and renal calcifications": the first of coordinated sites;
        # "intracranial vertebral artery calcification": the last, the head.
        between = rd.lower[inside[0].span.end : inside[-1].span.start]
        coordinated = any(w in {"and", "or", ",", "/", "&"} for w in between)
        if coordinated and not (
            _shared_node_head(kit, f, inside[-1])
            or _shared_head_of_mention(kit, rd, f, inside[0], inside[-1])
            or _named_with_the_head(kit, rd, inside[0], inside[-1])
        ):
            # the first of the list, with its own head ('calcified
            # mediastinal lymph XXXX and aortic ...': the nodes)
            return refine(kit, rd, f, compound_head(kit, rd, inside[0]))
        # 'calcified right lower lobe nodule': a shared word ('nodule') as the
        # head names no site of its own where a site before it names one
        named = [s for s in inside if "candidates" not in kit.md(s.span)]
        # a body region names no site where a vocabulary site does
        # ('periarticular shoulder calcifications')
        named = [s for s in named if s.span.label_ == "SITE"] or named
        head = (named or inside)[-1]
        if kit.site_info(head.site).get("unspecific"):
            # 'soft tissue calcification in the gluteal muscle': the muscle;
            # '... about the left shoulder': the tissue about the joint
            head = (
                specific_site_after(kit, rd, f) or _joint_in_clause(kit, rd, f) or head
            )
        elif not named:
            # 'calcified nodule in the lingula': the place, not the shared word
            after = specific_site_after(kit, rd, f)
            if (after is None or after.site != head.site) and head.span.end == f.end:
                # 'cyst of the left kidney with a calcified wall': the shared
                # word is what calcified; the organ the clause names is where
                after = _same_site_named(kit, rd, f, head)
            elif after is None and kit.site_info(head.site).get("kind") == "vessel":
                # 'right femoral 7 mm, with anterior wall calcification': the
                # vessel its clause names, of the kind the shared word was read as
                after = _same_site_named(kit, rd, f, head)
            head = after if after is not None and after.site == head.site else head
        return refine(kit, rd, f, head)
    implied = kit.md(f).get("implied_site")
    if implied:
        valve = _valve_of_bracketed_score(kit, rd, f)
        if valve is not None:
            return valve
        core = rd.core_start.get((f.start, f.end), f.start)
        words = doc[f.start : core].text if core > f.start else ""
        return SiteRef(f, implied, lat_near(kit, rd, f), words, f.start, f.id_)
    clause = site_in_clause(kit, rd, f)
    if clause is not None and kit.md(clause.span).get("no_place"):
        clause = (
            None  # 'seen on the frontal view' says where it was seen, not where it is
        )
    if clause is None or clause.span.start < f.start:
        restated = _what_it_restates(kit, rd, f, clause)
        if restated is not None:
            return restated
    if clause is not None and _study_of(rd, clause):
        clause = None  # 'consider CT of the chest': the study's scope, no place
    if clause is not None and _evidence_for(rd, f, clause):
        clause = None  # '..., given the skin findings': the evidence, no place
    if clause is not None and clause.span.label_ == "REGION":
        clause = (
            linked_lesion(kit, rd, f)
            # 'the right index fingertip calcinosis' after 'calcinosis cutis of
            # the right index fingertip': the region says where, the mention
            # pointed back to says what tissue (guide §2 step 4)
            or _site_of_mention_pointed_back(kit, rd, f)
            or _about_a_joint(kit, rd, clause)
            or _joint_with(kit, rd, f, clause)
            or _joint_of(kit, rd, f, clause)
            # 'heterotopic ossification lateral to the greater trochanter'
            or joint_place(kit, rd, f, clause)
            or _exam_region(kit, rd, f, clause)
        )
    elif clause is not None and landmark(kit, rd, clause):
        # 'calcifications lateral to the left ureter are phleboliths': a
        # landmark is beside the finding; the lesion its sentence says it is
        # places it (guide §2 step 3)
        clause = linked_lesion(kit, rd, f) or _carrier_before(kit, rd, f) or clause
    elif clause is not None and landmark(kit, rd, clause, "projection_words"):
        # 'calcification projects over the mediastinum, likely a calcified
        # lymph node': the place it is seen over on the image yields to the
        # lesion its sentence names it as (guide §2 step 3), not to one of
        # two readings it offers, and stands alone
        if not _offers_readings(rd, f):
            clause = _lesion_named_as(kit, rd, f) or clause
    if clause is not None and clause.span.start > 0 and rd.lower[clause.span.start - 1] == "same":
        # 'A second calcified plaque in the same artery': the artery named before
        clause = _place_named_before(kit, rd, f, clause) or clause
    if clause is not None and clause.span.end <= f.start:
        # 'a renal artery aneurysm at the left renal hilum with a calcified
        # rim': the aneurysm's own site, not where it lies
        clause = _site_of_lesion_with_it(kit, rd, f, clause) or clause
    if clause is not None and _points_back(rd, clause):
        # 'The nodule is calcified': the nodule named before, with its place
        clause = site_of_named_lesion(rd, f, rd.sent(f)) or clause
    elif clause is not None and _part_of_pointed(rd, clause):
        # 'The plaque is densely calcified along its anterior wall': a part
        # of the plaque named before, with its place
        owners = rd.word_sets.get("part_owner_nouns", frozenset())
        clause = site_of_named_lesion(rd, f, rd.sent(f), owners) or clause
    if clause is not None and kit.site_info(clause.site).get("unspecific"):
        # 'calcification in the soft tissues about the right shoulder'; 'in
        # the soft tissues of the left elbow'
        clause = _joint_in_clause(kit, rd, f) or _joint_of_tissue(kit, rd, clause) or clause
    # a structured record's own place row ('Location: left kidney' under
    # 'Finding: Calcification') says where it lies, as its clause would
    rows = site_of_rows(rd, f) if clause is None else None
    linked = linked_lesion(kit, rd, f) if clause is None and rows is None else None
    if linked is not None and _evidence_for(rd, f, linked):
        linked = None  # '..., given the progression of subcutaneous calcification'
    found = (
        clause
        or rows
        or linked
        or _site_of_described(kit, rd, f)
        or _from_context(kit, rd, f)
    )
    return refine(kit, rd, f, found) if found is not None else None


def _place_named_before(kit: Toolkit, rd: ReportDoc, f: Span, same: SiteRef) -> SiteRef | None:
    """The place an earlier sentence named that the finding's clause names
    by 'the same' and a head of its kind alone ('A second calcified plaque
    in the same artery' after '... of the proximal internal carotid
    artery'): the last site phrase before the sentence whose words end on
    that head, of the same kind of structure (corpora/GUIDE.md laterality:
    a place the clause names by 'the same' is the place named before; guide
    §2 step 2: the clause's own location phrase points back). None where the
    last such phrase names the same site, or none does."""
    sent = rd.sent(f)
    head = rd.lower[same.span.end - 1]
    kind = kit.site_info(same.site).get("kind")
    for s in reversed(rd.matches.sites):
        if s.span.end > sent.start:
            continue
        if s.site == same.site:
            return None
        if kind and kit.site_info(s.site).get("kind") == kind and rd.lower[s.span.end - 1] == head:
            return s
    return None


def _valve_of_bracketed_score(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The valve or annulus a score phrase in brackets right after its words
    is the score of ('calcified aortic valve (calcium score 2900)', 'mitral
    annular calcification (calcium score 310)'): a valve's calcium score,
    not the coronary one the phrase implies alone. Up to
    `_BRACKET_SITE_GAP` words may stand between the site and the bracket."""
    if not kit.md(f).get("score_phrase") or f.start < 2 or rd.lower[f.start - 1] != "(":
        return None
    lo = f.start - 1
    while lo > f.start - 1 - _BRACKET_SITE_GAP and rd.lower[lo - 1].isalpha():
        lo -= 1
    before = [
        s
        for s in rd.sentence_sites(f.start)
        if lo <= s.span.end <= f.start - 1
        and s.span.label_ == "SITE"
        and kit.site_info(s.site).get("kind") == "valve"
    ]
    return before[-1] if before else None


_BRACKET_SITE_GAP = 2


# How many words may stand between a lesion noun and the place phrase after
# it ('aneurysm at the left renal hilum', 'mass in the left lower lobe').
_LESION_PLACE_GAP = 5


def _site_of_lesion_with_it(
    kit: Toolkit, rd: ReportDoc, f: Span, clause: SiteRef
) -> SiteRef | None:
    """The site a lesion's own words name ('renal artery aneurysm'), for a
    finding the lesion carries ('... with mural calcification') whose
    nearest site phrase only says where the lesion lies ('at the left renal
    hilum'): the calcification is in the lesion, whose words name
    its tissue (guide §2: the phrase that says where it lies; where two
    fit, the narrower). Only a place phrase right after the lesion noun, a
    'with' or a holding verb ('has', 'contains': mentions.json
    `carrier_words`) between it and the finding, and a named site of
    another kind before the noun."""
    between = rd.lower[clause.span.end : f.start]
    carriers = rd.word_sets.get("carrier_words", frozenset())
    if carriers.isdisjoint(between) or {";", ":"} & set(between):
        return None
    j = clause.span.start - 1
    while j > clause.span.start - 1 - _LESION_PLACE_GAP and rd.lower[j].isalpha():
        if rd.lower[j] in rd.lesion_nouns:
            break
        j -= 1
    else:
        return None
    if rd.lower[j] not in rd.lesion_nouns:
        return None
    own = [
        s
        for s in rd.sentence_sites(f.start)
        if s.span.end == j
        and s.span.label_ == "SITE"
        and "candidates" not in kit.md(s.span)
        and not kit.site_info(s.site).get("unspecific")
        and s.site != clause.site
    ]
    return own[-1] if own else None


def _carrier_before(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The site its sentence names before a finding placed only by a landmark
    beside it, where a 'with' or a verb of holding (mentions.json
    carrier_words) joins the finding to that site's structure and no clause
    break stands between ('The splenic artery is tortuous and calcified with
    a 9 mm calcified aneurysm near the hilum': the artery's aneurysm) (guide
    §2 step 3: a landmark is beside the finding; the structure that carries
    it places it). None else."""
    sent = rd.sent(f)
    carriers = rd.word_sets.get("carrier_words", frozenset())
    before = [
        s
        for s in rd.sentence_sites(f.start)
        if sent.start <= s.span.start
        and s.span.end <= f.start
        and s.span.label_ == "SITE"
        and "candidates" not in kit.md(s.span)
    ]
    if not before:
        return None
    between = rd.lower[before[-1].span.end : f.start]
    if carriers.isdisjoint(between) or {";", ":", "."} & set(between):
        return None
    return before[-1]


def _same_site_named(
    kit: Toolkit, rd: ReportDoc, f: Span, shared: SiteRef
) -> SiteRef | None:
    """The nearest phrase of the finding's clause, outside its words, that
    names outright the site a shared word inside it was read as ('cyst of the
    left kidney with a calcified wall': the left kidney, whose words and side
    the shared 'wall' lacks)."""
    reach = [
        (score, s)
        for s in rd.sentence_sites(f.start)
        if s.site == shared.site
        and s.span.label_ == "SITE"
        and "candidates" not in kit.md(s.span)
        and not (f.start <= s.span.start < f.end)
        and (score := site_reach(rd, f, s)) is not None
        and asserted(rd, s, f)
    ]
    return min(reach, key=lambda x: x[0])[1] if reach else None


# How many words may describe the calcification between 'the' and its head
# noun ('the clustered calcifications', 'the 9 o'clock calcifications').
_DESCRIBED_REACH = 4


def described_antecedent(rd: ReportDoc, f: Span) -> Span | None:
    """The earlier finding a mention led by 'the' and words that describe it
    outside its span points back to, those words written in that finding's
    sentence ('a new cluster of calcifications in the left breast ... the
    clustered calcifications'; 'calcifications at 9 o'clock ... The 9
    o'clock calcifications'): the nearest earlier finding of the same head
    noun and the same flags whose sentence has every describing word (by
    its first five letters); a finding in another state (denied, hedged,
    gone: 'the possible thyroid calcification has resolved') is not the
    same calcification. None else."""
    sent, lower = rd.sent(f), rd.lower
    i = f.start - 1
    while i >= sent.start and f.start - i <= _DESCRIBED_REACH and lower[i] != "the":
        i -= 1
    if i < sent.start or lower[i] != "the":
        return None
    # the describing words outside the mention: its own ('the prostatic
    # calcifications') name its kind, not the one it points back to
    described = {w[:5] for w in lower[i + 1 : f.start] if w.isalnum()}
    if not described:
        return None
    head = lower[f.end - 1].removesuffix("s")
    state = flags(rd.mods, f)
    for a in reversed(rd.matches.calc):
        if a.end > sent.start or lower[a.end - 1].removesuffix("s") != head:
            continue
        if flags(rd.mods, a) != state:
            continue
        them = rd.sent(a)
        if described <= {w[:5] for w in lower[them.start : them.end]}:
            return a
    return None


def _site_of_described(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The site of the earlier finding a described mention points back to
    (`described_antecedent`: 'The 9 o'clock calcifications were left
    alone' after the breast's at 9 o'clock), before the sentences around it
    (guide §2 step 4: an earlier mention the sentence points back to)."""
    a = described_antecedent(rd, f)
    return link_site(kit, rd, a) if a is not None else None


def _from_context(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """Guide §2 steps 4-5 for a finding whose words and clause name no site: a
    label line over it, a sentence it points back to, the exam, the sentences
    before. A survey of the whole study ('No new calcification') is about no
    place the text named before: the exam's reading only."""
    if says_no_place(kit, rd, f):
        return site_from_exam(kit, rd, f) or site_from_exam(kit, rd, f, any_head=True)
    if sums_up(kit, rd, f):
        # 'Incidental calcifications as described': no one place the text
        # names, but the one reading the exam gives all of them ('Calcified
        # granulomas as above' on a chest radiograph: the lung; guide §2 step 5)
        return site_from_exam(kit, rd, f)
    listed = denied_list_after_finding(rd, f)
    if listed or denial_after_finding(rd, f):
        # 'Coarse calcifications in the right breast. No suspicious
        # calcifications.': a label line over it, or the reading an exam
        # gives any finding (on a mammogram, the breast), as it would to the
        # finding affirmed (a denial never changes the site), before the site
        # and side of the sentence before ('Calcified plaque at the right
        # carotid bulb. No calcification on the left.' on a CT still takes
        # its site); a list of findings denied ('Mild vascular
        # calcifications. No mass, calcification, or distortion.') surveys
        # the study, never the place of the finding before it
        surveyed = site_from_label_line(rd, f) or site_from_exam(
            kit, rd, f, any_head=True
        )
        if surveyed is not None or listed:
            return surveyed
    found = (
        site_of_pronoun_in_sentence(kit, rd, f)
        or _site_of_part_named_alike(kit, rd, f)
        or site_of_shared_subject(kit, rd, f)
        or site_of_clause_before_semicolon(kit, rd, f)
    )
    if found is not None:
        return found
    label = site_from_label_line(rd, f) or site_of_location_line(rd, f)
    region = label if label is not None and _region_only(label) else None
    # a body region's label ('PELVIS:', 'CHEST:') names where, not which
    # organ: the steps after a label (guide §2 steps 4-5) may still name
    # one, from the sentences under the label or from the exam, and the
    # region stands only where none does
    found = (
        (None if region is not None else _label_or_pointed_back(kit, rd, label, f))
        or _under(region, site_pointed_back(kit, rd, f))
        or _under(region, _site_of_mention_pointed_back(kit, rd, f))
        or _under(region, _site_of_pronoun_subject(kit, rd, f))
        or site_from_exam(kit, rd, f)
        or _site_of_disease(kit, rd, f)
        or site_from_own_exam(kit, rd, f)
        or _under(region, site_before_unless_own_lesion(rd, f))
        or _under(region, _site_of_subject_pointed_back(kit, rd, f))
        or site_from_exam(kit, rd, f, any_head=True)
    )
    return found or region


def _region_only(label: SiteRef) -> bool:
    """Is the label a body region that names no site and no side ('PELVIS:')?"""
    return label.span.label_ == "REGION" and not label.site and not label.laterality


def _under(label: SiteRef | None, found: SiteRef | None) -> SiteRef | None:
    """A site a sentence names, kept only where it is named under the label
    (after it), when there is one."""
    if found is None or label is None:
        return found
    return found if found.span.start > label.span.start else None


# How many words after a mention its numbered part may stand ('calcification
# lies in segment 2').
_PART_REACH = 4


def _numbered_part(kit: Toolkit, rd: ReportDoc, lo: int, hi: int) -> str | None:
    """The numbered part noun (mentions.json sub_site_numbered: 'segment')
    with a number after it between tokens lo and hi ('in segment 2'), else
    None."""
    numbered = kit.word_sets.get("sub_site_numbered", frozenset())
    lower = rd.lower
    return next(
        (
            lower[i]
            for i in range(lo, hi - 1)
            if lower[i] in numbered and _numbered(lower[i + 1])
        ),
        None,
    )


def _site_of_part_named_alike(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The site of an earlier finding of the sentence that a numbered part
    of an organ places ('Hepatic calcifications in segment 6 and a separate
    calcification in segment 2'), when the finding's own clause places it at
    a part by the same noun and names no site: the two parts are of one
    organ, the one the first finding's words name (guide §2: the phrase of
    its own clause says where it lies)."""
    first, end = rd.sent_bounds(f.start)
    part = _numbered_part(kit, rd, f.end, min(end, f.end + _PART_REACH + 1))
    if part is None:
        return None
    for c in reversed(rd.matches.calc):
        if not first <= c.start < f.start or c.end > f.start:
            continue
        if _numbered_part(kit, rd, c.end, f.start) != part:
            continue
        site = link_site(kit, rd, c)
        if site is not None and site.span.label_ == "SITE":
            return site
    return None


def _label_or_pointed_back(
    kit: Toolkit, rd: ReportDoc, label: SiteRef | None, f: Span
) -> SiteRef | None:
    """The site of a label line over the finding, unless its sentence opens
    with a pronoun for the lesion named just before ('ADRENALS: The right
    adrenal mass measures 4 cm. It contains coarse calcifications.') at the
    label's site with a side the label leaves unsaid: both are guide §2
    step 4, and the lesion pointed back to names the same site more
    narrowly (a specific site beats a generic one named for the same
    finding). `label`: `site_from_label_line`'s."""
    if label is None or label.laterality:
        return label
    back = site_pointed_back(kit, rd, f)
    if back is not None and back.site == label.site and back.laterality:
        return back
    return label


def _site_of_disease(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """A finding named by a disease of one site's tissue (sites.json
    `disease_words`: 'mild atheromatous calcification', an artery)
    that nothing in its sentence, no label line and no pointing word places:
    the site of that kind the sentence before it goes on about, if the
    disease can lie there ('Aneurysmal abdominal aorta. Atheromatous
    calcification.'; `_disease_fits`), else the disease's own
    site, as 'vascular' with no artery named is an artery (guide §2), never
    another kind of place a sentence before names ('A loop recorder overlies
    the left ventricle. Mild atheromatous calcification.': no heart muscle)."""
    word = next((w for w in rd.lower[f.start : f.end] if w in kit.disease_sites), None)
    if word is None:
        return None
    site = kit.disease_sites[word]
    before = site_before_unless_own_lesion(rd, f)
    if before is not None and _disease_fits(kit, site, before.site):
        return before
    return SiteRef(f, site, "", "", f.start, f"L-{site.replace(' ', '-')}-{word}")


def _disease_fits(kit: Toolkit, site: str, other: str) -> bool:
    """Can a disease of `site` lie in `other`: a site of the same kind that
    the disease makes dystrophic-prone (guide §4 rule 4: the arteries and
    the aorta, atherosclerosis the usual cause there; not a vein)?"""
    kind = kit.site_info(site).get("kind")
    info = kit.site_info(other)
    return (
        bool(kind) and info.get("kind") == kind and bool(info.get("dystrophic_prone"))
    )


# Words that make a mention point back to one named before ('these
# calcifications', 'the microcalcifications'), and how many plain words
# ('suspicious', 'target') may stand between them and it.
_POINTERS = frozenset({"the", "these", "those", "this", "that", "such"})
POINTER_REACH = 2


def _site_of_mention_pointed_back(
    kit: Toolkit, rd: ReportDoc, f: Span
) -> SiteRef | None:
    """'Suspicious calcifications, left breast.' then, in a later section, 'The
    calcifications were removed.': a calcification word or a calcified
    lesion's noun ('the calcified granuloma') led by a pointing word, whose
    words and clause name no place, is the calcification named before in
    the same word (guide §2 step 4: an earlier mention the sentence
    points back to), however far back and across headings. Only where every
    earlier mention in that word that has a site has the same site and side:
    the pointing word cannot then mean another one."""
    if _pointed(rd, f):
        head = _calcification_word(rd, f)
        return None if head is None else _named_before_in(kit, rd, f, head)
    # what is left of a calcification ('residual calcification') is of the
    # one treated: only where the earlier ones name one side between them
    head = _calcification_word(rd, f) if _remnant(kit, rd, f) else None
    return None if head is None else _named_before_in(kit, rd, f, head, one_side=True)


def _site_of_subject_pointed_back(
    kit: Toolkit, rd: ReportDoc, f: Span
) -> SiteRef | None:
    """A predicate mention whose subject is a lesion noun a pointing word
    leads ('The granuloma is calcified.'), where nothing nearer places it:
    the calcified lesion named before in that noun, as 'the calcified
    granuloma' is (`_site_of_mention_pointed_back`)."""
    head = _pointed_subject(rd, f)
    return None if head is None else _named_before_in(kit, rd, f, head)


def _named_before_in(
    kit: Toolkit,
    rd: ReportDoc,
    f: Span,
    head: str,
    calcific: bool = False,
    one_side: bool = False,
) -> SiteRef | None:
    """The site of the mentions before the finding whose calcification word
    is `head`, when all of them that have one share it and its side (a
    lesion noun's place only: its side is not carried); else None. A denied
    mention ('Circumflex: no calcification') names no calcification an
    affirmed finding's pointing word can mean. Where no earlier mention is
    named in that word, a disease named calcific is (`calcific`,
    `_calcific_disease`: 'calcific tendinitis ...; that calcification').
    With `one_side`, only mentions that name one side between them give
    their place, with that side: a side left unsaid or two sides may mean
    another calcification."""
    found: list[SiteRef] = []
    denied = "negated" in flags(rd.mods, f)
    for c in rd.matches.calc:
        word = "calcification" if calcific and _calcific_disease(rd, c) else _calcification_word(rd, c)
        if c.end > f.start or not _same_word(word, head):
            continue
        if not denied and "negated" in flags(rd.mods, c):
            continue  # 'no calcification' names none the pointing word can mean
        site = link_site(kit, rd, c)
        if site is None:
            continue
        if kit.site_info(site.site).get("sided", True):
            side = (
                site.laterality
                or two_sides(kit, rd, c, site)
                or lat_in_sentence(kit, rd, c, site)
            )
            site = replace(site, laterality=side)
        found.append(site)
    found = _specific_where_generic(kit, found)
    if not found and not calcific and head.startswith("calcification"):
        return _named_before_in(kit, rd, f, head, calcific=True, one_side=one_side)
    if not found or len({s.site for s in found}) > 1:
        return None
    if one_side and len({s.laterality for s in found} - {""}) != 1:
        return None
    if len({s.laterality for s in found}) > 1:
        # one place named with two sides, or with a side and none: which
        # side the pointing word means is not said, the place is
        return replace(found[-1], laterality="")
    if head in rd.lesion_nouns:
        # a lesion's side is not carried from another sentence (corpora/GUIDE.md
        # laterality): only its place
        return replace(found[-1], laterality="")
    return found[-1]


def _specific_where_generic(kit: Toolkit, found: list[SiteRef]) -> list[SiteRef]:
    """The earlier mentions' sites without the unspecific ones ('soft
    tissue') where a specific one is named too ('subcutaneous fat'): a
    specific site beats a generic one named for the same finding (guide §2)."""
    specific = [s for s in found if not kit.site_info(s.site).get("unspecific")]
    return specific if specific and len(specific) < len(found) else found


# The copulas that join a subject to a predicate mention ('The granuloma is
# calcified'), and how many grade words may stand between ('is densely
# calcified').
_SUBJECT_COPULAS = frozenset({"is", "are", "was", "were", "remains", "remain", "appears", "appear"})
_PREDICATE_GRADES = 2


def _pointed_subject(rd: ReportDoc, f: Span) -> str | None:
    """The lesion noun of the subject a pointing word leads ('The granuloma
    is densely calcified': 'granuloma'), where the one-word mention is the
    predicate a copula joins to it, else None: that subject points back to
    the calcified lesion named before in the same noun, as 'the calcified
    granuloma' does (guide §2 step 4)."""
    i = _subject_copula(rd, f)
    if i is None or i - 2 < rd.layout.sent_first[f.start]:
        return None
    noun, pointer = rd.lower[i - 1], rd.lower[i - 2]
    return noun if noun in rd.lesion_nouns and pointer in _POINTERS else None


def _subject_copula(rd: ReportDoc, f: Span) -> int | None:
    """Where the copula stands that joins the one-word predicate mention to
    its subject ('The granuloma is densely calcified', 'these are probably
    calcified'); None where there is none."""
    if len(f) != 1:
        return None
    lo = rd.layout.sent_first[f.start]
    i, k = f.start - 1, 0
    while i > lo and k < _PREDICATE_GRADES and rd.lower[i] not in _SUBJECT_COPULAS:
        if not rd.lower[i].isalpha():
            break
        i, k = i - 1, k + 1
    if rd.lower[i] not in _SUBJECT_COPULAS:
        i = _copula_over_predicates(rd, f, lo)
    return i if i > lo and rd.lower[i] in _SUBJECT_COPULAS else None


def _site_of_pronoun_subject(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """A predicate mention whose subject is a pronoun inside its sentence ('A
    low-kV film shows these are probably calcified', 'Views show it is
    calcified'): the pronoun stands for what the sentence before named, as
    one opening the sentence does (`site_pointed_back`), and the finding
    takes its site and side (guide §2 step 4: an earlier mention the
    sentence points back to)."""
    i = _subject_copula(rd, f)
    if i is None or rd.lower[i - 1] not in POINTING_PRONOUNS:
        return None
    return site_of_sentence_pointed_to(kit, rd, f)


# How many words a list of predicates may hold before the mention ('was well
# encapsulated, gritty and yellow-white, calcified'), and the words that
# join them.
_PREDICATE_LIST_REACH = 12
_PREDICATE_JOINS = frozenset({",", "and", "-"})
# Words that open a noun phrase: a list holding one has another subject.
_NOUN_LEADS = frozenset({"the", "a", "an", "its", "their", "this", "these"})


def _copula_over_predicates(rd: ReportDoc, f: Span, lo: int) -> int:
    """Where the copula stands that a list of predicates the one-word
    mention ends joins to its subject ('The mass was well encapsulated,
    gritty and yellow-white, calcified throughout'): plain words, commas
    and 'and' only, no noun phrase of their own ('the', 'a'), within a few
    words; -1 when there is none. The mention is said of that subject as
    the first predicate is (guide §2 step 2: the phrase of its own clause)."""
    for i in range(f.start - 1, max(lo, f.start - _PREDICATE_LIST_REACH) - 1, -1):
        word = rd.lower[i]
        if word in _SUBJECT_COPULAS:
            return i if i < f.start - 1 else -1
        if word in _NOUN_LEADS or not (
            word.replace("-", "").isalpha() or word in _PREDICATE_JOINS
        ):
            return -1
    return -1


def _pointed(rd: ReportDoc, f: Span) -> bool:
    """Is the mention led by a pointing word ('the', 'these') of its own
    sentence, past a few plain words at most ('these suspicious
    calcifications')?"""
    lo = rd.layout.sent_first[f.start]
    for i in range(f.start - 1, max(lo, f.start - 2 - POINTER_REACH) - 1, -1):
        word = rd.lower[i]
        if word in _POINTERS:
            return True
        if not word.isalpha():
            return False
    return rd.lower[f.start] in _POINTERS


def _remnant(kit: Toolkit, rd: ReportDoc, f: Span) -> bool:
    """Is the mention led, in its own clause, by a word that calls it what is
    left of a calcification ('Residual calcification 2 mm.' after 'calcific
    tendinitis, s/p barbotage'; 'with residual 3 mm calcification';
    descriptors.json lesion_residual_words)? It points back to that one as
    'the calcification' does (guide §2 step 4). A size between is read past."""
    lo, plain = rd.layout.sent_first[f.start], 0
    for i in range(f.start - 1, lo - 1, -1):
        word = rd.lower[i]
        if word in kit.descriptors.residual_words:
            return True
        if rd.doc[i].like_num or word in kit.descriptors.units or word == "x":
            continue
        plain += 1
        if not word.isalpha() or plain > POINTER_REACH:
            return False
    return rd.lower[f.start] in kit.descriptors.residual_words


def _calcification_word(rd: ReportDoc, f: Span) -> str | None:
    """The mention's last word where it is a calcification noun
    ('calcifications', 'microcalcification') or the lesion noun a
    calcified lesion is named by ('the calcified granuloma', mentions.json
    lesion_nouns); else one of mentions.json `pointed_calcification_nouns`
    among its words ('calcinosis' of 'calcinosis cutis'); else None."""
    words = rd.lower[f.start : f.end]
    word = words[-1]
    if word.endswith(("calcification", "calcifications")) or word in rd.lesion_nouns:
        return word
    nouns = rd.word_sets.get("pointed_calcification_nouns", frozenset())
    return next((w for w in words if w in nouns), None)


def _calcific_disease(rd: ReportDoc, c: Span) -> bool:
    """Is the mention a disease named calcific ('calcific tendinitis';
    mentions.json calcific_disease_nouns), a calcification 'the
    calcification' may point back to, not a deposit or mass of its own word?
    Place words may lead it ('right shoulder calcific tendinitis')."""
    words = rd.lower[c.start : c.end]
    return any(w.startswith("calcific") for w in words[:-1]) and words[-1] in rd.word_sets.get(
        "calcific_disease_nouns", frozenset()
    )


def _points_back(rd: ReportDoc, site: SiteRef) -> bool:
    """Is the site phrase a lesion word pointed back to ('the nodule')?"""
    i = site.span.start
    return (
        len(site.span) == 1
        and rd.lower[i] in rd.lesion_nouns
        and i > 0
        and rd.lower[i - 1] in DEFINITE
    )


# How many words a possessive may lead a part word by ('its anterior wall').
OWNER_REACH = 2


def _part_of_pointed(rd: ReportDoc, site: SiteRef) -> bool:
    """Is the site phrase a part a possessive gives to a lesion word pointed
    back to as the subject of its sentence ('The plaque is densely calcified
    along its anterior wall': the plaque's own wall, not a new place)?"""
    i = site.span.start
    sent = rd.sent_at(i)
    lower = rd.lower
    lead = range(max(sent.start, i - OWNER_REACH), i)
    if not any(lower[k] in OWNER_PRONOUNS for k in lead):
        return False
    owners = rd.lesion_nouns | rd.word_sets.get("part_owner_nouns", frozenset())
    return any(
        lower[k] in owners and lower[k - 1] in DEFINITE
        for k in range(sent.start + 1, min(sent.start + 3, i))
    )


def _joint_in_clause(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The tissue about a joint the finding's clause leads to after it
    (`_about_a_joint`), for a finding whose words or clause name only the
    vocabulary's unspecific site: 'soft tissue calcification about the left
    shoulder' lies in the tissue about that joint, the narrower name. A site
    of the vocabulary the clause names right after the joint still wins
    ('... in the soft tissues around the shoulder in the supraspinatus
    tendon': the tendon; mentions.json joint_leads)."""
    for s in rd.sentence_sites(f.start):
        if (
            s.span.label_ == "REGION"
            and s.span.start >= f.end
            and site_reach(rd, f, s) is not None
        ):
            joint = _about_a_joint(kit, rd, s)
            if joint is not None:
                return specific_site_after(kit, rd, f, joint.span.end) or joint
    return None


# Words between the vocabulary's unspecific tissue and the joint it is of
# ('the soft tissues of the left elbow'; a side is read apart).
_TISSUE_OF = frozenset({"of", "the", "both"})


def _joint_of_tissue(kit: Toolkit, rd: ReportDoc, tissue: SiteRef) -> SiteRef | None:
    """The tissue about a joint that an unspecific tissue phrase is 'of'
    ('soft tissues of the left elbow', 'soft tissues of both knees'): the
    vocabulary's narrower name for that tissue (guide §2 site vocabulary:
    periarticular soft tissue is the tissue about a joint; when two names
    fit, the narrower one). None where no joint (a REGION rule with
    `mention_site`) follows it so, or another region does ('of the thigh')."""
    end = tissue.span.end
    for s in rd.sentence_sites(tissue.start):
        if s.span.start < end or not kit.md(s.span).get("mention_site"):
            continue
        between = rd.lower[end : s.start]
        if "of" in between and all(
            w in _TISSUE_OF or w in kit.side_words for w in between
        ):
            return _joint_tissue(kit, rd, s)
    return None


def _about_a_joint(kit: Toolkit, rd: ReportDoc, region: SiteRef) -> SiteRef | None:
    """A joint of its clause led by 'about', 'around', 'adjacent to'
    (mentions.json joint_leads): the tissue about that joint, its REGION
    rule's `mention_site` (guide §2 vocabulary: periarticular soft tissue).
    'Calcification around the right knee' is there as 'right knee
    calcification' is. None for other regions and other leads ('near')."""
    if joint_lead_start(kit, rd, region) is None:
        return None
    return _joint_tissue(kit, rd, region)


# Words that may stand between 'with' and the mention it leads to ('the
# right shoulder with a calcific density').
_ARTICLES = frozenset({"a", "an", "some"})


def _joint_with(kit: Toolkit, rd: ReportDoc, f: Span, region: SiteRef) -> SiteRef | None:
    """A joint (a REGION rule with `mention_site`) that leads by a word of
    mentions.json `joint_with_links` straight to the mention, only an article
    between ('degenerative change of both knees with calcific densities'):
    the calcification is the joint's, in the tissue about it, as it is in
    'right shoulder calcification' (guide §2 vocabulary: periarticular soft
    tissue). None for other regions, other words between or a region after
    the mention."""
    if not kit.md(region.span).get("mention_site") or region.span.end > f.start:
        return None
    between = rd.lower[region.span.end : f.start]
    links = rd.word_sets.get("joint_with_links", frozenset())
    if between and kit.md(f).get("joint_placed"):
        between = _past_implant(rd, region.span.end, between)
    if not between or between[0] not in links:
        return None
    if not set(between[1:]) <= _ARTICLES:
        return None
    return _joint_tissue(kit, rd, region)


# How many plain words (a grade, 'extensive') may stand between 'with' and a
# `joint_placed` mention after a joint's replacement.
_IMPLANT_GAP = 1


def _past_implant(rd: ReportDoc, end: int, between: list[str]) -> list[str]:
    """The words between a joint's replacement ('total knee arthroplasty',
    mentions.json `joint_implant_words`, right after the joint) and a
    `joint_placed` mention, its grade dropped ('left hip replacement with
    extensive heterotopic ossification': the ossification about the hip,
    corpora/GUIDE.md site); the words as they were otherwise."""
    implants = rd.word_sets.get("joint_implant_words", frozenset())
    if between[0] not in implants or len(between) < 2:
        return between
    rest = between[1:]
    tail = [w for w in rest[1:] if w not in _ARTICLES]
    starts = rd.match_starts
    first_tail = end + 2
    if len(tail) > _IMPLANT_GAP or any(
        not w.isalpha() or k in starts
        for k, w in enumerate(rest[1:], start=first_tail)
        if w not in _ARTICLES
    ):
        return between
    return [rest[0]]


# Words that may stand between 'of' and the joint it leads to ('calcification
# of both shoulders').
_JOINT_OF_DETERMINERS = frozenset({"the", "both", "either"})


def _joint_of(kit: Toolkit, rd: ReportDoc, f: Span, region: SiteRef) -> SiteRef | None:
    """A joint (a REGION rule with `mention_site`) the mention leads to by a
    word of mentions.json `joint_of_links` right after it, only an article or
    'both' and the joint's side between ('calcific deposit of the left
    shoulder'): the calcification is the joint's, in the tissue about it, as
    it is in 'left shoulder calcification' (guide §2 vocabulary: periarticular
    soft tissue). None for other regions and other words between."""
    if not kit.md(region.span).get("mention_site") or region.start < f.end:
        return None
    between = rd.lower[f.end : region.start]
    links = rd.word_sets.get("joint_of_links", frozenset())
    if not between or between[0] not in links:
        return None
    # 'at the right first MTP joint': a side and the joint's number
    # (joint_ordinals) may stand before it, as before 'about' (joint_lead_start)
    numbered = kit.word_sets.get("joint_ordinals", frozenset()) | kit.side_words
    if not set(between[1:]) <= _JOINT_OF_DETERMINERS | numbered:
        return None
    return _joint_tissue(kit, rd, region)


def _joint_tissue(kit: Toolkit, rd: ReportDoc, region: SiteRef) -> SiteRef:
    """The tissue about the joint a `REGION` rule with `mention_site` names,
    placed at the region's words (a side word before them included): one
    reading for a joint among the mention's own words and for one its clause
    leads to ('right shoulder calcification', 'calcification about the right
    shoulder')."""
    site = str(kit.md(region.span)["mention_site"])
    return replace(region, site=site, text=rd.doc[region.start : region.span.end].text)


# Words that may stand between an evidence word and the site it opens with
# ('given the skin findings', 'given her skin lesions').
_EVIDENCE_DETERMINERS = frozenset({"the", "a", "an", "her", "his", "its", "their", "these", "this"})


def _evidence_for(rd: ReportDoc, f: Span, site: SiteRef) -> bool:
    """Does the site stand in a phrase that an evidence word (mentions.json
    `evidence_leads`) leads after the finding, opening it ('calciphylaxis of
    the thigh is likely, given the skin findings') or as another finding's
    words in it ('... given the skin findings and the progression of
    subcutaneous calcification')? The phrase names what the finding is
    inferred from, not where it lies (guide §2: a phrase about something
    else gives no site); 'given its location in the kidney' names a place
    by its preposition and is not such a phrase."""
    leads = rd.word_sets.get("evidence_leads", frozenset())
    start = site.span.start
    if start < f.end or not any(rd.lower[i] in leads for i in range(f.end, start)):
        return False
    i = start - 1
    while i >= f.end and rd.lower[i] in _EVIDENCE_DETERMINERS:
        i -= 1
    if rd.lower[i] in leads:
        return True
    return any(c.start <= start < c.end for c in rd.matches.calc if c is not f)


def _study_of(rd: ReportDoc, region: SiteRef) -> bool:
    """Is the body region the object of a study's name ('CT of the chest',
    'a radiograph of the abdomen', the masked 'XXXX of the chest' of an
    export that hid the study's name)? It says what a study covers, not
    where the finding lies ('Not definitely calcified, consider CT of the
    chest': guide §2, a phrase about something else gives no site)."""
    i = region.span.start - 1
    if i >= 0 and rd.lower[i] in DEFINITE:
        i -= 1
    if i < 1 or rd.lower[i] != "of":
        return False
    study = rd.word_sets.get("exam_words", frozenset()) | rd.word_sets.get(
        "mask_words", frozenset()
    )
    return region.span.label_ == "REGION" and rd.lower[i - 1] in study


def _exam_region(kit: Toolkit, rd: ReportDoc, f: Span, region: SiteRef) -> SiteRef:
    """A body region that is the exam's own ('in the right lower chest' on a
    chest film) leaves the exam's reading standing (guide §2 step 5: a
    granuloma there is the lung's), with the region's side."""
    exam = exam_for(kit, rd, f)
    if exam is None or region.span.text.lower() not in exam["exam_terms"]:
        return region
    found = site_from_exam(kit, rd, f)
    return replace(found, laterality=region.laterality) if found is not None else region


def _shared_node_head(kit: Toolkit, f: Span, last: SiteRef) -> bool:
    """Do coordinated site words share the nodes that end the mention
    ('calcified mediastinal and right hilar lymph nodes': both are nodes;
    guide §2 vocabulary: lymph node = any nodes)? Not where the last site is
    a bare adjective ('mediastinal and hilar calcifications'); a noun of the
    nodes' own ('mediastinal and hilar lymphadenopathy') is one."""
    return (
        last.span.end == f.end
        and (len(last.span) > 1 or bool(kit.md(last.span).get("generic")))
        and kit.site_info(last.site).get("kind") == "node"
    )


def _shared_head_of_mention(
    kit: Toolkit, rd: ReportDoc, f: Span, first: SiteRef, last: SiteRef
) -> bool:
    """Do coordinated place adjectives share the nodes or structure that
    ends the mention's site words, right before its calcification word ('no
    mediastinal or hilar lymph node calcification', 'hepatic and splenic
    artery calcification')? See clause_sites.shares_head."""
    core = rd.core_start.get((f.start, f.end), f.start)
    return (
        last.span.end == core
        and rd.lower[first.span.end - 1].endswith(ADJECTIVE_ENDINGS)
        and shares_head(kit, rd, first, last)
    )


def _named_with_the_head(
    kit: Toolkit, rd: ReportDoc, first: SiteRef, last: SiteRef
) -> bool:
    """Does the first of coordinated places, with the last one's final word,
    make a phrase of the last one's site ('breast and femoral arterial
    calcification': 'breast arterial' is an artery's term)? Then both share
    that word as their head, and the finding is of the head's site."""
    if first.site == last.site:
        return False
    words = [*rd.lower[first.span.start : first.span.end], rd.lower[last.span.end - 1]]
    phrase = " ".join(words)
    return phrase in kit.site_info(last.site).get("terms", ())


def _what_it_restates(
    kit: Toolkit, rd: ReportDoc, f: Span, clause: SiteRef | None
) -> SiteRef | None:
    """A finding its sentence says the one finding before it is ('calcified
    foci in the right upper lobe and left lower lobe, which likely represent
    calcified granulomas') is that finding: its site and side. Only
    where the place phrase before it is that finding's own ('subcutaneous
    vascular calcifications with skin thickening in the thighs, suggestive of
    calciphylaxis': the thighs' skin is no place of the vessels)."""
    first = rd.layout.sent_first[f.start]
    before = [
        c
        for c in rd.matches.calc
        if c.end <= f.start and rd.layout.sent_first[c.start] == first
    ]
    if len(before) > 1 and _other_reading_of(rd, before[-1], f):
        # 'calcification ..., may represent myositis ossificans vs. calcified
        # hematoma': the second reading is of what the first one reads
        read = _what_it_restates(kit, rd, before[-1], None)
        if read is None or clause is None:
            return read
        inside = read.start <= clause.span.start < joined_site_end(rd, read, read.span.end)
        return read if inside else None
    if len(before) != 1 or not linked(rd, before[0], f):
        return None  # 'X and Y, consistent with metastatic calcification': which?
    prev = before[0]
    site = link_site(kit, rd, prev)
    if site is None:
        return None
    if clause is not None and not (
        site.start <= clause.span.start < joined_site_end(rd, site, site.span.end)
    ):
        return None
    side = two_sides(kit, rd, prev, site) or site.laterality
    return replace(site, laterality=side or lat_in_sentence(kit, rd, prev))


# Words that may stand between two readings besides the alternative word
# ('myositis ossificans vs. a calcified hematoma').
_READING_FILLERS = frozenset({",", "a", "an", "the", "."})


def _other_reading_of(rd: ReportDoc, reading: Span, f: Span) -> bool:
    """Is `f` offered as another reading beside the finding right before it,
    an alternative word (mentions.json alternative_words, 'vs.' with its
    period) and articles only between them ('myositis ossificans vs. calcified
    hematoma')? Both read the same calcification (guide §2 step 3; corpora/
    GUIDE.md lesion: a finding its sentence names as what the one before it
    is shares its number)."""
    words = rd.word_sets.get("alternative_words", frozenset())
    between = [w.rstrip(".") or w for w in rd.lower[reading.end : f.start] if not w.isspace()]
    return any(w in words for w in between) and all(
        w in words or w in _READING_FILLERS for w in between
    )


def linked_lesion(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """A lesion the finding's own sentence says it is ('calcification ...
    favored to represent a phlebolith' -> vein): a later mention that implies
    its site or names one in its words, tied to this one by a linking phrase,
    no other mention between; else a site its sentence names after it."""
    later = _linked_later(rd, f)
    if later is None:
        return site_said_after(rd, f)
    if _offers_readings(rd, f):
        # '..., possibly a gallstone versus a calcified costal cartilage': one
        # of two readings says neither (guide §2; corpora/GUIDE.md site)
        return None
    return _site_of_lesion_named(kit, rd, later)


def _lesion_named_as(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The site of the lesion the finding's sentence names it as
    (`linked_lesion`), and nothing when it names none."""
    later = _linked_later(rd, f)
    return _site_of_lesion_named(kit, rd, later) if later is not None else None


def _offers_readings(rd: ReportDoc, f: Span) -> bool:
    """Does the finding's sentence, after it, offer a reading as one of
    others ('versus', 'or': mentions.json alternative_words)?"""
    words = rd.word_sets.get("alternative_words", frozenset())
    end = rd.layout.sent_end[rd.layout.sent_first[f.start]]
    return any(w in words for w in rd.lower[f.end : end])


def _linked_later(rd: ReportDoc, f: Span) -> Span | None:
    """The next mention of the finding's sentence, when a linking phrase ties
    it to the finding ('..., likely a phlebolith')."""
    first = rd.layout.sent_first[f.start]
    later = next(
        (
            c
            for c in rd.matches.calc
            if c.start >= f.end and rd.layout.sent_first[c.start] == first
        ),
        None,
    )
    return later if later is not None and linked(rd, f, later) else None


def _site_of_lesion_named(kit: Toolkit, rd: ReportDoc, later: Span) -> SiteRef | None:
    """The site a lesion named by a later mention gives: the site its words
    imply or name, else the place its own clause gives after its words."""
    implied = kit.md(later).get("implied_site")
    if implied:
        return SiteRef(later, implied, "", "", later.start, later.id_)
    # or the site in its words ('..., consistent with calcific tendinitis')
    named = [
        s
        for s in rd.matches.sites
        if later.start <= s.span.start
        and s.span.end <= later.end
        and s.span.label_ == "SITE"
    ]
    if named:
        return named[-1]
    # or the place its own clause gives it after its words ('calcific focus,
    # likely a calcified granuloma of the liver': the granuloma's liver)
    after = site_in_clause(kit, rd, later)
    if (
        after is not None
        and after.span.start >= later.end
        and after.span.label_ == "SITE"
    ):
        return after
    return None


def causes_elsewhere(
    kit: Toolkit,
    rd: ReportDoc,
    cues: list[Span],
    own_ops: Container[SpanKey] = frozenset(),
) -> list[tuple[int, CauseRecord]]:
    """Dystrophic causes anywhere in the report, with the site each names:
    the cue's or condition's own (a splenic infarct: spleen), else the
    nearest site phrase of its sentence. `own_ops` are the keys of the procedure
    words that name the report's own operation (analyze.own_procedures): no
    earlier surgery, so no cause."""
    out = []
    sites_in = rd.sites_by_sentence()
    # the side words by where they end (they never overlap), for `_side_on`,
    # and by sentence, for the readers of a cause's sentence
    lat_ends = {x.end: x for x in rd.matches.lats}
    lats_in: dict[int, list[Span]] = {}
    for x in rd.matches.lats:
        lats_in.setdefault(rd.layout.sent_first[x.start], []).append(x)
    # the labels' ids compared: `label_` is a string look-up per call
    cue, condition = kit.label_ids.get("CUE"), kit.label_ids.get("CONDITION")
    rule1 = [c for c in cues if c.label == cue and kit.md(c)["rule"] == 1]
    # a condition the same words name as a cue counts once, as the cue
    as_cue = {(c.start, c.end) for c in rule1}
    for span in rule1 + rd.matches.conds:
        is_condition = span.label == condition
        if is_condition and (span.start, span.end) in as_cue:
            continue
        md = kit.md(span)
        if is_condition:
            if md["category"] != DYSTROPHIC or not is_cause(rd.mods, span):
                continue
            if flags(rd.mods, span) & NOT_A_CONDITION or key(span) in own_ops:
                continue  # '?goiter': a hedged condition is no report's cause
            if md.get("injured_organ") == ():
                continue  # 'spinal cord injury': at no finding's place
            name = md["condition"]
        else:
            name = md["cue"]
            if planned(kit, rd.layout, span, name):
                continue  # 'RECOMMENDATION: ... bypass surgery'
        site, lat, stext = md.get("site", ""), "", ""
        first, end = rd.sent_bounds(span.start)
        near = sites_in.get(first, [])
        need = md.get("requires_site")  # 'degenerative' names a valve's cause only
        joined = [] if site else _linked_places(rd, near, span)
        joined = [p for p in joined if not need or p.site in need]
        for place in joined:
            out.append(
                (
                    first,
                    CauseRecord(
                        md.get("cue_at_site", {}).get(place.site, name),
                        place.site,
                        place.laterality,
                        place_words(kit, rd, place),
                        rd.span_text(span),
                        span.start,
                        organ_part(kit, rd, span.start, place.site),
                    ),
                )
            )
        if joined:
            continue
        own_side = _side_on(kit, rd, span, lat_ends)
        if near:
            nearest = min(near, key=lambda s: abs(s.span.start - span.start))
            if own_side and nearest.laterality not in ("", own_side):
                # 'left testicular pain, prior right orchiopexy': the
                # phrase of the other side is another thing's place
                near = []
        if near:
            joint = _joint_site(kit, nearest)
            if joint and not site:
                # 'left total knee arthroplasty', 'ORIF of the left acetabular
                # fracture': the tissue about the joint, as a hip arthroplasty's
                # own site is (guide §4 rule 4: a cause at the same site)
                site, lat = joint, nearest.laterality
            elif not site or site == nearest.site:
                site, lat = nearest.site, nearest.laterality
                # a cause whose own words name the organ ('multinodular
                # goiter') names the whole of it, no part
                own = nearest.span.start < span.end and span.start < nearest.span.end
                stext = "" if own else place_words(kit, rd, nearest)
        if not lat:
            lat = (
                own_side
                or lat_near(kit, rd, span, lats_in.get(first, []))
                or _one_side_of(kit, near, lats_in.get(first, []))
            )
        if site and (not need or site in need):
            out.append(
                (
                    first,
                    CauseRecord(
                        md.get("cue_at_site", {}).get(site, name),
                        site,
                        lat,
                        stext,
                        rd.span_text(span),
                        span.start,
                        organ_part(kit, rd, span.start, site),
                    ),
                )
            )
    return restated_parts(out)


def organ_part(kit: Toolkit, rd: ReportDoc, at: int, site: str) -> str:
    """The part of an organ the sentence of token `at` names nearest to it,
    in words of its own that no site phrase holds ('lower pole', 'segment
    6', 'interpolar'), for 'same place?' comparisons of a cause and a
    finding (guide §4 rule 4: 'a granuloma in another lobe does not
    count'); '' where the sentence names none. A head noun (mentions.json
    sub_site_heads) names a part with a part word (sub_site_leads) before
    it only, a numbered one (sub_site_numbered) with a number after it
    ('the calcified segment' names none). A part past a site phrase of a site other than `site`
    (the cause's or the finding's), or nearer one, is that other site's
    ('granulomas in the spleen and a granuloma in segment 7 of the liver':
    none of the spleen's)."""
    heads = kit.word_sets.get("sub_site_heads", frozenset())
    numbered = kit.word_sets.get("sub_site_numbered", frozenset())
    alone = kit.word_sets.get("sub_site_words", frozenset())
    leads = kit.word_sets.get("sub_site_leads", frozenset())
    lower = rd.lower
    first, end = rd.sent_bounds(at)
    words = lower[first:end]
    if (
        alone.isdisjoint(words)
        and heads.isdisjoint(words)
        and numbered.isdisjoint(words)
    ):
        return ""  # most sentences: no part word at all (one pass each, no loop)
    found: list[tuple[int, str]] = []
    for i in range(first, end):
        w = lower[i]
        if w in alone:
            found.append((i, w))
        elif w in heads and (lead := _lead_before(lower, first, i, leads)):
            found.append((i, f"{lead} {w.rstrip('s')}"))
        elif w in numbered and i + 1 < end and _numbered(lower[i + 1]):
            found.append((i, f"{w} {lower[i + 1]}"))
    places = rd.sentence_sites(at)
    found = [
        (i, part)
        for i, part in found
        if not any(min(i, at) < r.span.start < max(i, at) for r in places if r.site != site)
        and _nearest_site(places, i) in ("", site)
    ]
    if not found:
        return ""
    return min(found, key=lambda x: abs(x[0] - at))[1]


def _lead_before(lower: list[str], first: int, i: int, leads: frozenset[str]) -> str:
    """The part word right before token i, or before a hyphen there
    ('mid-pole'), within the sentence from `first`; '' where none."""
    j = i - 2 if i - 2 >= first and lower[i - 1] == "-" else i - 1
    return lower[j] if j >= first and lower[j] in leads else ""


def _nearest_site(places: list[SiteRef], i: int) -> str:
    """The site of the site phrase nearest token i ('' where none)."""
    if not places:
        return ""
    near = min(places, key=lambda r: min(abs(r.span.start - i), abs(r.span.end - 1 - i)))
    return near.site


def _numbered(word: str) -> bool:
    """A number or a Roman numeral ('6', 'vi') that names one of a row."""
    return word.isdigit() or (0 < len(word) <= 4 and set(word) <= set("ivx"))


def restated_parts(
    out: list[tuple[int, CauseRecord]], pool: list[tuple[int, CauseRecord]] | None = None
) -> list[tuple[int, CauseRecord]]:
    """A cause named at the whole site and the part of none ('Calcified
    left renal cyst' in the impression) restates the one of its name named
    at a part of that site in another sentence, on no other side ('an
    interpolar cyst'): it is at that part (guide §4 rule 4: the same place).
    Where causes of its name lie at two parts, it restates neither. The
    causes it may restate are `pool`'s (default: `out` itself)."""
    pool = out if pool is None else pool
    fixed = []
    for first, c in out:
        if not c.site_text and not c.sub_site:
            parts = {
                q.sub_site
                for s0, q in pool
                if s0 != first
                and q.name == c.name
                and q.site == c.site
                and q.sub_site
                and (not q.laterality or not c.laterality or q.laterality == c.laterality)
            }
            if len(parts) == 1:
                c = replace(c, sub_site=next(iter(parts)))
        fixed.append((first, c))
    return fixed


def _joint_site(kit: Toolkit, place: SiteRef) -> str:
    """The tissue about the joint a place phrase names, a joint (a REGION
    rule's `mention_site`) or a joint's bony landmark (`landmark_site`);
    '' for other places."""
    if place.span.label_ != "REGION":
        return ""
    md = kit.md(place.span)
    return str(md.get("mention_site") or md.get("landmark_site") or "")


def _one_side_of(kit: Toolkit, near: list[SiteRef], lats: list[Span]) -> str:
    """The one side the cause's sentence writes on its place phrases, for a
    cause whose own words name its site ('Along the left convexity, a
    chronic calcified subdural hematoma'): where the sentence names one
    side only, the cause lies there (guide §4 rule 4: a cause counts for
    the same site and side); '' where it names none or two. `near`, `lats`:
    the sentence's site phrases and side words."""
    sides = {s.laterality for s in near if s.laterality}
    sides |= {str(kit.md(x)["laterality"]) for x in lats}
    return next(iter(sides)) if len(sides) == 1 and "bilateral" not in sides else ""


def _side_on(
    kit: Toolkit, rd: ReportDoc, cause: Span, lat_ends: dict[int, Span]
) -> str:
    """The side written on a cause's own words: a side word right before
    them, or before one plain word that leads them ('prior right
    orchiopexy', 'left total hip arthroplasty'); '' when none (guide §4 rule
    4: a cause counts for the same place, 'a prior left lumpectomy explains
    calcification in the left breast'). `lat_ends`: the side words by where
    they end."""
    at = cause.start
    x = lat_ends.get(at)
    if x is None:
        x = lat_ends.get(at - 1)  # past one plain word that no match starts
        if (
            x is None
            or not rd.layout.words[at - 1].isalpha()
            or at - 1 in rd.match_starts
        ):
            return ""
    return str(kit.md(x)["laterality"])


def heads_a_list(rd: ReportDoc, cause: Span, f: Span) -> bool:
    """Does the cause head a list the finding is in, before a colon
    ('Sequelae of prior histoplasmosis: calcified nodes and a calcified
    nodule') or before a 'with' that findings joined by 'and' follow and
    nothing else ('schistosomiasis with bladder wall calcification, and
    left ureteric calcification')?"""
    return (
        cause.end < f.start
        and (_before_colon(rd, cause) or _with_findings(rd, cause, f))
        and rd.layout.sent_first[cause.start] == rd.layout.sent_first[f.start]
    )


def _with_findings(rd: ReportDoc, cause: Span, f: Span) -> bool:
    """Is the cause followed by 'with' and then findings only, with their
    place phrases ('of the bladder'), joined by 'and' or a comma, up to the
    finding?"""
    lower = rd.lower
    if cause.end >= len(lower) or lower[cause.end] != "with":
        return False
    spans = [*rd.matches.calc, *(s.span for s in rd.matches.sites)]
    inside = {i for x in spans for i in range(x.start, x.end)}
    return any(
        cause.end + 1 <= x.start and x.end <= f.start for x in rd.matches.calc
    ) and all(
        i in inside or lower[i] in _WITH_LIST_WORDS for i in range(cause.end + 1, f.start)
    )


# the words a list of findings after 'with' may hold beside the findings and
# their place phrases: joiners and the words that open a place phrase
_WITH_LIST_WORDS = frozenset({",", "and", "of", "the", "a", "an", "in", "at"})


def _before_colon(rd: ReportDoc, cause: Span) -> bool:
    """Does a colon follow the cause at once (it heads a list)?"""
    return cause.end < len(rd.lower) and rd.lower[cause.end] == ":"


def _linked_places(rd: ReportDoc, near: list[SiteRef], cause: Span) -> list[SiteRef]:
    """The places of the findings a link ties to a cause after them, when
    its sentence names more than one ('Calcified left upper lobe nodule and
    calcified left hilar node from healed tuberculosis': the lung's and the
    node's): the site phrases before the link, each with its side; none
    when no link stands between the last of them and the cause. A cause
    heading a list with a colon is every place's of the list after it."""
    if _before_colon(rd, cause):
        listed = [s for s in near if s.span.start > cause.end]
        return listed if len({s.site for s in listed}) > 1 else []
    joined = _places_joined_after(rd, near, cause)
    if joined:
        return joined
    before = [s for s in near if s.span.end <= cause.start]
    if len({s.site for s in before}) < 2:
        return []
    last = max(s.span.end for s in before)
    if not any(last <= k.start and k.end <= cause.start for k in rd.matches.links):
        return []
    return before


# The words that may lead the places a cause's "of" phrase joins ('granulomas
# of the liver and spleen') and join them: function words, no medical list.
_PLACE_LEADS = frozenset({"of", "in", "within", "the", "both"})
_PLACE_JOINS = frozenset({"and", ",", "the"})


def _places_joined_after(
    rd: ReportDoc, near: list[SiteRef], cause: Span
) -> list[SiteRef]:
    """The places of two sites or more that an 'of' or 'in' right after the
    cause joins by 'and' or commas ('calcified granulomas of the liver and
    spleen'): the cause is at each of them (GUIDE, lesion: a phrase that
    joins two places names the one lesion at both); none else."""
    after = sorted(
        (s for s in near if s.span.start >= cause.end), key=lambda s: s.span.start
    )
    if not after or rd.lower[cause.end] not in ("of", "in", "within"):
        return []
    lower, blank = rd.lower, rd.layout.blank
    # a side word leads a place of its own ('... spleen and right kidney')
    sided = {i for x in rd.matches.lats for i in range(x.start, x.end)}
    places: list[SiteRef] = []
    at, allowed = cause.end, _PLACE_LEADS
    for place in after:
        if any(
            not blank[i] and lower[i] not in allowed and i not in sided
            for i in range(at, place.span.start)
        ):
            break
        places.append(place)
        at, allowed = place.span.end, _PLACE_JOINS
    return places if len({p.site for p in places}) > 1 else []


def qualified(
    kit: Toolkit, rd: ReportDoc, f: Span, site: str, site_span: Span | None
) -> bool:
    """A qualifier word in the sentence ('nodule' for the thyroid) makes the
    site prone, unless it is denied ('no nodule', 'without a discrete
    nodule': the calcification lies in the gland as such)."""
    firsts = rd.layout.sent_first
    sents = {firsts[f.start]}
    if site_span is not None:
        sents.add(firsts[site_span.start])
    return any(
        firsts[q.start] in sents
        and kit.md(q).get("site") == site
        and not _denied_word(kit, rd, q)
        for q in rd.matches.qualifiers
    )


# Words that join the last item of a list to the items before it: a denial
# before the first item reaches the last ('without a discrete nodule or mass');
# past one of them, a comma joins the items before it ('no lesion, nodule or
# mass').
_LIST_JOINS = frozenset({"or", "nor"})
_LIST_COMMAS = frozenset({","})


def _denied_word(kit: Toolkit, rd: ReportDoc, q: Span, reach: int = 4) -> bool:
    """Does a forward negation or hypothetical of the ConText rules ('no',
    'without', 'not associated with any', 'evaluate for') stand up to
    `reach` tokens before `q`, or before the 'or' that joins `q` to the
    item before it, in its sentence?"""
    first = rd.layout.sent_first[q.start]
    end = q.start
    joining = _LIST_JOINS
    while True:
        lo = max(first, end - reach)
        words = tuple(rd.lower[lo:end])
        if any(
            words[k : k + len(c)] == c
            for c in (*kit.forward_negations, *kit.forward_hedges)
            for k in range(len(words) - len(c) + 1)
        ):
            return True
        joins = [lo + k for k, w in enumerate(words) if w in joining]
        if not joins:
            return False
        end, joining = joins[-1], _LIST_JOINS | _LIST_COMMAS


def linked(rd: ReportDoc, f: Span, holder: Span) -> bool:
    """Does a LINK phrase tie `f` to the later finding `holder` that names a cause?"""
    if holder.start < f.end:
        return False
    if any(f.end <= x.start < holder.start for x in rd.matches.calc if x is not holder):
        return False
    return (
        any(f.end <= k.start and k.end <= holder.start for k in rd.matches.links)
        or _said_to_be(rd, f, holder)
        or _mask_hides_link(rd, f, holder)
    )


def _mask_hides_link(rd: ReportDoc, f: Span, holder: Span) -> bool:
    """Do the words between the two findings, after their last comma, end in
    a de-identification mask and "a" or "an", no "and" or semicolon among
    them ("calcification over the superior mediastinum XXXX a calcified lymph
    node")? The mask hides the linking word ("likely", "representing"):
    masks hide words, not structure (guide §2)."""
    between = rd.lower[f.end : holder.start]
    if ";" in between:
        return False
    if "," in between:
        between = between[len(between) - between[::-1].index(",") :]
    return (
        len(between) >= 2
        and between[-1] in {"a", "an"}
        and between[-2] in rd.word_sets.get("mask_words", frozenset())
        and "and" not in between
    )


# How many plain words may stand between a 'with' and the finding it gives
# to the finding before it ('with progressive calcification').
_GIVEN_WITH_REACH = 5


def given_with(rd: ReportDoc, f: Span, holder: Span) -> bool:
    """Does a 'with' give `f` to the earlier finding `holder` that names a
    cause, right after it or past an aside in commas ('calcific constrictive
    pericarditis, probably tuberculous, with progressive calcification'),
    a few plain words before `f` and no other finding between? What `f` is
    in is the cause's (guide §4 rule 1: a cause in the same sentence)."""
    if holder.end > f.start or rd.layout.sent_first[holder.start] != rd.layout.sent_first[
        f.start
    ]:
        return False
    if any(holder.end <= x.start < f.start for x in rd.matches.calc):
        return False
    between = rd.lower[holder.end : f.start]
    if "with" not in between:
        return False
    k = len(between) - 1 - between[::-1].index("with")
    before, after = between[:k], between[k + 1 :]
    if len(after) > _GIVEN_WITH_REACH or not all(w.isalpha() for w in after):
        return False
    if not before:
        return True
    aside = before[1:-1]
    return (
        before[0] == ","
        and before[-1] == ","
        and 0 < len(aside) <= _GIVEN_WITH_REACH
        and all(w.isalpha() for w in aside)
    )


def _said_to_be(rd: ReportDoc, f: Span, holder: Span) -> bool:
    """Is the later finding what a copula says `f` is ('calcific densities
    along the sidewall are phleboliths'; guide §2 step 3), a noun phrase right
    after 'is'/'are' (an article between, and a word or two after it that
    say what kind: 'is a normal pineal gland calcification'), not a bare
    predicate ('... is calcified')?"""
    raw = rd.lower[f.end : holder.start]
    articles = [k for k, w in enumerate(raw) if w in {"a", "an"}]
    if articles and kind_words(raw[articles[-1] + 1 :]):
        raw = raw[: articles[-1]]  # 'is a normal pineal gland calcification'
    words = [w for w in raw if w not in {"a", "an"}]
    if not words or words[-1] not in rd.word_sets.get("state_copulas", frozenset()):
        return False
    if {",", ";", ":"} & set(words) or words[-2:-1] == ["as"]:
        return False  # '... are stable, as are calcified nodes': a comparison
    bare = rd.word_sets.get("bare_adjectives", frozenset())
    return holder.end - holder.start > 1 or rd.lower[holder.start] not in bare


def part_words(kit: Toolkit, rd: ReportDoc, site: SiteRef) -> str:
    """The words of a site phrase that name a part of its site ('left lower
    lobe', 'frontal lobe', 'RUL'), for 'same place?' comparisons; '' for a
    phrase that names the whole site, one word of its vocabulary terms
    ('spleen', 'splenic', 'hepatic'), which takes in every part of it. Words
    are spelled as descriptors.json's site_synonyms spell them."""
    words = core_words(rd.span_text(site.span))
    if " " not in words and (
        words in kit.site_terms(site.site)
        or words in kit.word_sets.get("whole_site_words", frozenset())  # 'parenchymal'
    ):
        return ""
    # one spelling of a part ('lingular' and 'lingula', 'hilar' and 'hilum'),
    # without the words that name no part: a side, compared on its own
    # ('left lower lobe' and 'LLL' are one place), or a word such as 'wall'
    # or 'gland' (descriptors.json lesion_ignore)
    synonyms, ignore = kit.descriptors.synonyms, kit.descriptors.lesion_ignore
    part = [
        x
        for w in words.split()
        if w not in ignore
        for x in synonyms.get(w, w).split()
        if x not in ignore
    ]
    # the site's own name in more words than one ('adrenal gland', 'basal
    # ganglion') takes in every part of it, as a one-word term does
    whole = [synonyms.get(w, w) for w in site.site.split() if w not in ignore]
    if not part or part == whole:
        return ""
    # the site's own name among a part's words names no more of it ('both
    # lung bases' is the part 'both bases' names)
    part = [x for x in part if x not in whole] or part
    return " ".join(part)


def place_words(kit: Toolkit, rd: ReportDoc, site: SiteRef) -> str:
    """The words of a site phrase that name the place a cause or a finding
    lies at, for guide §4 rule 4's 'the same place': its part
    (`part_words`), or, for a phrase of one word naming one organ of a site
    that takes in several (mentions.json organ_words: 'testis', 'epididymal'
    of the scrotum), that organ, spelled as site_synonyms spell it. A cause
    at one organ is not at another's calcification."""
    part = part_words(kit, rd, site)
    if part:
        return part
    words = core_words(rd.span_text(site.span))
    if words not in kit.word_sets.get("organ_words", frozenset()):
        return ""
    return kit.descriptors.synonyms.get(words, words)


def core_words(site_text: str) -> str:
    """Site words without articles, for 'same site?' comparisons."""
    words = [w for w in site_text.lower().split() if w not in {"the", "a", "an"}]
    return " ".join(words)


def _same_word(word: str | None, head: str) -> bool:
    """Is an earlier mention's calcification word the one a pointing word
    leads (`head`), or its plural where `head` is the singular? 'The
    calcification' may point back to calcifications named before ('a nodule
    with coarse calcifications ... the calcification seen on ultrasound');
    'these calcifications' point back to several, never to one."""
    return word == head or (
        word is not None and not head.endswith("s") and word == head + "s"
    )
