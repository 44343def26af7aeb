"""A cheap text test, generated from the mention rules, that skips the NLP.

Every CALCIFICATION rule needs some token to match; the first required token
of each rule becomes a plain-text search (its literal, its IN list, or its
token regex without anchors). A report in which none of them occurs cannot
hold a finding, so the pipeline skips it. Anything we cannot translate makes
the filter pass everything: it may let too much through, never too little.
A property test checks this against the full pipeline, typos included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def _first_required(pattern: list[dict[str, Any]]) -> dict[str, Any] | None:
    for tok in pattern:
        if tok.get("OP") in (None, "+", "1"):
            return tok
    return None


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
        cleaned.append(p)
    return "|".join(f"(?:{p})" for p in cleaned)


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
        self.everything = everything
        self._lower = re.compile("|".join(lower)) if lower else None
        self._exact = re.compile("|".join(exact)) if exact else None

    def __call__(self, text: str) -> bool:
        if self.everything:
            return True
        if self._lower is not None and self._lower.search(text.lower()):
            return True
        return bool(self._exact is not None and self._exact.search(text))


def build_prefilter(mention_rules: list[dict[str, Any]], tokenize: Callable[[str], list[str]]) -> Prefilter:
    lower: list[str] = []
    exact: list[str] = []
    for rule in mention_rules:
        if rule["category"] != "CALCIFICATION":
            continue
        pattern = rule.get("pattern")
        if pattern is None:
            words = tokenize(rule["literal"].lower())
            if not words:
                return Prefilter([], [], everything=True)
            lower.append(re.escape(words[0]))
            continue
        tok = _first_required(pattern)
        if tok is None:
            return Prefilter([], [], everything=True)
        for attr, bucket, case in (("LOWER", lower, str.lower), ("ORTH", exact, None), ("TEXT", exact, None)):
            if attr not in tok:
                continue
            spec = _spec(tok[attr])
            if spec is None:
                return Prefilter([], [], everything=True)
            if isinstance(spec, str):
                try:
                    re.compile(_unanchor(spec))
                except re.error:
                    return Prefilter([], [], everything=True)
                bucket.append(_unanchor(spec))
            else:
                bucket.extend(re.escape(case(v) if case else v) for v in spec)
            break
        else:
            return Prefilter([], [], everything=True)
    return Prefilter(lower, exact)
