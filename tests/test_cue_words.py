"""Cues that fire only on the words that name them (guide §3, §4 rule 1).

Invented sentences: each names a thing whose words resemble a cue's but
name something else, and the evidence must not quote it as that cue.
"""

from __future__ import annotations

import pytest


# Guide §3 keeps histoplasmosis apart from tuberculosis ("never turned into
# tuberculosis or histoplasmosis, which need their own words"): the cue that
# fires on its words carries its own name.
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Calcified subcarinal nodes, sequelae of remote histoplasmosis.", "histoplasmosis"),
        ("Splenic calcified granulomata, prior Histoplasma infection.", "Histoplasma"),
    ],
)
def test_histoplasmosis_cue_is_named_histoplasmosis(findings_of, text, word):
    f = findings_of(text)[0]
    assert f.classification == "dystrophic"
    assert "histoplasmosis" in f.evidence.replace(f'"{word}"', "")
    assert word in f.evidence
    assert "tuberculosis" not in f.evidence
