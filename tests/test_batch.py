"""Batch engine: formats in and out, workers, order, the prefilter's guarantee
(and that of the finding rules' required words)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc_nlp.runner import RunOptions, run

from .conftest import DEMO, calc_nlp_cmd


def _demo_rows():
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        return [(r["report_id"], r["text"]) for r in csv.DictReader(fh)]


def _run(tmp: Path, src: Path, **kw) -> Path:
    out = tmp / f"out-{len(list(tmp.iterdir()))}"
    run(RunOptions(str(src), str(out), **{"workers": 1, **kw}))
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ref")
    return _run(tmp, DEMO / "reports.csv")


@pytest.mark.parametrize("workers", [2, 3])
def test_outputs_identical_whatever_workers(tmp_path, reference, workers):
    out = _run(tmp_path, DEMO / "reports.csv", workers=workers, chunk_size=4)
    for name in ("findings.csv", "reports.csv", "errors.csv"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()


@pytest.mark.parametrize("workers", [2, 3])
def test_outputs_identical_with_workers_forked_from_the_first(
    tmp_path, reference, workers, monkeypatch
):
    """A parent that has not built the pipeline (only its screen) starts a
    ForkPool: its first worker builds and forks the others while the parent
    reads ahead (batch/forkpool.py). Same outputs, rows in input order."""
    from calc_nlp import engine
    from calc_nlp.batch import forkpool

    started = []

    class Spy(forkpool.ForkPool):
        def __init__(self, *args):
            started.append(args[0])
            super().__init__(*args)

    monkeypatch.setattr(engine, "_ENGINE", None)  # as in a fresh process
    monkeypatch.setattr(forkpool, "ForkPool", Spy)
    out = _run(tmp_path, DEMO / "reports.csv", workers=workers, chunk_size=4)
    assert started == [workers]
    for name in ("findings.csv", "reports.csv", "errors.csv"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="fork pools are Linux's"
)
@pytest.mark.parametrize("short", [True, False])
def test_outputs_identical_when_the_parent_leaves_screening_to_the_workers(
    tmp_path, reference, monkeypatch, short
):
    """Once a ForkPool's workers are ready and short of work, the parent asks
    only the prefilter of each report and leaves the rest to the workers
    (workers.short_of_work): they give the very rows the parent's screen
    would. Both ways, forced here for every chunk after the first ones (the
    pool made ready before most chunks are read), give the 1-worker rows."""
    from calc_nlp import engine
    from calc_nlp.batch import workers

    asked = []
    real = engine.Engine.may_need_pipeline

    def spy(self, text):
        asked.append(text)
        return real(self, text)

    monkeypatch.setattr(engine.Engine, "may_need_pipeline", spy)
    monkeypatch.setattr(workers, "START_AHEAD", 1)
    monkeypatch.setattr(workers, "SHORT_OF_WORK", 10**12 if short else 0)
    out = _run(tmp_path, DEMO / "reports.csv", workers=2, chunk_size=2)
    assert bool(asked) is short
    for name in ("findings.csv", "reports.csv", "errors.csv"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="fork pools are Linux's"
)
def test_a_run_without_the_build_cache_uses_the_fork_pool_too(
    tmp_path, reference, monkeypatch
):
    """With the build cache off (or unwritable) the parent builds the pipeline
    and its screen first, and the workers are still a ForkPool's, which inherit
    it built: before, they were a ProcessPoolExecutor's, whose run hangs for
    ever when a worker is killed halfway through sending a result (the
    ForkPool's pool breaks instead: test_fork_pool_results_errors_and_a_dead_worker)."""
    from calc_nlp import engine
    from calc_nlp.batch import forkpool

    started = []

    class Spy(forkpool.ForkPool):
        def __init__(self, *args):
            parents = engine.built_engine(args[2])
            started.append(parents is not None and parents.built)
            super().__init__(*args)

    monkeypatch.setenv("CALC_NLP_CACHE_DIR", "off")
    monkeypatch.setattr(engine, "_ENGINE", None)  # as in a fresh process
    monkeypatch.setattr(forkpool, "ForkPool", Spy)
    out = _run(tmp_path, DEMO / "reports.csv", workers=2, chunk_size=4)
    assert started == [True]  # one pool, its parent's pipeline built
    for name in ("findings.csv", "reports.csv", "errors.csv"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()


def _pid(_: int) -> int:
    import os
    import time

    time.sleep(0.02)
    return os.getpid()


def _fails(_: int) -> int:
    raise ValueError("bad task")


def _dies(_: int) -> int:
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)
    return 0


def test_fork_pool_results_errors_and_a_dead_worker(rules):
    """Results come back to their own task, from every worker; a task's
    exception is raised by its result; a worker killed mid-task breaks the
    pool (BrokenProcessPool, no hang), and stopping it leaves no worker."""
    import os
    from concurrent.futures.process import BrokenProcessPool

    from calc_nlp.batch.forkpool import ForkPool

    pool = ForkPool(2, None, rules)
    try:
        tasks = [pool.submit(_pid, i) for i in range(12)]
        bad = pool.submit(_fails, 0)
        pids = [t.result() for t in tasks]
        assert pool.ready and len(set(pids)) == 2 and os.getpid() not in pids
        with pytest.raises(ValueError, match="bad task"):
            bad.result()
        assert pool.submit(_pid, 0).result() in pids  # still serving
        with pytest.raises(BrokenProcessPool):
            pool.submit(_dies, 0).result()
    finally:
        pool.stop(ok=False)
    for pid in set(pids):
        with pytest.raises(ProcessLookupError):
            for _ in range(100):  # dead, and reaped by its parent
                os.kill(pid, 0)
                __import__("time").sleep(0.05)


@pytest.mark.parametrize("where", ["signal", "raised in start"])
def test_fork_pool_interrupted_while_forking_leaves_no_worker(rules, monkeypatch, where):
    """A Ctrl-C that lands while the first worker is forked is raised from
    ForkPool() once that worker is known, and the worker is killed: before,
    it was raised wherever it landed (printed and lost in an at-fork hook),
    leaving a worker that the interpreter's exit then waited for. Blocking
    the signal holds it in this thread only: when another thread of the
    process takes it, Python raises it in this one at once, inside the
    fork's start() too ("raised in start"), and the worker is killed then
    as well."""
    import multiprocessing.context as mpc
    import os
    import signal

    from calc_nlp.batch.forkpool import ForkPool

    started = []
    real = mpc.ForkProcess.start

    def start(self):
        real(self)
        started.append(self)
        if where == "signal":
            os.kill(os.getpid(), signal.SIGINT)
        else:
            raise KeyboardInterrupt

    monkeypatch.setattr(mpc.ForkProcess, "start", start)
    with pytest.raises(KeyboardInterrupt):
        ForkPool(2, None, rules)
    monkeypatch.undo()
    (first,) = started
    first.join(5)
    ended = first.exitcode
    if ended is None:
        first.kill()
        first.join()
    assert ended is not None


LEFT_RUNNING = """
import os, sys
from calc_nlp.batch.forkpool import ForkPool
from calc_nlp.rules import load_rules

pool = ForkPool(2, None, load_rules())
print(pool.submit(os.getpid).result(), flush=True)
sys.exit(3)  # never stopped, as after an interrupt between two steps of a run
"""


def test_a_fork_pool_left_running_does_not_stop_the_exit():
    """multiprocessing's exit hook waits for the first worker (a child); a
    pool never stopped is killed at exit first, so the interpreter exits."""
    import os

    proc = subprocess.run(
        [sys.executable, "-c", LEFT_RUNNING],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 3, proc.stderr[-2000:]
    worker = int(proc.stdout.strip())
    for _ in range(100):
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        __import__("time").sleep(0.05)
    else:
        raise AssertionError("the worker outlived the process")


KILLED_WHILE_SENDING = """
import os, signal, sys, threading, time
from concurrent.futures.process import BrokenProcessPool
from calc_nlp.batch.forkpool import ForkPool
from calc_nlp.rules import load_rules

MAIN = os.getpid()
BIG = b"y" * 200_000_000  # made here: the workers have it from the fork

def killed_while_sending():
    if os.getppid() == MAIN:  # the first worker: its end would end every pipe
        time.sleep(0.5)  # busy: the next task goes to the other worker
        return b""
    def kill():
        main = threading.main_thread().ident
        while True:
            frame, names = sys._current_frames().get(main), set()
            while frame is not None:
                names.add(frame.f_code.co_name)
                frame = frame.f_back
            if "send_bytes" in names:
                break
            time.sleep(0.001)
        time.sleep(0.005)
        os.kill(os.getpid(), signal.SIGKILL)
    threading.Thread(target=kill, daemon=True).start()
    return BIG

pool = ForkPool(2, None, load_rules())
try:
    for _ in range(10):  # two at a time: one of each pair is the other worker's
        for task in [pool.submit(killed_while_sending) for _ in range(2)]:
            task.result()
    print("never sent to the other worker", flush=True)
except BrokenProcessPool:
    print("ok", flush=True)
pool.stop(ok=False)
"""


def test_a_worker_killed_while_sending_breaks_the_pool_without_a_hang():
    """A worker killed halfway through sending a large result: with one
    result pipe shared by the workers, the parent waited for ever for the
    rest of the message (the other worker still held the pipe). Each worker
    has its own pipe now: it reads as ended, and the pool is broken."""
    proc = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_SENDING],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"


def test_jsonl_parquet_txt_inputs_give_the_same_findings(tmp_path, reference):
    rows = _demo_rows()
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"report_id": i, "text": t}) + "\n" for i, t in rows),
        encoding="utf-8",
    )
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = tmp_path / "in.parquet"
    pq.write_table(
        pa.table({"report_id": [i for i, _ in rows], "text": [t for _, t in rows]}),
        parquet,
    )
    tsv = tmp_path / "in.tsv"
    with open(tsv, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["report_id", "text"])
        w.writerows(rows)
    want = (reference / "findings.csv").read_bytes()
    for src in (jsonl, parquet, tsv):
        assert (_run(tmp_path, src) / "findings.csv").read_bytes() == want, src.name


def test_txt_folder_ids_are_file_names(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    (d / "b.txt").write_text("Pelvic phleboliths.", encoding="utf-8")
    (d / "a.txt").write_text("No calcification.", encoding="utf-8")
    (d / "skip.md").write_text("Calcified granuloma.", encoding="utf-8")
    out = _run(tmp_path, d)
    with open(out / "reports.csv", encoding="utf-8") as fh:
        assert [r["report_id"] for r in csv.DictReader(fh)] == ["a.txt", "b.txt"]


def test_stdin_input(tmp_path, reference):
    out = tmp_path / "o"
    proc = subprocess.run(
        calc_nlp_cmd("run", "-", "-o", str(out), "--workers", "1", "-q"),
        stdin=open(DEMO / "reports.csv", "rb"),
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (out / "findings.csv").read_bytes() == (
        reference / "findings.csv"
    ).read_bytes()


def test_output_formats_carry_the_same_rows(tmp_path, reference):
    import pyarrow.parquet as pq

    with open(reference / "findings.csv", encoding="utf-8", newline="") as fh:
        want = list(csv.DictReader(fh))
    j = _run(tmp_path, DEMO / "reports.csv", output_format="jsonl", raw=True)
    got = [json.loads(line) for line in open(j / "findings.jsonl", encoding="utf-8")]
    p = _run(tmp_path, DEMO / "reports.csv", output_format="parquet")
    table = pq.read_table(p / "findings.parquet").to_pylist()
    assert len(got) == len(table) == len(want)
    for w, g, t in zip(want, got, table, strict=False):
        assert g == t
        assert g["mention"] == w["mention"] and g["start_char"] == int(w["start_char"])
        assert g["negated"] is (w["negated"] == "true")
        assert (g["confidence"] is None) == (w["confidence"] == "")


def test_rows_stay_in_input_order_across_chunks(tmp_path):
    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_id", "text"])
        for i in range(300):
            w.writerow(
                [
                    f"R{i:04d}",
                    "Calcified granuloma in the RUL."
                    if i % 7 == 0
                    else "Normal chest.",
                ]
            )
    out = _run(tmp_path, src, workers=2, chunk_size=16)
    with open(out / "reports.csv", encoding="utf-8") as fh:
        assert [r["report_id"] for r in csv.DictReader(fh)] == [
            f"R{i:04d}" for i in range(300)
        ]


@given(
    st.integers(min_value=0, max_value=70),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=4),
)
def test_a_pools_chunks_hold_every_row_in_order(n, size, workers):
    """The pool's chunks (shorter first ones, one per worker) hold the rows
    in input order, each at most --chunk-size long."""
    from calc_nlp.batch.workers import FIRST_CHUNK_FRACTION, starting_chunks

    got = list(starting_chunks(iter(range(n)), size, workers))  # type: ignore[arg-type]
    assert [r for chunk in got for r in chunk] == list(range(n))
    assert all(0 < len(chunk) <= size for chunk in got)
    first = max(1, size // FIRST_CHUNK_FRACTION)
    assert [len(c) for c in got[:workers]] == [
        min(first, max(0, n - i * first)) for i in range(workers)
    ][: len(got[:workers])]


# ---- the prefilter never drops a report with a finding ----

PIECES = [
    "calcification",
    "calcifications",
    "Calcifed",
    "calcifcation",
    "CALCIFIED",
    "microcalcs",
    "calcs",
    "calcific",
    "calcinosis",
    "phlebolith",
    "MAC",
    "mac",
    "CAC score",
    "Agatston score 0",
    "coronary calcium",
    "nephrocalcinosis",
    "calciphylaxis",
    "milk of calcium",
    "myositis ossificans",
    "heterotopic ossification",
    "chondrocalcinosis",
    "mineralization",
    "calcium deposits",
    "granuloma",
    "RUL",
    "no",
    "possible",
    "calcium",
    "calcaneus",
    "Ca 11.2",
    " ",
    "\n",
    ",",
    ".",
    "-",
    "in the",
    "left",
    "soft tissue",
    "non-calcified",
    "macro",
    "micro",
]


# the property tests over soups of rule words: many examples, no deadline
# (a case may build the pipeline), the module's analyzer fixture shared
WORD_SOUPS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@WORD_SOUPS
@given(
    st.lists(
        st.sampled_from(PIECES) | st.text(alphabet="acdefhilmnoprstu CAL", max_size=14),
        max_size=10,
    ),
    st.sampled_from(["", " ", "\n"]),
)
def test_prefilter_never_drops_a_finding(analyzer, pieces, sep):
    from calc_nlp.prefilter import build_prefilter

    tok = analyzer.kit.nlp.tokenizer
    pf = build_prefilter(
        analyzer.rules.mentions,
        lambda s: [t.text for t in tok(s)],
        analyzer.rules.token_norms,
    )
    text = sep.join(pieces)
    if not pf(text):
        assert analyzer.piece("P", text).findings == []


# words a finding rule needs besides the prefilter's (a rule's other tokens)
RULE_PIECES = [
    "coronary",
    "artery",
    "score",
    "deposits",
    "deposition",
    "heterotopic",
    "ossification",
    "ossificans",
    "lymph",
    "node",
    "hilar",
    "evidence of",
    "contains",
    "agatston",
    "tumoral",
    "milk",
    "of",
]


# lists of rule words, rule pieces and letter soup: texts near the rules' words
RULE_WORD_SOUP = st.lists(
    st.sampled_from(PIECES + RULE_PIECES)
    | st.text(alphabet="acdefhilmnoprstu CAL", max_size=14),
    max_size=10,
)


@WORD_SOUPS
@given(
    RULE_WORD_SOUP,
    st.sampled_from(["", " ", "\n"]),
)
def test_rule_words_never_drop_a_finding(analyzer, pieces, sep):
    text = sep.join(pieces)
    if not analyzer.rule_words.may_match(text):
        assert analyzer.piece("P", text).findings == []


def test_rule_words_need_every_required_word(analyzer):
    words = analyzer.rule_words
    # 'coronary' passes the prefilter (its rule's rarest word), 'calcium' is missing
    assert analyzer.prefilter("History of coronary artery disease.")
    assert not words.may_match("History of coronary artery disease.")
    assert words.may_match("Coronary artery calcium score of 12.")
    assert words.may_match("Calcifed granuloma.") and words.may_match("Severe MAC.")


@WORD_SOUPS
@given(RULE_WORD_SOUP.map(" ".join))
def test_rule_words_regex_or_openings_scans_same_answers(analyzer, text):
    """RuleWords searches a word list with regex parts by its regex alone:
    the same answer as scanning for the regex's openings first."""
    from calc_nlp.prefilter import _Search

    for (lowered, parts), search in analyzer.rule_words._searches.items():
        body = text.lower() if lowered else text
        assert search(body) == _Search(list(parts))(body)


def test_prefilter_skips_normal_reports(analyzer):
    from calc_nlp.prefilter import build_prefilter

    tok = analyzer.kit.nlp.tokenizer
    pf = build_prefilter(
        analyzer.rules.mentions,
        lambda s: [t.text for t in tok(s)],
        analyzer.rules.token_norms,
    )
    assert not pf("FINDINGS: The lungs are clear. Heart size is normal. No effusion.")
    assert (
        pf("Calcifed granuloma.")
        and pf("Severe MAC.")
        and not pf("severe mac and cheese")
    )
    # a short rule word is a whole token's word: 'calc' of 'calc gran RUL'
    # is not the start of 'calculus', 'calculated' or 'hypocalcemia'
    assert pf("CXR: calc gran RUL.") and pf("calc-gran RUL")
    assert not pf("Obstructing calculus. Calculated EF 55%. Hypocalcemia.")


@WORD_SOUPS
@given(RULE_WORD_SOUP.map(" ".join))
def test_prefilter_searches_scan_by_groups_with_each_words_answer(analyzer, text):
    """A prefilter search scans once for the common start of the words that
    share their first four letters ('calc' for eight of them): the answer of
    a scan for each word (a sure word: True; else an opening: the regex's)."""
    pf = analyzer.prefilter
    for search, body in ((pf._lower, text.lower()), (pf._exact, text)):
        if search.rx is None or not search.gated:
            continue
        if any(w in body for w in search.sure):
            expected = True
        elif any(w in body for w in search.maybe):
            expected = search.rx.search(body) is not None
        else:
            expected = False
        assert search(body) == expected
    grouped = [g for g in pf._lower._groups if len(g[3]) + len(g[4]) > 1]
    assert grouped  # some words do share a start


_PIECES = st.sets(st.text(alphabet="abc", max_size=5), max_size=12)


@given(_PIECES, _PIECES)
def test_shortest_words_keep_those_holding_no_other(words, given):
    """`_shortest` (pieces looked up in a set) keeps exactly the words that
    hold none of the others nor a given one, the empty string included."""
    from calc_nlp.prefilter import _shortest

    pool = words | given
    expected = sorted(w for w in words if not any(o != w and o in w for o in pool))
    assert _shortest(words, given) == tuple(expected)


def test_prefilters_of_the_same_parts_share_their_searches(analyzer):
    """The screen's prefilter and the pipeline's, made of the same parts,
    share their searches (made once per process) and answer alike."""
    from calc_nlp.prefilter import Prefilter

    pf = analyzer.prefilter
    again = Prefilter(*pf.parts)
    assert again._lower is pf._lower and again._exact is pf._exact
    other = Prefilter(["granuloma"], [])
    assert other._lower is not pf._lower
    assert other("old granuloma") and not pf("old granuloma")


def test_shortest_words_drop_those_holding_a_shorter_one():
    from calc_nlp.prefilter import _shortest

    kept = _shortest({"calcified", "calc", "ossific", "plaque"}, {"lacq", "ossi"})
    assert kept == ("calc", "plaque")
    assert _shortest({"", "ab", "b"}, set()) == ("",)
    assert _shortest({"ab", "b"}, set()) == ("b",)


@pytest.mark.parametrize(
    ("given", "own", "written"),
    [("", "", ""), ("invalid_encoding", "", "invalid_encoding"),
     ("", "x", "x"), ("invalid_encoding", "x", "invalid_encoding;x")],
)  # fmt: skip
def test_a_reports_notes_are_the_inputs_then_the_results(given, own, written):
    """The report row's notes: the input's note, then the result's, ';'-joined
    when both are there; a report without findings has no finding rows and
    no texts row."""
    from calc_nlp.engine import _rows
    from calc_nlp.schema import STATUS_OK, ReportResult

    result = ReportResult("R1", STATUS_OK, note=own)
    report, findings, texts = _rows(result, 4, "Clear lungs.", given, "ab")
    assert (report["notes"], report["row"], report["text_sha256"]) == (written, 4, "ab")
    assert findings == [] and texts is None
