"""The plain strings a regex's matches begin with, for a substring pre-test.

`starts(regex)` reads the regex as Python's `re` parses it and gives a set
of strings such that every match of the regex begins with one of them (the
regex's fixed opening, each way its optional letters and small letter sets
can be spelled), or None when the regex opens on anything else (then no
such set is known). `x in text` is a C-speed scan: when none of the strings
occurs in a text, the regex cannot match it, and it need not be run.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+: the parser of `re`
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# The most spellings of an opening followed: past it, the opening stops.
LIMIT = 64


def starts(regex: str) -> frozenset[str] | None:
    """Strings one of which every match of `regex` begins with; None when
    the regex can open otherwise (an empty opening, flags, a parse error)."""
    try:
        parsed = _p.parse(regex)
    except re.error:
        return None
    if parsed.state.flags & ~(_c.SRE_FLAG_UNICODE):
        return None  # (?i) and the like: spellings would not be literal
    out = _openings(parsed)
    if "" in out:
        return None
    return frozenset(out)


def _openings(seq: Any) -> set[str]:
    """Strings one of which every match of a parsed sequence begins with:
    its items spelled out while they are few, then the openings of the
    first item that is not (a group's, or each alternative's), then none."""
    out = {""}
    for op, av in seq:
        words = _spellings(op, av)
        if words is not None and len(out) * len(words) <= LIMIT:
            out = {a + b for a in out for b in words}
            continue
        if op is _c.SUBPATTERN and not (av[1] or av[2]):
            words = _openings(av[3])
        elif op is _c.BRANCH:
            words = set().union(*(_openings(alt) for alt in av[1]))
        else:
            break
        if len(out) * len(words) <= LIMIT:
            out = {a + b for a in out for b in words}
        break
    return out


def _spellings(op: Any, av: Any) -> set[str] | None:
    """Every string one parsed item matches, when they are few; else None."""
    if op is _c.LITERAL:
        return {chr(av)}
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < LIMIT:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None  # a negated set, a category (\w, \d)...
        return chars if len(chars) <= LIMIT else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, item = av
        if hi is _c.MAXREPEAT or hi > 4:
            return None
        one = _whole(item)
        if one is None:
            return None
        out: set[str] = set()
        layer = {""}
        for n in range(hi + 1):
            if n >= lo:
                out |= layer
            if n < hi:
                layer = {a + b for a in layer for b in one}
            if len(out) + len(layer) > LIMIT:
                return None
        return out
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, item = av
        return None if add_flags or del_flags else _whole(item)
    if op is _c.BRANCH:
        out = set()
        for alt in av[1]:
            words = _whole(alt)
            if words is None:
                return None
            out |= words
        return out if len(out) <= LIMIT else None
    return None


def _whole(seq: Any) -> set[str] | None:
    """Every string a parsed sequence matches, when they are few; else None."""
    out = {""}
    for op, av in seq:
        words = _spellings(op, av)
        if words is None or len(out) * len(words) > LIMIT:
            return None
        out = {a + b for a in out for b in words}
    return out
