"""Interval change of the descriptors stage beyond the finding's own clause
(corpora/GUIDE.md, Descriptors: change): a change phrase that closes the
sentence is every finding's of it, one that a copula or an "and" puts after
the mention is the mention's ("is again seen", "and stable since")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.descriptor_sizes import Word


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _change_at(dr: DescriptorRules, text: str, at: int) -> re.Match[str] | None:
    """A change term (with a value) starting at `at`, past spaces."""
    m = dr.terms.match(text, _skip_spaces(text, at))
    if m is None:
        return None
    entry = dr.term(m.group())
    return m if entry["field"] == "change" and entry["value"] else None


def closing_change(
    dr: DescriptorRules, text: str, spans: list[Span], sent: Span
) -> Word | None:
    """A change phrase that closes the sentence after a comma, past its last
    finding ("..., unchanged.", "..., progressed since prior."), is every
    finding's of the sentence: (value, rule id, start, end)."""
    last = max(s.end_char for s in spans if sent.start <= s.start < sent.end)
    comma = text.rfind(",", last, sent.end_char)
    m = _change_at(dr, text, comma + 1) if comma >= 0 else None
    if m is None or m.end() > sent.end_char:
        return None
    entry = dr.term(m.group())
    return (entry["value"], entry["id"], m.start(), m.end())


def predicate_change(
    dr: DescriptorRules, text: str, end: int, stop: int
) -> re.Match[str] | None:
    """A change term a copula or "and" puts after the mention ("is again seen
    but", "are stable as are", "and stable compared with prior"): the first
    one after only copulas, "and" and words that are not terms."""
    at = end
    while at < stop:
        m = _change_at(dr, text, at)
        if m is not None:
            return m if m.end() <= stop else None
        w = re.compile(r"[^\S\n]*(\w+)").match(text, at)
        if w is None or w.group(1).lower() not in dr.copulas | {"and"}:
            return None
        at = w.end()
    return None
