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


def test_report_doc_keeps_what_it_works_out_once() -> None:
    """The values a ReportDoc works out on first use (its text, the tokens'
    lower-case words) are worked out once and kept as its own attributes;
    the record stays frozen, and a record made again from it by
    `dataclasses.replace` works them out anew from its own fields."""
    from dataclasses import FrozenInstanceError, replace

    import pytest

    kit = analyzer().kit
    doc = kit.nlp.make_doc("Calcified granuloma.")
    lay = layout(kit, doc, columns=kit.columns(doc))
    empty = Matches([], [], [], [], [], [], [], [])
    rd = ReportDoc(doc, 0, lay, empty, source="Calcified granuloma.")
    lower = rd.lower
    assert rd.text == "Calcified granuloma."
    assert rd.lower is lower == ["calcified", "granuloma", "."]
    with pytest.raises(FrozenInstanceError):
        rd.text = "other"  # type: ignore[misc]
    assert replace(rd, source="Calcified nodule.").text == "Calcified nodule."
    assert ReportDoc.text.__doc__  # the descriptor keeps the docstring


def test_rule_span_is_the_span_made_with_keywords() -> None:
    """`rule_span` gives spaCy's Span its label and span id by place: the
    same Span as with the keywords (a change of spaCy's argument order
    would make it another)."""
    from spacy.tokens import Span

    from calc_nlp.stages.record import rule_span

    kit = analyzer().kit
    doc = kit.nlp.make_doc("Left hilar calcified nodes are stable.")
    strings = doc.vocab.strings
    label, rule = strings.add("SITE"), strings.add("site-hilum")
    made = rule_span(doc, 1, 4, label, rule)
    expected = Span(doc, 1, 4, label=label, span_id=rule)
    assert made == expected
    assert (made.label_, made.id_, made.kb_id) == ("SITE", "site-hilum", 0)
    assert (made.start_char, made.end_char, made.text) == (5, 26, "hilar calcified nodes")
