"""Kept columns (`run --keep-col`): input columns copied onto every findings,
reports and errors row of their report, after the standard columns (values:
kept_values.py).

The engine never sees them: the parent remembers each record's values as the
records go to the engine (a queue as long as the rows in flight) and appends
them to the rendered lines in input order, so workers, Spark executors and
the analysis are unchanged.
"""

from __future__ import annotations

import csv
import io
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from calc_nlp.errors import UsageError
from calc_nlp.kept_values import Kept, kept_text
from calc_nlp.readers import Record
from calc_nlp.strict_json import dumps
from calc_nlp.writers import neutralise

Values = tuple[Kept, ...]


def check_keep(keep: tuple[str, ...], id_col: str, text_col: str, fmt: str) -> None:
    """Refuse kept columns that cannot be written (exit 2), before any row."""
    from calc_nlp.columns import keep_problem

    if not keep:
        return
    if fmt == "txt":
        raise UsageError(
            "--keep-col needs a CSV, JSONL or Parquet input (a .txt folder has no columns)"
        )
    problem = keep_problem(list(keep), id_col, text_col)
    if problem:
        raise UsageError(problem.replace("kept column", "--keep-col", 1))


class KeptCells:
    """Appends the kept values to lines a `LineFormat` rendered (CSV or JSON Lines)."""

    def __init__(self, names: tuple[str, ...], fmt: str, people: bool):
        self.names, self.fmt, self.people = names, fmt, people
        self._keys = [dumps(n, ensure_ascii=False) for n in names]

    def texts(self, values: Values) -> list[str]:
        """The cell texts of `values` (a row not read, with no values: empty)."""
        padded = list(values) + [None] * (len(self.names) - len(values))
        return [kept_text(v) or "" for v in padded]

    def cells(self, values: Values) -> list[str]:
        """The CSV cells of `values`, formulas neutralised for people."""
        cells = self.texts(values)
        return [neutralise(c) for c in cells] if self.people else cells

    def extend(self, lines: str, values: Values) -> str:
        """`lines` (whole rows, possibly several) with the values appended to each."""
        if not lines or not self.names:
            return lines
        if self.fmt == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\r\n")
            extra = self.cells(values)
            for row in csv.reader(io.StringIO(lines, newline="")):
                writer.writerow(row + extra)
            return buf.getvalue()
        padded = list(values) + [None] * (len(self.names) - len(values))
        suffix = "".join(
            f", {k}: {dumps(v, ensure_ascii=False)}"
            for k, v in zip(self._keys, padded, strict=True)
        )
        # JSON text never holds a raw newline: each "\n" ends one row's object
        rows = lines.split("\n")[:-1]
        return "".join(f"{row[:-1]}{suffix}}}\n" for row in rows)


def with_kept(
    records: Iterator[Record],
    run: Callable[[Iterator[Record]], Iterator[Any]],
) -> Iterator[Any]:
    """The chunks `run` makes of `records`, each rendered row followed by its
    record's kept values (rows come back in input order, one per record)."""
    pending: deque[Values] = deque()

    def tap() -> Iterator[Record]:
        for r in records:
            pending.append(r.kept)
            yield r

    for n, rows, timings, digests in run(tap()):
        yield n, [(*row, pending.popleft()) for row in rows], timings, digests
