"""Command line: glue over runner.py and extract.py, nothing more."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from calc_nlp import __version__
from calc_nlp.errors import CalcNlpError, InputError, PatternError

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
@click.argument("input_path", metavar="INPUT.csv", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False), help="Output folder for findings.csv and reports.csv (created if missing).")
@click.option("--id-col", default="report_id", show_default=True, help="Name of the report id column.")
@click.option("--text-col", default="text", show_default=True, help="Name of the report text column.")
@click.option("--patterns", type=click.Path(file_okay=False, exists=True), default=None, help="Use rule files from this folder instead of the bundled patterns/.")
def run(input_path: str, outdir: str, id_col: str, text_col: str, patterns: str | None) -> None:
    """Extract findings from a CSV export into OUTDIR/findings.csv and OUTDIR/reports.csv.

    Example: calc-nlp run corpora/demo/reports.csv -o out --id-col report_id --text-col text
    """
    from calc_nlp.runner import run as run_job

    try:
        summary = run_job(input_path, outdir, id_col=id_col, text_col=text_col, patterns=patterns)
    except (InputError, PatternError) as exc:
        raise UsageProblem(str(exc)) from None
    except CalcNlpError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"calc-nlp: {summary.reports} reports, {summary.findings} findings in "
        f"{summary.seconds:.1f} s (rules {summary.rules_version}) -> {Path(outdir)}",
        err=True,
    )


@main.command(context_settings=CONTEXT)
@click.argument("text", required=False)
@click.option("--file", "file_", type=click.File("r", encoding="utf-8"), help="Read the report text from this file ('-' for stdin).")
@click.option("--patterns", type=click.Path(file_okay=False, exists=True), default=None, help="Use rule files from this folder instead of the bundled patterns/.")
def explain(text: str | None, file_: click.utils.LazyFile | None, patterns: str | None) -> None:
    """Show each finding of one report with its site, modifiers, class and the rules that fired.

    Example: calc-nlp explain "Calcified granuloma in the right upper lobe."
    """
    from calc_nlp.extract import Extractor
    from calc_nlp.rules import load_rules

    if (text is None) == (file_ is None):
        raise UsageProblem("give the report TEXT or --file, not both")
    body = text if text is not None else file_.read()  # type: ignore[union-attr]
    try:
        rules = load_rules(patterns)
    except PatternError as exc:
        raise UsageProblem(str(exc)) from None
    result = Extractor(rules).process("explain", body)
    out = click.echo
    if not result.findings:
        out("no findings")
    for i, f in enumerate(result.findings, 1):
        flags = [n for n in ("negated", "uncertain", "historical", "hypothetical", "family", "physiologic") if getattr(f, n)]
        out(f"[{i}] {f.mention!r} chars {f.start}-{f.end}, section {f.section}")
        out(f"    site: {f.site or '-'} ({f.site_text or 'no site words'}), laterality: {f.laterality or '-'}")
        out(f"    modifiers: {', '.join(flags) or 'affirmed'}")
        out(f"    class: {f.classification or '-'} {'' if f.confidence is None else f'{f.confidence:.2f}'}  {f.evidence}")
        out(f"    rules: mention {f.rule_id}; site {f.site_rule or '-'}; context {', '.join(f.modifiers) or '-'}")
    conds = ", ".join(c.label() for c in result.conditions) or "-"
    labs = ", ".join(f"{v.name} {v.value:g} {v.unit} ({v.flag})" for v in result.labs) or "-"
    out(f"conditions: {conds}")
    out(f"labs: {labs}")


@main.command(context_settings=CONTEXT)
@click.argument("gold", metavar="GOLD.jsonl", type=click.File("r", encoding="utf-8"))
@click.option("--json", "json_out", type=click.Path(dir_okay=False), default=None, help="Also write the figures as JSON (mention F1 under 'mention_f1').")
@click.option("--errors", "max_errors", default=25, show_default=True, help="How many of the worst errors to list.")
@click.option("--readme", type=click.Path(dir_okay=False, exists=True), default=None, help="Rewrite the results table between the eval markers of this README.")
@click.option("--patterns", type=click.Path(file_okay=False, exists=True), default=None, help="Use rule files from this folder instead of the bundled patterns/.")
def evaluate(gold: click.utils.LazyFile, json_out: str | None, max_errors: int, readme: str | None, patterns: str | None) -> None:
    """Run the pipeline on annotated reports and print accuracy per field.

    Example: calc-nlp evaluate corpora/gold/test.jsonl --json out/eval.json
    """
    import json

    from calc_nlp.evaluate import format_report, markdown_table, read_gold, replace_between_markers, score
    from calc_nlp.extract import Extractor
    from calc_nlp.rules import load_rules

    try:
        rules = load_rules(patterns)
        reports = list(read_gold(gold))
    except (InputError, PatternError) as exc:
        raise UsageProblem(str(exc)) from None
    extractor = Extractor(rules)
    figures = score(((g, extractor.process(g.report_id, g.text)) for g in reports), max_errors=max_errors)
    click.echo(format_report(figures))
    if json_out:
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if readme:
        doc = Path(readme).read_text(encoding="utf-8")
        Path(readme).write_text(replace_between_markers(doc, markdown_table(figures, gold.name)), encoding="utf-8")


@main.group(context_settings=CONTEXT)
def corpus() -> None:
    """Check and count annotated corpus files (JSONL, see corpora/GUIDE.md).

    Example: calc-nlp corpus validate corpora/gold/dev.jsonl corpora/gold/test.jsonl
    """


@corpus.command("validate", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.File("r", encoding="utf-8"))
def corpus_validate(files: tuple[click.utils.LazyFile, ...]) -> None:
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
@click.argument("files", nargs=-1, required=True, type=click.File("r", encoding="utf-8"))
def corpus_stats(files: tuple[click.utils.LazyFile, ...]) -> None:
    """Print the counts of annotated files as JSON: reports, traps, classes, modalities.

    Example: calc-nlp corpus stats corpora/gold/dev.jsonl corpora/gold/test.jsonl
    """
    import json

    from calc_nlp.corpus import stats
    from calc_nlp.extract import Extractor
    from calc_nlp.rules import load_rules

    extractor = Extractor(load_rules())
    records = [json.loads(line) for fh in files for line in fh if line.strip()]
    click.echo(json.dumps(stats(records, extractor.has_lookalikes), indent=2))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
