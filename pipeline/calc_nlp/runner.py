"""The batch job: stream an export through the engine into the output tables.

Order of events, each with its own failure and exit code (cli.py):
check options and rules -> open the input and check its columns -> create
the output folder -> take its lock -> stream: read a chunk, decide statuses
(empty, duplicate id, bad row, unchanged), process the rest (in-process or in
a pool of workers, results kept in input order), append rows, checkpoint ->
commit (the protocol below) -> done.

A killed run leaves the previous outputs and its partial files; `--resume`
cuts the partial files back to the last checkpoint, checks that the input's
rows up to it are the same (a digest of the consumed prefix), skips them and
carries on, so the final files equal an uninterrupted run's.

The commit survives a kill at any instant. Every table is made durable (and
Parquet converted) and the new manifest staged; then a journal
(`.commit.json`) listing the renames is written atomically: before it exists
nothing in place has changed and `--resume` rebuilds from the checkpoint;
once it exists the commit is decided, and the renames are idempotent, so
whatever run next takes the folder's lock (or `review`, which refuses to read
a half-published folder) finishes them before anything else. A failed run
never replaces `manifest.json`: it writes `manifest.failed.json`.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import signal
import sqlite3
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
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
    OUTPUT_FORMATS,
    OUTPUT_MODE,
    PRIVATE_MODE,
    HashingReader,
    PartialTable,
    Record,
    create_new,
    detect_format,
    keep_stricter_mode,
    open_regular,
    read_csv,
    read_jsonl,
    read_parquet,
    read_table,
    read_txt_dir,
    txt_files,
    write_error,
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
    TEXT_COLUMNS,
    ReportResult,
    error_row,
    report_row,
    text_digest,
)

PROGRESS = ".progress.json"
LOCK = ".calc-nlp.lock"
MANIFEST = "manifest.json"
FAILED_MANIFEST = "manifest.failed.json"
JOURNAL = ".commit.json"
IDS_FILE = ".calc-nlp.ids"
SINCE_FILE = ".calc-nlp.since"

# Ids kept in memory before the duplicate-id set moves to a file (flat memory).
MEMORY_IDS = 65_536
# With user --patterns: longest time one report may take (a regex that slipped
# past validation cannot hang the run; the report becomes an error row).
USER_PATTERN_REPORT_SECONDS = 60.0


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
    keep_texts: bool = True  # texts.jsonl: what `review` shows (--no-texts: not kept)


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
        self.files: list[Path] = []
        if opts.input == "-":
            if opts.resume:
                raise UsageError(
                    "--resume needs an input file: standard input cannot be read twice"
                )
            raw: IO[bytes] = sys.stdin.buffer
        elif self.fmt in ("csv", "jsonl"):
            try:
                raw = open_regular(Path(opts.input))
            except OSError as exc:
                reason = (
                    "not a regular file" if exc.errno == errno.EINVAL else exc.strerror
                )
                raise InputError(f"cannot read {opts.input}: {reason}") from None
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
            self.files = txt_files(opts.input)  # one list: reader and manifest
            self.records = read_txt_dir(opts.input, opts.encoding, self.files)
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
        paths = self.files if self.fmt == "txt" else [Path(self.opts.input)]
        out: list[dict[str, Any]] = []
        for p in paths:
            h = hashlib.sha256()
            size = 0
            try:
                with open_regular(p) as fh:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        h.update(block)
                        size += len(block)
            except OSError:
                out.append({"path": str(p), "bytes": None, "sha256": None})
                continue
            out.append({"path": str(p), "bytes": size, "sha256": h.hexdigest()})
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

TABLES = ("findings", "reports", "errors", "texts")
TEXTS = "texts.jsonl"

# The commit protocol, step by step; a test kills the run after each one.
COMMIT_STEPS = (
    "begin",
    "finish:findings",
    "finish:reports",
    "finish:errors",
    "finish:texts",
    "stage:manifest",
    "journal",
    "publish:findings",
    "publish:reports",
    "publish:errors",
    "publish:texts",
    "publish:manifest",
    "cleanup",
    "done",
)
# Tests set this (or CALC_NLP_TEST_KILL_AT=<step>, which SIGKILLs the process)
# to stop a run after a given step of the commit.
COMMIT_HOOK: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if COMMIT_HOOK is not None:
        COMMIT_HOOK(name)
    if os.environ.get("CALC_NLP_TEST_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


class Outputs:
    """findings, reports, errors and texts tables with checkpoints in OUTDIR/.progress.json.

    texts.jsonl (always JSON Lines) holds the text and marked spans of each
    report with findings, for `review`; without it (`keep_texts` False) a
    texts.jsonl left by an earlier run is removed by the commit, so that the
    folder never pairs this run's tables with another run's texts.
    """

    def __init__(self, outdir: Path, fmt: str, raw: bool, keep_texts: bool = True):
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
        if keep_texts:
            self.tables["texts"] = PartialTable(
                outdir, TEXTS, TEXT_COLUMNS, "jsonl", False
            )
        self.stale = [] if keep_texts else [TEXTS]

    def formats(self) -> tuple[Any, Any, Any]:
        """How workers render the rows of reports, findings and texts."""
        texts = self.tables.get("texts")
        return (
            self.tables["reports"].lines,
            self.tables["findings"].lines,
            None if texts is None else texts.lines,
        )

    def start(self, resume_state: dict[str, Any] | None) -> None:
        for name, t in self.tables.items():
            t.open(None if resume_state is None else resume_state["offsets"][name])

    def checkpoint(self, state: dict[str, Any]) -> None:
        state = dict(
            state, offsets={name: t.checkpoint() for name, t in self.tables.items()}
        )
        _atomic_json(self.outdir / PROGRESS, state, PRIVATE_MODE)

    def commit(self, manifest: dict[str, Any]) -> None:
        """Publish the tables and the manifest (see the module docstring)."""
        _step("begin")
        renames = []
        for name, t in self.tables.items():
            staged = t.finish()
            renames.append([staged.name, t.final.name])
            _step(f"finish:{name}")
        staged_manifest = self.outdir / f".{MANIFEST}.staged"
        _atomic_json(staged_manifest, manifest, OUTPUT_MODE)
        renames.append([staged_manifest.name, MANIFEST])
        _step("stage:manifest")
        leftovers = [t.partial.name for t in self.tables.values()] + [
            PROGRESS,
            FAILED_MANIFEST,
            *self.stale,
        ]
        _fsync_dir(self.outdir)
        _atomic_json(
            self.outdir / JOURNAL,
            {"renames": renames, "remove": leftovers},
            PRIVATE_MODE,
        )
        _step("journal")
        finish_commit(self.outdir)

    def close(self) -> None:
        for t in self.tables.values():
            t.close()

    def discard(self) -> None:
        """Remove this run's partial files (not once the commit is decided)."""
        if (self.outdir / JOURNAL).exists():
            return
        for t in self.tables.values():
            t.partial.unlink(missing_ok=True)
            t.staged.unlink(missing_ok=True)
        (self.outdir / PROGRESS).unlink(missing_ok=True)
        (self.outdir / f".{MANIFEST}.staged").unlink(missing_ok=True)


def finish_commit(out: Path) -> bool:
    """Carry out a decided commit (its journal exists): idempotent, so an
    interrupted one is finished by the next run. False if there is none."""
    journal = out / JOURNAL
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        renames = [(str(a), str(b)) for a, b in plan["renames"]]
        remove = [str(x) for x in plan["remove"]]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(
            f"{out / JOURNAL} is unreadable: the folder's last commit cannot be finished; "
            "remove the folder's hidden files and rerun"
        ) from None
    names = {"findings", "reports", "errors", "texts", "manifest"}
    try:
        for src, dst in renames:
            s_path, d_path = out / src, out / dst
            if os.path.lexists(s_path):
                keep_stricter_mode(s_path, d_path)
                os.replace(s_path, d_path)
            elif not os.path.lexists(d_path):
                raise OutputError(
                    f"cannot finish the interrupted commit in {out}: {src} is missing"
                )
            stem = dst.split(".")[0]
            _step(f"publish:{stem if stem in names else dst}")
        _fsync_dir(out)
        for name in remove:
            (out / name).unlink(missing_ok=True)
        _step("cleanup")
        journal.unlink()
        _fsync_dir(out)
    except OSError as exc:
        raise write_error(out, exc) from None
    _step("done")
    return True


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_json(path: Path, data: Any, mode: int = OUTPUT_MODE) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        fd = create_new(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        keep_stricter_mode(tmp, path)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(path, exc) from None


_HELD_LOCKS: set[int] = set()


def _forget_locks_in_child() -> None:
    """A forked child (a pool worker) must not keep the folder's lock alive."""
    for fd in list(_HELD_LOCKS):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_forget_locks_in_child)


class Lock:
    """One run per output folder: an flock on OUTDIR/.calc-nlp.lock (freed if the process dies).

    Opened without following links, close-on-exec, mode 0600, and closed in
    forked children, so that only this process holds it.
    """

    def __init__(self, outdir: Path):
        self.path = outdir / LOCK
        self.fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(
                self.path,
                os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC,
                PRIVATE_MODE,
            )
        except OSError as exc:
            raise write_error(self.path, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise LockHeld(
                f"another calc-nlp run is writing to {self.path.parent} (lock {LOCK} is held)"
            ) from None
        try:
            os.fchmod(fd, PRIVATE_MODE)
        except OSError:
            pass  # not ours to change
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        _HELD_LOCKS.add(fd)

    def release(self) -> None:
        if self.fd is not None:
            _HELD_LOCKS.discard(self.fd)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


# ------------------------------------------------------------ bounded key sets


class KeySet:
    """Keys (short digests) seen so far, with memory that stays flat: a set up to
    `limit` keys, then a SQLite file in the output folder (removed at the end)."""

    def __init__(self, folder: Path, name: str = IDS_FILE, limit: int | None = None):
        self.folder, self.name = folder, name
        self.limit = MEMORY_IDS if limit is None else limit
        self.mem: set[bytes] = set()
        self.db: sqlite3.Connection | None = None
        self.path = folder / name
        self.count = 0

    def _spill(self) -> None:
        try:
            os.close(create_new(self.path, PRIVATE_MODE))
            db = sqlite3.connect(self.path, isolation_level=None)
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("PRAGMA locking_mode=EXCLUSIVE")
            db.execute("PRAGMA cache_size=-4096")  # 4 MiB
            db.execute("CREATE TABLE k (k BLOB PRIMARY KEY) WITHOUT ROWID")
            db.execute("BEGIN")
            db.executemany("INSERT INTO k VALUES (?)", ((k,) for k in self.mem))
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(
                f"cannot write {self.path}: {getattr(exc, 'strerror', None) or exc.__class__.__name__}"
            ) from None
        self.db = db
        self.mem = set()

    def add(self, key: bytes) -> bool:
        """Add `key`; False if it was there already."""
        if self.db is None:
            if key in self.mem:
                return False
            self.mem.add(key)
            self.count += 1
            if len(self.mem) > self.limit:
                self._spill()
            return True
        try:
            cur = self.db.execute("INSERT OR IGNORE INTO k VALUES (?)", (key,))
        except sqlite3.Error as exc:
            raise OutputError(
                f"cannot write {self.path}: {exc.__class__.__name__}"
            ) from None
        if cur.rowcount == 1:
            self.count += 1
            return True
        return False

    def __contains__(self, key: bytes) -> bool:
        if self.db is None:
            return key in self.mem
        return (
            self.db.execute("SELECT 1 FROM k WHERE k = ?", (key,)).fetchone()
            is not None
        )

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        self.mem = set()
        self.path.unlink(missing_ok=True)


# -------------------------------------------------------------- incremental


def previous_index(
    manifest_path: str, rules_version: str, log: Log, keys: KeySet | None = None
) -> KeySet | set[bytes]:
    """Keys (id, text hash) that an earlier run processed with the same rules."""
    where = f"--since-manifest {manifest_path}"
    try:
        manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
        reports = Path(manifest_path).parent / str(manifest["outputs"]["reports"])
        fmt = manifest["options"]["output_format"]
        people = fmt == "csv" and not manifest["options"].get("raw", False)
    except KeyError as exc:
        raise InputError(
            f"cannot use {where}: not a calc-nlp manifest (key {exc.args[0]!r} missing)"
        ) from None
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"cannot use {where}: {exc.__class__.__name__}") from None
    if fmt not in OUTPUT_FORMATS:
        raise InputError(
            f"cannot use {where}: key 'output_format' is not a format we write"
        )
    out: KeySet | set[bytes] = keys if keys is not None else set()
    if manifest.get("rules_version") != rules_version:
        log.info(
            "since_manifest_ignored",
            reason="rules version changed",
            previous=manifest.get("rules_version"),
        )
        return out
    n = 0
    try:
        for row in read_table(reports, fmt, people):
            n += 1
            if row.get("status") in ("ok", "empty", STATUS_UNCHANGED) and row.get(
                "text_sha256"
            ):
                out.add(_key(str(row["report_id"]), str(row["text_sha256"])))
    except CalcNlpError:
        raise
    except Exception as exc:  # noqa: BLE001 - a corrupt table is an input problem
        raise InputError(
            f"cannot use {where}: {reports.name} is unreadable after row {n} "
            f"({exc.__class__.__name__})"
        ) from None
    return out


def _key(report_id: str, digest: str) -> bytes:
    return hashlib.blake2b(
        f"{report_id}\x1f{digest}".encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()


# ----------------------------------------------------------------- the run


def _run_key(opts: RunOptions, rules_version: str) -> str:
    """What a resumed run must share with the killed one: options that shape the
    output. The input's content is checked separately (the consumed prefix)."""
    shape = {
        k: v
        for k, v in asdict(opts).items()
        if k not in ("workers", "resume", "chunk_size", "checkpoint_seconds")
    }
    shape["rules_version"] = rules_version
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:16]


def _record_digest(r: Record) -> bytes:
    """What a checkpoint remembers of one consumed row (to key a resume on content)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(
        f"{r.row}\x1f{r.report_id}\x1f{r.problem}\x1f{r.note}\x1f".encode(
            "utf-8", "surrogatepass"
        )
    )
    h.update(r.text.encode("utf-8", "surrogatepass"))
    return h.digest()


def output_names() -> set[str]:
    """Every file name a run may write in its output folder, whatever the format."""
    names = {MANIFEST, FAILED_MANIFEST, LOCK, PROGRESS, JOURNAL, IDS_FILE, SINCE_FILE}
    names |= {"errors.csv", TEXTS}
    for fmt in OUTPUT_FORMATS:
        for t in ("findings", "reports"):
            names.add(f"{t}.{fmt}")
    for n in list(names):
        names |= {f".{n}.partial", f".{n}.staged", f".{n}.tmp"}
    return names


def _refuse_input_in_outputs(opts: RunOptions) -> None:
    """The input must not be one of the files the run writes (it would be replaced)."""
    if opts.input == "-":
        return
    src = Path(opts.input)
    real = os.path.realpath(src)
    out = Path(opts.outdir)
    for name in output_names():
        target = out / name
        same = os.path.realpath(target) == real
        if not same:
            try:
                same = os.path.samefile(src, target)
            except OSError:
                same = False
        if same:
            raise UsageError(
                f"the input {opts.input} is the output file {name} of {opts.outdir}: "
                "it would be replaced; write to another folder (-o)"
            )


def _check_encoding(encoding: str) -> None:
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown --encoding {encoding!r}") from None


def run(opts: RunOptions, log: Log | None = None) -> RunSummary:
    """Run the job; raises our own errors (cli.py maps them to exit codes)."""
    from calc_nlp.engine import local_engine
    from calc_nlp.safety import load_checked_rules

    log = log or Log()
    started = time.time()
    t0 = time.perf_counter()
    _refuse_input_in_outputs(opts)
    _check_encoding(opts.encoding)
    # Workers are forked before the lock is taken (they must never hold it); with
    # user rules, only once the rules have been checked.
    pool = _start_pool(opts) if opts.workers > 1 and not opts.patterns else None
    try:
        rules = load_checked_rules(opts.patterns)  # validated before anything is opened
        if opts.workers > 1 and pool is None:
            pool = _start_pool(opts)
        inp = Input(opts)  # checks columns before anything is written
    except BaseException:
        _stop_pool(pool, ok=False)
        raise
    out = Path(opts.outdir)
    try:
        if not out.is_dir():
            out.mkdir(mode=0o750, parents=True, exist_ok=True)
        probe = out / ".calc-nlp.write-test"
        os.close(create_new(probe, PRIVATE_MODE))
        probe.unlink()
    except OSError as exc:
        inp.close()
        _stop_pool(pool, ok=False)
        raise OutputError(f"cannot write to {out}: {exc.strerror}") from None
    lock = Lock(out)
    try:
        lock.acquire()
    except CalcNlpError:
        inp.close()
        _stop_pool(pool, ok=False)
        raise
    counts: Counter[str] = Counter()
    timings: Counter[str] = Counter()
    n_findings = n_errors = 0
    outputs = Outputs(out, opts.output_format, opts.raw, opts.keep_texts)
    seen = KeySet(out)
    for stale in (IDS_FILE, SINCE_FILE):  # left by a killed run
        (out / stale).unlink(missing_ok=True)
    skip_keys = KeySet(out, SINCE_FILE)
    manifest: dict[str, Any] = {
        "tool": "calc-nlp",
        "tool_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "rules_version": rules.version,
        "started": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
        "options": {k: v for k, v in asdict(opts).items()},
        "outputs": {name: t.name for name, t in outputs.tables.items()},
    }
    ok = False
    try:
        if finish_commit(out):  # an earlier run was stopped while publishing
            log.info(
                "commit_finished", reason="an earlier run was stopped while publishing"
            )
        run_key = _run_key(opts, rules.version)
        state = _resume_state(out, run_key, outputs) if opts.resume else None
        if opts.resume and state is None:
            log.info("resume_from_start", reason="no matching checkpoint")
        prefix = hashlib.sha256()
        records = inp.records
        if state:
            # Rows the killed run wrote: re-read to rebuild the id set and to check
            # that they are the same rows (a same-size edit keeps size and mtime).
            for _ in range(state["rows_done"]):
                r = next(records, None)
                if r is None:
                    break
                prefix.update(_record_digest(r))
                if r.report_id and not r.problem:
                    seen.add(_id_key(r.report_id))
            if prefix.hexdigest() != state.get("input_prefix"):
                log.info(
                    "resume_from_start", reason="input changed since the checkpoint"
                )
                state = None
                inp.close()
                inp = Input(opts)
                records = inp.records
                prefix = hashlib.sha256()
                seen.close()
                seen = KeySet(out)
        outputs.start(state)
        done = state["rows_done"] if state else 0
        if state:
            counts.update(state["counts"])
            n_findings, n_errors = state["findings"], state["errors"]
            log.info("resumed", rows_done=done)
        if opts.since_manifest:
            previous_index(opts.since_manifest, rules.version, log, skip_keys)
        engine = None
        if pool is None:
            engine = local_engine(opts.patterns, rules)
        deadline = USER_PATTERN_REPORT_SECONDS if opts.patterns else 0.0
        progress = log.progress()
        last_checkpoint = time.perf_counter()
        formats = outputs.formats()
        for decided, results_rows, chunk_timings, digests in _pipeline(
            records, opts, seen, skip_keys, engine, pool, formats, deadline
        ):
            for (
                status,
                row_no,
                rid,
                reason,
                nf,
                report_line,
                finding_lines,
                texts_line,
            ) in results_rows:
                counts[status] += 1
                outputs.tables["reports"].write_line(report_line)
                if finding_lines:
                    outputs.tables["findings"].write_line(finding_lines)
                if texts_line:
                    outputs.tables["texts"].write_line(texts_line)
                n_findings += nf
                if status in (STATUS_ERROR, STATUS_DUPLICATE):
                    n_errors += 1
                    outputs.tables["errors"].write(error_row(row_no, rid, reason))
            timings.update(chunk_timings)
            done += decided
            prefix.update(digests)
            if time.perf_counter() - last_checkpoint >= opts.checkpoint_seconds:
                outputs.checkpoint(
                    {
                        "run_key": run_key,
                        "rows_done": done,
                        "input_prefix": prefix.hexdigest(),
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
        outputs.commit(manifest)
        ok = True
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
        if isinstance(exc, OSError) and exc.errno in (
            errno.ENOSPC,
            errno.EDQUOT,
            errno.EFBIG,
        ):
            exc = write_error(out, exc)
        if isinstance(exc, CalcNlpError):
            outputs.discard()  # a refused run is not resumable: leave only the old outputs
        _failed_manifest(out, manifest, exc, counts)
        if exc is not sys.exc_info()[1]:
            raise exc from None
        raise
    finally:
        _stop_pool(pool, ok=ok)
        seen.close()
        skip_keys.close()
        inp.close()
        lock.release()


def _init_worker(patterns: str | None, parent: int) -> None:
    """A pool worker dies with its parent (even a SIGKILLed one), takes SIGTERM's
    default action, and builds its pipeline once."""
    from calc_nlp.engine import init_worker

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    init_worker(patterns)


def _start_pool(opts: RunOptions) -> ProcessPoolExecutor:
    """Start the workers first: they build their pipelines while the parent checks
    the input (the bundled rules only; user rules are checked first)."""
    from calc_nlp.engine import warm

    pool = ProcessPoolExecutor(
        max_workers=opts.workers,
        initializer=_init_worker,
        initargs=(opts.patterns, os.getpid()),
    )
    for _ in range(opts.workers):
        pool.submit(warm)
    return pool


def _stop_pool(pool: ProcessPoolExecutor | None, ok: bool) -> None:
    """Workers never outlive the run: after a success they are joined; after a
    failure, an interrupt or SIGTERM they are killed, then joined."""
    if pool is None:
        return
    if not ok:
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            try:
                proc.kill()
            except (OSError, ValueError, AttributeError):
                pass
        for proc in procs:
            try:
                proc.join(5)
            except (OSError, ValueError, AttributeError, AssertionError):
                pass
    pool.shutdown(wait=True, cancel_futures=True)


def _failed_manifest(
    out: Path, manifest: dict[str, Any], exc: BaseException, counts: Counter[str]
) -> None:
    """What a failed run did, in manifest.failed.json: manifest.json stays the
    last good run's, so `review` never pairs its findings with other texts."""
    from calc_nlp.errors import exit_code_for

    try:
        record = dict(
            manifest,
            counts_so_far={s: counts.get(s, 0) for s in STATUSES},
            finished=datetime.now(UTC).isoformat(timespec="seconds"),
            exit_code=exit_code_for(exc),
            error=exc.__class__.__name__,
        )
        _atomic_json(out / FAILED_MANIFEST, record, OUTPUT_MODE)
    except (OSError, CalcNlpError):
        pass


def _resume_state(out: Path, run_key: str, outputs: Outputs) -> dict[str, Any] | None:
    """The checkpoint to resume from, if it matches this run and every partial
    file still holds what it recorded (never publish a table not fully rebuilt)."""
    try:
        state = json.loads((out / PROGRESS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or state.get("run_key") != run_key:
        return None
    try:
        for name, t in outputs.tables.items():
            st = os.lstat(t.partial)
            if not (
                os.path.isfile(t.partial)
                and not os.path.islink(t.partial)
                and st.st_size >= int(state["offsets"][name])
            ):
                return None
        int(state["rows_done"]), dict(state["counts"])
    except (OSError, KeyError, TypeError, ValueError):
        return None
    return state


def _id_key(report_id: str) -> bytes:
    return hashlib.blake2b(
        report_id.encode("utf-8", "surrogatepass"), digest_size=12
    ).digest()


def _decide(
    chunk: list[Record], seen: KeySet, skip_keys: KeySet
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
                    None,
                )
            )
            continue
        if not seen.add(_id_key(r.report_id)):
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
                    None,
                )
            )
            continue
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
                    None,
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
                        None,
                    )
                )
                continue
        slots.append(None)
        work.append((r.row, r.report_id, r.text, r.note, digest))
    return slots, work


def _merge(slots: list[Any], results: list[Any]) -> list[Any]:
    it = iter(results)
    return [s if s is not None else next(it) for s in slots]


class ReportTimeout(Exception):
    """One report took longer than its deadline (user patterns only)."""


_ARMED = False


def _on_alarm(signum: int, frame: Any) -> None:
    if _ARMED:
        raise ReportTimeout()


def rows_with_deadline(
    items: list[Any], engine: Any, formats: tuple[Any, Any, Any], deadline: float
) -> tuple[list[Any], dict[str, Any]]:
    """The engine's rows for `items`, each report stopped after `deadline` seconds
    (0: none): a regex that backtracks for ever makes one error row, not a hang.
    Python's regex engine checks for signals while it backtracks."""
    global _ARMED
    from calc_nlp.engine import render, rows_for

    if not deadline:
        return rows_for(items, engine, formats)
    engine.timings.clear()
    out = []
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        for item in items:
            try:
                _ARMED = True
                signal.setitimer(signal.ITIMER_REAL, deadline)
                rows = engine.process(*item)
            except ReportTimeout:
                row, rid, text, _note, digest = item
                rows = (
                    report_row(
                        ReportResult(
                            rid,
                            STATUS_ERROR,
                            reason="processing_failed:ReportTimeout",
                            row=row,
                            text_sha256=digest or text_digest(text),
                        )
                    ),
                    [],
                    None,
                )
            finally:
                _ARMED = False
                signal.setitimer(signal.ITIMER_REAL, 0)
            out.append(render(rows, formats))
    finally:
        signal.signal(signal.SIGALRM, previous)
    return out, dict(engine.timings)


def process_chunk_with_deadline(
    items: list[Any], formats: tuple[Any, Any, Any], deadline: float
) -> tuple[list[Any], dict[str, Any]]:
    """Worker entry point (the engine built by the worker's initializer)."""
    from calc_nlp import engine

    assert engine._ENGINE is not None
    return rows_with_deadline(items, engine._ENGINE, formats, deadline)


def _pipeline(
    records: Iterator[Record],
    opts: RunOptions,
    seen: KeySet,
    skip_keys: KeySet,
    engine: Any,
    pool: ProcessPoolExecutor | None,
    formats: tuple[Any, Any, Any],
    deadline: float = 0.0,
) -> Iterator[tuple[int, list[Any], dict[str, float], bytes]]:
    """(rows consumed, finished rows, timings, digest of the rows) per chunk, in
    input order.

    With a pool, at most 2 x workers chunks are in flight: memory stays flat
    however long the input is.
    """
    from calc_nlp.engine import render

    def decide(chunk: list[Record]) -> tuple[list[Any], list[Any], bytes]:
        slots, work = _decide(chunk, seen, skip_keys)
        digests = b"".join(_record_digest(r) for r in chunk)
        return (
            [None if s is None else render(s, formats) for s in slots],
            work,
            digests,
        )

    if pool is None:
        for chunk in _chunks(records, opts.chunk_size):
            slots, work, digests = decide(chunk)
            results, tm = (
                rows_with_deadline(work, engine, formats, deadline)
                if work
                else ([], {})
            )
            yield len(chunk), _merge(slots, results), tm, digests
        return
    window: deque[tuple[int, list[Any], Future[Any] | None, bytes]] = deque()
    limit = 2 * opts.workers
    for chunk in _chunks(records, opts.chunk_size):
        slots, work, digests = decide(chunk)
        fut = (
            pool.submit(process_chunk_with_deadline, work, formats, deadline)
            if work
            else None
        )
        window.append((len(chunk), slots, fut, digests))
        while len(window) >= limit:
            yield _finish(window.popleft())
    while window:
        yield _finish(window.popleft())


def _finish(
    entry: tuple[int, list[Any], Future[Any] | None, bytes],
) -> tuple[int, list[Any], dict[str, float], bytes]:
    n, slots, fut, digests = entry
    if fut is None:
        return n, slots, {}, digests
    results, tm = fut.result()
    return n, _merge(slots, results), tm, digests
