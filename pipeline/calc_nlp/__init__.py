"""calc-nlp: soft-tissue calcification findings from free-text radiology reports.

`calc_nlp.extract(...)` and `calc_nlp.analyze(text)` are the Python API
(api.py). They are loaded on first use, so `import calc_nlp` stays cheap: no
spaCy, pandas or rules are imported until one of them is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from calc_nlp.api import Result, analyze, extract

__all__ = ["Result", "__version__", "analyze", "extract"]

_LAZY = {"extract", "analyze", "Result"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from calc_nlp import api

        value = getattr(api, name)
        globals()[name] = value  # later lookups skip this hook
        return value
    raise AttributeError(f"module 'calc_nlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY)
