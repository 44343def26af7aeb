"""Numbered parts of an organ ("segment 6" of the liver; mentions.json
sub_site_numbered): a finding placed only at one takes the site of the
finding its sentence places at another by the same noun (guide §2), and
two such parts are two lesions in whichever section (corpora/GUIDE.md,
Descriptors: lesion)."""

from __future__ import annotations


def test_a_part_named_alike_gives_the_organ(finding_named):
    text = (
        "IMPRESSION: Hepatic calcifications in segment 6 and a separate "
        "calcification in segment 2."
    )
    assert finding_named(text, "calcification").site == "liver"


def test_two_numbered_parts_are_two_lesions_in_the_impression(lesion_numbers):
    text = (
        "FINDINGS: Three echogenic foci in segment 7, in keeping with hepatic "
        "calcifications. Another calcification sits in segment 3.\n"
        "IMPRESSION: Hepatic calcifications in segment 7 and an additional "
        "calcification in segment 3."
    )
    assert lesion_numbers(text) == [1, 2, 1, 2]
