"""Every corpus file is valid, and the corpus is the one corpora/README.md describes."""

from __future__ import annotations

import csv
import json

import pytest

from calc_nlp.corpus import validate_lines, validate_record

from .conftest import DEMO, ROOT

GOLD = ROOT / "corpora" / "gold"
FILES = [DEMO / "gold.jsonl", GOLD / "dev.jsonl", GOLD / "test.jsonl"]


def _records(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_is_valid(rules, path):
    with open(path, encoding="utf-8") as fh:
        assert validate_lines(fh, set(rules.sites), set(rules.conditions)) == []


def test_validator_catches_errors(rules):
    good = {
        "report_id": "X",
        "modality": "ct",
        "text": "Calcified granuloma.",
        "findings": [
            {
                "mention": "Calcified granuloma",
                "start": 0,
                "end": 19,
                "site": "",
                "site_text": "",
                "laterality": "",
                "negated": False,
                "uncertain": False,
                "historical": False,
                "hypothetical": False,
                "family": False,
                "physiologic": False,
                "classification": "dystrophic",
            }
        ],
        "conditions": [],
    }
    sites, conds = set(rules.sites), set(rules.conditions)
    assert validate_record(good, sites, conds) == []
    bad = json.loads(json.dumps(good))
    bad["findings"][0]["end"] = 18
    assert "finding 0: text[start:end] != mention" in validate_record(bad, sites, conds)
    bad = json.loads(json.dumps(good))
    bad["findings"][0]["negated"] = True
    assert (
        "finding 0: classification must be empty exactly when negated or hypothetical"
        in validate_record(bad, sites, conds)
    )
    bad = json.loads(json.dumps(good))
    bad["findings"][0]["site"] = "elbow"
    assert "finding 0: site 'elbow' not in the vocabulary" in validate_record(
        bad, sites, conds
    )
    bad = json.loads(json.dumps(good))
    del bad["modality"]
    assert validate_record(bad, sites, conds) == ["missing key 'modality'"]


def test_corpus_size_traps_and_balance(analyzer):
    from calc_nlp.corpus import stats

    records = _records(GOLD / "dev.jsonl") + _records(GOLD / "test.jsonl")
    s = stats(records, analyzer.has_lookalikes)
    assert s["reports"] >= 400
    assert s["with_traps"] / s["reports"] >= 0.30
    assert 0.07 <= s["without_findings"] / s["reports"] <= 0.15
    affirmed = [s["classes"][c] for c in ("dystrophic", "metastatic", "indeterminate")]
    assert min(affirmed) / sum(affirmed) >= 0.2
    assert s["flags"]["physiologic"] > 0
    assert len(s["modality"]) >= 11


def test_splits_are_disjoint():
    dev = {r["report_id"] for r in _records(GOLD / "dev.jsonl")}
    test = {r["report_id"] for r in _records(GOLD / "test.jsonl")}
    texts_dev = {r["text"] for r in _records(GOLD / "dev.jsonl")}
    assert dev and test and not dev & test
    assert not texts_dev & {r["text"] for r in _records(GOLD / "test.jsonl")}


def test_demo_export_matches_its_gold():
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        rows = {r["report_id"]: r["text"] for r in csv.DictReader(fh)}
    gold = {r["report_id"]: r["text"] for r in _records(DEMO / "gold.jsonl")}
    assert rows == gold
