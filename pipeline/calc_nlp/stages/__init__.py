"""From report text to findings, as stages over one record per report.

`analyze_report(text)` (or `Analyzer(rules).analyze(text)`) is the one way
in; see `analyze.py` for the order of the stages and a module per stage.
Its names are loaded on first use, so that a module of this package that
needs no spaCy (literal_gate, descriptor_rules) can be imported without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from calc_nlp.lazy import lazy_names

if TYPE_CHECKING:
    from calc_nlp.stages.analyze import (
        MAX_PIECE_CHARS,
        Analyzer,
        analyze_report,
        analyzer,
        split_text,
    )

__all__ = ["MAX_PIECE_CHARS", "Analyzer", "analyze_report", "analyzer", "split_text"]


__getattr__, __dir__ = lazy_names(__name__, "calc_nlp.stages.analyze", __all__)
