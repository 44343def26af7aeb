"""Probe of medical correspondence (consultation, follow-up, results,
second-opinion and discharge letters, letters of medical necessity): errors
found on made-up letters of that kind, one class per table."""

from __future__ import annotations

import pytest

# --- a letter's inverted condition 'Should the calcinosis become painful,
# ...' sets a condition on a finding the letter has named, as 'if the
# calcinosis becomes painful' does (guide §2 hypothetical: raised as a
# possibility to look for, not observed; 'should calcification develop' is)

SHOULD_THE_FINDING = [
    (
        "Plain films confirm calcinosis about both elbows. Should the "
        "calcinosis become painful, surgical excision could be considered.",
        "calcinosis",
        False,
    ),
    (
        "Calcinosis of the right hand. Should the calcification increase in "
        "size, I would be happy to see her again.",
        "calcification",
        False,
    ),
    (
        "Calcified granuloma in the right upper lobe. Should this "
        "calcification enlarge, please refer her back.",
        "calcification",
        False,
    ),
    (
        "Calcinosis cutis of the right hand. Should her calcinosis become "
        "infected, she will need antibiotics.",
        "calcinosis",
        False,
    ),
    # guards: a condition on the finding's presence still asks about it
    ("Should calcification develop, obtain a CT.", "calcification", True),
    (
        "Should any calcifications develop, please repeat the mammogram.",
        "calcifications",
        True,
    ),
    (
        "Should new calcifications appear, a biopsy may be needed.",
        "calcifications",
        True,
    ),
    ("Should there be calcification, we will treat.", "calcification", True),
]


@pytest.mark.parametrize(("text", "word", "hypothetical"), SHOULD_THE_FINDING)
def test_should_the_finding_is_known(findings_of, text, word, hypothetical):
    found = [f for f in findings_of(text) if f.mention.lower() == word]
    assert found, [f.mention for f in findings_of(text)]
    assert found[-1].hypothetical is hypothetical


def test_should_the_finding_is_one_lesion(lesion_numbers):
    text = (
        "Plain films confirm calcinosis about both elbows. Should the "
        "calcinosis become painful, surgical excision could be considered."
    )
    assert lesion_numbers(text) == [1, 1]


def test_should_the_finding_change_is_supposed(finding_with):
    text = (
        "Calcinosis of the right hand. Should the calcification increase in "
        "size, I would be happy to see her again."
    )
    assert finding_with(text, "calcification").change == ""


# --- a word that only shares a joint's first letters names no joint
# ('should' is no 'shoulder'); two sentences naming different joints still
# name different lesions (GUIDE: lesion, sub-sites that differ part them)

JOINT_WORDS = [
    (
        "Calcific tendinitis about the left hip. Should the calcific "
        "tendinitis persist, barbotage is an option.",
        [1, 1],
    ),
    ("Calcinosis about the left elbow. Should the calcinosis grow, we will excise it.", [1, 1]),
    # guards
    (
        "Periarticular calcification at the left shoulder. Periarticular "
        "calcification at the left hip.",
        [1, 2],
    ),
    (
        "Calcinosis about both elbows. The calcinosis about the elbows is "
        "unchanged.",
        [1, 1],
    ),
    (
        "Calcific tendinitis of the right shoulder. Calcific tendinitis of "
        "the right shoulder is noted again.",
        [1, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), JOINT_WORDS)
def test_should_names_no_shoulder(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions

