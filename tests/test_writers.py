"""Typed rows to the writers: one CSV cell formatter, typed JSONL and Parquet."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.schema import (
    FINDING_COLUMNS,
    FINDING_TYPES,
    REPORT_COLUMNS,
    REPORT_TYPES,
    STATUS_OK,
    Condition,
    Finding,
    LabValue,
    ReportResult,
    finding_row,
    report_row,
)
from calc_nlp.writers import LineFormat, PartialTable, cell_text, read_table


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (None, None, ""),
        (None, "number", ""),
        (True, "bool", "true"),
        (False, "bool", "false"),
        (12, "int", "12"),
        (0, "int", "0"),
        (0.9, "float", "0.90"),
        (0.825, "float", "0.82"),  # the binary 0.825 is just below it
        (1.0, "float", "1.00"),
        (9.5, "number", "9.5"),
        (10.0, "number", "10"),
        (4.57, "number", "4.57"),
        (9.999, "number", "10"),  # a value not rounded yet
        (("a (metastatic)", "b (dystrophic)"), "list", "a (metastatic);b (dystrophic)"),
        ((), "list", ""),
        (["x"], "list", "x"),
        ("=SUM(A1)", None, "=SUM(A1)"),  # neutralised by the line, not here
    ],
)
def test_cell_text(value, kind, text):
    assert cell_text(value, kind) == text


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_csv_text_of_a_rounded_value_reads_back_as_that_value(x):
    """A score or lab value is rounded in the row; the CSV text and the JSONL or
    Parquet float are then the same number."""
    value = report_row(
        ReportResult("r", STATUS_OK, labs=(LabValue("pth", x, "pg/mL", "high", 0, 1),))
    )["pth"]
    assert isinstance(value, float)
    assert float(cell_text(value, "number")) == value == round(x, 2)
    assert float(cell_text(value, "float")) == value


def _finding() -> Finding:
    return Finding(
        "=R1",
        "calcified",
        3,
        12,
        finding_id="f1",
        section="findings",
        sentence="-calcified node",
        conditions=(
            Condition("ckd", "metastatic", "findings"),
            Condition("trauma", "dystrophic", "findings"),
        ),
        uncertain=True,
        classification="metastatic",
        confidence=0.8251,
        evidence="rule3",
        rule_id="M-1",
        size_mm=8.5,
        agatston=120.0,
        cac_drs=2,
        morphology=("coarse", "rim"),
        lesion_id="f1",
    )


def _report() -> ReportResult:
    labs = (
        LabValue("serum_calcium", 9.999, "mg/dL", "normal", 0, 5),
        LabValue("phosphate", 4.5, "mg/dL", "high", 6, 9),
    )
    return ReportResult(
        "=R1", STATUS_OK, findings=[_finding()], labs=labs, row=7, text_sha256="ab"
    )


def _write(tmp_path, name, columns, types, fmt, people, row):
    table = PartialTable(tmp_path, name, columns, fmt, people, types)
    table.open(None)
    table.write(row)
    table.commit()
    return tmp_path / name


def test_typed_rows_in_every_format(tmp_path):
    """The same typed row gives the CSV text (formulas neutralised), typed JSON
    values, and Parquet columns that read back as the CSV text."""
    f, r = finding_row(_finding()), report_row(_report())
    assert (f["start_char"], f["uncertain"], f["confidence"]) == (3, True, 0.83)
    assert f["conditions"] == ("ckd (metastatic)", "trauma (dystrophic)")

    csv_path = _write(tmp_path, "f.csv", FINDING_COLUMNS, FINDING_TYPES, "csv", True, f)
    line = csv_path.read_text(encoding="utf-8").splitlines()[1]
    assert line == (
        "'=R1,f1,calcified,3,12,findings,'-calcified node,,,,"
        "ckd (metastatic);trauma (dystrophic),"
        "false,true,false,false,false,false,metastatic,0.83,rule3,M-1,"
        ",8.5,120,,2,,coarse;rim,,,f1"
    )
    jsonl = _write(tmp_path, "r.jsonl", REPORT_COLUMNS, REPORT_TYPES, "jsonl", False, r)
    stored = json.loads(jsonl.read_text(encoding="utf-8"))
    assert stored["serum_calcium"] == 10.0 and stored["phosphate"] == 4.5
    assert stored["ionized_calcium"] is None and stored["row"] == 7
    assert stored["n_affirmed"] == 1 and stored["classification"] == "metastatic"
    assert stored["conditions"] == ""

    for name, columns, types, row in (
        ("f.parquet", FINDING_COLUMNS, FINDING_TYPES, f),
        ("r.parquet", REPORT_COLUMNS, REPORT_TYPES, r),
    ):
        path = _write(tmp_path, name, columns, types, "parquet", False, row)
        csv_row = _write(tmp_path, f"{name}.csv", columns, types, "csv", True, row)
        (back,) = read_table(path, "parquet", False, types)
        (as_csv,) = read_table(csv_row, "csv", True)
        assert back == as_csv
    assert as_csv["serum_calcium"] == "10" and as_csv["phosphate"] == "4.5"


def test_report_rows_are_in_column_order_with_or_without_findings_and_labs():
    """report_row makes its row in REPORT_COLUMNS order (the JSONL key order)
    for every kind of report: a finding-free one without lab values takes a
    shorter way there."""
    full = _report()
    bare = ReportResult("R2", STATUS_OK, row=3, text_sha256="ab")
    labs_only = ReportResult(
        "R3", STATUS_OK, labs=(LabValue("pth", 80.0, "pg/mL", "high", 0, 7),)
    )
    for r in (full, bare, labs_only):
        assert list(report_row(r)) == list(REPORT_COLUMNS)
    row = report_row(bare)
    assert (row["n_findings"], row["n_affirmed"], row["n_lesions"]) == (0, 0, 0)
    assert (row["classification"], row["conditions"]) == ("none", ())
    assert row["serum_calcium"] is None and row["pth_flag"] == ""
    assert report_row(labs_only)["pth"] == 80.0


def _line_by_the_csv_writer(columns, types, people, row) -> str:
    """LineFormat.line as it was: each cell by cell_text, neutralised for
    people, the line by csv.writer."""
    import csv
    import io

    from calc_nlp.writers import neutralise

    cells = [
        row[c] if types.get(c) is None else cell_text(row[c], types.get(c))
        for c in columns
    ]
    if people:
        cells = [neutralise(c) for c in cells]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(cells)
    return buf.getvalue()


_CELL_TEXT = st.text(
    alphabet=st.sampled_from(list("ab 1,\"=+-@\t\r\n\x00\x0b\x85\u2028é;'")), max_size=6
)
_CELL = st.none() | st.booleans() | st.integers(-5, 5) | _CELL_TEXT
_CELL = _CELL | st.floats(-3, 3, allow_nan=False) | st.tuples(_CELL_TEXT, _CELL_TEXT)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CELL, min_size=1, max_size=5), st.booleans())
def test_a_csv_line_joined_without_the_writer_is_the_writers_line(values, people):
    """Cells that need no quoting nor neutralising are joined by commas
    without csv.writer: the very line it writes, in every case."""
    kinds = [None, "int", "number", "float", "list", "bool"]
    columns = tuple(f"c{i}" for i in range(len(values)))
    types = {c: kinds[i % len(kinds)] for i, c in enumerate(columns)}
    row = dict(zip(columns, values, strict=True))
    for c in columns:  # a column without a kind holds text
        if types[c] is None and not isinstance(row[c], str):
            row[c] = str(row[c])
    lines = LineFormat(columns, "csv", people, {k: v for k, v in types.items() if v})
    assert lines.line(row) == _line_by_the_csv_writer(columns, types, people, row)


def test_a_plain_report_row_is_joined_and_a_formula_or_comma_is_not():
    from calc_nlp.writers import _plain_line

    assert _plain_line(["R1", "ok", "0", ""]) == "R1,ok,0,\r\n"
    for cells in (["R1", "=1+1"], ["a,b", "c"], ['say "x"', "c"], ["a\nb", "c"]):
        assert _plain_line(cells) is None, cells
    assert _plain_line([""]) is None  # the writer writes one empty cell as ""


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CELL_TEXT, min_size=2, max_size=4), st.booleans())
def test_every_text_cell_reads_back_as_written(tmp_path_factory, texts, people):
    """CSV for people or raw: `read_table` gives back each cell as it was,
    a cell opening with a quote before a formula start ("'=x") included."""
    columns = tuple(f"c{i}" for i in range(len(texts)))
    path = tmp_path_factory.mktemp("t") / "t.csv"
    table = PartialTable(path.parent, path.name, columns, "csv", people)
    table.open(None)
    table.write(dict(zip(columns, texts, strict=True)))
    table.commit()
    (back,) = read_table(path, "csv", people)
    assert back == dict(zip(columns, texts, strict=True))


def test_a_cell_quoted_before_a_formula_is_quoted_once_more():
    """A cell "'=q" written as is would read back as "=q" (another report id,
    a review text no longer paired, a note id changed in the export)."""
    lines = LineFormat(("report_id", "mention"), "csv", True)
    assert lines.line({"report_id": "'=q", "mention": "'-x"}) == "''=q,''-x\r\n"
    assert lines.line({"report_id": "'q", "mention": "it's"}) == "'q,it's\r\n"
    assert lines.line({"report_id": "''=q", "mention": "x"}) == "'''=q,x\r\n"
