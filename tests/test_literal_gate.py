"""The literal gate never turns away a text one of its patterns matches."""

from __future__ import annotations

import re

import pytest

from calc_nlp.lowered import lower_once
from calc_nlp.stages.analyze import analyzer
from calc_nlp.stages.literal_gate import (
    FirstStart,
    LiteralGate,
    required_literal,
    required_run,
)

PATTERNS = [
    re.compile(r"\bbi-?[^\S\n]?rads[^\S\n]*(?P<value>[0-6])", re.IGNORECASE),
    re.compile(r"\bassessment[^\S\n]*:?[^\S\n]*category[^\S\n]*(?P<value>[0-6])", re.I),
    re.compile(r"Score:\s*\d+"),
]
TEXTS = [
    "BI-RADS 2. Benign.",
    "Assessment: Category 1",
    "score: 3 and Score: 4",
    "No mammographic finding.",
    "BİRADS 4 \u017fcore",  # not ASCII: case folding goes beyond str.lower
    "",
]


def test_required_words_read_from_the_patterns() -> None:
    assert [required_literal(rx) for rx in PATTERNS] == ["rads", "assessment", "Score:"]
    assert required_literal(re.compile(r"ab|cd")) is None  # no word every match holds


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_a_pattern_matches_passes_the_gate(text: str) -> None:
    gate = LiteralGate(PATTERNS)
    if any(rx.search(text) for rx in PATTERNS):
        assert gate.may_match(text)


def test_a_text_without_the_words_is_turned_away() -> None:
    gate = LiteralGate(PATTERNS)
    assert not gate.may_match("No mammographic finding. score 3")
    assert gate.may_match("Ünïcode text, no words")  # not ASCII: the scans decide
    assert LiteralGate([re.compile(r"ab|cd")]).may_match("xyz")  # no word: always open


def test_the_lower_cased_text_is_the_last_texts_only_when_it_is_the_same_text() -> None:
    first = "Bi-Rads 3 in the LEFT breast"
    second = "".join(["No ", "RADS ", "word"])
    low = lower_once(first)
    assert low == "bi-rads 3 in the left breast"
    assert lower_once(first) is low  # the same text: lowered once
    assert lower_once(second) == "no rads word"
    assert lower_once(first) == "bi-rads 3 in the left breast"
    # an equal text in another string object is lowered as itself
    equal = "".join(["Bi-Rads 3 in the ", "LEFT breast"])
    assert lower_once(equal) == "bi-rads 3 in the left breast"
    assert lower_once("İ") == "İ".lower()  # not ASCII: a longer lower case


def test_the_gate_answers_each_text_in_turn() -> None:
    gate = LiteralGate(PATTERNS)
    words, none = "Assessment: category 2", "No finding in either breast"
    assert [gate.may_match(t) for t in (words, none, words, none)] == [
        True,
        False,
        True,
        False,
    ]


@pytest.mark.parametrize(
    "text",
    ["BI-RADS Category 2: benign.", "ASSESSMENT: CATEGORY 4 - suspicious", "No rads."],
)
def test_the_report_birads_rules_are_gated_on_their_words(text: str) -> None:
    an = analyzer()
    assert an.birads_gate.may_match(text)
    assert not an.birads_gate.may_match("Chest clear. No acute findings.")


def test_most_characters_before_the_word() -> None:
    assert [required_run(rx) for rx in PATTERNS] == [
        ("rads", 4),  # '\b', 'bi', '-?', '[^\S\n]?'
        ("assessment", 0),
        ("Score:", 0),
    ]
    assert required_run(re.compile(r"a*rads")) == ("rads", None)  # no bound


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "History. " * 40 + "Final assessment: category 4. BI - RADS 5; bi-rads 3",
        "Score: 1\nscore: 2 Score:3",
        "rads rads bi-rads 2",
    ],
)
def test_searching_from_the_first_start_finds_the_same_matches(text: str) -> None:
    lowered = text.lower() if text.isascii() else None
    for rx in PATTERNS:
        at = FirstStart(rx).at(text, lowered)
        every = [m.span() for m in rx.finditer(text)]
        if at is None:
            assert every == []
        else:
            assert [m.span() for m in rx.finditer(text, at)] == every
