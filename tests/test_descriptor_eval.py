"""Evaluation and validation of the descriptor keys (corpora/GUIDE.md,
Descriptors), on small fixture files: tests/fixtures/descriptors_*.

The fixture gold disagrees with the pipeline on purpose in report D4
(severity moderate where the text says "scattered"; its two findings put in
one lesion), so the figures below are worked out by hand:
severity: gold values D1 moderate (right), D4 moderate (wrong) -> 0.5;
lesion pairs: gold D1 (0,1), D2 (0,2), D4 (0,1); the output finds the first
two -> P 1, R 2/3, F1 0.8.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from calc_nlp.cli import main
from calc_nlp.corpus import validate_lines, validate_record
from calc_nlp.errors import InputError
from calc_nlp.evaluate import FLAG_FIELDS, VALUE_FIELDS, read_gold, score
from calc_nlp.evaluate_descriptors import DESCRIPTOR_KEYS
from calc_nlp.standoff import read_standoff, read_texts

FIX = Path(__file__).parent / "fixtures"
GOLD = FIX / "descriptors_gold.jsonl"
STANDOFF = FIX / "descriptors_standoff.jsonl"
TEXTS = FIX / "descriptors_texts.csv"


def _figures(analyzer, reports):
    return score(
        ((g, analyzer.analyze(g.text, g.report_id)) for g in reports), max_errors=0
    )["descriptors"]


EXPECTED = {
    "severity": {"accuracy": 0.5, "precision": 0.5, "n_gold": 2, "n_pred": 2},
    "change": {"accuracy": 1.0, "precision": 1.0, "n_gold": 2, "n_pred": 2},
    "morphology": {"accuracy": 1.0, "precision": 1.0, "n_gold": 1, "n_pred": 1},
    "size_mm": {"exact": 1.0, "precision": 1.0, "n_gold": 1, "n_pred": 1},
    "agatston": {"exact": 1.0, "precision": 1.0, "n_gold": 1, "n_pred": 1},
}


@pytest.mark.parametrize("kind", ["corpus", "standoff"])
def test_descriptor_figures(analyzer, kind):
    if kind == "corpus":
        with open(GOLD, encoding="utf-8") as fh:
            reports = list(read_gold(fh))
    else:
        with open(STANDOFF, encoding="utf-8") as fh:
            reports = list(read_standoff(fh, read_texts([TEXTS])))
    d = _figures(analyzer, reports)
    for name, want in EXPECTED.items():
        assert d[name] == want, name
    assert d["lesion_pairs"] == {
        "precision": 1.0,
        "recall": 0.6667,
        "f1": 0.8,
        "tp": 2,
        "pred": 2,
        "gold": 3,
    }
    assert d["birads"] == {"accuracy": 1.0, "n": 4}


def test_no_descriptor_figures_without_the_keys(analyzer):
    with open(GOLD, encoding="utf-8") as fh:
        reports = list(read_gold(fh))
    for r in reports:
        r.birads = None
        for g in r.findings:
            g.fields = {k: g.fields[k] for k in FLAG_FIELDS + VALUE_FIELDS}
    s = score(((g, analyzer.analyze(g.text, g.report_id)) for g in reports), 0)
    assert "descriptors" not in s


def test_a_value_invented_lowers_precision_only(analyzer):
    with open(GOLD, encoding="utf-8") as fh:
        reports = list(read_gold(fh))
    reports[1].findings[0].fields["size_mm"] = None  # gold: no size given
    d = _figures(analyzer, reports)
    assert d["size_mm"] == {"exact": None, "precision": 0.0, "n_gold": 0, "n_pred": 1}


def test_evaluate_prints_descriptor_lines():
    out = CliRunner().invoke(main, ["evaluate", str(GOLD), "--errors", "0"])
    assert out.exit_code == 0, out.output
    assert "severity accuracy      0.5  precision 0.5  (gold 2, pred 2)" in out.output
    assert "lesion pairs           P 1.0  R 0.6667  F1 0.8" in out.output
    assert "birads (reports)       1.0  (n 4)" in out.output


def _records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _errors(rules, obj) -> list[str]:
    return validate_record(obj, set(rules.sites), set(rules.conditions))


def test_fixture_is_valid(rules):
    assert (
        validate_lines(
            open(GOLD, encoding="utf-8"), set(rules.sites), set(rules.conditions)
        )
        == []
    )


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("severity", "very mild", "severity 'very mild'"),
        ("change", "worse", "change 'worse'"),
        ("size_mm", "5", "size_mm must be a positive number or null"),
        ("size_mm", 0, "size_mm must be a positive number or null"),
        ("agatston", -1, "agatston must be a number >= 0 or null"),
        ("agatston_percentile", 120, "agatston_percentile must be 0-100 or null"),
        ("agatston_vessels", "LAD:120", "agatston_vessels must be like"),
        ("agatston_vessels", "OM1=5", "agatston_vessels must be like"),
        ("morphology", ["eggshell"], "morphology must list names"),
        ("distribution", ["grouped", "grouped"], "distribution must list names"),
        ("lesion", "1", "lesion must be a number"),
    ],
)
def test_validator_catches_bad_descriptor_values(rules, key, value, message):
    obj = copy.deepcopy(_records()[0])
    obj["findings"][0][key] = value
    assert any(message in e for e in _errors(rules, obj)), _errors(rules, obj)


def test_lesions_numbered_in_order_of_first_appearance(rules):
    obj = copy.deepcopy(_records()[1])
    obj["findings"][0]["lesion"] = 2
    obj["findings"][1]["lesion"] = 1
    assert "finding 0: lesion 2 should be 1" in _errors(rules, obj)


def test_lesion_never_joins_negated_and_affirmed(rules):
    obj = copy.deepcopy(_records()[1])
    obj["findings"][2]["negated"] = True
    obj["findings"][2]["classification"] = ""
    assert any("differ in negated" in e for e in _errors(rules, obj))


def test_bad_birads_is_caught(rules):
    obj = copy.deepcopy(_records()[2])
    obj["birads"] = "4D"
    assert any(e.startswith("birads '4D'") for e in _errors(rules, obj))


def test_keys_on_every_finding_or_none(rules, tmp_path):
    recs = _records()
    del recs[1]["findings"][1]["severity"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert any(
        "missing keys ['severity']" in e
        for e in validate_lines(open(bad), set(rules.sites), set(rules.conditions))
    )
    for f in recs[1]["findings"]:
        for k in DESCRIPTOR_KEYS:
            f.pop(k, None)
    bad.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    errs = validate_lines(open(bad), set(rules.sites), set(rules.conditions))
    assert errs == [
        "line 2: a finding without the descriptor keys (a file has them on every finding or on none)"
    ]


def test_birads_on_every_report_or_none(rules, tmp_path):
    recs = _records()
    del recs[3]["birads"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    errs = validate_lines(open(bad), set(rules.sites), set(rules.conditions))
    assert errs == [
        "line 4: a report without birads (a file has it on every report or on none)"
    ]


def test_standoff_reader_checks_descriptor_keys(tmp_path):
    recs = [json.loads(x) for x in STANDOFF.read_text(encoding="utf-8").splitlines()]
    recs[2]["findings"][0]["morphology"] = ["eggshell"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    with (
        open(bad, encoding="utf-8") as fh,
        pytest.raises(InputError, match="stand-off line 3: finding 0: morphology"),
    ):
        list(read_standoff(fh, read_texts([TEXTS])))


def test_readme_table_gets_descriptor_rows(analyzer):
    from calc_nlp.evaluate import markdown_table

    with open(GOLD, encoding="utf-8") as fh:
        reports = list(read_gold(fh))
    s = score(((g, analyzer.analyze(g.text, g.report_id)) for g in reports), 0)
    table = markdown_table(s, "tests/fixtures/descriptors_gold.jsonl").splitlines()
    assert "| severity accuracy / precision | 0.500 / 0.500 (n=2) |" in table
    assert "| size_mm exact / precision | 1.000 / 1.000 (n=1) |" in table
    assert (
        "| lesion grouping pairwise precision / recall / F1 | 1.000 / 0.667 / 0.800"
        " (pairs: gold 3, predicted 2, both 2) |" in table
    )
    assert "| BI-RADS category per report | 1.000 (n=4) |" in table
