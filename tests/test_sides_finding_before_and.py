"""A head noun of another finding before an 'and' ends that finding: its side
is not the mention's (guide §2: the finding's own words give its side; two
sides named for one finding make bilateral)."""

from __future__ import annotations

import pytest

CASES = [
    ("Left carotid bulb plaque and right vertebral artery calcification.", "right"),
    ("Right iliac plaque and left femoral artery calcification, mild.", "left"),
    # two places before one noun: both sides are the finding's
    ("Right carotid bulb and left ICA calcifications.", "bilateral"),
]


@pytest.mark.parametrize("text, side", CASES)
def test_side_of_a_finding_before_and_is_not_the_mentions(findings_of, text, side):
    assert findings_of(text)[-1].laterality == side
