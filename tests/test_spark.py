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
    "pyspark", reason="PySpark not installed (pip install calc-nlp[spark])"
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
    from calc_nlp.schema import FINDING_COLUMNS
    from calc_nlp.spark import findings_dataframe

    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        rows = [(r["report_id"], r["text"]) for r in csv.DictReader(fh)]
    df = spark.createDataFrame(rows, ["report_id", "text"]).repartition(3)
    got = findings_dataframe(df).collect()
    assert list(got[0].asDict()) == list(FINDING_COLUMNS)

    def norm(r):
        return {
            k: (
                ""
                if v is None
                else (
                    "true"
                    if v is True
                    else "false"
                    if v is False
                    else f"{v:.2f}"
                    if isinstance(v, float)
                    else str(v)
                )
            )
            for k, v in r.items()
        }

    key = lambda r: (r["report_id"], int(r["start_char"]))  # noqa: E731
    assert sorted((norm(r.asDict()) for r in got), key=key) == sorted(
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
