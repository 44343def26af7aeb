"""Site and side in clinical-note style text, second round (guide §2 "Site
and side from context"): where the text does not give the finding a site or
side, the field stays empty rather than take one from another phrase.

Every fragment is made up for this file (operative notes, consults, CT /
ultrasound / echo / cath reports, discharge summaries), each class written
several ways (word order, capitals, punctuation, comma-joined exports, XXXX
masks), with rows where the side or site is the finding's own and must stay:

- a side written on a place the sentence denies ('no right pleural
  effusion', 'negative for left lower lobe pneumonia') is not the finding's;
- a finding denied as one item of a list ('No mass, calcification, or
  distortion') right after a sentence about another calcification surveys
  the study: it takes no site or side from that sentence, only a label
  line's or the exam's (on a mammogram, the breast), as it would affirmed;
- on an exam that places any finding (a mammogram), a finding denied by a
  trigger opening its sentence ('No suspicious microcalcifications.') right
  after a sentence about another calcification takes a label line's site or
  the exam's reading, not the site and side of that sentence;
- a site phrase right after a denied finding with only list words between
  ('No mass, calcification or adenopathy') is another item of the list, and
  one after 'or a' or 'versus' is another reading's ('a calcification or a
  vascular reflector': the reflector's, not the finding's);
- 'soft tissue' in the mention gives way to the specific site the clause
  names right after it ('in the gluteal muscle'), not to another lesion's
  place or a landmark;
- a line label's side is not given to a finding whose own sentence names
  another organ ('Left kidney: 11 cm. Calcified granulomas in the spleen.');
- a finding that names a lesion of its own ('Calcified granuloma.') takes no
  site or side from a sentence before about something else ('Left pleural
  effusion.'), only from one about that lesion or pointing back to it;
- 'the annulus' is the annulus of the valve named before it.
"""

from __future__ import annotations

from typing import Any

import pytest

# (text, a word of the finding's mention or '' for the note's only finding,
#  expected fields)
DENIED_PLACE: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcified granuloma in the lung, no right pleural effusion.", "", {"site": "lung", "laterality": ""}),
    ("Chest x-ray: calcified granuloma, negative for left lower lobe pneumonia.", "", {"site": "lung", "laterality": ""}),
    ("Calcified granuloma, with no left pleural effusion.", "", {"laterality": ""}),
    ("CXR XX/XX/XXXX: calcified granuloma in the lung, without right hilar mass.", "", {"site": "lung", "laterality": ""}),
    ("FINDINGS: ,Calcified granuloma in the lung. ,No pneumothorax, no right pleural effusion.", "", {"site": "lung", "laterality": ""}),
    ("CT CHEST: Calcified mediastinal lymph node, no left hilar adenopathy.", "", {"site": "lymph node", "laterality": ""}),
    ("Calcified granulomas and no left effusion.", "", {"laterality": ""}),
    ("Calcified aortic knob, heart size normal, no left effusion.", "", {"site": "aorta", "laterality": ""}),
    ("CALCIFIED GRANULOMA. CT CHEST: CALCIFIED NODE IN THE MEDIASTINUM WITHOUT A RIGHT-SIDED MASS.", "NODE", {"site": "lymph node", "laterality": ""}),
    # the side is the finding's own and stays
    ("Calcified granuloma in the left lung, no right pleural effusion.", "", {"site": "lung", "laterality": "left"}),
    ("No calcification in the left kidney.", "", {"site": "kidney", "laterality": "left"}),
    ("Punctate calcification in the right kidney without hydronephrosis.", "", {"site": "kidney", "laterality": "right"}),
    ("No pleural effusion. Calcified granuloma in the right upper lobe.", "", {"site": "lung", "laterality": "right"}),
    ("No left pleural effusion or calcified pleural plaque.", "", {"site": "pleura", "laterality": "left"}),
    ("Calcified plaque in the aorta with no change in the left iliac artery.", "", {"site": "aorta", "laterality": ""}),
    ("No suspicious calcifications in the right breast.", "", {"site": "breast", "laterality": "right"}),
    ("Vascular calcification of the left SFA without stenosis.", "", {"laterality": "left"}),
    # a place denied in the sentence before places no finding of the next,
    # a denied one included (it takes the site it would take affirmed)
    ("The legs showed no skin ulcer. No evidence of calciphylaxis.", "", {"site": "", "laterality": ""}),
    ("No right renal mass was found. Negative for calcification.", "", {"site": "", "laterality": ""}),
]

UNSPECIFIC_TISSUE: list[tuple[str, str, dict[str, Any]]] = [
    ("Soft tissue calcification in the gluteal muscle.", "", {"site": "muscle"}),
    ("CT PELVIS: soft-tissue calcifications within the left gluteus medius muscle.", "", {"site": "muscle", "laterality": "left"}),
    ("XR FOREARM,FINDINGS: ,Soft tissue calcification along the flexor tendons.", "", {"site": "tendon"}),
    ("SOFT TISSUE CALCIFICATION IN THE SUBCUTANEOUS FAT.", "", {"site": "subcutaneous tissue"}),
    ("Soft tissue calcification in the supraspinatus tendon.", "", {"site": "tendon"}),
    # another lesion's place, a landmark, a denied place: soft tissue stays
    ("Soft tissue calcifications and a lipoma in the deltoid muscle.", "", {"site": "soft tissue"}),
    ("Soft tissue calcification in the thigh, muscle edema.", "", {"site": "soft tissue"}),
    ("Soft tissue calcification near the biceps tendon.", "", {"site": "soft tissue"}),
    ("Soft tissue calcification, no mass in the muscle.", "", {"site": "soft tissue"}),
    ("Periarticular soft tissue calcification about the right shoulder.", "", {"site": "periarticular soft tissue", "laterality": "right"}),
]

OTHER_LABEL: list[tuple[str, str, dict[str, Any]]] = [
    ("Right kidney: 10 cm. Left kidney: 11 cm. Calcified granulomas in the spleen.", "", {"site": "spleen", "laterality": ""}),
    ("LEFT KIDNEY: 11.2 cm, no hydronephrosis. Coarse calcification in the pancreatic head.", "", {"site": "pancreas", "laterality": ""}),
    ("Left ovary: 3 x 2 cm, simple cyst. Calcified fibroid in the uterus.", "", {"site": "uterus", "laterality": ""}),
    ("Right lobe: 4.5 cm, homogeneous.,Calcified granuloma in the liver.", "", {"site": "liver", "laterality": ""}),
    # the labelled organ's own part, vessel or a generic word keeps the side
    ("RIGHT KIDNEY: 10 cm. Punctate calcification in the upper pole.", "", {"site": "kidney", "laterality": "right"}),
    ("RIGHT KIDNEY: 10 cm. Calcified plaque in the renal artery.", "", {"site": "artery", "laterality": "right"}),
    ("RIGHT KIDNEY: vascular calcifications.", "", {"site": "artery", "laterality": "right"}),
    ("LEFT KNEE: chondrocalcinosis of the meniscus.", "", {"site": "cartilage", "laterality": "left"}),
    ("RIGHT SHOULDER: Calcific tendinitis of the supraspinatus.", "", {"site": "tendon", "laterality": "right"}),
]

OWN_LESION: list[tuple[str, str, dict[str, Any]]] = [
    ("Left pleural effusion. Calcified granuloma.", "", {"site": "", "laterality": ""}),
    ("EXAMINATION: Chest 2 views\nFINDINGS: Left pleural effusion. Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    ("Right renal cyst. Calcified granuloma.", "", {"site": "", "laterality": ""}),
    ("US ABDOMEN: Left renal cyst, 2 cm. Calcified granuloma.", "", {"laterality": ""}),
    ("CT CHEST: Right hilar adenopathy. Calcified nodule.", "", {"site": "lung", "laterality": ""}),
    ("Right adrenal adenoma, 1 cm. CALCIFIED GRANULOMAS.", "", {"site": "", "laterality": ""}),
    # the same lesion named before, or a sentence pointing back, keeps it
    ("Right breast mass. Calcified mass at 10 o'clock.", "", {"site": "breast", "laterality": "right"}),
    ("Left thyroid nodule. Microcalcifications cannot be excluded.", "", {"site": "thyroid", "laterality": "left"}),
    ("Two masses in the left ovary. One mass is calcified.", "", {"site": "ovary", "laterality": "left"}),
    ("EXAM: Chest PA and lateral.\nFINDINGS: Opacity at the left apex. It likely represents a calcified granuloma.", "", {"site": "lung", "laterality": "left"}),
]

# 'the annulus' with no valve on it is the annulus of the valve the note
# names in its sentence or the sentences or operation line before it: the
# aortic valve's is the aortic valve, the mitral valve's the mitral annulus
# (its narrower name), another valve's a heart valve; a disc's is none.
VALVE_PART: list[tuple[str, str, dict[str, Any]]] = [
    ("PROCEDURE: Mitral valve replacement.\nFINDINGS: The calcified annulus was debrided.", "", {"site": "mitral annulus"}),
    ("OPERATION: Aortic valve replacement. The leaflets were excised, and the annulus, which was also calcified, was debrided.", "", {"site": "aortic valve"}),
    ("Mitral: thin leaflets; annulus heavily calcified.", "", {"site": "mitral annulus"}),
    ("ECHO: The aortic valve leaflets are thickened. The annulus is calcified.", "", {"site": "aortic valve"}),
    ("PROCEDURE: Tricuspid valve repair. The annulus was calcified.", "", {"site": "heart valve"}),
    ("Discectomy at C5-C6. The annulus fibrosus was opened and a calcified fragment was removed.", "", {"site": ""}),
]

# 'suprarenal' names the adrenal gland (guide §2 vocabulary); the
# suprarenal aorta stays the aorta.
SUPRARENAL: list[tuple[str, str, dict[str, Any]]] = [
    ("CT: A 4 cm left suprarenal mass with coarse calcification.", "", {"site": "adrenal gland", "laterality": "left"}),
    ("CT: Triangular calcification in the right suprarenal region.", "", {"site": "adrenal gland", "laterality": "right"}),
    ("CT: Calcified plaque of the suprarenal aorta.", "", {"site": "aorta"}),
]

ROWS = DENIED_PLACE + UNSPECIFIC_TISSUE + OTHER_LABEL + OWN_LESION + VALVE_PART + SUPRARENAL

# (text, the finding's exact mention, expected fields)
DENIED_LIST: list[tuple[str, str, dict[str, Any]]] = [
    ("FINDINGS: Mild vascular calcifications. No suspicious mass, calcification, or distortion.", "calcification", {"site": "", "laterality": ""}),
    ("Calcified granuloma in the right lung. No mass, calcification or effusion.", "calcification", {"site": "", "laterality": ""}),
    ("Calcified granulomas in both lungs. No mass, calcification or effusion.", "calcification", {"site": "", "laterality": ""}),
    # on a mammogram the exam gives it the breast, as it would affirmed (a
    # denial never changes the site), and only the exam's or a label's side
    ("MAMMO XXXX,FINDINGS: Benign vascular calcifications in the left breast.,No suspicious mass, distortion or calcifications.", "calcifications", {"site": "breast", "laterality": ""}),
    ("LEFT DIAGNOSTIC MAMMOGRAM\nFINDINGS: Coarse dystrophic calcifications at the scar. No suspicious mass, calcification or distortion.", "calcification", {"site": "breast", "laterality": "left"}),
    ("BILATERAL SCREENING MAMMOGRAM\nFINDINGS: Skin calcifications in both breasts. No suspicious calcifications, masses or distortion.", "calcifications", {"site": "breast", "laterality": ""}),
    ("CT: Aortic calcification. Negative for mass, calcification, lymphadenopathy.", "calcification", {"laterality": ""}),
    # a label line, a sentence about the organ, or its own words still give it
    ("Pancreas: coarse calcifications in the head. No mass or calcification.", "calcification", {"site": "pancreas"}),
    ("The right kidney is small. No stones or calcification.", "calcification", {"site": "kidney", "laterality": "right"}),
    ("Calcified granuloma in the right lung. No effusion or calcification in the left lung.", "calcification", {"site": "lung", "laterality": "left"}),
    # 'no other' surveys the rest of the study: no place of the one before
    ("Calcified granuloma in the right lung. No other calcification.", "calcification", {"site": "", "laterality": ""}),
    # a site phrase after it, with list words only between, is another item
    ("No mass, calcification or adenopathy.", "calcification", {"site": ""}),
    ("CT ABDOMEN: Calcified granuloma in the spleen. No mass, calcification or adenopathy.", "calcification", {"site": ""}),
    ("Negative for mass, calcification or lymphadenopathy.", "calcification", {"site": ""}),
    ("No calcification or pleural thickening.", "calcification", {"site": ""}),
    ("NO FREE FLUID, CALCIFICATION, OR LYMPHADENOPATHY.", "CALCIFICATION", {"site": ""}),
    # another finding denied after 'or' keeps its place and side words
    # ('hilar' is the adenopathy's): the mention takes the exam's reading
    ("CHEST RADIOGRAPH: No calcified granulomas or mediastinal adenopathy.", "calcified granulomas", {"site": "lung", "laterality": ""}),
    ("No calcified granuloma or left hilar mass.", "calcified granuloma", {"laterality": ""}),
    ("No calcified granulomas or right pleural effusion.", "calcified granulomas", {"laterality": ""}),
    ("No calcified pleural plaques or hilar lymphadenopathy.", "calcified pleural plaques", {"site": "pleura"}),
    ("No calcified nodule in the left lung or hilar adenopathy.", "calcified nodule", {"site": "lung", "laterality": "left"}),
    # ... after 'nor', or a comma of a list that goes on, as after 'or'
    ("CHEST FILM: Neither calcified granulomas nor hilar adenopathy.", "calcified granulomas", {"site": "lung"}),
    ("Neither calcified granuloma nor right hilar adenopathy.", "calcified granuloma", {"laterality": ""}),
    ("No calcified granuloma, left hilar adenopathy or effusion.", "calcified granuloma", {"laterality": ""}),
    ("CHEST FILM: No calcified granulomas, mediastinal adenopathy or effusion.", "calcified granulomas", {"site": "lung"}),
    # ... but a place phrase, a comma alone or a site before it is its own
    ("No pleural plaques or calcification.", "calcification", {"site": "pleura"}),
    ("No suspicious calcifications, right breast.", "calcifications", {"site": "breast", "laterality": "right"}),
    ("No stenosis, calcification or thrombus in the vertebral artery.", "calcification", {"site": "artery"}),
    ("No calcification or stones in the left kidney.", "calcification", {"site": "kidney", "laterality": "left"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), ROWS)
def test_note_site_more(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


@pytest.mark.parametrize(("text", "mention", "expected"), DENIED_LIST)
def test_denied_list_item(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# (text, the finding's exact mention, expected fields)
ANOTHER_READING: list[tuple[str, str, dict[str, Any]]] = [
    ("RENAL ULTRASOUND\nFINDINGS: A 2 mm bright focus in the right renal cortex may be a tiny calcification or a vascular reflector.", "calcification", {"site": "kidney", "laterality": "right"}),
    ("Echogenic focus in the liver, calcification versus vascular flow artifact.", "calcification", {"site": "liver"}),
    ("US THYROID: Bright foci in the left lobe nodule, microcalcifications or a vascular artifact.", "microcalcifications", {"site": "thyroid", "laterality": "left"}),
    ("ASSESSMENT: Painful violaceous plaque of the right thigh, calciphylaxis versus an arterial ulcer.", "calciphylaxis", {"site": ""}),
    # sites joined by 'or' with no article of their own are the finding's
    ("Dense calcification of the aorta or iliac arteries.", "calcification", {"site": "aorta"}),
    ("Calcified focus in the spleen vs. a splenic artery aneurysm.", "Calcified focus", {"site": "spleen"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), ANOTHER_READING)
def test_site_of_another_reading_is_not_the_findings(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


DENIAL_OPENS_SENTENCE: list[tuple[str, str, dict[str, Any]]] = [
    ("BILATERAL SCREENING MAMMOGRAM\nFINDINGS: Benign round calcifications in the right breast, unchanged. No suspicious microcalcifications.", "microcalcifications", {"site": "breast", "laterality": ""}),
    ("Screening mammogram, both sides.\nFindings: Breast arterial calcifications on the left. No dominant mass or clustered calcifications.", "calcifications", {"site": "breast", "laterality": ""}),
    ("MAMMOGRAPHY BILATERAL\nCOARSE CALCIFICATION, LEFT BREAST, STABLE. NO SUSPICIOUS CALCIFICATIONS SEEN.", "CALCIFICATIONS", {"site": "breast", "laterality": ""}),
    # the side of a one-sided exam, a label line or its own words still count
    ("MAMMOGRAM, LEFT\nFINDINGS: Coarse calcification in the upper outer quadrant, stable. No suspicious calcifications.", "calcifications", {"site": "breast", "laterality": "left"}),
    ("BILATERAL SCREENING MAMMOGRAM\nRIGHT BREAST: Benign round calcification. No suspicious calcifications.", "calcifications", {"site": "breast", "laterality": "right"}),
    ("BILATERAL SCREENING MAMMOGRAM\nFINDINGS: Benign round calcification in the right breast. No suspicious calcifications in the left breast.", "calcifications", {"site": "breast", "laterality": "left"}),
    # with no exam that places it, the sentence before still does
    ("CT NECK: Calcified plaque at the right carotid bulb. No calcification on the left.", "calcification", {"site": "carotid artery", "laterality": "left"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), DENIAL_OPENS_SENTENCE)
def test_denial_opening_sentence_surveys_exam(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# A calcification word led by 'the' / 'these' whose sentence names no place
# points back to the calcifications named before in that word, across
# headings (guide §2 step 4): their site and side, where every earlier one
# that is not denied agrees; the last finding of each text is checked.
POINTED_BACK: list[tuple[str, dict[str, Any]]] = [
    ("REASON: Suspicious calcifications, left breast.\nPROCEDURE: Wire localization was done. The calcifications were excised.", {"site": "breast", "laterality": "left"}),
    ("INDICATION: Right breast microcalcifications at 10 o'clock.\nFINDINGS: These microcalcifications are grouped and amorphous.", {"site": "breast", "laterality": "right"}),
    ("HISTORY: Punctate calcification in the left kidney on CT.\nULTRASOUND:\nThe calcification measures 4 mm.", {"site": "kidney", "laterality": "left"}),
    ("PANCREAS: Coarse calcifications in the head.\nVESSELS: Aortic calcification.\nIMPRESSION: These calcifications are new.", {"site": "pancreas", "laterality": ""}),
    # a denied mention in that word names none the pointing word can mean
    ("HISTORY: Punctate calcification in the left kidney on CT. Spleen: no calcification.\nPROCEDURE: Lithotripsy was done. The calcification fragmented well.", {"site": "kidney", "laterality": "left"}),
    ("HISTORY: Tendon calcification of the left shoulder on film. The right shoulder shows no calcification.\nPROCEDURE: The bursa was entered. The calcification was lavaged.", {"site": "tendon", "laterality": "left"}),
    # earlier ones that disagree, or none with a place, or no pointing word
    ("HISTORY: Calcifications in the right breast and calcifications in the left breast.\nFINDINGS: The calcifications were sampled.", {"laterality": ""}),
    ("HISTORY: Calcifications on a prior study.\nFINDINGS: The calcifications are stable.", {"site": "", "laterality": ""}),
    ("HISTORY: Calcifications in the left breast.\nFINDINGS: Calcifications are seen.", {"site": "", "laterality": ""}),
]


@pytest.mark.parametrize(("text", "expected"), POINTED_BACK)
def test_calcification_pointed_back(findings_of, text, expected):
    f = findings_of(text)[-1]
    assert {name: getattr(f, name) for name in expected} == expected


# 'its wall' in a sentence naming no site of its own is the wall of the
# lesion its sentence names before it ('the infrarenal aneurysm ..., with
# calcification of its wall'): the vessel named right before that lesion
# noun earlier in the note, not an organ its section named before.
WALL_OF_ITS_LESION: list[tuple[str, str, dict[str, Any]]] = [
    ("INDICATION: Follow-up of abdominal aortic aneurysm.\nFINDINGS: The liver is unremarkable.\nIMPRESSION: The infrarenal aneurysm measures 5.2 cm, with dense calcification of its wall.", "calcification", {"site": "aorta"}),
    ("HISTORY: Known left common iliac artery aneurysm.\nFINDINGS: Spleen normal. The aneurysm now measures 3.1 cm, with calcification of its wall.", "calcification", {"site": "artery"}),
    ("INDICATION: Follow-up of abdominal aortic aneurysm.\nFINDINGS: Liver normal. The aneurysm sac holds mural clot and its wall shows dense calcification.", "calcification", {"site": "aorta"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), WALL_OF_ITS_LESION)
def test_its_wall_is_the_wall_of_the_lesion_named_before(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A joint that leads by 'with' straight to the mention, only an article
# between, has the calcification as its own: the tissue about the joint
# (guide §2 vocabulary: periarticular soft tissue), as 'right shoulder
# calcification' does; a site of the vocabulary the clause names still wins.
JOINT_WITH_MENTION: list[tuple[str, str, dict[str, Any]]] = [
    ("FINDINGS: Degenerative change of the right shoulder with a calcific density near the greater tuberosity.", "calcific", {"site": "periarticular soft tissue", "laterality": "right"}),
    ("FINDINGS: Osteoarthritis of both knees with calcific densities.", "calcific", {"site": "periarticular soft tissue", "laterality": "bilateral"}),
    ("XR: Arthritic change of the left shoulder with calcification.", "calcification", {"site": "periarticular soft tissue", "laterality": "left"}),
    ("FINDINGS: Prior surgery of the left hip with a calcific density in the gluteal muscle.", "calcific", {"site": "muscle"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), JOINT_WITH_MENTION)
def test_joint_with_mention_is_the_tissue_about_it(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A disease of the lung's vessels named as the cause of a finding
# ('pulmonary hypertension', 'pulmonary embolism') names no place: a vessel's
# wall calcification beside it is the vessel's (artery), not the lung's; a
# lung finding beside it stays the lung's.
PULMONARY_VASCULAR_DISEASE: list[tuple[str, str, dict[str, Any]]] = [
    ("CT CHEST: Main pulmonary artery widened from pulmonary hypertension, with mural calcification.", "mural", {"site": "artery", "laterality": ""}),
    ("Pulmonary trunk dilated (pulmonary arterial HTN) with calcification of its wall.", "calcification", {"site": "artery"}),
    ("IMPRESSION: Enlarged pulmonary arteries due to chronic pulmonary emboli; mural calcification.", "mural", {"site": "artery"}),
    ("Calcified nodule in the left lower lobe. Known pulmonary hypertension.", "nodule", {"site": "lung", "laterality": "left"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), PULMONARY_VASCULAR_DISEASE)
def test_pulmonary_vascular_disease_names_no_place(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A lobe's name that qualifies the scalp, a skull bone or a sinus ('the left
# parietal scalp', 'the right temporal bone') names a place outside the brain
# and outside the vocabulary: no site, though its side stays (guide §2: a
# region outside the vocabulary gives no site). A cephalohematoma lies under
# the periosteum outside the skull, in the soft tissues of the head: its
# calcification is soft tissue, not brain. The lobe itself stays the brain's.
OUTSIDE_THE_SKULL: list[tuple[str, str, dict[str, Any]]] = [
    ("CT HEAD: Small calcified nodule within the left parietal scalp.", "", {"site": "", "laterality": "left"}),
    ("Calcified focus of the right temporal bone, unchanged.", "", {"site": "", "laterality": "right"}),
    ("SKULL XR: calcified lesion in the Frontal Bone.", "", {"site": ""}),
    ("Calcified mucus in the left frontal sinus.", "", {"site": "", "laterality": "left"}),
    ("Newborn with a calcified cephalohematoma over the right parietal bone.", "", {"site": "soft tissue", "laterality": "right"}),
    ("US HEAD: Scalp swelling with an eggshell rim of calcification, compatible with an old cephalhematoma.", "calcification", {"site": "soft tissue"}),
    # the lobe, or a lobe word on its own, is still the brain
    ("CT HEAD: Punctate calcification in the left parietal lobe.", "", {"site": "brain", "laterality": "left"}),
    ("Dense calcified focus, right temporal, likely an old granuloma.", "", {"site": "brain", "laterality": "right"}),
    ("Calcified right frontal lesion with no edema.", "", {"site": "brain", "laterality": "right"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), OUTSIDE_THE_SKULL)
def test_lobe_word_on_scalp_bone_or_sinus_is_not_brain(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A site phrase that names a disease of its structure ('aortic sclerosis',
# 'mitral stenosis') is another finding, not a place word coordinated with
# the mention's own (guide §1: the span is the calcification phrase with its
# anatomic words; §2: a clause about another structure gives no site): the
# mention is the phrase after the 'and', with its own site. Place words
# coordinated before a mention stay in it, the first naming the site.
DISEASE_BEFORE_AND: list[tuple[str, str, dict[str, Any]]] = [
    ("HISTORY: Followed for aortic sclerosis and mitral annular calcification.", "mitral annular calcification", {"site": "mitral annulus"}),
    ("Echo last year: mitral stenosis and aortic valve calcification.", "aortic valve calcification", {"site": "aortic valve"}),
    ("Known aortic regurgitation and mitral annular calcification, stable.", "mitral annular calcification", {"site": "mitral annulus"}),
    ("CT HEAD: Basal ganglia and subcortical calcifications.", "Basal ganglia and subcortical calcifications", {"site": "basal ganglia"}),
]


@pytest.mark.parametrize(("text", "mention", "expected"), DISEASE_BEFORE_AND)
def test_valve_disease_before_and_is_not_the_mentions_place(finding_named, text, mention, expected):
    f = finding_named(text, mention)
    assert {name: getattr(f, name) for name in expected} == expected


# Two sides written on the places of one finding make it bilateral (guide
# §2), also where each place is named through a part of it in plain words
# ('the tips of the left thumb and the right ring finger', 'the distal
# phalanges of ...', 'the lateral segment of ... and the posterior segment
# of ...'), or where the joined place has a place word of its own ('... and
# over the palmar aspect of the right ring finger'). A side written on another finding joined by 'and' ('a right ICA
# stenosis', 'right wrist swelling') stays that finding's.
PART_OF_SIDED_PLACES: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcinosis cutis at the tips of the left thumb and the right ring finger.", "", {"laterality": "bilateral"}),
    ("HAND XR: calcinosis cutis in the soft tissues of the distal phalanges of the left middle finger and right thumb.", "", {"laterality": "bilateral"}),
    ("CT CHEST: Calcified nodules in the lateral segment of the right middle lobe and the posterior segment of the left lower lobe.", "", {"site": "lung", "laterality": "bilateral"}),
    # the joined place led by a place word of its own
    ("Calcinosis at the tip of the left thumb and over the palmar aspect of the right ring finger.", "", {"laterality": "bilateral"}),
    ("Calcinosis cutis over the left elbow and along the right forearm.", "", {"laterality": "bilateral"}),
    # one side only, or the other side on another finding
    ("Calcinosis cutis at the tips of the left thumb and index finger.", "", {"laterality": "left"}),
    ("Calcinosis at the tip of the left thumb and at the base of the same finger.", "", {"laterality": "left"}),
    ("Calcinosis cutis over the left elbow and over the right knee effusion.", "", {"laterality": "left"}),
    ("Calcinosis cutis at the tip of the left thumb and right wrist swelling.", "", {"laterality": "left"}),
    ("Calcified plaque at the origin of the left ICA and a right ICA stenosis.", "", {"site": "carotid artery", "laterality": "left"}),
    # two modifiers joined by 'and' after the side word keep the place chain
    ("Radiographs show calcinosis in the soft tissues of the left ring and little fingertips and over both knees.", "", {"laterality": "bilateral"}),
    ("Calcinosis cutis of the right index and middle fingers and the left thumb.", "", {"site": "skin", "laterality": "bilateral"}),
    ("Calcinosis cutis of the right index and middle fingers.", "", {"site": "skin", "laterality": "right"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), PART_OF_SIDED_PLACES)
def test_sides_on_places_named_through_a_part(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A site phrase written on another finding that no calcification lies in
# ('Right lower lobe pneumonia.', 'Left pleural effusion.') is that finding's
# place: the sentence after it does not go on about the place, so a finding
# there that names none takes neither its site nor its side (guide §2: a
# clause about another structure gives neither). A sentence about an organ or
# a lesion that may hold the calcification still gives them.
OTHER_FINDING_BEFORE: list[tuple[str, str, dict[str, Any]]] = [
    ("Right lower lobe pneumonia. Known calciphylaxis.", "", {"site": "", "laterality": ""}),
    ("IMPRESSION: Left pleural effusion. Calciphylaxis is suspected clinically.", "", {"site": "", "laterality": ""}),
    ("Left lower lobe atelectasis. Scattered calcifications.", "", {"site": "", "laterality": ""}),
    # the bowel gas pattern is the gas's finding: a survey after it is not in the bowel
    ("Bowel gas pattern normal. No abnormal calcifications.", "", {"site": "", "laterality": ""}),
    ("KUB: Nonobstructive bowel gas pattern. Calcification is noted.", "", {"site": "", "laterality": ""}),
    # an organ, a lesion or a site of its own sentence keeps its place
    ("Right renal cyst, 2 cm. Peripheral calcification is seen.", "", {"site": "kidney", "laterality": "right"}),
    ("The left kidney is small. Punctate calcification.", "", {"site": "kidney", "laterality": "left"}),
    ("Right lower lobe pneumonia. Calcified granuloma in the left upper lobe.", "", {"site": "lung", "laterality": "left"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), OTHER_FINDING_BEFORE)
def test_place_of_another_finding_before_is_not_carried(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# An operation named on the note's exam line ('PROCEDURE: Left shoulder
# arthroscopy') is no study: the operated part's side is clinical context,
# so findings on other lines take none from it (guide §2 step 5 gives the
# side of a one-sided study); a finding on that line itself, a one-sided
# study the finding's own sentence names ('Radiographs of the right knee
# showed ...') and a one-sided exam line still give it.
OPERATION_SIDE: list[tuple[str, str, dict[str, Any]]] = [
    ("PREOPERATIVE DIAGNOSIS: Calcific tendinitis.\nPROCEDURE: Left shoulder arthroscopy with debridement.\nFINDINGS: A chalky calcium deposit was found in the infraspinatus tendon.", "deposit", {"site": "tendon", "laterality": ""}),
    ("PROCEDURE: Right knee arthroscopy and partial meniscectomy.\nFINDINGS: Crystalline deposits coated the lateral meniscus, in keeping with chondrocalcinosis.", "", {"site": "cartilage", "laterality": ""}),
    # an arterial bypass is an operation too
    ("PROCEDURE: Left femoral to below-knee popliteal artery bypass with vein.\nDESCRIPTION: The popliteal artery was exposed and was heavily calcified.", "", {"site": "artery", "laterality": ""}),
    ("OPERATION: Right axillary to brachial arterial bypass.\nFINDINGS: The brachial artery was calcified at the elbow.", "", {"site": "artery", "laterality": ""}),
    # on the operation line itself, or a study its sentence names: the side stays
    ("PROCEDURE: Left shoulder arthroscopy and removal of a calcium deposit from the infraspinatus tendon.", "", {"site": "tendon", "laterality": "left"}),
    ("PROCEDURE: Right knee arthroplasty.\nINDICATIONS: Radiographs of the right knee showed joint space narrowing and calcification of the lateral meniscus.", "", {"site": "cartilage", "laterality": "right"}),
    ("Radiographs of the right shoulder demonstrate a subacromial spur and a calcific deposit in the supraspinatus tendon.", "", {"site": "tendon", "laterality": "right"}),
    ("EXAM: XR SHOULDER LEFT\nFINDINGS: Calcific deposit in the supraspinatus tendon.", "", {"site": "tendon", "laterality": "left"}),
    # a study of another part gives no side
    ("Right knee pain. A chest radiograph shows a calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    # a study's title that names a past operation as its reason is still a
    # one-sided study's: its side stays
    ("MAMMOGRAM RIGHT (post lumpectomy)\nA few coarse calcifications along the scar.", "", {"site": "breast", "laterality": "right"}),
    ("UNILATERAL LEFT DIAGNOSTIC MAMMOGRAM - HISTORY OF LUMPECTOMY\nCoarse dystrophic calcifications at the lumpectomy site.", "", {"site": "breast", "laterality": "left"}),
    ("EXAM: XR LEFT HIP, STATUS POST HIP ARTHROPLASTY\nFINDINGS: Heterotopic ossification lateral to the greater trochanter.", "", {"site": "periarticular soft tissue", "laterality": "left"}),
    ("XR RIGHT KNEE S/P ARTHROPLASTY\nHeterotopic ossification adjacent to the medial femoral condyle.", "", {"site": "periarticular soft tissue", "laterality": "right"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), OPERATION_SIDE)
def test_operation_side_is_no_study_side(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


def test_operation_side_keeps_other_side_lesions_apart(findings_of):
    """The operated side gives the findings no side, but a finding of the
    other breast named in the note is still another lesion."""
    text = (
        "PROCEDURE: Left breast needle-localized excisional biopsy.\n"
        "INDICATIONS: A screening mammogram showed new fine pleomorphic calcifications.\n"
        "PAST HISTORY: Right breast reduction with benign fat necrosis calcifications since then.\n"
        "The specimen radiograph confirmed the target calcifications."
    )
    found = findings_of(text)
    assert [f.laterality for f in found] == ["", "right", ""]
    assert found[0].lesion_id == found[2].lesion_id != found[1].lesion_id


# A finding at a site that takes no side (the aorta) whose site phrase joins
# a sided place by 'and' takes the side its sentence writes on that place
# (corpora/GUIDE.md: the finding's sentence gives the side; 'both' is
# bilateral); a heart structure joined so (guide §2: none) and another
# finding's place after 'and' give none.
JOINED_SIDED_PLACE: list[tuple[str, str, dict[str, Any]]] = [
    ("Calcified plaque in the abdominal aorta and both common iliac arteries.", "", {"site": "aorta", "laterality": "bilateral"}),
    ("Mural calcification of the descending aorta and the left subclavian artery.", "", {"site": "aorta", "laterality": "left"}),
    ("CT: atherosclerotic calcification involving the infrarenal aorta and the right and left common iliac arteries.", "", {"site": "aorta", "laterality": "bilateral"}),
    # a heart structure, or another finding's place: no side
    ("Calcification of the aortic root and left main coronary artery.", "", {"site": "aorta", "laterality": ""}),
    ("Calcified plaque in the aortic arch and right ICA stenosis.", "", {"site": "aorta", "laterality": ""}),
    ("Calcified plaque in the descending aorta. Left pleural effusion.", "", {"site": "aorta", "laterality": ""}),
]


@pytest.mark.parametrize(("text", "word", "expected"), JOINED_SIDED_PLACE)
def test_unsided_site_takes_side_of_joined_sided_place(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A one-sided study the finding's sentence names gives its side (guide §2
# step 5) whatever study word names it: 'film' in the singular, 'view(s)',
# 'x-rays' (mentions.json `exam_words`), as 'radiographs' and 'films' do.
# A study of a part with no side, or of another kind, still gives none.
STUDY_WORDS_OF_ONE_SIDED_STUDY: list[tuple[str, str, dict[str, Any]]] = [
    ("A film of the left elbow was obtained after the fall and shows calcification of the triceps tendon.", "", {"site": "tendon", "laterality": "left"}),
    ("One lateral view of the right knee, taken at the bedside, demonstrates chondrocalcinosis of the menisci.", "", {"site": "cartilage", "laterality": "right"}),
    ("X-rays of the left shoulder were taken in clinic and show a calcific deposit in the supraspinatus tendon.", "", {"site": "tendon", "laterality": "left"}),
    ("A single AP film of the right wrist was taken in the emergency room and reveals chondrocalcinosis of the triangular fibrocartilage.", "", {"site": "cartilage", "laterality": "right"}),
    ("An x-ray of the right ankle taken last week shows calcification of the Achilles tendon.", "", {"site": "tendon", "laterality": "right"}),
    # already given: the plural
    ("Films of the left elbow were obtained after the fall and show calcification of the triceps tendon.", "", {"site": "tendon", "laterality": "left"}),
    # no side on the study: none given
    ("A film of the elbow was obtained after the fall and shows calcification of the triceps tendon.", "", {"site": "tendon", "laterality": ""}),
]


@pytest.mark.parametrize(("text", "word", "expected"), STUDY_WORDS_OF_ONE_SIDED_STUDY)
def test_singular_film_and_views_name_a_one_sided_study(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# The plantar fascia (plantar aponeurosis) is a ligament-like band of the
# sole: a calcification in it is in a ligament (guide §2 vocabulary), not in
# a plantar artery; the plantar arteries stay arteries.
PLANTAR_FASCIA: list[tuple[str, str, dict[str, Any]]] = [
    ("Small calcific focus within the plantar fascia near its calcaneal insertion.", "", {"site": "ligament"}),
    ("Foot radiograph: the right plantar aponeurosis contains a linear calcification.", "", {"site": "ligament", "laterality": "right"}),
    ("Calcification along the left plantar fascia, unchanged.", "", {"site": "ligament", "laterality": "left"}),
    ("Dense calcification of the plantar arteries in both feet.", "", {"site": "artery", "laterality": "bilateral"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), PLANTAR_FASCIA)
def test_plantar_fascia_is_a_ligament_not_an_artery(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


# A calcinosis led by a pointing word past a region outside the site
# vocabulary ('the left thumb pulp calcinosis') is the calcinosis named
# before in that word, whose tissue it takes (guide §2 step 4: an earlier
# mention the sentence points back to); the region says only where.
CALCINOSIS_POINTED_BACK: list[tuple[str, dict[str, Any]]] = [
    (
        "HISTORY: films in 2019 showed calcinosis cutis at the left thumb pulp.\n"
        "TODAY: the left thumb pulp calcinosis has grown.",
        {"site": "skin"},
    ),
    (
        "HISTORY: films in 2019 showed calcinosis cutis at the left thumb pulp.\n"
        "TODAY: left thumb pulp calcinosis.",
        {"site": ""},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CALCINOSIS_POINTED_BACK)
def test_calcinosis_pointed_back_past_a_region(findings_of, text, expected):
    f = findings_of(text)[-1]
    assert {name: getattr(f, name) for name in expected} == expected
