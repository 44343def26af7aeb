"""Readers and writers: streaming, format-aware, safe for people and for resumes.

Readers turn an export (CSV, JSONL, Parquet, a folder of .txt, stdin) into
`Record`s one at a time, after checking the columns, so memory does not grow
with the input. Writers append rows to partial files in the output folder,
checkpoint them (flush, fsync, byte offsets), and rename them into place only
when the run is complete; a killed run leaves earlier outputs untouched and a
`--resume` run truncates the partial files to the last checkpoint.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from calc_nlp.errors import InputError, OutputError

# Python's csv refuses fields over 131,072 characters by default (docs/guide.md, pitfalls).
csv.field_size_limit(sys.maxsize)

INPUT_FORMATS = ("csv", "jsonl", "parquet", "txt")
OUTPUT_FORMATS = ("csv", "jsonl", "parquet")
REPLACEMENT = "\ufffd"

# Invalid bytes are replaced (never dropped) and counted, so rows can be flagged.
_BAD_BYTES = {"count": 0}


def _replace_and_count(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    _BAD_BYTES["count"] += 1
    return REPLACEMENT, err.end


codecs.register_error("calcnlp-replace", _replace_and_count)


@dataclass
class Record:
    """One input row. `problem` is a reason code when it cannot be processed."""

    row: int
    report_id: str
    text: str
    problem: str = ""
    note: str = ""


class HashingReader(io.RawIOBase):
    """Wraps a binary stream and hashes what is read (for the manifest)."""

    def __init__(self, raw: IO[bytes]):
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self.raw.read(len(b))
        n = len(data)
        b[:n] = data
        self.sha256.update(data)
        self.bytes += n
        return n


def detect_format(path: str, forced: str | None) -> str:
    """The input format: forced, else from the name ('-' and unknown names are CSV)."""
    if forced:
        return forced
    if path != "-" and Path(path).is_dir():
        return "txt"
    name = path.lower()
    if name.endswith((".jsonl", ".ndjson", ".json", ".jsonl.gz")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    return "csv"


def _text_stream(raw: IO[bytes], encoding: str) -> IO[str]:
    enc = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    buffered = io.BufferedReader(raw)  # type: ignore[type-var]
    return io.TextIOWrapper(
        buffered, encoding=enc, errors="calcnlp-replace", newline=""
    )


def _note(text: str, seen_bad: int) -> str:
    return "invalid_encoding" if seen_bad and REPLACEMENT in text else ""


def _sniff_delimiter(first: str) -> str:
    counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(
    raw: IO[bytes],
    id_col: str,
    text_col: str,
    encoding: str = "utf-8",
    delimiter: str | None = None,
) -> Iterator[Record]:
    """CSV rows as Records. The header is checked before the first row is yielded.

    Uses the csv module, not pandas' C engine, which cuts a field at a NUL
    byte (docs/guide.md, pitfalls). Rows with a different number of fields than the header
    are `ragged_row` errors: their columns may be shifted.
    """
    fh = _text_stream(raw, encoding)
    first = fh.readline()
    if not first.strip():
        raise InputError("input is empty: no header row")
    reader = csv.reader(
        itertools.chain([first], fh), delimiter=delimiter or _sniff_delimiter(first)
    )
    header = [h.strip() for h in next(reader)]
    id_i, text_i = _columns(header, id_col, text_col)
    return _csv_rows(reader, len(header), id_i, text_i)


def _columns(header: list[str], id_col: str, text_col: str) -> tuple[int, int]:
    missing = [c for c in (id_col, text_col) if c not in header]
    if missing:
        raise InputError(
            f"column {', '.join(repr(c) for c in missing)} not found; "
            f"the input has columns: {', '.join(repr(h) for h in header)}",
            missing_column=True,
        )
    return header.index(id_col), header.index(text_col)


def _csv_rows(
    reader: Iterator[list[str]], width: int, id_i: int, text_i: int
) -> Iterator[Record]:
    for n, row in enumerate(reader, start=1):
        bad = _BAD_BYTES["count"]
        if not row:
            yield Record(n, "", "", problem="blank_line")
            continue
        if len(row) != width:
            # Columns may be shifted: the id field could hold report text, so it is not kept.
            yield Record(n, "", "", problem="ragged_row")
            continue
        rid = row[id_i].strip()
        text = row[text_i]
        if not rid:
            yield Record(n, "", "", problem="missing_id")
            continue
        yield Record(n, rid, text, note=_note(text + rid, bad))


def read_jsonl(
    raw: IO[bytes], id_col: str, text_col: str, encoding: str = "utf-8"
) -> Iterator[Record]:
    """JSON Lines, one object per line; ids may be numbers (kept as their JSON text)."""
    fh = _text_stream(raw, encoding)
    return _jsonl_rows(fh, id_col, text_col)


def _jsonl_rows(fh: IO[str], id_col: str, text_col: str) -> Iterator[Record]:
    n = 0
    for line in fh:
        if not line.strip():
            continue
        n += 1
        bad = _BAD_BYTES["count"]
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            yield Record(n, "", "", problem="invalid_json")
            continue
        if not isinstance(obj, dict):
            yield Record(n, "", "", problem="not_an_object")
            continue
        rid = _id_text(obj.get(id_col))
        if not rid:
            yield Record(n, "", "", problem="missing_id")
            continue
        text = obj.get(text_col)
        if text is not None and not isinstance(text, str):
            yield Record(n, rid, "", problem="text_not_a_string")
            continue
        yield Record(n, rid, text or "", note=_note((text or "") + rid, bad))


def _id_text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_parquet(
    path: str, id_col: str, text_col: str, batch_size: int = 1000
) -> Iterator[Record]:
    """Parquet row groups in batches: only the two columns are read."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several kinds
        raise InputError(
            f"cannot read {path} as Parquet: {exc.__class__.__name__}"
        ) from None
    header = pf.schema_arrow.names
    _columns(header, id_col, text_col)
    return _parquet_rows(pf, id_col, text_col, batch_size)


def _parquet_rows(
    pf: Any, id_col: str, text_col: str, batch_size: int
) -> Iterator[Record]:
    n = 0
    for batch in pf.iter_batches(batch_size=batch_size, columns=[id_col, text_col]):
        ids = batch.column(0).to_pylist()
        texts = batch.column(1).to_pylist()
        for rid, text in zip(ids, texts, strict=False):
            n += 1
            rid_s = _id_text(rid)
            if not rid_s:
                yield Record(n, "", "", problem="missing_id")
            elif text is not None and not isinstance(text, str):
                yield Record(n, rid_s, "", problem="text_not_a_string")
            else:
                yield Record(n, rid_s, text or "")


def read_txt_dir(path: str, encoding: str = "utf-8") -> Iterator[Record]:
    """A folder of .txt files, in name order; the id is the file name."""
    files = sorted(
        p for p in Path(path).iterdir() if p.is_file() and p.suffix.lower() == ".txt"
    )
    return _txt_rows(files, encoding)


def _txt_rows(files: list[Path], encoding: str) -> Iterator[Record]:
    for n, p in enumerate(files, 1):
        bad = _BAD_BYTES["count"]
        try:
            data = p.read_bytes()
        except OSError:
            yield Record(n, p.name, "", problem="unreadable_file")
            continue
        enc = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
        text = data.decode(enc, errors="calcnlp-replace")
        yield Record(n, p.name, text, note=_note(text, bad))


# ------------------------------------------------------------------- writers

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value: str) -> str:
    """OWASP CSV-injection defence: a cell Excel would run as a formula gets a leading quote."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unneutralise(value: str) -> str:
    """Undo `neutralise` when reading our CSV back (a leading quote before a formula start)."""
    return value[1:] if value[:1] == "'" and value[1:2] in FORMULA_START else value


def read_table(path: Path, fmt: str, people: bool) -> Iterator[dict[str, str]]:
    """Rows of one of our output tables (CSV, JSONL or Parquet) as text, the way
    the CSV writer formats them; `people`: the CSV was written with formulas neutralised."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches():
            for row in batch.to_pylist():
                yield {k: _as_text(v) for k, v in row.items()}
    elif fmt == "jsonl":
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield {k: _as_text(v) for k, v in json.loads(line).items()}
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield {k: unneutralise(v) if people else v for k, v in row.items()}


def _as_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


class LineFormat:
    """Renders rows of one table as text lines: CSV (RFC 4180, CRLF, formula
    cells neutralised for people) or JSON Lines with typed values. Picklable
    settings, so pool workers render in parallel and the parent only appends."""

    def __init__(
        self,
        columns: tuple[str, ...],
        fmt: str,
        people: bool,
        types: dict[str, str] | None = None,
    ):
        self.columns, self.fmt, self.people, self.types = (
            columns,
            fmt,
            people,
            types or {},
        )
        self._buf: io.StringIO | None = None
        self._csv: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "fmt": self.fmt,
            "people": self.people,
            "types": self.types,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def _csv_line(self, cells: list[str]) -> str:
        if self._buf is None:
            self._buf = io.StringIO()
            self._csv = csv.writer(
                self._buf, lineterminator="\r\n"
            )  # quotes any CR or LF in a cell
        self._buf.seek(0)
        self._buf.truncate()
        self._csv.writerow(cells)
        return self._buf.getvalue()

    def header(self) -> str:
        return self._csv_line(list(self.columns))

    def line(self, row: dict[str, str]) -> str:
        if self.fmt == "csv":
            cells = [row[c] for c in self.columns]
            return self._csv_line(
                [neutralise(c) for c in cells] if self.people else cells
            )
        typed = {c: _typed(row[c], self.types.get(c)) for c in self.columns}
        return json.dumps(typed, ensure_ascii=False) + "\n"


class PartialTable:
    """One output table written to `.<name>.partial` and renamed to `<name>` on commit.

    Line-based (CSV or JSONL) so that it can be truncated to a checkpoint;
    a Parquet table is spooled as JSONL and converted on commit.
    """

    def __init__(
        self,
        outdir: Path,
        name: str,
        columns: tuple[str, ...],
        fmt: str,
        people: bool,
        types: dict[str, str] | None = None,
    ):
        self.outdir, self.name, self.columns, self.fmt = outdir, name, columns, fmt
        self.people = people  # neutralise formula cells (CSV meant for people)
        self.types = types or {}
        self.final = outdir / name
        self.partial = outdir / f".{name}.partial"
        self._fh: IO[str] | None = None
        self.lines = LineFormat(
            columns, "csv" if fmt == "csv" else "jsonl", people, self.types
        )

    def open(self, truncate_to: int | None) -> None:
        """Start fresh (None) or continue a partial file cut back to `truncate_to` bytes."""
        try:
            if truncate_to is None or not self.partial.exists():
                self._fh = open(self.partial, "w", encoding="utf-8", newline="")
                if self.fmt == "csv":
                    self._fh.write(self.lines.header())
            else:
                with open(self.partial, "r+b") as b:
                    b.truncate(truncate_to)
                self._fh = open(self.partial, "a", encoding="utf-8", newline="")
        except OSError as exc:
            raise OutputError(f"cannot write {self.partial}: {exc.strerror}") from None

    def write(self, row: dict[str, str]) -> None:
        self.write_line(self.lines.line(row))

    def write_line(self, line: str) -> None:
        """Append rows already rendered by `LineFormat.line` (in a worker, say)."""
        assert self._fh is not None
        self._fh.write(line)

    def checkpoint(self) -> int:
        """Flush and fsync; the byte size to resume from."""
        assert self._fh is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        return self._fh.tell()

    def commit(self) -> None:
        assert self._fh is not None
        self.checkpoint()
        self._fh.close()
        if self.fmt == "parquet":
            _jsonl_to_parquet(self.partial, self.final, self.columns, self.types)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.final)

    def close(self) -> None:
        if self._fh is not None and not self._fh.closed:
            self._fh.close()


def _typed(value: str, kind: str | None) -> Any:
    """JSONL and Parquet keep types: ints, booleans, floats; empty is null."""
    if kind is None:
        return value
    if value == "":
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return value == "true"
    return value


def _jsonl_to_parquet(
    src: Path, dst: Path, columns: tuple[str, ...], types: dict[str, str]
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(c, kinds.get(types.get(c, ""), pa.string())) for c in columns])
    tmp = dst.with_name(f".{dst.name}.tmp")
    with pq.ParquetWriter(tmp, schema) as writer, open(src, encoding="utf-8") as fh:
        batch: list[dict[str, Any]] = []
        for line in fh:
            batch.append(json.loads(line))
            if len(batch) == 10000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    with open(tmp, "rb") as fh2:
        os.fsync(fh2.fileno())
    os.replace(tmp, dst)
