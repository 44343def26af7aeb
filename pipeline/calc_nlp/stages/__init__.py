"""From report text to findings, as stages over one record per report.

`analyze_report(text)` (or `Analyzer(rules).analyze(text)`) is the one way
in; see `analyze.py` for the order of the stages and a module per stage.
Its names are loaded on first use, so that a module of this package that
needs no spaCy (literal_gate, descriptor_rules) can be imported without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from calc_nlp.stages.analyze import (
        MAX_PIECE_CHARS,
        Analyzer,
        analyze_report,
        analyzer,
        split_text,
    )

__all__ = ["MAX_PIECE_CHARS", "Analyzer", "analyze_report", "analyzer", "split_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from calc_nlp.stages import analyze

        value = getattr(analyze, name)
        globals()[name] = value  # later lookups skip this hook
        return value
    raise AttributeError(f"module 'calc_nlp.stages' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
