"""A pool whose workers are forked from one that builds the pipeline while
the parent already reads.

With ProcessPoolExecutor the parent builds the spaCy pipeline before it
forks its workers (so that they share it): for that build (0.4 s, most of it
importing spaCy) one core of two idles and no row is read. Here the parent
forks one worker first; that worker builds the pipeline and forks the others
from itself (they share its copy), while the parent opens the input and
reads, screens and queues rows (pipeline() in workers.py lets it read ahead
until the workers are ready). A parent with a screen from the build cache
never builds the pipeline: it answers what that screen can, as before. One
without (the cache off or unwritable) builds the pipeline first and makes its
screen from it; the first worker inherits it built and only forks.

Each worker takes its tasks from a queue of its own (its feeder thread
never blocks the parent): a task goes to the worker named (`submit_to`: the
one that analysed its texts before, batch/affinity.py) or to the one with
the least work queued; each worker sends its results through a pipe of its
own, read by a thread of the parent. When a worker's pipe reads as ended the worker is gone (even
one killed halfway through sending a result: no other process holds that
pipe), and the pool is broken (as ProcessPoolExecutor's BrokenProcessPool). Each worker dies with its parent
(PR_SET_PDEATHSIG): the first with the run's process, the others with the
first.
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import threading
import weakref
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait
from typing import Any

# The signals that stop a run (cli.py): blocked while the first worker is forked.
_STOPS = {signal.SIGINT, signal.SIGTERM}

# How long a stopped pool waits for its first worker and its collector thread.
JOIN_SECONDS = 10.0


class ForkPool:
    """`submit(fn, *args)` -> a handle whose `result()` is fn(*args) computed
    in a worker; `ready` once the workers have their pipeline. `queued()`
    is the work queued on each worker, as weighed by `submit_to`."""

    def __init__(self, workers: int, patterns: str | None, rules: Any):
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self.ready = False
        self._queues = [ctx.Queue() for _ in range(workers)]
        pipes = [ctx.Pipe(duplex=False) for _ in range(workers)]
        self._first = ctx.Process(
            target=_first_worker,
            args=(
                self._queues,
                pipes,
                patterns,
                rules,
                os.getpid(),
            ),
            name="calc-nlp-worker",
        )
        self._workers = workers
        self._next = 0
        self._done: dict[int, tuple[bool, Any]] = {}
        self._owed: dict[int, tuple[int, int]] = {}  # tid: (worker, weight)
        self._queued = [0] * workers
        self._broken: BaseException | None = None
        self._closing = False
        self._cond = threading.Condition()
        self._collector = threading.Thread(
            target=self._collect, name="calc-nlp-results", daemon=True
        )
        # A Ctrl-C or SIGTERM that lands during the fork would be raised in
        # an at-fork hook (logging's), where it is printed and lost: held
        # until the first worker is known, then raised here, which kills it.
        # Blocking holds it in this thread only: another thread of the
        # process may take it, and Python then raises it here at any point,
        # in start() too. Whatever is raised before the pool is watched
        # (`_watch`: stopped at exit) kills the worker.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        try:
            try:
                self._first.start()
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            for _, w in pipes:
                w.close()
            self._ends = [r for r, _ in pipes]
            self._collector.start()
            _watch(self)
        except BaseException:
            if self._first.pid is not None:
                self._first.kill()
                self._first.join(JOIN_SECONDS)
            raise

    @property
    def workers(self) -> int:
        return self._workers

    def queued(self) -> list[int]:
        """The weight of the tasks sent to each worker and not yet answered."""
        with self._cond:
            return list(self._queued)

    def submit(self, fn: Any, *args: Any) -> Pending:
        """fn(*args) on the worker with the least work queued."""
        queued = self.queued()
        return self.submit_to(
            min(range(self._workers), key=queued.__getitem__), 1, fn, *args
        )

    def submit_to(self, worker: int, weight: int, fn: Any, *args: Any) -> Pending:
        """fn(*args) on `worker`, counted as `weight` of work until answered."""
        with self._cond:
            if self._broken is not None:
                raise self._broken
            tid = self._next
            self._next += 1
            self._owed[tid] = (worker, weight)
            self._queued[worker] += weight
        self._queues[worker].put((tid, fn, args))
        return Pending(self, tid)

    def _result(self, tid: int) -> Any:
        with self._cond:
            while tid not in self._done and self._broken is None:
                self._cond.wait()
            if tid not in self._done:
                assert self._broken is not None
                raise self._broken
            ok, value = self._done.pop(tid)
        if not ok:
            raise value
        return value

    def _collect(self) -> None:
        """The parent's reader of the workers' results, until every worker
        has ended (its pipe reads as ended once all it sent is read)."""
        waits: list[Any] = list(self._ends)
        while waits:
            ready: list[Any] = wait(waits)
            for end in ready:
                try:
                    msg = pickle.loads(end.recv_bytes())
                except (EOFError, OSError):  # this worker is gone
                    waits.remove(end)
                    if not self._closing:
                        self._fail(BrokenProcessPool("a worker process ended abruptly"))
                        return
                    continue
                except Exception as exc:  # noqa: BLE001 - an unreadable result
                    self._fail(exc)
                    return
                self._take(msg)

    def _take(self, msg: tuple[Any, ...]) -> None:
        with self._cond:
            if msg[0] == "ready":
                self.ready = True
            elif msg[0] == "failed":
                self._broken = msg[1]
            else:
                _, tid, ok, value = msg
                self._done[tid] = (ok, value)
                worker, weight = self._owed.pop(tid, (0, 0))
                self._queued[worker] -= weight
            self._cond.notify_all()

    def _fail(self, exc: BaseException) -> None:
        with self._cond:
            if self._broken is None:
                self._broken = exc
            self._cond.notify_all()

    def stop(self, ok: bool) -> None:
        """After a success: each worker told to end, then joined. After a
        failure: the first worker killed (the others die with it), joined."""
        self._closing = True
        _LIVE.discard(self)
        if ok and self._broken is None and self._first.is_alive():
            for tasks in self._queues:
                tasks.put(None)
                tasks.close()
            self._first.join(JOIN_SECONDS)
        if self._first.is_alive():
            self._first.kill()
            self._first.join(JOIN_SECONDS)
        if self._first.exitcode == 0:
            # It ended after its own and its workers' last task: every task
            # was read, so the feeder threads have written them all.
            for tasks in self._queues:
                tasks.join_thread()
        else:
            # No worker reads the task pipes any more: a feeder thread may be
            # blocked writing to one for ever, and the exit would wait for it.
            for tasks in self._queues:
                tasks.cancel_join_thread()
        self._collector.join(JOIN_SECONDS)
        for end in self._ends:
            end.close()


# Pools started and not stopped. A run stops its pool on every path it
# handles; one that ends another way (an interrupt between two of its steps)
# would leave the first worker waiting for tasks, and multiprocessing's exit
# hook waits for its children: the interpreter never exits. Such pools are
# stopped (killed) at exit, before that hook, which was registered earlier.
_LIVE: weakref.WeakSet[ForkPool] = weakref.WeakSet()
_HOOKED: list[bool] = []


def _watch(pool: ForkPool) -> None:
    if not _HOOKED:
        atexit.register(_stop_left_over)
        _HOOKED.append(True)
    _LIVE.add(pool)


def _stop_left_over() -> None:
    for pool in list(_LIVE):
        pool.stop(ok=False)


class Pending:
    """A task sent to a ForkPool."""

    def __init__(self, pool: ForkPool, tid: int):
        self._pool, self._tid = pool, tid

    def result(self) -> Any:
        return self._pool._result(self._tid)


def dies_with_parent(parent: int) -> None:
    """Ctrl-C is the run's to handle; SIGTERM takes its default action; killed
    when the process that forked this one dies (even by SIGKILL)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _first_worker(
    queues: list[Any],
    pipes: list[tuple[Any, Any]],
    patterns: str | None,
    rules: Any,
    parent: int,
) -> None:
    """Build the pipeline, fork the other workers from here, then serve."""
    import multiprocessing

    dies_with_parent(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # blocked by the fork
    for r, _ in pipes:
        r.close()
    mine = pipes[0][1]
    try:
        from calc_nlp.engine import local_engine

        _ = local_engine(patterns, rules).analyzer
    except BaseException as exc:  # noqa: BLE001 - the parent raises it
        mine.send_bytes(_dumps(("failed", _sendable(exc))))
        os._exit(1)
    ctx = multiprocessing.get_context("fork")
    others = []
    for i in range(1, len(pipes)):
        p = ctx.Process(
            target=_other_worker,
            args=(queues[i], pipes, i, os.getpid()),
            name="calc-nlp-worker",
        )
        p.start()
        others.append(p)
    for _, w in pipes[1:]:
        w.close()
    mine.send_bytes(_dumps(("ready",)))
    _serve(queues[0], mine)
    for p in others:
        p.join()


def _other_worker(
    tasks: Any, pipes: list[tuple[Any, Any]], me: int, parent: int
) -> None:
    dies_with_parent(parent)
    for i, (_, w) in enumerate(pipes):
        if i != me:
            w.close()
    _serve(tasks, pipes[me][1])


def _serve(tasks: Any, results: Any) -> None:
    while True:
        task = tasks.get()
        if task is None:
            return
        tid, fn, args = task
        try:
            data = _dumps(("done", tid, True, fn(*args)))
        except Exception as exc:  # noqa: BLE001 - raised in the parent
            data = _dumps(("done", tid, False, _sendable(exc)))
        results.send_bytes(data)


def _dumps(msg: tuple[Any, ...]) -> bytes:
    return pickle.dumps(msg, protocol=pickle.HIGHEST_PROTOCOL)


def _sendable(exc: BaseException) -> BaseException:
    """`exc` if it pickles and unpickles, else a RuntimeError naming its class."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{exc.__class__.__name__} in a worker")
