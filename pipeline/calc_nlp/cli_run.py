"""`calc-nlp run`: its options, and its failures as one line and an exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from calc_nlp.cli_options import (
    CONTEXT,
    EXISTING_FILE,
    output_option,
    patterns_option,
)
from calc_nlp.errors import CalcNlpError
from calc_nlp.readers import INPUT_FORMATS
from calc_nlp.writers import OUTPUT_FORMATS


@click.command("run", context_settings=CONTEXT)
@click.argument("input_path", metavar="INPUT")
@output_option(
    "outdir",
    "Output folder (created if missing); one run at a time per folder.",
    folder=True,
)
@click.option("--id-col", default="report_id", show_default=True, help="Name of the report id column (or JSON key).")
@click.option("--text-col", default="text", show_default=True, help="Name of the report text column (or JSON key).")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=None, help="Force the input format; by default from the name (.csv/.tsv, .jsonl, .parquet, a folder of .txt; '-' is CSV).")
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="csv", show_default=True, help="Output format of findings and reports (errors.csv is always CSV).")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the input; invalid bytes are replaced and the row noted.")
@click.option("--delimiter", default=None, help="CSV delimiter; by default guessed from the header (, ; TAB |).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: the cores available); 1 runs in-process. Output is identical whatever the number.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=256, show_default=True, help="Reports per unit of work and per checkpoint.")
@click.option("--checkpoint-seconds", type=click.FloatRange(min=0), default=2.0, show_default=True, help="How often progress is made durable for --resume (0: after every chunk).")
@click.option("--resume", is_flag=True, help="Continue a killed run into the same folder from its last checkpoint.")
@click.option("--since-manifest", type=EXISTING_FILE, help="Skip reports whose id and text an earlier run (this manifest.json) processed with the same rules; they get status 'unchanged'.")
@click.option("--max-errors", type=click.IntRange(min=0), default=None, help="Fail (exit 6, outputs not replaced) when more rows than this are bad.")
@click.option("--raw", is_flag=True, help="Do not neutralise spreadsheet formulas in CSV cells (for machine consumers).")
@click.option("--no-texts", is_flag=True, help="Do not keep a copy of the report texts in OUTDIR (texts.jsonl, what `review` shows); the review page then says why texts are missing.")
@patterns_option
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True, help="Run here, or on Spark (the spark extra: pip install '.[spark]' from a clone or the wheel).")
@click.option("--spark-master", default=None, help="Spark master URL for --engine spark, e.g. local[2] (default: the session's).")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Log lines on stderr as text or JSON (ids, counts and timings only).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("--no-header", is_flag=True, help="CSV without a header row: --id-col and --text-col are 1-based positions (--id-col 1 --text-col 2).")
@click.option("--keep-col", "keep_col", multiple=True, help="Input column copied (as text) onto every findings, reports and errors row, after the standard columns; repeatable. With --no-header, a 1-based position (written as col<N>).")
@click.option("--keep-cols", "keep_cols", default=None, help="Comma-separated kept columns, the same as one --keep-col for each.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Process only the first N input rows (a trial run; the manifest records it).")
def run(**options: Any) -> None:
    """Extract findings from a report export into OUTDIR (findings, reports, errors, texts, manifest).

    Example: calc-nlp run corpora/demo/reports.csv -o out --id-col report_id --text-col text
    """
    from calc_nlp.errors import EXIT_ROW_ERRORS
    from calc_nlp.logs import Log

    log = Log(options["log_format"], options["quiet"])
    summary = _run_reporting_failures(_run_options(options), log, options["log_format"])
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.counts.items()))
    log.info(
        "done",
        reports=summary.reports,
        findings=summary.findings,
        seconds=round(summary.seconds, 1),
        rules=summary.rules_version,
        statuses=counts.replace(" ", "=").replace(",=", ",")
        if options["log_format"] == "text"
        else summary.counts,
        output=str(Path(options["outdir"])),
        # a CSV's header lines after its first (joined parts): not reports
        **(
            {"repeated_headers": summary.repeated_headers}
            if summary.repeated_headers
            else {}
        ),
    )
    global finished_locally
    finished_locally = options["engine"] == "local"  # cli.entry may exit at once
    if summary.errors:
        sys.exit(EXIT_ROW_ERRORS)


# True once a local run has committed its outputs and logged its last line.
finished_locally = False


def _run_options(o: dict[str, Any]) -> Any:
    from calc_nlp.runner import RunOptions

    return RunOptions(
        input=o["input_path"],
        outdir=o["outdir"],
        workers=o["workers"] or _default_workers(o["input_path"]),
        keep_texts=not o["no_texts"],
        keep=_kept(o["keep_col"], o["keep_cols"]),
        **{name: o[name] for name in _SAME_NAMES},
    )


# An input file this small holds fewer reports than one chunk (--chunk-size)
# at any usual report length: a pool would have nothing to share out, so by
# default it runs in-process (the output is the same whatever the workers).
SMALL_INPUT_BYTES = 64 * 1024


def _default_workers(input_path: str) -> int:
    """--workers when not given: the cores available, one for a small file."""
    from calc_nlp.runner import default_workers

    try:
        if os.path.isfile(input_path) and os.path.getsize(input_path) <= SMALL_INPUT_BYTES:
            return 1
    except OSError:
        pass  # unreadable: the run reports it
    return default_workers()


# The options passed to RunOptions under their own names.
_SAME_NAMES = (
    "id_col", "text_col", "input_format", "output_format", "encoding", "delimiter",
    "chunk_size", "checkpoint_seconds", "resume", "since_manifest", "max_errors",
    "raw", "patterns", "engine", "spark_master", "no_header", "limit",
)


def _kept(keep_col: tuple[str, ...], keep_cols: str | None) -> tuple[str, ...]:
    """--keep-col values then --keep-cols' names, spaces around names removed."""
    names = [*keep_col, *(keep_cols.split(",") if keep_cols is not None else [])]
    return tuple(n.strip() for n in names)


def _run_reporting_failures(opts: Any, log: Any, log_format: str) -> Any:
    """The run's summary; on failure, one line (never report text) and the
    documented exit code."""
    import signal

    from calc_nlp import fast_import
    from calc_nlp.engine import freeze_after_build
    from calc_nlp.errors import Terminated, exit_code_for
    from calc_nlp.runner import run as run_job

    fast_import.enable()  # start-up: spaCy, when needed, without its command line
    freeze_after_build()  # the pipeline's objects out of the collector's walks

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
        return run_job(opts, log)
    except KeyboardInterrupt as exc:
        stopped = "stopped by SIGTERM" if isinstance(exc, Terminated) else "interrupted"
        message = f"{stopped}; previous outputs kept, --resume continues"
        event = "terminated" if isinstance(exc, Terminated) else "interrupted"
        _fail(log, log_format, event, exit_code_for(exc), message)
    except Exception as exc:  # noqa: BLE001 - every failure gets its documented exit code
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(exc, CalcNlpError):
            message = str(exc)
        elif isinstance(exc, BrokenProcessPool):  # a worker killed (out of memory?)
            message = (
                "a worker process ended abruptly (killed? out of memory?); "
                "previous outputs kept, --resume continues"
            )
        else:
            message = (
                f"internal error ({exc.__class__.__name__}); no report text is shown"
            )
        _fail(log, log_format, "failed", exit_code_for(exc), message)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _fail(log: Any, log_format: str, event: str, code: int, message: str) -> NoReturn:
    if log_format == "json":
        log.error(event, exit_code=code, message=message)
    else:
        click.echo(f"Error: {message}", err=True)
    sys.exit(code)
