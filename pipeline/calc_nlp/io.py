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
import errno
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import zlib
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
    """The input format: forced, else from the name ('-' and unknown names are CSV).

    A `.gz` suffix is looked through (`reports.jsonl.gz` is JSON Lines);
    compression itself is recognised from the file's first bytes.
    """
    if forced:
        return forced
    if path != "-" and Path(path).is_dir():
        return "txt"
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    return "csv"


# First bytes of files that are not text: (magic, what it is, what to do).
_MAGIC = (
    (b"PAR1", "a Parquet file", "use --input-format parquet or a .parquet name"),
    (b"PK\x03\x04", "a ZIP archive (or an Excel workbook)", "export it as CSV"),
    (b"BZh", "a bzip2 archive", "decompress it first"),
    (b"\xfd7zXZ\x00", "an xz archive", "decompress it first"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _text_stream(raw: IO[bytes], encoding: str) -> IO[str]:
    """Text of a binary input: gzip looked through, a UTF-16 BOM honoured,
    binary formats refused before any row is read (InputError, exit 3)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"unknown --encoding {encoding!r}", missing_column=True
        ) from None
    buffered: Any = io.BufferedReader(raw)  # type: ignore[type-var]
    head = buffered.peek(6)[:6]
    if head.startswith(b"\x1f\x8b"):
        buffered = io.BufferedReader(gzip.GzipFile(fileobj=buffered, mode="rb"))  # type: ignore[arg-type]
        try:
            head = buffered.peek(6)[:6]
        except (OSError, EOFError, zlib.error):
            raise InputError(
                "input looks gzip-compressed but cannot be decompressed"
            ) from None
    for magic, what, hint in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"input looks like {what}, not text: {hint}")
    name = codecs.lookup(encoding).name
    if name == "utf-8":
        enc = "utf-16" if head.startswith(_UTF16_BOMS) else "utf-8-sig"
    else:
        enc = encoding
    return io.TextIOWrapper(
        buffered, encoding=enc, errors="calcnlp-replace", newline=""
    )


def _note(text: str, seen_bad: int) -> str:
    return "invalid_encoding" if seen_bad and REPLACEMENT in text else ""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(value: str) -> bool:
    """False for strings holding lone surrogates (JSON "\\udc80", undecodable file names)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _clean_text(text: str) -> tuple[str, bool]:
    """Lone surrogates replaced by U+FFFD (same length: offsets hold); True if any was."""
    if _encodable(text):
        return text, False
    return _SURROGATE.sub(REPLACEMENT, text), True


def _sniff_delimiter(first: str) -> str:
    counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# A column name: starts with a letter or _, short, a few words at most, no
# long digit runs (ids), no sentence punctuation. Anything else in a first line
# may be a row of data and is never shown.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_ .#()/-]{0,63}")


def looks_like_header(fields: list[str]) -> bool:
    """Whether a first line reads as column names (so that they may be shown)."""
    names = [f.strip() for f in fields]
    if not names or any(not n for n in names) or len(set(names)) != len(names):
        return False
    for n in names:
        if not _NAME.fullmatch(n) or re.search(r"\d{4}", n) or len(n.split()) > 4:
            return False
        if n.endswith(".") or ". " in n:
            return False
    return True


class _Lines:
    """Physical lines for csv.reader, with the lines of the current row kept so
    that a row the parser rejects can be re-read from its second line on
    (an unclosed quote must not swallow every later row)."""

    def __init__(self, fh: Iterator[str]):
        self.fh = fh
        self.pending: list[str] = []  # lines to re-read, last first
        self.current: list[str] = []
        self.line = 0  # physical line number of the last line handed out

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.pending.pop() if self.pending else next(self.fh)
        self.current.append(line)
        self.line += 1
        return line

    def row_done(self) -> None:
        self.current = []

    def reread_after_first(self) -> int:
        """Give back all lines of the rejected row but its first; the first line number."""
        first = self.line - len(self.current) + 1
        rest = self.current[1:]
        self.pending.extend(reversed(rest))
        self.line -= len(rest)
        self.current = []
        return first


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
    are `ragged_row` errors: their columns may be shifted. Quoting is parsed
    strictly: a quote never closed, or closed in the middle of a field, makes
    that row a `malformed_quotes` error and the lines after its first are read
    again as rows, so one stray quote cannot merge the rest of the file into
    one report. Blank lines are skipped.
    """
    fh = _text_stream(raw, encoding)
    try:
        first = fh.readline()
    except (OSError, EOFError, zlib.error):
        raise InputError("input cannot be read (corrupt compressed data?)") from None
    if not first.strip():
        raise InputError("input is empty: no header row")
    if "\x00" in first[:1024] and first.count("\x00") > len(first) // 4:
        raise InputError(
            "the first line is binary, not a CSV header: check the file's format "
            "(--input-format) or --encoding (a UTF-16 file needs --encoding utf-16)"
        )
    lines = _Lines(fh)
    delim = delimiter or _sniff_delimiter(first)
    try:
        header = [h.strip() for h in next(csv.reader([first], delimiter=delim))]
    except (csv.Error, StopIteration):
        header = []
    id_i, text_i = _columns(header, id_col, text_col)
    reader = csv.reader(lines, delimiter=delim, strict=True)
    return _csv_rows(reader, lines, len(header), id_i, text_i)


def _columns(header: list[str], id_col: str, text_col: str) -> tuple[int, int]:
    missing = [c for c in (id_col, text_col) if c not in header]
    if missing:
        wanted = ", ".join(repr(c) for c in missing)
        if looks_like_header(header):
            raise InputError(
                f"column {wanted} not found; "
                f"the input has columns: {', '.join(repr(h) for h in header)}",
                missing_column=True,
            )
        raise InputError(
            f"column {wanted} not found: the first line does not look like a header "
            f"({len(header)} fields; not shown, it may be a row of data). "
            "Add a header row, or check --delimiter, --encoding and --input-format "
            "(a UTF-16 file needs --encoding utf-16; Parquet needs --input-format parquet)",
            missing_column=True,
        )
    return header.index(id_col), header.index(text_col)


def _csv_rows(
    reader: Iterator[list[str]], lines: _Lines, width: int, id_i: int, text_i: int
) -> Iterator[Record]:
    n = 0
    while True:
        bad = _BAD_BYTES["count"]
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # Unclosed or misplaced quote: this row is an error, the lines after
            # its first are read again as rows of their own.
            n += 1
            lines.reread_after_first()
            yield Record(n, "", "", problem="malformed_quotes")
            continue
        except (OSError, EOFError, zlib.error):
            raise InputError(
                f"input cannot be read after row {n} (corrupt or truncated data)"
            ) from None
        lines.row_done()
        if not row or (len(row) == 1 and not row[0].strip() and width > 1):
            continue  # a blank line is not a row
        n += 1
        if len(row) != width:
            # Columns may be shifted: the id field could hold report text, so it is not kept.
            yield Record(n, "", "", problem="ragged_row")
            continue
        rid = row[id_i].strip()
        text = row[text_i]
        if not rid:
            yield Record(n, "", "", problem="missing_id")
            continue
        if not _encodable(rid):
            yield Record(n, "", "", problem="invalid_id")
            continue
        text, fixed = _clean_text(text)
        note = "invalid_encoding" if fixed else _note(text + rid, bad)
        yield Record(n, rid, text, note=note)


def read_jsonl(
    raw: IO[bytes], id_col: str, text_col: str, encoding: str = "utf-8"
) -> Iterator[Record]:
    """JSON Lines, one object per line; ids may be numbers (kept as their JSON text).

    A JSON array (a `.json` file holding `[...]`) is refused: it is not JSON
    Lines and cannot be streamed.
    """
    fh = _text_stream(raw, encoding)
    try:
        first = fh.readline()
    except (OSError, EOFError, zlib.error):
        raise InputError("input cannot be read (corrupt compressed data?)") from None
    if first.lstrip().startswith("["):
        try:
            value = json.loads(first)
        except ValueError:
            value = None  # an array spread over lines
        if value is None or (
            isinstance(value, list)
            and value
            and all(isinstance(v, dict) for v in value)
        ):
            raise InputError(
                "input is a JSON array, not JSON Lines (one object per line): "
                "convert it, for example with jq -c '.[]'"
            )
    return _jsonl_rows(_chain_first(first, fh), id_col, text_col)


def _chain_first(first: str, fh: IO[str]) -> Iterator[str]:
    if first:
        yield first
    yield from fh


def _jsonl_rows(fh: Iterator[str], id_col: str, text_col: str) -> Iterator[Record]:
    n = 0
    it = iter(fh)
    while True:
        try:
            line = next(it)
        except StopIteration:
            return
        except (OSError, EOFError, zlib.error):
            raise InputError(
                f"input cannot be read after row {n} (corrupt or truncated data)"
            ) from None
        if not line.strip():
            continue
        n += 1
        bad = _BAD_BYTES["count"]
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            yield Record(n, "", "", problem="invalid_json")
            continue
        if not isinstance(obj, dict):
            yield Record(n, "", "", problem="not_an_object")
            continue
        rid = _id_text(obj.get(id_col))
        if not rid:
            yield Record(n, "", "", problem="missing_id")
            continue
        if not _encodable(rid):
            yield Record(n, "", "", problem="invalid_id")
            continue
        text = obj.get(text_col)
        if text is not None and not isinstance(text, str):
            yield Record(n, rid, "", problem="text_not_a_string")
            continue
        text, fixed = _clean_text(text or "")
        note = "invalid_encoding" if fixed else _note(text + rid, bad)
        yield Record(n, rid, text, note=note)


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
    return _parquet_rows(pf, path, id_col, text_col, batch_size)


def _parquet_rows(
    pf: Any, path: str, id_col: str, text_col: str, batch_size: int
) -> Iterator[Record]:
    n = 0
    batches = pf.iter_batches(batch_size=batch_size, columns=[id_col, text_col])
    while True:
        try:
            batch = next(batches)
            ids = batch.column(0).to_pylist()
            texts = batch.column(1).to_pylist()
        except StopIteration:
            return
        except Exception as exc:  # a corrupt page: pyarrow raises several kinds
            raise InputError(
                f"cannot read {path} as Parquet after row {n}: "
                f"{exc.__class__.__name__} (corrupt data page?)"
            ) from None
        for rid, text in zip(ids, texts, strict=False):
            n += 1
            rid_s = _id_text(rid)
            if not rid_s:
                yield Record(n, "", "", problem="missing_id")
            elif not _encodable(rid_s):
                yield Record(n, "", "", problem="invalid_id")
            elif text is not None and not isinstance(text, str):
                yield Record(n, rid_s, "", problem="text_not_a_string")
            else:
                clean, fixed = _clean_text(text or "")
                yield Record(n, rid_s, clean, note="invalid_encoding" if fixed else "")


def txt_files(path: str) -> list[Path]:
    """The `.txt` entries of a folder in name order: the one list the reader, the
    resume check and the manifest share. Entries that are not regular files
    (broken or looping links, folders, FIFOs, devices) stay in the list and
    become error rows; nothing here follows, opens or stats them."""
    try:
        names = [e.name for e in os.scandir(path)]
    except OSError as exc:
        raise InputError(f"cannot read folder {path}: {exc.strerror}") from None
    return [Path(path) / n for n in sorted(names) if n.lower().endswith(".txt")]


def open_regular(p: Path) -> IO[bytes]:
    """Open a file for reading only if it is a regular file: never blocks on a
    FIFO nor reads a device forever. Raises OSError (ENOENT, ELOOP, EISDIR...)."""
    fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_txt_dir(
    path: str, encoding: str = "utf-8", files: list[Path] | None = None
) -> Iterator[Record]:
    """A folder of .txt files, in name order; the id is the file name."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"unknown --encoding {encoding!r}", missing_column=True
        ) from None
    return _txt_rows(txt_files(path) if files is None else files, encoding)


def _txt_rows(files: list[Path], encoding: str) -> Iterator[Record]:
    enc = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    for n, p in enumerate(files, 1):
        bad = _BAD_BYTES["count"]
        if not _encodable(p.name):
            yield Record(
                n, "", "", problem="invalid_id"
            )  # a file name that is not UTF-8
            continue
        try:
            with open_regular(p) as fh:
                data = fh.read()
        except OSError as exc:
            reason = (
                "not_a_file"
                if exc.errno in (errno.EINVAL, errno.EISDIR)
                else "unreadable_file"
            )
            yield Record(n, p.name, "", problem=reason)
            continue
        e = enc
        if enc == "utf-8-sig" and data.startswith(_UTF16_BOMS):
            e = "utf-16"
        text = data.decode(e, errors="calcnlp-replace")
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

    def line(self, row: dict[str, Any]) -> str:
        if self.fmt == "csv":
            cells = [row[c] for c in self.columns]
            return self._csv_line(
                [neutralise(c) for c in cells] if self.people else cells
            )
        typed = {c: _typed(row[c], self.types.get(c)) for c in self.columns}
        return json.dumps(typed, ensure_ascii=False) + "\n"


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
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        writer.close()
        out.flush()
        os.fsync(out.fileno())
