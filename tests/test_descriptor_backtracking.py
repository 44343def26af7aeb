"""Descriptor regexes stay fast on long words: a regex that may split one
word into several repeated pieces tries every split before it fails, which
grows with 2**n (or n**3) for a word of n letters."""

from __future__ import annotations

import time

from calc_nlp.stages.descriptor_clauses import _PLACE_PART
from calc_nlp.stages.descriptor_sizes import _SET_OFF

# Far above the microseconds these take, far below the seconds (26 letters:
# about 20 s; 3,000 characters: about a minute and a half) they took when a
# word could be split.
LIMIT_SECONDS = 1.0


def _seconds(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def test_set_off_size_does_not_backtrack_on_a_long_word():
    text = "A subcarinal node, " + "m" * 26 + " ~"
    assert _seconds(lambda: _SET_OFF.search(text, 0, len(text))) < LIMIT_SECONDS
    # and still finds a size lead after the subject's comma
    found = _SET_OFF.search("the mass, measuring about ", 0)
    assert found is not None and found.group(2).split() == ["measuring", "about"]


def test_place_part_does_not_backtrack_on_a_long_token():
    text = " and " + "a" * 3000 + "."
    assert _seconds(lambda: _PLACE_PART.match(text, 0)) < LIMIT_SECONDS
    found = _PLACE_PART.match(" and body, unchanged", 0)
    assert found is not None and found.group(1).strip() == "body"
