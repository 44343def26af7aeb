"""Accuracy is a regression-tested number: the bar on the held-out test split."""

from __future__ import annotations

import pytest

from calc_nlp.evaluate import read_gold, score

from .conftest import DEMO, ROOT

BAR = {"mention_f1": 0.95, "negated": 0.95, "site": 0.90, "classification": 0.90}


def _score(analyzer, path):
    with open(path, encoding="utf-8") as fh:
        gold = list(read_gold(fh))
    return score((g, analyzer.analyze(g.text, g.report_id)) for g in gold)


@pytest.fixture(scope="module")
def test_split(analyzer):
    return _score(analyzer, ROOT / "corpora" / "gold" / "test.jsonl")


def test_mention_f1_bar(test_split):
    assert test_split["mention_f1"] >= BAR["mention_f1"]


@pytest.mark.parametrize("field", ["negated", "site", "classification"])
def test_field_accuracy_bar(test_split, field):
    assert test_split["fields"][field]["accuracy"] >= BAR[field]


def test_demo_gold_stays_high(analyzer):
    s = _score(analyzer, DEMO / "gold.jsonl")
    assert s["mention_f1"] >= 0.98
    assert s["fields"]["classification"]["accuracy"] >= 0.95


def test_scorer_matches_and_counts():
    """The scorer itself: overlap matching one-to-one, exact needs equal spans."""
    from calc_nlp.evaluate import GoldFinding, match
    from calc_nlp.schema import Finding

    gold = [
        GoldFinding("calcified granuloma", 0, 19, {}),
        GoldFinding("calcification", 30, 43, {}),
    ]
    pred = [Finding("R", "granuloma", 10, 19), Finding("R", "x", 50, 52)]
    assert match(gold, pred) == [(0, 0)]
