"""The engine's side of a run: in-process or a pool of workers, results in input order."""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from calc_nlp.batch.checkpoint import record_digest
from calc_nlp.batch.decide import decide, merge
from calc_nlp.batch.inputs import chunks
from calc_nlp.batch.keys import KeySet
from calc_nlp.batch.options import RunOptions
from calc_nlp.readers import Record
from calc_nlp.schema import STATUS_ERROR, ReportResult, report_row, text_digest

if TYPE_CHECKING:  # imported by start_pool: an in-process run needs no pool
    from concurrent.futures import Future, ProcessPoolExecutor

    from calc_nlp.batch.affinity import Split
    from calc_nlp.batch.forkpool import ForkPool, Pending

    Pool = ProcessPoolExecutor | ForkPool


def _init_worker(patterns: str | None, parent: int, version: str) -> None:
    """A pool worker dies with its parent (even a SIGKILLed one), takes SIGTERM's
    default action, and has its pipeline: the parent's, inherited by fork, or
    built once here. Ctrl-C is the parent's to handle: ignored here first,
    before the imports, so that a Ctrl-C while the worker starts cannot print a
    KeyboardInterrupt traceback from it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from calc_nlp.batch.forkpool import dies_with_parent
    from calc_nlp.engine import init_worker

    dies_with_parent(parent)
    init_worker(patterns, version)


def start_pool(opts: RunOptions, rules: Any) -> Pool:
    """Start the workers with the pipeline of `rules` (already checked).

    On Linux, a ForkPool (batch/forkpool.py): when this process has a screen
    of these rules (from the build cache), its first worker builds the
    pipeline and forks the others, which share it, while this process reads;
    without one (the cache off or unwritable), this process builds the
    pipeline first and makes its screen from it, and the workers inherit it.
    A worker killed while sending a result breaks the pool instead of hanging
    the run (ProcessPoolExecutor waits for ever for the rest of the result).
    Elsewhere a ProcessPoolExecutor whose workers each build their own."""
    from concurrent.futures import ProcessPoolExecutor

    from calc_nlp.engine import local_engine, warm

    if sys.platform.startswith("linux"):
        from calc_nlp.batch.forkpool import ForkPool

        engine = local_engine(opts.patterns, rules)
        engine.cache.clear()  # the workers start the run with none (result_cache.py)
        if engine.screen is None:
            _ = engine.analyzer  # built now, before the fork: the workers share it
            engine.screen_from_pipeline()  # the parent answers what needs no NLP
        return ForkPool(opts.workers, opts.patterns, rules)
    pool = ProcessPoolExecutor(
        max_workers=opts.workers,
        initializer=_init_worker,
        initargs=(opts.patterns, os.getpid(), rules.version),
    )
    for _ in range(opts.workers):
        pool.submit(warm)
    return pool


def stop_pool(pool: Pool | None, ok: bool) -> None:
    """Workers never outlive the run: after a success they are joined; after a
    failure, an interrupt or SIGTERM they are killed, then joined, and so is
    the pool's manager thread (a ForkPool stops its own).
    `shutdown(wait=False)` forgets that thread, and one still closing its
    wake-up pipe at interpreter exit races with concurrent.futures' exit hook
    writing to it: 'Exception ignored ... Bad file descriptor' on stderr
    after the run's own message."""
    if pool is None:
        return
    from concurrent.futures import ProcessPoolExecutor

    if not isinstance(pool, ProcessPoolExecutor):  # a ForkPool
        pool.stop(ok)
        return
    manager = getattr(pool, "_executor_manager_thread", None)
    if not ok:
        procs = list((getattr(pool, "_processes", None) or {}).values())
        results = getattr(pool, "_result_queue", None)  # shutdown forgets it
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
        _end_result_pipe(results)
    pool.shutdown(wait=True, cancel_futures=True)
    if manager is not None:
        manager.join(MANAGER_JOIN_SECONDS)  # ends once it sees its workers gone


def _end_result_pipe(queue: Any) -> None:
    """Close the parent's copy of the pool's result-pipe writer once its
    workers are dead. A worker killed while sending a large result (the
    header and the payload are two writes) leaves the manager thread reading
    a payload that never comes; the pipe never ends while the parent holds a
    writer, so that thread, the exit hook that joins it, and the run hung
    for ever after 'stopped by SIGTERM'. With no writer left, the read ends
    (EOFError) and the manager thread takes its broken-pool path and ends.
    The parent never writes to that pipe (its wake-ups have their own)."""
    writer = getattr(queue, "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


# How long a stopped run waits for the pool's manager thread (it ends within
# milliseconds of its workers being killed).
MANAGER_JOIN_SECONDS = 10.0


class ReportTimeout(BaseException):
    """One report took longer than its deadline (user patterns only).

    Not an Exception: the engine's guards against a report's own faults
    (`except Exception`: the screen's, which then hands the report to the
    pipeline, and any stage's) must not catch it, or the report goes on
    with no deadline left; `rows_with_deadline` alone turns it into the
    report's error row."""


_ARMED = False


def _on_alarm(signum: int, frame: Any) -> None:
    if _ARMED:
        raise ReportTimeout()


def rows_with_deadline(
    items: list[Any],
    engine: Any,
    formats: tuple[Any, Any, Any],
    deadline: float,
    finish: Any = None,
) -> tuple[list[Any], dict[str, Any]]:
    """The engine's rows for `items`, each report stopped after `deadline` seconds
    (0: none): a regex that backtracks for ever makes one error row, not a hang.
    `finish` turns each report's rows into what the caller keeps (default:
    the rendered lines of `engine.render`).
    Python's regex engine checks for signals while it backtracks."""
    global _ARMED
    from calc_nlp.engine import render, rows_for

    finish = finish or render
    if not deadline:
        return rows_for(items, engine, formats, finish)
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
            out.append(finish(rows, formats))
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


def pipeline(
    records: Iterator[Record],
    opts: RunOptions,
    seen: KeySet,
    skip_keys: KeySet,
    engine: Any,
    pool: Pool | None,
    formats: tuple[Any, Any, Any],
    deadline: float = 0.0,
) -> Iterator[tuple[int, list[Any], dict[str, float], bytes]]:
    """(rows consumed, finished rows, timings, digest of the rows) per chunk, in
    input order.

    With a pool, at most IN_FLIGHT x workers chunks are in flight: memory
    stays flat however long the input is.
    """
    from calc_nlp.engine import render

    def decide_chunk(chunk: list[Record]) -> tuple[list[Any], list[Any], bytes]:
        slots, work = decide(chunk, seen, skip_keys)
        digests = b"".join(record_digest(r) for r in chunk)
        return (
            [None if s is None else render(s, formats) for s in slots],
            work,
            digests,
        )

    if pool is None:
        for chunk in chunks(records, opts.chunk_size):
            slots, work, digests = decide_chunk(chunk)
            results, tm = (
                rows_with_deadline(work, engine, formats, deadline)
                if work
                else ([], {})
            )
            yield len(chunk), merge(slots, results), tm, digests
        return
    window: deque[InFlight] = deque()
    limit = IN_FLIGHT * opts.workers
    screening = engine if engine is not None and not deadline else None
    send = sender(pool, formats, deadline)
    ahead = 0  # bytes of text sent before the workers were ready
    for chunk in starting_chunks(records, opts.chunk_size, opts.workers):
        slots, work, digests = decide_chunk(chunk)
        screened: dict[str, float] = {}
        stopped: list[bool] = []
        if screening is not None and work:
            if short_of_work(pool):
                stopped = [not screening.may_need_pipeline(item[2]) for item in work]
            else:
                slots, work, screened = answer_screened(slots, work, screening, formats)
        fut = send(work, stopped) if work else None
        window.append((len(chunk), slots, fut, digests, screened))
        if len(window) < limit:
            continue
        if not getattr(pool, "ready", True):  # a ForkPool's workers still building
            ahead += sum(len(item[2]) for item in work)
            if len(window) < START_AHEAD and ahead < START_BYTES:
                continue
        while len(window) >= limit:
            yield _finish(window.popleft())
    while window:
        yield _finish(window.popleft())


# Chunks in flight per worker. The parent waits for the oldest chunk (rows
# are written in input order) while the others are being processed or queued;
# with two per worker a worker that finished the rest of the window while the
# oldest was still running found nothing to do until the parent had written
# the oldest and read, screened and sent the next (0.08-0.29 s of worker time
# per 20,000 real-mix rows with 2 workers); with four it never did. A chunk
# is 256 records (--chunk-size): the window stays a few MB.
IN_FLIGHT = 4

# While a ForkPool's first worker builds the pipeline (0.4 s), the parent
# reads on, up to this many chunks (16,384 rows of 256: what it reads, screens
# and sends in about 0.6 s) and this many bytes of text sent, instead of
# IN_FLIGHT per worker: the workers then start with work queued, and the
# parent has less left to read while they run.
START_AHEAD = 64
START_BYTES = 32 << 20

# A worker with less work queued than this (in about microseconds,
# batch/affinity.py) is short of work: the parent leaves it the reports the
# prefilter stops to answer, instead of answering them itself.
SHORT_OF_WORK = 20_000


def short_of_work(pool: Any) -> bool:
    """Are a ForkPool's workers ready, and one of them short of work? The
    parent, which reads, screens and writes every row, is then what holds
    the run back (a corpus of reports most of which the prefilter stops, or
    whose texts repeat): it screens only by the prefilter, and the workers
    answer the rest, with the very rows the parent would have given them."""
    if not getattr(pool, "ready", False) or not hasattr(pool, "queued"):
        return False
    return min(pool.queued()) < SHORT_OF_WORK


# The first chunk of each worker is this fraction of --chunk-size.
FIRST_CHUNK_FRACTION = 8


def starting_chunks(
    records: Iterator[Record], size: int, workers: int
) -> Iterator[list[Record]]:
    """`chunks` of `size` records for a pool, the first one per worker an
    eighth as long: each worker idles from the fork until the parent has
    read, screened and sent it a chunk, and the parent reads the chunks one
    after the other (2 workers, 256-record chunks: 59-123 ms of idle worker
    time at the start of a run before, 35-44 ms with these). The rows and
    their order are the same; only a checkpoint may fall at another row."""
    first = max(1, size // FIRST_CHUNK_FRACTION)
    if first < size:
        for _ in range(workers):
            chunk = list(islice(records, first))
            if not chunk:
                return
            yield chunk
    yield from chunks(records, size)


# A chunk sent to the pool: (rows consumed, slots, the pool's future, the
# digest of its rows, the timings of the parent's share of it).
InFlight = tuple[
    int, list[Any], "Future[Any] | Pending | Split | None", bytes, dict[str, float]
]


def sender(pool: Pool, formats: tuple[Any, Any, Any], deadline: float) -> Any:
    """A function sending a chunk's work (and, per report, does the prefilter
    stop it, when the parent asked) to `pool`: to a ForkPool, each report to
    the worker that analysed its text before in this run, or else to the one
    with least work queued (batch/affinity.py); to another pool, the chunk
    as one task."""
    from calc_nlp.batch.affinity import Affinity, Split
    from calc_nlp.batch.forkpool import ForkPool

    if not isinstance(pool, ForkPool):
        return lambda work, _stopped=(): pool.submit(
            process_chunk_with_deadline, work, formats, deadline
        )
    affinity = Affinity(pool.workers)

    def send(work: list[Any], stopped: list[bool]) -> Split:
        parts = [
            (
                where,
                pool.submit_to(
                    worker,
                    weight,
                    process_chunk_with_deadline,
                    [work[i] for i in where],
                    formats,
                    deadline,
                ),
            )
            for worker, where, weight in affinity.split(
                [item[2] for item in work], pool.queued(), stopped
            )
        ]
        return Split(len(work), parts)

    return send


def answer_screened(
    slots: list[Any], work: list[Any], engine: Any, formats: tuple[Any, Any, Any]
) -> tuple[list[Any], list[Any], dict[str, float]]:
    """The parent's share of a chunk: the reports the engine's screen answers
    (five in six: proven finding-free) rendered here, the same rows a worker
    would give them, so that only the reports that need the pipeline are sent
    to a worker (their texts pickled, sent and read back). Returns the slots
    with those filled, the work left for the pool, and the parent's timings."""
    from calc_nlp.engine import render

    engine.timings.clear()
    items = iter(work)
    left: list[Any] = []
    filled: list[Any] = []
    for slot in slots:
        if slot is not None:
            filled.append(slot)
            continue
        item = next(items)
        rows = engine.screened_rows(*item)
        if rows is None:
            left.append(item)
            filled.append(None)
        else:
            filled.append(render(rows, formats))
    return filled, left, dict(engine.timings)


def _finish(entry: InFlight) -> tuple[int, list[Any], dict[str, float], bytes]:
    n, slots, fut, digests, screened = entry
    if fut is None:
        return n, slots, screened, digests
    results, tm = fut.result()
    for stage, seconds in screened.items():
        tm[stage] = tm.get(stage, 0) + seconds
    return n, merge(slots, results), tm, digests
