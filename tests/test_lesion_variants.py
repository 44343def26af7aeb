"""More lesion grouping cases (corpora/GUIDE.md, Descriptors: lesion), made
up to find the wordings the grouping rules miss: an anaphor naming another
sub-site, the same words at two places, a disease word naming its site
("calcific tendinitis"), a sub-site left unsaid where several are named."""

from __future__ import annotations

import pytest

CASES = [
    # an anaphor that names another sub-site is not the lesion before it
    (
        "FINDINGS: Calcified plaque in the LAD. The calcification in the RCA is dense.",
        [1, 2],
    ),
    ("FINDINGS: Calcified plaque in the LAD. The calcification is dense.", [1, 1]),
    (
        "FINDINGS: Calcified granuloma in the RUL. It is unchanged.",
        [1],
    ),
    (
        "FINDINGS: Aortic calcification. Coronary calcification. These "
        "calcifications are moderate.",
        [1, 2, 2],
    ),
]

# "calcific tendinitis" names its site, a tendon, no place within it: a
# later section naming the tendon restates it.
TENDINITIS = [
    (
        "FINDINGS: Cloudy calcification lateral to the left humeral head, in "
        "keeping with calcific tendinitis.\n"
        "IMPRESSION: Left calcific tendinitis of the supraspinatus.",
        [1, 1, 1],
    ),
    (
        "HISTORY: Right shoulder pain.\nFINDINGS: Calcific tendinitis.\n"
        "IMPRESSION: Calcific tendinitis of the right supraspinatus tendon.",
        [1, 1],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Calcific tendinitis, right shoulder.\n"
        "FINDINGS: A chalky calcium deposit was found in the supraspinatus "
        "tendon and removed.",
        [1, 1],
    ),
]

# A lesion of another section that left its sub-site unsaid is not known to
# be one of two sub-sites the next section names at its site (GUIDE: a
# finding that leaves the sub-site unsaid joins the one lesion that does not
# contradict it); one process over the site is the lesion where it shows.
UNSAID_OF_SEVERAL = [
    (
        "HISTORY: Known calcific tendinitis of the left shoulder.\n"
        "FINDINGS: A 9 mm calcification in the supraspinatus tendon. A 4 mm "
        "calcification in the infraspinatus tendon.",
        [1, 2, 3],
    ),
    # ... but a calcification named new is not the one the history knew
    (
        "HISTORY: Known calcific tendinitis of the left shoulder.\n"
        "FINDINGS: A 9 mm calcification in the supraspinatus tendon. A new 4 mm "
        "calcification in the infraspinatus tendon, not seen before.",
        [1, 1, 2],
    ),
    (
        "INDICATION: Follow-up of pulmonary calcification.\n"
        "FINDINGS: Calcific opacities in the right upper lobe, fainter than "
        "before. A calcified granuloma in the right lower lobe.",
        [1, 2, 3],
    ),
    (
        "INDICATION: Follow-up of metastatic pulmonary calcification.\n"
        "FINDINGS: Calcific opacities in the right upper lobe, fainter than "
        "before. A calcified granuloma in the right lower lobe.",
        [1, 1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", CASES)
def test_lesion_numbers(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", TENDINITIS)
def test_tendinitis_restated_where_its_tendon_is_named(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", UNSAID_OF_SEVERAL)
def test_unsaid_sub_site_not_joined_to_one_of_several(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An opening "the" and a lesion noun followed by a place at the site of the
# finding before it: the place named decides (GUIDE: upper vs lower lobe are
# different lesions), the same or no place still refers back.
THE_NOUN_AT_A_PLACE = [
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. The calcified "
        "granuloma in the right lower lobe is unchanged.",
        [1, 2],
    ),
    (
        "FINDINGS: Small calcified nodule at the left lung base. The calcified "
        "nodule at the left lung apex measures 4 mm.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. The calcified "
        "granuloma in the right upper lobe is unchanged.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. The calcified "
        "granuloma is unchanged.",
        [1, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", THE_NOUN_AT_A_PLACE)
def test_the_lesion_noun_at_another_place_is_another_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A node station word in the mention, before the lesion words, names the
# sub-site when the site words ("lymph nodes") leave it unsaid (GUIDE: right
# vs left hilar nodes are different lesions, and so are different sub-sites).
NODE_STATIONS = [
    (
        "IMPRESSION: Right hilar calcified lymph nodes and subcarinal "
        "calcified lymph nodes.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified left paratracheal lymph node. Calcified "
        "subcarinal lymph node.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified right hilar lymph node.\n"
        "IMPRESSION: Calcified hilar lymph node, old granulomatous disease.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified mediastinal and hilar lymph nodes.\n"
        "IMPRESSION: Calcified hilar lymph nodes.",
        [1, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", NODE_STATIONS)
def test_node_station_in_the_mention_names_the_sub_site(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A part named in other words nests in the place it is part of (GUIDE: the
# impression restating a finding shares its number though the two name the
# place in other words): the aortic arch or knob and the ascending aorta are
# the thoracic aorta's; the infrapopliteal arteries are the tibial arteries;
# a thyroid lobe's pole is the lobe's.
PARTS_IN_OTHER_WORDS = [
    (
        "FINDINGS: Calcified plaque in the right popliteal artery. Calcification "
        "of the right tibial arteries.\n"
        "IMPRESSION: Extensive calcification of the right infrapopliteal arteries.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified aortic knob.\n"
        "IMPRESSION: Thoracic aortic atherosclerotic calcification.",
        [1, 1],
    ),
    (
        "FINDINGS: Mural calcification of the aortic arch.\n"
        "IMPRESSION: Atherosclerotic calcification of the thoracic aorta.",
        [1, 1],
    ),
    # a thyroid lobe's pole is within the lobe; its two poles are two places
    (
        "FINDINGS: A calcified nodule in the left thyroid lobe.\n"
        "IMPRESSION: Calcified left lower pole thyroid nodule.",
        [1, 1],
    ),
    (
        "FINDINGS: Coarse calcification in the upper pole of the right thyroid "
        "lobe. Punctate calcification in the lower pole of the right thyroid lobe.",
        [1, 2],
    ),
    # the arch and the ascending aorta are two parts of the thoracic aorta
    (
        "FINDINGS: The ascending aorta is calcified.\nIMPRESSION: Calcified aortic arch.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", PARTS_IN_OTHER_WORDS)
def test_part_in_other_words_nests_in_its_place(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# "elsewhere" after a mention calls it another than the lesion named before
# it in its section (GUIDE: a mention its own words call another is not an
# earlier lesion), as "other" or "another" before it do.
ELSEWHERE = [
    (
        "FINDINGS: No calcified nodule in the right apex. No calcified "
        "nodules elsewhere.",
        [1, 2],
    ),
    (
        "FINDINGS: No calcified granuloma in the left upper lobe. No "
        "calcified lung nodules are seen elsewhere.",
        [1, 2],
    ),
    # the impression restating it with the same word shares its number
    (
        "FINDINGS: Calcified granuloma in the left upper lobe. Calcified "
        "granulomas are seen elsewhere in both lungs.\n"
        "IMPRESSION: Calcified granulomas elsewhere.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcified granuloma at the left base. Calcified "
        "granulomas are also present elsewhere in the lungs.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma at the left base. The calcified "
        "granuloma is unchanged.",
        [1, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), ELSEWHERE)
def test_elsewhere_after_the_mention_names_another_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A singular found on both sides names one on each side: the impression's
# plural of its lesion noun restates it (GUIDE: the impression restating a
# finding shares its number); one side only stays a single one the plural
# does not restate.
BOTH_SIDES_PLURAL = [
    (
        "FINDINGS: Calcified granuloma in the RML and LUL.\n"
        "IMPRESSION: Calcified granulomas, unchanged.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified nodule in the right middle lobe and left upper "
        "lobe.\nIMPRESSION: Calcified nodules.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right middle lobe.\n"
        "IMPRESSION: Calcified granulomas, unchanged.",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), BOTH_SIDES_PLURAL)
def test_plural_restates_a_singular_found_on_both_sides(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An impression naming one joint restates the lesion at that joint, not the
# first of several at the joint's tissues (GUIDE: same site, side and
# sub-site; the impression restating a finding shares its number).
JOINT_NAMED_IN_RESTATEMENT = [
    (
        "FINDINGS: LEFT ELBOW: A lobulated periarticular calcification medial to "
        "the joint, 3 cm. LEFT KNEE: Periarticular calcification about the "
        "lateral joint line, 2 cm.\nIMPRESSION: Tumoral calcinosis of the left knee.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: LEFT ELBOW: A lobulated periarticular calcification medial to "
        "the joint, 3 cm. LEFT KNEE: Periarticular calcification about the "
        "lateral joint line, 2 cm.\nIMPRESSION: Tumoral calcinosis of the left elbow.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Periarticular calcification about the right shoulder. "
        "Periarticular calcification about the right hip.\nIMPRESSION: "
        "Periarticular calcification of the right hip, likely tumoral calcinosis.",
        [1, 2, 2, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", JOINT_NAMED_IN_RESTATEMENT)
def test_restatement_joins_the_lesion_at_the_joint_it_names(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A mention holding its artery's name ("posterior tibial artery
# calcification", site words only "artery") names that artery as its
# sub-site: another artery's lesion before it is another lesion, the same
# artery named again is the same one (GUIDE: different sub-sites are
# different lesions).
ARTERY_NAMED_IN_MENTION = [
    (
        "FINDINGS: Dense calcification of the left superficial femoral artery. "
        "Posterior tibial artery calcification on the left.",
        [1, 2],
    ),
    (
        "FINDINGS: Popliteal artery calcification on the left. Mild calcification "
        "of the left posterior tibial artery.\nIMPRESSION: Posterior tibial "
        "artery calcification, left.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Calcification of the right posterior tibial artery.\n"
        "IMPRESSION: Posterior tibial artery calcification on the right.",
        [1, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", ARTERY_NAMED_IN_MENTION)
def test_artery_named_in_the_mention_is_its_sub_site(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An impression finding whose site its sentence takes from the sentence
# before, which names the other side, while its own words give its side
# ("... in the right breast. Stable calcifications on the left."): it is no
# restatement of the lesion on that other side (GUIDE: different sides are
# different lesions), but of the one lesion of the findings its words name
# without a site on its own side, else a lesion of its own.
SITE_OF_THE_OTHER_SIDE = [
    (
        "FINDINGS: Suture calcifications at the left lumpectomy site. Grouped "
        "calcifications in the right breast at 8 o'clock.\n"
        "IMPRESSION: New grouped calcifications in the right breast. Stable "
        "calcifications on the left.",
        [1, 2, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\n"
        "IMPRESSION: Calcified granuloma in the right upper lobe. Calcified "
        "granuloma on the left.",
        [1, 1, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the right common femoral artery. "
        "Calcified plaque at the left groin.\n"
        "IMPRESSION: Calcified plaque in the right common femoral artery. "
        "Calcified plaque on the left as well.",
        [1, 2, 1, 2],
    ),
    # both sides named at the site in the findings: each restated
    (
        "FINDINGS: Calcified granuloma in the right lower lobe. Calcified "
        "granuloma in the left lower lobe.\n"
        "IMPRESSION: Calcified granuloma in the right lower lobe. Calcified "
        "granuloma on the left.",
        [1, 2, 1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", SITE_OF_THE_OTHER_SIDE)
def test_site_from_the_sentence_before_on_the_other_side(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An opening "the" and a mention whose own words name a place at the site of
# the finding before it that the finding before it does not name ("The
# infraspinatus calcification" after the supraspinatus deposit; "The internal
# carotid calcification" after the carotid bulb's plaque) names that place: no
# anaphor, another lesion (GUIDE: lesion). The same place, or a tissue in the
# joint the one before lies about, still refers back.
THE_PLACE_IN_THE_MENTION = [
    (
        "FINDINGS: The left supraspinatus calcific deposit measures 8 mm. The "
        "infraspinatus calcification measures 5 mm.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcific deposit in the supraspinatus tendon. The "
        "infraspinatus calcification is new.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified plaque in the left carotid bulb. The internal "
        "carotid calcification is mild.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcific deposit in the supraspinatus tendon. The "
        "supraspinatus calcification measures 6 mm.",
        [1, 1],
    ),
    ("FINDINGS: Calcified plaque in the LAD. The LAD calcification is dense.", [1, 1]),
    (
        "FINDINGS: Heterotopic ossification about the left hip. The gluteal "
        "calcification is mature.",
        [1, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", THE_PLACE_IN_THE_MENTION)
def test_the_place_in_the_mention_is_another_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# GUIDE: an impression phrase that sums up several lesions of the findings
# is a lesion of its own. Places joined ahead of a mention that names none
# ("head and tail calcifications") are the phrase's own, unless a restating
# link after the mention names what they are, one process ("caudate and
# dentate calcifications, compatible with hypoparathyroidism"), whose
# phrase restates the first place's lesion (`lesion_process_words`).
PLACES_JOINED_AHEAD = [
    (
        "FINDINGS: Coarse calcifications in the pancreatic head. Another "
        "calcification in the tail.\nIMPRESSION: Pancreatic head and tail "
        "calcifications.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcification of the ascending aorta. Calcification of the "
        "aortic arch.\nIMPRESSION: Ascending aorta and arch calcifications.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Coarse calcification of the caudate heads. Faint calcification "
        "of the dentate nuclei.\nIMPRESSION: Caudate and dentate calcifications, "
        "compatible with hypoparathyroidism.",
        [1, 2, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", PLACES_JOINED_AHEAD)
def test_places_joined_ahead_of_the_mention_sum_up(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# GUIDE: a coronary vessel's calcification and the whole-tree score are
# different lesions; the guide names the order "the score, then the
# vessel". After a vessel's plaque the score still joins that plaque (dev
# gold splits 1:1 on this order, so it is left open: a known gap).
@pytest.mark.xfail(strict=True, reason="tree score after a vessel's plaque: known gap")
def test_tree_score_after_a_vessel_is_its_own_lesion(lesion_numbers):
    text = (
        "FINDINGS: Dense calcified plaque along the proximal LAD. Total "
        "Agatston score 310.\nIMPRESSION: Coronary calcium score of 310."
    )
    assert lesion_numbers(text) == [1, 2, 2]


# GUIDE lesion: a sized thing a sentence introduces right after the lesion's
# sentence is a second thing at the place ('A 6 mm mobile echodensity'); one
# that other sentences part from the lesion's last mention, in an organ-by-
# organ report, is the lesion named again with its size.
SIZED_AFTER_OTHER_SENTENCES = [
    (
        "FINDINGS: Prior films showed a calcified granuloma in the left upper "
        "lobe. The heart is normal in size. No effusion.\n"
        "A 6 mm calcified granuloma in the left upper lobe.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the left upper lobe. Heart normal. "
        "Right lung clear. A 6 mm calcified granuloma in the left upper lobe.",
        [1, 1],
    ),
    # guard: right after the lesion's sentence, a second thing
    (
        "Moderate posterior mitral annular calcification. A 6 mm mobile "
        "echodensity on the atrial side of the annulus, vegetation versus "
        "calcified debris.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", SIZED_AFTER_OTHER_SENTENCES)
def test_sized_thing_after_other_sentences_restates_the_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An abdomen CT's node stations ('retroperitoneal', 'periportal',
# 'portocaval') name the nodes' sub-site as 'mesenteric' does: two stations in
# the findings are two lesions, and the impression joining them before one
# noun sums them up, a lesion of its own (corpora/GUIDE.md lesion).
STATIONS_JOINED = [
    (
        "LYMPH NODES: Calcified retroperitoneal lymph nodes. Calcified mesenteric lymph nodes.\n"
        "IMPRESSION: Calcified retroperitoneal and mesenteric lymph nodes, likely healed granulomatous disease.",
        [1, 2, 3],
    ),
    (
        "LYMPH NODES: Calcified mesenteric lymph node. Calcified periportal lymph nodes.\n"
        "IMPRESSION: Calcified mesenteric and periportal lymph nodes.",
        [1, 2, 3],
    ),
    # guard: the impression naming one station restates it
    (
        "LYMPH NODES: Calcified retroperitoneal lymph nodes. Calcified mesenteric lymph nodes.\n"
        "IMPRESSION: Calcified retroperitoneal lymph nodes.",
        [1, 2, 1],
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATIONS_JOINED)
def test_abdominal_node_stations_joined(lesion_numbers, text, expected):
    assert lesion_numbers(text) == expected
