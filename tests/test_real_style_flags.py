"""Flags, conditions, severity and change on real-text style reports (guide
§2 flag table, §3 conditions; corpora/GUIDE.md "What each finding carries",
"Conditions" and "Descriptors").

Every report here is fictional and written for this file: the same facts a
chest film, CT, echo or mammogram report states, worded the way another
radiologist or transcriptionist might (word order, the cue after the
mention, a synonym the guide lists, upper case, XXXX masks, a line break for
a full stop, the finding in the impression, the finding inside a list, a
denial or hedge whose scope a comma, 'but', 'however' or a second clause
ends). The expected values are read from the guide, not from the program.
"""

from __future__ import annotations

from typing import Any

import pytest

FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family", "physiologic")


def flags_of(f) -> set[str]:
    return {name for name in FLAGS if getattr(f, name)}


# (report, a word of the finding's mention, its set of flags)
FlagRow = tuple[str, str, set[str]]

NEGATED: list[FlagRow] = [
    ("FINDINGS: Lungs are clear. No evidence of calcified granuloma.", "granuloma", {"negated"}),
    ("Heart size normal. Right lower lobe nodule without definite calcification.", "calcification", {"negated"}),
    ("IMPRESSION: 1. No acute process. 2. Lungs are free of calcified nodules.", "nodules", {"negated"}),
    ("Calcified granulomas are not seen on this study.", "granulomas", {"negated"}),
    ("No XXXX calcification is seen in the aortic arch.", "calcification", {"negated"}),
    ("NO SUSPICIOUS CLUSTERED MICROCALCIFICATIONS.", "MICROCALCIFICATIONS", {"negated"}),
    ("The 8 mm nodule in the LLL is not calcified.", "calcified", {"negated"}),
    ("Vascular calcification is absent in the pelvis.", "calcification", {"negated"}),
    ("Without calcified plaque in the LAD or RCA.", "plaque", {"negated"}),
    ("The nodule shows no internal calcification, and there is a calcified granuloma in the lingula.", "calcification", {"negated"}),
    ("Kidneys: normal size, no nephrocalcinosis, no hydronephrosis.", "nephrocalcinosis", {"negated"}),
    ("There is no mass, adenopathy or calcification in the mediastinum.", "calcification", {"negated"}),
    ("FINDINGS: No calcification within the lesion\nIMPRESSION: Calcified node in the right hilum", "calcification", {"negated"}),
    ("Lungs are clear without focal consolidation, effusion, pneumothorax or calcified granuloma.", "granuloma", {"negated"}),
    ("No focal consolidation, effusion, pneumothorax, or calcified granulomas are identified.", "granulomas", {"negated"}),
    ("There is no definite evidence of calcified granuloma.", "granuloma", {"negated"}),
    ("Calcified granuloma: not seen.", "granuloma", {"negated"}),
    ("Calcifications: absent", "Calcifications", {"negated"}),
    # a mask between "not" and the participle denies as "is not seen" does
    ("Calcified granuloma is not XXXX seen.", "granuloma", {"negated"}),
    ("Calcified granulomas are not XXXX visualized on this study.", "granulomas", {"negated"}),
    ("CALCIFICATION OF THE AORTIC KNOB IS NOT XXXX DEMONSTRATED.", "CALCIFICATION", {"negated"}),
    ("The calcified node in the left hilum is not XXXX identified.", "node", {"negated"}),
]

# a denial that stops before the finding: 'but', 'however', a second clause
# or sentence, a line break standing for a full stop
NOT_NEGATED: list[FlagRow] = [
    ("No pleural effusion, but calcified granuloma in the right upper lobe.", "granuloma", set()),
    ("There is no effusion; however, a calcified granuloma is seen in the RUL.", "granuloma", set()),
    ("No pneumothorax, effusion, or focal airspace disease. Calcified granuloma at the left base.", "granuloma", set()),
    ("FINDINGS: No calcification within the lesion\nIMPRESSION: Calcified node in the right hilum", "node", set()),
    ("The nodule shows no internal calcification, and there is a calcified granuloma in the lingula.", "granuloma", set()),
    ("No focal consolidation. XXXX calcified granuloma in the left midlung.", "granuloma", set()),
    ("FINDINGS: NO ACUTE CARDIOPULMONARY DISEASE\nIMPRESSION: CALCIFIED GRANULOMA RIGHT APEX", "GRANULOMA", set()),
    # "not seen on" an earlier study says it is new, masked word or not
    ("Calcified granuloma in the RUL, not XXXX seen on XXXX.", "granuloma", set()),
    ("Calcified granuloma in the RUL, not XXXX seen on the prior study.", "granuloma", set()),
    ("There is no pneumothorax or effusion, however calcified nodules are present in the left lung.", "nodules", set()),
    ("No pneumothorax, although calcified granulomas are present in the left lung.", "granulomas", set()),
    ("No effusion, otherwise calcified granuloma in the RUL.", "granuloma", set()),
    ("No acute findings other than a calcified granuloma in the RUL.", "granuloma", set()),
    ("Negative chest except for a calcified granuloma in the RUL.", "granuloma", set()),
    ("Calcified granuloma; otherwise negative.", "granuloma", set()),
    ("Calcified granuloma in the left apex without change.", "granuloma", set()),
    ("The calcified granuloma in the RLL is not significantly changed.", "granuloma", set()),
]

UNCERTAIN: list[FlagRow] = [
    ("Nodular density at the right base, may represent a calcified granuloma.", "granuloma", {"uncertain"}),
    ("Small density in the left apex which could represent calcification.", "calcification", {"uncertain"}),
    ("Right hilar opacity, possibly a calcified lymph XXXX.", "calcified", {"uncertain"}),
    ("Questionable calcification in the RUL.", "calcification", {"uncertain"}),
    ("Calcification of the aortic knob cannot be excluded.", "calcification", {"uncertain"}),
    ("Density over the left kidney, question of a renal calcification.", "calcification", {"uncertain"}),
    ("Findings suggest a calcified granuloma in the right midlung.", "granuloma", {"uncertain"}),
    ("The 9 mm nodule is not definitely calcified.", "calcified", {"uncertain"}),
    ("Hyperdense focus in the right frontal lobe, hemorrhage versus calcification.", "calcification", {"uncertain"}),
    ("NODULAR OPACITY LEFT BASE, PROBABLY A CALCIFIED GRANULOMA.", "GRANULOMA", {"uncertain"}),
    ("A calcified granuloma is suspected in the RUL.", "granuloma", {"uncertain"}),
    ("Calcified granuloma in the RUL is possible.", "granuloma", {"uncertain"}),
    ("Nodule in the RUL. This may be a calcified granuloma.", "granuloma", {"uncertain"}),
    ("Nodule in the RUL, ? calcified.", "calcified", {"uncertain"}),
    ("Nipple shadow versus calcified granuloma.", "granuloma", {"uncertain"}),
]

# a hedge that governs another noun or another sentence
NOT_UNCERTAIN: list[FlagRow] = [
    ("Possible small right effusion. Calcified granuloma in the left lung.", "granuloma", set()),
    ("Calcified granuloma in the left apex, and possible right lower lobe infiltrate.", "granuloma", set()),
    ("Calcified granuloma in the RUL, likely from old granulomatous disease.", "granuloma", set()),
    ("Coarse calcifications in the left breast, probably benign.", "calcifications", set()),
]

HISTORICAL: list[FlagRow] = [
    ("The previously noted calcification in the right breast is no longer seen.", "calcification", {"negated", "historical"}),
    ("Calcified granuloma seen on the prior study is no longer visualized.", "granuloma", {"negated", "historical"}),
    ("Status post excision of a calcified mass in the left breast.", "calcified", {"historical"}),
    ("History of calcinosis cutis of the fingers, treated.", "calcinosis", {"historical"}),
]

# seen now and before: present, not historical
PRESENT_BEFORE: list[FlagRow] = [
    ("Calcified granuloma in the RUL again seen.", "granuloma", set()),
    ("Calcified granuloma in the RUL persists.", "granuloma", set()),
    ("Calcified granuloma previously seen in the RUL is no longer identified.", "granuloma", {"negated", "historical"}),
    ("Old calcified granuloma in the left apex.", "granuloma", set()),
    ("Healed granulomatous disease with calcified granulomas in both lungs.", "granulomas", set()),
    ("Known calcified granuloma in the lingula.", "granuloma", set()),
    ("Previously noted calcified hilar node is unchanged.", "node", set()),
    ("Calcified granuloma, left lower lobe, as on the prior study.", "granuloma", set()),
    ("IMPRESSION: Redemonstrated calcified right paratracheal lymph XXXX.", "calcified", set()),
]

HYPOTHETICAL: list[FlagRow] = [
    ("Recommend CT to evaluate for calcification within the nodule.", "calcification", {"hypothetical"}),
    ("INDICATION: r/o calcified granuloma. FINDINGS: Lungs are clear.", "granuloma", {"hypothetical"}),
    ("If calcification develops within the mass, biopsy is advised.", "calcification", {"hypothetical"}),
    ("Chest CT could be obtained to look for calcification in the nodule.", "calcification", {"hypothetical"}),
    ("REASON FOR EXAM: ? renal calcification", "calcification", {"hypothetical"}),
    ("INDICATION: Screening for coronary calcification.", "calcification", {"hypothetical"}),
    ("If the nodule is calcified, no follow-up is needed.", "calcified", {"hypothetical"}),
    # asking whether it is there: 'seen on' another study does not answer it
    ("REASON FOR STUDY: Assess for calcified granuloma noted on prior CT.", "granuloma", {"hypothetical"}),
    ("INDICATION: r/o renal calcification found on outside ultrasound.", "calcification", {"hypothetical"}),
    ("Clinical question: evaluate for calcified node seen at the outside hospital.", "node", {"hypothetical"}),
    # ... but evaluating what was seen asks nothing about its presence
    ("HISTORY: Evaluation of breast calcifications seen on a screening mammogram.", "calcifications", set()),
]

FAMILY: list[FlagRow] = [
    ("FAMILY HISTORY: Mother with breast calcifications.", "calcifications", {"family"}),
    ("His father had coronary artery calcification.", "calcification", {"family"}),
    ("Family history of brain calcifications in a sister.", "calcifications", {"family"}),
    ("No family history of vascular calcification.", "calcification", {"negated", "family"}),
]


# guide: physiologic is the structure's own calcification; an anaphor or a
# possessive that refers back to a lesion named at the dura ("Its
# calcification") is that lesion's, not the falx's own
ANAPHOR_PHYSIOLOGIC = [
    (
        "FINDINGS: A calcified mass along the falx, compatible with a meningioma. "
        "Its calcification is unchanged. Calcification of the pineal gland.",
        [False, False, True],
    ),
    (
        "FINDINGS: Calcified dural mass along the tentorium, likely a meningioma. "
        "The calcification is stable.",
        [False, False],
    ),
    # ... not a new sentence naming the falx's own calcification
    (
        "FINDINGS: A calcified mass along the falx, compatible with a meningioma. "
        "Calcification of the falx elsewhere.",
        [False, True],
    ),
]


# a subdural collection is a lesion there, and so is the calcification its
# own clause places at one; a clause ended before the lesion does not
LESION_AT_THE_DURA = [
    ("FINDINGS: A calcified right subdural collection, unchanged.", [False]),
    ("FINDINGS: Dense calcification along the falx at the margin of the old hematoma.", [False]),
    ("FINDINGS: Dense calcification along the falx, and a small right subdural hematoma.", [True]),
]


@pytest.mark.parametrize(("text", "flags"), LESION_AT_THE_DURA)
def test_a_lesion_at_the_dura_is_not_physiologic(findings_of, text, flags):
    assert [f.physiologic for f in findings_of(text)] == flags


@pytest.mark.parametrize(("text", "flags"), ANAPHOR_PHYSIOLOGIC)
def test_an_anaphor_of_a_lesion_at_a_physiologic_site_is_not_physiologic(
    findings_of, text, flags
):
    assert [f.physiologic for f in findings_of(text)] == flags


@pytest.mark.parametrize(
    ("text", "word", "flags"),
    NEGATED + NOT_NEGATED + UNCERTAIN + NOT_UNCERTAIN + HISTORICAL + PRESENT_BEFORE + HYPOTHETICAL + FAMILY,
)
def test_real_style_flags(finding_with, text, word, flags):
    assert flags_of(finding_with(text, word)) == flags


# (report, a word of the finding's mention, expected descriptor fields)
DescRow = tuple[str, str, dict[str, Any]]

CHANGE: list[DescRow] = [
    ("Calcified granuloma in the right upper lobe, unchanged.", "granuloma", {"change": "stable"}),
    ("Calcified granuloma in the RUL is stable since XXXX.", "granuloma", {"change": "stable"}),
    ("UNCHANGED CALCIFIED GRANULOMA LEFT LOWER LOBE", "GRANULOMA", {"change": "stable"}),
    ("Redemonstrated calcified nodes in the right hilum.", "nodes", {"change": "stable"}),
    ("Calcified right hilar lymph XXXX, as before.", "calcified", {"change": "stable"}),
    ("Calcified granuloma in the RUL again seen.", "granuloma", {"change": "stable"}),
    ("No change in calcified granuloma of the left midlung.", "granuloma", {"change": "stable"}),
    # a "with" or "without" change phrase after the mention's place is its
    ("Calcified granuloma in the left apex without change.", "granuloma", {"change": "stable"}),
    ("Calcified granuloma in the RLL without interval change since XXXX.", "granuloma", {"change": "stable"}),
    ("CALCIFIED NODE IN THE RIGHT HILUM WITH NO SIGNIFICANT CHANGE", "NODE", {"change": "stable"}),
    ("Calcified granuloma in the RUL without change in size.", "granuloma", {"change": "stable"}),
    ("Calcified node in the right hilum with no interval change, no effusion.", "node", {"change": "stable"}),
    # ... but not one about another noun, nor another lesion the "with" adds
    ("Calcified granuloma in the left apex with no change in the effusion.", "granuloma", {"change": ""}),
    ("Calcified granuloma in the left apex with a new nodule.", "granuloma", {"change": ""}),
    ("Known calcified granuloma in the lingula.", "granuloma", {"change": ""}),
    ("Again seen are calcified granulomas in the right lung.", "granulomas", {"change": "stable"}),
    # "again" with any participle of seeing is "again seen"
    ("Calcified granuloma in the left lower lobe is again visible.", "granuloma", {"change": "stable"}),
    ("CALCIFIED GRANULOMA LEFT LOWER LOBE AGAIN OBSERVED", "GRANULOMA", {"change": "stable"}),
    ("Calcified hilar nodes are again shown on the lateral view.", "nodes", {"change": "stable"}),
    ("Calcified granuloma in the RML again detected.", "granuloma", {"change": "stable"}),
    ("Calcified granuloma in the RUL remains unchanged.", "granuloma", {"change": "stable"}),
    ("Calcified granuloma in the RUL has not significantly changed since XXXX.", "granuloma", {"change": "stable"}),
    ("Calcified granuloma, left lower lobe, stable.", "granuloma", {"change": "stable"}),
    ("Calcified granuloma in the RUL is new since XXXX.", "granuloma", {"change": "new"}),
    ("Calcified granuloma in the RUL, not seen on the prior study.", "granuloma", {"change": "new"}),
    ("Calcified right hilar lymph XXXX are slightly larger than before.", "calcified", {"change": "increased"}),
    ("Calcified granuloma in the RUL has decreased in size.", "granuloma", {"change": "decreased"}),
    ("Calcification in the right shoulder has resolved.", "Calcification", {"change": "resolved"}),
    # a plural copula after a compound subject the mention opens predicates
    # every conjunct, the mention too
    ("Calcified mediastinal nodes and granulomas are again seen.", "nodes", {"change": "stable"}),
    ("Calcified right hilar lymph XXXX and calcified granulomas are stable.", "lymph", {"change": "stable"}),
    ("Calcified right hilar lymph XXXX and calcified granulomas are stable.", "granulomas", {"change": "stable"}),
    ("Calcified nodes in the right hilum and granulomas in the left lung are again noted.", "nodes", {"change": "stable"}),
    ("THE CALCIFIED NODE AND THE PLEURAL THICKENING ARE UNCHANGED.", "NODE", {"change": "stable"}),
    # ... not a clause of its own after the "and", nor a singular copula
    ("A calcified granuloma overlies the lingula and the effusion is unchanged.", "granuloma", {"change": ""}),
    ("There is a calcified granuloma and the nodes are unchanged.", "granuloma", {"change": ""}),
    ("Calcified granuloma in the RUL which abuts the fissure and effusion are unchanged.", "granuloma", {"change": ""}),
    ("New coarse calcification in the right breast.", "calcification", {"change": "new"}),
    ("Interval development of calcification in the left kidney.", "calcification", {"change": "new"}),
    ("Aortic calcification has increased since the prior study.", "calcification", {"change": "increased"}),
    ("Increased calcification of the aortic valve.", "calcification", {"change": "increased"}),
    ("Decreased calcification in the supraspinatus tendon.", "calcification", {"change": "decreased"}),
    ("The previously noted calcification in the right breast is no longer seen.", "calcification", {"change": "resolved"}),
    ("A new nodule lies next to the calcified granuloma in the RUL.", "granuloma", {"change": ""}),
]

SEVERITY: list[DescRow] = [
    ("Trace calcification of the aortic knob.", "calcification", {"severity": "minimal"}),
    ("Dense calcification in the abdominal aorta.", "calcification", {"severity": "severe"}),
    ("Extensive coronary artery calcification.", "calcification", {"severity": "severe"}),
    ("The aortic arch is mildly calcified.", "calcified", {"severity": "mild"}),
    ("The aortic knob is densely calcified.", "calcified", {"severity": "severe"}),
    ("Scattered calcified granulomas in both lungs.", "granulomas", {"severity": "mild"}),
    ("MARKED CALCIFICATION OF THE MITRAL ANNULUS.", "CALCIFICATION", {"severity": "severe"}),
    ("Mild to moderate calcification of the thoracic aorta.", "calcification", {"severity": "moderate"}),
    ("Heavy calcific plaque in the LAD.", "plaque", {"severity": "severe"}),
    ("Small calcified granuloma in the right base.", "granuloma", {"severity": ""}),
    ("Severe calcific aortic stenosis.", "calcific", {"severity": ""}),
    ("Moderately calcified aortic valve.", "calcified", {"severity": "moderate"}),
    ("Minimal to mild vascular calcifications in the pelvis.", "calcifications", {"severity": "mild"}),
    ("Aortic calcification is mild.", "calcification", {"severity": "mild"}),
    ("Calcification of the aortic arch, moderate in degree.", "Calcification", {"severity": "moderate"}),
    ("Small amount of calcification in the aortic arch.", "calcification", {"severity": "mild"}),
    ("Moderate-severe coronary artery calcification.", "calcification", {"severity": "severe"}),
    ("Slightly calcified aortic knob.", "calcified", {"severity": "minimal"}),
    ("The coronary arteries are heavily calcified.", "calcified", {"severity": "severe"}),
    ("Numerous calcified granulomas in both lungs.", "granulomas", {"severity": ""}),
    ("Atherosclerotic calcification of the aortic knob is extensive.", "calcification", {"severity": "severe"}),
    ("MILD AORTIC CALCIFICATION", "CALCIFICATION", {"severity": "mild"}),
    ("A few scattered calcified granulomas are again noted.", "granulomas", {"severity": "mild", "change": "stable"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), CHANGE + SEVERITY)
def test_real_style_change_and_severity(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {k: getattr(f, k) for k in expected} == expected


FINDING = " Calcified granuloma in the right upper lobe."

# (report, a condition that is recorded, or None; one that is not, or None)
CONDITIONS: list[tuple[str, str | None, str | None]] = [
    ("History of sarcoidosis.", "sarcoidosis", None),
    ("INDICATION: Rule out tuberculosis.", None, "tuberculosis"),
    ("Sequela of old granulomatous disease.", "granulomatous disease", None),
    ("Nodular opacity, scar versus granulomatous disease.", None, "granulomatous disease"),
    ("Scheduled for mastectomy next week.", None, "prior surgery"),
    ("Status post CABG.", "prior surgery", None),
    ("No history of renal failure.", None, "chronic kidney disease"),
    ("Mother has hyperparathyroidism.", None, "hyperparathyroidism"),
    ("Possibly related to prior histoplasmosis.", None, "histoplasmosis"),
    ("Patient on dialysis for ESRD.", "chronic kidney disease", None),
    ("Atherosclerotic calcification of the aorta.", "atherosclerosis", None),
    ("Consistent with healed histoplasmosis.", "histoplasmosis", None),
    ("Could reflect prior tuberculosis.", None, "tuberculosis"),
    ("Evaluate for sarcoidosis.", None, "sarcoidosis"),
    ("PMH: hypertension, diabetes.", "diabetes mellitus", None),
    ("Calcified hilar nodes, likely sequela of prior granulomatous disease.", None, "granulomatous disease"),
    ("Granulomatous disease versus sarcoidosis.", None, "sarcoidosis"),
    ("INDICATION: Sarcoidosis? FINDINGS: Clear lungs.", None, "sarcoidosis"),
    ("In this patient with known sarcoidosis.", "sarcoidosis", None),
    ("INDICATION: Chest pain, history of TB.", "tuberculosis", None),
    ("No evidence of active or recent TB.", None, "tuberculosis"),
    ("Stigmata of old TB.", "tuberculosis", None),
    ("Median sternotomy wires. Prior CABG.", "prior surgery", None),
    ("Healed right rib fractures.", "trauma", None),
    ("Possible old rib fracture.", None, "trauma"),
]


@pytest.mark.parametrize(("text", "named", "left_out"), CONDITIONS)
def test_real_style_conditions(analyzer, text, named, left_out):
    names = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    if named:
        assert named in names
    if left_out:
        assert left_out not in names
