"""Laterality classes (guide §2 "Site and side from context"; corpora/GUIDE.md
laterality): which side words of a sentence are the finding's."""

from __future__ import annotations

import pytest

# The plural of a paired organ gives both sides only to a finding that lies
# in that organ; one whose own place phrase names another organ takes none
# from it (guide §2: a clause about another structure gives no side).
PLURAL_OF_ANOTHER_ORGAN = [
    ("Ultrasound showed small echogenic kidneys and a calcified granuloma in the spleen.", "spleen", ""),
    ("The adrenals look normal, with mural calcification of the splenic artery.", "artery", ""),
    # the plural that is the finding's own place still gives both sides
    ("No nephrocalcinosis is seen in the kidneys.", "kidney", "bilateral"),
    ("Benign vascular calcifications in the breasts.", "artery", "bilateral"),
    ("Calcific tendinitis about the shoulders.", "tendon", "bilateral"),
    # the paired deep grey nuclei written in the plural lie on both sides
    ("Dense calcification of the thalami, stable.", "basal ganglia", "bilateral"),
    ("Faint calcifications in the globus pallidi.", "basal ganglia", "bilateral"),
    ("Calcification of the globi pallidi.", "basal ganglia", "bilateral"),
    # the ureters are a pair as the kidneys are
    ("CT urogram: thin mural calcification of the distal ureters.", "ureter", "bilateral"),
    ("Linear calcification along the pelvic ureters, typical of old infection.", "ureter", "bilateral"),
]


@pytest.mark.parametrize(("text", "site", "laterality"), PLURAL_OF_ANOTHER_ORGAN)
def test_plural_of_another_organ_gives_no_side(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# A single side letter before the ordinal of a digit or joint is an
# abbreviated side (guide §2: abbreviated sides count); a bare letter
# elsewhere is none.
LETTER_SIDES = [
    ("Tophaceous periarticular calcification about the L 4th PIP joint.", "left"),
    ("Chondrocalcinosis of the R 1st MTP joint.", "right"),
    ("Vascular calcs in both feet; periarticular calcification at the R 5th MCP.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), LETTER_SIDES)
def test_side_letter_before_an_ordinal(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# The eye's Latin sides as ophthalmology writes them (guide §2: abbreviated
# sides count): OD right, OS left, OU both; after a dose OD is once daily.
EYE_SIDES = [
    ("Slit lamp: calcium deposits at the limbus OS.", "left"),
    ("Fine calcific deposits in the peripheral cornea OD.", "right"),
    ("Band-shaped corneal calcification OU, denser OD.", "bilateral"),
    ("Calcified plaque of the aortic arch. Aspirin 81 mg OD.", ""),
]


@pytest.mark.parametrize(("text", "laterality"), EYE_SIDES)
def test_eye_side_abbreviations(findings_of, text, laterality):
    assert findings_of(text)[0].laterality == laterality


def test_bare_letter_is_no_side(findings_of):
    found = findings_of("Received 2 L of saline overnight. Dr. R saw a calcified granuloma.")
    assert [f.laterality for f in found] == [""]


def test_olecranon_is_a_place_a_list_of_places_joins(only):
    """'over the right olecranon' is a place (a body region outside the
    vocabulary), so a list of places joined by 'and' names both sides for
    one finding (guide §2: two sides named for one finding are bilateral)."""
    f = only("Hand and elbow films: calcinosis in the soft tissues of the left thumb and over the right olecranon.")
    assert f.laterality == "bilateral"


# A mention led by a demonstrative points back to the nearest earlier
# finding of the same noun and takes its side (guide §2 step 4: an earlier
# mention the sentence points back to, 'these calcifications'), ahead of a
# label line that heads another finding.
POINTING_BACK = [
    (
        "Thyroid ultrasound. Left lobe: 15 mm solid nodule containing microcalcifications. "
        "Right lobe: 7 mm spongiform nodule with coarse calcification. These microcalcifications favour FNA.",
        "left",
    ),
    (
        "Renal ultrasound.\nRIGHT KIDNEY: 10 cm, echogenic pyramids with medullary calcifications.\n"
        "LEFT KIDNEY: 11 cm, a simple cyst.\nThese calcifications suggest nephrocalcinosis.",
        "right",
    ),
]


@pytest.mark.parametrize(("text", "laterality"), POINTING_BACK)
def test_demonstrative_takes_the_side_of_its_antecedent(findings_of, text, laterality):
    pointing = [f for f in findings_of(text) if f.sentence.lower().startswith("these")]
    assert pointing[0].laterality == laterality


# A sentence whose subject, opening it before the finding, stands for what
# the sentence before named ('It', 'Its', 'The lesion') gives the finding
# that thing's side (corpora/GUIDE.md laterality: a finding that refers back
# to an earlier mention takes its side).
SUBJECT_POINTING_BACK = [
    (
        "The incision exposed the right superficial femoral artery. "
        "It was pliable except for the calcification on its medial wall.",
        "right",
    ),
    (
        "Right thyroid lobectomy. The right lobe was hard, with a nodule in its upper third. "
        "The mass felt gritty, as expected from the peripheral calcification on CT.",
        "right",
    ),
    # 'It' names what the thing before is, at another site of its own
    (
        "A 3 mm echogenic focus lies in the left kidney. It could be a small stone or an arterial calcification.",
        "left",
    ),
]


@pytest.mark.parametrize(("text", "laterality"), SUBJECT_POINTING_BACK)
def test_subject_pointing_back_gives_the_side_of_the_sentence_before(findings_of, text, laterality):
    found = findings_of(text)
    assert [f.laterality for f in found if f.sentence[:3] in ("It ", "The")][-1] == laterality


# A numbered item is a new topic, but one opening with a pronoun for what the
# item before named speaks of it (guide §2 step 4: an earlier mention the
# sentence points back to), as it would without the numbers.
POINTING_BACK_ACROSS_ITEMS = [
    (
        "FINDINGS:\n1. There is a 1 cm nodule in the left upper lobe.\n"
        "2. It contains central calcification.",
        "lung",
        "left",
    ),
    (
        "IMPRESSION:\n1. Nodular density projecting over the right kidney.\n"
        "2. This may represent a calcification.",
        "kidney",
        "right",
    ),
    # the item's number a sentence of its own ('5.'), the pronoun past it
    (
        "FINDINGS:\n4. In the left midlung zone there is a 1.5 cm nodule.\n"
        "5. This appears dense and may contain calcium.",
        "lung",
        "left",
    ),
]


@pytest.mark.parametrize(("text", "site", "laterality"), POINTING_BACK_ACROSS_ITEMS)
def test_pronoun_opening_an_item_points_back_to_the_item_before(only, text, site, laterality):
    found = only(text)
    assert (found.site, found.laterality) == (site, laterality)


def test_item_without_a_pronoun_stays_a_new_topic(only):
    found = only(
        "FINDINGS:\n1. There is a 1 cm nodule in the left upper lobe.\n"
        "2. Calcification is seen."
    )
    assert found.laterality == ""


# A mention that names its own tissue takes the side word right around it
# ahead of the plural of a paired joint on the exam line before it (guide §2:
# the finding's own words and clause before the exam).
IMPLIED_SITE_SIDE_WORD = [
    ("XR KNEES: Chondrocalcinosis of the left lateral meniscus.", "left"),
    ("XR KNEES: Chondrocalcinosis in the right knee.", "right"),
    ("XR KNEES: Chondrocalcinosis in both menisci.", "bilateral"),
]


@pytest.mark.parametrize(("text", "laterality"), IMPLIED_SITE_SIDE_WORD)
def test_implied_site_takes_its_side_word_before_an_exam_plural(only, text, laterality):
    assert only(text).laterality == laterality


# A sentence opening with a pronoun for the lesion named just before, under
# a label line of the same site that writes no side ('ADRENALS:'), takes the
# side that lesion's sentence writes (guide §2 step 4: both are step 4, the
# lesion names the same site more narrowly).
POINTED_BACK_UNDER_A_LABEL = [
    (
        "CT ABDOMEN\nFINDINGS:\nADRENALS: The left adrenal nodule measures 2.2 cm, "
        "previously 1.9 cm. It contains a coarse calcification along its lateral limb.",
        "adrenal gland",
        "left",
    ),
    (
        "PELVIC ULTRASOUND\nFINDINGS:\nOVARIES: The right ovary holds a 4 cm complex "
        "cyst. It contains a 6 mm calcification at its periphery.",
        "ovary",
        "right",
    ),
    # the pronoun after the finding: 'within it'
    (
        "NECK ULTRASOUND\nNODES: A 1.5 cm left level III lymph node with a "
        "thin cortex. A tiny calcified focus within it.",
        "lymph node",
        "left",
    ),
    # a denied one takes only what a label or the exam would give it
    (
        "NECK ULTRASOUND\nNODES: A 1.5 cm left level III lymph node with a "
        "thin cortex. No calcification within it.",
        "lymph node",
        "",
    ),
]


@pytest.mark.parametrize(("text", "site", "laterality"), POINTED_BACK_UNDER_A_LABEL)
def test_pronoun_under_a_label_takes_the_side_pointed_back_to(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# 'The former' and 'the latter' point back to the first and the last thing
# of the sentence before, and the finding takes the side written there
# (guide §2 step 4).
FORMER_LATTER = [
    ("Chest CT: an 8 mm nodule at the left apex and a 6 mm nodule in the right middle lobe. The latter is calcified.", "right"),
    ("Chest film: an opacity in the right upper zone and a smaller one at the left base. The former contains calcification.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), FORMER_LATTER)
def test_former_and_latter_take_the_side_they_point_to(only, text, laterality):
    assert only(text).laterality == laterality


# A clause after ';' that points back ('the ...', 'it'), hedges or asks about
# what the clause before found takes the one side that clause writes (guide §2: the
# finding's sentence, or an earlier mention it points back to); not one whose
# own place phrase names another structure.
AFTER_SEMICOLON = [
    ("Duplex: occlusion of the right superficial femoral artery; the femoral vessels are densely calcified.", "right"),
    ("Ill-defined density in the left infrahilar region; a calcified granuloma is not excluded.", "left"),
    ("Echogenic focus in the right kidney; possibly a calcified cyst.", "right"),
    # or asks about it
    ("REASON FOR CONSULT: Painful violaceous plaques on both shins; rule out calciphylaxis.", "bilateral"),
    ("INDICATION: Firm nodule of the left forearm; evaluate for calcinosis.", "left"),
    ("Duplex: occlusion of the right superficial femoral artery; the pedal arteries are densely calcified.", ""),
    ("Echogenic focus in the left kidney; calcified granuloma in the spleen.", ""),
    ("Left adrenal nodule; coarse calcification of the pancreatic head.", ""),
]


@pytest.mark.parametrize(("text", "laterality"), AFTER_SEMICOLON)
def test_clause_after_semicolon_that_goes_on_about_the_same_thing(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# The last label before a finding heads it: a label without a side that
# opens a later sentence of the line ends the scope of a sided one before it
# (guide §2 step 4: a heading or label line above it).
LATER_LABEL = [
    ("RHEUMATOLOGY NOTE\nLeft wrist film: chondrocalcinosis of the TFCC. Abdominal film: no renal calcification.", ""),
    ("RHEUMATOLOGY NOTE,IMAGING: , Left wrist film: chondrocalcinosis of the TFCC.  Abdominal film: renal calcification.", ""),
    # a sided label with no other after it still heads its line
    ("RHEUMATOLOGY NOTE\nLeft wrist film: erosions. Calcification of the TFCC.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), LATER_LABEL)
def test_a_later_label_ends_a_sided_label(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# On a line of labelled parts, the last sided label heads the rest of its
# line (corpora/GUIDE.md laterality: a label line over the finding), its own
# finding said or not, until a sentence speaks of the other side or of both:
# then the label's part has moved on and a finding after it takes no side by
# it. A label alone on its line still heads the sentences after it.
PART_OF_A_LABEL = [
    ("BILATERAL MAMMOGRAM\nFINDINGS:\nLeft breast: coarse calcifications at the scar. Right breast: vascular calcifications. No suspicious microcalcifications.", "right"),
    ("BILATERAL MAMMOGRAM,FINDINGS: , Right breast: fat necrosis with rim calcification. Left breast: benign skin calcifications. Suspicious microcalcifications are not seen.,IMPRESSION: , Benign.", "left"),
    ("RENAL US\nRight kidney: 10 cm, punctate calcification. Left kidney: 11 cm, punctate calcification. Cortical thickness normal. No nephrocalcinosis.", "left"),
    # a sentence of both sides, or of the other one, between: no side
    ("BILATERAL MAMMOGRAM\nFINDINGS:\nRight breast: oil cyst with rim calcification. Left breast: dystrophic calcifications at the scar. Vascular calcifications in both breasts. No suspicious microcalcifications.", ""),
    ("RENAL US\nRight kidney: 10 cm, punctate calcification. Left kidney: 11 cm, punctate calcification. The right ureter is not dilated. No nephrocalcinosis.", ""),
    ("RENAL US\nRight kidney: 10 cm, normal. Left kidney: 11 cm. Punctate calcification in the mid pole.", "left"),
    ("BILATERAL MAMMOGRAM\nFINDINGS:\nRIGHT BREAST: Benign round calcification. No suspicious calcifications.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), PART_OF_A_LABEL)
def test_a_labelled_part_ends_where_another_side_is_spoken_of(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# A side a comparison leads ('as on the right', 'similar to the left') is the
# side compared with, not the finding's (guide §2: a side said of another
# structure gives none); 'greater than' still names both.
COMPARED = [
    ("RENAL US\nLEFT KIDNEY: 10 cm. The medullae are bright as on the right, in keeping with nephrocalcinosis.", "left"),
    ("RENAL US\nRIGHT KIDNEY: 12 cm. Pyramids echogenic, similar to the left, compatible with nephrocalcinosis.", "right"),
    ("Medullary nephrocalcinosis, left greater than right.", "bilateral"),
    # 'than' with a place's preposition and article leads the place compared with
    ("RENAL US\nLEFT KIDNEY: 10 cm. Nephrocalcinosis is seen here too, though milder than in the right kidney.", "left"),
    ("RENAL US\nRIGHT KIDNEY: 11 cm. Medullary nephrocalcinosis, fainter than on the left side.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), COMPARED)
def test_a_compared_side_is_not_the_findings(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# The other side added after the finding's place, 'and to a lesser degree
# the left', names a second side for the one finding (guide §2: two sides for
# one finding give bilateral); not when another thing stands between.
LESSER_DEGREE = [
    ("Plaque calcification of the left vertebral artery origin, and to a lesser degree the right.", "bilateral"),
    ("Calcified nodes in the right hilum and, to a lesser extent, the left.", "bilateral"),
    ("Nephrocalcinosis of the left kidney and to a lesser extent in the right kidney.", "bilateral"),
    ("Calcified left hilar node and scarring, to a lesser degree the right.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), LESSER_DEGREE)
def test_the_other_side_added_to_a_lesser_degree(only, text, laterality):
    assert only(text).laterality == laterality


# 'bilaterally' closing the finding's own place phrase is its side, nearer
# than a side said of another structure before the finding (guide §2).
BOTH_AFTER_PLACE = [
    ("Tibial arteries patent (R) and occluded (L), with dense calcification of the tibial vessels bilaterally.", "bilateral"),
    ("Left effusion; calcified nodes in the hila bilaterally.", "bilateral"),
    ("Right apical scarring and a calcified granuloma in the left lung, bilateral effusions.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), BOTH_AFTER_PLACE)
def test_both_sides_closing_the_place(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# A side that says where something moves or curves ('deviating the trachea
# to the left') is a direction, not the finding's side (guide §2: a side said
# of another structure gives none); a side written on the finding still is.
DIRECTIONS = [
    ("Large calcified thyroid mass pushing the trachea to the left.", ""),
    ("Coarsely calcified goiter deviates the trachea toward the right.", ""),
    ("Right paratracheal calcified goiter displacing the trachea to the left.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), DIRECTIONS)
def test_a_direction_is_no_side(only, text, laterality):
    assert only(text).laterality == laterality


# A side leading an earlier finding of the sentence is that finding's when
# this one's own clause places it in another organ (guide §2: a clause about
# another structure gives no side); one at the same site may still share it.
EARLIER_FINDING_ELSEWHERE = [
    ("Bilateral calcified hilar nodes and a calcified granuloma in the spleen.", ""),
    ("Bilateral cortical renal calcification, as well as a 3 mm calcified focus in the spleen.", ""),
    ("Bilateral calcified hilar nodes and calcified paratracheal nodes.", "bilateral"),
]


@pytest.mark.parametrize(("text", "laterality"), EARLIER_FINDING_ELSEWHERE)
def test_side_of_an_earlier_finding_elsewhere(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


def test_leading_side_still_reaches_a_premodified_second_item(findings_of):
    """A place written before the second mention ('cerebellar dentate') keeps
    the list one: the leading 'bilateral' may be said of all of it."""
    found = findings_of("Bilateral thalamic calcifications and cerebellar dentate calcifications.")
    assert found[-1].laterality == "bilateral"


# A later finding joined by 'plus' or 'as well as' keeps its place and side,
# as one joined by 'and' does, and so does one past another finding that
# the first one's own words hold (guide §2: a clause about another structure).
LATER_ITEM = [
    "A 2 cm calcified mass in segment 6 of the liver, plus several punctate hepatic calcifications in the left lobe.",
    "A 2 cm calcified mass in segment 6 of the liver, as well as punctate hepatic calcifications in the left lobe.",
    "A 2 cm calcified mass of the liver with rim calcification, plus punctate hepatic calcifications in the left lobe.",
]


@pytest.mark.parametrize("text", LATER_ITEM)
def test_later_item_keeps_its_side(findings_of, text):
    found = findings_of(text)
    assert (found[0].laterality, found[-1].laterality) == ("", "left")


# An occlusion joined after the mention by 'with' or 'and' is another finding
# (mentions.json other_finding_nouns): its side is its own (guide §2).
OCCLUSION = [
    ("Widespread vascular calcification as described, with left popliteal occlusion.", ""),
    ("Diffuse medial calcification of the leg arteries and a right SFA occlusion.", ""),
    ("Calcified plaque in the left SFA with a 5 cm occlusion.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), OCCLUSION)
def test_an_occlusion_after_the_mention_keeps_its_side(findings_of, text, laterality):
    assert findings_of(text)[0].laterality == laterality


def test_runoff_after_a_comma_is_another_thing(only):
    """A runoff listed after the mention with a comma is a thing of its own
    (mentions.json separate_thing_nouns): its side is not the calcification's."""
    f = only("Heavy calcification of the tibial arteries, two-vessel runoff to the foot on the left.")
    assert f.laterality == ""


# A pronoun inside the clause after ';', or a 'there' that points to a place,
# goes on about what the clause before named (guide §2 step 4).
POINTING_INSIDE = [
    ("Chest film shows nodular opacities in both lower lobes; a CT shows they are densely calcified.", "bilateral"),
    ("Firm lumps over the right shin; radiographs show calcinosis in the subcutaneous fat there.", "right"),
    ("Firm lumps over the right shin; there is calcinosis of the pinna.", ""),
]


@pytest.mark.parametrize(("text", "laterality"), POINTING_INSIDE)
def test_pronoun_inside_the_clause_after_a_semicolon(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


def test_and_before_a_link_joins_no_other_structure(only):
    """'unchanged and compatible with': the 'and' adds a predicate, not
    another structure, so the place phrase before still gives its side."""
    f = only("Over the right frontal convexity lies a thin collection, stable and consistent with a calcified chronic subdural hematoma.")
    assert f.laterality == "right"


# Places joined by 'and' that open the mention's clause and run into it are
# places of the one finding: two sides there make it bilateral (guide §2).
LEADING_PLACES = [
    ("Hand films: erosions. Left fourth DIP and right second MCP periarticular calcifications.", "bilateral"),
    ("IMPRESSION: 1. Gout. 2. Right first MTP and left ankle periarticular calcifications.", "bilateral"),
    ("Left effusion and right calcified granuloma.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), LEADING_PLACES)
def test_places_leading_the_mention(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# A list of items the mention's colon opens shares the finding out: the sides
# of its items are the finding's (guide §2: two sides named for one finding).
COLON_LIST = [
    ("Calcified granulomas: right upper lobe 4 mm, left base 6 mm, both stable.", "bilateral"),
    ("Densely calcified lymph nodes: left axillary node 9 mm, right axillary node 7 mm.", "bilateral"),
    ("Calcified granulomas: right upper lobe 4 mm, right base 6 mm.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), COLON_LIST)
def test_colon_list_shares_the_finding_out(findings_of, text, laterality):
    assert findings_of(text)[0].laterality == laterality


# A share a comma picks out of a plural finding ('the largest ...') keeps its
# side to itself; a side written on the finding's own place still counts.
SUPERLATIVE_SHARE = [
    ("KUB: Several pelvic phleboliths, the largest 5 mm on the right.", ""),
    ("Multiple calcified granulomas in the left lung, the largest 5 mm in the lingula.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), SUPERLATIVE_SHARE)
def test_side_of_the_largest_is_not_all_of_them(only, text, laterality):
    assert only(text).laterality == laterality


# The plural of a paired region where nodes and vessels lie names both sides
# as the plural of a paired organ does (guide §2: the plural of a paired organ
# the finding lies in is bilateral); the singular with its side keeps that side.
PAIRED_REGION_PLURALS = [
    ("Small calcified nodes are seen in the axillae, unchanged.", "lymph node", "bilateral"),
    ("Mural arterial calcification in the groins.", "artery", "bilateral"),
    ("Dense vascular calcs across both axillas.", "artery", "bilateral"),
    ("A calcified node sits in the left axilla.", "lymph node", "left"),
]


@pytest.mark.parametrize(("text", "site", "laterality"), PAIRED_REGION_PLURALS)
def test_paired_region_plural_is_bilateral(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# A hand report names the index finger by "index" after its side; as a place
# it joins a list of places of two sides (guide §2: two sides named for one
# finding are bilateral), and a resistive index is no place.
INDEX_DIGIT = [
    ("Soft tissue calcinosis over the tips of the left index and right thumb.", "bilateral"),
    ("Calcinosis in the soft tissues of the Rt index and Lt thumb, unchanged.", "bilateral"),
    ("Soft tissue calcification about the left index.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), INDEX_DIGIT)
def test_index_after_a_side_is_a_digit(only, text, laterality):
    assert only(text).laterality == laterality


# A noun after the last of the places joined by 'and' that only names a part
# of them ('tips', 'pads') keeps that place in the list: each place carries
# its own side, so the finding lies on both (guide §2: two sides for one
# finding give bilateral).
PART_NOUN_AFTER_JOINED_PLACES = [
    ("Dense calcinosis of the left thumb and right index tips, larger than before.", "bilateral"),
    ("Subcutaneous calcinosis within the right thumb and left index pulps.", "bilateral"),
    ("Calcific deposits along the left index pad and the right thumb pad.", "bilateral"),
    ("Dense calcinosis of the left thumb tip.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), PART_NOUN_AFTER_JOINED_PLACES)
def test_part_noun_after_joined_places_keeps_their_sides(only, text, laterality):
    assert only(text).laterality == laterality


def test_resistive_index_is_no_place(only):
    f = only("Resistive index 0.64 in the right kidney, which shows a cortical calcification.")
    assert (f.site, f.laterality) == ("kidney", "right")


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


# guide §2 (two sides for one finding give bilateral; the lingula is left, the
# middle lobe right): a plural finding shared out as 'one in ... and one in
# ...' lies on every side its places carry.
SHARED_BY_PLACES = [
    "FINDINGS: Two calcified granulomas, one in the middle lobe and one in the lingula.",
    "FINDINGS: Calcified nodules: one in the RUL and one in the LLL.",
]


@pytest.mark.parametrize("text", SHARED_BY_PLACES)
def test_shares_on_sided_places_are_bilateral(findings_of, text):
    (found,) = findings_of(text)
    assert found.laterality == "bilateral"


def test_one_share_on_one_side_keeps_it(findings_of):
    (found,) = findings_of("FINDINGS: Calcified granulomas, one in the lingula and one more in the left base.")
    assert found.laterality == "left"


# guide §2 (laterality from the text or its clear context): 'contralateral'
# is the side opposite the one the report wrote before; nothing where it
# wrote both sides or none.
CONTRALATERAL = [
    ("HISTORY: Left breast cancer, left mastectomy.\nFINDINGS: Coarse calcifications in the contralateral breast.", "right"),
    ("HISTORY: Right nephrectomy.\nFINDINGS: Punctate calcification in the contralateral kidney.", "left"),
    ("HISTORY: Right and left hip pain.\nFINDINGS: Calcified node in the contralateral groin.", ""),
    ("FINDINGS: Calcified node in the contralateral axilla.", ""),
]


@pytest.mark.parametrize(("text", "side"), CONTRALATERAL)
def test_contralateral_is_the_other_side(findings_of, text, side):
    (found,) = findings_of(text)
    assert found.laterality == side


# guide §2: 'ipsilateral' is the same side the report wrote before, read by
# the rule that reads 'contralateral'; nothing where it wrote both or none.
IPSILATERAL = [
    ("HISTORY: Right lumpectomy for carcinoma.\nFINDINGS: Dystrophic calcifications in the ipsilateral breast.", "right"),
    ("CLINICAL: Left shoulder replacement.\nFINDINGS: Calcified lymph node in the ipsilateral axilla.", "left"),
    ("HISTORY: Left and right flank pain.\nFINDINGS: Punctate calcification in the ipsilateral kidney.", ""),
    ("FINDINGS: Calcified node in the ipsilateral groin.", ""),
]


@pytest.mark.parametrize(("text", "side"), IPSILATERAL)
def test_ipsilateral_is_the_same_side(findings_of, text, side):
    (found,) = findings_of(text)
    assert found.laterality == side


# the carotid arteries are a pair: 'the carotids' names both sides, as the
# plural of a paired organ does (guide §2; corpora/GUIDE.md, laterality).
CAROTIDS = [
    "Brain CT: moderate calcification of the carotids at the skull base.",
    "Scattered calcified plaque within both petrous carotids.",
    "CTA neck: the carotids are densely calcified at the bifurcations.",
]


@pytest.mark.parametrize("text", CAROTIDS)
def test_carotids_plural_is_bilateral(analyzer, text):
    got = [f.laterality for f in analyzer.analyze(text, "T").findings]
    assert got == ["bilateral"]


# An 'and' that joins two vessels of the finding's own place phrase does not
# make the side written after both ('of the right leg') another structure's
# (guide §2: the finding's own place phrase gives its side); an 'and' that
# adds another thing still does.
LIST_OF_OWN_PLACES = [
    ("Calcification of the anterior tibial and peroneal arteries of the right leg.", "right"),
    ("Medial calcification of the radial and ulnar arteries of both forearms.", "bilateral"),
    ("Calcification of the splenic artery and renal arteries and a left adrenal nodule.", ""),
]


@pytest.mark.parametrize(("text", "laterality"), LIST_OF_OWN_PLACES)
def test_side_after_a_list_of_own_places(only, text, laterality):
    assert only(text).laterality == laterality


# Abbreviated sides count (guide §2): the abdominal quadrants written as
# letters give their side as the words do ('left upper quadrant').
QUADRANT_LETTERS = [
    ("Abdomen film: coarse calcification projecting over the LUQ, likely splenic artery.", "left"),
    ("Cluster of calcified nodes in the RLQ mesentery.", "right"),
    ("RUQ: a calcified granuloma in the liver.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), QUADRANT_LETTERS)
def test_quadrant_letters_give_the_side(only, text, laterality):
    assert only(text).laterality == laterality


# A side letter before a list of part words joined by 'and' or a comma is
# the side of the site phrase the list ends in (guide §2: abbreviated sides
# count), as it is before one part word ('R lower lung zone').
LETTER_BEFORE_PART_LIST = [
    ("Calcified granulomas over the L upper and mid lung zones.", "left"),
    ("Several calcified nodules in the R mid, lower lung zones.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), LETTER_BEFORE_PART_LIST)
def test_letter_before_a_list_of_part_words(only, text, laterality):
    assert only(text).laterality == laterality


# A one-sided rib series gives its side to what lies in that hemithorax
# (guide §2 step 5); with the chest on its exam line it is of both sides.
def test_one_sided_rib_series_gives_its_side(analyzer):
    text = (
        "EXAM: RIB SERIES, RIGHT\nHISTORY: Struck by a car.\nFINDINGS: No rib fracture."
        " Old calcified granuloma projecting over the lower lung."
        " Calcification of the costal cartilage of the 7th rib."
    )
    got = [(f.site, f.laterality) for f in analyzer.analyze(text, "T").findings]
    assert got == [("lung", "right"), ("costal cartilage", "right")]


def test_rib_series_with_the_chest_gives_no_side(analyzer):
    text = "EXAM: LEFT RIBS AND CHEST PA\nFINDINGS: Calcified granuloma in the mid lung."
    (f,) = analyzer.analyze(text, "T").findings
    assert (f.site, f.laterality) == ("lung", "")


# A side label alone on its line heads the lines under it (guide §2: a label
# line over the finding); a label with its words after it on its line, inside
# that block, names a part of it and keeps the side; a label alone ends it.
def test_inline_part_label_under_a_side_header_keeps_the_side(analyzer):
    text = (
        "FINDINGS: ,LEFT UPPER EXTREMITY: , Patent fistula.  Forearm arteries: dense"
        " calcification of the radial artery.,RIGHT UPPER EXTREMITY: , Normal."
    )
    (f,) = analyzer.analyze(text, "T").findings
    assert (f.site, f.laterality) == ("artery", "left")


def test_header_label_alone_ends_the_side_block(analyzer):
    text = (
        "FINDINGS: ,LEFT UPPER EXTREMITY: , Patent fistula.,CHEST WALL: ,"
        " Dense calcification of a breast artery."
    )
    (f,) = analyzer.analyze(text, "T").findings
    assert f.laterality == ""


# A list of node stations with a side on its first and on its last station
# ('the left paratracheal, prevascular and right hilar stations') is one
# finding's place on both sides (guide §2: two sides for one finding give
# bilateral); 'stations' closing the list only says they are places.
NODE_STATIONS = [
    ("Calcified lymph nodes in the left paratracheal, prevascular and right hilar stations, stable.", "bilateral"),
    ("Calcified nodes in the right paratracheal and left hilar stations.", "bilateral"),
    ("Calcified lymph nodes in the left hilar and subcarinal stations.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), NODE_STATIONS)
def test_sides_of_a_list_of_node_stations(only, text, laterality):
    assert only(text).laterality == laterality


# 'without' after the last place of a list joined by 'and' says what that
# place lacks, so the place stays in the finding's list and its side counts
# (guide §2: the finding's sentence gives its side; two sides give
# bilateral); a place that ends in another thing's noun still does not.
WITHOUT_AFTER_LISTED_PLACE = [
    ("Dense calcification of the distal aorta and both external iliac arteries without dilatation.", "bilateral"),
    ("Calcified granulomas in the right upper lobe and left hilum without change.", "bilateral"),
    ("Calcified granuloma in the right upper lobe and left lower lobe atelectasis without effusion.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), WITHOUT_AFTER_LISTED_PLACE)
def test_without_after_a_listed_place_keeps_it(only, text, laterality):
    assert only(text).laterality == laterality


# A short predicate between the mention and its place ('are seen in') does
# not keep a list of places on two sides from the finding (guide §2: two
# sides for one finding give bilateral); a place ending in another thing's
# noun still names that thing.
PLACE_AFTER_A_PREDICATE = [
    ("Calcified nodes are seen in the left paratracheal, prevascular and right hilar stations.", "bilateral"),
    ("Calcified nodes are seen in the left paratracheal and right hilar regions.", "bilateral"),
    ("Calcified granuloma is seen in the right upper lobe and left lower lobe atelectasis.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), PLACE_AFTER_A_PREDICATE)
def test_places_after_a_short_predicate(only, text, laterality):
    assert only(text).laterality == laterality


# A host a "with" gives the mention to keeps its side when the mention's own
# words name another place of its kind (guide §2: a clause about another
# structure gives no side); one place in two words, or a host with no place
# of its own before the "with", still gives it.
HOST_OF_ANOTHER_PLACE = [
    ("Bilateral hilar adenopathy with calcified subcarinal lymph nodes.", ""),
    ("Enlarged left hilar node with calcified paratracheal nodes.", ""),
    ("Bilateral hilar adenopathy with calcified lymph nodes.", "bilateral"),
    ("Right kidney with a coarse calcified renal cyst.", "right"),
    ("Right hilar node with calcified hilar lymph nodes.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), HOST_OF_ANOTHER_PLACE)
def test_host_of_another_place_keeps_its_side(only, text, laterality):
    assert only(text).laterality == laterality


# guide §2 (a clause about another structure gives no side): a label whose
# side is only the plural of a paired organ gives both sides to that organ
# alone, not to a finding its own sentence places in another organ
PLURAL_LABEL = [
    ("FINDINGS: ,KIDNEYS AND BLADDER: , Unremarkable.  The prostate holds coarse calcifications.", ""),
    ("FINDINGS:\nADRENALS AND PANCREAS: Normal adrenals. Coarse calcifications in the pancreas.", ""),
    # a finding in the labelled organ still takes both sides
    ("KIDNEYS: Medullary nephrocalcinosis.", "bilateral"),
]


@pytest.mark.parametrize(("text", "laterality"), PLURAL_LABEL)
def test_a_plural_label_sides_only_its_own_organ(only, text, laterality):
    assert only(text).laterality == laterality


# corpora/GUIDE.md laterality (a label line over the finding; not carried
# from other sentences): a sentence after a side label mid-line that opens
# with the other side speaks of the other side's part, so the label no longer
# gives its side to the sentences after it.
OTHER_SIDE_AFTER_LABEL: list[str] = [
    "ADNEXA: The uterus is small. Left ovary: 2 cm cyst with a calcified focus. Right ovary unremarkable. Several phleboliths in the pelvis.",
    "ADNEXA: The uterus is small. Left: 2 cm ovarian cyst with a calcified focus. Right ovary unremarkable. Several phleboliths in the pelvis.",
]


@pytest.mark.parametrize("text", OTHER_SIDE_AFTER_LABEL)
def test_other_side_sentence_ends_a_side_label(findings_of, text):
    found = [f for f in findings_of(text) if f.mention == "phleboliths"]
    assert [f.laterality for f in found] == [""]


# corpora/GUIDE.md laterality: a finding that refers back to an earlier
# mention ('it', 'its', 'these') takes that mention's side; 'its
# calcifications' are the calcifications of the mass named before, on its side.
POSSESSED: list[str] = [
    "EXAM: Bilateral mammogram. FINDINGS: In the left breast at 4 o'clock there is a 12 mm mass with coarse calcifications. The mass is the same size, but its calcifications are coarser.",
    "CT ABDOMEN: A 3 cm mass in the left kidney with peripheral calcification. The mass is stable; its calcification is thicker.",
]


@pytest.mark.parametrize("text", POSSESSED)
def test_possessed_mention_takes_the_side_of_what_it_belongs_to(findings_of, text):
    found = findings_of(text)
    assert [f.laterality for f in found] == ["left", "left"]


# a list measuring both sides of a pair is of the pair: its side words are the
# parts measured, not the side of the finding the list goes on to (guide §2);
# one side measured, a size on the finding or an ordinal still gives a side
MEASURED_SIDES = [
    (
        "KIDNEYS: Normal echotexture, left 10.4 cm and right 9.8 cm, no medullary calcification.",
        "bilateral",
    ),
    # with no plural over it, the finding has no side of its own
    ("RENAL: Right 10.1 x 4.6 cm and left 9.7 x 4.2 cm, no nephrocalcinosis.", ""),
    ("KIDNEYS: Left 11 cm, with a punctate calcification in the lower pole.", "left"),
    ("Calcified granuloma projecting over the left 5th rib, 3 mm.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), MEASURED_SIDES)
def test_sides_of_a_measured_pair_are_not_the_findings(only, text, laterality):
    assert only(text).laterality == laterality


# A relative's finding takes no side of the patient's one-sided exam (GUIDE:
# laterality, given by the finding's sentence or a label over it; family:
# about a relative): her own findings on the exam still do, and the
# relative's own side words still give its side.
RELATIVE_SIDES = [
    (
        "EXAM: Left breast diagnostic mammogram.\nHISTORY: Her sister had "
        "biopsied breast calcifications.\nFINDINGS: Stable punctate "
        "calcifications at 4 o'clock.",
        ["", "left"],
    ),
    (
        "EXAM: Right breast ultrasound.\nHISTORY: Her aunt had calcifications "
        "in the left breast.",
        ["left"],
    ),
]


@pytest.mark.parametrize(("text", "sides"), RELATIVE_SIDES)
def test_a_relatives_finding_takes_no_side_of_the_patients_exam(
    findings_of, text, sides
):
    assert [f.laterality for f in findings_of(text)] == sides


# A run of periods closing a list of places after the noun ends it as one
# period does (exports often double the stop), as a '?', '!' or colon does: both sides are the finding's
# (guide §2: two sides named for one finding make bilateral).
DOTTED_LIST_ENDS = [
    ("Calcified nodules, left apical and right basilar.. Heart normal.", "bilateral"),
    ("Calcified granulomas in the left apex and right lung base... No effusion.", "bilateral"),
    ("Calcified nodes at the right hilum and the left hilum.. Normal heart.", "bilateral"),
    ("Calcified nodule in the left lung base.. Heart normal.", "left"),
    # so do the other stops and a colon
    ("Calcified nodules at the left apex and the right base: unchanged from XXXX.", "bilateral"),
    ("Calcified nodules at the left apex and right base?", "bilateral"),
]


@pytest.mark.parametrize(("text", "laterality"), DOTTED_LIST_ENDS)
def test_a_run_of_periods_ends_a_list_of_places(findings_of, text, laterality):
    assert findings_of(text)[0].laterality == laterality


# A definite noun phrase ('the splenic calcification', 'The calcified
# granuloma') refers back to an earlier mention of the same calcification and
# takes its side (corpora/GUIDE.md laterality; guide §2 step 4), where every
# earlier finding at that site writes that one side; none where they write
# two sides, where one writes none, where the earlier one is denied, or
# where the phrase is not definite.
DEFINITE_BACK_REFERENCES = [
    (
        "CT abdomen: an 11 mm calcification in the left hepatic lobe.\n"
        "PLAN: Surgery will review the liver calcification next month.",
        "left",
    ),
    (
        "Old film: a calcified granuloma at the right lung apex. Today the calcified "
        "pulmonary granuloma measures the same.",
        "right",
    ),
    (
        "Ultrasound: echogenic pyramids in both kidneys, read as medullary nephrocalcinosis. "
        "Follow-up imaging will track the nephrocalcinosis.",
        "bilateral",
    ),
    # two sides earlier: the phrase cannot say which it means
    (
        "CT: a calcification in the right hepatic lobe and a calcified cyst in the left hepatic lobe. "
        "The liver calcification is benign.",
        "",
    ),
    # not definite: a new statement, not a back-reference
    (
        "CT abdomen: an 11 mm calcification in the left hepatic lobe.\nPLAN: Liver calcification, benign.",
        "",
    ),
    # the earlier mention is denied
    (
        "No calcification in the right hepatic lobe. The liver calcification seen before has gone.",
        "",
    ),
    # an earlier finding at another part of the site (lower vs upper lobe)
    # is not the one pointed back to, nor the whole the part belongs to
    (
        "Chest CT: dense calcification in both upper lobes. An old calcified nodule in the "
        "right lower lobe.\nADVICE: a CT in six months for the upper lobe calcification.",
        "bilateral",
    ),
    (
        "Chest CT: an old calcified nodule in the left lower lobe.\nADVICE: a CT in six "
        "months for the upper lobe calcification.",
        "",
    ),
]


@pytest.mark.parametrize(("text", "laterality"), DEFINITE_BACK_REFERENCES)
def test_definite_phrase_takes_the_side_of_the_earlier_mention(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


def test_a_phrase_after_the_noun_makes_it_definite_not_a_back_reference(findings_of):
    """'the calcification of the popliteal artery' is definite by its own
    phrase after it: it points back to no earlier mention and takes no side
    from one."""
    text = (
        "Both femoral arteries are mildly calcified. Compared with the prior CT "
        "the calcification of the popliteal artery is denser."
    )
    assert findings_of(text)[-1].laterality == ""


def test_a_phrase_after_the_noun_that_points_back_keeps_the_back_reference(findings_of):
    """'the calcification within it' ends on a pronoun that points back
    itself: the phrase names no new thing, and the definite noun phrase
    still refers back to the earlier mention and takes its side."""
    text = (
        "Calcified plaque in the left carotid bulb. PLAN: watch the carotid "
        "bulb; the calcification within it is stable."
    )
    assert findings_of(text)[-1].laterality == "left"


def test_a_study_label_heads_its_study_to_the_next_label(findings_of):
    """A label naming a one-sided study ('Right knee films:') heads that
    study: a denial after the study's finding surveys it and takes its side,
    even after another labelled study on the line (corpora/GUIDE.md site: a
    denied finding takes the side the exam would give it affirmed)."""
    text = (
        "SPORTS MEDICINE NOTE,REASON:,Left shoulder pain.,EXAM:,Left shoulder: full range. "
        "Right knee: mild effusion.,RESULTS:,Left shoulder films today: the infraspinatus "
        "calcific deposit has shrunk to 4 mm. Right knee films: a new 9 mm calcification "
        "beside the lateral collateral ligament after the fall. No chondrocalcinosis.,"
        "PLAN:,Physiotherapy."
    )
    denied = [f for f in findings_of(text) if f.negated]
    assert [f.laterality for f in denied] == ["right"]


# A noun phrase "with a" (an, another) adds after the finding, ending in a
# lesion noun or in the finding's own head noun, is another lesion: the side
# words before its head are its own, not the finding's (guide §2: a clause about another
# structure gives no side; corpora/GUIDE.md lesion: a thing "with a" adds is
# not the finding's lesion).
WITH_A_LESION_OF_ITS_OWN = [
    ("Calcified pleural plaques compatible with old exposure, with a new right basal plaque.", ""),
    ("Scattered calcified granulomas, with an enlarging left apical nodule.", ""),
    ("Calcified nodes in the mediastinum with another right hilar node.", ""),
    # the finding's own side words still count
    ("Calcified pleural plaques on the left, with a new anterior plaque.", "left"),
    # a side word the 'with' phrase leads to a place, no new lesion noun
    ("Calcified plaque with a long segment in the left femoral artery.", "left"),
    # a place after the added noun may place both: not only the added one's
    ("Coarse calcifications with a mass in the left breast.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), WITH_A_LESION_OF_ITS_OWN)
def test_a_lesion_with_a_adds_keeps_its_side(findings_of, text, laterality):
    assert findings_of(text)[0].laterality == laterality


# The uterus takes the side written on its part, as the bladder and the
# prostate do (corpora/GUIDE.md laterality); a uterine finding with no side
# word has none.
UTERINE_PART_SIDES = [
    ("A 2 cm calcified fibroid in the right upper uterine segment.", "right"),
    ("Coarse calcification in the left posterior myometrium, a degenerated myoma.", "left"),
    ("The uterus is enlarged by a calcified fibroid.", ""),
    # the uterus is one organ: 'both' of its fibroids names no two sides
    ("Both fibroids are densely calcified.", ""),
]


@pytest.mark.parametrize(("text", "laterality"), UTERINE_PART_SIDES)
def test_uterus_takes_the_side_of_its_part(only, text, laterality):
    f = only(text)
    assert (f.site, f.laterality) == ("uterus", laterality)


# The stylohyoid ligaments are a pair, one each side of the neck: their
# plural names both sides (corpora/GUIDE.md: the plural of a paired organ).
def test_stylohyoid_ligaments_plural_is_bilateral(only):
    f = only("Calcified and elongated stylohyoid ligaments, a possible cause of the throat pain.")
    assert (f.site, f.laterality) == ("ligament", "bilateral")


# A finding its sentence names as what a paired organ's plural is lies in
# that organ, so the plural gives it both sides though the restating
# finding's words hold it (corpora/GUIDE.md: the plural of a paired organ
# the finding lies in).
def test_plural_of_the_organ_a_finding_is_named_as(findings_of):
    fs = findings_of("Linear calcifications low in the pelvis, in keeping with calcified vasa deferentia.")
    assert [(f.site, f.laterality) for f in fs] == [("vas deferens", "bilateral")] * 2


# A count of the finding's members on the other side after 'and' adds that
# side (guide §2: two sides for one finding give bilateral); 'another' may
# be another lesion and adds none.
COUNT_ON_OTHER_SIDE = [
    ("Rounded calcifications in the right hemipelvis and three in the left hemipelvis, likely phleboliths.", "bilateral"),
    ("Calcified nodes at the left hilum and a few at the right.", "bilateral"),
    ("Punctate calcifications in the left breast and several in the right breast.", "bilateral"),
    ("Calcified granuloma in the left lower lobe and another in the right upper lobe.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), COUNT_ON_OTHER_SIDE)
def test_count_on_the_other_side_adds_it(findings_of, text, laterality):
    assert findings_of(text)[0].laterality == laterality


# A bare side label ('Right:') heads the labels of parts that follow it on
# its line: a finding under 'Peroneal artery:' lies on that side (guide §2
# step 4: a label the finding sits under); the other side's label ends it.
def test_part_label_under_a_bare_side_label(findings_of):
    text = (
        "FINDINGS:\n"
        "Left: Common femoral artery patent. Peroneal artery: calcified plaque with mild narrowing. "
        "Anterior tibial artery heavily calcified.\n"
        "Right: Peroneal artery: scattered calcification.\n"
    )
    assert [f.laterality for f in findings_of(text)] == ["left", "left", "right"]


# A side label alone on its line ('LEFT SIDE:') heads the labels of parts
# on the lines under it, up to the other side's label or a section
# (corpora/GUIDE.md laterality: a label line over the finding), in lines
# broken or joined with commas; a line between that opens with no part
# label ends it.
@pytest.mark.parametrize("brk", ["\n", ", "])
def test_part_labels_under_a_side_label_alone_on_its_line(findings_of, brk):
    lines = [
        "ARTERIAL DUPLEX",
        "RIGHT SIDE:",
        "Femoral artery: a small calcified plaque at its bifurcation.",
        "Origin and proximal popliteal artery: calcified plaque along the back wall.",
        "Peroneal artery: patent.",
        "Dorsalis pedis artery: calcification of the media.",
        "LEFT SIDE:",
        "Popliteal artery: scattered calcification.",
        "CONCLUSION:",
        "Popliteal artery: calcified plaque.",
        "OTHER SIDE:",
        "Flow is normal throughout.",
        "Tibial artery: mild calcification.",
    ]
    sides = [f.laterality for f in findings_of(brk.join(lines))]
    assert sides == ["right", "right", "right", "left", "", ""]


# A label that names a part itself heads no part label after it.
def test_named_part_label_gives_no_side_to_a_later_label(findings_of):
    text = "Kidneys: No stones. Pelvis: Several phleboliths."
    assert [f.laterality for f in findings_of(text)] == [""]


# A definite noun right after the finding that names only the kind of
# structure the clause before the ';' named points back to it and takes its
# side (guide §2 step 4: 'the vessel'); a place of its own does not.
CLAUSE_POINTING_PLACES = [
    ("Right parotid sialadenitis; tiny calcifications within the gland too.", "right"),
    ("Stenosis of the left renal artery; mural calcification of the vessel.", "left"),
    ("Left hip arthroplasty; phleboliths in the pelvis.", ""),
]


@pytest.mark.parametrize(("text", "laterality"), CLAUSE_POINTING_PLACES)
def test_definite_kind_after_semicolon_points_back(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# A label of a part with no side ('Lower pole:') on the line a sided label
# of its whole organ opens ('RIGHT KIDNEY:') lies in that organ, on its side
# (guide §2 step 4: the side of the label the finding sits under); not
# under a sided label naming a part itself ('Left lobe:' of the thyroid,
# then 'Isthmus:').
@pytest.mark.parametrize(
    ("text", "laterality"),
    [
        (
            "RENAL ULTRASOUND\nRIGHT KIDNEY: 10.2 cm. Upper pole: a 5 mm echogenic focus "
            "with shadowing, in keeping with a stone. Lower pole: a 2 mm echogenic "
            "focus, possibly a tiny calcification.",
            ["right"],
        ),
        (
            "RENAL ULTRASOUND\nLEFT KIDNEY: 10.9 cm, normal echotexture. Lower pole: a "
            "punctate calcification.",
            ["left"],
        ),
        (
            "THYROID ULTRASOUND\nLeft lobe: 4.1 cm, homogeneous. Isthmus: 2 mm, with "
            "a tiny coarse calcification.",
            [""],
        ),
    ],
)
def test_part_label_under_its_organs_sided_label(findings_of, text, laterality):
    assert [f.laterality for f in findings_of(text)] == laterality


# An 'and' before a link with one plain word between ('and may represent')
# adds a predicate, joins no other structure: a reading offered for a focus
# over a sided place takes that side (guide §2: the side its sentence gives
# the thing it is said to be).
@pytest.mark.parametrize(
    ("text", "laterality"),
    [
        (
            "KUB\nFINDINGS: A 5 mm calcific focus lies over the left renal outline and "
            "could represent a urinary stone or a calcified aneurysm of the renal artery.",
            ["left", "left"],
        ),
        (
            "KUB\nFINDINGS: A small calcific density overlies the right renal shadow and "
            "likely represents a calcified renal artery aneurysm.",
            ["right", "right"],
        ),
    ],
)
def test_and_before_a_hedged_link_joins_no_structure(findings_of, text, laterality):
    assert [f.laterality for f in findings_of(text)] == laterality


# A place joined after ', and' that is the subject of another finding
# ('..., and both seminal vesicles are calcified') is that finding's place:
# its 'both' gives the first finding no second side (guide §2: a clause
# about another structure gives no side).
@pytest.mark.parametrize(
    ("text", "laterality"),
    [
        (
            "PELVIC CT\nFINDINGS: The prostate holds coarse calcifications in the right "
            "peripheral zone, and both seminal vesicles are calcified along their length.",
            ["right", "bilateral"],
        ),
        (
            "CHEST CT\nFINDINGS: Calcified granulomas in the right upper lobe and left "
            "lower lobe are unchanged.",
            ["bilateral"],
        ),
    ],
)
def test_joined_place_of_another_finding_adds_no_side(findings_of, text, laterality):
    assert [f.laterality for f in findings_of(text)] == laterality



# A sided organ label after a heading's colon on the same line ('CT
# ABDOMEN: Left kidney: ...') opens that heading's content as a label at
# the start of the line would: it heads the sentences after it up to the
# other side's label (guide §2 step 4: a paragraph or line label the
# finding sits under).
@pytest.mark.parametrize(
    ("text", "laterality"),
    [
        (
            "CT ABDOMEN: Left kidney: a simple cyst. Tiny calcification in the lower "
            "pole cortex, new. Right kidney: normal.",
            ["left"],
        ),
        (
            "CT UROGRAM (non-contrast phase): Right kidney: 11 cm. Another 2 mm "
            "calcification in the upper pole cortex. Left kidney: normal.",
            ["right"],
        ),
        # the other side's label ends the first one's part
        (
            "CT ABDOMEN: Left kidney: a simple cyst. Right kidney: normal. "
            "Calcification in the mid pole cortex.",
            ["right"],
        ),
    ],
)
def test_side_label_after_a_heading_heads_its_sentences(findings_of, text, laterality):
    assert [f.laterality for f in findings_of(text)] == laterality


# A list of places joined by 'and' naming both sides is one finding's place
# on both sides though a cause follows its last place ('from', 'due to',
# 'secondary to', 'related to'; guide §2: two sides named for one finding
# make bilateral); a noun of another thing after the last place still ends
# the list there ('and left lower lobe atelectasis').
CAUSE_AFTER_JOINED_PLACES = [
    ("Calcinosis cutis of the right index finger and left thumb from dermatomyositis.", "bilateral"),
    (
        "Calcified plaque of the right common femoral artery and left popliteal artery "
        "due to atherosclerosis.",
        "bilateral",
    ),
    ("Calcification of the right shoulder and left hip secondary to renal failure.", "bilateral"),
    (
        "Calcified granulomas in the right upper lobe and left lower lobe related to old "
        "histoplasmosis.",
        "bilateral",
    ),
    ("Calcified granuloma in the right upper lobe and left lower lobe atelectasis.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), CAUSE_AFTER_JOINED_PLACES)
def test_a_cause_after_places_joined_on_both_sides(only, text, laterality):
    assert only(text).laterality == laterality


# A part of an organ the body has one of ('the parenchyma of the pancreatic
# head') takes, from the sentences before, only a side written on that
# organ's own phrase: a side word of another place there ('right flank
# pain') is no side of the organ's (corpora/GUIDE.md laterality: not carried
# from other sentences); a paired organ's part still takes its side.
UNPAIRED_OWNER = [
    (
        "REASON FOR VISIT: Calcification of the pancreas on imaging., HISTORY: "
        "70-year-old woman, no history of pancreatitis, scanned for right flank "
        "pain. Amylase normal., CT ABDOMEN: Coarse calcifications within the "
        "parenchyma of the pancreatic head.",
        "",
    ),
    ("The left kidney is small. A calcification in its lower pole.", "left"),
]


@pytest.mark.parametrize(("text", "laterality"), UNPAIRED_OWNER)
def test_unpaired_organ_takes_no_side_of_another_place(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# The side a sentence writes on the study it names before the finding
# ('films of both feet') is the exam's: the side written on the finding's
# own place after it is the finding's (guide §2: the finding's own words
# before the exam); with no side of its own the study's side still holds.
STUDY_SIDE_IN_SENTENCE = [
    ("Films of both feet show calcinosis cutis along the right great toe.", "right"),
    ("Bilateral hand radiographs show soft tissue calcification at the left thumb.", "left"),
    ("Radiographs of both knees show chondrocalcinosis.", "bilateral"),
    ("Radiographs of the right shoulder show a calcific deposit in the rotator cuff.", "right"),
    # a study listing several parts: each part's side is the study's
    (
        "Films of the right wrist and both ankles show calcinosis in the soft tissue"
        " along the medial side of the right thumb.",
        "right",
    ),
    # a place after two joined ones is where both lie: its side is the finding's
    (
        "Radiographs of the left hip and both knees: a lobulated calcification in the"
        " skin and subcutaneous tissue posterior to the left knee.",
        "left",
    ),
    ("Radiographs of the left shoulder and both knees show chondrocalcinosis.", "bilateral"),
]


# A sided place after an "and" that opens another thing named keeps its side
# for that thing ('... and a new periarticular deposit at the left shoulder').
def test_a_side_after_another_thing_joined_is_not_the_findings(only):
    text = (
        "Progressive pedal arterial calcification and a new periarticular deposit"
        " at the right shoulder."
    )
    assert only(text).laterality == ""


@pytest.mark.parametrize(("text", "laterality"), STUDY_SIDE_IN_SENTENCE)
def test_the_studys_side_yields_to_the_findings_own(only, text, laterality):
    assert only(text).laterality == laterality


# A place the finding's own clause names by 'the same' is the place named
# before, with its side (corpora/GUIDE.md laterality: 'at 9 o'clock in the
# same breast' points back).
THE_SAME_PLACE = [
    (
        "Mammogram showed new calcifications in the right breast at 4 o'clock. A "
        "biopsy could not be done. Coarse calcifications at 8 o'clock in the same "
        "breast are stable.",
        ["right", "right"],
    ),
    (
        "A 5 mm stone in the left kidney. A second calcification in the same kidney "
        "is nonobstructing.",
        ["left"],
    ),
]


@pytest.mark.parametrize(("text", "laterality"), THE_SAME_PLACE)
def test_the_same_place_takes_the_side_named_before(findings_of, text, laterality):
    assert [f.laterality for f in findings_of(text)] == laterality


# ... and its site: 'the same artery' after a named artery is that artery,
# not any artery
def test_the_same_artery_is_the_artery_named_before(findings_of):
    text = (
        "Carotid CTA. Narrowing of the left internal carotid artery by soft plaque. "
        "A calcified plaque in the same artery higher up causes no stenosis."
    )
    assert [(f.site, f.laterality) for f in findings_of(text)] == [("carotid artery", "left")]


# 'The' and words that describe the calcification as an earlier sentence did
# ('the grouped calcifications' after 'a group of calcifications in the right
# breast', 'the 3 o'clock calcifications') point back to it and carry its
# side (corpora/GUIDE.md laterality: a reference to the same calcification).
DESCRIBED_BACK = [
    (
        "INDICATION: A new group of amorphous calcifications in the right breast. "
        "Consent was obtained. FINDINGS: The specimen film showed the grouped "
        "calcifications and the clip.",
        ["right", "right"],
    ),
    (
        "HISTORY: Coarse calcifications at 3 o'clock in the left breast, stable. "
        "PROCEDURE: The wire was placed. The 3 o'clock calcifications were not "
        "removed.",
        ["left", "left"],
    ),
]


@pytest.mark.parametrize(("text", "laterality"), DESCRIBED_BACK)
def test_described_mention_takes_the_side_it_points_back_to(findings_of, text, laterality):
    assert [f.laterality for f in findings_of(text)] == laterality


# ... and its site, before a place the sentences around it name ('The skin
# over the wire was infiltrated' in the operation's narrative).
def test_described_mention_takes_the_site_it_points_back_to(findings_of):
    text = (
        "INDICATIONS: Coarse calcifications at 3 o'clock in the left breast have been "
        "stable. DESCRIPTION OF PROCEDURE: The skin over the wire was infiltrated "
        "with lidocaine. The tissue was excised. The 3 o'clock calcifications were "
        "not in the specimen."
    )
    assert [(f.site, f.laterality) for f in findings_of(text)] == [
        ("breast", "left"),
        ("breast", "left"),
    ]


# 'Both' standing for two things named before is no side, also past an adverb
# before its verb (sites.json T-bilateral-both); before a paired place it is
# ('both lungs', 'Both densely calcified hila').
BOTH_PAST_AN_ADVERB = [
    ("RIGHT CFA: Patent. PT and AT patent. Both heavily calcified.", "right"),
    ("LEFT LEG: Peroneal and PT arteries patent. Both densely calcified.", "left"),
    ("Calcified granulomas in both lungs. Both densely calcified hila.", "bilateral"),
]


@pytest.mark.parametrize(("text", "laterality"), BOTH_PAST_AN_ADVERB)
def test_both_past_an_adverb(findings_of, text, laterality):
    assert findings_of(text)[-1].laterality == laterality


# A stone an 'and' joins after the finding holds its own side words: 'no
# nephrocalcinosis and a 4 mm stone in the left kidney' gives the denied
# nephrocalcinosis no side (guide §2: a side never comes from a clause about
# something else; mentions.json joined_thing_nouns).
def test_side_of_a_joined_stone_is_its_own(finding_named):
    text = "Renal ultrasound showed no nephrocalcinosis and a 4 mm stone in the left kidney."
    assert finding_named(text, "nephrocalcinosis").laterality == ""


# A label opening a line heads the lines under it, one statement per line
# without full stops, up to the next label, a blank line, a section header
# or a list item (guide §2 step 4: a label line above the finding); a line
# after a list of labelled lines speaks of them all; a label with a
# parenthesis ('Liver (partially imaged):') is one too. The items of a list
# ('- ', '1. ') under a label are its lines alike, however many items come
# before; an item that opens with a label of its own heads no other item.
LABEL_LINES_ABOVE = [
    ("FINDINGS:\nRIGHT KIDNEY: 11.2 cm\nEchogenic pyramids consistent with nephrocalcinosis\n"
     "LEFT KIDNEY: normal", "nephrocalcinosis", "kidney", "right"),
    ("FINDINGS:\nLIVER: Mild steatosis\nA 4 mm calcified granuloma in segment 6\nSPLEEN: Normal",
     "calcified granuloma", "liver", ""),
    ("FINDINGS:\nLeft: Post-lumpectomy scarring at 12 o'clock\n"
     "Dystrophic calcifications at the lumpectomy site have increased",
     "Dystrophic calcifications", "", "left"),
    ("US THYROID\nRight lobe: 1.6 cm solid nodule\nLeft lobe: 4 mm cyst\nNo new calcification",
     "calcification", "", ""),
    ("FINDINGS:\nRight kidney: 7.8 cm. Left kidney: 8.0 cm.\nNo hydronephrosis.\n"
     "Liver (partially imaged): small cyst.\nSplenic artery calcification at the hilum.",
     "Splenic artery calcification", "artery", ""),
    ("PLAN:\n1. Right lower lobe pneumonia: antibiotics.\n2. Calcified granulomas, stable.",
     "Calcified granulomas", "", ""),
    ("FINDINGS:\nRight lung:\n- clear.\nLeft lung:\n- Calcified granuloma at the base.\n"
     "- Separate 3 mm calcified nodule at the apex.\nHeart:\n- normal.",
     "calcified nodule", "lung", "left"),
    ("FINDINGS:\nRIGHT:\n1. Heterogeneous plaque in the carotid bulb.\n"
     "2. Separately, a 4 mm calcified plaque in the internal carotid artery.\nLEFT:\n1. No plaque.",
     "calcified plaque", "carotid artery", "right"),
    ("FINDINGS:\n* Right kidney: 11 cm, no stone.\n* Punctate calcification in the spleen.",
     "calcification", "spleen", ""),
]


@pytest.mark.parametrize(("text", "mention", "site", "laterality"), LABEL_LINES_ABOVE)
def test_a_label_heads_the_lines_under_it(findings_of, text, mention, site, laterality):
    assert _site_and_side(findings_of, text, mention) == (site, laterality)


# A label written without its colon, alone on its line ('RIGHT KIDNEY' over
# '11 cm. ...'), heads the lines under it as 'RIGHT KIDNEY:' does: a few
# side and site words and nothing else, a statement on the line under it
# (guide §2 step 4: a label line above the finding). A sentence that lost
# its stop ('Calcified granuloma'), a wrapped piece of a sentence or an exam
# title is none; under labels so written each over one line, a second line
# under the last speaks of them all, as after 'Right lobe: ...' 'Left lobe:
# ...'.
LABELS_WITHOUT_MARK = [
    ("FINDINGS:\nRIGHT KIDNEY\n11 cm. Echogenic pyramids consistent with nephrocalcinosis.\n"
     "LEFT KIDNEY\n10 cm. No stone.", "nephrocalcinosis", "kidney", "right"),
    ("FINDINGS:\nRight kidney\n11 cm.\nLeft kidney\n10 cm. Punctate calcification in the lower pole.",
     "calcification", "kidney", "left"),
    ("FINDINGS:\nLeft breast\nCoarse calcifications in a fibroadenoma, unchanged.\n"
     "Scattered vascular calcifications.", "vascular calcifications", "artery", "left"),
    ("FINDINGS:\nLiver\nNo suspicious lesion. 3 mm calcified granuloma in segment 6.",
     "calcified granuloma", "liver", ""),
    ("US THYROID\nRight lobe\n1.6 cm solid nodule.\nLeft lobe\n4 mm cyst.\nNo new calcification.",
     "calcification", "", ""),
    ("FINDINGS:\nThere is a nodule in the\nright lower lobe\nScattered calcifications in the spleen.",
     "calcifications", "spleen", ""),
]


@pytest.mark.parametrize(("text", "mention", "site", "laterality"), LABELS_WITHOUT_MARK)
def test_a_label_without_its_mark_heads_the_lines_under_it(
    findings_of, text, mention, site, laterality
):
    assert _site_and_side(findings_of, text, mention) == (site, laterality)


# An item opening with a label that names a place only ('1. Right breast:',
# '1. RIGHT:') heads the unlabelled items after it, up to the next labelled
# item, as a label line heads the lines under it (guide §2 step 4: an export
# that writes each sentence as an item). One whose label names a finding or
# a plan heads its own item only; under items each opening with a label, an
# item past the one right after the last speaks of them all, as after
# 'Right lobe: ...' 'Left lobe: ...'.
LABELLED_ITEMS = [
    ("FINDINGS:\n1. Right breast: distortion at 10 o'clock.\n2. Calcifications along the suture line.\n"
     "3. Left breast: vascular calcifications.", "Calcifications", "breast", "right"),
    ("FINDINGS:\n1. RIGHT:\n2. Heterogeneous calcified plaque in the carotid bulb.\n3. LEFT:\n4. Normal.",
     "calcified plaque", "carotid artery", "right"),
    ("FINDINGS:\n1. Right kidney: 11 cm.\n2. Echogenic pyramids consistent with nephrocalcinosis.\n"
     "3. Left kidney: 10 cm.", "nephrocalcinosis", "kidney", "right"),
    ("FINDINGS:\n1. Right lobe: 1.6 cm solid nodule.\n2. Left lobe: 4 mm cyst.\n3. Isthmus normal.\n"
     "4. No new calcification.", "calcification", "", ""),
    ("PLAN:\n1. Right lower lobe pneumonia: antibiotics.\n2. Calcified granulomas, stable.",
     "Calcified granulomas", "", ""),
]


@pytest.mark.parametrize(("text", "mention", "site", "laterality"), LABELLED_ITEMS)
def test_a_place_labelled_item_heads_the_items_after_it(
    findings_of, text, mention, site, laterality
):
    assert _site_and_side(findings_of, text, mention) == (site, laterality)


# A label naming only a place may hold, besides side and site words, the
# limb or part a side belongs to ('RIGHT LOWER EXTREMITY', 'LEFT SIDE';
# mentions.json label_place_words): alone on its line without its colon, or
# opening an item, it heads the lines or items under it as well.
PLACE_LABELS_WITH_LIMBS = [
    ("FINDINGS:\nRIGHT LOWER EXTREMITY\nThe superficial femoral artery is heavily calcified.\n"
     "LEFT LOWER EXTREMITY\nPatent.", "calcified", "artery", "right"),
    ("FINDINGS:\nLEFT SIDE\nA small calcified plaque in the carotid bulb.", "calcified plaque",
     "carotid artery", "left"),
    ("FINDINGS:\n1. Left lower extremity: patent arteries.\n2. Linear calcification of the SFA.",
     "calcification", "artery", "left"),
]


@pytest.mark.parametrize(("text", "mention", "site", "laterality"), PLACE_LABELS_WITH_LIMBS)
def test_a_place_label_may_name_a_limb(findings_of, text, mention, site, laterality):
    assert _site_and_side(findings_of, text, mention) == (site, laterality)


# A part label with no side ('Lower pole:', 'Popliteal artery:') on a line
# under a sided label line ('LEFT KIDNEY:' or 'RIGHT KIDNEY' alone, 'Right:')
# lies on that label's side, as it does on the label's own line (guide §2
# step 4: the side of the label the finding sits under).
PART_LABELS_UNDER_A_LABEL_LINE = [
    ("FINDINGS:\nLEFT KIDNEY:\n10 cm. Lower pole: a 3 mm echogenic focus, possibly a small calcification.",
     "calcification", "kidney", "left"),
    ("FINDINGS:\nRIGHT KIDNEY\n11 cm. Upper pole: a 4 mm stone. Lower pole: a punctate calcification.",
     "calcification", "kidney", "right"),
    ("FINDINGS:\nRight:\nCommon femoral artery patent. Popliteal artery: focal calcified plaque.",
     "calcified plaque", "artery", "right"),
]


@pytest.mark.parametrize(("text", "mention", "site", "laterality"), PART_LABELS_UNDER_A_LABEL_LINE)
def test_a_part_label_under_a_label_line_takes_its_side(
    findings_of, text, mention, site, laterality
):
    assert _site_and_side(findings_of, text, mention) == (site, laterality)


# Abbreviated sides (guide §2: Rt, Lt, and R/L where clear) are read
# wherever a rule spells the side word (sites.json side_abbreviations):
# a sided structure's name ('Lt. main', 'rt coronary artery', 'R coronary
# artery') is that structure, which takes no side, and a side label with
# the abbreviation's period ('RT.:', 'Lt. kidney:') heads its line.
ABBREVIATED_SIDES = [
    ("Heavily calcified distal lt. main with moderate stenosis.", "coronary artery", ""),
    ("Lt. main: mildly calcified, no stenosis.", "coronary artery", ""),
    ("Calcification of the lt ventricular apex.", "myocardium", ""),
    ("RT.: Mild intimal thickening. Calcified plaque at the carotid bulb.", "carotid artery", "right"),
    ("FINDINGS:\nLt. kidney: 11 cm. A 3 mm cortical calcification.", "kidney", "left"),
    ("Calcified granuloma at the rt. base.", "lung", "right"),
    # the period before a hyphen ('Rt.-sided') as in 'Rt-sided'
    ("Rt.-sided perihilar calcified lymph node.", "lymph node", "right"),
    ("LT.-SIDED CALCIFIED HILAR NODE.", "lymph node", "left"),
]


@pytest.mark.parametrize(("text", "site", "laterality"), ABBREVIATED_SIDES)
def test_abbreviated_sides_read_as_the_side_words(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# A side letter that is a label of its own ('R:', 'L:' opening a line) is
# the side it abbreviates (guide §2: R/L where clear); a letter with a colon
# inside a sentence is none.
LETTER_LABELS = [
    ("FINDINGS:\nL: Post-lumpectomy scarring. Dystrophic calcifications at the scar.\n"
     "R: No calcification.", "left"),
    ("FINDINGS: , R: Mild intimal thickening. Calcified plaque at the bulb., L: Normal.", "right"),
    ("Ratio R: 2. Calcified granuloma.", ""),
]


@pytest.mark.parametrize(("text", "laterality"), LETTER_LABELS)
def test_side_letter_label(findings_of, text, laterality):
    assert [f.laterality for f in findings_of(text)][:1] == [laterality]


# The period of an abbreviated side ends no modifier's scope (guide §2:
# abbreviated sides count; the sentence splitter reads it as no stop): 'no
# longer visualized' after 'the rt. lower lobe' reaches the finding before
# it, whose place the lobe stays.
PERIOD_OF_A_SHORT_SIDE = [
    ("The calcified granuloma in the rt. lower lobe is no longer visualized.", "lung", "right", True),
    ("Calcification in the lt. kidney is no longer seen.", "kidney", "left", True),
]


@pytest.mark.parametrize(("text", "site", "laterality", "historical"), PERIOD_OF_A_SHORT_SIDE)
def test_period_of_a_short_side_ends_no_scope(only, text, site, laterality, historical):
    f = only(text)
    assert (f.site, f.laterality, f.historical) == (site, laterality, historical)


# An abbreviated side with its period inside the place words before a
# finding's head stays in its mention (rule_sides: a run of place words may
# hold one such side): 'Calcified lt. paraesophageal versus intrapulmonary
# lymph node' is one mention, which its own 'versus' does not hedge.
SHORT_SIDE_IN_A_MENTION = [
    ("Calcified lt. paraesophageal versus intrapulmonary lymph node.", "lymph node", "left", False),
    ("Calcified rt. upper lobe nodule, unchanged.", "lung", "right", False),
]


@pytest.mark.parametrize(("text", "site", "laterality", "uncertain"), SHORT_SIDE_IN_A_MENTION)
def test_short_side_with_its_period_inside_a_mention(only, text, site, laterality, uncertain):
    f = only(text)
    assert (f.site, f.laterality, f.uncertain) == (site, laterality, uncertain)


# A label whose side is written short with its period ('RT. KIDNEY:')
# heads the lines under it as 'RIGHT KIDNEY:' does: the period shortens the
# side and ends nothing, and the label's line opens a line of its own, so
# the line above it is not read as hard-wrapped into it (the finding took
# the side of the label under it, 'LT. KIDNEY:').
SHORT_SIDE_LABELS_OVER_LINES = [
    ("FINDINGS:\nRT. KIDNEY: 11.2 cm\nEchogenic medullary pyramids consistent with "
     "medullary nephrocalcinosis\nLT. KIDNEY: 11.0 cm\n", "medullary nephrocalcinosis",
     "kidney", "right"),
    ("FINDINGS:\nLt. breast: Post-lumpectomy scarring at 12 o'clock\n"
     "Coarse dystrophic calcifications at the lumpectomy site, increased in number\n"
     "Rt. breast: Scattered benign vascular calcifications\n",
     "dystrophic calcifications", "breast", "left"),
]


@pytest.mark.parametrize(("text", "mention", "site", "laterality"), SHORT_SIDE_LABELS_OVER_LINES)
def test_a_label_with_a_short_side_heads_the_lines_under_it(
    findings_of, text, mention, site, laterality
):
    assert _site_and_side(findings_of, text, mention) == (site, laterality)


def _site_and_side(findings_of, text: str, mention: str) -> tuple[str, str]:
    """The site and side of the one finding of `text` whose mention is
    `mention` (fails if there is not exactly one)."""
    (f,) = [f for f in findings_of(text) if f.mention == mention]
    return f.site, f.laterality


# A dictated report's opening title closed by a full stop on the line of its
# text ('Mammogram right. Heterogeneously dense. ...') names the exam: the
# breast and the side of a one-sided study (guide §2 step 5). A first
# sentence with a verb ('Chest x-ray shows a left effusion.') is no title.
TITLE_SENTENCES = [
    ("Mammogram right. Heterogeneously dense. There is a stable cluster of microcalcifications in the axillary tail.", "breast", "right"),
    ("Left diagnostic mammogram with spot magnification. Previously described cluster of microcalcifications at 12 o'clock is no longer visualized. No residual calcifications.", "breast", "left"),
    ("Bilateral screening mammogram. There are no suspicious masses. There are scattered calcifications which are benign.", "breast", ""),
    ("Chest x-ray shows a left effusion. Calcified granuloma.", "lung", ""),
]


@pytest.mark.parametrize(("text", "site", "side"), TITLE_SENTENCES)
def test_title_sentence_names_the_exam(findings_of, text, site, side):
    f = findings_of(text)[-1]
    assert (f.site, f.laterality) == (site, side)


# A carotid duplex template: a side label alone on its line over part labels
# ('CCA:', 'Bulb:', 'ICA:'). A bare 'Bulb:' label is a part of the carotid
# the report names, so the side label heads it and the lines after it.
CAROTID_BLOCKS = (
    "CAROTID DUPLEX\nRIGHT:\nCCA: no plaque\nBulb: calcified plaque, shadowing\n"
    "ICA: mild calcified plaque, <50% stenosis\nLEFT:\nCCA: no plaque\n"
    "Bulb: no calcified plaque\nICA: heterogeneous calcified plaque, 50-69% stenosis\n"
)


def test_a_bulb_label_under_a_side_label_keeps_the_block_side(findings_of):
    got = [(f.site, f.site_text, f.laterality, f.negated) for f in findings_of(CAROTID_BLOCKS)]
    assert got == [
        ("carotid artery", "Bulb", "right", False),
        ("carotid artery", "ICA", "right", False),
        ("carotid artery", "Bulb", "left", True),
        ("carotid artery", "ICA", "left", False),
    ]


# A side written alone on its line without a colon ('RIGHT', 'Left') over
# part labels heads them as 'RIGHT:' does: the colon of the part label under
# it is not its own.
BARE_SIDES_OVER_PART_LABELS = [
    (
        "CAROTID DUPLEX\nRIGHT\nICA: mild calcified plaque.\nLEFT\nICA: calcified plaque.\n",
        ["right", "left"],
    ),
    (
        "LOWER EXTREMITY DUPLEX\nRight\nPopliteal artery: calcified plaque.\n"
        "Left\nPopliteal artery: calcified plaque.\n",
        ["right", "left"],
    ),
    # an export that starts at the template's first side line: the text's
    # first line is no section header
    ("RIGHT\nCFA: patent.\nSFA: mild calcification.\n", ["right"]),
    (
        "Right\nBrachial: mild calcification.\nLeft\nBrachial: heavily calcified.\n",
        ["right", "left"],
    ),
]


@pytest.mark.parametrize("text, sides", BARE_SIDES_OVER_PART_LABELS)
def test_a_bare_side_line_heads_the_part_labels_under_it(findings_of, text, sides):
    assert [f.laterality for f in findings_of(text)] == sides


# A shared part word that 'with' gives a lesion noun ('cyst with a calcified
# wall') is the wall of that lesion, so of the organ the sentence before
# names with its side, as 'the cyst wall' is (guide §2 step 4).
PART_OF_A_LESION_WITH = [
    ("US KIDNEYS\nLEFT KIDNEY 11.0 cm. Complex cyst with a thin calcified wall.", "kidney", "left"),
    ("Right kidney measures 10 cm. Cyst with calcified wall in the upper pole.", "kidney", "right"),
    # guard: a wall of no lesion takes no side from the sentence before
    ("Left kidney measures 11 cm. Bladder with calcified wall.", "bladder", ""),
]


@pytest.mark.parametrize(("text", "site", "laterality"), PART_OF_A_LESION_WITH)
def test_part_word_of_a_lesion_with_takes_the_organs_side(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# The plural of a paired vessel's abbreviation names both, as 'the carotid
# arteries' does ('the ICAs', 'the cavernous ICAs', 'the vertebrals'); a plural
# that only joins two parts of one vessel does not ('the cavernous and
# supraclinoid ICAs'; corpora/GUIDE.md laterality).
ABBREVIATED_PAIRED_VESSELS = [
    ("Calcification of the ICAs.", "bilateral"),
    ("Mild calcification of the intracranial ICAs.", "bilateral"),
    ("Calcification of the cavernous ICAs.", "bilateral"),
    ("Calcified atherosclerosis of the cavernous and supraclinoid ICAs.", ""),
    ("Calcification of the left ICA.", "left"),
]


@pytest.mark.parametrize(("text", "side"), ABBREVIATED_PAIRED_VESSELS)
def test_abbreviated_paired_vessel_plural_is_bilateral(only, text, side):
    assert only(text).laterality == side


# A template's location line ('Location: Left lobe, lower pole') gives its
# side to the key-value lines of its block under it (guide §2 step 4), not
# to a block below a header of its own ('NODULE 2'), nor past a key met
# again (the block before, its header joined to its last line as a wrap).
LOCATION_LINES = [
    (
        "US THYROID\nNODULE 2\nLocation: Left lobe, lower pole\nSize: 0.9 cm\n"
        "Echogenic foci: Macrocalcifications (1)\nTI-RADS: TR3\n",
        ["left"],
    ),
    (
        "US THYROID\nNodule 1\nSite: right lobe\nComposition: solid\n"
        "Echogenic foci: peripheral rim calcification\n",
        ["right"],
    ),
    (
        "US THYROID (TI-RADS)\nNODULE 1\nLocation: Right lobe, upper pole\n"
        "Size: 1.6 x 1.1 x 1.0 cm\nEchogenic foci: Macrocalcifications (1)\n"
        "NODULE 2\nSize: 0.9 cm\nEchogenic foci: Peripheral rim calcification (2)\n",
        ["right", ""],
    ),
    (
        "US THYROID\nNodule 1\nLocation: right lobe\nEchogenic foci: none\n\n"
        "Nodule 2\nEchogenic foci: microcalcifications\n",
        [""],
    ),
]


@pytest.mark.parametrize("text, sides", LOCATION_LINES)
def test_a_location_line_gives_its_block_the_side(findings_of, text, sides):
    assert [f.laterality for f in findings_of(text)] == sides


# A record's side row may code the side as one letter, as DICOM's
# laterality does (R, L, B): read only as a side row's whole value.
SIDE_ROW_LETTERS = [
    ("Finding: Calcification\nLocation: kidney\nSide: R", "right"),
    ("Finding: Calcification\nSite: kidney\nLaterality | L", "left"),
    ("Finding: Calcified plaque\nLocation: carotid artery\nSide: B", "bilateral"),
    # a letter in another row codes nothing
    ("Finding: Calcification\nLocation: kidney\nGrade: B", ""),
]


@pytest.mark.parametrize(("text", "side"), SIDE_ROW_LETTERS)
def test_a_side_row_s_letter_codes_the_side(only, text, side):
    assert only(text).laterality == side


# A side label over a list heads all its items: the unlabelled items
# between ('- Profunda patent') do not end it, and an item's own part label
# ('- SFA:') lies on that side (guide §2 step 4).
SIDE_OVER_ITEMS = [
    (
        "Runoff CTA\nRight:\n- CFA patent, mild calcified plaque\n- Profunda patent\n"
        "- SFA: long segment occlusion, heavy calcification\nLeft:\n- CFA: no calcification\n"
        "- SFA: scattered calcified plaques\n",
        ["right", "right", "left", "left"],
    ),
    (
        "Right:\n- CFA patent\n- SFA: heavy calcification\n- Left CFA: mild calcification\n"
        "- SFA: calcified plaque\n",
        ["right", "left", ""],  # the right label does not reach past a sided item
    ),
]


@pytest.mark.parametrize("text, sides", SIDE_OVER_ITEMS)
def test_a_side_label_over_a_list_heads_its_labelled_items(findings_of, text, sides):
    assert [f.laterality for f in findings_of(text)] == sides


# A line labelled for both sides ('Right ABI: ... Left ABI: ...') over the
# finding's line: that line speaks of both, and takes neither's side; one
# label above still gives its side ('Left kidney: 11 cm.' over the pole).
LINE_UNDER_BOTH_SIDES = [
    (
        "Right ABI: 1.45 (non-compressible). Left ABI: 1.38.\n"
        "The ankle pressures are falsely elevated due to medial arterial calcification.\n",
        [""],
    ),
    ("Left kidney: 11 cm.\nPunctate calcification in the lower pole.\n", ["left"]),
]


@pytest.mark.parametrize("text, sides", LINE_UNDER_BOTH_SIDES)
def test_a_line_under_both_sides_labels_takes_neither(findings_of, text, sides):
    assert [f.laterality for f in findings_of(text)] == sides


# A one-sided dialysis-access or arm-vessel study gives its side to the
# arm's vessels (guide §2 step 5), as a one-sided limb film does; a
# physical examination line naming an arm is no study.
ARM_VESSEL_STUDIES = [
    ("DIALYSIS ACCESS ULTRASOUND, LEFT ARM\nThe feeding brachial artery is diffusely calcified.\n", "left"),
    ("EXAM: US dialysis access left arm\nFINDINGS: The brachial artery is diffusely calcified.\n", "left"),
    ("EXAM: Right AV fistula ultrasound\nFINDINGS: Calcification of the outflow vein.\n", "right"),
    (
        "EXAMINATION: Rest tremor of the right arm.\nASSESSMENT: Basal ganglia calcification.\n",
        "",
    ),
]


@pytest.mark.parametrize("text, side", ARM_VESSEL_STUDIES)
def test_a_one_sided_arm_vessel_study_gives_its_side(findings_of, text, side):
    assert [f.laterality for f in findings_of(text)] == [side]


# guide §2 step 5: a one-sided exam of a limb's part gives the side of what
# lies in it, the buttock and heel as much as the hip and foot.
LIMB_PART_EXAMS = [
    ("RIGHT GLUTEAL ULTRASOUND\nFindings: Calcific tendinopathy of the gluteus medius.", "tendon", "right"),
    ("EXAM: US LEFT BUTTOCK\nFindings: Calcific tendinopathy of the gluteus medius.", "tendon", "left"),
    ("XR LEFT HEEL 2 VIEWS\nFindings: Calcification of the plantar fascia.", "ligament", "left"),
    ("XR RIGHT THUMB\nFindings: Calcinosis in the soft tissues.", "soft tissue", "right"),
    # a two-sided exam still gives none
    ("XR PELVIS\nFindings: Calcific tendinopathy of the gluteus medius.", "tendon", ""),
]


@pytest.mark.parametrize(("text", "site", "side"), LIMB_PART_EXAMS)
def test_limb_part_exam_gives_the_side(findings_of, text, site, side):
    f = findings_of(text)[-1]
    assert (f.site, f.laterality) == (site, side)


# guide §2 step 2: a bare side phrase right after the mention ('on the
# right') places it on that side of a place its sentence gave both sides.
ONE_SIDE_OF_A_PAIR = [
    ("CT HEAD: Chronic subdural collections bilaterally with a thin calcified rim on the right.", "dura", "right"),
    ("US: Adrenal hemorrhages bilaterally with rim calcification on the left.", "adrenal gland", "left"),
    ("US: Enlarged kidneys bilaterally with punctate calcification on the right side.", "kidney", "right"),
    # a side phrase that joins another, or grades one side, leaves both
    ("US: Renal calcifications bilaterally on the right and left.", "kidney", "bilateral"),
    ("CT: Calcified pleural plaques bilaterally, larger on the left.", "pleura", "bilateral"),
    ("US: Bilateral renal calcifications on the left more than the right.", "kidney", "bilateral"),
]


@pytest.mark.parametrize(("text", "site", "side"), ONE_SIDE_OF_A_PAIR)
def test_side_phrase_after_the_mention_picks_one_of_both(findings_of, text, site, side):
    f = findings_of(text)[-1]
    assert (f.site, f.laterality) == (site, side)


# A label naming two organs ('KIDNEYS/URETERS:', 'Kidneys and ureters:') is
# the label of both (guide §2 step 4): a finding of the first organ under it
# takes the side the plural implies, also after a sentence naming both.
TWO_ORGAN_LABEL = [
    ("KIDNEYS/URETERS: No renal or ureteral calculi. No nephrocalcinosis.", "bilateral"),
    ("Kidneys and ureters: No ureteral calculi. No nephrocalcinosis.", "bilateral"),
    ("KIDNEYS/URETERS: No hydronephrosis. No renal calcification.", "bilateral"),
]


@pytest.mark.parametrize(("text", "side"), TWO_ORGAN_LABEL)
def test_two_organ_label_gives_the_plural_side(findings_of, text, side):
    (f,) = findings_of(text)
    assert (f.site, f.laterality) == ("kidney", side)
