"""Reports stored as RTF are read as the text a word processor shows, with
offsets on the RTF as stored. Made-up text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.stages.rtf import is_rtf, plain
from tests.mangle import RTF_HEAD, mangled, rtf_char

HEAD = (
    r"{\rtf1\ansi\deff0{\fonttbl{\f0\fswiss Arial;}}"
    r"{\colortbl;\red0\green0\blue0;}{\*\generator Riched20 10.0;}"
    r"\viewkind4\uc1\pard\f0\fs20 "
)
REPORT = (
    HEAD
    + r"FINDINGS: Calcified granuloma in the right upper lobe.\par "
    + r"Coronary artery calcification \u8212? moderate.\par\par "
    + r"IMPRESSION: Mitral annular calcification\'2e\par}"
)


def test_findings_of_an_rtf_report(analyzer):
    result = analyzer.analyze(REPORT, "T")
    got = [(f.mention, f.site, f.laterality, f.severity) for f in result.findings]
    assert got == [
        ("Calcified granuloma", "lung", "right", ""),
        ("Coronary artery calcification", "coronary artery", "", "moderate"),
        ("Mitral annular calcification", "mitral annulus", "", ""),
    ]
    for f in result.findings:
        assert REPORT[f.start : f.end] == f.mention
        assert "\\" not in f.sentence and "Arial" not in f.sentence


def test_shown_text():
    shown, origin, stop = plain(REPORT)
    assert shown.startswith("FINDINGS: Calcified")  # fonts, colours, generator hidden
    assert "\n\nIMPRESSION" in shown
    assert "calcification \u2014 moderate." in shown  # \u8212 and its fallback '?'
    assert "calcification.\n" in shown  # \'2e
    assert len(origin) == len(stop) == len(shown)
    for i, ch in enumerate(shown):
        assert origin[i] < stop[i]
        if REPORT[origin[i] : stop[i]] == ch:
            continue
        assert REPORT[origin[i]] == "\\"  # a control word or symbol gave it


def test_escaped_braces_and_backslashes_are_text():
    shown, _, _ = plain(r"{\rtf1 a\{b\}c\\d\~e}")
    assert shown == "a{b}c\\d\xa0e"


def test_only_text_starting_as_rtf_is_read_so():
    assert is_rtf("  {\\rtf1\\ansi x}")
    assert not is_rtf("FINDINGS: {\\rtf1} quoted")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "{",
                "}",
                "\\par ",
                "\\u8212?",
                "\\'e9",
                "\\*",
                "\\fonttbl ",
                "\\\\",
                "\\{",
                "Calcified granuloma",
                " right lung.",
                "\\tab",
                "\\b0 ",
                "x",
                "\\",
                "\\u-",
                "\n",
            ]
        ),
        max_size=20,
    )
)
def test_any_rtf_is_read_without_error(analyzer, parts):
    text = "{\\rtf1 " + "".join(parts)
    shown, origin, stop = plain(text)
    assert len(origin) == len(stop) == len(shown)
    assert origin == sorted(origin)
    assert all(0 <= a < b <= len(text) for a, b in zip(origin, stop, strict=True))
    for f in analyzer.analyze(text, "T").findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.mention


def test_the_dev_corpus_stored_as_rtf_gives_the_same_findings(analyzer):
    from pathlib import Path

    from calc_nlp.evaluate import read_gold

    dev = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "dev.jsonl"
    with open(dev, encoding="utf-8") as fh:
        gold = list(read_gold(fh))
    compared = 0
    for g in gold:
        stored, where = mangled(g.text, rtf_char, RTF_HEAD, "}")
        want = analyzer.analyze(g.text, g.report_id).findings
        got = analyzer.analyze(stored, g.report_id).findings
        fields = (
            "site",
            "laterality",
            "classification",
            "negated",
            "change",
            "severity",
        )
        assert [(where[f.start], *(getattr(f, k) for k in fields)) for f in want] == [
            (f.start, *(getattr(f, k) for k in fields)) for f in got
        ], g.report_id
        compared += len(got)
    assert compared > 600


def test_the_fallback_count_uc_is_honoured(analyzer):
    # '\uc0' (no stand-in after a \uN character) dropped the next letter:
    # 'alcified granuloma', the finding lost; '\uc2' showed a stand-in
    body = r" Findings DASH calcified granuloma in the right upper lobe.\par}"
    for uc, dash in (
        (r"\uc0", r"\u8212{}"),
        (r"\uc1", r"\u8212?"),
        (r"\uc2", r"\u8212\'97\'97"),
    ):
        text = r"{\rtf1\ansi" + uc + body.replace("DASH", dash)
        shown, _, _ = plain(text)
        assert shown == "Findings \u2014 calcified granuloma in the right upper lobe.\n", uc
        (f,) = analyzer.analyze(text, "T").findings
        assert (f.mention, f.site) == ("calcified granuloma", "lung")
        assert text[f.start : f.end] == f.mention


def test_uc_holds_in_its_group_only():
    shown, _, _ = plain(r"{\rtf1 {\uc0 a\u233 b}\u233 xc\par}")
    assert shown == "a\xe9b\xe9c\n"


def test_a_character_past_the_basic_plane_is_read_whole():
    # written as its two UTF-16 halves, each a \uN of its own
    text = r"{\rtf1\ansi Pain \u-10179?\u-8704? calcified granuloma.\par}"
    shown, origin, stop = plain(text)
    assert shown == "Pain \U0001f600 calcified granuloma.\n"
    at = shown.index("\U0001f600")
    assert text[origin[at] : stop[at]] == r"\u-10179?\u-8704"
