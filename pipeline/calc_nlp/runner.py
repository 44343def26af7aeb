"""The batch job: stream an export through the engine into the output tables.

Order of events, each with its own failure and exit code (cli.py):
check options and rules -> open the input and check its columns -> create
the output folder -> take its lock -> stream: read a chunk, decide statuses
(empty, duplicate id, bad row, unchanged), process the rest (in-process or in
a pool of workers, results kept in input order), append rows, checkpoint ->
commit (rename the partial files into place) -> manifest.json.

A killed run leaves the previous outputs and its partial files; `--resume`
cuts the partial files back to the last checkpoint, skips the rows already
written and carries on, so the final files equal an uninterrupted run's.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from calc_nlp import __version__
from calc_nlp.errors import (
    CalcNlpError,
    InputError,
    LockHeld,
    OutputError,
    TooManyErrors,
    UsageError,
)
from calc_nlp.io import (
    HashingReader,
    PartialTable,
    Record,
    detect_format,
    read_csv,
    read_jsonl,
    read_parquet,
    read_table,
    read_txt_dir,
)
from calc_nlp.logs import Log
from calc_nlp.schema import (
    ERROR_COLUMNS,
    ERROR_TYPES,
    FINDING_COLUMNS,
    FINDING_TYPES,
    REPORT_COLUMNS,
    REPORT_TYPES,
    SCHEMA_VERSION,
    STATUS_DUPLICATE,
    STATUS_EMPTY,
    STATUS_ERROR,
    STATUS_UNCHANGED,
    STATUSES,
    ReportResult,
    error_row,
    report_row,
    text_digest,
)

PROGRESS = ".progress.json"
LOCK = ".calc-nlp.lock"
MANIFEST = "manifest.json"


@dataclass
class RunOptions:
    input: str
    outdir: str
    id_col: str = "report_id"
    text_col: str = "text"
    input_format: str | None = None
    output_format: str = "csv"
    encoding: str = "utf-8"
    delimiter: str | None = None
    workers: int = 1
    chunk_size: int = 256
    resume: bool = False
    since_manifest: str | None = None
    max_errors: int | None = None
    raw: bool = False
    patterns: str | None = None
    checkpoint_seconds: float = 2.0


@dataclass
class RunSummary:
    reports: int
    findings: int
    seconds: float
    rules_version: str
    counts: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    resumed_from: int = 0


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------------ input


class Input:
    """The opened input: its records and, for the manifest, its identity."""

    def __init__(self, opts: RunOptions):
        self.opts = opts
        self.fmt = detect_format(opts.input, opts.input_format)
        self._hasher: HashingReader | None = None
        self._fh: IO[bytes] | None = None
        if opts.input == "-":
            if opts.resume:
                raise UsageError(
                    "--resume needs an input file: standard input cannot be read twice"
                )
            raw: IO[bytes] = sys.stdin.buffer
        elif self.fmt in ("csv", "jsonl"):
            try:
                raw = open(opts.input, "rb")
            except OSError as exc:
                raise InputError(f"cannot read {opts.input}: {exc.strerror}") from None
            self._fh = raw
        else:
            raw = None  # type: ignore[assignment]
            if not os.path.exists(opts.input):
                raise InputError(f"cannot read {opts.input}: No such file or directory")
        if self.fmt == "csv":
            self._hasher = HashingReader(raw)
            self.records = read_csv(
                self._hasher,  # type: ignore[arg-type]  # a RawIOBase, read as bytes
                opts.id_col,
                opts.text_col,
                opts.encoding,
                opts.delimiter,
            )
        elif self.fmt == "jsonl":
            self._hasher = HashingReader(raw)
            self.records = read_jsonl(
                self._hasher,  # type: ignore[arg-type]  # a RawIOBase, read as bytes
                opts.id_col,
                opts.text_col,
                opts.encoding,
            )
        elif self.fmt == "parquet":
            self.records = read_parquet(opts.input, opts.id_col, opts.text_col)
        elif self.fmt == "txt":
            if not os.path.isdir(opts.input):
                raise InputError(f"{opts.input} is not a folder of .txt files")
            self.records = read_txt_dir(opts.input, opts.encoding)
        else:
            raise UsageError(f"unknown input format {self.fmt!r}")

    def identity(self) -> list[dict[str, Any]]:
        """Path, size and SHA-256 of what was read (files hashed as they stream)."""
        if self._hasher is not None:
            return [
                {
                    "path": self.opts.input,
                    "bytes": self._hasher.bytes,
                    "sha256": self._hasher.sha256.hexdigest(),
                }
            ]
        paths = (
            sorted(Path(self.opts.input).glob("*.txt"))
            if self.fmt == "txt"
            else [Path(self.opts.input)]
        )
        out = []
        for p in paths:
            h = hashlib.sha256()
            with open(p, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
            out.append(
                {"path": str(p), "bytes": p.stat().st_size, "sha256": h.hexdigest()}
            )
        return out

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def _chunks(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for r in records:
        chunk.append(r)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# ----------------------------------------------------------------- output


class Outputs:
    """findings, reports and errors tables with checkpoints in OUTDIR/.progress.json."""

    def __init__(self, outdir: Path, fmt: str, raw: bool):
        ext = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet"}[fmt]
        people = fmt == "csv" and not raw
        self.outdir = outdir
        self.tables = {
            "findings": PartialTable(
                outdir, f"findings.{ext}", FINDING_COLUMNS, fmt, people, FINDING_TYPES
            ),
            "reports": PartialTable(
                outdir, f"reports.{ext}", REPORT_COLUMNS, fmt, people, REPORT_TYPES
            ),
            "errors": PartialTable(
                outdir, "errors.csv", ERROR_COLUMNS, "csv", not raw, ERROR_TYPES
            ),
        }

    def start(self, resume_state: dict[str, Any] | None) -> None:
        for name, t in self.tables.items():
            t.open(None if resume_state is None else resume_state["offsets"][name])

    def checkpoint(self, state: dict[str, Any]) -> None:
        state = dict(
            state, offsets={name: t.checkpoint() for name, t in self.tables.items()}
        )
        _atomic_json(self.outdir / PROGRESS, state)

    def commit(self) -> None:
        for t in self.tables.values():
            t.commit()
        (self.outdir / PROGRESS).unlink(missing_ok=True)

    def close(self) -> None:
        for t in self.tables.values():
            t.close()

    def discard(self) -> None:
        for t in self.tables.values():
            t.partial.unlink(missing_ok=True)
        (self.outdir / PROGRESS).unlink(missing_ok=True)


def _atomic_json(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Lock:
    """One run per output folder: an flock on OUTDIR/.calc-nlp.lock (freed if the process dies)."""

    def __init__(self, outdir: Path):
        self.path = outdir / LOCK
        self.fh: IO[str] | None = None

    def acquire(self) -> None:
        fh = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise LockHeld(
                f"another calc-nlp run is writing to {self.path.parent} (lock {LOCK} is held)"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        self.fh = fh

    def release(self) -> None:
        if self.fh is not None:
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


# -------------------------------------------------------------- incremental


def previous_index(manifest_path: str, rules_version: str, log: Log) -> set[bytes]:
    """Keys (id, text hash) that an earlier run processed with the same rules."""
    try:
        manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
        reports = Path(manifest_path).parent / manifest["outputs"]["reports"]
        fmt = manifest["options"]["output_format"]
        people = fmt == "csv" and not manifest["options"].get("raw", False)
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(
            f"cannot use --since-manifest {manifest_path}: {exc.__class__.__name__}"
        ) from None
    if manifest.get("rules_version") != rules_version:
        log.info(
            "since_manifest_ignored",
            reason="rules version changed",
            previous=manifest.get("rules_version"),
        )
        return set()
    keys: set[bytes] = set()
    for row in read_table(reports, fmt, people):
        if row.get("status") in ("ok", "empty", STATUS_UNCHANGED) and row.get(
            "text_sha256"
        ):
            keys.add(_key(str(row["report_id"]), str(row["text_sha256"])))
    return keys


def _key(report_id: str, digest: str) -> bytes:
    return hashlib.blake2b(
        f"{report_id}\x1f{digest}".encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()


# ----------------------------------------------------------------- the run


def _run_key(opts: RunOptions, rules_version: str) -> str:
    """What a resumed run must share with the killed one: options that shape the output."""
    shape = {
        k: v
        for k, v in asdict(opts).items()
        if k not in ("workers", "resume", "chunk_size", "checkpoint_seconds")
    }
    shape["rules_version"] = rules_version
    shape["input_stat"] = _input_stat(opts.input)
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:16]


def _input_stat(path: str) -> Any:
    if path == "-":
        return None
    p = Path(path)
    if p.is_dir():
        return sorted(
            (f.name, f.stat().st_size, int(f.stat().st_mtime)) for f in p.glob("*.txt")
        )
    st = p.stat()
    return [st.st_size, int(st.st_mtime)]


def run(opts: RunOptions, log: Log | None = None) -> RunSummary:
    """Run the job; raises our own errors (cli.py maps them to exit codes)."""
    from calc_nlp.engine import local_engine
    from calc_nlp.rules import load_rules

    log = log or Log()
    started = time.time()
    t0 = time.perf_counter()
    pool = _start_pool(opts) if opts.workers > 1 and not opts.patterns else None
    try:
        rules = load_rules(opts.patterns)  # validated before anything is opened
        if opts.patterns:
            from calc_nlp.safety import check_user_regexes

            check_user_regexes(rules)
        inp = Input(opts)  # checks columns before anything is written
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    out = Path(opts.outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".calc-nlp.write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        inp.close()
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise OutputError(f"cannot write to {out}: {exc.strerror}") from None
    lock = Lock(out)
    try:
        lock.acquire()
    except LockHeld:
        inp.close()
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    counts: Counter[str] = Counter()
    timings: Counter[str] = Counter()
    n_findings = n_errors = 0
    outputs = Outputs(out, opts.output_format, opts.raw)
    manifest: dict[str, Any] = {
        "tool": "calc-nlp",
        "tool_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "rules_version": rules.version,
        "started": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
        "options": {k: v for k, v in asdict(opts).items()},
        "outputs": {name: t.name for name, t in outputs.tables.items()},
    }
    try:
        run_key = _run_key(opts, rules.version)
        state = _resume_state(out, run_key) if opts.resume else None
        if opts.resume and state is None:
            log.info("resume_from_start", reason="no matching checkpoint")
        outputs.start(state)
        done = state["rows_done"] if state else 0
        if state:
            counts.update(state["counts"])
            n_findings, n_errors = state["findings"], state["errors"]
        skip_keys = (
            previous_index(opts.since_manifest, rules.version, log)
            if opts.since_manifest
            else set()
        )
        seen: set[bytes] = set()
        records = inp.records
        # Rows already written by the killed run: re-read them only to rebuild the id set.
        for _ in range(done):
            r = next(records)
            if r.report_id:
                seen.add(_id_key(r.report_id))
        if done:
            log.info("resumed", rows_done=done)
        engine = None
        if opts.workers > 1:
            pool = pool or _start_pool(opts)
        else:
            engine = local_engine(opts.patterns, rules)
        progress = log.progress()
        last_checkpoint = time.perf_counter()
        formats = (outputs.tables["reports"].lines, outputs.tables["findings"].lines)
        for decided, results_rows, chunk_timings in _pipeline(
            records, opts, seen, skip_keys, engine, pool, formats
        ):
            for (
                status,
                row_no,
                rid,
                reason,
                nf,
                report_line,
                finding_lines,
            ) in results_rows:
                counts[status] += 1
                outputs.tables["reports"].write_line(report_line)
                if finding_lines:
                    outputs.tables["findings"].write_line(finding_lines)
                n_findings += nf
                if status in (STATUS_ERROR, STATUS_DUPLICATE):
                    n_errors += 1
                    outputs.tables["errors"].write(error_row(row_no, rid, reason))
            timings.update(chunk_timings)
            done += decided
            if time.perf_counter() - last_checkpoint >= opts.checkpoint_seconds:
                outputs.checkpoint(
                    {
                        "run_key": run_key,
                        "rows_done": done,
                        "counts": dict(counts),
                        "findings": n_findings,
                        "errors": n_errors,
                    }
                )
                last_checkpoint = time.perf_counter()
            progress.update(done)
            if opts.max_errors is not None and n_errors > opts.max_errors:
                raise TooManyErrors(
                    f"{n_errors} bad rows, more than --max-errors {opts.max_errors}; outputs not replaced"
                )
        progress.close()
        outputs.commit()
        seconds = time.perf_counter() - t0
        manifest.update(
            inputs=inp.identity(),
            counts={s: counts.get(s, 0) for s in STATUSES},
            reports=sum(counts.values()),
            findings=n_findings,
            errors=n_errors,
            seconds=round(seconds, 3),
            stage_seconds={
                k: round(v, 3)
                for k, v in sorted(timings.items())
                if not k.endswith("_reports")
            },
            finished=datetime.now(UTC).isoformat(timespec="seconds"),
            resumed_from_row=state["rows_done"] if state else 0,
            exit_code=1 if n_errors else 0,
        )
        _atomic_json(out / MANIFEST, manifest)
        return RunSummary(
            sum(counts.values()),
            n_findings,
            seconds,
            rules.version,
            dict(counts),
            n_errors,
            dict(timings),
            state["rows_done"] if state else 0,
        )
    except BaseException as exc:
        outputs.close()
        if isinstance(exc, CalcNlpError):
            outputs.discard()  # a refused run is not resumable: leave only the old outputs
        _failed_manifest(out, manifest, exc, counts)
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        inp.close()
        lock.release()


def _start_pool(opts: RunOptions) -> ProcessPoolExecutor:
    """Start the workers first: they build their pipelines while the parent checks
    the rules and the input (the bundled rules only; user rules are checked first)."""
    from calc_nlp.engine import init_worker, warm

    pool = ProcessPoolExecutor(
        max_workers=opts.workers, initializer=init_worker, initargs=(opts.patterns,)
    )
    for _ in range(opts.workers):
        pool.submit(warm)
    return pool


def _failed_manifest(
    out: Path, manifest: dict[str, Any], exc: BaseException, counts: Counter[str]
) -> None:
    from calc_nlp.errors import exit_code_for

    try:
        manifest.update(
            counts_so_far={s: counts.get(s, 0) for s in STATUSES},
            finished=datetime.now(UTC).isoformat(timespec="seconds"),
            exit_code=exit_code_for(exc),
            error=exc.__class__.__name__,
        )
        _atomic_json(out / MANIFEST, manifest)
    except OSError:
        pass


def _resume_state(out: Path, run_key: str) -> dict[str, Any] | None:
    try:
        state = json.loads((out / PROGRESS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("run_key") != run_key:
        return None
    return state


def _id_key(report_id: str) -> bytes:
    return hashlib.blake2b(
        report_id.encode("utf-8", "surrogatepass"), digest_size=12
    ).digest()


def _decide(
    chunk: list[Record], seen: set[bytes], skip_keys: set[bytes]
) -> tuple[list[Any], list[tuple[int, str, str, str, str]]]:
    """Statuses decided in input order in the parent; the rest goes to the engine.

    Returns a slot per record: a finished report row, or None to fill with
    the engine's result, plus the engine's work items.
    """
    slots: list[Any] = []
    work: list[tuple[int, str, str, str, str]] = []
    for r in chunk:
        if r.problem:
            slots.append(
                (
                    report_row(
                        ReportResult(
                            r.report_id, STATUS_ERROR, reason=r.problem, row=r.row
                        )
                    ),
                    [],
                )
            )
            continue
        key = _id_key(r.report_id)
        if key in seen:
            digest = text_digest(r.text)
            slots.append(
                (
                    report_row(
                        ReportResult(
                            r.report_id,
                            STATUS_DUPLICATE,
                            reason="duplicate_id",
                            row=r.row,
                            text_sha256=digest,
                        )
                    ),
                    [],
                )
            )
            continue
        seen.add(key)
        if not r.text.strip():
            slots.append(
                (
                    report_row(
                        ReportResult(
                            r.report_id,
                            STATUS_EMPTY,
                            row=r.row,
                            note=r.note,
                            text_sha256=text_digest(r.text),
                        )
                    ),
                    [],
                )
            )
            continue
        digest = ""  # hashed by the worker, in parallel, unless needed here
        if skip_keys:
            digest = text_digest(r.text)
            if _key(r.report_id, digest) in skip_keys:
                slots.append(
                    (
                        report_row(
                            ReportResult(
                                r.report_id,
                                STATUS_UNCHANGED,
                                row=r.row,
                                note=r.note,
                                text_sha256=digest,
                            )
                        ),
                        [],
                    )
                )
                continue
        slots.append(None)
        work.append((r.row, r.report_id, r.text, r.note, digest))
    return slots, work


def _merge(slots: list[Any], results: list[Any]) -> list[Any]:
    it = iter(results)
    return [s if s is not None else next(it) for s in slots]


def _pipeline(
    records: Iterator[Record],
    opts: RunOptions,
    seen: set[bytes],
    skip_keys: set[bytes],
    engine: Any,
    pool: ProcessPoolExecutor | None,
    formats: tuple[Any, Any],
) -> Iterator[tuple[int, list[Any], dict[str, float]]]:
    """(rows consumed, finished rows, timings) per chunk, in input order.

    With a pool, at most 2 x workers chunks are in flight: memory stays flat
    however long the input is.
    """
    from calc_nlp.engine import process_chunk, render, rows_for

    def decide(chunk: list[Record]) -> tuple[list[Any], list[Any]]:
        slots, work = _decide(chunk, seen, skip_keys)
        return [None if s is None else render(s, formats) for s in slots], work

    if pool is None:
        for chunk in _chunks(records, opts.chunk_size):
            slots, work = decide(chunk)
            results, tm = rows_for(work, engine, formats) if work else ([], {})
            yield len(chunk), _merge(slots, results), tm
        return
    window: deque[tuple[int, list[Any], Future[Any] | None]] = deque()
    limit = 2 * opts.workers
    for chunk in _chunks(records, opts.chunk_size):
        slots, work = decide(chunk)
        fut = pool.submit(process_chunk, work, formats) if work else None
        window.append((len(chunk), slots, fut))
        while len(window) >= limit:
            yield _finish(window.popleft())
    while window:
        yield _finish(window.popleft())


def _finish(
    entry: tuple[int, list[Any], Future[Any] | None],
) -> tuple[int, list[Any], dict[str, float]]:
    n, slots, fut = entry
    if fut is None:
        return n, slots, {}
    results, tm = fut.result()
    return n, _merge(slots, results), tm
