"""An unsited 'calcifications' of another section (a consult's reason) whose
places the findings then name at several sites sums them up: a lesion of
its own, not the lesion of the last place named (corpora/GUIDE.md lesion:
a phrase that sums up several lesions is a lesion of its own; a clinical
note follows the same rule across its sections)."""

from __future__ import annotations

SEVERAL = (
    "NEPHROLOGY CONSULTATION\n"
    "REASON FOR CONSULTATION: Flank pain and calcifications on ultrasound.\n"
    "FINDINGS: A small calcification in the left kidney. Calcification of the "
    "left renal artery. Coarse calcifications in the prostate.\n"
    "IMPRESSION: 1. Prostatic calcifications, benign."
)

ONE = (
    "REASON FOR CONSULTATION: Calcifications on ultrasound.\n"
    "FINDINGS: Coarse calcifications in the prostate.\n"
)

DISEASE = (
    "IMPRESSION: Calciphylaxis.\n"
    "HISTORY: Calcification of both femoral arteries. Calciphylaxis of the "
    "left thigh skin."
)


def test_unsited_calcifications_sum_up_several_places(findings_of):
    found = findings_of(SEVERAL)
    reason, prostate, restated = found[0], found[3], found[4]
    assert prostate.site == "prostate"
    assert reason.lesion_id != prostate.lesion_id
    assert prostate.lesion_id == restated.lesion_id


def test_unsited_calcifications_name_the_one_place_found(findings_of):
    reason, prostate = findings_of(ONE)
    assert reason.lesion_id == prostate.lesion_id


def test_a_disease_name_keeps_its_lesion(findings_of):
    found = findings_of(DISEASE)
    named = [f for f in found if f.mention.lower() == "calciphylaxis"]
    assert len(named) == 2 and named[0].lesion_id == named[1].lesion_id
