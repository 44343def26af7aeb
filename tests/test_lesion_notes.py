"""Lesion grouping on made-up multi-section clinical notes (corpora/GUIDE.md,
Descriptors: lesion, clinical notes): operative notes, cardiology consults,
discharge summaries and narrative imaging transcriptions. The expected
numbers were decided from the guide before the pipeline was run: the same
calcification restated in another section (HPI and assessment, pre- and
postoperative diagnosis) is one lesion; another vessel, valve, leaflet,
segment or anatomic part is another; a hedge or a differential keeps apart
from what is observed."""

from __future__ import annotations

import pytest

# One calcification restated across the sections of a note.
RESTATED = [
    # a finding of no site named by words that only say "calcified", on a
    # side, restates no lesion of another section named with no side by
    # other words (the diagnoses' bladder wall calcification)
    (
        "DISCHARGE DIAGNOSES:,1.  Osteoarthritis, right hip.,2.  Incidental "
        "bladder wall calcification.,HISTORY OF PRESENT ILLNESS:,  The right hip "
        "has moderate osteoarthritis with a small calcification at the "
        "superolateral labrum.  CT of the pelvis incidentally showed curvilinear "
        "calcification of the left lateral bladder wall.",
        [1, 2, 1],
    ),
    # a reason naming vessels as a whole, then two vessels named apart: the
    # reason sums them up, a lesion of its own (GUIDE: lesion)
    (
        "REASON FOR REFERRAL: Worsening vascular calcification on imaging.\n"
        "HISTORY: A recent CT showed calcification of the superior mesenteric "
        "artery and, in addition, calcification of both iliac arteries.",
        [1, 2, 3],
    ),
    # "metastatic" names the process, no other calcification: the note's
    # calcifications named without it, no site either, are the same
    (
        "REASON FOR CONSULTATION: New calcifications on imaging in a patient on "
        "dialysis.\nASSESSMENT: Metastatic calcification, from a high "
        "calcium-phosphate product.",
        [1, 1],
    ),
    (
        "INDICATION: Hypercalcemia; calcification seen on a prior film.\n"
        "IMPRESSION: Metastatic calcification.",
        [1, 1],
    ),
    # calciphylaxis names no site; the arterioles of the skin or fat whose
    # calcification the biopsy shows are its place: one lesion, whichever
    # comes first (a large artery, a radiograph's vessels, are another)
    (
        "DIAGNOSIS: Calciphylaxis of the lower abdominal wall.\n"
        "HOSPITAL COURSE: A deep skin biopsy showed calcification of the dermal "
        "arterioles with thrombosis. A CT of the chest showed calcified coronary "
        "arteries.",
        [1, 1, 2],
    ),
    (
        "ASSESSMENT: Calcific uremic arteriolopathy, biopsy-proven.\n"
        "PATHOLOGY: Medial calcification of small arterioles in the subcutaneous "
        "fat of the left thigh.",
        [1, 1],
    ),
    (
        "HISTORY: Punch biopsy of the flank showed arteriolar calcification in the "
        "dermis. Pelvic film showed vascular calcification of the iliac arteries.\n"
        "IMPRESSION: Calciphylaxis; start sodium thiosulfate.",
        [1, 2, 1],
    ),
    (
        "HISTORY: Painful plaques of both thighs.\nIMAGING: Radiographs of the "
        "thighs show vascular calcification of the femoral arteries.\n"
        "ASSESSMENT: Calciphylaxis is suspected clinically.",
        [1, 2],
    ),
    # the place a phrase names first is the siteless disease's own, though a
    # comma and a clause follow it: no join with the radiograph's vessels
    (
        "HISTORY: She returns after a course of treatment for calciphylaxis of "
        "the right calf.\nIMAGING: A radiograph of the right leg shows fine "
        "calcification of small vessels in the subcutaneous fat of the right "
        "calf.\nASSESSMENT: Calciphylaxis of the right calf, healing slowly, "
        "though the vessel calcification on the radiograph has increased.",
        [1, 2, 1, 2],
    ),
    # named with no side in one section and with its side in another: the
    # side is said in only one of the two, nothing contradicts it
    (
        "HOSPITAL COURSE: A punch biopsy showed calciphylaxis. Thiosulfate was "
        "given three times a week.\nDISCHARGE DIAGNOSES: 1. Calciphylaxis of the "
        "right calf. 2. End-stage renal disease.",
        [1, 1],
    ),
    # a side said before stays with the one named on it: the other section's
    # unsided lesion is another
    (
        "HISTORY: Calcification of the left thigh on an outside film. A biopsy "
        "showed calciphylaxis.\nASSESSMENT: Calciphylaxis of the right calf.",
        [1, 2, 2],
    ),
    # a diagnosis naming no site, restated where the operation finds it
    (
        "PREOPERATIVE DIAGNOSIS: Heterotopic ossification, left hip.\n"
        "PROCEDURE: Excision of heterotopic ossification.\n"
        "DESCRIPTION OF PROCEDURE: A large mass of mature heterotopic ossification "
        "was found within the gluteus minimus and excised.",
        [1, 1, 1],
    ),
    (
        "HISTORY OF PRESENT ILLNESS: Seen today, a man of 71 with coronary artery "
        "calcification seen on a screening scan last spring.\n"
        "PHYSICAL EXAMINATION: Regular rhythm, soft systolic murmur.\n"
        "ASSESSMENT AND PLAN: Coronary artery calcification; keep the statin.",
        [1, 1],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Calcific aortic stenosis.\n"
        "POSTOPERATIVE DIAGNOSIS: Calcific aortic stenosis.\n"
        "PROCEDURE: Aortic valve replacement.",
        [1, 1],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Calcified plaque of the left carotid bulb.\n"
        "POSTOPERATIVE DIAGNOSIS: Calcified plaque of the left carotid bulb.\n"
        "PROCEDURE: Left carotid endarterectomy.",
        [1, 1],
    ),
    (
        "HISTORY OF PRESENT ILLNESS: Known calcified granuloma in the right "
        "upper lobe on a chest film from 2019.\n"
        "CT CHEST FINDINGS: Right upper lobe calcified granuloma, unchanged.\n"
        "ASSESSMENT: Benign calcified granuloma, right upper lobe.",
        [1, 1, 1],
    ),
    (
        "REASON FOR CONSULTATION: Mitral annular calcification found on echo.\n"
        "IMPRESSION: 1. Moderate mitral annular calcification. 2. Hypertension.",
        [1, 1],
    ),
    (
        "DISCHARGE DIAGNOSES:\n1. Chronic calcific pancreatitis.\n2. Diabetes.\n"
        "HOSPITAL COURSE: CT showed coarse pancreatic calcifications consistent "
        "with chronic pancreatitis.",
        [1, 1],
    ),
    # a lung's pattern word ("centrilobular", "interstitial") names no place
    # within it: the lobes the phrase is placed in are its place, and the
    # summary naming them restates it
    (
        "HISTORY: Chest CT last week showed centrilobular calcifications in both "
        "upper lobes, more than on the prior CT.\nIMPRESSION: Upper lobe "
        "metastatic calcification, progressing.",
        [1, 1],
    ),
    (
        "HISTORY: Chest CT showed interstitial calcification in the lower lobes.\n"
        "IMPRESSION: Lower lobe calcification from hypercalcemia.",
        [1, 1],
    ),
]

# A diagnosis names the valve's calcification by a disease word; the
# operative findings naming its leaflets restate it, its annulus is another.
DIAGNOSED = [
    # a SPECIMEN line restates, of several lesions at its site, the one whose
    # sentence says it was taken out
    (
        "PROCEDURE:,  Right carotid endarterectomy.,FINDINGS:,  The plaque was "
        "densely calcified and extended into the internal carotid artery.  The "
        "external carotid artery had a separate small calcified plaque at its "
        "origin.,DESCRIPTION OF PROCEDURE:,  An arteriotomy was carried from the "
        "common into the internal carotid artery.  The calcified plaque was "
        "removed in one piece.,SPECIMEN:,  Calcified carotid plaque, to "
        "pathology.",
        [1, 2, 1, 1],
    ),
    # the leaflets a later section names in the plural restate the valve's
    # disease, not a sum of it and the annulus's lesion
    (
        "PREOPERATIVE DIAGNOSIS:,  Severe calcific aortic stenosis.,FINDINGS:,  "
        "The aortic valve was trileaflet.  The leaflets were heavily calcified "
        "and immobile, the right leaflet most severely.  The annulus was also "
        "calcified, particularly beneath the left coronary cusp.,PROCEDURE IN "
        "DETAIL:,  The leaflets were excised.,PATHOLOGY:,  Aortic valve leaflets "
        "with nodular calcification and fibrosis.",
        [1, 1, 2, 1],
    ),
    # the cusps named by their own names ("the left and right coronary
    # cusps") are the valve's, no coronary artery: they restate its disease
    (
        "PREOPERATIVE DIAGNOSIS: Calcific aortic stenosis.\nFINDINGS: The ascending "
        "aorta had no calcification. The aortic valve was tricuspid; the left and "
        "right coronary cusps were densely calcified and fused.",
        [1, 2, 1],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Calcific aortic stenosis.\nFINDINGS: The aortic "
        "valve was tricuspid; the left and right coronary cusps were thick and "
        "calcified.",
        [1, 1],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Severe calcific aortic stenosis.\n"
        "POSTOPERATIVE DIAGNOSIS: Severe calcific aortic stenosis.\n"
        "OPERATIVE FINDINGS: The aortic valve leaflets were heavily calcified. "
        "The annulus was also calcified. The ascending aorta showed calcified "
        "plaque.",
        [1, 1, 1, 2, 3],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Calcific mitral stenosis.\n"
        "OPERATIVE FINDINGS: The mitral leaflets were thickened and calcified.",
        [1, 1],
    ),
    # "the leaflets" as the subject name the valve's calcification, no other
    # part of the valve
    (
        "PREOPERATIVE DIAGNOSIS: Calcific aortic stenosis.\n"
        "PROCEDURE: Aortic valve replacement.\n"
        "OPERATIVE FINDINGS: The valve was trileaflet and the leaflets were "
        "heavily calcified. The annulus was also calcified.",
        [1, 1, 2],
    ),
    # a subject holding a copula is a clause: "the valve was bicuspid with
    # fused leaflets that were calcified" names no sub-site
    (
        "PREOPERATIVE DIAGNOSIS: Severe calcific aortic stenosis.\n"
        "PROCEDURE: Aortic valve replacement with a 23 mm bioprosthesis.\n"
        "OPERATIVE FINDINGS: The valve was bicuspid with fused leaflets that were "
        "heavily calcified. The ascending aorta was normal.",
        [1, 1],
    ),
]

# A note's diagnosis headers are sections of their own (the preoperative or
# admitting diagnosis its indication, the postoperative or discharge diagnosis
# its conclusion): the course naming the place in more words restates the
# diagnosis, no part of one section's narrative.
HEADED = [
    (
        "DISCHARGE DIAGNOSES: 1. Chronic calcific pancreatitis. 2. Type 2 "
        "diabetes.\nHOSPITAL COURSE: The patient was admitted with abdominal "
        "pain. CT showed dense calcifications throughout the pancreatic body "
        "and tail.",
        [1, 1],
    ),
    (
        "ADMITTING DIAGNOSIS: Calcific pancreatitis with a flare of pain.\n"
        "HOSPITAL COURSE: Imaging again showed coarse calcifications of the "
        "pancreatic head and neck.",
        [1, 1],
    ),
]

# Different calcifications of one note that share words.
APART = [
    # two coronary vessels, in a numbered diagnosis list
    (
        "DISCHARGE DIAGNOSES:\n1. Calcified plaque of the left anterior "
        "descending artery.\n2. Calcified plaque of the right coronary artery.\n"
        "3. Mitral annular calcification.",
        [1, 2, 3],
    ),
    # calcified plaque at several named arteries, a narrative ultrasound
    (
        "CAROTID DUPLEX: There is calcified plaque at the right carotid bulb. "
        "There is calcified plaque in the left internal carotid artery. "
        "Calcified plaque is also seen in the left common carotid artery.",
        [1, 2, 3],
    ),
    # one breast's calcifications at two clock positions
    (
        "MAMMOGRAPHY REPORT: Calcification in the right breast at 10 o'clock. "
        "Calcification in the right breast at 2 o'clock.\n"
        "IMPRESSION: Right breast calcification at 10 o'clock, benign.",
        [1, 2, 1],
    ),
    (
        "HISTORY: Left breast calcifications at the 3:00 position were "
        "biopsied.\nFINDINGS: New amorphous calcifications in the left "
        "breast at 9 o'clock.",
        [1, 2],
    ),
    # two valves
    (
        "ECHOCARDIOGRAM: The aortic valve is calcified with mild stenosis. "
        "The mitral valve is also calcified with mild regurgitation.",
        [1, 2],
    ),
    # an operative narrative calcified several anatomic parts
    (
        "OPERATIVE FINDINGS: The aortic valve leaflets were heavily calcified. "
        "The aortic annulus was calcified as well. The ascending aorta had "
        "calcified plaque.",
        [1, 2, 3],
    ),
    # two coronary segments in a catheterization narrative
    (
        "FINDINGS: The LAD has calcified plaque in its proximal segment. "
        "The right coronary artery shows calcified plaque in the mid segment.",
        [1, 2],
    ),
    # the right and the left side in a consult
    (
        "HISTORY: Bilateral knee pain.\n"
        "ASSESSMENT: 1. Chondrocalcinosis of the right knee. "
        "2. Chondrocalcinosis of the left knee.",
        [1, 2],
    ),
]

# An operative or narrative note saying "the <part> was calcified" part by
# part: each part is its own calcification, though the words are the same
# and the sentence opens with "the".
PARTS = [
    # places joined before the host noun ("Mediastinal and hilar
    # lymphadenopathy with calcification") name one lesion at both, restated
    # by a later section naming one of them; a single node of another
    # section is not the nodes named in the plural
    (
        "INDICATION:,  Mediastinal and hilar lymphadenopathy with calcification "
        "on CT.,HISTORY:,  Chest CT showed enlarged mediastinal nodes, some with "
        "calcification.,EBUS FINDINGS:,Station 4R (right lower paratracheal):  "
        "20 mm node with coarse calcification.,Station 11L (left interlobar):  "
        "8 mm densely calcified node, not sampled.",
        [1, 1, 2, 3],
    ),
    # the mention's own place after a list break ("..., and calcification of
    # the infrapopliteal vessels") is its sub-site, not another member's
    # vessel named before it; a phrase over several vessels is not one of them
    (
        "INDICATIONS: Angiography showed occlusion of the superficial femoral "
        "artery, reconstitution of the popliteal artery, and diffuse "
        "calcification of the infrapopliteal vessels.\nFINDINGS: The popliteal "
        "artery was a good target with only a few foci of calcification on its "
        "back wall.",
        [1, 2],
    ),
    (
        "INDICATIONS: Angiogram showed diffuse calcification of the tibial "
        "arteries.\nFINDINGS: The posterior tibial artery was calcified but "
        "patent.",
        [1, 2],
    ),
    # a history's calcifications at no clock position, then findings of the
    # breast by those words at two positions and other words at none: the
    # history's may be any of them, restated by none (GUIDE: a finding joins
    # the one lesion at its site that does not contradict it)
    (
        "HISTORY: Recalled from screening for calcifications in the right "
        "breast.\nFINDINGS: At the biopsy site in the lower inner quadrant there "
        "are coarse dystrophic calcifications, stable. At 10 o'clock there is a "
        "5 mm group of fine pleomorphic calcifications, new. Punctate "
        "calcifications at 7 o'clock, also new.\nIMPRESSION: 1. New fine "
        "pleomorphic calcifications at 10 o'clock. 2. New punctate "
        "calcifications at 7 o'clock. 3. Stable dystrophic calcifications at "
        "the biopsy site.",
        [1, 2, 3, 4, 3, 4, 2],
    ),
    # a relative pronoun stands for the place named before it: "the annulus,
    # which was also calcified" names the annulus, no anaphor of the valve
    (
        "OPERATIVE FINDINGS: The aortic valve was bicuspid with a heavily "
        "calcified raphe.\nPROCEDURE: The leaflets were excised, and the annulus, "
        "which was also calcified, was debrided.",
        [1, 2],
    ),
    (
        "OPERATIVE FINDINGS: The mitral valve was calcified. The annulus, which "
        "was heavily calcified, was debrided.",
        [1, 2],
    ),
    (
        "OPERATIVE FINDINGS: The mitral valve, which was calcified, was excised.\n"
        "POSTOPERATIVE DIAGNOSIS: Calcified mitral valve.",
        [1, 1],
    ),
    (
        "DESCRIPTION OF OPERATION: The aorta was calcified. The aortic arch "
        "was heavily calcified. The descending aorta was calcified too.",
        [1, 2, 3],
    ),
    (
        "OPERATIVE FINDINGS: The coronary arteries were diffusely calcified. "
        "The LAD was calcified in its mid portion. The right coronary artery "
        "was calcified.",
        [1, 2, 3],
    ),
    (
        "PROCEDURE IN DETAIL: The femoral artery was heavily calcified. "
        "The popliteal artery was calcified as well.",
        [1, 2],
    ),
    (
        "CATHETERIZATION FINDINGS: The circumflex was mildly calcified. "
        "The obtuse marginal branch was densely calcified.",
        [1, 2],
    ),
    # a diagonal or marginal branch named without its number is its
    # vessel's part too; the branch named again by its number restates it
    (
        "CORONARY CT: The LAD shows calcified plaque at its origin. The "
        "diagonal branch shows calcified plaque as well.",
        [1, 2],
    ),
    (
        "CATHETERIZATION FINDINGS: The LAD has mild calcification. The "
        "diagonal has calcification as well.",
        [1, 2],
    ),
    (
        "CORONARY CT: Calcified plaque in the first diagonal.\nIMPRESSION: "
        "Calcified plaque of D1.",
        [1, 1],
    ),
    # the leaflets or cusps of one valve, told apart by their own words
    (
        "ECHOCARDIOGRAM: The anterior mitral leaflet is calcified. The "
        "posterior mitral leaflet is also calcified.",
        [1, 2],
    ),
    (
        "OPERATIVE FINDINGS: The aortic valve was trileaflet. The noncoronary "
        "leaflet was calcified. The right leaflet was calcified too.",
        [1, 2],
    ),
    (
        "TRANSESOPHAGEAL ECHO: Calcification of the posterior mitral leaflet. "
        "The anterior leaflet of the mitral valve shows mild calcification.",
        [1, 2],
    ),
    # the same leaflet named again is one
    (
        "ECHO FINDINGS: The posterior mitral leaflet is calcified.\n"
        "IMPRESSION: Calcified posterior mitral leaflet.",
        [1, 1],
    ),
    # "the <part> was calcified" with no site of its own names another part
    (
        "OPERATIVE FINDINGS: The mitral valve was calcified, and the annulus "
        "was heavily calcified.",
        [1, 2],
    ),
    (
        "PROCEDURE IN DETAIL: The aorta was opened and was found calcified. "
        "The annulus was also heavily calcified.",
        [1, 2],
    ),
    (
        "OPERATIVE FINDINGS: The ascending aorta was calcified. The arch was "
        "calcified as well.",
        [1, 2],
    ),
    # a definite noun phrase that is the calcification refers back
    (
        "HISTORY OF PRESENT ILLNESS: A mammogram showed calcifications in "
        "the left breast. The concern is that the calcifications were not "
        "sampled by the biopsy.",
        [1, 1],
    ),
    # the same part said twice is still one
    (
        "OPERATIVE FINDINGS: The aorta was calcified. The aorta was clamped "
        "where it was least calcified.",
        [1, 1],
    ),
    # "the plaque" names the lesion, no place: the plaque named before
    (
        "INDICATIONS: Duplex showed an 80% stenosis of the right internal "
        "carotid artery from a heavily calcified plaque.\nDESCRIPTION OF "
        "PROCEDURE: The carotid arteries were exposed and an arteriotomy was "
        "made into the internal carotid artery. The plaque was densely "
        "calcified and was removed intact.",
        [1, 1],
    ),
    # an anaphor that names no place refers back
    (
        "OPERATIVE FINDINGS: The left superficial femoral artery was exposed. "
        "It was heavily calcified. The calcification extended distally.",
        [1, 1],
    ),
]

# A denial of what is left of a calcification ("no residual calcification")
# denies the resolved one again: its lesion, not today's denial of another.
RESIDUAL = [
    (
        "HISTORY: Calcific tendinitis of the left shoulder was lavaged last year "
        "and resolved; a later film of the left shoulder showed no residual "
        "calcification.",
        [1, 1],
    ),
    (
        "HISTORY: The left supraspinatus calcific deposit is no longer visible. A "
        "film today shows no remaining calcification in the tendon.",
        [1, 1],
    ),
    (
        "HISTORY: The left supraspinatus calcific deposit is no longer visible. A "
        "film today shows no calcification in the right shoulder.",
        [1, 2],
    ),
]

# "new" in both the findings and the impression is one; a history that
# named the lesion without "new" is restated by today's unchanged finding.
NEW = [
    (
        "FINDINGS: New calcified granuloma at the right upper lobe.\n"
        "IMPRESSION: New right upper lobe calcified granuloma.",
        [1, 1],
    ),
    (
        "PAST MEDICAL HISTORY: Calcified granuloma of the right upper lobe.\n"
        "FINDINGS: Calcified granuloma, right upper lobe, unchanged.",
        [1, 1],
    ),
]

# A mention its words call other than the one before is another lesion;
# a later section may restate it with the same word.
OTHER = [
    # a comma setting off the ordinal from the adjectives after it ("A
    # second, smaller group") opens no clause: the words still call it another
    (
        "INDICATIONS: Mammogram showed a cluster of calcifications in the right "
        "breast.\nPROCEDURE: The specimen radiograph showed the target "
        "calcifications within the specimen. A second, smaller group of "
        "calcifications was noted at the superior edge of the specimen.",
        [1, 1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. A second, smaller "
        "calcified granuloma is seen.",
        [1, 2],
    ),
    (
        "OPERATIVE FINDINGS: The aortic valve was bicuspid. Both leaflets were "
        "heavily calcified, and the raphe carried a calcified ridge of its own, "
        "9 mm long.",
        [1, 2],
    ),
    (
        "CT PELVIS: A phlebolith is seen in the left hemipelvis. There are "
        "other phleboliths in the pelvis.",
        [1, 2],
    ),
    (
        "OPERATIVE FINDINGS: A calcified node was found at the aortopulmonary "
        "window. Another calcified node was found nearby.",
        [1, 2],
    ),
    (
        "ULTRASOUND: Calcified plaque in the right carotid bulb. Additional "
        "calcified plaque in the right carotid bulb, further up.",
        [1, 2],
    ),
    (
        "CT NECK FINDINGS: A separate calcification in the soft tissues "
        "beside the left thyroid lobe.\nIMPRESSION: Separate soft tissue "
        "calcification beside the left thyroid lobe.",
        [1, 1],
    ),
]

# A later sentence of the section that opens by introducing a sized thing
# ('A 7 mm echogenic mass ...') names a second thing at a place whose lesion
# had no size, unless a change word says it is the one seen again.
SIZED_THING = [
    (
        "FINDINGS: Mild calcification of the mitral annulus. A 7 mm echogenic "
        "mass on the mitral annulus, thrombus versus calcified debris.",
        [1, 2],
    ),
    (
        "ECHO: Mitral valve: moderate mitral annular calcification. A 5 mm "
        "mobile echodensity on the ventricular side of the annulus, thrombus "
        "versus calcified debris.",
        [1, 2],
    ),
    (
        "CT CHEST: Calcified granuloma in the right upper lobe. A 5 mm "
        "calcified granuloma in the right upper lobe is unchanged.",
        [1, 1],
    ),
]

# A hedge or differential is not what is observed.
HEDGED = [
    # a link after "and" and another noun phrase names that thing, not the
    # finding before the "and"
    (
        "HISTORY OF PRESENT ILLNESS: Ultrasound showed a 6 cm fibroid with coarse "
        "rim calcification, and an 8 mm echogenic focus in the left ovary, "
        "probably a calcification.\nASSESSMENT: Symptomatic fibroid with rim "
        "calcification; incidental left ovarian calcification.",
        [1, 2, 1, 2],
    ),
    # ... but a predicate "and" joins to the same subject is the finding's
    (
        "FINDINGS: Along the right convexity there is a thin extra-axial "
        "collection with a rim of calcification, unchanged from prior and "
        "compatible with a calcified chronic subdural hematoma. No acute blood.",
        [1, 1],
    ),
    (
        "HISTORY OF PRESENT ILLNESS: Referred to rule out coronary artery "
        "calcification.\nFINDINGS: Coronary artery calcification is present "
        "in the LAD.",
        [1, 2],
    ),
    (
        "CONSULTATION: Screening requested to rule out calcification of the "
        "mitral annulus.\nECHO FINDINGS: Mild mitral annular calcification.",
        [1, 2],
    ),
]


# Two sub-sites named in one sentence, a breast's quadrants, a valve part the
# lesion before it left unsaid: each its own calcification.
SUB_SITES = [
    # a cyst's rim is its wall, the cyst named by its adjective too: the
    # organ's disease restates the organ's own calcifications, not the rim
    (
        "FINDINGS: PANCREAS: Coarse calcifications throughout the pancreatic body. "
        "In the tail there is a 3 cm cystic lesion with a thin rim of calcification.\n"
        "IMPRESSION: Chronic calcific pancreatitis of the body and neck.",
        [1, 2, 1],
    ),
    # two digits of one hand are two places, each restated in a later section
    (
        "HISTORY: Scleroderma.\nEXAM: Calcinosis cutis at the tip of the right ring "
        "finger. A second, smaller dermal calcification sits in the pad of the right "
        "thumb.\nPLAN: Calcinosis cutis of the right ring finger; excise. Dermal "
        "calcification of the right thumb; watch.",
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: Soft tissue calcification about the left great toe. Soft tissue "
        "calcification at the left index finger.\nIMPRESSION: Soft tissue "
        "calcification of the left index finger, likely calcinosis.",
        [1, 2, 2, 2],
    ),
    (
        "FINDINGS: Calcified granuloma in the RUL and a calcified granuloma "
        "in the RLL.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification in the right breast upper outer quadrant. "
        "Calcification in the right breast lower inner quadrant.",
        [1, 2],
    ),
    (
        "FINDINGS: Grouped calcifications in the left breast UOQ. Coarse "
        "calcification in the left breast LIQ.\nIMPRESSION: Grouped "
        "calcifications, left breast upper outer quadrant.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcifications in the left breast, upper outer quadrant, at "
        "2 o'clock.\nIMPRESSION: Left breast calcifications at 2 o'clock.",
        [1, 1],
    ),
    # 'the' before a part word alone ('despite the calcified wall') points at
    # the finding named right before it, as 'this' does
    (
        "OPERATIVE NOTE: The right common femoral artery was exposed; its back "
        "wall was calcified. The popliteal artery was calcified "
        "circumferentially. The distal anastomosis was completed despite the "
        "calcified wall.",
        [1, 2, 2],
    ),
    # two groups at their clock positions in one sentence are two parts:
    # an impression naming neither sums them up
    (
        "MAMMOGRAM\nFINDINGS: RIGHT BREAST: Fine punctate calcifications at 11 "
        "o'clock and coarse calcifications at the 4:00 position, unchanged.\n"
        "IMPRESSION: Benign right breast calcifications.",
        [1, 2, 3],
    ),
    # ... but one named in the words of one of them only restates that one
    (
        "MAMMOGRAM\nFINDINGS: RIGHT BREAST: Lumpectomy scar at 9 o'clock with a "
        "dystrophic calcification, stable. Round calcifications at 2 o'clock, "
        "unchanged.\nIMPRESSION: Stable right breast with a dystrophic "
        "calcification.",
        [1, 2, 1],
    ),
    # ... and one naming a position restates that group
    (
        "MAMMOGRAM\nFINDINGS: RIGHT BREAST: Fine punctate calcifications at 11 "
        "o'clock and coarse calcifications at 4 o'clock, unchanged.\n"
        "IMPRESSION: Benign right breast calcifications at 4 o'clock.",
        [1, 2, 2],
    ),
    (
        "OPERATIVE FINDINGS: The aortic valve was heavily calcified. There was "
        "calcification extending into the annulus.",
        [1, 2],
    ),
    # an abbreviation of the vessel names the same sub-site
    (
        "FINDINGS: Calcified plaque at the origin of the left internal carotid "
        "artery.\nIMPRESSION: Calcified plaque at the left ICA origin.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified plaque in the left common carotid artery.\n"
        "IMPRESSION: Calcified plaque in the left ICA.",
        [1, 2],
    ),
]

# A later mention led by an anaphor ("the cortical calcification") whose
# sub-site the lesion's sentence named, in other words than its own site
# words, refers back to it; an opening "the" of a subject names a place.
SAID_BEFORE = [
    (
        "HOSPITAL COURSE: Ultrasound showed a 4 mm echogenic focus in the right "
        "renal cortex, in keeping with a tiny parenchymal calcification. Her "
        "creatinine normalised. A follow-up scan in a year is advised for the "
        "cortical calcification.",
        [1, 1],
    ),
    (
        "HOSPITAL COURSE: Sonography demonstrated a tiny echogenic focus within "
        "the left renal medulla, compatible with a punctate parenchymal "
        "calcification. She was discharged home. Nephrology will follow the "
        "medullary calcification.",
        [1, 1],
    ),
    (
        "HISTORY OF PRESENT ILLNESS: Ultrasound found a 6 mm shadowing focus in "
        "the right renal cortex, felt to be a parenchymal calcification. Her pain "
        "resolved. We discussed the cortical calcification with her at length.",
        [1, 1],
    ),
    (
        "FINDINGS: The proximal SFA shows dense wall calcification. The distal SFA "
        "is also calcified, with a short occlusion.",
        [1, 2],
    ),
]

# An impression phrase in the plural that sums up several lesions of the
# findings at its site is a lesion of its own; it restates the one lesion.
SUMMED = [
    # a calcification the impression puts in a count of lesions ("in two
    # fibroids") lies in each: several, none of them alone
    (
        "FINDINGS: The larger fibroid, in the fundus, has a rim of calcification. "
        "A smaller posterior fibroid is densely calcified.\nIMPRESSION: Fibroid "
        "uterus; calcification in two fibroids.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: The larger fibroid, in the fundus, has a rim of calcification.\n"
        "IMPRESSION: Fibroid uterus; calcification in the fundal fibroid.",
        [1, 1],
    ),
    # a list of places a colon opens after the assessment's mention, its
    # items set apart by semicolons, sums up the lesions at them; one place
    # only restates its lesion
    (
        "HISTORY: Films show calcinosis in the subcutaneous tissue of both knees. "
        "A calf film shows calcification in the left soleus muscle.\nASSESSMENT: "
        "Dystrophic calcinosis: knees, subcutaneous, bilateral; left calf, "
        "intramuscular.",
        [1, 2, 3],
    ),
    (
        "HISTORY: Films show calcinosis in the subcutaneous tissue of both knees.\n"
        "ASSESSMENT: Calcinosis: knees, subcutaneous, bilateral, stable.",
        [1, 1],
    ),
    (
        "FINDINGS: There is a 3 mm calcification in the right kidney upper pole "
        "and a 4 mm calcification in the right kidney lower pole.\n"
        "IMPRESSION: Right renal calcifications.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Punctate calcifications in the right kidney.\n"
        "IMPRESSION: Right renal calcifications.",
        [1, 1],
    ),
    (
        "FINDINGS: A 3 mm calcification in the right kidney upper pole and a "
        "4 mm calcification in the right kidney lower pole.\n"
        "IMPRESSION: 3 mm right renal calcification.",
        [1, 2, 1],
    ),
    # a plural whose bracket lists its members ("and", commas) sums up the
    # lesions of other sentences at its site, though it fits the first's side
    # and site; after one lesion only, it restates that one
    (
        "Ultrasound: a calcified nodule in the left lobe of the thyroid, and a "
        "coarse calcification in the left thyroid isthmus region.\nAssessment:\n"
        "1. Left thyroid calcifications (nodule and isthmus), benign appearing.",
        [1, 2, 3],
    ),
    (
        "Pelvic ultrasound: a calcified fibroid in the fundus, and a second "
        "calcified fibroid on the posterior wall.\nAssessment:\n1. Uterine "
        "calcifications (fundal fibroid, posterior fibroid), no follow-up needed.",
        [1, 2, 3],
    ),
    (
        "Ultrasound: a calcified nodule in the left lobe of the thyroid.\n"
        "Assessment:\n1. Left thyroid calcifications (nodule and isthmus), "
        "benign appearing.",
        [1, 1],
    ),
    # a sideless finding whose plural is its site word ("myomata, both
    # calcified"), not its mention, sums up two lesions of another section at
    # its site; after one, it restates that one
    (
        "HISTORY: An ultrasound last year showed a calcified fibroid in the fundus "
        "and a second fibroid with coarse calcification in the anterior wall.\n"
        "ASSESSMENT: Multiple myomata, both calcified; refer to gynecology.",
        [1, 2, 3],
    ),
    (
        "HISTORY: An ultrasound last year showed a calcified fibroid in the "
        "fundus.\nASSESSMENT: Symptomatic leiomyomata, calcified; refer to "
        "gynecology.",
        [1, 1],
    ),
    # a vessel's plural names the vessels, no count of lesions
    (
        "HISTORY: Films show medial calcification of both tibial arteries. There "
        "is dense calcification of the left anterior tibial artery as well.\n"
        "ASSESSMENT: The medial calcification of the tibial arteries is typical "
        "of his renal disease.",
        [1, 2, 1],
    ),
]

# A demonstrative right before a mention ("this calcified vessel") points at
# the finding named before it in its section, whatever place the rest of its
# clause names or its own general word ("artery") names; not across sides.
POINTED = [
    (
        "PROCEDURE: The stent reached only the calcified plaque in the proximal "
        "LAD, with a second wire parked in the diagonal. Further attempts in "
        "this calcified vessel were judged unsafe.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified plaque at the right carotid bulb. Owing to shadowing "
        "from this calcified plaque, flow in the internal carotid artery could "
        "not be sampled.",
        [1, 1],
    ),
    (
        "PROCEDURE: The left circumflex was heavily calcified. A wire was placed "
        "in the obtuse marginal branch. Balloon dilation of this calcified "
        "artery followed.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified plaque at the left carotid bulb. On the right, "
        "shadowing from this calcified plaque hides the right internal carotid "
        "artery.",
        [1, 2],
    ),
    # "the calcification" of a later section points back to the one named as
    # there, not to a denial in that word between ("Circumflex: no
    # calcification" names none)
    (
        "FINDINGS: LAD: dense calcification of the proximal segment. Circumflex: "
        "no calcification. RCA: mild irregularities.\nINTERVENTION: Rotational "
        "atherectomy was done. The calcification in the proximal segment was "
        "modified well.",
        [1, 2, 1],
    ),
    (
        "HISTORY: Tendon calcification of the left shoulder on film. The right "
        "shoulder shows no calcification.\nPROCEDURE: The bursa was entered. The "
        "calcification was lavaged.",
        [1, 2, 1],
    ),
]

# A mention without a site led by "the" after several lesions refers back to
# the finding named right before it in its section ("the calcification
# described above"), and so does the next one that refers back to it.
LED_BACK = [
    (
        "HISTORY: Angiography last week showed a mildly calcified left main. "
        "The RCA had a severely calcified stenosis in its mid segment. He "
        "underwent lithotripsy. Intravascular ultrasound confirmed the "
        "calcification described above.",
        [1, 2, 2],
    ),
]

# A segment the sentence of the lesion's latest finding named (not only its
# first's) is no new sub-site: a later finding there restates the lesion.
SEGMENT_SAID = [
    (
        "FINDINGS: A prior CT had reported dense calcification of the LAD. LAD: "
        "a 70% ostial stenosis and an 85% proximal stenosis, both in heavily "
        "calcified segments. RCA: mild irregularities. Ultrasound after "
        "stenting showed an arc of calcification behind the stent in the "
        "proximal LAD.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: The LAD was calcified. The proximal LAD had a calcified plaque.",
        [1, 2],
    ),
    # the leaflets the lesion's sentence named (in the plural) are no new part
    (
        "HISTORY OF PRESENT ILLNESS: An echo last month showed a trileaflet "
        "aortic valve with heavily calcified, restricted leaflets. An echo in "
        "XXXX had described the aortic leaflets as only mildly calcified.",
        [1, 1],
    ),
    (
        "FINDINGS: The aortic valve was heavily calcified. The annulus was also "
        "calcified.",
        [1, 2],
    ),
    # a calcification said to extend from a part the lesion named into
    # another lies at both: the lesion's, and no new sub-site for the later
    # restatement of those parts; extending into a part alone is another
    (
        "DIAGNOSIS: Calcific aortic stenosis.\nFINDINGS: The aortic valve had three "
        "thickened cusps. All three cusps were heavily calcified. Calcification "
        "extended from the left coronary cusp into the annulus.\nPROCEDURE: The "
        "aortic valve was exposed. The calcified cusps were removed.",
        [1, 1, 1, 1],
    ),
    (
        "FINDINGS: The aortic valve was heavily calcified. There was calcification "
        "extending into the annulus.",
        [1, 2],
    ),
]

# A finding without a site restates no lesion named earlier in its own
# sentence by the same words: a sentence restates a lesion once.
ONCE_A_SENTENCE = [
    (
        "FINDINGS: The placenta shows coarse calcification. IMPRESSION: Grade "
        "III placenta with coarse calcification, more than at 32 weeks, and a "
        "new small calcification beside the cord insertion.",
        [1, 1, 2],
    ),
]

# Two headers of one section category (the preoperative diagnosis and the
# indications of an operative note) are two sections: a finding naming a
# sub-site the diagnosis left unsaid restates it.
TWO_HEADERS = [
    (
        "PREOPERATIVE DIAGNOSIS: Left breast calcifications, BI-RADS 4B.\n"
        "INDICATIONS: Her screening mammogram showed a new group of fine "
        "pleomorphic calcifications in the upper outer quadrant of the left "
        "breast. The right breast has scattered benign calcifications.",
        [1, 1, 2],
    ),
]

# A note telling study by study what each showed names the same calcification
# again, though the later study names a part of the place the earlier left
# unsaid; one exam telling part by part names as many lesions as parts.
STUDY_BY_STUDY = [
    (
        "HISTORY OF PRESENT ILLNESS: A plain film of the abdomen showed a thin "
        "rim of calcification outlining the gallbladder. CT today shows "
        "continuous calcification of the gallbladder wall.",
        [1, 1],
    ),
    (
        "HISTORY OF PRESENT ILLNESS: CT shows calcification of the aorta. CT "
        "also shows heavy calcification of the aortic arch.",
        [1, 2],
    ),
]

# A later finding whose size changed since an earlier study restates the
# calcification measured then at another size (GUIDE: a known finding of an
# earlier study and today's are one lesion; change from an earlier size);
# one called unchanged at another size, or new, is another.
RESIZED = [
    (
        "HISTORY OF PRESENT ILLNESS: A film last year showed an 11 mm calcific "
        "deposit in the left infraspinatus tendon.\nIMAGING TODAY: The "
        "infraspinatus calcification has grown to 15 mm.",
        [1, 1],
    ),
    (
        "HISTORY: An old CT showed a 2.0 cm calcification in the left adrenal "
        "gland.\nCT TODAY: The left adrenal calcification is smaller, now 1.4 cm.",
        [1, 1],
    ),
    (
        "HISTORY: An old CT showed a 2.0 cm calcification in the left adrenal "
        "gland.\nCT TODAY: A 6 mm calcification in the left adrenal gland, "
        "unchanged.",
        [1, 2],
    ),
]

# A finding of no side in an operation note that fits lesions of both sides
# restates the one on the side the procedure line names (the operated part's);
# a procedure line naming no side leaves it another lesion.
OPERATED_SIDE = [
    (
        "PROCEDURE: Right superficial femoral endarterectomy.\n"
        "HISTORY: Duplex showed a calcified plaque of the right superficial "
        "femoral artery and a smaller calcified plaque of the left superficial "
        "femoral artery.\n"
        "SPECIMEN: Superficial femoral plaque, densely calcified, sent to pathology.",
        [1, 2, 1],
    ),
    (
        "PROCEDURE: Left carotid endarterectomy.\n"
        "INDICATIONS: CT angiography showed a calcified plaque at the right "
        "carotid bulb and a bulky calcified plaque at the left carotid bulb.\n"
        "SPECIMEN: Carotid bulb plaque, heavily calcified.",
        [1, 2, 2],
    ),
    # an anaphor naming no site restates the one lesion on the operated side
    (
        "PROCEDURE: Excision of right forearm mass.\n"
        "INDICATIONS: A calcified subcutaneous nodule of the right forearm, and a "
        "small calcification in the subcutaneous fat of the left forearm.\n"
        "DESCRIPTION OF PROCEDURE: The calcified lesion was removed intact.",
        [1, 2, 1],
    ),
    (
        "PROCEDURE: Carotid endarterectomy.\n"
        "INDICATIONS: CT angiography showed a calcified plaque at the right "
        "carotid bulb and a bulky calcified plaque at the left carotid bulb.\n"
        "SPECIMEN: Carotid bulb plaque, heavily calcified.",
        [1, 2, 3],
    ),
]

# The segment words of a place a word like "beyond" sets apart from the
# calcification it leads to are that place's, not the finding's: the finding
# restates the lesion of the segment it is.
BEYOND = [
    (
        "INDICATIONS: Angiography showed a heavily calcified proximal LAD.\n"
        "DESCRIPTION OF PROCEDURE: The mammary artery was sewn to the distal LAD "
        "beyond the calcified segment.",
        [1, 1],
    ),
    (
        "FINDINGS: The right coronary artery was calcified in its mid portion.\n"
        "DESCRIPTION OF PROCEDURE: The vein graft was sewn to the distal right "
        "coronary artery past the calcified segment.",
        [1, 1],
    ),
]

# A part a possessive leads ("its posterior wall") is a part of the place the
# sentence opens with: that place's sub-site parts it from another vessel's
# lesion; words that only say calcified name no place.
OWNED_PART = [
    (
        "FINDINGS: The left radial artery was calcified at the wrist. The brachial "
        "artery at the elbow measured 4 mm and had mild calcification on its "
        "posterior wall.",
        [1, 2],
    ),
    (
        "FINDINGS: The ulnar artery at the wrist was small and calcified along its "
        "posterior wall.\nDESCRIPTION OF PROCEDURE: The artery was opened at a soft "
        "segment, away from the calcification.",
        [1, 1],
    ),
]


# A note's later sentence naming no side after a left and a right lesion at
# its site sums them up, a lesion of its own (GUIDE: a phrase that sums up
# several lesions is a lesion of its own), as an impression's does; words
# that only say calcified do not make it one of the two.
SIDES_SUMMED = [
    (
        "ED NOTE: CT showed three phleboliths in the right hemipelvis and one "
        "phlebolith on the left.\nPLAN: The phleboliths need no follow-up.",
        [1, 2, 3],
    ),
    (
        "CONSULT: Ultrasound found calcification of the right femoral artery and "
        "a calcified plaque of the left femoral artery. I think the arterial "
        "calcification is from his diabetes.",
        [1, 2, 3],
    ),
]


# A later section of a note restating a lesion by its sub-site, its side
# not its own words' but lent from elsewhere, is that lesion (GUIDE: the
# same calcification named again in another section is one lesion).
LATER_SECTION = [
    (
        "DISCHARGE SUMMARY,HOSPITAL COURSE:,Chest CT showed patchy calcification "
        "in both upper lobes and calcification of the stomach wall. A calcified "
        "granuloma in the left lower lobe was stable. She was started on fluids."
        ",DISCHARGE INSTRUCTIONS:,Repeat chest CT in six weeks to follow the upper "
        "lobe calcification; the stomach calcification needs no treatment.",
        [1, 2, 3, 1, 2],
    ),
]


# A phrase joining by "and" ("as well as", "both ... and") the places of two
# lesions of other sentences sums them up in any section of a note: a
# discharge diagnosis list (read as the body under a one-line header), a
# plan, a later sentence of the same section; one place alone restates its
# lesion.
SUMMED_ANYWHERE = [
    (
        "HOSPITAL COURSE: CT angiography showed a calcified plaque in the "
        "proximal LAD. The circumflex artery had mild calcification.\n"
        "DISCHARGE DIAGNOSES:\n1. Chest pain, resolved.\n2. Calcification of the "
        "proximal LAD and the circumflex artery.\n",
        [1, 2, 3],
    ),
    (
        "HOSPITAL COURSE: CT showed a calcified plaque in the proximal LAD. The "
        "circumflex artery had mild calcification.\nDISCHARGE DIAGNOSES:\n1. "
        "Chest pain, resolved.\n2. Calcified plaque in both the proximal LAD "
        "and the circumflex artery.\n",
        [1, 2, 3],
    ),
    (
        "HISTORY: Echo showed a calcified mitral annulus. Imaging also showed "
        "calcification of the aortic knob.\nPLAN:\nCalcification of the mitral "
        "annulus as well as the aortic knob; no treatment needed.\n",
        [1, 2, 3],
    ),
    (
        "CT showed a calcified plaque in the proximal LAD. The circumflex artery "
        "had mild calcification. Overall, calcification of the proximal LAD and "
        "the circumflex artery.\n",
        [1, 2, 3],
    ),
    (
        "HOSPITAL COURSE: CT showed a calcified plaque in the proximal LAD. The "
        "circumflex artery had mild calcification.\nDISCHARGE DIAGNOSES:\n1. "
        "Chest pain, resolved.\n2. Calcified plaque in the proximal LAD; "
        "medical therapy.\n",
        [1, 2, 1],
    ),
    # places on both sides, a cause after the last: bilateral, a sum of the
    # right's and the left's lesions
    (
        "HAND FILMS: Dermal calcification at the tip of the right index finger. "
        "Clustered dermal calcification in the pad of the left thumb.\n"
        "ASSESSMENT:\n1. Calcinosis cutis of the right index finger and left "
        "thumb from dermatomyositis.\n",
        [1, 2, 3],
    ),
]

# A place named by its adjective in one section and its noun in another
# ("pallidal" and "the globi pallidi", "dermal" and "the dermis") is one
# place: the two findings are one lesion (descriptors.json site_synonyms).
PLACE_FORMS = [
    (
        "CT HEAD: Faint calcification of both globi pallidi. Calcification of the "
        "pineal gland.\nASSESSMENT:\n1. Pallidal calcification, likely incidental.\n",
        [1, 2, 1],
    ),
    (
        "ULTRASOUND: The larger lesion is a cyst with a calcified wall. The small "
        "papules show dermal calcification.\nPATHOLOGY: Shave biopsy of a papule: "
        "calcium deposits in the dermis.\n",
        [1, 2, 2],
    ),
]

# Calcium named in bulk with no article ("Splenic calcification seen on CT")
# counts nothing: a later count of several ("two punctate calcifications")
# restates it; after "a punctate calcification" or "a 4 mm calcification",
# one counted, a count of several is another lesion.
BULK_COUNTED = [
    (
        "REASON FOR CONSULTATION: Splenic calcification seen on CT.\nHISTORY: "
        "Fever as a child.\nCT ABDOMEN: Two punctate calcifications within the "
        "parenchyma of the spleen.\n",
        [1, 1],
    ),
    (
        "REASON FOR CONSULTATION: Renal calcification on ultrasound., HISTORY: No "
        "stones., CT: Three punctate calcifications in the left kidney.",
        [1, 1],
    ),
    (
        "FINDINGS: A punctate calcification in the spleen.\nIMPRESSION: Two "
        "splenic calcifications.\n",
        [1, 2],
    ),
    (
        "FINDINGS: A 4 mm calcification in the spleen.\nIMPRESSION: Two splenic "
        "calcifications.\n",
        [1, 2],
    ),
]

# A diagnosis naming only the joint ("calcific tendinitis, left shoulder")
# leaves the tendon unsaid; a later section naming two tendons would leave
# either possible, but one its own words call another ("separate calcific
# deposit") is not the one named before: the other tendon's restates it.
JOINT_THEN_TENDONS = [
    (
        "OPERATIVE NOTE\nPREOPERATIVE DIAGNOSIS: Calcific tendinitis, left shoulder.\n"
        "POSTOPERATIVE DIAGNOSIS: Calcific tendinitis of the left subscapularis; "
        "separate calcific deposit in the left teres minor.\nFINDINGS: The "
        "subscapularis held a chalky calcium deposit, which was removed. A second "
        "calcium deposit was found in the teres minor tendon and left alone.\n",
        [1, 1, 2, 1, 2],
    ),
    (
        "OPERATIVE NOTE\nPREOPERATIVE DIAGNOSIS: Calcific tendinitis, left shoulder.\n"
        "POSTOPERATIVE DIAGNOSIS: Calcific tendinitis of the left subscapularis; "
        "calcific deposit in the left teres minor.\n",
        [1, 2, 3],
    ),
]

# Two sentences that both say their plaque runs into one place ("extending
# into the internal carotid artery", "ran into the internal carotid
# artery") name one calcification, though one places it at the bulb and
# the other at the bifurcation; runs into two places part them.
RUN_INTO_ONE_PLACE = [
    (
        "INDICATIONS: CT angiography showed a calcified plaque at the left carotid "
        "bulb extending 1 cm into the internal carotid artery. The left common "
        "carotid artery had thin wall calcification.\nFINDINGS: The left common "
        "carotid artery was calcified along its length. The left bifurcation plaque "
        "was densely calcified and ulcerated and ran into the internal carotid "
        "artery for 1 cm.\n",
        [1, 2, 2, 1],
    ),
    (
        "INDICATIONS: CT angiography showed a calcified plaque at the left carotid "
        "bulb extending into the internal carotid artery. The left common carotid "
        "artery had thin wall calcification.\nFINDINGS: The left common carotid "
        "artery was calcified along its length. The left bifurcation plaque was "
        "densely calcified and ulcerated and extended into the external carotid "
        "artery.\n",
        [1, 2, 2, 3],
    ),
]

# A side set off by a comma after the place ("of the scrotum, bilateral")
# joins no second place: the phrase names one place and restates the one
# lesion of the findings there, not a sum with another lesion at the place.
SIDE_SET_OFF = [
    (
        "ULTRASOUND: A cyst in the left hemiscrotum has a calcified wall. Small "
        "papules in the skin show dense dermal calcification.\nASSESSMENT:\n1. "
        "Calcinosis cutis of the scrotum, bilateral.\n",
        [1, 2, 2],
    ),
]

CASES = [
    *[
        pytest.param(t, n, id=f"later-section-{i}")
        for i, (t, n) in enumerate(LATER_SECTION)
    ],
    *[
        pytest.param(t, n, id=f"sides-summed-{i}")
        for i, (t, n) in enumerate(SIDES_SUMMED)
    ],
    *[pytest.param(t, n, id=f"sub-sites-{i}") for i, (t, n) in enumerate(SUB_SITES)],
    *[pytest.param(t, n, id=f"summed-{i}") for i, (t, n) in enumerate(SUMMED)],
    *[pytest.param(t, n, id=f"side-set-off-{i}") for i, (t, n) in enumerate(SIDE_SET_OFF)],
    *[
        pytest.param(t, n, id=f"run-into-one-place-{i}")
        for i, (t, n) in enumerate(RUN_INTO_ONE_PLACE)
    ],
    *[
        pytest.param(t, n, id=f"joint-then-tendons-{i}")
        for i, (t, n) in enumerate(JOINT_THEN_TENDONS)
    ],
    *[pytest.param(t, n, id=f"bulk-counted-{i}") for i, (t, n) in enumerate(BULK_COUNTED)],
    *[pytest.param(t, n, id=f"place-forms-{i}") for i, (t, n) in enumerate(PLACE_FORMS)],
    *[
        pytest.param(t, n, id=f"summed-anywhere-{i}")
        for i, (t, n) in enumerate(SUMMED_ANYWHERE)
    ],
    *[
        pytest.param(t, n, id=f"said-before-{i}")
        for i, (t, n) in enumerate(SAID_BEFORE)
    ],
    *[pytest.param(t, n, id=f"restated-{i}") for i, (t, n) in enumerate(RESTATED)],
    *[pytest.param(t, n, id=f"diagnosed-{i}") for i, (t, n) in enumerate(DIAGNOSED)],
    *[pytest.param(t, n, id=f"headed-{i}") for i, (t, n) in enumerate(HEADED)],
    *[pytest.param(t, n, id=f"apart-{i}") for i, (t, n) in enumerate(APART)],
    *[pytest.param(t, n, id=f"parts-{i}") for i, (t, n) in enumerate(PARTS)],
    *[pytest.param(t, n, id=f"new-{i}") for i, (t, n) in enumerate(NEW)],
    *[pytest.param(t, n, id=f"residual-{i}") for i, (t, n) in enumerate(RESIDUAL)],
    *[pytest.param(t, n, id=f"other-{i}") for i, (t, n) in enumerate(OTHER)],
    *[pytest.param(t, n, id=f"hedged-{i}") for i, (t, n) in enumerate(HEDGED)],
    *[pytest.param(t, n, id=f"sized-{i}") for i, (t, n) in enumerate(SIZED_THING)],
    *[pytest.param(t, n, id=f"pointed-{i}") for i, (t, n) in enumerate(POINTED)],
    *[pytest.param(t, n, id=f"led-back-{i}") for i, (t, n) in enumerate(LED_BACK)],
    *[
        pytest.param(t, n, id=f"segment-said-{i}")
        for i, (t, n) in enumerate(SEGMENT_SAID)
    ],
    *[pytest.param(t, n, id=f"once-{i}") for i, (t, n) in enumerate(ONCE_A_SENTENCE)],
    *[pytest.param(t, n, id=f"headers-{i}") for i, (t, n) in enumerate(TWO_HEADERS)],
    *[pytest.param(t, n, id=f"studies-{i}") for i, (t, n) in enumerate(STUDY_BY_STUDY)],
    *[pytest.param(t, n, id=f"operated-{i}") for i, (t, n) in enumerate(OPERATED_SIDE)],
    *[pytest.param(t, n, id=f"resized-{i}") for i, (t, n) in enumerate(RESIZED)],
    *[pytest.param(t, n, id=f"beyond-{i}") for i, (t, n) in enumerate(BEYOND)],
    *[pytest.param(t, n, id=f"owned-{i}") for i, (t, n) in enumerate(OWNED_PART)],
]


@pytest.mark.parametrize("text, lesions", CASES)
def test_lesion_numbers(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


def test_anaphor_takes_the_site_of_the_lesion_it_restates(findings_of):
    """A mention without a site led by "the" that restates a lesion takes the
    lesion's site (domain guide, site from context: an earlier mention of the
    same finding the sentence refers back to); its site words stay empty."""
    found = findings_of(LED_BACK[0][0])
    last = found[-1]
    assert (last.mention, last.site, last.site_text) == (
        "calcification",
        "coronary artery",
        "",
    )


# A diagnosis over both sides sums up each side's lesion and is a lesion of
# its own: a later finding given one side by the words around it is not it
# (GUIDE: lesion, both sides and one are different lesions); a possessive
# opening the clause after a ';' points back to the thing the clause before
# named and takes its side (GUIDE: laterality, "its" refers back).
BOTH_THEN_EACH_SIDE = [
    (
        "PREOPERATIVE DIAGNOSIS: Bilateral thyroid nodules with calcification.\n"
        "INDICATIONS: Ultrasound showed a 2 cm left lobe nodule with coarse "
        "calcifications and a 1 cm right lobe nodule with a rim of "
        "calcification.\nFINDINGS: The right lobe nodule was firm; its "
        "calcification was gritty on cutting.",
        [1, 2, 3, 3],
        ["bilateral", "left", "right", "right"],
    ),
    (
        "PREOPERATIVE DIAGNOSIS: Bilateral parotid masses with calcification.\n"
        "INDICATIONS: CT showed a 2 cm left parotid mass with coarse "
        "calcifications and a 1 cm right parotid mass with a rim of "
        "calcification.\nFINDINGS: The right parotid mass was firm; its "
        "calcification was gritty on cutting.",
        [1, 2, 3, 3],
        ["bilateral", "left", "right", "right"],
    ),
]


# ... nor by a finding of no side at a part its words name that is neither
# side's ('the isthmus'), its section naming each side's lesion at another
BOTH_SIDES_AND_A_MIDDLE_PART = [
    (
        "PREOPERATIVE DIAGNOSIS: Bilateral thyroid nodules with calcification.\n"
        "INDICATIONS: Ultrasound showed a 2 cm left lobe nodule with coarse "
        "calcifications and a 1 cm right lobe nodule with a rim of "
        "calcification. Fine calcifications lay in the isthmus.\nDISPOSITION: "
        "The isthmic calcifications need no follow-up.",
        [1, 2, 3, 4, 4],
    ),
]


@pytest.mark.parametrize("text, lesions", BOTH_SIDES_AND_A_MIDDLE_PART)
def test_both_sides_and_a_middle_part(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize("text, lesions, sides", BOTH_THEN_EACH_SIDE)
def test_both_sides_then_each_side(findings_of, lesion_numbers, text, lesions, sides):
    assert lesion_numbers(text) == lesions
    assert [f.laterality for f in findings_of(text)] == sides


# 'it' opening the clause after a ';' stands for the definite noun of the
# clause before; where that noun heads one earlier lesion's findings, the
# predicate restates that lesion (GUIDE: lesion, an anaphor refers back to
# one); with two such lesions it is not known which.
PRONOUN_AFTER_SEMICOLON = [
    # another calcification of the vessel named between: the pronoun's noun
    # decides, not the finding named last
    (
        "INDICATIONS: CT showed a densely calcified plaque of the right "
        "external iliac artery and calcification of the right internal iliac "
        "artery wall.\nPROCEDURE: The vessel was opened and the plaque was "
        "shelled out; it was heavily calcified.",
        [1, 2, 1],
    ),
    (
        "HISTORY: Ultrasound showed a calcified nodule in the left thyroid lobe "
        "and calcification of the left thyroid artery.\nFINDINGS: The gland "
        "was removed and the nodule was bisected; it came apart in two halves "
        "and was calcified throughout.",
        [1, 2, 1],
    ),
    # two plaques named before: the pronoun could stand for either
    (
        "INDICATIONS: CT showed a calcified plaque of the right external iliac "
        "artery and a second calcified plaque of the right common femoral "
        "artery.\nPROCEDURE: The vessel was opened and the plaque was shelled "
        "out; it was heavily calcified.",
        [1, 2, 3],
    ),
]


@pytest.mark.parametrize("text, lesions", PRONOUN_AFTER_SEMICOLON)
def test_pronoun_after_semicolon_restates_the_noun_before(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A valve's disease ("calcific aortic stenosis") leaves the sub-site unsaid:
# a later sentence naming the leaflets or cusps as what is calcified restates
# it, though its site comes from elsewhere; the annulus is another lesion
# (GUIDE: lesion, clinical notes).
LEAFLETS_OF_THE_DISEASE = [
    (
        "PREOPERATIVE DIAGNOSIS: Critical calcific aortic stenosis.\n"
        "PROCEDURE: Aortic valve replacement.\n"
        "INDICATIONS: Echo showed a valve area of 0.7 cm2 with densely calcified "
        "aortic cusps. CT showed calcification of the descending aortic wall.\n"
        "FINDINGS: The three cusps were rigid and densely calcified, the left "
        "one the most. The annulus was also calcified.",
        [1, 1, 2, 1, 3],
    ),
]


@pytest.mark.parametrize("text, lesions", LEAFLETS_OF_THE_DISEASE)
def test_leaflets_restate_the_valve_disease(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A mention that names its site by itself ("annular calcification") names no
# part of that site with its word "calcification": in a later section it
# restates the one lesion at that site (GUIDE: lesion, clinical notes).
SITE_NAMED_BY_THE_MENTION = [
    (
        "INDICATIONS: TEE showed a densely calcified posterior mitral annulus and "
        "a calcified anterior mitral leaflet tip.\nFINDINGS: The posterior "
        "annulus was densely calcified from P1 to P3.\nPROCEDURE IN DETAIL: The "
        "central part of the annular calcification was removed with a rongeur.",
        [1, 2, 1, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", SITE_NAMED_BY_THE_MENTION)
def test_mention_naming_its_site_restates_it(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A bare predicate after a comma right behind a noun says that noun is
# calcified: where the noun heads one earlier lesion's findings, it restates
# that lesion in a later section (GUIDE: lesion, clinical notes); another
# noun's predicate stays apart.
PREDICATE_OF_THE_NOUN_BEFORE = [
    (
        "INDICATIONS: CT showed calcified mural thrombus along the aneurysm sac "
        "and a calcified plaque of the left renal artery.\nFINDINGS: The aneurysm "
        "was opened; the sac held old laminated thrombus, calcified along its "
        "outer rim.",
        [1, 2, 1],
    ),
    (
        "INDICATIONS: CT showed calcified mural thrombus along the aneurysm sac "
        "and a calcified plaque of the left renal artery.\nFINDINGS: The aneurysm "
        "was opened; the sac held a soft fibrous rind, calcified along its outer "
        "rim.",
        [1, 2, 3],
    ),
]


@pytest.mark.parametrize("text, lesions", PREDICATE_OF_THE_NOUN_BEFORE)
def test_predicate_of_the_noun_before(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# Two headers of one section category are two sections: the indications'
# soft tissue named more precisely ('in the subcutaneous fat') restates the
# preoperative diagnosis's soft tissue mass (GUIDE: lesion, clinical notes:
# the preoperative diagnosis and the history name one calcification).
TISSUE_UNDER_ANOTHER_HEADER = [
    (
        "PREOPERATIVE DIAGNOSIS: Calcified soft tissue mass of the left forearm.\n"
        "INDICATIONS: MRI showed a 3 cm calcified mass in the subcutaneous fat "
        "of the left forearm and a 2 mm calcification in the left brachioradialis "
        "muscle.",
        [1, 1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", TISSUE_UNDER_ANOTHER_HEADER)
def test_tissue_restated_under_another_header(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# ... and that 'it' takes the side of the mention it refers back to
# (corpora/GUIDE.md laterality: "it" refers back).
def test_pronoun_after_semicolon_takes_the_side(findings_of):
    text = PRONOUN_AFTER_SEMICOLON[0][0]
    assert [f.laterality for f in findings_of(text)] == ["right", "right", "right"]


# A bare predicate said of 'the lesion' (a lesion noun, `lesion_nouns`)
# points back to a lesion its note named as a thing, a mass or a nodule; of
# no site, it restates no organ said to be calcified in another section by
# the same bare word ('The pineal gland is calcified') (GUIDE: lesion, an
# anaphor refers back to the one it names; words that only say "calcified"
# are not the same words).
LESION_SUBJECT = [
    (
        "HISTORY: Head CT shows a 2 cm densely calcified extra-axial mass along "
        "the left parietal convexity. The pineal gland is calcified. No "
        "hemorrhage.\nEXAMINATION: Alert and oriented.\nIMAGING REVIEWED: As "
        "above. The lesion is heavily calcified and unchanged from the prior MRI.",
        2,
    ),
]


@pytest.mark.parametrize("text, organ", LESION_SUBJECT)
def test_lesion_subject_is_no_organ(lesion_numbers, text, organ):
    numbers = lesion_numbers(text)
    assert numbers[-1] != numbers[organ - 1]


# A definite noun phrase repeating the words of a lesion named before it in
# its section ('the vascular calcification' after 'Diffuse vascular
# calcification') refers back to that lesion; that one summed up the
# vessels' lesions, and the anaphor sums up nothing anew (GUIDE: lesion, an
# anaphor, 'the calcification', refers back to one).
DEFINITE_REPEAT = [
    (
        "IMAGING: CT shows dense calcification of both iliac arteries and "
        "scattered calcification of the left renal artery.\nASSESSMENT:\n1. "
        "Diffuse vascular calcification from long-standing diabetes.\n2. Statin "
        "therapy may slow the vascular calcification; recheck lipids.",
        [1, 2, 3, 3],
    ),
]


@pytest.mark.parametrize("text, lesions", DEFINITE_REPEAT)
def test_definite_repeat_restates_the_sum(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A verb that says what a thing is ('represent', `size_restating_verbs`)
# links a finding to the one before it in its sentence as a restating link
# does ('faint centrilobular calcifications in both upper lobes, which in
# this setting represent metastatic calcification'), so the diagnoses'
# restatement of either is theirs (GUIDE: a finding its sentence names as
# what the one before it is shares its number, and so does a later
# restatement of either).
NAMED_BY_A_VERB = [
    (
        "DISCHARGE DIAGNOSES:,  1.  Metastatic calcification of the lungs, mild.,"
        "HOSPITAL COURSE:,  CT of the chest showed faint centrilobular "
        "calcifications in both upper lobes, which in this setting represent "
        "metastatic calcification, and a calcified granuloma in the left lower lobe.",
        [1, 1, 1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", NAMED_BY_A_VERB)
def test_a_verb_naming_what_it_is_links(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# Two segments a place join ties after one calcification noun ("calcification
# of the ostium and proximal segment") name one lesion at both; a later
# finding of a catheterisation note naming one of them restates it, another
# vessel's segment does not (GUIDE: lesion, a phrase that joins two places
# names one lesion at both; a later finding naming one restates it).
JOINED_SEGMENTS = [
    (
        "Dominant RCA with severe calcification of the ostium and proximal "
        "segment. LAD with mild calcific plaque in the mid vessel. Final "
        "result: a small residual calcified plaque in the proximal RCA.",
        [1, 2, 1],
    ),
    (
        "The LAD is heavily calcified in its proximal and mid segments. The "
        "circumflex has mild calcification distally. After stenting, calcified "
        "plaque persists in the mid LAD.",
        [1, 2, 1],
    ),
    # guard: the joined place is another vessel's segment
    (
        "There is calcified plaque in the proximal LAD and mid RCA. Later, "
        "calcified plaque in the mid LAD was also noted.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", JOINED_SEGMENTS)
def test_joined_segments_name_one_lesion(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A finding whose sentence names no place takes its vessel from an earlier
# sentence; when that sentence holds no calcification ("The RCA was
# normal."), the vessel is no sub-site of the finding, which restates the
# lesion named before it (GUIDE: lesion; guide "Site and side from
# context": a clause about another structure gives no place).
PLACE_FROM_ANOTHER_SENTENCE = [
    (
        "Heavy calcification in the proximal LAD stopped the wire. The calcified "
        "plaque in the proximal LAD was treated with atherectomy. The RCA was "
        "normal. Afterwards this calcified vessel accepted a balloon. A stent was "
        "then deployed, leaving a 20% residual, largely eccentric calcified plaque.",
        [1, 1, 1, 1],
    ),
    # guard: a sentence opening with a place of its own keeps that place
    (
        "The common femoral artery was heavily calcified. The superficial "
        "femoral artery was soft. The profunda had mild calcification at its "
        "origin.",
        [1, 2],
    ),
]


@pytest.mark.parametrize("text, lesions", PLACE_FROM_ANOTHER_SENTENCE)
def test_place_from_a_sentence_without_calcification(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A finding whose sentence names no place lies at the segment the sentence
# right before it names, when that sentence holds no calcification and no
# other place: a lesion of another segment is another lesion (guide "Site
# and side from context"; GUIDE: lesion, different sub-sites). A place past
# the first diagonal is the mid LAD (SCCT 2014 segments).
SEGMENT_FROM_THE_SENTENCE_BEFORE = [
    (
        "The LAD is heavily calcified in its proximal portion. A 60% narrowing "
        "between the first and second diagonal branches was dilated with a "
        "balloon. Following dilation a 20% residual eccentric calcified plaque "
        "remained.",
        [1, 2],
    ),
    (
        "Mild calcification of the proximal LAD. Between D1 and D2 there was a "
        "90% stenosis that we ballooned. It left a 30% residual calcified plaque.",
        [1, 2],
    ),
    (
        "The proximal LAD has a calcified plaque. A tight lesion just after the "
        "first diagonal was treated with angioplasty. This left a small residual "
        "calcified plaque.",
        [1, 2],
    ),
    (
        "Heavy calcification of the proximal LAD. A long 80% lesion past the "
        "first diagonal was predilated and stented. After deployment, eccentric "
        "calcified plaque persisted with a 10% residual narrowing.",
        [1, 2],
    ),
    (
        "The proximal LAD shows calcified plaque. There is a 70% stenosis distal "
        "to the first diagonal. Residual calcified plaque is present after "
        "angioplasty.",
        [1, 2],
    ),
    # a segment word alone, the vessel left to the sentences before
    (
        "The proximal LAD shows calcified plaque. There is a 70% stenosis in the "
        "distal segment. Residual calcified plaque is present after angioplasty.",
        [1, 2],
    ),
    (
        "Dense calcification of the proximal LAD. A 70% stenosis in the mid "
        "segment was stented. There was residual calcified plaque at the stent "
        "edge.",
        [1, 2],
    ),
    # guard: the sentence before names the lesion's own segment
    (
        "The LAD is heavily calcified in its proximal portion. The proximal "
        "narrowing was dilated with a balloon. A 20% residual calcified plaque "
        "remained.",
        [1, 1],
    ),
    # guard: the sentence before names no segment
    (
        "The LAD is heavily calcified in its proximal portion. The narrowing was "
        "dilated with a balloon. A 20% residual calcified plaque remained.",
        [1, 1],
    ),
    # guard: the sentence before names another vessel
    (
        "The LAD is heavily calcified in its proximal portion. The mid RCA was "
        "normal. A 20% residual calcified plaque remained after the balloon.",
        [1, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", SEGMENT_FROM_THE_SENTENCE_BEFORE)
def test_segment_from_the_sentence_before(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions
