"""The field rows a structured report writes for one finding, one field per
line, under the row that names it (corpora/GUIDE.md, Descriptors; guide §2,
"Site and side from context": a record's fields are the finding's own):

    Type | calcifications
    Morphology | fine pleomorphic
    Location | left breast

The finding's own line is such a row, or the finding alone on its line
heads the rows under it; a record on one line joins its rows after the
finding with semicolons ('Finding: Calcified granuloma; Location: right
upper lobe; Size: 5 mm'):

    CORONARY ARTERY CALCIFICATION
    Severity: Moderate

A row is a short label, a pipe or a colon, and its value. The block ends at
a blank line, a line that names another finding, a heading (a label in
capitals, "ASSESSMENT:") or a line that is no row. In a block written in
capitals (an export in capitals) a heading is told by its mark instead: a
colon under rows of pipes. What each row gives is its reader's:
descriptor_rows (terms, grade, size), row_sites (site and side).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span

# a row: an optional bullet, a label of a few words (a number may close it:
# 'FINDING 2:'), a pipe or a colon
ROW = re.compile(
    r"[^\S\n]*(?:[-*\u2022][^\S\n]*)?([A-Za-z][A-Za-z /&-]{0,40}?(?:[^\S\n]*\d{1,2})?)"
    r"[^\S\n]*[|:][^\S\n]*"
)
# what may stand before a finding that heads its rows: a bullet or a list
# number ('2. Renal calcification', '(b) Calcified plaque')
_LIST_MARK = re.compile(
    r"[^\S\n]*(?:[-*\u2022][^\S\n]*)*(?:\(?\d{1,2}[.)]|\([a-z]\))?[^\S\n]*"
)
# rows read under a finding at most
_ROWS = 12


class Row(NamedTuple):
    """One field row under a finding: its label (runs of spaces as one) and
    where its value starts and its line ends in the text."""

    label: str
    start: int
    end: int


def line_end(text: str, at: int) -> int:
    """Where the line holding `at` ends (its newline, or the text's end)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def rows_under(text: str, spans: list[Span], i: int) -> list[Row]:
    """The field rows under the line that names finding i, when that line
    is a row or the finding alone heads it; none when another finding
    shares its line."""
    span = spans[i]
    start = text.rfind("\n", 0, span.start_char) + 1
    end = line_end(text, span.end_char)
    joined = text.find(";", span.end_char, end) >= 0
    if not joined and (
        end + 1 >= len(text) or ROW.match(text, end + 1, line_end(text, end + 1)) is None
    ):
        return []  # no row beside it or under it: the cheap test first
    if any(k != i and start <= s.start_char < end for k, s in enumerate(spans)):
        return []  # another finding on its line
    out: list[Row] = _rows_joined(text, span.end_char, end) if joined else []
    bar: str | None = None  # the rows' mark, as the first row writes it
    if _heads_its_line(text, start, end, span):
        capitals = span.text.isupper()
    else:
        if text.find(":", start, span.start_char) < 0 and text.find("|", start, span.start_char) < 0:
            return out  # no row's mark before the finding on its line
        own = ROW.match(text, start, span.start_char)
        if own is None:
            return out  # the finding's line is no row
        capitals = own.group(1).isupper()
        bar = text[own.end(1) : own.end()].strip()
    # rows written in capitals, as the finding's own ('TYPE | ...'): a label
    # in capitals is a heading only where its mark is another ('ASSESSMENT:')
    later = [s.start_char for s in spans[i + 1 :]]
    at = end + 1
    for _ in range(_ROWS):
        if at >= len(text):
            break
        stop = line_end(text, at)
        if not text[at:stop].strip() or any(at <= s < stop for s in later):
            break  # a blank line, another finding
        row = ROW.match(text, at, stop)
        if row is None:
            break
        label = " ".join(row.group(1).split())
        mark = text[row.end(1) : row.end()].strip()
        bar = mark if bar is None else bar
        if label.isupper() and not (capitals and mark == bar):
            break  # a heading
        out.append(Row(label, row.end(), stop))
        at = stop + 1
    return out


def _rows_joined(text: str, lo: int, end: int) -> list[Row]:
    """The rows a record joins after the finding on its own line, one field
    after each semicolon ('Finding: Calcified granuloma; Location: right
    upper lobe; Size: 5 mm'); a part that is no row ('; stable') is none."""
    out = []
    at = text.find(";", lo, end)
    while at >= 0:
        stop = text.find(";", at + 1, end)
        stop = end if stop < 0 else stop
        row = ROW.match(text, at + 1, stop)
        if row is not None:
            out.append(Row(" ".join(row.group(1).split()), row.end(), stop))
        at = stop if stop < end else -1
    return out


def _heads_its_line(text: str, start: int, end: int, span: Span) -> bool:
    """Is the finding alone on its line (a bullet or a list number before
    it, a colon after it at most), as a heading over rows of its own
    fields?"""
    return _LIST_MARK.fullmatch(text, start, span.start_char) is not None and not text[
        span.end_char : end
    ].strip(" \t:")
