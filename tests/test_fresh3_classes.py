"""Classes of error a fresh blind dev batch (R1601-R1694) found; sentences
written for these tests, none from a report."""
import pytest

FINDING = "\nCalcified granuloma."

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


# 'nodularity' is the head noun of a calcific phrase: the span runs to it
# (guide §1, the span is the noun phrase).
NODULARITY = [
    ("FINDINGS: Faint calcific nodularity in both upper lobes.", "calcific nodularity"),
    ("Calcified nodularity along the right lateral pleura.", "Calcified nodularity"),
    ("IMPRESSION: Lingular calcific nodularity, unchanged.", "Lingular calcific nodularity"),
]


@pytest.mark.parametrize(("text", "mention"), NODULARITY)
def test_calcific_nodularity_span(analyzer, text, mention):
    assert [f.mention for f in analyzer.analyze(text, "T").findings] == [mention]


# 'the differential for the calcifications includes X' hedges the cause of a
# calcification that was seen, not its presence (guide §2, uncertain: a hedge
# on its cause or nature does not make it uncertain); what the differential
# lists stays hedged and records no condition (guide §3).
DIFFERENTIAL_FOR = [
    "HISTORY: The differential for these hepatic calcifications includes old TB or histoplasmosis.",
    "ASSESSMENT: Differential of the splenic calcifications includes prior granulomatous infection.",
]


@pytest.mark.parametrize("text", DIFFERENTIAL_FOR)
def test_differential_for_the_calcification(analyzer, text):
    r = analyzer.analyze(text, "T")
    assert [f.uncertain for f in r.findings] == [False]
    assert list(r.conditions) == []


def test_differential_listing_a_calcification_still_hedges(analyzer):
    r = analyzer.analyze("The differential for the mass includes calcified thrombus.", "T")
    assert [f.uncertain for f in r.findings] == [True]


# 'plaque' before 'calcification' says what kind of calcification it is: a
# type premodifier the span keeps (guide §1), after a severity word too.
PLAQUE_CALCIFICATION = [
    ("Moderate plaque calcification of the distal aorta.", "plaque calcification"),
    ("There is focal plaque calcification at the iliac bifurcation.", "plaque calcification"),
]


@pytest.mark.parametrize(("text", "mention"), PLAQUE_CALCIFICATION)
def test_plaque_calcification_span(analyzer, text, mention):
    assert [f.mention for f in analyzer.analyze(text, "T").findings] == [mention]


# 'the left bulb' in a report on the carotids is the left carotid bulb: the
# finding there takes its site and the side written on it, not the side of
# the other carotid named earlier in the sentence (guide §2, site vocabulary
# and laterality); with no carotid named it is no carotid.
def test_side_written_on_the_bulb(analyzer):
    text = ("Doppler: dense calcified plaque of the left internal carotid artery with "
            "high velocities, and minimal calcification at the right bulb.")
    got = [(f.site, f.laterality) for f in analyzer.analyze(text, "T").findings]
    assert got == [("carotid artery", "left"), ("carotid artery", "right")]


def test_bulb_without_carotids_is_no_carotid(analyzer):
    (f,) = analyzer.analyze("Tiny calcification near the left bulb.", "T").findings
    assert f.site != "carotid artery"


# A dystrophic cause named in another sentence at an organ's 'parenchymal'
# tissue is at the whole organ: it explains a calcification anywhere in it
# (guide §4 rule 4, a cause at that same place reported in another sentence).
def test_cause_at_the_parenchyma_is_at_the_organ(analyzer):
    text = ("FINDINGS: Several small calcifications in both cerebral hemispheres.,"
            "IMPRESSION: Old neurocysticercosis with calcified parenchymal cysts.")
    first = analyzer.analyze(text, "T").findings[0]
    assert first.classification == "dystrophic"


# A finding a copula says is a named lesion ('... are phleboliths', '... is a
# calcified granuloma') is that lesion: its site and its cause (guide §2
# step 3, guide §4 rule 1); not a bare predicate ('... is calcified') nor a
# comparison ('stable, as are ...').
def test_copula_names_what_the_finding_is(analyzer):
    text = "Two round calcific foci low in the right hemipelvis are phleboliths."
    first = analyzer.analyze(text, "T").findings[0]
    assert (first.site, first.classification) == ("vein", "dystrophic")


def test_copula_before_a_predicate_links_nothing(analyzer):
    text = "There is mild coronary calcification and the aortic valve is calcified."
    got = [f.site for f in analyzer.analyze(text, "T").findings]
    assert got == ["coronary artery", "aortic valve"]
