"""`calc-nlp export ...`: a finished run's tables in other standards' shapes."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

from calc_nlp.cli_options import CONTEXT, output_option
from calc_nlp.errors import CalcNlpError, exit_code_for


def fail(exc: CalcNlpError) -> NoReturn:
    """One line on stderr (as Click prints its errors) and the error's documented exit code."""
    click.echo(f"Error: {exc}", err=True)
    raise SystemExit(exit_code_for(exc))


@click.group(context_settings=CONTEXT)
def export() -> None:
    """Write a finished run's findings in another standard's table shape.

    Example: calc-nlp export note-nlp out -o out/note_nlp.csv
    """


@export.command("note-nlp", context_settings=CONTEXT)
@click.argument("run_dir", metavar="RUN_DIR")
@output_option(
    "output",
    "The NOTE_NLP file to write (replaced atomically; never one of the run's own files).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("csv", "parquet")),
    default="csv",
    show_default=True,
    help="CSV (RFC 4180, raw cells) or Parquet (int64 ids, date and timestamp columns).",
)
@click.option(
    "--note-id-col",
    default="report_id",
    show_default=True,
    help="Findings column that holds the OMOP note_id (an integer).",
)
@click.option(
    "--text-note-ids",
    is_flag=True,
    help="Keep note ids that are not integers as text (counted in the summary) instead of refusing them.",
)
@click.option(
    "--concepts",
    type=click.Path(dir_okay=False),
    default=None,
    help="A concepts file (patterns/omop_concepts.json's format) whose entries replace or add to the bundled ones.",
)
def note_nlp(
    run_dir: str,
    output: str,
    fmt: str,
    note_id_col: str,
    text_note_ids: bool,
    concepts: str | None,
) -> None:
    """Write a run's findings as an OMOP CDM v5.4 NOTE_NLP table.

    Reads only RUN_DIR (manifest.json and its findings table): never the input,
    never the NLP. Exit 2: bad invocation or a note id that is not an integer;
    3: RUN_DIR is not a complete run; 4: the output cannot be written.
    Example: calc-nlp export note-nlp out -o note_nlp.csv --note-id-col note_id
    """
    from calc_nlp.note_nlp_export import NoteIds, export, open_run
    from calc_nlp.omop_concepts import load_concepts

    try:
        mapping = load_concepts(concepts)
        run = open_run(run_dir)
        counts = export(
            run, Path(output), fmt, mapping, NoteIds(note_id_col, text_note_ids)
        )
    except CalcNlpError as exc:
        fail(exc)
    click.echo(
        f"calc-nlp: note_nlp {output}: {counts.rows} rows from {run_dir} "
        f"({counts.mapped} with a concept id, {mapping.mapped()} values mapped, "
        f"{counts.trimmed_snippets} snippets trimmed to 250 characters)",
        err=True,
    )
    if counts.text_note_ids:
        click.echo(
            f"calc-nlp: warning: {counts.text_note_ids} rows keep a note_id that is "
            f"not an integer ({note_id_col}); OMOP's note_id is an integer",
            err=True,
        )
