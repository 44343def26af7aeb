"""Token-pattern rules, each started only on a token it can open on.

spaCy's `Matcher` does Python work on every token of the Doc for every
pattern (a Token object per position, a predicate call per 'IN' list or
'REGEX' test), although a pattern can only start on a token equal to one of
its opening words. `TokenMatcher` runs spaCy's own state machine over the
Doc's attribute values instead (pattern_states.py), starting each pattern
only there: the same matches, in the same order, as `Matcher(doc)` over the
whole Doc. A rule set with a test that machine does not implement (custom
extensions, FUZZY, comparisons) is matched by spaCy's Matcher, built only
then (its build is a tenth of a start-up).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from itertools import compress
from typing import Any

from spacy.tokens import Doc

from calc_nlp.stages.pattern_states import Opening, PatternStates, SharedOpenings

_ATTRS = frozenset({"LOWER", "NORM", "ORTH", "SHAPE"})


def exact_words(tok: dict[str, Any]) -> tuple[str, frozenset[str]] | None:
    """(attribute, words) when a token matches only these exact words, else None."""
    keys = set(tok) - {"OP"}
    if len(keys) != 1:
        return None
    (attr,) = keys
    return _words_of(attr, tok[attr])


def needed_words(tok: dict[str, Any]) -> tuple[str, frozenset[str]] | None:
    """(attribute, words) when a token matches only among these exact words,
    whatever its other tests, else None: a comma with no space after it
    (`{"ORTH": ",", "SPACY": false}`) is still a comma, so a pattern opening
    on it can open only on a comma, not on any token."""
    for attr in sorted(_ATTRS & set(tok)):
        words = _words_of(attr, tok[attr])
        if words is not None:
            return words
    return None


def _words_of(attr: str, value: Any) -> tuple[str, frozenset[str]] | None:
    """(attribute, words) when the test of this attribute is exact words."""
    if attr not in _ATTRS:
        return None
    if isinstance(value, str):
        return attr, frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        if all(isinstance(w, str) for w in value["IN"]):
            return attr, frozenset(value["IN"])
    return None


def opening_words(pattern: list[dict[str, Any]]) -> list[tuple[str, str]] | None:
    """Every (attribute, word) a match of the pattern can open on, else None:
    the words of its leading optional tokens (`?`, `*`) and of the first
    token it needs, when each of those tokens matches only among exact words
    (`needed_words`)."""
    out: list[tuple[str, str]] = []
    for tok in pattern:
        words = needed_words(tok)
        op = tok.get("OP")
        if words is None or op not in (None, "1", "+", "?", "*"):
            return None
        out += [(words[0], w) for w in sorted(words[1])]
        if op in (None, "1", "+"):
            return out
    return None  # every token optional


def by_first_word(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The pattern as one pattern per word of its first token when that token
    is needed once and is a list of words (`{"LOWER": {"IN": [...]}}`): a
    token is then looked up once among the words patterns open on, not
    tested against each list. Only one of them can match at a given token,
    so the matches are the same, and as spaCy's Matcher gives them from the
    patterns so split (the rule sets were first matched that way)."""
    first = pattern[0] if pattern else {}
    words = exact_words(first)
    if (
        words is None
        or first.get("OP") not in (None, "1")
        or not isinstance(first[words[0]], dict)
    ):
        return [pattern]
    attr = words[0]
    return [[{attr: w}, *pattern[1:]] for w in dict.fromkeys(first[attr]["IN"])]


class TokenMatcher:
    """Token patterns matched as a spaCy Matcher matches them over the whole Doc.

    `add(key, pattern)` in the order the patterns should run; `__call__(doc)`
    gives (key, start, end) as `Matcher(doc)` would.

    The patterns are compiled (pattern_states.py) when the matcher is first
    used or `settle`d, all at once: with a `cache` (ToolkitCache), the
    compiled states of the very same patterns, added in the same order, come
    from it (a rule set's thousand patterns are a twentieth of a start-up).
    """

    def __init__(self, vocab: Any, cache: Any = None):
        self.vocab = vocab
        self._states: PatternStates | None = PatternStates(vocab.strings)
        # (key, patterns, on_match) as added, for spaCy's Matcher if needed
        self.added: list[tuple[str, list[list[dict[str, Any]]], Any]] = []
        self._matcher: Any = None  # spaCy's, when the states cannot match a pattern
        self._cache = cache
        self._settled = 0  # how many of `added` are compiled
        # the digest of every pattern added, to keep their states under
        self._fingerprint: str | None = None

    def __len__(self) -> int:
        return len(self.added)

    @property
    def states(self) -> PatternStates | None:
        """The compiled patterns (None: spaCy's Matcher matches them)."""
        self.settle()
        return self._states

    def add(
        self, key: str, patterns: list[list[dict[str, Any]]], on_match: Any = None
    ) -> None:
        """Adds patterns under a key, as `Matcher.add` does (an `on_match`
        callback is left to spaCy's Matcher)."""
        self.added.append((key, patterns, on_match))
        if self._states is None:  # spaCy's Matcher already matches them all
            self.settle()

    def settle(self) -> None:
        """Compiles the patterns added since the last time, from the cache
        when it holds the states of all of them."""
        if self._settled == len(self.added):
            return
        if not self._settled and self._from_cache():
            return
        for n in range(self._settled, len(self.added)):
            self._compile(n)
        self._settled = len(self.added)
        if self._fingerprint is not None and self._states is not None:
            self._cache.keep_states(self._fingerprint, self._states.plain())
        self._fingerprint = None  # the next patterns added are not all of them

    def _from_cache(self) -> bool:
        """Loads the states of every pattern added, when the cache has them."""
        if self._cache is None or any(cb is not None for _, _, cb in self.added):
            return False
        try:
            added = json.dumps([[key, ps] for key, ps, _ in self.added])
        except (TypeError, ValueError):  # not plain data: compiled each time
            return False
        self._fingerprint = hashlib.sha256(added.encode()).hexdigest()
        kept = self._cache.states(self._fingerprint)
        states = PatternStates.from_plain(self.vocab.strings, kept) if kept else None
        if states is None:
            return False
        for key, _, _ in self.added:  # as `_compile` adds them
            self.vocab.strings.add(key)
        self._states, self._settled = states, len(self.added)
        self._fingerprint = None  # nothing new to keep
        return True

    def _compile(self, n: int) -> None:
        """Compiles the n-th patterns added (or hands them to spaCy's Matcher)."""
        key, patterns, on_match = self.added[n]
        if self._states is not None and on_match is None:
            h = self.vocab.strings.add(key)
            subs = [sub for pattern in patterns for sub in by_first_word(pattern)]
            if all(self._states.add(h, sub, opening_words(sub)) for sub in subs):
                return
        self._states = None
        if self._matcher is None:
            from spacy.matcher import Matcher

            # The patterns were checked when the rules were loaded (rules.py).
            self._matcher = Matcher(self.vocab, validate=False)
            for k, ps, callback in self.added[:n]:
                self._split(k, ps, callback)
        self._split(key, patterns, on_match)

    def _split(
        self, key: str, patterns: list[list[dict[str, Any]]], on_match: Any
    ) -> None:
        subs = [sub for pattern in patterns for sub in by_first_word(pattern)]
        self._matcher.add(key, subs, on_match=on_match)

    def __call__(
        self, doc: Doc, columns: Mapping[str, list[int]] | None = None
    ) -> list[tuple[int, int, int]]:
        """`columns`: the Doc's token attribute values by name (Toolkit.columns),
        when the caller has read them; else they are read here."""
        if not self.added:
            return []
        states = self.states
        if states is None:
            return self._matcher(doc)  # type: ignore[no-any-return]
        if columns is None:
            return states.find(states.read(doc), len(doc))
        cols = [columns[a] for a in states.columns.names]
        if isinstance(columns, DocColumns):
            return states.find(cols, len(doc), columns.openings(states))
        return states.find(cols, len(doc))

    def attributes(self) -> list[str]:
        """The token attributes the patterns read (none: spaCy's Matcher reads)."""
        states = self.states
        return list(states.columns.names) if states is not None else []


class DocColumns(dict[str, list[int]]):
    """A Doc's token attribute values by name (Toolkit.columns), and where
    the patterns of the rule matchers that match the Doc open in them,
    found for all of them in one pass (`SharedOpenings`) when the first of
    them asks."""

    def __init__(
        self, values: Mapping[str, list[int]], n: int, shared: SharedOpenings | None
    ):
        super().__init__(values)
        self.n = n
        self.shared = shared
        self._found: dict[PatternStates, dict[int, list[tuple[int, Opening]]]] | None
        self._found = None

    def openings(
        self, states: PatternStates
    ) -> dict[int, list[tuple[int, Opening]]] | None:
        """Per column of `states`, the tokens its patterns open on (None:
        `states` are none of the shared ones, and find their own)."""
        if self.shared is None:
            return None
        if self._found is None:
            self._found = self.shared.find(self, self.n)
        return self._found.get(states)


class PhraseTrie:
    """Phrases (attribute ids per token) matched over a column of attribute
    values as spaCy's PhraseMatcher matches them over a Doc: by start, then
    by end, then, for keys that share a phrase, in the order of the
    PhraseMatcher's hash map, asked of it once (`settle`). `exact` is False
    while that order is unknown (the caller then uses the PhraseMatcher)."""

    _END = -1  # the key under which a node lists the keys of its phrase

    def __init__(self) -> None:
        self.root: dict[int, Any] = {}
        self.exact = True
        # (a text of the phrase, the phrase, its keys) of each shared phrase
        self._shared: list[tuple[str, list[int], list[int]]] = []

    def add(self, key: int, phrase: list[int], text: str) -> None:
        """Adds a phrase (its tokens' attribute ids) and the text it is of."""
        if not phrase:
            return  # the PhraseMatcher skips an empty phrase
        node = self.root
        for value in phrase:
            node = node.setdefault(value, {})
        keys = node.setdefault(self._END, [])
        if key not in keys:
            keys.append(key)
            if len(keys) == 2:
                self._shared.append((text, list(phrase), keys))
                self.exact = False

    def settle(self, matcher: Any, tokenizer: Any) -> None:
        """Puts the keys of each shared phrase in the order `matcher` (the
        PhraseMatcher of the same phrases) gives them, read off the Doc of
        the phrase's text; `exact` if every order is known so."""
        for text, phrase, keys in self._shared:
            doc = tokenizer(text)
            given = [k for k, s, e in matcher(doc) if (s, e) == (0, len(phrase))]
            if len(doc) != len(phrase) or sorted(given) != sorted(keys):
                return  # not the phrase's tokens: order unknown
            keys[:] = given
        self.exact = True

    def find(self, values: list[int]) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        n, end, root = len(values), self._END, self.root
        # the tokens some phrase opens on, picked in C (`map` and `compress`):
        # most tokens open none, and were each a look-up in Python
        for start in compress(range(n), map(root.__contains__, values)):
            node = root[values[start]]
            j = start + 1
            while node is not None:
                if end in node:
                    out += [(key, start, j) for key in node[end]]
                if j >= n:
                    break
                node = node.get(values[j])
                j += 1
        return out
