"""'Prior' dating the study a finding was seen on ('prior echo described
...') dates the study, not the finding: seen before, and here seen now too,
it is present (corpora/GUIDE.md historical: seen now and before is
present), as after 'prior films showed'."""

from __future__ import annotations

import pytest

SEEN_ON_A_PRIOR_STUDY = [
    "INDICATION: Murmur. Prior echo in XXXX described mitral annular "
    "calcification.\nFINDINGS: Mitral annular calcification has progressed.",
    "INDICATION: Murmur. A previous echocardiogram showed aortic valve "
    "calcification.\nFINDINGS: The aortic valve is calcified.",
]


@pytest.mark.parametrize("text", SEEN_ON_A_PRIOR_STUDY)
def test_a_finding_of_a_prior_echo_is_present(findings_of, text):
    assert [f.historical for f in findings_of(text)] == [False, False]


def test_prior_before_the_finding_itself_stays_historical(findings_of):
    text = "HISTORY: Prior pericardial calcification, resected in XXXX."
    assert [f.historical for f in findings_of(text)] == [True]
