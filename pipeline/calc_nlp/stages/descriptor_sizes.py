"""Sizes of the descriptors stage (corpora/GUIDE.md, Descriptors: size_mm):
the size written on the mention, and what a finding takes from the lesion
its sentence names it as ("2 mm echogenic focus, probably a calcification":
the focus's size and BI-RADS shape are the calcification's).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from calc_nlp.ignorecase import lookup
from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.record import POINTING_PRONOUNS, RELATIVE_PRONOUNS

# (field, rule id, start, end): the words that gave a descriptor, for `explain`.
Word = tuple[str, str, int, int]
_TOKEN = re.compile(r"\w+(?:/\w+)?|[^\w\s]")
# A word, hyphens inside it kept ("rim-like"), as the clause stages read one.
WORD = re.compile(r"[\w-]+")
_DIM = re.compile(r"(\d+(?:\.\d+)?)(?:[^\S\n]*(mm|cm)\b)?", re.I)


_PHRASE_END = re.compile(r"[,;:\n]|\.(?=\s|$)")
_THAN = re.compile(r"[^\S\n]+than[^\S\n]+(\w+)", re.I)
# the last word of a comparative; the words and the years of what follows "than"
_LAST_WORD = re.compile(r"\w+$")
_PLAIN_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def threshold(dr: DescriptorRules, text: str, end: int) -> bool:
    """Does "than" and a number follow a comparative ending at `end` ("fewer
    than five per cluster", "smaller than 1 mm", "larger than 1 cm")? It
    then compares with a count or a size, not with an earlier exam: no
    change; unless the rest of its phrase dates the number ("larger than 8 mm
    previously", "smaller than 6 mm on the prior exam"). A comparative of
    extent or visibility before "than" with no dating word or year in the
    rest of its phrase compares with another thing ("more pronounced than
    the plaque beside it"): no change either."""
    m = _THAN.match(text, end)
    if m is None:
        return False
    stop = _PHRASE_END.search(text, m.end())
    if m.group(1)[0].isdigit() or m.group(1).lower() in dr.count_words:
        rest = words(dr, text[m.end() : stop.start() if stop else len(text)], set())
        return not dr.threshold_dating & set(rest)
    last = _LAST_WORD.search(text, max(0, end - 20), end)
    if last is None or last.group().lower() not in dr.extent_comparatives:
        return False
    after = text[m.start(1) : stop.start() if stop else len(text)]
    dated = dr.threshold_dating & {w.lower() for w in _PLAIN_WORD.findall(after)}
    return not dated and _YEAR.search(after) is None and not _other_study(dr, after)


# 'on the CT', 'in a radiograph': another study named after "than"
_STUDY_NAMED = re.compile(r"(?:on|in)[^\S\n]+(?:the|a|an)[^\S\n]+([\w-]+)", re.I)


def _other_study(dr: DescriptorRules, after: str) -> bool:
    """Does the phrase after "than" name another study with an article
    ('than on the CT'; descriptors.json comparison_studies)? The study a
    finding is compared with is an earlier one, as a dating word says."""
    m = _STUDY_NAMED.match(after)
    return m is not None and m.group(1).lower() in dr.comparison_studies


def words(dr: DescriptorRules, gap: str, drop: set[str]) -> list[str]:
    """The tokens of a gap, descriptor terms and `drop` words left out."""
    gap = dr.terms.sub(" ", gap)
    return [w for w in (t.lower() for t in _TOKEN.findall(gap)) if w not in drop]


def size_mm(dr: DescriptorRules, m: re.Match[str]) -> float:
    """A size match in millimetres, its largest dimension."""
    return round(max(_dims_mm(dr, m)), 2)


def _dims_mm(dr: DescriptorRules, m: re.Match[str]) -> list[float]:
    """The dimensions of a size match in millimetres, as written; a dimension
    with a unit of its own keeps it ("from 3 mm to 1.2 cm"), the others take
    the size's. What `size_mm` and `_changed_to` both read."""
    unit = lookup(dr.units, m.group("unit"))
    dims = [
        float(x) * (dr.units[u.lower()] if u else unit)
        for x, u in _DIM.findall(m.group("dims"))
    ]
    if not dims:  # a number in words ('a six millimeter granuloma')
        dims = [dr.number(m.group("dims").lower()) * unit]
    return dims


# an ordinal names a place ("beside the 3rd PIP joint", "the 5th rib"), no other
# number between the mention and its size
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)

# a past copula right after a size that a "measuring" gives the mention is the
# mention's own verb, not an earlier size ("measuring 4 cm was excised")
_PAST_VERBS = frozenset({"was", "were"})


def _after_ok(
    dr: DescriptorRules,
    gap: list[str],
    after: list[str],
    mention: str,
    raw: list[str] | None = None,
) -> bool:
    """May a size after the mention be its own? No other lesion, number or
    earlier-size word between, and no new noun phrase opened right before
    it; a lesion noun right after it only when the mention is the adjective
    of that noun ("Calcified left lower lobe 5 mm granuloma"). A "now" gives
    the current size past an earlier one ("previously 4 mm, now 6 mm"). `raw`:
    the two words right after the size, descriptor terms kept."""
    gap = _current(dr, gap)
    gap = _extent_article(dr, _course_from(dr, gap), after)
    adjective = mention.split()[-1].lower() in dr.size_adjectives
    noun_after = bool(dr.lesion_nouns & set(after))
    if noun_after and not gap:
        noun_after = not adjective
    if adjective and len(mention.split()) == 1:
        # "Calcified left adnexal mass measuring 3.2 cm", "calcified pelvic
        # mass, 3 cm": the size of the noun the adjective qualifies
        noun = next((k for k, w in enumerate(gap) if w in dr.lesion_nouns), None)
        if noun is not None and noun <= dr.window and all(
            w.isalpha() for w in gap[:noun]
        ):
            gap = gap[noun + 1 :]
    gap = _without_refs(dr, gap)
    raw = raw or []
    carrier = raw[:1] != [] and raw[0] in dr.extent_carriers and raw[1:2] != ["of"]
    stops = dr.size_blockers | dr.size_after_stops
    if gap[-1:] and gap[-1] in dr.size_leads:
        stops = stops - _PAST_VERBS  # "mass measuring 4 cm was excised": the mention's verb
    elif gap[-1:] and gap[-1] in dr.size_extent_verbs:
        # "calcification of the ligament extends 38 mm from the styloid":
        # the length its course runs, the place after it where it runs from
        # or to, no distance from another thing; but how far it reaches
        # into another place is no size of it ("plaque at the bulb extending
        # 2 cm into the internal carotid artery", "extending 2 cm distally":
        # size_reach_words)
        stops = (stops - dr.size_after_stops - _COURSE_FROM) | dr.size_reach_words
    return (
        not noun_after
        and not (dr.lesion_nouns | dr.size_blockers) & set(gap)
        and not _within_reach(dr, gap)
        and not stops & set(after)
        and not any(w[0].isdigit() and not _ORDINAL.fullmatch(w) for w in gap)
        # "calcifications in a 4 mm group": the article opens the extent that
        # holds the calcifications (extent_carriers), no other lesion's phrase
        and (carrier or not dr.phrase_openers & set(gap[-1:]))
    )


# The word after a size that opens the place a course runs from ("extends
# 38 mm from the styloid process"), a size blocker elsewhere.
_COURSE_FROM = frozenset({"from"})
# The word after an extent verb's size that leads into another place
# ("extending 2 cm into the internal carotid artery"): the reach, no size
# (descriptors.json size_reach_words holds it and the words of the way it reaches).
_REACH_INTO = frozenset({"into"})


def _within_reach(dr: DescriptorRules, gap: list[str]) -> bool:
    """Does the size lie inside the place the calcification reaches into
    ("plaque extending from the bulb into the first 15 mm of the internal
    carotid artery"): an "into" in the gap with only the words of that place
    after it, no mark and no size lead ("extending into the soft tissues,
    measuring 2 cm" keeps its size)? How far it reaches into another place
    is no size of it, as `_REACH_INTO` says after the size."""
    if not _REACH_INTO & set(gap):
        return False
    k = max(i for i, w in enumerate(gap) if w in _REACH_INTO)
    return all(w.isalpha() and w not in dr.size_leads for w in gap[k + 1 :])


def _course_from(dr: DescriptorRules, gap: list[str]) -> list[str]:
    """A gap without the "from" right after an extent verb ("extending from
    the subareolar region toward 12 o'clock over 4 cm"): it opens the place
    the group runs from, not an earlier size."""
    return [
        w
        for k, w in enumerate(gap)
        if not (w == "from" and k and gap[k - 1] in dr.size_extent_verbs)
    ]


def _extent_article(dr: DescriptorRules, gap: list[str], after: list[str]) -> list[str]:
    """A gap without the article that an extent word puts before a sized
    carrier noun ("extending over a 9 mm area", "involving a 2 cm region"):
    that "a" opens no other noun phrase, the area is the mention's extent.
    Else the gap."""
    if (
        len(gap) >= 2
        and gap[-1] in dr.size_new_phrase
        and gap[-2] in dr.size_extent_links
        and after[:1]
        and after[0] in dr.size_carriers
    ):
        return gap[:-1]
    return gap


def _current(dr: DescriptorRules, gap: list[str]) -> list[str]:
    """A gap after the mention from its last size_current word on ("...,
    previously 4 mm, now 6 mm": the size now is the mention's), when no
    lesion noun stands in it; else the gap."""
    now = [k for k, w in enumerate(gap) if w in dr.size_current]
    if not now or dr.lesion_nouns & set(gap):
        return gap
    return gap[now[-1] + 1 :]


def _hosted(dr: DescriptorRules, text: str, lo: int, vessel: str = "") -> bool:
    """Does the mention's clause open with a "with" after a lesion noun
    ("right lobe nodule with punctate calcifications, 1.5 cm") or after the
    `vessel` the finding's site words name ("infrarenal aorta with scattered
    mural calcification, 3.1 cm")? A size past a comma after the mention is then
    the host lesion's, or the vessel's calibre."""
    before = [w.lower() for w in _TOKEN.findall(text[max(0, lo - 80) : lo])]
    if len(before) < 2 or before[-1] not in dr.shape_links:
        return False
    own = _TOKEN.findall(vessel.lower())
    return before[-2] in dr.lesion_nouns or (bool(own) and before[-2] == own[-1])


def _without_refs(dr: DescriptorRules, gap: list[str]) -> list[str]:
    """A gap without image references and numbered places and their numbers
    ("(series 3, image 45)", "in segments 6 and 7"), without the "from" of a
    range ("ranging in size from 3 to") and the "than" of an upper bound
    ("less than")."""
    out: list[str] = []
    refs = dr.image_refs | dr.numbered_places
    listing = False  # among the numbers of a reference
    for k, w in enumerate(gap):
        nxt = gap[k + 1] if k + 1 < len(gap) else ""
        if w[0].isdigit() and out and out[-1] in refs:
            out.pop()
            listing = True
            continue
        if listing and (w[0].isdigit() or (w in ("and", ",", "-") and nxt[:1].isdigit())):
            continue
        listing = False
        if w == "from" and dr.range_words & set(out):
            continue
        if w == "from" and not nxt and out and out[-1] in dr.size_leads:
            continue  # "measuring from 2 to 5 mm": the range's own "from"
        if w == "than" and out and out[-1] in dr.size_bounds:
            continue  # "measuring less than 5 mm": an upper bound
        out.append(w)
    return out


def _without_clock(dr: DescriptorRules, gap: str) -> str:
    """A gap without its clock-face positions and distances from the nipple
    ("at 10 o'clock, 4 cm from the nipple"): places, not other numbers
    between the mention and its size."""
    for _, rx in dr.patterns.get("clock", []) + dr.patterns.get("distance", []):
        gap = rx.sub(" ", gap)
    return gap


def carried(dr: DescriptorRules, gap: list[str]) -> list[str]:
    """A gap without the first "<carrier> of" in it: the extent an "of" gives
    to what follows ("4.5 cm ovoid area of peripheral mineralization")."""
    for k, w in enumerate(gap[:-1]):
        if w in dr.size_carriers and gap[k + 1] == "of":
            return gap[:k] + gap[k + 2 :]
    return gap


_JOIN = re.compile(r"[^\S\n]*(?:,|\band\b|\bor\b)[^\S\n]*", re.I)
_LAST_WORD = re.compile(r"([a-z]+)[^a-z]*$", re.I)


def _unlisted(dr: DescriptorRules, gap: str) -> str:
    """A gap before the mention without the commas and "and"s that list its
    adjectives ("4 mm cluster of round and punctate calcifications", "1.8 cm
    amorphous, cloud-like calcific density"): a join after a descriptor term,
    a size_before word or a modifier-like adjective, before another word, is
    no second phrase ("8 mm stone and calcification" keeps its "and")."""
    out, at = [], 0
    for j in _JOIN.finditer(gap):
        if j.start() == j.end() or not (gap[j.end() :] == "" or gap[j.end()].isalpha()):
            continue  # a join before another word or right before the mention
        last = _LAST_WORD.search(gap, 0, j.start())
        word = last.group(1).lower() if last else ""
        listed = (
            dr.term_end.search(gap, 0, j.start()) is not None
            or word in dr.size_before
            or word.endswith(dr.modifier_endings)
        )
        if listed and word:
            out.append(gap[at : j.start()] + " ")
            at = j.end()
    return "".join(out) + gap[at:]


def _before_ok(dr: DescriptorRules, gap: list[str]) -> bool:
    """May a size before the mention be its? Only size_before words and a few
    plain adjectives between ("5 mm well-circumscribed calcified granuloma"),
    an extent's "area of" at most: no lesion noun, number, earlier-size word
    or size_gap_stops word."""
    gap = carried(dr, gap)
    rest = [w for w in gap if w not in dr.size_before and w not in "-()"]
    stops = dr.lesion_nouns | dr.size_blockers | dr.size_gap_stops
    return (
        len(rest) <= dr.window
        and all(w.isalpha() for w in rest)
        and not stops & set(rest)
    )


def _subject(dr: DescriptorRules, gap: list[str], mention: str) -> bool:
    """Is a size before a predicate mention its subject's ("a 3 cm posterior
    fibroid is densely calcified", "the 3 cm mass in the pelvis is partially
    calcified")? The mention is one adjective, a copula ends the gap (but
    for size_before adverbs) and no other number or earlier-size word
    stands in it."""
    while gap and gap[-1] in dr.size_before:
        gap = gap[:-1]
    return (
        len(mention.split()) == 1
        and mention.lower() in dr.size_adjectives
        and len(gap) >= 2
        and gap[-1] in dr.copulas
        and len(gap) <= dr.window + 2
        and not dr.size_blockers & set(gap)
        and not any(w[0].isdigit() or not w[0].isalnum() for w in gap)
    )


# the subject's last word and the comma that sets a size off after it, a size
# lead and its adverbs aside ("node, 14 mm", "mass, measuring about 3 cm");
# each word whole ('(?![a-z])'): split every way, a word of n letters before a
# character that fails the match cost 2**n steps
_SET_OFF = re.compile(r"([a-z]+)[^\S\n]*,((?:[^\S\n]*[a-z]+(?![a-z]))*)[^\S\n]*$", re.I)


def _set_off_subject(
    dr: DescriptorRules,
    text: str,
    at: int,
    gap: list[str],
    mention: str,
    closes: bool = False,
) -> bool:
    """Is a size that commas set off after the subject, before a predicate
    adjective mention, the subject's ("A subcarinal node, 14 mm, is densely
    calcified", "the mass, measuring 3 cm, is partially calcified", and with
    no copula when the mention `closes` its sentence: "a nodule, 5 mm,
    calcified", "a node, now 8 mm and calcified")? The mention is one
    adjective; between the size and it only a comma, a copula and
    size_before adverbs, or an "and" when it closes its sentence; before the
    size a word, a comma and at most a size lead with its adverbs or a
    "now" (`at`: where the size starts). With no commas, a copula alone between: a lesion noun and a
    size lead right before the size ("a granuloma measuring 6 mm is
    calcified": _led_subject)."""
    while gap and gap[-1] in dr.size_before:
        gap = gap[:-1]
    if len(mention.split()) != 1 or mention.lower() not in dr.size_adjectives:
        return False
    if len(gap) == 1 and gap[0] in dr.copulas:
        return _led_subject(dr, text, at)
    copula = len(gap) == 2 and gap[1] in dr.copulas
    # "Treated node, now 8 mm and calcified.": the two predicates an "and"
    # joins after the comma, the mention closing the sentence
    joined = gap == ["and"] and closes
    if not joined and (
        not gap or gap[0] != "," or not (copula or (len(gap) == 1 and closes))
    ):
        return False
    before = _SET_OFF.search(text, max(0, at - 60), at)
    if before is None:
        return False
    lead = before.group(2).lower().split()
    return all(
        w in dr.size_leads or w in dr.size_before or w in dr.size_current for w in lead
    )


_LEAD_WORD = re.compile(r"([a-z]+)[^\S\n]*$", re.I)


def _led_subject(dr: DescriptorRules, text: str, at: int) -> bool:
    """Do a lesion noun and a size lead, with size_before adverbs only, stand
    right before the size at `at`, no mark between ("a granuloma measuring
    approximately 6 mm")?"""
    led = False
    for _ in range(4):
        w = _LEAD_WORD.search(text, max(0, at - 30), at)
        if w is None:
            return False
        word, at = w.group(1).lower(), w.start()
        if word in dr.size_leads:
            led = True
        elif word not in dr.size_before:
            return led and word in dr.lesion_nouns
    return False


def _placed_subject(
    dr: DescriptorRules, gap: list[str], mention: str, closes: bool
) -> bool:
    """Is a size before a predicate adjective mention its subject's past a
    place of the subject ("a 6 mm nodule at the left base which is
    calcified", "a 4 mm granuloma in the lingula, densely calcified", "a 6
    mm nodule in the RUL; it is densely calcified")? The mention is one
    adjective; the gap holds a few plain words and one lesion noun, a place
    that a subject_places word opens (no lesion noun, number or
    size_gap_stops word but articles and place words in it), then a relative
    pronoun and a copula, a ';' or ',' and a pronoun standing for the lesion
    and a copula, or a comma when the mention `closes` its sentence;
    size_before adverbs at the end aside."""
    while gap and gap[-1] in dr.size_before:
        gap = gap[:-1]
    if len(mention.split()) != 1 or mention.lower() not in dr.size_adjectives:
        return False
    if len(gap) >= 2 and gap[-2] in RELATIVE_PRONOUNS and gap[-1] in dr.copulas:
        gap = gap[:-2]
    elif (
        len(gap) >= 3
        and gap[-3] in {";", ","}
        and gap[-2] in POINTING_PRONOUNS
        and gap[-1] in dr.copulas
    ):
        gap = gap[:-3]  # "a 6 mm nodule in the RUL; it is densely calcified"
    elif gap[-1:] == [","] and closes:
        gap = gap[:-1]
    else:
        return False
    nouns = [k for k, w in enumerate(gap) if w in dr.lesion_nouns]
    if len(nouns) != 1 or not _before_ok(dr, gap[: nouns[0]]):
        return False
    place = gap[nouns[0] + 1 :]
    if not place:
        return True
    stops = (dr.size_gap_stops | dr.size_blockers) - dr.subject_places - {"the", "of"}
    return (
        place[0] in dr.subject_places
        and len(place) <= 2 * dr.window + 1
        and all(w.isalpha() and w not in stops for w in place)
    )


def _apposed(dr: DescriptorRules, gap: list[str], mention: str) -> bool:
    """Is a size before an adjective mention that a comma sets after its
    lesion, closing the sentence, that lesion's ("a 4.5 mm protruding plaque,
    partially calcified", "a 3 cm mass, densely calcified")? The mention is
    one adjective; a few plain words, the noun last, then the comma and
    size_before adverbs only ("the stent is 8 cm long, heavily calcified":
    a dimension word says the size is the subject's)."""
    while gap and gap[-1] in dr.size_before:
        gap = gap[:-1]
    noun = gap[:-1]
    return (
        len(mention.split()) == 1
        and mention.lower() in dr.size_adjectives
        and gap[-1:] == [","]
        and 1 <= len(noun) <= dr.window + 1
        and all(w.isalpha() for w in noun)
        and noun[-1] not in dr.dimension_words
        and not (dr.size_blockers | dr.size_gap_stops) & set(noun)
    )


# what may follow a mention that closes its sentence or clause
_CLOSES = re.compile(r"[^\S\n]*(?:[.;\n]|$)")
_COLON = re.compile(r"[^\S\n]*:[^\S\n]*")
# "... is seen in the RUL and measures 6 mm": the size predicated of the
# subject, a plural one's too ("are coarse and measure up to 7 mm")
_AND_MEASURES = re.compile(
    r"[^\S\n]*and[^\S\n]+measur(?:es|ing|ed|e)(?:[^\S\n]+(?:approximately|about|up[^\S\n]+to))?[^\S\n]+",
    re.I,
)
_PART_END = re.compile(r"[,;\n]|\.(?=\s|$)")


def size_at(
    dr: DescriptorRules,
    text: str,
    at: int,
    stop: int | None = None,
    closing: bool = False,
) -> tuple[str, re.Match[str]] | None:
    """The size that the first size rule to apply finds right at `at` (ending
    by `stop`), with that rule's id; with `closing`, only a size that closes
    its sentence or clause (`_CLOSES`). The one reading of a size that a
    label, a colon, a comma or a "with" of the measure puts at a place."""
    end = len(text) if stop is None else stop
    for rid, rx in dr.patterns.get("size", []):
        m = rx.match(text, at, end)
        if m is not None and (not closing or _CLOSES.match(text, m.end())):
            return rid, m
    return None


def _size_at(
    dr: DescriptorRules,
    text: str,
    at: int,
    stop: int | None = None,
    closing: bool = False,
) -> re.Match[str] | None:
    """`size_at`'s size alone: what a clause reaches on to past a colon, a
    listed size's comma or a "with" of the measure."""
    found = size_at(dr, text, at, stop, closing)
    return None if found is None else found[1]


def _past_colon(
    dr: DescriptorRules, text: str, bounds: tuple[int, int]
) -> tuple[int, int]:
    """A clause that a colon or "and measures" ends reaches past it when a
    size opens what follows ("Calcified granuloma: 5 mm", "..., size: 5 mm",
    "is seen in the RUL and measures 6 mm"): to the end of that part."""
    lo, hi = bounds
    colon = _COLON.match(text, hi) or _AND_MEASURES.match(text, hi)
    m = None if colon is None else _size_at(dr, text, colon.end())
    if m is None and colon is not None:
        # "Renal calcification: previously 6 mm, currently 4 mm"
        reach = _dated_then_current(dr, text, colon.end())
        return bounds if reach is None else (lo, reach)
    if m is None:
        return bounds
    end = _PART_END.search(text, m.end())
    return lo, end.start() if end else len(text)


_LIST_COMMA = re.compile(r"[^\S\n]*,[^\S\n]*")
_PART_LEAD = re.compile(r"[^\S\n]*(\w+)[^\S\n]+")


def _dated_then_current(dr: DescriptorRules, text: str, at: int) -> int | None:
    """Where the part after a colon at `at` ends when it gives one lesion's
    earlier size and then today's, each led by its word ("previously 6 mm,
    currently 4 mm": threshold_dating, then size_current): both are the
    mention's, the one of now its size (corpora/GUIDE.md, Descriptors,
    size_mm and change). Else None."""
    lead = _PART_LEAD.match(text, at)
    if lead is None or lead.group(1).lower() not in dr.threshold_dating:
        return None
    before = _size_at(dr, text, lead.end())
    comma = None if before is None else _LIST_COMMA.match(text, before.end())
    now = None if comma is None else _PART_LEAD.match(text, comma.end())
    if now is None or now.group(1).lower() not in dr.size_current:
        return None
    today = _size_at(dr, text, now.end())
    if today is None:
        return None
    end = _PART_END.search(text, today.end())
    return end.start() if end else len(text)


def _past_listed_size(dr: DescriptorRules, text: str, hi: int) -> int:
    """A clause that ends in a list of descriptor words reaches on to a size
    that closes that list after a comma ("Calcifications at 3 o'clock:
    amorphous, grouped, 5 mm."): to the size's end, else `hi`."""
    comma = _LIST_COMMA.match(text, hi)
    if comma is None or not dr.term_end.search(text, max(0, hi - 40), hi):
        return hi
    m = _size_at(dr, text, comma.end(), closing=True) or _size_before_place(
        dr, text, comma.end()
    )
    return hi if m is None else m.end()


def _size_before_place(dr: DescriptorRules, text: str, at: int) -> re.Match[str] | None:
    """The size at `at` when a comma and the rest of its sentence follow it
    that hold no other size, once clock-face positions and distances from a
    landmark are set aside ("Calcifications: grouped, pleomorphic, 8 mm,
    left breast 6:00."): the list's place, not another lesion's measure
    ("..., 5 mm, beside a 2 cm mass" stays unsized: corpora/GUIDE.md,
    Descriptors, size_mm, never the size of a different lesion)."""
    m = _size_at(dr, text, at)
    if m is None:
        return None
    comma = _LIST_COMMA.match(text, m.end())
    if comma is None:
        return None
    end = _LIST_END.search(text, comma.end())
    rest = _without_clock(dr, text[comma.end() : end.start() if end else len(text)])
    if any(rx.search(rest) for _, rx in dr.patterns.get("size", [])):
        return None
    return m


_LIST_ITEMS = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:and\b)?|\band\b)[^\S\n]*", re.I)
_LIST_END = re.compile(r"[;\n]|\.(?=\s|$)")


def _listed_sizes(
    dr: DescriptorRules, text: str, span: Span, stop: int, off: int
) -> tuple[float, Word] | None:
    """The largest size of a list that a colon opens right after the mention,
    one size closing each item, for the lesions the mention names ('Calcified
    hilar lymph nodes: right hilar node 12 mm, left hilar node 9 mm, all
    unchanged'; 'Calcified granulomas: RUL 4 mm, LLL 6 mm'): corpora/GUIDE.md,
    Descriptors, size_mm, the largest. Each sized item has only plain words
    before its size, no lesion noun but the mention's own; an item with no
    size has no number; two sized items at least, none dated or set at
    today ("previously 6 mm, currently 4 mm" gives one lesion's sizes now
    and before). `stop`: where the mention's sentence ends for it."""
    colon = _COLON.match(text, span.end_char, stop)
    if colon is None:
        return None
    end = _LIST_END.search(text, colon.end(), stop)
    hi = end.start() if end else stop
    head = span.text.split()[-1].lower()
    own = {head, head.rstrip("s"), head.rstrip("s") + "s"}
    best: tuple[float, Word] | None = None
    sized, at = 0, colon.end()
    for sep in [*_LIST_ITEMS.finditer(text, at, hi), None]:
        item_end = hi if sep is None else sep.start()
        if item_end <= at:
            if sep is not None:
                at = sep.end()
            continue
        m = None
        for rid, rx in dr.patterns.get("size", []):
            for found in rx.finditer(text, at, item_end):
                if not text[found.end() : item_end].strip():
                    m, m_rid = found, rid
                    break
            if m is not None:
                break
        before = _plain(text[at : m.start() if m else item_end])
        if dr.threshold_dating & set(before) or dr.size_current & set(before):
            return None  # "previously 6 mm, currently 4 mm": one lesion's sizes
        if m is None:
            if any(ch.isdigit() for ch in text[at:item_end]):
                return None
        elif (
            len(before) > dr.window + 2
            or not all(w.isalpha() for w in before)
            or (dr.lesion_nouns & set(before)) - own
        ):
            return None
        else:
            sized += 1
            value = size_mm(dr, m)
            if best is None or value > best[0]:
                best = (value, ("size_mm", m_rid, off + m.start(), off + m.end()))
        if sep is None:
            break
        at = sep.end()
    return best if sized >= 2 else None


def _other_item(dr: DescriptorRules, between: str) -> bool:
    """Does the part a comma opens right before the size after the mention
    name a structure a templated list measures (`size_other_structures`:
    "no calcification, main duct 2 mm", "calcifications, CBD 6 mm")? The
    size is that item's, not the calcification's."""
    if "," not in between:
        return False
    part = _plain(between.rsplit(",", 1)[1])
    return not dr.size_other_structures.isdisjoint(part)


def _vessel_caliber(dr: DescriptorRules, gap: list[str], mention: str) -> bool:
    """At a vessel site, does a word naming the vessel's diameter or lumen
    (`size_vessel_caliber_words`) label the size after a mention that names
    no lesion noun ("calcification of the iliac artery, minimal diameter
    7 mm")? The size is the vessel's, not its wall calcification's."""
    if mention.split()[-1].lower() in dr.lesion_nouns:
        return False
    return not dr.size_vessel_calibers.isdisjoint(gap)


def size_of(
    dr: DescriptorRules,
    text: str,
    span: Span,
    bounds: tuple[int, int],
    site_text: str,
    off: int,
    reach: tuple[int, int] | None = None,
    vessel: bool = False,
) -> tuple[float, Word] | None:
    """The size written on the mention: inside it, right before it (only the
    size_before words between) or after it in its clause with no other lesion
    or number between ("granuloma in the RUL measuring 5 mm"). `reach` is
    what the mention's sentence leaves it (from the finding before it to the
    one after it): a size before the mention past a comma or "and" that only
    lists adjectives, and one that a "measuring" part gives past an "and"
    of its place, are in it. `vessel`: the finding's site is a vessel, which
    `site_text` names."""
    if not dr.may_hold_size(text):
        return None  # no unit a size is read in: none of the work below
    if reach is not None:
        listed = _listed_sizes(dr, text, span, reach[1], off)
        if listed is not None:
            return listed
    lo, hi = _past_colon(dr, text, bounds)
    hi = _past_listed_size(dr, text, hi)
    first = lo
    if reach is not None:
        first = min(lo, reach[0])
        hi = _past_and(dr, text, hi, reach[1])
        hi = _size_across(dr, text, hi, reach[1])
        hi = _past_apposed_link(dr, text, lo, hi, reach[1])
        # the mention's last word (span.text would join a Token per word)
        if text[span.start_char : span.end_char].split()[-1].lower() in dr.lesion_nouns:
            hi = _past_measure_with(dr, text, hi, reach[1])
        hi = _past_measure_with(dr, text, hi, reach[1], _EXTENT_WITH)
    best: tuple[int, float, Word] | None = None
    drop = {w.lower() for w in _TOKEN.findall(site_text)} - dr.lesion_nouns
    places: list[tuple[int, int]] | None = None  # read at the first size found
    for rid, rx in dr.patterns.get("size", []):
        for m in rx.finditer(text, first, hi):
            if places is None:
                places = [
                    (d.start(), d.end())
                    for _, distance in dr.patterns.get("distance", [])
                    for d in distance.finditer(text, first, hi)
                ]
            if any(a <= m.start() < b for a, b in places):
                continue  # "6 cm from the nipple": a place, not a size
            if m.end() <= span.start_char:
                joined = _unlisted(dr, text[m.end() : span.start_char])
                gap = words(dr, joined, drop)
                closes = bool(_CLOSES.match(text, span.end_char))
                if _apposed(dr, gap, span.text) and closes:
                    ok = True
                elif _set_off_subject(dr, text, m.start(), gap, span.text, closes):
                    ok = True  # "A subcarinal node, 14 mm, is densely calcified"
                elif _placed_subject(dr, gap, span.text, closes):
                    ok = True  # "a 6 mm nodule at the left base which is calcified"
                elif m.start() < lo and dr.clause_breaks.search(joined):
                    continue  # another clause's size
                else:
                    ok = _before_ok(dr, gap) or _subject(dr, gap, span.text)
                if ok and _earlier_before(dr, text, m.start(), span.end_char, hi):
                    continue  # "previously noted 10 mm deposit ..., now 3 mm"
                dist = span.start_char - m.end()
            elif m.start() < lo:
                continue
            elif m.start() >= span.end_char:
                between = _without_clock(dr, text[span.end_char : m.start()])
                between = _without_compared(dr, between)
                gap = words(dr, between, drop)
                rest = words(dr, text[m.end() : hi], set())
                after = rest[:1]
                raw = _plain(text[m.end() : hi])[:2]
                if _changed_to_from(dr, text, between, m):
                    after = []  # "increased to 5 mm from 4 mm": today's size first
                ok = _after_ok(dr, gap, after, span.text, raw)
                if not ok and _set_off_range(dr, between, m):
                    ok = _after_ok(dr, gap[:-1], after, span.text, raw)
                now = _changed_to(dr, between, m)
                if not ok and now is not None:
                    # "has decreased in size from 14 mm to 6 mm": today's size;
                    # the change words and their "from" end the mention's
                    # phrase as a comma would ("in the RUL has grown from")
                    ok = _after_ok(dr, gap[:-1], after, span.text, raw)
                    ok = ok or _after_ok(dr, [*gap[:-1], ","], after, span.text, raw)
                    if ok and (best is None or m.start() - span.end_char < best[0]):
                        word = ("size_mm", rid, off + m.start(), off + m.end())
                        best = (m.start() - span.end_char, now, word)
                    continue
                ok = ok and not _dated(dr, rest[:3])
                host = site_text if vessel else ""
                ok = ok and not ("," in gap and _hosted(dr, text, lo, host))
                ok = ok and not (vessel and _vessel_caliber(dr, gap, span.text))
                ok = ok and not _other_item(dr, between)
                dist = m.start() - span.end_char
            else:
                ok, dist = span.start_char <= m.start() and m.end() <= span.end_char, 0
            if ok and (best is None or dist < best[0]):
                word = ("size_mm", rid, off + m.start(), off + m.end())
                best = (dist, size_mm(dr, m), word)
    return None if best is None else (best[1], best[2])


# a part of a gap set off by commas (its words are group 1, a comma after it)
_COMMA_PART = re.compile(r",([^,;\n]*)(?=,)")


def _without_compared(dr: DescriptorRules, between: str) -> str:
    """The text between a mention and a size after it without a part set off
    by commas that a change term opens and only the words naming the earlier
    study follow (size_compared_asides: ", unchanged from prior,", ", stable
    since the last exam,"): it compares the finding with that study, dates no
    number, and leaves the size after it the mention's. Else the text."""
    if "," not in between:
        return between
    for part in _COMMA_PART.finditer(between):
        body = part.group(1).strip()
        opener = dr.terms.match(body)
        if opener is None or dr.term(opener.group())["field"] != "change":
            continue
        rest = _plain(body[opener.end() :])
        if rest and set(rest) <= dr.size_compared_asides:
            return between[: part.start()] + between[part.end() :]
    return between


def _earlier_before(
    dr: DescriptorRules, text: str, at: int, mention_end: int, hi: int
) -> bool:
    """Is the size at `at`, before the mention, an earlier size of it: dating
    words lead it ("Previously noted 10 mm calcific deposit") and a
    size_current word after the mention gives today's (", now 3 mm")? The
    size the report gives is the one of now (corpora/GUIDE.md, Descriptors,
    size_mm; 'previously 4 mm, now 6 mm' -> 6)."""
    line = text.rfind("\n", 0, at) + 1
    lead = {w.lower() for w in WORD.findall(text[line:at])[-2:]}
    if not dr.threshold_dating & lead:
        return False
    after = {w.lower() for w in WORD.findall(text[mention_end:hi])}
    return bool(dr.size_current & after)


# ", the largest on the left measuring 3.2 cm", ", measuring up to 8 mm": a
# part that a size lead opens
_LED_PART = re.compile(r"[^\S\n]*,[^\S\n]*(?:the[^\S\n]+)?(\w+)", re.I)


_FROM_END = re.compile(r"\bfrom[^\S\n]*$", re.I)
_TO_JOIN = re.compile(r"[^\S\n]to[^\S\n]", re.I)


def _changed_to(dr: DescriptorRules, between: str, m: re.Match[str]) -> float | None:
    """Today's size when a change term and "from" lead a size range joined by
    "to" ("has decreased in size from 14 mm to 6 mm", "grown from 4 to 7
    mm"): its last dimension, in millimetres; else None."""
    if not _FROM_END.search(between) or not _TO_JOIN.search(m.group("dims") + " "):
        return None
    if not _change_in(dr, between):
        return None
    if len(_DIM.findall(m.group("dims"))) != 2:
        return None
    return round(_dims_mm(dr, m)[-1], 2)


_TO_END = re.compile(r"\bto[^\S\n]*$", re.I)
_FROM_NUMBER = re.compile(r"[^\S\n]*from[^\S\n]+\d", re.I)
_COMMA_FROM_END = re.compile(r",[^\S\n]*from[^\S\n]*$", re.I)


def _change_in(dr: DescriptorRules, between: str) -> bool:
    """Does a change term with a value stand in `between`?"""
    return any(
        dr.term(t.group())["field"] == "change" and dr.term(t.group())["value"]
        for t in dr.terms.finditer(between)
    )


def _changed_to_from(
    dr: DescriptorRules, text: str, between: str, m: re.Match[str]
) -> bool:
    """Is the size today's, written first after a change term and "to" with
    the earlier size after it ("increased to 5 mm from 4 mm")? The "from"
    after it then opens the earlier size, no distance."""
    return (
        bool(_TO_END.search(between))
        and bool(_FROM_NUMBER.match(text, m.end()))
        and _change_in(dr, between)
    )


def _set_off_range(dr: DescriptorRules, between: str, m: re.Match[str]) -> bool:
    """Is the size a range set off by a comma and its own "from" (",
    from 2 to 5 mm"), no change term before it (", decreased from 5 mm to
    3 mm" is a change: _changed_to)? A range runs from the smaller size up;
    ", from 5 mm to 3 mm" says no range."""
    if not (
        _COMMA_FROM_END.search(between)
        and _TO_JOIN.search(m.group("dims") + " ")
        and len(_DIM.findall(m.group("dims"))) == 2
        and not _change_in(dr, between)
    ):
        return False
    low, high = _dims_mm(dr, m)
    return low <= high


def _dated(dr: DescriptorRules, after: list[str]) -> bool:
    """Do the words right after a size date it to an earlier study ("8 mm on
    the prior study", "6 mm on XXXX")? Then it is no size of today."""
    if len(after) < 2 or after[0] != "on":
        return False
    nxt = after[2] if after[1] == "the" and len(after) > 2 else after[1]
    return nxt in dr.threshold_dating


def _size_across(dr: DescriptorRules, text: str, hi: int, stop: int) -> int:
    """A clause that ends inside a size ("granulomas measuring 3 and 5 mm":
    the "and" between its numbers is no break) reaches to the size's end,
    no further than `stop`."""
    lo = max(0, hi - _SIZE_REACH_BACK)
    for _, rx in dr.patterns.get("size", []):
        for m in rx.finditer(text, lo, stop):
            if m.start() < hi < m.end():
                return m.end()
            if m.start() >= hi:
                break
    return hi


# "with a diameter of", "with a maximal size of": a "with" that only opens the
# mention's own measure
_MEASURE_WITH = re.compile(
    r"[^\S\n]*with[^\S\n]+an?[^\S\n]+(?:(?:maximal|maximum|greatest|largest|long-axis|"
    r"short-axis|mean)[^\S\n]+)?(?:diameter|size|dimension|length|width)[^\S\n]+of"
    r"(?:[^\S\n]+(?:approximately|about|up[^\S\n]+to))?[^\S\n]+",
    re.I,
)


# "with an extent of", "with a total span of": a "with" that opens the extent
# of the calcifications themselves, whatever the mention names
_EXTENT_WITH = re.compile(
    r"[^\S\n]*with[^\S\n]+an?[^\S\n]+(?:(?:total|overall|maximal|maximum|greatest|"
    r"largest)[^\S\n]+)?(?:extent|span)[^\S\n]+of"
    r"(?:[^\S\n]+(?:approximately|about|up[^\S\n]+to))?[^\S\n]+",
    re.I,
)


def _past_measure_with(
    dr: DescriptorRules,
    text: str,
    hi: int,
    stop: int,
    measure: re.Pattern[str] = _MEASURE_WITH,
) -> int:
    """A clause that a "with" ends reaches past it to the size right after
    when the "with" only opens the mention's own measure ("calcified nodule
    with a diameter of 6 mm"); no further than `stop`. The diameter only
    for a mention that names a lesion: "calcified aorta with a diameter of
    3 cm" gives the vessel's; an extent (`_EXTENT_WITH`) for any mention:
    "calcifications with an extent of 2 cm" spread that far."""
    m = measure.match(text, hi, stop)
    size = None if m is None else _size_at(dr, text, m.end(), stop)
    return hi if size is None else size.end()


# how far before a clause end a size that crosses it may begin
_SIZE_REACH_BACK = 16


def _past_apposed_link(
    dr: DescriptorRules, text: str, lo: int, hi: int, stop: int
) -> int:
    """A clause that a restating link set off by commas ends ("calcified
    mass along the falx, compatible with a meningioma, measures 2 cm")
    reaches on to the end of the part after the closing comma when a size
    lead opens that part and a size stands in it: the apposition names what
    the mass is, the size is the mass's (GUIDE: size of the calcified lesion
    the mention names). No further than `stop`, and no number, ";" or
    sentence end inside the apposition."""
    comma = text.rfind(",", lo, hi)
    if comma < 0:
        return hi
    link = dr.restating.search(text, comma + 1, stop)
    if link is None or link.start() > hi or text[comma + 1 : link.start()].strip():
        return hi
    close = text.find(",", link.end(), stop)
    if close < 0 or re.search(r"[\d;:\n]|\.(?=\s|$)", text[link.end() : close]):
        return hi
    part = _LED_PART.match(text, close)
    if part is None or part.group(1).lower() not in dr.size_leads:
        return hi
    return _sized_part_end(dr, text, part, stop, hi)


def _past_and(dr: DescriptorRules, text: str, hi: int, stop: int) -> int:
    """A clause that an "and" of the mention's place ends ("calcifications in
    the skin and subcutaneous tissue, measuring up to 8 mm") reaches on to
    the end of the part after the next comma when a size lead opens that part
    and a size stands in it; no further than `stop`."""
    joined = re.match(r"and[^\S\n]+(\w+)", text[hi:stop], re.I)
    if joined is None or joined.group(1).lower() in dr.size_new_phrase:
        return hi  # "and a nodule in the left lung, measuring 6 mm": its size
    comma = text.find(",", hi, stop)
    part = _LED_PART.match(text, comma) if comma >= 0 else None
    if part is None or part.group(1).lower() not in dr.size_leads:
        return _lead_after_place(dr, text, hi, stop)
    if re.search(r"[;:\n]|\.(?=\s|$)", text[hi:comma]):
        return hi
    return _sized_part_end(dr, text, part, stop, hi)


def _sized_part_end(
    dr: DescriptorRules, text: str, part: re.Match[str], stop: int, hi: int
) -> int:
    """The end of the part a size lead opens (`part`), no further than
    `stop`, when a size stands in it; else `hi`, where the clause ended."""
    end = _PART_END.search(text, part.end(), stop)
    end_at = end.start() if end else stop
    for _, rx in dr.patterns.get("size", []):
        if rx.search(text, part.end(), end_at):
            return end_at
    return hi


# "and the lingula measuring up to 4 mm": an "and" and the words after it
# (the place words it adds and a size lead), no comma between
_AND_WORDS = re.compile(r"and((?:[^\S\n]+[\w-]+){2,5})", re.I)
_WORD_AT = re.compile(r"[\w-]+")
_AND_WORD = re.compile(r"\band\b", re.I)


def _lead_after_place(dr: DescriptorRules, text: str, hi: int, stop: int) -> int:
    """A clause that an "and" of the mention's place ends ("calcified
    nodules in the left upper lobe and lingula measuring up to 4 mm") reaches
    on to the end of the part a size lead opens right after the place words
    the "and" adds, when a size stands in it; the words the "and" adds name
    no lesion of their own ("and aneurysm measuring 4 cm"), and the part
    holds one size only. Else `hi`."""
    m = _AND_WORDS.match(text, hi, stop)
    if m is None:
        return hi
    found = list(_WORD_AT.finditer(text, m.start(1), m.end()))
    lead = next((k for k, w in enumerate(found) if w.group().lower() in dr.size_leads), 0)
    added = [w.group().lower() for w in found[:lead]]
    if not added or any(w in dr.lesion_nouns or w in dr.size_new_phrase for w in added):
        return hi
    end = _PART_END.search(text, found[lead].end(), stop)
    end_at = end.start() if end else stop
    sizes = [
        m.group()
        for _, rx in dr.patterns.get("size", [])
        for m in rx.finditer(text, found[lead].end(), end_at)
    ]
    # one size for the places the 'and' joins; several ('4 mm and 7 mm
    # respectively', read as one listed size) are each place's, none the
    # mention's
    if len(set(sizes)) != 1 or _AND_WORD.search(sizes[0]):
        return hi
    return end_at


def restated_head(
    dr: DescriptorRules, text: str, spans: list[Span], i: int, sent: Span
) -> tuple[int, int] | None:
    """The lesion a finding restates when its sentence names it as what a
    focus, density or nodule before it is ("Punctate 2 mm focus in the renal
    sinus, may represent vascular calcification"): that lesion's clause in
    characters, or None. Only when no finding stands between them."""
    span = spans[i]
    lo = sent.start_char
    if i and spans[i - 1].start >= sent.start:
        lo = max(lo, spans[i - 1].end_char)
    # the lesion is named by a head word (`_names_head`) between `lo` and the
    # mention: with none of them written there, there is none to find
    if dr.restated_head_words.search(text[lo : span.start_char].lower()) is None:
        return None
    for stop in _FULL_STOP.finditer(text, lo, span.start_char):
        lo = stop.end()  # "Prostate volume 46 mL.  A 7 mm signal void ...": one sentence
    links = list(dr.size_restating.finditer(text, lo, span.start_char))
    # "a 3 mm echogenic focus ... is a calcification": a copula and an
    # article right before the mention (size_identity_links) name it as the
    # focus, as "represents" does; not "there is a", which names no subject
    said = [
        m
        for m in dr.size_identity.finditer(text, lo, span.start_char)
        if len(words(dr, text[m.end() : span.start_char], set())) <= dr.window
        and not _THERE_BEFORE.search(text, lo, m.start())
    ]
    if said and (not links or said[-1].start() > links[-1].start()):
        links.append(said[-1])
    if links:
        link = links[-1]
        between = words(dr, text[link.end() : span.start_char], set())
        if len(_last_alternative(dr, between)) > dr.window:
            return None
        comma = text.rfind(",", lo, link.start())
        if comma < 0:  # "5 mm density likely representing a calcified granuloma"
            comma = link.start()
        elif _names_head(dr, _plain(text[comma + 1 : link.start()])):
            comma = link.start()  # "Separately, a 5 mm focus ... is compatible with"
        elif not _hedge_only(dr, text[comma + 1 : link.start()]):
            return None  # the link opens its own phrase after a comma
    else:
        comma = _differential(dr, text, lo, span)
        if comma < 0:
            comma = _predicated(dr, text, lo, span)
        if comma < 0:
            return None
    # the nearest clause before the comma that names a focus, density, nodule
    breaks = [c for c in dr.clause_breaks.finditer(text, lo, comma) if not _in_size(text, c)]
    cuts = [lo] + [c.end() for c in breaks]
    ends = cuts[1:] + [comma]
    openers = [""] + [c.group().lower() for c in breaks]
    denied = _denied(dr, openers)
    for k in reversed(range(len(cuts))):
        if _names_head(dr, _plain(text[cuts[k] : ends[k]])) and not denied[k]:
            return cuts[k], _led_end(dr, text, cuts[k + 1 :], ends[k + 1 :], ends[k])
    return None


# a "with" or "without" right before a clause of a head ("focus with
# shadowing ..."): the phrase that says how the focus looks
_FEATURE_OPENED = re.compile(r"(?<!\w)with(?:out)?[^\S\n]*$", re.I)


def _feature_led(dr: DescriptorRules, part: list[str]) -> bool:
    """Does a clause a "with" opens after a head say how it looks and then
    give its size by a lead ("shadowing in the upper pole measuring 3 mm",
    "twinkling artifact measuring 5 mm")? An echo feature (echo_features) and
    the head's short place before the size lead, as `_size_led` reads them."""
    digit = next((j for j, w in enumerate(part) if w[0].isdigit()), None)
    if digit is None or not dr.echo_features & set(part[:digit]):
        return False
    return _size_led(dr, part[:digit], featured=True)


def _led_end(
    dr: DescriptorRules, text: str, cuts: list[int], ends: list[int], end: int
) -> int:
    """Where a head clause ends: past the next clause, or the one after it,
    that a size lead opens ("three echogenic foci, the largest 6 mm"; "two
    foci with shadowing in the lower pole, measuring 2 and 3 mm"), when the
    clause between names no lesion and no number; else its own end."""
    for k in range(min(2, len(cuts))):
        part = _plain(text[cuts[k] : ends[k]])
        if _led(dr, part) or (k == 0 and _size_only(dr, text[cuts[k] : ends[k]])):
            return ends[k]
        if _FEATURE_OPENED.search(text, max(0, cuts[k] - 12), cuts[k]) and _feature_led(
            dr, part
        ):
            return ends[k]  # "focus with shadowing in the upper pole measuring 3 mm"
        if dr.lesion_nouns & set(part) or any(w[0].isdigit() for w in part):
            break
    return end


_WITH = re.compile(r"(?<!\w)with(?!\w)", re.I)
_NUMBER_BEFORE = re.compile(r"\d[^\S\n]*$")
_NUMBER_AFTER = re.compile(r"[^\S\n]*\d")


def _in_size(text: str, cut: re.Match[str]) -> bool:
    """Does a clause break join two numbers of one size ("measuring 2 and 3
    mm")? It then cuts no clause."""
    return bool(
        _NUMBER_BEFORE.search(text, max(0, cut.start() - 4), cut.start())
        and _NUMBER_AFTER.match(text, cut.end())
    )


def host_head(
    dr: DescriptorRules, text: str, spans: list[Span], i: int, sent: Span
) -> tuple[int, int] | None:
    """The sized lesion that holds the finding a calcified-word finding i
    restates ("4 cm fundal mass with coarse calcification, consistent with a
    calcified fibroid": the fibroid is the mass, and takes its size), as a
    clause for head_size: from the finding before the host, or the sentence
    start, to the "with" right before the restated finding. None when the
    mention is no calcified lesion ("... with calcifications, likely
    microcalcifications") or no "with" hosts the finding before it."""
    mention = spans[i].text.lower().split()
    if len(mention) < 2 or mention[0] not in dr.size_adjectives:
        return None
    prev = spans[i - 1]
    lo = sent.start_char
    if i > 1 and spans[i - 2].start >= sent.start:
        lo = spans[i - 2].end_char
    withs = list(_WITH.finditer(text, lo, prev.start_char))
    if not withs:
        return None
    between = text[withs[-1].end() : prev.start_char]
    carrier = _CARRIER_OF.search(between)
    if carrier is not None and carrier.group(1).lower() in dr.size_carriers:
        between = between[: carrier.start()]  # "with a thin rim of calcification"
    gap = words(dr, between, set())
    if len(gap) > dr.window or not all(w.isalpha() for w in gap):
        return None
    if dr.size_gap_stops & set(gap):
        return None
    return lo, withs[-1].start()


# A carrier noun and "of" right before a finding ("a thin rim of"): its word
# is group 1.
_CARRIER_OF = re.compile(r"(\w+)[^\S\n]+of[^\S\n]*$", re.I)


def _hedge_only(dr: DescriptorRules, opener: str) -> bool:
    """Are the words between a comma and a restating link only the link's
    hedge ("..., which likely represents", "..., favored to represent"), no
    phrase of their own? Read only where a comma stands before the link:
    without one the words would run from the sentence's start (from the
    report's, where no comma is found), a scan of the whole text per finding."""
    kept = words(dr, dr.restating.sub(" ", opener), set())
    return set(w for w in kept if w != "to") <= dr.restating_openers


def _names_head(dr: DescriptorRules, part: list[str]) -> bool:
    """Does a clause name a focus, density or nodule that is no finding
    itself? One a calcified-word qualifies ("5 mm calcific density") is a
    calcification the report names, and keeps its size (GUIDE: the size stays
    on the finding whose phrase gives it); a cystic one holds what is named
    ("1.6 cm cystic structure with layering echogenic material, consistent
    with milk of calcium"). A head word a 'non-' prefix denies names none
    ("segmental non-mass enhancement, corresponding to the calcifications":
    an enhancement, whose distribution is not the calcifications')."""
    own = dr.size_adjectives | dr.head_containers
    return any(
        w in dr.restated_heads
        and not (k and part[k - 1] in own)
        and not _non_prefixed(part, k)
        for k, w in enumerate(part)
    )


def _non_prefixed(part: list[str], k: int) -> bool:
    """Is token k written after a 'non-' prefix ('non-mass')?"""
    return k >= 2 and part[k - 1] == "-" and part[k - 2] == "non"


def _plain(text: str) -> list[str]:
    """The tokens of a text, lower case, descriptor terms kept ("larger")."""
    return [t.lower() for t in _TOKEN.findall(text)]


# a full stop the sentence splitter read as an abbreviation's ("46 mL.  A 7 mm")
_FULL_STOP = re.compile(r"\.[^\S\n]{2,}(?=[A-Z])")
# "there" right before a copula: "there is a ..." opens a noun phrase
_THERE_BEFORE = re.compile(r"(?<!\w)there[^\S\n]*$", re.I)


def _last_alternative(dr: DescriptorRules, between: list[str]) -> list[str]:
    """The words between a restating link and the mention from the last "or",
    "versus" or opening bracket on ("may represent a stone or a parenchymal
    calcification": the mention is one of the things the focus may be; "in
    keeping with a scrotal pearl (calcified loose body)": it names the same
    thing again)."""
    alts = [
        k
        for k, w in enumerate(between)
        if w in ("or", "(") or dr.differential.fullmatch(w)
    ]
    return between[alts[-1] + 1 :] if alts else between


def _denied(dr: DescriptorRules, openers: list[str]) -> list[bool]:
    """Which clauses a "without" opens, or an "or"/"and" goes on from such a
    clause ("focus in the stroma, without a surrounding cyst or mass"): a
    lesion they deny is no head."""
    out: list[bool] = []
    for word in openers:
        out.append(word in dr.head_denials or (word in ("or", "and") and out[-1]))
    return out


def _led(dr: DescriptorRules, part: list[str]) -> bool:
    """Does a size lead open the clause ("the largest 6 mm", "the larger
    measuring 5 mm")?"""
    part = part[1:] if part[:1] == ["the"] else part
    return bool(part) and part[0] in dr.size_leads


def _differential(dr: DescriptorRules, text: str, lo: int, span: Span) -> int:
    """The comma that opens a differential naming the mention as what the
    lesion before it may be ("7 mm focus, hemorrhage versus calcification",
    "..., calcification or a small stone", past a hedge of differential_hedges:
    "..., probable calcification versus gas"), or an apposition that closes the
    sentence ("8 mm nodule in the left base, a calcified granuloma."): its
    position, or -1."""
    comma = text.rfind(",", lo, span.start_char)
    if comma < 0:
        return -1
    before = words(dr, text[comma + 1 : span.start_char], set())
    if before and len(before) <= dr.window and dr.differential.fullmatch(before[-1]):
        return comma
    after = dr.differential.match(text, skip_spaces(text, span.end_char))
    if set(before) <= dr.size_new_phrase | dr.differential_hedges and after is not None:
        return comma  # "..., (possible) calcification versus stone"
    if _apposition(dr, text, before, span.end_char):
        return comma  # an apposition names what the lesion before it is
    return -1


def _apposition(dr: DescriptorRules, text: str, before: list[str], end: int) -> bool:
    """Is the mention, with the words `before` it after a comma, an apposition:
    an article and size words only ("a tiny calcification"), closing its
    sentence or set off by a comma of its own that no "and"/"or" of a list
    follows ("2 mm focus, a calcification, in the right kidney"; "5 mm focus
    in segment 2, a calcified granuloma, stable")?"""
    if not before or before[0] not in dr.size_new_phrase:
        return False
    if not set(before[1:]) <= dr.apposition_words:
        return False
    rest = text[end : end + 2].lstrip(" \t")
    if not rest or rest[0] in ".\n":
        return True
    if rest[0] != ",":
        return False
    nxt = _plain(text[end + 1 : end + 40])
    return bool(nxt) and nxt[0] not in _LIST_GOES_ON


# after the comma that closes an apposition, words that go on with a list
# ("8 mm nodule, a calcified granuloma, and a 3 mm cyst"): no apposition
_LIST_GOES_ON = frozenset({"and", "or", "a", "an", "as", "with", "which", "measuring"})


def _predicated(dr: DescriptorRules, text: str, lo: int, span: Span) -> int:
    """The semicolon or comma that opens a part the mention opens and a
    restating predicate follows ("7 mm hyperdense focus; calcification is
    favored over hemorrhage"): its position, or -1."""
    if dr.restating_predicates.match(text, skip_spaces(text, span.end_char)) is None:
        return -1
    cut = max(text.rfind(";", lo, span.start_char), text.rfind(",", lo, span.start_char))
    if cut < 0:
        return -1
    before = words(dr, text[cut + 1 : span.start_char], set())
    return cut if set(before) <= dr.phrase_openers else -1


def skip_spaces(text: str, at: int) -> int:
    """The position of the first character at or past `at` that is no space
    or tab (a line break is not passed). The descriptor readers' one way to
    step to the next word."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def head_size(
    dr: DescriptorRules,
    text: str,
    head: tuple[int, int],
    off: int,
    site_text: str = "",
) -> tuple[float, Word] | None:
    """The size a restated head gives its lesion noun ("2 mm echogenic focus"):
    the first size with only size_before words between it and the noun, or
    one a size lead gives the noun right after it ("three echogenic foci, the
    largest 6 mm"). None when the noun holds another head ("7 mm nodule
    containing echogenic foci": the foci are what is restated). The words of
    the finding's `site_text` between the size and the noun count as none
    there, as in `size_of` ("6 mm left upper lobe pulmonary nodule, possibly
    calcified": the site's 'pulmonary' is no other word of the phrase)."""
    lo, hi = head
    drop = {w.lower() for w in _TOKEN.findall(site_text)} - dr.lesion_nouns
    for rid, rx in dr.patterns.get("size", []):
        for m in rx.finditer(text, lo, hi):
            gap = words(dr, text[m.end() : hi], drop)
            noun = next((k for k, w in enumerate(gap) if w in dr.restated_heads), None)
            if noun is not None and _before_ok(dr, gap[:noun]):
                if dr.size_hosts & set(gap[noun + 1 :]):
                    continue  # "7 mm nodule containing a 2 mm focus": the focus's
                word = ("size_mm", rid, off + m.start(), off + m.end())
                return size_mm(dr, m), word
            before = _plain(text[lo : m.start()])
            noun = next(
                (k for k in reversed(range(len(before))) if before[k] in dr.restated_heads),
                None,
            )
            if noun is not None and (
                _size_led(dr, before[noun + 1 :])
                or _set_off_size(dr, before[noun + 1 :], text[m.end() : hi])
            ):
                word = ("size_mm", rid, off + m.start(), off + m.end())
                return size_mm(dr, m), word
    return None


def _size_only(dr: DescriptorRules, part: str) -> bool:
    """Is a clause only a size, set off by commas after the lesion it sizes
    ("Echogenic focus in the left kidney, 3 mm, possibly ...")?"""
    part = part.strip(" \t,")
    return bool(part) and any(rx.fullmatch(part) for _rid, rx in dr.patterns.get("size", []))


def _set_off_size(dr: DescriptorRules, gap: list[str], after: str) -> bool:
    """Is a size after a lesion noun its own part set off by commas, after a
    short place of the noun ("focus in the lower pole, 3 mm, possibly a
    calcification"; corpora/GUIDE.md size_mm: a finding its sentence names
    as what a sized focus is takes that size), the same place `_size_led`
    allows before a size lead, and nothing but the closing comma after it?"""
    if not gap or gap[-1] != "," or after.strip(" \t,"):
        return False
    place = _without_refs(dr, gap[:-1])
    # an echo feature and two place phrases may stand there ("focus with
    # posterior acoustic shadowing within the supraspinatus tendon, 11 mm,"):
    # the commas set the size off, so a longer place than before a lead
    return (
        len(place) <= 3 * dr.window
        and not dr.lesion_nouns & set(place)
        and not any(w[0].isdigit() or w in (";", ":", ".", ",") for w in place)
    )


def _size_led(dr: DescriptorRules, gap: list[str], featured: bool = False) -> bool:
    """Is the gap between a lesion noun and a size after it a size lead
    (", the largest measuring"; "foci up to"), after a short place of the
    noun holding no other lesion and no number ("foci in the lower pole,
    measuring"; "focus in the right kidney measuring"); a numbered place's
    number is no other number ("foci in segment 6, the larger 7 mm":
    `_without_refs`)? `featured`: the gap is the rest of a clause a "with"
    opened ("shadowing in the lower pole measuring")."""
    leading = dr.size_lead_words
    k = len(gap)
    while k and gap[k - 1] in leading:
        k -= 1
    place, lead = _without_refs(dr, gap[:k]), [w for w in gap[k:] if w != ","]
    # an echo feature and its "with" say how the noun looks, no place: the
    # place after them may be as long as the set-off one (`_set_off_size`)
    reach = 2 * dr.window
    if place[:1] in (["with"], ["without"]) and dr.echo_features & set(place):
        place, featured = place[1:], True
    if featured:
        place = [w for w in place if w not in dr.echo_features]
        reach = 3 * dr.window
    return (
        _led(dr, lead)
        and len(place) <= reach  # a place of a few words
        and not dr.lesion_nouns & set(place)
        and not any(w[0].isdigit() or w in (";", ":", ".") for w in place)
    )


# After a predicate change word, the side a finding is compared with ("similar
# to the left", "similar to that on the right"): its word is group 1.
_SIDE_COMPARED = re.compile(
    r"[^\S\n]+to[^\S\n]+(?:(?:that|those)[^\S\n]+(?:on|in)[^\S\n]+)?"
    r"(?:the[^\S\n]+)?(\w+)",
    re.I,
)


def compares_a_side(dr: DescriptorRules, text: str, at: int) -> bool:
    """Does a side follow the change word ending at `at`, as what it compares
    with ("similar to the right", "similar to that on the left")? It grades
    the finding against the other side, not an earlier study (GUIDE: change,
    a comparison with another thing gives none)."""
    side = _SIDE_COMPARED.match(text, at)
    return side is not None and side.group(1).lower() in dr.side_words
