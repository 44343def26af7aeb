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


def lesion_note(f: Finding, findings: list[Finding]) -> str:
    """Which of the report's findings (numbered from 1 as `explain` prints
    them) share the finding's lesion: the first names the others that
    restate it, a later one the finding whose lesion it is."""
    number = {g.finding_id: i for i, g in enumerate(findings, 1)}
    if f.lesion_id != f.finding_id:
        first = number.get(f.lesion_id)
        return f" (the lesion of [{first}])" if first else ""
    others = [
        f"[{number[g.finding_id]}]" for g in findings if g.lesion_id == f.lesion_id and g is not f
    ]
    return " (this finding's own" + (f"; also {', '.join(others)})" if others else ")")


def descriptor_lines(f: Finding, text: str, findings: list[Finding] | None = None) -> list[str]:
    """One line per descriptor the finding has (lesion and CAC-DRS included);
    `findings`: the report's, to say which share the finding's lesion."""
    row = finding_row(f)
    lines = []
    for column in DESCRIPTOR_COLUMNS:
        if row[column] in (None, "", ()):
            continue
        value = cell_text(row[column], FINDING_TYPES.get(column))
        if column == "lesion_id":
            value += lesion_note(f, findings or [f])
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
