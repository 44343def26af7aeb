"""The mention gate (stages/hit_windows.py): windows around the prefilter's
hits never miss a mention the whole report holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from calc_nlp.stages.hit_windows import MIN_CHARS, REACH, holds_no_mention, windows
from calc_nlp.stages.matching import mentions

# Long filler that holds no prefilter word, and pieces that do: mentions,
# look-alikes an exclusion removes, and words split at whitespace edges.
FILLER = (
    "The patient was seen in clinic and the plan was discussed at length with "
    "the family, who agreed to the follow-up schedule outlined below. "
)
PIECES = [
    "Serum calcium 10.2 mg/dL.",
    "Calcium carbonate 500 mg daily.",
    "CT CARDIAC CALCIUM SCORING",
    "Noncalcified nodule in the left lower lobe.",
    "A calcified gallstone.",
    "Calcified granuloma in the RUL.",
    "No calcification.",
    "coronary artery calcium score of 0",
    "Agatston units",
    "calcifed\nnodes",
    "mitral annular\ncalcification",
    "MAC",
    "calcaneus",
    "hypercalcemia",
    # mentions whose prefilter word is not their first: a window of no reach
    # around the hit would miss them
    "Heterotopic ossification about the hip.",
    "milk of calcium",
    "calcium deposits in the rotator cuff",
]


def _mentions_of(analyzer):
    kit = analyzer.kit

    def run(text: str):
        doc = kit.nlp.make_doc(text)
        return mentions(kit, doc, kit.columns(doc))[0]

    return run


def test_windows_widen_to_whitespace_and_merge():
    text = "aaaa bbbb cccc dddd eeee"
    assert windows(text, [(5, 9)], reach=2) == [(0, 14)]
    assert windows(text, [(0, 4), (20, 24)], reach=1) == [(0, 9), (15, 24)]
    assert windows(text, [(5, 9), (10, 14)], reach=3) == [(0, 19)]


def test_long_note_with_only_lab_calcium_is_gated(analyzer):
    text = FILLER * 20 + "Serum calcium 10.2 mg/dL. " + FILLER * 20
    assert analyzer.prefilter.hits(text)
    assert holds_no_mention(text, analyzer.prefilter.hits, _mentions_of(analyzer))
    assert analyzer.analyze(text, "G").findings == []


def test_a_mention_far_into_a_long_note_is_found(analyzer):
    text = FILLER * 30 + "Calcified granuloma in the right upper lobe. " + FILLER * 5
    assert not holds_no_mention(text, analyzer.prefilter.hits, _mentions_of(analyzer))
    (f,) = analyzer.analyze(text, "G").findings
    assert text[f.start : f.end] == f.mention == "Calcified granuloma"


def test_short_text_and_unknown_hits_are_never_gated(analyzer):
    never = _mentions_of(analyzer)
    assert not holds_no_mention("Serum calcium 10.2.", lambda _: [(6, 13)], never)
    assert not holds_no_mention(FILLER * 30, lambda _: None, never)
    assert len(FILLER * 30) > MIN_CHARS


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PIECES), st.integers(0, 12), st.sampled_from([" ", "\n", "  "])),
        min_size=1,
        max_size=6,
    )
)
def test_gate_never_hides_a_mention(analyzer, parts):
    # pieces at random distances apart, some closer than a window's reach
    text = "".join(FILLER * n + sep + piece + sep for piece, n, sep in parts) + FILLER * 10
    mentions_of = _mentions_of(analyzer)
    if holds_no_mention(text, analyzer.prefilter.hits, mentions_of):
        assert mentions_of(text) == []
    assert REACH * 2 < MIN_CHARS
