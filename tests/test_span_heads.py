"""A bare 'calcified' runs to the head noun of its phrase (guide §1: the span
is the calcification phrase with its anatomic words before it): a calcified
parasite cyst and a fragment of a disc are such heads."""

from __future__ import annotations

import pytest

CASES = [
    (
        "2. Left parietal calcified cysticercus, an old healed lesion.",
        ["Left parietal calcified cysticercus"],
    ),
    ("Several calcified cysticerci in both hemispheres.", ["calcified cysticerci"]),
    (
        "A calcified disc fragment lies in the left L4-5 foramen.",
        ["calcified disc fragment"],
    ),
    # the disc alone stays the head
    ("Calcified disc at T8-9.", ["Calcified disc"]),
]


@pytest.mark.parametrize("text, mentions", CASES)
def test_calcified_runs_to_its_head(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions


LEVEL_AND_POLE = [
    (
        "IMPRESSION: 1. Right C6-7 ligamentum flavum calcification, mild.",
        ["Right C6-7 ligamentum flavum calcification"],
    ),
    (
        "A 3 mm lower pole calcification of the right testis.",
        ["lower pole calcification"],
    ),
    # a pole after the noun is no premodifier
    ("Calcification at the upper pole of the left kidney.", ["Calcification"]),
]


@pytest.mark.parametrize("text, mentions", LEVEL_AND_POLE)
def test_level_and_pole_words_stay_in_the_span(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions
