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

# (text, the conditions it asserts for the patient)
ASSERTED = [
    # operations, procedures and their traces (prior surgery)
    ("PAST SURGICAL HISTORY: Right craniotomy in XXXX.", ["prior surgery"]),
    ("He had a femoral embolectomy years ago.", ["prior surgery"]),
    ("History of left carotid endarterectomy.", ["prior surgery"]),
    ("Two lumbar laminectomies and one discectomy.", ["prior surgery"]),
    ("PSH: hemorrhoidectomy, umbilical herniorrhaphy.", ["prior surgery"]),
    ("She had a tubal ligation after her third child.", ["prior surgery"]),
    ("Bladder tumour treated by TURBT in XXXX.", ["prior surgery"]),
    ("Angioplasty of the left renal artery XXXX.", ["prior surgery"]),
    ("Earlier stenting of the right coronary artery.", ["prior surgery"]),
    ("He lives with a prosthetic aortic valve.", ["prior surgery"]),
    ("On warfarin for a mechanical valve.", ["prior surgery"]),
    (
        "Right hip replacement in XXXX, left knee replacement in XXXX.",
        ["prior surgery"],
    ),
    ("The gallbladder is surgically absent.", ["prior surgery"]),
    ("Surgical absence of the right kidney.", ["prior surgery"]),
    ("Right ankle ORIF in XXXX.", ["prior surgery"]),
    ("Redo mastopexy on the left.", ["prior surgery"]),
    # injuries (trauma)
    ("He has a history of injuries to the abdomen.", ["trauma"]),
    ("Old gunshot wound of the left thigh.", ["trauma"]),
    ("Multiple injuries in a motorcycle crash.", ["trauma"]),
    ("She was injured at work in XXXX and has had pain since.", ["trauma"]),
    ("Deep laceration of the forearm, sutured in the clinic.", ["trauma"]),
    ("He walks with crutches since a broken ankle.", ["trauma"]),
    ("PAST HISTORY: broken ribs in a bicycle crash.", ["trauma"]),
    # radiation doses and courses
    ("He completed 6000 cGy to the left chest wall.", ["radiation therapy"]),
    ("Finished a course of radiation treatments last spring.", ["radiation therapy"]),
    # degenerative joints, atheroma
    ("Mild facet arthrosis at L5-S1.", ["osteoarthritis"]),
    ("Three-vessel coronary disease on the catheterization.", ["atherosclerosis"]),
    ("Heterogeneous plaque in the left carotid bulb.", ["atherosclerosis"]),
    ("Moderate carotid plaque on both sides.", ["atherosclerosis"]),
    ("Minimal plaquing of the left main artery.", ["atherosclerosis"]),
    # 'for' before a history item is no plan (guards for the purpose rules)
    ("Surgical history: significant for cholecystectomy in XXXX.", ["prior surgery"]),
    ("Now on dialysis for end-stage renal disease.", ["chronic kidney disease"]),
    # forgetting is no denial; a procedure done is no plan
    ("She did not recall the date of her hip surgery.", ["prior surgery"]),
    ("Nephrology was able to perform dialysis for her.", ["chronic kidney disease"]),
    # a season, not a fall
    ("She was diagnosed with diabetes last fall.", ["diabetes mellitus"]),
]

# Words that name something else here: no condition.
NOT_ASSERTED = [
    "Daytime sleepiness scale: EDS of 12.",
    "The cut continued to bleed overnight.",
    "Admitted last year with a GI bleed.",
    "Upper gastrointestinal hemorrhage in XXXX.",
    "A splinter hemorrhage under one nail.",
    "Small subarachnoid hemorrhage on the admission scan.",
    "Dense vitreous hemorrhage of the left eye.",
    "History of postpartum hemorrhage after her second delivery.",
    "Admitted twice for a variceal bleed.",
    "The nurse used tape to repair the cut.",
    "Moved to the postoperative care unit in good condition.",
    "Her postoperative hemoglobin was 9.1.",
    "Status post vaginal delivery in XXXX.",
    "Soft murmur, status post echo showing a small septal defect.",
    "He left in satisfactory postoperative condition.",
    "Postoperative procedures were explained to the family.",
    "The tendon held well throughout this repair.",
    "Status post overdose of acetaminophen.",
    "The stone was broken into small pieces.",
    "Status post autologous stem cell transplant.",
    "POSTOPERATIVE DX: Same.",
    "Ports removed for the patient's postoperative comfort.",
    "He tends to fall to the left when walking.",
]

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
    "He was screened for tuberculosis at work.",
    "We recommended a hysterectomy.",
    "Surgeons advised mastectomy.",
    "He is in consideration for a kidney transplant.",
    "It was decided to perform a lobectomy.",
    "We will perform a right nephrectomy.",
    "We went over the risks, benefits, and alternatives to knee surgery today.",
    # a later, shorter plan rule must not cut a risk list short
    "Risks discussed include infection, bleeding, headache, nerve injuries.",
    "The risks of surgery were explained, including bleeding and nerve injury.",
    "Risks which would include infection, bleeding, headache and nerve injury.",
    "Risks, benefits and alternatives of hip surgery including hematoma, "
    "infection and nerve injury were reviewed.",
    "Surgery would consist of plating the bone.",
    "It shows a potential infarct in the left lobe.",
    "He is not aware of a particular injury to that knee.",
    "He is unaware of any earlier surgery.",
    "To clinic on Friday for shunt repair if needed.",
    "The hernia was scheduled as an outpatient surgery.",
    "The left eye was cleaned and draped in a sterile manner for cataract surgery.",
    "Medically cleared for surgery by cardiology.",
    "A painful bunion, now for excision under local block.",
    "She opted for laparoscopic repair after a long talk.",
    "He was wheeled into the operating room for nephrectomy.",
    "Chest film of a man with scheduled hip arthroplasty.",
    "Lines placed today for impending open-heart surgery.",
]


@pytest.mark.parametrize(("text", "names"), ASSERTED)
def test_note_names_its_conditions(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)


@pytest.mark.parametrize("text", NOT_ASSERTED)
def test_note_word_names_no_condition(analyzer, text):
    assert [c.name for c in analyzer.analyze(text + FINDING, "T").conditions] == []


@pytest.mark.parametrize("text", UNASSERTED)
def test_note_condition_not_asserted(analyzer, text):
    assert [c.name for c in analyzer.analyze(text + FINDING, "T").conditions] == []


# The operation an operative note reports is not prior surgery wherever the
# note names it again; an earlier one ('previous', 'status post') still is.
OPERATIVE = [
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
        "PROCEDURES PERFORMED: Stenting of the LAD.\n"
        "HISTORY: Previous stenting of the right coronary artery.",
        ["prior surgery"],
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
    # an imaging technique section that holds findings names no operation
    (
        "TECHNIQUE: CT of the pelvis. Postsurgical changes of an ileostomy are "
        "again seen.\nINDICATION: Swelling at the ileostomy.",
        ["prior surgery"],
    ),
    # an export's header without its colon, lines joined by commas
    ("OPERATION,1.  Left upper lobectomy.,2.  Node sampling.,HISTORY: Smoker.", []),
    ("OPERATIONS,1.  Splenectomy.,2.  Drain placement.", []),
    ("OPERATION PERFORMED,1.  Left lumpectomy.,2.  Node biopsy.", []),
    ("PROCEDURES PERFORMED,1.  Drain placement.,2.  Left lumpectomy.", []),
    (
        "PROCEDURE:,1.  Lysis of adhesions.,2.  Laparoscopic appendectomy.,ANESTHESIA:, General.",
        [],
    ),
    ("PROCEDURES,1.  Breast reduction.,2.  Left lumpectomy.,ANESTHESIA,General.", []),
    # a condition word in a section header names nothing
    ("DESCRIPTION OF SURGERY: Supine position, general anesthesia.", []),
    ("INDICATIONS FOR SURGERY: Pain in the groin for a year.", []),
    # a redo tells of the earlier operation
    ("OPERATION,Redo sternotomy and mitral valve repair.", ["prior surgery"]),
    ("PROCEDURE,1.  Nipple reconstruction.,2.  Redo mastopexy.", ["prior surgery"]),
]


@pytest.mark.parametrize(("text", "names"), OPERATIVE)
def test_operative_note_own_operation(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + FINDING, "T").conditions]
    assert sorted(got) == sorted(names)
