"""CSV input: the header checked first, strict quoting, one row at a time."""

from __future__ import annotations

import csv
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as default
from typing import IO

from calc_nlp.columns import find_columns, position
from calc_nlp.errors import InputError, UsageError
from calc_nlp.readers import (
    BAD_BYTES,
    Record,
    record_of,
    text_stream,
)


def sniff_delimiter(first: str) -> str:
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
        self.ended = False  # the file's end reached: the generator has returned

    def __iter__(self) -> Iterator[str]:
        return self._read()

    def _read(self) -> Iterator[str]:
        """The lines, pending ones first: a generator, which costs less per
        line than a `__next__` method (some five lines a report)."""
        pending, current, fh = self.pending, self.current, self.fh
        while True:
            if pending:
                line = pending.pop()
            else:
                read = next(fh, None)
                if read is None:
                    self.ended = True
                    return
                line = read
            current.append(line)
            self.line += 1
            yield line

    def row_done(self) -> None:
        self.current.clear()

    def reread_after_first(self) -> int:
        """Give back all lines of the rejected row but its first; the first line number."""
        first = self.line - len(self.current) + 1
        rest = self.current[1:]
        self.pending.extend(reversed(rest))
        self.line -= len(rest)
        self.current.clear()
        return first

    def reader(self, delim: str) -> Iterator[list[str]]:
        """A strict csv reader over the lines. One whose lines ran to the end
        of the file inside an unclosed quote has seen its line generator
        return, so the lines given back after it need a new reader: without
        it, every row after the unclosed quote would be lost."""
        self.ended = False
        return csv.reader(self, delimiter=delim, strict=True)


def read_csv(
    raw: IO[bytes],
    id_col: str,
    text_col: str,
    encoding: str = "utf-8",
    delimiter: str | None = None,
    no_header: bool = False,
    keep: tuple[str, ...] = (),
    repeated: RepeatedHeaders | None = None,
) -> Iterator[Record]:
    """CSV rows as Records. The header is checked before the first row is yielded.

    Uses the csv module, not pandas' C engine, which cuts a field at a NUL
    byte (docs/guide.md, pitfalls). Rows with a different number of fields than the header
    are `ragged_row` errors: their columns may be shifted. Quoting is parsed
    strictly: a quote never closed, or closed in the middle of a field, makes
    that row a `malformed_quotes` error and the lines after its first are read
    again as rows, so one stray quote cannot merge the rest of the file into
    one report; so does a quoted field that holds whole rows of the file (a
    stray quote closed by a later row's quote). Blank lines are skipped.
    With `no_header` the first line is a row, `id_col` and `text_col` are
    1-based positions and the width is the first row's. `keep`: columns
    whose values each Record carries (names, or positions with `no_header`).
    `repeated`: where the rows that repeat the header are noted (parts of an
    export joined with `cat`): they are not reports (see `RepeatedHeaders`).
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
    delim = delimiter or sniff_delimiter(first)
    try:
        header = [h.strip() for h in next(csv.reader([first], delimiter=delim))]
    except (csv.Error, StopIteration):
        header = []
    if no_header:
        found = _positions(id_col, text_col, keep, len(header))
        lines.pending.append(first)
    else:
        found = find_columns(header, [id_col, text_col, *keep])
    reader = lines.reader(delim)
    shape = _Shape(delim, len(header), found[0])
    header_of = None if no_header else _HeaderOf(header, found)
    seen = repeated if repeated is not None else RepeatedHeaders()
    return _csv_rows(reader, lines, shape, found, header_of, seen)


@dataclass
class RepeatedHeaders:
    """Rows of a CSV input that repeat its header: parts of an export joined
    with `cat part1.csv part2.csv`, each part opening on its header. Such a
    row is no report (read as one it invented a report of id "report_id"):
    it is skipped, keeping its row number, and noted here for the manifest.
    `reordered`: those naming the same columns in another order, whose
    following rows are read by that order."""

    rows: list[int] = default(default_factory=list)
    reordered: list[int] = default(default_factory=list)


def _bare(cell: str) -> str:
    """A header cell as the first line's is read: spaces and a byte-order mark
    (each joined part's own, mid-file) stripped."""
    return cell.strip().lstrip("\ufeff").strip()


class _HeaderOf:
    """Tells a row that repeats the header (its fields the header's names,
    spaces and a byte-order mark around them stripped, in any case, as
    columns are found: a part exported as `REPORT_ID,TEXT`) and where the
    wanted columns stand in it."""

    def __init__(self, header: list[str], found: list[int]):
        # case is ignored unless two names differ by case alone
        self.fold = len({h.casefold() for h in header}) == len(header)
        self.header = [self._key(h) for h in header]
        self.names = sorted(self.header)
        self.firsts = set(self.header)  # a report's row is turned away on its first cell
        self.wanted = [self.header[i] for i in found]

    def _key(self, cell: str) -> str:
        bare = _bare(cell)
        return bare.casefold() if self.fold else bare

    def columns(self, row: list[str], found: list[int]) -> list[int] | None:
        """None for a row that is not the header; else the indexes of the
        wanted columns in it (`found` when in the same order)."""
        if self._key(row[0]) not in self.firsts:
            return None
        cells = [self._key(c) for c in row]
        if cells == self.header:
            return found
        if sorted(cells) != self.names:
            return None
        return [cells.index(name) for name in self.wanted]


def _positions(
    id_col: str, text_col: str, keep: tuple[str, ...], width: int
) -> list[int]:
    """--no-header: the 0-based indexes of the 1-based positions given."""
    found = [position(id_col, "--id-col"), position(text_col, "--text-col")]
    found += [position(k, "--keep-col") for k in keep]
    if max(found) >= width:
        raise InputError(
            f"--id-col {id_col} --text-col {text_col}"
            + "".join(f" --keep-col {k}" for k in keep)
            + f": the first row has {width} fields (not shown); check --delimiter",
            missing_column=True,
        )
    if any(i in found[:2] for i in found[2:]):
        raise UsageError("a --keep-col position is the id or text column")
    return found


_DIGITS, _LOWER, _UPPER = (re.compile(r) for r in ("[0-9]+", "[a-z]+", "[A-Z]+"))


class _Shape:
    """What a whole row of this file looks like, to find rows swallowed by a
    stray quote: a line inside a quoted field that parses on its own into the
    header's number of fields, with an id of the same shape as the row's own
    (`P003` and `P004`: letters then digits, digit runs of about the same
    length), is a row of the file, not text."""

    def __init__(self, delim: str, width: int, id_i: int):
        self.delim, self.width, self.id_i = delim, width, id_i

    @staticmethod
    def of_id(value: str) -> str:
        """'DEMO-001' -> 'A-9', '17' -> '9': runs of digits and letters collapsed."""
        value = _DIGITS.sub("9", value.strip())
        return _UPPER.sub("A", _LOWER.sub("a", value))

    def holds_rows(self, row: list[str]) -> bool:
        shape = ""  # the row's own id shape, worked out at the first candidate line
        # A line's id cell is its first field when the id is the first column:
        # unquoted (the line does not open on a quote), that is the text up to
        # the first delimiter, which can be read without parsing the line.
        # Most lines of a report's text are prose whose words before the first
        # delimiter hold a space: no id of a row, so the line is passed over.
        first = self.id_i == 0 and self.width > 1
        for field in row:
            if "\n" not in field and "\r" not in field:
                continue
            for line in _lines_of(field)[1:]:
                if first and not line.startswith('"'):
                    cut = line.find(self.delim)
                    if cut < 0 or " " in line[:cut].strip():
                        continue  # not a whole row, or an id cell with a space
                cell = self._id_cell(line)
                if cell is None or " " in cell:
                    continue  # a space stays in the shape, and a row's has none
                if not shape:
                    shape = self.of_id(row[self.id_i])
                    if not shape or " " in shape:
                        return False
                if self.of_id(cell) == shape and self.as_long(cell, row[self.id_i]):
                    return True
        return False

    @staticmethod
    def as_long(cell: str, own: str) -> bool:
        """Are the digit runs of two ids of one shape as long, give or take
        one (`P099` and `P100`)? A report line such as "1,2 cm nodule" or
        "12, stable" has the shape of a numeric id, '9', but not the length
        of one: read as a row swallowed by a stray quote, it made the report
        an error and a fragment of its text a report of id "1"."""
        lengths = zip(_DIGITS.findall(cell), _DIGITS.findall(own), strict=False)
        return all(abs(len(a) - len(b)) <= 1 for a, b in lengths)

    def _id_cell(self, line: str) -> str | None:
        """The id cell (stripped) of a line that parses into a whole row."""
        if line.count(self.delim) < self.width - 1:
            return None  # too few delimiters to be a whole row
        try:
            cells = next(csv.reader([line], delimiter=self.delim, strict=True))
        except (csv.Error, StopIteration):
            return None
        return cells[self.id_i].strip() if len(cells) == self.width else None


def _lines_of(field: str) -> list[str]:
    """The lines of a field as the reader splits the file: at CR, LF or CRLF
    only. Not str.splitlines, which also cuts at a form feed, a vertical tab,
    U+0085, U+2028 and others: a page break before a page header repeating
    the id made the report an error and its text a row of its own."""
    if "\r" in field:
        field = field.replace("\r\n", "\n").replace("\r", "\n")
    return field.split("\n")


def _csv_rows(
    reader: Iterator[list[str]],
    lines: _Lines,
    shape: _Shape,
    found: list[int],
    header_of: _HeaderOf | None,
    repeated: RepeatedHeaders,
) -> Iterator[Record]:
    id_i, text_i, kept = found[0], found[1], found[2:]
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # Unclosed or misplaced quote: this row is an error, the lines after
            # its first are read again as rows of their own.
            n += 1
            lines.reread_after_first()
            if lines.ended:
                reader = lines.reader(shape.delim)
            yield Record(n, "", "", problem="malformed_quotes")
            continue
        except (OSError, EOFError, zlib.error):
            raise InputError(
                f"input cannot be read after row {n} (corrupt or truncated data)"
            ) from None
        if not row or (len(row) == 1 and not row[0].strip() and shape.width > 1):
            lines.row_done()
            continue  # a blank line is not a row
        n += 1
        if len(row) != shape.width:
            # Columns may be shifted: the id field could hold report text, so it is not kept.
            lines.row_done()
            yield Record(n, "", "", problem="ragged_row")
            continue
        if len(lines.current) > 1 and shape.holds_rows(row):
            # A stray quote closed by a later row's quote: those rows are read again.
            lines.reread_after_first()
            if lines.ended:
                reader = lines.reader(shape.delim)
            yield Record(n, "", "", problem="malformed_quotes")
            continue
        lines.row_done()
        again = header_of.columns(row, found) if header_of else None
        if again is not None:  # a joined part's header: not a report
            repeated.rows.append(n)
            if again != found:
                repeated.reordered.append(n)
                found = again
                id_i, text_i, kept = found[0], found[1], found[2:]
                shape.id_i = id_i
            continue
        # Invalid bytes counted once the row is read, its own included: the
        # decoder reads 8 KiB blocks, so a long report's bad byte past its
        # first block is decoded only while the row itself is read (counted
        # before it, the row lost its invalid_encoding note).
        bad = BAD_BYTES["count"]
        yield record_of(n, row[id_i], row[text_i], bad, [row[i] for i in kept])
