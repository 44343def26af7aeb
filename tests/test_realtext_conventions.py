"""The report conventions of real exports, one table row per paraphrase (guide §2-§4).

Every sentence here is made up for this file (chest films, CT, mammograms,
operative notes); none is taken from a real report. Each behaviour has
several wordings so that a rule written for one sentence does not pass the
table: site and side in the guide's order (own mention, own clause, the
lesion the sentence names, a line label, a word pointing back, the exam),
scope by clause (sentence ends, comma-joined headers, where a negation or a
hedge stops), which spans are mentions, and which conditions the report
asserts.
"""

from __future__ import annotations

from typing import Any

import pytest

CHEST = "EXAM: Chest PA and lateral.\nFINDINGS: The lungs are clear. Heart size is normal. "

# (text, expected fields of its one finding)
SITE_AND_SIDE: list[tuple[str, dict[str, Any]]] = [
    # 1. words of the mention itself
    ("Calcified RLL granuloma.", {"site": "lung", "laterality": "right"}),
    ("Left hilar calcified lymph node.", {"site": "lymph node", "laterality": "left"}),
    ("Calcified plaque of the LAD.", {"site": "coronary artery"}),
    # 2. the location phrase of its own clause
    ("A calcified granuloma projects over the right midlung.", {"site": "lung", "laterality": "right"}),
    ("A small calcification projects over the left midlung.", {"site": "lung", "laterality": "left"}),
    ("Dense calcification is present along the course of the RCA.", {"site": "coronary artery"}),
    ("Punctate calcification in the posterior aspect of liver.", {"site": "liver"}),
    ("A tiny calcification in the inferior aspect of the spleen.", {"site": "spleen"}),
    # 4. a paragraph or line label, and words pointing back
    ("FINDINGS:\nLAD: Dense calcified plaque in the proximal segment.", {"site": "coronary artery"}),
    ("FINDINGS:\nLEFT MAIN CORONARY ARTERY: Mild calcified plaque, no stenosis.", {"site": "coronary artery"}),
    ("FINDINGS:\nKIDNEYS: Punctate calcification in the lower pole on the right.", {"site": "kidney", "laterality": "right"}),
    ("FINDINGS:,RCA:, Scattered calcific plaque without stenosis.", {"site": "coronary artery"}),
    ("The RCA is dominant and patent. There is calcified plaque within the vessel.", {"site": "coronary artery"}),
    ("The left anterior descending artery is of normal size. Calcific plaque is noted within the vessel.", {"site": "coronary artery"}),
    ("Two nodules are seen in the right upper lobe. These are densely calcified.", {"site": "lung", "laterality": "right"}),
    # 5. the exam, where it leaves one reading
    (CHEST + "A calcified granuloma is noted.", {"site": "lung"}),
    (CHEST + "Stable calcified nodule.", {"site": "lung"}),
    ("EXAM: Bilateral screening mammogram.\nFINDINGS: Scattered benign calcifications.", {"site": "breast"}),
    ("MAMMOGRAM DIAGNOSTIC LEFT\nFINDINGS: Grouped amorphous calcifications.", {"site": "breast", "laterality": "left"}),
    ("XR SHOULDER RIGHT\nFINDINGS: Calcific tendinitis of the supraspinatus.", {"site": "tendon", "laterality": "right"}),
    ("EXAM: Left knee, three views.\nFINDINGS: Chondrocalcinosis of the menisci.", {"site": "cartilage", "laterality": "left"}),
    # never from a negated phrase or a clause about something else
    (CHEST + "No pleural effusion. Calcified granuloma.", {"site": "lung"}),
    (CHEST + "There is no pleural thickening. A calcified granuloma is seen.", {"site": "lung"}),
    (CHEST + "The aorta is tortuous. Calcified granuloma in the left lung base.", {"site": "lung", "laterality": "left"}),
    # 'the valve' points back to the valve named before it
    ("The aortic valve is trileaflet. The valve leaflets are calcified.", {"site": "aortic valve"}),
    ("Mitral valve: mildly thickened. Calcification of the valve leaflets.", {"site": "mitral valve"}),
    # a specific site beats a generic one
    ("Aortic atherosclerotic vascular calcification.", {"site": "aorta"}),
    ("Vascular calcification of the aortic arch.", {"site": "aorta"}),
    ("Atherosclerotic vascular calcifications of the aortic knob.", {"site": "aorta"}),
    # de-identified or loosely named nodes are nodes
    ("Calcified hilar lymph XXXX.", {"site": "lymph node"}),
    ("Calcified right paratracheal lymph XXXX.", {"site": "lymph node", "laterality": "right"}),
    ("Calcified mediastinal adenopathy.", {"site": "lymph node"}),
    ("Mediastinal adenopathy with calcification.", {"site": "lymph node"}),
    # two sides for one finding make bilateral
    ("Calcified granulomas in the right upper lobe and left base.", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas at both lung bases.", {"site": "lung", "laterality": "bilateral"}),
    ("Both hila contain calcified lymph nodes.", {"site": "lymph node", "laterality": "bilateral"}),
    ("Calcified hilar lymph nodes on the left and right.", {"site": "lymph node", "laterality": "bilateral"}),
    ("Calcified densities in the right paratracheal stripe and the left hilum.", {"laterality": "bilateral"}),
    ("Calcified foci in the right paratracheal region and in the left perihilar region.", {"laterality": "bilateral"}),
    ("Calcified foci project over the right paratracheal area and the left hilum.", {"laterality": "bilateral"}),
    ("Scattered calcified granulomas within the lung bases.", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas in the right upper lobe, left upper lobe.", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granuloma in the right upper lobe, left lung clear.", {"site": "lung", "laterality": "right"}),
    # the plural of a paired organ names both
    ("Punctate calcifications in the kidneys.", {"site": "kidney", "laterality": "bilateral"}),
    ("Calcified lymph nodes in the hila.", {"site": "lymph node", "laterality": "bilateral"}),
    ("Punctate calcification in the left kidney.", {"site": "kidney", "laterality": "left"}),
    # 'annular calcification' is the mitral annulus's unless another valve is named on it
    ("Mitral valve leaflets are thickened with mild annular calcification.", {"site": "mitral annulus"}),
    ("There is tricuspid annular calcification.", {"site": "heart valve"}),
    ("Aortic annular calcification is present.", {"site": "aortic valve"}),
    # a shared word ('nodule') names no site of its own where no candidate is named: the clause's decides
    ("EXAM: CT head.\nFINDINGS: Calcified nodule in the left cerebellar hemisphere.", {"site": "brain", "laterality": "left"}),
    # a view says where it was seen, not where it is; a body region outside the vocabulary is no site
    (CHEST + "Small calcified granuloma seen on the lateral view, not seen on the frontal view.", {"site": "lung"}),
    (CHEST + "Coarse calcifications in the epigastrium, not localized on the frontal view.", {"site": ""}),
    # mediastinum is its soft tissue, nodes are lymph node
    ("Mediastinal calcifications.", {"site": "mediastinum"}),
    ("Calcified mediastinal lymph nodes.", {"site": "lymph node"}),
    # vocabulary
    ("Calcified granuloma in the left suprahilar lung.", {"site": "lung", "laterality": "left"}),
    ("Calcified granuloma in the right upper zone.", {"site": "lung", "laterality": "right"}),
    ("Calcified nodule in the left infraclavicular region.", {"site": "lung", "laterality": "left"}),
    ("A calcified granuloma is seen in the retrocardiac region.", {"site": "lung"}),
    ("Calcification of the costochondral junctions.", {"site": "costal cartilage", "physiologic": True}),
    ("Costochondral junction calcification is noted.", {"site": "costal cartilage", "physiologic": True}),
    ("Calcification at the anterior left first rib.", {"site": "costal cartilage", "physiologic": True}),
    ("The first ribs show dense calcification anteriorly.", {"site": "costal cartilage", "physiologic": True}),
    ("Calcific tendinitis of the left shoulder.", {"site": "tendon", "laterality": "left"}),
    ("AAA with peripheral wall calcification.", {"site": "aorta"}),
    ("Coarse calcifications in the transition zone.", {"site": "prostate"}),
    ("Calcified mediastinal and hilar lymphadenopathy.", {"site": "lymph node"}),
    # sites named by a lesion or disease of their own
    ("Calcified goiter with tracheal deviation.", {"site": "thyroid"}),
    ("Punch biopsy showed calcification of small subcutaneous vessels.", {"site": "artery"}),
    ("Medial calcification of small dermal arterioles.", {"site": "artery"}),
    # a CT window is how the images were shown, not a place
    (
        "High attenuation on the mediastinal window in the right upper lobe, consistent with "
        "metastatic calcification.",
        {"site": "lung", "laterality": "right"},
    ),
    ("Calcific band keratopathy of the left eye.", {"site": "cornea", "laterality": "left"}),
    ("Calcified optic disc drusen on the right.", {"site": "eye"}),
    ("Abdominal calcifications in keeping with meconium peritonitis.", {"site": "peritoneum"}),
    # a wall takes the nearest organ the report names that has one
    (
        "EXAM: CT abdomen.\nFINDINGS: Normal bowel. Walled-off collection replacing the "
        "pancreatic tail with a thin rim of calcification along its wall.",
        {"site": "pancreas"},
    ),
    ("Calcific constrictive pericarditis after radiation.", {"site": "pericardium"}),
    # a label of four words after its side opens the sentences of its line
    (
        "HISTORY: , Rest pain.  Right lower extremity angiogram today: The iliac arteries are "
        "patent.  The superficial femoral artery is heavily calcified.",
        {"laterality": "right"},
    ),
    # the aortic valve's cusps are named after the coronary arteries
    ("Aortic valve: the right coronary cusp is mildly calcified.", {"site": "aortic valve"}),
    ("Calcified noncoronary cusp with restricted opening.", {"site": "aortic valve"}),
    ("Shoulder tendinitis with calcification.", {"site": "tendon"}),
    ("Calcification of the L4-L5 intervertebral disc.", {"site": "cartilage"}),
    ("Calcified intervertebral disk at T8-T9.", {"site": "cartilage"}),
    ("The curette removed disk calcified material at C6-C7.", {"site": "cartilage"}),
    # a side said of another lesion joined after the finding is not its side
    ("Mediastinal calcifications and a dense nodule in the left upper lung.", {"laterality": ""}),
    ("Aortic knob calcification and a small nodule at the right base.", {"laterality": ""}),
    # ... but the side of the place the finding lies in is its own
    ("Dermal calcifications in the left breast.", {"site": "skin", "laterality": "left"}),
]


@pytest.mark.parametrize(
    "text",
    [
        # 3. the lesion its own sentence says it is
        "Small pelvic calcifications, favored to represent phleboliths.",
        "Several calcifications low in the pelvis most likely phleboliths.",
        "Rounded calcific densities in the pelvis which probably represent phleboliths.",
        "Calcifications overlying the pelvis are compatible with phleboliths.",
        "Clustered pelvic calcifications suggesting phleboliths.",
        "A few calcific foci in the low pelvis, thought to represent phleboliths.",
    ],
)
def test_site_of_the_lesion_the_sentence_names(findings_of, text):
    assert [f.site for f in findings_of(text)][:1] == ["vein"]


@pytest.mark.parametrize(
    "text",
    [
        "One left pelvic phlebolith lies beside the distal ureter, separate from the stone.",
        "Small pelvic calcification away from the ureter, distinct from the calculus.",
        "Pelvic phleboliths were distinguished from ureteral stones.",
    ],
)
def test_a_place_told_by_from_is_no_lesion_said(findings_of, text):
    # 'separate from the stone' places the calcification, it does not say it is one
    assert len(findings_of(text)) == 1


def test_site_of_the_lesion_the_sentence_names_in_its_words(findings_of):
    text = "Calcific density near the greater tuberosity, consistent with calcific tendinitis."
    assert [f.site for f in findings_of(text)] == ["tendon", "tendon"]


def _fields(finding: Any, expected: dict[str, Any]) -> dict[str, Any]:
    return {name: getattr(finding, name) for name in expected}


@pytest.mark.parametrize(
    "text",
    [
        "Calcified hilar lymph nodes and a left upper lobe calcified granuloma.",
        "There are calcified mediastinal lymph XXXX and a RLL calcified nodule.",
    ],
)
def test_a_side_inside_the_next_finding_is_that_finding_s(findings_of, text):
    first, second = findings_of(text)
    assert first.laterality == "" and second.laterality in ("left", "right")


@pytest.mark.parametrize(("text", "expected"), SITE_AND_SIDE)
def test_site_and_side(only, text, expected):
    assert _fields(only(text), expected) == expected


def test_the_exam_places_a_denied_calcification(only):
    f = only("EXAM: Screening mammogram bilateral.\nFINDINGS: No suspicious calcifications.")
    assert (f.site, f.negated) == ("breast", True)


def test_a_negated_site_phrase_gives_no_site(only):
    # no exam here: the denied pleura is all there is, and it is not taken
    assert only("No pleural effusion. Calcified granuloma.").site != "pleura"
    assert only("No pleural thickening; there is a calcified granuloma.").site != "pleura"


def test_a_site_from_the_sentence_before_brings_its_side_only_where_none_is_written(findings_of):
    text = "Calcified plaque at the right carotid bifurcation. Left: mild plaque without calcification."
    assert [(f.site, f.laterality) for f in findings_of(text)] == [
        ("carotid artery", "right"),
        ("carotid artery", "left"),
    ]


def test_a_finding_said_to_be_another_takes_its_site_and_side(findings_of):
    text = CHEST + (
        "Calcified foci in the right upper lobe and left lower lobe, "
        "which likely represent calcified granulomas."
    )
    first, second = findings_of(text)
    assert (second.site, second.laterality) == (first.site, first.laterality)
    assert first.laterality == "bilateral"


def test_a_finding_said_to_be_another_keeps_a_place_of_its_own(findings_of):
    text = "Subcutaneous vascular calcifications with skin thickening in the thighs, suggestive of calciphylaxis."
    first, second = findings_of(text)
    assert second.site != first.site


def test_an_impression_restating_a_finding_keeps_its_site(findings_of):
    text = (
        "FINDINGS: Mild atherosclerotic vascular calcifications in the abdominal aorta.\n"
        "IMPRESSION: Mild atherosclerotic vascular calcifications."
    )
    assert [f.site for f in findings_of(text)] == ["aorta", "aorta"]


def test_a_stone_is_not_a_finding(findings_of):
    for text in (
        "A calcification in the right upper quadrant consistent with a gallstone.",
        "Right upper quadrant calcific density, most likely a gallstone.",
        "Calcified gallstones are present.",
        "A calcified stone in the distal left ureter.",
    ):
        assert [f for f in findings_of(text) if not f.negated] == [], text


# (text, a word of the finding's mention, its expected flags)
SCOPE: list[tuple[str, str, dict[str, Any]]] = [
    # sentence ends at '..' and '.,'
    ("No pleural effusion.. Calcified granuloma in the left apex.", "Calcified", {"negated": False}),
    ("No acute process., Calcified granuloma in the right base.", "Calcified", {"negated": False}),
    ("No nodules.. Dense calcifications in the aortic arch.", "calcifications", {"negated": False}),
    # comma-joined lines are split and headers found
    ("HISTORY:, Cough.,FINDINGS:, Calcified left hilar node.", "Calcified", {"section": "findings"}),
    ("IMPRESSION:,1. No effusion.,2. Calcified granuloma.", "Calcified", {"negated": False}),
    ("IMPRESSION:,5. No mass.,6. Aortic calcification.", "calcification", {"negated": False}),
    # negation ends at the next predicate or list item
    ("No effusion, no pneumothorax, calcified nodes and scarring suggest old granulomatous disease.", "calcified", {"negated": False}),
    ("No consolidation, no edema, calcified granulomas and hilar nodes indicate prior infection.", "calcified", {"negated": False}),
    ("No edema; calcified granulomas are present.", "calcified", {"negated": False}),
    ("Lungs are clear without consolidation, calcified granulomas noted.", "calcified", {"negated": False}),
    ("No effusion, calcified hilar nodes seen.", "calcified", {"negated": False}),
    ("No pneumothorax, effusion, or calcification seen.", "calcification", {"negated": True}),
    # no change in a finding is not its denial
    ("There is no significant change in the calcified granuloma.", "calcified", {"negated": False}),
    ("There has been no interval change in the calcified nodes.", "calcified", {"negated": False}),
    # a negation of something else does not deny the calcification
    ("A calcification in the pelvis is not in line with the ureter.", "calcification", {"negated": False}),
    ("The calcification is not in the expected course of the ureter.", "calcification", {"negated": False}),
    ("A calcified granuloma is seen on the lateral view, not identified on the PA view.", "calcified", {"negated": False}),
    ("Calcified nodule on the lateral film, not seen on the frontal view.", "Calcified", {"negated": False}),
    # hedges attach to what they govern
    ("Differential considerations include calcified granuloma.", "calcified", {"uncertain": True}),
    ("Differential considerations include a hamartoma or calcified granuloma.", "calcified", {"uncertain": True}),
    ("Calcified granuloma is less likely.", "Calcified", {"uncertain": True}),
    ("A density in the left base, atelectasis or calcification.", "calcification", {"uncertain": True}),
    ("A nodule in the right apex, vessel on end or calcified granuloma.", "calcified", {"uncertain": True}),
    ("Calcified granuloma or overlapping vessel in the left base.", "Calcified", {"uncertain": True}),
    ("Calcified granuloma. Atelectasis is less likely than scar.", "Calcified", {"uncertain": False}),
    # past-history lists are not hypothetical; conditional ones are
    ("PAST MEDICAL HISTORY: Hypertension, kidney stones, breast calcifications, diabetes.", "calcifications", {"hypothetical": False}),
    ("HISTORY: Diabetes, prior MI, coronary calcification.", "calcification", {"hypothetical": False}),
    ("Metastatic lesions could show calcification.", "calcification", {"hypothetical": True}),
    ("Such tumors can contain calcification.", "calcification", {"hypothetical": True}),
    ("Metastases may show calcification.", "calcification", {"hypothetical": True}),
    # 'may' right before a verb-phrase mention hedges it
    ("The nodule is dense and may contain calcium.", "calcium", {"uncertain": True}),
    ("This density might contain calcium.", "calcium", {"uncertain": True}),
    # what is only asked about is hypothetical, not also hedged
    ("A CT could be obtained to evaluate for calcification.", "calcification", {"uncertain": False, "hypothetical": True}),
    ("Could consider CT to rule out calcification.", "calcification", {"uncertain": False, "hypothetical": True}),
]


@pytest.mark.parametrize(("text", "word", "expected"), SCOPE)
def test_scope_by_clause(findings_of, text, word, expected):
    (f,) = [f for f in findings_of(text) if word.lower() in f.mention.lower()]
    assert _fields(f, expected) == expected


MENTION_SPANS = [
    ("Calcified right hilar lymph nodes.", "Calcified right hilar lymph nodes"),
    ("Calcified left paratracheal lymph node.", "Calcified left paratracheal lymph node"),
    ("We removed calcified herniated disk at C5-C6.", "calcified herniated disk"),
    ("Calcified left ventricular aneurysm.", "Calcified left ventricular aneurysm"),
    ("Calcified nodular densities in the right base.", "Calcified nodular densities"),
    ("Tortuous calcified aortic knob.", "calcified aortic knob"),
    ("Calcified costal cartilages.", "Calcified costal cartilages"),
    ("Calcified carotid bulbs.", "Calcified carotid bulbs"),
    ("Calcified mediastinal lymph XXXX.", "Calcified mediastinal lymph XXXX"),
    ("Calcified right lower lobe nodule.", "Calcified right lower lobe nodule"),
    ("Fibrocalcific changes at the right apex.", "Fibrocalcific"),
    # a de-identification mask between premodifiers stays in the span
    ("Aortic XXXX calcification.", "Aortic XXXX calcification"),
    ("Mild arteriosclerotic vascular calcification.", "arteriosclerotic vascular calcification"),
    ("The total Agatston calcium score is 12.", "Agatston calcium score"),
    # findings, their span 'calcium' alone (test_mentions.py holds the span to it)
    ("The nodule contains calcium.", "calcium"),
    ("There is presence of calcium in the mass.", "calcium"),
]


@pytest.mark.parametrize(("text", "mention"), MENTION_SPANS)
def test_mention_span(findings_of, text, mention):
    assert any(mention in f.mention for f in findings_of(text)), [
        f.mention for f in findings_of(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ANESTHESIA:, MAC.",
        "The procedure was done under MAC with local anesthesia.",
        "ANESTHESIA: Monitored anesthesia care (MAC) with IV sedation.",
        "Normal alignment and mineralization.",
        "Alignment and mineralization are within normal limits.",
        "Calcified gallbladder stones.",
        "Multiple calcified renal stones.",
    ],
)
def test_not_a_mention(findings_of, text):
    assert findings_of(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Calcified granulomas from old granulomatous disease.", "granulomatous disease"),
        ("Findings consistent with prior granulomatous disease.", "granulomatous disease"),
        ("Sequela of remote granulomatous infection.", "granulomatous disease"),
    ],
)
def test_granulomatous_disease_is_its_own_condition(analyzer, text, name):
    names = [c.name for c in analyzer.analyze(text + "\nCalcified granuloma.", "T").conditions]
    assert name in names and "tuberculosis" not in names and "histoplasmosis" not in names


@pytest.mark.parametrize(
    "text",
    [
        "She will be scheduled for a left lumpectomy.",
        "Plan: right total knee arthroplasty next month.",
        "Differential considerations include sarcoidosis or tuberculosis.",
        "No evidence of hyperparathyroidism.",
        "Possible sarcoidosis.",
        "Findings may relate to prior tuberculosis.",
        "Sarcoidosis is less likely.",
        "Concerning findings for fibrosis at the bases.",
        "Findings worrisome for sarcoidosis.",
        "The possibility of tuberculosis should be excluded.",
        "Parenchymal scarring would be a consideration.",
        "CVA symptoms.",
        # relatives' conditions under a family-history header
        "FAMILY HISTORY: Positive for diabetes and sarcoidosis.",
        "FAMILY HISTORY:, Father with renal failure.",
        # what care is taken to avoid or prevent has not happened
        "We were careful to avoid injury to the nearby ureter.",
        "Heparin was started for prevention of deep vein thrombosis.",
        "DVT prophylaxis with compression stockings.",
        "Prophylaxis against deep vein thrombosis was given.",
        # denied, ruled out, or a relative's
        "She denied having any trauma.",
        "He ruled out for myocardial infarction by troponins.",
        "Myocardial infarction was ruled out.",
        "The familial medical history is significant for diabetes.",
        # ambiguous words that name no condition here
        "She noticed abnormal bleeding in the fall of 2009.",
        "Not anticoagulated because of fall risk.",
        "The pain radiated down her left leg.",
        "Negative CVA tenderness bilaterally.",
        "She is rubella immune.",
        # 'RT' is the right side in a note, not radiation therapy
        "Prostate: RT>LT, smooth.",
        # an upper-case term that is an ordinary word, in a line of capitals
        "RIGHT ILIAC CREST BONE GRAFT HARVEST.",
        "PATIENT ADVISED THAT ALL RESULTS WERE NORMAL.",
        # a word inside a longer phrase that names something else
        "Stroke volume was normal by Doppler.",
        "Lupus anticoagulant was sent.",
        "Lidocaine was infiltrated at the injection site.",
        "Surgery consult was obtained.",
        "History of TB exposure.",
        # risks, offered diagnoses, plans, a negating prefix
        "At increased risk for diabetes.",
        "Risk factors for CAD include smoking.",
        "Consider lymphoma.",
        "INDICATION: ? TB.",
        "Clinical correlation for sarcoidosis is recommended.",
        "Cyst aspiration was planned.",
        "Non-diabetic patient.",
        # procedures still to come, a specimen's own resection, a checklist answer
        "He will need surgical repair.",
        "Recommend surgical excision.",
        "Surgery was discussed with the patient.",
        "The patient wishes to proceed with surgery.",
        "Referred for surgery.",
        "Resection margins are clear.",
        "Hemorrhage control was obtained.",
        "Smoking: none. Diabetes: no.",
        "History of diabetes: denies.",
        "Images were reviewed with the CAD system.",
        # tissue findings of a pathology report that the guide lists under no name
        "Final pathology showed focal fibrosis.",
        "Chronic inflammation of the gallbladder wall.",
    ],
)
def test_conditions_not_asserted(analyzer, text):
    result = analyzer.analyze(text + "\nCalcified granuloma.", "T")
    assert [c.name for c in result.conditions] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # mixed-case text: the abbreviation is the condition
        ("History of ALL, in remission.", ["leukemia"]),
        ("PAST MEDICAL HISTORY: CAD, hypertension.", ["atherosclerosis"]),
        # caseating names the granulomas' necrosis beside them (the tune
        # half's adjudicated gold)
        ("Caseating granulomatous inflammation.", ["necrosis", "granulomatous disease"]),
        ("Necrotic tumor in the liver.", ["necrosis"]),
        ("History of stroke.", ["infarct"]),
        ("CAD, status post stents.", ["atherosclerosis", "prior surgery"]),
        ("Cardiac risk factors: diabetes, CAD.", ["diabetes mellitus", "atherosclerosis"]),
        ("Non-Hodgkin lymphoma.", ["lymphoma"]),
        ("She was diagnosed to have diabetes.", ["diabetes mellitus"]),
        ("Diabetes: yes.", ["diabetes mellitus"]),
        ("He needed surgery in 2005 for a fracture.", ["prior surgery", "trauma"]),
        # kidney injury is the kidney's, not trauma; an acute one is no
        # chronic kidney disease (corpora/GUIDE.md, Conditions)
        ("Admitted with acute kidney injury.", []),
        ("Acute on chronic renal failure.", ["chronic kidney disease"]),
        ("Kidney injury from contrast, now on dialysis.", ["chronic kidney disease"]),
    ],
)
def test_conditions_named(analyzer, text, names):
    result = analyzer.analyze(text + "\nCalcified granuloma.", "T")
    assert [c.name for c in result.conditions] == names


def test_evidence_quotes_the_reports_words(analyzer):
    text = "HISTORY: End stage renal disease on dialysis.\nFINDINGS: Calcified granuloma."
    result = analyzer.analyze(text, "T")
    (c,) = [c for c in result.conditions if c.name == "chronic kidney disease"]
    assert c.words and c.words.lower() in text.lower()


def test_a_finding_lists_the_conditions_that_bear_on_it(analyzer):
    text = (
        "HISTORY: Chronic kidney disease. Knee osteoarthritis.\n"
        "FINDINGS: Calcified granuloma. Coronary artery calcification."
    )
    result = analyzer.analyze(text, "T")
    report = {c.name for c in result.conditions}
    assert {"chronic kidney disease", "osteoarthritis"} <= report
    for f in result.findings:
        assert {c.name for c in f.conditions} <= report
    assert any(f.conditions for f in result.findings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of nodules is no diffuse pulmonary calcification (guide §4 rule 2)
        (CHEST + "Innumerable small nodules, most of which appear calcified.", "indeterminate"),
        (CHEST + "Diffuse pulmonary calcification.", "metastatic"),
        # de-identification hides the link word: 'most XXXX' is 'most likely'
        (CHEST + "A calcified density in the left base, most XXXX a granuloma.", "dystrophic"),
    ],
)
def test_classification_conventions(only, text, expected):
    assert only(text).classification == expected
