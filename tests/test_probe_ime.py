"""Probe of independent medical examinations (IME, QME, AME), disability
and workers' compensation evaluations and records reviews: errors found on
made-up reports of that kind, one class per table."""

from __future__ import annotations

import pytest

# --- 'prior' or 'previous' before the document, the doctor or the study that
# reported a finding dates that source, not the finding: seen before and not
# denied, the finding is present (guide §2 historical: a deposit earlier
# studies showed too is present; README: 'previously seen' dates a finding
# only when it is also denied)

PRIOR_SOURCE = [
    "Dr. XXXX's prior report noted calcific tendinitis of the right shoulder.",
    "The prior treating physician documented calcification in the left supraspinatus tendon.",
    "The previous QME, Dr. XXXX, found a calcific deposit in the right rotator cuff.",
    "In his prior report of XXXX, Dr. XXXX described calcific tendinitis of the left shoulder.",
    "Per the previous evaluator, there is calcific tendinosis of the right shoulder.",
    "Prior records show calcific tendinitis of the right shoulder.",
    "Previous x-rays showed calcific tendinitis of the right shoulder.",
    "Prior X-ray of the left shoulder demonstrated a calcific deposit.",
]


@pytest.mark.parametrize("text", PRIOR_SOURCE)
def test_a_finding_a_prior_source_reported_is_present(finding_with, text):
    f = finding_with(text, "")
    assert (f.historical, f.negated) == (False, False)


PRIOR_STILL_HISTORICAL = [
    ("Prior calcific tendinitis of the right shoulder, treated with lavage.", True),
    ("Previous calcification in the right shoulder.", True),
    ("History of calcific tendinitis per prior records.", True),
    ("The calcification described in the prior report is no longer seen.", True),
]


@pytest.mark.parametrize(("text", "historical"), PRIOR_STILL_HISTORICAL)
def test_prior_on_the_finding_itself_stays_historical(finding_with, text, historical):
    assert finding_with(text, "").historical is historical

