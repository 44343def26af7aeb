"""A vocabulary and construction sweep of site and side (guide §2).

Every sentence is made up for this file: chest film style (FINDINGS /
IMPRESSION, terse lines, capitals, XXXX masks, comma-joined lines) and some
clinical-note style. The table crosses the sites of the guide's vocabulary
that a chest film or a clinical note names with the constructions that place
a finding there and with the ways a side is written. Each expected value was
decided from the guides (docs/guide.md §2 and its site vocabulary,
corpora/GUIDE.md) before the pipeline was run on the row.
"""

from __future__ import annotations

from typing import Any

import pytest

CXR = "EXAM: Chest PA and lateral.\nFINDINGS: Heart size is normal. No pleural effusion. "
LINE = "CHEST 2 VIEWS,FINDINGS:, Cardiomediastinal silhouette within normal limits., "
NOTE = "HISTORY: Cough for two weeks.\nASSESSMENT: "

Row = tuple[str, str, dict[str, Any]]


def _lung_places() -> list[tuple[str, str]]:
    """(a place in the lung, its side)"""
    return [
        ("right upper lobe", "right"),
        ("left lower lobe", "left"),
        ("RUL", "right"),
        ("LLL", "left"),
        ("right middle lobe", "right"),
        ("lingula", "left"),
        ("right apex", "right"),
        ("left lung base", "left"),
        ("right midlung", "right"),
        ("left perihilar region", "left"),
        ("right suprahilar region", "right"),
        ("left upper lung zone", "left"),
        ("right lower lung", "right"),
        ("LEFT MIDLUNG ZONE", "left"),
        ("RIGHT LUNG APEX", "right"),
    ]


LUNG_TEMPLATES = [
    CXR + "Calcified granuloma in the {x}.",
    CXR + "Small calcified granuloma within the {x}.",
    CXR + "Calcified nodule projecting over the {x}.",
    CXR + "Calcified granuloma overlying the {x}.",
    CXR + "Punctate calcification in the region of the {x}, consistent with old granulomatous disease.",
    CXR + "Calcific density at the {x}, suggesting prior granulomatous disease.",
    CXR + "Calcified density in the {x} compatible with healed granuloma.",
    CXR + "Granulomatous calcification of the {x}.",
    LINE + "Stable calcified granulomas in the {x}., No pneumothorax.",
    CXR + "{X}: calcified granuloma.",
]


def _lung_rows() -> list[Row]:
    rows: list[Row] = []
    for place, side in _lung_places():
        for template in LUNG_TEMPLATES:
            text = template.format(x=place, X=place.upper() if place.islower() else place)
            rows.append((text, "", {"site": "lung", "laterality": side}))
    return rows


# (noun phrase, adjective phrase or '', site, side) for sites a chest film or a note names
PLACES: list[tuple[str, str, str, str]] = [
    ("mediastinum", "mediastinal", "mediastinum", ""),
    ("right hilum", "right hilar", "lymph node", "right"),
    ("left hilar region", "left hilar", "lymph node", "left"),
    ("hila", "bilateral hilar", "lymph node", "bilateral"),
    ("right paratracheal region", "right paratracheal", "mediastinum", "right"),
    ("aortopulmonary window lymph nodes", "aortopulmonary window lymph node", "lymph node", ""),
    ("aortic knob", "aortic knob", "aorta", ""),
    ("aortic arch", "aortic arch", "aorta", ""),
    ("descending aorta", "descending aortic", "aorta", ""),
    ("thoracic aorta", "thoracic aortic", "aorta", ""),
    ("coronary arteries", "coronary artery", "coronary artery", ""),
    ("mitral annulus", "mitral annular", "mitral annulus", ""),
    ("aortic valve", "aortic valve", "aortic valve", ""),
    ("pericardium", "pericardial", "pericardium", ""),
    ("right pleura", "right pleural", "pleura", "right"),
    ("left costal cartilages", "left costal cartilage", "costal cartilage", "left"),
    ("costochondral junctions", "costochondral", "costal cartilage", ""),
    ("trachea", "tracheal", "trachea", ""),
    ("bronchi", "bronchial", "trachea", ""),
    ("thyroid gland", "thyroid", "thyroid", ""),
    ("left lobe of the thyroid", "", "thyroid", "left"),
    ("right breast", "right breast", "breast", "right"),
    ("left breast implant", "", "breast", "left"),
    ("right rotator cuff", "right rotator cuff", "tendon", "right"),
    ("left supraspinatus tendon", "left supraspinatus tendon", "tendon", "left"),
    ("spleen", "splenic", "spleen", ""),
    ("liver", "hepatic", "liver", ""),
    ("gallbladder wall", "gallbladder wall", "gallbladder", ""),
    ("left kidney", "left renal", "kidney", "left"),
    ("right adrenal gland", "right adrenal", "adrenal gland", "right"),
    ("vessels", "vascular", "artery", ""),
    ("soft tissues", "soft tissue", "soft tissue", ""),
    ("skin", "dermal", "skin", ""),
    ("intervertebral discs", "intervertebral disc", "cartilage", ""),
    ("left axillary lymph nodes", "left axillary lymph node", "lymph node", "left"),
    ("subcarinal lymph nodes", "subcarinal lymph node", "lymph node", ""),
    ("right paratracheal lymph nodes", "right paratracheal lymph node", "lymph node", "right"),
]

PLACE_TEMPLATES = [
    "Calcification in the {n}.",
    "Calcifications within the {n}.",
    "Mild calcification of the {n}.",
    "Calcification projecting over the {n}.",
    "Calcific density overlying the {n}.",
    "Calcified density in the region of the {n}.",
    "{N}: calcification.",
    "The {n}: scattered calcifications.",
    "Calcified {n}.",
    "The {n} is calcified.",
    "{N} with calcification, unchanged.",
    "Calcification at the level of the {n}.",
]

ADJ_TEMPLATES = [
    "{a} calcification.",
    "{A} CALCIFICATIONS.",
    "Scattered {a} calcifications, unchanged.",
    LINE + "{A} calcification., No acute disease.",
]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _place_rows() -> list[Row]:
    rows: list[Row] = []
    for noun, adj, site, side in PLACES:
        want = {"site": site, "laterality": side}
        for template in PLACE_TEMPLATES:
            text = template.format(n=noun, N=_upper_first(noun))
            rows.append((CXR + text, "", want))
        for template in ADJ_TEMPLATES if adj else []:
            text = template.format(a=_upper_first(adj), A=adj.upper())
            rows.append((text if text.startswith(LINE) else CXR + text, "", want))
    return rows


# (text, a word of the finding's mention or '' for the report's only finding, expected)
ROWS: list[Row] = [
    # lung, sides before the mention, in abbreviations, two sides, sides far away
    (CXR + "Calcified right upper lobe granuloma.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified LUL nodule.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Right basilar calcified granuloma.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Left apical calcified granuloma, unchanged.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granulomas in both lungs.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Bilateral calcified granulomas.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Scattered calcified granulomas bilaterally.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas in the RUL and LLL.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas in the right and left lower lobes.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified nodules in the R upper lobe.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the L base.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granulomas.", "", {"site": "lung", "laterality": ""}),
    (CXR + "Granulomatous calcifications.", "", {"site": "lung", "laterality": ""}),
    (CXR + "Calcified lung nodule.", "", {"site": "lung", "laterality": ""}),
    (CXR + "Calcified pulmonary nodules.", "", {"site": "lung", "laterality": ""}),
    (CXR + "There is a calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CXR + "Calcified XXXX in the right lower lobe.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma right lower lobe.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "CALCIFIED GRANULOMA LEFT UPPER LOBE.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Left lung: calcified granuloma.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Right lung is clear. Calcified granuloma in the left midlung.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "No focal consolidation. Calcified granuloma at the left base.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "No right pleural effusion. Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CXR + "No pneumothorax.\nIMPRESSION: Calcified granuloma at the right apex.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma at the level of the left hilum.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified nodule adjacent to the right hilum.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma near the right heart border.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma near the left costophrenic angle.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified nodule at the right cardiophrenic angle.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the right lower chest.", "", {"site": "lung", "laterality": "right"}),
    # hila and hilar nodes
    (CXR + "Calcified right hilar lymph nodes.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified left hilar lymph XXXX.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Right hilar calcifications.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "LEFT HILAR CALCIFIED LYMPH NODE.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified lymph nodes in the right hilum.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified lymph XXXX within the left hilum.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified hilar lymph nodes bilaterally.", "", {"site": "lymph node", "laterality": "bilateral"}),
    (CXR + "Bilateral hilar calcified lymph XXXX.", "", {"site": "lymph node", "laterality": "bilateral"}),
    (CXR + "Calcified nodes in both hila.", "", {"site": "lymph node", "laterality": "bilateral"}),
    (CXR + "Calcified hilar lymph nodes.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Hilar calcifications, consistent with old granulomatous disease.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified right hilar granulomas.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified perihilar lymph nodes.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified right infrahilar lymph node.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified lymph node in the right hilar region.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Hila: calcified lymph nodes on the left.", "", {"site": "lymph node", "laterality": "left"}),
    # mediastinum and its nodes
    (CXR + "Calcified mediastinal lymph nodes.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified mediastinal lymph XXXX.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Mediastinal calcifications.", "", {"site": "mediastinum", "laterality": ""}),
    (CXR + "Calcification within the mediastinum.", "", {"site": "mediastinum", "laterality": ""}),
    (CXR + "Calcified right paratracheal lymph node.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified paratracheal lymph XXXX on the right.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified subcarinal lymph nodes.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified AP window lymph node.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified lymph node in the aortopulmonary window.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified mediastinal and right hilar lymph nodes.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified lymph XXXX.", "", {"site": "lymph node", "laterality": ""}),
    # axilla
    (CXR + "Calcified left axillary lymph nodes.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified lymph nodes in the right axilla.", "", {"site": "lymph node", "laterality": "right"}),
    # aorta
    (CXR + "Calcification of the aortic knob.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Aortic arch calcification.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcified aortic arch.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "The aortic knob is calcified.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Atherosclerotic calcification of the descending aorta.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcified atherosclerotic plaque in the thoracic aorta.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Aorta: calcified, tortuous.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "AORTIC CALCIFICATIONS.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Mild tortuosity of the aorta with calcification.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcification in the aortic arch, left of midline.", "", {"site": "aorta", "laterality": ""}),
    # heart
    (CXR + "Coronary artery calcifications.", "", {"site": "coronary artery", "laterality": ""}),
    (CXR + "Calcification of the left anterior descending coronary artery.", "", {"site": "coronary artery", "laterality": ""}),
    (CXR + "Mitral annular calcification.", "", {"site": "mitral annulus", "laterality": ""}),
    (CXR + "Calcification of the mitral annulus.", "", {"site": "mitral annulus", "laterality": ""}),
    (CXR + "Calcified aortic valve.", "", {"site": "aortic valve", "laterality": ""}),
    (CXR + "Aortic valve calcification.", "", {"site": "aortic valve", "laterality": ""}),
    (CXR + "Pericardial calcification.", "", {"site": "pericardium", "laterality": ""}),
    (CXR + "Calcification of the pericardium along the left heart border.", "", {"site": "pericardium", "laterality": ""}),
    # pleura
    (CXR + "Calcified pleural plaques on the right.", "", {"site": "pleura", "laterality": "right"}),
    (CXR + "Bilateral calcified pleural plaques.", "", {"site": "pleura", "laterality": "bilateral"}),
    (CXR + "Pleural calcification at the left base.", "", {"site": "pleura", "laterality": "left"}),
    (CXR + "Calcification of the left pleura.", "", {"site": "pleura", "laterality": "left"}),
    # costal cartilage
    (CXR + "Costal cartilage calcification.", "", {"site": "costal cartilage", "laterality": ""}),
    (CXR + "Calcified costal cartilages.", "", {"site": "costal cartilage", "laterality": ""}),
    (CXR + "Calcification of the right first costal cartilage.", "", {"site": "costal cartilage", "laterality": "right"}),
    (CXR + "Costochondral calcification on the left.", "", {"site": "costal cartilage", "laterality": "left"}),
    # trachea and bronchi
    (CXR + "Tracheal cartilage calcification.", "", {"site": "trachea", "laterality": ""}),
    (CXR + "Calcification of the tracheobronchial cartilage.", "", {"site": "trachea", "laterality": ""}),
    (CXR + "Calcified bronchial cartilage.", "", {"site": "trachea", "laterality": ""}),
    # thyroid
    (CXR + "Calcified thyroid nodule on the right.", "", {"site": "thyroid", "laterality": "right"}),
    (CXR + "Calcification in the left lobe of the thyroid.", "", {"site": "thyroid", "laterality": "left"}),
    (CXR + "Calcification projecting over the thyroid.", "", {"site": "thyroid", "laterality": ""}),
    # breast
    (CXR + "Calcifications projecting over the left breast.", "", {"site": "breast", "laterality": "left"}),
    (CXR + "Calcification overlying the right breast shadow.", "", {"site": "breast", "laterality": "right"}),
    (CXR + "Calcified breast nodule on the left.", "", {"site": "breast", "laterality": "left"}),
    (CXR + "Left breast calcifications.", "", {"site": "breast", "laterality": "left"}),
    # shoulder and tendons
    (CXR + "Calcific tendinitis of the right shoulder.", "", {"site": "tendon", "laterality": "right"}),
    (CXR + "Calcification in the left rotator cuff.", "", {"site": "tendon", "laterality": "left"}),
    (CXR + "Calcification of the supraspinatus tendon on the right.", "", {"site": "tendon", "laterality": "right"}),
    (CXR + "Right rotator cuff calcific tendinosis.", "", {"site": "tendon", "laterality": "right"}),
    (CXR + "Calcific density adjacent to the left humeral head, likely calcific tendinitis.", "density", {"site": "tendon", "laterality": "left"}),
    # abdomen seen on a chest film
    (CXR + "Calcified granulomas in the spleen.", "", {"site": "spleen", "laterality": ""}),
    (CXR + "Splenic calcifications.", "", {"site": "spleen", "laterality": ""}),
    (CXR + "Calcified splenic granuloma.", "", {"site": "spleen", "laterality": ""}),
    (CXR + "Calcified granuloma in the liver.", "", {"site": "liver", "laterality": ""}),
    (CXR + "Hepatic calcifications.", "", {"site": "liver", "laterality": ""}),
    (CXR + "Calcification of the gallbladder wall.", "", {"site": "gallbladder", "laterality": ""}),
    (CXR + "Calcification in the right kidney.", "", {"site": "kidney", "laterality": "right"}),
    (CXR + "Left renal calcification.", "", {"site": "kidney", "laterality": "left"}),
    (CXR + "Calcification in the left adrenal gland.", "", {"site": "adrenal gland", "laterality": "left"}),
    (CXR + "Right adrenal calcification.", "", {"site": "adrenal gland", "laterality": "right"}),
    # vessels, soft tissue, skin
    (CXR + "Vascular calcifications.", "", {"site": "artery", "laterality": ""}),
    (CXR + "Atherosclerotic vascular calcification.", "", {"site": "artery", "laterality": ""}),
    (CXR + "Calcified vessels in the left axilla.", "", {"site": "artery", "laterality": "left"}),
    (CXR + "Calcification in the soft tissues of the right neck.", "", {"site": "soft tissue", "laterality": "right"}),
    (CXR + "Soft tissue calcifications in the left chest wall.", "", {"site": "soft tissue", "laterality": "left"}),
    (CXR + "Calcification in the skin of the back.", "", {"site": "skin", "laterality": ""}),
    (CXR + "Dermal calcifications.", "", {"site": "skin", "laterality": ""}),
    # comma-joined lines and impressions
    (LINE + "Calcified right hilar lymph XXXX., No acute disease.", "", {"site": "lymph node", "laterality": "right"}),
    (LINE + "Aortic knob calcification., Lungs clear.", "", {"site": "aorta", "laterality": ""}),
    (LINE + "Calcified granuloma LUL., IMPRESSION:, No acute process.", "", {"site": "lung", "laterality": "left"}),
    ("IMPRESSION:,1. Calcified granuloma in the right upper lobe.,2. No acute disease.", "", {"site": "lung", "laterality": "right"}),
    ("FINDINGS: XXXX XXXX are normal. Calcified granuloma in the left lung base. IMPRESSION: No acute disease.", "", {"site": "lung", "laterality": "left"}),
    # sides named in another sentence, negated neighbours, two sides
    (CXR + "Left lower lobe atelectasis. Calcified granuloma in the right apex.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma. Left basilar atelectasis.", "", {"site": "lung", "laterality": ""}),
    (CXR + "No left hilar mass. Calcified lymph nodes in the right hilum.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "No right effusion. Calcified left hilar lymph XXXX.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Right lung clear. Left hilar calcifications.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified granulomas in the right apex and left base.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas, R>L.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified hilar lymph nodes, right greater than left.", "", {"site": "lymph node", "laterality": "bilateral"}),
    (CXR + "Right and left hilar calcified nodes.", "", {"site": "lymph node", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas within both upper lobes.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified pleural plaques in both hemithoraces.", "", {"site": "pleura", "laterality": "bilateral"}),
    (CXR + "Calcified granuloma in the RML. No left effusion.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the left midlung, unchanged from prior right-sided study.", "", {"site": "lung", "laterality": "left"}),
    # bare side letters before a site phrase
    (CXR + "Calcified R hilar lymph node.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "L hilar calcifications.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified granuloma, L apex.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma R lung.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified nodule R midlung.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified pleural plaque, L hemithorax.", "", {"site": "pleura", "laterality": "left"}),
    # a place word after the finding that says where it is ('likely pleural')
    # (a place phrase of the clause comes first, guide §2 step 2 before step 3:
    # 'at the right lung base, likely pleural' stays the lung's; first decided
    # as pleura, revised on rereading the guide's order)
    (CXR + "Small calcification at the right lung base, likely pleural.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcification in the left lower chest which may be pleural.", "", {"site": "pleura", "laterality": "left"}),
    (CXR + "Calcification in the left lower chest, possibly pleural.", "", {"site": "pleura", "laterality": "left"}),
    (CXR + "Small calcification projects posteriorly on the right, which may be pleural.", "", {"site": "pleura", "laterality": "right"}),
    (CXR + "Faint calcification seen laterally on the left, likely in the pleura.", "", {"site": "pleura", "laterality": "left"}),
    (CXR + "Calcific density along the right chest wall, probably pleural-based.", "", {"site": "soft tissue", "laterality": "right"}),
    (CXR + "A tiny calcification is noted inferiorly in the left which could be pleural.", "", {"site": "pleura", "laterality": "left"}),
    # sub-parts of a lobe, ribs and other bones the finding projects over
    (CXR + "Calcified granuloma in the superior segment of the left lower lobe.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma in the lateral aspect of the right midlung.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the posterior right lower lobe.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the periphery of the left lung.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma in the lateral right base.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma projecting over the right posterior 6th rib.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified nodule overlying the left anterior fourth rib.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma projects over the left clavicle.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma in the right infrahilar region.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas throughout both lungs.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Scattered calcified granulomas in the left lung.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granulomas in the right perihilar region and left lower lobe.", "", {"site": "lung", "laterality": "bilateral"}),
    # aorta worded many ways
    (CXR + "Tortuous, calcified thoracic aorta.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "The aorta is tortuous and calcified.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcified aortic XXXX.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Atherosclerotic calcifications of the aortic XXXX.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Aortic atherosclerosis with calcification.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcification along the wall of the aortic arch.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Mildly calcified aorta.", "", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcified plaque in the aortic knob.", "", {"site": "aorta", "laterality": ""}),
    # nodes and the mediastinum worded many ways
    (CXR + "Right paratracheal calcifications.", "", {"site": "mediastinum", "laterality": "right"}),
    (CXR + "Calcified right paratracheal XXXX.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified left hilar XXXX and granulomas.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified lymph XXXX in the aortopulmonary window.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Calcified nodes at the right hilum and in the mediastinum.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Hilar lymph nodes are calcified.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "The right hilar nodes are calcified.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Left upper quadrant calcifications, likely splenic granulomas.", "calcifications", {"site": "spleen", "laterality": "left"}),
    # masks in the place phrase, lung fields and fissures, '-sided', 'on the left side'
    (CXR + "Calcified granuloma in the right XXXX.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified XXXX right upper lobe.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the left XXXX XXXX.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma in the XXXX.", "", {"site": "lung", "laterality": ""}),
    (CXR + "Calcified granuloma in the right mid lung zone.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the left lower lung field.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma in the right upper lung field.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified nodule in the retrocardiac region.", "", {"site": "lung", "laterality": ""}),
    (CXR + "Calcified granuloma in the lingular region.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified nodule along the right minor fissure.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma projected over the left heart.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Right-sided calcified granuloma.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma on the left side.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granulomas on both sides.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified granuloma on the right.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas are again seen in the right lung.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas in the right lung laterally.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Subpleural calcified granuloma in the left upper lobe.", "", {"site": "lung", "laterality": "left"}),
    # label lines of a chest report
    ("FINDINGS:\nLUNGS: Calcified granuloma in the left midlung.\nPLEURA: Normal.", "", {"site": "lung", "laterality": "left"}),
    ("FINDINGS:\nMEDIASTINUM: Calcified nodes.\nLUNGS: Clear.", "", {"site": "lymph node", "laterality": ""}),
    ("FINDINGS:\nHEART: Coronary calcification.\nLUNGS: Clear.", "", {"site": "coronary artery", "laterality": ""}),
    ("FINDINGS:\nLUNGS/PLEURA: Calcified pleural plaques on the left.", "", {"site": "pleura", "laterality": "left"}),
    ("FINDINGS:\nBONES/SOFT TISSUES: Calcification in the left rotator cuff.", "", {"site": "tendon", "laterality": "left"}),
    ("FINDINGS:\nLUNGS: Clear.\nMEDIASTINUM: Normal. Aortic calcification.", "", {"site": "aorta", "laterality": ""}),
    ("FINDINGS:,LUNGS:, Calcified granuloma left base.,HEART:, Normal.", "", {"site": "lung", "laterality": "left"}),
    ("FINDINGS:,LEFT LUNG:, Calcified granuloma.,RIGHT LUNG:, Clear.", "", {"site": "lung", "laterality": "left"}),
    # two findings in one sentence or line, each with its own place and side
    (CXR + "Calcified granuloma in the right upper lobe and calcified left hilar lymph nodes.", "granuloma", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the right upper lobe and calcified left hilar lymph nodes.", "nodes", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified granuloma in the left lung and aortic calcification.", "aortic", {"site": "aorta", "laterality": ""}),
    (CXR + "Calcified granuloma in the left lung and aortic calcification.", "granuloma", {"site": "lung", "laterality": "left"}),
    (CXR + "Aortic calcification and a calcified granuloma in the right base.", "Aortic", {"site": "aorta", "laterality": ""}),
    (CXR + "Aortic calcification and a calcified granuloma in the right base.", "granuloma", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified left hilar lymph XXXX and right lower lobe calcified granuloma.", "XXXX", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified left hilar lymph XXXX and right lower lobe calcified granuloma.", "granuloma", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas in the right lung, calcified right hilar lymph nodes.", "nodes", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Coronary artery calcifications. Calcified granuloma left apex.", "Coronary", {"site": "coronary artery", "laterality": ""}),
    (CXR + "Coronary artery calcifications. Calcified granuloma left apex.", "granuloma", {"site": "lung", "laterality": "left"}),
    (CXR + "Mitral annular calcification, calcified granuloma in the RLL.", "granuloma", {"site": "lung", "laterality": "right"}),
    (CXR + "Mitral annular calcification, calcified granuloma in the RLL.", "annular", {"site": "mitral annulus", "laterality": ""}),
    (CXR + "Calcified granulomas in the right lung. Calcified lymph nodes in the left hilum.", "granulomas", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas in the right lung. Calcified lymph nodes in the left hilum.", "nodes", {"site": "lymph node", "laterality": "left"}),
    # a pronoun or relative clause points back to the lesion named before, and its place
    (CXR + "There is a nodule in the left upper lobe. It is calcified.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Small nodular density at the right base. This is calcified, likely a granuloma.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Nodular opacity in the right midlung. This appears dense and likely contains calcium.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "An 8 mm nodule is seen in the left lower lobe, which is calcified.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Rounded density in the left apex. It likely represents a calcified granuloma.", "", {"site": "lung", "laterality": "left"}),
    # denied or clear neighbours with a side give none
    (CXR + "No left-sided effusion. Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CXR + "No focal airspace disease in the right lung. Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CXR + "No right hilar adenopathy. Calcified granuloma left upper lobe.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Right lung base is clear. Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CXR + "Left lung clear, calcified granuloma in the right lung.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "No acute bony abnormality of the right shoulder. Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    # breast implants, carotids, axillary nodes on a breast film
    (CXR + "Bilateral breast implants with capsular calcification.", "", {"site": "breast", "laterality": "bilateral"}),
    (CXR + "Calcified left breast implant capsule.", "", {"site": "breast", "laterality": "left"}),
    (NOTE + "Calcified plaque at the right carotid bifurcation.", "", {"site": "carotid artery", "laterality": "right"}),
    (NOTE + "Left ICA calcified plaque, less than 50% stenosis.", "", {"site": "carotid artery", "laterality": "left"}),
    (NOTE + "Mammogram: calcified lymph node in the left axilla.", "", {"site": "lymph node", "laterality": "left"}),
    (NOTE + "She has a history of left breast calcifications that were biopsied.", "", {"site": "breast", "laterality": "left"}),
    (NOTE + "Coronary calcium score of 250 on CT.", "", {"site": "coronary artery", "laterality": ""}),
    (NOTE + "Vascular calcifications in the lower extremities.", "", {"site": "artery", "laterality": ""}),
    (NOTE + "Calcified thyroid nodule, right lobe.", "", {"site": "thyroid", "laterality": "right"}),
    # abbreviations with stops, slashes and parentheses, lists of lobes
    (CXR + "Calcified granuloma(s) in the RUL.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granuloma in the rt. lung base.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified nodes at the lt. hilum.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified granulomas, right upper lobe/left lower lobe.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas in the right upper and lower lobes.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas in the upper lobes bilaterally.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas in the RUL, RML.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas in the right lung, largest in the RUL.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas in the left lung (upper lobe).", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma, left lung apex (unchanged).", "", {"site": "lung", "laterality": "left"}),
    (CXR + "Calcified granuloma - right lower lobe.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Calcified granulomas in the lungs.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas in the bilateral lung apices.", "", {"site": "lung", "laterality": "bilateral"}),
    (CXR + "Calcified granulomas at the lung bases.", "", {"site": "lung", "laterality": "bilateral"}),
    # 'lungs' as the organ a line is about gives no side
    ("FINDINGS:\nLUNGS: Calcified granuloma.\nHEART: Normal.", "", {"site": "lung", "laterality": ""}),
    (CXR + "The lungs are clear. Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    # granuloma words with the hilum, a condition between the finding and its place
    (CXR + "Granulomatous calcification in the left hilum.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcified granuloma in the left hilum.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Calcific densities in the right hilar region.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Calcified granuloma consistent with old granulomatous disease in the right midlung.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "Sequela of prior granulomatous disease with calcified left hilar nodes.", "", {"site": "lymph node", "laterality": "left"}),
    # relative clauses and predicates far from the place
    (CXR + "Multiple small nodules are present in the right lung, several of which are calcified.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "There are nodes in the left hilum that are calcified.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "The right hilar lymph nodes appear partially calcified.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Right hilum: calcified lymph nodes.", "", {"site": "lymph node", "laterality": "right"}),
    (CXR + "Left hilum: stable, partially calcified lymph XXXX.", "", {"site": "lymph node", "laterality": "left"}),
    (CXR + "Nodular density in the left lower lobe appears calcified.", "", {"site": "lung", "laterality": "left"}),
    (CXR + "A granuloma in the right upper lobe is densely calcified.", "", {"site": "lung", "laterality": "right"}),
    (CXR + "The previously seen nodule in the left apex is now calcified.", "", {"site": "lung", "laterality": "left"}),
    # heart structures named with a side get none; other exams, label lines with a side
    (CXR + "Calcification of the left ventricular apex.", "", {"site": "myocardium", "laterality": ""}),
    (CXR + "Calcified left main coronary artery.", "", {"site": "coronary artery", "laterality": ""}),
    (CXR + "Calcification of the left circumflex artery.", "", {"site": "coronary artery", "laterality": ""}),
    (CXR + "Right coronary artery calcification.", "", {"site": "coronary artery", "laterality": ""}),
    ("EXAM: Abdomen, one view.\nFINDINGS: Calcified granuloma at the right lung base.", "", {"site": "lung", "laterality": "right"}),
    ("EXAM: Abdomen, one view.\nFINDINGS: Calcified granulomas in the spleen.", "", {"site": "spleen", "laterality": ""}),
    ("EXAM: CT chest.\nFINDINGS: Calcified mediastinal lymph nodes.", "", {"site": "lymph node", "laterality": ""}),
    (CXR + "Bilateral calcified hilar and mediastinal lymph nodes.", "", {"site": "lymph node", "laterality": "bilateral"}),
    (CXR + "Calcified lymph nodes, bilateral hila.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("FINDINGS:\nLeft lower lobe: calcified granuloma, unchanged. Right lung: clear.", "", {"site": "lung", "laterality": "left"}),
    ("FINDINGS:\nRight upper lobe: There is a 5 mm nodule. It is calcified.", "", {"site": "lung", "laterality": "right"}),
    # clinical-note style
    (NOTE + "Old calcified granuloma of the right lung on prior film.", "", {"site": "lung", "laterality": "right"}),
    (NOTE + "CXR with calcified hilar nodes, consistent with remote granulomatous disease.", "", {"site": "lymph node", "laterality": ""}),
    (NOTE + "Chest x-ray showed a calcified nodule in the left lower lobe.", "", {"site": "lung", "laterality": "left"}),
    (NOTE + "Imaging notable for aortic calcification.", "", {"site": "aorta", "laterality": ""}),
    (NOTE + "Known coronary calcifications on prior CT.", "", {"site": "coronary artery", "laterality": ""}),
    (NOTE + "Mammogram showed benign calcifications in the right breast.", "", {"site": "breast", "laterality": "right"}),
    (NOTE + "Rt shoulder with calcific tendinitis.", "", {"site": "tendon", "laterality": "right"}),
    (NOTE + "Lt renal calcification seen on ultrasound.", "", {"site": "kidney", "laterality": "left"}),
    (NOTE + "Left shoulder x-ray showed calcific tendinitis.", "", {"site": "tendon", "laterality": "left"}),
    (NOTE + "X-ray of the right knee showed chondrocalcinosis.", "", {"site": "cartilage", "laterality": "right"}),
    (NOTE + "Calcified uterine fibroid on pelvic ultrasound.", "", {"site": "uterus", "laterality": ""}),
    (NOTE + "Echo: moderate mitral annular calcification, mild MR.", "", {"site": "mitral annulus", "laterality": ""}),
    (NOTE + "Echo showed a calcified aortic valve with mild stenosis.", "", {"site": "aortic valve", "laterality": ""}),
    (NOTE + "CT with calcified plaque in the left main coronary artery.", "", {"site": "coronary artery", "laterality": ""}),
    (NOTE + "Exam of the left breast: calcifications at 2 o'clock.", "", {"site": "breast", "laterality": "left"}),
    (NOTE + "Calcified granulomas in both lungs on CT, no further workup.", "", {"site": "lung", "laterality": "bilateral"}),
    (NOTE + "Mammogram two years ago showed left breast microcalcifications.", "", {"site": "breast", "laterality": "left"}),
    (NOTE + "IMPRESSION: Calcific tendinitis, left shoulder.", "", {"site": "tendon", "laterality": "left"}),
    (NOTE + "Left shoulder: calcific deposit in the supraspinatus.", "", {"site": "tendon", "laterality": "left"}),
    (NOTE + "Pelvic x-ray: phleboliths in the left hemipelvis.", "", {"site": "vein", "laterality": "left"}),
    (NOTE + "CT abdomen: calcified granulomas in the spleen.", "", {"site": "spleen", "laterality": ""}),
    (NOTE + "Renal US: right kidney 11 cm with a punctate calcification.", "", {"site": "kidney", "laterality": "right"}),
    (NOTE + "Heart: calcified aortic valve leaflets with restricted motion.", "", {"site": "aortic valve", "laterality": ""}),
    (NOTE + "Fibrocalcific changes of the mitral leaflets.", "", {"site": "mitral valve", "laterality": ""}),
    (NOTE + "The mitral valve is thickened. Fibrocalcific leaflets with mild regurgitation.", "", {"site": "mitral valve", "laterality": ""}),
    (NOTE + "The aortic valve is trileaflet. The leaflets are mildly calcified.", "", {"site": "aortic valve", "laterality": ""}),
    (NOTE + "Right knee films showed chondrocalcinosis of the medial compartment.", "", {"site": "cartilage", "laterality": "right"}),
]

ALL_ROWS: list[Row] = _lung_rows() + _place_rows() + ROWS


def _finding(findings: list[Any], word: str) -> Any:
    if not word:
        assert len(findings) == 1, [f.mention for f in findings]
        return findings[0]
    (f,) = [f for f in findings if word.lower() in f.mention.lower()][:1]
    return f


@pytest.mark.parametrize(("text", "word", "expected"), ALL_ROWS)
def test_site_sweep(findings_of, text, word, expected):
    f = _finding(findings_of(text), word)
    assert {name: getattr(f, name) for name in expected} == expected
