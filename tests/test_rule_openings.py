"""Every bundled token pattern opens on words it names (a first token that
tests an exact word or a list of them), so the pattern matcher tries it only
where one of those words stands. A pattern whose first needed token a
regular expression or a negated list tests (`"REGEX": "^[a-z]+ectomy$"`,
`"IS_ALPHA": true`) would be tried at every token of every report: one such
rule cost a fifth of the per-report work. Write those words out instead (the
rule files are data: a list is as easy to review as a regex)."""

from __future__ import annotations

import gc

from calc_nlp.stages.pattern_states import PatternStates
from calc_nlp.stages.token_matcher import TokenMatcher


def test_no_bundled_pattern_opens_on_every_token(analyzer):
    analyzer.analyze("Calcified granuloma in the right upper lobe.", "T")
    matchers = [o for o in gc.get_objects() if isinstance(o, TokenMatcher)]
    states = [m.states for m in matchers if m.states is not None]
    assert states, "no compiled token patterns found"
    opening_anywhere = {
        str(s.strings[s.keys[p]]) for s in states for p in s.anywhere
    }
    assert not opening_anywhere, sorted(opening_anywhere)


def test_the_check_sees_a_pattern_that_opens_anywhere(analyzer):
    matcher = TokenMatcher(analyzer.kit.nlp.vocab)
    matcher.add("ANYWHERE_RULE", [[{"LOWER": {"REGEX": "^[a-z]+ectomy$"}}, {"LOWER": "for"}]])
    states = matcher.states
    assert isinstance(states, PatternStates)
    assert [str(states.strings[states.keys[p]]) for p in states.anywhere] == ["ANYWHERE_RULE"]
