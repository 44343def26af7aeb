"""Reports hard-wrapped at a fixed width: their wrapped lines joined again.

Many systems store a report as lines of at most 60-80 characters, breaking
sentences, and phrases, wherever the width runs out ("calcified granuloma
in the right\\nupper lobe"). A line break inside a phrase keeps the rules
from matching it, and a wrapped line that starts with a capital or a digit
("...measuring\\n5 mm", "...in the\\nLAD") would start a new sentence.

`unwrap` reads such a break as the space it stands for: a single line break
after a line that is long for this report and ends in no sentence or label
punctuation, before a line that opens no header, list item or blank line;
and any break before a comma, which no writer opens a line with (an export
that joined its lines with commas, wrapped after a label's colon: 'RIGHT
BREAST:' ending one line, ', Scattered ...' opening the next).
A report is taken as wrapped only when its longest line has a fixed
width's length (30 to 100 characters); the text keeps its length, so every
offset holds.
"""

from __future__ import annotations

import re

# Longest line of a hard-wrapped report (no system wraps narrower than 30
# characters: shorter lines are a list's), and the share of it a line must
# reach to have been broken by the width rather than by its writer.
WRAP_WIDTH_MIN = 30
WRAP_WIDTH_MAX = 100
FULL_LINE = 0.6
_ENDS = frozenset(".:;!?")
# What opens a line of its own: a header ('FINDINGS:', 'Left main:'), a
# list item ('1.', '2)', '-', '*', a bullet) or a de-identified date line.
_OPENS = re.compile(r"\s*(?:[A-Za-z][A-Za-z /&-]{0,40}:|\d{1,2}[.)]\s|[-*\u2022]\s)")


def unwrap(text: str) -> str | None:
    """The text with its wrapping line breaks as spaces (None: not wrapped)."""
    if "\n" not in text:
        return None
    lines = text.split("\n")
    width = max(len(line.rstrip("\r")) for line in lines)
    if not WRAP_WIDTH_MIN <= width <= WRAP_WIDTH_MAX:
        return None
    out = list(text)
    at = 0
    changed = False
    for k, line in enumerate(lines[:-1]):
        at += len(line)  # the line break after this line is text[at]
        body = line.rstrip()
        nxt = lines[k + 1]
        if nxt.lstrip().startswith(",") or (
            len(body) >= FULL_LINE * width
            and body[-1:] not in _ENDS
            and nxt.strip()
            and not _OPENS.match(nxt)
        ):
            out[at] = " "
            if line.endswith("\r"):
                out[at - 1] = " "
            changed = True
        at += 1
    return "".join(out) if changed else None
