"""Site, side and class in clinical-note style text (guide §2 "Site and side
from context", guide §4).

Every fragment is made up for this file, in the manner of operative notes,
consults, CT / ultrasound / echo reports, discharge summaries and long
history paragraphs. Each class of convention is written several ways (word
order, capitals, punctuation, line breaks, XXXX masks), so a rule fitted to
one sentence fails some row:

- a side inside or after the site phrase ('the left lobe of the liver', 'on
  the right', 'kidney (right)', 'right and left'), and a side word said of
  another structure, which the finding must not take;
- a site carried from a label, an earlier sentence or a word pointing back
  ('It', 'these', 'the vessel'), and where that stops (a new label or
  paragraph);
- the class when the cause is named in another sentence at the same place
  (guide §4 rule 4), and not when it is named at another place;
- the site and side an exam heading gives (guide §2 step 5).
"""

from __future__ import annotations

from typing import Any

import pytest

# (text, a word of the finding's mention or '' for the note's only finding,
#  expected fields)
SIDE_IN_PHRASE: list[tuple[str, str, dict[str, Any]]] = [
    ("CT abdomen shows a coarse calcification within the left lobe of the liver.", "", {"site": "liver", "laterality": "left"}),
    ("Punctate calcification in the right hepatic lobe, likely an old granuloma.", "calcification", {"site": "liver", "laterality": "right"}),
    ("Small calcification noted in the kidney on the right.", "", {"site": "kidney", "laterality": "right"}),
    ("The adrenal gland on the LEFT contains a coarse calcification.", "", {"site": "adrenal gland", "laterality": "left"}),
    ("Renal ultrasound: calcification, kidney (right), 4 mm.", "", {"site": "kidney", "laterality": "right"}),
    ("Calcified plaque in the carotid bulbs, right and left.", "", {"site": "carotid artery", "laterality": "bilateral"}),
    ("Vascular calcification of the femoral arteries, right more than left.", "", {"site": "artery", "laterality": "bilateral"}),
    ("Left-sided renal calcification measuring 4 mm.", "", {"site": "kidney", "laterality": "left"}),
    ("Calcification in the (L) breast at 3 o'clock.", "", {"site": "breast", "laterality": "left"}),
    ("(R) kidney: 3 mm nonobstructing calcification.", "", {"site": "kidney", "laterality": "right"}),
    ("Drained 2 (L) of fluid; calcified granuloma noted.", "", {"laterality": ""}),
    ("Calcification in the breast (L), unchanged.", "", {"site": "breast", "laterality": "left"}),
    ("Right sided adrenal calcification, unchanged.", "", {"site": "adrenal gland", "laterality": "right"}),
    ("Calcified pleural plaques along the left hemithorax.", "", {"site": "pleura", "laterality": "left"}),
    ("Calcifications are seen within the lower pole of the kidney on the left side.", "", {"site": "kidney", "laterality": "left"}),
    ("Dense calcification in the ovary, right, 1 cm.", "", {"site": "ovary", "laterality": "right"}),
    ("Calcified granulomas in the spleen; small left renal cyst.", "", {"site": "spleen", "laterality": ""}),
    ("Coarse calcification in the liver with a small right pleural effusion.", "", {"site": "liver", "laterality": ""}),
    ("Calcified plaque in the left internal carotid artery, the right carotid is patent.", "", {"site": "carotid artery", "laterality": "left"}),
    ("Scattered calcifications in the pancreas; the left adrenal gland is normal.", "", {"site": "pancreas", "laterality": ""}),
    ("CALCIFIED GRANULOMA WITHIN THE SPLEEN PLUS A LEFT ADRENAL ADENOMA.", "", {"site": "spleen", "laterality": ""}),
    ("CT: calcification in the pancreatic tail and a right renal cyst.", "", {"site": "pancreas", "laterality": ""}),
    ("Calcifications in the spleen and in the left kidney.", "", {"site": "spleen", "laterality": ""}),
    ("CT of the abdomen and pelvis showed a 3 cm mass in the head of the pancreas with coarse calcifications, as well as a small left renal cyst.", "", {"site": "pancreas", "laterality": ""}),
    ("Abdominal x-ray showed calcification in the right upper quadrant consistent with a gallstone and vascular calcifications in the pelvis.", "vascular", {"site": "artery", "laterality": ""}),
    ("Calcified RLL granuloma and aortic calcification.", "aortic", {"site": "aorta", "laterality": ""}),
    ("Calcification in the left renal sinus, stone versus vascular calcification.", "vascular", {"laterality": "left"}),
    ("Nodules with calcification in both upper lobes, consistent with metastatic pulmonary calcification.", "metastatic", {"site": "lung", "laterality": "bilateral"}),
    ("He has one calcified node within the right axilla and a left neck mass.", "", {"site": "lymph node", "laterality": "right"}),
    ("Punctate focus in the left renal sinus, likely a vascular calcification.", "", {"laterality": "left"}),
    ("Bilateral periarticular and vascular calcifications.", "", {"laterality": "bilateral"}),
    ("Left knee with chondrocalcinosis of the lateral meniscus.", "", {"site": "cartilage", "laterality": "left"}),
]

CARRIED: list[tuple[str, str, dict[str, Any]]] = [
    ("KIDNEYS: Normal in size and echotexture. There are punctate calcifications.", "", {"site": "kidney"}),
    ("Kidneys:\nNo hydronephrosis.\nA few punctate calcifications bilaterally.", "", {"site": "kidney", "laterality": "bilateral"}),
    ("The gallbladder wall is thickened. It contains a thin rim of calcification.", "", {"site": "gallbladder"}),
    ("There is a 3 cm mass in the head of the pancreas. Scattered calcifications are seen within it.", "", {"site": "pancreas"}),
    ("A 2 cm lesion is seen in the right ovary. It shows peripheral calcification.", "", {"site": "ovary", "laterality": "right"}),
    ("Liver: Homogeneous.\nSpleen: 11 cm. A few punctate calcifications.", "", {"site": "spleen"}),
    ("Liver: Normal. Spleen: Normal. There are a few calcifications.", "", {"site": "spleen"}),
    ("ABDOMEN: Liver normal in size. Pancreas: Atrophic, with coarse calcifications throughout.", "", {"site": "pancreas"}),
    ("Right kidney: 10 cm, normal. Left kidney: 11 cm. Punctate calcification in the mid pole.", "", {"site": "kidney", "laterality": "left"}),
    ("SPLEEN: normal.\nKIDNEYS: no hydronephrosis. Coarse calcification in the upper pole.", "", {"site": "kidney"}),
    ("The LAD is a large vessel. There is moderate calcified plaque in the proximal vessel.", "", {"site": "coronary artery"}),
    ("The thyroid is enlarged, with a dominant nodule in the right lobe. The nodule contains coarse calcifications.", "", {"site": "thyroid"}),
    ("Two nodules are seen in the left lobe of the liver. These are densely calcified.", "", {"site": "liver", "laterality": "left"}),
    ("LEFT KIDNEY: 11 cm, small cyst.\nRIGHT KIDNEY: 10 cm. Punctate calcification in the mid pole.", "", {"site": "kidney", "laterality": "right"}),
    ("The right kidney is small. There is a coarse calcification in its lower pole.", "", {"site": "kidney", "laterality": "right"}),
    ("The left kidney measures 11 cm. There is a punctate calcification in its upper pole.", "", {"site": "kidney", "laterality": "left"}),
    ("The left lobe of the thyroid is enlarged. A coarse calcification is present in its lower pole.", "", {"site": "thyroid", "laterality": "left"}),
    # a part word writing its own side keeps it after another side's part
    ("Calcified granuloma in the right hepatic lobe. Coarse calcification in the left lobe of the liver.", "calcification", {"site": "liver", "laterality": "left"}),
    ("A granuloma in the right lobe of the liver. A calcified granuloma in the left lobe of the liver.", "calcified granuloma", {"site": "liver", "laterality": "left"}),
    ("THE RIGHT BREAST WAS IMAGED IN TWO VIEWS. CALCIFICATIONS ARE SEEN IN ITS UPPER OUTER QUADRANT.", "", {"site": "breast", "laterality": "right"}),
    ("The right kidney is small.\n\nThe left kidney contains a cyst. There is a coarse calcification in its lower pole.", "", {"site": "kidney", "laterality": "left"}),
    ("The right kidney is normal. The left kidney is small. A calcification is seen in its upper pole.", "", {"site": "kidney", "laterality": "left"}),
    ("The right kidney was exposed. Several calcifications were palpable in the lower pole.", "", {"site": "kidney", "laterality": "right"}),
    ("LEFT KIDNEY IS 11 CM. A 4 MM CALCIFICATION IS SEEN IN THE UPPER POLE.", "", {"site": "kidney", "laterality": "left"}),
    ("Both kidneys are normal in size. A punctate calcification is seen in the upper pole.", "", {"site": "kidney", "laterality": ""}),
    ("Liver: 2 cm cyst in segment 4.\n\nImpression: No acute process. Scattered vascular calcifications.", "", {"site": "artery"}),
    ("The liver has a 3 cm hemangioma in segment 7. Calcification is seen centrally.", "", {"site": "liver"}),
    ("LUNGS: The calcified granuloma in the RUL is unchanged. No new calcification.", "calcification", {"site": "", "classification": "indeterminate"}),
    ("Thyroid: 1 cm nodule with coarse calcification.\nNo new calcifications.", "calcifications", {"site": ""}),
    ("Liver: no new calcifications in the liver.", "", {"site": "liver"}),
    ("EXAM: Left mammogram.\nFINDINGS: No new calcifications.", "", {"site": "breast", "laterality": "left"}),
    ("Cyst in the spleen measuring 2.1 cm, image 12. Rim calcification is noted.", "", {"site": "spleen"}),
    ("The right adrenal gland contains a 2 cm nodule. The nodule has peripheral calcification.", "", {"site": "adrenal gland", "laterality": "right"}),
    ("LEFT OVARY CONTAINS A 3 CM MASS. THE MASS HAS COARSE CALCIFICATIONS.", "", {"site": "ovary", "laterality": "left"}),
    ("Impression:\n1. Cyst in segment 7.\n2. Coarse calcification.", "", {"site": ""}),
]

CLASS_ELSEWHERE: list[tuple[str, str, dict[str, Any]]] = [
    ("HISTORY: Splenic infarct in XXXX.\nFINDINGS: Peripheral calcification in the spleen.", "", {"site": "spleen", "classification": "dystrophic"}),
    ("Prior whole brain radiotherapy for metastatic melanoma. CT head: scattered calcifications in the left frontal lobe.", "", {"site": "brain", "classification": "dystrophic"}),
    ("Status post partial nephrectomy of the left kidney in XXXX.\nFINDINGS: Coarse calcification in the left kidney.", "", {"site": "kidney", "laterality": "left", "classification": "dystrophic"}),
    ("Old granuloma in the right lung. Punctate calcification in the left kidney.", "calcification", {"site": "kidney", "classification": "indeterminate"}),
    ("PMH: ESRD on hemodialysis.\nCT abdomen: Punctate calcifications in both kidneys.", "", {"site": "kidney", "classification": "metastatic"}),
    ("INDICATION: ?goiter.\nFINDINGS: Punctate calcification in the thyroid parenchyma.", "", {"site": "thyroid", "classification": "indeterminate"}),
    ("Calcified granuloma, right lower lobe. Elsewhere, scattered calcifications in the lungs.", "calcifications", {"site": "lung", "classification": "indeterminate"}),
    ("Prior left breast lumpectomy.\nCT chest: coarse calcification in the right kidney.", "", {"site": "kidney", "classification": "indeterminate"}),
    ("Remote history of a left renal infarct. CT: cortical calcification in the left kidney.", "", {"site": "kidney", "laterality": "left", "classification": "dystrophic"}),
    ("Remote history of a left renal infarct. CT: cortical calcification in the right kidney.", "", {"site": "kidney", "laterality": "right", "classification": "indeterminate"}),
    ("The patient was in a motor vehicle accident in XXXX with a splenic hematoma.\nCT now shows splenic calcification.", "", {"site": "spleen", "classification": "dystrophic"}),
    ("Left thigh contusion two months ago. Radiograph shows calcification in the vastus lateralis.", "", {"site": "muscle", "laterality": "left", "classification": "dystrophic"}),
    ("Swelling of the LEFT ARM since a fall in XXXX. X-ray shows calcification in the biceps muscle.", "", {"site": "muscle", "laterality": "left"}),
    ("Thyroid: punctate calcification in the left lobe without a discrete nodule.", "", {"site": "thyroid", "classification": "indeterminate"}),
    ("THYROID GLAND: NO NODULE. A FEW PARENCHYMAL CALCIFICATIONS, NO NODULE SEEN.", "", {"site": "thyroid", "classification": "indeterminate"}),
    ("Thyroid ultrasound: 1.2 cm nodule in the right lobe with microcalcifications.", "", {"site": "thyroid", "classification": "dystrophic"}),
    ("Thyroid: coarse calcification within a right lobe nodule, no other nodules.", "", {"site": "thyroid", "classification": "dystrophic"}),
    ("Liver: treated segment 6 metastasis, smaller, with new coarse calcification.", "", {"site": "liver", "classification": "dystrophic"}),
    ("IMPRESSION: The treated left adrenal metastasis is now densely calcified.", "", {"classification": "dystrophic"}),
    ("Untreated hepatic metastasis with internal calcification.", "", {"classification": "indeterminate"}),
    ("Echo: mobile calcified mass in the left atrium, favored organized thrombus.", "mass", {"classification": "dystrophic"}),
    ("Thickened pericardium with calcification, probably radiation-related.", "", {"site": "pericardium", "classification": "dystrophic"}),
    ("Dense pericardial calcification, radiation related, after mantle field therapy.", "", {"classification": "dystrophic"}),
    ("Remote liver laceration after a motor vehicle accident.\nCT: coarse calcification in the liver.", "", {"site": "liver", "classification": "dystrophic"}),
]

EXAM_GIVEN: list[tuple[str, str, dict[str, Any]]] = [
    ("MAMMOGRAM, LEFT\nFINDINGS: Scattered benign-appearing calcifications.", "", {"site": "breast", "laterality": "left"}),
    ("Procedure: Diagnostic mammogram of the right breast.\nFINDINGS: Round calcifications, unchanged.", "", {"site": "breast", "laterality": "right"}),
    ("X-rays of the left knee show chondrocalcinosis.", "", {"site": "cartilage", "laterality": "left"}),
    ("Radiographs of the right shoulder demonstrate calcific tendinitis.", "", {"site": "tendon", "laterality": "right"}),
    ("Ultrasound of the kidneys demonstrated scattered calcifications.", "", {"site": "kidney", "laterality": "bilateral"}),
    ("CT HEAD WITHOUT CONTRAST\nFINDINGS: Punctate calcification in the left frontal lobe.", "", {"site": "brain", "laterality": "left"}),
    ("US THYROID\nFINDINGS: Right lobe: 1 cm nodule with peripheral calcification.", "", {"site": "thyroid", "laterality": "right"}),
    ("DIAGNOSTIC MAMMOGRAM, RIGHT,FINDINGS: Grouped round calcifications.", "", {"site": "breast", "laterality": "right"}),
    # a one-sided mammogram images that breast's vessels, skin and axillary nodes
    ("DIAGNOSTIC MAMMOGRAM, LEFT,FINDINGS: , Scattered vascular calcifications.", "", {"site": "artery", "laterality": "left"}),
    ("MAMMOGRAM, RIGHT\nFINDINGS: Dermal calcifications, benign.", "", {"site": "skin", "laterality": "right"}),
    # a title's side after its comma, with the part it is of
    ("ARTERIAL DUPLEX, LEFT LOWER EXTREMITY,FINDINGS: , The superficial femoral artery shows diffuse calcification.", "", {"site": "artery", "laterality": "left"}),
    ("PERIPHERAL ANGIOGRAM, RIGHT LOWER EXTREMITY,FINDINGS: , The popliteal artery is heavily calcified.", "", {"site": "artery", "laterality": "right"}),
    # the side written between the exam's words and its organ
    ("ULTRASOUND LEFT KIDNEY,FINDINGS: , Layering milk of calcium in a cyst.", "", {"site": "kidney", "laterality": "left"}),
    ("We prepped the left lower extremity. Tourniquet up. Chondrocalcinosis of the lateral meniscus was seen.", "", {"site": "cartilage", "laterality": "left"}),
    # the first exam section is the exam line (an imaging-guided procedure's;
    # an operation's side is no study's: tests/test_note_sites_more.py)
    ("PROCEDURE: Ultrasound-guided lavage, left shoulder.\nINDICATIONS: Pain.\nPROCEDURE: The right arm was tucked at the side. Calcific deposits were removed from the supraspinatus tendon.", "", {"site": "tendon", "laterality": "left"}),
    ("PROCEDURE: MR arthrogram, right knee.\nFINDINGS: Chondrocalcinosis of the medial meniscus.\nPROCEDURE: Left knee injection.", "", {"site": "cartilage", "laterality": "right"}),
    ("Prepped and draped the RIGHT UPPER EXTREMITY. Calcific tendinitis of the rotator cuff was debrided.", "", {"site": "tendon", "laterality": "right"}),
    ("Screening mammogram, bilateral\nFINDINGS: Benign calcifications.", "", {"site": "breast", "laterality": ""}),
    ("XR SHOULDER, RIGHT\nFINDINGS: Calcification in the supraspinatus tendon.", "", {"site": "tendon", "laterality": "right"}),
    ("RENAL ULTRASOUND\nFINDINGS: A 4 mm echogenic shadowing focus, likely calcification.", "", {"site": "kidney"}),
    ("EXAM: Renal US\nFINDINGS: Right kidney 10 cm. Nonshadowing echogenic focus, possibly a tiny calcification.", "", {"site": "kidney", "laterality": "right"}),
    ("Ultrasound of the kidneys, left\nFindings: Punctate calcification.", "", {"site": "kidney", "laterality": "left"}),
    ("CAROTID DUPLEX\nFINDINGS: Calcified plaque at the bulb.", "", {"site": "carotid artery"}),
    ("EXAM: Carotid ultrasound, left.\nFINDINGS: Mild calcified plaque at the bifurcation.", "", {"site": "carotid artery", "laterality": "left"}),
    ("HPI: 55 yo male with history of left-sided chest pain. Chest x-ray showed a calcified granuloma.", "", {"site": "lung"}),
    ("Outside CXR XX/XX/XXXX: old calcified granulomas, otherwise clear.", "", {"site": "lung"}),
    # a report with no exam line told a chest film by its words: the
    # costophrenic angles are a chest film's
    ("FINDINGS: The lungs are clear. Calcified granuloma near the left costophrenic angle. Heart size is normal.", "", {"site": "lung", "laterality": "left"}),
    ("She reports that a mammogram last year showed benign calcifications.", "", {"site": "breast"}),
    ("A renal ultrasound in XXXX showed a tiny echogenic focus, likely a calcification.", "", {"site": "kidney"}),
    ("His abdominal CT showed a calcified granuloma.", "", {"site": ""}),
    ("CT ABDOMEN\nFINDINGS: Calcified granuloma.", "", {"site": ""}),
    ("There is a mass in the left breast at 2 o'clock.\n\nIMPRESSION: Pleomorphic calcifications, suspicious.", "", {"site": "", "laterality": ""}),
    ("US PELVIS\nFINDINGS: Punctate calcification.", "", {"site": ""}),
]

# A part word several organs share ('the lower pole') takes the side its own
# sentence gives that organ before the sentences before it.
OWN_SENTENCE = [
    ("Right kidney: Normal. Left kidney: Punctate calcification in the lower pole.", "", {"site": "kidney", "laterality": "left"}),
    ("The right kidney is normal. The left kidney is small with a calcification in its upper pole.", "", {"site": "kidney", "laterality": "left"}),
]

ROWS = SIDE_IN_PHRASE + CARRIED + CLASS_ELSEWHERE + EXAM_GIVEN + OWN_SENTENCE


@pytest.mark.parametrize(("text", "word", "expected"), ROWS)
def test_note_site(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected
