"""No report text fails its report: `Analyzer.analyze` never raises, and its
findings' offsets lie in the text and slice to their mention.

Made-up texts only: odd numbers, units and capitals, unicode controls and
marks, lone surrogates, letters `re.IGNORECASE` pairs with ASCII ones while
`str.lower` does not ("İ", "ı", "ſ"), very long tokens, repeated mentions.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.ignorecase import key_of, lookup
from calc_nlp.readers import clean_text

MENTIONS = [
    "Calcified granuloma in the right upper lobe",
    "Coronary artery calcium score: ",
    "Agatston score of ",
    "LAD 100, circumflex 20",
    "Breast microcalcifications at 3 o'clock",
    "BI-RADS category ",
    "Mitral annular calcification",
    "Pelvic phleboliths",
    "calcified lymph node measuring ",
    "Calcium 9.1 mg/dL (high)",
    "Calcium 9.1 pg/mL",
    "PTH 450 pg/mL",
    "stable",
    "calcification",
]
ODD = [
    "0 mm",
    "1e3 mm",
    "1,000 mm",
    "\u00bd cm",
    "3- mm",
    "x 4 cm",
    "5.5.5 mm",
    "3 x x 4 mm",
    "99999999999999999999999 mm",
    "-",
    "percentile 200",
    "7",
    "4D",
    "13 o'clock",
    "99/99/9999",
    "FINDINGS:",
    "IMPRESSION:",
    "XXXX",
    "((",
    "[",
    ")",
    ":",
    "1.",
    "\u00a0",
    "\u200b",
    "\u200f",
    "\u202e",
    "\u0301",
    "\U0001f600",
    "\x00",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\f",
    "\x85",
    "\u2028",
    "\ud800",
    "\udc80",
    "\u0130",
    "\u0131",
    "\u017f",
    "\u212a",
    "m\u0130ll\u0130meter\u017f",
    "h\u0131gh",
    "\u017fTABLE",
    "Calc\u0130um 11 mg/dL",
    "c\u0131rcumflex 5",
]
FRAGMENT = st.sampled_from(MENTIONS) | st.sampled_from(ODD) | st.text(max_size=8)
TEXTS = st.lists(FRAGMENT, max_size=14).flatmap(
    lambda parts: st.lists(
        st.sampled_from([" ", "", "\n", ". ", ", "]),
        min_size=len(parts),
        max_size=len(parts),
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True)))
)


def _check(analyzer, text: str) -> None:
    result = analyzer.analyze(text, "T")
    # lone surrogates are read as U+FFFD, the same length: offsets hold
    seen = clean_text(text)[0]
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert seen[f.start : f.end] == f.mention
    for lab in result.labs:
        assert 0 <= lab.start < lab.end <= len(text)


@settings(max_examples=120, deadline=None)
@given(TEXTS)
def test_analyze_never_raises(analyzer, text):
    _check(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t\f\r",
        "!!!...,,,;;;::--((",
        "FINDINGS:\n" * 200,
        "FINDINGS:\nIMPRESSION:\nCalcified granuloma.\nFINDINGS:",
        "XXXX " * 500 + "Calcified granuloma.",
        "calcification",
        "No acute disease. calcification",
        "Calcified granuloma (right upper lobe [stable",
        "Calcified granuloma. " * 1000,
        "a" * 100_000 + " Calcified granuloma.",
        "Calcified granuloma." + "x" * 100_000,
        "Calcified\x00granuloma\rin the RUL.\r\n\f",
        "Calcified granuloma, 0 mm, 1e3 mm, x 4 cm, 5.5.5 mm, \u00bd cm, 3- mm.",
        "Coronary artery calcium score of -. Agatston: \nMESA percentile 200.",
        "Breast calcifications. BI-RADS category 7. BI-RADS 4D.",
    ],
)
def test_hostile_text_is_analysed(analyzer, text):
    _check(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Calcified granuloma \ud800 in the right lung.",
        "\udc80Calcified granuloma, right lung.",
    ],
)
def test_lone_surrogate_does_not_fail_the_report(analyzer, text):
    # spaCy's tokenizer raised UnicodeEncodeError on a lone surrogate (the
    # readers replace them, a caller of `analyze` may not)
    (f,) = analyzer.analyze(text, "T").findings
    assert (f.mention, f.site) == ("Calcified granuloma", "lung")


def test_lone_surrogate_keeps_the_given_text_s_digest(analyzer):
    from calc_nlp.schema import finding_id, text_digest

    text = "Calcified granuloma \ud800 in the right lung."
    (f,) = analyzer.analyze(text, "T").findings
    assert f.finding_id == finding_id("T", text_digest(text), f.start, f.end)


# Each raised KeyError: the word the IGNORECASE regex matched, lower-cased,
# was not a key of the table it was looked up in.
def test_dotted_capital_i_in_a_lab_name(analyzer):
    result = analyzer.analyze("Calc\u0130um 11.2 mg/dL. Calcified granuloma.", "T")
    assert [(v.name, v.value, v.flag) for v in result.labs] == [
        ("serum_calcium", 11.2, "high")
    ]


def test_dotless_i_in_a_lab_flag(analyzer):
    result = analyzer.analyze(
        "Calcium 9.0 mg/dL (h\u0131gh). Calcified granuloma.", "T"
    )
    assert [(v.name, v.flag) for v in result.labs] == [("serum_calcium", "high")]


def test_long_s_and_dotted_i_in_a_size_unit(analyzer):
    text = (
        "Calcified granuloma in the right lung mea\u017furing 5 m\u0130llimeter\u017f."
    )
    (f,) = analyzer.analyze(text, "T").findings
    assert f.size_mm == 5.0


def test_long_s_in_a_descriptor_term(analyzer):
    (f,) = analyzer.analyze(
        "\u017fTABLE CALCIFIED GRANULOMA IN THE RIGHT LUNG.", "T"
    ).findings
    assert f.change == "stable"


def test_dotless_i_in_a_coronary_vessel(analyzer):
    text = "Coronary artery calcium score: 120. LAD 100, c\u0131rcumflex 20."
    (f,) = analyzer.analyze(text, "T").findings
    assert (f.agatston, f.agatston_vessels) == (120.0, "LAD=100;LCX=20")


def test_lookup_pairs_what_the_regex_pairs():
    table = {"millimeters": 1.0, "stable": 2.0}
    assert lookup(table, "MILLIMETERS") == 1.0
    assert lookup(table, "m\u0130ll\u0131meter\u017f") == 1.0
    assert key_of(table, "\u017fTABLE") == "stable"
    assert key_of(table, "unstable") is None
    with pytest.raises(KeyError):
        lookup(table, "cm")


def test_a_failing_report_is_one_error_row_the_others_are_written(
    tmp_path, monkeypatch
):
    import csv

    from click.testing import CliRunner

    from calc_nlp.cli import main
    from calc_nlp.stages import Analyzer

    real = Analyzer.analyze

    def analyze(self, text, *args, **kwargs):
        if "BOOM" in text:
            raise RuntimeError("BOOM")
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(Analyzer, "analyze", analyze)
    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(
            [
                ["report_id", "text"],
                ["A", "Calcified granuloma in the right lung."],
                ["B", "Calcified granuloma, BOOM, left lung."],
                ["C", "Pelvic phleboliths."],
            ]
        )
    out = tmp_path / "o"
    r = CliRunner().invoke(main, ["run", str(src), "-o", str(out), "--workers", "1"])
    assert r.exit_code == 1, r.output
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    assert errors.splitlines() == [
        "row,report_id,reason",
        "2,B,processing_failed:RuntimeError",
    ]
    assert "BOOM" not in r.output
    with open(out / "findings.csv", encoding="utf-8", newline="") as fh:
        assert [x["report_id"] for x in csv.DictReader(fh)] == ["A", "C"]
