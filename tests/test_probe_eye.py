"""Ophthalmology notes, radiation oncology notes and interventional
radiology procedure notes (slit-lamp and fundus exams with OD/OS/OU,
simulation and brachytherapy notes, access and targeting lines).

Every report here is fictional and written for this file. The expected
values are read from docs/guide.md and corpora/GUIDE.md, not from the
program.
"""

from __future__ import annotations

import json

import pytest

from calc_nlp.errors import PatternError
from calc_nlp.rules import load_rules

from .patterns_copy import copy_patterns

# An organ's "intra-" adjective names the organ as its plain adjective does
# (guide §2, site vocabulary: the name takes in the organ; corpora/GUIDE.md
# site: "the most specific that fits"): the markers and calcifications of a
# radiation oncology simulation note sit "intraprostatic", an IR target
# "intrahepatic".
INTRA_SITES: list[tuple[str, str, str]] = [
    ("CBCT alignment to fiducials; intraprostatic calcifications used as a secondary surrogate.", "calcifications", "prostate"),
    ("Cone beam CT: intraprostatic calcifications noted.", "calcifications", "prostate"),
    ("Intrarenal calcification on the left.", "calcification", "kidney"),
    ("Intrahepatic calcification near the target.", "calcification", "liver"),
    ("Ultrasound: intrathyroidal calcification.", "calcification", "thyroid"),
    ("Intrasplenic calcifications.", "calcifications", "spleen"),
    ("Intratesticular calcification on the right.", "calcification", "scrotum"),
    ("Intravesical calcification.", "calcification", "bladder"),
    ("Intrapancreatic calcifications.", "calcifications", "pancreas"),
    ("Intradermal calcifications of the left arm.", "calcifications", "skin"),
    ("B-scan: intravitreal calcification OD.", "calcification", "eye"),
    ("CT orbits: intraorbital calcification on the right.", "calcification", "eye"),
    # guards: the hyphenated form and the plain adjective stay as they were
    ("Intra-prostatic calcifications noted.", "calcifications", "prostate"),
    ("Prostatic calcifications near the right base.", "calcifications", "prostate"),
    ("Intraocular mass with calcification OS.", "calcification", "eye"),
]


@pytest.mark.parametrize(("text", "word", "site"), INTRA_SITES)
def test_intra_adjective_names_its_organ(finding_with, text, word, site):
    assert finding_with(text, word).site == site


def test_intraprostatic_calcification_is_not_the_iliac_artery(findings_of):
    text = (
        "PROCEDURE: Prostate artery embolization. Findings: tortuous, calcified "
        "internal iliac arteries bilaterally. Intraprostatic calcifications "
        "noted on cone beam CT."
    )
    a, b = findings_of(text)
    assert (a.site, b.site) == ("artery", "prostate")
    assert a.lesion_id != b.lesion_id


# An eye clinic's "SLE" is its slit-lamp examination: the line it labels
# names the structures examined and the eye by OD, OS, OU. It asserts no
# lupus (guide §3: a condition is recorded only when the report asserts it),
# and lupus on the finding's own line would make a corneal deposit in kidney
# disease dystrophic (guide §4 rule 1) instead of metastatic (rule 3).
SLIT_LAMP_LABELS: list[str] = [
    "Hx: ESRD.\nSLE: Cornea with calcific band keratopathy OU.",
    "HPI: 72 yo F with ESRD on HD.\nEXAM:\nVA sc: OD 20/40, OS 20/80\nSLE:\nL/L: normal OU\nK: calcific band keratopathy OU",
    "SLE OU: calcified plaque of the sclera.",
    "Slit lamp exam: calcified plaque on the sclera OD. SLE otherwise normal.",
    "Exam: VA 20/20 OU, IOP 15/16, SLE unremarkable OU. Calcified scleral plaque OD.",
    "ESRD on dialysis.\nSLE/DFE:\nCornea: calcific band keratopathy OS",
]


@pytest.mark.parametrize("text", SLIT_LAMP_LABELS)
def test_slit_lamp_label_is_no_lupus(analyzer, text):
    report = analyzer.analyze(text, "r")
    assert "lupus" not in {c.name for c in report.conditions}
    assert report.findings


def test_band_keratopathy_on_the_slit_lamp_line_stays_metastatic(finding_with):
    text = "Hx: ESRD.\nSLE: Cornea with calcific band keratopathy OU."
    f = finding_with(text, "keratopathy")
    assert (f.site, f.laterality, f.classification) == ("cornea", "bilateral", "metastatic")


# guards: lupus written as SLE in a history, a problem list or brackets stays
LUPUS_AS_SLE: list[str] = [
    "PMH: SLE, ESRD.\nCalcification of the left breast.",
    "HPI: 45F with SLE on hydroxychloroquine, here for OCT OU. Calcified drusen OD.",
    "1. SLE - on plaquenil.\n2. Calcified drusen OS.",
    "Systemic lupus erythematosus (SLE). Calcinosis cutis of the left forearm.",
    "SLE: on HCQ.\nCalcinosis cutis of the left forearm.",
    "PMH:\nSLE\nCalcinosis of the right hand.",
]


@pytest.mark.parametrize("text", LUPUS_AS_SLE)
def test_sle_in_a_history_is_lupus(analyzer, text):
    report = analyzer.analyze(text, "r")
    assert "lupus" in {c.name for c in report.conditions}


def test_exam_label_must_name_a_word_list(tmp_path):
    d = copy_patterns(tmp_path)
    path = d / "conditions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    lupus = next(c for c in data["conditions"] if c["id"] == "K-lupus")
    next(t for t in lupus["terms"] if t["term"] == "sle")["exam_label"] = "no_such_list"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PatternError, match="exam_label must name a word list"):
        load_rules(d)


# An IR note's "access site" is the vessel its access line names: a plaque
# "at the access site" sits in that artery, with its side (guide §2, site and
# side from context, step 4: an earlier mention the sentence points back to,
# as "the vessel" does; the procedure line when the sentence names none).
ACCESS_SITES: list[tuple[str, str, str, str]] = [
    (
        "PROCEDURE: Right common femoral artery access for uterine fibroid embolization.\n"
        "FINDINGS: Calcified plaque at the access site; access obtained slightly more "
        "proximally. Bilateral uterine arteries embolized to stasis.",
        "Calcified plaque", "artery", "right",
    ),
    ("Procedure: Left CFA access. Calcified plaque at the access site.", "Calcified plaque", "artery", "left"),
    (
        "Ultrasound of the left groin showed a patent left CFA. Calcified plaque at the "
        "access site. Closure device deployed.",
        "Calcified plaque", "artery", "left",
    ),
    (
        "Technique: access via the right radial artery. Moderate calcification at the "
        "arteriotomy site.",
        "calcification", "artery", "right",
    ),
    # guards: a vessel the sentence names itself wins
    ("Right IJ vein access. Calcified plaque noted in the right common carotid artery.", "Calcified plaque", "carotid artery", "right"),
    ("Access: right CFA. Mild calcified plaque of the left SFA.", "calcified plaque", "artery", "left"),
]


@pytest.mark.parametrize(("text", "mention", "site", "side"), ACCESS_SITES)
def test_access_site_is_the_access_vessel(finding_named, text, mention, site, side):
    f = finding_named(text, mention)
    assert (f.site, f.laterality) == (site, side)


# A liver-directed treatment an IR note names (TACE, chemoembolization,
# radioembolization, Y-90, SIRT) delivers chemotherapy or radiation to the
# tumour: a calcification its sentence ties to it is a treated tumour's
# (guide §3, damage from radiotherapy or chemotherapy; guide §4 rule 1).
LIVER_DIRECTED: list[tuple[str, str, str]] = [
    ("Liver lesion with calcified rim from prior TACE.", "rim", "chemotherapy"),
    ("Segment 7 hepatic lesion, status post chemoembolization, now densely calcified.", "calcified", "chemotherapy"),
    ("Hepatic lesion with calcification after Y-90 radioembolization.", "calcification", "radiation therapy"),
    ("Right hepatic lesion post-TACE with dense lipiodol and calcification.", "calcification", "chemotherapy"),
    ("Hepatic metastasis with calcification after SIRT.", "calcification", "radiation therapy"),
]


@pytest.mark.parametrize(("text", "word", "condition"), LIVER_DIRECTED)
def test_liver_directed_treatment_is_a_cause(analyzer, finding_with, text, word, condition):
    assert condition in {c.name for c in analyzer.analyze(text, "r").conditions}
    assert finding_with(text, word).classification == "dystrophic"


# guards: a treatment only planned names no condition
def test_planned_tace_is_no_condition(analyzer):
    report = analyzer.analyze(
        "Plan: TACE of the segment 8 lesion next week. Coarse calcification in the liver.", "r"
    )
    assert "chemotherapy" not in {c.name for c in report.conditions}
    assert report.findings[0].classification == "indeterminate"


# The eye's Latin sides as dictation transcribes them, with their stops and
# in either case (O.D., O.S., O.U., o.u.), are sides as OD, OS, OU are
# (guide §2: abbreviated sides count), and end the phrase before them.
DOTTED_EYE_SIDES: list[tuple[str, str, str]] = [
    ("Exam notable for calcific band keratopathy O.S.", "calcific band keratopathy", "left"),
    ("Calcific band keratopathy O.S. and early cataract.", "Calcific band keratopathy", "left"),
    ("Calcific band keratopathy, O.D.", "Calcific band keratopathy", "right"),
    ("Calcified drusen, O.U.", "Calcified drusen", "bilateral"),
    ("calcified drusen o.s.", "calcified drusen", "left"),
    ("Calcific band keratopathy, o.u.", "Calcific band keratopathy", "bilateral"),
    # guards: the plain capitals stay
    ("Calcified drusen OS.", "Calcified drusen", "left"),
    ("Calcific band keratopathy OU, worse OS.", "Calcific band keratopathy", "bilateral"),
]


@pytest.mark.parametrize(("text", "mention", "side"), DOTTED_EYE_SIDES)
def test_dotted_eye_side(findings_of, text, mention, side):
    (f,) = findings_of(text)
    assert (f.mention.lower(), f.laterality) == (mention.lower(), side)


# A place adverb after the head ('nasally', 'temporally', 'centrally')
# cannot continue the noun phrase: the bare 'calcific' or 'calcified' runs
# to its head as before a side or a comma (guide §1, the span is the noun
# phrase; mentions.json phrase_followers).
ADVERB_ENDS_PHRASE: list[tuple[str, str]] = [
    ("Calcific band keratopathy nasally.", "Calcific band keratopathy"),
    ("Cornea: calcific band keratopathy centrally and nasally OD.", "calcific band keratopathy"),
    ("RIGHT EYE:\nCornea: calcific band keratopathy nasally.", "calcific band keratopathy"),
    ("Calcified aorta diffusely.", "Calcified aorta"),
    # guard: a predicate keeps its one word
    ("The right CFA was heavily calcified anteriorly.", "calcified"),
]


@pytest.mark.parametrize(("text", "mention"), ADVERB_ENDS_PHRASE)
def test_place_adverb_ends_the_phrase(findings_of, text, mention):
    (f,) = findings_of(text)
    assert f.mention == mention


# The parts of the eye a fundus or slit-lamp line names (macula, fovea,
# iris) are the eye's (guide §2 site vocabulary: eye, "the globe, optic disc,
# lens, conjunctiva and the rest of the eye").
EYE_PARTS: list[tuple[str, str]] = [
    ("Macula: small calcification OD.", "calcification"),
    ("Iris: calcification OD.", "calcification"),
    ("Fundus exam: there are calcifications within the macula of the right eye.", "calcifications"),
    ("Calcification at the fovea OS.", "Calcification"),
    ("Calcified drusen in the macular region OD.", "drusen"),
]


@pytest.mark.parametrize(("text", "word"), EYE_PARTS)
def test_eye_part_is_the_eye(finding_with, text, word):
    assert finding_with(text, word).site == "eye"


# A fundus exam's label ('DFE:', 'Fundus OD:', 'Funduscopic exam') names
# the eye it looks into (guide §2, site and side from context, step 4: a
# label line above the finding); the fundus of the uterus stays the uterus's.
FUNDUS_LABELS: list[tuple[str, str, str, str]] = [
    ("DFE: No calcifications OU.", "calcifications", "eye", "bilateral"),
    ("Fundus OD: scattered calcifications.", "calcifications", "eye", "right"),
    ("Funduscopic exam shows a calcified plaque OS.", "plaque", "eye", "left"),
    ("Fundus photos: calcification inferior to the arcade OD.", "calcification", "eye", "right"),
    # guards
    ("Uterus: fundus with calcified fibroid.", "fibroid", "uterus", ""),
    ("Calcified fibroid in the fundus.", "fibroid", "uterus", ""),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), FUNDUS_LABELS)
def test_fundus_label_is_the_eye(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# A sentence that opens on the thing a procedure works on ('The nodule',
# 'The target nodule', 'The index lesion') points back to the target the
# procedure line named, and its calcification takes that target's side,
# across the findings header between them (corpora/GUIDE.md laterality: a
# finding that refers back to an earlier mention takes its side; guide §2
# step 4).
TARGET_SIDES: list[tuple[str, str, str]] = [
    ("PROCEDURE: CT-guided lung biopsy, left lower lobe. The target nodule contains central calcification.", "lung", "left"),
    ("PROCEDURE: CT-guided left lower lobe lung biopsy.\nFINDINGS: The target nodule contains central calcification.", "lung", "left"),
    ("PROCEDURE: CT-guided biopsy of a left lower lobe nodule.\nFINDINGS: The nodule contains central calcification.", "lung", "left"),
    ("PROCEDURE: Left thyroid nodule FNA. FINDINGS: The nodule has coarse calcifications.", "thyroid", "left"),
    ("Ultrasound-guided biopsy of a right thyroid nodule. The index nodule has coarse calcifications.", "thyroid", "right"),
    # guards: a denied finding, or a sentence that names its own side
    ("PROCEDURE: Left thyroid nodule FNA. FINDINGS: The nodule has no calcifications.", "thyroid", ""),
    ("Biopsy of a left thyroid nodule. The right nodule has coarse calcifications.", "thyroid", "right"),
]


@pytest.mark.parametrize(("text", "site", "side"), TARGET_SIDES)
def test_procedure_target_gives_its_side(findings_of, text, site, side):
    (f,) = findings_of(text)
    assert (f.site, f.laterality) == (site, side)


# The same sentence names the target's place too: 'The mass' after the
# procedure line's 'Right renal mass cryoablation', across the findings
# header, lies in that kidney (guide §2 step 4: an earlier mention the
# sentence points back to). A sentence naming no lesion keeps the header's
# new topic.
TARGET_SITES: list[tuple[str, str, str]] = [
    ("PROCEDURE: Right renal mass cryoablation.\nFINDINGS: The mass has peripheral calcification.", "kidney", "right"),
    ("PROCEDURE: Percutaneous biopsy of a left adrenal nodule.\nFINDINGS: The target nodule contains a focus of calcification.", "adrenal gland", "left"),
    ("A 3 cm right renal mass. The mass contains peripheral calcification.", "kidney", "right"),
    # guard: no lesion pointed back to across the header
    ("PROCEDURE: Right renal mass cryoablation.\nFINDINGS: Scattered calcification.", "", ""),
]


@pytest.mark.parametrize(("text", "site", "side"), TARGET_SITES)
def test_procedure_target_gives_its_site(findings_of, text, site, side):
    (f,) = findings_of(text)
    assert (f.site, f.laterality) == (site, side)


# A tumour regressed under treatment is a treated tumour: its calcification
# is dystrophic (guide §4 rule 1, a necrotic or treated tumour), as an
# ocular oncology note's 'regressed retinoblastoma' calcifies.
REGRESSED_TUMOURS: list[tuple[str, str]] = [
    ("Right eye with a regressed tumor showing complete calcification (type 1 regression).", "dystrophic"),
    ("Regressed retinoblastoma with calcification OD.", "dystrophic"),
    # guard: a lesion that regressed, said after it, names no treated tumour
    ("The nodule has regressed and now contains calcification.", "indeterminate"),
]


@pytest.mark.parametrize(("text", "cls"), REGRESSED_TUMOURS)
def test_regressed_tumour_is_treated(findings_of, text, cls):
    (f,) = findings_of(text)
    assert f.classification == cls


# A radiation oncology note's technique abbreviations (EBRT, IGRT, VMAT) and
# 'external beam radiation' are radiation therapy (guide §3, damage from
# radiotherapy); after 'S/P' they name the radiation, no earlier surgery.
RADIATION_TECHNIQUES: list[str] = [
    "S/P EBRT to the prostate. Coarse prostatic calcifications.",
    "Completed IGRT to the prostate in 2019. Coarse prostatic calcifications.",
    "History of external beam radiation to the prostate. Prostatic calcifications.",
    "Status post VMAT for left breast cancer. Calcifications in the left breast.",
]


@pytest.mark.parametrize("text", RADIATION_TECHNIQUES)
def test_radiation_technique_is_radiation_therapy(analyzer, text):
    names = {c.name for c in analyzer.analyze(text, "r").conditions}
    assert "radiation therapy" in names and "prior surgery" not in names


def test_planned_ebrt_is_no_condition(analyzer):
    report = analyzer.analyze("Plan: EBRT 78 Gy. Prostatic calcifications.", "r")
    assert "radiation therapy" not in {c.name for c in report.conditions}
