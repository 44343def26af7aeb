"""Irregular spacing and invisible characters do not hide a finding or its
site: the stages read the text with spacing made regular, and every offset,
finding id and quote comes back on the report as written. Made-up text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.schema import finding_id, text_digest
from calc_nlp.stages import spacing
from calc_nlp.stages.spacing import normalise

PLAIN = (
    "FINDINGS: Calcified granuloma in the right upper lobe. "
    "Coronary artery calcification, measuring 4 mm.\n"
    "IMPRESSION: Stable calcified granuloma."
)
VARIANTS = {
    "tabs": PLAIN.replace(" ", "\t"),
    "no-break spaces": PLAIN.replace(" ", "\xa0"),
    "double spaces": PLAIN.replace(" ", "  "),
    "thin spaces": PLAIN.replace(" ", "\u2009"),
    "narrow no-break spaces": PLAIN.replace(" ", "\u202f"),
    "ideographic spaces": PLAIN.replace(" ", "\u3000"),
    "soft hyphen in a word": PLAIN.replace("Calcified", "Calci\u00adfied"),
    "zero-width space in a word": PLAIN.replace("calcification", "calci\u200bfication"),
    "byte-order mark first": "\ufeff" + PLAIN,
    "NUL in a word": PLAIN.replace("granuloma", "granu\x00loma"),
    "word joiner": PLAIN.replace("artery", "art\u2060ery"),
    "line-break tags": PLAIN.replace("\n", "<br>"),
    "paragraph tags": "<p>" + PLAIN.replace("\n", "</P>\n<P class='x'>") + "</p>",
    "bold tags": PLAIN.replace("Calcified granuloma", "<b>Calcified granuloma</b>"),
    "table cells": "<table><tr><td>FINDINGS:</td><td>"
    + PLAIN[10:]
    + "</td></tr></table>",
    "no-break space references": PLAIN.replace(" ", "&nbsp;"),
    # named references longer than eight letters were left as written,
    # gluing the words they stand between
    "thin space references": PLAIN.replace(" ", "&ThinSpace;"),
    "zero-width space references by name": PLAIN.replace(" ", "&ZeroWidthSpace;"),
    "character references": PLAIN.replace("measuring", "&#109;easuring"),
    "line breaks escaped as text": PLAIN.replace("\n", "\\n"),
    "CR LF escaped as text": PLAIN.replace("\n", "\\r\\n"),
    "HL7 line breaks": PLAIN.replace("\n", "\\.br\\"),
    "HL7 CR LF codes": PLAIN.replace("\n", "\\X0D\\\\X0A\\"),
    "lines joined by HL7 tildes": PLAIN.replace("\n", "~"),
}


def _fields(result):
    return [
        (
            f.site,
            f.laterality,
            f.classification,
            f.negated,
            f.change,
            f.size_mm,
            f.finding_id == f.lesion_id,
        )
        for f in result.findings
    ]


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_spacing_changes_no_field(analyzer, name):
    text = VARIANTS[name]
    want = analyzer.analyze(PLAIN, "T")
    got = analyzer.analyze(text, "T")
    assert len(want.findings) == 3
    assert _fields(got) == _fields(want)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_offsets_ids_and_quotes_are_the_report_s_own(analyzer, name):
    text = VARIANTS[name]
    result = analyzer.analyze(text, "T")
    digest = text_digest(text)
    for f in result.findings:
        assert text[f.start : f.end] == f.mention
        assert f.finding_id == finding_id("T", digest, f.start, f.end)
        assert f.site_text == "" or f.site_text in text
        # the sentence is quoted as the stages read it
        read = normalise(f.mention, splits=analyzer.known_words.split)
        assert (read.text if read else f.mention) in f.sentence
        for start, end, _kind in f.marks:
            assert 0 <= start < end <= len(text)
    for lab in result.labs:
        assert 0 <= lab.start < lab.end <= len(text)


def test_lesion_ids_follow_the_finding_ids(analyzer):
    result = analyzer.analyze(VARIANTS["double spaces"], "T")
    ids = {f.finding_id for f in result.findings}
    assert {f.lesion_id for f in result.findings} <= ids
    first, _, last = result.findings
    assert last.lesion_id == first.finding_id  # the impression restates it


def test_lab_and_condition_offsets_are_the_report_s_own(analyzer):
    text = "HISTORY:\tESRD on dialysis.  Calcium\t11.2 mg/dL.\nFINDINGS: Calcified  aortic valve."
    result = analyzer.analyze(text, "T")
    (lab,) = result.labs
    assert text[lab.start : lab.end].startswith("Calcium\t11.2")
    assert result.condition_marks
    for start, end, _name in result.condition_marks:
        assert text[start:end] in ("ESRD", "dialysis")


def test_a_finding_wrapped_in_tags_is_found(analyzer):
    # "calcification.</p>" was one token: the finding was lost
    (f,) = analyzer.analyze(
        "<p>IMPRESSION: Mitral annular calcification.</p>", "T"
    ).findings
    assert (f.mention, f.site) == ("Mitral annular calcification", "mitral annulus")


def test_hl7_delimiter_escapes_are_their_characters():
    sp = normalise("score 120 \\T\\ stable\\.br\\next")
    assert sp is not None and sp.text == "score 120 & stable\nnext"


def test_what_is_not_markup_is_read_as_written():
    sp = normalise("Nodule <5 mm & stable; calcification &unknown; a<b.")
    assert sp is None
    assert normalise("fall ~3 weeks ago (~2 cm), 2~3 mm") is None


@pytest.mark.parametrize(
    "text",
    [
        PLAIN,
        "One sentence.  Two spaces after its end.\n\tAn indented line.",
        "Trailing spaces.  \nAnd a line.",
        "",
    ],
)
def test_regular_text_is_read_as_it_is(text):
    assert normalise(text) is None


def test_runs_between_words_become_one_space():
    sp = normalise("calcified \t\xa0 granuloma.  Next\u00ad word")
    assert sp is not None
    assert sp.text == "calcified granuloma.  Next word"
    assert len(sp.origin) == len(sp.text) + 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \t\xa0\u2009\u00ad\u200b\x00.\nab", max_size=40))
def test_origin_maps_every_kept_character_to_itself(text):
    sp = normalise(text)
    if sp is None:
        return
    assert len(sp.origin) == len(sp.text) + 1
    assert sp.origin == sorted(set(sp.origin))  # increasing
    stop = sp.stop
    for i, ch in enumerate(sp.text):
        written = text[sp.origin[i] : stop[i]]
        # a space: from spacing, or a zero-width space between two words
        spaced = written[0].isspace() or "\u200b" in written
        assert text[sp.origin[i]] == ch or (ch == " " and spaced)


@pytest.mark.parametrize(
    "text",
    [
        "no edit here at all",
        "word \tword  word:  value.  Next\u00a0 \u2003end",
        "lines\\.br\\and\\X0D\\\\X0A\\codes \\n\\t and \\F\\ here",
        "dose~5 mm, seen~3 and then.~2. Next~~line",
        "<p>cell</p> <td>a</td><b>bold</b> &amp; &nbsp;&#160;x &bogus;",
        "  \t lead and trail \t ",
        "a  \t  b   c:   d , e",
    ],
)
def test_edits_are_those_of_a_search_at_every_character(text):
    # `_edits` tries `_EDIT` only where a match can start: the same matches
    want = [(m.span(), m.lastgroup) for m in spacing._EDIT.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in spacing._edits(text)] == want


@given(st.text(alphabet=" \t\u00a0\u2003\\~<>&;:.,a1pbX0DAn#", max_size=40))
@settings(max_examples=300, deadline=None)
def test_edits_match_the_search_on_any_text(text):
    want = [(m.span(), m.lastgroup) for m in spacing._EDIT.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in spacing._edits(text)] == want


@pytest.mark.parametrize(
    "text",
    [
        "Calcified granuloma. Aortic calc&shy;ification.",
        "Calcified granuloma. Aortic calc&#8203;ification.",
        "Calcified granuloma. Aortic calc&#xAD;ification.",
    ],
)
def test_an_invisible_character_by_reference_splits_no_word(analyzer, text):
    # '&shy;' was read as a space: 'calc ification', the finding lost
    found = analyzer.analyze(text, "T").findings
    assert [f.mention for f in found] == ["Calcified granuloma", text[21:-1]]
    assert found[1].site == "aorta"


@pytest.mark.parametrize(
    "text",
    [
        "Calc<b>ified</b> granuloma in the right upper lobe.",
        "<b>Calc</b>ified granuloma in the right upper lobe.",
        "C&#97;lcified granuloma in the right upper lobe.",
        "Calc&shy;ified granuloma in the right upper lobe.",
    ],
)
def test_markup_inside_the_only_finding_word_hides_no_finding(analyzer, text):
    # the prefilter, reading the report as written, found no finding word
    # and the report was read past unedited
    (f,) = analyzer.analyze(text, "T").findings
    mention = text[: text.index(" granuloma")].removeprefix("<b>") + " granuloma"
    assert (f.mention, f.site) == (mention, "lung")
    assert text[f.start : f.end] == f.mention
    assert f.site_text == "right upper lobe"


@pytest.mark.parametrize(
    "text",
    [
        "CT CORONARY CALCIUM<br>\nCAC = 0<br>\nNo extracoronary calcification.",
        "CT CORONARY CALCIUM<br />\r\nCAC = 0<br />\r\nNo extracoronary calcification.",
        "<p>CT CORONARY CALCIUM</p>\n<p>CAC = 0</p>\n<p>No extracoronary calcification.</p>",
        "<div>CT CORONARY CALCIUM</div>\n<div>CAC = 0</div>\n<div>No extracoronary calcification.</div>",
    ],
)
def test_a_line_tag_beside_a_line_break_makes_no_blank_line(analyzer, text):
    # '<br>\n' was read as two line breaks, a blank line between every two
    # lines: the title's finding and the last line's site were lost
    plain = "CT CORONARY CALCIUM\nCAC = 0\nNo extracoronary calcification."
    want, got = analyzer.analyze(plain, "T"), analyzer.analyze(text, "T")
    assert [(f.mention, f.site) for f in got.findings] == [
        (f.mention, f.site) for f in want.findings
    ]
    assert all(text[f.start : f.end] == f.mention for f in got.findings)


def test_line_tags_of_their_own_are_line_breaks():
    sp = normalise("Calcified granuloma.<br><br>IMPRESSION:<br>\n<br>\nStable.")
    assert sp is not None and sp.text == "Calcified granuloma.\n\nIMPRESSION:\n\nStable."


@pytest.mark.parametrize(
    "text",
    [
        "Line one.<br>\nLine two.<br>\nThree.",
        "Line one.<br/>\r\nLine two.<br />\r\nThree.",
        "<p>Line one.</p>\n<p>Line two.</p>\n<p>Three.</p>",
        "<div>Line one.</div>\n<div>Line two.</div>\n<div>Three.</div>\n",
    ],
)
def test_a_line_tag_beside_a_line_break_is_that_line_break(text):
    sp = normalise(text)
    assert sp is not None
    assert sp.text.replace("\r", "").strip(" \n") == "Line one.\nLine two.\nThree."


@pytest.mark.parametrize(
    "gap",
    [" \u200b ", " &nbsp;", "&nbsp; ", " <b> ", "&#32;&#32;", " \\t ", " \x00 ", "\u00ad \u00ad"],
)
def test_spaces_an_edit_leaves_side_by_side_are_one(analyzer, gap):
    # 'Calcified &nbsp;granuloma' was read 'Calcified  granuloma': the two
    # spaces split the phrase, and the finding was 'Calcified' alone
    text = f"Calcified{gap}granuloma in the right upper lobe."
    sp = normalise(text)
    assert sp is not None and sp.text == "Calcified granuloma in the right upper lobe."
    (f,) = analyzer.analyze(text, "T").findings
    assert (f.mention, f.start, f.site) == (f"Calcified{gap}granuloma", 0, "lung")
    assert [sp.at(i) for i in range(9)] == list(range(9))
    assert sp.at(10) == 9 + len(gap)  # 'granuloma' where the report has it


# A report as lines: a header on a line of its own, a capitals title, labels,
# list items and sentences ended by the line's end alone.
LINES = (
    "EXAM: CT CHEST WITHOUT CONTRAST\n"
    "HISTORY: Cough\n"
    "FINDINGS:\n"
    "Lungs: Calcified granuloma\n"
    "Heart: Normal size\n"
    "Left breast\n"
    "1. Coarse calcifications\n"
    "2. No suspicious mass\n"
    "IMPRESSION:\n"
    "Aortic valve calcification\n"
    "No calcification in the kidneys\n"
)


def _placed(result):
    return [
        (f.start, f.end, f.site, f.laterality, f.classification, f.negated,
         f.change, f.section, f.sentence)
        for f in result.findings
    ]


@pytest.mark.parametrize("ends", ["\r", "\r\r\n", "\r\n"])
def test_lone_cr_line_ends_read_as_line_breaks(analyzer, ends):
    """Classic Mac line ends (a CR alone, some RIS exports) were no line
    breaks to the stages: the report read as one line, the granuloma took
    the site of the breast two lines down. The same findings as with LF, at
    the same places; the mention the text as written."""
    want = analyzer.analyze(LINES, "T")
    text = LINES.replace("\n", ends)
    got = analyzer.analyze(text, "T")
    assert len(want.findings) == 4
    for f in got.findings:
        assert text[f.start : f.end] == f.mention
    if ends == "\r":  # one character a line end: the same offsets
        assert _placed(got) == _placed(want)
    assert [x[2:] for x in _placed(got)] == [x[2:] for x in _placed(want)]


_ZW = "\u200b"


@pytest.mark.parametrize(
    "text",
    [
        f"Calcified{_ZW}granuloma in the right{_ZW}lung.",
        "Calcified&#8203;granuloma in the right&#x200B;lung.",
        f"Coronary{_ZW}artery calcification.",
        f"Pelvic{_ZW}phleboliths.",
        f"No{_ZW}calcification in the kidneys.",
        f"MAC{_ZW}present.",
        # after a stop or a colon, and beside a short word: read as nothing it
        # glued 'normal.No' and 'a calcified' into 'acalcified'
        f"Heart normal.{_ZW}No{_ZW}calcification in the kidneys.",
        f"IMPRESSION:{_ZW}Coronary artery calcification.",
        f"There{_ZW}is{_ZW}a{_ZW}calcified{_ZW}granuloma in the right lung.",
    ],
)
def test_a_zero_width_space_between_words_reads_as_a_space(analyzer, text):
    """U+200B is a word-break opportunity: read as nothing it joined the
    words it stood between ('Calcifiedgranuloma', 'Nocalcification'), the
    finding or its site lost. The findings of the text with spaces."""
    spaced = text.replace(_ZW, " ").replace("&#8203;", " ").replace("&#x200B;", " ")
    want = analyzer.analyze(spaced, "T")
    got = analyzer.analyze(text, "T")
    assert want.findings and _fields(got) == _fields(want)
    for f in got.findings:
        assert text[f.start : f.end] == f.mention


@pytest.mark.parametrize(
    "word, whole",
    [
        (f"calci{_ZW}fication", "calcification"),
        (f"Calc{_ZW}ified", "Calcified"),
        (f"calcifi{_ZW}cation", "calcification"),
        (f"phlebo{_ZW}liths", "phleboliths"),
        ("calc\u00adification", "calcification"),  # a soft hyphen: always nothing
    ],
)
def test_a_zero_width_space_inside_a_word_the_rules_know_reads_as_nothing(
    analyzer, word, whole
):
    """Some editors write U+200B inside a long word as a place to wrap: a
    word the rules know split into halves they do not both know stays one."""
    text = f"Coarse {word} in the left kid{_ZW}ney."
    want = analyzer.analyze(f"Coarse {whole} in the left kidney.", "T")
    got = analyzer.analyze(text, "T")
    assert want.findings and _fields(got) == _fields(want)
    for f in got.findings:
        assert text[f.start : f.end] == f.mention


def test_a_zero_width_space_reads_as_a_space_without_the_rules():
    read = normalise(f"right{_ZW}lung {_ZW}x.{_ZW}")
    assert read is not None and read.text == "right lung x."
    read = normalise(f"x.{_ZW}No:{_ZW}y")
    assert read is not None and read.text == "x. No: y"
    assert [read.at(i) for i in range(len(read.text))][:7] == [0, 1, 2, 3, 4, 5, 6]


def test_a_zero_width_space_in_a_score_reads_as_a_space(analyzer):
    # between a number and a word, or where a rule's regex takes the two
    # words with a space as well, it is no break inside one word: read as
    # nothing it made 'LAD150' and '78thpercentile', which the score and
    # percentile rules read otherwise
    text = f"Agatston{_ZW}score 212 (LAD{_ZW}150), 78th{_ZW}percentile."
    read = normalise(text, False, analyzer.known_words.split)
    assert read is not None
    assert read.text == "Agatston score 212 (LAD 150), 78th percentile."
    got = analyzer.analyze(text, "T").findings
    want = analyzer.analyze(read.text, "T").findings
    assert [(f.agatston, f.agatston_percentile) for f in got] == [
        (f.agatston, f.agatston_percentile) for f in want
    ]
    assert want and want[0].agatston == 212
