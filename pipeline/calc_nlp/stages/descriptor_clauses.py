"""The clause of a finding for the descriptors stage (corpora/GUIDE.md,
Descriptors): where its words begin and end, and whether a descriptor term
of it is the finding's (a few words before the mention, up to the end the
field allows after it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.descriptor_sizes import (
    WORD,
    carried,
    compares_a_side,
    skip_spaces,
    threshold,
)
from calc_nlp.stages.descriptor_sizes import words as gap_words
from calc_nlp.stages.record import RELATIVE_PRONOUNS

# The word right after a term (none when punctuation or the end comes first).
_NEXT_WORD = re.compile(r"[^\S\n]*([a-z]\w*)", re.I)
# A full stop after a word, where the sentence splitter read none ("swelling. r/o").
_WORD_STOP = re.compile(r"(\w+)\.[^\S\n]")
# Where a comma-delimited segment after a term ends.
_SEGMENT_END = re.compile(r"[,;\n]|\.(?=\s|$)")


@dataclass(frozen=True)
class Clause:
    """A finding's clause in characters: `lo` to the end for change words
    (`hi`), for BI-RADS terms (`hi_shape`, which may pass a shape link) and
    for grades (`hi_grade`, which stops at a comma too)."""

    lo: int
    hi: int
    hi_shape: int
    hi_grade: int
    start: int  # the mention's own characters
    end: int


# Marks that open a bulleted item ('- Stable sarcoidosis with calcified
# hilar nodes.'), followed by blanks.
_BULLET = re.compile(r"[-*\u2022][^\S\n]+")


def body_start(text: str, at: int) -> int:
    """Where the words of the sentence starting at `at` start: past a
    bullet opening its line ('- Stable sarcoidosis ...'), which is no word
    of the sentence (an item's number and period are a sentence of their
    own), else `at`."""
    if at and text[at - 1] not in "\n\r":
        line = text.rfind("\n", 0, at) + 1
        if text[line:at].strip():
            return at
    m = _BULLET.match(text, at)
    return m.end() if m else at


def clause(
    dr: DescriptorRules, text: str, spans: list[Span], i: int, sent: Span
) -> Clause:
    """Finding i's clause: from the last clause break before it (a comma
    between listed descriptor words is none) or the end of the finding before
    it, to the first break after it or the last break before the next finding."""
    span = spans[i]
    prev = spans[i - 1] if i and spans[i - 1].start >= sent.start else None
    nxt = spans[i + 1 : i + 2] if i + 1 < len(spans) else []
    nxt = [s for s in nxt if s.start < sent.end and s.start >= span.end]
    start = prev.end_char if prev is not None else body_start(text, sent.start_char)
    lo = start
    for cut in reversed(list(dr.clause_breaks.finditer(text, start, span.start_char))):
        if (
            not _lists_terms(dr, text, cut, start)
            and not _in_term(dr, text, cut)
            and not _joins_modifiers(dr, text, cut, span.start_char)
            and not _shares_grade(dr, text, cut, span.start_char)
            and not _concedes_grade(dr, text, cut, span.start_char)
        ):
            lo = cut.end()
            break
    if prev is not None:
        lo = _past_restating_link(dr, text, lo, span.start_char)
    stop = nxt[0].start_char if nxt else sent.end_char
    if nxt:
        cuts = list(dr.clause_breaks.finditer(text, span.end_char, stop))
        stop = cuts[-1].start() if cuts else span.end_char
    ends = _first_breaks(dr, text, span.end_char, stop)
    ends[0] = _past_place_and(dr, text, ends[0], stop)
    ends[0] = _with_change_end(dr, text, ends[0], stop)
    ends[0] = _second_relative_end(dr, text, span.end_char, ends[0], stop)
    ends[0] = _past_with_aside(dr, text, ends[0], stop)
    told = _colon_terms(dr, text, span.end_char, stop)
    if told == span.end_char:
        told = _place_colon_terms(dr, text, span.end_char, stop)
    if told == span.end_char:
        told = _labelled_terms(dr, text, span.end_char, stop)
    hi, hi_shape, hi_grade = (max(e, told) for e in ends)
    hi_shape = max(hi_shape, _linked_part(dr, text, hi_shape, stop))
    hi_shape = max(hi_shape, _and_copula_terms(dr, text, hi_shape, stop))
    return Clause(lo, hi, hi_shape, hi_grade, span.start_char, span.end_char)


# A relative clause set off by commas after the noun it describes ("The
# right renal mass, which contains coarse calcification, has grown").
_RELATIVE = re.compile(
    r",[^\S\n]*which[^\S\n]+(?:contains?|has|had|have|holds?|shows?|demonstrates?)\b",
    re.I,
)
# How far before the clause's start the comma opening it may stand.
_RELATIVE_REACH = 8


def relative_end(text: str, lo: int, start: int, end: int, stop: int) -> int:
    """Where the sizes of a finding's clause (`lo` to `stop`) end when its
    mention (`start` to `end`) lies in a relative clause the clause opens
    with ("..., which contains coarse calcification, has grown to 4.2 cm"):
    at the comma that closes it. A size after it is the noun's before the
    relative clause, not the calcification's (guide: never the size of a
    different lesion)."""
    comma = text.rfind(",", 0, start)
    if comma < lo - _RELATIVE_REACH or not _RELATIVE.match(text, comma):
        return stop
    close = text.find(",", end, stop)
    return close if close >= 0 else stop


def _past_restating_link(dr: DescriptorRules, text: str, lo: int, start: int) -> int:
    """Where a finding's clause begins when a restating link stands between
    the finding before it and the mention ("coarse calcification in the
    pelvis, new, corresponding to a calcified fibroid"): after the link. The
    finding names what the one before it is, and the words before the link
    are that finding's (GUIDE: its grade, change and BI-RADS terms stay on
    the phrase that gives them)."""
    for m in dr.restating.finditer(text, lo, start):
        lo = max(lo, m.end())
    return lo


_COLON = re.compile(r"[^\S\n]*[:\-\u2013][^\S\n]*")
_PART_CLOSES = re.compile(r"[^\S\n]*(?:[.,;\n]|$)")
# A part a colon gives may close past a short aside in brackets after its
# term ("Coronary calcification: moderate (LAD and RCA).").
_COLON_PART_CLOSES = re.compile(r"[^\S\n]*(?:\([^()\n]{1,40}\)[^\S\n]*)?(?:[.,;\n]|$)")
# between two descriptor words of that part: "mild to moderate", "dense, coarse",
# and a serial comma before the last of a list: "round, punctate, and grouped"
_LISTED = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:and|or)(?!\w)|,|and|or|to|-)[^\S\n]*", re.I)


def _colon_terms(dr: DescriptorRules, text: str, end: int, stop: int) -> int:
    """Where the descriptor words end that a colon or dash right after the
    mention gives it, when nothing else stands in that part ("Coronary
    calcification: moderate.", "Aortic calcification - mild to moderate",
    "Coronary calcification: moderate (LAD and RCA)."), else `end`."""
    colon = _COLON.match(text, end)
    if colon is None or colon.end() == end or colon.group().strip() == "":
        return end
    at, last = colon.end(), end
    while True:
        m, past = _labelled_term(dr, text, at, len(text))
        if m is None:
            break
        last = past
        lists = _LISTED.match(text, last)
        at = lists.end() if lists is not None else last
        if lists is None:
            break
    if last == end or last > stop or _COLON_PART_CLOSES.match(text, last) is None:
        return end
    return last


def _labelled_term(
    dr: DescriptorRules, text: str, at: int, end: int
) -> tuple[re.Match[str] | None, int]:
    """The term at `at` (before `end`) with the field a structured report
    names before or after it ("morphology fine pleomorphic", "punctate
    morphology"), and where that field name or the term ends; (None, `at`)
    when no term stands there."""
    label = dr.label_before.match(text, at, end)
    m = dr.terms.match(text, label.end() if label is not None else at, end)
    if m is None:
        return None, at
    named = dr.label_after.match(text, m.end(), end)
    return m, named.end() if named is not None else m.end()


def _linked_part(dr: DescriptorRules, text: str, at: int, stop: int) -> int:
    """Where a part after the comma at `at` ends when a shape link opens it
    and a BI-RADS term, with its shape head, closes it ("lymph nodes, some
    with eggshell pattern", "nodes are again seen, with an eggshell
    calcification"): the shape of the mention or of some of what it names.
    Only shape_link_leads words (a quantifier, an article) may stand around
    the link. `at` when no such part follows."""
    if not text.startswith(",", at):
        return at
    words = _LINKED_WORD.finditer(text, at + 1, stop)
    seen_link = False
    for w in words:
        word = w.group(1).lower()
        if word in dr.shape_links and not seen_link:
            seen_link = True
        elif word not in dr.shape_link_leads:
            break
    else:
        return at
    m = dr.terms.match(text, w.start(1))
    if not seen_link or m is None or not dr.term(m.group())["value"]:
        return at
    if dr.term(m.group())["field"] not in ("morphology", "distribution"):
        return at
    nxt = _NEXT_WORD.match(text, m.end())
    end = nxt.end() if nxt is not None and nxt.group(1).lower() in dr.shape_heads else m.end()
    if end > stop or _PART_CLOSES.match(text, end) is None:
        return at
    return end


_AND_COPULA = re.compile(r"[^\S\n]*(?:,[^\S\n]*)?and[^\S\n]+(\w+)[^\S\n]+", re.I)
_NEXT_VERB = re.compile(r"(\w+)[^\S\n]+")


def _and_copula_terms(dr: DescriptorRules, text: str, at: int, stop: int) -> int:
    """Where the BI-RADS words end that a second predicate of the mention
    gives it when an "and" and a copula open it, an anaphor of the mention
    between them or not, and nothing else stands in that part
    ("calcifications have increased in number and are coarse, ...",
    "calcifications are seen in the left breast, and these are amorphous"),
    or a holding verb and a noun naming the terms' pattern ("is stable and
    has a popcorn appearance"), else `at`."""
    m = _AND_COPULA.match(text, at, stop)
    if m is None:
        return at
    pos, verb = m.end(), m.group(1).lower()
    if verb in dr.anaphors and verb != "the":
        nxt = _NEXT_VERB.match(text, pos, stop)
        if nxt is None:
            return at
        pos, verb = nxt.end(), nxt.group(1).lower()
    having = verb in dr.holding_verbs
    if not having and verb not in dr.copulas:
        return at
    if having:
        # "and has a (benign,) popcorn appearance": an article, up to two
        # listed words that are no term, then the terms and a noun that
        # only names their pattern (`appositive_heads`)
        art = _ARTICLE.match(text, pos, stop)
        if art is None:
            return at
        pos = art.end()
        for _ in range(2):
            if _shape_term(dr, text, pos) is not None:
                break
            aside = _ASIDE.match(text, pos, stop)
            if aside is None:
                return at
            pos = aside.end()
    last = _copula_terms_end(dr, text, pos, stop, at)
    if last != at and having:
        head = _HEAD_AFTER.match(text, last, stop)
        if head is None or head.group(1).lower() not in dr.appositive_heads:
            return at
        last = head.end()
    if last == at or last > stop or _PART_CLOSES.match(text, last) is None:
        return at
    return last


def _copula_terms_end(dr: DescriptorRules, text: str, pos: int, stop: int, at: int) -> int:
    """Where the listed BI-RADS terms from `pos` end, each with the field
    named after it ("and are amorphous in morphology and grouped in
    distribution"), as a part of terms reads them (`shape_part`); `at` when
    none stands there."""
    last = at
    while True:
        t, past = _labelled_term(dr, text, pos, stop)
        if t is None or _shape_term(dr, text, t.start()) is None:
            break
        last = past
        lists = _LISTED.match(text, last)
        if lists is None or lists.end() == last:
            break
        pos = lists.end()
    return last


_ARTICLE = re.compile(r"(?:an?|the)[^\S\n]+", re.I)
# a listed word before the terms that is none ("benign, ")
_ASIDE = re.compile(r"\w+[^\S\n]*(?:,|and)[^\S\n]*", re.I)
_HEAD_AFTER = re.compile(r"[^\S\n]+(\w+)")


def _shape_term(dr: DescriptorRules, text: str, pos: int) -> re.Match[str] | None:
    """The BI-RADS morphology or distribution term at `pos`, else None."""
    t = dr.terms.match(text, pos)
    if t is None or dr.term(t.group())["field"] not in ("morphology", "distribution"):
        return None
    return t


# a term phrase an "in" opens ("in a linear distribution")
_IN_PHRASE = re.compile(r"in\s", re.I)


def shape_part(
    dr: DescriptorRules, text: str, start: int, end: int, lead: bool
) -> list[re.Match[str]]:
    """The BI-RADS morphology and distribution terms of a part from `start`
    to `end` (after a semicolon) that holds nothing else: listed, each with
    the field a structured report names before or after it, an anaphor and
    a copula opening it when `lead` ("these are amorphous and grouped",
    "morphology: fine linear"); [] when anything else stands in it."""
    at = skip_spaces(text, start)
    if lead:
        w = _NEXT_VERB.match(text, at, end)
        if w is not None and w.group(1).lower() in dr.anaphors - {"the"}:
            v = _NEXT_VERB.match(text, w.end(), end)
            if v is None or v.group(1).lower() not in dr.copulas:
                return []
            at = v.end()
    found: list[re.Match[str]] = []
    last = at
    while True:
        m, past = _labelled_term(dr, text, at, end)
        if m is None:
            break
        entry = dr.term(m.group())
        if entry["field"] not in ("morphology", "distribution") or not entry["value"]:
            return []
        found.append(m)
        last = past
        lists = _LISTED.match(text, last, end)
        if lists is None or lists.end() == last:
            # a term phrase an "in" opens goes on without a joining word:
            # "amorphous in a grouped distribution"
            at = skip_spaces(text, last)
            term = dr.terms.match(text, at, end)
            if at == last or term is None or not _IN_PHRASE.match(term.group()):
                break
            continue
        at = lists.end()
    if not found or _PART_CLOSES.match(text, last, end) is None:
        return []
    return found


# one word of a part after a comma (a word, a hyphenated one)
_LINKED_WORD = re.compile(r"[^\S\n]*([\w-]+)")


# a few plain words before a colon, each word whole so a long token is not
# split every way before the match fails
# a place of plain words, a clock-face hour among them ("at 3 o'clock")
_PLACE_COLON = re.compile(
    r"[^\S\n]+(?:(?:[a-z][\w'-]*|\d{1,2})(?![\w'-])[^\S\n]*){1,10}(?=:)", re.I
)


def _place_colon_terms(dr: DescriptorRules, text: str, end: int, stop: int) -> int:
    """The descriptor words a colon gives the mention past a few plain words
    of its place ("Calcifications in the left breast: amorphous, grouped."),
    as `_colon_terms` reads them right after the mention; `end` when none.
    No break word may stand in the place, and the colon is no clock's."""
    if text.find(":", end, stop) < 0:
        return end  # no colon to end a place at (the regex's costly failure)
    place = _PLACE_COLON.match(text, end, stop)
    if place is None or dr.after_breaks.search(text, end, place.end()):
        return end
    if text[place.end() + 1 : place.end() + 2].isdigit():
        return end  # "at 7:00"
    last = _colon_terms(dr, text, place.end(), stop)
    return end if last == place.end() else last


# a heading a comma or semicolon may open, right before its colon
_LABEL = re.compile(r"[^\S\n]*(?:[,;][^\S\n]*)?([a-z]+)(?=[^\S\n]*:)", re.I)
# a place of plain words up to a comma or semicolon
_PLACE_COMMA = re.compile(
    r"[^\S\n]+(?:(?:[a-z][\w'-]*|\d{1,2})(?![\w'-])[^\S\n]*){1,10}(?=[,;])", re.I
)


def _labelled_terms(dr: DescriptorRules, text: str, end: int, stop: int) -> int:
    """Where the BI-RADS words end that the headings of a structured report
    give the mention right after it or past a few plain words of its place
    ("calcifications in the right breast, morphology: amorphous,
    distribution: grouped"): each heading a term_labels word before a
    colon; `end` when none."""
    if text.find(":", end, stop) < 0:
        return end  # no heading's colon
    starts = [end]
    place = _PLACE_COMMA.match(text, end, stop)
    if place is not None and not dr.after_breaks.search(text, end, place.end()):
        starts.append(place.end())
    for at in starts:
        last = at
        while True:
            label = _LABEL.match(text, last, stop)
            if label is None or label.group(1).lower() not in dr.term_labels:
                break
            got = _colon_terms(dr, text, label.end(), stop)
            if got == label.end():
                break
            last = got
        if last > at:
            return last
    return end


_LEAD_WORD = re.compile(r"[^\S\n]*([a-z]+)(?![\w-])", re.I)


def _past_leads(dr: DescriptorRules, text: str, at: int) -> int:
    """Past spaces and up to two quantifiers that may lead a shape part
    ("and some amorphous", "and a few punctate")."""
    at = skip_spaces(text, at)
    for _ in range(2):
        w = _LEAD_WORD.match(text, at)
        if w is None or w.group(1).lower() not in dr.shape_link_leads:
            break
        at = skip_spaces(text, w.end())
    return at


def _first_breaks(dr: DescriptorRules, text: str, lo: int, stop: int) -> list[int]:
    """`_first_break` of each regex of `dr.ends` (change words, BI-RADS
    terms, grades) over the same words: their break words are mostly the
    same, so a cut two of them find is tested once. Each is searched from
    where the first word of any of them stands (`dr.any_end`), found once:
    most clauses hold none, and the words before it are read once, not
    three times."""
    first = dr.any_end.search(text, lo, stop)
    if first is None:
        return [stop] * len(dr.ends)
    at = first.start()
    tested: dict[tuple[int, int], bool] = {}
    return [_first_break(dr, rx, text, lo, stop, tested, at) for rx in dr.ends]


def _first_break(
    dr: DescriptorRules,
    rx: re.Pattern[str],
    text: str,
    lo: int,
    stop: int,
    tested: dict[tuple[int, int], bool] | None = None,
    begin: int | None = None,
) -> int:
    """Where the first break after the mention stands (`stop` when none); an
    "and" or comma between two descriptor words lists them ("are amorphous
    and grouped") and is no break. `tested`: whether each cut tested so far
    from `lo` breaks, by its characters (the test reads only those); `begin`:
    where to search from when no match of `rx` starts between `lo` and it."""
    for cut in rx.finditer(text, lo if begin is None else begin, stop):
        at = cut.span()
        breaks = tested.get(at) if tested is not None else None
        if breaks is None:
            breaks = _breaks_after(dr, text, lo, cut)
            if tested is not None:
                tested[at] = breaks
        if breaks:
            return cut.start()
    return stop


def _breaks_after(dr: DescriptorRules, text: str, lo: int, cut: re.Match[str]) -> bool:
    """Is a break word after the mention (from `lo`) a break of its clause?"""
    if _clock_colon(text, cut):
        return False  # "at the 7:00 position"
    if _in_term(dr, text, cut):
        return False  # "which are fine and pleomorphic"
    word = cut.group().lower()
    if word == ",":
        after = _past_serial_and(text, cut.end())
    else:
        after, before = cut.end(), _before_serial_comma(text, cut.start())
    listed = (
        word in dr.term_lists
        and dr.term_end.search(
            text, max(lo, cut.start() - 40), cut.start() if word == "," else before
        )
        and dr.terms.match(text, _past_leads(dr, text, after))
    )
    return not listed


# the "and" or "or" a serial comma stands before ("punctate, and grouped")
_SERIAL_AND = re.compile(r"[^\S\n]*(?:and|or)(?=[^\S\n])", re.I)
# a serial comma right before a position, with its blanks
_SERIAL_COMMA = re.compile(r",[^\S\n]*$")


def _past_serial_and(text: str, at: int) -> int:
    """Past the "and" or "or" right after the comma ending at `at`, which
    lists the last word with the words before it ("round, punctate, and
    grouped": corpora/GUIDE.md, Descriptors, the terms listed describe the
    finding), else `at`."""
    m = _SERIAL_AND.match(text, at)
    return m.end() if m else at


def _before_serial_comma(text: str, at: int) -> int:
    """Where the word before the "and" at `at` ends, before the serial comma
    between them ("punctate, and grouped"), else `at`."""
    m = _SERIAL_COMMA.search(text, max(0, at - 4), at)
    return m.start() if m else at


# the words after an "and" of the mention's place, up to the comma that ends them;
# each word whole ('(?![\w-])'), so a long token is not split every way before
# the match fails (that backtracking grew with the cube of its length)
_PLACE_PART = re.compile(
    r"[^\S\n]*(?:and|or)[^\S\n]+((?:[a-z][\w-]*(?![\w-])[^\S\n]*){1,4}),", re.I
)
# a part the place joins before another "and" of it ("the femoral and iliac
# arteries and of the aorta"), and how many parts a place may join
_PLACE_PART_ON = re.compile(
    r"[^\S\n]*(?:and|or)[^\S\n]+((?:[a-z][\w-]*(?![\w-])[^\S\n]*){1,4}?)(?=(?:and|or)[^\S\n])",
    re.I,
)
_PLACE_PARTS = 3


def _past_place_and(dr: DescriptorRules, text: str, hi: int, stop: int) -> int:
    """Where the change words of a clause end when its first break is an
    "and" inside the mention's place ("calcifications in the pancreatic head
    and body, unchanged from XXXX, and ...", "of the hilar and subcarinal
    nodes, unchanged", "of the laryngeal and upper tracheal cartilage rings,
    advanced for age"): past it to the next break when up to four plain words
    (no article, no "no", no descriptor term) and a comma follow it, else
    `hi`; a place may join several parts so ("of the femoral and iliac
    arteries and of the aorta, unchanged"). A finding after the "and" has
    its own clause (`stop`)."""
    at = hi
    for _ in range(_PLACE_PARTS):
        part = _PLACE_PART.match(text, at, stop)
        if part is None:
            part = _PLACE_PART_ON.match(text, at, stop)
            if part is None or not _plain_place_part(dr, part.group(1)):
                return hi
            at = part.end()
            continue
        if not _plain_place_part(dr, part.group(1)):
            return hi
        return _first_break(dr, dr.after_breaks, text, part.end(), stop)
    return hi


def _plain_place_part(dr: DescriptorRules, words: str) -> bool:
    """Are the words of a place part after an "and" plain: no descriptor
    term, none of `place_and_stops` ("and a 2 cm cyst", "and no effusion")?"""
    if dr.terms.search(words) is not None:
        return False
    return not dr.place_and_stops & {w.lower() for w in words.split()}


# an "and" that opens a second relative clause ("... which she has had for
# years and which is unchanged"), and the comma and pronoun of a first one
_SECOND_RELATIVE = re.compile(r"[^\S\n]*and[^\S\n]+(which|that)(?!\w)", re.I)
_FIRST_RELATIVE = re.compile(r",[^\S\n]*(which|that)(?!\w)", re.I)


def _second_relative_end(dr: DescriptorRules, text: str, end: int, hi: int, stop: int) -> int:
    """Where the change words of a clause end when its first break (`hi`)
    lies in a relative clause a comma opened after the mention and an "and"
    then opens a second one with the same pronoun ("calcific focus in the
    tendon, 6 mm, which she has had without pain for years and which is
    unchanged"): both are the mention's, so past that "and" to the next
    break; else `hi`."""
    second = _SECOND_RELATIVE.search(text, hi, stop)
    if second is None or any(p in text[hi : second.start()] for p in ";:()"):
        return hi
    first = list(_FIRST_RELATIVE.finditer(text, end, hi))
    if not first or first[-1].group(1).lower() != second.group(1).lower():
        return hi
    return _first_break(dr, dr.after_breaks, text, second.end(), stop)


# the word of a "with" or "without" break that a change phrase may open with
# or follow ("without change", "with no interval change")
_WITH_WORD = re.compile(r"with(?:out)?(?!\w)", re.I)


def _with_change_end(dr: DescriptorRules, text: str, hi: int, stop: int) -> int:
    """Where the change words of a clause end when its first break is a
    "with" or "without" that opens a change phrase of the mention closing
    its phrase ("calcified granuloma in the left apex without change",
    "... with no significant change since XXXX"): at the end of that phrase,
    which says how the mention compares with the prior, as "unchanged"
    there would. Not a change phrase about the noun after it ("with no
    change in the effusion"), nor a "with" that gives the mention another
    lesion ("with a new nodule"). Else `hi`."""
    w = _WITH_WORD.match(text, hi, stop)
    if w is None:
        return hi
    for at in (hi, skip_spaces(text, w.end())):
        m = dr.terms.match(text, at)
        if m is None or m.end() > stop:
            continue
        entry = dr.term(m.group())
        if entry["field"] != "change" or not entry["value"]:
            continue
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt is None and m.group().split()[-1].lower() not in ("in", "of"):
            return m.end()
        if nxt is not None and nxt.group(1).lower() in dr.followers:
            return m.end()  # "since XXXX", "in size", not "in the effusion"
    return hi


# How many words a "with" aside of the mention's own may hold ("with a
# biopsy clip").
_WITH_ASIDE_REACH = 5


def _past_with_aside(dr: DescriptorRules, text: str, hi: int, stop: int) -> int:
    """Where the change words of a clause end when its first break is a
    "with" that opens a short aside of the mention's own, an article then a
    few plain words (no term, no lesion noun) up to a comma, and a change
    word right after that comma ends its phrase ("coarse calcifications
    with a biopsy clip, unchanged, 6 mm"): past that word, as "calcified
    granuloma, unchanged" would end. Not "with a new nodule, unchanged"
    (a term in the aside), nor a lesion the "with" adds ("with a granuloma,
    stable"). Else `hi`."""
    w = _WITH_WORD.match(text, skip_spaces(text, hi), stop)
    if w is None or w.group().lower() != "with":
        return hi
    comma = text.find(",", w.end(), stop)
    if comma < 0:
        return hi
    aside = WORD.findall(text[w.end() : comma])
    if not aside or aside[0].lower() not in ("a", "an", "the"):
        return hi
    if len(aside) > _WITH_ASIDE_REACH or any(ch in text[w.end() : comma] for ch in ";:.("):
        return hi
    if dr.terms.search(text, w.end(), comma) is not None:
        return hi
    if dr.lesion_nouns & {a.lower() for a in aside}:
        return hi  # a lesion noun: another thing the "with" adds
    m = dr.terms.match(text, skip_spaces(text, comma + 1))
    if m is None or m.end() > stop:
        return hi
    entry = dr.term(m.group())
    if entry["field"] != "change" or not entry["value"]:
        return hi
    nxt = text[m.end() : m.end() + 2].lstrip(" ")
    return m.end() if not nxt or nxt[0] in ",.;" else hi


def _clock_colon(text: str, cut: re.Match[str]) -> bool:
    """Is a colon break one of a clock-face time or a ratio ("at the 7:00
    position", "2:1"), with digits right on both sides, so no break?"""
    at = cut.start()
    return (
        cut.group() == ":"
        and 0 < at < len(text) - 1
        and text[at - 1].isdigit()
        and text[at + 1].isdigit()
    )


def _lists_terms(
    dr: DescriptorRules, text: str, cut: re.Match[str], start: int
) -> bool:
    """Does a clause break list descriptor words ("dense, coarse", "round and
    punctate") rather than end a clause? A word break needs a term after it."""
    word = cut.group().lower()
    before = (
        dr.term_end.search(text, max(start, cut.start() - 40), cut.start())
        if word in dr.term_lists
        else None
    )
    if before is None:
        return False
    if dr.terms.match(text, skip_spaces(text, cut.end())) is not None:
        return True
    return word == "," and not _predicated(dr, text, start, before)


def _predicated(dr: DescriptorRules, text: str, start: int, term: re.Match[str]) -> bool:
    """Is a change word before a comma the predicate of a plain word before it
    in the clause ("Heart size unchanged, calcified aorta": the heart's), so
    the comma ends that clause instead of listing the word with the mention's
    ("Stable, calcified granuloma")? The word right before it must be that
    plain word: after an article or a verb the change word opens the
    mention's own noun phrase ("There is a stable, 6 mm calcified granuloma")."""
    own = dr.terms.match(text, term.start())
    if own is None or dr.term(own.group())["field"] != "change":
        return False
    gap = dr.terms.sub(" ", text[start : term.start()])
    words = [w.lower() for w in WORD.findall(gap)]
    return (
        bool(words)
        and words[-1] not in dr.phrase_leads
        and any(w not in dr.term_lists for w in words)
    )


# a mention of two words or more: its first word may be an adjective
_MENTION_HEAD = re.compile(r"[\w-]+[^\S\n]+[\w-]")


def _joins_modifiers(dr: DescriptorRules, text: str, cut: re.Match[str], at: int) -> bool:
    """Does an "and" or "or" coordinate site adjectives right before the
    mention ("aorto-iliac and infrainguinal arterial calcification")? The
    word before it and the one or two after it, up to the mention at `at`,
    end like a modifier (modifier_endings) or are a site's head noun that
    stands as one (modifier_nouns: "basal ganglia and thalamic")."""
    if cut.group() == "," and "," in dr.term_lists:
        return _lists_modifiers(dr, text, cut, at)
    if cut.group().lower() not in ("and", "or") or cut.group().lower() not in dr.term_lists:
        return False
    before = WORD.findall(text[max(0, cut.start() - 40) : cut.start()])
    after = WORD.findall(text[cut.end() : at])
    if not after and _MENTION_HEAD.match(text, at):
        # the mention opens with the second adjective ("coarse intraductal and
        # [parenchymal calcifications]")
        first = WORD.match(text, at)  # the head matched a word at `at`
        after = [first.group()] if first else []
    words = [w.lower() for w in before[-1:] + after]
    return (
        bool(before)
        and 1 <= len(after) <= 2
        and all(_modifier(dr, w) for w in words)
    )


def _modifier(dr: DescriptorRules, word: str) -> bool:
    """Does a lower-case word stand before a mention as a site modifier?"""
    return word.endswith(dr.modifier_endings) or word in dr.modifier_nouns


def _lists_modifiers(dr: DescriptorRules, text: str, cut: re.Match[str], at: int) -> bool:
    """Does a comma open a list of site adjectives that an "and" or "or"
    closes right before the mention ("mild right thalamic, pontine and
    cerebellar calcifications")? The word before it and each of up to three
    words after it, up to the mention at `at` (or its own first word), end
    like a modifier (modifier_endings) or are a site's head noun that stands
    as one (modifier_nouns)."""
    before = WORD.findall(text[max(0, cut.start() - 40) : cut.start()])
    part = text[cut.end() : at]
    if not before or _LIST_PART.fullmatch(part) is None:
        return False
    after = [w.lower() for w in WORD.findall(part)]
    words = [w for w in after if w not in ("and", "or")]
    if len(words) == len(after):
        return False  # no conjunction closes the list
    if _MENTION_HEAD.match(text, at):
        first = WORD.match(text, at)
        words += [first.group().lower()] if first else []
    return 1 <= len(words) <= 3 and all(
        _modifier(dr, w) for w in [before[-1].lower(), *words]
    )


# a part of such a list: words, commas and spaces only
_LIST_PART = re.compile(r"[\w\s,-]*")


def _shares_grade(dr: DescriptorRules, text: str, cut: re.Match[str], at: int) -> bool:
    """Does an "and" right before the mention join it to a graded companion
    word ("mildly thickened and calcified", "moderate thickening and
    calcification"), so that the grade before that word, past up to two site
    adjectives of it ("marked pleural thickening and calcification"), is the
    mention's too?"""
    if cut.group().lower() != "and" or text[cut.end() : at].strip():
        return False
    before = WORD.findall(text[max(0, cut.start() - 60) : cut.start()])
    if len(before) < 2 or before[-1].lower() not in dr.graded_companions:
        return False
    # up to two site adjectives of the companion between ("marked pleural
    # thickening and calcification", "extensive atherosclerotic plaque and")
    k = len(before) - 2
    while (
        k > 0
        and len(before) - 2 - k < 2
        and before[k].lower().endswith(dr.modifier_endings)
    ):
        k -= 1
    grade = dr.terms.fullmatch(before[k])
    return grade is not None and dr.term(grade.group())["field"] == "severity"


def _concedes_grade(dr: DescriptorRules, text: str, cut: re.Match[str], at: int) -> bool:
    """Does a "but" right after a grade join it to another adjective of the
    mention's own noun phrase ("extensive but nonocclusive femoral arterial
    calcification", "dense but smooth calcified plaque")? The grade is then
    the mention's: at most the before window of plain words stand between
    the "but" and the mention at `at`, no article or mark."""
    if cut.group().lower() != "but":
        return False
    before = WORD.findall(text[max(0, cut.start() - 30) : cut.start()])
    grade = dr.terms.fullmatch(before[-1]) if before else None
    if grade is None or dr.term(grade.group())["field"] != "severity":
        return False
    part = text[cut.end() : at]
    words = WORD.findall(part)
    return (
        1 <= len(words) <= dr.window
        and _PLAIN_WORDS.fullmatch(part) is not None
        and not dr.phrase_openers & {w.lower() for w in words}
    )


# words and blanks only
_PLAIN_WORDS = re.compile(r"[\w\s-]*")


def _modifier_list(dr: DescriptorRules, gap: str) -> bool:
    """Is a gap before the mention only site modifiers (_modifier) that an
    "and" or "or" closes, with commas between them?"""
    if _LIST_PART.fullmatch(gap) is None:
        return False
    words = [w.lower() for w in WORD.findall(gap)]
    joins = [w for w in words if w in ("and", "or")]
    return len(joins) == 1 and all(_modifier(dr, w) for w in words if w not in joins)


def _in_term(dr: DescriptorRules, text: str, cut: re.Match[str]) -> bool:
    """Is a clause break inside a descriptor term ("fine linear and branching")?
    The terms come in text order: past the first one starting at or after the
    break, none can hold it, and the rest of the window is not scanned."""
    lo, start, end = max(0, cut.start() - 30), cut.start(), cut.end()
    for m in dr.terms.finditer(text, lo, end + 30):
        if m.start() >= start:
            return False  # the terms come in order: none later starts before it
        if end < m.end():
            return True
    return False


def in_reach(
    dr: DescriptorRules, text: str, c: Clause, m: re.Match[str], field: str
) -> bool:
    """Is a term of the clause the finding's? Before the mention only a few
    other words may stand between them ("marked tapering of the branch
    distal to the calcific plaque" is not a grade); after it, up to the end
    the field allows."""
    if m.end() <= c.start:
        gap = text[m.end() : c.start]
        if _stopped(dr, gap):
            return False  # "increased swelling. r/o chondrocalcinosis": another sentence's
        for _, rx in dr.patterns.get("size", []):
            gap = rx.sub(" ", gap)  # "stable 1.2 x 0.8 cm calcified nodule"
        between = carried(dr, [w for w in gap_words(dr, gap, set()) if w[0].isalnum()])
        if field in ("severity", "change") and dr.lesion_nouns & set(between):
            return False  # "a new nodule near the calcified granuloma"
        if field in ("severity", "change") and dr.surrounding_heads & set(between):
            return False  # "new edema around the calcified granuloma"
        if field == "severity" and dr.graded_heads & set(between):
            return False  # "severe stenosis of the calcified valve" grades the stenosis
        if field == "severity" and dr.graded_abbreviations.intersection(
            WORD.findall(gap)
        ):
            return False  # "severe AS of the calcified valve": the same, abbreviated
        if field == "severity" and _grades_next_word(dr, text, m, c.start):
            return False  # "mildly tortuous calcified aorta" grades the tortuosity
        # a hyphenated word and a coordinating "and" are no further words
        plain = WORD.findall(gap)
        if len(plain) > dr.window and len(plain) <= dr.window + 1:
            plain = [w for w in plain if w.lower() not in dr.term_lists]
        if len(between) <= dr.window or len(plain) <= dr.window:
            return True
        # a list of site modifiers that "and" closes is one place ("extensive
        # bilateral basal ganglia, thalamic, dentate and subcortical ...")
        return _modifier_list(dr, gap)
    if m.start() < c.end:
        return True
    if m.end() <= c.hi and dr.tails.match(text, m.end()):
        return True  # "calcifications, amorphous in morphology"
    if field == "change" and relative_of_other(dr, text, c.end, m.start()):
        return False  # "next to a nodule that has grown": the nodule's change
    if field in ("severity", "change"):
        # after the mention, a word that grades another noun is not its
        # ("adjacent to a new nodule", past a size: "next to a new 1.3 cm
        # nodule"); past a comma a grade must end its phrase
        nxt = _NEXT_WORD.match(text, _past_size(dr, text, m.end()))
        last = m.group().split()[-1].lower()  # "new since XXXX": the phrase links
        links = last in dr.followers and last not in ("in", "of")  # not "change in X"
        word = nxt.group(1).lower() if nxt else ""
        graded = field == "change" and word in dr.change_adverbs  # "increased slightly"
        if nxt and not links and word not in dr.followers and not graded:
            return False
    if field == "severity":
        if m.end() <= c.hi_grade or (nxt is None and m.end() <= c.hi):
            return True
        return m.end() <= c.hi and _predicate_grade(dr, text, c, m, nxt)
    if field == "change":
        return m.end() <= c.hi and _leads(dr, text, c, m)
    # past a comma a BI-RADS term that ends the sentence or stands among
    # descriptor words only is the finding's ("coarse calcification in the
    # left breast, likely dystrophic"; "calcifications, grouped, in the left
    # breast"), the latter not for a calcified lesion's shape ("calcified
    # lymph node, round")
    if m.end() <= c.hi_shape:
        return not _past_link(dr, text, c, m) or _heads(dr, text, m)
    if m.end() > c.hi:
        return False
    # an appositive that names the term's pattern ("calcified lymph nodes,
    # eggshell pattern, stable") describes the mention, a calcified lesion too
    after = _NEXT_WORD.match(text, m.end())
    next_word = after.group(1).lower() if after else ""
    head = next_word if next_word in dr.appositive_heads else ""
    own = (head or not _names_lesion(dr, text, c)) and _own_segment(dr, text, c, m, head)
    return _closes(text, m.end()) or bool(own)



# a noun that a relative clause follows ("a nodule that", "the mass which",
# "70% stenosis, which")
_RELATIVE_OF = re.compile(r"([a-z]+)[^\S\n]*,?[^\S\n]+(?:that|which)(?!\w)", re.I)


def _stopped(dr: DescriptorRules, gap: str) -> bool:
    """Does a full stop after a word end a sentence inside the gap between a
    term and the mention after it, where the splitter read none because a
    lower-case word follows ("increased swelling. r/o chondrocalcinosis")? Not
    the period of an abbreviation ("new approx. 5 mm calcified granuloma")
    nor of a number."""
    return any(
        not w.group(1)[-1].isdigit() and w.group(1).lower() not in dr.abbreviations
        for w in _WORD_STOP.finditer(gap)
    )


def relative_of_other(dr: DescriptorRules, text: str, end: int, at: int) -> bool:
    """Between the mention (ending at `end`) and a change word after it (at
    `at`), does a lesion noun of another phrase open a relative clause the
    word stands in ("calcified granuloma next to a nodule that has grown")?
    The change is that lesion's (GUIDE: a change word that grades another
    lesion noun is not the finding's); so is one a narrowing the mention
    causes opens ("plaque causing 70% stenosis, which has progressed":
    `graded_heads`)."""
    found = _RELATIVE_OF.finditer(text, end, at)
    others = dr.lesion_nouns | dr.graded_heads
    return any(
        r.group(1).lower() in others and not _names_the_mention(dr, text, end, r.start(1))
        for r in found
    )


# an article closing the words before a noun ("likely a")
_LAST_ARTICLE = re.compile(r"(?:^|\s)(?:an?|the)$", re.I)


def _names_the_mention(dr: DescriptorRules, text: str, end: int, at: int) -> bool:
    """Does the noun at `at` stand in an appositive that names what the
    mention (ending at `end`) is, a comma and a restating link right before
    it, an article and at most one word between ("calcified nodule in the
    RUL, likely a granuloma, which has been stable")? Its relative clause is then the mention's (GUIDE: a finding
    its sentence names as what the finding before it is describes the same
    calcification)."""
    comma = text.rfind(",", end, at)
    if comma < 0:
        return False
    words = text[comma + 1 : at].strip()
    # the link, an article and at most one word before the noun ("likely
    # an old granuloma")
    for _ in range(2):
        bare = _LAST_ARTICLE.sub("", words).strip()
        if bare and dr.restating.fullmatch(bare) is not None:
            return True
        words = words.rpartition(" ")[0].strip()
    return False


def _past_size(dr: DescriptorRules, text: str, at: int) -> int:
    """Where the size right after `at` ends ("new 1.3 cm nodule": before
    "nodule"), else `at`."""
    start = skip_spaces(text, at)
    for _, rx in dr.patterns.get("size", []):
        sized = rx.match(text, start)
        if sized is not None:
            return sized.end()
    return at


def _grades_next_word(dr: DescriptorRules, text: str, m: re.Match[str], start: int) -> bool:
    """Does a grade before the mention grade the word of a vessel's or organ's
    shape or size right after it instead (descriptors.json `graded_shapes`:
    "mildly tortuous calcified aorta", "moderately enlarged and calcified
    aorta")? A grade before the mention or a descriptor word of it stays
    ("densely calcified", "densely shadowing calcification")."""
    nxt = _NEXT_WORD.match(text, m.end())
    return (
        nxt is not None
        and nxt.start(1) < start
        and nxt.group(1).lower() in dr.graded_shapes
    )


def _predicate_grade(
    dr: DescriptorRules, text: str, c: Clause, m: re.Match[str], nxt: re.Match[str] | None
) -> bool:
    """Past a comma after the mention, is a grade the mention's predicate that
    goes on with another descriptor word or a place ("mitral annular
    calcification, mild and stable"; "coronary calcification, now dense in
    the LAD"; descriptors.json `grade_places`)? Only change_leads words
    (copulas among them: DescriptorRules) may open its part."""
    comma = text.rfind(",", c.end, m.start())
    if comma < 0 or nxt is None:
        return False
    lead = gap_words(dr, text[comma + 1 : m.start()], set())
    if not all(w in dr.change_leads for w in lead):
        return False
    word = nxt.group(1).lower()
    if word in ("and", "or"):
        return dr.terms.match(text, skip_spaces(text, nxt.end())) is not None
    return word in dr.grade_places


def _leads(dr: DescriptorRules, text: str, c: Clause, m: re.Match[str]) -> bool:
    """Past a comma after the mention, does a change word open its part, but
    for change_leads words ("calcified granuloma, which has not changed";
    not "aortic calcification, heart size unchanged")?"""
    comma = text.rfind(",", c.end, m.start())
    if comma < 0:
        return True
    lead = gap_words(dr, text[comma + 1 : m.start()], set())
    # a second relative clause of the mention leads on its own ("which she
    # has had for years and which is unchanged": "which is")
    pairs = [k for k in range(1, len(lead) - 1) if lead[k] == "and" and lead[k + 1] == lead[0]]
    if pairs and lead[0] in RELATIVE_PRONOUNS:
        lead = lead[pairs[-1] + 1 :]
    lead = _without_one_mask(dr, lead)
    return all(w in dr.change_leads or not w[0].isalnum() for w in lead)


def _without_one_mask(dr: DescriptorRules, lead: list[str]) -> list[str]:
    """A lead holding one de-identification mask (mentions.json
    `mask_words`) without it: the mask hides one word, most often a lead word
    ("calcified granuloma, XXXX unchanged from XXXX": "again", "which is"),
    and masks hide words, not structure (guide §2). Two masks may hide a
    subject of their own ("XXXX XXXX unchanged": "heart size"), so stay."""
    masks = [k for k, w in enumerate(lead) if w in dr.mask_words]
    if len(masks) != 1:
        return lead
    return lead[: masks[0]] + lead[masks[0] + 1 :]


def _past_link(dr: DescriptorRules, text: str, c: Clause, m: re.Match[str]) -> bool:
    """Does a shape link ("with") stand between the mention and the term?"""
    return any(
        w.lower() in dr.shape_links for w in WORD.findall(text[c.end : m.start()])
    )


def _heads(dr: DescriptorRules, text: str, m: re.Match[str]) -> bool:
    """Does the term end its phrase, or a shape_heads noun follow it ("with
    eggshell pattern", "with coarse calcifications")?"""
    nxt = _NEXT_WORD.match(text, m.end())
    return nxt is None or nxt.group(1).lower() in dr.shape_heads


def _names_lesion(dr: DescriptorRules, text: str, c: Clause) -> bool:
    """Does the mention name a calcified lesion ("calcified lymph node")?"""
    first = text[c.start : c.end].split()
    return len(first) > 1 and first[0].lower() in dr.size_adjectives


def _closes(text: str, at: int) -> bool:
    """Does the sentence end right after `at` (a full stop or the line's end)?"""
    rest = text[at : at + 3].lstrip(" \t")
    return not rest or rest[0] in ".\n"


def _own_segment(
    dr: DescriptorRules, text: str, c: Clause, m: re.Match[str], head: str = ""
) -> bool:
    """Past a comma, is a BI-RADS term in a segment of descriptor words only
    ("calcifications, grouped, in the left breast", "coarse calcification in
    the left breast, likely dystrophic"), so the mention's?"""
    lo = text.rfind(",", c.end, m.start())
    if lo < 0:
        return False
    end = _SEGMENT_END.search(text, m.end(), c.hi)
    segment = text[lo + 1 : end.start() if end else c.hi]
    segment = dr.labels.sub(" ", dr.tails.sub(" ", dr.restating.sub(" ", segment)))
    # "which are"; "round to punctate", "both punctate and amorphous"; "some
    # punctate and some amorphous", "a few coarse" (the quantifiers that may
    # lead a shape part)
    return all(
        w in dr.segment_words or w == head or not w[0].isalnum()
        for w in gap_words(dr, segment, set())
    )


def predicate_ok(dr: DescriptorRules, text: str, m: re.Match[str]) -> bool:
    """A `predicate` term counts only when a predicate follower comes next
    ("similar to the prior exam"; "Similar echogenic foci" compares); a
    change term never before "than" and a number ("smaller than 1 mm")."""
    if dr.term(m.group())["field"] == "change" and threshold(dr, text, m.end()):
        return False  # "fewer than five per cluster", "smaller than 1 mm"
    if not dr.term(m.group()).get("predicate"):
        return True
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt is None or nxt.group(1).lower() not in dr.followers:
        return False
    # "similar to the right": compared with the other side
    return not compares_a_side(dr, text, m.end())
