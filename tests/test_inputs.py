"""Feeding `calc-nlp run`: gzip and format detection, column names ignoring
case, headerless CSV, --limit trial runs and the progress bar."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.batch.checkpoint import run_key
from calc_nlp.cli import main
from calc_nlp.columns import check_columns
from calc_nlp.errors import InputError
from calc_nlp.logs import Log, Progress
from calc_nlp.runner import RunOptions
from calc_nlp.runner import run as run_job

from .conftest import DEMO

SECRET = "ZEBRA-SECRET"
GRANULOMA = "Calcified granuloma in the right upper lobe."


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def table(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def statuses(out: Path) -> list[tuple[str, str]]:
    return [(r["report_id"], r["status"]) for r in table(out / "reports.csv")]


# ------------------------------------------------------------- columns


@pytest.mark.parametrize(
    "header, expected",
    [
        (["Report_ID", "TEXT"], (0, 1)),
        (["text", "report_id"], (1, 0)),
        (["report_id", "Text", "text"], (0, 2)),  # the exact match wins
    ],
)
def test_columns_ignore_case_when_one_matches(header, expected):
    assert check_columns(header, "report_id", "text") == expected


def test_column_matching_several_ignoring_case_is_refused():
    with pytest.raises(InputError) as e:
        check_columns(["report_id", "Text", "TEXT"], "report_id", "text")
    assert str(e.value) == (
        "column 'text' matches 2 columns when case is ignored; "
        "the input has columns: 'report_id', 'Text', 'TEXT'"
    )


def test_column_named_twice_is_refused(tmp_path):
    # which of two 'text' columns holds the report is not known: reading the
    # first lost the other's text without a word
    src = tmp_path / "in.csv"
    src.write_text(f"report_id,text,text\nR1,{SECRET} one,two\n", encoding="utf-8")
    r = cli("run", src, "-o", tmp_path / "o")
    assert r.exit_code == 2
    assert r.output == (
        "Error: column 'text' appears 2 times in the first line (3 fields; not shown)\n"
    )
    assert not (tmp_path / "o").exists()


def test_missing_column_suggests_a_header_cell_never_a_value(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f"report_id,REPORT_TEXT\nR1,{SECRET} text here\n", encoding="utf-8")
    r = cli("run", src, "-o", tmp_path / "o")
    assert r.exit_code == 2
    assert r.output == (
        "Error: no column 'text'; did you mean 'REPORT_TEXT'?; "
        "the input has columns: 'report_id', 'REPORT_TEXT'\n"
    )
    assert not (tmp_path / "o").exists()


def test_no_suggestion_from_a_first_line_that_is_data(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f"MRN4411,{SECRET} text\n", encoding="utf-8")
    r = cli("run", src, "-o", tmp_path / "o")
    assert r.exit_code == 2 and SECRET not in r.output and "MRN4411" not in r.output
    assert "did you mean" not in r.output and "--no-header" in r.output


def test_mixed_case_columns_in_csv_jsonl_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    c = tmp_path / "in.csv"
    c.write_text(f"Report_Id,TEXT\nR1,{GRANULOMA}\n", encoding="utf-8")
    j = tmp_path / "in.jsonl"
    j.write_text(json.dumps({"Report_Id": "R1", "Text": GRANULOMA}) + "\n")
    p = tmp_path / "in.parquet"
    pq.write_table(pa.table({"REPORT_ID": ["R1"], "Text": [GRANULOMA]}), p)
    for src in (c, j, p):
        out = tmp_path / f"o-{src.suffix[1:]}"
        r = cli("run", src, "-o", out, "--workers", 1)
        assert r.exit_code == 0, (src, r.output)
        assert statuses(out) == [("R1", "ok")]
        assert len(table(out / "findings.csv")) == 1


def test_parquet_binary_columns_are_read_as_utf8(tmp_path):
    # A string column written without its UTF8 annotation is BINARY: every
    # text was a text_not_a_string error row and ids read "b'R1'"
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "in.parquet"
    ids = pa.array([b"R1", b"R2", b"\xff"], pa.binary())
    texts = [GRANULOMA.encode(), b"\xff" + GRANULOMA.encode(), GRANULOMA.encode()]
    pq.write_table(pa.table({"report_id": ids, "text": pa.array(texts)}), p)
    r = cli("run", p, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1, r.output  # the third id is not UTF-8
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["status"], x["reason"], x["notes"]) for x in rows] == [
        ("R1", "ok", "", ""),
        ("R2", "ok", "", "invalid_encoding"),
        ("", "error", "invalid_id", ""),
    ]
    assert len(table(tmp_path / "o" / "findings.csv")) == 2


# ------------------------------------------------------------- headerless CSV


def test_no_header_takes_positions(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f"X,R1,{GRANULOMA}\nX,R2,No acute findings.\n", encoding="utf-8")
    out = tmp_path / "o"
    r = cli("run", src, "-o", out, "--no-header", "--id-col", 2, "--text-col", 3)
    assert r.exit_code == 0, r.output
    assert statuses(out) == [("R1", "ok"), ("R2", "ok")]
    assert [f["report_id"] for f in table(out / "findings.csv")] == ["R1"]


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--no-header"],
            "Error: --id-col must be a column position (1, 2, ...) with --no-header, not 'report_id'\n",
        ),
        (
            ["--no-header", "--id-col", "1", "--text-col", "3"],
            "Error: --id-col 1 --text-col 3: the first row has 2 fields (not shown); check --delimiter\n",
        ),
    ],
)
def test_no_header_bad_positions_exit_2(tmp_path, args, message):
    src = tmp_path / "in.csv"
    src.write_text(f"R1,{SECRET}\n", encoding="utf-8")
    r = cli("run", src, "-o", tmp_path / "o", *args)
    assert (r.exit_code, r.output) == (2, message)


def test_no_header_is_for_csv_only(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"report_id": "R1", "text": GRANULOMA}) + "\n")
    r = cli("run", src, "-o", tmp_path / "o", "--no-header")
    assert (r.exit_code, r.output) == (2, "Error: --no-header is for CSV input only\n")


# ------------------------------------------------------------- gzip and format


def _demo_jsonl() -> bytes:
    rows = table(DEMO / "reports.csv")[:5]
    return "".join(
        json.dumps({"report_id": r["report_id"], "text": r["text"]}) + "\n"
        for r in rows
    ).encode()


@pytest.mark.parametrize(
    "name, compress",
    [
        ("in.jsonl.gz", True),
        ("in.gz", True),  # no format in the name: the decompressed text tells
        ("export", False),
        ("in.jsonl.gz", False),  # a .gz name holding plain text is read as it is
        ("in.jsonl", True),  # gzip by its first bytes, whatever the name
    ],
)
def test_jsonl_found_by_name_or_content(tmp_path, name, compress):
    src = tmp_path / name
    body = _demo_jsonl()
    src.write_bytes(gzip.compress(body) if compress else body)
    out = tmp_path / "o"
    r = cli("run", src, "-o", out, "--workers", 1)
    assert r.exit_code == 0, r.output
    assert len(statuses(out)) == 5


def test_csv_gz_and_tsv_gz(tmp_path):
    for name, delim in (("in.csv.gz", ","), ("in.tsv.gz", "\t")):
        src = tmp_path / name
        src.write_bytes(
            gzip.compress(f"report_id{delim}text\nR1{delim}{GRANULOMA}\n".encode())
        )
        out = tmp_path / f"o-{name}"
        r = cli("run", src, "-o", out, "--workers", 1)
        assert r.exit_code == 0, r.output
        assert statuses(out) == [("R1", "ok")]


def test_parquet_name_must_hold_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "real.parquet"
    pq.write_table(pa.table({"report_id": ["R1"], "text": [SECRET]}), p)
    gz = tmp_path / "in.parquet.gz"
    gz.write_bytes(gzip.compress(p.read_bytes()))
    r = cli("run", gz, "-o", tmp_path / "o1")
    assert r.exit_code == 3 and SECRET not in r.output
    assert "is named as Parquet but is gzip-compressed" in r.output
    fake = tmp_path / "fake.parquet"
    fake.write_text(f"report_id,text\nR1,{SECRET}\n", encoding="utf-8")
    r = cli("run", fake, "-o", tmp_path / "o2")
    assert r.exit_code == 3 and SECRET not in r.output
    assert "is named as Parquet but is not Parquet" in r.output


# ------------------------------------------------------------- --limit


def test_limit_processes_the_first_rows_and_the_manifest_says_so(tmp_path):
    out = tmp_path / "o"
    r = cli("run", DEMO / "reports.csv", "-o", out, "--limit", 5, "--workers", 1)
    assert r.exit_code == 0, r.output
    demo_ids = [x["report_id"] for x in table(DEMO / "reports.csv")]
    assert [i for i, _ in statuses(out)] == demo_ids[:5]
    m = json.loads((out / "manifest.json").read_text())
    assert m["limit"] == 5 and m["options"]["limit"] == 5 and m["reports"] == 5
    assert m["inputs"][0]["read_whole"] is False
    out2 = tmp_path / "o2"
    assert cli("run", DEMO / "reports.csv", "-o", out2, "--limit", 1000).exit_code == 0
    m2 = json.loads((out2 / "manifest.json").read_text())
    assert m2["inputs"][0]["read_whole"] is True and m2["reports"] == len(demo_ids)


def test_limit_then_since_manifest_skips_only_the_trial_rows(tmp_path):
    trial = tmp_path / "trial"
    assert cli("run", DEMO / "reports.csv", "-o", trial, "--limit", 5).exit_code == 0
    full = tmp_path / "full"
    r = cli(
        "run",
        DEMO / "reports.csv",
        "-o",
        full,
        "--since-manifest",
        trial / "manifest.json",
    )
    assert r.exit_code == 0, r.output
    got = [s for _, s in statuses(full)]
    assert got[:5] == ["unchanged"] * 5 and "unchanged" not in got[5:]


def test_limit_is_part_of_the_resume_key(tmp_path):
    base = RunOptions(input="in.csv", outdir="o")
    limited = RunOptions(input="in.csv", outdir="o", limit=5)
    assert run_key(base, "v") != run_key(limited, "v")
    assert run_key(limited, "v") == run_key(
        RunOptions(input="in.csv", outdir="o", limit=5, workers=3), "v"
    )


# ------------------------------------------------------------- progress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_with_percentage_and_eta():
    done = {"f": 0.0}
    p = Progress(FakeTTY(), lambda rows: done["f"])
    done["f"] = 0.25
    line = p.line(1000, p.start + 10.0)
    assert line.startswith("[######..................]  25% 1,000 rows, 100/s")
    assert line.endswith("ETA 0:00:30")
    assert (
        Progress(FakeTTY()).line(1000, Progress(None).start + 10.0)
        == "1,000 rows, 100/s"
    )


def test_progress_bar_drawn_on_a_terminal_only(tmp_path, monkeypatch):
    monkeypatch.setattr(Progress, "update", _eager(Progress.update))
    tty = FakeTTY()
    opts = RunOptions(
        input=str(DEMO / "reports.csv"), outdir=str(tmp_path / "o"), chunk_size=5
    )
    run_job(opts, Log("text", stream=tty))
    drawn = tty.getvalue()
    assert "%" in drawn and "100%" in drawn and "rows" in drawn, drawn
    pipe = io.StringIO()
    opts.outdir = str(tmp_path / "o2")
    run_job(opts, Log("text", stream=pipe))
    assert "\r" not in pipe.getvalue() and "%" not in pipe.getvalue()


def _eager(update):
    def draw(self, rows):
        self.last = -1e9  # no 0.25 s wait between redraws in a test
        return update(self, rows)

    return draw


def test_a_nan_id_is_a_missing_id(tmp_path):
    # a float column's null comes as NaN: it named two reports "nan" (the
    # second a duplicate) instead of two reports without an id
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(
        pa.table(
            {
                "report_id": pa.array([1.0, float("nan"), float("nan")]),
                "text": ["Calcified granuloma."] * 3,
            }
        ),
        tmp_path / "in.parquet",
    )
    r = cli("run", tmp_path / "in.parquet", "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1, r.output  # a run with error rows
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["status"], x["reason"]) for x in rows] == [
        ("1", "ok", ""),
        ("", "error", "missing_id"),
        ("", "error", "missing_id"),
    ]


def _holds_rows_parsing_each_line(shape, row: list[str]) -> bool:
    """holds_rows as it was: every line after a field's first parsed as CSV."""
    own = ""
    for field in row:
        for line in field.splitlines()[1:]:
            cell = shape._id_cell(line)
            if cell is None or " " in cell:
                continue
            if not own:
                own = shape.of_id(row[shape.id_i])
                if not own or " " in own:
                    return False
            if shape.of_id(cell) == own and shape.as_long(cell, row[shape.id_i]):
                return True
    return False


_LINE_PARTS = st.sampled_from(
    ["P004", "P 4", '"P004"', ' "P004"', "17", ",", '"', " ", "lung", "a b", "\t"]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(_LINE_PARTS, max_size=5).map("".join), min_size=1, max_size=5),
    st.sampled_from(["P003", "18", "P 3", "", '"P003"']),
    st.sampled_from([(2, 0), (2, 1), (3, 0), (1, 0)]),
)
def test_a_stray_quote_check_reads_prose_lines_as_parsing_them_would(
    lines, rid, width_at
):
    """The check for rows swallowed by a stray quote passes over a line whose
    text before its first comma holds a space without parsing it: the same
    answer as parsing every line."""
    from calc_nlp.csv_reader import _Shape

    width, id_i = width_at
    shape = _Shape(",", width, id_i)
    field = "\n".join(["first line", *lines])
    row = [rid, field, "x"][:width] if id_i == 0 else [field, rid, "x"][:width]
    if len(row) <= id_i:
        return
    assert shape.holds_rows(row) == _holds_rows_parsing_each_line(shape, row)


def test_a_stray_quote_check_parses_no_line_of_prose(monkeypatch):
    from calc_nlp.csv_reader import _Shape

    shape = _Shape(",", 2, 0)
    parsed = []
    real = shape._id_cell
    monkeypatch.setattr(shape, "_id_cell", lambda line: parsed.append(line) or real(line))
    prose = "FINDINGS: clear lungs, normal heart.\nImpression: no acute disease, stable."
    assert not shape.holds_rows(["P003", prose])
    assert parsed == []
    assert shape.holds_rows(["P003", prose + "\nP004,a later row"])
    assert parsed == ["P004,a later row"]


# ------------------------------------------------------------- joined exports

_PART_A = [["A1", GRANULOMA], ["A2", "No acute findings."]]
_PART_B = [["B1", "Coronary artery calcification, moderate."], ["B2", SECRET]]


def _part(rows, header=("report_id", "text"), bom=False) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode()


def _joined(tmp_path: Path, *parts: bytes, gz: bool = False) -> Path:
    """`cat part1.csv part2.csv > all.csv` (gzip'd as one stream with `gz`)."""
    data = b"".join(parts)
    src = tmp_path / ("all.csv.gz" if gz else "all.csv")
    src.write_bytes(gzip.compress(data) if gz else data)
    return src


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("bom", [False, True])
def test_a_repeated_header_of_joined_parts_is_not_a_report(tmp_path, gz, bom):
    """Parts of an export joined with `cat`: each later part's header line was
    read as a report of id "report_id" (an invented report). It is skipped,
    keeps its row number, counted in the manifest and logged by number."""
    src = _joined(tmp_path, _part(_PART_A), _part(_PART_B, bom=bom), gz=gz)
    out = tmp_path / "o"
    r = cli("run", src, "-o", out, "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = table(out / "reports.csv")
    assert [(x["report_id"], x["status"], x["row"]) for x in rows] == [
        ("A1", "ok", "1"),
        ("A2", "ok", "2"),
        ("B1", "ok", "4"),
        ("B2", "ok", "5"),
    ]
    m = json.loads((out / "manifest.json").read_text())
    assert m["reports"] == 4 and m["counts"]["ok"] == 4
    assert m["repeated_headers"] == {"count": 1, "rows": [3], "reordered_rows": []}
    assert "repeated_header" in r.output and "rows=3" in r.output
    assert SECRET not in r.output


def test_a_reordered_repeated_header_remaps_the_rows_after_it(tmp_path):
    """A later part naming the same columns in another order: its rows are read
    by its own header (never its text as an id)."""
    flipped = [[t, i] for i, t in _PART_B]
    src = _joined(
        tmp_path, _part(_PART_A), _part(flipped, header=("text", "report_id"))
    )
    out = tmp_path / "o"
    r = cli("run", src, "-o", out, "--workers", 1)
    assert r.exit_code == 0, r.output
    assert statuses(out) == [("A1", "ok"), ("A2", "ok"), ("B1", "ok"), ("B2", "ok")]
    found = {f["report_id"] for f in table(out / "findings.csv")}
    assert found == {"A1", "B1"}
    m = json.loads((out / "manifest.json").read_text())
    assert m["repeated_headers"] == {"count": 1, "rows": [3], "reordered_rows": [3]}


def test_a_repeated_header_in_other_capitals_is_not_a_report(tmp_path):
    """Columns are found ignoring case: so is a joined part's header."""
    src = _joined(
        tmp_path, _part(_PART_A), _part(_PART_B, header=(" REPORT_ID", "Text"))
    )
    out = tmp_path / "o"
    assert cli("run", src, "-o", out, "--workers", 1).exit_code == 0
    assert statuses(out) == [("A1", "ok"), ("A2", "ok"), ("B1", "ok"), ("B2", "ok")]


def test_joined_parts_same_outputs_with_one_or_two_workers(tmp_path):
    parts = [_part([[f"P{k}{i:02d}", t] for i, (_, t) in enumerate(_PART_A * 8)])
             for k in range(3)]
    src = _joined(tmp_path, *parts)
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"o{workers}"
        r = cli("run", src, "-o", out, "--workers", workers, "--chunk-size", 5)
        assert r.exit_code == 0, r.output
        outs.append(out)
    for name in ("findings.csv", "reports.csv", "errors.csv", "texts.jsonl"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    m = json.loads((outs[1] / "manifest.json").read_text())
    assert m["reports"] == 48 and m["repeated_headers"]["rows"] == [17, 34]


def test_limit_counts_no_repeated_header_past_it(tmp_path):
    src = _joined(tmp_path, _part(_PART_A), _part(_PART_B))
    out = tmp_path / "o"
    assert cli("run", src, "-o", out, "--workers", 1, "--limit", 2).exit_code == 0
    m = json.loads((out / "manifest.json").read_text())
    assert m["reports"] == 2 and m["repeated_headers"]["count"] == 0
    assert m["inputs"][0]["read_whole"] is False


def test_joined_parts_since_manifest(tmp_path):
    src = _joined(tmp_path, _part(_PART_A), _part(_PART_B))
    o1, o2 = tmp_path / "o1", tmp_path / "o2"
    assert cli("run", src, "-o", o1, "--workers", 1).exit_code == 0
    r = cli("run", src, "-o", o2, "--workers", 1, "--since-manifest",
            o1 / "manifest.json")
    assert r.exit_code == 0, r.output
    assert [s for _, s in statuses(o2)] == ["unchanged"] * 4
    m = json.loads((o2 / "manifest.json").read_text())
    assert m["reports"] == 4 and m["repeated_headers"]["count"] == 1


def test_ids_are_read_without_the_spaces_around_them(tmp_path):
    # exports pad ids: ' P1 ' is P1, so a later row of id P1 repeats it
    src = tmp_path / "r.csv"
    src.write_text(
        'report_id,text\n" P1 ",Calcified granuloma.\nP1,Aortic calcification.\n',
        encoding="utf-8",
    )
    r = cli("run", str(src), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1, r.output
    assert statuses(tmp_path / "out") == [("P1", "ok"), ("P1", "duplicate_id")]
