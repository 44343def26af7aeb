"""What makes a run start fast must not change what it computes: the tokenizer
built in one go, medspaCy imported without QuickUMLS, workers that inherit
the parent's engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version

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
    # and with their capitals forms ('AND/OR': toolkit.with_capitals)
    old.tokenizer.rules = toolkit.with_capitals(
        toolkit.cacheable_exceptions(old.tokenizer.rules)
    )
    new = toolkit._tokenizer()
    # the affix regexes hold spaCy's with their classes split at U+FFFF
    # (toolkit.bmp_first: the same matches, test_tokenizer.py); all else alike
    affixes = ["vocab", "prefix_search", "suffix_search", "infix_finditer"]
    assert new.tokenizer.to_bytes(exclude=affixes) == old.tokenizer.to_bytes(
        exclude=affixes
    )
    d = old.Defaults
    assert (
        new.tokenizer.prefix_search.__self__.pattern
        == toolkit.prefix_regex(list(d.prefixes) + toolkit.EXTRA_PREFIXES).pattern
    )
    assert (
        new.tokenizer.suffix_search.__self__.pattern
        == toolkit.suffix_regex(list(d.suffixes) + toolkit.EXTRA_SUFFIXES).pattern
    )
    assert (
        new.tokenizer.infix_finditer.__self__.pattern
        == toolkit.infix_regex(list(d.infixes) + toolkit.EXTRA_INFIXES).pattern
    )
    text = "FINDINGS:,Calcified RUL.,6. CKD-4 on ESRD/HD, see 3,L1 (e.g. x) \U0001f600."
    assert [t.text for t in new(text)] == [t.text for t in old(text)]
    assert "CKD" in [t.text for t in new(text)]


def test_pipeline_made_directly_equals_spacy_blank_with_our_tokenizer():
    import spacy

    blank = spacy.blank(
        "en", config={"nlp": {"tokenizer": {"@tokenizers": toolkit.TOKENIZER_NAME}}}
    )
    direct = toolkit._tokenizer()
    assert direct.tokenizer.to_bytes(exclude=["vocab"]) == blank.tokenizer.to_bytes(
        exclude=["vocab"]
    )
    assert direct.vocab.to_bytes() == blank.vocab.to_bytes()
    assert sorted(direct.vocab.lex_attr_getters) == sorted(blank.vocab.lex_attr_getters)
    assert (direct.lang, direct.max_length, direct.Defaults) == (
        blank.lang,
        blank.max_length,
        blank.Defaults,
    )
    assert blank.pipe_names == []  # so a Doc is the tokenizer's, as make_doc's
    assert direct.vocab.vectors.mode == blank.vocab.vectors.mode
    assert direct.vocab.vectors.shape == blank.vocab.vectors.shape
    text = "FINDINGS:,Calcified RUL.,6. CKD-4 on ESRD/HD, can't see 3,L1 (e.g. x)."
    assert [(t.text, t.norm_, t.shape_) for t in direct.make_doc(text)] == [
        (t.text, t.norm_, t.shape_) for t in blank(text)
    ]


def test_blank_english_refuses_a_text_over_its_length_limit_as_spacy_does():
    import pytest
    import spacy

    direct, blank = toolkit._tokenizer(), spacy.blank("en")
    direct.max_length = blank.max_length = 10
    with pytest.raises(ValueError) as ours:
        direct.make_doc("x" * 11)
    with pytest.raises(ValueError) as theirs:
        blank.make_doc("x" * 11)
    assert str(ours.value) == str(theirs.value)
    assert len(direct.make_doc("x" * 10)) == 1


def test_special_cases_checked_unless_a_cached_build_checked_them(tmp_path, monkeypatch):
    import pytest
    from spacy.lang.en import English

    from calc_nlp.stages.toolkit_cache import ToolkitCache

    nlp = English()
    unchecked = toolkit._build_tokenizer(nlp, nlp.Defaults, checked=True)
    checked = toolkit._build_tokenizer(nlp, nlp.Defaults)
    assert unchecked.to_bytes(exclude=["vocab"]) == checked.to_bytes(exclude=["vocab"])
    with pytest.raises(ValueError, match="E997"):  # a case added later is checked
        unchecked.add_special_case("abc", [{"ORTH": "ab"}])
    # `checked` only when this build was cached, i.e. an earlier one finished
    monkeypatch.setenv("CALC_NLP_CACHE_DIR", str(tmp_path))
    first = ToolkitCache("inputs")
    assert not first.loaded
    first.save()  # (the toolkit saves it once built)
    assert ToolkitCache("inputs").loaded
    assert not ToolkitCache(None).loaded


def test_cached_descriptor_alternations_give_the_same_regexes(rules, tmp_path, monkeypatch):
    from calc_nlp.stages.descriptor_rules import DescriptorRules

    monkeypatch.setenv("CALC_NLP_CACHE_DIR", str(tmp_path))
    toolkit.Toolkit(rules)  # cold: makes and saves them
    warm = toolkit.Toolkit(rules).descriptors
    plain = DescriptorRules(rules.descriptors, rules.word_lists.get("lesion_nouns", []))
    for name in ("terms", "term_end", "tails", "vessel_words"):
        assert getattr(warm, name).pattern == getattr(plain, name).pattern
    assert {k: [(i, rx.pattern) for i, rx in v] for k, v in warm.patterns.items()} == {
        k: [(i, rx.pattern) for i, rx in v] for k, v in plain.patterns.items()
    }


def test_stand_ins_load_langcodes_and_tqdm_on_first_use():
    """(spaCy 3.8 no longer needs langcodes: then none is put in its place.)"""
    code = (
        "import importlib.util, sys\n"
        "installed = importlib.util.find_spec('langcodes') is not None\n"
        "from calc_nlp.fast_import import import_spacy_without_cli\n"
        "import_spacy_without_cli()\n"
        "assert 'langcodes.data_dicts' not in sys.modules, 'langcodes was loaded'\n"
        "assert 'tqdm.std' not in sys.modules, 'tqdm was loaded'\n"
        "from spacy.util import find_matching_language\n"
        "assert find_matching_language('en-US') in ('en', None)  # by spaCy version\n"
        "if installed:\n"
        "    import langcodes\n"
        "    assert langcodes.standardize_tag('en-us') == 'en-US'\n"
        "    from langcodes.tag_parser import LanguageTagError\n"
        "    assert LanguageTagError is not None\n"
        "else:\n"
        "    assert 'langcodes' not in sys.modules, 'a stand-in for nothing'\n"
        "import tqdm.auto\n"
        "assert tqdm.auto.tqdm is not None\n"
    )
    _python_ok(code)


def _spacy_before_3_8() -> bool:
    """spaCy before 3.8 (the one medspaCy pins below Python 3.12) uses
    `pydantic.v1` only; from 3.8 it imports pydantic 2 itself."""
    major, minor = (int(p) for p in version("spacy").split(".")[:2])
    return (major, minor) < (3, 8)


def test_pydantic_v1_imported_without_pydantics_init_which_loads_on_first_use():
    """spaCy, thinc and confection use `pydantic.v1` only (spaCy before 3.8):
    pydantic's own `__init__` (pydantic 2: pydantic-core) is left for the
    first other use. With a later spaCy, pydantic loads with it and still
    works the same."""
    unused = _spacy_before_3_8()
    code = (
        "import sys\n"
        "from calc_nlp.fast_import import import_spacy_without_cli\n"
        "import_spacy_without_cli()\n"
        "import pydantic.v1\n"
        "assert pydantic.v1.BaseModel is not None\n"
        "if pydantic.v1.__name__ == 'pydantic.v1':  # pydantic 2\n"
        f"    assert {unused} is False or type(sys.modules['pydantic']).__name__ != 'module', 'pydantic init was run'\n"
        "    import pydantic\n"
        "    assert pydantic.VERSION.startswith('2')\n"
        "    assert type(sys.modules['pydantic']).__name__ == 'module'\n"
        "    assert sys.modules['pydantic'].v1 is sys.modules['pydantic.v1']\n"
        "    class M(pydantic.BaseModel):\n"
        "        n: int\n"
        "    assert M(n=2).n == 2\n"
        "from spacy.matcher import Matcher\n"
        "from spacy.vocab import Vocab\n"
        "Matcher(Vocab(), validate=True).add('x', [[{'LOWER': 'a'}]])\n"
    )
    _python_ok(code)


def test_spacy_components_imported_one_by_one_when_asked_for_then_all():
    code = (
        "import sys\n"
        "from calc_nlp.fast_import import import_spacy_without_cli\n"
        "import_spacy_without_cli()\n"
        "import spacy\n"
        "assert 'spacy.pipeline.dep_parser' not in sys.modules, 'all components imported'\n"
        "from spacy.lang.en import English\n"
        "assert spacy.pipeline.Lemmatizer.__name__ == 'Lemmatizer'\n"
        "from spacy.pipeline import Sentencizer\n"
        "assert Sentencizer.__module__ == 'spacy.pipeline.sentencizer'\n"
        "assert 'spacy.pipeline.ner' not in sys.modules\n"
        "assert 'Tagger' in spacy.pipeline.__all__  # any other name: the package\n"
        "assert 'spacy.pipeline.ner' in sys.modules\n"
        "assert sys.modules['spacy.pipeline'].sentencizer.Sentencizer is Sentencizer\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('sentencizer')\n"
        "assert len(list(nlp('One here. Two there.').sents)) == 2\n"
    )
    _python_ok(code)


def test_only_an_init_that_imports_names_is_stood_in_for():
    from calc_nlp.fast_import import _names_imported

    source = '"""Doc."""\nfrom .a import B, C as D\n__all__ = ["B", "D"]\n'
    assert _names_imported(source, "p") == {"B": ("p.a", "B"), "D": ("p.a", "C")}
    assert _names_imported("from .a import B\nregister(B)\n", "p") is None
    assert _names_imported("from .a import *\n", "p") is None
    assert _names_imported("import os\n", "p") is None


def test_a_name_imported_under_another_is_asked_of_its_module_by_its_own(monkeypatch):
    from calc_nlp.fast_import import _ByName

    module = _ByName("calc_nlp_test_stand_in")
    module._where = {"as_json": ("json", "dumps")}  # from .json import dumps as as_json
    monkeypatch.setitem(sys.modules, module.__name__, module)
    from calc_nlp_test_stand_in import as_json  # type: ignore[import-not-found]

    assert as_json is json.dumps


def test_thinc_api_names_imported_one_by_one_when_asked_for():
    code = (
        "import sys\n"
        "from calc_nlp.fast_import import import_spacy_without_cli\n"
        "import_spacy_without_cli()\n"
        "assert 'thinc.layers' not in sys.modules, 'every thinc layer imported'\n"
        "import thinc\n"
        "import thinc.api\n"
        "assert thinc.api is sys.modules['thinc.api']\n"
        "from thinc.api import Model, chain\n"
        "assert Model.__module__ == 'thinc.model'\n"
        "assert chain.__module__ == 'thinc.layers.chain'\n"
        "assert thinc.api.__all__  # any other name: the module itself\n"
        "assert type(sys.modules['thinc.api']).__name__ == 'module'\n"
        "assert thinc.api.Linear is sys.modules['thinc.api'].Linear\n"
    )
    _python_ok(code)


def test_srsly_and_spacy_training_names_and_submodules_imported_when_asked_for():
    code = (
        "import sys\n"
        "from calc_nlp.fast_import import import_spacy_without_cli\n"
        "import_spacy_without_cli()\n"
        "assert 'srsly.ruamel_yaml' not in sys.modules, 'srsly imported whole'\n"
        "assert 'spacy.training.corpus' not in sys.modules, 'spacy.training imported whole'\n"
        "import srsly\n"
        "assert srsly.yaml_loads(srsly.yaml_dumps({'a': 1})) == {'a': 1}\n"
        "from srsly import msgpack  # a submodule, not a name of the package\n"
        "assert srsly.msgpack is msgpack and 'srsly.msgpack' in sys.modules\n"
        "assert srsly.msgpack_loads(srsly.msgpack_dumps([1])) == [1]\n"
        "from spacy.training import Corpus, Example\n"
        "assert Corpus.__module__ == 'spacy.training.corpus'\n"
        "import spacy.training.converters\n"
        "assert spacy.training.converters.conll_ner_to_docs is not None\n"
    )
    _python_ok(code)


def test_medspacy_imported_without_quickumls_and_quickumls_still_importable():
    code = (
        "import sys\n"
        "import calc_nlp.stages.toolkit\n"
        "assert 'medspacy' in sys.modules\n"
        "assert 'nltk' not in sys.modules, 'QuickUMLS was imported'\n"
        "assert 'quickumls' not in sys.modules, 'placeholder left behind'\n"
        "import quickumls.spacy_component\n"
        "assert quickumls.spacy_component is not None\n"
    )
    _python_ok(code)


def test_command_line_loads_medspacy_components_on_first_use_and_silenced():
    """Our command line defers medSpaCy's components module (PyRuSH, loguru);
    its first use loads it, with PyRuSH's loguru namespace disabled."""
    code = (
        "import sys\n"
        "from calc_nlp import fast_import\n"
        "fast_import.enable()\n"
        "import calc_nlp.stages.toolkit\n"
        "assert 'medspacy' in sys.modules\n"
        "assert 'PyRuSH' not in sys.modules and 'loguru' not in sys.modules\n"
        "import medspacy.components\n"
        "assert medspacy.components.PyRuSHSentencizer is not None\n"
        "assert 'PyRuSH' in sys.modules\n"
        "from loguru import logger\n"
        "assert ('PyRuSH.', False) in logger._core.activation_list\n"
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('medspacy_pyrush')\n"
        "assert [s.text for s in nlp('One here. Two there.').sents][1] == 'Two there.'\n"
    )
    _python_ok(code)


def test_loguru_namespaces_disabled_when_medspacy_is_imported_as_usual():
    code = (
        "import sys\n"
        "import calc_nlp.stages.toolkit\n"
        "assert 'PyRuSH' in sys.modules\n"
        "from loguru import logger\n"
        "assert ('PyRuSH.', False) in logger._core.activation_list\n"
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


def _python_ok(code: str, env: dict[str, str] | None = None) -> None:
    """Runs `code` in a fresh interpreter (nothing imported yet) and fails with its stderr."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_a_small_input_file_runs_in_process_by_default(tmp_path, monkeypatch):
    from calc_nlp import cli_run

    monkeypatch.setattr("calc_nlp.runner.default_workers", lambda: 8)
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    small.write_text("report_id,text\n1,Calcified granuloma.\n", encoding="utf-8")
    large.write_bytes(b"x" * (cli_run.SMALL_INPUT_BYTES + 1))
    assert cli_run._default_workers(str(small)) == 1
    assert cli_run._default_workers(str(large)) == 8
    assert cli_run._default_workers(str(tmp_path)) == 8  # a folder of .txt files
    assert cli_run._default_workers("-") == 8
    assert cli_run._default_workers(str(tmp_path / "missing.csv")) == 8


def test_a_finished_run_exits_at_once_with_its_outputs_and_last_log_line(tmp_path):
    from tests.conftest import calc_nlp_cmd

    src = tmp_path / "in.csv"
    src.write_text(
        "report_id,text\n1,Calcified granuloma in the right upper lobe.\n"
        "1,Duplicate id: a row error.\n2,Lungs are clear.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = subprocess.run(
        calc_nlp_cmd("run", src, "-o", out, "--workers", "1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr[-2000:]  # the row error's exit code
    assert "done" in done.stderr.splitlines()[-1]  # flushed before the exit
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["reports"] == 3
    assert (out / "findings.csv").read_text(encoding="utf-8").count("\n") == 2
    assert (out / "errors.csv").read_text(encoding="utf-8").count("\n") == 2
    assert not list(out.glob(".*.partial")) and not list(out.glob(".*.staged"))


_FREEZE_COUNT = """
import gc, sys
before = gc.get_freeze_count()  # Python 3.12 starts with some frozen
from calc_nlp import engine
if sys.argv[1] == "cli":
    engine.freeze_after_build()
e = engine.Engine()
print(int(gc.isenabled()), gc.get_freeze_count() - before)
"""


def test_objects_frozen_after_the_build_only_when_the_command_line_asks():
    """A run's pipeline objects leave the collector's walks (the collector
    paused while they are made, on again after); a program that imports
    calc-nlp keeps its collector as it was."""

    def collector(mode: str) -> tuple[int, int]:
        out = subprocess.run(
            [sys.executable, "-c", _FREEZE_COUNT, mode],
            check=True,
            capture_output=True,
            text=True,
        )
        enabled, frozen = out.stdout.split()[-2:]
        return int(enabled), int(frozen)

    enabled, frozen = collector("cli")
    assert enabled == 1 and frozen > 10_000
    assert collector("library") == (1, 0)


def test_context_phrases_added_from_the_cache_equal_medspacys_own(rules):
    """ConText's phrase rules added as cached hashes (context_blocks.py) give
    its PhraseMatcher the very phrases, keys and callbacks medspaCy's own
    `add` gives it, and the same rule ids."""
    from medspacy.context import ConText, ConTextRule

    kit = toolkit.Toolkit(rules)
    own = ConText(
        kit.nlp,
        name="own",
        rules=None,
        span_attrs=None,
        input_span_type="group",
        span_group_name=toolkit.TARGET_GROUP,
    )
    own.add([ConTextRule.from_dict(r) for r in rules.context_rules])
    ours, theirs = (
        c._ConText__matcher._MedspacyMatcher__phrase_matcher for c in (kit.context, own)
    )
    # (vocab, phrases by key, callbacks, attribute): what a pickle keeps
    assert ours.__reduce__()[1][1:] == theirs.__reduce__()[1][1:]
    assert len(ours.__reduce__()[1][1]) > 100
    assert list(kit.context._ConText__matcher.rule_map) == list(
        own._ConText__matcher.rule_map
    )


def test_special_case_tokens_read_plainly_give_spacys_values_and_dicts():
    """`_intify_attrs` skips spaCy's deprecated names' pass only where it
    changes nothing: the same values, and each token's dict left as spaCy
    leaves it (a deprecated 'number' still popped)."""
    import copy

    import spacy.tokenizer
    import spacy.vocab
    from spacy.attrs import intify_attrs
    from spacy.lang.en import English
    from spacy.strings import StringStore

    tokens = [
        t for case in English.Defaults.tokenizer_exceptions.values() for t in case
    ]
    tokens += [{"ORTH": "a", "number": 1}, {"F": "b", "pos": "NN"}, {"lemma": "c"}]
    assert any(set(t) - {65, 67} for t in tokens)  # some not plain
    ours, theirs = copy.deepcopy(tokens), copy.deepcopy(tokens)
    ours_store, theirs_store = StringStore(), StringStore()
    for a, b in zip(ours, theirs, strict=True):
        assert toolkit._intify_attrs(
            a, ours_store, _do_deprecated=True
        ) == intify_attrs(b, theirs_store, _do_deprecated=True)
    assert ours == theirs
    assert list(ours_store) == list(theirs_store)
    toolkit._tokenizer()
    assert spacy.tokenizer.intify_attrs is spacy.vocab.intify_attrs is intify_attrs


def test_target_rule_fields_read_as_medspacys_rule_object_reads_them(rules):
    """RuleMatcher reads a target rule's fields without making medspaCy's
    TargetRule: the same values, and the same error for a rule it refuses."""
    import pytest
    from medspacy.target_matcher import TargetRule

    every = rules.mentions + rules.site_rules + rules.laterality_rules
    every += rules.condition_rules + rules.cue_rules
    for r in every:
        made = TargetRule.from_dict(r)
        expected = (made.category, made.literal, made.pattern, made.metadata)
        assert toolkit._target_fields(r) == expected
    with pytest.raises(ValueError, match="invalid keys"):
        toolkit._target_fields({"literal": "x", "category": "C", "direction": "x"})
    with pytest.raises(TypeError):
        toolkit._target_fields({"literal": "x"})


def test_the_lab_parser_is_made_for_the_first_report_with_a_digit(rules):
    from calc_nlp.labs import LabParser, summarise
    from calc_nlp.stages import Analyzer

    analyzer = Analyzer(rules)
    no_digit = analyzer.analyze("Calcified granuloma. Calcium was normal.", "A")
    assert no_digit.labs == () and "labs" not in vars(analyzer.kit)
    text = "Calcified granuloma. Calcium 11.9 mg/dL, PTH 410."
    with_digit = analyzer.analyze(text, "B")
    assert "labs" in vars(analyzer.kit)
    assert with_digit.labs == summarise(LabParser(rules.labs).parse(text)) != ()


def test_rule_keys_kept_apart_from_the_pipelines_vocabulary_give_the_same_matches(
    rules, analyzer
):
    """The rule matchers' phrase keys live in a vocabulary of their own: none
    in the pipeline's, and the same matches as keys kept in the pipeline's."""
    kit = analyzer.kit
    nlp = kit.nlp
    phrase_matchers = [
        m
        for rm in (kit.mention_matcher, kit.other_matcher, kit.section_matcher)
        for m, _ in rm.matchers
        if not isinstance(m, toolkit.TokenMatcher)
    ]
    context = kit.context._ConText__matcher
    phrase_matchers.append(context._MedspacyMatcher__phrase_matcher)  # ConText's
    assert phrase_matchers and all(m.vocab is not nlp.vocab for m in phrase_matchers)
    # ConText reads a match's rule id from the pipeline's strings
    assert all(rule_id in nlp.vocab.strings for rule_id in context.rule_map)
    labels = [k for rm in (kit.mention_matcher,) for _, ks in rm.matchers for k in ks]
    assert all(nlp.vocab.strings[k] not in nlp.vocab for k in labels)
    targets = rules.site_rules + rules.laterality_rules + rules.condition_rules
    shared = toolkit.RuleMatcher(nlp, "shared", rules.mentions + targets)
    apart = toolkit.RuleMatcher(nlp, "apart", rules.mentions + targets, keys=toolkit.keys_vocab())
    for text in (
        "Dense calcification of the left carotid bulb; no renal stones.",
        "FINDINGS: Coronary artery calcium is moderate. Right kidney: punctate stone.",
        "mild aortic valve sclerosis without calcified plaque in the LAD",
    ):
        doc = nlp(text)
        assert apart.matches(doc) == shared.matches(doc)
        assert shared.matches(doc)


def test_command_line_imports_numpy_without_openblas_threads_unless_chosen():
    code = (
        "import os, sys\n"
        "chosen = os.environ.get('OPENBLAS_NUM_THREADS')\n"
        "from calc_nlp import fast_import\n"
        "fast_import.enable()\n"
        "fast_import.import_spacy()\n"
        "assert 'numpy' in sys.modules\n"
        "assert os.environ['OPENBLAS_NUM_THREADS'] == (chosen or '1')\n"
        "if chosen is None and os.path.isdir('/proc/self/task'):\n"
        "    assert len(os.listdir('/proc/self/task')) == 1, 'a BLAS thread pool'\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    _python_ok(code, env)
    _python_ok(code, {**env, "OPENBLAS_NUM_THREADS": "2"})  # the user's choice kept
