"""The writer of a run, shared by both engines: rows in, tables, errors.csv,
checkpoints and manifest out.

An engine hands `Job.write` chunks of finished rows, in input order (already
rendered in the output format); the job appends them to the tables, counts
them, checkpoints, enforces --max-errors, and at the end publishes everything
with the commit protocol (batch/commit.py).
"""

from __future__ import annotations

import errno
import hashlib
import time
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from calc_nlp import __version__
from calc_nlp.batch.checkpoint import record_digest, resume_state, run_key
from calc_nlp.batch.commit import Outputs, failed_manifest, finish_commit
from calc_nlp.batch.kept import KeptCells
from calc_nlp.batch.keys import KeySet, id_key, previous_index
from calc_nlp.batch.options import IDS_FILE, SINCE_FILE, RunOptions, RunSummary
from calc_nlp.columns import kept_names
from calc_nlp.csv_reader import RepeatedHeaders
from calc_nlp.errors import CalcNlpError, TooManyErrors
from calc_nlp.logs import Log
from calc_nlp.readers import Record
from calc_nlp.schema import (
    SCHEMA_VERSION,
    STATUS_DUPLICATE,
    STATUS_ERROR,
    STATUSES,
    error_row,
)
from calc_nlp.writers import write_error

# One chunk from an engine: (input rows consumed, rendered rows (engine.Rendered),
# stage timings, digest of the consumed rows for --resume).
Chunk = tuple[int, list[Any], dict[str, float], bytes]

# Row numbers a log line names at most (the manifest lists them all).
_ROWS_SHOWN = 20


class Source(Protocol):
    """What an engine gives the job: rows in input order, and the input's identity."""

    def replay(self, rows: int) -> Any:
        """The first `rows` input records again (a resumed run skips them)."""

    def restart(self) -> None:
        """Read the input from its start again."""

    def chunks(self, seen: KeySet, skip_keys: KeySet, formats: Any) -> Any:
        """Finished rows, chunk by chunk (an iterator of `Chunk`)."""

    def identity(self) -> list[dict[str, Any]]: ...

    def repeated_headers(self) -> RepeatedHeaders:
        """A CSV input's rows that repeat its header (parts joined with `cat`)."""

    # --keep-col: output name -> kind of a typed input's kept columns
    kept_kinds: dict[str, str]

    def close(self, ok: bool) -> None: ...


class Job:
    def __init__(
        self,
        opts: RunOptions,
        rules_version: str,
        out: Path,
        log: Log,
        started: float,
        kept_kinds: dict[str, str] | None = None,
    ):
        self.opts, self.rules_version, self.out, self.log = (
            opts,
            rules_version,
            out,
            log,
        )
        self.counts: Counter[str] = Counter()
        self.timings: Counter[str] = Counter()
        self.n_findings = self.n_errors = self.done = 0
        kept = tuple(kept_names(list(opts.keep), opts.no_header))
        self.outputs = Outputs(
            out, opts.output_format, opts.raw, opts.keep_texts, kept, kept_kinds
        )
        people = opts.output_format == "csv" and not opts.raw
        line_fmt = "csv" if opts.output_format == "csv" else "jsonl"
        self.kept = KeptCells(kept, line_fmt, people)
        for stale in (IDS_FILE, SINCE_FILE):  # left by a killed run
            (out / stale).unlink(missing_ok=True)
        self.seen = KeySet(out)
        self.skip_keys = KeySet(out, SINCE_FILE)
        self.prefix = hashlib.sha256()
        self.state: dict[str, Any] | None = None
        self.key = run_key(opts, rules_version)
        self.manifest: dict[str, Any] = {
            "tool": "calc-nlp",
            "tool_version": __version__,
            "schema_version": SCHEMA_VERSION,
            "engine": opts.engine,
            "rules_version": rules_version,
            "started": datetime.fromtimestamp(started, UTC).isoformat(
                timespec="seconds"
            ),
            "options": dict(asdict(opts)),
            "limit": opts.limit,  # a trial run of the first N rows (None: all)
            # --keep-col: names (and the kinds kept from a typed input), never values
            "kept_columns": list(kept),
            "kept_kinds": dict(kept_kinds or {}),
            "outputs": {name: t.name for name, t in self.outputs.tables.items()},
        }
        self._last_checkpoint = time.perf_counter()
        self._progress: Any = None

    def begin(self, source: Source) -> None:
        """Finish an interrupted commit, pick up a checkpoint, open the tables."""
        if finish_commit(self.out):  # an earlier run was stopped while publishing
            self.log.info(
                "commit_finished", reason="an earlier run was stopped while publishing"
            )
        if self.opts.resume:
            self.state = resume_state(self.out, self.key, self.outputs)
            if self.state is None:
                self.log.info("resume_from_start", reason="no matching checkpoint")
        if self.state:
            self._replay(source, self.state)
        self.outputs.start(self.state)
        if self.state:
            self.done = self.state["rows_done"]
            self.counts.update(self.state["counts"])
            self.n_findings, self.n_errors = (
                self.state["findings"],
                self.state["errors"],
            )
            self.log.info("resumed", rows_done=self.done)
        if self.opts.since_manifest:
            previous_index(
                self.opts.since_manifest, self.rules_version, self.log, self.skip_keys
            )
        self._progress = self.log.progress(getattr(source, "fraction", None), self.done)
        self._last_checkpoint = time.perf_counter()

    def _replay(self, source: Source, state: dict[str, Any]) -> None:
        """Rows the killed run wrote: re-read to rebuild the id set and to check
        that they are the same rows (a same-size edit keeps size and mtime)."""
        r: Record
        for r in source.replay(state["rows_done"]):
            self.prefix.update(record_digest(r))
            if r.report_id and not r.problem:
                self.seen.add(id_key(r.report_id))
        if self.prefix.hexdigest() != state.get("input_prefix"):
            self.log.info(
                "resume_from_start", reason="input changed since the checkpoint"
            )
            self.state = None
            source.restart()
            self.prefix = hashlib.sha256()
            self.seen.close()
            self.seen = KeySet(self.out)

    def write(self, chunk: Chunk) -> None:
        decided, rows, chunk_timings, digests = chunk
        tables = self.outputs.tables
        for item in rows:
            status, row_no, rid, reason, nf, report, findings, texts = item[:8]
            if self.kept.names:  # --keep-col: the values come after the row
                report = self.kept.extend(report, item[8])
                findings = self.kept.extend(findings, item[8])
            self.counts[status] += 1
            tables["reports"].write_line(report)
            if findings:
                tables["findings"].write_line(findings)
            if texts:
                tables["texts"].write_line(texts)
            self.n_findings += nf
            if status in (STATUS_ERROR, STATUS_DUPLICATE):
                self.n_errors += 1
                error = error_row(row_no, rid, reason)
                if self.kept.names:  # errors.csv neutralises its own cells
                    error.update(
                        zip(self.kept.names, self.kept.texts(item[8]), strict=True)
                    )
                tables["errors"].write(error)
        self.timings.update(chunk_timings)
        self.done += decided
        self.prefix.update(digests)
        if time.perf_counter() - self._last_checkpoint >= self.opts.checkpoint_seconds:
            self.checkpoint()
        self._progress.update(self.done)
        if self.opts.max_errors is not None and self.n_errors > self.opts.max_errors:
            raise TooManyErrors(
                f"{self.n_errors} bad rows, more than --max-errors {self.opts.max_errors}; outputs not replaced"
            )

    def checkpoint(self) -> None:
        self.outputs.checkpoint(
            {
                "run_key": self.key,
                "rows_done": self.done,
                "input_prefix": self.prefix.hexdigest(),
                "counts": dict(self.counts),
                "findings": self.n_findings,
                "errors": self.n_errors,
            }
        )
        self._last_checkpoint = time.perf_counter()

    def commit(
        self,
        inputs: list[dict[str, Any]],
        seconds: float,
        repeated: RepeatedHeaders | None = None,
    ) -> RunSummary:
        """Publish the tables and the manifest; the run's summary."""
        self._progress.close()
        repeated = repeated or RepeatedHeaders()
        self._log_repeated(repeated)
        resumed = self.state["rows_done"] if self.state else 0
        self.manifest.update(
            inputs=inputs,
            counts={s: self.counts.get(s, 0) for s in STATUSES},
            reports=sum(self.counts.values()),
            findings=self.n_findings,
            errors=self.n_errors,
            seconds=round(seconds, 3),
            stage_seconds={
                k: round(v, 3)
                for k, v in sorted(self.timings.items())
                if not k.endswith("_reports")
            },
            # how the reports were answered: the prefilter alone (skipped),
            # the pipeline (nlp), a text met before in the run (cached)
            reports_by_path={
                k.removesuffix("_reports"): v
                for k, v in sorted(self.timings.items())
                if k.endswith("_reports")
            },
            finished=datetime.now(UTC).isoformat(timespec="seconds"),
            resumed_from_row=resumed,
            exit_code=1 if self.n_errors else 0,
            # header lines of joined parts: row numbers, no report each
            repeated_headers={
                "count": len(repeated.rows),
                "rows": repeated.rows,
                "reordered_rows": repeated.reordered,
            },
        )
        self.outputs.commit(self.manifest)
        return RunSummary(
            sum(self.counts.values()),
            self.n_findings,
            seconds,
            self.rules_version,
            dict(self.counts),
            self.n_errors,
            dict(self.timings),
            resumed,
            len(repeated.rows),
        )

    def _log_repeated(self, repeated: RepeatedHeaders) -> None:
        """One line naming the rows that repeat the header (numbers only)."""
        if not repeated.rows:
            return
        shown = ",".join(str(n) for n in repeated.rows[:_ROWS_SHOWN])
        more = ",..." if len(repeated.rows) > _ROWS_SHOWN else ""
        self.log.info(
            "repeated_header",
            count=len(repeated.rows),
            rows=shown + more,
            reordered=len(repeated.reordered),
        )

    def fail(self, exc: BaseException) -> BaseException:
        """Leave the folder as a failed run must; the error to raise."""
        self.outputs.close()
        if isinstance(exc, OSError) and exc.errno in (
            errno.ENOSPC,
            errno.EDQUOT,
            errno.EFBIG,
        ):
            exc = write_error(self.out, exc)
        if isinstance(exc, CalcNlpError):
            self.outputs.discard()  # a refused run is not resumable: leave only the old outputs
        failed_manifest(self.out, self.manifest, exc, self.counts)
        return exc

    def close(self) -> None:
        self.seen.close()
        self.skip_keys.close()
