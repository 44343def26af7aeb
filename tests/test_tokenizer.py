"""The report tokenizer: whitespace exceptions dropped, every word cached
on its own (also after a special case), tokens unchanged."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import IDX, NORM, ORTH, SPACY
from spacy.tokenizer import Tokenizer

from calc_nlp.stages.toolkit import cacheable_exceptions

TEXTS = [
    "FINDINGS:\nCalcified granuloma.\n\nIMPRESSION: None.",
    "a  b",  # a second space is a token of its own
    "a \n b",
    "x\t\ty\tz",
    "\n",
    " ",
    "\t",
    " \t ",
    "\n \n",
    "   leading and trailing   ",
    "(\n)",
    "end.\n",
    "non\u00a0breaking \u00a0 space",
    "The patient's aorta cannot be seen.\nDr. Smith at 9 a.m.\nAortic calcification.",
    # words after a special case, some holding one behind an affix
    "Seen by Dr. Smith (Dr. Jones), 9 a.m.; can't say.\nAortic calcification, (cannot)",
]


def test_only_plain_whitespace_exceptions_are_dropped():
    rules = spacy.blank("en").Defaults.tokenizer_exceptions
    dropped = sorted(k for k in rules if k not in cacheable_exceptions(rules))
    assert dropped == ["\t", "\n", " "]  # the no-break space keeps its NORM


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_match_spacys_full_exceptions(analyzer, text):
    ours = analyzer.kit.nlp.tokenizer
    stock = Tokenizer(
        ours.vocab,
        rules=spacy.blank("en").Defaults.tokenizer_exceptions,
        prefix_search=ours.prefix_search,
        suffix_search=ours.suffix_search,
        infix_finditer=ours.infix_finditer,
        token_match=ours.token_match,
        url_match=ours.url_match,
    )
    attrs = [ORTH, NORM, SPACY, IDX]
    for _ in range(2):  # the second time from the tokenizer's cache
        a, b = ours(text), stock(text)
        assert [t.text for t in a] == [t.text for t in b]
        assert a.to_array(attrs).tolist() == b.to_array(attrs).tolist()


@pytest.mark.parametrize(
    "text, tokens",
    [
        # an export that joined lines with commas: the colon of a label is
        # its own token in any case, so the label reads as a header
        ("FINDINGS:,The", ["FINDINGS", ":", ",", "The"]),
        ("postoperative diagnoses:,1.", ["postoperative", "diagnoses", ":", ",", "1", "."]),
        ("Findings:,calcified", ["Findings", ":", ",", "calcified"]),
    ],
)
def test_joined_label_colons_split(analyzer, text, tokens):
    assert [t.text for t in analyzer.kit.nlp.make_doc(text)] == tokens


@pytest.mark.parametrize(
    "word, plain",
    [
        ("calcified", True),
        ("Granuloma.", True),
        ("aorta,", True),
        ("FINDINGS:", True),
        ("Dr.", False),  # a special case itself
        ("cannot", False),
        ("cannot,", False),  # its letters are one
        ("can't", False),
        ("e.g.", False),
        ("L1", False),
        ("x-ray", False),
        ("(cannot)", False),
        ("end..", False),
        ("", False),
    ],
)
def test_plain_words_are_primed_together(analyzer, word, plain):
    """A plain word (letters, at most one mark after them, no special case in
    it) is cached from one text of such words; any other word alone."""
    from calc_nlp.stages.toolkit import _plain

    assert _plain(word, analyzer.kit.nlp.tokenizer.rules) is plain
