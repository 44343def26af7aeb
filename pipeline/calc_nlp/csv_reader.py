"""CSV input: the header checked first, strict quoting, one row at a time."""

from __future__ import annotations

import csv
import zlib
from collections.abc import Iterator
from typing import IO

from calc_nlp.errors import InputError
from calc_nlp.readers import (
    BAD_BYTES,
    Record,
    check_columns,
    record_of,
    text_stream,
)


def _sniff_delimiter(first: str) -> str:
    counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


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
    fh = text_stream(raw, encoding)
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
    id_i, text_i = check_columns(header, id_col, text_col)
    reader = csv.reader(lines, delimiter=delim, strict=True)
    return _csv_rows(reader, lines, len(header), id_i, text_i)


def _csv_rows(
    reader: Iterator[list[str]], lines: _Lines, width: int, id_i: int, text_i: int
) -> Iterator[Record]:
    n = 0
    while True:
        bad = BAD_BYTES["count"]
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
        yield record_of(n, row[id_i], row[text_i], bad)
