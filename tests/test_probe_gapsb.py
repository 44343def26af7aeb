"""Known classes of error left open by earlier probe rounds (rehabilitation,
rheumatology, podiatry, patient letters, plastic surgery), reproduced on
made-up reports and fixed with general rules, one class per table."""

from __future__ import annotations

import pytest

# --- an injury named by the organ it struck ('spinal cord injury', 'traumatic
# brain injury') is no trauma at the place of a finding elsewhere: the
# heterotopic ossification about the hips of a paraplegic has no local cause
# (guide §4 rule 1: earlier trauma or surgery at that place), and the organ in
# the injury's name does not place it (guide §2 step 2: the phrase of its own
# clause that says where it lies). The trauma is still the patient's condition.

INJURY_OF_ANOTHER_ORGAN = [
    (
        "Neurogenic heterotopic ossification about both hips in this patient"
        " with spinal cord injury.",
        "bilateral",
    ),
    (
        "Bilateral heterotopic ossification about the hips in this patient with"
        " spinal cord injury.",
        "bilateral",
    ),
    ("T4 spinal cord injury; heterotopic ossification of the right hip.", "right"),
    (
        "Heterotopic ossification of the right elbow following traumatic brain injury.",
        "right",
    ),
    (
        "Patient with anoxic brain injury and heterotopic ossification of the knees.",
        "bilateral",
    ),
    (
        "Paraplegia after traumatic spinal cord injury. Extensive heterotopic"
        " ossification about both hips, Brooker IV on the left.",
        "bilateral",
    ),
]


@pytest.mark.parametrize(("text", "side"), INJURY_OF_ANOTHER_ORGAN)
def test_injury_of_another_organ_is_no_local_cause(analyzer, text, side):
    report = analyzer.analyze(text, "T")
    (f,) = report.findings
    assert f.site == "periarticular soft tissue"
    assert f.laterality == side
    assert f.classification == "indeterminate"
    assert "trauma" in [c.name for c in report.conditions]


INJURY_AT_THE_PLACE = [
    # guards: an injury at the finding's own place still explains it
    (
        "CT head: calcification in the left frontal lobe following traumatic brain"
        " injury.",
        "brain",
    ),
    ("CT HEAD: Calcification in the right parietal lobe after a closed head injury.", "brain"),
    (
        "s/p traumatic brain injury. CT head shows a calcification in the left"
        " frontal lobe.",
        "brain",
    ),
    (
        "Calcifications in the basal ganglia in a patient with anoxic brain injury.",
        "basal ganglia",
    ),
    (
        "Heterotopic ossification of the right hip following a crush injury of the"
        " right hip.",
        "periarticular soft tissue",
    ),
    (
        "Heterotopic ossification at the left elbow after elbow fracture dislocation.",
        "periarticular soft tissue",
    ),
    ("Myositis ossificans of the right thigh after a kick injury.", "muscle"),
    ("Calcified subdural hematoma after head injury.", "dura"),
]


@pytest.mark.parametrize(("text", "site"), INJURY_AT_THE_PLACE)
def test_injury_at_the_place_still_explains_it(only, text, site):
    f = only(text)
    assert f.site == site
    assert f.classification == "dystrophic"


def test_kidney_injury_is_still_no_trauma(only):
    # guard: 'acute kidney injury' names no injured tissue
    f = only("Acute kidney injury. Calcification of the right kidney.")
    assert f.classification == "indeterminate"


# --- the plain words of a results letter: 'calcium' in a tissue of the heart,
# its vessels and valves or the breast is the deposit (guide §1: mineral
# deposited in a soft tissue), and 'heart arteries' are the coronary arteries
# (guide §2 site vocabulary); the calcium of the blood, urine, diet and every
# lab value stays no finding

LAY_CALCIUM_IN_A_TISSUE = [
    ("Your heart scan showed some calcium in your heart arteries.", "coronary artery", False),
    ("Dear Ms. Jones, your scan showed no calcium in your heart arteries.", "coronary artery", True),
    ("We found a small amount of calcium in the arteries of your heart.", "coronary artery", False),
    (
        "The CT scan shows calcium build-up in your heart arteries, an early sign of"
        " heart disease.",
        "coronary artery",
        False,
    ),
    ("Good news: there is no calcium in the arteries of your heart.", "coronary artery", True),
    ("Calcium in the coronary arteries was seen.", "coronary artery", False),
    ("There was calcium in your aorta, the main artery of the body.", "aorta", False),
    ("The scan showed a lot of calcium in the heart valves.", "heart valve", False),
    ("Your mammogram shows tiny specks of calcium in your left breast.", "breast", False),
    # guard: a calcification word already was a finding; the lay site is coronary
    ("Calcification in the heart arteries.", "coronary artery", False),
]


@pytest.mark.parametrize(("text", "site", "denied"), LAY_CALCIUM_IN_A_TISSUE)
def test_lay_calcium_in_a_tissue_is_a_finding(only, text, site, denied):
    f = only(text)
    assert f.site == site
    assert f.negated is denied


LAB_CALCIUM = [
    "Your urine test showed high calcium in the urine. Please drink more water.",
    "Your blood tests show that calcium in your blood is normal.",
    "Calcium in your diet is important for your bones.",
    "Your calcium level in the blood was 10.9 which is slightly high.",
    "Please continue calcium in your daily routine.",
    "The calcium in the blood vessels test was not done.",
]


@pytest.mark.parametrize("text", LAB_CALCIUM)
def test_calcium_of_the_blood_urine_or_diet_is_no_finding(findings_of, text):
    assert findings_of(text) == []


# --- a side and the joint's number before a finger's or toe's joint ('at the
# right first MTP joint', 'of the left fifth DIP joint'): the finding placed
# at that joint lies in the tissue about it, as 'at the right MTP joint' does
# (corpora/GUIDE.md site: placed at a joint, periarticular soft tissue)

NUMBERED_JOINTS = [
    ("Calcinosis at the right first MTP joint.", "right"),
    ("Calcinosis at the left 2nd MCP joint.", "left"),
    ("Heterotopic ossification at the right first MTP joint.", "right"),
    ("Calcification at the right first MTP joint.", "right"),
    ("Calcific deposit of the left fifth DIP joint.", "left"),
    ("Heterotopic ossification lateral to the left second MCP joint.", "left"),
    # guards: without the number, unchanged
    ("Calcinosis at the right MTP joint.", "right"),
    ("Calcinosis about the right first MTP joint.", "right"),
]


@pytest.mark.parametrize(("text", "side"), NUMBERED_JOINTS)
def test_numbered_joint_places_the_finding_about_it(only, text, side):
    f = only(text)
    assert f.site == "periarticular soft tissue"
    assert f.laterality == side


NOT_ABOUT_A_JOINT = [
    # guards: 'in' a joint, a toe and a fingertip are no place about a joint
    ("Calcinosis in the left 2nd MCP joint.", "left"),
    ("Calcification of the right first toe.", "right"),
    ("Calcification at the tip of the left index finger.", "left"),
    ("Calcinosis of the fingertips bilaterally.", "bilateral"),
]


@pytest.mark.parametrize(("text", "side"), NOT_ABOUT_A_JOINT)
def test_no_joint_place_gives_no_site(only, text, side):
    f = only(text)
    assert f.site == ""
    assert f.laterality == side


# --- an artery's or a muscle's place word before a wound or an ulcer
# ('the plantar ulcer bed', 'gluteal wound') names a body region, not the
# plantar arteries or the gluteal muscles: a region outside the vocabulary
# gives no site (corpora/GUIDE.md site; guide §2 site vocabulary)

WOUND_REGIONS = [
    ("Wound care: punctate calcification within the plantar ulcer bed on the right foot.", "right"),
    ("Calcification at the base of the left plantar ulcer.", "left"),
    ("Plantar wound of the right forefoot with calcification in its base.", "right"),
    ("Gluteal wound with calcified base.", ""),
]


@pytest.mark.parametrize(("text", "side"), WOUND_REGIONS)
def test_wound_of_a_region_gives_no_site(only, text, side):
    f = only(text)
    assert f.site == ""
    assert f.laterality == side


PLANTAR_ARTERIES = [
    # guards: the plantar arteries and arch stay arteries
    "Calcified plantar arteries of the left foot.",
    "Vascular calcification in the plantar arch.",
    "Plantar ulcer. Foot x-ray: calcification of the plantar arteries.",
    "Plantar arterial calcification on the right.",
]


@pytest.mark.parametrize("text", PLANTAR_ARTERIES)
def test_plantar_arteries_stay_arteries(only, text):
    assert only(text).site == "artery"
