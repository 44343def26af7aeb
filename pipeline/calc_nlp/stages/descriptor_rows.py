"""Descriptors a structured report gives a finding in the field rows under
the row that names it (field_rows; corpora/GUIDE.md, Descriptors):

    Type | calcifications
    Morphology | fine pleomorphic
    Distribution | segmental
    Extent | 2.5 cm

A row whose label is a `term_labels` word gives the finding the BI-RADS
terms of its value, one whose label is a `severity_labels` word its grade,
one whose label is a `size_labels` word the size; other rows of the block
("Location | ...") are row_sites'.
"""

from __future__ import annotations

from spacy.tokens import Span

from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.descriptor_sizes import Word, size_at, size_mm
from calc_nlp.stages.field_rows import rows_under


def row_fields(
    dr: DescriptorRules, text: str, spans: list[Span], i: int, off: int
) -> tuple[list[tuple[str, str, Word]], tuple[float, Word] | None]:
    """What the field rows under the row that names finding i, alone on its
    line, give it: its BI-RADS terms and its grade (field, value, the words
    that gave it) and the first size (mm, its words)."""
    out: list[tuple[str, str, Word]] = []
    size: tuple[float, Word] | None = None
    for row in rows_under(text, spans, i):
        label = row.label.lower()
        if label in dr.term_labels:
            out += _terms_of(dr, text, row.start, row.end, off, ("morphology", "distribution"))
        elif label in dr.severity_labels:
            out += _terms_of(dr, text, row.start, row.end, off, ("severity",))[:1]
        elif label in dr.size_labels and size is None:
            found = size_at(dr, text, row.start, row.end)
            if found is not None:
                rid, got = found
                word = ("size_mm", rid, off + got.start(), off + got.end())
                size = (size_mm(dr, got), word)
    return out, size


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
