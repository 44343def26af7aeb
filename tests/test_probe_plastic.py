"""Probe round on plastic, reconstructive and cosmetic surgery documents
(implant capsulectomy, fat grafting, reduction follow-up, filler granulomas,
calcinosis excision, hand surgery) and the imaging these patients get.
Made-up sentences, one row per wording; none is taken from a real note.
"""

from __future__ import annotations

import pytest


def _find(analyzer, text: str, mention: str):
    found = [f for f in analyzer.analyze(text, "T").findings if f.mention == mention]
    assert found, [f.mention for f in analyzer.analyze(text, "T").findings]
    return found[0]


def _flags(f) -> str:
    return "".join(
        letter
        for key, letter in (
            ("negated", "N"),
            ("uncertain", "U"),
            ("historical", "H"),
            ("hypothetical", "Y"),
        )
        if getattr(f, key)
    )


# Consent language: a calcification named as a risk that comes back or stays
# after the operation ('the risk of recurrent calcinosis', 'risk of residual
# calcified capsule') is a possibility weighed, not observed (guide §2,
# hypothetical), as 'risk of further calcification' is.
RECURRENCE_RISKS = [
    ("The risk of recurrent calcinosis was discussed.", "calcinosis"),
    ("There is a risk of recurrence of calcinosis after excision.", "calcinosis"),
    ("Risk of residual calcified capsule discussed.", "calcified"),
    ("She accepts the risk of recurring calcifications.", "calcifications"),
    ("Risk for recurrent calcinosis cutis reviewed with the patient.",
     "calcinosis cutis"),
]


@pytest.mark.parametrize(("text", "mention"), RECURRENCE_RISKS)
def test_recurrence_named_as_a_risk_is_hypothetical(analyzer, text, mention):
    assert _flags(_find(analyzer, text, mention)) == "Y"


# Guards: a calcification seen beside a risk of something else stays seen.
RECURRENCE_GUARDS = [
    ("Risk of rupture given the calcified capsule was discussed.", "calcified"),
    ("Risk of recurrence given the calcified capsule was discussed.", "calcified"),
    ("Recurrent calcinosis of the left index finger.", "calcinosis"),
    ("Residual calcified capsule along the chest wall.", "calcified"),
]


@pytest.mark.parametrize(("text", "mention"), RECURRENCE_GUARDS)
def test_calcification_beside_a_recurrence_risk_is_seen(analyzer, text, mention):
    assert _flags(_find(analyzer, text, mention)) == ""


def _conditions(analyzer, text: str) -> list[str]:
    return [c.name for c in analyzer.analyze(text, "T").conditions]


# Consent language: a list of complications the surgeon discussed ('Complications
# discussed: ...', '... were discussed as possible complications') names what
# may happen, not what is seen: its calcification is hypothetical (guide §2)
# and its diseases are no conditions (guide §3).
DISCUSSED_COMPLICATIONS = [
    "Complications discussed: seroma, hematoma, calcifications, fat necrosis.",
    "Complications discussed with the patient: fat necrosis and calcifications.",
    "Complications reviewed: hematoma, fat necrosis, calcifications.",
    "Risks explained: fat necrosis, oil cysts and calcifications.",
    "Fat necrosis, oil cysts and calcifications were discussed as possible "
    "complications.",
    "Calcifications were discussed as a potential risk.",
]


@pytest.mark.parametrize("text", DISCUSSED_COMPLICATIONS)
def test_discussed_complication_is_hypothetical(analyzer, text):
    f = [f for f in analyzer.analyze(text, "T").findings][0]
    assert _flags(f) == "Y"
    assert "fat necrosis" not in _conditions(analyzer, text)


# Guards: the operative note's own complications and a calcification the
# surgeon discussed because it is there stay seen.
DISCUSSED_GUARDS = [
    ("COMPLICATIONS: None. The calcified capsule was removed en bloc.", "calcified"),
    ("Complications: hematoma requiring evacuation. Calcified capsule noted.",
     "Calcified"),
    ("The calcified capsule seen on her mammogram was discussed with the patient.",
     "calcified"),
    ("Fat necrosis with calcifications was discussed with the patient.",
     "calcifications"),
]


@pytest.mark.parametrize(("text", "mention"), DISCUSSED_GUARDS)
def test_discussed_seen_calcification_stays_seen(analyzer, text, mention):
    assert _flags(_find(analyzer, text, mention)) == ""


# The fibrous capsule around a breast implant lies in the breast (guide §2,
# site vocabulary: breast tissue): a sentence that names the implant's capsule
# but not the breast ('calcification along the capsule of the right implant',
# 'capsular calcifications of the left implant', 'left implant capsule') gives
# breast, with the side written on the implant.
IMPLANT_CAPSULES = [
    ("There is a curvilinear calcification along the capsule of the right "
     "implant.", "calcification", "right"),
    ("2. Peripheral capsular calcifications of the left implant.",
     "capsular calcifications", "left"),
    ("Dense calcification of the left implant capsule.", "calcification", "left"),
    ("The capsule surrounding the right implant is densely calcified.",
     "calcified", "right"),
    ("Calcified implant capsules bilaterally.", "Calcified implant", "bilateral"),
    ("Coarse calcification of the capsule around the left tissue expander.",
     "calcification", "left"),
]


@pytest.mark.parametrize(("text", "mention", "side"), IMPLANT_CAPSULES)
def test_implant_capsule_is_breast(analyzer, text, mention, side):
    f = _find(analyzer, text, mention)
    assert (f.site, f.laterality) == ("breast", side)


# Guards: implants and capsules of other organs keep their own site or none.
CAPSULE_GUARDS = [
    ("Calcification of the peritoneal implants is noted.", "Calcification",
     "peritoneum"),
    ("Faint calcification along the capsule of the liver.", "calcification",
     "liver"),
    ("Coarse calcifications along the surgical capsule of the prostate.",
     "calcifications", "prostate"),
    ("Heterotopic ossification in the capsule around the hip prosthesis.",
     "Heterotopic ossification", "periarticular soft tissue"),
]


@pytest.mark.parametrize(("text", "mention", "site"), CAPSULE_GUARDS)
def test_other_capsules_keep_their_site(analyzer, text, mention, site):
    assert _find(analyzer, text, mention).site == site


# Counselling: a calcification said to be able to develop ('calcifications may
# develop after fat grafting') is a possibility, not seen (guide §2,
# hypothetical), as one that 'may occur' or 'may form' is.
MAY_DEVELOP = [
    ("She was counseled that calcifications may develop after fat grafting.",
     "calcifications"),
    ("Calcifications can develop in the grafted fat over time.", "Calcifications"),
    ("Coarse calcifications could also develop within the reduction scar.",
     "calcifications"),
]


@pytest.mark.parametrize(("text", "mention"), MAY_DEVELOP)
def test_calcification_that_may_develop_is_hypothetical(analyzer, text, mention):
    assert _flags(_find(analyzer, text, mention)) == "Y"


# Guards: a seen calcification described with a modal stays seen.
MAY_DEVELOP_GUARDS = [
    ("The calcifications may appear more coarse on the next study.",
     "calcifications"),
    ("Calcifications in the left breast may represent fat necrosis.",
     "Calcifications"),
    ("The calcified capsule has developed over many years.", "calcified"),
]


@pytest.mark.parametrize(("text", "mention"), MAY_DEVELOP_GUARDS)
def test_calcification_with_a_modal_stays_seen(analyzer, text, mention):
    assert "Y" not in _flags(_find(analyzer, text, mention))


# A finding whose site only the lesion it restates gives ('the calcified
# capsule' of the procedure line after the diagnosis's 'left breast implant
# ... calcified capsule') is classed at that site, as the finding that names
# it is (guide §4 rule 4: the breast is dystrophic-prone).
GIVEN_SITES = [
    "PREOPERATIVE DIAGNOSIS: Left breast implant capsular contracture, with "
    "calcified capsule.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Left en bloc "
    "capsulectomy of the calcified capsule and exchange of silicone implant.",
    "PREOP DX: Calcified right breast implant capsule.\nPROCEDURE: Right total "
    "capsulectomy. The calcified capsule was removed intact.",
]


@pytest.mark.parametrize("text", GIVEN_SITES)
def test_site_given_by_the_lesion_is_classed(analyzer, text):
    found = analyzer.analyze(text, "T").findings
    assert len(found) >= 2
    assert len({f.lesion_id for f in found}) == 1
    assert [(f.site, f.classification) for f in found] == [
        ("breast", "dystrophic")
    ] * len(found)


# Guard: a site that is not dystrophic-prone, given by the lesion, leaves the
# restating finding as its lesion's first finding was classed.
def test_site_given_by_the_lesion_not_prone_stays(analyzer):
    text = (
        "FINDINGS: Small calcification in the spleen.\n"
        "IMPRESSION: The calcification is unchanged."
    )
    found = analyzer.analyze(text, "T").findings
    assert [f.classification for f in found] == ["indeterminate"] * len(found)


# 'at risk of' names the calcification right after it as the risk, as 'risk of'
# does; a calcification given as the reason for the risk is seen (guide §2).
AT_RISK_SEEN = [
    ("She is at increased risk of recurrence because the calcified capsule could "
     "not be removed completely.", "calcified"),
    ("At high risk of rupture given the dense capsular calcification.",
     "capsular calcification"),
]


@pytest.mark.parametrize(("text", "mention"), AT_RISK_SEEN)
def test_calcification_giving_a_risk_is_seen(analyzer, text, mention):
    assert _flags(_find(analyzer, text, mention)) == ""


AT_RISK_WEIGHED = [
    ("Patients on dialysis are at risk of vascular calcification.",
     "vascular calcification"),
    ("She is at increased risk of recurrent calcinosis.", "calcinosis"),
]


@pytest.mark.parametrize(("text", "mention"), AT_RISK_WEIGHED)
def test_calcification_at_risk_of_is_hypothetical(analyzer, text, mention):
    assert _flags(_find(analyzer, text, mention)) == "Y"


# A run-in 'Postop:' heading ('Preop: ... Postop: Same') labels the note's own
# postoperative diagnosis, as 'POSTOP DX:' does: no prior surgery (guide §3:
# the operation a note reports is no earlier surgery).
POSTOP_LABELS = [
    "Preop: Calcinosis cutis, left index fingertip\nPostop: Same\n"
    "Procedure: Excision of calcium deposits, left index finger",
    "Pre-op: Calcified left breast implant capsule.\nPost-op: Same.",
    "POSTOP: Calcified right breast implant capsule.",
    "Postoperative: Calcified pilomatricoma, right cheek.",
]


@pytest.mark.parametrize("text", POSTOP_LABELS)
def test_postop_label_is_no_prior_surgery(analyzer, text):
    assert "prior surgery" not in _conditions(analyzer, text)


# Guards: an earlier operation the label's line or a sentence names stays one.
POSTOP_GUARDS = [
    "Postop: day 3 after left lumpectomy. Calcified fat necrosis.",
    "Postoperative changes of the left breast. Coarse calcifications.",
    "Status post right capsulectomy. Calcified fat necrosis.",
]


@pytest.mark.parametrize("text", POSTOP_GUARDS)
def test_earlier_operation_stays_prior_surgery(analyzer, text):
    assert "prior surgery" in _conditions(analyzer, text)
