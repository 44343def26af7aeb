"""Oncology staging and follow-up reports (PET-CT, nuclear medicine, CT
chest/abdomen/pelvis staging, oncology notes citing those scans).

Every report here is fictional and written for this file. The expected
values are read from docs/guide.md and corpora/GUIDE.md, not from the
program.
"""

from __future__ import annotations

import pytest

FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family", "physiologic")


def flags_of(f) -> set[str]:
    return {name for name in FLAGS if getattr(f, name)}


# 'no longer FDG avid' says the uptake is gone, not the calcium: the finding
# is present (guide §2: negated is "the deposit is denied"; historical is "it
# existed only in the past and is not seen now"), and the uptake is no change
# of the calcification (corpora/GUIDE.md, Descriptors: change words).
NO_LONGER_A_PROPERTY: list[tuple[str, str]] = [
    ("Left hilar node with calcification, no longer FDG avid.", "calcification"),
    ("The calcified peritoneal implants are no longer hypermetabolic.", "implants"),
    ("Calcified right axillary node, no longer FDG-avid, unchanged in size.", "node"),
    (
        "IMPRESSION: Calcified mediastinal mass, no longer metabolically active, "
        "consistent with treated lymphoma.",
        "mass",
    ),
    ("The calcified liver lesion no longer demonstrates FDG uptake.", "lesion"),
    ("The calcified left hilar node is no longer avid on PET.", "node"),
    ("Calcified para-aortic node no longer shows increased uptake.", "node"),
    ("Calcified left external iliac node, no longer PET-positive.", "node"),
]


@pytest.mark.parametrize(("text", "word"), NO_LONGER_A_PROPERTY)
def test_no_longer_avid_is_no_denial(finding_with, text, word):
    f = finding_with(text, word)
    assert flags_of(f) == set()
    assert f.change != "resolved"


# guard: 'no longer' with a word of seeing, or with nothing after it, still
# denies the deposit and dates it
NO_LONGER_GONE: list[tuple[str, str]] = [
    ("The previously seen calcified left axillary node is no longer seen.", "node"),
    ("Calcification in the left breast is no longer visible.", "Calcification"),
    ("Calcified granuloma, no longer present.", "granuloma"),
    ("The calcified node in the right hilum is no longer identified.", "node"),
    ("Calcified node in the left axilla: no longer appreciated.", "node"),
]


@pytest.mark.parametrize(("text", "word"), NO_LONGER_GONE)
def test_no_longer_seen_still_denies(finding_with, text, word):
    f = finding_with(text, word)
    assert {"negated", "historical"} <= flags_of(f)


# 'both' before the studies a report compares with names two studies, not two
# sides (guide §2 laterality: a side where it names two sides of a place)
BOTH_PRIORS: list[tuple[str, str, str]] = [
    ("Presacral soft tissue with calcification, unchanged from both prior studies.", "calcification", ""),
    ("Calcified subcarinal lymph node, stable compared with both prior examinations.", "node", ""),
    ("Calcified mediastinal nodes are unchanged on both comparisons.", "nodes", ""),
    ("Calcified paratracheal node, unchanged since both previous PET/CT scans.", "node", ""),
    ("Compared to both prior studies, the calcified mesenteric node is stable.", "node", ""),
    ("Calcified right hilar node, unchanged from both prior CTs.", "node", "right"),
    # guards: 'both' naming two sides of a place
    ("Calcified hilar nodes on both sides.", "nodes", "bilateral"),
    ("Calcified granulomas in both lungs, unchanged from both prior studies.", "granulomas", "bilateral"),
    ("Calcified pleural plaques in both hemithoraces.", "plaques", "bilateral"),
]


@pytest.mark.parametrize(("text", "word", "side"), BOTH_PRIORS)
def test_both_prior_studies_name_no_side(finding_with, text, word, side):
    assert finding_with(text, word).laterality == side


# the spaces of the peritoneal cavity where ovarian, gastric and colon
# cancers seed implants are peritoneum (guide §2 site vocabulary: peritoneum
# and mesentery), not the organ the sentence before names
PERITONEAL_SPACES: list[tuple[str, str, str, str]] = [
    ("FINDINGS: Calcified perihepatic implant, 8 mm.", "implant", "peritoneum", ""),
    ("Calcified implants in the cul-de-sac.", "implants", "peritoneum", ""),
    ("Calcified deposit in the pouch of Douglas.", "deposit", "peritoneum", ""),
    ("The spleen is normal. Calcified perisplenic implant.", "implant", "peritoneum", ""),
    ("Calcified nodule in the right paracolic gutter.", "nodule", "peritoneum", "right"),
    ("The kidneys are normal. Calcified subdiaphragmatic implant on the right.", "implant", "peritoneum", "right"),
    ("Calcified implant in Morison's pouch.", "implant", "peritoneum", ""),
    # guards: an organ named on the implant stays its site
    ("Calcified subcapsular hepatic implant.", "implant", "liver", ""),
    ("Calcified serosal implants along the sigmoid colon.", "implants", "bowel", ""),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), PERITONEAL_SPACES)
def test_peritoneal_spaces_are_peritoneum(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# a treated tumour is a dystrophic cause attached to the mention (guide §4
# rule 1), however many place words stand between 'treated' and the tumour,
# and whatever the report calls the tumour (mass, lesion, primary, disease);
# a tumour ablated or embolized is a treated one
TREATED_TUMOUR: list[tuple[str, str]] = [
    ("Impression: Treated left upper lobe tumor is now densely calcified.", "calcified"),
    ("The treated right lower lobe mass has calcified.", "calcified"),
    ("Coarse calcification within the treated liver lesions.", "calcification"),
    ("The treated lesion in segment 7 now contains calcification.", "calcification"),
    ("Calcified treated mediastinal disease.", "Calcified"),
    ("Calcification along the site of the treated primary.", "Calcification"),
    ("Calcification within the ablated liver lesion.", "Calcification"),
    ("Calcification in the ablation zone in segment 6.", "Calcification"),
    ("Calcification within the chemoembolized hepatic tumor.", "Calcification"),
]


@pytest.mark.parametrize(("text", "word"), TREATED_TUMOUR)
def test_treated_tumour_words_between(finding_with, text, word):
    f = finding_with(text, word)
    assert f.classification == "dystrophic"
    assert "treated tumour" in f.evidence


# guards: 'treated' for another disease, or a tumour not said to be treated
NOT_TREATED_TUMOUR: list[tuple[str, str]] = [
    ("Treated for coronary artery disease. Mild pericardial calcification.", "calcification"),
    ("Patient treated with antibiotics. Calcified mass in the left upper lobe.", "mass"),
    ("Untreated left upper lobe tumor with coarse calcification.", "calcification"),
]


@pytest.mark.parametrize(("text", "word"), NOT_TREATED_TUMOUR)
def test_not_treated_tumour(finding_with, text, word):
    f = finding_with(text, word)
    assert "treated tumour" not in f.evidence


def condition_names(analyzer, text: str) -> list[str]:
    return [c.name for c in analyzer.analyze(text, "T").conditions]


# radiotherapy named by its technique is radiation therapy (guide §3:
# damage from radiotherapy), and 's/p' before it, or before a drug regimen,
# names no operation (guide §3: trauma and earlier surgery)
TREATMENT_AFTER_SP: list[tuple[str, set[str], set[str]]] = [
    ("History: RUL adenocarcinoma s/p SBRT. Calcified right hilar node.", {"radiation therapy"}, {"prior surgery"}),
    ("History: brain metastases s/p SRS. Calcification in the left frontal lobe.", {"radiation therapy"}, {"prior surgery"}),
    ("History: s/p stereotactic radiosurgery. Calcification in the right cerebellum.", {"radiation therapy"}, {"prior surgery"}),
    ("Prostate cancer treated with IMRT. Calcified prostate.", {"radiation therapy"}, set()),
    ("History: lung cancer s/p SABR to the LUL. Calcified nodule in the left upper lobe.", {"radiation therapy"}, {"prior surgery"}),
    ("Hx: breast ca s/p proton therapy. Calcification in the left breast.", {"radiation therapy"}, {"prior surgery"}),
    ("History: meningioma s/p Gamma Knife. Calcification in the dura.", {"radiation therapy"}, {"prior surgery"}),
    ("Hx: Hodgkin's s/p ABVD. Calcified anterior mediastinal mass.", set(), {"prior surgery"}),
    ("History: ovarian cancer s/p carboplatin and paclitaxel. Calcified peritoneal implants.", set(), {"prior surgery"}),
    # guards: an operation after 's/p' is still one; a planned SBRT is none
    ("History: lung cancer s/p lobectomy. Calcified right hilar node.", {"prior surgery"}, set()),
    ("Hx: Colon ca s/p sigmoidectomy, FOLFOX completed. Calcified liver lesion.", {"prior surgery"}, set()),
    ("Hx: s/p hemicolectomy; radiation to the pelvis. Pelvic phleboliths.", {"prior surgery", "radiation therapy"}, set()),
    ("History: lung cancer, SBRT planned. Calcified granuloma.", set(), {"radiation therapy"}),
]


@pytest.mark.parametrize(("text", "present", "absent"), TREATMENT_AFTER_SP)
def test_treatment_after_sp(analyzer, text, present, absent):
    names = set(condition_names(analyzer, text))
    assert present <= names
    assert not (absent & names)


# a mass or tumour of the thyroid is a nodule by kind (guide §4 rule 4: a
# thyroid nodule, not the gland as such, is dystrophic-prone); a denial before
# the list that ends in it reaches it
# (not 'carcinoma': the dev gold R5809 reads a relative's 'papillary thyroid
# carcinoma with microcalcifications' as indeterminate)
THYROID_TUMOUR: list[tuple[str, str, str]] = [
    ("Right thyroid lobe mass measuring 2.6 cm with dense coarse calcifications.", "calcifications", "dystrophic"),
    ("Calcified right thyroid mass.", "mass", "dystrophic"),
    ("Left thyroid lobe tumor with calcification.", "calcification", "dystrophic"),
    ("Thyroid: two masses, the larger on the right with coarse calcifications.", "calcifications", "dystrophic"),
    # guards: the gland as such
    ("Calcification in the thyroid gland.", "Calcification", "indeterminate"),
    ("Thyroid: heterogeneous with scattered calcifications.", "calcifications", "indeterminate"),
    ("Thyroid: punctate calcifications throughout both lobes without a discrete nodule or mass.", "calcifications", "indeterminate"),
    ("Thyroid: punctate calcifications, no focal lesion, nodule or mass.", "calcifications", "indeterminate"),
]


@pytest.mark.parametrize(("text", "word", "cls"), THYROID_TUMOUR)
def test_thyroid_tumour_is_a_nodule(finding_with, text, word, cls):
    f = finding_with(text, word)
    assert (f.site, f.classification) == ("thyroid", cls)


# radiation damage named as 'radiation-associated' or by the field the
# treatment covered is a dystrophic cause of its sentence (guide §3: damage
# from radiotherapy; §4 rule 1), and the radiation is a condition
RADIATION_ASSOCIATED: list[tuple[str, bool]] = [
    ("Assessment: Radiation-associated heart disease with pericardial calcification.", True),
    ("Radiation-associated calcification of the pericardium.", True),
    # a hedged condition is not recorded (guide §3), the cause still binds
    ("Pericardial calcification, likely radiation-associated.", False),
    ("Calcified pleura in the radiation field.", True),
    ("Calcified mediastinal fat within the prior radiation port.", True),
    ("Calcified pleura within the radiation port.", True),
]


@pytest.mark.parametrize(("text", "condition"), RADIATION_ASSOCIATED)
def test_radiation_associated_is_a_cause(analyzer, finding_with, text, condition):
    f = finding_with(text, "")
    assert f.classification == "dystrophic"
    assert ("radiation therapy" in condition_names(analyzer, text)) == condition


# a noun of decrease before 'of' grades the finding after it, as 'increase
# of' and 'decrease in' do (corpora/GUIDE.md, Descriptors: change)
CHANGE_NOUNS: list[tuple[str, str, str]] = [
    ("IMPRESSION: Continued decrease of the calcified left axillary node.", "node", "decreased"),
    ("Interval decrease of the calcified peritoneal implants.", "implants", "decreased"),
    ("Reduction of the calcified mediastinal mass since XXXX.", "mass", "decreased"),
    ("Interval shrinkage of the calcified right hilar node.", "node", "decreased"),
    # guards
    ("Interval increase of the calcified peritoneal implants.", "implants", "increased"),
    ("Decrease in size of calcified subcarinal node.", "node", "decreased"),
]


@pytest.mark.parametrize(("text", "word", "change"), CHANGE_NOUNS)
def test_change_nouns(finding_with, text, word, change):
    assert finding_with(text, word).change == change


# today's size and the earlier one with one comma aside between that states
# no size or lesion ('not FDG avid') still compare (corpora/GUIDE.md,
# Descriptors: the finding's own size set beside an earlier size gives the change)
SIZE_ASIDE: list[tuple[str, str, str]] = [
    ("Calcified liver lesion measures 1.0 cm, not FDG avid, previously 1.5 cm.", "lesion", "decreased"),
    ("Calcified right pelvic sidewall node measures 15 mm, intensely avid, previously 10 mm.", "node", "increased"),
    ("Calcified peritoneal implant measures 9 mm, without uptake, previously 9 mm.", "implant", "stable"),
    # guards: an aside naming another lesion, or a number, keeps its sizes
    ("Calcified liver lesion measures 1.0 cm, adjacent to a cyst, previously 1.5 cm.", "lesion", ""),
    ("Calcified liver lesion measures 1.0 cm, SUV 2.1, previously 1.5 cm.", "lesion", ""),
]


@pytest.mark.parametrize(("text", "word", "change"), SIZE_ASIDE)
def test_size_compared_past_an_aside(finding_with, text, word, change):
    assert finding_with(text, word).change == change


# the stations beside the aorta and cava are the retroperitoneal nodes, as
# 'retroperitoneal' and 'portacaval' are (guide §2 site vocabulary: lymph
# node, nodes anywhere), not the aorta whose name they hold
PARA_AORTIC: list[tuple[str, str, str]] = [
    ("Calcified para-aortic mass, stable.", "mass", "lymph node"),
    ("Calcified periaortic mass.", "mass", "lymph node"),
    ("Calcified aortocaval mass in this patient with treated lymphoma.", "mass", "lymph node"),
    ("Calcified retrocrural mass.", "mass", "lymph node"),
    # guards
    ("Calcified aortic wall.", "wall", "aorta"),
    ("Calcified plaque of the abdominal aorta.", "plaque", "aorta"),
]


@pytest.mark.parametrize(("text", "word", "site"), PARA_AORTIC)
def test_para_aortic_is_nodal(finding_with, text, word, site):
    assert finding_with(text, word).site == site
