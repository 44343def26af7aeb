"""Compiled regexes kept in the build cache, so that a run starts fast.

Compiling a regex is parsing it and generating the code `re`'s engine runs,
both in Python: for the tokenizer's affix regexes and the descriptor rules'
phrase regexes some 50 ms of every start-up. That code depends only on the
pattern, its flags and the Python that made it (whose version, like
calc-nlp's own code, is in the build cache's key: build_cache.py), so it is
kept, and a later run hands it to the engine as `re` itself does
(`_sre.compile`) without parsing anything: a tenth of a millisecond for the
largest.

`re` has no public way to do this: the code is read with `re._parser` and
`re._compiler` (as `re._compiler.compile` does) when a pattern is first
compiled, and built with `_sre.compile` when it is kept; anything unexpected
there (another Python's internals, a code the engine's own check refuses)
falls back to `re.compile`. A kept pattern is the very pattern `re.compile`
gives: `re.Pattern` equality compares the pattern, flags and code, checked
with the groups when the code is first kept (and by tests).

Processes that share the cache folder may save different sets of regexes
(those each compiled); a save replaces the file whole (build_cache.py), so
the last one's set stays and a regex missing from it is compiled anew.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from calc_nlp import build_cache

_KIND = "regexes"
# Past this many kept regexes a save keeps only those this process used: a
# pattern that is not the same text in every process (built from a set's
# order) would otherwise add an entry at every run.
MOST_KEPT = 1000
# The engine's code words are 32-bit (SRE_CODE); kept as bytes, which load
# far faster than a list of ints.
_WORD = "I"
# What a rule set compiles its regexes with: `re.compile`, or the same from
# kept code (`RegexCache.compile`).
Compile = Callable[[str, int], re.Pattern[str]]


def _engine() -> str:
    """What kept code depends on besides the Python version the build cache's
    key holds: the engine's code version and word size, and the byte order
    the words were stored in (a cache folder shared by machines of another
    byte order must not hand them swapped words)."""
    try:
        import _sre

        return f"{_sre.MAGIC}:{_sre.CODESIZE}:{sys.byteorder}"
    except Exception:  # noqa: BLE001 - no engine to name: nothing kept
        return ""


def pattern_key(pattern: str, flags: int) -> str:
    """The key a compiled pattern's code is kept under, here and in
    import_regexes.py (whose `prime` reads the flags back before the colon)."""
    return f"{flags}:{pattern}"


def _code_of(pattern: str, flags: int) -> list[Any] | None:
    """What `_sre.compile` takes besides the pattern, as `re` computes it
    (None when this Python's compiler is not the one expected)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in state.groupdict.items():
            indexgroup[i] = name
        words = array(_WORD, code)
        if words.itemsize != 4:
            return None
        return [
            int(flags | state.flags),
            words.tobytes(),
            state.groups - 1,
            dict(state.groupdict),
            indexgroup,
        ]
    except Exception:  # noqa: BLE001 - not this Python's compiler: nothing kept
        return None


def _from_code(pattern: str, kept: list[Any]) -> re.Pattern[str] | None:
    """The pattern built from its kept code (None if the engine refuses it)."""
    try:
        import _sre

        flags, code, groups, groupindex, indexgroup = kept
        words = array(_WORD)
        words.frombytes(code)
        return _sre.compile(  # type: ignore[no-any-return]
            pattern, flags, words.tolist(), groups, groupindex, tuple(indexgroup)
        )
    except Exception:  # noqa: BLE001 - unusable: compiled anew by the caller
        return None


class RegexCache:
    """The kept regexes of one rule set (`inputs`: its digest; None: none kept).

    Regexes compiled after `save` (those a stage compiles on first use) are
    saved as they are met, so a later run finds them too."""

    def __init__(self, inputs: str | None):
        # with the cache turned off, nothing is kept: each regex is compiled
        # once, by re, without reading its code as well
        engine = _engine()
        on = build_cache.cache_dir() is not None and engine
        self.inputs = f"{inputs}\0{engine}" if on and inputs else None
        kept = build_cache.load(_KIND, self.inputs) if self.inputs else None
        self.codes: dict[str, list[Any]] = kept if isinstance(kept, dict) else {}
        self.missed = False
        self.saved = False
        self.used: set[str] = set()

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, from the kept code when there is one."""
        flags = int(flags)
        # a bytes pattern would share a str pattern's key (b'x', "b'x'"): not kept
        if not self.inputs or flags & re.DEBUG or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        key = pattern_key(pattern, flags)
        self.used.add(key)
        kept = self.codes.get(key)
        found = _from_code(pattern, kept) if kept is not None else None
        if found is not None:
            return found
        compiled = re.compile(pattern, flags)
        code = _code_of(pattern, flags)
        if code is not None and _same(_from_code(pattern, code), compiled):
            self.codes[key], self.missed = code, True
            if self.saved:
                self.save()
        return compiled

    def made(
        self, make: Callable[[list[str]], re.Pattern[str]], parts: Iterable[str]
    ) -> re.Pattern[str]:
        """`make(parts)` (spaCy's `compile_prefix_regex` and the like: a
        pattern made of strings, then compiled), from the kept code when the
        same function was given the same strings before. The pattern `make`
        gives is kept too: `make` must be spaCy's or in build_cache.SOURCES,
        whose versions and code the key holds."""
        parts = list(parts)
        if not self.inputs or not all(isinstance(p, str) for p in parts):
            return make(parts)
        key = "made:" + json.dumps([make.__module__, make.__qualname__, parts])
        return self._made(key, make, parts)

    def made_of(
        self, make: Callable[[list[str]], re.Pattern[str]], parts: Iterable[str]
    ) -> Callable[[str], re.Pattern[str]]:
        """A function of a string `first` giving `made(make, [first,
        *parts])`, for many short `first` and long `parts` (the tokenizer's
        affix regexes narrowed to a word's characters: some fifty, each
        of spaCy's 80-odd affixes). Kept by a digest of `make` and `parts`,
        computed once, and `first`: not by the parts' text each time."""
        parts = list(parts)
        if not self.inputs or not all(isinstance(p, str) for p in parts):
            return lambda first: make([first, *parts])
        digest = ""

        def of(first: str) -> re.Pattern[str]:
            nonlocal digest
            if not digest:
                given = json.dumps([make.__module__, make.__qualname__, parts])
                digest = hashlib.sha256(given.encode()).hexdigest()
            key = f"made:{digest}:{json.dumps(first)}"
            return self._made(key, make, [first, *parts])

        return of

    def _made(
        self, key: str, make: Callable[[list[str]], re.Pattern[str]], parts: list[str]
    ) -> re.Pattern[str]:
        """`make(parts)`, from the code kept under `key` when there is some.
        One made after `save` is saved at once, even when its code was kept
        already (another key's regex, the same text)."""
        self.used.add(key)
        kept = self.codes.get(key)
        if kept is not None and _is_made(kept):
            return self.compile(kept[0], kept[1])
        compiled = make(parts)
        self.codes[key], self.missed = [compiled.pattern, compiled.flags], True
        found = self.compile(compiled.pattern, compiled.flags)
        if self.saved and self.missed:
            self.save()
        return found

    @contextmanager
    def saved_at_the_end(self) -> Iterator[None]:
        """Regexes compiled inside, after a save, are saved once when it
        ends rather than one by one (a stage's many regexes made together)."""
        was_saved, self.saved = self.saved, False
        try:
            yield
        finally:
            if was_saved:
                self.save()

    def save(self) -> None:
        """Store the regexes compiled anew (nothing if all were kept)."""
        self.saved = True
        if self.missed and self.inputs:
            if len(self.codes) > MOST_KEPT:
                self.codes = {k: v for k, v in self.codes.items() if k in self.used}
            build_cache.save(_KIND, self.inputs, self.codes)
            self.missed = False


def _is_made(kept: Any) -> bool:
    """Is `kept` what `made` keeps, a pattern and its flags? (Anything else,
    from a damaged entry, means making the regex anew, never an error.)"""
    return (
        isinstance(kept, list)
        and len(kept) == 2
        and isinstance(kept[0], str)
        and type(kept[1]) is int
    )


def _same(kept: re.Pattern[str] | None, compiled: re.Pattern[str]) -> bool:
    """Is the pattern built from the code read the one `re` compiled? Checked
    once, when the code is first kept, so that a Python whose `re` computes
    it otherwise (a later version's internals) keeps nothing rather than a
    different regex. Pattern equality compares pattern, flags and code, not
    the groups: those too."""
    return (
        kept is not None
        and kept == compiled
        and kept.groups == compiled.groups
        and kept.groupindex == compiled.groupindex
    )
