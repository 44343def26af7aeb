"""Associated conditions (guide §3) and laboratory values."""

from __future__ import annotations

import pytest

from calc_nlp.labs import LabParser, summarise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HISTORY: ESRD on HD.", [("chronic kidney disease", "metastatic")]),
        (
            "Indication: CKD-4, secondary hyperparathyroidism.",
            [
                ("chronic kidney disease", "metastatic"),
                ("hyperparathyroidism", "metastatic"),
            ],
        ),
        ("Hx sarcoidosis.", [("sarcoidosis", "metastatic")]),
        ("Breast cancer metastatic to bone.", [("bone metastases", "metastatic")]),
        # skeletal metastases named by the bone, or with the primary between
        ("Known rib metastases.", [("bone metastases", "metastatic")]),
        ("Lung carcinoma with metastases to the spine.", [("bone metastases", "metastatic")]),
        ("Metastatic thyroid cancer to the bones.", [("bone metastases", "metastatic")]),
        # radiation given: a verb of treatment or the treated region before it
        ("She completed radiation in 2015.", [("radiation therapy", "dystrophic")]),
        ("Thoracic radiation for a lung primary.", [("radiation therapy", "dystrophic")]),
        ("Known scleroderma.", [("systemic sclerosis", "dystrophic")]),
        ("s/p left lumpectomy.", [("prior surgery", "dystrophic")]),
        ("Type 2 diabetes mellitus.", [("diabetes mellitus", "other")]),
        ("Fahr disease.", [("fahr disease", "other")]),
        # an abbreviated preoperative-diagnosis heading names the patient's
        # diagnosis, not a planned one
        ("PREOP DX: Osteoarthritis, right hip.", [("osteoarthritis", "dystrophic")]),
        ("Pre-op diagnosis: ESRD.", [("chronic kidney disease", "metastatic")]),
    ],
)
def test_conditions(analyzer, text, expected):
    result = analyzer.analyze(text + "\nPelvic phleboliths.", "T")
    assert [(c.name, c.category) for c in result.conditions] == expected


@pytest.mark.parametrize(
    "text",
    [
        "No history of CKD.",
        "Evaluate for sarcoidosis.",
        "Family history of multiple myeloma.",
        # a hedge after the condition with a word between
        "Sarcoidosis is also possible.",
        "Chest radiation dose was kept low.",
        # the operation a note reports or plans, timed with 'before'
        "Warfarin was held for five days before her hip replacement.",
        "A partial knee had been considered before surgery.",
        "Radiation dose reduction techniques were used.",
        "HD images were reviewed.".lower(),  # lower-case 'hd' is not hemodialysis
    ],
)
def test_conditions_not_reported(analyzer, text):
    assert analyzer.analyze(text + "\nPelvic phleboliths.", "T").conditions == ()


def test_conditions_only_for_reports_with_findings(analyzer):
    # Conditions are the findings' associated conditions: none without a finding,
    # so the prefilter skipping finding-free reports changes no output.
    assert analyzer.analyze("HISTORY: ESRD on HD.", "T").conditions == ()


def test_historical_condition_is_reported(analyzer):
    (c,) = analyzer.analyze(
        "History of hyperparathyroidism. Pelvic phleboliths.", "T"
    ).conditions
    assert c.name == "hyperparathyroidism" and c.historical


@pytest.fixture(scope="module")
def parser(rules):
    return LabParser(rules.labs)


LABS = [
    ("Ca 11.2", "serum_calcium", 11.2, "high"),
    ("calcium: 2.9 mmol/L", "serum_calcium", 11.623, "high"),
    ("corrected calcium of 10.9 mg/dl", "serum_calcium", 10.9, "high"),
    ("Serum calcium 9.6 (normal).", "serum_calcium", 9.6, "normal"),
    ("Calcium 10.1", "serum_calcium", 10.1, "normal"),
    ("calcium 8.1 mg/dL", "serum_calcium", 8.1, "low"),
    ("Ca 10.4 (H)", "serum_calcium", 10.4, "high"),
    ("calcium was 2.3 mmol/L", "serum_calcium", 9.218, "normal"),
    ("Ionized calcium 1.45 mmol/L", "ionized_calcium", 1.45, "high"),
    ("PTH 450 pg/mL", "pth", 450.0, "high"),
    ("intact PTH 6.5 pmol/L", "pth", 61.295, "normal"),
    ("phos 6.1", "phosphate", 6.1, "high"),
    ("Phosphorus 3.2 mg/dL (2.5-4.5)", "phosphate", 3.2, "normal"),
    ("phosphate 2.1 mmol/L", "phosphate", 6.504, "high"),
    ("Phos 4.0 (ref 2.0-3.5)", "phosphate", 4.0, "high"),
    # the flag said before the value
    ("Serum calcium normal at 9.3.", "serum_calcium", 9.3, "normal"),
    ("Serum calcium has been normal, most recently 9.6 mg/dL.", "serum_calcium", 9.6, "normal"),
    ("Calcium elevated at 11.4.", "serum_calcium", 11.4, "high"),
    ("phosphorus remains high, 7.2", "phosphate", 7.2, "high"),
    # the value in brackets after the flag; 'now' before the value
    ("Serum calcium normal (9.4 mg/dL).", "serum_calcium", 9.4, "normal"),
    ("serum calcium now 9.3, normal", "serum_calcium", 9.3, "normal"),
    ("Calcium today 11.8 mg/dL.", "serum_calcium", 11.8, "high"),
]


@pytest.mark.parametrize(("text", "name", "value", "flag"), LABS)
def test_lab_forms(parser, text, name, value, flag):
    (v,) = parser.parse(text)
    assert (v.name, v.flag) == (name, flag)
    assert v.value == pytest.approx(value, rel=1e-3)


@pytest.mark.parametrize(
    "text",
    [
        "breast ca 2015",
        "calcium score: 0",
        "calcium channel blocker 5 mg",
        "Ca x P product 70",
        "calcium score 150",
        "calcium carbonate 500 mg",
    ],
)
def test_not_lab_values(parser, text):
    assert parser.parse(text) == []


def test_lab_line_is_not_a_finding(findings_of, analyzer):
    assert findings_of("Labs: Calcium 10.1, phosphorus 3.9, PTH 70.") == []
    labs = {
        v.name: v.flag
        for v in analyzer.analyze(
            "Labs: Calcium 10.1, phosphorus 3.9, PTH 70.", "T"
        ).labs
    }
    assert labs == {"serum_calcium": "normal", "phosphate": "normal", "pth": "high"}


def test_summary_prefers_abnormal(parser):
    values = parser.parse("Calcium 9.5 on admission, calcium 11.4 today.")
    (v,) = summarise(values)
    assert (v.value, v.flag) == (11.4, "high")
