"""Shared fixtures: the rules and one analyzer per test session (blank spaCy + our rules)."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# The tests build in a cache of their own (removed at exit), never the user's.
if "CALC_NLP_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="calc-nlp-test-cache-")
    os.environ["CALC_NLP_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, True)

from calc_nlp.rules import load_rules  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpora" / "demo"


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def analyzer(rules):
    from calc_nlp.stages import Analyzer

    return Analyzer(rules)


@pytest.fixture(scope="session")
def findings_of(analyzer):
    """Text -> list of findings (report id 'T')."""

    def run(text: str):
        return analyzer.analyze(text, "T").findings

    return run


@pytest.fixture(scope="session")
def only(findings_of):
    """Text -> its single finding (fails if there is not exactly one)."""

    def run(text: str):
        found = findings_of(text)
        assert len(found) == 1, [f.mention for f in found]
        return found[0]

    return run


def calc_nlp_cmd(*args) -> list[str]:
    """The command line of a real calc-nlp process (for tests that need one)."""
    return [sys.executable, "-m", "calc_nlp", *map(str, args)]
