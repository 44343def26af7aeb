"""calc-nlp on Spark: the same pipeline, one cached copy per Python worker.

    from calc_nlp.spark import findings_dataframe
    findings = findings_dataframe(reports_df, id_col="report_id", text_col="text")

`findings_dataframe` maps each partition through `mapInPandas`; the pipeline
is built once per Python worker process and kept in a module global (spaCy
pipelines cannot be shipped to executors, and building one costs about a
second). Keep `spark.sql.execution.arrow.maxRecordsPerBatch` small (200-1000)
for long texts. Install with `pip install calc-nlp[spark]`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from typing import Any

from calc_nlp.schema import FINDING_COLUMNS, FINDING_TYPES, REPORT_COLUMNS, REPORT_TYPES

_ENGINE: Any = None
_ROW = "_calc_nlp_row"


def _engine(patterns: str | None) -> Any:
    """The pipeline of this Python worker, built on first use."""
    global _ENGINE
    if _ENGINE is None:
        from calc_nlp.engine import Engine

        _ENGINE = Engine(patterns)
    return _ENGINE


def _spark_type(kind: str | None) -> Any:
    from pyspark.sql import types as T

    return {"int": T.LongType(), "float": T.DoubleType(), "bool": T.BooleanType()}.get(
        kind or "", T.StringType()
    )


def findings_schema() -> Any:
    """The findings table's columns, in order, with their types (schema.py)."""
    from pyspark.sql import types as T

    return T.StructType(
        [
            T.StructField(c, _spark_type(FINDING_TYPES.get(c)), True)
            for c in FINDING_COLUMNS
        ]
    )


def _typed(row: dict[str, str], types: dict[str, str]) -> dict[str, Any]:
    from calc_nlp.io import _typed as cast

    return {c: cast(v, types.get(c)) for c, v in row.items()}


def findings_dataframe(
    df: Any,
    id_col: str = "report_id",
    text_col: str = "text",
    patterns: str | None = None,
) -> Any:
    """A Spark DataFrame of reports (id and text columns) -> its findings DataFrame.

    The findings have exactly the columns and types of findings.csv /
    findings.parquet from `calc-nlp run`.
    """
    import pandas as pd

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        engine = _engine(patterns)
        for pdf in batches:
            rows: list[dict[str, Any]] = []
            for rid, text in zip(pdf[id_col], pdf[text_col], strict=False):
                _, frows, _ = engine.process(
                    0, _id(rid), text if isinstance(text, str) else ""
                )
                rows += [_typed(f, FINDING_TYPES) for f in frows]
            yield pd.DataFrame(rows, columns=list(FINDING_COLUMNS))

    return df.select(id_col, text_col).mapInPandas(run, findings_schema())


def _id(value: Any) -> str:
    from calc_nlp.io import _id_text

    return _id_text(value)


def _rows_dataframe(df: Any, id_col: str, text_col: str, patterns: str | None) -> Any:
    """Both tables for the CLI: one row per output row, as JSON, with its input row."""
    import pandas as pd
    from pyspark.sql import types as T

    schema = T.StructType(
        [
            T.StructField("row", T.LongType()),
            T.StructField("kind", T.StringType()),
            T.StructField("seq", T.LongType()),
            T.StructField("json", T.StringType()),
        ]
    )

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        engine = _engine(patterns)
        for pdf in batches:
            out: list[tuple[int, str, int, str]] = []
            for row, rid, text in zip(
                pdf[_ROW], pdf[id_col], pdf[text_col], strict=False
            ):
                rrow, frows, _ = engine.process(
                    int(row) + 1, _id(rid), text if isinstance(text, str) else ""
                )
                out.append((int(row), "report", 0, json.dumps(rrow)))
                out += [
                    (int(row), "finding", k, json.dumps(f)) for k, f in enumerate(frows)
                ]
            yield pd.DataFrame(out, columns=["row", "kind", "seq", "json"])

    return df.select(_ROW, id_col, text_col).mapInPandas(run, schema)


def run_spark(opts: Any, master: str | None, log: Any) -> Any:
    """`calc-nlp run --engine spark`: read with Spark, process on the executors,
    write the same tables as the local engine (in input order, via the driver)."""
    import time
    from pathlib import Path

    try:
        from pyspark.sql import SparkSession
        from pyspark.sql import functions as F
    except ImportError:
        from calc_nlp.errors import UsageError

        raise UsageError(
            "--engine spark needs PySpark: pip install 'calc-nlp[spark]'"
        ) from None
    from calc_nlp.errors import InputError
    from calc_nlp.io import PartialTable, detect_format
    from calc_nlp.rules import load_rules
    from calc_nlp.runner import MANIFEST, RunSummary, _atomic_json

    t0 = time.perf_counter()
    rules = load_rules(opts.patterns)
    fmt = detect_format(opts.input, opts.input_format)
    # Executors' Python workers use this interpreter (and its calc-nlp) unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("calc-nlp")
    if master:
        builder = builder.master(master)
    spark = (
        builder.config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "500")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    reader = spark.read
    if fmt == "csv":
        df = reader.options(
            header=True,
            multiLine=True,
            escape='"',
            encoding=opts.encoding,
            sep=opts.delimiter or ",",
        ).csv(opts.input)
    elif fmt == "jsonl":
        df = reader.json(opts.input)
    elif fmt == "parquet":
        df = reader.parquet(opts.input)
    else:
        raise InputError("--engine spark reads CSV, JSONL or Parquet")
    missing = [c for c in (opts.id_col, opts.text_col) if c not in df.columns]
    if missing:
        raise InputError(
            f"column {', '.join(repr(c) for c in missing)} not found; the input has columns: {', '.join(repr(c) for c in df.columns)}",
            missing_column=True,
        )
    df = df.withColumn(_ROW, F.monotonically_increasing_id())
    rows = (
        _rows_dataframe(df, opts.id_col, opts.text_col, opts.patterns)
        .orderBy("row", "kind", "seq")
        .toLocalIterator()
    )
    out = Path(opts.outdir)
    out.mkdir(parents=True, exist_ok=True)
    ext = opts.output_format
    people = ext == "csv" and not opts.raw
    findings = PartialTable(
        out, f"findings.{ext}", FINDING_COLUMNS, ext, people, FINDING_TYPES
    )
    reports = PartialTable(
        out, f"reports.{ext}", REPORT_COLUMNS, ext, people, REPORT_TYPES
    )
    findings.open(None)
    reports.open(None)
    counts: dict[str, int] = {}
    n = nf = 0
    row_no = 0
    pending: list[dict[str, str]] = []
    last_row = None
    for r in rows:
        data = json.loads(r["json"])
        if r["row"] != last_row:
            last_row = r["row"]
            row_no += 1
        if r["kind"] == "report":
            data["row"] = str(
                row_no
            )  # input row numbers, 1-based, as the local engine gives
            for f in pending:
                findings.write(f)
            pending = []
            reports.write(data)
            counts[data["status"]] = counts.get(data["status"], 0) + 1
            n += 1
        else:
            pending.append(data)
            nf += 1
    for f in pending:
        findings.write(f)
    findings.commit()
    reports.commit()
    seconds = time.perf_counter() - t0
    _atomic_json(
        out / MANIFEST,
        {
            "tool": "calc-nlp",
            "engine": "spark",
            "rules_version": rules.version,
            "reports": n,
            "findings": nf,
            "counts": counts,
            "seconds": round(seconds, 3),
            "exit_code": 0,
        },
    )
    return RunSummary(n, nf, seconds, rules.version, counts, 0)
