"""Lesion grouping on whole fictional reports written in the two real-text
styles (a chest film's FINDINGS/IMPRESSION pair with de-identification
masks; clinical notes of many sections), in the wordings another reader or
transcriptionist would use for the same facts (corpora/GUIDE.md,
Descriptors: lesion). Most cases guard against false pairs: two granulomas
of one lung, one on each side, a hilar node and a lung granuloma, another
organ's calcification in the impression, neighbouring vessels or valve
parts, and a history section naming the same organ as the findings."""

from __future__ import annotations

import pytest

# A chest film's impression restating the findings' granuloma in other words:
# an abbreviation, upper case, a mask, a line break for a full stop, a size
# written otherwise, the place left unsaid (same site, side and sub-site).
CXR_RESTATED = [
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Heart size is "
        "normal.\nIMPRESSION: Right upper lobe calcified granuloma. No acute "
        "disease.",
        [1, 1],
    ),
    (
        "FINDINGS: XXXX calcified granuloma RUL. Lungs otherwise clear.\n"
        "IMPRESSION: Calcified granuloma within the right upper lobe.",
        [1, 1],
    ),
    (
        "FINDINGS: There is a calcified granuloma in the right lower lobe.\n"
        "IMPRESSION: Calcified granuloma RLL.",
        [1, 1],
    ),
    (
        "FINDINGS: CALCIFIED GRANULOMA LEFT LOWER LOBE. NO EFFUSION.\n"
        "IMPRESSION: LEFT LOWER LOBE CALCIFIED GRANULOMA.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma right upper lobe\nNo pneumothorax\n"
        "IMPRESSION: Right upper lobe granuloma, calcified",
        [1, 1],
    ),
    (
        "FINDINGS: A 6 mm calcified granuloma in the left mid lung zone.\n"
        "IMPRESSION: No acute cardiopulmonary abnormality. Calcified "
        "granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granulomas in the right lung.\n"
        "IMPRESSION: Right lung granulomas, calcified.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified right hilar lymph nodes.\n"
        "IMPRESSION: Right hilar lymph node calcifications.",
        [1, 1],
    ),
    (
        "FINDINGS: Stable calcified XXXX in the right upper lobe.\n"
        "IMPRESSION: No acute disease. Stable calcified right upper lobe "
        "granuloma.",
        [1, 1],
    ),
]

# Findings that gold keeps apart on a chest film: two lobes of one lung, the
# two sides, a node and a lung granuloma, another organ's calcification or a
# disagreeing side in the impression.
CXR_APART = [
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Second "
        "calcified granuloma in the right lower lobe.\nIMPRESSION: No acute "
        "cardiopulmonary process.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the left lung base. Calcified "
        "granuloma in the right apex.\nIMPRESSION: Negative.",
        [1, 2],
    ),
    (
        "FINDINGS: Left apical calcified granuloma\nRight lower lobe "
        "calcified granuloma\nIMPRESSION: No acute disease",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node. Calcified granuloma in "
        "the right lower lobe.\nIMPRESSION: Calcified right hilar node.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node. Calcified granuloma in "
        "the right lower lobe.\nIMPRESSION: Calcified right lower lobe "
        "granuloma.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Scattered calcified granulomas in both lungs.\n"
        "IMPRESSION: No acute disease. Calcification of the aortic arch.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification of the aortic arch. Calcified granuloma in "
        "the right lung base.\nIMPRESSION: Calcified right basilar "
        "granuloma.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lower lobe.\n"
        "IMPRESSION: Calcified granuloma LLL.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\n"
        "IMPRESSION: Calcified granuloma in the left upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: A 4 mm calcified granuloma in the right upper lobe and a "
        "9 mm calcified granuloma also in the right upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node. Calcified right "
        "paratracheal lymph node.\nIMPRESSION: Calcified right paratracheal "
        "node.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified lymph node in the right hilum. Calcified lymph "
        "node in the left hilum.\nIMPRESSION: Calcified bilateral hilar "
        "lymph nodes.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe.\n"
        "IMPRESSION: Old granulomatous disease with calcified granulomas.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe. Atherosclerotic "
        "calcification of the XXXX aorta.\nIMPRESSION: Old granulomatous "
        "disease. Calcified left upper lobe granuloma.",
        [1, 2, 1],
    ),
]

# Clinical notes: vessel by vessel, both sides of the body, valve parts,
# several sections naming the same or another calcification.
NOTE_VESSELS = [
    (
        "LEFT MAIN: Mild calcification.\nLAD: Dense calcific plaque in the "
        "proximal segment.\nLEFT CIRCUMFLEX: Calcified plaque in the mid "
        "vessel.\nRCA: Minimal calcification.\nIMPRESSION: Calcified plaque "
        "of the proximal LAD.",
        [1, 2, 3, 4, 2],
    ),
    (
        "FINDINGS: The LAD has ostial calcification. The proximal LAD also "
        "has calcified plaque.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the first diagonal branch. Calcified "
        "plaque in the second diagonal branch.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque at the first obtuse marginal. Calcified "
        "plaque in the RCA.\nIMPRESSION: Calcified plaque of the right "
        "coronary artery.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: The left main coronary artery is calcified. The left "
        "anterior descending artery has dense calcification in its proximal "
        "portion. The circumflex is calcified.",
        [1, 2, 3],
    ),
    (
        "RIGHT CAROTID: Calcified plaque at the bulb.\nLEFT CAROTID: "
        "Calcified plaque at the bulb.\nIMPRESSION: Bilateral calcified "
        "carotid plaque.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified plaque of the right common femoral artery. "
        "Calcified plaque of the left common femoral artery.",
        [1, 2],
    ),
    (
        "FINDINGS: Right SFA calcification. Right popliteal artery "
        "calcification.\nIMPRESSION: Calcification of the right superficial "
        "femoral artery.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcification of the aortic knob.\nIMPRESSION: "
        "Atherosclerotic calcification of the aorta.",
        [1, 1],
    ),
]

NOTE_ORGANS = [
    (
        "RIGHT KIDNEY: 4 mm calcification in the lower pole.\nLEFT KIDNEY: "
        "6 mm calcification in the upper pole.\nIMPRESSION: Small right "
        "renal calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Right breast: punctate calcifications at 10 o'clock. Left "
        "breast: coarse calcifications.\nIMPRESSION: Benign left breast "
        "calcifications.",
        [1, 2, 2],
    ),
    (
        "HISTORY: Left breast calcifications, status post benign biopsy.\n"
        "FINDINGS: RIGHT BREAST: Scattered round calcifications.",
        [1, 2],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Calcific aortic stenosis.\nPOSTOPERATIVE "
        "DIAGNOSIS: Calcific aortic stenosis.\nFINDINGS: The aortic valve "
        "leaflets were heavily calcified. The annulus was also calcified.",
        [1, 1, 1, 2],
    ),
    (
        "FINDINGS: Pancreas: coarse calcifications throughout the head.\n"
        "IMPRESSION: Chronic calcific pancreatitis.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcification in the gallbladder wall. Calcification in "
        "the left kidney.\nIMPRESSION: Left renal calcification.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Mitral annular calcification. The aortic valve leaflets "
        "are calcified.\nIMPRESSION: Mitral annular calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: The aortic valve is calcified. The mitral valve is calcified.",
        [1, 2],
    ),
    (
        "RIGHT LOBE: 5 mm nodule with calcification.\nLEFT LOBE: 8 mm nodule "
        "with coarse calcification.\nIMPRESSION: Left thyroid nodule with "
        "coarse calcification.",
        [1, 2, 2],
    ),
    (
        "HISTORY: Calcified granuloma of the right lung on a prior film.\n"
        "FINDINGS: Calcified granuloma in the left lower lobe.",
        [1, 2],
    ),
    (
        "HISTORY: Known right upper lobe calcified granuloma on a 2019 film.\n"
        "FINDINGS: Right upper lobe calcified granuloma, unchanged.",
        [1, 1],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Calcific tendinitis, left shoulder.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\nFINDINGS: A large chalky calcium "
        "deposit was found within the supraspinatus tendon and excised.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node. Calcified granuloma in "
        "the left upper lobe.\nIMPRESSION: Calcified left hilar lymph node.",
        [1, 2, 3],
    ),
]


# A side stated by an abbreviation ("RUL", "LLL", "Lt", the lingula) or
# after the place ("upper lobe on the left") is a side the finding's words
# state: left and right part the findings (GUIDE: sides the two both state
# and that differ still part them).
SIDE_STATED = [
    (
        "FINDINGS: Calcified granuloma in the LUL.\nIMPRESSION: Calcified granuloma in the right upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma left upper lobe.\nIMPRESSION: Calcified granuloma RUL.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the RUL.\nIMPRESSION: Calcified granuloma in the LUL.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the RUL.\nIMPRESSION: Calcified granuloma in the right upper lobe.",
        [1, 1],
    ),
    (
        "FINDINGS: Rt hilar calcified lymph node.\nIMPRESSION: Calcified left hilar lymph node.",
        [1, 2],
    ),
    (
        "FINDINGS: Lt hilar calcified lymph node.\nIMPRESSION: Calcified left hilar lymph node.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified plaque in the right ICA.\nIMPRESSION: Calcified plaque of the Lt ICA.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified granuloma in the lingula.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lower lobe. Calcified granuloma in the right middle lobe.\nIMPRESSION: Calcified granuloma RML.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lower lobe. Calcified granuloma in the right middle lobe.\nIMPRESSION: Calcified granuloma RLL.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe. Calcified granuloma in the left lower lobe.\nIMPRESSION: Calcified granuloma in the LLL.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified granuloma RLL. Calcification of the aortic arch.\nIMPRESSION: 1. No acute disease. 2. Calcified right lower lobe granuloma. 3. Calcified aortic XXXX.",
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe.\nIMPRESSION: Calcified granuloma of the lingula.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the left lower lobe.\nIMPRESSION: Calcified granuloma of the lingula.",
        [1, 2],
    ),
    ("FINDINGS: Calcified plaque in the R CFA. Calcified plaque in the L CFA.", [1, 2]),
    (
        "FINDINGS: Calcified plaque at the Rt carotid bifurcation.\nIMPRESSION: Calcified plaque at the Lt carotid bifurcation.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Similar calcified granuloma on the left.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Calcified granuloma on the left as well.",
        [1, 2],
    ),
    (
        "FINDINGS: CALCIFIED GRANULOMA RUL.\nIMPRESSION: CALCIFIED GRANULOMA LUL.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified granuloma in the upper lobe on the left.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the upper lobe on the right.\nIMPRESSION: Calcified granuloma, upper lobe, left side.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma, RLL.\nIMPRESSION: Granuloma, calcified, LLL.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the left lower lobe.\nIMPRESSION: Calcified granuloma, LLL.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right middle lobe. Calcified granuloma in the right lower lobe.\nIMPRESSION: Calcified granuloma RML.",
        [1, 2, 1],
    ),
]

# More chest-film wordings: nodes and granulomas in one sentence, masks,
# numbered impressions, lobes and zones named otherwise, parts of the aorta
# ("descending thoracic aorta" is not the arch).
CXR_MORE = [
    (
        "FINDINGS: Old calcified granulomas throughout both lungs, along with calcified nodes at the hila.",
        [1, 2],
    ),
    (
        "FINDINGS: Several granulomas in both lungs are calcified; the mediastinal lymph XXXX are calcified too.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granulomas. Calcified lymph XXXX in the right hilum.\nIMPRESSION: Old granulomatous disease with calcified granulomas.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified thoracic aorta. Several calcified pleural plaques along both hemidiaphragms, related to asbestos.\nIMPRESSION: Calcified pleural plaques.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified vessels in the axilla. A single calcified granuloma projects at the right base.\nIMPRESSION: No acute findings.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified costal cartilages. Atherosclerotic calcification along the aortic XXXX.\nIMPRESSION: No active disease.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe.\nIMPRESSION: No acute disease. Calcified lymph nodes.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lower lobe.\nIMPRESSION: Stable right lower lobe nodule, calcified.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma, right midlung.\nIMPRESSION: calcified granuloma left midlung",
        [1, 2],
    ),
    (
        "FINDINGS: The left anterior descending artery is a large vessel. There is calcified plaque in the proximal vessel. The right coronary artery is dominant. There is calcified plaque in the proximal vessel.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the left lung base. Calcified granuloma in the left upper lobe.\nIMPRESSION: Left basilar calcified granuloma.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Right upper lobe calcified granuloma. Right lower lobe calcified granuloma.\nIMPRESSION: Right-sided calcified granulomas.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified subcarinal lymph node. Calcified left hilar lymph node.\nIMPRESSION: Calcified subcarinal node.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified mediastinal lymph XXXX.\nIMPRESSION: Calcified granuloma in the right upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Aortic calcification. Mitral annular calcification.\nIMPRESSION: Aortic atherosclerosis with calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified aortic knob.\nIMPRESSION: No acute disease. Calcified granuloma.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified right hilar lymph XXXX. Calcified XXXX in the right lower lobe.\nIMPRESSION: Calcified right hilar lymph XXXX.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe. Calcified left hilar lymph node.\nIMPRESSION: Calcified left hilar lymph node. Calcified left upper lobe granuloma.",
        [1, 2, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Calcified lymph XXXX.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Additional calcified granuloma in the left lung base.\nIMPRESSION: Calcified granulomas.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified granulomas bilaterally.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granulomas in the right lung.\nIMPRESSION: Calcified granuloma in the left lung.",
        [1, 2],
    ),
    (
        "FINDINGS: A 4 mm calcified granuloma in the right upper lobe.\nIMPRESSION: 7 mm calcified granuloma right upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: The right hilum contains a calcified lymph node. The left lung base contains a calcified granuloma.\nIMPRESSION: Calcified granuloma left base.",
        [1, 2, 2],
    ),
    (
        "LUNGS: Calcified granuloma in the right apex.\nMEDIASTINUM: Calcified mediastinal lymph nodes.\nIMPRESSION: Calcified granuloma.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe. Degenerative changes of the spine.\nIMPRESSION: No acute disease. Atherosclerotic calcification.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification in the left upper quadrant, likely splenic granuloma. Calcified granuloma in the left lung base.\nIMPRESSION: Left basilar granuloma, calcified.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcifications in the left upper quadrant.\nIMPRESSION: Calcified left lower lobe granuloma.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified right hilar lymph node.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node.\nIMPRESSION: Calcified granuloma in the right upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified left hilar lymph node.\nIMPRESSION: Calcified right hilar lymph node.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified left hilar lymph node.\nIMPRESSION: Calcified hilar lymph node.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the left XXXX. Calcified granuloma in the left lower lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the left lower lobe.\nIMPRESSION: Calcified granuloma in the left XXXX.",
        [1, 1],
    ),
    (
        "FINDINGS: There are calcified granulomas in the right lung. There is a calcified granuloma in the left lung.\nIMPRESSION: Bilateral calcified granulomas.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe, calcified left hilar lymph nodes.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lower lobe with calcified right hilar lymph nodes.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lower lobe and calcified right hilar lymph XXXX, consistent with prior granulomatous disease.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node, likely sequela of prior granulomatous infection. Calcified granuloma in the right upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Calcified right hilar lymph node.\nIMPRESSION: Calcified granuloma.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node. Calcified granuloma left lung.\nIMPRESSION: Calcified lymph XXXX.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified nodule left lung base, likely granuloma.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified aortic XXXX. Vascular calcifications in the neck.\nIMPRESSION: Aortic calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcification of the thoracic aorta. Coronary artery calcifications.\nIMPRESSION: Calcified atherosclerotic disease of the aorta.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Calcified granuloma in the left upper lobe.\nIMPRESSION: Stable calcified granuloma in the left upper lobe.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified granuloma in the left upper lobe, new since the prior study.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lower lobe. Calcified granuloma in the left lower lobe.\nIMPRESSION: Calcified lower lobe granulomas.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Small calcified granuloma in the right midlung zone.\nIMPRESSION: No active disease. Small calcified granuloma in the left midlung.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung apex.\nIMPRESSION: Right apical granuloma, calcified, unchanged.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung apex.\nIMPRESSION: Right basilar granuloma, calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung base.\nIMPRESSION: Calcified granuloma in the right lower lobe.",
        [1, 1],
    ),
    (
        "FINDINGS:\nRIGHT KIDNEY: No calcification.\nLEFT KIDNEY: 5 mm echogenic focus with shadowing consistent with calcification.\nIMPRESSION: Left renal calcification.",
        [1, 2, 2],
    ),
    (
        "FINDINGS:\nLIVER: Calcified granuloma in the right lobe.\nSPLEEN: Several calcified granulomas.\nKIDNEYS: Vascular calcification at the left renal hilum.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. A similar calcified granuloma is seen in the left upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Bilateral calcified hilar lymph nodes.\nIMPRESSION: Calcified right hilar lymph node.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granulomas bilaterally.\nIMPRESSION: Bilateral calcified granulomas.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Calcified granuloma in the left upper lobe.\nIMPRESSION: Bilateral calcified granulomas.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: Bilateral upper lobe calcified granulomas.",
        [1, 2],
    ),
    (
        "FINDINGS: calcified granuloma in the right upper lobe\nIMPRESSION: calcified granuloma in the left upper lobe",
        [1, 2],
    ),
    (
        "FINDINGS: CALCIFIED RIGHT HILAR LYMPH NODE. CALCIFIED GRANULOMA RIGHT LOWER LOBE.\nIMPRESSION: CALCIFIED RIGHT HILAR NODE.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Right upper lobe: calcified granuloma.\nIMPRESSION: Left upper lobe: calcified granuloma.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung.\nIMPRESSION: Calcified left lung granuloma.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified left hilar lymph node.\nIMPRESSION: Calcified left perihilar lymph node.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified AP window lymph node.\nIMPRESSION: Calcified aortopulmonary window node.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the retrocardiac region.\nIMPRESSION: Calcified left lower lobe granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right apex.\nIMPRESSION: Calcified right upper lobe granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right apex. Calcified granuloma in the right lung base.\nIMPRESSION: Calcified right basilar granuloma.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcification of the aortic knob.\nIMPRESSION: Calcified aortic arch.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcification of the aortic arch. Calcification of the descending thoracic aorta.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified aortic XXXX.\nIMPRESSION: Atherosclerotic calcification of the aortic arch.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified right paratracheal lymph node.\nIMPRESSION: Calcified mediastinal lymph node.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified subcarinal lymph node.\nIMPRESSION: Calcified infracarinal node.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified subcarinal lymph node. Calcified right paratracheal lymph node.\nIMPRESSION: Calcified right paratracheal node.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcification of the aortic arch. Calcification of the descending aorta.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification of the aortic arch. Calcification of the ascending aorta.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification of the aortic arch. Calcification of the abdominal aorta.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified descending thoracic aorta.\nIMPRESSION: Calcified aortic arch.",
        [1, 2],
    ),
]

# More notes: coronary vessels, segments and branches by label or narrative,
# valves and their parts, both sides of the body, a history naming the same
# organ or another side, breasts by clock position.
NOTE_MORE = [
    (
        "FINDINGS: The LAD is heavily calcified proximally. The first diagonal branch has a calcified ostium.",
        [1, 2],
    ),
    (
        "FINDINGS: The right kidney contains a 5 mm calcification in the lower pole. The left kidney has a 3 mm calcification.\nIMPRESSION: Bilateral renal calcifications.",
        [1, 2, 3],
    ),
    (
        "HISTORY: Coronary artery calcification on a prior CT.\nFINDINGS: Calcified plaque in the proximal LAD.",
        [1, 2],
    ),
    (
        "EXAM: Thyroid ultrasound.\nHISTORY: Known calcified left thyroid nodule.\nFINDINGS: The left lobe has a 12 mm nodule with peripheral calcification. The right lobe has a 4 mm nodule with punctate calcification.",
        [1, 1, 2],
    ),
    (
        "RIGHT BREAST: Grouped calcifications at 10 o'clock. Grouped calcifications at 2 o'clock.\nIMPRESSION: Right breast calcifications at 10 o'clock, biopsy recommended.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified plaque in the right carotid bulb.\nIMPRESSION: Calcified plaque, left carotid bulb.",
        [1, 2],
    ),
    (
        "LEFT MAIN: Short trunk, with a little calcified plaque distally.\nLAD: Heavily calcified proximal segment.\nCIRCUMFLEX: Calcified plaque proximally.\nRCA: Calcified plaque proximally.",
        [1, 2, 3, 4],
    ),
    (
        "CATHETERIZATION RESULTS:\n1. Left main trunk: mild disease, calcified, 20% narrowing.\n2. LAD: proximal calcified stenosis of 60%.\n3. RCA: mid lesion of 40%, calcified.\nIMPRESSION: Calcified proximal LAD stenosis.",
        [1, 2, 3, 2],
    ),
    (
        "CALCIUM SCORE: Total Agatston score 250.\nLAD: dense calcified plaque in the proximal segment.\nIMPRESSION: Agatston score of 250.",
        [1, 2, 1],
    ),
    (
        "RCA: ostial calcification. There is also calcified plaque in the proximal RCA.",
        [1, 2],
    ),
    (
        "LAD: calcified plaque in the mid vessel. The first diagonal has calcified plaque at its origin.",
        [1, 2],
    ),
    (
        "CHEST: Calcification of the thoracic aorta.\nABDOMEN: Calcification of the abdominal aorta.\nIMPRESSION: Atherosclerotic calcification of the abdominal aorta.",
        [1, 2, 2],
    ),
    (
        "RIGHT SHOULDER: Calcific tendinitis of the supraspinatus.\nLEFT SHOULDER: Calcific tendinitis of the supraspinatus.\nIMPRESSION: Right calcific tendinitis.",
        [1, 2, 1],
    ),
    (
        "PROCEDURE: Left femoral endarterectomy.\nFINDINGS: The left common femoral artery had heavily calcified plaque. The right femoral artery was also palpated and felt calcified.",
        [1, 2],
    ),
    (
        "HISTORY: Prior left renal calcification.\nFINDINGS: 4 mm calcification in the right kidney.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification within the right breast.\nIMPRESSION: Calcified granuloma right lung.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granulomas in the spleen. A calcified granuloma in the liver.\nIMPRESSION: Calcified splenic granulomas.",
        [1, 2, 1],
    ),
    (
        "LEFT BREAST: Benign calcifications at 3:00. Benign calcifications at 9 o'clock.",
        [1, 2],
    ),
    (
        "FINDINGS: Pineal calcification. Choroid plexus calcification.\nIMPRESSION: Physiologic pineal calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcification in the right basal ganglia. Calcification in the left basal ganglia.\nIMPRESSION: Bilateral basal ganglia calcifications.",
        [1, 2, 3],
    ),
    (
        "HISTORY OF PRESENT ILLNESS: She had calcific tendinitis of the right shoulder treated in 2015. Now left shoulder pain.\nFINDINGS: Calcific deposit in the left supraspinatus tendon.",
        [1, 2],
    ),
    (
        "PAST MEDICAL HISTORY: Coronary artery calcification.\nIMAGING: Calcified plaque in the abdominal aorta.",
        [1, 2],
    ),
    (
        "FINDINGS: The right thyroid lobe contains a 2 cm nodule with coarse calcification. The left lobe contains a 5 mm nodule with microcalcifications.\nIMPRESSION: Calcified right thyroid nodule.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: The aortic valve is trileaflet with mild calcification of the leaflets. There is mitral annular calcification.\nIMPRESSION: Mild aortic valve calcification.",
        [1, 2, 1],
    ),
    ("FINDINGS: The aortic root is calcified. The aortic valve is calcified.", [1, 2]),
    (
        "FINDINGS: The RCA is a dominant vessel with a calcified 50% proximal stenosis. The LAD has a calcified mid segment.",
        [1, 2],
    ),
    (
        "FINDINGS: Both carotid bulbs have calcified plaque. The right ICA has calcified plaque.",
        [1, 2],
    ),
    (
        "FINDINGS: The SFA is heavily calcified. The popliteal artery is also calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the right internal iliac artery. Calcified plaque in the right external iliac artery.",
        [1, 2],
    ),
    ("FINDINGS: Phleboliths in the pelvis. Calcified fibroid in the uterus.", [1, 2]),
    (
        "RIGHT HIP: Heterotopic ossification.\nLEFT HIP: No heterotopic ossification.",
        [1, 2],
    ),
    (
        "FINDINGS: Coronary artery calcification. Aortic valve calcification.\nIMPRESSION: Coronary calcification.",
        [1, 2, 1],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Right carotid stenosis.\nHISTORY: The patient has calcified plaque in the left carotid artery on ultrasound and a calcified right carotid plaque.\nOPERATIVE FINDINGS: Heavily calcified plaque at the right carotid bifurcation.",
        [1, 2, 2],
    ),
    (
        "HISTORY OF PRESENT ILLNESS: Known coronary artery calcification.\nHOSPITAL COURSE: Cardiac catheterization showed a calcified 80% lesion of the proximal LAD and a calcified RCA.\nDISCHARGE DIAGNOSIS: Coronary artery disease with calcified proximal LAD stenosis.",
        [1, 2, 3, 2],
    ),
    (
        "HISTORY: Right shoulder calcific tendinitis, treated by lavage last year.\nEXAMINATION: Left shoulder x-ray shows a calcific deposit in the supraspinatus tendon.\nASSESSMENT: Left shoulder calcific tendinitis.",
        [1, 2, 2],
    ),
    (
        "HISTORY: Mitral annular calcification on prior echo.\nECHOCARDIOGRAM: The aortic valve leaflets are calcified with moderate stenosis. The mitral annulus is calcified.\nIMPRESSION: Calcific aortic stenosis. Mitral annular calcification.",
        [1, 2, 1, 2, 1],
    ),
    (
        "CHEST: Calcified mediastinal lymph nodes.\nABDOMEN: Calcified mesenteric lymph nodes.\nIMPRESSION: Calcified mesenteric lymph nodes, likely sequela of prior infection.",
        [1, 2, 2],
    ),
    (
        "CT HEAD: Calcification of the falx. Bilateral basal ganglia calcifications.\nIMPRESSION: Basal ganglia calcification, likely physiologic.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Vascular calcifications in the left breast. Benign calcifications in the right breast at 6 o'clock.\nIMPRESSION: Benign right breast calcifications.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified uterine fibroid. Phleboliths in the left hemipelvis.\nIMPRESSION: Calcified fibroid.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcification in the prostate. Calcification in the seminal vesicles.\nIMPRESSION: Prostatic calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified plaque in the infrarenal abdominal aorta. Calcified plaque in both common iliac arteries.\nIMPRESSION: Atherosclerotic calcification of the aorta and iliac arteries.",
        [1, 2, 3],
    ),
    (
        "HISTORY: 70-year-old with calcified aortic valve.\nFINDINGS: The aortic valve is heavily calcified. The mitral annulus is mildly calcified.\nCONCLUSION: Severely calcified aortic valve.",
        [1, 1, 2, 1],
    ),
    (
        "PAST SURGICAL HISTORY: Excision of calcified right breast mass in 2005.\nMAMMOGRAM: Left breast: Grouped calcifications in the upper outer quadrant.\nIMPRESSION: Left breast calcifications, BI-RADS 4.",
        [1, 2, 2],
    ),
    (
        "FAMILY HISTORY: Her mother had coronary artery calcification.\nFINDINGS: Calcified plaque in the LAD.",
        [1, 2],
    ),
    (
        "HISTORY: Calcified granuloma in the left lung on a prior film.\nFINDINGS: Calcified granuloma in the left upper lobe. Calcified granuloma in the right lower lobe.",
        [1, 1, 2],
    ),
    (
        "INDICATION: Follow-up of calcified right lower lobe nodule.\nFINDINGS: Calcified granuloma in the left lower lobe.\nIMPRESSION: No change in the calcified left lower lobe granuloma.",
        [1, 2, 2],
    ),
    (
        "INDICATION: Evaluate calcified nodule.\nFINDINGS: Calcified granuloma in the left lower lobe. Calcified right hilar lymph node.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: The anterior mitral leaflet is calcified. The posterior mitral leaflet is also calcified.",
        [1, 2],
    ),
    (
        "RIGHT BREAST: Calcifications at the 3:00 position.\nIMPRESSION: Right breast calcifications at 3 o'clock.",
        [1, 1],
    ),
    (
        "RIGHT BREAST: Calcifications at 10 o'clock. Calcifications at 2 o'clock.\nIMPRESSION: Right breast calcifications at 10:00.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified plaque in the prox LAD.\nIMPRESSION: Calcified proximal LAD plaque.",
        [1, 1],
    ),
    ("FINDINGS: Calcification of the mid-LAD. Ostial LAD calcification.", [1, 2]),
    (
        "FINDINGS: Calcified plaque in the proximal LAD.\nIMPRESSION: Calcified plaque in the mid LAD.",
        [1, 2],
    ),
    ("LEFT MAIN: Calcified.\nLAD: Calcified.\nCIRCUMFLEX: Calcified.", [1, 2, 3]),
    (
        "LM: calcified plaque.\nLCx: calcified plaque.\nIMPRESSION: Calcified plaque of the left circumflex artery.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the LCX. Calcified plaque in the RCA.\nIMPRESSION: Calcified plaque in the circumflex.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified plaque in the PDA. Calcified plaque in the proximal RCA.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the D1. Calcified plaque in the mid LAD.\nIMPRESSION: Calcified first diagonal plaque.",
        [1, 2, 1],
    ),
    ("FINDINGS: OM1: calcified plaque. OM2: calcified plaque.", [1, 2]),
    (
        "LEFT ANTERIOR DESCENDING: Dense calcification in the proximal segment.\nRIGHT CORONARY: Dense calcification in the proximal segment.\nIMPRESSION: Dense proximal RCA calcification.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Moderate calcification of the aortic valve leaflets. Mild mitral annular calcification. Calcification of the aortic root.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified plaque at the origin of the right ICA. Calcified plaque at the origin of the left ICA.",
        [1, 2],
    ),
    (
        "FINDINGS: RIGHT: Calcified plaque at the carotid bulb.\nLEFT: Calcified plaque at the carotid bulb.",
        [1, 2],
    ),
    (
        "FINDINGS: Right CFA calcified plaque.\nIMPRESSION: Calcified plaque of the right common femoral artery.",
        [1, 1],
    ),
    (
        "FINDINGS: The left superficial femoral artery is calcified. The right one is also calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification in the left breast.\nIMPRESSION: Bilateral benign calcifications.",
        [1, 2],
    ),
]


# An anaphor after another thing was named is that thing's ("There is a
# left lower lobe nodule. It is calcified." after a right upper lobe
# granuloma), and a size written otherwise is the same size ("0.5 cm" and
# "5 mm"; another size is another lesion).
ANAPHORS_AND_SIZES = [
    (
        "FINDINGS: Calcified right hilar lymph node.\nIMPRESSION: Calcified granuloma.",
        [1, 2],
    ),
    ("FINDINGS: Calcified granuloma.\nIMPRESSION: Calcified hilar node.", [1, 2]),
    (
        "FINDINGS: Calcified right hilar lymph node. Left lower lobe mass, which is partially calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. There is a left lower lobe nodule. It is calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the LAD. The RCA is dominant. It is heavily calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: The aortic valve is calcified. The mitral valve is thickened. It is also calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. The left hilum is enlarged. It contains calcification.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the right carotid bulb. The left carotid bulb has mild plaque. This is calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: The right kidney contains a calcification. The left kidney is normal in size. It also contains a calcification.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Left breast implant. It is calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified fibroid in the uterus. The right ovary has a cyst. The cyst is calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: There is a calcified granuloma in the right upper lobe, and it is unchanged. There is a nodule in the left lower lobe which is calcified.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. These are unchanged from the prior. Calcified left hilar nodes.",
        [1, 2],
    ),
    (
        "FINDINGS: A 5 mm calcified granuloma in the right upper lobe.\nIMPRESSION: 0.5 cm calcified granuloma in the right upper lobe.",
        [1, 1],
    ),
    (
        "FINDINGS: A 5mm calcified granuloma in the right upper lobe.\nIMPRESSION: 5 mm calcified right upper lobe granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: A 1.2 cm calcified nodule in the left lower lobe.\nIMPRESSION: 12 mm calcified left lower lobe nodule.",
        [1, 1],
    ),
    (
        "FINDINGS: An 8 x 6 mm calcified granuloma in the left upper lobe.\nIMPRESSION: 8 mm calcified granuloma, left upper lobe.",
        [1, 1],
    ),
    (
        "FINDINGS: A 4 mm calcified granuloma in the right upper lobe. A 1 cm calcified granuloma in the right upper lobe.\nIMPRESSION: 10 mm right upper lobe calcified granuloma.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: A five millimeter calcified granuloma in the right upper lobe.\nIMPRESSION: 5 mm calcified granuloma, right upper lobe.",
        [1, 1],
    ),
]


# Notes naming both sides of the body, or two tendons, menisci or vessels of
# one side: each side and each named part is its own lesion; an impression
# joining both sides ("bilateral") is a lesion of its own.
NOTE_BOTH_SIDES = [
    (
        "HISTORY: Bilateral knee pain.\nRIGHT KNEE: Chondrocalcinosis of the medial meniscus.\nLEFT KNEE: Chondrocalcinosis of the lateral meniscus.\nIMPRESSION: Chondrocalcinosis, right knee.",
        [1, 2, 1],
    ),
    (
        "RIGHT KNEE: Chondrocalcinosis of the medial meniscus.\nLEFT KNEE: Chondrocalcinosis of the lateral meniscus.\nIMPRESSION: Bilateral chondrocalcinosis.",
        [1, 2, 3],
    ),
    (
        "PROCEDURE: Right shoulder arthroscopy.\nFINDINGS: Calcific deposit in the supraspinatus tendon. The left shoulder had a similar calcific deposit removed in 2012.",
        [1, 2],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Left calcific Achilles tendinitis.\nPOSTOPERATIVE DIAGNOSIS: Same.\nFINDINGS: A large calcification at the insertion of the Achilles tendon was excised.",
        [1, 1],
    ),
    (
        "DIAGNOSIS: Bilateral carotid stenosis with calcified plaque.\nFINDINGS: Right ICA: calcified plaque with 70% stenosis. Left ICA: calcified plaque with 50% stenosis.",
        [1, 2, 3],
    ),
    (
        "HISTORY: Right hip heterotopic ossification excised in 2018.\nFINDINGS: Heterotopic ossification about the left hip.\nIMPRESSION: Left hip heterotopic ossification.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcific tendinitis of the right supraspinatus. Calcific tendinitis of the right infraspinatus.\nIMPRESSION: Calcific tendinitis of the right rotator cuff.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Vascular calcification in the right thigh. Vascular calcification in the left thigh.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the left common iliac artery. Calcified plaque in the left external iliac artery.\nIMPRESSION: Calcified plaque of the left external iliac artery.",
        [1, 2, 2],
    ),
]


# A side written as a single letter or after the place ("R apex", "on the
# left", "left-sided"): left and right are never one lesion.
SIDE_WRITTEN_OTHERWISE = [
    (
        "FINDINGS: Calcified granuloma at the R apex.\nIMPRESSION: Calcified granuloma at the L apex.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma at the R apex.\nIMPRESSION: Calcified right apical granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Left-sided calcified granuloma in the upper lobe.\nIMPRESSION: Right-sided calcified upper lobe granuloma.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the lower lobe on the right side.\nIMPRESSION: Calcified granuloma in the right lower lobe.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified hilar lymph node on the left.\nIMPRESSION: Calcified hilar lymph node on the right.",
        [1, 2],
    ),
]


# Findings that differ in negated, hypothetical or family never share a
# number.
STATES_APART = [
    (
        "FINDINGS: No calcified granuloma in the right lung. Calcified granuloma in the left lung.\nIMPRESSION: Calcified left lung granuloma.",
        [1, 2, 2],
    ),
    (
        "HISTORY: Rule out calcified granuloma.\nFINDINGS: Calcified granuloma in the right upper lobe.",
        [1, 2],
    ),
    (
        "FAMILY HISTORY: Mother with a calcified thyroid nodule.\nFINDINGS: Calcified nodule in the right thyroid lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. No calcified lymph nodes.\nIMPRESSION: Calcified granuloma.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: No calcified granuloma in the left lung.",
        [1, 2],
    ),
]


# Breasts and brain both sides, vessel sections with "the mid vessel",
# masks and numbered impressions.
MORE_SECTIONS = [
    (
        "RIGHT BREAST: Scattered benign calcifications.\nLEFT BREAST: Scattered benign calcifications.\nIMPRESSION: Benign calcifications bilaterally.",
        [1, 2, 3],
    ),
    (
        "RIGHT BREAST: Scattered benign calcifications.\nLEFT BREAST: Scattered benign calcifications.\nIMPRESSION: Benign-appearing calcifications in the right breast.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcification of the right globus pallidus. Calcification of the left globus pallidus.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified meningioma along the left frontal convexity. Dural calcification along the falx.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque of the right ICA. The vessel is patent. Calcified plaque of the left ICA, which narrows the vessel.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: 1. No acute process.\n2. Right upper lobe granuloma, calcified and unchanged.",
        [1, 1],
    ),
    (
        "FINDINGS: Heart size normal. Calcified granuloma RUL\nIMPRESSION: Stable exam. Calcified RUL granuloma",
        [1, 1],
    ),
    (
        "FINDINGS: XXXX calcified granulomas in the left lung. XXXX calcified granuloma in the right lung.\nIMPRESSION: XXXX calcified granulomas left lung.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified XXXX left hilum. Calcified granuloma left apex.\nIMPRESSION: Calcified left apical granuloma.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified mediastinal and hilar lymph XXXX. Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified mediastinal lymph XXXX.",
        [1, 2, 1],
    ),
    (
        "LEFT ANTERIOR DESCENDING ARTERY: The LAD is a large vessel. There is calcified plaque within the mid vessel.\nLEFT CIRCUMFLEX ARTERY: The circumflex is a small vessel. There is calcified plaque within the mid vessel.\nIMPRESSION: 1. Calcified plaque of the mid LAD. 2. Calcified plaque of the mid circumflex.",
        [1, 2, 1, 2],
    ),
    (
        "LEFT ANTERIOR DESCENDING ARTERY: The LAD is a large vessel. There is calcified plaque within the mid vessel.\nLEFT CIRCUMFLEX ARTERY: The circumflex is a small vessel. There is calcified plaque within the mid vessel.\nIMPRESSION: Calcified plaque within the mid LAD and the mid circumflex.",
        [1, 2, 3],
    ),
    (
        "RIGHT CORONARY ARTERY: Dominant. Calcified plaque in the proximal vessel. Calcified plaque in the distal vessel.\nIMPRESSION: Calcified plaque of the distal RCA.",
        [1, 2, 2],
    ),
    (
        "RIGHT CORONARY ARTERY: Dominant. Calcified plaque in the proximal vessel.\nPOSTERIOR DESCENDING ARTERY: Calcified plaque at its origin.\nIMPRESSION: Calcified plaque in the proximal right coronary artery.",
        [1, 2, 1],
    ),
    (
        "CORONARY ARTERIES: The left main is normal. The LAD has calcified plaque in its proximal third. The first diagonal has a calcified ostium. The RCA has calcified plaque in its proximal third.",
        [1, 2, 3],
    ),
]


# The summing-up section under other headings (CONCLUSION, SUMMARY,
# OPINION, DIAGNOSIS) restates the findings as the impression does.
OTHER_HEADINGS = [
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nCONCLUSION: Calcified granuloma in the left upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nCONCLUSION: Calcified granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nSUMMARY: Calcified granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nOPINION: Calcified granuloma.",
        [1, 1],
    ),
    (
        "Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcification of the pancreas.\nCONCLUSION: Chronic calcific pancreatitis.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcification of the pancreas.\nDIAGNOSIS: Chronic calcific pancreatitis.",
        [1, 1],
    ),
    (
        "REPORT: Calcified granuloma in the right upper lobe.\nIMPRESSION: Calcified granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION/RECOMMENDATIONS: Calcified granuloma.",
        [1, 1],
    ),
]


# A finding its own words call another ("another", "a second", "additional",
# "separate") is not the lesion named before it in its section; a later
# section restating it with the same word is.
CALLED_ANOTHER = [
    (
        "FINDINGS: Calcified granuloma in the right lung. Another calcified granuloma in the right lung.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung. A second calcified granuloma is seen in the right lung.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung. An additional calcified granuloma in the right lung.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung. A separate calcified granuloma in the right lung.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung. A separate calcified granuloma in the right lung.\nIMPRESSION: Separate calcified granuloma of the right lung.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node. Another calcified lymph node in the right hilum.",
        [1, 2],
    ),
    (
        "FINDINGS: A calcified lymph node in the subcarinal region. A second one is calcified in the right paratracheal region.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", CXR_RESTATED)
def test_chest_film_impression_restates_in_other_words(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", CXR_APART)
def test_chest_film_findings_kept_apart(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", NOTE_VESSELS)
def test_note_vessels_and_segments(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", NOTE_ORGANS)
def test_note_organs_sides_and_sections(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", SIDE_STATED)
def test_side_stated_by_abbreviation_or_after_the_place(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", CXR_MORE)
def test_chest_film_more_wordings(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", NOTE_MORE)
def test_note_more_wordings(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", ANAPHORS_AND_SIZES)
def test_anaphor_after_another_thing_and_sizes_written_otherwise(
    lesion_numbers, text, lesions
):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", NOTE_BOTH_SIDES)
def test_note_both_sides_of_the_body(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", SIDE_WRITTEN_OTHERWISE)
def test_side_written_otherwise_parts_left_and_right(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", STATES_APART)
def test_findings_of_other_states_never_share(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", MORE_SECTIONS)
def test_more_sections_and_sides(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", OTHER_HEADINGS)
def test_other_summing_up_headings_restate_the_findings(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", CALLED_ANOTHER)
def test_finding_called_another_is_not_the_one_before(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A de-identification mask right before the article of a second finding
# hides the restating link ("likely", "representing"): one lesion. A mask
# with no article after it, or "and" before the article, names no link.
MASKED_LINK = [
    (
        "FINDINGS: Faint calcification over the superior mediastinum XXXX a "
        "calcified lymph node. No effusion.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcification seen in the anterior mediastinum, XXXX a "
        "calcified lymph node which is not seen on the lateral view.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the left apex and XXXX a calcified "
        "lymph node in the right hilum.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the left apex. XXXX a calcified "
        "lymph node in the right hilum.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", MASKED_LINK)
def test_mask_before_article_hides_restating_link(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions
