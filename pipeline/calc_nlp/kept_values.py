"""Values of kept columns (`run --keep-col`, `extract(keep=...)`): text, except
the simple types of a Parquet input (integers, floats, booleans), which keep
their type in JSONL and Parquet outputs (CSV cells are always text).

A JSON Lines input's kept values are text whatever their JSON type: one row's
`12` and another's `"12a"` must land in one column.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from calc_nlp.strict_json import finite

Kept = str | int | float | bool | None

_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def kept_text(value: Any) -> str | None:
    """A kept value as text: numbers as their text (1.0 as "1"), true/false,
    nested JSON as JSON text; None for a missing value (null, NaN, absent);
    an infinity as "Infinity" / "-Infinity", the string JSON outputs hold for
    it (strict_json.py), not Python's "inf"."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and math.isinf(value):
        return str(finite(value))
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return _clean(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return _clean(str(value))


def kept_value(value: Any, kind: str | None) -> Kept:
    """A kept value for a column of `kind` ("int", "float", "bool"; None: text)."""
    if kind is None:
        return kept_text(value)
    if value is None or (isinstance(value, float) and value != value):
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return bool(value)


def arrow_kind(arrow_type: Any) -> str | None:
    """The kind a Parquet column's Arrow type keeps: int, float, bool or text.
    An uint64 column keeps its values as text: the outputs' int64 cannot hold
    those from 2**63 (the Parquet writer raised OverflowError, failing the run)."""
    import pyarrow as pa

    if pa.types.is_integer(arrow_type) and not pa.types.is_uint64(arrow_type):
        return "int"
    if pa.types.is_floating(arrow_type):
        return "float"
    if pa.types.is_boolean(arrow_type):
        return "bool"
    return None


def spark_kind(spark_type: Any) -> str | None:
    """The kind a Spark column's type keeps (as `arrow_kind`)."""
    name = type(spark_type).__name__
    if name in ("LongType", "IntegerType", "ShortType", "ByteType"):
        return "int"
    if name in ("DoubleType", "FloatType"):
        return "float"
    if name == "BooleanType":
        return "bool"
    return None
