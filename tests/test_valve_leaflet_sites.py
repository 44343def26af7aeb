"""A valve's leaflet named with its valve (guide §2: where two sites fit,
the narrower): the word that says which leaflet ('septal', descriptors.json
`lesion_part_words`) names no place of its own there, though it names the
septum elsewhere."""

from __future__ import annotations

import pytest

LEAFLETS = [
    (
        "FINDINGS: A small calcific focus on the septal tricuspid leaflet.",
        "calcific focus",
    ),
    ("FINDINGS: Calcification of the septal tricuspid leaflet.", "Calcification"),
    (
        "FINDINGS: Calcification of the septal leaflet of the tricuspid valve.",
        "Calcification",
    ),
]


@pytest.mark.parametrize("text, mention", LEAFLETS)
def test_a_leaflet_named_with_its_valve_is_the_valve(finding_named, text, mention):
    found = finding_named(text, mention)
    assert (found.site, found.classification) == ("heart valve", "dystrophic")


def test_the_septum_without_a_leaflet_stays_the_myocardium(finding_named):
    found = finding_named(
        "FINDINGS: Calcification in the septal wall.", "Calcification"
    )
    assert found.site == "myocardium"


# the septal focus no longer stands between the myocardium's two findings
def test_the_myocardium_restated_past_a_leaflet_focus(lesion_numbers):
    text = (
        "FINDINGS: Echodensity within the basal septum consistent with myocardial "
        "calcification. A calcific focus on the septal tricuspid leaflet.\n"
        "IMPRESSION: Myocardial calcification of the basal septum. Calcific focus "
        "on the tricuspid valve."
    )
    assert lesion_numbers(text) == [1, 2, 1, 2]


# A bare 'calcified' that ', and' adds to the predicate of a subject before
# it is said of that subject (guide §2 step 2: the phrase of its own clause),
# not of the place the sentence before named; so the leaflet after the
# annulus is another lesion (corpora/GUIDE.md lesion: a valve's annulus vs
# its leaflets).
PREDICATES_JOINED = [
    (
        "FINDINGS: The posterior mitral annulus was heavily calcified. "
        "The anterior leaflet was thickened, and calcified along its tip.",
        ("mitral annulus", "mitral valve"),
        [1, 2],
    ),
    (
        "FINDINGS: The aortic arch was calcified. "
        "The right renal artery was narrowed, and densely calcified at its origin.",
        ("aorta", "artery"),
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, sites, lesions", PREDICATES_JOINED)
def test_a_predicate_after_comma_and_is_said_of_its_subject(
    findings_of, lesion_numbers, text, sites, lesions
):
    assert tuple(f.site for f in findings_of(text)) == sites
    assert lesion_numbers(text) == lesions


# The cusp a mention's own words name tells it from the cusp of the mention
# before it in the sentence ("... calcified noncoronary cusp and a moderately
# calcified left coronary cusp": the left), so it restates the findings' left
# cusp (GUIDE.md lesion: the leaflets or cusps of one valve are told apart by
# their own words).
def test_the_cusp_of_the_mentions_own_words(lesion_numbers):
    text = (
        "FINDINGS:\nAORTIC VALVE: The noncoronary cusp is heavily calcified. The "
        "left coronary cusp is mildly calcified.\nCONCLUSIONS:\n1. Aortic stenosis "
        "with a heavily calcified noncoronary cusp and a mildly calcified left "
        "coronary cusp."
    )
    assert lesion_numbers(text) == [1, 2, 1, 2]


# 'heart valve' and 'cardiac valve' in the singular name the vocabulary's
# heart valve (a valve not named), as their plurals do, not the valve a
# sentence before names (guide §2 site vocabulary: heart valve, 'valves'
# unspecified).
@pytest.mark.parametrize(
    "text",
    [
        "CT reported a calcified aortic valve. Her mother had a calcified heart valve replaced.",
        "Calcified mitral annulus. His brother had a calcified cardiac valve.",
    ],
)
def test_a_heart_valve_not_named_is_the_vocabularys(finding_named, text):
    mention = "calcified heart valve" if "heart" in text else "calcified cardiac valve"
    assert finding_named(text, mention).site == "heart valve"
