"""Known classes left open by the last round (session 39, the "eye" probe):
'RT' for radiation therapy read as the right side, and its kin.

Every report here is fictional and written for this file. The expected
values are read from docs/guide.md and corpora/GUIDE.md, not from the
program.
"""

from __future__ import annotations

import pytest

# 'RT' in capitals is radiation therapy where the words around it say so:
# a time or kind before it ('s/p RT', 'prior RT', 'adjuvant RT', 'before
# RT.'), another treatment joined to it ('chemo-RT', 'lumpectomy and RT'),
# its target or dose after it ('RT to the mediastinum', 'RT 50 Gy'). There
# it names the condition radiation therapy (guide §3: damage from
# radiotherapy is dystrophic) and gives no finding the side right (guide
# §2: laterality from the text; the words do not name the right side).
# (text, a word of the finding's mention, its side)
RT_NO_SIDE: list[tuple[str, str, str]] = [
    ("Left breast DCIS s/p lumpectomy. Residual calcifications on the post-op "
     "mammogram, re-excision recommended before RT.", "calcifications", "left"),
    ("s/p RT. Mammogram: benign-appearing calcifications at the surgical site.",
     "calcifications", ""),
    ("History: SCLC, s/p thoracic RT. Coronary calcification noted.", "Coronary", ""),
    ("Prior RT. Coronary calcification.", "Coronary", ""),
    ("Assessment: NSCLC LUL, s/p chemo-RT. Calcified granuloma in the left upper "
     "lobe, stable.", "granuloma", "left"),
    ("Patient declined RT. Calcifications in the left breast.", "Calcifications", "left"),
    ("Treatment: surgery followed by RT. Calcified granuloma.", "granuloma", ""),
]


@pytest.mark.parametrize(("text", "word", "side"), RT_NO_SIDE)
def test_radiation_rt_gives_no_right_side(finding_with, text, word, side):
    f = finding_with(text, word)
    assert f.laterality == side
    assert "RT" not in f.mention  # the treatment is no word of the span


def test_radiation_rt_ends_its_sentence(finding_with):
    """'s/p RT.' ends a sentence: its 's/p' makes no finding after it historical."""
    f = finding_with("s/p RT. Mammogram: benign-appearing calcifications.", "calcif")
    assert not f.historical


# (text) -> the report records radiation therapy
RT_RADIATION: list[str] = [
    "HISTORY: Hodgkin lymphoma 1998, s/p RT to the mediastinum.\n"
    "FINDINGS: Dense coronary artery calcification.",
    "Prior RT to the mediastinum. Calcified lymph nodes in the AP window.",
    "Left breast cancer, completed RT in 2019. Dystrophic calcifications at the "
    "lumpectomy site.",
    "PMH: Prostate ca treated with RT 78 Gy in 39 fractions. Coarse prostatic "
    "calcifications.",
    "Oncology note: Stage IIA left breast IDC. Adjuvant RT completed. Mammogram: "
    "new coarse calcifications in the left breast.",
    "Pt s/p RT 2010 for seminoma. Calcified retroperitoneal lymph nodes.",
    "RT 50 Gy in 25 fractions to the left breast, completed 2018. Calcifications "
    "in the left breast at the lumpectomy bed.",
    "Impression: Post-RT changes in the left breast with dystrophic calcifications.",
    "HPI: 64F with left breast cancer, s/p lumpectomy and RT (2017). Screening "
    "mammogram shows new grouped calcifications in the left breast.",
    "PMH: 1. Hodgkin disease, mantle RT 1985. 2. CAD.\n"
    "CT CHEST: Extensive coronary artery calcification.",
    "HISTORY: Seminoma, treated with RT to the para-aortic nodes. Calcified "
    "para-aortic lymph node.",
    "S/P RT TO THE MEDIASTINUM. CALCIFIED SUBCARINAL LYMPH NODE.",
    "Pt completed concurrent chemo/RT for cervical cancer. Calcified pelvic lymph nodes.",
    "s/p chemo + RT for anal cancer. Coarse calcification in the perirectal fat.",
    "Patient received RT 60 Gy to the LUL mass. Now with calcification within "
    "the treated mass.",
    "RT to mediastinum 1999. Coronary calcification.",
    "RT to 60 Gy. Calcified node.",
    "Prostate ca treated with RT. Prostatic calcifications.",
    "Chemo with RT. Calcified node.",
    "Left breast ca. RT completed in 2019. Calcifications in the left breast.",
    "RT completed.\nCalcifications in the left breast.",
    "Treatment: surgery followed by RT. Calcified granuloma.",
    "Pt with h/o RT for tonsil ca. Calcified carotid plaque.",
    "s/p rt to the mediastinum. calcified subcarinal lymph node.",
    "history of hodgkin lymphoma treated with mantle rt. coronary artery calcification.",
]


@pytest.mark.parametrize("text", RT_RADIATION)
def test_radiation_rt_is_radiation_therapy(analyzer, text):
    names = [c.name for c in analyzer.analyze(text, "T").conditions]
    assert "radiation therapy" in names
    if "s/p RT " in text or "S/P RT " in text:
        assert "prior surgery" not in names  # 's/p RT' is no operation


def test_radiation_rt_is_a_local_cause(finding_with):
    """'prior RT' to the prostate is a dystrophic cause (guide §4 rule 4:
    a cause at that place named in another sentence; rule 1 in its own)."""
    f = finding_with(
        "PMH: Prostate ca treated with RT 78 Gy in 39 fractions. Coarse prostatic "
        "calcifications.",
        "prostatic",
    )
    assert f.classification == "dystrophic"


# Guards: 'RT' or 'Rt' before a body part or site word, or as a label or
# one of two sides, stays the right side and names no treatment.
# (text, a word of the finding's mention, its side)
RT_SIDE: list[tuple[str, str, str]] = [
    ("RT BREAST: grouped calcifications at 10 o'clock.", "calcifications", "right"),
    ("Rt lower lobe calcified granuloma.", "granuloma", "right"),
    ("RT kidney: punctate calcification.", "calcification", "right"),
    ("CALCIFIED GRANULOMA RT UPPER LOBE.", "GRANULOMA", "right"),
    ("Calcified plaque in the RT ICA.", "plaque", "right"),
    ("Calcifications in the RT breast, upper outer quadrant.", "Calcifications", "right"),
    ("MAMMO DIAG RT: coarse calcifications.", "calcifications", "right"),
    ("Rt: vascular calcifications.", "calcifications", "right"),
    ("Calcified granuloma, RT.", "granuloma", "right"),
    ("CALCIFIED GRANULOMA RT LOWER LOBE, S/P RT HEMICOLECTOMY.", "GRANULOMA", "right"),
    ("s/p RT THR with heterotopic ossification about the hip.", "ossification", "right"),
    ("US BREAST RT: coarse calcifications at 9 o'clock.", "calcifications", "right"),
    ("Calcified plaque: RT and LT carotid bulbs.", "plaque", "bilateral"),
    ("Calcified node in the Rt. axilla.", "node", "right"),
    ("Compared to prior RT breast ultrasound, calcifications unchanged.",
     "calcifications", "right"),
    ("Calcified granuloma in the right lower lobe. s/p right mastectomy.",
     "granuloma", "right"),
]


@pytest.mark.parametrize(("text", "word", "side"), RT_SIDE)
def test_side_rt_stays_the_right_side(analyzer, finding_with, text, word, side):
    assert finding_with(text, word).laterality == side
    names = [c.name for c in analyzer.analyze(text, "T").conditions]
    assert "radiation therapy" not in names


@pytest.mark.parametrize(
    "text",
    [
        "s/p Rt TKA. Heterotopic ossification about the knee.",
        "Echo: RT to LT shunt across the PFO. Mitral annular calcification.",
        "Rt. coronary artery calcification.",
        # a side after a mark after it: two sides compared, no treatment
        "Heterotopic ossification about both hips with RT > LT.",
        "Calcified plaque in both carotids, with RT/LT ratio 1.2.",
        "Calcified granuloma, s/p RT / LT lobectomy.",
        # a respiratory therapist's 'RT to ...'
        "RT to wean O2 as tolerated. Calcified granuloma in the RUL.",
        "Pt on BiPAP, RT to see. Coronary calcification.",
        "RT completed nebulizer treatment. Calcified granuloma in the RUL.",
        "Discussed with RT. Calcified granuloma in the RUL.",
        "Seen by RT. Coronary calcification.",
    ],
)
def test_side_rt_names_no_radiation(analyzer, text):
    names = [c.name for c in analyzer.analyze(text, "T").conditions]
    assert "radiation therapy" not in names


# A one-sided interventional study entered from the other side: the access
# line names where the catheter went in, not the part studied (guide §2
# step 5: a one-sided study gives the side). On one line, as on separate
# lines, the access side does not count against the exam's side.
# (text, a word of the finding's mention, its side)
ACCESS_SIDES: list[tuple[str, str, str]] = [
    ("PROCEDURE: Left lower extremity angiogram. ACCESS: Right CFA, up-and-over. "
     "FINDINGS: Tibial vessels heavily calcified.", "calcified", "left"),
    ("Procedure: Angiogram of the left leg via right femoral access. Findings: "
     "heavily calcified anterior tibial artery.", "tibial", "left"),
    ("PROCEDURE: Left leg angiogram with runoff. Access via right common femoral "
     "artery. Findings: calcified peroneal artery.", "peroneal", "left"),
    ("Procedure: Left lower extremity arteriography through a right femoral "
     "approach. Findings: Heavily calcified tibial arteries.", "tibial", "left"),
    ("PROCEDURE: LEFT LOWER EXTREMITY RUNOFF. VASCULAR ACCESS: RIGHT CFA, 6 FR "
     "SHEATH. FINDINGS: CALCIFIED SFA.", "SFA", "left"),
    ("PROCEDURE: Left upper extremity angiogram from a right femoral approach. "
     "FINDINGS: Calcified brachial artery.", "brachial", "left"),
    ("PROCEDURE: Right lower extremity angiogram. Arterial access: left CFA. "
     "Findings: Calcified popliteal artery.", "popliteal", "right"),
    # guards: separate lines (already right), the finding's own side, an
    # exam of both sides, access from the same side, no access line
    ("PROCEDURE: Left lower extremity angiogram.\nACCESS: Right common femoral "
     "artery, contralateral up-and-over approach.\nFINDINGS: Tibial vessels "
     "heavily calcified.", "calcified", "left"),
    ("PROCEDURE: Left lower extremity angiogram. ACCESS: Right CFA. FINDINGS: The "
     "right common femoral artery is heavily calcified.", "calcified", "right"),
    ("PROCEDURE: Bilateral lower extremity angiogram. ACCESS: Right CFA. "
     "FINDINGS: Tibial vessels heavily calcified.", "calcified", ""),
    ("PROCEDURE: Aortogram with bilateral runoff. ACCESS: Right CFA. FINDINGS: "
     "Calcified tibial vessels.", "tibial", ""),
    ("PROCEDURE: Right lower extremity angiogram. ACCESS: Right CFA, antegrade. "
     "FINDINGS: Tibial vessels heavily calcified.", "calcified", "right"),
    ("PROCEDURE: Left lower extremity angiogram. FINDINGS: Tibial vessels heavily "
     "calcified.", "calcified", "left"),
    ("DIALYSIS ACCESS ULTRASOUND, LEFT ARM\nThe feeding brachial artery is "
     "diffusely calcified.", "calcified", "left"),
]


@pytest.mark.parametrize("end", ["", "\n"])  # a one-line note, kept or re-broken
@pytest.mark.parametrize(("text", "word", "side"), ACCESS_SIDES)
def test_access_side_does_not_count_against_the_exam_side(
    finding_with, text, word, side, end
):
    assert finding_with(text + end, word).laterality == side


# 'The tibial vessels ...' after an access line names the tibial vessels of
# the studied limb, not the artery the catheter went in by: a definite
# subject with a place word of its own that the access line does not write
# points back to nothing (corpora/GUIDE.md laterality: a side is carried
# only by a finding that refers back to an earlier mention; guide §2 step 5).
# (text, its finding's side)
ACCESS_LINE_NOT_POINTED_BACK: list[tuple[str, str]] = [
    ("PROCEDURE: Left lower extremity angiogram.\nACCESS: Right common femoral "
     "artery.\nFINDINGS: The tibial vessels are heavily calcified.", "left"),
    ("PROCEDURE: Left lower extremity angiogram.\nACCESS: Right common femoral "
     "artery, contralateral up-and-over approach.\nFINDINGS: The tibial vessels "
     "are heavily calcified.", "left"),
    ("PROCEDURE: Right upper extremity angiogram.\nAccess: left CFA.\nThe brachial "
     "vessels are calcified.", "right"),
    ("PROCEDURE: Left lower extremity angiogram.\nACCESS: Right CFA.\nThe popliteal "
     "vessels are diffusely calcified.", "left"),
    # guards: a generic 'the vessel' still points back to the access artery;
    # no access line, the place named before, the lesion a procedure targets
    ("PROCEDURE: Left lower extremity angiogram.\nACCESS: Right CFA.\nFINDINGS: "
     "The vessel is heavily calcified at the puncture site.", "right"),
    ("PROCEDURE: CT-guided biopsy of a left renal mass. FINDINGS: The renal mass "
     "has peripheral calcification.", "left"),
    ("PROCEDURE: CT-guided biopsy of a left lower lobe nodule. FINDINGS: The target "
     "nodule contains central calcification.", "left"),
    ("Left femoral artery access. The vessel is heavily calcified.", "left"),
]


@pytest.mark.parametrize(("text", "side"), ACCESS_LINE_NOT_POINTED_BACK)
def test_a_place_named_after_the_access_line_is_its_own(only, text, side):
    assert only(text).laterality == side


# 'right base' is the lung base on its own, but 'right base of prostate',
# 'the left base of the bladder' name the base of the organ after 'of' (guide
# §2 site vocabulary: the tissue the deposit sits in; the bladder and the
# prostate take the side written on their part, corpora/GUIDE.md
# laterality). (text, site, side)
BASE_OF_AN_ORGAN: list[tuple[str, str, str]] = [
    ("Calcifications used for alignment: yes (right base of prostate).", "prostate", "right"),
    ("Coarse calcification at the right base of the prostate.", "prostate", "right"),
    ("Small calcification in the right base of prostate gland.", "prostate", "right"),
    ("RIGHT BASE OF PROSTATE: COARSE CALCIFICATION.", "prostate", "right"),
    ("Prostate: small calcifications at the left base of the gland.", "prostate", "left"),
    ("Calcification at the left base of the bladder.", "bladder", "left"),
    ("Calcification at the right apex of the heart.", "", "right"),
    ("Calcification at the left base of the tongue.", "", "left"),
    ("Calcification at the right base of the skull.", "", "right"),
    # guards: the lung base as before, the organ's base with no side before it
    ("Calcification at the right base of the lung.", "lung", "right"),
    ("Calcified granuloma at the left lung base.", "lung", "left"),
    ("Calcified granuloma, left base.", "lung", "left"),
    ("CXR: Calcified granuloma at the right base. Stable.", "lung", "right"),
    ("Calcification at the base of the right lung and at the left base.", "lung", "bilateral"),
    ("Calcification in the base of the prostate, left side.", "prostate", "left"),
    ("Calcification at the base of the bladder.", "bladder", ""),
]


@pytest.mark.parametrize(("text", "site", "side"), BASE_OF_AN_ORGAN)
def test_a_base_of_an_organ_is_that_organs(only, text, site, side):
    f = only(text)
    assert (f.site, f.laterality) == (site, side)


# An embolus lies where it lodged: a phrase of its sentence that names where
# it came from ('likely from the aortic valve', 'cardiac valve source', 'of
# cardiac origin') says no place it lies in (guide §2 step 2: the phrase of
# its own clause that says where it lies), and gives no site or side. CRAO
# and BRAO (central, branch retinal artery occlusion) name the retinal
# artery the embolus lodged in (guide §2 vocabulary: 'artery' is every other
# artery). (text, site, side)
EMBOLUS_ORIGIN: list[tuple[str, str, str]] = [
    ("A: CRAO OS from calcific embolus, likely from the aortic valve.", "artery", "left"),
    ("BRAO OS due to calcific embolus, likely cardiac valve source.", "artery", "left"),
    ("Calcific embolus OD, likely from the aortic valve.", "", "right"),
    ("Calcific embolus OS, of probable cardiac valve origin.", "", "left"),
    ("Hollenhorst plaque and a calcific embolus OS, presumably from the right "
     "carotid bifurcation.", "", "left"),
    ("Calcific embolus in the left retinal artery, likely from the aortic valve.",
     "artery", "left"),
    ("Calcified embolus lodged in the right MCA, thought to arise from the aortic "
     "valve.", "artery", "right"),
    # guards: where it lies, an extent, no embolus
    ("Calcified embolus extending from the SFA into the popliteal artery.", "artery", ""),
    ("Calcified embolus within the right popliteal artery.", "artery", "right"),
    ("Calcified plaque at the aortic valve.", "aortic valve", ""),
    ("Calcification arising from the aortic valve leaflets.", "aortic valve", ""),
]


@pytest.mark.parametrize(("text", "site", "side"), EMBOLUS_ORIGIN)
def test_an_embolus_origin_is_no_place_of_it(finding_with, text, site, side):
    f = finding_with(text, "embol" if "embol" in text else "")
    assert (f.site, f.laterality) == (site, side)


# 'the access site', 'the access vessel' point back to the vessel an access
# line named, with its side (guide §2 step 4: an earlier mention the sentence
# points back to), not to the exam's side, where the access line stands in
# a section of its own. (text, a word of the finding's mention, its side)
ACCESS_SITE_POINTS_BACK: list[tuple[str, str, str]] = [
    ("PROCEDURE: Left lower extremity angiogram.\nACCESS: Right CFA.\nFINDINGS: "
     "Calcified plaque at the access site.", "plaque", "right"),
    ("PROCEDURE: Right lower extremity angiogram.\nAccess: left common femoral "
     "artery, retrograde.\nFindings: Heavily calcified access vessel.", "access", "left"),
    ("PROCEDURE: Left upper extremity fistulagram.\nVASCULAR ACCESS: Right femoral "
     "artery.\nIMPRESSION: Calcified plaque at the access site, closure device "
     "deployed.", "plaque", "right"),
    # guards: the access on the procedure line, no access line, one sentence
    ("PROCEDURE: Right common femoral artery access for left leg angiogram. "
     "FINDINGS: Calcified plaque at the access site.", "plaque", "right"),
    ("PROCEDURE: Left leg angiogram.\nFINDINGS: Calcified plaque at the access site.",
     "plaque", "left"),
    ("Right CFA was accessed. Calcified plaque at the access site.", "plaque", "right"),
]


@pytest.mark.parametrize(("text", "word", "side"), ACCESS_SITE_POINTS_BACK)
def test_the_access_site_is_the_access_lines_vessel(finding_with, text, word, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == ("artery", side)


# The abbreviations of the radiotherapies a lymphoma or breast note names:
# involved-site, involved-field, involved-node radiotherapy, accelerated
# partial breast irradiation (guide §3: damage from radiotherapy).
@pytest.mark.parametrize(
    "text",
    [
        "Oncology: DLBCL s/p R-CHOP x6 + ISRT. Calcified mediastinal lymph nodes.",
        "Hodgkin lymphoma, s/p ABVD and IFRT 2005. Coronary artery calcification.",
        "Left breast ca s/p APBI. Coarse calcifications at the lumpectomy site.",
        "HL treated with INRT to the mediastinum. Calcified subcarinal node.",
    ],
)
def test_radiotherapy_abbreviations_are_radiation_therapy(analyzer, text):
    names = [c.name for c in analyzer.analyze(text, "T").conditions]
    assert "radiation therapy" in names


# More ways an IR note writes the access on the procedure line: a side the
# access word follows in its clause, a route word before it, an access
# label in brackets; the route's side counts only where it is the only side
# written (guide §2 step 5). (text, its finding's side)
ACCESS_WORDINGS: list[tuple[str, str]] = [
    ("PROCEDURE: Left lower extremity angiogram, right femoral access. FINDINGS: "
     "Calcified tibial arteries.", "left"),
    ("PROCEDURE: Left lower extremity angiogram via the right groin. FINDINGS: "
     "Calcified tibial arteries.", "left"),
    ("PROCEDURE: Left lower extremity angiogram (access: right CFA). FINDINGS: "
     "Calcified tibial arteries.", "left"),
    ("PROCEDURE: Left lower extremity angiogram. Right CFA access, up-and-over. "
     "FINDINGS: Calcified tibial arteries.", "left"),
    ("PROCEDURE: Left lower extremity angiogram. Contralateral right CFA access. "
     "FINDINGS: Calcified tibial arteries.", "left"),
    ("PROCEDURE: Right upper extremity angiogram, left radial approach. FINDINGS: "
     "Calcified brachial artery.", "right"),
    # guards: the access side alone, the same side twice, both sides studied
    ("PROCEDURE: Right lower extremity angiogram via right femoral access. "
     "FINDINGS: Calcified SFA.", "right"),
    ("DIALYSIS ACCESS ULTRASOUND, LEFT ARM\nCalcified brachial artery.", "left"),
    ("PROCEDURE: Left lower extremity angiogram, left femoral antegrade access. "
     "FINDINGS: Calcified tibial arteries.", "left"),
    ("PROCEDURE: Bilateral lower extremity angiogram, right femoral access. "
     "FINDINGS: Calcified tibial arteries.", ""),
]


@pytest.mark.parametrize("end", ["", "\n"])
@pytest.mark.parametrize(("text", "side"), ACCESS_WORDINGS)
def test_the_access_routes_side_is_not_the_studys(only, text, side, end):
    assert only(text + end).laterality == side
