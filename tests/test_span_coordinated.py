"""Spans around an 'and' (guide §1, corpora/GUIDE.md: the span is the
calcification phrase with its anatomic and type words before it)."""

from __future__ import annotations

import pytest

# an 'and' after another mention joins two findings: the second span does
# not run back over the conjunction
AFTER_A_MENTION = [
    (
        "IMPRESSION: 2. MAC and aortic valve calcification, to follow.",
        ["MAC", "aortic valve calcification"],
    ),
    (
        "Mild MAC and mitral valve calcification without stenosis.",
        ["MAC", "mitral valve calcification"],
    ),
]


@pytest.mark.parametrize("text, mentions", AFTER_A_MENTION)
def test_span_does_not_run_back_over_an_and_after_a_mention(
    findings_of, text, mentions
):
    assert [f.mention for f in findings_of(text)] == mentions


# two places joined by 'and' before one noun: both are the mention's place
# words, a vessel's or valve's head noun ending the first as much
SHARED_NOUN = [
    (
        "3. Right carotid bulb and proximal ICA calcified plaque, mild.",
        ["Right carotid bulb and proximal ICA calcified plaque"],
    ),
    (
        "Aortic arch and descending aorta calcification is moderate.",
        ["Aortic arch and descending aorta calcification"],
    ),
    # a structure's name opening a comma list of places, no calcified word
    # leading it, shares the noun; the first place is the site
    (
        "Benign tentorium, pineal and choroid plexus calcifications.",
        ["tentorium, pineal and choroid plexus calcifications"],
    ),
    # a plaque ending the first item is a finding of its own
    ("No pleural plaques or pleural calcification.", ["pleural calcification"]),
    # a type word after the 'and' shares no place
    (
        "Thoracic aorta and atherosclerotic calcification, stable.",
        ["atherosclerotic calcification"],
    ),
]


@pytest.mark.parametrize("text, mentions", SHARED_NOUN)
def test_places_joined_before_one_noun_stay_in_the_span(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions


# a named artery's adjective is an anatomic word of the span
@pytest.mark.parametrize(
    "text, mentions",
    [
        (
            "Scattered arcuate artery calcifications along the outer myometrium.",
            ["arcuate artery calcifications"],
        ),
    ],
)
def test_named_artery_words_stay_in_the_span(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions
