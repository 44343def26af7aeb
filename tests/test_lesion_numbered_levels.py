"""A neck node's level and a mediastinal node's station are numbered parts
as a liver segment is (corpora/GUIDE.md lesion: different sub-sites are
different lesions; size_mm: a place a number names is no size)."""

from __future__ import annotations

TEXT = (
    "FINDINGS: A 15 mm right level III lymph node holds dense calcification. "
    "A calcified right level V lymph node is also seen.\n"
    "IMPRESSION: 1. Calcified right level III lymph node, likely old "
    "granulomatous disease. 2. Calcified right level V node."
)


def test_nodes_at_two_levels_are_two_lesions(findings_of):
    found = findings_of(TEXT)
    assert len(found) == 4
    level_iii = {found[0].lesion_id, found[2].lesion_id}
    level_v = {found[1].lesion_id, found[3].lesion_id}
    assert len(level_iii) == 1 and len(level_v) == 1
    assert level_iii != level_v


def test_a_station_number_is_no_size(findings_of):
    (f,) = findings_of(
        "MEDIASTINUM: Calcified paratracheal lymph node (station 4), 1.1 cm."
    )
    assert f.size_mm == 11.0
