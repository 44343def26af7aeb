"""Sides: the laterality of a finding (guide §2: a side written on or next
to its site, two sides named for one finding make bilateral), and how far a
site phrase of the finding's sentence is from it (`site_reach`, shared with
the linking stage).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Span, Token

from calc_nlp.schema import BILATERAL, LEFT, RIGHT
from calc_nlp.stages.context_sites import asserted, sides_written
from calc_nlp.stages.exam_sites import LIMB_PARTS
from calc_nlp.stages.lesion_words import name_words, site_words
from calc_nlp.stages.record import ReportDoc, SiteRef, key
from calc_nlp.stages.toolkit import Toolkit


def site_reach(rd: ReportDoc, f: Span, s: SiteRef) -> int | None:
    """How far a site of the finding's sentence is from it (sites after it
    count nearer), or None where it cannot be the finding's: another
    finding's own words, or another finding, a ';' or a '.' between them."""
    first = rd.layout.sent_first
    start, end = s.span.start, s.span.end  # the site words' tokens, read once
    if first[start] != first[f.start]:
        return None
    others = [(c.start, c.end) for c in rd.matches.calc if c is not f]
    if start >= f.end and _shared_by_both(rd, f, s, others):
        return s.start - f.end
    if (
        others  # most sentences: the one finding (no generator made to ask)
        and any(a <= start and end <= b for a, b in others)
        and not _head_with_it(rd, f, end, others)
    ):
        return None
    words = rd.layout.words
    if f.start <= start < f.end and _slash_between(rd, f.start, start):
        return None  # 'calcified granulomas/lymph nodes': another name, not a place
    if start >= f.end:
        if s.start == f.end + 1 and words[f.end] == "/":
            return None  # 'granulomas/lymph nodes': another name, not a place
        if any(o.start <= s.start < o.end for o in lesion_joined_after(rd, f)):
            return None  # 'granulomas and mediastinal nodes': another lesion
        if any(o.start <= s.start < o.end for o in other_finding_after(rd, f)):
            return None  # 'granuloma and a right pleural effusion': the effusion's
        if _given_by_with(rd, f) and "and" in rd.lower[f.end : s.start]:
            return None  # 'node with calcification and a left lower lobe nodule'
        if _heads_next_item(rd, f, s):
            return None  # 'pancreatic mass with calcifications, liver mets'
        if s.start > f.end + 1 and _placed_in_pronoun(rd.lower, f.end):
            return None  # 'fibroid that has calcification in it and the ovaries ...'
        subs = rd.word_sets.get("clause_subordinators", frozenset())
        if subs.intersection(rd.lower[f.end : s.start]):
            return None  # 'calciphylaxis if skin lesions develop': another clause
        if _next_clause_site(rd, f, s.start):
            return None  # 'The LAD is calcified, and the RCA shows ...': the RCA's
        if _contrast_clause_subject(rd, f, s.start):
            return None  # '..., but the adjacent lymph nodes are calcified'
        if _person_clause(rd, f.end, s.start):
            return None  # 'calcinosis and her mother had breast cancer'
        lo, hi, score = f.end, s.start, s.start - f.end
    else:
        lo, hi, score = end, f.start, f.start - end + 2
        if _in_subordinate_clause(rd, start, f.start):
            return None  # 'Should any skin lesion appear, calciphylaxis ...'
        lows = rd.lower[lo:hi]
        pairs = zip(lows, lows[1:], strict=False)
        if any(a == "," and b in {"and", "or"} for a, b in pairs) and not _predicates_joined(
            rd, f, lo
        ):
            return None  # 'pleural thickening, and calcified granulomas'
        if _other_finding_and(rd, f, lo):
            return None  # 'right pleural thickening and calcified granuloma'
    if others and any(lo <= a < hi for a, _ in others):
        return None
    stops = rd.layout.stops
    k = bisect_left(stops, lo)
    if k < len(stops) and stops[k] < hi:
        return None  # a ';' or '.' between them
    return score


def _predicates_joined(rd: ReportDoc, f: Span, lo: int) -> bool:
    """Is the mention a bare adjective that a ', and' adds to the predicate
    of the site before it ('The anterior leaflet was thick, and calcified at
    its free edge'): a copula after the site (mentions.json
    `state_copulas`), then the ', and' with at most an adverb in '-ly'
    before the mention? The site is the subject both predicates are said of
    (guide §2 step 2: the phrase of its own clause), not a phrase the ', and'
    closes ('pleural thickening, and calcified granulomas')."""
    if len(f) != 1 or rd.lower[f.start] not in rd.word_sets.get(
        "bare_adjectives", frozenset()
    ):
        return False
    k = f.start - 1
    while k > lo and rd.lower[k].endswith("ly"):
        k -= 1
    if k - 1 < lo or rd.lower[k] != "and" or rd.lower[k - 1] != ",":
        return False
    copulas = rd.word_sets.get("state_copulas", frozenset())
    return any(w in copulas for w in rd.lower[lo : k - 1])


# The words that join a clause of its own to a predicate ('The left main is
# calcified, and the RCA shows plaque'; '..., while the RCA has ...').
_CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas"})
_SUBJECT_WORDS = frozenset({"the", "a", "an"})


def _next_clause_site(rd: ReportDoc, f: Span, at: int) -> bool:
    """Is the mention a bare adjective said of a site before it ('The left
    main is severely calcified'), that site in its reach, and does an 'and',
    'but', 'while' or 'whereas' stand between it and the site phrase at token
    `at` after it,
    with only an article, a side or a part word after that 'and'? The site
    after opens a clause of its own ('..., and the RCA shows
    moderate calcification'): its subject, not the place of the predicate
    before it, which is its own subject's (guide §2: the phrase of its own
    clause; corpora/GUIDE.md lesion: two sites a sentence names each with its
    own calcification are two lesions). A mention of more words takes it so
    after a comma and its joining word only ('the distal LAD beyond the
    calcified mid segment, and the vein grafts were ...': the LAD's)."""
    bare = len(f) == 1 and rd.lower[f.start] in rd.word_sets.get(
        "bare_adjectives", frozenset()
    )
    between = rd.lower[f.end : at]
    joins = [k for k, w in enumerate(between) if w in _CLAUSE_JOINS]
    if not joins:
        return False
    if not bare and (joins[-1] == 0 or between[joins[-1] - 1] != ","):
        return False
    # only an article, a side or a part word between the 'and' and the site:
    # the site heads the next clause's subject ('and two-vessel runoff' is
    # another thing's count, no subject naming a place)
    opens = _SUBJECT_WORDS | rd.word_sets.get("site_part_words", frozenset())
    opens |= rd.word_sets.get("coordinated_side_words", frozenset())
    if not set(between[joins[-1] + 1 :]) <= opens:
        return False
    return any(
        t.span.end <= f.start and site_reach(rd, f, t) is not None
        for t in rd.sentence_sites(f.start)
    )


# Words that put a site phrase in a place phrase of the finding's ('..., but
# only in the left kidney'), not at the head of another clause's subject.
_CLAUSE_PLACE_WORDS = frozenset(
    {"in", "within", "of", "at", "on", "along", "involving", "into", "about", "around"}
)


def _contrast_clause_subject(rd: ReportDoc, f: Span, at: int) -> bool:
    """Does a word of `contrast_clause_words` after a comma ('but',
    'however', 'whereas') stand between the finding and the site phrase at
    token `at` after it, with no place word between that word and the site?
    The site heads the subject of a clause of its own ('No calcification
    within the mass, but the adjacent lymph nodes are calcified'), no place
    of the finding (guide §2: no site from a clause about another
    structure)."""
    words = rd.word_sets.get("contrast_clause_words", frozenset())
    between = rd.lower[f.end : at]
    joins = [
        k for k, w in enumerate(between) if w in words and k > 0 and between[k - 1] == ","
    ]
    return bool(joins) and not _CLAUSE_PLACE_WORDS.intersection(between[joins[-1] + 1 :])


# The words that join a clause of its own after a finding ('calcinosis and
# her mother had ...', 'calcinosis, and he had ...').
_PERSON_CLAUSE_JOINS = frozenset({"and", "but", ","})


def _person_clause(rd: ReportDoc, lo: int, at: int) -> bool:
    """Does a clause whose subject is a person (mentions.json
    `person_subjects`: 'her mother', 'she', 'the patient') open between the
    finding, ending at `lo`, and the site phrase at token `at`, past 'and',
    'but' or a comma, with a word between that subject and the site ('Her
    sister had calcinosis and her mother had breast cancer')? The site is
    that clause's thing (guide §2: no site from a clause about another
    structure); a place phrase of the finding's own ('in her left breast')
    opens with a place word, not a join."""
    k = person_clause_start(rd, lo, at)
    return k is not None and k + 2 < at


def person_clause_start(rd: ReportDoc, lo: int, hi: int) -> int | None:
    """Where the first clause whose subject is a person opens between tokens
    `lo` and `hi` ('and' of 'calcinosis and her father had ...'), or None."""
    persons = rd.word_sets.get("person_subjects", frozenset())
    lower = rd.lower
    for k in range(lo, hi - 1):
        if lower[k] in _PERSON_CLAUSE_JOINS and lower[k + 1] in persons:
            return k
    return None


def _person_clause_after(rd: ReportDoc, f: Span, sent: Span) -> list[Span]:
    """The clause whose subject is a person after the finding, to the end of
    its sentence ('calcinosis and her father had a right kidney
    transplant'): its side words are its own thing's (guide §2: no side
    from a clause about another structure). None where a side word follows
    the subject right away ('and her left breast')."""
    k = person_clause_start(rd, f.end, sent.end)
    if k is None or k + 2 >= sent.end:
        return []
    if any(s.start == k + 2 for s in rd.matches.lats):
        return []
    return [rd.doc[k : sent.end]]


def _in_subordinate_clause(rd: ReportDoc, at: int, until: int) -> bool:
    """Does a clause a word of `clause_subordinators` opens (a condition or a
    reason: 'Should any painful skin lesion appear, ...', 'If skin lesions
    develop, ...') hold the site word at `at` and close with a comma before
    the finding at `until`? The site is that clause's thing, not the
    finding's place (guide §2: no site from a clause about something else)."""
    subs = rd.word_sets.get("clause_subordinators", frozenset())
    lower = rd.lower
    first = rd.layout.sent_first[at]
    opened = not subs.isdisjoint(lower[first:at])
    return opened and "," in lower[at:until]


# The place words a 'both' shared by two findings may lead ('..., both in
# the right upper lobe').
_BOTH_LEADS = frozenset({"in", "at", "within", "along", "on", "over"})


def _shared_by_both(
    rd: ReportDoc, f: Span, s: SiteRef, others: list[tuple[int, int]]
) -> bool:
    """Is the site phrase after the finding the place a 'both' gives it and
    the one other finding 'and' joins after it ('Calcified granuloma and a
    separate calcified node, both in the right upper lobe')? The place is
    both's (guide §2: the location phrase of its own clause)."""
    lower = rd.lower
    i = s.start - 1
    if i > f.end and lower[i] == "the":
        i -= 1
    if i - 2 < f.end or lower[i] not in _BOTH_LEADS or lower[i - 1] != "both":
        return False
    if lower[i - 2] != ",":
        return False
    between = [(a, b) for a, b in others if f.end <= a < s.start]
    if len(between) != 1:
        return False
    a, b = between[0]
    words = lower[f.end : a]
    stops = {".", ";", ":"}
    return (
        "and" in words
        and not (stops | {","}) & set(words)
        and not stops & set(lower[b : i - 2])
        and "," not in lower[b : i - 2]
    )


# How many plain words may stand between that 'with' and the finding
# ('calcific pancreatitis with growth of the head calcifications').
_HEAD_WITH_REACH = 5


def _head_with_it(
    rd: ReportDoc, f: Span, end: int, others: list[tuple[int, int]]
) -> bool:
    """Is the site phrase ending at `end` the head of an earlier finding's
    words that a 'with' right after it gives this finding to, a few plain
    words between, with no site phrase of its sentence after the finding
    ('calcific pancreatitis with new tail calcifications', '... with
    progression of the tail calcifications': the pancreas; not 'MAC with
    calcification extending onto the anterior leaflet')? The finding is in
    what that one names."""
    if not any(b == end for _a, b in others) or end >= f.start:
        return False
    between = rd.lower[end : f.start]
    return (
        between[:1] == ["with"]
        and len(between) <= _HEAD_WITH_REACH + 1
        and all(w.isalpha() for w in between)
        and not any(s.span.start >= f.end for s in rd.sentence_sites(f.start))
    )


# The words that may open the second noun phrase an 'and' joins after a
# lesion ('calcified granuloma and a left hilar node').
_JOINED_ARTICLES = frozenset({"a", "an", "the", "several", "multiple", "some"})


def lesion_joined_after(rd: ReportDoc, f: Span) -> list[Span]:
    """The words of a second calcified thing an 'and' joins right after a
    mention that names a lesion of its own ('Calcified granulomas and
    mediastinal nodes', 'calcified nodule and a right hilar lymph node'): the
    leading 'calcified' is said of both, and the nodes are no place of the
    granulomas, their side not theirs (guide §2: a clause about another
    structure gives neither site nor side; mentions.json `lesion_nouns` for
    the mention's head, `calcified_heads` for the site phrase's own head).
    Not a place phrase that only qualifies a noun after it ('and aortic wall
    thickening'), nor an 'of' phrase ('calcification and thickening of the
    pleura')."""
    lows = rd.lower
    if lows[f.end - 1] not in rd.lesion_nouns or f.end >= len(lows) or lows[f.end] != "and":
        return []
    k = f.end + 1
    while k < len(lows) and lows[k] in _JOINED_ARTICLES:
        k += 1
    site = next((s for s in rd.sentence_sites(f.start) if s.start == k), None)
    if site is None:
        return []
    end = site.span.end
    if lows[end - 1] not in rd.word_sets.get("calcified_heads", frozenset()):
        return []  # a place word only ('and hilar'), no thing of its own
    # the site phrase's head closes its noun phrase: no other finding's head
    # or lesion noun follows it ('and aortic wall thickening')
    heads = rd.other_finding_nouns | rd.word_sets.get("calcified_heads", frozenset())
    if end < len(lows) and lows[end] in heads:
        return []
    return [rd.doc[f.end : end]]


def _slash_between(rd: ReportDoc, lo: int, hi: int) -> bool:
    """Is a '/' between tokens lo and hi that joins two names, not one
    written inside a side word ('B/L renal calcifications': both sides)?"""
    words = rd.layout.words
    if "/" not in words[lo:hi]:
        return False  # no slash at all (most mentions): no side words to read
    sides = {i for lat in rd.matches.lats for i in range(lat.start, lat.end)}
    return any(words[i] == "/" and i not in sides for i in range(lo, hi))


# How many words (grades, shapes) may stand between "with" and the mention
# it gives to the noun before it ('nodule with coarse calcification').
WITH_REACH = 3


# The place words and pronouns of a place phrase that points back to the
# lesion named before ('calcification in it', 'within them').
_PLACE_LINKS = frozenset({"in", "within", "inside"})
_PLACE_PRONOUNS = frozenset({"it", "them"})


def _placed_in_pronoun(lows: list[str], end: int) -> bool:
    """Does a place phrase whose noun is a pronoun follow the mention ending
    at `end` ('some calcification in it')? The finding has its place, the
    lesion the pronoun points back to (guide §2 step 4); a site named past
    it ('... in it and the ovaries look okay') is another clause's."""
    return (
        end + 1 < len(lows)
        and lows[end] in _PLACE_LINKS
        and lows[end + 1] in _PLACE_PRONOUNS
    )


def _heads_next_item(rd: ReportDoc, f: Span, s: SiteRef) -> bool:
    """Does the site phrase, right after the comma that ends a mention a
    "with" gives to a lesion placed before it ('pancreatic head mass with
    calcifications, liver mets', 'left ovarian cyst with calcification,
    uterus normal'), head the next item of the list, a word of that item
    following it on its line? The item is about another structure (guide
    §2: a clause about another structure gives no site); a place that
    closes the item ('mass with calcifications, right breast.') is the
    finding's."""
    lows = rd.lower
    if lows[f.end : s.start] != [","] or not _given_by_with(rd, f):
        return False
    end = s.span.end
    if end >= len(lows) or not lows[end].isalpha():
        return False
    first = rd.layout.sent_first[f.start]
    # the lesion's own organ, not a body region ('Right shoulder arthroscopy
    # with removal of calcium deposit, subacromial bursectomy': the bursa is
    # the deposit's place)
    return any(
        first <= o.start and o.span.end <= f.start and o.span.label_ == "SITE"
        for o in rd.matches.sites
    )


def _given_by_with(rd: ReportDoc, f: Span) -> bool:
    """Is the mention the object of a "with" that gives it to the noun before
    it ('thyroid nodule with coarse calcification')? What an "and" adds after
    it is then another thing of the sentence, not the calcification's place."""
    lows = rd.lower
    for i in range(f.start - 1, max(-1, f.start - 2 - WITH_REACH), -1):
        if lows[i] == "with":
            return i > 0 and lows[i - 1].isalpha()
        if not lows[i].isalpha():
            return False
    return False


def lat_in_sentence(
    kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef | None = None
) -> str:
    """Laterality written in the finding's sentence but not on its site words:
    a side word, or a site that carries one (RUL). A side word inside a
    named structure ("left main", "left atrial wall") is not a side, nor is
    one said of another lesion joined after it ("mediastinal calcifications
    and a faint nodule in the left upper zone"), nor one written on another
    structure joined to the finding's own `site` ("in the liver with a right
    pleural effusion"), nor one written on a place the sentence denies ("in
    the lung, no right pleural effusion")."""
    sent = rd.sent(f)
    sites = rd.matches.sites
    # the side words and sided sites of the sentence: the candidates
    lats = [s for s in rd.matches.lats if sent.start <= s.start < sent.end]
    in_sentence = rd.sentence_sites(f.start)  # the sentence's site phrases
    sided = [
        site
        for site in in_sentence
        if site.span.label_ == "SITE" and kit.md(site.span).get("laterality")
    ]
    if not lats and not sided:
        return ""  # no side written in the sentence: none to weigh
    named = [s.span for s in sites if not kit.site_info(s.site).get("sided", True)]
    named += _other_lesions(rd, f, sent)
    named += _other_structures(rd, f, site, sent)
    # a later finding's own words keep their side ('calcified nodules and a
    # calcified right hilar node': the nodules have none); a side word leading
    # an earlier one may reach over the 'and' ('bilateral X and Y')
    named += [c for c in rd.matches.calc if c.start > f.start]
    named += _earlier_item(rd, f, sent) + _later_item(rd, f, sent)
    named += _earlier_list_item(rd, f, sent, site)
    named += _earlier_findings_of_own_site(kit, rd, f, sent, site)
    named += other_finding_after(rd, f) + lesion_joined_after(rd, f)
    named += other_finding_before(kit, rd, f)
    denied = [
        rd.doc[s.start : s.span.end] for s in in_sentence if not asserted(rd, s, f)
    ]
    named += denied + _denied_sides(kit, rd, f, sent)
    named += _compared_sides(kit, rd, lats) + _direction_sides(kit, rd, lats)
    named += _measured_sides(kit, rd, f, lats)
    # a place phrase of its own outside the mention ('of the splenic artery')
    own: SiteRef | None = None
    if site is not None and sent.start <= site.span.start < sent.end:
        if not f.start <= site.span.start < f.end:
            own = site
    named += _earlier_findings_elsewhere(rd, f, sent, own)
    named += _host_of_another_place(kit, rd, f, sent)
    named += _superlative_share(kit, rd, f, sent)
    named += _person_clause_after(rd, f, sent)
    wrote = reported_place(rd, f)
    if wrote is not None:
        named.append(rd.doc[wrote[0] : wrote[1]])  # the place a correction replaced

    def dist(sp: Span) -> int:
        if sp.start < f.end and f.start < sp.end:
            return 0  # a side word inside the mention is nearest of all
        return min(abs(sp.start - f.end), abs(f.start - sp.end))

    # a side implied by a plural ('kidneys') yields to a side written out,
    # 'contralateral' as much (finding_sides._side_relative_to_history reads it),
    # and names no side in a label that heads other things too ('MEDIASTINUM
    # AND HILA:' over a subcarinal node)
    relative = any(kit.md(s).get("implied") for s in lats) and _relative_side_word(
        kit, rd, sent
    )
    # the side of the study the sentence names before the finding ('Radiographs
    # of both hands show ... of the left index finger') yields to one written of
    # the finding's own place
    study = _study_sides(kit, rd, f, lats)
    cands: list[tuple[bool, bool, int, str]] = [
        (s in study, bool(kit.md(s).get("implied")), dist(s), str(kit.md(s)["laterality"]))
        for s in lats
        if (
            not any(n.start <= s.start and s.end <= n.end for n in named)
            or _plural_of_own_place(kit, s, own)
        )
        and not (kit.md(s).get("implied") and relative)
        and not (kit.md(s).get("implied") and _shared_label(rd, s))
        and not (kit.md(s).get("implied") and _plural_of_another_organ(rd, s, own))
    ]
    for site in sided:
        if not any(n.start <= site.span.start < n.end for n in named):
            cands.append((False, False, dist(site.span), str(kit.md(site.span)["laterality"])))
    return min(cands)[3] if cands else ""


# Words between a study word and the side of the part it images ('films of
# the left knee', 'radiographs of both hands').
_STUDY_OF = frozenset({"of", "the", "a"})
# Words that join a study's next part to the one before ('radiographs of the
# left elbow and both femurs'), and how many words a part may be.
_PART_JOINS = frozenset({"and", ",", "&"})
_PART_WORDS = 3


def _study_sides(kit: Toolkit, rd: ReportDoc, f: Span, lats: list[Span]) -> list[Span]:
    """The side words of `lats` before the finding `f` that name the part a
    study images, not the finding's place: a study word (mentions.json
    `exam_words`) right before them with 'of' ('radiographs of both hands',
    'a film of the left elbow') or right after their part word ('left knee
    radiographs'). Guide §2: the finding's own words give its side before
    the exam does. A side on the next part the study lists is the study's
    as much ('radiographs of the left elbow and both femurs')."""
    study = kit.word_sets.get("exam_words", frozenset())
    lower, sent = rd.lower, rd.sent(f)
    out: list[Span] = []
    for x in lats:
        if not (sent.start <= x.start and x.end <= f.start):
            continue
        i = x.start - 1
        while i >= sent.start and lower[i] in _STUDY_OF and lower[i] != "of":
            i -= 1
        before = i > sent.start and lower[i] == "of" and lower[i - 1] in study
        part = x.end
        while part < f.start and lower[part] in LIMB_PARTS:
            part += 1
        after = part + 1 < f.start and lower[part + 1] in study
        if before or after or _next_part_listed(lower, out, i):
            out.append(x)
    return out


def _next_part_listed(lower: list[str], study: list[Span], join: int) -> bool:
    """Does the word at `join` ('and', a comma) follow the part of the last
    study side found, a few words with nothing else between ('left elbow and
    both femurs')?"""
    if not study or lower[join] not in _PART_JOINS:
        return False
    part = range(study[-1].end, join)
    return 0 < len(part) <= _PART_WORDS and all(lower[k].isalpha() for k in part)


def _plural_of_own_place(kit: Toolkit, side: Span, own: SiteRef | None) -> bool:
    """Is the side a plural that implies both sides ('vasa deferentia') and
    the very site phrase the finding lies in, though another finding's words
    hold it ('tubular calcifications, typical of calcified vasa deferentia')?
    The plural of the paired organ the finding lies in makes it bilateral
    (corpora/GUIDE.md laterality)."""
    return (
        own is not None
        and bool(kit.md(side).get("implied"))
        and own.span.start <= side.start
        and side.end <= own.span.end
    )


def _host_of_another_place(kit: Toolkit, rd: ReportDoc, f: Span, sent: Span) -> list[Span]:
    """The words before the "with" that gives the mention to a host named
    right before it ('bilateral hilar adenopathy with calcified mediastinal
    nodes'), when the
    mention's own words name a place of the host's site that the host's
    place words do not (a node station, a vessel: `site_words` beyond the
    site's name, none shared): the host's side is another structure's (guide
    §2: a clause about another structure gives no side). Not 'right kidney
    with a calcified renal cyst': one place in two words."""
    if not _given_by_with(rd, f):
        return []
    w = f.start - 1
    while rd.lower[w] != "with":
        w -= 1
    sites = rd.matches.sites
    own = [s for s in sites if f.start <= s.span.start < f.end and s.span.label_ == "SITE"]
    if not own:
        return []
    name = own[-1].site
    # the host's place words right before it, its noun at most between
    # ('hilar adenopathy with'; not '... the rotator cuff insertion,
    # consistent with calcific tendinopathy': a link, no host)
    dr = kit.descriptors
    host = [
        s
        for s in sites
        if sent.start <= s.span.start and w - 2 <= s.span.end <= w and s.site == name
    ]
    if not host or "," in rd.lower[host[-1].span.end : w]:
        return []
    if dr.restating.search(rd.doc[host[-1].span.end : f.start].text):
        return []  # '..., consistent with': a restating link, no host
    drop = name_words(dr, name)
    mine = {x for s in own for x in site_words(dr, s.span.text)} - drop
    theirs = {x for s in host for x in site_words(dr, s.span.text)} - drop
    if not mine or not theirs or mine & theirs:
        return []
    return [rd.doc[sent.start : w]]


def _relative_side_word(kit: Toolkit, rd: ReportDoc, sent: Span) -> bool:
    """Does the sentence write a side relative to an earlier one
    ('contralateral', 'ipsilateral': mentions.json opposite_side_words,
    same_side_words)?"""
    relative = kit.word_sets.get("opposite_side_words", frozenset()) | kit.word_sets.get(
        "same_side_words", frozenset()
    )
    return not relative.isdisjoint(rd.lower[sent.start : sent.end])


def plural_before_semicolon(kit: Toolkit, rd: ReportDoc, f: Span, site: str) -> str:
    """'The kidneys are normal in size; no nephrocalcinosis': the clause
    before a ';' that names the finding's organ in its plural ('kidneys',
    'hila') says where the finding of the clause after it lies, both sides
    (guide §2: the plural of a paired organ the finding lies in, denied or
    not); 'bilateral', else ''."""
    if not site:
        return ""
    sent = rd.sent(f)
    i = sent.start - 1
    while i >= 0 and rd.layout.blank[i]:
        i -= 1
    if i < 0 or rd.layout.words[i] != ";":
        return ""
    prev = rd.sent_at(i)
    for x in rd.matches.lats:
        if not (prev.start <= x.start < prev.end and kit.md(x).get("implied")):
            continue
        if any(
            s.site == site and s.span.start <= x.start < s.span.end
            for s in rd.matches.sites
        ):
            return BILATERAL
    return ""


def _plural_of_another_organ(rd: ReportDoc, side: Span, own: SiteRef | None) -> bool:
    """Is the plural that implies both sides ('kidneys') the name of another
    organ than the place phrase the finding's own sentence gives it ('atrophic
    kidneys and calcification of the splenic artery')? Only the plural of
    the paired organ the finding lies in makes it bilateral (guide §2); a
    site the mention's own words name ('vascular calcifications in the
    breasts') leaves the plural its place."""
    if own is None or own.start <= side.start < own.span.end:
        return False  # 'around each of the elbows': the plural is its own place
    return any(
        s.site != own.site
        for s in rd.matches.sites
        if s.span.start <= side.start and side.end <= s.span.end
    )


def _shared_label(rd: ReportDoc, side: Span) -> bool:
    """Is the side word the last of a label that names several things
    ('MEDIASTINUM AND HILA:')? Its plural says nothing of the other things."""
    words = rd.layout.words
    if side.end >= len(words) or words[side.end] != ":":
        return False
    return any(w.lower() in {"and", "&"} for w in words[max(0, side.start - 3) : side.start])


def _earlier_findings_elsewhere(
    rd: ReportDoc, f: Span, sent: Span, own: SiteRef | None
) -> list[Span]:
    """The words of the earlier findings of the sentence linked to another
    site than the place phrase the finding's own clause gives it, a side
    leading them included ('Bilateral calcified hilar nodes and a calcified
    granuloma in the spleen'): that side is theirs (guide §2: a clause about
    another structure gives no side). None where the finding has no such
    place phrase after it ('Bilateral basal ganglia calcifications and
    cerebellar dentate calcifications' may share the side)."""
    if own is None or own.span.start < f.end:
        return []  # 'Bilateral basal ganglia and dentate calcifications': one list
    linked = rd.linked_sites
    out = []
    for c in rd.matches.calc:
        if sent.start <= c.start and c.end <= f.start:
            other = linked.get(key(c))
            if other is not None and other.site != own.site:
                out.append(c)
    return out


def _superlative_share(kit: Toolkit, rd: ReportDoc, f: Span, sent: Span) -> list[Span]:
    """The words of a share a comma picks out of the finding right after it
    ('several pelvic phleboliths, the largest 6 mm on the left'; mentions.json
    `share_superlatives`), to the end of its clause: a side there is that
    one's, not the finding's (guide §2: a side said of another thing)."""
    words = kit.word_sets.get("share_superlatives", frozenset())
    lower = rd.lower
    i = f.end
    if i >= sent.end or lower[i] != ",":
        return []
    j = i + 1
    if j < sent.end and lower[j] == "the":
        j += 1
    if j >= sent.end or lower[j] not in words:
        return []
    end = next((k for k in range(j, sent.end) if lower[k] in {",", ";", "."}), sent.end)
    return [rd.doc[i:end]]


def in_superlative_share(kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef) -> bool:
    """Does the site phrase lie in the share a superlative picks out of the
    plural finding right after it ('Several calcified granulomas, the
    largest 6 mm in the LLL')? Its side is that one's (`_superlative_share`)."""
    share = _superlative_share(kit, rd, f, rd.sent(f))
    return any(s.start <= site.span.start < s.end for s in share)


# Most words of a comparison lead before a side ('similar to that on the').
COMPARISON_WORDS = 5


def _compared_sides(kit: Toolkit, rd: ReportDoc, lats: list[Span]) -> list[Span]:
    """Side words a comparison leads ('The pyramids are echogenic as on the
    right'; mentions.json `comparison_leads`): the side compared with, not
    the finding's (guide §2: a side said of another structure gives none)."""
    leads = kit.word_sets.get("comparison_leads", frozenset())
    out = []
    for lat in lats:
        before = rd.lower[max(0, lat.start - COMPARISON_WORDS) : lat.start]
        if any(" ".join(before[k:]) in leads for k in range(len(before))):
            out.append(lat)
    return out


# Most words of a measurement after its first number ('10.2 x 4.1 x 3.9 cm').
MEASURE_WORDS = 6
# What ends one item of a list of measurements ('left 10.4 cm and right 9.8 cm').
_MEASURE_ENDS = frozenset({",", ";", "and"})
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _measured_sides(
    kit: Toolkit, rd: ReportDoc, f: Span, lats: list[Span]
) -> list[Span]:
    """Side words that lead a measurement of their own, an item of a list
    ('KIDNEYS: left 10.4 cm and right 9.8 cm, no medullary calcification'): the side
    of the part measured, not of a finding the list goes on to (guide §2: a
    side said of another thing gives none). Only numbers, 'x' and size units
    (descriptors.json `size_units`) between the side word and the comma,
    semicolon or 'and' that ends the item, before the finding; not a size
    written on the finding ('calcified nodule, right 9 mm, stable'), an
    ordinal ('left 4th rib') or a clock face ('right 11 o'clock'). Only a
    list that measures both sides."""
    lower, units = rd.lower, kit.descriptors.units
    out = []
    for lat in lats:
        i = lat.end
        if i >= len(lower) or not _NUMBER.fullmatch(lower[i]):
            continue
        j = i + 1
        while (
            j < len(lower)
            and j - i <= MEASURE_WORDS
            and (_NUMBER.fullmatch(lower[j]) or lower[j] in units or lower[j] == "x")
        ):
            j += 1
        if (
            lower[j - 1] in units
            and j < len(lower)
            and lower[j] in _MEASURE_ENDS
            and j <= f.start
        ):
            out.append(lat)
    # one side measured ('Left 11 cm, with a punctate calcification') may be
    # the finding's; a list measuring both sides is of the pair
    sides = {kit.md(lat).get("laterality") for lat in out}
    return out if {LEFT, RIGHT} <= sides else []


# Most words between a movement word and the 'to the' of its direction
# ('deviating the trachea to the left').
DIRECTION_REACH = 4
# The words that lead a direction's side ('to the left', 'toward the right').
_TOWARD = frozenset({"to", "toward", "towards"})


def _direction_sides(kit: Toolkit, rd: ReportDoc, lats: list[Span]) -> list[Span]:
    """Side words that say where something moves or curves ('a calcified
    goiter deviating the trachea to the left'; mentions.json
    `direction_words` a few words before 'to the'): a direction, not where
    the finding lies (guide §2: a side said of another structure gives none)."""
    moves = kit.word_sets.get("direction_words", frozenset())
    lower = rd.lower
    out = []
    for lat in lats:
        i = lat.start - 1
        if i >= 0 and lower[i] == "the":
            i -= 1
        if i < 0 or lower[i] not in _TOWARD:
            continue
        if any(w in moves for w in lower[max(0, i - DIRECTION_REACH) : i]):
            out.append(lat)
    return out


def _denied_at(kit: Toolkit, rd: ReportDoc, f: Span, at: int) -> bool:
    """Does a forward negation of the ConText rules lead the place at token
    `at`, after the finding `f` and up to two words before it ('in the right
    upper lobe, not the left upper lobe')? A denied place gives no side
    (guide §2, Site and side from context), so it adds no second one."""
    if at < f.end:
        return False
    words = tuple(rd.lower[max(f.end, at - 6) : at])
    return any(
        words[k : k + len(c)] == c and len(words) - k - len(c) <= 2
        for c in kit.forward_negations
        for k in range(len(words))
    )


def _denied_sides(kit: Toolkit, rd: ReportDoc, f: Span, sent: Span) -> list[Span]:
    """Side words after the finding that a forward negation of the ConText
    rules leads, up to two words before them ('..., no left hilar adenopathy',
    'with no right effusion'): said of a denied thing, not of the finding."""
    cues = kit.forward_negations
    # a negation's phrase starts with its first word: words holding none of
    # those are not tried at every place against every phrase
    firsts = {c[0] for c in cues if c}
    out = []
    for lat in rd.matches.lats:
        if not (f.end <= lat.start < sent.end):
            continue
        words = tuple(rd.lower[max(f.end, lat.start - 6) : lat.start])
        if firsts.isdisjoint(words):
            continue
        if any(
            words[k : k + len(c)] == c and len(words) - k - len(c) <= 2
            for c in cues
            for k in range(len(words))
        ):
            out.append(lat)
    return out


def _earlier_item(rd: ReportDoc, f: Span, sent: Span) -> list[Span]:
    """The words between an earlier finding of the sentence and this one when
    'and' makes this one a new item ('calcification in the right upper
    quadrant, consistent with a gallstone, and vascular calcifications in
    the pelvis': the right is the first one's), not where this one restates
    it ('..., consistent with metastatic calcification', '... versus vascular
    calcification')."""
    earlier = [c for c in rd.matches.calc if sent.start <= c.start and c.end <= f.start]
    if not earlier:
        return []
    last = max(earlier, key=lambda c: c.end)
    lo = last.end
    links = [k.end for k in rd.matches.links if lo <= k.start and k.end <= f.start]
    start = max([lo, *links])
    joins = [i for i in range(start, f.start) if rd.lower[i] in _JOINING]
    if not joins:
        return []
    # a side inside that finding's own words is its own too ('Calcified right
    # hilar lymph XXXX, and calcified granulomas'); one leading them may
    # reach over the 'and' ('Bilateral calcified hilar nodes and ...'); the
    # words after the last 'and' open this one's item ('..., and a 2 cm
    # right adrenal nodule with a punctate calcification': its side)
    return [rd.doc[last.start + 1 : joins[-1] + 1]]


# The marks that open a list item or a clause ('CT: a, b, c').
_ITEM_OPENS = frozenset({",", ";", ":"})


def _earlier_list_item(
    rd: ReportDoc, f: Span, sent: Span, site: SiteRef | None
) -> list[Span]:
    """The item of a list before the finding when a comma opens the
    finding's own item at another site ('CT: calcified granuloma in the
    right upper lobe, calcified subcarinal node', 'numerous calcified
    nodules both lungs, calcified mediastinal nodes'): from the start of that
    item's clause to the comma. A side there is the earlier finding's (guide
    §2: a clause about another structure gives neither site nor side). Only
    where the finding's site is named by its own words or a place phrase
    after them, the earlier finding lies at another site, and no linking
    phrase says what the earlier one is ('..., likely calcified
    granuloma')."""
    if site is None or not f.start <= site.span.start < sent.end:
        return []
    earlier = [c for c in rd.matches.calc if sent.start <= c.start and c.end <= f.start]
    if not earlier:
        return []
    last = max(earlier, key=lambda c: c.end)
    other = rd.linked_sites.get(key(last))
    if other is None or other.site == site.site or other.span.start >= f.start:
        return []
    if any(last.end <= k.start and k.end <= f.start for k in rd.matches.links):
        return []
    lower = rd.lower
    commas = [i for i in range(last.end, f.start) if lower[i] == ","]
    if not commas or not _opens_item(lower, commas[-1], f, sent):
        return []
    start = last.start
    while start > sent.start and lower[start - 1] not in _ITEM_OPENS:
        start -= 1
    return [rd.doc[start : commas[-1] + 1]]


# Most words between the comma and the mention of a new list item ('a',
# 'two'), and the words that make the comma's words a clause or a reading of
# the finding before rather than an item of their own.
_ITEM_LEAD_WORDS = 2
_NOT_AN_ITEM = frozenset(
    {"although", "though", "but", "while", "whereas", "versus", "vs", "or", "nor"}
)


def _opens_item(lower: list[str], comma: int, f: Span, sent: Span) -> bool:
    """Does the comma at `comma` open a new item that holds the finding `f`:
    at most _ITEM_LEAD_WORDS plain words before the mention, and no word
    after the comma, to the item's end, that makes it a clause ('although
    the vascular calcification has progressed') or a reading offered for
    the finding before ('..., vascular calcification versus a tiny stone')?"""
    lead = lower[comma + 1 : f.start]
    if len(lead) > _ITEM_LEAD_WORDS or not all(w.isalpha() for w in lead):
        return False
    end = next(
        (k for k in range(f.end, sent.end) if lower[k] in {",", ";", "."}), sent.end
    )
    return _NOT_AN_ITEM.isdisjoint(lower[comma + 1 : end])


def _earlier_findings_of_own_site(
    kit: Toolkit, rd: ReportDoc, f: Span, sent: Span, site: SiteRef | None
) -> list[Span]:
    """The one-side words (a side word, a lobe such as RUL) inside the earlier
    findings of the sentence, where the mention's own words name its site
    ('Right hilar calcified nodes and subcarinal calcified nodes', 'calcified
    left hilar node, calcified paratracheal node'): that side is the other
    finding's (guide §2: the mention's own words give its site; a side said
    of another structure gives none). Not one that a linking phrase says this
    one is ('left renal calcification, likely a calcified renal cyst'), nor a
    'bilateral' leading the list, which may be said of all of it ('Bilateral
    periarticular calcifications and arterial calcification')."""
    if site is None or not f.start <= site.span.start < f.end:
        return []
    links = rd.matches.links
    earlier = [
        c
        for c in rd.matches.calc
        if sent.start <= c.start
        and c.end <= f.start
        and not any(c.end <= k.start and k.end <= f.start for k in links)
    ]
    spans = [s for s in rd.matches.lats if kit.md(s)["laterality"] != BILATERAL]
    spans += [
        s.span for s in rd.matches.sites if kit.md(s.span).get("laterality") in {LEFT, RIGHT}
    ]
    return [
        s for s in spans if any(c.start <= s.start and s.end <= c.end for c in earlier)
    ]


# How many plain words ('a', 'small', 'few') may stand between the 'and'
# that joins another finding before the mention and the mention.
AND_REACH = 3


def other_finding_before(kit: Toolkit, rd: ReportDoc, f: Span) -> list[Span]:
    """The words of another finding that ends right before an 'and' leading
    the mention ('Right basilar atelectasis and a calcified granuloma',
    'Left pleural thickening and calcified granulomas'): its side is that
    finding's (guide §2: a clause about another structure gives neither site
    nor side). From the start of its clause (after a ',', ';' or ':') to the
    'and'; none where no such 'and' leads the mention."""
    lo = rd.layout.sent_first[f.start]
    i = _and_after_other_finding(rd, f)
    if i is None:
        return []
    start = i - 1
    while start > lo and rd.lower[start - 1] not in {",", ";", ":"}:
        start -= 1
    if any(start <= c.start < i for c in rd.matches.calc):
        return []
    return [rd.doc[start:i]]


def other_finding_after(rd: ReportDoc, f: Span) -> list[Span]:
    """The words of another finding joined after the mention by 'and', 'or',
    'with' or 'as well as', up to its head (mentions.json `other_finding_nouns`):
    'calcified granuloma and a small right pleural effusion', '... as well
    as left lower lobe atelectasis', 'no calcified nodes or hilar
    adenopathy' (each denied thing of a list is one of its own); or by a mere comma, for a device,
    fracture or operation (`separate_thing_nouns`), to the end of its clause.
    Its place and side words are that finding's (guide §2: a clause about
    another structure gives neither site nor side). None past a stop or
    another calcification."""
    lower = rd.lower
    end = rd.sent_bounds(f.start)[1]
    words = lower[f.end : end]
    if _FINDING_JOINS.isdisjoint(words) and "," not in words:
        return []  # nothing joins another thing after it (one pass in C)
    starts = {c.start for c in rd.matches.calc}
    join = None
    for i in range(f.end, end):
        if lower[i] in {".", ";"} or i in starts:
            return []
        comma = join is not None and lower[join] == ","
        if lower[i] in _FINDING_JOINS and (join is None or comma):
            join = i
        elif lower[i] == "," and join is None:
            join = i
        elif comma and lower[i] in rd.separate_thing_nouns:
            # a comma's item is a thing of its own to the end of its clause
            # ('Calcified granuloma, right PICC tip in the SVC')
            stop = next((k for k in range(i, end) if lower[k] in {",", ";", "."}), end)
            return [rd.doc[join:stop]]
        elif join is not None and lower[i] in rd.other_finding_nouns:
            if not comma or _list_joiner_after(lower, i, end):
                # a comma of a list that goes on ('No calcified nodes,
                # hilar adenopathy or effusion') joins as 'or' does
                return [rd.doc[join : i + 1]]
    return []


def _list_joiner_after(lower: list[str], i: int, end: int) -> bool:
    """Does an 'or' or 'and' follow token i before the clause ends, so that a
    comma before it separates the items of one list?"""
    for k in range(i + 1, end):
        if lower[k] in {".", ";", ":"}:
            return False
        if lower[k] in {"or", "and", "nor"}:
            return True
    return False


def _other_finding_and(rd: ReportDoc, f: Span, site_end: int) -> bool:
    """Does an 'and' after another finding's head lead the mention, after a
    site phrase ending at `site_end` (that finding's place, not this one's)?"""
    i = _and_after_other_finding(rd, f)
    return i is not None and site_end <= i


def _and_after_other_finding(rd: ReportDoc, f: Span) -> int | None:
    """The 'and' that leads the mention, past at most AND_REACH plain words
    ('and a small calcified granuloma'), right after the head of another
    finding (mentions.json `other_finding_nouns`: 'atelectasis and', or
    'atelectasis, and'), else None."""
    lower = rd.lower
    lo = rd.layout.sent_first[f.start]
    i = f.start - 1
    while i > lo and lower[i] not in {"and", ","}:
        if f.start - i > AND_REACH or not lower[i].isalpha():
            return None
        i -= 1
    if i <= lo or lower[i] not in {"and", ","}:
        return None
    # 'atelectasis and', 'atelectasis, and', 'Left-sided pacemaker, calcified'
    head = i - 2 if lower[i] == "and" and lower[i - 1] == "," else i - 1
    nouns = rd.other_finding_nouns if lower[i] == "and" else rd.separate_thing_nouns
    if lower[i] == "and" and head >= lo:
        head = _noun_before_its_place(rd, head, lo)
    if head < lo or lower[head] not in nouns:
        return None
    if _shares_the_place(rd, f, i):
        return None
    return i


# Words that open the place phrase of another finding's noun before an 'and'
# ('scarring of the right upper lobe and calcified granulomas').
_PLACE_PREPOSITIONS = frozenset({"of", "in", "at", "within"})


def _noun_before_its_place(rd: ReportDoc, head: int, lo: int) -> int:
    """Where the words before an 'and' ending at `head` are a site phrase
    opened by a preposition ('of the right upper lobe'), the word before that
    preposition (the noun whose place it is); else `head` itself."""
    site = next(
        (s for s in rd.matches.sites if s.start <= head < s.span.end == head + 1), None
    )
    if site is None:
        return head
    k = site.start - 1
    if k > lo and rd.lower[k] == "the":
        k -= 1
    if k > lo and rd.lower[k] in _PLACE_PREPOSITIONS:
        return k - 1
    return head


# Words after the 'and' that make the mention a thing of its own ('and a
# calcification', 'and several calcifications'), not a second change of the
# place named before ('aortic valve fibrosis and calcification').
_OWN_THING = frozenset({"a", "an", "the", "one", "two", "several", "multiple", "few"})


def _shares_the_place(rd: ReportDoc, f: Span, i: int) -> bool:
    """Is the mention a bare calcification noun that the 'and' at i joins to
    the other finding's noun as a second change of one place, grades only
    between ('aortic valve fibrosis and calcification', 'pleural thickening
    and dense calcification')? Then the place before is its own too; a
    lesion noun ('and calcified granulomas') or an article ('and a
    calcification') makes it a thing of its own. A bare calcification noun is
    one of mentions.json `bare_calcification_nouns`, or a spelling the token
    norms read as one ('calcifcation')."""
    nouns = rd.calcification_nouns
    if any(t.lower_ not in nouns and t.norm_ not in nouns for t in f) and not _kind_of_bare(
        rd, f
    ):
        return False
    return not any(w in _OWN_THING or w.isdigit() for w in rd.lower[i + 1 : f.start])


def _kind_of_bare(rd: ReportDoc, f: Span) -> bool:
    """Is the mention a bare calcification noun with the words of its kind
    before it in its span ('dystrophic calcification', 'psammomatous
    calcifications'): no site words and no lesion noun among them? It is
    a second change of the place before the 'and' as much as the bare noun
    ('Myocardium with fibrosis and dystrophic calcification'; guide §2 step
    2, the finding's own clause)."""
    nouns, lows = rd.calcification_nouns, rd.lower
    if len(f) < 2 or (lows[f.end - 1] not in nouns and f[-1].norm_ not in nouns):
        return False
    if any(w in rd.lesion_nouns for w in lows[f.start : f.end]):
        return False
    return not any(f.start <= x.start < f.end for x in rd.matches.sites)


def _other_lesions(rd: ReportDoc, f: Span, sent: Span) -> list[Span]:
    """The rest of the sentence from a lesion noun joined after the finding
    by 'and' ('... calcifications and a faint nodule in the left upper zone'):
    its words are said of that lesion; so are the words a noun phrase that
    'with a' ('an', 'another') adds puts before its head, a lesion noun or
    the finding's own head noun ('calcified plaques, with a new left plaque';
    not a place after it: 'granuloma with a nodule in the right upper lobe'
    may place both)."""
    lower = rd.lower
    head = lower[f.end - 1].rstrip("s")
    # and the things an 'and' may join whose side is their own ('no
    # nephrocalcinosis and a 5 mm stone in the right kidney')
    lesions = rd.lesion_nouns | rd.word_sets.get("joined_thing_nouns", frozenset())
    joined = None
    with_a = False
    for i in range(f.end, sent.end):
        if lower[i] in {".", ";"}:
            break
        if joined is None and lower[i] == "and":
            joined = i
        if joined is None and lower[i] == "with" and i + 1 < sent.end:
            with_a = lower[i + 1] in _INDEFINITE
            joined = i if with_a else None
        if (
            with_a
            and joined is not None
            and (lower[i] in lesions or lower[i].rstrip("s") == head)
        ):
            return [rd.doc[joined : i + 1]]
        if joined is not None and lower[i] in lesions:
            # from the 'and': the lesion's own side words before it too
            # ('..., and a right lobe nodule without')
            return [rd.doc[joined : sent.end]]
    return []


def _later_item(rd: ReportDoc, f: Span, sent: Span) -> list[Span]:
    """The rest of the sentence from a later finding joined to this one by
    'and', 'plus' or 'as well as' (`_JOINING`: 'splenic calcifications and a
    7 mm calcification in the right lobe of the liver', '..., plus punctate
    calcifications in the left lobe'), the first such of the findings after
    it: its place phrase and side are its own."""
    for c in rd.matches.calc:
        if f.end <= c.start < sent.end:
            # not only the next one: 'a calcified lesion with a rim of
            # calcification, plus punctate calcifications in the left lobe'
            if not _JOINING.isdisjoint(rd.lower[f.end : c.start]):
                return [rd.doc[c.start : sent.end]]
    return []


# Words after 'with' that add a new thing ('with a new left plaque').
_INDEFINITE = frozenset({"a", "an", "another"})


# Words that join another structure to the finding's place ('in the spleen
# and a left renal cyst'; 'with' only after it: 'in the liver with a right
# pleural effusion', but 'Rt shoulder with calcific tendinitis').
_JOINING = frozenset({"and", "plus", "&", "well"})  # 'well': 'as well as'
# the words that join another finding after the mention (other_finding_after)
_FINDING_JOINS = _JOINING | {"with", "or", "nor"}


def _other_structures(
    rd: ReportDoc, f: Span, site: SiteRef | None, sent: Span
) -> list[Span]:
    """The side-and-site phrases of the sentence that name another structure
    than the finding's own site phrase, joined to it by 'and' or 'with'
    ('calcified granuloma in the spleen and a left renal cyst': the cyst's
    side; 'calcifications in the spleen and in the left kidney': the finding
    takes the first site, and the side is the second's). A place phrase with
    nothing joining it ('in the right axilla') is the finding's own."""
    if site is None or site.span is f or rd.layout.sent_first[site.span.start] != sent.start:
        return []
    out = []
    # a link's own 'with' ('consistent with') joins no other structure, nor
    # does an 'and' that adds the link to another predicate ('unchanged and
    # compatible with'), one plain word between them as well ('projects over
    # the left renal shadow and may represent')
    lower, starts = rd.lower, rd.match_starts
    linked = {i for k in rd.matches.links for i in range(k.start, k.end)}
    linked |= {
        k.start - 1 for k in rd.matches.links if k.start and lower[k.start - 1] == "and"
    }
    linked |= {
        k.start - 2
        for k in rd.matches.links
        if k.start > 1
        and lower[k.start - 2] == "and"
        and lower[k.start - 1].isalpha()
        and k.start - 1 not in starts
    }
    for s in rd.matches.sites:
        if not (sent.start <= s.start < sent.end) or s.site == site.site:
            continue
        if not s.laterality:
            continue
        if any(c.start <= s.start < c.end for c in rd.matches.calc):
            continue  # 'bilateral X and Y calcification': a side leading a list
        lo, hi = sorted((max(f.end, site.span.end), s.start))
        joining = _JOINING | {"with"}
        if s.span.end <= min(f.start, site.start):
            # 'Rt shoulder with calcific tendinitis': the finding is the shoulder's
            lo, hi, joining = s.span.end, min(f.start, site.start), _JOINING
        else:
            # an 'and' that joins another place of the finding's own site is
            # inside its place phrase ('of the dorsalis pedis and plantar
            # arteries of the left foot': the side after both is theirs)
            lo = max([lo] + [t.span.end for t in _own_places(rd, site, lo, hi)])
        words = {rd.lower[i] for i in range(lo, hi) if i not in linked}
        if f.end <= s.start and s.span.end <= site.start and words & joining:
            # 'calcification in the left hemipelvis ... and has a lucency,
            # consistent with a phlebolith': a place between the finding and
            # the lesion it is said to be is the finding's unless joined to it
            words = {rd.lower[i] for i in range(f.end, s.start) if i not in linked}
        if words & joining and not _joined_before(rd, joining, linked, lo, s.start):
            out.append(rd.doc[s.start : s.span.end])
    return out


def _joined_before(
    rd: ReportDoc, joining: frozenset[str], linked: set[int], lo: int, at: int
) -> bool:
    """Does a place with no side of its own follow the last joining word
    after `lo`, before the sided place at `at`? The word joins a second place
    to the finding's ('in the skin and subcutaneous tissue posterior to the
    left elbow': the elbow, after both, is where both lie, and its side is
    the finding's); not a word before another thing named ('... and a new
    periarticular deposit at the left shoulder')."""
    last = max(
        (i for i in range(lo, at) if i not in linked and rd.lower[i] in joining), default=-1
    )
    if last < 0:
        return False
    nxt = last + 1 + (rd.lower[last + 1] == "the")
    return any(
        t.start == nxt and t.span.end < at and not t.laterality for t in rd.matches.sites
    )


def _own_places(rd: ReportDoc, site: SiteRef, lo: int, hi: int) -> list[SiteRef]:
    """The site phrases between tokens lo and hi that name the finding's own
    site, with no side of their own."""
    return [
        t
        for t in rd.matches.sites
        if t.site == site.site and lo <= t.start and t.span.end <= hi and not t.laterality
    ]


# Most words before a mention that may hold the verb of the report's wording
# ('the previously described calcification').
REPORTED_LEAD = 3


def reported_place(rd: ReportDoc, f: Span) -> tuple[int, int] | None:
    """The tokens (first, past the last) of the place an earlier report
    wrote for the finding, where its clause's predicate gives another place
    it is in ('The calcification described in the left breast is in the
    right breast', 'the previously reported calcification in the right
    kidney is actually in the gallbladder wall'): an addendum's correction,
    whose place and side win (guide §2 step 2, the phrase of its own clause
    that says where it lies; mentions.json report_wording_verbs,
    correction_place_words). None for most sentences: no report's wording,
    or one place."""
    verbs = rd.word_sets.get("report_wording_verbs", frozenset())
    lo, hi = rd.sent_bounds(f.start)
    if not any(w in verbs for w in rd.lower[lo:hi]):
        return None  # most sentences: no word of a report's wording
    after = sorted(
        (s for s in rd.sentence_sites(f.start) if s.start >= f.end),
        key=lambda s: s.start,
    )
    lead = rd.lower[max(lo, f.start - REPORTED_LEAD) : f.start]
    copulas = rd.word_sets.get("state_copulas", frozenset())
    fillers = rd.word_sets.get("correction_place_words", frozenset())
    for wrote, corrected in zip(after, after[1:], strict=False):
        if not any(w in verbs for w in lead + rd.lower[f.end : wrote.start]):
            return None
        between = rd.lower[wrote.span.end : corrected.start]
        other = wrote.site != corrected.site or (
            wrote.laterality and corrected.laterality and wrote.laterality != corrected.laterality
        )
        if other and any(w in copulas for w in between) and all(
            w in copulas or w in fillers or not w.strip() for w in between
        ):
            return wrote.start, corrected.start
    return None


def two_sides(kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef | None) -> str:
    """'bilateral' when the finding's own words and its site phrase name both
    sides ('right apical and left basilar granulomas', 'granulomas at the left
    greater than right hilum', 'granuloma in the right upper lobe and left
    lower lobe', 'over the right paratracheal area and the left hilum': a
    site joined to its site by 'and'), else ''."""
    if not _other_side_written(kit, rd):
        return ""  # one side in the whole report, and no phrase adding the other
    if reported_place(rd, f) is not None:
        return ""  # a correction's two places are one place written wrong
    if _shared_out(kit, rd, f) >= {LEFT, RIGHT}:
        return BILATERAL  # 'Calcified nodules: one in the right upper lobe, another at the left base'
    if _leading_places(kit, rd, f) >= {LEFT, RIGHT}:
        return BILATERAL  # 'Right third PIP and left fifth MCP periarticular calcifications'
    if _sided_numbered_after(kit, rd, f) >= {LEFT, RIGHT}:
        return BILATERAL  # 'Calcified disc protrusions, right C5-6 and left C6-7'
    lo, hi = f.start, f.end
    if site is not None and site.span is not f and site_reach(rd, f, site) is not None:
        lo, hi = min(lo, site.start), max(hi, site.span.end)
        if site.start >= f.end:
            hi = joined_site_end(rd, site, hi)
    place = _place_after(rd, f, hi)
    if place is not None:
        hi = joined_site_end(rd, place, place.span.end)
    if _adds_other_side(kit, rd, hi) or _both_after(kit, rd, hi):
        return BILATERAL
    # a plural that implies both sides ('the adrenals') names no side of the
    # place joined to it; a word that writes both ('both breasts') does
    sides = {
        kit.md(s)["laterality"]
        for s in rd.matches.lats
        if lo <= s.start
        and s.end <= hi
        and not kit.md(s).get("implied")
        and not _denied_at(kit, rd, f, s.start)
    }
    # a site phrase that carries its side ('RUL and LLL')
    sides |= {
        s.laterality
        for s in rd.matches.sites
        if lo <= s.span.start
        and s.span.end <= hi
        and kit.md(s.span).get("laterality")
        and not _denied_at(kit, rd, f, s.span.start)
    }
    return BILATERAL if {LEFT, RIGHT} <= sides or BILATERAL in sides else ""


def _other_side_written(kit: Toolkit, rd: ReportDoc) -> bool:
    """Does the report write both sides, or 'bilateral', or a phrase adding
    the other side? Of the side words' and of the site phrases that carry
    one (their rules' and as written); read up to the first that tells,
    not all of them for every finding."""
    m = rd.matches
    written: set[str] = set()
    for x in m.lats:
        md = kit.md(x)
        if md.get("adds_side"):
            return True
        written.add(md["laterality"])
    if BILATERAL in written or {LEFT, RIGHT} <= written:
        return True
    for s in m.sites:
        side = kit.md(s.span).get("laterality")
        if side:
            written.add(side)
            written.add(s.laterality)
            if BILATERAL in written or {LEFT, RIGHT} <= written:
                return True
    return False


# The tokens that may stand between a finding's place and a phrase adding
# the other side to it ('in the right bulb, and to a lesser degree the left').
_ADDING_JOINERS = frozenset({",", "and"})


def _adds_other_side(kit: Toolkit, rd: ReportDoc, hi: int) -> bool:
    """Does a side phrase that adds the other side (sites.json `adds_side`:
    'and, to a lesser extent, the left') follow the finding's place, which
    ends at `hi`, past only commas and 'and'? Guide §2: two sides for one
    finding give bilateral."""
    for s in rd.matches.lats:
        if s.start >= hi and kit.md(s).get("adds_side"):
            gap = rd.lower[hi : s.start]
            while gap and gap[-1] in _ADDING_JOINERS:
                gap.pop()
            # one word of the place may close it first ('carotid artery, and')
            return s.start - hi <= 3 and len(gap) <= 1 and all(w.isalpha() for w in gap)
    return False


def _both_after(kit: Toolkit, rd: ReportDoc, hi: int) -> bool:
    """Does a side word for both sides ('bilaterally') close the finding's
    place, which ends at `hi`, past at most one word of it ('of the iliac
    segments bilaterally', 'of the tibial vessels bilaterally')? It says where the finding lies, nearer
    than a side said of something else before the finding (guide §2: the
    finding's sentence gives its side)."""
    # one alphabetic word of the place may stand first ('vessels', 'segments')
    word = (
        hi < len(rd.lower) and rd.layout.words[hi].isalpha() and rd.lower[hi] != "and"
    )
    at = {hi, hi + 1} if word else {hi}
    return any(
        s.start in at and kit.md(s).get("laterality") == BILATERAL and not kit.md(s).get("implied")
        for s in rd.matches.lats
    )


# Most words of the places joined by 'and' that may lead a mention ('Right
# third PIP and left fifth MCP periarticular calcifications').
LEAD_REACH = 8


def _leading_places(kit: Toolkit, rd: ReportDoc, f: Span) -> set[str]:
    """The sides written in a list of places joined by 'and' that opens the
    mention's clause and runs into it ('Right third PIP and left fifth MCP
    periarticular calcifications'), with those of the mention's own words
    ('Right first MTP and left ankle periarticular calcifications' where the
    mention takes in 'left ankle'): each a place of the one finding (guide
    §2: two sides named for one finding make bilateral). Empty where the
    words before the mention are not such a list: more than LEAD_REACH
    words, no 'and', another finding or the head of another finding
    ('Left effusion and right calcified granuloma')."""
    lower, first = rd.lower, rd.layout.sent_first[f.start]
    i, joiners = f.start - 1, 0
    while i >= first and lower[i] not in {",", ";", ":", "."}:
        joiner = _joins_numbered_level(lower, i, first, f.start)
        joiners += joiner
        if f.start - i - joiners > LEAD_REACH or not (
            lower[i].isalnum() or rd.layout.blank[i] or joiner
        ):
            return set()
        i -= 1
    start = i + 1
    words = lower[start : f.start]
    if "and" not in words or any(start <= c.start < f.start for c in rd.matches.calc):
        return set()
    if not rd.other_finding_nouns.isdisjoint(words):
        return set()
    if _heads_a_finding_before_and(rd, start, f.start):
        return set()
    return {
        str(kit.md(x)["laterality"])
        for x in rd.matches.lats
        if start <= x.start and x.end <= f.end and not kit.md(x).get("implied")
    }


def _joins_numbered_level(lower: list[str], i: int, lo: int, hi: int) -> bool:
    """Is token i a '-' or '/' joining two numbered words, between tokens lo
    and hi ('C5-6', 'L5-S1', 'T12-L1': one spinal level written in three
    tokens)? Each side must hold a digit, so a dash between clauses is none."""
    if lower[i] not in {"-", "/"} or i - 1 < lo or i + 1 >= hi:
        return False
    return any(c.isdigit() for c in lower[i - 1]) and any(c.isdigit() for c in lower[i + 1])


# Words that open a list of places right after a finding ('..., right C5-6
# and left C6-7', 'at right C5-6 and left C6-7'), and those that join its
# items.
_LIST_OPENERS = frozenset({",", "at"})
_LIST_JOINERS = frozenset({",", "and", "-", "/"})


def _sided_numbered_after(kit: Toolkit, rd: ReportDoc, f: Span) -> set[str]:
    """The sides of a list of numbered places, each with its side, that
    follows the finding past one or two words of its head and a ',' or 'at'
    ('Calcified disc protrusions, right C5-6 and left C6-7'): two or more
    numbered items, and nothing else in the list up to its end, else empty.
    Guide §2: two sides named for one finding give bilateral."""
    lower, words, end = rd.lower, rd.layout.words, rd.sent(f).end
    i = f.end
    while i < end and i - f.end < 2 and words[i].isalpha() and lower[i] not in _LIST_OPENERS:
        i += 1
    if i >= end or lower[i] not in _LIST_OPENERS:
        return set()
    sided = {
        x.start: (x.end, str(kit.md(x)["laterality"]))
        for x in rd.matches.lats
        if not kit.md(x).get("implied")
    }
    sides: set[str] = set()
    numbered, j = 0, i + 1
    while j < end:
        if j in sided:
            j, side = sided[j]
            sides.add(side)
            continue
        if lower[j] in {".", ";"}:
            break
        if any(c.isdigit() for c in lower[j]):
            numbered += 1
        elif lower[j] not in _LIST_JOINERS:
            return set()
        j += 1
    return sides if numbered >= 2 else set()


def _heads_a_finding_before_and(rd: ReportDoc, lo: int, hi: int) -> bool:
    """Does an 'and' between tokens `lo` and `hi` follow a head noun of a
    finding (mentions.json `calcified_heads`) that no site phrase takes in
    ('Right carotid bulb plaque and left vertebral artery calcification':
    the plaque is a finding of its own, its side not the mention's; not
    'Right carotid bulb and left ICA calcifications', the bulb a place)?"""
    heads = rd.word_sets.get("calcified_heads", frozenset())
    for i in range(lo + 1, hi):
        if rd.lower[i] != "and" or rd.lower[i - 1] not in heads:
            continue
        if not any(s.span.start <= i - 1 < s.span.end for s in rd.matches.sites):
            return True
    return False


# Words that open a list sharing a plural finding out ('nodules: one in
# the right upper lobe, another at the left base'), and those that go on
# with the next share.
_FIRST_SHARE = frozenset({"one", "some", "several", "two", "few", "most", "many"})
_NEXT_SHARE = frozenset({"another", "other", "others", "rest", "remainder", "one"})


def _shared_out(kit: Toolkit, rd: ReportDoc, f: Span) -> set[str]:
    """The sides written in a list that shares the finding out right after
    it ('Calcified nodules: one in the right upper lobe, another at the left
    base'; '..., one on the left and the other on the right'; 'one in the lingula
    and one in the middle lobe'): each share lies
    where its words say, so the finding lies on every side named, by a side
    word or a site that carries one ('one in the RUL'); or a list of items
    its colon opens ('Calcified hilar nodes: right hilar node 12 mm, left
    hilar node 9 mm'). Empty where no such list follows (a ':' or ',' then
    'one', later 'another'; a ':' then items parted by commas)."""
    sent = rd.sent(f)
    i = f.end
    if i < sent.end and rd.lower[i] == ":" and "," in rd.lower[i + 1 : sent.end]:
        return sides_written(kit, rd, i + 1, sent.end)
    if i < sent.end and rd.lower[i] in {":", ","}:
        i += 1
    if i >= sent.end or rd.lower[i] not in _FIRST_SHARE:
        return set()
    if not any(w in _NEXT_SHARE for w in rd.lower[i + 1 : sent.end]):
        return set()
    return sides_written(kit, rd, i + 1, sent.end)


# Words that open the place phrase of the words before them ('plaques along
# the right hemidiaphragm', 'calcinosis in the soft tissues of the right
# finger', 'calcified nodules, RUL and LLL').
_PLACE_WORDS = frozenset(
    {"in", "of", "along", "at", "around", "about", "over", "within", ","}
)  # ',': 'two calcified nodules, RUL and LLL'



def _place_after(rd: ReportDoc, f: Span, hi: int) -> SiteRef | None:
    """The site or body region that the place phrase right after the
    finding (or after its site phrase, ending at `hi`) names, following
    'of' from a part to its whole ('the soft tissues of the right index
    finger'); None where no such phrase follows."""
    lower = rd.lower
    i, found = hi, None
    if hi == f.end:
        i = _past_place_predicate(rd, i)
    for k in range(3):
        if i >= len(lower) or lower[i] not in _PLACE_WORDS:
            break
        comma = rd.layout.words[i] == ","
        if comma and (k or i != f.end):
            break  # a comma opens the phrase right after the mention only
        nxt = _place_at(rd, i + 1, most=0 if comma else 2)
        if nxt is None:
            break
        found, i = nxt, nxt.span.end
    return found


# Most words of a predicate that may stand between a mention and its place.
_PREDICATE_REACH = 3


def _past_place_predicate(rd: ReportDoc, i: int) -> int:
    """Where a short predicate right after the mention ends that leads to
    its place ('Calcified nodes are seen in the ...': mentions.json
    `place_predicates`), when a place word follows it; else `i`."""
    lower, words = rd.lower, rd.word_sets.get("place_predicates", frozenset())
    j = i
    while j < len(lower) and j - i < _PREDICATE_REACH and lower[j] in words:
        j += 1
    if j == i or j >= len(lower) or lower[j] not in _PLACE_WORDS - {","}:
        return i
    return j


def _place_at(rd: ReportDoc, i: int, most: int = 2, parts: int = 1) -> SiteRef | None:
    """The site or body region starting at `i` past up to `most` plain words
    ('the', 'area'), or past a side word and one plain word before it ('left
    index finger') or two joined by 'and' ('right index and middle
    fingers'), or, past plain words that name a part and 'of', the
    whole they are a part of ('the tips of the left thumb', 'the distal
    phalanges of the right index finger'), at most `parts` times."""
    at = rd.site_at
    j = _past_plain_words(rd, i, most)
    if j not in at:
        side = next((x for x in rd.matches.lats if x.start == j), None)
        if side is not None:
            j = _past_plain_words(rd, side.end, most=1)
            if j not in at and j > side.end and _and_modifier(rd, j):
                # 'the right index and middle fingers'
                j = _past_plain_words(rd, j + 1, most=1)
        elif parts and (k := _part_of_at(rd, i, most + 1)) is not None:
            return _place_at(rd, k + 1, parts=parts - 1)
    return at.get(j)


def _and_modifier(rd: ReportDoc, j: int) -> bool:
    """Is token j an 'and' joining a second plain modifier to the one before
    it, both on the place after them ('the right index and middle
    fingertips')?"""
    lower = rd.lower
    return (
        lower[j] == "and"
        and j + 1 < len(lower)
        and rd.layout.words[j + 1].isalpha()
        and j + 1 not in rd.match_starts
    )


def _part_of_at(rd: ReportDoc, i: int, most: int) -> int | None:
    """The 'of' after one to `most` plain words from `i` that name a part
    ('the tips of', 'the distal phalanges of'), else None."""
    lower, words, starts = rd.lower, rd.layout.words, rd.match_starts
    j = i
    while j < len(lower) and j - i <= most:
        if lower[j] == "of":
            return j if j > i else None
        if not words[j].isalpha() or j in starts or lower[j] == "and":
            return None
        j += 1
    return None


def joined_site_end(rd: ReportDoc, site: SiteRef, hi: int) -> int:
    """Where the sites joined to `site` by 'and' end, or by a comma when the
    list ends there ('in the right upper lobe, left upper lobe.'; not 'in the
    right upper lobe, left lung clear'), or by a slash ('right upper
    lobe/left lower lobe'). Up to two plain words no rule matched
    may stand between ('the right paratracheal area and the left hilum'), and
    a place word may lead the joined place ('and over the right forearm').
    'as well as' and 'and also' join like 'and' ('in the right hilum as well
    as the left hilum')."""
    doc, lower = rd.doc, rd.lower
    while True:
        joint = _past_plain_words(rd, hi)
        width = _joiner_width(rd, joint)
        if not (width and joint + width < len(doc)):
            break
        lead = joint + width
        if lead < len(doc) and lower[lead] in _PLACE_WORDS - {","}:
            lead += 1  # 'and over the palmar aspect of the right ring finger'
        nxt = _place_at(rd, lead)
        if nxt is None:
            break
        end = nxt.span.end
        if end < len(doc) and lower[end] in rd.place_nouns:
            end += 1  # 'the left perihilar region', 'the left thumb tips'
        end = _end_of_whole(rd, end)
        if end < len(doc) and lower[end] in _BE_WORDS and any(
            end < c.start <= end + 2 for c in rd.matches.calc
        ):
            break  # 'and both seminal vesicles are calcified': another finding's subject
        if end < len(doc) and not _list_goes_on(doc[end]):
            lone_comma = width == 1 and rd.layout.words[joint] == ","
            if lone_comma or lower[end] not in _ITEM_FOLLOWERS:
                break  # 'and left basilar atelectasis': the item names another thing
        hi = end
    return hi


def _end_of_whole(rd: ReportDoc, end: int) -> int:
    """Where a listed part's whole ends, when 'of' follows the part ('and
    upper pole of the left kidney': the whole carries the item's side), else
    `end` itself."""
    lower = rd.lower
    if end >= len(lower) or lower[end] != "of":
        return end
    whole = _place_at(rd, end + 1)
    return whole.span.end if whole is not None else end


def _joiner_width(rd: ReportDoc, i: int) -> int:
    """How many tokens the list joiner at `i` takes: 1 for 'and', ',' or '/';
    2 for ', and' or 'and also'; 3 for 'as well as' (4 after a comma); 0
    where none starts."""
    words = rd.lower[i : i + 4]
    if words[:1] == [","]:
        rest = _joiner_width(rd, i + 1) if words[1:2] in (["and"], ["as"]) else 0
        return 1 + rest
    if words[:3] == ["as", "well", "as"]:
        return 3
    if words[:1] == ["and"]:
        return 2 if words[1:2] == ["also"] else 1
    return 1 if words[:1] == ["/"] else 0


# An ordinal written in figures ('2nd', '5th'): a plain word of a place as
# its spelled-out form is ('the left 2nd digit', 'the left second digit').
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")


def _past_plain_words(rd: ReportDoc, i: int, most: int = 2) -> int:
    """The token after at most `most` plain words from `i`: alphabetic tokens
    or ordinals in figures where no site, side or calcification match starts
    ('area', 'the', '2nd'); a list joiner ('and', 'as well as') ends them."""
    lower, words, starts = rd.lower, rd.layout.words, rd.match_starts
    j = i
    while (
        j < len(lower)
        and j - i < most
        and (words[j].isalpha() or _ORDINAL.fullmatch(lower[j]))
        and j not in starts
    ):
        if lower[j] == "and" or lower[j : j + 3] == ["as", "well", "as"]:
            break
        j += 1
    return j


# Words that may follow the last place of a list joined by 'and' ('in the
# right upper lobe and left hilum are unchanged', '... and both iliac arteries
# without aneurysm': 'without' says what the place lacks; '... and left thumb
# from scleroderma', '... due to', 'secondary to': what caused it); any other
# word makes that place a word of another thing ('and left basilar atelectasis').
# The verbs that make a joined place the subject of a finding after them
# ('..., and both seminal vesicles are calcified'): that finding's place.
_BE_WORDS = frozenset({"is", "are", "was", "were"})
_ITEM_FOLLOWERS = frozenset(
    {"of", "with", "without", "are", "were", "bilaterally", "unchanged", "stable", "again",
     "also", "noted", "seen", "present", "consistent", "compatible", "likely",
     "from", "due", "secondary", "related", "probably", "possibly", "typical",
     "suggestive", "representing"}
)


def _list_goes_on(tok: Token) -> bool:
    """Does a listed site end its list or hand on to the next item here? A
    closing bracket ends a list written in brackets ('calcified nodules
    (right upper lobe, left base)'); a run of periods ends it as one period
    does ('right apical and left basilar..', as exports often write), and so
    do the other stops ('?', '!') and a colon."""
    if tok.is_space or tok.lower_ in {".", ",", ";", "and", ")", ":", "?", "!"}:
        return True
    return len(tok.text) > 1 and not tok.text.strip(".")


def lat_near(
    kit: Toolkit, rd: ReportDoc, f: Span, lats: list[Span] | None = None
) -> str:
    """Laterality for a mention with an implied site: in or right around it.
    A side word says it ahead of the plural of a paired organ ('XR KNEES:
    Chondrocalcinosis in the right knee': right), which may only name the
    exam or a label over it. `lats`: the side words of its sentence, when
    the caller has them (else all the report's are read)."""
    first, last = rd.sent_bounds(f.start)
    lo, hi = max(first, f.start - 2), min(last, f.end + 4)
    implied = ""
    for s in rd.matches.lats if lats is None else lats:
        if lo <= s.start and s.end <= hi:
            md = kit.md(s)
            if not md.get("implied"):
                return str(md["laterality"])
            implied = implied or str(md["laterality"])
    return implied


def side_of_whole(rd: ReportDoc, site: SiteRef | None) -> str:
    """The side of the place a part belongs to ('the upper outer quadrant of
    the right breast', 'the lower pole of the left kidney'): a site phrase
    joined after the finding's site by 'of' (the) carries the side for both."""
    lower, at = rd.lower, rd.site_at
    seen = 0
    while site is not None and not site.laterality and seen < 3:
        i = site.span.end
        if i >= len(lower) or lower[i] != "of":
            return ""
        i += 1
        if i < len(lower) and lower[i] in {"the", "a"}:
            i += 1
        site, seen = at.get(i), seen + 1
    return site.laterality if site is not None else ""


def side_of_joined_places(
    kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef | None
) -> str:
    """For a finding at a site that takes no side (the aorta), the side its
    sentence writes on the sided places joined to that site by 'and'
    ('along the aortic arch and both axillary arteries': bilateral; guide
    §2: the finding's sentence gives it, 'both' is bilateral). Only the
    places of sites that take a side count ('the aortic root and left main':
    a heart structure, none), and only those the site phrase's list takes
    in (joined_site_end: not 'and right ICA stenosis', another thing)."""
    if site is None or site.span is f or site_reach(rd, f, site) is None:
        return ""
    lo = site.span.end
    hi = joined_site_end(rd, site, lo)
    if hi == lo:
        return ""  # no place joined to the site: no side on one
    sides = {
        s.laterality
        for s in rd.matches.sites
        if lo <= s.span.start
        and s.span.end <= hi
        and s.laterality
        and kit.site_info(s.site).get("sided", True)
    }
    if {LEFT, RIGHT} <= sides:
        return BILATERAL
    return sides.pop() if len(sides) == 1 else ""
