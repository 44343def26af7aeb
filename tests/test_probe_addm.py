"""Addenda, amended and corrected reports, preliminary and final reads, and
reports that hold several exams (made-up sentences, one row each)."""

from __future__ import annotations

import pytest

from calc_nlp.stages import analyze_report


def _flags(text: str, mention: str | None = None) -> str:
    findings = analyze_report(text).findings
    if mention is not None:
        findings = [f for f in findings if f.mention == mention]
    assert findings, text
    f = findings[0]
    pairs = (
        ("negated", "N"),
        ("uncertain", "U"),
        ("historical", "H"),
        ("hypothetical", "Y"),
        ("family", "F"),
    )
    return "".join(c for k, c in pairs if getattr(f, k))


# A statement the addendum withdraws ("disregard the prior statement
# regarding X", "X was reported in error", "incorrectly stated X") says X is
# not there: negated (guide §2, negated: the deposit is denied), and the
# "prior" of "the prior statement" dates the report's words, not the deposit.
RETRACTED = [
    ("ADDENDUM: Please disregard the prior statement regarding left renal calcification.", "N"),
    ("ADDENDUM: Disregard the statement regarding aortic valve calcification. The aortic valve is normal.", "N"),
    ("Addendum: disregard the previous comment about pancreatic calcification.", "N"),
    ("AMENDED: The findings section incorrectly stated right breast calcifications.", "N"),
    ("ADDENDUM: Right breast calcifications were reported in error.", "N"),
    ("ADDENDUM: The calcified granuloma was erroneously reported; the lungs are clear.", "N"),
    ("Addendum: The statement of coronary artery calcification should be disregarded.", "N"),
    # guards: a present finding beside the retracted words, plain "prior"
    ("ADDENDUM: Disregard the prior statement regarding the nodule. There is a calcified granuloma in the right upper lobe.", ""),
    ("Calcified granuloma, seen on the prior study, is unchanged.", ""),
    ("Prior calcified granuloma in the right upper lobe.", "H"),
    ("The report incorrectly omitted coronary artery calcification.", ""),
]


@pytest.mark.parametrize(("text", "flags"), RETRACTED)
def test_retracted_statement(text: str, flags: str) -> None:
    assert _flags(text) == flags


# "should read" corrects the wording of the report: what follows is stated,
# not raised as a possibility (guide §2, hypothetical).
SHOULD_READ = [
    ("ADDENDUM: Impression should read: Calcified granuloma in the left lower lobe.", ""),
    ('ADDENDUM: The phrase "right lower lobe" should read "calcified granuloma in the left lower lobe".', ""),
    ("Correction: the second sentence should have read: mild coronary artery calcification.", ""),
    # guards: "should" of a plan or a condition stays hypothetical
    ("Should calcification develop, biopsy is advised.", "Y"),
    ("Follow-up should assess for calcification of the nodule.", "Y"),
]


@pytest.mark.parametrize(("text", "flags"), SHOULD_READ)
def test_should_read_correction(text: str, flags: str) -> None:
    assert _flags(text) == flags
