"""The descriptor columns in every output: CSV text, typed JSONL and Parquet,
the review page's data and `calc-nlp explain`."""

from __future__ import annotations

import csv
import json
import re

import pytest
from click.testing import CliRunner

from calc_nlp.cli import main
from calc_nlp.review import build_page

TEXT = (
    "FINDINGS: Moderate coronary artery calcification. Total Agatston score 150 "
    "(75th percentile). 5 mm calcified granuloma in the RUL, unchanged.\n"
    "IMPRESSION: Calcified granuloma, right upper lobe. BI-RADS 2."
)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("desc")
    src = base / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["report_id", "text"], ["R1", TEXT]])
    out = {}
    for fmt in ("csv", "jsonl", "parquet"):
        out[fmt] = base / fmt
        args = ["run", str(src), "-o", str(out[fmt]), "--format", fmt, "--workers", "1"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    return out


def _rows(runs, fmt, table):
    path = runs[fmt] / f"{table}.{fmt}"
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    if fmt == "jsonl":
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def test_csv_cells(runs):
    rows = _rows(runs, "csv", "findings")
    cols = [
        "severity",
        "size_mm",
        "agatston",
        "agatston_percentile",
        "cac_drs",
        "change",
    ]
    assert [[r[c] for c in cols] for r in rows] == [
        ["moderate", "", "", "", "", ""],
        ["", "", "150", "75", "2", ""],
        ["", "5", "", "", "", "stable"],
        ["", "", "", "", "", ""],
    ]
    lesions = [r["lesion_id"] for r in rows]
    ids = [r["finding_id"] for r in rows]
    assert lesions == [ids[0], ids[0], ids[2], ids[2]]
    (report,) = _rows(runs, "csv", "reports")
    assert (report["birads"], report["n_lesions"]) == ("2", "2")


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_typed_formats(runs, fmt):
    rows = _rows(runs, fmt, "findings")
    score, granuloma = rows[1], rows[2]
    assert (score["agatston"], score["agatston_percentile"], score["cac_drs"]) == (
        150.0,
        75.0,
        2,
    )
    assert isinstance(score["cac_drs"], int) and isinstance(score["agatston"], float)
    assert (granuloma["size_mm"], granuloma["agatston"], granuloma["cac_drs"]) == (
        5.0,
        None,
        None,
    )
    assert granuloma["morphology"] == "" and granuloma["change"] == "stable"
    (report,) = _rows(runs, fmt, "reports")
    assert (report["birads"], report["n_lesions"]) == ("2", 2)


def test_review_page_carries_descriptors_and_lesion_numbers(runs):
    page, _ = build_page(runs["csv"])
    data = json.loads(
        re.search(
            r'<script type="application/json" id="data">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert [f["lesion"] for f in data["findings"]] == [1, 1, 2, 2]
    assert data["findings"][1]["agatston"] == "150"
    assert data["reports"][0]["birads"] == "2"
    assert "descriptorsHtml(f)" in page


def test_explain_prints_descriptors_with_their_words():
    out = CliRunner().invoke(main, ["explain", TEXT])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert "    severity: moderate <- 'Moderate' (V-severity-moderate)" in lines
    assert "    agatston: 150 <- 'Total Agatston score 150' (W-agatston-total)" in lines
    assert "    cac_drs: 2 (from the Agatston score)" in lines
    assert "    size_mm: 5 <- '5 mm' (W-size)" in lines
    assert "    change: stable <- 'unchanged' (V-change-stable)" in lines
    assert "birads: 2 <- 'BI-RADS 2' (W-birads)" in lines


def test_explain_says_which_findings_share_a_lesion():
    out = CliRunner().invoke(main, ["explain", TEXT])
    assert out.exit_code == 0, out.output
    notes = [
        line.split("(", 1)[-1] for line in out.output.splitlines() if "lesion_id:" in line
    ]
    # the score restates the coronary calcification, the impression the granuloma
    assert notes == [
        "this finding's own; also [2])",
        "the lesion of [1])",
        "this finding's own; also [4])",
        "the lesion of [3])",
    ]
