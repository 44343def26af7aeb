"""Probe of classes of error left open by the last round (session 39):
EUS station labels, conditional plans and the like, on made-up sentences,
one class per table. None of the sentences is taken from a real report."""

from __future__ import annotations

import pytest


def _first(analyzer, text: str):
    findings = analyzer.analyze(text, "T").findings
    assert findings, text
    return findings[0]


# --- an EUS station label whose next word names a part of the pancreas or
# the organ the echoendoscope lies in ('Station 1 - body/tail from
# stomach', 'Station 3 - uncinate from D2') is no IASLC node station: the
# finding under it is no lymph node (guide §2: lymph node takes the
# mediastinal and hilar nodes; a label gives the site only when it names
# one). The label may end with a dash, a colon, a comma or a bracket.

EUS_STATIONS = [
    "Station 1 - body/tail from stomach: hyperechoic foci with shadowing "
    "(calcifications) in the tail.",
    "Station 2 - head from bulb: coarse calcifications.",
    "Station 3 - uncinate from D2: punctate calcification.",
    "Station 1 \u2013 body/tail from stomach: calcifications in the tail.",
    "STATION 2 -- HEAD FROM BULB: coarse calcifications.",
    "Station 1, body and tail: coarse calcifications.",
    "Station 1 (stomach): echogenic calcifications in the parenchyma.",
]


@pytest.mark.parametrize("text", EUS_STATIONS)
def test_an_eus_pancreas_station_is_no_node_station(analyzer, text):
    assert _first(analyzer, text).site != "lymph node"


# a station label naming the pancreas itself gives the pancreas
EUS_PANCREAS_NAMED = [
    "EUS: Station 1: pancreatic body and tail with several calcifications.",
    "Station 1 - pancreatic body and tail: scattered calcifications.",
]


@pytest.mark.parametrize("text", EUS_PANCREAS_NAMED)
def test_an_eus_station_naming_the_pancreas_gives_it(analyzer, text):
    assert _first(analyzer, text).site == "pancreas"


# Guards: the EBUS node stations stay nodes, whatever mark ends the label.
NODE_STATIONS_KEPT = [
    ("Station 7: 22 mm, heterogeneous with coarse calcification.", ""),
    ("Station 7 - calcified node.", ""),
    ("Station 7 - heterogeneous node with calcification.", ""),
    ("Station 11L: 9 mm, calcified.", "left"),
    ("Station 4L - 11 mm calcified.", "left"),
    ("Station 10R - hilar node, calcified.", "right"),
    ("EBUS. Station 2R and station 7 nodes sampled; station 7 contains "
     "calcification.", ""),
    ("Level 2 neck: 9 mm calcified node.", ""),
]


@pytest.mark.parametrize(("text", "side"), NODE_STATIONS_KEPT)
def test_an_ebus_node_station_stays_a_node(analyzer, text, side):
    f = _first(analyzer, text)
    assert (f.site, f.laterality) == ("lymph node", side)
