"""Paraphrases of the real-text conventions, so that no rule fits one wording.

For each class of error fixed on real exports (guide §2-§4: which conditions a
report asserts, where a negation or a hedge stops, what the classification
rests on), several made-up sentences with other words, order, punctuation,
de-identification tokens (XXXX) and comma-joined layout. None is taken from a
real report. A row that fails means a rule was written for one sentence.
"""

from __future__ import annotations

from typing import Any

import pytest

CHEST = "EXAM: Chest PA and lateral.\nFINDINGS: The lungs are clear. Heart size is normal. "
FINDING = "\nCalcified granuloma."

# Conditions the report does not assert for the patient (guide §3-§4).
NOT_ASSERTED = [
    # planned: the plan before or after its object, 'pre-', 'will'
    "The patient is scheduled for a right mastectomy next week.",
    "Surgery is planned for next month.",
    "Plans are to proceed with a left carotid endarterectomy.",
    "The plan is excision of the mass.",
    "She will undergo a hysterectomy.",
    "She is to undergo lumpectomy.",
    "He was offered a lumpectomy.",
    "We recommended coronary artery bypass grafting.",
    "Candidate for aortic valve replacement.",
    "Awaiting kidney transplant.",
    "Preoperative evaluation for hip arthroplasty.",
    "PRE-RENAL TRANSPLANT CARDIAC EVALUATION.",
    "Pre-transplant workup,, no acute distress.",
    # a 'pre' written apart from the procedure it comes before
    "Pre renal transplant, cough.",
    "INDICATION: pre liver transplant",
    # a leading consideration, what remains in the differential
    "The leading consideration is sarcoidosis; lymphoma remains in the differential.",
    "Tuberculosis is also on the differential.",
    # what a finding can be seen with, not the patient's disease
    "Such calcifications can be seen with chronic pancreatitis.",
    "This pattern can occur with sarcoidosis.",
    # a high calcium score is coronary calcium, not the blood's
    "Known high calcium score on a prior CT.",
    "Elevated calcium score of 640 in 2020.",
    # a procedure never done
    "CABG was never performed.",
    "Excision has not been performed.",
    # a disease never confirmed or proven
    "Histoplasmosis was never confirmed by serology.",
    "Sarcoidosis has not been proven.",
    # a procedure still to arrange, or not indicated
    "Will schedule nephrectomy.",
    "We will arrange a left carotid endarterectomy.",
    "Excision is not indicated at this time.",
    "Further surgery is not needed.",
    # an operation the note weighs: its risk, its indication, an option
    "His frailty makes surgical AVR high risk.",
    "Redo sternotomy is prohibitive risk.",
    "We discussed the option of valve replacement.",
    "Options of endarterectomy and stenting were reviewed.",
    "Parathyroidectomy is indicated.",
    # a service the patient will see or is referred to
    "She will see surgery next week.",
    "Referred to vascular surgery for evaluation.",
    # a consulting service named after a specialty
    "General surgery was consulted for the wound.",
    "Vascular surgery was asked to see him.",
    "Hand surgery saw her in clinic.",
    "Plastic surgery has been contacted.",
    "Colorectal surgery followed him during the admission.",
    # an indication line in capitals ending above the next header
    "\nINDICATION: ROUTINE PREOP, XXXX SURGERY\nIMPRESSION: No acute disease.",
    # a differential, in several layouts
    "Differential diagnosis includes sarcoidosis, lymphoma and tuberculosis.",
    "Sarcoidosis versus lymphoma.",
    "DDx: sarcoidosis vs lymphoma.",
    "The findings could reflect sarcoidosis or lymphoma.",
    "Atelectasis vs scar at the left base.",
    "Opacity at the left base, scarring versus atelectasis.",
    "Bandlike opacity, atelectasis and/or scar.",
    "Likely atelectasis, less likely scarring.",
    # negated
    "Negative for tuberculosis.",
    "There is no history of trauma.",
    "Denies diabetes.",
    "Without evidence of fracture.",
    "He has never had surgery.",
    "She was never diagnosed with diabetes.",
    "No prior surgeries.",
    "No acute rib fractures are seen.",
    "No displaced, acute fracture.",
    "Tuberculosis: negative.",
    "Patient has no known history of sarcoidosis.",
    # hedged or only asked about
    "Questionable sarcoidosis.",
    "Suspected lymphoma.",
    "Sarcoidosis cannot be excluded.",
    "Findings raise concern for lymphoma.",
    "Findings are worrisome for lymphoma.",
    "Rule out tuberculosis.",
    "R/O sarcoidosis.",
    "Evaluate for hyperparathyroidism.",
    "Consider sarcoidosis.",
    "Correlate clinically for tuberculosis.",
    "Clinical correlation with sarcoidosis history advised.",
    # a relative's
    "Mother with diabetes.",
    "FAMILY HX: Diabetes in his father.",
    "His brother has sarcoidosis.",
    "Family history is significant for lymphoma.",
    # words with another sense here
    "MVA 1.2 cm2 by planimetry.",
    "Mitral valve area (MVA) of 1.4 cm2.",
    "Images were processed with CAD software.",
    "Stroke volume index is normal.",
    "Fall precautions.",
    "No CVA tenderness.",
    "Hepatitis B immune.",
    "LEFT ILIAC CREST BONE MARROW BIOPSY.",
    "ALL FINDINGS WERE DISCUSSED WITH THE PATIENT.",
    # care to avoid, prevent or protect from
    "Attention was paid to avoiding bladder injury.",
    "The ureter was protected from injury.",
    "Prophylaxis for DVT.",
    # a plan after the fact, a need, a referral
    "Surgery was recommended.",
    "Surgical options were discussed.",
    "Referred to surgery.",
    "She may need surgery.",
    "Diabetes: denies.",
    "Hypertension: yes. Diabetes: no.",
    # the operation the note itself describes or asks consent for
    "Consent was obtained for lumpectomy.",
    "Informed consent for surgery was signed.",
    "The patient consented to a right hemicolectomy.",
    "He was taken to surgery.",
    "She was brought for lumpectomy.",
    "PROCEDURE PERFORMED: Left heart catheterization.",
    "TITLE OF OPERATION: Excision of mass.",
    "PROCEDURES:,1.  Cystoscopy.,2.  Resection of bladder tumor.",
    # a heading or a workup names no condition of the patient's
    "POSTOPERATIVE DIAGNOSIS: Same as above.",
    "POST-OPERATIVE DIAGNOSES:, Same.",
    "Tuberculosis evaluation.",
    "Sent for hyperparathyroidism evaluation.",
    # a test for a disease, with or without a specimen word between
    "Quantiferon for TB was negative.",
    "Histoplasma urine antigen pending.",
    "Histoplasma antibody titers were sent.",
    "INDICATION: Immigration TB clearance.",
    "INDICATION: TB clearance for employment.",
    "INDICATION: Tuberculosis evaluation, cough.",
    # possible complications and risks
    "Risks such as bleeding, infection and injury to nerves were explained.",
    "Complications including hematoma, infection, and DVT were discussed.",
    "Potential complications, including DVT and hematoma, were reviewed.",
    "Risks listed include, among others, bleeding, infection, stroke, and MI.",
    "Risks of the procedure, including bleeding, DVT, and myocardial infarction, were explained.",
    "Possible complications include hematoma, infection, and stroke.",
    "Prior to surgery, antibiotics were given.",
    "She would like to have surgery.",
    # differentials and hedged readings
    "A differential diagnosis of sarcoidosis and lymphoma was considered.",
    "Differential diagnosis: TB, sarcoid.",
    "Opacity at the left base, favoring scar over atelectasis.",
    "Left base opacity favored to represent scarring.",
    "The nodes may reflect prior granulomatous disease.",
    "This might reflect old tuberculosis.",
    # a modal 'indicate' offers a reading, as 'reflect' does, also after a
    # comma that ends an earlier hedge's reach
    "Faint low density in the spleen, which may indicate a small cyst.",
    "A questionable lucency, this could indicate a cyst, but it is not well seen.",
    "The hilar nodes might indicate sarcoidosis.",
    "Findings may be related to sarcoidosis.",
]

ASSERTED: list[tuple[str, list[str]]] = [
    ("History of end-stage renal disease.", ["chronic kidney disease"]),
    ("He was diagnosed with sarcoidosis in 2001.", ["sarcoidosis"]),
    ("Known hyperparathyroidism.", ["hyperparathyroidism"]),
    ("S/P CABG.", ["prior surgery"]),
    ("S/P CABG, high risk for bleeding.", ["prior surgery"]),
    ("Status post parathyroidectomy as indicated by the endocrinologist.", ["prior surgery"]),
    ("Status post left mastectomy.", ["prior surgery"]),
    ("Prior sternotomy.", ["prior surgery"]),
    ("PMH: DM2, HTN, ESRD on HD.", ["diabetes mellitus", "chronic kidney disease"]),
    ("Past history: ESRD, diabetes, gout.", ["chronic kidney disease", "diabetes mellitus"]),
    ("PAST MEDICAL HISTORY: CAD, CKD.", ["atherosclerosis", "chronic kidney disease"]),
    ("Remote history of tuberculosis, treated.", ["tuberculosis"]),
    ("He had a motor vehicle accident in 1999.", ["trauma"]),
    ("Patient is on hemodialysis.", ["chronic kidney disease"]),
    ("Old granulomatous disease.", ["granulomatous disease"]),
    ("Prior granulomatous infection.", ["granulomatous disease"]),
    ("Healed left rib fractures.", ["trauma"]),
    ("Risk factors include diabetes.", ["diabetes mellitus"]),
    ("Pre-existing diabetes.", ["diabetes mellitus"]),
    # a denial ends at its own list item, before or after it
    ("ESRD on HD, persistent fevers, negative cultures.", ["chronic kidney disease"]),
    ("Diabetes mellitus, hypertension, negative stress test.", ["diabetes mellitus"]),
    ("Sarcoidosis, fever, cultures negative.", ["sarcoidosis"]),
    ("Hx of MI, no chest pain.", ["infarct"]),
    ("Sarcoidosis; no fever; blood cultures negative.", ["sarcoidosis"]),
    # an acute kidney injury is no chronic kidney disease
    ("8.  Acute renal failure.,9.  Anemia.", []),
    ("Acute renal insufficiency, resolved.", []),
    ("Acute on chronic renal failure.", ["chronic kidney disease"]),
    # a hedge stops where a known fact is given as its reason
    ("Possibly metastatic calcification given hypercalcemia.", ["hypercalcemia"]),
    ("Possible metastatic calcification given his known renal failure.", ["chronic kidney disease"]),
    ("Possible metastatic calcification in the setting of ESRD.", ["chronic kidney disease"]),
    ("Heparin was given for prevention of DVT.", []),
    # a list of risks ends at its sentence or at a clause verb
    ("Risks include bleeding, DVT, and stroke. He has a history of stroke.", ["infarct"]),
    ("Risks of the procedure include bleeding and DVT, and he has diabetes.", ["diabetes mellitus"]),
    # past-history lists in note layouts
    ("PAST MEDICAL HISTORY:, Significant for hypertension, diabetes, and CAD.", ["diabetes mellitus", "atherosclerosis"]),
    ("PAST SURGICAL HISTORY:, Appendectomy, cholecystectomy.", ["prior surgery"]),
    ("PAST MEDICAL HISTORY:,1.  Diabetes mellitus.,2.  Sarcoidosis.", ["diabetes mellitus", "sarcoidosis"]),
    ("FAMILY HISTORY:, Mother had diabetes.,PAST MEDICAL HISTORY:, Lymphoma.", ["lymphoma"]),
    ("No family history of lymphoma. Personal history of lymphoma.", ["lymphoma"]),
    ("REVIEW OF SYSTEMS: Negative for diabetes, tuberculosis, or stroke.", []),
    ("He denies any history of kidney disease, hypertension or diabetes.", []),
    ("INDICATION: XXXX-year-old with lung cancer, status post lobectomy.", ["prior surgery"]),
    ("Surgery followed by radiation therapy for breast cancer.", ["prior surgery", "radiation therapy"]),
    ("Lumpectomy and radiation XXXX in 2015.", ["prior surgery", "radiation therapy"]),
    ("Posterior dislocation of the left elbow in 2019, reduced.", ["trauma"]),
    ("History of myomectomy.", ["prior surgery"]),
    ("Sickle cell disease with autoinfarction of the spleen.", ["infarct"]),
    # an 'or' after a negation reads the denied things, not the stated one before it
    ("Aorta: calcified atherosclerotic plaque without aneurysm or dissection.", ["atherosclerosis"]),
    ("Prior cholecystectomy, no hernia or obstruction.", ["prior surgery"]),
    # a note's combined assessment and plan header: its diagnoses are the patient's
    ("ASSESSMENT AND PLAN: , 1.  Primary hyperparathyroidism.  Labs in 3 months.", ["hyperparathyroidism"]),
    ("Assessment/Plan: Chronic kidney disease, stage 4.", ["chronic kidney disease"]),
    ("Prostate cancer treated with brachytherapy.", ["radiation therapy"]),
    ("Right breast cancer, s/p lumpectomy and radiation.", ["prior surgery", "radiation therapy"]),
    ("INDICATION: XXXX-year-old with lung cancer status post radiation.", ["radiation therapy"]),
    # a question mark hedges its own phrase, not the condition before a comma
    ("INDICATION: Renal failure, ? pneumonia.", ["chronic kidney disease"]),
    ("Hodgkin lymphoma treated with chemotherapy and radiation.", ["lymphoma", "chemotherapy", "radiation therapy"]),
    ("Motor vehicle collision two years ago.", ["trauma"]),
    ("Remote left carotid endarterectomy.", ["prior surgery"]),
    ("Two prior cesarean sections; tubal ligation.", ["prior surgery"]),
    # spine augmentation and 'post surgical' written as two words
    ("Kyphoplasty at T12.", ["prior surgery"]),
    ("Prior L1 vertebroplasty with cement in the body.", ["prior surgery"]),
    ("Post surgical appearance of the right breast.", ["prior surgery"]),
    ("Pre existing diabetes.", ["diabetes mellitus"]),
    ("No acute fracture. Old healed rib fracture on the left.", ["trauma"]),
]


@pytest.mark.parametrize("text", NOT_ASSERTED)
def test_paraphrase_names_no_condition(analyzer, text):
    assert [c.name for c in analyzer.analyze(text + FINDING, "T").conditions] == []


@pytest.mark.parametrize(("text", "names"), ASSERTED)
def test_paraphrase_names_its_conditions(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# (text, a word of the finding's mention, its expected flags)
SCOPE: list[tuple[str, str, dict[str, Any]]] = [
    # a hedge after its object, and 'may or may not', which holds a 'not'
    # but denies nothing
    ("Right upper lobe nodule, calcification not certain on this film.", "calcification", {"uncertain": True, "negated": False}),
    ("Whether the nodule contains calcium is not certain.", "calcium", {"uncertain": True, "negated": False}),
    ("A 6 mm left basilar nodule, which may or may not be calcified.", "calcified", {"uncertain": True, "negated": False}),
    ("CALCIFICATION MAY OR MAY NOT BE PRESENT WITHIN THE RIGHT HILAR NODE.", "calcification", {"uncertain": True, "negated": False}),
    # the adverbs of 'questionable' and 'equivocal', and presence that
    # cannot be confirmed
    ("Small right apical nodule, questionably calcified.", "calcified", {"uncertain": True}),
    ("EQUIVOCALLY CALCIFIED LEFT HILAR NODE.", "calcified", {"uncertain": True}),
    ("Punctate calcification in the spleen could not be confirmed on the delayed images.", "calcification", {"uncertain": True, "negated": False}),
    ("Coronary calcification cannot be confirmed on this nongated study.", "calcification", {"uncertain": True, "negated": False}),
    ("Calcified granuloma in the RUL, as can be confirmed on the lateral view.", "calcified", {"uncertain": False}),
    # a negation ends at the next predicate or at a list item with its own 'no'
    ("No effusion, no pneumothorax; calcified hilar nodes.", "calcified", {"negated": False}),
    ("Without focal consolidation, a calcified granuloma is present at the left base.", "calcified", {"negated": False}),
    ("No pneumothorax, calcified granuloma in the RUL is stable.", "calcified", {"negated": False}),
    ("Negative for acute process, calcified granulomas again seen.", "calcified", {"negated": False}),
    ("No infiltrate or effusion, a few granulomas are calcified.", "calcified", {"negated": False}),
    ("No effusion, no consolidation, dense calcification in the aortic arch.", "calcification", {"negated": False}),
    ("No edema,no effusion,scattered calcified granulomas.", "calcified", {"negated": False}),
    ("No focal consolidation; no pneumothorax; scattered calcified granulomas.", "calcified", {"negated": False}),
    ("No consolidation. , Calcified granuloma in the left apex.", "Calcified", {"negated": False}),
    ("Calcified granuloma, not well seen on the lateral view.", "Calcified", {"negated": False}),
    ("The calcification does not lie along the expected course of the ureter.", "calcification", {"negated": False}),
    ("No evidence of active disease, calcified granuloma stable.", "calcified", {"negated": False}),
    ("No acute cardiopulmonary abnormality, stable calcified granuloma.", "calcified", {"negated": False}),
    ("Negative for pneumonia; calcified hilar nodes unchanged.", "calcified", {"negated": False}),
    ("No infiltrate although a calcified granuloma is seen.", "calcified", {"negated": False}),
    ("No abnormality other than calcified granulomas.", "calcified", {"negated": False}),
    ("The calcified granuloma has not changed.", "calcified", {"negated": False}),
    ("Calcified nodes do not appear enlarged.", "Calcified", {"negated": False}),
    ("A calcified granuloma that was not seen on the prior is now visible.", "calcified", {"negated": False}),
    # the prior's date hidden by de-identification: new, not denied; a view is no date
    ("Calcific focus at the right base, not seen on XXXX.", "Calcific", {"negated": False}),
    ("Calcified granuloma at the right base, not seen on XXXX view.", "Calcified", {"negated": True}),
    ("Calcified nodule in the left base, not present on the previous study.", "Calcified", {"negated": False}),
    ("Grouped calcifications in the left breast, not seen on the study of XX/XX/XXXX.", "calcifications", {"negated": False}),
    ("Calcified nodule in the right base, not present on the CT dated 03/14/2021.", "Calcified", {"negated": False}),
    # ... but a study named by its place, not its date, is today's: denied
    ("Calcification is not seen on the CT of the pelvis.", "Calcification", {"negated": True}),
    ("Calcified plaque without significant stenosis.", "Calcified", {"negated": False}),
    ("The aortic valve is calcified without stenosis.", "calcified", {"negated": False}),
    # ... but a list the denial covers stays denied
    ("There are no suspicious masses, calcifications, or architectural distortion.", "calcifications", {"negated": True}),
    ("No pneumothorax, effusion, or calcified nodes.", "calcified", {"negated": True}),
    ("No effusion or calcification.", "calcification", {"negated": True}),
    ("There are no calcifications, masses or effusions.", "calcifications", {"negated": True}),
    ("Calcifications are not seen.", "Calcifications", {"negated": True}),
    ("Vascular calcification: none.", "calcification", {"negated": True}),
    ("Renal calcification, effusion and ascites are absent.", "calcification", {"negated": True}),
    ("Splenic calcification seen before, now resolved.", "calcification", {"negated": True}),
    # hedges attach to what they govern
    ("Nodule at the right base may be a calcified granuloma or a nipple shadow.", "calcified", {"uncertain": True}),
    ("Either a calcified granuloma or a vessel seen end-on.", "calcified", {"uncertain": True}),
    ("Calcified granuloma versus bone island in the left apex.", "Calcified", {"uncertain": True}),
    ("Differential diagnosis includes a calcified lymph node.", "calcified", {"uncertain": True}),
    ("Density at the right base, nipple shadow versus calcified granuloma.", "calcified", {"uncertain": True}),
    ("The density could be a vessel seen on end or a calcification.", "calcification", {"uncertain": True}),
    ("Density at the left base, question calcified granuloma.", "calcified", {"uncertain": True}),
    ("Faint density, ? calcified granuloma.", "calcified", {"uncertain": True}),
    ("Calcification is difficult to exclude.", "Calcification", {"uncertain": True}),
    ("It is hard to exclude a small calcification in the left kidney.", "calcification", {"uncertain": True}),
    ("Calcification is favored.", "Calcification", {"uncertain": True}),
    ("A calcified granuloma is not excluded.", "calcified", {"uncertain": True}),
    ("Small nodule that may be calcified.", "calcified", {"uncertain": True}),
    ("There could be a tiny calcification in the left kidney.", "calcification", {"uncertain": True}),
    ("The nodule in question is calcified.", "calcified", {"uncertain": False}),
    ("Calcified granulomas, likely from prior histoplasmosis.", "Calcified", {"uncertain": False}),
    ("Calcifications in the right breast, likely dystrophic.", "Calcifications", {"uncertain": False}),
    ("Calcified granuloma, presumably from histoplasmosis.", "Calcified", {"uncertain": False}),
    ("Calcified granuloma is thought to be old.", "Calcified", {"uncertain": False}),
    ("Calcified granuloma. Scar is a less likely consideration.", "Calcified", {"uncertain": False}),
    ("Calcified nodule, most likely a granuloma.", "Calcified", {"uncertain": False}),
    # past-history lists are not hypothetical; conditional ones are
    ("PMH: CAD, breast calcifications, osteoarthritis.", "calcifications", {"hypothetical": False}),
    ("Past history significant for renal calcifications and gout.", "calcifications", {"hypothetical": False}),
    ("If calcifications develop, biopsy is advised.", "calcifications", {"hypothetical": True}),
    ("Fibroids can contain calcifications.", "calcifications", {"hypothetical": True}),
    ("Follow-up to assess for calcification.", "calcification", {"hypothetical": True}),
    # seen now and before is present, not historical
    ("A known calcified granuloma is again seen in the right lung.", "calcified", {"historical": False}),
    ("Previously noted calcified granuloma is unchanged.", "calcified", {"historical": False}),
    ("Calcified granuloma, redemonstrated.", "Calcified", {"historical": False}),
    ("History of breast calcifications, biopsied in XXXX.", "calcifications", {"historical": True}),
    # a past marker that is a disease's adjective dates the disease only
    ("Sequelae of prior granulomatous disease (calcified splenic granulomas).", "calcified", {"historical": False}),
    ("Prior TB with calcified hilar nodes.", "calcified", {"historical": False}),
    ("hx esrd on hd, calcified aorta.", "calcified", {"historical": False}),
    ("Hx lumpectomy for calcifications.", "calcifications", {"historical": True}),
    ("Prior calcified granuloma, no longer seen.", "calcified", {"historical": True}),
    # a comparison with the prior study is no past state
    ("Coarse pancreatic calcifications, more numerous than on the prior.", "calcifications", {"historical": False}),
    ("Splenic calcification, larger than on the previous exam.", "calcification", {"historical": False}),
    ("Aortic calcification, as on the prior.", "calcification", {"historical": False}),
    # what has resolved is denied and past; what has partly resolved is not
    ("Interval resolution of the calcific deposit in the supraspinatus.", "calcific", {"negated": True, "historical": True}),
    ("Complete resolution of the previously seen calcification.", "calcification", {"negated": True, "historical": True}),
    ("Partial resolution of the calcific tendinitis.", "calcific", {"negated": False}),
    # a negation ends where a restating phrase opens the next list item
    ("EXAM: Renal US.\nFINDINGS: Echogenic pyramids without shadowing, typical for medullary nephrocalcinosis.", "nephrocalcinosis", {"negated": False}),
    # 'none' denies what it is said of, after it or before it; 'none of concern' grades
    ("EXAM: CT.\nFINDINGS: Several pulmonary nodules, none calcified.", "calcified", {"negated": True}),
    ("EXAM: Mammogram.\nFINDINGS: Masses: none. Calcifications: none.", "calcifications", {"negated": True}),
    ("EXAM: CT.\nFINDINGS: Punctate calcifications in the spleen, none of concern.", "calcifications", {"negated": False}),
    # a second verb after 'and' opens its own clause: what it shows is there
    ("HPI: CT was negative for pulmonary embolism and showed dense calcification of the aortic arch.", "calcification", {"negated": False}),
    # a recall from screening is for what the screening found
    ("INDICATION: Recalled from screening for left breast calcifications.", "calcifications", {"hypothetical": False}),
    ("INDICATION: Callback from screening for grouped calcifications.", "calcifications", {"hypothetical": False}),
    ("INDICATION: Call back after screening for calcifications in the right breast.", "calcifications", {"hypothetical": False}),
]


@pytest.mark.parametrize(("text", "word", "expected"), SCOPE)
def test_paraphrase_scope(findings_of, text, word, expected):
    (f,) = [f for f in findings_of(text) if word.lower() in f.mention.lower()]
    assert {name: getattr(f, name) for name in expected} == expected


# A differential whose every reading is a dystrophic cause still gives rule 1;
# a metastatic reading, or the calcification as a reading itself, does not.
CLASSIFICATION: list[tuple[str, str]] = [
    (CHEST + "Calcified opacity at the left base suggestive of old hematoma or prior infection.", "dystrophic"),
    ("EXAM: CT abdomen.\nFINDINGS: Splenic calcification, which may be from prior infection or trauma.", "dystrophic"),
    ("EXAM: CT abdomen.\nFINDINGS: Calcification in the liver, sequela of old trauma or granulomatous infection.", "dystrophic"),
    (CHEST + "A calcified XXXX density at the right base, XXXX old hematoma, scar, or prior TB.", "dystrophic"),
    (CHEST + "A calcified density in the right base, XXXX likely an old granuloma.", "dystrophic"),
    (CHEST + "Calcification in the left midlung, most consistent with a granuloma.", "dystrophic"),
    ("EXAM: CT head.\nFINDINGS: Hyperdense focus in the left thalamus, hemorrhage versus calcification.", "indeterminate"),
    ("EXAM: CT head.\nFINDINGS: Hyperdense focus in the pons which may represent calcification or hemorrhage.", "indeterminate"),
    ("EXAM: CT abdomen.\nFINDINGS: Renal calcification, prior infection or hyperparathyroidism.", "indeterminate"),
    # the reading set aside is no cause
    ("EXAM: CT head.\nFINDINGS: Hyperdense focus in the left thalamus; calcification is favored over hemorrhage.", "indeterminate"),
    # a mention naming its lesion keeps it when its sentence offers another reading
    (CHEST + "Questionable right upper lobe calcified granuloma versus bone island.", "dystrophic"),
    (CHEST + "Possible calcified granuloma or nipple shadow at the left base.", "dystrophic"),
    # a nodule or goiter only asked about or denied does not make the gland prone
    ("EXAM: CT neck.\nFINDINGS: Tracheal deviation with thyroid calcification, ultrasound suggested to evaluate for goiter.", "indeterminate"),
    ("EXAM: US thyroid.\nFINDINGS: A 3 mm calcification in the right lobe, not associated with any nodule.", "indeterminate"),
    ("EXAM: US thyroid.\nFINDINGS: A 3 mm calcification within a right lobe nodule.", "dystrophic"),
    # criteria for surgery are no surgery done
    ("ASSESSMENT: Primary hyperparathyroidism with nephrocalcinosis, meeting surgical criteria.", "metastatic"),
    # a cause listed as the next item (', and', ';') explains nothing of it
    ("EXAM: CT abdomen.\nFINDINGS: Punctate calcification in the right kidney, and old healed left rib fractures.", "indeterminate"),
    ("EXAM: CT abdomen.\nFINDINGS: Punctate calcification in the right kidney; old healed left rib fractures.", "indeterminate"),
    ("EXAM: CT abdomen.\nFINDINGS: Punctate calcification in the right kidney from old trauma.", "dystrophic"),
    # 'plaque-like' gives a deposit's shape, no plaque
    ("EXAM: CT head.\nFINDINGS: Dense plaque-like calcification along the falx.", "indeterminate"),
    ("EXAM: CT chest.\nFINDINGS: Plaque like calcification of the pericardium.", "indeterminate"),
    ("EXAM: CT neck.\nFINDINGS: Right ICA: calcified plaque - mild narrowing.", "dystrophic"),
]


@pytest.mark.parametrize(("text", "expected"), CLASSIFICATION)
def test_paraphrase_classification(only, text, expected):
    assert only(text).classification == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # other names of the guide §3 conditions
        ("Minimal arteriosclerotic vascular calcifications.", "atherosclerosis"),
        ("PMH: ASHD, hypertension.", "atherosclerosis"),
        ("History of coronary heart disease.", "atherosclerosis"),
        ("Known metastatic disease to bone.", "bone metastases"),
        ("Osteolytic lesions in the pelvis.", "bone metastases"),
        # one lytic or destructive lesion as much as several
        ("A lytic lesion in the left scapula.", "bone metastases"),
        ("Single osteolytic lesion of the T7 vertebral body.", "bone metastases"),
        ("Destructive bone lesion in the right iliac wing.", "bone metastases"),
        ("Post-transplant kidney with good flow.", "prior surgery"),
        ("History of NSTEMI in XXXX.", "infarct"),
        ("Prior cerebrovascular accident.", "infarct"),
        ("Calcified uterine myoma.", "leiomyoma"),
    ],
)
def test_paraphrase_condition_names(analyzer, text, name):
    assert name in [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]


KNEE = "EXAM: XR knee left.\nFINDINGS: "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a link word ties the finding to the lesion or cause named after it
        ("EXAM: Pelvis.\nFINDINGS: Coarse calcification in the pelvis corresponding to a fibroid.", "dystrophic"),
        ("EXAM: CT abdomen.\nFINDINGS: Splenic calcification, sequela of old trauma.", "dystrophic"),
        ("EXAM: CT abdomen.\nFINDINGS: Hepatic calcification attributable to prior hematoma.", "dystrophic"),
        ("EXAM: CT abdomen.\nFINDINGS: Splenic calcification as a result of remote trauma.", "dystrophic"),
        ("EXAM: CT head.\nFINDINGS: Rim calcification of a right parietal cephalohematoma.", "dystrophic"),
        # osteoarthritis named for the joint explains its cartilage calcification
        (KNEE + "Severe medial compartment osteoarthritis. Chondrocalcinosis of the lateral meniscus.", "dystrophic"),
        (KNEE + "Degenerative joint disease. Meniscal chondrocalcinosis.", "dystrophic"),
        (KNEE + "Chondrocalcinosis of the menisci.", "indeterminate"),
        # subcutaneous calcinosis with a connective tissue disease
        ("HISTORY: Dermatomyositis.\nFINDINGS: Subcutaneous calcifications in the thighs.", "dystrophic"),
        ("HISTORY: Scleroderma.\nFINDINGS: Calcification in the subcutaneous fat of the forearm.", "dystrophic"),
        # a service consulted is no surgery done; a treated tumour is a cause
        ("INDICATION: Thoracic surgery consult, LLL mass.\nFINDINGS: LLL mass with eccentric calcification.", "indeterminate"),
        (CHEST + "Mediastinal nodal mass, smaller, now with coarse calcification, consistent with treated disease.", "dystrophic"),
        # anatomy named 'surgical' is no surgery
        ("EXAM: MRI prostate.\nFINDINGS: Calcifications in the transition zone along the surgical capsule.", "indeterminate"),
        # a cue bound to some sites ('degenerative': a valve's) is no cause elsewhere
        ("EXAM: XR lumbar spine.\nFINDINGS: Degenerative disc disease at L4-5.\nCalcified disc at L3-4.", "indeterminate"),
        # a procedure on an organ is a cause at that organ
        ("HISTORY: Right orchiopexy as a child.\nFINDINGS: Calcification in the right epididymis.", "dystrophic"),
        ("HISTORY: Remote TURP.\nFINDINGS: Coarse prostatic calcifications.", "dystrophic"),
        ("HISTORY: Hypertension.\nFINDINGS: Coarse prostatic calcifications.", "indeterminate"),
        # a joint's prosthesis is the operation at that joint
        ("EXAM: XR pelvis.\nFINDINGS: Heterotopic ossification about the left hip prosthesis.", "dystrophic"),
        ("EXAM: XR knee right.\nFINDINGS: Soft tissue calcification lateral to the knee prosthesis.", "dystrophic"),
        ("EXAM: XR shoulder left.\nFINDINGS: Amorphous calcification adjacent to the shoulder prosthesis.", "dystrophic"),
        ("EXAM: CT abdomen.\nFINDINGS: Left hip prosthesis. Calcification in the right renal cortex.", "indeterminate"),
        # a cause linked to two findings of another sentence is each one's place's
        (
            CHEST + "Small calcified nodule in the right lower lobe.\nIMPRESSION: Calcified right lower "
            "lobe nodule and calcified right hilar node from healed tuberculosis.",
            "dystrophic",
        ),
        (
            "EXAM: CT abdomen.\nFINDINGS: Calcification in the spleen.\nIMPRESSION: Liver and "
            "splenic calcifications, sequelae of old histoplasmosis.",
            "dystrophic",
        ),
    ],
)
def test_paraphrase_cause_elsewhere_or_linked(findings_of, text, expected):
    assert findings_of(text)[0].classification == expected


@pytest.mark.parametrize(
    "text",
    [
        CHEST + "Sequela of old histoplasmosis: calcified hilar node and a left lower lobe calcified nodule.",
        CHEST + "Calcified lingular nodule.\nIMPRESSION: Prior granulomatous disease: calcified "
        "mediastinal nodes and a calcified lingular nodule.",
    ],
)
def test_a_cause_heading_a_list_is_each_item_s(findings_of, text):
    assert {f.classification for f in findings_of(text)} == {"dystrophic"}



# A finding no rule classes, at the place of another finding whose own
# sentence gave it a cause: that cause is at its place, named in another
# sentence (guide §4 rule 4), also where the cause's sentence names no place
# ('These are ...') or the finding comes first. Another side or organ takes
# nothing.
@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        (
            "EXAM: CT chest.\nFINDINGS: Two calcified nodules in the right upper lobe. These "
            "are compatible with healed granulomas.\nIMPRESSION: Calcified right upper lobe "
            "nodules.",
            -1,
            "dystrophic",
        ),
        (
            "EXAM: CT chest.\nFINDINGS: Calcified nodule in the left lower lobe, unchanged.\n"
            "IMPRESSION: Stable calcified left lower lobe nodule, consistent with a healed "
            "granuloma.",
            0,
            "dystrophic",
        ),
        (
            "EXAM: CT abdomen.\nFINDINGS: Calcifications in the spleen. These likely reflect "
            "old infarcts.\nIMPRESSION: Splenic calcifications.",
            -1,
            "dystrophic",
        ),
        (
            "EXAM: CT chest.\nFINDINGS: Two calcified nodules in the right upper lobe. These "
            "are compatible with healed granulomas.\nIMPRESSION: Calcified left upper lobe "
            "nodule.",
            -1,
            "indeterminate",
        ),
        (
            "EXAM: CT abdomen.\nFINDINGS: Calcifications in the spleen. These likely reflect "
            "old infarcts.\nIMPRESSION: Hepatic calcification.",
            -1,
            "indeterminate",
        ),
    ],
)
def test_cause_of_a_finding_at_the_same_place(findings_of, text, index, expected):
    assert findings_of(text)[index].classification == expected


# A hedged 'is' ('which may be', 'could be') ties a calcification to the lesion
# it may be, as 'may represent' does (guide §4 rule 1): the first finding.
HEDGED_IS: list[tuple[str, str]] = [
    (CHEST + "Small calcific focus in the left midlung, which may be a calcified granuloma.", "dystrophic"),
    ("EXAM: CT ABDOMEN\nFINDINGS: SPLENIC CALCIFIC DENSITY, COULD BE A CALCIFIED GRANULOMA.", "dystrophic"),
    ("EXAM: CT pelvis.\nFINDINGS: Tiny calcification beside the right ureter, might be a phlebolith.", "dystrophic"),
]


@pytest.mark.parametrize(("text", "expected"), HEDGED_IS)
def test_a_hedged_is_links_the_lesion(findings_of, text, expected):
    assert findings_of(text)[0].classification == expected
