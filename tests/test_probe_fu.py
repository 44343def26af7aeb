"""Follow-up reports (corpora/GUIDE.md, Descriptors: change): made-up
sentences that compare a calcification with earlier studies, one row each."""

from __future__ import annotations

import pytest

from calc_nlp.stages import analyze_report


def _change(text: str, mention: str | None = None) -> str:
    findings = analyze_report(text).findings
    if mention is not None:
        findings = [f for f in findings if f.mention == mention]
    assert findings, text
    return findings[0].change


# A finding said to be there again ("again seen", "redemonstrated",
# "persists") and, in a second predicate of the same subject, to have grown
# or shrunk: the direction is its change, the presence word only says it is
# still there.
AGAIN_THEN_DIRECTION = [
    ("Calcified granuloma in the left upper lobe is again seen and has increased in size.", "increased"),
    ("Left renal calcification is again noted and has decreased in size.", "decreased"),
    ("Calcific tendinitis of the right supraspinatus is again seen and has decreased.", "decreased"),
    ("Calcified thyroid nodule is again seen and is now larger.", "increased"),
    ("Pancreatic calcifications are again seen and are more numerous.", "increased"),
    ("Coronary calcifications are redemonstrated and have progressed.", "increased"),
    ("Mitral annular calcification persists and has become more extensive.", "increased"),
    ("The calcified node in the right hilum is again seen and has grown.", "increased"),
]

# Guards: the second predicate is another subject's, or says the same.
AGAIN_GUARDS = [
    ("Calcified granuloma in the right lower lobe is again seen, unchanged in size.", "stable"),
    ("Calcified granuloma is again seen and remains stable.", "stable"),
    ("Calcified subcarinal node is again seen and a new right effusion has developed.", "stable"),
    ("Calcified granuloma is again seen and there has been interval increase in the right effusion.", "stable"),
    ("Calcified granuloma is again seen and the nodule has increased in size.", "stable"),
    ("Calcified granuloma is again seen. The nodule has increased in size.", "stable"),
    ("Calcified granuloma has increased in size.", "increased"),
    ("Calcified granuloma is again seen and is not larger.", "stable"),
    ("Calcified granuloma is again seen and has not increased in size.", "stable"),
    ("Calcified granuloma is again seen and has not changed.", "stable"),
    ("Calcified granuloma is again seen and is larger than the adjacent nodule.", "stable"),
]


@pytest.mark.parametrize(("text", "change"), AGAIN_THEN_DIRECTION + AGAIN_GUARDS)
def test_again_seen_then_direction(text: str, change: str) -> None:
    assert _change(text) == change


# A comparative of visibility or extent graded against an earlier study
# that the sentence names after "compared with", "since" ... rather than
# after "than", or that "has become" makes a change over time.
COMPARATIVE_AGAINST_PRIOR = [
    ("FINDINGS: Aortic valve calcification has become more conspicuous compared with the prior exam.", "increased"),
    ("Mammogram: calcifications in the left breast at 3 o'clock have become more pronounced since XXXX.", "increased"),
    ("CT: The calcified right hilar node has become more conspicuous.", "increased"),
    ("Chest CT: Calcified pleural plaques, more pronounced compared with the prior study.", "increased"),
    ("Calcified mesenteric nodes are more conspicuous compared to the prior CT.", "increased"),
    ("Left renal calcification is more apparent when compared with the study of XXXX.", "increased"),
    ("Coronary calcification is more pronounced relative to the prior examination.", "increased"),
    ("The calcified left hilar node has become less conspicuous.", "decreased"),
    ("Pancreatic calcifications have become less pronounced since the prior CT.", "decreased"),
    ("Calcified granuloma is less pronounced compared with the prior study.", "decreased"),
]

# Guards: compared with another place or side, or no earlier study.
COMPARATIVE_GUARDS = [
    ("Left: chondrocalcinosis, more conspicuous.", ""),
    ("Calcified plaque more pronounced on the left compared with the right.", ""),
    ("Calcification of the right carotid bulb, more pronounced compared with the left side.", ""),
    ("Calcified granuloma in the right upper lobe.", ""),
]


@pytest.mark.parametrize(("text", "change"), COMPARATIVE_AGAINST_PRIOR + COMPARATIVE_GUARDS)
def test_comparative_against_prior(text: str, change: str) -> None:
    assert _change(text) == change


def _flags_change(text: str) -> tuple[bool, bool, str]:
    f = analyze_report(text).findings[0]
    return f.negated, f.historical, f.change


# A calcification an earlier study showed and today's does not (negated and
# historical) has resolved, whatever words deny it today.
SEEN_BEFORE_NOT_NOW = [
    ("The previously reported right upper lobe calcified granuloma is not identified.", (True, True, "resolved")),
    ("Previously described calcified left adrenal nodule is not visualized.", (True, True, "resolved")),
    ("The previously seen splenic calcification is not seen.", (True, True, "resolved")),
    ("Calcification in the left breast, seen on the prior mammogram, is not seen.", (True, True, "resolved")),
    # guards: denied only, or a past score of zero
    ("No history of vascular calcification.", (True, False, "")),
    ("Pericardial calcification is not identified.", (True, False, "")),
    ("Calcified granuloma in the right upper lobe, unchanged.", (False, False, "stable")),
]


@pytest.mark.parametrize(("text", "want"), SEEN_BEFORE_NOT_NOW)
def test_seen_before_not_now_is_resolved(text: str, want: tuple[bool, bool, str]) -> None:
    assert _flags_change(text) == want


def test_past_zero_score_is_not_resolved() -> None:
    """A past score of zero denies a finding of its day: nothing resolved."""
    f = analyze_report("Prior calcium score was 0.").findings[0]
    assert f.negated and f.historical
    assert f.change == ""


def _size_change(text: str) -> tuple[float | None, str]:
    f = analyze_report(text).findings[0]
    return f.size_mm, f.change


# Sizes after a colon that are today's and an earlier study's: no list of
# lesions, the size is today's and the earlier one gives the change.
COLON_SIZES = [
    ("Renal calcification: previously 6 mm, currently 4 mm.", (4.0, "decreased")),
    ("Calcified granuloma: 6 mm, previously 4 mm.", (6.0, "increased")),
    ("Calcified granuloma: previously 4 mm, now 6 mm.", (6.0, "increased")),
    # guards: a list of lesions, one size each: the largest
    ("Calcified hilar lymph nodes: right hilar node 12 mm, left hilar node 9 mm, all unchanged.", (12.0, "stable")),
    ("Calcified granulomas: RUL 4 mm, LLL 6 mm.", (6.0, "")),
]


@pytest.mark.parametrize(("text", "want"), COLON_SIZES)
def test_colon_sizes_today_and_before(text: str, want: tuple[float | None, str]) -> None:
    assert _size_change(text) == want


# Today's size first, marked as today's, then the earlier study's.
TODAY_THEN_BEFORE = [
    ("Calcified granuloma in the left lower lobe measures 6 mm today, 4 mm on the prior study.", (6.0, "increased")),
    ("Calcified right hilar node measures 12 mm currently, 10 mm on the prior CT.", (12.0, "increased")),
    ("Calcified granuloma, previously 4 mm, today 6 mm.", (6.0, "increased")),
    # guards
    ("Calcified granuloma in the left lower lobe measures 6 mm today.", (6.0, "")),
    ("Calcified granuloma measures 6 mm today, and a 4 mm nodule is seen on the prior study.", (6.0, "")),
]


@pytest.mark.parametrize(("text", "want"), TODAY_THEN_BEFORE)
def test_today_then_before(text: str, want: tuple[float | None, str]) -> None:
    assert _size_change(text) == want


def _side(text: str) -> str:
    return analyze_report(text).findings[0].laterality


# A place the sentence denies gives no side (guide §2, Site and side from
# context: a phrase that is itself negated gives neither site nor side), so
# "in the right X, not the left X" is right, not bilateral: the addendum's
# correction names one side.
DENIED_OTHER_SIDE = [
    ("ADDENDUM: The calcified granuloma is in the right upper lobe, not the left upper lobe.", "right"),
    ("ADDENDUM: Correction: the calcification is in the RIGHT breast, not the left breast.", "right"),
    ("Calcified node in the left hilum, not the right hilum.", "left"),
    ("ADDENDUM: The calcification is in the right kidney, not the left.", "right"),
    # guards: both places affirmed
    ("Calcified granulomas in the right upper lobe and the left upper lobe.", "bilateral"),
    ("Calcified granulomas in the right upper lobe, left upper lobe.", "bilateral"),
]


@pytest.mark.parametrize(("text", "side"), DENIED_OTHER_SIDE)
def test_denied_other_side(text: str, side: str) -> None:
    assert _side(text) == side


# The same after a comma: a presence word of the mention's predicate, then a
# direction closing the sentence ("is again seen, slightly larger").
AGAIN_COMMA_DIRECTION = [
    ("Previously seen medullary nephrocalcinosis is again demonstrated bilaterally, increased in extent.", "increased"),
    ("Calcified granuloma in the right upper lobe is again seen, slightly larger.", "increased"),
    ("Coronary artery calcification is again seen, more extensive than before.", "increased"),
    ("The calcified left hilar node is again noted, smaller than on the prior study.", "decreased"),
    # guards: a comparison of sides, another lesion, or a stable word after
    ("Calcified granulomas are again seen in both upper lobes, the left larger than the right.", "stable"),
    ("Calcified granuloma is again seen, with a new adjacent nodule.", "stable"),
    ("Calcified granuloma is again seen, decreased pleural effusion.", "stable"),
    ("Calcified granuloma is again seen, unchanged in size.", "stable"),
]


@pytest.mark.parametrize(("text", "change"), AGAIN_COMMA_DIRECTION)
def test_again_seen_comma_direction(text: str, change: str) -> None:
    assert _change(text) == change


# "not definitely seen on the prior": a hedge on the earlier study's
# showing it leaves the finding new today, as "not seen on the prior" does.
HEDGED_NOT_BEFORE = [
    ("Renal CT: Punctate calcification in the right kidney, not definitely seen on prior.", "new"),
    ("Calcified granuloma in the lingula, not clearly seen on the CT of XXXX.", "new"),
    ("Coarse calcification in the left breast, not definitely visible on the 2019 mammogram.", "new"),
    # guards: today's exam, or no earlier study
    ("Calcified granuloma in the lingula, not clearly seen on this study.", ""),
    ("Calcification in the right kidney is not definitely seen.", ""),
]


@pytest.mark.parametrize(("text", "change"), HEDGED_NOT_BEFORE)
def test_hedged_not_before(text: str, change: str) -> None:
    assert _change(text) == change
