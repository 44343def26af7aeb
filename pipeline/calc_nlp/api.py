"""The Python API: `extract` for many reports, `analyze` for one.

    import calc_nlp
    result = calc_nlp.extract(df, id_col="report_id", text_col="text", keep=["mrn"])
    result.findings, result.reports          # pandas DataFrames

`extract` runs the same path as `calc-nlp run --format parquet`: the readers'
`record_of` checks each row, `batch.decide` gives duplicate ids and empty
texts their status, `Engine.process` analyses the rest (a failing report is an
`error` row, as in a run), and the rows take the values the run's JSON Lines
formatter stores (`LineFormat.stored`), in the Arrow schema of the Parquet
writer. So the two
tables have the columns and dtypes of `findings.parquet` / `reports.parquet`.
The pipeline is built once per process and rule set, then reused.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import pandas as pd

    from calc_nlp.engine import Engine
    from calc_nlp.readers import Record
    from calc_nlp.schema import ReportResult

# A pandas DataFrame, texts (ids "1", "2", ... by position), a mapping id -> text
# or a pandas Series (its index the ids).
Reports: TypeAlias = "pd.DataFrame | Mapping[Any, Any] | Iterable[Any]"

_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Result:
    """What `extract` returns: one row per finding, one row per input report.

    Both tables have the columns and dtypes of `calc-nlp run --format parquet`
    (`findings.parquet`, `reports.parquet`), followed by the `keep` columns.
    """

    findings: pd.DataFrame
    reports: pd.DataFrame

    def __repr__(self) -> str:  # counts only: never the rows' text in a log
        return f"Result(findings={len(self.findings)} rows, reports={len(self.reports)} rows)"

    @property
    def errors(self) -> pd.DataFrame:
        """The rows `run` lists in errors.csv: duplicate ids and bad rows."""
        from calc_nlp.schema import ERROR_COLUMNS, STATUS_DUPLICATE, STATUS_ERROR

        bad = self.reports["status"].isin([STATUS_DUPLICATE, STATUS_ERROR])
        return self.reports.loc[bad, list(ERROR_COLUMNS)].reset_index(drop=True)


def engine_for(patterns: str | Path | None = None) -> Engine:
    """The pipeline for the bundled rules (None) or a rule folder, built once
    per process and rule version. A user folder is checked as `run` checks it
    (a PatternError names the file, rule and key)."""
    from calc_nlp.engine import Engine
    from calc_nlp.safety import load_checked_rules

    with _LOCK:
        if patterns is None and "" in _ENGINES:
            return _ENGINES[""]
        rules = load_checked_rules(str(patterns) if patterns is not None else None)
        key = "" if patterns is None else rules.version
        if key not in _ENGINES:
            _ENGINES[key] = Engine(rules=rules)
        return _ENGINES[key]


def analyze(
    text: str, report_id: str = "", patterns: str | Path | None = None
) -> ReportResult:
    """One report's typed result: `ReportResult` (schema.py) with its `Finding`s
    (site, laterality, flags, classification, confidence, evidence...), the
    conditions and the lab values, analysed as `run` analyses a report.
    Exceptions are raised (`extract` and `run` turn them into error rows)."""
    from calc_nlp.schema import text_digest

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    digest = text_digest(text)
    result = engine_for(patterns).analyzer.analyze(text, report_id, digest)
    result.text_sha256 = digest
    return result


def extract(
    reports: Reports,
    id_col: str = "report_id",
    text_col: str = "text",
    keep: Iterable[str] = (),
    patterns: str | Path | None = None,
) -> Result:
    """Findings and report rows of many reports, as `calc-nlp run` writes them.

    `reports`: a DataFrame with `id_col` and `text_col`; a list of texts (ids
    "1", "2", ... by position); a mapping id -> text; or a Series of texts
    whose index is the ids (pandas' default index numbers them as a list). `keep`: DataFrame
    columns copied onto every findings and reports row. `patterns`: a rule
    folder instead of the bundled rules (checked first; each report then has
    `run`'s deadline when running in the main thread).
    """
    keep = [keep] if isinstance(keep, str) else list(keep)
    ids, texts, kept = _inputs(reports, id_col, text_col, keep)
    from calc_nlp.readers import record_of

    records = [
        record_of(n, _value(rid), _value(text))
        for n, (rid, text) in enumerate(zip(ids, texts, strict=True), 1)
    ]
    report_rows, finding_rows, owners = _rows(records, patterns)
    return Result(
        findings=_with_kept(_typed_frame(finding_rows, "findings"), kept, owners),
        reports=_with_kept(
            _typed_frame(report_rows, "reports"), kept, list(range(len(records)))
        ),
    )


def _inputs(
    reports: Reports, id_col: str, text_col: str, keep: list[str]
) -> tuple[list[Any], list[Any], pd.DataFrame | None]:
    """Ids, texts and the kept columns of any accepted input."""
    import pandas as pd

    if isinstance(reports, pd.DataFrame):
        columns = list(reports.columns)
        _check_keep(keep, id_col, text_col)
        for name in (id_col, text_col, *keep):
            _check_column(name, columns)
        kept = reports[keep].reset_index(drop=True) if keep else None
        return reports[id_col].tolist(), reports[text_col].tolist(), kept
    if keep:
        raise ValueError(
            "keep= needs a DataFrame input (a list or mapping has no columns)"
        )
    if isinstance(reports, (str, bytes)):
        raise TypeError(
            "extract takes many reports (a DataFrame, a list of texts or a mapping "
            "id -> text); use calc_nlp.analyze(text) for one"
        )
    if isinstance(reports, pd.Series):
        return _series_ids(reports), reports.tolist(), None
    if isinstance(reports, Mapping):
        return list(reports.keys()), list(reports.values()), None
    if isinstance(reports, Iterable):
        texts = list(reports)
        return [str(n) for n in range(1, len(texts) + 1)], texts, None
    raise TypeError(
        f"extract takes a DataFrame, a list of texts or a mapping id -> text, "
        f"not {type(reports).__name__}"
    )


def _series_ids(series: pd.Series) -> list[Any]:
    """A Series' ids: its index, as a mapping's keys (`df.set_index("report_id")
    ["text"]` was numbered "1", "2", ...: the report ids silently lost). Only
    pandas' default index (0, 1, ... unnamed), which labels nothing, numbers
    the texts "1", "2", ... as a list does."""
    import pandas as pd

    index = series.index
    if isinstance(index, pd.MultiIndex):
        raise ValueError(
            "a Series with a MultiIndex has no single report id per text: "
            "pass a DataFrame with id_col= and text_col= (reset_index() first)"
        )
    default = (
        isinstance(index, pd.RangeIndex)
        and index.start == 0
        and index.step == 1
        and index.name is None
    )
    if default:
        return [str(n) for n in range(1, len(series) + 1)]
    return index.tolist()


def _check_column(name: str, columns: list[Any]) -> None:
    """A missing or repeated column is a ValueError naming it and the close
    column names (never a value)."""
    count = columns.count(name)
    if count == 1:
        return
    if count > 1:
        raise ValueError(f"column {name!r} appears {count} times in the DataFrame")
    from calc_nlp.columns import suggestion

    close = suggestion(name, [c for c in columns if isinstance(c, str)])
    hint = f"; did you mean {close!r}?" if close else ""
    raise ValueError(f"column {name!r} not found in the DataFrame{hint}")


def _check_keep(keep: list[str], id_col: str, text_col: str) -> None:
    """The names `run --keep-col` accepts (columns.keep_problem), else ValueError."""
    from calc_nlp.columns import keep_problem

    if any(not isinstance(k, str) for k in keep):
        raise ValueError("keep= takes column names (strings)")
    problem = keep_problem(keep, id_col, text_col)
    if problem:
        raise ValueError(problem.replace("kept column", "keep column", 1))


def _value(v: Any) -> Any:
    """pandas' missing values (NaN, NA, NaT) as None, the way a reader sees an
    empty cell; anything else as it is."""
    import pandas as pd

    if v is None or (pd.api.types.is_scalar(v) and pd.isna(v)):
        return None
    return v


class _Seen:
    """The run's duplicate-id set, in memory (a DataFrame is in memory already)."""

    def __init__(self) -> None:
        self.keys: set[bytes] = set()

    def add(self, key: bytes) -> bool:
        if key in self.keys:
            return False
        self.keys.add(key)
        return True


def _rows(
    records: list[Record], patterns: str | Path | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[int]]:
    """Report rows, finding rows and each finding's input position, with the
    values the run's JSON Lines (and so Parquet) writer stores."""
    from calc_nlp.batch.decide import decide
    from calc_nlp.batch.options import USER_PATTERN_REPORT_SECONDS
    from calc_nlp.batch.workers import rows_with_deadline
    formats = _formats()

    def stored(rows: Any, fmts: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return fmts[0].stored(rows[0]), [fmts[1].stored(f) for f in rows[1]]

    slots, work = decide(records, _Seen(), set())
    engine = engine_for(patterns)
    engine.cache.clear()  # each call its own (result_cache.py)
    main = threading.current_thread() is threading.main_thread()
    deadline = USER_PATTERN_REPORT_SECONDS if patterns is not None and main else 0.0
    done = iter(
        rows_with_deadline(work, engine, formats, deadline, stored)[0] if work else []
    )
    reports: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    owners: list[int] = []
    for position, slot in enumerate(slots):
        report, its_findings = stored(slot, formats) if slot is not None else next(done)
        reports.append(report)
        findings += its_findings
        owners += [position] * len(its_findings)
    return reports, findings, owners


def _formats() -> tuple[Any, Any, None]:
    from calc_nlp.schema import (
        FINDING_COLUMNS,
        FINDING_TYPES,
        REPORT_COLUMNS,
        REPORT_TYPES,
    )
    from calc_nlp.writers import LineFormat

    return (
        LineFormat(REPORT_COLUMNS, "jsonl", False, REPORT_TYPES),
        LineFormat(FINDING_COLUMNS, "jsonl", False, FINDING_TYPES),
        None,
    )


def _typed_frame(rows: list[dict[str, Any]], table: str) -> pd.DataFrame:
    """Rows as a DataFrame with the Arrow types the Parquet writer gives the
    table's columns (int64, float64, bool, string), converted as pandas reads
    that Parquet file."""
    import pyarrow as pa

    from calc_nlp.schema import (
        FINDING_COLUMNS,
        FINDING_TYPES,
        REPORT_COLUMNS,
        REPORT_TYPES,
    )
    from calc_nlp.writers import arrow_schema

    columns, types = (
        (FINDING_COLUMNS, FINDING_TYPES)
        if table == "findings"
        else (REPORT_COLUMNS, REPORT_TYPES)
    )
    schema = arrow_schema(columns, types)
    return pa.Table.from_pylist(rows, schema=schema).to_pandas()


def _with_kept(
    frame: pd.DataFrame, kept: pd.DataFrame | None, positions: list[int]
) -> pd.DataFrame:
    """`frame` with the kept input columns of each row's report appended."""
    import pandas as pd

    if kept is None:
        return frame
    extra = kept.iloc[positions].reset_index(drop=True)
    return pd.concat([frame, extra], axis=1)
