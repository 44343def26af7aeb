"""Command line: glue over runner.py and stages/, nothing more."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

import click

from calc_nlp import __version__
from calc_nlp.cli_export import export
from calc_nlp.cli_options import (
    CONTEXT,
    EXISTING_FILE,
    EXISTING_FOLDER,
    output_option,
    patterns_option,
)
from calc_nlp.cli_run import run
from calc_nlp.errors import InputError, PatternError


class UsageProblem(click.ClickException):
    """A bad invocation or input the user must fix: one line, exit code 2."""

    exit_code = 2


class InternalProblem(click.ClickException):
    """A report the pipeline failed on (`explain`, `evaluate`; a run makes it
    an error row): one line naming the error type, never the text, exit 7."""

    exit_code = 7


def _analyzed(analyzer: Any, text: str, report_id: str) -> Any:
    try:
        return analyzer.analyze(text, report_id)
    except Exception as exc:  # noqa: BLE001 - a traceback would be the message
        raise InternalProblem(
            f"internal error ({exc.__class__.__name__}) on report {report_id!r}; "
            "no report text is shown"
        ) from None


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="calc-nlp")
def main() -> None:
    """Find soft-tissue calcification in radiology reports, as reviewable rows.

    Example: calc-nlp run reports.csv -o out
    """


@main.command(context_settings=CONTEXT)
@click.argument("text", required=False)
@click.option(
    "--file",
    "file_",
    type=click.File("r", encoding="utf-8"),
    help="Read the report text from this file ('-' for stdin).",
)
@patterns_option
def explain(text: str | None, file_: IO[str] | None, patterns: str | None) -> None:
    """Show each finding of one report with its site, modifiers, class and the rules that fired.

    Example: calc-nlp explain "Calcified granuloma in the right upper lobe."
    """
    from calc_nlp.explain_text import birads_line, descriptor_lines
    from calc_nlp.safety import load_checked_rules
    from calc_nlp.schema import FLAGS
    from calc_nlp.stages import Analyzer

    if (text is None) == (file_ is None):
        raise UsageProblem("give the report TEXT or --file, not both")
    body = text if text is not None else file_.read()  # type: ignore[union-attr]
    try:
        rules = load_checked_rules(patterns)
    except PatternError as exc:
        raise UsageProblem(str(exc)) from None
    result = _analyzed(Analyzer(rules), body, "explain")
    out = click.echo
    if not result.findings:
        out("no findings")
    for i, f in enumerate(result.findings, 1):
        flags = [n for n in FLAGS if getattr(f, n)]
        out(f"[{i}] {f.mention!r} chars {f.start}-{f.end}, section {f.section}")
        out(
            f"    site: {f.site or '-'} ({f.site_text or 'no site words'}), laterality: {f.laterality or '-'}"
        )
        out(f"    modifiers: {', '.join(flags) or 'affirmed'}")
        out(
            f"    class: {f.classification or '-'} {'' if f.confidence is None else f'{f.confidence:.2f}'}  {f.evidence}"
        )
        out(
            f"    rules: mention {f.rule_id}; site {f.site_rule or '-'}; context {', '.join(f.modifiers) or '-'}"
        )
        for line in descriptor_lines(f, body, result.findings):
            out(line)
    out(birads_line(result, body))
    conds = ", ".join(c.label() for c in result.conditions) or "-"
    labs = (
        ", ".join(f"{v.name} {v.value:g} {v.unit} ({v.flag})" for v in result.labs)
        or "-"
    )
    out(f"conditions: {conds}")
    out(f"labs: {labs}")


@main.command(context_settings=CONTEXT)
@click.argument("gold", metavar="GOLD.jsonl", type=click.File("r", encoding="utf-8"))
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the figures as JSON (mention F1 under 'mention_f1').",
)
@click.option(
    "--errors",
    "max_errors",
    default=25,
    show_default=True,
    help="How many of the worst errors to list.",
)
@click.option(
    "--readme",
    type=EXISTING_FILE,
    help="Rewrite the results table between the eval markers of this README.",
)
@patterns_option
@click.option(
    "--texts",
    "texts_csv",
    multiple=True,
    type=EXISTING_FILE,
    help="GOLD is stand-off (ids, hashes, offsets): read the report texts from "
    "this CSV (report_id,text). Repeat for several files.",
)
def evaluate(
    gold: IO[str],
    json_out: str | None,
    max_errors: int,
    readme: str | None,
    patterns: str | None,
    texts_csv: tuple[str, ...],
) -> None:
    """Run the pipeline on annotated reports and print accuracy per field.

    Example: calc-nlp evaluate corpora/gold/test.jsonl --json out/eval.json

    Stand-off gold: calc-nlp evaluate corpora/realtext/test.jsonl --texts reports.csv
    """
    from calc_nlp.evaluate import (
        format_report,
        markdown_table,
        read_gold,
        replace_between_markers,
        score,
    )
    from calc_nlp.safety import load_checked_rules
    from calc_nlp.stages import Analyzer
    from calc_nlp.strict_json import dumps

    try:
        rules = load_checked_rules(patterns)
        if texts_csv:
            from calc_nlp.standoff import read_standoff, read_texts

            reports = list(read_standoff(gold, read_texts(texts_csv)))
        else:
            reports = list(read_gold(gold))
    except (InputError, PatternError) as exc:
        raise UsageProblem(str(exc)) from None
    analyzer = Analyzer(rules)
    figures = score(
        ((g, _analyzed(analyzer, g.text, g.report_id)) for g in reports),
        max_errors=max_errors,
    )
    click.echo(format_report(figures))
    if json_out:
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(
            dumps(figures, indent=2) + "\n", encoding="utf-8"
        )
    if readme:
        doc = Path(readme).read_text(encoding="utf-8")
        Path(readme).write_text(
            replace_between_markers(
                doc,
                markdown_table(
                    figures, gold.name, "make eval-real" if texts_csv else "make eval"
                ),
                "eval-real" if texts_csv else "eval",
            ),
            encoding="utf-8",
        )


def write_beside_run(outdir: str, output: str, text: str) -> None:
    """Write a file made from a run's folder (review page, gold JSONL) as
    `export note-nlp` writes its table: never over one of the run's own files
    (`-o OUTDIR/findings.csv` replaced the run's findings), atomically, and
    created 0640 like the run's outputs (it holds report texts)."""
    from calc_nlp.cli_export import fail
    from calc_nlp.errors import OutputError, UsageError
    from calc_nlp.note_nlp_export import check_output, open_run
    from calc_nlp.writers import write_atomically

    try:
        check_output(open_run(outdir), Path(output))
    except (InputError, UsageError) as exc:
        raise UsageProblem(str(exc)) from None

    def write(fh: IO[bytes]) -> None:
        fh.write(text.encode("utf-8"))

    try:
        write_atomically(Path(output), write)
    except OutputError as exc:
        fail(exc)  # exit 4


@main.command(context_settings=CONTEXT)
@click.argument("outdir", type=EXISTING_FOLDER)
@output_option(
    "html_out",
    "The HTML file to write (self-contained: opens from a file share, no network).",
)
@click.option(
    "--decisions",
    "decisions_csv",
    type=EXISTING_FILE,
    help="Earlier decisions (CSV exported from the page) to show, and to flag findings whose output changed since.",
)
def review(outdir: str, html_out: str, decisions_csv: str | None) -> None:
    """Build a review page for a run: each finding in its report, filters, charts, decisions.

    Reads only OUTDIR (its tables, texts.jsonl and manifest): never the run's input.
    Example: calc-nlp review out -o review.html --decisions curated.csv
    """
    from calc_nlp.review import build_page

    try:
        page, stats = build_page(outdir, decisions_csv)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None
    write_beside_run(outdir, html_out, page)
    click.echo(
        f"calc-nlp: review page {html_out}: {stats['findings']} findings in {stats['reports']} reports "
        f"({stats['texts']} texts found, {stats['mismatched']} left out: not the text the run processed), {stats['decisions']} prior decisions, {stats['changed']} changed, {stats['gone']} gone",
        err=True,
    )
    if stats.get("texts_missing"):
        click.echo(f"calc-nlp: no report texts: {stats['texts_missing']}", err=True)


@main.group(context_settings=CONTEXT)
def corpus() -> None:
    """Check and count annotated corpus files (JSONL, see corpora/GUIDE.md).

    Example: calc-nlp corpus validate corpora/gold/dev.jsonl corpora/gold/test.jsonl
    """


@corpus.command("validate", context_settings=CONTEXT)
@click.argument(
    "files", nargs=-1, required=True, type=click.File("r", encoding="utf-8")
)
def corpus_validate(files: tuple[IO[str], ...]) -> None:
    """Check every line of the files against the corpus format; exit 1 on any error.

    Example: calc-nlp corpus validate corpora/gold/test.jsonl
    """
    from calc_nlp.corpus import validate_lines
    from calc_nlp.rules import load_rules

    rules = load_rules()
    bad = 0
    for fh in files:
        errors = validate_lines(fh, set(rules.sites), set(rules.conditions))
        for e in errors:
            click.echo(f"{fh.name}: {e}", err=True)
        bad += len(errors)
        click.echo(f"{fh.name}: {'ok' if not errors else f'{len(errors)} errors'}")
    if bad:
        raise click.ClickException(f"{bad} errors")


@corpus.command("stats", context_settings=CONTEXT)
@click.argument(
    "files", nargs=-1, required=True, type=click.File("r", encoding="utf-8")
)
def corpus_stats(files: tuple[IO[str], ...]) -> None:
    """Print the counts of annotated files as JSON: reports, traps, classes, modalities.

    Example: calc-nlp corpus stats corpora/gold/dev.jsonl corpora/gold/test.jsonl
    """
    import json

    from calc_nlp.corpus import stats
    from calc_nlp.stages import analyzer
    from calc_nlp.strict_json import dumps

    records = [json.loads(line) for fh in files for line in fh if line.strip()]
    click.echo(dumps(stats(records, analyzer().has_lookalikes), indent=2))


@corpus.command("import", context_settings=CONTEXT)
@click.argument("decisions_csv", metavar="CURATED.csv", type=EXISTING_FILE)
@click.argument("outdir", type=EXISTING_FOLDER)
@output_option(
    "gold_out", "Gold JSONL to write (default: standard output).", required=False
)
def corpus_import(decisions_csv: str, outdir: str, gold_out: str | None) -> None:
    """Turn curators' accepted and corrected findings into gold JSONL (corpus format).

    Only reports whose every finding was decided are written.
    Example: calc-nlp corpus import curated.csv out -o corpora/gold/curated.jsonl
    """

    from calc_nlp.corpus import validate_record
    from calc_nlp.review import import_decisions
    from calc_nlp.rules import load_rules
    from calc_nlp.strict_json import dumps

    try:
        gold, stats = import_decisions(decisions_csv, outdir)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None
    rules = load_rules()
    for g in gold:
        problems = validate_record(g, set(rules.sites), set(rules.conditions))
        if problems:
            raise click.ClickException(f"report {g['report_id']}: {problems[0]}")
    lines = "".join(dumps(g, ensure_ascii=False) + "\n" for g in gold)
    if gold_out:
        write_beside_run(outdir, gold_out, lines)
    else:
        click.echo(lines, nl=False)
    click.echo(
        f"calc-nlp: {stats['written']} gold reports from {stats['decisions']} decisions ({stats['complete']} of {stats['reports_with_findings']} reports fully decided)",
        err=True,
    )


main.add_command(run)
main.add_command(export)


def entry() -> None:
    """The `calc-nlp` program (and `python -m calc_nlp`): `main`, and after a
    finished local run an exit without tearing the interpreter down (freeing
    spaCy's objects one by one is a tenth of a second of every run). By then
    the outputs are committed and closed, the workers joined; the standard
    streams and logging are flushed here. Anything else exits as usual."""
    try:
        main()
    except SystemExit as exc:
        from calc_nlp import cli_run
        from calc_nlp.errors import EXIT_ROW_ERRORS

        code = 0 if exc.code is None else exc.code
        if cli_run.finished_locally and code in (0, EXIT_ROW_ERRORS):
            _exit_at_once(int(code))
        raise


def _exit_at_once(code: int) -> None:
    import logging
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # a closed or broken stream: the usual exit reports it
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
