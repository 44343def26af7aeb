"""Emergency department imaging reports and ED notes (made-up sentences):
terse reads of CT head, CT KUB, trauma scans and extremity films, one row
each, with the field that matters asserted (guide §2, §4; corpora/GUIDE.md)."""

from __future__ import annotations

import pytest

from calc_nlp.stages import analyze_report


def _finding(text: str, mention: str | None = None):  # noqa: ANN202
    findings = analyze_report(text).findings
    if mention is not None:
        findings = [f for f in findings if f.mention == mention]
    assert findings, text
    return findings[-1]


# A denial of one item of acute injury ('no bleed', 'no fx') followed by a
# comma and a calcification that ends the sentence, no 'and' / 'or' between:
# two terse statements of an ED read, the calcification stated ('CT head per
# my read: no bleed, calcified pineal'). A calcified deposit is no acute
# injury, as the existing 'No acute infiltrate, calcified granuloma' rule
# says (guide §2 negated: the deposit is denied).
ACUTE_INJURY_THEN_FINDING = [
    "CT head per my read: no bleed, calcified pineal.",
    "CT head: No hemorrhage, pineal calcification.",
    "XR left wrist: no fx, vascular calcifications.",
    "Right knee films (my read): no fracture, chondrocalcinosis.",
    "Shoulder XR: No dislocation, calcific tendinitis of the supraspinatus.",
    "NO INTRACRANIAL HEMORRHAGE, CALCIFIED FALX.",
    "Pelvis XR: no fractures, pelvic phleboliths.",
]

# Guards: a list that goes on, or an item that is no acute injury, stays
# denied ('No effusion, calcified nodule' is a list: guide §2).
DENIED_LISTS = [
    "No bleed or calcification.",
    "No fracture, calcification or foreign body.",
    "No fracture, dislocation, or soft tissue calcification.",
    "No effusion, calcified nodule.",
    "No fracture, dislocation, calcification.",
    "No hemorrhage and no calcification.",
]


@pytest.mark.parametrize("text", ACUTE_INJURY_THEN_FINDING)
def test_denied_acute_injury_then_finding(text: str) -> None:
    assert not _finding(text).negated


@pytest.mark.parametrize("text", DENIED_LISTS)
def test_denied_lists_stay_denied(text: str) -> None:
    assert _finding(text).negated
