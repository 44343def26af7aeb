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


def _finding(text: str, mention: str) -> tuple[str, str]:
    found = [f for f in analyze_report(text).findings if f.mention == mention]
    assert found, text
    return found[-1].site, found[-1].laterality


# A report that holds several exams, each under a heading line of its own:
# a finding of a later exam's block is seen on that exam, so the exam's one
# reading and its side are that exam's, not the first one's (guide §2 "Site
# and side from context", step 5).
EXAM_BLOCKS = [
    (
        "RIGHT MAMMOGRAM DIAGNOSTIC\nFINDINGS: Grouped calcifications at 9 o'clock.\n"
        "LEFT MAMMOGRAM DIAGNOSTIC\nFINDINGS: Vascular calcifications.",
        "Vascular calcifications",
        ("artery", "left"),
    ),
    (
        "RIGHT MAMMOGRAM DIAGNOSTIC\nFINDINGS: Grouped calcifications at 9 o'clock.\n"
        "LEFT MAMMOGRAM DIAGNOSTIC\nFINDINGS: No suspicious calcifications.",
        "calcifications",
        ("breast", "left"),
    ),
    (
        "XR LEFT SHOULDER\nFindings: Calcific tendinitis of the supraspinatus.\n"
        "XR RIGHT SHOULDER\nFindings: Soft tissue calcification lateral to the greater tuberosity.",
        "Soft tissue calcification",
        ("soft tissue", "right"),
    ),
    (
        "PROCEDURE: US RIGHT BREAST\nFINDINGS: Echogenic foci consistent with calcifications.\n"
        "PROCEDURE: US LEFT BREAST\nFINDINGS: No calcifications.",
        "calcifications",
        ("breast", "left"),
    ),
    (
        "CHEST X-RAY\nIMPRESSION: Calcified granuloma.\nMAMMOGRAM\nIMPRESSION: Benign calcifications.",
        "calcifications",
        ("breast", ""),
    ),
    # guards: the first exam's block, a comparison line naming another
    # study, a heading of the same exam that names no side
    (
        "RIGHT MAMMOGRAM DIAGNOSTIC\nFINDINGS: Grouped calcifications at 9 o'clock.\n"
        "LEFT MAMMOGRAM DIAGNOSTIC\nFINDINGS: Vascular calcifications.",
        "calcifications",
        ("breast", "right"),
    ),
    (
        "LEFT MAMMOGRAM\nCOMPARISON: RIGHT MAMMOGRAM XXXX\nFINDINGS: Vascular calcifications.",
        "Vascular calcifications",
        ("artery", "left"),
    ),
    (
        "RIGHT DIAGNOSTIC MAMMOGRAM\nFINDINGS: Benign calcifications.\n"
        "SPOT MAGNIFICATION MAMMOGRAM VIEWS\nGrouped calcifications at 10 o'clock.",
        "calcifications",
        ("breast", "right"),
    ),
    (
        "CHEST X-RAY\nIMPRESSION: Calcified granuloma.\nMAMMOGRAM\nIMPRESSION: Benign calcifications.",
        "Calcified granuloma",
        ("lung", ""),
    ),
]


@pytest.mark.parametrize(("text", "mention", "want"), EXAM_BLOCKS)
def test_exam_blocks(text: str, mention: str, want: tuple[str, str]) -> None:
    assert _finding(text, mention) == want


# An addendum's correction of the place: 'X described in P1 is in P2'. The
# place the clause's predicate gives is where the finding lies (guide §2
# step 2); the place the earlier report wrote gives neither site nor side.
CORRECTED_PLACE = [
    ("ADDENDUM: The calcifications described in the left breast are in the right breast.", "calcifications", ("breast", "right")),
    ("CORRECTED REPORT: The calcification previously described in the right kidney is actually in the gallbladder wall.", "calcification", ("gallbladder", "")),
    ("ADDENDUM: The previously described calcification in the left thyroid lobe is in the right thyroid lobe.", "calcification", ("thyroid", "right")),
    ("ADDENDUM: The calcified node described in the right axilla is in fact in the left axilla.", "calcified node", ("lymph node", "left")),
    ("Addendum: the calcified granuloma reported in the right upper lobe is located in the left upper lobe.", "calcified granuloma", ("lung", "left")),
    # guards: a part of the same place, a state, a plain place
    ("The calcification described in the left breast is in the upper outer quadrant.", "calcification", ("breast", "left")),
    ("Calcifications described in the left breast are stable.", "Calcifications", ("breast", "left")),
    ("Calcified granuloma in the right upper lobe is unchanged.", "Calcified granuloma", ("lung", "right")),
    ("Calcifications in the left breast are in a segmental distribution.", "Calcifications", ("breast", "left")),
]


@pytest.mark.parametrize(("text", "mention", "want"), CORRECTED_PLACE)
def test_corrected_place(text: str, mention: str, want: tuple[str, str]) -> None:
    assert _finding(text, mention) == want


def _one_lesion(text: str) -> bool:
    findings = analyze_report(text).findings
    assert len(findings) == 2, text
    return findings[0].lesion_id == findings[1].lesion_id


# A finding its sentence names as what the one before it is shares its number
# (corpora/GUIDE.md, lesion), whatever site its own words give: an
# addendum's 'is felt to be a', 'is thought to represent a', 'are believed
# to be', and a clause after a semicolon whose pronoun names it ('...; this
# is a dermal calcification') name it as a copula does.
NAMED_AS = [
    ("Addendum: On further review, the calcification in the right breast at 10 o'clock is felt to be a skin calcification.", True),
    ("ADDENDUM: The calcification in the left kidney is thought to represent a vascular calcification.", True),
    ("Addendum: the left breast calcifications are believed to be vascular calcifications.", True),
    ("ADDENDUM: The radiologist previously reported calcification in the right breast; this is a dermal calcification.", True),
    ("Calcifications in both breasts represent vascular calcifications.", True),
    # guards: two findings a sentence lists, a finding compared, another one
    ("Calcification in the right breast is felt to be benign; vascular calcifications are also seen.", False),
    ("Calcified granuloma in the right upper lobe; there is also a calcified left hilar node.", False),
    ("Coronary artery calcification is thought to be mild, and aortic valve calcification is moderate.", False),
    ("Calcified granuloma in the right upper lobe; this is unchanged. Calcified left hilar node.", False),
    ("Calcified granuloma in the right upper lobe. There is also a calcified left hilar node.", False),
    ("Coronary artery calcification. This is a known finding, and aortic valve calcification is new.", False),
]


@pytest.mark.parametrize(("text", "same"), NAMED_AS)
def test_named_as_what_it_is(text: str, same: bool) -> None:
    assert _one_lesion(text) == same


# An addendum that re-reads the calcification as something that is no
# deposit ('was bowel content', 'is artifactual', 'is a nipple shadow')
# denies it (guide §2, negated).
READ_AS_ARTIFACT = [
    ("ADDENDUM: The previously described right renal calcification was bowel content.", "N"),
    ("ADDENDUM: The calcification in the right breast is artifactual.", "N"),
    ("Addendum: The calcification in the left breast represents deodorant artifact.", "N"),
    ("ADDENDUM: The calcification described in the left kidney is an artifact.", "N"),
    ("ADDENDUM: The calcification in the right upper lobe is a nipple shadow.", "N"),
    # guards: denied or hedged readings, an artifact of something else
    ("The calcification in the right breast is not artifact.", ""),
    ("Calcification in the left breast is also seen; motion artifact limits evaluation.", ""),
    ("Coronary artery calcification is present with beam hardening artifact.", ""),
    ("The calcification is a sign of atherosclerosis.", ""),
    ("Nodular density, which may represent a nipple shadow or a calcified granuloma.", "U"),
]


@pytest.mark.parametrize(("text", "flags"), READ_AS_ARTIFACT)
def test_read_as_artifact(text: str, flags: str) -> None:
    assert _flags(text) == flags


# A withdrawn or re-read finding was never there: the earlier report's
# 'previously described' dates the words, so it is denied, not historical,
# and nothing resolved (corpora/GUIDE.md, change: resolved is a deposit
# seen before and gone).
NEVER_THERE = [
    "ADDENDUM: The previously described right renal calcification was bowel content.",
    "ADDENDUM: Please disregard the previously described left renal calcification.",
    "ADDENDUM: The previously described right breast calcifications were reported in error.",
]


@pytest.mark.parametrize("text", NEVER_THERE)
def test_never_there(text: str) -> None:
    f = analyze_report(text).findings[0]
    assert (f.negated, f.historical, f.change) == (True, False, "")


def _lesion_count(text: str) -> int:
    return len({f.lesion_id for f in analyze_report(text).findings})


# A report that describes the study compared with: the size its comparison
# section gives is the same calcification's size then, so the finding there
# restates today's finding at its place (corpora/GUIDE.md, lesion: the same
# calcification named again in another section is one lesion; a known
# finding of an earlier study and today's).
EARLIER_STUDY_SIZE = [
    ("FINDINGS: 8 mm calcified left hilar node.\nCOMPARISON: CT XXXX showed a 6 mm calcified left hilar node.", 1),
    ("COMPARISON: CT XXXX, with a 5 mm calcified granuloma in the right upper lobe.\nFINDINGS: 7 mm calcified granuloma in the right upper lobe.", 1),
    # guards: two sizes in one section, another side, the impression
    ("FINDINGS: 8 mm calcified left hilar node. 6 mm calcified left hilar node.", 2),
    ("FINDINGS: 8 mm calcified left hilar node.\nCOMPARISON: CT XXXX showed a 6 mm calcified right hilar node.", 2),
    ("FINDINGS: 8 mm calcified left hilar node.\nIMPRESSION: 6 mm calcified left hilar node.", 2),
]


@pytest.mark.parametrize(("text", "count"), EARLIER_STUDY_SIZE)
def test_earlier_study_size(text: str, count: int) -> None:
    assert _lesion_count(text) == count
