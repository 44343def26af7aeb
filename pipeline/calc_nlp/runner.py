"""The batch job: stream an export through the engine into the output tables.

Order of events, each with its own failure and exit code (cli.py):
check options and rules -> open the input and check its columns -> create
the output folder -> take its lock -> stream: read a chunk, decide statuses
(empty, duplicate id, bad row, unchanged), process the rest (in-process or in
a pool of workers, results kept in input order), append rows, checkpoint ->
commit -> done. The parts live in batch/: options, inputs, decide (statuses
before the engine), workers, keys (id sets), checkpoint, lock, commit, and job
(the writer both engines share).

A killed run leaves the previous outputs and its partial files; `--resume`
cuts the partial files back to the last checkpoint, checks that the input's
rows up to it are the same (a digest of the consumed prefix), skips them and
carries on, so the final files equal an uninterrupted run's. The commit
survives a kill at any instant (batch/commit.py).

`--engine spark` computes the rows on Spark (spark.py) and hands them to the
same writer here: the same tables, errors.csv, texts.jsonl and manifest.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from calc_nlp.batch.commit import COMMIT_STEPS, TABLES, Outputs, finish_commit
from calc_nlp.batch.inputs import Input
from calc_nlp.batch.job import Job, Source
from calc_nlp.batch.kept import with_kept
from calc_nlp.batch.keys import KeySet
from calc_nlp.batch.lock import Lock
from calc_nlp.batch.options import (
    FAILED_MANIFEST,
    IDS_FILE,
    JOURNAL,
    LOCK,
    MANIFEST,
    PROGRESS,
    SINCE_FILE,
    TEXTS,
    USER_PATTERN_REPORT_SECONDS,
    RunOptions,
    RunSummary,
    check_encoding,
    default_workers,
    output_names,
    refuse_input_in_outputs,
)
from calc_nlp.batch.workers import pipeline, start_pool, stop_pool
from calc_nlp.csv_reader import RepeatedHeaders
from calc_nlp.errors import CalcNlpError, OutputError, UsageError
from calc_nlp.logs import Log
from calc_nlp.readers import Record
from calc_nlp.writers import PRIVATE_MODE, create_new

if TYPE_CHECKING:
    from calc_nlp.batch.workers import Pool

__all__ = [
    "COMMIT_STEPS",
    "FAILED_MANIFEST",
    "IDS_FILE",
    "JOURNAL",
    "LOCK",
    "MANIFEST",
    "PROGRESS",
    "SINCE_FILE",
    "TABLES",
    "TEXTS",
    "KeySet",
    "Outputs",
    "RunOptions",
    "RunSummary",
    "default_workers",
    "finish_commit",
    "output_names",
    "run",
    "write_run",
]


class LocalSource:
    """The local engine: the input read here, rows computed in-process or by a pool."""

    def __init__(self, opts: RunOptions, rules: Any, pool: Pool | None):
        self.opts, self.rules, self.pool = opts, rules, pool
        self.inp = Input(opts)  # checks columns before anything is written
        self.kept_kinds = self.inp.kept_kinds

    def replay(self, rows: int) -> Iterator[Record]:
        for _ in range(rows):
            r = next(self.inp.records, None)
            if r is None:
                return
            yield r

    def restart(self) -> None:
        self.inp.close()
        self.inp = Input(self.opts)

    def chunks(self, seen: KeySet, skip_keys: KeySet, formats: Any) -> Iterator[Any]:
        from calc_nlp.engine import built_engine, local_engine

        # With a pool, the parent's engine (built before the fork) answers the
        # reports its screen can; without one, it answers every report.
        engine = (
            built_engine(self.rules)
            if self.pool
            else local_engine(self.opts.patterns, self.rules)
        )
        if engine is not None:
            engine.cache.clear()  # each run its own (result_cache.py)
        deadline = USER_PATTERN_REPORT_SECONDS if self.opts.patterns else 0.0

        def run(records: Iterator[Record]) -> Iterator[Any]:
            return pipeline(
                records,
                self.opts,
                seen,
                skip_keys,
                engine,
                self.pool,
                formats,
                deadline,
            )

        if self.opts.keep:  # each row followed by its kept values (batch/kept.py)
            return with_kept(self.inp.records, run)
        return run(self.inp.records)

    def identity(self) -> list[dict[str, Any]]:
        return self.inp.identity()

    def repeated_headers(self) -> RepeatedHeaders:
        return self.inp.repeated

    def fraction(self, done: int) -> float | None:
        """How much of the input `done` rows are, when known (the progress bar)."""
        return self.inp.fraction(done)

    def close(self, ok: bool) -> None:
        stop_pool(self.pool, ok=ok)
        self.inp.close()


def run(opts: RunOptions, log: Log | None = None) -> RunSummary:
    """Run the job; raises our own errors (cli.py maps them to exit codes)."""
    from calc_nlp.safety import load_checked_rules

    log = log or Log()
    started, t0 = time.time(), time.perf_counter()
    refuse_input_in_outputs(opts)
    check_encoding(opts.encoding)
    if opts.engine == "spark":
        from calc_nlp.spark import SparkSource

        if opts.no_header or opts.limit is not None:
            raise UsageError("--no-header and --limit work with the local engine only")
        rules = load_checked_rules(opts.patterns)
        source: Source = SparkSource(opts, rules)
        return write_run(opts, rules.version, source, log, started, t0)
    # Workers are forked before the lock is taken (they must never hold it), once
    # the rules have been checked and the parent has built the engine they share.
    pool = None
    try:
        rules = load_checked_rules(opts.patterns)  # validated before anything is opened
        if opts.workers > 1:
            pool = start_pool(opts, rules)
        source = LocalSource(opts, rules, pool)
    except BaseException:
        stop_pool(pool, ok=False)
        raise
    return write_run(opts, rules.version, source, log, started, t0)


def _open_folder(out: Path) -> Lock:
    """The output folder, created and checked writable, with its lock taken."""
    try:
        if not out.is_dir():
            out.mkdir(mode=0o750, parents=True, exist_ok=True)
        probe = out / ".calc-nlp.write-test"
        os.close(create_new(probe, PRIVATE_MODE))
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror}") from None
    lock = Lock(out)
    lock.acquire()
    return lock


def write_run(
    opts: RunOptions,
    rules_version: str,
    source: Source,
    log: Log,
    started: float,
    t0: float,
) -> RunSummary:
    """Write what `source` computes into OPTS.outdir: the one writer of a run,
    whatever the engine."""
    out = Path(opts.outdir)
    try:
        lock = _open_folder(out)
    except CalcNlpError:
        source.close(ok=False)
        raise
    job = Job(opts, rules_version, out, log, started, source.kept_kinds)
    ok = False
    try:
        job.begin(source)
        for chunk in source.chunks(job.seen, job.skip_keys, job.outputs.formats()):
            job.write(chunk)
        summary = job.commit(
            source.identity(), time.perf_counter() - t0, source.repeated_headers()
        )
        ok = True
        return summary
    except BaseException as exc:
        raised = job.fail(exc)
        if raised is not sys.exc_info()[1]:
            raise raised from None
        raise
    finally:
        source.close(ok)
        job.close()
        lock.release()
