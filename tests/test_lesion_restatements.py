"""Lesion grouping on whole made-up reports (corpora/GUIDE.md, Descriptors:
lesion): the impression restating the findings, anaphors, and the findings
that must stay apart. Several paraphrases per class, in the styles of chest
radiographs, CT, mammograms, echocardiograms and operative notes."""

from __future__ import annotations

import pytest

RESTATED = [
    # a tendon's or bursa's disease names the tendon site, no place within
    # it: the impression's 'calcific bursitis' or 'calcific tendinopathy'
    # restates the deposit the findings placed in the bursa or the cuff
    (
        "XR RIGHT SHOULDER\nFINDINGS: Calcific deposit in the subacromial "
        "bursa.\nIMPRESSION: Calcific bursitis.",
        [1, 1],
    ),
    (
        "XR LEFT SHOULDER\nFINDINGS: Amorphous calcification in the rotator "
        "cuff, 9 mm.\nIMPRESSION: Calcific tendinopathy.",
        [1, 1],
    ),
    # the wall of a cyst or collection is a part of its own: the organ's
    # disease restates the organ's calcification, the wall's restatement the
    # wall's; a vessel's wall is the vessel
    (
        "CT ABDOMEN\nFINDINGS: Pancreas: coarse calcifications in the body. A 5 cm "
        "pseudocyst by the tail has a thin rim of calcification along its wall.\n"
        "IMPRESSION: 1. Chronic calcific pancreatitis. 2. Pseudocyst with a "
        "calcified wall.",
        [1, 2, 1, 2],
    ),
    # the wall named by its adjective ("mural") is the wall: the impression
    # naming the cyst's place and its mural calcification restates the
    # calcified wall of the cyst at that place, each naming the other's part
    (
        "RENAL ULTRASOUND\nFINDINGS: RIGHT KIDNEY: Scattered medullary "
        "calcifications. A simple cyst in the lower pole has a calcified "
        "wall.\nIMPRESSION: 1. Medullary calcifications. 2. Right lower pole "
        "cyst with mural calcification.",
        [1, 2, 1, 2],
    ),
    (
        "CT ABDOMEN\nFINDINGS: Liver: punctate calcifications in the right lobe. A "
        "4 cm cyst in the left lobe with a calcified wall.\nIMPRESSION: Cyst with "
        "wall calcification.",
        [1, 2, 2],
    ),
    (
        "CT ABDOMEN\nFINDINGS: Extensive calcification of the abdominal aortic "
        "wall. Calcified plaque at the aortic bifurcation.\nIMPRESSION: Aortic "
        "calcification.",
        [1, 1, 1],
    ),
    # an impression offering places for what the one lesion of the findings
    # is ("hilar versus intrapulmonary lymph node"), on its stated side,
    # restates it at whatever site; not on the other side, nor after two
    (
        "CHEST, TWO VIEWS\nFINDINGS: A 12 mm calcified nodule projects over the "
        "right lower lobe. Heart size normal.\nIMPRESSION: Calcified right hilar "
        "versus intrapulmonary lymph node.",
        [1, 1],
    ),
    (
        "CHEST PA AND LATERAL\nFINDINGS: A 1 cm calcified nodule at the left lung "
        "base. No effusion.\nIMPRESSION: 1. No acute process. 2. Calcified left "
        "infrahilar versus intrapulmonary lymph node.",
        [1, 1],
    ),
    (
        "CHEST, TWO VIEWS\nFINDINGS: There is a 15 mm calcified nodule in the left "
        "upper lobe.\nIMPRESSION: Calcified right hilar versus intrapulmonary "
        "lymph node.",
        [1, 2],
    ),
    (
        "CHEST, TWO VIEWS\nFINDINGS: Calcified granuloma in the left upper lobe. "
        "Calcified left hilar node.\nIMPRESSION: Calcified left paratracheal "
        "versus intrapulmonary lymph node.",
        [1, 2, 3],
    ),
    # a phrase joining two places before one calcification noun names one
    # lesion at both: a later finding naming one of them alone restates it
    (
        "FINDINGS: Calcified subcarinal and left hilar nodes. Lungs clear.\n"
        "IMPRESSION: The calcified left hilar nodes reflect old granulomatous "
        "disease.",
        [1, 1],
    ),
    (
        "FOREARMS\nFINDINGS: Cutaneous and subcutaneous calcinosis along both "
        "extensor surfaces.\nIMPRESSION: Calcinosis cutis of both forearms.",
        [1, 1],
    ),
    # of two lesions at one site, the one whose sub-site the impression's
    # mention names, though its site words leave it out ("teres minor tendon
    # calcification", site words "tendon")
    (
        "LEFT SHOULDER\nFINDINGS: A 9 mm calcific deposit in the supraspinatus "
        "tendon. A second, 2 mm calcification near the subscapularis insertion.\n"
        "IMPRESSION: Calcific tendinitis of the supraspinatus. Tiny subscapularis "
        "tendon calcification.",
        [1, 2, 1, 2],
    ),
    (
        "RIGHT SHOULDER\nFINDINGS: A 5 mm calcific deposit in the infraspinatus "
        "tendon. A second, smaller calcification near the teres minor insertion.\n"
        "IMPRESSION: Infraspinatus calcific tendinitis. Tiny teres minor tendon "
        "calcification.",
        [1, 2, 1, 2],
    ),
    # "soft tissue" is the skin, the fat or a muscle named no more precisely:
    # another section naming one of those restates it (denied as well);
    # after two such lesions it restates neither
    (
        "HAND RADIOGRAPHS\nFINDINGS: Amorphous calcinosis in the soft tissues of "
        "the left thumb pad.\nIMPRESSION: Calcinosis cutis of the left thumb, "
        "compatible with dermatomyositis.",
        [1, 1],
    ),
    (
        "THIGH RADIOGRAPH\nFINDINGS: Sheet-like calcification in the soft tissues "
        "of the right thigh.\nIMPRESSION: Intramuscular calcification of the right "
        "thigh, likely myositis ossificans.",
        [1, 1, 1],
    ),
    (
        "HANDS\nFINDINGS: Right: no soft tissue calcification.\nIMPRESSION: No "
        "calcinosis cutis on the right.",
        [1, 1],
    ),
    (
        "FOREARMS\nFINDINGS: Calcinosis cutis of the right forearm. Intramuscular "
        "calcification of the left forearm.\nIMPRESSION: Soft tissue calcifications "
        "of both forearms.",
        [1, 2, 3],
    ),
    # of two groups at one place, the impression naming one's BI-RADS shape
    # restates that one; naming none, it restates neither
    (
        "LEFT MAMMOGRAM\nFINDINGS: In the left lower inner quadrant, a group of "
        "round calcifications spanning 4 mm is unchanged. A second group of "
        "calcifications nearby is slightly fainter.\nIMPRESSION: Stable round "
        "calcifications, left breast, probably benign.",
        [1, 2, 1],
    ),
    (
        "RIGHT MAMMOGRAM\nFINDINGS: Right upper outer quadrant: a cluster of "
        "amorphous calcifications. Another cluster of calcifications lies 2 cm "
        "deeper.\nIMPRESSION: Amorphous calcifications, right breast; biopsy "
        "recommended.",
        [1, 2, 1],
    ),
    (
        "RIGHT MAMMOGRAM\nFINDINGS: Right upper outer quadrant: a cluster of "
        "amorphous calcifications. Another cluster of calcifications lies 2 cm "
        "deeper.\nIMPRESSION: Calcifications, right breast; biopsy recommended.",
        [1, 2, 3],
    ),
    # the exam a breast's calcification was seen on ("on mammography") names
    # no place within the breast: no sub-site that would part it
    (
        "BREAST MRI\nFINDINGS: Right breast: a 1.4 cm calcified fibroadenoma at 7 "
        "o'clock, unchanged, with coarse calcification on mammography.",
        [1, 1],
    ),
    (
        "BREAST ULTRASOUND\nFINDINGS: Right breast at 11 o'clock: a 6 mm calcified "
        "fibroadenoma, with coarse calcification seen mammographically.",
        [1, 1],
    ),
    # a copula naming what the finding before it is ("... are phleboliths")
    # restates it, whatever place the words between give; "as are" likens
    # another thing to it
    (
        "FINDINGS: Several round calcifications low in the right hemipelvis are "
        "phleboliths. Coarse prostatic calcifications.\nIMPRESSION: Pelvic "
        "phleboliths.",
        [1, 1, 2, 1],
    ),
    (
        "FINDINGS: Two tiny calcifications just lateral to the left distal ureter "
        "are pelvic phleboliths, not stones.",
        [1, 1],
    ),
    (
        "FINDINGS: A separate 3 mm calcification medial to the right ureter is a "
        "phlebolith. Calcified uterine fibroid.",
        [1, 1, 2],
    ),
    (
        "FINDINGS: Scattered calcified granulomas are unchanged, as are the "
        "calcified hilar nodes.",
        [1, 2],
    ),
    # ... and so does a clause after a comma whose pronoun, of the same
    # number, stands for it ("..., so they are phleboliths"); a pronoun of
    # the other number stands for something else
    (
        "FINDINGS: Two oval calcifications beside the right ureter show central "
        "lucency and lie outside its lumen, so they are phleboliths.\nIMPRESSION: "
        "The phleboliths need no follow-up.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: A dense calcification in the left hemipelvis has a central "
        "lucency, and it is a phlebolith.",
        [1, 1],
    ),
    (
        "FINDINGS: Several calcifications in the pelvis lie along the ureter, so "
        "it is a phlebolith.",
        [1, 2],
    ),
    # of two lesions at one site and side, their sub-sites unsaid, the
    # impression restates the one named by its head noun
    (
        "FINDINGS: Right lung: calcified granuloma at the base. A separate 4 mm "
        "calcified nodule at the apex.\nIMPRESSION: Right lung granuloma. Tiny "
        "right apical calcified nodule, benign.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Left lung: calcified granuloma at the lateral base. A separate "
        "2 mm calcified nodule at the apex.\nIMPRESSION: Left lung granuloma. "
        "Small left apical calcified nodule.",
        [1, 2, 2],
    ),
    # "vascular" says where a calcification lies, no shape: the impression
    # calling the punctate focus vascular restates it
    (
        "FINDINGS: Punctate calcification at the left renal hilum, favored to be "
        "renal artery calcification rather than a stone.\n"
        "IMPRESSION: Calcification at the left renal hilum, most likely vascular.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: Tiny punctate calcification near the right renal sinus, "
        "probably a renal artery calcification.\nIMPRESSION: Right renal sinus "
        "calcification, likely vascular; no stone.",
        [1, 1, 1],
    ),
    # ... and a breast's vascular calcifications are still not its punctate ones
    (
        "FINDINGS: Benign vascular calcifications in the right breast. Punctate "
        "calcifications in the right breast.",
        [1, 2],
    ),
    # a place the impression names in its mention's words and the findings
    # sentence outside its own ("right upper quadrant calcification" and
    # "calcification in the right upper quadrant") echoes it
    (
        "FINDINGS: Nonobstructive bowel gas pattern. A 9 mm ovoid calcification in "
        "the right upper quadrant, of uncertain origin. Several pelvic phleboliths.\n"
        "IMPRESSION: Indeterminate right upper quadrant calcification; ultrasound "
        "may help.",
        [1, 2, 1],
    ),
    # "aortoiliac" names the aorta and the iliac arteries the findings named
    (
        "FINDINGS: Dense calcification of the abdominal aorta and both common iliac "
        "arteries, no aneurysm. Punctate calcification in the right renal cortex.\n"
        "IMPRESSION: 1. Aortoiliac atherosclerotic calcification. 2. Small right "
        "renal cortical calcification.",
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: Mural calcification of the infrarenal aorta and common iliac "
        "arteries.\nIMPRESSION: Moderate aorto-iliac calcification.",
        [1, 1],
    ),
    # "MAC" is the mitral annulus's calcification, the site named in full
    (
        "FINDINGS: The aortic cusps are thickened and calcified. The mitral valve "
        "shows mild annular calcification without stenosis.\n"
        "IMPRESSION: 1. Calcific aortic stenosis, moderate. 2. Mild MAC.",
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: Mitral valve: thin leaflets; dense annular calcification "
        "posteriorly.\nSUMMARY: Severe posterior MAC with mild mitral stenosis.",
        [1, 1],
    ),
    # the one findings lesion at the site and side, its sentence naming the
    # impression's sub-site: "bulb extending into the internal carotid" and
    # "right ICA"
    (
        "FINDINGS:\nRIGHT: Shadowing calcified plaque at the carotid bulb extending "
        "into the proximal internal carotid artery. PSV 210 cm/s.\n"
        "LEFT: Mild noncalcified plaque at the bulb.\n"
        "IMPRESSION: Right ICA 70% stenosis from calcified plaque.",
        [1, 1],
    ),
    # a disease word names no place within its site: "goiter" restates the
    # left lobe's calcifications
    (
        "FINDINGS: The left thyroid lobe is enlarged and contains coarse "
        "calcifications. Calcified plaque at the right carotid bifurcation.\n"
        "IMPRESSION: Left-sided goiter with calcifications.",
        [1, 2, 1],
    ),
    # "dystrophic" names what causes a calcification, no shape: it restates
    # the "coarse" calcification of the findings
    (
        "FINDINGS: Wedge-shaped scar in the lower pole of the right kidney "
        "containing coarse calcification. Punctate calcification in the left "
        "renal cortex.\nIMPRESSION: Old right renal infarct with dystrophic "
        "calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Coarse calcification within the fibroid of the uterine fundus.\n"
        "IMPRESSION: Degenerated fibroid with dystrophic calcification.",
        [1, 1],
    ),
    # "intramuscular" names the muscle, the site itself: no sub-site
    (
        "FINDINGS: Within the right vastus lateralis there is a 3 cm mass with a "
        "thin peripheral shell of calcification.\nIMPRESSION: Intramuscular mass "
        "with peripheral calcification in the right thigh, favor myositis "
        "ossificans.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: Within the left gastrocnemius muscle there is coarse "
        "calcification.\nIMPRESSION: Intramuscular calcification of the left calf.",
        [1, 1],
    ),
    # other words at another linked site, the sentences sharing two words
    (
        "FINDINGS: Lungs are clear. Lobulated calcification in the soft tissues "
        "about the left shoulder joint. Heart size normal.\nIMPRESSION: "
        "Periarticular calcinosis at the left shoulder joint, likely from "
        "hypercalcemia.",
        [1, 1],
    ),
    (
        "FINDINGS: The right thyroid lobe is enlarged and extends into the "
        "mediastinum, with coarse calcifications in the soft tissue of the right "
        "neck.\nIMPRESSION: Calcified goiter of the right thyroid lobe extending "
        "into the mediastinum.",
        [1, 1],
    ),
    # a site word's other forms normalised: the plural "apices" and "apical",
    # "thalamus" and "thalamic", the abbreviation "TFCC"
    (
        "FINDINGS: Faint calcified nodules in both lung apices. Calcified "
        "granuloma in the right lower lobe.\n"
        "IMPRESSION: Bilateral apical calcifications, stable.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: 7 mm dense focus in the right thalamus, calcification versus "
        "hemorrhage. Bilateral choroid plexus calcifications.\n"
        "IMPRESSION: Right thalamic focus; calcification is favored over hemorrhage.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Linear calcification of the triangular fibrocartilage complex.\n"
        "IMPRESSION: TFCC calcification, suggesting CPPD.",
        [1, 1],
    ),
    # the impression names the place by another word for it: an abbreviation,
    # the adjective, the lesion's other name
    (
        "FINDINGS: Calcified plaque at the origin of the inferior mesenteric artery.\n"
        "IMPRESSION: IMA origin calcified plaque, no stenosis.",
        [1, 1],
    ),
    (
        "FINDINGS: Left testis: normal size. Scattered tiny echogenic foci, likely "
        "microcalcifications.\nIMPRESSION: Left testicular microcalcifications.",
        [1, 1],
    ),
    (
        "FINDINGS: Posterior uterine mass with rim calcification, consistent with a "
        "fibroid.\nIMPRESSION: Calcified posterior leiomyoma.",
        [1, 1],
    ),
    (
        "FINDINGS: Infrarenal abdominal aortic aneurysm, 4.6 cm, with mural calcification.\n"
        "IMPRESSION: AAA with wall calcification, unchanged.",
        [1, 1],
    ),
    # one side's vessels restated after the aorta's lesion: no summary of both
    (
        "FINDINGS: Calcified aortic arch. Vascular calcifications in the right axilla.\n"
        "IMPRESSION: Right axillary vascular calcification, incidental.",
        [1, 2, 2],
    ),
    # the impression names by the same word the one of two lesions at its site
    # that the findings named so ("Chondrocalcinosis" after the menisci's)
    (
        "FINDINGS: Meniscal calcification in keeping with chondrocalcinosis. "
        "Calcification of the triangular fibrocartilage as well.\n"
        "IMPRESSION: 1. Chondrocalcinosis, query CPPD.",
        [1, 1, 2, 1],
    ),
    (
        "FINDINGS: Thin calcification outlines the articular cartilage. The menisci "
        "are calcified, consistent with chondrocalcinosis.\n"
        "IMPRESSION: Chondrocalcinosis.",
        [1, 2, 2, 2],
    ),
    # a region naming where, a mention naming its tissue; an appositive 'a
    # pattern of' naming what the calcification is
    (
        "FINDINGS: Lobulated calcified masses about the left hip, compatible with "
        "tumoral calcinosis.\nIMPRESSION: Left hip tumoral calcinosis.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: Fine calcification of the gastric mucosa.\nIMPRESSION: Gastric "
        "mucosal calcification, a pattern of metastatic calcification.",
        [1, 1, 1],
    ),
    # chest radiograph: the impression repeats the granuloma
    (
        "FINDINGS: Lungs are clear. Calcified granuloma at the left upper lobe.\n"
        "IMPRESSION: No acute disease. Left upper lobe calcified granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: A 6 mm calcified granuloma sits at the right lung base.\n"
        "IMPRESSION: Calcified granuloma, right base, benign.",
        [1, 1],
    ),
    (
        "FINDINGS: Stable calcified right hilar lymph node. Heart normal.\n"
        "IMPRESSION: Calcified right hilar lymph node, unchanged.",
        [1, 1],
    ),
    # CT: the impression names the organ another way
    (
        "FINDINGS: Pancreas: coarse calcifications throughout the gland.\n"
        "IMPRESSION: Pancreatic calcifications compatible with chronic pancreatitis.",
        [1, 1],
    ),
    # the pancreas named by its head, then by its disease ("pancreas", the
    # word "pancreatic" is normalised to, is no plural)
    (
        "FINDINGS: Pancreas: coarse calcifications in the pancreatic head, more "
        "numerous than before.\nIMPRESSION: Chronic calcific pancreatitis.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcifications in the body of the pancreas. Spleen normal.\n"
        "IMPRESSION: Pancreatic calcifications, likely sequela of pancreatitis.",
        [1, 1],
    ),
    # the renal pyramids are the medulla
    (
        "FINDINGS: Bilateral medullary nephrocalcinosis. Punctate calcifications in "
        "the renal pyramids of both kidneys, increased.\n"
        "IMPRESSION: Medullary nephrocalcinosis, progressed.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: Dense calcification of the abdominal aorta. Liver normal.\n"
        "IMPRESSION: Aortic calcification.",
        [1, 1],
    ),
    # mammogram
    (
        "FINDINGS: Grouped amorphous calcifications in the left breast upper outer quadrant.\n"
        "IMPRESSION: Left breast amorphous calcifications. BI-RADS 4.",
        [1, 1],
    ),
    # echocardiogram
    (
        "FINDINGS: Moderate mitral annular calcification. Aortic valve trileaflet.\n"
        "IMPRESSION: Mitral annular calcification without stenosis.",
        [1, 1],
    ),
    # the findings leave the place unsaid, the impression names it
    (
        "FINDINGS: Heart size normal. Calcified granuloma. No effusion.\n"
        "IMPRESSION: Calcified granuloma at the right upper lobe.",
        [1, 1],
    ),
    # the findings' site an exam's default, the impression's another
    (
        "EXAMINATION: Chest, two views.\nFINDINGS: Heart normal. Calcified granuloma.\n"
        "IMPRESSION: Calcified granuloma at the right hilum.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granulomas are again seen in both lungs.\n"
        "IMPRESSION: Stable bilateral calcified granulomas.",
        [1, 1],
    ),
    (
        "FINDINGS: Again seen: calcified granuloma at the left lower lobe.\n"
        "IMPRESSION: Stable left lower lobe granuloma, calcified.",
        [1, 1],
    ),
    # a scrape that put commas for line breaks
    (
        "FINDINGS:, Calcifications in the left breast at 2 o'clock.,IMPRESSION:, "
        "Benign calcifications, left breast at 2 o'clock.",
        [1, 1],
    ),
    (
        "FINDINGS: The aortic valve is heavily calcified with reduced opening.\n"
        "IMPRESSION: Calcified aortic valve with mild stenosis.",
        [1, 1],
    ),
    # operative note
    (
        "FINDINGS: A calcified nodule was found in the right thyroid lobe and excised.\n"
        "IMPRESSION: Calcified right thyroid nodule, excised.",
        [1, 1],
    ),
]

# the linked sites differ or one is missing: the sentences share the words
OTHER_WORDS = [
    # the tissue about a joint that leads by 'with' to the mention, and a
    # tendon of that joint named in the impression: one lesion
    (
        "FINDINGS: Arthritic change of the left shoulder with calcification "
        "along the greater tuberosity.\nIMPRESSION: Calcific tendinitis of the "
        "left shoulder.",
        [1, 1],
    ),
    # a sub-site named by its adjective ("myometrial") is the one its noun
    # names ("myometrium"), the words reordered around it
    (
        "PELVIC ULTRASOUND\nFINDINGS: UTERUS: Fundal fibroid with a rim of "
        "calcification. Posterior intramural fibroid with coarse internal "
        "calcifications. A calcified nodule in the anterior myometrium, 7 mm.\n"
        "IMPRESSION: 1. Calcified fundal fibroid. 2. Small calcified anterior "
        "myometrial nodule.",
        [1, 2, 3, 1, 3],
    ),
    # the tissue about a joint and a tendon, ligament or muscle in it, or the
    # same tissue named only as soft tissue: one deposit in other words
    (
        "FINDINGS: Periarticular calcification at the right shoulder.\n\n"
        "IMPRESSION: Calcific tendinitis of the right shoulder.",
        [1, 1],
    ),
    (
        "FINDINGS: Periarticular calcification at the left knee.\n\n"
        "IMPRESSION: Calcification of the left MCL.",
        [1, 1],
    ),
    (
        "FINDINGS: Amorphous calcification in the soft tissues lateral to the right "
        "shoulder.\n\nIMPRESSION: Periarticular calcification, right shoulder.",
        [1, 1],
    ),
    (
        "FINDINGS: Heterotopic ossification within the right gluteus medius "
        "muscle.\n\nIMPRESSION: Periarticular heterotopic ossification of the "
        "right hip.",
        [1, 1],
    ),
    (
        "FINDINGS: Extensive sheet-like calcinosis in the thigh musculature.\n"
        "IMPRESSION: Extensive muscular calcinosis, likely dermatomyositis.",
        [1, 1],
    ),
    (
        "FINDINGS: 5 cm walled-off necrosis with a thin rim of calcification.\n"
        "IMPRESSION: Walled-off necrosis, now partially calcified.",
        [1, 1],
    ),
    (
        "FINDINGS: Pancreas: coarse calcifications in the head and body.\n"
        "IMPRESSION: Chronic calcific pancreatitis.",
        [1, 1],
    ),
    # the impression's side came from another phrase of its sentence
    (
        "FINDINGS: Increased echogenicity of the medullary pyramids bilaterally with "
        "shadowing in the right lower pole, consistent with medullary nephrocalcinosis.\n"
        "IMPRESSION: Medullary nephrocalcinosis bilaterally.",
        [1, 1],
    ),
    # a scoring method's name is not a place in the coronary tree
    (
        "FINDINGS: Total Agatston calcium score is 310. The Agatston score by vessel: LAD 300, RCA 10.",
        [1, 1],
    ),
    # each names the other's sub-site: one place in two words
    (
        "FINDINGS: Punctate calcifications in the dentate nuclei of the cerebellum.\n"
        "IMPRESSION: Cerebellar calcifications, dentate nuclei.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified plaque in the right carotid bulb extending into the proximal "
        "internal carotid artery.\nIMPRESSION: Calcified plaque of the right internal carotid "
        "artery at the bulb.",
        [1, 1],
    ),
    # the findings say "no calcification" of the nodule the impression names
    (
        "INDICATION: Left lower lobe nodule; evaluate for calcification.\n"
        "FINDINGS: No calcification. The nodule is unchanged.\n"
        "IMPRESSION: Left lower lobe nodule without calcification.",
        [1, 2, 2],
    ),
    # two places in the findings: the impression's words are neither's
    (
        "FINDINGS: Walled-off necrosis with a rim of calcification. Splenic calcification.\n"
        "IMPRESSION: Calcified splenic artery aneurysm.",
        [1, 2, 3],
    ),
    # a leaflet the mention names itself, the site words those of the
    # annulus calcification "with" leads it from: the leaflet's lesion, not
    # the annulus's
    (
        "ECHOCARDIOGRAM\nFINDINGS: Moderate mitral annular calcification. The "
        "anterior mitral leaflet is thickened and calcified at its tip.\n"
        "IMPRESSION: Moderate MAC with anterior leaflet calcification.",
        [1, 2, 1, 2],
    ),
    # of one breast's groups at two clock positions, the impression naming
    # no position restates the one whose sentence its own restates in other
    # words, by the place both name; the other group stays apart
    (
        "MAMMOGRAM\nFINDINGS: Left breast: Round calcifications along the scar "
        "of the prior excision, 4 o'clock, unchanged. A cluster of amorphous "
        "calcifications at 11 o'clock, new.\nIMPRESSION: 1. Benign dystrophic "
        "calcifications along the left excision scar. 2. New amorphous "
        "calcifications at 11 o'clock in the left breast.",
        [1, 2, 1, 2],
    ),
]

ANAPHORS = [
    # a mention without a site led by an anaphor ("the calcification") in
    # another section refers back to the one lesion named before it ...
    (
        "ASSESSMENT: Calcific tendinitis of the right shoulder.\n"
        "PLAN: Ultrasound-guided lavage of the calcification.",
        [1, 1],
    ),
    (
        "DISCHARGE DIAGNOSES: Calcinosis cutis of the left thumb.\nHOSPITAL "
        "COURSE: Hand surgery will consider excision of the calcium deposits if "
        "pain persists.",
        [1, 1],
    ),
    # ... not to one of two
    (
        "DISCHARGE DIAGNOSES: Calcinosis cutis of the left thumb. Calcified "
        "uterine fibroid.\nHOSPITAL COURSE: Hand surgery will consider excision "
        "of the calcium deposits if pain persists.",
        [1, 2, 3],
    ),
    # the anaphor names the place about the joint more narrowly
    (
        "FINDINGS: Periarticular calcification at the left elbow. The "
        "calcification lies within the triceps tendon.",
        [1, 1],
    ),
    # what is left of a calcification ("residual", "remaining") is its lesion,
    # though smaller now; a denied one is not
    (
        "PROCEDURE: Under ultrasound a needle was advanced into the 15 mm calcific "
        "deposit in the left supraspinatus tendon and lavage was performed. "
        "POST-PROCEDURE: The deposit is fragmented; residual calcification measures "
        "6 mm.",
        [1, 1],
    ),
    (
        "FINDINGS: 12 mm calcific deposit in the supraspinatus tendon was lavaged. "
        "Remaining calcification is 4 mm.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcific deposit in the supraspinatus tendon was removed with a "
        "shaver. Fluoroscopy showed no residual calcification.",
        [1, 2],
    ),
    # "The LAD calcification" after the total score names a vessel: no
    # anaphor of the whole tree's lesion; one of the vessel's own is
    (
        "FINDINGS:\nTotal Agatston score: 88 (65th percentile).\n"
        "The LAD calcification is confined to the proximal segment.",
        [1, 2],
    ),
    (
        "FINDINGS: LAD: calcified plaque in the mid segment. The calcification is mild.",
        [1, 1],
    ),
    # a sentence opening with an anaphor names what the finding before it is
    (
        "FINDINGS: Small calcification next to the right renal pelvis. "
        "This may represent a nonobstructing stone or vascular calcification.",
        [1, 1],
    ),
    (
        "FINDINGS: Punctate calcification in the left upper quadrant. "
        "This is most likely a calcified splenic granuloma.",
        [1, 1],
    ),
    (
        "FINDINGS: Several small pelvic calcifications. These likely represent phleboliths.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified nodule in the right upper lobe. It is densely calcified.",
        [1, 1],
    ),
    (
        "FINDINGS: Coarse calcifications in the pancreatic head. These calcifications are stable.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcification in the left adrenal gland. The calcification measures 8 mm.",
        [1, 1],
    ),
    (
        "FINDINGS: Large coarse calcification in the pelvis, corresponding to a calcified uterine fibroid.\n"
        "IMPRESSION: Calcified fibroid uterus.",
        [1, 1, 1],
    ),
]

APART = [
    # place words before a shared site word ('upper pole parenchyma', 'left
    # lower pole nodule') name the sub-site: each pole of one organ is a
    # lesion of its own, and a restatement joins the pole it names
    (
        "THYROID US\nFINDINGS: Right lobe: punctate calcification in the upper "
        "pole parenchyma. A 6 mm isoechoic nodule with microcalcifications in the "
        "lower pole.\nIMPRESSION: Right lower pole nodule with "
        "microcalcifications. Right upper pole parenchymal calcification.",
        [1, 2, 2, 1],
    ),
    (
        "THYROID US\nFINDINGS: Left lobe: a spongiform nodule in the mid pole "
        "with a peripheral calcification. Separate tiny calcification in the "
        "lower pole parenchyma.\nIMPRESSION: Left mid pole nodule with "
        "peripheral calcification.",
        [1, 2, 1],
    ),
    (
        "RENAL US\nFINDINGS: Left kidney: coarse calcification in the "
        "interpolar parenchyma. Punctate calcification in the lower pole.\n"
        "IMPRESSION: Left lower pole calcification. Left interpolar parenchymal "
        "calcification.",
        [1, 2, 2, 1],
    ),
    # a calcification named as what lies in the sac or lumen (a thrombus) and
    # the vessel's wall calcification at the same site are two lesions; a
    # thrombus named calcified again is the same one
    (
        "OPERATIVE NOTE\nINDICATION: Abdominal aortic aneurysm.\nFINDINGS: Heavy "
        "calcification of the aortic wall at the aneurysm.\nPROCEDURE: The "
        "aneurysm was opened and a calcified thrombus was extracted from the sac.",
        [1, 2],
    ),
    (
        "INDICATION: Follow-up of abdominal aortic aneurysm.\nFINDINGS: Liver "
        "normal. The aneurysm sac holds mural clot and its wall shows dense "
        "calcification.\nPROCEDURE: The sac was opened and a calcified thrombus "
        "was extracted.",
        [1, 2],
    ),
    (
        "INDICATION: Abdominal aortic aneurysm.\nFINDINGS: Calcified thrombus "
        "filling the aneurysm sac.\nPROCEDURE: The sac was opened and the "
        "calcified thrombus was extracted.",
        [1, 1],
    ),
    # a finding with no site restates no lesion its change words set apart
    # ("increased" and "new") nor the one "and a" adds it to in its sentence
    (
        "OBSTETRIC ULTRASOUND\nFINDINGS: The placenta is anterior with coarse "
        "calcification along the basal plate, more extensive than on the prior "
        "scan. A separate 9 mm calcified focus at the cord insertion, new.\n"
        "IMPRESSION: Mature placenta with calcification, increased since the "
        "prior scan, and a new calcification at the cord insertion.",
        [1, 2, 1, 2],
    ),
    (
        "PELVIC ULTRASOUND\nFINDINGS: Coarse calcification in the posterior "
        "fundal mass, unchanged. A separate 5 mm calcified focus in the anterior "
        "mass, new.\nIMPRESSION: Fundal mass with calcification, stable, and a "
        "new calcification in the anterior mass.",
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: Placental calcification, progressed since the prior study.\n"
        "IMPRESSION: Placental calcification, increased, and a calcification at "
        "the cord insertion.",
        [1, 1, 2],
    ),
    # node groups named before a masked "nodes" (lymph XXXX) keep their
    # places; a mediastinal station is a part of the mediastinum, so the
    # mediastinal nodes of the impression sum two stations up
    (
        "EXAMINATION: Chest, two views.\nFINDINGS: Calcified left hilar lymph "
        "XXXX. Calcified mediastinal lymph XXXX.\nIMPRESSION: Calcified left "
        "hilar lymph XXXX.",
        [1, 2, 1],
    ),
    (
        "EXAMINATION: Chest, two views.\nFINDINGS: Calcified paratracheal lymph "
        "XXXX. Calcified subcarinal lymph XXXX.\nIMPRESSION: Calcified "
        "mediastinal lymph nodes.",
        [1, 2, 3],
    ),
    # two sub-sites one sentence lists by a comma: each sentence naming the
    # other's sub-site is no sign of one place, the sentence being one
    (
        "FINDINGS: Calcified granuloma in the right upper lobe, calcified "
        "granuloma in the right lower lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified nodule in the left upper lobe, calcified nodule in the "
        "left lower lobe, both stable.",
        [1, 2],
    ),
    # ... unless a restating link names the second as what the first is
    (
        "FINDINGS: Amorphous calcific density lateral to the right humeral head, "
        "suggesting calcific tendinitis of the rotator cuff.\nIMPRESSION: Right "
        "rotator cuff calcific tendinitis.",
        [1, 1, 1],
    ),
    # another joint, another side, or a history's question: apart
    (
        "FINDINGS: Periarticular calcification at the right hip.\n\n"
        "IMPRESSION: Calcific tendinitis of the right shoulder.",
        [1, 2],
    ),
    (
        "FINDINGS: Periarticular calcification at the right shoulder.\n\n"
        "IMPRESSION: Calcific tendinitis of the left shoulder.",
        [1, 2],
    ),
    (
        "INDICATION: Tumoral calcinosis.\n\n"
        "FINDINGS: Calcification in the right supraspinatus tendon.",
        [1, 2],
    ),
    # a finding whose site words leave the sub-site unsaid but whose mention
    # a link word follows to another place of the site is that place's
    # lesion, not the one before it in its section ...
    (
        "FINDINGS: Thick calcification along the falx cerebri. Dural "
        "calcification along the tentorium.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification of the medial meniscus. Chondrocalcinosis of "
        "the patellofemoral cartilage also.",
        [1, 2],
    ),
    # ... and the same place restates it
    (
        "FINDINGS: Calcification of the medial meniscus. Chondrocalcinosis of "
        "the medial meniscus as well.",
        [1, 1],
    ),
    (
        "FINDINGS: Dense calcification along the falx. Dural calcification "
        "along the falx is unchanged.",
        [1, 1],
    ),
    # the subject of "the <place> was (also) calcified" names the place its
    # site words left unsaid: the external carotid is not the internal's plaque
    (
        "DESCRIPTION OF PROCEDURE: The carotid vessels were exposed and clamped. A "
        "heavily calcified plaque was found at the bulb, extending into the internal "
        "carotid artery. It was removed in one piece. The external carotid artery "
        "was also calcified at its origin and was everted.",
        [1, 2],
    ),
    # vessel segments under their own label lines, the calcification's own
    # words naming no segment: one lesion per label
    (
        "FINDINGS: ,Common femoral artery: , Triphasic flow.  Mild mural "
        "calcification.,Superficial femoral artery: , Dense wall calcification "
        "along its length.",
        [1, 2],
    ),
    (
        "FINDINGS:\nPopliteal artery: Patent. Scattered wall calcification.\n"
        "SFA: Monophasic flow. Moderate wall calcification throughout.",
        [1, 2],
    ),
    # ... and the impression naming the labelled segment restates its lesion
    (
        "FINDINGS:\nSuperficial femoral artery: Moderate wall calcification.\n"
        "IMPRESSION: Calcification of the superficial femoral artery.",
        [1, 1],
    ),
    # ... but a sentence whose subject names other vessels is theirs, not
    # the label's, though its site words say only "arteries"
    (
        "FINDINGS: Superficial femoral artery: biphasic flow with mild wall "
        "calcification. Popliteal artery: dense calcification with acoustic "
        "shadowing. The anterior tibial and peroneal arteries are heavily calcified "
        "and incompressible.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: ,Popliteal artery: , Monophasic flow. Calcified plaque with "
        "shadowing. The dorsalis pedis and posterior tibial arteries are also "
        "calcified, noncompressible.",
        [1, 2],
    ),
    # sub-sites that share a place word and differ in another stay apart
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\n"
        "IMPRESSION: Calcified granuloma in the right lower lobe.",
        [1, 2],
    ),
    # a mention its clause calls a second or separate one, words before it
    (
        "FINDINGS: ,RIGHT CAROTID: , A calcified plaque at the bulb.  A second smaller "
        "calcified plaque in the distal common carotid artery.,IMPRESSION: , Calcified "
        "plaque at the right carotid bulb.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Right lung: calcified granuloma at the base. Separate 4 mm calcified "
        "nodule at the apex.\nIMPRESSION: Right basilar calcified granuloma.",
        [1, 2, 1],
    ),
    # explicit sides differ
    (
        "FINDINGS: Calcified granuloma at the right upper lobe.\n"
        "IMPRESSION: Calcified granuloma at the left upper lobe.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma at the right upper lobe.\n"
        "IMPRESSION: Left upper lobe calcified granuloma, with right upper lobe scarring.",
        [1, 2],
    ),
    (
        "FINDINGS: Right breast: punctate calcifications. Left breast: punctate calcifications.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcified granuloma at the right upper lobe. Calcified granuloma at the right lower lobe.\n"
        "IMPRESSION: Two calcified granulomas in the right lung.",
        [1, 2, 3],
    ),
    # explicitly different organs
    (
        "FINDINGS: Splenic calcification. Pineal calcification.\n"
        "IMPRESSION: Splenic calcification, benign.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified plaque in the abdominal aorta. Calcification of the pineal gland.\n"
        "IMPRESSION: Aortic atherosclerotic calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified mediastinal lymph nodes.\n"
        "IMPRESSION: Calcified granuloma at the left lung.",
        [1, 2],
    ),
    # a later finding of the findings naming, in other words, a place the
    # lesion before it left unsaid is another calcification
    (
        "FINDINGS: 3 cm right popliteal artery aneurysm with peripheral wall calcification. "
        "Mild calcified plaque of the right SFA.",
        [1, 2],
    ),
    (
        "FINDINGS: Vascular calcifications. Calcified plaque in the left common femoral artery.\n"
        "IMPRESSION: Left common femoral artery calcified plaque.",
        [1, 2, 2],
    ),
    # one sentence restates a lesion once: its second mention is another
    (
        "FINDINGS: Dense calcifications in the basal ganglia. Punctate calcifications in the "
        "dentate nuclei.\nIMPRESSION: Basal ganglia calcifications and cerebellar calcifications.",
        [1, 2, 1, 3],
    ),
    # negated or hypothetical findings never join affirmed ones
    (
        "FINDINGS: Calcified granuloma at the right upper lobe.\n"
        "IMPRESSION: No suspicious calcification in the right upper lobe.",
        [1, 2],
    ),
    (
        "INDICATION: Evaluate for renal calcification.\n"
        "FINDINGS: Calcification in the right kidney, 3 mm.",
        [1, 2],
    ),    # the medulla and the cortex of one kidney are two places
    (
        "FINDINGS: Calcification in the right renal pyramids. Calcification in the "
        "right renal cortex.",
        [1, 2],
    ),
    # a resolved calcification is not today's denial of one
    (
        "HISTORY: Nephrocalcinosis in infancy, now resolved.\n"
        "FINDINGS: Kidneys normal in size. No nephrocalcinosis.\n"
        "IMPRESSION: No nephrocalcinosis.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: The previously seen calcification in the right lobe is no longer "
        "visible. Left lobe nodule without calcification.\n"
        "IMPRESSION: Right lobe calcification previously reported is no longer seen.",
        [1, 2, 1],
    ),
]

# a hedged alternative the sentence offers for what the calcification is, at
# a site of its own words, is that calcification; the alternative's site is
# not the lesion's, so a later finding at that site is another
OFFERED = [
    # a hedged 'is' ('which may be', 'could be') names what the finding
    # before it is, as 'may represent' does
    (
        "EXAM: Chest, two views.\nFINDINGS: Left paratracheal and right perihilar "
        "calcific foci, which may be calcified granulomas.",
        [1, 1],
    ),
    (
        "EXAM: CT pelvis.\nFINDINGS: Punctate calcification beside the distal left "
        "ureter, could be a phlebolith.",
        [1, 1],
    ),
    # offered after one comma as the first term of a differential for what
    # the finding before it is
    (
        "FINDINGS: Calcified plaque at the origin of the right renal artery. A 3 mm "
        "calcification in the lower pole of the right kidney, vascular "
        "calcification versus a tiny stone.\nIMPRESSION: Nonspecific right renal "
        "calcification.",
        [1, 2, 2, 2],
    ),
    (
        "FINDINGS: Dense calcification of the splenic artery. Punctate "
        "calcification near the splenic hilum, arterial calcification vs a "
        "granuloma.",
        [1, 2, 2],
    ),
    # named by a restating link as what the finding before it is, though its
    # words would restate an earlier lesion at its site
    (
        "FINDINGS: Symmetric calcification of the caudate nuclei. Calcification "
        "of the dentate nuclei of the cerebellum.\nIMPRESSION: Widespread "
        "intracranial calcifications, in a pattern typical of familial brain "
        "calcification.",
        [1, 2, 3, 3],
    ),
    (
        "FINDINGS: Dense calcification of the globus pallidus on both sides. Faint "
        "calcification in the cerebellar dentate nuclei.\nIMPRESSION: Symmetric "
        "intracranial calcifications, characteristic of idiopathic brain "
        "calcification.",
        [1, 2, 3, 3],
    ),
    # named by a restating link as what the finding before it is, at another
    # site its own words give
    (
        "FINDINGS: There are several small calcifications in the left hemipelvis "
        "adjacent to the sigmoid colon, consistent with phleboliths. Scattered "
        "calcification of the abdominal aorta.",
        [1, 1, 2],
    ),
    # ... not past the end of the sentence the link is in, though the
    # sentences were not told apart (a lower-case start)
    (
        "Findings: calcified nodes in the right hilum, consistent with old "
        "granulomatous disease. aortic arch atherosclerotic calcification. no "
        "effusion.",
        [1, 2],
    ),
    (
        "FINDINGS: Punctate 2 mm calcification in the left renal sinus, "
        "nonobstructing stone versus vascular calcification.\n"
        "IMPRESSION: Left renal sinus punctate calcification, indeterminate.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: Punctate calcification in the right kidney, favored to represent "
        "renal artery calcification rather than a stone.\n"
        "IMPRESSION: Punctate right renal calcification.",
        [1, 1, 1],
    ),
    (
        "FINDINGS: Punctate calcification in the right kidney, possibly vascular "
        "calcification. Dense calcification of the right renal artery at its origin.",
        [1, 1, 2],
    ),
    # not hedged, or past a semicolon: another calcification
    (
        "FINDINGS: Calcification in the left kidney; possible vascular calcification "
        "of the aorta.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification in the left kidney versus the left ureter, and "
        "vascular calcification of the aorta.",
        [1, 2],
    ),    # a comma or "and" after the link: the hedged finding is named next to it
    (
        "FINDINGS: Coronary artery calcification, likely atherosclerotic, and "
        "possible aortic valve calcification.",
        [1, 2],
    ),
    (
        "FINDINGS: Calcification in the right kidney, probably vascular, possible "
        "calcification of the right adrenal.",
        [1, 2],
    ),
]

# an impression phrase that sums up several lesions of the findings is a
# lesion of its own; one that names two places restates the first's
SUMMED = [
    # "tibial arterial" names the tibial arteries as "tibial arteries" does:
    # both sides' tibial lesions summed, not the iliac arteries' restated
    (
        "FINDINGS: Scattered calcification of both common iliac arteries. Medial "
        "calcification of the right tibial arteries. Medial calcification of the "
        "left tibial arteries.\nIMPRESSION: Diffuse tibial arterial calcification "
        "bilaterally.",
        [1, 2, 3, 4],
    ),
    # ... and the whole named after a phrase over every part of it restates
    # that phrase, not a part named by its own words
    (
        "FINDINGS: Dense calcification of all three leaflets, worst on the "
        "noncoronary leaflet. A small calcified nodule along the right coronary "
        "leaflet.\nIMPRESSION: Heavily calcified trileaflet aortic valve.",
        [1, 2, 1],
    ),
    # a phrase joining a vessel with "all" and a count of vessels names
    # every vessel: it sums up the findings' vessel lesions, restates none
    (
        "FINDINGS:\nLEFT MAIN: Mild calcification of the left main.\nLAD: Dense "
        "calcification of the proximal LAD.\nRCA: Scattered calcification of "
        "the mid RCA.\nIMPRESSION: Calcification of the left main and of all "
        "three coronary arteries.",
        [1, 2, 3, 4],
    ),
    # ... but "all" and a count of things no place ("all 3 bypass grafts")
    # name no vessel: the phrase restates the LAD's plaque
    (
        "FINDINGS:\nLAD: Dense calcified plaque in the proximal LAD.\nRCA: Mild "
        "calcified plaque in the mid RCA.\nIMPRESSION: Dense calcified plaque of "
        "the proximal LAD, with all 3 bypass grafts patent.",
        [1, 2, 1],
    ),
    (
        "FINDINGS:\nLAD: Dense calcified plaque in the mid LAD.\nRAMUS: Small "
        "calcified plaque at the origin of the ramus.\nRCA: Mild calcified "
        "plaque in the proximal RCA.\nIMPRESSION: Calcified plaque in all 3 "
        "vessels and the ramus, without significant stenosis.",
        [1, 2, 3, 4],
    ),
    # a phrase summing up the right's and the left's, and the finding its
    # sentence names as what it is: one lesion of their own
    (
        "FINDINGS: Calcified plaque of the right iliac artery. Calcified plaque "
        "of the left iliac artery.\n\nIMPRESSION: Bilateral arterial "
        "calcification, compatible with medial calcinosis.",
        [1, 2, 3, 3],
    ),
    (
        "FINDINGS: Calcified plaque in the right femoral artery. Calcified plaque "
        "in the left femoral artery.\n\nIMPRESSION: Vascular calcification, "
        "compatible with medial arterial calcinosis.",
        [1, 2, 3, 3],
    ),
    # bilateral, after the right kidney's and the left kidney's
    (
        "FINDINGS: Right kidney: two punctate calcifications in the cortex.\n"
        "Left kidney: 11 cm. One punctate calcification in the mid pole.\n"
        "IMPRESSION: Bilateral punctate renal calcifications, nonspecific.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified granuloma in the right lung base. "
        "Calcified granuloma in the left lung base.\n"
        "IMPRESSION: Bilateral calcified granulomas.",
        [1, 2, 3],
    ),
    # a plural lesion noun after two findings lesions of its site it fits,
    # each named in the singular, sums them up
    (
        "FINDINGS: A calcified lymph node in the subcarinal region. Another "
        "calcified node in the right paratracheal station.\n"
        "IMPRESSION: Stable calcified mediastinal nodes.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Small calcified porta hepatis lymph node, 5 mm. A second "
        "calcified porta hepatis node, 3 mm.\n"
        "IMPRESSION: Calcified porta hepatis nodes, benign.",
        [1, 2, 3],
    ),
    # ... but one named by the same plural word is the one it restates
    (
        "FINDINGS: A 4 mm density in the right hemipelvis, possibly a phlebolith. "
        "Several round calcifications low in both sides of the pelvis, typical of "
        "phleboliths.\nIMPRESSION: Pelvic phleboliths.",
        [1, 2, 2, 2],
    ),
    # a count of several in the impression restates no lesion the findings
    # named in the singular ...
    (
        "FINDINGS: A 4 mm calcified nodule in the right upper lobe. Lungs "
        "otherwise clear.\nIMPRESSION: Two calcified pulmonary nodules, benign.",
        [1, 2],
    ),
    (
        "FINDINGS: A punctate calcification in the left frontal white matter. No "
        "hemorrhage.\nIMPRESSION: Two punctate cerebral calcifications, likely "
        "sequelae of prior infection.",
        [1, 2],
    ),
    (
        "FINDINGS: Small calcified mesenteric lymph node in the left lower "
        "quadrant.\nIMPRESSION: Three calcified mesenteric lymph nodes.",
        [1, 2],
    ),
    # ... but restates one named in the plural
    (
        "FINDINGS: Two calcified granulomas in the left lower lobe.\n"
        "IMPRESSION: Two left lower lobe calcified granulomas, stable.",
        [1, 1],
    ),
    # bilateral after a lesion of both sides restates it
    (
        "FINDINGS: Calcified pleural plaques on both sides. "
        "Calcified granuloma in the right upper lobe.\n"
        "IMPRESSION: Bilateral calcified pleural plaques.",
        [1, 2, 1],
    ),
    # no site, and the sentence refers to what was described
    (
        "FINDINGS: Hepatic calcification, 4 mm. Splenic calcifications. "
        "Calcification of the right adrenal.\n"
        "IMPRESSION: Benign calcifications as described above.",
        [1, 2, 3, 4],
    ),
    (
        "FINDINGS: Punctate calcification in the liver. Punctate calcification in "
        "the spleen.\nIMPRESSION: Scattered calcifications as above, no follow-up.",
        [1, 2, 3],
    ),
    # with one lesion before it, it restates that one
    (
        "FINDINGS: Punctate calcification in the spleen. Liver normal.\n"
        "IMPRESSION: Calcification as described, benign.",
        [1, 1],
    ),
    # with a site of its own, "as above" restates that site's lesion
    (
        "FINDINGS: Mild aortic valve calcification. Calcified granuloma in the left "
        "upper lobe.\nIMPRESSION: Aortic valve calcification as above.",
        [1, 2, 1],
    ),
    # only "vascular", after lesions at two vessel sites: a summary
    (
        "FINDINGS: Dense calcification of the left renal artery. Extensive "
        "calcification of the aorta and iliac arteries.\n"
        "IMPRESSION: Severe vascular calcification.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Breast arterial calcifications. Calcification of the thoracic "
        "aorta.\nIMPRESSION: Widespread vascular calcification.",
        [1, 2, 3],
    ),
    # ... though its site words were taken from the finding it echoes ("Severe
    # vascular calcification." given the splenic artery): its words name vessels
    (
        "FINDINGS: Vascular calcification of the splenic artery. The iliac "
        "arteries are calcified bilaterally.\nIMPRESSION: Severe vascular "
        "calcification.",
        [1, 2, 3],
    ),
    # ... after one such lesion named by the same words, it restates that one
    (
        "FINDINGS: Dense vascular calcification of the aortic arch and both "
        "subclavian arteries. Mild cardiomegaly.\nIMPRESSION: Extensive vascular "
        "calcifications.",
        [1, 1],
    ),
    # ... and a phlebolith, a vein's calcification named by its own word, is
    # not among the lesions it may sum up
    (
        "FINDINGS: Pelvic phleboliths. Linear calcification of both femoral "
        "arteries.\nIMPRESSION: Vascular calcification.",
        [1, 2, 2],
    ),
    # ... unless its own words name the place of one of them: that one
    # (the lesion's own words naming only vessels, its place after them)
    (
        "FINDINGS: Extensive vascular calcification in the soft tissues of the "
        "chest wall and both breasts. Calcified right subclavian artery.\n"
        "IMPRESSION: Extensive soft tissue vascular calcification in this "
        "dialysis patient.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Fine vascular calcification in the subcutaneous fat of both "
        "thighs. Calcification of both femoral arteries.\nIMPRESSION: "
        "Subcutaneous vascular calcification, as can be seen with calciphylaxis.",
        [1, 2, 1, 3],
    ),
    (
        "FINDINGS: Lungs are clear. Coronary artery calcification is present. "
        "Vascular calcifications project over both axillae.\nIMPRESSION: "
        "Axillary vascular calcification, likely related to renal osteodystrophy.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: Lacelike calcification of small vessels in the subcutaneous fat "
        "of the abdominal wall. Dense calcification of the aorta and iliac "
        "arteries.\nIMPRESSION: Subcutaneous vascular calcification in the "
        "abdominal wall.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Lungs are clear. Coronary artery calcification is present. "
        "Calcification of the aortic arch.\n"
        "IMPRESSION: Extensive vascular calcification for age.",
        [1, 2, 3],
    ),
    # ... after one vessel lesion, it restates that one
    (
        "FINDINGS: Vascular calcifications in the pelvis. Liver normal.\n"
        "IMPRESSION: Vascular calcifications.",
        [1, 1],
    ),
    # ... but a vessel's own part named ("wall") restates that vessel's lesion
    (
        "FINDINGS: Fusiform infrarenal aortic aneurysm of 5.1 cm with thrombus "
        "lining and wall calcification. Scattered calcified plaque in the left "
        "common iliac artery.\nIMPRESSION: 5.1 cm infrarenal aortic aneurysm with "
        "thrombus and wall calcification.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: The abdominal aorta is aneurysmal to 4 cm with calcification of "
        "its wall. Mild calcified plaque of the right external iliac artery.\n"
        "IMPRESSION: Abdominal aortic aneurysm, 4 cm, with a calcified wall.",
        [1, 2, 1],
    ),
    # a right and a left lesion at another sub-site sum up nothing the
    # impression's sub-site names
    (
        "FINDINGS: Calcified plaque at the origin of the superior mesenteric "
        "artery. Calcified plaque in the right common iliac artery. Calcified "
        "plaque in the left common iliac artery.\n"
        "IMPRESSION: Calcified plaque of the SMA origin, no stenosis.",
        [1, 2, 3, 1],
    ),
    # ... and a named vessel restates its own lesion, no other vessel's
    (
        "FINDINGS: Mild mitral annular calcification. Breast arterial "
        "calcifications on both sides. Calcified costal cartilages.\n"
        "IMPRESSION: Coronary artery calcification, mild.",
        [1, 2, 3, 4],
    ),
    (
        "FINDINGS: Dense calcification of the left renal artery. Extensive "
        "calcification of the aorta.\nIMPRESSION: Aortic calcification.",
        [1, 2, 2],
    ),
    # one phrase joining the places of two lesions of the findings sums them
    # up: a lesion of its own
    (
        "FINDINGS: Calcified granulomas in the spleen. Calcified granuloma in the "
        "liver.\nIMPRESSION: Calcified granulomas in the spleen and liver.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Small calcification in the left thyroid lobe. Punctate "
        "calcification in the right adrenal gland.\n"
        "IMPRESSION: Benign-appearing thyroid and adrenal calcifications.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: LAD: dense calcified plaque in the proximal segment. RCA: "
        "calcified plaque in the mid vessel.\n"
        "IMPRESSION: Two-vessel disease with heavily calcified plaque of the LAD and RCA.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Scattered calcification of the abdominal aorta. Calcified plaque "
        "at the origin of the left renal artery.\n"
        "IMPRESSION: Incidental aortic and renal arterial calcification.",
        [1, 2, 3],
    ),
    # ... joined by "as well as" as by "and"
    (
        "FINDINGS: LAD: calcified plaque in the mid segment. Circumflex: calcified "
        "plaque in the proximal segment.\nIMPRESSION: Moderate calcified plaque in "
        "the LAD as well as in the circumflex.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Coarse calcification in the pancreatic head. Punctate "
        "calcification in the right adrenal gland.\nIMPRESSION: Benign "
        "calcification of the pancreas as well as the right adrenal gland.",
        [1, 2, 3],
    ),
    # a phrase referring to what was described, after two lesions at its
    # site, sums them up, whatever side a clause after it lends it
    (
        "FINDINGS: Right: calcified plaque in the external iliac artery. Left: "
        "dense calcification of the popliteal artery with a short occlusion.\n"
        "IMPRESSION: Extensive atherosclerotic calcification as described above, "
        "with left popliteal occlusion.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Right leg: calcified plaque of the common femoral artery. Left "
        "leg: heavy calcification of the superficial femoral artery, occluded for "
        "5 cm.\nIMPRESSION: Widespread arterial calcification as noted above, with "
        "left superficial femoral artery occlusion.",
        [1, 2, 3],
    ),
    # ... after one lesion it restates that one
    (
        "FINDINGS: Calcified granuloma in the right upper lobe.\nIMPRESSION: "
        "Calcified granuloma as described above, right upper lobe.",
        [1, 1],
    ),
    # an impression phrase naming no vessel of the artery site after lesions
    # of two vessels or more sums them up; after one it restates it
    (
        "CTA RUNOFF\nFINDINGS: Heavily calcified femoral arteries bilaterally. "
        "Dense calcification of the right anterior tibial artery.\nIMPRESSION: "
        "Diffuse lower extremity arterial calcification.",
        [1, 2, 3],
    ),
    (
        "ARTERIAL DUPLEX\nFINDINGS: Left common femoral artery: calcified plaque. "
        "Left posterior tibial artery: heavy calcification.\nIMPRESSION: Arterial "
        "calcification of the left leg, consistent with medial calcinosis.",
        [1, 2, 3, 3],
    ),
    (
        "CTA RUNOFF\nFINDINGS: Calcified plaque of the right common iliac artery. "
        "Heavy calcification of the right peroneal artery.\nIMPRESSION: Extensive "
        "arterial calcification, right lower extremity.",
        [1, 2, 3],
    ),
    (
        "CTA RUNOFF\nFINDINGS: Calcified plaque of the right common iliac artery.\n"
        "IMPRESSION: Arterial calcification, right lower extremity.",
        [1, 1],
    ),
    # ... and so do the places joined right before a mention that names none
    # of them ("neck and tail calcifications")
    (
        "FINDINGS: Pancreas: two small calcifications in the neck. Another "
        "calcification in the tail, 2 mm.\nIMPRESSION: Incidental pancreatic neck "
        "and tail calcifications, without ductal dilatation.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Pancreas: a 4 mm coarse calcification in the uncinate process. "
        "A second punctate calcification in the body.\nIMPRESSION: Small uncinate "
        "and body pancreatic calcifications, of no clear significance.",
        [1, 2, 3],
    ),
    # ... not the places of the finding before it in its sentence, nor a
    # comma that only opens the line
    (
        "FINDINGS: Calcified node in the right hilum. Calcified granuloma in the "
        "left upper lobe.\nIMPRESSION: Old granulomatous disease: calcified "
        "granuloma in the left upper lobe and a calcified right hilar node.",
        [1, 2, 2, 1],
    ),
    (
        "FINDINGS: Moderate calcification of the aortic valve leaflets.\n"
        "IMPRESSION: ,Moderate aortic leaflet calcification without stenosis.",
        [1, 1],
    ),
    # ... not when what "as well as" adds is no other lesion's place, or is
    # a mention of its own (each restates its own lesion)
    (
        "FINDINGS: Dense calcified plaque in the proximal LAD. Mitral annular "
        "calcification.\nIMPRESSION: Calcified plaque of the proximal LAD as well "
        "as a small pericardial effusion.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: Calcified granuloma in the left lower lobe. Calcified left hilar "
        "lymph node.\nIMPRESSION: Calcified granuloma in the left lower lobe as "
        "well as a calcified left hilar node, old granulomatous disease.",
        [1, 2, 1, 2],
    ),
    # ... a lesion's place may be its label's ("Tibial arteries: ...")
    (
        "FINDINGS: ,Common femoral artery: , Biphasic flow.  Circumferential mural "
        "calcification.,Tibial arteries: , The peroneal and posterior tibial "
        "arteries are heavily calcified and incompressible.,IMPRESSION: ,Extensive "
        "calcification of the femoral and tibial arteries in this dialysis patient.",
        [1, 2, 3],
    ),
    # ... or a node station its first mention names ("subcarinal", a
    # station of the mediastinum), the place words joined in the mention
    (
        "FINDINGS: Calcified subcarinal and left paratracheal lymph nodes. "
        "Eggshell calcification of the bilateral hilar nodes.\nIMPRESSION: "
        "Calcified mediastinal and bilateral hilar lymphadenopathy from prior "
        "sarcoidosis.",
        [1, 2, 3],
    ),
    # ... (the hilar nodes alone restated)
    (
        "FINDINGS: Calcified subcarinal and left paratracheal lymph nodes. "
        "Eggshell calcification of the bilateral hilar nodes.\nIMPRESSION: "
        "Bilateral hilar calcified lymph nodes.",
        [1, 2, 2],
    ),
    # ... or, at a joint's tissues, the joint its label names ("LEFT KNEE:")
    (
        "FINDINGS: LEFT ELBOW: A lobulated periarticular calcification medial to "
        "the joint, 3 cm. LEFT KNEE: Periarticular calcification about the "
        "fibular head, 2 cm.\nIMPRESSION: Tumoral calcinosis of the left elbow "
        "and left knee.",
        [1, 2, 3],
    ),
    # ... or the place a link word leads to after its first mention
    # ("vascular calcifications in the right axilla")
    (
        "FINDINGS: Dense calcification of the aortic arch. Vascular calcifications "
        "in the right axilla.\nIMPRESSION: Aortic and axillary vascular calcification.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcified plaque along the abdominal aorta. Vascular "
        "calcifications in the left groin.\nIMPRESSION: Aortic and groin vascular "
        "calcifications.",
        [1, 2, 3],
    ),
    (
        "FINDINGS: Calcifications in the basal ganglia. A few calcifications in the "
        "subcortical white matter of the right frontal lobe.\n"
        "IMPRESSION: Basal ganglia and white matter calcifications.",
        [1, 2, 3],
    ),
    # ... not the place the impression's own link word leads to first, before
    # a comma that adds no place
    (
        "FINDINGS: An amorphous 3 cm calcification in the soft tissues lateral to "
        "the femur. Scattered small calcifications within the subcutaneous fat of "
        "the medial thigh.\nIMPRESSION: Calcification in the lateral thigh soft "
        "tissues, not arising from bone. Incidental subcutaneous calcifications.",
        [1, 2, 1, 2],
    ),
    # ... but places named as one process restate the first place's lesion
    (
        "FINDINGS: Fluffy calcification in both upper lobes. Calcification of the "
        "gastric wall.\nIMPRESSION: Metastatic calcification of the lungs and "
        "stomach from hypercalcemia.",
        [1, 2, 1],
    ),
    # ... and a place with a mention of its own is that mention's
    (
        "FINDINGS: Calcified granuloma in the right upper lobe. Calcified right "
        "hilar lymph node.\nIMPRESSION: Calcified granuloma in the right upper lobe "
        "and a calcified right hilar lymph node.",
        [1, 2, 1, 2],
    ),
    (
        "FINDINGS: Calcified mediastinal lymph nodes. Calcification of the aortic "
        "knob.\nIMPRESSION: Calcified mediastinal lymph nodes and aortic "
        "calcification, chronic.",
        [1, 2, 1, 2],
    ),
    # site words that join two places sum up the lesions of both, though a
    # noun stands between the mention and them ...
    (
        "FINDINGS: Thin calcification of the aortic valve leaflets. Moderate "
        "mitral annular calcification.\nIMPRESSION: Degenerative calcific "
        "changes of the aortic and mitral valves.",
        [1, 2, 3],
    ),
    # ... and those naming one place restate its lesion
    (
        "FINDINGS: Thin calcification of the aortic valve leaflets.\n"
        "IMPRESSION: Degenerative calcific changes of the aortic valve.",
        [1, 1],
    ),
    # the plural of the lesion noun one finding was named by names several:
    # no restatement of that one ...
    (
        "FINDINGS: A calcified granuloma lies in the left upper lobe, unchanged.\n"
        "IMPRESSION: Stable calcified granulomas.",
        [1, 2],
    ),
    (
        "FINDINGS: There is a small calcified nodule at the right lung base.\n"
        "IMPRESSION: Calcified nodules from old granulomatous disease.",
        [1, 2],
    ),
    # ... a plural lesion noun after a lesion named in the plural and one in
    # the singular restates the plural one; after two singulars it sums up
    (
        "FINDINGS: Multiple calcified granulomas are scattered through both "
        "lungs. A calcified nodule in the left lower lobe measures 6 mm.\n"
        "IMPRESSION: Numerous calcified pulmonary lesions, sequela of prior "
        "granulomatous infection.",
        [1, 2, 1],
    ),
    (
        "FINDINGS: A calcified granuloma in the right lower lobe. A calcified "
        "nodule in the left lower lobe measures 6 mm.\nIMPRESSION: Calcified "
        "pulmonary lesions.",
        [1, 2, 3],
    ),
    # ... but calcium named in bulk, or the plural named before, is restated
    (
        "FINDINGS: A coarse calcification in the pancreatic head.\n"
        "IMPRESSION: Pancreatic calcifications.",
        [1, 1],
    ),
    (
        "FINDINGS: Calcified granulomas in the right lung.\n"
        "IMPRESSION: Right lung calcified granulomas.",
        [1, 1],
    ),
]


CASES = [
    *[pytest.param(t, n, id=f"restated-{i}") for i, (t, n) in enumerate(RESTATED)],
    *[
        pytest.param(t, n, id=f"other_words-{i}")
        for i, (t, n) in enumerate(OTHER_WORDS)
    ],
    *[pytest.param(t, n, id=f"anaphors-{i}") for i, (t, n) in enumerate(ANAPHORS)],
    *[pytest.param(t, n, id=f"apart-{i}") for i, (t, n) in enumerate(APART)],
    *[pytest.param(t, n, id=f"summed-{i}") for i, (t, n) in enumerate(SUMMED)],
    *[pytest.param(t, n, id=f"offered-{i}") for i, (t, n) in enumerate(OFFERED)],
]


@pytest.mark.parametrize("text, lesions", CASES)
def test_lesion_numbers(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("right lung base", "right basilar", True),
        ("left midlung", "left mid lung zone", True),
        ("left lower lobe", "left base", True),
        ("right hilum", "right hilar region", True),
        ("right upper lobe", "right lower lobe", False),
        ("left base", "left apex", False),
        # the apex is the upper lobe's, as the base is the lower lobe's
        ("left upper lobe", "left apical", True),
        ("right apex", "right upper lobe", True),
        ("right apex", "right lower lobe", False),
        # the lingula is a part of the left upper lobe, and the lung behind
        # the heart of the left lower lobe
        ("lingula", "left upper lobe", True),
        ("lingula", "left lower lobe", False),
        # and it lies in the left mid zone of a frontal film
        ("left midlung", "lingula", True),
        ("left mid lung zone", "lingular", True),
        ("left midlung", "left upper lobe", False),
        ("right midlung", "lingula", False),
        ("retrocardiac left lung", "left lower lobe", True),
        ("retrocardiac left lung", "left upper lobe", False),
    ],
)
def test_chest_sub_sites_named_two_ways(lesion_numbers, first, second, same):
    text = (
        "EXAMINATION: Chest, two views.\n"
        f"FINDINGS: Calcified granuloma at the {first}.\n"
        f"IMPRESSION: Stable calcified granuloma, {second}."
    )
    assert (lesion_numbers(text) == [1, 1]) is same


# The impression naming a vessel under whose header the findings named
# several plaques (its segment, a branch) restates the one graded by the same
# severity word; a clause "although" opens names no place of the finding's.
_CIRCUMFLEX = (
    "FINDINGS:\nCIRCUMFLEX: Mild calcified plaque in the proximal segment. Dense "
    "calcified plaque where the first obtuse marginal branch arises.\nIMPRESSION:\n"
)


@pytest.mark.parametrize(
    "impression",
    [
        "Dense calcified plaque of the circumflex artery.",
        "Dense calcified plaque of the circumflex artery, although without a "
        "significant narrowing.",
    ],
)
def test_impression_restates_the_plaque_graded_alike(lesion_numbers, impression):
    assert lesion_numbers(_CIRCUMFLEX + impression) == [1, 2, 2]


def test_a_clause_although_opens_joins_no_place(lesion_numbers):
    text = _CIRCUMFLEX.replace(
        "\nIMPRESSION:",
        "\nRCA: Mild calcified plaque in the mid segment.\nIMPRESSION:",
    )
    impression = (
        "Dense calcified plaque of the circumflex artery, although the right "
        "coronary artery has no narrowing."
    )
    assert lesion_numbers(text + impression) == [1, 2, 3, 2]


def test_impression_grading_in_other_words_is_not_the_graded_plaque(lesion_numbers):
    numbers = lesion_numbers(
        _CIRCUMFLEX + "Extensive calcified plaque of the circumflex artery."
    )
    assert numbers[:2] == [1, 2] and numbers[2] != 2


# A hedged reading offered for the finding ("raising the question of",
# "raising the possibility of", "raising concern for", "question of") names what the
# finding may be: the same lesion, on the finding's side (corpora/GUIDE.md
# lesion: a finding its sentence names as what the one before it is).
HEDGED_READINGS = [
    "IMPRESSION: Enlarging left shoulder soft tissue calcification, raising the question of tumoral calcinosis.",
    "IMPRESSION: Coarse calcification in the right breast, raising the possibility of a calcified fibroadenoma.",
    "IMPRESSION: New right elbow periarticular calcification, raising concern for tumoral calcinosis.",
    "FINDINGS: Amorphous calcification beside the left hip, which raises the question of tumoral calcinosis.",
    "IMPRESSION: New right hip soft tissue calcification, question of tumoral calcinosis.",
    "IMPRESSION: Coarse calcification in the left breast, possibility of a calcified fibroadenoma.",
]


@pytest.mark.parametrize("text", HEDGED_READINGS)
def test_a_hedged_reading_is_the_findings_lesion(findings_of, text):
    first, reading = findings_of(text)
    assert reading.uncertain
    assert reading.lesion_id == first.lesion_id
    assert reading.laterality == first.laterality != ""


# The impression naming a lesion's sub-site by its adjective ("fundal" for
# "in the fundus") restates the findings' lesion there; an ordinal after an
# indefinite article ("a second fibroid") counts the lesion, it names no
# place (corpora/GUIDE.md lesion: same site, side and sub-site; the place
# named in other words).
SUB_SITE_ADJECTIVES = [
    (
        "FINDINGS: Uterus: A 3 cm fibroid in the anterior wall with rim calcification. "
        "A second fibroid in the fundus has developed dense calcification.\n"
        "IMPRESSION: The fundal fibroid is newly calcified.",
        [1, 2, 2],
    ),
    (
        "FINDINGS: A third fibroid in the left fundus shows coarse calcification.\n"
        "IMPRESSION: Calcified left fundal fibroid.",
        [1, 1],
    ),
    # the other fibroid's place still parts them
    (
        "FINDINGS: A second fibroid in the fundus has developed dense calcification.\n"
        "IMPRESSION: The anterior wall fibroid is newly calcified.",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), SUB_SITE_ADJECTIVES)
def test_a_sub_site_named_by_its_adjective(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# An organ's disease that sums up two lesions of the findings is a lesion of
# its own; the calcifications its sentence adds to it by "with" are not the
# disease's, they restate the findings lesion their words fit (corpora/GUIDE.md
# lesion: an impression phrase that sums up several lesions is a lesion of its
# own; the impression restating a finding shares its number).
DISEASE_WITH_ITS_CALCIFICATIONS = [
    (
        "CT ABDOMEN\nFINDINGS: Pancreas: scattered coarse calcifications in the head "
        "and neck, more numerous than before. A 6 mm calcification in the tail, "
        "unchanged.\nIMPRESSION: Chronic calcific pancreatitis with increasing "
        "parenchymal calcifications.",
        [1, 2, 3, 1],
    ),
    (
        "CT ABDOMEN\nFINDINGS: Pancreas: scattered coarse calcifications in the head "
        "and neck, more numerous than before.\nIMPRESSION: Chronic calcific "
        "pancreatitis with increasing parenchymal calcifications.",
        [1, 1, 1],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), DISEASE_WITH_ITS_CALCIFICATIONS)
def test_calcifications_with_a_summing_disease(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A rim calcification of a cyst is its wall's, as a calcified or mural wall
# is: the impression naming the cyst's rim calcification restates the wall's
# lesion, not the organ's own calcification (corpora/GUIDE.md lesion: a cyst
# wall is a part of its own; the impression restating a finding in other
# words shares its number).
RIM_OF_A_CYST = [
    (
        "RENAL US\nFINDINGS: LEFT KIDNEY: Mild medullary nephrocalcinosis. A simple "
        "cyst in the upper pole with a thin rim of calcification along its wall.\n"
        "IMPRESSION: Left upper pole cyst with rim calcification.",
        [1, 2, 2],
    ),
    (
        "CT ABDOMEN\nFINDINGS: Liver: scattered punctate calcifications. A 3 cm cyst "
        "in segment 6 has a calcified wall.\nIMPRESSION: Hepatic cyst with eggshell "
        "calcification.",
        [1, 2, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), RIM_OF_A_CYST)
def test_a_cysts_rim_calcification_is_its_walls(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A finding naming no site, under another line label of the same section
# than an earlier lesion named by the same word, is another structure's
# (GUIDE: lesion; the labels of a section go through different structures).
LABELLED_APART = [
    (
        "CT NECK\nFINDINGS:\nVessels: Heavy calcification of both carotid bulbs.\n"
        "Oral cavity: Small calcifications in both palatine tonsils.\n"
        "IMPRESSION: Carotid calcification.",
        [1, 2, 1],
    ),
    (
        "CT NECK\nFINDINGS:\nVessels: Dense calcification of the vertebral arteries.\n"
        "Pharynx: Calcifications in both tonsils.\n",
        [1, 2],
    ),
]


@pytest.mark.parametrize(("text", "lesions"), LABELLED_APART)
def test_unsited_finding_under_another_label_is_apart(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# The impression naming in other words the sub-site of a findings lesion's
# sentence restates the lesion on its own side, not one of no side at that
# site (GUIDE: lesion, the impression restating a finding in other words).
def test_impression_restates_the_lesion_on_its_side(lesion_numbers):
    text = (
        "CT HEAD\nFINDINGS: Along the left parietal convexity there is a thin calcified "
        "rind, compatible with a chronic calcified subdural hematoma. Thin linear "
        "calcification of the tentorium. Dense calcification of the right anterior falx.\n"
        "IMPRESSION: Chronic calcified left subdural hematoma."
    )
    assert lesion_numbers(text) == [1, 1, 2, 3, 1]


# A place word two synonyms give ('medullary pyramids': the medulla) is one
# sub-site, the same as one of them alone gives ('medullary
# nephrocalcinosis'): a finding of the sentence naming it so is the same
# lesion (GUIDE: lesion, same site, side and sub-site).
def test_place_word_given_twice_is_one_sub_site(lesion_numbers):
    text = (
        "RENAL ULTRASOUND\nFINDINGS: Faint calcifications throughout the medullary "
        "pyramids of each kidney, in a pattern of medullary nephrocalcinosis. A 4 mm "
        "calcification in the left upper pole.\nIMPRESSION: Medullary nephrocalcinosis."
    )
    assert lesion_numbers(text) == [1, 1, 2, 1]


# The impression whose sentence names the one findings lesion's sub-site,
# its own site words naming a wider place, restates that lesion (GUIDE:
# lesion, the impression restating a finding in other words).
def test_impression_naming_the_lesions_sub_site_restates_it(lesion_numbers):
    text = (
        "CT ABDOMEN\nFINDINGS: The suprarenal aorta is normal in caliber. The infrarenal "
        "aorta measures 3.8 cm, with laminar thrombus and calcification of its wall. "
        "Calcified plaque of the right common iliac artery.\nIMPRESSION: Infrarenal "
        "abdominal aortic aneurysm, 3.8 cm, with thrombus and mural calcification."
    )
    assert lesion_numbers(text) == [1, 2, 1]


# The subject of 'the X has grown and is calcified' ends at its own verb:
# its place is the anterior fibroid's, which the impression restates (GUIDE:
# lesion, the impression restating a finding in other words).
def test_subject_ends_at_its_own_verb(lesion_numbers):
    text = (
        "PELVIC ULTRASOUND\nFINDINGS: A 3 cm anterior fibroid with a new thin rim of "
        "calcification. A 2 cm posterior fibroid with dense coarse calcification, "
        "unchanged.\nIMPRESSION: Both the anterior and the posterior fibroids are "
        "calcified; the anterior fibroid has grown and is newly calcified."
    )
    assert lesion_numbers(text) == [1, 2, 3, 1]


# A comma before a change term ends the impression phrase's places: ', increased'
# joins no other place to it, so the phrase sums up no other lesion (GUIDE:
# lesion, an impression phrase that sums up several lesions is one of its own
# only when it names their places).
def test_change_after_a_comma_joins_no_place(lesion_numbers):
    text = (
        "RIGHT ELBOW RADIOGRAPHS\nFINDINGS: Within the brachialis muscle there is a 2 cm "
        "mass with peripheral ossification, consistent with myositis ossificans, larger "
        "than before. Calcification of the brachial artery.\nIMPRESSION: Myositis "
        "ossificans of the brachialis after the fall, increased."
    )
    assert lesion_numbers(text) == [1, 2, 1]


# An impression naming one of two lesions of an organ by the noun of the
# thing it lies in (a cyst, a granuloma) restates the lesion whose sentence
# names that thing, not the last one of the organ (GUIDE: lesion, the
# impression restating a finding in other words).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "RENAL ULTRASOUND\nLEFT KIDNEY: An interpolar cyst with a thin peripheral "
            "calcification. A separate punctate calcification in the upper pole.\n"
            "IMPRESSION: 1. Calcified left renal cyst. 2. Punctate left renal calcification.",
            [1, 2, 1, 2],
        ),
        (
            "CT ABDOMEN\nLIVER: A 5 mm calcified granuloma in segment 2. A separate coarse "
            "calcification in hepatic segment 5, new.\nIMPRESSION: 1. Calcified hepatic "
            "granuloma. 2. New hepatic calcification in segment 5.",
            [1, 2, 1, 2],
        ),
    ],
)
def test_impression_noun_picks_its_lesion(lesion_numbers, text, expected):
    assert lesion_numbers(text) == expected


# A conclusion naming one valve's disease in its own words restates no
# lesion of another valve, though both sentences say 'valve' and a grade
# (GUIDE: lesion, a finding at another site is another lesion).
def test_one_valves_disease_restates_no_other_valves_lesion(lesion_numbers):
    text = (
        "ECHOCARDIOGRAM\nINDICATION: Murmur.\nAORTIC VALVE: Trileaflet. The left coronary "
        "cusp is densely calcified with reduced motion; the noncoronary cusp has mild "
        "calcification. Mean gradient 20 mmHg, in keeping with mild aortic stenosis.\n"
        "MITRAL VALVE: Mild mitral annular calcification along the posterior annulus. "
        "The posterior leaflet is thin, without calcification.\nCONCLUSION:\n"
        "1. Calcific aortic valve disease with mild aortic stenosis.\n2. MAC, mild."
    )
    assert lesion_numbers(text) == [1, 2, 3, 4, 5, 3]


# An impression calling the calcification by its class ('metastatic')
# restates the one lesion of the organ classed so, not the granuloma's
# (dystrophic) beside it (GUIDE: lesion, the impression restating a finding
# in other words).
def test_impression_named_by_its_class_restates_that_lesion(lesion_numbers):
    text = (
        "CT CHEST\nHISTORY: Dialysis-dependent renal failure.\nLUNGS: Faint calcified "
        "nodules scattered through both upper lobes, unchanged. A 5 mm calcified nodule "
        "in the left lower lobe, consistent with a granuloma.\nIMPRESSION: 1. Metastatic "
        "pulmonary calcification, unchanged."
    )
    assert lesion_numbers(text) == [1, 2, 1]


# GUIDE: lesion, the impression restating a finding shares its number even
# when the two name the place in other words or one leaves it unsaid: a
# finding without a site first named under a line label ('LA:') is the one
# the impression names with that label's word in its phrase.
def test_impression_naming_the_label_word_restates_the_unsited_lesion(lesion_numbers):
    text = (
        "ECHO\nFINDINGS:\nLA: Calcified mass on the septum, 1 cm.\n"
        "Aortic root calcification.\n"
        "IMPRESSION: Calcified LA mass."
    )
    assert lesion_numbers(text) == [1, 2, 1]


# GUIDE: lesion, the impression restating a finding in other words: the
# adjective of a structure names that structure ('tunical' for the tunica
# albuginea), so the two findings name one sub-site
def test_impression_adjective_of_the_structure_restates_it(lesion_numbers):
    text = (
        "SCROTAL ULTRASOUND\nFINDINGS:\nLeft testis: a 2 mm calcification along "
        "the tunica albuginea. A 3 mm calcification in the left epididymal head.\n"
        "IMPRESSION: Small tunical calcification on the left."
    )
    assert lesion_numbers(text) == [1, 2, 1]


# A word naming which part of the vessel ('common', 'internal') before the
# place words of a mention is one of its words (guide §1), so a plan line
# naming the vessel by its adjective restates that vessel's calcification,
# not the one of the next vessel down the limb.
def test_part_word_before_an_adjective_vessel_restates_it(lesion_numbers):
    text = (
        "IMAGING:, Pelvis: Heavy calcification of the left common femoral artery. A fainter "
        "calcification of the left superficial femoral artery in the thigh., ASSESSMENT AND "
        "PLAN:, 1. Common femoral arterial calcification on the left; vascular referral., "
        "2. Left SFA calcification; no action."
    )
    assert lesion_numbers(text) == [1, 2, 1, 2]


# An impression phrase giving one calcification, by "with", to two things
# it joins ("Residual right hilar node and anterior mediastinal mass with
# calcification") sums up the two lesions of the findings, though a
# restating link after it names what the things are (GUIDE: an impression
# phrase that sums up several lesions of the findings is a lesion of its
# own); place words of one noun and a process still restate the first
# ("Caudate and dentate calcifications, compatible with hypoparathyroidism").
HOSTS_JOINED_WITH = [
    (
        "FINDINGS: A 2 cm residual right hilar node with coarse calcification. The "
        "anterior mediastinal mass now contains several coarse calcifications.\n"
        "IMPRESSION: Residual right hilar node and anterior mediastinal mass with "
        "calcification, consistent with treated lymphoma.",
        [1, 2, 3],
    ),
]


@pytest.mark.parametrize("text, lesions", HOSTS_JOINED_WITH)
def test_two_hosts_with_one_calcification_sum_up(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions


# A rim lies on the wall of the host its own noun phrase names: a cyst "and
# a" adds after a fibroid's rim calcification does not make that rim a wall,
# so the operative findings' fibroid calcified at its rim restates it
# (GUIDE: the wall of a cyst or collection is a part of its own; a nodule's
# or fibroid's rim calcification is that lesion's own; the same
# calcification named again in another section is one lesion).
RIM_OF_ITS_OWN_HOST = [
    (
        "INDICATIONS: MRI showed a 6 cm anterior fundal fibroid with a rim of "
        "peripheral calcification and a 4 cm left ovarian cyst with a focal "
        "calcification.\nFINDINGS: The anterior fundal fibroid was hard and densely "
        "calcified at its rim.",
        [1, 2, 1],
    ),
]


@pytest.mark.parametrize("text, lesions", RIM_OF_ITS_OWN_HOST)
def test_a_rim_is_its_own_hosts(lesion_numbers, text, lesions):
    assert lesion_numbers(text) == lesions
