"""Probe round on nephrology, dialysis, transplant and metabolic bone notes
and the imaging ordered from those clinics. Made-up sentences, one row per
wording; none is taken from a real note.
"""

from __future__ import annotations

import pytest


def _find(analyzer, text: str, mention: str):
    r = analyzer.analyze(text, "T")
    hits = [f for f in r.findings if f.mention == mention]
    assert hits, [f.mention for f in r.findings]
    return hits[0]


# Calciphylaxis is the calcification of the small vessels of the skin and fat
# whose lesions are necrotic: the necrosis, eschar or fat necrosis its
# sentence names is the disease's own lesion, not a dystrophic cause of it
# (guide §4 rule 2: calciphylaxis is a metastatic pattern on the mention).
CALCIPHYLAXIS_NECROSIS = [
    ("ESRD on HD. Calciphylaxis with necrotic eschar of the left thigh.",
     "Calciphylaxis"),
    ("Exam: necrotic ulcers of both calves due to calciphylaxis.", "calciphylaxis"),
    ("Assessment: Calciphylaxis, left thigh, with skin necrosis and ulceration.",
     "Calciphylaxis"),
    ("Nonhealing necrotic wound of the abdomen from calciphylaxis.", "calciphylaxis"),
    ("Penile necrosis secondary to calciphylaxis in a dialysis patient.",
     "calciphylaxis"),
    ("Calcific uremic arteriolopathy with necrosis of the left leg.",
     "Calcific uremic arteriolopathy"),
    ("Skin biopsy: calcification of small subcutaneous vessels with fat necrosis, "
     "consistent with calciphylaxis.", "calciphylaxis"),
]


@pytest.mark.parametrize(("text", "mention"), CALCIPHYLAXIS_NECROSIS)
def test_calciphylaxis_necrosis_is_its_own_lesion(analyzer, text, mention):
    assert _find(analyzer, text, mention).classification == "metastatic"


# Guards: necrosis named with another calcification stays its cause, and so
# does a necrosis that causes a nephrocalcinosis.
NECROSIS_CAUSES = [
    ("Cortical nephrocalcinosis bilaterally, sequela of cortical necrosis.",
     "nephrocalcinosis"),
    ("Calcification within the necrotic left renal mass.", "Calcification"),
    ("ESRD on HD. Calcification of the left thigh fat at a site of fat necrosis.",
     "Calcification"),
]


@pytest.mark.parametrize(("text", "mention"), NECROSIS_CAUSES)
def test_necrosis_stays_a_cause_elsewhere(analyzer, text, mention):
    assert _find(analyzer, text, mention).classification == "dystrophic"


def _conditions(analyzer, text: str) -> list[str]:
    """The report's conditions, with a finding after the text (a report
    with none gives no conditions)."""
    text += "\nFINDINGS: Calcification in the right kidney."
    return [c.name for c in analyzer.analyze(text, "T").conditions]


# A state found by measurement (hypercalcemia, hyperparathyroidism, kidney
# disease, hyperphosphatemia) that an exam evaluates or works up, with no
# 'for', is the patient's: the evaluation is of its cause or extent (guide §3:
# a condition the report asserts). 'Evaluate for X' still asks.
EVALUATED_STATES = [
    ("INDICATION: Parathyroid scan for evaluation of primary "
     "hyperparathyroidism.", "hyperparathyroidism"),
    ("HISTORY: Hypercalcemia workup.", "hypercalcemia"),
    ("INDICATION: Hypercalcemia work-up.", "hypercalcemia"),
    ("Reason for exam: evaluation of hypercalcemia.", "hypercalcemia"),
    ("HISTORY: Hyperparathyroidism evaluation.", "hyperparathyroidism"),
    ("HISTORY: Evaluate hyperparathyroidism.", "hyperparathyroidism"),
    ("CLINICAL: Evaluation of CKD stage 4.", "chronic kidney disease"),
    ("Indication: eval hyperphosphatemia.", "hyperphosphatemia"),
]


@pytest.mark.parametrize(("text", "name"), EVALUATED_STATES)
def test_evaluated_state_is_the_patients(analyzer, text, name):
    assert name in _conditions(analyzer, text)


ASKED_CONDITIONS = [
    ("HISTORY: Evaluate for hyperparathyroidism.", "hyperparathyroidism"),
    ("Workup for hypercalcemia.", "hypercalcemia"),
    ("Rule out hyperparathyroidism.", "hyperparathyroidism"),
    ("Indication: eval sarcoid.", "sarcoidosis"),
    ("Reason: evaluation of possible sarcoidosis.", "sarcoidosis"),
    ("Kidney transplant evaluation.", "prior surgery"),
    # a referral's 'for' before the state the workup after it names asks
    ("Sent for hyperparathyroidism evaluation.", "hyperparathyroidism"),
    ("Referred for hypercalcemia workup.", "hypercalcemia"),
]


@pytest.mark.parametrize(("text", "name"), ASKED_CONDITIONS)
def test_asked_condition_stays_out(analyzer, text, name):
    assert name not in _conditions(analyzer, text)


def test_evaluated_state_makes_rule_3(analyzer):
    r = analyzer.analyze(
        "HISTORY: Hypercalcemia workup.\nFINDINGS: Calcification of the renal "
        "pyramids bilaterally.",
        "T",
    )
    assert [f.classification for f in r.findings] == ["metastatic"]


# A condition that describes the patient ('in this hemodialysis patient', 'in
# a patient on dialysis', 'in a 60 year old man on peritoneal dialysis') is
# asserted: a denial, hedge or question before it is about the finding
# (guide §3: a condition is the patient's unless it is itself hedged).
PATIENT_DESCRIPTIONS = [
    ("Nodular calcification in the upper lobes, possibly metastatic calcification "
     "in this hemodialysis patient.", "chronic kidney disease"),
    ("Subcutaneous vascular calcification of the thighs, suspicious for "
     "calciphylaxis in this patient on dialysis.", "chronic kidney disease"),
    ("Calcification of the left thigh vessels. Calciphylaxis is favored in this "
     "dialysis patient.", "chronic kidney disease"),
    ("No calciphylaxis in this dialysis patient.", "chronic kidney disease"),
    ("Evaluate for calciphylaxis in this patient on hemodialysis.",
     "chronic kidney disease"),
    ("Possible nephrocalcinosis in a 60 year old man on peritoneal dialysis.",
     "chronic kidney disease"),
    ("Calciphylaxis versus vasculitis in a patient on HD.", "chronic kidney disease"),
    ("No nephrocalcinosis in this hypercalcemic patient.", "hypercalcemia"),
]


@pytest.mark.parametrize(("text", "name"), PATIENT_DESCRIPTIONS)
def test_patient_description_is_asserted(analyzer, text, name):
    assert name in _conditions(analyzer, text)


# Guards: a condition hedged or denied in its own words stays out, and so
# does one the sentence asks about with no patient phrase.
PATIENT_GUARDS = [
    ("Possible nephrocalcinosis in a patient with possible hyperparathyroidism.",
     "hyperparathyroidism"),
    ("No history of dialysis.", "chronic kidney disease"),
    ("Possible calciphylaxis in this patient.", "calciphylaxis"),
    ("Evaluate for hyperparathyroidism in this patient.", "hyperparathyroidism"),
    ("The patient denies dialysis.", "chronic kidney disease"),
    # a disease, not a measured state, is often what is asked of the patient
    ("Evaluate for calcified granulomas in a patient with tuberculosis exposure.",
     "tuberculosis"),
]


@pytest.mark.parametrize(("text", "name"), PATIENT_GUARDS)
def test_patient_guards(analyzer, text, name):
    assert name not in _conditions(analyzer, text)


def test_patient_description_makes_rule_3(analyzer):
    r = analyzer.analyze(
        "Subcutaneous vascular calcification of the thighs, suspicious for "
        "calciphylaxis in this patient on dialysis.",
        "T",
    )
    assert r.findings[0].classification == "metastatic"


def _flags(f) -> str:
    return "".join(
        k[0].upper()
        for k in ("negated", "uncertain", "historical", "hypothetical")
        if getattr(f, k)
    )


# A calcification named as a risk ('risk for vascular calcification',
# 'calciphylaxis risk factors') is a possibility weighed, not observed
# (guide §2, hypothetical), and a risk is no condition yet (guide §3).
RISKS = [
    ("Increased risk for vascular calcification with calcium-based binders.",
     "vascular calcification"),
    ("Calciphylaxis risk factors: warfarin, calcium-based binders, obesity.",
     "Calciphylaxis"),
    ("Counseled on calciphylaxis risk with warfarin.", "calciphylaxis"),
    ("Phosphate binders lower the risk of metastatic calcification.",
     "metastatic calcification"),
    ("Vascular calcification risk: high.", "Vascular calcification"),
]


@pytest.mark.parametrize(("text", "mention"), RISKS)
def test_calcification_named_as_a_risk(analyzer, text, mention):
    f = _find(analyzer, text, mention)
    assert _flags(f) == "H"
    assert f.change == ""


def test_calciphylaxis_risk_is_no_condition(analyzer):
    assert "calciphylaxis" not in _conditions(
        analyzer, "Calciphylaxis risk factors: warfarin, obesity."
    )


# Guards: a calcification seen beside a risk stays observed.
RISK_GUARDS = [
    ("Extensive coronary artery calcification, which increases cardiovascular "
     "risk.", "coronary artery calcification"),
    ("High risk of cardiac events given dense coronary artery calcification.",
     "coronary artery calcification"),
    ("Vascular calcification risk: high. Aortic calcification present.",
     "Aortic calcification"),
    ("Coronary calcification: high risk.", "Coronary calcification"),
]


@pytest.mark.parametrize(("text", "mention"), RISK_GUARDS)
def test_calcification_beside_a_risk_is_seen(analyzer, text, mention):
    assert _flags(_find(analyzer, text, mention)) == ""


# A disease of the skin said to have healed ('h/o calciphylaxis, now healed')
# is no longer there: historical and denied now, as 'now resolved' is (guide
# §2, historical: existed only in the past); 'now' alone does not make it
# present again.
HEALED = [
    "PMH: ESRD on HD, h/o calciphylaxis 2019 now healed.",
    "PMH: h/o calciphylaxis of the thighs, now healed.",
    "Calciphylaxis of the left calf, now healed.",
    "Prior calciphylaxis wounds have healed.",
]


@pytest.mark.parametrize("text", HEALED)
def test_healed_calciphylaxis_is_past(analyzer, text):
    f = [f for f in analyzer.analyze(text, "T").findings][0]
    assert _flags(f) == "NH"


# Guards: a healed granuloma is a calcified one, present; a calcification
# seen now stays present.
HEALED_GUARDS = [
    ("Calcified granuloma in the right upper lobe, old healed infection.",
     "Calcified granuloma", ""),
    ("h/o calciphylaxis, now with new painful lesions of the abdomen.",
     "calciphylaxis", ""),
    ("Healed calcified granulomas in both lungs.", "calcified granulomas", ""),
]


@pytest.mark.parametrize(("text", "mention", "flags"), HEALED_GUARDS)
def test_healed_guards(analyzer, text, mention, flags):
    assert _flags(_find(analyzer, text, mention)) == flags



def _site(analyzer, text: str, mention: str) -> tuple[str, str]:
    f = _find(analyzer, text, mention)
    return f.site, f.laterality


# A wall that points back ('the cyst wall', 'the graft wall') with no site
# before it is no wall of an organ a later sentence names (guide §2: site
# and side come from the finding's clause, a label or an earlier mention,
# never from a clause about another structure after it).
WALLS_BEFORE_ONLY = [
    ("Calcification of the cyst wall. The splenic vein is patent.", "Calcification",
     ("", "")),
    ("FINDINGS: Calcification of the graft wall. Thrombus in the venous limb.",
     "Calcification", ("", "")),
    ("Graft wall calcification noted. Outflow vein stenosis of 60%.",
     "calcification", ("", "")),
    # guards: a site before it, or in its own sentence, still decides
    ("Right kidney: 2 cm cyst. Calcification of the cyst wall. The renal vein "
     "is patent.", "Calcification", ("kidney", "right")),
    ("The gallbladder wall is calcified. The portal vein is patent.", "calcified",
     ("gallbladder", "")),
    ("Abdominal aortic aneurysm, 5 cm. Calcification of the wall. The IVC is "
     "normal.", "Calcification", ("aorta", "")),
]


@pytest.mark.parametrize(("text", "mention", "want"), WALLS_BEFORE_ONLY)
def test_wall_takes_no_site_named_after(analyzer, text, mention, want):
    assert _site(analyzer, text, mention) == want


# A denial opening a list does not reach past an item that states something
# of its own, a value or a normal state ('RI 0.68', 'heart size normal'), nor
# a finding whose item opens with its size ('2 mm calcified granuloma'): such
# items cannot be denied, so the list has ended (guide §2, negated: the
# deposit is denied).
DENIAL_ENDS = [
    "Allograft US: no hydro, RI 0.68, tiny calcification in lower pole, likely "
    "vascular.",
    "No hydronephrosis, resistive index 0.7, punctate calcification in the upper "
    "pole.",
    "No effusion, heart size normal, calcified granuloma in the left apex.",
    "No pneumothorax, 2 mm calcified granuloma in the right apex.",
    "No hydronephrosis, cortex unremarkable, small calcification in the upper pole.",
]


@pytest.mark.parametrize("text", DENIAL_ENDS)
def test_denied_list_ends_at_a_stated_item(analyzer, text):
    assert [_flags(f) for f in analyzer.analyze(text, "T").findings] == [""]


# Guards: a list of things denied stays denied.
DENIED_LISTS = [
    "No effusion, pneumothorax, or calcification.",
    "No effusion, calcified nodule.",
    "No mass, calcification or thickening is seen.",
    "No hydronephrosis, stones, or nephrocalcinosis.",
    "No calcifications, masses, or areas of distortion.",
]


@pytest.mark.parametrize("text", DENIED_LISTS)
def test_denied_list_stays_denied(analyzer, text):
    assert [_flags(f) for f in analyzer.analyze(text, "T").findings] == ["N"]


# The iliac fossa is a region (where a kidney transplant lies), not the iliac
# artery: the calcification takes the site its sentence names, or none
# (guide §2: a region outside the vocabulary gives no site).
ILIAC_FOSSA = [
    ("Transplant kidney in the left iliac fossa contains a punctate calcification.",
     "calcification", "kidney"),
    ("Calcification in the right iliac fossa, likely a phlebolith.",
     "Calcification", "vein"),
    ("Coarse calcification in the right iliac fossa.", "calcification", ""),
    ("Allograft RIF: no hydronephrosis. Small calcification in the upper pole of "
     "the transplant kidney.", "calcification", "kidney"),
    # guards: the iliac artery keeps its site
    ("Calcified plaque of the right external iliac artery.", "Calcified plaque",
     "artery"),
    ("Dense iliac calcification.", "iliac calcification", "artery"),
]


@pytest.mark.parametrize(("text", "mention", "site"), ILIAC_FOSSA)
def test_iliac_fossa_is_no_artery(analyzer, text, mention, site):
    assert _find(analyzer, text, mention).site == site
