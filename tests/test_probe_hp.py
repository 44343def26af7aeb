"""Probe of history-and-physical, consultation, discharge and clinic notes
(dictated style): errors found on made-up notes of that kind, one class per
table."""

from __future__ import annotations

import pytest

# --- acute kidney injury is no prior trauma (guide §4 rule 1: earlier trauma
# at that place; a kidney's acute loss of function injures no tissue there)

AKI_CLASS = [
    (
        "ASSESSMENT: Hypercalcemia and acute kidney injury due to sarcoidosis "
        "with nephrocalcinosis. Start prednisone.",
        "nephrocalcinosis",
        "metastatic",
    ),
    (
        "HPI: Admitted with acute renal injury. Renal ultrasound shows "
        "medullary nephrocalcinosis bilaterally.",
        "nephrocalcinosis",
        "metastatic",
    ),
    (
        "Punctate calcification of the left renal cortex in the setting of "
        "acute kidney injury.",
        "calcification",
        "indeterminate",
    ),
    # guards: an injury of the tissue itself stays a trauma cause
    (
        "Calcification in the left thigh after a crush injury.",
        "Calcification",
        "dystrophic",
    ),
    (
        "Dense calcification of the right quadriceps at the site of a prior "
        "injury, consistent with myositis ossificans.",
        "calcification",
        "dystrophic",
    ),
]


@pytest.mark.parametrize(("text", "word", "cls"), AKI_CLASS)
def test_acute_kidney_injury_is_no_trauma(finding_with, text, word, cls):
    f = finding_with(text, word)
    assert f.classification == cls
