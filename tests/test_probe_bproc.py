"""Breast procedure and pathology-correlation reports (probe bproc): the
flags, sites, sides and lesions of calcifications in stereotactic biopsy,
localisation, post-biopsy and specimen reports (guide §2 flag table and
"Site and side from context"; corpora/GUIDE.md "What each finding carries").

Every report here is fictional and written for this file. The expected
values are read from the guides, not from the program.
"""

from __future__ import annotations

import pytest

FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family", "physiologic")


def flags_of(f) -> set[str]:
    return {name for name in FLAGS if getattr(f, name)}


# Calcifications a biopsy or an excision took out are gone now: historical
# (guide §2: "status post removal"; corpora/GUIDE.md: "s/p excision of").
REMOVED_BY_A_PROCEDURE = [
    "Post-biopsy mammogram: The calcifications were removed by the biopsy. Clip in place.",
    "Left breast post-biopsy views: the targeted calcifications were completely removed at stereotactic biopsy.",
    "Right breast: All of the calcifications were removed with the vacuum-assisted biopsy.",
    "Left breast: Calcifications removed at biopsy. Clip at 2 o'clock.",
    "Left breast: Calcifications were excised at lumpectomy.",
    "RIGHT BREAST: THE CALCIFICATIONS WERE ENTIRELY REMOVED DURING THE STEREOTACTIC BIOPSY.",
    "Left breast: Post-procedure mammogram shows complete removal of the targeted calcifications.",
    "Right breast: Interval removal of the calcifications at 9 o'clock.",
]

# Partial removal leaves calcification behind; a removal still to come or
# denied is no removal; an undated removal in an operative note is today's.
NOT_REMOVED = [
    ("Right breast: The calcifications were partially removed at biopsy.", set()),
    ("Right breast: The calcifications have been partially removed.", set()),
    ("Right breast: The calcifications were incompletely removed by the biopsy.", set()),
    ("Left breast: The calcifications were not removed at biopsy.", set()),
    ("Left breast: Near-complete removal of the calcifications, a few remain.", set()),
    ("OPERATIVE NOTE: The calcified plaque was removed in one piece.", set()),
    ("Right breast: The calcifications have been completely removed.", {"historical"}),
]


@pytest.mark.parametrize("text", REMOVED_BY_A_PROCEDURE)
def test_calcifications_removed_by_a_procedure_are_historical(finding_of, text):
    found = finding_of(text, None)
    assert flags_of(found) == {"historical"}, text


@pytest.mark.parametrize(("text", "flags"), NOT_REMOVED)
def test_calcifications_left_behind_are_present(finding_of, text, flags):
    assert flags_of(finding_of(text, None)) == flags, text


# A removal still to come is no removal, and another lesion's removal does
# not reach the calcification its clause names.
REMOVAL_OF_ANOTHER_OR_TO_COME = [
    "Left breast: Surgical excision is recommended for complete removal of the calcifications.",
    "Left breast: Vacuum-assisted biopsy to ensure complete removal of the calcifications.",
    "Right breast: Coarse calcifications are stable; the fibroadenoma was excised at lumpectomy.",
    "Right breast: Amorphous calcifications at 10 o'clock. The adjacent mass was removed at biopsy.",
]


@pytest.mark.parametrize("text", REMOVAL_OF_ANOTHER_OR_TO_COME)
def test_a_removal_to_come_or_of_another_lesion_is_not_historical(finding_of, text):
    assert not finding_of(text, None).historical, text


# A procedure section that names the guidance ('under mammographic
# guidance') but no side leaves the side to the one-sided title above it
# (guide §2 step 5: a one-sided study gives the side).
TITLE_SIDE_OVER_A_PROCEDURE = [
    ("WIRE LOCALIZATION, LEFT BREAST\nHistory: DCIS.\nProcedure: Under mammographic guidance, "
     "a hookwire was placed through the clip and the associated calcifications at 1 o'clock.", "left"),
    ("SEED LOCALIZATION RIGHT BREAST\nPROCEDURE: Under mammographic guidance a seed was placed "
     "at the calcifications.", "right"),
    ("STEREOTACTIC BIOPSY, LEFT BREAST\nPROCEDURE: The breast was positioned CC and the "
     "amorphous calcifications were targeted.", "left"),
    # guards: a title of both breasts, or one naming an operation, gives none
    ("BILATERAL MAMMOGRAM\nProcedure: Under mammographic guidance the calcifications were "
     "targeted.", ""),
    ("LEFT BREAST LUMPECTOMY\nPROCEDURE: Under mammographic guidance, the calcifications "
     "were localized.", ""),
    # the section's own side still decides
    ("STEREOTACTIC BIOPSY, LEFT BREAST\nProcedure: Under mammographic guidance of the right "
     "breast the calcifications were targeted.", "right"),
]


@pytest.mark.parametrize(("text", "side"), TITLE_SIDE_OVER_A_PROCEDURE)
def test_the_title_side_over_a_procedure_section(finding_of, text, side):
    assert finding_of(text, "calcifications").laterality == side, text


# 'both' standing for two targets, sites or cores named before is no side
# (sites.json T-bilateral-both): on a left-breast study they are the left's.
BOTH_OF_TWO_TARGETS = [
    ("LEFT BREAST STEREOTACTIC BIOPSY\nFINDINGS: Calcifications at 2 o'clock and 4 o'clock were "
     "targeted. Specimen radiographs confirm calcifications from both sites.", "left"),
    ("MAMMOGRAM RIGHT BREAST, POST BIOPSY\nClips at both targets. Residual calcifications "
     "adjacent to both clips.", "right"),
    ("LEFT BREAST STEREOTACTIC BIOPSY\nCalcifications present in both groups of cores.", "left"),
    # guards: both breasts, both sides are two sides
    ("Post-biopsy mammogram: residual calcifications in both breasts.", "bilateral"),
    ("Scattered calcifications on both sides.", "bilateral"),
]


@pytest.mark.parametrize(("text", "side"), BOTH_OF_TWO_TARGETS)
def test_both_of_two_targets_is_no_side(findings_of, text, side):
    assert findings_of(text)[-1].laterality == side, text


# A template's location line ('Site:', 'Location:') names the site of the
# key-value lines under it as well as their side (guide §2 step 4: a label
# line above the finding).
LOCATION_LINE_ROWS = [
    ("RAD-PATH CORRELATION\nSite: Left breast 10:00, 6 cm FN\nImaging finding: grouped coarse "
     "heterogeneous calcifications, 8 mm\nConcordance: concordant benign", ("breast", "left")),
    ("BIOPSY RESULT\nLocation: Right breast, 2 o'clock\nTarget: amorphous calcifications\n"
     "Result: benign", ("breast", "right")),
    ("Location: left breast 12:00, posterior depth\nMorphology: fine pleomorphic calcifications\n"
     "Assessment: BI-RADS 4B", ("breast", "left")),
    ("Site: Right breast 9:00\nGuidance: stereotactic\nNeedle: 9 gauge, 12 cores\n"
     "Specimen radiograph: calcifications present", ("breast", "right")),
    # guard: a location line above a blank line, and one naming no site
    ("Location: left breast 12:00\n\nMorphology: fine pleomorphic calcifications", ("", "")),
    ("Location: 12:00, posterior depth\nMorphology: fine pleomorphic calcifications", ("", "")),
]


@pytest.mark.parametrize(("text", "where"), LOCATION_LINE_ROWS)
def test_a_location_line_gives_the_rows_under_it_their_site(finding_of, text, where):
    found = finding_of(text, "calcifications")
    assert (found.site, found.laterality) == where, text


# An ordinal or 'additional' that counts the image, the view or the pass
# before a verb ('the second specimen radiograph shows calcifications') does
# not call the calcification another: it restates the targeted lesion
# (corpora/GUIDE.md, lesion: a mention its own words call another).
_TARGETED = ("STEREOTACTIC BIOPSY RIGHT BREAST\nAmorphous calcifications in the right breast "
             "12 o'clock posterior depth were targeted. Seven cores obtained. ")
ORDINAL_OF_THE_IMAGE = [
    (_TARGETED + "The second specimen radiograph shows calcifications in 2 cores.", True),
    (_TARGETED + "Additional magnification views demonstrate the calcifications.", True),
    (_TARGETED + "A repeat specimen radiograph of the third pass confirmed calcifications.", True),
    # guards: the ordinal on the calcification itself
    (_TARGETED + "A second group of calcifications is seen at 3 o'clock.", False),
    (_TARGETED + "The mammogram shows a second group of calcifications.", False),
    (_TARGETED + "There are other calcifications in the right breast.", False),
]


@pytest.mark.parametrize(("text", "same"), ORDINAL_OF_THE_IMAGE)
def test_an_ordinal_of_the_image_calls_no_calcification_another(findings_of, text, same):
    found = findings_of(text)
    assert (found[-1].lesion_id == found[0].lesion_id) is same, text


# A question ('to evaluate for', 'rule out') is answered where a colon after
# what it asks about opens a sentence with a capital: the finding after it is
# seen (guide §2, hypothetical: raised as a possibility, not observed).
ANSWER_AFTER_A_COLON = [
    ("Post-lumpectomy mammogram of the left breast to evaluate for residual microcalcifications: "
     "There are 3 residual fine pleomorphic calcifications at the lumpectomy site.", False),
    ("Magnification views to rule out residual calcifications: The lumpectomy bed shows "
     "coarse dystrophic calcifications.", False),
    ("Spot compression to assess for calcifications in the right breast: These calcifications "
     "are punctate and grouped.", False),
    # guards: the colon right after the trigger asks on; no colon, no answer
    ("Indication: Evaluate for: calcifications.", True),
    ("Magnification views to evaluate for residual calcifications after lumpectomy.", True),
]


@pytest.mark.parametrize(("text", "asked"), ANSWER_AFTER_A_COLON)
def test_a_question_answered_after_a_colon(findings_of, text, asked):
    assert findings_of(text)[-1].hypothetical is asked, text


# How near the calcifications come to a margin, a clip or a scar is a
# distance, not their size (corpora/GUIDE.md, Descriptors, size_mm).
WITHIN_A_DISTANCE = [
    ("Left breast: Calcifications extend to within 1 mm of the medial margin.", None),
    ("Specimen radiograph: the calcifications extend to within 2 mm of the superior margin.", None),
    ("Right breast: The targeted calcifications are within 5 mm of the clip.", None),
    # guards: a size beside the distance is still the size
    ("Left breast: 4 mm calcifications within 5 mm of the clip.", 4.0),
    ("Right breast: calcifications within 3 mm of the lumpectomy scar measure 6 mm.", 6.0),
]


@pytest.mark.parametrize(("text", "size"), WITHIN_A_DISTANCE)
def test_within_a_distance_is_no_size(finding_of, text, size):
    assert finding_of(text, None).size_mm == size, text


# A subject placed by clock position and side before its removal verb is
# still the one removed (guide §2, historical: 'status post removal').
REMOVED_PAST_ITS_PLACE = [
    ("The previously seen calcifications at 8 o'clock in the right breast have been completely "
     "removed by the vacuum-assisted biopsy.", True),
    ("The amorphous calcifications at 2 o'clock in the left breast were removed at stereotactic "
     "biopsy.", True),
    # guards: another thing's removal after 'and'
    ("Left breast: Coarse calcifications are stable and the biopsy marker clip has been removed.", False),
    ("Left breast: Coarse calcifications are stable and the fibroadenoma was excised at biopsy.", False),
]


@pytest.mark.parametrize(("text", "gone"), REMOVED_PAST_ITS_PLACE)
def test_removed_past_its_place(finding_of, text, gone):
    assert finding_of(text, None).historical is gone, text


# A clock position written as a line's label ('3:00: Punctate calcifications
# ...') places that line's calcifications: one breast's calcifications at
# two clock positions are two lesions, and a later mention at one of them
# restates that one (corpora/GUIDE.md, lesion).
_TWO_CLOCKS = (
    "LEFT BREAST, 1:00 AND 3:00, STEREOTACTIC BIOPSIES\n"
    "1:00: Amorphous calcifications targeted; coil clip.\n"
    "3:00: Punctate calcifications targeted; ribbon clip.\n"
    "Post-procedure mammogram: coil clip at the 1:00 biopsy site; ribbon clip 4 mm from the "
    "3:00 calcifications."
)


def test_clock_labels_part_the_lesions(findings_of):
    first, second, third = findings_of(_TWO_CLOCKS)
    assert first.lesion_id != second.lesion_id
    assert third.lesion_id == second.lesion_id


@pytest.mark.parametrize(
    "text",
    [
        # guards: a time of day is no clock position
        "Left breast: calcifications. Procedure started at 10:00:35 and ended at 10:40.",
        "Right breast: calcifications targeted at 9:00 am, specimen radiograph at 9:30.",
    ],
)
def test_a_time_is_no_clock_position(findings_of, text):
    assert len({f.lesion_id for f in findings_of(text)}) == 1, text
