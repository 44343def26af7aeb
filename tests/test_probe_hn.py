"""Spine, sinus, orbit, temporal bone and dental reports: probe round hn."""

from __future__ import annotations

import pytest

# The head and neck's stones are not findings (guide §1: stones of any
# kind), by whatever name: a maxillary sinus stone is an antrolith, a
# salivary one a ptyalith too, and the '-lithiasis' forms name them as well.
HEAD_NECK_STONES = [
    "Sinus CT: Calcification in the right maxillary sinus, likely an antrolith.",
    "CT SINUSES: Antrolith within the left maxillary sinus.",
    "CT: Partially calcified antroliths in the left maxillary antrum.",
    "CT face: Calcification in the left nasal cavity, compatible with rhinolithiasis.",
    "CT neck: 3 mm calcification in Wharton duct, consistent with a ptyalith.",
    "CT orbits: Calcification in the right lacrimal sac, likely dacryolithiasis.",
]


@pytest.mark.parametrize("text", HEAD_NECK_STONES)
def test_head_and_neck_stones_are_no_findings(findings_of, text):
    assert [f.mention for f in findings_of(text)] == []


# Guards: a calcification beside such a stone, or offered as one or
# something else, stays a finding.
STONE_GUARDS = [
    (
        "CT sinus: Calcifications in the left maxillary sinus, antrolith versus fungal ball.",
        ["Calcifications"],
    ),
    (
        "CT sinus: Antrolith on the right. Calcified fungal material in the left maxillary sinus.",
        ["Calcified fungal material"],
    ),
]


@pytest.mark.parametrize(("text", "mentions"), STONE_GUARDS)
def test_calcification_beside_a_stone_stays(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions
