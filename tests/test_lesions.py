"""Lesion grouping (corpora/GUIDE.md, Descriptors: lesion)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.schema import BIRADS, CHANGES, SEVERITIES, Finding, report_row
from calc_nlp.stages.lesions import _group_all, group


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the impression restates the finding: RUL and right upper lobe are one
        (
            "FINDINGS: RUL calcified granuloma.\n\nIMPRESSION: Calcified granuloma, right upper lobe.",
            [1, 1],
        ),
        # sides differ
        ("Calcified right hilar lymph node. Calcified left hilar lymph node.", [1, 2]),
        # sub-sites differ
        (
            "Calcified granuloma in the right upper lobe. Calcified granuloma in the right lower lobe.",
            [1, 2],
        ),
        # the score and the coronary calcification it measures
        ("Coronary artery calcification. CAC score 150.", [1, 1]),
        # different sites
        ("Pineal calcification. Aortic valve calcification.", [1, 2]),
        # an adjective names its site word ("isthmic", "falcine")
        (
            "THYROID: A 2 mm calcification in the isthmus parenchyma, nonspecific.\n\n"
            "IMPRESSION: The finding corresponds to a tiny isthmic calcification.",
            [1, 1],
        ),
        (
            "Calcification along the falx cerebri. Tentorial calcification. Stable falcine calcification.",
            [1, 2, 1],
        ),
        # another segment of one coronary artery is another lesion
        (
            "LAD: ostial calcific plaque. LAD: dense calcific plaque in its proximal third.",
            [1, 2],
        ),
        (
            "FINDINGS: Calcified plaque in the proximal LAD.\n\nIMPRESSION: Proximal LAD calcified plaque.",
            [1, 1],
        ),
        # a valve's annulus and its leaflets are different lesions
        (
            "The aortic valve shows annular calcification. Calcified aortic valve leaflets with reduced excursion.",
            [1, 2],
        ),
        (
            "Calcified aortic valve leaflets. Aortic valve leaflet calcification, moderate.",
            [1, 1],
        ),
        # segments that overlap ("proximal to mid" and "mid") do not differ
        (
            "Calcified plaque in the proximal to mid LAD. Mid LAD calcified plaque.",
            [1, 1],
        ),
        # a finding with no site but a side is not a sideless lesion's restatement
        (
            "Mitral annular calcification. Punctate calcification in the right upper quadrant.",
            [1, 2],
        ),
        # a relative's calcification is never the patient's
        (
            "Father had coronary artery calcification. Coronary artery calcification.",
            [1, 2],
        ),
        # a sentence that opens by offering what the finding before may be,
        # its subject left out, names the same calcification
        (
            "FINDINGS: Multiple coarse calcifications in the epigastrium. Could represent "
            "pancreatic parenchymal calcifications of chronic pancreatitis.",
            [1, 1],
        ),
        # an impression naming no side after the right's and the left's sums them up
        (
            "FINDINGS: Phleboliths in the right hemipelvis. Phleboliths in the left "
            "hemipelvis.\nIMPRESSION: Pelvic phleboliths.",
            [1, 2, 3],
        ),
        # a branch's plaque is restated under its parent vessel's label
        (
            "ASSESSMENT:\nCIRCUMFLEX: The OM2 shows minimal calcific plaque within the mid vessel.\n"
            "IMPRESSION:\nCX: Minimal calcific plaque.",
            [1, 1],
        ),
        # of two earlier lesions that fit, the one named by the same words
        (
            "IMAGING: Bilateral medullary nephrocalcinosis. A small echogenic focus in the "
            "right kidney, possibly a calcification.\nASSESSMENT: Medullary nephrocalcinosis.",
            [1, 2, 1],
        ),
        # the tissue about a joint: the joint a finding names is no sub-site
        # ('right knee' and 'juxta-articular' name one place); other joints
        # are other lesions
        (
            "FINDINGS: Calcification around the right knee.\n\nIMPRESSION: Juxta-articular calcification, right.",
            [1, 1],
        ),
        (
            "FINDINGS: Right elbow calcification.\n\nIMPRESSION: Para-articular calcification of the right elbow.",
            [1, 1],
        ),
        (
            "FINDINGS: Calcification about the left shoulder. Calcification about the left elbow.",
            [1, 2],
        ),
        # the labels over them name the joints when their sentences do not
        (
            "FINDINGS: ,LEFT SHOULDER: , Calcified mass about the joint.  A second small "
            "calcification lies in the periarticular soft tissues above the joint.,LEFT HIP: , "
            "Amorphous periarticular calcification about the trochanter, larger than before.",
            [1, 2, 3],
        ),
        (
            "FINDINGS: ,RIGHT ELBOW: , Dense calcified mass at the joint.  Another calcification "
            "sits in the periarticular soft tissues medially.,RIGHT WRIST: , Periarticular "
            "calcification at the ulnar styloid.",
            [1, 2, 3],
        ),
        # a different BI-RADS morphology at the same site is another group
        (
            "Right breast: punctate calcifications. Right breast: fine pleomorphic calcifications.",
            [1, 2],
        ),
        # a subject's place counts past adverbs joined by "and" between its
        # copula and the mention: the leg's other arteries, another lesion
        (
            "RIGHT: The common femoral and deep femoral arteries show biphasic flow with scattered "
            "calcified plaque. The peroneal and anterior tibial arteries are diffusely and heavily calcified.",
            [1, 2],
        ),
        # named by a restating link as what the finding before it is, past an
        # aside, though its words add a part of the site: one lesion
        (
            "Calcifications in the left kidney, partly imaged, are compatible with medullary nephrocalcinosis.",
            [1, 1],
        ),
        # the AP window is a node station of its own, as the aortopulmonary
        # window is; a later 'aortopulmonary window' node restates it
        (
            "FINDINGS: Calcified left paratracheal node. Calcified AP window lymph node."
            "\nIMPRESSION: Calcified aortopulmonary window node.",
            [1, 2, 2],
        ),
        (
            "FINDINGS: A calcified node in the AP window. A calcified pretracheal node.",
            [1, 2],
        ),
        # 'bibasilar' and 'biapical' name the lower and the upper lobes of both
        # sides: a restatement naming the lobes of both sides is the same lesion
        (
            "FINDINGS: Calcified granulomas in both lower lobes.\n"
            "IMPRESSION: Bibasilar calcified granulomas, stable.",
            [1, 1],
        ),
        (
            "FINDINGS: Biapical calcified granulomas. Right hilar calcified node.\n"
            "IMPRESSION: Calcified granulomas in both upper lobes.",
            [1, 2, 1],
        ),
        # the carotid siphon is the cavernous segment of the internal carotid:
        # the impression naming the siphons restates the cavernous finding
        (
            "FINDINGS: Heavy calcification of both cavernous carotid arteries. "
            "Calcified basilar tip aneurysm wall.\n"
            "IMPRESSION: Calcified carotid siphons bilaterally.",
            [1, 2, 1],
        ),
        (
            "FINDINGS: Calcification of the right carotid siphon. Calcification of the right "
            "carotid bulb.\nIMPRESSION: Right cavernous carotid calcification.",
            [1, 2, 1],
        ),
    ],
)
def test_lesion_grouping(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


def test_lesion_id_is_the_first_findings_id(analyzer):
    r = analyzer.analyze(
        "FINDINGS: RUL calcified granuloma.\n\nIMPRESSION: Calcified granuloma, right upper lobe.",
        "T",
    )
    assert [f.lesion_id for f in r.findings] == [r.findings[0].finding_id] * 2
    assert report_row(r)["n_lesions"] == 1


def _f(i: int, mention: str = "calcification", **kw) -> Finding:
    return Finding("T", mention, i * 10, i * 10 + 5, finding_id=f"id{i}", **kw)


def test_anaphor_joins_the_finding_before():
    found = [_f(0, site="spleen", site_text="splenic"), _f(1)]
    found[1].anaphor = True
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id0"]


def test_anaphor_never_joins_a_negated_finding():
    found = [_f(0, site="spleen", negated=True), _f(1)]
    found[1].anaphor = True
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id1"]


def test_same_site_but_hypothetical_is_another_lesion():
    found = [_f(0, site="kidney"), _f(1, site="kidney", hypothetical=True)]
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id1"]


def test_without_site_other_words_are_another_lesion():
    found = [_f(0), _f(1, "calcified focus")]
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id1"]


def test_without_site_the_same_words_restate_the_one_lesion():
    found = [
        _f(0, "RUL calcified granuloma", site="lung", site_text="RUL"),
        _f(1, "calcified granuloma"),
    ]
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id0"]
    found.append(_f(2, "calcified granuloma", site="lung", site_text="LLL"))
    found.append(_f(3, "calcified granuloma"))
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id0", "id2", "id3"]


def test_without_site_the_same_words_in_the_other_number_restate_it():
    # "calcifications" and "calcification" name one thing; a count of
    # several still restates no lesion named in the singular only
    found = [_f(0, "calcifications"), _f(1, "calcification")]
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id0"]


NUMBER_ONLY = [
    (
        "HOSPITAL COURSE: Her obstetric ultrasound noted a grade 3 placenta with "
        "calcification along the basal plate.\nASSESSMENT: Placental "
        "calcifications, a normal finding at 38 weeks.",
        [1, 1],
    ),
    (
        "FINDINGS: Fetal heart rate 140. The placenta is posterior and shows "
        "scattered calcifications.\nIMPRESSION: Placental calcification, normal "
        "for gestational age.",
        [1, 1],
    ),
    (
        "FINDINGS: A calcification overlies the left upper quadrant.\n"
        "IMPRESSION: Two calcifications in the left upper quadrant.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", NUMBER_ONLY)
def test_without_site_singular_and_plural(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


ALONE = [
    "RUL calcified granuloma, 5 mm.",
    "Calcified granuloma.",
    "IMPRESSION: Additional calcified granuloma in the left lower lobe.",
    "No new calcification.",
    "Possible calcification about the right shoulder.",
    "History of coronary artery calcification.",
    "Vascular calcification in the soft tissues of the chest wall.",
    "Calcified plaque of the proximal LAD with 50% stenosis.",
]


@pytest.mark.parametrize("text", ALONE)
@pytest.mark.parametrize("own_lesion", [False, True])
@pytest.mark.parametrize("site", [None, ""])
@pytest.mark.parametrize("section", [None, "impression", "history"])
def test_an_only_finding_is_grouped_as_the_full_search_groups_it(
    findings_of, text, own_lesion, site, section
):
    """`group`'s shortcut for a report's only finding gives what its search
    gives, whatever the finding's flags (its own lesion, no site, section)."""
    from dataclasses import replace

    from calc_nlp.stages import analyze

    dr = analyze.analyzer().kit.descriptors
    (f,) = findings_of(text)
    f = replace(
        f,
        own_lesion=own_lesion,
        site=f.site if site is None else site,
        section=f.section if section is None else section,
        lesion_id="",
    )
    short, full = replace(f), replace(f)
    group(dr, [short])
    _group_all(dr, [full])
    assert short.lesion_id == full.lesion_id == f.finding_id


def group_with_bundled(found: list[Finding]) -> None:
    from calc_nlp.stages import analyze

    group(analyze.analyzer().kit.descriptors, found)


def test_lesions_join_across_the_pieces_of_a_long_report(analyzer):
    filler = "The heart size is normal and the lungs are clear.\n" * 250
    text = (
        "FINDINGS: RUL calcified granuloma, 5 mm.\n"
        + filler
        + "IMPRESSION: Calcified granuloma, right upper lobe.\n"
    )
    r = analyzer.analyze(text, "T")
    assert r.note == "split_long_text"
    assert [f.lesion_id for f in r.findings] == [r.findings[0].finding_id] * 2
    first = r.findings[0]
    (size_words,) = [w for w in first.descriptor_words if w[0] == "size_mm"]
    assert (first.size_mm, text[size_words[2] : size_words[3]]) == (5.0, "5 mm")


def test_conditions_of_the_pieces_of_a_long_report_merge_once_each(analyzer):
    # a condition named in two pieces is listed once, with both its marks on
    # the whole text; another piece's condition is added after it
    filler = "The heart size is normal and the lungs are clear.\n" * 250
    text = (
        "HISTORY: Chronic kidney disease.\nFINDINGS: Calcified granuloma, RUL.\n"
        + filler
        + "Chronic kidney disease again noted. Prior histoplasmosis. "
        "Calcified hilar lymph node.\n"
    )
    r = analyzer.analyze(text, "T")
    assert r.note == "split_long_text"
    names = [c.name for c in r.conditions]
    assert len(names) == len(set(names)) and len(names) >= 2
    marked = sorted(text[s:e].lower() for s, e, _ in r.condition_marks)
    assert marked.count("chronic kidney disease") == 2


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the impression leaves the sub-site unsaid: the one lung lesion
        (
            "FINDINGS: Calcified granuloma in the right upper lobe.\n\nIMPRESSION: Calcified granuloma.",
            [1, 1],
        ),
        # two lung lesions before it: which one is not said, so a new one
        (
            "Calcified granuloma in the right upper lobe. Calcified granuloma in the left lower lobe. "
            "IMPRESSION: Calcified granuloma.",
            [1, 2, 3],
        ),
        # adjectives name the site: renal is kidney, dural is dura
        (
            "Renal cortical calcifications. Cortical calcification of the kidney.",
            [1, 1],
        ),
    ],
)
def test_unsaid_sub_site(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


WORDS = [
    "Mild",
    "moderate",
    "to",
    "severe",
    "dense",
    "new",
    "stable",
    "no",
    "No new",
    "punctate",
    "coarse",
    "clustered",
    "5 mm",
    "1.2 x 0.8 cm",
    "calcified granuloma",
    "calcification",
    "in the RUL",
    "in the left lower lobe",
    "It is calcified",
    ",",
    ".",
    "and",
    "with",
    "Agatston score",
    "150",
    "0",
    "BI-RADS 4A",
    "LAD: 20",
    "\n",
    "unchanged",
    "measuring",
    "nodule",
    "these",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_descriptors_are_total_and_point_into_the_text(analyzer, words):
    """Whatever the words, every descriptor has an allowed value, its words
    lie in the text, and each lesion id is the id of a finding before it."""
    text = " ".join(words)
    r = analyzer.analyze(text, "T")
    seen: list[str] = []
    for f in r.findings:
        seen.append(f.finding_id)
        assert f.severity in ("", *SEVERITIES) and f.change in ("", *CHANGES)
        assert f.lesion_id in seen
        assert f.size_mm is None or f.size_mm > 0
        assert (f.cac_drs is None) == (f.agatston is None)
        for _field, _rid, a, b in f.descriptor_words:
            assert 0 <= a < b <= len(text)
    assert r.birads in ("", *BIRADS)


def test_a_nested_sub_site_restates_the_lesion():
    found = [
        _f(0, site="artery", site_text="external iliac artery"),
        _f(1, site="artery", site_text="iliac arteries"),
        _f(2, site="lung", site_text="upper lobe"),
        _f(3, site="lung", site_text="lower lobe"),
    ]
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id0", "id2", "id3"]


def test_adjective_site_words_are_the_noun():
    found = [
        _f(0, site="myocardium", site_text="basal septum"),
        _f(1, site="myocardium", site_text="basal septal"),
    ]
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id0"]


def test_an_unsided_restatement_takes_the_lesion_of_its_side():
    found = [
        _f(0, site="breast", site_text="upper outer quadrant", laterality="left"),
        _f(1, site="breast", site_text="retroareolar"),
        _f(2, site="breast", site_text="left breast", laterality="left"),
    ]
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id1", "id0"]


def test_an_anaphor_passes_over_a_denied_finding():
    found = [
        _f(0, "calcified granuloma", site="spleen"),
        _f(1, site="liver", negated=True),
        _f(2, "calcified"),
    ]
    found[2].anaphor = True
    group_with_bundled(found)
    assert [f.lesion_id for f in found] == ["id0", "id1", "id0"]


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a vessel named by its phrase and by its abbreviation is one
        (
            "Left main coronary artery: mild calcific plaque.\n"
            "IMPRESSION: Calcific plaque in the LM.",
            [1, 1],
        ),
        # the whole-tree score is not the plaque of one vessel
        (
            "Coronary artery calcium score: 310.\nLAD: dense calcification.\n"
            "RCA: mild calcification.",
            [1, 2, 3],
        ),
        # the impression's total restates the findings' total, though its
        # sentence says which vessel holds most of it
        (
            "FINDINGS: Agatston score 95.\nRCA: 80, calcified plaque at the ostium.\n"
            "IMPRESSION: Calcium score of 95, mainly within the RCA.",
            [1, 2, 1],
        ),
        # a lesion noun in the site words names no place within the site
        (
            "5 mm calcified nodule in the RUL.\n"
            "IMPRESSION: Benign-appearing calcified RUL nodule.",
            [1, 1],
        ),
        # the lung base is the lower lobe
        (
            "Calcified granuloma in the left lower lobe.\n"
            "IMPRESSION: Calcified granuloma in the left lung base.",
            [1, 1],
        ),
        # ... but not the upper lobe
        (
            "Calcified granuloma in the left upper lobe.\n"
            "IMPRESSION: Calcified granuloma in the left lung base.",
            [1, 2],
        ),
        # a numbered branch keeps its number: the first and the second
        # diagonal, or obtuse marginal, are two branches
        ("D1: mild calcified plaque. D2: dense calcified plaque.", [1, 2]),
        ("The OM1 has calcified plaque. The OM2 has calcified plaque.", [1, 2]),
        # ... and a branch is a part of its vessel, another lesion
        ("LAD: mild calcified plaque. D1: calcified plaque.", [1, 2]),
        # the abbreviation and the words name one branch
        (
            "Second diagonal: ostial calcification. Ostial calcified plaque of"
            " the D2 narrows it slightly.",
            [1, 1],
        ),
        # a mention naming only its vessel site, then the part its clause
        # names: the parts tell the lesions apart
        (
            "Coronary calcification in the LAD. Coronary calcification in the circumflex.",
            [1, 2],
        ),
        (
            "Aortic calcification of the abdominal aorta.\n"
            "Aortic calcification of the aortic arch.",
            [1, 2],
        ),
        # ... the same words twice in one sentence: each its own part
        (
            "Coronary calcification in the LAD and coronary calcification in"
            " the circumflex.",
            [1, 2],
        ),
        (
            "Aortic calcification of the abdominal aorta and aortic"
            " calcification of the thoracic aorta.",
            [1, 2],
        ),
        (
            "Coronary calcification of the right coronary artery.\n"
            "Coronary calcification of the left main.\n"
            "IMPRESSION: Calcified right coronary artery.",
            [1, 2, 1],
        ),
        # 'the vessel' of a later sentence is the subject of the sentence
        # before, not a branch that sentence says it supplies
        (
            "FINDINGS: The RCA is a dominant artery feeding the PDA. Mild"
            " calcified plaque is present in the mid vessel.\n"
            "IMPRESSION: Mid RCA: mild calcified plaque.",
            [1, 1],
        ),
        # ... passing over a sentence about the vessel again
        (
            "FINDINGS: The RCA is dominant. The vessel runs down to the crux and"
            " gives off a small PDA. Scattered calcified plaque lies in the mid"
            " vessel. PDA: calcified plaque.",
            [1, 2],
        ),
        # the left coronary artery is the left main, not the whole tree
        (
            "Right coronary artery: calcified ostium.\n"
            "Left coronary artery: calcified ostium.\n"
            "IMPRESSION: Calcified ostium of the right coronary artery.",
            [1, 2, 1],
        ),
        # a segment named for the place 'as well as' adds is not the finding's
        (
            "FINDINGS: Mid LAD calcified plaque.\n"
            "IMPRESSION: Dense calcified plaque of the LAD as well as of the"
            " proximal first diagonal.",
            [1, 1],
        ),
        # 'LV' is the left ventricle
        (
            "FINDINGS: Pericardial calcification over the right atrioventricular"
            " groove. A thin rim of calcification outlines the left ventricular"
            " apex at the site of an old infarct.\nIMPRESSION: Pericardial"
            " calcification. Calcified LV apical aneurysm.",
            [1, 2, 1, 2],
        ),
        (
            "FINDINGS: Curvilinear calcification along the left ventricular wall"
            " from a remote infarct.\nIMPRESSION: Calcified LV wall, old infarct.",
            [1, 1],
        ),
        # 'gyriform' says what shape a cortical calcification takes, no place
        (
            "FINDINGS: Cortical calcification in the left occipital lobe following"
            " the gyri.\nIMPRESSION: Left occipital gyriform calcification, as in"
            " Sturge-Weber syndrome.",
            [1, 1],
        ),
        (
            "FINDINGS: Curvilinear cortical calcification in the right parietal"
            " lobe.\nIMPRESSION: Right parietal gyriform calcification.",
            [1, 1],
        ),
        # a hemiscrotum is the scrotum, on its side
        (
            "FINDINGS: LEFT TESTIS: Normal size and flow. A mobile 5 mm calcified"
            " body lies within a small hydrocele.\nIMPRESSION: Mobile calcified"
            " body in the left hemiscrotum, a benign scrotal pearl.",
            [1, 1],
        ),
        (
            "FINDINGS: RIGHT TESTIS: Homogeneous. A 4 mm calcified body floats in"
            " the hydrocele.\nIMPRESSION: Scrotal pearl: calcified body in the"
            " right hemiscrotum.",
            [1, 1],
        ),
    ],
)
def test_sub_sites_normalised(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the impression names one of the shapes the findings gave
        (
            "Findings: Grouped round and punctate calcifications in the right "
            "breast lower inner quadrant.\n"
            "Impression: Grouped round calcifications, right breast.",
            [1, 1],
        ),
        # shapes of which neither holds the other are another group
        (
            "Right breast: punctate calcifications.\n"
            "Right breast: amorphous calcifications.",
            [1, 2],
        ),
        # Latin singulars and plurals: globus pallidus, globus pallidi
        (
            "Punctate calcifications in the bilateral globus pallidi.\n"
            "Impression: Bilateral globus pallidus calcifications.",
            [1, 1],
        ),
    ],
)
def test_restatements_with_fewer_words(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # site words alike, the places "in" or "at" leads to after them apart
        (
            "Calcified node in the left hilum. Calcified node in the subcarinal space.",
            [1, 2],
        ),
        (
            "Focus of calcification in the right kidney at the upper pole. "
            "Focus of calcification in the right kidney at the lower pole.",
            [1, 2],
        ),
        (
            "Calcification in the brain at the right parietal lobe. "
            "Calcification in the brain at the right temporal lobe.",
            [1, 2],
        ),
        (
            "Soft tissue calcification about the left knee. Soft tissue "
            "calcification about the left ankle.",
            [1, 2],
        ),
        (
            "Calcified node near the celiac axis. Calcified node near the splenic hilum.",
            [1, 2],
        ),
        # "over" leads to the place as "about" does, also where both sides
        # make the two findings alike
        (
            "Dermal calcification over the left olecranon. Dermal calcification "
            "over the left patella.",
            [1, 2],
        ),
        (
            "Hand radiographs: calcinosis cutis of the left index and right thumb "
            "tips. Elbow radiographs: dermal calcifications over both olecranons.",
            [1, 2],
        ),
        # the same place again restates it
        (
            "Calcified node in the left hilum. Calcified node in the left hilum, unchanged.",
            [1, 1],
        ),
        # a mention's words twice in one sentence: each its own place
        (
            "FINDINGS: Calcified node in the subcarinal space. Calcified node in "
            "the aortopulmonary window and calcified node in the subcarinal "
            "space, unchanged.",
            [1, 2, 1],
        ),
        # what follows the place says how it looks, not where it is
        (
            "FINDINGS: Calcified node in the porta hepatis is noted. Calcified "
            "node in the porta hepatis appears unchanged.",
            [1, 1],
        ),
        (
            "FINDINGS: Calcification in the liver in segment 6. Calcification "
            "in the liver in segment 2.",
            [1, 2],
        ),
        # in the history "in" may name who is asked about, no place
        (
            "INDICATION: Calcified liver lesions in a traveler. Two calcified foci "
            "within hepatic segment 6.",
            [1, 1],
        ),
    ],
)
def test_places_after_unsaid_sub_sites(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a clock-face hour written as a time ("at 4:00") is a clock position
        (
            "FINDINGS: Calcifications in the right breast at 4:00. More "
            "calcifications in the right breast at 8:00.\n"
            "IMPRESSION: Right breast calcifications at 4 o'clock and 8 o'clock.",
            [1, 2, 3],
        ),
        (
            "FINDINGS: Calcifications in the right breast at 4:00.\n"
            "IMPRESSION: Right breast calcifications at 4 o'clock.",
            [1, 1],
        ),
    ],
)
def test_clock_hours_written_as_times(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the sub-site a link word led to after the first mention is no new
        # sub-site when a later finding's site words name it
        (
            "FINDINGS: Amorphous calcifications in the left breast in the lower "
            "inner quadrant. A core biopsy of these calcifications is advised.",
            [1, 1],
        ),
        (
            "FINDINGS: Calcifications in the left breast in the lower inner quadrant. "
            "Lower inner quadrant calcifications span 6 mm.",
            [1, 1],
        ),
        # another sub-site than the one led to still parts them
        (
            "FINDINGS: Calcifications in the left breast in the lower inner quadrant. "
            "Upper outer quadrant calcifications span 6 mm.",
            [1, 2],
        ),
    ],
)
def test_a_sub_site_led_to_after_the_mention(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the subject a predicate mention is said of calls itself another
        (
            "FINDINGS: A 3 cm fibroid with rim calcification. A second 2 cm "
            "fibroid is densely calcified.",
            [1, 2],
        ),
        (
            "FINDINGS: Calcified node in the left hilum. Another node in the "
            "left hilum is also calcified.",
            [1, 2],
        ),
        # after "a", a comparative names one more of its kind
        (
            "FINDINGS: Calcified node in the left hilum. A smaller calcified "
            "node is also present in the left hilum.",
            [1, 2],
        ),
        (
            "FINDINGS: Calcified granuloma in the right upper lobe. There is "
            "a larger calcified granuloma in the right upper lobe as well.",
            [1, 2],
        ),
        # a subject without such a word restates it
        (
            "FINDINGS: Calcified node in the left hilum. The node in the left "
            "hilum is densely calcified.",
            [1, 1],
        ),
    ],
)
def test_a_subject_calling_itself_another(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # one section's findings at a joint's tissues naming two joints
        (
            "FINDINGS: Periarticular calcification at the right elbow. "
            "Periarticular calcification at the right wrist.",
            [1, 2],
        ),
        (
            "FINDINGS: Soft tissue calcification lateral to the left knee. "
            "Soft tissue calcification lateral to the left ankle.",
            [1, 2],
        ),
        # the same joint again restates it
        (
            "FINDINGS: Periarticular calcification at the right elbow. "
            "Periarticular calcification at the right elbow is unchanged.",
            [1, 1],
        ),
    ],
)
def test_one_sections_joints_apart(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the impression leaves unsaid the segments that told two lesions apart
        (
            "FINDINGS: Calcified plaque in the ostial RCA. Calcified plaque in "
            "the distal RCA.\nIMPRESSION: RCA calcified plaque.",
            [1, 2, 3],
        ),
        # naming one of them restates it
        (
            "FINDINGS: Calcified plaque in the ostial RCA. Calcified plaque in "
            "the distal RCA.\nIMPRESSION: Distal RCA calcified plaque.",
            [1, 2, 2],
        ),
        # ... or the places a link word led to after their mentions
        (
            "FINDINGS: Calcification in the left kidney at its upper pole and a "
            "calcification in the left kidney at its lower pole.\n"
            "IMPRESSION: Left renal calcifications.",
            [1, 2, 3],
        ),
        (
            "FINDINGS: Calcified node in the right hilum. Calcified node in the "
            "right paratracheal region.\nIMPRESSION: Calcified right-sided nodes.",
            [1, 2, 3],
        ),
        # naming one of those places, in other words too, restates it
        (
            "FINDINGS: Amorphous calcifications in the right breast UIQ. Coarse "
            "calcification in the right breast LOQ.\n"
            "IMPRESSION: Amorphous calcifications, right breast upper inner quadrant.",
            [1, 2, 1],
        ),
        # ... or the clock positions
        (
            "FINDINGS: Right breast: calcifications at 1 o'clock. Right breast: "
            "calcifications at 7 o'clock.\nIMPRESSION: Right breast calcifications.",
            [1, 2, 3],
        ),
        (
            "FINDINGS: Right breast: calcifications at 1 o'clock. Right breast: "
            "calcifications at 7 o'clock.\nIMPRESSION: Right breast calcifications "
            "at 7 o'clock.",
            [1, 2, 2],
        ),
    ],
)
def test_an_impression_over_two_segments(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a later section restating with the same word the one called another
        (
            "FINDINGS: Calcified node in the left axilla. Another calcified node "
            "in the left axilla.\nIMPRESSION: Another calcified node in the left axilla.",
            [1, 2, 2],
        ),
        (
            "FINDINGS: Punctate calcification in the right kidney. A separate "
            "punctate calcification in the right kidney.\nIMPRESSION: Separate "
            "punctate right renal calcification.",
            [1, 2, 2],
        ),
    ],
)
def test_restating_the_one_called_another(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the subject names the vessel more narrowly than the site words do
        (
            "OPERATIVE FINDINGS: The superficial femoral artery was densely "
            "calcified. The common femoral artery was also calcified.",
            [1, 2],
        ),
        (
            "PREOPERATIVE DIAGNOSIS: Calcified right superficial femoral artery "
            "stenosis.\nFINDINGS: The superficial femoral artery was calcified. "
            "The common femoral artery was mildly calcified.",
            [1, 1, 2],
        ),
    ],
)
def test_a_subject_naming_the_vessel_more_narrowly(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a phrase commas set off between the subject and its verb is no
        # subject: the place before it is ("The anterior tibial artery, seen
        # on ..., was calcified"), another sub-site, another lesion
        (
            "FINDINGS: The popliteal artery was calcified on its back wall. The "
            "anterior tibial artery, seen on the completion angiogram, was "
            "calcified but patent.",
            [1, 2],
        ),
        # a place that has, contains or shows the calcification is named as
        # the subject of "was calcified" is: another sub-site, another lesion
        (
            "FINDINGS: The left common carotid artery had a calcified plaque "
            "reaching into the internal carotid artery. The external carotid "
            "artery also had calcified plaque.",
            [1, 2],
        ),
        (
            "OPERATIVE FINDINGS: The right internal carotid artery contained a "
            "calcified plaque. The external carotid artery showed mild "
            "calcified plaque at its origin.",
            [1, 2],
        ),
        # the impression naming the first place again still restates it
        (
            "FINDINGS: The left common carotid artery had a calcified plaque "
            "reaching into the internal carotid artery. The external carotid "
            "artery also had calcified plaque.\nIMPRESSION: Left internal "
            "carotid artery stenosis from calcified plaque.",
            [1, 2, 1],
        ),
        # so is a place said to be found to hold it ("was noted to have")
        (
            "OPERATIVE FINDINGS: The ulnar artery was thin and calcified. The "
            "axillary artery was noted to have patchy wall calcification.",
            [1, 2],
        ),
        (
            "FINDINGS: The popliteal artery is calcified. The anterior tibial "
            "artery is also seen to contain calcified plaque.",
            [1, 2],
        ),
    ],
)
def test_a_subject_holding_the_calcification(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the whole coronary tree named after two of its vessels sums them up
        (
            "CATHETERIZATION: The RCA has ostial calcification. The LAD has "
            "calcification in its mid portion.\nIMPRESSION: Heavy "
            "calcification of the coronary arteries.",
            [1, 2, 3],
        ),
        (
            "FINDINGS: The circumflex has ostial calcification. The left "
            "anterior descending artery has calcification in the mid vessel. "
            "IMPRESSION: Calcification of the coronary arteries.",
            [1, 2, 3],
        ),
        # after one vessel's two segments the vessel is still one lesion
        (
            "FINDINGS: Calcified plaque in the proximal LAD. Calcified plaque "
            "in the mid LAD.\nIMPRESSION: Calcified plaque of the LAD.",
            [1, 2, 3],
        ),
    ],
)
def test_the_coronary_tree_after_its_vessels(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # one word that joins two places ("aortoiliac") after a lesion at
        # each sums them up, as "aortic and iliac" does
        (
            "FINDINGS: The suprarenal aortic aneurysm is 5.1 cm, with a thin "
            "rim of mural calcification. The external iliac arteries have "
            "calcified plaque.\nIMPRESSION: Moderate aortoiliac calcification.",
            [1, 2, 3],
        ),
        (
            "FINDINGS: Coarse calcification in the wall of the aortic "
            "aneurysm. Calcified plaque of the right common iliac artery.\n"
            "IMPRESSION: Aorto-iliac calcification.",
            [1, 2, 3],
        ),
    ],
)
def test_one_word_joining_two_places(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the disease of the whole organ after two of its sub-sites' lesions
        # sums them up, as a plural does ...
        (
            "FINDINGS: , PANCREAS: Coarse calcifications in the pancreatic body "
            "are more numerous. Punctate calcifications in the uncinate process "
            "are unchanged. SPLEEN: Normal.,IMPRESSION: , 1.  Chronic calcific "
            "pancreatitis, with progression of calcifications in the body.",
            [1, 2, 3, 1],
        ),
        # ... and restates the organ's one lesion
        (
            "FINDINGS: PANCREAS: Coarse calcifications throughout the gland.\n"
            "IMPRESSION: Chronic calcific pancreatitis.",
            [1, 1],
        ),
    ],
)
def test_the_disease_of_an_organ_after_its_lesions(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a node named with its station after it ("node in the
        # aortopulmonary window") is at that station, as "aortopulmonary
        # node" is: not the one of another station
        (
            "FINDINGS: Calcified left paratracheal lymph node.\nIMPRESSION: "
            "Calcified lymph node in the aortopulmonary window, new.",
            [1, 2],
        ),
        (
            "FINDINGS: Calcified subcarinal lymph node.\nIMPRESSION: "
            "Calcified node in the subcarinal space, unchanged.",
            [1, 1],
        ),
    ],
)
def test_a_node_named_with_its_station_after_it(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the place after "are also seen in" parts the two as the place
        # right after the mention does
        (
            "FINDINGS: There are calcified lymph nodes in the mesentery. "
            "Calcified lymph nodes are also seen in the retroperitoneum.",
            [1, 2],
        ),
        (
            "FINDINGS: Calcified nodes in the subcarinal region. Calcified "
            "nodes are present in the paratracheal region as well.",
            [1, 2],
        ),
        # the same place seen again is the same lesion
        (
            "FINDINGS: Calcified lymph nodes in the mesentery. Calcified "
            "lymph nodes are again noted in the mesentery.",
            [1, 1],
        ),
    ],
)
def test_a_place_after_a_seen_predicate(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a disc or spinal ligament at another vertebral level is another lesion
        (
            "CT LUMBAR SPINE: Calcified disc protrusion at L4-L5. Calcified "
            "disc at L5-S1.\nIMPRESSION: Calcified disc protrusion at L4-5.",
            [1, 2, 1],
        ),
        (
            "MRI: Calcification of the posterior longitudinal ligament at "
            "C5-C6. Calcification of the posterior longitudinal ligament at C6-7.",
            [1, 2],
        ),
        # the level nearest the mention is its own, not the sentence's others
        (
            "CT: Narrowing at L2-3 and L4-5 with a calcified disc at L3-4.\n"
            "IMPRESSION: Calcification of the L3-4 disc.",
            [1, 1],
        ),
    ],
)
def test_vertebral_levels_apart(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a subject that names the finding's place more narrowly ("the isthmus
        # nodule", its site words "nodule") names another sub-site
        (
            "THYROID US: The left lobe contains a nodule with microcalcifications. "
            "The isthmus nodule has coarse calcification.",
            [1, 2],
        ),
        # a subject opened by "a" does the same, and the impression naming
        # each again restates each
        (
            "PELVIC US: A posterior fibroid, 4 cm, has a thin rim of "
            "calcification. A pedunculated fibroid, 2 cm, is heavily calcified."
            "\nIMPRESSION: The posterior fibroid has rim calcification; the "
            "pedunculated fibroid is heavily calcified.",
            [1, 2, 1, 2],
        ),
    ],
)
def test_a_subject_naming_the_place_more_narrowly(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


def test_the_liver_lobes_on_two_sides_are_two_lesions(lesion_numbers):
    text = (
        "FINDINGS: There are calcifications in the right lobe of the liver. "
        "There are calcifications in the left lobe of the liver.\n"
        "IMPRESSION: Hepatic calcifications."
    )
    assert lesion_numbers(text) == [1, 2, 3]


@pytest.mark.parametrize(
    "text, lesions",
    [
        # "and a" adds a noun phrase of its own: one sentence, two places
        (
            "FINDINGS: Calcified granuloma in the LUL and a calcified granuloma in the LLL.",
            [1, 2],
        ),
        (
            "FINDINGS: Calcified nodule in the left upper lobe and a calcified "
            "nodule in the left lower lobe.",
            [1, 2],
        ),
    ],
)
def test_and_a_adds_another_place(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # one section naming a segment or valve part the lesion left unsaid
        (
            "OPERATIVE FINDINGS: The mitral valve was calcified. Calcification "
            "also involved the annulus posteriorly.",
            [1, 2],
        ),
        (
            "FINDINGS: Calcified plaque in the RCA. Dense calcified plaque in the ostial RCA.",
            [1, 2],
        ),
        # another section naming it restates the lesion
        (
            "FINDINGS: Calcified plaque in the RCA.\nIMPRESSION: Ostial RCA calcified plaque.",
            [1, 1],
        ),
        # the segment the lesion's sentence already named is no new one
        (
            "PROCEDURE: The wire would not cross the ostial RCA, where there was "
            "heavy calcification. Atherectomy was then used on the calcified "
            "plaque in the ostial RCA.",
            [1, 1],
        ),
    ],
)
def test_a_new_segment_in_one_section(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the words before the second of two like mentions in one sentence
        # are read at that mention, not at the first ("another")
        (
            "Calcified lymph node in the right hilum. Calcified lymph node in the "
            "right hilum and another calcified lymph node in the right hilum.",
            [1, 1, 2],
        ),
    ],
)
def test_words_before_a_repeated_mention_are_its_own(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


def test_mention_at_points_at_each_mention_in_its_sentence(analyzer):
    text = (
        "FINDINGS:   Calcified node   in the hilum and calcified node in the\n"
        "subcarinal space.  Calcified node, calcified node."
    )
    found = analyzer.analyze(text, "T").findings
    assert len(found) == 4
    ats = [f.mention_at for f in found]
    assert ats[0] < ats[1] and ats[2] < ats[3]
    for f in found:
        at = f.mention_at
        assert f.sentence[at : at + len(f.mention)] == f.mention


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the impression names the segment ahead of the clause its plaque opens
        (
            "FINDINGS: Dense calcified plaque of the proximal RCA with 60% stenosis. "
            "Mild calcification of the distal RCA.\n\n"
            "IMPRESSION: Moderate stenosis of the proximal RCA due to dense calcified plaque.",
            [1, 2, 1],
        ),
        (
            "FINDINGS: Calcified plaque at the ostial LAD. Calcified plaque in the mid LAD.\n\n"
            "IMPRESSION: Narrowing of the mid LAD caused by calcified plaque.",
            [1, 2, 2],
        ),
    ],
)
def test_a_segment_named_before_the_clause_of_the_plaque(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


def test_segment_before_the_clause_after_a_letter_lower_case_lengthens(finding_named):
    """The site words are found in the sentence's own text: lowering the whole
    report put them at the wrong offset when a letter before the sentence
    grows in lower case ('İ' is two characters lowered)."""
    text = "Patient: İİİİİİ. Moderate stenosis of the proximal LAD due to calcified plaque."
    assert finding_named(text, "calcified plaque").segment == "proximal"


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a bilateral phrase naming vessels as a whole after two lesions at
        # vessel sites sums them up, as one naming no side does
        (
            "FINDINGS: Calcification of the splenic artery. Calcified plaque in both "
            "renal arteries.\n\nIMPRESSION: Bilateral vascular calcifications.",
            [1, 2, 3],
        ),
        (
            "FINDINGS: Calcified plaque of the superior mesenteric artery. Calcification "
            "of the iliac arteries bilaterally.\n\n"
            "IMPRESSION: Bilateral vascular calcifications in a diabetic patient.",
            [1, 2, 3],
        ),
        # its side word names no place of one of them
        (
            "FINDINGS: Calcified plaque in both renal arteries.\n\n"
            "IMPRESSION: Bilateral vascular calcifications.",
            [1, 1],
        ),
    ],
)
def test_a_bilateral_vascular_summary(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # "vascular calcification" naming the place one of two vessel
        # lesions of one sentence names in its own words restates that one
        (
            "HISTORY OF PRESENT ILLNESS: , An x-ray of the legs last month "
            "showed dense vascular calcification of the tibial arteries and "
            "fine calcification of the subcutaneous vessels of the calves."
            ",ASSESSMENT: , 1.  Calciphylaxis with subcutaneous vascular "
            "calcification on x-ray.",
            [1, 2, 3, 2],
        ),
    ],
)
def test_a_vascular_restatement_of_one_of_two_in_a_sentence(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # named as what two findings joined by "and" are: it sums them up
        (
            "FINDINGS: Calcification of the left ventricular myocardium. Dense "
            "pericardial calcification.\n\nIMPRESSION: Myocardial calcification and "
            "pericardial calcification, compatible with metastatic calcification.",
            [1, 2, 1, 2, 3],
        ),
        (
            "IMPRESSION: Pulmonary calcifications as well as calcification of the "
            "gastric wall, likely due to metastatic calcification.",
            [1, 2, 3],
        ),
        # "and" joining no finding: the link names what the one finding is
        (
            "Simple renal cyst and a punctate calcification in the pelvis, "
            "consistent with a phlebolith.",
            [1, 1],
        ),
    ],
)
def test_named_as_what_two_joined_findings_are(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a sized thing "with a" adds in the sentence is another lesion; the
        # impression giving its size restates it
        (
            "FINDINGS: Mildly calcified superior mesenteric artery with a 15 mm "
            "calcified superior mesenteric artery aneurysm near its origin.\n\n"
            "IMPRESSION: Calcified superior mesenteric artery aneurysm (15 mm).",
            [1, 2, 2],
        ),
        (
            "Calcified granuloma in the right upper lobe with a 4 mm calcified "
            "granuloma beside it.",
            [1, 2],
        ),
        # a change word says it is the one seen again
        (
            "Calcified granuloma in the right upper lobe, unchanged, with a 4 mm "
            "calcified focus, stable.",
            [1, 1],
        ),
    ],
)
def test_a_sized_thing_with_a_is_another_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # "concerning for", "worrisome for", "suspicious for" name what the
        # finding before them may be, as "suggestive of" does
        (
            "FINDINGS: Linear calcifications in the subcutaneous fat of the lower "
            "abdominal wall, suspicious for calciphylaxis.",
            [1, 1],
        ),
        (
            "Curvilinear calcification along the pericardium, worrisome for "
            "constrictive calcific pericarditis.",
            [1, 1],
        ),
        (
            "Calcified nodularity in the dermis of both legs, concerning for "
            "calcinosis cutis.",
            [1, 1],
        ),
    ],
)
def test_hedged_restating_links(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a count of several groups names none of them: each group at its
        # clock position is a lesion of its own, restated at that position
        (
            "DIAGNOSTIC MAMMOGRAM, LEFT\nINDICATION: Follow-up of two groups of "
            "probably benign calcifications, left breast.\n\nFINDINGS: At 4:00, "
            "round calcifications, unchanged. At 8:00, punctate calcifications, "
            "unchanged.\n\nIMPRESSION: Stable round calcifications at 4 o'clock.",
            [1, 2, 3, 2],
        ),
        # ... and the same count again restates the count
        (
            "FINDINGS: Three clusters of calcifications are seen in the right breast. "
            "At 1:00, amorphous calcifications. At 6:00, punctate calcifications. "
            "At 9:00, coarse calcifications.\n\nIMPRESSION: Three clusters of "
            "probably benign calcifications in the right breast.",
            [1, 2, 3, 4, 1],
        ),
        # a count restated without one
        (
            "FINDINGS: Two calcified granulomas in the right upper lobe.\n\n"
            "IMPRESSION: Calcified granulomas, right upper lobe.",
            [1, 1],
        ),
    ],
)
def test_a_count_of_several_groups_and_each_group(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a calcification said to extend from one place into another lies at
        # both: named at either, it is one lesion
        (
            "HISTORY: Duplex showed a heavily calcified plaque of the right carotid "
            "bulb.\nFINDINGS: A bulky calcified plaque was found extending from the "
            "bulb into the internal carotid artery.",
            [1, 1],
        ),
        (
            "OPERATIVE FINDINGS: An ulcerated, densely calcified plaque was found at "
            "the bifurcation, extending 2 cm into the internal carotid artery.\n"
            "PATHOLOGY: Calcified plaque with thrombus at the carotid bifurcation.",
            [1, 1],
        ),
        # two places named apart, nothing extending
        (
            "FINDINGS: Calcified plaque at the right carotid bulb. Calcified plaque "
            "in the right internal carotid artery.",
            [1, 2],
        ),
        # the segment it extends into is no segment of its own: the mid LAD's
        # calcification named again at the mid segment is still that lesion
        (
            "PROCEDURE NOTE: The mid LAD was densely calcified, and the calcification "
            "extended into the distal vessel. Intravascular imaging then showed an "
            "arc of calcification in the mid segment.",
            [1, 1, 1],
        ),
        # but a segment it is said to extend from is where it lies
        (
            "PROCEDURE NOTE: The mid LAD was densely calcified. Calcification "
            "extended from the proximal segment into the left main.",
            [1, 2],
        ),
    ],
)
def test_a_calcification_extending_into_another_place(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a new calcification is not one said to be there before at its site
        (
            "FINDINGS: Calcified granuloma in the left lower lobe, unchanged since 2020. "
            "There is also a new calcified granuloma in the left lower lobe.",
            [1, 2],
        ),
        (
            "FINDINGS: Punctate calcifications in the right breast, stable.\n"
            "IMPRESSION: New right breast calcifications, recommend magnification views.",
            [1, 2],
        ),
        # a new one said new again, or said with no change, is still the one
        (
            "FINDINGS: New calcified granuloma in the left lower lobe.\n"
            "IMPRESSION: New left lower lobe calcified granuloma.",
            [1, 1],
        ),
        (
            "FINDINGS: New calcified granuloma in the left lower lobe.\n"
            "IMPRESSION: Left lower lobe calcified granuloma.",
            [1, 1],
        ),
    ],
)
def test_a_new_calcification_is_not_one_seen_before(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # an anaphor whose site words come from another sentence names no
        # place of its own: it refers back to the finding whose sentence
        # holds its noun
        (
            "FINDINGS: The common femoral artery was heavily calcified with a bulky "
            "plaque. The superficial femoral artery had minimal calcification. The "
            "calcified plaque reached the bifurcation.",
            [1, 2, 1],
        ),
        # its own words name the other place: another lesion
        (
            "Calcified granuloma in the right upper lobe. The calcified granuloma in "
            "the right lower lobe is unchanged.",
            [1, 2],
        ),
    ],
)
def test_an_anaphor_with_borrowed_site_words(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the dorsalis pedis and plantar arteries are the foot's, the pedal
        # arteries: the impression naming these restates either
        (
            "FINDINGS: Calcification of the left dorsalis pedis artery.\n\n"
            "IMPRESSION: Medial calcinosis of the left pedal arteries.",
            [1, 1],
        ),
        (
            "FINDINGS: Tubular calcification of the plantar arteries of both feet.\n\n"
            "IMPRESSION: Bilateral pedal arterial calcification.",
            [1, 1],
        ),
        # two foot arteries named apart are two lesions
        (
            "FINDINGS: Calcification of the dorsalis pedis artery. Calcification of "
            "the plantar arteries.",
            [1, 2],
        ),
    ],
)
def test_the_pedal_arteries(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# the chest film header of the anaphor tests below
CHEST = "EXAMINATION: Chest two views.\nFINDINGS: "


# corpora/GUIDE.md (lesion): an anaphor refers back to the calcification it
# names; one opening the clause after its sentence introduced a lesion of its
# own ('a nodule ...; it is calcified') points at that lesion, not at a
# finding named before, and a later finding naming a sub-site the first left
# unsaid is another lesion
def test_anaphor_after_a_noun_of_its_own_sentence(lesion_numbers):
    text = CHEST + (
        "Calcified granuloma. There is also a rounded opacity at the left base; "
        "it is partly calcified.\nIMPRESSION: Partly calcified left basilar nodule."
    )
    assert lesion_numbers(text) == [1, 2, 2]


def test_anaphor_after_a_definite_noun_still_refers_back(lesion_numbers):
    text = CHEST + (
        "Calcified granuloma in the left lower lobe. "
        "The granuloma has not grown; it is densely calcified."
    )
    assert lesion_numbers(text) == [1, 1]


# corpora/GUIDE.md (lesion): an impression naming the disease with the
# calcification its findings named restates that lesion when one findings
# lesion is named by its words, whatever other lesions the findings add ('a
# separate ...' restates only with that word); it sums up, a lesion of its
# own, the findings' lesions when none is named by its words alone
DISEASE_IMPRESSIONS = [
    (
        "FINDINGS: Numerous calcified granulomas throughout both lungs. One more "
        "4 mm calcified granuloma at the right base.\n"
        "IMPRESSION: Sequela of remote tuberculosis with calcified granulomas.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified granulomas in the left upper lobe.\n"
        "IMPRESSION: Remote histoplasmosis with calcified granulomas.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lower lobe. Calcified "
        "granuloma in the left upper lobe.\n"
        "IMPRESSION: Remote histoplasmosis with calcified granulomas.",
        [1, 2, 3],
    ),
]


@pytest.mark.parametrize("text, lesions", DISEASE_IMPRESSIONS)
def test_impression_naming_the_disease_with_the_calcification(
    lesion_numbers, text, lesions
):
    assert lesion_numbers(text) == lesions


def test_a_likelier_reading_is_the_calcification_it_reads(lesion_numbers):
    """'..., probably metastatic calcification' after a stated calcification
    is no longer uncertain (corpora/GUIDE.md uncertain: a hedge on its
    nature), but is still offered as what that calcification is: one lesion
    with it, not with a like-named one of another section."""
    numbers = lesion_numbers(
        "DIAGNOSES: 1. Metastatic pulmonary calcification.\n"
        "HOSPITAL COURSE: Admitted with a calcium of 13.2. Chest CT showed nodular "
        "centrilobular calcifications in both lower lobes, probably metastatic "
        "calcification."
    )
    assert numbers[1] == numbers[2]


# corpora/GUIDE.md, Descriptors (lesion): a heading naming the exam ('CT
# RENAL COLIC PROTOCOL:') heads what the exam showed (a findings section,
# not a technique one) and names no place within the finding's site, so the
# assessment's restatement shares the finding's lesion.
def test_exam_heading_with_protocol_heads_findings_and_no_place(analyzer):
    text = (
        "HISTORY:, Right flank pain.,CT RENAL COLIC PROTOCOL:, A few calcifications"
        " in the right hemipelvis beside the ureter, with lucent centers, typical"
        " of phleboliths.,IMPRESSION:, Pelvic phleboliths."
    )
    found = analyzer.analyze(text, "T").findings
    assert [f.section for f in found] == ["findings", "findings", "impression"]
    assert len({f.lesion_id for f in found}) == 1


# corpora/GUIDE.md, Descriptors (lesion): 'LN' is the lymph node, no place
# within the site: an impression written first restates the findings' node
# of the same station and side however each writes the node.
@pytest.mark.parametrize(
    "text",
    [
        "IMPRESSION: Calcified left hilar node.\nFINDINGS: Calcified granuloma in the RUL."
        " Calcified left hilar LN.",
        "IMPRESSION: Calcified subcarinal LNs.\nFINDINGS: Lungs clear. Calcified subcarinal nodes.",
    ],
)
def test_ln_is_the_node_and_no_sub_site(lesion_numbers, text):
    numbers = lesion_numbers(text)
    assert numbers[0] == numbers[-1]


# corpora/GUIDE.md, Descriptors (lesion: the impression restating a finding
# shares its number even when the two name the place in other words): an
# organ's adjective ('peritoneal', 'corneal') names the organ, no place
# within it.
@pytest.mark.parametrize(
    "text",
    [
        "NEPHROLOGY NOTE,DATA: , CT abdomen: plaque-like calcification of the visceral"
        " peritoneum over the spleen.,ASSESSMENT: , Peritoneal calcification after peritonitis.",
        "EYE CLINIC NOTE,HPI: , Slit lamp: calcific band along the limbal cornea OD."
        ",ASSESSMENT: , Corneal calcification from chronic uveitis.",
    ],
)
def test_organ_adjective_names_no_place_within_it(lesion_numbers, text):
    numbers = lesion_numbers(text)
    assert numbers[0] == numbers[-1]


# corpora/GUIDE.md, Descriptors (lesion): an impression naming no side after
# a left and a right lesion at its site sums them up, unless its words are
# those of one of them only: then it restates that one.
def test_sideless_impression_in_one_lesion_s_words_restates_it(lesion_numbers):
    text = (
        "BILATERAL MAMMOGRAM\nFINDINGS: Right breast: a 4 mm calcified oil cyst, unchanged."
        "  Left breast: coarse dystrophic calcifications along the old incision.\n"
        "IMPRESSION: Benign, with dystrophic calcifications after surgery."
    )
    assert lesion_numbers(text) == [1, 2, 2]


def test_sideless_impression_in_both_lesions_words_sums_them(lesion_numbers):
    text = (
        "BILATERAL MAMMOGRAM\nFINDINGS: Right breast: coarse dystrophic calcifications."
        "  Left breast: coarse dystrophic calcifications.\n"
        "IMPRESSION: Benign, with dystrophic calcifications after surgery."
    )
    assert lesion_numbers(text) == [1, 2, 3]


# corpora/GUIDE.md, Descriptors (lesion: the impression restating a finding
# shares its number when the two name the place in other words): 'trunk'
# names no place within the vessel its first word names ('the celiac trunk'
# and 'the celiac origin').
def test_trunk_names_no_place_within_the_vessel(lesion_numbers):
    text = (
        "CLINIC NOTE,HPI: , CT angiogram: heavily calcified plaque at the origins of the"
        " celiac trunk and superior mesenteric artery.  Mild calcified plaque of the left"
        " external iliac artery.,ASSESSMENT: , Symptomatic calcified plaque at the celiac"
        " and SMA origins; stenting planned."
    )
    numbers = lesion_numbers(text)
    assert numbers[0] == numbers[-1] != numbers[1]


# corpora/GUIDE.md, Descriptors (lesion): the impression restating a
# finding shares its number though the two name the place in other words.
# Nodes listed over several stations ('the paratracheal and right hilar
# stations') are one lesion that the impression may restate by the
# stations' wholes ('mediastinal and hilar'); at the lung, another lobe
# that the findings' sentence names for another thing still parts them.
@pytest.mark.parametrize(
    "text, same",
    [
        (
            "FINDINGS: Calcified lymph nodes in the paratracheal and right hilar stations, "
            "stable. IMPRESSION: Calcified mediastinal and hilar lymph nodes.",
            True,
        ),
        (
            "FINDINGS: Calcified granuloma in the left upper lobe and left lower lobe "
            "scarring. IMPRESSION: Calcified left lower lobe granuloma.",
            False,
        ),
    ],
)
def test_impression_naming_listed_stations_by_their_wholes(lesion_numbers, text, same):
    numbers = lesion_numbers(text)
    assert (numbers[0] == numbers[1]) is same


def test_celiac_axis_and_celiac_origin_are_one_vessel(lesion_numbers):
    # corpora/GUIDE.md lesion: one place named in other words; the celiac axis
    # is the celiac trunk, and its origin is where that trunk leaves the aorta
    text = (
        "FINDINGS: ,CELIAC AXIS: , Dense calcified plaque at its origin with 70% "
        "narrowing.,SMA: , A calcified plaque at the ostium.,IMPRESSION: , Stenosis "
        "of the celiac origin from a calcified plaque; calcified plaque at the SMA "
        "ostium."
    )
    assert lesion_numbers(text) == [1, 2, 1, 2]


def test_a_branch_past_which_a_plaque_lies_is_a_landmark(lesion_numbers):
    # guide §2: a site named as a landmark ('beyond D1') is beside the
    # finding, not where it lies; the lesion is the proximal LAD's plaque,
    # restated by the impression, not D1's own calcification
    # (corpora/GUIDE.md lesion)
    text = (
        "LAD: , A calcified plaque in the proximal LAD narrows it by 60%. D1 "
        "has a small calcification at its ostium.,IMPRESSION: , Moderate "
        "narrowing of the proximal LAD due to the calcified lesion beyond D1."
    )
    assert lesion_numbers(text) == [1, 2, 1]


def test_a_count_of_groups_after_one_group_at_its_clock_position(lesion_numbers):
    # corpora/GUIDE.md lesion: a count of several that names no position is
    # none of the groups a sentence places at its clock position, whether
    # that group was named before the count or after it
    text = (
        "HISTORY: Short-interval follow-up of calcifications at 2 o'clock in the "
        "right breast.\nFINDINGS: Two groups of calcifications are seen in the "
        "right breast. At 2 o'clock, punctate calcifications are stable. At 9 "
        "o'clock, amorphous calcifications are new."
    )
    assert lesion_numbers(text) == [1, 2, 1, 3]


# The chordae are a part of a valve of their own, as its annulus and its
# leaflets are: a calcified part the mention names itself is its lesion's
# part, whatever other part its clause places it by ("chordae beneath the
# posterior leaflet") or the sentence before names (corpora/GUIDE.md lesion:
# a valve's annulus vs its leaflets are different lesions).
VALVE_PARTS_OF_THEIR_OWN = [
    (
        "ECHO: FINDINGS: The mitral leaflets are mildly calcified. Several calcified "
        "chordae lie below the anterior leaflet.\nIMPRESSION: Calcified mitral leaflets.",
        [1, 2, 1],
    ),
    (
        "ECHO: FINDINGS: Calcified chordae of the mitral valve. The posterior leaflet "
        "is calcified.\nIMPRESSION: Mitral chordal calcification.",
        [1, 2, 1],
    ),
    # the leaflets named twice are still one
    (
        "ECHO: FINDINGS: The mitral leaflets are calcified at their tips. The "
        "calcified leaflets move well.",
        [1, 1],
    ),
    # two parts joined before one place name one lesion at both
    (
        "ECHO: FINDINGS: Calcified leaflets and chordae of the mitral valve. The "
        "annulus is calcified.\nIMPRESSION: Calcified mitral chordae.",
        [1, 2, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), VALVE_PARTS_OF_THEIR_OWN)
def test_the_chordae_are_a_valve_part_of_their_own(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the history's lesion leaves its side unsaid and the findings name
        # the same words on both sides: either side's, or both; neither
        # restates it
        (
            "HISTORY: Known nephrocalcinosis, annual check.\n"
            "FINDINGS: Right kidney: bright pyramids in keeping with medullary "
            "nephrocalcinosis. Left kidney: medullary nephrocalcinosis, similar.\n"
            "IMPRESSION: Left medullary nephrocalcinosis, no change.",
            [1, 2, 3, 3],
        ),
        (
            "INDICATION: Renal calcifications on a prior film.\n"
            "FINDINGS: Punctate calcifications in the right kidney. Punctate "
            "calcifications in the left kidney.",
            [1, 2, 3],
        ),
        # one side only: the history's lesion is that side's
        (
            "HISTORY: Known nephrocalcinosis, annual check.\n"
            "FINDINGS: Right kidney: bright pyramids in keeping with medullary "
            "nephrocalcinosis. Left kidney: normal.",
            [1, 1],
        ),
        # other words on the other side ("no new" names no lesion to restate)
        (
            "HISTORY: Recalled for calcifications.\n"
            "FINDINGS: Right breast: grouped calcifications in the upper outer "
            "quadrant. Left breast: no new calcifications.",
            [1, 1, 2],
        ),
    ],
)
def test_an_unsided_lesion_of_another_section_and_both_sides(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the history's calcifications name no clock position; the findings
        # name the same words at two: either group's, so neither restates it
        (
            "HISTORY: Recall from screening for calcifications in the right breast.\n"
            "FINDINGS: Right breast: calcifications at 9 o'clock, new. "
            "Calcifications in the right breast at 4 o'clock are unchanged.\n"
            "IMPRESSION: New calcifications right breast 9 o'clock.",
            [1, 2, 3, 2],
        ),
        # one position only: the history's are that group
        (
            "HISTORY: Recall from screening for calcifications in the right breast.\n"
            "FINDINGS: Right breast: calcifications at 9 o'clock, new.",
            [1, 1],
        ),
    ],
)
def test_a_lesion_of_another_section_at_no_clock_position(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # one side, then both sides said after the mention: two lesions
        (
            "FINDINGS:\nLEFT KIDNEY: Echogenic pyramids, compatible with medullary "
            "nephrocalcinosis.\nIMPRESSION: Medullary nephrocalcinosis bilaterally.",
            [1, 2],
        ),
        # the first sentence says both sides too: its one side is in doubt
        (
            "FINDINGS: Echogenic pyramids bilaterally with shadowing in the left upper "
            "pole, compatible with medullary nephrocalcinosis.\n"
            "IMPRESSION: Medullary nephrocalcinosis bilaterally.",
            [1, 1],
        ),
    ],
)
def test_one_side_and_both_sides(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # a transplant's calcification and the native kidneys' are at two
        # organs of one site
        (
            "FINDINGS: Transplant kidney in the left iliac fossa, 12 cm. A small "
            "calcification in the lower pole cortex. The native kidneys are "
            "shrunken, with cortical calcification.\n"
            "IMPRESSION: 1. Small cortical calcification of the transplant kidney. "
            "2. Calcified native kidneys.",
            [1, 2, 1, 2],
        ),
        # "native" before another organ's name: the stomach's lesion is one
        (
            "FINDINGS: Transplant kidney, normal. Native kidneys with nephrocalcinosis. "
            "Calcification of the gastric wall.\n"
            "IMPRESSION: Nephrocalcinosis of the native kidneys and gastric wall "
            "calcification.",
            [1, 2, 1, 2],
        ),
        # no transplant named: "native" parts nothing
        (
            "FINDINGS: Calcification of the native mitral annulus.\n"
            "IMPRESSION: Mitral annular calcification.",
            [1, 1],
        ),
        # a longer word that holds a transplant word's letters names no
        # transplant: "native" parts nothing
        (
            "FINDINGS: Evaluation before renal transplantation. The native kidneys "
            "are small, with cortical calcification.\n"
            "IMPRESSION: Cortical calcification of both kidneys.",
            [1, 1],
        ),
    ],
)
def test_native_organ_and_transplant(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # the side word is the first place's: the phrase sums up the right
        # kidney's and the unsided spleen's lesions
        (
            "FINDINGS: Punctate calcification in the right kidney. Calcified "
            "granulomas in the spleen, left upper quadrant.\n"
            "IMPRESSION: Right renal and splenic calcifications, benign.",
            [1, 2, 3],
        ),
        # one place after the join names its own side: no change
        (
            "FINDINGS: Calcified right hilar node. Calcified left hilar node.\n"
            "IMPRESSION: Right hilar and left hilar calcified nodes.",
            [1, 2, 3],
        ),
    ],
)
def test_a_side_word_before_a_join_is_the_first_places(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "text, lesions",
    [
        # "The calcifications in the body": a place the sentence before did
        # not name; the opening "the" names that place's, no anaphor
        (
            "FINDINGS: New coarse calcifications in the pancreatic neck. The "
            "calcifications in the body are unchanged.",
            [1, 2],
        ),
        # the place was named before: an anaphor
        (
            "FINDINGS: New coarse calcifications in the pancreatic neck. The "
            "calcifications in the neck measure up to 4 mm.",
            [1, 1],
        ),
        # no place after it: an anaphor
        (
            "FINDINGS: Coarse calcifications in the pancreatic neck. The "
            "calcifications are unchanged.",
            [1, 1],
        ),
    ],
)
def test_the_calcification_at_a_new_place_is_no_anaphor(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "denial",
    [
        "No new masses or calcifications.",
        "No new mass/calcifications.",
        "No new suspicious masses, distortion or calcifications.",
    ],
)
def test_no_new_before_a_list_names_a_lesion_of_its_own(lesion_numbers, denial):
    """'no new' before nouns coordinated with the mention denies each of them:
    the calcifications it names are no earlier lesion (GUIDE.md, lesion)."""
    text = "Stable benign calcifications in the left breast, unchanged. " + denial
    assert lesion_numbers(text) == [1, 2]


def test_no_new_before_another_noun_phrase_keeps_the_restatement(lesion_numbers):
    text = (
        "Stable benign calcifications in the left breast, unchanged. "
        "No new nodule near the calcifications."
    )
    assert lesion_numbers(text) == [1, 1]


# A label line names the vessels its lines go through, in the plural short
# form too ('TIBIALS:'); an anaphor under it ('Both ...') points at what its
# own label's lines name, not back across the label at another vessel's
# lesion (GUIDE.md lesion: different sub-sites are different lesions).
LABELLED_VESSELS = [
    "FINDINGS: SFA: Moderate wall calcification. TIBIALS: Heavily calcified.",
    "FINDINGS: SFA: Moderate wall calcification. TIBIAL ARTERIES: PT and AT patent. "
    "Both were heavily calcified.",
    "FINDINGS: LEFT SFA: Moderate wall calcification. POPLITEALS: Patent. "
    "PERONEALS: Both heavily calcified.",
]


@pytest.mark.parametrize("text", LABELLED_VESSELS)
def test_an_anaphor_under_another_vessel_label_is_another_lesion(lesion_numbers, text):
    assert lesion_numbers(text) == [1, 2]


def test_an_anaphor_under_its_lesions_label_restates_it(lesion_numbers):
    text = "FINDINGS: TIBIALS: Dense wall calcification. Both were heavily calcified."
    assert lesion_numbers(text) == [1, 1]


# A pronoun anaphor whose clause names a segment the lesion before it left
# unsaid ('It was heavily calcified distally') names another sub-site: another
# lesion (GUIDE.md lesion); alone, or at a segment said before, it restates.
PRONOUN_AT_A_SEGMENT = [
    ("The ulnar artery was exposed and was calcified. It was heavily calcified distally.", [1, 2]),
    ("The LAD was calcified proximally. It was also calcified distally.", [1, 2]),
    ("The left popliteal artery was exposed. It was heavily calcified.", [1]),
    ("The ulnar artery was calcified distally. It was heavily calcified distally.", [1, 1]),
]


# "It" opening a sentence after one that ends naming a vessel ("exposed the
# left popliteal artery. It was soft apart from the calcification ...") stands
# for that vessel: the finding restates that vessel's lesion (GUIDE.md lesion).
PRONOUN_AFTER_A_PLACE = [
    (
        "INDICATIONS: Angiography showed occlusion of the superficial femoral "
        "artery, reconstitution of the popliteal artery, and diffuse "
        "calcification of the infrapopliteal vessels.\nFINDINGS: The common "
        "femoral artery was calcified. The below-knee popliteal artery had a few "
        "foci of calcification on its back wall. The anterior tibial artery, "
        "seen on the angiogram, was calcified.\nPROCEDURE: A medial incision "
        "exposed the left popliteal artery. It was soft apart from the "
        "calcification already noted on its back wall.",
        [1, 2, 3, 4, 3],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), PRONOUN_AFTER_A_PLACE)
def test_a_pronoun_after_a_place_is_that_place(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(("text", "lesions"), PRONOUN_AT_A_SEGMENT)
def test_a_pronoun_at_a_new_segment_is_another_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A calcification the phrase places in several lesions by their plural noun
# ('renal masses with calcification', 'calcification of the treated nodal
# masses') sums up the lesions named one by one before it: a lesion of its own
# (GUIDE.md lesion: an impression phrase that sums up several lesions); one
# named in those plural lesions before it, or by that noun, it restates.
IN_PLURAL_HOSTS = [
    (
        "FINDINGS: The larger splenic metastasis now contains dense calcification. "
        "The smaller splenic metastasis has faint calcification.\n"
        "IMPRESSION: Treated splenic metastases with calcification.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Coarse calcification in the residual pelvic mass. "
        "Calcified para-aortic lymph nodes.\n"
        "IMPRESSION: Calcification of the treated nodal masses, expected after therapy.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Two splenic metastases with coarse calcification.\n"
        "IMPRESSION: Splenic metastases with calcification, unchanged.",
        [1, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), IN_PLURAL_HOSTS)
def test_calcification_in_plural_lesions_sums_them_up(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An impression plural over the lesion named in that plural and one the
# findings call one more of them in the singular ('A further calcified
# granuloma') sums both up (GUIDE.md lesion: a mention its own words call
# another is not the lesion before it; a phrase summing several is its own).
ONE_MORE_IN_THE_SINGULAR = [
    (
        "FINDINGS: Calcified pleural plaques are seen along the posterior costal "
        "pleura on both sides. A further calcified pleural plaque is noted at the "
        "left cardiophrenic angle.\nIMPRESSION: Bilateral calcified pleural plaques.",
        [1, 2, 3],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), ONE_MORE_IN_THE_SINGULAR)
def test_a_plural_over_one_more_in_the_singular_sums_up(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# 'The calcification along its posterior wall' after the calcified wall of the
# same aneurysm names a part the lesion before it left unsaid: another lesion
# (GUIDE.md lesion: a later finding naming a new sub-site).
def test_the_calcification_at_a_named_wall_part_is_another_lesion(lesion_numbers):
    text = (
        "The popliteal artery aneurysm is thrombosed and its wall is calcified, "
        "and the calcification along its posterior wall is thicker than before."
    )
    assert lesion_numbers(text) == [1, 2]


def test_the_calcification_of_the_wall_restates_the_calcified_wall(lesion_numbers):
    text = (
        "The popliteal artery aneurysm is thrombosed and its wall is calcified, "
        "and the calcification of the wall is thicker than before."
    )
    assert lesion_numbers(text) == [1, 1]


# 'The plaque is densely calcified along its anterior wall' after 'calcified
# plaque in the left carotid bulb': the possessive gives the wall to the plaque
# pointed back to, no new sub-site; one lesion with the impression's restatement
# (GUIDE.md lesion: an anaphor that refers back to one shares its number).
PLAQUE_OWNS_ITS_WALL = [
    (
        "FINDINGS: Calcified plaque in the left carotid bulb runs into the proximal "
        "internal carotid artery. The plaque is heavily calcified along its "
        "posterior wall.\nIMPRESSION: Calcified plaque of the left internal carotid "
        "artery at the bulb.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: A calcified plaque at the right carotid bulb. The plaque is "
        "calcified along its medial wall.",
        [1, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), PLAQUE_OWNS_ITS_WALL)
def test_a_part_of_the_plaque_pointed_back_to_is_its_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An impression plural or hidden word at a place wider than two findings
# lesions of different sub-sites ('mediastinal' over the paratracheal and the
# subcarinal nodes) sums them up: a lesion of its own, not the one of them that
# shares its side (GUIDE.md lesion: an impression phrase that sums up several
# lesions of the findings is a lesion of its own).
WIDER_OVER_SEVERAL = [
    (
        "FINDINGS: Calcified left paratracheal lymph XXXX. A calcified subcarinal "
        "node on the lateral view.\nIMPRESSION: Calcified mediastinal XXXX from "
        "old granulomatous disease.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: A calcified right paratracheal lymph node. A calcified "
        "subcarinal lymph node.\nIMPRESSION: Calcified mediastinal nodes.",
        [1, 2, 3],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), WIDER_OVER_SEVERAL)
def test_impression_plural_at_a_wider_place_sums_up(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# Of two lesions at one place and side, an impression finding named by a
# BI-RADS term restates the one whose findings were named by it, not the first
# (GUIDE.md lesion: findings that describe the same calcification share it).
SHAPED_OF_TWO = [
    (
        "FINDINGS: Left breast: fine pleomorphic calcifications at 2 o'clock were "
        "excised in the past. Left breast: postsurgical change at 2 o'clock with "
        "coarse dystrophic calcifications, stable.\nIMPRESSION: Left breast: the "
        "dystrophic calcifications are expected after surgery.",
        [1, 2, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), SHAPED_OF_TWO)
def test_impression_term_picks_the_lesion_it_names(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A label with words after it on its own line ('1. Two right renal
# calcifications: ...') names that line's place, not the sub-site of a vessel
# finding on a later line: the impression leaving the sub-site unsaid restates
# the findings' lesion (GUIDE.md lesion: the impression restating a finding
# shares its number even when one leaves the place unsaid).
INLINE_LABEL_ENDS_AT_ITS_LINE = [
    (
        "FINDINGS:\nKidneys: Two punctate calcifications in the right kidney.\n"
        "Vessels: Mild atherosclerotic calcification of the abdominal aorta.\n"
        "IMPRESSION:\n1. Two right renal calcifications: both punctate.\n"
        "2. Mild aortic atherosclerotic calcification.",
        [1, 2, 1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), INLINE_LABEL_ENDS_AT_ITS_LINE)
def test_inline_label_names_no_later_line(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A phrase joining places each with its side names one lesion at both; a later
# finding naming one of those places alone, on its side, restates it; the other
# side at that place does not (GUIDE.md lesion: 'a later finding naming one of
# those places alone restates it').
JOINED_SIDES = [
    (
        "FINDINGS: Calcified granulomas in the left upper lobe and right lower "
        "lobe. Heart normal.\nIMPRESSION: The calcified right lower lobe granuloma "
        "is unchanged.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified left hilar and right hilar lymph nodes.\nIMPRESSION: "
        "The calcified right hilar nodes are again seen.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granulomas in the left upper lobe and right lower "
        "lobe. Heart normal.\nIMPRESSION: The calcified left lower lobe granuloma "
        "is unchanged.",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), JOINED_SIDES)
def test_one_place_of_a_phrase_joining_sides_restates_it(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A later section's 'Diffuse vascular calcification' restates the one lesion
# of another section named by words over the vessels as a whole with the same
# distribution term, which summed the named arteries up already; without that
# lesion it sums them up (GUIDE.md lesion: the impression restating a finding
# shares its number; an impression phrase that sums up several lesions is a
# lesion of its own).
VESSELS_SUMMED_BEFORE = [
    (
        "CLINIC NOTE,CT ANGIOGRAPHY: ,The right popliteal artery is calcified. "
        "The left peroneal artery is heavily calcified. Diffuse vascular "
        "calcification throughout both legs.,ASSESSMENT: ,1. Diffuse vascular "
        "calcification, typical of diabetes.",
        [1, 2, 3, 3],
    ),
    (
        "CLINIC NOTE,CT ANGIOGRAPHY: ,The right popliteal artery is calcified. "
        "The left peroneal artery is heavily calcified.,ASSESSMENT: ,1. Diffuse "
        "vascular calcification, typical of diabetes.",
        [1, 2, 3],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), VESSELS_SUMMED_BEFORE)
def test_vessels_as_a_whole_restate_their_sum(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A branch's name holds its parent vessel's ("D2", the second diagonal of the
# LAD): a branch finding names the parent's place only as the wider part of
# its own, not as the other's sub-site, though the parent's sentence names the
# branch as a landmark; the branch is another lesion (GUIDE.md lesion:
# different sub-sites are different lesions, unless each sentence names the
# other's sub-site). A phrase joining places names each ("calcified
# mediastinal and hilar lymph nodes").
BRANCH_BESIDE_ITS_PARENT = [
    (
        "FINDINGS:,LAD: The proximal LAD has a calcified plaque with a 70% "
        "stenosis just before the second diagonal. D2 is small and calcified at "
        "its origin.,IMPRESSION: Calcified proximal LAD.",
        [1, 2, 1],
    ),
    (
        "CORONARY ANGIOGRAPHY: The mid LAD is calcified with a 60% stenosis "
        "after the first diagonal. The first diagonal is calcified at its origin.",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), BRANCH_BESIDE_ITS_PARENT)
def test_a_branch_beside_its_parent_is_another_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# "The lesion" opening a sentence that names no place of its own is the
# narrowing the sentence before it named at a segment of the finding's vessel
# ("The proximal LAD is occluded; the lesion is moderately calcified."): it
# takes that segment, and is not the ostial calcification of the vessel's
# label line (GUIDE.md lesion: the ostial vs the proximal segment of one
# coronary artery are different lesions).
NARROWING_AT_A_SEGMENT = [
    (
        "CARDIAC CATHETERIZATION:,Left main: Normal.,RCA: Ostial calcification "
        "with 30% narrowing. The mid RCA has a 90% stenosis; the lesion is "
        "heavily calcified.,IMPRESSION: Calcified mid RCA stenosis.",
        [1, 2, 2],
    ),
    (
        "CARDIAC CATHETERIZATION:,LAD: Ostial calcification without stenosis. "
        "There is an 80% stenosis in the proximal LAD. The lesion is moderately "
        "calcified.",
        [1, 2],
    ),
    (
        "CARDIAC CATHETERIZATION:,LAD: Ostial calcification without stenosis. "
        "The proximal LAD is occluded; the lesion is moderately calcified.",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), NARROWING_AT_A_SEGMENT)
def test_the_lesion_after_a_narrowing_takes_its_segment(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# The segment words past an extension word into another coronary vessel are
# that vessel's ("plaque of the distal left main extending into the ostial
# LAD": the left main's distal segment, not its ostium), so the plaque is not
# the left main's ostial calcification (GUIDE.md lesion: the ostial vs the
# proximal segment of one coronary artery are different lesions).
SEGMENT_OF_THE_VESSEL_EXTENDED_INTO = [
    (
        "CORONARY CTA:,LEFT MAIN: Calcification at the ostium without stenosis. "
        "A calcified plaque at the distal left main extends into the ostial LAD, "
        "30%.,IMPRESSION: Calcified plaque of the distal left main extending into "
        "the ostial LAD.",
        [1, 2, 2],
    ),
    (
        "CORONARY CTA:,LEFT MAIN: Ostial calcification without stenosis.,"
        "IMPRESSION: Calcified plaque of the distal left main extending into the "
        "ostial LAD.",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), SEGMENT_OF_THE_VESSEL_EXTENDED_INTO)
def test_segment_past_extension_into_another_vessel(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A finding of no site led by an indefinite article ("A faint calcification
# along the inferior glenoid rim") brings in a new calcification of its
# section: it restates none of that section's lesions named by the same word,
# though a later section's bare word does (GUIDE.md lesion: an anaphor, "it",
# "these", "the calcification", refers back to one).
INTRODUCED_IN_ITS_SECTION = [
    (
        "FINDINGS: A 4 mm calcification lies in the subacromial bursa. A faint "
        "calcification along the inferior glenoid rim, possibly a loose body. "
        "IMPRESSION: Calcification within the subacromial bursa.",
        [1, 2, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), INTRODUCED_IN_ITS_SECTION)
def test_an_indefinite_article_brings_in_a_new_one(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# The object of an operation led by "the" ("he underwent excision of the
# heterotopic ossification") is the calcification the note named before,
# taken out since: it restates that lesion (GUIDE.md lesion: a clinical note's
# same calcification named again in another section is one lesion); one an
# earlier operation took out with no "the" ("a lumpectomy for
# calcifications") is a past one, not today's.
REMOVED_THE_ONE_NAMED = [
    (
        "DISCHARGE SUMMARY,ADMISSION DIAGNOSIS:, Stiff right elbow with "
        "heterotopic ossification.,HISTORY OF PRESENT ILLNESS:, Radiographs "
        "showed bridging heterotopic ossification posterior to the right elbow.,"
        "HOSPITAL COURSE:, On XXXX she underwent excision of the heterotopic "
        "ossification through a posterior approach.",
        [1, 1, 1],
    ),
    (
        "HISTORY: She had a lumpectomy in XXXX for calcifications of the left "
        "breast. FINDINGS: Coarse calcifications in the left breast at the "
        "lumpectomy site.",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), REMOVED_THE_ONE_NAMED)
def test_the_one_taken_out_restates_it(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A coronary finding whose place lists several vessels ("involving the left
# main, LAD and circumflex") says how far the whole tree's calcification runs,
# no one vessel's: it restates the whole-tree calcification of an earlier
# study, though not a calcium score (GUIDE.md lesion: a coronary vessel's
# calcification is not the whole-tree score or calcification; the same
# calcification named again in another section is one lesion).
TREE_OVER_LISTED_VESSELS = [
    (
        "HISTORY: A chest CT of XXXX showed coronary artery calcifications. "
        "FINDINGS: Severe coronary artery calcification involving the left main, "
        "LAD and circumflex.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcium score 120. Coronary artery calcification involving "
        "the LAD and RCA.",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), TREE_OVER_LISTED_VESSELS)
def test_a_list_of_vessels_is_the_whole_tree(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A subject naming a valve part alone ("The annulus was also calcified, worst
# beneath the noncoronary cusp") is what is calcified, the place after the
# mention where most: its sub-site is the annulus, which the description's
# "the calcified annulus was debrided" restates (GUIDE.md lesion: a valve's
# annulus vs its leaflets are different lesions; the same calcification named
# again in another section is one lesion).
PART_SUBJECT_BEFORE_A_PLACE = [
    (
        "OPERATIVE FINDINGS: The aortic valve was trileaflet with heavily "
        "calcified leaflets. The annulus was also calcified, worst beneath the "
        "noncoronary cusp. DESCRIPTION: A transverse aortotomy was made, the "
        "aortic valve was excised, and the calcified annulus was debrided.",
        [1, 2, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), PART_SUBJECT_BEFORE_A_PLACE)
def test_a_part_subject_is_the_sub_site(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A finding at "soft tissue" naming a side restates, of the lesions of other
# sections at the soft tissues named more precisely, the one on that side, not
# one of no side ("calcinosis cutis of the fingers" in the history) (GUIDE.md
# lesion: the impression restating a finding shares its number even when the
# two name the place in other words; same site, side and sub-site).
TISSUE_ON_ITS_SIDE = [
    (
        "HISTORY: Systemic sclerosis with known calcinosis cutis of the fingers. "
        "FINDINGS: Subcutaneous calcifications along the left lateral chest "
        "wall, increased since the prior study. IMPRESSION: Increasing soft "
        "tissue calcinosis of the left chest wall.",
        [1, 2, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), TISSUE_ON_ITS_SIDE)
def test_soft_tissue_restates_the_one_on_its_side(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An anaphor's second predicate that names what it is ("it does not move with
# position and likely represents a vascular calcification") names what the
# finding before it is, as "It likely represents" does (GUIDE.md lesion: a
# finding of the next sentence that opens with an anaphor naming what the
# finding is shares its number).
ANAPHOR_SECOND_PREDICATE = [
    (
        "FINDINGS: Right kidney: A 3 mm calcification in the lower pole cortex; "
        "it does not move with position and likely represents a vascular "
        "calcification rather than a stone. IMPRESSION: Small right renal "
        "calcification, likely vascular.",
        [1, 1, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), ANAPHOR_SECOND_PREDICATE)
def test_an_anaphors_second_predicate_names_what_it_is(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A link word after the mention leading to a possessive and a host part
# ("with curvilinear calcification of its wall") gives the calcification to
# the lesion noun the sentence named calcified before it ("calcified ...
# aneurysm"): one lesion (GUIDE.md lesion: "right popliteal artery aneurysm
# with peripheral wall calcification" is the aneurysm's one lesion).
ITS_HOST_PART = [
    (
        "FINDINGS: A 4 cm calcified left ventricular apical aneurysm with "
        "curvilinear calcification of its wall. IMPRESSION: The aneurysm wall is "
        "heavily calcified.",
        [1, 1, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), ITS_HOST_PART)
def test_calcification_of_its_wall_is_the_hosts(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# "and a" adds a noun phrase of its own to the sentence: the finding it
# leads is another calcification than the one named before it in that
# sentence, at its site whatever sub-site and side each names (GUIDE:
# lesion, "'and a' adds the finding ...: a noun phrase of its own"; a
# sentence restates a lesion once).
ADDED_BY_AND_A = [
    (
        "FINDINGS: Faint calcification is seen along the falx, and a 4 mm "
        "calcified nodule on the right side of the falx may be a small meningioma.",
        [1, 2],
    ),
    (
        "FINDINGS: Punctate calcification in the left renal cortex and a 6 mm "
        "calcified cyst in the left kidney.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", ADDED_BY_AND_A)
def test_and_a_adds_another(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions
