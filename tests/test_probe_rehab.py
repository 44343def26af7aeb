"""Probe of physical medicine and rehabilitation, chiropractic, pain
management and sports medicine documents (consults, progress notes, spine
films, fluoroscopic and ultrasound-guided procedure notes): errors found on
made-up reports of that kind, one class per table."""

from __future__ import annotations

import pytest

# --- a 'pre-' prefix puts a planned procedure ahead of a condition ('PRE-RENAL
# TRANSPLANT'); the calcification a 'Pre-procedure diagnosis:' or a
# 'Pre-procedure ultrasound:' names is there now, not raised as a possibility
# (guide §2 hypothetical: raised as a possibility to look for, not observed)

PRE_PREFIX_FINDINGS = [
    "PRE-PROCEDURE DIAGNOSIS: Calcific tendinitis of the right shoulder.",
    "Pre-procedure Dx: calcific tendinopathy, left supraspinatus.",
    "Pre-injection diagnosis: calcific tendinitis R shoulder.",
    "Pre-procedure ultrasound: 12 mm calcific deposit in the supraspinatus.",
    "Pre-transplant evaluation: coronary artery calcification.",
    "PRE-TAVR CT: dense calcification of the aortic annulus.",
    # guards: worded without the hyphen or as an operation, unchanged
    "Preprocedure diagnosis: calcific tendinopathy, left supraspinatus.",
    "Preoperative diagnosis: calcific tendinitis of the right shoulder.",
]


@pytest.mark.parametrize("text", PRE_PREFIX_FINDINGS)
def test_pre_prefix_leaves_a_finding_observed(only, text):
    f = only(text)
    assert not f.hypothetical
    assert f.classification == "dystrophic"


PRE_PREFIX_FINDING_HYPOTHETICAL = [
    # guards: a finding asked for stays hypothetical
    "Pre-procedure ultrasound to evaluate for calcific tendinitis.",
    "Pre-procedure: rule out calcific deposit in the supraspinatus.",
]


@pytest.mark.parametrize("text", PRE_PREFIX_FINDING_HYPOTHETICAL)
def test_pre_prefix_leaves_a_question_hypothetical(only, text):
    assert only(text).hypothetical


def test_pre_and_post_procedure_diagnoses_are_one_lesion(lesion_numbers):
    text = (
        "PRE-PROCEDURE DIAGNOSIS: Calcific tendinitis of the right shoulder.\n"
        "POST-PROCEDURE DIAGNOSIS: Calcific tendinitis of the right shoulder."
    )
    assert lesion_numbers(text) == [1, 1]


def test_pre_prefix_still_plans_a_condition(analyzer):
    # guard: the planned operation after 'pre-' is still no condition
    report = analyzer.analyze(
        "PRE-RENAL TRANSPLANT EVALUATION: coronary artery calcification.", "T"
    )
    assert "prior surgery" not in [c.name for c in report.conditions]


# --- what is left of a calcification after lavage ('Residual calcification
# 2 mm.') points back to the calcification treated, as 'the calcification'
# does, and lies where it lay, with its side (guide §2 step 4: an earlier
# mention the sentence points back to; corpora/GUIDE.md lesion: a mention its
# own words call what is left of a calcification is that lesion)

REMNANT_SITES = [
    (
        "A/P: right shoulder calcific tendinitis, s/p barbotage x2. "
        "Residual calcification 2 mm.",
        "tendon",
        "right",
    ),
    (
        "1. Calcific tendinitis of the right supraspinatus, 12 mm.\n"
        "2. Status post barbotage with residual 3 mm calcification.",
        "tendon",
        "right",
    ),
    (
        "IMPRESSION: Left gluteus medius calcific tendinopathy, treated with "
        "lavage. Remaining calcification 4 x 3 mm.",
        "tendon",
        "left",
    ),
    # guards: nothing named before; two sides named before
    ("Plan: follow up.\nResidual calcification 3 mm.", "", ""),
    (
        "Right shoulder calcific tendinitis. Left shoulder calcific tendinitis. "
        "After lavage, residual calcification 3 mm.",
        "",
        "",
    ),
]


@pytest.mark.parametrize(("text", "site", "side"), REMNANT_SITES)
def test_remnant_lies_where_the_calcification_lay(findings_of, text, site, side):
    f = findings_of(text)[-1]
    assert (f.site, f.laterality) == (site, side)


def test_remnant_is_the_lesion_treated(lesion_numbers):
    text = (
        "A/P: right shoulder calcific tendinitis, s/p barbotage x2. "
        "Residual calcification 2 mm."
    )
    assert lesion_numbers(text) == [1, 1]


# --- 'status post' dates the procedure, not what is left after it: the
# calcification 'residual' or 'remaining' leads is there now (guide §2
# historical: a past state not seen now)

REMNANT_PRESENT = [
    ("Status post barbotage with residual 3 mm calcification.", "calcification"),
    ("STATUS POST ULTRASOUND GUIDED BARBOTAGE WITH RESIDUAL CALCIFICATION.", "CALCIFICATION"),
    ("S/p lavage of the left shoulder with remaining calcification of 4 mm.", "calcification"),
    ("Status post lavage x2, with a remnant calcification in the supraspinatus.", "calcification"),
]


@pytest.mark.parametrize(("text", "mention"), REMNANT_PRESENT)
def test_remnant_after_status_post_is_present(finding_named, text, mention):
    f = finding_named(text, mention)
    assert not f.historical
    assert not f.negated


REMNANT_PAST = [
    # guards: a denied remnant after an operation is the resolved one; a
    # history stays a history
    ("Status post lumpectomy with no residual calcifications.", "calcifications", True),
    ("History of calcific tendinitis treated with lavage, now resolved.", "calcific tendinitis", True),
    ("History of calcified granuloma, the remaining lung is clear.", "calcified granuloma", False),
]


@pytest.mark.parametrize(("text", "mention", "negated"), REMNANT_PAST)
def test_denied_or_past_remnant_stays_historical(finding_named, text, mention, negated):
    f = finding_named(text, mention)
    assert f.historical
    assert f.negated is negated


# --- 'no improvement', 'no relief' deny the patient's progress, not the
# calcification a plan goes on to treat (guide §2 negated: the deposit is
# denied)

NO_IMPROVEMENT = [
    (
        "Right supraspinatus calcific tendinitis. If no improvement, will "
        "consider barbotage of the calcific deposit.",
        "calcific deposit",
    ),
    (
        "Left shoulder calcific tendinitis with no significant relief after "
        "two subacromial injections into the calcification.",
        "calcification",
    ),
    ("No improvement in the calcific deposit after lavage.", "calcific deposit"),
    ("If no response to PT, lavage of the gluteus medius calcification.", "calcification"),
]


@pytest.mark.parametrize(("text", "mention"), NO_IMPROVEMENT)
def test_no_improvement_denies_no_calcification(finding_named, text, mention):
    assert not finding_named(text, mention).negated


NO_IMPROVEMENT_GUARDS = [
    "No calcification. No improvement.",
    "No calcification, no relief of pain.",
    "No improvement. No calcific deposit on today's films.",
]


@pytest.mark.parametrize("text", NO_IMPROVEMENT_GUARDS)
def test_denied_calcification_beside_no_improvement(only, text):
    assert only(text).negated


# --- the neck of the femur, humerus or radius lies inside the hip, shoulder
# or elbow: heterotopic ossification placed beside it is periarticular, as
# at the greater trochanter (corpora/GUIDE.md site: heterotopic ossification
# or calcinosis placed at a bony landmark of a joint is periarticular soft
# tissue)

JOINT_NECKS = [
    ("Hip radiograph shows early heterotopic ossification lateral to the right femoral neck.", "periarticular soft tissue", "right"),
    ("Heterotopic ossification adjacent to the left femoral neck.", "periarticular soft tissue", "left"),
    ("Heterotopic ossification along the left humeral neck.", "periarticular soft tissue", "left"),
    ("Calcinosis near the radial neck, right.", "periarticular soft tissue", "right"),
    # guards: a plain calcification beside a bone part takes no site; a
    # bone's shaft is no joint's
    ("Calcification adjacent to the left femoral neck.", "", "left"),
    ("Heterotopic ossification along the femoral shaft.", "", ""),
]


@pytest.mark.parametrize(("text", "site", "side"), JOINT_NECKS)
def test_joint_neck_places_ossification_about_the_joint(only, text, site, side):
    f = only(text)
    assert (f.site, f.laterality) == (site, side)


def test_femoral_neck_and_hip_ossification_are_one_lesion(lesion_numbers):
    text = (
        "Imaging: hip radiograph shows early heterotopic ossification lateral "
        "to the right femoral neck.\n"
        "Assessment: neurogenic heterotopic ossification, right hip."
    )
    assert lesion_numbers(text) == [1, 1]


# --- 'HO', the shorthand rehabilitation notes write for heterotopic
# ossification, is a finding (guide §1: heterotopic ossification;
# corpora/GUIDE.md site: placed at a joint, periarticular soft tissue)

HO_ABBREVIATION = [
    ("HO about the left hip, Brooker II.", "periarticular soft tissue", "left", set()),
    ("Assessment: neurogenic HO, right hip.", "periarticular soft tissue", "right", set()),
    ("Radiographs: no HO.", "", "", {"negated"}),
    ("Goals: prevent further HO.", "", "", {"hypothetical"}),
]

_FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family")


@pytest.mark.parametrize(("text", "site", "side", "flags"), HO_ABBREVIATION)
def test_ho_is_heterotopic_ossification(finding_named, text, site, side, flags):
    f = finding_named(text, "HO")
    assert (f.site, f.laterality) == (site, side)
    assert {k for k in _FLAGS if getattr(f, k)} == flags


HO_NOT_A_FINDING = [
    "Patient is a ho-hum historian. No calcification.",
    "Ho's fracture classification was reviewed. No calcification.",
]


@pytest.mark.parametrize("text", HO_NOT_A_FINDING)
def test_lower_case_ho_is_no_finding(findings_of, text):
    assert [f.mention for f in findings_of(text)] == ["calcification"]
