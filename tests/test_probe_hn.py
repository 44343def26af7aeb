"""Spine, sinus, orbit, temporal bone and dental reports: probe round hn."""

from __future__ import annotations

import pytest

# The head and neck's stones are not findings (guide §1: stones of any
# kind), by whatever name: a maxillary sinus stone is an antrolith, a
# salivary one a ptyalith too, and the '-lithiasis' forms name them as well.
HEAD_NECK_STONES = [
    "Sinus CT: Calcification in the right maxillary sinus, likely an antrolith.",
    "CT SINUSES: Antrolith within the left maxillary sinus.",
    "CT: Partially calcified antroliths in the left maxillary antrum.",
    "CT face: Calcification in the left nasal cavity, compatible with rhinolithiasis.",
    "CT neck: 3 mm calcification in Wharton duct, consistent with a ptyalith.",
    "CT orbits: Calcification in the right lacrimal sac, likely dacryolithiasis.",
]


@pytest.mark.parametrize("text", HEAD_NECK_STONES)
def test_head_and_neck_stones_are_no_findings(findings_of, text):
    assert [f.mention for f in findings_of(text)] == []


# Guards: a calcification beside such a stone, or offered as one or
# something else, stays a finding.
STONE_GUARDS = [
    (
        "CT sinus: Calcifications in the left maxillary sinus, antrolith versus fungal ball.",
        ["Calcifications"],
    ),
    (
        "CT sinus: Antrolith on the right. Calcified fungal material in the left maxillary sinus.",
        ["Calcified fungal material"],
    ),
]


@pytest.mark.parametrize(("text", "mentions"), STONE_GUARDS)
def test_calcification_beside_a_stone_stays(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions


# 'Soft tissue density' (or attenuation) grades how dense a thing looks on
# CT, as 'hyperdense' does; it names no tissue. A calcification in such
# material takes the place its clause names (a sinus or a gland outside the
# vocabulary: no site) or none, never 'soft tissue' (guide §2: site is the
# tissue the deposit sits in; a region outside the vocabulary gives none).
DENSITY_NOT_TISSUE = [
    (
        "CT SINUS: The left maxillary sinus is opacified by soft tissue density "
        "material with internal calcifications.",
        "calcifications", "", "left",
    ),
    (
        "CT NECK: Soft tissue attenuation mass in the right parotid with punctate "
        "calcification.",
        "calcification", "", "right",
    ),
    (
        "CT SINUS: Right maxillary sinus is filled with soft-tissue density containing "
        "scattered calcifications.",
        "calcifications", "", "right",
    ),
    (
        "CT SINUS: Soft tissue density within the right sphenoid sinus with central "
        "calcification.",
        "calcification", "", "right",
    ),
]

# Guards: soft tissue named as the place, or a density beside a vocabulary site.
DENSITY_GUARDS = [
    ("Soft tissue calcification in the left thigh.", "Soft tissue calcification", "soft tissue", "left"),
    ("CT NECK: Calcification in the right neck soft tissues.", "Calcification", "soft tissue", "right"),
    (
        "CT CHEST: Soft tissue density nodule in the right upper lobe with central "
        "calcification.",
        "calcification", "lung", "right",
    ),
    (
        "Soft tissue density along the left lateral chest wall with peripheral "
        "calcification, consistent with an old hematoma.",
        "calcification", "soft tissue", "left",
    ),
    (
        "CT ORBITS: Soft tissue density mass in the left orbit with calcifications.",
        "calcifications", "eye", "left",
    ),
]


@pytest.mark.parametrize(("text", "mention", "site", "side"), DENSITY_NOT_TISSUE + DENSITY_GUARDS)
def test_soft_tissue_density_names_no_tissue(findings_of, text, mention, site, side):
    got = [(f.mention, f.site, f.laterality) for f in findings_of(text)]
    assert got == [(mention, site, side)]


# The annulus a vertebral level names is a disc's (cartilage), not the
# mitral annulus: 'L2-3 calcified annulus', 'annular calcification at L4-5'
# (guide §2 site vocabulary: cartilage, the intervertebral disc; where two
# names fit, the narrower). Different levels are different lesions.
DISC_ANNULUS = [
    "LUMBAR SPINE CT. DISC LEVELS: L1-2 normal. L2-3 calcified annulus. L3-4 normal.",
    "CT L-SPINE: L4-5 posterior annular calcification.",
    "CT C-SPINE: C5-C6 annular calcification without canal stenosis.",
    "CT LUMBAR SPINE: Calcification of the annulus at L4/5.",
    "CT LUMBAR SPINE: Annular calcification at L5-S1, left posterolateral.",
    "MRI T-spine: T11-12 calcified anulus.",
]


@pytest.mark.parametrize("text", DISC_ANNULUS)
def test_annulus_at_a_vertebral_level_is_the_disc(findings_of, text):
    assert [f.site for f in findings_of(text)] == ["cartilage"]


# Guards: an annulus with no level stays the heart's.
ANNULUS_GUARDS = [
    ("CT CHEST: Dense annular calcification.", "mitral annulus"),
    ("Echo: The annulus is heavily calcified.", "mitral annulus"),
    ("CT chest: Aortic valve calcification. The aortic annulus is calcified.", "aortic valve"),
    ("CT CHEST at the T8 level: Mitral annular calcification.", "mitral annulus"),
]


@pytest.mark.parametrize(("text", "site"), ANNULUS_GUARDS)
def test_annulus_without_a_level_stays(findings_of, text, site):
    assert findings_of(text)[-1].site == site


def test_annuli_of_two_levels_are_two_lesions(findings_of):
    got = findings_of(
        "LUMBAR SPINE CT. L2-3 calcified annulus. L3-4 normal. "
        "L4-5 posterior annular calcification."
    )
    assert [f.site for f in got] == ["cartilage", "cartilage"]
    assert got[0].lesion_id != got[1].lesion_id


# A tooth's pulp is part of the tooth: its calcification (pulp stones,
# pulpal or pulp chamber calcification, a calcified pulp canal) is no
# finding (guide §1: mineral in any tissue other than bone or teeth).
DENTAL_PULP = [
    "PANORAMIC FILM: Pulp calcifications in teeth 3 and 14.",
    "CBCT: Pulpal calcification of tooth 19. No periapical lesion.",
    "PANOREX: Calcified pulp chambers of the lower incisors.",
    "CBCT: Pulp chamber calcification in the mandibular first molar.",
    "Panoramic radiograph: Diffuse pulp calcification of the maxillary molars.",
    "CBCT: Molar pulp calcifications bilaterally. Calcified pulp canal of tooth 8.",
]


@pytest.mark.parametrize("text", DENTAL_PULP)
def test_dental_pulp_calcification_is_no_finding(findings_of, text):
    assert [f.mention for f in findings_of(text)] == []


# Guards: a finger's pulp is soft tissue of the hand, and a calcification
# beside a tooth in a soft tissue stays.
PULP_GUARDS = [
    ("Hand radiograph: Digital pulp calcifications bilaterally.", ["calcifications"]),
    ("Soft tissue calcification of the thumb pulp.", ["Soft tissue calcification"]),
    ("Calcinosis in the pulp of the right index finger.", ["Calcinosis"]),
    (
        "Panoramic film: Pulp stones in the molars. Calcified carotid plaque on the left.",
        ["Calcified carotid plaque"],
    ),
]


@pytest.mark.parametrize(("text", "mentions"), PULP_GUARDS)
def test_finger_pulp_and_neck_calcifications_stay(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions


# Phthisis bulbi is a shrunken globe, a retinoblastoma a tumour of the
# retina and a cataract the lens's: each names the eye as its place (guide
# §2 site vocabulary: eye takes the globe, lens and the rest of the eye).
EYE_DISEASES = [
    ("CT ORBITS: Left phthisis bulbi with calcification.", "left"),
    ("CT HEAD: Phthisis bulbi on the right with dense calcification.", "right"),
    ("CT HEAD: Calcified retinoblastoma, left.", "left"),
    ("CT HEAD: Calcified cataract on the right.", "right"),
]


@pytest.mark.parametrize(("text", "side"), EYE_DISEASES)
def test_eye_diseases_place_the_calcification_in_the_eye(findings_of, text, side):
    assert [(f.site, f.laterality) for f in findings_of(text)] == [("eye", side)]



# An osteophyte, spur or syndesmophyte is bone: 'calcified' on it says bone
# is bone, no finding (guide §1: bone doing what bone does).
BONY_OUTGROWTHS = [
    "CT CERVICAL SPINE: Calcified osteophytes at C5-6.",
    "CT C-SPINE: Calcified left C4-5 uncovertebral osteophyte.",
    "CT L-SPINE: Calcified anterior spurs at L2-L4.",
    "XR SPINE: Calcified marginal syndesmophytes from T10 to L2.",
]


@pytest.mark.parametrize("text", BONY_OUTGROWTHS)
def test_a_calcified_osteophyte_is_bone(findings_of, text):
    assert [f.mention for f in findings_of(text)] == []


# Guards: a disc-osteophyte complex holds the disc, and a calcification
# beside an osteophyte stays.
OSTEOPHYTE_GUARDS = [
    ("CT C-SPINE: C3-4: Small calcified disc osteophyte complex.", ["calcified disc"]),
    (
        "CT C-SPINE: Calcification of the ligamentum flavum beside a facet osteophyte.",
        ["Calcification"],
    ),
    ("CT SHOULDER: Calcified tendon next to an inferior osteophyte.", ["Calcified tendon"]),
]


@pytest.mark.parametrize(("text", "mentions"), OSTEOPHYTE_GUARDS)
def test_calcification_beside_an_osteophyte_stays(findings_of, text, mentions):
    assert [f.mention for f in findings_of(text)] == mentions


def test_a_finding_next_to_an_osteophyte_is_kept(findings_of):
    got = findings_of("CT CHEST: Calcified aortic plaque abutting thoracic osteophytes.")
    assert [f.mention for f in got] == ["Calcified aortic plaque"]


# Two spinal levels, each with its side, joined by 'and' before one
# calcified disc name both sides of that one finding (guide §2: two sides
# for one finding give bilateral), as 'right hilar and left apical
# granulomas' does; the hyphen of a level ('C5-6', 'L5-S1') is part of it.
LEVELS_BOTH_SIDES = [
    "IMPRESSION: Right T11-12 and left T12-L1 calcified disc herniations.",
    "IMPRESSION: Right C5-6 and left C6-7 calcified disc protrusions.",
    "IMPRESSION: Right C5-6 and left C6-7 ligamentum flavum calcification.",
    "IMPRESSION: Right L4-5 and left L5-S1 foraminal calcified disc extrusions.",
]


@pytest.mark.parametrize("text", LEVELS_BOTH_SIDES)
def test_sided_levels_joined_before_one_finding_are_bilateral(findings_of, text):
    assert [f.laterality for f in findings_of(text)] == ["bilateral"]


# Guards: one side at two levels stays that side; a dash between clauses
# is no level.
LEVELS_ONE_SIDE = [
    ("IMPRESSION: Left C5-6 and C6-7 calcified disc protrusions.", ["left"]),
    ("IMPRESSION: Right hip - no effusion and left calcified tendon.", ["left"]),
    ("Right C5-6 disc bulge and left C6-7 calcified disc protrusion.", ["left"]),
]


@pytest.mark.parametrize(("text", "sides"), LEVELS_ONE_SIDE)
def test_one_sided_levels_stay(findings_of, text, sides):
    assert [f.laterality for f in findings_of(text)] == sides


# A finding at two levels joined by 'and' sums up the lesions of both levels
# and is a lesion of its own (corpora/GUIDE.md lesion: an impression phrase
# that sums up several lesions of the findings), as 'calcified granulomas in
# the right upper and lower lobes' is after one in each lobe.
LEVEL_SUMS = [
    "FINDINGS: Calcified disc protrusion at C5-6. Calcified disc protrusion at C6-7.\n"
    "IMPRESSION: Calcified disc protrusions at C5-6 and C6-7.",
    "FINDINGS: C5-6: calcified disc protrusion. C6-7: calcified disc protrusion.\n"
    "IMPRESSION: Calcified disc protrusions at C5-6 and C6-7.",
    "FINDINGS: Ligamentum flavum calcification at T10-11. Ligamentum flavum "
    "calcification at T11-12.\nIMPRESSION: Ligamentum flavum calcification at "
    "T10-11, T11-12.",
]


@pytest.mark.parametrize("text", LEVEL_SUMS)
def test_two_levels_summed_are_a_lesion_of_their_own(findings_of, text):
    one, two, both = findings_of(text)
    assert len({one.lesion_id, two.lesion_id, both.lesion_id}) == 3


# Guards: the impression naming one level restates that level's lesion,
# also when the findings' sentence names a second level for something else.
LEVEL_RESTATES = [
    (
        "FINDINGS: Calcified disc protrusion at C5-6. Calcified disc protrusion at C6-7.\n"
        "IMPRESSION: Calcified C6-7 disc protrusion.",
        (1, 2),
    ),
    (
        "FINDINGS: Disc space narrowing at L4-5 and L5-S1 with a calcified disc at L3-4.\n"
        "IMPRESSION: Calcified L3-4 disc.",
        (0, 1),
    ),
]


@pytest.mark.parametrize(("text", "pair"), LEVEL_RESTATES)
def test_one_level_restates_its_lesion(findings_of, text, pair):
    got = findings_of(text)
    assert got[pair[0]].lesion_id == got[pair[1]].lesion_id


# The same, with the sided levels listed after the finding.
LEVELS_AFTER = [
    "IMPRESSION: Calcified disc protrusions, right C5-6 and left C6-7.",
    "IMPRESSION: Calcified ligamentum flavum at right C5-6 and left C6-7.",
    "IMPRESSION: Calcified disc herniations at left L4-5 and right L5-S1.",
]


@pytest.mark.parametrize("text", LEVELS_AFTER)
def test_sided_levels_listed_after_one_finding_are_bilateral(findings_of, text):
    assert [f.laterality for f in findings_of(text)] == ["bilateral"]


LEVELS_AFTER_GUARDS = [
    ("IMPRESSION: Calcified disc protrusions at C5-6 and C6-7 on the right.", ["right"]),
    ("IMPRESSION: Calcified disc protrusion, right C5-6. Left C6-7 disc bulge.", ["right"]),
    ("IMPRESSION: Calcified disc at right C5-6 and a left C6-7 disc bulge.", ["right"]),
]


@pytest.mark.parametrize(("text", "sides"), LEVELS_AFTER_GUARDS)
def test_one_side_of_levels_after_stays(findings_of, text, sides):
    assert [f.laterality for f in findings_of(text)] == sides
