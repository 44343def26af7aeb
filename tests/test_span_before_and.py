"""A bare 'calcified' before the site phrase it qualifies takes the phrase in
(guide §1: the span runs to the head of its phrase) when an 'and' after it
joins another finding, not a head noun the two places share."""

from __future__ import annotations

import pytest

SPANS = [
    (
        "CONCLUSION: Calcified papillary muscle and focal pericardial "
        "calcification, of uncertain significance.",
        ["Calcified papillary muscle", "pericardial calcification"],
    ),
    (
        "FINDINGS: Calcified splenic artery and dense aortic calcification.",
        ["Calcified splenic artery", "aortic calcification"],
    ),
    # the places share the head after the 'and': 'Calcified' stays alone
    ("FINDINGS: Calcified iliac and visceral arteries.", ["Calcified"]),
]


@pytest.mark.parametrize("text, mentions", SPANS)
def test_the_span_ends_before_an_and_joining_another_finding(
    findings_of, text, mentions
):
    assert [f.mention for f in findings_of(text)] == mentions
