"""The regexes libraries compile when they are imported, kept compiled.

Importing spaCy and our stages compiles some 200 regexes at module level
(spaCy's URL pattern, `packaging`'s version specifiers, our stages' own),
and the screen's modules (screen.py: the text spacing's, RTF's...) some 20:
a tenth of every start-up spent parsing the same patterns again. The code
`re` makes of a pattern depends only on the pattern, its flags and the
Python (build_cache.py's key holds its version), whichever module asks for
it, so the code of each is kept in the build cache (regex_cache.py's
format), and before the next run imports those modules each is built from
its kept code and put in `re`'s own cache of compiled patterns, where
`re.compile` looks first: the module gets the very pattern it would have
compiled (`re.Pattern` equality compares pattern, flags and code: tests).

`re._cache` is not public: where it is not the dict `re.compile` reads by
(type, pattern, flags) (another Python), nothing is put there and the
patterns are compiled as usual. A pattern met for the first time is kept at
the end of the imports, with every pattern compiled during them, so the
entry holds one run's patterns and never grows past `re`'s own cache.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from calc_nlp import build_cache
from calc_nlp.regex_cache import _code_of, _from_code, pattern_key

_KIND = "import-regexes"
# What the kept patterns depend on besides the build cache's context (the
# Python, library versions and our code): nothing, so one entry.
_INPUTS = "modules"


def _re_cache() -> dict[Any, Any] | None:
    """`re`'s cache of compiled patterns, if it is the one expected."""
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else None


def prime(codes: dict[str, list[Any]], cache: dict[Any, Any]) -> None:
    """Put each kept pattern, built from its code, in `re`'s cache."""
    for key, code in codes.items():
        flags, _, pattern = key.partition(":")
        compiled = _from_code(pattern, code)
        if compiled is not None:
            cache.setdefault((str, pattern, int(flags)), compiled)


def compiled_since(
    before: set[Any], cache: dict[Any, Any]
) -> dict[str, tuple[str, int]]:
    """The text patterns in `re`'s cache that were not in it before, by key."""
    return {
        pattern_key(pattern, flags): (pattern, flags)
        for kind, pattern, flags in [k for k in cache if k not in before]
        if kind is str and isinstance(flags, int) and not flags & re.DEBUG
    }


@contextmanager
def kept_while_importing(entry: str = _INPUTS) -> Iterator[None]:
    """Imports inside find their module-level regexes compiled in `re`'s
    cache (from the build cache); those compiled anew are kept for the next
    run, in `entry` (one per place it is used, each always the same imports:
    the screen's modules, then spaCy's and the stages'). Nothing is done when
    spaCy is already imported (a program that imports calc-nlp into its own:
    the modules are loaded) or with the build cache off."""
    cache = _re_cache()
    if cache is None or "spacy" in sys.modules or build_cache.cache_dir() is None:
        yield
        return
    before = set(cache)
    kept = build_cache.load(_KIND, entry)
    codes: dict[str, list[Any]] = kept if isinstance(kept, dict) else {}
    prime(codes, cache)
    yield
    _keep(codes, compiled_since(before, cache), entry)


def _keep(
    codes: dict[str, list[Any]],
    compiled: dict[str, tuple[str, int]],
    entry: str = _INPUTS,
) -> None:
    """Save the code of the patterns compiled inside when any is new."""
    if set(compiled) <= set(codes):
        return
    value: dict[str, list[Any]] = {}
    for key, (pattern, flags) in compiled.items():
        code = codes.get(key) or _code_of(pattern, flags)
        if code is not None:
            value[key] = code
    build_cache.save(_KIND, entry, value)
