"""A label line naming a paired organ in the plural ('KIDNEYS:') gives
bilateral to every sentence under it, denied or not (corpora/GUIDE.md
laterality: a label line over the finding gives it; the plural of a paired
organ is bilateral), unless the finding's own words name another site or a
side word narrows the label's part to one side."""

from __future__ import annotations

import pytest

UNDER_PLURAL_LABEL = [
    (
        "FINDINGS:\nKIDNEYS: No calculi or hydronephrosis. No renal parenchymal "
        "calcification.",
        "renal parenchymal calcification",
        "bilateral",
    ),
    (
        "FINDINGS:\nKIDNEYS: Normal size. No calcification.",
        "calcification",
        "bilateral",
    ),
    (
        "FINDINGS:\nURETERS: No calculi. Multiple pelvic phleboliths.",
        "pelvic phleboliths",
        "",
    ),
]


@pytest.mark.parametrize("text, mention, side", UNDER_PLURAL_LABEL)
def test_a_plural_label_gives_both_sides(finding_named, text, mention, side):
    assert finding_named(text, mention).laterality == side


# 'of the lungs' after the finding names the place it lies in, as 'in the
# lungs' does: both sides (guide §2 laterality: the plural of a paired organ
# names both); the organ a line is about is still no side.
OF_THE_LUNGS = [
    ("IMPRESSION: Calcified granulomatous disease of the lungs and liver.", "Calcified granulomatous disease", "bilateral"),
    ("IMPRESSION: Scattered calcified granulomas of the lungs.", "calcified granulomas", "bilateral"),
    ("FINDINGS: The lungs are clear. Calcified granuloma.", "Calcified granuloma", ""),
]


@pytest.mark.parametrize("text, mention, side", OF_THE_LUNGS)
def test_of_the_lungs_names_both_sides(finding_named, text, mention, side):
    assert finding_named(text, mention).laterality == side
