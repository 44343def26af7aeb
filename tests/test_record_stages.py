"""Stages that return a new record keep what they do not change."""

from __future__ import annotations

from calc_nlp.stages import linking
from calc_nlp.stages.analyze import analyzer
from calc_nlp.stages.layout import layout
from calc_nlp.stages.record import Matches, Modifiers, ReportDoc


def test_extend_keeps_the_one_cause_differentials() -> None:
    """`extend` widens the mentions and rebuilds the modifiers: the causes a
    dystrophic-only differential names (Modifiers.one_cause) must survive it,
    or `is_cause` downstream no longer sees them."""
    kit = analyzer().kit
    doc = kit.nlp.make_doc("Old hematoma or prior trauma.")
    lay = layout(kit, doc, columns=kit.columns(doc))
    empty = Matches([], [], [], [], [], [], [], [])
    one = frozenset({(0, 2, 1)})  # (start, end, label hash): any key
    mods = Modifiers({}, {}, one)
    rd = ReportDoc(doc, 0, lay, empty, mods)
    assert linking.extend(rd, kit).mods.one_cause == one
