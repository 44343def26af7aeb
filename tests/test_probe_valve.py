"""Heart valve reports: echocardiography, TAVR / TAVI planning CT, valve
consults and operative notes (guide §2 "Site and side from context" and
site vocabulary; corpora/GUIDE.md, site).

Every fragment is made up for this file, each class written several ways
(labels, capitals, one-liners), with guard rows that must not change:

- 'tricuspid' right after a valve's label colon ('Aortic valve: tricuspid,
  heavily calcified') says how many cusps the labelled valve has, as after
  'is' ('the aortic valve is tricuspid'); it names no tricuspid valve, so
  the label gives the site;
- 'the annulus' with no valve named on it is the annulus of the valve its
  sentence or the sentences before name, a valve named in another finding's
  own words too ('a heavily calcified trileaflet aortic valve, moderate
  calcification of the annulus': the aortic valve's), as a valve word
  naming no part of its own ('the leaflets') already is; 'annular
  calcification' whose own sentence names no valve is the annulus the
  sentences right before it named with one valve (past a list mark: '1.
  Heavily calcified tricuspid aortic valve; annulus perimeter 70 mm. 2.
  Moderate annular calcification': the aortic valve's), and stays the
  mitral annulus after a sentence that names a valve but no annulus;
- the left ventricular outflow tract is the left ventricle's (myocardium),
  by its abbreviation too ('LVOT: no significant calcification', 'Moderate
  LVOT calcification'): a finding there takes no aortic valve from the
  label or the sentence before, nor the valve's lesion;
- the diseased valve a surgical valve replacement was done for ('status
  post aortic valve replacement for calcific aortic stenosis', 'underwent
  mitral valve replacement in 2010 for a heavily calcified rheumatic
  valve') was cut out: historical, as after 's/p AVR for' already; a
  transcatheter replacement leaves the native valve in place, and what
  the replacement is 'with' is seen now;
- 'AV' names the aortic valve where prose uses it as the valve's noun:
  before a verb ('The AV is heavily calcified'), 'with' or 'w/', or a comma
  or full stop closing the phrase ('Heavily calcified AV.', 'Calcified
  trileaflet AV, moderate AS'), as before a valve's own words; before other
  words it may be arteriovenous or atrioventricular and names no site.
"""

from __future__ import annotations

from typing import Any

import pytest

# (text, a word of the finding's mention or '' for the text's only finding,
#  expected fields)
CUSP_COUNT: list[tuple[str, str, dict[str, Any]]] = [
    ("Aortic valve: tricuspid, heavily calcified.", "", {"site": "aortic valve"}),
    ("AORTIC VALVE: TRICUSPID, MODERATELY CALCIFIED.", "", {"site": "aortic valve"}),
    ("Aortic valve: tricuspid with calcified leaflets.", "", {"site": "aortic valve"}),
    ("CT HEART\nAV: tricuspid, severely calcified cusps.", "", {"site": "aortic valve"}),
    ("TTE\nAortic valve: tricuspid; mild leaflet calcification, no stenosis.", "", {"site": "aortic valve"}),
    # guards: the tricuspid valve named as such stays a heart valve
    ("Tricuspid valve: mildly calcified leaflets.", "", {"site": "heart valve"}),
    ("Aortic valve: normal. Tricuspid valve: calcified leaflets.", "", {"site": "heart valve"}),
    ("TRICUSPID: calcified leaflets.", "", {"site": "heart valve"}),
    ("Mitral: normal.\nTricuspid: calcified leaflets.", "", {"site": "heart valve"}),
    ("The aortic valve is tricuspid and heavily calcified.", "", {"site": "aortic valve"}),
    ("Heavily calcified tricuspid aortic valve.", "", {"site": "aortic valve"}),
    ("Echo: Tricuspid valve leaflets are calcified.", "", {"site": "heart valve"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), CUSP_COUNT)
def test_tricuspid_after_a_valve_label_counts_cusps(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


ANNULUS_OF_NAMED_VALVE: list[tuple[str, str, dict[str, Any]]] = [
    ("CTA showed a heavily calcified trileaflet aortic valve, moderate calcification of the annulus, and calcified iliac arteries.", "calcification", {"site": "aortic valve"}),
    ("Aortic valve calcification. The annulus is also calcified.", "calcified", {"site": "aortic valve"}),
    ("TTE: Calcified aortic valve with restricted opening. The annulus is mildly calcified.", "calcified", {"site": "aortic valve"}),
    ("Heavily calcified bicuspid aortic valve; calcification extends into the annulus.", "calcification", {"site": "aortic valve"}),
    ("OPERATIVE FINDINGS: Severe calcific aortic stenosis. The annulus was heavily calcified and was debrided.", "calcified", {"site": "aortic valve"}),
    # guards: a mitral finding before, or no valve named, keeps the mitral annulus
    ("Calcified mitral leaflets. The annulus is also calcified.", "calcified", {"site": "mitral annulus"}),
    ("MAC, moderate. The annulus is calcified posteriorly.", "calcified", {"site": "mitral annulus"}),
    ("The annulus is calcified.", "", {"site": "mitral annulus"}),
    ("Calcified aortic valve. Mitral valve: calcification of the annulus.", "calcification", {"site": "mitral annulus"}),
    # 'annular calcification' after a sentence naming the valve
    ("TAVR CT\nAortic valve Agatston score 1850. Annulus area 520 mm2. Moderate annular calcification.", "annular", {"site": "aortic valve"}),
    ("IMPRESSION: 1. Severely calcified tricuspid aortic valve, annulus 25 x 28 mm. 2. Moderate annular calcification extending into the LVOT.", "annular", {"site": "aortic valve"}),
    ("Aortic valve: trileaflet, heavily calcified.\nAnnulus: 24 x 27 mm, perimeter 80 mm.\nAnnular calcification: moderate.", "Annular", {"site": "aortic valve"}),
    ("IMPRESSION: ,1. Heavily calcified trileaflet aortic valve; annulus perimeter 81 mm, suitable for a 29 mm valve.,2. Mild annular calcification.", "annular", {"site": "aortic valve"}),
    # guards: no annulus named with the valve before, a mitral one, or a
    # paragraph break: the mitral annulus (tests/test_sites_part_named_before.py)
    ("The aortic valve is heavily calcified. Moderate annular calcification.", "annular", {"site": "mitral annulus"}),
    ("IMPRESSION: 1. Severely calcified tricuspid aortic valve. 2. Moderate annular calcification.", "annular", {"site": "mitral annulus"}),
    ("Aortic valve calcification. Annulus 25 mm.\n\nAnnular calcification.", "Annular", {"site": "mitral annulus"}),
    ("Moderate annular calcification.", "", {"site": "mitral annulus"}),
    ("Calcified mitral leaflets. Annular calcification, moderate.", "Annular", {"site": "mitral annulus"}),
    ("Calcified aortic valve. Normal LV size. Annular calcification.", "Annular", {"site": "mitral annulus"}),
    ("Calcified aortic valve.\n\nAnnular calcification.", "Annular", {"site": "mitral annulus"}),
    ("Aortic knob calcified. Annular calcification.", "Annular", {"site": "mitral annulus"}),
    ("Calcified aortic valve. Mitral valve: annular calcification.", "annular", {"site": "mitral annulus"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), ANNULUS_OF_NAMED_VALVE)
def test_annulus_of_a_valve_a_finding_names(findings_of, text, word, expected):
    found = [f for f in findings_of(text) if word.lower() in f.mention.lower()]
    assert found, [f.mention for f in findings_of(text)]
    f = found[-1]  # the annulus finding comes last
    assert {name: getattr(f, name) for name in expected} == expected


# (text, which finding in text order (-1: the last), expected fields)
OUTFLOW_TRACT: list[tuple[str, int, dict[str, Any]]] = [
    ("TAVR CT\nLVOT: no significant calcification.", -1, {"site": "myocardium", "negated": True}),
    ("Aortic valve calcium score 2850.\nLVOT: moderate calcification.", -1, {"site": "myocardium"}),
    ("Impression: Heavily calcified aortic valve. Moderate LVOT calcification.", -1, {"site": "myocardium"}),
    ("AORTIC VALVE: SEVERELY CALCIFIED. CALCIFICATION IN THE LVOT BENEATH THE LEFT CORONARY CUSP.", -1, {"site": "myocardium"}),
    ("Calcified LVOT.", -1, {"site": "myocardium"}),
    # guards: a valve named first in the phrase keeps it; the long name
    ("Calcification extends from the left coronary cusp into the LVOT.", -1, {"site": "aortic valve"}),
    ("Calcified aortic valve. Moderate calcification of the aortic annulus extending into the LVOT.", -1, {"site": "aortic valve"}),
    ("Heavy calcification of the left ventricular outflow tract.", -1, {"site": "myocardium"}),
    ("LVOT diameter 2.1 cm. Calcified aortic valve.", -1, {"site": "aortic valve"}),
]


@pytest.mark.parametrize(("text", "which", "expected"), OUTFLOW_TRACT)
def test_outflow_tract_is_the_left_ventricle(findings_of, text, which, expected):
    found = findings_of(text)
    assert found, text
    f = found[which]
    assert {name: getattr(f, name) for name in expected} == expected


def test_outflow_tract_calcification_is_not_the_valve_lesion(lesion_numbers):
    text = "Impression: Heavily calcified aortic valve. Moderate LVOT calcification."
    assert lesion_numbers(text) == [1, 2]


# (text, expected historical flag of the text's last finding)
REPLACED_FOR: list[tuple[str, bool]] = [
    ("Indication: status post aortic valve replacement for calcific aortic stenosis.", True),
    ("Indication: status post surgical aortic valve replacement for severe calcific AS (2016).", True),
    ("Indication: s/p mitral valve replacement for calcified rheumatic mitral valve.", True),
    ("STATUS POST BIOPROSTHETIC AORTIC VALVE REPLACEMENT (2016) FOR CALCIFIED BICUSPID VALVE.", True),
    ("He underwent aortic valve replacement in 2019 for a severely calcified aortic valve.", True),
    ("PMH: underwent mitral valve replacement for heavily calcified rheumatic mitral stenosis.", True),
    # guards
    ("Indication: s/p AVR for calcific aortic stenosis.", True),
    ("Status post transcatheter aortic valve replacement for calcific aortic stenosis. Native leaflets are calcified.", False),
    ("Status post aortic valve replacement with moderate mitral annular calcification.", False),
    ("Status post aortic valve replacement. Mitral annular calcification.", False),
    ("Referred for aortic valve replacement for severe calcific aortic stenosis.", False),
    ("Calcific aortic stenosis, status post aortic valve replacement.", True),
]


@pytest.mark.parametrize(("text", "historical"), REPLACED_FOR)
def test_valve_replaced_for_a_calcified_valve_is_historical(findings_of, text, historical):
    found = findings_of(text)
    assert found, text
    assert found[-1].historical is historical


AV_NOUN: list[tuple[str, dict[str, Any]]] = [
    ("Trileaflet AV w/ mild leaflet calcif, no AS.", {"site": "aortic valve"}),
    ("The AV is heavily calcified with reduced excursion.", {"site": "aortic valve"}),
    ("Heavily calcified AV.", {"site": "aortic valve"}),
    ("Calcified trileaflet AV, moderate AS.", {"site": "aortic valve"}),
    ("AV with moderate calcification.", {"site": "aortic valve"}),
    ("Calcified bicuspid AV with severe stenosis.", {"site": "aortic valve"}),
    ("TTE: AV appears calcified, no stenosis.", {"site": "aortic valve"}),
    ("THE AV WAS SEVERELY CALCIFIED.", {"site": "aortic valve"}),
    # guards: arteriovenous and atrioventricular senses name no valve
    ("Left arm AV fistula with calcification.", {"site": ""}),
    ("AV graft with calcification.", {"site": ""}),
    ("AV calcification, moderate.", {"site": "aortic valve"}),
]


@pytest.mark.parametrize(("text", "expected"), AV_NOUN)
def test_av_as_the_valve_noun(findings_of, text, expected):
    found = findings_of(text)
    assert len(found) == 1, [f.mention for f in found]
    assert {name: getattr(found[0], name) for name in expected} == expected
