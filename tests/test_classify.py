"""Guide §4 classifier: a test per rule, the §5 worked examples, rule order, properties."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.classify import (
    BASE,
    CauseRecord,
    CueRecord,
    Features,
    by_given_site,
    by_restated_cause,
    classify,
)
from calc_nlp.schema import DYSTROPHIC, INDETERMINATE, METASTATIC

CKD = ("chronic kidney disease", "metastatic", "indication", "phosphate")
SARCOID = ("sarcoidosis", "metastatic", "indication", "calcium")
BONE_METS = ("bone metastases", "metastatic", "indication", "calcium")
ATHERO = ("atherosclerosis", "dystrophic", "findings", "calcium")
NORMAL_CA = ("serum_calcium", "normal", 9.6, "mg/dL")
HIGH_CA = ("serum_calcium", "high", 11.9, "mg/dL")
HIGH_PHOS = ("phosphate", "high", 6.8, "mg/dL")
LUNG = {"site": "lung", "metastatic_prone": True}
VESSEL = {"site": "coronary artery", "metastatic_prone": True, "dystrophic_prone": True}
NODE = {"site": "lymph node", "dystrophic_prone": True}

RULES = [
    # rule 1: local dystrophic cue on the mention wins over everything after it
    (
        "rule1 granuloma",
        Features(**LUNG, cues=(CueRecord("granuloma", 1),)),
        "dystrophic",
        1,
    ),
    (
        "rule1 beats rule2",
        Features(
            **LUNG, cues=(CueRecord("granuloma", 1), CueRecord("nephrocalcinosis", 2))
        ),
        "dystrophic",
        1,
    ),
    (
        "rule1 beats rule3",
        Features(
            **VESSEL, cues=(CueRecord("atherosclerotic plaque", 1),), conditions=(CKD,)
        ),
        "dystrophic",
        1,
    ),
    # rule 2: local metastatic pattern
    (
        "rule2 nephrocalcinosis",
        Features(
            site="kidney",
            metastatic_prone=True,
            cues=(CueRecord("nephrocalcinosis", 2),),
        ),
        "metastatic",
        2,
    ),
    (
        "rule2 beats rule4",
        Features(**NODE, cues=(CueRecord("metastatic calcification", 2),)),
        "metastatic",
        2,
    ),
    # rule 3: systemic disorder + metastatic-prone site
    ("rule3 ckd lung", Features(**LUNG, conditions=(CKD,)), "metastatic", 3),
    ("rule3 lab only", Features(**LUNG, labs=(HIGH_CA,)), "metastatic", 3),
    (
        "rule3 phosphate lab",
        Features(site="cornea", metastatic_prone=True, labs=(HIGH_PHOS,)),
        "metastatic",
        3,
    ),
    (
        "rule3 vessel beats rule4",
        Features(**VESSEL, conditions=(CKD,)),
        "metastatic",
        3,
    ),
    (
        "rule3 blocked by normal calcium",
        Features(**VESSEL, conditions=(BONE_METS,), labs=(NORMAL_CA,)),
        "dystrophic",
        4,
    ),
    (
        "rule3 not blocked for ckd",
        Features(**VESSEL, conditions=(CKD,), labs=(NORMAL_CA,)),
        "metastatic",
        3,
    ),
    (
        "rule3 needs prone site",
        Features(**NODE, conditions=(SARCOID,)),
        "dystrophic",
        4,
    ),
    # rule 4: dystrophic-prone site or a cause named elsewhere for that site
    ("rule4 vessel", Features(**VESSEL), "dystrophic", 4),
    (
        "rule4 skin with ctd",
        Features(
            site="skin",
            dystrophic_prone_if=("systemic sclerosis",),
            conditions=(("systemic sclerosis", "dystrophic", "indication", "calcium"),),
        ),
        "dystrophic",
        4,
    ),
    (
        "rule4 skin without ctd",
        Features(site="skin", dystrophic_prone_if=("systemic sclerosis",)),
        "indeterminate",
        5,
    ),
    (
        "rule4 cause elsewhere",
        Features(
            site="breast",
            laterality="left",
            causes_elsewhere=(CauseRecord("prior surgery", "breast", "left"),),
        ),
        "dystrophic",
        4,
    ),
    (
        "rule4 other side does not count",
        Features(
            site="liver",
            laterality="left",
            causes_elsewhere=(CauseRecord("prior surgery", "liver", "right"),),
        ),
        "indeterminate",
        5,
    ),
    (
        "rule4 other lobe does not count",
        Features(
            site="spleen",
            site_text="upper pole",
            causes_elsewhere=(CauseRecord("granuloma", "spleen", "", "lower pole"),),
        ),
        "indeterminate",
        5,
    ),
    (
        "rule4 a cause at the whole site counts for its part",
        Features(
            site="brain",
            site_text="frontal lobe",
            causes_elsewhere=(CauseRecord("radiation therapy", "brain", "", ""),),
        ),
        "dystrophic",
        4,
    ),
    (
        "rule4 a cause at one part does not count for the whole",
        Features(
            site="lung",
            causes_elsewhere=(CauseRecord("granuloma", "lung", "", "lower lobe"),),
        ),
        "indeterminate",
        5,
    ),
    # rule 5
    (
        "rule5 nothing",
        Features(site="kidney", metastatic_prone=True),
        "indeterminate",
        5,
    ),
    (
        "rule5 normal calcium alone",
        Features(site="liver", labs=(NORMAL_CA,)),
        "indeterminate",
        5,
    ),
    ("rule5 physiologic", Features(site="pineal gland"), "indeterminate", 5),
]


@pytest.mark.parametrize(
    ("name", "features", "cls", "rule"), RULES, ids=[r[0] for r in RULES]
)
def test_rules_in_order(name, features, cls, rule):
    result = classify(features)
    assert (result.classification, result.rule) == (cls, rule)
    assert result.evidence.startswith(f"rule{rule}:")


def test_evidence_is_readable():
    r = classify(Features(**LUNG, conditions=(CKD,)))
    assert (
        r.evidence
        == "rule3: chronic kidney disease (indication) + site lung (metastatic-prone)"
    )


def test_uncertain_lowers_confidence():
    base = Features(**VESSEL)
    assert (
        classify(replace(base, uncertain=True)).confidence < classify(base).confidence
    )


def test_conflict_lowers_confidence():
    base = Features(**LUNG, cues=(CueRecord("granuloma", 1),))
    assert (
        classify(replace(base, conditions=(CKD,))).confidence
        < classify(base).confidence
    )


# ---- worked examples of guide §5, end to end ----

WORKED = [
    (
        "Calcified granuloma in the right upper lobe.",
        [("Calcified granuloma", "lung", "right", "dystrophic")],
    ),
    (
        "History: ESRD on hemodialysis. Findings: diffuse centrilobular nodular calcifications in both upper lobes.",
        [("calcifications", "lung", "bilateral", "metastatic")],
    ),
    (
        "Hx secondary hyperparathyroidism. Extensive vascular calcification of the SFA.",
        [("vascular calcification", "artery", "", "metastatic")],
    ),
    (
        "Moderate coronary artery calcifications.",
        [("coronary artery calcifications", "coronary artery", "", "dystrophic")],
    ),
    (
        "Coronary artery calcium score: 0.",
        [("Coronary artery calcium score", "coronary artery", "", "")],
    ),
    (
        "Scattered punctate calcifications in the left breast, likely benign.",
        [("calcifications", "breast", "left", "dystrophic")],
    ),
    (
        "Possible small calcification in the right kidney.",
        [("calcification", "kidney", "right", "indeterminate")],
    ),
    (
        "Pineal gland calcification.",
        [("Pineal gland calcification", "pineal gland", "", "indeterminate")],
    ),
    ("Serum calcium 11.9.", []),
    ("Pelvic phleboliths.", [("Pelvic phleboliths", "vein", "", "dystrophic")]),
    (
        "Known calcified granuloma in the LUL, unchanged.",
        [("calcified granuloma", "lung", "left", "dystrophic")],
    ),
    (
        "Previously seen splenic calcification is no longer visible.",
        [("splenic calcification", "spleen", "", "")],
    ),
    (
        "ESRD on HD. Calcified atherosclerotic plaque at the carotid bulb.",
        [("Calcified atherosclerotic plaque", "carotid artery", "", "dystrophic")],
    ),
    (
        "Breast cancer metastatic to bone. Serum calcium 9.6 (normal). Coronary artery calcification.",
        [("Coronary artery calcification", "coronary artery", "", "dystrophic")],
    ),
    ("Noncalcified pulmonary nodule.", []),
]


@pytest.mark.parametrize(("text", "expected"), WORKED)
def test_worked_examples(findings_of, text, expected):
    got = [
        (f.mention, f.site, f.laterality, f.classification) for f in findings_of(text)
    ]
    assert got == expected


def test_worked_example_flags(findings_of):
    (score0,) = findings_of("Coronary artery calcium score: 0.")
    assert score0.negated and score0.confidence is None and score0.evidence == ""
    (gone,) = findings_of("Previously seen splenic calcification is no longer visible.")
    assert gone.negated and gone.historical
    (known,) = findings_of("Known calcified granuloma in the LUL, unchanged.")
    assert not known.historical
    (pineal,) = findings_of("Pineal gland calcification.")
    assert pineal.physiologic
    (kidney,) = findings_of("Possible small calcification in the right kidney.")
    assert kidney.uncertain


CONFLICTS = [
    ("ESRD on dialysis. Calcified granuloma in the left upper lobe.", "dystrophic"),
    ("ESRD on dialysis. Coronary artery calcification.", "metastatic"),
    (
        "ESRD on dialysis. Calcified atherosclerotic plaque in the abdominal aorta.",
        "dystrophic",
    ),
    ("Sarcoidosis. Calcified hilar lymph nodes.", "dystrophic"),
    ("Hypercalcemia, calcium 12.4 mg/dL. Medullary nephrocalcinosis.", "metastatic"),
    ("s/p left lumpectomy.\nLeft breast: coarse calcifications.", "dystrophic"),
    (
        "Granuloma in the right lower lobe.\nCalcification in the left upper lobe.",
        "indeterminate",
    ),
    ("Scleroderma. Calcinosis cutis of the fingertips.", "dystrophic"),
]


@pytest.mark.parametrize(("text", "cls"), CONFLICTS)
def test_rule_order_conflicts(findings_of, text, cls):
    found = [f for f in findings_of(text) if f.affirmed]
    assert [f.classification for f in found] == [cls]


# ---- properties ----

NAMES = st.sampled_from(
    [
        "chronic kidney disease",
        "sarcoidosis",
        "atherosclerosis",
        "scar",
        "diabetes mellitus",
        "bone metastases",
    ]
)
COND = st.tuples(
    NAMES,
    st.sampled_from(["metastatic", "dystrophic", "other"]),
    st.sampled_from(["indication", "findings"]),
    st.sampled_from(["calcium", "phosphate"]),
)
LAB = st.tuples(
    st.sampled_from(["serum_calcium", "ionized_calcium", "phosphate", "pth"]),
    st.sampled_from(["high", "normal", "low"]),
    st.floats(0.5, 20),
    st.just("mg/dL"),
)
CUE = st.builds(
    CueRecord,
    st.sampled_from(["granuloma", "scar", "nephrocalcinosis", "calciphylaxis"]),
    st.sampled_from([1, 2]),
)
SITES = st.sampled_from(
    ["", "lung", "kidney", "coronary artery", "breast", "skin", "liver"]
)
CAUSE = st.builds(
    CauseRecord,
    st.sampled_from(["scar", "prior surgery"]),
    SITES,
    st.sampled_from(["", "left", "right"]),
)
FEATURES = st.builds(
    Features,
    site=SITES,
    site_text=st.sampled_from(["", "upper lobe", "left breast"]),
    laterality=st.sampled_from(["", "left", "right", "bilateral"]),
    metastatic_prone=st.booleans(),
    dystrophic_prone=st.booleans(),
    dystrophic_prone_if=st.lists(NAMES, max_size=2).map(tuple),
    cues=st.lists(CUE, max_size=3).map(tuple),
    conditions=st.lists(COND, max_size=3).map(tuple),
    labs=st.lists(LAB, max_size=3).map(tuple),
    causes_elsewhere=st.lists(CAUSE, max_size=2).map(tuple),
    distribution=st.sampled_from(["", "diffuse", "focal"]),
    uncertain=st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(FEATURES)
def test_total_and_deterministic(x):
    a, b = classify(x), classify(x)
    assert a == b
    assert a.classification in {"dystrophic", "metastatic", "indeterminate"}
    assert 0.0 < a.confidence < 1.0
    assert a.evidence.startswith(f"rule{a.rule}:")


def _agreeing_additions(x: Features, cls: str) -> list[Features]:
    if cls == "dystrophic":
        return [
            replace(x, cues=x.cues + (CueRecord("fat necrosis", 1),)),
            replace(
                x,
                conditions=x.conditions
                + (("scar", "dystrophic", "findings", "calcium"),),
            ),
            replace(
                x,
                causes_elsewhere=x.causes_elsewhere
                + (CauseRecord("hematoma", x.site, x.laterality, x.site_text),),
            ),
        ]
    if cls == "metastatic":
        return [
            replace(x, cues=x.cues + (CueRecord("calciphylaxis", 2),)),
            replace(
                x,
                conditions=x.conditions
                + (("hyperphosphatemia", "metastatic", "indication", "phosphate"),),
            ),
            replace(x, labs=x.labs + (("phosphate", "high", 7.0, "mg/dL"),)),
        ]
    return []


@settings(max_examples=400, deadline=None)
@given(FEATURES)
def test_agreeing_evidence_never_lowers_confidence(x):
    before = classify(x)
    for y in _agreeing_additions(x, before.classification):
        after = classify(y)
        if after.classification == before.classification:
            assert after.confidence >= before.confidence, (before, after)


CAUSES = [
    # a next sentence that only points back gives the finding its cause
    (
        "Multiple calcified nodules in both lungs. These are compatible with healed granulomas.",
        "dystrophic",
    ),
    ("Calcified nodule in the right lung. It likely represents a granuloma.", "dystrophic"),
    # one that names a finding of its own is about that one
    (
        "Calcified nodule in the right lung. This and a calcified node are granulomas.",
        "indeterminate",
    ),
    # a cause the impression names at the same part, in another spelling
    (
        "EXAMINATION: CHEST 2V\nFINDINGS: A 3 mm calcified nodule in the lingula.\n"
        "IMPRESSION: Calcified lingular granuloma.",
        "dystrophic",
    ),
    # chronic inflammation and old blood are local damage (guide §3)
    ("Chronic post-inflammatory changes with right apical calcifications.", "dystrophic"),
    ("Incidental right adrenal calcification, likely post-hemorrhagic.", "dystrophic"),
    # a sentence that does not open by pointing back is about something else
    ("Calcified nodule in the right lung. Old granulomas in the spleen.", "indeterminate"),
]


@pytest.mark.parametrize(("text", "cls"), CAUSES)
def test_cause_of_the_first_finding(findings_of, text, cls):
    assert findings_of(text)[0].classification == cls


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        # guide §4 rule 3: kidney disease still fires with a normal calcium
        # (phosphate drives it; conditions.json mineral_driver)
        ("HISTORY: CKD stage 4. Calcium was 8.9.\nFINDINGS: Calcification of the iliac arteries.", "metastatic"),
        ("HISTORY: Hyperphosphatemia. Calcium 9.1 mg/dL.\nFINDINGS: Calcification of the iliac arteries.", "metastatic"),
        # nor does renal tubular acidosis, which calcifies the kidney through
        # the urine at a normal serum calcium (mineral_driver urine)
        ("HISTORY: Distal RTA. Serum calcium 9.4 mg/dL.\nFINDINGS: Punctate calcification in the left renal cortex.", "metastatic"),
        # a calcium-driven one does not
        (
            "HISTORY: Breast cancer metastatic to bone. Serum calcium 9.6 (normal).\n"
            "FINDINGS: Calcification of the iliac arteries.",
            "dystrophic",
        ),
        # the calcium said normal now, after a parathyroid operation
        (
            "HISTORY: Primary hyperparathyroidism, treated. Calcium now normal at "
            "9.2 mg/dL.\nFINDINGS: Punctate calcification in the left renal cortex.",
            "indeterminate",
        ),
        # ... or said normal with no value written, as a value would say it
        (
            "HISTORY: Primary hyperparathyroidism, treated; calcium has since "
            "remained within normal limits.\nFINDINGS: Punctate calcification in "
            "the left renal cortex.",
            "indeterminate",
        ),
        (
            "HISTORY: Hyperparathyroidism, normocalcemic after surgery.\nFINDINGS: "
            "Punctate calcification in the left renal cortex.",
            "indeterminate",
        ),
        # a value-less normal calcium does not block kidney disease either
        ("HISTORY: CKD stage 4, serum calcium normal.\nFINDINGS: Calcification of the iliac arteries.", "metastatic"),
        # nor does a calcium said to be other than normal
        (
            "HISTORY: Primary hyperparathyroidism; calcium not yet normal.\nFINDINGS: "
            "Punctate calcification in the left renal cortex.",
            "metastatic",
        ),
    ],
)
def test_normal_calcium_blocks_only_calcium_driven_conditions(findings_of, text, cls):
    (f,) = findings_of(text)
    assert f.classification == cls


# A relative's finding is still classified (corpora/GUIDE.md: family), and a
# mention that names its lesion or pattern names it for a relative too.
@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("FAMILY HISTORY:, Her mother had nephrocalcinosis.", "metastatic"),
        ("Family history: a brother with calcified granulomas in both lungs.", "dystrophic"),
        ("His father was treated for calciphylaxis on dialysis.", "metastatic"),
        ("Sister with pelvic phleboliths on an old CT.", "dystrophic"),
    ],
)
def test_a_relatives_mention_names_its_own_cause(findings_of, text, cls):
    (f,) = findings_of(text)
    assert f.family and f.classification == cls


# guide §4 rule 4 (skin with a connective-tissue disease): the soft tissue
# under the skin is where the calcinosis of scleroderma and dermatomyositis
# lies too; lupus, in which such a calcification has other causes as often,
# leaves it indeterminate.
@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("HISTORY: Diffuse scleroderma.\nFINDINGS: Amorphous soft tissue calcification at the left fingertip.", "dystrophic"),
        ("HISTORY: Juvenile dermatomyositis.\nFINDINGS: Sheetlike soft tissue calcifications of the right thigh.", "dystrophic"),
        ("HISTORY: SLE.\nFINDINGS: Amorphous soft tissue calcification at the left fingertip.", "indeterminate"),
    ],
)
def test_soft_tissue_with_a_calcinosis_disease_is_dystrophic(findings_of, text, cls):
    (f,) = findings_of(text)
    assert f.classification == cls


# Guide §4 (evidence): the words of the report that made the rule fire. A
# cue quotes its own words, those of its name nearest the finding (its own
# sentence first), never the words with which the report names the same
# cause or condition elsewhere; a cause named in another sentence quotes
# the nearest of those at the finding's place, not another place's.
def test_a_cue_quotes_its_own_words():
    x = Features(
        **LUNG,
        cues=(CueRecord("tuberculosis", 1, "old TB"),),
        causes_elsewhere=(CauseRecord("tuberculosis", "spleen", words="TB"),),
        condition_words=(("tuberculosis", "tuberculosis"),),
    )
    assert classify(x).evidence == 'rule1: tuberculosis "old TB"'


def test_a_cue_quotes_the_nearest_of_its_name():
    far = CueRecord("granuloma", 1, "granulomatous", near=9)
    near = CueRecord("granuloma", 1, "granulomas", near=2)
    for cues in ((far, near), (near, far)):
        assert (
            classify(Features(**LUNG, cues=cues)).evidence
            == 'rule1: granuloma "granulomas"'
        )


def test_a_cause_elsewhere_quotes_the_nearest_at_the_findings_place():
    x = Features(
        site="breast",
        laterality="left",
        at=40,
        causes_elsewhere=(
            CauseRecord("prior surgery", "breast", "left", words="lumpectomy", at=30),
            CauseRecord("prior surgery", "colon", words="colectomy", at=45),
            CauseRecord("prior surgery", "breast", "left", words="excision", at=2),
        ),
        condition_words=(("prior surgery", "s/p"),),
    )
    assert classify(x).evidence == (
        'rule4: prior surgery "lumpectomy" at breast (left) named in another sentence'
    )


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # the history names the cause in other words
        (
            "HISTORY: Uterine leiomyomata, menorrhagia.\n"
            "FINDINGS: Enlarged uterus. A 4 cm posterior fibroid is densely calcified.",
            'rule1: fibroid, leiomyoma "fibroid"',
        ),
        (
            "HISTORY: Hx TB in childhood.\n"
            "FINDINGS: Calcified right hilar lymph nodes, sequelae of old tuberculous infection.",
            'rule1: tuberculosis "tuberculous"',
        ),
        (
            "HISTORY: Remote splenic infarcts.\n"
            "FINDINGS: Calcified spleen, consistent with old infarction.",
            'rule1: infarct "infarction"',
        ),
        # another sentence names a cause of the same name at another place
        (
            "FINDINGS: Moderate calcified plaque in the infrarenal aorta.\n"
            "IMPRESSION: Aortic atherosclerosis.",
            'rule1: atherosclerotic plaque "plaque"',
        ),
        # the finding's own sentence before the next one, which points back
        (
            "Granulomas, as noted on the prior study, and calcified nodules. "
            "These are granulomas.",
            'rule1: granuloma "Granulomas"',
        ),
    ],
)
def test_evidence_quotes_the_findings_own_words(findings_of, text, evidence):
    (f,) = findings_of(text)
    assert f.evidence == evidence
    assert all(q in f.sentence for q in f.evidence.split('"')[1::2])


def test_evidence_quotes_the_cause_at_the_findings_place(findings_of):
    text = (
        "HISTORY: Prior appendectomy.\nFINDINGS: The left carotid bulb is calcified.\n"
        "Prior left carotid endarterectomy."
    )
    (f,) = findings_of(text)
    assert f.classification == "dystrophic"
    assert 'prior surgery "endarterectomy" at carotid artery (left)' in f.evidence
    assert "appendectomy" not in f.evidence


# Guide §4 rule 3 blocked by a normal calcium at a site it favours (lung) with
# no rule 4 to fall to: the evidence says the rule was blocked, never that
# the lung is not metastatic-prone.
def test_blocked_rule3_at_a_prone_site_says_so():
    sarcoid_lung = Features(**LUNG, conditions=(SARCOID,), labs=(NORMAL_CA,))
    result = classify(sarcoid_lung)
    assert result.classification == "indeterminate"
    assert "not metastatic-prone" not in result.evidence
    assert "rule3 blocked by serum calcium 9.6 mg/dL (normal)" in result.evidence
    said = classify(Features(**LUNG, conditions=(SARCOID,), calcium_said_normal=True))
    assert "rule3 blocked by serum calcium stated normal" in said.evidence


def test_systemic_at_a_site_it_does_not_favour_says_so():
    result = classify(Features(site="pericardium", conditions=(SARCOID,)))
    assert result.evidence.endswith("but site pericardium not metastatic-prone")


# Rule 4 once the lesions are known (classify.by_restated_cause, by_given_site)

_CAUSE = 'rule1: granuloma "calcified left upper lobe granuloma"'


@pytest.mark.parametrize(
    "classification, evidence, expected",
    [
        (
            INDETERMINATE,
            _CAUSE,
            'rule4: granuloma "calcified left upper lobe granuloma" at lung (left)'
            " named for the same lesion in another sentence",
        ),
        (DYSTROPHIC, _CAUSE, None),  # a class a rule gave stands
        (METASTATIC, _CAUSE, None),
        (INDETERMINATE, "rule4: site breast (dystrophic-prone)", None),  # no rule-1 cause
    ],
)
def test_by_restated_cause(classification, evidence, expected):
    got = by_restated_cause(classification, "lung", "left", evidence)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert (got.classification, got.rule, got.confidence) == (DYSTROPHIC, 4, BASE[4])
        assert got.evidence == expected


@pytest.mark.parametrize(
    "classification, info, classed",
    [
        (INDETERMINATE, {"dystrophic_prone": True}, True),
        (INDETERMINATE, {"dystrophic_prone": True, "metastatic_prone": True}, False),
        (INDETERMINATE, {}, False),
        (METASTATIC, {"dystrophic_prone": True}, False),
    ],
)
def test_by_given_site(classification, info, classed):
    got = by_given_site(classification, "breast", info)
    assert (got is not None) == classed
    if got is not None:
        assert (got.classification, got.rule, got.confidence) == (DYSTROPHIC, 4, BASE[4])
        assert got.evidence == (
            "rule4: site breast (dystrophic-prone), given by the lesion it restates"
        )
    assert by_given_site(classification, "", info) is None  # no site: nothing to go by
