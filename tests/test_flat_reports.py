"""Reports whose line breaks an export turned into spaces read like their
originals (stages/flattened.py): each report below is written with its line
breaks, and its copy with every line break a space must give the same rows."""

from __future__ import annotations

import re

import pytest

from calc_nlp.stages.flattened import Flattened
from calc_nlp.stages.spacing import normalise

CASES = {
    # an exam title running on to the next header is no mention
    "title_before_header": (
        "CT HEART FOR CORONARY CALCIUM\n"
        "History: 70 year old man with diabetes.\n"
        "Findings: No coronary calcification. Total Agatston score 0."
    ),
    "title_before_exam_value_header": (
        "EXAMINATION: CARDIAC CALCIUM SCORE\n"
        "REASON FOR EXAM: 52F, statin candidate.\n"
        "FINDINGS: Total Agatston score 12."
    ),
    # the side of an exam title stays the title's, not the findings'
    "title_side": (
        "BILATERAL DIAGNOSTIC MAMMOGRAM\n"
        "CLINICAL HISTORY: 58F, annual exam.\n"
        "FINDINGS: Scattered fibroglandular tissue. No suspicious masses or "
        "calcifications.\n"
        "IMPRESSION: Benign, BI-RADS 1."
    ),
    # a title in capitals going on with a sentence: the title's side reaches
    # a label's line as it did below the title
    "title_then_sentence": (
        "US RIGHT BREAST AND AXILLA\n"
        "Targeted scan of the 10 o'clock calcifications seen on mammography.\n"
        "Axilla: a normal node with a punctate calcification."
    ),
    # a list by vessel: each item its own line
    "bulleted_vessels": (
        "CORONARY CALCIUM SCAN\n"
        "History: 58M.\n"
        "Findings:\n"
        "* Left main: 0\n"
        "* LAD: calcified plaque in the mid segment, score 40\n"
        "* Circumflex: 0\n"
        "* RCA: calcified plaque, score 12\n"
        "Total Agatston score 52.\n"
        "Impression: Mild."
    ),
    # scores by vessel, a row a line: the rows end before the next label,
    # the total's sentence or the next sentence
    "vessel_rows_then_label": (
        "CARDIAC CT\n"
        "RESULTS:\n"
        "Total calcium score: 120 Agatston (70th percentile).\n"
        "LM 0\nLAD 90\nLCX 10\nRCA 20\n"
        "EXTRACARDIAC: Mild aortic valve calcification.\n"
        "IMPRESSION: Moderate coronary calcification."
    ),
    "vessel_rows_then_total": (
        "CORONARY CALCIUM CT\n"
        "Indication: 60F, screening.\n"
        "Results:\n"
        "  Left main 0\n  LAD 44\n  Circumflex 6\n  RCA 0\n"
        "  Total coronary calcium score (Agatston): 50, 60th percentile.\n"
        "Impression: Mild coronary calcification."
    ),
    "vessel_row_then_sentence": (
        "CALCIUM SCORING CT\n"
        "HISTORY: 70M.\n"
        "FINDINGS:\n"
        "Total coronary calcium score 1,400 (Agatston), 98th percentile.\n"
        "LM 100 / LAD 900 / LCx 200 / RCA 200\n"
        "Heavy two-vessel coronary calcification with a calcified left main.\n"
        "IMPRESSION: Severe coronary calcification."
    ),
    # items a letter opens, each its own line
    "lettered_items": (
        "RIGHT DIAGNOSTIC MAMMOGRAM\n"
        "Two groups of calcifications in the right breast:\n"
        "A) 10 o'clock: punctate calcifications, stable.\n"
        "B) 2 o'clock: round calcifications, also stable.\n"
        "Impression: Two groups of benign calcifications, stable."
    ),
    # a label with words in brackets ends the line of the side label before it
    "label_with_brackets": (
        "RENAL ULTRASOUND\n"
        "FINDINGS:\n"
        "Right kidney: 9 cm, no mass. Left kidney: 9.5 cm, one simple cyst.\n"
        "No hydronephrosis.\n"
        "Spleen (partly seen): 5 mm coarse calcification.\n"
        "Calcified splenic artery at the hilum."
    ),
    # a one-line section no other one-line section follows ends with its
    # first sentence: the report's body comes after it
    "history_then_body": (
        "Chest two views. Hx: fever.\n"
        "Possible small calcified granuloma at the right base versus a vessel "
        "seen end-on. No effusion."
    ),
    "history_then_body_then_impression": (
        "BILATERAL SCREENING MAMMOGRAM\n"
        "History: 55 yo, renal transplant.\n"
        "Scattered fibroglandular density. Vascular calcifications in both "
        "breasts. No suspicious calcifications.\n"
        "IMPRESSION: Benign. BI-RADS 2."
    ),
    # before another one-line section the sentences are the indication's own
    "indication_of_sentences": (
        "EXAMINATION: Chest PA and lateral\n"
        "INDICATION: Fever. Mother with TB. ? calcified granuloma\n"
        "COMPARISON: None\n"
        "FINDINGS: No calcified granuloma. Lungs clear.\n"
        "IMPRESSION: Normal."
    ),
}


def _rows(analyzer, text: str, offsets: bool = True) -> list[tuple]:
    return [
        (
            f.mention,
            f.start if offsets else None,
            f.laterality,
            f.site,
            f.negated,
            f.uncertain,
            f.hypothetical,
            f.historical,
            f.classification,
            f.agatston,
            f.agatston_percentile,
            f.agatston_vessels,
            f.change,
            f.section,
        )
        for f in analyzer.analyze(text, "T").findings
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_flattened_report_reads_like_its_original(analyzer, name):
    text = CASES[name]
    assert _rows(analyzer, text.replace("\n", " ")) == _rows(analyzer, text)


# Reports as written, read again with the space after each full stop and
# colon doubled (an export's spacing): the same rows.
SPACED = {
    "history_label": (
        "SHOULDER X-RAY\n"
        "Hx: calcific tendinitis of the right shoulder, status post lavage.\n"
        "Findings: Residual calcific deposit in the supraspinatus tendon."
    ),
    "history_with_side": (
        "MAMMOGRAM\n"
        "Hx: 60F, probably benign right breast calcifications, 6-month follow-up.\n"
        "Findings: Stable calcifications."
    ),
}


@pytest.mark.parametrize("name", sorted(SPACED))
def test_doubled_spaces_after_stops_and_colons_read_alike(analyzer, name):
    text = SPACED[name]
    doubled = re.sub(r"(?<=[.:]) (?=\S)", "  ", text)
    assert _rows(analyzer, doubled, False) == _rows(analyzer, text, False)


def test_lines_joined_by_tildes_read_like_the_original(analyzer):
    # an HL7 feed's '~' for each line break: before an item's number, and
    # two for a blank line
    text = (
        "CT ABDOMEN\n\nFINDINGS:\nKidneys: small and echogenic.\n\n"
        "IMPRESSION:\n1. Bilateral medullary nephrocalcinosis.\n"
        "2. Aortic calcification, mild.\n"
    )
    assert _rows(analyzer, text.replace("\n", "~")) == _rows(analyzer, text)


# An export that joined the lines with ' | ' or ';' (after a full stop or a
# colon, where no table's bar or sentence's semicolon stands): each a line
# break again, so a side label heads its line as in the original
JOINED_BY_MARKS = (
    "SCROTAL ULTRASOUND\nComparison: none.\nRight testis: 4.2 x 2.5 cm. Normal.\n"
    "Left testis: 4.0 x 2.4 cm. A 4 mm calcified extratesticular body is again noted.\n"
    "IMPRESSION:\nBenign."
)


@pytest.mark.parametrize("mark", [" | ", "; "])
def test_lines_joined_by_bars_or_semicolons_read_like_the_original(analyzer, mark):
    joined = JOINED_BY_MARKS.replace("\n", mark)
    assert _rows(analyzer, joined, False) == _rows(analyzer, JOINED_BY_MARKS, False)
    assert [f.laterality for f in analyzer.analyze(joined, "T").findings] == ["left"]


@pytest.mark.parametrize(
    "text",
    [
        # a score table's bars after a number, a semicolon inside a sentence
        "CT CARDIAC CALCIUM SCORE Findings: LM 0 | LAD 98 | LCx 0 | RCA 47 Total: 145.",
        "CT CHEST Findings: Calcified granuloma; no other nodule. Impression: Benign.",
    ],
)
def test_bars_and_semicolons_of_a_line_stay(rules, text):
    new = Flattened(rules).rebreak(text)
    assert new is None or ("|" in text) == ("|" in new) and text.count(";") == new.count(";")


@pytest.mark.parametrize(
    "text, read",
    [
        ("Hx:  cough.", "Hx: cough."),
        # a comma-joined export's header, its comma after spaces
        ("HISTORY:   , Knee pain.", "HISTORY: , Knee pain."),
    ],
)
def test_spaces_after_a_colon_read_as_one(text, read):
    sp = normalise(text)
    assert sp is not None and sp.text == read


@pytest.mark.parametrize(
    "name, case",
    [
        # a report in lower case (an export that lowered it): its breaks read
        # as in capitals
        ("history_then_body", str.lower),
        ("label_with_brackets", str.lower),
        ("vessel_rows_then_total", str.lower),
        ("indication_of_sentences", str.lower),
        # in a report of one case a label's words and a header look alike:
        # the header opens a line
        ("indication_of_sentences", str.upper),
        ("history_then_body_then_impression", str.upper),
    ],
)
def test_flattened_report_of_one_case_reads_like_its_original(analyzer, name, case):
    text = case(CASES[name])
    assert _rows(analyzer, text.replace("\n", " ")) == _rows(analyzer, text)


def test_rebreak_keeps_length_and_only_turns_spaces(rules):
    text = CASES["title_side"].replace("\n", " ")
    new = Flattened(rules).rebreak(text)
    assert new is not None and len(new) == len(text)
    assert {(a, b) for a, b in zip(text, new, strict=True) if a != b} == {(" ", "\n")}


@pytest.mark.parametrize(
    "text",
    [
        # a report with its line breaks is read as it is
        "CT CHEST\nHistory: cough.\nFindings: Calcified granuloma.",
        # an export that joined its lines with commas marks them there
        "CT CHEST,HISTORY: , Cough.,FINDINGS: , Calcified granuloma.",
    ],
)
def test_reports_with_line_marks_are_left(rules, text):
    assert Flattened(rules).rebreak(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # a score after a label's colon is no item of a list
        "CT CALCIUM SCORE Impression: Calcium score: 0. Repeat in 5 years.",
        # scores by vessel parted by commas are one line
        "Gated CT: calcium score 0 (LM 0, LAD 0, LCx 0, RCA 0). Normal.",
    ],
)
def test_values_and_inline_lists_open_no_line(rules, text):
    new = Flattened(rules).rebreak(text) or text
    assert "\n0." not in new and "0,\n" not in new


@pytest.mark.parametrize(
    "text, birads",
    [
        # a BI-RADS subcategory's letter after its number is no label
        ("FINDINGS: Grouped calcifications, left breast. IMPRESSION: BI-RADS 4 A: Low suspicion.", "4A"),
        ("FINDINGS: Amorphous calcifications, right breast. ASSESSMENT: BI-RADS 4 B: Biopsy.", "4B"),
    ],
)
def test_a_letter_after_a_number_opens_no_line(analyzer, rules, text, birads):
    new = Flattened(rules).rebreak(text) or text
    assert " 4\n" not in new
    assert analyzer.analyze(text, "T").birads == birads


@pytest.mark.parametrize(
    "text",
    [
        # one word in capitals opening a line is no exam title
        "BIRADS Category 3 - probably benign. Punctate calcifications, left breast.",
        # a word and a number after a header are its value
        "ASSESSMENT: Category 4: Suspicious. Amorphous calcifications, right breast.",
        # a procedure's line may tell a whole procedure
        "PROCEDURE: The RCA was densely calcified. A stent was placed in it.",
    ],
)
def test_one_line_notes_are_left_whole(rules, text):
    assert Flattened(rules).rebreak(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Skin intact; EXTERNAL EXAMINATION: scattered calcified nodules.",
        "No rash. External examination: scattered calcified nodules.",
    ],
)
def test_header_ending_a_longer_label_opens_no_line(rules, text):
    # 'examination:' closing a label of more words opens no line of its own
    new = Flattened(rules).rebreak(text) or text
    assert "al examination:" in new.lower()


@pytest.mark.parametrize(
    "text, label",
    [
        # the period of an abbreviated side is no stop: the label takes the
        # side in ('RT. BREAST:'), no line opens before its site word
        ("IMPRESSION: RT. BREAST: COARSE CALCIFICATIONS, BENIGN.", "RT. BREAST:"),
        ("Lungs clear. Lt. Kidney: punctate calcification.", "Lt. Kidney:"),
    ],
)
def test_no_line_opens_after_a_side_abbreviation(rules, text, label):
    new = Flattened(rules).rebreak(text) or text
    assert label in new


@pytest.mark.parametrize(
    ("text", "laterality"),
    [
        ("IMPRESSION: RT. BREAST: COARSE CALCIFICATIONS, BENIGN.", "right"),
        ("LT. KIDNEY: Punctate calcification.", "left"),
        # guard: a label after a full stop still opens its line
        ("Lungs clear. Left kidney: punctate calcification.", "left"),
    ],
)
def test_a_label_of_an_abbreviated_side_gives_its_side(analyzer, text, laterality):
    (f,) = analyzer.analyze(text, "T").findings
    assert f.laterality == laterality
