"""What makes a run start fast must not change what it computes: the tokenizer
built in one go, medspaCy imported without QuickUMLS, workers that inherit
the parent's engine."""

from __future__ import annotations

import subprocess
import sys

from calc_nlp import engine
from calc_nlp.stages import toolkit


def test_tokenizer_built_in_one_go_equals_the_one_set_afterwards():
    """The old way: spaCy's blank English, then the affixes set on it."""
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex

    old = spacy.blank("en")
    old.tokenizer.infix_finditer = compile_infix_regex(
        list(old.Defaults.infixes) + toolkit.EXTRA_INFIXES
    ).finditer
    old.tokenizer.prefix_search = compile_prefix_regex(
        list(old.Defaults.prefixes) + toolkit.EXTRA_PREFIXES
    ).search
    # less the plain whitespace exceptions (test_tokenizer.py: same tokens)
    old.tokenizer.rules = toolkit.cacheable_exceptions(old.tokenizer.rules)
    new = toolkit._tokenizer()
    assert new.tokenizer.to_bytes(exclude=["vocab"]) == old.tokenizer.to_bytes(
        exclude=["vocab"]
    )
    text = "FINDINGS:,Calcified RUL.,6. CKD-4 on ESRD/HD, see 3,L1 (e.g. x)."
    assert [t.text for t in new(text)] == [t.text for t in old(text)]
    assert "CKD" in [t.text for t in new(text)]


def test_medspacy_imported_without_quickumls_and_quickumls_still_importable():
    code = (
        "import sys\n"
        "import calc_nlp.stages\n"
        "assert 'medspacy' in sys.modules\n"
        "assert 'nltk' not in sys.modules, 'QuickUMLS was imported'\n"
        "assert 'quickumls' not in sys.modules, 'placeholder left behind'\n"
        "import quickumls.spacy_component\n"
        "assert quickumls.spacy_component is not None\n"
    )
    _python_ok(code)


def test_worker_reuses_an_inherited_engine_of_the_same_rules_only(rules, monkeypatch):
    parent = engine.Engine(rules=rules)
    monkeypatch.setattr(engine, "_ENGINE", parent)
    monkeypatch.setattr("signal.signal", lambda *a: None)
    engine.init_worker(None, rules.version)
    assert engine._ENGINE is parent  # inherited by fork: nothing rebuilt
    engine.init_worker(None, "another-version")
    assert engine._ENGINE is not parent  # other rules: built for them
    assert engine._ENGINE.rules.version == rules.version


def test_spacy_imported_without_its_cli_which_still_works_when_asked_for():
    code = (
        "import sys\n"
        "from calc_nlp.fast_import import import_spacy_without_cli\n"
        "import_spacy_without_cli()\n"
        "import spacy\n"
        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules\n"
        "assert spacy.blank('en')('a b').text == 'a b'\n"
        "assert isinstance(spacy.info(), dict)\n"
        "assert spacy.cli.download is not None\n"
        "assert 'spacy.cli' in sys.modules\n"
    )
    _python_ok(code)


def _python_ok(code: str) -> None:
    """Runs `code` in a fresh interpreter (nothing imported yet) and fails with its stderr."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
