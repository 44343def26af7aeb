"""Spans around an 'and' (guide §1, corpora/GUIDE.md: the span is the
calcification phrase with its anatomic and type words before it)."""

from __future__ import annotations

import pytest

# an 'and' after another mention joins two findings: the second span does
# not run back over the conjunction
AFTER_A_MENTION = [
    (
        "IMPRESSION: 2. MAC and aortic valve calcification, to follow.",
        ["MAC", "aortic valve calcification"],
    ),
    (
        "Mild MAC and mitral valve calcification without stenosis.",
        ["MAC", "mitral valve calcification"],
    ),
]


@pytest.mark.parametrize("text, mentions", AFTER_A_MENTION)
def test_span_does_not_run_back_over_an_and_after_a_mention(
    findings_of, text, mentions
):
    assert [f.mention for f in findings_of(text)] == mentions
