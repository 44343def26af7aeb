"""Finding flags on clinical-note style text (guide §1-§2, corpora/GUIDE.md).

Made-up sentences and note fragments, in our own words, for each class of
flag error: where a denial stops in a list or at a predicate, which exam
words deny nothing, what a hedge governs, a past state against one seen
again, conditional and consent wording, a relative's finding, and the
sections (FAMILY HISTORY, INDICATION, PLAN) that change what a line says.
Varied wording, order, capitals, commas for line breaks and XXXX tokens, so
that no rule fits one sentence. Each row gives the finding's full set of
flags.
"""

from __future__ import annotations

import pytest

FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family", "physiologic")


def flags_of(f) -> set[str]:
    return {name for name in FLAGS if getattr(f, name)}


# (text, a word of the finding's mention, the finding's flags)
Row = tuple[str, str, set[str]]

NEGATION: list[Row] = [
    # a list with its own 'no' per item, then a stated finding
    ("No effusion, no pneumothorax, calcified granuloma at the left apex and mild cardiomegaly.", "granuloma", set()),
    ("There is no hydronephrosis, no renal calculus, and no nephrocalcinosis.", "nephrocalcinosis", {"negated"}),
    ("Without evidence of acute fracture, but there is calcification of the aortic knob.", "calcification", set()),
    ("Negative for pneumonia; there is a calcified granuloma at the right base.", "granuloma", set()),
    ("The kidneys are free of stones. Vascular calcifications are noted in the pelvis.", "Vascular", set()),
    ("The RCA is free of calcification.", "calcification", {"negated"}),
    # 'not' with the verb that shows what it denies, a mask between or not
    ("The nodule does not show a benign pattern calcification.", "calcification", {"negated"}),
    ("Apical opacity, not XXXX showing a central calcification; CT advised.", "calcification", {"negated"}),
    ("The mass does not contain a small internal calcification.", "calcification", {"negated"}),
    ("The density is contrast rather than calcification.", "calcification", {"negated"}),
    ("The aortic valve is not significantly calcified.", "calcified", {"negated"}),
    ("No significant stenosis; calcified plaque in the proximal LAD.", "plaque", set()),
    ("No significant calcification of the coronary arteries.", "calcification", {"negated"}),
    ("She denies any skin calcium deposits.", "deposits", {"negated"}),
    # a list the denial still covers, the verb after it
    ("No mass, calcification or skin thickening is seen in either breast.", "calcification", {"negated"}),
    ("No masses, calcifications, nor skin changes are present.", "calcifications", {"negated"}),
    ("NO MASS, CALCIFICATION, OR DISTORTION IS IDENTIFIED.", "CALCIFICATION", {"negated"}),
    ("There are no calcified granulomas or nodules, but there is a calcified hilar node.", "granulomas", {"negated"}),
    ("There are no calcified granulomas or nodules, but there is a calcified hilar node.", "node", set()),
    # a denied list of three or more items goes on past ', and'
    ("No effusion, pneumothorax, and calcification.", "calcification", {"negated"}),
    ("There is no mass, architectural distortion, and suspicious calcification.", "calcification", {"negated"}),
    ("Negative for hemorrhage, mass effect, and abnormal calcification.", "calcification", {"negated"}),
    ("She denies fevers, chills, and calcium deposits in the skin.", "deposits", {"negated"}),
    ("No hydronephrosis, and renal calcifications are seen on both sides.", "calcifications", set()),
    ("No effusion, pneumothorax, and mild aortic calcification.", "calcification", set()),
    ("No fracture, dislocation, and there is vascular calcification.", "calcification", set()),
    ("No effusion, no edema, and calcified granulomas.", "granulomas", set()),
    # a new item that states its own finding after the comma
    ("Lungs clear with no calcified nodules, mild aortic calcification.", "aortic", set()),
    ("No focal consolidation, moderate calcification of the aortic arch.", "calcification", set()),
    ("No adenopathy, scattered calcified granulomas in both lungs.", "granulomas", set()),
    ("No shadowing in the\nparenchyma, likely vascular calcifications.", "vascular", {"uncertain"}),
    ("No discrete mass, probably a calcified lymph node.", "calcified", {"uncertain"}),
    # a denial of acute disease, a comma, then a finding that ends the
    # sentence: a statement after the denial; another denied item is a list
    ("No acute disease, calcified granuloma at the right apex.", "granuloma", set()),
    ("Negative for acute consolidation, calcified node in the left hilum.", "node", set()),
    ("NO ACTIVE DISEASE, CALCIFIED GRANULOMA IN THE LINGULA, STABLE.", "GRANULOMA", set()),
    ("Possible acute infiltrate, calcified granuloma at the left base.", "granuloma", set()),
    ("Widened mediastinum suggesting an aneurysm, with mural calcification.", "calcification", set()),
    ("No pleural fluid, calcified granuloma in the lingula.", "granuloma", {"negated"}),
    ("No acute disease, effusion, calcified granuloma.", "granuloma", {"negated"}),
    ("No acute fluid, calcified granuloma, or edema.", "granuloma", {"negated"}),
    # a report typed in lower case: a period still ends the statement
    ("no acute disease. calcified granuloma at the left base. no effusion.", "granuloma", set()),
    ("findings: lucent lines, likely artifact. aortic calcification.", "aortic", set()),
    ("possible stone in the left kidney. vascular calcification in the pelvis.", "vascular", set()),
    ("no calcification. no stones.", "calcification", {"negated"}),
    # a denied clause closed by its own verb before 'and'
    ("There were no masses or calcifications noted and the axillary nodes were calcified.", "calcified", set()),
    ("No effusion is seen, and the hilar nodes are densely calcified.", "calcified", set()),
    ("No calcification is seen in the aortic valve and mitral annulus.", "calcification", {"negated"}),
    ("No renal calculi are seen, only vascular calcifications.", "calcifications", set()),
    # other ways to deny
    ("Lack of calcification within the mass favors a benign lesion.", "calcification", {"negated"}),
    ("The nodule lacks calcification.", "calcification", {"negated"}),
    ("The study fails to demonstrate calcification.", "calcification", {"negated"}),
    ("None of the nodules are calcified.", "calcified", {"negated"}),
    ("Calcification was not noted.", "Calcification", {"negated"}),
    ("A calcified node, not noted on the prior, is seen at the left hilum.", "calcified", set()),
    ("Calcification was ruled out.", "Calcification", {"negated"}),
    ("Calcification has been excluded.", "Calcification", {"negated"}),
    ("Calcified nodule at the base, malignancy is excluded.", "Calcified", set()),
    ("None of the calcifications are suspicious.", "calcifications", set()),
    ("Calcified plaque in the LAD, not found to be flow limiting.", "plaque", set()),
    ("Lack of interval change in the calcified granuloma.", "granuloma", set()),
    ("The calcification is unlikely to cause symptoms.", "calcification", set()),
    # operative narrative: the denial is of an act or a thing done, not of the calcification
    ("There was little space left there, so I used a saw to divide the calcified cartilages.", "calcified", set()),
    ("There was no way to pass the wire, so we dilated the calcified segment first.", "calcified", set()),
    ("No attempt was made to remove the calcified fragment.", "calcified", set()),
    ("We did not excise the calcified nodule.", "calcified", set()),
    ("No complications occurred, and the calcified valve was excised.", "calcified", set()),
    # a device or a surgeon failing at the calcified thing: the act is denied
    ("The stent would not pass the calcified plaque in the mid RCA.", "calcified", set()),
    ("We could not clamp the heavily calcified ascending aorta.", "calcified", set()),
    ("The guide wouldn't engage the ostium owing to the calcified aortic root.", "calcified", set()),
    ("The sheath was advanced without resistance despite the calcified left iliac artery.", "calcified", set()),
    ("Atherectomy went on with no difficulty through the calcified segment.", "calcified", set()),
    ("The balloon was not inflated within the calcified segment, to spare the vessel.", "calcified", set()),
    ("We did not stent the calcified lesion in the circumflex.", "calcified", set()),
    ("The surgeon could not mobilize the calcified left ureter.", "calcified", set()),
    ("The wire would not pass, and no calcification was seen in the vessel.", "calcification", {"negated"}),
    ("The procedure ended without complication; the graft is without calcification.", "calcification", {"negated"}),
    ("The CT did not show any calcification.", "calcification", {"negated"}),
    # a denial answered after a colon
    ("Calcification: absent.", "Calcification", {"negated"}),
    ("Vascular calcification: negative.", "calcification", {"negated"}),
    ("Valve calcification: no.", "calcification", {"negated"}),
    ("Vascular calcification: mild. Effusion: no.", "calcification", set()),
    # exam words that deny nothing about the calcification
    ("The calcification is not in line with the course of the left ureter.", "calcification", set()),
    ("A small calcified granuloma, not well seen on the frontal view, projects over the left base.", "granuloma", set()),
    ("The calcified node is not enlarged.", "calcified", set()),
    ("The calcifications are not clustered.", "calcifications", set()),
    ("Calcified plaque not causing a significant narrowing.", "plaque", set()),
    ("Calcification is no longer as dense as before.", "Calcification", set()),
    # seen before, gone now
    ("Patient with prior nephrocalcinosis, now resolved.", "nephrocalcinosis", {"negated", "historical"}),
    ("Breast calcifications in XXXX, since resolved.", "calcifications", {"negated", "historical"}),
    ("Calcification seen on the prior, not seen today.", "Calcification", {"negated", "historical"}),
    ("Splenic calcification noted before is not seen on today's exam.", "calcification", {"negated", "historical"}),
    ("Calcified granuloma seen earlier, not visible on today's radiograph.", "granuloma", {"negated", "historical"}),
]

UNCERTAIN: list[Row] = [
    # a hedge on what the finding caused hedges the link, not the finding
    ("Headaches, probably triggered by the calcified falx meningioma.", "falx", set()),
    ("Hematuria, likely caused by the calcified left renal cyst.", "cyst", set()),
    ("Headaches; possibly a calcified meningioma.", "meningioma", {"uncertain"}),
    ("Renal calcification could not be excluded.", "calcification", {"uncertain"}),
    ("A focus of calcification cannot be entirely excluded.", "calcification", {"uncertain"}),
    ("Calcification is not completely excluded.", "Calcification", {"uncertain"}),
    ("Calcification not excluded.", "Calcification", {"uncertain"}),
    ("Gallbladder wall calcification not ruled out.", "calcification", {"uncertain"}),
    ("Question of calcification in the right kidney.", "calcification", {"uncertain"}),
    ("?calcification at the left lung base.", "calcification", {"uncertain"}),
    ("Density at the apex suspicious for calcified granuloma.", "granuloma", {"uncertain"}),
    ("Findings concerning for calcification within the mass.", "calcification", {"uncertain"}),
    ("Hyperdensity in the putamen, hemorrhage vs calcification.", "calcification", {"uncertain"}),
    ("Differential includes calcified hamartoma.", "hamartoma", {"uncertain"}),
    ("DDx includes dystrophic calcification and fat necrosis.", "calcification", {"uncertain"}),
    ("Suggestion of calcification in the aortic knob.", "calcification", {"uncertain"}),
    ("It is unclear whether this represents calcification.", "calcification", {"uncertain"}),
    ("Opacity in the lingula which may contain calcification.", "calcification", {"uncertain"}),
    ("The nodule is dense and may contain calcium.", "calcium", {"uncertain"}),
    ("Calcification in the mass is unlikely.", "Calcification", {"uncertain"}),
    ("This is unlikely to represent calcification.", "calcification", {"uncertain"}),
    ("Calcified nodule at the base, malignancy is unlikely.", "Calcified", set()),
    # a hedge word alone after a comma ends the clause and hedges the finding
    ("Calcified granuloma at the right base, likely.", "granuloma", {"uncertain"}),
    ("Small calcified node in the left hilum, probably.", "node", {"uncertain"}),
    ("Calcified granuloma at the right base, probably old.", "granuloma", set()),
    # 'suggestive of but not diagnostic for' is one hedge, no denial
    ("Findings suggestive of but not diagnostic for calcific tendinitis.", "tendinitis", {"uncertain"}),
    ("The pattern is compatible with, but not specific for, a calcified fibroid.", "fibroid", {"uncertain"}),
    ("The appearance is not diagnostic for calcification.", "calcification", {"negated"}),
    # a hedge on the cause or nature, not on the presence
    ("Calcified granuloma, likely from prior histoplasmosis.", "granuloma", set()),
    ("Calcification, probably dystrophic, in the left breast.", "Calcification", set()),
    ("Calcifications, most likely vascular, in the pelvis.", "Calcifications", set()),
    ("Punctate calcification in the left renal sinus, stone versus vascular calcification.", "calcification", set()),
    ("Coarse calcification in the right kidney, stone or vascular.", "calcification", set()),
    ("Calcifications that are likely dystrophic in nature.", "Calcifications", set()),
    ("The calcifications are probably benign.", "calcifications", set()),
    ("Possibly benign calcifications in the left breast.", "calcifications", set()),
    ("There are likely phleboliths in the pelvis.", "phleboliths", {"uncertain"}),
    ("The density at the base is likely a calcified granuloma.", "granuloma", {"uncertain"}),
    ("Calcified nodule which is likely a granuloma.", "nodule", set()),
    # a 'not' softened by an adverb of certainty hedges, it does not deny
    ("The small opacity in the right apex is not definitely calcified.", "calcified", {"uncertain"}),
    ("Rounded density over the lingula, not convincingly calcified on the lateral view.", "calcified", {"uncertain"}),
    ("A 5 mm opacity at the left base which is not clearly calcified.", "calcified", {"uncertain"}),
    ("Density at the left apex NOT DEFINITIVELY CALCIFIED.", "CALCIFIED", {"uncertain"}),
    ("Calcification in the right renal sinus is not definite.", "Calcification", {"uncertain"}),
    ("A calcified node at the left hilum, not conclusive on the frontal view.", "node", {"uncertain"}),
    ("The opacity at the left apex is not calcified.", "calcified", {"negated"}),
    # a 'versus' between two places of the node a bare 'calcified' qualifies
    # doubts where it lies, not that it is there
    ("Calcified right hilar versus subcarinal lymph node.", "Calcified", set()),
    ("A calcified lingular vs. left lower lobe granuloma is unchanged.", "calcified", set()),
    ("Calcified aortopulmonary window versus left hilar XXXX.", "Calcified", set()),
    # the calcification itself one of the readings, or the whole finding
    ("Calcified versus noncalcified nodule in the right apex.", "Calcified", {"uncertain"}),
    ("Calcified granuloma versus a nipple shadow at the left base.", "granuloma", {"uncertain"}),
    ("Calcified right lower lobe versus nipple shadow.", "Calcified", {"uncertain"}),
    # 'or' inside a denied or ruled-out list is no second reading
    ("No new calcification or edema.", "calcification", set()),
    ("No calcification or edema.", "calcification", {"negated"}),
    ("Focus of hyperdensity, calcification or contrast.", "calcification", {"uncertain"}),
    ("Echogenic focus that may be calcification or a stone.", "calcification", {"uncertain"}),
    ("Dense focus in the gallbladder, stone or calcification.", "calcification", {"uncertain"}),
    ("Calcification or ossification in the soft tissues of the thigh.", "Calcification", {"uncertain"}),
    ("Calcification or stones are not seen.", "Calcification", {"negated"}),
    ("Evaluate for hemorrhage or calcification.", "calcification", {"hypothetical"}),
    # no hedge: a finding named on its own
    ("Densities consistent with calcified granulomas.", "granulomas", set()),
    ("No calcification within the vessel to suggest a calcified embolus.", "calcified", {"negated"}),
    ("Hyperdense artery with no calcification to indicate a calcified thrombus.", "calcified", {"negated"}),
]

HISTORICAL: list[Row] = [
    # a present marker ('today') dates a denial of what was seen before: the
    # finding is gone, so still historical
    ("CT today: the calcified right hilar node seen in 2020 is no longer visualized.", "node", {"negated", "historical"}),
    ("Films today: a calcific deposit at the left shoulder, seen before, is no longer seen.", "deposit", {"negated", "historical"}),
    ("History of breast calcifications.", "calcifications", {"historical"}),
    ("She has a remote history of calcific tendinitis.", "tendinitis", {"historical"}),
    ("Known history of renal calcifications.", "calcifications", {"historical"}),
    ("HISTORY OF PRESENT ILLNESS: A 60-year-old with a history of calcific tendinitis of the right shoulder.", "tendinitis", {"historical"}),
    ("A 45 year old man with a history of nephrocalcinosis.", "nephrocalcinosis", {"historical"}),
    ("Previously noted calcification in the spleen is no longer seen.", "calcification", {"negated", "historical"}),
    ("She is status post excision of calcifications in the left breast.", "calcifications", {"historical"}),
    ("She had a calcified fibroid removed years ago.", "fibroid", {"historical"}),
    ("Breast calcifications were biopsied two years ago and are unchanged.", "calcifications", set()),
    # a time that dates the earlier study of a comparison is no past state
    ("The total calcium score is 57, up from 31 two years ago.", "calcium score", set()),
    # a score of an earlier study measured calcium seen before, which stays
    ("Prior calcium score of 300 in 2019.", "calcium score", set()),
    ("Her previous coronary calcium score was 120 (outside study).", "calcium score", set()),
    ("Coronary artery calcification, new compared with the CT a year ago.", "calcification", set()),
    ("The calcium score has increased to 57 from 31 three years ago.", "calcium score", set()),
    ("The calcifications were removed from the left breast 3 years ago.", "calcifications", {"historical"}),
    # a removal the text dates to a year was an earlier operation's
    ("A calcified thyroid nodule was excised surgically in 2014.", "nodule", {"historical"}),
    ("Two calcified nodes were resected in XXXX.", "nodes", {"historical"}),
    # the removal an operative note reports, undated, is the note's own
    ("The calcified plaque was removed in one piece.", "plaque", set()),
    # "Resolved" leading the finding's words denies it, not a disease before it
    ("2. Resolved punctate calcifications at right 3 o'clock.", "calcifications", {"negated", "historical"}),
    ("Resolved coarse heterogeneous calcifications in the left breast.", "calcifications", {"negated", "historical"}),
    ("Resolved pneumonia with residual calcification in the right lower lobe.", "calcification", set()),
    # a valve named right before 'status post' its surgical replacement was
    # cut out; a transcatheter valve leaves it in place
    ("Calcific aortic stenosis, status post aortic valve replacement.", "stenosis", {"historical"}),
    ("Rheumatic calcific mitral stenosis, s/p mitral valve replacement in XXXX.", "stenosis", {"historical"}),
    ("Severe calcific aortic stenosis, status post transcatheter aortic valve replacement.", "stenosis", set()),
    ("Aortic arch calcification. Status post aortic valve replacement.", "calcification", set()),
    # an earlier study named with a body part: the study is dated, not the finding
    ("Previous knee radiographs showed chondrocalcinosis, which is unchanged.", "chondrocalcinosis", set()),
    ("Prior chest CT demonstrated a calcified granuloma in the right lung.", "granuloma", set()),
    # denied before as now: no past state
    ("No prior calcific tendinitis in the left shoulder.", "tendinitis", {"negated"}),
    ("No history of nephrocalcinosis.", "nephrocalcinosis", {"negated"}),
    ("Denies previous breast calcifications.", "calcifications", {"negated"}),
    # seen now and before is present
    ("Known calcified uterine fibroid.", "fibroid", set()),
    ("Calcified fibroid, previously described, is unchanged.", "fibroid", set()),
    ("Old calcified granuloma in the left lung.", "granuloma", set()),
    ("The previously biopsied calcifications in the left breast are stable.", "calcifications", set()),
    ("A 70-year-old woman. Calcified granuloma at the right base.", "granuloma", set()),
    # a diagnosis the line closes with its removal: gone now
    ("DISCHARGE DIAGNOSES:, 1. Calcific tendinitis, right shoulder, status post excision.", "tendinitis", {"historical"}),
    ("2. Heterotopic ossification of the left elbow, s/p resection.", "ossification", {"historical"}),
    # not a removal of something else the line goes on to name
    ("Coarse calcifications in the left breast, status post excision of a fibroadenoma.", "calcifications", set()),
]

HYPOTHETICAL: list[Row] = [
    ("If calcification develops, follow-up is advised.", "calcification", {"hypothetical"}),
    ("Should calcifications develop, a repeat mammogram is recommended.", "calcifications", {"hypothetical"}),
    ("Patients with renal failure are at risk of vascular calcification.", "calcification", {"hypothetical"}),
    ("He is at increased risk for coronary calcification.", "calcification", {"hypothetical"}),
    ("Patients on dialysis are prone to develop vascular calcifications.", "calcifications", {"hypothetical"}),
    ("This lesion may develop calcification over time.", "calcification", {"hypothetical"}),
    ("Chronic hematomas can show calcification.", "calcification", {"hypothetical"}),
    ("Calcification may occur at the injection site.", "Calcification", {"hypothetical"}),
    ("Heterotopic calcification can form after such surgery.", "calcification", {"hypothetical"}),
    ("INDICATION: Evaluate for nephrocalcinosis.", "nephrocalcinosis", {"hypothetical"}),
    ("INDICATIONS: Rule out renal calcification.", "calcification", {"hypothetical"}),
    ("INDICATION: Assess coronary artery calcium for risk stratification.", "calcium", {"hypothetical"}),
    ("The study was done to assess coronary calcium.", "calcium", {"hypothetical"}),
    ("The purpose of the exam is to detect any calcification.", "calcification", {"hypothetical"}),
    ("The LAD lumen is difficult to assess due to heavy calcification.", "calcification", set()),
    ("Unable to quantify stenosis because of the calcified plaque.", "calcified", set()),
    ("PLAN: Repeat CT in six months to assess for interval calcification.", "calcification", {"hypothetical"}),
    ("Recommend CT to look for calcification.", "calcification", {"hypothetical"}),
    ("Screening for coronary artery calcification.", "calcification", {"hypothetical"}),
    # consent and risk paragraphs list what may happen, past ', and'
    ("Consent: the risks including bleeding, infection, and heterotopic calcification were reviewed.", "calcification", {"hypothetical"}),
    ("We told him of the risks, which include infection, bleeding, and calcification of the graft.", "calcification", {"hypothetical"}),
    ("Risks of the procedure, including bleeding, DVT, and valve calcification, were explained.", "calcification", {"hypothetical"}),
    ("We discussed the risks and benefits. Mild vascular calcification was seen on the angiogram.", "calcification", set()),
    ("The calcium score of 300 places him at higher risk; calcified plaque in the LAD.", "plaque", set()),
    ("The goal is to prevent further vascular calcification.", "calcification", {"hypothetical"}),
    ("In the event of calcification, the stent will be exchanged.", "calcification", {"hypothetical"}),
    ("Thin sections to minimize blooming from the dense calcification.", "calcification", set()),
    # the next study is conditional or hedged, the calcification is seen
    ("She presents for evaluation of calcifications seen on her screening mammogram.", "calcifications", set()),
    ("Referred for evaluation of nephrocalcinosis found on ultrasound.", "nephrocalcinosis", set()),
    ("MRI could be performed to further characterize the calcification.", "calcification", set()),
    ("Old films would help to judge the stability of the calcification.", "calcification", set()),
    ("CT may be obtained if clinically indicated to characterize the calcification.", "calcification", set()),
    # the result of a question is no question
    ("Work-up for chest pain revealed coronary artery calcification.", "calcification", set()),
    ("PMH: 2003 evaluation for syncope (echo showed: valve thickening/calcification).", "calcification", set()),
    ("Ultrasound to evaluate for stones demonstrated a calcification in the gallbladder wall.", "calcification", set()),
    ("If the CT shows calcification, a biopsy is not needed.", "calcification", {"hypothetical"}),
    # a finding followed up or recalled is there
    ("INDICATION: Follow-up of known renal calcifications.", "calcifications", set()),
    ("INDICATION: Callback from screening for grouped calcifications.", "calcifications", set()),
    ("PMH: gout, renal calcifications, hypertension.", "calcifications", set()),
    # a hedge on the clinical question's line is asked; one on what was seen is a hedge
    ("INDICATION: ? calcification in the left breast.", "calcification", {"hypothetical"}),
    ("INDICATION: Possible nephrocalcinosis.", "nephrocalcinosis", {"hypothetical"}),
    ("INDICATION: Recalled from screening for possible calcifications in the right breast.", "calcifications", {"uncertain"}),
    ("INDICATION: Callback for possible left breast calcifications seen on screening.", "calcifications", {"uncertain"}),
    # a study's result given on that line (context.json result_verbs and
    # present_results) was observed: its hedge is a hedge, no question, and
    # nothing says the deposit is gone (not historical)
    ("HISTORY: Outside radiograph shows questionable calcification of the left hip joint.", "calcification", {"uncertain"}),
    ("Clinical history: flank pain; prior CT revealed possible renal calcification.", "calcification", {"uncertain"}),
    ("INDICATION: Rule out infection; ultrasound demonstrates a possible calcified nodule in the neck.", "nodule", {"uncertain"}),
    ("INDICATION: ? calcified nodule on the outside radiograph.", "nodule", {"hypothetical"}),
    # an export that joins the lines writes a double period where one ended:
    # the question's line ends there, a hedged finding after it is observed
    ("Hx: dyspnea.. Possible calcified granuloma at the right lung base..", "granuloma", {"uncertain"}),
    ("Indication: fall.. Cardiac size normal.. There may be a calcified node in the left hilum..", "node", {"uncertain"}),
    ("Clinical history: weight loss, ? calcified granuloma in the right lung..", "granuloma", {"hypothetical"}),
    ("Reason for exam: follow-up... ? renal calcification", "calcification", {"hypothetical"}),
    # as does the comma such an export puts after a full stop
    ("REASON FOR EXAM:, Dyspnea.,There may be a calcified node in the right hilum.", "node", {"uncertain"}),
    ("CLINICAL HISTORY: ,Fever.,  ,The radiograph shows a questionable calcified granuloma at the left apex.", "granuloma", {"uncertain"}),
    ("CLINICAL HISTORY:, Weight loss, ? calcified nodes in the mediastinum.", "nodes", {"hypothetical"}),
    # a calcification still to be excluded is a question to answer, no denial
    ("If the ulcer spreads, calciphylaxis will need to be excluded by biopsy.", "calciphylaxis", {"hypothetical"}),
    ("Vascular calcification of the leg arteries should be ruled out on the next film.", "calcification", {"hypothetical"}),
    # one that was excluded is denied
    ("Dermal calcification was excluded on the biopsy.", "calcification", {"negated"}),
]

FAMILY: list[Row] = [
    ("Mother had breast calcifications.", "calcifications", {"family"}),
    ("Family history of coronary artery calcification.", "calcification", {"family"}),
    ("Both parents have coronary calcification.", "calcification", {"family"}),
    ("Her mom was told she had kidney calcifications.", "calcifications", {"family"}),
    ("A cousin has calcinosis.", "calcinosis", {"family"}),
    ("Breast calcifications in her aunt.", "calcifications", {"family"}),
    # a neonate's co-twin is a sibling; the patient's own twin letter is no relative
    ("Co-twin with meconium peritonitis calcifications. Abdomen: no free air.", "calcifications", {"family"}),
    ("Cotwin had periventricular calcifications.", "calcifications", {"family"}),
    ("Twin B, day 3. Periventricular calcifications bilaterally.", "calcifications", set()),
    ("No family history of nephrocalcinosis.", "nephrocalcinosis", {"negated", "family"}),
    ("Her mother had breast cancer. She has calcifications in the right breast.", "calcifications", set()),
    # the section says whose it is
    ("FAMILY HISTORY: Positive for coronary artery calcification in both parents.", "calcification", {"family"}),
    ("FAMILY HISTORY:, Significant for breast cancer and breast calcifications.,SOCIAL HISTORY:, Nonsmoker.", "calcifications", {"family"}),
    ("FAMILY HISTORY:\nNephrocalcinosis.\n\nPAST MEDICAL HISTORY:\nHypertension.", "Nephrocalcinosis", {"family"}),
    ("FAMILY HISTORY: Negative for nephrocalcinosis.", "nephrocalcinosis", {"negated", "family"}),
    ("FAMILY HISTORY: Noncontributory.\nSOCIAL HISTORY: No tobacco.\nIMPRESSION: Calcified granuloma in the right lung.", "granuloma", set()),
    ("FAMILY HISTORY: Noncontributory.\n\nCT CHEST: Calcified granuloma in the right lung.", "granuloma", set()),
    ("FAMILY HISTORY: Brother with kidney stones.\nREVIEW OF SYSTEMS: Negative.\nFINDINGS: Renal calcifications on both sides.", "calcifications", set()),
    ("Reason: 51M; family history: father with a high calcium score.\nResult: Coronary calcium score 12.", "Coronary", set()),
    ("Family hx: brother with kidney stones.\nImpression: Medullary nephrocalcinosis.", "nephrocalcinosis", set()),
]

PHYSIOLOGIC: list[Row] = [
    ("Pineal calcification is noted.", "calcification", {"physiologic"}),
    ("Calcification of the choroid plexus.", "Calcification", {"physiologic"}),
    ("Dural calcification along the falx.", "calcification", {"physiologic"}),
    ("Calcification of the tentorium.", "Calcification", {"physiologic"}),
    ("Costochondral calcifications.", "calcifications", {"physiologic"}),
    ("Habenular calcification.", "calcification", {"physiologic"}),
    ("Apparent calcification of the falx.", "calcification", {"uncertain", "physiologic"}),
    ("Calcification in the basal ganglia.", "Calcification", set()),
    ("Calcification of the thyroid cartilage.", "Calcification", set()),
    # a predicate whose subject is a lesion at the dura: the lesion is calcified
    ("The 2 cm extra-axial mass along the left convexity is densely calcified.", "calcified", set()),
    ("The falx is densely calcified.", "calcified", {"physiologic"}),
]

# The comma an export put after a label or a full stop is a line break, no
# list item with a denial of its own: the denial goes on through the list.
JOINED_LINES: list[Row] = [
    ("REVIEW OF SYSTEMS: , Negative for fevers, nephrocalcinosis, stones.", "nephrocalcinosis", {"negated"}),
    ("FINDINGS:, No effusion, pneumothorax, calcification of the aorta.", "calcification", {"negated"}),
]

ROWS = (
    NEGATION + UNCERTAIN + HISTORICAL + HYPOTHETICAL + FAMILY + PHYSIOLOGIC + JOINED_LINES
)


@pytest.mark.parametrize(("text", "word", "expected"), ROWS)
def test_note_flags(finding_with, text, word, expected):
    assert flags_of(finding_with(text, word)) == expected


# A finding the history quotes from an earlier study, which a later line of
# the note says has resolved, was seen before and is gone now: historical
# (GUIDE: historical). Not when the note names such a calcification as
# present elsewhere, nor when it says nothing resolved.
RESOLVED_SINCE = [
    (
        "HISTORY: His renal ultrasound last year showed a 4 mm echogenic focus "
        "in the right kidney, read as a small calcification. A repeat scan in "
        "spring was clear.\nASSESSMENT: The right renal calcification has "
        "resolved.",
        [{"historical"}, {"negated", "historical"}],
    ),
    (
        "HISTORY: His renal ultrasound last year showed a 4 mm echogenic focus "
        "in the right kidney, read as a small calcification.\n"
        "ASSESSMENT: Right renal calcification, stable on today's scan.",
        [set(), set()],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RESOLVED_SINCE)
def test_a_quoted_finding_later_resolved_is_historical(findings_of, text, expected):
    assert [flags_of(f) for f in findings_of(text)] == expected
