"""A numbered place between a sized head and its size lead ("foci in
segment 6, the larger 7 mm"): its number is no other number, and the size
is the focus's, which the finding its sentence names it as takes
(corpora/GUIDE.md, size_mm)."""

from __future__ import annotations

import pytest

SIZED_PAST_A_SEGMENT = [
    (
        "FINDINGS: Three echogenic foci in segment 7, the largest 5 mm, in keeping "
        "with calcified granulomas.",
        "calcified granulomas",
        5.0,
    ),
    (
        "FINDINGS: Two shadowing foci in hepatic segment 4, the larger 8 mm, "
        "consistent with calcifications.",
        "calcifications",
        8.0,
    ),
]


@pytest.mark.parametrize("text, mention, size", SIZED_PAST_A_SEGMENT)
def test_a_segment_number_is_no_other_number(finding_named, text, mention, size):
    assert finding_named(text, mention).size_mm == size
