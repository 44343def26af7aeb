"""A literal test before a set of regex scans: a text holding none of the
words every match must contain is answered without the scans.

The words are read from the compiled rules themselves (the longest run of
plain characters at the top level of each pattern), so the test follows the
rules in patterns/ as they change. A pattern without such a run, or a
case-blind pattern over a text that is not plain ASCII (where case folding
goes beyond `str.lower`), leaves the gate open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _parser  # type: ignore[attr-defined]  # the parser `re` compiles with
from typing import TypeVar

from calc_nlp.lowered import lower_once


def required_literal(rx: re.Pattern[str]) -> str | None:
    """The longest run of plain characters every match of `rx` holds, else None."""
    found = required_run(rx)
    return found[0] if found is not None else None


def required_run(rx: re.Pattern[str]) -> tuple[str, int | None] | None:
    """The longest run of plain characters every match of `rx` holds, and
    the most characters a match holds before it (None: no bound), else None."""
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001  (a pattern this parser reads otherwise: no gate)
        return None
    best, run, best_at, run_at = "", "", 0, 0
    for k, (op, arg) in enumerate(parsed):
        if op is _parser.LITERAL:
            if not run:
                run_at = k
            run += chr(arg)
            if len(run) > len(best):
                best, best_at = run, run_at
        else:
            run = ""
    if len(best) < 2:
        return None
    try:
        lead = _parser.SubPattern(parsed.state, parsed.data[:best_at]).getwidth()[1]
    except Exception:  # noqa: BLE001  (a width this parser cannot tell: no bound)
        return best, None
    return best, lead if lead < _parser.MAXREPEAT else None


class LiteralGate:
    """`may_match(text)`: False only when no pattern can match the text."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]):
        self.exact: list[str] = []  # case-sensitive patterns' words
        self.folded: list[str] = []  # case-blind patterns' words, lower case
        self.open = False  # some pattern has no word to test
        for rx in patterns:
            word = required_literal(rx)
            if word is None or not word.isascii():
                self.open = True
            elif rx.flags & re.IGNORECASE:
                self.folded.append(word.lower())
            else:
                self.exact.append(word)

    def may_match(self, text: str) -> bool:
        if self.open or any(w in text for w in self.exact):
            return True
        if not self.folded:
            return False
        if not text.isascii():
            return True
        low = lower_once(text)
        return any(w in low for w in self.folded)


class FirstStart:
    """Where the first match of a regex may start in a text: no match starts
    before the first place of the word every match holds (`required_run`)
    less the most characters a match holds before that word ('rads' of
    'bi-?[^\\S\\n]?rads': four). So a text is searched from there, not from
    its start (a report's 'ASSESSMENT AND PLAN' near its end), with the same
    matches, and not at all without the word."""

    def __init__(self, rx: re.Pattern[str]):
        found = required_run(rx)
        word = found[0] if found is not None and found[0].isascii() else None
        self.folded = bool(rx.flags & re.IGNORECASE)
        self.word = word.lower() if word is not None and self.folded else word
        self.lead = found[1] if found is not None else None

    def at(self, text: str, lowered: str | None) -> int | None:
        """None when no match can be in the text, else a place no match
        starts before (0 when it cannot tell). `lowered`: the text lower-cased
        when it is ASCII, else None (case folding goes beyond `str.lower`)."""
        if self.word is None:
            return 0
        if self.folded:
            if lowered is None:
                return 0
            i = lowered.find(self.word)
        else:
            i = text.find(self.word)
        if i < 0:
            return None
        return 0 if self.lead is None else max(0, i - self.lead)


T = TypeVar("T")


def starts_in(text: str, starts: Iterable[tuple[T, FirstStart]]) -> list[tuple[T, int]]:
    """Each item whose regex may match the text (its `FirstStart` finds the
    word it needs), with the place no match starts before; the text is
    lower-cased once for all of them."""
    low = lower_once(text) if text.isascii() else None
    return [(item, at) for item, start in starts if (at := start.at(text, low)) is not None]
