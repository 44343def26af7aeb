"""From report text to findings, as stages over one record per report.

`analyze_report(text)` (or `Analyzer(rules).analyze(text)`) is the one way
in; see `analyze.py` for the order of the stages and a module per stage.
"""

from calc_nlp.stages.analyze import (
    MAX_PIECE_CHARS,
    Analyzer,
    analyze_report,
    analyzer,
    split_text,
)

__all__ = ["MAX_PIECE_CHARS", "Analyzer", "analyze_report", "analyzer", "split_text"]
