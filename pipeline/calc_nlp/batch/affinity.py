"""Which worker of a pool analyses which report: a text met again goes to the
worker that analysed it, the rest to the worker with the least work queued.

Each worker keeps the results of the texts it analysed (result_cache.py),
so a text sent to another worker is analysed again there: with a shared task
queue, 2 workers analysed a third more reports than 1 worker on a real-mix
export whose texts repeat (1,139 against 806 of 20,000 rows). The parent
remembers, for the last `result_cache.SIZE` texts it sent, the worker it sent
each to, by the text's hash (a hint only: the worker checks the text by its
SHA-256, so two texts of one hash cost an analysis at most, never a wrong
row). Texts longer than `result_cache.LONGEST` are not kept by the workers
and go wherever there is least work.

The work queued on a worker is counted in about microseconds: a text to
analyse by its length plus a fixed share, one the worker is expected to
answer from its results, and one the prefilter stops (a report the parent
left the worker to answer, batch/workers.py), as small fixed shares.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from calc_nlp.result_cache import LONGEST, SIZE

# What a report costs a worker, in about microseconds (real-text mix, one
# core): an analysis 0.8 ms plus 1 us a character; a result given again
# 0.05 ms; a report the prefilter stops 0.04 ms (read again there, its lab
# values and row made).
ANALYSIS = 800
CACHED = 50
STOPPED = 40
# A text met again goes to the worker that analysed it unless that worker
# has this much more work queued than the least busy one (a very long
# report): the ordinary unevenness of two queues is some milliseconds.
PASS_OVER = 200_000


class Affinity:
    """The worker each recently sent text went to."""

    def __init__(self, workers: int, size: int = SIZE):
        self.workers = workers
        self.size = size
        self._sent: OrderedDict[int, int] = OrderedDict()

    def place(
        self,
        texts: Sequence[str],
        queued: list[int],
        stopped: Sequence[bool] = (),
    ) -> list[tuple[int, int]]:
        """(worker, weight) for each text, in order; `queued` (the work queued
        on each worker) is raised by each text's weight as it is placed.
        `stopped`: per text, does the prefilter stop it (no analysis, nothing
        kept: it goes where there is least work)."""
        out = []
        for i, text in enumerate(texts):
            least = min(range(self.workers), key=queued.__getitem__)
            if stopped and stopped[i]:
                worker, weight = least, STOPPED
            else:
                worker, weight = self._analysed_by(text, least, queued)
            queued[worker] += weight
            out.append((worker, weight))
        return out

    def _analysed_by(
        self, text: str, least: int, queued: list[int]
    ) -> tuple[int, int]:
        """The worker that analysed `text` and the weight of a result given
        again; else `least`, remembered for it, and the weight of an analysis.
        A worker with `PASS_OVER` more work queued than `least` (one busy with
        a very long report) is passed over: the text is analysed again where
        it is answered sooner."""
        key = hash(text)
        analysis = ANALYSIS + len(text)
        worker = self._sent.get(key)
        if worker is not None and queued[worker] - queued[least] < PASS_OVER:
            self._sent.move_to_end(key)
            return worker, CACHED
        if len(text) <= LONGEST:
            self._sent[key] = least
            self._sent.move_to_end(key)
            if len(self._sent) > self.size:
                self._sent.popitem(last=False)
        return least, analysis

    def split(
        self, texts: Sequence[str], queued: list[int], stopped: Sequence[bool] = ()
    ) -> list[tuple[int, list[int], int]]:
        """`place` as (worker, the indexes of its texts, their weight) for each
        worker given any."""
        parts: dict[int, tuple[list[int], list[int]]] = {}
        for i, (worker, weight) in enumerate(self.place(texts, queued, stopped)):
            where, weights = parts.setdefault(worker, ([], []))
            where.append(i)
            weights.append(weight)
        return [(w, where, sum(ws)) for w, (where, ws) in sorted(parts.items())]


class Split:
    """A chunk's work sent to several workers: `result()` gives the results
    in the order of the chunk's work, and the timings of every part summed,
    as the one task of a pool without affinity does."""

    def __init__(self, size: int, parts: list[tuple[list[int], Any]]):
        self._size = size
        self._parts = parts

    def result(self) -> tuple[list[Any], dict[str, float]]:
        out: list[Any] = [None] * self._size
        timings: dict[str, float] = {}
        for where, pending in self._parts:
            results, tm = pending.result()
            for i, r in zip(where, results, strict=True):
                out[i] = r
            for stage, seconds in tm.items():
                timings[stage] = timings.get(stage, 0) + seconds
        return out, timings
