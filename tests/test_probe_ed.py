"""Emergency department imaging reports and ED notes (made-up sentences):
terse reads of CT head, CT KUB, trauma scans and extremity films, one row
each, with the field that matters asserted (guide §2, §4; corpora/GUIDE.md)."""

from __future__ import annotations

import pytest

from calc_nlp.stages import analyze_report


def _finding(text: str, mention: str | None = None):  # noqa: ANN202
    findings = analyze_report(text).findings
    if mention is not None:
        findings = [f for f in findings if f.mention == mention]
    assert findings, text
    return findings[-1]


# A denial of one item of acute injury ('no bleed', 'no fx') followed by a
# comma and a calcification that ends the sentence, no 'and' / 'or' between:
# two terse statements of an ED read, the calcification stated ('CT head per
# my read: no bleed, calcified pineal'). A calcified deposit is no acute
# injury, as the existing 'No acute infiltrate, calcified granuloma' rule
# says (guide §2 negated: the deposit is denied).
ACUTE_INJURY_THEN_FINDING = [
    "CT head per my read: no bleed, calcified pineal.",
    "CT head: No hemorrhage, pineal calcification.",
    "XR left wrist: no fx, vascular calcifications.",
    "Right knee films (my read): no fracture, chondrocalcinosis.",
    "Shoulder XR: No dislocation, calcific tendinitis of the supraspinatus.",
    "NO INTRACRANIAL HEMORRHAGE, CALCIFIED FALX.",
    "Pelvis XR: no fractures, pelvic phleboliths.",
    "CT head: no ICH, calcified pineal.",
    "ED note: CTH neg for ICH, chronic calcifications of the falx.",
    "CT head: No SAH, choroid plexus calcification.",
]

# Guards: a list that goes on, or an item that is no acute injury, stays
# denied ('No effusion, calcified nodule' is a list: guide §2).
DENIED_LISTS = [
    "No bleed or calcification.",
    "No fracture, calcification or foreign body.",
    "No fracture, dislocation, or soft tissue calcification.",
    "No effusion, calcified nodule.",
    "No fracture, dislocation, calcification.",
    "No hemorrhage and no calcification.",
]


@pytest.mark.parametrize("text", ACUTE_INJURY_THEN_FINDING)
def test_denied_acute_injury_then_finding(text: str) -> None:
    assert not _finding(text).negated


@pytest.mark.parametrize("text", DENIED_LISTS)
def test_denied_lists_stay_denied(text: str) -> None:
    assert _finding(text).negated


def _conditions(text: str) -> list[str]:
    return [c.name for c in analyze_report(text).conditions]


# 'Code stroke' names the ED's stroke activation, the reason for the study,
# not a stroke the report asserts (guide §3: a condition is recorded only
# when the report asserts it for this patient), as 'stroke alert' and
# 'stroke protocol' name none.
CODE_STROKE = [
    "CT ANGIO HEAD/NECK - CODE STROKE: Calcified plaque at the left ICA origin.",
    "Indication: Code stroke, left sided weakness. Calcification of the bilateral cavernous carotid arteries.",
    "CT head (code stroke activation): no hemorrhage. Calcified falx.",
]
# Guards: a stroke the report states stays one.
STROKE_STATED = [
    "History: prior stroke. Calcification of the cavernous carotid arteries.",
    "Code stroke called. Old left MCA stroke. Calcified plaque at the left carotid bulb.",
    "Indication: stroke. Calcification of the cavernous carotid arteries.",
]


@pytest.mark.parametrize("text", CODE_STROKE)
def test_code_stroke_is_no_infarct(text: str) -> None:
    assert "infarct" not in _conditions(text)


@pytest.mark.parametrize("text", STROKE_STATED)
def test_stated_stroke_is_an_infarct(text: str) -> None:
    assert "infarct" in _conditions(text)


# A lead term ('s/p', 'status post') names prior surgery only when no other
# condition follows it: 'status post MVA' is trauma alone (patterns/README.md,
# conditions: lead). An ED note's mechanism words may stand between the lead
# and the trauma ('s/p mechanical fall', 's/p high speed MVC'): still the
# trauma alone (guide §3: a condition is recorded only when asserted).
LEAD_THEN_WORDS_THEN_TRAUMA = [
    "80F s/p mechanical fall. Pineal calcification.",
    "HPI: s/p ground level fall with head strike. Calcified falx.",
    "s/p high speed MVC. Aortic arch calcification.",
    "Status post unwitnessed fall. Pineal calcification.",
]
# Guards: a lead before an operation, or a lead alone in its item.
LEAD_SURGERY = [
    ("s/p right knee arthroplasty. Vascular calcifications.", "prior surgery"),
    ("s/p fall. Pineal calcification.", "trauma"),
    ("Patient s/p, fall last week. Pineal calcification.", "prior surgery"),
    ("History: remote fall with subdural hematoma. Pineal calcification.", "trauma"),
    ("Indication: lupus nephritis on HD. Vascular calcifications.", "lupus"),
]


@pytest.mark.parametrize("text", LEAD_THEN_WORDS_THEN_TRAUMA)
def test_lead_then_mechanism_then_trauma(text: str) -> None:
    assert _conditions(text) == ["trauma"]


@pytest.mark.parametrize(("text", "name"), LEAD_SURGERY)
def test_lead_guards(text: str, name: str) -> None:
    assert name in _conditions(text)


def _site(text: str, mention: str | None = None) -> str:
    return _finding(text, mention).site


# A CT KUB places a pelvic calcification by what it is not in: 'separate
# from the ureter', 'distinct from the ureter', 'outside the ureter'. That
# place is denied as its site (guide §2: a phrase that is itself negated
# gives neither site nor side); the lesion its sentence names it as places
# it ('most compatible with a phlebolith': vein, guide §2 step 3), else the
# region it is in gives none.
SET_APART = [
    ("There is a 5 mm calcification in the left hemipelvis which is separate from the ureter and most compatible with a phlebolith.", "calcification", "vein"),
    ("A calcification in the pelvis distinct from the ureter is a phlebolith.", "calcification", "vein"),
    ("Calcification near the left UVJ but outside the ureter, consistent with phlebolith.", "Calcification", "vein"),
    ("A 3 mm calcification in the right hemipelvis separate from the ureter.", "calcification", ""),
    ("Calcification adjacent to but separate from the right ureter.", "Calcification", ""),
    ("Calcification in the left pelvis, separate from the expected course of the ureter.", "Calcification", ""),
]
# Guards: a calcification placed in or along the ureter keeps it.
IN_THE_URETER = [
    ("There is a 3 mm calcification in the distal right ureter.", "calcification", "ureter"),
    ("Calcification along the expected course of the left ureter, phlebolith versus stone.", "Calcification", "ureter"),
    ("Calcification in the left ureter, separate from the bladder.", "Calcification", "ureter"),
]


@pytest.mark.parametrize(("text", "mention", "site"), SET_APART + IN_THE_URETER)
def test_place_set_apart_gives_no_site(text: str, mention: str, site: str) -> None:
    assert _site(text, mention) == site


def _side(text: str, mention: str | None = None) -> str:
    return _finding(text, mention).laterality


# The plural of a part each of a pair of vessels has one of names both
# (corpora/GUIDE.md laterality: 'the carotid bulbs', 'the cavernous carotid
# arteries'): a C-spine or CTA read's 'the carotid bifurcations' too.
PAIRED_PART_PLURALS = [
    ("CT C-SPINE: No fracture. Calcified plaque at the carotid bifurcations.", "bilateral"),
    ("CTA neck: Calcification at the common carotid bifurcations.", "bilateral"),
    ("Atherosclerotic calcification of the iliac bifurcations.", "bilateral"),
    # guards: one bifurcation, or a side written on it
    ("Calcified plaque at the carotid bifurcation.", ""),
    ("Calcified plaque at the right carotid bifurcation.", "right"),
    ("Calcified plaque at the aortic and iliac bifurcations.", ""),
]


@pytest.mark.parametrize(("text", "side"), PAIRED_PART_PLURALS)
def test_paired_vessel_part_plural(text: str, side: str) -> None:
    assert _side(text) == side


# The same for a denied acute disease an ED work-up rules out ('no PE',
# 'no appendicitis'): the CT summary's calcification after the comma is
# stated (guide §2 negated; context.json acute_words).
ACUTE_DISEASE_THEN_FINDING = [
    "CTA chest per radiology: no PE, coronary calcifications.",
    "CT A/P reviewed: no appendicitis, pelvic phleboliths.",
    "CT abdomen: No diverticulitis, calcified uterine fibroid.",
    "CXR: no pneumonia, calcified granuloma in the left upper lobe.",
    "CTA: no dissection, aortic calcification.",
    "CT: no bowel obstruction, calcified mesenteric lymph node.",
]
# Guards: lists of them stay denied.
ACUTE_DISEASE_LISTS = [
    "No PE or coronary calcification.",
    "No appendicitis, abscess, or calcification.",
]


@pytest.mark.parametrize("text", ACUTE_DISEASE_THEN_FINDING)
def test_denied_acute_disease_then_finding(text: str) -> None:
    assert not _finding(text).negated


@pytest.mark.parametrize("text", ACUTE_DISEASE_LISTS)
def test_denied_acute_disease_lists(text: str) -> None:
    assert _finding(text).negated


# A templated ED read flattened into cells parted by bars: a cell's 'none'
# denies its own label's item, not the next cell's ('Hemorrhage: none |
# Calcifications: pineal'): a bar ends a modifier's scope (guide §2: a
# modifier governs its own clause).
BAR_CELLS = [
    "CT HEAD NON CON | Hemorrhage: none | Mass effect: none | Calcifications: pineal, choroid plexus (physiologic)",
    "Fracture: none | Calcification: pineal gland",
    "Hemorrhage - none | Calcifications - pineal",
]
BAR_CELL_DENIALS = [
    "Hemorrhage: none | Calcifications: none",
    "Calcification: none | Hemorrhage: none",
    "No calcification | no hemorrhage",
]


@pytest.mark.parametrize("text", BAR_CELLS)
def test_bar_ends_a_denial(text: str) -> None:
    assert not _finding(text).negated


@pytest.mark.parametrize("text", BAR_CELL_DENIALS)
def test_bar_cell_own_denial(text: str) -> None:
    assert _finding(text).negated
