"""TokenMatcher gives what spaCy's Matcher gives over the whole Doc."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc

from calc_nlp.stages.token_matcher import TokenMatcher, by_first_word

PATTERNS: list[list[dict[str, Any]]] = [
    [
        {"LOWER": "calcified"},
        {"LOWER": {"IN": ["hilar", "mediastinal"]}, "OP": "*"},
        {"LOWER": {"IN": ["granuloma", "granulomas"]}},
    ],
    [{"LOWER": "calcified"}, {"LOWER": "node", "OP": "?"}],
    [{"ORTH": "MAC"}],
    [{"LOWER": "score"}, {"ORTH": ":"}, {"OP": "{0,3}"}, {"LIKE_NUM": True}],
    [{"NORM": "calcific"}, {"IS_PUNCT": True, "OP": "?"}, {"LOWER": "density"}],
    [{"LOWER": "calcified"}, {"LOWER": "calcified", "OP": "+"}],
    [{"LOWER": {"IN": ["no", "without"]}}, {"LOWER": "calcified"}],
    [{"LOWER": {"IN": [":", "of", "is"]}, "OP": "*"}, {"LOWER": {"IN": ["0", "zero"]}}],
    [{"ORTH": "(", "OP": "?"}, {"LOWER": "mac"}, {"ORTH": ")", "OP": "?"}],
    [{"LOWER": {"IN": ["mild", "bony"]}}, {"LOWER": {"REGEX": "^mineraliz"}}],
    [{"LOWER": "mild"}, {"NORM": {"IN": ["density", "densities"]}, "OP": "+"}],
]
TEXTS = [
    "Calcified hilar mediastinal hilar granulomas. Calcified node. MAC seen.",
    "calcified calcified calcified granuloma, score: 1 2 3 4 and score : x 12",
    "No calcified",
    "calcific, density; calcific density MAC mac calcified hilar",
    "Score of is : 0 and zero, no calcified node, without calcified (MAC) mac",
    "mild mineralization, mild disease, bony mild density densities, Mild",
    "",
]


def _plain(nlp: Any, patterns: list[list[dict[str, Any]]]) -> Matcher:
    m = Matcher(nlp.vocab)
    for n, p in enumerate(patterns):
        m.add(f"R_{n}", [p])
    return m


def _ours(nlp: Any, patterns: list[list[dict[str, Any]]]) -> TokenMatcher:
    m = TokenMatcher(nlp.vocab)
    for n, p in enumerate(patterns):
        m.add(f"R_{n}", [p])
    return m


@pytest.mark.parametrize("extra", [[], [[{"IS_DIGIT": True}, {"LOWER": "views"}]]])
@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_the_whole_doc(text: str, extra: list[Any]) -> None:
    nlp = spacy.blank("en")
    doc = nlp(text)
    patterns = PATTERNS + extra
    m = _ours(nlp, patterns)
    assert m.states is not None  # matched by our state machine, not spaCy's
    assert m(doc) == _plain(nlp, patterns)(doc)


def test_a_pattern_opening_anywhere_is_started_on_every_token() -> None:
    nlp = spacy.blank("en")
    doc = nlp("2 views of the chest, 3 views")
    patterns = [[{"IS_DIGIT": True}, {"LOWER": "views"}], [{"LOWER": "chest"}]]
    m = _ours(nlp, patterns)
    assert m.states is not None and m.states.anywhere == [0]
    assert m(doc) == _plain(nlp, patterns)(doc) != []


def test_listed_shapes_open_by_look_up_not_on_every_token() -> None:
    """A first token of exact shapes ('d', 'dd': an inline list number '2)')
    opens only where a token has one of them, like a word list: the pattern
    is not tried at every token, and the matches stay spaCy's."""
    nlp = spacy.blank("en")
    doc = nlp("1) no effusion 2) calcified granuloma 12) old 123) x a) y")
    patterns = [
        [{"SHAPE": {"IN": ["d", "dd"]}}, {"ORTH": ")"}],
        [{"LOWER": "granuloma"}],
    ]
    m = _ours(nlp, patterns)
    assert m.states is not None and m.states.anywhere == []
    assert m(doc) == _plain(nlp, patterns)(doc)
    assert len(m(doc)) == 4  # '1)', '2)', '12)' and the granuloma


def test_a_word_with_another_test_opens_by_look_up_not_on_every_token() -> None:
    """A first token of exact words with another test beside them (a comma
    with no space after it: the ConText rule on a line joined at a comma)
    opens only on those words: the pattern is not tried at every token, and
    the matches stay spaCy's."""
    nlp = spacy.blank("en")
    doc = nlp("calcified,granuloma , old, x,y ,z")
    patterns = [
        [{"ORTH": ",", "SPACY": False}],
        [{"LOWER": "old", "OP": "?"}, {"ORTH": ",", "SPACY": True}],
        [{"LOWER": "granuloma"}],
    ]
    m = _ours(nlp, patterns)
    assert m.states is not None and m.states.anywhere == []
    assert m(doc) == _plain(nlp, patterns)(doc)
    assert len(m(doc)) == 7


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "mild"}, {"LENGTH": {">=": 4}}],  # a comparison
        [{"LOWER": "mild"}, {"LOWER": {"FUZZY": "disease"}}],
        [{"LOWER": "mild"}, {"_": {"flag": True}}],  # a custom extension
    ],
)
def test_what_the_states_do_not_implement_goes_to_spacy(pattern: Any) -> None:
    """A rule set with a test the state machine does not implement is matched
    by spaCy's Matcher, every pattern of it, with the same results."""
    from spacy.tokens import Token

    Token.set_extension("flag", default=False, force=True)
    nlp = spacy.blank("en")
    patterns = [*PATTERNS[:3], pattern, *PATTERNS[3:]]
    m = _ours(nlp, patterns)
    assert m.states is None
    for text in [*TEXTS, "mild disease, mild dizease, mild x"]:
        doc = nlp(text)
        assert m(doc) == _plain(nlp, patterns)(doc)


def test_quantifiers_as_spacy_expands_them() -> None:
    from calc_nlp.stages.pattern_states import (
        ONE,
        ZERO,
        ZERO_ONE,
        ZERO_PLUS,
        quantifiers,
    )

    assert quantifiers(None) == (ONE,)
    assert quantifiers("+") == (ONE, ZERO_PLUS)
    assert quantifiers("!") == (ZERO,)
    assert quantifiers("{2}") == (ONE, ONE)
    assert quantifiers("{1,3}") == (ONE, ZERO_ONE, ZERO_ONE)
    assert quantifiers("{,2}") == (ZERO_ONE, ZERO_ONE)
    assert quantifiers("{2,}") == (ONE, ONE, ZERO_PLUS)
    assert quantifiers("{3,1}") is None
    assert quantifiers("{}") is None


# Words and patterns for random Docs: every operator, and tests of several kinds.
_WORDS = ["a", "b", "c", "A", "B", ",", "1", "no", "No"]
_TOKENS: list[dict[str, Any]] = [
    {"LOWER": "a"},
    {"ORTH": "B"},
    {"LOWER": {"IN": ["b", "c"]}},
    {"LOWER": {"NOT_IN": ["a", ","]}},
    {"LOWER": {"REGEX": "^[bc]$"}},
    {"IS_PUNCT": True},
    {"LIKE_NUM": True},
    {"NORM": "no"},
    {},
]
_OPS = [None, "?", "*", "+", "!", "{0,2}", "{2}", "{1,}"]


@settings(max_examples=300, deadline=None)
@given(
    patterns=st.lists(
        st.lists(
            st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_OPS)),
            min_size=1,
            max_size=4,
        ),
        min_size=1,
        max_size=4,
    ),
    words=st.lists(st.sampled_from(_WORDS), max_size=14),
)
def test_any_patterns_match_as_spacy_matches_them(
    patterns: list[list[tuple[dict[str, Any], str | None]]], words: list[str]
) -> None:
    """Whatever the patterns and words: the same matches in the same order."""
    nlp = _NLP
    specs = [
        [dict(tok, **({"OP": op} if op else {})) for tok, op in pattern]
        for pattern in patterns
    ]
    doc = Doc(nlp.vocab, words=words)
    assert _ours(nlp, specs)(doc) == _plain(nlp, specs)(doc)


_NLP = spacy.blank("en")


def test_a_first_token_list_becomes_one_pattern_per_word() -> None:
    rest = {"LOWER": "calcified"}
    listed = [{"LOWER": {"IN": ["no", "without", "no"]}}, rest]
    assert by_first_word(listed) == [
        [{"LOWER": "no"}, rest],
        [{"LOWER": "without"}, rest],
    ]
    for kept in (
        [{"LOWER": {"IN": ["no"]}, "OP": "?"}, rest],  # optional: left as it is
        [{"LOWER": {"REGEX": "^no"}}, rest],
        [{"LOWER": "no"}, rest],
        [],
    ):
        assert by_first_word(kept) == [kept]


def test_same_matches_in_the_same_order_with_listed_first_words() -> None:
    nlp = spacy.blank("en")
    patterns = [
        [{"LOWER": {"IN": ["no", "without"]}}, {"LOWER": "calcified"}],
        [{"LOWER": {"IN": ["calcified", "no"]}}],
        [{"LOWER": {"IN": ["without", "x"]}}, {"LOWER": "calcified", "OP": "?"}],
    ]
    doc = nlp("no calcified x without calcified calcified no no without")
    assert _ours(nlp, patterns)(doc) == _plain(nlp, patterns)(doc)


def test_a_pattern_is_not_started_where_its_second_word_cannot_follow() -> None:
    """Patterns opening on one word, their second words tested on two
    columns, one pattern of a single word and one with an optional second:
    the same matches, in the same order, as spaCy's Matcher, the last word
    of the Doc included."""
    nlp = spacy.blank("en")
    patterns = [
        [{"LOWER": "no"}, {"LOWER": "calcified"}],
        [{"LOWER": "no"}, {"ORTH": "Calcified"}],
        [{"LOWER": "no"}, {"LOWER": {"IN": ["acute", "calcified"]}}],
        [{"LOWER": "no"}],
        [{"LOWER": "no"}, {"LOWER": "acute", "OP": "?"}],
        [{"LOWER": "no"}, {"LOWER": "acute"}, {"LOWER": "change"}],
    ]
    m = _ours(nlp, patterns)
    for text in ["no calcified No Calcified no acute change no", "no", "x no"]:
        doc = nlp(text)
        assert m(doc) == _plain(nlp, patterns)(doc)
    assert m.states is not None
    (opening,) = m.states._opening_tables()[0].values()  # the LOWER 'no' table
    assert opening.unindexed == (1, 3, 4)  # an ORTH test, a single word, optional


def test_a_pattern_is_not_started_where_no_word_up_to_its_second_needed_can_follow() -> None:
    """Optional words before or between a pattern's first two needed words:
    the word after the opening must be one of those the state may test it
    against (the optional ones and the needed one after them), else the
    pattern is not started there. An optional last word, or a test of
    another column, leaves the pattern started on every opening. The same
    matches, in the same order, as spaCy's Matcher."""
    nlp = spacy.blank("en")
    patterns = [
        [
            {"LOWER": {"IN": ["is", "was"]}, "OP": "?"},
            {"LOWER": "not"},
            {"LOWER": "seen"},
        ],
        [
            {"LOWER": "no"},
            {"LOWER": {"IN": [",", "-"]}, "OP": "*"},
            {"LOWER": "calcified"},
        ],
        [{"LOWER": "no"}, {"LOWER": "new", "OP": "?"}],
        [{"LOWER": "no"}, {"ORTH": ",", "OP": "*"}, {"LOWER": "calcified"}],
    ]
    m = _ours(nlp, patterns)
    for text in [
        "is not seen, was not, not seen; was seen is is not seen",
        "no , , calcified no - calcified no new no, calcified no calcified no",
        "was",
        "no",
    ]:
        doc = nlp(text)
        assert m(doc) == _plain(nlp, patterns)(doc)
    assert m.states is not None
    table = m.states._opening_tables()[m.states.columns.index("LOWER")]
    no = table[nlp.vocab.strings["no"]]
    assert no.patterns == (1, 2, 3)
    assert no.unindexed == (2, 3)  # an optional last word, an ORTH test
    assert no.by_next[nlp.vocab.strings["-"]] == (1, 2, 3)
    was = table[nlp.vocab.strings["was"]]
    assert was.unindexed == ()


def test_a_pattern_needing_only_its_last_word_is_not_started_where_it_cannot_go_on() -> None:
    """Optional words, then the one word a pattern needs, its last: started
    on an optional word, it is not started where the next word is none of
    its words (it would die there, matching nothing); started on its last
    word it matches there alone, and is always started. The same matches,
    in the same order, as spaCy's Matcher, the last word of the Doc
    included."""
    nlp = spacy.blank("en")
    patterns = [
        [{"LOWER": {"IN": ["has", "had"]}, "OP": "*"}, {"LOWER": "asked"}],
        [{"LOWER": {"IN": ["had", "was"]}, "OP": "?"}, {"LOWER": "seen"}],
        [{"LOWER": "had"}, {"LOWER": "asked"}],
    ]
    m = _ours(nlp, patterns)
    for text in [
        "he has asked, had had asked, has been asked; asked was seen had",
        "seen had seen was was seen has",
        "has",
        "asked",
    ]:
        doc = nlp(text)
        assert m(doc) == _plain(nlp, patterns)(doc)
    assert m.states is not None
    table = m.states._opening_tables()[m.states.columns.index("LOWER")]
    has, had = table[nlp.vocab.strings["has"]], table[nlp.vocab.strings["had"]]
    assert has.unindexed == () and has.by_next[nlp.vocab.strings["asked"]] == (0,)
    assert had.unindexed == () and had.by_next[nlp.vocab.strings["seen"]] == (1,)
    for last in ("asked", "seen"):  # matched on the word alone: always started
        assert table[nlp.vocab.strings[last]].unindexed == (
            table[nlp.vocab.strings[last]].patterns
        )


def test_openings_found_once_for_several_matchers_are_each_ones_own() -> None:
    """Two matchers whose patterns open on words of the same columns, some
    words shared: where a pass shared by both (DocColumns, SharedOpenings)
    finds their patterns open is where each finds them alone, and so are
    the matches. A matcher outside the pass finds its own."""
    from calc_nlp.stages.pattern_states import SharedOpenings
    from calc_nlp.stages.token_matcher import DocColumns

    nlp = spacy.blank("en")
    first_patterns = [
        [{"LOWER": "no"}, {"LOWER": "calcified"}],
        [{"ORTH": "MAC"}],
        [{"LOWER": {"IN": ["mild", "dense"]}}, {"LOWER": "plaque"}],
        [{"NORM": "calcific"}],
    ]
    second_patterns = [
        [{"LOWER": "calcified"}, {"LOWER": "node", "OP": "?"}],
        [{"LOWER": "no"}],
        [{"ORTH": "R"}, {"LOWER": "hilum"}],
        [{"ORTH": {"IN": ["MAC", "AV"]}}, {"LOWER": "noted"}],
    ]
    first, second = _ours(nlp, first_patterns), _ours(nlp, second_patterns)
    outside = _ours(nlp, [[{"LOWER": "plaque"}]])
    assert first.states and second.states and outside.states
    shared = SharedOpenings([first.states, second.states])
    doc = nlp("No calcified node. MAC noted, mild plaque; no R hilum AV calcific dense plaque")
    names = ["LOWER", "ORTH", "NORM"]
    values = dict(zip(names, doc.to_array(names).T.tolist(), strict=True))
    columns = DocColumns(values, len(doc), shared)
    for m, patterns in ((first, first_patterns), (second, second_patterns)):
        st = m.states
        assert st is not None
        cols = [columns[a] for a in st.columns.names]
        found = columns.openings(st)
        assert found  # the shared pass found where they open
        assert st._openings(cols, len(doc), found) == st._openings(cols, len(doc))
        assert m(doc, columns) == m(doc) == _plain(nlp, patterns)(doc) != []
    assert columns.openings(outside.states) is None
    assert outside(doc, columns) == outside(doc) != []


def test_whitespace_after_a_token_is_matched_by_the_states() -> None:
    """SPACY (is there a space after the token?) is read from the Doc's
    arrays like the other attributes: a comma with no space after it, as
    exports that joined their lines with commas write a line break, is
    matched without handing the rule set to spaCy, with spaCy's results."""
    nlp = spacy.blank("en")
    patterns = [[{"ORTH": ",", "SPACY": False}], [{"ORTH": ",", "SPACY": True}, {"LOWER": "no"}]]
    m = _ours(nlp, patterns)
    assert m.states is not None
    for text in ["history,The score, no calcification,No effusion", "a , b,c", ","]:
        doc = nlp(text)
        assert m(doc) == _plain(nlp, patterns)(doc)
    assert len(m(nlp("history,The score, no calcification"))) == 2


def _cached(nlp: Any, patterns: list[list[dict[str, Any]]], cache: Any) -> TokenMatcher:
    m = TokenMatcher(nlp.vocab, cache)
    for n, p in enumerate(patterns):
        m.add(f"R_{n}", [p])
    m.settle()
    return m


def test_compiled_states_come_from_the_cache_for_the_same_patterns_only() -> None:
    """The build cache keeps a matcher's compiled states by the patterns
    added, in order: the same patterns load them (as marshal stores them,
    a REGEX test included) and match as compiled ones; a changed pattern,
    or the same ones in another order, are compiled anew."""
    import marshal

    from calc_nlp.stages.toolkit_cache import ToolkitCache

    nlp = spacy.blank("en")
    cache = ToolkitCache(None)
    cold = _cached(nlp, PATTERNS, cache)
    assert len(cache._states) == 1
    cache._states = marshal.loads(marshal.dumps(cache._states))  # as saved
    warm = _cached(nlp, PATTERNS, cache)
    assert len(cache._states) == 1  # found, not kept again
    for field in ("patterns", "steps", "keys", "openers", "anywhere", "_ids"):
        assert getattr(warm.states, field) == getattr(cold.states, field)
    assert warm.states._next_tests == cold.states._next_tests

    def tables(m: TokenMatcher) -> dict[int, dict[int, tuple[Any, ...]]]:
        return {
            col: {
                w: (o.patterns, o.column, o.by_next, o.unindexed)
                for w, o in table.items()
            }
            for col, table in m.states._opening_tables().items()
        }

    assert tables(warm) == tables(cold) != {}
    changed = [*PATTERNS[:-1], [{"LOWER": "mild"}, {"LOWER": "density"}]]
    other = _cached(nlp, changed, cache)
    turned = _cached(nlp, PATTERNS[::-1], cache)
    assert len(cache._states) == 3
    docs = [nlp(t) for t in TEXTS]
    for doc in docs:
        assert warm(doc) == cold(doc) == _plain(nlp, PATTERNS)(doc)
        assert other(doc) == _plain(nlp, changed)(doc)
        assert turned(doc) == _plain(nlp, PATTERNS[::-1])(doc)
    assert any(other(d) != warm(d) for d in docs)


def test_patterns_added_after_the_states_are_settled_are_compiled_too() -> None:
    nlp = spacy.blank("en")
    m = _cached(nlp, PATTERNS[:3], None)
    for n, p in enumerate(PATTERNS[3:], 3):
        m.add(f"R_{n}", [p])
    for text in TEXTS:
        doc = nlp(text)
        assert m(doc) == _plain(nlp, PATTERNS)(doc)


def _token_matchers(root: Any) -> list[TokenMatcher]:
    """Every TokenMatcher reachable from `root` through object attributes,
    lists, tuples and dict values."""
    seen: set[int] = set()
    found: list[TokenMatcher] = []
    todo = [root]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, (str, bytes, int, float)):
            continue
        seen.add(id(obj))
        if isinstance(obj, TokenMatcher):
            found.append(obj)
            continue
        if isinstance(obj, (list, tuple, set, frozenset)):
            todo.extend(obj)
        elif isinstance(obj, dict):
            todo.extend(obj.values())
        elif type(obj).__module__.startswith("calc_nlp") and hasattr(obj, "__dict__"):
            todo.extend(vars(obj).values())
    return found


def test_no_shipped_pattern_is_started_at_every_token() -> None:
    """A pattern whose first token tests no exact word (a REGEX, a shape
    class) is started at every token of every positive report: one such rule
    made the match stage 2.5x slower. Rules in patterns/ open on words
    (a misspelling is a list of spellings, not a regex)."""
    from calc_nlp.stages import analyzer

    an = analyzer()
    an.analyze("Calcified granuloma in the right upper lobe.", "t")
    matchers = _token_matchers(an)
    assert matchers
    anywhere = {
        id(m): [m.vocab.strings[states.keys[n]] for n in states.anywhere]
        for m in matchers
        if (states := m.states) is not None and states.anywhere
    }
    assert not anywhere, anywhere
