"""Probe of independent medical examinations (IME, QME, AME), disability
and workers' compensation evaluations and records reviews: errors found on
made-up reports of that kind, one class per table."""

from __future__ import annotations

import json

import pytest

from calc_nlp.errors import PatternError
from calc_nlp.rules import load_rules

from .patterns_copy import copy_patterns

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


# --- a question about what a finding is due to or bears on ('Is the
# calcific tendinitis industrially related?'), the carrier's or the
# attorney's question an IME answers, asks about its cause, not whether it
# is there: the finding is stated (guide §2 uncertain: a hedge on its cause
# or nature does not make it uncertain); a question that only closes the
# finding's own phrase still hedges it ('Calcified granuloma in the right
# lung?')

ASKED_ABOUT_ITS_CAUSE = [
    "Is the right shoulder calcific tendinitis industrially related? No.",
    "1. Is the calcific deposit related to the work injury? In my opinion it is not.",
    "Was the left shoulder calcific tendinitis caused by the fall? No.",
    "Is the calcification of the right shoulder pre-existing? Yes.",
    "Is the right knee chondrocalcinosis work-related?",
    "Are the calcific deposits attributable to repetitive work?",
]


@pytest.mark.parametrize("text", ASKED_ABOUT_ITS_CAUSE)
def test_a_question_about_its_cause_states_the_finding(finding_with, text):
    f = finding_with(text, "")
    assert (f.uncertain, f.hypothetical, f.negated) == (False, False, False)


ASKED_WHETHER_THERE = [
    "Clinical question: calcification in the right shoulder?",
    "Calcified granuloma in the right lung?",
    "Reason for exam: calcific tendinitis of the left shoulder?",
]


@pytest.mark.parametrize("text", ASKED_WHETHER_THERE)
def test_a_question_on_the_finding_itself_still_asks(finding_with, text):
    f = finding_with(text, "")
    assert f.uncertain or f.hypothetical


def test_question_predicates_must_be_lower_case(tmp_path):
    """The words are looked up by a token's lower case: the loader refuses a
    capitalised one, naming the list."""
    d = copy_patterns(tmp_path)
    path = d / "context.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["clause_verbs"]["question_predicates"].append("Related")
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PatternError, match="words must be lower-case strings") as e:
        load_rules(d)
    assert "question_predicates" in str(e.value)


# --- 'has not resolved' says the deposit is still there: 'resolved' with a
# 'not' before it gives neither the denial nor the change 'resolved' (guide
# §2 negated: denied now; corpora/GUIDE.md change: a change word the text
# denies is not the finding's, as 'not new' gives none)

NOT_RESOLVED = [
    "The calcific tendinitis has not resolved.",
    "Calcific deposit in the right supraspinatus, not resolved despite lavage.",
    "The calcification in the left shoulder has not yet resolved.",
    "The calcific deposits have not completely resolved.",
]


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_a_deposit_not_resolved_is_still_there(finding_with, text):
    f = finding_with(text, "")
    assert (f.negated, f.historical, f.change) == (False, False, "")


RESOLVED = [
    "The calcific tendinitis has resolved.",
    "Right shoulder calcification, now resolved.",
    "The calcific deposit resolved after lavage.",
]


@pytest.mark.parametrize("text", RESOLVED)
def test_a_deposit_resolved_is_gone(finding_with, text):
    f = finding_with(text, "")
    assert (f.negated, f.historical, f.change) == (True, True, "resolved")


# --- a causation opinion that denies a cause of a known finding ('There is
# no evidence that the calcific tendinitis was caused by the injury') denies
# the cause, not the deposit the report already knows ('the', 'her' before
# it): the finding is not negated (guide §2 negated: the deposit is
# denied); 'no evidence of calcification' and 'no evidence that the patient
# has ...' still deny it

NO_EVIDENCE_OF_ITS_CAUSE = [
    "There is no evidence that the calcific tendinitis was caused by the injury.",
    "There is no medical evidence that the right shoulder calcification is industrially related.",
    "No evidence that the calcific deposit resulted from the fall.",
    "There is no objective evidence that her calcific tendinitis was aggravated by work.",
    "The records do not support that the calcific tendinitis is work related.",
]


@pytest.mark.parametrize("text", NO_EVIDENCE_OF_ITS_CAUSE)
def test_denying_a_cause_of_a_known_deposit_states_it(finding_with, text):
    assert finding_with(text, "").negated is False


NO_EVIDENCE_OF_IT = [
    "No evidence of calcification.",
    "There is no evidence that calcification is present.",
    "No evidence of calcific tendinitis on today's films.",
    "There is no evidence that the patient has calcific tendinitis.",
    "There is no evidence that the claimant had a calcific deposit.",
]


@pytest.mark.parametrize("text", NO_EVIDENCE_OF_IT)
def test_no_evidence_of_the_deposit_still_denies_it(finding_with, text):
    assert finding_with(text, "").negated is True


# --- a deposit said to be gone by 'resolved' and a manner word after it
# ('resolved spontaneously', 'resolved completely after barbotage') is
# denied now and was there before: negated, historical, change resolved, as
# after a bare 'resolved' (guide §2 negated: 'resolved'; historical: a past
# state not seen now; corpora/GUIDE.md change: resolved)

GONE_AFTER_THE_FACT = [
    "Follow-up x-rays: the calcific deposit resolved spontaneously.",
    "The right shoulder calcification resolved completely after barbotage.",
    "The calcific deposit in the left supraspinatus resolved entirely.",
]


@pytest.mark.parametrize("text", GONE_AFTER_THE_FACT)
def test_a_deposit_gone_after_the_fact_is_denied_and_past(finding_with, text):
    f = finding_with(text, "")
    assert (f.negated, f.historical, f.change) == (True, True, "resolved")


STILL_THERE = [
    "The calcific deposit has not changed.",
    "Pain recurred despite lavage of the calcific deposit.",
    "The calcific deposit persists; symptoms resolved spontaneously.",
    "The calcific deposit is unchanged; the pain resolved completely.",
]


@pytest.mark.parametrize("text", STILL_THERE)
def test_a_deposit_still_there_is_not_denied(finding_with, text):
    assert finding_with(text, "").negated is False


# --- a numbered diagnosis list names a body part per item: an item's side
# ('2. Left knee sprain.') is not the topic of the next item's finding
# ('3. Cervical spondylosis with calcified anterior longitudinal ligament.'),
# which names another part (guide §2: a side from its clear context;
# corpora/GUIDE.md laterality: not carried from other sentences); a side the
# note gives before the list, or in the finding's own item, still counts

OTHER_ITEMS_SIDE = [
    "DIAGNOSES:\n1. Right shoulder strain.\n2. Left knee sprain.\n"
    "3. Cervical spondylosis with calcified anterior longitudinal ligament.",
    "IMPRESSION:\n1. Left wrist sprain.\n2. Calcified stylohyoid ligament, incidental.",
]


@pytest.mark.parametrize("text", OTHER_ITEMS_SIDE)
def test_a_list_items_side_is_not_the_next_items(finding_with, text):
    assert finding_with(text, "").laterality == ""


SIDE_OF_THE_NOTE = [
    "Left knee pain.\n1. Chondrocalcinosis of the menisci.\n2. Small effusion.",
    "HPI: Left knee pain after a fall. Radiographs show chondrocalcinosis.",
    "1. Left knee pain. Radiographs show chondrocalcinosis.\n2. Right shoulder strain.",
]


@pytest.mark.parametrize("text", SIDE_OF_THE_NOTE)
def test_the_notes_side_still_counts(finding_with, text):
    assert finding_with(text, "").laterality == "left"
