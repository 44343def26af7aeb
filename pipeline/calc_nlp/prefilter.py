"""A cheap text test, generated from the mention rules, that skips the NLP.

Every CALCIFICATION rule needs some token to match; its most selective
required token becomes a plain-text search (its literal, its IN list, or its
token regex without anchors). A report in which none of them occurs cannot
hold a finding, so the pipeline skips it. Anything we cannot translate makes
the filter pass everything: it may let too much through, never too little.
A property test checks this against the full pipeline, typos included.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from typing import Any

from calc_nlp.lowered import lower_once
from calc_nlp.regex_starts import starts
from calc_nlp.trie import trie_branches

# How a search's regex is made from its parts (None for no parts), and
# RegexCache.made (a regex made by a function of strings, kept compiled).
PartsRegex = Callable[[list[str]], "re.Pattern[str] | None"]
Made = Callable[[Callable[[list[str]], re.Pattern[str]], list[str]], re.Pattern[str]]

# The quantifiers with which a pattern token must match once or more.
_NEEDED = (None, "+", "1")


def _first_required(pattern: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The most selective token the pattern requires (fewest alternatives, the
    first of equals): any required token is a valid text test, and a rare one
    lets fewer reports through ('contains calcium' is searched as 'calcium',
    not as 'contains' or 'evidence')."""
    required = [tok for tok in pattern if tok.get("OP") in _NEEDED]
    if not required:
        return None
    return min(required, key=_alternatives)


def _alternatives(tok: dict[str, Any]) -> int:
    for attr in ("LOWER", "NORM", "ORTH", "TEXT"):
        value = tok.get(attr)
        if isinstance(value, str):
            return 1
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return len(value["IN"])
    return 1_000  # a regex or another attribute: least preferred


def _unanchor(regex: str) -> str:
    """Drop ^ and $ at the ends of each top-level alternative (token regexes)."""
    parts, depth, cur = [], 0, ""
    for ch in regex:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    cleaned = []
    for p in parts:
        if p.startswith("^"):
            p = p[1:]
        if p.endswith("$") and not p.endswith("\\$"):
            p = p[:-1]
        cleaned.append(_drop_optional_head(p))
    return "|".join(f"(?:{p})" for p in cleaned)


def _drop_optional_head(p: str) -> str:
    """'(micro)?calcs' occurs in a text iff 'calcs' does: an optional group at
    the start of an unanchored search changes nothing but the speed (a literal
    first character lets `re` skip ahead)."""
    while p.startswith("("):
        depth, i = 0, 0
        while i < len(p):
            ch = p[i]
            if ch == "\\":
                i += 2
                continue
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                break
            i += 1
        if (
            depth == 0
            and p[i + 1 : i + 2] == "?"
            and p[i + 2 : i + 3] not in ("?", "+")
        ):
            p = p[i + 2 :]
        else:
            break
    return p


def _spec(attr_value: Any) -> list[str] | str | None:
    """A token attribute value as literal strings (list) or a regex (str)."""
    if isinstance(attr_value, str):
        return [attr_value]
    if isinstance(attr_value, dict):
        if "IN" in attr_value and isinstance(attr_value["IN"], list):
            return [str(v) for v in attr_value["IN"]]
        if "REGEX" in attr_value:
            return str(attr_value["REGEX"])
    return None


class Prefilter:
    """`prefilter(text)` is False only when no finding rule can match the text."""

    def __init__(self, lower: list[str], exact: list[str], everything: bool = False):
        # what it is made from, as plain data (kept in the build cache: screen.py)
        self.parts = (list(lower), list(exact), everything)
        self.everything = everything
        self._lower = _search_of(lower)
        self._exact = _search_of(exact)
        self._exact_lowered = _lowered_literals(exact)

    def __call__(self, text: str) -> bool:
        if self.everything:
            return True
        if self._lower.rx is not None and self._lower(lower_once(text)):
            return True
        return self._exact.rx is not None and self._exact(text)

    def may_pass_recased(self, text: str) -> bool:
        """Can the text pass once some of its ASCII lower-case letters are
        put in capitals (stages/capitals.py `recase`), having failed as
        written? Recasing leaves the lower case of the text as it is, so the
        lower-case part still fails and only the exact part can pass, with
        one of its words, whose lower case the lower-cased text then holds:
        one substring scan ('mac') instead of the test of the whole text for
        capitals (most reports hold no 'mac'). True when it cannot tell (an
        exact part that is a regex, or a word that is not ASCII)."""
        if self.everything:
            return True
        words = self._exact_lowered
        if words is None:
            return True
        low = lower_once(text)
        return any(w in low for w in words)

    def hits(self, text: str) -> list[tuple[int, int]] | None:
        """Where the text holds what the filter searches for, in text order:
        every finding's mention holds one of these (its rule's required
        token). None when the filter cannot tell (it passes everything) or
        lower-casing moves characters (a few Unicode letters grow)."""
        if self.everything:
            return None
        low = lower_once(text)
        if len(low) != len(text):
            return None
        found = []
        for search, body in ((self._lower, low), (self._exact, text)):
            if search.rx is not None:
                found += [m.span() for m in search.rx.finditer(body)]
        return sorted(found)


def _lowered_literals(parts: list[str]) -> tuple[str, ...] | None:
    """The lower case of each of the parts, all escaped ASCII literals (None
    if a part is a regex or not ASCII: `may_pass_recased` cannot tell)."""
    words = []
    for p in parts:
        literal = re.sub(r"\\(.)", r"\1", p)
        if re.escape(literal) != p or not literal.isascii():
            return None
        words.append(literal.lower())
    return tuple(words)


# The prefilters' searches made in this process, by their parts: the screen
# and the pipeline of one rule set make the same prefilter (screen.py), and a
# search is only read once made.
_MADE: dict[tuple[str, ...], _Search] = {}


def _search_of(parts: list[str]) -> _Search:
    """`_Search(parts)`, made once per process."""
    key = tuple(parts)
    found = _MADE.get(key)
    if found is None:
        found = _MADE[key] = _Search(parts)
    return found


class _Search:
    """One part of the prefilter: its regex, and the substrings that decide
    without it. A literal occurs in a text iff the regex finds it there (the
    regex is the literals' alternative beside the regexes, unanchored); a
    regex can match only where one of its openings (regex_starts.py) occurs.
    So a text holding a literal passes, one holding no literal and no
    opening fails, and only the others are searched with the regex: the same
    answers, by a few substring scans for most texts.

    `openings=False` searches with the regex whenever it has regex parts:
    for texts that hold an opening nearly always, its one pass costs less
    than the scans for the openings (short words: 'calf', 'calcs')."""

    def __init__(
        self,
        parts: list[str],
        openings: bool = True,
        compile_parts: PartsRegex | None = None,
    ):
        self.rx = (compile_parts or _compile)(parts)
        sure: set[str] = set()
        maybe: set[str] = set()
        self.gated = True
        for p in parts:
            literal = re.sub(r"\\(.)", r"\1", p)
            if re.escape(literal) == p:
                if literal:  # the trie leaves an empty literal out
                    sure.add(literal)
                continue
            opening = starts(p) if openings else None
            if opening is None:
                self.gated = False  # a regex that can open anywhere: search
            else:
                maybe |= opening
        self.sure = _shortest(sure, set())
        self.maybe = _shortest(maybe, sure)
        self._groups = _groups(self.sure, self.maybe)
        self._keys = tuple(g[0] for g in self._groups)

    def __call__(self, text: str) -> bool:
        if not self.gated:
            return self.rx is not None and self.rx.search(text) is not None
        for key in self._keys:  # most texts hold none: one plain loop
            if key in text:
                break
        else:
            return False
        opening = False
        for key, key_sure, key_maybe, sure, maybe in self._groups:
            if key in text:
                if key_sure:
                    return True
                for word in sure:
                    if word in text:
                        return True
                if key_maybe:
                    opening = True
                elif not opening:
                    opening = any(word in text for word in maybe)
        if opening:
            return self.rx is not None and self.rx.search(text) is not None
        return False


# (key, key is a sure word, key is an opening, the group's other sure words,
# its other openings): words grouped by their first four characters, the key
# their common start (`_Search._groups`)
Group = tuple[str, bool, bool, tuple[str, ...], tuple[str, ...]]


def _groups(sure: tuple[str, ...], maybe: tuple[str, ...]) -> tuple[Group, ...]:
    """The words of a search grouped by their first four characters, each
    group scanned for once by its words' common start: a text without
    'calc' holds none of 'calcific', 'calcium', 'calcs'... (eight scans in
    one). The same answers as a scan for each word: a sure word present
    gives True, else an opening present gives the regex's answer."""
    by_start: dict[str, list[tuple[str, bool]]] = {}
    for word, is_sure in [(w, True) for w in sure] + [(w, False) for w in maybe]:
        by_start.setdefault(word[:4], []).append((word, is_sure))
    out = []
    for start in sorted(by_start):
        words = by_start[start]
        key = os.path.commonprefix([w for w, _ in words])
        out.append(
            (
                key,
                (key, True) in words,
                (key, False) in words,
                tuple(w for w, s in words if s and w != key),
                tuple(w for w, s in words if not s and w != key),
            )
        )
    return tuple(out)


def _shortest(words: set[str], given: set[str]) -> tuple[str, ...]:
    """The words holding none of the others nor any of `given` (a text
    holding a dropped word holds a kept one too), in a fixed order."""
    pool = words | given
    lengths = sorted({len(o) for o in pool})
    return tuple(sorted(w for w in words if not _holds_another(w, pool, lengths)))


def _holds_another(word: str, pool: set[str], lengths: list[int]) -> bool:
    """Does `word` hold a string of `pool` (whose string `lengths` these
    are, ascending) other than itself? Its pieces of each shorter length
    are looked up in the pool, a set: a few dozen look-ups for a word,
    where testing each pool string would be hundreds of scans."""
    n = len(word)
    for k in lengths:
        if k >= n:
            break
        if k == 0 or any(word[i : i + k] in pool for i in range(n - k + 1)):
            return True  # (the empty string is in every longer one)
    return False


def _compile(parts: list[str]) -> re.Pattern[str] | None:
    """The parts' regex (None for no parts)."""
    return _alternation(parts) if parts else None


def kept_regex(made: Made) -> PartsRegex:
    """`_compile` by way of `made` (RegexCache.made: the regex's text and
    code kept in the build cache, for a fast start-up)."""
    return lambda parts: made(_alternation, parts) if parts else None


def _alternation(parts: list[str]) -> re.Pattern[str]:
    """Escaped literals go into prefix-factored alternatives (one per first
    letter), regexes beside them."""
    literals = [
        re.sub(r"\\(.)", r"\1", p)
        for p in parts
        if re.escape(re.sub(r"\\(.)", r"\1", p)) == p
    ]
    regexes = sorted({p for p in parts if re.escape(re.sub(r"\\(.)", r"\1", p)) != p})
    alternatives = trie_branches(literals) + regexes
    return re.compile("|".join(alternatives) if alternatives else "(?!)")


def token_search(
    tok: dict[str, Any], norms: list[dict[str, Any]]
) -> tuple[bool, list[str]] | None:
    """How a text shows that a pattern token may match one of its words:
    (searched in the lower-cased text?, the searches: escaped literals or
    token regexes without anchors), or None when it cannot tell."""
    for attr, lowered in (
        ("LOWER", True),
        ("NORM", True),
        ("ORTH", False),
        ("TEXT", False),
    ):
        if attr not in tok:
            continue
        spec = _spec(tok[attr])
        if spec is None:
            return None
        parts: list[str] = []
        if attr == "NORM" and isinstance(spec, list):
            # a NORM is the word's lower case, or a token_norms value
            parts += [_unanchor(n["regex"]) for n in norms if n["norm"] in spec]
        if isinstance(spec, str):
            try:
                re.compile(_unanchor(spec))
            except re.error:
                return None
            parts.append(_unanchor(spec))
        else:
            parts += [_literal_part(v.lower()) if lowered else re.escape(v) for v in spec]
        return lowered, parts
    return None


# Literals this short are searched as whole words' ends: a token equal to
# 'calc' ends where its letters do (spaCy splits no run of letters), so
# 'calculus', 'calculated' and 'hypocalcemia' hold no such token and no
# longer send their reports to the NLP.
_SHORT_LITERAL = 5


def _literal_part(value: str) -> str:
    """A literal token value as a search: escaped, and, when it is a short
    word, not followed by another letter."""
    part = re.escape(value)
    if len(value) <= _SHORT_LITERAL and value.isalpha():
        return part + "(?![^\\W\\d_])"
    return part


def _finding_rules(
    mention_rules: list[dict[str, Any]], tokenize: Callable[[str], list[str]]
) -> Iterator[tuple[list[str], list[dict[str, Any]] | None]]:
    """Each finding (CALCIFICATION) rule as (its phrase's lower-case words,
    None) or ([], its token pattern): what both builders read of it."""
    for rule in mention_rules:
        if rule["category"] != "CALCIFICATION":
            continue
        pattern = rule.get("pattern")
        if pattern is None:
            yield tokenize(rule["literal"].lower()), None
        else:
            yield [], pattern


def build_prefilter(
    mention_rules: list[dict[str, Any]],
    tokenize: Callable[[str], list[str]],
    token_norms: list[dict[str, Any]] | None = None,
) -> Prefilter:
    norms = token_norms or []
    lower: list[str] = []
    exact: list[str] = []
    for words, pattern in _finding_rules(mention_rules, tokenize):
        if pattern is None:
            if not words:
                return Prefilter([], [], everything=True)
            lower.append(re.escape(words[0]))
            continue
        tok = _first_required(pattern)
        found = token_search(tok, norms) if tok is not None else None
        if found is None:
            return Prefilter([], [], everything=True)
        lowered, parts = found
        (lower if lowered else exact).extend(parts)
    return Prefilter(lower, exact)


class RuleWords:
    """`may_match(text)` is False only when no finding rule can match the
    text: a stronger test than the prefilter's (one required token per
    rule), for the reports it passes. A rule matches only where each token
    it requires does, so a rule can match a text only if the text holds,
    for every such token, one of the words (or token regexes) it takes; a
    rule with no such token it can translate may match anything. Each word
    list is searched at most once per text, as the prefilter searches."""

    def __init__(
        self,
        rules: list[list[tuple[bool, tuple[str, ...]]]],
        compile_parts: PartsRegex = _compile,
    ):
        """`compile_parts`: how a search's regex is made (`_compile`, or the
        same kept by the build cache: `kept_regex`)."""
        self.rules = rules  # per finding rule: its required tokens' searches
        # the texts asked about passed the prefilter: they hold a
        # calcification word, so a regex's openings are scanned for in vain
        # each word list once (rules share some)
        self._searches = {
            needs: _Search(list(needs[1]), False, compile_parts)
            for needs in dict.fromkeys(needs for rule in rules for needs in rule)
        }

    def may_match(self, text: str) -> bool:
        low = ""
        found: dict[tuple[bool, tuple[str, ...]], bool] = {}
        for rule in self.rules:
            for needs in rule:
                if needs not in found:
                    if needs[0] and not low:
                        low = lower_once(text)
                    found[needs] = self._searches[needs](low if needs[0] else text)
                if not found[needs]:
                    break
            else:
                return True  # every token this rule requires may be there
        return False


def build_rule_words(
    mention_rules: list[dict[str, Any]],
    tokenize: Callable[[str], list[str]],
    token_norms: list[dict[str, Any]] | None = None,
    compile_parts: PartsRegex = _compile,
) -> RuleWords:
    """The required tokens' searches of every finding (CALCIFICATION) rule:
    each word of a phrase rule, each token a pattern needs (op 1 or +)."""
    norms = token_norms or []
    rules: list[list[tuple[bool, tuple[str, ...]]]] = []
    for words, pattern in _finding_rules(mention_rules, tokenize):
        if pattern is None:
            rules.append([(True, (re.escape(w),)) for w in words])
            continue
        needs = []
        for tok in pattern:
            found = token_search(tok, norms) if tok.get("OP") in _NEEDED else None
            if found is not None:
                needs.append((found[0], tuple(found[1])))
        rules.append(needs)
    return RuleWords(rules, compile_parts)
