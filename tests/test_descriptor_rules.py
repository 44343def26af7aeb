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
