"""Keep third-party loggers off stderr (their DEBUG lines can hold report text).

PyRuSH and medspaCy log through loguru at DEBUG to stderr by default
(docs/guide.md, pitfalls). We disable their loguru namespaces rather than removing every
loguru handler, so an application embedding calc-nlp keeps its own logging.
"""

from __future__ import annotations

import logging
import sys
import warnings

_NAMESPACES = ("PyRuSH", "medspacy", "medspacy_quickumls", "quickumls")


def silence() -> None:
    """Quiet the namespaces of the packages imported so far: call it again
    after importing more of them. loguru is not imported here: only PyRuSH
    brings it (through medSpaCy's components), and before then nothing logs
    through it (a twentieth of a second of the command line's start)."""
    loguru = sys.modules.get("loguru")
    if loguru is not None:
        for name in _NAMESPACES:
            loguru.logger.disable(name)
    for name in _NAMESPACES:
        logging.getLogger(name).setLevel(logging.WARNING)
    # medspaCy warns per match conflict; the text of a match must not reach stderr.
    warnings.filterwarnings("ignore", module=r"medspacy(\..*)?")
    # spaCy's "matcher has no patterns" (a rule set with phrases only) says nothing useful.
    warnings.filterwarnings("ignore", message=r"\[W036\]")
