"""Probe of gastroenterology and hepatobiliary documents (GI clinic and
consult notes, endoscopy, ERCP and EUS reports, barium studies, abdominal
films, hepatobiliary ultrasound): errors found on made-up notes of that
kind, one class per table. None of the sentences is taken from a real
report."""

from __future__ import annotations

import pytest


def _mentions(analyzer, text: str) -> list[str]:
    return [f.mention for f in analyzer.analyze(text, "T").findings]


def _find(analyzer, text: str, mention: str):
    hits = [f for f in analyzer.analyze(text, "T").findings if f.mention == mention]
    assert hits, _mentions(analyzer, text)
    return hits[0]


# --- a stone is no finding, called calcified or not, with the duct or the
# part of the biliary tree it lies in written between ('calcified ductal
# stones', 'calcified intrahepatic stones'; guide §1: stones of any kind)

DUCT_STONES = [
    "Impression: Chronic pancreatitis with calcified ductal stones.",
    "ERCP: several calcified intraductal stones were removed from the duct.",
    "Calcified intrahepatic stones in the left lobe.",
    "MRCP: calcified extrahepatic duct stones.",
    "Scout film: a calcified main duct stone over the pancreatic head.",
    "Cholangiogram: two calcified cystic duct stones.",
    "Calcified CBD stone, 8 mm.",
    "Pancreatogram: multiple calcified PD stones in the head.",
]


@pytest.mark.parametrize("text", DUCT_STONES)
def test_a_duct_stone_called_calcified_is_no_finding(analyzer, text):
    assert _mentions(analyzer, text) == []


# Guards: the calcification beside the stone, or of the duct wall, stays.
DUCT_STONE_GUARDS = [
    ("Calcified ductal wall of the pancreas, no stones.", "Calcified"),
    ("Calcified intrahepatic granuloma in the left lobe.", "Calcified"),
    ("Calcified main pancreatic duct, no stones seen.", "Calcified"),
    ("Pancreatic calcifications and ductal stones.", "Pancreatic calcifications"),
]


@pytest.mark.parametrize(("text", "mention"), DUCT_STONE_GUARDS)
def test_a_calcification_beside_a_duct_stone_stays(analyzer, text, mention):
    assert any(m.startswith(mention) for m in _mentions(analyzer, text))


# --- a pancreatic pseudocyst is a cyst: its calcified wall is dystrophic
# (guide §3: cysts are local causes; §4 rule 1), and the report lists it

PSEUDOCYSTS = [
    ("Calcified pseudocyst in the pancreatic tail.", "Calcified pseudocyst"),
    ("4 cm pancreatic pseudocyst with peripheral calcification.", "calcification"),
    ("EUS: 3 cm anechoic pseudocyst of the tail with a calcified rim.",
     "calcified rim"),
    ("CT: two pseudocysts in the lesser sac, one with mural calcification.",
     "mural calcification"),
]


@pytest.mark.parametrize(("text", "mention"), PSEUDOCYSTS)
def test_a_pseudocyst_is_a_dystrophic_cyst(analyzer, text, mention):
    assert _find(analyzer, text, mention).classification == "dystrophic"
    assert "cyst" in [c.name for c in analyzer.analyze(text, "T").conditions]


# Guards: a pseudocyst denied or asked about is no cause and no condition.
PSEUDOCYST_GUARDS = [
    ("No pseudocyst. Punctate calcification in the pancreatic tail.",
     "calcification"),
    ("Evaluate for pseudocyst. Punctate calcification in the pancreatic tail.",
     "calcification"),
]


@pytest.mark.parametrize(("text", "mention"), PSEUDOCYST_GUARDS)
def test_a_denied_or_asked_pseudocyst_is_no_cause(analyzer, text, mention):
    assert _find(analyzer, text, mention).classification == "indeterminate"
    assert "cyst" not in [c.name for c in analyzer.analyze(text, "T").conditions]


# --- a size after the mention past a comma that a duct or a wall labels is
# that structure's measurement, another item of the list ('no calcification,
# main duct 2 mm'; corpora/GUIDE.md size_mm: never the size of a different
# thing)

DUCT_SIZES = [
    ("Pancreatic body: homogeneous parenchyma, no calcification, main duct 2 mm.",
     "calcification"),
    ("Gallbladder: no stones, no wall calcification, wall 2 mm.",
     "wall calcification"),
    ("Pancreas: coarse calcifications in the head, duct 5 mm.", "calcifications"),
    ("Station 2: scattered calcifications, PD 4 mm in the head.", "calcifications"),
    ("Liver: calcified granuloma in the right lobe, CBD 6 mm.", "calcified granuloma"),
    ("Gallbladder: mural calcification, wall thickness 3 mm.", "mural calcification"),
]


@pytest.mark.parametrize(("text", "mention"), DUCT_SIZES)
def test_a_duct_or_wall_size_is_not_the_calcification_s(analyzer, text, mention):
    assert _find(analyzer, text, mention).size_mm is None


# Guards: the mention's own size after a comma stays.
OWN_SIZES = [
    ("Liver: calcified granuloma in the right lobe, 6 mm.", "calcified granuloma", 6),
    ("Pancreatic duct calcification, 5 mm.", "Pancreatic duct calcification", 5),
    ("Calcification in the gallbladder wall, measuring 4 mm.", "Calcification", 4),
    ("Calcified node, the largest 9 mm.", "Calcified node", 9),
]


@pytest.mark.parametrize(("text", "mention", "size"), OWN_SIZES)
def test_the_mention_s_own_size_past_a_comma_stays(analyzer, text, mention, size):
    assert _find(analyzer, text, mention).size_mm == size


# --- 'GB' and 'gall bladder' are the gallbladder (guide §2 site vocabulary:
# gallbladder wall; abbreviated and two-word spellings of a site count), not
# the urinary bladder

GALLBLADDER_SPELLINGS = [
    ("GB wall calcification.", None),
    ("Calcified GB wall, porcelain GB.", "Calcified GB wall"),
    ("GB: thin rim of mural calcification.", "mural calcification"),
    ("Ultrasound: GB contracted with wall calcification.", None),
    ("Gall bladder wall calcification.", None),
    ("Curvilinear calcification of the gall bladder wall.", "calcification"),
    ("The gall-bladder wall is calcified.", "calcified"),
]


@pytest.mark.parametrize(("text", "mention"), GALLBLADDER_SPELLINGS)
def test_gb_and_gall_bladder_are_the_gallbladder(analyzer, text, mention):
    findings = analyzer.analyze(text, "T").findings
    hits = [f for f in findings if mention is None or f.mention == mention]
    assert hits, [f.mention for f in findings]
    assert hits[0].site == "gallbladder"


# Guards: the urinary bladder and a GB unit or a word holding the letters stay.
BLADDER_GUARDS = [
    ("Bladder wall calcification.", "bladder"),
    ("Calcification in the left bladder wall, schistosomiasis.", "bladder"),
    ("Pelvis: phleboliths. Bladder normal.", "vein"),
]


@pytest.mark.parametrize(("text", "site"), BLADDER_GUARDS)
def test_the_urinary_bladder_stays(analyzer, text, site):
    assert analyzer.analyze(text, "T").findings[0].site == site


# --- 'calcified A and B <finding>': a calcified structure named by its head
# and, after the 'and', a finding of its own ('calcified splenic artery and
# pelvic phleboliths', 'calcified costal cartilage and splenic artery
# calcifications') are two findings, not one phrase at both places (guide
# §1: each time the text names a calcification is a finding; the span runs
# to its head noun)

JOINED_FINDINGS = [
    ("KUB: calcified splenic artery and pelvic phleboliths.",
     [("calcified splenic artery", "artery"), ("pelvic phleboliths", "vein")]),
    ("Scout: calcified costal cartilage and splenic artery calcifications.",
     [("calcified costal cartilage", "costal cartilage"),
      ("splenic artery calcifications", "artery")]),
    ("Calcified aortic valve and mitral annulus calcification.",
     [("Calcified aortic valve", "aortic valve"),
      ("mitral annulus calcification", "mitral annulus")]),
    ("Abdomen: calcified mesenteric nodes and phleboliths.",
     [("calcified mesenteric nodes", "lymph node"), ("phleboliths", "vein")]),
]


@pytest.mark.parametrize(("text", "expected"), JOINED_FINDINGS)
def test_a_calcified_head_and_a_finding_are_two(analyzer, text, expected):
    got = [(f.mention, f.site) for f in analyzer.analyze(text, "T").findings]
    assert got == expected


# Guards: places joined before one head stay one finding.
ONE_PHRASE = [
    ("Calcified subcarinal and left hilar nodes.",
     "Calcified subcarinal and left hilar nodes"),
    ("Calcified hepatic and splenic granulomas.",
     "Calcified hepatic and splenic granulomas"),
    ("Calcified carotid bulb and proximal ICA plaque.",
     "Calcified carotid bulb and proximal ICA plaque"),
]


@pytest.mark.parametrize(("text", "mention"), ONE_PHRASE)
def test_places_joined_before_one_head_stay_one(analyzer, text, mention):
    assert _mentions(analyzer, text) == [mention]


# --- a leiomyoma that its own words place in the gut is no fibroid of the
# uterus: 'gastric leiomyoma', 'leiomyoma of the duodenum' lie in the stomach
# and the bowel, an esophageal one in a place outside the site vocabulary
# (guide §2: the phrase that says where it lies; where two fit, the
# narrower; a region outside the vocabulary gives no site)

GUT_LEIOMYOMAS = [
    ("Gastric leiomyoma with calcification.", "calcification", "stomach"),
    ("EUS: 2 cm gastric leiomyoma with internal calcifications.", "calcifications",
     "stomach"),
    ("Calcified leiomyoma of the stomach.", "Calcified leiomyoma", "stomach"),
    ("Duodenal leiomyoma with coarse calcification.", "calcification", "bowel"),
    ("Calcified leiomyoma of the rectum.", "Calcified leiomyoma", "bowel"),
    ("EUS: 2 cm esophageal leiomyoma with internal calcifications.",
     "calcifications", ""),
    ("Calcified leiomyoma of the esophagus.", "Calcified leiomyoma", ""),
]


@pytest.mark.parametrize(("text", "mention", "site"), GUT_LEIOMYOMAS)
def test_a_leiomyoma_of_the_gut_is_not_the_uterus(analyzer, text, mention, site):
    f = _find(analyzer, text, mention)
    assert (f.site, f.classification) == (site, "dystrophic")


# Guards: the uterus's leiomyomas and fibroids keep their site.
UTERINE_LEIOMYOMAS = [
    ("Calcified uterine leiomyoma.", "Calcified uterine leiomyoma"),
    ("Pelvis: calcified leiomyoma.", "calcified leiomyoma"),
    ("Calcified leiomyoma of the uterine fundus.", "Calcified leiomyoma"),
    ("Calcified fibroid in the posterior uterus.", "Calcified fibroid"),
]


@pytest.mark.parametrize(("text", "mention"), UTERINE_LEIOMYOMAS)
def test_a_uterine_leiomyoma_stays_the_uterus(analyzer, text, mention):
    assert _find(analyzer, text, mention).site == "uterus"


# --- EUS: the organ the echoendoscope looks from ('from the stomach', 'from
# the duodenal bulb', a station label's 'body/tail from stomach') is where
# the probe lies, not where the calcification is (guide §2: a place the
# finding is seen from or over yields; a clause about another structure
# gives no site)

EUS_VANTAGE = [
    ("From the stomach, calcifications were seen in the pancreatic body.",
     "calcifications", "pancreas"),
    ("Imaged from the duodenal bulb, calcifications in the pancreatic head.",
     "calcifications", "pancreas"),
    ("Station 2 (pancreatic head from the duodenum): coarse calcifications.",
     "calcifications", "pancreas"),
    ("Viewed from the stomach: shadowing calcifications in the pancreatic tail.",
     "calcifications", "pancreas"),
]


@pytest.mark.parametrize(("text", "mention", "site"), EUS_VANTAGE)
def test_the_organ_eus_looks_from_is_no_site(analyzer, text, mention, site):
    assert _find(analyzer, text, mention).site == site


# Guards: a lesion arising from the stomach or a calcification in it stays.
EUS_VANTAGE_GUARDS = [
    ("Calcified mass arising from the stomach.", "Calcified mass", "stomach"),
    ("Subepithelial lesion originating from the duodenum with calcification.",
     "calcification", "bowel"),
    ("Gastric mucosal calcification.", "Gastric mucosal calcification", "stomach"),
    ("Calcification in the wall of the duodenum.", "Calcification", "bowel"),
]


@pytest.mark.parametrize(("text", "mention", "site"), EUS_VANTAGE_GUARDS)
def test_a_lesion_from_an_organ_stays_there(analyzer, text, mention, site):
    assert _find(analyzer, text, mention).site == site
