"""calc-nlp on Spark: the same pipeline, one cached copy per Python worker.

    from calc_nlp.spark import findings_dataframe
    findings = findings_dataframe(reports_df, id_col="report_id", text_col="text")

`findings_dataframe` maps each partition through `mapInPandas`; the pipeline
is built once per Python worker process and kept in a module global (spaCy
pipelines cannot be shipped to executors, and building one costs about a
second). Keep `spark.sql.execution.arrow.maxRecordsPerBatch` small (200-1000)
for long texts. Install the spark extra from a clone or the wheel (`pip install '.[spark]'`).

`calc-nlp run --engine spark` uses `SparkSource`: Spark computes the rows,
the driver writes them with the local engine's writer (runner.write_run).
Each partition also sends its stage timings, summed on the driver into the
manifest's stage_seconds as the local engine's are.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from calc_nlp.schema import FINDING_COLUMNS, FINDING_TYPES

_ENGINE: Any = None
_ROW = "_calc_nlp_row"
# The row number of a partition's stage timings in `_rows_dataframe`: input
# rows are numbered from 0 (monotonically_increasing_id), so these sort first.
_TIMINGS_ROW = -1


def _engine(patterns: str | None) -> Any:
    """The pipeline of this Python worker, built on first use."""
    global _ENGINE
    if _ENGINE is None:
        from calc_nlp.engine import Engine

        _ENGINE = Engine(patterns)
    return _ENGINE


def _spark_type(kind: str | None) -> Any:
    from pyspark.sql import types as T

    return {
        "int": T.LongType(),
        "float": T.DoubleType(),
        "number": T.DoubleType(),
        "bool": T.BooleanType(),
    }.get(kind or "", T.StringType())


def findings_schema() -> Any:
    """The findings table's columns, in order, with their types (schema.py)."""
    from pyspark.sql import types as T

    return T.StructType(
        [
            T.StructField(c, _spark_type(FINDING_TYPES.get(c)), True)
            for c in FINDING_COLUMNS
        ]
    )


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

    from calc_nlp.writers import stored_row

    lists = tuple(c for c in FINDING_COLUMNS if FINDING_TYPES.get(c) == "list")

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        engine = _engine(patterns)
        engine.cache.clear()  # each partition its own (result_cache.py)
        for pdf in batches:
            rows: list[dict[str, Any]] = []
            for rid, text in zip(
                _cells(pdf[id_col]), _cells(pdf[text_col]), strict=True
            ):
                # each row checked as run's readers check it (a missing id has no
                # findings, a binary text is read as UTF-8), then analysed
                frows = _rows_of(engine, 0, rid, text)[2]
                rows += [stored_row(f, FINDING_COLUMNS, lists) for f in frows]
            yield pd.DataFrame(rows, columns=list(FINDING_COLUMNS))

    return df.select(_exact(df, id_col), text_col).mapInPandas(run, findings_schema())


_INTEGRAL = frozenset({"ByteType", "ShortType", "IntegerType", "LongType"})


def _exact(df: Any, name: str) -> Any:
    """Column `name` of `df` as the executors' pandas may read it whole: an
    integer column as its decimal text. Arrow hands pandas an integer column
    holding a null as float64, so an id or kept value past 2**53 in a batch
    with a null came out another number (9007199254740993 as ...992: another
    report's id)."""
    field = next(f for f in df.schema.fields if f.name == name)
    if type(field.dataType).__name__ in _INTEGRAL:
        return df[name].cast("string").alias(name)
    return df[name]


class _Fresh:
    """An id set that has seen nothing: duplicates are decided on the driver."""

    def add(self, key: bytes) -> bool:
        return True


def _rows_of(
    engine: Any,
    row: int,
    rid: Any,
    text: Any,
    kept: list[Any] | None = None,
    kinds: list[str | None] | None = None,
    decoded: bool = False,
) -> list[Any]:
    """One input row on an executor: [input problem?, report row, finding rows,
    texts row, kept values], the statuses decided as the local engine does
    (but duplicates). `decoded`: the row was decoded from bytes by Spark (a
    CSV input), which replaced any invalid byte with U+FFFD without telling:
    a U+FFFD in its id or text is then noted invalid_encoding (the local
    reader notes one once it has met an invalid byte in the file)."""
    from calc_nlp.readers import record_of

    values = [_plain(v) for v in kept or ()]
    bad = 1 if decoded else None
    return _record_rows(
        engine, record_of(row, rid, text, bad, kept=values, kinds=kinds)
    )


def _record_rows(engine: Any, record: Any) -> list[Any]:
    """`_rows_of` for a row already read (a JSON Lines line parsed)."""
    from calc_nlp.batch.decide import decide

    (slot,), work = decide([record], _Fresh(), set())
    rows = slot if slot is not None else engine.process(*work[0])
    return [bool(record.problem), *rows, list(record.kept)]


def _plain(value: Any) -> Any:
    """A pandas cell as the Python value a local reader sees (numpy scalars unboxed)."""
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        return item()
    return value


def _cells(column: Any) -> list[Any]:
    """A pandas column's cells, a null as None, as a local reader sees it:
    pandas 3 gives a string column's nulls as NaN (its `str` dtype), pandas 2
    as None; PySpark gives an integer column's nulls as NA (its nullable
    `Int64`), a timestamp's as NaT. (A float column's NaN stays: a kept float
    reads it as missing.) Else NA was the report id "<NA>", failed int() and
    bool() of a kept value, and NaT was the kept text "NaT"."""
    import pandas as pd
    from pandas.api.types import is_string_dtype

    cells = column.tolist()
    text = is_string_dtype(column.dtype)
    return [
        None if v is pd.NA or v is pd.NaT or (text and _nan(v)) else v for v in cells
    ]


def _nan(value: Any) -> bool:
    return isinstance(value, float) and value != value


def _rows_dataframe(
    df: Any,
    id_col: str,
    text_col: str,
    patterns: str | None,
    keep: list[str],
    kinds: list[str | None],
    jsonl: bool = False,
    header: _Header | None = None,
) -> Any:
    """One row per input row: its position and its output rows as JSON; and one
    per partition: `_TIMINGS_ROW` and the partition's stage timings as JSON.
    `keep`: the input's names of the kept columns. `jsonl`: `df` holds the
    lines of a JSON Lines input (`value`), parsed here (`_line_rows`).
    `header`: a CSV input's header, to tell the rows repeating it (`_Header`)."""
    import pandas as pd
    from pyspark.sql import types as T

    from calc_nlp.readers import Record

    schema = T.StructType(
        [T.StructField("row", T.LongType()), T.StructField("json", T.StringType())]
    )

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        engine = _engine(patterns)
        engine.timings.clear()  # a Python worker runs several partitions
        engine.cache.clear()  # each its own texts met before (result_cache.py)
        for pdf in batches:
            if jsonl:
                yield _line_rows(engine, pdf, id_col, text_col, keep)
                continue
            ragged = _cells(pdf[_RAGGED]) if _RAGGED in pdf else [None] * len(pdf)
            again = header.marks(pdf, id_col, text_col) if header else [None] * len(pdf)
            kept = [
                _instants(cells) if instant else cells
                for cells, instant in zip(
                    (_cells(pdf[f"_calc_nlp_keep{i}"]) for i in range(len(keep))),
                    instants,
                    strict=True,
                )
            ]
            out = [
                (
                    int(row),
                    json.dumps(
                        _record_rows(engine, Record(0, "", "", problem="ragged_row"))
                        if ragged[n] is not None
                        else again[n]
                        if again[n] is not None
                        else _rows_of(
                            engine,
                            0,
                            rid,
                            text,
                            [k[n] for k in kept],
                            kinds,
                            decoded=header is not None,  # a CSV input
                        )
                    ),
                )
                for n, (row, rid, text) in enumerate(
                    zip(
                        pdf[_ROW],
                        _cells(pdf[id_col]),
                        _cells(pdf[text_col]),
                        strict=False,
                    )
                )
            ]
            yield pd.DataFrame(out, columns=["row", "json"])
        timings = json.dumps(dict(engine.timings))
        yield pd.DataFrame([(_TIMINGS_ROW, timings)], columns=["row", "json"])

    if jsonl:  # as bytes: Spark's text reader keeps invalid UTF-8 (see _line_rows)
        return df.select(_ROW, df["value"].cast("binary").alias("value")).mapInPandas(
            run, schema
        )
    # kept columns under private names: one may share the id or text column's
    # cells; a timestamp as its instant (`_instants`)
    from pyspark.sql import functions as F

    types = {f.name: type(f.dataType).__name__ for f in df.schema.fields}
    instants = [types.get(k) == "TimestampType" for k in keep]
    extra = [
        (F.unix_micros(df[k]) if instant else _exact(df, k)).alias(f"_calc_nlp_keep{i}")
        for i, (k, instant) in enumerate(zip(keep, instants, strict=True))
    ]
    marks = [_RAGGED] if _RAGGED in df.columns else []
    others = header.others(df, id_col, text_col) if header else []
    return df.select(
        _ROW, _exact(df, id_col), text_col, *extra, *marks, *others
    ).mapInPandas(
        run, schema
    )


_CELL = "_calc_nlp_cell"


class _Header:
    """A CSV input's header, to tell on the executors the rows that repeat it
    (parts of an export joined with `cat`, each opening on its header), as the
    local reader tells them (csv_reader._HeaderOf): Spark drops a file's first
    line only, so each later part's header was read as a report of id
    "report_id". Such a row's output is `{"repeated": reordered?}`: the driver
    counts it (`SparkSource.chunks`). The columns other than the id and text
    are sent along (`others`) since a row is the header only if all its cells
    are the header's names."""

    def __init__(self, names: list[str], id_i: int, text_i: int):
        from calc_nlp.csv_reader import _HeaderOf

        self.width, self.id_i, self.text_i = len(names), id_i, text_i
        self.of = _HeaderOf(names, [id_i, text_i])
        self.names = names

    def others(self, df: Any, id_col: str, text_col: str) -> list[Any]:
        """The other columns of each row, under private names (by position)."""
        return [
            df[n].alias(f"{_CELL}{i}")
            for i, n in enumerate(self.names)
            if i not in (self.id_i, self.text_i)
        ]

    def marks(self, pdf: Any, id_col: str, text_col: str) -> list[Any]:
        """Per row: None for a report's row, else `{"repeated": reordered?}`."""
        columns = [
            _cells(pdf[id_col])
            if i == self.id_i
            else _cells(pdf[text_col])
            if i == self.text_i
            else _cells(pdf[f"{_CELL}{i}"])
            for i in range(self.width)
        ]
        found = [self.id_i, self.text_i]
        out: list[Any] = []
        for row in zip(*columns, strict=True):
            again = self.of.columns(["" if c is None else str(c) for c in row], found)
            out.append(None if again is None else {"repeated": again != found})
        return out


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _instants(cells: list[Any]) -> list[Any]:
    """A kept timestamp column's cells (sent as microseconds since the epoch)
    as UTC datetimes, the values the local Parquet reader gives such a column.
    Spark hands a timestamp to pandas as the wall time of its session's time
    zone with the zone dropped: kept exam times were shifted by the session's
    offset from UTC, without a mark."""
    return [
        None if v is None else _EPOCH + datetime.timedelta(microseconds=int(v))
        for v in cells
    ]


def _line_rows(
    engine: Any, pdf: Any, id_col: str, text_col: str, keep: list[str]
) -> Any:
    """`_rows_dataframe`'s rows of JSON Lines lines: per line of Spark's (bytes
    up to a LF), the list of its rows, each parsed as the local reader parses
    it (jsonl_reader.line_record). Spark's JSON reader gave a column of mixed
    JSON types as text (id 3.0 was "3.0", so other finding ids; a number text
    was analysed, not text_not_a_string) and replaced a lone surrogate by "?"
    (a question mark that made the finding uncertain). Spark's text reader
    also ended lines at a CR, so a raw CR inside a string made two
    invalid_json rows and shifted every later row's number: a line is cut at
    CR here as the local reader cuts it and joined back where the CR was
    inside a string (jsonl_reader.line_pieces). Its string holds invalid
    UTF-8 as it is (Arrow refused it: the run failed, exit 7), so a line is
    sent as bytes and decoded here, bad bytes replaced and noted
    (invalid_encoding). A blank line has no rows, as in the local reader."""
    import pandas as pd

    out = [
        (int(row), json.dumps(_lines_rows(engine, raw, id_col, text_col, keep)))
        for row, raw in zip(pdf[_ROW], _cells(pdf["value"]), strict=True)
    ]
    return pd.DataFrame(out, columns=["row", "json"])


def _lines_rows(
    engine: Any, raw: bytes | None, id_col: str, text_col: str, keep: list[str]
) -> list[Any]:
    """The rows of one line of Spark's (`_line_rows`)."""
    from calc_nlp.jsonl_reader import line_pieces, line_record
    from calc_nlp.readers import BAD_BYTES

    if raw is None:
        return []
    before = BAD_BYTES["count"]
    text = bytes(raw).decode("utf-8", errors="calcnlp-replace")
    bad = BAD_BYTES["count"] - before
    return [
        _record_rows(engine, line_record(0, line, id_col, text_col, keep, bad))
        for line in line_pieces(text)
        if line.strip()
    ]


def _session(master: str | None) -> Any:
    from pyspark.sql import SparkSession

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
    return spark


def _read(spark: Any, opts: Any, fmt: str) -> Any:
    from calc_nlp.errors import InputError

    reader = spark.read
    if fmt == "csv":
        options = {
            "header": True,
            "multiLine": True,
            "escape": '"',
            "encoding": opts.encoding,
            "sep": _delimiter(opts),
        }
        return _ragged_marked(reader, opts.input, options)
    if fmt == "jsonl":  # lines, parsed on the executors as the local reader does
        # ended at LF only: a CR is looked at on the executors (_line_rows)
        return reader.option("lineSep", "\n").text(opts.input)
    if fmt == "parquet":
        return reader.parquet(opts.input)
    raise InputError("--engine spark reads CSV, JSONL or Parquet")


def _delimiter(opts: Any) -> str:
    """--delimiter, else the one the local reader guesses from a single
    file's first line (`,` `;` TAB `|`; csv_reader.sniff_delimiter): Spark
    read a `;` or TAB export with ',' and refused it for want of its columns.
    A folder or a remote path: ','."""
    if opts.delimiter:
        return str(opts.delimiter)
    path = Path(opts.input)
    if not path.is_file():
        return ","
    from calc_nlp.csv_reader import sniff_delimiter
    from calc_nlp.readers import text_stream

    with open(path, "rb") as raw:
        first = text_stream(raw, opts.encoding).readline()
    return sniff_delimiter(first)


_RAGGED = "_calc_nlp_ragged"


def _ragged_marked(reader: Any, path: str, options: dict[str, Any]) -> Any:
    """The CSV input with a column `_RAGGED` that holds the raw line of a row
    whose field count differs from the header's (null for the others). Spark
    otherwise fills a short row with nulls and drops a long row's extra
    fields: a text cut at an unquoted comma was analysed as its first piece
    and the rest went into the next column. The header gives the columns;
    the file is then read with them, all text, plus Spark's corrupt-record
    column (it marks exactly the rows whose token count is not the schema's)."""
    from pyspark.sql import types as T

    inferred = reader.options(**options).csv(path)
    names = inferred.columns
    # Several files (a folder or a glob): each file's header is checked against
    # the first's (names ignoring case; `_csv_layout_refused` turns a mismatch
    # into an InputError): a part naming the columns in another order was read
    # by the first part's order, its texts taken as ids. (A single file is not
    # checked: Spark renames empty and repeated names, which would not match.)
    several = len(inferred.inputFiles()) > 1
    schema = T.StructType(
        [T.StructField(n, T.StringType()) for n in names]
        + [T.StructField(_RAGGED, T.StringType())]
    )
    return (
        reader.options(**options)
        .options(
            mode="PERMISSIVE",
            columnNameOfCorruptRecord=_RAGGED,
            enforceSchema=not several,
        )
        .schema(schema)
        .csv(path)
    )


def _csv_layout_refused(exc: BaseException) -> Exception | None:
    """The InputError of Spark's failure on a CSV file whose header is not
    the first file's (enforceSchema=False), else None. Its message names no
    column or value."""
    from calc_nlp.errors import InputError

    if "does not conform to the schema" not in str(exc):
        return None
    return InputError(
        "a CSV file of the input has another header than the first file's (other "
        "names, another order, or empty or repeated names): --engine spark reads "
        "every file by the first one's header; re-export the parts with one "
        "header, or run each file alone"
    )


class SparkSource:
    """`calc-nlp run --engine spark`: read with Spark, compute each report's rows
    on the executors; the driver decides duplicate ids and --since-manifest's
    unchanged reports in input order and hands the rows to the run's writer
    (runner.write_run), so the folder is the same as the local engine's."""

    def __init__(self, opts: Any, rules: Any):
        try:
            from pyspark.sql import functions as F
        except ImportError:
            from calc_nlp.errors import UsageError

            raise UsageError(
                "--engine spark needs PySpark: the spark extra, pip install '.[spark]' in a clone"
            ) from None
        from dataclasses import replace

        from calc_nlp.batch.kept import check_keep
        from calc_nlp.columns import find_columns
        from calc_nlp.csv_reader import RepeatedHeaders
        from calc_nlp.errors import UsageError
        from calc_nlp.kept_values import spark_kind
        from calc_nlp.readers import detect_format

        if opts.resume:
            raise UsageError("--resume works with the local engine only")
        if opts.input == "-":
            raise UsageError("--engine spark needs an input path, not standard input")
        self.opts = opts
        self.header: _Header | None = None
        self.repeated = RepeatedHeaders()
        fmt = detect_format(opts.input, opts.input_format)
        check_keep(opts.keep, opts.id_col, opts.text_col, fmt)
        df = _read(_session(opts.spark_master), opts, fmt)
        self.jsonl = fmt == "jsonl"
        if self.jsonl:  # keys are matched per line, as the local reader does
            self.keep = list(opts.keep)
            self.kinds: list[str | None] = [None] * len(self.keep)  # kept as text
            self.kept_kinds: dict[str, str] = {}
            self.df = df.withColumn(_ROW, F.monotonically_increasing_id())
            return
        # The local readers' column rules: exact name, else the one match ignoring case.
        found = find_columns(
            [c for c in df.columns if c != _RAGGED],
            [opts.id_col, opts.text_col, *opts.keep],
        )
        id_i, text_i = found[0], found[1]
        self.keep = [df.columns[i] for i in found[2:]]
        # a Parquet input's simple types are kept, as the local reader keeps them
        types = {f.name: f.dataType for f in df.schema.fields}
        self.kinds = [
            spark_kind(types[k]) if fmt == "parquet" else None for k in self.keep
        ]
        self.kept_kinds = {
            n: k for n, k in zip(opts.keep, self.kinds, strict=True) if k
        }
        self.opts = replace(opts, id_col=df.columns[id_i], text_col=df.columns[text_i])
        if fmt == "csv":  # rows repeating the header (joined parts) are no reports
            names = [c for c in df.columns if c != _RAGGED]
            self.header = _Header(names, id_i, text_i)
        self.df = df.withColumn(_ROW, F.monotonically_increasing_id())

    def replay(self, rows: int) -> Iterator[Any]:
        return iter(())  # never resumed

    def restart(self) -> None:
        pass

    def chunks(self, seen: Any, skip_keys: Any, formats: Any) -> Iterator[Any]:
        try:
            rows = (
                _rows_dataframe(
                    self.df,
                    self.opts.id_col,
                    self.opts.text_col,
                    self.opts.patterns,
                    self.keep,
                    self.kinds,
                    self.jsonl,
                    self.header,
                )
                .orderBy("row")
                .toLocalIterator()
            )
            yield from self._chunks(rows, seen, skip_keys, formats)
        except Exception as exc:
            refused = _csv_layout_refused(exc)
            if refused is None:
                raise
            raise refused from None

    def _chunks(
        self, rows: Iterator[Any], seen: Any, skip_keys: Any, formats: Any
    ) -> Iterator[Any]:
        """`chunks` of the rows Spark computed, in input order."""
        from calc_nlp.engine import render

        chunk: list[Any] = []
        timings: Counter[str] = Counter()  # the partitions' sums, sent first
        row_no = 0  # input row numbers, 1-based
        for r in rows:
            if r["row"] == _TIMINGS_ROW:
                timings.update(json.loads(r["json"]))
                continue
            sent = json.loads(r["json"])
            # a JSON Lines line of Spark's holds the local reader's rows (_line_rows)
            for out in sent if self.jsonl else [sent]:
                row_no += 1
                if isinstance(out, dict):  # a joined CSV part's header: no report
                    self._repeated_header(row_no, out["repeated"])
                    continue
                item = _on_driver(out[:4], row_no, seen, skip_keys)
                # each row followed by its kept values, as the local engine's (batch/kept.py)
                kept = (tuple(out[4]),) if self.keep else ()
                chunk.append((*render(item, formats), *kept))
                if len(chunk) == self.opts.chunk_size:
                    yield len(chunk), chunk, dict(timings), b""
                    chunk, timings = [], Counter()
        if chunk or timings:
            yield len(chunk), chunk, dict(timings), b""

    def _repeated_header(self, row_no: int, reordered: bool) -> None:
        """Note a row repeating the CSV header, as the local reader does. One
        naming the columns in another order refuses the run: the rows after
        it were read on the executors by the first header's order (each text
        taken as an id), and Spark's partitions cannot re-map them safely."""
        from calc_nlp.errors import UsageError

        self.repeated.rows.append(row_no)
        if reordered:
            raise UsageError(
                f"row {row_no} repeats the CSV header with the columns in another "
                "order (parts joined with cat?): --engine spark cannot re-map the "
                "rows after it; run with the local engine or re-export the parts "
                "with one column order"
            )

    def repeated_headers(self) -> Any:
        return self.repeated

    def identity(self) -> list[dict[str, Any]]:
        from calc_nlp.batch.inputs import file_identity

        src = Path(self.opts.input)
        paths = (
            sorted(
                p
                for p in src.rglob("*")
                if p.is_file() and not p.name.startswith((".", "_"))
            )
            if src.is_dir()
            else [src]
        )
        return file_identity(paths)

    def close(self, ok: bool) -> None:
        pass  # the session is Spark's to keep (getOrCreate)


def _on_driver(item: list[Any], row_no: int, seen: Any, skip_keys: Any) -> Any:
    """The executor's rows of one report, with the statuses only the driver can
    decide: a duplicate id, an unchanged report (--since-manifest)."""
    from calc_nlp.batch.decide import done
    from calc_nlp.batch.keys import id_key, since_key
    from calc_nlp.schema import (
        STATUS_DUPLICATE,
        STATUS_OK,
        STATUS_UNCHANGED,
        ReportResult,
    )

    problem, report, findings, texts = item
    report["row"] = row_no
    rid, digest = report["report_id"], report["text_sha256"]
    if problem:
        return report, [], None
    if not seen.add(id_key(rid)):
        return done(
            ReportResult(
                rid,
                STATUS_DUPLICATE,
                reason="duplicate_id",
                row=row_no,
                text_sha256=digest,
            )
        )
    if (
        report["status"] == STATUS_OK
        and skip_keys
        and since_key(rid, digest) in skip_keys
    ):
        return done(
            ReportResult(
                rid,
                STATUS_UNCHANGED,
                row=row_no,
                note=report["notes"],
                text_sha256=digest,
            )
        )
    return report, findings, texts
