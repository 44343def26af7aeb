"""Paraphrases of the real-text site, side and span conventions (guide §2).

Every sentence is made up for this file. Each class of convention the
pipeline follows on real exports (a side on the first rib, the plural of a
paired organ, a finding said to be another, two sides in a list, a label
line, a word pointing back, the exam's one reading, de-identified nodes) is
written here in several wordings: other words and word order, capitals,
XXXX masks, comma-joined and line-broken layout. A rule fitted to one
sentence fails some row.
"""

from __future__ import annotations

from typing import Any

import pytest

CHEST = "EXAM: Chest, two views.\nFINDINGS: Heart size normal. No effusion. "
CXR_LINE = "CHEST PA/LAT,FINDINGS:, Normal heart size., "

# (text, a word of the finding's mention or '' for the report's only finding,
#  expected fields)
# (text, the mention expected among the findings)
SPANS: list[tuple[str, str]] = [
    ("Calcified RUL granuloma.", "Calcified RUL granuloma"),
    ("CALCIFIED LLL NODULE.", "CALCIFIED LLL NODULE"),
    ("Calcified AP window lymph node.", "Calcified AP window lymph node"),
    ("Calcified loose body in the knee joint.", "Calcified loose body"),
    ("Bilateral hilar calcifications.", "Bilateral hilar calcifications"),
    ("Right hilar calcified lymph XXXX.", "Right hilar calcified lymph XXXX"),
    ("Calcified right and left hilar lymph nodes.", "Calcified right and left hilar lymph nodes"),
    ("Calcified granuloma/lymph XXXX.", "Calcified granuloma/lymph XXXX"),
    ("Bilateral calcified granulomas.", "Bilateral calcified granulomas"),
    ("Stable bilateral calcified granulomas/lymph nodes.", "bilateral calcified granulomas/lymph nodes"),
    ("Right calcified hilar XXXX.", "Right calcified hilar XXXX"),
    ("Calcified granulomas / nodes in the left hilum.", "Calcified granulomas / nodes"),
    # an eponym and a pearl of the scrotum are the phrase's words
    ("Knee films: Pellegrini-Stieda calcification at the MCL origin.", "Pellegrini-Stieda calcification"),
    ("Ultrasound: a calcified scrotal pearl in the right hemiscrotum.", "calcified scrotal pearl"),
]

PARAPHRASES: list[tuple[str, str, dict[str, Any]]] = [
    # costal cartilage at the first ribs
    ("Dense calcification of the right first costochondral junction.", "", {"site": "costal cartilage", "laterality": "right"}),
    ("CALCIFIED FIRST RIB CARTILAGE ON THE LEFT.", "", {"site": "costal cartilage", "laterality": "left"}),
    ("Calcification at the anterior aspect of both first ribs.", "", {"site": "costal cartilage", "laterality": "bilateral"}),
    (CHEST + "Costal cartilage calcification, XXXX.", "", {"site": "costal cartilage"}),
    # a finding its sentence says is another takes that one's site and side
    (CHEST + "Two calcified densities at the left base, likely calcified granulomas.", "granulomas", {"site": "lung", "laterality": "left"}),
    (CHEST + "Nodular calcifications in the left apex which may represent calcified granulomas.", "granulomas", {"site": "lung", "laterality": "left"}),
    (CHEST + "Punctate calcific foci over the RIGHT MIDLUNG, most XXXX calcified granulomas.", "granulomas", {"site": "lung", "laterality": "right"}),
    # annular calcification
    ("Moderate annular calcification is noted.", "", {"site": "mitral annulus"}),
    ("There is mild calcification of the mitral annulus.", "", {"site": "mitral annulus"}),
    ("The mitral annulus is heavily calcified.", "", {"site": "mitral annulus"}),
    ("Calcified aortic annulus.", "", {"site": "aortic valve"}),
    ("Calcification of the tricuspid annulus.", "", {"site": "heart valve"}),
    # the plural of a paired organ, 'both', 'bilateral'
    ("Calcified nodes in both hila.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("Bilateral hilar calcified lymph nodes.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("Calcified hilar nodes bilaterally.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("The hila contain calcified nodes.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("Scattered punctate calcifications of both kidneys.", "", {"site": "kidney", "laterality": "bilateral"}),
    ("Nephrocalcinosis of both kidneys.", "", {"site": "kidney", "laterality": "bilateral"}),
    ("Calcified granulomas are seen at both bases.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Granulomatous calcifications in both lower lobes.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas in the bilateral upper lobes.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas, b/l lung bases.", "", {"site": "lung", "laterality": "bilateral"}),
    # a view says where it was seen, not where it is
    (CHEST + "A calcified nodule is visible on the lateral projection only.", "", {"site": "lung"}),
    (CHEST + "On the lateral image there is a tiny calcified granuloma.", "", {"site": "lung"}),
    # two sides for one finding
    ("Calcified granulomas in the left apex and right base.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas in the RUL and LLL.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas at the right apex, left midlung and left base.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified granulomas: right upper lobe, left lower lobe.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Right apical and left basilar calcified granulomas.", "", {"site": "lung", "laterality": "bilateral"}),
    ("Calcified hilar nodes, left greater than right.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("Dense calcified granuloma, left upper lobe, right lung clear.", "", {"site": "lung", "laterality": "left"}),
    ("Calcified granuloma at the right base. Left lung is clear.", "", {"site": "lung", "laterality": "right"}),
    # a shared word names no site of its own: the clause's decides
    ("EXAM: MRI brain.\nFINDINGS: Calcified nodule in the right frontal lobe.", "", {"site": "brain", "laterality": "right"}),
    ("EXAM: CT abdomen.\nFINDINGS: A calcified nodule in the left adrenal gland.", "", {"site": "adrenal gland", "laterality": "left"}),
    # the lesion its sentence names
    ("Calcific density adjacent to the humeral head, in keeping with calcific tendinitis.", "density", {"site": "tendon"}),
    ("Small calcification in the pelvis, probably a phlebolith.", "calcification", {"site": "vein"}),
    ("A FEW PELVIC CALCIFICATIONS LIKELY REPRESENTING PHLEBOLITHS.", "CALCIFICATIONS", {"site": "vein"}),
    # de-identified and loosely named nodes
    ("Calcified hilar lymph XXXX bilaterally.", "", {"site": "lymph node", "laterality": "bilateral"}),
    ("There are calcified lymph XXXX in the right paratracheal region.", "", {"site": "lymph node", "laterality": "right"}),
    ("Calcified paratracheal node on the right.", "", {"site": "lymph node", "laterality": "right"}),
    ("Calcified subcarinal lymph node.", "", {"site": "lymph node"}),
    ("CALCIFIED MEDIASTINAL AND RIGHT HILAR LYMPH NODES.", "", {"site": "lymph node", "laterality": "right"}),
    ("Calcified lymph XXXX in the left hilum.", "", {"site": "lymph node", "laterality": "left"}),
    ("Calcification in the mediastinum.", "", {"site": "mediastinum"}),
    ("Calcified aortopulmonary window lymph node.", "", {"site": "lymph node"}),
    # a label line over the finding
    ("FINDINGS:\nRCA: Mild calcific plaque in the mid segment.", "", {"site": "coronary artery", "laterality": ""}),
    ("LEFT BREAST:\nScattered benign-appearing calcifications.", "", {"site": "breast", "laterality": "left"}),
    ("FINDINGS:,LCX:, Minimal calcified plaque.", "", {"site": "coronary artery"}),
    ("Right kidney: tiny punctate calcification in the upper pole.", "", {"site": "kidney", "laterality": "right"}),
    ("Liver:\nA few coarse calcifications, unchanged.", "", {"site": "liver"}),
    # a word pointing back to the vessel named before
    ("The circumflex artery is small. The vessel has scattered calcified plaque.", "", {"site": "coronary artery"}),
    ("The right coronary artery is dominant. Mild calcific plaque is present in the proximal vessel.", "", {"site": "coronary artery", "laterality": ""}),
    # the exam's one reading
    ("EXAM: PA and lateral chest.\nIMPRESSION: Old calcified granuloma.", "", {"site": "lung"}),
    ("CHEST 2 VIEWS XXXX\nIMPRESSION: Calcified granulomas. No acute disease.", "", {"site": "lung"}),
    (CXR_LINE + "Calcified granuloma.", "", {"site": "lung"}),
    ("EXAM: Left diagnostic mammogram.\nFINDINGS: Round calcifications in the upper outer quadrant.", "", {"site": "breast", "laterality": "left"}),
    # the clause's own place in comma-joined lines
    ("FINDINGS:,Lungs: Calcified granuloma, left upper lobe.", "", {"site": "lung", "laterality": "left"}),
    ("IMPRESSION:,1. Calcified granuloma, right lung base.,2. No effusion.", "", {"site": "lung", "laterality": "right"}),
    (CXR_LINE + "Old calcified granuloma within right upper lobe., No pneumothorax.", "", {"site": "lung", "laterality": "right"}),
    # a site from the sentences before
    ("There is a 2 cm mass in the right adrenal gland. It contains coarse calcification.", "", {"site": "adrenal gland", "laterality": "right"}),
    ("A nodule is seen in the left lobe of the thyroid. Microcalcifications are present within the nodule.", "", {"site": "thyroid"}),
    ("The left kidney has a cyst in its upper pole. The cyst wall shows thin calcification.", "", {"site": "kidney", "laterality": "left"}),
    # the side of the whole a part belongs to
    ("BILATERAL MAMMOGRAM:,Clustered microcalcifications in the UOQ of the right breast.", "", {"site": "breast", "laterality": "right"}),
    ("Punctate calcification in the lower pole of the left kidney.", "", {"site": "kidney", "laterality": "left"}),
    (CHEST + "Tiny calcified granuloma at the lateral segment of the middle lobe.", "", {"site": "lung", "laterality": "right"}),
    (CHEST + "Calcified costochondral cartilage.", "", {"site": "costal cartilage"}),
    # a site not otherwise named, or a shared word, gives way to the site right after it
    ("Calcification in the anterior abdominal wall subcutaneous fat.", "", {"site": "subcutaneous tissue"}),
    ("Renal US\nFINDINGS: A punctate calcification in the right upper pole cortex.", "", {"site": "kidney", "laterality": "right"}),
    ("CT ABDOMEN: Sheet-like calcinosis of the chest wall musculature.", "", {"site": "muscle"}),
    # what the sentence says the calcification is
    (CHEST + "Faint calcifications in the left base, possibly metastatic calcification.", "metastatic", {"site": "lung", "laterality": "left"}),
    ("Popcorn calcification in the pelvis, corresponding to a calcified uterine fibroid.", "calcification", {"site": "uterus"}),
    ("IMPRESSION: Chronic calcific pancreatitis. The calcifications now reach the tail.", "calcific", {"site": "pancreas"}),
    # comma-joined label lines
    ("FINDINGS:,RIGHT KIDNEY: Normal size. Punctate calcification in the upper pole.,LEFT KIDNEY: Normal.", "", {"site": "kidney", "laterality": "right"}),
    ("RIGHT CAROTID:,Calcified plaque at the bulb.,LEFT CAROTID:,Soft plaque.", "", {"site": "carotid artery", "laterality": "right"}),
    # a name after a slash is another reading of the finding, not its place
    (CHEST + "Stable calcified granulomas/lymph XXXX.", "", {"site": "lung"}),
    (CHEST + "Calcified granuloma/node in the right upper lobe.", "", {"site": "lung", "laterality": "right"}),
    # a site named as a landmark beside the finding is not its place
    (CHEST + "Calcified granuloma projects lateral to the left hilum.", "", {"site": "lung", "laterality": "left"}),
    (CHEST + "A calcified granuloma just inferior to the right hilum.", "", {"site": "lung", "laterality": "right"}),
    (CHEST + "Calcified nodule near the left hilum, in the lingula.", "", {"site": "lung", "laterality": "left"}),
    (CHEST + "Calcified nodes in the left hilum.", "", {"site": "lymph node", "laterality": "left"}),
    ("Calcification adjacent to the medial femoral condyle along the medial collateral ligament.", "", {"site": "ligament"}),
    # a body region that is the exam's own leaves the exam's reading
    (CHEST + "Calcified granuloma in the right lower chest.", "", {"site": "lung", "laterality": "right"}),
    (CHEST + "A calcified granuloma in the left side of the chest.", "", {"site": "lung", "laterality": "left"}),
    (CHEST + "Calcified granuloma projecting over the right upper quadrant.", "", {"site": ""}),
    # the mention's own named site beats a shared word at its end, and its own side any other
    ("CT showed a calcified right lower lobe nodule and left pleural effusion.", "", {"site": "lung", "laterality": "right"}),
    ("Calcified LLL nodule; right effusion.", "", {"site": "lung", "laterality": "left"}),
    ("Subcutaneous calcified nodules in the abdominal wall.", "", {"site": "subcutaneous tissue"}),
    # a new numbered item is a new topic: no site or side from the item before
    ("IMPRESSION:,1. Left basilar atelectasis.,2. Calcified granuloma.", "", {"laterality": ""}),
    ("IMPRESSION:\n1. Right lower lobe atelectasis.\n2. Calcified granuloma.", "", {"laterality": ""}),
    ("IMPRESSION: 1. Left effusion. 2. Calcified nodule.", "", {"laterality": ""}),
    # 'the nodule' points back to the nodule named before, and its place
    (CHEST + "A nodule is seen in the left upper lobe. The nodule is calcified, consistent with granuloma.", "", {"site": "lung", "laterality": "left"}),
    (CHEST + "Small nodule in the right lower lobe. This nodule is densely calcified.", "", {"site": "lung", "laterality": "right"}),
    # a bare side letter right before a site phrase
    ("Coarse R adrenal calcification.", "", {"site": "adrenal gland", "laterality": "right"}),
    ("Mammo: stable benign calcifications L breast.", "", {"site": "breast", "laterality": "left"}),
    ("Thyroid US: colloid cyst in the R lobe with a punctate calcification.", "", {"site": "thyroid", "laterality": "right"}),
    ("Drained 2 L of fluid. Calcified granuloma noted.", "", {"laterality": ""}),
    # a line label gives the side of what lies under it
    ("FINDINGS:\nRIGHT KIDNEY: 10 cm. Echogenic foci in the parenchyma, likely vascular calcifications.", "", {"laterality": "right"}),
    ("FINDINGS:\nLeft kidney: 11 cm. Small cyst. One punctate parenchymal calcification.", "", {"site": "kidney", "laterality": "left"}),
    ("Left breast:\nA few benign-appearing calcifications.", "", {"site": "breast", "laterality": "left"}),
    # a one-sided limb exam gives the side of what lies in the limb
    ("EXAM: XR KNEE RIGHT\nFINDINGS: Popliteal artery calcification.", "", {"site": "artery", "laterality": "right"}),
    ("XR TIBIA/FIBULA LEFT\nFINDINGS: Several phleboliths in the posterior calf.", "", {"site": "vein", "laterality": "left"}),
    ("EXAM: Left forearm, two views.\nFINDINGS: Amorphous calcifications in the subcutaneous tissues.", "", {"site": "subcutaneous tissue", "laterality": "left"}),
    ("EXAM: XR SHOULDER LEFT\nFINDINGS: Calcification in the supraspinatus tendon.", "", {"site": "tendon", "laterality": "left"}),
    # ... not where its line also names a part of both sides
    ("EXAM: AP PELVIS AND LEFT HIP\nFINDINGS: Pelvic phleboliths.", "", {"site": "vein", "laterality": ""}),
    ("XR PELVIS / RIGHT HIP\nFINDINGS: Vascular calcification of the femoral arteries.", "", {"site": "artery", "laterality": "bilateral"}),
    # a bare 'calcified' names the granulomatous phrase it qualifies, which
    # on a chest film is the lung's (guide §2 step 5), not the place a
    # sentence before names for a structure it calls normal
    (CHEST + "Calcified granulomatous disease noted.", "", {"site": "lung"}),
    (
        "CHEST PA/LAT,FINDINGS:, Heart and mediastinal contours are normal., "
        "Diffuse bilateral calcified sequelae of old granulomatous infection.",
        "",
        {"site": "lung", "laterality": "bilateral"},
    ),
    (
        "EXAM: Chest.\nFINDINGS: Mild streaky opacity at the left base. "
        "CALCIFIED SEQUELA OF PRIOR GRANULOMATOUS DISEASE.",
        "",
        {"site": "lung"},
    ),
    # ... and so does a bare 'calcified' written after its noun, over a comma
    # or a 'which is', ahead of a site the sentence before names
    ("EXAM: Chest PA and lateral.\nFINDINGS: Tortuous thoracic aorta. Granuloma, calcified.", "", {"site": "lung"}),
    ("CXR 2 VIEWS,FINDINGS:, NORMAL MEDIASTINUM., NODULES, DENSELY CALCIFIED.", "", {"site": "lung"}),
    (CHEST + "Mediastinal contours unremarkable. There is a small granuloma which is calcified.", "", {"site": "lung"}),
    # the chondral portions of the ribs are the costal cartilages
    (CHEST + "Calcification of the chondral portions of the ribs.", "", {"site": "costal cartilage"}),
    # the side of the place the finding lies in, not of another lesion
    ("Calcified granuloma within the RLL and a small nodule at the left apex.", "granuloma", {"site": "lung", "laterality": "right"}),
    ("Aortic arch calcification; a nodule at the left base.", "", {"site": "aorta", "laterality": ""}),
    # the wall of a renal cyst is the kidney's, whatever organ the sentence
    # before names; a shared 'wall' takes a site of its own section before
    # one past the next header
    ("FINDINGS: The pancreas is normal. A 2 cm cyst of the left kidney has a thinly calcified wall.", "", {"site": "kidney", "laterality": "left"}),
    ("FINDINGS:, The gallbladder is unremarkable.  Exophytic cyst off the right kidney with a calcified wall.", "", {"site": "kidney", "laterality": "right"}),
    ("KIDNEYS: Normal size. BLADDER: Full. CYST: 3 cm, left renal, Bosniak II, with a calcified wall.", "", {"site": "kidney", "laterality": "left"}),
    ("FINDINGS:, The bladder is well distended; there is faint mural calcification along its right wall.,IMPRESSION: ,1.  Simple cyst of the left kidney.", "", {"site": "bladder", "laterality": "right"}),
    # after another finding and an 'and', the words that follow open the
    # next item: a side there is the later finding's own
    ("CT shows porcelain gallbladder wall calcification, and a 2 cm right adrenal nodule with punctate calcifications.", "calcifications", {"site": "adrenal gland", "laterality": "right"}),
    ("Chest CT: calcified mediastinal lymph nodes and a 9 mm left lower lobe nodule with central calcification.", "calcification", {"site": "lung", "laterality": "left"}),
    ("ULTRASOUND:, Coarse calcifications in the pancreatic head, and a RIGHT renal cyst whose wall is calcified.", "calcified", {"site": "kidney", "laterality": "right"}),
    # ... while a side inside the earlier finding stays its own
    (CHEST + "Calcified left hilar nodes, and calcified granulomas.", "granulomas", {"laterality": ""}),
    # a procedure line that names no exam leaves it, and its side, to the
    # title opening the note, past the sections between
    ("US-GUIDED LAVAGE, RIGHT SHOULDER,INDICATION: , Pain for months.,PROCEDURE: , A needle was guided into the calcific deposit of the supraspinatus tendon.", "", {"site": "tendon", "laterality": "right"}),
    ("STEREOTACTIC BIOPSY, LEFT BREAST\nHISTORY: Screening recall.\nPROCEDURE: Vacuum-assisted sampling; the specimen radiograph shows calcifications.", "", {"site": "breast", "laterality": "left"}),
    ("ASPIRATION, LEFT KNEE,INDICATION: , Effusion.,PROCEDURE: , Under fluoroscopy, chondrocalcinosis was seen in the menisci.", "", {"site": "cartilage", "laterality": "left"}),
    # ... while an exam line that names its exam decides
    ("LEFT KNEE CLINIC NOTE,EXAM: , Chest x-ray, two views.,FINDINGS: , Lungs clear.  Calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    # a testicular or scrotal ultrasound: an unsited calcification is the
    # scrotum's, and a one-sided study gives its side
    ("EXAM: , Ultrasound left testicle.,FINDINGS: , Upper pole 3 mm calcification.  No mass.", "", {"site": "scrotum", "laterality": "left"}),
    ("EXAM: Testicular ultrasound\nFINDINGS: No discrete calcification or solid mass.", "", {"site": "scrotum", "laterality": ""}),
    ("EXAM: , US RIGHT TESTIS,IMPRESSION: , A single punctate calcification, likely benign.", "", {"site": "scrotum", "laterality": "right"}),
    # vessels named by the abbreviation of their branch
    ("FINDINGS:, Heavy calcification of the RPDA, which is small.", "", {"site": "coronary artery", "laterality": ""}),
    ("The OM3 is small and calcified.", "", {"site": "coronary artery", "laterality": ""}),
    ("Dense calcified plaque at the origin of the left ECA.", "", {"site": "carotid artery", "laterality": "left"}),
    ("OPERATIVE FINDINGS:, The LIMA was calcified and not used.", "", {"site": "artery"}),
    ("CTA:, Calcification at the IMA origin, patent.", "", {"site": "artery", "laterality": ""}),
    # 'both' of two parts of one organ names no two sides
    ("Scattered calcifications in both poles of the right kidney.", "", {"site": "kidney", "laterality": "right"}),
    ("LEFT KNEE:, Chondrocalcinosis in both compartments.", "", {"site": "cartilage", "laterality": "left"}),
    ("Linear calcification of both horns of the left medial meniscus.", "", {"site": "cartilage", "laterality": "left"}),
    ("Chondrocalcinosis of the menisci in both knees.", "", {"site": "cartilage", "laterality": "bilateral"}),
    # another finding joined after the mention, or before it over ', and',
    # keeps its place and side
    (CHEST + "Calcified granuloma and a small right pleural effusion.", "", {"site": "lung", "laterality": ""}),
    (CHEST + "There is a calcified granuloma as well as left lower lobe atelectasis.", "", {"site": "lung", "laterality": ""}),
    (CHEST + "CALCIFIED GRANULOMA WITH A TINY LEFT PLEURAL EFFUSION.", "", {"site": "lung", "laterality": ""}),
    (CHEST + "Right basilar atelectasis, and a calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CHEST + "Calcified granuloma in the right lower lobe with adjacent scarring.", "", {"site": "lung", "laterality": "right"}),
    # a device, fracture or operation listed beside it with a mere comma
    # keeps its side and place
    (CHEST + "Right-sided pacemaker, calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CHEST + "Calcified granuloma, left PICC tip at the cavoatrial junction.", "", {"site": "lung", "laterality": ""}),
    (CHEST + "Healed right rib fractures, calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    (CHEST + "Left chest port and a calcified granuloma.", "", {"site": "lung", "laterality": ""}),
    # ... while a place after the comma is the finding's, and a comma goes on
    # describing adenopathy
    (CHEST + "Calcified granuloma, left lung base.", "", {"site": "lung", "laterality": "left"}),
    ("Bulky left axillary adenopathy, some nodes calcified.", "", {"site": "lymph node", "laterality": "left"}),
    # a hilar place word right before a mask: the mask hides the node word
    # ('calcified hilar lymph XXXX'), as after 'hilar' itself
    (CHEST + "There are small densely calcified suprahilar XXXX on the right.", "", {"site": "lymph node", "laterality": "right"}),
    (CHEST + "STABLE LEFT INFRAHILAR XXXX WITH DENSE CALCIFICATION.", "", {"site": "lymph node", "laterality": "left"}),
    ("CXR:, Lungs clear., Few calcified perihilar XXXX, right greater than left.", "", {"site": "lymph node"}),
    # ... while a hilar place with a lung head of its own stays the lung's
    (CHEST + "Calcified granuloma in the left suprahilar lung.", "", {"site": "lung", "laterality": "left"}),
    # coordinated place words with no node word: the first names the site
    # (guide: where one phrase names two sites, the first)
    (CHEST + "Scattered mediastinal and hilar calcific densities, consistent with healed histoplasmosis.", "", {"site": "mediastinum"}),
    ("CXR:, MEDIASTINAL AND LEFT HILAR CALCIFICATION, STABLE.", "", {"site": "mediastinum"}),
    (CHEST + "Hilar and mediastinal calcified foci are again seen.", "", {"site": "lymph node"}),
    # ... while a node word after the list names nodes
    (CHEST + "Calcified mediastinal and hilar lymph nodes.", "", {"site": "lymph node"}),
    # an atherosclerotic finding that nothing places is an artery's, as
    # 'vascular' with no artery named is; never the heart muscle, kidney or
    # vein the sentence before names, while an artery or the aorta there is
    # the one it goes on about
    (CHEST + "A loop recorder overlies the left ventricle. Mild atheromatous calcification.", "", {"site": "artery", "laterality": ""}),
    ("FINDINGS:, Kidneys normal in size., There are atheromatous calcifications.", "", {"site": "artery", "laterality": ""}),
    ("EXAM: CT abdomen.\nFINDINGS: Pelvic phleboliths. Arteriosclerotic calcification is present.", "Arterio", {"site": "artery"}),
    (CHEST + "The descending aorta measures 3 cm. Some atheromatous calcification is present.", "", {"site": "aorta"}),
    (CHEST + "Arch of the aorta with atherosclerotic calcific plaque.", "", {"site": "aorta"}),
    # the cartilages of the sternum are the costal cartilages (physiologic)
    ("CT CHEST: Dense calcification in the cartilages of the sternum, a normal finding at this age.", "", {"site": "costal cartilage", "physiologic": True}),
    (CHEST + "Sternal cartilage calcification.", "", {"site": "costal cartilage", "physiologic": True}),
    ("Heavily calcified sternocostal cartilages made the closure difficult.", "", {"site": "costal cartilage", "physiologic": True}),
]


@pytest.mark.parametrize(("text", "word", "expected"), PARAPHRASES)
def test_paraphrase(finding_with, text, word, expected):
    f = finding_with(text, word)
    assert {name: getattr(f, name) for name in expected} == expected


@pytest.mark.parametrize(("text", "mention"), SPANS)
def test_paraphrased_span(findings_of, text, mention):
    assert mention in [f.mention for f in findings_of(text)]


def test_no_site_from_before_the_sentence_opening_the_item(findings_of):
    """A new numbered item is a new topic: a finding of it takes no site from
    the item before, however many sentences back (guide §2: the sentences
    before a finding speak of its place only where they go on about it)."""
    text = (
        "ASSESSMENT:,1. Stable calcified aortic valve.,2. Her sister had "
        "calciphylaxis on dialysis. We talked about how calciphylaxis might occur."
    )
    assert findings_of(text)[-1].site == ""
