"""Radiology reports in British, Irish, Australian, New Zealand, Canadian,
Indian and South African house styles (probe intl): sides written 'R)' and
'L)', Commonwealth spellings and hedges, and the fields they bear on (guide
§2 laterality and "Site and side from context"; corpora/GUIDE.md "What each
finding carries").

Every report here is fictional and written for this file. The expected
values are read from the guides, not from the program.
"""

from __future__ import annotations

import pytest

# guide §2, laterality: "Abbreviated sides count: Rt, Lt, b/l". Many
# Commonwealth departments write the side as a letter and a closing bracket,
# 'R)' and 'L)', before the place ('R) ICA', 'L) breast') or after it
# ('granuloma R) lobe liver'); '(L)' after an exam title is the same side.
BRACKETED_SIDES = [
    ("Carotid Doppler. R) ICA: calcified plaque causing <50% stenosis.", "calcified plaque", "carotid artery", "right"),
    ("Carotid Doppler. L) ICA: soft plaque with no calcification.", "calcification", "carotid artery", "left"),
    ("CT NECK. Calcified L) submandibular lymph nodes.", None, "lymph node", "left"),
    ("Conclusion: Calcified granuloma R) lobe liver.", "Calcified granuloma", "liver", "right"),
    ("Opinion: R) breast microcalcifications, M4.", "R) breast microcalcifications", "breast", "right"),
    ("Report: L) breast 2 o'clock: oval mass with coarse calcification.", "calcification", "breast", "left"),
    ("CXR: Calcified granuloma in the L) upper zone.", "Calcified granuloma", "lung", "left"),
    ("Report: Calcified hilar node on the R). Lungs clear.", "Calcified hilar node", "lymph node", "right"),
    ("Impression: Calcified plaque at the L) carotid bifurcation.", "Calcified plaque", "carotid artery", "left"),
    ("Adrenal calcification (R), likely old haemorrhage.", "Adrenal calcification", "adrenal gland", "right"),
]


@pytest.mark.parametrize(("text", "mention", "site", "side"), BRACKETED_SIDES)
def test_bracketed_side_letters_give_the_side(finding_of, text, mention, site, side):
    found = finding_of(text, mention)
    assert (found.site, found.laterality) == (site, side), text


# Guards: a capital letter before a bracket that is no side stays none
# ('(R)' of a trade mark glued to its name; a list's 'a)' items).
NO_SIDE = [
    ("Contrast: Omnipaque(R) 350. Calcified granuloma in the lung.", "Calcified granuloma"),
    ("Findings: a) Calcified granuloma in the lung. b) No effusion.", "Calcified granuloma"),
    ("CT CHEST. Calcified mediastinal lymph node. Vitamin D (L) low.", "Calcified mediastinal lymph node"),
]


@pytest.mark.parametrize(("text", "mention"), NO_SIDE)
def test_letters_that_are_no_side_give_none(finding_of, text, mention):
    assert finding_of(text, mention).laterality == "", text


# corpora/GUIDE.md, Descriptors (change): "unchanged", "stable", "no change"
# grade the finding; a comparison after them written with 'cf.' or 'c.f.'
# (confer: 'compare with'), the Commonwealth way of naming the prior study,
# dates the comparison as 'compared to prior' does and leaves the change the
# finding's.
COMPARED_BY_CF = [
    ("Calcified granuloma in the right upper lobe, unchanged cf. previous of 12/03/2019.", "stable"),
    ("Calcified granuloma in the right upper lobe, unchanged c.f. CT of 3/4/19.", "stable"),
    ("Calcified granuloma Rt upper zone, unchanged cf. prior.", "stable"),
    ("Calcified mediastinal nodes, stable cf. 12.3.2019.", "stable"),
    ("Coarse calcification in the pancreatic head, increased cf. CT of 4.5.2020.", "increased"),
    ("Report: New calcification in the left breast cf. previous mammogram of 2/2/2021.", "new"),
]


@pytest.mark.parametrize(("text", "change"), COMPARED_BY_CF)
def test_change_word_before_a_cf_comparison_is_the_findings(finding_of, text, change):
    assert finding_of(text, None).change == change, text


# Guards: without its full stop 'CF' is cystic fibrosis, and a change word
# of another noun ('heart size unchanged', 'new c-collar') stays that noun's.
NOT_A_CF_COMPARISON = [
    "Calcified granuloma in the right upper lobe, stable CF changes.",
    "Calcified granuloma, new c-collar in situ.",
    "Aortic calcification, heart size unchanged c.f. previous.",
]


@pytest.mark.parametrize("text", NOT_A_CF_COMPARISON)
def test_change_word_of_another_noun_is_not_the_findings(finding_of, text):
    assert finding_of(text, None).change == "", text


# guide §2 (uncertain: its presence is hedged) and corpora/GUIDE.md ("a
# hedge on its cause or nature does not make it uncertain"): a question mark
# written against the next word, '?old TB', is the Commonwealth 'query' of
# that word; it asks about the reading after the finding, not the finding.
QUERY_OF_THE_READING = [
    ("Calcified granulomas ?old TB.", "Calcified granulomas", set()),
    ("Multiple calcified foci, likely representing calcified granulomas ?neurocysticercosis.", "calcified granulomas", set()),
    ("Calcified left hilar node ?sarcoid.", "Calcified left hilar node", set()),
    ("Coarse pancreatic calcification ?chronic pancreatitis.", "pancreatic calcification", set()),
    # guards: a '?' before the finding, after it with a space, or glued to
    # the finding's own word still hedges it
    ("?Calcified node in the right hilum.", "Calcified node", {"uncertain"}),
    ("Soft tissue density in the pelvis ?phlebolith.", "phlebolith", {"uncertain"}),
    ("Small focus in the left breast, calcification?", "calcification", {"uncertain"}),
    ("Small focus in the left breast - calcification ?", "calcification", {"uncertain"}),
]

FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family", "physiologic")


@pytest.mark.parametrize(("text", "mention", "flags"), QUERY_OF_THE_READING)
def test_question_mark_against_the_next_word_asks_about_that_word(finding_of, text, mention, flags):
    found = finding_of(text, mention)
    assert {f for f in FLAGS if getattr(found, f)} == flags, text


# guide §2: uncertain is a hedge on presence ("possible", "questionable");
# hypothetical is a possibility raised to look for, not observed. In
# Commonwealth reports 'query' is the radiologist's 'questionable': in the
# findings or the conclusion it hedges what was seen (uncertain, still
# classified); on the clinical details line it asks (hypothetical), as
# '? calcification' does (corpora/GUIDE.md, hypothetical).
QUERY_WORD = [
    ("Report: Query calcified granuloma in the left lower zone.", "calcified granuloma", {"uncertain"}),
    ("Conclusion: Query small calcified fibroid.", "calcified fibroid", {"uncertain"}),
    ("Opinion: Queried calcification in the right renal cortex.", "calcification", {"uncertain"}),
    ("Clinical details: Query renal calcification.\nReport: Normal kidneys.", "renal calcification", {"hypothetical"}),
    ("Clinical details: query nephrocalcinosis", "nephrocalcinosis", {"hypothetical"}),
    # guard: a query about the reading after the finding leaves it stated
    ("Report: Calcified granuloma Lt lower zone, query old TB.", "Calcified granuloma", set()),
]


@pytest.mark.parametrize(("text", "mention", "flags"), QUERY_WORD)
def test_query_hedges_a_finding_and_asks_on_the_clinical_line(finding_of, text, mention, flags):
    found = finding_of(text, mention)
    assert {f for f in FLAGS if getattr(found, f)} == flags, text
    assert (found.classification == "") == ("hypothetical" in flags), text


# A '?' written against the word after it ('focus ?scar') or after a dash
# ('spleen - ? old TB') opens a query of what follows; it ends no sentence,
# so the reading it asks about stays in the finding's sentence (guide §4
# rule 1: a cause in its own sentence) and its hedge reaches the condition
# (guide §3: hedged conditions are not recorded).
QUERY_ENDS_NO_SENTENCE = [
    ("4mm calcified focus ?scar.", "calcified focus", "dystrophic", set()),
    ("left testis: calcified focus ?old haematoma.", "calcified focus", "dystrophic", set()),
]


@pytest.mark.parametrize(("text", "mention", "cls", "flags"), QUERY_ENDS_NO_SENTENCE)
def test_query_glued_to_its_word_ends_no_sentence(finding_of, text, mention, cls, flags):
    found = finding_of(text, mention)
    assert (found.classification, {f for f in FLAGS if getattr(found, f)}) == (cls, flags), text


def test_query_after_a_dash_hedges_the_condition(analyzer):
    report = analyzer.analyze("Calcified granulomas in liver and spleen - ? healed tuberculosis.", "r")
    assert [c.name for c in report.conditions] == []
    assert report.findings[0].classification == "dystrophic"


def test_sentence_split_at_a_spaced_question_mark_stays(findings_of):
    found = findings_of("calcified node? no. calcified granuloma right lung.")
    assert [f.uncertain for f in found] == [True, False]


DASH_THEN_QUERY = [
    ("Calcified granuloma - ? Old TB", "Calcified granuloma", set()),
    ("Soft tissue density - ? calcification", "calcification", {"uncertain"}),
    ("Nephrocalcinosis - ?", "Nephrocalcinosis", {"uncertain"}),
    ("calcs -.", "calcs", {"negated"}),
]


@pytest.mark.parametrize(("text", "mention", "flags"), DASH_THEN_QUERY)
def test_dash_before_a_query_is_no_minus_sign(finding_of, text, mention, flags):
    found = finding_of(text, mention)
    assert {f for f in FLAGS if getattr(found, f)} == flags, text


# guide §2 site vocabulary: brain takes brain tissue not named more
# precisely; the grey matter and the junction of grey and white matter
# are brain tissue, in the British spelling as in the American.
GREY_MATTER = [
    "Multiple small calcified foci at the grey-white junction.",
    "Calcification at the gray-white junction, likely old granulomas.",
    "Punctate calcification in the grey matter.",
    "Calcified foci in the gray matter ?neurocysticercosis.",
    "Dense calcification of the grey-white matter junction.",
]


@pytest.mark.parametrize("text", GREY_MATTER)
def test_grey_matter_is_brain(finding_of, text):
    assert finding_of(text, None).site == "brain", text


# guide §2 step 4 (a heading or label line above it gives the side): a
# side written 'R)' or 'L)' opening its line labels that line as 'R:' does,
# the bracket its mark ('R) Moderate OA. Chondrocalcinosis.').
BRACKETED_SIDE_LABELS = [
    ("X-RAY KNEES\nR) Moderate medial compartment OA. Chondrocalcinosis.\nL) Mild OA.", "right"),
    ("X-RAY KNEES\nR) Moderate OA.\nL) Mild OA. Chondrocalcinosis of the menisci.", "left"),
    ("MAMMOGRAM\nR) Dense breast tissue. Scattered benign calcifications.\nL) NAD.", "right"),
    ("CAROTID DOPPLER\nR)\nICA: calcified plaque, <50% stenosis.\nL)\nICA: normal.", "right"),
    # guards: a list's 'a)' and a side inside the line before label nothing
    ("Findings:\na) Moderate OA. Chondrocalcinosis.\nb) No effusion.", ""),
    ("Moderate OA of the R) knee. Chondrocalcinosis.", ""),
]


@pytest.mark.parametrize(("text", "side"), BRACKETED_SIDE_LABELS)
def test_bracketed_side_opening_its_line_labels_it(finding_of, text, side):
    assert finding_of(text, None).laterality == side, text


# Commonwealth spellings of the words the rules know in the American one
# (guide §1 findings, §3 conditions, §4 rule 1 causes): 'tumoural
# calcinosis' is tumoral calcinosis (a finding and a metastatic-category
# condition), 'post-haemorrhagic' and 'haematomas' name old blood as
# 'post-hemorrhagic' and 'hematomas' do.
BRITISH_SPELLINGS = [
    ("Tumoural calcinosis around the right hip.", "Tumoural calcinosis", "periarticular soft tissue", "metastatic"),
    ("Adrenal calcification, likely post-haemorrhagic.", "Adrenal calcification", "adrenal gland", "dystrophic"),
    ("Adrenal calcification Lt, posthaemorrhagic.", "Adrenal calcification", "adrenal gland", "dystrophic"),
    ("Calcified haematomas in both thighs.", "Calcified", "", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "site", "cls"), BRITISH_SPELLINGS)
def test_british_spellings_read_as_the_american(finding_of, text, mention, site, cls):
    found = finding_of(text, mention)
    assert (found.site, found.classification) == (site, cls), text


def test_tumoural_calcinosis_is_a_condition(analyzer):
    report = analyzer.analyze("History of tumoural calcinosis. Calcification about the left hip.", "r")
    assert [c.name for c in report.conditions] == ["tumoral calcinosis"]


def test_haematomas_is_a_condition(analyzer):
    report = analyzer.analyze("Calcified haematomas in both thighs.", "r")
    assert [c.name for c in report.conditions] == ["hematoma"]


# corpora/GUIDE.md, Descriptors (lesion: the impression restating a finding
# shares its number; sides are compared as the findings' laterality): the
# side letter of a site phrase ('R) breast', 'R breast', '(R) breast') names
# no sub-site, as 'Rt' does not, so it does not part the restatement from
# the finding placed at a quadrant.
SIDE_LETTER_RESTATEMENTS = [
    "Report: Right breast: microcalcifications UOQ.\nOpinion: R) breast microcalcifications.",
    "Report: Right breast: microcalcifications UOQ.\nOpinion: R breast microcalcifications.",
    "Report: Right breast: microcalcifications UOQ.\nOpinion: (R) breast microcalcifications.",
    "Report: Left kidney: calcification in the lower pole.\nConclusion: L) renal calcification.",
]


@pytest.mark.parametrize("text", SIDE_LETTER_RESTATEMENTS)
def test_side_letter_names_no_sub_site(findings_of, text):
    found = findings_of(text)
    assert len(found) == 2 and found[0].lesion_id == found[1].lesion_id, text


def test_side_letter_keeps_the_sides_apart(findings_of):
    found = findings_of("Report: Right breast: microcalcifications UOQ.\nOpinion: L) breast microcalcifications.")
    assert found[0].lesion_id != found[1].lesion_id


# guide §4 rule 1 (tuberculosis, a dystrophic cause on the mention): a
# Ghon focus or Ranke complex is the healed lesion of primary tuberculosis
# by name, as reported where TB is common ('Calcified Ghon focus').
GHON = [
    ("CXR: Calcified Ghon focus in the Lt mid zone.", "Calcified Ghon focus"),
    ("Calcified nodule in the right lower zone in keeping with a Ghon focus.", "Calcified nodule"),
    ("CT chest: Calcified Ghon complex in the right lower lobe.", None),
]


@pytest.mark.parametrize(("text", "mention"), GHON)
def test_ghon_focus_is_tuberculous(finding_of, text, mention):
    found = finding_of(text, mention)
    assert (found.site, found.classification) == ("lung", "dystrophic"), text
