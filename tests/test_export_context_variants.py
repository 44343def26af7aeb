"""Sites, sides and conditions from context in the two real export styles
(guide §2 "Site and side from context", §3, §4 rule 3).

Whole short reports written for this file, none taken from a real report:
terse chest x-rays with XXXX masks and transcribed notes whose line breaks
an export turned into commas. Each row gives the fields the guide decides.

- a history item that ends in a digit right before the comma of a joined
  line ("PMH: T2DM, CKD3.,ANGIOGRAPHY: ...") is still read: its full stop is
  split off like a letter's, so the kidney disease counts and a vessel's
  calcification with it is metastatic (rule 3);
- a fluid, air or airspace finding (effusion, pneumothorax, atelectasis,
  consolidation) listed beside the calcification with a bare comma is a
  clause about another structure: its side is not the calcification's;
- so is another finding written with its place before an 'and' that leads
  the mention ('atelectasis in the left base and a calcified granuloma');
- rows that pin §2 rules in these styles: a lobe list naming both lungs, the
  lingula, a label line's side, a mask where the organ would be, an
  anaphor's lobe, and conditions of a relative, a plan or a differential
  left out.
"""

from __future__ import annotations

import pytest

# A comma-joined note whose history list ends with a condition written with
# a digit just before the full stop and the comma of the next heading.
DIGIT_END = [
    (
        "VASCULAR NOTE,HISTORY: , Calf pain.  PMH:  T2DM, CKD3.,ANGIOGRAPHY: ,"
        " The left popliteal artery is calcified.",
        ["diabetes mellitus", "chronic kidney disease"],
    ),
    (
        "CLINIC NOTE,PROBLEMS: , Hypertension; CKD4.,IMAGING: , Calcification"
        " of both femoral arteries.",
        ["chronic kidney disease"],
    ),
    (
        "CONSULT,HISTORY: , Itching.  Known ckd5.,X-RAY HANDS: , Vascular"
        " calcification in the digital arteries.",
        ["chronic kidney disease"],
    ),
]


@pytest.mark.parametrize(("text", "names"), DIGIT_END)
def test_condition_ending_in_digit_before_joined_heading(analyzer, text, names):
    res = analyzer.analyze(text, "T")
    assert sorted(c.name for c in res.conditions) == sorted(names)
    (f,) = res.findings
    assert f.site == "artery"
    assert f.classification == "metastatic"


# (text, expected site, laterality) of the report's only finding.
SIDES = [
    # one finding in a lobe of each lung is bilateral
    (
        "FINDINGS: Calcified granulomas in the RUL and LLL. Heart normal.",
        "lung",
        "bilateral",
    ),
    ("FINDINGS: calcified granuloma lingula\nno effusion", "lung", "left"),
    # a label line gives its side to the finding under it
    (
        "FINDINGS:\nRight upper lobe: 4 mm calcified granuloma.\nHeart: normal size.",
        "lung",
        "right",
    ),
    # a mask where the organ would be: the side still counts, no site
    ("FINDINGS: XXXX calcification in the left XXXX. No pneumothorax.", "", "left"),
    # 'It' points back to the nodule of the sentence before
    (
        "FINDINGS: In the right lower lobe there is a 9 mm nodule. It contains"
        " central calcification.",
        "lung",
        "right",
    ),
    # the other lobe named after 'another' is not this finding's
    (
        "FINDINGS: There is a calcified granuloma in the left upper lobe and"
        " another in the right middle lobe.",
        "lung",
        "left",
    ),
]


@pytest.mark.parametrize(("text", "site", "side"), SIDES)
def test_chest_export_site_and_side(analyzer, text, site, side):
    (f,) = analyzer.analyze(text, "T").findings
    assert (f.site, f.laterality) == (site, side)


# A fluid, air or airspace finding a comma lists beside the calcification is
# a clause about another structure: its side is not the calcification's, on
# either side of the comma; the lung comes from the chest exam.
CHEST = "EXAMINATION: Chest two views XXXX\nFINDINGS: "
OTHER_CLAUSE = [
    (
        "Small left pleural effusion with adjacent atelectasis, calcified"
        " granuloma noted incidentally.",
        "",
    ),
    ("Moderate right pneumothorax, calcified granuloma.", ""),
    ("Calcified granuloma, small right pleural effusion.", ""),
    ("Left basilar consolidation, calcified granuloma unchanged.", ""),
    # the finding's own place after the comma keeps its side
    ("Right basilar atelectasis, calcified granuloma in the left upper lobe.", "left"),
]


@pytest.mark.parametrize(("text", "side"), OTHER_CLAUSE)
def test_comma_listed_other_finding_gives_no_side(analyzer, text, side):
    (f,) = analyzer.analyze(CHEST + text, "T").findings
    assert (f.site, f.laterality) == ("lung", side)


# Another finding with its place phrase before an 'and' ('scarring of the
# right upper lobe and ...'): the place and its side are that finding's.
PLACED_BEFORE_AND = [
    ("Chronic scarring of the right upper lobe and calcified granulomas.", ""),
    ("Atelectasis in the left lung base and a calcified granuloma.", ""),
    ("SUBSEGMENTAL ATELECTASIS AT THE RIGHT BASE AND CALCIFIED GRANULOMAS.", ""),
    # its own place after the 'and' keeps its side
    (
        "Opacity in the right lower lobe and a calcified granuloma in the left apex.",
        "left",
    ),
]


@pytest.mark.parametrize(("text", "side"), PLACED_BEFORE_AND)
def test_other_finding_place_before_and_gives_no_side(analyzer, text, side):
    (f,) = analyzer.analyze(CHEST + text, "T").findings
    assert (f.site, f.laterality) == ("lung", side)


# Conditions a note names but does not assert for the patient (guide §3).
NOT_COUNTED = [
    "FAMILY HISTORY: , Brother with sarcoidosis.,",
    "PLAN: , Parathyroidectomy is planned for next month.,",
    "ASSESSMENT: , Differential includes sarcoidosis versus lymphoma.,",
    "HISTORY: , No history of kidney disease.,",
]


@pytest.mark.parametrize("text", NOT_COUNTED)
def test_unasserted_condition_in_joined_note(analyzer, text):
    res = analyzer.analyze(text + "IMAGING: , Calcified granuloma in the spleen.", "T")
    assert [c.name for c in res.conditions] == []


# An operation a plan still has to book ('to be scheduled', 'will be
# arranged') is planned, not done (guide §3); the disease named beside it
# is the patient's.
PLANNED = [
    (
        "HISTORY: , Hypercalcemia.  Parathyroidectomy to be scheduled.,",
        ["hypercalcemia"],
    ),
    ("HISTORY: , Fibroids.  Hysterectomy will be arranged.,", ["leiomyoma"]),
    ("HISTORY: , Breast mass.  Lumpectomy was arranged for next week.,", []),
    # a second operation the plan names with the first, its name a few words
    # on ('with', 'and'), is planned too
    (
        "HISTORY: , Fibroids.  Plan open abdominal hysterectomy with oophorectomy.,",
        ["leiomyoma"],
    ),
    (
        "HISTORY: , Fibroids.  Plan robotic supracervical hysterectomy and bilateral oophorectomy.,",
        ["leiomyoma"],
    ),
]


@pytest.mark.parametrize(("text", "names"), PLANNED)
def test_operation_still_to_be_booked(analyzer, text, names):
    res = analyzer.analyze(text + "IMAGING: , Calcified granuloma in the spleen.", "T")
    assert [c.name for c in res.conditions] == names
