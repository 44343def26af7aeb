"""Finding the id and text columns in a header: by name, ignoring case when
exactly one column matches, or by 1-based position for CSV without a header.

Errors name header cells only, and only when the first line reads as a header
(otherwise it may be a row of data and is never shown).
"""

from __future__ import annotations

import difflib
import re

from calc_nlp.errors import InputError, UsageError

# A column name: starts with a letter or _, short, a few words at most, no
# long digit runs (ids), no sentence punctuation. Anything else in a first line
# may be a row of data and is never shown.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_ .#()/-]{0,63}")
# A short id (`P12`, `MRN44`: capitals then digits) passes _NAME: with it, a
# headerless first row of a short text of plain words was shown as names.
_SHORT_ID = re.compile(r"[A-Z]+[0-9]+")


def looks_like_header(fields: list[str]) -> bool:
    """Whether a first line reads as column names (so that they may be shown)."""
    names = [f.strip() for f in fields]
    if not names or any(not n for n in names) or len(set(names)) != len(names):
        return False
    for n in names:
        if not _NAME.fullmatch(n) or re.search(r"\d{4}", n) or len(n.split()) > 4:
            return False
        if _SHORT_ID.fullmatch(n):
            return False
        if n.endswith(".") or ". " in n:
            return False
    return True


def suggestion(wanted: str, header: list[str]) -> str | None:
    """The header cell closest to `wanted` (difflib, ignoring case), or the one
    that contains it ('text' -> 'REPORT_TEXT'); None when nothing is close."""
    folded = {h.casefold(): h for h in header}
    close = difflib.get_close_matches(wanted.casefold(), list(folded), n=1, cutoff=0.6)
    if close:
        return folded[close[0]]
    holding = [h for h in header if wanted.casefold() in h.casefold()]
    return holding[0] if len(holding) == 1 else None


def find_column(header: list[str], wanted: str) -> int | str:
    """The index of `wanted` in `header`, or why it is not there (a message).

    An exact match wins; else the one column equal to it ignoring case. A
    name the header gives twice is refused: which of the two holds the
    reports is not known (the first was read, the other's text lost)."""
    if header.count(wanted) > 1:
        return f"column {wanted!r} appears {header.count(wanted)} times"
    if wanted in header:
        return header.index(wanted)
    same = [i for i, h in enumerate(header) if h.casefold() == wanted.casefold()]
    if len(same) == 1:
        return same[0]
    if same:
        return f"column {wanted!r} matches {len(same)} columns when case is ignored"
    return f"no column {wanted!r}"


def check_columns(header: list[str], id_col: str, text_col: str) -> tuple[int, int]:
    """The indexes of the id and text columns, or InputError (exit 2)."""
    id_i, text_i = find_columns(header, [id_col, text_col])
    return id_i, text_i


def find_columns(header: list[str], wanted: list[str]) -> list[int]:
    """The indexes of the `wanted` columns (the id, the text, then any kept
    columns), or InputError (exit 2) naming header cells only."""
    found = [find_column(header, c) for c in wanted]
    if all(isinstance(f, int) for f in found):
        ints = [f for f in found if isinstance(f, int)]
        _refuse_kept_id_or_text(wanted, ints)
        return ints
    problems = list(zip(wanted, found, strict=True))
    if looks_like_header(header):
        free = [h for i, h in enumerate(header) if i not in found]
        parts = []
        for name, why in problems:
            if isinstance(why, int):
                continue
            hint = None if why.startswith("column") else suggestion(name, free)
            parts.append(f"{why}; did you mean {hint!r}?" if hint else why)
        raise InputError(
            f"{'; '.join(parts)}; the input has columns: "
            f"{', '.join(repr(h) for h in header)}",
            missing_column=True,
        )
    twice = [f for _, f in problems if isinstance(f, str) and f.startswith("column")]
    if twice:  # named more than once: said so, the line itself not shown
        raise InputError(
            f"{'; '.join(twice)} in the first line ({len(header)} fields; not shown)",
            missing_column=True,
        )
    names = ", ".join(repr(c) for c, f in problems if not isinstance(f, int))
    raise InputError(
        f"column {names} not found: the first line does not look like a header "
        f"({len(header)} fields; not shown, it may be a row of data). "
        "Add a header row or use --no-header with column positions, or check "
        "--delimiter, --encoding and --input-format "
        "(a UTF-16 file needs --encoding utf-16; Parquet needs --input-format parquet)",
        missing_column=True,
    )


def _refuse_kept_id_or_text(wanted: list[str], found: list[int]) -> None:
    """A kept column (after the id and the text) that is the id or text column
    under another spelling ('Report_ID' for 'report_id') is refused (exit 2)."""
    for name, index in zip(wanted[2:], found[2:], strict=True):
        if index in found[:2]:
            role = "id" if index == found[0] else "text"
            raise UsageError(
                f"--keep-col {name!r} is the {role} column: it is in the output already"
            )


def keep_problem(keep: list[str], id_col: str, text_col: str) -> str | None:
    """Why these kept column names cannot be used, or None: a name given twice,
    the id or text column, or an output column's name (ignoring case, as some
    readers of Parquet and Spark do). Shared by `run --keep-col` and the API's
    `extract(keep=...)`."""
    from calc_nlp.schema import ERROR_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS

    folded = [k.casefold() for k in keep]
    if len(set(folded)) != len(folded):
        return (
            "a kept column is named more than once (names are compared ignoring case)"
        )
    taken = {
        c.casefold(): c for c in (*FINDING_COLUMNS, *REPORT_COLUMNS, *ERROR_COLUMNS)
    }
    for name in keep:
        if not name:
            return "a kept column name is empty"
        if name.casefold() in (id_col.casefold(), text_col.casefold()):
            role = "id" if name.casefold() == id_col.casefold() else "text"
            return f"kept column {name!r} is the {role} column: it is in the output already"
        if name.casefold() in taken:
            return (
                f"kept column {name!r} has the name of an output column "
                f"({taken[name.casefold()]!r}); rename it in the input first"
            )
    return None


def kept_names(keep: list[str], no_header: bool) -> list[str]:
    """The output names of kept columns: as given, or `col<N>` for the 1-based
    positions given with --no-header."""
    if not no_header:
        return list(keep)
    return [f"col{position(k, '--keep-col') + 1}" for k in keep]


def position(value: str, option: str) -> int:
    """A 1-based column position given to --id-col / --text-col / --keep-col
    with --no-header."""
    if not value.isdigit() or int(value) < 1:
        raise UsageError(
            f"{option} must be a column position (1, 2, ...) with --no-header, "
            f"not {value!r}"
        )
    return int(value) - 1


def key_of(obj: dict, wanted: str) -> str:
    """The key of a JSON object naming `wanted`: itself, else the one key equal
    to it ignoring case (several or none: `wanted`, so the value is missing)."""
    if wanted in obj:
        return wanted
    same = [k for k in obj if isinstance(k, str) and k.casefold() == wanted.casefold()]
    return same[0] if len(same) == 1 else wanted
