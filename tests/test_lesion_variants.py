"""More lesion grouping cases (corpora/GUIDE.md, Descriptors: lesion), made
up to find the wordings the grouping rules miss: an anaphor naming another
sub-site, the same words at two places."""

from __future__ import annotations

import pytest

CASES = [
    # an anaphor that names another sub-site is not the lesion before it
    (
        "FINDINGS: Calcified plaque in the LAD. The calcification in the RCA is dense.",
        [1, 2],
    ),
    ("FINDINGS: Calcified plaque in the LAD. The calcification is dense.", [1, 1]),
    (
        "FINDINGS: Calcified granuloma in the RUL. It is unchanged.",
        [1],
    ),
    (
        "FINDINGS: Aortic calcification. Coronary calcification. These "
        "calcifications are moderate.",
        [1, 2, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", CASES)
def test_lesion_numbers(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions
