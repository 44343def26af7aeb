"""calc-nlp: soft-tissue calcification findings from free-text radiology reports.

`calc_nlp.extract(...)` and `calc_nlp.analyze(text)` are the Python API
(api.py). They are loaded on first use, so `import calc_nlp` stays cheap: no
spaCy, pandas or rules are imported until one of them is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from calc_nlp.lazy import lazy_names

__version__ = "0.1.0"

if TYPE_CHECKING:
    from calc_nlp.api import Result, analyze, extract

__all__ = ["Result", "__version__", "analyze", "extract"]

__getattr__, __dir__ = lazy_names(__name__, "calc_nlp.api", ["extract", "analyze", "Result"])
