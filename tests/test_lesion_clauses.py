"""Lesion grouping where one sentence names two places, each with its own
calcification (corpora/GUIDE.md, Descriptors: lesion): two vessels, two
valves, a valve's annulus and another valve's cusps are two lesions, and a
later section naming one of them restates that one only."""

from __future__ import annotations

import pytest

# A predicate ("is calcified") is said of its subject; a site after an "and"
# opening the next clause is that clause's subject (guide §2: the phrase of
# its own clause), not the predicate's place.
TWO_CLAUSES = [
    (
        "FINDINGS: The left main is severely calcified, and the RCA shows "
        "moderate calcification.\nIMPRESSION: Severe left main calcification. "
        "Moderate RCA calcification.",
        [1, 2, 1, 2],
        ["left main", "RCA", "left main", "RCA"],
    ),
    (
        "FINDINGS: The LAD is densely calcified but the circumflex has only "
        "mild calcification.",
        [1, 2],
        ["LAD", "circumflex"],
    ),
    (
        "FINDINGS: The mitral annulus is calcified and the aortic cusps are "
        "thickened with calcification.",
        [1, 2],
        ["mitral annulus", "aortic cusps"],
    ),
    (
        "FINDINGS: The LAD is heavily calcified, while the RCA has mild calcification.",
        [1, 2],
        ["LAD", "RCA"],
    ),
]


@pytest.mark.parametrize("text, lesions, places", TWO_CLAUSES)
def test_a_predicate_keeps_its_subject_before_a_next_clause(
    findings_of, lesion_numbers, text, lesions, places
):
    assert [f.site_text for f in findings_of(text)] == places
    assert lesion_numbers(text) == lesions


# GUIDE: a diagnosis naming a valve's calcification by its disease
# ("calcific aortic stenosis") leaves the sub-site unsaid: the leaflets or
# cusps restate it, the annulus does not, in whichever order they come.
VALVE_DISEASE = [
    (
        "FINDINGS: Heavy calcification of the aortic valve leaflets. A separate "
        "ring of calcification in the aortic annulus.\nIMPRESSION: Severe "
        "calcific aortic stenosis. Calcified aortic annulus.",
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: Calcification in the aortic annulus. Heavy calcification of "
        "the aortic cusps.\nIMPRESSION: Severe calcific aortic stenosis.",
        [1, 2, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", VALVE_DISEASE)
def test_a_valve_disease_restates_the_leaflets_not_the_annulus(
    lesion_numbers, text, lesions
):
    assert lesion_numbers(text) == lesions


# GUIDE: "The mitral valve was calcified, and the annulus was heavily
# calcified." names two; so does the aortic valve's annulus, which keeps its
# own words though the valve named before gives its site, in one sentence or
# two, and after a disease diagnosis the leaflets restate.
ANNULUS_APART = [
    (
        "FINDINGS: The aortic valve is heavily calcified, and the annulus is "
        "also calcified.",
        [1, 2],
        ["aortic valve", "annulus"],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Calcific aortic stenosis.\nFINDINGS: The "
        "aortic valve leaflets were heavily calcified. The annulus was also "
        "calcified.",
        [1, 1, 2],
        ["aortic stenosis", "aortic valve leaflets", "annulus"],
    ),
]


@pytest.mark.parametrize("text, lesions, places", ANNULUS_APART)
def test_the_annulus_after_its_valve_is_another_lesion(
    findings_of, lesion_numbers, text, lesions, places
):
    found = findings_of(text)
    assert [f.site_text for f in found] == places
    assert {f.site for f in found} == {"aortic valve"}
    assert lesion_numbers(text) == lesions
