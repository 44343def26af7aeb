"""A report exported in lower case as a whole: the rules that match only in
capitals (ESRD, LAD, "CLINICAL HISTORY") read it as if written in capitals,
and every quote comes back as the report wrote it. Made-up text."""

from __future__ import annotations

from calc_nlp.stages.capitals import Capitals, capital_runs, is_caseless

REPORT = (
    "clinical history: esrd on hd.\n"
    "findings: dense calcification of the lad. calcified granuloma in the rul.\n"
    "impression: all vessels patent."
)


def test_capital_only_rules_are_read_in_a_lower_cased_report(analyzer):
    result = analyzer.analyze(REPORT, "T")
    lad, granuloma = result.findings
    assert (lad.site, lad.classification) == ("coronary artery", "metastatic")
    assert (granuloma.site, granuloma.laterality) == ("lung", "right")
    assert [c.name for c in result.conditions] == ["chronic kidney disease"]


def test_quotes_are_the_report_s_own_letters(analyzer):
    result = analyzer.analyze(REPORT, "T")
    for f in result.findings:
        assert REPORT[f.start : f.end] == f.mention
        assert f.sentence == f.sentence.lower()
        assert f.evidence.count('"') == 0 or all(
            q in REPORT for q in f.evidence.split('"')[1::2]
        )
    assert all(c.words in REPORT for c in result.conditions)


def test_a_report_with_capitals_is_read_as_written(analyzer):
    # 'esrd' in a report that has capitals is not the abbreviation
    result = analyzer.analyze("Findings: esrd. Dense calcification of the lad.", "T")
    assert result.conditions == ()
    (f,) = result.findings
    assert f.site != "coronary artery"


def test_ordinary_words_stay_as_written(rules):
    runs = {" ".join(r) for r in capital_runs(rules)}
    assert {"ESRD", "LAD", "CLINICAL HISTORY", "R", "L"} <= runs
    assert not {"ALL", "PAD", "CREST"} & runs
    caps = Capitals(rules)
    assert caps.recase("all vessels patent; pad.") is None
    assert (
        caps.recase("coarse calcification, l breast")
        == "coarse calcification, L breast"
    )
    assert caps.recase("hx esrd, lad") == "hx ESRD, LAD"
    assert caps.recase("ladder and esrdx") is None  # whole words only


def test_words_in_capitals_added_after_lower_casing_leave_it_caseless(analyzer):
    # de-identification writes XXXX after the export lower-cased the text
    text = REPORT.replace("esrd on hd.", "esrd on hd since XXXX.")
    assert [f.site for f in analyzer.analyze(text, "T").findings] == [
        "coronary artery",
        "lung",
    ]
    assert is_caseless(text) and is_caseless("ct chest: no acute disease")
    assert not is_caseless("CT CHEST: NO ACUTE DISEASE.")  # all capitals
    assert not is_caseless("ct chest. Calcified granuloma.")
    assert not is_caseless("10 mL of contrast")
