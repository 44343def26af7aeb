"""Site and side of findings written the ways real radiology exports write
them (guide §2 "Site and side from context" and the site vocabulary).

Every report here is made up for this file. Each group is one rule of the
guide that decides the site or side, written as another radiologist or
transcriptionist might put the same fact: other word order, abbreviations
(RUL, LLL, LAD, ICA, Rt, Lt, R, L, b/l), capitals, a missing full stop, a
line break, a de-identification mask (XXXX) in another place, the finding in
the impression, MTSamples-style comma-joined headings. Expected values come
from the guide, not from the program:

- the mention's own words, or the place phrase of its clause (steps 1-2),
  including a lobe whose side is abbreviated ('Rt lower lobe', 'L upper
  lobe': the lung's, as 'right lower lobe' is);
- a lesion the sentence says it is, a label line, a sentence pointed back
  to, the exam's one reading (steps 3-5);
- two places joined by 'and', 'as well as' or 'and also', one on each side,
  make the finding bilateral; the plural of a paired organ, 'both' and
  'bilaterally' too;
- midline organs and heart structures take no side (aorta, pineal, LAD);
- masks hide words, not structure: 'lymph XXXX' is a node, and 'the
  thoracic XXXX' a calcification's phrase names is the aorta, as 'the
  aortic XXXX' is;
- node stations, lobes and vessels by abbreviation, breast clock positions
  and quadrants.
"""

from __future__ import annotations

from typing import Any

import pytest

CXR = "EXAM: Chest PA and lateral.\nFINDINGS: The heart is normal in size. "

# (text, a word of the finding's mention or '' for the report's only finding,
#  expected fields)
LOBES: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcified granuloma in the RUL.", "", {"site": "lung", "laterality": "right"}),
    ("CALCIFIED GRANULOMA, LLL.", "", {"site": "lung", "laterality": "left"}),
    ("Calcified granuloma RML", "", {"site": "lung", "laterality": "right"}),
    ("Small calcified nodule in the lingula.", "", {"site": "lung", "laterality": "left"}),
    ("Calcified granuloma projecting over the left midlung zone.", "", {"site": "lung", "laterality": "left"}),
    ("Calcified granuloma in the LEFT APEX.", "", {"site": "lung", "laterality": "left"}),
    ("Calcified nodule\nin the right lower lobe", "", {"site": "lung", "laterality": "right"}),
    ("Calcified granuloma in the right-sided lung base.", "", {"site": "lung", "laterality": "right"}),
    ("In the right lower lobe there is a calcified granuloma.", "", {"site": "lung", "laterality": "right"}),
    ("Left lower lobe: calcified granuloma.", "", {"site": "lung", "laterality": "left"}),
    ("A small calcified granuloma is again noted in the right lung apex", "", {"site": "lung", "laterality": "right"}),
    ("IMPRESSION:\n1. Calcified granuloma in the RIGHT LOWER LOBE.", "", {"site": "lung", "laterality": "right"}),
    ("IMPRESSION: ,1.  Calcified granuloma in the left upper lobe.,2.  No acute disease.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Granuloma, calcified, in the left midlung.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma\nright upper lobe.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Left lung base: calcified granuloma, unchanged.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Right apical calcified granuloma.", "", {"site": "lung", "laterality": "right"}),
    # a side written short before a lobe: the lung's lobe on that side
    ("A 4 mm calcified nodule in the R lower lobe.", "", {"site": "lung", "laterality": "right"}),
    ("Calcified granuloma in the L upper lobe.", "", {"site": "lung", "laterality": "left"}),
    ("Calcified granuloma in the Rt lower lobe.", "", {"site": "lung", "laterality": "right"}),
    ("CALCIFIED GRANULOMA IN THE LT UPPER LOBE.", "", {"site": "lung", "laterality": "left"}),
    ("Calcified granuloma in the L. upper lobe.", "", {"site": "lung", "laterality": "left"}),
    ("Calcified nodule in the rt. lower lobe.", "", {"site": "lung", "laterality": "right"}),
    ("Calcified granuloma, R middle lobe.", "", {"site": "lung", "laterality": "right"}),
]

SENTENCE_BEFORE_AND_EXAM: list[tuple[str, str, dict[str, Any]]] = [
    ("There is a 6 mm nodule in the right upper lobe. It is densely calcified.", "calcified", {"site": "lung", "laterality": "right"}),
    ("Nodule in the left lower lobe. This is calcified, consistent with granuloma.", "calcified", {"site": "lung", "laterality": "left"}),
    (CXR + "Nodule in the left midlung zone. This may contain calcium.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "In the right lower lobe there is a 2 cm nodule that is not calcified.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Left apical nodule, most XXXX a calcified granuloma.", "granuloma", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcific density in the left lung apex, compatible with granuloma.", "density", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma.", "", {"site": "lung"}),
    ("CHEST TWO VIEWS,FINDINGS:, Lungs are clear. Calcified granuloma noted., IMPRESSION:, No acute process.", "", {"site": "lung"}),
    # a clause about another structure gives no side
    (CXR + "No right pleural effusion. Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CXR + "Left-sided pacemaker. Calcified lymph XXXX.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified granuloma with a small left pleural effusion.", "", {"site": "lung", "laterality": ""}),
    # one-sided exams and label lines
    ("EXAM: Left knee, three views.\nFINDINGS: Chondrocalcinosis of the lateral meniscus.", "", {"site": "cartilage", "laterality": "left"}),
    ("EXAM: RIGHT SHOULDER.\nFINDINGS: Calcific tendinitis of the supraspinatus tendon.", "", {"site": "tendon", "laterality": "right"}),
    ("EXAM: XR SHOULDER LEFT 2 VIEWS\nFINDINGS: Calcification projects over the supraspinatus insertion.", "", {"site": "tendon", "laterality": "left"}),
    ("KIDNEYS: Punctate calcification in the right lower pole.", "", {"site": "kidney", "laterality": "right"}),
    ("FINDINGS:,RIGHT KIDNEY: , 10.5 cm, with a 3 mm calcification in the upper pole.,LEFT KIDNEY: , 11 cm, normal.", "", {"site": "kidney", "laterality": "right"}),
    ("CAROTID DUPLEX:,Right: Calcified plaque at the bulb with less than 50% stenosis.,Left: No plaque.", "", {"site": "carotid artery", "laterality": "right"}),
]

LISTS_AND_BOTH_SIDES: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcified granulomas in the right upper lobe and left lower lobe.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas in the RUL as well as the LLL.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified lymph nodes in the right hilum as well as the left hilum.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("Calcified lymph nodes in the right hilum, and also the left hilum.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("Calcified granulomas in the right lung as well as in the left lung.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Scattered calcified granulomas in the left lung as well as the right lung.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified plaque in the right carotid bulb, as well as the left carotid bulb.", "", {"site": "carotid artery", "laterality": "bilateral"}),
    ("Calcified lymph nodes in the right hilum and in the left hilum.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("Calcified granulomas involving the RUL and LUL.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas in the RML and RLL.", "", {"site": "lung", "laterality": "right"}),
    ("Calcified right hilar and left apical granulomas.", "", {"laterality": "bilateral"}),
    ("Calcified granulomas, left more than right.", "", {"laterality": "bilateral"}),
    (CXR + "Multiple calcified granulomas, R>L.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Vascular calcifications in the Rt and Lt femoral arteries.", "", {"site": "artery", "laterality": "bilateral"}),
    ("B/L renal calcifications.", "", {"site": "kidney", "laterality": "bilateral"}),
    ("Calcified granulomas in both lungs.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified pleural plaques, bilat.", "", {"site": "pleura", "laterality": "bilateral"}),
    ("Calcified plaque in the carotid bulbs bilaterally.", "", {"site": "carotid artery", "laterality": "bilateral"}),
    (CXR + "Calcified hilar lymph XXXX on both sides.", "", {"site": "lymph node", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas in both hilar regions.", "", {"site": "lymph node", "laterality": "bilateral"}),
    # the side of the first place only, where the joined place is on it too
    ("Calcified granulomas in the left lung base and left hilum.", "granulomas", {"laterality": "left"}),
    # another item joined by 'as well as' with no side of its own adds none
    ("Calcific disease of the left external iliac artery as well as the common femoral arteries.", "", {"site": "artery", "laterality": "left"}),
]

MIDLINE_AND_HEART: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcified aortic knob on the left.", "", {"site": "aorta", "laterality": ""}),
    ("Calcification in the aortic arch on the left.", "", {"site": "aorta", "laterality": ""}),
    ("Pineal calcification, midline.", "", {"site": "pineal gland", "laterality": "", "physiologic": True}),
    ("Calcified falx.", "", {"site": "dura", "laterality": "", "physiologic": True}),
    ("Calcified plaque in the proximal LAD.", "", {"site": "coronary artery", "laterality": ""}),
    ("Left main calcification.", "", {"site": "coronary artery", "laterality": ""}),
    ("Calcific plaque in the LCx.", "", {"site": "coronary artery", "laterality": ""}),
    ("LAD: Heavily calcified proximal segment with 70% stenosis.", "", {"site": "coronary artery", "laterality": ""}),
    ("Calcification of the left ventricular apex.", "", {"site": "myocardium", "laterality": ""}),
    ("Mitral valve: mild MAC, no stenosis.", "", {"site": "mitral annulus", "laterality": ""}),
    ("Calcified AP window node.", "", {"site": "lymph node", "laterality": ""}),
    ("Calcified precarinal lymph node.", "", {"site": "lymph node", "laterality": ""}),
]

VESSELS: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcified plaque at the origin of the left ICA.", "", {"site": "carotid artery", "laterality": "left"}),
    ("Calcified atherosclerotic plaque, L ICA origin.", "", {"site": "carotid artery", "laterality": "left"}),
    ("Calcified plaque in the L CCA.", "", {"site": "carotid artery", "laterality": "left"}),
    ("Vascular calcification in the right SFA.", "", {"site": "artery", "laterality": "right"}),
    ("Calcification of the abdominal aorta and iliac arteries.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Aortic vascular calcifications.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Vascular calcifications are seen.", "", {"site": "artery", "laterality": ""}),
    ("Vascular calcifications in the left breast.", "", {"site": "artery", "laterality": "left"}),
]

MASKS: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcified mediastinal lymph XXXX.", "", {"site": "lymph node", "laterality": ""}),
    ("Calcified subcarinal XXXX.", "", {"site": "lymph node", "laterality": ""}),
    ("Calcified XXXX in the right hilum.", "", {"site": "lymph node", "laterality": "right"}),
    ("CALCIFIED RIGHT HILAR LYMPH XXXX.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "calcified left paratracheal lymph XXXX", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcifications XXXX the aortic XXXX.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Mild aortic XXXX calcification.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "The aortic XXXX is calcified.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "XXXX calcified granuloma in the left lung.", "", {"site": "lung", "laterality": "left"}),
    # 'the thoracic XXXX' or 'the abdominal XXXX' a calcification's phrase
    # names is the aorta: the specific vessel beats 'vascular' or an
    # atherosclerotic finding's generic artery
    (CXR + "Vascular calcification of the thoracic XXXX.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "The thoracic XXXX is tortuous and calcified.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcified plaque in the thoracic XXXX.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcified atherosclerotic disease of the thoracic XXXX.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "MILD ATHEROSCLEROTIC CALCIFICATION ALONG THE THORACIC XXXX.", "", {"site": "aorta", "laterality": ""}),
    ("EXAM: Abdomen.\nFINDINGS: Calcification of the abdominal XXXX.", "", {"site": "aorta", "laterality": ""}),
]

BREAST: list[tuple[str, str, dict[str, Any]]] = [
    ("Grouped calcifications in the left breast at 2 o'clock.", "", {"site": "breast", "laterality": "left"}),
    ("Calcifications in the upper outer quadrant of the right breast.", "", {"site": "breast", "laterality": "right"}),
    ("Left breast 10:00 position, amorphous calcifications.", "", {"site": "breast", "laterality": "left"}),
    ("Amorphous microcalcifications in the RIGHT UOQ.", "", {"site": "breast", "laterality": "right"}),
    ("Clustered calcifications, LT breast, 3 o'clock, 4 cm from the nipple.", "", {"site": "breast", "laterality": "left"}),
    ("MAMMOGRAM LEFT BREAST:\nScattered benign calcifications.", "", {"site": "breast", "laterality": "left"}),
    ("Right breast 12:00, 5 cm FN: pleomorphic calcifications.", "", {"site": "breast", "laterality": "right"}),
    ("BILATERAL MAMMOGRAM: Scattered benign calcifications.", "", {"site": "breast", "laterality": "bilateral"}),
    ("MAMMOGRAM:,LEFT BREAST: , Clustered microcalcifications in the upper outer quadrant.,RIGHT BREAST: , Negative.", "", {"site": "breast", "laterality": "left"}),
]

NOTE_HEADINGS: list[tuple[str, str, dict[str, Any]]] = [
    ("CT ABDOMEN:, There are calcifications in the pancreas consistent with chronic pancreatitis.", "", {"site": "pancreas", "laterality": ""}),
    ("CT ABDOMEN: ,Small calcification in the right kidney.", "", {"site": "kidney", "laterality": "right"}),
    ("FINDINGS:,The aorta is heavily calcified.,IMPRESSION:,Atherosclerosis.", "", {"site": "aorta", "laterality": ""}),
    ("CT PELVIS:, Pelvic phleboliths.", "", {"site": "vein", "laterality": ""}),
    ("CT ABDOMEN AND PELVIS:,Calcified plaque in the left common iliac artery.", "", {"site": "artery", "laterality": "left"}),
    ("CT CHEST:, Calcified granuloma in the right middle lobe.,CT ABDOMEN:, The liver is normal.", "", {"site": "lung", "laterality": "right"}),
    ("IMPRESSION:,1.  Calcified left adrenal nodule, likely old hemorrhage.,2.  Normal kidneys.", "", {"site": "adrenal gland", "laterality": "left"}),
    ("THYROID:, Left lobe: 8 mm nodule with coarse calcification.", "", {"site": "thyroid", "laterality": "left"}),
    ("HEAD CT: ,There is calcification in the right basal ganglia.", "", {"site": "basal ganglia", "laterality": "right"}),
    ("SCROTAL ULTRASOUND:,RIGHT TESTIS: , Microlithiasis with scattered calcifications.,LEFT TESTIS: , Normal.", "", {"site": "scrotum", "laterality": "right"}),
]

ROWS = LOBES + SENTENCE_BEFORE_AND_EXAM + LISTS_AND_BOTH_SIDES + MIDLINE_AND_HEART + VESSELS + MASKS + BREAST + NOTE_HEADINGS


@pytest.mark.parametrize(("text", "word", "expected"), ROWS)
def test_real_style_site_and_side(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# 'cartilage' with a rib named on it is the costal cartilage (guide §2
# vocabulary: costal cartilage, the costal cartilages; physiologic), the
# narrower of the two names that fit; joint cartilage stays cartilage
RIB_CARTILAGE: list[tuple[str, str, dict[str, Any]]] = [
    (CXR + "Calcification of the cartilage of the left first rib.", "", {"site": "costal cartilage", "laterality": "left", "physiologic": True}),
    (CXR + "Calcified cartilage of the right first rib.", "", {"site": "costal cartilage", "laterality": "right", "physiologic": True}),
    (CXR + "Cartilage of the right first rib is calcified.", "", {"site": "costal cartilage", "laterality": "right", "physiologic": True}),
    (CXR + "CALCIFIED CARTILAGE OF THE LEFT FIRST RIB", "", {"site": "costal cartilage", "laterality": "left", "physiologic": True}),
    (CXR + "Calcified costal cartilage.", "", {"site": "costal cartilage", "physiologic": True}),
    ("EXAM: Right knee.\nFINDINGS: Calcified cartilage.", "", {"site": "cartilage", "laterality": "right", "physiologic": False}),
    ("Calcification of the articular cartilage of the left knee.", "", {"site": "cartilage", "laterality": "left", "physiologic": False}),
]

# a side word inside an earlier finding's words is that finding's: a later
# finding whose own words name its place takes none from it (guide §2 step
# 1; midline node stations take no side), while the earlier one keeps it
SIDE_OF_EARLIER_FINDING: list[tuple[str, str, dict[str, Any]]] = [
    (CXR + "Right perihilar calcified granulomas and subcarinal calcified lymph nodes.", "subcarinal", {"site": "lymph node", "laterality": ""}),
    (CXR + "Right perihilar calcified granulomas and subcarinal calcified lymph nodes.", "perihilar", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified right hilar lymph nodes and calcified subcarinal lymph nodes.", "subcarinal", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified right hilar lymph nodes and calcified subcarinal lymph nodes.", "hilar", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified left hilar lymph node and a calcified aortopulmonary window node.", "aortopulmonary", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified right hilar node, calcified paratracheal node.", "paratracheal", {"site": "lymph node", "laterality": ""}),
    (CXR + "CALCIFIED LEFT HILAR NODE AND CALCIFIED SUBCARINAL NODE", "subcarinal", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified granuloma in the right upper lobe and calcified subcarinal node.", "subcarinal", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified RUL granuloma and calcified mediastinal lymph nodes.", "mediastinal", {"site": "lymph node", "laterality": ""}),
    # one mention naming both places keeps the side written on it
    (CXR + "Right hilar and subcarinal calcified lymph nodes.", "", {"site": "lymph node", "laterality": "right"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), RIB_CARTILAGE + SIDE_OF_EARLIER_FINDING)
def test_rib_cartilage_and_side_of_earlier_finding(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A sentence without a site after one naming a lesion with a side written
# before its shared word ('right lower lobe nodule'): the lesion's whole
# name gives the side, as it does inside one mention (guide §2 step 4);
# the place of something that is no lesion ('the left breast parenchyma'
# with distortion) gives none, nor do two lesions on two sides.
SIDE_OF_LESION_NAMED_BEFORE: list[tuple[str, str, dict[str, Any]]] = [
    (CXR + "8 mm right lower lobe nodule. Not calcified.", "", {"site": "lung", "laterality": "right", "negated": True}),
    (CXR + "Stable 6 mm left upper lobe nodule. Possibly calcified.", "", {"site": "lung", "laterality": "left", "uncertain": True}),
    ("IMPRESSION: 1. A 1 cm RIGHT UPPER LOBE NODULE. NO CALCIFICATION.", "", {"site": "lung", "laterality": "right", "negated": True}),
    ("FINDINGS: Left thyroid lobe nodule, 2 cm. Coarse calcification is present.", "", {"site": "thyroid", "laterality": "left"}),
    (CXR + "A right upper lobe nodule and a left lower lobe nodule. Possibly calcified.", "", {"site": "lung", "laterality": ""}),
    ("MAMMOGRAM: Coarsening of the left breast parenchyma with architectural distortion, postsurgical. A few benign-appearing calcifications are present.", "", {"site": "breast", "laterality": ""}),
]


# A body region that is the object of a study's name ('CT of the chest', a
# masked 'XXXX of the abdomen') says what the study covers, not where the
# finding lies: the sentence before still gives the site (guide §2).
REGION_OF_A_STUDY: list[tuple[str, str, dict[str, Any]]] = [
    (CXR + "9 mm left lower lobe nodular opacity. Not clearly calcified, consider CT of the chest.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Right upper lobe nodule. Indeterminate calcification, recommend followup XXXX of the chest.", "", {"site": "lung", "laterality": "right"}),
    ("FINDINGS: Left kidney lesion, 2 cm. Possible calcification; an ultrasound of the abdomen may help.", "", {"site": "kidney", "laterality": "left"}),
    # a region that is the finding's own place stays a region
    ("FINDINGS: Calcification in the soft tissues of the chest wall.", "", {"site": "soft tissue"}),
    # so does a place an evidence word leads after the finding ('given ...'):
    # it says what the finding is inferred from
    ("ASSESSMENT: Calciphylaxis of the right calf is likely, given the skin findings.", "Calciphylaxis", {"site": "", "laterality": "right"}),
    ("ASSESSMENT: Calciphylaxis, given the skin ulcers and the progression of subcutaneous calcification.", "Calciphylaxis", {"site": ""}),
    # a place a preposition gives is still a place
    ("Small calcification, favored vascular given its position along the splenic artery.", "", {"site": "artery"}),
]


# The optic nerve and its sheath, behind the globe in the orbit, are the
# eye's (guide §2 vocabulary: eye, other ocular), not the brain an exam's
# title names; the optic nerve head is the optic disc.
OPTIC_NERVE: list[tuple[str, str, dict[str, Any]]] = [
    ("HEAD CT: Calcified lesion along the left optic nerve, likely a sheath meningioma.", "", {"site": "eye", "laterality": "left"}),
    ("CT ORBITS: Calcification of the right optic nerve sheath.", "", {"site": "eye", "laterality": "right"}),
    ("BRAIN MRI: Calcified mass in the left orbit.", "", {"site": "eye", "laterality": "left"}),
    ("Calcification at the right optic nerve head, consistent with drusen.", "", {"site": "eye", "laterality": "right"}),
]


# A place a sentence says is clear holds nothing: the sentence after it
# does not place its finding there (guide §2: no site from a denied
# phrase); a finding naming its own kind still takes the exam's reading.
AFTER_A_CLEAR_PLACE: list[tuple[str, str, dict[str, Any]]] = [
    ("EXAM: Chest 2 views.\nFINDINGS: Lungs are clear without consolidation. Several calcifications are again seen.", "", {"site": ""}),
    ("EXAM: Chest 2 views.\nFINDINGS: The lungs remain clear. Scattered calcifications, unchanged.", "", {"site": ""}),
    ("EXAM: Chest 2 views.\nFINDINGS: Lungs clear. Multiple calcifications noted.", "", {"site": ""}),
    ("EXAM: Chest 2 views.\nFINDINGS: Lungs are clear. Calcified granuloma.", "", {"site": "lung"}),
    ("EXAM: Chest 2 views.\nFINDINGS: Lungs are hyperinflated. Several calcifications are again seen.", "", {"site": "lung"}),
]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    SIDE_OF_LESION_NAMED_BEFORE + REGION_OF_A_STUDY + OPTIC_NERVE + AFTER_A_CLEAR_PLACE,
)
def test_more_site_and_side_rules(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A place a finding is seen over on an image yields to the lesion its
# sentence names it as (guide §2 step 3; "where two fit, the more
# specific"), also when a de-identification mask hides the linking word;
# not to one of two readings the sentence offers, and it stands when the
# sentence names no lesion or places the finding "in" it.
SEEN_OVER: list[tuple[str, str, dict[str, Any]]] = [
    ("CHEST 2 VIEWS: Calcification projects over the mediastinum, likely a calcified lymph node.", "Calcification", {"site": "lymph node"}),
    ("CHEST 2 VIEWS: Faint calcification over the superior mediastinum XXXX a calcified lymph node.", "calcification", {"site": "lymph node"}),
    ("KUB: A calcific focus projects over the left kidney, likely a renal artery calcification.", "focus", {"site": "artery", "laterality": "left"}),
    ("CHEST PA: Calcification overlying the right lung base, possibly a costal cartilage calcification.", "Calcification", {"site": "costal cartilage"}),
    ("KUB: A calcific focus projects over the left kidney and may represent a renal stone or a calcified renal artery aneurysm.", "focus", {"site": "kidney"}),
    ("CHEST 2 VIEWS: Calcification projects over the aortic arch.", "", {"site": "aorta"}),
    ("CHEST 2 VIEWS: Calcification in the anterior mediastinum, likely a calcified lymph node.", "Calcification", {"site": "mediastinum"}),
    # a ureter's (expected) course is where a focus shows on the image: the
    # phlebolith it is named as places it; two readings or none leave the ureter
    ("KIDNEYS/URETERS: Punctate calcification along the course of the left ureter, likely a phlebolith.", "calcification", {"site": "vein", "laterality": "left"}),
    ("CT A/P: Round calcification in the expected course of the right distal ureter, favored to represent a phlebolith.", "calcification", {"site": "vein", "laterality": "right"}),
    ("KUB: Calcification along the expected course of the left ureter may represent a ureteral calculus versus a phlebolith.", "Calcification", {"site": "ureter", "laterality": "left"}),
    ("CT A/P: Linear calcification along the course of the left ureter.", "", {"site": "ureter", "laterality": "left"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), SEEN_OVER)
def test_place_seen_over_yields_to_the_lesion_named(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected
