"""Readers: an export (CSV, JSONL, Parquet, a folder of .txt, stdin) as `Record`s.

This module holds what every reader shares (format detection, decoding,
column checks) and the Parquet and .txt folder readers; CSV is read in
csv_reader.py, JSON Lines in jsonl_reader.py.

Records come one at a time, after the columns are checked, so memory does not
grow with the input. Invalid bytes are replaced and the row noted; rows that
cannot be processed carry a reason code (`Record.problem`).
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

from calc_nlp.columns import (  # noqa: F401 - check_columns, looks_like_header re-exported
    check_columns,
    find_columns,
    looks_like_header,
)
from calc_nlp.errors import InputError
from calc_nlp.kept_values import Kept, arrow_kind, kept_value

# Python's csv refuses fields over 131,072 characters by default (docs/guide.md, pitfalls).
csv.field_size_limit(sys.maxsize)

INPUT_FORMATS = ("csv", "jsonl", "parquet", "txt")
REPLACEMENT = "\ufffd"

# Invalid bytes are replaced (never dropped) and counted, so rows can be flagged.
BAD_BYTES = {"count": 0}


def _replace_and_count(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    BAD_BYTES["count"] += 1
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
    # --keep-col values (kept_values.py): text, or a Parquet input's simple types
    kept: tuple[Kept, ...] = ()


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


_BY_NAME = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
}
GZIP_MAGIC = b"\x1f\x8b"


def detect_format(path: str, forced: str | None) -> str:
    """The input format: forced, else from the name, else from the content.

    One rule for name and first bytes: the name (a `.gz` suffix looked
    through: `reports.jsonl.gz` is JSON Lines) gives the format, the first
    bytes the compression, so a gzip file is decompressed whatever its name
    and a `.gz` name holding plain text is read as it is. A name that says
    nothing (`reports.gz`, `export`) takes JSON Lines if the (decompressed)
    text starts with `{`, else CSV; '-' is CSV. A `.parquet` name must hold
    Parquet (not gzip-compressed: Parquet compresses inside).
    """
    if forced:
        return forced
    if path == "-":
        return "csv"
    if Path(path).is_dir():
        return "txt"
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    fmt = _BY_NAME.get(Path(name).suffix)
    raw, head = _head(path)
    if fmt == "parquet" and raw and not raw.startswith(b"PAR1"):
        what = "gzip-compressed" if raw.startswith(GZIP_MAGIC) else "not Parquet"
        raise InputError(
            f"{path} is named as Parquet but is {what}: "
            + (
                "decompress it first (Parquet compresses inside)"
                if what.startswith("gzip")
                else "use --input-format csv or jsonl"
            )
        )
    if fmt is None:
        text = head.removeprefix(codecs.BOM_UTF8).lstrip()
        fmt = "jsonl" if text.startswith(b"{") else "csv"
    return fmt


def _head(path: str, size: int = 64) -> tuple[bytes, bytes]:
    """The first bytes of a regular file, as stored and decompressed if gzip
    (b"" for what cannot be read: the reader reports it)."""
    raw = head = b""
    try:
        with open_regular(Path(path)) as fh:
            raw = head = fh.read(size)
            if raw.startswith(GZIP_MAGIC):
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as gz:
                    head = gz.read(size)
    except (OSError, EOFError, zlib.error):
        return raw, b""
    return raw, head


# First bytes of files that are not text: (magic, what it is, what to do).
_MAGIC = (
    (b"PAR1", "a Parquet file", "use --input-format parquet or a .parquet name"),
    (b"PK\x03\x04", "a ZIP archive (or an Excel workbook)", "export it as CSV"),
    (b"BZh", "a bzip2 archive", "decompress it first"),
    (b"\xfd7zXZ\x00", "an xz archive", "decompress it first"),
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def known_encoding(encoding: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"unknown --encoding {encoding!r}", missing_column=True
        ) from None


def text_stream(raw: IO[bytes], encoding: str) -> IO[str]:
    """Text of a binary input: gzip looked through, a UTF-16 BOM honoured,
    binary formats refused before any row is read (InputError, exit 3)."""
    known_encoding(encoding)
    buffered: Any = io.BufferedReader(raw)  # type: ignore[type-var]
    head = buffered.peek(6)[:6]
    if head.startswith(GZIP_MAGIC):
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
        enc = "utf-16" if head.startswith(UTF16_BOMS) else "utf-8-sig"
    else:
        enc = encoding
    return io.TextIOWrapper(
        buffered, encoding=enc, errors="calcnlp-replace", newline=""
    )


def encoding_note(text: str, seen_bad: int) -> str:
    return "invalid_encoding" if seen_bad and REPLACEMENT in text else ""


_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(value: str) -> bool:
    """False for strings holding lone surrogates (JSON "\\udc80", undecodable file names)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_text(text: str) -> tuple[str, bool]:
    """Lone surrogates replaced by U+FFFD (same length: offsets hold); True if any was."""
    if encodable(text):
        return text, False
    return _SURROGATE.sub(REPLACEMENT, text), True


def id_text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bytes):  # not "b'P1'"; bytes not UTF-8 give an invalid id
        return _utf8(value).strip()
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, float):
        if value != value:  # NaN: a missing id (pandas' null), not the id "nan"
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value).strip()


def read_parquet(
    path: str,
    id_col: str,
    text_col: str,
    batch_size: int = 1000,
    keep: tuple[str, ...] = (),
) -> Iterator[Record]:
    """Parquet row groups in batches: only the two columns (and kept ones) are read."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several kinds
        raise InputError(
            f"cannot read {path} as Parquet: {exc.__class__.__name__}"
        ) from None
    header = pf.schema_arrow.names
    found = find_columns(header, [id_col, text_col, *keep])
    kinds = parquet_kinds(pf.schema_arrow, [header[i] for i in found[2:]])
    return _parquet_rows(pf, path, [header[i] for i in found], batch_size, kinds)


def parquet_kinds(schema: Any, names: list[str]) -> list[str | None]:
    """The kinds of a Parquet input's kept columns (kept_values.arrow_kind)."""
    return [arrow_kind(schema.field(n).type) for n in names]


def _parquet_rows(
    pf: Any,
    path: str,
    columns: list[str],
    batch_size: int,
    kinds: list[str | None],
) -> Iterator[Record]:
    n = 0
    # a column read twice (kept and id) is asked for once
    names = list(dict.fromkeys(columns))
    at = [names.index(c) for c in columns]
    batches = pf.iter_batches(batch_size=batch_size, columns=names)
    while True:
        try:
            batch = next(batches)
            values = [batch.column(i).to_pylist() for i in at]
            ids, texts = values[0], values[1]
        except StopIteration:
            return
        except Exception as exc:  # a corrupt page: pyarrow raises several kinds
            raise InputError(
                f"cannot read {path} as Parquet after row {n}: "
                f"{exc.__class__.__name__} (corrupt data page?)"
            ) from None
        for i, (rid, text) in enumerate(zip(ids, texts, strict=False)):
            n += 1
            kept = [v[i] for v in values[2:]]
            yield record_of(n, rid, text, kept=kept, kinds=kinds)


def record_of(
    n: int,
    rid: Any,
    text: Any,
    bad: int | None = None,
    kept: list[Any] | None = None,
    kinds: list[str | None] | None = None,
) -> Record:
    """Row `n` from its id (any scalar type) and text (a string or None), with
    the problems every reader checks. `bad`: the count of invalid bytes once
    the row was decoded (None: not decoded here, as Parquet or Spark values).
    `kept`: the row's --keep-col values, kept on error rows too, as text or
    (`kinds`, a Parquet input's) their simple type."""
    values: tuple[Kept, ...] = ()
    if kept:  # --keep-col
        values = tuple(
            kept_value(v, k)
            for v, k in zip(kept, kinds or [None] * len(kept), strict=True)
        )
    rid_s = id_text(rid)
    if not rid_s:
        return Record(n, "", "", problem="missing_id", kept=values)
    if not encodable(rid_s):
        return Record(n, "", "", problem="invalid_id", kept=values)
    if isinstance(text, bytes):
        text = _utf8(text)
    if text is not None and not isinstance(text, str):
        return Record(n, rid_s, "", problem="text_not_a_string", kept=values)
    clean, fixed = clean_text(text or "")
    if fixed:
        note = "invalid_encoding"
    else:  # bad bytes seen (the count before the row): a replacement in it?
        note = encoding_note(clean + rid_s, bad) if bad else ""
    return Record(n, rid_s, clean, note=note, kept=values)


def _utf8(value: bytes) -> str:
    """A Parquet BINARY value (a string column written without its UTF8
    annotation, as some exporters do) as text: invalid bytes become lone
    surrogates, which `clean_text` and `encodable` then catch."""
    return value.decode("utf-8", "surrogateescape")


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
    known_encoding(encoding)
    return _txt_rows(txt_files(path) if files is None else files, encoding)


def _txt_rows(files: list[Path], encoding: str) -> Iterator[Record]:
    enc = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    for n, p in enumerate(files, 1):
        if not encodable(p.name):
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
        if enc == "utf-8-sig" and data.startswith(UTF16_BOMS):
            e = "utf-16"
        text = data.decode(e, errors="calcnlp-replace")
        # counted after the decode: before it, the folder's first file with
        # invalid bytes lost its invalid_encoding note
        yield Record(n, p.name, text, note=encoding_note(text, BAD_BYTES["count"]))
