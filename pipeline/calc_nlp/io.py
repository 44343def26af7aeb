"""Readers and writers. Parsing takes file objects; opening lives in runner.py."""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from calc_nlp.errors import InputError

# Python's csv refuses fields over 131,072 characters by default (ANCHORS.md).
csv.field_size_limit(sys.maxsize)


def read_csv_reports(fh: IO[str], id_col: str, text_col: str) -> Iterator[tuple[int, str, str]]:
    """Yield (row_number, report_id, text) from a CSV export, header first.

    The header is checked before the first row is yielded, so a missing
    column fails before anything is written. A short (ragged) row gives an
    empty text rather than an error. Uses the csv module, not pandas' C
    engine, which cuts a field at a NUL byte (ANCHORS.md).
    """
    reader = csv.reader(fh)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("input is empty: no header row") from None
    header = [h.strip() for h in header]
    missing = [c for c in (id_col, text_col) if c not in header]
    if missing:
        raise InputError(
            f"column {', '.join(repr(c) for c in missing)} not found; "
            f"the input has columns: {', '.join(repr(h) for h in header)}"
        )
    id_i, text_i = header.index(id_col), header.index(text_col)
    return _rows(reader, id_i, text_i)


def _rows(reader: Iterable[list[str]], id_i: int, text_i: int) -> Iterator[tuple[int, str, str]]:
    for n, row in enumerate(reader, start=1):
        if not row:
            continue
        rid = row[id_i].strip() if id_i < len(row) else ""
        text = row[text_i] if text_i < len(row) else ""
        yield n, rid, text


class AtomicCsvWriter:
    """Writes a CSV to a temporary file beside `path`, renamed into place on success.

    A failed or killed run leaves any previous file at `path` untouched.
    """

    def __init__(self, path: Path, columns: Iterable[str]):
        self.path = Path(path)
        self.columns = tuple(columns)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._tmp = Path(tmp)
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._fh, fieldnames=self.columns, lineterminator="\n")
        self._writer.writeheader()
        self.rows = 0

    def write(self, row: dict[str, str]) -> None:
        self._writer.writerow(row)
        self.rows += 1

    def commit(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicCsvWriter:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        if et is None:
            self.commit()
        else:
            self.abort()
