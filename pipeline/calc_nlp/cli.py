"""Command line: glue over runner.py and extract.py, nothing more."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

import click

from calc_nlp import __version__
from calc_nlp.errors import CalcNlpError, InputError, PatternError
from calc_nlp.io import INPUT_FORMATS, OUTPUT_FORMATS

CONTEXT = {"help_option_names": ["-h", "--help"]}


class UsageProblem(click.ClickException):
    """A bad invocation or input the user must fix: one line, exit code 2."""

    exit_code = 2


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="calc-nlp")
def main() -> None:
    """Find soft-tissue calcification in radiology reports, as reviewable rows.

    Example: calc-nlp run reports.csv -o out
    """


@main.command(context_settings=CONTEXT)
@click.argument("input_path", metavar="INPUT")
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False),
    help="Output folder (created if missing); one run at a time per folder.",
)
@click.option(
    "--id-col",
    default="report_id",
    show_default=True,
    help="Name of the report id column (or JSON key).",
)
@click.option(
    "--text-col",
    default="text",
    show_default=True,
    help="Name of the report text column (or JSON key).",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default=None,
    help="Force the input format; by default from the name (.csv/.tsv, .jsonl, .parquet, a folder of .txt; '-' is CSV).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="csv",
    show_default=True,
    help="Output format of findings and reports (errors.csv is always CSV).",
)
@click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    help="Text encoding of the input; invalid bytes are replaced and the row noted.",
)
@click.option(
    "--delimiter",
    default=None,
    help="CSV delimiter; by default guessed from the header (, ; TAB |).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the cores available); 1 runs in-process. Output is identical whatever the number.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=256,
    show_default=True,
    help="Reports per unit of work and per checkpoint.",
)
@click.option(
    "--checkpoint-seconds",
    type=click.FloatRange(min=0),
    default=2.0,
    show_default=True,
    help="How often progress is made durable for --resume (0: after every chunk).",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Continue a killed run into the same folder from its last checkpoint.",
)
@click.option(
    "--since-manifest",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Skip reports whose id and text an earlier run (this manifest.json) processed with the same rules; they get status 'unchanged'.",
)
@click.option(
    "--max-errors",
    type=click.IntRange(min=0),
    default=None,
    help="Fail (exit 6, outputs not replaced) when more rows than this are bad.",
)
@click.option(
    "--raw",
    is_flag=True,
    help="Do not neutralise spreadsheet formulas in CSV cells (for machine consumers).",
)
@click.option(
    "--no-texts",
    is_flag=True,
    help="Do not keep a copy of the report texts in OUTDIR (texts.jsonl, what `review` shows); the review page then says why texts are missing.",
)
@click.option(
    "--patterns",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Use rule files from this folder instead of the bundled patterns/ (validated first).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="Run here, or on Spark (pip install calc-nlp[spark]).",
)
@click.option(
    "--spark-master",
    default=None,
    help="Spark master URL for --engine spark, e.g. local[2] (default: the session's).",
)
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Log lines on stderr as text or JSON (ids, counts and timings only).",
)
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def run(
    input_path: str,
    outdir: str,
    id_col: str,
    text_col: str,
    input_format: str | None,
    output_format: str,
    encoding: str,
    delimiter: str | None,
    workers: int | None,
    chunk_size: int,
    checkpoint_seconds: float,
    resume: bool,
    since_manifest: str | None,
    max_errors: int | None,
    raw: bool,
    no_texts: bool,
    patterns: str | None,
    engine: str,
    spark_master: str | None,
    log_format: str,
    quiet: bool,
) -> None:
    """Extract findings from a report export into OUTDIR (findings, reports, errors, texts, manifest).

    Example: calc-nlp run corpora/demo/reports.csv -o out --id-col report_id --text-col text
    """
    import signal

    from calc_nlp.errors import EXIT_ROW_ERRORS, Terminated, exit_code_for
    from calc_nlp.logs import Log
    from calc_nlp.runner import RunOptions, default_workers
    from calc_nlp.runner import run as run_job

    log = Log(log_format, quiet)
    opts = RunOptions(
        input=input_path,
        outdir=outdir,
        id_col=id_col,
        text_col=text_col,
        input_format=input_format,
        output_format=output_format,
        encoding=encoding,
        delimiter=delimiter,
        workers=workers or default_workers(),
        chunk_size=chunk_size,
        checkpoint_seconds=checkpoint_seconds,
        resume=resume,
        since_manifest=since_manifest,
        max_errors=max_errors,
        raw=raw,
        patterns=patterns,
        keep_texts=not no_texts,
    )

    def on_sigterm(signum: int, frame: object) -> None:
        signal.signal(
            signal.SIGTERM, signal.SIG_IGN
        )  # once: cleanup must not be cut short
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, on_sigterm)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        if engine == "spark":
            from calc_nlp.spark import run_spark

            summary = run_spark(opts, spark_master, log)
        else:
            summary = run_job(opts, log)
    except KeyboardInterrupt as exc:
        code = exit_code_for(exc)
        event = "terminated" if isinstance(exc, Terminated) else "interrupted"
        message = (
            "stopped by SIGTERM; previous outputs kept, --resume continues"
            if isinstance(exc, Terminated)
            else "interrupted; previous outputs kept, --resume continues"
        )
        if log_format == "json":
            log.error(event, exit_code=code, message=message)
        else:
            click.echo(f"Error: {message}", err=True)
        sys.exit(code)
    except Exception as exc:  # noqa: BLE001 - every failure gets its documented exit code
        code = exit_code_for(exc)
        message = (
            str(exc)
            if isinstance(exc, CalcNlpError)
            else f"internal error ({exc.__class__.__name__}); no report text is shown"
        )
        if log_format == "json":
            log.error("failed", exit_code=code, message=message)
        else:
            click.echo(f"Error: {message}", err=True)
        sys.exit(code)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.counts.items()))
    log.info(
        "done",
        reports=summary.reports,
        findings=summary.findings,
        seconds=round(summary.seconds, 1),
        rules=summary.rules_version,
        statuses=counts.replace(" ", "=").replace(",=", ",")
        if log_format == "text"
        else summary.counts,
        output=str(Path(outdir)),
    )
    if summary.errors:
        sys.exit(EXIT_ROW_ERRORS)


@main.command(context_settings=CONTEXT)
@click.argument("text", required=False)
@click.option(
    "--file",
    "file_",
    type=click.File("r", encoding="utf-8"),
    help="Read the report text from this file ('-' for stdin).",
)
@click.option(
    "--patterns",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Use rule files from this folder instead of the bundled patterns/.",
)
def explain(text: str | None, file_: IO[str] | None, patterns: str | None) -> None:
    """Show each finding of one report with its site, modifiers, class and the rules that fired.

    Example: calc-nlp explain "Calcified granuloma in the right upper lobe."
    """
    from calc_nlp.extract import Analyzer
    from calc_nlp.safety import load_checked_rules
    from calc_nlp.schema import FLAGS

    if (text is None) == (file_ is None):
        raise UsageProblem("give the report TEXT or --file, not both")
    body = text if text is not None else file_.read()  # type: ignore[union-attr]
    try:
        rules = load_checked_rules(patterns)
    except PatternError as exc:
        raise UsageProblem(str(exc)) from None
    result = Analyzer(rules).analyze(body, "explain")
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
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Rewrite the results table between the eval markers of this README.",
)
@click.option(
    "--patterns",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Use rule files from this folder instead of the bundled patterns/.",
)
@click.option(
    "--texts",
    "texts_csv",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True),
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
    import json

    from calc_nlp.evaluate import (
        format_report,
        markdown_table,
        read_gold,
        replace_between_markers,
        score,
    )
    from calc_nlp.extract import Analyzer
    from calc_nlp.safety import load_checked_rules

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
        ((g, analyzer.analyze(g.text, g.report_id)) for g in reports),
        max_errors=max_errors,
    )
    click.echo(format_report(figures))
    if json_out:
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(
            json.dumps(figures, indent=2) + "\n", encoding="utf-8"
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


@main.command(context_settings=CONTEXT)
@click.argument("outdir", type=click.Path(file_okay=False, exists=True))
@click.option(
    "-o",
    "--output",
    "html_out",
    required=True,
    type=click.Path(dir_okay=False),
    help="The HTML file to write (self-contained: opens from a file share, no network).",
)
@click.option(
    "--decisions",
    "decisions_csv",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
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
    tmp = Path(html_out).with_name(f".{Path(html_out).name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(html_out)
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
    from calc_nlp.extract import analyzer

    records = [json.loads(line) for fh in files for line in fh if line.strip()]
    click.echo(json.dumps(stats(records, analyzer().has_lookalikes), indent=2))


@corpus.command("import", context_settings=CONTEXT)
@click.argument(
    "decisions_csv", metavar="CURATED.csv", type=click.Path(dir_okay=False, exists=True)
)
@click.argument("outdir", type=click.Path(file_okay=False, exists=True))
@click.option(
    "-o",
    "--output",
    "gold_out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Gold JSONL to write (default: standard output).",
)
def corpus_import(decisions_csv: str, outdir: str, gold_out: str | None) -> None:
    """Turn curators' accepted and corrected findings into gold JSONL (corpus format).

    Only reports whose every finding was decided are written.
    Example: calc-nlp corpus import curated.csv out -o corpora/gold/curated.jsonl
    """
    import json

    from calc_nlp.corpus import validate_record
    from calc_nlp.review import import_decisions
    from calc_nlp.rules import load_rules

    try:
        gold, stats = import_decisions(decisions_csv, outdir)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None
    rules = load_rules()
    for g in gold:
        problems = validate_record(g, set(rules.sites), set(rules.conditions))
        if problems:
            raise click.ClickException(f"report {g['report_id']}: {problems[0]}")
    lines = "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
    if gold_out:
        Path(gold_out).write_text(lines, encoding="utf-8")
    else:
        click.echo(lines, nl=False)
    click.echo(
        f"calc-nlp: {stats['written']} gold reports from {stats['decisions']} decisions ({stats['complete']} of {stats['reports_with_findings']} reports fully decided)",
        err=True,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
