"""Surgical pathology, cytology and autopsy reports (probe path): the sites,
sides, flags and lesions of calcifications under a pathology report's part
labels, specimen lines and diagnosis lines (guide §2 "Site and side from
context"; corpora/GUIDE.md "What each finding carries" and "lesion").

Every report here is fictional and written for this file. The expected
values are read from the guides, not from the program.
"""

from __future__ import annotations

import pytest

# A pathology part label names the organ first and its side after a comma
# ('A. Ovary, left, oophorectomy:'): the side is the label's, as in 'Left
# ovary:' (guide §2 step 4: a label line above the finding).
ORGAN_THEN_SIDE_LABELS = [
    ("FINAL DIAGNOSIS:\nA. Skin, right cheek, shave:\n - Pilomatricoma with calcification.", "right"),
    ("A. Ovary, left, oophorectomy:\n - Mature cystic teratoma with focal calcification.", "left"),
    ("DIAGNOSIS:\nLymph node, left axillary, excision:\n- Necrotizing granulomas with calcification.", "left"),
    ("1- THYROID, RIGHT LOBE, LOBECTOMY:\n   NODULAR HYPERPLASIA WITH DYSTROPHIC CALCIFICATION.", "right"),
    ("B. Kidney, left, partial nephrectomy:\n- Cystic nephroma with calcification.", "left"),
    ("Testis, right, orchiectomy:\n- No calcification in the tumour.", "right"),
]

# A label with no side after its organ, or two sides, gives no one side.
NO_ONE_SIDE_LABELS = [
    ("A. Gallbladder, cholecystectomy:\n - Chronic cholecystitis with dystrophic calcification.", ""),
    ("Uterus, hysterectomy:\n- Leiomyoma with calcification.", ""),
    ("Lungs, right greater than left:\n- Metastatic calcification.", "bilateral"),
]


@pytest.mark.parametrize(("text", "side"), ORGAN_THEN_SIDE_LABELS + NO_ONE_SIDE_LABELS)
def test_side_of_organ_then_side_part_label(finding_of, text, side):
    assert finding_of(text, None).laterality == side, text


def test_parts_of_both_sides_are_two_lesions(findings_of):
    text = (
        "FINAL DIAGNOSIS:\n"
        "A. Ovary, left, oophorectomy:\n - Mature cystic teratoma with calcification.\n"
        "B. Ovary, right, oophorectomy:\n - Serous cystadenoma with focal calcification.\n"
    )
    left, right = findings_of(text)
    assert (left.site, left.laterality) == ("ovary", "left")
    assert (right.site, right.laterality) == ("ovary", "right")
    assert left.lesion_id != right.lesion_id


# A part label whose words a comma parts ('APPENDIX, APPENDECTOMY:', 'A.
# Thyroid, right lobe, thyroidectomy:'), alone on its line, heads every
# line and sentence under it, as 'LEFT BREAST:' does, not only the first
# (guide §2 step 4; corpora/GUIDE.md site: a denied finding takes the site
# a label line over it gives).
PARTED_LABEL_OVER_LINES = [
    ("A. Thyroid, right lobe, thyroidectomy:\n- Benign. No calcification identified.", "thyroid", "right"),
    ("Thyroid, right lobe:\n- Benign thyroid tissue. Dystrophic calcification.", "thyroid", "right"),
    ("APPENDIX, APPENDECTOMY:\n- ACUTE APPENDICITIS.\n- NO DYSTROPHIC CALCIFICATION.", "bowel", ""),
    ("B. Gallbladder, cholecystectomy:\n- Chronic cholecystitis.\n- Dystrophic calcification of the wall.", "gallbladder", ""),
]


@pytest.mark.parametrize(("text", "site", "side"), PARTED_LABEL_OVER_LINES)
def test_parted_part_label_heads_its_lines(finding_of, text, site, side):
    found = finding_of(text, None)
    assert (found.site, found.laterality) == (site, side), text


# A label of two organs a comma joins is no part label of the first: the
# last organ named heads the lines, as before.
@pytest.mark.parametrize(
    "text",
    [
        "Liver, spleen: normal. Scattered calcifications.",
        "Liver, spleen:\n- Normal. Scattered calcifications.",
    ],
)
def test_label_of_two_organs_is_no_part_label(finding_of, text):
    assert finding_of(text, None).site == "spleen", text


# 'FINAL DIAGNOSIS:' and the gross and microscopic descriptions are a
# pathology report's section headers, not labels of a list of labelled
# lines: the part label under the header heads its items (guide §2 step 4).
def test_part_label_under_final_diagnosis_header(finding_of):
    text = (
        "FINAL DIAGNOSIS:\nAPPENDIX, APPENDECTOMY:\n- ACUTE APPENDICITIS.\n"
        "- FECALITH PRESENT.\n- NO DYSTROPHIC CALCIFICATION.\n"
    )
    found = finding_of(text, None)
    assert (found.site, found.negated) == ("bowel", True)


# A line that opens another part ('B. ...') ends the part above it, even
# when its label is too long to read: the part above gives it no side.
def test_next_part_letter_ends_the_part_above(findings_of):
    text = (
        "FINAL DIAGNOSIS:\nA. Thyroid, left lobe, lobectomy:\n - Papillary carcinoma.\n"
        " - Margins negative.\nB. Thyroid, right lobe and isthmus, completion "
        "thyroidectomy, with central neck contents:\n - Benign thyroid tissue. "
        "No calcification identified.\n"
    )
    (found,) = findings_of(text)
    assert found.laterality != "left"


# The one specimen a pathology report's specimen line names is what the
# report examines: its one side is that of the findings at its site below
# (guide §2 step 5: a one-sided study gives the side).
SPECIMEN_LINE_SIDES = [
    ("SPECIMEN: Skin, right cheek, shave.\nDIAGNOSIS: Pilomatricoma with calcification.", "right"),
    ("SPECIMEN: Kidney, left, nephrectomy.\nDIAGNOSIS: Renal cell carcinoma with dystrophic calcification.", "left"),
    ("SPECIMEN: Carotid endarterectomy, left.\nGROSS DESCRIPTION: Carotid plaque, partially calcified.", "left"),
    ("Specimen: Breast implant capsule, left.\nDiagnosis: Fibrous capsule with dystrophic calcification.", "left"),
    ("SPECIMEN: Testis, left, orchiectomy.\nDIAGNOSIS: Seminoma. No calcification in the testis.", "left"),
]

# No side: two parts on their lines, another site than the specimen's, a
# side that is a place on the specimen, an operation note's specimen line.
SPECIMEN_LINE_NO_SIDE = [
    "SPECIMEN:\nA. Ovary, left\nB. Ovary, right\nDIAGNOSIS: Teratoma with calcification.",
    "SPECIMEN: Kidney, left.\nDIAGNOSIS: Renal cell carcinoma. Calcified splenic artery.",
    "SPECIMEN: Total thyroid, stitch on the right superior pole.\nDIAGNOSIS: Nodule with dystrophic calcification.",
    "PROCEDURE: Left thyroid lobectomy.\nSPECIMEN: Left thyroid lobe.\nFROZEN SECTION: Follicular lesion with calcification.",
]


@pytest.mark.parametrize(("text", "side"), SPECIMEN_LINE_SIDES)
def test_side_of_the_specimen_line(finding_of, text, side):
    assert finding_of(text, None).laterality == side, text


@pytest.mark.parametrize("text", SPECIMEN_LINE_NO_SIDE)
def test_specimen_line_gives_no_side(finding_of, text):
    assert finding_of(text, None).laterality == "", text


# 'Organ with <another change> and dystrophic calcification': the kind
# word inside the span ('dystrophic') leaves the mention a bare
# calcification noun, a second change of the place before the 'and' (guide
# §2 step 2, the finding's own clause), as 'fibrosis and calcification' is.
SECOND_CHANGE_OF_ONE_PLACE = [
    ("Myocardium with extensive replacement fibrosis and focal dystrophic calcification.", "myocardium"),
    ("Gallbladder wall with fibrosis and dystrophic calcification.", "gallbladder"),
    ("PERICARDIUM WITH FIBROSIS AND DYSTROPHIC CALCIFICATION.", "pericardium"),
]

# A thing of its own after the 'and' keeps its own place, or none.
OWN_THING_AFTER_AND = [
    ("Right pleural thickening and calcified granulomas.", "pleura"),
    ("Myocardium with fibrosis and dystrophic calcification of the aortic valve.", "myocardium"),
]


@pytest.mark.parametrize(("text", "site"), SECOND_CHANGE_OF_ONE_PLACE)
def test_kind_word_keeps_second_change_of_the_place(finding_of, text, site):
    assert finding_of(text, None).site == site, text


@pytest.mark.parametrize(("text", "site"), OWN_THING_AFTER_AND)
def test_thing_of_its_own_after_and(finding_of, text, site):
    assert finding_of(text, None).site != site, text


def test_microscopic_and_diagnosis_of_the_myocardium_are_one_lesion(findings_of):
    text = (
        "GROSS DESCRIPTION: The left circumflex shows focal calcified plaque.\n"
        "MICROSCOPIC DESCRIPTION: Myocardium with replacement fibrosis and focal "
        "dystrophic calcification of necrotic myocytes.\n"
        "FINAL DIAGNOSIS: Healed myocardial infarct with dystrophic calcification.\n"
    )
    plaque, micro, final = findings_of(text)
    assert (plaque.site, micro.site, final.site) == ("coronary artery", "myocardium", "myocardium")
    assert micro.lesion_id == final.lesion_id != plaque.lesion_id


def _conditions(analyzer, text: str) -> list[str]:
    return [c.name for c in analyzer.analyze(text, "T").conditions]


# The procedure a specimen line names took the specimen out: the report's
# own operation, no earlier surgery (guide §3), as an operative note's
# 'PROCEDURE:' line is; so are its words named again in a part label.
SPECIMEN_PROCEDURES = [
    "SPECIMEN: Kidney, left, nephrectomy.\nDIAGNOSIS: Renal cell carcinoma with dystrophic calcification.",
    "SPECIMEN: Gallbladder, cholecystectomy.\nDIAGNOSIS: Dystrophic calcification of the gallbladder wall.",
    "SPECIMENS:\nA. Thyroid, left lobe, lobectomy\nFINAL DIAGNOSIS:\nA. Thyroid, left lobe, lobectomy:\n"
    "- Nodular hyperplasia with dystrophic calcification.",
]

# An earlier operation the history names stays a prior surgery.
EARLIER_OPERATIONS = [
    "SPECIMEN: Thyroid, completion thyroidectomy.\nCLINICAL HISTORY: Status post left "
    "lobectomy.\nDIAGNOSIS: Benign thyroid with dystrophic calcification.",
    "SPECIMEN: Skin, right forearm, excision.\nCLINICAL HISTORY: Status post excision of a "
    "cyst here in 2019.\nDIAGNOSIS: Scar with dystrophic calcification.",
]


@pytest.mark.parametrize("text", SPECIMEN_PROCEDURES)
def test_specimen_procedure_is_no_prior_surgery(analyzer, text):
    assert "prior surgery" not in _conditions(analyzer, text), text


@pytest.mark.parametrize("text", EARLIER_OPERATIONS)
def test_earlier_operation_stays_prior_surgery(analyzer, text):
    assert "prior surgery" in _conditions(analyzer, text), text
