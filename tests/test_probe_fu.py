"""Follow-up reports (corpora/GUIDE.md, Descriptors: change): made-up
sentences that compare a calcification with earlier studies, one row each."""

from __future__ import annotations

import pytest

from calc_nlp.stages import analyze_report


def _change(text: str, mention: str | None = None) -> str:
    findings = analyze_report(text).findings
    if mention is not None:
        findings = [f for f in findings if f.mention == mention]
    assert findings, text
    return findings[0].change


# A finding said to be there again ("again seen", "redemonstrated",
# "persists") and, in a second predicate of the same subject, to have grown
# or shrunk: the direction is its change, the presence word only says it is
# still there.
AGAIN_THEN_DIRECTION = [
    ("Calcified granuloma in the left upper lobe is again seen and has increased in size.", "increased"),
    ("Left renal calcification is again noted and has decreased in size.", "decreased"),
    ("Calcific tendinitis of the right supraspinatus is again seen and has decreased.", "decreased"),
    ("Calcified thyroid nodule is again seen and is now larger.", "increased"),
    ("Pancreatic calcifications are again seen and are more numerous.", "increased"),
    ("Coronary calcifications are redemonstrated and have progressed.", "increased"),
    ("Mitral annular calcification persists and has become more extensive.", "increased"),
    ("The calcified node in the right hilum is again seen and has grown.", "increased"),
]

# Guards: the second predicate is another subject's, or says the same.
AGAIN_GUARDS = [
    ("Calcified granuloma in the right lower lobe is again seen, unchanged in size.", "stable"),
    ("Calcified granuloma is again seen and remains stable.", "stable"),
    ("Calcified subcarinal node is again seen and a new right effusion has developed.", "stable"),
    ("Calcified granuloma is again seen and there has been interval increase in the right effusion.", "stable"),
    ("Calcified granuloma is again seen and the nodule has increased in size.", "stable"),
    ("Calcified granuloma is again seen. The nodule has increased in size.", "stable"),
    ("Calcified granuloma has increased in size.", "increased"),
    ("Calcified granuloma is again seen and is not larger.", "stable"),
    ("Calcified granuloma is again seen and has not increased in size.", "stable"),
    ("Calcified granuloma is again seen and has not changed.", "stable"),
    ("Calcified granuloma is again seen and is larger than the adjacent nodule.", "stable"),
]


@pytest.mark.parametrize(("text", "change"), AGAIN_THEN_DIRECTION + AGAIN_GUARDS)
def test_again_seen_then_direction(text: str, change: str) -> None:
    assert _change(text) == change
