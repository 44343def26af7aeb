"""Lines `calc-nlp explain` prints for a finding's descriptors and the
report's BI-RADS category: each value with the words and rule that gave it."""

from __future__ import annotations

from calc_nlp.schema import (
    DESCRIPTOR_COLUMNS,
    FINDING_TYPES,
    Finding,
    ReportResult,
    finding_row,
)
from calc_nlp.writers import cell_text

Words = tuple[tuple[str, str, int, int], ...]


def _given_by(words: Words, column: str, text: str) -> str:
    said = [f"{text[a:b]!r} ({rid})" for name, rid, a, b in words if name == column]
    return f" <- {', '.join(said)}" if said else ""


def descriptor_lines(f: Finding, text: str) -> list[str]:
    """One line per descriptor the finding has (lesion and CAC-DRS included)."""
    row = finding_row(f)
    lines = []
    for column in DESCRIPTOR_COLUMNS:
        if row[column] in (None, "", ()):
            continue
        value = cell_text(row[column], FINDING_TYPES.get(column))
        if column == "lesion_id":
            value += " (this finding's own)" if value == f.finding_id else ""
        elif column == "cac_drs":
            value += " (from the Agatston score)"
        lines.append(
            f"    {column}: {value}{_given_by(f.descriptor_words, column, text)}"
        )
    return lines


def birads_line(result: ReportResult, text: str) -> str:
    if not result.birads:
        return "birads: -"
    return f"birads: {result.birads}{_given_by(result.birads_words, 'birads', text)}"
