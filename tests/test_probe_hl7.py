"""Reports as HL7 feeds and hospital exports deliver their text: each report
written clean and mangled, and every field of every finding the same on both
(the mangled one's offsets on its own text). Made-up reports."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from calc_nlp.schema import Finding

FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family", "physiologic")


def fields(findings: list[Finding]) -> list[tuple]:
    """What must not change: the mention's words, site, side, class, flags,
    severity, size, change, conditions and the lesion grouping."""
    groups: dict[str, int] = {}
    return [
        (
            # (a word a line's end split with a hyphen quoted as written)
            re.sub(r"(?<=[a-z])-\s+(?=[a-z])", "", " ".join(f.mention.split())),
            f.site,
            f.laterality,
            f.classification,
            tuple(k for k in FLAGS if getattr(f, k)),
            f.severity,
            f.size_mm,
            f.change,
            groups.setdefault(f.lesion_id, len(groups)),
            tuple(sorted(c.name for c in f.conditions)),
        )
        for f in findings
    ]


def same_as_clean(analyzer, clean: str, mangled: str, inserted: str = "") -> None:
    """`inserted`: lines put inside the report, which a mention over them
    quotes as written (a sentence a page break cut)."""
    want = fields(analyzer.analyze(clean, "r").findings)
    found = analyzer.analyze(mangled, "r").findings
    assert want, "the clean report holds findings"
    for f in found:
        assert mangled[f.start : f.end] == f.mention
    for line in filter(None, inserted.split("\n")):
        found = [replace(f, mention=f.mention.replace(line, "")) for f in found]
    assert fields(found) == want


ABDOMEN = (
    "US ABDOMEN COMPLETE\n"
    "Indication: Abnormal liver function tests.\n"
    "Liver: Normal echotexture. A 9 mm echogenic focus in segment 6, compatible"
    " with a calcified granuloma.\n"
    "Pancreas: Coarse calcifications throughout, in keeping with chronic"
    " pancreatitis.\n"
    "Kidneys: No renal calcification.\n"
    "IMPRESSION: Chronic calcific pancreatitis. Hepatic calcified granuloma."
)
CAROTID = (
    "CAROTID DUPLEX ULTRASOUND\n"
    "Indication: Left sided weakness.\n"
    "RIGHT\n"
    "Calcified plaque at the carotid bulb with acoustic shadowing.\n"
    "LEFT\n"
    "No calcified plaque. Mild intimal thickening.\n"
    "Impression: Calcified plaque in the right carotid bulb."
)
NODES = (
    "CT CHEST\n"
    "History: Lung cancer screening.\n"
    "Findings: There are scattered calcified mediastinal lymph nodes. Dense"
    " calcification of the mitral annulus. No pleural effusion.\n"
    "Impression: Calcified mediastinal nodes from prior granulomatous infection."
    " Mitral annular calcification."
)
SCORE = (
    "CT CORONARY CALCIUM SCORE\n"
    "INDICATION: Family history of coronary disease.\n"
    "FINDINGS:\n"
    "LAD: 45\n"
    "RCA: 88\n"
    "Total Agatston score: 133.\n"
    "Mild aortic valve calcification. No mitral annular calcification.\n"
    "IMPRESSION: Coronary artery calcium score of 133."
)


def obx(text: str, sep: str = "\n", ident: str = "", tail: str = "") -> str:
    """Each line the value (OBX-5) of a text segment of its own."""
    return sep.join(
        f"OBX|{n}|TX|{ident}||{line}{tail}"
        for n, line in enumerate(text.split("\n"), 1)
    )


@pytest.mark.parametrize("clean", [ABDOMEN, CAROTID, NODES, SCORE])
@pytest.mark.parametrize(
    "segments",
    [
        lambda t: obx(t),
        lambda t: obx(t, "\r"),
        lambda t: obx(t, "\r\n"),
        lambda t: obx(t, "\r", "IMP^Impression^L", "||||||F"),
        lambda t: obx(t, "\n", "&GDT", "||||||F|||20260101"),
        lambda t: "\r".join(f"NTE|{n}|L|{line}" for n, line in enumerate(t.split("\n"))),
    ],
    ids=["LF", "CR", "CRLF", "identifier and status", "observation fields", "notes"],
)
def test_hl7_text_segments_read_as_their_values(analyzer, clean, segments):
    """'OBX|3|TX|||Liver: ... granuloma.' read as 'Liver: ... granuloma.':
    the label opens the line (guide §2, a label line above)."""
    same_as_clean(analyzer, clean, segments(clean))


def test_a_bar_in_a_sentence_is_no_segment(analyzer):
    text = "Scores: LAD 40 | RCA 3 | OBX noted.\nCalcified granuloma in the RUL."
    assert fields(analyzer.analyze(text, "r").findings)[-1][1:3] == ("lung", "right")


WRAPPED_CLEAN = (
    "CT ANGIOGRAM ABDOMEN\n"
    "History: Hypertension.\n"
    "Calcified plaque at the origin of the left renal artery with moderate"
    " stenosis. The right renal artery is patent without calcification."
    " Dense calcification of the mitral annulus. A mass with coarse internal"
    " calcifications, unchanged from the prior study.\n"
    "Impression: Calcified atherosclerotic plaque at the left renal artery origin."
)
WRAPPED = (
    "CT ANGIOGRAM ABDOMEN\n"
    "History: Hypertension.\n"
    "Calcified plaque at the origin of the left renal artery with\n"
    "moderate stenosis. The right renal artery is patent without cal-\n"
    "cification. Dense calcif-\n"
    "ication of the mitral annulus. A mass with coarse internal calci-\r\n"
    "fications, un-   \n"
    "changed from the prior study.\n"
    "Impression: Calcified atherosclerotic plaque at the left renal\n"
    "artery origin."
)


@pytest.mark.parametrize(
    "mangled",
    [
        WRAPPED,
        # the lines padded to 80 columns (before a CR LF's CR)
        "\n".join(
            line.rstrip("\r").ljust(80) + line[len(line.rstrip("\r")) :]
            for line in WRAPPED.split("\n")
        ),
    ],
    ids=["wrapped", "padded"],
)
def test_a_word_split_by_a_hyphen_at_a_line_end_is_read_whole(analyzer, mangled):
    """'without cal-' over 'cification.' is 'without calcification.': the
    finding, its denial and its side are the clean report's (guide §1: the
    calcification words themselves)."""
    same_as_clean(analyzer, WRAPPED_CLEAN, mangled)


def test_a_short_report_splits_a_word_by_a_hyphen_too(analyzer):
    same_as_clean(
        analyzer,
        "Dense calcification of the mitral annulus.",
        "Dense calcifi-\ncation of the mitral annulus.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "A well-\ndefined calcified granuloma in the left lower lobe.",
        "Calcified granuloma in the right upper lobe -\nleft lung clear.",
    ],
)
def test_a_hyphen_at_a_line_end_between_two_words_stays(analyzer, text):
    """'well-' over 'defined' (two words the rules know, or one that is no
    word of theirs) is no split word: read as a line break still."""
    from calc_nlp.stages.spacing import normalise

    sp = normalise(text, whole=analyzer.known_words.whole)
    assert sp is None or "-" in sp.text


def test_a_prefix_split_at_a_line_end_reads_as_the_closed_word(analyzer):
    """'non-' over 'calcified' read 'noncalcified': no finding, as for
    'non-calcified' (guide §1)."""
    same_as_clean(
        analyzer,
        "Calcified granuloma in the left lower lobe, non-calcified nodule right.",
        "Calcified granuloma in the left lower lobe, non-\ncalcified nodule right.",
    )


def double_spaced(text: str, end: str = "\n") -> str:
    return (end + end).join(text.split("\n"))


@pytest.mark.parametrize("clean", [ABDOMEN, CAROTID, NODES, SCORE, WRAPPED_CLEAN])
@pytest.mark.parametrize("end", ["\n", "\r\n", " \n"], ids=["LF", "CRLF", "space"])
def test_a_double_spaced_report_reads_as_single_spaced(analyzer, clean, end):
    """'RIGHT' over a blank line over 'Calcified plaque at the carotid bulb':
    every line of the report has a blank after it, so the blank tells no
    paragraph's end; the side heading heads the line under it (guide §2
    step 4)."""
    same_as_clean(analyzer, clean, double_spaced(clean, end))


def test_a_writer_s_blank_line_stays_in_a_double_spaced_report():
    from calc_nlp.stages.spacing import normalise

    text = "RIGHT\n\nCalcified plaque.\n\n\n\nLEFT\n\nNo plaque.\n\nEnd."
    sp = normalise(text)
    assert sp is not None and sp.text.split() == text.split()
    assert [line.strip() for line in sp.text.split("\n")] == [
        "RIGHT", "Calcified plaque.", "", "LEFT", "No plaque.", "End."
    ]


@pytest.mark.parametrize(
    "text",
    [
        # paragraphs a blank apart, lines meeting inside one
        "FINDINGS:\nCalcified granuloma.\n\nIMPRESSION:\nGranuloma.\n\nEnd.\n\nx",
        # two blank lines only
        "RIGHT\n\nCalcified plaque.\n\nLEFT",
    ],
)
def test_a_report_with_some_blank_lines_is_not_double_spaced(text):
    from calc_nlp.stages.spacing import normalise

    assert normalise(text) is None


BANNERS = {
    "header": "CONFIDENTIAL\nPatient: XXXX, XXXX   MRN: XXXXXXXX   DOB: XX/XX/XXXX\nPage 2 of 3",
    "footer": "\nPage 1 of 2\nCONFIDENTIAL - contains protected health information\n\n"
    "XXXX XXXX  Acc#: XXXXXXX\n",
    "continued": "- Page 2 -\n(Continued)",
    "named banner": "SMITH, JOHN  MRN: 00123456  DOB: 01/02/1950\nPage 2 of 2",
}
CHEST_WRAPPED = (
    "CT CHEST WITHOUT CONTRAST\n"
    "History: Fall. Evaluate for injury.\n"
    "FINDINGS: No acute intracranial process is seen on this study. There is\n"
    "a 9 mm calcified granuloma in the right upper lobe, unchanged\n"
    "since the prior examination. No previously seen left apical\n"
    "calcified nodule is identified. The mitral annulus is densely\n"
    "calcified. Coarse calcifications are present in the pancreas,\n"
    "compatible with chronic pancreatitis.\n"
    "IMPRESSION:\n"
    "1. Stable calcified granuloma in the right upper lobe.\n"
    "2. Chronic calcific pancreatitis."
)


@pytest.mark.parametrize("clean", [CHEST_WRAPPED, CAROTID, WRAPPED])
@pytest.mark.parametrize("banner", list(BANNERS))
def test_page_headers_and_footers_inside_a_report_are_read_past(analyzer, clean, banner):
    """'... calcified granuloma in the right' over 'Page 2 of 3' over 'upper
    lobe': the banner lines read as nothing, the wrapped sentence is one,
    the granuloma's site, side, size and change the clean report's, a side
    heading heads its line (guide §2)."""
    lines = clean.split("\n")
    for k in range(1, len(lines)):
        mangled = "\n".join(lines[:k] + BANNERS[banner].split("\n") + lines[k:])
        same_as_clean(analyzer, clean, mangled, BANNERS[banner])


@pytest.mark.parametrize(
    "line",
    [
        "Continued surveillance is recommended.",
        "Patient: 67 year old woman with calcified granuloma.",
        "Page 2 shows a calcified granuloma in the RUL.",
        "Name: calcified granuloma, RUL",
        "The patient is confidential about her history.",
    ],
)
def test_a_report_line_with_a_banner_word_is_no_page_line(analyzer, line):
    assert not analyzer.page_lines.is_page_line(line)


CHEST = (
    "CHEST PA AND LATERAL\n"
    "Comparison: None.\n"
    "The heart is normal in size. There is calcification of the aortic knob."
    " A calcified granuloma projects over the left lower lobe. No effusion.\n"
    "Impression: No acute disease. Calcified left lower lobe granuloma."
)
RENAL = (
    "RENAL ULTRASOUND\n"
    "Indication: Hypercalcemia.\n"
    "Right kidney measures 10.2 cm. Medullary nephrocalcinosis is seen.\n"
    "Left kidney measures 10.5 cm. Similar medullary nephrocalcinosis.\n"
    "IMPRESSION: Bilateral medullary nephrocalcinosis."
)


@pytest.mark.parametrize("clean", [CHEST, RENAL, CAROTID])
@pytest.mark.parametrize(
    "dictated",
    [
        lambda t: re.sub(r"\.(\s|$)", r" period\1", t),
        lambda t: re.sub(r"\.(\s|$)", r" Period\1", t),
        lambda t: re.sub(r"\.(\s|$)", r" full stop\1", t),
        lambda t: t.replace("\n", " new paragraph\n"),
        lambda t: re.sub(r"\.\n", ". new paragraph ", t),
        lambda t: re.sub(r"\.\n", " period new line ", t),
    ],
    ids=["period", "Period", "full stop", "paragraph at line end", "paragraph", "both"],
)
def test_dictated_punctuation_words_read_as_their_marks(analyzer, clean, dictated):
    """'No acute disease period Calcified left lower lobe granuloma period':
    two sentences, the granuloma not denied (guide §2, negated: a denial of
    its own sentence); 'RIGHT new paragraph' a heading of its own line."""
    same_as_clean(analyzer, clean, dictated(clean))


@pytest.mark.parametrize(
    "text",
    [
        "Calcified granuloma, stable over a 2 year period.",
        "Calcified granuloma stable over the interval period\nNo effusion.",
        "Last menstrual period 01/02. Calcified fibroadenoma left breast.",
        "Calcified plaque. Recovery period of 6 weeks.",
        "The new line is in good position. Calcified granuloma.",
    ],
)
def test_the_word_period_in_a_sentence_stays(analyzer, text):
    """'period' before a stop, a number or a small letter is the word, and
    'new line' inside a sentence the words: the text as written."""
    spoken = analyzer.dictation.edits(text)
    assert all(text[a:b].strip().lower() == "period" for a, b, _ in spoken)
    assert all(text[b:].lstrip()[:1] in ("", "N") for a, b, _ in spoken)


@pytest.mark.parametrize("clean", [CAROTID, ABDOMEN, SCORE])
@pytest.mark.parametrize(
    "formatted",
    [
        lambda t: "\\.sp\\".join(t.split("\n")),
        lambda t: "\\.sp 1\\".join(t.split("\n")),
        lambda t: "\\.ce\\".join(t.split("\n")),
        lambda t: re.sub(r"(?m)^([A-Za-z ]+:|RIGHT|LEFT)", r"\\H\\\1\\N\\", t),
        lambda t: "\\.br\\\\.in+4\\".join(t.split("\n")),
        lambda t: "\\.br\\\\.ti-2\\".join(t.split("\n")) + "\\.fi\\",
    ],
    ids=["sp", "sp 1", "ce", "highlight", "indent", "temporary indent"],
)
def test_hl7_formatted_text_commands_are_read(analyzer, clean, formatted):
    """HL7 v2 formatted text (FT): '\\.sp\\' ends a line as '\\.br\\' does,
    '\\H\\RIGHT\\N\\' is the heading 'RIGHT' (guide §2 step 4: a heading
    line above)."""
    same_as_clean(analyzer, clean, formatted(clean))


CAPS_WRAPPED = """CT ABDOMEN PELVIS WITHOUT CONTRAST
HISTORY: ABDOMINAL PAIN. HISTORY OF TUBERCULOSIS.
SPLEEN: NUMEROUS SMALL CALCIFIED GRANULOMAS.
ADRENALS: COARSE CALCIFICATION OF THE LEFT ADRENAL GLAND, LIKELY
SEQUELA OF PRIOR HEMORRHAGE OR GRANULOMATOUS INFECTION.
THERE IS A 9 MM CALCIFIED GRANULOMA IN THE RIGHT LOBE OF THE LIVER,
UNCHANGED. CALCIFIED PLAQUE AT THE ORIGIN OF THE LEFT RENAL ARTERY
WITH MODERATE STENOSIS. THE RIGHT RENAL ARTERY IS PATENT WITHOUT
CALCIFICATION.
IMPRESSION: CALCIFIED SPLENIC GRANULOMAS AND LEFT ADRENAL
CALCIFICATION, LIKELY FROM PRIOR TUBERCULOSIS."""


@pytest.mark.parametrize("width", [70, 80, 100])
def test_a_report_in_capitals_wrapped_and_padded_to_a_width_is_unwrapped(analyzer, width):
    """Every line padded with spaces to the field's width (80 columns): the
    width the report was wrapped at is its longest line without them, so
    'LIKELY' over 'SEQUELA OF PRIOR ... GRANULOMATOUS INFECTION.' is one
    sentence (the tuberculosis still the adrenal calcification's cause,
    guide §4 rule 1) as in the report unpadded."""
    padded = "\n".join(line.ljust(width) for line in CAPS_WRAPPED.split("\n"))
    same_as_clean(analyzer, CAPS_WRAPPED, padded)
