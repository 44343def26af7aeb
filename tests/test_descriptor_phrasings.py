"""Descriptors over many phrasings (corpora/GUIDE.md, Descriptors): made-up
sentences, one row each, so that a rule fitted to one wording shows up as a
failure on another. Sizes in mm, cm and words, "x" and "by", before and after
the noun, and sizes of another lesion that must not be taken; calcium scores
and percentiles; change, BI-RADS shape and grade words in their variants."""

from __future__ import annotations

import pytest

SIZES = [
    ("A 5 mm calcified granuloma in the right upper lobe.", "calcified granuloma", 5),
    # a margin is how far it lies from an edge, not its size
    ("Specimen film: the targeted calcifications are in the specimen, nearest margin 6 mm.", None, None),
    ("Specimen film: calcifications within the core, margins 3 mm or more.", None, None),
    # a sized focus its sentence says is the calcification
    ("A 9 mm dense focus in the right upper lobe represents a calcified granuloma.", None, 9),
    ("A 3 mm echogenic focus in the left kidney represents a parenchymal calcification.", None, 3),
    ("Calcified granuloma in the right upper lobe measuring 6 mm.", None, 6),
    ("Calcified granuloma measuring up to 7 mm in the left lower lobe.", None, 7),
    ("Calcified nodule measuring approximately 1.2 x 0.8 cm in the lingula.", None, 12),
    ("Calcified nodule measuring 1.2 by 0.9 cm in the lingula.", None, 12),
    ("Calcified nodule, 8 x 6 x 5 mm, in the right lower lobe.", None, 8),
    ("A 4 millimeter calcified granuloma in the spleen.", None, 4),
    ("A 1.5 centimeter calcified mass in the pelvis.", None, 15),
    ("Approximately 9 mm calcified granuloma in the left upper lobe.", None, 9),
    ("Two calcified granulomas, 3-4 mm, in the right lung.", None, 4),
    ("Calcified granulomas measuring 2 to 5 mm in both lungs.", None, 5),
    ("Calcified granulomas up to 6 mm in both lungs.", None, 6),
    ("Sub-centimeter calcified nodule in the left upper lobe.", None, None),
    ("Subcentimeter calcified granuloma in the right lower lobe.", None, None),
    ("A 3.2 cm mass with internal calcification.", None, None),
    ("Coarse calcification within a 2 cm thyroid nodule.", None, None),
    ("A 4 cm cyst with a rim of calcification.", None, None),
    (
        "Calcified granuloma in the right lower lobe and a 6 mm noncalcified "
        "nodule in the left upper lobe.",
        "Calcified granuloma",
        None,
    ),
    (
        "A 7 mm noncalcified nodule and a calcified granuloma in the right lung.",
        "calcified granuloma",
        None,
    ),
    ("Calcified granuloma in the left lower lobe, 5 mm.", None, 5),
    ("Calcified granuloma (5 mm) in the left lower lobe.", None, 5),
    ("Calcified granuloma in the left lower lobe (4 mm).", None, 4),
    ("Punctate 2mm calcification in the right kidney.", None, 2),
    ("A 5x4mm calcification in the right kidney.", None, 5),
    ("Calcified lymph node measuring 1.1 cm in the subcarinal station.", None, 11),
    ("Calcified fibroid measuring 3.4 x 2.1 x 2.8 cm.", None, 34),
    ("A densely calcified 2.5 cm fibroid.", None, 25),
    ("The calcified granuloma measures 9 mm.", None, 9),
    ("Calcified granuloma is 7 mm in size.", None, 7),
    ("Calcified granulomas, largest 6 mm, in the right lung.", None, 6),
    ("A 2 cm calcified mass adjacent to a 5 cm cyst.", None, 20),
    ("A calcified mass adjacent to a 5 cm cyst.", None, None),
    ("Calcified nodule near a 1.5 cm mass in the right upper lobe.", None, None),
    ("A 4 cm renal mass with a 6 mm calcification.", "calcification", 6),
    ("Calcified granuloma in the left lower lobe, previously 5 mm.", None, None),
    # plain adjectives between the size and the mention
    ("There is a 5 mm well-circumscribed calcified granuloma in the RLL.", None, 5),
    ("A 5 mm well defined calcified nodule in the right lower lobe.", None, 5),
    ("5 mm benign-appearing calcified nodule in the right lower lobe.", None, 5),
    ("Left kidney: 6 mm nonobstructing calcification in the lower pole.", None, 6),
    (
        "8 mm shadowing echogenic focus in the left kidney, most consistent "
        "with a calcification.",
        "calcification",
        8,
    ),
    # adjectives a comma or "and" lists between the size and the mention
    (
        "There is a 5 mm cluster of round and punctate calcifications in the "
        "lower outer quadrant.",
        None,
        5,
    ),
    ("A 3 cm area of peripheral, curvilinear calcification in the thigh muscle.", None, 30),
    ("A 2.4 cm amorphous, fluffy calcific density projects over the humeral head.", None, 24),
    ("A 6 mm stone and dense calcification in the kidney.", None, None),
    # the container's size is not the calcification's
    ("A 7 cm uterine fibroid containing coarse calcification.", None, None),
    ("A 3 cm lymph node contains a punctate calcification.", None, None),
    # but not across a preposition, an article or another lesion noun
    ("The stent ends 2 cm distal to the calcified plaque.", "calcified plaque", None),
    ("A 5 mm nodule near calcified granuloma in the RLL.", "calcified granuloma", None),
    ("Ostium 3 mm wide, the calcified plaque beyond it.", "calcified plaque", None),
    # an adjective mention: the size of the lesion it is said of
    ("The 3 cm mass in the pelvis is partially calcified.", None, 30),
    ("Peripherally calcified pelvic mass, 3 cm.", None, 30),
    ("2 cm long calcified plaque in the proximal LAD.", None, 20),
    # a size part after an "and" of the mention's place
    (
        "Calcified plaques along the left hemidiaphragm and the right chest wall, "
        "the largest measuring 2.1 cm.",
        None,
        21,
    ),
    ("Scattered calcifications in the wrist and the palm, measuring up to 6 mm.", None, 6),
    # ... with no comma before the size lead: the place after the "and" is
    # the mention's place still, so the size is the mention's
    ("Calcified nodules in the right apex and lingula measuring up to 3 mm.", None, 3),
    ("Calcified nodes in the hilum and the mediastinum measuring up to 8 mm.", None, 8),
    (
        "Calcified granuloma in the right lung and a nodule in the left lung "
        "measuring 6 mm.",
        "Calcified granuloma",
        None,
    ),
    ("Calcified plaque in the LAD and aneurysm measuring 4 cm.", None, None),
    (
        "Calcified granuloma in the right lung and a nodule in the left lung, "
        "measuring 6 mm.",
        "Calcified granuloma",
        None,
    ),
    # an adjective mention a comma sets after its sized lesion, closing the
    # sentence
    ("The descending aorta shows a 3.5 mm mobile plaque, partially calcified.", None, 3.5),
    ("There is a 2 cm cyst, and the aorta is calcified.", None, None),
    # ... but not one a dimension word gives the subject before it, nor one of
    # a new noun phrase an "and" opens; an "and" right before the mention lists
    ("The stent is 8 cm long, heavily calcified.", None, None),
    ("Calcified plaque in the LAD and an aneurysm of the aorta, measuring 4 cm.", None, None),
    ("A 2 cm hypoechoic and calcified nodule in the thyroid.", None, 20),
    # a distance is not a size
    ("Calcified plaque located 2 cm distal to the ostium.", None, None),
    ("Calcified granuloma 3 cm from the pleura.", None, None),
    # a size that opens the part after a colon
    ("Calcified granuloma: 5 mm.", None, 5),
    ("Calcified granuloma in the RUL, size: 5 mm.", None, 5),
    ("Calcified granuloma: 2 cm distal to the fissure.", None, None),
    ("Calcified granuloma: see below. 5 mm nodule in the LLL.", None, None),
    ("Small (5 mm) calcified granuloma in the RUL.", None, 5),
    ("A calcified granuloma is noted in the RUL and measures 6 mm.", None, 6),
    # a size and the adjective mention an "and" joins as predicates set off
    # after the lesion noun give the calcified lesion its size
    ("Treated left hilar node, now 11 mm and calcified.", None, 11),
    ("Right axillary node, 9 mm and calcified.", None, 9),
    # a plural subject's verb, after an adjective the copula gives it
    ("The splenic calcifications are dense and measure up to 9 mm.", None, 9),
    ("Two calcified nodes are seen at the left hilum and measure 8 mm.", None, 8),
    (
        "A calcified granuloma is seen in the RUL and a nodule in the LLL measures 6 mm.",
        "calcified granuloma",
        None,
    ),
    # an image reference between the mention and its size is no other number
    (
        "Calcified granuloma in the right upper lobe (series 3, image 45), "
        "measuring 6 mm.",
        None,
        6,
    ),
    ("Calcified granuloma (image 45) in the RUL measuring 6 mm.", None, 6),
    # a distance from the nipple and a numbered place are places, not sizes
    (
        "A group of punctate calcifications in the right breast at 10 o'clock, "
        "4 cm from the nipple, spanning 7 mm.",
        None,
        7,
    ),
    (
        "Amorphous calcifications in the left breast at 3 o'clock, 5 cm FN, "
        "measuring 8 mm.",
        None,
        8,
    ),
    ("Amorphous calcifications at 2 o'clock, 6 cm from the nipple.", None, None),
    # ... in other words and units, and so is a place beside a biopsy marker
    ("Grouped calcifications in the left breast, 3 cm deep to the nipple, measuring 4 mm.", None, 4),
    ("Amorphous calcifications at 2 o'clock, 45 mm from the nipple, spanning 6 mm.", None, 6),
    ("Residual calcifications 5 mm from the biopsy clip, spanning 3 mm.", None, 3),
    ("Residual calcifications 5 mm from the clip.", None, None),
    ("Punctate calcifications 2 cm posterior to the marker clip.", None, None),
    # an extent that an article and an area noun give after an extent word,
    # or that "with an extent of" opens, is the group's
    (
        "Punctate calcifications at 4 o'clock, 6 cm from the nipple, extending "
        "over a 9 mm area.",
        None,
        9,
    ),
    ("Amorphous calcifications involving a 2 cm area of the left breast.", None, 20),
    ("Amorphous calcifications in the left breast next to a 15 mm mass.", None, None),
    ("Amorphous calcifications in the left breast with an extent of 2 cm.", None, 20),
    (
        "Fine linear calcifications in the right breast with a total extent of "
        "approximately 4.5 cm.",
        None,
        45,
    ),
    ("Amorphous calcifications in the left breast with a 2 cm mass.", None, None),
    # a change word and "from" before a range joined by "to": today's size is
    # the range's end
    ("The calcific deposit has decreased in size from 14 mm to 6 mm.", None, 6),
    ("Calcified granuloma, increased from 4 to 7 mm.", None, 7),
    ("Calcified granuloma has grown from 0.5 cm to 0.8 cm.", None, 8),
    ("Calcified granulomas ranging from 3 to 12 mm.", None, 12),
    ("Calcified granuloma, decreased from 12 mm.", None, None),
    # the "from" of the course a group runs is a place, not an earlier size
    (
        "Fine linear calcifications in a segmental distribution extending from the "
        "subareolar region toward 12 o'clock over 4 cm.",
        None,
        40,
    ),
    ("Fine linear calcifications radiating from the nipple toward the chest wall for 6 cm.", None, 60),
    ("Calcified granuloma in the RUL, previously 6 mm, extending from the fissure.", None, None),
    # a size after a course verb is the length it runs, the "from" after it
    # the place it runs from, no distance from another thing; but how far it
    # reaches "into" another place is no size of it (the corpus gold: "plaque
    # at the bifurcation, extending 2 cm into the internal carotid" has none)
    ("Dense calcification of the left stylohyoid ligament extends 41 mm from the skull base.", None, 41),
    ("Linear calcification of the right iliolumbar ligament extending 2.5 cm from the transverse process.", None, 25),
    ("Plaque-like calcification of the dural sheath running 18 mm into the canal.", None, None),
    ("Calcified plaque at the left carotid bulb extending 15 mm into the internal carotid artery.", None, None),
    # nor is a size inside the place it reaches into; one after a mark or a
    # size word after that place is the calcification's
    ("Calcified plaque extending from the bulb into the first 15 mm of the internal carotid artery.", None, None),
    ("Calcified plaque running from the bifurcation into the proximal 1.5 cm of the ICA.", None, None),
    ("Calcification extending into the soft tissues, measuring 2 cm.", None, 20),
    ("Calcified granuloma in the right upper lobe, 12 mm from the fissure.", None, None),
    (
        "Ultrasound showed two calcified foci in liver segments 4 and 5, the larger 6 mm.",
        None,
        6,
    ),
    ("Calcified granuloma in hepatic segment 7, measuring 8 mm.", None, 8),
    ("Calcified granuloma in segment 7, previously 8 mm.", None, None),
    # a range, its largest size, units per dimension
    ("Numerous calcified granulomas ranging in size from 3 to 12 mm.", None, 12),
    ("Numerous calcified granulomas ranging from 3 mm to 1.2 cm.", None, 12),
    ("Calcified granuloma measuring 1.2 cm x 0.8 cm.", None, 12),
    # an earlier size is still not the mention's
    ("Calcified granuloma, 6 mm, previously 4 mm.", None, 6),
    # past a comma after a mention a "with" gives to a vessel its site words
    # name, a size is the vessel's calibre; not so for an organ
    ("Infrarenal aorta with scattered mural calcification, 3.1 cm.", None, None),
    ("Right common iliac artery with calcified plaque, 1.3 cm.", None, None),
    ("Calcified plaque in the right common iliac artery, 1.3 cm.", None, 13),
    ("Spleen with a calcified granuloma, 7 mm.", None, 7),
    # an ordinal in the mention's place is no other number before its size
    ("Round calcification beside the 3rd PIP joint, 0.8 cm, no erosion.", None, 8),
    ("Calcified granuloma abutting the 5th rib, 6 mm.", None, 6),
    # a differential that names the mention as what a sized focus may be
    (
        "7 mm hyperdense focus in the left thalamus, hemorrhage versus calcification.",
        "calcification",
        7,
    ),
    (
        "5 mm echogenic focus in the gallbladder wall, polyp vs calcification.",
        "calcification",
        5,
    ),
    (
        "4 mm dense focus in the right kidney, calcification versus a small stone.",
        "calcification",
        4,
    ),
    # past a hedge of the first alternative
    (
        "6 mm bright focus in the right lobe, possible calcification vs gas.",
        "calcification",
        6,
    ),
    (
        "3 mm echogenic focus at the lower pole, probable renal calcification "
        "versus a tiny calculus.",
        "renal calcification",
        3,
    ),
    # the foci a size lead sizes, one of the things the focus may be, a head
    # past a clause that denies another lesion
    (
        "Within the liver are two echogenic foci, the larger 4 mm, consistent "
        "with calcified granulomas.",
        None,
        4,
    ),
    (
        "The spleen holds several shadowing foci, the largest measuring 5 mm, "
        "likely calcifications.",
        None,
        5,
    ),
    (
        "A 5 mm echogenic focus in the right kidney, which could represent a "
        "stone or a parenchymal calcification.",
        None,
        5,
    ),
    (
        "Round 6 mm density over the left kidney may represent a stone or a "
        "vascular calcification.",
        None,
        6,
    ),
    ("A 4 mm echodensity on the mitral annulus, thrombus versus calcified debris.", None, 4),
    (
        "A 5 mm echogenic focus in the testis, without an associated mass, "
        "corresponding to a calcification.",
        None,
        5,
    ),
    # a focus in the part before a semicolon
    (
        "A 3 mm echogenic focus in the renal cortex with faint shadowing; its "
        "cortical position indicates parenchymal calcification rather than a stone.",
        None,
        3,
    ),
    ("A 5 mm nodule in the right upper lobe; calcified granuloma in the left lower lobe.", None, None),
    # a loose body, and a mention that a bracket names again after the link
    (
        "A 4 mm mobile echogenic body lies in the left hydrocele, in keeping with "
        "a scrotal pearl (calcified loose body).",
        "calcified loose body",
        4,
    ),
    (
        "A 6 mm loose body in the suprapatellar recess, likely calcified cartilage.",
        None,
        6,
    ),
    # a calcified lesion named as what the sized host of a calcification is
    (
        "A 3.2 cm exophytic uterine mass with coarse peripheral calcification, "
        "consistent with a degenerated calcified fibroid.",
        "calcified fibroid",
        32,
    ),
    (
        "A 1.4 cm nodule with dense central calcification, consistent with a "
        "calcified granuloma.",
        "calcified granuloma",
        14,
    ),
    # the calcification a carrier noun and "of" give the host ("with a thin
    # rim of calcification") is the host's as much
    (
        "A 6 mm ovoid lesion with a thin rim of calcification along the splenic "
        "hilum, consistent with a calcified aneurysm.",
        "calcified aneurysm",
        6,
    ),
    (
        "A 2.5 cm renal lesion with a faint rim of calcification, "
        "consistent with a calcified cyst.",
        "calcified cyst",
        25,
    ),
    (
        "A 9 mm thyroid nodule with punctate calcifications, likely microcalcifications.",
        "microcalcifications",
        None,
    ),
    # a sized focus between the finding before and the link is what it names
    (
        "A 6 mm signal void in the left peripheral zone corresponds to a "
        "calcification on the prior CT.",
        None,
        6,
    ),
    # a full stop the sentence splitter takes for an abbreviation's ("mL.")
    (
        "MRI PELVIS,FINDINGS: , Gland volume 38 mL.  A 6 mm signal void in the "
        "left peripheral zone corresponds to a calcification on the prior CT.",
        None,
        6,
    ),
    # an echogenic structure is a head; a cystic one holds what is named
    (
        "A 3 mm mobile echogenic structure in the scrotal sac, compatible with a "
        "scrotal calcification.",
        None,
        3,
    ),
    (
        "A 1.4 cm cystic structure with dependent echogenic debris, consistent "
        "with milk of calcium.",
        None,
        None,
    ),
    # a mention that opens the next part with a restating predicate after it
    (
        "A 6 mm hyperdense focus in the right caudate; calcification is favored "
        "over blood products.",
        None,
        6,
    ),
    ("A 6 mm nodule in the right lung; calcification in the aorta.", None, None),
    # the host nodule's size is not that of the foci it holds; a calcific
    # density keeps its own size
    (
        "A 9 mm solid nodule in the right lobe containing tiny echogenic foci, "
        "likely microcalcifications.",
        None,
        None,
    ),
    (
        "A 6 mm calcific density projects over the left pelvis, which may "
        "represent a distal ureteral stone or a phlebolith.",
        "phlebolith",
        None,
    ),
    (
        "A 5 mm focus of signal loss in the right putamen is dark on the phase "
        "map and matches a calcification on the prior CT.",
        None,
        5,
    ),
    # not a differential of the focus: another lesion's comparison
    (
        "4 cm mass in the liver, a cyst versus hemangioma; calcification in the spleen.",
        "calcification",
        None,
    ),
    # a size that commas set off after the subject of a predicate adjective
    ("A right hilar lymph node, 1.2 cm, is calcified.", "calcified", 12),
    ("The left adnexal mass, measuring approximately 3.5 cm, is peripherally calcified.", "calcified", 35),
    ("A 2 cm cyst in the liver, which is calcified.", "calcified", None),
    # "now" gives the current size past an earlier one
    ("Calcified granuloma in the right upper lobe, previously 4 mm, now 6 mm.", None, 6),
    # a sized focus set off by commas after a longer place (two place
    # phrases) is still what the restating link names
    ("US: Shadowing focus in the tendon near the trochanter, 7 mm, consistent with calcification.", None, 7),
    (
        "US: Hyperechoic shadowing focus within the gluteus medius tendon near the greater "
        "trochanter, 7 mm, consistent with calcification.",
        None,
        7,
    ),
    # a size dated before the mention is the earlier one when "now" gives today's
    ("Previously noted 10 mm calcific deposit in the supraspinatus tendon, now 3 mm.", None, 3),
    ("Previously seen 9 mm calcification in the supraspinatus tendon now measures 4 mm.", None, 4),
    # with no size of today, the dated size stays the finding's
    ("Previously noted 10 mm calcific deposit in the supraspinatus tendon, unchanged.", None, 10),
    ("Calcified hilar node, formerly 8 mm, currently 1.1 cm.", None, 11),
    # not past another lesion
    ("Calcified granuloma in the right upper lobe; a nodule there now measures 6 mm.", None, None),
    # a comma before the sized focus does not cut it from its restating link
    (
        "Separately, a 5 mm echogenic shadowing focus in the lower pole of the left "
        "kidney is compatible with a parenchymal calcification.",
        "parenchymal calcification",
        5,
    ),
    (
        "In addition, a 4 mm dense focus in the right upper lobe likely represents "
        "a calcified granuloma.",
        "calcified granuloma",
        4,
    ),
    # the link's own hedge after the comma opens no phrase of its own
    (
        "A 6 mm hyperdense focus in the right basal ganglia, which likely "
        "represents a calcification.",
        "calcification",
        6,
    ),
    (
        "A 6 mm hyperdense focus in the right basal ganglia, favored to represent "
        "calcification.",
        "calcification",
        6,
    ),
    # another phrase after the comma still does
    (
        "A 6 mm hyperdense focus in the right basal ganglia, the left thalamus "
        "likely represents a calcification.",
        "calcification",
        None,
    ),
    # a pronoun and a restating link opening the next sentence name the focus
    ("A 6 mm echogenic focus in the testis. This likely represents a calcification.", "calcification", 6),
    (
        "A 6 mm hyperdense focus in the right basal ganglia. It most likely "
        "represents calcification.",
        "calcification",
        6,
    ),
    ("A 6 mm nodule in the right lung. Calcified granuloma in the left lung.", "Calcified granuloma", None),
    # a past copula after a size that "measuring" gives is the mention's verb
    ("A calcified mass measuring 4 x 3 x 3 cm was excised from the pelvis.", "calcified mass", 40),
    ("Two calcified nodes measuring up to 9 mm were removed.", "calcified nodes", 9),
    # the period of "approx." abbreviates the word and ends no sentence
    ("Calcified granuloma in the lingula, approx. 6 mm.", "Calcified granuloma", 6),
    ("A splenic calcification measuring approx. 3 mm, likely granulomatous.", "splenic calcification", 3),
    # a pressure in millimetres of mercury is no size
    ("Calcification of the aortic valve, peak gradient 40 mm Hg.", "Calcification", None),
    ("Calcified mitral annulus, mean gradient 6 mm of mercury.", "Calcified mitral annulus", None),
    # a number with a rate unit is a velocity or a flow, no size
    ("Calcified plaque at the left carotid bulb, peak velocity 212 cm/s.", "Calcified plaque", None),
    ("Densely calcified aortic valve, peak velocity 36 cm/sec.", "calcified aortic valve", None),
    ("Calcified plaque of the right ICA, end diastolic velocity 48 cm per second.", "Calcified plaque", None),
    ("Calcified mitral annulus; a jet of 9 mm/s by M-mode.", "Calcified mitral annulus", None),
    ("Calcified plaque at the bulb measuring 6 mm, peak velocity 140 cm/s.", "Calcified plaque", 6),
    # how far a plaque reaches beyond its place is no size of it
    ("A calcified plaque at the right ICA origin extending 1.5 cm distally.", "calcified plaque", None),
    ("Calcified plaque of the common femoral artery extends 3 cm proximally.", "Calcified plaque", None),
    # a sized lesion noun, its place, then "which is" or a closing comma
    # before a one-word calcified mention: the lesion's size
    ("We note a 6 mm nodule at the left base which is calcified.", "calcified", 6),
    ("There is a 1.1 cm mass that appears partially calcified.", "calcified", 11),
    ("A 4 mm granuloma within the lingula, densely calcified.", "calcified", 4),
    ("A 9 mm nodule in the upper lobe of the left lung that is calcified.", "calcified", 9),
    # not past another lesion, an earlier size, or with more after the comma
    ("A 3 cm mass in the liver and a node in the porta which is calcified.", "calcified", None),
    ("A 9 mm nodule at the left base, formerly 5 mm, which is calcified.", "calcified", None),
    ("A 6 mm nodule at the left base, calcified, and a small effusion.", "calcified", None),
    # a size on the subject (a lesion noun and a size lead, or set off by
    # commas) before a one-word calcified predicate: the subject's size
    ("A granuloma measuring 7 mm is calcified.", "calcified", 7),
    ("A nodule measuring about 4 mm is densely calcified.", "calcified", 4),
    ("The granuloma, 6 mm, calcified.", "calcified", 6),
    # not a size of another thing than a lesion, nor with more after the mention
    ("The catheter measuring 9 mm is calcified.", "calcified", None),
    ("A nodule, 5 mm, calcified in part, at the right base.", "calcified", None),
    # a lesion whose calcification a hedged 'not' leaves open: the calcified
    # lesion it names, if calcified, is that lesion, as after 'possibly'
    ("We see a 7 mm opacity at the right apex, not definitely calcified.", "calcified", 7),
    ("An 8 mm density at the right base that is not convincingly calcified.", "calcified", 8),
    # the finding's own site words between the size and that lesion's noun
    ("A 6 mm right upper lobe pulmonary nodule, possibly calcified.", "calcified", 6),
    ("A 4 mm left lower lobe pulmonary nodule not clearly calcified.", "calcified", 4),
    # a plain 'not' denies it: no calcified lesion, no size
    ("An 8 mm density at the right base that is not calcified.", "calcified", None),
    # a sized focus said by "is a" to be the calcification gives its size,
    # as "represents" does; "there is a" names no such focus
    ("A 4 mm bright focus in the right testis is a calcification.", "calcification", 4),
    ("The 6 mm hyperdense focus in the spleen is a calcified granuloma.", "calcified granuloma", 6),
    ("There is a calcification beside a 9 mm cyst in the liver.", "calcification", None),
    # a restating link that commas set off names what the lesion is: the size
    # a lead gives after the closing comma is still the lesion's
    (
        "A calcified mass along the falx, compatible with a meningioma, "
        "measures 2.3 cm.",
        "calcified mass",
        23,
    ),
    (
        "Densely calcified mass in the right ovary, consistent with a mature "
        "teratoma, measuring 4.1 x 3.0 cm.",
        "calcified mass",
        41,
    ),
    # "read as" names what the sized focus is, as "interpreted as" does
    (
        "A 4 mm echogenic focus in the left thyroid lobe, read as a possible "
        "calcification.",
        "calcification",
        4,
    ),
    ("A 2 mm bright focus in the right testis is read as a calcification.", "calcification", 2),
    # a size set off by commas after the focus and its place is the focus's,
    # and so the size of what the sentence names the focus as
    (
        "Echogenic focus in the left kidney, 3 mm, possibly vascular calcification.",
        "vascular calcification",
        3,
    ),
    (
        "Echogenic focus at the lower pole, 3 mm, without shadowing, possibly a "
        "small stone versus vascular calcification.",
        "vascular calcification",
        3,
    ),
    ("Hyperechoic focus, 4 x 3 mm, in the liver, likely a calcified granuloma.", "calcified granuloma", 4),
    # ... not the size of another lesion set off before the focus
    (
        "Cyst in the left kidney, 3 cm, and an echogenic focus, likely a calcification.",
        "calcification",
        None,
    ),
    # ... not a size of another sentence
    (
        "A calcified mass along the falx, compatible with a meningioma. The "
        "ventricles measure 2 cm.",
        "calcified mass",
        None,
    ),
]


@pytest.mark.parametrize("text, mention, size", SIZES)
def test_size(finding_of, text, mention, size):
    assert finding_of(text, mention).size_mm == size


def test_a_sized_focus_after_another_finding_is_what_the_link_names(findings_of):
    """The restating link after a sized focus names the focus, not the
    finding before it: the focus's size, and none for the contained one."""
    text = (
        "The uterus holds a 4 cm fibroid containing rim calcification, and a 5 mm "
        "echogenic focus in the left ovary, probably a calcification."
    )
    assert [f.size_mm for f in findings_of(text)] == [None, 5]


SCORES = [
    ("Agatston score of 245.", "agatston", 245),
    ("Coronary calcium score: 87.", "agatston", 87),
    ("CAC score 12.", "agatston", 12),
    ("CAC score is 412.", "agatston", 412),
    ("Total calcium score 1,024.", "agatston", 1024),
    ("Agatston calcium score 150.", "agatston", 150),
    ("The calcium score is 75 Agatston units.", "agatston", 75),
    ("Total coronary artery calcium (Agatston) score = 33.", "agatston", 33),
    ("Total Agatston score: 56 (64th percentile for age and sex).", "agatston", 56),
    (
        "Total Agatston score: 56 (64th percentile for age and sex).",
        "agatston_percentile",
        64,
    ),
    ("Coronary calcium score 402, 88th percentile.", "agatston_percentile", 88),
    # an earlier study's total in the sentence is not today's
    ("Compared with the prior score of 250, the Agatston score is now 412.", "agatston", 412),
    ("Prior calcium score of 250 (XXXX); today's score is 412.", "agatston", 412),
    ("Total calcium score 240, up from a baseline score of 180.", "agatston", 240),
    ("Calcium score increased from 180 to 240.", "agatston", 240),
    ("The coronary artery calcium score is 35 today, compared with 33 previously.", "agatston", 35),
    # a total that words after it date to an earlier study, and today's after "now"
    ("Calcium score of 150 on the previous study, now 210.", "agatston", 210),
    ("The Agatston score was 90 in 2018 and is currently 140.", "agatston", 140),
    ("The Agatston score was 90 on XXXX and is now 140.", "agatston", 140),
    ("Total calcium score of 320; the patient is now 58.", "agatston", 320),
    ("Prior calcium score of 640 on XXXX.", "agatston", 640),
    # a score its phrase dates by the year before the verb is the sentence's score
    ("His coronary calcium score in 2016 was 212, all in the RCA.", "agatston", 212),
    ("The patient's calcium score in XXXX was 47.", "agatston", 47),
    ("Coronary calcium score 402, 88th percentile.", "cac_drs", 3),
    (
        "Calcium score: 310, which places the patient in the 91st percentile.",
        "agatston_percentile",
        91,
    ),
    ("Coronary artery calcium score of 0.", "agatston", 0),
    ("Coronary artery calcium score was calculated at 214.", "agatston", 214),
    # a table with a column heading line under the score phrase
    (
        "Calcium score results:\nVessel  Score\nLM  0\nLAD  45\nLCX  12\n"
        "RCA  30\nTotal  87\n",
        "agatston_vessels",
        "LM=0;LAD=45;LCX=12;RCA=30",
    ),
    (
        "Calcium score results:\nVessel  Score\nLM  0\nLAD  45\nLCX  12\n"
        "RCA  30\nTotal  87\n",
        "agatston",
        87,
    ),
    # two lines without a score end the table
    ("Calcium score:\nSee below\nNot done\nLAD 45\n", "agatston_vessels", ""),
    ("The Agatston score equals 31.", "agatston", 31),
    ("CAC 145.", "agatston", 145),
    ("CAC of 145.", "agatston", 145),
    ("Total coronary calcium score (Agatston): 1,234.5.", "agatston", 1234.5),
    ("Coronary calcium score 12. CAC-DRS 1.", "agatston", 12),
    ("Calcium score 0.", "agatston", 0),
    ("Agatston score: 0.", "cac_drs", 0),
    (
        "Coronary artery calcium score: LM 0, LAD 55, LCx 10, RCA 20; total 85.",
        "agatston",
        85,
    ),
    (
        "Coronary artery calcium score: LM 0, LAD 55, LCx 10, RCA 20; total 85.",
        "agatston_vessels",
        "LM=0;LAD=55;LCX=10;RCA=20",
    ),
    (
        "Calcium score:\nLeft main 0\nLAD 120\nCircumflex 0\nRCA 40\nTotal 160\n",
        "agatston",
        160,
    ),
    (
        "Calcium score:\nLeft main 0\nLAD 120\nCircumflex 0\nRCA 40\nTotal 160\n",
        "agatston_vessels",
        "LM=0;LAD=120;LCX=0;RCA=40",
    ),
    # a vessel line whose reading is a denied calcium ('No calcium.') is a
    # line of the table, its finding no end of it
    (
        "Total coronary calcium score is 57.\nLEFT MAIN: No calcium.\nLAD: 40.\nRCA: 17.\n",
        "agatston_vessels",
        "LM=0;LAD=40;RCA=17",
    ),
    # a thousands comma followed by a list comma
    ("Agatston score 1,140, >90th percentile.", "agatston", 1140),
    ("Agatston score 2,310; 95th percentile.", "agatston", 2310),
    # "now" between the phrase and its value; the earlier value is not the score
    ("Increased calcium score, now 188 (81st percentile), previously 96.", "agatston", 188),
    # per-vessel scores in the next sentence of an export that joined its
    # lines with commas, a label and its finding right after them
    (
        "CALCIUM SCORE: , Total Agatston score of 156.  Left main 0, LAD 98, RCA 46.,"
        "LAD: , Partially calcified plaque in the proximal segment.",
        "agatston_vessels",
        "LM=0;LAD=98;RCA=46",
    ),
    # a vessel table an export joined with commas, under a title
    (
        "The total coronary artery calcium score is 326.  Distribution by vessel:,"
        "Left main, 0,LAD, 212,Circumflex, 18,RCA, 96,Incidental note.",
        "agatston_vessels",
        "LM=0;LAD=212;LCX=18;RCA=96",
    ),
    # per-vessel scores written in prose, the value first
    (
        "The total calcium score is 212, with 164 in the LAD, 0 in the left main, "
        "0 in the circumflex and 48 in the RCA.",
        "agatston_vessels",
        "LAD=164;LM=0;LCX=0;RCA=48",
    ),
    # a vessel's own score under its label is not the total
    ("LAD: Calcification in the mid segment. Vessel score 140.", "agatston", None),
    # the cohort named between the ordinal and "percentile"
    ("Agatston score 140 (72nd MESA percentile).", "agatston_percentile", 72),
    ("Calcium score 33, 58th age-adjusted percentile.", "agatston_percentile", 58),
    # two vessels joined by "and" share the score after them
    (
        "Agatston score 52: LAD 44, RCA 8, left main and circumflex 0.",
        "agatston_vessels",
        "LAD=44;RCA=8;LM=0;LCX=0",
    ),
    (
        "Calcium score 90; the LAD and RCA each 45, left main 0.",
        "agatston_vessels",
        "LAD=45;RCA=45;LM=0",
    ),
    # a table line with no calcium in a vessel scores it 0, on comma-joined
    # lines too
    (
        "Total coronary calcium score: 21.\nLeft main: none\nLAD: 21\nLCx: 0\nRCA: 0\n",
        "agatston_vessels",
        "LM=0;LAD=21;LCX=0;RCA=0",
    ),
    (
        "The calcium score is 16 Agatston units.,LEFT MAIN: , No calcium.,LAD: , 16.,"
        "CIRCUMFLEX: , 0.,RCA: , 0.",
        "agatston_vessels",
        "LM=0;LAD=16;LCX=0;RCA=0",
    ),
]


@pytest.mark.parametrize("text, field, value", SCORES)
def test_score(findings_of, text, field, value):
    assert getattr(findings_of(text)[0], field) == value


def test_a_vessel_table_is_read_once(findings_of):
    text = (
        "The total coronary artery calcium score is 326.  Distribution by vessel:,"
        "Left main, 0,LAD, 212,RCA, 96,The LAD calcification is proximal."
    )
    assert [f.agatston_vessels for f in findings_of(text)] == ["LM=0;LAD=212;RCA=96", ""]


# a finding on a line a vessel's label opens takes no total: what the line
# states is that vessel's score, and the total under it is the whole tree's
def test_a_vessel_line_finding_takes_no_total(findings_of):
    text = (
        "FINDINGS:\n"
        "- LAD: calcified plaque in the mid segment, score 40\n"
        "- RCA: calcified plaque in the proximal segment, score 12\n"
        "Total Agatston = 52 (percentile 61).\n"
        "IMPRESSION: Mild coronary artery calcification, total 52."
    )
    found = findings_of(text)
    assert [(f.agatston, f.agatston_percentile) for f in found] == [
        (None, None),
        (None, None),
        (52, None),
    ]


def test_a_score_of_zero_is_a_negated_finding(findings_of):
    (f,) = findings_of("Calcium score 0.")
    assert f.negated and f.agatston == 0 and f.cac_drs == 0


def test_a_score_of_zero_on_comma_joined_lines_is_a_negated_finding(findings_of):
    (f,) = findings_of("FINDINGS: ,Total calcium score: 0.,Left main 0,LAD 0,RCA 0,Other: none.")
    assert f.negated and f.agatston == 0


CHANGES = [
    # calcification that formed in the interval is new, as "interval
    # development of" is; denied, it has no change
    ("Organizing subdural hematoma showing interval calcification along its margin.", None, "new"),
    ("Interval calcifications along the left iliopsoas hematoma.", None, "new"),
    ("No interval calcification within the muscle hematoma.", None, ""),
    # a change word opening two findings an "and" joins in one noun phrase
    # grades both; not past a comma, nor when an article opens the second
    (
        "New bilateral nephrocalcinosis and calcified gastric wall.",
        "calcified gastric wall",
        "new",
    ),
    (
        "Stable calcified pleural plaques and calcified hilar nodes.",
        "calcified hilar nodes",
        "stable",
    ),
    ("New dense calcification, and calcified hilar nodes.", "calcified hilar nodes", ""),
    ("Stable calcified granuloma and a calcified hilar node.", "calcified hilar node", ""),
    # an "and" between site modifiers before the mention opens no clause,
    # "-ate" adjectives and a site's head noun used as a modifier included
    ("Increasing thalamic and dentate calcifications.", None, "increased"),
    ("Unchanged basal ganglia and pulvinar calcification.", None, "stable"),
    # a change word before a full stop the splitter missed (a lower-case word
    # follows) grades its own sentence; not the period of an abbreviation
    ("Hip pain, increased stiffness. r/o calcific bursitis", None, ""),
    ("Ankle pain, increased swelling. r/o chondrocalcinosis", None, ""),
    ("New approx. 4 mm calcified granuloma in the lingula.", None, "new"),
    ("Calcified granuloma in the right upper lobe is again noted.", None, "stable"),
    ("Redemonstrated calcified granuloma in the right upper lobe.", None, "stable"),
    ("Calcified granuloma in the right upper lobe, unchanged from prior.", None, "stable"),
    ("Calcified granuloma, unchanged compared to XXXX.", None, "stable"),
    # 'persistence of' as 'persistent'; an echo's signal that persists at a
    # setting grades nothing
    ("There is persistence of a calcified granuloma in the right upper lobe.", None, "stable"),
    ("Right eye: reflective calcified drusen, persisting at low gain.", None, ""),
    # 'both', 'all' give the closing change word to every finding of the sentence
    ("Calcified right hilar node and calcified granuloma in the right upper lobe, both unchanged.", "Calcified right hilar node", "stable"),
    ("Calcified hilar nodes and a calcified left lower lobe granuloma, all are unchanged.", "Calcified hilar nodes", "stable"),
    # also when more follows the distributive phrase
    (
        "A calcified left hilar node and a calcified granuloma in the left upper "
        "lobe, both unchanged from XXXX, and a new right lower lobe opacity.",
        "calcified left hilar node",
        "stable",
    ),
    (
        "Calcified right hilar nodes and calcified subcarinal nodes, all stable "
        "since 2019, with mild cardiomegaly.",
        "Calcified right hilar nodes",
        "stable",
    ),
    ("A calcified hilar node, both lungs clear, and a new effusion.", None, ""),
    # one side compared with the other is no change
    ("Calcifications in both breasts, more prominent on the left.", None, ""),
    ("Bilateral medullary nephrocalcinosis, more pronounced in the right kidney.", None, ""),
    # a de-identified date inside the prior study's name
    ("Calcified granuloma in the left upper lobe, which was not seen on the XXXX study.", None, "new"),
    ("Calcified right hilar node not present on the XXXX exam.", None, "new"),
    # "the earlier study" is the prior one
    ("Punctate calcifications in the right breast, not seen on the earlier study.", None, "new"),
    ("A calcified left hilar node, not present on the earlier examination.", None, "new"),
    # a change phrase closing the finding's phrase before another clause
    ("Calcified granuloma in the right upper lobe, unchanged from XXXX, and a small effusion.", None, "stable"),
    ("Calcified left hilar node, stable since XXXX, with mild cardiomegaly.", None, "stable"),
    # an "and" inside the mention's place does not end its phrase
    (
        "Coarse calcifications in the pancreatic head and tail, unchanged from XXXX, "
        "and a small cyst in the body.",
        None,
        "stable",
    ),
    (
        "Eggshell calcification of the right hilar and subcarinal lymph nodes, "
        "stable since 2018, and a new left effusion.",
        None,
        "stable",
    ),
    # a place joining several parts with "and" ends at the comma after the last
    (
        "Heavy calcification of the popliteal and tibial arteries and of the "
        "infrarenal aorta, stable since 2021, and a new 5 mm splenic calcification.",
        "calcification",
        "stable",
    ),
    (
        "Calcified plaque in the left and right carotid bulbs and in the left "
        "vertebral origin, unchanged from XXXX.",
        None,
        "stable",
    ),
    # the colon of a clock-face time is no clause break
    (
        "A punctate calcification at the 10:00 position of the left breast "
        "has increased in size.",
        None,
        "increased",
    ),
    ("Coarse calcification in the left breast at 2:00 is smaller than before.", None, "decreased"),
    # a second predicate after "and" has the mention for its subject
    (
        "A punctate calcified granuloma projects over the lingula and is "
        "unchanged from the prior exam.",
        None,
        "stable",
    ),
    ("A calcified granuloma overlies the left apex and has not changed.", None, "stable"),
    ("A small calcified granuloma overlies the left apex and has grown since XXXX.", None, "increased"),
    # comparatives of density or extent dated against an earlier study
    ("Calcified left hilar node, denser than on the 2019 film.", None, "increased"),
    ("Mitral annular calcification, more advanced than before.", None, "increased"),
    ("Aortic arch calcification, worse than on the prior exam.", None, "increased"),
    ("Punctate calcified granuloma at the left base, less dense than previously.", None, "decreased"),
    # not against another thing or a side
    ("Calcified plaque of the left SFA, denser than the plaque beside it.", None, ""),
    ("Femoral artery calcification, worse on the right.", None, ""),
    # past a comma, "remained" and "remaining" lead the mention's change as
    # "remains" does
    ("Calcified subcarinal node, which has remained unchanged for 3 years.", None, "stable"),
    ("Punctate calcified granuloma at the right base, remaining stable since 2018.", None, "stable"),
    ("Aortic knob calcification, heart size remained normal and stable.", None, ""),
    # past a short "with" aside of the mention's own, a change word set off by
    # commas is the mention's; not past an aside naming another lesion
    ("Coarse calcifications with a marker clip, stable, 4 mm.", None, "stable"),
    (
        "At 3:00, 4 cm from the nipple: amorphous calcifications with a biopsy clip, "
        "unchanged, 5 mm.",
        None,
        "stable",
    ),
    ("Calcified granuloma with a nodule, unchanged, 5 mm.", None, ""),
    # ... and so does a second relative clause the same pronoun opens after "and"
    (
        "A calcific focus in the teres minor tendon, 5 mm, which she has had without "
        "pain for years and which is unchanged.",
        None,
        "stable",
    ),
    ("Calcified right hilar node, which was seen in XXXX and which has grown.", None, "increased"),
    # not a clause of another noun the first one names
    ("Calcified left hilar node, which abuts a new mass and that is enlarging.", None, ""),
    # so is one after a predicate mention: "is calcified and has ..."
    ("The right hilar node is calcified and has not changed since 2020.", "calcified", "stable"),
    ("The nodules at both bases are calcified and have grown since XXXX.", "calcified", "increased"),
    # not a new noun phrase after the auxiliary
    ("The aortic knob is calcified and has a new contour abnormality.", "calcified", ""),
    # not when another subject comes after the "and"
    (
        "The lungs are clear except for a calcified granuloma in the right lower "
        "lobe and the heart is stable.",
        "calcified granuloma",
        "",
    ),
    # but one that opens another noun phrase does
    (
        "Calcified granuloma in the left upper lobe and a nodule, larger since XXXX, "
        "and mild cardiomegaly.",
        None,
        "",
    ),
    ("Again noted are calcified mediastinal lymph nodes.", None, "stable"),
    ("There is redemonstration of a left upper lobe calcified granuloma.", None, "stable"),
    ("Calcified granuloma in the left upper lobe remains unchanged.", None, "stable"),
    ("Calcified granuloma in the left upper lobe, not significantly changed.", None, "stable"),
    ("Calcified granuloma in the left upper lobe, stable in appearance.", None, "stable"),
    ("Calcified granuloma in the left upper lobe, redemonstrated.", None, "stable"),
    ("Grossly unchanged appearance of calcified hilar nodes.", None, "stable"),
    # an opening change phrase is both conjuncts'
    (
        "Grossly unchanged appearance of calcified hilar nodes and scattered calcified granulomas.",
        "calcified granulomas",
        "stable",
    ),
    # unless the second conjunct has a change word of its own
    (
        "Redemonstration of calcified hilar nodes and new calcified granulomas.",
        "calcified granulomas",
        "new",
    ),
    # a new clause after the comma is no conjunct
    (
        "Stable appearance of calcified nodes, and there is a calcified granuloma.",
        "calcified granuloma",
        "",
    ),
    ("Stable appearance of the calcified granuloma.", None, "stable"),
    ("The calcified granuloma is slightly larger.", None, "increased"),
    ("The calcified granuloma is slightly larger than before.", None, "increased"),
    ("Calcified granuloma in the left upper lobe has increased in size.", None, "increased"),
    ("Calcified granuloma has enlarged.", None, "increased"),
    ("Calcified granuloma has grown since XXXX.", None, "increased"),
    ("Calcified granulomas are more numerous than before.", None, "increased"),
    ("Calcified granuloma in the left upper lobe has decreased in size.", None, "decreased"),
    ("Calcified granulomas are fewer than before.", None, "decreased"),
    # an aside "with" or "without" opens between commas leaves the copula after
    # it the mention's
    ("A calcified node in the right hilum, with a fatty hilum, is unchanged.", None, "stable"),
    ("Coarse calcification in the left kidney, without a mass, is again seen.", None, "stable"),
    # a time adverb after a predicated change word still ends its phrase
    ("A film from XXXX showed the calcified aortic knob, and it is unchanged now.", None, "stable"),
    ("The calcified granuloma in the left lower lobe is stable today.", None, "stable"),
    # a change a clause opened by "whether" or "if" asks about is not stated
    ("Films in six months to see whether the calcified node is enlarging.", None, ""),
    ("If the calcified granuloma has grown, a CT will follow.", None, ""),
    ("The calcified granuloma has grown, so a CT will follow.", None, "increased"),
    # ... but a count or size compared with another place gives none
    ("Calcified nodes in the right hilum, fewer than in the left hilum.", None, ""),
    ("The calcified granuloma is smaller than the one at the left base.", None, ""),
    ("Previously seen calcified granuloma is no longer visualized.", None, "resolved"),
    ("The calcification in the left kidney is no longer visualized.", None, "resolved"),
    ("Calcification in the left kidney has resolved.", None, "resolved"),
    # "today" sets the denial against the earlier study the finding was seen on
    ("The calcified right axillary node reported in 2021 is not seen today.", None, "resolved"),
    ("A small calcification at the left base, present before, is not visualized today.", None, "resolved"),
    ("Interval development of calcification in the left kidney.", None, "new"),
    ("Calcification in the left kidney, new since XXXX.", None, "new"),
    # a finding named as what a focus or nodule before it is takes that
    # lesion's change, as it takes its size (a finding before it keeps its own)
    ("New echogenic foci in the left renal pyramids, compatible with nephrocalcinosis.", None, "new"),
    ("Stable 4 mm density at the right base, in keeping with a calcified granuloma.", None, "stable"),
    ("Increasing hyperdense foci in the pancreatic head, consistent with calcifications.", None, "increased"),
    ("New onset knee pain, consistent with chondrocalcinosis.", None, ""),
    # development since an earlier study closing the phrase, as "new since" does
    ("Echogenic renal pyramids, read as nephrocalcinosis, interval development since XXXX.", None, "new"),
    ("Coarse calcification of the left adrenal gland, developed since 2020.", None, "new"),
    ("Newly seen calcification in the left kidney.", None, "new"),
    ("The right lower lobe calcified granuloma is not changed.", None, "stable"),
    ("No significant interval change in the calcified granuloma.", None, "stable"),
    ("Calcified granuloma in the right lower lobe has developed since XXXX.", None, "new"),
    ("Interval appearance of a right lower lobe calcified granuloma.", None, "new"),
    ("Partial resorption of the calcific deposit.", None, "decreased"),
    ("Near complete resorption of the supraspinatus calcification.", None, "decreased"),
    ("Interval resorption of the calcific deposit in the supraspinatus tendon.", None, "resolved"),
    ("Resolution of the calcific deposit in the supraspinatus tendon.", None, "resolved"),
    ("The previously seen calcific deposit has resorbed.", None, "resolved"),
    # 'no longer evidence of' says no longer seen
    ("There is no longer evidence of the previously described calcific tendinitis.", None, "resolved"),
    ("No longer any evidence of nephrocalcinosis.", None, "resolved"),
    # a closing change phrase that grades the noun after it is not the finding's
    ("Calcified granuloma in the right lower lobe, stable heart size.", None, ""),
    ("Calcified granuloma, no change in the effusion.", None, ""),
    ("Calcified granuloma in the right lower lobe, increased effusion.", None, ""),
    ("Coronary artery calcification, increased since XXXX.", None, "increased"),
    ("Coronary artery calcification, no change in size.", None, "stable"),
    ("Known calcified granuloma in the left upper lobe.", None, ""),
    ("Calcified granuloma in the left upper lobe. No new nodules.", None, ""),
    ("Benign-appearing coarse calcifications, stable for 3 years.", None, "stable"),
    ("New pleural effusion. Calcified granuloma in the left lung.", None, ""),
    # a change word grading another lesion noun before the mention is not its
    (
        "A new 5 mm nodule near the calcified granuloma in the left upper lobe.",
        "calcified granuloma",
        "",
    ),
    ("A new nodule abuts the calcified granuloma.", "calcified granuloma", ""),
    ("Calcified granuloma adjacent to a new nodule.", None, ""),
    ("Calcified granuloma with new adjacent consolidation.", None, ""),
    # the change of the lesion a "with" attaches the calcification to
    ("Stable left thyroid nodule with coarse calcification.", "calcification", "stable"),
    ("New 8 mm nodule with calcification in the right lung.", "calcification", "new"),
    ("Consolidation with new calcification.", "calcification", "new"),
    # a treated tumour or its deposits host the calcification as a nodule does
    ("Smaller treated retroperitoneal lymphoma with punctate calcification.", "calcification", "decreased"),
    ("Stable left adrenal metastasis with rim calcification.", "calcification", "stable"),
    ("Enlarging peritoneal metastases with coarse calcifications.", "calcifications", "increased"),
    # and so does one a copula grades right before the "with"
    ("The left adrenal nodule is unchanged with peripheral calcification.", "calcification", "stable"),
    ("Both fibroids remain stable with dense calcifications.", "calcifications", "stable"),
    ("The heart is unchanged with aortic calcification.", "aortic calcification", ""),
    # nor does a process that holds it
    (
        "Stable postoperative changes of the left breast with dystrophic calcification.",
        "dystrophic calcification",
        "stable",
    ),
    ("Stable sarcoidosis with calcified hilar lymph nodes.", None, "stable"),
    (
        "Left breast: stable post-surgical change at the lumpectomy site with "
        "coarse dystrophic calcifications.",
        None,
        "stable",
    ),
    ("Stable cardiomegaly with aortic calcification.", "aortic calcification", ""),
    # ... its side and place words not counted between the change word and it
    ("New right upper pole TR4 nodule with coarse calcification.", None, "new"),
    ("Stable left upper pole spongiform nodule with a small calcification.", None, "stable"),
    ("New consolidation around the left lower lobe nodule with calcification.", None, ""),
    # ... past an aside of the lesion's own before the "with"
    (
        "Ultrasound showed the left thyroid nodule enlarging to 2 cm, firm and isoechoic, "
        "with a coarse calcification.",
        None,
        "increased",
    ),
    ("The fibroid, unchanged, with dense calcification in its fundal part.", None, "stable"),
    ("A stable left breast mass, oval and circumscribed, with coarse calcification.", None, "stable"),
    ("A new mass beside the aortic arch, with aortic calcification.", "aortic calcification", ""),
    # ... the host the finding before it names, past its aside
    (
        "Known right breast calcified fibroadenoma, 1.4 cm, unchanged, with coarse "
        "calcification on mammography.",
        "calcification",
        "stable",
    ),
    # not past "compatible with": what the finding before it is
    (
        "Nodular calcific densities are scattered in both upper lobes, unchanged from "
        "XXXX, compatible with metastatic pulmonary calcification.",
        "metastatic pulmonary calcification",
        "",
    ),
    # an earlier predicate of the lesion a later one calls calcified grades it
    ("The right adrenal nodule is unchanged and is densely calcified.", None, "stable"),
    ("The left renal cyst, stable since XXXX, is partly calcified.", None, "stable"),
    (
        "The lower pole thyroid nodule measured 7 mm, unchanged from XXXX, and was "
        "largely calcified.",
        None,
        "stable",
    ),
    ("The right breast mass, new since XXXX, is partly calcified.", None, "new"),
    # ... not one of another lesion noun, nor of a subject that is no lesion
    ("The liver cyst abuts a nodule, unchanged, and is calcified.", None, ""),
    ("The heart is unchanged and the aorta is calcified.", None, ""),
    # the host's change is both conjuncts' after the "with"
    (
        "Stable left thyroid nodule with coarse calcification and punctate calcifications.",
        "calcifications",
        "stable",
    ),
    (
        "Stable sarcoidosis with calcified hilar lymph nodes and calcified upper lobe nodules.",
        "calcified upper lobe nodules",
        "stable",
    ),
    ("Stable cardiomegaly with aortic calcification and calcified granulomas.", "calcified granulomas", ""),
    # a "with" after an unrelated phrase does not pass a change on
    (
        "Stable appearance of the cardiomediastinal silhouette with aortic "
        "calcification.",
        "aortic calcification",
        "",
    ),
    # after "and", a change word that grades the next noun is not the finding's
    ("Calcified pleural plaques and decreased pleural effusion.", None, ""),
    ("Calcified granuloma and stable nodule in the left lung.", None, ""),
    ("Calcified granulomas are present and stable since 2019.", None, "stable"),
    # a place adverb after the change word still ends its phrase
    ("Calcification of the aortic wall is again seen anteriorly.", None, "stable"),
    ("A calcified granuloma is again noted laterally.", None, "stable"),
    # not present before / on a study: new
    ("A 4 mm calcification in the liver, not present before treatment.", None, "new"),
    ("Faint calcification of the renal pyramids, not present on a study from XXXX.", None, "new"),
    ("Calcified granuloma in the right lung, not seen on a prior CT.", None, "new"),
    # ... a dating word a few words after the phrase names the earlier study
    ("Calcified nodes in the left hilum, not present on a CT from XX/XX/XXXX.", None, "new"),
    ("Calcified granuloma in the left lung, not visible on the earlier study.", None, "new"),
    ("Calcified granuloma in the left lung, not visible on the lateral view.", None, ""),
    # a change word right before the mention is its own, not the earlier one
    ("Treated liver metastases, smaller and newly calcified.", "calcified", "new"),
    ("The treated nodule is smaller and newly calcified.", "calcified", "new"),
    # more stable and growth phrasings
    ("A calcified granuloma in the right upper lobe again is identified.", None, "stable"),
    ("Calcified hilar lymph nodes are without significant change.", None, "stable"),
    ("Calcified hilar lymph nodes have not changed significantly.", None, "stable"),
    ("Calcified hilar lymph nodes, little changed.", None, "stable"),
    ("Calcified granuloma in the right upper lobe is re-identified.", None, "stable"),
    ("Calcified hilar lymph nodes show interval growth.", None, "increased"),
    ("Coronary artery calcification shows progression since XXXX.", None, "increased"),
    ("Coronary artery calcification demonstrates interval progression.", None, "increased"),
    ("The calcific deposit has become more dense.", None, "increased"),
    ("Calcified granuloma in the right upper lobe remains present.", None, "stable"),
    ("Calcified granuloma in the right upper lobe, and the nodule shows progression.", None, ""),
    # "without change in" another noun is that noun's
    ("Calcified granuloma in the right upper lobe, without change in the effusion.", None, ""),
    # a comparative before "than" and a number compares with a count or size
    ("Scattered microcalcifications, fewer than five per cluster.", None, ""),
    ("Punctate calcifications, all smaller than 1 mm.", None, ""),
    ("A calcified node larger than 1 cm in the right hilum.", None, ""),
    # count words only count_words holds, not lesion_count_words ("twenty",
    # "one"): the lesion list once overwrote the threshold's word set
    ("Scattered microcalcifications, fewer than twenty per cluster.", None, ""),
    ("A calcified node larger than one centimeter in the right hilum.", None, ""),
    # unless the phrase dates the number
    ("The calcified node now measures 12 mm, larger than 8 mm previously.", None, "increased"),
    # "as previously described" is known, not stable
    ("Calcified granuloma in the left lung, as previously described.", None, ""),
    # a closing part that judges how the finding looks, then an "and" and
    # its change: a second predicate of the finding
    (
        "Scattered punctate calcifications in both breasts, benign in appearance "
        "and stable for 3 years.",
        None,
        "stable",
    ),
    ("Round calcifications in the right breast, benign-appearing and unchanged since 2019.", None, "stable"),
    # a part a restating link opens names what the findings are, however
    # long, so the change after its "and" is still theirs
    (
        "Coarse calcification in the left breast, consistent with fat necrosis after the "
        "earlier lumpectomy and unchanged.",
        None,
        "stable",
    ),
    (
        "Two calcified cysts in the right breast, typical of fat necrosis from the prior "
        "reduction and stable since 2020.",
        "calcified cysts",
        "stable",
    ),
    # a calcification seen now is never resolved: the word grades the lesion
    # it is seen in; a denied one that resolved keeps it
    ("Resolved hepatic lesions with a small calcified focus in segment 6.", "calcified focus", ""),
    ("Resolved splenic infarcts, now with punctate calcifications.", None, ""),
    ("The previously seen splenic calcification has resolved.", None, "resolved"),
    # a closing part that only counts the findings in words, then the change
    ("Punctate calcifications in the left breast, fewer than three per view and stable since 2019.", None, "stable"),
    ("Echogenic foci, likely microcalcifications, fewer than five per image and unchanged.", "microcalcifications", "stable"),
    (
        "Amorphous calcifications in the left breast at 3 o'clock, seen only on the "
        "CC view and new compared with the prior.",
        None,
        "new",
    ),
    (
        "A 6 mm calcified nodule projects over the left lower lobe, previously "
        "noted and similar in size.",
        None,
        "stable",
    ),
    ("Calcified granuloma in the RUL, previously described and unchanged.", None, "stable"),
    # ... or a side word alone that says where the findings lie
    ("Calcified hilar nodes, bilateral and stable since 2018.", None, "stable"),
    ("Scattered calcified granulomas, bilateral and unchanged from XXXX.", None, "stable"),
    ("Calcified hilar nodes, left hilum enlarged and new.", None, ""),
    # a finding named as what the one before it is takes none of the change
    # words before the restating link, whichever link it is
    ("Coarse calcification in the pelvis, new, corresponding to a calcified fibroid.", "calcified fibroid", ""),
    ("Coarse calcification in the pelvis, new, corresponding to a calcified fibroid.", "calcification", "new"),
    ("Coarse calcification in the pelvis, unchanged, corresponding to a phlebolith.", "phlebolith", ""),
    # ... not when another subject or noun takes the change word
    ("Aortic calcification, heart size normal and stable.", None, ""),
    ("Calcified granuloma in the RUL, previously resected and new nodule nearby.", None, ""),
    ("Calcified granuloma in the right lung, benign and a new nodule in the left lung.", None, ""),
    ("Calcified granuloma in the right lung, benign-appearing and stable nodule in the left lung.", None, ""),
    # "otherwise" gives the change to the rest of the study, not the mention
    ("Calcified granuloma in the left apex, otherwise no change from XXXX.", None, ""),
    ("Right hilar calcified node, otherwise unchanged.", None, ""),
    # one de-identification mask may hide a lead word ("again", "which is")
    # of the change word after the comma; it does not stop the change
    ("Calcified granuloma right midlung, XXXX unchanged from XXXX.", None, "stable"),
    ("Right upper lobe calcified granuloma, XXXX unchanged.", None, "stable"),
    ("Calcified granuloma, XXXX is unchanged.", None, "stable"),
    ("Calcified granuloma, XXXX new compared to XXXX.", None, "new"),
    # ... two or more masks may hide another subject ("heart size")
    ("Aortic calcification, XXXX XXXX unchanged.", None, ""),
    # a mask between the denial and the change word hides a grade or
    # "interval" ("no significant change", "not significantly changed"):
    # the change stays denied, the finding stable
    ("Calcified granuloma in the right upper lobe, not XXXX changed.", None, "stable"),
    ("Calcified granuloma in the right upper lobe without XXXX change.", None, "stable"),
    ("Calcified granuloma in the right upper lobe with no XXXX change.", None, "stable"),
    ("Calcified granuloma in the right upper lobe has not XXXX changed.", None, "stable"),
    ("Calcified granuloma in the right upper lobe, no XXXX XXXX change.", None, "stable"),
    ("No XXXX change in the calcified granuloma.", None, "stable"),
    # a mask for the participle after "again" ("again seen") or for the
    # study after "as on" ("as on prior") leaves the finding stable
    ("Calcified granuloma is again XXXX in the right lung.", None, "stable"),
    ("Calcified granuloma in the right lung, as on XXXX.", None, "stable"),
    # an "and" after the copula that opens a clause with its own subject
    ("A calcified granuloma is seen and the heart size is unchanged.", None, ""),
    ("A calcified node is noted in the right hilum and the mediastinum is stable.", None, ""),
    ("Calcified nodes are seen in the hilum and the mediastinum and are unchanged.", None, "stable"),
    # a "with" after the predicated change word attaches more to the subject
    ("A calcified granuloma is again noted with a new left effusion.", None, "stable"),
    ("The calcified hilar node is unchanged with a small effusion nearby.", None, "stable"),
    ("A calcified granuloma is seen with new consolidation around it.", None, ""),
    # the participle before "again"
    ("A calcified granuloma is noted again in the left lung.", None, "stable"),
    ("The calcified right hilar node is seen again.", None, "stable"),
    ("Calcified mesenteric nodes are identified again.", None, "stable"),
    ("There is again a small calcified granuloma at the right base.", None, "stable"),
    ("Calcified node in the left hilum, previously not seen.", None, "new"),
    ("Calcification in the left kidney, not previously visualized.", None, "new"),
    ("We again note calcified right hilar nodes.", None, "stable"),
    ("There is again a right effusion. Calcified granuloma at the left base.", "Calcified granuloma", ""),
    # a change word before a comma that predicates another noun is not listed
    # with the mention's words
    ("Pacemaker leads unchanged, calcified aortic knob.", None, ""),
    ("Lungs clear, heart size stable, calcified thoracic aorta.", None, ""),
    ("Stable, calcified granuloma at the left base.", None, "stable"),
    # after an article or a verb the change word opens the mention's phrase
    ("There is a stable, 4 mm calcified nodule in the left lower lobe.", None, "stable"),
    ("The aorta shows an unchanged, dense calcified plaque.", None, "stable"),
    # a change phrase with no subject of its own after a semicolon is the
    # findings' of the part before it; not a change word grading another noun
    ("Calcified node in the right hilum; not changed since the last film.", None, "stable"),
    ("Dense calcification of the splenic artery; similar to the earlier CT.", None, "stable"),
    ("Calcified nodes at both hila; both unchanged from 2019.", None, "stable"),
    ("Calcified granuloma at the left apex; progressed since March.", None, "increased"),
    ("Calcified granuloma at the left apex; stable cardiomegaly.", None, ""),
    ("Calcified granuloma at the left apex; new right basal effusion.", None, ""),
    ("Calcified granuloma at the left apex; the heart size is stable.", None, ""),
    # a change part after a lone finding's "with" part, before ", and" more,
    # is the finding's with no "both" to give it
    (
        "Calcified granuloma at the right apex with adjacent scarring, unchanged "
        "since 2018, and no effusion.",
        None,
        "stable",
    ),
    (
        "Coarse calcification of the pancreas with a dilated duct, new since June, "
        "and no fluid collection.",
        None,
        "new",
    ),
    # a change word after an appearance verb opening the part past the comma
    ("Calcified node in the left hilum, appearing similar to the prior film.", None, "stable"),
    ("Calcified granuloma at the right base, looking larger than in 2019.", None, "increased"),
    ("Calcified granuloma at the right base, heart size appearing unchanged.", None, ""),
    # a change sentence with no subject of its own right after the findings'
    # sentence is every finding's of that sentence; not a change word
    # grading a noun of its own, nor after a sentence naming another finding
    ("Calcified nodule at the right apex. Unchanged.", None, "stable"),
    ("Calcified hilar nodes on the left. Stable since 2017.", None, "stable"),
    ("Dense calcification of the aortic knob. No change from the earlier film.", None, "stable"),
    ("Calcified granuloma over the left third rib. Larger than before.", None, "increased"),
    ("Calcified nodes in both hila. Both unchanged.", None, "stable"),
    (
        "Calcified granuloma at the right apex and a calcified node in the left "
        "hilum. Not changed.",
        "calcified node",
        "stable",
    ),
    ("Calcified granuloma at the left apex. Stable cardiomegaly.", None, ""),
    ("Calcified granuloma at the left apex. No change in the heart size.", None, ""),
    ("Calcified granuloma and small effusion at the left base. Unchanged.", None, ""),
    ("No calcified granuloma at the left apex. Unchanged.", None, ""),
    ("Calcified granuloma at the left apex. Unchanged, new effusion.", None, ""),
    # the finding's own size against an earlier size its phrase dates
    (
        "The calcified node at the left hilum is enlarged (now 8 mm, previously 6 mm).",
        None,
        "increased",
    ),
    ("A calcified granuloma at the right base measures 7 mm, previously 11 mm.", None, "decreased"),
    ("Calcified nodule at the left apex measuring 5 mm (previously 5 mm).", None, "stable"),
    ("Calcified granuloma at the left apex, previously 9 mm, now 6 mm.", None, "decreased"),
    ("Calcified granuloma at the left apex, now 1.1 cm (8 mm on the prior CT).", None, "increased"),
    (
        "The calcified node at the right hilum measures 9 mm, compared with 6 mm on "
        "the prior CT.",
        None,
        "increased",
    ),
    ("The calcified node at the right hilum is 5 mm, previously measuring 8 mm.", None, "decreased"),
    # the earlier size, then "and now" with a verb of measuring before today's
    (
        "The calcific deposit in the supraspinatus tendon previously measured 15 mm "
        "and now measures 7 mm.",
        None,
        "decreased",
    ),
    ("Calcified granuloma at the left apex, previously 6 mm and now measuring 9 mm.", None, "increased"),
    ("Calcified granuloma at the left apex, previously 6 mm, currently 6 mm.", None, "stable"),
    # the earlier size dated before the mention, today's led by "now" after it
    (
        "Previously noted 10 mm calcific deposit in the supraspinatus tendon, now 3 mm.",
        None,
        "decreased",
    ),
    ("Previously seen 4 mm calcified granuloma at the left apex now measures 7 mm.", None, "increased"),
    # today's size before the mention, its place, then the dated earlier size
    ("A 6 mm calcific focus lies along the tendon insertion, previously 9 mm.", None, "decreased"),
    ("A 1.4 cm calcified granuloma in the lingula, previously 8 mm.", None, "increased"),
    ("A 7 mm calcified node beside the left hilum, 7 mm before.", None, "stable"),
    # not past a lesion noun that could own the earlier size
    ("A 5 mm calcified granuloma beside a lung nodule, previously 9 mm.", None, ""),
    # no dating word: two sizes, no comparison; another lesion's sizes are not the finding's
    ("A 4 mm calcified granuloma at the right base, 3 mm from the pleura.", None, ""),
    ("Calcified nodes in the right hilum measuring 9 mm and 6 mm.", None, ""),
    (
        "Calcified granuloma at the left apex; the right lower lobe nodule measures "
        "9 mm, previously 6 mm.",
        "Calcified granuloma",
        "",
    ),
    # a comparative before the mention yields to the change its sentence
    # predicates of it ("smaller" may compare with another lesion)
    (
        "She also has smaller plaques of calcinosis cutis on both shins, stable for two years.",
        None,
        "stable",
    ),
    ("Larger calcified nodes at the right hilum, unchanged from 2020.", None, "stable"),
    ("Smaller calcified left adrenal nodule.", None, "decreased"),
    # one opening a sentence that says a new finding is present sizes it
    # against the findings before it, not against the prior study
    (
        "Dense calcifications fill both thalami. Smaller calcific foci are seen in the right putamen.",
        "calcific foci",
        "",
    ),
    # a pronoun and an auxiliary after a semicolon, past the mention's own
    # predicate, say the change of the mention
    (
        "A 3 cm calcified mass in the left parietal region is consistent with a meningioma; it has not changed since 2019.",
        None,
        "stable",
    ),
    ("A calcified node at the right hilum; it has grown since the last film.", None, "increased"),
    ("The calcified mass is consistent with a meningioma; the effusion has not changed.", None, ""),
    # an exception after a closing change word leaves it the finding's
    ("Calcified nodules in both lungs, stable except the right apical nodule.", None, "stable"),
    # "still seen", "still present" say the finding persists (stable)
    ("The calcified left hilar node is still seen.", None, "stable"),
    ("Punctate splenic calcification, 2 mm, still present.", None, "stable"),
    # present (or seen) since a date or a study: there before, unchanged
    ("A 4 mm calcified granuloma in the lingula has been present since XX/XX/XXXX.", None, "stable"),
    ("Splenic calcification, visible since the CT of 2019.", None, "stable"),
    # an aside a restating link opens, set off by commas, and a clock
    # position's "o'clock" leave the copula after them the mention's
    ("Round calcifications, compatible with a fibroadenoma, are unchanged.", None, "stable"),
    ("Calcified granuloma in the left apex, probably old, is stable.", None, "stable"),
    ("Dense calcifications at 9 o'clock, compatible with fat necrosis, are unchanged.", None, "stable"),
    ("Mitral annular calcification is still visible on today's film.", None, "stable"),
    # "less conspicuous" compares with the prior study only when the words
    # say so; alone it may compare two sides of one study
    ("Splenic calcifications are less conspicuous than on the prior exam.", None, "decreased"),
    ("Pancreatic calcification, less apparent than before.", None, "decreased"),
    ("Right knee: meniscal calcification. Left knee: similar chondrocalcinosis, less conspicuous.", "chondrocalcinosis", ""),
    # "not seen/present" with a year after it names the earlier study: new
    ("Punctate calcification in the right testis, not seen on the 2019 ultrasound.", None, "new"),
    ("Coarse pancreatic calcification, which was not present in 2018.", None, "new"),
    ("Calcification of the splenic artery, not visible in 2020.", None, "new"),
    ("Renal calcification, not seen on 2 of the images.", None, ""),
    # "regressing" as "regressed", as "progressing" is increased
    ("Regressing centrilobular calcification in both upper lobes.", None, "decreased"),
    # the "more" forms are increased the same way, dated only
    ("Splenic artery calcification, more pronounced than on the prior CT.", None, "increased"),
    ("The scattered renal calcifications are more conspicuous than in 2020.", None, "increased"),
    ("Prostatic calcification, more conspicuous on this study than on the XXXX exam.", None, "increased"),
    ("Aortic calcification, less pronounced on the current study than on the prior.", None, "decreased"),
    ("Meniscal calcification, more pronounced medially than laterally.", None, ""),
    ("Calcified plaque in the bulb, more conspicuous than the adjacent one.", None, ""),
    # "more X than before": a comparative before the mention with "than" and
    # a dating word after it compares with the earlier study
    ("There are more calcifications than before in the upper outer quadrant.", None, "increased"),
    ("There is more aortic arch calcification than on the prior radiograph.", None, "increased"),
    ("More pancreatic calcifications than on XXXX.", None, "increased"),
    # a closing "with" change phrase is the finding's, unless it names
    # what changed after "in" or "of"
    ("Coronary artery calcification, with interval progression since XXXX.", None, "increased"),
    ("Splenic calcified granulomas, with interval increase.", None, "increased"),
    ("Pancreatic calcifications, with regression since the 2019 CT.", None, "decreased"),
    ("Aortic arch calcification, with interval increase in the left effusion.", None, ""),
    # a pronoun after "and" stands for the finding in its second predicate
    ("The mitral annulus is calcified and it is larger than before.", None, "increased"),
    ("The splenic artery is calcified and it is unchanged from XXXX.", None, "stable"),
    ("The aortic arch is calcified and it is ectatic.", None, ""),
    # a place the calcifications lie in may stand before "than"
    ("More punctate calcifications at the left lung base than on the XXXX film.", None, "increased"),
    ("There is more vascular calcification in the pelvis than previously.", None, "increased"),
    ("More calcification in the left kidney than in the right kidney.", None, ""),
    # without the dating word it compares two places or counts
    ("More calcification in the left breast than in the right.", None, ""),
    ("There are more than three calcifications in the cluster.", None, ""),
    # a copula after the comma closing an appositive predicates the change of
    # the subject, not of the finding the appositive names it as
    (
        "A 3 mm calcified focus in the left occipital lobe, consistent with a "
        "calcified granuloma from old infection, is unchanged.",
        "calcified focus",
        "stable",
    ),
    (
        "A 3 mm calcified focus in the left occipital lobe, consistent with a "
        "calcified granuloma from old infection, is unchanged.",
        "calcified granuloma",
        "",
    ),
    (
        "Calcified nodule at the right base, compatible with a calcified "
        "granuloma, is larger than before.",
        "Calcified nodule",
        "increased",
    ),
    # 'increase of' as 'increase in'; 'less conspicuous' said of today
    (
        "Interval increase of the calcifications at 8 o'clock.",
        "calcifications",
        "increased",
    ),
    (
        "The round calcifications are less conspicuous today.",
        "calcifications",
        "decreased",
    ),
    (
        "Pancreatic calcifications, now less conspicuous.",
        "Pancreatic calcifications",
        "decreased",
    ),
    # a size set off by commas, and an adverb after the copula, leave the
    # predicate the mention's
    (
        "A calcified nodule, 7 mm, in the left lower lobe is unchanged.",
        "calcified nodule",
        "stable",
    ),
    (
        "Another calcified granuloma, 3 mm, at the right apex is also stable.",
        "calcified granuloma",
        "stable",
    ),
    (
        "The calcified node, 9 mm, next to a mass that is new.",
        "calcified node",
        "",
    ),
    (
        "Coarse calcification in the left breast, 5 mm; this was not present "
        "previously.",
        "calcification",
        "new",
    ),
    # a compound subject of two findings, the first with its own place: the
    # plural predicate is both's
    (
        "Round calcifications in the right breast and punctate calcifications "
        "in the left breast are unchanged.",
        None,
        "stable",
    ),
    # a change word denied after the copula: "not new" is no change word (as
    # "no new"), "not increased" is stable (as "no increase in")
    ("The 4 mm calcified granuloma in the lingula is not new.", "calcified granuloma", ""),
    ("Calcified hilar node, not new since the last film.", "Calcified hilar node", ""),
    ("Aortic knob calcification is not increased.", "Aortic knob calcification", "stable"),
    (
        "Pancreatic calcifications are not significantly increased since 2019.",
        "Pancreatic calcifications",
        "stable",
    ),
    ("The calcified granuloma in the lingula is new.", "calcified granuloma", "new"),
    # a participle dating the comparison ends the change word's phrase
    (
        "The calcified granuloma in the left apex is stable dating back to 2016.",
        "calcified granuloma",
        "stable",
    ),
    ("Calcified hilar nodes stable going back to XXXX.", "Calcified hilar nodes", "stable"),
    ("Splenic calcification is unchanged back to 2012.", "Splenic calcification", "stable"),
    # a concession after the change word names what the change came in spite
    # of: the word still ends its phrase
    ("Calcified plaque of the iliac arteries, progressing despite statin therapy.", "Calcified plaque", "increased"),
    ("Calcific chronic pancreatitis, worsening despite enzyme replacement.", "Calcific chronic pancreatitis", "increased"),
    # 'previously not' before the participle, as 'not previously' after it
    (
        "Punctate calcification in the left kidney, previously not visualized.",
        "calcification",
        "new",
    ),
    ("A calcified hilar node, previously not identified.", "calcified hilar node", "new"),
    # comparatives of extent or visibility: against an earlier study they
    # grade a change, "more" forms as their "less" forms; against another
    # thing (no dating word or year after "than") they give none
    ("Calcified plaque at the carotid bulb, more pronounced than on the prior CT.", None, "increased"),
    ("Scrotal calcification, less pronounced than in 2021.", None, "decreased"),
    ("Calcified splenic granulomas are more pronounced than the hepatic ones.", None, ""),
    ("Dense pallidal calcification, more extensive than the thalamic foci.", None, ""),
    ("Mitral annular calcification is less prominent than the plaque in the arch.", None, ""),
    ("Pineal calcification, more prominent than on XX/XX/XXXX.", None, "increased"),
    # the earlier study may be named at some length before its date, a
    # date written with slashes ending in its year or the mask of one
    ("Calcified lingual arteries, more pronounced than on the dental film of XX/XX/XXXX.", None, "increased"),
    ("Tonsillar calcification, less conspicuous than on the outside CT of 03/14/2021.", None, "decreased"),
    ("Vas deferens calcification, more evident than on the pelvic radiograph from 2018.", None, "increased"),
    ("Calcified splenic artery, more pronounced than the plaque of the renal artery beside it.", None, ""),
    ("Calcified splenic granulomas, more conspicuous than on the prior film.", None, "increased"),
    ("Pancreatic calcifications, now more conspicuous.", None, "increased"),
    # another study named after "than" is the earlier one; a view is not
    ("Splenic calcifications, more pronounced than on the CT.", None, "increased"),
    ("Renal medullary calcification, less conspicuous than on a radiograph.", None, "decreased"),
    ("Splenic calcifications, more pronounced than on the lateral view.", None, ""),
    ("The right renal calcification is more conspicuous than the left one.", None, ""),
    # a comparative ending its clause compares with the prior, on a finding
    # with no side; on a sided one it may weigh one side against the other
    ("Splenic hilar calcification, slightly more conspicuous; no mass.", None, "increased"),
    ("Gastric mucosal calcification is less conspicuous.", None, "decreased"),
    ("Right: Meniscal chondrocalcinosis, less conspicuous.", None, ""),
    ("Pancreatic calcification, more conspicuous in the head.", None, ""),
    # an adjective mention a comma sets after its lesion noun takes the change
    # word that grades that noun, as one a "with" attaches it to does; not one
    # of another lesion noun before it
    ("IMPRESSION: Unchanged right apical granuloma, calcified.", "calcified", "stable"),
    ("IMPRESSION: Enlarging 8 mm right thyroid nodule, partially calcified.", "calcified", "increased"),
    ("FINDINGS: New opacity and granuloma, calcified.", "calcified", ""),
    # the lesion a "with" gives the calcification to grades it, the "with"
    # giving the lesion another item first ("with X and calcification"); not
    # a "with" past another item's comma
    (
        "IMPRESSION: Left popliteal aneurysm, 3.1 cm, enlarging, with "
        "laminated thrombus and rim calcification.",
        None,
        "increased",
    ),
    (
        "IMPRESSION: Splenic artery aneurysm, stable, with a thin wall and "
        "peripheral calcification.",
        None,
        "stable",
    ),
    (
        "IMPRESSION: Enlarging thyroid nodule. Liver with a cyst and coarse "
        "calcification.",
        None,
        "",
    ),
    # today's size before the mention, its place in a verb and two place
    # phrases, then a comma and an earlier size: the finding's own sizes
    (
        "FINDINGS: A 15 mm calcific deposit lies along the infraspinatus footprint "
        "near the greater tuberosity, previously 10 mm.",
        None,
        "increased",
    ),
    # 'similar to' a side compares with the other side, not an earlier study
    # (a comparison with another thing gives none); a change word after it
    # still grades the finding
    (
        "FINDINGS: Left popliteal artery with mural calcification similar to the "
        "right, progressed since the prior CT.",
        None,
        "increased",
    ),
    (
        "FINDINGS: Dense calcified granuloma at the left apex, similar to the right.",
        None,
        "",
    ),
    (
        "FINDINGS: Calcified plaque in the left bulb, similar to that on the right.",
        None,
        "",
    ),
    (
        "FINDINGS: Calcified plaque in the left bulb, similar to the prior study.",
        None,
        "stable",
    ),
    # a bullet opening the line is no word of the sentence: the change word
    # opening it, or the subject's earlier predicate, is read as without it
    ("IMPRESSION:\n- Stable sarcoidosis with calcified hilar nodes.", None, "stable"),
    ("IMPRESSION:\n  * Stable sarcoidosis with calcified hilar nodes.", None, "stable"),
    ("FINDINGS:\n- Small nodule is unchanged and appears calcified.", None, "stable"),
    ("FINDINGS:\n\u2022 New coarse calcification in the left breast.", None, "new"),
    # a closing 'as before' ends its statement at a line break as at a stop
    (
        "IMPRESSION: Calcified right lower lobe nodule compatible with a granuloma as before\n"
        "Lungs are clear",
        None,
        "stable",
    ),
]


@pytest.mark.parametrize("text, mention, change", CHANGES)
def test_change(finding_of, text, mention, change):
    assert finding_of(text, mention).change == change


SHAPES = [
    # the ring finger is a finger, no ring shape
    ("Hand film: punctate calcification at the tip of the left ring finger.", "morphology", ("punctate",)),
    # a bone's rim is a place, no rim shape
    ("Shoulder film: a faint calcification along the anterior glenoid rim.", "morphology", ()),
    ("Hip film: small calcification at the lateral acetabular rim.", "morphology", ()),
    ("Fine pleomorphic calcifications in the left breast.", "morphology", ("fine pleomorphic",)),
    ("Pleomorphic calcifications in the left breast.", "morphology", ("fine pleomorphic",)),
    ("Fine, pleomorphic calcifications in the left breast.", "morphology", ("fine pleomorphic",)),
    ("Fine-linear calcifications in the left breast.", "morphology", ("fine linear",)),
    (
        "Fine linear branching calcifications in the left breast.",
        "morphology",
        ("fine-linear branching",),
    ),
    (
        "Fine linear and branching calcifications in the left breast.",
        "morphology",
        ("fine-linear branching",),
    ),
    (
        "Linear branching calcifications in the left breast.",
        "morphology",
        ("fine-linear branching",),
    ),
    (
        "Coarse heterogeneous calcifications in the left breast.",
        "morphology",
        ("coarse heterogeneous",),
    ),
    (
        "Coarse, heterogeneous calcifications in the left breast.",
        "morphology",
        ("coarse heterogeneous",),
    ),
    (
        "Heterogeneous coarse calcifications in the left breast.",
        "morphology",
        ("coarse heterogeneous",),
    ),
    ("Popcorn-like calcifications in the right breast.", "morphology", ("popcorn",)),
    ("Coarse popcorn-like calcification in a fibroadenoma.", "morphology", ("coarse", "popcorn")),
    ("Rim-like calcification in the right breast.", "morphology", ("rim",)),
    ("Eggshell calcification of the hilar lymph nodes.", "morphology", ("rim",)),
    ("Rim/eggshell calcifications in the right breast.", "morphology", ("rim",)),
    ("Milk-of-calcium calcifications in the right breast.", "morphology", ("milk of calcium",)),
    ("Vascular-type calcifications in both breasts.", "morphology", ("vascular",)),
    ("Dermal calcifications in the left breast.", "morphology", ("skin",)),
    ("Skin/dermal calcifications in the left breast.", "morphology", ("skin",)),
    ("Secretory calcifications in both breasts.", "morphology", ("large rod-like",)),
    ("Round and punctate calcifications in the left breast.", "morphology", ("round", "punctate")),
    ("Suture calcifications at the lumpectomy site.", "morphology", ("suture",)),
    ("Lucent-centered calcifications in the left breast.", "morphology", ()),
    # past a comma, a shape that ends the sentence or its phrase is the finding's
    (
        "Calcifications in the left breast, amorphous in morphology.",
        "morphology",
        ("amorphous",),
    ),
    # '... in pattern' and '... in type' close the phrase as 'in morphology' does
    ("Calcified mediastinal lymph nodes, eggshell in pattern.", "morphology", ("rim",)),
    ("Calcified right hilar nodes, eggshell in type.", "morphology", ("rim",)),
    (
        "Coarse calcification in the left breast, likely dystrophic.",
        "morphology",
        ("coarse", "dystrophic"),
    ),
    (
        "Coarse calcification in the left breast, round mass in the right breast.",
        "morphology",
        ("coarse",),
    ),
    # between two commas, descriptor words only
    (
        "Amorphous calcifications, grouped, in the left breast.",
        "distribution",
        ("grouped",),
    ),
    (
        "Calcifications in the left breast, coarse, likely dystrophic.",
        "morphology",
        ("coarse", "dystrophic"),
    ),
    ("Calcifications in the left breast, dermal in location.", "morphology", ("skin",)),
    # not a calcified lesion's own shape
    ("Left level VI: 8 mm calcified lymph node, round, no hilum.", "morphology", ()),
    (
        "Coarse heterogenous calcifications in the left breast.",
        "morphology",
        ("coarse heterogeneous",),
    ),
    (
        "Calcifications in the left breast, which are amorphous and grouped.",
        "morphology",
        ("amorphous",),
    ),
    (
        "Calcifications in the left breast are fine pleomorphic in morphology "
        "and grouped in distribution.",
        "distribution",
        ("grouped",),
    ),
    # another subject after the comma
    ("Calcifications in the left breast, and the mass is round.", "morphology", ()),
    ("Clustered calcifications in the left breast.", "distribution", ("grouped",)),
    ("Linearly arranged calcifications in the left breast.", "distribution", ("linear",)),
    ("Segmentally distributed calcifications.", "distribution", ("segmental",)),
    ("Regionally distributed calcifications.", "distribution", ("regional",)),
    ("Punctuate calcifications in the left breast.", "morphology", ("punctate",)),
    ("Pleiomorphic calcifications in the left breast.", "morphology", ("fine pleomorphic",)),
    ("A cluster of punctate calcifications in the left breast.", "distribution", ("grouped",)),
    ("Calcifications in a cluster in the left breast.", "distribution", ("grouped",)),
    (
        "Left breast calcifications in a cluster distribution.",
        "distribution",
        ("grouped",),
    ),
    ("Calcifications in a segmental distribution in the left breast.", "distribution", ("segmental",)),
    ("Calcifications in a linear distribution in the left breast.", "distribution", ("linear",)),
    ("Regional amorphous calcifications in the left breast.", "distribution", ("regional",)),
    ("Diffusely scattered punctate calcifications in both breasts.", "distribution", ("diffuse",)),
    # a distribution phrase opening the part after a semicolon that names no
    # finding is the lone finding's of the part before it
    (
        "Clustered amorphous calcifications in the right breast; segmental "
        "distribution toward the areola.",
        "distribution",
        ("grouped", "segmental"),
    ),
    (
        "Fine pleomorphic calcifications at 2 o'clock, no mass; in a linear "
        "distribution.",
        "distribution",
        ("linear",),
    ),
    # not a bare shape word opening another thing, nor past two findings
    (
        "Punctate calcifications in the right breast; linear scar at the biopsy site.",
        "distribution",
        (),
    ),
    (
        "Punctate calcifications in the right breast and round calcifications in "
        "the left breast; linear distribution.",
        "distribution",
        (),
    ),
    # a finding named as what the words before it describe takes the
    # distribution they give it in a phrase that says "pattern" or
    # "distribution"; not a bare adverb, nor a denied lesion's
    (
        "The renal pyramids are brightly echogenic in a diffuse pattern, consistent "
        "with medullary nephrocalcinosis.",
        "distribution",
        ("diffuse",),
    ),
    (
        "Echogenic pyramids in both kidneys in a diffuse pattern, typical for "
        "nephrocalcinosis.",
        "distribution",
        ("diffuse",),
    ),
    (
        "The renal pyramids are diffusely echogenic, consistent with nephrocalcinosis.",
        "distribution",
        (),
    ),
    (
        "Non-mass enhancement in a segmental distribution at 4 o'clock, corresponding "
        "to the known calcifications.",
        "distribution",
        (),
    ),
    # a lucent centre is no lexicon name, but it lists with one; an echogenic
    # focus casting a shadow is no casting calcification; "dystrophic change"
    # names the dystrophic shape as "dystrophic" does
    (
        "Grouped punctate and lucent-centered calcifications in the right breast.",
        "morphology",
        ("punctate",),
    ),
    (
        "Amorphous and lucent centered calcifications at 2 o'clock.",
        "morphology",
        ("amorphous",),
    ),
    (
        "Coarse calcification casting an acoustic shadow in a left thyroid nodule.",
        "morphology",
        ("coarse",),
    ),
    (
        "Echogenic gallbladder wall calcification casting posterior shadowing.",
        "morphology",
        (),
    ),
    (
        "Calcification at the biopsy site in the left breast, probably dystrophic "
        "changes.",
        "morphology",
        ("dystrophic",),
    ),
]


@pytest.mark.parametrize("text, field, value", SHAPES)
def test_birads_terms(findings_of, text, field, value):
    assert getattr(findings_of(text)[0], field) == value


GRADES = [
    # a superlative that says where the deposit is most marked locates it, no grade
    ("Calcinosis cutis of the fingertips, most prominent at the right index finger.", ""),
    ("Vascular calcifications of both feet, most marked in the left forefoot.", ""),
    ("Calcification of the rotator cuff, most extensive at the infraspinatus.", ""),
    ("Dense calcification of the rotator cuff, most prominent at the infraspinatus.", "severe"),
    ("Prominent calcification of the supraspinatus tendon.", "severe"),
    ("Mild to moderate coronary artery calcification.", "moderate"),
    ("Moderate-to-severe coronary artery calcification.", "severe"),
    ("Mild-moderate coronary artery calcification.", "moderate"),
    ("Trace coronary artery calcification.", "minimal"),
    ("Slight calcification of the aortic knob.", "minimal"),
    ("Scattered calcified granulomas.", "mild"),
    # a predicate grade before a preposition of place
    ("Calcified granulomas are scattered throughout both lungs.", "mild"),
    ("Coronary calcifications are dense along the LAD.", "severe"),
    ("Tiny calcified foci are scattered through the left kidney.", "mild"),
    ("Coronary calcifications are dense through the proximal LAD.", "severe"),
    ("Small calcified granuloma.", ""),
    ("Multiple calcified granulomas.", ""),
    ("The aortic valve is heavily calcified.", "severe"),
    ("The remaining leaflet is extremely calcified.", "severe"),
    ("An exceedingly calcified mitral annulus.", "severe"),
    # guard: 'extremely dense' grades the breast tissue
    ("The breasts are extremely dense. Vascular calcifications, left breast.", ""),
    ("Coronary artery calcification, moderate.", "moderate"),
    ("Coronary artery calcification, mild in degree.", "mild"),
    ("Coronary artery calcification is severe.", "severe"),
    ("Calcification of the abdominal aorta, mild.", "mild"),
    ("Small amount of calcified plaque in the LAD.", "mild"),
    ("A few foci of calcified plaque in the LAD.", "mild"),
    ("Advanced atherosclerotic calcification of the aorta.", "severe"),
    ("Mild atherosclerotic calcification with a large aneurysm.", "mild"),
    ("Aortic calcification with marked tortuosity.", ""),
    ("Calcified aortic valve, moderate to severe stenosis.", ""),
    # a mention that names a narrowing: the grade is the narrowing's
    ("Severe calcific aortic stenosis.", ""),
    ("Moderate calcific mitral stenosis.", ""),
    # an adverb right before 'calcified' grades the calcium, not the narrowing
    ("Heavily calcified proximal RCA stenosis, treated with a stent.", "severe"),
    ("A long, densely calcified stenosis of the mid LAD.", "severe"),
    # a finding named as what graded foci are takes their grade
    (
        "Scattered punctate echogenic foci in the renal cortex, likely vascular "
        "calcifications.",
        "mild",
    ),
    # a grade shared over "and" past site adjectives of its first noun
    ("Dense apical pleural thickening and calcification.", "severe"),
    ("Mild atheromatous plaque and calcification in the iliac arteries.", "mild"),
    ("Moderate aortic atherosclerosis and calcification.", "moderate"),
    ("Mild cardiomegaly and calcification of the aortic arch.", ""),
    # a grade before a comma list of site adjectives that "and" closes
    ("Mild right thalamic, pontine and cerebellar calcifications.", "mild"),
    ("Dense periventricular, cortical, and subcortical calcifications.", "severe"),
    ("Mild cardiomegaly, aortic and mitral calcification.", ""),
    ("Marked pleural effusion and calcification of the pleura.", ""),
    # a grade after a comma, judged for the patient's age
    ("Calcification of the costal cartilages, advanced for age.", "severe"),
    ("Coronary artery calcification, mild for the patient's age.", "mild"),
    ("Coronary artery calcification, normal for age.", ""),
    # past an "and" of the mention's place of up to four words
    ("Calcification of the laryngeal and upper tracheal cartilage rings, advanced for age.", "severe"),
    ("Calcification of the laryngeal and upper tracheal cartilage rings, mild for age.", "mild"),
    ("Calcification of the laryngeal and upper tracheal cartilage rings, and severe emphysema.", ""),
    # a breast density phrase running into the mention leaves its grade word
    # to the mention; a density phrase before another noun still grades none
    ("Dense breast arterial calcifications along both lower quadrants.", "severe"),
    ("Marked breast arterial calcification in the left breast.", "severe"),
    ("Heterogeneously dense breast tissue with round calcifications.", ""),
    ("Dense breasts. Breast arterial calcifications on the right.", ""),
    # a grade a colon gives, past a short aside in brackets
    ("Coronary artery calcification: moderate (LAD and circumflex).", "moderate"),
    ("Aortic arch calcification - severe (unchanged).", "severe"),
    # a grade right before a change noun grades the change, not the calcium;
    # before a change adjective it grades the calcium
    ("Mild increase in the coronary artery calcification.", ""),
    ("Slight interval progression of the pancreatic calcifications.", ""),
    ("Moderate increase of the breast calcifications.", ""),
    ("Dense new calcification at the lumpectomy site.", "severe"),
    # a grade before coordinated site modifiers, a head noun among them
    ("Mild basal ganglia and pulvinar calcification.", "mild"),
    # past a longer comma list of them that "and" closes
    ("Marked bilateral basal ganglia, pulvinar, dentate and cerebellar calcifications.", "severe"),
    ("Mild cardiomegaly, pleural effusion and aortic calcification.", ""),
    # a grade that a "but" joins to another adjective of the mention's phrase
    ("Extensive but nonocclusive coronary artery calcification.", "severe"),
    ("Moderate but nonobstructive iliac calcification.", "moderate"),
    ("Severe stenosis but the calcified plaque is small.", ""),
]


@pytest.mark.parametrize("text, severity", GRADES)
def test_severity(findings_of, text, severity):
    assert findings_of(text)[-1].severity == severity


@pytest.mark.parametrize(
    "text",
    [
        "Left hip calcific bursitis was aspirated last year and resolved.",
        "Right shoulder calcific tendinitis was treated by needling two years ago "
        "and resolved; no residual deposit since.",
    ],
)
def test_a_finding_said_resolved_after_it_is_denied_and_historical(only, text):
    """A finding its clause says resolved after it, where no denial reached
    it, stays negated and historical (corpora/GUIDE.md, Descriptors: change)
    and has no class."""
    f = only(text)
    assert (f.change, f.negated, f.historical, f.classification) == (
        "resolved",
        True,
        True,
        "",
    )
