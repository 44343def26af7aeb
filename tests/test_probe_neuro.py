"""Probe round on neurology and neurosurgery notes (clinic consults and
follow-ups, neurosurgical consults and operative notes, EEG/EMG reports that
recap imaging). Made-up sentences, one row per wording; none is taken from a
real note.
"""

from __future__ import annotations

import pytest


def _conditions(analyzer, text: str) -> list[str]:
    return [c.name for c in analyzer.analyze(text, "T").conditions]


FINDING = " CT head: calcified granuloma in the left frontal lobe."

# 'Status post' before an event that is no operation (a seizure, a brain or
# cord injury, a bleed, a transient ischaemic attack, a cardiac arrest, a
# ruptured aneurysm, clot-dissolving drugs) names that event, not an earlier
# surgery (guide §3: trauma and earlier surgery; a condition is what the
# report asserts).
NOT_SURGERY = [
    "HPI: 30M s/p severe TBI in a motorcycle crash 8 months ago.",
    "55 yo woman s/p right thalamic ICH in March.",
    "Pt is s/p SAH from a ruptured PComm aneurysm, coiled.",
    "s/p generalized seizure this morning, now at baseline.",
    "s/p GTC seizure x2 overnight.",
    "Status post TIA last week with transient aphasia.",
    "s/p IV tPA at the outside hospital.",
    "62M s/p cardiac arrest, for prognostication EEG.",
    "Status post cervical SCI in 2015, C5 ASIA B.",
    "s/p ruptured AVM in 2009.",
    "Status post concussion playing football.",
]


@pytest.mark.parametrize("text", NOT_SURGERY)
def test_status_post_an_event_is_no_prior_surgery(analyzer, text):
    assert "prior surgery" not in _conditions(analyzer, text + FINDING)


# ... while 'status post' an operation, or an event's treatment by one,
# stays an earlier surgery.
STILL_SURGERY = [
    "s/p VP shunt placement for NPH.",
    "s/p C5-6 ACDF in 2018.",
    "Status post left frontal craniotomy for meningioma.",
    "s/p L4-5 laminectomy and fusion.",
    "s/p suboccipital decompression.",
    "s/p aneurysm clipping.",
]


@pytest.mark.parametrize("text", STILL_SURGERY)
def test_status_post_an_operation_stays_prior_surgery(analyzer, text):
    assert "prior surgery" in _conditions(analyzer, text + FINDING)


# A calcification that is itself the subject of 'is a consideration' or
# 'remains a possibility' is offered, not found: its presence is hedged
# (guide §2, uncertain), as with 'would be a consideration'.
OFFERED = [
    "Calcified embolus in the left M1 segment is a consideration given its density.",
    "A calcified embolus remains a possibility.",
    "Calcified thrombus within the aneurysm is also a consideration.",
    "Small calcification in the left hippocampus is a possibility.",
    "A calcified granuloma is a remote possibility.",
]


@pytest.mark.parametrize("text", OFFERED)
def test_a_calcification_named_as_a_consideration_is_uncertain(findings_of, text):
    (f,) = findings_of(text)
    assert f.uncertain and not f.negated


# A consideration that names another thing (the cause of a calcification
# seen) leaves the finding affirmed.
SEEN = [
    "Calcified lesion in the right frontal lobe; tuberculoma is a consideration.",
    "Calcified granuloma, remote TB would be a consideration.",
    "Calcified lesion in the left occipital lobe. Neurocysticercosis is a possibility.",
    "Calcified left frontal lesion, for which neurocysticercosis remains a consideration.",
]


@pytest.mark.parametrize("text", SEEN)
def test_a_consideration_of_a_cause_leaves_the_finding_affirmed(findings_of, text):
    (f,) = findings_of(text)
    assert not f.uncertain


# An imaging study that 'again shows' a calcification shows it as before:
# stable, as 'again seen' and 'again demonstrated' are (corpora/GUIDE.md,
# Descriptors, change).
AGAIN_SHOWS = [
    "Imaging again shows gyriform cortical calcification in the right parietal lobe.",
    "MRI again demonstrates the calcified granuloma in the left frontal lobe.",
    "CT today again shows basal ganglia calcifications.",
    "Repeat CT again showed the calcified meningioma.",
    "Follow-up head CT again reveals a calcified granuloma in the right frontal lobe.",
    "Her CT again revealed dense pallidal calcifications.",
]


@pytest.mark.parametrize("text", AGAIN_SHOWS)
def test_again_shows_is_stable(only, text):
    assert only(text).change == "stable"


# 'Shows' alone, or 'again' about something else, gives no change.
NO_CHANGE = [
    "CT head shows basal ganglia calcifications.",
    "She again had a seizure; CT shows a calcified granuloma in the left frontal lobe.",
]


@pytest.mark.parametrize("text", NO_CHANGE)
def test_shows_alone_gives_no_change(only, text):
    assert only(text).change == ""


# A hedge between a clinical event and a link of cause ('Seizures likely
# secondary to ...', 'Headaches, possibly related to ...') hedges that the
# calcification after the link caused the event, not that it is there
# (guide §2 uncertain: a hedge on the cause does not make it uncertain).
CAUSE_OF_AN_EVENT = [
    "Seizures likely related to the calcified granuloma in the left frontal lobe.",
    "Epilepsy probably secondary to the right frontal calcified granuloma.",
    "Focal seizures likely due to a calcified NCC lesion in the right parietal lobe.",
    "New onset seizure, likely from the left temporal calcification.",
    "Seizure disorder - likely related to old left occipital calcified lesion.",
    "Right arm radiculopathy, most likely secondary to the calcified C5-6 disc.",
    "Her headaches are possibly related to the calcified falx meningioma.",
]


@pytest.mark.parametrize("text", CAUSE_OF_AN_EVENT)
def test_a_hedged_cause_of_an_event_is_seen(findings_of, text):
    (f,) = findings_of(text)
    assert not f.uncertain and not f.negated


# An image finding before the link is read as the calcification: still
# offered, so hedged; and a hedge on the finding itself stays.
STILL_HEDGED = [
    "Hyperdensity in the left basal ganglia, likely due to calcification.",
    "Seizures. CT: focal hyperdensity, possibly related to calcification.",
    "Seizures. Possible calcification in the left temporal lobe.",
    "Seizure, likely calcified granuloma versus cavernoma in the left temporal lobe.",
]


@pytest.mark.parametrize("text", STILL_HEDGED)
def test_a_hedged_reading_of_an_image_finding_stays_uncertain(findings_of, text):
    assert findings_of(text)[-1].uncertain


# Trauma that an imaging study was done after or for is the reason for the
# study, not a cause of what the study finds (guide §4 rule 1: earlier trauma
# at that place): 'Head CT after a fall showed pineal calcification.'
STUDY_AFTER_TRAUMA = [
    "Head CT after a fall showed pineal calcification only.",
    "CT was done after a fall and showed small bilateral pallidal calcifications.",
    "Head CT performed following a fall demonstrates calcification of the falx.",
    "CT head obtained after an MVC showed basal ganglia calcifications.",
    "CT for trauma: calcified falx.",
]


@pytest.mark.parametrize("text", STUDY_AFTER_TRAUMA)
def test_trauma_a_study_was_done_for_is_no_cause(analyzer, text):
    r = analyzer.analyze(text, "T")
    assert [f.classification for f in r.findings] == ["indeterminate"]
    assert "trauma" in [c.name for c in r.conditions]  # still the patient's


# Trauma the calcification follows, or at its place, stays its cause.
TRAUMA_AT_THE_PLACE = [
    "Calcification in the left thigh after a fall.",
    "Calcified hematoma in the right thigh after a fall.",
    "Heterotopic ossification about the right hip after a fall.",
    "X-ray of the left thigh 3 months after a crush injury shows calcification "
    "in the soft tissues.",
]


@pytest.mark.parametrize("text", TRAUMA_AT_THE_PLACE)
def test_trauma_the_calcification_follows_stays_its_cause(analyzer, text):
    r = analyzer.analyze(text, "T")
    assert [f.classification for f in r.findings] == ["dystrophic"]


# Cysticercosis in the words neurology notes name it by: the adjective
# ('neurocysticercal', 'cysticercal'), the larva ('cysticercus', 'cysticerci')
# and the abbreviation 'NCC': a parasite, a dystrophic cause (guide §3).
CYSTICERCOSIS = [
    "Seizures. Calcified NCC lesion, right parietal.",
    "Epilepsy due to NCC, calcified stage. CT: punctate calcification in the left frontal lobe.",
    "Calcified neurocysticercal cyst in the right temporal lobe.",
    "Multiple calcified cysticerci in the cerebral hemispheres.",
    "Calcified cysticercus in the left parietal lobe.",
    "Calcification in the right frontal lobe, sequela of cysticercal infection.",
]


@pytest.mark.parametrize("text", CYSTICERCOSIS)
def test_cysticercosis_names(analyzer, text):
    r = analyzer.analyze(text, "T")
    assert "cysticercosis" in [c.name for c in r.conditions]
    assert r.findings[-1].classification == "dystrophic"


# 'ncc' in lower case, or a word holding the letters, names no parasite.
NOT_CYSTICERCOSIS = [
    "NCCT head: calcified granuloma in the right frontal lobe.",
    "Seen by ncc team. Calcified falx.",
]


@pytest.mark.parametrize("text", NOT_CYSTICERCOSIS)
def test_no_cysticercosis_named(analyzer, text):
    assert "cysticercosis" not in _conditions(analyzer, text)


# A cerebral hemisphere named by itself ('both hemispheres', 'left
# hemispheric') is the brain (guide §2 site vocabulary: brain tissue not
# named more precisely).
HEMISPHERES = [
    ("Multiple punctate calcified lesions scattered throughout both hemispheres.", "bilateral"),
    ("Left hemispheric tram-track calcifications.", "left"),
    ("Calcification in the right hemisphere, unchanged.", "right"),
    ("CALCIFIED CYSTS IN BOTH HEMISPHERES.", "bilateral"),
]


@pytest.mark.parametrize(("text", "side"), HEMISPHERES)
def test_a_hemisphere_is_the_brain(only, text, side):
    f = only(text)
    assert (f.site, f.laterality) == ("brain", side)


# A change or grade word on the edema, enhancement or bleeding about a
# calcification is not the calcification's ('new perilesional edema around
# the calcified granuloma'), as one on another lesion noun is not
# (corpora/GUIDE.md, Descriptors: change, severity).
GRADES_THE_SURROUNDINGS = [
    ("New edema surrounding the left frontal calcification.", "change"),
    ("Increased edema around the calcified cysticercus in the right parietal lobe.", "change"),
    ("New enhancement about the calcified lesion in the left temporal lobe.", "change"),
    ("Marked vasogenic edema around the calcified left frontal lesion.", "severity"),
    ("Mild swelling around the calcified granuloma.", "severity"),
]


@pytest.mark.parametrize(("text", "field"), GRADES_THE_SURROUNDINGS)
def test_a_grade_of_the_surroundings_is_not_the_calcification(only, text, field):
    assert getattr(only(text), field) == ""


# The calcification's own grade and change stay.
OWN_GRADES = [
    ("New calcification in the left frontal lobe without edema.", "change", "new"),
    ("Dense calcification in the right frontal lobe with surrounding edema.", "severity", "severe"),
    ("Increased calcification of the left frontal lesion; no edema.", "change", "increased"),
]


@pytest.mark.parametrize(("text", "field", "value"), OWN_GRADES)
def test_the_calcification_keeps_its_grade(only, text, field, value):
    assert getattr(only(text), field) == value


# A calcification a copula names as a lesion ('is a calcified meningioma')
# takes its site and shares its lesion number, and a word or two after the
# article that say what kind it is ('is a normal pineal gland
# calcification', 'is a small calcified granuloma') keep the link (guide §2
# step 3; corpora/GUIDE.md lesion: a finding its sentence names as what the
# one before it is shares its number).
NAMED_BY_COPULA = [
    ("The calcification seen on her CT is a normal pineal gland calcification.", "pineal gland"),
    ("The calcification is a small calcified meningioma.", "dura"),
    ("The calcification on the outside CT is a benign choroid plexus calcification.", "choroid plexus"),
    ("The left frontal calcification is an old calcified granuloma.", "brain"),
]


@pytest.mark.parametrize(("text", "site"), NAMED_BY_COPULA)
def test_a_calcification_a_copula_names_is_that_lesion(findings_of, text, site):
    first, second = findings_of(text)
    assert first.site == second.site == site
    assert first.lesion_id == second.lesion_id


# A denial or a hedge between them leaves them apart as before.
NOT_NAMED = [
    "The calcification is not a pineal gland calcification.",
]


@pytest.mark.parametrize("text", NOT_NAMED)
def test_a_denied_naming_is_no_link(findings_of, text):
    first, second = findings_of(text)
    assert first.lesion_id != second.lesion_id


# 'SDH', the subdural hematoma of neurosurgical notes, is a hematoma (a
# dystrophic cause, guide §3) at the dura (guide §2: dura takes in the
# subdural space); a mention that names it is a lesion there, not the dura's
# own physiologic calcification (corpora/GUIDE.md physiologic).
SDH = [
    ("Calcified right SDH, unchanged.", "right", False),
    ("Chronic left SDH with a calcified membrane.", "left", None),
    ("Bilateral calcified chronic SDHs.", "bilateral", False),
    ("Calcified cSDH, left.", "left", False),
]


@pytest.mark.parametrize(("text", "side", "physiologic"), SDH)
def test_sdh_is_a_hematoma_at_the_dura(analyzer, text, side, physiologic):
    r = analyzer.analyze(text, "T")
    (f,) = r.findings
    assert (f.site, f.laterality) == ("dura", side)
    if physiologic is not None:  # 'SDH with a calcified membrane': see notes
        assert f.physiologic is physiologic
    assert f.classification == "dystrophic"
    assert "hematoma" in [c.name for c in r.conditions]



# An aneurysm named alone is the aneurysm of the vessel the note named
# before it ('clipping of a left MCA bifurcation aneurysm' ... 'the aneurysm
# neck was partially calcified': artery); with no vessel named, no site
# (guide §2, site from context 4; a word several sites share).
ANEURYSM_OF_A_VESSEL = [
    ("PROCEDURE: Left pterional craniotomy for clipping of a left MCA bifurcation "
     "aneurysm.\nFINDINGS: The aneurysm neck was partially calcified.", "artery"),
    ("Left MCA aneurysm, 6 mm. The neck of the aneurysm was calcified.", "artery"),
    ("Right cavernous ICA aneurysm, 14 mm. The aneurysm wall is calcified.", "carotid artery"),
    ("Basilar tip aneurysm, coiled in 2015. The aneurysm is now densely calcified.", "artery"),
    ("Abdominal aortic aneurysm, 5.2 cm. The aneurysm has a calcified wall.", "aorta"),
]


@pytest.mark.parametrize(("text", "site"), ANEURYSM_OF_A_VESSEL)
def test_an_aneurysm_is_its_vessels(findings_of, text, site):
    assert findings_of(text)[-1].site == site


def test_an_aneurysm_with_no_vessel_named_has_no_site(only):
    assert only("The aneurysm was heavily calcified.").site == ""


# The neck as a body region still gives none ('calcification in the left
# neck'), nor takes another's.
def test_the_neck_region_stays_a_region(only):
    f = only("Punctate calcification in the left neck, unchanged.")
    assert (f.site, f.laterality) == ("", "left")


# A hyphenated word between 'calcified' and the lesion it names ('calcified
# dural-based lesion', 'calcified falx-based lesion') leaves the lesion
# named: no physiologic dural calcification (corpora/GUIDE.md physiologic:
# 'calcified dural mass' is not).
HYPHENED_LESIONS = [
    "MRI shows a calcified dural-based lesion along the left frontal convexity.",
    "Calcified falx-based lesion, unchanged.",
    "CT: calcified tentorial-based mass on the right.",
]


@pytest.mark.parametrize("text", HYPHENED_LESIONS)
def test_a_hyphenated_lesion_phrase_is_not_physiologic(only, text):
    f = only(text)
    assert f.site == "dura" and not f.physiologic


# A calcified structure a dash only sets off stays physiologic.
def test_a_dash_after_the_structure_keeps_it_physiologic(only):
    assert only("Calcified falx - no mass effect.").physiologic


# A patient's own children, grandchildren or twin are relatives ('Both of
# her children have calcified basal ganglia on CT'), as a son or a daughter
# is (guide §2 family); children in general, or the patient as a child, are
# not.
RELATIVES = [
    "Both of her children have calcified basal ganglia on CT.",
    "Her children have basal ganglia calcifications.",
    "His twin has basal ganglia calcification as well.",
    "Their offspring show brain calcifications on CT.",
    "Her grandchildren have not been scanned; her child has dentate calcification.",
]


@pytest.mark.parametrize("text", RELATIVES)
def test_own_children_are_relatives(findings_of, text):
    assert findings_of(text)[-1].family


NOT_RELATIVES = [
    "Basal ganglia calcification, seen in children with this syndrome, on her CT.",
    "As a child she had seizures; CT now shows basal ganglia calcification.",
]


@pytest.mark.parametrize("text", NOT_RELATIVES)
def test_children_in_general_are_no_relatives(findings_of, text):
    assert not findings_of(text)[-1].family


# A plan to repeat a study that follows a calcification the note has seen
# ('Will repeat CT in 6 months to monitor the calcified lesion') asks
# nothing about whether it is there; a study or score the plan names right
# after its verb is still what it will look for (guide §2 hypothetical:
# raised as a possibility to look for, not observed).
MONITORED = [
    "Will repeat CT in 6 months to monitor the calcified lesion in the left frontal lobe.",
    "We will obtain an MRI next month to characterize the calcified left frontal lesion.",
    "Will repeat head CT in one year for the calcified meningioma.",
]


@pytest.mark.parametrize("text", MONITORED)
def test_a_seen_calcification_a_plan_follows_is_not_hypothetical(only, text):
    assert not only(text).hypothetical


LOOKED_FOR = [
    "Will obtain coronary calcium score.",
    "We will repeat the calcium score in five years.",
    "Will obtain CT head to look for basal ganglia calcification.",
    "Will order a noncontrast CT to evaluate for intracranial calcification.",
]


@pytest.mark.parametrize("text", LOOKED_FOR)
def test_what_a_planned_test_looks_for_stays_hypothetical(only, text):
    assert only(text).hypothetical


# What a question or plan asks about another thing placed at a calcification
# ('rule out seizure focus near the calcified granuloma', 'evaluate for
# stenosis at the calcified plaque') leaves the calcification seen: it is
# where the thing is looked for (guide §2 hypothetical: raised as a
# possibility to look for, not observed), as a denial of such a thing leaves
# it affirmed.
ASKED_NEAR = [
    "REASON FOR STUDY: rule out seizure focus near the calcified granuloma in the left occipital lobe.",
    "Evaluate for stenosis at the calcified plaque of the left ICA.",
    "MRI to evaluate for edema around the calcified cysticercus.",
    "No edema near the calcified granuloma in the right frontal lobe.",
]


@pytest.mark.parametrize("text", ASKED_NEAR)
def test_a_thing_asked_about_near_a_calcification_leaves_it_seen(findings_of, text):
    f = findings_of(text)[-1]
    assert not f.hypothetical and not f.negated


ASKED_ITSELF = [
    "Evaluate for calcification in the basal ganglia.",
    "Rule out hemorrhage or calcification in the left thalamus.",
    "CT to look for calcification within the lesion.",
]


@pytest.mark.parametrize("text", ASKED_ITSELF)
def test_a_calcification_asked_about_stays_hypothetical(only, text):
    assert only(text).hypothetical
