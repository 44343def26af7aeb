"""JSON Lines input: one object per line, ids as their JSON text."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from typing import IO, Any

from calc_nlp.columns import key_of
from calc_nlp.errors import InputError
from calc_nlp.readers import (
    BAD_BYTES,
    Record,
    record_of,
    text_stream,
)


def read_jsonl(
    raw: IO[bytes],
    id_col: str,
    text_col: str,
    encoding: str = "utf-8",
    keep: tuple[str, ...] = (),
) -> Iterator[Record]:
    """JSON Lines, one object per line; ids may be numbers (kept as their JSON text).

    A JSON array (a `.json` file holding `[...]`) is refused: it is not JSON
    Lines and cannot be streamed.
    """
    fh = text_stream(raw, encoding)
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
    return _jsonl_rows(_chain_first(first, fh), id_col, text_col, keep)


def _chain_first(first: str, fh: IO[str]) -> Iterator[str]:
    if first:
        yield first
    yield from fh


_ESCAPE = re.compile(r"\\.", re.DOTALL)


def _json_lines(pieces: Iterator[str]) -> Iterator[str]:
    """The lines of the input, a line cut at a CR inside one of its strings
    joined with what follows. The input is split at CR as well as LF (a file
    whose lines end in CR alone is read line by line), so a raw CR that an
    exporter left in a string cut the line into two invalid_json rows, and
    every later row got the next one's number. A CR is inside a string when
    the line so far holds an odd number of quotes not escaped; a piece that
    opens an object is a line of its own (a line cut short in a file of CR
    line ends must not take the rest of the file with it)."""
    held: str | None = None
    for piece in pieces:
        if held is None:
            held = piece
        elif piece.lstrip().startswith("{"):
            yield held
            held = piece
        else:
            held += piece
        if not (held.endswith("\r") and _ESCAPE.sub("", held).count('"') % 2):
            yield held
            held = None
    if held is not None:
        yield held


_CR_PIECES = re.compile(r"[^\r]*\r|[^\r]+")


def line_pieces(line: str) -> Iterator[str]:
    """The lines of a text that holds no LF, cut at each CR and joined back
    as the local reader's (`_json_lines`): `run --engine spark` reads lines
    ended at LF and gives each to this."""
    return _json_lines(iter(_CR_PIECES.findall(line)))


def _loads(line: str) -> Any:
    """One line's JSON value. Python refuses integers of over 4,300 digits
    (a ValueError, not a JSONDecodeError): one in any field of one line
    stopped the run (exit 7, no outputs). Such a line is read with its
    integers as their digits, the text an id or kept value gets from them.
    A BOM opening the line is left out: parts written with one and joined
    (`cat a.jsonl b.jsonl`) made each later part's first row invalid_json.
    A control character written raw inside a string (a CR or tab an
    exporter did not escape) is read as written (`strict=False`): the
    report was an invalid_json row, its text never analysed."""
    if line.startswith("\ufeff"):
        line = line[1:]
    try:
        return json.loads(line, strict=False)
    except json.JSONDecodeError:
        raise
    except ValueError:
        return json.loads(line, parse_int=str, strict=False)


def _jsonl_rows(
    fh: Iterator[str], id_col: str, text_col: str, keep: tuple[str, ...]
) -> Iterator[Record]:
    n = 0
    it = _json_lines(iter(fh))
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
        yield line_record(n, line, id_col, text_col, keep, BAD_BYTES["count"])


def line_record(
    n: int,
    line: str,
    id_col: str,
    text_col: str,
    keep: tuple[str, ...] | list[str] = (),
    bad: int | None = None,
) -> Record:
    """Row `n` of a JSON Lines input from its (non-blank) line: the one parser
    of the local reader and of `run --engine spark`'s executors, so both keep
    a JSON number's type (id 3.0 is "3", a number text is text_not_a_string)."""
    try:
        obj = _loads(line)
    except (json.JSONDecodeError, RecursionError):
        return Record(n, "", "", problem="invalid_json")
    if not isinstance(obj, dict):
        return Record(n, "", "", problem="not_an_object")
    # Keys match ignoring case when exactly one key does ('Text' for 'text').
    return record_of(
        n,
        obj.get(key_of(obj, id_col)),
        obj.get(key_of(obj, text_col)),
        bad,
        [obj.get(key_of(obj, k)) for k in keep],
    )
