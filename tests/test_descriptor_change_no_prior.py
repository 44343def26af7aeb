"""A bare comparative ('smaller', 'larger') in a report that says it has no
earlier study, or names none while a finding at the same site comes before,
sizes the finding against another lesion of the study: no change
(corpora/GUIDE.md change: a change word compares with the prior study)."""

from __future__ import annotations

import pytest

CASES = [
    (
        "COMPARISON: None.\nIMPRESSION: 1. Calcified fundal fibroid, the "
        "dominant one. 2. Smaller calcified fibroid in the cervix.",
        "",
    ),
    # no prior named and a finding at its site before it: compared with that
    (
        "FINDINGS: L2-3: Nodular calcification of the right ligamentum flavum. "
        "L3-4: Calcification of the ligamentum flavum on the left, smaller, "
        "without narrowing.",
        "",
    ),
    # alone, with no prior named, it still grades a change
    ("FINDINGS: The calcified granuloma is smaller.", "decreased"),
    # a prior named: the comparative grades against it
    (
        "COMPARISON: CT of XXXX.\nFINDINGS: Smaller calcified fibroid in the cervix.",
        "decreased",
    ),
    # 'than' says what it is compared with
    (
        "FINDINGS: Calcified mass beside the left hip, larger than on the film "
        "from last year.",
        "increased",
    ),
]


@pytest.mark.parametrize("text, change", CASES)
def test_bare_comparative_with_no_prior_gives_no_change(findings_of, text, change):
    assert findings_of(text)[-1].change == change
