"""Classes of error a blind batch of dev reports showed, each checked on
sentences written here in other words (corpora/GUIDE.md, docs/guide.md).
A row that fails means the class is back, not that one sentence changed."""

from __future__ import annotations

import pytest

FINDING = "\nFINDINGS: Calcified granuloma."

# guide §3: radiation named as the treatment that came after another one
RADIATION_AFTER = [
    "HISTORY: Right mastectomy in 2016, followed by radiation.",
    "HISTORY: Lymphoma, chemotherapy then radiation.",
    "HISTORY: Wide excision and adjuvant radiation for sarcoma.",
    "HISTORY: Prostatectomy, later salvage radiation.",
]

# ... but not the service that follows the patient, nor a treatment denied
RADIATION_NOT = [
    "HISTORY: She is followed by radiation oncology.",
    "HISTORY: No adjuvant radiation was given.",
]


@pytest.mark.parametrize("text", RADIATION_AFTER)
def test_radiation_after_another_treatment_is_radiation_therapy(analyzer, text):
    names = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert "radiation therapy" in names


@pytest.mark.parametrize("text", RADIATION_NOT)
def test_radiation_service_or_denied_is_no_condition(analyzer, text):
    names = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert "radiation therapy" not in names
