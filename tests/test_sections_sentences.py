"""Section categories per finding and the line-aware sentence splitter."""

from __future__ import annotations

import pytest

from calc_nlp.sentences import (
    firsts_of,
    sentence_bounds,
    sentence_ends,
    sentence_starts,
)

REPORT = (
    "EXAM: CT chest without contrast\n"
    "CLINICAL HISTORY: ESRD on HD.\n"
    "TECHNIQUE: Axial images.\n"
    "COMPARISON: None.\n"
    "FINDINGS:\n"
    "Calcified granuloma in the RUL.\n"
    "IMPRESSION:\n"
    "1. Calcified granuloma.\n"
    "ADDENDUM: Coronary artery calcifications also noted.\n"
)


def test_sections_per_finding(findings_of):
    assert [f.section for f in findings_of(REPORT)] == [
        "findings",
        "impression",
        "other",
    ]


def test_text_before_any_header_is_other(findings_of):
    (f,) = findings_of("Pelvic phleboliths.")
    assert f.section == "other"


def test_conditions_found_in_history_section(analyzer):
    result = analyzer.analyze(REPORT, "T")
    assert [c.name for c in result.conditions] == ["chronic kidney disease"]
    assert result.conditions[0].section == "indication"


@pytest.mark.parametrize(
    "header", ["HISTORY OF PRESENT ILLNESS:", "History of present illness:", "HISTORY:"]
)
def test_a_notes_history_headers_are_its_indication(findings_of, header):
    text = f"{header} Referred after a CT showed aortic calcification.\nPLAN: Follow up."
    (f,) = findings_of(text)
    assert f.section == "indication"


@pytest.mark.parametrize(
    "header, section",
    [
        ("PREOPERATIVE DIAGNOSIS:", "indication"),
        ("Preoperative diagnoses:", "indication"),
        ("ADMITTING DIAGNOSIS:", "indication"),
        ("POSTOPERATIVE DIAGNOSIS:", "impression"),
        ("DISCHARGE DIAGNOSES:", "impression"),
    ],
)
def test_a_notes_diagnosis_headers_are_sections(findings_of, header, section):
    """The preoperative and the postoperative diagnosis are two sections
    (GUIDE, lesion: clinical notes), not the text before the first header."""
    text = f"REASON: Pain.\n{header} Calcific tendinitis of the left shoulder."
    (f,) = findings_of(text)
    assert f.section == section


@pytest.mark.parametrize("header", ["IMAGING:", "Imaging:", ",IMAGING: ,"])
def test_a_notes_imaging_paragraph_is_its_findings(findings_of, header):
    """A clinical note's imaging paragraph says what a study showed: findings,
    not the history before it."""
    text = f"HISTORY: Knee pain.{header} Knee films show meniscal chondrocalcinosis.\nPLAN: Rest."
    (f,) = findings_of(text)
    assert f.section == "findings"


# An export that flattened a report's lines onto one wrote a double period
# where a line ended: a one-line section (the indication's) ends there as at
# a line break, and the lines after it are the report's body. A full stop
# and a comma ('.,') does not end it: exports that join lines so also join
# the lines of one paragraph-long section.
FLATTENED_SECTIONS = [
    ("Indication: fall.. Heart size normal.. A calcified granuloma in the left lung..", ["findings"]),
    ("HX: dyspnea.. Calcified node in the right hilum..", ["findings"]),
    ("Indication: ? calcified granuloma in the right lung.. Heart normal..", ["indication"]),
    ("INDICATION: chest pain, seen on CT.. Aortic calcification..", ["findings"]),
    ("HISTORY: Cough.,Outside film showed a calcified granuloma.", ["indication"]),
]


@pytest.mark.parametrize("text, sections", FLATTENED_SECTIONS)
def test_a_double_period_ends_a_one_line_section(findings_of, text, sections):
    assert [f.section for f in findings_of(text)] == sections


def test_family_history_header_is_not_indication(findings_of):
    (f,) = findings_of("FAMILY HISTORY: mother with coronary artery calcification.")
    assert f.family and f.section == "other"


@pytest.mark.parametrize("header", ["CLINICAL:", "Clinical:"])
def test_a_clinical_line_asks_its_question(findings_of, header):
    """'CLINICAL:' heads the request's line like 'CLINICAL HISTORY:': a
    questioned finding there is asked about, not hedged (guide §2)."""
    (f,) = findings_of(f"{header} nephrocalcinosis? flank pain.\nFINDINGS: Normal.")
    assert f.section == "indication"
    assert f.hypothetical and not f.uncertain


def _sents(text: str) -> list[str]:
    import spacy

    words = [t.text for t in spacy.blank("en")(text)]
    starts = sentence_starts(words)
    out, cur = [], []
    for w, s in zip(words, starts, strict=False):
        if s and cur:
            out.append("".join(cur).strip())
            cur = []
        cur.append(w + " ")
    out.append("".join(cur).strip())
    return [" ".join(x.split()) for x in out]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("One. Two. Three.", 3),
        ("Line one\nLine two", 2),
        ("Scattered calcifications\nin the left breast.", 1),  # wrapped line
        ("- bullet one\n- bullet two", 2),
        ("1. First.\n2. Second.", 4),  # numbers are sentences of their own
        ("Para one\n\npara two", 2),  # blank line always ends a sentence
        ("Size 11.2 mm. Next.", 2),  # decimals do not split
        ("A; B", 2),
        # after a comma, capitals up to a colon start a line only on one line
        ("Heart normal, LAD: Mild plaque.", 2),
        ("Routine preop, KNEE SURGERY\nFINDINGS: Clear.", 2),
        # a '?' after a comma, a colon or a bracket asks about what follows
        ("Cough for a month, ? TB. Next.", 2),
        ("Reason: ? sarcoid. Next.", 2),
        ("Is it TB? No.", 2),
    ],
)
def test_sentence_splitting(text, n):
    assert len(_sents(text)) == n, _sents(text)


def test_sentence_column_holds_the_sentence(findings_of):
    (f,) = findings_of("Heart normal.\nCalcified granuloma\nin the RUL.\nNo effusion.")
    assert f.sentence == "Calcified granuloma in the RUL."
    assert f.site == "lung"


@pytest.mark.parametrize(
    ("text", "caseless", "n"),
    [
        ("no effusion. calcified granuloma in the right lung.", True, 2),
        ("findings:\ncalcified granuloma\nno effusion", True, 3),
        # in a report with capitals, a lower-case word after the period of a
        # sentence that has a capital goes on; after one written wholly in
        # lower case (a body dictated in lower case under capital labels) it
        # starts the next sentence, as in a caseless report
        ("No effusion. calcified granuloma in the right lung.", False, 1),
        ("no effusion. calcified granuloma in the right lung.", False, 2),
        ("Granuloma in the Rt. lower lobe. stable.", False, 1),
        ("Scattered calcifications\nin the left breast.", False, 1),
    ],
)
def test_a_report_without_capitals_splits_at_every_period(text, caseless, n):
    # a lower-cased export: a lower-case word after a period or a line break
    # tells nothing, so it cannot keep a sentence going
    import spacy

    words = [t.text for t in spacy.blank("en")(text)]
    assert sum(sentence_starts(words, caseless=caseless)) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Calcification in the Rt. Kidney. No mass.", 2),
        ("GRANULOMA IN THE LT. LOWER LOBE. NO EFFUSION.", 2),
        ("Pain on the rt.\nCalcified granuloma.", 2),  # the line ends with it
        # in prose, a lower-case abbreviation before a capitalised word
        # closes its sentence; before a lower-case word it goes on
        ("Calcified plaque, worse on the lt. Stable since 2019.", 2),
        ("Granuloma in the lt. midlung. Stable.", 2),
        # ... and so does one after an acronym ('BAC', 'CAC') in mixed case
        ("Mod BAC bilat. Stable benign microcalcs R UOQ.", 2),
        ("CAC bilat. Calcified granuloma.", 2),
        # a report in capitals says nothing: its period goes on as before
        ("BAC BILAT. STABLE CALCS.", 1),
    ],
)
def test_period_of_a_side_abbreviation_ends_no_sentence(text, n):
    import spacy

    words = [t.text for t in spacy.blank("en")(text)]
    sides = frozenset({"rt", "lt", "bilat"})
    assert sum(sentence_starts(words, abbreviations=sides)) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # spaCy keeps a capital letter with its period as one token ('C.'):
        # before a capitalised word it still closes the sentence
        ("Rule out hepatitis C. Calcified granulomas in the spleen.", 2),
        ("Left renal cyst with calcification, Bosniak II F. Right kidney normal.", 2),
        ("Pancreas: no mass, Grade C. Pancreatic calcifications.", 2),
        # an initial before a lower-case word or after another initial goes on
        ("E. coli infection. Calcified granuloma.", 2),
        ("Read by A. B. Smith.", 1),
    ],
)
def test_a_capital_letters_period_closes_its_sentence(text, n):
    import spacy

    words = [t.text for t in spacy.blank("en")(text)]
    assert sum(sentence_starts(words)) == n


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Rule out hepatitis C. Calcified granulomas in the spleen.", "hypothetical"),
        ("No evidence of hepatitis C. Splenic calcifications.", "negated"),
        ("Negative for hepatitis B. Calcified granuloma in the liver.", "negated"),
    ],
)
def test_a_cue_before_a_capital_letters_period_stays_in_its_sentence(
    findings_of, text, flag
):
    (f,) = findings_of(text)
    assert not getattr(f, flag)
    assert f.classification


def test_a_side_before_a_capital_letters_period_stays_in_its_sentence(findings_of):
    (f,) = findings_of(
        "Lt renal cyst w/ peripheral calcification, Bosniak II F. Rt kidney normal."
    )
    assert (f.site, f.laterality) == ("kidney", "left")


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # spaCy keeps some units whole with their period ('mL.', the 's.' of
        # 'cm/s.'): after a number, before a capitalised word, it closes
        ("Prostate volume 42 mL. Coarse calcifications in the transition zone.", 2),
        ("Left ICA PSV 19 cm/s. Calcified plaque in the bulb.", 2),
        ("Heart 540 g. The LAD is calcified.", 2),
        # a unit before a lower-case word, or a word that is no unit, goes on
        ("Volume 42 mL. and stable.", 1),
    ],
)
def test_a_units_period_closes_its_sentence(text, n):
    from calc_nlp.stages import analyzer

    words = [t.text for t in analyzer().kit.nlp.tokenizer(text)]
    assert sum(sentence_starts(words)) == n


@pytest.mark.parametrize(
    "text",
    [
        "PENILE DOPPLER: Peak systolic velocity right 22 cm/s, left 19 cm/s. "
        "Calcified plaque in the tunica albuginea of the dorsal shaft.",
        "SCROTAL US: Right testis 18 mL, left testis 15 mL. Calcification in the epididymis.",
    ],
)
def test_a_side_before_a_units_period_stays_in_its_sentence(findings_of, text):
    (f,) = findings_of(text)
    assert f.laterality == ""


LOWER_CASED = (
    "portable chest. dialysis catheter tip in the right atrium. "
    "coronary artery calcification, moderate. calcified granuloma in the left "
    "upper lobe, unchanged.\nimpression: no acute disease."
)


def test_a_lower_case_body_under_a_label_keeps_a_denial_in_its_sentence(only):
    # the denial of the first sentence does not reach the second, nor does
    # the second's side reach the denied granuloma (guide §2)
    f = only("Findings: no calcified granuloma is seen today. the right upper lobe nodule is noncalcified.")
    assert (f.negated, f.laterality) == (True, "")


def test_a_lower_cased_report_reads_as_written_in_sentence_case(analyzer):
    cased = ". ".join(s[:1].upper() + s[1:] for s in LOWER_CASED.split(". "))
    want = analyzer.analyze(cased, "T").findings
    got = analyzer.analyze(LOWER_CASED, "T").findings
    fields = ("site", "laterality", "severity", "change", "sentence")
    assert [tuple(getattr(f, k).lower() for k in fields) for f in got] == [
        tuple(getattr(f, k).lower() for k in fields) for f in want
    ]
    assert [f.laterality for f in got] == ["", "left"]


@pytest.mark.parametrize(
    ("flags", "firsts", "ends"),
    [
        ([], [], {}),
        ([True], [0], {0: 1}),
        ([True, False, True, False, False], [0, 0, 2, 2, 2], {0: 2, 2: 5}),
        ([False, False, True], [0, 0, 2], {0: 2, 2: 3}),  # leading tokens: sentence 0
        ([True, True, True], [0, 1, 2], {0: 1, 1: 2, 2: 3}),
    ],
)
def test_sentence_firsts_and_ends(flags, firsts, ends):
    assert firsts_of(flags) == firsts
    assert sentence_ends(firsts) == ends


@pytest.mark.parametrize(
    ("words", "bounds"),
    [
        ([], []),
        (["Nodule", "."], []),
        (["\n", "Stable", "nodule", ".", "\n", "No", "effusion", "."], []),
        (["HISTORY", ":", "cough", "FINDINGS", ":", "clear", ".", "\n\n"], [0, 2, 3, 5]),
    ],
)
def test_sentence_bounds_are_firsts_and_their_ends(words, bounds):
    # the layout reads both from one splitting: the same as each on its own
    firsts = firsts_of(sentence_starts(words, bounds))
    got = sentence_bounds(None, bounds, words)  # type: ignore[arg-type]
    assert got[:2] == (firsts, sentence_ends(firsts))
    stops: list[int] = []
    sentence_starts(words, bounds, stops=stops)
    assert got[2] == stops


def test_splitter_collects_the_stops_but_an_abbreviations_period():
    # 'Lt.' before more of its line shortens a side word: no clause stop
    words = ["Mass", "in", "Lt", ".", "kidney", ";", "stable", ".", "\n", "Clear", "."]
    stops: list[int] = []
    sentence_starts(words, abbreviations=frozenset({"lt"}), stops=stops)
    assert stops == [5, 7, 10]


@pytest.mark.parametrize(
    ("words", "start", "end", "expected"),
    [
        (["\n", "Cough", "\n", "Clear"], 0, 4, 3),  # a break before the words ends nothing
        (["Fall", "..", "Heart", "normal"], 0, 4, 2),  # an export's double period
        (["Fall", "Heart", "\n", "x", "..", "y"], 0, 6, 3),  # the break comes first
        (["..", "Fall", "\n"], 0, 3, 3),  # a double period opening the line ends nothing
        (["Cough", ".", ",", "There"], 0, 4, 4),  # 'Cough.,There' goes on
        (["\n", "\n"], 0, 2, 2),
    ],
)
def test_one_line_section_ends(words, start, end, expected):
    from calc_nlp.stages.layout import _line_end

    blank = [w.isspace() for w in words]
    breaks = [i for i, w in enumerate(words) if w.isspace() and "\n" in w]
    assert _line_end(words, blank, start, end, breaks) == expected


# An export that lost its line breaks runs an organ label into the line
# before with no stop ('Liver: normal, no calcification Spleen: calcified
# granulomas'): the label opens a sentence, so the denial before it does not
# reach the next organ's finding (guide §2 step 4, §2 negated).
def test_a_run_in_organ_label_opens_a_sentence(findings_of):
    first, second = findings_of(
        "Liver: normal, no calcification Spleen: calcified granulomas"
    )
    assert (first.site, first.negated) == ("liver", True)
    assert (second.site, second.negated) == ("spleen", False)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Liver: normal, no calcification Spleen: calcified granulomas", 2),
        ("Liver: normal, no calcification Lower thorax: coronary calcification", 2),
        # not before a number, nor after a word in capitals or a stop
        ("Calcified plaque, see Figure: 2", 1),
        ("CT ABDOMEN Liver: normal", 1),
    ],
)
def test_run_in_label_sentence_count(text, n):
    assert len(_sents(text)) == n
