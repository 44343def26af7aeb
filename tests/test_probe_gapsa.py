"""Probe of classes of error left open by the last round (session 39):
EUS station labels, conditional plans and the like, on made-up sentences,
one class per table. None of the sentences is taken from a real report."""

from __future__ import annotations

import pytest


def _first(analyzer, text: str):
    findings = analyzer.analyze(text, "T").findings
    assert findings, text
    return findings[0]


def _find(analyzer, text: str, mention: str):
    hits = [f for f in analyzer.analyze(text, "T").findings if f.mention == mention]
    assert hits, text
    return hits[-1]


# --- an EUS station label whose next word names a part of the pancreas or
# the organ the echoendoscope lies in ('Station 1 - body/tail from
# stomach', 'Station 3 - uncinate from D2') is no IASLC node station: the
# finding under it is no lymph node (guide §2: lymph node takes the
# mediastinal and hilar nodes; a label gives the site only when it names
# one). The label may end with a dash, a colon, a comma or a bracket.

EUS_STATIONS = [
    "Station 1 - body/tail from stomach: hyperechoic foci with shadowing "
    "(calcifications) in the tail.",
    "Station 2 - head from bulb: coarse calcifications.",
    "Station 3 - uncinate from D2: punctate calcification.",
    "Station 1 \u2013 body/tail from stomach: calcifications in the tail.",
    "STATION 2 -- HEAD FROM BULB: coarse calcifications.",
    "Station 1, body and tail: coarse calcifications.",
    "Station 1 (stomach): echogenic calcifications in the parenchyma.",
]


@pytest.mark.parametrize("text", EUS_STATIONS)
def test_an_eus_pancreas_station_is_no_node_station(analyzer, text):
    assert _first(analyzer, text).site != "lymph node"


# a station label naming the pancreas itself gives the pancreas
EUS_PANCREAS_NAMED = [
    "EUS: Station 1: pancreatic body and tail with several calcifications.",
    "Station 1 - pancreatic body and tail: scattered calcifications.",
]


@pytest.mark.parametrize("text", EUS_PANCREAS_NAMED)
def test_an_eus_station_naming_the_pancreas_gives_it(analyzer, text):
    assert _first(analyzer, text).site == "pancreas"


# Guards: the EBUS node stations stay nodes, whatever mark ends the label.
NODE_STATIONS_KEPT = [
    ("Station 7: 22 mm, heterogeneous with coarse calcification.", ""),
    ("Station 7 - calcified node.", ""),
    ("Station 7 - heterogeneous node with calcification.", ""),
    ("Station 11L: 9 mm, calcified.", "left"),
    ("Station 4L - 11 mm calcified.", "left"),
    ("Station 10R - hilar node, calcified.", "right"),
    ("EBUS. Station 2R and station 7 nodes sampled; station 7 contains "
     "calcification.", ""),
    ("Level 2 neck: 9 mm calcified node.", ""),
]


@pytest.mark.parametrize(("text", "side"), NODE_STATIONS_KEPT)
def test_an_ebus_node_station_stays_a_node(analyzer, text, side):
    f = _first(analyzer, text)
    assert (f.site, f.laterality) == ("lymph node", side)


# --- a calcification said not to have come back ('has not recurred', 'did
# not recur', 'has not reaccumulated') was there before and is gone now: a
# past state, historical (guide §2: it existed only in the past and is not
# seen now; dev gold reads 'excision of a calcified nodule ..., which has
# not recurred' as historical, not negated). Said of its own subject only.

NOT_RECURRED = [
    ("The heterotopic ossification has not recurred.", "heterotopic ossification"),
    ("Right shoulder: the calcific deposit in the supraspinatus tendon has not "
     "recurred.", "calcific deposit"),
    ("Status post excision of calcinosis cutis of the left elbow. The "
     "calcification has not recurred.", "calcification"),
    ("Calcification did not recur after lavage.", "Calcification"),
    ("Heterotopic ossification about the left hip, excised in 2019, has not "
     "recurred.", "Heterotopic ossification"),
    ("The calcified nodule was excised in 2018 and has not recurred.",
     "calcified nodule"),
    ("The calcific deposit has never returned.", "calcific deposit"),
]


@pytest.mark.parametrize(("text", "mention"), NOT_RECURRED)
def test_a_calcification_that_has_not_recurred_is_historical(analyzer, text, mention):
    f = _find(analyzer, text, mention)
    assert (f.historical, f.negated) == (True, False)


# Guards: another noun's 'has not recurred' and a calcification that has
# recurred leave the finding seen now.
RECURRED_KEPT = [
    "The calcific deposit was removed and pain has not recurred.",
    "Stable 5 mm calcific deposit in the supraspinatus tendon and symptoms "
    "have not recurred.",
    "Calcific deposit in the right supraspinatus tendon; the patient has not "
    "returned for follow-up.",
    "The calcific tendinitis was treated with barbotage; symptoms have not "
    "recurred.",
    "Calcification has recurred in the supraspinatus tendon.",
    "The supraspinatus calcific deposit has recurred.",
]


@pytest.mark.parametrize("text", RECURRED_KEPT)
def test_a_calcification_not_said_to_be_gone_stays_seen(analyzer, text):
    f = _first(analyzer, text)
    assert not (f.historical or f.negated)


# --- a label whose participle follows its noun ('Procedure planned:',
# 'Surgery scheduled:') plans the procedure it names, as 'Planned
# procedure:' does: no prior surgery (guide §4: planned surgery is no
# condition)

def _conditions(analyzer, text: str) -> list[str]:
    return [c.name for c in analyzer.analyze(text, "T").conditions]


PLANNED_LABELS = [
    "Procedure planned: R Lapidus bunionectomy. Vascular calcification of "
    "the dorsalis pedis artery.",
    "Procedure planned: right total knee arthroplasty. Knee x-ray: vascular "
    "calcification in the popliteal artery.",
    "Surgery planned: left carotid endarterectomy for calcified plaque at "
    "the bulb.",
    "Operation scheduled: excision of the calcified mass of the right thigh.",
    "Procedures planned: excision of calcinosis, left elbow.",
    "PROCEDURE PLANNED: RIGHT BUNIONECTOMY. Arterial calcification of the "
    "dorsalis pedis.",
    "Bunionectomy planned: date to be confirmed. Vascular calcification of "
    "the dorsalis pedis artery.",
]


@pytest.mark.parametrize("text", PLANNED_LABELS)
def test_a_procedure_under_a_planned_label_is_no_prior_surgery(analyzer, text):
    assert "prior surgery" not in _conditions(analyzer, text)


# Guards: a procedure done stays a prior surgery, beside a planned one too.
DONE_KEPT = [
    "Status post right carotid endarterectomy. Calcified plaque at the left "
    "bulb.",
    "Prior surgery: right bunionectomy 2015. Procedure planned: left "
    "bunionectomy. Vascular calcification of the dorsalis pedis.",
    "Right bunionectomy in 2015. Vascular calcification of the dorsalis "
    "pedis artery.",
]


@pytest.mark.parametrize("text", DONE_KEPT)
def test_a_procedure_done_stays_a_prior_surgery(analyzer, text):
    assert "prior surgery" in _conditions(analyzer, text)


# --- a calcification seen on the prior study and denied on the current one
# was there and is gone: negated and historical (guide §2 historical:
# 'previously noted ... no longer present'; corpora/GUIDE.md: resolved stays
# negated and historical), whatever present marker ('current') dates the
# denial. A correction that it never was there ('was bowel content',
# 'reported in error') stays a plain denial.

GONE_SINCE_PRIOR = [
    "The aortic calcification seen on prior VFA XXXX is not seen on current "
    "images.",
    "The calcified granuloma noted on the prior study is not seen on the "
    "current study.",
    "Left renal calcification, seen on the previous CT, is not visualized on "
    "the current exam.",
    "Calcification in the supraspinatus tendon seen on the prior radiograph "
    "is not present on the current radiograph.",
    "The right breast calcifications seen on prior mammogram are not seen on "
    "current imaging.",
    "Calcified granuloma seen on prior CT, not seen on current CT.",
    "Previously noted calcified granuloma is not seen on the current study.",
]


@pytest.mark.parametrize("text", GONE_SINCE_PRIOR)
def test_seen_on_the_prior_and_denied_now_is_gone(analyzer, text):
    f = _first(analyzer, text)
    assert (f.negated, f.historical) == (True, True)


# Guards: denied before as now, new since the prior, seen on both, a
# correction, and a question about a finding seen on the prior.
PRIOR_KEPT = [
    ("No calcification seen on prior or current study.", (True, False, False)),
    ("The calcification was not seen on the prior study and is present on "
     "the current study.", (False, False, False)),
    ("The aortic calcification seen on the prior is again seen on the "
     "current study.", (False, False, False)),
    ("The previously described right renal calcification was bowel content.",
     (True, False, False)),
    ("The calcification seen on prior CT was reported in error and is not "
     "present on the current study.", (True, False, False)),
    ("The calcified granuloma seen on the prior study is stable on the "
     "current study.", (False, False, False)),
    ("Evaluation of calcifications seen on prior mammogram.", (False, False, False)),
    ("Evaluate for calcified nodule seen on prior film.", (False, False, True)),
]


@pytest.mark.parametrize(("text", "flags"), PRIOR_KEPT)
def test_prior_and_current_wordings_keep_their_reading(analyzer, text, flags):
    f = _first(analyzer, text)
    assert (f.negated, f.historical, f.hypothetical) == flags
