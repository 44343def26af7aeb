"""Classification causes by place (guide §4 rules 1 and 4): whether a
cause named in the report (surgery, transplant, an infection or injury
in another sentence) is at the finding's own place. Every sentence is
made up for these tests."""

from __future__ import annotations

import pytest

# Guide §4 rule 4: a dystrophic cause at the same place named in another
# sentence. The place is compared without its side (compared on its own) and
# the site's own name, in however many words, takes in all of the site.
# (text, the finding's exact mention, expected class)
SAME_PLACE: list[tuple[str, str, str]] = [
    ("Known old hemorrhage into the left adrenal gland. CT today: left adrenal calcification.", "left adrenal calcification", "dystrophic"),
    ("History of tuberculosis of the left lower lobe. Chest film: calcified nodule in the LLL.", "calcified nodule", "dystrophic"),
    ("Remote infarct of the right kidney. Ultrasound: small calcification in the right renal cortex.", "calcification", "dystrophic"),
    ("Old infarct in the left basal ganglia. CT: calcification in the left putamen.", "calcification", "dystrophic"),
    # another lobe, another side, another organ: no cause here
    ("History of tuberculosis of the right upper lobe. Chest film: calcified nodule in the LLL.", "calcified nodule", "indeterminate"),
    ("Old hemorrhage into the right adrenal gland. CT today: left adrenal calcification.", "left adrenal calcification", "indeterminate"),
    ("Remote infarct of the spleen. Ultrasound: small calcification in the right renal cortex.", "calcification", "indeterminate"),
    # a lesion denied now, resolved or no longer seen, explains nothing seen now
    ("The calcified hepatic granuloma of the last CT has resolved. New 2 mm calcification in the liver.", "calcification", "indeterminate"),
    ("IMPRESSION: Resolved calcified hepatic granuloma; a new punctate hepatic calcification.", "hepatic calcification", "indeterminate"),
    ("IMPRESSION: Unchanged calcified hepatic granuloma; a new punctate hepatic calcification.", "hepatic calcification", "dystrophic"),
    # a cause whose "of" phrase joins several places is at each of them, on
    # the side written on each
    ("FINDINGS: Punctate calcification in the pancreatic tail. HISTORY: Prior infarcts of the spleen and pancreas.", "calcification", "dystrophic"),
    ("FINDINGS: Coarse calcification in the right kidney. IMPRESSION: Old granulomas of the liver, spleen and right kidney.", "calcification", "dystrophic"),
    ("FINDINGS: Coarse calcification in the right kidney. IMPRESSION: Old granulomas of the liver, spleen and left kidney.", "calcification", "indeterminate"),
    # a sentence that opens with a pronoun for the lesion before it and names
    # what it is gives that lesion's calcification its cause
    ("The left ovary holds a 5 cm fat-containing mass with a coarse calcification. This is a mature cystic teratoma.", "calcification", "dystrophic"),
    # a cause another sentence gives findings at a part on both sides takes
    # in each side of that part
    ("Calcified nodule in the right upper lobe. IMPRESSION: Calcified nodules in the right upper lobe and left lower lobe, from healed histoplasmosis.", "Calcified nodule", "dystrophic"),
    # a cause on one side is not that of a structure's own normal
    # calcification written with no side (corpora/GUIDE.md, physiologic);
    # one on the finding's side still is
    (
        "HISTORY: Prior drainage of a left subdural hematoma. FINDINGS: "
        "Thin calcification of the falx.",
        "calcification",
        "indeterminate",
    ),
    (
        "HISTORY: Prior drainage of a left subdural hematoma. FINDINGS: "
        "Thin calcification along the left convexity dura.",
        "calcification",
        "dystrophic",
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SAME_PLACE)
def test_cause_at_the_same_place(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 1 (necrotic/treated tumour): what a report calls left of a
# tumour ('residual mass', 'residual omental caking', 'residual soft tissue
# rind') is a treated tumour in the finding's sentence; 'residual lumen' and
# 'no residual calcification' name none.
RESIDUAL_TUMOUR: list[tuple[str, str, str]] = [
    ("FINDINGS: Residual peritoneal implants along the left paracolic gutter with punctate calcifications.", "calcifications", "dystrophic"),
    ("FINDINGS: A 3 cm residual soft tissue rind in the anterior mediastinum now contains coarse calcifications.", "calcifications", "dystrophic"),
    ("FINDINGS: Residual pelvic sidewall mass with dense calcification, smaller than before.", "calcification", "dystrophic"),
    ("FINDINGS: Calcification in the left kidney. Residual lumen of the renal artery 3 mm.", "Calcification", "indeterminate"),
    # a tumour's involvement of an organ, or its deposits, treated
    ("FINDINGS: Punctate hepatic calcifications at sites of treated hepatic involvement.", "hepatic calcifications", "dystrophic"),
    ("FINDINGS: Coarse splenic calcifications within treated deposits.", "splenic calcifications", "dystrophic"),
    # a tumour named by its kind, as childhood tumours are, treated or residual
    ("IMPRESSION: Stable treated neuroblastoma with residual calcification.", "calcification", "dystrophic"),
    ("IMPRESSION: Treated left hepatoblastoma, now densely calcified.", "calcified", "dystrophic"),
    ("FINDINGS: Residual neuroblastoma in the left suprarenal fossa with coarse calcification.", "calcification", "dystrophic"),
    # a tumour named but not treated is no cause by this rule
    ("FINDINGS: Calcification in the left kidney. Neuroblastoma is in the differential.", "Calcification", "indeterminate"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), RESIDUAL_TUMOUR)
def test_residual_tumour_is_a_treated_tumour(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 4 (skin with a connective-tissue disease): calcinosis whose
# words and clause name no site, in a report naming such a disease, is that
# disease's calcinosis of the skin; not when its presence is hedged, nor
# without the disease, nor at a site its sentence names.
CTD_CALCINOSIS: list[tuple[str, str, str]] = [
    ("HISTORY: Diffuse scleroderma. FINDINGS: Clumped calcinosis at the tip of the left ring finger.", "calcinosis", "dystrophic"),
    ("Juvenile dermatomyositis. Radiographs: sheets of calcinosis along both thighs, stable.", "calcinosis", "dystrophic"),
    ("HISTORY: Diffuse scleroderma. ASSESSMENT: Possible early calcinosis at the left ring finger.", "calcinosis", "indeterminate"),
    ("HISTORY: Hand pain. FINDINGS: Clumped calcinosis at the tip of the left ring finger.", "calcinosis", "indeterminate"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CTD_CALCINOSIS)
def test_calcinosis_with_a_connective_tissue_disease(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 4 (a site for which the report names a local dystrophic
# cause): schistosomiasis named anywhere makes the bladder and the ureters
# dystrophic-prone, as pancreatitis does the pancreas; not another site.
SCHISTOSOMIASIS: list[tuple[str, str, str]] = [
    ("HISTORY: Treated for schistosomiasis in childhood. CT: thin calcification of the dome of the bladder wall.", "calcification", "dystrophic"),
    ("CT: linear calcification along the distal right ureter. PMH: schistosomiasis.", "calcification", "dystrophic"),
    ("CT: linear calcification along the distal right ureter. PMH: hypertension.", "calcification", "indeterminate"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SCHISTOSOMIASIS)
def test_schistosomiasis_makes_the_urinary_tract_dystrophic_prone(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 1 wants earlier surgery at the finding's place: 'postsurgical'
# before the systemic disorder the surgery left ('postsurgical
# hypoparathyroidism') names no injured tissue there.
SURGERY_AT_PLACE: list[tuple[str, str, str]] = [
    ("Pallidal and dentate calcifications, attributed to postsurgical hypoparathyroidism.", "calcifications", "indeterminate"),
    ("Dentate nucleus calcifications, likely from post-operative hypocalcemia.", "Dentate nucleus calcifications", "indeterminate"),
    # the surgery at the place still counts
    ("Postsurgical calcification in the left breast.", "Postsurgical calcification", "dystrophic"),
    ("Coarse calcification at the postoperative site in the right thigh.", "calcification", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SURGERY_AT_PLACE)
def test_surgery_cue_names_injured_tissue(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# The report's own operation is no earlier surgery (guide §4 rule 1), in a
# cue's words as in a condition's: the excision removes the calcification.
OWN_OPERATION: list[tuple[str, str, str]] = [
    ("PROCEDURE: Excision of calcified subcutaneous nodule, right forearm.\nFINDINGS: A 1 cm nodule was removed.", "calcified subcutaneous nodule", "indeterminate"),
    ("PROCEDURE PERFORMED: Resection of a calcified periarticular deposit from the right elbow.\nHISTORY: Dialysis for ESRD.", "calcified periarticular deposit", "metastatic"),
    # an earlier excision at the place still explains it
    ("Coarse calcification at the prior excision site in the right forearm.", "calcification", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), OWN_OPERATION)
def test_own_operation_is_no_cause(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# A procedure named as what something is for is planned or the report's own,
# no earlier surgery at the place (guide §4 rule 1).
PURPOSE: list[tuple[str, str, str]] = [
    ("Hypercalcemia, calcium 12.4. Abdominal aortic aneurysm of 5.1 cm with calcification of its wall, not yet large enough for repair.", "calcification", "metastatic"),
    ("Calcified subcutaneous nodule of the back, scheduled next week for excision.", "Calcified subcutaneous nodule", "indeterminate"),
    # ... or as the one a guideline or the team favors: still to come
    ("Left renal nephrocalcinosis and a right ureteral stone, for which current guidelines favor surgery.", "Left renal nephrocalcinosis", "metastatic"),
    ("Calcified subcutaneous nodule of the back; we favour excision over observation.", "Calcified subcutaneous nodule", "indeterminate"),
    # an earlier one still counts
    ("Calcification along the aortic wall at the site of the prior repair.", "Calcification", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), PURPOSE)
def test_procedure_named_as_purpose(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# guide §4 rule 1: a cause followed by "with" and a list of findings joined
# by "and" is the cause of each of them; another noun in the list stops it
WITH_LIST: list[tuple[str, str, str]] = [
    ("Healed tuberculosis with calcified left hilar nodes, and calcification in the right apex.", "calcification", "dystrophic"),
    ("Prior bilharzia with calcification of the bladder and right ureteric calcification.", "right ureteric calcification", "dystrophic"),
    ("Healed tuberculosis with calcified left hilar nodes and a new kidney mass with calcification.", "calcification", "indeterminate"),
    # articles leading the list's items are list words too
    ("Old bilharzia with a calcified bladder wall and a calcified distal right ureter.", "calcified distal right ureter", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), WITH_LIST)
def test_cause_with_a_list_of_findings(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# guide §4 rule 1: a finding a "with" gives to an earlier finding that names
# a cause, past an aside in commas, has that cause in its sentence
GIVEN_WITH: list[tuple[str, str, str]] = [
    ("Calcific constrictive pericarditis, presumably tuberculous, with thick calcification along the ventricles.", "calcification", "dystrophic"),
    ("Calcified granuloma in the left lower lobe with adjacent calcification of the pleura.", "calcification", "indeterminate"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), GIVEN_WITH)
def test_cause_of_the_finding_a_with_gives_it_to(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# guide §4 rule 4: a cause named elsewhere counts for the same site and side;
# one whose own words name its site lies at the one side its sentence writes
CAUSE_SIDE: list[tuple[str, str, str]] = [
    (
        "Over the right parietal convexity is a thin collection, compatible with an old subdural hematoma, "
        "densely calcified. A calcified extra-axial mass at the left frontal convexity is a meningioma.",
        "calcified extra-axial mass",
        "indeterminate",
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CAUSE_SIDE)
def test_cause_at_the_side_its_sentence_writes(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# guide §4 rule 4 and corpora/GUIDE.md (lesion): a cause given to a finding
# that names no place of its own (a chest film's bare 'calcified granuloma')
# is not the cause of a later finding of its section that names where it
# lies: that one is another lesion
CHEST = "EXAMINATION: Chest two views.\nFINDINGS: "


def test_bare_granuloma_lends_no_cause_to_a_placed_nodule(findings_of):
    text = CHEST + (
        "Old calcified granuloma. Lungs otherwise clear. "
        "A small nodule projects over the left lung base and is partially calcified."
    )
    found = findings_of(text)
    assert [f.classification for f in found] == ["dystrophic", "indeterminate"]


# a shared site word ('nodules') names no part: with a side it gives the
# cause to findings at that side of the whole site, without one to none
# that name a place
SHARED_WORD_CAUSES = [
    ("calcified nodules b/l upper lobes, the largest 4 mm on the right.\nIMPRESSION: b/l calcified nodules, probably healed granulomas.", ["dystrophic", "dystrophic"]),
    ("Calcified nodules, probably granulomas. A small nodule at the right lung base is partly calcified.", ["dystrophic", "indeterminate"]),
]


@pytest.mark.parametrize(("text", "classes"), SHARED_WORD_CAUSES)
def test_cause_given_by_a_shared_site_word(findings_of, text, classes):
    assert [f.classification for f in findings_of(CHEST + text)] == classes


def test_placed_cause_still_counts_at_its_place(findings_of):
    text = CHEST + (
        "Calcified nodule in the left lower lobe, consistent with a healed granuloma.\n"
        "IMPRESSION: Calcified nodule in the left lower lobe."
    )
    assert {f.classification for f in findings_of(text)} == {"dystrophic"}


# guide §4 rule 1: surgery is a local dystrophic cause only at its own place;
# a kidney or liver transplant in the sentence explains nothing in the lung
# or the shoulder, and rule 2 or 3 decides.
SURGERY_ELSEWHERE = [
    "HISTORY: ESRD.\nIMPRESSION: Fading metastatic calcification of both lungs after kidney transplantation.",
    "HISTORY: Dialysis for years.\nFINDINGS: Periarticular calcium deposits at the left shoulder, smaller since the renal transplant.",
]


@pytest.mark.parametrize("text", SURGERY_ELSEWHERE)
def test_transplant_elsewhere_is_no_local_cause(findings_of, text):
    (found,) = findings_of(text)
    assert found.classification == "metastatic"


def test_transplant_at_the_same_place_is_a_local_cause(findings_of):
    text = "HISTORY: ESRD.\nFINDINGS: Calcification in the transplanted kidney at the site of the renal transplant anastomosis."
    found = [f for f in findings_of(text) if f.site == "kidney"]
    assert found and found[0].classification == "dystrophic"


# A dystrophic cause named in another sentence at an organ's 'parenchymal'
# tissue is at the whole organ: it explains a calcification anywhere in it
# (guide §4 rule 4, a cause at that same place reported in another sentence).
def test_cause_at_the_parenchyma_is_at_the_organ(analyzer):
    text = ("FINDINGS: Several small calcifications in both cerebral hemispheres.,"
            "IMPRESSION: Old neurocysticercosis with calcified parenchymal cysts.")
    first = analyzer.analyze(text, "T").findings[0]
    assert first.classification == "dystrophic"


# Guide §4 rule 4 ('a prior left lumpectomy explains calcification in the
# left breast'): a side written on the cause's own words is the cause's,
# though its sentence names the other side for something else; a cause of
# one side explains nothing on the other, and still does on its own side.
CAUSE_WITH_ITS_OWN_SIDE: list[tuple[str, str, str]] = [
    ("HISTORY: Left scrotal swelling after a remote right orchiopexy.\nFINDINGS: A 2 mm calcification in the left testis.", "calcification", "indeterminate"),
    ("HISTORY: Left scrotal swelling after a remote right orchiopexy.\nFINDINGS: A 2 mm calcification in the right testis.", "calcification", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CAUSE_WITH_ITS_OWN_SIDE)
def test_cause_keeps_the_side_written_on_it(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 4 (a cause for the same place): a condition that makes a
# site dystrophic-prone (sites.json dystrophic_prone_if, osteoarthritis for
# cartilage) counts on its side only when the report writes one on it; a
# finding on the other side, or on both, is not at it. One with no side
# written still counts.
PRONE_IF_ON_ITS_SIDE: list[tuple[str, str, str]] = [
    ("FINDINGS: Chondrocalcinosis of the right lateral meniscus. IMPRESSION: Severe left knee osteoarthritis.", "Chondrocalcinosis", "indeterminate"),
    ("FINDINGS: Chondrocalcinosis of the left lateral meniscus. IMPRESSION: Severe left knee osteoarthritis.", "Chondrocalcinosis", "dystrophic"),
    ("FINDINGS: Meniscal chondrocalcinosis in both knees. Osteoarthritis of the right knee.", "Meniscal chondrocalcinosis", "indeterminate"),
    ("FINDINGS: Calcification of the right medial meniscus. Left medial compartment osteoarthritis.", "Calcification", "indeterminate"),
    ("FINDINGS: Chondrocalcinosis of the right lateral meniscus. History of osteoarthritis.", "Chondrocalcinosis", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), PRONE_IF_ON_ITS_SIDE)
def test_prone_if_condition_counts_on_its_side(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# ... and at its joint only when the report writes one on it: osteoarthritis
# of the hands is not at the knee the note is about; a region that is no
# joint (the fingertips of the hands named) may lie inside its region.
PRONE_IF_AT_ITS_JOINT: list[tuple[str, str, str]] = [
    ("REASON: Swollen right knee. HISTORY: Osteoarthritis of both hands. FINDINGS: Chondrocalcinosis of the menisci.", "Chondrocalcinosis", "indeterminate"),
    ("HISTORY: Hip osteoarthritis. FINDINGS: Chondrocalcinosis of the knee menisci.", "Chondrocalcinosis", "indeterminate"),
    ("REASON: Swollen right knee. HISTORY: Osteoarthritis of both knees. FINDINGS: Chondrocalcinosis of the menisci.", "Chondrocalcinosis", "dystrophic"),
    ("HISTORY: Osteoarthritis of the knees. FINDINGS: Chondrocalcinosis of the menisci.", "Chondrocalcinosis", "dystrophic"),
    ("HISTORY: Scleroderma of the hands. FINDINGS: Calcinosis of the left thumb pulp.", "Calcinosis", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), PRONE_IF_AT_ITS_JOINT)
def test_prone_if_condition_counts_at_its_joint(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 4 (a dystrophic cause at the same place in another sentence):
# a finding whose words name no lobe the cause could be matched by, restated
# as one lesion by a later finding that names its cause in its own words, is
# at that cause's place.
RESTATED_WITH_CAUSE = [
    "FINDINGS: LUNGS: A 6 mm calcified nodule in the upper lobe on the right.\n"
    "IMPRESSION: Calcified right upper lobe granuloma.",
    "FINDINGS: LUNGS: A calcified nodule in the lower lobe on the left, 5 mm.\n"
    "IMPRESSION: 1. Calcified granuloma in the left lower lobe, stable.",
]


@pytest.mark.parametrize("text", RESTATED_WITH_CAUSE)
def test_lesion_restated_with_its_cause_is_dystrophic(findings_of, text):
    first, restated = findings_of(text)
    assert first.lesion_id == restated.lesion_id
    assert (first.classification, restated.classification) == ("dystrophic", "dystrophic")
    assert first.evidence.startswith("rule4: granuloma")


# Guide §4 rules 1-2: a cause said of the finding itself ('after treatment of
# calciphylaxis') treats the mineral disorder its words name, no damaged
# tissue; a treated lesion of another name is still a local cause.
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Seen again after treatment of calciphylaxis of the calf.", "calciphylaxis", "metastatic"),
        ("Follow-up after treatment of nephrocalcinosis.", "nephrocalcinosis", "metastatic"),
        ("Calcified hilar nodes after treatment of lymphoma.", "Calcified hilar nodes", "dystrophic"),
    ],
)
def test_cause_said_of_the_finding_itself(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 1: a cause joined after the finding by 'and' with a place of
# another site right before it is another item of the list, that site's
# finding ('splenic granulomas'), not this calcification's cause; a cause
# with no place of its own, or one at the finding's own site, still is.
ANOTHER_SITES_ITEM: list[tuple[str, str, str]] = [
    ("Incidental right renal calcification and hepatic granulomas.", "right renal calcification", "indeterminate"),
    ("Punctate calcification of the pancreatic head and splenic granulomas.", "calcification", "indeterminate"),
    ("Small calcification in the left breast and axillary granulomas.", "calcification", "dystrophic"),
    ("Coarse calcification of the uterus and fibroid.", "calcification", "dystrophic"),
    # so is a cause before the finding with a place of another site before it
    ("MRI: a right parietal subdural hematoma and dense pineal calcification.", "pineal calcification", "indeterminate"),
    ("Old splenic granulomas and a punctate calcification in the left kidney.", "calcification", "indeterminate"),
    ("Uterine fibroids and coarse calcification in the uterus.", "calcification", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), ANOTHER_SITES_ITEM)
def test_cause_of_another_sites_item(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 4: the site's own name among a part's words names no other
# part ('the left lung base' is the place 'the left base' is), so a cause the
# impression gives the restated finding, hedged as a cause may be, is at the
# findings section's mention's place too; another part or side is not.
PART_WITH_THE_SITES_NAME: list[tuple[str, str]] = [
    ("FINDINGS: Few calcified nodules in the left lung base. IMPRESSION: Calcified nodules at the left base, probably healed histoplasmosis.", "dystrophic"),
    ("FINDINGS: Few calcified nodules in the left lung base. IMPRESSION: Calcified nodules at the right base, probably healed histoplasmosis.", "indeterminate"),
    ("FINDINGS: Calcified nodule at the right lung apex. IMPRESSION: Calcified nodule at the right base, sequela of old tuberculosis.", "indeterminate"),
]


@pytest.mark.parametrize(("text", "expected"), PART_WITH_THE_SITES_NAME)
def test_part_named_with_the_sites_name(findings_of, text, expected):
    assert findings_of(text)[0].classification == expected


# Guide §4 rule 1 for a relative's finding: the cause its own sentence says
# of that relative is its local cause; the patient's causes named elsewhere
# are not the relative's (rule 4 reads the patient's body).
RELATIVES_CAUSES: list[tuple[str, str]] = [
    ("HISTORY: Weight loss.\nHer father had calcified splenic lesions after histoplasmosis.", "dystrophic"),
    ("HISTORY: Weight loss.\nHer father had calcified adrenal glands after tuberculosis.", "dystrophic"),
    (
        "HISTORY: Old right frontal hematoma with dural calcification.\n"
        "FAMILY HISTORY: His sister has extensive brain calcifications.",
        "indeterminate",
    ),
    ("HISTORY: Weight loss.\nHer aunt possibly had tuberculosis and calcified adrenal glands.", "indeterminate"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVES_CAUSES)
def test_a_relatives_finding_takes_only_the_relatives_causes(findings_of, text, expected):
    (f,) = [x for x in findings_of(text) if x.family]
    assert f.classification == expected


# A finding dated to a time before a surgery ('before surgery', 'until
# surgery') was there before it: that surgery is no cause of it (guide §4
# rule 1: prior surgery at that site).
BEFORE_SURGERY: list[tuple[str, str, str]] = [
    ("Gland excised last year for hyperparathyroidism. Before surgery, the scan showed nephrocalcinosis of the left kidney.", "nephrocalcinosis", "metastatic"),
    ("Hyperparathyroidism, now treated. The medullary nephrocalcinosis is fainter than before surgery.", "medullary nephrocalcinosis", "metastatic"),
    ("Hypercalcemia. The corneal calcification is less dense than before the surgery.", "corneal calcification", "metastatic"),
    # an earlier surgery at the place still counts
    ("Coarse calcification in the right breast after surgery there.", "calcification", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), BEFORE_SURGERY)
def test_finding_before_surgery_has_no_surgical_cause(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# A definite mention naming the whole site ('the tendon calcification')
# refers back to the calcification named before at a part of that site:
# the cause given there is a cause at its place (guide §4 rule 4). Not a
# mention naming another part, nor one that is not definite.
WHOLE_SITE_BACK_REFERENCE: list[tuple[str, str, str]] = [
    ("Right knee film: calcification along the medial collateral ligament after a skiing injury. ASSESSMENT: the ligament calcification is benign.", "ligament calcification", "dystrophic"),
    ("Left knee film: calcification along the medial collateral ligament after a fall. The lateral ligament calcification is new.", "lateral ligament calcification", "indeterminate"),
    ("Left knee film: calcification along the medial collateral ligament after a fall. Ligament calcification elsewhere is new.", "Ligament calcification", "indeterminate"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), WHOLE_SITE_BACK_REFERENCE)
def test_whole_site_back_reference_takes_the_parts_cause(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# A cause at a part of an organ its sentence names in words of its own (a
# pole, a numbered segment) is not at another part, nor at a finding of
# that organ naming no part; an impression naming the cause at the whole
# organ restates it at its part (guide §4 rule 4: 'a granuloma in another
# lobe does not count').
ORGAN_PARTS: list[tuple[str, str, str]] = [
    ("LIVER: A 5 mm calcified granuloma in segment 2. A separate punctate calcification in segment 5.", "calcification", "indeterminate"),
    ("LIVER: A 5 mm calcified granuloma in segment 2. A second punctate calcification in segment 2.", "calcification", "dystrophic"),
    ("RIGHT KIDNEY: An upper pole cyst with a thin calcified rim. Lower pole: a tiny calcification without shadowing.", "calcification", "indeterminate"),
    ("Old infarct in the lower pole of the left kidney. Ultrasound: small calcification in the left lower pole.", "calcification", "dystrophic"),
    ("LEFT KIDNEY: An interpolar cyst with a thin calcified wall. Also a 2 mm cortical calcification. IMPRESSION: Calcified left renal cyst.", "cortical calcification", "indeterminate"),
    ("Old infarct in the mid-pole of the right kidney. Ultrasound: small calcification in the right upper pole.", "calcification", "indeterminate"),
    ("Old infarct in the mid-pole of the right kidney. Ultrasound: small calcification in the right mid-pole.", "calcification", "dystrophic"),
    # a part past the phrase of another organ is that organ's
    ("CT: calcified granulomas in the spleen and a calcified granuloma in segment 3 of the liver. IMPRESSION: Punctate splenic calcification.", "splenic calcification", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), ORGAN_PARTS)
def test_cause_at_another_part_of_the_organ(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# A plaque a place of the skin or soft tissue leads ('abdominal wall
# plaques', 'skin plaques') is a lesion of the skin, no atheroma: it gives
# the vessels' calcification of its sentence no atherosclerotic cause
# (guide §4 rule 1: plaque is atheroma); a vessel's plaque still does.
SKIN_PLAQUES: list[tuple[str, str, str]] = [
    ("HISTORY: End-stage renal disease on hemodialysis; secondary hyperparathyroidism. EXAM: Tender skin plaques of both thighs with vascular calcification on films.", "vascular calcification", "metastatic"),
    ("HISTORY: End-stage renal disease on hemodialysis. EXAM: Indurated flank soft tissue plaques with vascular calcification on radiographs.", "vascular calcification", "metastatic"),
    ("Calcified plaques of the superficial femoral arteries.", "Calcified plaques", "dystrophic"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SKIN_PLAQUES)
def test_skin_plaque_is_no_atheroma(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# Guide §4 rule 1: pleural calcification left by an old hemothorax (a
# hematoma of the pleural space) or an empyema (long-standing inflammation)
# has its dystrophic cause in its own sentence; a denied one is none.
PLEURAL_SPACE_CAUSES: list[tuple[str, str, str]] = [
    ("Chest radiograph: Left pleural calcification, likely sequela of prior hemothorax.", "Left pleural calcification", "dystrophic"),
    ("Right pleural thickening with calcification from an old empyema.", "calcification", "dystrophic"),
    ("CT CHEST: Dense calcification of the left pleura after a remote haemothorax.", "calcification", "dystrophic"),
    ("CT: Left fibrothorax with dense pleural calcification.", "pleural calcification", "dystrophic"),
    # denied: no cause
    ("CT: Left pleural calcification without empyema.", "Left pleural calcification", "indeterminate"),
    ("CT: Left pleural calcification. No hemothorax.", "Left pleural calcification", "indeterminate"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), PLEURAL_SPACE_CAUSES)
def test_pleural_space_cause(finding_named, text, mention, expected):
    assert finding_named(text, mention).classification == expected


# guide §4 rule 4: a thyroid nodule is dystrophic-prone, the gland as such
# is not; a multinodular gland is one of nodules (as a multinodular goiter
# is), an enlarged lobe is the gland.
THYROID_NODULES = [
    ("IMPRESSION: Multinodular thyroid with coarse calcifications bilaterally.", "dystrophic"),
    ("US THYROID: Multinodular gland. Scattered coarse calcifications.", "dystrophic"),
    ("CT NECK: Heterogeneous enlarged left thyroid lobe with coarse calcifications.", "indeterminate"),
]


@pytest.mark.parametrize(("text", "expected"), THYROID_NODULES)
def test_multinodular_thyroid_is_of_nodules(analyzer, text, expected):
    assert [f.classification for f in analyzer.analyze(text, "T").findings] == [expected]
