"""Hard-wrapped reports: a line break the width made is read as a space, one
the writer made is kept. Made-up text."""

from __future__ import annotations

from calc_nlp.stages.wrapping import unwrap

WRAPPED = (
    "EXAM: CT CHEST WITHOUT CONTRAST\n"
    "FINDINGS: There is a stable, 6 mm calcified granuloma in the right\n"
    "upper lobe. Unchanged mild coronary artery calcification, worst in\n"
    "LAD. Incidentally, a small focus of calcified thyroid nodule measuring\n"
    "9 mm in the left lobe. No effusion.\n"
    "IMPRESSION:\n"
    "1. Calcified granuloma.\n"
    "2. Mild coronary calcification."
)


def test_width_breaks_are_spaces_and_the_writer_s_are_kept():
    joined = unwrap(WRAPPED)
    assert joined is not None and len(joined) == len(WRAPPED)
    assert "granuloma in the right upper lobe." in joined
    assert "worst in LAD." in joined and "measuring 9 mm" in joined
    assert "No effusion.\nIMPRESSION:\n1. Calcified granuloma.\n2." in joined
    assert joined.startswith("EXAM: CT CHEST WITHOUT CONTRAST\nFINDINGS:")


def test_a_report_with_long_lines_is_not_wrapped():
    text = (
        "FINDINGS: "
        + "Calcified granuloma in the right upper lobe. " * 4
        + "\nIMPRESSION: none"
    )
    assert unwrap(text) is None


def test_a_report_of_short_lines_is_a_list_not_wrapped():
    assert unwrap("Calcium score:\nSee below\nNot done\nLAD 45\n") is None


def test_short_lines_are_the_writer_s(rules):
    text = (
        "FINDINGS: calcified granuloma in the right upper lobe and\n"
        "Heart size normal\n"
        "Aorta calcified\n"
        "No effusion"
    )
    # the first line ends on a word no sentence ends on: it goes on
    joined = unwrap(text, frozenset(rules.word_lists["line_joining_words"]))
    assert joined is not None
    assert "right upper lobe and Heart" in joined
    assert "normal\nAorta calcified\nNo effusion" in joined


def test_a_wrapped_report_keeps_its_findings(analyzer):
    plain = unwrap(WRAPPED)
    assert plain is not None
    fields = ("site", "laterality", "severity", "size_mm", "change")
    want = [
        tuple(getattr(f, k) for k in fields)
        for f in analyzer.analyze(plain, "T").findings
    ]
    result = analyzer.analyze(WRAPPED, "T")
    assert [tuple(getattr(f, k) for k in fields) for f in result.findings] == want
    assert want[:3] == [
        ("lung", "right", "", 6.0, "stable"),
        ("coronary artery", "", "mild", None, "stable"),
        ("thyroid", "left", "", 9.0, ""),
    ]
    for f in result.findings:
        assert WRAPPED[f.start : f.end] == f.mention


def test_a_break_the_width_forced_is_a_space_after_a_full_stop_or_before_a_label():
    # each line is broken where its next word would not fit 50 columns
    text = (
        "FINDINGS: Left lower extremity angiogram today: The\n"
        "femoral artery is patent. The popliteal artery is\n"
        "heavily calcified.,LEFT BREAST: , Coarse benign\n"
        "calcifications.  Stable postsurgical changes.,RIGHT\n"
        "BREAST: , Negative."
    )
    joined = unwrap(text)
    assert joined is not None and "\n" not in joined
    assert "artery is patent. The popliteal" in joined and ",RIGHT BREAST:" in joined


def test_a_writer_s_break_after_a_full_stop_leaves_room_and_stays():
    text = (
        "FINDINGS: Calcified granuloma in the right upper lobe, unchanged since XXXX.\n"
        "Heart size normal. Mediastinum is within normal limits.\n"
        "Left: no effusion."
    )
    assert unwrap(text) is None


def test_findings_wrapped_under_an_impression_left_on_one_long_line():
    text = (
        "FINDINGS: The lungs are clear. There is a small calcified granuloma in the\n"
        "left lower lobe and scarring at the right apex. Calcified left hilar lymph\n"
        "nodes. Heart normal.\n"
        "IMPRESSION: Calcified granuloma and calcified left hilar lymph nodes, sequelae of "
        "prior granulomatous infection, no acute cardiopulmonary disease."
    )
    joined = unwrap(text)
    assert joined is not None
    assert "granuloma in the left lower lobe" in joined and "hilar lymph nodes." in joined
    assert "Heart normal.\nIMPRESSION:" in joined


def test_a_wrapped_line_s_crlf_or_trailing_space_is_one_space(analyzer):
    # in a report that also needed spacing read (a tab), the wrap's CR LF
    # or 'tissue \n' became two spaces, which split the phrase: the
    # finding was 'calcification' alone
    for text in (
        "FINDINGS:\tThe lungs are clear. There is soft tissue\r\n"
        "calcification in the right thigh.\r\nIMPRESSION: No acute findings.",
        "FINDINGS:\tThe lungs are clear. There is soft tissue \n"
        "calcification in the right thigh.\nIMPRESSION: No acute findings.",
        r"{\rtf1\ansi FINDINGS: The lungs are clear. There is soft tissue \par"
        "\ncalcification in the right thigh.\\par\nIMPRESSION: No acute findings.}",
    ):
        (f,) = analyzer.analyze(text, "T").findings
        assert f.mention.startswith("soft tissue") and f.mention.endswith("\ncalcification")
        assert text[f.start : f.end] == f.mention


def test_a_wrap_s_crlf_after_a_comma_is_one_space(analyzer):
    # 'ossification,\r\nright hip' became 'ossification,  right hip' (the
    # LF report: one space), and the finding lost its site
    lf = (
        "PREOPERATIVE DIAGNOSIS: , Heterotopic ossification, right\n"
        "hip, Brooker class III, following right total hip\n"
        "arthroplasty in 2022.,PROCEDURE: , Excision of heterotopic ossification,\n"
        "right hip.,INDICATIONS: , The patient is a 61-year-old male\n"
        "who developed progressive stiffness after his hip replacement."
    )
    crlf = lf.replace("\n", "\r\n")
    want = [(f.site, f.site_text) for f in analyzer.analyze(lf, "T").findings]
    got = [(f.site, f.site_text.replace("\r\n", "\n")) for f in analyzer.analyze(crlf, "T").findings]
    assert got == want and len(want) == 2


def test_a_line_before_a_capitalised_word_is_the_writer_s():
    # one statement per line, no full stops: the first line, the report's
    # longest, was read as wrapped, and 'right kidney Pelvic phleboliths'
    # made one finding of two (negated, in the kidney)
    for text in (
        "No calcification in the right kidney\nPelvic phleboliths",
        "FINDINGS:\nNo calcification in the right kidney\nPelvic phleboliths\nLiver normal",
    ):
        assert unwrap(text) is None


def test_a_line_opening_on_a_heading_run_in_is_the_writer_s(analyzer):
    # a label in capitals without its colon, run in before a capitalised
    # word, opens a line of its own: 'without stenosis IMPRESSION Mild ...'
    # was read as one wrapped sentence and denied the impression's finding
    text = (
        "FINDINGS The aortic valve is mildly calcified without stenosis\n"
        "IMPRESSION Mild aortic valve calcification"
    )
    assert unwrap(text) is None
    got = [(f.mention, f.negated) for f in analyzer.analyze(text, "T").findings]
    assert got == [("calcified", False), ("aortic valve calcification", False)]
    # a wrap carries on after an abbreviation in capitals ('in the\nLAD and')
    assert unwrap("FINDINGS: dense calcified plaque of the proximal and mid\nSFAS and the popliteal arteries.") is not None


def test_a_line_ending_on_a_joining_word_goes_on_before_a_capital():
    text = "FINDINGS: calcified granuloma in the right upper lobe and\nHeart size normal"
    assert unwrap(text) is None  # without the rules' joining words: the writer's
    joined = unwrap(text, frozenset({"and"}))
    assert joined is not None and "upper lobe and Heart size" in joined


def test_a_heading_in_capitals_alone_on_its_line_is_the_writer_s(analyzer):
    # a template's side over part labels, no full stops: 'stenosis LEFT' was
    # read as one wrapped sentence, and the right ICA's plaque took 'left'
    text = (
        "CAROTID DUPLEX\nRIGHT\nICA: mild calcified plaque with stenosis\n"
        "LEFT\nICA: calcified plaque\n"
    )
    assert unwrap(text) is None
    got = [f.laterality for f in analyzer.analyze(text, "T").findings]
    assert got == ["right", "left"]


def test_an_abbreviation_ending_a_wrapped_sentence_is_still_a_wrap():
    text = (
        "FINDINGS: there is mild calcified plaque of the coronary arteries in the\n"
        "LAD and RCA, and dense calcification at the mitral annulus as well.\n"
        "No effusion. The lungs are clear and there is no consolidation seen.\n"
        "Calcified granuloma in the lingula, stable since the prior study of\n"
        "XXXX. Normal heart size."
    )
    joined = unwrap(text, frozenset({"the", "of"}))
    assert joined is not None and "in the LAD and RCA" in joined


def test_findings_of_lines_without_full_stops_stay_apart(analyzer):
    text = "No calcification in the right kidney\nPelvic phleboliths\nLiver normal"
    got = [
        (f.mention, f.site, f.laterality, f.negated)
        for f in analyzer.analyze(text, "T").findings
    ]
    assert got == [
        ("calcification", "kidney", "right", True),
        ("Pelvic phleboliths", "vein", "", False),
    ]


def test_a_report_in_capitals_of_one_statement_per_line_is_not_wrapped():
    # in capitals no case tells a new statement: the lines were joined, and
    # the denial of the first line reached the granuloma of the second
    text = (
        "FINDINGS: 2 CM MASS IN THE LEFT APEX WITHOUT CALCIFICATION, NEW SINCE XXXX\n"
        "CALCIFIED GRANULOMA AT THE RIGHT APEX, AGAIN SEEN\n"
        "NO EFFUSION\n"
        "IMPRESSION: NEW LEFT APICAL MASS"
    )
    assert unwrap(text) is None


def test_a_report_in_capitals_hard_wrapped_is_still_unwrapped():
    # the width explains its breaks: each next word would not have fit
    text = hard_wrap_caps(
        "FINDINGS: THERE IS A STABLE 6 MM CALCIFIED GRANULOMA IN THE RIGHT UPPER "
        "LOBE. UNCHANGED MILD CORONARY ARTERY CALCIFICATION, WORST IN THE LAD. "
        "SCATTERED CALCIFIED MEDIASTINAL LYMPH NODES, SEQUELA OF OLD GRANULOMATOUS "
        "DISEASE. NO EFFUSION OR PNEUMOTHORAX. HEART SIZE IS WITHIN NORMAL LIMITS."
    )
    assert text.count("\n") >= 4
    joined = unwrap(text)
    assert joined is not None and "\n" not in joined


def hard_wrap_caps(text: str, width: int = 50) -> str:
    """Lines broken at their last space before `width`."""
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*out, line])



def test_a_short_report_in_capitals_with_full_stops_is_unwrapped(analyzer):
    # one break only, too few to show the wrapping by their count, but the
    # report ends its statements with stops inside its lines: a long line
    # ending in none was broken by the width
    text = (
        "EXAMINATION: CHEST TWO VIEWS.\nINDICATION: COUGH.\n"
        "FINDINGS: THE HEART SIZE IS WITHIN NORMAL LIMITS. A 6MM CALCIFIED\n"
        "GRANULOMA IN THE LEFT BASE. NO EFFUSION."
    )
    found = analyzer.analyze(text, "T").findings
    assert [(f.mention, f.site, f.laterality) for f in found] == [
        ("CALCIFIED\nGRANULOMA", "lung", "left")
    ]


def test_capitals_one_statement_per_line_with_a_stray_stop_stay_apart():
    # one stop inside the lines (and an item's number) does not make a
    # report of one statement per line a wrapped one
    text = (
        "FINDINGS: THE LUNGS ARE CLEAR WITHOUT FOCAL CONSOLIDATION\n"
        "STABLE CALCIFIED GRANULOMA IN THE LEFT MIDLUNG ZONE AS BEFORE SEEN\n"
        "NO PNEUMOTHORAX\n"
        "IMPRESSION: 1. NO ACUTE DISEASE. HEART SIZE NORMAL"
    )
    assert unwrap(text) is None


def test_capitals_one_statement_per_line_of_like_lengths_stay_apart(analyzer):
    # the width seems to explain the breaks (the next line's first word would
    # not have fit), but the report ends no statement with a stop before its
    # last: one statement per line; the denial stays on its own line
    text = (
        "EXAMINATION: CHEST TWO VIEWS\n"
        "FINDINGS: LUNGS ARE CLEAR\n"
        "THERE IS NO PNEUMOTHORAX OR PLEURAL EFFUSION\n"
        "CALCIFIED LEFT HILAR LYMPH NODES\n"
        "THE HEART AND MEDIASTINUM ARE WITHIN NORMAL LIMITS\n"
        "IMPRESSION: NO ACUTE CARDIOPULMONARY PROCESS."
    )
    assert unwrap(text) is None
    (found,) = analyzer.analyze(text, "T").findings
    assert (found.negated, found.laterality) == (False, "left")


def test_a_line_opening_with_the_article_a_is_a_new_statement(analyzer):
    # 'A' opens a statement as any capitalised word does: the line before,
    # a denial without a full stop, does not run on into it
    text = (
        "FINDINGS: Without consolidation, effusion or pneumothorax on either side\n"
        "A calcified nodule in the left lower lobe is an old granuloma"
    )
    assert unwrap(text) is None
    (found,) = analyzer.analyze(text, "T").findings
    assert (found.negated, found.site, found.laterality) == (False, "lung", "left")


def test_a_numbered_record_label_opens_its_line(findings_of):
    # 'FINDING 2:' is a record's label, no wrapped phrase: its finding keeps
    # a line of its own, and the rows above stay the first finding's
    text = (
        "FINDING 1: Calcified lymph node\nLOCATION: Left axilla\n"
        "FINDING 2: Calcification\nLOCATION: Liver"
    )
    assert unwrap(text) is None or unwrap(text) == text
    got = [(f.site, f.laterality) for f in findings_of(text)]
    assert got == [("lymph node", "left"), ("liver", "")]
