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
        # the plural names the same condition as the singular
        ("Bilateral neonatal adrenal hemorrhages.", [("hematoma", "dystrophic")]),
        ("Old cerebral haemorrhages.", [("hematoma", "dystrophic")]),
        # a premature infant's brain bleeds, written as neonatology writes them
        ("Known grade III IVH on the right.", [("hematoma", "dystrophic")]),
        ("Former 25-weeker with bilateral grade II GMH-IVH.", [("hematoma", "dystrophic")]),
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
        "Evaluate for IVH.",
        "No IVH or GMH.",
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
    # 'now' or 'currently' before a flag said before the value
    ("Serum calcium now normal at 9.1 mg/dL.", "serum_calcium", 9.1, "normal"),
    ("calcium is currently elevated at 11.0", "serum_calcium", 11.0, "high"),
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
        # a number that goes on past its digits is no value of the name: it
        # was read from its first digit ('1' as 1 mmol/L, flagged low)
        "Calcium 1x10 mg/dL",
        "Calcium 1e4 mg/dL",
        "Calcium 1/2 mg/dL",
        "Calcium 123456 mg/dL",
        "CA 19-9 is pending",  # the tumour marker, read as calcium 19 (high)
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


FINDING = "\nFINDINGS: Calcified granuloma."

# guide §3: radiation named as the treatment that came after another one
RADIATION_AFTER = [
    "HISTORY: Right mastectomy in 2016, followed by radiation.",
    "HISTORY: Lymphoma, chemotherapy then radiation.",
    "HISTORY: Wide excision and adjuvant radiation for sarcoma.",
    "HISTORY: Prostatectomy, later salvage radiation.",
]

# ... but not the service that follows the patient, nor a treatment denied
RADIATION_NOT = [
    "HISTORY: She is followed by radiation oncology.",
    "HISTORY: No adjuvant radiation was given.",
]


@pytest.mark.parametrize("text", RADIATION_AFTER)
def test_radiation_after_another_treatment_is_radiation_therapy(analyzer, text):
    names = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert "radiation therapy" in names


@pytest.mark.parametrize("text", RADIATION_NOT)
def test_radiation_service_or_denied_is_no_condition(analyzer, text):
    names = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert "radiation therapy" not in names


# guide §3 (degenerated or stenotic valves, aortic stenosis among them): the
# abbreviation AS in a report written in mixed case names it; the word 'as'
# in lower case or in a run of capitals does not.
AS_ABBREVIATION = [
    "HISTORY: Moderate AS, followed by cardiology.\nFINDINGS: Calcified granuloma.",
    "INDICATION: s/p TAVR for AS.\nFINDINGS: Calcified granuloma.",
]
AS_WORD = [
    "HISTORY: Cough as before.\nFINDINGS: Calcified granuloma.",
    "HISTORY: COUGH. SAME AS PRIOR.\nFINDINGS: Calcified granuloma.",
]


@pytest.mark.parametrize("text", AS_ABBREVIATION)
def test_as_abbreviation_is_aortic_stenosis(analyzer, text):
    assert "aortic stenosis" in [c.name for c in analyzer.analyze(text, "T").conditions]


@pytest.mark.parametrize("text", AS_WORD)
def test_the_word_as_is_no_condition(analyzer, text):
    assert "aortic stenosis" not in [c.name for c in analyzer.analyze(text, "T").conditions]


# guide §3 names stenotic heart valves as a dystrophic cause; a stenotic
# mitral valve is its own condition, so a report naming only it does not list
# aortic stenosis, and one naming both lists both.
VALVE_STENOSES = [
    ("ECHO: Thickened leaflets, moderate mitral stenosis.\nMitral annular calcification.",
     {"mitral stenosis"}),
    ("HISTORY: Rheumatic mitral valve stenosis.\nFINDINGS: Calcified mitral leaflets.",
     {"mitral stenosis"}),
    ("ECHO: Severe aortic stenosis. Mild mitral stenosis.\nCalcified aortic cusps.",
     {"aortic stenosis", "mitral stenosis"}),
    ("ECHO: Severe aortic stenosis. No mitral stenosis.\nCalcified aortic cusps.",
     {"aortic stenosis"}),
]


@pytest.mark.parametrize(("text", "expected"), VALVE_STENOSES)
def test_each_stenotic_valve_is_its_own_condition(analyzer, text, expected):
    names = {c.name for c in analyzer.analyze(text, "T").conditions}
    assert names & {"aortic stenosis", "mitral stenosis"} == expected


# guide §3: a condition stated only as the likelier reading is hedged, so
# not recorded, with no verb before 'favored' as much as after 'is', and
# both readings of 'more likely than' are items of a differential.
LIKELIER_READING = [
    ("IMPRESSION: Bilateral hilar nodes, sarcoidosis favored.", "sarcoidosis"),
    ("IMPRESSION: Diffuse nodules; tuberculosis favored, culture pending.", "tuberculosis"),
    ("IMPRESSION: Adenopathy. Sarcoid is more likely than lymphoma.", "sarcoidosis"),
    ("IMPRESSION: Adenopathy. Sarcoid is more likely than lymphoma.", "lymphoma"),
]


@pytest.mark.parametrize(("text", "name"), LIKELIER_READING)
def test_likelier_reading_is_no_condition(analyzer, text, name):
    found = analyzer.analyze(text + "\nFINDINGS: Calcified granuloma.", "T").conditions
    assert name not in [c.name for c in found]


def test_condition_said_outright_is_still_recorded(analyzer):
    text = "HISTORY: Sarcoidosis, favored treatment is prednisone.\nFINDINGS: Calcified granuloma."
    assert "sarcoidosis" in [c.name for c in analyzer.analyze(text, "T").conditions]


# guide §3: a planned procedure is no condition, but the disease a 'pre-op'
# line lists after a comma is the patient's; a procedure there is still the
# planned one.
PREOP_THEN_DISEASE = [
    ("INDICATION: Preoperative chest, severe aortic stenosis.", "aortic stenosis"),
    ("INDICATION: Pre-op clearance, CKD stage 4.", "chronic kidney disease"),
    ("INDICATION: Pre-transplant workup, sarcoidosis.", "sarcoidosis"),
]


@pytest.mark.parametrize(("text", "name"), PREOP_THEN_DISEASE)
def test_disease_after_preop_comma_is_recorded(analyzer, text, name):
    found = analyzer.analyze(text + "\nFINDINGS: Calcified granuloma.", "T").conditions
    assert name in [c.name for c in found]


def test_procedure_after_preop_comma_is_still_planned(analyzer):
    text = "INDICATION: Preoperative, right knee arthroplasty.\nFINDINGS: Calcified granuloma."
    assert "prior surgery" not in [c.name for c in analyzer.analyze(text, "T").conditions]


# guide §3: a condition stated as a reading by a participle right after its
# name ('favored over', 'suspected') is hedged, not recorded.
CONDITION_THEN_HEDGE = [
    ("IMPRESSION: Bilateral hilar nodes; sarcoid favored over lymphoma.", "sarcoidosis"),
    ("IMPRESSION: Cavitary nodule, tuberculosis suspected; isolation advised.", "tuberculosis"),
    ("IMPRESSION: Nodes, lymphoma presumed pending biopsy.", "lymphoma"),
]


@pytest.mark.parametrize(("text", "name"), CONDITION_THEN_HEDGE)
def test_condition_followed_by_hedge_is_not_recorded(analyzer, text, name):
    found = analyzer.analyze(text + "\nFINDINGS: Calcified granuloma.", "T").conditions
    assert name not in [c.name for c in found]


# the graded abbreviation reads the same in a report exported in capitals
# or lower case, and 'as mild as' or 'mild as expected' name nothing
GRADED_AS = [
    ("INDICATION: SEVERE AS, PRE-TAVR.\nFINDINGS: CALCIFIED GRANULOMA.", True),
    ("indication: moderate as. findings: calcified granuloma.", True),
    ("HISTORY: Cough, as mild as before.\nFINDINGS: Calcified granuloma.", False),
    ("HISTORY: Effusion is mild as expected.\nFINDINGS: Calcified granuloma.", False),
]


@pytest.mark.parametrize(("text", "named"), GRADED_AS)
def test_graded_as_in_any_case(analyzer, text, named):
    names = [c.name for c in analyzer.analyze(text, "T").conditions]
    assert ("aortic stenosis" in names) == named


# surgery still to come ('before surgery', 'awaiting surgery', 'upcoming
# surgery', the risk of the surgery a preoperative consult weighs) is planned,
# not an earlier operation (guide §3: planned procedures are not recorded).
PLANNED_SURGERY = [
    ("PLAN: Optimize blood pressure before surgery.", []),
    ("He is awaiting surgery on the left hip.", []),
    ("Hold apixaban until surgery.", []),
    ("ASSESSMENT: Intermediate-risk surgery; may proceed.", []),
    ("Cardiac clearance for upcoming surgery.", []),
    ("HISTORY: Prior surgery on the left knee.", ["prior surgery"]),
    # on a waiting list for the operation, with or without a copula
    ("HISTORY: ESRD, waitlisted for a kidney transplant.", ["chronic kidney disease"]),
    ("HISTORY: Polycystic kidneys, listed for a renal transplant.", []),
    ("HISTORY: Renal transplant in 2015, now failing.", ["prior surgery"]),
]


@pytest.mark.parametrize(("text", "names"), PLANNED_SURGERY)
def test_planned_surgery_is_no_condition(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + "\nAortic calcification.", "T").conditions]
    assert got == names


# a year after an abbreviation is the date of the event it names ('MVA
# 2015': a motor vehicle accident that year), not a measure that makes it
# another word ('MVA 1.2 cm2', a mitral valve area) (guide §3: trauma).
DATED_ABBREVIATION = [
    ("HISTORY: Post-MVA 2012, now with flank pain.", ["trauma"]),
    ("PMH: MVA 2019. Hypertension.", ["trauma"]),
    ("ECHO: MVA 1.1 cm2, moderate stenosis.", []),
]


@pytest.mark.parametrize(("text", "names"), DATED_ABBREVIATION)
def test_abbreviation_before_a_year(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + "\nCalcified splenic granuloma.", "T").conditions]
    assert got == names


# guide §3: a 'versus' sets the two words either side of it against each
# other; a condition a comma parts from them is stated, not a reading, while
# a differential of readings joined by commas and 'or' stays hedged.
CONDITION_BEFORE_TWO_READINGS = [
    ("INDICATION: 45M, hypercalcemia, sarcoidosis vs lymphoma.", ["hypercalcemia"]),
    ("Hx: ESRD, calciphylaxis versus vasculitis.", ["chronic kidney disease"]),
    ("History: CKD 4, nephrocalcinosis vs. medullary sponge kidney.", ["chronic kidney disease"]),
    ("INDICATION: sarcoidosis vs lymphoma.", []),
    ("INDICATION: sarcoidosis, lymphoma or tuberculosis.", []),
]


@pytest.mark.parametrize(("text", "names"), CONDITION_BEFORE_TWO_READINGS)
def test_condition_before_a_two_reading_hedge_is_stated(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + "\nCalcification in the right kidney.", "T").conditions]
    assert got == names


def test_condition_before_a_two_reading_hedge_classifies(analyzer):
    text = "Hx: ESRD, calciphylaxis vs vasculitis.\nCalcified vessels of the thigh."
    finding = [f for f in analyzer.analyze(text, "T").findings if f.mention.startswith("Calcified")][0]
    assert (finding.classification, finding.evidence.split(":")[0]) == ("metastatic", "rule3")


# guide §3, metastatic category: the shorthand of renal and endocrine clinics
# and of problem lists names the same systemic disorders.
SYSTEMIC_SHORTHAND = [
    ("Hx: 2HPT on binders.", "hyperparathyroidism"),
    ("Hx: 3HPT, awaiting review.", "hyperparathyroidism"),
    ("PMH: secondary HPTH.", "hyperparathyroidism"),
    ("History: PTH elevated.", "hyperparathyroidism"),
    ("Reason: raised PTH.", "hyperparathyroidism"),
    ("Hx: vit D toxicity from supplements.", "hypervitaminosis d"),
    ("Hx: vitamin D overdose.", "hypervitaminosis d"),
    ("Reason: raised calcium.", "hypercalcemia"),
    ("Hx: high phos despite sevelamer.", "hyperphosphatemia"),
    ("PMH: ESRF.", "chronic kidney disease"),
    ("Hx: end-stage renal failure.", "chronic kidney disease"),
    ("Dx: calcium-alkali syndrome.", "milk-alkali syndrome"),
    ("Hx: dRTA.", "renal tubular acidosis"),
    ("Hx: osteolytic mets.", "bone metastases"),
]


@pytest.mark.parametrize(("text", "name"), SYSTEMIC_SHORTHAND)
def test_systemic_condition_shorthand(analyzer, text, name):
    got = [c.name for c in analyzer.analyze(text + "\nCalcification in the right lower lobe.", "T").conditions]
    assert got == [name]


def test_raised_calcium_score_is_no_condition(analyzer):
    text = "Raised calcium score for age.\nCalcification in the LAD."
    assert [c.name for c in analyzer.analyze(text, "T").conditions] == []


# a case-sensitive abbreviation clinics write in mixed case matches as
# written and in capitals, never as a lower-case word (guide §3)
MIXED_CASE_ABBREVIATIONS = [
    ("Hx: SSc, Raynaud phenomenon.", ["systemic sclerosis"]),
    ("HX: SSC, RAYNAUD PHENOMENON.", ["systemic sclerosis"]),
    ("PMH: CKD 5D, sHPT on cinacalcet.", ["chronic kidney disease", "hyperparathyroidism"]),
    ("PMH: SHPT.", ["hyperparathyroidism"]),
]


@pytest.mark.parametrize(("text", "names"), MIXED_CASE_ABBREVIATIONS)
def test_mixed_case_abbreviation_names_its_condition(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + "\nCalcified granuloma.", "T").conditions]
    assert got == names


def test_mixed_case_abbreviation_classifies_skin_calcinosis(analyzer):
    text = "Hx: SSc.\nHand XR: Calcinosis cutis of the fingertips."
    finding = analyzer.analyze(text, "T").findings[0]
    assert finding.classification == "dystrophic"
    assert "systemic sclerosis" in finding.evidence


# guide §3: '? cause' asks why a condition is there, it does not hedge it;
# a question mark on the condition itself still does.
QUESTION_OF_CAUSE = [
    ("Hx: Hypercalcemia ? cause", ["hypercalcemia"]),
    ("Reason: hypercalcaemia, ?aetiology.", ["hypercalcemia"]),
    ("Reason: CKD ? etiology, ?myeloma", ["chronic kidney disease"]),
    ("Reason: ? hypercalcemia", []),
    ("Reason: hypercalcemia?", []),
]


@pytest.mark.parametrize(("text", "names"), QUESTION_OF_CAUSE)
def test_question_of_cause_keeps_the_condition(analyzer, text, names):
    result = analyzer.analyze(text + "\nScattered medullary calcifications in both kidneys.", "T")
    assert [c.name for c in result.conditions] == names
    assert result.findings[0].classification == ("metastatic" if names else "indeterminate")


def test_plural_hemorrhages_give_rule_one(findings_of):
    """guide §4 rule 1: a hematoma (a hemorrhage) its sentence names is the
    cause, in the plural as in the singular."""
    f = findings_of("US: Bilateral adrenal hemorrhages with rim calcification.")[-1]
    assert f.classification == "dystrophic"
