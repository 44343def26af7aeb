"""Probe of rheumatology and dermatology notes, consults, skin pathology and
the imaging they order: errors found on made-up reports of that kind, one
class per table."""

from __future__ import annotations

import pytest

# --- 'deposits of calcium' names a calcium deposit as 'calcium deposits'
# does (guide §1: calcium deposits; the span is 'calcium', as in 'contains
# calcium')

DEPOSITS_OF_CALCIUM = [
    ("Dermis contains deposits of basophilic amorphous calcium.", False),
    ("DIAGNOSIS: Skin, left elbow: dermal deposits of calcium.", False),
    ("Microscopic: deposition of granular calcium in the reticular dermis.", False),
    ("Sections show no deposits of calcium.", True),
    ("Tendon with deposition of calcium hydroxyapatite.", False),
]


@pytest.mark.parametrize(("text", "negated"), DEPOSITS_OF_CALCIUM)
def test_deposits_of_calcium(finding_of, text, negated):
    f = finding_of(text, "calcium")
    assert f.negated is negated


DEPOSITS_OF_CALCIUM_NONE = [
    "Deposits of uric acid in the first MTP joint. Calcium carbonate 500 mg daily.",
    "Calcium 9.8 mg/dL. Deposits of urate were aspirated.",
    "Deposition of hemosiderin. Calcium level normal.",
]


@pytest.mark.parametrize("text", DEPOSITS_OF_CALCIUM_NONE)
def test_deposits_of_other_things(findings_of, text):
    assert [f.mention for f in findings_of(text)] == []
