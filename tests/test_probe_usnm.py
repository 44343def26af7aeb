"""General ultrasound and nuclear medicine reports (abdominal, renal,
scrotal, pelvic and soft-tissue ultrasound; bone scans, parathyroid and
thyroid scintigraphy).

Every report here is fictional and written for this file. The expected
values are read from docs/guide.md and corpora/GUIDE.md, not from the
program.
"""

from __future__ import annotations

import pytest

# A grade word before the tracer's uptake grades the uptake on a scan, not
# how much calcium the finding holds (corpora/GUIDE.md, Descriptors:
# severity is "the words that grade how much calcium the finding
# describes"; "Size and count words are not severity ... nor a grade of the
# narrowing a mention names").
UPTAKE_GRADES: list[tuple[str, str, str]] = [
    ("BONE SCAN: Faint uptake in a calcified uterine fibroid.", "fibroid", ""),
    ("BONE SCAN: Mild uptake in a calcified uterine fibroid.", "fibroid", ""),
    ("Bone scan: Marked uptake in the calcified myocardium.", "myocardium", ""),
    ("Bone scan: Moderate tracer accumulation in heterotopic ossification about the left hip.", "ossification", ""),
    ("Bone scan: Mild increased radiotracer activity in a calcified hematoma of the right thigh.", "hematoma", ""),
    ("Bone scan: Heterotopic ossification about the right hip with mild uptake.", "ossification", ""),
    # guards: a grade of the calcium itself stays
    ("Bone scan: Intense uptake corresponding to dense calcification in the left gluteal soft tissues.", "calcification", "severe"),
    ("Bone scan: Mild calcification of the left thigh muscles with uptake.", "calcification", "mild"),
    ("Ultrasound: Extensive calcification of the uterine fibroid.", "calcification", "severe"),
    ("Bone scan: Uptake in the densely calcified fibroid.", "fibroid", "severe"),
]


@pytest.mark.parametrize(("text", "word", "severity"), UPTAKE_GRADES)
def test_uptake_grade_is_no_severity(finding_with, text, word, severity):
    assert finding_with(text, word).severity == severity


# The scrotum of the site vocabulary takes in the testis and the epididymis,
# two organs: a cause named at one is not "a dystrophic cause at that same
# place" for a calcification of the other (guide §4 rule 4: "a granuloma in
# another lobe explains nothing here").
SCROTAL_ORGANS: list[tuple[str, str, str]] = [
    ("Right testis: 4.0 cm. A 3 mm calcification.\nRight epididymis: 5 mm cyst.", "calcification", "indeterminate"),
    ("Left testis: 2 mm calcified focus.\nLeft epididymis: head cyst measuring 4 mm.", "calcified", "indeterminate"),
    ("Left epididymis: calcification in the tail.\nLeft testis: small infarct.", "calcification", "indeterminate"),
    ("A 4 mm calcification in the left testis. There is a left epididymal cyst.", "calcification", "indeterminate"),
    # guards: the same organ, or the whole scrotum, still explains it
    ("Left testis: 3 mm calcification.\nLeft testicle: 4 mm simple cyst.", "calcification", "dystrophic"),
    ("A 4 mm calcification in the left testis. There is a left testicular cyst.", "calcification", "dystrophic"),
    ("Left hemiscrotum: prior trauma.\nLeft testis: 3 mm calcification.", "calcification", "dystrophic"),
]


@pytest.mark.parametrize(("text", "word", "cls"), SCROTAL_ORGANS)
def test_cause_at_the_other_scrotal_organ(finding_with, text, word, cls):
    assert finding_with(text, word).classification == cls


# "Increased uptake" on a scan says the tracer gathers there more than in the
# background, no change of the calcification against an earlier study
# (corpora/GUIDE.md, Descriptors: change grades the finding against an
# earlier study; "a change word that grades another lesion noun is not the
# finding's").
UPTAKE_CHANGES: list[tuple[str, str, str]] = [
    ("BONE SCAN: Increased uptake in a calcified left adrenal mass.", "mass", ""),
    ("Bone scan: Increased tracer accumulation in heterotopic ossification about the left hip.", "ossification", ""),
    ("Bone scan: Decreased uptake in the calcified fibroid compared with the prior.", "fibroid", ""),
    ("Bone scan: Increased radiotracer activity in the calcified myocardium.", "myocardium", ""),
    # guards: a change of the calcification itself stays
    ("Bone scan: Increased calcification in the left thigh with uptake.", "calcification", "increased"),
    ("Bone scan: Uptake in the calcified fibroid, which is larger than before.", "fibroid", "increased"),
    ("Bone scan: New calcification in the left gluteal muscles with mild uptake.", "calcification", "new"),
]


@pytest.mark.parametrize(("text", "word", "change"), UPTAKE_CHANGES)
def test_uptake_change_is_no_change(finding_with, text, word, change):
    assert finding_with(text, word).change == change


# A change phrase set off by commas that only names the earlier study
# ("unchanged from prior", "stable since the last exam") dates no number: a
# size after it is still the finding's own (corpora/GUIDE.md, Descriptors:
# size_mm, "calcified nodule measuring 1.2 x 0.8 cm" -> 12).
SIZE_PAST_COMPARED: list[tuple[str, str, float | None]] = [
    ("LIVER: Coarse calcification in the left lobe, unchanged from prior, measuring 1.1 cm.", "calcification", 11),
    ("RIGHT KIDNEY: 10.1 cm. Small cortical calcification, unchanged since the prior exam, measuring 3 mm.", "calcification", 3),
    ("Splenic calcified granuloma, stable since the previous ultrasound, measuring 8 mm.", "granuloma", 8),
    ("Calcific deposit in the supraspinatus tendon, increased since XXXX, now measuring 14 mm.", "deposit", 14),
    # guards: an earlier size, or another lesion, still blocks
    ("Calcification in the right lobe, decreased from 12 mm, previously 15 mm.", "Calcification", None),
    ("Calcification in the left lobe, unchanged from prior, adjacent to a cyst measuring 2 cm.", "Calcification", None),
    ("Calcification in the left lobe, unchanged from the prior 9 mm.", "Calcification", None),
]


@pytest.mark.parametrize(("text", "word", "size"), SIZE_PAST_COMPARED)
def test_size_past_a_compared_aside(finding_with, text, word, size):
    assert finding_with(text, word).size_mm == size


# An ultrasound focus described by its echo feature ("with posterior acoustic
# shadowing", "with twinkling artifact") and then measured: the finding its
# sentence names as what the focus is takes that size (corpora/GUIDE.md,
# Descriptors: size_mm, "2 mm echogenic focus, probably a calcification" -> 2).
FOCUS_WITH_FEATURE: list[tuple[str, str, float | None]] = [
    ("Left kidney: 10.1 cm. Punctate echogenic focus with shadowing in the upper pole measuring 3 mm, consistent with a calcification.", "calcification", 3),
    ("Echogenic focus with posterior acoustic shadowing in the lower pole of the right kidney measuring 4 mm, likely a calcification.", "calcification", 4),
    ("Echogenic focus with twinkling artifact measuring 5 mm in the right renal sinus, possibly vascular calcification.", "calcification", 5),
    ("There is an echogenic focus with posterior acoustic shadowing measuring 6 mm in the spleen, consistent with a calcified granuloma.", "granuloma", 6),
    ("Hyperechoic focus with acoustic shadowing in the supraspinatus tendon measuring 9 mm, in keeping with calcific tendinosis.", "tendinosis", 9),
    # guards: a host's size, or another lesion's, is none of the finding's
    ("Echogenic focus with posterior shadowing within a 2 cm cyst, consistent with a calcification.", "calcification", None),
    ("Echogenic focus with shadowing adjacent to a cyst measuring 2 cm, consistent with a calcification.", "calcification", None),
    ("Echogenic focus measuring 3 mm with posterior shadowing, consistent with a calcification.", "calcification", 3),
]


@pytest.mark.parametrize(("text", "word", "size"), FOCUS_WITH_FEATURE)
def test_focus_with_echo_feature_sized(finding_with, text, word, size):
    assert finding_with(text, word).size_mm == size


# "without shadowing" denies the focus's shadow, not the place after it: the
# finding takes its clause's site and side (guide §2, site and side from
# context, step 2: the phrase of its own clause that says where it lies; a
# phrase that is itself negated gives none, and this one is not).
WITHOUT_SHADOWING: list[tuple[str, str, str, str]] = [
    ("Calcification without shadowing in the left testis.", "Calcification", "scrotum", "left"),
    ("Echogenic focus without posterior shadowing in the right kidney, possibly a small calcification.", "calcification", "kidney", "right"),
    ("A 3 mm echogenic focus without acoustic shadowing within the liver, likely a calcification.", "calcification", "liver", ""),
    ("Small echogenic focus without shadowing in the spleen, consistent with a calcified granuloma.", "granuloma", "spleen", ""),
    ("Echogenic focus without shadowing measuring 2 mm in the left testis, probably a calcification.", "calcification", "scrotum", "left"),
    ("Punctate calcification without twinkling artifact in the right renal sinus.", "calcification", "kidney", "right"),
    # guards: a denied place or lesion stays denied
    ("Calcified granuloma. No shadowing lesion in the liver.", "granuloma", "", ""),
    ("Calcification without a mass in the left testis.", "Calcification", "", ""),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), WITHOUT_SHADOWING)
def test_without_shadowing_denies_no_place(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# "the soft tissues of the left elbow" are the tissue about that joint: the
# vocabulary's narrower name, periarticular soft tissue (guide §2 site
# vocabulary: "when two names fit, use the narrower one"; corpora/GUIDE.md
# site: heterotopic ossification or calcinosis placed at a joint is
# periarticular soft tissue).
SOFT_TISSUES_OF_A_JOINT: list[tuple[str, str, str, str]] = [
    ("Bone scan: Increased uptake in the soft tissues of the left elbow corresponding to heterotopic ossification.", "ossification", "periarticular soft tissue", "left"),
    ("Heterotopic ossification in the soft tissues of the right hip.", "ossification", "periarticular soft tissue", "right"),
    ("Calcinosis in the soft tissues of the left elbow.", "Calcinosis", "periarticular soft tissue", "left"),
    ("Calcification in the soft tissues of the left knee.", "Calcification", "periarticular soft tissue", "left"),
    # guards: a region that is no joint, or a specific tissue, stays
    ("Calcification in the soft tissues of the left thigh.", "Calcification", "soft tissue", "left"),
    ("Calcification in the soft tissues about the right shoulder.", "Calcification", "periarticular soft tissue", "right"),
    ("Calcification in the supraspinatus tendon of the right shoulder.", "Calcification", "tendon", "right"),
]


@pytest.mark.parametrize(("text", "word", "site", "side"), SOFT_TISSUES_OF_A_JOINT)
def test_soft_tissues_of_a_joint(finding_with, text, word, site, side):
    f = finding_with(text, word)
    assert (f.site, f.laterality) == (site, side)


# A plural label of a paired organ gives both sides to the sentences under
# it (corpora/GUIDE.md laterality); a sentence that measures both sides
# ('Right 11.2 cm, left 11.0 cm.') narrows it to neither.
PLURAL_LABEL_BOTH_MEASURED: list[tuple[str, str, str]] = [
    ("KIDNEYS: Right 11.2 cm, left 11.0 cm. No nephrocalcinosis.", "nephrocalcinosis", "bilateral"),
    ("KIDNEYS: Right 11.2 cm, left 11.0 cm. Medullary nephrocalcinosis.", "nephrocalcinosis", "bilateral"),
    ("KIDNEYS: Right measures 10.5 cm and left measures 10.9 cm. No calcifications.", "calcifications", "bilateral"),
    ("TESTES: Right 4.1 cm, left 4.0 cm. Scattered microcalcifications.", "microcalcifications", "bilateral"),
    # guards: one side named narrows it; the finding's own side wins
    ("KIDNEYS: The right kidney has a cyst. Calcification in the cyst wall.", "Calcification", ""),
    ("KIDNEYS: Right 11.2 cm, left 11.0 cm. Calcification in the left lower pole.", "Calcification", "left"),
]


@pytest.mark.parametrize(("text", "word", "side"), PLURAL_LABEL_BOTH_MEASURED)
def test_plural_label_both_sides_measured(finding_with, text, word, side):
    assert finding_with(text, word).laterality == side
