"""Classes of error a fresh blind dev batch (R2000-R2081) found; sentences
written for these tests, none from a report."""
import pytest

# the carotid arteries are a pair: 'the carotids' names both sides, as the
# plural of a paired organ does (guide §2; corpora/GUIDE.md, laterality).
CAROTIDS = [
    "Brain CT: moderate calcification of the carotids at the skull base.",
    "Scattered calcified plaque within both petrous carotids.",
    "CTA neck: the carotids are densely calcified at the bifurcations.",
]


@pytest.mark.parametrize("text", CAROTIDS)
def test_carotids_plural_is_bilateral(analyzer, text):
    got = [f.laterality for f in analyzer.analyze(text, "T").findings]
    assert got == ["bilateral"]


# 'not present in 2019' names an earlier study by its year: the deposit is
# new, not denied (guide §2, negated: only a denial of the finding now); a
# number that is no year is left to the negation rules.
NOT_IN_YEAR = [
    ("Right hip: a 9 mm calcific focus at the gluteus medius insertion, not present in 2019.", False),
    ("Calcified granuloma in the left apex, not seen on 2018 films.", False),
    ("Coarse calcification of the splenic artery, not visible in 2020.", False),
    ("Calcification is not seen in 2 views.", True),
]


@pytest.mark.parametrize(("text", "negated"), NOT_IN_YEAR)
def test_not_present_in_a_year(analyzer, text, negated):
    got = [f.negated for f in analyzer.analyze(text, "T").findings]
    assert got == [negated]


# 'calcifying X' says mineral is being laid down in X: a finding whose span
# runs to the head noun, as 'calcified X' does (guide §1); 'noncalcifying'
# stays a look-alike.
CALCIFYING = [
    ("Pelvic MRI: a calcifying submucosal fibroid of the anterior wall.", ["calcifying submucosal fibroid"]),
    ("Thigh CT: a calcifying hematoma within the vastus lateralis.", ["calcifying hematoma"]),
    ("Pelvic ultrasound: a noncalcifying fibroid.", []),
]


@pytest.mark.parametrize(("text", "mentions"), CALCIFYING)
def test_calcifying_x_is_a_finding(analyzer, text, mentions):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == mentions


# surgery still to come ('before surgery', 'awaiting surgery', 'upcoming
# surgery', the risk of the surgery a preoperative consult weighs) is planned,
# not an earlier operation (guide §3: planned procedures are not recorded).
PLANNED_SURGERY = [
    ("PLAN: Optimize blood pressure before surgery.", []),
    ("He is awaiting surgery on the left hip.", []),
    ("Hold apixaban until surgery.", []),
    ("ASSESSMENT: Intermediate-risk surgery; may proceed.", []),
    ("Cardiac clearance for upcoming surgery.", []),
    ("HISTORY: Prior surgery on the left knee.", ["prior surgery"]),
]


@pytest.mark.parametrize(("text", "names"), PLANNED_SURGERY)
def test_planned_surgery_is_no_condition(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + "\nAortic calcification.", "T").conditions]
    assert got == names


# a distance from a scar, a lumpectomy site or a seroma is a place, not the
# size of the calcifications (corpora/GUIDE.md, size_mm: never the size of
# something else); the group's own span is still read.
DISTANCE_FROM_SCAR = [
    ("Left breast: amorphous calcifications 2 cm superior to the scar, spanning 4 mm.", 4.0),
    ("Right breast: a cluster of punctate calcifications 3 cm lateral to the lumpectomy site, spanning 7 mm.", 7.0),
    ("Left breast: coarse calcifications 1.5 cm from the seroma, measuring 5 mm.", 5.0),
]


@pytest.mark.parametrize(("text", "size"), DISTANCE_FROM_SCAR)
def test_distance_from_a_scar_is_no_size(analyzer, text, size):
    got = [f.size_mm for f in analyzer.analyze(text, "T").findings]
    assert got == [size]


# a year after an abbreviation is the date of the event it names ('MVA
# 2015': a motor vehicle accident that year), not a measure that makes it
# another word ('MVA 1.2 cm2', a mitral valve area) (guide §3: trauma).
DATED_ABBREVIATION = [
    ("HISTORY: Post-MVA 2012, now with flank pain.", ["trauma"]),
    ("PMH: MVA 2019. Hypertension.", ["trauma"]),
    ("ECHO: MVA 1.1 cm2, moderate stenosis.", []),
]


@pytest.mark.parametrize(("text", "names"), DATED_ABBREVIATION)
def test_abbreviation_before_a_year(analyzer, text, names):
    got = [c.name for c in analyzer.analyze(text + "\nCalcified splenic granuloma.", "T").conditions]
    assert got == names


# the words of a cause or age before the head noun are type words the span
# keeps, hyphenated or not (guide §1: the span is the calcification phrase
# with its anatomic and type words).
CAUSE_PREMODIFIERS = [
    ("Calcified post-traumatic hematoma of the left thigh.", "Calcified post-traumatic hematoma"),
    ("Calcified postinflammatory granuloma in the right lower lobe.", "Calcified postinflammatory granuloma"),
    ("A calcified organized hematoma in the spleen.", "calcified organized hematoma"),
]


@pytest.mark.parametrize(("text", "mention"), CAUSE_PREMODIFIERS)
def test_cause_words_stay_in_the_span(analyzer, text, mention):
    got = [f.mention for f in analyzer.analyze(text, "T").findings]
    assert got == [mention]
