"""General ultrasound and nuclear medicine reports (abdominal, renal,
scrotal, pelvic and soft-tissue ultrasound; bone scans, parathyroid and
thyroid scintigraphy).

Every report here is fictional and written for this file. The expected
values are read from docs/guide.md and corpora/GUIDE.md, not from the
program.
"""

from __future__ import annotations

import pytest

# A grade word before the tracer's uptake grades the uptake on a scan, not
# how much calcium the finding holds (corpora/GUIDE.md, Descriptors:
# severity is "the words that grade how much calcium the finding
# describes"; "Size and count words are not severity ... nor a grade of the
# narrowing a mention names").
UPTAKE_GRADES: list[tuple[str, str, str]] = [
    ("BONE SCAN: Faint uptake in a calcified uterine fibroid.", "fibroid", ""),
    ("BONE SCAN: Mild uptake in a calcified uterine fibroid.", "fibroid", ""),
    ("Bone scan: Marked uptake in the calcified myocardium.", "myocardium", ""),
    ("Bone scan: Moderate tracer accumulation in heterotopic ossification about the left hip.", "ossification", ""),
    ("Bone scan: Mild increased radiotracer activity in a calcified hematoma of the right thigh.", "hematoma", ""),
    ("Bone scan: Heterotopic ossification about the right hip with mild uptake.", "ossification", ""),
    # guards: a grade of the calcium itself stays
    ("Bone scan: Intense uptake corresponding to dense calcification in the left gluteal soft tissues.", "calcification", "severe"),
    ("Bone scan: Mild calcification of the left thigh muscles with uptake.", "calcification", "mild"),
    ("Ultrasound: Extensive calcification of the uterine fibroid.", "calcification", "severe"),
    ("Bone scan: Uptake in the densely calcified fibroid.", "fibroid", "severe"),
]


@pytest.mark.parametrize(("text", "word", "severity"), UPTAKE_GRADES)
def test_uptake_grade_is_no_severity(finding_with, text, word, severity):
    assert finding_with(text, word).severity == severity
