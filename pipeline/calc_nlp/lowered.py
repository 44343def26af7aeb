"""A report's text in lower case, made once per report.

The prefilter, the rule-word test, the prefilter's hits, the lab reader and
the BI-RADS gates each read a report in lower case: `lower_once(text)` gives
`text.lower()`, kept for the last text it was asked about (the same string
object), so the report is lowered once, not once per reader.
"""

from __future__ import annotations

_last: tuple[str, str] = ("", "")


def lower_once(text: str) -> str:
    """`text.lower()`, from the last call's when `text` is the same object."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = text.lower()
    _last = (text, low)
    return low
