"""ConText block by block gives each target what ConText over the whole Doc gives."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc, Span

from calc_nlp.stages.analyze import analyzer
from calc_nlp.stages.context_blocks import run_context
from calc_nlp.stages.toolkit import TARGET_GROUP

TEXTS = [
    "No calcified granulomas. Calcified nodes are seen, no effusion. "
    "History of sarcoidosis. Possible vascular calcification or atelectasis. "
    "No pleural effusion, calcified granuloma in the right upper lobe.",
    "Mother with breast cancer. Family history of kidney stones. "
    "Aortic calcification. There is no evidence of renal calcification. "
    "Rule out tuberculosis; calcified hilar nodes.",
    "Calcification",
]


def _doc(text: str) -> tuple[Doc, list[Span], list[bool]]:
    """The text as one Doc with a sentence after each period, and its targets."""
    kit = analyzer().kit
    words = kit.nlp.make_doc(text)
    starts = [i == 0 or words[i - 1].text == "." for i in range(len(words))]
    doc = Doc(
        kit.nlp.vocab,
        words=[t.text for t in words],
        spaces=[bool(t.whitespace_) for t in words],
        sent_starts=starts,
    )
    targets = kit.mention_matcher(doc) + kit.other_matcher(doc)
    doc.spans[TARGET_GROUP] = targets
    return doc, targets, starts


def _seen(targets: list[Span]) -> list[Any]:
    return [
        (
            t.start,
            t.end,
            t.label_,
            [(m.modifier_span, m.scope_span, m.category) for m in t._.modifiers],
        )
        for t in targets
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_same_modifiers_as_the_whole_doc(text: str) -> None:
    context = analyzer().kit.context
    whole, whole_targets, _ = _doc(text)
    context(whole)
    blocks, block_targets, starts = _doc(text)
    run_context(context, blocks, block_targets, starts)
    assert _seen(block_targets) == _seen(whole_targets)
    assert any(t._.modifiers for t in whole_targets) or len(whole) < 3
