"""Site, side, hedges and conditions as real reports write them (guide §2-§4).

Every sentence here is made up; each case is one class of error seen on real
reports: a region word that is not a node, the place a long note names once,
the exam that places a calcification, a hedge that has its own object, and
conditions the report does not assert for the patient.
"""

from __future__ import annotations

import pytest

SITES = [
    # A region beside the trachea is mediastinum (and sided); its nodes are nodes.
    ("Left paratracheal calcifications.", "mediastinum", "left"),
    ("Calcified right paratracheal lymph node.", "lymph node", "right"),
    # Above or below the hilum is lung, not the hilar nodes.
    ("A calcified granuloma in the left suprahilar region.", "lung", "left"),
    ("Calcified right infrahilar lymph XXXX.", "lymph node", "right"),
    # The plural of the paired lung bases names both sides.
    ("Calcified granulomas at the lung bases.", "lung", "bilateral"),
    # Two sided sites joined by 'and' after one finding name both sides.
    ("A calcified granuloma in the right upper lobe and left lower lobe.", "lung", "bilateral"),
    # ... and so do body regions outside the vocabulary, named in the place
    # phrase after the finding or after its site ('of' the whole).
    ("Calcinosis in the soft tissues of the right thumb and left index finger.", "soft tissue", "bilateral"),
    ("Vascular calcification of the right hand and left foot.", "artery", "bilateral"),
    # Joints led to by 'about' are the tissue about them (guide §2 vocabulary).
    ("Calcific deposits about the left shoulder and right hip joints.", "periarticular soft tissue", "bilateral"),
    ("Calcified densities in the right paratracheal region and left perihilar region.", "mediastinum", "bilateral"),
    # The side of a later item joined by 'and' is that item's.
    ("Left lower pole thyroid nodule with calcifications, and a right lobe nodule without.", "thyroid", "left"),
    # The bladder and the prostate take the side written on their part.
    ("Mural calcification along the left lateral bladder wall.", "bladder", "left"),
    ("Calcifications in the right peripheral zone of the prostate.", "prostate", "right"),
    # Sites listed before the finding: the first (guide §2).
    ("The abdominal aorta and the iliac arteries show dense mural calcification.", "aorta", ""),
    # ... a part or side word opening the next item keeps it a list item.
    ("The infrarenal aorta and distal left iliac artery demonstrate calcified plaque.", "aorta", ""),
    ("The descending aorta and mid right subclavian artery have mural calcification.", "aorta", ""),
    # ... and so does a label naming two sites with a slash.
    ("Spleen/liver: a few calcified granulomas.", "spleen", ""),
    ("Aorta/iliacs: moderate calcified plaque.", "aorta", ""),
    # A body region in the mention's words yields to a vocabulary site there.
    ("Bilateral periarticular shoulder calcifications.", "periarticular soft tissue", "bilateral"),
    # 'either' before a paired organ speaks of both; 'either ... or' of no side.
    ("No calcification in either kidney.", "kidney", "bilateral"),
    ("A density, either a granuloma or a calcified node.", "lymph node", ""),
    # ... and sites listed after a comma right after the mention.
    ("Two calcified nodules, RUL and LLL, likely benign.", "lung", "bilateral"),
    ("A calcified granuloma, right lower lobe, left lung clear.", "lung", "right"),
    ("Left upper lobe calcified granuloma, with right upper lobe scarring.", "lung", "left"),
    # An item naming another thing after the place keeps its side to itself.
    ("A calcified granuloma in the right lower lobe and left basilar atelectasis.", "lung", "right"),
    ("A calcified granuloma in the right lower lobe and the left lung is clear.", "lung", "right"),
    ("Calcification in the right shoulder and a left knee effusion.", "", "right"),
    # 'bi-' names both sides of the lungs.
    ("Bibasilar calcified granulomas.", "lung", "bilateral"),
    ("Calcified granulomas seen biapically.", "lung", "bilateral"),
    ("Mediastinal and left hilar calcifications.", "mediastinum", "left"),
    # A structure the lesion presses on is a landmark beside it, not its place.
    ("A lobulated mass in the right lower lobe abutting the pericardium, with internal calcification.", "lung", "right"),
    ("A 4 cm left adrenal mass displacing the kidney, with coarse calcification.", "adrenal gland", "left"),
    # so is a vessel a tumour encases or an organ it invades
    ("Left suprarenal mass crossing midline and encasing the aorta and SMA, with stippled calcifications.", "adrenal gland", "left"),
    ("Mass in the right adrenal gland encasing the IVC, with coarse calcification.", "adrenal gland", "right"),
    ("A right adrenal mass invading the upper pole of the kidney with calcification.", "adrenal gland", "right"),
    # The exam named in the sentence places the calcification.
    ("Punctate calcifications were seen on mammography.", "breast", ""),
]


@pytest.mark.parametrize(("text", "site", "laterality"), SITES)
def test_site_and_side_of_region_words(only, text, site, laterality):
    f = only("FINDINGS: " + text)
    assert (f.site, f.laterality) == (site, laterality)


@pytest.mark.parametrize(
    "text",
    [
        # A site after a slash is another name for the lesion, not its place.
        "Stable calcified granulomas/lymph nodes.",
        # A site of an earlier item of a list is not this item's.
        "Apical pleural thickening, and calcified granulomas.",
    ],
)
def test_chest_granulomas_keep_the_exam_site(only, text):
    f = only("EXAMINATION: Chest x-ray.\nFINDINGS: " + text)
    assert f.site == "lung"


def test_side_word_of_another_finding_is_not_taken(findings_of):
    text = (
        "EXAMINATION: Chest x-ray.\nFINDINGS: Calcified nodules likely "
        "granulomas and a calcified right hilar node."
    )
    nodules, node = findings_of(text)
    assert (nodules.laterality, node.laterality) == ("", "right")
    # a side word leading the first finding reaches over the 'and'
    text = "CT HEAD.\nFINDINGS: Bilateral basal ganglia calcifications and thalamic calcifications."
    assert [f.laterality for f in findings_of(text)] == ["bilateral", "bilateral"]


def test_calcified_phrase_runs_to_its_head_noun(only):
    f = only("Calcified lingular granuloma.")
    assert (f.mention, f.site, f.laterality) == (
        "Calcified lingular granuloma",
        "lung",
        "left",
    )


def test_calcified_thoracic_aorta_is_one_span(only):
    assert only("Calcified thoracic aorta.").mention == "Calcified thoracic aorta"


def test_site_named_some_sentences_before(only):
    text = (
        "A 3 cm mass in the right lower lobe was biopsied. The pathology was "
        "reviewed. Cultures were sent. There was calcification within the mass."
    )
    f = only(text)
    assert (f.site, f.laterality) == ("lung", "right")


def test_site_of_the_lesion_the_sentence_points_back_to(only):
    text = (
        "CT showed a 3 cm mass in the right lower lobe abutting the left main "
        "bronchus. There was calcification within the mass."
    )
    f = only(text)
    assert (f.site, f.laterality) == ("lung", "right")


def test_denied_finding_does_not_take_a_far_site(only):
    text = (
        "A 3 cm mass in the right lower lobe was biopsied. The pathology was "
        "reviewed. Cultures were sent. No calcification was identified."
    )
    f = only(text)
    assert (f.site, f.negated) == ("", True)


def test_line_label_names_the_site_of_its_sentences(findings_of):
    text = "FINDINGS:\nRight breast: Stable scar. Coarse calcifications at the scar.\n"
    (f,) = findings_of(text)
    assert (f.site, f.laterality) == ("breast", "right")


@pytest.mark.parametrize(
    "text",
    [
        "EXAM: Bilateral screening mammogram.\nFINDINGS: Scattered calcifications.",
        "BILATERAL SCREENING MAMMOGRAM,FINDINGS:, Scattered calcifications.",
    ],
)
def test_mammogram_exam_places_present_calcifications(only, text):
    assert only(text).site == "breast"


def test_mammogram_exam_places_a_denied_calcification_too(only):
    # guide §2 step 5 has no exception for a denied finding: what a mammogram
    # denies is denied in the breast
    text = "EXAM: Bilateral screening mammogram.\nFINDINGS: No suspicious calcifications."
    assert only(text).site == "breast"


def test_breast_words_in_history_do_not_make_a_mammogram(only):
    text = (
        "CHIEF COMPLAINT:, Right breast cancer.,HISTORY:, Breast cancer, "
        "breast surgery.,FINDINGS:, Scattered calcifications."
    )
    assert only(text).site == ""


@pytest.mark.parametrize(
    ("text", "uncertain"),
    [
        ("Opacities suggestive of granulomas and several calcified hilar nodes.", False),
        ("These may represent calcified granulomas and calcified nodes.", True),
        ("Possibly a calcified granuloma.", True),
    ],
)
def test_hedge_stops_at_and_after_its_own_object(findings_of, text, uncertain):
    assert findings_of(text)[-1].uncertain is uncertain


@pytest.mark.parametrize(
    "text",
    [
        "Lingular scarring and/or atelectasis.",
        "Minimal bibasilar atelectasis/scar.",
        "No acute, displaced rib fractures are seen.",
        "INDICATION: tuberculosis positive PPD.",
        "Histoplasmosis antigen testing was sent.",
        "INDICATION: kidney transplant workup.",
        "INDICATION: lung transplant evaluation.",
        "Surgical markers were placed for surgical planning.",
        "Risks include infection, deep vein thrombosis and bleeding.",
        "Possible complications include deep vein thrombosis.",
        "PREOPERATIVE DIAGNOSIS:, Knee pain.,POSTOPERATIVE DIAGNOSIS:, Knee pain.",
        "PROCEDURE PERFORMED:, Left breast lumpectomy.,ANESTHESIA:, General.",
        "PROCEDURE:, Excision of the mass.",
        "She is scheduled to have a lumpectomy next week.",
        # a hedge or differential over conditions covers its whole list
        "The differential diagnosis includes sarcoidosis and tuberculosis.",
        "The nodes may reflect sarcoidosis and prior histoplasmosis.",
        # 'status post' names no surgery before a treatment word
        "INDICATION: Positive PPD, status post treatment.",
    ],
)
def test_conditions_not_asserted_for_the_patient(analyzer, text):
    result = analyzer.analyze(text + "\nPelvic phleboliths.", "T")
    assert [c.name for c in result.conditions] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PAST SURGICAL HISTORY:, Left breast lumpectomy.", "prior surgery"),
        ("EXAM: Alert. She had a lumpectomy in 2001.", "prior surgery"),
        ("s/p renal transplant.", "prior surgery"),
        ("Caseating granulomatous inflammation.", "granulomatous disease"),
        ("PREOPERATIVE DIAGNOSIS:, Osteoarthritis of the knee.", "osteoarthritis"),
        ("Old TB.", "tuberculosis"),
        # everyday and radiology names of conditions the tables lacked
        ("HISTORY: Heart attack in 2010.", "infarct"),
        ("Right apical opacity from radiation change.", "radiation therapy"),
        ("PREOPERATIVE DIAGNOSIS:, Degenerative arthritis of the hip.", "osteoarthritis"),
        ("There is a right lower quadrant ostomy.", "prior surgery"),
        ("Partially imaged lumbar spine fusion hardware.", "prior surgery"),
        ("Bilateral breast prostheses.", "prior surgery"),
        ("PMH: Post-traumatic arthritis of the wrist.", "trauma"),
        # the dermoid cyst by its pathology name
        ("Mature cystic teratoma of the left ovary.", "cyst"),
        ("HISTORY: Known cystic teratoma, followed.", "cyst"),
        # 'to have' after continue/found/known asserts; it plans only after a plan word
        ("She continued to have a large hematoma after the biopsy.", "hematoma"),
        ("He was found to have sarcoidosis.", "sarcoidosis"),
        # complications the patient has are not risks discussed before surgery
        (
            "Diabetes with complications including chronic kidney disease.",
            "chronic kidney disease",
        ),
    ],
)
def test_conditions_the_report_asserts(analyzer, text, name):
    result = analyzer.analyze(text + "\nPelvic phleboliths.", "T")
    assert name in [c.name for c in result.conditions]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 'status post' before another condition leaves that condition alone
        ("INDICATION: Status post MVA.", ["trauma"]),
        ("INDICATION: s/p fall.", ["trauma"]),
        # before a procedure the tables do not name it is the prior surgery
        ("INDICATION: s/p left TAVR.", ["prior surgery"]),
    ],
)
def test_status_post_names_surgery_only_before_one(analyzer, text, names):
    result = analyzer.analyze(text + "\nPelvic phleboliths.", "T")
    assert [c.name for c in result.conditions] == names


@pytest.mark.parametrize(
    "text",
    [
        "Punctate calcification in the left adrenal gland. No other abnormal calcification.",
        "Calcified granuloma in the spleen. No other calcifications are seen.",
    ],
)
def test_a_denial_of_the_rest_names_no_place(findings_of, text):
    first, rest = findings_of("EXAM: CT abdomen\nFINDINGS: " + text)
    assert (rest.negated, rest.site, rest.laterality) == (True, "", "")
    assert first.site


@pytest.mark.parametrize(
    ("text", "site", "laterality"),
    [
        # A plural in a label that heads several things names no side of
        # them; a label of the plural organ alone does.
        ("EXAM: CT chest\nFINDINGS: ,MEDIASTINUM AND HILA: , Calcified subcarinal lymph node.", "lymph node", ""),
        ("EXAM: Renal US\nFINDINGS: ,KIDNEYS: , Medullary nephrocalcinosis.", "kidney", "bilateral"),
        # Tissue beside the testis is the scrotum's.
        ("EXAM: US scrotum\nFINDINGS: Left extratesticular calcification, 3 mm.", "scrotum", "left"),
    ],
)
def test_labels_and_exams_of_whole_reports(only, text, site, laterality):
    f = only(text)
    assert (f.site, f.laterality) == (site, laterality)


def test_a_later_item_keeps_its_place_and_side(findings_of):
    spleen, liver = findings_of(
        "EXAM: CT\nFINDINGS: Punctate splenic calcifications and a 7 mm "
        "calcification in the right lobe of the liver."
    )
    assert (spleen.site, spleen.laterality) == ("spleen", "")
    assert (liver.site, liver.laterality) == ("liver", "right")


@pytest.mark.parametrize(
    "text",
    [
        "PROCEDURE: Aortic valve replacement.\nFINDINGS: The leaflets were heavily calcified and immobile.",
        "PROCEDURE: Aortic valve replacement.\nFINDINGS: The valve was trileaflet and its cusps were calcified.",
        "PROCEDURE PERFORMED: , Aortic valve replacement.,FINDINGS: , The leaflets were heavily calcified.",
    ],
)
def test_the_valve_of_the_operation(only, text):
    # the valve a note's operation line names is the one its leaflets are of
    assert only(text).site == "aortic valve"

