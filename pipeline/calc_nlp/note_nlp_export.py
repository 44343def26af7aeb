"""`calc-nlp export note-nlp`: a finished run's findings as an OMOP NOTE_NLP table.

Reads only the run's folder (manifest.json and the findings table in the
format the run wrote, through `writers.read_table` as `review` does), never
the input or the NLP. Writes CSV or Parquet to a temporary file beside the
output and renames it into place, so a reader never sees half a table; a
run's own files are never the output. Errors are ours (errors.py): a folder
that is not a complete run is an InputError (exit 3), a bad invocation or a
note id that cannot be an OMOP integer a UsageError (exit 2), a failed write
an OutputError (exit 4). Messages name rows and columns, never values.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from calc_nlp.batch.commit import TABLES
from calc_nlp.batch.options import FAILED_MANIFEST, JOURNAL, MANIFEST
from calc_nlp.errors import InputError, UsageError
from calc_nlp.note_nlp import (
    NOTE_NLP_COLUMNS,
    RowProblem,
    SnippetPlaces,
    integer_note_id,
    note_nlp_row,
    run_info,
)
from calc_nlp.omop_concepts import ConceptMap
from calc_nlp.writers import (
    OUTPUT_FORMATS,
    LineFormat,
    read_table,
    write_atomically,
)

EXPORT_FORMATS = ("csv", "parquet")
NOTE_ID_DEFAULT = "report_id"


@dataclass
class RunFolder:
    """A finished run's folder: its manifest and where its findings table is."""

    path: Path
    manifest: dict[str, Any]
    findings: Path
    fmt: str
    people: bool  # CSV written with formula cells neutralised

    def rows(self) -> Iterator[dict[str, str]]:
        """The findings rows as text, as `review` reads them; unreadable -> InputError."""
        try:
            yield from read_table(self.findings, self.fmt, self.people)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(
                f"{self.findings} is unreadable ({exc.__class__.__name__})"
            ) from None

    def own_files(self) -> set[str]:
        """Names in the folder the export must never replace."""
        names = {MANIFEST, FAILED_MANIFEST, JOURNAL}
        names |= {f"{t}.{ext}" for t in TABLES for ext in OUTPUT_FORMATS}
        names |= {str(v) for v in self.manifest.get("outputs", {}).values()}
        return names


def open_run(path: str | Path) -> RunFolder:
    """The run in `path`, or an InputError saying why it is not a complete run."""
    out = Path(path)
    if not out.is_dir():
        raise InputError(f"{out} is not a folder holding a calc-nlp run")
    if (out / JOURNAL).exists():
        raise InputError(
            f"{out} holds a run that was stopped while publishing its outputs: "
            "run calc-nlp run again on it (with --resume) to finish it first"
        )
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        fmt = manifest["options"]["output_format"]
        people = fmt == "csv" and not manifest["options"].get("raw", False)
        findings = out / str(manifest["outputs"]["findings"])
        if fmt not in OUTPUT_FORMATS or not findings.is_file():
            raise ValueError("no findings table of the run's format")
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise InputError(
            f"{out} does not hold a complete calc-nlp run ({exc.__class__.__name__}: {exc})"
        ) from None
    return RunFolder(out, manifest, findings, fmt, people)


def check_output(run: RunFolder, output: Path) -> None:
    """Refuse an output that is a folder or one of the run's own files."""
    if output.is_dir():
        raise UsageError(f"{output} is a folder: give the file to write")
    target = output.resolve()  # a symbolic link is judged by what it points at
    own = target.parent == run.path.resolve() and (
        target.name in run.own_files() or target.name.startswith(".")
    )
    if not own and output.exists():
        own = any(
            (run.path / name).exists() and os.path.samefile(output, run.path / name)
            for name in run.own_files()
        )
    if own:
        raise UsageError(f"{output} is one of the run's own files: write elsewhere")


@dataclass
class Counts:
    rows: int = 0
    text_note_ids: int = 0  # non-integer note ids kept as text
    trimmed_snippets: int = 0
    mapped: int = 0  # rows with a note_nlp_concept_id other than 0
    ids: set[int] = field(default_factory=set)


@dataclass
class NoteIds:
    """How note_id is read: which findings column, and whether text is allowed."""

    column: str = NOTE_ID_DEFAULT
    allow_text: bool = False

    def of(self, row: dict[str, str], number: int, counts: Counts) -> int | str:
        if self.column not in row:
            raise UsageError(
                f"--note-id-col {self.column}: no such column in the findings table; "
                f"columns: {', '.join(row)}"
            )
        value = row[self.column]
        if not value.strip():
            raise UsageError(
                f"findings row {number}, column {self.column}: empty; note_id is required"
            )
        as_int = integer_note_id(value)
        if self.allow_text:
            counts.text_note_ids += as_int is None
            return value
        if as_int is None:
            raise UsageError(
                f"findings row {number}, column {self.column}: note_id must be an "
                "integer in OMOP; give --note-id-col with a numeric column, or "
                "--text-note-ids to keep the ids as text"
            )
        return as_int


def note_nlp_rows(
    run: RunFolder, concepts: ConceptMap, note_ids: NoteIds, counts: Counts
) -> Iterator[dict[str, Any]]:
    """The run's findings as NOTE_NLP rows, in the findings table's order."""
    try:
        info = run_info(run.manifest)
    except (KeyError, ValueError, TypeError) as exc:
        raise InputError(
            f"{run.path / MANIFEST} lacks the run's versions or finish time "
            f"({exc.__class__.__name__})"
        ) from None
    places = SnippetPlaces()
    for number, row in enumerate(run.rows(), 1):
        note_id = note_ids.of(row, number, counts)
        try:
            out = note_nlp_row(row, note_id, info, concepts, places)
        except RowProblem as exc:
            raise InputError(
                f"{run.findings}: findings row {number}, column {exc.column}: {exc}"
            ) from None
        if out["note_nlp_id"] in counts.ids:
            raise InputError(
                f"{run.findings}: findings row {number}: its note_nlp_id repeats an "
                "earlier row's (a repeated finding_id)"
            )
        counts.ids.add(out["note_nlp_id"])
        counts.rows += 1
        counts.mapped += out["note_nlp_concept_id"] != 0
        counts.trimmed_snippets += len(out["snippet"]) < len(row.get("sentence", ""))
        yield out


def export(
    run: RunFolder,
    output: Path,
    fmt: str,
    concepts: ConceptMap,
    note_ids: NoteIds,
) -> Counts:
    """Write the NOTE_NLP table to `output` atomically; the counts for the summary."""
    check_output(run, output)
    counts = Counts()
    rows = note_nlp_rows(run, concepts, note_ids, counts)

    def write(fh: IO[bytes]) -> None:
        if fmt == "parquet":
            _write_parquet(fh, rows, note_ids.allow_text)
        else:
            _write_csv(fh, rows)

    write_atomically(output, write)
    return counts


def _write_csv(fh: IO[bytes], rows: Iterator[dict[str, Any]]) -> None:
    """RFC 4180 (CRLF), raw cells: a table for a database loader, not a spreadsheet."""
    lines = LineFormat(NOTE_NLP_COLUMNS, "csv", people=False)
    fh.write(lines.header().encode("utf-8"))
    for row in rows:
        text = {c: "" if row[c] is None else str(row[c]) for c in NOTE_NLP_COLUMNS}
        fh.write(lines.line(text).encode("utf-8"))


def _write_parquet(
    fh: IO[bytes], rows: Iterator[dict[str, Any]], text_note_ids: bool
) -> None:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = ["note_nlp_id", "section_concept_id", "note_nlp_concept_id"]
    ints += ["note_nlp_source_concept_id"] + ([] if text_note_ids else ["note_id"])
    kinds = {c: pa.int64() for c in ints}
    kinds |= {"nlp_date": pa.date32(), "nlp_datetime": pa.timestamp("s")}
    schema = pa.schema([(c, kinds.get(c, pa.string())) for c in NOTE_NLP_COLUMNS])
    with pq.ParquetWriter(fh, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            row = dict(
                row, note_id=str(row["note_id"]) if text_note_ids else row["note_id"]
            )
            row["nlp_date"] = dt.date.fromisoformat(row["nlp_date"])
            row["nlp_datetime"] = dt.datetime.fromisoformat(row["nlp_datetime"])
            batch.append(row)
            if len(batch) == 10_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
