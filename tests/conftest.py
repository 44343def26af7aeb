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
def finding_with(findings_of):
    """(text, word) -> the first finding whose mention holds `word`; with an
    empty word, the text's single finding (fails if there is not exactly one)."""

    def run(text: str, word: str):
        found = findings_of(text)
        if not word:
            assert len(found) == 1, [f.mention for f in found]
            return found[0]
        named = [f for f in found if word.lower() in f.mention.lower()]
        assert named, [f.mention for f in found]
        return named[0]

    return run


@pytest.fixture(scope="session")
def finding_of(findings_of):
    """(text, mention) -> the first finding whose mention is exactly
    `mention`; with None, the text's first finding (fails if there is none)."""

    def run(text: str, mention: str | None):
        found = findings_of(text)
        if mention is not None:
            found = [f for f in found if f.mention == mention]
        assert found, (text, mention)
        return found[0]

    return run


@pytest.fixture(scope="session")
def finding_named(findings_of):
    """(text, mention) -> the one finding whose mention is exactly `mention`
    (fails if there is not exactly one)."""

    def run(text: str, mention: str):
        found = [f for f in findings_of(text) if f.mention == mention]
        assert len(found) == 1, [f.mention for f in findings_of(text)]
        return found[0]

    return run


@pytest.fixture(scope="session")
def lesion_numbers(analyzer):
    """Text -> lesion numbers 1, 2, ... of its findings, in text order."""

    def run(text: str) -> list[int]:
        numbers: dict[str, int] = {}
        findings = analyzer.analyze(text, "T").findings
        return [numbers.setdefault(f.lesion_id, len(numbers) + 1) for f in findings]

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


def _shown(value: object) -> str:
    """A parameter value as a row key shows it: a set's items sorted, so the
    key does not depend on the set's iteration order."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(map(str, value))) + "}"
    return str(value)


def row_key(item) -> str:
    """A test row named by its test and its parameter values, not by pytest's
    node id, which numbers rows whose values it cannot print by their place
    in the table ('text178'): a row added above would move the name."""
    base = item.nodeid.split("[", 1)[0]
    spec = getattr(item, "callspec", None)
    if spec is None:
        return base
    return base + "[" + " | ".join(_shown(v) for v in spec.params.values()) + "]"


def pytest_collection_modifyitems(config, items):
    """Rows of tests/known_gaps.py are strict expected failures. A listed row
    of a collected test file that no test matches is an error: its test was
    renamed or reworded, and the mark would silently be lost."""
    from .known_gaps import KNOWN_GAPS

    keys = {row_key(item): item for item in items}
    collected = {item.nodeid.split("::", 1)[0] for item in items}
    lost = [k for k in KNOWN_GAPS if k not in keys and k.split("::", 1)[0] in collected]
    chosen = config.getoption("keyword") or any("::" in str(a) for a in config.args)
    if lost and not chosen:  # a run of chosen tests leaves other rows out
        raise pytest.UsageError(f"tests/known_gaps.py rows match no test: {lost}")
    for key, item in keys.items():
        why = KNOWN_GAPS.get(key)
        if why is not None:
            item.add_marker(pytest.mark.xfail(strict=True, reason=why))
