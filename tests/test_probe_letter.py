"""Probe of medical correspondence (consultation, follow-up, results,
second-opinion and discharge letters, letters of medical necessity): errors
found on made-up letters of that kind, one class per table."""

from __future__ import annotations

import pytest

# --- a letter's inverted condition 'Should the calcinosis become painful,
# ...' sets a condition on a finding the letter has named, as 'if the
# calcinosis becomes painful' does (guide §2 hypothetical: raised as a
# possibility to look for, not observed; 'should calcification develop' is)

SHOULD_THE_FINDING = [
    (
        "Plain films confirm calcinosis about both elbows. Should the "
        "calcinosis become painful, surgical excision could be considered.",
        "calcinosis",
        False,
    ),
    (
        "Calcinosis of the right hand. Should the calcification increase in "
        "size, I would be happy to see her again.",
        "calcification",
        False,
    ),
    (
        "Calcified granuloma in the right upper lobe. Should this "
        "calcification enlarge, please refer her back.",
        "calcification",
        False,
    ),
    (
        "Calcinosis cutis of the right hand. Should her calcinosis become "
        "infected, she will need antibiotics.",
        "calcinosis",
        False,
    ),
    # guards: a condition on the finding's presence still asks about it
    ("Should calcification develop, obtain a CT.", "calcification", True),
    (
        "Should any calcifications develop, please repeat the mammogram.",
        "calcifications",
        True,
    ),
    (
        "Should new calcifications appear, a biopsy may be needed.",
        "calcifications",
        True,
    ),
    ("Should there be calcification, we will treat.", "calcification", True),
]


@pytest.mark.parametrize(("text", "word", "hypothetical"), SHOULD_THE_FINDING)
def test_should_the_finding_is_known(findings_of, text, word, hypothetical):
    found = [f for f in findings_of(text) if f.mention.lower() == word]
    assert found, [f.mention for f in findings_of(text)]
    assert found[-1].hypothetical is hypothetical


def test_should_the_finding_is_one_lesion(lesion_numbers):
    text = (
        "Plain films confirm calcinosis about both elbows. Should the "
        "calcinosis become painful, surgical excision could be considered."
    )
    assert lesion_numbers(text) == [1, 1]


def test_should_the_finding_change_is_supposed(finding_with):
    text = (
        "Calcinosis of the right hand. Should the calcification increase in "
        "size, I would be happy to see her again."
    )
    assert finding_with(text, "calcification").change == ""


# --- a word that only shares a joint's first letters names no joint
# ('should' is no 'shoulder'); two sentences naming different joints still
# name different lesions (GUIDE: lesion, sub-sites that differ part them)

JOINT_WORDS = [
    (
        "Calcific tendinitis about the left hip. Should the calcific "
        "tendinitis persist, barbotage is an option.",
        [1, 1],
    ),
    ("Calcinosis about the left elbow. Should the calcinosis grow, we will excise it.", [1, 1]),
    # guards
    (
        "Periarticular calcification at the left shoulder. Periarticular "
        "calcification at the left hip.",
        [1, 2],
    ),
    (
        "Calcinosis about both elbows. The calcinosis about the elbows is "
        "unchanged.",
        [1, 1],
    ),
    (
        "Calcific tendinitis of the right shoulder. Calcific tendinitis of "
        "the right shoulder is noted again.",
        [1, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), JOINT_WORDS)
def test_should_names_no_shoulder(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# --- a calcium score the letter writer recommends or asks for is a test
# still to do, as 'Recommend coronary calcium score' is (guide §2
# hypothetical: raised as a possibility to look for, not observed)

TEST_TO_DO = [
    (
        "Her calcium score was 15 in 2022. I have recommended a repeat calcium "
        "score in five years.",
        1,
        True,
    ),
    ("I recommend a repeat calcium score in five years.", 0, True),
    ("Recommend repeat coronary calcium score in 3 years.", 0, True),
    ("I have recommended a coronary calcium score.", 0, True),
    ("We have suggested a coronary calcium score to refine his risk.", 0, True),
    ("I have advised a repeat coronary calcium score in two years.", 0, True),
    ("Please arrange a coronary calcium score.", 0, True),
    ("I have requested a coronary artery calcium score.", 0, True),
    # guards: a calcification the recommendation is about is seen; a score
    # that was done is the patient's
    ("I recommended biopsy of the calcifications in the left breast.", 0, False),
    (
        "Her calcium score was 15 in 2022. I have recommended a repeat calcium "
        "score in five years.",
        0,
        False,
    ),
    ("A repeat calcium score in XXXX was 312.", 0, False),
    ("Please arrange follow-up of the calcified granuloma.", 0, False),
]


@pytest.mark.parametrize(("text", "which", "hypothetical"), TEST_TO_DO)
def test_recommended_score_is_to_do(findings_of, text, which, hypothetical):
    found = findings_of(text)
    assert len(found) > which, [f.mention for f in found]
    assert found[which].hypothetical is hypothetical


@pytest.mark.parametrize(
    "text",
    [
        "Stereotactic biopsy is recommended for calcifications in the left breast.",
        "Biopsy was advised for the calcifications at 2 o'clock.",
        "Dr. XXXX ordered a coronary calcium score, which was 412.",
    ],
)
def test_a_plan_about_a_seen_calcification_sees_it(findings_of, text):
    assert not findings_of(text)[0].hypothetical


# --- a letter's plan names the operation it proposes in its own words ('I
# have discussed aortic valve replacement with him', 'We have booked him for
# ...', 'I have referred her for ...', 'He has agreed to ...'): proposed,
# not done, so no prior surgery (guide §3: planned procedures are not
# recorded)

PLANNED_OPERATION = [
    (
        "Heavily calcified aortic valve. I have discussed aortic valve "
        "replacement with him.",
        set(),
    ),
    ("Heavily calcified aortic valve. We discussed aortic valve replacement.", set()),
    (
        "Heavily calcified aortic valve. We have booked him for aortic valve "
        "replacement.",
        set(),
    ),
    (
        "Heavily calcified aortic valve. I have referred him for aortic valve "
        "replacement.",
        set(),
    ),
    ("Heavily calcified aortic valve. He has agreed to aortic valve replacement.", set()),
    (
        "Calcinosis of the left forearm. We discussed surgical excision of the "
        "calcinosis.",
        set(),
    ),
    # guards: an operation done, or a disease discussed, stays the patient's
    (
        "Heavily calcified aortic valve. He had an aortic valve replacement "
        "in 2019.",
        {"prior surgery"},
    ),
    (
        "Calcified hilar nodes. We discussed his sarcoidosis and its treatment.",
        {"sarcoidosis"},
    ),
    (
        "Calcifications in the left breast. We discussed that these are from "
        "her lumpectomy in 2015.",
        {"prior surgery"},
    ),
    (
        "Calcifications in the left breast. We discussed her prior lumpectomy.",
        {"prior surgery"},
    ),
    (
        "Calcified plaque in the LAD. I have referred him to cardiology for "
        "his coronary artery disease.",
        {"atherosclerosis"},
    ),
]


@pytest.mark.parametrize(("text", "conditions"), PLANNED_OPERATION)
def test_planned_operation_is_no_prior_surgery(analyzer, text, conditions):
    found = {c.name for c in analyzer.analyze(text, "T").conditions}
    assert found == conditions


# --- a letter to a patient names what the plain words describe by its
# medical name after 'called', 'known as', 'termed': the sentence says what
# the calcification is (guide §4 rules 1 and 2: the cause or pattern its
# own sentence ties to it)

LAY_NAME = [
    (
        "The ultrasound showed small calcium deposits in both kidneys, called "
        "nephrocalcinosis.",
        "calcium deposits",
        "metastatic",
    ),
    (
        "Your scan shows calcium deposits in both kidneys, a condition known "
        "as nephrocalcinosis.",
        "calcium deposits",
        "metastatic",
    ),
    (
        "The x-ray showed a small calcification in your lung, also called a "
        "calcified granuloma.",
        "calcification",
        "dystrophic",
    ),
    (
        "Your CT showed calcium deposits in the lining of the stomach, termed "
        "metastatic calcification.",
        "calcium deposits",
        "metastatic",
    ),
    # guards
    (
        "Questionable small calcification in the left kidney.",
        "calcification",
        "indeterminate",
    ),
    (
        "Small calcification in the left kidney. I called the result to Dr. "
        "XXXX.",
        "calcification",
        "indeterminate",
    ),
]


@pytest.mark.parametrize(("text", "word", "cls"), LAY_NAME)
def test_lay_words_named_by_called(finding_with, text, word, cls):
    assert finding_with(text, word).classification == cls


# --- a letter's signature block and copy lines name the writer's and the
# copied doctors' services, not the patient's history: 'XXXX, MD / Breast
# Surgery', 'Division of Cardiac Surgery', 'cc: Dr. XXXX, Breast Surgery'
# record no prior surgery (guide §3: a condition is recorded only when the
# report asserts it for this patient)

SIGNATURE = [
    (
        "Mass with pleomorphic calcifications in the right breast.\n\n"
        "Sincerely,\nXXXX, MD\nBreast Surgery\n",
        set(),
    ),
    (
        "Calcified plaque in the LAD.\n\nYours sincerely,\nXXXX, MD\n"
        "Division of Cardiac Surgery\n",
        set(),
    ),
    (
        "Calcified plaque in the LAD.\n\nKind regards,\nXXXX, MD, Cardiac Surgery\n",
        set(),
    ),
    (
        "Calcified plaque in the LAD.\n\nWith best wishes,\nXXXX\n\n"
        "cc: Dr. XXXX, Breast Surgery\n",
        set(),
    ),
    (
        "Calcified plaque in the LAD.\n\nRespectfully,\nXXXX, MD\nDepartment of Surgery\n",
        set(),
    ),
    # guards: the letter's own body keeps its conditions
    (
        "Calcified plaque in the LAD. She had breast surgery in 2010.\n\n"
        "Sincerely,\nXXXX, MD\n",
        {"prior surgery"},
    ),
    (
        "Dear Dr. XXXX,\nMr. XXXX has end-stage renal disease. Calcified "
        "plaque in the LAD.\n\nBest regards,\nXXXX, MD\nNephrology\n",
        {"chronic kidney disease"},
    ),
    # a note's 'CC:' is its chief complaint, no copy line
    ("CC: Hypercalcemia.\nCT shows bilateral nephrocalcinosis.", {"hypercalcemia"}),
]


@pytest.mark.parametrize(("text", "conditions"), SIGNATURE)
def test_signature_block_names_no_condition(analyzer, text, conditions):
    found = {c.name for c in analyzer.analyze(text, "T").conditions}
    assert found == conditions
