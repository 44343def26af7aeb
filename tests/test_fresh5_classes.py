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
