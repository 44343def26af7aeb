"""Reports stored as RTF: the text a word processor would show, with offsets.

Some systems export a report's text as Rich Text Format ("{\\rtf1\\ansi ...
Calcified granuloma.\\par ..."). Read as it is, its control words glue to
the words ("calcification.\\par") and findings are lost. `plain` gives the
text the report shows - paragraphs and line breaks as line breaks, tabs and
cells as spaces, escaped and hex characters as themselves, the font, colour,
style and other hidden groups left out - and for each of its characters the
span of the RTF it came from, so offsets go back to the text as stored.
Only a text that starts with `{\\rtf` is read so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_START = re.compile(r"\s*\{\\rtf")
_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # a control word and its number
    r"|\\'([0-9a-fA-F]{2})"  # a character by its code page byte
    r"|\\([^a-zA-Z'])"  # a control symbol: \\ \{ \} \~ \- \_ \*
    r"|([{}\r\n])"
)
_WORD = re.compile(r"\\([a-zA-Z]+)")
_LINE = {"par", "line", "sect", "page", "row"}
_SPACE = {"tab", "cell"}
_CHAR = {
    "emdash": "\u2014",
    "endash": "\u2013",
    "bullet": "\u2022",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
}
# Groups whose words are never shown: fonts, colours, styles, document
# properties, pictures, page headers and footers, lists, revision tables.
_HIDDEN = {
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "header",
    "footer",
    "headerl",
    "headerr",
    "footerl",
    "footerr",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "filetbl",
    "revtbl",
}
_SYMBOL = {"\\": "\\", "{": "{", "}": "}", "~": "\xa0", "_": "-", "-": ""}


def is_rtf(text: str) -> bool:
    return _START.match(text) is not None


def plain(text: str) -> tuple[str, list[int], list[int]]:
    """The shown text, and per character the start and end of its RTF."""
    out: list[str] = []
    origin: list[int] = []
    stop: list[int] = []
    depth = 0
    hidden_from = 0  # depth at which a hidden group opened (0: none)
    skip_fallback = 0
    fallback = [1]  # \ucN of each open group: stand-ins after a \uN character
    high: list[int] = []  # a \uN high surrogate waiting for its low half: code, start
    pos = 0

    def emit(chars: str, start: int, end: int) -> None:
        high.clear()
        out.append(chars)
        origin.extend([start] * len(chars))
        stop.extend([end] * len(chars))

    for m in _TOKEN.finditer(text):
        if not hidden_from and m.start() > pos:
            run = text[pos : m.start()]
            if skip_fallback:  # the characters standing in for a \uN one
                skip = min(skip_fallback, len(run))
                run, pos, skip_fallback = run[skip:], pos + skip, skip_fallback - skip
            for k, ch in enumerate(run):
                emit(ch, pos + k, pos + k + 1)
        pos = m.end()
        word, number, byte, symbol, brace = m.groups()
        if byte is None:  # only a byte (or text) can stand in for a \uN character
            skip_fallback = 0
        if brace == "{":
            depth += 1
            fallback.append(fallback[-1])
            if not hidden_from and _opens_hidden(text, m.end()):
                hidden_from = depth
        elif brace == "}":
            if hidden_from == depth:
                hidden_from = 0
            depth -= 1
            if len(fallback) > 1:
                fallback.pop()
        elif hidden_from or brace:
            continue  # inside a hidden group, or a line break of the file itself
        elif word is not None:
            if word in _LINE:
                emit("\n", m.start(), m.end())
            elif word in _SPACE:
                emit(" ", m.start(), m.end())
            elif word in _CHAR:
                emit(_CHAR[word], m.start(), m.end())
            elif word == "u" and number is not None:
                _unicode(int(number) % 65536, m.start(), m.end(), high, emit)
                skip_fallback = fallback[-1]
            elif word == "uc" and number is not None:
                fallback[-1] = int(number)
        elif byte is not None:
            if skip_fallback:  # a \uN character's stand-in byte
                skip_fallback -= 1
                continue
            emit(bytes([int(byte, 16)]).decode("cp1252", "replace"), m.start(), m.end())
        elif symbol is not None and symbol in _SYMBOL:
            emit(_SYMBOL[symbol], m.start(), m.end())
    if not hidden_from and pos < len(text):
        for k, ch in enumerate(text[pos:]):
            emit(ch, pos + k, pos + k + 1)
    return "".join(out), origin, stop


def _unicode(
    code: int, start: int, end: int, high: list[int], emit: Callable[[str, int, int], None]
) -> None:
    """A \\uN character: a character past the basic plane (an emoji) is
    written as its two UTF-16 halves, each a \\uN of its own, read as one
    character from the first's start; a half alone shows nothing."""
    if 0xD800 <= code <= 0xDBFF:
        high[:] = [code, start]
    elif 0xDC00 <= code <= 0xDFFF:
        if high:
            pair = 0x10000 + ((high[0] - 0xD800) << 10) + (code - 0xDC00)
            emit(chr(pair), high[1], end)
    else:
        emit(chr(code), start, end)


def _opens_hidden(text: str, at: int) -> bool:
    """Does the group opening before `at` hold words never shown?"""
    head = text[at : at + 40]
    if head.startswith("\\*"):
        return True
    m = _WORD.match(head)
    return m is not None and m.group(1) in _HIDDEN
