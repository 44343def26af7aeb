"""descriptors.json validates on load: bad entries fail with file, rule and key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from calc_nlp.errors import PatternError
from calc_nlp.rules import default_patterns_dir, load_rules
from calc_nlp.safety import load_checked_rules


def _copy_with(tmp_path: Path, fn) -> Path:
    dst = tmp_path / "patterns"
    shutil.copytree(
        default_patterns_dir(),
        dst,
        ignore=shutil.ignore_patterns("*.py", "__pycache__"),
    )
    path = dst / "descriptors.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return dst


def _term(data, rid):
    return next(t for t in data["terms"] if t["id"] == rid)


def _pattern(data, rid):
    return next(p for p in data["patterns"] if p["id"] == rid)


@pytest.mark.parametrize(
    "edit, message",
    [
        (
            lambda d: _term(d, "V-severity-mild").update(value="slight"),
            r"rule V-severity-mild, key 'value': value 'slight' not one of",
        ),
        (
            lambda d: _term(d, "V-severity-mild").update(field="grade"),
            r"rule V-severity-mild, key 'field'",
        ),
        (
            lambda d: _term(d, "V-severity-mild")["phrases"].append("moderate"),
            r"rule V-severity-moderate, key 'phrases': phrase 'moderate' is also in V-severity-mild",
        ),
        (
            lambda d: _term(d, "V-severity-mild")["phrases"].append("Mild"),
            r"key 'phrases': phrase 'Mild' must be a lower-case string",
        ),
        (
            lambda d: _term(d, "V-morphology-rim").update(value="eggshell"),
            r"rule V-morphology-rim, key 'value'",
        ),
        (
            lambda d: _term(d, "V-change-new").pop("source"),
            r"rule V-change-new, key 'source': missing keys",
        ),
        (
            lambda d: _term(d, "V-change-new").update(colour="red"),
            r"rule V-change-new, key 'colour': unknown keys",
        ),
        (
            lambda d: _pattern(d, "W-size").update(regex=r"(\d+) mm"),
            r"rule W-size, key 'regex': regex needs the named groups \['dims', 'unit'\]",
        ),
        (
            lambda d: _pattern(d, "W-birads").update(regex="bi-rads (?P<value>[0-6]"),
            r"rule W-birads, key 'regex': invalid regex",
        ),
        (
            lambda d: _pattern(d, "W-birads").update(kind="category"),
            r"rule W-birads, key 'kind'",
        ),
        (
            lambda d: d["cac_drs"]["bands"].reverse(),
            r"rule cac_drs, key 'bands': bands must start at min 0 and rise",
        ),
        (
            lambda d: d["scores"].update(mention_rules=["M-no-such-rule"]),
            r"rule scores, key 'mention_rules'",
        ),
        (
            lambda d: d["scores"].update(sites=["elbow"]),
            r"rule scores, key 'sites': site 'elbow' is not in the site vocabulary",
        ),
        (
            lambda d: d["word_lists"].pop("clause_breaks"),
            r"missing word lists \['clause_breaks'\]",
        ),
        (
            lambda d: d["word_lists"]["anaphors"]["words"].append("These"),
            r"rule anaphors, key 'words'",
        ),
        (
            lambda d: d["word_lists"]["lesion_joint_sites"]["words"].append("elbow"),
            r"rule lesion_joint_sites, key 'words': site 'elbow' is not in the site",
        ),
        (
            lambda d: d["word_lists"]["segment_sites"]["words"].append("coronaries"),
            r"rule segment_sites, key 'words': site 'coronaries' is not in the site",
        ),
        (
            lambda d: d["vessels"][0].update(id="V-severity-mild"),
            r"duplicate id",
        ),
    ],
)
def test_bad_descriptor_rules_are_rejected(tmp_path, edit, message):
    d = _copy_with(tmp_path, edit)
    with pytest.raises(PatternError, match=message) as e:
        load_rules(d)
    assert str(e.value).startswith("descriptors.json")


def test_a_descriptor_regex_that_can_hang_is_refused(tmp_path):
    d = _copy_with(
        tmp_path,
        lambda x: _pattern(x, "W-birads").update(regex=r"(?P<value>(a+)+)b"),
    )
    with pytest.raises(PatternError, match="W-birads.*catastrophically"):
        load_checked_rules(str(d))


def test_a_new_word_takes_effect(tmp_path):
    """How patterns/README.md says to add a word: one phrase in one entry."""
    from calc_nlp.stages import Analyzer

    d = _copy_with(
        tmp_path, lambda x: _term(x, "V-severity-severe")["phrases"].append("florid")
    )
    f = (
        Analyzer(load_rules(d))
        .analyze("Florid calcification of the aortic arch.")
        .findings[0]
    )
    assert f.severity == "severe"


# `_breaks` opens its regex with each word's literal first letter, so that
# `re` skips to where a match can start: it must match as the plain
# case-blind regex (`_breaks_slow`) does, on any text and any window.
_BREAK_TEXTS = [
    "Dense calcification, AND a smaller one; or with edema: band-like",
    "ORIFICE: Ostial and PROXIMAL LAD, mid_and distal; 2and 3 and_4 and",
    "calcified plaque withOUT change; Without change.WITH a rim, sand and",
    "Due to prior surgery; due, DUE TO trauma; residue to the left",
    "\u0130nflammation \u0131n the \u017fkin, the \u212aidney; Arteriole(s) and DERMIS",
    "n\u00e9phro and\u00e9 caf\u00e9 and \u00e9t\u00e9; arterioles\u00e9 ostial\u00b2 mid3",
    "\nand\n\nor \tWITH\u00a0but, calciphylaxis; Calcific Uremic Arteriolopathy",
]


def _break_windows(text):
    for lo in range(0, len(text) + 1, 3):
        for hi in (lo, lo + 1, lo + 7, len(text)):
            yield lo, min(hi, len(text))


@pytest.mark.parametrize(
    "name",
    [
        "clause_breaks",
        "after_breaks",
        "differential_links",
        "grade_breaks",
        "lesion_extension_words",
        "lesion_place_joins",
        "lesion_place_links",
        "lesion_process_words",
        "lesion_small_vessel_diseases",
        "lesion_small_vessel_words",
        "lesion_summary_words",
        "restating_links",
        "restating_predicates",
        "segment_beyond_words",
        "segments",
        "size_identity_links",
        "size_restating_verbs",
    ],
)
def test_breaks_match_as_the_plain_case_blind_regex(name):
    from calc_nlp.stages.descriptor_rules import _breaks, _breaks_slow

    desc = json.loads(
        (default_patterns_dir() / "descriptors.json").read_text(encoding="utf-8")
    )
    words = desc["word_lists"][name]["words"]
    # and a list of our own: a mark first, a mark of two characters, one
    # letter, a digit, a word that opens a longer one (the first is
    # preferred), words whose first letter a case-blind regex also matches
    # outside ASCII (the dotless i, the long s, the Kelvin sign)
    own = [";", ", and", "a", "due", "due to", "2nd", "in", "Skin", "kidney", "and"]
    for ws in (words, own):
        fast, slow = _breaks(ws), _breaks_slow(ws)
        for text in _BREAK_TEXTS:
            for t in (text, text.upper(), text.lower(), text.swapcase()):
                for lo, hi in _break_windows(t):
                    want = [(m.span(), m.group()) for m in slow.finditer(t, lo, hi)]
                    assert [(m.span(), m.group()) for m in fast.finditer(t, lo, hi)] == want
                    for how in ("search", "match"):
                        got = getattr(fast, how)(t, lo, hi)
                        first = getattr(slow, how)(t, lo, hi)
                        assert (got and got.span()) == (first and first.span())


def test_breaks_spell_every_case_of_an_ascii_letter():
    """`_FOLDS` holds every character other than its two cases that a
    case-blind regex matches an ASCII letter with."""
    import re
    import string

    from calc_nlp.stages.descriptor_rules import _FOLDS

    letters = re.compile("[a-z]", re.I)
    others: dict[str, str] = {}
    for x in range(128, 0x110000):
        c = chr(x)
        if letters.fullmatch(c):
            first = next(a for a in string.ascii_lowercase if re.fullmatch(a, c, re.I))
            others[first] = others.get(first, "") + c
    assert others == _FOLDS


def test_terms_and_change_starts_match_as_the_plain_case_blind_regexes():
    """`terms` and `change_starts` open each alternative with a literal
    letter in one case (`_word_starts`): they must match as the plain
    case-blind regexes do, on the terms themselves run together, apart,
    inside words, before "than" and a year, in every case."""
    import random

    from calc_nlp.stages.descriptor_rules import DescriptorRules

    rules = load_rules()
    dr = DescriptorRules(rules.descriptors, rules.word_lists.get("lesion_nouns", []))
    phrases = sorted(dr.by_phrase)
    rnd = random.Random(7)
    joins = [" ", ", ", "_", "x", "\n", "  ", "-", "2", " than on the 2019 film ", " the 2021 "]
    texts = []
    for _ in range(120):
        text = "".join(p + rnd.choice(joins) for p in rnd.sample(phrases, 5))
        texts += [text, text.upper(), text.title()]
        texts.append(text.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a"))
    for fast, slow in ((dr.terms, dr.terms_slow), (dr.change_starts, dr.change_starts_slow)):
        assert fast.pattern != slow.pattern
        for text in texts:
            for lo, hi in [(0, len(text)), (1, len(text) - 2), (len(text) // 3, len(text))]:
                want = [(m.span(), m.group()) for m in slow.finditer(text, lo, hi)]
                assert [(m.span(), m.group()) for m in fast.finditer(text, lo, hi)] == want
                got, first = fast.match(text, lo, hi), slow.match(text, lo, hi)
                assert (got and got.span()) == (first and first.span())


def test_any_end_matches_before_or_where_each_end_regex_does():
    """`any_end` (where `_first_breaks` starts each end regex's search)
    matches no later than any regex of `ends` in every window: a word one of
    them breaks at that `any_end` passed over would be skipped."""
    from calc_nlp.stages.toolkit import Toolkit

    dr = Toolkit(load_rules()).descriptors
    desc = json.loads(
        (default_patterns_dir() / "descriptors.json").read_text(encoding="utf-8")
    )
    lists = desc["word_lists"]
    words = lists["after_breaks"]["words"] + lists["grade_breaks"]["words"]
    texts = [" ".join(words), ", ".join(reversed(words)), *_BREAK_TEXTS]
    for text in texts:
        for lo, hi in _break_windows(text):
            first = dr.any_end.search(text, lo, hi)
            for rx in dr.ends:
                m = rx.search(text, lo, hi)
                if m is not None:
                    assert first is not None and first.start() <= m.start()
