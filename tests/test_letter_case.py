"""Letter case changes nothing that is read: a report exported in capitals
and one lower-cased whole give the findings of the report as written.
Each test names the class of error it guards; every report is made up."""

from __future__ import annotations

import pytest

from calc_nlp.sentences import sentence_starts
from calc_nlp.stages.wrapping import unwrap


def _words(text: str) -> list[str]:
    import spacy

    return [t.text for t in spacy.blank("en")(text)]


def _cases(text: str) -> list[str]:
    return [text, text.upper()]


# -- score tables written in capitals ---------------------------------------

TABLE = (
    "Cardiac CT for calcium scoring\n"
    "Reason: dyspnea.\n"
    "Coronary calcium score (Agatston units):\n"
    "Artery | Agatston | Volume (mm3)\n"
    "LM | 3 | 4\n"
    "LAD | 120 | 96\n"
    "Total | 123 | 100\n"
)


@pytest.mark.parametrize("text", _cases(TABLE))
def test_score_heading_closed_by_a_bracket_heads_its_table(findings_of, text):
    # 'score (Agatston units):' ends on '):', one token: still a heading
    (f,) = findings_of(text)
    assert f.mention.lower() == "coronary calcium score"
    assert f.agatston_vessels == "LM=3;LAD=120"


BARRED = (
    "Calcium score CT\n"
    "| Vessel | Calcium score |\n"
    "| LM | 0 |\n"
    "| LAD | 45 |\n"
    "| Total | 45 |\n"
    "Impression: coronary calcium score 45, mild.\n"
)


@pytest.mark.parametrize("text", _cases(BARRED))
def test_score_column_over_barred_rows_is_the_tables_score(findings_of, text):
    # a line in capitals over '| LM | 0 |' rows is a table's heading, no title
    found = findings_of(text)
    assert found[0].mention.lower() == "calcium score"
    assert found[0].agatston_vessels == "LM=0;LAD=45"


ROWS = (
    "Diagnostic mammogram, right.\n"
    "Indication: recall for a finding on screening.\n"
    "Finding 2\n"
    "Location | right breast, 10 o'clock, 4 cm from the nipple\n"
    "Type | calcifications\n"
    "Morphology | fine linear\n"
    "Distribution | regional\n"
    "Extent | 2.2 cm\n"
    "Assessment: BI-RADS 4B. Biopsy advised.\n"
)


@pytest.mark.parametrize("text", _cases(ROWS))
def test_descriptor_rows_in_capitals_are_rows_not_headings(only, text):
    # 'LOCATION |' in capitals under 'TYPE |' in capitals is a row too
    f = only(text)
    assert f.morphology == ("fine linear",)
    assert f.distribution == ("regional",)
    assert f.size_mm == 22


# -- sentences where case tells nothing ---------------------------------------

WRAPPED = (
    "FINDINGS: NO EFFUSION. A SMALL CALCIFIED GRANULOMA IS NOTED WITHIN THE\n"
    "LEFT LOWER LOBE. HEART SIZE NORMAL.\n"
    "IMPRESSION: NO ACUTE CARDIOPULMONARY PROCESS IS SEEN ON THIS EXAMINATION, "
    "AND THE MEDIASTINAL CONTOURS ARE UNREMARKABLE.\n"
)


@pytest.mark.parametrize("text", [WRAPPED, WRAPPED.lower()])
def test_line_ending_on_a_joining_word_goes_on(only, text):
    f = only(text)
    assert (f.site, f.laterality) == ("lung", "left")


def test_joining_word_joins_only_where_case_cannot_tell():
    joining = frozenset({"the", "of"})
    caps = _words("GRANULOMA IN THE\nRIGHT LUNG")
    assert sum(sentence_starts(caps, joining=joining)) == 1
    assert sum(sentence_starts(caps)) == 2  # without the list, as before
    # a next line in mixed case opens a sentence as it always did
    assert sum(sentence_starts(_words("Seen in the\nRight lung"), joining=joining)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "IMAGING: , KNEE FILMS, RIGHT, THREE VIEWS: A 2 CM FOCUS OF CALCIFICATION "
        "IN THE QUADRICEPS TENDON. NO FRACTURE.",
        "Imaging: , Knee films, right, three views: A 2 cm focus of calcification "
        "in the quadriceps tendon. No fracture.",
    ],
)
def test_a_side_in_a_capitals_list_before_a_colon_stays_in_its_sentence(only, text):
    assert only(text).laterality == "right"


def test_glued_comma_still_opens_a_label_in_capitals():
    # an export that joined its lines writes the comma glued to the label
    words = _words("CARDIOLOGY NOTE,REASON FOR VISIT: , Chest pain.")
    flags = sentence_starts(words)
    assert flags[words.index("REASON")]
    # a colon right after the comma is no label
    words = _words("NOTE,: , Chest pain.")
    assert not sentence_starts(words)[2]


LESIONS = (
    "LEFT BREAST MAMMOGRAM - 6-MONTH FOLLOW-UP\n"
    "Indication: two groups of probably benign calcifications in the left breast.\n"
    "Findings:\n"
    "Left 2:00, posterior depth: the group of round calcifications is smaller, "
    "now 4 mm (previously 7 mm).\n"
    "Left 8:00, middle depth: the amorphous calcifications seen before are no "
    "longer seen.\n"
    "No new suspicious calcifications.\n"
    "Impression:\n"
    "1. Smaller round calcifications, left breast 2 o'clock.\n"
    "2. Resolved amorphous calcifications at left 8 o'clock.\n"
)


def test_capitals_place_line_keeps_its_lesions(lesion_numbers):
    # 'LEFT 2:00, POSTERIOR DEPTH:' is one line in capitals, not a place
    # then a label: its lesion keeps the side and the clock of its line
    assert lesion_numbers(LESIONS) == [1, 2, 3, 4, 2, 3]
    assert lesion_numbers(LESIONS.upper()) == [1, 2, 3, 4, 2, 3]


# -- words the tokenizer kept whole in lower case only -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "FINDINGS: LINEAR DENSITY AT THE LEFT BASE, FAVORED TO REPRESENT "
        "ATELECTASIS AND/OR DYSTROPHIC CALCIFICATION.",
        "Findings: linear density at the left base, favored to represent "
        "atelectasis and/or dystrophic calcification.",
    ],
)
def test_and_or_in_capitals_keeps_the_hedge_going(only, text):
    # split into 'AND', '/', 'OR', its 'AND' ended the hedge's scope
    assert only(text).uncertain


def test_capitals_forms_of_slash_words_are_one_token(analyzer):
    make = analyzer.kit.nlp.make_doc
    assert [t.text for t in make("SCAR AND/OR GRANULOMA")] == [
        "SCAR",
        "AND/OR",
        "GRANULOMA",
    ]
    assert [t.norm_ for t in make("W/O CALCIFICATION")][0] == "without"


# -- reports lower-cased whole -----------------------------------------------


def test_a_capitals_only_finding_word_is_read_in_a_caseless_report(findings_of):
    # 'mac' is the report's only finding word: the prefilter asks it recased
    (f,) = findings_of("echocardiogram: lv normal. moderate mac. trace mr.")
    assert f.site == "mitral annulus"


def test_caseless_exam_title_is_no_finding(findings_of):
    text = "ct chest for coronary calcium\nfindings: dense calcification of the lad."
    found = findings_of(text)
    assert [f.mention for f in found] == ["calcification of the lad"] or all(
        "coronary calcium" not in f.mention for f in found
    )
    assert len(found) == 1


def test_caseless_vessel_lines_joined_by_commas_give_every_vessel(finding_with):
    text = (
        "ct calcium score,findings: ,total agatston score: 57 (61st percentile "
        "for age).,left main: 0,lad: 30,lcx: 7,rca: 20,calcified plaque lies "
        "mostly in the proximal lad.,impression: ,mild coronary calcification."
    )
    f = finding_with(text, "agatston score")
    assert f.agatston_vessels == "LM=0;LAD=30;LCX=7;RCA=20"


def test_caseless_report_with_a_long_line_is_not_unwrapped_at_labels():
    text = (
        "exam: ct heart, calcium scoring, non-contrast\n"
        "history: 61f, smoker, family history of early coronary disease, on "
        "statin therapy since last year.\n"
        "lm 0 / lad 40 / lcx 0 / rca 12\n"
        "scattered coronary calcification, worst in the proximal lad, with no "
        "other cardiac or pericardial abnormality seen on this examination at all.\n"
    )
    new = unwrap(text)
    assert new is None or "rca 12\nscattered" in new


def test_caseless_label_after_a_glued_comma_gives_its_side(findings_of):
    # 'cm/s.' keeps its period (a special case), so only the glued comma
    # can open the label's line
    text = (
        "findings: ,right carotid: , no plaque.  peak velocity 95 cm/s.,left "
        "carotid: , a calcified plaque at the bulb.  another calcified plaque "
        "sits in the proximal internal carotid artery.,impression: , plaque."
    )
    assert [f.laterality for f in findings_of(text)] == ["left", "left"]


def test_caseless_list_dash_glued_to_a_side(findings_of):
    text = (
        "bilateral mammogram\nfindings:\n-left breast 3:00: coarse calcification, "
        "6 mm.\n-right axillary tail: vascular calcifications.\n"
    )
    assert [f.laterality for f in findings_of(text)] == ["left", "right"]


@pytest.mark.parametrize(
    "text",
    [
        "HX: SYSTEMIC SCLEROSIS (CREST).\nFINDINGS: CALCINOSIS IN THE FINGERTIPS.",
        "hx: systemic sclerosis (crest).\nfindings: calcinosis in the fingertips.",
    ],
)
def test_bracketed_crest_after_a_condition_names_it_in_any_case(analyzer, text):
    names = {c.name for c in analyzer.analyze(text, "T").conditions}
    assert "crest syndrome" in names


def test_caseless_compound_scale_name_is_no_condition(analyzer):
    text = (
        "coronary cta\nrca: calcified plaque, mild stenosis.\n"
        "impression: cad-rads 2. calcified plaque of the rca."
    )
    names = {c.name for c in analyzer.analyze(text, "T").conditions}
    assert "atherosclerosis" not in names


@pytest.mark.parametrize(
    "text",
    _cases(
        "Screening mammogram: benign round microcalcs L LIQ, stable for 2Y. "
        "No new calcs. BI-RADS 2."
    ),
)
def test_full_stop_after_a_digit_and_a_capital_ends_the_sentence(findings_of, text):
    # '2Y.' kept its period as a capital's initial does: the next sentence
    # took the side of the one before
    assert [f.laterality for f in findings_of(text)] == ["left", ""]


def test_period_after_digit_and_capital_splits_initials_stay(analyzer):
    make = analyzer.kit.nlp.make_doc
    words = [t.text for t in make("STABLE FOR 2Y. NO")]
    assert words == ["STABLE", "FOR", "2Y", ".", "NO"]
    assert [t.text for t in make("Dr. J. Smith")] == ["Dr.", "J.", "Smith"]


# -- a de-identification mask lower-cased with its report -------------------

# A report exported in lower case writes the date mask 'XXXX' as 'xxxx': a
# removal or operation it dates is as past as one dated 'XXXX' or '2012'
# (guide §2, historical: a calcification removed at an earlier operation).
DATED_REMOVALS = [
    "PAST MEDICAL HISTORY: A calcified ovarian dermoid was removed laparoscopically in XXXX.",
    "HISTORY: Right breast lumpectomy in XXXX for fat necrosis containing coarse calcifications.",
    "HISTORY: She underwent left carotid endarterectomy in XXXX for a heavily calcified plaque.",
]


@pytest.mark.parametrize("text", DATED_REMOVALS)
@pytest.mark.parametrize("case", [str, str.lower, str.upper])
def test_a_removal_dated_by_a_mask_is_historical_in_any_case(findings_of, text, case):
    (f,) = findings_of(case(text))
    assert f.historical and not f.negated


@pytest.mark.parametrize("case", [str, str.lower])
def test_a_mask_that_dates_nothing_dates_no_finding(findings_of, case):
    # guard: the mask of a name or a place dates nothing ('XXXX' hides a word)
    (f,) = findings_of(case("FINDINGS: Calcified hilar lymph XXXX in the right hilum."))
    assert not f.historical
