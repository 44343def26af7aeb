"""Probe of podiatry and foot and ankle documents (clinic and wound-care
notes, foot and ankle radiographs, pre-operative foot notes): errors found
on made-up reports of that kind, one class per table."""

from __future__ import annotations

import pytest

# --- a note that opens a line with a one-sided study and a colon ('XR R
# foot: ...') gives its side to every finding on that line, not only to
# the first sentence after the colon (guide §2 "Site and side from
# context", steps 4-5: a label over the finding, a one-sided study)

STUDY_OPENS_THE_LINE = [
    (
        "Pt has DM1.\nXR R foot: fragmentation at Lisfranc joint, stable. "
        "Heavy calcification of the pedal arteries.",
        "calcification",
        "right",
    ),
    (
        "FOOT AND ANKLE CLINIC\nXR R foot lateral: large plantar heel spur, no "
        "fracture. No calcification of the plantar fascia.",
        "calcification",
        "right",
    ),
    (
        "Exam: ulcer healed.\nXR L foot: postsurgical changes of TMA. Extensive "
        "calcification of the dorsalis pedis and lateral plantar arteries.",
        "calcification",
        "left",
    ),
    (
        "Reason for visit: foot pain\nXR R foot reviewed: erosions at the first "
        "MTP joint. Calcification of the plantar digital arteries.",
        "Calcification",
        "right",
    ),
]


@pytest.mark.parametrize(("text", "mention", "side"), STUDY_OPENS_THE_LINE)
def test_side_of_study_opening_the_line(finding_of, text, mention, side):
    assert finding_of(text, mention).laterality == side


# guards: a study on another line, a study of both sides, a side the
# finding's own sentence writes, a study named after the finding
STUDY_OPENS_THE_LINE_NOT = [
    (
        "Pt has DM2.\nXR R foot: no fracture.\nCalcification of the pedal arteries.",
        "Calcification",
        "",
    ),
    (
        "Pt has DM2.\nXR bilateral feet: no fracture. Calcification of the pedal "
        "arteries.",
        "Calcification",
        "",
    ),
    (
        "Pt has DM2.\nXR R foot: no fracture. Calcification of the left "
        "dorsalis pedis artery.",
        "Calcification",
        "left",
    ),
    (
        "Pt has DM2.\nXR R foot last year was normal. Calcification of the "
        "pedal arteries.",
        "Calcification",
        "",
    ),
    (
        "Pt has DM2.\nCalcification of the pedal arteries. XR R foot ordered.",
        "Calcification",
        "",
    ),
]


@pytest.mark.parametrize(("text", "mention", "side"), STUDY_OPENS_THE_LINE_NOT)
def test_side_of_study_opening_the_line_guards(finding_of, text, mention, side):
    assert finding_of(text, mention).laterality == side

