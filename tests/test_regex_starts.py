"""The openings of a regex (regex_starts.py) and the prefilter's substring
pre-test built on them: the same answers as the prefilter's regex alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.prefilter import Prefilter, _compile
from calc_nlp.regex_starts import starts


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        ("calcium", {"calcium"}),
        ("calc?if", {"calcif", "calif"}),
        ("ca[lr]d", {"cald", "card"}),
        ("(?:calc?i?f[a-z]{0,2}cat?i?ons?)", {"calcif", "calif", "calcf", "calf"}),
        (
            "(?:calcs)|(?:calc?if(i?e)?d)",
            {
                "calcs",
                "calcifd",
                "calcifed",
                "calcified",
                "califd",
                "califed",
                "calified",
            },
        ),
        ("phlebolith(?:s)?", {"phlebolith", "phleboliths"}),
        ("a(?:b|cd)e", {"abe", "acde"}),
        ("x\\w+", {"x"}),
    ],
)
def test_openings_every_match_begins_with(regex, expected):
    assert starts(regex) == expected


@pytest.mark.parametrize(
    "regex",
    [
        "(?i)calc",  # a flag: the spellings would not be literal
        "\\bcalc",  # opens on an assertion
        "[^a]bc",  # a negated set
        "\\w+calc",  # a category
        "(",  # does not parse
    ],
)
def test_no_openings_known(regex):
    assert starts(regex) is None


def test_optional_head_gives_both_spellings():
    assert starts("(?:micro)?calcs") == {"microcalcs", "calcs"}


LOWER = [
    "calcium",
    "lymph",
    "phlebolith",
    "(?:calc?i?f[a-z]{0,2}cat?i?ons?)|(?:calcs)",
    "(?:calc?if(i?e)?d)",
    "",
]
WORDS = ["calf", "calif", "calcif", "calcs", "calcifcation", "lymp", "lymph", "Calc"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=6))
def test_prefilter_answers_as_its_regex(parts):
    text = "".join(parts)
    plain = _compile(LOWER)
    assert plain is not None
    assert Prefilter(LOWER, ["MAC"])(text) == bool(
        plain.search(text.lower()) or re.search("MAC", text)
    )


def test_prefilter_without_openings_searches():
    pf = Prefilter(["\\bcalc\\w*"], [])
    assert pf("a calcified node") and not pf("nocalc here")
