"""JSON text every strict reader takes (RFC 8259: jq, Spark, Jackson, browsers'
JSON.parse): never the `NaN` / `Infinity` literals Python's json writes for
non-finite floats, which make the whole line (or file) unreadable for them.

A non-finite float (a Parquet input's kept float column can hold them) is
written as CSV and Parquet outputs hold the same value: NaN as null (a missing
value: an empty CSV cell, a Parquet null), infinities as the strings
"Infinity" and "-Infinity" (the CSV cell's text; Spark, Jackson, pandas and
Python's float() read them back as the float).
"""

from __future__ import annotations

import json
import math
from typing import Any

POSITIVE_INFINITY = "Infinity"
NEGATIVE_INFINITY = "-Infinity"


def finite(value: Any) -> Any:
    """`value` with every non-finite float (nested in dicts, lists, tuples)
    mapped as the module says; everything else as it is."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return POSITIVE_INFINITY if value > 0 else NEGATIVE_INFINITY
        return value
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def dumps(data: Any, **kwargs: Any) -> str:
    """`json.dumps(data, **kwargs)` as strict JSON. The common case (no
    non-finite float) costs one dumps; only a refused one walks the data."""
    try:
        return json.dumps(data, allow_nan=False, **kwargs)
    except ValueError:
        return json.dumps(finite(data), allow_nan=False, **kwargs)
