"""The tokenizer's URL test, answered at once for most words.

Most words of a note are new to a worker, and spaCy's tokenizer asks its
URL regex about each (once its affixes are split off): the regex is tried
at the word's start and backtracks over the word a few times before it
fails, half a microsecond a word. Every match of it holds a '.' (a host
has a dot, an IP address three), so a word without one is no URL:
`GatedMatch` answers it with a substring test. Which characters every
match holds (`required_chars`) is read from the regex as `re` parses it;
what this reading does not know (a flag, a class, a look-around) adds
none, so the gate only ever skips the regex where it cannot match.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]  # the parser `re` compiles with
from typing import Any

_REPEATS = {
    getattr(_c, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_c, name)
}


def required_chars(rx: re.Pattern[str]) -> frozenset[str]:
    """Characters every match of `rx` holds (empty when it cannot tell: a
    flag such as IGNORECASE, a construct not read here)."""
    if rx.flags & ~(re.UNICODE | re.DOTALL | re.MULTILINE):
        return frozenset()
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - a pattern this parser reads otherwise
        return frozenset()
    if parsed.state.flags & ~(re.UNICODE | re.DOTALL | re.MULTILINE):
        return frozenset()  # an inline flag: '(?i)...'
    return _sequence(list(parsed))


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str]:
    """Characters every match of these parsed items, one after another, holds."""
    found: frozenset[str] = frozenset()
    for op, av in items:
        found |= _item(op, av)
    return found


def _item(op: Any, av: Any) -> frozenset[str]:
    if op is _c.LITERAL:
        return frozenset(chr(av))
    if op is _c.BRANCH:
        alternatives = [_sequence(list(alt)) for alt in av[1]]
        return frozenset.intersection(*alternatives)
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return frozenset() if add_flags or del_flags else _sequence(list(sub))
    if op in _REPEATS:
        low, _high, sub = av
        return _sequence(list(sub)) if low > 0 else frozenset()
    return frozenset()  # a class, an assertion, a reference...: nothing sure


class GatedMatch:
    """`match` of a regex, None at once for a text lacking one of the
    characters every match holds (`required_chars`, read at the first
    call: parsing spaCy's URL regex is a millisecond no start-up needs).
    `pattern` is the regex's: spaCy saves a tokenizer's `url_match` by its
    `__self__.pattern`."""

    def __init__(self, rx: re.Pattern[str]):
        self.rx = rx
        self._needs: tuple[str, ...] | None = None

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def match(self, text: str) -> re.Match[str] | None:
        needs = self._needs
        if needs is None:
            needs = self._needs = tuple(sorted(required_chars(self.rx)))
        for char in needs:
            if char not in text:
                return None
        return self.rx.match(text)


def gated_match(match: Any) -> Any:
    """A tokenizer's `url_match` (or `token_match`) gated (`GatedMatch`),
    when it is a compiled regex's `match`; else as given."""
    rx = getattr(match, "__self__", None)
    if not isinstance(rx, re.Pattern) or match.__name__ != "match":
        return match
    return GatedMatch(rx).match
