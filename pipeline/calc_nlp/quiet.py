"""Keep third-party loggers off stderr (their DEBUG lines can hold report text).

PyRuSH and medspaCy log through loguru at DEBUG to stderr by default
(docs/guide.md, pitfalls). We disable their loguru namespaces rather than removing every
loguru handler, so an application embedding calc-nlp keeps its own logging.
"""

from __future__ import annotations

import logging
import warnings

_NAMESPACES = ("PyRuSH", "medspacy", "medspacy_quickumls", "quickumls")


def silence() -> None:
    try:
        from loguru import logger
    except ImportError:  # pragma: no cover - loguru comes with medspaCy
        return
    for name in _NAMESPACES:
        logger.disable(name)
    for name in _NAMESPACES:
        logging.getLogger(name).setLevel(logging.WARNING)
    # medspaCy warns per match conflict; the text of a match must not reach stderr.
    warnings.filterwarnings("ignore", module=r"medspacy(\..*)?")
    # spaCy's "matcher has no patterns" (a rule set with phrases only) says nothing useful.
    warnings.filterwarnings("ignore", message=r"\[W036\]")
