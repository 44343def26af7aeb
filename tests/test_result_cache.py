"""A report text met again in a run takes its first analysis's result
(result_cache.py): the rows must be those a fresh analysis of it under its
own report id gives."""

from __future__ import annotations

import csv
import json
import subprocess
from dataclasses import replace

import pytest

from calc_nlp.engine import Engine
from calc_nlp.result_cache import LONGEST, ResultCache
from calc_nlp.schema import make_finding_id, text_digest

from .conftest import ROOT, calc_nlp_cmd


@pytest.fixture(scope="module")
def engines(rules):
    """An engine that analyses every report afresh, and one that keeps results."""
    fresh = Engine(rules=rules)
    fresh.cache = ResultCache(0)
    return fresh, Engine(rules=rules)


def _corpus_texts() -> list[str]:
    """The texts of the dev and test corpora, with findings or without."""
    out = []
    for name in ("dev.jsonl", "test.jsonl"):
        with open(ROOT / "corpora" / "gold" / name, encoding="utf-8") as fh:
            out += [r["text"] for r in map(json.loads, fh)]
    return out


def test_a_text_met_again_gives_the_rows_of_its_own_analysis(engines):
    """Every corpus report, met first as report A and then as report B: B's
    rows (findings, report, texts) are those a fresh analysis of it as B
    gives, finding and lesion ids included. Each B the pipeline analysed as
    A (with findings or without) came from the cache, and no other."""
    fresh, cached = engines
    texts = _corpus_texts()
    hits = analysed = without = 0
    for i, text in enumerate(texts):
        before = cached.timings["nlp_reports"]
        _, found, _ = cached.process(2 * i, f"A{i}", text)
        passed = cached.timings["nlp_reports"] > before
        analysed += passed
        without += passed and not found
        before = cached.timings["cached_reports"]
        got = cached.process(2 * i + 1, f"B{i}", text, note="again")
        hits += cached.timings["cached_reports"] - before
        assert got == fresh.process(2 * i + 1, f"B{i}", text, note="again"), i
    assert analysed > 1000 and without > 50
    assert hits == analysed


def test_cached_rows_have_ids_of_their_own_report(engines):
    """The ids of a cached result are made from its own report id (as
    schema.make_finding_id makes them from the text), and each lesion id is
    the id of one of that report's findings."""
    _, cached = engines
    text = (
        "FINDINGS: Calcified granuloma in the right upper lobe. Coronary artery "
        "calcification. The calcified granuloma is unchanged."
    )
    cached.process(1, "FIRST", text)
    _, findings, _ = cached.process(2, "SECOND", text)
    assert len(findings) == 3
    ids = [make_finding_id("SECOND", text, f["start_char"], f["end_char"]) for f in findings]
    assert [f["finding_id"] for f in findings] == ids
    assert {f["report_id"] for f in findings} == {"SECOND"}
    assert {f["lesion_id"] for f in findings} <= set(ids)
    assert findings[0]["lesion_id"] == findings[2]["lesion_id"]  # one granuloma


def test_what_the_caller_changes_stays_out_of_the_cache(analyzer):
    text = "Calcified granuloma in the right upper lobe."
    digest = text_digest(text)
    cache = ResultCache()
    cache.put(digest, analyzer.analyze(text, "A", digest), len(text))
    first = cache.get(digest, "B")
    assert first is not None
    first.note, first.row = "changed", 9
    first.findings[0].site = "changed"
    again = cache.get(digest, "C")
    assert again is not None
    assert (again.note, again.row, again.findings[0].site) == ("", 0, "lung")


def test_the_cache_keeps_the_last_results(analyzer):
    cache = ResultCache(2)
    texts = ["Calcified granuloma.", "Coronary calcification.", "Aortic calcification."]
    for t in texts:
        cache.put(text_digest(t), analyzer.analyze(t, "X", text_digest(t)), len(t))
    assert cache.get(text_digest(texts[0]), "Y") is None  # the least recent, dropped
    assert cache.get(text_digest(texts[2]), "Y") is not None
    clear = "Calcium 9.8 mg/dL."  # no finding, kept all the same
    cache.put(text_digest(clear), analyzer.analyze(clear, "X", text_digest(clear)), len(clear))
    assert cache.get(text_digest(clear), "Y") is not None
    assert len(cache) == 2


def test_only_texts_the_pipeline_analysed_are_kept(rules):
    """A text the prefilter passes costs the whole pipeline, findings or not:
    its result is kept; one it stops is not (it would push the others out)."""
    engine = Engine(rules=rules)
    passed = "Calcium 9.8 mg/dL."  # the prefilter passes it; no finding
    for i, text in enumerate([passed, passed, "The lungs are clear."] * 2):
        engine.process(i, f"R{i}", text)
    assert engine.timings["nlp_reports"] == 1
    assert engine.timings["cached_reports"] == 3
    assert len(engine.cache) == 1


def test_a_result_whose_ids_are_not_of_its_digest_is_not_kept(analyzer):
    """Ids made from another digest (or another report id) would be made
    wrongly again: such a result is not kept."""
    text = "Calcified granuloma."
    digest = text_digest(text)
    result = analyzer.analyze(text, "A", digest)
    cache = ResultCache()
    cache.put(text_digest("another text"), result, len(text))
    assert len(cache) == 0
    cache.put(digest, replace(result, report_id="B"), len(text))
    assert len(cache) == 0
    cache.put(digest, result, len(text))
    assert len(cache) == 1


def test_the_result_of_a_very_long_text_is_not_kept(analyzer):
    """A long report's result holds thousands of findings: a thousand such
    results kept would fill the memory."""
    text = "Calcified granuloma. " + "The lungs are clear. " * 3200
    assert len(text) > LONGEST
    digest = text_digest(text)
    cache = ResultCache()
    cache.put(digest, analyzer.analyze(text, "A", digest), len(text))
    assert len(cache) == 0
    short = "Calcified granuloma."
    cache.put(text_digest(short), analyzer.analyze(short, "A", text_digest(short)), len(short))
    assert len(cache) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_with_repeated_texts_writes_each_row_as_its_own(tmp_path, workers):
    """An export holding texts more than once: every finding row is the row
    of its own report (its id, and finding ids made from it), and the
    repeats' rows are the first one's but for the ids."""
    texts = [
        "Calcified granuloma in the left lower lobe. Aortic knob calcification.",
        "The lungs are clear.",
        "Coarse calcifications in the right breast, likely dystrophic.",
    ]
    rows = [(f"R{i}", texts[i % 3]) for i in range(9)]
    src = tmp_path / "in.csv"
    with open(src, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([("report_id", "text"), *rows])
    out = tmp_path / "out"
    subprocess.run(
        calc_nlp_cmd("run", src, "-o", out, "--workers", workers, "-q"),
        check=True,
        capture_output=True,
    )
    with open(out / "findings.csv", encoding="utf-8", newline="") as fh:
        found = list(csv.DictReader(fh))
    by_report: dict[str, list[dict[str, str]]] = {}
    for f in found:
        by_report.setdefault(f["report_id"], []).append(f)
    assert sorted(by_report) == ["R0", "R2", "R3", "R5", "R6", "R8"]
    text_of = dict(rows)
    for rid, fs in by_report.items():
        for f in fs:
            start, end = int(f["start_char"]), int(f["end_char"])
            assert f["finding_id"] == make_finding_id(rid, text_of[rid], start, end)
        assert {f["lesion_id"] for f in fs} <= {f["finding_id"] for f in fs}
    ids = {"report_id", "finding_id", "lesion_id"}

    def plain(fs):
        return [{k: v for k, v in f.items() if k not in ids} for f in fs]

    assert plain(by_report["R0"]) == plain(by_report["R3"]) == plain(by_report["R6"])
    assert plain(by_report["R2"]) == plain(by_report["R5"]) == plain(by_report["R8"])
    assert len(by_report["R0"]) == 2


def test_each_run_starts_with_no_result_kept(tmp_path):
    """A process that runs twice (a notebook, a scheduler, the tests) gives
    the second run the same work and timings as the first: results kept by
    one run are not the next one's."""
    from calc_nlp.runner import RunOptions, run

    src = tmp_path / "in.csv"
    with open(src, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(
            [("report_id", "text"), ("A", "Calcified granuloma."), ("B", "Calcified granuloma.")]
        )
    first = run(RunOptions(str(src), str(tmp_path / "one"), workers=1))
    second = run(RunOptions(str(src), str(tmp_path / "two"), workers=1))
    for summary in (first, second):
        assert summary.timings.get("cached_reports") == 1  # B, from A
        assert summary.timings.get("nlp_reports") == 1


@pytest.mark.parametrize("workers", [2, 3])
def test_a_pool_analyses_a_text_met_again_once(tmp_path, workers):
    """Each text goes to the worker that analysed it before (batch/affinity.py):
    with a shared task queue, a repeat often went to a worker that had not
    seen it and was analysed again there (2 workers analysed a third more
    reports than 1 on the real-text bench mix)."""
    import random

    texts = [
        f"Calcified granuloma in the {side} {lobe} lobe, {mm} mm."
        for side in ("right", "left")
        for lobe in ("upper", "lower")
        for mm in range(3, 9)
    ]
    # at most 4 chunks of 8 per worker in flight: a worker's queue never
    # holds affinity.PASS_OVER more work than another's, so no repeat is
    # passed over to a worker that has not analysed its text
    rows = [(f"R{i}", t) for i, t in enumerate(texts * 8)]
    random.Random(7).shuffle(rows)
    src = tmp_path / "in.csv"
    with open(src, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([("report_id", "text"), *rows])
    out = tmp_path / "out"
    subprocess.run(
        calc_nlp_cmd(
            "run", src, "-o", out, "--workers", workers, "--chunk-size", 8, "-q"
        ),
        check=True,
        capture_output=True,
    )
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["reports_by_path"]["nlp"] == len(texts)
    assert manifest["reports_by_path"]["cached"] == len(rows) - len(texts)
