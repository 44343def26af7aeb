"""The exam words' regex (toolkit._words_rx) finds what the plain
alternation of its phrases, longest first between word bounds, finds."""

from __future__ import annotations

import re

import pytest

from calc_nlp.rules import load_rules
from calc_nlp.stages.toolkit import _words_rx

TEXTS = [
    "pa and lateral views of the chest. chest x-ray: no acute process.",
    "xray of the left knee, x-ray and x ray of the right; kneecap normal.",
    "(cxr) 2 views; cxr-guided line; a c-spine series. e.g. cxr.",
    "knee\nknees knee-joint  knee, knee.",
    "the  ultrasound  of the scrotum.ultrasound",
    "",
]


def _plain(terms: list[str]) -> re.Pattern[str]:
    alts = sorted((re.escape(t.lower()) for t in terms), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])")


@pytest.mark.parametrize(
    "terms",
    [
        ["x-ray", "x ray", "xray", "chest", "chest x-ray", "cxr", "pa and lateral"],
        ["knee", "knees", "knee-joint", "-spine", "c-spine", ".ultrasound"],
        ["ultrasound", "Ultrasound of the scrotum", "scrotum", "e.g."],
    ],
)
def test_words_rx_finds_what_the_plain_alternation_finds(terms):
    ours, plain = _words_rx(terms), _plain(terms)
    for text in TEXTS:
        found = [m.span() for m in ours.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)]
    # it opens with a literal character, so that `re` can skip to it
    assert not ours.pattern.startswith("(?<")


def test_exam_regexes_find_what_the_plain_alternation_finds():
    for exam in load_rules().exams:
        for key in ("exam_terms", "report_terms"):
            if exam[key]:
                ours, plain = _words_rx(exam[key]), _plain(exam[key])
                for text in TEXTS:
                    found = [m.span() for m in ours.finditer(text)]
                    assert found == [m.span() for m in plain.finditer(text)]
