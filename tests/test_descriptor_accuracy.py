"""Descriptor accuracy is a regression-tested number (corpora/GUIDE.md,
Descriptors): floors at what the held-out test split and the real-text test
half scored when they were set (raise them as the pipeline improves), and the
bars (corpora/GUIDE.md, Descriptors), met on both.
Then the rules behind the latest gains, one fictional sentence each.

The real-text half needs ../shared/realtext (see tests/test_realtext.py):
where it is absent those tests fail and say so.
"""

from __future__ import annotations

import sys

import pytest

from calc_nlp.evaluate import read_gold, score

from .conftest import ROOT
from .test_realtext import real_texts  # noqa: F401  (the texts, built once)

# (field, measure): accuracy / exact where gold has a value; precision: a
# value given is the gold one. The lesion grouping: pairwise F1.
TEST_FLOORS = {
    ("severity", "accuracy"): 1.0,
    ("severity", "precision"): 1.0,
    ("change", "accuracy"): 1.0,
    ("change", "precision"): 0.986,
    ("morphology", "accuracy"): 1.0,
    ("morphology", "precision"): 1.0,
    ("distribution", "accuracy"): 1.0,
    ("distribution", "precision"): 1.0,
    ("size_mm", "exact"): 1.0,
    ("size_mm", "precision"): 1.0,
    ("agatston", "exact"): 1.0,
    ("agatston_percentile", "exact"): 1.0,
    ("agatston_vessels", "accuracy"): 1.0,
    ("lesion_pairs", "f1"): 0.960,
    ("birads", "accuracy"): 1.0,
}
# The real-text floors: the figures of the test half when all its bars were
# first met (the adjudicated gold of corpora/realtext/README.md, Agreement).
REAL_FLOORS = {
    ("severity", "accuracy"): 1.0,
    ("severity", "precision"): 1.0,
    ("change", "accuracy"): 1.0,
    ("change", "precision"): 1.0,
    ("morphology", "accuracy"): 1.0,
    ("distribution", "accuracy"): 1.0,
    ("size_mm", "exact"): 1.0,
    ("size_mm", "precision"): 1.0,
    ("lesion_pairs", "f1"): 0.968,
    ("birads", "accuracy"): 1.0,
}
# The bars, met on both halves.
BARS = {
    **{
        (name, m): bar
        for name in ("severity", "change", "morphology", "distribution")
        for m, bar in (("accuracy", 0.95), ("precision", 0.97))
    },
    ("agatston", "exact"): 0.98,
    ("size_mm", "exact"): 0.98,
    ("lesion_pairs", "f1"): 0.95,
}


@pytest.fixture(scope="module")
def test_split(analyzer) -> dict:
    with open(ROOT / "corpora" / "gold" / "test.jsonl", encoding="utf-8") as fh:
        gold = list(read_gold(fh))
    s = score(((g, analyzer.analyze(g.text, g.report_id)) for g in gold), 0)
    return s["descriptors"]


@pytest.fixture(scope="module")
def real_half(real_texts) -> dict:  # noqa: F811
    sys.path.insert(0, str(ROOT / "scripts"))
    import realtext

    return realtext.score_half("test", real_texts)["descriptors"]


def _met(figures: dict, bars: dict) -> list[tuple[str, str]]:
    """The (field, measure) pairs below their bar (a field the gold never
    gives a value is not measured there)."""
    return [
        k
        for k, bar in bars.items()
        if figures[k[0]][k[1]] is not None and figures[k[0]][k[1]] < bar
    ]


@pytest.mark.parametrize("key", sorted(TEST_FLOORS))
def test_test_split_holds_its_floor(test_split, key):
    got = test_split[key[0]][key[1]]
    assert got is not None and got >= TEST_FLOORS[key], (key, got)


@pytest.mark.parametrize("key", sorted(REAL_FLOORS))
def test_real_text_test_half_holds_its_floor(real_half, key):
    got = real_half[key[0]][key[1]]
    assert got is not None and got >= REAL_FLOORS[key], (key, got)


def test_test_split_meets_the_bars(test_split):
    assert not _met(test_split, BARS)


def test_real_text_test_half_meets_the_bars(real_half):
    assert not _met(real_half, BARS)


def test_a_restating_finding_shares_the_lesion_and_its_words(findings_of):
    text = (
        "Faint calcifications in the right lower lobe, likely metastatic calcification."
    )
    first, second = findings_of(text)
    assert second.lesion_id == first.lesion_id
    # the grade stays on the phrase that gives it (GUIDE: a finding named as
    # what the finding before it is takes none of its grade, change or terms)
    assert (first.severity, second.severity) == ("minimal", "")


def test_a_restating_finding_keeps_its_own_size_and_site(findings_of):
    first, second = findings_of(
        "2 mm calcification in the spleen, likely a calcified granuloma."
    )
    assert second.lesion_id == first.lesion_id and second.size_mm is None
    # what its sentence offers the calcification may be shares its lesion
    # (corpora/GUIDE.md: "This may represent a stone or vascular
    # calcification."), keeping its own site and shapes
    stone, vessel = findings_of(
        "Punctate calcification in the left kidney, likely vascular calcification."
    )
    assert vessel.lesion_id == stone.lesion_id
    assert vessel.morphology == ("vascular",) and stone.morphology == ("punctate",)
    assert (stone.site, vessel.site) == ("kidney", "artery")


def test_and_between_two_descriptor_words_lists_them(finding_named):
    f = finding_named(
        "A group of round and punctate calcifications in the left breast.",
        "calcifications",
    )
    assert f.morphology == ("round", "punctate")
    assert f.distribution == ("grouped",)


def test_and_before_a_plain_word_still_ends_the_clause(finding_named):
    f = finding_named(
        "The mass looks dense and might hold some calcification.",
        "calcification",
    )
    assert f.severity == ""


@pytest.mark.parametrize(
    "text, mention, size",
    [
        ("2 mm echogenic calcification in the left kidney.", "calcification", 2),
        (
            "Separate 8 mm ovoid calcification within the distal tendon "
            "2 cm above insertion.",
            "calcification",
            8,
        ),
        ("Coarse calcification within a 1.4 cm mass.", "calcification", None),
    ],
)
def test_size_ties(finding_named, text, mention, size):
    assert finding_named(text, mention).size_mm == size


@pytest.mark.parametrize(
    "text, mention, change",
    [
        (
            "No change to the splenic calcified granuloma.",
            "splenic calcified granuloma",
            "stable",
        ),
        (
            "Splenic calcified granuloma, as before.",
            "Splenic calcified granuloma",
            "stable",
        ),
        (
            "Calcified granulomas of the spleen look stable as on the last exam.",
            "Calcified granulomas",
            "stable",
        ),
    ],
)
def test_change_words(finding_named, text, mention, change):
    assert finding_named(text, mention).change == change


@pytest.mark.parametrize(
    "text", ["Zero calcium score.", "Zero coronary artery calcium score."]
)
def test_zero_before_the_score_is_negated(findings_of, text):
    (f,) = findings_of(text)
    assert f.negated and f.agatston == 0


def test_zero_coronary_calcium_is_negated_without_a_score(findings_of):
    (f,) = findings_of("Impression: zero coronary calcium.")
    assert f.negated and f.agatston is None


@pytest.mark.parametrize(
    "text",
    [
        "Punctate calcification in the left kidney, not seen before.",
        "Calcified granuloma in the right lung, not previously seen.",
    ],
)
def test_not_seen_before_means_new_not_absent(findings_of, text):
    (f,) = findings_of(text)
    assert not f.negated and f.change == "new"


@pytest.mark.parametrize(
    "text, change",
    [
        (
            "Dense calcification of the splenic and renal arteries, "
            "progressed since prior.",
            "increased",
        ),
        (
            "Coarse calcifications in the pancreatic head and tail, "
            "more extensive than before.",
            "increased",
        ),
        ("Scar with dystrophic calcification and a rim, unchanged.", "stable"),
    ],
)
def test_a_change_phrase_closing_the_sentence_is_the_findings(
    findings_of, text, change
):
    assert findings_of(text)[0].change == change


def test_vessel_score_lines_above_the_total(findings_of):
    text = (
        "FINDINGS:\nLeft main: 0\nLAD: 98\nLCx: 0\nRCA: 47\n"
        "Total coronary calcium score: 145.\n"
    )
    (f,) = findings_of(text)
    assert f.agatston == 145
    assert f.agatston_vessels == "LM=0;LAD=98;LCX=0;RCA=47"


@pytest.mark.parametrize(
    "text, vessels",
    [
        # indented lines, no colons
        (
            "Scores:\n  Left main 0\n  LAD 64\n  Circumflex 9\n  RCA 0\n"
            "  Total calcium score (Agatston): 73, 55th percentile.\n",
            "LM=0;LAD=64;LCX=9;RCA=0",
        ),
        # one sentence per vessel on the line of the total
        (
            "Results: Left main: 0.  LAD: 21.  LCx: 0.  RCA: 6.  Total Agatston score 27.",
            "LM=0;LAD=21;LCX=0;RCA=6",
        ),
        # a sentence of other words between them and the total parts them
        ("LAD: 21. The heart size is normal. Total Agatston score 21.", ""),
        # a table with wide columns, its top readings over 400 characters up
        (
            "".join(
                f"{vessel}:{' ' * 90}{score}\n"
                for vessel, score in (
                    ("Left main", 5), ("LAD", 15), ("Circumflex", 25), ("RCA", 35), ("PDA", 45)
                )
            )
            + "Total calcium score: 125.\n",
            "LM=5;LAD=15;LCX=25;RCA=35;PDA=45",
        ),
    ],
)
def test_vessel_readings_right_above_the_total(findings_of, text, vessels):
    (f,) = findings_of(text)
    assert f.agatston_vessels == vessels


def test_vessel_lines_above_stop_at_a_line_without_a_score(findings_of):
    text = "LAD: 98\nThe heart is normal in size.\nTotal calcium score: 98.\n"
    (f,) = findings_of(text)
    assert f.agatston == 98 and f.agatston_vessels == ""


def test_percentile_for_age_and_sex_on_the_line_under_the_score(findings_of):
    text = (
        "- Total coronary calcium score: 145 (Agatston)\n"
        "- MESA percentile for age/sex/race: 78th\n"
    )
    (f,) = findings_of(text)
    assert (f.agatston, f.agatston_percentile) == (145, 78)


@pytest.mark.parametrize(
    "text, mention, size, shapes",
    [
        (
            "Punctate 3 mm focus in the left renal sinus, may represent "
            "vascular calcification.",
            "vascular calcification",
            3,
            ("punctate", "vascular"),
        ),
        (
            "1.1 cm thyroid nodule with a 2 mm punctate echogenic focus, "
            "compatible with a microcalcification.",
            "microcalcification",
            2,
            ("punctate",),
        ),
        (
            "6 mm echogenic focus along the gallbladder wall, nonmobile on "
            "turning, probably a mural calcification.",
            "mural calcification",
            6,
            (),
        ),
        (
            "5 mm hyperdense focus in the right thalamus, which may represent "
            "calcification.",
            "calcification",
            5,
            (),
        ),
    ],
)
def test_a_finding_named_as_what_a_focus_is_takes_its_size_and_shape(
    finding_named, text, mention, size, shapes
):
    f = finding_named(text, mention)
    assert (f.size_mm, f.morphology) == (size, shapes)


def test_a_focus_before_another_clause_link_gives_no_size(finding_named):
    f = finding_named(
        "A 4 mm focus in the left kidney and separate calcification of the "
        "renal artery.",
        "calcification",
    )
    assert f.size_mm is None


@pytest.mark.parametrize(
    "text, size",
    [
        ("Fibroid uterus; a 3 cm anterior fibroid is densely calcified.", 30),
        ("Calcified left adnexal mass measuring 3.2 cm.", 32),
        ("Calcified right middle lobe 6 mm granuloma.", 6),
        ("A 4 cm mass is seen, partly calcified.", None),
    ],
)
def test_an_adjective_mention_takes_its_nouns_size(findings_of, text, size):
    (f,) = findings_of(text)
    assert f.size_mm == size


def test_a_change_word_after_a_copula_is_the_findings(findings_of):
    first, second = findings_of(
        "Calcified granulomas are stable as are the calcified hilar nodes."
    )
    assert (first.change, second.change) == ("stable", "stable")


@pytest.mark.parametrize(
    "text, change",
    [
        ("Similar calcified granulomas in the left lung.", ""),
        ("One similar 3 mm calcification in the lower pole.", ""),
        ("Calcified granulomas, similar to the prior exam.", "stable"),
        ("Calcified granulomas are similar in size.", "stable"),
    ],
)
def test_similar_is_stable_only_when_it_compares_with_the_prior(
    findings_of, text, change
):
    (f,) = findings_of(text)
    assert f.change == change


def test_typical_of_names_the_same_calcification(findings_of):
    first, second = findings_of(
        "Dense calcifications in the spleen, typical of calcified granulomas."
    )
    assert second.lesion_id == first.lesion_id
    assert (first.severity, second.severity) == ("severe", "")


@pytest.mark.parametrize(
    "text, score",
    [
        ("Impression: Coronary artery calcification, moderate (275).", 275),
        ("Total coronary calcium: 88.", 88),
        ("Coronary artery calcification, mild (2 vessels).", None),
        ("Aortic valve calcification, moderate (2).", None),
        # the number in brackets after a graded coronary calcification
        ("IMPRESSION: Mild coronary artery calcification (64).", 64),
        ("Extensive coronary calcification (2,415) with stents.", 2415),
        ("Moderate coronary artery calcification (LAD and RCA).", None),
        ("Moderate coronary artery calcification (2021 study).", None),
        # a valve's calcium score is no coronary score
        ("Mitral valve calcium score 1,150 AU.", None),
        ("Aortic valve calcium score: 640.", None),
    ],
)
def test_score_forms_without_the_word_score(findings_of, text, score):
    (f,) = findings_of(text)
    assert f.agatston == score


def test_and_between_descriptor_words_after_the_mention_lists_them(findings_of):
    (f,) = findings_of("Calcifications in the right breast are amorphous and grouped.")
    assert (f.morphology, f.distribution) == (("amorphous",), ("grouped",))


@pytest.mark.parametrize(
    "text, change",
    [
        # the copula's predicate reaches past the mention's own modifiers
        ("Calcified hilar nodes with a granuloma are again seen.", "stable"),
        (
            "Calcified granulomas are present in the left lung and stable since 2019.",
            "stable",
        ),
        # a clause after a semicolon that a pronoun and a copula open
        ("Calcified granuloma in the left lung; it is unchanged.", "stable"),
        # not when the change word grades another noun or another subject
        ("Calcified granuloma in the left lung; the nodule is stable.", ""),
        ("Calcified granuloma is seen with new consolidation.", ""),
        (
            "Calcified granuloma in the left lung and a nodule in the right lung is new.",
            "",
        ),
    ],
)
def test_a_copula_predicates_a_change_past_the_mentions_modifiers(
    findings_of, text, change
):
    assert findings_of(text)[0].change == change


def test_a_restating_finding_gives_its_shape_to_the_one_it_names(findings_of):
    first, second = findings_of(
        "Grouped calcifications in the left breast, consistent with milk of calcium."
    )
    assert first.morphology == second.morphology == ("milk of calcium",)
    assert ("morphology", "V-morphology-milk-of-calcium") in {
        w[:2] for w in first.descriptor_words
    }
    # a shape of its own is kept
    first, _ = findings_of(
        "Punctate calcifications in the left breast, consistent with vascular calcifications."
    )
    assert first.morphology == ("punctate",)


@pytest.mark.parametrize(
    "text, change",
    [
        # a change phrase opening the noun phrase reaches past listed modifiers
        (
            "Heart normal, with redemonstration of tortuous and calcified thoracic aorta.",
            "stable",
        ),
        ("Interval development of small and dense calcified granulomas.", "new"),
        # not past a comma, nor from a word that does not open the phrase
        ("Redemonstration of the heart, normal, and calcified thoracic aorta.", ""),
    ],
)
def test_a_change_phrase_opening_the_noun_phrase_is_the_findings(
    findings_of, text, change
):
    assert findings_of(text)[-1].change == change
