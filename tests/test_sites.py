"""Site linking by structure and distance, laterality, physiologic sites."""

from __future__ import annotations

import pytest

LINKS = [
    # a "with" gives the calcification to the noun before it; what an "and"
    # adds after it is another thing
    (
        "Enlarged right hilar node with calcification and a left lower lobe nodule.",
        "lymph node",
        "right hilar node",
        "right",
    ),
    ("Thyroid nodule with coarse calcification and cervical lymphadenopathy.", "thyroid", "thyroid nodule", ""),
    (
        "Nodule with calcification in the left lower lobe and a right effusion.",
        "lung",
        "left lower lobe",
        "left",
    ),
    # a bone's part is no artery: 'femoral' names the femoral artery only alone
    ("Calcific density near the medial femoral condyle.", "", "", ""),
    ("Calcification of the superficial femoral artery.", "artery", "superficial femoral artery", ""),
    # an organ's adjective joined to a vessel's name shares its noun, a word
    # naming which vessel before the second included
    (
        "Dense calcification of the hepatic and superior mesenteric arteries.",
        "artery",
        "arteries",
        "",
    ),
    ("Mural calcification of the renal and internal iliac arteries.", "artery", "iliac arteries", ""),
    (
        "Calcification of the splenic and superior mesenteric artery.",
        "artery",
        "superior mesenteric artery",
        "",
    ),
    (
        "Calcified granuloma in the right upper lobe.",
        "lung",
        "right upper lobe",
        "right",
    ),
    ("Calcified hilar lymph nodes.", "lymph node", "hilar lymph nodes", ""),
    # an organ's hilum is that organ's, not a node's
    (
        "Punctate calcification at the right renal hilum.",
        "kidney",
        "right renal hilum",
        "right",
    ),
    ("Calcification at the splenic hilum.", "spleen", "splenic hilum", ""),
    ("Calcified right hilar lymph node.", "lymph node", "right hilar lymph node", "right"),
    ("Severe MAC.", "mitral annulus", "MAC", ""),
    ("Calcified granuloma in the RUL.", "lung", "RUL", "right"),
    ("Calcified granuloma, LLL.", "lung", "LLL", "left"),
    ("Dense calcification in the LAD.", "coronary artery", "LAD", ""),
    (
        "Vascular calcification of the SFA.",
        "artery",
        "SFA",
        "",
    ),  # specific beats generic
    ("Calcified plaque at the left ICA origin.", "carotid artery", "left ICA", "left"),
    # a carotid abbreviation with its side letter in front
    ("Dense calcified plaque narrows the RICA origin.", "carotid artery", "RICA", "right"),
    ("LCCA: 50% calcified stenosis.", "carotid artery", "LCCA", "left"),
    ("The aortic valve is heavily calcified.", "aortic valve", "aortic valve", ""),
    # a site word in the name of a systemic disease is no place
    ("Medial calcinosis in the setting of renal failure.", "", "", ""),
    ("Punctate calcification in this patient with known renal disease.", "", "", ""),
    ("Soft tissue calcinosis in a patient with end-stage renal disease.", "soft tissue", "Soft tissue", ""),
    # a region among a mention's words says where; a mention that implies its
    # tissue keeps that tissue
    ("Right shoulder tumoral calcinosis.", "periarticular soft tissue", "Right shoulder", "right"),
    ("Left knee chondrocalcinosis.", "cartilage", "Left knee", "left"),
    # 'wall' is the wall of the organ named nearest: a seminal vesicle; a
    # kidney's cyst wall is the kidney's by its clause
    ("Simple cyst of the left kidney with a calcified wall.", "kidney", "left kidney", "left"),
    ("Calcification along the wall of the right seminal vesicle.", "seminal vesicle", "wall of the right seminal vesicle", "right"),
    # a joint among a mention's own words gives the tissue about it; a
    # mention naming its own tissue keeps that
    ("Right shoulder calcification.", "periarticular soft tissue", "Right shoulder", "right"),
    ("Left hip heterotopic ossification.", "periarticular soft tissue", "Left hip", "left"),
    ("Left shoulder calcific tendinitis.", "tendon", "tendinitis", "left"),
    # a joint its clause leads to with 'about', 'around', 'adjacent to' is
    # the tissue about it; a tissue of the vocabulary or a lesion its
    # sentence names the finding as still wins
    ("Calcification around the right knee.", "periarticular soft tissue", "right knee", "right"),
    ("Amorphous calcific deposit about the left elbow.", "periarticular soft tissue", "left elbow", "left"),
    ("Faint calcification adjacent to the right hip joint.", "periarticular soft tissue", "right hip", "right"),
    ("Calcification around the left shoulder within the supraspinatus tendon.", "tendon", "supraspinatus tendon", "left"),
    ("Calcification near the right knee.", "", "", "right"),
    # 'AV' is the aortic valve only before a valve's own words; before
    # others it is atrioventricular or arteriovenous and names no site
    ("AV calcification with restricted leaflet opening.", "aortic valve", "AV", ""),
    ("The AV leaflets are heavily calcified.", "aortic valve", "AV leaflets", ""),
    ("Mild AV sclerosis and calcification.", "aortic valve", "AV", ""),
    ("Calcification along the left forearm AV fistula.", "", "", "left"),
    ("Faint calcification in the AV groove.", "", "", ""),
    # a bare calcification joined by 'and' to another change of a place is
    # that place's second change; a lesion noun or an article makes it a
    # thing of its own, whose place the other finding's words do not give
    ("AV fibrosis and calcification with mild stenosis.", "aortic valve", "AV", ""),
    ("Mitral valve thickening and calcification.", "mitral valve", "Mitral valve", ""),
    # the plural and a misspelling are bare calcification nouns too
    # (mentions.json bare_calcification_nouns, read through the token norms)
    ("Aortic valve thickening and calcifications.", "aortic valve", "Aortic valve", ""),
    ("Mitral valve fibrosis and calcifcation.", "mitral valve", "Mitral valve", ""),
    ("Left pleural thickening and dense calcification.", "pleura", "Left pleural", "left"),
    ("Left pleural thickening and calcified granulomas.", "", "", ""),
    ("Right basilar atelectasis and a calcification.", "", "", ""),
    # soft tissue named no more precisely gives way to the tissue about the
    # joint its clause leads to, as to a muscle named there
    ("Soft tissue calcification about the left shoulder.", "periarticular soft tissue", "left shoulder", "left"),
    ("Amorphous calcification in the soft tissues about the right shoulder.", "periarticular soft tissue", "right shoulder", "right"),
    ("Soft tissue calcification in the gluteal muscle about the right hip.", "muscle", "gluteal", "right"),
    ("Soft tissue calcification near the left knee.", "soft tissue", "Soft tissue", "left"),
    # the words leading to a joint only say which part: a tissue of the
    # vocabulary named after the joint still wins
    ("Soft tissue calcification around the shoulder in the supraspinatus tendon.", "tendon", "supraspinatus tendon", ""),
    ("Soft tissue calcification adjacent to the left knee in the quadriceps tendon.", "tendon", "quadriceps tendon", "left"),
    ("Soft tissue calcification around the right shoulder.", "periarticular soft tissue", "right shoulder", "right"),
    # the shoulder's joints named by their bones are joints as 'shoulder' is
    ("Calcification in the soft tissue adjacent to the right glenohumeral joint.", "periarticular soft tissue", "right glenohumeral", "right"),
    ("Amorphous calcification about the left acromioclavicular joint.", "periarticular soft tissue", "left acromioclavicular", "left"),
    # so are other joints named by their bones
    (
        "Lobulated calcific mass about the right sternoclavicular joint.",
        "periarticular soft tissue",
        "right sternoclavicular",
        "right",
    ),
    (
        "Calcific deposits around the left temporomandibular joint.",
        "periarticular soft tissue",
        "left temporomandibular",
        "left",
    ),
    ("Calcification in the soft tissues around the shoulder in the supraspinatus tendon.", "tendon", "supraspinatus tendon", ""),
    ("Calcification in the soft tissues about the left hip within the gluteal muscle.", "muscle", "gluteal", "left"),
    ("Calcification in the soft tissues around the right knee.", "periarticular soft tissue", "right knee", "right"),
    # a region's and a side's words between only say which part
    ("Soft tissue calcification in the left shoulder periarticular region.", "periarticular soft tissue", "periarticular", "left"),
    ("Soft tissue calcification in the left knee tendons.", "tendon", "tendons", "left"),
    ("Soft tissue calcification in the left thigh and a lipoma in the gluteal muscle.", "soft tissue", "Soft tissue", "left"),
    # the plural of a joint as the singular
    ("Dense calcification about both knees.", "periarticular soft tissue", "both knees", "bilateral"),
    ("Calcification around each of the elbows.", "periarticular soft tissue", "elbows", "bilateral"),
    ("Soft tissue calcification about each of the shoulders.", "periarticular soft tissue", "shoulders", "bilateral"),
    ("Lobulated calcified masses around the shoulders.", "periarticular soft tissue", "shoulders", "bilateral"),
    ("Bilateral elbows soft tissue calcification.", "soft tissue", "elbows soft tissue", "bilateral"),
    # a shared word ('nodule', 'lobe') means the site its own sentence names
    # before the nearest one of another sentence
    ("EXAM: US\nFINDINGS: A 3 cm left lower pole thyroid nodule, and a subcentimeter right lobe nodule without calcification.\nRenal ultrasound: the right kidney is normal.", "thyroid", "nodule", "right"),
    # vocabulary: the hemiscrotum, the deep femoral artery; the tonsils are a
    # region (no site of the sentence before)
    ("Calcification of the left hemiscrotum.", "scrotum", "left hemiscrotum", "left"),
    ("Calcified plaque in the profunda femoris.", "artery", "profunda femoris", ""),
    ("Thyroid is normal. Bilateral tonsillar calcifications.", "", "", "bilateral"),
    # the popliteal fossa is a region behind the knee, not its artery
    ("A 12 mm calcification in the popliteal fossa soft tissues.", "soft tissue", "soft tissues", ""),
    ("Indeterminate popliteal fossa calcification.", "", "", ""),
    # the cartilage of the airway is the trachea's, not joint cartilage
    ("Tracheobronchial cartilage calcification.", "trachea", "Tracheobronchial cartilage", ""),
    # the conjunctiva is the eye's, not the cornea's
    ("Conjunctival calcium deposits in the left eye.", "eye", "Conjunctival", "left"),
    ("Corneal calcification of the left eye.", "cornea", "Corneal", "left"),
    # 'is tricuspid' counts a valve's cusps; it names no tricuspid valve
    ("The aortic valve is tricuspid and mildly calcified.", "aortic valve", "aortic valve", ""),
    ("The aortic valve was tricuspid with calcified, immobile leaflets.", "aortic valve", "aortic valve", ""),
    ("Mild calcification of the tricuspid leaflets.", "heart valve", "tricuspid", ""),
    (
        "Scattered punctate calcifications in the left breast, likely benign.",
        "breast",
        "left breast",
        "left",
    ),
    ("Pineal gland calcification.", "pineal gland", "Pineal gland", ""),
    # the heart's conduction nodes lie in its walls: no lymph node
    ("Dense calcification in the region of the AV node.", "myocardium", "AV node", ""),
    ("There is calcification near the atrioventricular node.", "myocardium", "atrioventricular node", ""),
    ("Calcification of the sinoatrial node region is noted.", "myocardium", "sinoatrial node", ""),
    # guard: a lymph node named so
    ("Calcified lymph node in the aortopulmonary window.", "lymph node", "lymph node", ""),
    ("Pelvic phleboliths.", "vein", "Pelvic", ""),
    ("Calcifications in both kidneys.", "kidney", "both kidneys", "bilateral"),
    ("Medullary nephrocalcinosis bilaterally.", "kidney", "Medullary", "bilateral"),
    ("Calcification of the abdominal aorta.", "aorta", "abdominal aorta", ""),
    (
        "Calcific tendinitis of the supraspinatus tendon.",
        "tendon",
        "supraspinatus tendon",
        "",
    ),
    ("Falcine calcification.", "dura", "Falcine", ""),
    ("Calcified mitral annulus.", "mitral annulus", "mitral annulus", ""),
    ("Severe calcific aortic stenosis.", "aortic valve", "aortic stenosis", ""),
    # the external carotid is named whole, as the internal is
    ("Small calcified plaque at the origin of the external carotid artery.", "carotid artery", "external carotid artery", ""),
    # 'bifurcation' before a plaque: the bifurcation of the vessel the note names
    (
        "ENDARTERECTOMY: The carotid arteries were exposed.\nFINDINGS: Dense calcified bifurcation plaque.",
        "carotid artery",
        "bifurcation",
        "",
    ),
    ("FINDINGS: Dense calcified bifurcation plaque.", "", "", ""),
]


@pytest.mark.parametrize(("text", "site", "site_text", "laterality"), LINKS)
def test_site_link(only, text, site, site_text, laterality):
    f = only(text)
    assert (f.site, f.site_text.lower(), f.laterality) == (
        site,
        site_text.lower(),
        laterality,
    )


def test_each_finding_gets_its_own_site(findings_of):
    text = "Calcified granuloma in the right upper lobe and coronary artery calcifications."
    found = findings_of(text)
    assert [(f.mention, f.site) for f in found] == [
        ("Calcified granuloma", "lung"),
        ("coronary artery calcifications", "coronary artery"),
    ]


def test_site_is_not_first_site_in_report(findings_of):
    text = "Kidneys are normal. The liver is normal.\nSplenic calcification."
    (f,) = findings_of(text)
    assert f.site == "spleen"


def test_label_line_names_the_site(findings_of):
    text = "LEFT BREAST:\nScattered benign-appearing calcifications."
    (f,) = findings_of(text)
    assert (f.site, f.laterality) == ("breast", "left")


SIDE_LABELS = [
    # a side label opening the line gives the side of its later sentences
    (
        "MAMMOGRAM BILATERAL\nFINDINGS:\nLeft: Scarring at 12 o'clock. "
        "Dystrophic calcifications at the lumpectomy site.\n"
        "Right: Fat. No suspicious calcifications.",
        ["left", "right"],
    ),
    # an export that joins lines with commas keeps a label with its line
    (
        "MAMMOGRAM,FINDINGS:,LEFT BREAST: , Fat. No new calcifications.,"
        "RIGHT BREAST: , Benign calcifications.",
        ["left", "right"],
    ),
    # a label whose own words hold the side ('Left lobe' of the thyroid)
    (
        "US THYROID\nFindings:\nLeft lobe: 4.5 cm. 9 mm solid nodule with a coarse calcification.",
        ["left"],
    ),
    # ... also where a hard wrap broke the line between the colon and its comma
    (
        "MAMMOGRAM,FINDINGS:,RIGHT BREAST:\n, Scattered density.  Benign vascular\n"
        "calcifications.,LEFT BREAST: , Fat.",
        ["right"],
    ),
    # a side label alone on the line above
    ("MAMMOGRAM BILATERAL\nRIGHT:\nScattered benign calcifications.", ["right"]),
    # a dictated dash for the label's colon does the same
    (
        "MAMMOGRAM BILATERAL\nL breast -- no suspicious calcs. Benign vascular "
        "calcifications, lateral.\nR breast -- fatty.",
        ["left", "left"],
    ),
    # the next label on the line takes over
    (
        "FINDINGS: Left: Normal. Right: Nodule. Coarse calcification.",
        ["right"],
    ),
    # a label opening a line an export joined after the section header
    # reaches the later sentences of its line
    (
        "RENAL ULTRASOUND,FINDINGS: ,Right kidney: 10 cm.  The pyramids are "
        "echogenic, consistent with medullary calcification.,Left kidney: 10 cm.",
        ["right"],
    ),
    (
        "FINDINGS: ,Left kidney: 9 cm, normal echogenicity.  A 2 mm echogenic "
        "focus in the cortex, likely a tiny calcification.,Bladder: Normal.",
        ["left"],
    ),
    # ... spaces between the label's colon and the export's comma or not
    (
        "RENAL US,FINDINGS:  ,RIGHT KIDNEY:  , 10 cm.  Two punctate cortical "
        "calcifications.,LEFT KIDNEY:  , 10 cm.  A tiny calcification in the sinus.",
        ["right", "left"],
    ),
    # a side word that labels nothing gives no side to the next sentence
    ("Right hip pain for 2 weeks. Vascular calcifications in the pelvis.", [""]),
    # a side letter before a body region names the exam's side
    ("EXAM: R SHOULDER XR\nFINDINGS: No calcific deposits in the rotator cuff.", ["right"]),
    ("EXAM: L KNEE 3V\nFINDINGS: Chondrocalcinosis.", ["left"]),
    # a one-sided exam gives its side to a finding with no site
    ("EXAM: SHOULDER RIGHT 2V\nFINDINGS: No new calcification.", ["right"]),
]


def test_site_word_of_a_condition_is_not_carried(findings_of):
    text = "He has been on peritoneal dialysis for 6 years. There is concern for calciphylaxis."
    (f,) = findings_of(text)
    assert f.site != "peritoneum"


def test_the_calcification_points_back_to_calcifications_too(findings_of):
    # guide §2 step 4: 'the calcification' points back to an earlier mention
    # of the same calcification, named in the plural as much; with two such
    # mentions at two sites it means neither outright
    text = (
        "Ultrasound showed a right thyroid nodule with coarse calcifications. "
        "CT showed mild coronary artery calcification. FINDINGS: The right lobe "
        "was firm, with a nodule at the lower pole. The lesion was gritty on "
        "palpation, in keeping with the calcification seen on ultrasound."
    )
    assert findings_of(text)[-1].site != "coronary artery"


def test_the_calcification_points_back_to_a_disease_named_calcific(findings_of):
    # guide §2 step 4: 'that calcification' points back to a calcification a
    # disease's name gave ('calcific tendinitis'), where no earlier mention
    # is named 'calcification'
    text = "The right shoulder had calcific tendinitis last year. That calcification has since been aspirated."
    assert [(f.site, f.laterality) for f in findings_of(text)][-1][0] == "tendon"


def test_follicular_lesion_is_a_thyroid_nodule(findings_of):
    # guide §4 rule 4: a thyroid nodule is dystrophic-prone, and a follicular
    # lesion is one by kind
    f = findings_of("Pathology: encapsulated follicular lesion with calcification, benign.")[0]
    assert (f.site, f.classification) == ("thyroid", "dystrophic")


def test_small_vessel_names_its_own_vessels(findings_of):
    # guide §2 step 1: words inside the mention name its site ('vascular'
    # with no artery named is artery), so the place and side of its own
    # clause are its, not those of the artery phrase before it
    text = (
        "Radiographs of both legs show dense calcification of the popliteal "
        "arteries bilaterally, with a lace-like pattern of small-vessel "
        "calcification in the subcutaneous fat of the lateral right calf."
    )
    f = findings_of(text)[-1]
    assert (f.site, f.site_text, f.laterality) == ("artery", "small-vessel", "right")


def test_site_of_a_past_condition_is_not_the_findings_place(findings_of):
    # guide §2: a site never comes from a clause about something else; the
    # place of a condition the sentence calls past ('a history of right
    # breast cancer') is that condition's, not where a present calcification lies
    text = (
        "A firm mass of the vastus lateralis with a rim of calcification. "
        "Because the calcification had grown, and because of a history of "
        "right breast cancer, excision was advised."
    )
    assert [(f.site, f.laterality) for f in findings_of(text)] == [
        ("muscle", ""),
        ("muscle", ""),
    ]


def test_past_phrase_placing_what_later_calcified_gives_its_place(findings_of):
    # guide §2 step 2: a place the past phrase gives, in the finding's own
    # clause, to the thing that calcified is the finding's own
    text = "Prior injury to the right calf in XXXX with an intramuscular hematoma that later calcified."
    assert [(f.site, f.laterality) for f in findings_of(text)] == [("muscle", "right")]


@pytest.mark.parametrize(("text", "sides"), SIDE_LABELS)
def test_side_labels(findings_of, text, sides):
    assert [f.laterality for f in findings_of(text)] == sides


def test_anaphora_takes_previous_sentence_site(findings_of):
    text = "Left thyroid nodule, 1.2 cm. Microcalcifications cannot be excluded."
    (f,) = findings_of(text)
    assert (f.site, f.laterality, f.uncertain) == ("thyroid", "left", True)


@pytest.mark.parametrize(
    ("text", "physiologic"),
    [
        ("Pineal calcification.", True),
        ("Choroid plexus calcifications.", True),
        ("Dural calcification along the falx.", True),
        ("Costal cartilage calcification.", True),
        ("Habenular calcification.", True),
        ("Basal ganglia calcification.", False),
        ("Splenic calcification.", False),
        # a lesion at a physiologic site is not the structure's own normal,
        # age-related calcification
        ("A calcified meningioma arises from the falx.", False),
        ("Calcified chronic subdural hematoma over the right convexity.", False),
        ("Small calcified dural lesion near the vertex.", False),
        ("Dense calcification of the falx, unchanged.", True),
    ],
)
def test_physiologic_flag(only, text, physiologic):
    assert only(text).physiologic is physiologic


def test_the_vessel_is_the_one_its_own_line_names_first(findings_of):
    text = (
        "IMPRESSION:,LM: Unremarkable.,LAD: Heavy calcific plaque along the mid "
        "segment and calcification at its origin."
    )
    assert [f.site_text for f in findings_of(text)] == ["LAD", "LAD"]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # 'left' a verb uses
        ("The veins were left alone. Calcified plaque in the femoral artery.", ""),
        ("A drain was left in place. Calcified granuloma in the spleen.", ""),
        ("Calcified granuloma in the left upper lobe.", "left"),
        # 'both ... and' joining two things names no side
        ("Diltiazem may help both the Raynaud phenomenon and the calcinosis.", ""),
        ("Calcified granulomas in both lungs.", "bilateral"),
    ],
)
def test_side_words_used_otherwise_are_no_side(findings_of, text, side):
    (f,) = findings_of(text)
    assert f.laterality == side


def test_a_restating_links_with_joins_no_other_structure(findings_of):
    text = (
        "Calcific density projects over the right shoulder, consistent with "
        "calcific tendinitis."
    )
    assert [f.laterality for f in findings_of(text)] == ["right", "right"]


# Names of vocabulary sites that CT, ultrasound and spine reports use (guide
# §2 site vocabulary): the great veins are veins, each part of the small
# bowel and colon is bowel, the yellow ligament is a ligament, the caudate
# lobe is the liver's, and the arteries off the arch and the aorta are
# arteries.
VOCABULARY = [
    # the lining of the uterus is the uterus's (guide §2: the uterus)
    ("A small calcification within the endometrium.", "uterus", ""),
    ("Echogenic endometrial focus, likely calcification.", "uterus", ""),
    ("The endometrial lining is thickened. No calcification is seen in it.", "uterus", ""),
    ("Dense calcification along the wall of the IVC.", "vein", ""),
    ("Calcified thrombus within the inferior vena cava.", "vein", ""),
    ("Calcification at the junction of the SVC and right atrium.", "vein", ""),
    ("Small calcified focus in the wall of the cecum.", "bowel", ""),
    ("Mural calcification of the terminal ileum.", "bowel", ""),
    ("Calcification in the duodenum.", "bowel", ""),
    ("Calcification of the ligamentum flavum at T10-T11.", "ligament", ""),
    ("Calcified granuloma in the caudate lobe.", "liver", ""),
    ("Chest wall: calcification of the left subclavian artery.", "artery", "left"),
    ("Calcified plaque at the origin of the celiac trunk.", "artery", ""),
    ("Calcification of the brachiocephalic trunk.", "artery", ""),
    ("Scattered calcifications at the celiac axis.", "artery", ""),
    # the usual short names of the leg arteries, the ureter's end, the lenses
    ("Dense calcified plaque of the left CFA.", "artery", "left"),
    ("Mild calcified plaque in the right CIA.", "artery", "right"),
    ("Calcified plaque narrows the left EIA.", "artery", "left"),
    ("Punctate calcification at the right UVJ.", "ureter", "right"),
    ("Calcification at the left ureterovesical junction.", "ureter", "left"),
    ("Calcification of both lenses.", "eye", "bilateral"),
    ("Linear calcification of the TFC.", "cartilage", ""),
    # a coronary branch named in the plural, alone or as the shared noun of
    # a list of coronary branches, is a coronary artery
    ("The LAD and circumflex arteries show no calcification.", "coronary artery", ""),
    ("Scattered calcification of the obtuse marginal branches.", "coronary artery", ""),
    # a joint's labrum is its fibrocartilage, as a meniscus is
    ("Small calcification at the posterosuperior labrum of the left hip.", "cartilage", "left"),
    ("Linear calcification of the right glenoid labrum.", "cartilage", "right"),
    # the axillary tail is breast tissue, not the axilla's nodes
    ("Amorphous calcifications in the right axillary tail.", "breast", "right"),
    ("Coarse calcification, left axillary tail.", "breast", "left"),
    # the aortic arch's middle part, named without "aortic"
    ("Heart size normal. Mild calcification in the transverse arch.", "aorta", ""),
    # 'the arch' alone is the aortic arch; an arch an 'of' phrase or a name
    # gives is that structure's
    ("Mild atherosclerotic calcification of the arch.", "aorta", ""),
    ("Dense calcified plaque along the arch and descending segment.", "aorta", ""),
    ("Calcification beneath the arch of the left foot.", "", "left"),
    # the chords under the mitral leaflets are the valve's, a label over them
    # naming the muscles they hang from or not
    ("Subvalvular apparatus: a few calcified chordae tendineae.", "mitral valve", ""),
    ("Papillary muscles: heavily calcified chordae, otherwise normal.", "mitral valve", ""),
    ("Mild chordal calcification without prolapse.", "mitral valve", ""),
    # a thyroid lesion named by its cytology's or pathology's kind
    ("Frozen section: follicular neoplasm with coarse calcification.", "thyroid", ""),
    # a muscle named by itself, without the word 'muscle'
    ("A 3 cm calcified mass lies within the left triceps.", "muscle", "left"),
]


@pytest.mark.parametrize(("text", "site", "laterality"), VOCABULARY)
def test_vocabulary_names(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# A site word written at once before a structure's own noun says which one
# or where it runs; the noun names the tissue (guide §2: the narrower site).
STRUCTURE_HEADS = [
    ("Calcified plaque of the common hepatic artery.", "artery", ""),
    ("Faint calcification of the bronchial arteries.", "artery", ""),
    ("Mural calcification in the right femoral vein.", "vein", "right"),
    ("Calcification along the left renal vein.", "vein", "left"),
    ("Calcified injection granulomas in the gluteal subcutaneous fat.", "subcutaneous tissue", ""),
    ("Calcification at the origin of the left hamstring tendons.", "tendon", "left"),
    ("Amorphous calcification near the peroneal tendons.", "tendon", ""),
    ("Small calcification within the deltoid ligament.", "ligament", ""),
]


@pytest.mark.parametrize(("text", "site", "laterality"), STRUCTURE_HEADS)
def test_structure_noun_names_the_tissue(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


def test_catch_all_artery_after_a_coronary_keeps_the_coronary(only):
    assert only("Calcified plaque in the proximal LAD artery.").site == "coronary artery"


# The plural of a paired organ names both sides (corpora/GUIDE.md: 'kidneys',
# 'breasts', 'hila'), in one word or two; a side written on the finding's
# own organ still wins.
PAIRED_PLURALS = [
    ("Scattered microcalcifications throughout the testes.", "bilateral"),
    ("Coarse calcification in the testicles.", "bilateral"),
    ("Tram-track calcification of the vasa deferentia.", "bilateral"),
    ("Calcification in the adrenal glands, sequela of old hemorrhage.", "bilateral"),
    ("Tubular calcification of the seminal vesicles.", "bilateral"),
    # a pair of joints as much
    ("Periarticular calcinosis about the shoulders, enlarging.", "bilateral"),
    ("Dense vascular calcification about the knees.", "bilateral"),
    ("Calcific tendinitis at the right shoulder; no change about the hips.", "right"),
    # the plural of a paired vessel or of a part of one; not an unpaired
    # vessel's branches, nor a plural that only joins two vessels or parts
    ("Faint calcification along the vertebral arteries.", "bilateral"),
    ("Calcified plaque in the petrous carotid arteries.", "bilateral"),
    ("Mild calcific plaque of the carotid bulbs.", "bilateral"),
    ("Heavily calcified SFAs.", "bilateral"),
    ("Fine calcification of the cavernosal arteries.", "bilateral"),
    # the pair of lateral ventricles
    ("Dense choroid plexus calcification in the lateral ventricles.", "bilateral"),
    ("Scattered calcification of the coronary arteries.", ""),
    ("Calcification of the subclavian and axillary arteries.", ""),
    ("Calcification of the common and internal carotid arteries.", ""),
    # 'contralateral' writes a side the plural yields to
    ("Status post left femoral bypass. Moderate calcification of the contralateral iliac arteries.", "right"),
]


@pytest.mark.parametrize(("text", "laterality"), PAIRED_PLURALS)
def test_paired_plural_names_both_sides(only, text, laterality):
    assert only(text).laterality == laterality


def test_side_of_one_organ_beats_the_pair_named_after(findings_of):
    text = "Calcification in the left seminal vesicle. The seminal vesicles are otherwise normal."
    assert [f.laterality for f in findings_of(text)] == ["left"]


# Place adjectives joined by 'and' or 'or' share the noun that ends the
# list: its nodes or its vessel is the site (guide §2 vocabulary); sites of
# one kind, or a noun first, keep the first (guide §2: where one phrase names
# two sites, the first).
SHARED_HEADS = [
    ("Calcification of the paratracheal and subcarinal lymph nodes.", "lymph node", ""),
    ("Faint calcification of the hepatic and splenic arteries.", "artery", ""),
    ("Calcified plaque in the left axillary and subclavian arteries.", "artery", "left"),
    ("Mural calcification of the axillary and brachial arteries.", "artery", ""),
    ("There is no mediastinal or hilar lymph node calcification.", "lymph node", ""),
    ("Hepatic and splenic artery calcification.", "artery", ""),
    ("Faint calcification of the mesenteric and porta hepatis lymph nodes.", "lymph node", ""),
]


@pytest.mark.parametrize(("text", "site", "laterality"), SHARED_HEADS)
def test_coordinated_places_share_their_noun(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Aortic and iliac artery calcification.", "aorta"),
        # no node word ends the list: the mediastinum, the first (the
        # real-text gold reads such lists so)
        ("Mediastinal and hilar calcifications.", "mediastinum"),
        ("Hilar and mediastinal calcifications.", "lymph node"),
        ("Pulmonary and renal calcifications.", "lung"),
    ],
)
def test_coordinated_sites_without_a_shared_noun_keep_the_first(only, text, site):
    assert only(text).site == site


# 'The aortic and mitral valves': 'aortic' names the first valve of the
# list, not the aorta (guide §2: where one phrase names two sites, the first).
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("The aortic and mitral valves are both calcified.", "aortic valve"),
        ("Aortic and tricuspid valve calcification is mild.", "aortic valve"),
        ("Calcification of the aortic and mitral valve leaflets.", "aortic valve"),
        ("Moderate calcification of the mitral and aortic valves.", "mitral valve"),
        ("Calcification of the aortic and iliac arteries.", "aorta"),
    ],
)
def test_aortic_first_in_a_list_of_valves_is_the_aortic_valve(only, text, site):
    assert only(text).site == site


# A side letter before a part word and its site phrase is still that site's
# side (guide §2: abbreviated sides count); a letter away from any site is
# no side ('2 L of fluid').
@pytest.mark.parametrize(
    ("text", "laterality"),
    [
        ("Calcified granuloma, R lower lung zone.", "right"),
        ("Calcified plaque of the L common iliac artery.", "left"),
        ("Calcified plaque in the R proximal superficial femoral artery.", "right"),
        ("Calcified plaque, R distal SFA.", "right"),
    ],
)
def test_side_letter_before_a_part_word(only, text, laterality):
    assert only(text).laterality == laterality


def test_letter_l_of_a_volume_is_no_side(only):
    assert only("Drained 2 L of fluid. Calcified granuloma in the spleen.").laterality == ""


# A serial list before the finding names its first site (guide §2: where one
# phrase names two sites, the first), commas and all.
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("The spleen, liver and kidneys are without calcification.", "spleen"),
        ("The gallbladder, pancreas and adrenal glands show small calcifications.", "gallbladder"),
        ("The aorta, iliac arteries and femoral arteries show calcification.", "aorta"),
    ],
)
def test_serial_list_before_the_finding_names_its_first(only, text, site):
    assert only(text).site == site


# 'septum' is a word several sites share: a cyst's septum takes the organ
# its report names nearest, the heart's the myocardium.
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Complex cyst of the left kidney with a calcified septum.", "kidney"),
        ("Multiloculated right ovarian cyst; one septum is calcified.", "ovary"),
        ("Left ventricle normal in size. Calcification of the septum.", "myocardium"),
    ],
)
def test_septum_takes_the_organ_named_nearest(findings_of, text, site):
    assert findings_of(text)[-1].site == site


# A side word before one part word and the site phrase is that site's side,
# not a neighbour's in the same sentence.
def test_side_before_a_part_word_stays_with_its_site(findings_of):
    text = "Gallbladder wall calcification and left proximal ureteral calcification."
    assert [(f.site, f.laterality) for f in findings_of(text)] == [
        ("gallbladder", ""),
        ("ureter", "left"),
    ]


# The hemidiaphragm is a place on a chest film a finding lies along or
# projects over: two sides along it make bilateral (guide §2), and a
# granuloma projecting over it is still the lung's (guide §2 step 5).
@pytest.mark.parametrize(
    ("text", "site", "laterality"),
    [
        (
            "Partially calcified pleural plaques along the left hemidiaphragm and the right chest wall.",
            "pleura",
            "bilateral",
        ),
        (
            "EXAM: Chest PA and lateral.\nFINDINGS: Calcified granuloma projecting over the right hemidiaphragm.",
            "lung",
            "right",
        ),
    ],
)
def test_hemidiaphragm_is_a_place_not_a_site(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# One side weighed against the other names both (guide §2: 'left more than
# right' is bilateral).
@pytest.mark.parametrize(
    "text",
    [
        "Vascular calcification of the femoral arteries, more on the right.",
        "Coarse calcifications in the renal medulla, more pronounced on the left.",
        "Both superficial femoral arteries are calcified, the left more than the right.",
    ],
)
def test_one_side_weighed_against_the_other_is_bilateral(only, text):
    assert only(text).laterality == "bilateral"


# A side word that writes both sides on a place joined to the finding's own
# ('... of the chest wall and both breasts') makes it bilateral; a plural
# that only implies both ('the adrenals') does not.
@pytest.mark.parametrize(
    ("text", "laterality"),
    [
        ("Vascular calcification in the subcutaneous fat of the abdomen and both thighs.", "bilateral"),
        ("Arterial calcification in the pelvis and both lower legs.", "bilateral"),
        ("Calcification in the right kidney and the adrenals.", "right"),
    ],
)
def test_both_on_a_joined_place(only, text, laterality):
    assert only(text).laterality == laterality


# A site named as a landmark beside the finding gives way to the lesion its
# sentence says the finding is (guide §2 step 3 before a landmark).
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Small calcification adjacent to the left ureter, consistent with a phlebolith.", "vein"),
        ("Rounded calcification near the distal right ureter, likely a phlebolith.", "vein"),
        ("Calcific focus lateral to the humeral head, compatible with calcific tendinitis.", "tendon"),
    ],
)
def test_lesion_named_beats_a_landmark(findings_of, text, site):
    assert findings_of(text)[0].site == site


# ... and so does the structure its sentence joins it to by 'with' or a verb
# of holding: the structure carries it (guide §2 step 3)
def test_structure_carrying_it_beats_a_landmark(findings_of):
    text = "The splenic artery is ectatic and calcified, with a 7 mm calcified aneurysm near the hilum."
    assert findings_of(text)[-1].site == "artery"


# A site phrase before 'level' names a height along the vessel the finding
# lies in, no site of its own (guide §2, the location phrase of its clause):
# the vessel its sentence or the one before names is the finding's. A
# numbered level ('level IV') is a station of its region and leaves it be.
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("The abdominal aorta is ectatic. A calcified plaque at the renal level narrows its lumen.", "aorta"),
        ("Calcified plaque at the renal level of the abdominal aorta.", "aorta"),
        ("The abdominal aorta is tortuous. Calcified plaque is seen below the renal arteries' level.", "aorta"),
        ("The abdominal aorta is tortuous. Calcified plaque is seen at the kidney's level.", "aorta"),
        ("The aorta was clamped. The calcified plaque at the renal level was shaved off.", "aorta"),
    ],
)
def test_a_level_named_by_an_organ_is_no_site(findings_of, text, site):
    assert findings_of(text)[0].site == site


def test_a_numbered_level_keeps_its_region(findings_of):
    f = findings_of("Calcified lymph nodes in the left neck level IV.")[0]
    assert (f.site, f.laterality) == ("lymph node", "left")


# A mention that runs over a list takes its first site with that site's own
# head: the place word before nodes names the nodes (guide §2 vocabulary).
@pytest.mark.parametrize(
    "text",
    [
        "Calcified paratracheal lymph XXXX and aortic atherosclerosis.",
        "Calcified mediastinal lymph nodes and aortic atherosclerosis, stable.",
    ],
)
def test_first_of_a_list_keeps_its_nodes(findings_of, text):
    assert findings_of(text)[0].site == "lymph node"


# The period of a side abbreviation ('Rt.', 'Lt.', 'bilat.') shortens the
# side word and ends no clause: the site after it is the finding's (guide §2:
# abbreviated sides count), in capitals as well.
@pytest.mark.parametrize(
    ("text", "site", "laterality"),
    [
        ("Punctate calcification within the Rt. kidney.", "kidney", "right"),
        (
            "Coarse calcification in the lt. adrenal gland, unchanged.",
            "adrenal gland",
            "left",
        ),
        ("Calcified plaque at the Lt. ICA origin.", "carotid artery", "left"),
        ("SMALL CALCIFICATION IN THE RT. KIDNEY.", "kidney", "right"),
        ("FINDINGS: BILAT. BREAST ARTERIAL CALCIFICATIONS. NO MASS.", "artery", "bilateral"),
        ("Tiny calcifications in the bilat. kidneys.", "kidney", "bilateral"),
    ],
)
def test_period_of_a_side_abbreviation_ends_no_clause(only, text, site, laterality):
    found = only(text)
    assert (found.site, found.laterality) == (site, laterality)


def test_period_after_bilat_ends_its_sentence(findings_of):
    # 'bilat.' mostly ends its phrase: the next sentence's finding does not
    # take it in
    plexus, pineal = findings_of("Calcified choroid plexus bilat. Pineal calcification.")
    assert plexus.laterality == "bilateral"
    assert pineal.mention == "Pineal calcification"


# 'B/L' written before the site word is one side word, not a slash between
# two names ('granulomas/lymph nodes'): the site word after it still names
# the place.
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("B/L renal cortical calcifications.", "kidney"),
        ("b/l adrenal calcifications, stable.", "adrenal gland"),
        ("B/L calcified hilar lymph nodes.", "lymph node"),
    ],
)
def test_b_slash_l_before_the_site_word(only, text, site):
    found = only(text)
    assert (found.site, found.laterality) == (site, "bilateral")


# The place its own clause names after the finding comes before a label over
# it (guide §2 "Site and side from context": step 2 before step 4); the
# adductor canal is a passage of the thigh, no muscle.
@pytest.mark.parametrize(
    ("text", "site", "laterality"),
    [
        ("ABDOMINAL WALL: Calcification in the left rectus muscle.", "muscle", "left"),
        (
            "CHEST WALL: Small calcification in the right pectoralis muscle.",
            "muscle",
            "right",
        ),
        (
            "Soft tissues: calcified focus within the left deltoid muscle.",
            "muscle",
            "left",
        ),
        (
            "Calcified plaque of the artery in the right adductor canal.",
            "artery",
            "right",
        ),
        ("Punctate calcification in the adductor canal.", "", ""),
    ],
)
def test_own_clause_place_before_a_label(only, text, site, laterality):
    found = only(text)
    assert (found.site, found.laterality) == (site, laterality)


# An anaphor ('the vessel', 'the leaflets') after a sentence that lists two
# sites of its kind points back to the first of the list (guide §2: where
# one phrase names two sites, the first).
@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "The right carotid bulb and right vertebral artery are patent. "
            "Calcified plaque in the vessel.",
            "carotid artery",
        ),
        (
            "Mitral and tricuspid valves open normally. "
            "Mild calcification of the valve leaflets.",
            "mitral valve",
        ),
        (
            "The splenic artery and the aorta are tortuous. "
            "The vessel wall is calcified.",
            "artery",
        ),
        (
            "The aortic valve and the mitral valve were inspected. "
            "The leaflets were calcified.",
            "aortic valve",
        ),
    ],
)
def test_anaphor_after_a_list_takes_its_first(only, text, site):
    assert only(text).site == site


# 'Annular calcification' alone is the mitral annulus's, the common one, but
# a valve its sentence names on it owns that annulus; a mitral valve named
# keeps the narrower annulus, and a list of valves gives its first (guide
# §2: the more specific site; where one phrase names two, the first).
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Echo: the aortic valve has mild annular calcification.", "aortic valve"),
        ("Aortic valve: trileaflet, with annular calcification.", "aortic valve"),
        ("The tricuspid valve shows some annular calcification.", "heart valve"),
        ("Tricuspid and mitral valves show annular calcification.", "heart valve"),
        ("Mitral and tricuspid valves open well apart from annular calcification.", "mitral annulus"),
        ("Mitral valve: annular calcification with trace regurgitation.", "mitral annulus"),
        ("Echo: moderate annular calcification, normal ejection fraction.", "mitral annulus"),
    ],
)
def test_annular_calcification_is_the_annulus_of_the_valve_named(only, text, site):
    assert only(text).site == site


# A site carried from the sentence before keeps no side where that sentence
# names the site on both sides: which one the finding lies in is not said
# (guide §2: a side from clear context only); one side there is still given.
@pytest.mark.parametrize(
    ("text", "site", "laterality"),
    [
        (
            "A cyst in the left kidney and a small stone in the right kidney are unchanged. "
            "There is a punctate calcification.",
            "kidney",
            "",
        ),
        (
            "A density in the left breast and a nodule in the right breast are stable. "
            "There is no suspicious cluster of microcalcifications.",
            "breast",
            "",
        ),
        ("A cyst in the left kidney. There is a punctate calcification.", "kidney", "left"),
    ],
)
def test_carried_site_named_on_two_sides_gives_no_side(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


def test_a_lesion_named_beats_the_tissue_about_a_joint(findings_of):
    """'around the left hip' says where; the phlebolith its sentence names
    the finding as places it in a vein (guide §2 step 3)."""
    first = findings_of("Small calcification around the left hip, most likely a phlebolith.")[0]
    assert (first.site, first.laterality) == ("vein", "left")


@pytest.mark.parametrize(
    ("text", "site_text", "laterality"),
    [
        # the prostate's zones and capsule name the prostate and take no side
        # from the sentence before
        (
            "A 3 mm calcification in the right peripheral zone. Coarse calcifications along the surgical capsule.",
            "surgical capsule",
            "",
        ),
        ("Punctate calcification in the central zone.", "central zone", ""),
    ],
)
def test_prostate_zones_and_capsule(findings_of, text, site_text, laterality):
    f = findings_of(text)[-1]
    assert (f.site, f.site_text.lower(), f.laterality) == ("prostate", site_text, laterality)


# A shared word ('parenchyma', 'wall') its own sentence does not resolve
# means the organ its section named before it, before one named after it:
# the word points back ('... stone in an upper pole calyx. No parenchymal
# calcification. Liver and spleen are normal.' is the kidney's parenchyma).
SHARED_WORD_POINTS_BACK: list[tuple[str, str, str]] = [
    ("CT ABDOMEN WITHOUT CONTRAST\nLEFT KIDNEY: 5 mm nonobstructing stone in an upper pole calyx. No parenchymal calcification. Liver and spleen are normal.", "kidney", "left"),
    ("CT PELVIS: Transplant kidney in the right iliac fossa with a small stone; no calcification of the transplant parenchyma. The liver edge is smooth.", "kidney", ""),
    ("CT ABDOMEN\nPANCREAS: A 4 cm pseudocyst lies against the tail; its wall shows a thin rim of calcification. Splenic vein patent.", "pancreas", ""),
    # its own sentence still decides first
    ("CT HEAD: Parenchymal calcification in the right frontal lobe. The kidneys are not imaged.", "brain", "right"),
]


@pytest.mark.parametrize(("text", "site", "laterality"), SHARED_WORD_POINTS_BACK)
def test_shared_word_means_the_organ_named_before(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


# A score phrase in brackets after a valve's words is the valve's calcium
# score (guide §1: a calcium score is coronary unless the text names another
# site), and states no coronary Agatston score; after coronary words it stays.
@pytest.mark.parametrize(
    ("text", "site", "agatston"),
    [
        ("Dense calcified aortic valve (calcium score 2400).", "aortic valve", None),
        ("Mitral annular calcification (calcium score 310).", "mitral annulus", None),
        ("Coronary calcification (calcium score 812).", "coronary artery", 812.0),
    ],
)
def test_bracketed_score_after_a_valve_is_the_valves(
    finding_named, text, site, agatston
):
    f = finding_named(text, "calcium score")
    assert (f.site, f.agatston) == (site, agatston)


# A valve word naming no part of its own ('the leaflet') points back to the
# valve a finding's own words name ('calcific aortic stenosis'); pointing
# back to a part (the mitral annulus) it names the part's whole, the mitral
# valve (guide §2: the most specific site that fits).
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Calcific aortic stenosis; the cusp calcification is worse.", "aortic valve"),
        ("Dense MAC, with calcification extending onto the leaflet.", "mitral valve"),
        ("The leaflet calcification is mild.", "heart valve"),
    ],
)
def test_leaflet_word_takes_the_valve_a_finding_names(findings_of, text, site):
    assert findings_of(text)[-1].site == site


# Coordinated places whose first, with the last one's final word, makes a
# term of the last one's site share that word ('breast arterial': an artery);
# otherwise the first of the list is the site (guide §2).
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Breast and tibial arterial calcification.", "artery"),
        ("Liver and splenic artery calcification.", "liver"),
    ],
)
def test_first_place_named_with_the_shared_head(only, text, site):
    assert only(text).site == site


# An organ the body has one of is on no two sides: a 'bilateral' its
# sentence writes is another finding's (corpora/GUIDE.md laterality: a side
# word right before the phrase belongs to it); a paired organ still takes it.
@pytest.mark.parametrize(
    ("text", "site", "laterality"),
    [
        ("Bilateral renal calcifications and a splenic calcification.", "spleen", ""),
        ("Bilateral nephrocalcinosis and hepatic calcifications.", "liver", ""),
        ("Bilateral renal and adrenal calcifications.", "kidney", "bilateral"),
    ],
)
def test_bilateral_is_no_side_of_an_unpaired_organ(findings_of, text, site, laterality):
    f = findings_of(text)[-1]
    assert (f.site, f.laterality) == (site, laterality)


# A lobe's word right before a convexity says where over the brain; the
# convexity is the dura's surface there (guide §2 vocabulary: dura; where two
# fit, the narrower).
@pytest.mark.parametrize(
    ("text", "site", "side"),
    [
        ("CT head: a thin calcified rim along the right parietal convexity.", "dura", "right"),
        ("Curvilinear calcification over the left frontal convexities.", "dura", "left"),
        ("Punctate calcification in the left frontal lobe.", "brain", "left"),
    ],
)
def test_a_convexity_is_the_duras(findings_of, text, site, side):
    (f,) = findings_of(text)
    assert (f.site, f.laterality) == (site, side)


# A leaflet word among the mention's own words, beside a part of a valve
# named in its clause (the mitral annulus), names the whole valve: the
# leaflet is the valve's, not the annulus's (guide §2 vocabulary; a valve's
# annulus and its leaflets are different places); the annulus itself stays.
@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Echo: known MAC with new anterior leaflet calcification.", "mitral valve"),
        ("Echo: mitral annulus calcified, extending onto the anterior leaflet.", "mitral annulus"),
    ],
)
def test_a_leaflet_beside_the_annulus_is_the_valves(findings_of, text, site):
    assert findings_of(text)[-1].site == site


# guide §2 (a clause about another structure gives neither site nor side): a
# site noun heading the next item of a denying list, with its own adjective
# before it, is that item's; not after a bare 'calcified', whose head the
# item shares
@pytest.mark.parametrize(
    ("text", "mention", "site"),
    [
        ("No punctate calcifications or echogenic bowel.", "calcifications", ""),
        ("No calcifications or thickened pleura.", "calcifications", ""),
        ("No calcified or enlarged hilar nodes.", "calcified", "lymph node"),
        ("No calcifications in the bowel.", "calcifications", "bowel"),
    ],
)
def test_next_denied_items_site_is_its_own(findings_of, text, mention, site):
    (f,) = [x for x in findings_of("FINDINGS: " + text) if x.mention == mention]
    assert f.site == site
