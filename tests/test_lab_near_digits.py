"""The lab regex is run only in the stretches of text that hold a digit
(labs._NearDigits): the same matches, in the same order, as `finditer` over
the whole text, on both of the parser's ways through a text."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.labs import BETWEEN, LabParser


@pytest.fixture(scope="module")
def parser(rules):
    return LabParser(rules.labs)


def _spans(found):
    return [(m.span(), m.groupdict()) for m in found]


def _same(parser, text):
    ways = [(parser._re, text)]
    if text.isascii():
        ways.append((parser._lower, text.lower()))
    for near, body in ways:
        assert _spans(near.finditer(body)) == _spans(near.whole.finditer(body))


@pytest.mark.parametrize(
    "text",
    [
        "Calcium 11.2 mg/dL (H). PTH 450 pg/mL; phos 6.1.",
        "calcium, normal, most recently 9.6",
        "Ca = 9.1 / Ca: 9.2 / Ca - 9.3 / calcium normal (9.4 mg/dL)",
        "calcium.\n9.1",  # a full stop between: no value of the name
        "calcium                                            9.8",
        "ca2+ 1.2 po4 3.1 i-ca 1.1 ca++ 1.3",
        "x/ca 9.1, _ca 9.3, 9ca 9.4 ca 9.5",
        "iCa 1.1 mmol/L [1.1-1.3] calcium 8.8 ref 8.5 to 10.5 calcium 9",
        "kalium 4; Calcıum 9.1 \u0663 ca \u0663",  # non-ASCII letters and digits
        "no digit here, calcium normal",
        "",
    ],
)
def test_same_matches(parser, text):
    _same(parser, text)


def test_every_other_mark_is_a_barrier(parser):
    """The marks the regex takes between a name and its value, and the
    names' own ('+'), go on a stretch; '.', ';', '/', ')' end it."""
    back = parser._lower.back  # a digit, then on back to a barrier
    for mark in BETWEEN + "+":
        assert back.fullmatch("1" + mark)
    for mark in "./;)":
        assert not back.fullmatch("1" + mark)


WORDS = [
    "Calcium", "CA", "ca", "PTH", "phos", "iCa", "ca2+", "po4", "mg/dL", "H",
    "high", "normal", "was", "of", "most recently", "ref", "to", "9.5", "11",
    "8.5-10.5", "\u0663", "\u00e9", " ", "\n", "\t",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(WORDS)
        | st.sampled_from(list(string.punctuation))
        | st.text(max_size=3),
        max_size=16,
    ).map("".join)
)
def test_same_matches_for_any_text(parser, text):
    _same(parser, text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 9.0\u0663\u00e9\uff15x")), max_size=8))
def test_a_digit_is_found_as_the_regex_finds_it(text):
    """holds_digit scans ASCII text for 0-9 and asks the regex otherwise:
    the answer of `\\d` either way (Arabic-Indic and full-width digits)."""
    import re

    from calc_nlp.labs import holds_digit

    assert holds_digit(text) == (re.search(r"\d", text) is not None)


def test_ascii_text_has_its_own_stretch_regex(parser):
    near = parser._lower
    assert near.back_ascii is not None and near.back_ascii.pattern.startswith("[0-9]")
    for mark in BETWEEN + "+":
        assert near.back_ascii.fullmatch("1" + mark)
    for mark in "./;)":
        assert not near.back_ascii.fullmatch("1" + mark)
