"""A question mark that closes its line asks about the whole phrase before it (guide §2).

The '?' rule (C-possible_existence-bidirectional-?) hedges only the two words
next to it (`max_scope`), so that '?goiter' leaves 'CKD stage 4' asserted.
But a question that ends its line or sentence asks about the phrase it
closes, the finding and its own place words: 'Clinical question:
calcification in basal ganglia?', 'Calcified granuloma in the right lung?'.
There the place words stood between the finding and the mark, and the
finding was read as stated (in an indication, as a present finding instead
of a hypothetical one: corpora/GUIDE.md, '? calcification' in the indication).
"""

from __future__ import annotations

from typing import Any

from calc_nlp.stages.context_lists import FINDING_LABEL

# What parts a finding from a question mark after it: a clause or item break
# ('Renal failure, calcified nodes?', 'granuloma; nodule?'), or another thing
# the phrase goes on to add ('calcified node with a new mass?').
_BREAKS = frozenset({",", ";", ":", "(", ")", ".", "with", "but", "and", "or", "without"})
# The most words a finding's own place phrase takes before the mark
# ('in the right upper lobe' is five).
_PHRASE_WORDS = 6


def _closes_its_sentence(clause: Any, w: list[str], at: int) -> bool:
    """Is the token at `at` followed only by line breaks and spaces up to the
    end of its sentence?"""
    end = clause._sent_end[at]
    return all(not x.strip() for x in w[at + 1 : end])


def questioned_phrases(
    clause: Any, subs: list[Any], kept: list[Any], found: list[Any]
) -> None:
    """A finding whose phrase a line-closing '?' ends takes the mark's hedge:
    no break, clause verb or other finding between, few words (the finding's
    place phrase). A finding already hedged keeps what it has. Words that
    ask what the finding is due to ('industrially related', 'caused by the
    fall': `question_predicates`) ask about its cause, not whether it is
    there, and leave it stated."""
    marks = [
        m
        for m in found
        if m.category == "POSSIBLE_EXISTENCE"
        and (m.rule.metadata or {}).get("same_phrase")
    ]
    if not marks:
        return
    w = clause._index()  # also fills its sentence ends
    for i, st in enumerate(subs):
        if st.label_ != FINDING_LABEL or any(
            m.category == "POSSIBLE_EXISTENCE" for m in kept[i]
        ):
            continue
        for m in marks:
            start = m.modifier_span[0]
            if start < st.end or clause._sent_end[start] != clause._sent_end[st.start]:
                continue
            between = [x for x in w[st.end : start] if x.strip()]
            if (
                len(between) <= _PHRASE_WORDS
                and not any(x in _BREAKS or x in clause.verbs for x in between)
                and not any(x in clause.question_predicates for x in between)
                and not any(st.end <= f < start for f in clause.findings)
                and _closes_its_sentence(clause, w, m.modifier_span[1] - 1)
            ):
                kept[i] += (m,)
                break
