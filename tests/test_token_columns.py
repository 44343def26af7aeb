"""A report's token attributes read once (Toolkit.columns) are what spaCy's
Token objects give, and the stages' per-token lists agree with them."""

from __future__ import annotations

import pytest

from calc_nlp.stages.analyze import analyzer
from calc_nlp.stages.layout import layout, token_columns
from calc_nlp.stages.record import Layout, Matches, ReportDoc

TEXTS = [
    "FINDINGS: Calcified granuloma in the RIGHT upper lobe.\n\nIMPRESSION: None.",
    "İstanbul ẞTRASSE ΣΟΦΊΑ: Straße, ﬁne  calcification; MAC/CKD-4 (R) 1.5cm",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_columns_are_the_tokens_attributes(text: str) -> None:
    kit = analyzer().kit
    doc = kit.nlp.make_doc(text)
    columns = kit.columns(doc)
    strings = kit.nlp.vocab.strings
    assert [strings[h] for h in columns["ORTH"]] == [t.text for t in doc]
    assert [strings[h] for h in columns["LOWER"]] == [t.lower_ for t in doc]
    # the layout's whitespace flags, made from the texts, are spaCy's IS_SPACE
    assert token_columns(doc, columns, kit.word_texts)[1] == [
        t.is_space for t in doc
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_lower_words_are_spacys_lower(text: str) -> None:
    """ReportDoc.lower is each token text's str.lower(), spaCy's LOWER."""
    kit = analyzer().kit
    doc = kit.nlp.make_doc(text)
    lay: Layout = layout(kit, doc, columns=kit.columns(doc))
    empty = Matches([], [], [], [], [], [], [], [])
    rd = ReportDoc(doc, 0, lay, empty)
    assert rd.lower == [t.lower_ for t in doc]
    assert lay == layout(kit, doc)  # the same layout without the columns
