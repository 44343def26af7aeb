"""Classes of error a blind batch of dev reports showed, each checked on
sentences written here in other words (corpora/GUIDE.md, docs/guide.md).
A row that fails means the class is back, not that one sentence changed."""

from __future__ import annotations

import pytest

FINDING = "\nFINDINGS: Calcified granuloma."

# guide §3: radiation named as the treatment that came after another one
RADIATION_AFTER = [
    "HISTORY: Right mastectomy in 2016, followed by radiation.",
    "HISTORY: Lymphoma, chemotherapy then radiation.",
    "HISTORY: Wide excision and adjuvant radiation for sarcoma.",
    "HISTORY: Prostatectomy, later salvage radiation.",
]

# ... but not the service that follows the patient, nor a treatment denied
RADIATION_NOT = [
    "HISTORY: She is followed by radiation oncology.",
    "HISTORY: No adjuvant radiation was given.",
]


@pytest.mark.parametrize("text", RADIATION_AFTER)
def test_radiation_after_another_treatment_is_radiation_therapy(analyzer, text):
    names = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert "radiation therapy" in names


@pytest.mark.parametrize("text", RADIATION_NOT)
def test_radiation_service_or_denied_is_no_condition(analyzer, text):
    names = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert "radiation therapy" not in names


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


# guide §2: a word saying on which side of a structure the finding lies
# ('plantar to', 'the dorsal aspect of') is a position, not the plantar
# arteries; the finding keeps the site its own words name, and with it the
# classification (no metastatic-prone artery for rule 3).
POSITION_WORDS = [
    "HISTORY: On hemodialysis. FINDINGS: Soft tissue calcification plantar to the heel.",
    "HISTORY: ESRD. FINDINGS: Soft tissue calcification at the plantar aspect of the great toe.",
    "HISTORY: Renal failure. FINDINGS: Soft tissue calcifications dorsal to the second metatarsal.",
]


@pytest.mark.parametrize("text", POSITION_WORDS)
def test_position_word_is_no_structure(only, text):
    found = only(text)
    assert (found.site, found.classification) == ("soft tissue", "indeterminate")


def test_plantar_arteries_stay_arteries(only):
    assert only("FINDINGS: Calcification of the plantar arteries.").site == "artery"


# guide §2: the side its own clause writes stays with a finding whose site
# comes from the lesion the sentence says it is, also when the sentence goes
# on with 'and' before saying so
SIDE_BEFORE_WHAT_IT_IS = [
    ("FINDINGS: A 3 mm calcification in the right hemipelvis sits below the ureter and is smoothly round, most consistent with a phlebolith.", "right"),
    ("FINDINGS: Small calcific density within the left pelvis and with a lucent center, in keeping with a phlebolith.", "left"),
]


@pytest.mark.parametrize(("text", "side"), SIDE_BEFORE_WHAT_IT_IS)
def test_side_of_own_clause_stays_with_what_it_is(finding_of, text, side):
    found = finding_of(text, None)
    assert (found.site, found.laterality) == ("vein", side)


def test_side_of_another_structure_joined_by_and_is_not_taken(finding_of):
    found = finding_of("FINDINGS: Calcification in the spleen and a left renal cyst.", None)
    assert found.laterality == ""


# corpora/GUIDE.md, Descriptors (size_mm): the size of the calcified lesion
# the mention names; a fibroid said to be calcified gives its size as a
# nodule does, a lesion 'with' calcification does not
FIBROID_SIZES = [
    ("FINDINGS: An anterior 3.5 cm fibroid is coarsely calcified.", 35),
    ("FINDINGS: The 18 mm submucosal leiomyoma is partly calcified.", 18),
    ("FINDINGS: A 4 cm fibroid, peripherally calcified.", 40),
    ("FINDINGS: A 5 cm fibroid with calcification.", None),
]


@pytest.mark.parametrize(("text", "size"), FIBROID_SIZES)
def test_size_of_a_calcified_fibroid(only, text, size):
    assert only(text).size_mm == size


# corpora/GUIDE.md, Descriptors (change): a change phrase closing a list of
# findings after a comma is every finding's, also when a part naming what
# they are follows it (as dev gold gives 'A and B, both unchanged' to both)
CLOSING_CHANGE_THEN_CAUSE = [
    "IMPRESSION: Calcified lung nodules and calcified mediastinal nodes, unchanged, compatible with healed histoplasmosis.",
    "IMPRESSION: Calcified granulomata and calcified hilar lymph nodes, stable, likely sequelae of prior infection.",
]


@pytest.mark.parametrize("text", CLOSING_CHANGE_THEN_CAUSE)
def test_closing_change_before_a_cause_is_every_finding_s(findings_of, text):
    assert [f.change for f in findings_of(text)] == ["stable", "stable"]


def test_closing_change_before_another_finding_stays_put(findings_of):
    text = "IMPRESSION: Calcified granulomas and calcified hilar nodes, stable, new small effusion."
    assert findings_of(text)[0].change == ""


# guide §4 rule 4 and corpora/GUIDE.md (lesion): a cause given to a finding
# that names no place of its own (a chest film's bare 'calcified granuloma')
# is not the cause of a later finding of its section that names where it
# lies: that one is another lesion
CHEST = "EXAMINATION: Chest two views.\nFINDINGS: "


def test_bare_granuloma_lends_no_cause_to_a_placed_nodule(findings_of):
    text = CHEST + (
        "Old calcified granuloma. Lungs otherwise clear. "
        "A small nodule projects over the left lung base and is partially calcified."
    )
    found = findings_of(text)
    assert [f.classification for f in found] == ["dystrophic", "indeterminate"]


def test_placed_cause_still_counts_at_its_place(findings_of):
    text = CHEST + (
        "Calcified nodule in the left lower lobe, consistent with a healed granuloma.\n"
        "IMPRESSION: Calcified nodule in the left lower lobe."
    )
    assert {f.classification for f in findings_of(text)} == {"dystrophic"}


# corpora/GUIDE.md (lesion): an anaphor refers back to the calcification it
# names; one opening the clause after its sentence introduced a lesion of its
# own ('a nodule ...; it is calcified') points at that lesion, not at a
# finding named before, and a later finding naming a sub-site the first left
# unsaid is another lesion
def test_anaphor_after_a_noun_of_its_own_sentence(lesion_numbers):
    text = CHEST + (
        "Calcified granuloma. There is also a rounded opacity at the left base; "
        "it is partly calcified.\nIMPRESSION: Partly calcified left basilar nodule."
    )
    assert lesion_numbers(text) == [1, 2, 2]


def test_anaphor_after_a_definite_noun_still_refers_back(lesion_numbers):
    text = CHEST + (
        "Calcified granuloma in the left lower lobe. "
        "The granuloma has not grown; it is densely calcified."
    )
    assert lesion_numbers(text) == [1, 1]
