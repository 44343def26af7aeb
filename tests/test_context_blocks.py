"""ConText block by block gives each target what ConText over the whole Doc gives."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc, Span

from calc_nlp.stages.analyze import analyzer
from calc_nlp.stages.context_blocks import (
    Target,
    apply_context,
    context_matches,
    prune_longest,
    run_context,
)
from calc_nlp.stages.token_matcher import PhraseTrie
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


def _columns(doc: Doc) -> dict[str, list[int]]:
    from spacy.attrs import IDS

    names = analyzer().kit.context_columns
    values = doc.to_array([IDS[a] for a in names]).reshape(len(doc), -1).T.tolist()
    return dict(zip(names, values, strict=True))


@pytest.mark.parametrize("text", TEXTS)
def test_context_matches_without_the_doc(text: str) -> None:
    """ConText's matches from the token attribute values alone are its
    matcher's over the Doc, in the same order."""
    kit = analyzer().kit
    doc, _targets, _starts = _doc(text)
    assert kit.context_on_columns  # shared phrases settled at build
    got = context_matches(kit.context, kit.context_phrases, _columns(doc))
    assert got == kit.context._ConText__matcher(doc)


def test_targets_on_the_same_words_share_their_modifiers() -> None:
    """spaCy keeps a Span's `_.modifiers` by its character offsets: a word
    that is a condition and a cue has one tuple of modifiers for both, each
    modifier of either in it (ConText over the whole Doc), and so do the
    `Target`s of it."""
    kit = analyzer().kit
    text = "No history of sarcoidosis or tuberculosis."
    whole, whole_targets, _ = _doc(text)
    kit.context(whole)
    doc, targets, starts = _doc(text)
    offsets = [(t.start, t.end) for t in targets]
    assert len(set(offsets)) < len(offsets)  # some words are two targets
    held = [Target(t.start, t.end, t.label_) for t in targets]
    matches = context_matches(kit.context, kit.context_phrases, _columns(doc))
    apply_context(kit.context, matches, held, starts)

    def seen(mods: Any) -> list[Any]:
        return [(m.modifier_span, m.scope_span, m.category) for m in mods]

    assert [seen(h.modifiers) for h in held] == [
        seen(t._.modifiers) for t in whole_targets
    ]
    assert any(len(h.modifiers) > 1 for h in held)


def test_a_phrase_of_two_keys_in_the_phrase_matchers_order() -> None:
    import random

    from spacy.matcher import PhraseMatcher

    nlp = analyzer().kit.nlp
    phrases = ["no evidence", "no", "evidence of", "no evidence", "of"]
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    trie = PhraseTrie()
    for n, text in enumerate(phrases):
        key = f"K_{n}"
        hashes = list(matcher._convert_to_array(nlp.make_doc(text)))
        matcher.add(key, [hashes])
        trie.add(nlp.vocab.strings.add(key), hashes, text)
    assert not trie.exact
    trie.settle(matcher, nlp.make_doc)
    assert trie.exact
    rng = random.Random(3)
    words = ["No", "evidence", "of", "x", "EVIDENCE", "no"]
    for _ in range(200):
        doc = Doc(
            nlp.vocab, words=[rng.choice(words) for _ in range(rng.randint(0, 9))]
        )
        assert trie.find(_lower(doc)) == matcher(doc)


def _lower(doc: Doc) -> list[int]:
    from spacy.attrs import LOWER

    return [int(v) for v in doc.to_array([LOWER]).tolist()] if len(doc) else []


def test_prune_longest_as_medspacy_prunes() -> None:
    """Overlapping matches are pruned as medspaCy's
    `prune_overlapping_matches` prunes them, pass for pass: the longer of two
    neighbours that overlap (the first of two as long), the order by start
    and end, and the next pass over what one pass kept."""
    import random

    from medspacy.common.util import prune_overlapping_matches

    # the first pass keeps (0, 4) of (0, 4) and (2, 3), then (3, 5), which
    # it had no neighbour left to test against; the second pass finds
    # (0, 4) and (3, 5) overlapping and keeps the longer, (0, 4)
    assert prune_longest([(1, 3, 5), (2, 2, 3), (3, 0, 4)]) == [(3, 0, 4)]
    # two as long: the first in (start, end) order stays
    assert prune_longest([(7, 1, 3), (8, 0, 2)]) == [(8, 0, 2)]
    assert prune_longest([]) == []
    rng = random.Random(5)
    for _ in range(3000):
        matches = [
            (rng.randint(0, 3), start, start + rng.randint(0, 4))
            for start in (rng.randint(0, 12) for _ in range(rng.randint(0, 10)))
        ]
        assert prune_longest(list(matches)) == prune_overlapping_matches(list(matches))
