"""Mention gate: a long report the prefilter passes is first matched only
around the prefilter's hits. Every mention holds a hit (its rule's required
token), a mention is a few words long, and spaCy's tokenizer splits a text
at whitespace before anything else, so a window cut at whitespace around a
hit tokenizes as the whole report does there: when no window holds a
mention, the report holds none, and the whole report is never tokenized.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

# Characters kept each side of a hit: far more than any mention spans.
REACH = 300
# Shorter reports are matched whole: windows would save little.
MIN_CHARS = 1_500


def windows(text: str, hits: list[tuple[int, int]], reach: int = REACH) -> list[tuple[int, int]]:
    """Spans of `text` around the hits, each widened to whitespace (or the
    text's ends), overlapping ones merged, in text order."""
    out: list[tuple[int, int]] = []
    for a, b in hits:
        lo, hi = max(0, a - reach), min(len(text), b + reach)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def holds_no_mention(
    text: str,
    hits_of: Callable[[str], list[tuple[int, int]] | None],
    mentions_of: Callable[[str], list[Span]],
) -> bool:
    """Is it certain, from windows around the hits alone, that the text holds
    no mention? `hits_of` gives where the prefilter's words are (searched
    only for a text long enough to be worth it), `mentions_of` the mentions
    of a piece of text (the matching stage's: exclusions applied). False
    whenever unsure."""
    if len(text) < MIN_CHARS:
        return False
    hits = hits_of(text)
    if hits is None:
        return False
    spans = windows(text, hits)
    if sum(hi - lo for lo, hi in spans) * 2 > len(text):
        return False  # the windows cover most of the text: nothing to save
    return not any(mentions_of(text[lo:hi]) for lo, hi in spans)
