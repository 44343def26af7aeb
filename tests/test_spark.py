"""Spark engine on local[2]: the same findings as the local engine."""

from __future__ import annotations

import csv
import os
import shutil
import sys

import pytest
from click.testing import CliRunner

from calc_nlp.cli import main

from .conftest import DEMO

pyspark = pytest.importorskip(
    "pyspark", reason="PySpark not installed (make test installs the spark extra)"
)
if shutil.which("java") is None:  # pragma: no cover
    pytest.skip("no Java runtime for Spark", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "8")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def local_findings(tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    assert (
        CliRunner()
        .invoke(
            main,
            [
                "run",
                str(DEMO / "reports.csv"),
                "-o",
                str(out),
                "--workers",
                "1",
                "--raw",
            ],
        )
        .exit_code
        == 0
    )
    with open(out / "findings.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_findings_dataframe_equals_local_engine(spark, local_findings):
    from calc_nlp.schema import FINDING_COLUMNS, FINDING_TYPES
    from calc_nlp.spark import findings_dataframe
    from calc_nlp.writers import cell_text

    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        rows = [(r["report_id"], r["text"]) for r in csv.DictReader(fh)]
    df = spark.createDataFrame(rows, ["report_id", "text"]).repartition(3)
    got = findings_dataframe(df).collect()
    assert list(got[0].asDict()) == list(FINDING_COLUMNS)

    def as_csv(r):
        # Spark's typed values as the local CSV writes them (the demo has no
        # formula-start cells, so no neutralising is involved)
        return {k: cell_text(v, FINDING_TYPES.get(k)) for k, v in r.items()}

    key = lambda r: (r["report_id"], int(r["start_char"]))  # noqa: E731
    assert sorted((as_csv(r.asDict()) for r in got), key=key) == sorted(
        local_findings, key=key
    )


def test_cli_spark_engine_writes_the_same_files(tmp_path, local_findings):
    out = tmp_path / "spark"
    r = CliRunner().invoke(
        main,
        [
            "run",
            str(DEMO / "reports.csv"),
            "-o",
            str(out),
            "--engine",
            "spark",
            "--spark-master",
            "local[2]",
            "--raw",
        ],
    )
    assert r.exit_code == 0, r.output
    with open(out / "findings.csv", encoding="utf-8", newline="") as fh:
        assert list(csv.DictReader(fh)) == local_findings


def test_spark_run_folder_works_with_review_and_since_manifest(tmp_path):
    """A Spark run goes through the local engine's writer: errors.csv, texts and
    a full manifest, so review and --since-manifest work on its folder."""
    import json

    from calc_nlp.review import build_page

    src = tmp_path / "in.csv"
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        # Spark's CSV reader turns CRLF inside a quoted field into LF (another
        # text, another hash): this export has LF only
        rows = [[c.replace("\r\n", "\n") for c in row] for row in csv.reader(fh)]
    rows.append([rows[1][0], rows[2][1]])  # a duplicate id: an errors.csv row
    with open(src, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    spark_out, local_out = tmp_path / "spark", tmp_path / "local"
    base = ["run", str(src), "--workers", "1"]
    r = CliRunner().invoke(
        main,
        [
            *base,
            "-o",
            str(spark_out),
            "--engine",
            "spark",
            "--spark-master",
            "local[2]",
        ],
    )
    assert r.exit_code == 1, r.output  # 1: rows in errors.csv
    assert CliRunner().invoke(main, [*base, "-o", str(local_out)]).exit_code == 1
    for name in ("findings.csv", "reports.csv", "errors.csv", "texts.jsonl"):
        assert (spark_out / name).read_bytes() == (local_out / name).read_bytes(), name
    manifest = json.loads((spark_out / "manifest.json").read_text())
    assert manifest["engine"] == "spark" and manifest["errors"] == 1
    assert (
        manifest["inputs"][0]["sha256"]
        == json.loads((local_out / "manifest.json").read_text())["inputs"][0]["sha256"]
    )

    page, stats = build_page(spark_out)
    assert stats["texts"] == stats["reports"] > 0 and stats["mismatched"] == 0

    again = tmp_path / "again"
    r = CliRunner().invoke(
        main,
        [*base, "-o", str(again), "--since-manifest", str(spark_out / "manifest.json")],
    )
    assert r.exit_code == 1, r.output
    with open(again / "reports.csv", encoding="utf-8", newline="") as fh:
        statuses = {row["status"] for row in csv.DictReader(fh)}
    assert statuses == {"unchanged", "empty", "duplicate_id"}


def test_spark_run_reports_stage_timings_summed_over_partitions(spark, tmp_path):
    """--engine spark sums each partition's stage timings into the summary and
    the manifest, as the local engine does: every report counted once."""
    import json

    from calc_nlp.runner import RunOptions, run

    src = tmp_path / "in.jsonl"
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        lines = [json.dumps(r) + "\n" for r in csv.DictReader(fh)]
    src.write_text("".join(lines), encoding="utf-8")
    spark.conf.set("spark.sql.files.maxPartitionBytes", "4096")
    try:
        assert spark.read.json(str(src)).rdd.getNumPartitions() > 1
        got = run(
            RunOptions(str(src), str(tmp_path / "spark"), engine="spark", chunk_size=4)
        )
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
    local = run(RunOptions(str(src), str(tmp_path / "local")))

    def counts(timings):
        return {k: v for k, v in timings.items() if k.endswith("_reports")}

    assert counts(got.timings) == counts(local.timings)
    # each report the engine analysed counted once (empty ones are not analysed)
    assert sum(counts(got.timings).values()) == got.counts["ok"] > len(lines) / 2
    assert set(got.timings) == set(local.timings)
    stages = json.loads((tmp_path / "spark" / "manifest.json").read_text())[
        "stage_seconds"
    ]
    assert set(stages) == {k for k in local.timings if not k.endswith("_reports")}
    assert sum(stages.values()) > 0


def test_spark_engine_columns_follow_the_local_rules(tmp_path):
    """Column names ignoring case when one matches, the same suggestion when none
    does, and --limit / --no-header refused (local engine only)."""
    src = tmp_path / "in.csv"
    src.write_text(
        "Report_ID,TEXT\nR1,Calcified granuloma in the right upper lobe.\n",
        encoding="utf-8",
    )
    base = ["run", str(src), "--engine", "spark", "--spark-master", "local[1]"]
    r = CliRunner().invoke(main, [*base, "-o", str(tmp_path / "o")])
    assert r.exit_code == 0, r.output
    with open(tmp_path / "o" / "findings.csv", encoding="utf-8", newline="") as fh:
        assert [f["report_id"] for f in csv.DictReader(fh)] == ["R1"]
    r = CliRunner().invoke(
        main, [*base, "-o", str(tmp_path / "o2"), "--text-col", "body"]
    )
    assert r.exit_code == 2
    assert "no column 'body'; the input has columns: 'Report_ID', 'TEXT'" in r.output
    r = CliRunner().invoke(main, [*base, "-o", str(tmp_path / "o3"), "--limit", "1"])
    assert r.exit_code == 2 and "local engine only" in r.output


def test_missing_string_cells_reach_the_reader_as_none_whatever_the_pandas_version():
    import math

    import pandas as pd

    from calc_nlp.spark import _cells

    # pandas 3 hands a string column's nulls to mapInPandas as NaN, pandas 2 as None
    text = pd.Series(["a report", float("nan"), None], dtype=object)
    assert _cells(text) == ["a report", None, None]
    numbers = pd.Series([1.5, float("nan")])
    kept = _cells(numbers)
    assert kept[0] == 1.5 and math.isnan(kept[1])


def _run_both(src, tmp_path, exit_code: int, *args: str) -> dict:
    """`calc-nlp run SRC --format parquet ARGS` with each engine (Spark on
    local[1]), each run's exit code checked: engine -> its output folder."""
    outs = {}
    for engine in ("local", "spark"):
        out = tmp_path / engine
        r = CliRunner().invoke(
            main,
            ["run", str(src), "-o", str(out), "--format", "parquet", *args]
            + ["--engine", engine, "--spark-master", "local[1]", "--workers", "1"],
        )
        assert r.exit_code == exit_code, r.output
        outs[engine] = out
    return outs


def _tables(out) -> list:
    """A run's reports and findings tables."""
    import pandas as pd

    return [pd.read_parquet(out / f"{t}.parquet") for t in ("reports", "findings")]


def test_null_numbers_of_a_parquet_input_are_missing_values_as_in_the_local_engine(
    tmp_path,
):
    """PySpark hands a null of an integer or timestamp column to mapInPandas as
    pandas' NA / NaT: the id column's null was the report id "<NA>" (a report
    that run lists as missing_id got findings), a kept integer column's null
    failed the run (exit 7) and a kept timestamp's null was the text "NaT"."""
    import datetime

    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    text = "Calcified granuloma in the right upper lobe."
    src = tmp_path / "in.parquet"
    pq.write_table(
        pa.table(
            {
                "report_id": pa.array([2**53 + 1, None, 7], pa.int64()),
                "text": [text, text, text],
                "n": pa.array([None, 3, 2**53 + 1], pa.int64()),
                "ok": pa.array([None, True, False], pa.bool_()),
                "day": pa.array([datetime.date(2020, 1, 2), None, None], pa.date32()),
            }
        ),
        src,
    )
    keep = ["--keep-col", "n", "--keep-col", "ok", "--keep-col", "day"]
    outs = {}
    # the missing id is an errors.csv row: exit 1
    for engine, out in _run_both(src, tmp_path, 1, *keep).items():
        outs[engine] = _tables(out)
    assert outs["local"][0]["reason"].tolist() == ["", "missing_id", ""]
    for local, spark in zip(outs["local"], outs["spark"], strict=True):
        pd.testing.assert_frame_equal(local, spark)


def test_findings_dataframe_reads_rows_as_run_does(spark):
    """findings_dataframe analysed a binary text column (a string column written
    without its UTF8 annotation) as empty texts, losing every finding, and gave
    a row without an id (null, or an integer column's null) findings under the
    id "" or "<NA>" where run lists a missing_id error row. It now checks each
    row as the readers do: the findings are extract's (run's) of the same rows."""
    import pandas as pd
    from pyspark.sql import types as T

    import calc_nlp
    from calc_nlp.spark import findings_dataframe

    texts = [
        "Calcified granuloma in the right upper lobe.",
        "Calcified granuloma in the left lower lobe. No renal calcification.",
        "Mitral annular calcification.",
    ]
    rows = [
        (2**53 + 1, texts[0].encode()),
        (None, texts[1].encode()),
        (7, texts[2].encode()),
    ]
    schema = T.StructType(
        [
            T.StructField("report_id", T.LongType()),
            T.StructField("text", T.BinaryType()),
        ]
    )
    # one partition: the null id and the id past 2**53 in one Arrow batch,
    # whose integer column pandas then read as float64 (...993 as ...992)
    got = findings_dataframe(spark.createDataFrame(rows, schema).coalesce(1)).toPandas()
    frame = pd.DataFrame(rows, columns=["report_id", "text"], dtype=object)
    want = calc_nlp.extract(frame).findings
    assert want["report_id"].tolist() == ["9007199254740993", "7"]
    key = ["report_id", "start_char"]
    pd.testing.assert_frame_equal(
        got.sort_values(key).reset_index(drop=True),
        want.sort_values(key).reset_index(drop=True),
        check_dtype=False,
    )
    strings = spark.createDataFrame(
        [(None, texts[1]), (8, texts[2])], "report_id long, text string"
    )
    assert {r.report_id for r in findings_dataframe(strings).collect()} == {"8"}


def test_jsonl_rows_of_the_spark_engine_are_the_local_engines(tmp_path):
    """Spark's JSON reader typed a column of mixed JSON values as text: an id
    3.0 became "3.0" (the local engine's "3": other report and finding ids), a
    kept 1.0 "1.0", a number text was analysed instead of text_not_a_string,
    a lone surrogate became "?" (which made the finding uncertain) and an
    invalid line a missing_id row. The executors now parse each line with
    the local reader's parser."""
    import json

    import pandas as pd

    text = "Calcified granuloma in the right upper lobe."
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"report_id": 3.0, "text": text, "k": 1.0}),
        json.dumps({"report_id": "R2", "text": 12345, "k": "x"}),
        "",
        json.dumps(
            {"report_id": "R3", "text": "Calcified granuloma\ud800 here.", "k": 2}
        ),
        "{not json",
        json.dumps({"REPORT_ID": True, "Text": text, "k": None}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tables = {}
    for engine, out in _run_both(src, tmp_path, 1, "--keep-col", "k").items():
        tables[engine] = [*_tables(out), (out / "errors.csv").read_bytes()]
    reports = tables["local"][0]
    assert reports["report_id"].tolist() == ["3", "R2", "R3", "", "true"]
    assert reports["reason"].tolist()[1] == "text_not_a_string"
    for local, spark in zip(tables["local"], tables["spark"], strict=True):
        if isinstance(local, bytes):
            assert local == spark
        else:
            pd.testing.assert_frame_equal(local, spark)


def test_kept_timestamps_are_the_same_instant_whatever_the_spark_time_zone(
    tmp_path, monkeypatch
):
    """Spark hands a timestamp to pandas as the wall time of its session's time
    zone, without the zone: with a session in New York a kept exam time
    10:30 UTC was written "2020-01-01 05:30:00", five hours off the local
    engine's "2020-01-01 10:30:00+00:00". It is now sent as the instant."""
    import datetime

    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession

    src = tmp_path / "in.parquet"
    when = datetime.datetime(2020, 1, 1, 10, 30, 0, 123456)
    pq.write_table(
        pa.table(
            {
                "report_id": ["R1", "R2"],
                "text": ["Calcified granuloma in the right upper lobe."] * 2,
                "exam": pa.array([when, None], pa.timestamp("us", tz="UTC")),
            }
        ),
        src,
    )
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    session = SparkSession.builder.master("local[1]").getOrCreate()
    zone = session.conf.get("spark.sql.session.timeZone")
    session.conf.set("spark.sql.session.timeZone", "America/New_York")
    try:
        reports = {}
        for engine in ("local", "spark"):
            out = tmp_path / engine
            r = CliRunner().invoke(
                main,
                ["run", str(src), "-o", str(out), "--format", "parquet"]
                + ["--keep-col", "exam", "--engine", engine, "--workers", "1"],
            )
            assert r.exit_code == 0, r.output
            reports[engine] = pd.read_parquet(out / "reports.parquet")
    finally:
        session.conf.set("spark.sql.session.timeZone", zone)
    # (a missing value: None under pandas 2, NaN under pandas 3's str dtype)
    assert [None if pd.isna(v) else v for v in reports["local"]["exam"]] == [
        "2020-01-01 10:30:00.123456+00:00",
        None,
    ]
    pd.testing.assert_frame_equal(reports["local"], reports["spark"])


def test_ragged_csv_rows_are_error_rows_in_the_spark_engine_too(tmp_path):
    """Spark's CSV reader fills a row of too few fields with nulls and drops a
    row's extra fields: a text cut at an unquoted comma was analysed as its
    first piece (the findings after the comma lost) and the rest of the text
    written into the next (kept) column, where the local engine writes a
    ragged_row error row (its columns may be shifted: nothing of it kept)."""
    import pandas as pd

    src = tmp_path / "in.csv"
    src.write_text(
        "report_id,text,ward\n"
        "R1,Calcified granuloma in the right upper lobe.,north\n"
        "R2,Aortic calcification, and a calcified granuloma in the left lung.,south\n"
        "R3,Mitral annular calcification.\n"
        "R4,Coronary artery calcification.,east\n",
        encoding="utf-8",
    )
    outs = {}
    for engine, out in _run_both(src, tmp_path, 1, "--keep-col", "ward").items():
        outs[engine] = [*_tables(out), (out / "errors.csv").read_bytes()]
    assert outs["local"][0]["reason"].tolist() == ["", "ragged_row", "ragged_row", ""]
    for local, spark in zip(outs["local"], outs["spark"], strict=True):
        if isinstance(local, bytes):
            assert local == spark
        else:
            pd.testing.assert_frame_equal(local, spark)


def _joined_parts(tmp_path, second_header="report_id,text"):
    """Two parts of an export joined with `cat`, the second opening on its own
    header line and byte-order mark."""
    src = tmp_path / "joined.csv"
    src.write_bytes(
        b"report_id,text\r\n"
        b"A1,Calcified granuloma in the right upper lobe.\r\n"
        b"A2,No acute findings.\r\n"
        + "\ufeff".encode()
        + second_header.encode()
        + b"\r\n"
        + (
            b"B1,Mitral annular calcification.\r\nB2,Normal study.\r\n"
            if second_header.startswith("report_id")
            else b"Mitral annular calcification.,B1\r\nNormal study.,B2\r\n"
        )
    )
    return src


def test_joined_csv_parts_headers_are_no_reports_in_the_spark_engine(tmp_path):
    """`cat part1.csv part2.csv` read by Spark: the second part's header line
    was a report of id "\\ufeffreport_id" (invented), and the manifest listed
    no repeated header. It is skipped, keeping its row number, and counted in
    the manifest as the local engine counts it."""
    import json

    import pandas as pd

    src = _joined_parts(tmp_path)
    outs = {}
    for engine, out in _run_both(src, tmp_path, 0).items():
        manifest = json.loads((out / "manifest.json").read_text())
        outs[engine] = _tables(out) + [manifest["repeated_headers"], manifest["reports"]]
    assert outs["local"][0]["report_id"].tolist() == ["A1", "A2", "B1", "B2"]
    assert outs["local"][0]["row"].tolist() == [1, 2, 4, 5]
    assert outs["local"][2] == {"count": 1, "rows": [3], "reordered_rows": []}
    for local, spark in zip(outs["local"], outs["spark"], strict=True):
        if isinstance(local, pd.DataFrame):
            pd.testing.assert_frame_equal(local, spark)
        else:
            assert local == spark


def test_a_reordered_repeated_header_refuses_a_spark_run(tmp_path):
    """A joined part naming the columns in another order (text,report_id):
    Spark read its rows by the first header, each text as an id and each id
    as the text. The run is refused (exit 2) naming the row, never a value."""
    src = _joined_parts(tmp_path, second_header="text,report_id")
    out = tmp_path / "spark"
    r = CliRunner().invoke(
        main,
        ["run", str(src), "-o", str(out), "--engine", "spark"]
        + ["--spark-master", "local[1]"],
    )
    assert r.exit_code == 2, r.output
    assert "row 3" in r.output and "another order" in r.output
    assert "Mitral" not in r.output
    assert not (out / "reports.csv").exists()


def test_jsonl_raw_cr_and_invalid_bytes_read_as_the_local_engine_does(tmp_path):
    """A raw CR inside a JSON string split the line under Spark (its text
    reader ends lines at CR too): the report became two invalid_json rows and
    every later row got another number, where the local reader joins the
    line back (one row, its CR read as written). Invalid UTF-8 bytes, replaced
    by Spark's reader, lost the invalid_encoding note."""
    import pandas as pd

    text = "Calcified granuloma in the right upper lobe."
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"report_id": "R1", "text": "Mitral annular\rcalcification."}\n'
        b'{"report_id": "R2", "text": "Calcified \xff granuloma."}\r\n'
        + f'{{"report_id": "R3", "text": "{text}"}}\n'.encode()
    )
    tables = {}
    for engine, out in _run_both(src, tmp_path, 0).items():
        tables[engine] = _tables(out)
    reports = tables["local"][0]  # a raw CR in a string: read as written
    assert reports["reason"].tolist() == ["", "", ""]
    assert reports["report_id"].tolist() == ["R1", "R2", "R3"]
    assert "R1" in tables["local"][1]["report_id"].tolist()
    assert reports["row"].tolist() == [1, 2, 3]
    assert reports["notes"].tolist() == ["", "invalid_encoding", ""]
    for local, spark in zip(tables["local"], tables["spark"], strict=True):
        pd.testing.assert_frame_equal(local, spark)


def test_csv_files_of_a_folder_in_another_column_order_refuse_a_spark_run(tmp_path):
    """A folder of CSV parts read by Spark, one part's header naming the
    columns in another order: Spark read it by the first part's header, so
    its texts became report ids (text in the id column, the log, errors.csv)
    and its ids were analysed as texts. The run is refused (exit 3)."""
    folder = tmp_path / "parts"
    folder.mkdir()
    (folder / "a.csv").write_text(
        "report_id,text\nA1,Calcified granuloma in the right upper lobe.\n"
    )
    (folder / "b.csv").write_text("text,report_id\nMitral annular calcification.,B1\n")
    out = tmp_path / "spark"
    r = CliRunner().invoke(
        main,
        ["run", str(folder), "--input-format", "csv", "-o", str(out)]
        + ["--engine", "spark", "--spark-master", "local[1]"],
    )
    assert r.exit_code == 3, r.output
    assert "another header" in r.output and "Mitral" not in r.output
    assert not (out / "reports.csv").exists()


def test_invalid_bytes_of_a_csv_row_are_noted_in_the_spark_engine_too(tmp_path):
    """Spark's CSV reader replaces invalid UTF-8 bytes as the local reader
    does, but the row lost its invalid_encoding note."""
    import pandas as pd

    src = tmp_path / "in.csv"
    src.write_bytes(
        b"report_id,text\n"
        b"A1,Calcified \xff granuloma in the right upper lobe.\n"
        b"A2,Mitral annular calcification.\n"
    )
    tables = {}
    for engine, out in _run_both(src, tmp_path, 0).items():
        tables[engine] = pd.read_parquet(out / "reports.parquet")
    assert tables["local"]["notes"].tolist() == ["invalid_encoding", ""]
    pd.testing.assert_frame_equal(tables["local"], tables["spark"])


def test_the_spark_engine_guesses_the_delimiter_as_the_local_one(tmp_path):
    """A `;`-separated export without --delimiter: the local engine guesses
    the delimiter from the header, Spark read the file with ',' and refused
    it (no column 'report_id')."""
    import pandas as pd

    src = tmp_path / "in.csv"
    src.write_text(
        "report_id;text\nA1;Calcified granuloma, right upper lobe.\n"
        "A2;Mitral annular calcification.\n"
    )
    tables = {}
    for engine, out in _run_both(src, tmp_path, 0).items():
        tables[engine] = pd.read_parquet(out / "findings.parquet")
    assert tables["local"]["report_id"].tolist() == ["A1", "A2"]
    pd.testing.assert_frame_equal(tables["local"], tables["spark"])
