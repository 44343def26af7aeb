"""The affix alternatives that can touch a plain word's letters and digits.

spaCy's tokenizer asks its prefix regex ('^...', some ninety alternatives),
its suffix regex ('...$', some eighty) and its infix regex about every word
it has not met before, and `re` tries every alternative at every position
of the word. Most words are plain where it matters (ASCII letters and
digits):

- a match of the prefix regex begins at the word's start, so in a word that
  begins with a plain character its first character is that one: only the
  alternatives that can open on one can match there (of spaCy's, the
  currencies written with letters: 'US$');
- a match of the suffix regex ends at the word's end: in a word that ends
  in a plain character, only the alternatives whose last character can be
  one ("'s", the units after a number) can match there;
- an infix match begins with the first character its alternative takes:
  in a word of plain characters only, only the alternatives that can open on
  one can match (none of spaCy's: they open on punctuation).

An alternative that cannot match in such a word is never the one `re` picks
there, so the regex of the others, in the same order, finds the same
matches in it (`PlainAffixes`): 4% fewer instructions for a report the
prefilter passes, its words new to the tokenizer. Which character an
alternative can take first or last is read from the regex as `re` parses
it; whatever this reading does not know (a flag, a back-reference, a class
by category) counts as 'can': such an alternative is kept.

A word that is not plain there (most often a word before its comma or full
stop: a fifth of the words new to the tokenizer) is asked, the same way,
the regex of the alternatives that can take its character on that side
(`narrowed_parts`): ',' or '.' for the suffix regex, the word's marks for
the infix regex, a few alternatives of the eighty. One regex per character
(per set of marks), kept compiled in the build cache with the others
(regex_cache.py): no run reads the affixes to narrow them again. A further
1.2% fewer instructions per report.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

try:  # Python 3.11+: the parser of `re`
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# The characters of a plain word.
PLAIN = frozenset(string.ascii_letters + string.digits)
# An alternative of no match: what a regex of no alternative becomes (spaCy
# joins none into '', which matches everywhere).
NONE = "(?!)"

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {
    getattr(_c, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_c, name)
}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


# Where an affix regex's matches are (`side`): at a word's start ('^'), at
# its end ('$'), or anywhere in it.
START, END, INSIDE = "start", "end", "inside"
_ANCHORS = {START: (_c.AT, _c.AT_BEGINNING), END: (_c.AT, _c.AT_END)}


def touches_plain(regex: str, side: str) -> bool:
    """Can a match of `regex` take a plain character (ASCII letter or digit)
    first (`side` START or INSIDE) or last (END), or take no character at
    all? For START (END) the regex must begin with '^' (end with '$'), else
    True. True when unsure."""
    try:
        tree = _p.parse(regex)
    except re.error:
        return True
    if tree.state.flags & ~_c.SRE_FLAG_UNICODE:
        return True  # (?i), (?m) and the like: not read here
    items = list(tree)
    anchor = _ANCHORS.get(side)
    if anchor is not None and anchor not in (
        items[:1] if side == START else items[-1:]
    ):
        return True  # an alternative of its own ('^a|b'), not at the anchor
    can, empty = _sequence(items, side == END)
    return can or empty


def plain_parts(parts: list[str], side: str) -> list[str]:
    """The affix alternatives (in order) that can touch a plain character
    on `side` (`touches_plain`, each as spaCy joins it: after '^', before
    '$'), or one that never matches when none can."""
    anchored = {START: "^{}", END: "{}$"}.get(side, "{}")
    kept = [p for p in parts if p.strip() and touches_plain(anchored.format(p), side)]
    return kept or [NONE]


def _sequence(items: list[tuple[Any, Any]], last: bool) -> tuple[bool, bool]:
    """(can the first character (`last`: the last) a match of these parsed
    items takes be plain, can the match take none)."""
    for op, av in reversed(items) if last else items:
        if op in _ZERO_WIDTH:
            continue
        can, empty = _item(op, av, last)
        if can:
            return True, True
        if not empty:
            return False, False
    return False, True


def _item(op: Any, av: Any, last: bool) -> tuple[bool, bool]:
    """`_sequence` of one parsed item; (True, True) for one not read here."""
    if op is _c.LITERAL:
        return chr(av) in PLAIN, False
    if op is _c.NOT_LITERAL or op is _c.ANY:
        return True, False
    if op is _c.IN:
        return _set_takes_plain(av), False
    if op is _c.BRANCH:
        found = [_sequence(list(alt), last) for alt in av[1]]
        return any(c for c, _ in found), any(e for _, e in found)
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return True, True
        return _sequence(list(sub), last)
    if op in _REPEATS:
        low, _high, sub = av
        can, empty = _sequence(list(sub), last)
        return can, empty or low == 0
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(list(av), last)
    return True, True


def _set_takes_plain(items: list[tuple[Any, Any]]) -> bool:
    """Does a parsed character class take a plain character? True for a
    negated one or one with a category (\\w, \\d): not read here."""
    codes = set()
    for kind, value in items:
        if kind is _c.LITERAL:
            codes.add(value)
        elif kind is _c.RANGE:
            codes.update(range(value[0], min(value[1], 127) + 1))
        else:
            return True
    return any(chr(c) in PLAIN for c in codes)


def edge_chars(regex: str, side: str) -> frozenset[str] | None:
    """The characters a match of `regex` can take first (`side` START) or
    last (END), every alternative anchored there ('^...', '...$'); None
    when unsure (a flag, an alternative not anchored, a match that can take
    no character, a class by category or of a range wider than
    `_MOST_CLASS_CHARS`). A word whose first (last) character is none of
    them holds no match."""
    try:
        tree = _p.parse(regex)
    except re.error:
        return None
    if tree.state.flags & ~_c.SRE_FLAG_UNICODE:
        return None
    items = list(tree)
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        alternatives = [list(alt) for alt in items[0][1][1]]
    else:
        alternatives = [items]
    found: set[str] = set()
    for alt in alternatives:
        if _ANCHORS[side] not in (alt[:1] if side == START else alt[-1:]):
            return None
        ranges, empty = _edges(alt, side == END)
        if ranges is None or empty:
            return None
        if any(hi - lo >= _MOST_CLASS_CHARS for lo, hi in ranges):
            return None
        found.update(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))
    return frozenset(found)


# A range of code points, first and last.
Ranges = list[tuple[int, int]]


def _edges(items: list[tuple[Any, Any]], last: bool) -> tuple[Ranges | None, bool]:
    """(the characters the first (`last`: the last) character a match of
    these parsed items takes can be, as ranges, None for any; can the match
    take none)."""
    found: Ranges = []
    for op, av in reversed(items) if last else items:
        if op in _ZERO_WIDTH:
            continue
        ranges, empty = _edge_item(op, av, last)
        if ranges is None:
            return None, True
        found += ranges
        if not empty:
            return found, False
    return found, True


def _edge_item(op: Any, av: Any, last: bool) -> tuple[Ranges | None, bool]:
    """`_edges` of one parsed item; (None, True) for one not read here."""
    if op is _c.LITERAL:
        return [(av, av)], False
    if op is _c.IN:
        return set_ranges(av), False
    if op is _c.BRANCH:
        found: Ranges = []
        empty = False
        for alt in av[1]:
            ranges, alt_empty = _edges(list(alt), last)
            if ranges is None:
                return None, True
            found += ranges
            empty = empty or alt_empty
        return found, empty
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, True
        return _edges(list(sub), last)
    if op in _REPEATS:
        low, _high, sub = av
        ranges, empty = _edges(list(sub), last)
        return ranges, empty or low == 0
    if _ATOMIC is not None and op is _ATOMIC:
        return _edges(list(av), last)
    return None, True  # any character (NOT_LITERAL, ANY), or not read here


# Most characters a class is read as (`edge_chars`): a wider one is 'any'.
_MOST_CLASS_CHARS = 512


def set_ranges(items: list[tuple[Any, Any]]) -> Ranges | None:
    """The characters a parsed class takes, as ranges; None for a negated
    one or one with a category (\\w, \\d): not read here."""
    ranges: Ranges = []
    for kind, value in items:
        if kind is _c.LITERAL:
            ranges.append((value, value))
        elif kind is _c.RANGE:
            ranges.append(value)
        else:
            return None
    return ranges


def narrowed_parts(parts: list[str], chars: str, side: str) -> list[str]:
    """The affix alternatives (in order, each as spaCy joins it on `side`)
    a match of which can take one of `chars` first (START, INSIDE) or last
    (END), with those not read here (`_part_edges`); for INSIDE, also those
    that can open on a plain character. One that never matches when none
    is kept; all of them when one sets a flag, which holds for every
    alternative of the joined regex. In a word whose first (START) or last
    (END) character is one of `chars`, or (INSIDE) whose characters are
    plain or among `chars`, the others cannot match: their regex finds what
    the whole one finds."""
    parts = [p for p in parts if p.strip()]
    read = [_part_edges(p, side) for p in parts]
    if any(edges is _FLAGGED for edges in read):
        return parts
    codes = [ord(c) for c in chars]
    if side == INSIDE:
        codes += [ord(c) for c in PLAIN]
    kept = [
        part
        for part, edges in zip(parts, read, strict=True)
        if edges is None or any(lo <= c <= hi for lo, hi in edges for c in codes)
    ]
    return kept or [NONE]


# `_part_edges` of an alternative that sets a flag ('(?i)...').
_FLAGGED: Any = object()


@cache  # each of spaCy's alternatives is read once per process
def _part_edges(part: str, side: str) -> Ranges | None:
    """The characters (as ranges) a match of one affix alternative, as
    spaCy joins it on `side` ('^part', 'part$', 'part'), can take first
    (START, INSIDE) or last (END); None when unsure (`edge_chars`: also
    for any width of class), `_FLAGGED` when it sets a flag."""
    try:
        tree = _p.parse(_JOINED.get(side, "{}").format(part))
    except re.error:
        return None
    if tree.state.flags & ~_c.SRE_FLAG_UNICODE:
        return _FLAGGED  # type: ignore[no-any-return]
    items = list(tree)
    anchor = _ANCHORS.get(side)
    if anchor is not None and anchor not in (
        items[:1] if side == START else items[-1:]
    ):
        return None  # an alternative of its own ('^a|b'), not at the anchor
    ranges, empty = _edges(items, side == END)
    return None if empty else ranges


# How spaCy joins an affix alternative into its regex, per side.
_JOINED = {START: "^{}", END: "{}$"}


# Most sets of characters `PlainAffixes` makes a regex for: a text of many
# rare characters falls back to the whole regex past them.
MOST_NARROWED = 64
# `PlainAffixes._edges` before it is first read.
_UNREAD: Any = object()


class PlainAffixes:
    """An affix regex of spaCy's tokenizer (`whole`) with the regex of its
    alternatives that can touch a plain character on its `side` (`plain`),
    asked instead of it about a word where only those can match: one that
    begins (START: the prefix regex) or ends (END: the suffix regex) with a
    plain character, or one of plain characters only (INSIDE: the infix
    regex). A word that is not plain there is asked the regex of the
    alternatives that can take its character on that side (INSIDE: one of
    its characters), `narrowed` of those characters (`narrowed_parts`),
    made once per character (INSIDE: per set of characters other than
    plain ones); without `narrowed`, the whole regex. `search` and
    `finditer` stand for the whole regex's; `pattern` is the whole
    regex's (what spaCy saves of a tokenizer)."""

    def __init__(
        self,
        whole: re.Pattern[str],
        plain: re.Pattern[str],
        side: str,
        narrowed: Callable[[str], re.Pattern[str]] | None = None,
    ):
        self.whole, self.plain, self.side = whole, plain, side
        self._narrowed = narrowed
        self._by_chars: dict[Any, re.Pattern[str]] = {}
        # no alternative can touch a plain character (spaCy's infixes): a
        # plain word is answered without the regex
        self._plain_none = plain.pattern in (NONE, f"^{NONE}", f"{NONE}$")
        # the characters the plain regex's matches can take at the word's
        # start (START) or end (END): a plain word with another there holds
        # none ('^US\\$': only a word opening on 'U', 'C' or 'A' is asked).
        # Read at the first plain word: no start-up pays the parse.
        self._edges: frozenset[str] | None = _UNREAD

    @property
    def pattern(self) -> str:
        return self.whole.pattern

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainAffixes) and (
            self.whole,
            self.plain,
            self.side,
        ) == (other.whole, other.plain, other.side)

    def __hash__(self) -> int:
        return hash((self.whole, self.plain, self.side))

    # `search` and `finditer` are asked about every affix of every word new
    # to the tokenizer: each tells inline whether the word is plain on its
    # side (its first character, its last, all of them), without a call.

    def search(self, word: str) -> re.Match[str] | None:
        side = self.side
        if side == INSIDE:
            if not (word.isascii() and word.isalnum()):
                return self._other(word).search(word)
            return None if self._plain_none else self.plain.search(word)
        edge = word[:1] if side == START else word[-1:]
        if edge not in PLAIN:
            return self._other(word).search(word)
        if self._plain_none:
            return None
        edges = self._edges
        if edges is _UNREAD:
            edges = self._edges = edge_chars(self.plain.pattern, side)
        if edges is not None and edge not in edges:
            return None
        return self.plain.search(word)

    def finditer(self, word: str) -> Iterator[re.Match[str]]:
        side = self.side
        if side == INSIDE:
            plain = word.isascii() and word.isalnum()
        elif side == START:
            plain = word[:1] in PLAIN
        else:
            plain = word[-1:] in PLAIN
        if not plain:
            return self._other(word).finditer(word)
        return iter(()) if self._plain_none else self.plain.finditer(word)

    def _other(self, word: str) -> re.Pattern[str]:
        """The regex asked about a word that is not plain on the side: that
        of the alternatives that can take its characters there, else (a word
        ending in a line break, where '$' also matches before it; no
        `narrowed`; past `MOST_NARROWED` sets of characters) the whole one."""
        if self._narrowed is None:
            return self.whole
        if self.side == INSIDE:
            key: Any = frozenset(word).difference(PLAIN)
        else:
            key = word[:1] if self.side == START else word[-1:]
            if key in ("", "\n"):
                return self.whole
        found = self._by_chars.get(key)
        if found is None:
            if len(self._by_chars) >= MOST_NARROWED:
                return self.whole
            found = self._by_chars[key] = self._narrowed("".join(sorted(key)))
        return found
