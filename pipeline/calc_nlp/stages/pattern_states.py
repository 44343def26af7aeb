"""Token patterns matched as spaCy's Matcher matches them, each pattern
started only on a token it can open on.

spaCy's `Matcher` starts every pattern on every token of the Doc, makes a
Token object per token and calls a Python predicate per 'IN' list or
'REGEX' test and token: most of a positive report's matching time, although
a pattern whose first tokens name exact words can only start on one of
those words. Here the Doc's attribute values are read once
(`Doc.to_array`), and spaCy 3's state machine (`find_matches`,
`transition_states`, `get_action`, `finish_states` in
spacy/matcher/matcher.pyx) runs over them as it is written there, with one
change: a pattern is started only on a token that is one of its opening
words (those of its leading optional tokens and of the first token it
needs). spaCy's own state started on any other token is rejected at once
and leaves neither a match nor a state. States are started in the order
the patterns were added, as spaCy starts them, so the matches are the same,
in the same order. A pattern with no opening words (its first token tests
no exact word) is started on every token, as spaCy starts it.

Nor is a pattern started where no token it may test the next word against
can match it (`next_word_test`: its tokens up to its second needed one,
optional ones before and between them included; `Opening`): that state
would die on the next word leaving nothing (most states died so), and the
states that are started keep their order.

`compile_pattern` returns None for what this does not implement (custom
extensions, FUZZY, comparisons, set relations): the caller then uses
spaCy's Matcher for the whole rule set.
"""

from __future__ import annotations

import re
from itertools import chain, compress
from operator import itemgetter
from typing import Any

import spacy.attrs

# Quantifiers, as spaCy's `_get_operators` expands an "OP".
ZERO, ONE, ZERO_PLUS, ZERO_ONE = range(4)
_OPS: dict[str, tuple[int, ...]] = {
    "*": (ZERO_PLUS,),
    "+": (ONE, ZERO_PLUS),
    "?": (ZERO_ONE,),
    "1": (ONE,),
    "!": (ZERO,),
}
_MIN_MAX = re.compile(r"^\{(\d*)(?:(,)(\d*))?\}$")

# get_action's results (spaCy's action_t). The three that end a state's
# move at its token (no retry of the next pattern token) come first:
# `_transition` tells them by `action < RETRY`.
(
    REJECT,
    MATCH,
    ADVANCE,
    RETRY,
    MATCH_EXTEND,
    RETRY_ADVANCE,
    RETRY_EXTEND,
    MATCH_REJECT,
    MATCH_DOUBLE,
) = range(9)

# How a token's attribute value is tested.
EQ, IN, NOT_IN, REGEX = range(4)

# Attributes read from the Doc's arrays: a token's value of each is what
# spaCy's Matcher compares (`get_token_attr_for_matcher`). Sentence starts,
# tags, lemmas and the like are not among them.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX"})
_OTHER_ATTRS = frozenset(
    {
        "LENGTH",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_TITLE",
        "IS_UPPER",
        "LIKE_URL",
        "LIKE_NUM",
        "LIKE_EMAIL",
        "IS_STOP",
        "IS_BRACKET",
        "IS_QUOTE",
        "IS_LEFT_PUNCT",
        "IS_RIGHT_PUNCT",
        "IS_CURRENCY",
        "SPACY",
    }
)

# One test of a token: (column, how, value).
Check = tuple[int, int, Any]
# One pattern token: (quantifier, its tests, is it the pattern's last token).
PatternToken = tuple[int, tuple[Check, ...], bool]


def quantifiers(op: Any) -> tuple[int, ...] | None:
    """An "OP" as spaCy expands it (`{n,m}`: n ONE then m - n ZERO_ONE)."""
    if op is None:
        return (ONE,)
    if op in _OPS:
        return _OPS[op]
    m = _MIN_MAX.match(str(op))
    if m is None:
        return None
    lo, comma, hi = m.group(1), m.group(2), m.group(3)
    if not comma:
        hi = lo
    if not lo and not hi:
        return None
    if lo and hi and int(lo) > int(hi):
        return None
    head = (ONE,) * int(lo or 0)
    return head + ((ZERO_ONE,) * (int(hi) - int(lo or 0)) if hi else (ZERO_PLUS,))


class Columns:
    """The attributes the patterns read, each one a column index."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def index(self, name: str) -> int:
        if name not in self.names:
            self.names.append(name)
        return self.names.index(name)

    def ids(self) -> list[int]:
        return [spacy.attrs.IDS[n] for n in self.names]


def compile_token(
    spec: dict[str, Any], columns: Columns, strings: Any
) -> tuple[tuple[int, ...], tuple[Check, ...]] | None:
    """A pattern token's quantifiers and tests, or None if not implemented."""
    if not isinstance(spec, dict):
        return None
    ops = quantifiers(next((v for k, v in spec.items() if k.upper() == "OP"), None))
    if ops is None:
        return None
    checks: list[Check] = []
    for attr, value in spec.items():
        name = attr.upper()
        if name == "OP":
            continue
        name = "ORTH" if name == "TEXT" else name
        if name not in _STRING_ATTRS and name not in _OTHER_ATTRS:
            return None
        col = columns.index(name)
        if isinstance(value, bool):
            checks.append((col, EQ, int(value)))
        elif isinstance(value, str):
            checks.append((col, EQ, strings.add(value)))
        elif isinstance(value, int):
            checks.append((col, EQ, value))
        elif isinstance(value, dict):
            for how, arg in value.items():
                check = _predicate(col, name, how.upper(), arg, strings)
                if check is None:
                    return None
                checks.append(check)
        else:
            return None
    return ops, tuple(checks)


def _predicate(col: int, name: str, how: str, arg: Any, strings: Any) -> Check | None:
    """An 'IN', 'NOT_IN' or 'REGEX' test as spaCy's predicates make it."""
    if how in ("IN", "NOT_IN") and isinstance(arg, list):
        if not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in arg):
            return None
        ids = frozenset(strings[v] if isinstance(v, str) else v for v in arg)
        return col, IN if how == "IN" else NOT_IN, ids
    if how == "REGEX" and isinstance(arg, str) and name in _STRING_ATTRS:
        return col, REGEX, re.compile(arg)
    return None


def compile_pattern(
    pattern: list[dict[str, Any]], columns: Columns, strings: Any
) -> tuple[PatternToken, ...] | None:
    """A pattern as spaCy's `_preprocess_pattern` lays it out, or None."""
    out: list[tuple[int, tuple[Check, ...]]] = []
    for spec in pattern:
        compiled = compile_token(spec, columns, strings)
        if compiled is None:
            return None
        ops, checks = compiled
        out += [(op, checks) for op in ops]
    if not out:
        return None
    last = len(out) - 1
    return tuple((op, checks, k == last) for k, (op, checks) in enumerate(out))


def _is_match(
    checks: tuple[Check, ...], cols: list[list[int]], j: int, strings: Any
) -> bool:
    for col, how, value in checks:
        x = cols[col][j]
        if how == EQ:
            if x != value:
                return False
        elif how == IN:
            if x not in value:
                return False
        elif how == NOT_IN:
            if x in value:
                return False
        elif not value.search(strings[x]):
            return False
    return True


def _action(quantifier: int, final: bool, is_match: bool) -> int:
    """spaCy's get_action for a pattern token (its quantifier, is it the
    pattern's last) whose tests pass or fail on the token."""
    if quantifier == ZERO:
        is_match = not is_match
        quantifier = ONE
    if quantifier == ONE:
        if is_match:
            return MATCH if final else ADVANCE
        return REJECT
    if quantifier == ZERO_PLUS:
        if is_match:
            return MATCH_EXTEND if final else RETRY_EXTEND
        return MATCH_REJECT if final else RETRY
    if is_match:  # ZERO_ONE
        return MATCH_DOUBLE if final else RETRY_ADVANCE
    return MATCH_REJECT if final else RETRY


# A pattern token as the states step over it: the column and the values its
# test accepts when it is a single EQ or IN test (most are: one exact word or
# a list of words), else None and its tests; then get_action's result when
# the tests pass and when they fail (fixed by its quantifier and place, so
# found once, not per token).
Step = tuple[int, frozenset[int] | None, tuple[Check, ...] | None, int, int]


def _step(tok: PatternToken) -> Step:
    quantifier, checks, final = tok
    if_match = _action(quantifier, final, True)
    if_not = _action(quantifier, final, False)
    if len(checks) == 1 and checks[0][1] in (EQ, IN):
        col, how, value = checks[0]
        values = frozenset([value]) if how == EQ else value
        return col, values, None, if_match, if_not
    return -1, None, checks, if_match, if_not


def _act(step: Step, cols: list[list[int]], j: int, strings: Any) -> int:
    """get_action for a state at this step and token j."""
    col, values, checks, if_match, if_not = step
    if checks is None:
        return if_match if cols[col][j] in values else if_not  # type: ignore[operator]
    return if_match if _is_match(checks, cols, j, strings) else if_not


def _merged(groups: list[tuple[int, ...]]) -> tuple[int, ...]:
    """Patterns of several groups, each once, in the order they were added."""
    return tuple(sorted({p for group in groups for p in group}))


# A state: (pattern number, pattern token index, start, length).
State = tuple[int, int, int, int]


def next_word_test(
    pattern: tuple[PatternToken, ...],
) -> tuple[int, frozenset[int]] | None:
    """(column, values) when a state of the pattern started on a token dies
    on the next token, leaving no match, unless that token's value in the
    column is one of the values. So when the pattern needs two tokens once
    (no quantifier) with only optional ones ('?', '*') before and between
    them, none of them its last, and every pattern token from the first the
    next token may be tested against up to the second needed one tests one
    column for one exact value or a list of them: the values are all those
    tokens' words. After the opening token a state stands at a leading
    optional token, or just past the first needed one (never a needed one
    started on: it took or rejected the opening token); on the next token
    it moves over optional tokens up to a needed one, each token's test
    failing leaves nothing, and none of them ends the pattern before the
    second needed one. A state started on the last token dies too (`find`'s
    finish_states matches nothing at a needed token). Else None."""
    needed = [k for k, tok in enumerate(pattern) if tok[0] == ONE]
    if len(needed) < 2:
        return None
    second = needed[1]
    # a needed first token took the opening token: the next is tested from 1
    first = 1 if needed[0] == 0 else 0
    column, values = -1, set[int]()
    for k, (quantifier, checks, final) in enumerate(pattern[: second + 1]):
        if quantifier == ZERO or (final and k < second):
            return None
        if k < first:
            continue
        test = _one_column_words(checks, column)
        if test is None:
            return None
        column, words = test
        values |= words
    return column, frozenset(values)


def last_word_test(
    pattern: tuple[PatternToken, ...],
) -> tuple[int, frozenset[int], frozenset[int]] | None:
    """(column, values, last values) when the pattern needs one token once,
    its last, with only optional ones before it ('?', '*'), each token
    testing one column for one exact value or a list of them: a state of
    it started on a token that is none of the last values (in the column)
    matches nothing there, and dies on the next token, leaving no match,
    unless that token's value is one of the values (all its tokens' words):
    it stands at an optional token or the last one, as past
    `next_word_test`'s first needed token. Else None."""
    if any(tok[0] not in (ONE, ZERO_PLUS, ZERO_ONE) for tok in pattern):
        return None
    if [tok[0] for tok in pattern].count(ONE) != 1 or pattern[-1][0] != ONE:
        return None
    column, values = -1, set[int]()
    last: frozenset[int] = frozenset()
    for _, checks, _ in pattern:
        test = _one_column_words(checks, column)
        if test is None:
            return None
        column, last = test
        values |= last
    return column, frozenset(values), last


def _one_column_words(checks: tuple[Check, ...], column: int) -> tuple[int, frozenset[int]] | None:
    """(column, words) when a pattern token's checks test one column (the
    same as `column`, unless that is -1) for one exact word or a list of
    them; else None."""
    if len(checks) != 1 or checks[0][1] not in (EQ, IN):
        return None
    col, how, value = checks[0]
    if column not in (-1, col):
        return None
    return col, frozenset([value]) if how == EQ else value


class Opening:
    """The patterns opening on a token, in the order they were added, and
    those of them that can outlive the next token, by its word: an index on
    the first two words. The patterns' next-word tests on one column (the
    one most of them test) are indexed; a pattern testing another column, or
    none, is always started."""

    __slots__ = ("patterns", "column", "by_next", "unindexed", "exempt")

    def __init__(
        self,
        patterns: tuple[int, ...],
        tests: list[tuple[int, frozenset[int]] | None],
        exempt: frozenset[int] = frozenset(),
    ):
        """`exempt`: patterns whose test does not hold here (they may match
        on the opening word itself: `last_word_test`), always started."""
        self.patterns, self.exempt = patterns, exempt
        tested = {
            p: test
            for p in patterns
            if p not in exempt and (test := tests[p]) is not None
        }
        columns = [col for col, _ in tested.values()]
        self.column = max(sorted(set(columns)), key=columns.count) if columns else -1
        indexed = {
            p: values for p, (col, values) in tested.items() if col == self.column
        }
        self.unindexed = tuple(p for p in patterns if p not in indexed)
        words = set().union(*indexed.values())
        self.by_next: dict[int, tuple[int, ...]] = {
            w: tuple(p for p in patterns if p not in indexed or w in indexed[p])
            for w in words
        }

    @classmethod
    def made(
        cls,
        patterns: tuple[int, ...],
        column: int,
        by_next: dict[int, tuple[int, ...]],
        unindexed: tuple[int, ...],
        exempt: frozenset[int],
    ) -> Opening:
        """The Opening whose fields these are (as an earlier one had them)."""
        opening = cls.__new__(cls)
        opening.patterns, opening.column = patterns, column
        opening.by_next, opening.unindexed = by_next, unindexed
        opening.exempt = exempt
        return opening

    def started(self, cols: list[list[int]], i: int, n: int) -> tuple[int, ...]:
        """The patterns to start on token i: those whose second token can
        match token i + 1 (none when i is the last token), and the others."""
        if i + 1 < n and self.column >= 0:
            return self.by_next.get(cols[self.column][i + 1], self.unindexed)
        return self.unindexed


# An opener's token, to sort the openers of several columns by.
_TOKEN = itemgetter(0)

# Most opening words of a column whose table is first tested as a whole
# against the Doc's values (most such words are rare: section titles, 'AV').
_FEW_WORDS = 8


class PatternStates:
    """Compiled patterns, each with its key; `find` gives spaCy's matches."""

    def __init__(self, strings: Any):
        self.strings = strings
        # the strings the patterns add to the store, in order (`plain`)
        self.added_strings = _AddedStrings(strings)
        self.columns = Columns()
        self.patterns: list[tuple[PatternToken, ...]] = []
        self.steps: list[tuple[Step, ...]] = []  # per pattern, its tokens' steps
        self.keys: list[int] = []
        # per column: opening word id -> the patterns opening on it, in order
        self.openers: dict[int, dict[int, tuple[int, ...]]] = {}
        self.anywhere: list[int] = []  # patterns that may open on any token
        self._ids: list[int] = []
        # per pattern, what the word after its opening must be (next_word_test)
        self._next_tests: list[tuple[int, frozenset[int]] | None] = []
        # per pattern, the column and words of its last token when its
        # next-word test holds only on an opening word none of them
        # (last_word_test)
        self._completing: list[tuple[int, frozenset[int]] | None] = []
        # the openers' tables with Opening values, built when first matched
        self._tables: dict[int, dict[int, Opening]] | None = None
        self._made_openings: dict[tuple[tuple[int, ...], frozenset[int]], Opening] = {}

    def add(
        self,
        key: int,
        pattern: list[dict[str, Any]],
        opening: list[tuple[str, str]] | None,
    ) -> bool:
        """Adds a pattern (False if not implemented: nothing added).
        `opening`: the (attribute, word) pairs it can open on, None for any."""
        compiled = compile_pattern(pattern, self.columns, self.added_strings)
        if compiled is None:
            return False
        n = len(self.patterns)
        self.patterns.append(compiled)
        self.steps.append(tuple(_step(tok) for tok in compiled))
        self.keys.append(key)
        last = last_word_test(compiled)
        if last is None:
            self._next_tests.append(next_word_test(compiled))
            self._completing.append(None)
        else:
            self._next_tests.append(last[:2])
            self._completing.append((last[0], last[2]))
        self._tables = None
        self._made_openings = {}
        if opening is None:
            self.anywhere.append(n)
        else:
            for attr, word in opening:
                col = self.columns.index(attr)
                table = self.openers.setdefault(col, {})
                h = self.added_strings.add(word)
                if n not in table.get(h, ()):
                    table[h] = (*table.get(h, ()), n)
        self._ids = self.columns.ids()
        return True

    def plain(self) -> dict[str, Any]:
        """What `from_plain` makes the same states of, as plain data (for
        the build cache: marshal stores ints, strings, tuples, frozensets,
        lists and dicts); a REGEX test holds its pattern and flags."""
        regex_at = [
            (p, t, c)
            for p, pattern in enumerate(self.patterns)
            for t, (_, checks, _) in enumerate(pattern)
            for c, check in enumerate(checks)
            if check[1] == REGEX
        ]
        tables = self._opening_tables()  # made now, once, rather than at first use
        openings = list(self._made_openings.values())
        number = {id(o): n for n, o in enumerate(openings)}
        patterns: list[Any] = list(self.patterns)
        steps: list[Any] = list(self.steps)
        for p, t, c in regex_at:
            patterns[p] = _replaced(patterns[p], t, c, _regex_text)
            steps[p] = (*steps[p][:t], None, *steps[p][t + 1 :])  # made again
        return {
            "names": list(self.columns.names),
            "patterns": patterns,
            "steps": steps,
            "next_tests": list(self._next_tests),
            "completing": list(self._completing),
            "regex_at": regex_at,
            "keys": list(self.keys),
            "openers": {col: dict(table) for col, table in self.openers.items()},
            "anywhere": list(self.anywhere),
            "strings": list(self.added_strings.added),
            "openings": [
                (o.patterns, o.column, o.by_next, o.unindexed, o.exempt)
                for o in openings
            ],
            "tables": {
                col: {w: number[id(o)] for w, o in table.items()}
                for col, table in tables.items()
            },
        }

    @classmethod
    def from_plain(cls, strings: Any, kept: Any) -> PatternStates | None:
        """The states `plain` gave `kept` of, their strings added to
        `strings` (None when `kept` is not such data: compiled anew)."""
        try:
            states = cls(strings)
            states.columns.names = list(kept["names"])
            patterns, steps = list(kept["patterns"]), list(kept["steps"])
            for p, t, c in kept["regex_at"]:
                patterns[p] = _replaced(patterns[p], t, c, _regex_of)
                steps[p] = (*steps[p][:t], _step(patterns[p][t]), *steps[p][t + 1 :])
            if len(steps) != len(patterns) or len(kept["next_tests"]) != len(steps):
                return None
            states.patterns, states.steps = patterns, steps
            states._next_tests = list(kept["next_tests"])
            states._completing = list(kept["completing"])
            if len(states._completing) != len(steps):
                return None
            states.keys = list(kept["keys"])
            states.openers = {c: dict(t) for c, t in kept["openers"].items()}
            states.anywhere = list(kept["anywhere"])
            added = states.added_strings.added = list(kept["strings"])
            for string in added:
                strings.add(string)
            states._ids = states.columns.ids()
            openings = [Opening.made(*parts) for parts in kept["openings"]]
            states._made_openings = {(o.patterns, o.exempt): o for o in openings}
            states._tables = {
                col: {w: openings[n] for w, n in table.items()}
                for col, table in kept["tables"].items()
            }
        except Exception:  # noqa: BLE001 - of another shape: compiled anew
            return None
        return states

    def read(self, doc: Any) -> list[list[int]]:
        """The Doc's value of each attribute the patterns read, per token."""
        if not len(doc) or not self._ids:
            return [[] for _ in self._ids]
        return doc.to_array(self._ids).reshape(len(doc), -1).T.tolist()  # type: ignore[no-any-return]

    def find(
        self,
        cols: list[list[int]],
        n: int,
        found: dict[int, list[tuple[int, Opening]]] | None = None,
    ) -> list[tuple[int, int, int]]:
        """(key, start, end) of every match, as spaCy's `find_matches` gives
        them. `found`: where the patterns open, per column (`_openings`)."""
        if not n or not self.patterns:
            return []
        opening = self._openings(cols, n, found)
        if not opening:
            return []
        strings, patterns, transition = self.strings, self.patterns, self._transition
        matches: list[tuple[int, int, int]] = []
        states: list[State] = []
        i = 0  # the next token the states under way move over
        for start, opened in opening:
            # the states under way move on up to the opening, unless all die
            # before it (then nothing is under way until it)
            while states and i < start:
                states = transition(states, cols, i, matches, strings)
                i += 1
            # opened.started(cols, start, n), without a call per opening
            col = opened.column
            started = (
                opened.by_next.get(cols[col][start + 1], opened.unindexed)
                if col >= 0 and start + 1 < n
                else opened.unindexed
            )
            for p in started:  # a loop, not a list: most open none or one
                states.append((p, 0, start, 0))
            if states:
                states = transition(states, cols, start, matches, strings)
            i = start + 1
        while states and i < n:  # past the last opening, until all die
            states = transition(states, cols, i, matches, strings)
            i += 1
        for p, t, start, length in states:  # finish_states
            toks = patterns[p]
            while toks[t][0] in (ZERO_PLUS, ZERO_ONE):
                if toks[t][2]:
                    matches.append((p, start, length))
                    break
                t += 1
        seen: set[tuple[int, int, int]] = set()
        out: list[tuple[int, int, int]] = []
        for p, start, length in matches:
            match = (self.keys[p], start, start + length)
            if length > 0 and match not in seen:
                out.append(match)
                seen.add(match)
        return out

    def _opening(
        self, patterns: tuple[int, ...], exempt: frozenset[int] = frozenset()
    ) -> Opening:
        """The Opening of these patterns (`exempt`: Opening), made once."""
        found = self._made_openings.get((patterns, exempt))
        if found is None:
            found = Opening(patterns, self._next_tests, exempt)
            self._made_openings[patterns, exempt] = found
        return found

    def _exempt(self, col: int, word: int, patterns: tuple[int, ...]) -> frozenset[int]:
        """The patterns opening on `word` (in column `col`) that may match
        on it alone: their next-word test does not hold there."""
        completing = self._completing
        return frozenset(
            p
            for p in patterns
            if (last := completing[p]) is not None
            and (last[0] != col or word in last[1])
        )

    def _opening_tables(self) -> dict[int, dict[int, Opening]]:
        """Per column: opening word id -> the Opening of the patterns opening on it."""
        if self._tables is None:
            self._tables = {
                col: {
                    w: self._opening(ps, self._exempt(col, w, ps))
                    for w, ps in table.items()
                }
                for col, table in self.openers.items()
            }
        return self._tables

    def _openings(
        self,
        cols: list[list[int]],
        n: int,
        found: dict[int, list[tuple[int, Opening]]] | None = None,
    ) -> list[tuple[int, Opening]]:
        """Each token some pattern opens on, with those patterns in order.
        `found`: per column, its openers in token order, when a pass shared
        with other states' patterns (`SharedOpenings`) has found them."""
        per_column = []
        for col, table in self._opening_tables().items():
            if found is None:
                at = openers(table, cols[col], n)
            else:
                at = found.get(col, [])
            if at:
                per_column.append(at)
        if len(per_column) == 1 and not self.anywhere:
            return per_column[0]
        if not self.anywhere:
            # the columns' openers in token order (a stable sort: at a token,
            # in the columns' order), as they are where no two columns open
            # on the same token (most Docs): no merging per token
            at = sorted(chain.from_iterable(per_column), key=_TOKEN)
            if len({j for j, _ in at}) == len(at):
                return at
            # else the patterns of the columns opening on one token merged
            merged: list[tuple[int, Opening]] = []
            for j, opening in at:
                if merged and merged[-1][0] == j:
                    first = merged[-1][1]
                    both = _merged([first.patterns, opening.patterns])
                    exempt = first.exempt | opening.exempt
                    merged[-1] = (j, self._opening(both, exempt))
                else:
                    merged.append((j, opening))
            return merged
        by_token: dict[int, list[Opening]] = {}
        for at in per_column:
            for j, opening in at:
                by_token.setdefault(j, []).append(opening)
        every = tuple(self.anywhere)
        # a pattern opening anywhere may match on any word alone
        anywhere = frozenset(p for p in every if self._completing[p] is not None)
        return [
            (
                j,
                self._opening(
                    _merged([*(o.patterns for o in by_token.get(j, ())), every]),
                    anywhere.union(*(o.exempt for o in by_token.get(j, ()))),
                ),
            )
            for j in range(n)
        ]

    def _transition(
        self,
        states: list[State],
        cols: list[list[int]],
        j: int,
        matches: list[tuple[int, int, int]],
        strings: Any,
    ) -> list[State]:
        """spaCy's transition_states: every state moved over token j."""
        kept: list[State] = []
        new: list[State] = []
        all_steps = self.steps
        for p, t, start, length in states:
            steps = all_steps[p]
            while True:  # a RETRY asks the pattern's next token of token j
                col, values, checks, if_match, if_not = steps[t]
                if checks is None:  # one word or list of words (most steps): inline
                    action = if_match if cols[col][j] in values else if_not  # type: ignore[operator]
                else:
                    action = _act(steps[t], cols, j, strings)
                if action < RETRY:  # REJECT, MATCH, ADVANCE (most moves): one test
                    break
                if action == RETRY_EXTEND:
                    new.append((p, t, start, length + 1))
                elif action == RETRY_ADVANCE:
                    new.append((p, t + 1, start, length + 1))
                elif action != RETRY:
                    break
                t += 1
            if action == REJECT:
                continue
            if action == ADVANCE:
                kept.append((p, t + 1, start, length + 1))
            elif action == MATCH:
                matches.append((p, start, length + 1))
            elif action == MATCH_DOUBLE:
                if length > 0:
                    matches.append((p, start, length))
                matches.append((p, start, length + 1))
            elif action == MATCH_REJECT:
                matches.append((p, start, length))
            elif action == MATCH_EXTEND:
                matches.append((p, start, length))
                kept.append((p, t, start, length + 1))
        if new:  # a RETRY's states after the others (most moves have none)
            kept += new
        return kept


def openers(table: dict[int, Any], values: list[int], n: int) -> list[tuple[int, Any]]:
    """(token, what the table gives for its value) of each of the n tokens
    whose value is in the table, in token order. The tokens are looked up in
    the table by `map` and those found picked by `compress` (both in C, not
    a test per token); a table of one or two words, by `list.count` and
    `list.index` per word (cheaper still than a look-up per token, and with
    no first pass to tell whether the Doc holds one: a comparison per token
    is a third of a look-up's cost)."""
    if len(table) <= 2:
        at = []
        for value, given in table.items():
            j = -1
            for _ in range(values.count(value)):
                j = values.index(value, j + 1)
                at.append((j, given))
        at.sort(key=_TOKEN)
        return at
    if len(table) <= _FEW_WORDS and table.keys().isdisjoint(values):
        return []  # a few opening words, none in the Doc (one pass in C)
    # None where nothing opens: compress keeps only the openers
    opened: list[Any] = list(map(table.get, values))
    return [(j, opened[j]) for j in compress(range(n), opened)]


class SharedOpenings:
    """Where the patterns of several PatternStates open in one Doc, each
    token attribute column read once for all of them: the rule matchers
    that match a report's Doc (mentions, sections, other rules) each looked
    up every token of the columns they open on (LOWER, ORTH) in their own
    table. One table per column gives, for a word, every states' Opening
    on it; `find` gives each states its `_openings` per column."""

    def __init__(self, states: list[PatternStates]):
        self.states = states
        merged: dict[str, dict[int, list[tuple[PatternStates, int, Opening]]]] = {}
        for st in states:
            for col, table in st._opening_tables().items():
                words = merged.setdefault(st.columns.names[col], {})
                for word, opening in table.items():
                    words.setdefault(word, []).append((st, col, opening))
        self.tables = {
            name: {word: tuple(given) for word, given in words.items()}
            for name, words in merged.items()
        }

    def find(
        self, columns: Any, n: int
    ) -> dict[PatternStates, dict[int, list[tuple[int, Opening]]]]:
        """Per states: its column -> (token, Opening) of each token its
        patterns open on, in token order. `columns`: the Doc's values by
        attribute name."""
        out: dict[PatternStates, dict[int, list[tuple[int, Opening]]]] = {
            st: {} for st in self.states
        }
        for name, table in self.tables.items():
            for j, given in openers(table, columns[name], n):
                for st, col, opening in given:
                    out[st].setdefault(col, []).append((j, opening))
        return out


class _AddedStrings:
    """A StringStore that lists the strings added to it (a pattern's test
    looks words up by `[]`, which adds nothing)."""

    def __init__(self, strings: Any):
        self.strings = strings
        self.added: list[str] = []

    def add(self, string: str) -> int:
        self.added.append(string)
        return self.strings.add(string)  # type: ignore[no-any-return]

    def __getitem__(self, key: Any) -> Any:
        return self.strings[key]


def _replaced(
    pattern: tuple[Any, ...], t: int, c: int, change: Any
) -> tuple[Any, ...]:
    """The pattern with check c of token t's value changed."""
    op, checks, final = pattern[t]
    col, how, value = checks[c]
    checks = (*checks[:c], (col, how, change(value)), *checks[c + 1 :])
    return (*pattern[:t], (op, checks, final), *pattern[t + 1 :])


def _regex_text(rx: re.Pattern[str]) -> tuple[str, int]:
    return rx.pattern, rx.flags


def _regex_of(kept: tuple[str, int]) -> re.Pattern[str]:
    return re.compile(kept[0], kept[1])
