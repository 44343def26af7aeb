"""Compiled regexes from the build cache (regex_cache.py): a kept regex is
the very pattern `re.compile` gives (`re.Pattern` equality compares pattern,
flags and code), and anything wrong with what is kept means compiling anew."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from calc_nlp import build_cache, regex_cache
from calc_nlp.regex_cache import RegexCache

PATTERNS = [
    (r"(?<![a-z0-9])(?:left|right)(?![a-z0-9])", 0),
    (r"(?P<value>\d{1,5}(?:\.\d+)?)\s*(?P<unit>mg/dl|mmol/l)?", re.I),
    (r"^[\[\(\"'«]|^\.\.+", 0),
    (r"calcif\w*|phlebolith", re.IGNORECASE | re.MULTILINE),
    (r"[^\S\n]+(?:coarse|dense)(?!\w)", re.I),
    (r"(?<!\w)bi-?[^\S\n]?rads\b", re.ASCII | re.I),
    ("ﬁbrous|ÄÖ|straße", re.I),
]


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(build_cache.ENV, str(folder))
    return folder


def _kept(inputs: str = "rules-a") -> RegexCache:
    return RegexCache(inputs)


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_regex_is_the_pattern_re_compiles(cache, pattern, flags):
    first = _kept()
    assert first.compile(pattern, flags) == re.compile(pattern, flags)
    first.save()
    again = _kept()
    assert f"{int(flags)}:{pattern}" in again.codes
    kept = again.compile(pattern, flags)
    assert kept == re.compile(pattern, flags)
    assert kept is not re.compile(pattern, flags)  # built from the kept code
    assert kept.groupindex == re.compile(pattern, flags).groupindex
    text = "Left 11.2 mg/dL (calcified) dense BI-RADS 2 ﬁbrous STRASSE"
    assert [m.span() for m in kept.finditer(text)] == [
        m.span() for m in re.finditer(pattern, text, flags)
    ]
    assert not again.missed


def test_spacys_affix_regexes_come_back_equal(cache):
    from spacy.lang.en import English
    from spacy.util import compile_infix_regex, compile_prefix_regex

    for make, parts in (
        (compile_prefix_regex, list(English.Defaults.prefixes)),
        (compile_infix_regex, list(English.Defaults.infixes)),
    ):
        first = _kept()
        assert first.made(make, parts) == make(parts)
        first.save()
        assert _kept().made(make, parts) == make(parts)


def test_the_toolkit_regexes_from_the_cache_equal_compiled_ones(cache, monkeypatch):
    from calc_nlp.rules import load_rules
    from calc_nlp.stages.toolkit import Toolkit

    rules = load_rules()
    assert Toolkit(rules).descriptors.terms  # fills the cache, the lazy regex too
    warm = Toolkit(rules)
    assert warm.regexes.codes and not warm.regexes.missed
    monkeypatch.setenv(build_cache.ENV, "off")
    fresh = Toolkit(rules)
    for name in ("prefix_search", "suffix_search", "infix_finditer"):
        assert (
            getattr(warm.nlp.tokenizer, name).__self__
            == getattr(fresh.nlp.tokenizer, name).__self__
        )
    assert warm.descriptors.terms == fresh.descriptors.terms
    assert warm.descriptors.patterns == fresh.descriptors.patterns
    assert warm.descriptors.segments == fresh.descriptors.segments
    for name in ("_re", "_lower"):
        kept, compiled = getattr(warm.labs, name), getattr(fresh.labs, name)
        assert (kept.whole, kept.head) == (compiled.whole, compiled.head)


def test_a_regex_compiled_after_the_save_is_saved_too(cache):
    first = _kept()
    first.compile("alpha", 0)
    first.save()
    first.compile("beta|gamma", re.I)  # a stage's regex made on first use
    assert set(_kept().codes) == {"0:alpha", f"{int(re.I)}:beta|gamma"}


def test_the_flat_report_regexes_are_kept_and_equal_compiled_ones(cache, rules, analyzer):
    """The regexes a flat report needs (built on the first one) come from the
    rule set's kept regexes: the analyzer hands its toolkit's to them."""
    from calc_nlp.regex_cache import pattern_key
    from calc_nlp.stages.flattened import Flattened

    assert analyzer.flattened.compile == analyzer.kit.regexes.compile
    plain = Flattened(rules)
    first = _kept()
    first.save()  # as the toolkit does once built: later regexes saved as met
    made = Flattened(rules, first.compile)
    for name in ("regex", "vessel_table"):
        compiled = getattr(plain, name)
        assert getattr(made, name) == compiled
        assert pattern_key(compiled.pattern, int(re.IGNORECASE)) in _kept().codes
        assert getattr(Flattened(rules, _kept().compile), name) == compiled


def test_another_rule_set_keeps_its_own_regexes(cache):
    first = _kept("rules-a")
    first.compile("alpha", 0)
    first.save()
    assert _kept("rules-b").codes == {}  # a user's --patterns: another digest
    assert RegexCache(None).compile("alpha") == re.compile("alpha")
    assert len(list(cache.glob("regexes-*"))) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda kept: [kept[0], b"\x00\x01\x02\x03" * 3, *kept[2:]],  # bad code
        lambda kept: [kept[0], kept[1][:-4], *kept[2:]],  # cut short
        lambda kept: kept[:3],  # a part missing
        lambda kept: "not a code",
    ],
)
def test_kept_code_the_engine_refuses_is_compiled_anew(cache, damage):
    pattern = r"(?P<n>\d+)\s*(?:mm|cm)\b"
    first = _kept()
    first.compile(pattern, re.I)
    key = f"{int(re.I)}:{pattern}"
    first.codes[key] = damage(first.codes[key])
    first.missed = True
    first.save()
    again = _kept()
    assert again.compile(pattern, re.I) == re.compile(pattern, re.I)
    assert again.missed  # the good code replaces the bad


def test_a_python_whose_compiler_differs_keeps_nothing(cache, monkeypatch):
    monkeypatch.setattr(regex_cache, "_code_of", lambda pattern, flags: None)
    first = _kept()
    assert first.compile("alpha|beta") == re.compile("alpha|beta")
    first.save()
    assert _kept().codes == {}


def test_a_corrupt_cache_file_is_compiled_anew(cache):
    first = _kept()
    first.compile("alpha|beta")
    first.save()
    (entry,) = cache.glob("regexes-*.marshal")
    data = entry.read_bytes()
    entry.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    again = _kept()
    assert again.codes == {}
    assert again.compile("alpha|beta") == re.compile("alpha|beta")


def test_past_the_most_kept_a_save_keeps_what_was_used(cache, monkeypatch):
    monkeypatch.setattr(regex_cache, "MOST_KEPT", 3)
    first = _kept()
    for word in ("alpha", "beta", "gamma", "delta"):
        first.compile(word)
    first.save()
    assert len(_kept().codes) == 4  # all used by the process that saved them
    again = _kept()
    again.compile("alpha")
    again.compile("epsilon")
    again.save()
    assert set(_kept().codes) == {"0:alpha", "0:epsilon"}


def test_the_lab_regex_is_the_same_text_in_every_process():
    code = (
        "from calc_nlp.labs import LabParser; from calc_nlp.rules import load_rules;"
        "import hashlib; p = LabParser(load_rules().labs);"
        "print(hashlib.md5(p._re.whole.pattern.encode()).hexdigest())"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1


def test_the_rule_words_regexes_from_the_cache_equal_compiled_ones(cache):
    from calc_nlp.prefilter import build_rule_words
    from calc_nlp.rules import load_rules
    from calc_nlp.stages import Analyzer

    rules = load_rules()
    Analyzer(rules)  # fills the cache
    warm = Analyzer(rules)
    assert not warm.kit.regexes.missed

    def tokenize(s: str) -> list[str]:
        return [t.text for t in warm.kit.nlp.tokenizer(s)]

    fresh = build_rule_words(rules.mentions, tokenize, rules.token_norms)
    kept = warm.rule_words._searches
    assert list(kept) == list(fresh._searches)
    assert any(s.rx is not None for s in kept.values())
    for needs, search in fresh._searches.items():
        assert kept[needs].rx == search.rx
        assert (kept[needs].sure, kept[needs].maybe) == (search.sure, search.maybe)


def test_with_the_cache_off_re_compiles_and_no_code_is_read(monkeypatch):
    monkeypatch.setenv(build_cache.ENV, "off")
    monkeypatch.setattr(regex_cache, "_code_of", lambda pattern, flags: 1 / 0)
    off = _kept()
    assert off.compile("alpha|beta", re.I) == re.compile("alpha|beta", re.I)
    assert off.codes == {} and not off.missed


@pytest.mark.parametrize(
    "damage",
    [
        lambda kept: "not a pattern",
        lambda kept: [kept[0]],  # the flags missing
        lambda kept: [kept[0], "2"],  # flags not a number
        lambda kept: [b"bytes", kept[1]],
    ],
)
def test_a_damaged_made_entry_is_made_anew(cache, damage):
    from spacy.lang.en import English
    from spacy.util import compile_suffix_regex

    parts = list(English.Defaults.suffixes)
    first = _kept()
    first.made(compile_suffix_regex, parts)
    (key,) = [k for k in first.codes if k.startswith("made:")]
    first.codes[key] = damage(first.codes[key])
    first.save()
    again = _kept()
    assert again.made(compile_suffix_regex, parts) == compile_suffix_regex(parts)
    assert again.missed


def test_a_bytes_pattern_never_takes_a_str_patterns_code(cache):
    first = _kept()
    first.compile("b'x'")
    first.save()
    again = _kept()
    assert again.compile(b"x") == re.compile(b"x")  # type: ignore[arg-type]
    assert set(again.codes) == {"0:b'x'"}


def test_code_kept_by_another_engine_is_not_read(cache, monkeypatch):
    first = _kept()
    first.compile("alpha|beta")
    first.save()
    assert _kept().codes
    monkeypatch.setattr(regex_cache.sys, "byteorder", "other")  # a shared folder
    assert _kept().codes == {}
    monkeypatch.setattr(regex_cache, "_engine", lambda: "")  # no engine to name
    off = _kept()
    assert off.compile("alpha|beta") == re.compile("alpha|beta")
    off.save()
    assert off.codes == {}


def test_code_read_otherwise_than_re_computes_it_is_not_kept(cache, monkeypatch):
    read = regex_cache._code_of

    def other_groups(pattern, flags):
        code = read(pattern, flags)
        return [code[0], code[1], code[2], {}, [None] * len(code[4])]

    monkeypatch.setattr(regex_cache, "_code_of", other_groups)
    first = _kept()
    assert first.compile(r"(?P<n>\d+)") == re.compile(r"(?P<n>\d+)")
    assert first.codes == {} and not first.missed
    monkeypatch.setattr(regex_cache, "_code_of", read)
    assert first.compile(r"(?P<n>\d+)").groupindex == {"n": 1}
    assert first.codes and first.missed


_JOINED_MADE: list[list[str]] = []


def _joined_after_first(parts: list[str]) -> re.Pattern[str]:
    """A regex of the parts after the first, the first before each."""
    _JOINED_MADE.append(parts)
    return re.compile("|".join(parts[0] + p for p in parts[1:]))


def test_made_of_keeps_each_first_string_by_a_digest_of_the_parts(cache):
    """`made_of` gives `made` of a first string and the parts; a later run
    finds each one kept (its key holds a digest of the parts, not their
    text) and makes none; other parts are another key. One made after a
    save is saved though its code was kept already."""
    parts = ["alpha", "beta"]
    first = _kept()
    first.compile("xalpha|xbeta")
    first.save()
    of = first.made_of(_joined_after_first, parts)
    assert of("x") == re.compile("xalpha|xbeta")  # its code kept already
    assert not first.missed  # saved at once all the same
    assert of("y") == re.compile("yalpha|ybeta")
    keys = [k for k in first.codes if k.startswith("made:")]
    assert len(keys) == 2 and all("alpha" not in k for k in keys)
    _JOINED_MADE.clear()
    again = _kept()
    made = again.made_of(_joined_after_first, parts)
    assert made("x") == re.compile("xalpha|xbeta")
    assert made("y").pattern == "yalpha|ybeta"
    assert not again.missed and _JOINED_MADE == []
    assert again.made_of(_joined_after_first, ["gamma"])("x").pattern == "xgamma"
    assert _JOINED_MADE == [["x", "gamma"]]
