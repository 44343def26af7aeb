"""The same finding written with another word the guide treats as the same
(an abbreviated side, a comparative that means the same change): each
wording must give the fields the guide gives the plain one.

Every report here is made up for this file; expected values come from the
guide (docs/guide.md §2 laterality: abbreviated sides count, Rt, Lt, b/l;
corpora/GUIDE.md, laterality and Descriptors), not from the program.
"""

from __future__ import annotations

from typing import Any

import pytest

# (wordings of one report, a word of the finding's mention or '' for the
#  report's only finding, expected fields)
CASES: list[tuple[tuple[str, ...], str, dict[str, Any]]] = [
    # 'b/l' before a lobe is both sides, not the left lobe its 'l' would be
    (
        (
            "CT chest: bilateral upper lobe calcified nodules, unchanged.",
            "CT chest: b/l upper lobe calcified nodules, unchanged.",
            "CT CHEST: B/L UPPER LOBE CALCIFIED NODULES, UNCHANGED.",
        ),
        "",
        {"site": "lung", "laterality": "bilateral"},
    ),
    (
        (
            "Faint calcifications scattered through the bilateral lower lobes.",
            "Faint calcifications scattered through the b/l lower lobes.",
        ),
        "",
        {"site": "lung", "laterality": "bilateral"},
    ),
    # a one-organ exam's title with its side written short gives the side
    (
        (
            "ULTRASOUND LEFT KIDNEY\nFINDINGS: Kidney 10.9 cm. A 3 mm echogenic focus with shadowing, a calcification.",
            "ULTRASOUND LT KIDNEY\nFINDINGS: Kidney 10.9 cm. A 3 mm echogenic focus with shadowing, a calcification.",
            "US Lt kidney\nFINDINGS: Kidney 10.9 cm. A 3 mm echogenic focus with shadowing, a calcification.",
        ),
        "",
        {"site": "kidney", "laterality": "left"},
    ),
    (
        (
            "US RIGHT TESTIS\nFINDINGS: Testis 4.1 cm, homogeneous. Single punctate calcification in the lower pole.",
            "US RT TESTIS\nFINDINGS: Testis 4.1 cm, homogeneous. Single punctate calcification in the lower pole.",
        ),
        "",
        {"site": "scrotum", "laterality": "right"},
    ),
    # a side after the phrase, written short and ending the line
    (
        (
            "Punctate vascular calcifications in the breasts, bilateral.",
            "Punctate vascular calcifications in the breasts, b/l.",
            "CALCIFIED DIAPHRAGMATIC PLAQUES, B/L.\nNO EFFUSION.",
        ),
        "",
        {"laterality": "bilateral"},
    ),
    # a plural shared out, one on each side, a lobe abbreviated or not
    (
        (
            "Small calcified granulomas, one in the left lower lobe and the other in the right middle lobe.",
            "Small calcified granulomas, one in the LLL and the other in the RML.",
            "Small calcified granulomas, one in the LLL and the other on the right.",
        ),
        "",
        {"site": "lung", "laterality": "bilateral"},
    ),
    (
        ("Small calcified granulomas, one in the LLL and the other in the lingula.",),
        "",
        {"site": "lung", "laterality": "left"},
    ),
    # a cause the impression names at a lobe's abbreviation is at the lobe
    # the findings name in full, and the other way round (guide §4 rule 4)
    (
        (
            "FINDINGS: Small calcified nodule in the right middle lobe. Heart normal.\n"
            "IMPRESSION: RML calcified nodule, an old healed granuloma.",
            "FINDINGS: Small calcified nodule in the RML. Heart normal.\n"
            "IMPRESSION: Right middle lobe calcified nodule, an old healed granuloma.",
            "FINDINGS: Small calcified nodule in the Rt middle lobe. Heart normal.\n"
            "IMPRESSION: RML calcified nodule, an old healed granuloma.",
        ),
        "calcified nodule",
        {"classification": "dystrophic"},
    ),
    # a pronoun pointing back to a nodule takes the side of the lobe the
    # sentence before names, written short or in full
    (
        (
            "FINDINGS: Within the right lower lobe is a 7 mm nodule. It shows dense central calcification.",
            "FINDINGS: Within the RLL is a 7 mm nodule. It shows dense central calcification.",
        ),
        "",
        {"site": "lung", "laterality": "right"},
    ),
    # an abbreviated side still gives the left lower lobe its side
    (
        ("Tiny calcified granuloma, L lower lobe.", "Tiny calcified granuloma, left lower lobe."),
        "",
        {"site": "lung", "laterality": "left"},
    ),
]


@pytest.mark.parametrize(
    "text,word,expected",
    [(t, w, e) for texts, w, e in CASES for t in texts],
)
def test_each_wording_gives_the_guides_fields(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {k: getattr(f, k) for k in expected} == expected


# (wordings of one report, how many lesions its findings make)
LESION_CASES: list[tuple[tuple[str, ...], int]] = [
    # a summary that says 'b/l' states its side in its own words, as
    # 'bilateral' does: it is not the one-sided finding under the label line
    (
        tuple(
            "EXAM: RENAL ULTRASOUND\nHISTORY: Chronic kidney disease.\nFINDINGS:\n"
            "RIGHT KIDNEY: 10.2 cm. Echogenic pyramids in keeping with medullary nephrocalcinosis.\n"
            "LEFT KIDNEY: 10.6 cm. Echogenic pyramids as well.\n"
            f"IMPRESSION:\n1. {side} medullary nephrocalcinosis."
            for side in ("Bilateral", "B/l", "B/L")
        ),
        2,
    ),
]


@pytest.mark.parametrize("text,lesions", [(t, n) for texts, n in LESION_CASES for t in texts])
def test_each_wording_groups_lesions_alike(findings_of, text, lesions):
    assert len({f.lesion_id for f in findings_of(text)}) == lesions
