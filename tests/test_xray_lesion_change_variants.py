"""Whole short reports, made up in the two real export styles (terse chest
x-rays with XXXX masks, transcribed notes whose line breaks became commas),
that say one fact in the words another radiologist or transcriptionist might
use: which findings are one lesion (corpora/GUIDE.md, Descriptors: lesion),
interval change and severity words in x-ray prose, and the flags (hedges,
prior-study-only findings, questions, a denial far from its finding). The
expected values are read from the guides, not from the program."""

from __future__ import annotations

import pytest

CXR = "EXAMINATION: PA and lateral chest XXXX\n"

# GUIDE: findings at different lobes or sides are different lesions; an
# impression phrase summing several lesions of the findings is one of its
# own; the impression restating one finding in other words shares its
# number; a later finding of the same section that names a place the
# lesion before it left unsaid is another lesion.
LESIONS = [
    (
        CXR + "FINDINGS: There is a calcified granuloma in the right upper lobe. A "
        "second calcified granuloma is present in the left lower lobe.\n"
        "IMPRESSION: No acute disease. Calcified granulomas in both lungs.",
        [1, 2, 3],
    ),
    (
        CXR + "FINDINGS: Scattered calcified granulomas are present. There is also "
        "a calcified granuloma in the left apex which is unchanged from XXXX. "
        "IMPRESSION: No active disease. Scattered calcified granulomas.",
        [1, 2, 1],
    ),
    (
        CXR + "FINDINGS: Calcified right hilar lymph XXXX. Calcified granuloma in "
        "the right lower lobe. Lungs otherwise clear.\nIMPRESSION: Right lower "
        "lobe calcified granuloma and right hilar nodal calcification, sequelae "
        "of prior granulomatous infection.",
        [1, 2, 2, 1],
    ),
    (
        CXR + "FINDINGS: 8 mm densely calcified nodule in the left midlung, "
        "unchanged.\nIMPRESSION: Left midlung granulomatous calcification, stable.",
        [1, 1],
    ),
    (
        CXR + "FINDINGS: Mild calcification in the aortic knob. Calcification also "
        "projects over the left hilum, likely a calcified lymph XXXX.",
        [1, 2, 2],
    ),
    (
        CXR + "INDICATION: Evaluate for calcified nodes\nFINDINGS: No acute "
        "infiltrate, effusion, pneumothorax or calcified lymphadenopathy. Small "
        "calcified granuloma right midlung.",
        [1, 2, 3],
    ),
    (
        "DISCHARGE SUMMARY,HOSPITAL COURSE:,  Chest x-ray on admission showed "
        "right lower lobe consolidation and an incidental calcified granuloma in "
        "the left upper lobe.,DISCHARGE DIAGNOSES:,  1.  Right lower lobe "
        "pneumonia.,2.  Calcified granuloma, left upper lobe, incidental.",
        [1, 1],
    ),
    (
        "ECHOCARDIOGRAM:,  The aortic valve is trileaflet and moderately calcified "
        "with mild stenosis.  There is mitral annular calcification.,CT:,  Heavy "
        "calcification in the LAD and RCA.,ASSESSMENT:,  1.  Calcific aortic valve "
        "disease with mild aortic stenosis.",
        [1, 2, 3, 1],
    ),
    (
        "CT:,  Coarse calcifications throughout the pancreatic head and body.  "
        "Splenic artery calcification.,IMPRESSION:,  Chronic calcific pancreatitis.  "
        "Incidental splenic artery calcification.",
        [1, 2, 1, 2],
    ),
    (
        "FAMILY HISTORY:,  Father had coronary artery calcification.,CT ANGIOGRAM "
        "CHEST:,  Moderate calcified plaque in the proximal LAD.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", LESIONS)
def test_lesions_in_xray_and_note_wordings(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# GUIDE: "widespread vascular calcification" after two vessel lesions sums
# them up. A word naming the wall's disease ("atherosclerotic") names no
# place: an impression named by it and vessel words still sums up the
# aorta's and the coronary arteries' lesions, though the aorta's was called
# atherosclerotic too; after the aorta's lesion alone it restates that one.
WALL_DISEASE = [
    (
        CXR + "FINDINGS: Normal heart size. Atherosclerotic calcification of the "
        "aortic knob. Coronary artery calcifications are also noted.\n"
        "IMPRESSION: 1. No acute cardiopulmonary process. 2. Atherosclerotic "
        "vascular calcifications.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Atheromatous calcification of the thoracic aorta. Calcified "
        "plaque in the right carotid bulb.\nIMPRESSION: Atheromatous vascular "
        "calcification.",
        [1, 2, 3],
    ),
    (
        CXR + "FINDINGS: Atherosclerotic calcification of the aortic arch.\n"
        "IMPRESSION: Atherosclerotic vascular calcification.",
        [1, 1],
    ),
    (
        CXR + "FINDINGS: Atherosclerotic calcification of the aortic knob. "
        "Calcified plaque at the left carotid bifurcation.\nIMPRESSION: "
        "Atherosclerotic vascular calcification of the aortic knob.",
        [1, 2, 1],
    ),
]


# GUIDE: different sub-sites are different lesions: at the artery site the
# vessel or region a finding names ("digital arterial", "pelvic vessels")
# is its sub-site, and an impression summing them is a lesion of its own.
VESSEL_REGIONS = [
    (
        "IMAGING:,  Hand films show extensive digital arterial calcification, "
        "stable compared to prior films.  Calcified pelvic vessels on the KUB.,"
        "ASSESSMENT AND PLAN:,  1.  ESRD on PD.  2.  Vascular calcification as above.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcification of the digital arteries. Calcification of the pelvic vessels.",
        [1, 2],
    ),
    (
        "FINDINGS: Digital arterial calcification. Pelvic vascular calcification.",
        [1, 2],
    ),
]


# GUIDE: an anaphor refers back to the calcification it names: "the
# calcified plaque" after a plaque and then another vessel's calcification
# is the plaque's lesion, not the one named right before it.
HEAD_NOUN_ANAPHORS = [
    (
        "OPERATIVE FINDINGS:,  The left common femoral artery contained a calcified "
        "plaque.  The popliteal artery showed mild calcification.  The calcified "
        "plaque was removed by endarterectomy.",
        [1, 2, 1],
    ),
    (
        "OPERATIVE FINDINGS:,  The right carotid bulb had a heavily calcified plaque.  "
        "The external carotid artery was mildly calcified.  The calcified plaque "
        "was dissected free.",
        [1, 2, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", HEAD_NOUN_ANAPHORS)
def test_an_anaphor_naming_a_noun_points_back_to_its_finding(
    lesion_numbers, text, lesions
):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", VESSEL_REGIONS)
def test_vessel_regions_are_sub_sites(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions", WALL_DISEASE)
def test_a_wall_disease_word_names_no_place(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# GUIDE (span): the anatomic words between "calcified" and its head stay in
# the span ("calcified hilar lymph nodes"), a limb or pelvic vessel's too;
# the site words are the vessel's name, plural or not.
VESSEL_SPANS = [
    (
        "FINDINGS: Calcified pelvic vessels on the KUB.",
        "Calcified pelvic vessels",
        "pelvic vessels",
    ),
    (
        "FINDINGS: Heavily calcified popliteal arteries bilaterally.",
        "calcified popliteal arteries",
        "popliteal arteries",
    ),
    (
        "FINDINGS: Calcified radial arteries in both wrists.",
        "Calcified radial arteries",
        "radial arteries",
    ),
    (
        "FINDINGS: Calcified digital arteries in both hands.",
        "Calcified digital arteries",
        "digital arteries",
    ),
]


@pytest.mark.parametrize("text, mention, site_text", VESSEL_SPANS)
def test_calcified_limb_and_pelvic_vessels_keep_their_words(
    findings_of, text, mention, site_text
):
    (f,) = findings_of(text)
    assert (f.mention, f.site, f.site_text) == (mention, "artery", site_text)


# GUIDE: change words (stable: unchanged, again noted, no change in;
# decreased: less prominent; new: not seen before; resolved: no longer
# visualized), before or after the mention in its clause; a comparison line
# alone gives none, nor does another lesion's change word.
CHANGE = [
    (
        CXR + "FINDINGS: Calcified right hilar lymph XXXX, unchanged from XXXX.",
        "Calcified right hilar lymph XXXX",
        "stable",
    ),
    (
        CXR + "FINDINGS: CALCIFIED GRANULOMA IN THE LINGULA, STABLE COMPARED TO PRIOR.",
        "CALCIFIED GRANULOMA",
        "stable",
    ),
    (
        CXR + "FINDINGS: CALCIFIED LEFT HILAR LYMPH XXXX AGAIN NOTED. NO EFFUSION.",
        "CALCIFIED LEFT HILAR LYMPH XXXX",
        "stable",
    ),
    (
        CXR
        + "FINDINGS: Calcified granuloma in the right upper lobe, no interval change.",
        "Calcified granuloma",
        "stable",
    ),
    (
        CXR + "FINDINGS: Unchanged calcified granuloma in the left lower lobe.",
        "calcified granuloma",
        "stable",
    ),
    (
        CXR + "FINDINGS: The calcified right hilar lymph XXXX appear less prominent "
        "since the previous exam, likely due to positioning.",
        "calcified right hilar lymph XXXX",
        "decreased",
    ),
    (
        CXR + "FINDINGS: A 4 mm calcified nodule is now visible in the left upper "
        "lobe, not seen on the prior study.",
        "calcified nodule",
        "new",
    ),
    (
        CXR + "FINDINGS: Calcification of the aortic arch has increased since the "
        "previous exam.",
        "Calcification",
        "increased",
    ),
    (
        CXR + "FINDINGS: The previously seen calcified granuloma in the right lower "
        "lobe is no longer visualized. Heart normal.",
        "calcified granuloma",
        "resolved",
    ),
    (
        "COMPARISON: XXXX\nFINDINGS: Calcified granuloma in the right upper lobe. No acute disease.",
        "Calcified granuloma",
        "",
    ),
    (
        CXR + "FINDINGS: New left retrocardiac opacity adjacent to the calcified "
        "aortic knob.",
        "calcified aortic knob",
        "",
    ),
    (
        CXR + "FINDINGS: Interval increase in the small right pleural effusion. "
        "Calcified granuloma at the left base.",
        "Calcified granuloma",
        "",
    ),
    (
        "CT:,  Pelvic phleboliths are again noted.  No hydronephrosis.",
        "Pelvic phleboliths",
        "stable",
    ),
    (
        "X-RAY HANDS:,  Calcinosis cutis of the right index finger, increased since "
        "the previous exam.",
        "Calcinosis cutis",
        "increased",
    ),
    (
        "X-RAYS:,  Right shoulder three views: the calcific deposit in the "
        "supraspinatus tendon is smaller than on the prior films.",
        "calcific deposit",
        "decreased",
    ),
    # "not present on the XXXX exam" dates it to today: new, not denied
    (
        CXR
        + "FINDINGS: Calcified right hilar lymph XXXX, not present on the XXXX exam.",
        "Calcified right hilar lymph XXXX",
        "new",
    ),
    # a denied calcification is nothing that is new: "new" is the nodule's
    (
        CXR + "FINDINGS: The right upper lobe nodule is not calcified and is new "
        "since XXXX.",
        "calcified",
        "",
    ),
    # "stable" grades the granuloma the trailing "calcified" is said of, as
    # it does the lesion a "with" gives the calcification to
    (
        CXR + "IMPRESSION: Stable left midlung granuloma, calcified.",
        "calcified",
        "stable",
    ),
]


@pytest.mark.parametrize("text, mention, change", CHANGE)
def test_change_in_xray_wordings(finding_of, text, mention, change):
    assert finding_of(text, mention).change == change


# GUIDE: dense, extensive, heavy -> severe; mild, scattered -> mild;
# minimal -> minimal; moderately -> moderate; "atherosclerotic" grades
# nothing.
SEVERITY = [
    (
        CXR + "FINDINGS: Extensive calcification of the thoracic aorta.",
        "calcification",
        "severe",
    ),
    (
        CXR + "FINDINGS: Heavy calcification is present in the mitral annulus.",
        "calcification",
        "severe",
    ),
    (
        CXR + "FINDINGS: Minimal calcification of the tracheal cartilage.",
        "calcification",
        "minimal",
    ),
    (
        CXR + "FINDINGS: Dense calcified granuloma in the left lower lobe.",
        "calcified granuloma",
        "severe",
    ),
    (
        CXR + "FINDINGS: Scattered calcified granulomas, stable since XXXX.",
        "calcified granulomas",
        "mild",
    ),
    (CXR + "FINDINGS: Mild calcification in the aortic knob.", "calcification", "mild"),
    (
        CXR + "FINDINGS: Moderately calcified aortic knob.",
        "calcified aortic knob",
        "moderate",
    ),
    (
        CXR + "FINDINGS: Atherosclerotic calcification of the aortic knob.",
        "Atherosclerotic calcification",
        "",
    ),
    (
        CXR + "FINDINGS: The latter is densely calcified, consistent with a granuloma.",
        "calcified",
        "severe",
    ),
]


@pytest.mark.parametrize("text, mention, severity", SEVERITY)
def test_severity_in_xray_prose(finding_of, text, mention, severity):
    assert finding_of(text, mention).severity == severity


# GUIDE: uncertain (questionable, may represent, cannot be excluded,
# possible), historical only when not seen now ("old" is seen now), a
# question is hypothetical, a denial reaches the last item of its list.
FLAGS = [
    (
        CXR + "FINDINGS: Questionable calcified nodule in the right midlung.",
        "calcified nodule",
        {"uncertain"},
    ),
    (
        CXR + "FINDINGS: Left basilar opacity may represent a calcified granuloma "
        "or atelectasis.",
        "calcified granuloma",
        {"uncertain"},
    ),
    (
        CXR + "IMPRESSION: Left basilar opacity, calcified granuloma cannot be "
        "excluded.",
        "calcified granuloma",
        {"uncertain"},
    ),
    (
        CXR + "IMPRESSION: Possible calcified right lung nodule.",
        "calcified right lung nodule",
        {"uncertain"},
    ),
    (
        CXR + "FINDINGS: There is an old calcified granuloma in the right apex.",
        "calcified granuloma",
        set(),
    ),
    (
        CXR + "FINDINGS: The calcified granuloma in the left upper lobe described on "
        "the XXXX exam is not identified on today's study.",
        "calcified granuloma",
        {"negated", "historical"},
    ),
    (
        CXR
        + "FINDINGS: Calcified right hilar lymph XXXX, not present on the XXXX exam.",
        "Calcified right hilar lymph XXXX",
        set(),
    ),
    (
        CXR + "INDICATION: Evaluate for calcified nodes, cough\nFINDINGS: Clear lungs.",
        "calcified nodes",
        {"hypothetical"},
    ),
    (
        CXR + "FINDINGS: No acute infiltrate, effusion, pneumothorax or calcified "
        "lymphadenopathy.",
        "calcified lymphadenopathy",
        {"negated"},
    ),
    (
        CXR + "FINDINGS: No acute airspace disease, pleural effusion, or calcified or "
        "enlarged hilar lymph XXXX.",
        "calcified",
        {"negated"},
    ),
    (
        "FAMILY HISTORY:,  Father had coronary artery calcification and a heart "
        "attack at 52.",
        "coronary artery calcification",
        {"family"},
    ),
    (
        "SUBJECTIVE:,  On peritoneal dialysis.,ASSESSMENT AND PLAN:,  Skin exam "
        "each visit to watch for calciphylaxis.",
        "calciphylaxis",
        {"hypothetical"},
    ),
]

_FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family")


@pytest.mark.parametrize("text, mention, flags", FLAGS)
def test_flags_in_xray_and_note_wordings(finding_of, text, mention, flags):
    f = finding_of(text, mention)
    assert {k for k in _FLAGS if getattr(f, k)} == flags


# GUIDE §2: a finding takes its side from an earlier mention its sentence
# points back to ("the latter", "these microcalcifications").
ANAPHOR_SIDES = [
    (
        CXR + "FINDINGS: There is a nodular density in the right upper lobe and a "
        "second nodule at the left base. The latter is densely calcified, "
        "consistent with a granuloma.",
        "calcified",
        "left",
    ),
    (
        "THYROID ULTRASOUND:,  Right lobe: 1.8 cm solid nodule with punctate "
        "echogenic foci consistent with microcalcifications.  Left lobe: 1.1 cm "
        "nodule with peripheral eggshell calcification.  These microcalcifications "
        "raise concern.",
        "microcalcifications",
        "right",
    ),
]


@pytest.mark.parametrize("text, mention, side", ANAPHOR_SIDES)
def test_side_from_the_mention_an_anaphor_points_back_to(
    findings_of, text, mention, side
):
    last = [f for f in findings_of(text) if f.mention == mention][-1]
    assert last.laterality == side
