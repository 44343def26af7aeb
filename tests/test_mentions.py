"""Mention forms of guide §1 and the negative list, table-driven."""

from __future__ import annotations

import pytest

FORMS = [
    ("Scattered calcifications.", ["calcifications"]),
    ("A single calcification.", ["calcification"]),
    ("Grouped microcalcifications in the breast.", ["microcalcifications"]),
    ("Coarse macrocalcifications in the nodule.", ["macrocalcifications"]),
    ("Punctate calcifcation in the spleen.", ["calcifcation"]),
    ("Small calcificaton in the liver.", ["calcificaton"]),
    ("Calcified granuloma in the right upper lobe.", ["Calcified granuloma"]),
    ("Calcifed granuloma in the left lung.", ["Calcifed granuloma"]),
    # a side written short before the phrase belongs to it
    ("Rt. renal calcification, stable.", ["Rt. renal calcification"]),
    ("Calcified R hilar lymph node.", ["Calcified R hilar lymph node"]),
    ("Calcified lt hilar lymph nodes.", ["Calcified lt hilar lymph nodes"]),
    ("CALCIFIED RT PARATRACHEAL LYMPH NODE.", ["CALCIFIED RT PARATRACHEAL LYMPH NODE"]),
    # transcription typos: a dropped 'i', two letters swapped
    ("Calcfied granuloma in the right apex.", ["Calcfied granuloma"]),
    ("Small calcificaiton in the left hilum.", ["calcificaiton"]),
    ("Scattered calcificaitons of the aortic arch.", ["calcificaitons"]),
    # dictation slips a reader still reads as the word: a letter dropped,
    # one added, two swapped at the end
    ("Calcifiation of the aortic arch.", ["Calcifiation"]),
    ("US: calicification in the R kidney upper pole", ["calicification"]),
    ("CXR: small calcificatoin RUL", ["calcificatoin"]),
    ("CT: calicified nodes L hilum", ["calicified nodes"]),
    ("Calcified hilar lymph nodes.", ["Calcified hilar lymph nodes"]),
    ("The aortic valve is heavily calcified.", ["calcified"]),
    ("Calcific tendinitis of the supraspinatus.", ["Calcific tendinitis"]),
    ("Calcinosis cutis of the fingertips.", ["Calcinosis cutis"]),
    ("Tumoral calcinosis about the hip.", ["Tumoral calcinosis"]),
    ("Calcium deposits in the rotator cuff.", ["Calcium deposits"]),
    (
        "Soft tissue mineralization in the thigh muscles.",
        ["Soft tissue mineralization"],
    ),
    ("Findings compatible with calciphylaxis.", ["calciphylaxis"]),
    ("Medullary nephrocalcinosis.", ["Medullary nephrocalcinosis"]),
    # nephrocalcinosis misspelt (a vowel dropped or doubled, two letters
    # swapped) is still the finding
    ("Bilateral nephrocalcinsis.", ["Bilateral nephrocalcinsis"]),
    ("Medullary nephrocalcinoisis of both kidneys.", ["Medullary nephrocalcinoisis"]),
    ("Findings of nephrocalcniosis.", ["nephrocalcniosis"]),
    ("Pelvic phleboliths.", ["Pelvic phleboliths"]),
    ("A phlebolith.", ["phlebolith"]),
    # 'calc' shortens 'calcified' before a lesion or structure; before a
    # stone, or alone after a urinary site, it is a calculus
    ("ED prelim CXR: calc gran RUL, o/w neg.", ["calc gran"]),
    ("CT chest: calc hilar LNs b/l", ["calc hilar LNs"]),
    ("CT head: incidental calc falx.", ["calc falx"]),
    ("CT A/P: 4 mm L renal calc, nonobstructing. GB calc stone.", []),
    # 'calc' after a vessel, valve or dura is a calcification; after a
    # urinary or biliary place a stone
    ("ECHO: moderate aortic valve calc. mild MR.", ["aortic valve calc"]),
    ("CT chest: dense LAD calc, mild RCA calc", ["LAD calc", "RCA calc"]),
    ("CT head: incidental falx calc.", ["falx calc"]),
    ("CT A/P: L UVJ calc. GB calc. mild hydro.", []),
    # BAC: breast arterial calcification on a mammogram; with a number or
    # as a level, the blood alcohol content of an emergency note
    ("SCREENING MAMMO: Mod BAC bilat. BI-RADS 2.", ["BAC"]),
    ("ED note: intoxicated, BAC 0.21. CT head neg.", []),
    ("ED: BAC: 212, BAC level pending", []),
    # the short form of terse reads
    ("KUB: multiple pelvic phlebs. no obstructive pattern.", ["pelvic phlebs"]),
    ("Coronary artery calcium score: 245.", ["Coronary artery calcium score"]),
    ("Agatston score 112.", ["Agatston score"]),
    ("CAC score 40.", ["CAC score"]),
    ("Severe MAC.", ["MAC"]),
    ("Moderate coronary artery calcifications.", ["coronary artery calcifications"]),
    ("Right upper lobe calcified granuloma.", ["Right upper lobe calcified granuloma"]),
    ("Mitral annular calcification.", ["Mitral annular calcification"]),
    ("Myositis ossificans of the quadriceps.", ["Myositis ossificans"]),
    ("Heterotopic ossification about the hip.", ["Heterotopic ossification"]),
    # tissue words between 'heterotopic' and 'ossification' stay in the span
    (
        "Heterotopic soft tissue ossification near the elbow.",
        ["Heterotopic soft tissue ossification"],
    ),
    (
        "Band of heterotopic intramuscular ossification in the thigh.",
        ["heterotopic intramuscular ossification"],
    ),
    ("Chondrocalcinosis of the menisci.", ["Chondrocalcinosis"]),
    ("Vascular calcs in both feet.", ["Vascular calcs"]),
    # 'calcif' shortens calcification as 'calcs' does
    ("Echo: mild mitral leaflet calcif, trace MR.", ["mitral leaflet calcif"]),
    ("Pelvic vascular calcifs.", ["Pelvic vascular calcifs"]),
    ("CALCIFIED GRANULOMA RUL.", ["CALCIFIED GRANULOMA"]),
    # a bare 'calcified' takes in the site phrase it qualifies, to its head
    ("Calcified pineal gland.", ["Calcified pineal gland"]),
    # a size written inside the phrase: the span still runs to its head noun
    ("Calcified left lower lobe 5 mm granuloma.", ["Calcified left lower lobe 5 mm granuloma"]),
    ("Calcified 4 mm nodule at the right base.", ["Calcified 4 mm nodule"]),
    ("Calcific constrictive pericarditis.", ["Calcific constrictive pericarditis"]),
    # anatomic words before the head belong to the span
    ("Digital arterial calcification in both hands.", ["Digital arterial calcification"]),
    ("Mild ascending aortic calcification.", ["ascending aortic calcification"]),
    ("Intratendinous calcification of the Achilles tendon.", ["Intratendinous calcification"]),
    ("Calcified choroid plexus, unchanged.", ["Calcified choroid plexus"]),
    ("Calcified native kidneys.", ["Calcified native kidneys"]),
    # a tumour's name is the head ('calcified meningioma' as 'calcified thymoma')
    ("Partially calcified thymoma in the anterior mediastinum.", ["calcified thymoma"]),
    ("Calcified meningioma along the falx.", ["Calcified meningioma"]),
    # an adrenal or an artery word before the head noun is a premodifier
    ("Smaller calcified left adrenal nodule, 8 mm.", ["calcified left adrenal nodule"]),
    ("Calcified splenic artery aneurysm, 1.2 cm.", ["Calcified splenic artery aneurysm"]),
    ("Calcified renal artery aneurysm on the left.", ["Calcified renal artery aneurysm"]),
    ("Calcified splenic artery, tortuous.", ["Calcified splenic artery"]),
    # the span runs on to the valve part the phrase ends in: the chords, a
    # leaflet's or a cusp's tip
    ("Papillary muscles: calcified chordae tendineae noted.", ["calcified chordae tendineae"]),
    ("Thin leaflets with calcified chordae beneath them.", ["calcified chordae"]),
    ("Impression: calcified posterior leaflet tips.", ["calcified posterior leaflet tips"]),
    ("Calcified aortic cusp tip, no stenosis.", ["Calcified aortic cusp tip"]),
    # a tip named before the head noun is a place word of the phrase
    ("A calcified basilar tip aneurysm, 5 mm.", ["calcified basilar tip aneurysm"]),
    # 'calcium' a vessel is said free of is the deposit, denied: the span
    # is the word alone
    ("The left main is free of calcium.", ["calcium"]),
    ("The nodule is dense and may contain calcium.", ["calcium"]),
    ("A CT could evaluate for the presence of calcium.", ["calcium"]),
    ("LEFT MAIN:\nNo calcium.\nLAD:\nMild calcified plaque.", ["calcium", "calcified plaque"]),
    ("The graft is devoid of calcium along its length.", ["calcium"]),
    # milk of calcium, hyphenated or not
    ("Layering milk of calcium in a calyceal diverticulum.", ["milk of calcium"]),
    ("Assessment: benign (milk-of-calcium).", ["milk-of-calcium"]),
    ("Milk-of-calcium in the left breast, benign.", ["Milk-of-calcium"]),
    # a bare 'calcified' takes in no site phrase the noun phrase goes on
    # past; the phrase then runs to its head noun (guide §1), through the
    # one unlisted word 'LV'
    ("Calcified LV apical infarct.", ["Calcified LV apical infarct"]),
    ("Calcified iliac and visceral arteries.", ["Calcified"]),
    # a calcification said to be a stone is none, hedged or not ('likely',
    # 'probably': the reader's reading of it, as 'likely represents' is), but
    # one offered as a stone or a calcification stays a finding
    ("2 mm calcification at the left renal hilum, likely a nonobstructing stone.", []),
    ("2 mm calcification at the left renal hilum, consistent with a nonobstructing stone.", []),
    ("2 mm calcification at the left renal hilum likely represents a nonobstructing stone.", []),
    ("Small bilateral renal calcifications, probably nephrolithiasis.", []),
    ("A calcification in the gallbladder fossa is presumably a gallstone.", []),
    # the head and neck's stones are stones too: salivary, tonsillar, nasal
    ("4 mm calcification in the right submandibular duct consistent with sialolith.", []),
    ("Tonsillar calcifications on the left, likely tonsilloliths.", []),
    ("Calcification in the left nasal cavity, consistent with a rhinolith.", []),
    (
        "2 mm calcification at the left renal hilum, which may represent a "
        "small stone or vascular calcification.",
        ["calcification", "vascular calcification"],
    ),
    (
        "Tiny calcification in the right kidney: could be a calculus vs "
        "parenchymal calcification.",
        ["calcification", "parenchymal calcification"],
    ),
    # nor does one the sentence says only may be a stone: perhaps that stone
    ("Punctate calcification near the left renal sinus, possibly a small calculus.", ["calcification"]),
    ("Faint calcification over the right renal shadow, which might be a stone.", ["calcification"]),
    ("A 3 mm calcification in the lower pole, perhaps a tiny stone.", ["calcification"]),
    # the eponymous disease of an artery's media is one calcification phrase
    (
        "Calcification of the tibial arteries, typical of Monckeberg medial calcific sclerosis.",
        ["Calcification", "Monckeberg medial calcific sclerosis"],
    ),
    (
        "Tram-track calcification of the radial artery, in keeping with Mönckeberg's medial calcific sclerosis.",
        ["calcification", "Mönckeberg's medial calcific sclerosis"],
    ),
    # the hand's places and a vessel's calibre are anatomic and type words
    ("Clumped thenar subcutaneous calcinosis on the left.", ["thenar subcutaneous calcinosis"]),
    ("A net-like pattern of small-vessel calcification in the fat.", ["small-vessel calcification"]),
    # a valve or the aorta named before 'calcium' is the deposit's place, as
    # 'coronary calcium' is; a 'score' after it stays in the span
    ("Coronary calcium: absent\nAortic valve calcium: present, mild", ["Coronary calcium", "Aortic valve calcium"]),
    ("Thoracic aortic calcium is moderate.", ["Thoracic aortic calcium"]),
    ("Aortic valve calcium score 2900 AU.", ["Aortic valve calcium score"]),
]


@pytest.mark.parametrize(("text", "mentions"), FORMS)
def test_mention_forms(findings_of, text, mentions):
    found = findings_of(text)
    assert [f.mention for f in found] == mentions
    for f in found:
        assert text[f.start : f.end] == f.mention


NOT_FINDINGS = [
    "Serum calcium 11.8 mg/dL.",
    "Calcium 10.1",
    "Ca 11.2, phos 6.1, PTH 450 pg/mL.",
    "Patient takes calcium carbonate and a calcium channel blocker.",
    "Calcium supplements daily.",
    "Low sodium diet; no calcium restriction.",
    "No calcium supplements at present.",
    "No calcium 9.1 on file.",
    "Fracture of the calcaneus.",
    "Calcaneal spur.",
    "Hypercalcemia of malignancy.",
    "Nonobstructing renal calculus. Cholelithiasis.",
    "A calcified gallstone in the gallbladder.",
    # a side, a part of the kidney or 'urinary tract' between: still a stone
    "A calcified right lower pole renal stone.",
    "No evidence of calcified urinary tract stones.",
    "Appendicolith. Staghorn calculus on the left.",
    "Calcified tonsillar concretions on the left.",
    "A calcified left submandibular sialolith.",
    "Noncalcified pulmonary nodule.",
    "Non-calcified nodule in the left lower lobe.",
    "Normal bone mineralization.",
    "Osseous mineralization is normal.",
    "CT CARDIAC CALCIUM SCORING",
    "EXAM: CT coronary calcium score",
    "CCTA / CALCIUM SCORE\nComparison: none.",
    "CORONARY CT ANGIOGRAPHY WITH CALCIUM SCORE\nTechnique: gated.",
    "Cardiac CT, calcium score only\nHistory: chest pain.",
    "Score 150 Agatston units.",
    "CAC-DRS 3.",
    "Category: CAC DRS 2/N2.",
    "Zone of calcified cartilage at the growth plate.",
    # words that only start like a misspelt calcification
    "eGFR calculation 22. Calibration of the scanner. Calcitonin 4.",
]


@pytest.mark.parametrize("text", NOT_FINDINGS)
def test_negative_list_never_matches(findings_of, text):
    assert [f.mention for f in findings_of(text)] == []


SCORE_LINES = [
    # a label whose line states the score in a sentence of its own: one finding
    (
        "CALCIUM SCORE: The total coronary calcium score is 412 Agatston units.",
        ["coronary calcium score"],
    ),
    # a coronary calcium label before its sentence's score is no finding
    # either, on one line or comma-joined; with no score phrase after it, it is
    ("CORONARY CALCIUM: Agatston score 75 (LAD 75).", ["Agatston score"]),
    (
        "History: chest pain.,CORONARY ARTERY CALCIUM:,The Agatston score is 9.",
        ["Agatston score"],
    ),
    ("Coronary calcium: mild, in the LAD.", ["Coronary calcium"]),
    # the exam line of a comma-joined report names the study
    (
        "EXAM:,Gated CT, calcium score, screening.,HISTORY:,Age 58.,"
        "FINDINGS:,Total calcium score 31.",
        ["calcium score"],
    ),
    # a label followed by its value is the finding
    ("CORONARY ARTERY CALCIUM SCORE: 1,020.", ["CORONARY ARTERY CALCIUM SCORE"]),
    ("History: chest pain.\nCALCIUM SCORE: 0", ["CALCIUM SCORE"]),
    # comma-joined lines: a later sentence's score phrase does not make a label
    (
        "FINDINGS:,CALCIUM SCORE: , 1,240 Agatston units.,LAD: , The calcium score is high.",
        ["CALCIUM SCORE", "calcium score"],
    ),
    # a score stated in a line of capitals with no number is still a finding
    ("FINDINGS:\nCALCIUM SCORE ZERO.", ["CALCIUM SCORE"]),
    # the exam's title in capitals opening the report, on its line or comma-joined
    ("CARDIAC CT FOR CORONARY CALCIUM\nFINDINGS: Total calcium score: 12.", ["calcium score"]),
    ("CT SCAN FOR CORONARY CALCIFICATION,INDICATION: , Chest pain.", []),
    # a follow-up scoring study's title
    ("CORONARY CALCIUM RESCAN\nTotal calcium score 96.", ["calcium score"]),
    # a score phrase naming the study or test, on a title or exam line or in
    # a sentence, is no finding; a score stated after it still is
    ("HEART CT: CORONARY ARTERY CALCIUM QUANTIFICATION\nHistory: smoker.", []),
    ("EXAM: Coronary calcium score\nFINDINGS: Total Agatston score 12.", ["Agatston score"]),
    ("EXAM: Gated noncontrast scan for coronary calcium.\nHistory: none.", []),
    ("Her coronary calcium CT in May: total Agatston score 230.", ["Agatston score"]),
    ("Reason for referral: coronary calcium score results.", []),
    # a line ending in a colon heads the score lines under it: a finding
    ("Coronary calcium score result:\nLAD 20\nTotal 20", ["Coronary calcium score"]),
    # ... and so does the same line with its colon dropped by an export, when
    # the lines under it name no score of their own
    (
        "Calcium Score Results\nLeft Main 0 Agatston\nLAD 55 Agatston\nTotal 55 Agatston",
        ["Calcium Score"],
    ),
    ("Calcium score results\nLM 0\nLAD 12\nTotal calcium score 12", ["calcium score"]),
    # capitals with a full stop are a finding, not a title
    ("CT CHEST: CALCIFIED GRANULOMA RIGHT UPPER LOBE.", ["CALCIFIED GRANULOMA"]),
    # a score phrase mid-report in ordinary case stays a finding with no number
    ("History: mother with a high coronary calcium score.", ["coronary calcium score"]),
    # the percentile sentence speaks of other people's scores: no finding of its own
    (
        "The total calcium score is 85, the 70th percentile: 30 percent of women "
        "of her age would have a higher calcium score.",
        ["calcium score"],
    ),
    (
        "Calcium score 40; about half of men his age are expected to have a "
        "lower coronary calcium score.",
        ["Calcium score"],
    ),
    # the patient's score compared with an earlier one is still a finding
    (
        "Total calcium score: 210. Higher calcium score than on the prior study.",
        ["calcium score", "calcium score"],
    ),
    # a score its sentence says was not measured names a measurement left
    # undone: no finding; the calcification named beside it stays one, and
    # a number or 'zero' states a score
    ("CT CHEST: Coronary artery calcifications. Agatston score was not calculated.", ["Coronary artery calcifications"]),
    ("CT CHEST: Moderate coronary calcification. A calcium score cannot be calculated on this non-gated study.", ["coronary calcification"]),
    ("CT CHEST: No coronary calcification. Calcium score: not assessed.", ["coronary calcification"]),
    ("CT CHEST: Coronary calcification, but a calcium score was not calculated.", ["Coronary calcification"]),
    ("CT CHEST: Unable to calculate an Agatston score.", []),
    ("Calcium score not calculated by software, visual estimate 0.", ["Calcium score"]),
]


@pytest.mark.parametrize(("text", "mentions"), SCORE_LINES)
def test_score_labels_and_titles(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions


def test_every_occurrence_is_a_finding(findings_of):
    text = "FINDINGS: Calcified granuloma in the RUL.\nIMPRESSION: Calcified granuloma."
    assert [f.mention for f in findings_of(text)] == [
        "Calcified granuloma",
        "Calcified granuloma",
    ]


def test_offsets_hold_on_crlf_and_placeholders(findings_of):
    text = "EXAM: CXR\r\nHISTORY: XXXX-year-old.\r\nFINDINGS:\r\nCalcified granuloma XXXX in the LUL.\r\n"
    found = findings_of(text)
    assert (
        [text[f.start : f.end] for f in found]
        == [f.mention for f in found]
        == ["Calcified granuloma"]
    )


# guide §2: a de-identification mask after a place word hides the phrase's
# head noun ('lymph XXXX' is the nodes), so an 'and' or a comma after it and
# an item with a place and a head of its own start another finding; a bare
# head or a list of node places after it share the adjective.
MASKED_HEADS = [
    (
        "Calcified paratracheal lymph XXXX and thoracic aortic atherosclerosis.",
        ["Calcified paratracheal lymph XXXX"],
    ),
    ("Calcified hilar XXXX and aortic atherosclerosis.", ["Calcified hilar XXXX"]),
    (
        "Calcified right hilar XXXX, aortic atherosclerosis.",
        ["Calcified right hilar XXXX"],
    ),
    (
        "Calcified lymph XXXX and left lower lobe granuloma.",
        ["Calcified lymph XXXX"],
    ),
    # kept whole: a bare head after the conjunction shares 'calcified'
    ("Calcified lymph XXXX and granulomas.", ["Calcified lymph XXXX and granulomas"]),
    (
        "Calcified mediastinal and hilar XXXX and granuloma.",
        ["Calcified mediastinal and hilar XXXX and granuloma"],
    ),
    # kept whole: places sharing a node head, or another mask
    (
        "Calcified hilar XXXX and mediastinal lymph nodes.",
        ["Calcified hilar XXXX and mediastinal lymph nodes"],
    ),
    (
        "Calcified hilar XXXX and paratracheal XXXX.",
        ["Calcified hilar XXXX and paratracheal XXXX"],
    ),
    # a second calcified item is its own mention either way
    (
        "Calcified right hilar XXXX, calcified left upper lobe granuloma.",
        ["Calcified right hilar XXXX", "calcified left upper lobe granuloma"],
    ),
]


@pytest.mark.parametrize(("text", "mentions"), MASKED_HEADS)
def test_masked_head_ends_the_phrase_before_another_finding(
    findings_of, text, mentions
):
    found = findings_of("FINDINGS: " + text)
    assert [f.mention for f in found] == mentions


def test_masked_node_phrase_takes_no_side_of_the_next_item(findings_of):
    # the side belongs to the granuloma after 'and', not to the nodes
    (f,) = findings_of("FINDINGS: Calcified lymph XXXX and left lower lobe granuloma.")
    assert (f.site, f.laterality) == ("lymph node", "")


# guide §1: the span runs from 'calcified' to the phrase's head noun, through
# the anatomic and type words between them and a side written '-sided'
INNER_PHRASE_WORDS = [
    ("Calcified right-sided hilar nodes.", ["Calcified right-sided hilar nodes"]),
    ("Calcified left-sided granuloma.", ["Calcified left-sided granuloma"]),
    ("Calcified azygos lymph node.", ["Calcified azygos lymph node"]),
    # a pancreatic pseudocyst and a hepatic hemangioma are the heads of their
    # phrases, as a cyst is
    ("Pancreas: Calcified pseudocyst in the tail.", ["Calcified pseudocyst"]),
    ("Liver: Calcified hemangioma, unchanged.", ["Calcified hemangioma"]),
    # two abdominal node stations one node noun shares
    (
        "Calcified portocaval and mesenteric lymph nodes.",
        ["Calcified portocaval and mesenteric lymph nodes"],
    ),
    (
        "Calcified periportal and peripancreatic lymph nodes.",
        ["Calcified periportal and peripancreatic lymph nodes"],
    ),
    ("Calcified retrocrural lymph XXXX.", ["Calcified retrocrural lymph XXXX"]),
    (
        "Calcified supraclavicular nodes, unchanged.",
        ["Calcified supraclavicular nodes"],
    ),
    (
        "Calcified subcutaneous nodules over the scalp.",
        ["Calcified subcutaneous nodules"],
    ),
    (
        "Calcified ulcerated plaque at the carotid bulb.",
        ["Calcified ulcerated plaque"],
    ),
    ("Calcified pulmonary micronodules.", ["Calcified pulmonary micronodules"]),
    ("Calcified left occipital nodule.", ["Calcified left occipital nodule"]),
    (
        "Calcified stylohyoid ligaments bilaterally.",
        ["Calcified stylohyoid ligaments"],
    ),
    ("A calcified fundal myoma.", ["calcified fundal myoma"]),
    # a skin cyst's kind and a duct the node lies by are words of the phrase
    (
        "Calcified epidermal inclusion cyst of the right buttock.",
        ["Calcified epidermal inclusion cyst"],
    ),
    (
        "A calcified cystic duct lymph node was removed.",
        ["calcified cystic duct lymph node"],
    ),
    # a hyphen with no head after it adds nothing
    ("Calcified granuloma - right upper lobe.", ["Calcified granuloma"]),
]


@pytest.mark.parametrize(("text", "mentions"), INNER_PHRASE_WORDS)
def test_calcified_phrase_runs_through_inner_anatomic_words(
    findings_of, text, mentions
):
    found = findings_of("FINDINGS: " + text)
    assert [f.mention for f in found] == mentions


# guide §1: a word naming which part of the place ('posterior', 'proximal')
# written before the place words of the phrase is one of its anatomic words;
# before a bare noun it stays out, like any other word of position
PART_OF_PLACE_WORDS = [
    (
        "Thick posterior mitral annular calcification is present.",
        ["posterior mitral annular calcification"],
        "mitral annulus",
    ),
    (
        "Dense calcification of the valve ring; posterior MAC, unchanged.",
        ["calcification", "posterior MAC"],
        None,
    ),
    (
        "There is proximal LAD calcified plaque without stenosis.",
        ["proximal LAD calcified plaque"],
        "coronary artery",
    ),
    (
        "Coarse anterior mediastinal calcification, stable.",
        ["anterior mediastinal calcification"],
        "mediastinum",
    ),
    ("A posterior calcification near the capsule.", ["calcification"], None),
    # the other words of position do the same
    (
        "New faint lateral soft tissue mineralization of the forearm.",
        ["lateral soft tissue mineralization"],
        "soft tissue",
    ),
    (
        "Thin superior pericardial calcification, unchanged.",
        ["superior pericardial calcification"],
        "pericardium",
    ),
    ("A lateral calcification beside the implant.", ["calcification"], None),
    # and so do the words naming which part of a vessel or organ
    (
        "Moderate common femoral artery calcification is seen.",
        ["common femoral artery calcification"],
        "artery",
    ),
    (
        "Extensive internal iliac arterial calcifications.",
        ["internal iliac arterial calcifications"],
        "artery",
    ),
    ("An internal calcification within the mass.", ["calcification"], None),
]


@pytest.mark.parametrize(("text", "mentions", "site"), PART_OF_PLACE_WORDS)
def test_part_of_place_word_before_site_phrase_joins_span(
    findings_of, text, mentions, site
):
    found = findings_of("FINDINGS: " + text)
    assert [f.mention for f in found] == mentions
    if site is not None:
        assert found[-1].site == site


# guide §1: a count is no word of the span, nor the place word it is joined
# to by a hyphen
COUNTED_PLACE_WORDS = [
    (
        "Extensive two-vessel coronary artery calcification.",
        "coronary artery calcification",
    ),
    ("Mild 3-vessel coronary calcifications are seen.", "coronary calcifications"),
]


@pytest.mark.parametrize(("text", "mention"), COUNTED_PLACE_WORDS)
def test_hyphenated_count_stays_out_of_span(findings_of, text, mention):
    (f,) = findings_of("FINDINGS: " + text)
    assert (f.mention, f.site) == (mention, "coronary artery")


# guide §1: the span runs to the head noun of a 'calcified X' phrase, whatever
# noun names the calcified thing (a rim, a segment, an implant, disease)
CALCIFIED_THING_HEADS = [
    ("The cyst shows a faint calcified rim along its lateral aspect.", "calcified rim"),
    ("A short calcified segment of the graft was left in place.", "calcified segment"),
    ("The bicuspid valve has a thick calcified raphe.", "calcified raphe"),
    ("Mild calcified disease of the distal SFA.", "calcified disease"),
    ("A calcified scolex is seen within the cyst.", "calcified scolex"),
    (
        "Peritoneal spread with calcified implants along the liver surface.",
        "calcified implants",
    ),
    ("Old calcified pleural thickening on the left.", "calcified pleural thickening"),
    # type words between the adjective and the head are the phrase's too
    (
        "Scattered calcified old granulomatous foci in the left apex.",
        "calcified old granulomatous foci",
    ),
    (
        "Heavily calcified occlusive disease of the popliteal artery.",
        "calcified occlusive disease",
    ),
    (
        "Calcified spermatic cord vessels on the left.",
        "Calcified spermatic cord vessels",
    ),
    # two places offered for one node
    (
        "A calcified azygos versus paratracheal lymph node is stable.",
        "calcified azygos versus paratracheal lymph node",
    ),
    # the node written short ('LN', 'LNs') is the phrase's head as the word is
    ("Calcified right paratracheal LN, unchanged.", "Calcified right paratracheal LN"),
    ("Two calcified subcarinal LNs.", "calcified subcarinal LNs"),
    ("Calcified bilat hilar LNs are noted.", "Calcified bilat hilar LNs"),
    # a granuloma with two letters swapped is still the head
    ("A calcified granulmoa at the left base.", "calcified granulmoa"),
    ("Several calcified granulmoas in the right apex.", "calcified granulmoas"),
    # a phlebolith is a calcification by itself, but 'calcified' before it is
    # the same phrase: one finding, in a vein
    ("Numerous calcified pelvic phleboliths.", "calcified pelvic phleboliths"),
    ("A calcified phlebolith lies lateral to the left ureter.", "calcified phlebolith"),
]


@pytest.mark.parametrize(("text", "mention"), CALCIFIED_THING_HEADS)
def test_calcified_phrase_runs_to_its_head_noun(findings_of, text, mention):
    (f,) = findings_of("FINDINGS: " + text)
    assert f.mention == mention


def test_calcified_phlebolith_keeps_its_vein(findings_of):
    (f,) = findings_of("FINDINGS: Two calcified left pelvic phleboliths.")
    assert (f.site, f.laterality, f.classification) == ("vein", "left", "dystrophic")


def test_misspelt_nephrocalcinosis_keeps_its_site_and_pattern(findings_of):
    # guide §4 rule 2: the misspelt name is still the metastatic pattern
    (f,) = findings_of("FINDINGS: Medullary nephrocalcinoisis of both kidneys.")
    assert (f.site, f.laterality, f.classification) == ("kidney", "bilateral", "metastatic")


def test_short_node_word_and_misspelt_granuloma_keep_site_and_cause(findings_of):
    # 'LNs' names the node as 'nodes' does; 'granulmoa' is a granuloma (rule 1)
    (node,) = findings_of("FINDINGS: Calcified LNs in the mediastinum.")
    assert (node.site, node.classification) == ("lymph node", "dystrophic")
    (gran,) = findings_of("FINDINGS: A calcified granulmoa at the left base.")
    assert (gran.site, gran.laterality, gran.classification) == (
        "lung",
        "left",
        "dystrophic",
    )


def test_size_inside_calcified_phrase_before_place_words(findings_of):
    # a size written inside the phrase, with a place word after it
    (f,) = findings_of("FINDINGS: Calcified 7 mm right paratracheal lymph node.")
    assert (f.mention, f.site, f.laterality) == (
        "Calcified 7 mm right paratracheal lymph node",
        "lymph node",
        "right",
    )


# guide §1 and corpora/GUIDE.md: an adjective after its noun is a predicate
# ('the valve is heavily calcified'), whose span is the single word, with or
# without a verb; the noun before it is its subject, not a premodifier
PREDICATIVE_ADJECTIVES = [
    ("Splenic artery calcified.", "artery"),
    ("Two of the hilar nodes calcified, the rest soft.", "lymph node"),
    ("Pineal calcified, physiologic.", "pineal gland"),
]


@pytest.mark.parametrize(("text", "site"), PREDICATIVE_ADJECTIVES)
def test_predicative_calcified_keeps_its_single_word(findings_of, text, site):
    (f,) = findings_of("FINDINGS: " + text)
    assert (f.mention, f.site) == ("calcified", site)


# guide §1: a bare 'calcified' takes in the site phrase it qualifies where
# the phrase ends: 'and' or 'or' after a head noun starts the next item, a
# measurement follows the phrase; 'and' after a place adjective shares the
# head after it, and the adjective stays bare
NAMED_SITE_ENDS = [
    ("Calcified pineal gland and habenula, physiologic.", "Calcified pineal gland"),
    ("Calcified pineal gland measuring 5 mm.", "Calcified pineal gland"),
    ("Calcified iliac and visceral arteries.", "Calcified"),
    # the eye's side after the phrase (OD, OS, OU) ends it
    ("Calcific band keratopathy OS, mild.", "Calcific band keratopathy"),
]


@pytest.mark.parametrize(("text", "mention"), NAMED_SITE_ENDS)
def test_bare_calcified_takes_in_the_site_phrase_that_ends(findings_of, text, mention):
    found = findings_of("FINDINGS: " + text)
    assert found[0].mention == mention


# guide §1: words before the head that say where the deposit is or what kind
# it is stay inside the span, between 'calcified' and its head too
PLACE_AND_KIND_WORDS = [
    (
        "Scattered renal papillary calcifications on the right.",
        "renal papillary calcifications",
    ),
    (
        "Dense native coronary artery calcification after bypass grafting.",
        "native coronary artery calcification",
    ),
    (
        "Mild transplant nephrocalcinosis in the right iliac fossa.",
        "transplant nephrocalcinosis",
    ),
    ("No intratesticular calcifications.", "intratesticular calcifications"),
    (
        "Subacromial bursal calcification on the left.",
        "Subacromial bursal calcification",
    ),
    (
        "Faint ovarian stromal calcification on the left.",
        "ovarian stromal calcification",
    ),
    (
        "Bilateral sternoclavicular chondrocalcinosis.",
        "Bilateral sternoclavicular chondrocalcinosis",
    ),
    ("Calcified fibroid uterus, unchanged.", "Calcified fibroid uterus"),
    ("Fine calcific stippling in the right lower lobe.", "calcific stippling"),
    ("Calcified carotid bulb plaque on the right.", "Calcified carotid bulb plaque"),
    (
        "Calcified neurocysticercal cyst in the left frontal lobe.",
        "Calcified neurocysticercal cyst",
    ),
    ("Calcific Achilles tendinosis on the right.", "Calcific Achilles tendinosis"),
    ("Calcified tracheal cartilage rings.", "Calcified tracheal cartilage rings"),
    # BI-RADS kind words: 'suture', and a kind word with '-type' after it
    ("Suture calcifications along the old scar.", "Suture calcifications"),
    (
        "Vascular-type calcifications in the lower breast.",
        "Vascular-type calcifications",
    ),
    (
        "Benign dystrophic type calcification at the scar.",
        "dystrophic type calcification",
    ),
    # a word saying which arteries, a region's adjective and an organ's part
    # are anatomic words of the phrase too
    ("Moderate splanchnic arterial calcification.", "splanchnic arterial calcification"),
    (
        "Small left supraclavicular subcutaneous calcification.",
        "left supraclavicular subcutaneous calcification",
    ),
    ("Tiny right epididymal tail calcification.", "right epididymal tail calcification"),
    # a word of the cause before the noun is a type word ('postsurgical')
    ("Coarse postsurgical calcifications at the scar.", "postsurgical calcifications"),
    ("Stable postoperative calcification near the clips.", "postoperative calcification"),
    # a calcified lesion's organ and kind, and a vessel's segment and name,
    # run the 'calcified' phrase on to its head noun
    ("A calcified testicular dermoid is unchanged.", "calcified testicular dermoid"),
    ("Calcified ostial LAD plaque with mild narrowing.", "Calcified ostial LAD plaque"),
    ("Calcified mid RCA plaque without stenosis.", "Calcified mid RCA plaque"),
]

# a word saying which part of the wall, before the place words a mention
# takes in, is one of its anatomic words
WALL_PART_WORDS = [
    (
        "Focal apical septal myocardial calcification.",
        "apical septal myocardial calcification",
    ),
    (
        "Old basal septal myocardial calcification after infarction.",
        "basal septal myocardial calcification",
    ),
]


# a site coordinated with one a part word leads before the mention is its too
COORDINATED_PART_SITES = [
    (
        "IMPRESSION: Left main and proximal LAD calcification.",
        "Left main and proximal LAD calcification",
    ),
    (
        "IMPRESSION: Ostial RCA and mid LAD calcification, moderate.",
        "Ostial RCA and mid LAD calcification",
    ),
]


@pytest.mark.parametrize(("text", "mention"), COORDINATED_PART_SITES)
def test_coordinated_site_before_a_part_word_joins_span(findings_of, text, mention):
    (f,) = findings_of(text)
    assert f.mention == mention


@pytest.mark.parametrize(("text", "mention"), WALL_PART_WORDS)
def test_wall_part_words_stay_in_span(findings_of, text, mention):
    (f,) = findings_of("FINDINGS: " + text)
    assert f.mention == mention


@pytest.mark.parametrize(("text", "mention"), PLACE_AND_KIND_WORDS)
def test_place_and_kind_words_stay_in_span(findings_of, text, mention):
    (f,) = findings_of("FINDINGS: " + text)
    assert f.mention == mention


# guide §1: a word naming the exam that showed the finding says how it was
# seen, not where it lies: it stays out of the span, the site stays
SEEN_BY_WORDS = [
    (
        "Ultrasound correlate for the mammographic calcifications at 2 o'clock.",
        "calcifications",
        "breast",
    ),
    (
        "Sonographic calcifications in the left lobe of the thyroid.",
        "calcifications",
        "thyroid",
    ),
    ("Radiographic calcification in the left kidney.", "calcification", "kidney"),
]


@pytest.mark.parametrize(("text", "mention", "site"), SEEN_BY_WORDS)
def test_exam_word_before_mention_stays_out_of_span(
    findings_of, text, mention, site
):
    (f,) = findings_of("FINDINGS: " + text)
    assert (f.mention, f.site) == (mention, site)


# guide §1: more anatomic words and head nouns of 'calcified X' phrases, and
# the mineral's full name before 'deposition'
MORE_CALCIFIED_PHRASES = [
    (
        "Calcific supraspinatus tendinopathy on the left.",
        "Calcific supraspinatus tendinopathy",
    ),
    (
        "Calcified right upper pole renal cyst.",
        "Calcified right upper pole renal cyst",
    ),
    ("A calcified left ICA plaque causes shadowing.", "calcified left ICA plaque"),
    (
        "Calcified periportal and porta hepatis nodes.",
        "Calcified periportal and porta hepatis nodes",
    ),
    ("A calcified left main bifurcation.", "calcified left main bifurcation"),
    (
        "Densely calcified extra-axial mass along the falx.",
        "calcified extra-axial mass",
    ),
    ("Short calcified SFA occlusion on the right.", "calcified SFA occlusion"),
    (
        "The biopsy showed calcified elastic fibers in the dermis.",
        "calcified elastic fibers",
    ),
    (
        "Findings of calcium hydroxyapatite deposition in the rotator cuff.",
        "calcium hydroxyapatite deposition",
    ),
    (
        "The calcified head of a lower costal cartilage is unchanged.",
        "calcified head",
    ),
]


@pytest.mark.parametrize(("text", "mention"), MORE_CALCIFIED_PHRASES)
def test_more_calcified_phrases_run_to_their_head(findings_of, text, mention):
    (f,) = findings_of("FINDINGS: " + text)
    assert f.mention == mention


# guide §1 and §2: a place coordinated with the mention's own by 'or' or
# 'and' is its only where it shares the head noun; an item that ends in a
# noun heading a finding of its own ('plaques', 'adenopathy', 'thickening')
# keeps its place words
OTHER_FINDING_BEFORE_LINK = [
    (
        "No pleural effusion, pleural plaques or pleural calcification.",
        "pleural calcification",
    ),
    ("Hila without adenopathy or nodal calcification.", "nodal calcification"),
    ("No pleural thickening or pleural calcification.", "pleural calcification"),
    (
        "Mediastinal or hilar nodal calcification is absent.",
        "Mediastinal or hilar nodal calcification",
    ),
]


@pytest.mark.parametrize(("text", "mention"), OTHER_FINDING_BEFORE_LINK)
def test_other_finding_before_link_stays_out_of_span(findings_of, text, mention):
    (f,) = findings_of("FINDINGS: " + text)
    assert f.mention == mention


# a site coordinated with the one right before a mention is its too ("LAD
# and RCA calcification"), also after another finding of the sentence when a
# comma, colon or 'with' closes that finding's phrase; with none between,
# the coordinated words are the earlier finding's clause
COORDINATED_AFTER_FINDING = [
    (
        "Outside scan: CAC 850, 97th percentile, with dense LAD and RCA "
        "calcification.",
        ["CAC", "LAD and RCA calcification"],
        "severe",
    ),
    (
        "Calcified granuloma, and hilar and mediastinal calcification.",
        ["Calcified granuloma", "hilar and mediastinal calcification"],
        "",
    ),
    (
        "Calcification at the lung bases and myocardial calcification.",
        ["Calcification", "myocardial calcification"],
        "",
    ),
    # an 'and' right after the earlier finding's noun closes its phrase too
    (
        "Calcified axillary nodes and a few hepatic and splenic calcified granulomas.",
        ["Calcified axillary nodes", "hepatic and splenic calcified granulomas"],
        "",
    ),
]


@pytest.mark.parametrize(
    ("text", "mentions", "severity"), COORDINATED_AFTER_FINDING
)
def test_coordinated_sites_after_another_finding(
    findings_of, text, mentions, severity
):
    found = findings_of("FINDINGS: " + text)
    assert [f.mention for f in found] == mentions
    assert found[-1].severity == severity


def test_places_after_an_earlier_finding_and_are_the_next_items(findings_of):
    """Guide §2: where one phrase names two sites, the first; the phrase
    starts after the 'and' that closes the earlier finding's noun."""
    found = findings_of(
        "FINDINGS: Old calcified mediastinal nodes and scattered hepatic and "
        "splenic calcified granulomas."
    )
    assert [(f.mention, f.site) for f in found] == [
        ("calcified mediastinal nodes", "lymph node"),
        ("hepatic and splenic calcified granulomas", "liver"),
    ]


# the kind word 'suture' stays in the span, and the impression restating the
# finding without it shares its lesion (corpora/GUIDE.md lesion)
def test_suture_kind_word_in_span_and_restated_lesion(findings_of):
    found = findings_of(
        "FINDINGS: Suture calcifications along the left lumpectomy scar, stable.\n"
        "IMPRESSION: Stable postsurgical calcifications on the left."
    )
    # 'postsurgical' names the cause, a type word of the phrase (guide §1)
    assert [f.mention for f in found] == [
        "Suture calcifications",
        "postsurgical calcifications",
    ]
    assert found[0].lesion_id == found[1].lesion_id


# corpora/GUIDE.md, What is a finding: the span keeps its anatomic, side and
# type words, a side written 'b/l', '-sided' or joined to the place ('bihilar')
# as much as 'left'; the side word gives the finding its side.
SIDE_WORD_SPANS = [
    ("IMPRESSION: Calcified b/l axillary nodes, unchanged.", "Calcified b/l axillary nodes", "bilateral"),
    ("IMPRESSION: Three left-sided calcified granulomas.", "left-sided calcified granulomas", "left"),
    ("IMPRESSION: Right sided pleural calcification.", "Right sided pleural calcification", "right"),
    ("IMPRESSION: Densely calcified bihilar adenopathy.", "calcified bihilar adenopathy", "bilateral"),
    ("IMPRESSION: Bihilar calcifications, likely old.", "Bihilar calcifications", "bilateral"),
]


@pytest.mark.parametrize(("text", "mention", "side"), SIDE_WORD_SPANS)
def test_side_words_stay_in_the_span(finding_named, text, mention, side):
    found = finding_named(text, mention)
    assert found.laterality == side


# 'nodularity' is the head noun of a calcific phrase: the span runs to it
# (guide §1, the span is the noun phrase).
NODULARITY = [
    ("FINDINGS: Faint calcific nodularity in both upper lobes.", "calcific nodularity"),
    ("Calcified nodularity along the right lateral pleura.", "Calcified nodularity"),
    ("IMPRESSION: Lingular calcific nodularity, unchanged.", "Lingular calcific nodularity"),
]


@pytest.mark.parametrize(("text", "mention"), NODULARITY)
def test_calcific_nodularity_span(analyzer, text, mention):
    assert [f.mention for f in analyzer.analyze(text, "T").findings] == [mention]


# 'plaque' before 'calcification' says what kind of calcification it is: a
# type premodifier the span keeps (guide §1), after a severity word too.
PLAQUE_CALCIFICATION = [
    ("Moderate plaque calcification of the distal aorta.", "plaque calcification"),
    ("There is focal plaque calcification at the iliac bifurcation.", "plaque calcification"),
]


@pytest.mark.parametrize(("text", "mention"), PLAQUE_CALCIFICATION)
def test_plaque_calcification_span(analyzer, text, mention):
    assert [f.mention for f in analyzer.analyze(text, "T").findings] == [mention]


# 'calcifying X' says mineral is being laid down in X: a finding whose span
# runs to the head noun, as 'calcified X' does (guide §1); 'noncalcifying'
# stays a look-alike.
CALCIFYING = [
    ("Pelvic MRI: a calcifying submucosal fibroid of the anterior wall.", ["calcifying submucosal fibroid"]),
    ("Thigh CT: a calcifying hematoma within the vastus lateralis.", ["calcifying hematoma"]),
    ("Pelvic ultrasound: a noncalcifying fibroid.", []),
]


@pytest.mark.parametrize(("text", "mentions"), CALCIFYING)
def test_calcifying_x_is_a_finding(analyzer, text, mentions):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == mentions


# the words of a cause or age before the head noun are type words the span
# keeps, hyphenated or not (guide §1: the span is the calcification phrase
# with its anatomic and type words).
CAUSE_PREMODIFIERS = [
    ("Calcified post-traumatic hematoma of the left thigh.", "Calcified post-traumatic hematoma"),
    ("Calcified postinflammatory granuloma in the right lower lobe.", "Calcified postinflammatory granuloma"),
    ("A calcified organized hematoma in the spleen.", "calcified organized hematoma"),
    # and the parasite a cyst comes from
    ("A calcified hydatid cyst in the right kidney.", "calcified hydatid cyst"),
    ("Calcified splenic echinococcal cyst, inactive.", "Calcified splenic echinococcal cyst"),
]


@pytest.mark.parametrize(("text", "mention"), CAUSE_PREMODIFIERS)
def test_cause_words_stay_in_the_span(analyzer, text, mention):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == [mention]


# guide §1 (the span is the calcification phrase with its anatomic and type
# words): a structure named before the plaque says where the plaque is, a
# valve's part after a position word is the head ('leaflet', 'cusp') even
# where another item follows with 'and', and a word saying which arteries
# ('peripheral', 'calf') before 'arterial' or 'vascular' is anatomic; before
# a bare noun 'peripheral' says where in a lesion and stays out.
WORDS_BETWEEN_AND_BEFORE = [
    ("Calcified left aortic arch plaque seen on the lateral view.", "Calcified left aortic arch plaque"),
    ("Calcified carotid bifurcation plaques bilaterally.", "Calcified carotid bifurcation plaques"),
    ("Echo: calcified anterior leaflet and mild regurgitation.", "calcified anterior leaflet"),
    ("Echo: calcified noncoronary cusp and trace leak.", "calcified noncoronary cusp"),
    ("Diffuse peripheral vascular calcification in both legs.", "peripheral vascular calcification"),
    ("Left calf arterial calcification.", "Left calf arterial calcification"),
    ("A thyroid nodule with peripheral calcification.", "calcification"),
    # the face and the glands of the mouth name a place as the body's parts do
    ("Round left submandibular calcification on the dental film.", "left submandibular calcification"),
    ("Two buccal phleboliths on the right.", "buccal phleboliths"),
    ("Small parotid calcifications bilaterally.", "parotid calcifications"),
]


@pytest.mark.parametrize(("text", "mention"), WORDS_BETWEEN_AND_BEFORE)
def test_structure_and_place_words_stay_in_the_span(analyzer, text, mention):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == [mention]


# guide §1: a word of the disease's age between the adjective and its head
# ('chronic') is a type word of the span, as 'old' and 'organized' are.
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("A calcified chronic intramural hematoma of the aorta.", "calcified chronic intramural hematoma"),
        ("Known calcific chronic pancreatitis, stable.", "calcific chronic pancreatitis"),
    ],
)
def test_age_word_between_adjective_and_head_stays_in_the_span(analyzer, text, mention):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == [mention]


# guide §1: between 'calcified' and its head, a neck node's level, a lung
# nodule's distribution and a breast cyst's kind say where or what it is and
# stay in the span.
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Neck US: calcified left level IV node, stable.", "calcified left level IV node"),
        ("CT: several calcified subpleural nodules in the lower lobes.", "calcified subpleural nodules"),
        ("Mammogram: scattered calcified oil cysts after reduction.", "calcified oil cysts"),
    ],
)
def test_level_distribution_and_kind_words_stay_in_the_span(analyzer, text, mention):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == [mention]


# guide §1 (the span keeps anatomic premodifiers) and corpora/GUIDE.md (a
# phrase that joins two places before one calcification noun): a place
# joined by 'and' to an anatomic premodifier right before the noun is in the
# span too, as one joined to a site phrase is.
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("KUB: scattered arterial and pelvic calcifications.", "arterial and pelvic calcifications"),
        ("Hip film: renal and periarticular calcifications noted.", "renal and periarticular calcifications"),
    ],
)
def test_place_joined_to_an_anatomic_premodifier_stays_in_the_span(analyzer, text, mention):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == [mention]


# guide §1 (the span runs to the head of its phrase): a vessel's part or
# level between 'calcified' and the place ('proximal', 'distal',
# 'below-knee') and a second place joined by 'or' stay in the span, after a
# severity adverb too.
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Cath: tight narrowing of the densely calcified proximal LAD.", "calcified proximal LAD"),
        ("Cath: a calcified distal RCA with a 60% lesion.", "calcified distal RCA"),
        ("Bypass note: markedly calcified below-knee popliteal artery.", "calcified below-knee popliteal artery"),
        ("CXR: no calcified axillary or hilar lymph nodes.", "calcified axillary or hilar lymph nodes"),
    ],
)
def test_vessel_part_and_or_joined_place_stay_in_the_span(analyzer, text, mention):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == [mention]


# guide §1 and corpora/GUIDE.md (the span runs to the head noun of its phrase
# and keeps its side and place words): one word of no listed kind between
# 'calcified' and the head noun stands with the side and level words there;
# a joiner, a size, shape or severity word, or a head noun ends the phrase
UNLISTED_INNER_WORDS = [
    (
        "A calcified left level IIB lymph node, unchanged.",
        "calcified left level IIB lymph node",
    ),
    (
        "Small calcified right retroauricular node.",
        "calcified right retroauricular node",
    ),
    (
        "Calcified right parasagittal meningioma, 2 cm.",
        "Calcified right parasagittal meningioma",
    ),
    ("Calcified periportal XXXX node.", "Calcified periportal XXXX node"),
]

UNLISTED_WORD_STOPS = [
    ("The aortic valve is calcified, thickened leaflets noted.", "calcified"),
    ("Aorta calcified and tortuous arch.", "calcified"),
    ("A calcified tiny granuloma in the right lung.", "calcified"),
]


@pytest.mark.parametrize(("text", "mention"), UNLISTED_INNER_WORDS)
def test_calcified_phrase_runs_through_one_unlisted_word(findings_of, text, mention):
    (f,) = findings_of("FINDINGS: " + text)
    assert f.mention == mention


@pytest.mark.parametrize(("text", "mention"), UNLISTED_WORD_STOPS)
def test_unlisted_word_never_takes_a_joiner_or_size_word(findings_of, text, mention):
    (f,) = findings_of("FINDINGS: " + text)
    assert f.mention == mention


# guide §1 (the span keeps anatomic and type premodifiers): the placenta's
# adjective, and a place adjective written with a hyphenated prefix, are
# anatomic words of the phrase; guide §2 (scrotum covers the testis): the
# testis's tunica albuginea and its adjective 'tunical' name the scrotum
HYPHENATED_AND_ORGAN_WORDS = [
    (
        "Scattered placental calcification near the cord insertion.",
        "placental calcification",
        "",
    ),
    (
        "No intra-abdominal calcifications in the fetus.",
        "intra-abdominal calcifications",
        "",
    ),
    (
        "Faint peri-articular calcification at the wrist.",
        "peri-articular calcification",
        "",
    ),
    ("Small tunical calcification on the right.", "tunical calcification", "scrotum"),
    ("Calcification of the tunica albuginea inferiorly.", "Calcification", "scrotum"),
]


@pytest.mark.parametrize(("text", "mention", "site"), HYPHENATED_AND_ORGAN_WORDS)
def test_organ_and_prefixed_place_words(findings_of, text, mention, site):
    (f,) = findings_of("FINDINGS: " + text)
    assert f.mention == mention
    if site:
        assert f.site == site


@pytest.mark.parametrize(
    "text",
    ["XR pelvis: single phleb, o/w unremarkable", "CT A/P: scattered pelvic phlebs"],
)
def test_a_phleb_is_a_phlebolith(only, text):
    """'phleb(s)' is the terse form of phlebolith(s): a vein, dystrophic by
    its own name (guide §4 rule 1)."""
    f = only(text)
    assert (f.site, f.classification) == ("vein", "dystrophic")


def test_a_calc_gran_is_a_calcified_granuloma(only):
    """'calc gran' is a calcified granuloma written short: the lung by its
    lobe, dystrophic by its own name (guide §4 rule 1)."""
    f = only("1. calc gran RUL\n2. no acute findings")
    assert (f.site, f.laterality, f.classification) == ("lung", "right", "dystrophic")
