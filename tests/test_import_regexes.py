"""The regexes modules compile when imported, kept compiled (import_regexes.py):
a primed pattern is the very pattern `re.compile` gives, a second run's
imports compile (nearly) nothing, and a missing, corrupt or foreign entry
only means compiling as usual."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from calc_nlp import build_cache, import_regexes, regex_cache

PATTERNS = [
    (r"(?<![a-z0-9])(?:left|right)(?![a-z0-9])", 0),
    (r"(?P<value>\d{1,5}(?:\.\d+)?)\s*(?P<unit>mg/dl|mmol/l)?", int(re.I)),
    (r"calcif\w*|phlebolith", int(re.IGNORECASE | re.MULTILINE)),
    ("ﬁbrous|ÄÖ|straße", int(re.I)),
    (r"^\s*(?:[a-z]+(?:\.[a-z]+)*)", int(re.VERBOSE | re.ASCII)),
]


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(build_cache.ENV, str(folder))
    return folder


def _compiled_anew(pattern: str, flags: int) -> re.Pattern[str]:
    from re import _compiler  # type: ignore[attr-defined]

    return _compiler.compile(pattern, flags)  # type: ignore[no-any-return]


def _keep_all() -> None:
    compiled = {regex_cache.pattern_key(p, f): (p, f) for p, f in PATTERNS}
    import_regexes._keep({}, compiled)


def _primed() -> dict[object, object]:
    kept = build_cache.load(import_regexes._KIND, import_regexes._INPUTS)
    primed: dict[object, object] = {}
    import_regexes.prime(kept or {}, primed)
    return primed


def test_a_primed_pattern_is_the_pattern_re_compiles(cache):
    _keep_all()
    primed = _primed()
    assert len(primed) == len(PATTERNS)
    for pattern, flags in PATTERNS:
        ours = primed[(str, pattern, flags)]
        assert ours == _compiled_anew(pattern, flags)
        assert ours is not _compiled_anew(pattern, flags)  # built, not looked up


def test_a_corrupt_or_foreign_entry_primes_nothing(cache, monkeypatch):
    _keep_all()
    (entry,) = cache.glob(f"{import_regexes._KIND}-*")
    entry.write_bytes(entry.read_bytes()[:-7] + b"garbage")
    assert _primed() == {}
    _keep_all()
    assert len(_primed()) == len(PATTERNS)
    # another Python, spaCy or calc-nlp: another key, nothing found
    monkeypatch.setattr(build_cache, "_CONTEXT", "another context")
    assert _primed() == {}


def test_nothing_is_primed_or_kept_once_spacy_is_imported(cache):
    import spacy  # noqa: F401

    # re's cache is emptied first: full (512 patterns, after other tests) it
    # would drop one pattern for each it adds
    re.purge()
    with import_regexes.kept_while_importing():
        re.compile(r"a pattern compiled inside (\d+)")
    assert len(re._cache) == 1  # type: ignore[attr-defined]
    assert not cache.exists()


def test_nothing_is_read_with_the_cache_off(monkeypatch):
    def refused(*args: object) -> None:
        raise AssertionError("the build cache was read")

    monkeypatch.setenv(build_cache.ENV, "off")
    monkeypatch.setattr(build_cache, "load", refused)
    monkeypatch.delitem(sys.modules, "spacy")  # as if not imported yet
    with import_regexes.kept_while_importing():
        pass


# Counts the regexes compiled from here on (`compiled`).
_COUNTING = """
import json
from re import _compiler
compiled = []
original = _compiler.compile
def counting(pattern, flags=0):
    compiled.append(pattern)
    return original(pattern, flags)
_compiler.compile = counting
"""

_IMPORTS = _COUNTING + """
from calc_nlp.import_regexes import kept_while_importing
from calc_nlp.fast_import import import_spacy
with kept_while_importing():
    import_spacy()
    from calc_nlp.stages import Analyzer
from spacy.lang.tokenizer_exceptions import URL_MATCH
print(json.dumps([len(compiled), URL_MATCH.__self__.pattern in compiled]))
"""


def _last_json(code: str, cache: object) -> object:
    """The last line `code` prints, read as JSON, run in a new Python with
    the build cache in `cache`."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, build_cache.ENV: str(cache)},
    ).stdout
    return json.loads(out.splitlines()[-1])


def test_a_second_run_imports_with_its_regexes_compiled(cache):
    def run() -> list[object]:
        return _last_json(_IMPORTS, cache)  # type: ignore[return-value]

    first_count, first_url = run()
    second_count, second_url = run()
    assert first_url and not second_url  # spaCy's URL pattern: primed
    assert first_count > 100 and second_count < first_count / 10
    assert run() == [second_count, second_url]  # nothing new kept: stable


_SCREEN = _COUNTING + """
from calc_nlp.engine import Engine
Engine(lazy=True)  # a run's engine: its screen's modules imported
from calc_nlp.stages import spacing
print(json.dumps(spacing._EDIT.pattern in compiled))
"""


def test_a_second_run_imports_the_screens_modules_with_their_regexes_compiled(cache):
    def run() -> bool:
        return _last_json(_SCREEN, cache)  # type: ignore[return-value]

    # the first run reads the rules and checks them with spaCy's Matcher:
    # spaCy imported, nothing is kept; the next one compiles and keeps them
    run()
    assert run()
    assert not run()  # primed from the screen's entry
