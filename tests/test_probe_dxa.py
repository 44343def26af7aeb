"""Probe round on bone densitometry (DXA), vertebral fracture assessment
(VFA) and bone-health clinic notes. Made-up sentences, one row per wording;
none is taken from a real report.
"""

from __future__ import annotations

import pytest


def _flags(f) -> tuple[bool, bool, bool]:
    return (f.negated, f.uncertain, f.hypothetical)


# A DXA report names the aortic calcification (or the degenerative change)
# that raises the lumbar spine BMD: the hedge, the denial or the advice is on
# the measurement ("may be falsely elevated", "not reliable", "interpret with
# caution"); the calcification named after "by", "due to", "because of" is its
# cause, seen (guide §2: a modifier governs its own clause; uncertain is a
# hedge on presence, not on what the deposit does).
MEASURE_AFFECTED_BY = [
    "Lumbar spine BMD may be falsely elevated by aortic calcification.",
    "Lumbar spine BMD may be overestimated due to aortic calcification.",
    "The spine T-score could be spuriously raised by aortic calcification.",
    "The spine BMD is possibly elevated by aortic calcification.",
    "The apparent gain at the spine is probably artefactual from aortic "
    "calcification.",
    "Spine may be artifactually elevated secondary to aortic calcification and "
    "degenerative changes.",
    "Spine results are not reliable due to aortic calcification.",
    "Spine BMD not reported due to aortic calcification artefact.",
    "The lumbar spine values should be interpreted with caution because of "
    "aortic calcification.",
    "THE SPINE MAY BE INFLUENCED BY AORTIC CALCIFICATION.",
    "L1-L4 T-score possibly affected by aortic calcification.",
]


@pytest.mark.parametrize("text", MEASURE_AFFECTED_BY)
def test_the_cause_of_an_affected_measure_is_seen(finding_with, text):
    f = finding_with(text, "aortic calcification")
    assert _flags(f) == (False, False, False)
    assert f.site == "aorta"
    assert f.classification == "dystrophic"


# Guards: a hedge or denial that reads what a thing is, or denies the
# calcification itself, stays on it.
HEDGED_OR_DENIED = [
    ("The density over L4 may be due to aortic calcification.", (False, True, False)),
    ("Possible aortic calcification, which may elevate the spine BMD.",
     (False, True, False)),
    ("No aortic calcification to suggest artefactual elevation of the spine BMD.",
     (True, False, False)),
    ("Spine BMD may be artefactually increased by degenerative change; no aortic "
     "calcification is identified.", (True, False, False)),
    ("The spine is not elevated. There is no aortic calcification.",
     (True, False, False)),
    ("Evaluate for aortic calcification on the lateral view.", (False, False, True)),
]


@pytest.mark.parametrize(("text", "flags"), HEDGED_OR_DENIED)
def test_a_hedge_on_the_calcification_stays(finding_with, text, flags):
    assert _flags(finding_with(text, "aortic calcification")) == flags


# The spine left out of the analysis because of the calcification: the denial
# is of the measurement (guide §2), the calcification is seen.
MEASURE_LEFT_OUT_BECAUSE_OF = [
    "DXA: L1-L4 not evaluated due to aortic calcification. Femoral neck T -2.1.",
    "The lumbar spine was not analyzed because of aortic calcification.",
    "L2-L4 not assessed owing to aortic calcification.",
    "Spine not measured due to aortic calcification.",
    "Lumbar spine: possible artefact from overlying aortic calcification.",
]


@pytest.mark.parametrize("text", MEASURE_LEFT_OUT_BECAUSE_OF)
def test_the_cause_of_a_measure_left_out_is_seen(finding_with, text):
    assert _flags(finding_with(text, "aortic calcification")) == (False, False, False)


# A template line answers its label after a dash as after a colon: "no"
# denies the calcification the label names, its place written after it too
# (guide §2: negated; the denial keeps the site, corpora/GUIDE.md site).
LABEL_ANSWERED_NO = [
    ("Aortic calcification - no\n", "aorta"),
    ("Calcification of the abdominal aorta - nil\n", "aorta"),
    ("Vascular calcification of the iliac arteries - No\n", "artery"),
    ("Abdominal aortic calcification - No.\n", "aorta"),
    ("Calcification of the abdominal aorta - absent\n", "aorta"),
]


@pytest.mark.parametrize(("text", "site"), LABEL_ANSWERED_NO)
def test_a_label_answered_no_denies_it(findings_of, text, site):
    f = findings_of(text)[0]
    assert (f.negated, f.site) == (True, site)


# Guards: a dash before other words, or an answer that grades it.
LABEL_ANSWER_GUARDS = [
    "Aortic calcification - no change since XXXX.\n",
    "Calcification of the aorta: mild.\n",
    "Aortic calcification - not significant for the spine BMD.\n",
]


@pytest.mark.parametrize("text", LABEL_ANSWER_GUARDS)
def test_a_label_answer_that_grades_it_stays(findings_of, text):
    f = findings_of(text)[0]
    assert (f.negated, f.site) == (False, "aorta")


# A DXA template labels each region with its side in brackets after it
# ('FOREARM (LEFT):', 'Hip (Right):'): the label gives its side to the
# findings of its line after the measurement sentence, as 'LEFT FOREARM:'
# does (guide §2 step 4: a label line above the finding).
BRACKETED_SIDE_LABELS = [
    ("FOREARM (LEFT): One-third radius T-score -2.8. Vascular calcification of "
     "the radial artery.", "left"),
    ("Hip (Right): T-score -2.0. Femoral artery calcification.", "right"),
    ("Femur (Left): total hip T -1.9. Calcification of the femoral artery.",
     "left"),
]


@pytest.mark.parametrize(("text", "side"), BRACKETED_SIDE_LABELS)
def test_a_bracketed_side_label_gives_its_side(findings_of, text, side):
    assert findings_of(text)[0].laterality == side


# Guards: a bracketed side inside a sentence is no label; a later label of
# the other side heads its own line.
BRACKETED_SIDE_GUARDS = [
    ("The femur (left) was scanned. Femoral artery calcification.", ""),
    ("Hip (Right): T-score -2.0.\nHip (Left): T-score -1.8. Femoral artery "
     "calcification.", "left"),
    ("Kidney (lower pole): 4 mm focus. Calcification of the renal artery.", ""),
    ("LEFT FOREARM: radius T -2.8. Radial artery calcification.", "left"),
]


@pytest.mark.parametrize(("text", "side"), BRACKETED_SIDE_GUARDS)
def test_a_bracketed_side_guards(findings_of, text, side):
    assert findings_of(text)[-1].laterality == side
