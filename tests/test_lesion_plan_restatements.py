"""Spans, lesions and sides of made-up clinical notes whose assessment or
plan restates a finding in other words (corpora/GUIDE.md, Descriptors:
lesion; guide §1 spans). The expected values were decided from the guide
before the pipeline was run."""

from __future__ import annotations

import pytest

# guide §1: the span runs to the head noun; a word naming only the disease
# of the places joined after 'and' is another finding
JOINED_DISEASE = [
    (
        "ASSESSMENT: Rest pain of the left foot from a calcified left SFA and "
        "peroneal disease.",
        ["calcified left SFA"],
    ),
    (
        "IMPRESSION: Claudication from a calcified popliteal occlusion or tibial "
        "disease.",
        ["calcified popliteal occlusion"],
    ),
    # places joined before one lesion noun stay one span
    (
        "IMPRESSION: Calcified subcarinal and left hilar lymph nodes.",
        ["Calcified subcarinal and left hilar lymph nodes"],
    ),
]


@pytest.mark.parametrize(("text", "mentions"), JOINED_DISEASE)
def test_joined_disease_word_ends_the_phrase(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions
