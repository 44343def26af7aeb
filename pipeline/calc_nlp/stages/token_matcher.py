"""Token-pattern rules run only where one of them can start.

spaCy's `Matcher` does Python work on every token of the Doc it is given
(a Token object per position, per call), although a pattern can only start
on a token equal to its first token. When every pattern opens with an exact
word (`{"LOWER": "x"}`, `{"NORM": "x"}`, `{"ORTH": "x"}`), the tokens that
can open a match are found in one array lookup and the Matcher runs over
each of them and the longest match it can start, merged where they overlap.
An opening word whose every pattern needs a second token of given words (or
one REGEX) opens no window where the next token is none of those.
Every match lies inside the window of its first token, so the matches are
those of the whole Doc, in the same order for the same span; with any
pattern that can start elsewhere the whole Doc is matched, as before.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import LOWER, NORM, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

_ATTRS = {"LOWER": LOWER, "NORM": NORM, "ORTH": ORTH}
_QUANTIFIER = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


# One step of a pattern's reach: a number of tokens, or a run of the tokens
# whose attribute is one of these words (a `*` or `+` over exact words).
Step = int | tuple[str, frozenset[str]]


def steps(pattern: list[dict[str, Any]]) -> list[Step] | None:
    """How far a pattern can reach, token by token (None: without bound, as
    `*` or `+` over anything but exact words, or `{n,}`)."""
    out: list[Step] = []
    for tok in pattern:
        op = tok.get("OP")
        if op in (None, "!", "1", "?"):
            out.append(1)
            continue
        if op in ("+", "*"):
            words = exact_words(tok)
            if words is None:
                return None
            out.append(words)
            continue
        m = _QUANTIFIER.match(str(op))
        if m is None or (m.group(2) and not m.group(3)):
            return None
        out.append(int(m.group(3) or m.group(1) or 0))
    return out


def exact_words(tok: dict[str, Any]) -> tuple[str, frozenset[str]] | None:
    """(attribute, words) when a token matches only these exact words, else None."""
    keys = set(tok) - {"OP"}
    if len(keys) != 1:
        return None
    (attr,) = keys
    value = tok[attr]
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
    token it needs, when each of those tokens matches only exact words."""
    out: list[tuple[str, str]] = []
    for tok in pattern:
        words = exact_words(tok)
        op = tok.get("OP")
        if words is None or op not in (None, "1", "+", "?", "*"):
            return None
        out += [(words[0], w) for w in sorted(words[1])]
        if op in (None, "1", "+"):
            return out
    return None  # every token optional


# What the token after a pattern's opening word must be for a match to start
# there: (attribute, its words) or (attribute, a compiled REGEX), else None
# (nothing told: the opening word alone decides).
Gate = tuple[str, frozenset[str] | re.Pattern[str]] | None


def second_token(pattern: list[dict[str, Any]]) -> Gate:
    """The test the token after the first must pass, when the first token is
    needed once and the second is needed too and matches exact words or one
    REGEX of an attribute."""
    if len(pattern) < 2 or pattern[0].get("OP") not in (None, "1"):
        return None
    tok = pattern[1]
    if tok.get("OP") not in (None, "1", "+"):
        return None
    words = exact_words(tok)
    if words is not None:
        return words
    keys = set(tok) - {"OP"}
    if len(keys) != 1:
        return None
    (attr,) = keys
    value = tok[attr]
    if attr in _ATTRS and isinstance(value, dict) and set(value) == {"REGEX"}:
        return attr, re.compile(value["REGEX"])
    return None


def by_first_word(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The pattern as one pattern per word of its first token when that token
    is needed once and is a list of words (`{"LOWER": {"IN": [...]}}`): the
    Matcher tests an exact word in its compiled code but calls a Python
    predicate for a list, at every token where a match may start. Only one
    of them can match at a given token, so the matches are the same."""
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


class _Columns:
    """One Doc's attribute values (per attribute, one per token, as Python
    ints), and where each run of listed words ends."""

    def __init__(self, doc: Doc, attrs: list[str], runs: dict[Any, Any]):
        self.n = len(doc)
        self.names = {a: k for k, a in enumerate(attrs)}
        self.array = doc.to_array([_ATTRS[a] for a in attrs]).reshape(self.n, -1)
        self.columns: list[list[int]] = self.array.T.tolist()
        self.runs = runs  # (attribute, words) -> their hashes (a set)

    def holding(self, checks: list[tuple[int, frozenset[int]]]) -> list[int]:
        """The tokens whose value of some checked attribute is one of its
        words, in order: the words a column holds are found by one set
        intersection, and their places by one array comparison each."""
        found = None
        for k, hashes in checks:
            present = hashes.intersection(self.columns[k])
            column = self.array[:, k]
            for word in present:
                hit = column == numpy.uint64(word)
                found = hit if found is None else found | hit
        return [] if found is None else numpy.flatnonzero(found).tolist()

    def run_end(self, at: int, words: tuple[str, frozenset[str]]) -> int:
        """The first token from `at` on that is not one of the words."""
        hashes, column = self.runs[words], self.columns[self.names[words[0]]]
        while at < self.n and column[at] in hashes:
            at += 1
        return min(at, self.n)

    def reach(self, at: int, pattern: list[Step]) -> int:
        """Past the last token a match of the pattern opening at `at` can hold."""
        end = at
        for step in pattern:
            end = end + step if isinstance(step, int) else self.run_end(end, step)
        return min(end, self.n)


# Windows this close are matched as one: a Matcher call costs more than a
# few tokens (the tokens between hold no opening word, so no match starts there).
MERGE_GAP = 4


class _Opening:
    """The patterns opening on one word: the tests of the token after it
    (None: none needed), the most tokens a fixed-length one matches, and the
    steps of the others. A test of words is kept as their string ids: a
    token's value is the id of its string, so it is one of the words iff
    its value is one of their ids."""

    def __init__(
        self,
        gates: list[Gate] | None,
        names: dict[str, int],
        length: int,
        reaches: list[list[Step]],
        strings: Any,
    ):
        self.length, self.reaches = length, reaches
        self.gates: list[tuple[int, Any]] | None = None
        if gates is not None:
            self.gates = [
                (
                    names[g[0]],
                    frozenset(strings[w] for w in g[1])
                    if isinstance(g[1], frozenset)
                    else g[1],
                )
                for g in gates
                if g is not None
            ]

    def admits(self, columns: list[list[int]], j: int, strings: Any) -> bool:
        """Does token j (its attribute values) pass one of the tests?"""
        for k, test in self.gates or ():
            value = columns[k][j]
            if isinstance(test, frozenset):
                if value in test:
                    return True
            elif test.search(strings[value]):
                return True
        return False


class WindowedMatcher:
    """A spaCy Matcher of token patterns, run on the windows where a match can start.

    `add(key, pattern)` in the order the patterns should run; `__call__(doc)`
    gives (key, start, end) as `Matcher(doc)` would.
    """

    def __init__(self, vocab: Any):
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self.windowed = True
        # per attribute, per opening word hash: the most tokens a pattern of
        # fixed length opening on it matches, and the steps of the others
        self.fixed: dict[str, dict[int, int]] = {}
        self.opening: dict[str, dict[int, list[list[Step]]]] = {}
        self._hashes: list[tuple[str, frozenset[int]]] | None = None
        self._attrs: list[str] = []  # the attributes read per token
        self._checks: list[tuple[int, frozenset[int]]] = []
        self._fixed_cols: list[int] = []
        self._runs: dict[Any, Any] = {}  # (attribute, words) -> their sorted hashes
        # per (attribute, opening word hash): the second-token tests of the
        # patterns opening on it; a word with any pattern untested has none
        self.gates: dict[tuple[str, int], list[Gate]] = {}
        # per tuple of opening word hashes (one per attribute of `fixed`)
        self._opens: dict[tuple[int, ...], _Opening] = {}

    def __len__(self) -> int:
        return len(self.matcher)

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        self.matcher.add(key, by_first_word(pattern))
        self._hashes = None
        self._opens = {}
        opening, reach = opening_words(pattern), steps(pattern)
        if opening is None or reach is None:
            self.windowed = False
            return
        runs = [step for step in reach if not isinstance(step, int)]
        for step in runs:
            self._runs[step] = frozenset(self.vocab.strings.add(w) for w in step[1])
        gate = second_token(pattern)
        for attr, word in opening:
            h = self.vocab.strings.add(word)
            self.gates.setdefault((attr, h), []).append(gate)
            fixed = self.fixed.setdefault(attr, {})
            if not runs:
                fixed[h] = max(fixed.get(h, 0), sum(reach))  # type: ignore[arg-type]
                continue
            fixed.setdefault(h, 0)
            self.opening.setdefault(attr, {}).setdefault(h, []).append(reach)

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges, not overlapping, that hold every match."""
        n = len(doc)
        if not n or not self.windowed:
            return [(0, n)] if n else []
        if self._hashes is None:
            self._prepare()
        if not self._checks:
            return []  # no pattern added
        cols = _Columns(doc, self._attrs, self._runs)
        at = cols.holding(self._checks)
        if not at:
            return []
        columns, strings = cols.columns, self.vocab.strings
        fixed = [columns[k] for k in self._fixed_cols]
        out: list[tuple[int, int]] = []
        known, names = self._opens, cols.names
        for i in at:
            words = tuple([c[i] for c in fixed])
            opens = known.get(words) or self._open(words, names)
            if opens.gates is not None and (
                i + 1 >= n or not opens.admits(columns, i + 1, strings)
            ):
                continue  # the next token fits no pattern opening here
            end = min(n, i + opens.length)
            for reach in opens.reaches:
                end = max(end, cols.reach(i, reach))
            if out and i <= out[-1][1] + MERGE_GAP:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((i, end))
        return out

    def _prepare(self) -> None:
        """What every call reads, worked out once the patterns are all added:
        the opening words per attribute, and the attributes read per token
        (those of opening words, runs and second-token tests only)."""
        self._hashes = [(a, frozenset(self.fixed[a])) for a in sorted(self.fixed)]
        gated = {g[0] for gs in self.gates.values() for g in gs if g is not None}
        self._attrs = sorted(set(self.fixed) | {a for a, _ in self._runs} | gated)
        names = {a: k for k, a in enumerate(self._attrs)}
        self._checks = [(names[a], hashes) for a, hashes in self._hashes]
        self._fixed_cols = [names[a] for a in self.fixed]
        self._opens = {}

    def _open(self, words: tuple[int, ...], names: dict[str, int]) -> _Opening:
        """What the patterns opening on these words (one per attribute, in
        the order of `fixed`) need and reach, worked out once per word."""
        opens = self._opens.get(words)
        if opens is None:
            by_attr = dict(zip(self.fixed, words, strict=True))
            gates = [g for a, h in by_attr.items() for g in self.gates.get((a, h), [])]
            opens = _Opening(
                None if None in gates else gates,
                names,
                max(self.fixed[a].get(h, 0) for a, h in by_attr.items()),
                [
                    reach
                    for attr, by_word in self.opening.items()
                    for reach in by_word.get(by_attr[attr], ())
                ],
                self.vocab.strings,
            )
            self._opens[words] = opens
        return opens

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(self.matcher):
            return []
        out: list[tuple[int, int, int]] = []
        for start, end in self.windows(doc):
            # Span(): doc[start:end] normalises the slice in Python first
            window = doc if (start, end) == (0, len(doc)) else Span(doc, start, end)
            out += [(k, start + s, start + e) for k, s, e in self.matcher(window)]
        return out
