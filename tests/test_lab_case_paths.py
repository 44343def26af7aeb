"""The lab parser's two ways through a text (labs.py): an ASCII text is
searched lower-cased with a lower-case regex, any other with the regex that
ignores case. Both must give the same values, offsets and errors."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.labs import LabParser


@pytest.fixture(scope="module")
def parsers(rules):
    fast = LabParser(rules.labs)
    assert fast._lower is not None  # the bundled table is ASCII
    plain = copy.copy(fast)
    plain._lower = None  # every text through the case-ignoring regex
    return fast, plain


def _values(parser, text):
    try:
        return parser.parse(text)
    except Exception as exc:  # noqa: BLE001 - the same error either way
        return type(exc).__name__


@pytest.mark.parametrize(
    "text",
    [
        "CALCIUM 11.2 MG/DL (H)",
        "Serum Calcium: 9.6 mg/dL, normal",
        "corrected calcium of 10.9 Mg/Dl ref 8.5 to 10.5",
        "PTH 450 pg/mL HIGH",
        "Phos 6.1.",
        "iCa 1.1 mmol/L [1.1-1.3]",
        "Ca 11.2",
        "no lab here 12",
        "calcium 9.5 mg/dL é",  # not ASCII: the case-ignoring regex
        # where a name may start: after no word character and no '/'
        "x/ca 9.1, Rx:Ca 9.2, _ca 9.3, 9ca 9.4, (ca 9.5) pca 9.6",
        "ca 9.1 ica 1.2 i-ca 1.1 ca++ 1.3 ca2+ 1.2 phos/ca 3.1",
    ],
)
def test_same_values_either_way(parsers, text):
    fast, plain = parsers
    assert _values(fast, text) == _values(plain, text)


def test_upper_case_lab_line_is_read(parsers):
    fast, _ = parsers
    (value,) = fast.parse("CALCIUM 11.2 MG/DL")
    assert (value.name, value.unit, value.start, value.end) == (
        "serum_calcium",
        "mg/dL",
        0,
        18,
    )


WORDS = ["Calcium", "CA", "ca", "PTH", "phos", "iCa", "mg/dL", "MG/DL", "H", "high"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(WORDS)
        | st.sampled_from(["9.5", "11.2", "450", " ", ": ", "(", "-", "/"])
        | st.text(max_size=4),
        max_size=10,
    ).map("".join)
)
def test_same_values_for_any_text(parsers, text):
    fast, plain = parsers
    assert _values(fast, text) == _values(plain, text)
