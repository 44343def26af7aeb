"""Probe of office and progress notes of general medicine, urology and
gynecology (SOAP notes, annual physicals, problem lists, urology and gyn
clinic notes): errors found on made-up notes of that kind, one class per
table."""

from __future__ import annotations

import pytest

# --- a 'CT calcium score' followed straight by its number states the score
# (guide §1: a coronary calcium score is a finding, a score of zero a negated
# one; only the exam's name is no finding)

CT_SCORE_NUMBER = [
    ("Imaging: CT calcium score 0. Assessment: low ASCVD risk.", True, 0),
    ("Health maintenance: CT calcium score 145 (78th percentile).", False, 145),
    ("Labs reviewed. Coronary CT calcium score 45, start statin.", False, 45),
    ("PHYSICAL: cardiac CT calcium score 0 in 2022, no statin.", True, 0),
    # guards: the value after 'was' or a colon is already read
    ("A CT calcium score was 1,240 in XXXX.", False, 1240),
    ("CT calcium score: 0.", True, 0),
]


@pytest.mark.parametrize(("text", "negated", "score"), CT_SCORE_NUMBER)
def test_ct_calcium_score_number(finding_with, text, negated, score):
    f = finding_with(text, "score")
    assert f.negated is negated
    assert f.agatston == score


CT_SCORE_TITLE = [
    "CT calcium score 2019 reviewed with the patient.",
    "CT calcium score 03/2021 showed mild LAD calcium.",
    "CT CALCIUM SCORE\nIndication: chest pain.",
    "Plan: order CT calcium score.",
]


@pytest.mark.parametrize("text", CT_SCORE_TITLE)
def test_ct_calcium_score_title_or_date(findings_of, text):
    assert all("score" not in f.mention.lower() for f in findings_of(text))
