"""Heterotopic ossification or calcinosis placed at a joint or at a bony
landmark of one (corpora/GUIDE.md, site; guide §2 vocabulary: periarticular
soft tissue, around a joint). Every sentence is made up for this file.

- a joint's bony landmark (a trochanter, a condyle, the acetabulum, a
  malleolus) or a prosthesis component, led by a placing word ('lateral
  to', 'adjacent to', 'from', 'about'), and a joint written after the
  mention past a comma ('Heterotopic ossification, left elbow') put such a
  mention in the tissue about that joint;
- a tissue its clause names wins, one its words place nowhere has none, and
  other mentions beside a landmark take no site from it;
- a cause named for that joint elsewhere (a hip arthroplasty) then makes it
  dystrophic (guide §4 rule 4), and the same kind of deposit named again in
  another section of a note at another of the joint's tissues is one lesion.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from calc_nlp.errors import PatternError
from calc_nlp.rules import load_rules

from .patterns_copy import copy_patterns

PERIARTICULAR = "periarticular soft tissue"

# (text, a word of the finding's mention, expected fields)
AT_A_JOINT: list[tuple[str, str, dict[str, Any]]] = [
    ("AP pelvis: a faint focus of heterotopic ossification medial to the left lesser trochanter.", "heterotopic", {"site": PERIARTICULAR, "laterality": "left"}),
    ("Knee film: heterotopic ossification adjacent to the lateral femoral condyle after the fall.", "heterotopic", {"site": PERIARTICULAR}),
    ("PREOPERATIVE DIAGNOSIS: Heterotopic ossification, left elbow.", "Heterotopic", {"site": PERIARTICULAR, "laterality": "left"}),
    ("Mature heterotopic ossification extends from the greater trochanter toward the iliac crest.", "heterotopic", {"site": PERIARTICULAR}),
    ("RIGHT SHOULDER: Heterotopic ossification around the humeral component.", "Heterotopic", {"site": PERIARTICULAR, "laterality": "right"}),
    ("Heterotopic ossification superior to the right acetabulum, slowly growing.", "Heterotopic", {"site": PERIARTICULAR, "laterality": "right"}),
    ("Ankle film: sheet-like calcinosis inferior to the medial malleolus.", "calcinosis", {"site": PERIARTICULAR}),
    # any joint named by a word before 'joint', the vocabulary's or not
    ("CT: amorphous calcification in the soft tissues about the atlantoaxial joint.", "calcification", {"site": PERIARTICULAR}),
    ("Pelvis film: lobulated calcification about the right sacroiliac joint.", "calcification", {"site": PERIARTICULAR, "laterality": "right"}),
    ("Foot film: amorphous calcifications about the left MTP joint, unchanged.", "calcifications", {"site": PERIARTICULAR, "laterality": "left"}),
    # a joint's replacement that 'with' gives the ossification to
    ("ADMISSION DIAGNOSIS: Stiff right total knee arthroplasty with heterotopic ossification.", "heterotopic", {"site": PERIARTICULAR, "laterality": "right"}),
    ("Painful left hip replacement with extensive heterotopic ossification.", "heterotopic", {"site": PERIARTICULAR, "laterality": "left"}),
    # a side of the joint itself places it about the joint, as a landmark does
    ("Status post right total hip arthroplasty. Brooker class III heterotopic ossification lateral to the right hip.", "heterotopic", {"site": PERIARTICULAR, "laterality": "right", "classification": "dystrophic"}),
    ("Elbow film: heterotopic ossification posterior to the left elbow.", "heterotopic", {"site": PERIARTICULAR, "laterality": "left"}),
    ("Amorphous calcinosis medial to both knees.", "calcinosis", {"site": PERIARTICULAR, "laterality": "bilateral"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), AT_A_JOINT)
def test_placed_at_a_joint_or_its_landmark(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


NOT_AT_A_JOINT: list[tuple[str, str, dict[str, Any]]] = [
    # another mention beside a landmark: the text names no place of it
    ("Amorphous calcification lateral to the greater trochanter, unchanged.", "calcification", {"site": ""}),
    # a tissue its clause names wins
    ("Heterotopic ossification within the vastus lateralis, lateral to the greater trochanter.", "Heterotopic", {"site": "muscle"}),
    ("Subcutaneous calcinosis lateral to the greater trochanter.", "calcinosis", {"site": "subcutaneous tissue"}),
    ("Chondrocalcinosis of the femoral condyle cartilage.", "Chondrocalcinosis", {"site": "cartilage"}),
    ("Calcified plaque of the left common femoral artery.", "plaque", {"site": "artery"}),
    # placed nowhere
    ("Heterotopic ossification complicated a prior total knee arthroplasty.", "Heterotopic", {"site": ""}),
    # 'below the knee' is a limb's region, no place at the joint
    ("Diffuse medial calcinosis of the leg arteries, most marked below the knee.", "calcinosis", {"site": "artery"}),
    ("Heterotopic ossification below the knee.", "Heterotopic", {"site": ""}),
    # the components are the prosthesis's, not a femoral artery
    ("The femoral and tibial components are well seated. Heterotopic ossification is noted anteriorly.", "Heterotopic", {"site": ""}),
]


@pytest.mark.parametrize(("text", "word", "expected"), NOT_AT_A_JOINT)
def test_not_placed_at_a_joint(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# 'over' a joint places a calcification about it as 'around' does (guide §2
# vocabulary: periarticular soft tissue); a tissue its words name still wins.
OVER_A_JOINT: list[tuple[str, str, dict[str, Any]]] = [
    ("Elbow film: soft tissue calcification over the left elbow, unchanged.", "calcification", {"site": PERIARTICULAR, "laterality": "left"}),
    ("Amorphous calcification over both knees.", "calcification", {"site": PERIARTICULAR, "laterality": "bilateral"}),
    ("Dermal calcification over the right knee.", "calcification", {"site": "skin"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), OVER_A_JOINT)
def test_over_a_joint_is_about_it(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


def test_cause_at_that_joint_makes_it_dystrophic(finding_with):
    text = (
        "HISTORY: Status post left total hip arthroplasty.\n"
        "FINDINGS: Heterotopic ossification lateral to the greater trochanter, new."
    )
    f = finding_with(text, "Heterotopic")
    assert (f.site, f.classification) == (PERIARTICULAR, "dystrophic")


# A dystrophic cause whose sentence places it at a joint or at a joint's
# landmark (a knee arthroplasty, a fracture of the acetabulum) names the
# tissue about that joint, on its side (guide §4 rule 4: a cause named
# elsewhere for the same site and side).
CAUSE_AT_A_JOINT: list[tuple[str, str]] = [
    ("HISTORY: Left total knee arthroplasty last year.\nFINDINGS: Heterotopic ossification adjacent to the medial femoral condyle.", "dystrophic"),
    ("HISTORY: Open fixation of a right acetabular fracture.\nFINDINGS: Heterotopic ossification lateral to the greater trochanter on the right.", "dystrophic"),
    # the other side's joint is no cause of this one
    ("HISTORY: Right total knee arthroplasty last year.\nFINDINGS: Heterotopic ossification adjacent to the left medial femoral condyle.", "indeterminate"),
]


@pytest.mark.parametrize(("text", "expected"), CAUSE_AT_A_JOINT)
def test_cause_placed_at_a_joint_names_its_tissue(finding_with, text, expected):
    f = finding_with(text, "Heterotopic")
    assert (f.site, f.classification) == (PERIARTICULAR, expected)


def test_same_kind_named_again_at_another_tissue_is_one_lesion(lesion_numbers):
    text = (
        "PREOPERATIVE DIAGNOSIS: Heterotopic ossification about the left hip.\n"
        "INDICATIONS: Films show bulky heterotopic ossification about the hip.\n"
        "DESCRIPTION OF PROCEDURE: Heterotopic ossification was found within "
        "the gluteus medius muscle and excised."
    )
    assert lesion_numbers(text) == [1, 1, 1]


def _edit_rule(path: Path, rid: str, **metadata: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for rule in data["target_rules"]:
        if rule["metadata"]["id"] == rid:
            rule["metadata"].update(metadata)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_landmark_site_must_be_a_vocabulary_site(tmp_path):
    d = copy_patterns(tmp_path)
    _edit_rule(d / "sites.json", "R-trochanter", landmark_site="hip region")
    with pytest.raises(PatternError, match="rule R-trochanter, key 'landmark_site'"):
        load_rules(d)


def test_joint_placed_must_be_true_or_false(tmp_path):
    d = copy_patterns(tmp_path)
    _edit_rule(d / "mentions.json", "M-heterotopic-ossification", joint_placed="yes")
    with pytest.raises(PatternError, match="joint_placed must be true or false"):
        load_rules(d)


def test_the_ossification_pointed_back_is_the_one_named_before(findings_of):
    # guide §2 step 4: 'the heterotopic ossification' points back to the
    # ossification named before, with its place and side
    text = (
        "DIAGNOSES: Heterotopic ossification, right elbow.\n"
        "HOSPITAL COURSE: He underwent excision of the heterotopic ossification."
    )
    assert [(f.site, f.laterality) for f in findings_of(text)] == [
        (PERIARTICULAR, "right"),
        (PERIARTICULAR, "right"),
    ]


def test_the_ossification_pointed_back_to_one_place_has_that_place(findings_of):
    # guide §2 step 4: the place the earlier mentions share is the pointer's,
    # where one names a side and one none (which side it means is not said)
    text = (
        "DIAGNOSES:, 1. Heterotopic ossification, left hip, status post excision.,"
        "HISTORY:, The patient is a man who underwent left total hip arthroplasty "
        "in XXXX and developed progressive stiffness.  Films showed bulky "
        "heterotopic ossification lateral to the greater trochanter, bridging "
        "toward the ilium.,HOSPITAL COURSE:, He underwent excision of the "
        "heterotopic ossification."
    )
    f = findings_of(text)[-1]
    assert (f.site, f.laterality) == (PERIARTICULAR, "")


# A side and the number of a finger's or toe's joint between the lead and the
# joint leave it led to (mentions.json joint_ordinals): in the tissue about
# that joint, and metastatic where kidney disease is named (guide §4 rule 3:
# periarticular soft tissue is a site mineral disorders favour).
NUMBERED_JOINT: list[tuple[str, str, dict[str, Any]]] = [
    ("HISTORY: CKD on dialysis. Soft tissue calcific deposits about the left 2nd MCP joint.", "calcific deposits", {"site": PERIARTICULAR, "laterality": "left", "classification": "metastatic"}),
    ("Foot film: amorphous calcification about the right 1st MTP joint.", "calcification", {"site": PERIARTICULAR, "laterality": "right"}),
    ("Hand film: calcific deposits around the third PIP joint.", "calcific deposits", {"site": PERIARTICULAR}),
    ("Calcific deposits about the left second metacarpophalangeal joint.", "Calcific deposits", {"site": PERIARTICULAR, "laterality": "left"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), NUMBERED_JOINT)
def test_numbered_joint_is_still_led_to(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected
