"""Descriptor phrasings another writer of corpus-style reports could use for
the same facts (corpora/GUIDE.md, Descriptors): BI-RADS terms in their variant
spellings and orders, set apart from the mention by a clause, a list, a
"which are", a field name ("punctate morphology", "morphology: amorphous") or
a semicolon; sizes in cm and mm with "up to", "measuring", "x" dimensions and
the host lesion's size; Agatston totals with percentiles, per-vessel lists and
units; change words with an adverb of degree. Every sentence is made up; the
expected values are the guide's, decided before the pipeline was run on them.
"""

from __future__ import annotations

import pytest

# (text, morphology, distribution) of the text's first finding
SHAPES = [
    # BI-RADS spellings and orders
    (
        "Coarse heterogeneous calcifications in the left breast at 3 o'clock.",
        ("coarse heterogeneous",),
        (),
    ),
    (
        "Heterogeneous coarse calcifications in the left breast.",
        ("coarse heterogeneous",),
        (),
    ),
    (
        "COARSE HETEROGENEOUS CALCIFICATIONS, RIGHT BREAST.",
        ("coarse heterogeneous",),
        (),
    ),
    (
        "Coarse and heterogeneous calcifications in the left breast.",
        ("coarse heterogeneous",),
        (),
    ),
    (
        "Calcifications, coarse and heterogeneous, in the left breast.",
        ("coarse heterogeneous",),
        (),
    ),
    (
        "Fine linear branching calcifications in the right breast upper outer quadrant.",
        ("fine-linear branching",),
        (),
    ),
    (
        "Fine-linear and branching calcifications in the right breast.",
        ("fine-linear branching",),
        (),
    ),
    (
        "Calcifications in the right breast: fine-linear branching.",
        ("fine-linear branching",),
        (),
    ),
    ("Punctate calcifications in the left breast.", ("punctate",), ()),
    (
        "Round and punctate calcifications in the left breast, grouped.",
        ("round", "punctate"),
        ("grouped",),
    ),
    (
        "Punctate and round calcifications in the left breast.",
        ("punctate", "round"),
        (),
    ),
    (
        "Calcifications in the left breast, round to punctate.",
        ("round", "punctate"),
        (),
    ),
    (
        "Amorphous calcifications, grouped, in the right breast at 10 o'clock.",
        ("amorphous",),
        ("grouped",),
    ),
    ("Pleomorphic calcifications in the left breast.", ("fine pleomorphic",), ()),
    ("Rodlike calcifications in both breasts.", ("large rod-like",), ()),
    ("Eggshell calcifications in the right breast.", ("rim",), ()),
    ("Pop-corn calcification in the left breast.", ("popcorn",), ()),
    (
        "Coarse, popcorn-type calcification in the left breast.",
        ("coarse", "popcorn"),
        (),
    ),
    ("Dermal calcifications in the left breast.", ("skin",), ()),
    ("Suture calcifications at the lumpectomy site.", ("suture",), ()),
    (
        "FINE PLEOMORPHIC CALCIFICATIONS IN A SEGMENTAL DISTRIBUTION, LEFT BREAST.",
        ("fine pleomorphic",),
        ("segmental",),
    ),
    (
        "left breast grouped amorphous calcifications at 3 oclock\nno mass",
        ("amorphous",),
        ("grouped",),
    ),
    # set apart from the mention by a clause, a list or "which are"
    (
        "Calcifications are seen in the left breast, which are fine pleomorphic and clustered.",
        ("fine pleomorphic",),
        ("grouped",),
    ),
    (
        "There are calcifications in the right breast which are amorphous.",
        ("amorphous",),
        (),
    ),
    (
        "Calcifications in the left breast, which are round and grouped, at 2 o'clock.",
        ("round",),
        ("grouped",),
    ),
    (
        "Calcifications in the left breast: punctate, round, grouped.",
        ("punctate", "round"),
        ("grouped",),
    ),
    (
        "Calcifications, some punctate and some amorphous, in the right breast.",
        ("punctate", "amorphous"),
        (),
    ),
    (
        "Calcifications in the right breast are punctate and round in shape.",
        ("punctate", "round"),
        (),
    ),
    (
        "Calcifications (amorphous, grouped) in the left breast.",
        ("amorphous",),
        ("grouped",),
    ),
    # a second predicate after "and" whose anaphor is the mention's
    (
        "Calcifications are identified in the left breast, and these are amorphous.",
        ("amorphous",),
        (),
    ),
    (
        "Calcifications are identified in the left breast and they are round and punctate.",
        ("round", "punctate"),
        (),
    ),
    # a second predicate after "and" that gives the mention a pattern noun
    # with its terms ("and has a ... appearance")
    (
        "A calcification at 9 o'clock in the right breast is stable and has a popcorn appearance.",
        ("popcorn",),
        (),
    ),
    (
        "A calcification in the left breast is larger than before and has a benign, coarse appearance.",
        ("coarse",),
        (),
    ),
    # a holding verb with another noun after it gives none
    (
        "A calcification in the left breast is new and has a coarse mass beside it.",
        (),
        (),
    ),
    # the field a structured report names before or after the term
    (
        "Left breast calcifications: morphology fine pleomorphic, distribution segmental.",
        ("fine pleomorphic",),
        ("segmental",),
    ),
    (
        "Left breast calcifications: fine pleomorphic morphology.",
        ("fine pleomorphic",),
        (),
    ),
    (
        "Calcifications: punctate morphology, grouped distribution.",
        ("punctate",),
        ("grouped",),
    ),
    ("Calcifications in the left breast, amorphous morphology.", ("amorphous",), ()),
    ("Calcifications, amorphous morphology, left breast.", ("amorphous",), ()),
    (
        "Calcifications, round and punctate in morphology and grouped in distribution, left breast.",
        ("round", "punctate"),
        ("grouped",),
    ),
    (
        "Calcifications in the left breast with fine pleomorphic morphology and segmental distribution.",
        ("fine pleomorphic",),
        ("segmental",),
    ),
    # a part after a semicolon that holds nothing but the finding's terms
    (
        "Calcifications in the left breast; these are amorphous and grouped.",
        ("amorphous",),
        ("grouped",),
    ),
    (
        "Calcifications in the left breast; morphology: fine linear; distribution: linear.",
        ("fine linear",),
        ("linear",),
    ),
    ("Calcifications in the left breast; punctate morphology.", ("punctate",), ()),
    # a distribution phrase an "in" opens follows the shape with no joining word
    (
        "Calcifications in the left breast; they are amorphous in a grouped distribution.",
        ("amorphous",),
        ("grouped",),
    ),
    (
        "Calcifications, up to 7 mm (previously 3 mm); these are punctate in a "
        "regional distribution.",
        ("punctate",),
        ("regional",),
    ),
    # distribution phrases that do not say "distribution"
    (
        "Punctate calcifications in a group in the left breast.",
        ("punctate",),
        ("grouped",),
    ),
    (
        "Calcifications in the left breast, arranged in a linear fashion.",
        (),
        ("linear",),
    ),
    ("Calcifications in the left breast in a linear pattern.", (), ("linear",)),
    # no BI-RADS term: neither a bare "heterogeneous" nor a bare "fine"
    ("Heterogeneous calcifications in the left breast.", (), ()),
    ("Fine calcifications in the left breast.", (), ()),
]


@pytest.mark.parametrize("text, morphology, distribution", SHAPES)
def test_birads_terms_in_other_words(findings_of, text, morphology, distribution):
    f = findings_of(text)[0]
    assert (f.morphology, f.distribution) == (morphology, distribution)


# what a part after a semicolon must not give: another noun's words, or words
# with no field name or term of their own
@pytest.mark.parametrize(
    "text, morphology",
    [
        (
            "Calcifications in the left breast; they are round; the mass is lobulated.",
            ("round",),
        ),
        ("Calcified granuloma in the right lung; these are benign.", ()),
        # "in" opening a place, no term phrase: the part is not all terms
        ("Calcifications in the left breast; they are round in the lateral breast.", ()),
        ("Calcifications in the left breast, and the nodes are coarse.", ()),
    ],
)
def test_a_semicolon_part_gives_only_its_own_terms(findings_of, text, morphology):
    assert findings_of(text)[0].morphology == morphology


# a finding dictated as a list of fields after semicolons: a size field and
# a change part give it their values, past its BI-RADS term parts; with no
# labelled field in the list, a part after another part is not its change
@pytest.mark.parametrize(
    "text, size, change",
    [
        (
            "Calcifications, left breast, 3 o'clock; morphology amorphous; "
            "distribution grouped; extent up to 7 mm; new.",
            7,
            "new",
        ),
        (
            "Calcifications, right breast; morphology: punctate; size: 0.4 cm; "
            "unchanged.",
            4,
            "stable",
        ),
        # the list's last part ends its line
        (
            "Calcifications, right breast; distribution linear; extent 1.5 cm; new.\n"
            "No mass.",
            15,
            "new",
        ),
        (
            "Calcified granuloma in the left lower lobe; small effusion; stable.",
            None,
            "",
        ),
        (
            "Calcifications, left breast; extent 9 mm; the mass is new.",
            9,
            "",
        ),
    ],
)
def test_dictated_field_parts_give_size_and_change(findings_of, text, size, change):
    f = findings_of(text)[0]
    assert (f.size_mm, f.change) == (size, change)


# (text, mention or None for the first finding, size_mm)
SIZES = [
    ("A 1.2 cm calcified granuloma in the right upper lobe.", None, 12),
    ("Calcified granuloma in the right upper lobe, measuring up to 9 mm.", None, 9),
    ("Calcified nodules up to 6 mm in both lungs.", None, 6),
    ("Calcified nodule, 1.1 x 0.7 cm, left lower lobe.", None, 11),
    ("A 4 x 3 x 2 mm calcification in the right kidney.", None, 4),
    ("Calcification in the right kidney measures 0.5 cm.", None, 5),
    ("Right renal calcification measuring approximately 0.4 x 0.3 cm.", None, 4),
    ("A calcified mass of the left adrenal gland measuring 2.1 by 1.8 cm.", None, 21),
    ("Coarse calcification measuring 14 millimeters in the pancreatic head.", None, 14),
    ("A calcified granuloma in the lingula (5mm).", None, 5),
    ("CALCIFIED GRANULOMA RIGHT UPPER LOBE MEASURING 4 MM", None, 4),
    (
        "Calcified granuloma in the right upper lobe measuring 4 mm\nNo effusion.",
        None,
        4,
    ),
    ("Calcification in the lower pole of the right kidney, 8mm x 6mm.", None, 8),
    ("Calcified lymph nodes, largest measuring 1.4 cm, in the mediastinum.", None, 14),
    (
        "Calcified nodule in the right lower lobe measures 9 mm (previously 7 mm).",
        None,
        9,
    ),
    # a range: its largest size, its own "from" no earlier size
    ("Calcified granulomas in both lungs, measuring from 2 to 5 mm.", None, 5),
    ("Calcified nodule measures from 3 to 4 mm.", None, 4),
    ("Calcified granulomas in both lungs ranging in size from 0.2 to 0.5 cm.", None, 5),
    ("Calcified granuloma, decreased from 5 mm.", None, None),
    # the host lesion's size is not the calcification's
    ("A 5-cm mass with central calcification.", None, None),
    ("Thyroid nodule measuring 2 cm with coarse calcification.", None, None),
    ("A 2.5 x 2 cm cyst in the left kidney with a calcified wall.", None, None),
    ("3.2 cm thyroid nodule containing a 4 mm calcification.", "calcification", 4),
    ("A 1 cm renal cyst with a 2 mm calcification in its wall.", "calcification", 2),
    (
        "Left adnexal mass measuring 5 cm, with internal calcifications measuring up to 6 mm.",
        None,
        6,
    ),
]


@pytest.mark.parametrize("text, mention, size", SIZES)
def test_size_in_other_words(finding_of, text, mention, size):
    assert finding_of(text, mention).size_mm == size


# a size that changed "from" one size "to" today's, the change words right
# after the mention's place (no comma): today's size
@pytest.mark.parametrize(
    "text, size, change",
    [
        (
            "Calcified granuloma in the right upper lobe has grown from 4 mm to 5 mm.",
            5,
            "increased",
        ),
        (
            "Calcified granuloma in the right upper lobe has grown from 4 to 5 mm.",
            5,
            "increased",
        ),
        (
            "Calcified granuloma in the right upper lobe increased in size from 4 mm to 5 mm.",
            5,
            "increased",
        ),
        (
            "Calcified granuloma in the right upper lobe decreased from 12 mm to 8 mm.",
            8,
            "decreased",
        ),
        (
            "Calcified granuloma in the right upper lobe, decreased in size from 12 to 8 mm.",
            8,
            "decreased",
        ),
    ],
)
def test_size_changed_from_to_is_todays(findings_of, text, size, change):
    f = findings_of(text)[0]
    assert (f.size_mm, f.change) == (size, change)


# a change word in a relative clause of another lesion noun after the
# mention is that lesion's (GUIDE: a change word that grades another lesion
# noun is not the finding's); the mention's own relative clause keeps it
@pytest.mark.parametrize(
    "text, change, size",
    [
        ("Calcified granuloma adjacent to a nodule that has grown.", "", None),
        ("Calcified granuloma next to a mass which is new.", "", None),
        ("Calcified lymph node near a nodule that is unchanged.", "", None),
        (
            "Calcified granuloma adjacent to a mass that has grown from 4 cm to 5 cm.",
            "",
            None,
        ),
        ("Coarse calcification within a mass that has increased in size.", "", None),
        ("Calcified granuloma that has grown.", "increased", None),
        (
            "Calcified granuloma in the right upper lobe, which is unchanged.",
            "stable",
            None,
        ),
        ("Calcified nodule that is unchanged.", "stable", None),
        # a narrowing the plaque causes is another thing, past a comma too
        ("Calcified plaque of the left SFA causing a 60% stenosis, which has worsened.", "", None),
        ("Calcified plaque narrowing the right ICA origin by 50%, a stenosis that is stable.", "", None),
        ("Calcified granuloma beside a small nodule, which has grown.", "", None),
        ("Calcified plaque in the proximal LAD, which has progressed since 2021.", "increased", None),
    ],
)
def test_change_of_another_lesions_relative_clause(findings_of, text, change, size):
    f = findings_of(text)[0]
    assert (f.change, f.size_mm) == (change, size)


# a lesion noun an appositive names the mention as ('..., probably a
# granuloma, which ...') is the mention itself, so the relative clause after
# it is the mention's (GUIDE: a finding its sentence names as what the
# finding before it is describes the same calcification); another lesion
# beside it still keeps its own
@pytest.mark.parametrize(
    "text, change",
    [
        ("Calcified nodule in the left lower lobe, probably a granuloma, which has been stable since 2019.", "stable"),
        ("Calcified focus in the spleen, likely granuloma, which is unchanged.", "stable"),
        ("Calcified density at the right base, most likely an old granuloma, which has grown.", "increased"),
        ("Calcified granuloma in the left apex, near a nodule, which has grown.", ""),
    ],
)
def test_change_after_an_appositive_naming_the_mention(findings_of, text, change):
    assert findings_of(text)[0].change == change


# (text, agatston, percentile, vessels, negated) of the first finding
SCORES = [
    (
        "Total calcium score: 412 (85th percentile for age and gender).",
        412,
        85,
        "",
        False,
    ),
    (
        "CAC score 56, which places the patient at the 60th percentile.",
        56,
        60,
        "",
        False,
    ),
    ("Agatston score of 1,250.", 1250, None, "", False),
    ("Coronary artery calcium score = 0 Agatston units.", 0, None, "", True),
    ("Total Agatston score 310 AU.", 310, None, "", False),
    ("CAC: 88 AU (72nd percentile).", 88, 72, "", False),
    ("CALCIUM SCORE 112 AGATSTON UNITS, 68TH PERCENTILE", 112, 68, "", False),
    ("Total CAC = 240; percentile = 80.", 240, 80, "", False),
    (
        "Coronary calcium score: left main 0, LAD 150, circumflex 20, RCA 45; total 215 Agatston units.",
        215,
        None,
        "LM=0;LAD=150;LCX=20;RCA=45",
        False,
    ),
    (
        "The total coronary calcium score is 215, with 150 in the LAD and 65 in the RCA.",
        215,
        None,
        "LAD=150;RCA=65",
        False,
    ),
    (
        "Total coronary calcium score 40 (LAD 30, RCA 10).",
        40,
        None,
        "LAD=30;RCA=10",
        False,
    ),
    # a volume or mass score is no Agatston score
    (
        "Agatston score 245, volume score 210 mm3, mass score 48 mg.",
        245,
        None,
        "",
        False,
    ),
]


@pytest.mark.parametrize("text, agatston, percentile, vessels, negated", SCORES)
def test_score_in_other_words(
    findings_of, text, agatston, percentile, vessels, negated
):
    f = findings_of(text)[0]
    got = (f.agatston, f.agatston_percentile, f.agatston_vessels, f.negated)
    assert got == (agatston, percentile, vessels, negated)


# (text, change, severity) of the first finding
CHANGES = [
    (
        "Calcified granuloma in the right upper lobe is unchanged from prior.",
        "stable",
        "",
    ),
    ("Interval increase in the calcifications of the left breast.", "increased", ""),
    ("Calcifications in the right breast are no longer seen.", "resolved", ""),
    ("Newly seen calcification in the left breast.", "new", ""),
    ("Calcified granuloma in the left apex, not previously seen.", "new", ""),
    ("A new nodule near the stable calcified granuloma.", "stable", ""),
    ("Calcifications in the left breast, less prominent than before.", "decreased", ""),
    ("Redemonstration of a calcified granuloma in the right upper lobe.", "stable", ""),
    ("CALCIFIED GRANULOMA RIGHT UPPER LOBE UNCHANGED", "stable", ""),
    ("Calcified granuloma in the right upper lobe (stable).", "stable", ""),
    (
        "Calcified granuloma in the right upper lobe, unchanged since XXXX.",
        "stable",
        "",
    ),
    # the change said by a noun or verb of coming and going
    ("Development of calcifications in the left breast.", "new", ""),
    (
        "Calcifications in the left breast have appeared since the prior exam.",
        "new",
        "",
    ),
    ("Interval reduction in the left breast calcifications.", "decreased", ""),
    # an adverb of degree after the change word grades the change: the
    # change is the finding's, the adverb no severity
    ("Calcifications in the left breast have increased slightly.", "increased", ""),
    ("Calcifications in the left breast have enlarged slightly.", "increased", ""),
    (
        "Calcifications in the left breast have increased mildly in number.",
        "increased",
        "",
    ),
    (
        "Calcifications in the left breast have increased significantly since 2020.",
        "increased",
        "",
    ),
    ("The aortic valve calcification has progressed considerably.", "increased", ""),
    ("Calcifications in the left breast have decreased somewhat.", "decreased", ""),
    ("The calcified granuloma is unchanged overall.", "stable", ""),
    ("Mild coronary calcification, increased slightly.", "increased", "mild"),
]


@pytest.mark.parametrize("text, change, severity", CHANGES)
def test_change_in_other_words(findings_of, text, change, severity):
    f = findings_of(text)[0]
    assert (f.change, f.severity) == (change, severity)


# whole reports: each finding's fields, and the lesion numbers
WHOLE = [
    (
        "FINDINGS: Right breast: amorphous calcifications, grouped, at 10 o'clock, "
        "spanning 5 mm. Left breast: coarse heterogeneous calcifications at 4 "
        "o'clock, new since XXXX.\nIMPRESSION: Grouped amorphous calcifications in "
        "the right breast. New coarse heterogeneous calcifications in the left breast.",
        [
            dict(
                morphology=("amorphous",),
                distribution=("grouped",),
                size_mm=5,
                change="",
            ),
            dict(morphology=("coarse heterogeneous",), size_mm=None, change="new"),
            dict(morphology=("amorphous",), distribution=("grouped",), size_mm=None),
            dict(morphology=("coarse heterogeneous",), change="new"),
        ],
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: The thyroid contains a 2.4 cm right lobe nodule with coarse "
        "calcifications. A 6 mm calcified nodule in the left lobe, unchanged.\n"
        "IMPRESSION: Right thyroid nodule with coarse calcifications. Stable "
        "calcified left thyroid nodule.",
        [
            dict(size_mm=None, morphology=("coarse",), change=""),
            dict(size_mm=6, change="stable"),
            dict(size_mm=None, morphology=("coarse",)),
            dict(change="stable"),
        ],
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: Large rod-like calcifications in both breasts. In the left "
        "breast at 6 o'clock there is a new group of fine linear branching "
        "calcifications spanning 8 mm.\nIMPRESSION: New fine linear branching "
        "calcifications, left breast 6 o'clock. Benign secretory calcifications "
        "bilaterally.",
        [
            dict(morphology=("large rod-like",), change="", size_mm=None),
            dict(
                morphology=("fine-linear branching",),
                distribution=("grouped",),
                change="new",
                size_mm=8,
            ),
            dict(morphology=("fine-linear branching",), change="new"),
            dict(morphology=("large rod-like",), change=""),
        ],
        [1, 2, 2, 1],
    ),
    (
        "FINDINGS: Coarse calcifications in the pancreatic head, increased since "
        "XXXX. Rim calcification of a 3 cm splenic artery aneurysm, stable.\n"
        "IMPRESSION: Progression of pancreatic calcifications.",
        [
            dict(morphology=("coarse",), change="increased"),
            dict(morphology=("rim",), change="stable", size_mm=None),
            dict(change="increased"),
        ],
        [1, 2, 1],
    ),
    (
        "FINDINGS: Round and punctate calcifications, grouped, in the right breast "
        "at 11 o'clock, which measure 4 mm in aggregate. No suspicious "
        "calcifications in the left breast.\nIMPRESSION: Probably benign grouped "
        "round and punctate calcifications in the right breast. BI-RADS 3.",
        [
            dict(
                morphology=("round", "punctate"), distribution=("grouped",), size_mm=4
            ),
            dict(negated=True, morphology=()),
            dict(
                morphology=("round", "punctate"),
                distribution=("grouped",),
                size_mm=None,
            ),
        ],
        [1, 2, 1],
    ),
]


@pytest.mark.parametrize("text, expected, lesions", WHOLE)
def test_whole_report_in_other_words(analyzer, lesion_numbers, text, expected, lesions):
    found = analyzer.analyze(text, "T").findings
    assert len(found) == len(expected), [f.mention for f in found]
    got = [{k: getattr(f, k) for k in e} for f, e in zip(found, expected, strict=True)]
    assert got == expected
    assert lesion_numbers(text) == lesions


# today's size written first after a change word and "to", the earlier one
# after it with "from" (GUIDE, size_mm: the size the report gives to the
# calcified lesion, not an earlier study's); a range set off by a comma with
# its own "from" is a range (its largest size); a change of another lesion
# named between keeps its size to itself
@pytest.mark.parametrize(
    "text, size, change",
    [
        (
            "Calcified granuloma in the right upper lobe, increased to 5 mm from 4 mm.",
            5,
            "increased",
        ),
        (
            "Calcified granuloma in the left apex has grown to 7 mm from 6 mm.",
            7,
            "increased",
        ),
        (
            "CALCIFIED GRANULOMA RIGHT UPPER LOBE INCREASED TO 5 MM FROM 4 MM",
            5,
            "increased",
        ),
        (
            "Calcified nodule in the lingula, decreased to 0.4 cm from 0.6 cm.",
            4,
            "decreased",
        ),
        (
            "Calcified granuloma in the right upper lobe decreased to 3 mm (previously 5 mm).",
            3,
            "decreased",
        ),
        ("Calcified granulomas in both lungs, from 2 to 5 mm.", 5, ""),
        ("Calcified lymph nodes, from 5 to 12 mm, in the mediastinum.", 12, ""),
        ("Calcified granulomas in both lower lobes, from 0.2 to 0.6 cm.", 6, ""),
        (
            "Calcified granuloma near a nodule which increased to 6 mm from 4 mm.",
            None,
            "",
        ),
    ],
)
def test_size_changed_to_or_set_off_range(findings_of, text, size, change):
    f = findings_of(text)[0]
    assert (f.size_mm, f.change) == (size, change)


# "little change" says the finding is as before, like "little changed" and
# "no significant change in" (GUIDE, change: stable)
@pytest.mark.parametrize(
    "text",
    [
        "Little change in the calcified granuloma in the right upper lobe.",
        "Calcified granuloma in the right upper lobe with little change.",
        "Calcified granuloma in the left lower lobe shows little interval change.",
        "Calcified granuloma in the right upper lobe, little or no change since XXXX.",
        "LITTLE CHANGE IN CALCIFIED GRANULOMA RIGHT UPPER LOBE",
    ],
)
def test_little_change_is_stable(findings_of, text):
    assert findings_of(text)[0].change == "stable"


# thousands grouped by a space, as by a comma ("1 245" is 1245, not 1)
@pytest.mark.parametrize(
    "text, agatston, percentile",
    [
        ("CAC score: 1 245.", 1245, None),
        ("Coronary calcium score: 1 245 Agatston units.", 1245, None),
        ("Total Agatston score 2 310 (95th percentile).", 2310, 95),
        ("TOTAL CALCIUM SCORE 1 020 AU", 1020, None),
        ("Calcium score of 3 400, above the 90th percentile.", 3400, 90),
    ],
)
def test_score_thousands_grouped_by_a_space(findings_of, text, agatston, percentile):
    f = findings_of(text)[0]
    got = (f.agatston, f.agatston_percentile, f.negated)
    assert got == (agatston, percentile, False)


# a structured report giving each field of a finding a row of its own under
# the row that names it (pipe or colon rows): the field rows' BI-RADS terms
# and extent are the finding's, up to a blank line, a heading or another
# finding (GUIDE, Descriptors: morphology, distribution, size_mm)
FIELD_ROWS = [
    (
        "SPOT MAGNIFICATION VIEWS\n"
        "Clinical question: a new finding on the last screening study.\n"
        "FINDING A\n"
        "Site | right breast, 10 o'clock, 5 cm from the nipple\n"
        "Finding | calcifications\n"
        "Morphology | amorphous\n"
        "Distribution | grouped\n"
        "Extent | 1.5 cm\n"
        "ASSESSMENT: BI-RADS 4B.",
        ("amorphous",),
        ("grouped",),
        15,
    ),
    (
        "Finding: calcifications in the right breast\n"
        "Location: upper outer quadrant\n"
        "Morphology: fine linear branching\n"
        "Distribution: segmental\n"
        "Size: 22 mm\n",
        ("fine-linear branching",),
        ("segmental",),
        22,
    ),
    # a blank line ends the finding's rows
    (
        "Left breast: calcifications at 2 o'clock.\n"
        "Morphology: punctate\n"
        "\n"
        "Distribution: regional\n"
        "Extent: 4 cm\n",
        ("punctate",),
        (),
        None,
    ),
    # a heading ends them too
    (
        "Finding | calcifications in the left breast\n"
        "IMPRESSION: Morphology: coarse\n",
        (),
        (),
        None,
    ),
]


@pytest.mark.parametrize("text, morphology, distribution, size", FIELD_ROWS)
def test_field_rows_under_the_finding_row(
    findings_of, text, morphology, distribution, size
):
    f = [g for g in findings_of(text) if g.site == "breast"][-1]
    assert (f.morphology, f.distribution, f.size_mm) == (morphology, distribution, size)


def test_field_rows_stop_at_the_next_finding(findings_of):
    text = (
        "Type | calcifications in the right breast\n"
        "Morphology | round\n"
        "Type | calcifications in the left breast\n"
        "Morphology | amorphous\n"
    )
    first, second = findings_of(text)
    assert (first.morphology, second.morphology) == (("round",), ("amorphous",))


# A finding alone on its line heads the field rows under it, and a severity
# row grades it ('CORONARY ARTERY CALCIFICATION' over 'Severity: Moderate';
# GUIDE, Descriptors: severity, the grade the report gives the finding)
HEADED_ROWS = [
    ("CORONARY ARTERY CALCIFICATION\nSeverity: Moderate\nDistribution: LAD and RCA\n", "moderate"),
    ("Coronary artery calcification:\nSeverity: mild\nVessels: LAD\n", "mild"),
    ("AORTIC VALVE CALCIFICATION\nDEGREE: SEVERE\n", "severe"),
    ("Findings:\nCoronary artery calcification\nBurden: minimal\n", "minimal"),
    # a list number before the finding, a number closing the row's label
    ("Findings:\n2. Coronary artery calcification\n   Severity: mild\n", "mild"),
    ("FINDING 2: CORONARY ARTERY CALCIFICATION\nSEVERITY: MODERATE\n", "moderate"),
    # a grade in the finding's own words stands
    ("Severe coronary artery calcification\nSeverity: mild\n", "severe"),
    # a line with more than the finding heads no rows
    ("Coronary artery calcification is present in the LAD.\nSeverity: mild\n", ""),
    # a blank line ends them
    ("CORONARY ARTERY CALCIFICATION\n\nSeverity: Moderate\n", ""),
]


@pytest.mark.parametrize("text, severity", HEADED_ROWS)
def test_a_finding_alone_on_its_line_heads_its_rows(findings_of, text, severity):
    (f,) = findings_of(text)
    assert f.severity == severity


def test_a_heading_finding_takes_the_terms_and_size_of_its_rows(findings_of):
    (f,) = findings_of(
        "Left breast calcifications\nMorphology: punctate\nDistribution: grouped\nSize: 8 mm\n"
    )
    assert (f.morphology, f.distribution, f.size_mm) == (("punctate",), ("grouped",), 8)


# A record on one line joins the finding's field rows after it with
# semicolons: each part that is a row is read as a row under it would be
JOINED_ROWS = [
    ("Finding: Calcified granuloma; Location: right upper lobe; Size: 5 mm", None, 5),
    ("Finding: Coronary artery calcification; Severity: moderate", "moderate", None),
    ("Calcified nodule; size: 9 mm; stable", None, 9),
    # a part that is no row gives nothing: the size is not the finding's field
    ("Finding: Calcification; compared with the 5 mm cyst", None, None),
]


@pytest.mark.parametrize("text, severity, size", JOINED_ROWS)
def test_rows_joined_by_semicolons_on_the_finding_line(findings_of, text, severity, size):
    (f,) = findings_of(text)
    assert (f.severity or None, f.size_mm) == (severity, size)
