"""Probe of podiatry and foot and ankle documents (clinic and wound-care
notes, foot and ankle radiographs, pre-operative foot notes): errors found
on made-up reports of that kind, one class per table."""

from __future__ import annotations

import pytest

# --- a note that opens a line with a one-sided study and a colon ('XR R
# foot: ...') gives its side to every finding on that line, not only to
# the first sentence after the colon (guide §2 "Site and side from
# context", steps 4-5: a label over the finding, a one-sided study)

STUDY_OPENS_THE_LINE = [
    (
        "Pt has DM1.\nXR R foot: fragmentation at Lisfranc joint, stable. "
        "Heavy calcification of the pedal arteries.",
        "calcification",
        "right",
    ),
    (
        "FOOT AND ANKLE CLINIC\nXR R foot lateral: large plantar heel spur, no "
        "fracture. No calcification of the plantar fascia.",
        "calcification",
        "right",
    ),
    (
        "Exam: ulcer healed.\nXR L foot: postsurgical changes of TMA. Extensive "
        "calcification of the dorsalis pedis and lateral plantar arteries.",
        "calcification",
        "left",
    ),
    (
        "Reason for visit: foot pain\nXR R foot reviewed: erosions at the first "
        "MTP joint. Calcification of the plantar digital arteries.",
        "Calcification",
        "right",
    ),
]


@pytest.mark.parametrize(("text", "mention", "side"), STUDY_OPENS_THE_LINE)
def test_side_of_study_opening_the_line(finding_of, text, mention, side):
    assert finding_of(text, mention).laterality == side


# guards: a study on another line, a study of both sides, a side the
# finding's own sentence writes, a study named after the finding
STUDY_OPENS_THE_LINE_NOT = [
    (
        "Pt has DM2.\nXR R foot: no fracture.\nCalcification of the pedal arteries.",
        "Calcification",
        "",
    ),
    (
        "Pt has DM2.\nXR bilateral feet: no fracture. Calcification of the pedal "
        "arteries.",
        "Calcification",
        "",
    ),
    (
        "Pt has DM2.\nXR R foot: no fracture. Calcification of the left "
        "dorsalis pedis artery.",
        "Calcification",
        "left",
    ),
    (
        "Pt has DM2.\nXR R foot last year was normal. Calcification of the "
        "pedal arteries.",
        "Calcification",
        "",
    ),
    (
        "Pt has DM2.\nCalcification of the pedal arteries. XR R foot ordered.",
        "Calcification",
        "",
    ),
]


@pytest.mark.parametrize(("text", "mention", "side"), STUDY_OPENS_THE_LINE_NOT)
def test_side_of_study_opening_the_line_guards(finding_of, text, mention, side):
    assert finding_of(text, mention).laterality == side


# --- the podiatry pair of pedal pulses' arteries, 'DP and PT' ('DP/PT',
# 'AT, PT and DP'), names the dorsalis pedis, posterior and anterior tibial
# arteries: artery (guide §2 site vocabulary: tibial and pedal arteries)

PEDAL_ARTERY_PAIR = [
    ("PVD with calcified DP and PT arteries bilaterally on prior x-ray.", "calcified"),
    ("Exam: L TMA incision intact. DP/PT nonpalpable; calcified on XR.", "calcified"),
    ("Xray: calcified DP/PT b/l.", "calcified"),
    ("Monophasic signals. Calcification of the AT, PT and DP noted on x-ray.", "Calcification"),
]


@pytest.mark.parametrize(("text", "mention"), PEDAL_ARTERY_PAIR)
def test_pedal_artery_pair(finding_of, text, mention):
    assert finding_of(text, mention).site == "artery"


# guards: 'PT' alone is the patient or physical therapy, 'AT' a preposition
PEDAL_ARTERY_PAIR_NOT = [
    ("PT with calcified granuloma in the RUL.", "calcified granuloma", "lung"),
    ("Calcific tendinitis of the Achilles tendon. PT and ESWT planned.", "Calcific tendinitis", "tendon"),
    # no artery: placed at a joint, the tissue about it (corpora/GUIDE.md site)
    (
        "CALCIFICATION AT THE FIRST MTP JOINT. PT AND OT TO FOLLOW.",
        "CALCIFICATION",
        "periarticular soft tissue",
    ),
]


@pytest.mark.parametrize(("text", "mention", "site"), PEDAL_ARTERY_PAIR_NOT)
def test_pedal_artery_pair_guards(finding_of, text, mention, site):
    assert finding_of(text, mention).site == site


# --- 'patient with' or 'in the setting of' opens the patient's disease
# ('this patient with renal disease': no place), but a site written with a
# calcification mention there is that calcification's place (guide §2 steps
# 1-2: its own words, its own clause)

PATIENT_WITH_CALCIFIED = [
    ("Patient with calcified DP and PT arteries.", "calcified", "artery"),
    ("Patient with vascular calcification of the feet.", "vascular calcification", "artery"),
    ("Patient with pedal arterial calcification.", "pedal arterial calcification", "artery"),
    ("Patient with renal calcifications.", "renal calcifications", "kidney"),
    ("In the setting of calcified aortic valve.", "calcified aortic valve", "aortic valve"),
]


@pytest.mark.parametrize(("text", "mention", "site"), PATIENT_WITH_CALCIFIED)
def test_patient_with_calcified_place(finding_of, text, mention, site):
    assert finding_of(text, mention).site == site


# guards: the disease after 'patient with' is still no place
PATIENT_WITH_DISEASE = [
    "May represent metastatic calcification in this patient with renal disease.",
    "Calcification in this patient with chronic renal disease.",
    "Calcifications in the setting of renal failure.",
    "Patient with renal disease and calcification.",
]


@pytest.mark.parametrize("text", PATIENT_WITH_DISEASE)
def test_patient_with_disease_no_place(findings_of, text):
    assert [f.site for f in findings_of(text)] == [""]


# --- 'DM1' is type 1 diabetes as 'DM2' is type 2 (guide §3: diabetes
# mellitus, category other); the lower-case word or a dose is not

DIABETES_TYPE_ONE = [
    ("PMH: DM1, HTN. Calcified DP artery.", ["diabetes mellitus"]),
    ("Hx of R Charcot foot, DM1, CKD 3b. Pedal arterial calcification.", ["diabetes mellitus", "chronic kidney disease"]),
    ("Dm1 dose given. Calcified DP artery.", []),
]


@pytest.mark.parametrize(("text", "names"), DIABETES_TYPE_ONE)
def test_dm1_is_diabetes(analyzer, text, names):
    assert [c.name for c in analyzer.analyze(text, "T").conditions] == names


# --- Monckeberg's sclerosis is the calcification of the arteries' media
# (guide §3): its eponym places a calcification it names or explains in an
# artery (guide §2 site vocabulary: artery; step 3, the lesion its sentence
# names it as)

MONCKEBERG_ARTERY = [
    ("Monckeberg medial calcific sclerosis.", "Monckeberg medial calcific sclerosis", ""),
    (
        "Impression: Monckeberg's medial calcific sclerosis, bilateral feet.",
        "Monckeberg's medial calcific sclerosis",
        "bilateral",
    ),
    (
        "Mönckeberg calcification noted on XR of the left foot.",
        "Mönckeberg calcification",
        "left",
    ),
    ("Calcification consistent with Monckeberg sclerosis.", "Calcification", ""),
    (
        "Findings consistent with Moenckeberg medial calcinosis.",
        "Moenckeberg medial calcinosis",
        "",
    ),
]


@pytest.mark.parametrize(("text", "mention", "side"), MONCKEBERG_ARTERY)
def test_monckeberg_is_arterial(finding_of, text, mention, side):
    f = finding_of(text, mention)
    assert (f.site, f.laterality, f.classification) == ("artery", side, "dystrophic")


# guards: a calcification of another tissue in a report naming it keeps its site
MONCKEBERG_OTHER = [
    (
        "Monckeberg sclerosis of the pedal arteries. Calcific tendinitis of the Achilles tendon.",
        "Calcific tendinitis",
        "tendon",
    ),
    ("History of Monckeberg sclerosis. Calcified granuloma in the RUL.", "Calcified granuloma", "lung"),
]


@pytest.mark.parametrize(("text", "mention", "site"), MONCKEBERG_OTHER)
def test_monckeberg_other_sites(finding_of, text, mention, site):
    assert finding_of(text, mention).site == site
