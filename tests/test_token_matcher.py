"""WindowedMatcher gives what spaCy's Matcher gives over the whole Doc."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.matcher import Matcher

from calc_nlp.stages.token_matcher import (
    WindowedMatcher,
    by_first_word,
    steps,
)

PATTERNS: list[list[dict[str, Any]]] = [
    [
        {"LOWER": "calcified"},
        {"LOWER": {"IN": ["hilar", "mediastinal"]}, "OP": "*"},
        {"LOWER": {"IN": ["granuloma", "granulomas"]}},
    ],
    [{"LOWER": "calcified"}, {"LOWER": "node", "OP": "?"}],
    [{"ORTH": "MAC"}],
    [{"LOWER": "score"}, {"ORTH": ":"}, {"OP": "{0,3}"}, {"LIKE_NUM": True}],
    [{"NORM": "calcific"}, {"IS_PUNCT": True, "OP": "?"}, {"LOWER": "density"}],
    [{"LOWER": "calcified"}, {"LOWER": "calcified", "OP": "+"}],
    [{"LOWER": {"IN": ["no", "without"]}}, {"LOWER": "calcified"}],
    [{"LOWER": {"IN": [":", "of", "is"]}, "OP": "*"}, {"LOWER": {"IN": ["0", "zero"]}}],
    [{"ORTH": "(", "OP": "?"}, {"LOWER": "mac"}, {"ORTH": ")", "OP": "?"}],
    [{"LOWER": {"IN": ["mild", "bony"]}}, {"LOWER": {"REGEX": "^mineraliz"}}],
    [{"LOWER": "mild"}, {"NORM": {"IN": ["density", "densities"]}, "OP": "+"}],
]
TEXTS = [
    "Calcified hilar mediastinal hilar granulomas. Calcified node. MAC seen.",
    "calcified calcified calcified granuloma, score: 1 2 3 4 and score : x 12",
    "No calcified",
    "calcific, density; calcific density MAC mac calcified hilar",
    "Score of is : 0 and zero, no calcified node, without calcified (MAC) mac",
    "mild mineralization, mild disease, bony mild density densities, Mild",
    "",
]


def _plain(nlp: Any, patterns: list[list[dict[str, Any]]]) -> Matcher:
    m = Matcher(nlp.vocab)
    for n, p in enumerate(patterns):
        m.add(f"R_{n}", [p])
    return m


def _windowed(nlp: Any, patterns: list[list[dict[str, Any]]]) -> WindowedMatcher:
    m = WindowedMatcher(nlp.vocab)
    for n, p in enumerate(patterns):
        m.add(f"R_{n}", p)
    return m


@pytest.mark.parametrize("extra", [[], [[{"IS_DIGIT": True}, {"LOWER": "views"}]]])
@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_the_whole_doc(text: str, extra: list[Any]) -> None:
    nlp = spacy.blank("en")
    doc = nlp(text)
    patterns = PATTERNS + extra
    assert _windowed(nlp, patterns)(doc) == _plain(nlp, patterns)(doc)


def test_windows_are_few_and_hold_each_match() -> None:
    nlp = spacy.blank("en")
    doc = nlp("a b calcified hilar hilar granuloma c d e f g h MAC i MAC")
    m = _windowed(nlp, PATTERNS)
    assert m.windows(doc) == [(2, 6), (12, 15)]  # windows 4 tokens apart are one


def test_no_window_where_the_next_token_fits_no_pattern() -> None:
    nlp = spacy.blank("en")
    m = _windowed(nlp, PATTERNS)
    doc = nlp("mild disease x x x x x x mild mineralization x x x x x x mild")
    assert m.windows(doc) == [(8, 10)]
    assert m(doc) == _plain(nlp, PATTERNS)(doc)


def test_a_pattern_opening_anywhere_matches_the_whole_doc() -> None:
    nlp = spacy.blank("en")
    doc = nlp("2 views of the chest")
    m = _windowed(nlp, [[{"IS_DIGIT": True}, {"LOWER": "views"}]])
    assert m.windows(doc) == [(0, len(doc))]
    assert m(doc) == _plain(nlp, [[{"IS_DIGIT": True}, {"LOWER": "views"}]])(doc)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], [1, 1]),
        ([{"LOWER": "a"}, {"OP": "{0,6}"}, {"OP": "{2}"}], [1, 6, 2]),
        (
            [{"LOWER": "a"}, {"LOWER": {"IN": ["x", "y"]}, "OP": "*"}],
            [1, ("LOWER", frozenset({"x", "y"}))],
        ),
        ([{"LOWER": "a"}, {"IS_PUNCT": True, "OP": "*"}], None),
        ([{"LOWER": "a"}, {"OP": "{1,}"}], None),
    ],
)
def test_steps(pattern: list[dict[str, Any]], expected: Any) -> None:
    assert steps(pattern) == expected


def test_an_opening_word_of_another_attribute_opens_no_window() -> None:
    """'Calcified' has the LOWER 'calcified': no window for an ORTH pattern
    opening on 'calcified' (a word's hash is the same whatever its attribute)."""
    nlp = spacy.blank("en")
    patterns = [[{"ORTH": "calcified"}], [{"LOWER": "mac"}]]
    doc = nlp("Calcified x x x x x x x x calcified MAC")
    m = _windowed(nlp, patterns)
    assert m.windows(doc) == [(9, 11)]
    assert m(doc) == _plain(nlp, patterns)(doc)


def test_a_first_token_list_becomes_one_pattern_per_word() -> None:
    rest = {"LOWER": "calcified"}
    listed = [{"LOWER": {"IN": ["no", "without", "no"]}}, rest]
    assert by_first_word(listed) == [
        [{"LOWER": "no"}, rest],
        [{"LOWER": "without"}, rest],
    ]
    for kept in (
        [{"LOWER": {"IN": ["no"]}, "OP": "?"}, rest],  # optional: left as it is
        [{"LOWER": {"REGEX": "^no"}}, rest],
        [{"LOWER": "no"}, rest],
        [],
    ):
        assert by_first_word(kept) == [kept]


def test_same_matches_in_the_same_order_with_listed_first_words() -> None:
    nlp = spacy.blank("en")
    patterns = [
        [{"LOWER": {"IN": ["no", "without"]}}, {"LOWER": "calcified"}],
        [{"LOWER": {"IN": ["calcified", "no"]}}],
        [{"LOWER": {"IN": ["without", "x"]}}, {"LOWER": "calcified", "OP": "?"}],
    ]
    doc = nlp("no calcified x without calcified calcified no no without")
    assert _windowed(nlp, patterns)(doc) == _plain(nlp, patterns)(doc)
