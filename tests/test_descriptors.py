"""Descriptors per finding and per report (corpora/GUIDE.md, Descriptors):
fictional sentences for every field and normalisation, with the traps."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, mention, severity",
    [
        ("Trace calcification of the aortic arch.", "calcification", "minimal"),
        ("Faint calcification of the aortic arch.", "calcification", "minimal"),
        (
            "Mild coronary artery calcification.",
            "coronary artery calcification",
            "mild",
        ),
        ("Scattered calcifications of the abdominal aorta.", "calcifications", "mild"),
        ("Small amount of calcification in the aortic arch.", "calcification", "mild"),
        (
            "Moderate coronary artery calcification.",
            "coronary artery calcification",
            "moderate",
        ),
        ("Dense calcification of the thoracic aorta.", "calcification", "severe"),
        ("The aortic valve is heavily calcified.", "calcified", "severe"),
        (
            "Extensive vascular calcification of the SFA.",
            "vascular calcification",
            "severe",
        ),
        # a range takes the higher grade
        (
            "Mild to moderate coronary artery calcification.",
            "coronary artery calcification",
            "moderate",
        ),
        (
            "Moderate-to-severe coronary artery calcification.",
            "coronary artery calcification",
            "severe",
        ),
        # size and count words are not severity
        (
            "Small calcified granuloma in the right upper lobe.",
            "calcified granuloma",
            "",
        ),
        ("Multiple tiny splenic calcifications.", "splenic calcifications", ""),
        (
            "A moderate-sized calcified plaque narrows the left iliac artery.",
            "calcified plaque",
            "",
        ),
        ("Moderate size calcified node in the aortopulmonary window.", "calcified node", ""),
        ("Moderately sized calcified granuloma at the left base.", "calcified granuloma", ""),
    ],
)
def test_severity(finding_named, text, mention, severity):
    assert finding_named(text, mention).severity == severity


def test_severity_stays_in_its_clause(findings_of):
    found = findings_of(
        "Mild coronary artery calcification and severe aortic valve calcification."
    )
    assert [f.severity for f in found] == ["mild", "severe"]


def test_breast_density_is_not_severity(finding_named):
    f = finding_named(
        "Heterogeneously dense breast tissue with punctate calcifications.",
        "calcifications",
    )
    assert f.severity == "" and f.morphology == ("punctate",)


@pytest.mark.parametrize(
    "text, mention, size",
    [
        (
            "5 mm calcified granuloma in the right upper lobe.",
            "calcified granuloma",
            5.0,
        ),
        (
            "Calcified nodule measuring 1.2 x 0.8 cm in the left lower lobe.",
            "Calcified nodule",
            12.0,
        ),
        (
            "Calcified nodule in the left lower lobe measuring 1.2 x 0.8 cm.",
            "Calcified nodule",
            12.0,
        ),
        ("3-4 mm calcified granuloma in the lingula.", "calcified granuloma", 4.0),
        ("A 2 cm calcification in the left adrenal gland.", "calcification", 20.0),
        ("8-mm calcified granuloma in the lingula.", "calcified granuloma", 8.0),
        (
            "Calcified nodule measuring 1.2 cm x 0.8 cm in the left lower lobe.",
            "Calcified nodule",
            12.0,
        ),
        (
            "Calcified granuloma (6 mm) in the right lower lobe.",
            "Calcified granuloma",
            6.0,
        ),
        (
            "Calcified granuloma in the right upper lobe measuring up to 8 mm.",
            "Calcified granuloma",
            8.0,
        ),
        # never the size of a different lesion
        (
            "4 cm mass with calcification in the left adrenal gland.",
            "calcification",
            None,
        ),
        (
            "5 mm nodule with adjacent calcification in the liver.",
            "calcification",
            None,
        ),
        (
            "Calcification adjacent to a nodule measuring 5 mm in the liver.",
            "Calcification",
            None,
        ),
        (
            "Calcification within a 4 cm mass in the left adrenal gland.",
            "Calcification",
            None,
        ),
    ],
)
def test_size_mm(finding_named, text, mention, size):
    assert finding_named(text, mention).size_mm == size


@pytest.mark.parametrize(
    "text, mention, size",
    [
        ("A four millimeter calcified nodule in the left lung.", "calcified nodule", 4.0),
        ("There is a three-centimeter calcified mass in the spleen.", "calcified mass", 30.0),
        ("One-cm calcified lymph node at the right hilum.", "calcified lymph node", 10.0),
        ("Calcified granuloma measuring eight millimetres, left base.", "Calcified granuloma", 8.0),
    ],
)
def test_size_written_in_words(finding_named, text, mention, size):
    assert finding_named(text, mention).size_mm == size


@pytest.mark.parametrize(
    "text, mention, size",
    [
        ("CALCIFIED NODULE OF 7 MM IN THE LEFT LUNG.", "CALCIFIED NODULE", 7.0),
        ("Calcified node, 1.5 Cm, right hilum.", "Calcified node", 15.0),
        ("Calcified granuloma of six Millimetres at the right base.", "Calcified granuloma", 6.0),
        ("Calcified nodule of 8 mm in the left lung \u2013 stable.", "Calcified nodule", 8.0),
        ("Calcified nodule in the left lung, 2 views.", "Calcified nodule", None),
    ],
)
def test_size_unit_in_any_case(finding_named, analyzer, text, mention, size):
    """A size is read in a unit of size_units written in any case; a text
    holding no such unit is not searched for one (`may_hold_size`)."""
    assert finding_named(text, mention).size_mm == size
    assert analyzer.kit.descriptors.may_hold_size(text) == (
        size is not None or not text.isascii()
    )


@pytest.mark.parametrize(
    "text, mention, change",
    [
        ("New calcification in the right breast.", "calcification", "new"),
        (
            "Interval development of calcification in the right breast.",
            "calcification",
            "new",
        ),
        (
            "Increased coronary artery calcification.",
            "coronary artery calcification",
            "increased",
        ),
        (
            "Progression of coronary artery calcification.",
            "coronary artery calcification",
            "increased",
        ),
        (
            "Calcified granuloma in the right upper lobe, unchanged.",
            "Calcified granuloma",
            "stable",
        ),
        (
            "Stable calcified granuloma in the right upper lobe.",
            "calcified granuloma",
            "stable",
        ),
        ("Splenic calcification is again seen.", "Splenic calcification", "stable"),
        (
            "Decreased calcification of the supraspinatus tendon.",
            "calcification",
            "decreased",
        ),
        (
            "The splenic calcification is no longer seen.",
            "splenic calcification",
            "resolved",
        ),
        # "no new" and "known" are not change words
        ("No new calcification in the right breast.", "calcification", ""),
        (
            "Known calcified granuloma in the right upper lobe.",
            "calcified granuloma",
            "",
        ),
    ],
)
def test_change(finding_named, text, mention, change):
    assert finding_named(text, mention).change == change


@pytest.mark.parametrize(
    "text, mention, change",
    [
        (
            "New since the March exam, there are fine calcifications in the right breast.",
            "calcifications",
            "new",
        ),
        (
            "Larger compared with XXXX: the calcified mass in the pelvis.",
            "calcified mass",
            "increased",
        ),
        (
            "2. Unchanged from the prior study, a calcified node at the left hilum.",
            "calcified node",
            "stable",
        ),
        # the change word grades nothing that the sentence then denies
        ("Stable since XXXX, no calcifications.", "calcifications", ""),
    ],
)
def test_change_word_fronted_with_its_comparison(finding_named, text, mention, change):
    assert finding_named(text, mention).change == change


def test_no_new_calcification_is_neither_negated_nor_new(finding_named):
    f = finding_named("No new calcification in the right breast.", "calcification")
    assert (f.change, f.negated) == ("", False)


def test_resolved_stays_negated(finding_named):
    f = finding_named(
        "The previously seen splenic calcification is no longer visible.",
        "splenic calcification",
    )
    assert f.change == "resolved" and f.negated


@pytest.mark.parametrize(
    "text, mention, morphology, distribution",
    [
        (
            "Grouped amorphous calcifications in the right breast.",
            "calcifications",
            ("amorphous",),
            ("grouped",),
        ),
        (
            "Clustered pleomorphic calcifications in the left breast.",
            "calcifications",
            ("fine pleomorphic",),
            ("grouped",),
        ),
        (
            "Fine-linear branching calcifications in a segmental distribution in the left breast.",
            "calcifications",
            ("fine-linear branching",),
            ("segmental",),
        ),
        (
            "Fine linear calcifications in the left breast.",
            "calcifications",
            ("fine linear",),
            (),
        ),
        (
            "Linear calcifications in the left breast.",
            "calcifications",
            (),
            ("linear",),
        ),
        (
            "Coarse heterogeneous calcifications in the right breast.",
            "calcifications",
            ("coarse heterogeneous",),
            (),
        ),
        (
            "Coarse popcorn-like calcifications in the right breast.",
            "calcifications",
            ("coarse", "popcorn"),
            (),
        ),
        (
            "Secretory calcifications in the left breast.",
            "calcifications",
            ("large rod-like",),
            (),
        ),
        (
            "Eggshell calcification of the hilar lymph nodes.",
            "calcification",
            ("rim",),
            (),
        ),
        (
            "Calcified hilar lymph nodes with eggshell pattern.",
            "Calcified hilar lymph nodes",
            ("rim",),
            (),
        ),
        (
            "Vascular calcifications in both breasts.",
            "Vascular calcifications",
            ("vascular",),
            (),
        ),
        (
            "Diffuse punctate calcifications in the right breast.",
            "calcifications",
            ("punctate",),
            ("diffuse",),
        ),
    ],
)
def test_morphology_and_distribution(
    finding_named, text, mention, morphology, distribution
):
    f = finding_named(text, mention)
    assert (f.morphology, f.distribution) == (morphology, distribution)


def test_agatston_total_percentile_and_cac_drs(finding_named):
    f = finding_named(
        "Total Agatston score 412, which is the 88th percentile for age and sex.",
        "Agatston score",
    )
    assert (f.agatston, f.agatston_percentile, f.cac_drs) == (412.0, 88.0, 3)


@pytest.mark.parametrize(
    "score, category",
    [("0", 0), ("1", 1), ("99", 1), ("100", 2), ("299", 2), ("300", 3)],
)
def test_cac_drs_bands(finding_named, score, category):
    f = finding_named(f"Calcium score: {score}.", "Calcium score")
    assert (f.agatston, f.cac_drs) == (float(score), category)


def test_score_zero_is_negated_with_agatston_zero(finding_named):
    f = finding_named("Agatston score: 0.", "Agatston score")
    assert f.negated and f.agatston == 0.0 and f.cac_drs == 0


@pytest.mark.parametrize(
    "text",
    [
        "Calcium score from XXXX: 415 (LAD 300, LCX 115).",
        "Coronary artery calcium score dated 02/11/2023: 415.",
        "CAC score from 2022: 415, 88th percentile.",
    ],
)
def test_a_study_date_before_the_colon_keeps_the_score(findings_of, text):
    # the date says which study gave the score; the number after the colon is it
    assert findings_of(text)[0].agatston == 415.0


@pytest.mark.parametrize(
    "text",
    [
        "Soft tissue calcification of the left thigh, more extensive than on films from 3 years ago.",
        "Calcified plaque in the right femoral artery, more prominent than 18 months ago.",
    ],
)
def test_an_extent_comparative_dated_years_ago_is_a_present_increase(findings_of, text):
    # the time after 'than' dates the earlier study: the deposit is seen now and has grown
    f = findings_of(text)[0]
    assert (f.change, f.historical) == ("increased", False)


@pytest.mark.parametrize(
    "text",
    [
        "Clumped calcification in the treated splenic mass, more extensive than at staging.",
        "Placental calcification along the basal plate, more pronounced than at 29 weeks.",
        "Punctate calcification beside the left frontal horn, more conspicuous than on day 2.",
    ],
)
def test_an_extent_comparative_with_an_earlier_time_point_is_an_increase(findings_of, text):
    # staging, a gestational week or a day of life dates the earlier study
    assert findings_of(text)[0].change == "increased"


@pytest.mark.parametrize(
    "text",
    [
        "Coarse calcification in the right adrenal gland, not seen at baseline.",
        "Punctate calcifications along the left hepatic margin that were not present at staging.",
    ],
)
def test_not_seen_at_staging_or_baseline_is_new_not_denied(findings_of, text):
    # staging and baseline name an earlier study: the calcification is there now
    f = findings_of(text)[0]
    assert (f.negated, f.change) == (False, "new")


def test_a_score_rising_from_a_number_is_not_a_date(findings_of):
    found = findings_of("Calcium score rose from 120 to 340.")
    assert found[0].agatston == 340.0


def test_agatston_as_a_unit_gives_the_score(findings_of):
    found = findings_of("Coronary artery calcium score of 150 Agatston units.")
    assert [(f.mention, f.agatston) for f in found] == [
        ("Coronary artery calcium score", 150.0)
    ]


def test_vessel_score_lines_under_the_heading(findings_of):
    f = findings_of(
        "CORONARY CALCIUM SCORE:\nLM: 0\nLAD: 120\nLCX: 0\nRCA: 40\nTotal: 160"
    )[0]
    assert (f.agatston_vessels, f.agatston, f.cac_drs) == (
        "LM=0;LAD=120;LCX=0;RCA=40",
        160.0,
        2,
    )


def test_vessel_score_line_going_on_about_its_plaque(findings_of):
    # a vessel's reading opens the line, a finding of that vessel follows it:
    # the line is still one of the total's score lines
    found = findings_of(
        "Coronary calcium score (Agatston): 305.\nLM: 12.\n"
        "LAD: 250, mostly calcified plaque at the bifurcation.\nLCX: 0.\nRCA: 43."
    )
    assert found[0].agatston_vessels == "LM=12;LAD=250;LCX=0;RCA=43"
    # a line whose finding comes before any reading still ends the table
    found = findings_of(
        "Coronary calcium score (Agatston): 305.\nLM: 12.\n"
        "LAD: calcified plaque at the bifurcation, 250.\nLCX: 0.\nRCA: 43."
    )
    assert found[0].agatston_vessels == "LM=12"


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_vessel_score_lines_ending_in_a_full_stop_whatever_the_line_ends(findings_of, eol):
    # each line closed by a full stop: a CR LF line end is one break, as a line
    # feed is, and does not end the table as a blank line would
    text = eol.join(
        ["Calcium score, Agatston: 120.", "Left main: 0.", "LAD: 96.", "LCX: 0.", "RCA: 24."]
    )
    assert findings_of(text)[0].agatston_vessels == "LM=0;LAD=96;LCX=0;RCA=24"
    table = eol.join(["Calcium score, Agatston: 120.", "Left main: 0.", "", "LAD: 96."])
    assert findings_of(table)[0].agatston_vessels == "LM=0"


@pytest.mark.parametrize("pad", [" ", "   ", "\t"])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_vessel_score_lines_padded_with_spaces_before_the_line_end(findings_of, pad, eol):
    # an export that pads its lines (or a typist's trailing space) after the
    # full stop: the spaces and one line break are no blank line
    text = (pad + eol).join(
        ["Calcium score, Agatston: 120.", "Left main: 0.", "LAD: 96.", "LCX: 0.", "RCA: 24."]
    )
    assert findings_of(text)[0].agatston_vessels == "LM=0;LAD=96;LCX=0;RCA=24"
    table = (pad + eol).join(["Calcium score, Agatston: 120.", "Left main: 0.", "", "LAD: 96."])
    assert findings_of(table)[0].agatston_vessels == "LM=0"


@pytest.mark.parametrize(
    "text",
    [
        "Coronary calcification, with a circumflex score of 30 and a total score of 95.",
        "Coronary artery calcium; the circumflex score is 30 and the total score is 95.",
        "Coronary calcium: total score of 95, circumflex score of 30.",
    ],
)
def test_vessel_and_total_score_phrases_in_one_sentence(findings_of, text):
    f = findings_of(text)[0]
    assert (f.agatston, f.agatston_vessels) == (95.0, "LCX=30")


def test_the_total_wins_over_a_bare_score_before_it(findings_of):
    f = findings_of("Coronary artery calcium, mostly in the RCA (score 70), with a total score of 95.")[0]
    assert f.agatston == 95.0


def test_score_goes_to_the_score_phrase_not_its_neighbour(findings_of):
    found = findings_of("Coronary artery calcification with a calcium score of 45.")
    assert [(f.mention, f.agatston) for f in found] == [
        ("Coronary artery calcification", None),
        ("calcium score", 45.0),
    ]


def test_coronary_finding_takes_its_sentence_score(finding_named):
    f = finding_named(
        "Coronary artery calcification, Agatston 210.",
        "Coronary artery calcification",
    )
    assert (f.agatston, f.cac_drs) == (210.0, 2)


def test_no_score_on_other_sites(finding_named):
    f = finding_named(
        "Aortic valve calcification; the LAD is patent.",
        "Aortic valve calcification",
    )
    assert (f.agatston, f.agatston_vessels, f.cac_drs) == (None, "", None)


@pytest.mark.parametrize(
    "text, birads",
    [
        ("Punctate calcifications in the right breast. BI-RADS 2: benign.", "2"),
        ("Amorphous calcifications. BI-RADS Category 4A.", "4A"),
        ("BIRADS 3. Grouped calcifications.", "3"),
        ("Right breast: BI-RADS 4B. Left breast: BI-RADS 2.", "4B"),
        ("Right: BI-RADS 5. OVERALL ASSESSMENT: BI-RADS 4C.", "4C"),
        ("Lung-RADS 4A. Calcified granuloma.", ""),
        ("ACR BI-RADS Assessment: Category 3.", "3"),
        ("BI-RADS® 2.", "2"),
        ("Calcifications.,IMPRESSION:,BIRADS Classification 4B - Suspicious.", "4B"),
        ("Benign calcifications. BI-RADS class 2.", "2"),
        ("ASSESSMENT: Category 4A: Suspicious.", "4A"),
        ("ASSESSMENT: Lung-RADS category 4B.", ""),
        ("No calcifications.", ""),
        # a category in Roman numerals
        ("Stable coarse calcifications. BI-RADS category II (benign).", "2"),
        ("Grouped amorphous calcifications. BI-RADS: IVb, biopsy advised.", "4B"),
        ("ASSESSMENT: Category V - highly suggestive of malignancy.", "5"),
        ("Round calcifications, right breast. BI-RADS III.", "3"),
        ("No suspicious calcifications. BI-RADS category I negative.", "1"),
        ("Vascular calcifications. ASSESSMENT: Category I negative.", "1"),
        # ... not the pronoun after the word
        ("Calcifications. BI-RADS I would leave to the breast team.", ""),
    ],
)
def test_birads(analyzer, text, birads):
    assert analyzer.analyze(text, "T").birads == birads


def test_birads_without_any_finding(analyzer):
    r = analyzer.analyze("Scattered fibroglandular tissue. BI-RADS 1: negative.", "T")
    assert (r.birads, r.findings) == ("1", [])


def test_descriptor_words_point_at_the_text(findings_of):
    text = "Mild coronary artery calcification. Total Agatston score 150."
    words = {
        (name, text[a:b])
        for f in findings_of(text)
        for name, _rid, a, b in f.descriptor_words
    }
    assert words == {("severity", "Mild"), ("agatston", "Total Agatston score 150")}


@pytest.mark.parametrize(
    "text, mention",
    [
        # a grade of another word of the sentence, far before the mention
        (
            "Marked narrowing is seen in the second diagonal beyond one calcific plaque.",
            "calcific plaque",
        ),
        (
            "The circumflex shows a moderate segment of narrowing from one focal calcified plaque.",
            "calcified plaque",
        ),
        # after a comma, a grade describes something else
        (
            "Mild aortic stenosis, the cusps widely calcified, otherwise mobile.",
            "calcified",
        ),
        # a grade of the narrowing or leak named between it and the mention
        (
            "There is severe stenosis of the calcified aortic valve.",
            "calcified aortic valve",
        ),
        (
            "Mild regurgitation through the calcified mitral valve.",
            "calcified mitral valve",
        ),
        # the narrowing named by its abbreviation
        ("Severe AS from a calcified bicuspid valve.", "calcified bicuspid valve"),
        (
            "Moderate narrowing of the left common iliac by calcified plaque.",
            "calcified plaque",
        ),
        # a grade of the vessel's shape or size word right after it
        ("Mildly tortuous calcified descending aorta.", "calcified descending aorta"),
        ("Severely dilated calcified ascending aorta.", "calcified ascending aorta"),
        ("Slightly unfolded calcified aortic arch.", "calcified aortic arch"),
        (
            "Moderately ectatic and calcified infrarenal aorta.",
            "calcified infrarenal aorta",
        ),
        ("Markedly enlarged, calcified left atrium.", "calcified left atrium"),
    ],
)
def test_grade_of_another_word_is_not_the_findings(finding_named, text, mention):
    assert finding_named(text, mention).severity == ""


@pytest.mark.parametrize(
    "text, mention, site, severity",
    [
        # the abbreviation is the phrase's head, as its written-out words are,
        # and the grade before it is the stenosis's, not the calcium's
        ("Exertional angina from critical calcified AS.", "calcified AS", "aortic valve", ""),
        ("Known moderate calcific AS, followed by echo.", "calcific AS", "aortic valve", ""),
        (
            "Known moderate calcific aortic stenosis.",
            "calcific aortic stenosis",
            "aortic valve",
            "",
        ),
        # a calcifying disease whose name is no narrowing keeps the grade
        ("Dense calcified DVT of the calf veins.", "calcified DVT", "vein", "severe"),
    ],
)
def test_calcific_before_an_abbreviated_disease(
    finding_named, text, mention, site, severity
):
    f = finding_named(text, mention)
    assert (f.site, f.severity) == (site, severity)


def test_calcified_before_as_in_capitals_is_the_word(findings_of):
    found = findings_of("THE AORTIC VALVE IS CALCIFIED AS WELL.")
    assert [f.mention for f in found] == ["CALCIFIED"]


def test_listed_descriptors_before_a_comma_are_kept(finding_named):
    f = finding_named(
        "Dense, coarse calcifications in the left breast.",
        "calcifications",
    )
    assert (f.severity, f.morphology) == ("severe", ("coarse",))


def test_agatston_in_brackets_after_score(finding_named):
    f = finding_named("Total calcium score (Agatston) is 10.", "calcium score")
    assert (f.agatston, f.cac_drs) == (10.0, 1)


@pytest.mark.parametrize(
    "text, mention, severity",
    [
        # a grade that ends its phrase after a comma is the finding's
        (
            "Aortic valve leaflet calcification, mild.",
            "Aortic valve leaflet calcification",
            "mild",
        ),
        # one that grades the next word is not
        ("Aortic valve: calcified, mildly thickened leaflets.", "calcified", ""),
    ],
)
def test_grade_after_a_comma(finding_named, text, mention, severity):
    assert finding_named(text, mention).severity == severity


@pytest.mark.parametrize(
    "text, mention, score",
    [
        (
            "Moderate coronary artery calcification (score 145, 78th percentile).",
            "coronary artery calcification",
            145.0,
        ),
        (
            "Moderate coronary artery calcium burden (310).",
            "coronary artery calcium burden",
            310.0,
        ),
        ("Zero calcium score.", "calcium score", 0.0),
    ],
)
def test_score_forms(finding_named, text, mention, score):
    assert finding_named(text, mention).agatston == score


def test_an_earlier_size_is_not_the_findings(finding_named):
    f = finding_named(
        "Walled-off necrosis with a thin rim of calcification, decreased from 12 cm.",
        "calcification",
    )
    assert (f.size_mm, f.morphology) == (None, ("rim",))


def test_a_shape_word_after_a_comma_is_not_the_findings(finding_named):
    f = finding_named(
        "8 mm calcified lymph node, round, loss of fatty hilum.",
        "calcified lymph node",
    )
    assert (f.size_mm, f.morphology) == (8.0, ())


def test_vessel_scores_in_one_line_with_a_total(findings_of):
    (f,) = findings_of(
        "Coronary calcium scores: LM 0, LAD 45, LCx 0, RCA 12, total 57."
    )
    assert (f.agatston_vessels, f.agatston, f.cac_drs) == (
        "LM=0;LAD=45;LCX=0;RCA=12",
        57.0,
        1,
    )


def test_vessel_scores_run_on_after_semicolons(findings_of):
    found = findings_of(
        "Calcium score by vessel: left main 0; left anterior descending artery 45; "
        "circumflex 0; right coronary artery 12. Total calcium score 57 (60th percentile)."
    )
    assert [(f.agatston_vessels, f.agatston, f.agatston_percentile) for f in found] == [
        ("LM=0;LAD=45;LCX=0;RCA=12", None, None),
        ("", 57.0, 60.0),
    ]


def test_a_score_in_the_next_sentence_is_that_sentences(findings_of):
    found = findings_of("Coronary artery calcification. Calcium score 150.")
    assert [f.agatston for f in found] == [None, 150.0]


def test_thousands_separator(finding_named):
    f = finding_named(
        "Coronary artery calcium score of 1,250.",
        "Coronary artery calcium score",
    )
    assert (f.agatston, f.cac_drs) == (1250.0, 3)


@pytest.mark.parametrize(
    "text, mention, change",
    [
        ("Calcified granuloma adjacent to a new nodule.", "Calcified granuloma", ""),
        (
            "Calcified granuloma in the right upper lobe is unchanged since XXXX.",
            "Calcified granuloma",
            "stable",
        ),
        (
            "Faint calcifications in the right lower lobe, new since XXXX.",
            "calcifications",
            "new",
        ),
        (
            "Calcified granuloma in the lingula, stable in size.",
            "Calcified granuloma",
            "stable",
        ),
    ],
)
def test_change_after_the_mention(finding_named, text, mention, change):
    assert finding_named(text, mention).change == change


def test_a_size_between_a_change_word_and_the_mention_is_not_counted(finding_named):
    f = finding_named(
        "Stable 1.2 x 0.8 cm calcified nodule in the left lower lobe.",
        "calcified nodule",
    )
    assert (f.change, f.size_mm) == ("stable", 12.0)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Calcified plaque of the proximal LAD, 50-69% stenosis.", "Calcified plaque"),
        ("Mixed calcified plaque in the RCA, 25 to 49% narrowing.", "calcified plaque"),
        ("Calcified plaque at the left main, 1-24% luminal stenosis.", "Calcified plaque"),
    ],
)
def test_a_stenosis_range_is_no_vessel_score(finding_named, text, mention):
    assert finding_named(text, mention).agatston_vessels == ""


@pytest.mark.parametrize(
    "text, mention, vessels",
    [
        (
            "Calcified plaque in the mid LAD (score 40) and the distal circumflex (Agatston 9).",
            "Calcified plaque",
            "LAD=40;LCX=9",
        ),
        (
            "Scattered calcification of the right coronary artery (score: 31).",
            "calcification",
            "RCA=31",
        ),
        ("Calcification in the left main (7 Agatston units).", "Calcification", "LM=7"),
    ],
)
def test_a_vessel_score_in_brackets_after_the_vessel(
    finding_named, text, mention, vessels
):
    f = finding_named(text, mention)
    # the vessel's score is no total
    assert (f.agatston_vessels, f.agatston) == (vessels, None)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Calcified plaque in the LAD (80th percentile for age).", "Calcified plaque"),
        ("Calcified plaque in the RCA (3 mm), unchanged.", "Calcified plaque"),
        ("Calcified plaque in the LAD (2022), now denser.", "Calcified plaque"),
        ("Calcified plaque in the circumflex (40% narrowing).", "Calcified plaque"),
    ],
)
def test_a_bracket_after_a_vessel_naming_no_score(finding_named, text, mention):
    assert finding_named(text, mention).agatston_vessels == ""


def test_a_date_between_the_score_and_its_value(finding_named):
    f = finding_named(
        "Her coronary calcium score on 03/14/2021 was 96 (55th percentile).",
        "coronary calcium score",
    )
    assert (f.agatston, f.agatston_percentile) == (96.0, 55.0)


def test_score_table_with_bars_and_a_volume_column(findings_of):
    (f,) = findings_of(
        "Coronary calcium score:\n"
        "Artery | Agatston | Volume (mm3)\n"
        "LAD | 130 | 111\n"
        "RCA | 7 | 9\n"
        "Total | 137 | 120\n"
        "Percentile for age and sex (MESA): 71"
    )
    assert (f.agatston, f.agatston_percentile, f.agatston_vessels) == (
        137.0,
        71.0,
        "LAD=130;RCA=7",
    )


def test_one_prose_score_for_two_vessels(finding_named):
    f = finding_named(
        "Agatston score 75, with 75 in the LAD and 0 in both the left main and the RCA.",
        "Agatston score",
    )
    assert f.agatston_vessels == "LAD=75;LM=0;RCA=0"


@pytest.mark.parametrize(
    "text, mention, size",
    [
        ("A 3 mm echogenic focus, a calcification, in the left kidney.", "calcification", 3.0),
        (
            "There is a 5 mm echogenic focus in the right testis, a small calcification.",
            "calcification",
            5.0,
        ),
        ("4 mm shadowing focus in the spleen, a calcified granuloma, unchanged.", "calcified granuloma", 4.0),
        (
            "A 2 cm nodule in the right lobe contains a 3 mm echogenic focus, a tiny calcification.",
            "calcification",
            3.0,
        ),
        (
            "Three hyperechoic foci with shadowing in the upper pole, measuring 1 and 2 mm, "
            "representing calcifications.",
            "calcifications",
            2.0,
        ),
        ("Echogenic foci up to 5 mm, representing calcifications.", "calcifications", 5.0),
    ],
)
def test_a_finding_named_as_what_a_sized_focus_is(finding_named, text, mention, size):
    assert finding_named(text, mention).size_mm == size


@pytest.mark.parametrize(
    "text, mention",
    [
        ("8 mm nodule in the right base, a calcified granuloma, and a 2 cm cyst.", "calcified granuloma"),
        ("A 7 mm nodule containing echogenic foci, probably microcalcifications.", "microcalcifications"),
    ],
)
def test_a_list_item_or_a_held_focus_takes_no_size(finding_named, text, mention):
    assert finding_named(text, mention).size_mm is None


@pytest.mark.parametrize(
    "text, mention, severity",
    [
        ("Aortic annular calcification, moderate and unchanged.", "Aortic annular calcification", "moderate"),
        ("Mitral annular calcification, mild and stable since XXXX.", "Mitral annular calcification", "mild"),
        ("Coronary artery calcification, now extensive in the LAD.", "Coronary artery calcification", "severe"),
        ("Aortic calcification, dense along the arch.", "Aortic calcification", "severe"),
        ("The mitral leaflets are mildly thickened and calcified.", "calcified", "mild"),
        ("Moderate thickening and calcification of the right cusp.", "calcification", "moderate"),
    ],
)
def test_a_grade_shared_or_predicated_after_a_comma(finding_named, text, mention, severity):
    assert finding_named(text, mention).severity == severity


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Mild cardiomegaly and aortic calcification.", "aortic calcification"),
        ("Calcified granuloma, mild atelectasis in the left base.", "Calcified granuloma"),
    ],
)
def test_a_grade_of_another_finding_stays_off(finding_named, text, mention):
    assert finding_named(text, mention).severity == ""


@pytest.mark.parametrize(
    "text, mention, change",
    [
        (
            "Calcified plaque at the right ICA origin with posterior shadowing, new since XXXX, "
            "limiting Doppler evaluation.",
            "Calcified plaque",
            "new",
        ),
        (
            "Coarse calcification in the left lobe with a thin halo, unchanged from prior, "
            "measuring 6 mm.",
            "calcification",
            "stable",
        ),
        # an adverb grading the change before it, and a "when" clause saying
        # what the finding was at the earlier time the phrase compares with
        (
            "Heterotopic ossification along the medial thigh musculature and extending "
            "into the adductor compartment, considerably larger than at 3 months, when "
            "it was faint and thin.",
            "Heterotopic ossification",
            "increased",
        ),
        (
            "Myositis ossificans in the right vastus lateralis and its fascia, "
            "considerably smaller than at 8 weeks, when it was dense and bulky.",
            "Myositis ossificans",
            "decreased",
        ),
    ],
)
def test_a_change_part_before_participle_parts(finding_named, text, mention, change):
    assert finding_named(text, mention).change == change


def test_a_change_part_before_another_subject_stays_off(finding_named):
    f = finding_named(
        "Calcified plaque in the aorta with wall thickening, stable, heart size enlarged.",
        "Calcified plaque",
    )
    assert f.change == ""


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Calcified plaque along the descending aorta, normal caliber (2.9 cm).", "Calcified plaque"),
        ("Mural calcification of the abdominal aorta, caliber 2.2 cm.", "Mural calcification"),
        # nor is its lumen
        ("Dense calcification of the left external iliac artery, luminal diameter 5.9 mm.", "calcification"),
        ("Circumferential calcification of the right femoral artery, lumen 4 mm.", "calcification"),
    ],
)
def test_a_vessel_caliber_is_no_size(finding_named, text, mention):
    assert finding_named(text, mention).size_mm is None


@pytest.mark.parametrize(
    "text, mention, size",
    [
        (
            "Echogenic focus in the left kidney measuring 6 mm, likely a small stone or calcification.",
            "calcification",
            6.0,
        ),
        (
            "Hyperdense focus in the right thalamus measuring 3 mm, hemorrhage versus calcification.",
            "calcification",
            3.0,
        ),
    ],
)
def test_a_focus_measured_past_its_place(finding_named, text, mention, size):
    assert finding_named(text, mention).size_mm == size


@pytest.mark.parametrize(
    "text, mention, size",
    [
        ("Amorphous calcifications in a 6 mm group in the lower inner quadrant.", "calcifications", 6.0),
        ("Fine pleomorphic calcifications in a 9 mm cluster at 10 o'clock.", "calcifications", 9.0),
        ("Calcification within a 3 cm area of fat necrosis.", "Calcification", None),
        ("Calcification within a 4 cm mass in the right breast.", "Calcification", None),
    ],
)
def test_the_extent_that_holds_the_calcifications(finding_named, text, mention, size):
    assert finding_named(text, mention).size_mm == size


@pytest.mark.parametrize(
    "text, mention, score",
    [
        ("Coronary calcium score 140, up from 96 on the study of XX/XX/XXXX.", "Coronary calcium score", 140.0),
        ("The total calcium score has risen to 230 from 150.", "calcium score", 230.0),
    ],
)
def test_a_risen_score_is_increased(finding_named, text, mention, score):
    f = finding_named(text, mention)
    assert (f.change, f.agatston) == ("increased", score)


@pytest.mark.parametrize(
    "text, score",
    [
        ("Coronary calcium volume score 212 mm3 (Agatston 180).", 180.0),
        ("Coronary calcium mass score 40 mg; Agatston 180.", 180.0),
    ],
)
def test_a_volume_or_mass_score_is_no_agatston_score(findings_of, text, score):
    assert findings_of(text)[0].agatston == score


@pytest.mark.parametrize(
    "text",
    [
        "Regional non-mass enhancement in the upper outer right breast, corresponding to the calcifications.",
        "Non-mass enhancement in a linear distribution at 10 o'clock, corresponding to the biopsied calcifications.",
    ],
)
def test_a_non_mass_enhancement_lends_no_distribution(finding_named, text):
    f = finding_named(text, "calcifications")
    assert f.distribution == ()


@pytest.mark.parametrize(
    "heading",
    ["Vessel  Agatston  Volume (mm3)", "Vessel  Score  Volume (mm\u00b3)", "Vessel  Agatston  Volume (MM^3)"],
)
def test_score_table_heading_with_a_unit_in_brackets(findings_of, heading):
    """A unit in brackets after a column heading (descriptors.json
    score_units) is no word of it, its digit no score: the vessel lines
    under the heading still give their scores."""
    (f,) = findings_of(f"Coronary calcium score:\n{heading}\nLAD 42\nLCX 5\nTotal 47\n")
    assert (f.agatston, f.agatston_vessels) == (47.0, "LAD=42;LCX=5")


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("Coronary artery calcification, now severe in the proximal LAD.", "severe"),
        ("Aortic calcification, moderate along the arch.", "moderate"),
        ("Mitral annular calcification, mild at the posterior leaflet base.", "mild"),
    ],
)
def test_grade_past_a_comma_that_goes_on_with_its_place(only, text, severity):
    """A grade past a comma whose predicate goes on with the place it holds
    in (descriptors.json grade_places) is the mention's."""
    assert only(text).severity == severity


# corpora/GUIDE.md, Descriptors (size_mm): the size of the calcified lesion
# the mention names; a fibroid said to be calcified gives its size as a
# nodule does, a lesion 'with' calcification does not
FIBROID_SIZES = [
    ("FINDINGS: An anterior 3.5 cm fibroid is coarsely calcified.", 35),
    ("FINDINGS: The 18 mm submucosal leiomyoma is partly calcified.", 18),
    ("FINDINGS: A 4 cm fibroid, peripherally calcified.", 40),
    ("FINDINGS: A 5 cm fibroid with calcification.", None),
]


@pytest.mark.parametrize(("text", "size"), FIBROID_SIZES)
def test_size_of_a_calcified_fibroid(only, text, size):
    assert only(text).size_mm == size


# corpora/GUIDE.md, Descriptors (change): a change phrase closing a list of
# findings after a comma is every finding's, also when a part naming what
# they are follows it (as dev gold gives 'A and B, both unchanged' to both)
CLOSING_CHANGE_THEN_CAUSE = [
    "IMPRESSION: Calcified lung nodules and calcified mediastinal nodes, unchanged, compatible with healed histoplasmosis.",
    "IMPRESSION: Calcified granulomata and calcified hilar lymph nodes, stable, likely sequelae of prior infection.",
]


@pytest.mark.parametrize("text", CLOSING_CHANGE_THEN_CAUSE)
def test_closing_change_before_a_cause_is_every_finding_s(findings_of, text):
    assert [f.change for f in findings_of(text)] == ["stable", "stable"]


def test_closing_change_before_another_finding_stays_put(findings_of):
    text = "IMPRESSION: Calcified granulomas and calcified hilar nodes, stable, new small effusion."
    assert findings_of(text)[0].change == ""


# corpora/GUIDE.md, Descriptors (change): an adverb grading the change
# ('gradually', 'slightly') before the change word closing the sentence after
# a comma leaves that word the finding's.
ADVERB_BEFORE_CLOSING_CHANGE = [
    ("ASSESSMENT: Calcinosis of the left elbow, gradually enlarging.", "increased"),
    ("IMPRESSION: Calcified mesenteric node, slightly smaller than in 2020.", "decreased"),
]


@pytest.mark.parametrize(("text", "change"), ADVERB_BEFORE_CLOSING_CHANGE)
def test_adverb_before_a_closing_change_word(only, text, change):
    assert only(text).change == change


# corpora/GUIDE.md, Descriptors (severity read from the finding's clause): a
# grade closing the clause after a place joined by 'and the' is the finding's.
GRADE_AFTER_PLACES = [
    ("FINDINGS: Calcification of the aortic arch and the descending aorta, extensive.", "severe"),
    ("FINDINGS: Soft tissue calcification about both knees and the right ankle, marked.", "severe"),
    ("FINDINGS: Calcified plaque in the left carotid bulb and the proximal ICA, mild.", "mild"),
]


@pytest.mark.parametrize(("text", "grade"), GRADE_AFTER_PLACES)
def test_grade_after_places_joined_by_and_the(findings_of, text, grade):
    (found,) = findings_of(text)
    assert found.severity == grade


# a distance from a scar, a lumpectomy site or a seroma is a place, not the
# size of the calcifications (corpora/GUIDE.md, size_mm: never the size of
# something else); the group's own span is still read.
DISTANCE_FROM_SCAR = [
    ("Left breast: amorphous calcifications 2 cm superior to the scar, spanning 4 mm.", 4.0),
    ("Right breast: a cluster of punctate calcifications 3 cm lateral to the lumpectomy site, spanning 7 mm.", 7.0),
    ("Left breast: coarse calcifications 1.5 cm from the seroma, measuring 5 mm.", 5.0),
]


@pytest.mark.parametrize(("text", "size"), DISTANCE_FROM_SCAR)
def test_distance_from_a_scar_is_no_size(analyzer, text, size):
    got = [f.size_mm for f in analyzer.analyze(text, "T").findings]
    assert got == [size]
