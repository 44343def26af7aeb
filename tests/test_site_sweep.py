"""A vocabulary and construction sweep of site and side (guide §2).

Every sentence is made up for this file: chest film style (FINDINGS /
IMPRESSION, terse lines, capitals, XXXX masks, comma-joined lines) and some
clinical-note style. The table crosses the sites of the guide's vocabulary
that a chest film or a clinical note names with the constructions that place
a finding there and with the ways a side is written. Each expected value was
decided from the guides (docs/guide.md §2 and its site vocabulary,
corpora/GUIDE.md) before the pipeline was run on the row. The rows beyond
single places (other sentences, neighbours, pronouns, notes) are in
tests/site_sweep_rows.py.
"""

from __future__ import annotations

import pytest

from .site_sweep_rows import CXR, LINE, MORE_ROWS, Row


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
    (CXR + "Calcification in the right neck soft tissues.", "", {"site": "soft tissue", "laterality": "right"}),
    (CXR + "Soft tissue calcifications in the left chest wall.", "", {"site": "soft tissue", "laterality": "left"}),
    (CXR + "Calcification in the skin of the back.", "", {"site": "skin", "laterality": ""}),
    (CXR + "Dermal calcifications.", "", {"site": "skin", "laterality": ""}),
    # comma-joined lines and impressions
    (LINE + "Calcified right hilar lymph XXXX., No acute disease.", "", {"site": "lymph node", "laterality": "right"}),
    (LINE + "Aortic knob calcification., Lungs clear.", "", {"site": "aorta", "laterality": ""}),
    (LINE + "Calcified granuloma LUL., IMPRESSION:, No acute process.", "", {"site": "lung", "laterality": "left"}),
    ("IMPRESSION:,1. Calcified granuloma within RUL.,2. No acute disease.", "", {"site": "lung", "laterality": "right"}),
    ("FINDINGS: XXXX XXXX are normal. Calcified granuloma at left lung base. IMPRESSION: No acute disease.", "", {"site": "lung", "laterality": "left"}),
]

ALL_ROWS: list[Row] = _lung_rows() + _place_rows() + ROWS + MORE_ROWS


@pytest.mark.parametrize(("text", "word", "expected"), ALL_ROWS)
def test_site_sweep(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected
