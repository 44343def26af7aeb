"""Invariants over generated reports: offsets, ids, determinism."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.schema import make_finding_id

FRAGMENTS = [
    "Calcified granuloma in the RUL.",
    "No calcification.",
    "Pelvic phleboliths.",
    "FINDINGS:",
    "IMPRESSION:\n1.",
    "Coronary artery calcium score: 0.",
    "Ca 11.2 mg/dL.",
    "ESRD on HD.",
    "calcifed nodes",
    "XXXX",
    "\r\n",
    "\n\n",
    "- ",
    "MAC",
    "é ü ✓",
    "  ",
    "Possible microcalcifications cannot be excluded",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=12).map(
        " ".join
    )
)
def test_offsets_always_slice_to_mention(analyzer, text):
    result = analyzer.analyze(text, "P")
    for f in result.findings:
        assert text[f.start : f.end] == f.mention
        assert f.finding_id == make_finding_id("P", text, f.start, f.end)
    assert [f.start for f in result.findings] == sorted(
        f.start for f in result.findings
    )
    again = analyzer.analyze(text, "P")
    assert [(f.finding_id, f.classification, f.confidence) for f in again.findings] == [
        (f.finding_id, f.classification, f.confidence) for f in result.findings
    ]


def test_finding_id_depends_on_text_and_span_only():
    a = make_finding_id("R1", "Calcified granuloma.", 0, 19)
    assert a == make_finding_id("R1", "Calcified granuloma.", 0, 19)
    assert a != make_finding_id("R1", "Calcified granuloma!", 0, 19)
    assert a != make_finding_id("R2", "Calcified granuloma.", 0, 19)
    assert a != make_finding_id("R1", "Calcified granuloma.", 0, 18)
