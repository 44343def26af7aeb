"""A generic site naming a part of one structure ('annular calcification':
the mitral annulus with no valve named on it) takes the one structure of its
kind its sentence names before it, past a semicolon too (guide §2 site
vocabulary: 'the aortic valve shows annular calcification' is the aortic
valve's annulus)."""

from __future__ import annotations

import pytest

CASES = [
    (
        "IMPRESSION: Calcific aortic valve disease, moderate; annular "
        "calcification is also present.",
        "annular calcification",
        "aortic valve",
    ),
    (
        "Aortic valve sclerosis with mild stenosis; annular calcification noted.",
        "annular calcification",
        "aortic valve",
    ),
    # no valve named before it in its sentence: the mitral annulus
    ("Annular calcification is mild.", "Annular calcification", "mitral annulus"),
    (
        "Aortic valve sclerosis. Annular calcification is mild.",
        "Annular calcification",
        "mitral annulus",
    ),
    # its own whole named: the narrower name stays
    (
        "Mitral valve thickening; annular calcification noted.",
        "annular calcification",
        "mitral annulus",
    ),
    # led by 'the', it points back as 'the annulus' does: to the valve the
    # operation line or the sentences before named
    (
        "PROCEDURE: Aortic valve replacement with a 25 mm bioprosthesis.\n"
        "DETAILS: The native leaflets were excised. The annular calcification "
        "was removed with rongeurs.",
        "annular calcification",
        "aortic valve",
    ),
    (
        "The aortic valve is trileaflet and thickened. This annular calcification "
        "extends into the outflow tract.",
        "annular calcification",
        "aortic valve",
    ),
    # nothing named before it: still the mitral annulus
    (
        "The annular calcification is mild.",
        "annular calcification",
        "mitral annulus",
    ),
]


@pytest.mark.parametrize("text, mention, site", CASES)
def test_part_word_takes_the_structure_named_before_it(
    findings_of, text, mention, site
):
    found = {f.mention: f.site for f in findings_of(text)}
    assert found[mention] == site


DISC_ANNULUS = [
    ("L4-5: Calcification of the posterior annulus of the disc.", "cartilage"),
    ("Calcified annulus of the L5-S1 disc, unchanged.", "cartilage"),
    # a valve's annulus stays the valve's
    ("Calcification of the mitral annulus, moderate.", "mitral annulus"),
]


@pytest.mark.parametrize("text, site", DISC_ANNULUS)
def test_a_discs_annulus_is_no_valves(findings_of, text, site):
    assert [f.site for f in findings_of(text)] == [site]
