"""A generic site gives way to a specific one (guide §2 "Site and side from
context": 'atherosclerotic calcification of the aorta' is aorta; a plaque
'within the vessel' after the LAD was named is coronary artery).

Plain functions over the `ReportDoc`, used by `linking.link_site`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from calc_nlp.stages.clause_sites import first_of_list
from calc_nlp.stages.context_sites import DEFINITE, asserted, paragraph_before
from calc_nlp.stages.exam_sites import opens_access_label
from calc_nlp.stages.layout import exam_line
from calc_nlp.stages.record import ReportDoc, SiteRef
from calc_nlp.stages.sides import site_reach
from calc_nlp.stages.toolkit import Toolkit


def refine(kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef) -> SiteRef:
    """A generic site ("vascular", "the vessel") takes the specific site of the
    same kind named in the finding's sentence; an anaphoric one ("the vessel")
    also one named in the sentences before it in the same paragraph ("LAD:
    ... the vessel"), never another finding's own words; else it stays."""
    if not kit.md(site.span).get("generic"):
        return site
    kind = kit.site_info(site.site).get("kind")

    def specific(s: SiteRef) -> bool:
        info = kit.site_info(s.site)
        return (
            not kit.md(s.span).get("generic")
            and info.get("kind") == kind
            and asserted(rd, s, f)
        )

    sent = rd.sent(f)
    nearest = _nearest_site(rd, f, specific)
    if nearest is not None:
        chosen = _unless_whole(kit, rd, f, site, nearest, specific)
        if f.start <= site.span.start < f.end:
            # 'Stable MAC with new posterior leaflet calcification': a valve
            # word of the mention naming no part of its own beside a part of
            # a structure names the whole (the mitral valve), as one pointing
            # back to it does
            return _whole_of(kit, site, chosen)
        return chosen
    if kit.md(site.span).get("generic") != "anaphoric" and not _part_pointed_back(kit, rd, f, site):
        named = _one_named_before(kit, rd, f, site, specific)
        if named is None:
            named = _one_named_just_before(kit, rd, f, site, specific)
        if named is not None:
            return _part_or(kit, site, named)
        return _restated_site(kit, rd, f, specific) or site
    others = [c for c in rd.matches.calc if c is not f]
    # its own sentence before it first ('LAD: Heavy calcific plaque along the
    # mid segment and calcification at its origin'), then the sentences before
    before = [rd.doc[sent.start : f.start], *paragraph_before(rd, sent, 4)]
    for n, prev in enumerate(before):
        found = [
            s
            for s in rd.sentence_sites(prev.start)  # each `prev` is of one sentence
            if prev.start <= s.span.start < prev.end
            and specific(s)
            and (
                # a valve a finding's words name ('calcific aortic stenosis;
                # the leaflet calcification ...', 'Calcified aortic valve.
                # The annulus is also calcified': the aortic valve's annulus)
                kind == "valve"
                or not any(c.start <= s.span.start < c.end for c in others)
            )
        ]
        if n and found:
            # an earlier sentence is about its subject: 'The RCA is a
            # dominant artery feeding the PDA. Mild plaque lies in the mid
            # vessel' is the RCA's; one whose subject is the vessel again
            # names branches only ('The vessel runs on and gives off a PDA')
            subject = next((s for s in found if _opens(kit, rd, prev, s.start)), None)
            if subject is not None:
                return _part_or(kit, site, subject)
            if _opens_anaphoric(kit, rd, prev):
                continue
        if found:
            # 'Mitral and tricuspid valve reveal ... . Fibrocalcific valve
            # leaflets': the first of the list it points back to (guide §2)
            return _whole_of(
                kit, site, _part_or(kit, site, first_of_list(kit, rd, found[-1], found))
            )
    # an access line the access site points back to ('ACCESS: Right CFA.'
    # over 'FINDINGS: Calcified plaque at the access site')
    access = _access_line_site(kit, rd, f, site, specific)
    if access is not None:
        return access
    # the exam or operation line ('PROCEDURE: Aortic valve replacement. ...
    # The leaflets were heavily calcified.')
    line = exam_line(rd.layout, ("exam", "technique"))
    if line is not None:
        found = [
            s
            for s in rd.matches.sites
            if line[0] <= s.span.start < line[1]
            and s.span.start < f.start
            and specific(s)
        ]
        if found:
            return _part_or(kit, site, found[0])
    return site


def _access_line_site(
    kit: Toolkit,
    rd: ReportDoc,
    f: Span,
    site: SiteRef,
    specific: Callable[[SiteRef], bool],
) -> SiteRef | None:
    """The vessel the last access line before the finding names ('ACCESS:
    Right CFA.', exam_sites.opens_access_label), for an anaphoric site of an
    access word ('the access site', 'the access vessel'): the artery the
    catheter went in by, with its side (guide §2 step 4: an earlier mention
    the sentence points back to), where no sentence of its paragraph names
    one. None for any other site or with no such line."""
    access = kit.word_sets.get("access_words", frozenset())
    if access.isdisjoint(rd.lower[site.span.start : site.span.end]):
        return None
    found = None
    i = 0
    while i < f.start:
        sent = rd.sent_at(i)
        if sent.end <= f.start and opens_access_label(kit, rd, sent.start, sent.end):
            named = [
                s
                for s in rd.sentence_sites(sent.start)
                if sent.start <= s.span.start < sent.end and specific(s)
            ]
            found = named[0] if named else found
        i = max(sent.end, i + 1)
    return _part_or(kit, site, found) if found is not None else None


def _part_pointed_back(kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef) -> bool:
    """Does a definite article or demonstrative lead a mention that is a
    part word of one structure by default ('The annular calcification was
    debrided' in an aortic valve replacement)? It points back as 'the
    annulus' does: to the structure the sentences before (or the operation
    line) named, the mitral annulus only where nothing else is named (guide
    §2 step 4: an earlier mention the sentence refers back to)."""
    return (
        bool(kit.md(site.span).get("part_of"))
        and f.start <= site.span.start < f.end
        and f.start > 0
        and rd.lower[f.start - 1] in DEFINITE
    )


def _one_named_before(
    kit: Toolkit,
    rd: ReportDoc,
    f: Span,
    site: SiteRef,
    specific: Callable[[SiteRef], bool],
) -> SiteRef | None:
    """For a generic site naming a part of one structure (`part_of`:
    'annular calcification'), the one structure of its kind its own sentence
    names before it, past a semicolon too, another finding's words included
    ('Calcific aortic valve disease; annular calcification noted': the
    aortic valve's annulus, guide §2 site vocabulary); None where the
    sentence names none or two of them."""
    if not kit.md(site.span).get("part_of"):
        return None
    first = rd.sent(f).start
    if first > 0 and rd.lower[first - 1] == ";":
        first = rd.sent_at(first - 1).start  # the clause before the semicolon
    found = [
        s
        for s in rd.matches.sites
        if first <= s.span.start and s.span.end <= f.start and specific(s)
    ]
    return found[0] if len({s.site for s in found}) == 1 else None


def _one_named_just_before(
    kit: Toolkit,
    rd: ReportDoc,
    f: Span,
    site: SiteRef,
    specific: Callable[[SiteRef], bool],
) -> SiteRef | None:
    """For a generic site naming a part of one structure (`part_of`:
    'annular calcification') whose own sentence names none, the one
    structure of its kind named with that part in the sentences right
    before it, in its paragraph past a list mark, another finding's words
    included: the part named again is the one named before ('1. Heavily
    calcified tricuspid aortic valve; annulus perimeter 70 mm. 2. Moderate
    annular calcification.': the aortic valve's annulus, guide §2 step 4,
    an earlier mention the sentence points back to). None where the
    sentence before names no such part ('Aortic valve sclerosis. Annular
    calcification is mild.' stays the mitral annulus) or two structures."""
    if not kit.md(site.span).get("part_of"):
        return None
    part_of = kit.md(site.span).get("part_of")
    said = False  # has a sentence walked past named the same part?
    for prev in paragraph_before(rd, rd.sent(f), 4):
        if not any(w.isalpha() for w in rd.lower[prev.start : prev.end]):
            continue  # a list mark that is a sentence of its own ('2.')
        named = [
            s for s in rd.sentence_sites(prev.start) if prev.start <= s.span.start < prev.end
        ]
        said = said or any(kit.md(s.span).get("part_of") == part_of for s in named)
        found = [s for s in named if specific(s)]
        if found and said and len({s.site for s in found}) == 1:
            return found[0]
        if found or not said:
            return None
    return None


def _part_or(kit: Toolkit, site: SiteRef, whole: SiteRef) -> SiteRef:
    """The structure an anaphoric part word points back to, unless it is the
    part's own whole (`part_of`), which the part names more narrowly: 'the
    annulus' after the aortic valve is the aortic valve's, after the mitral
    valve it is the mitral annulus (guide §2 site vocabulary). The part
    keeps its own words there ('annulus', with the aortic valve's site):
    it names a part of that structure, another lesion than the whole's
    (corpora/GUIDE.md lesion: a valve's annulus vs its leaflets)."""
    part_of = kit.md(site.span).get("part_of")
    if part_of == whole.site:
        return site
    if not part_of:
        return whole
    return SiteRef(
        site.span, whole.site, whole.laterality, site.text, site.start, whole.rule_id
    )


def _whole_of(kit: Toolkit, site: SiteRef, found: SiteRef) -> SiteRef:
    """A valve word naming no part of its own ('the leaflet') pointing back
    to a part of a structure (the mitral annulus, sites.json `part_of`)
    names the whole it is part of ('MAC extending onto the leaflet': the
    mitral valve), with the part's words."""
    whole = kit.site_info(found.site).get("part_of")
    if found is site or not whole or kit.md(site.span).get("part_of"):
        return found
    return SiteRef(
        found.span, whole, found.laterality, found.text, found.start, found.rule_id
    )


def _unless_whole(
    kit: Toolkit,
    rd: ReportDoc,
    f: Span,
    site: SiteRef,
    nearest: SiteRef,
    specific: Callable[[SiteRef], bool],
) -> SiteRef:
    """A generic site that names a part of one structure (`part_of`: 'annular
    calcification' is the mitral annulus by default) gives way to another
    structure named on it ('the aortic valve shows annular calcification'),
    but not to its own whole, which it names more narrowly ('mitral valve:
    annular calcification'); where a list names the structures ('mitral and
    tricuspid valves ... annular calcification') the first of it decides
    (guide §2: where one phrase names two sites, the first)."""
    whole = kit.md(site.span).get("part_of")
    if not whole:
        return nearest
    pool = [s for s in rd.sentence_sites(f.start) if specific(s)]
    first = first_of_list(kit, rd, nearest, pool)
    return site if first.site == whole else first


def _opens(kit: Toolkit, rd: ReportDoc, sent: Span, at: int) -> bool:
    """Does the token `at` open the sentence, only articles or label
    punctuation before it (its subject; mentions.json `subject_leads`)?"""
    leads = kit.word_sets.get("subject_leads", frozenset())
    return all(w in leads for w in rd.lower[sent.start : at])


def _opens_anaphoric(kit: Toolkit, rd: ReportDoc, sent: Span) -> bool:
    """Does the sentence open, past label punctuation, with the vessel named
    before it ('The vessel runs on ...', 'It gives off ...'; mentions.json
    `vessel_anaphors`)?"""
    anaphors = [
        tuple(p.split()) for p in kit.rules.word_lists.get("vessel_anaphors", [])
    ]
    longest = max(map(len, anaphors), default=0)
    words: list[str] = []
    for w in rd.lower[sent.start : sent.end]:
        if len(words) == longest:
            break
        if w not in ",:-":
            words.append(w)
    return any(tuple(words[: len(a)]) == a for a in anaphors)


def _restated_site(
    kit: Toolkit, rd: ReportDoc, f: Span, specific: Callable[[SiteRef], bool]
) -> SiteRef | None:
    """An impression that restates a finding word for word ('Mild
    arteriosclerotic vascular calcifications.') means the one named before
    with its specific site ('... noted in the abdominal aorta'), and so does
    one that names the mineral for its calcification noun ('Annular calcium' after
    'Annular calcification ... beneath the noncoronary cusp')."""
    words = rd.span_text(f).lower()
    nouns = kit.word_sets.get("bare_calcification_nouns", frozenset())
    mineral = kit.word_sets.get("mineral_nouns", frozenset())
    for c in reversed([c for c in rd.matches.calc if c.end <= f.start]):
        if rd.span_text(c).lower() != words and not _mineral_swapped(
            nouns, mineral, rd.span_text(c).lower(), words
        ):
            continue
        nearest = _nearest_site(rd, c, specific)
        if nearest is not None:
            return nearest
    return None


def _mineral_swapped(nouns: frozenset[str], mineral: frozenset[str], a: str, b: str) -> bool:
    """Do two mentions hold the same words but for a calcification noun in
    one where the other names the mineral ('annular calcification',
    'annular calcium'; `bare_calcification_nouns`, `mineral_nouns`)?"""
    x, y = a.split(), b.split()
    if len(x) != len(y) or len(x) < 2:
        return False
    apart = [{u, v} for u, v in zip(x, y, strict=True) if u != v]
    return len(apart) == 1 and bool(apart[0] & nouns) and bool(apart[0] & mineral)


def _nearest_site(
    rd: ReportDoc, f: Span, specific: Callable[[SiteRef], bool]
) -> SiteRef | None:
    """The `specific` site closest to `f` within its reach, if any."""
    near = [
        (score, s)
        for s in rd.sentence_sites(f.start)
        if specific(s) and (score := site_reach(rd, f, s)) is not None
    ]
    return min(near, key=lambda x: x[0])[1] if near else None
