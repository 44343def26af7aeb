"""Writers: output tables appended to partial files, checkpointed and published.

Rows are appended to partial files in the output folder and checkpointed
(flush, fsync, byte offsets); they are renamed into place only when the run is
complete (batch/commit.py): a killed run leaves earlier outputs untouched and
a `--resume` run truncates the partial files to the last checkpoint. CSV
meant for people has formula cells neutralised. `read_table` reads our tables
back.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from calc_nlp.errors import OutputError
from calc_nlp.kept_values import kept_text
from calc_nlp.schema import number_text
from calc_nlp.strict_json import NEGATIVE_INFINITY, POSITIVE_INFINITY, dumps

# Python's csv refuses fields over 131,072 characters by default (docs/guide.md, pitfalls).
csv.field_size_limit(sys.maxsize)

OUTPUT_FORMATS = ("csv", "jsonl", "parquet")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
LIST_SEPARATOR = ";"  # how a list of texts (kind "list") is written in every format


def formula_like(value: str) -> bool:
    """A cell `neutralise` prefixes with a quote: one a spreadsheet would run
    as a formula, and one that reads as such once its leading quotes are
    taken off ("'=x", "''=x"), so that `unneutralise` gives every cell back
    as it was (a report id "'=x" read back as "=x" joins no text or decision)."""
    return value.lstrip("'").startswith(FORMULA_START)


def neutralise(value: str) -> str:
    """OWASP CSV-injection defence: a cell Excel would run as a formula gets a leading quote."""
    return "'" + value if formula_like(value) else value


def unneutralise(value: str) -> str:
    """Undo `neutralise` when reading our CSV back (a leading quote before a
    formula start, or before more quotes and one)."""
    return value[1:] if value[:1] == "'" and formula_like(value[1:]) else value


def read_table(
    path: Path, fmt: str, people: bool, types: dict[str, str] | None = None
) -> Iterator[dict[str, str]]:
    """Rows of one of our output tables (CSV, JSONL or Parquet) as the text of
    their CSV cells (`types`: the table's column kinds, schema.py); `people`:
    the CSV was written with formulas neutralised."""
    kinds = types or {}
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches():
            for row in batch.to_pylist():
                yield {k: _read_cell(v, kinds.get(k)) for k, v in row.items()}
    elif fmt == "jsonl":
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    yield {k: _read_cell(v, kinds.get(k)) for k, v in row.items()}
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield {k: unneutralise(v) if people else v for k, v in row.items()}


def _read_cell(value: Any, kind: str | None) -> str:
    """A JSONL or Parquet value as the text of its CSV cell. A column without a
    kind holds text, or a kept column's typed value (a Parquet input's float):
    its text as the CSV output writes it (1.5, 0.123456), not two decimals."""
    if kind is None and value.__class__ is not str:
        return kept_text(value) or ""
    return cell_text(value, kind)


def cell_text(value: Any, kind: str | None = None) -> str:
    """The text of one CSV cell (before `neutralise`): empty for None, true or
    false, a list ';'-joined, a float with two decimals (kind "number": at most
    two, 9.5 and 10)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number_text(value) if kind == "number" else f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(value)
    return str(value)


def stored_row(
    row: dict[str, Any], columns: tuple[str, ...], lists: tuple[str, ...]
) -> dict[str, Any]:
    """A row as JSONL, Parquet and Spark store it: the typed values in column
    order, each list column (`lists`) as its ';'-joined text."""
    out = {c: row[c] for c in columns}
    for c in lists:
        out[c] = LIST_SEPARATOR.join(out[c])
    return out


# What the csv writer quotes (the delimiter aside) in a line of cells joined
# by commas holding none: a quote, a line break, a NUL; and what `neutralise`
# changes there: a formula character opening a cell (at the start, after a
# comma). Single characters and pairs, scanned for as substrings (a regex
# of them tried at every character cost more than the csv writer).
_QUOTED = ('"', "\n", "\r", "\x00")
# (',\r' and ',\n' are left out: a line holding one holds '\r' or '\n',
# scanned for already)
# (",'": a cell opening with a quote is left to the slow way, which
# neutralises "'=x" as well: `formula_like`)
_NOT_PLAIN = _QUOTED + tuple(
    "," + c for c in FORMULA_START + ("'",) if c not in _QUOTED
)
_NOT_PLAIN_START = FORMULA_START + ("'",)


def _plain_line(cells: list[str]) -> str | None:
    """The CSV line of cells that need no quoting and no neutralising: their
    text joined by commas (what csv.writer writes for them, formulas
    neutralised or not), else None (the caller then quotes and neutralises).
    A row of one cell is left to the writer (an empty one is written '""')."""
    if len(cells) < 2:
        return None
    try:
        line = ",".join(cells)
    except TypeError:  # a value that is not text: the writer's to write
        return None
    if line.count(",") != len(cells) - 1 or line.startswith(_NOT_PLAIN_START):
        return None
    for part in _NOT_PLAIN:
        if part in line:
            return None
    return line + "\r\n"


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
        self._kinds = tuple((c, self.types.get(c)) for c in columns)
        self._lists = tuple(c for c in columns if self.types.get(c) == "list")
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

    def line(self, row: dict[str, Any]) -> str:
        """One row of typed values as a line: CSV cells made here and only here
        (a column without a kind holds text already)."""
        if self.fmt == "csv":
            # cell_text inline for the common values: text, None, an int,
            # an empty list
            cells = [
                v
                if (v := row[c]).__class__ is str or kind is None
                else ""
                if v is None or v == ()
                else str(v)
                if v.__class__ is int
                else cell_text(v, kind)
                for c, kind in self._kinds
            ]
            plain = _plain_line(cells)
            if plain is not None:
                return plain
            if self.people:  # neutralise() inline: a call per cell costs more
                cells = [
                    "'" + c if c.lstrip("'").startswith(FORMULA_START) else c
                    for c in cells
                ]
            return self._csv_line(cells)
        return dumps(self.stored(row), ensure_ascii=False) + "\n"

    def stored(self, row: dict[str, Any]) -> dict[str, Any]:
        """The row's values as JSON Lines and Parquet store them."""
        return stored_row(row, self.columns, self._lists)


# Files we write are not world-readable: new outputs 0640, the lock and side
# files 0600 (less with a stricter umask); a replaced output keeps a stricter mode.
OUTPUT_MODE = 0o640
PRIVATE_MODE = 0o600
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def create_new(path: Path, mode: int = OUTPUT_MODE) -> int:
    """A fresh file at `path` (anything there removed first, a planted symlink
    included), created without following links; returns the descriptor."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    return os.open(path, _CREATE, mode)


def open_existing(path: Path, flags: int) -> int:
    """Open a file we made earlier without following a symlink planted since."""
    return os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC)


def keep_stricter_mode(staged: Path, final: Path) -> None:
    """Before `staged` replaces `final`: never loosen the mode `final` has."""
    try:
        st = os.lstat(final)
    except FileNotFoundError:
        return
    if stat.S_ISREG(st.st_mode):
        os.chmod(staged, stat.S_IMODE(st.st_mode) & OUTPUT_MODE)


def write_error(what: Path | str, exc: OSError) -> OutputError:
    """An OSError while writing our files as the documented output error (exit 4)."""
    reason = exc.strerror or exc.__class__.__name__
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        reason += " (the disk or quota is full; partial files removed)"
    return OutputError(f"cannot write {what}: {reason}")


def write_atomically(
    path: Path, write: Callable[[IO[bytes]], None], mode: int = OUTPUT_MODE
) -> None:
    """`write` fills a new temporary file beside `path`, which is synced and
    renamed over `path` (keeping a stricter existing mode); on any failure the
    temporary file is removed and `path` is left as it was."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        fd = create_new(tmp, mode)
    except OSError as exc:
        raise write_error(tmp, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        keep_stricter_mode(tmp, path)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(path, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class PartialTable:
    """One output table written to `.<name>.partial` and renamed to `<name>` on commit.

    Line-based (CSV or JSONL) so that it can be truncated to a checkpoint;
    a Parquet table is spooled as JSONL and converted (to `.<name>.staged`)
    when the run finishes. `finish` makes the table ready to publish; the
    runner's commit protocol does the renames.
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
        self.staged = outdir / f".{name}.staged" if fmt == "parquet" else self.partial
        self._fh: IO[str] | None = None
        self.lines = LineFormat(
            columns, "csv" if fmt == "csv" else "jsonl", people, self.types
        )

    def open(self, truncate_to: int | None) -> None:
        """Start fresh (None) or continue the partial file cut back to `truncate_to` bytes."""
        try:
            if truncate_to is None:
                fd = create_new(self.partial)
                self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
                if self.fmt == "csv":
                    self._fh.write(self.lines.header())
            else:
                fd = open_existing(self.partial, os.O_WRONLY)
                os.ftruncate(fd, truncate_to)
                os.lseek(fd, 0, os.SEEK_END)
                self._fh = os.fdopen(fd, "a", encoding="utf-8", newline="")
        except OSError as exc:
            raise write_error(self.partial, exc) from None

    def write(self, row: dict[str, Any]) -> None:
        self.write_line(self.lines.line(row))

    def write_line(self, line: str) -> None:
        """Append rows already rendered by `LineFormat.line` (in a worker, say)."""
        assert self._fh is not None
        try:
            self._fh.write(line)
        except OSError as exc:
            raise write_error(self.partial, exc) from None

    def checkpoint(self) -> int:
        """Flush and fsync; the byte size to resume from."""
        assert self._fh is not None
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            return self._fh.tell()
        except OSError as exc:
            raise write_error(self.partial, exc) from None

    def finish(self) -> Path:
        """Durable and closed; Parquet converted. The file to rename into place."""
        assert self._fh is not None
        self.checkpoint()
        self._fh.close()
        if self.fmt == "parquet":
            try:
                _jsonl_to_parquet(self.partial, self.staged, self.columns, self.types)
            except OSError as exc:
                raise write_error(self.staged, exc) from None
        return self.staged

    def commit(self) -> None:
        """Finish and rename into place: a table on its own (the runner publishes
        its three tables and manifest together, see runner.py)."""
        staged = self.finish()
        try:
            keep_stricter_mode(staged, self.final)
            os.replace(staged, self.final)
            self.partial.unlink(missing_ok=True)
        except OSError as exc:
            raise write_error(self.final, exc) from None

    def close(self) -> None:
        if self._fh is not None and not self._fh.closed:
            try:
                self._fh.close()
            except OSError:
                pass  # a full disk: the partial file is discarded anyway


def arrow_schema(columns: tuple[str, ...], types: dict[str, str]) -> Any:
    """The Arrow schema of a table: its Parquet file's and its DataFrame's types
    (int64, float64, bool; text, and lists written ';'-joined, as string)."""
    import pyarrow as pa

    kinds = {
        "int": pa.int64(),
        "float": pa.float64(),
        "number": pa.float64(),
        "bool": pa.bool_(),
    }
    return pa.schema([(c, kinds.get(types.get(c, ""), pa.string())) for c in columns])


def _arrow_table(rows: list[dict[str, Any]], schema: Any) -> Any:
    """The Arrow table of staged JSON rows. Strict JSON holds an infinite float
    (a kept column's) as "Infinity" / "-Infinity" (strict_json.py): the float
    again in Parquet, looked for only when a batch does not convert as it is."""
    import pyarrow as pa

    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        floats = [f.name for f in schema if pa.types.is_floating(f.type)]
        for row in rows:
            for c in floats:
                if row.get(c) in (POSITIVE_INFINITY, NEGATIVE_INFINITY):
                    row[c] = float(row[c])
        return pa.Table.from_pylist(rows, schema=schema)


def _jsonl_to_parquet(
    src: Path, dst: Path, columns: tuple[str, ...], types: dict[str, str]
) -> None:
    import pyarrow.parquet as pq

    schema = arrow_schema(columns, types)
    fd = create_new(dst)
    with (
        os.fdopen(fd, "wb") as out,
        pq.ParquetWriter(out, schema) as writer,
        open(src, encoding="utf-8") as fh,
    ):
        batch: list[dict[str, Any]] = []
        for line in fh:
            batch.append(json.loads(line))
            if len(batch) == 10000:
                writer.write_table(_arrow_table(batch, schema))
                batch = []
        writer.write_table(_arrow_table(batch, schema))
        writer.close()
        out.flush()
        os.fsync(out.fileno())
