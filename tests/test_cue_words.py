"""Cues that fire only on the words that name them (guide §3, §4 rule 1).

Invented sentences: each names a thing whose words resemble a cue's but
name something else, and the evidence must not quote it as that cue.
"""

from __future__ import annotations

import pytest


# Guide §3 keeps histoplasmosis apart from tuberculosis ("never turned into
# tuberculosis or histoplasmosis, which need their own words"): the cue that
# fires on its words carries its own name.
@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Calcified subcarinal nodes, sequelae of remote histoplasmosis.",
            "histoplasmosis",
        ),
        ("Splenic calcified granulomata, prior Histoplasma infection.", "Histoplasma"),
    ],
)
def test_histoplasmosis_cue_is_named_histoplasmosis(findings_of, text, word):
    f = findings_of(text)[0]
    assert f.classification == "dystrophic"
    assert "histoplasmosis" in f.evidence.replace(f'"{word}"', "")
    assert word in f.evidence
    assert "tuberculosis" not in f.evidence


# Guide §2 (site vocabulary: pleura, 'pleural plaque'): a plaque of the
# pleura, as after asbestos, is no atherosclerotic plaque; still a plaque of
# damaged tissue (guide §4 rule 1), so the class stays dystrophic.
@pytest.mark.parametrize(
    "text",
    [
        "Calcified pleural plaques along both hemidiaphragms, asbestos related.",
        "Scattered calcified plaques of the parietal pleura.",
        "FINDINGS: Calcified pleural plaque on the left.\n"
        "IMPRESSION: Left pleural calcification.",
    ],
)
def test_a_pleural_plaque_is_no_atherosclerotic_plaque(findings_of, text):
    for f in findings_of(text):
        assert f.site == "pleura"
        assert f.classification == "dystrophic"
        assert "pleural plaque" in f.evidence
        assert "atherosclerotic" not in f.evidence


def test_a_vessel_plaque_still_is(findings_of):
    (f,) = findings_of("Calcified plaque in the left common carotid artery.")
    assert f.evidence.startswith('rule1: atherosclerotic plaque "plaque"')


# A note's title or a service ('vascular surgery office note') names the
# department that wrote it, no surgery done (guide §4 rule 1: earlier
# surgery at that place; a condition only as the report asserts it).
@pytest.mark.parametrize(
    "title",
    [
        "GENERAL SURGERY OFFICE VISIT - left breast lump.",
        "Breast surgery progress note regarding the left breast.",
        "PLASTIC SURGERY NOTE, left breast.",
    ],
)
def test_a_note_title_names_no_surgery(analyzer, title):
    report = analyzer.analyze(
        title + "\nFINDINGS: Calcified nodule in the left breast.", "T"
    )
    (f,) = report.findings
    assert "surgery" not in f.evidence
    assert "prior surgery" not in [c.name for c in report.conditions]


def test_a_surgery_done_still_counts(analyzer):
    text = "Prior surgery of the left breast.\nFINDINGS: Calcified nodule in the left breast."
    report = analyzer.analyze(text, "T")
    assert 'prior surgery "surgery"' in report.findings[0].evidence
    assert "prior surgery" in [c.name for c in report.conditions]


# Guide §4: planned surgery is no condition. A procedure a recommendation
# section names is to come, so it is no earlier surgery at that place.
@pytest.mark.parametrize(
    "plan",
    [
        "RECOMMENDATION: Coronary artery bypass grafting.",
        "RECOMMENDATIONS: Aortic valve replacement with coronary artery bypass surgery.",
    ],
)
def test_a_recommended_operation_is_no_prior_surgery(analyzer, plan):
    report = analyzer.analyze(plan + "\nFINDINGS: Coronary artery calcification.", "T")
    (f,) = report.findings
    assert "prior surgery" not in f.evidence
    assert "prior surgery" not in [c.name for c in report.conditions]


def test_an_earlier_operation_still_is(analyzer):
    text = "HISTORY: Prior coronary artery bypass grafting.\nFINDINGS: Coronary artery calcification."
    report = analyzer.analyze(text, "T")
    assert "prior surgery" in report.findings[0].evidence
    assert "prior surgery" in [c.name for c in report.conditions]


# 'requires' puts a procedure ahead, as 'will need' does (guide §4: planned
# surgery is no condition); a disease or treatment it reaches stays.
def test_a_required_operation_is_no_prior_surgery(analyzer):
    text = (
        "HISTORY: The needle sample was not conclusive, so the lesion now requires "
        "excision from the right breast.\nFINDINGS: Calcifications in the right breast."
    )
    report = analyzer.analyze(text, "T")
    assert "prior surgery" not in report.findings[0].evidence
    assert "prior surgery" not in [c.name for c in report.conditions]


def test_a_required_treatment_is_still_the_patients(analyzer):
    text = "HISTORY: Renal failure, requires dialysis.\nFINDINGS: Calcified left femoral artery."
    report = analyzer.analyze(text, "T")
    assert "chronic kidney disease" in [c.name for c in report.conditions]
