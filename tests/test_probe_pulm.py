"""Probe of pulmonology and infectious-disease consult notes and
bronchoscopy / EBUS reports (granulomatous disease, pneumoconiosis,
asbestos plaques, lung-cancer screening follow-up): errors found on
made-up notes of that kind, one class per table."""

from __future__ import annotations

import pytest

# --- a mediastinal or hilar node station (IASLC map) is a lymph node, and
# the R or L written on its number is its side ('station 4R', '11L'; guide
# §2: abbreviated sides count, a label line gives the site)

NODE_STATIONS = [
    (
        "EBUS-TBNA REPORT\nStation 11L: 9 mm, calcified.",
        "calcified",
        "lymph node",
        "left",
    ),
    (
        "EBUS-TBNA REPORT\nStation 7: 22 mm, heterogeneous with coarse "
        "calcification. Sampled x4.",
        "calcification",
        "lymph node",
        "",
    ),
    ("EBUS: calcified node at station 4R.", "calcified node", "lymph node", "right"),
    (
        "Coarse calcification at station 4L, sampled with a 22 gauge needle.",
        "calcification",
        "lymph node",
        "left",
    ),
    (
        "Mediastinoscopy: the station 2R nodes were calcified and gritty.",
        "calcified",
        "lymph node",
        "right",
    ),
    # guards: nodes named by their place keep their reading
    ("Calcified subcarinal lymph node.", "Calcified", "lymph node", ""),
    ("Calcified right paratracheal nodes.", "Calcified", "lymph node", "right"),
    ("Calcified level II node on the left.", "Calcified", "lymph node", "left"),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), NODE_STATIONS)
def test_node_station_site_and_side(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# --- a comma that opens a new item of a list of findings at another site
# ends the item before it: a side written in that item is its own ('CT:
# calcified granuloma in the right upper lobe, calcified subcarinal node';
# guide §2: a clause about another structure gives neither site nor side)

LIST_ITEM_SIDES = [
    (
        "CT: calcified granuloma in the right upper lobe, calcified subcarinal node.",
        "subcarinal",
        "",
    ),
    (
        "Imaging: numerous calcified nodules both lungs, calcified mediastinal nodes.",
        "mediastinal",
        "",
    ),
    (
        "CT: innumerable small nodules in upper lobes, conglomerate mass in the "
        "right upper lobe with calcification, eggshell calcification of the "
        "hilar nodes.",
        "eggshell",
        "",
    ),
    (
        "Punctate calcification in the left lobe of the thyroid, calcified "
        "cervical lymph node.",
        "cervical",
        "",
    ),
    (
        "Calcified plaque in the right carotid bulb, calcified plaque in the "
        "vertebral artery.",
        "vertebral",
        "",
    ),
    # guards: a side on the item's own words, an item the comma's words say
    # the one before is, one at the same site, and a label's side stay
    (
        "CT: calcified granuloma in the right upper lobe, calcified right hilar node.",
        "hilar",
        "right",
    ),
    (
        "Calcified nodule in the right lower lobe, likely calcified granuloma.",
        "granuloma",
        "right",
    ),
    ("Calcification in the right hilum, calcified lymph node.", "lymph", "right"),
    ("Right lung: calcified granuloma, calcified hilar node.", "hilar", "right"),
    (
        "CT: calcified granuloma in the right upper lobe, calcified granuloma "
        "in the left lower lobe.",
        "granuloma in the left",
        "left",
    ),
    # a reading offered for the finding before, and a clause, are no items
    (
        "2 mm calcification in the upper pole of the right kidney, vascular "
        "calcification versus a small stone.",
        "vascular",
        "right",
    ),
    (
        "Calciphylaxis of the left calf, better clinically, although the "
        "vascular calcification has progressed.",
        "vascular",
        "left",
    ),
]


def _nth(findings_of, text: str, word: str):
    named = [f for f in findings_of(text) if word.lower() in f.mention.lower()]
    if named:
        return named[-1]
    # a word of the finding's place, not its mention: the last finding
    return findings_of(text)[-1]


@pytest.mark.parametrize(("text", "word", "side"), LIST_ITEM_SIDES)
def test_list_item_side_is_its_own(findings_of, text, word, side):
    assert _nth(findings_of, text, word).laterality == side


# --- a plaque of the diaphragm is a pleural plaque: the diaphragmatic
# pleura is where asbestos plaques lie ('calcified diaphragmatic plaques';
# guide §2 vocabulary: pleura takes the pleural plaques)

DIAPHRAGMATIC_PLAQUES = [
    (
        "Shipyard pipefitter with asbestos exposure. CT chest: bilateral "
        "calcified pleural plaques and calcified diaphragmatic plaques.",
        "diaphragmatic",
        "pleura",
        "bilateral",
    ),
    ("Calcified diaphragmatic plaque on the left.", "", "pleura", "left"),
    ("Impression: calcified right diaphragmatic plaques.", "", "pleura", "right"),
    # guards: a density over the diaphragm and the diaphragmatic pleura
    (
        "Small calcific density below the left hemidiaphragm, of uncertain "
        "significance.",
        "",
        "",
        "left",
    ),
    ("Linear calcification along the left diaphragmatic pleura.", "", "pleura", "left"),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), DIAPHRAGMATIC_PLAQUES)
def test_diaphragmatic_plaque_is_pleural(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# --- a tuberculosis the note gives to another person, the case the patient
# was in contact with, or to a place, is no condition of the patient (guide
# §3: a condition is recorded only when the report asserts it for this
# patient): 'Household contact of active TB case', 'Worked in a TB ward'

CONTACT_CONDITIONS = [
    ("Household contact of active TB case. CXR: calcified granuloma.", []),
    (
        "Close contact of a patient with active tuberculosis. Calcified "
        "granuloma in the RUL.",
        [],
    ),
    ("Worked in a TB ward for ten years. Calcified RUL granuloma.", []),
    ("TB contact investigation: index case with cavitary TB. Calcified RUL granuloma.", []),
    # guards: the patient's own tuberculosis stays
    ("History of treated TB. Calcified RUL granuloma.", ["tuberculosis"]),
    ("Latent TB. Calcified granuloma in the RUL.", ["tuberculosis"]),
    (
        "Calcified granuloma in contact with the pleura, consistent with old "
        "tuberculosis.",
        ["tuberculosis"],
    ),
]


@pytest.mark.parametrize(("text", "names"), CONTACT_CONDITIONS)
def test_contacts_tuberculosis_is_not_the_patients(analyzer, text, names):
    report = analyzer.analyze(text, "T")
    assert [c.name for c in report.conditions] == names


# guards: the patient's own film in the contact's sentence stays the patient's
@pytest.mark.parametrize(
    "text",
    [
        "Household contact of active TB case, CXR shows a calcified granuloma in the RUL.",
        "Sick contacts at home, calcified granuloma RUL on CXR.",
    ],
)
def test_contacts_sentence_finding_is_the_patients(finding_with, text):
    assert not finding_with(text, "granuloma").family


# --- a Ghon focus (the healed primary focus of tuberculosis in the lung) and
# the Ghon or Ranke complex it heads name the lung (guide §2 site from
# context step 3: a lesion its sentence identifies it as)

GHON_SITES = [
    ("Problem list:\n- Calcified left apical granuloma (Ghon focus)", "granuloma", "lung", "left"),
    ("Calcified Ghon focus in the right lower lobe.", "Ghon", "lung", "right"),
    ("CXR: calcified Ghon focus.", "Ghon", "lung", ""),
    (
        "CXR: right hilar adenopathy without calcification. Rule out calcified "
        "Ghon focus on CT.",
        "Ghon",
        "lung",
        "",
    ),
    ("Old TB with a calcified Ranke complex on the left.", "calcified", "lung", "left"),
    # guard: the complex's node keeps its own site
    (
        "Ghon complex: calcified granuloma in the right lower lobe and calcified "
        "right hilar lymph node.",
        "lymph node",
        "lymph node",
        "right",
    ),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), GHON_SITES)
def test_ghon_focus_is_the_lung(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# --- 'no X, no Y': the comma and a 'no' of its own open another denied item,
# whose place word is its own (guide §2: a denial never changes the site; a
# clause about another structure gives none): on a chest film the denied
# granulomas are the lung's

DENIED_ITEMS = [
    ("CXR normal; no calcified granulomas, no lymphadenopathy.", "lung"),
    ("CXR: no calcified granulomas, no hilar adenopathy.", "lung"),
    ("Chest x-ray: no calcified granulomas, no mediastinal widening.", "lung"),
    # guards: one list denied by one 'no', and the finding's own place after it
    ("CT chest: no calcified granulomas, no pleural effusion.", "lung"),
    ("No calcified or enlarged hilar nodes.", "lymph node"),
    ("CXR: no calcification, right hilum.", "lymph node"),
]


@pytest.mark.parametrize(("text", "site"), DENIED_ITEMS)
def test_denied_item_place_is_its_own(only, text, site):
    assert only(text).site == site


# --- 'diffuse' said of the calcium within one nodule is the nodule's benign
# pattern, not a diffuse pattern of the lungs (guide §4 rule 2: diffuse or
# centrilobular calcification of the lungs): 'CT chest: 7 mm nodule LLL with
# diffuse calcification'

ONE_NODULE_DIFFUSE = [
    ("CT chest 1/2025: 7 mm nodule LLL with diffuse calcification.", "calcification", "indeterminate"),
    ("A/P: LLL nodule - diffusely calcified, benign.", "calcified", "indeterminate"),
    ("Diffusely calcified 6 mm nodule in the right upper lobe.", "calcified", "indeterminate"),
    ("Solid nodule in the lingula with diffuse calcification, Lung-RADS 2.", "calcification", "indeterminate"),
    # guards: the lungs' pattern stays metastatic
    (
        "A 4 mm nodule in the RUL and diffuse calcification of both lungs.",
        "calcification",
        "metastatic",
    ),
    ("Diffuse calcified nodules throughout both lungs.", "calcified", "metastatic"),
    ("Diffuse pulmonary calcification in both upper lobes.", "calcification", "metastatic"),
    (
        "Centrilobular calcified nodule in the right upper lobe.",
        "calcified",
        "metastatic",
    ),
]


@pytest.mark.parametrize(("text", "word", "cls"), ONE_NODULE_DIFFUSE)
def test_one_nodule_diffuse_is_no_lung_pattern(finding_with, text, word, cls):
    assert finding_with(text, word).classification == cls


# --- a sided place in the share a superlative picks out of a plural finding
# is that one's place: it gives the finding its site, not its side ('Several
# calcified granulomas, the largest 6 mm in the LLL'; guide §2: a side said
# of another thing gives none, as 'the largest 6 mm on the left' already)

SHARE_PLACES = [
    ("Several calcified granulomas, the largest 6 mm in the LLL.", "lung", ""),
    (
        "Multiple calcified granulomas, largest in the right upper lobe measuring 5 mm.",
        "lung",
        "",
    ),
    ("Several pelvic phleboliths, the largest 6 mm on the left.", "vein", ""),
    # guards: a side of the whole list, and a single finding's own place
    ("Several calcified granulomas in the LLL, the largest 6 mm.", "lung", "left"),
    ("Calcified granuloma in the RUL, 6 mm.", "lung", "right"),
]


@pytest.mark.parametrize(("text", "site", "side"), SHARE_PLACES)
def test_share_place_gives_no_side(only, text, site, side):
    f = only(text)
    assert (f.site, f.laterality) == (site, side)
