"""Descriptors a structured report gives a finding in rows of their own under
the row that names it, one field per line (corpora/GUIDE.md, Descriptors):

    Type | calcifications
    Morphology | fine pleomorphic
    Distribution | segmental
    Extent | 2.5 cm

The finding's own line is such a row, or the finding alone on its line
heads the rows under it:

    CORONARY ARTERY CALCIFICATION
    Severity: Moderate

A row is a short label, a pipe or a colon, and its value. A row whose label
is a `term_labels` word gives the finding the BI-RADS terms of its value, one
whose label is a `severity_labels` word its grade, one whose label is a
`size_labels` word the size; other rows of the block ("Location | ...") are
passed over. The block ends at a blank line, a line
that names another finding, a heading (a label in capitals, "ASSESSMENT:")
or a line that is no row. In a block written in capitals (an export in
capitals) a heading is told by its mark instead: a colon under rows of pipes.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.descriptor_sizes import Word, size_at, size_mm

# a row: an optional bullet, a label of a few words, a pipe or a colon
_ROW = re.compile(
    r"[^\S\n]*(?:[-*\u2022][^\S\n]*)?([A-Za-z][A-Za-z /&-]{0,40}?)[^\S\n]*[|:][^\S\n]*"
)
# rows read under a finding at most
_ROWS = 12


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def row_fields(
    dr: DescriptorRules, text: str, spans: list[Span], i: int, off: int
) -> tuple[list[tuple[str, str, Word]], tuple[float, Word] | None]:
    """What the field rows under the row that names finding i, alone on its
    line, give it: its BI-RADS terms and its grade (field, value, the words
    that gave it) and the first size (mm, its words)."""
    span = spans[i]
    start = text.rfind("\n", 0, span.start_char) + 1
    end = _line_end(text, span.end_char)
    if any(k != i and start <= s.start_char < end for k, s in enumerate(spans)):
        return [], None  # another finding on its line
    bar: str | None = None  # the rows' mark, as the first row writes it
    if _heads_its_line(text, start, end, span):
        capitals = span.text.isupper()
    else:
        if text.find(":", start, span.start_char) < 0 and text.find("|", start, span.start_char) < 0:
            return [], None  # no row's mark before the finding on its line
        own = _ROW.match(text, start, span.start_char)
        if own is None:
            return [], None  # the finding's line is no row
        capitals = own.group(1).isupper()
        bar = text[own.end(1) : own.end()].strip()
    # rows written in capitals, as the finding's own ('TYPE | ...'): a label
    # in capitals is a heading only where its mark is another ('ASSESSMENT:')
    out: list[tuple[str, str, Word]] = []
    size: tuple[float, Word] | None = None
    later = [s.start_char for s in spans[i + 1 :]]
    at = end + 1
    for _ in range(_ROWS):
        if at >= len(text):
            break
        stop = _line_end(text, at)
        if not text[at:stop].strip() or any(at <= s < stop for s in later):
            break  # a blank line, another finding
        row = _ROW.match(text, at, stop)
        if row is None:
            break
        label = " ".join(row.group(1).split())
        mark = text[row.end(1) : row.end()].strip()
        bar = mark if bar is None else bar
        if label.isupper() and not (capitals and mark == bar):
            break  # a heading
        if label.lower() in dr.term_labels:
            out += _terms_of(dr, text, row.end(), stop, off, ("morphology", "distribution"))
        elif label.lower() in dr.severity_labels:
            out += _terms_of(dr, text, row.end(), stop, off, ("severity",))[:1]
        elif label.lower() in dr.size_labels and size is None:
            found = size_at(dr, text, row.end(), stop)
            if found is not None:
                rid, got = found
                word = ("size_mm", rid, off + got.start(), off + got.end())
                size = (size_mm(dr, got), word)
        at = stop + 1
    return out, size


def _heads_its_line(text: str, start: int, end: int, span: Span) -> bool:
    """Is the finding alone on its line (a bullet before it, a colon after
    it at most), as a heading over rows of its own fields?"""
    return not text[start : span.start_char].strip(" \t-*\u2022") and not text[
        span.end_char : end
    ].strip(" \t:")


def _terms_of(
    dr: DescriptorRules, text: str, lo: int, hi: int, off: int, fields: tuple[str, ...]
) -> list[tuple[str, str, Word]]:
    """The descriptor terms of these fields in a row's value, text[lo:hi]."""
    out = []
    for m in dr.terms.finditer(text, lo, hi):
        entry = dr.term(m.group())
        if entry["field"] in fields and entry["value"]:
            word = (entry["field"], entry["id"], off + m.start(), off + m.end())
            out.append((entry["field"], entry["value"], word))
    return out
