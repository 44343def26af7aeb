"""From report text to findings, as stages over one record per report.

`analyze_report(text)` (or `Analyzer(rules).analyze(text)`) is the one way
in; see `analyze.py` for the order of the stages and a module per stage.
A finding's site is linked in linking.py (context_sites.py, exam_sites.py,
generic_sites.py for the context); its side is worked out in
finding_sides.py (side words of a sentence in sides.py); findings.py
builds the Finding.
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
