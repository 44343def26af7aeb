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


def _flags(f) -> str:
    return "".join(
        k[0].upper()
        for k in ("negated", "uncertain", "historical", "hypothetical")
        if getattr(f, k)
    )


# A calcification given as the reason an action was not taken ('not used due
# to', 'not possible owing to') is seen, not denied or doubted: the denial is
# the action's (guide §2, negated: the deposit is denied).
REASONS = [
    (
        "DESCRIPTION OF PROCEDURE: A tourniquet was not used due to calcified vessels.",
        "calcified vessels",
    ),
    (
        "A tourniquet was not used because of vascular calcification.",
        "vascular calcification",
    ),
    (
        "Clamping was not possible owing to a circumferentially calcified aorta.",
        "calcified aorta",
    ),
    (
        "The tourniquet was not inflated secondary to calcified arteries.",
        "calcified arteries",
    ),
    (
        "Cross-clamping was not feasible due to heavy calcification of the aorta.",
        "calcification",
    ),
]


@pytest.mark.parametrize(("text", "mention"), REASONS)
def test_reason_for_an_action_not_taken_is_present(finding_of, text, mention):
    assert _flags(finding_of(text, mention)) == ""


# A denied calcification stays denied; a hedged reason stays hedged.
DENIED = [
    ("The vessels were not calcified.", "calcified", "N"),
    ("Calcification was not seen due to shadowing.", "Calcification", "N"),
    (
        "A tourniquet was not used, and there was no calcification of the vessels.",
        "calcification",
        "N",
    ),
    ("The artery was not used due to no calcification.", "calcification", "N"),
    (
        "Evaluation was not performed due to possible calcification.",
        "calcification",
        "U",
    ),
]


@pytest.mark.parametrize(("text", "mention", "flags"), DENIED)
def test_denied_calcification_near_a_reason_stays(finding_of, text, mention, flags):
    assert _flags(finding_of(text, mention)) == flags


# A history that opens with a disease dates the disease: a calcification
# joined to it by 'and' or 'with' is the patient's state now (guide §2,
# historical: a deposit visible today is present), as is one after a
# history's 'and developed'.
HISTORY_JOINED = [
    (
        "DESCRIPTION OF PROCEDURE: Due to her history of diabetes and calcified "
        "vessels a tourniquet was not used.",
        "calcified vessels",
        "artery",
    ),
    (
        "INDICATIONS: Claudication. History of diabetes and marked calcifications "
        "of the femoral vessels.",
        "calcifications",
        "artery",
    ),
    (
        "Due to his history of end-stage renal disease and heavily calcified "
        "arteries, the anastomosis was made to the popliteal artery.",
        "calcified arteries",
        "artery",
    ),
    (
        "History of diabetes and peripheral vascular disease with marked "
        "calcifications of the tibial vessels.",
        "calcifications",
        "artery",
    ),
    (
        "HISTORY: Status post right total hip arthroplasty and developed "
        "heterotopic ossification.",
        "heterotopic ossification",
        "",
    ),
]


@pytest.mark.parametrize(("text", "mention", "site"), HISTORY_JOINED)
def test_calcification_joined_to_a_history_is_present(finding_of, text, mention, site):
    f = finding_of(text, mention)
    assert (_flags(f), f.site) == ("", site)


# A calcification that is the history's own object stays dated.
HISTORY_OWN = [
    "History of calcified granuloma, right lung.",
    "History of calcified granuloma and diabetes.",
    "History of lumpectomy and calcifications in the left breast.",
    "Status post excision of a calcified nodule.",
]


@pytest.mark.parametrize("text", HISTORY_OWN)
def test_calcification_of_the_history_stays_historical(finding_of, text):
    assert "H" in _flags(finding_of(text, None))


# Heterotopic ossification placed at a joint by 'at', 'in', 'along' or
# 'bridging' lies in the tissue about it, as 'about the left hip' does
# (corpora/GUIDE.md, site); a tissue named for it still wins. Calcinosis 'in
# the left elbow' may lie in its skin or fat: no site, as the dev labels have.
JOINT_PLACED = [
    (
        "Heterotopic ossification in the left elbow was excised.",
        "periarticular soft tissue",
        "left",
    ),
    (
        "Heterotopic ossification at the right hip.",
        "periarticular soft tissue",
        "right",
    ),
    (
        "The heterotopic ossification along the posterior elbow was excised.",
        "periarticular soft tissue",
        "",
    ),
    (
        "Heterotopic ossification bridging the greater trochanter to the ilium "
        "was removed.",
        "periarticular soft tissue",
        "",
    ),
    (
        "Heterotopic ossification bridging the greater trochanter and the ilium.",
        "periarticular soft tissue",
        "",
    ),
    ("Calcinosis in the left elbow, not imaged.", "", "left"),
    (
        "Radiation to the left hip on day 1 to prevent heterotopic ossification.",
        "",
        "left",
    ),
    (
        "Heterotopic ossification in the gluteus minimus at the left hip.",
        "muscle",
        "left",
    ),
    ("Heterotopic ossification in the left thigh.", "", "left"),
]


@pytest.mark.parametrize(("text", "site", "side"), JOINT_PLACED)
def test_ossification_placed_at_a_joint(finding_of, text, site, side):
    f = finding_of(text, None)
    assert (f.site, f.laterality) == (site, side)


# Diagnosis headings written with a hyphen or 'Dx' are the note's headings
# as 'PREOPERATIVE DIAGNOSIS:' is: their section, and no prior surgery.
DX_HEADINGS = [
    ("Pre-op Diagnosis: Calcific tendinitis, right shoulder.", "indication"),
    ("Preop Dx: Calcified plaque, left carotid.", "indication"),
    ("Post-op Diagnosis: Calcified plaque of the left carotid.", "impression"),
    ("Post-op Dx: Calcified plaque of the left carotid.", "impression"),
    ("Postoperative Dx: Calcified appendix testis.", "impression"),
]


@pytest.mark.parametrize(("text", "section"), DX_HEADINGS)
def test_dx_heading_sections(analyzer, text, section):
    r = analyzer.analyze(text, "T")
    assert [f.section for f in r.findings] == [section]
    assert "prior surgery" not in [c.name for c in r.conditions]
