"""The build cache (build_cache.py): what it serves equals what is built,
anything it depends on changed gives another entry, and a bad or unwritable
cache only means building again."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from calc_nlp import build_cache
from calc_nlp.rules import default_patterns_dir, load_rules

from .patterns_copy import copy_patterns

DEMO_TEXTS = [
    "FINDINGS: Calcified granuloma in the right upper lobe. No effusion.",
    "Vascular calcifications of the aorta. IMPRESSION: No acute disease.",
    "Dense calcification in the left breast, BI-RADS 2. History of CKD-4 on HD.",
    "No calcification. Lungs are clear.",
]


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(build_cache.ENV, str(folder))
    return folder


def _entries(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.glob(f"{kind}-*.marshal"))


def test_cached_rules_equal_the_rules_read_and_keep_their_shared_entries(cache):
    built = load_rules()
    assert len(_entries(cache, "rules")) == 1
    cached = load_rules()
    assert cached == built
    rid = built.mentions[0]["metadata"]["id"]
    assert cached.rule_index[rid] is cached.mentions[0]  # as in a fresh load


def test_a_changed_rule_file_is_read_again(cache, tmp_path):
    d = copy_patterns(tmp_path)
    first = load_rules(d)
    path = d / "mentions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["target_rules"][0]["metadata"]["source"] = "guide §1 (edited)"
    path.write_text(json.dumps(data), encoding="utf-8")
    second = load_rules(d)
    assert second.mentions[0]["metadata"]["source"] == "guide §1 (edited)"
    assert second.version != first.version
    assert len(_entries(cache, "rules")) == 2


def test_another_library_version_or_our_code_is_another_entry(cache, monkeypatch):
    load_rules()
    monkeypatch.setattr(build_cache, "_CONTEXT", None)
    monkeypatch.setattr(build_cache, "_version", lambda package: b"9.9.9")
    load_rules()
    monkeypatch.setattr(build_cache, "_CONTEXT", None)
    monkeypatch.setattr(build_cache, "SOURCES", build_cache.SOURCES[:-1])
    load_rules()
    assert len(_entries(cache, "rules")) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit flipped
        lambda b: b"not a cache file",
        lambda b: b"",
    ],
)
def test_a_corrupt_entry_is_ignored_and_rewritten(cache, damage):
    built = load_rules()
    (entry,) = _entries(cache, "rules")
    entry.write_bytes(damage(entry.read_bytes()))
    assert build_cache.load("rules", _digest_of_bundled()) is None
    assert load_rules() == built
    assert build_cache.load("rules", _digest_of_bundled()) is not None  # rewritten


def _digest_of_bundled() -> str:
    from calc_nlp.rules import _files_digest

    digest = _files_digest(default_patterns_dir())
    assert digest is not None
    return digest


def test_an_unreadable_entry_is_ignored(cache):
    built = load_rules()
    (entry,) = _entries(cache, "rules")
    entry.unlink()
    entry.mkdir()  # reading it fails (even as root, unlike a chmod)
    assert load_rules() == built


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(build_cache.ENV, str(blocker / "cache"))  # under a file
    assert build_cache.save("rules", "x", {"a": 1}) is False
    assert load_rules().mentions
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv(build_cache.ENV, "off")
    assert build_cache.cache_dir() is None
    assert build_cache.save("rules", "x", {"a": 1}) is False
    assert build_cache.load("rules", "x") is None


def test_the_user_cache_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv(build_cache.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert build_cache.cache_dir() == tmp_path / "calc-nlp"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert build_cache.cache_dir() == tmp_path / "home" / ".cache" / "calc-nlp"


def _write_and_read(args: tuple[str, int]) -> list[bool]:
    """Saves then loads the same entry many times; True where a load was whole."""
    folder, n = args
    import os

    os.environ[build_cache.ENV] = folder
    value = {"rows": [[i, str(i) * 20] for i in range(5000)]}
    seen = []
    for _ in range(n):
        build_cache.save("race", "key", value)
        got = build_cache.load("race", "key")
        seen.append(got is None or got == value)
        seen.append(got is not None)
    return seen


def test_concurrent_writers_never_leave_a_torn_entry(cache):
    with multiprocessing.get_context("fork").Pool(4) as pool:
        results = pool.map(_write_and_read, [(str(cache), 25)] * 4)
    flat = [ok for r in results for ok in r[0::2]]
    loaded = [ok for r in results for ok in r[1::2]]
    assert all(flat) and all(loaded)  # every load whole and equal to the value
    assert [p.name for p in cache.iterdir() if p.name.startswith(".tmp-")] == []


def test_a_toolkit_built_from_the_cache_analyses_as_one_built_without(
    cache, monkeypatch
):
    from calc_nlp.stages import Analyzer

    rules = load_rules()
    cold = Analyzer(rules)  # fills the cache
    assert len(_entries(cache, "toolkit")) == 1
    warm = Analyzer(rules)
    monkeypatch.setenv(build_cache.ENV, "off")
    uncached = Analyzer(rules)
    for text in DEMO_TEXTS:
        expected = uncached.analyze(text, "T")
        assert cold.analyze(text, "T") == expected
        assert warm.analyze(text, "T") == expected
    assert any(uncached.analyze(t, "T").findings for t in DEMO_TEXTS)


def test_vocabulary_entries_from_the_cache_equal_computed_ones(cache, monkeypatch):
    from calc_nlp.stages.toolkit import Toolkit

    rules = load_rules()
    Toolkit(rules)
    warm = Toolkit(rules).nlp.vocab
    monkeypatch.setenv(build_cache.ENV, "off")
    fresh = Toolkit(rules).nlp.vocab
    attrs = ("lower", "norm", "shape", "prefix", "suffix", "is_stop", "like_num")
    attrs += ("like_url", "is_alpha", "is_punct", "lang", "cluster", "prob")
    lexemes = list(warm)
    # the special cases' and the rules' words (rule keys: toolkit.keys_vocab)
    assert len(lexemes) > 500
    for lex in lexemes:
        other = fresh[lex.orth_]
        assert [getattr(lex, a) for a in attrs] == [getattr(other, a) for a in attrs]
    # spaCy's own attribute functions are back once the toolkit is built
    assert all(not isinstance(f.__self__, dict) for f in _bound(warm))


def _bound(vocab) -> list:
    return [f for f in vocab.lex_attr_getters.values() if hasattr(f, "__self__")]


def test_the_folder_keeps_only_the_entries_used_last(cache):
    """Each change of the rules gives new entries: a save removes the
    oldest of its kind past KEPT_PER_KIND, and a load counts as a use."""
    import os

    def age_all() -> None:  # each older than the next save, without sleeping
        for p in _entries(cache, "probe"):
            st = p.stat()
            os.utime(p, (st.st_atime - 10, st.st_mtime - 10))

    kept = build_cache.KEPT_PER_KIND
    for i in range(kept + 5):
        assert build_cache.save("probe", f"rules {i}", [i])
        age_all()
    assert len(_entries(cache, "probe")) == kept
    assert build_cache.load("probe", "rules 0") is None  # removed
    survivors = [
        i for i in range(kept + 5) if build_cache._path("probe", f"rules {i}").exists()
    ]
    assert survivors == list(range(5, kept + 5))
    # a use keeps the entry that is otherwise the oldest
    assert build_cache.load("probe", "rules 5") == [5]
    assert build_cache.save("probe", "rules new", ["new"])
    assert build_cache.load("probe", "rules 5") == [5]
    assert build_cache.load("probe", "rules 6") is None
    assert len(_entries(cache, "probe")) == kept
    # other kinds are left alone
    assert build_cache.save("other", "rules 0", [0])
    assert len(_entries(cache, "probe")) == kept
