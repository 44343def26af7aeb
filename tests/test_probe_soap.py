"""Probe of office and progress notes of general medicine, urology and
gynecology (SOAP notes, annual physicals, problem lists, urology and gyn
clinic notes): errors found on made-up notes of that kind, one class per
table."""

from __future__ import annotations

import pytest

# --- a 'CT calcium score' followed straight by its number states the score
# (guide §1: a coronary calcium score is a finding, a score of zero a negated
# one; only the exam's name is no finding)

CT_SCORE_NUMBER = [
    ("Imaging: CT calcium score 0. Assessment: low ASCVD risk.", True, 0),
    ("Health maintenance: CT calcium score 145 (78th percentile).", False, 145),
    ("Labs reviewed. Coronary CT calcium score 45, start statin.", False, 45),
    ("PHYSICAL: cardiac CT calcium score 0 in 2022, no statin.", True, 0),
    # guards: the value after 'was' or a colon is already read
    ("A CT calcium score was 1,240 in XXXX.", False, 1240),
    ("CT calcium score: 0.", True, 0),
]


@pytest.mark.parametrize(("text", "negated", "score"), CT_SCORE_NUMBER)
def test_ct_calcium_score_number(finding_with, text, negated, score):
    f = finding_with(text, "score")
    assert f.negated is negated
    assert f.agatston == score


CT_SCORE_TITLE = [
    "CT calcium score 2019 reviewed with the patient.",
    "CT calcium score 03/2021 showed mild LAD calcium.",
    "CT CALCIUM SCORE\nIndication: chest pain.",
    "Plan: order CT calcium score.",
]


@pytest.mark.parametrize("text", CT_SCORE_TITLE)
def test_ct_calcium_score_title_or_date(findings_of, text):
    assert all("score" not in f.mention.lower() for f in findings_of(text))


# --- a mention whose own words place it in a body region outside the site
# vocabulary ('pelvic', 'abdominal') takes no site from the sentence before
# (corpora/GUIDE.md, site: a region outside the vocabulary gives no site;
# guide §2: site and side are not carried from another sentence's structure)

REGION_ADJECTIVE = [
    ("Uterus normal. Pelvic calcifications.", "Pelvic", "", ""),
    ("Small left renal cyst. No abdominal calcifications.", "abdominal", "", ""),
    (
        "OB US: echogenic intracardiac focus in the LV. No fetal "
        "intra-abdominal calcifications.",
        "intra-abdominal",
        "",
        "",
    ),
    ("Left ovary normal. No intra-abdominal calcifications.", "abdominal", "", ""),
    ("Fatty liver. Scattered abdominal calcifications.", "abdominal", "", ""),
    # guards: a lesion or tissue the mention or its sentence names still wins
    ("Uterus normal. Pelvic phleboliths.", "phleboliths", "vein", ""),
    (
        "Uterus normal. Pelvic calcifications, consistent with phleboliths.",
        "Pelvic",
        "vein",
        "",
    ),
    ("Left pelvic calcification, likely phlebolith.", "pelvic", "vein", "left"),
    ("Uterus normal. Calcified abdominal aorta.", "aorta", "aorta", ""),
    ("Abdominal aortic calcification.", "aortic", "aorta", ""),
    ("Calcified pelvic lymph nodes on the right.", "lymph", "lymph node", "right"),
    ("Left renal pelvic calcification.", "renal", "kidney", "left"),
    ("Uterus normal. Abdominal wall calcifications.", "wall", "soft tissue", ""),
    ("Uterus normal. Pelvic calcification in the left ovary.", "Pelvic", "ovary", "left"),
    (
        "Round pelvic calcifications along the course of the left ureter.",
        "pelvic",
        "ureter",
        "left",
    ),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), REGION_ADJECTIVE)
def test_region_adjective_borrows_no_site(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# --- 'calcific prostatitis' names the prostate as 'calcific pancreatitis'
# names the pancreas (guide §2 step 1: the words of the mention; guide §3:
# long-standing inflammation is a dystrophic cause, §4 rule 1: a mention
# that carries its cause in its own name)

CALCIFIC_PROSTATITIS = [
    ("Impression:\n1. Chronic calcific prostatitis.\n2. Elevated PSA.", "calcific prostatitis", "prostate", "dystrophic"),
    ("A: Calcific prostatitis, on tamsulosin.", "Calcific prostatitis", "prostate", "dystrophic"),
    ("CT: chronic calcifying prostatitis.", "calcifying prostatitis", "prostate", "dystrophic"),
    # guards: the pancreas keeps its reading; plain prostatic calcification
    # names no cause
    ("Chronic calcific pancreatitis.", "calcific pancreatitis", "pancreas", "dystrophic"),
    ("CT: scattered prostatic calcifications.", "prostatic calcifications", "prostate", "indeterminate"),
]


@pytest.mark.parametrize(("text", "mention", "site", "cls"), CALCIFIC_PROSTATITIS)
def test_calcific_prostatitis(finding_named, text, mention, site, cls):
    f = finding_named(text, mention)
    assert (f.site, f.classification) == (site, cls)


# --- an enlarged organ named by its '-megaly' word (or BPH, the enlarged
# prostate) is the organ a calcification 'with' it lies in (guide §2 step 2:
# the clause's own place; not the structure of the sentence before)

ORGANOMEGALY_SITE = [
    ("CT: aortic atherosclerosis. Prostatomegaly with calcifications.", "calcifications", "prostate"),
    ("CT: aortic atherosclerosis. BPH with calcifications.", "calcifications", "prostate"),
    ("TRUS: benign prostatic hypertrophy with coarse calcifications.", "calcifications", "prostate"),
    ("CT: aortic atherosclerosis. Hepatomegaly with scattered calcifications.", "calcifications", "liver"),
    ("CT: aortic atherosclerosis. Splenomegaly with calcified granulomas.", "granulomas", "spleen"),
    ("Neck US: thyromegaly with coarse calcifications.", "calcifications", "thyroid"),
    # guards: a site the mention names still wins
    ("Prostatomegaly with prostatic calcifications.", "prostatic", "prostate"),
    ("Splenomegaly and aortic calcification.", "aortic", "aorta"),
    ("Hepatomegaly. Calcified granuloma in the right upper lobe.", "granuloma", "lung"),
]


@pytest.mark.parametrize(("text", "word", "site"), ORGANOMEGALY_SITE)
def test_organomegaly_site(finding_with, text, word, site):
    assert finding_with(text, word).site == site


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Splenomegaly and aortic calcification.", "aortic calcification"),
        ("BPH and scattered vascular calcifications.", "vascular calcifications"),
        ("Splenic and hepatic calcifications.", "Splenic and hepatic calcifications"),
    ],
)
def test_organomegaly_no_span_word(finding_named, text, mention):
    assert finding_named(text, mention).mention == mention


def test_enlarged_organ_names_whole_organ_for_a_cause(finding_with):
    # guide §4 rule 4: 'BPH, prior TURP' is a cause at the prostate, whichever
    # part of it the calcification lies in
    f = finding_with(
        "HISTORY: 68-year-old man with BPH, prior TURP 2017. IMAGING: TRUS: "
        "coarse calcifications along the surgical capsule.",
        "calcifications",
    )
    assert (f.site, f.classification) == ("prostate", "dystrophic")


# --- a site that heads the next comma item ('..., liver mets', '..., uterus
# normal') is not the place of a calcification a 'with' gives to a lesion
# placed before it (guide §2 step 2: the finding's own clause; a clause
# about another structure gives neither site nor side)

NEXT_ITEM_SITE = [
    ("CT: pancreatic head mass with calcifications, liver mets.", "calcifications", "pancreas", ""),
    ("CT: splenic cyst with rim calcification, liver normal.", "calcification", "spleen", ""),
    ("US: left ovarian cyst with calcification, uterus normal.", "calcification", "ovary", "left"),
    ("CT: right renal mass with calcifications, adrenal glands unremarkable.", "calcifications", "kidney", "right"),
    # guards: a place that closes the item is the finding's
    ("Mammo: mass with calcifications, right breast.", "calcifications", "breast", "right"),
    ("Calcified granuloma, right upper lobe.", "granuloma", "lung", "right"),
    ("Nodule with calcification in the left thyroid lobe, trachea midline.", "calcification", "thyroid", "left"),
    (
        "Right shoulder arthroscopy with removal of calcium deposit, subacromial "
        "bursectomy and cuff repair.",
        "calcium deposit",
        "tendon",
        "right",
    ),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), NEXT_ITEM_SITE)
def test_next_item_site(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# --- a calcification placed 'in it' (the lesion named before) has its place:
# a site named after, in the next clause of a dictated run-on, is not its
# (guide §2 step 4: an earlier mention the sentence points back to; the limit:
# a clause about another structure gives neither site nor side)

IN_IT = [
    (
        "the ultrasound shows a 3 cm fibroid in the posterior wall that has some "
        "calcification in it and the ovaries look okay.",
        "calcification",
        "uterus",
        "",
    ),
    (
        "CT shows a left renal cyst with calcification within it and the liver "
        "is normal.",
        "calcification",
        "kidney",
        "left",
    ),
    # guard: a place after that is no other clause's still counts
    ("CT: calcification in the left kidney.", "calcification", "kidney", "left"),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), IN_IT)
def test_calcification_in_it(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# --- a date between a calcium score's phrase and its value dates the study:
# 'Calcium score 2023: 312' states a score of 312, not 2023 (corpora/GUIDE.md,
# Descriptors: agatston is the total score the sentence states, never a
# value the words do not give; guide §1: a score of 0 is a negated finding)

DATED_SCORE = [
    ("Physical: Calcium score 2023: 312 (90th percentile).", "Calcium score", 312, False),
    ("Health maintenance: CAC 2021: 45.", "CAC", 45, False),
    ("Calcium score (2019): 0.", "Calcium score", 0, True),
    ("Coronary calcium score 3/2022: 88.", "Coronary calcium score", 88, False),
    ("CAC score XXXX: 140.", "CAC score", 140, False),
    ("Calcium score 2019 was 85.", "Calcium score", 85, False),
    # guards
    ("Calcium score in 2019 was 85.", "Calcium score", 85, False),
    ("Calcium score 2140.", "Calcium score", 2140, False),
    ("Calcium score: 312.", "Calcium score", 312, False),
    ("CAC 45, LAD only.", "CAC", 45, False),
]


@pytest.mark.parametrize(("text", "mention", "score", "negated"), DATED_SCORE)
def test_dated_score(finding_named, text, mention, score, negated):
    f = finding_named(text, mention)
    assert (f.agatston, f.negated) == (score, negated)


# --- a plan's imperative naming a test still to do ('Obtain CAC score',
# 'Check calcium score', 'Get CAC score') makes the score hypothetical, as
# 'Order coronary calcium score' does (guide §2: hypothetical, raised as a
# possibility to look for, not observed)

PLAN_IMPERATIVE = [
    ("Plan: Obtain CAC score. If CAC 0, defer statin.", "CAC score", True),
    ("P: obtain coronary calcium score to risk stratify.", "coronary calcium score", True),
    ("Plan: Check calcium score.", "calcium score", True),
    ("P: Get CAC score.", "CAC score", True),
    # guards: a score obtained states what it found
    ("Obtained coronary calcium score last year: 120.", "coronary calcium score", False),
    ("We got a calcium score of 240 in XXXX.", "calcium score", False),
    ("Calcium score checked in XXXX: 85.", "Calcium score", False),
]


@pytest.mark.parametrize(("text", "mention", "hypothetical"), PLAN_IMPERATIVE)
def test_plan_imperative_test(finding_named, text, mention, hypothetical):
    assert finding_named(text, mention).hypothetical is hypothetical
