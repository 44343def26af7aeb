"""Heart valve reports: echocardiography, TAVR / TAVI planning CT, valve
consults and operative notes (guide §2 "Site and side from context" and
site vocabulary; corpora/GUIDE.md, site).

Every fragment is made up for this file, each class written several ways
(labels, capitals, one-liners), with guard rows that must not change:

- 'tricuspid' right after a valve's label colon ('Aortic valve: tricuspid,
  heavily calcified') says how many cusps the labelled valve has, as after
  'is' ('the aortic valve is tricuspid'); it names no tricuspid valve, so
  the label gives the site.
"""

from __future__ import annotations

from typing import Any

import pytest

# (text, a word of the finding's mention or '' for the text's only finding,
#  expected fields)
CUSP_COUNT: list[tuple[str, str, dict[str, Any]]] = [
    ("Aortic valve: tricuspid, heavily calcified.", "", {"site": "aortic valve"}),
    ("AORTIC VALVE: TRICUSPID, MODERATELY CALCIFIED.", "", {"site": "aortic valve"}),
    ("Aortic valve: tricuspid with calcified leaflets.", "", {"site": "aortic valve"}),
    ("CT HEART\nAV: tricuspid, severely calcified cusps.", "", {"site": "aortic valve"}),
    ("TTE\nAortic valve: tricuspid; mild leaflet calcification, no stenosis.", "", {"site": "aortic valve"}),
    # guards: the tricuspid valve named as such stays a heart valve
    ("Tricuspid valve: mildly calcified leaflets.", "", {"site": "heart valve"}),
    ("Aortic valve: normal. Tricuspid valve: calcified leaflets.", "", {"site": "heart valve"}),
    ("TRICUSPID: calcified leaflets.", "", {"site": "heart valve"}),
    ("Mitral: normal.\nTricuspid: calcified leaflets.", "", {"site": "heart valve"}),
    ("The aortic valve is tricuspid and heavily calcified.", "", {"site": "aortic valve"}),
    ("Heavily calcified tricuspid aortic valve.", "", {"site": "aortic valve"}),
    ("Echo: Tricuspid valve leaflets are calcified.", "", {"site": "heart valve"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), CUSP_COUNT)
def test_tricuspid_after_a_valve_label_counts_cusps(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected

