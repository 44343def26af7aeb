"""The screen (screen.py) and the lazily built pipeline (engine.py): a report
the screen answers gets the analyzer's very result, a run whose first
reports are screened writes what an eager run writes, and a run the screen
answers entirely never imports spaCy."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

from calc_nlp import build_cache, engine
from calc_nlp.screen import Screen
from tests.conftest import DEMO, ROOT, calc_nlp_cmd

EDGE_TEXTS = [
    "",
    "   \n ",
    "Lungs are clear. No acute disease.",
    "Lungs are clear. PTH 450 pg/mL, phosphorus 6.2 mg/dL.",
    "Serum calcium 10.9 mg/dL, phosphate 5.1. Lungs are clear.",
    "BI-RADS 2: benign findings. No suspicious mass.",
    "Mammogram. BIRADS category 1. Negative.",
    "Calcified granuloma in the right upper lobe.",
    "No calcification.",
    "Étude normale. Poumons clairs.",
]


def _texts() -> list[str]:
    texts = list(EDGE_TEXTS)
    for name in ("dev.jsonl", "test.jsonl"):
        with open(ROOT / "corpora" / "gold" / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        texts += [row["text"] for row in csv.DictReader(fh)]
    return texts


@pytest.fixture(scope="module")
def screen(rules, analyzer) -> Screen:
    from calc_nlp.screen import remember

    remember(rules, analyzer)
    made = Screen.cached(rules)
    assert made is not None
    return made


def test_the_screen_answers_as_the_analyzer_or_not_at_all(screen, analyzer):
    answered, with_labs = 0, 0
    for i, text in enumerate(_texts()):
        quick = screen.result(text, f"R{i}")
        if quick is not None:
            answered += 1
            with_labs += bool(quick.labs)
            assert quick == analyzer.analyze(text, f"R{i}"), i
    assert answered >= 20  # it does answer the finding-free reports
    assert with_labs  # lab values included
    assert screen.result("Calcified granuloma in the right upper lobe.", "x") is None


def test_the_screen_answers_a_birads_word_that_states_no_category(screen, analyzer):
    """'assessment' and 'rads' open the BI-RADS gate, but only a text one of
    the BI-RADS regexes matches states a category: the others need no NLP."""
    plain = [
        "Assessment: the heart is of normal size. Nothing acute.",
        "Overall ASSESSMENT reassuring. Phosphate 4.9 mg/dL.",
        "Per the rads tech the lateral view was repeated. Clear lungs.",
    ]
    for i, text in enumerate(plain):
        quick = screen.result(text, f"P{i}")
        assert quick is not None, i
        assert quick == analyzer.analyze(text, f"P{i}"), i
    stated = [
        "Assessment category 2: benign. Clear lungs.",
        "BI-RADS 1, negative study.",
        "Overall assessment: BIRADS 3.",
    ]
    for text in stated:
        assert screen.result(text, "S") is None, text
        assert analyzer.analyze(text, "S").birads  # the pipeline finds it


def test_the_screen_leaves_texts_the_analyzer_reads_edited_to_it(screen):
    """An invisible character, markup in a word or RTF: the analyzer reads
    the text with characters dropped, which the screen does not, so it does
    not answer."""
    for text in (
        "Assess\u00adment category 2. Clear lungs.",
        "Calc<b>ified</b> granuloma. Clear lungs.",
        "C&#97;lcified granuloma. Clear lungs.",
        "Clear lungs.\u200b Heart normal.",
        "{\\rtf1\\ansi Clear lungs.\\par}",
    ):
        assert screen.result(text, "H") is None, text


def test_the_screen_leaves_a_caseless_report_the_analyzer_reads_recased(
    screen, analyzer
):
    """A report without capitals whose only finding word is one the rules
    take in capitals only ('mild mac.'): the analyzer reads it recased
    (stages/capitals.py) and finds it, so the screen must not answer it
    with no findings (a pool's parent would, for every such report)."""
    for text in (
        "the aorta shows mild mac. no other findings.",
        "mitral annulus: mild mac noted",
    ):
        assert analyzer.analyze(text, "C").findings, text
        assert screen.result(text, "C") is None, text


def test_the_prefilters_recase_precheck_never_turns_away_what_recasing_passes(
    analyzer,
):
    """`Prefilter.may_pass_recased` (one scan for an exact word's lower
    case) is False only for texts that recasing cannot make pass: checked
    on every text lower-cased whole, as a caseless export writes it."""
    pf, capitals = analyzer.prefilter, analyzer.capitals
    passed = 0
    for text in [t.lower() for t in _texts()] + ["mild mac.", "the stomach"]:
        if pf(text):
            continue
        recased = capitals.recase(text)
        if recased is not None and pf(recased):
            passed += 1
            assert pf.may_pass_recased(text), text
    assert passed  # the texts hold such reports


def test_no_screen_without_a_built_analyzer_in_the_cache(rules, monkeypatch, tmp_path):
    monkeypatch.setenv(build_cache.ENV, str(tmp_path / "empty"))
    assert Screen.cached(rules) is None
    eager = engine.Engine(rules=rules, lazy=True)
    assert eager._analyzer is not None  # built at once, as before


def test_a_lazy_engine_builds_the_pipeline_on_the_first_report_that_needs_it(
    rules, screen
):
    lazy = engine.Engine(rules=rules, lazy=True)
    assert lazy._analyzer is None
    negative = lazy.process(1, "a", "Lungs are clear. Phosphate 5.1 mg/dL.")
    assert lazy._analyzer is None
    positive = lazy.process(2, "b", "Calcified granuloma in the right upper lobe.")
    assert lazy._analyzer is not None
    eager = engine.Engine(rules=rules)
    assert negative == eager.process(1, "a", "Lungs are clear. Phosphate 5.1 mg/dL.")
    assert positive == eager.process(
        2, "b", "Calcified granuloma in the right upper lobe."
    )
    assert positive[1]  # a finding row


def _run(src, out, env) -> dict[str, bytes]:
    done = subprocess.run(
        calc_nlp_cmd("run", src, "-o", out, "-q", "--workers", "1"),
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {
        p.name: p.read_bytes() for p in out.iterdir() if p.suffix in (".csv", ".jsonl")
    }


def test_a_run_whose_first_reports_are_negative_writes_what_an_eager_run_writes(
    tmp_path,
):
    rows = [(f"N{i}", t) for i, t in enumerate(EDGE_TEXTS[2:6])]
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        rows += [(r["report_id"], r["text"]) for r in csv.DictReader(fh)][:40]
    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([("report_id", "text"), *rows])
    warm = dict(os.environ, CALC_NLP_CACHE_DIR=str(tmp_path / "cache"))
    _run(src, tmp_path / "first", warm)  # fills the cache: the next run is lazy
    lazy = _run(src, tmp_path / "lazy", warm)
    eager = _run(src, tmp_path / "eager", dict(warm, CALC_NLP_CACHE_DIR="off"))
    assert lazy == eager
    assert b"Calcif" in eager["texts.jsonl"]  # the file holds findings too


def test_a_run_of_finding_free_reports_never_imports_spacy(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(
        "report_id,text\n1,Lungs are clear.\n2,Phosphate 5.1 mg/dL.\n3,\n",
        encoding="utf-8",
    )
    env = dict(os.environ, CALC_NLP_CACHE_DIR=str(tmp_path / "cache"))
    _run(src, tmp_path / "first", env)
    code = (
        "import sys\n"
        "from calc_nlp.cli import main\n"
        f"sys.argv = ['calc-nlp', 'run', {str(src)!r}, '-o', {str(tmp_path / 'o')!r}, '-q']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
        "assert 'medspacy' not in sys.modules, 'medspaCy was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "o" / "reports.csv").read_bytes() == (
        tmp_path / "first" / "reports.csv"
    ).read_bytes()


class _Repr:
    """A stand-in line format: any row as its repr."""

    def line(self, row) -> str:
        return repr(row) + "\n"


def test_a_pools_parent_answers_the_screened_reports_and_sends_only_the_rest(rules):
    from calc_nlp.batch.workers import answer_screened

    built = engine.Engine(rules=rules)
    built.screen = None  # as on a machine whose build cache is empty
    built.screen_from_pipeline()
    assert built.screen is not None
    formats = (_Repr(), _Repr(), _Repr())
    texts = [t for t in _texts()[:200] if t.strip()]  # a run decides empty ones first
    items = [(i, f"R{i}", t, "", "") for i, t in enumerate(texts)]
    done_before = (None, "a report the parent had decided already")
    slots = [done_before] + [None] * len(items)
    filled, left, timings = answer_screened(slots, items, built, formats)
    assert filled[0] is done_before
    assert len(filled) == len(slots)
    sent = {item[1] for item in left}
    assert len(items) - len(sent) >= 10  # the finding-free ones answered here
    for item, slot in zip(items, filled[1:], strict=True):
        whole = engine.render(built.process(*item), formats)
        if item[1] in sent:
            assert slot is None
            assert built.screened_rows(*item) is None
        else:  # the rows a worker's pipeline gives it, to the byte
            assert slot == whole, item[1]
    assert "Calcified granuloma in the right upper lobe." in {i[2] for i in left}
    assert timings.get("skipped_reports") == len(items) - len(sent)
