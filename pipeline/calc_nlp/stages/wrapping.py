"""Reports hard-wrapped at a fixed width: their wrapped lines joined again.

Many systems store a report as lines of at most 60-80 characters, breaking
sentences, and phrases, wherever the width runs out ("calcified granuloma
in the right\\nupper lobe"). A line break inside a phrase keeps the rules
from matching it, and a wrapped line that starts with a capital or a digit
("...measuring\\n5 mm", "...in the\\nLAD") would start a new sentence.

`unwrap` reads such a break as the space it stands for: a single line break
after a line that is long for this report and ends in no sentence or label
punctuation, before a line that opens no header, list item or blank line;
in a report that two such breaks or more show to be wrapped, also a break
the width forced (the next line's first word would not have fit on the
line), whatever the line ends with and the next opens ('RIGHT\nBREAST:',
'... is patent.\nThe superficial ...'), since only the width breaks there;
and any break before a comma, which no writer opens a line with (an export
that joined its lines with commas, wrapped after a label's colon: 'RIGHT
BREAST:' ending one line, ', Scattered ...' opening the next). In a
report in capitals, where no case tells a wrap from a new statement, a
break the width explains after a line ending in no stop is a wrap when the
report ends its statements with stops inside its lines.
A report is taken as wrapped only when its longest line has a fixed
width's length (30 to 100 characters); the text keeps its length, so every
offset holds.
"""

from __future__ import annotations

import re
from itertools import islice

from calc_nlp.stages.capitals import is_caseless

# Longest line of a hard-wrapped report (no system wraps narrower than 30
# characters: shorter lines are a list's), and the share of it a line must
# reach to have been broken by the width rather than by its writer.
WRAP_WIDTH_MIN = 30
WRAP_WIDTH_MAX = 100
FULL_LINE = 0.6
_ENDS = frozenset(".:;!?")
_LOWER = re.compile("[a-z]")
# `_break` of a line too short to have been wrapped, or before a blank one
_SHORT = -1
# How many lines broken inside a phrase show a report to be hard-wrapped, so
# that a break after a full stop or before a label may be a wrap too.
WRAPPED_LINES = 2
# Most lines of a report read for a width under a line left unwrapped: a
# report's length (a text of many thousand lines, a log or a concatenation,
# is not unwrapped line by line: its offsets map would cost as much memory
# as the text many times over)
MIXED_WIDTH_LINES = 2000
# A full stop ending a statement inside a line in capitals ('NORMAL. LUNGS',
# 'HTN.,FAMILY' where an export joined lines with commas; not an item's
# number, '1. NO'), and how many show a report ends its statements with stops
_STOP_INSIDE = re.compile(r"[A-Z]{2}\.+(?:,|[^\S\n])[^\S\n]*[A-Z]")
# A full stop ending a statement in capitals before another ('CLEAR.' before
# a break or a space; the text's last stop says nothing of its lines)
_STOP = re.compile(r"[A-Z]{2}\.+[\s,]+\S")
STOPS_INSIDE = 2
# What opens a line of its own: a header ('FINDINGS:', 'Left main:'; its
# first word may be short for a side, 'LT. KIDNEY:', 'Rt.:'; a number may
# close it, a record's 'FINDING 2:'), a list item ('1.', '2)', '-', '*', a
# bullet) or a de-identified date line.
_OPENS = re.compile(
    r"\s*(?:(?:[A-Za-z]{1,3}\.[^\S\n]*(?:[A-Za-z][A-Za-z /&-]{0,40})?"
    r"|[A-Za-z][A-Za-z /&-]{0,40}(?:[^\S\n]*\d{1,2})?):"
    r"|\d{1,2}[.)]\s|[-*\u2022]\s)"
)


def unwrap(text: str, joins: frozenset[str] = frozenset()) -> str | None:
    """The text with its wrapping line breaks as spaces (None: not wrapped).
    `joins`: lower-case words no sentence ends on (mentions.json
    `line_joining_words`): a line ending on one goes on before a capital."""
    if "\n" not in text:
        return None
    lines = text.split("\n")
    width = _width(lines, text)
    if width is None:
        return None
    # per line break: 2 a phrase broken, 1 a break only the width explains
    # in capitals throughout, no line's case tells a wrap from a new statement
    shouting = _LOWER.search(text) is None
    kinds = [
        _break(line.rstrip(), nxt, width, joins, shouting, after)
        for line, nxt, after in zip(lines, lines[1:], lines[2:] + [""], strict=False)
    ]
    # a break the width forced after a full stop or before a label is read so
    # only in a report that other wrapped lines show to be wrapped: as many
    # lines broken inside a phrase as lines the width alone explains (a report
    # of one sentence per line has few of the first)
    inside, width_only = kinds.count(2), kinds.count(1)
    forced = inside >= WRAPPED_LINES and inside >= width_only
    if shouting and not forced:
        # in capitals a break inside a phrase shows only after a joining
        # word: a report is wrapped when the width explains as many of its
        # breaks as its long lines that left room (short lines tell nothing),
        # and writes full stops: one with none is one statement per line
        forced = (
            width_only >= WRAPPED_LINES
            and width_only >= kinds.count(0)
            and _STOP.search(text) is not None
        )
    if shouting and not forced and _stops_inside(text):
        kinds = _unstopped_as_wraps(lines, kinds)
    out = list(text)
    at = 0
    changed = False
    for line, kind in zip(lines, kinds, strict=False):  # the last line breaks nothing
        at += len(line)  # the line break after this line is text[at]
        if kind == 2 or (kind == 1 and forced):
            out[at] = " "
            if line.endswith("\r"):
                out[at - 1] = " "
            changed = True
        at += 1
    return "".join(out) if changed else None


def _stops_inside(text: str) -> bool:
    """Does the report end statements with full stops inside its lines, as
    many as STOPS_INSIDE?"""
    found = islice(_STOP_INSIDE.finditer(text), STOPS_INSIDE)
    return len(list(found)) == STOPS_INSIDE


def _unstopped_as_wraps(lines: list[str], kinds: list[int]) -> list[int]:
    """In a report in capitals that ends its statements with full stops
    inside its lines ('HEART SIZE IS NORMAL. 8MM CALCIFIED'), a break the
    width explains after a line ending in no stop, before a line that opens
    no header or list item, is a wrap ('8MM CALCIFIED' over 'GRANULOMA IN
    THE RIGHT BASE.'): its writer would have ended the statement there with
    a stop. A short report has too few breaks to show its wrapping by their
    count; one statement per line without stops has no stop inside a line."""
    return [
        2
        if kind == 1
        and line.rstrip()[-1:] not in _ENDS
        and not _OPENS.match(nxt)
        else kind
        for line, nxt, kind in zip(lines, lines[1:], kinds, strict=False)
    ]


def _width(lines: list[str], text: str) -> int | None:
    """The width the report was wrapped at: its longest line when that has a
    fixed width's length; else, when a line the writer left unwrapped is
    longer (an impression of one long line under wrapped findings), the
    longest of the lines broken inside a phrase (ending in no punctuation,
    the next opening in lower case, and in a caseless report no label or
    list item), if there are WRAPPED_LINES of them. `text`: the lines joined
    by their line breaks (the report)."""
    if "\r" in text or " \n" in text or "\t\n" in text:
        # a CR, or spaces padding a line (an export writing every line to
        # the full width of its field, 80 columns: no line shorter than the
        # width it was wrapped at), is no character of the line
        longest = max(len(line.rstrip()) for line in lines)
    else:  # the lengths taken in C
        longest = max(map(len, lines))
    if WRAP_WIDTH_MIN <= longest <= WRAP_WIDTH_MAX:
        return longest
    if longest < WRAP_WIDTH_MIN or len(lines) > MIXED_WIDTH_LINES:
        return None
    maybe = [
        (line, nxt)
        for line, nxt in zip(lines, lines[1:], strict=False)
        if line.rstrip()[-1:] not in _ENDS and line.strip() and nxt[:1].islower()
    ]
    if len(maybe) < WRAPPED_LINES:
        return None  # too few, whatever the case tells (most reports)
    # in a caseless report every line opens in lower case: one that opens a
    # label or a list item of its own ('history: ...') shows no phrase broken
    caseless = is_caseless(text)
    broken = [
        len(line.rstrip())
        for line, nxt in maybe
        if not (caseless and _OPENS.match(nxt))
    ]
    if len(broken) < WRAPPED_LINES or not WRAP_WIDTH_MIN <= max(broken) <= WRAP_WIDTH_MAX:
        return None
    return max(broken)


def _break(
    body: str,
    nxt: str,
    width: int,
    joins: frozenset[str] = frozenset(),
    shouting: bool = False,
    after: str = "",
) -> int:
    """2: a line break inside a phrase (a long line ending in no sentence or
    label punctuation, before a line opening no header, list item or blank
    line, nor a capitalised word unless the line ends on a joining word;
    or a break before a comma); 1: a break the width alone explains (the
    next line's first word would not have fit), whatever the line ends
    with and the next opens; 0: the writer's, a long line that left room;
    `_SHORT`: the writer's, a line too short to be wrapped or before a
    blank one. `shouting`: the report is in capitals, so any word opening
    the next line may open a statement. `after`: the line after the next:
    a heading alone on the next line over a label there is the writer's
    (`_heading_alone`)."""
    if nxt.lstrip().startswith(","):
        return 2
    if len(body) < FULL_LINE * width or not nxt.strip():
        return _SHORT
    if body[-1:] not in _ENDS and not _OPENS.match(nxt):
        heading = (
            _LOWER.search(body) is not None  # a title in capitals may wrap anywhere
            and _heading_alone(nxt)
            and bool(_OPENS.match(after))
        )
        if heading and _last_word(body) not in joins:
            return _SHORT  # 'LEFT' alone over 'ICA: calcified plaque'
        if not _capitalised(nxt, shouting) or _last_word(body) in joins:
            return 2
    return 1 if _no_room(body, nxt, width) else 0


def _capitalised(line: str, shouting: bool = False) -> bool:
    """Does the line open on a capitalised word ('Pelvic phleboliths')? One
    line per statement without full stops ('No calcification in the right
    kidney' above it) opens each so, 'A 4 mm calcified nodule' too; a wrap
    carries on in lower case, or with a number or an abbreviation in
    capitals ('in the\nLAD')."""
    first = line.lstrip()[:2]
    if shouting:  # a report in capitals: any word ('CALCIFIED GRANULOMA')
        return first[:1].isalpha()
    if _RUN_IN_HEADING.match(line) and line.split(None, 1)[0].strip("X"):
        return True  # 'IMPRESSION Mild aortic valve calcification'
    # the article 'A' is a capitalised word too ('A calcified granuloma')
    return len(first) == 2 and first[0].isupper() and (first[1].islower() or first == "A ")


# A label in capitals run in without its colon before a capitalised word
# ('IMPRESSION Mild calcification', 'FINDINGS The valve ...', 'PLAN Will
# obtain ...'): a line of its own, as a label with its colon is. An
# abbreviation a wrap carries on with is shorter or goes on in lower case
# ('in the\nLAD and RCA'); a mask ('XXXX') is no label.
_RUN_IN_HEADING = re.compile(r"[^\S\n]*[A-Z]{4,}[^\S\n]+(?:[A-Z][a-z]|A[^\S\n])")


# Most words of a heading in capitals alone on its line ('LEFT', 'RIGHT
# SIDE', 'LEFT LOWER EXTREMITY')
HEADING_WORDS = 3


def _heading_alone(line: str) -> bool:
    """Is the line a few words in capitals and nothing else, no digit, no
    mark, no de-identification mask ('LEFT', 'RIGHT SIDE')? After a line
    with lower case (a title in capitals may wrap anywhere), such a line
    over a label ('ICA: ...') heads the lines under it (a template's side
    over its part labels), whatever the width: the writer broke both
    lines. A wrap would carry on in lower case or end its sentence with a
    stop ('in the proximal\nLAD.'), and one after a joining word is still
    read as one ('in the\nLAD')."""
    words = line.split()
    return (
        0 < len(words) <= HEADING_WORDS
        and all(w.isalpha() and w.isupper() and w.strip("X") for w in words)
        and len(words[0]) > 1
    )


def _last_word(body: str) -> str:
    return body.rsplit(None, 1)[-1].lower() if body.strip() else ""


def _no_room(body: str, nxt: str, width: int) -> bool:
    """Was a line ending a sentence broken because the next word did not fit
    the width ('... two views: There is a 6 cm zone of\ncalcification.' and
    '... is heavily calcified.\nExtensive calcification ...' alike)? A writer's
    own break leaves room for it."""
    first = nxt.split(None, 1)[0] if nxt.split() else ""
    return len(body) + 1 + len(first) > width
