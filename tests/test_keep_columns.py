"""`run --keep-col`: input columns copied onto every findings, reports and
errors row, in every format and on both engines, through --resume and
--since-manifest; bad names refused with exit 2 and no value shown."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from calc_nlp import runner
from calc_nlp.cli import main
from calc_nlp.logs import Log
from calc_nlp.runner import RunOptions
from calc_nlp.schema import ERROR_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS

from .conftest import DEMO

SECRET = "SECRET-PATIENT-VALUE"
KEEP = ["patient_id", "exam_date"]


def demo_texts() -> list[str]:
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        return [r["text"] for r in csv.DictReader(fh)]


def write_input(path: Path, n: int = 40, ragged: bool = True) -> Path:
    """Demo texts under ids K000.., a 'Patient_ID' column (matched ignoring case),
    a formula-like date; then a duplicate id, a missing id, an empty text and a
    ragged row (whose values are not read)."""
    texts = demo_texts()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_id", "text", "Patient_ID", "exam_date"])
        for i in range(n):
            w.writerow([f"K{i:03d}", texts[i % len(texts)], f"P{i}", f"=2024-{i}"])
        w.writerow(["K001", "Calcified granuloma.", "PDUP", "d-dup"])
        w.writerow(["", "Calcified granuloma.", "PNOID", "d-noid"])
        w.writerow(["K900", "  ", "PEMPTY", "d-empty"])
        if ragged:  # (Spark's CSV reader pads such rows: not compared there)
            w.writerow(["K901", "ragged"])
    return path


def expected(path: Path) -> dict[int, dict[str, str]]:
    """Row number -> the kept values the input holds for it (ragged: none)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    return {
        n: {"patient_id": r[2], "exam_date": r[3]} if len(r) == 4 else {}
        for n, r in enumerate(rows, 1)
    }


def table(path: Path) -> list[dict[str, str]]:
    """A table's rows as text (CSV cells un-neutralised as `read_table` does)."""
    from calc_nlp.writers import read_table

    fmt = path.suffix.lstrip(".")
    return list(read_table(path, fmt, people=fmt == "csv"))


def cli(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def run(src: Path, out: Path, *extra: object, fmt: str = "csv"):
    args = ["run", src, "-o", out, "--workers", 1, "--format", fmt]
    return cli(*args, "--keep-col", "patient_id", "--keep-cols", "exam_date", *extra)


def check_outputs(src: Path, out: Path, fmt: str) -> None:
    want = expected(src)
    reports = table(out / f"reports.{fmt}")
    assert list(reports[0]) == [*REPORT_COLUMNS, *KEEP]
    assert len(reports) == len(want)
    for r in reports:
        values = want[int(r["row"])] or {k: "" for k in KEEP}
        assert {k: r[k] for k in KEEP} == values, r["row"]
    by_id = {r["report_id"]: int(r["row"]) for r in reports if r["status"] == "ok"}
    findings = table(out / f"findings.{fmt}")
    assert list(findings[0]) == [*FINDING_COLUMNS, *KEEP] and len(findings) > 40
    for f in findings:
        assert {k: f[k] for k in KEEP} == want[by_id[f["report_id"]]]
    errors = table(out / "errors.csv")
    assert list(errors[0]) == [*ERROR_COLUMNS, *KEEP]
    got = {int(e["row"]): (e["patient_id"], e["exam_date"]) for e in errors}
    n = len(want) - 4  # the four special rows come last
    assert got == {
        n + 1: ("PDUP", "d-dup"),
        n + 2: ("PNOID", "d-noid"),
        n + 4: ("", ""),  # ragged: its values are not read
    }


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_kept_columns_on_every_row_in_every_format(tmp_path, fmt):
    src = write_input(tmp_path / "in.csv")
    r = run(src, tmp_path / "o", fmt=fmt)
    assert r.exit_code == 1, r.output  # 1: completed, rows in errors.csv
    check_outputs(src, tmp_path / "o", fmt)
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text())
    assert manifest["kept_columns"] == KEEP
    assert SECRET not in r.output and "P17" not in r.output


def test_a_pool_of_workers_writes_what_one_process_writes(tmp_path):
    """Values are matched to rows in input order, whatever finishes first."""
    src = write_input(tmp_path / "in.csv", 30)
    assert run(src, tmp_path / "one", "--chunk-size", 4).exit_code == 1
    two = ["--chunk-size", 4, "--workers", 2]
    r = cli("run", src, "-o", tmp_path / "two", *two, "--keep-cols", ",".join(KEEP))
    assert r.exit_code == 1, r.output
    for name in ("findings.csv", "reports.csv", "errors.csv"):
        one = (tmp_path / "one" / name).read_bytes()
        assert (tmp_path / "two" / name).read_bytes() == one, name


def test_csv_cells_are_neutralised_and_other_formats_raw(tmp_path):
    src = write_input(tmp_path / "in.csv", 3)
    assert run(src, tmp_path / "c").exit_code == 1
    assert run(src, tmp_path / "j", fmt="jsonl").exit_code == 1
    raw_csv = (tmp_path / "c" / "reports.csv").read_bytes().decode("utf-8")
    assert ",'=2024-0\r\n" in raw_csv
    line = (tmp_path / "j" / "reports.jsonl").read_text(encoding="utf-8").split("\n")[0]
    assert json.loads(line)["exam_date"] == "=2024-0"


def test_parquet_input_keeps_simple_types_jsonl_input_text(tmp_path):
    texts = demo_texts()[:4]
    frame = pd.DataFrame(
        {
            "report_id": ["a", "b", "c", "d"],
            "text": texts,
            "note_id": pd.array([11, 12, None, 14], dtype="Int64"),
            "score": [1.5, 2.0, 3.25, float("nan")],
        }
    )
    frame.to_parquet(tmp_path / "in.parquet", index=False)
    keep = ["--keep-col", "note_id", "--keep-col", "score"]
    r = cli(
        "run",
        tmp_path / "in.parquet",
        "-o",
        tmp_path / "p",
        "--format",
        "parquet",
        *keep,
    )
    assert r.exit_code == 0, r.output
    reports = pd.read_parquet(tmp_path / "p" / "reports.parquet")
    assert (
        reports["note_id"].dtype == "int64"
        or str(reports["note_id"].dtype) == "float64"
    )
    assert reports["note_id"].tolist()[:2] == [11, 12] and pd.isna(
        reports["note_id"][2]
    )
    assert reports["score"].tolist()[:3] == [1.5, 2.0, 3.25]
    with open(tmp_path / "in.jsonl", "w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(
                json.dumps(
                    {"report_id": i, "text": t, "note_id": [7, "7a", None, 1.0][i]}
                )
                + "\n"
            )
    r = cli(
        "run",
        tmp_path / "in.jsonl",
        "-o",
        tmp_path / "j",
        "--format",
        "jsonl",
        "--keep-col",
        "note_id",
    )
    assert r.exit_code == 0, r.output
    rows = [
        json.loads(x)
        for x in (tmp_path / "j" / "reports.jsonl").read_text().splitlines()
    ]
    assert [x["note_id"] for x in rows] == ["7", "7a", None, "1"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_an_unsigned_64_bit_column_is_kept_as_text(tmp_path, fmt):
    # int64 cannot hold 2**64 - 1: the Parquet writer raised OverflowError,
    # exit 7 and no output for any report
    import pyarrow as pa
    import pyarrow.parquet as pq

    big = 2**64 - 1
    pq.write_table(
        pa.table(
            {
                "report_id": ["a", "b", "c"],
                "text": demo_texts()[:3],
                "mrn": pa.array([big, None, 7], pa.uint64()),
            }
        ),
        tmp_path / "in.parquet",
    )
    out = tmp_path / "o"
    args = ["--format", fmt, "--workers", 1, "--keep-col", "mrn"]
    r = cli("run", tmp_path / "in.parquet", "-o", out, *args)
    assert r.exit_code == 0, r.output
    if fmt == "parquet":
        # the file's own values (pandas 3 reads a missing string as NaN)
        values = pq.read_table(out / "reports.parquet").column("mrn").to_pylist()
    else:
        lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
        values = [json.loads(x)["mrn"] for x in lines]
    assert values == [str(big), None, "7"]


def test_spark_engine_writes_what_the_local_engine_writes(tmp_path):
    pytest.importorskip("pyspark", reason="the spark extra is not installed")
    import shutil

    if shutil.which("java") is None:
        pytest.skip("no Java runtime for Spark")
    src = write_input(tmp_path / "in.csv", 12, ragged=False)
    assert run(src, tmp_path / "local").exit_code == 1
    r = run(src, tmp_path / "spark", "--engine", "spark", "--spark-master", "local[1]")
    assert r.exit_code == 1, r.output
    for name in ("findings.csv", "reports.csv", "errors.csv"):
        local = (tmp_path / "local" / name).read_bytes()
        assert (tmp_path / "spark" / name).read_bytes() == local, name


def _opts(src: Path, out: Path, keep: tuple[str, ...], **kw) -> RunOptions:
    return RunOptions(
        input=str(src),
        outdir=str(out),
        keep=keep,
        chunk_size=10,
        checkpoint_seconds=0,
        **kw,
    )


def _interrupted(src: Path, out: Path, keep: tuple[str, ...]) -> None:
    """A run stopped (as by SIGTERM) after its third checkpoint: partial files
    and a checkpoint stay for --resume."""
    real = runner.Outputs.checkpoint
    calls: list[int] = []

    def checkpoint(self, state):
        real(self, state)
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt

    runner.Outputs.checkpoint = checkpoint  # type: ignore[method-assign]
    try:
        with pytest.raises(KeyboardInterrupt):
            runner.run(_opts(src, out, keep), Log(quiet=True))
    finally:
        runner.Outputs.checkpoint = real  # type: ignore[method-assign]
    assert json.loads((out / ".progress.json").read_text())["rows_done"] == 30


def test_resume_continues_with_the_kept_columns(tmp_path):
    src = write_input(tmp_path / "in.csv", 80)
    ref, out = tmp_path / "ref", tmp_path / "out"
    keep = ("patient_id", "exam_date")
    runner.run(_opts(src, ref, keep), Log(quiet=True))
    _interrupted(src, out, keep)
    runner.run(_opts(src, out, keep, resume=True), Log(quiet=True))
    assert json.loads((out / "manifest.json").read_text())["resumed_from_row"] == 30
    for name in ("findings.csv", "reports.csv", "errors.csv"):
        assert (out / name).read_bytes() == (ref / name).read_bytes(), name
    check_outputs(src, out, "csv")


def test_resume_with_other_kept_columns_restarts(tmp_path):
    src = write_input(tmp_path / "in.csv", 40)
    out = tmp_path / "out"
    _interrupted(src, out, ("patient_id",))
    runner.run(_opts(src, out, tuple(KEEP), resume=True), Log(quiet=True))
    assert json.loads((out / "manifest.json").read_text())["resumed_from_row"] == 0
    check_outputs(src, out, "csv")


def test_since_manifest_unchanged_rows_keep_their_values(tmp_path):
    src = write_input(tmp_path / "a.csv", 10)
    assert run(src, tmp_path / "o1").exit_code == 1
    rows = list(csv.reader(open(src, encoding="utf-8", newline="")))
    for r in rows[1:]:
        if len(r) == 4:
            r[2] = r[2] + "-new"  # same texts, new kept values
    with open(tmp_path / "b.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    since = ["--since-manifest", tmp_path / "o1" / "manifest.json"]
    assert run(tmp_path / "b.csv", tmp_path / "o2", *since).exit_code == 1
    reports = table(tmp_path / "o2" / "reports.csv")
    unchanged = [r for r in reports if r["status"] == "unchanged"]
    assert len(unchanged) == 10
    assert [r["patient_id"] for r in unchanged] == [f"P{i}-new" for i in range(10)]


@pytest.mark.parametrize(
    "keep, words",
    [
        (["patient"], ["no column 'patient'", "did you mean 'Patient_ID'?"]),
        (["status"], ["'status'", "output column"]),
        (["Finding_ID"], ["'Finding_ID'", "output column", "'finding_id'"]),
        (["Report_ID"], ["'Report_ID'", "is the id column"]),
        (["TEXT"], ["'TEXT'", "is the text column"]),
        (["patient_id", "PATIENT_ID"], ["more than once"]),
        ([""], ["empty"]),
    ],
)
def test_bad_kept_columns_exit_2_without_values(tmp_path, keep, words):
    src = write_input(tmp_path / "in.csv", 3)
    with open(src, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(["K777", SECRET, SECRET, SECRET])
    args = [a for k in keep for a in ("--keep-col", k)]
    r = cli("run", src, "-o", tmp_path / "o", *args)
    assert r.exit_code == 2, r.output
    for word in words:
        assert word in r.output
    assert SECRET not in r.output and "P1" not in r.output
    assert not (tmp_path / "o" / "reports.csv").exists()


def test_a_kept_column_spelled_as_the_id_column_is_refused(tmp_path):
    """'report_ID' is not the name 'report_id' but matches the id column."""
    src = tmp_path / "in.csv"
    src.write_text("Report_Id,text\n1,Calcified granuloma.\n", encoding="utf-8")
    r = cli(
        "run",
        src,
        "-o",
        tmp_path / "o",
        "--id-col",
        "Report_Id",
        "--keep-col",
        "REPORT_ID",
    )
    assert r.exit_code == 2 and "is the id column" in r.output, r.output


def test_no_header_keeps_positions_as_col_n(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("A1,x,Calcified granuloma in the RUL.,2024\n", encoding="utf-8")
    args = [
        "--no-header",
        "--id-col",
        1,
        "--text-col",
        3,
        "--keep-col",
        4,
        "--keep-col",
        2,
    ]
    r = cli("run", src, "-o", tmp_path / "o", *args)
    assert r.exit_code == 0, r.output
    (report,) = table(tmp_path / "o" / "reports.csv")
    assert (report["col4"], report["col2"]) == ("2024", "x")
    assert list(report)[-2:] == ["col4", "col2"]
    r = cli("run", src, "-o", tmp_path / "p", *args[:5], "--keep-col", "patient")
    assert r.exit_code == 2 and "must be a column position" in r.output


def test_a_txt_folder_has_no_columns_to_keep(tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "a.txt").write_text("Calcified granuloma.", encoding="utf-8")
    r = cli("run", folder, "-o", tmp_path / "o", "--keep-col", "mrn")
    assert r.exit_code == 2 and "--keep-col needs a CSV, JSONL or Parquet" in r.output


def test_note_nlp_export_reads_a_kept_note_id(tmp_path):
    """A real run keeping integer note ids; the export takes them as note_id."""
    texts = demo_texts()
    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_id", "text", "note_id"])
        for i, t in enumerate(texts):
            w.writerow([f"R-{i}", t, 5000 + i])
    for fmt in ("csv", "parquet"):
        out = tmp_path / fmt
        r = cli("run", src, "-o", out, "--format", fmt, "--keep-col", "note_id")
        assert r.exit_code == 0, r.output
        dest = tmp_path / f"nn-{fmt}.csv"
        r = cli("export", "note-nlp", out, "-o", dest, "--note-id-col", "note_id")
        assert r.exit_code == 0, r.output
        findings = table(out / f"findings.{fmt}")
        exported = list(csv.DictReader(open(dest, encoding="utf-8", newline="")))
        assert len(exported) == len(findings) > 20
        assert [e["note_id"] for e in exported] == [
            str(5000 + int(f["report_id"][2:])) for f in findings
        ]


def test_review_cards_show_kept_names_and_values(tmp_path):
    """The curator sees each report's kept values; a hostile value stays data."""
    import re

    from calc_nlp.review import build_page

    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_id", "text", "mrn"])
        w.writerow(["A", "Calcified granuloma in the RUL.", "<script>x</script>"])
        w.writerow(["B", "Pelvic phleboliths.", "M-2"])
    assert cli("run", src, "-o", tmp_path / "o", "--keep-col", "mrn").exit_code == 0
    page, _ = build_page(tmp_path / "o")
    assert "<script>x</script>" not in page
    blob = re.search(r'id="data">(.*?)</script>', page, re.S).group(1)
    cards = {r["report_id"]: r["kept"] for r in json.loads(blob)["reports"]}
    assert cards == {"A": [["mrn", "<script>x</script>"]], "B": [["mrn", "M-2"]]}
    assert 'esc(k) + " " + esc(v)' in page  # names and values escaped on the card


def test_review_card_shows_the_processed_row_not_a_later_duplicate(tmp_path):
    """A later row with the same id (duplicate_id, not processed) leaves the
    card of the processed one alone: its kept values and class stay its own
    (the duplicate's MRN used to be shown beside the first row's text)."""
    import re

    from calc_nlp.review import build_page

    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_id", "text", "mrn"])
        w.writerow(["A", "Calcified granuloma in the RUL.", "MRN-FIRST"])
        w.writerow(["A", "Pelvic phleboliths.", "MRN-OTHER"])
    assert cli("run", src, "-o", tmp_path / "o", "--keep-col", "mrn").exit_code == 1
    page, _ = build_page(tmp_path / "o")
    blob = re.search(r'id="data">(.*?)</script>', page, re.S).group(1)
    (card,) = json.loads(blob)["reports"]
    assert card["kept"] == [["mrn", "MRN-FIRST"]]
    assert card["classification"] == "dystrophic"
    assert "MRN-OTHER" not in page


def strict_loads(text: str):
    """JSON as a strict reader (jq, Spark, JSON.parse) takes it: no NaN/Infinity."""

    def refuse(name: str):
        raise AssertionError(f"non-standard JSON literal {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_non_finite_kept_floats_are_written_as_strict_json(tmp_path, fmt):
    # a Parquet float column holding inf / -inf: findings.jsonl held the
    # literals Infinity / -Infinity, which strict JSON readers refuse
    import re

    import pyarrow as pa
    import pyarrow.parquet as pq

    from calc_nlp.review import build_page

    inf = float("inf")
    pq.write_table(
        pa.table(
            {
                "report_id": ["a", "b", "c", "d"],
                "text": ["Calcified granuloma in the right upper lobe."] * 4,
                "score": pa.array([inf, -inf, float("nan"), 1.5], pa.float64()),
            }
        ),
        tmp_path / "in.parquet",
    )
    out = tmp_path / "o"
    args = ["--format", fmt, "--workers", 1, "--keep-col", "score", "--raw"]
    r = cli("run", tmp_path / "in.parquet", "-o", out, *args)
    assert r.exit_code == 0, r.output
    for name in ("findings", "reports"):
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            values = pq.read_table(path).column("score").to_pylist()
            assert values == [inf, -inf, None, 1.5]
        elif fmt == "jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            values = [strict_loads(x)["score"] for x in lines]
            assert values == ["Infinity", "-Infinity", None, 1.5]
        else:
            assert [x["score"] for x in table(path)] == [
                "Infinity", "-Infinity", "", "1.5"
            ]
    strict_loads((out / "manifest.json").read_text(encoding="utf-8"))
    for line in (out / "texts.jsonl").read_text(encoding="utf-8").splitlines():
        strict_loads(line)
    page, _ = build_page(out)
    strict_loads(re.search(r'id="data">(.*?)</script>', page, re.S).group(1))


def test_a_jsonl_number_out_of_float_range_is_kept_as_infinity_text(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"report_id": "a", "text": "Calcified granuloma.", "v": 1e999}\n'
        '{"report_id": "b", "text": "Calcified granuloma.", "v": -1e999}\n',
        encoding="utf-8",
    )
    out = tmp_path / "o"
    r = cli("run", src, "-o", out, "--format", "jsonl", "--keep-col", "v")
    assert r.exit_code == 0, r.output
    lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert [strict_loads(x)["v"] for x in lines] == ["Infinity", "-Infinity"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_review_card_shows_a_kept_float_as_the_csv_holds_it(tmp_path, fmt):
    # read back from JSONL or Parquet, a kept float was cut to two decimals
    # on the curator's card (0.123456 as "0.12", 1.5 as "1.50")
    import re

    import pyarrow as pa
    import pyarrow.parquet as pq

    from calc_nlp.review import build_page

    pq.write_table(
        pa.table(
            {
                "report_id": ["a", "b", "c"],
                "text": ["Calcified granuloma in the right upper lobe."] * 3,
                "score": pa.array([0.123456, 1.5, float("inf")], pa.float64()),
            }
        ),
        tmp_path / "in.parquet",
    )
    out = tmp_path / "o"
    args = ["--format", fmt, "--workers", 1, "--keep-col", "score"]
    assert cli("run", tmp_path / "in.parquet", "-o", out, *args).exit_code == 0
    page, _ = build_page(out)
    blob = re.search(r'id="data">(.*?)</script>', page, re.S).group(1)
    cards = {r["report_id"]: r["kept"] for r in strict_loads(blob)["reports"]}
    assert cards == {
        "a": [["score", "0.123456"]],
        "b": [["score", "1.5"]],
        "c": [["score", "Infinity"]],
    }
