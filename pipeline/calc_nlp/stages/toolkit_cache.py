"""What the toolkit's build computes that only depends on the rules, cached.

Building the toolkit is mostly making vocabulary entries (spaCy runs some
twenty Python functions per new word: shape, norm, like_num...) for the
tokenizer's 1,300 special cases and the matchers' 2,000 rule keys, and
tokenizing the 2,000 phrase literals. Both results depend only on the rules,
spaCy and this package's code, so they are kept in the build cache
(build_cache.py; its key holds the spaCy, medspaCy, Python and calc-nlp
versions and the toolkit's source, this one's the rules' digest):

- each phrase's token attribute hashes, what `PhraseMatcher.add` keeps of a
  phrase (and takes as they are: its own unpickling does);
- each new word's attribute values, served while the toolkit is built by
  dictionaries standing in for spaCy's attribute functions (their values
  for these strings, computed by those very functions in an earlier build),
  the functions themselves put back once it is built;
- the descriptor rules' phrase alternations (trie.py regexes of some 5,000
  phrases), each kept by the phrases it was made of;
- each TokenMatcher's compiled token patterns (pattern_states.py), kept by
  a digest of the patterns added to it, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from calc_nlp import build_cache

_KIND = "toolkit"
_PARTS = frozenset({"phrases", "lexemes", "alternations", "states"})


class _Memo(dict[str, Any]):
    """One attribute function's values by string; a missing one is computed
    (and kept). Looking up is a C call: far cheaper than the function."""

    def __init__(self, getter: Callable[[str], Any], values: dict[str, Any]):
        super().__init__(values)
        self.getter = getter
        self.missed = False

    def __missing__(self, string: str) -> Any:
        value = self[string] = self.getter(string)
        self.missed = True
        return value


class ToolkitCache:
    """The cached build results of one rule set (empty when there are none yet)."""

    def __init__(self, rules_digest: str | None):
        self.inputs = rules_digest
        cached = build_cache.load(_KIND, rules_digest) if rules_digest else None
        if not (isinstance(cached, dict) and set(cached) == _PARTS):
            cached = {"phrases": {}, "lexemes": {}, "alternations": {}, "states": {}}
            self.missed = True
        else:
            self.missed = False
        # Found in the cache: an earlier build of the same inputs succeeded
        # (a build is saved only when it is done).
        self.loaded = not self.missed
        self.phrases: dict[str, list[int]] = cached["phrases"]
        # phase of the build -> attribute id -> string -> value
        self.lexemes: dict[str, dict[int, dict[str, Any]]] = cached["lexemes"]
        self.alternations: dict[str, str] = cached["alternations"]
        # compiled token patterns (PatternStates.plain) by a digest of the
        # patterns added to a TokenMatcher, in order
        self._states: dict[str, Any] = cached["states"]

    def phrase(self, matcher: Any, tokenizer: Any, attr: str, text: str) -> list[int]:
        """The attribute hashes `matcher` (a PhraseMatcher) keeps of phrase `text`."""
        key = f"{attr}\0{text}"
        hashes = self.phrases.get(key)
        if hashes is None:
            hashes = list(matcher._convert_to_array(tokenizer(text)))
            self.phrases[key], self.missed = hashes, True
        return hashes

    def alternation(self, make: Callable[[list[str]], str], phrases: list[str]) -> str:
        """`make(phrases)`, a regex of these phrases (kept by the phrases)."""
        key = "\0".join(phrases)
        value = self.alternations.get(key)
        if value is None:
            value = self.alternations[key] = make(phrases)
            self.missed = True
        return value

    def states(self, fingerprint: str) -> Any:
        """The compiled states kept for these patterns (None: none kept)."""
        return self._states.get(fingerprint)

    def keep_states(self, fingerprint: str, plain: Any) -> None:
        """Keeps compiled states (plain data) for these patterns."""
        self._states[fingerprint], self.missed = plain, True

    @contextmanager
    def lexemes_of(self, phase: str, vocab: Any) -> Iterator[None]:
        """New vocabulary entries made inside take their attribute values from
        the cache (`phase` names the set of attribute functions in force)."""
        getters = vocab.lex_attr_getters
        original = dict(getters)
        table = self.lexemes.setdefault(phase, {})
        memos = {attr: _Memo(f, table.get(attr, {})) for attr, f in original.items()}
        getters.update({attr: memo.__getitem__ for attr, memo in memos.items()})
        try:
            yield
        finally:
            getters.clear()
            getters.update(original)
        if any(m.missed for m in memos.values()) or set(table) != set(memos):
            self.lexemes[phase] = {attr: dict(m) for attr, m in memos.items()}
            self.missed = True

    def save(self) -> None:
        """Store what this build had to compute (nothing if all came from the cache)."""
        if self.missed and self.inputs:
            parts = {"phrases": self.phrases, "lexemes": self.lexemes}
            parts["alternations"] = self.alternations
            parts["states"] = self._states
            build_cache.save(_KIND, self.inputs, parts)
