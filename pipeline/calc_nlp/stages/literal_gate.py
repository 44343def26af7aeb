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


def required_literal(rx: re.Pattern[str]) -> str | None:
    """The longest run of plain characters every match of `rx` holds, else None."""
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001  (a pattern this parser reads otherwise: no gate)
        return None
    best, run = "", ""
    for op, arg in parsed:
        if op is _parser.LITERAL:
            run += chr(arg)
            best = max(best, run, key=len)
        else:
            run = ""
    return best if len(best) >= 2 else None


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
        low = text.lower()
        return any(w in low for w in self.folded)
