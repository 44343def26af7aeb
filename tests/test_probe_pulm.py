"""Probe of pulmonology and infectious-disease consult notes and
bronchoscopy / EBUS reports (granulomatous disease, pneumoconiosis,
asbestos plaques, lung-cancer screening follow-up): errors found on
made-up notes of that kind, one class per table."""

from __future__ import annotations

import pytest

# --- a mediastinal or hilar node station (IASLC map) is a lymph node, and
# the R or L written on its number is its side ('station 4R', '11L'; guide
# §2: abbreviated sides count, a label line gives the site)

NODE_STATIONS = [
    (
        "EBUS-TBNA REPORT\nStation 11L: 9 mm, calcified.",
        "calcified",
        "lymph node",
        "left",
    ),
    (
        "EBUS-TBNA REPORT\nStation 7: 22 mm, heterogeneous with coarse "
        "calcification. Sampled x4.",
        "calcification",
        "lymph node",
        "",
    ),
    ("Calcified 10R node on CT.", "Calcified", "lymph node", "right"),
    ("EBUS: calcified node at station 4R.", "calcified node", "lymph node", "right"),
    (
        "Coarse calcification at station 4L, sampled with a 22 gauge needle.",
        "calcification",
        "lymph node",
        "left",
    ),
    (
        "Mediastinoscopy: the station 2R nodes were calcified and gritty.",
        "calcified",
        "lymph node",
        "right",
    ),
    # guards: nodes named by their place keep their reading
    ("Calcified subcarinal lymph node.", "Calcified", "lymph node", ""),
    ("Calcified right paratracheal nodes.", "Calcified", "lymph node", "right"),
    ("Calcified level II node on the left.", "Calcified", "lymph node", "left"),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), NODE_STATIONS)
def test_node_station_site_and_side(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)
