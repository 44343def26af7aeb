"""Probe round on operative and procedure notes of surgical specialties
(ENT, urology, orthopaedics, general, thoracic, vascular) in the dictated
transcription style. Made-up sentences, one row per wording; none is taken
from a real note.
"""

from __future__ import annotations

import pytest


def _conditions(analyzer, text: str) -> list[str]:
    return [c.name for c in analyzer.analyze(text, "T").conditions]


# A postoperative-diagnosis heading abbreviated 'Dx' names the note's own
# operation, as 'POSTOPERATIVE DIAGNOSIS:' does: no prior surgery (guide §3).
POSTOP_HEADINGS = [
    "PREOP DX: Left shoulder calcific tendonitis. POSTOP DX: Same. "
    "PROCEDURE: Left shoulder arthroscopic excision of calcium deposit.",
    "POSTOPERATIVE DX: Calcified appendix testis, right.",
    "POST-OP DX: Calcified plaque of the left carotid bifurcation.",
    "Postop Dx: Heavily calcified plaque, right femoral artery.",
    "PREOPERATIVE DX:, Right thyroid nodule.,POSTOPERATIVE DX:, Calcified "
    "right thyroid nodule.,PROCEDURE:, Right thyroid lobectomy.",
]


@pytest.mark.parametrize("text", POSTOP_HEADINGS)
def test_postop_dx_heading_is_no_prior_surgery(analyzer, text):
    assert "prior surgery" not in _conditions(analyzer, text)


# An earlier operation the note names stays a prior surgery.
PRIOR_OPERATIONS = [
    "HISTORY: Postop day 3 after a left carotid endarterectomy. "
    "Calcified plaque of the right carotid bulb.",
    "Status post right total knee arthroplasty. Calcified popliteal artery.",
    "Postoperative changes of a prior cholecystectomy. Calcified mesenteric "
    "lymph node.",
]


@pytest.mark.parametrize("text", PRIOR_OPERATIONS)
def test_prior_operation_stays_prior_surgery(analyzer, text):
    assert "prior surgery" in _conditions(analyzer, text)
