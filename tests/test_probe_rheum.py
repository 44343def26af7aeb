"""Probe of rheumatology and dermatology notes, consults, skin pathology and
the imaging they order: errors found on made-up reports of that kind, one
class per table."""

from __future__ import annotations

import pytest

# --- 'deposits of calcium' names a calcium deposit as 'calcium deposits'
# does (guide §1: calcium deposits; the span is 'calcium', as in 'contains
# calcium')

DEPOSITS_OF_CALCIUM = [
    ("Dermis contains deposits of basophilic amorphous calcium.", False),
    ("DIAGNOSIS: Skin, left elbow: dermal deposits of calcium.", False),
    ("Microscopic: deposition of granular calcium in the reticular dermis.", False),
    ("Sections show no deposits of calcium.", True),
    ("Tendon with deposition of calcium hydroxyapatite.", False),
]


@pytest.mark.parametrize(("text", "negated"), DEPOSITS_OF_CALCIUM)
def test_deposits_of_calcium(finding_of, text, negated):
    f = finding_of(text, "calcium")
    assert f.negated is negated


DEPOSITS_OF_CALCIUM_NONE = [
    "Deposits of uric acid in the first MTP joint. Calcium carbonate 500 mg daily.",
    "Calcium 9.8 mg/dL. Deposits of urate were aspirated.",
    "Deposition of hemosiderin. Calcium level normal.",
]


@pytest.mark.parametrize("text", DEPOSITS_OF_CALCIUM_NONE)
def test_deposits_of_other_things(findings_of, text):
    assert [f.mention for f in findings_of(text)] == []


# --- Heberden's and Bouchard's nodes are bony swellings of the finger joints,
# no lymph nodes (guide §2 site vocabulary: lymph node is a node of the lymph
# system; a place outside the vocabulary gives no site)

FINGER_JOINT_NODES = [
    ("Exam: Heberden nodes. No calcinosis on exam.", "calcinosis", ""),
    ("Hands: Bouchard's nodes bilaterally. No calcinosis.", "calcinosis", ""),
    ("Heberden's nodes with soft tissue calcification.", "calcification", "soft tissue"),
    ("Multiple Heberden and Bouchard nodes. No calcinosis cutis.", "calcinosis", "skin"),
    # guards: lymph nodes stay lymph nodes
    ("Axillary nodes. No calcification.", "calcification", "lymph node"),
    ("Calcified nodes in the mediastinum.", "Calcified", "lymph node"),
]


@pytest.mark.parametrize(("text", "word", "site"), FINGER_JOINT_NODES)
def test_finger_joint_nodes_are_no_lymph_nodes(finding_with, text, word, site):
    assert finding_with(text, word).site == site


# --- a mention whose own words name a metastatic pattern (calciphylaxis,
# nephrocalcinosis, 'metastatic calcification') keeps rule 2 when its
# sentence names the patient's connective tissue disease: the disease is no
# injured tissue the calcification lies in (guide §4 rules 1-2; connective
# tissue diseases speak for dystrophic through rule 4, skin)

OWN_METASTATIC_NAME = [
    ("Calciphylaxis in a patient with SLE and ESRD.", "Calciphylaxis", "metastatic"),
    ("Assessment: Calciphylaxis in setting of ESRD and SLE.", "Calciphylaxis", "metastatic"),
    ("Nephrocalcinosis in a patient with lupus nephritis.", "Nephrocalcinosis", "metastatic"),
    ("Scleroderma renal crisis, now on dialysis, with medullary nephrocalcinosis.", "nephrocalcinosis", "metastatic"),
    ("Metastatic calcification of the lungs in a patient with dermatomyositis.", "calcification", "metastatic"),
    # guards: the disease still classes a calcification with no pattern name,
    # and a local cause still wins
    ("Calcinosis of the fingertips, consistent with known scleroderma.", "Calcinosis", "dystrophic"),
    ("Lupus panniculitis with calcification of the right arm subcutaneous fat.", "calcification", "dystrophic"),
    # (the necrosis named with calciphylaxis is the disease's own lesion, no
    # local cause of it: tests/test_probe_renal.py)
    ("Calciphylaxis at the site of a prior surgical scar of the thigh.", "Calciphylaxis", "dystrophic"),
]


@pytest.mark.parametrize(("text", "word", "cls"), OWN_METASTATIC_NAME)
def test_own_metastatic_name_beats_patient_disease(finding_with, text, word, cls):
    assert finding_with(text, word).classification == cls


# --- the plural of a paired body part a finding lies in is bilateral, hands
# and feet as much as wrists and ankles (corpora/GUIDE.md laterality: the
# plural of a paired organ, or of a part each of the pair has one of)

PAIRED_PART_PLURALS = [
    ("Scleroderma with calcinosis of the hands.", "calcinosis", "bilateral"),
    ("Calcinosis cutis of the feet.", "Calcinosis", "bilateral"),
    ("Soft tissue calcifications in the forearms.", "calcifications", "bilateral"),
    # guards: one side written, or a single part, stays one side
    ("Calcinosis of the right hand.", "Calcinosis", "right"),
    ("Calcinosis of the fingers of the left hand.", "Calcinosis", "left"),
    ("Calcinosis of the hand.", "Calcinosis", ""),
]


@pytest.mark.parametrize(("text", "word", "side"), PAIRED_PART_PLURALS)
def test_paired_part_plurals(finding_with, text, word, side):
    assert finding_with(text, word).laterality == side


# --- a digit is a place of the hand or foot as a finger is: places joined by
# 'and' that write both sides make the finding bilateral (guide §2: two
# sides for one finding give bilateral)

DIGITS = [
    ("Soft tissue calcifications at the left second digit and the right fifth digit.", "calcifications", "bilateral"),
    ("Calcinosis involving the left second and fourth digits and the right fifth digit.", "Calcinosis", "bilateral"),
    ("Calcifications at the tips of the left 2nd digit and right 3rd digit.", "Calcifications", "bilateral"),
    # guards
    ("Calcinosis of the left second and third digits.", "Calcinosis", "left"),
    ("Calcinosis of the right fifth digit. Left hand normal.", "Calcinosis", "right"),
    ("Calcinosis of the second digit.", "Calcinosis", ""),
]


@pytest.mark.parametrize(("text", "word", "side"), DIGITS)
def test_digits_joined_by_and(finding_with, text, word, side):
    assert finding_with(text, word).laterality == side


# --- a mention whose own words name a dystrophic lesion keeps it as its
# cause when the sentence offers it as one reading of a differential
# ('Calcified epidermal cyst versus pilomatricoma': whichever it is, the
# calcification is the cyst's; guide §4 rule 1, mentions that carry the cause
# in their own name). The report's conditions still leave a differential's
# items out (guide §3).

OWN_NAME_IN_DIFFERENTIAL = [
    ("Calcified epidermal cyst versus pilomatricoma.", "cyst", "dystrophic"),
    ("Assessment: pilomatricoma versus calcified epidermal inclusion cyst.", "cyst", "dystrophic"),
    ("Exam: 8 mm nodule of the scalp. Calcified epidermoid cyst or pilomatrixoma.", "cyst", "dystrophic"),
    # guard: a calcification read beside a cause it does not name stays open
    ("Calcification versus cyst in the left thigh.", "Calcification", "indeterminate"),
]


@pytest.mark.parametrize(("text", "word", "cls"), OWN_NAME_IN_DIFFERENTIAL)
def test_own_name_in_differential(finding_with, text, word, cls):
    assert finding_with(text, word).classification == cls


def test_differential_item_is_no_report_condition(analyzer):
    r = analyzer.analyze("Calcified epidermal cyst versus pilomatricoma.", "T")
    assert [c.name for c in r.conditions] == []


def test_differential_reading_explains_no_other_finding(findings_of):
    found = findings_of(
        "CT: a 9 mm calcification in the upper pole of the left kidney. "
        "IMPRESSION: Left renal calcification, indeterminate; a calcified cyst "
        "and a small renal cell carcinoma are in the differential."
    )
    by = {f.mention: f.classification for f in found}
    assert by["calcification"] == "indeterminate"
    assert by["calcified cyst"] == "dystrophic"


def test_affirmed_restatement_still_explains_its_lesion(finding_with):
    f = finding_with(
        "Calcified nodule in the left upper lobe. IMPRESSION: Calcified left "
        "upper lobe granuloma, sequela of prior tuberculosis.",
        "nodule",
    )
    assert f.classification == "dystrophic"


# --- calcinosis is a calcification by name: a note section naming the
# unsited calcinosis again as calcification (or the other way) restates it
# (corpora/GUIDE.md lesion: the same calcification named again in another
# section of a note is one lesion, though the two name it in other words)

CALCINOSIS_RESTATED = [
    "HPI: calcinosis of the right thumb.\nXR right hand: calcification at the tip of the thumb.",
    "FINDINGS: calcification in the right thigh.\nIMPRESSION: calcinosis of the right thigh.",
    "HISTORY: calcinosis of the left forearm.\nFINDINGS: calcifications of the left forearm.",
]


@pytest.mark.parametrize("text", CALCINOSIS_RESTATED)
def test_calcinosis_restates_calcification(findings_of, text):
    found = findings_of(text)
    assert len(found) == 2
    assert found[0].lesion_id == found[1].lesion_id


CALCINOSIS_APART = [
    # other sides, or one section naming two
    "FINDINGS: calcification in the right thigh.\nIMPRESSION: calcinosis of the left thigh.",
    "FINDINGS: calcification in the right thigh and calcinosis of the left thigh.",
]


@pytest.mark.parametrize("text", CALCINOSIS_APART)
def test_calcinosis_apart(findings_of, text):
    found = findings_of(text)
    assert len(found) == 2
    assert found[0].lesion_id != found[1].lesion_id


def test_calcinosis_named_alike_first(findings_of):
    found = findings_of(
        "PAST HISTORY: Calcinosis at both knees.\nIMAGING: Sheet-like calcification "
        "along the quadriceps muscles of both thighs. The calcinosis at both knees is stable."
    )
    assert [f.mention for f in found] == ["Calcinosis", "calcification", "calcinosis"]
    assert found[2].lesion_id == found[0].lesion_id != found[1].lesion_id
