"""Probe of history-and-physical, consultation, discharge and clinic notes
(dictated style): errors found on made-up notes of that kind, one class per
table."""

from __future__ import annotations

import pytest

# --- acute kidney injury is no prior trauma (guide §4 rule 1: earlier trauma
# at that place; a kidney's acute loss of function injures no tissue there)

AKI_CLASS = [
    (
        "ASSESSMENT: Hypercalcemia and acute kidney injury due to sarcoidosis "
        "with nephrocalcinosis. Start prednisone.",
        "nephrocalcinosis",
        "metastatic",
    ),
    (
        "HPI: Admitted with acute renal injury. Renal ultrasound shows "
        "medullary nephrocalcinosis bilaterally.",
        "nephrocalcinosis",
        "metastatic",
    ),
    (
        "Punctate calcification of the left renal cortex in the setting of "
        "acute kidney injury.",
        "calcification",
        "indeterminate",
    ),
    # guards: an injury of the tissue itself stays a trauma cause
    (
        "Calcification in the left thigh after a crush injury.",
        "Calcification",
        "dystrophic",
    ),
    (
        "Dense calcification of the right quadriceps at the site of a prior "
        "injury, consistent with myositis ossificans.",
        "calcification",
        "dystrophic",
    ),
]


@pytest.mark.parametrize(("text", "word", "cls"), AKI_CLASS)
def test_acute_kidney_injury_is_no_trauma(finding_with, text, word, cls):
    f = finding_with(text, word)
    assert f.classification == cls


# --- a denial ends where a second verb phrase of the cited study starts
# ('showed no hemorrhage and was notable for ...'; guide §2: a modifier
# governs its own clause, as 'and showed' already ends one)

NOTABLE_FOR = [
    (
        "A head CT after her fall showed no acute hemorrhage and was notable "
        "for basal ganglia calcifications.",
        "basal ganglia calcifications",
        False,
    ),
    (
        "CT chest was negative for pulmonary embolism and is significant for "
        "dense coronary artery calcification.",
        "coronary artery calcification",
        False,
    ),
    (
        "Echo showed no effusion and was otherwise remarkable for mitral "
        "annular calcification.",
        "mitral annular calcification",
        False,
    ),
    # guards: the denial still reaches its own list
    (
        "CT head showed no hemorrhage and no basal ganglia calcification.",
        "basal ganglia calcification",
        True,
    ),
    (
        "Head CT was notable for no hemorrhage or basal ganglia calcifications.",
        "basal ganglia calcifications",
        True,
    ),
]


@pytest.mark.parametrize(("text", "word", "negated"), NOTABLE_FOR)
def test_and_was_notable_for_ends_the_denial(finding_with, text, word, negated):
    assert finding_with(text, word).negated is negated


def test_cue_after_and_was_notable_for_is_not_denied(finding_with):
    f = finding_with(
        "History of CKD. A head CT showed no acute hemorrhage and was notable "
        "for atherosclerotic calcification of the carotid siphons.",
        "atherosclerotic calcification",
    )
    assert (f.negated, f.classification) == (False, "dystrophic")


# --- a head noun and a comma end a 'calcified ...' phrase: the next item of
# a list of findings is a finding of its own (guide §1: the span runs to the
# head noun; each time the text names a calcification is a finding)

LIST_ITEMS = [
    (
        "HISTORY: CT abdomen and pelvis showed a calcified uterine fibroid, "
        "pelvic phleboliths and calcified mesenteric lymph nodes.",
        ["calcified uterine fibroid", "pelvic phleboliths", "calcified mesenteric lymph nodes"],
    ),
    (
        "HISTORY: Her CT showed a calcified fibroid, splenic granulomas and "
        "gallstones.",
        ["calcified fibroid"],
    ),
    (
        "IMPRESSION: Calcified granuloma, pelvic phleboliths. No acute process.",
        ["Calcified granuloma", "pelvic phleboliths"],
    ),
    # guards: places joined by a comma before one head stay one phrase
    (
        "FINDINGS: Calcified hilar, mediastinal lymph nodes.",
        ["Calcified hilar, mediastinal lymph nodes"],
    ),
    (
        "FINDINGS: Hepatic, splenic and nodal calcified granulomas.",
        ["Hepatic, splenic and nodal calcified granulomas"],
    ),
]


@pytest.mark.parametrize(("text", "mentions"), LIST_ITEMS)
def test_head_and_comma_end_the_phrase(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions


def test_list_items_take_their_own_sites(finding_with):
    text = (
        "HISTORY: CT abdomen and pelvis showed a calcified uterine fibroid, "
        "pelvic phleboliths and calcified mesenteric lymph nodes."
    )
    assert finding_with(text, "fibroid").site == "uterus"
    assert finding_with(text, "phleboliths").site == "vein"


# --- a study the finding's own sentence names gives its one reading before
# the sentence before it gives a place (guide §2 step 5: on a mammogram
# calcifications belong to the breast; a note cites one study per sentence)

OWN_SENTENCE_EXAM = [
    (
        "HPI: A renal ultrasound in March showed bilateral medullary "
        "nephrocalcinosis. Her mammogram in May was read as benign "
        "calcifications.",
        "benign calcifications",
        ("breast", ""),
    ),
    (
        "HPI: Echo showed a dilated left ventricle. Her mammogram in May "
        "showed scattered calcifications.",
        "calcifications",
        ("breast", ""),
    ),
    (
        "HPI: CT abdomen showed a cyst in the left kidney. A renal ultrasound "
        "last week showed punctate calcifications.",
        "calcifications",
        ("kidney", ""),
    ),
    # guards: no exam of one reading in the sentence, or a relative's
    (
        "HPI: CT abdomen showed a cyst in the left kidney. There are also "
        "punctate calcifications.",
        "calcifications",
        ("kidney", "left"),
    ),
    (
        "Her mammogram showed a mass in the left breast. Calcifications were "
        "seen.",
        "Calcifications",
        ("breast", "left"),
    ),
]


@pytest.mark.parametrize(("text", "word", "expected"), OWN_SENTENCE_EXAM)
def test_own_sentence_exam_before_sentence_before(finding_with, text, word, expected):
    f = finding_with(text, word.split()[-1])
    assert (f.site, f.laterality) == expected


def test_own_sentence_exam_keeps_lesions_apart(findings_of):
    found = findings_of(
        "HPI: A renal ultrasound in March showed bilateral medullary "
        "nephrocalcinosis. Her mammogram in May was read as benign "
        "calcifications."
    )
    assert found[0].lesion_id != found[1].lesion_id


# --- a site after the finding in a clause whose subject is a person ('and
# her mother had breast cancer', ', and he had a left knee replacement')
# is that clause's, no place of the finding (guide §2: neither site nor side
# from a clause about another structure)

PERSON_CLAUSE = [
    (
        "FAMILY HISTORY: Her sister had calcinosis and her mother had breast "
        "cancer.",
        "calcinosis",
        ("", ""),
    ),
    (
        "HPI: She has calcinosis and her father had a right kidney transplant.",
        "calcinosis",
        ("", ""),
    ),
    (
        "HPI: He reports calcinosis, and his brother has a left thyroid nodule.",
        "calcinosis",
        ("", ""),
    ),
    (
        "HPI: Biopsy confirmed calcinosis, and she had a right mastectomy in "
        "2010.",
        "calcinosis",
        ("", ""),
    ),
    # guards: the patient's own place phrase after the finding
    (
        "HPI: She has calcifications in her left breast.",
        "calcifications",
        ("breast", "left"),
    ),
    (
        "HPI: Her CT showed calcinosis of her right thigh muscles.",
        "calcinosis",
        ("muscle", "right"),
    ),
]


@pytest.mark.parametrize(("text", "word", "expected"), PERSON_CLAUSE)
def test_person_clause_site_is_not_the_findings(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == expected


# --- 'if the calcification grows': a condition on a change of a finding the
# note names as known (a definite article or possessive right before it) does
# not ask whether it is there (guide §2, hypothetical: 'should calcification
# develop' is raised as a possibility, not observed)

KNOWN_IN_CONDITION = [
    (
        "Calcinosis cutis of the right hand. If the calcification grows, refer "
        "to hand surgery.",
        "calcification",
        False,
    ),
    (
        "Calcinosis cutis. If these calcifications increase in size, we will "
        "excise them.",
        "calcifications",
        False,
    ),
    (
        "Calcinosis of both elbows. Refer to surgery if her calcinosis becomes "
        "painful.",
        "her calcinosis",
        False,
    ),
    # guards: a calcification the condition asks about
    ("Follow with x-rays. If calcification develops, refer.", "calcification", True),
    ("If there is calcification on the CT, refer to surgery.", "calcification", True),
    ("If new calcifications develop, obtain a CT.", "calcifications", True),
]


@pytest.mark.parametrize(("text", "word", "hypothetical"), KNOWN_IN_CONDITION)
def test_condition_on_a_known_finding(findings_of, text, word, hypothetical):
    found = [f for f in findings_of(text) if f.mention.lower().endswith(word.split()[-1])]
    assert found[-1].hypothetical is hypothetical


# --- 'if any calcifications develop' asks about them; 'if any' is no pseudo
# trigger where a noun follows it (guide §2, hypothetical: 'should
# calcification develop'); 'minimal calcification, if any,' keeps the pseudo

IF_ANY = [
    ("If any calcifications develop, obtain a CT.", True),
    ("Plan: repeat x-ray in 6 months; if any calcification appears, refer.", True),
    # guards
    ("Minimal vascular calcification, if any, in the right hand.", False),
    ("There is minimal vascular calcification if any.", False),
]


@pytest.mark.parametrize(("text", "hypothetical"), IF_ANY)
def test_if_any_before_a_noun_asks(finding_with, text, hypothetical):
    assert finding_with(text, "calcification").hypothetical is hypothetical


# --- heterotopic ossification or a calcific deposit 'at' a joint lies in the
# tissue about it, as 'of the left hip' and 'about the left hip' do
# (corpora/GUIDE.md site: placed at a joint, periarticular soft tissue); 'in
# the left elbow' is left without a site, as the dev annotations do

IN_A_JOINT = [
    ("Heterotopic ossification at the right hip.", "Heterotopic ossification", "right"),
    (
        "Consider radiation prophylaxis to prevent heterotopic ossification at "
        "the right hip.",
        "heterotopic ossification",
        "right",
    ),
    ("X-ray showed a calcific deposit at the left shoulder.", "calcific deposit", "left"),
    ("Heterotopic ossification of the left hip.", "Heterotopic ossification", "left"),
]


@pytest.mark.parametrize(("text", "word", "side"), IN_A_JOINT)
def test_in_a_joint_is_periarticular(finding_with, text, word, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == ("periarticular soft tissue", side)


def test_muscle_in_a_joint_region_wins(finding_with):
    f = finding_with(
        "Heterotopic ossification within the gluteus minimus muscle at the left hip.",
        "ossification",
    )
    assert f.site == "muscle"


def test_in_a_joint_stays_without_site(finding_with):
    f = finding_with("2. Possible early calcinosis in the left elbow, not imaged.", "calcinosis")
    assert (f.site, f.laterality) == ("", "left")


# --- a hedge on a diagnosis does not reach the finding a 'with' adds to it
# (guide §2, uncertain: a hedge on the cause or nature does not make the
# deposit uncertain; 'Possible sarcoidosis with calcified hilar nodes')

DIAGNOSIS_WITH = [
    ("Assessment: Possible sarcoidosis with calcified hilar lymph nodes.", "calcified", False),
    ("Assessment: Suspected hyperparathyroidism with nephrocalcinosis.", "nephrocalcinosis", False),
    ("Impression: Probable scleroderma with calcinosis cutis of the fingers.", "calcinosis", False),
    # guards: the hedge's object is the finding, or a lesion that is no condition
    ("Impression: Possible calcified granuloma with surrounding scarring.", "granuloma", True),
    ("Possible mass with calcification in the left breast.", "calcification", True),
]


@pytest.mark.parametrize(("text", "word", "uncertain"), DIAGNOSIS_WITH)
def test_hedged_diagnosis_with_finding(finding_with, text, word, uncertain):
    assert finding_with(text, word).uncertain is uncertain
