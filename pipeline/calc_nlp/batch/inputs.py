"""The opened input of a run: its records, read in chunks, and its identity."""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from calc_nlp.batch.kept import check_keep
from calc_nlp.batch.options import RunOptions
from calc_nlp.csv_reader import RepeatedHeaders, read_csv
from calc_nlp.errors import InputError, UsageError
from calc_nlp.jsonl_reader import read_jsonl
from calc_nlp.readers import (
    HashingReader,
    Record,
    detect_format,
    open_regular,
    read_parquet,
    read_txt_dir,
    txt_files,
)


class Input:
    """The opened input: its records and, for the manifest, its identity."""

    def __init__(self, opts: RunOptions):
        self.opts = opts
        self.fmt = detect_format(opts.input, opts.input_format)
        self._hasher: HashingReader | None = None
        self._fh: IO[bytes] | None = None
        self.files: list[Path] = []
        self.consumed = 0  # records handed out (for the progress bar)
        self.repeated = RepeatedHeaders()  # a CSV's header lines after its first
        self.total: int | None = opts.limit  # rows to read, when known
        # --keep-col: output name -> kind, for a Parquet input's typed columns
        self.kept_kinds: dict[str, str] = {}
        if opts.no_header and self.fmt != "csv":
            raise UsageError("--no-header is for CSV input only")
        check_keep(opts.keep, opts.id_col, opts.text_col, self.fmt)
        if opts.input == "-":
            if opts.resume:
                raise UsageError(
                    "--resume needs an input file: standard input cannot be read twice"
                )
            raw: IO[bytes] = sys.stdin.buffer
        elif self.fmt in ("csv", "jsonl"):
            try:
                raw = open_regular(Path(opts.input))
            except OSError as exc:
                reason = (
                    "not a regular file" if exc.errno == errno.EINVAL else exc.strerror
                )
                raise InputError(f"cannot read {opts.input}: {reason}") from None
            self._fh = raw
        else:
            raw = None  # type: ignore[assignment]
            if not os.path.exists(opts.input):
                raise InputError(f"cannot read {opts.input}: No such file or directory")
        if self.fmt in ("csv", "jsonl"):
            self._hasher = HashingReader(raw)
        self.records = self._reader()
        self._all = self.records
        self.records = self._counted(
            itertools.islice(self.records, opts.limit)
            if opts.limit is not None
            else self.records
        )

    def _reader(self) -> Iterator[Record]:
        """The records of the input, by format (columns checked first)."""
        o = self.opts
        text_input: dict[str, Any] = {
            "id_col": o.id_col,
            "text_col": o.text_col,
            "encoding": o.encoding,
            "keep": o.keep,
        }
        # CSV and JSONL are read as bytes through the hashing reader (resume key)
        if self.fmt == "csv":
            return read_csv(
                self._hasher,  # type: ignore[arg-type]
                delimiter=o.delimiter,
                no_header=o.no_header,
                repeated=self.repeated,
                **text_input,
            )
        if self.fmt == "jsonl":
            return read_jsonl(self._hasher, **text_input)  # type: ignore[arg-type]
        if self.fmt == "parquet":
            records = read_parquet(
                self.opts.input,
                self.opts.id_col,
                self.opts.text_col,
                keep=self.opts.keep,
            )
            self.kept_kinds = _parquet_kept_kinds(self.opts)
            return records
        if self.fmt == "txt":
            if not os.path.isdir(self.opts.input):
                raise InputError(f"{self.opts.input} is not a folder of .txt files")
            self.files = txt_files(self.opts.input)  # one list: reader and manifest
            self.total = min(len(self.files), self.opts.limit or len(self.files))
            return read_txt_dir(self.opts.input, self.opts.encoding, self.files)
        raise UsageError(f"unknown input format {self.fmt!r}")

    def _counted(self, records: Iterator[Record]) -> Iterator[Record]:
        for r in records:
            self.consumed += 1
            yield r

    def fraction(self, done: int) -> float | None:
        """How much of the input the `done` rows are (0..1), when that is known:
        rows of a known total (--limit, a folder), else the bytes read of a
        regular file scaled by the rows done of those read (the reader runs
        ahead of the workers)."""
        if self.total:
            return min(1.0, done / self.total)
        if self._hasher is None or self._fh is None or not self.consumed:
            return None
        try:
            size = os.fstat(self._fh.fileno()).st_size
        except (OSError, ValueError):
            return None
        if not size:
            return None
        read = min(1.0, self._hasher.bytes / size)
        return read * min(1.0, done / self.consumed)

    def identity(self) -> list[dict[str, Any]]:
        """Path, size and SHA-256 of what was read (files hashed as they stream)."""
        if self._hasher is not None:
            entry: dict[str, Any] = {
                "path": self.opts.input,
                "bytes": self._hasher.bytes,
                "sha256": self._hasher.sha256.hexdigest(),
            }
            if self.opts.limit is not None:
                entry["read_whole"] = self._read_whole()
            return [entry]
        return file_identity(
            self.files if self.fmt == "txt" else [Path(self.opts.input)]
        )

    def _read_whole(self) -> bool:
        """With --limit: whether the input ended within the limit (else `bytes`
        and `sha256` describe only the part read). The row looked at past the
        limit may repeat the header: it is no row of the run's."""
        rows, reordered = len(self.repeated.rows), len(self.repeated.reordered)
        try:
            return next(self._all, None) is None
        except Exception:  # noqa: BLE001 - an unreadable rest: not read whole
            return False
        finally:
            del self.repeated.rows[rows:], self.repeated.reordered[reordered:]

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def _parquet_kept_kinds(opts: RunOptions) -> dict[str, str]:
    """The kinds of the kept columns of a Parquet input that keep their type."""
    if not opts.keep:
        return {}
    import pyarrow.parquet as pq

    from calc_nlp.columns import find_columns
    from calc_nlp.readers import parquet_kinds

    schema = pq.ParquetFile(opts.input).schema_arrow
    found = find_columns(schema.names, [opts.id_col, opts.text_col, *opts.keep])
    kinds = parquet_kinds(schema, [schema.names[i] for i in found[2:]])
    return {n: k for n, k in zip(opts.keep, kinds, strict=True) if k}


def file_identity(paths: list[Path]) -> list[dict[str, Any]]:
    """Path, size and SHA-256 of each file (None for one that cannot be read)."""
    out: list[dict[str, Any]] = []
    for p in paths:
        h = hashlib.sha256()
        size = 0
        try:
            with open_regular(p) as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
                    size += len(block)
        except OSError:
            out.append({"path": str(p), "bytes": None, "sha256": None})
            continue
        out.append({"path": str(p), "bytes": size, "sha256": h.hexdigest()})
    return out


def chunks(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for r in records:
        chunk.append(r)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
