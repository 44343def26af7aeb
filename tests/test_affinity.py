"""Which worker of a pool gets which report (batch/affinity.py)."""

from __future__ import annotations

from calc_nlp.batch.affinity import (
    ANALYSIS,
    CACHED,
    PASS_OVER,
    STOPPED,
    Affinity,
    Split,
)
from calc_nlp.result_cache import LONGEST


def test_a_text_met_again_goes_to_the_worker_it_went_to():
    aff = Affinity(2)
    queued = [0, 0]
    first = aff.place(["a" * 100, "b" * 10, "c" * 10], queued)
    assert [w for w, _ in first] == [0, 1, 1]
    assert queued == [ANALYSIS + 100, 2 * ANALYSIS + 20]
    again = aff.place(["b" * 10, "a" * 100, "d"], queued)
    # the repeats go where their text went, counted as a result given again;
    # a new text goes to the worker with least work queued
    assert again == [(1, CACHED), (0, CACHED), (0, ANALYSIS + 1)]
    assert queued == [2 * ANALYSIS + 101 + CACHED, 2 * ANALYSIS + 20 + CACHED]


def test_a_text_the_prefilter_stops_goes_where_least_work_is_and_is_not_kept():
    aff = Affinity(2)
    queued = [100, 0]
    places = aff.place(["clear", "clear", "calc"], queued, [True, True, False])
    assert places == [(1, STOPPED), (1, STOPPED), (1, ANALYSIS + 4)]
    assert set(aff._sent) == {hash("calc")}


def test_a_text_met_again_passes_over_a_worker_far_busier():
    """A worker busy with a very long report would keep a repeat waiting for
    longer than its analysis elsewhere takes: it goes to the other, which is
    remembered for it from then on."""
    aff = Affinity(2)
    aff.place(["x" * 100], [0, 0])  # to worker 0
    assert aff.place(["x" * 100], [PASS_OVER - 1, 0]) == [(0, CACHED)]
    assert aff.place(["x" * 100], [PASS_OVER, 0]) == [(1, ANALYSIS + 100)]
    assert aff.place(["x" * 100], [0, 0]) == [(1, CACHED)]


def test_new_texts_go_to_the_worker_with_least_work_queued():
    aff = Affinity(3)
    queued = [5000, 0, 200]
    places = aff.place(["x" * 1000, "y", "z"], queued)
    assert [w for w, _ in places] == [1, 2, 2]


def test_only_the_last_texts_and_no_very_long_one_are_remembered():
    aff = Affinity(2, size=2)
    queued = [0, 0]
    long = "L" * (LONGEST + 1)
    aff.place(["p", "q", "r", long], queued)
    assert set(aff._sent) == {hash("q"), hash("r")}
    # "p" and "r" went to the first worker; with the second one less busy,
    # only "r" goes back to the first ("p" was forgotten)
    assert [w for w, _ in aff.place(["p", "r"], [500, 0])] == [1, 0]


def test_split_gives_each_worker_its_texts_and_their_weight():
    aff = Affinity(2)
    parts = aff.split(["a" * 100, "b" * 10, "c" * 10, "a" * 100], [0, 0])
    assert parts == [
        (0, [0, 3], ANALYSIS + 100 + CACHED),
        (1, [1, 2], 2 * ANALYSIS + 20),
    ]


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_split_results_come_back_in_the_order_of_the_work():
    parts = [
        ([0, 2, 3], _Done((["a", "c", "d"], {"match": 1.0}))),
        ([1, 4], _Done((["b", "e"], {"match": 0.5, "context": 2.0}))),
    ]
    results, timings = Split(5, parts).result()
    assert results == ["a", "b", "c", "d", "e"]
    assert timings == {"match": 1.5, "context": 2.0}
