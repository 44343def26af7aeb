"""Site classes found on unread real text and the corpus dev split, each
fixed by a general rule (guide §2 "Site and side from context" and the site
vocabulary). Every fragment is made up for this file.

- a lesion noun that carries its organ gives that organ: a meningioma is a
  tumour of the meninges and an extra-axial lesion lies in the space they
  bound, so both are the dura's, whatever lobe of the brain they press on;
  the impression naming the lesion by its kind restates the same lesion;
- a pronoun of the finding's own clause ('it', 'the larger one') stands for
  what its sentence named before the clause opened, a semicolon's clause
  included: the finding takes the place named there; so does a predicate
  joined by 'and' with no subject of its own ('..., and contains a
  calcification'): it holds the finding in the subject it shares.
"""

from __future__ import annotations

from typing import Any

import pytest

# (text, the finding's exact mention, expected fields)
CARRIED_ORGAN: list[tuple[str, str, dict[str, Any]]] = [
    ("CT HEAD: Partly calcified right parietal meningioma, 2 cm, no edema.", "calcified right parietal meningioma", {"site": "dura", "laterality": "right"}),
    ("MRI BRAIN: A densely calcified extra-axial lesion abuts the left occipital lobe.", "calcified extra-axial lesion", {"site": "dura", "laterality": "left"}),
    ("Stable small extraaxial mass with coarse calcification, right convexity.", "calcification", {"site": "dura", "laterality": "right"}),
    ("Findings: along the left frontal lobe, a thin extra-axial fluid collection with peripheral calcification.", "calcification", {"site": "dura", "laterality": "left"}),
    # the brain where only the brain is named
    ("CT HEAD: Punctate calcification in the right frontal lobe.", "calcification", {"site": "brain"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CARRIED_ORGAN)
def test_lesion_noun_carries_its_organ(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


def test_meningioma_restates_extra_axial_mass(lesion_numbers):
    text = (
        "FINDINGS: A 3 cm calcified extra-axial mass along the right parietal "
        "convexity.\nIMPRESSION: Calcified right parietal meningioma."
    )
    assert lesion_numbers(text) == [1, 1]


# (text, the finding's exact mention, expected fields)
PRONOUN: list[tuple[str, str, dict[str, Any]]] = [
    ("CHEST: A rounded density sits in the left lower lobe, and inside it a calcified nidus is visible.", "calcified", {"site": "lung", "laterality": "left"}),
    ("A 1 cm nodule sits in the lingula, and inside it there is a tiny calcification.", "calcification", {"site": "lung", "laterality": "left"}),
    ("Multiple leiomyomas are present; the largest one is calcified.", "calcified", {"site": "uterus"}),
    ("Subcarinal adenopathy has regressed after therapy; it now holds dense calcification.", "calcification", {"site": "lymph node"}),
    # the side its sentence gives the place stays with it
    ("Left hilar nodal mass is smaller; it now contains dense calcification.", "calcification", {"site": "lymph node", "laterality": "left"}),
    # the possessive stands for it too: the part it names is of that place
    ("The abdominal aorta is ectatic, and along its infrarenal portion there is coarse calcification.", "calcification", {"site": "aorta"}),
    ("The left common iliac artery is tortuous, and in its wall there is a calcification.", "calcification", {"site": "artery", "laterality": "left"}),
    # no pronoun: the pronoun step gives nothing, and the finding takes the
    # place of the clause before as any finding does whose own words name
    # none, with or without a body region's label over it
    ("A rounded density sits in the left lower lobe; a separate calcified nidus is visible.", "calcified", {"site": "lung"}),
    ("CHEST: A rounded density sits in the left lower lobe; a separate calcified nidus is visible.", "calcified", {"site": "lung"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), PRONOUN)
def test_pronoun_takes_its_antecedents_place(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# The plural of a structure's name that comes in pairs or sets names it as
# the singular does ('both rotator cuffs', 'the common carotids').
PLURAL_NAMES: list[tuple[str, str, dict[str, Any]]] = [
    ("SHOULDERS: amorphous calcific deposits in the rotator cuffs bilaterally.", "calcific deposits", {"site": "tendon"}),
    ("Knees: calcium deposits in both quadriceps tendons.", "calcium deposits", {"site": "tendon"}),
    ("CTA NECK: Scattered calcium deposits along the common carotids.", "calcium deposits", {"site": "carotid artery"}),
    ("Calcium deposits along both subclavians.", "Calcium deposits", {"site": "artery"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), PLURAL_NAMES)
def test_plural_structure_names(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A lesion that carries the finding ('... aneurysm ... with rim calcification')
# and names its own tissue keeps it over the place it lies at.
CARRIER: list[tuple[str, str, dict[str, Any]]] = [
    ("CTA: 15 mm renal artery aneurysm at the left renal hilum with a thin rim of calcification.", "calcification", {"site": "artery"}),
    ("Hepatic artery aneurysm at the porta hepatis, 2 cm, with mural calcification.", "mural calcification", {"site": "artery"}),
    # a verb of holding joins the finding to the lesion as 'with' does
    ("A renal artery aneurysm at the right renal hilum contains a curvilinear calcification.", "calcification", {"site": "artery"}),
    ("The hepatic artery aneurysm at the porta hepatis has a calcified wall.", "calcified wall", {"site": "artery"}),
    # the place still wins where the lesion's words name no site
    ("A 2 cm aneurysm at the splenic hilum with rim calcification.", "calcification", {"site": "spleen"}),
    ("Soft tissue mass in the vastus lateralis with peripheral calcification.", "calcification", {"site": "muscle"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CARRIER)
def test_lesion_that_carries_the_finding(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A shared word inside the mention read as a vessel ('wall calcification')
# names no vessel: the one its clause names does, with its words.
VESSEL_OF_SHARED_WALL: list[tuple[str, str, dict[str, Any]]] = [
    ("RUNOFF: Left popliteal 5 mm, with posterior wall calcification.", "posterior wall calcification", {"site": "artery", "site_text": "Left popliteal"}),
    ("The right brachial artery shows focal wall calcification.", "wall calcification", {"site": "artery", "site_text": "right brachial artery"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), VESSEL_OF_SHARED_WALL)
def test_vessel_its_clause_names_for_a_shared_wall(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# An arch its branching pattern describes is the aortic arch: the branch
# count ('two-vessel') names no artery of its own.
BRANCHING_ARCH: list[tuple[str, str, dict[str, Any]]] = [
    ("Two-vessel arch with a calcified plaque at its wall.", "calcified plaque", {"site": "aorta"}),
    ("Bovine arch; calcified plaque along the wall.", "calcified plaque", {"site": "aorta"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), BRANCHING_ARCH)
def test_branching_arch_is_the_aorta(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


def test_change_of_the_lesion_with_the_finding(finding_named):
    f = finding_named(
        "Unchanged 9 mm hepatic artery aneurysm with mural calcification.",
        "mural calcification",
    )
    assert f.change == "stable"


# A word several sites share ('wall', 'nodule') written at once after a site
# phrase is that site's part: the phrase names the site in its own words, a
# carotid or coronary artery's wall included, whatever other artery the
# report named before.
SHARED_PART: list[tuple[str, str, dict[str, Any]]] = [
    ("Both vertebral arteries show antegrade flow. The right common carotid artery wall is without calcification.", "calcification", {"site": "carotid artery", "site_text": "right common carotid artery"}),
    ("Subclavian artery patent. The LAD wall shows no calcification.", "calcification", {"site": "coronary artery"}),
    ("The left upper lobe nodule is densely calcified.", "calcified", {"site": "lung", "site_text": "left upper lobe"}),
    ("The gallbladder wall is not calcified.", "calcified", {"site": "gallbladder"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SHARED_PART)
def test_shared_part_word_after_a_site(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# ... and after an organ outside the vocabulary its sentence names, that
# organ's part: no site the exam or the section before would give (guide §2:
# a region outside the vocabulary gives no site, but it is where the finding is)
def test_shared_part_word_of_an_organ_outside_the_vocabulary(finding_named):
    text = (
        "Thyroid ultrasound. Right lobe: 12 mm nodule with coarse calcification. "
        "Incidentally, the right parotid gland holds an echogenic focus, likely a parenchymal calcification."
    )
    f = finding_named(text, "parenchymal calcification")
    assert (f.site, f.laterality) == ("", "right")


SHARED_SUBJECT: list[tuple[str, str, dict[str, Any]]] = [
    ("The aorta is tortuous, ectatic, and shows mural calcification.", "mural calcification", {"site": "aorta"}),
    ("The pancreas is atrophic, with a dilated duct, and contains coarse calcifications.", "calcifications", {"site": "pancreas"}),
    ("The right kidney is atrophic, measuring 8 cm, and contains a punctate calcification.", "calcification", {"site": "kidney", "laterality": "right"}),
    ("The thyroid gland is enlarged and heterogeneous, and contains several calcifications.", "calcifications", {"site": "thyroid"}),
    # an adverb between the 'and' and the verb leaves the subject shared
    ("The left adrenal mass is larger, 4 cm from 3 cm, and now contains rim calcification.", "calcification", {"site": "adrenal gland", "laterality": "left"}),
    ("The splenic lesion is unchanged in size, and still shows a dense calcification.", "calcification", {"site": "spleen"}),
    # a predicate with a subject of its own keeps it
    ("The spleen is normal in size, and the liver shows a calcification.", "calcification", {"site": "liver"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SHARED_SUBJECT)
def test_predicate_shares_its_subject(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A calcified lesion named again with a pointing word ('the calcified
# granuloma'), whose words and clause name no place, is the one named before
# however far back: its place, and its side (corpora/GUIDE.md laterality: a
# finding that refers back to an earlier mention of the same calcification
# takes that mention's side); a predicate mention ('The cyst is densely
# calcified') takes the place only.
POINTED_LESION: list[tuple[str, str, dict[str, Any]]] = [
    ("HPI: Chest film showed a 5 mm calcified granuloma in the right middle lobe.\nPLAN: Hip surgery tomorrow. The calcified granuloma needs no follow-up.", "calcified granuloma", {"site": "lung", "laterality": "right"}),
    ("Ultrasound: calcified cyst in the right ovary.\nPLAN: Cholecystectomy next month; the calcified cyst will be watched.", "calcified cyst", {"site": "ovary", "laterality": "right"}),
    # two earlier ones at different places: no single one pointed back to
    ("CT: calcified granuloma in the spleen and a calcified granuloma in the liver.\nASSESSMENT: We discussed the calcified granuloma.", "calcified granuloma", {"site": ""}),
    # so does the subject of a predicate mention: 'the cyst is calcified'
    # and, across the header between, its side (corpora/GUIDE.md laterality:
    # a finding that refers back to an earlier mention takes its side)
    ("Pelvic US: calcified cyst in the right ovary, 2 cm.\nIMPRESSION: The cyst is densely calcified, likely a dermoid.", "calcified", {"site": "ovary", "laterality": "right"}),
    ("Abdominal CT: a calcified granuloma in the spleen.\nASSESSMENT: Back pain. The granuloma is calcified and needs no workup.", "calcified", {"site": "spleen"}),
    ("CT: calcified granuloma in the spleen and a calcified granuloma in the liver.\nASSESSMENT: The granuloma is calcified.", "calcified", {"site": ""}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), POINTED_LESION)
def test_lesion_pointed_back(findings_of, text, mention, expected):
    f = [x for x in findings_of(text) if x.mention == mention][-1]
    assert {name: getattr(f, name) for name in expected} == expected


# 'The calcified wall', with no organ of its own sentence or of its section
# before it, is the wall of the nearest organ said calcified before, in an
# earlier section, not of an organ its section names after it.
WALL_POINTED_BACK: list[tuple[str, str]] = [
    (
        "FINDINGS:, The bladder wall was thick and densely calcified. The urethra was normal.,"
        "PROCEDURE:, The scope was passed. The calcified wall bled on contact. A ureteral stent was left.",
        "bladder",
    ),
    (
        "HISTORY:, CT showed a cyst in the spleen with a calcified rim. No fever.,"
        "REVIEW:, I looked at the images. The cyst wall is calcified throughout. The kidneys are normal.",
        "spleen",
    ),
]


@pytest.mark.parametrize(("text", "site"), WALL_POINTED_BACK)
def test_wall_pointed_back_to_an_organ_said_calcified(findings_of, text, site):
    assert findings_of(text)[-1].site == site


# A mention that sums up what the report described ('as described', 'as
# above') names no one place: not the sentence before's.
SUMMARY: list[tuple[str, str, dict[str, Any]]] = [
    ("FINDINGS: Punctate calcification in the spleen. Small calcification in the left kidney.\nIMPRESSION: Splenomegaly resolved; renal cyst unchanged. Scattered calcifications as described.", "calcifications", {"site": ""}),
    ("IMPRESSION: Hepatic steatosis. Incidental calcifications as above.", "calcifications", {"site": ""}),
    # its own words still name a place
    ("IMPRESSION: Hepatic steatosis. Splenic calcifications as above.", "Splenic calcifications", {"site": "spleen"}),
    # but the one reading the exam gives them all (guide §2 step 5): on a
    # chest radiograph, granulomas are in the lung, sides left unsaid
    (
        "EXAM: Chest two views\nFINDINGS: Calcified granuloma at the right apex. Another calcified granuloma in the left lower lobe.\nIMPRESSION: Calcified granulomas as described.",
        "Calcified granulomas",
        {"site": "lung", "laterality": ""},
    ),
    ("EXAM: Chest PA and lateral\nIMPRESSION: Clear lungs. Calcified granulomas as above.", "Calcified granulomas", {"site": "lung"}),
]


# A type word written on a calcification ('vascular', 'skin') names its
# kind, no place the next sentence goes on about: a new finding there
# takes the exam's reading (guide §2 steps 4-5).
KIND_BEFORE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "EXAM: Screening mammogram, right breast.\nFINDINGS: Benign vascular calcifications are stable. A new group of fine pleomorphic calcifications is seen.",
        "calcifications",
        {"site": "breast", "laterality": "right"},
    ),
    (
        "EXAM: Bilateral mammogram.\nFINDINGS: Dermal calcifications along the inframammary fold. Coarse calcifications lie in the upper outer quadrant.",
        "calcifications",
        {"site": "breast"},
    ),
    # but a sentence that names what that finding is still takes its kind
    (
        "FINDINGS: Fine vascular calcification in the thigh fat; in this setting, compatible with calciphylaxis.",
        "calciphylaxis",
        {"site": "artery"},
    ),
]


# A condition a clause opens ('if', 'should', 'unless') is about another
# thing: a site named in it is no place of the finding outside it
# (guide §2: no site from a clause about something else).
CONDITIONAL_CLAUSE: list[tuple[str, str, dict[str, Any]]] = [
    ("Consider calciphylaxis if new skin ulcers appear.", "calciphylaxis", {"site": ""}),
    ("Should a painful skin nodule develop, calciphylaxis must be considered.", "calciphylaxis", {"site": ""}),
    ("Calciphylaxis is unlikely unless skin necrosis develops.", "Calciphylaxis", {"site": ""}),
    # a site of the finding's own clause still counts
    ("Painful skin nodules of the thighs, compatible with calciphylaxis.", "calciphylaxis", {"site": "skin"}),
    ("Splenic calcification; correlate if abdominal pain persists.", "Splenic calcification", {"site": "spleen"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CONDITIONAL_CLAUSE)
def test_conditional_clause_names_no_place(findings_of, text, mention, expected):
    f = [x for x in findings_of(text) if x.mention == mention][-1]
    assert {name: getattr(f, name) for name in expected} == expected


@pytest.mark.parametrize(("text", "mention", "expected"), KIND_BEFORE)
def test_kind_word_before_is_no_place(findings_of, text, mention, expected):
    f = [x for x in findings_of(text) if x.mention == mention][-1]
    assert {name: getattr(f, name) for name in expected} == expected


@pytest.mark.parametrize(("text", "mention", "expected"), SUMMARY)
def test_summary_mention_names_no_place(findings_of, text, mention, expected):
    f = [x for x in findings_of(text) if x.mention == mention][-1]
    assert {name: getattr(f, name) for name in expected} == expected


# Vocabulary: the lesser sac is a peritoneal space; 'hepatosplenic' names
# the liver first (corpora/GUIDE.md: where one phrase names two sites, the
# first).
VOCABULARY: list[tuple[str, str, dict[str, Any]]] = [
    ("CT: a pseudocyst in the lesser sac with peripheral calcification.", "calcification", {"site": "peritoneum"}),
    ("CT: tiny hepatosplenic calcifications from old histoplasmosis.", "hepatosplenic calcifications", {"site": "liver"}),
    # a word joining two arteries' names is an artery, and the span keeps it
    # when another place word is coordinated before it
    ("CTA: Femoropopliteal calcification on the right, mild.", "Femoropopliteal calcification", {"site": "artery", "laterality": "right"}),
    ("Runoff: dense iliac and femoropopliteal calcification.", "iliac and femoropopliteal calcification", {"site": "artery"}),
    ("Access: scattered iliofemoral calcification, worse on the left.", "iliofemoral calcification", {"site": "artery"}),
    # the siphon is the carotid's (guide §2 vocabulary: carotid artery takes in
    # the siphon), its plural both sides', not the side of a bulb before it
    ("HEAD CT: Dense calcification of the left siphon.", "calcification", {"site": "carotid artery", "laterality": "left"}),
    ("Carotid disease: calcified plaque at the left bulb and calcified siphons.", "calcified siphons", {"site": "carotid artery", "laterality": "bilateral"}),
    # bursitis is the bursa's, and the vocabulary's tendon takes in bursae
    # as it takes in tendinitis
    ("LEFT SHOULDER: Stable calcific bursitis, left shoulder.", "calcific bursitis", {"site": "tendon", "laterality": "left"}),
    ("Elbow film: olecranon bursitis with calcifications.", "calcifications", {"site": "tendon"}),
    # place adjectives sharing 'arterioles' or 'vessels' name the vessels
    # (guide §2 vocabulary: artery), not the first adjective's organ; in
    # kidney disease the vessel wall makes it metastatic (guide §4 rule 3)
    ("Patient on dialysis. Extensive calcification of the dermal and subcutaneous arterioles of the thighs.", "calcification", {"site": "artery", "classification": "metastatic"}),
    ("Patient on dialysis. Calcification of the dermal and subcutaneous vessels.", "Calcification", {"site": "artery", "classification": "metastatic"}),
    ("CT: calcification of the renal and splenic vessels.", "calcification", {"site": "artery"}),
    # 'BG' is the basal ganglia's abbreviation: the site, not the dura of the
    # sentence before
    ("CT HEAD: Calcification of the falx and tentorium. Bilateral BG calcs. No hemorrhage.", "Bilateral BG calcs", {"site": "basal ganglia", "laterality": "bilateral", "physiologic": False}),
    ("CT HEAD: Symmetric calcification of the BG bilaterally.", "calcification", {"site": "basal ganglia", "laterality": "bilateral"}),
    # the neonatal germinal matrix is subependymal brain; the caudothalamic
    # groove lies between the caudate and the thalamus (basal ganglia)
    ("HEAD US: Calcification in the left germinal matrix.", "Calcification", {"site": "brain", "laterality": "left"}),
    ("HEAD US: Echogenic focus at the right caudothalamic groove, likely a calcified germinal matrix hemorrhage.", "calcified", {"site": "brain", "laterality": "right"}),
    ("HEAD US: Punctate calcification along the caudothalamic grooves.", "calcification", {"site": "basal ganglia"}),
    ("HEAD US: Small calcification at the left caudothalamic notch.", "calcification", {"site": "basal ganglia", "laterality": "left"}),
    # the larynx's cartilages are cartilage, the thyroid cartilage is no
    # thyroid gland, and 'laryngeal cartilages' names its own place, not the
    # ligament of the sentence before (guide §2 vocabulary; step 1)
    ("CT NECK: Calcification of the thyroid cartilage.", "Calcification", {"site": "cartilage", "classification": "indeterminate"}),
    ("CT NECK: Calcified stylohyoid ligaments. Laryngeal cartilages are calcified.", "calcified", {"site": "cartilage"}),
    ("CT NECK: Calcified arytenoid cartilages.", "Calcified arytenoid cartilages", {"site": "cartilage"}),
    # a coronary segment named by its vessel's abbreviation after p, m or d
    # (SCCT CCTA reporting): the coronary artery, in a row of a plaque table
    ("Segment | Plaque | Stenosis\npLAD | Calcified | 50-69%", "Calcified", {"site": "coronary artery"}),
    ("mRCA: calcified plaque, mild stenosis.", "calcified plaque", {"site": "coronary artery"}),
    ("Partially calcified plaque in the pLCx.", "calcified plaque", {"site": "coronary artery"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), VOCABULARY)
def test_vocabulary_terms(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


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


# guide §2 (site vocabulary: a region outside it gives no site): 'gluteal'
# and 'plantar' before 'region' or 'soft tissues' name a body region or its
# soft tissue, not the gluteal muscles nor the plantar arteries.
REGION_WORDS = [
    ("Soft tissue calcification in the right gluteal region.", "soft tissue", "right"),
    ("Calcifications in the left gluteal region.", "", "left"),
    ("Calcifications in the gluteal soft tissues bilaterally.", "soft tissue", "bilateral"),
    ("Soft tissue calcification in the plantar soft tissues of the right foot.", "soft tissue", "right"),
    ("Calcinosis in the volar soft tissues of the index finger.", "soft tissue", ""),
]


@pytest.mark.parametrize(("text", "site", "side"), REGION_WORDS)
def test_region_of_a_muscle_or_artery_word(only, text, site, side):
    found = only("FINDINGS: " + text)
    assert (found.site, found.laterality) == (site, side)


def test_gluteal_muscles_stay_muscle(only):
    assert only("FINDINGS: Calcification within the right gluteal musculature.").site == "muscle"


# guide §2 (site vocabulary: tendon takes in tendons): a muscle's insertion,
# origin or attachment on bone is its tendon, not the muscle belly.
TENDON_ENDS = [
    ("Calcification at the right gluteus medius insertion.", "tendon", "right"),
    ("Calcification at the gluteus minimus insertion on the greater trochanter.", "tendon", ""),
    ("Amorphous calcification at the left common extensor origin.", "tendon", "left"),
    ("Calcific deposit at the triceps insertion on the olecranon.", "tendon", ""),
    ("Calcification at the hamstring origin on the right.", "tendon", "right"),
    ("Calcification at the rectus femoris origin.", "tendon", ""),
    # the muscle itself stays a muscle
    ("Calcification within the gluteus medius muscle.", "muscle", ""),
    ("Calcification in the left vastus lateralis.", "muscle", "left"),
]


@pytest.mark.parametrize(("text", "site", "side"), TENDON_ENDS)
def test_muscle_insertion_is_its_tendon(only, text, site, side):
    found = only("FINDINGS: " + text)
    assert (found.site, found.laterality) == (site, side)


# guide §2 (site vocabulary: trachea takes in the cartilage of trachea and
# bronchi): a main or mainstem bronchus is an airway, not the left main
# coronary artery, and it is sided; nothing coronary drives rule 3.
MAIN_BRONCHUS = [
    ("HISTORY: Dialysis.\nFINDINGS: Faint calcification of the left main bronchus.", "calcification", "left"),
    ("FINDINGS: Right mainstem bronchus calcification, age-related.", "Right mainstem bronchus calcification", "right"),
    ("FINDINGS: Mild calcification along the wall of the left main stem bronchus.", "calcification", "left"),
]


@pytest.mark.parametrize(("text", "mention", "side"), MAIN_BRONCHUS)
def test_main_bronchus_is_the_airway_and_sided(finding_named, text, mention, side):
    found = finding_named(text, mention)
    assert (found.site, found.laterality) == ("trachea", side)
    assert found.classification != "metastatic"


# the left main coronary artery keeps its site
def test_left_main_coronary_is_still_coronary(finding_named):
    found = finding_named("FINDINGS: Dense calcification of the left main.", "calcification")
    assert found.site == "coronary artery"


# 'the left bulb' in a report on the carotids is the left carotid bulb: the
# finding there takes its site and the side written on it, not the side of
# the other carotid named earlier in the sentence (guide §2, site vocabulary
# and laterality); with no carotid named it is no carotid.
def test_side_written_on_the_bulb(analyzer):
    text = ("Doppler: dense calcified plaque of the left internal carotid artery with "
            "high velocities, and minimal calcification at the right bulb.")
    got = [(f.site, f.laterality) for f in analyzer.analyze(text, "T").findings]
    assert got == [("carotid artery", "left"), ("carotid artery", "right")]


def test_bulb_without_carotids_is_no_carotid(analyzer):
    (f,) = analyzer.analyze("Tiny calcification near the left bulb.", "T").findings
    assert f.site != "carotid artery"


# A finding a copula says is a named lesion ('... are phleboliths', '... is a
# calcified granuloma') is that lesion: its site and its cause (guide §2
# step 3, guide §4 rule 1); not a bare predicate ('... is calcified') nor a
# comparison ('stable, as are ...').
def test_copula_names_what_the_finding_is(analyzer):
    text = "Two round calcific foci low in the right hemipelvis are phleboliths."
    first = analyzer.analyze(text, "T").findings[0]
    assert (first.site, first.classification) == ("vein", "dystrophic")


def test_copula_before_a_predicate_links_nothing(analyzer):
    text = "There is mild coronary calcification and the aortic valve is calcified."
    got = [f.site for f in analyzer.analyze(text, "T").findings]
    assert got == ["coronary artery", "aortic valve"]


# guide §2, site from context 4: the sac of an aneurysm is in the vessel
# named before that aneurysm, not in a vessel the sentences between name;
# with no aneurysm named before, 'sac' names no site.
def test_aneurysm_sac_takes_the_vessel_of_the_aneurysm(analyzer):
    text = (
        "DIAGNOSIS: Thoracoabdominal aortic aneurysm.\nOPERATION: The renal arteries"
        " were controlled first. The sac was entered and a calcified thrombus was removed."
    )
    (f,) = analyzer.analyze(text, "T").findings
    assert (f.site, f.site_text) == ("aorta", "sac")


def test_sac_without_an_aneurysm_names_no_site(analyzer):
    text = "Early pregnancy. The gestational sac is normal. Calcified fibroid."
    assert [f.site for f in analyzer.analyze(text, "T").findings] == ["uterus"]


# guide §2 step 2: a finding a 'with' gives to a disease-named finding before
# it ('calcific pancreatitis with ... calcifications') lies in the organ that
# disease names, where its own clause names no place after it.
def test_finding_given_by_with_to_a_disease_takes_its_organ(analyzer):
    text = "Worsening calcific pancreatitis with new uncinate calcifications."
    got = [f.site for f in analyzer.analyze(text, "T").findings]
    assert got == ["pancreas", "pancreas"]


def test_finding_a_longer_with_phrase_gives_to_a_disease_takes_its_organ(analyzer):
    text = "Known calcific pancreatitis with an increase in the body calcifications."
    got = [f.site for f in analyzer.analyze(text, "T").findings]
    assert got == ["pancreas", "pancreas"]


def test_place_after_the_finding_beats_the_disease_before_it(analyzer):
    text = "Severe MAC with calcification reaching the posterior leaflet."
    got = [f.site for f in analyzer.analyze(text, "T").findings]
    assert got[1] != "mitral annulus"


# guide §2 (site vocabulary): 'parietal' or 'visceral' before a serous
# membrane names the membrane's layer, not the parietal lobe of the brain.
SEROUS_LAYER: list[tuple[str, str]] = [
    ("CT ABDOMEN: Plaque-like calcification of the parietal peritoneum in the pelvis.", "peritoneum"),
    ("CT CHEST: Calcification along the parietal pleura of the left hemithorax.", "pleura"),
    ("Thin calcification of the visceral pericardium over the right ventricle.", "pericardium"),
]


@pytest.mark.parametrize(("text", "site"), SEROUS_LAYER)
def test_layer_word_before_a_serous_membrane_is_no_brain_lobe(analyzer, text, site):
    (f,) = analyzer.analyze(text, "T").findings
    assert f.site == site


# guide §2 (site vocabulary): the adjective of a sided main bronchus ('the
# right main bronchial wall') is the airway's, with its side, and no left
# main coronary artery.
MAIN_BRONCHIAL: list[tuple[str, dict[str, Any]]] = [
    ("CT CHEST: Coarse calcification of the left main bronchial wall.", {"site": "trachea", "laterality": "left"}),
    ("Rings of calcification in the right mainstem bronchial cartilage.", {"site": "trachea", "laterality": "right"}),
]


@pytest.mark.parametrize(("text", "expected"), MAIN_BRONCHIAL)
def test_main_bronchial_adjective_is_the_airway(analyzer, text, expected):
    (f,) = analyzer.analyze(text, "T").findings
    assert {"site": f.site, "laterality": f.laterality} == expected


# guide §1 (the span keeps the words before the head that say where it is)
# and §2 (site vocabulary): 'radial arterial', 'ulnar arterial' name an
# artery as 'radial artery' does, and 'carotid arterial' the carotid.
VESSEL_ADJECTIVE: list[tuple[str, str, str]] = [
    ("Hand film: ulnar arterial calcification at the wrist.", "ulnar arterial calcification", "artery"),
    ("Scattered radial arterial calcification is noted.", "radial arterial calcification", "artery"),
    ("Neck CT: moderate carotid arterial calcification.", "carotid arterial calcification", "carotid artery"),
]


@pytest.mark.parametrize(("text", "mention", "site"), VESSEL_ADJECTIVE)
def test_vessel_adjective_before_arterial(analyzer, text, mention, site):
    (f,) = analyzer.analyze(text, "T").findings
    assert (f.mention, f.site) == (mention, site)


# guide §2 step 3: a narrative in the past tense says what a finding was as a
# present-tense report says what it is ('... were phleboliths' as '... are
# phleboliths'): the finding takes the lesion's site and cause, and both name
# one calcification
SAID_TO_HAVE_BEEN = [
    ("Plain film: several rounded pelvic calcifications were phleboliths.", "calcifications"),
    ("Scout film: oval calcifications beside the distal ureter were phleboliths.", "calcifications"),
]


@pytest.mark.parametrize(("text", "first"), SAID_TO_HAVE_BEEN)
def test_a_past_copula_names_what_the_finding_was(analyzer, text, first):
    found = analyzer.analyze(text, "T").findings
    assert [(f.site, f.classification) for f in found] == [("vein", "dystrophic")] * len(found)
    assert len({f.lesion_id for f in found}) == 1


# guide §2 (site vocabulary: every other artery): 'the celiac origin' is the
# celiac artery where it leaves the aorta, a vessel as 'the celiac trunk' is
CELIAC_ORIGIN = [
    ("Mesenteric CTA: the proximal SMA is occluded at a calcified ostial plaque, with tight narrowing of the celiac origin by a dense calcified plaque.", "calcified plaque"),
    ("Abdominal CTA: a calcified plaque narrows the celiac origin by 70%.", "calcified plaque"),
]


@pytest.mark.parametrize(("text", "mention"), CELIAC_ORIGIN)
def test_celiac_origin_is_the_celiac_artery(finding_named, text, mention):
    f = finding_named(text, mention)
    assert (f.site, f.site_text) == ("artery", "celiac origin")


# guide §2 (site vocabulary): 'tricuspid' before 'aortic valve' counts the
# valve's cusps, as 'bicuspid' does; it names no tricuspid valve
CUSP_COUNT = [
    "IMPRESSION: Heavily calcified tricuspid aortic valve, suitable for TAVR.",
    "Conclusion: densely calcified tricuspid aortic valve with severe stenosis.",
]


@pytest.mark.parametrize("text", CUSP_COUNT)
def test_tricuspid_aortic_valve_is_the_aortic_valve(only, text):
    assert only(text).site == "aortic valve"


# guide §2 step 2: 'nodule' is a word several sites share; where its own
# sentence names a site that is none of them, the nodule lies there, not in
# the nearest of them named before ('The kidneys are normal. ... Left ovary:
# cyst with a calcified nodule' is the ovary's)
NODULE_IN_ANOTHER_ORGAN = [
    ("FINDINGS: The liver and kidneys are normal. Left ovary: 3 cm cyst with a small calcified nodule in its wall.", "calcified nodule", "ovary"),
    ("CT: The kidneys enhance normally. A bulky calcified nodule sits on the noncoronary cusp of the aortic valve.", "calcified nodule", "aortic valve"),
    # a candidate named in its own sentence still decides
    ("CT: The kidneys are normal. A calcified nodule in the right lobe of the thyroid.", "calcified nodule", "thyroid"),
]


@pytest.mark.parametrize(("text", "mention", "site"), NODULE_IN_ANOTHER_ORGAN)
def test_nodule_of_a_sentence_naming_another_organ(finding_named, text, mention, site):
    assert finding_named(text, mention).site == site


# guide §2 (site vocabulary: carotid artery takes in the siphon): the
# cavernous carotid arteries are the carotid's, not any other artery
CAVERNOUS_CAROTID = [
    ("HEAD CT: The cavernous carotid arteries show dense calcification.", "carotid artery", "bilateral"),
    ("Mild calcification involves the left cavernous carotid artery.", "carotid artery", "left"),
]


@pytest.mark.parametrize(("text", "site", "laterality"), CAVERNOUS_CAROTID)
def test_cavernous_carotid_arteries_are_the_carotid(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# guide §2 (site vocabulary) and GUIDE lesion rule (different sub-sites are
# different lesions): a part word of the pancreas ('head', 'body', 'tail',
# 'uncinate') is the pancreas's where the site its own sentence names
# nearest it, else the one its section names nearest before it, is the
# pancreas; the parts then part lesions. The femoral, humeral or caudate
# head and a loose body are none of it.
PANCREAS_PART_LESIONS = [
    # findings: head, then tail; impression: the head's, then after a
    # semicolon the tail's
    ("FINDINGS: Pancreas: dense calcifications in the pancreatic head. Tiny calcifications are noted in the tail as well.\n"
     "IMPRESSION: Calcific pancreatitis with more head calcifications than before; the tail calcifications have not changed.",
     [1, 2, 3, 1, 2]),
]


@pytest.mark.parametrize(("text", "numbers"), PANCREAS_PART_LESIONS)
def test_pancreas_parts_are_sub_sites(lesion_numbers, text, numbers):
    assert lesion_numbers(text) == numbers


PANCREAS_PART_SITES = [
    ("Pancreas: chronic pancreatitis with calcifications in the head; the tail calcifications are unchanged.", "tail calcifications", ("pancreas", "tail")),
    ("Pancreas: coarse calcifications in the uncinate process.", "calcifications", ("pancreas", "uncinate")),
    # another place named nearer decides: no pancreas
    ("Pancreas is normal. Left hip: calcification near the femoral head.", "calcification", ("", "")),
    ("Pancreas is atrophic. Calcification in the right humeral head region.", "Calcification", ("", "")),
    ("Pancreas unremarkable. A calcified loose body in the knee joint.", "calcified loose body", ("", "")),
    ("Calcification in the left caudate head.", "Calcification", ("basal ganglia", "left caudate")),
]


@pytest.mark.parametrize(("text", "mention", "expected"), PANCREAS_PART_SITES)
def test_pancreas_part_words_only_near_the_pancreas(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert (f.site, f.site_text) == expected


# guide §2 (site vocabulary: dura, meninges; an extra-axial lesion lies in the
# space the meninges bound): a dural-based lesion, or one over a convexity of
# the brain, is the dura's, not the lobe's the convexity is named by
DURAL_CONVEXITY = [
    ("HEAD CT: A dural-based nodule is partly calcified.", "dura", ""),
    ("MRI: An extra-axial mass over the left temporal convexity is heavily calcified.", "dura", "left"),
    ("CT: A chronic subdural collection over the right cerebral convexity has a calcified rim.", "dura", "right"),
]


@pytest.mark.parametrize(("text", "site", "laterality"), DURAL_CONVEXITY)
def test_a_dural_based_or_convexity_lesion_is_the_duras(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# A body region's label ('PELVIS:', 'CHEST:') says where the lines under it
# are, not which organ: an organ a sentence under the label names, or the
# exam's one reading, still gives the site (guide §2 steps 4-5); the region
# stands where neither does, and an organ named above the label gives none.
REGION_LABELS = [
    (
        "EXAM: CT abdomen and pelvis.\nFINDINGS:\nPELVIS: The uterus is enlarged by "
        "fibroids. The largest measures 6 cm and contains a rim of calcification.",
        "uterus",
    ),
    (
        "EXAM: CT abdomen and pelvis.\nFINDINGS: ,PELVIS: , The uterus is enlarged by "
        "fibroids. The largest measures 6 cm and contains a rim of calcification.",
        "uterus",
    ),
    (
        "EXAM: Chest radiograph, two views.\nFINDINGS:\nCHEST: The heart is normal in "
        "size. Calcified granuloma.",
        "lung",
    ),
    (
        "EXAM: CT abdomen and pelvis.\nFINDINGS:\nLIVER: The liver is normal.\nPELVIS: "
        "Calcification is present.",
        "",
    ),
    (
        "EXAM: CT abdomen and pelvis.\nFINDINGS:\nPELVIS: Calcification is present. The "
        "uterus is normal.",
        "",
    ),
]


@pytest.mark.parametrize("text, site", REGION_LABELS)
def test_a_region_label_leaves_the_organ_to_the_lines_under_it(only, text, site):
    assert only(text).site == site


# The salivary glands and the paranasal sinuses are outside the site
# vocabulary: a calcification there has no site, keeps the side its place is
# given, and takes no site of the sentence before (guide §2 vocabulary).
OUTSIDE_PLACES = [
    ("Calcified stylohyoid ligaments bilaterally. Punctate calcification in the right parotid gland.", "right"),
    ("Mild mitral annular calcification. The left maxillary sinus is opacified, with a central calcification.", "left"),
    ("Calcified right hilar node. A tiny calcification within the left submandibular gland.", "left"),
]


@pytest.mark.parametrize("text, laterality", OUTSIDE_PLACES)
def test_a_place_outside_the_vocabulary_takes_no_site_before(findings_of, text, laterality):
    last = findings_of(text)[-1]
    assert (last.site, last.laterality) == ("", laterality)


# A one-word predicate that ends a list of predicates joined to a definite
# lesion noun ('The mass was well encapsulated, firm and grey-white,
# calcified throughout') is said of that noun as 'The mass was calcified'
# is: it takes the place of the calcified mass named before (guide §2 step
# 4) and restates it.
PREDICATE_LIST_OF_NAMED_LESION = [
    "The mass was well encapsulated, firm and grey-white, calcified throughout.",
    "The mass was well encapsulated and calcified throughout.",
]


@pytest.mark.parametrize("findings", PREDICATE_LIST_OF_NAMED_LESION)
def test_predicate_list_of_a_named_lesion(findings_of, lesion_numbers, findings):
    text = (
        "INDICATIONS: MRI showed a 3 cm calcified mass in the subcutaneous fat "
        "of the left posterior calf, and a 3 mm calcification in the left soleus "
        f"muscle.\nFINDINGS: {findings}\n"
    )
    assert findings_of(text)[-1].site == "subcutaneous tissue"
    assert lesion_numbers(text) == [1, 2, 1]


# A shared part word read as the site ('the back wall of ...', 'the lower
# pole of ...') names its place with the site phrase an 'of' joins after it:
# the site words run from the part to the owner ('left lobe of the thyroid
# gland'), so the owner's own words (which vessel) tell its lesion from
# another of that site (corpora/GUIDE.md site_text; lesion: sub-sites).
def test_part_word_takes_the_site_phrase_of_its_owner(findings_of, lesion_numbers):
    text = (
        "INDICATIONS: CT showed a calcified plaque at the origin of the left "
        "internal carotid artery. A second calcified plaque lay on the back wall "
        "of the left common carotid artery.\nFINDINGS: The plaque at the left "
        "internal carotid artery origin was densely calcified.\n"
    )
    found = findings_of(text)
    assert found[1].site_text == "wall of the left common carotid artery"
    assert lesion_numbers(text) == [1, 2, 1]


def test_part_word_keeps_its_part_with_its_owner(findings_of):
    found = findings_of("A 4 mm calcification in the lower pole of the left kidney.")
    assert (found[0].site, found[0].site_text) == ("kidney", "lower pole of the left kidney")


# A sarcoma is a lesion of its own, as a tumour is: 'calcified ... sarcoma'
# is one mention (guide §1: the span runs to the head noun), and a lesion
# its words name takes no place from the sentence before (guide §2: a
# clause about something else gives no site).
def test_calcified_sarcoma_is_its_own_lesion(findings_of):
    text = (
        "INDICATIONS: MRI showed a 2 mm calcification within the left soleus "
        "muscle. An excision was chosen to rule out a calcified synovial sarcoma.\n"
    )
    last = findings_of(text)[-1]
    assert (last.mention, last.site, last.hypothetical) == (
        "calcified synovial sarcoma",
        "",
        True,
    )


# 'The mass was calcified' after the mass was named at 'soft tissue' and, more
# precisely, in the subcutaneous fat: the specific site is its place (guide
# §2: a specific site beats a generic one named for the same finding).
def test_subject_pointed_back_takes_the_specific_site(findings_of, lesion_numbers):
    text = (
        "PREOPERATIVE DIAGNOSIS: Calcified soft tissue mass of the left forearm.\n"
        "INDICATIONS: MRI showed a 3 cm calcified mass in the subcutaneous fat of "
        "the left forearm.\nFINDINGS: The mass was firm and well encapsulated, "
        "calcified throughout.\n"
    )
    assert findings_of(text)[-1].site == "subcutaneous tissue"
    assert lesion_numbers(text) == [1, 1, 1]


# A finding whose clause names no place, after a semicolon, lies where the
# clause before the semicolon says, before a label line over the line (guide
# §2 step 2 before step 4); its lesion is not the label's (GUIDE.md lesion:
# different sites are different lesions).
SEMICOLON_CLAUSE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "CT CHEST: Right breast: a few coarse calcifications. Partly imaged left "
        "kidney with a 3 mm bright focus; a tiny calcification is possible.",
        "calcification",
        {"site": "kidney", "laterality": "left"},
    ),
    (
        "CT ABDOMEN: Liver: normal. The spleen has a 5 mm dense focus; a punctate "
        "calcification cannot be excluded.",
        "calcification",
        {"site": "spleen"},
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SEMICOLON_CLAUSE)
def test_clause_before_a_semicolon_places_the_finding(finding_named, text, mention, expected):
    finding = finding_named(text, mention)
    for key, value in expected.items():
        assert getattr(finding, key) == value


def test_semicolon_clause_finding_is_not_the_labels_lesion(lesion_numbers):
    text = (
        "CT CHEST: Right breast: a few coarse calcifications. Partly imaged left "
        "kidney with a 3 mm bright focus; a tiny calcification is possible."
    )
    assert lesion_numbers(text) == [1, 2]


# 'beneath' and 'underneath' name a landmark beside the finding, as 'below'
# does (guide §2: a site named as a landmark is beside the finding, not where
# it is): the subject the clause is about places it.
BENEATH_A_LANDMARK: list[tuple[str, str, dict[str, Any]]] = [
    (
        "FINDINGS: The aortic valve is trileaflet. The annulus is calcified beneath "
        "the right coronary sinus.",
        "calcified",
        {"site": "aortic valve"},
    ),
    (
        "FINDINGS: The aortic valve is trileaflet. The annulus is calcified "
        "underneath the noncoronary sinus and the left coronary sinus.",
        "calcified",
        {"site": "aortic valve"},
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), BENEATH_A_LANDMARK)
def test_beneath_names_a_landmark(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A de-identification mask right before 'to' hides the word of a landmark
# phrase ('adjacent to', 'lateral to', 'next to'): the place after it is
# beside the finding, as it is unmasked (guide §2: masks hide words, not
# structure); its side stays the finding's.
MASKED_LANDMARK: list[tuple[str, str, dict[str, Any]]] = [
    (
        "EXAMINATION: Chest 2 views\nFINDINGS: Calcified granuloma XXXX to the right hilum.",
        "Calcified granuloma",
        {"site": "lung", "laterality": "right"},
    ),
    (
        "EXAMINATION: Chest 2 views\nFINDINGS: Calcified granuloma XXXX to the left hilum.",
        "Calcified granuloma",
        {"site": "lung", "laterality": "left"},
    ),
    # guard: a hilum the finding is in stays its place
    (
        "EXAMINATION: Chest 2 views\nFINDINGS: Calcified XXXX in the right hilum.",
        "Calcified XXXX",
        {"site": "lymph node", "laterality": "right"},
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), MASKED_LANDMARK)
def test_a_mask_before_to_hides_a_landmark_word(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A site after ', and' opening a clause of its own is that clause's subject,
# not the place of a mention of several words before it, which its own clause
# places (guide §2 step 2: the location phrase of its own clause).
NEXT_CLAUSE_SUBJECT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "The graft was sewn to the distal RCA beyond the calcified proximal "
        "segment, and the vein grafts were tied to the aorta.",
        "calcified proximal segment",
        {"site": "coronary artery"},
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), NEXT_CLAUSE_SUBJECT)
def test_next_clause_subject_is_not_the_place(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A second reading an alternative word joins to the first ('X vs. Y') reads
# the same calcification as the first: it takes that calcification's place,
# not the place of the sentence before (guide §2 step 3; corpora/GUIDE.md
# lesion: a finding its sentence names as what the one before it is).
SECOND_READING: list[tuple[str, str, dict[str, Any]]] = [
    ("Peripheral vascular calcification. Soft tissue calcification in the lateral thigh, may represent myositis ossificans vs. calcified hematoma.", "calcified hematoma", {"site": "soft tissue", "laterality": ""}),
    ("Left renal cyst. Calcification in the right gluteal muscle, may represent myositis ossificans versus a calcified hematoma.", "calcified hematoma", {"site": "muscle", "laterality": "right"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SECOND_READING)
def test_second_reading_takes_the_place_of_what_it_reads(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


def test_second_reading_shares_the_lesion_it_reads(lesion_numbers):
    text = (
        "Peripheral vascular calcification. Soft tissue calcification in the "
        "lateral thigh, may represent myositis ossificans vs. calcified hematoma."
    )
    assert lesion_numbers(text) == [1, 2, 2, 2]


# A sentence opening with a pronoun for the one calcification of the
# sentence before takes that finding's place (guide §2 step 4), the first
# of two its phrase names, not the last place of its sentence.
POINTED_FINDING: list[tuple[str, str, dict[str, Any]]] = [
    ("CT HEAD: Calcifications in the bilateral globus pallidi and dentate nuclei. These may reflect metabolic calcification.", "calcification", {"site": "basal ganglia", "laterality": "bilateral"}),
    ("CT ABDOMEN: Coarse calcification of the pancreatic head and the duodenal wall. This likely represents chronic calcific pancreatitis.", "calcific pancreatitis", {"site": "pancreas"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), POINTED_FINDING)
def test_pronoun_takes_the_place_of_the_one_finding_before(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A site word offered as one of two readings of what a finding is ('possibly
# vascular versus ductal') is no place the finding lies in (guide §2: a
# sentence that offers two readings says neither; corpora/GUIDE.md site):
# the label over it or the exam places it. Two places of one site joined by
# 'or' still give it ('in the LAD or the circumflex').
READING_SITES = [
    ("Right breast: Linear calcifications at 8 o'clock, possibly vascular versus ductal.", "breast", "right"),
    ("Right breast: Linear calcifications at 8 o'clock, vascular or ductal in origin.", "breast", "right"),
    ("LEFT MAMMOGRAM: Linear calcifications, ductal vs vascular.", "breast", "left"),
    ("Right breast: Linear calcifications at 8 o'clock, likely vascular.", "artery", "right"),
    ("Small calcification in the LAD or the circumflex artery.", "coronary artery", ""),
    ("Chest PA: Possible tiny calcification at the right lung base versus a nipple shadow.", "lung", "right"),
    ("No calcifications overlying the kidneys or along the course of the ureters.", "kidney", "bilateral"),
    # the other reading's site word may follow a word or two of its own
    # ('versus distal ureteral stone', 'or a small renal stone')
    ("Calcification in the pelvis versus distal ureteral stone.", "", ""),
    ("Punctate calcification in the pelvis vs a distal ureteral calculus.", "", ""),
    ("Calcification in the pelvis or a distal ureteral stone.", "", ""),
    ("Calcified plaque in the proximal or mid LAD.", "coronary artery", ""),
]


# A finding its sentence names, by a linking word, as one of two readings
# ('possibly a gallstone versus a calcified costal cartilage') takes the site
# of neither (guide §2: a sentence that offers two readings says neither;
# corpora/GUIDE.md site: not one of two readings offered): the region it
# lies in gives none. A lesion named alone still places it.
NAMED_AS_ONE_OF_TWO = [
    ("Abdominal film demonstrates a calcification in the right upper quadrant, possibly a gallstone versus a calcified costal cartilage.", "calcification", ""),
    ("Calcification in the right lower quadrant, likely an appendicolith or a calcified lymph node.", "Calcification", ""),
    ("Calcification in the right upper quadrant, possibly a calcified costal cartilage.", "Calcification", "costal cartilage"),
    ("Calcification in the left upper quadrant, likely a calcified splenic granuloma.", "Calcification", "spleen"),
]


@pytest.mark.parametrize(("text", "mention", "site"), NAMED_AS_ONE_OF_TWO)
def test_a_lesion_named_as_one_of_two_readings_gives_no_site(findings_of, text, mention, site):
    found = [f for f in findings_of(text) if f.mention == mention]
    assert [f.site for f in found] == [site]


@pytest.mark.parametrize(("text", "site", "side"), READING_SITES)
def test_site_offered_as_one_reading_is_no_place(only, text, site, side):
    f = only(text)
    assert (f.site, f.laterality) == (site, side)


# An echo report's valve labels 'AV:', 'MV:', 'TV:' name their valve, as 'AV'
# before a valve's own words does; 'AV' before other words names none.
ECHO_VALVE_LABELS = [
    ("TTE\nLV: normal size.\nAV: Trileaflet, calcified, reduced excursion.", "aortic valve", "AV"),
    ("ECHO\nAV: mild calcification, no stenosis.", "aortic valve", "AV"),
    ("TTE\nMV: Mildly thickened and calcified leaflets.", "mitral valve", "MV"),
    ("TTE\nTV: calcified leaflets, trace TR.", "heart valve", "TV"),
    ("AV fistula with calcification of the venous outflow.", "vein", "venous"),
]


@pytest.mark.parametrize("text, site, site_text", ECHO_VALVE_LABELS)
def test_an_echo_valve_label_names_its_valve(findings_of, text, site, site_text):
    got = [(f.site, f.site_text) for f in findings_of(text)]
    assert got == [(site, site_text)]


# A clause a contrasting word opens after a comma ('..., but the adjacent
# lymph nodes are calcified', '..., however, the spleen is normal') has a
# subject of its own: its site is no place of a finding before it (guide §2:
# no site from a clause about another structure). A place phrase after the
# word ('..., but only in the left kidney') is still the finding's.
CONTRAST_CLAUSE_SITES = [
    ("No calcification within the mass, but the adjacent lymph nodes are calcified.", "calcification", ""),
    ("There is no evidence of calcification within the mass, however, the adjacent lymph nodes are calcified.", "calcification", ""),
    ("Calcification within the mass, whereas the spleen is normal.", "Calcification", ""),
    ("Calcification is present, but only in the left kidney.", "Calcification", "kidney"),
    ("The adjacent lymph nodes are calcified, but the mass is not.", "calcified", "lymph node"),
]


@pytest.mark.parametrize(("text", "mention", "site"), CONTRAST_CLAUSE_SITES)
def test_a_contrasting_clause_s_subject_is_no_place(findings_of, text, mention, site):
    found = [f for f in findings_of(text) if f.mention == mention]
    assert [f.site for f in found][:1] == [site]


# A second calcified thing an 'and' joins right after a lesion noun shares its
# 'calcified' but is no place of it: the granulomas are not in the nodes.
# A place that only qualifies a noun after it, or an 'of' phrase, still is.
JOINED_LESIONS = [
    ("CHEST X-RAY: Calcified granulomas and mediastinal nodes.", "Calcified granulomas", ("lung", "")),
    ("PA chest: Calcified granuloma and a left hilar lymph node, stable.", "Calcified granuloma", ("lung", "")),
    ("CT CHEST: Calcified granulomas and hilar lymph XXXX compatible with old histoplasmosis.", "Calcified granulomas", ("lung", "")),
    ("Calcified nodules and right paratracheal nodes, likely sequela of prior TB.", "Calcified nodules", ("", "")),
    # guards: a shared 'of' place, a place word before another finding's noun
    ("Calcification and thickening of the left pleura.", "Calcification", ("pleura", "left")),
    ("Calcified granuloma and right hilar calcification.", "Calcified granuloma", ("", "")),
]


@pytest.mark.parametrize(("text", "mention", "expected"), JOINED_LESIONS)
def test_lesion_joined_after_is_no_place(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert (f.site, f.laterality) == expected


def test_impression_granulomas_joined_to_nodes_restate_the_granulomas(lesion_numbers):
    text = (
        "CT CHEST\nLungs: Calcified granulomas in the right lung.\n"
        "Mediastinum: Calcified subcarinal lymph nodes.\n"
        "IMPRESSION: Calcified granulomas and mediastinal nodes, old histoplasmosis."
    )
    assert lesion_numbers(text) == [1, 2, 1]


# A denial written before an affirmed finding whose scope runs on past it does
# not deny the place its own clause names after it; a denial written after
# the finding still keeps its object's place from it.
DENIAL_PAST_THE_FINDING = [
    ("FINDINGS: No consolidation, calcified granuloma again seen in the left base.", "calcified granuloma", ("lung", "left")),
    ("FINDINGS: Lungs are clear without consolidation, calcified granuloma again seen in the left base.", "calcified granuloma", ("lung", "left")),
    ("Findings: Left adnexa: coarse calcification without soft tissue component; right ovary not seen.", "calcification", ("ovary", "left")),
]


@pytest.mark.parametrize(("text", "mention", "expected"), DENIAL_PAST_THE_FINDING)
def test_denial_past_an_affirmed_finding_denies_no_place_after_it(
    finding_named, text, mention, expected
):
    f = finding_named(text, mention)
    assert (f.negated, f.site, f.laterality) == (False, *expected)


# A dictated chest report opening with its study's title closed by a full stop
# on the line of its text gives the chest reading (guide §2 step 5): a
# granuloma is the lung's even where its sentence names a masked place or a
# clear-lungs sentence follows.
CHEST_TITLE_SENTENCE = [
    "Chest PA and lateral. There is a calcified granuloma in the XXXX. No effusion.",
    "Chest PA and lateral. Two calcified granulomas. Lungs otherwise clear.",
    "PA and lateral chest. XXXX calcified granulomas. Lungs otherwise clear.",
    "Portable AP chest. Calcified granuloma in the XXXX. No pneumothorax.",
]


@pytest.mark.parametrize("text", CHEST_TITLE_SENTENCE)
def test_chest_title_sentence_gives_the_lung(only, text):
    assert only(text).site == "lung"


def test_an_opening_sentence_without_study_words_is_no_title(only):
    f = only("Calcified granuloma in the XXXX. No effusion.")
    assert f.site == ""


# An export's pipe-separated rows written without spaces ('Finding|Location|
# Side') are read cell by cell as the spaced 'A | B | C' rows are: each row's
# finding takes the site and the side of its own cells (guide §2 "Site and
# side from context", steps 1-2).
PIPE_ROWS = (
    "Finding|Location|Side\n"
    "Calcification|Kidney|Left\n"
    "Phlebolith|Pelvis|Right\n"
    "Calcified granuloma|Lung|Right\n"
)


def test_pipe_rows_without_spaces_give_each_row_its_finding(findings_of):
    got = [(f.mention, f.site, f.laterality) for f in findings_of(PIPE_ROWS)]
    assert got == [
        ("Calcification", "kidney", "left"),
        ("Phlebolith", "vein", "right"),
        ("Calcified granuloma", "lung", "right"),
    ]


def test_pipe_rows_with_spaces_read_the_same(findings_of):
    spaced = PIPE_ROWS.replace("|", " | ")
    got = [(f.mention, f.site, f.laterality) for f in findings_of(spaced)]
    assert got == [(f.mention, f.site, f.laterality) for f in findings_of(PIPE_ROWS)]


# A worksheet's 'RK:' / 'LK:' labels name the right and the left kidney
# (guide §2 step 4, abbreviated sides); only as a label: a bare 'RK' in
# prose may be another thing.
KIDNEY_LABELS: list[tuple[str, str, dict[str, Any]]] = [
    ("RK: 10.2 cm, punctate calcification upper pole.\nLK: 10.8 cm, normal.", "calcification", {"site": "kidney", "laterality": "right"}),
    ("RENAL US\nRK: 10.2 cm, normal.\nLK: 10.8 cm. Punctate calcification in the upper pole.", "calcification", {"site": "kidney", "laterality": "left"}),
    ("Cornea: band calcification, s/p RK in 1998.", "calcification", {"site": "cornea", "laterality": ""}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), KIDNEY_LABELS)
def test_kidney_worksheet_labels(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A structured record's field rows under the row that names the finding are
# its own fields (guide §2 "Site and side from context", step 2): a row
# labelled as a place ('Location:', 'Site |', 'Organ:') gives the site its
# value names, one labelled as a side ('Side:', 'Laterality |') the side.
RECORD_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    ("Finding: Calcification\nLocation: Kidney\nSide: Left\nSize: 4 mm", "Calcification", {"site": "kidney", "laterality": "left", "size_mm": 4.0}),
    ("FINDINGS\nFinding: Punctate calcification\nOrgan: Prostate", "calcification", {"site": "prostate"}),
    ("Finding: Calcification\nLocation: Left breast, upper outer quadrant\nMorphology: amorphous", "Calcification", {"site": "breast", "laterality": "left"}),
    ("Finding: Calcified plaque\nVessel: Left carotid bulb", "Calcified plaque", {"site": "carotid artery", "laterality": "left"}),
    ("Finding: Calcification\nLocation: kidney\nLaterality: Right", "Calcification", {"site": "kidney", "laterality": "right"}),
    ("Findings: Calcified granuloma\nLocation: RUL", "Calcified granuloma", {"site": "lung", "laterality": "right"}),
    ("FINDING: Calcification\nSITE: Pineal gland", "Calcification", {"site": "pineal gland"}),
    ("Type | calcifications\nLocation | left breast, 2 o'clock\nMorphology | fine pleomorphic", "calcifications", {"site": "breast", "laterality": "left"}),
    # a side row reads no side from a value that names none
    ("Finding: Calcified nodule\nSite: liver\nLaterality: N/A\nSize: 7 mm", "Calcified nodule", {"site": "liver", "laterality": ""}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), RECORD_ROWS)
def test_record_rows_give_site_and_side(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A template line whose key is the calcification ('Calcifications: None.')
# opens its own topic, as a numbered item does: the value of the key line
# above it ('Extra-axial spaces: Normal.') names no place for it (guide §2
# "Site and side from context": a clause about another structure gives no
# site). Its own line still may ('Calcifications: Basal ganglia.').
KEY_LINE_OWN_TOPIC = [
    ("FINDINGS:\nExtra-axial spaces: Normal.\nCalcifications: None.\n", "Calcifications", ""),
    ("FINDINGS:\nVentricles: Normal.\nExtra-axial spaces: No collection.\nCalcifications: Pineal gland calcification.\n", "Calcifications", ""),
    ("FINDINGS:\nExtra-axial spaces: Normal.\nCalcifications: Basal ganglia.\n", "Calcifications", "basal ganglia"),
]


@pytest.mark.parametrize(("text", "mention", "site"), KEY_LINE_OWN_TOPIC)
def test_calcification_key_line_takes_no_site_from_the_line_above(
    finding_named, text, mention, site
):
    assert finding_named(text, mention).site == site


def test_plain_sentence_after_a_line_still_takes_its_site(finding_named):
    f = finding_named("Left thyroid nodule.\nMicrocalcifications cannot be excluded.", "Microcalcifications")
    assert f.site == "thyroid"


# A vascular territory ('the right MCA territory', 'the left posterior
# cerebral artery territory') is the brain the artery feeds, where an old
# infarct calcifies, not the artery (guide §2 site vocabulary: brain); the
# artery itself named alone stays an artery.
TERRITORY_IS_BRAIN = [
    ("Dystrophic calcification in the right MCA territory.", "Dystrophic calcification", "brain", "right"),
    ("Old infarct in the left PCA territory with calcification.", "calcification", "brain", "left"),
    ("Encephalomalacia in the right middle cerebral artery territory with calcification.", "calcification", "brain", "right"),
    ("Calcified plaque in the right MCA.", "Calcified plaque", "artery", "right"),
]


@pytest.mark.parametrize(("text", "mention", "site", "side"), TERRITORY_IS_BRAIN)
def test_arterial_territory_is_brain(finding_named, text, mention, site, side):
    f = finding_named(text, mention)
    assert (f.site, f.laterality) == (site, side)


# A place word before an abbreviated vessel ('the intracranial ICAs', 'the
# intracranial carotid siphons', 'the intracranial MCA') says where the
# vessel runs; the vessel names the tissue (guide §2: where two sites fit,
# the narrower). 'Intracranial calcification' alone stays the brain's.
VESSEL_AFTER_PLACE_WORD = [
    ("Mild calcification of the intracranial ICAs.", "calcification", "carotid artery"),
    ("Dense calcification of the intracranial carotid siphons.", "calcification", "carotid artery"),
    ("Calcified plaque in the intracranial MCA.", "Calcified plaque", "artery"),
    ("Intracranial calcification.", "Intracranial calcification", "brain"),
]


@pytest.mark.parametrize(("text", "mention", "site"), VESSEL_AFTER_PLACE_WORD)
def test_abbreviated_vessel_after_a_place_word_is_the_vessel(finding_named, text, mention, site):
    assert finding_named(text, mention).site == site


# The eye's inner parts ('intraocular', the retina, the choroid, the uvea)
# are the eye, and the subependymal tissue is the brain's (guide §2 site
# vocabulary: eye takes in the globe and the rest of the eye; brain takes in
# brain tissue not named more precisely); the choroid plexus stays its own.
EYE_AND_BRAIN_PARTS = [
    ("Intraocular calcified mass on the left, concerning for retinoblastoma.", "Intraocular calcified mass", "eye"),
    ("Calcified subependymal nodules along the lateral ventricles.", "Calcified subependymal nodules", "brain"),
    ("Calcification of the choroid plexus.", "Calcification", "choroid plexus"),
]


@pytest.mark.parametrize(("text", "mention", "site"), EYE_AND_BRAIN_PARTS)
def test_inner_eye_and_subependymal_sites(finding_named, text, mention, site):
    assert finding_named(text, mention).site == site


# A pronoun that is the subject of a predicate mention inside its sentence
# ('Views show it is calcified') stands for what the sentence before named,
# as one opening the sentence does (guide §2 step 4: an earlier mention the
# sentence points back to): the finding takes that place and side.
PRONOUN_SUBJECTS = [
    ("Nodular opacity at the right base. Views show it is calcified.", "lung", "right"),
    (
        "Scattered small nodules in both lungs. These likely represent granulomas, "
        "several calcified. A low-dose film confirms these are calcified.",
        "lung",
        "bilateral",
    ),
    (
        "Small nodules in the chest. These probably represent calcified granulomas. "
        "A low-dose film shows these are calcified.",
        "lung",
        "",
    ),
]


@pytest.mark.parametrize(("text", "site", "laterality"), PRONOUN_SUBJECTS)
def test_a_pronoun_subject_points_to_the_sentence_before(findings_of, text, site, laterality):
    f = findings_of(text)[-1]
    assert (f.site, f.laterality) == (site, laterality)


def test_record_rows_of_each_finding_stay_in_its_block(findings_of):
    text = (
        "Finding: Calcification\nLocation: Kidney\nSide: Right\n"
        "Finding: Calcification\nLocation: Spleen\n\n"
        "Finding: Gallstone\nLocation: Gallbladder\n\nFinding: Calcification"
    )
    got = [(f.site, f.laterality) for f in findings_of(text)]
    assert got == [("kidney", "right"), ("spleen", ""), ("", "")]


# rows that are no place or side fields, or that stand after a line that is
# no row or heading, give nothing
NOT_RECORD_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    ("Finding: Calcification\nComparison: Prior CT of the left kidney", "Calcification", {"site": "", "laterality": ""}),
    ("Calcified granuloma.\nLocation: right upper lobe", "Calcified granuloma", {"site": "", "laterality": ""}),
    ("No calcification.\nLocation: right kidney", "calcification", {"site": "", "negated": True}),
    ("Heart: Coronary artery calcification.\nLungs: Clear.", "Coronary artery calcification", {"site": "coronary artery"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), NOT_RECORD_ROWS)
def test_rows_that_are_no_fields_of_the_finding_give_nothing(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A record on one line joins its field rows after the finding with
# semicolons: a place row and a side row there are the finding's as on
# lines of their own.
JOINED_RECORD_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    ("Finding: Calcified granuloma; Location: right upper lobe; Size: 5 mm", "Calcified granuloma", {"site": "lung", "laterality": "right"}),
    ("Finding: Calcified nodule; Location: thyroid, left lobe; Size: 9 mm", "Calcified nodule", {"site": "thyroid", "laterality": "left"}),
    ("Finding: Calcification; Site: kidney; Side: L", "Calcification", {"site": "kidney"}),
    ("Calcification; organ: spleen", "Calcification", {"site": "spleen"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), JOINED_RECORD_ROWS)
def test_rows_joined_by_semicolons_give_site_and_side(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A finding after a list number heads its rows as after a bullet, and a
# label closed by a number ('FINDING 1:') is a row's label.
NUMBERED_RECORD_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    ("Findings:\n1. Calcified granuloma\n   Location: right lower lobe\n2. Renal calcification\n   Side: right", "Calcified granuloma", {"site": "lung", "laterality": "right"}),
    ("Findings:\n1. Calcified granuloma\n   Location: right lower lobe\n2. Renal calcification\n   Side: right", "Renal calcification", {"site": "kidney", "laterality": "right"}),
    ("(a) Calcified plaque\n    Vessel: left internal carotid artery", "Calcified plaque", {"site": "carotid artery", "laterality": "left"}),
    ("FINDING 1: Calcified lymph node\nLOCATION: Left axilla", "Calcified lymph node", {"site": "lymph node", "laterality": "left"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), NUMBERED_RECORD_ROWS)
def test_numbered_findings_head_their_rows(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A record that joins its fields with semicolons may write the place with no
# label right after the finding ('Calcified granuloma; right upper lobe'):
# a part that is nothing but a place is the finding's; a part that says
# more is a clause of its own.
JOINED_PLACE: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcified granuloma; right upper lobe", "Calcified granuloma", {"site": "lung", "laterality": "right"}),
    ("Calcification; left kidney; 4 mm", "Calcification", {"site": "kidney", "laterality": "left"}),
    ("Calcified plaque; in the left carotid bulb; mild", "Calcified plaque", {"site": "carotid artery", "laterality": "left"}),
    ("Calcified granuloma; stable since 2019.", "Calcified granuloma", {"site": ""}),
    ("Calcified granuloma; no pleural effusion.", "Calcified granuloma", {"site": ""}),
    ("Calcified granuloma; liver otherwise normal.", "Calcified granuloma", {"site": ""}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), JOINED_PLACE)
def test_a_place_joined_after_the_finding_is_its_site(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A label line over a record's row that names the finding ('Finding:',
# 'Findings:') heads the finding as it heads a finding written alone: the
# row's label names the field, not a place (guide §2 step 4).
LABEL_OVER_FINDING_ROW: list[tuple[str, str, dict[str, Any]]] = [
    ("RIGHT KIDNEY:\nFinding: Punctate calcification", "calcification", {"site": "kidney", "laterality": "right"}),
    ("Right kidney:\nFindings: punctate calcification", "calcification", {"site": "kidney", "laterality": "right"}),
    ("LIVER:\nFinding: Calcified granuloma\nSPLEEN:\nFinding: Calcification", "Calcification", {"site": "spleen"}),
    # the row above that is no label line over it gives nothing
    ("Finding: calcified plaque\nLocation: aorta\nFinding: calcification", "calcification", {"site": ""}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), LABEL_OVER_FINDING_ROW)
def test_a_label_line_heads_the_row_naming_the_finding(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# An arterial template writes a vessel's line as its bare adjective, a label
# ('Radial:', 'Profunda:'): the label names the artery (guide §2 step 4 and the
# site vocabulary) and splits the lines into their own lesions; the bare
# word in prose stays what its sentence makes it.
BARE_VESSEL_LABEL = [
    ("Brachial: patent.\nRadial: calcified and non-compressible.", "calcified", "Radial"),
    ("Profunda: heavy calcification.", "calcification", "Profunda"),
]


@pytest.mark.parametrize(("text", "mention", "label"), BARE_VESSEL_LABEL)
def test_bare_vessel_label_names_the_artery(finding_named, text, mention, label):
    f = finding_named(text, mention)
    assert (f.site, f.site_text) == ("artery", label)


def test_bare_vessel_labels_part_their_lesions(findings_of):
    text = "LEFT:\nBrachial: mild calcification.\nUlnar: heavily calcified."
    first, second = findings_of(text)
    assert (second.site_text, second.laterality) == ("Ulnar", "left")
    assert first.lesion_id != second.lesion_id


def test_bare_radial_in_prose_is_no_artery(findings_of):
    (f,) = findings_of("Radial scar with calcifications in the left breast.")
    assert f.site == "breast"


# The period of 'calcif.' shortens the noun and ends nothing: the place after
# it is the finding's own clause (guide §2, site and side from its own clause);
# a capitalised word after it in lower-case prose still opens a sentence.
SHORTENED_NOUN: list[tuple[str, str, dict[str, Any]]] = [
    ("CT head neg for acute bleed. calcif. basal ganglia b/l.", "calcif", {"site": "basal ganglia", "laterality": "bilateral"}),
    ("US: calcif. in the L kidney", "calcif", {"site": "kidney", "laterality": "left"}),
    ("CT: coarse calcif. No mass in the L kidney.", "calcif", {"site": "", "laterality": ""}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SHORTENED_NOUN)
def test_place_after_a_shortened_noun(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# An abdomen template's 'HEPATOBILIARY:' label names the liver for a finding
# whose sentence names no organ of its own (guide §2 step 4; 'left lobe' then
# reads as the liver's); a gallbladder its sentence names still wins (step 1),
# and the bare word in prose names no site.
HEPATOBILIARY_LABEL: list[tuple[str, str, dict[str, Any]]] = [
    ("HEPATOBILIARY: Coarse calcification in the left lobe.", "calcification", {"site": "liver", "laterality": "left"}),
    ("Hepatobiliary: Scattered calcified granulomas. Gallbladder normal.", "calcified granulomas", {"site": "liver"}),
    ("HEPATOBILIARY: Normal liver. Thin mural calcification of the gallbladder.", "mural calcification", {"site": "gallbladder"}),
    ("Referred to hepatobiliary clinic. Scattered calcifications.", "calcifications", {"site": ""}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), HEPATOBILIARY_LABEL)
def test_hepatobiliary_label_names_the_liver(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# An organ label may carry a bracketed aside before its colon ('Liver
# (partially imaged):', 'Spleen (not enlarged):'): it is still the label of
# its line (guide §2 step 4), for every finding of the line, not only one
# whose own clause names the organ; the line above does not lend its organ.
BRACKETED_LABEL: list[tuple[str, dict[str, Any]]] = [
    ("CT ABDOMEN\nLiver: Normal.\nSpleen (not enlarged): Calcified granuloma with adjacent punctate calcification.", {"site": "spleen"}),
    ("MRI ABDOMEN\nKidneys: Cysts.\nLiver (partially imaged): 2 cm calcified lesion in segment 7 with peripheral rim calcification.", {"site": "liver"}),
    ("CT CHEST\nAdrenals (partially imaged): Calcified nodule and a separate calcification on the left.", {"site": "adrenal gland", "laterality": "left"}),
]


@pytest.mark.parametrize(("text", "expected"), BRACKETED_LABEL)
def test_label_with_bracketed_aside(findings_of, text, expected):
    *_, f = findings_of(text)  # the line's second finding
    assert {name: getattr(f, name) for name in expected} == expected


# A findings-only export may open with an organ label ('LIVER: ...' as the
# text's first line): the label names the site of every finding of its line,
# as it does on any later line (guide §2 step 4).
FIRST_LINE_LABEL: list[tuple[str, dict[str, Any]]] = [
    ("Liver: Calcified lesion with rim calcification.", {"site": "liver"}),
    ("SPLEEN: Calcified granuloma and a separate punctate calcification.\nPANCREAS: Normal.", {"site": "spleen"}),
    ("Pancreas: Atrophic gland with a calcified pseudocyst and scattered ductal calcifications.", {"site": "pancreas"}),
]


@pytest.mark.parametrize(("text", "expected"), FIRST_LINE_LABEL)
def test_label_on_the_first_line(findings_of, text, expected):
    f = findings_of(text)[1]  # the line's second finding
    assert {name: getattr(f, name) for name in expected} == expected


# A template's label may list its organs with commas and no 'and'
# ('Kidneys, ureters, bladder:'): one phrase naming several sites gives its
# first (guide §2), as 'Kidneys/ureters:' and 'Kidneys and ureters:' do; a
# comma list in prose with no 'and' stays two phrases.
COMMA_LABEL: list[tuple[str, dict[str, Any]]] = [
    ("CT\nKidneys, ureters, bladder: Scattered small calcifications.", {"site": "kidney", "laterality": "bilateral"}),
    ("CT\nLiver, gallbladder, biliary: Scattered small calcifications.", {"site": "liver"}),
    ("CT\nSpleen, pancreas: Punctate calcifications.", {"site": "spleen"}),
    ("CT\nKidneys/ureters/bladder: Scattered small calcifications.", {"site": "kidney", "laterality": "bilateral"}),
]


@pytest.mark.parametrize(("text", "expected"), COMMA_LABEL)
def test_comma_listed_label_gives_its_first_organ(findings_of, text, expected):
    (f,) = findings_of(text)
    assert {name: getattr(f, name) for name in expected} == expected
