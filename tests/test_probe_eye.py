"""Ophthalmology notes, radiation oncology notes and interventional
radiology procedure notes (slit-lamp and fundus exams with OD/OS/OU,
simulation and brachytherapy notes, access and targeting lines).

Every report here is fictional and written for this file. The expected
values are read from docs/guide.md and corpora/GUIDE.md, not from the
program.
"""

from __future__ import annotations

import pytest

# An organ's "intra-" adjective names the organ as its plain adjective does
# (guide §2, site vocabulary: the name takes in the organ; corpora/GUIDE.md
# site: "the most specific that fits"): the markers and calcifications of a
# radiation oncology simulation note sit "intraprostatic", an IR target
# "intrahepatic".
INTRA_SITES: list[tuple[str, str, str]] = [
    ("CBCT alignment to fiducials; intraprostatic calcifications used as a secondary surrogate.", "calcifications", "prostate"),
    ("Cone beam CT: intraprostatic calcifications noted.", "calcifications", "prostate"),
    ("Intrarenal calcification on the left.", "calcification", "kidney"),
    ("Intrahepatic calcification near the target.", "calcification", "liver"),
    ("Ultrasound: intrathyroidal calcification.", "calcification", "thyroid"),
    ("Intrasplenic calcifications.", "calcifications", "spleen"),
    ("Intratesticular calcification on the right.", "calcification", "scrotum"),
    ("Intravesical calcification.", "calcification", "bladder"),
    ("Intrapancreatic calcifications.", "calcifications", "pancreas"),
    ("Intradermal calcifications of the left arm.", "calcifications", "skin"),
    ("B-scan: intravitreal calcification OD.", "calcification", "eye"),
    ("CT orbits: intraorbital calcification on the right.", "calcification", "eye"),
    # guards: the hyphenated form and the plain adjective stay as they were
    ("Intra-prostatic calcifications noted.", "calcifications", "prostate"),
    ("Prostatic calcifications near the right base.", "calcifications", "prostate"),
    ("Intraocular mass with calcification OS.", "calcification", "eye"),
]


@pytest.mark.parametrize(("text", "word", "site"), INTRA_SITES)
def test_intra_adjective_names_its_organ(finding_with, text, word, site):
    assert finding_with(text, word).site == site


def test_intraprostatic_calcification_is_not_the_iliac_artery(findings_of):
    text = (
        "PROCEDURE: Prostate artery embolization. Findings: tortuous, calcified "
        "internal iliac arteries bilaterally. Intraprostatic calcifications "
        "noted on cone beam CT."
    )
    a, b = findings_of(text)
    assert (a.site, b.site) == ("artery", "prostate")
    assert a.lesion_id != b.lesion_id
