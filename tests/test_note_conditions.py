"""Report conditions in clinical-note wording (guide §3 and §4).

Made-up sentences, one row per wording, for the classes of condition words
and scopes that clinical notes (operative notes, consults, discharge
summaries) use: operations named by their own names, injuries, radiation
doses, the operation a note reports, and the wordings that leave a
condition unasserted (a hedge, a plan, someone else's illness, a word that
names something else here). None is taken from a real note.
"""

from __future__ import annotations

import pytest

FINDING = "\nCalcified granuloma."

# Hedged, denied, someone else's, planned or only asked about (ConText).
UNASSERTED = [
    "This is perhaps an old sports injury.",
    "Maybe a fracture at the base, not confirmed.",
    "He does not have any specific recent injury of the wrist.",
    "She did not sustain any fracture in the fall from the chair.",
    "A friend of his had a heart attack last year.",
    "Her coworkers had tuberculosis.",
    "Started on empiric treatment for tuberculosis.",
    "He presents for an elective cholecystectomy.",
    "Admitted for a scheduled hernia repair.",
    "She is being evaluated for hip arthroplasty.",
    "She is scheduled for placement of a knee prosthesis.",
    "He was screened for tuberculosis at work.",
    "We recommended a hysterectomy.",
    "End-stage liver disease, liver transplant candidate.",
    "Surgical excision may be considered.",
    "Carotid endarterectomy is recommended.",
    "Recommend excisional biopsy.",
    "Surgeons advised mastectomy.",
    "He is in consideration for a kidney transplant.",
    "It was decided to perform a lobectomy.",
    "We will perform a right nephrectomy.",
    # a masked word after "most" hides "likely": the cause is hedged
    "This most XXXX due to old histoplasmosis.",
    # a verb after the condition denies it: only the few words before it
    "Sarcoidosis is not suspected.",
    "Scleroderma was not supported by the serologies.",
    # a differential listed before 'in the differential', however long
    "Echinococcal cyst, an old abscess and a hemangioma are in the differential.",
    # a spouse's illness, counselling about a risk, a service that will see her
    "Her husband is on hemodialysis.",
    "She was counseled about fall prevention at home.",
    "Hand surgery will see her for possible debridement.",
    "Surgery only if the deposits limit motion.",
    "Peripheral arterial disease was suspected by her internist.",
    # a surgical service in a note's title is no operation done
    "HISTORY AND PHYSICAL - GENERAL SURGERY",
    "Seen in the vascular surgery clinic today.",
    # ruled out by a test; unlikely given a finding
    "MI ruled out by serial troponins.",
    "Sarcoidosis is unlikely with a normal ACE level.",
    # a procedure declined or refused was not done
    "She declined surgery.",
    "He refused dialysis last year.",
    # a procedure wished for or turned down, or foreseen as needed
    "He is not interested in an amputation.",
    "She is interested in a hip replacement.",
    "A forefoot amputation may be needed later.",
    "A knee replacement will likely be required.",
    "Dialysis may be necessary within the year.",
    # excluded, the leading consideration, asked about, another disease's name
    "Tuberculosis and histoplasmosis were both excluded.",
    "PTH normal; hyperparathyroidism excluded.",
    "Neurocysticercosis is the leading consideration.",
    "She asks whether this could be lupus like her sister's.",
    "Nephrogenic diabetes insipidus from lithium.",
    # denied after the name with no verb before the denial, or shortened
    "Acid-fast smears were negative and TB ruled out.",
    "Lymphoma has been excluded by the marrow biopsy.",
    "HIV/TB: neg.",
    # suspected, feared or raised only, or a relatives' illness
    "There is strong suspicion for sarcoidosis.",
    "She was told she might have lupus.",
    "He is anxious about lymphoma.",
    "We raised myeloma as a possibility.",
    "Diabetes runs in her family.",
    # exposure, screening, prevention, localisation, planning, a declined or
    # impossible treatment, a work-up
    "He was exposed to tuberculosis in a shelter.",
    "Annual diabetes screening today.",
    "Low-dose aspirin for stroke prevention.",
    "Sestamibi scan to localize a parathyroid adenoma.",
    "Seen for radiation therapy planning.",
    "Chemotherapy was declined by the family.",
    "A kidney transplant is not an option for him.",
    "She is being worked up for multiple myeloma.",
    # put forward by someone, or feared, after the name
    "Sarcoidosis was proposed by the pulmonologist.",
    "Polymyositis was entertained by her rheumatologist.",
    "Myeloma remains a worry to the family.",
    "Tuberculosis is a concern given his travel.",
    # a procedure proposed, with the word after it at the clause end
    "Total thyroidectomy advised, and the risks were reviewed.",
    "Carotid endarterectomy recommended.",
    # after a planned service and 'for', the operation is still the plan
    "Scheduled for surgery for a cholecystectomy.",
    # an operation 'to be' done or 'to follow' is still to come
    "Thyroid nodule; thyroidectomy to be performed next month.",
    "Left breast mass, lumpectomy to be scheduled by her surgeon.",
    "Gallstones; cholecystectomy to follow next week.",
]


@pytest.mark.parametrize("text", UNASSERTED)
def test_note_condition_not_asserted(analyzer, text):
    assert [c.name for c in analyzer.analyze(text + FINDING, "T").conditions] == []



# The operation an operative note reports is not prior surgery wherever the
# note names it again; an earlier one ('previous', 'status post') still is.
OPERATIVE = [
    # the singular 'PROCEDURE DETAIL:' heads the note's own operation too
    (
        "PROCEDURE DETAIL: , Through a median sternotomy the valve was exposed and replaced.",
        [],
    ),
    # a history header a note abbreviates ends the technique section before it
    (
        "CT RENAL STONE PROTOCOL: , Noncontrast images.,PMH: , Appendectomy.,",
        ["prior surgery"],
    ),
    (
        "OPERATION: Left knee arthroscopy.\nPSH: Cholecystectomy.",
        ["prior surgery"],
    ),
    (
        "OPERATION PERFORMED: Total knee arthroplasty, left.\n"
        "DETAILS: The incision was extended and the total knee arthroplasty "
        "was completed without difficulty.",
        [],
    ),
    (
        "PROCEDURE: Right inguinal hernia repair.\n"
        "HISTORY: A boy with a bulge in the groin, here now for repair.",
        [],
    ),
    (
        "PROCEDURES PERFORMED: Left lumpectomy.\n"
        "HISTORY: Previous lumpectomy on the right.",
        ["prior surgery"],
    ),
    (
        "PROCEDURE PERFORMED: Chest closure, status post Norwood procedure.",
        ["prior surgery"],
    ),
    # an export's header without its colon, lines joined by commas
    ("OPERATION,1.  Left upper lobectomy.,2.  Node sampling.,HISTORY: Smoker.", []),
    ("OPERATIONS,1.  Splenectomy.,2.  Drain placement.", []),
    (
        "PROCEDURE:,1.  Lysis of adhesions.,2.  Laparoscopic appendectomy.,ANESTHESIA:, General.",
        [],
    ),
    ("PROCEDURES,1.  Breast reduction.,2.  Left lumpectomy.,ANESTHESIA,General.", []),
    # a redo tells of the earlier operation
    ("OPERATION,Redo sternotomy and mitral valve repair.", ["prior surgery"]),
    # the header alone on its line, the operation on the line under it
    ("PROCEDURE\nLeft carotid endarterectomy with patch angioplasty.\nANESTHESIA: General.", []),
    ("PROCEDURE:\nLeft submandibular gland excision.\nHISTORY: Sialolithiasis.", []),
]


@pytest.mark.parametrize(("text", "names"), OPERATIVE)
def test_operative_note_own_operation(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# Wordings that name a condition in notes: an organ gone by an operation, the
# treatments of radiotherapy counted or dosed.
NAMED = [
    ("Her spleen is surgically absent.", ["prior surgery"]),
    ("Surgical absence of the left kidney is noted.", ["prior surgery"]),
    ("She has had several radiation treatments to the neck.", ["radiation therapy"]),
    ("He received 4500 cGy to the chest wall in 2001.", ["radiation therapy"]),
    ("She had a benign excisional biopsy of the right breast in 2009.", ["prior surgery"]),
    ("The ossification developed after his hip replacement.", ["prior surgery"]),
    ("A total hip prosthesis is in place.", ["prior surgery"]),
    ("Loosening of the left knee prosthesis.", ["prior surgery"]),
    ("Status post orchiopexy as a child.", ["prior surgery"]),
    # operations and radiation in the words notes use for them
    ("PMH: Tonsillectomy as a child. Carpal tunnel release.", ["prior surgery"]),
    ("Two cesarean deliveries; prior BKA on the left.", ["prior surgery"]),
    ("Coronary bypass grafting in 2015.", ["prior surgery"]),
    ("Hodgkin disease treated with radiation in 1998.", ["lymphoma", "radiation therapy"]),
    ("Breast reduction in 2005.", ["prior surgery"]),
    # a lesion taken out by an operation the words name by its approach
    ("A benign ovarian cyst was removed laparoscopically in 2011.", ["cyst", "prior surgery"]),
    ("His spleen was surgically removed after the accident.", ["prior surgery"]),
    # an earlier operation named by what it left: a valve prosthesis, a
    # limb or toe taken off, a breast operation by its name
    ("Aortic valve prosthesis, well seated.", ["prior surgery"]),
    ("A prosthetic mitral valve is in place.", ["prior surgery"]),
    ("Transmetatarsal amputation on the right in 2019.", ["prior surgery"]),
    ("Bilateral augmentation mammoplasty years ago.", ["prior surgery"]),
    # a revision is a second operation on what an earlier one made
    ("The first graft failed; its revision in 2019 went well.", ["prior surgery"]),
    ("A revision may be considered later.", []),
    ("Report revision: the size is 4 mm.", []),
    # a cystic lesion is a cyst (guide §3)
    ("Two small cystic lesions in the left kidney.", ["cyst"]),
    # a disease said to have resolved is past, still the patient's
    ("Hypercalcemia, resolved.", ["hypercalcemia"]),
    # a candidate for a procedure keeps the disease named before it
    ("Secondary hyperparathyroidism, renal transplant candidate.", ["hyperparathyroidism"]),
]


@pytest.mark.parametrize(("text", "names"), NAMED)
def test_note_condition_named(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# Words that look like a condition's and name something else here: 'status
# post' before a childbirth (no operation), EDS with a score (the Epworth
# sleepiness scale, not Ehlers-Danlos), a dose still to be given, a
# 'Service:' label's specialty.
OTHER_SENSE = [
    "Doing well, status post delivery last month.",
    "Status post vaginal delivery, lochia normal.",
    "Daytime sleepiness with an EDS of 14.",
    "Sleep questionnaire: EDS 12, loud snoring.",
    "He will receive 5000 cGy to the pelvis.",
    "SERVICE: General Surgery.\nCONSULTS: None.",
    "DISCHARGE XXXX.,SERVICE: , Surgery.,ATTENDING:,  XXXX.",
    "Department: Vascular surgery",
    "Cycle four of CIVI-CAD was given on XXXX.",
    "The wound edge continues to bleed when touched.",
    "Romberg positive; tends to fall backward.",
    # an echo's mitral valve area by its method; labs after the note's operation
    "MVA by planimetry is 1.4 cm2.",
    "Postoperative calcium checks every six hours.",
    # a calcium-phosphate product is no raised calcium; a service not called
    "Vascular calcinosis from an elevated calcium-phosphate product.",
    "Soft tissue deposits with a high calcium x phosphate product.",
    "Surgery was not consulted during the stay.",
    # the service that follows or sees the patient, its specialty named
    "Her shoulder is followed by orthopedic surgery.",
    "Seen by vascular surgery on Monday.",
]


@pytest.mark.parametrize("text", OTHER_SENSE)
def test_note_condition_other_sense(analyzer, text):
    assert [c.name for c in analyzer.analyze(text + FINDING, "T").conditions] == []


# The operation a note describes or weighs, named in passing: what the patient
# is prepared or brought for, a heading of its indications, 'this surgery', a
# plan weighed ('considering', 'to require'); a delivery is no operation.
OWN_OR_PLANNED = [
    "Before considering a cholecystectomy we will scope the stomach.",
    "Her symptoms are too mild to require surgery now.",
    "She may require a hysterectomy in the future.",
    "INDICATIONS FOR SURGERY: Pain and locking of the right knee.",
    "Indication for surgery,, recurrent instability.",
    "The nurse was prepping him for surgery when the alarm rang.",
    "Positioned and prepped in sterile manner for left eye surgery.",
    "The operating room for the repair was free at noon.",
    "He tolerated this surgery well and was extubated.",
    "Three weeks status post birth, breastfeeding.",
    "Admitted today to start chemotherapy with a new regimen.",
    "She desired radiation therapy to the breast, so the nodes were sampled.",
    "He opted for surgery after a long talk.",
]


@pytest.mark.parametrize("text", OWN_OR_PLANNED)
def test_note_operation_own_or_planned(analyzer, text):
    assert [c.name for c in analyzer.analyze(text + FINDING, "T").conditions] == []


# The same words where a condition is stated: a fact after 'considering his',
# the patient's condition after an indications heading, a plain 'requiring'.
STATED = [
    ("Considering his known end-stage renal disease, this is expected.", ["chronic kidney disease"]),
    ("INDICATIONS FOR SURGERY: Osteoarthritis, right hip.", ["osteoarthritis"]),
    ("ESRD requiring dialysis thrice weekly.", ["chronic kidney disease"]),
    ("Recovered well from the surgery in XXXX.", ["prior surgery"]),
    # 'interested in' and 'may be needed' reach only the few words next to them
    ("He is interested in learning how his lupus affects the skin.", ["lupus"]),
    ("End-stage renal disease, a transplant may be needed.", ["chronic kidney disease"]),
    ("History of DM-II and CAD.", ["diabetes mellitus", "atherosclerosis"]),
    ("ESRD-HD patient, dialysed on Mondays.", ["chronic kidney disease"]),
    ("He started chemotherapy in XXXX.", ["chemotherapy"]),
    ("GI bleed last year.", ["hematoma"]),
    # the same words with the condition outside their reach
    ("ESRD, on aspirin for stroke prevention.", ["chronic kidney disease"]),
    ("Diabetic for years; pneumonia ruled out.", ["diabetes mellitus"]),
    ("Diabetes since XXXX, screening colonoscopy due.", ["diabetes mellitus"]),
    ("Known sarcoidosis for ten years; a new cough is a concern.", ["sarcoidosis"]),
    # an abbreviation in brackets right after a condition names it or its kind
    ("PMH: scleroderma (CREST), Raynaud's.", ["systemic sclerosis", "crest syndrome"]),
    ("Diffuse systemic sclerosis (SSc) since XXXX.", ["systemic sclerosis"]),
    ("Mitral valve area (MVA) of 1.1 cm2 by planimetry.", []),
    # a stage written into the abbreviation, radiation named by its field, a
    # clot, tiny cysts and raised phosphate in the words reports use
    ("HISTORY: 70F with CKD4, on no binders.", ["chronic kidney disease"]),
    # a lead word before a treatment that is no operation, a word or two on:
    # no prior surgery, but the radiation is the patient's (guide §3)
    ("Status post mantle radiation in her twenties.", ["radiation therapy"]),
    ("Mediastinal radiation for lymphoma as a young adult.", ["radiation therapy", "lymphoma"]),
    ("Completed chest wall radiation in XXXX.", ["radiation therapy"]),
    ("Thrombosed popliteal aneurysm.", ["thrombus"]),
    ("Clustered microcysts in the upper outer breast.", ["cyst"]),
    ("A hyperphosphatemic patient on sevelamer.", ["hyperphosphatemia"]),
    # the reason a planned operation is for stays the patient's
    ("He is scheduled for a knee replacement for osteoarthritis.", ["osteoarthritis"]),
    ("Planned myomectomy for symptomatic fibroids next month.", ["leiomyoma"]),
    # two treatments joined by 'and' are two conditions
    ("Treated with chemotherapy and radiation in XXXX.", ["chemotherapy", "radiation therapy"]),
    ("Mastectomy followed by chest wall radiation.", ["prior surgery", "radiation therapy"]),
    # caseating names the necrosis of the granulomas it describes, and they
    # stay a condition of their own; 'non-caseating' names none
    ("Caseating granulomatous inflammation was found at biopsy.", ["necrosis", "granulomatous disease"]),
    ("Biopsy showed noncaseating granulomas of sarcoidosis.", ["sarcoidosis"]),
]


@pytest.mark.parametrize(("text", "names"), STATED)
def test_note_condition_stated(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A list of three or more conditions after a denial, a hedge or a question
# keeps it past the ', and' before its last item (guide §3); a list after a
# plain history, or a new clause after ', and', keeps its conditions.
CONDITION_LISTS = [
    ("He denies diabetes, lupus, and TB.", []),
    ("Denies hypertension, stroke, and renal failure.", []),
    ("Negative for asthma, emphysema, and tuberculosis.", []),
    ("Differential includes sarcoidosis, lymphoma, and tuberculosis.", []),
    ("Possible sarcoidosis, lymphoma, and TB.", []),
    (
        "History of diabetes, lupus, and TB.",
        ["diabetes mellitus", "lupus", "tuberculosis"],
    ),
    ("No fever, cough, and he has ESRD on dialysis.", ["chronic kidney disease"]),
    (
        "She denies fevers, chills, and night sweats, but has known sarcoidosis.",
        ["sarcoidosis"],
    ),
]


@pytest.mark.parametrize(("text", "names"), CONDITION_LISTS)
def test_condition_list_keeps_its_denial(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# An operation put off or called off was not done; surgery a patient is
# admitted, fasting or cleared 'for' is still to come (guide §3). Done
# operations in the same words stay.
NOT_DONE = [
    ("Surgery was deferred given her frailty.", []),
    ("The biopsy and resection were deferred.", []),
    ("His operation was postponed; surgery was cancelled again in May.", []),
    ("He has been fasting since midnight for surgery on his knee.", []),
    ("Medically optimized for surgery.", []),
    ("She was admitted for surgery on the left foot.", []),
    # offered and turned down, or held back for what may come
    ("Hernia stable; surgery discussed with him and declined.", []),
    ("Surgery offered twice, refused by the family.", []),
    ("Watchful waiting, with excision only if the mass enlarges.", []),
    ("Resection only when symptoms recur.", []),
    # a bare participle after the procedure's name proposes or plans it
    # ("X recommended" as "X is recommended")
    ("Stones again; appendectomy advised at this visit.", []),
    ("Mass in the neck, thyroidectomy planned this spring.", []),
    ("Bilateral knee replacement suggested by the orthopedist.", []),
    ("Gallbladder polyp; cholecystectomy offered, she will think it over.", []),
    ("Thyroidectomy in XXXX; a repeat scan recommended.", ["prior surgery"]),
    ("Knee pain since the surgery in XXXX.", ["prior surgery"]),
    # a comparison with the time before an operation says it was done
    ("The swelling is smaller than before surgery.", ["prior surgery"]),
    ("Walking is easier than prior to surgery.", ["prior surgery"]),
    ("Resection of the colon was done in XXXX.", ["prior surgery"]),
]


@pytest.mark.parametrize(("text", "names"), NOT_DONE)
def test_operation_put_off_or_to_come(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A serology or a status line names the test, not the infection before
# birth that guide §3 lists (an adult's immunity or antibodies); the
# infection itself stays a condition.
SEROLOGY = [
    ("Antenatal screen: rubella non-immune, blood group O.", []),
    ("Rubella: immune.", []),
    ("CMV IgG positive, IgM negative.", []),
    ("Donor and recipient CMV status: positive.", []),
    ("Cytomegalovirus IgG was positive.", []),
    ("Toxoplasma IgG positive.", []),
    ("Calcified periventricular foci from CMV acquired in utero.", ["cmv infection"]),
    ("Congenital rubella with cataracts.", ["rubella"]),
]


@pytest.mark.parametrize(("text", "names"), SEROLOGY)
def test_serology_is_no_infection(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A condition's name at the head of a risk score, a prophylaxis, a clinic,
# an alert or a protocol, or HD before a number (a hospital day), names
# something else; the same words as the patient's condition stay.
NAME_OF_SOMETHING_ELSE = [
    ("Enoxaparin daily as DVT ppx.", []),
    ("DVT risk scored as low.", []),
    ("Her 10-year ASCVD risk is 9%.", []),
    ("Atherosclerotic cardiovascular disease risk calculator used.", []),
    ("Booked into the fracture clinic.", []),
    ("Wrist fracture risk was explained.", []),
    ("Progress note for HD 5.", []),
    ("Progress note, HD #2.", []),
    ("Stroke alert activated by the nurse.", []),
    ("Stroke protocol MRI of the brain.", []),
    ("Chest CT by the lymphoma protocol.", []),
    ("A myeloma panel was drawn.", []),
    ("Left calf DVT last spring.", ["thrombus"]),
    ("ASCVD, on a statin.", ["atherosclerosis"]),
    ("Old fracture of the left wrist.", ["trauma"]),
    ("HD via a right arm fistula.", ["chronic kidney disease"]),
    ("Stroke in XXXX with mild aphasia.", ["infarct"]),
]


@pytest.mark.parametrize(("text", "names"), NAME_OF_SOMETHING_ELSE)
def test_condition_word_names_something_else(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'fall' after last, next, early or late is the season; CAD before 'risk'
# names what the risk factors are for; a surgery centre or scheduler is a
# place or a person. A fall, CAD or surgery of the patient's stays.
SEASON_RISK_PLACE = [
    ("Her cough began last fall.", []),
    ("Knee swelling since early fall.", []),
    ("CAD risk factors: smoking and obesity.", []),
    ("Coronary artery disease risk factors include a sedentary life.", []),
    ("Seen at the outpatient surgery center.", []),
    ("He had a fall on the ice last week.", ["trauma"]),
    ("Coronary artery disease with stable angina.", ["atherosclerosis"]),
    ("Shoulder surgery in XXXX.", ["prior surgery"]),
]


@pytest.mark.parametrize(("text", "names"), SEASON_RISK_PLACE)
def test_season_risk_or_place(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A family history under its short label 'FH:', a differential under its
# label ('DDx:', 'Differential diagnosis:'), and a condition the writer
# doubts are not the patient's (guide §3); the patient's own history after
# them stays.
LABELS_AND_DOUBT = [
    ("FH: DM, CAD.", []),
    ("FH: stroke in both grandfathers.\nPMH: ESRD.", ["chronic kidney disease"]),
    ("DDx: lymphoma, sarcoid.", []),
    ("Differentials: TB or histoplasmosis.", []),
    ("Pleuritic pain, doubt MI.", []),
    ("We doubt that this is sarcoidosis.", []),
    ("Doubtful for tuberculosis on the smears.", []),
    ("Diagnosis: sarcoidosis.", ["sarcoidosis"]),
]


@pytest.mark.parametrize(("text", "names"), LABELS_AND_DOUBT)
def test_family_label_differential_label_doubt(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'not yet' denies as 'not' does, its 'yet' no contrast that ends the
# scope, in a note whose next label follows on the same line; three words
# only, so a condition after the next comma stays (guide §3).
NOT_YET = [
    ("She is not yet on dialysis.,MEDS: , None.", []),
    ("He is not yet on hemodialysis. PAST MEDICAL HISTORY: Gout.", []),
    (
        "CKD 4 not yet on dialysis, secondary hyperparathyroidism.",
        ["chronic kidney disease", "hyperparathyroidism"],
    ),
    ("He has ESRD, yet his calcium is normal.", ["chronic kidney disease"]),
]


@pytest.mark.parametrize(("text", "names"), NOT_YET)
def test_not_yet_denies(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A treatment right before 'if' is a condition's plan, not done (guide §3),
# as 'surgery if' already was.
TREATMENT_IF = [
    ("Renal consult; dialysis if oliguric.", []),
    ("Peritoneal dialysis if the potassium climbs.", []),
    ("Chemotherapy if the nodes enlarge.", []),
    ("Hernia repair if it grows.", []),
    ("Renal transplant if she is eligible.", []),
    ("On dialysis since XXXX; if a session is missed he swells.", ["chronic kidney disease"]),
]


@pytest.mark.parametrize(("text", "names"), TREATMENT_IF)
def test_treatment_if_is_a_plan(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# The comma an export put after a label ('REVIEW OF SYSTEMS: , ...') or a
# full stop ('...,No ...') is a line break, not a list item with a denial of
# its own: the denial covers the whole list, as it does with a real line
# break (guide §3).
JOINED_LINE_DENIAL = [
    ("REVIEW OF SYSTEMS: , Negative for asthma, TB, stroke.,EXAM: , Normal.", []),
    ("PMH: , Hypertension.,ROS: , Negative for diabetes, CVA, MI.", []),
    ("HPI: , Seen today.,No history of lupus, sarcoidosis, gout.", []),
    ("ROS: , Negative for fevers.,PMH: , Sarcoidosis, diabetes.", ["sarcoidosis", "diabetes mellitus"]),
]


@pytest.mark.parametrize(("text", "names"), JOINED_LINE_DENIAL)
def test_denial_after_a_joined_line(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A probability or likelihood of a condition, or a condition said to be a
# possibility or a consideration, is hedged (guide §3); a stated condition
# beside such a phrase stays.
PROBABILITY = [
    ("There is a low probability of TB.", []),
    ("High probability of sarcoidosis by the scan.", []),
    ("The likelihood of lymphoma is small.", []),
    ("Tuberculosis is a remote possibility.", []),
    ("Sarcoidosis is a real possibility here.", []),
    ("Known sarcoidosis; lymphoma is a possibility.", ["sarcoidosis"]),
]


@pytest.mark.parametrize(("text", "names"), PROBABILITY)
def test_probability_or_possibility_hedges(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A condition named only as what a test looks for is not asserted (guide
# §3): 'to confirm', 'search for', 'test for', and a laboratory
# test's name before 'for'. A condition stated beside it stays.
WHAT_A_TEST_LOOKS_FOR = [
    ("Chest CT to search for lymphoma.", []),
    ("Sputum sent to test for TB.", []),
    ("She was tested for lupus last year.", []),
    ("Node biopsy to confirm sarcoidosis.", []),
    ("ACE level for sarcoidosis.", []),
    ("Serum protein electrophoresis for myeloma.", []),
    ("He tested positive for TB in XXXX.", ["tuberculosis"]),
    ("Known lupus; ANA for lupus activity pending.", ["lupus"]),
]


@pytest.mark.parametrize(("text", "names"), WHAT_A_TEST_LOOKS_FOR)
def test_what_a_test_looks_for(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'stroke' or 'CVA' before 'risk' names a risk, not a stroke the patient
# had (the infarct entry's lead_not_before); a stroke of the patient's stays.
STROKE_RISK = [
    ("Stroke risk reduction with anticoagulation.", []),
    ("Her CHA2DS2-VASc stroke risk is moderate.", []),
    ("Stroke last year, on aspirin.", ["infarct"]),
]


@pytest.mark.parametrize(("text", "names"), STROKE_RISK)
def test_stroke_risk_is_no_stroke(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'any evidence of' follows a denial too far back for 'not' to reach, or
# asks (guide §3); a condition stated beside it stays.
ANY_EVIDENCE = [
    ("There does not seem to be any evidence of bowel injury.", []),
    ("The biopsy did not show any evidence of sarcoidosis.", []),
    ("Watch closely for any evidence of DVT.", []),
    ("Known sarcoidosis, without any evidence of lymphoma.", ["sarcoidosis"]),
]


@pytest.mark.parametrize(("text", "names"), ANY_EVIDENCE)
def test_any_evidence_of_is_no_assertion(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A device's fracture ('catheter fracture', 'lead fracture') and an organ
# left to 'fall' a way in an operation are no injury of the patient's; a
# broken bone and a fall stay trauma (guide §3).
NOT_AN_INJURY = [
    ("Right central venous catheter fracture near the clavicle.", []),
    ("Defibrillator lead fracture.", []),
    ("Broken sternal wire fractures, unchanged.", []),
    ("The lobe was allowed to fall medially.", []),
    ("Old left clavicle fracture.", ["trauma"]),
    ("He had a fall down the stairs.", ["trauma"]),
]


@pytest.mark.parametrize(("text", "names"), NOT_AN_INJURY)
def test_device_fracture_or_organ_fall_is_no_injury(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A list named afterwards as potential risks or complications, a condition
# a test would exclude, and a worry put as 'concerns of/about' are no
# diagnosis (guide §3); a condition called a risk factor stays.
RISKS_EXCLUSION_CONCERNS = [
    ("Infection, stiffness and deep vein thrombosis were reviewed as potential risks.", []),
    ("Bleeding and DVT were explained as possible complications.", []),
    ("The scan allows exclusion of a left atrial thrombus.", []),
    ("He came in with concerns of having had a stroke.", []),
    ("She voiced concerns about lymphoma.", []),
    ("ESRD, noted as a risk factor for calciphylaxis.", ["chronic kidney disease"]),
]


@pytest.mark.parametrize(("text", "names"), RISKS_EXCLUSION_CONCERNS)
def test_risks_exclusion_and_concerns(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'radiation' of a pain or a murmur ('with radiation to the back') and the
# radiation oncology service or a therapist are no radiotherapy; radiation
# given to the patient stays (guide §3).
RADIATION_OTHER_SENSE = [
    ("Dull pain with some radiation to the left shoulder.", []),
    ("Harsh murmur with radiation to the carotids.", []),
    ("Burning pain without radiation to the arm.", []),
    ("Referred to medical oncology and radiation oncology.", []),
    ("Plan reviewed with radiation therapist.", []),
    ("He received radiation to the mediastinum in XXXX.", ["radiation therapy"]),
    ("Treated with radiation to the chest wall.", ["radiation therapy"]),
]


@pytest.mark.parametrize(("text", "names"), RADIATION_OTHER_SENSE)
def test_radiation_of_pain_or_service(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'potential' hedges the condition right after it (guide §3).
POTENTIAL = [
    ("Patchy uptake consistent with potential necrosis.", []),
    ("Potential sarcoidosis, to be biopsied.", []),
    ("Known sarcoidosis with potential lung involvement.", ["sarcoidosis"]),
]


@pytest.mark.parametrize(("text", "names"), POTENTIAL)
def test_potential_hedges(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'surgery' before a colon is a label of the operative note's own
# operation ('DURATION OF SURGERY:', 'FINDINGS AT THE TIME OF SURGERY:'),
# no earlier surgery; an earlier operation named under it stays (guide §3).
SURGERY_LABEL = [
    ("DURATION OF SURGERY: 1 hour and 5 minutes.", []),
    ("FINDINGS AT THE TIME OF SURGERY: A boggy uterus.", []),
    ("CONDITION OF THE PATIENT AFTER SURGERY: Stable.", []),
    ("SURGERY:, S/P lumpectomy of the left breast.", ["prior surgery"]),
]


@pytest.mark.parametrize(("text", "names"), SURGERY_LABEL)
def test_surgery_label_is_the_own_operation(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A '?' after a comma asks about the condition after it, as a '?' that
# opens the line does ('cough for weeks, ? TB'); the sentence goes on.
QUESTION_AFTER_COMMA = [
    ("INDICATION: Cough for a month, ? TB.", []),
    ("Fevers, weight loss, ? lymphoma.", []),
    ("Known sarcoidosis, ? TB.", ["sarcoidosis"]),
]


@pytest.mark.parametrize(("text", "names"), QUESTION_AFTER_COMMA)
def test_question_after_a_comma_hedges(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'neg for' denies as 'negative for' does, and a bare 'eval' asks as
# 'eval for' does (guide §3); a condition stated before them stays.
SHORT_FORMS = [
    ("Neg for TB.", []),
    ("ROS neg for diabetes, TB.", []),
    ("INDICATION: eval sarcoid.", []),
    ("Known TB, neg for reactivation.", ["tuberculosis"]),
]


@pytest.mark.parametrize(("text", "names"), SHORT_FORMS)
def test_short_forms_deny_or_ask(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A condition said afterwards not to be the case is denied (guide §3).
NOT_THE_CASE = [
    ("Sarcoid is probably not the case given the normal ACE.", []),
    ("Lupus is not the case here.", []),
    ("Known sarcoidosis; TB is not the case.", ["sarcoidosis"]),
]


@pytest.mark.parametrize(("text", "names"), NOT_THE_CASE)
def test_not_the_case_denies(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# Conditions named just before 'in (the) family' are the relatives' (guide
# §3); three words only, so the patient's own condition further back stays.
IN_THE_FAMILY = [
    ("FHX: Father had a stroke at 60. DM and Htn in family.", []),
    ("Lupus in her family.", []),
    ("She has diabetes, like others in her family.", ["diabetes mellitus"]),
]


@pytest.mark.parametrize(("text", "names"), IN_THE_FAMILY)
def test_in_the_family(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'Day Surgery' is the unit a patient is brought to for the note's own
# operation, no earlier surgery (guide §3).
DAY_SURGERY = [
    ("The boy was brought to the Hospital Day Surgery by his father.", []),
    ("Surgery on day 3 of the stay went well.", ["prior surgery"]),
]


@pytest.mark.parametrize(("text", "names"), DAY_SURGERY)
def test_day_surgery_is_a_unit(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A history list numbered without a space after each number's bracket, as
# exports that joined a note's lines write it: each item names its condition
# as in '1) Diabetes' (guide §3), and a date's bracket changes nothing.
NUMBERED_NO_SPACE = [
    ("PMH:, 1)Diabetes, 2)HTN, 3)CAD, 4)Appendectomy.", ["diabetes mellitus", "atherosclerosis", "prior surgery"]),
    ("PMH: 1)ESRD 2)Secondary hyperparathyroidism", ["chronic kidney disease", "hyperparathyroidism"]),
    ("Past history: 10)Lupus, 11)Gout.", ["lupus"]),
    ("PMH:, 1)Asthma, 2)Mother with ESRD.", []),
]


@pytest.mark.parametrize(("text", "names"), NUMBERED_NO_SPACE)
def test_numbered_list_without_a_space(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# Names and adjectives of the guide's conditions that notes use: a bone said
# to be broken, a gunshot wound, a replaced valve and other operations by
# their own names, a uremic or hyperparathyroid patient, atheromata and
# ischaemic heart disease, DMII, an irradiated organ, non-Hodgkin's lymphoma
# (guide §3). The same words planned, denied or of another sense name nothing.
MORE_NAMES = [
    ("XXXX-year-old male on crutches for a broken foot.", ["trauma"]),
    ("She had a broken wrist as a teenager.", ["trauma"]),
    ("Scattered metallic fragments from an old gunshot wound.", ["trauma"]),
    ("Hx of GSW to the left thigh.", ["trauma"]),
    ("Changes of prior mitral valve replacement.", ["prior surgery"]),
    ("Cardiac valve replacement is seen on the lateral view.", ["prior surgery"]),
    ("History of aortic valve replacement in XXXX.", ["prior surgery"]),
    ("Remote laparotomy for a perforated ulcer.", ["prior surgery"]),
    ("Prior right thoracotomy.", ["prior surgery"]),
    ("ORIF of the right ankle in XXXX.", ["prior surgery"]),
    ("Known uremic patient on the transplant list.", ["chronic kidney disease"]),
    ("Signs of uremia, awaiting a fistula.", ["chronic kidney disease"]),
    ("Long-standing hyperparathyroid state.", ["hyperparathyroidism"]),
    ("Ischemic heart disease and hypertension.", ["atherosclerosis"]),
    ("Yellow atheromata line the abdominal aorta.", ["atherosclerosis"]),
    ("PMH: DMII, HTN.", ["diabetes mellitus"]),
    ("Irradiated right breast after lumpectomy.", ["radiation therapy", "prior surgery"]),
    ("Non-Hodgkin's lymphoma in remission.", ["lymphoma"]),
    # planned, denied, someone else's or another sense
    ("Numerous broken sternal wires.", []),
    ("He may well need aortic valve replacement.", []),
    ("She does not want valve replacement.", []),
    ("Referred for possible mitral valve replacement.", []),
    ("No history of gunshot wound.", []),
    ("Her brother had a broken leg.", []),
    ("Acute uremia from obstruction.", []),
]


@pytest.mark.parametrize(("text", "names"), MORE_NAMES)
def test_more_condition_names(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A fall told with the verb, an assault, a pedestrian hit by a car (trauma);
# bony mets; the damage radiotherapy left named by its organ (guide §3). A
# value that fell, sleep, a relative's fall and exercise METs name nothing.
FELL_ASSAULT_METS = [
    ("He fell down the basement stairs in XXXX.", ["trauma"]),
    ("She fell off her bicycle as a child.", ["trauma"]),
    ("Fell and struck the right hip on a table.", ["trauma"]),
    ("INDICATION: XXXX-year-old male, assaulted last night.", ["trauma"]),
    ("Pedestrian struck by a car in XXXX.", ["trauma"]),
    ("Breast cancer with bony mets.", ["bone metastases"]),
    ("Known radiation proctitis.", ["radiation therapy"]),
    ("Radiation pneumonitis in the right upper lobe.", ["radiation therapy"]),
    ("She fell asleep during the scan.", []),
    ("His hemoglobin fell to 8 overnight.", []),
    ("Systolic pressure fell from 150 to 95.", []),
    ("Her father fell and broke his hip.", []),
    ("Exercise capacity 9 METs.", []),
]


@pytest.mark.parametrize(("text", "names"), FELL_ASSAULT_METS)
def test_fall_assault_mets_radiation_damage(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# Shorter names notes give: Hodgkin's without 'lymphoma' (and 'non-Hodgkin's'
# is lymphoma, not its denial), coronary disease without 'artery', PAOD,
# osteoarthritic, hypercalcaemic, PHPT, a rib fx, a Whipple procedure
# (guide §3). Denied, asked, a relative's or a risk factor: nothing.
SHORTER_NAMES = [
    ("Treated for Hodgkin's in her twenties.", ["lymphoma"]),
    ("Non-Hodgkin's, in remission since XXXX.", ["lymphoma"]),
    ("Known coronary disease with stable angina.", ["atherosclerosis"]),
    ("PAOD with claudication at two blocks.", ["atherosclerosis"]),
    ("Osteoarthritic narrowing of the medial compartment.", ["osteoarthritis"]),
    ("Admitted once for a hypercalcaemic crisis.", ["hypercalcemia"]),
    ("PHPT diagnosed on routine labs.", ["hyperparathyroidism"]),
    ("Healing left rib fx.", ["trauma"]),
    ("Whipple procedure for an ampullary tumor.", ["prior surgery"]),
    ("No coronary disease on the last catheterization.", []),
    ("Coronary disease risk factors include smoking.", []),
    ("Rule out rib fx.", []),
]


@pytest.mark.parametrize(("text", "names"), SHORTER_NAMES)
def test_shorter_condition_names(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'to have' after a word that says the patient was found with it (discovered,
# determined, turned out, began) asserts the condition; after a plan word
# ('going to have', 'decided to have') it is still a plan (guide §3).
FOUND_TO_HAVE = [
    ("He turned out to have sarcoidosis on biopsy.", ["sarcoidosis"]),
    ("She was discovered to have ESRD at age 40.", ["chronic kidney disease"]),
    ("He was later determined to have hyperparathyroidism.", ["hyperparathyroidism"]),
    ("She began to have seizures after her stroke in XXXX.", ["infarct"]),
    ("She is going to have a lumpectomy.", []),
    ("He decided to have the mastectomy next month.", []),
]


@pytest.mark.parametrize(("text", "names"), FOUND_TO_HAVE)
def test_found_to_have_asserts(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A vehicle crash whose first word the export masked ('XXXX vehicle
# collision') or named otherwise (a car accident), and operations in the
# plural (guide §3). A risk, a plan or a header over 'None' names nothing.
CRASHES_AND_SURGERIES = [
    ("INDICATION: History of XXXX vehicle collision.", ["trauma"]),
    ("XXXX vehicle accident two weeks ago, chest wall pain.", ["trauma"]),
    ("She was in a car accident as a teenager.", ["trauma"]),
    ("He has had multiple knee surgeries.", ["prior surgery"]),
    ("Two previous surgeries on the left shoulder.", ["prior surgery"]),
    ("Counselled on the risk of a vehicle accident when drowsy.", []),
    ("Further surgeries are planned.", []),
    ("PRIOR SURGERIES AND INTERVENTIONS: , None.", []),
]


@pytest.mark.parametrize(("text", "names"), CRASHES_AND_SURGERIES)
def test_crashes_and_surgeries(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# An injury told as 'a fall' before 'and', a ligament rebuilt, a scope of a
# joint, a bypass named by its vessels or organ, calcific tendinopathy with
# its tendon's name inside (guide §3). Image reconstructions, the risk of a
# fall and a drop in a value name nothing.
OPERATIONS_FALLS_TENDONS = [
    ("XXXX-year-old woman with a fall and left hip pain.", ["trauma"]),
    ("Left ACL reconstruction in XXXX.", ["prior surgery"]),
    ("Right knee arthroscopy as a student.", ["prior surgery"]),
    ("Gastric bypass ten years ago.", ["prior surgery"]),
    ("History of a right fem-pop bypass.", ["prior surgery"]),
    ("Calcific supraspinatus tendinitis on the right.", ["calcific tendinitis"]),
    ("Chronic calcific Achilles tendinopathy.", ["calcific tendinitis"]),
    ("Coronal and sagittal reconstructions were reviewed.", []),
    ("Risk of a fall reviewed with the family.", []),
    ("A fall of 2 g/dL in the hemoglobin.", []),
]


@pytest.mark.parametrize(("text", "names"), OPERATIONS_FALLS_TENDONS)
def test_operations_falls_tendons(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# ALL in capitals inside a sentence in lower case is acute lymphoblastic
# leukaemia unless it quantifies what follows ('Finish ALL antibiotics'), an
# emphasis discharge instructions use (guide §3).
ALL_EMPHASIS = [
    ("Finish ALL antibiotics as prescribed.", []),
    ("Please bring ALL medications to the next visit.", []),
    ("ALL questions were answered to her satisfaction.", []),
    ("XXXX-year-old boy with ALL, in remission.", ["leukemia"]),
    ("ALL diagnosed at age 4, treated with chemotherapy.", ["leukemia", "chemotherapy"]),
]


@pytest.mark.parametrize(("text", "names"), ALL_EMPHASIS)
def test_all_as_emphasis(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A referral, a plan or a trip to theatre plans a procedure; a disease after
# the same words is the reason for it and the patient's (guide §3): the
# trigger is marked `procedures_only`.
PLANNED_PROCEDURE_DISEASE_REASON = [
    ("Plan: , Refer to Endocrine Surgery for thyroidectomy.", []),
    ("Referred to the breast surgery clinic for lumpectomy.", []),
    ("Urology plans nephrectomy next month.", []),
    ("Cardiac surgery may pursue valve replacement.", []),
    ("Thyroidectomy referral if the nodule grows.", []),
    ("Referred to nephrology for her CKD.", ["chronic kidney disease"]),
    ("Referred for management of hypercalcemia.", ["hypercalcemia"]),
    ("Warfarin, taken for a remote DVT, was stopped.", ["thrombus"]),
    ("CKD referral placed.", ["chronic kidney disease"]),
    ("He was taken to surgery for lumpectomy.", []),
]


@pytest.mark.parametrize(("text", "names"), PLANNED_PROCEDURE_DISEASE_REASON)
def test_plan_names_a_procedure_not_a_disease(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# Operations named by their own names in a surgical history are prior surgery
# (guide §3), as the ones already listed are; planned ones are not.
OPERATIONS_BY_NAME = [
    ("Parathyroidectomy in XXXX for a parathyroid adenoma.", ["prior surgery", "parathyroid adenoma"]),
    ("PAST SURGICAL HISTORY: ,TAH/BSO.", ["prior surgery"]),
    ("Remote right hemicolectomy.", ["prior surgery"]),
    ("Left hip hemiarthroplasty two years ago.", ["prior surgery"]),
    ("History of lap chole and vasectomy.", ["prior surgery"]),
    ("Thymectomy at age 30.", ["prior surgery"]),
    ("He had a previous tympanoplasty on that side.", ["prior surgery"]),
    ("Refer to endocrine surgery for parathyroidectomy.", []),
    ("Orthopedics plans hemiarthroplasty tomorrow.", []),
]


@pytest.mark.parametrize(("text", "names"), OPERATIONS_BY_NAME)
def test_operation_named_by_its_own_name(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# Chronic myeloid leukaemia goes by its abbreviation as CLL and AML do
# (guide §3: leukaemia), in capitals like them.
LEUKEMIA_ABBREVIATIONS = [
    ("INDICATION: CML on imatinib, cough.", ["leukemia"]),
    ("History of CML in remission.", ["leukemia"]),
    ("No history of CML.", []),
]


@pytest.mark.parametrize(("text", "names"), LEUKEMIA_ABBREVIATIONS)
def test_leukemia_abbreviation(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A question stops where the patient is described, with or without an
# article ('in patient with', 'in pt with', 'in female with'): what the
# patient has is stated, what is asked about before it is not (guide §3).
QUESTION_THEN_PATIENT = [
    ("INDICATION: Evaluate for pneumonia in patient with ESRD.", ["chronic kidney disease"]),
    ("INDICATION: Eval for TB in pt with sarcoidosis", ["sarcoidosis"]),
    ("INDICATION: r/o PNA in female with hx of lymphoma", ["lymphoma"]),
    ("INDICATION: r/o infiltrate in pt with possible sarcoid", []),
    ("INDICATION: Rule out TB in male with cough", []),
]


@pytest.mark.parametrize(("text", "names"), QUESTION_THEN_PATIENT)
def test_question_stops_at_the_patient(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A treatment or disease that has ended was the patient's, as 'now resolved'
# says (guide §3: a history is a condition): 'no longer on dialysis'. The
# bare 'no longer' still denies what is no longer suspected or seen.
NO_LONGER_ON = [
    ("Kidney transplant in XXXX, no longer on dialysis.", ["prior surgery", "chronic kidney disease"]),
    ("She no longer has hyperparathyroidism.", ["hyperparathyroidism"]),
    ("He no longer requires hemodialysis.", ["chronic kidney disease"]),
    ("Sarcoidosis is no longer suspected.", []),
]


@pytest.mark.parametrize(("text", "names"), NO_LONGER_ON)
def test_no_longer_on_a_treatment_had_the_disease(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'Non-insulin-dependent diabetes' is type 2 diabetes: the prefix denies the
# insulin, not the diabetes (guide §3); 'non-diabetic' still denies it.
NON_INSULIN = [
    ("PAST MEDICAL HISTORY: ,Non-insulin-dependent diabetes mellitus.", ["diabetes mellitus"]),
    ("She has had non-insulin-dependent diabetes for years.", ["diabetes mellitus"]),
    ("Non-diabetic woman.", []),
]


@pytest.mark.parametrize(("text", "names"), NON_INSULIN)
def test_non_insulin_dependent_diabetes(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A coronary bypass named without 'grafting' or 'surgery' is the same
# earlier operation (guide §3); a planned one is not.
CORONARY_BYPASS = [
    ("INDICATION: Chest pain, history of coronary bypass", ["prior surgery"]),
    ("INDICATION: History of cardiac bypass.", ["prior surgery"]),
    ("Heart bypass in XXXX.", ["prior surgery"]),
    ("Referred to cardiac surgery for coronary bypass.", []),
]


@pytest.mark.parametrize(("text", "names"), CORONARY_BYPASS)
def test_coronary_bypass_is_an_operation(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A condition followed up is the patient's (guide §3); 'follow-up for' still
# asks about a finding ('follow-up for calcifications'), and a hedge after
# it still hedges.
FOLLOW_UP_FOR = [
    ("Seen in follow-up for CKD.", ["chronic kidney disease"]),
    ("REASON FOR VISIT: ,Follow-up for sarcoidosis.", ["sarcoidosis"]),
    ("Follow-up for possible sarcoidosis.", []),
]


@pytest.mark.parametrize(("text", "names"), FOLLOW_UP_FOR)
def test_condition_followed_up_is_the_patients(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


def test_follow_up_for_a_finding_still_asks(analyzer):
    (f,) = analyzer.analyze("Follow-up for calcifications in the right breast.", "T").findings
    assert f.hypothetical


# More operations by their own names, and the abbreviations and spellings
# of the words already listed (guide §3: earlier surgery; 'postop' is
# 'postoperative', THA/TKA a hip or knee arthroplasty); planned ones and a
# post-operative lab check are not.
MORE_OPERATIONS_BY_NAME = [
    ("INDICATION: Postop changes of the upper abdomen, fever.", ["prior surgery"]),
    ("Stable post-op change at the left hilum.", ["prior surgery"]),
    ("Upper abdominal midline surgical sutures, unchanged.", ["prior surgery"]),
    ("PAST SURGICAL HISTORY: ,Colonic polypectomy and a septoplasty.", ["prior surgery"]),
    ("He had a tracheostomy as a child.", ["prior surgery"]),
    ("History of L4-L5 diskectomy.", ["prior surgery"]),
    ("Right TKA in XXXX, left THA in XXXX.", ["prior surgery"]),
    ("Prior dilation and curettage.", ["prior surgery"]),
    ("Postop calcium check ordered.", []),
    ("Neurosurgery plans a discectomy next week.", []),
    ("No prior surgeries.", []),
]


@pytest.mark.parametrize(("text", "names"), MORE_OPERATIONS_BY_NAME)
def test_more_operations_named_by_their_own_names(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


def test_own_operation_is_no_cause_of_what_it_finds(analyzer):
    """The operation a note reports is not an earlier one (guide §4 rule 1:
    'earlier trauma or surgery at that place'): the calcified disk material
    a discectomy removes is not dystrophic because of that discectomy, and
    has no other cause here (a disk is not dystrophic-prone)."""
    text = (
        "PROCEDURE PERFORMED: ,Discectomy at L4-L5.,DESCRIPTION OF PROCEDURE: ,"
        "The discectomy removed calcified disk material from the interspace."
    )
    r = analyzer.analyze(text, "T")
    (f,) = r.findings
    assert f.classification == "indeterminate"
    assert "discectomy" not in f.evidence.lower()
    assert [c.name for c in r.conditions] == []


def test_own_operation_names_no_cause_at_its_site(analyzer):
    """A note's own endarterectomy is no earlier surgery at the carotid
    (guide §4 rule 4): the carotid calcification is dystrophic by its site,
    and the hernia repair of the surgical history bears on nothing there;
    an endarterectomy of the surgical history still does."""
    own = (
        "PROCEDURE PERFORMED: ,Right carotid endarterectomy.,PAST SURGICAL HISTORY: ,"
        "Hernia repair.,FINDINGS: ,Calcification of the right carotid bulb."
    )
    r = analyzer.analyze(own, "T")
    (f,) = r.findings
    assert [c.name for c in r.conditions] == ["prior surgery"]
    assert f.classification == "dystrophic"
    assert "prior surgery" not in f.evidence
    assert f.conditions == ()
    earlier = (
        "PAST SURGICAL HISTORY: ,Right carotid endarterectomy.,FINDINGS: ,"
        "Calcification of the right carotid bulb."
    )
    (g,) = analyzer.analyze(earlier, "T").findings
    assert 'prior surgery "endarterectomy"' in g.evidence
    assert [c.name for c in g.conditions] == ["prior surgery"]


# 'histo', the clinical shorthand for histoplasmosis, is that condition
# (guide §3: tuberculosis and histoplasmosis; corpora/GUIDE.md: conditions
# written as abbreviations count); a histology word is not.
HISTO = [
    ("INDICATION: Old histo, shortness of breath.", ["histoplasmosis"]),
    ("HISTORY: Grew up in Ohio, h/o histo.", ["histoplasmosis"]),
    ("PATHOLOGY: Histo slides reviewed with the pathologist.", []),
    ("Awaiting histo results from the biopsy.", []),
]


@pytest.mark.parametrize(("text", "names"), HISTO)
def test_histo_shorthand(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# radiotherapy said with the verb after it ('radiation completed') is
# radiotherapy given, as 'completed radiation' is (guide §3).
RADIATION_AFTER = [
    ("HISTORY: Left lumpectomy, radiation completed in XXXX.", ["prior surgery", "radiation therapy"]),
    ("Breast cancer; radiation was completed last spring.", ["radiation therapy"]),
]


@pytest.mark.parametrize(("text", "names"), RADIATION_AFTER)
def test_radiation_completed(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A list item that opens with its own history trigger states the patient's
# past: the question, denial or hedge before the comma does not reach it, nor
# what the list names after it (guide §3: a condition counts when affirmed,
# the history included). An item with no trigger of its own stays asked.
HISTORY_ITEMS = [
    ("CLINICAL: Assess for pneumonia, h/o tuberculosis.", ["tuberculosis"]),
    ("REASON: R/O mass, hx of lymphoma, ESRD on HD.", ["chronic kidney disease", "lymphoma"]),
    ("HISTORY: Denies cough, history of sarcoidosis.", ["sarcoidosis"]),
    # the known past opens such an item too
    ("CLINICAL: Assess for pneumonia, remote tuberculosis.", ["tuberculosis"]),
    ("REASON: Evaluate for a mass, known sarcoidosis.", ["sarcoidosis"]),
    ("CLINICAL: Assess for pneumonia, tuberculosis.", []),
    ("HISTORY: No history of sarcoidosis, lymphoma.", []),
]


@pytest.mark.parametrize(("text", "names"), HISTORY_ITEMS)
def test_history_item_after_a_question(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# 'on PD' is peritoneal dialysis (guide §3: chronic kidney disease); 'PD'
# elsewhere is not read (Parkinson's disease, a 'PD-1' drug's target). A hedge
# closing a sentence hedges the finding before it, not a condition named
# earlier in an item a comma closes; a hedge on the condition itself stays.
DIALYSIS_AND_HEDGES = [
    ("HISTORY: Scleroderma, started on PD last spring.", ["chronic kidney disease", "systemic sclerosis"]),
    ("HISTORY: Melanoma on PD-1 inhibitor therapy.", []),
    ("HISTORY: PD with tremor.", []),
    (
        "IMPRESSION: In a man on peritoneal dialysis, vascular calcification is possible.",
        ["chronic kidney disease"],
    ),
    ("IMPRESSION: Calcified nodes; sarcoidosis is possible.", []),
]


@pytest.mark.parametrize(("text", "names"), DIALYSIS_AND_HEDGES)
def test_dialysis_abbreviation_and_a_hedge_on_the_finding(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# A kick is a blow (guide §3: trauma): 'kicked in the ...', 'kicked by a ...'.
KICKS = [
    ("HISTORY: Goalkeeper kicked in the left shin during a match.", ["trauma"]),
    ("HISTORY: Kicked by a cow while milking two months ago.", ["trauma"]),
]


@pytest.mark.parametrize(("text", "names"), KICKS)
def test_a_kick_is_trauma(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# One word that names two treatments records both (guide §3: radiotherapy
# and chemotherapy are dystrophic conditions): conditions.json `also`.
TWO_IN_ONE = [
    ("HISTORY: Cervical carcinoma, chemoradiation completed 2019.", ["radiation therapy", "chemotherapy"]),
    ("HISTORY: Rectal cancer treated with neoadjuvant chemoradiotherapy.", ["radiation therapy", "chemotherapy"]),
    ("HISTORY: Esophageal cancer; chemoradiation was declined.", []),
    ("HISTORY: Glioma after radiochemotherapy in 2017.", ["radiation therapy", "chemotherapy"]),
    ("HISTORY: Head and neck cancer, chemo-radiation 2015.", ["radiation therapy", "chemotherapy"]),
]


@pytest.mark.parametrize(("text", "names"), TWO_IN_ONE)
def test_one_word_naming_two_treatments(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# The report's own operation is no prior surgery, and neither are its words
# said again; the same operation of the other side is an earlier one (guide
# §3: earlier surgery).
OTHER_SIDE_OPERATION = [
    (
        "PROCEDURE: Left total knee arthroplasty.\nHISTORY: His right total knee"
        " arthroplasty in 2017 went well.",
        ["prior surgery"],
    ),
    ("PROCEDURE: Left total knee arthroplasty.\nHISTORY: Left knee pain; left total knee arthroplasty advised.", []),
]


@pytest.mark.parametrize(("text", "names"), OTHER_SIDE_OPERATION)
def test_same_operation_of_the_other_side_is_prior_surgery(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


# An operation a consultation is asked 'for', or that a patient 'chose',
# is proposed, not done (guide §3: planned surgery is no condition), also
# in a sentence that names the calcification itself; a disease after
# 'consultation for' is the reason and the patient's.
CONSULTED_OR_CHOSEN = [
    ("We will request a cardiac surgery consultation for CABG given the heavily calcified left main.", []),
    ("Options were reviewed at length and she chose valve replacement despite the calcified annulus.", []),
    ("Nephrology consultation for CKD, with vascular calcification of the aorta.", ["chronic kidney disease"]),
]


@pytest.mark.parametrize(("text", "names"), CONSULTED_OR_CHOSEN)
def test_operation_consulted_for_or_chosen(analyzer, text, names):
    assert [c.name for c in analyzer.analyze(text, "T").conditions] == names


# A valve operation named by its abbreviation (AVR, SAVR, TAVR, TAVI, MVR)
# is prior surgery when done ('after', 'post', 'history of'), never when
# proposed: after 'for' (referred, consult, candidate), before 'evaluation',
# 'planning', 'planned', or after 'pre', 'discussed' (guide §3).
VALVE_OPERATION_ABBREVIATIONS = [
    ("Coarse calcification of the native aortic cusps around the stent frame, two years after TAVR.", ["prior surgery"]),
    ("Known history of MVR; dense mitral annular calcification persists.", ["prior surgery"]),
    ("Aortic wall calcification in a patient post AVR.", ["prior surgery"]),
    ("Heavily calcified aortic valve; referred for TAVR.", []),
    ("He is a candidate for TAVI given the calcified annulus.", []),
    ("Calcified aortic leaflets, TAVR evaluation underway.", []),
    ("Calcified aortic valve, pre-TAVR CT.", []),
    ("Bulky leaflet calcification, SAVR planned for next month.", []),
    ("Mitral annular calcification. Discussed TAVR with the family.", []),
]


@pytest.mark.parametrize(("text", "names"), VALVE_OPERATION_ABBREVIATIONS)
def test_valve_operation_abbreviation_done_or_proposed(analyzer, text, names):
    assert [c.name for c in analyzer.analyze(text, "T").conditions] == names


# A combined assessment and plan names the plan: a procedure its items name
# with nothing that dates it is to come, no earlier surgery (guide §4); one
# dated by 'status post', 'history of', 'prior' or a year is still the
# patient's past operation.
PLAN_ITEMS = [
    ("ASSESSMENT AND PLAN:\n1. Calcified left thyroid nodule; biopsy at the time of surgery.", []),
    (
        "ASSESSMENT AND PLAN:\n1. Calcinosis cutis of the forearm; excision of the largest "
        "nodule under local anesthesia.",
        [],
    ),
    ("IMPRESSION AND PLAN: Calcified breast mass; lumpectomy with wire localization.", []),
    (
        "ASSESSMENT AND PLAN:\n1. Calcified granuloma.\n2. Hypocalcemia, status post "
        "thyroidectomy.",
        ["prior surgery"],
    ),
    ("ASSESSMENT AND PLAN:\n1. Calcified granuloma. History of cholecystectomy.", ["prior surgery"]),
    ("ASSESSMENT AND PLAN:\n1. Calcified granuloma. Cholecystectomy 2010.", ["prior surgery"]),
    ("ASSESSMENT:\n1. Calcified granuloma. Cholecystectomy.", ["prior surgery"]),
]


@pytest.mark.parametrize(("text", "names"), PLAN_ITEMS)
def test_procedure_of_a_plan_item(analyzer, text, names):
    assert [c.name for c in analyzer.analyze(text, "T").conditions] == names


def test_a_closing_neg_denies_conditions_and_findings_alike(analyzer):
    # the finding rules for a closing 'neg.' match two tokens, longer than
    # the conditions' one-word 'neg': both kinds of target stay denied
    r = analyzer.analyze("Hx: HIV/TB: neg.\nCalcified nodes: neg.", "T")
    assert [c.name for c in r.conditions] == []
    assert [f.negated for f in r.findings] == [True]
