"""Laterality classes (guide §2 "Site and side from context"; corpora/GUIDE.md
laterality): which side words of a sentence are the finding's."""

from __future__ import annotations

import pytest

# The plural of a paired organ gives both sides only to a finding that lies
# in that organ; one whose own place phrase names another organ takes none
# from it (guide §2: a clause about another structure gives no side).
PLURAL_OF_ANOTHER_ORGAN = [
    ("Ultrasound showed small echogenic kidneys and a calcified granuloma in the spleen.", "spleen", ""),
    ("The adrenals look normal, with mural calcification of the splenic artery.", "artery", ""),
    # the plural that is the finding's own place still gives both sides
    ("No nephrocalcinosis is seen in the kidneys.", "kidney", "bilateral"),
    ("Benign vascular calcifications in the breasts.", "artery", "bilateral"),
    ("Calcific tendinitis about the shoulders.", "tendon", "bilateral"),
]


@pytest.mark.parametrize(("text", "site", "laterality"), PLURAL_OF_ANOTHER_ORGAN)
def test_plural_of_another_organ_gives_no_side(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)
