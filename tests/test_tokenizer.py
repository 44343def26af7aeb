"""The report tokenizer: whitespace exceptions dropped, every word cached
on its own (also after a special case), tokens unchanged."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import IDX, NORM, ORTH, SPACY
from spacy.tokenizer import Tokenizer

from calc_nlp.stages.toolkit import cacheable_exceptions

TEXTS = [
    "FINDINGS:\nCalcified granuloma.\n\nIMPRESSION: None.",
    "a  b",  # a second space is a token of its own
    "a \n b",
    "x\t\ty\tz",
    "\n",
    " ",
    "\t",
    " \t ",
    "\n \n",
    "   leading and trailing   ",
    "(\n)",
    "end.\n",
    "non\u00a0breaking \u00a0 space",
    "The patient's aorta cannot be seen.\nDr. Smith at 9 a.m.\nAortic calcification.",
    # words after a special case, some holding one behind an affix
    "Seen by Dr. Smith (Dr. Jones), 9 a.m.; can't say.\nAortic calcification, (cannot)",
]


def test_only_plain_whitespace_exceptions_are_dropped():
    rules = spacy.blank("en").Defaults.tokenizer_exceptions
    dropped = sorted(k for k in rules if k not in cacheable_exceptions(rules))
    assert dropped == ["\t", "\n", " "]  # the no-break space keeps its NORM


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_match_spacys_full_exceptions(analyzer, text):
    ours = analyzer.kit.nlp.tokenizer
    stock = Tokenizer(
        ours.vocab,
        rules=spacy.blank("en").Defaults.tokenizer_exceptions,
        prefix_search=ours.prefix_search,
        suffix_search=ours.suffix_search,
        infix_finditer=ours.infix_finditer,
        token_match=ours.token_match,
        url_match=ours.url_match,
    )
    attrs = [ORTH, NORM, SPACY, IDX]
    for _ in range(2):  # the second time from the tokenizer's cache
        a, b = ours(text), stock(text)
        assert [t.text for t in a] == [t.text for t in b]
        assert a.to_array(attrs).tolist() == b.to_array(attrs).tolist()


@pytest.mark.parametrize(
    "text, tokens",
    [
        # an export that joined lines with commas: the colon of a label is
        # its own token in any case, so the label reads as a header
        ("FINDINGS:,The", ["FINDINGS", ":", ",", "The"]),
        ("postoperative diagnoses:,1.", ["postoperative", "diagnoses", ":", ",", "1", "."]),
        ("Findings:,calcified", ["Findings", ":", ",", "calcified"]),
    ],
)
def test_joined_label_colons_split(analyzer, text, tokens):
    assert [t.text for t in analyzer.kit.nlp.make_doc(text)] == tokens


@pytest.mark.parametrize(
    "text, tokens",
    [
        # a list item's dash glued to the capital that opens the item
        ("-Left breast:", ["-", "Left", "breast", ":"]),
        ("-RIGHT KIDNEY:", ["-", "RIGHT", "KIDNEY", ":"]),
        # and to a word in lower case, as a lower-cased export writes it
        ("-left axillary tail:", ["-", "left", "axillary", "tail", ":"]),
        # a dash before two lower-case letters or a number stays as it was
        ("-ve", ["-ve"]),
        ("-2", ["-2"]),
        ("X-ray", ["X", "-", "ray"]),
    ],
)
def test_list_dash_glued_to_its_item_splits(analyzer, text, tokens):
    assert [t.text for t in analyzer.kit.nlp.make_doc(text)] == tokens


# the side a list item's label names when its dash is glued to it, as when a
# space follows the dash (GUIDE, laterality)
@pytest.mark.parametrize(
    "text, sides",
    [
        (
            "FINDINGS:\n-Left breast 4:00 middle depth: coarse calcification.\n"
            "-Right breast: vascular calcifications.",
            ["left", "right"],
        ),
        (
            "FINDINGS:\n- Left breast 4:00 middle depth: coarse calcification.\n"
            "- Right breast: vascular calcifications.",
            ["left", "right"],
        ),
    ],
)
def test_side_of_a_label_with_a_glued_dash(analyzer, text, sides):
    assert [f.laterality for f in analyzer.analyze(text, "T").findings] == sides


@pytest.mark.parametrize(
    "word, plain",
    [
        ("calcified", True),
        ("Granuloma.", True),
        ("aorta,", True),
        ("FINDINGS:", True),
        ("Dr.", False),  # a special case itself
        ("cannot", False),
        ("cannot,", False),  # its letters are one
        ("can't", False),
        ("e.g.", False),
        ("L1", False),
        ("x-ray", False),
        ("(cannot)", False),
        ("end..", False),
        ("", False),
    ],
)
def test_plain_words_are_primed_together(analyzer, word, plain):
    """A plain word (letters, at most one mark after them, no special case in
    it) is cached from one text of such words; any other word alone."""
    from calc_nlp.stages.toolkit import _plain

    assert _plain(word, analyzer.kit.nlp.tokenizer.rules) is plain


# Words with characters on both sides of U+FFFF: symbols ('©', '°', an
# emoji), letters past it (Deseret, mathematical bold), marks and digits.
AFFIX_TEXTS = [
    "calcified",
    "©2020",
    "36.6°C",
    "x\U0001f600",
    "\U0001f600y",
    "(\U0001f4a9)",
    "\U00010400\U00010428.",
    "a\U0001d400-b",
    "\U0001d400.\U0001d401",
    "5km",
    "RUL.,6.",
    "CKD-4",
    "end..",
    "\u2603\u2603",
    "\U0001f600\u00a9x",
    "ABC.",
    "\U00010400'S",
]


def _affix_parts():
    from spacy.lang.en import English
    from spacy.util import (
        compile_infix_regex,
        compile_prefix_regex,
        compile_suffix_regex,
    )

    from calc_nlp.stages import toolkit

    d = English.Defaults
    return [
        (
            compile_prefix_regex,
            toolkit.prefix_regex,
            [*d.prefixes, *toolkit.EXTRA_PREFIXES],
        ),
        (compile_suffix_regex, toolkit.suffix_regex, list(d.suffixes)),
        (
            compile_infix_regex,
            toolkit.infix_regex,
            [*d.infixes, *toolkit.EXTRA_INFIXES],
        ),
    ]


def test_affix_regexes_split_at_the_bmp_find_what_spacys_find():
    """The affix regexes with their classes split at U+FFFF (toolkit.bmp_first)
    find the same spans as spaCy's, at every position of every text, and a
    class was split in each (spaCy's class of symbols holds emoji)."""
    texts = AFFIX_TEXTS + [t[i:] for t in AFFIX_TEXTS for i in range(1, len(t))]
    for spacys, ours, parts in _affix_parts():
        old, new = spacys(parts), ours(parts)
        assert new.pattern != old.pattern
        assert new.groups == old.groups
        for text in texts:
            assert [m.span() for m in new.finditer(text)] == [
                m.span() for m in old.finditer(text)
            ]
            for pos in range(len(text)):
                a, b = old.search(text, pos), new.search(text, pos)
                assert (a and a.span()) == (b and b.span()), (text, pos)


def test_bmp_first_keeps_each_class_its_characters():
    """Each class split at U+FFFF matches the same characters, alone, in a
    look back or within a longer regex; a class alone becomes two regexes."""
    import re
    import sys

    from calc_nlp.stages.toolkit import bmp_first

    chars = (
        [chr(c) for c in range(0x250)]
        + [
            chr(c)
            for c in (
                0x2603,
                0xFFFF,
                0x10000,
                0x10400,
                0x1F5FF,
                0x1F600,
                0x1F601,
                0x1F602,
            )
        ]
        + [chr(c) for c in (0x1F603, 0x1D400, sys.maxunicode)]
    )
    klass = "[a-c\u00e9\U0001f600-\U0001f602\\U00010400]"
    split = bmp_first([klass])
    assert len(split) == 2
    for c in chars:
        assert bool(re.fullmatch(klass, c)) == any(re.fullmatch(s, c) for s in split)
    for pattern in (f"(?<={klass})x", f"{klass}+y", f"^{klass}{{2}}$"):
        (new,) = bmp_first([pattern])
        assert new != pattern
        for c in chars:
            for text in (c + "x", c + c + "y", c + c, "z" + c + "y"):
                assert [m.span() for m in re.finditer(new, text)] == [
                    m.span() for m in re.finditer(pattern, text)
                ]
    # left as written: no character past U+FFFF, a negated class, a category
    for same in ("[a-z]", "[^\U0001f600]", "[\\d\U0001f600]", "\\[\U0001f600\\]"):
        assert bmp_first([same]) == [same]


def test_tokens_of_words_past_the_bmp_match_spacys_affixes(analyzer):
    """Tokens with the split affix regexes are those of spaCy's own."""
    from spacy.util import (
        compile_infix_regex,
        compile_prefix_regex,
        compile_suffix_regex,
    )

    ours = analyzer.kit.nlp.tokenizer
    (_, _, prefixes), (_, _, suffixes), (_, _, infixes) = _affix_parts()
    stock = Tokenizer(
        ours.vocab,
        rules=ours.rules,
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=ours.token_match,
        url_match=ours.url_match,
    )
    text = " ".join(AFFIX_TEXTS) + "\nAortic calcification (\U0001f600), 36.6\u00b0C."
    assert [t.text for t in ours(text)] == [t.text for t in stock(text)]


# Words whose ends are plain (ASCII letters, digits) or not, for the plain
# affix regexes: units after a number, clitics, marks inside and at the end.
PLAIN_AFFIX_WORDS = [
    *AFFIX_TEXTS,
    "Calcification",
    "4mm",
    "12cm",
    "L5",
    "T12-L1",
    "patient's",
    "Patient’S",
    "aorta/iliac",
    "right-sided",
    "3x4",
    "1,2",
    "calcified,",
    "(calcified)",
    "vessels.Aorta",
    "Rt.",
    "e.g",
    "\u00e9chogène",
    "x\u00b2",
    "abc\n",
    # words not plain on a side: asked narrowed regexes (plain_affixes.py)
    "5.",
    "3\u00b0C.",
    "x\u2026",
    "1+2",
    "\u00aba\u00bb",
    "US$5",
    "a:b",
    "a\U0001f642b",
    "50%,",
    "a--b",
    '"word";',
    "'tis",
    "x.\n",
    "&c.",
    "(e.g.,",
]


def test_plain_affix_regexes_find_what_the_whole_ones_find(analyzer):
    """The tokenizer's affix regexes, which ask a plain word only the
    alternatives that can match in it (plain_affixes.py), find the spans of
    the whole regexes in every word and every start and end of a word."""
    from calc_nlp.stages.plain_affixes import PlainAffixes

    tok = analyzer.kit.nlp.tokenizer
    (_, prefix_of, prefixes), (_, suffix_of, suffixes), (_, infix_of, infixes) = (
        _affix_parts()
    )
    whole_prefix, whole_suffix = prefix_of(prefixes), suffix_of(suffixes)
    whole_infix = infix_of(infixes)
    for ours in (tok.prefix_search, tok.suffix_search, tok.infix_finditer):
        assert isinstance(ours.__self__, PlainAffixes)
    words = {w[i:] for w in PLAIN_AFFIX_WORDS for i in range(len(w))}
    words |= {w[: i + 1] for w in PLAIN_AFFIX_WORDS for i in range(len(w))}
    for word in sorted(words):
        for whole, ours in (
            (whole_prefix, tok.prefix_search),
            (whole_suffix, tok.suffix_search),
        ):
            a, b = whole.search(word), ours(word)
            assert (a and a.span()) == (b and b.span()), word
        assert [m.span() for m in tok.infix_finditer(word)] == [
            m.span() for m in whole_infix.finditer(word)
        ], word
    # the plain regexes decided some: a unit and a clitic are split off
    assert tok.suffix_search("4mm").span() == (1, 3)
    assert tok.suffix_search("patient's").span() == (7, 9)


@pytest.mark.parametrize(
    ("regex", "side", "touches"),
    [
        ("\\.$", "end", False),  # a period ends it
        ("'s$", "end", True),
        ("(?<=[0-9])(?:km|mm)$", "end", True),
        ("(?<=[a-z])\\.$", "end", False),  # a look back takes no character
        ("\\.|x$", "end", True),  # 'x' at the end, and '.' anywhere
        ("\\.", "end", True),  # not at the end: anywhere
        ("(?i)\\.$", "end", True),  # a flag: not read
        ("[^.]$", "end", True),  # a negated class: not read
        ("\\.*$", "end", True),  # may take no character
        ("^\\(", "start", False),
        ("^[a-c]", "start", True),
        ("^\\(|x", "start", True),  # 'x' anywhere
        ("(?<=[A-Za-z])-(?=[A-Za-z])", "inside", False),
        ("(?:-|/)+", "inside", False),
        ("a|-", "inside", True),
        ("\\d", "inside", True),  # a category: not read
        ("x?-", "inside", True),  # opens on '-' or on 'x'
        ("(?=a)", "inside", True),  # takes no character
    ],
)
def test_touches_plain_reads_the_first_or_last_character(regex, side, touches):
    from calc_nlp.stages.plain_affixes import touches_plain

    assert touches_plain(regex, side) is touches


def test_plain_affixes_keep_the_alternatives_a_plain_word_can_match():
    """Of spaCy's suffixes, those that can end in a letter or digit are kept
    (clitics, units after a number), the punctuation dropped; none of its
    infixes (nor ours) opens on one, and of its prefixes only the currencies
    written with letters ('US$')."""
    from calc_nlp.stages.plain_affixes import END, INSIDE, NONE, START, plain_parts

    (_, _, prefixes), (_, _, suffixes), (_, _, infixes) = _affix_parts()
    kept = plain_parts(suffixes, END)
    assert "'s" in kept and "’S" in kept
    assert any("km" in p for p in kept)
    assert "…" not in kept and "," not in kept and len(kept) < len(suffixes) // 4
    assert plain_parts(prefixes, START) == ["US\\$", "C\\$", "A\\$"]
    assert plain_parts(infixes, INSIDE) == [NONE]
    assert plain_parts(["\\.", ";"], END) == [NONE]
    assert plain_parts(["a|\\.", ";"], END) == ["a|\\."]  # 'a' anywhere


def test_narrowed_parts_keep_the_alternatives_a_words_characters_can_match():
    """A word not plain on a side is asked the alternatives that can take
    its character there: of spaCy's suffixes, a comma only the comma and
    the classes of symbols; alternatives the reading is unsure of are kept,
    and all of them when one sets a flag (it holds for every alternative)."""
    from calc_nlp.stages.plain_affixes import END, INSIDE, NONE, START, narrowed_parts

    (_, _, prefixes), (_, _, suffixes), (_, _, infixes) = _affix_parts()
    kept = narrowed_parts(suffixes, ",", END)
    assert "," in kept and "…" not in kept and "'s" not in kept
    assert len(kept) < 5
    assert narrowed_parts(prefixes, "(", START)[0] == "\\("
    assert narrowed_parts(["\\.", ";", "x|\\."], ";", END) == [";", "x|\\."]
    assert narrowed_parts(["\\.", ";"], "!", END) == [NONE]
    assert narrowed_parts(["[^a]", "\\."], ",", END) == ["[^a]"]  # not read
    assert narrowed_parts(["(?i)x", "y"], ",", END) == ["(?i)x", "y"]
    # inside: also what opens on a plain character
    assert narrowed_parts(["-", "/", "a-"], "-", INSIDE) == ["-", "a-"]
    assert not any("/" in p for p in narrowed_parts(infixes, "-", INSIDE))


def test_words_not_plain_are_asked_a_narrowed_regex(analyzer):
    """A word ending in a comma is asked a regex of the few suffixes that
    can end in one, made once for every such word."""
    tok = analyzer.kit.nlp.tokenizer
    suffix = tok.suffix_search.__self__
    assert tok.suffix_search("zyqvorth,").span() == (8, 9)
    narrowed = suffix._by_chars[","]
    assert narrowed is not suffix.whole and len(narrowed.pattern) < 1000
    assert tok.suffix_search("qxvz,") and suffix._by_chars[","] is narrowed


def test_like_num_of_a_new_word_is_spacys(analyzer):
    """A new word's LIKE_NUM is spaCy's English value, the words of letters
    answered by a set of its number and ordinal words."""
    from spacy.attrs import LIKE_NUM
    from spacy.lang.en.lex_attrs import like_num

    from calc_nlp.stages.toolkit import _LikeNum

    ours = analyzer.kit.nlp.vocab.lex_attr_getters[LIKE_NUM]
    assert isinstance(ours, _LikeNum)
    words = ["Twelve", "THIRD", "thirds", "Zyqvorth", "twentieth", "zero"]
    words += ["3rd", "-5", "1/2", "1,234.5", "", "\u00bd", "\u216b", "\u0130", "x2"]
    assert [ours(w) for w in words] == [like_num(w) for w in words]
    assert [ours(w) for w in words[:6]] == [True, True, False, False, True, True]


def test_new_words_get_the_attributes_the_stages_read_and_no_other(analyzer):
    """A word new to the pipeline gets, of each attribute the rules' token
    patterns or the stages read, the value spaCy's English gives it; the
    attributes read nowhere (URL, currency...) get no function; the stop
    word flag is read (mentions.json M-calcified-x-open)."""
    from spacy.attrs import IDS
    from spacy.tokens import Doc

    from calc_nlp.stages.toolkit import STAGE_ATTRS

    kit = analyzer.kit
    read = list(dict.fromkeys([*kit.token_attrs, *STAGE_ATTRS]))
    ids = [IDS[a] for a in read]
    words = ["Zyqvorth", "QXV-7", "1,234", "zyq.", "(", "ZYQVX"]  # invented words
    ours = Doc(kit.nlp.vocab, words=words).to_array(ids).tolist()
    stock = Doc(spacy.blank("en").vocab, words=words).to_array(ids).tolist()
    assert ours == stock
    getters = kit.nlp.vocab.lex_attr_getters
    assert set(getters) <= set(ids)
    assert not {IDS[a] for a in ("LIKE_URL", "IS_CURRENCY")} & set(getters)


@pytest.mark.parametrize(
    "regex, chars",
    [
        ("a.b", {"a", "b"}),  # '.' any character: none sure
        ("a\\.b", {"a", ".", "b"}),
        ("(?:x|y)z", {"z"}),  # an alternative's own characters are not sure
        ("(?:x\\.|\\.y)", {"."}),  # every alternative holds it
        ("(?:ab)?c", {"c"}),  # an optional group holds none
        ("(?:ab)+c", {"a", "b", "c"}),
        ("[.,]x", {"x"}),  # a class: not read
        ("(?=q)r", {"r"}),  # a look-ahead: not read
        ("(?i)ab", set()),  # a flag: not read
    ],
)
def test_required_chars_every_match_holds(regex, chars):
    import re

    from calc_nlp.stages.new_words import required_chars

    assert required_chars(re.compile(regex)) == chars


URL_WORDS = [
    "calcification",
    "example.com",
    "www.example.org/a?b=1",
    "https://example.com",
    "user@example.com",
    "10.0.0.1",
    "192.168.1.1",
    "8.8.8.8",
    "localhost",
    "a.b",
    "e.g.",
    "3.5cm",
    "x:y@z",
    "ftp://",
    "",
]


def test_gated_url_match_finds_what_spacys_finds(analyzer):
    """The tokenizer's URL test, which asks the regex only about a word
    holding a '.' (every URL match holds one), matches where spaCy's does,
    and is saved by spaCy's pattern."""
    from spacy.lang.en import English

    stock = English.Defaults.url_match
    ours = analyzer.kit.nlp.tokenizer.url_match
    assert ours.__self__.pattern == stock.__self__.pattern
    for word in URL_WORDS:
        found, expected = ours(word), stock(word)
        assert (found and found.span()) == (expected and expected.span()), word
    assert ours.__self__._needs == (".",)


@pytest.mark.parametrize(
    "regex, side, chars",
    [
        ("^US\\$|^C\\$|^A\\$", "start", {"U", "C", "A"}),
        ("^(?:ab|c)", "start", {"a", "c"}),
        ("^x?y", "start", {"x", "y"}),  # an optional character or the next
        ("^[a-c]", "start", {"a", "b", "c"}),
        ("'s$|(?<=[0-9])(?:km|g)$", "end", {"s", "m", "g"}),
        ("^\\w", "start", None),  # a category: not read
        ("^a|b", "start", None),  # an alternative not anchored
        ("^x*", "start", None),  # may take no character
        ("(?i)^a", "start", None),  # a flag: not read
    ],
)
def test_edge_chars_a_match_can_take_at_the_anchor(regex, side, chars):
    from calc_nlp.stages.plain_affixes import edge_chars

    found = edge_chars(regex, side)
    assert found == (None if chars is None else frozenset(chars))


def test_plain_words_answered_without_the_regex_find_nothing(analyzer):
    """A plain word whose first (last) character no plain prefix (suffix)
    alternative can take is answered without a regex: spaCy's whole regex
    finds no affix there either."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    tokenizer = analyzer.kit.nlp.tokenizer
    (_, _, prefixes), (_, _, suffixes), _ = _affix_parts()
    whole_prefix, whole_suffix = (
        compile_prefix_regex(prefixes),
        compile_suffix_regex(suffixes),
    )
    for word in ["Calcification", "US$5", "Aorta", "4mm", "12cm", "kidneys", "wall"]:
        found = tokenizer.prefix_search(word)
        expected = whole_prefix.search(word)
        assert (found and found.span()) == (expected and expected.span()), word
        found = tokenizer.suffix_search(word)
        expected = whole_suffix.search(word)
        assert (found and found.span()) == (expected and expected.span()), word
    assert tokenizer.prefix_search.__self__._edges == frozenset("UCA")


def test_plain_answers_as_its_regex_test() -> None:
    """`_plain` answers a word of ASCII letters alone without its regex:
    the same answer as the regex test for words of letters, with a mark
    after them, special cases ('Dr.', 'Dont', 'Dont.'), letters outside
    ASCII, digits and empty words."""
    from calc_nlp.stages.toolkit import _PLAIN_WORD, _plain

    special = {"Dr.": [], "Dont": [], "vs.": []}
    words = ["Heart", "heart.", "Dr", "Dr.", "Dont", "Dont.", "vs", "vs.", "café",
             "Straße", "x", "", "5", "a5", "abc;", "abc..", "ABC:", "(abc", "ǅ"]

    def slow(word: str) -> bool:
        found = _PLAIN_WORD.fullmatch(word)
        return found is not None and word not in special and found.group(1) not in special

    assert [_plain(w, special) for w in words] == [slow(w) for w in words]
    assert _plain("Dont", special) is False and _plain("Heart", special) is True


# a pipe-delimited export's field bars glued to the words they part: each
# bar is its own token, so labels, conditions and sentence ends are found
@pytest.mark.parametrize(
    "text, tokens",
    [
        ("history|ESRD on HD|", ["history", "|", "ESRD", "on", "HD", "|"]),
        ("|LAD|120|", ["|", "LAD", "|", "120", "|"]),
        ("arteries.|", ["arteries", ".", "|"]),
    ],
)
def test_glued_pipe_bars_split(analyzer, text, tokens):
    assert [t.text for t in analyzer.kit.nlp.make_doc(text)] == tokens


def test_glued_pipe_fields_keep_condition_and_site(analyzer):
    text = (
        "Patient history|ESRD on hemodialysis|\n"
        "Findings|Extensive calcification of the radial artery.|"
    )
    result = analyzer.analyze(text, "T")
    assert [c.name for c in result.conditions] == ["chronic kidney disease"]
    f = result.findings[0]
    assert (f.site, f.classification) == ("artery", "metastatic")
