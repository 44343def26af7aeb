"""The spaCy and medspaCy objects, built once per process from the rules.

`Toolkit(rules)` holds the tokenizer, the rule matchers, ConText, the lab
parser and the rule index; the stages only read it, so one toolkit serves
every report of a process (and every thread that only reads).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache, cached_property, partial
from itertools import compress
from operator import itemgetter
from typing import Any

from calc_nlp import quiet
from calc_nlp.fast_import import import_medspacy
from calc_nlp.labs import LabParser
from calc_nlp.regex_cache import Compile, RegexCache
from calc_nlp.rules import RuleSet
from calc_nlp.sentences import TherapyWords, abbreviation_words
from calc_nlp.stages.descriptor_rules import DescriptorRules, phrase_alternation

quiet.silence()
import_medspacy()
quiet.silence()  # the loggers medSpaCy brought

import spacy  # noqa: E402
from medspacy.context import ConText, ConTextRule  # noqa: E402
from medspacy.target_matcher import TargetRule  # noqa: E402
from spacy.attrs import IDS, intify_attrs  # noqa: E402
from spacy.matcher import PhraseMatcher  # noqa: E402
from spacy.tokenizer import Tokenizer  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.util import (  # noqa: E402
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
)

from calc_nlp.stages.context_blocks import (  # noqa: E402
    ContextRules,
    cached_phrases,
    context_columns,
    matches_columns,
    token_matcher_for,
)
from calc_nlp.stages.new_words import gated_match  # noqa: E402
from calc_nlp.stages.pattern_states import SharedOpenings  # noqa: E402
from calc_nlp.stages.plain_affixes import (  # noqa: E402
    END,
    INSIDE,
    START,
    PlainAffixes,
    narrowed_parts,
    plain_parts,
    set_ranges,
)
from calc_nlp.stages.token_matcher import (  # noqa: E402
    DocColumns,
    PhraseTrie,
    TokenMatcher,
)
from calc_nlp.stages.toolkit_cache import ToolkitCache  # noqa: E402

TARGET_GROUP = "calc_targets"
_NO_SITE: Mapping[str, Any] = {}


class RuleMatcher:
    """TargetRules matched as medspaCy's matcher would; each span carries its rule id.

    TargetMatcher would store the rule on `span._.target_rule`, which spaCy
    keys by character offsets only: two rules matching the same words would
    overwrite each other. A span id (`span.id_`) keeps them apart, and the
    rule's metadata is read from the rule index by that id.

    Per phrase attribute, as medspaCy's `MedspacyMatcher` does: the token
    patterns (started only where one can open: `TokenMatcher`), then the
    phrases, each rule keyed `CATEGORY_n` by its place in the batch.
    """

    def __init__(
        self,
        nlp: Any,
        name: str,
        rules: list[dict[str, Any]],
        cache: ToolkitCache | None = None,
        keys: Any = None,
    ):
        self.name = name
        cache = cache or ToolkitCache(None)
        # `keys`: the vocabulary the phrase matchers are made with (`keys_vocab`)
        keys = nlp.vocab if keys is None else keys
        buckets: dict[str, list[dict[str, Any]]] = {"LOWER": [], "ORTH": [], "NORM": []}
        for r in rules:
            for attr, rule in _as_phrases(r):
                buckets[attr].append(rule)
        strings = nlp.vocab.strings
        # (matcher, match key -> hashes of (category, rule id)) in the order they run
        self.matchers: list[tuple[Any, dict[int, tuple[int, int]]]] = []
        for attr, batch in buckets.items():
            tokens, phrase_matcher = (
                TokenMatcher(nlp.vocab, cache),
                PhraseMatcher(keys, attr=attr),
            )
            labels: dict[int, tuple[int, int]] = {}
            for n, rule in enumerate(batch):
                category, literal, pattern, metadata = _target_fields(rule)
                key = f"{category}_{n}"
                labels[strings.add(key)] = (
                    strings.add(category),
                    strings.add((metadata or {}).get("id", "")),
                )
                if pattern is not None:
                    tokens.add(key, [pattern])
                else:
                    text = literal.lower() if attr == "LOWER" else literal
                    hashes = cache.phrase(phrase_matcher, nlp.tokenizer, attr, text)
                    phrase_matcher.add(key, [hashes])  # type: ignore[list-item]
            tokens.settle()
            self.matchers += [(m, labels) for m in (tokens, phrase_matcher) if len(m)]

    def __call__(
        self, doc: Doc, columns: Mapping[str, list[int]] | None = None
    ) -> list[Span]:
        """The rules' spans; `columns`: the Doc's token attribute values
        (Toolkit.columns), when the caller has read them."""
        return [
            Span(doc, s, e, label=lab, span_id=sid)
            for s, e, lab, sid in self.matches(doc, columns)
        ]

    def matches(
        self, doc: Doc, columns: Mapping[str, list[int]] | None = None
    ) -> list[tuple[int, int, int, int]]:
        """The rules' matches as (start, end, label id, rule id), in the
        spans' order, for a caller that needs no Span object of each."""
        # `(start, end) + labels[...]`: one tuple made, where `*` unpacking
        # builds a list and then the tuple of it
        found = [
            (start, end) + labels[match_id]
            for matcher, labels in self.matchers
            for match_id, start, end in (
                matcher(doc, columns)
                if isinstance(matcher, TokenMatcher)
                else matcher(doc)
            )
        ]
        found.sort(key=_START_END)  # stable: equal spans keep the matchers' order
        return found


_START_END = itemgetter(0, 1)


def keys_vocab() -> Any:
    """A vocabulary for the rule matchers' PhraseMatchers, apart from the
    pipeline's. `PhraseMatcher.add` makes a vocabulary entry of each rule's
    key ('CALCIFICATION_12', some 3,400 of them), which the matcher then only
    reads the string of. In the pipeline's vocabulary each entry is given its
    20-odd attribute values (shape, norm, flags...): a twentieth of the
    start-up; in this one, which has no attribute functions, a fifth of that.
    Matching reads the Doc's token values only, a key's hash is the same in
    every vocabulary (labels, RuleMatcher.matches) and no stage reads the
    keys' entries: the same matches, and the pipeline's vocabulary holds only
    the words of the texts and rules."""
    from spacy.vocab import Vocab

    return Vocab()
_TARGET_KEYS = frozenset(TargetRule._ALLOWED_KEYS)


def _target_fields(rule: dict[str, Any]) -> tuple[str, str, Any, Any]:
    """(category, literal, pattern, metadata) of a target rule as
    `TargetRule.from_dict` reads them, without making the rule object (a
    fortieth of the build for 2,700 rules); a rule it would refuse (a key it
    does not allow, a missing literal or category) is handed to it, to
    raise its own error."""
    known = _TARGET_KEYS.issuperset(rule)
    if not known or "literal" not in rule or "category" not in rule:
        made = TargetRule.from_dict(rule)
        return made.category, made.literal, made.pattern, made.metadata
    return rule["category"], rule["literal"], rule.get("pattern"), rule.get("metadata")


def _install_norms(
    nlp: Any, norms: list[dict[str, Any]], compile_regex: Compile = re.compile
) -> None:
    """Words matching a token_norms regex get its NORM (computed once per word
    in the vocabulary), so rules match every spelling without a per-token regex."""
    from spacy.attrs import NORM

    compiled = [(compile_regex(n["regex"], 0), n["norm"]) for n in norms]
    default = nlp.vocab.lex_attr_getters.get(NORM, lambda s: s.lower())

    def norm(text: str) -> str:
        low = text.lower()
        for rx, value in compiled:
            if rx.search(low):
                return value
        return default(text)

    nlp.vocab.lex_attr_getters[NORM] = norm
    for lex in list(nlp.vocab):  # words the vocabulary already holds
        if any(rx.search(lex.lower_) for rx, _ in compiled):
            lex.norm_ = norm(lex.orth_)


def _as_phrases(rule: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """A token pattern that only names exact words runs as phrases (much faster).

    [{"LOWER": "x"}, {"LOWER": "y"}] is the LOWER phrase "x y"; a single token
    {"LOWER": {"IN": [...]}} is one phrase per word; [{"ORTH": "MAC"}] is an
    ORTH (case-sensitive) phrase. Anything else stays a token pattern.
    """
    pat = rule.get("pattern")
    if not pat:
        return [("LOWER", rule)]
    base = {k: v for k, v in rule.items() if k != "pattern"}
    for attr in ("LOWER", "ORTH", "NORM"):
        if all(set(t) == {attr} and isinstance(t[attr], str) for t in pat):
            return [(attr, dict(base, literal=" ".join(t[attr] for t in pat)))]
        if (
            len(pat) == 1
            and set(pat[0]) == {attr}
            and isinstance(pat[0][attr], dict)
            and set(pat[0][attr]) == {"IN"}
        ):
            return [(attr, dict(base, literal=str(w))) for w in pat[0][attr]["IN"]]
    first = pat[0]
    if len(first) == 1 and "OP" not in first:
        ((attr, value),) = first.items()
        if (
            isinstance(value, dict)
            and set(value) == {"IN"}
            and attr in ("LOWER", "ORTH", "NORM")
        ):
            # A first-token IN list runs as one pattern per word: exact values are
            # checked in C, IN lists in Python on every token.
            return [
                ("LOWER", dict(base, pattern=[{attr: w}] + pat[1:]))
                for w in value["IN"]
            ]
    return [("LOWER", rule)]


def _cache_inputs(rules: RuleSet) -> str | None:
    """What the toolkit's cached build results depend on besides code and
    libraries: the rule files (their digest), and the token norms as given
    (a rule set changed in memory keeps its digest)."""
    if not rules.version:
        return None
    norms = json.dumps(rules.token_norms, sort_keys=True).encode()
    return f"{rules.version}:{hashlib.sha256(norms).hexdigest()}"


def _lower_words(token: dict[str, Any]) -> list[str]:
    """The lower-case words a one-token pattern matches ({'LOWER': 'both'},
    {'LOWER': {'IN': [...]}}); none for other attributes."""
    value = token.get("LOWER")
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [str(w) for w in value.get("IN", [])]
    return []


def _words_rx(
    terms: list[str], compile_regex: Compile = re.compile
) -> re.Pattern[str]:
    """Any of these phrases as whole words, lower case (`compile_regex`:
    `re.compile`, or the same from kept code: RegexCache.compile), the
    longest first.

    It matches as `(?<![a-z0-9])(?:longest|...)(?![a-z0-9])` does, but
    opens with each phrase's literal first character, the phrases sharing
    one grouped under it in the same order, the test before the phrase
    after that character (`(?<![a-z0-9].)`): `re` then skips to the
    characters a match can start with, where the lookbehind opening made
    it try every phrase at every position of the text (a note's whole text
    is searched for an exam's report words)."""
    alts = sorted((re.escape(t.lower()) for t in terms), key=len, reverse=True)
    if not all(terms):  # an empty phrase: no first character
        return compile_regex(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])", 0)
    by_first: dict[str, list[str]] = {}
    for alt in alts:  # an escaped character is a backslash and the character
        cut = 2 if alt[0] == "\\" else 1
        by_first.setdefault(alt[:cut], []).append(alt[cut:])
    firsts = [
        rf"{c}(?<![a-z0-9](?s:.))(?:{'|'.join(rests)})"
        for c, rests in by_first.items()
    ]
    return compile_regex(r"(?:" + "|".join(firsts) + r")(?![a-z0-9])", 0)


# Split "CKD-4", "ESRD/HD" style tokens so abbreviations match, and
# exports that joined lines with commas (",FINDINGS:,Calcified",
# "RUL.,6.", "CKD3.,PLAN"), so their headers, sentence ends and words are
# found, a letter or a digit before the full stop. A list
# numbered without a space ("PMH:, 1)Diabetes, 2)CAD") splits after its
# number's bracket, so each item's words match as in "1) Diabetes".
EXTRA_INFIXES = [
    r"(?<=[A-Za-z])-(?=\d)",
    r"(?<=\b\d)\)(?=[A-Za-z])",
    r"(?<=\b\d\d)\)(?=[A-Za-z])",
    r"(?<=[A-Za-z])/(?=[A-Za-z])",
    r"(?<=[A-Za-z.:]),(?=[A-Za-z0-9(])",
    r"(?<=[0-9]),(?=[A-Za-z(])",
    r"(?<=[A-Za-z]):(?=,)",
    r"(?<=[A-Za-z0-9])\.(?=,)",
    # an abbreviated side before a hyphen ("Rt.-sided", "Lt.-sided") splits
    # as "Rt-sided" does, so the side's rules read "rt" "."
    r"(?<=[A-Za-z])\.(?=-[A-Za-z])",
    r"(?<=[A-Za-z]\.)-(?=[A-Za-z])",
    # a pipe-delimited export's field bar glued to its words, between two
    # cells ("Calcification|Kidney|Left") or after a label
    # ("HISTORY|ESRD on HD|"): the bar splits off, so each cell's words, the
    # label, the condition and the sentence end are found as in "A | B | C"
    r"\|",
]
# A list item's dash glued to the word it opens ("-Right breast:", "-Left
# axillary tail:", and "-left breast:" in an export lower-cased whole) splits
# from it, so the item's words match as in "- Right"; not before a word of
# two lower-case letters ("-ve", negative).
EXTRA_PREFIXES = [",", r"-(?=[A-Z]|[a-z]{3})", r"\|"]
# A full stop after a digit and a capital ("unchanged X3Y.", "SCREENING 3D.")
# splits off as after a lower-case letter ("x3y."): spaCy keeps it on a capital
# for initials ("J."), which follow no digit, so a report in capitals lost
# its sentence end there.
EXTRA_SUFFIXES = [r"(?<=[0-9][A-Z])\.", r"\|"]
TOKENIZER_NAME = "calc_nlp.tokenizer.v1"


def _tokenizer_factory(
    cache: ToolkitCache | None = None, regexes: RegexCache | None = None
) -> Any:
    """spaCy's English tokenizer with our affixes, built in one go: setting
    `infix_finditer` or `prefix_search` on a built tokenizer reloads its 4,000
    special cases each time (three loads instead of one). The special cases'
    vocabulary entries come from `cache` when it has them, the affix regexes
    from `regexes`."""

    def build(nlp: Any) -> Tokenizer:
        kept = cache or ToolkitCache(None)
        with kept.lexemes_of("tokenizer", nlp.vocab), _plain_tokens_read_plainly():
            return _build_tokenizer(
                nlp, nlp.Defaults, checked=kept.loaded, regexes=regexes
            )

    return build


_PLAIN_TOKEN_KEYS = frozenset({"ORTH", "NORM", IDS["ORTH"], IDS["NORM"]})


def _intify_attrs(
    stringy_attrs: dict[Any, Any], strings_map: Any = None, _do_deprecated: bool = False
) -> dict[int, Any]:
    """spaCy's `intify_attrs`, without its pass over deprecated attribute
    names for a token that holds only ORTH and NORM, where that pass finds
    and changes nothing (it looks for 'F', 'L', 'pos', 'number' and some 50
    morphological names, each also in lower and upper case)."""
    if _do_deprecated and not _PLAIN_TOKEN_KEYS.issuperset(stringy_attrs):
        return intify_attrs(stringy_attrs, strings_map, _do_deprecated=True)
    return intify_attrs(stringy_attrs, strings_map)


@contextmanager
def _plain_tokens_read_plainly() -> Iterator[None]:
    """While the tokenizer is built, spaCy reads each special case's tokens
    with `_intify_attrs`. Its Tokenizer and Vocab read every token of the
    1,300 special cases with the deprecated names' pass (`add_special_case`,
    `make_fused_token`), some 150 string look-ups per token: two fifths of
    the tokenizer's build, for tokens that all hold only ORTH and NORM but a
    few. The same values and the same dicts (the pass changes a token's dict
    only where it holds a deprecated name: those still take it)."""
    import spacy.tokenizer
    import spacy.vocab

    modules = (spacy.tokenizer, spacy.vocab)
    originals = [vars(m).get("intify_attrs") for m in modules]
    if any(f is not intify_attrs for f in originals):  # another spaCy: as it is
        yield
        return
    for m in modules:
        setattr(m, "intify_attrs", _intify_attrs)  # noqa: B010
    try:
        yield
    finally:
        for m in modules:
            setattr(m, "intify_attrs", intify_attrs)  # noqa: B010


def cacheable_exceptions(rules: Mapping[str, Any]) -> dict[str, Any]:
    """The tokenizer exceptions without those that only say a run of
    whitespace is one token ('\\n', ' ', '\\t'), which the tokenizer makes of
    whitespace anyway. Any exception hit in a text stops spaCy's tokenizer
    from caching the words after it in that text (its `has_special` flag is
    never reset), so a line break near the top of a report made it split
    every later word again; without these the tokens are the same."""
    from spacy.attrs import ORTH

    return {k: v for k, v in rules.items() if k.strip() or v != [{ORTH: k}]}


def with_capitals(rules: Mapping[str, Any]) -> dict[str, Any]:
    """The tokenizer exceptions and, for each one-token exception in lower
    case that joins letters with a slash or a full stop ('and/or', 'w/o',
    'vs.'), the same in capitals: spaCy's are written in lower case only, so
    a report in capitals had 'AND/OR' split into three tokens ('AND' then
    ended a hedge's scope) and 'VS.' split from its period. NORM and the
    other attributes are kept."""
    from spacy.attrs import ORTH

    out = dict(rules)
    for k, v in rules.items():
        up = k.upper()
        if (
            up != k
            and k == k.lower()
            and len(v) == 1
            and ("/" in k or k.endswith("."))
            and len(k) >= 3
            and up not in rules
        ):
            out[up] = [{**v[0], ORTH: up}]
    return out


# Most words `_Tokenizer` remembers having cached; past it, it forgets them
# all (caching a word again is a cache hit: cheap) to keep its memory bounded.
PRIMED_WORDS = 200_000


class _Tokenizer(Tokenizer):
    """spaCy's Tokenizer, told when its special cases were checked before,
    and caching every word it can.

    `add_special_case` checks each case (its ORTH pieces spell the string,
    no attribute but ORTH and NORM), a fifth of the tokenizer's build for the
    1,300 cases of spaCy's English. Built with `checked`, it skips that check
    for the cases it is built with: the build cache holds a build of the very
    same cases (its key: spaCy's version, the rules and this code), which is
    saved only once a build has checked them. Cases added later are checked.

    spaCy caches the tokens of each whitespace-delimited word it splits, but
    not after a special case in the same text ('Dr.', 'a.m.': its
    `has_special` flag is set for the rest of the text, spaCy #1250), so a
    word met only after one (in a note, most words after the first 'Dr.') is
    split by the affix regexes every time. A word's tokens depend on the word
    alone, so each new word of a text is first tokenized on its own, which
    caches it unless it holds a special case itself (as spaCy decides for a
    text without one): the same tokens, from the cache.
    """

    def __init__(self, *args: Any, checked: bool = False, **kwargs: Any):
        self._checked = checked
        self._primed: set[str] = set()  # words already tokenized on their own
        super().__init__(*args, **kwargs)
        self._checked = False

    def _validate_special_case(self, chunk: str, substrings: Any) -> None:
        if not self._checked:
            super()._validate_special_case(chunk, substrings)

    def __call__(self, string: str) -> Doc:
        words = string.split()
        if not self._primed.issuperset(words):
            # each word once (in C), in the order of its first place, then
            # the new ones: a note repeats most of its words
            primed = self._primed
            new = [w for w in dict.fromkeys(words) if w not in primed]
            if len(self._primed) + len(new) > PRIMED_WORDS:
                self._primed.clear()
            self._prime(new)
            self._primed.update(new)
        return super().__call__(string)

    def _prime(self, words: list[str]) -> None:
        """Tokenizes each word so that spaCy caches it: the plain words
        (`_plain`) together in one text, as no special case can stop the
        caching there, the others one by one (a Doc each)."""
        rules = self.rules
        plain = [_plain(w, rules) for w in words]
        if any(plain):
            super().__call__(" ".join(compress(words, plain)))
        for word, done in zip(words, plain, strict=True):
            if not done:
                super().__call__(word)


# A word of ASCII letters, with at most one '.', ',', ';' or ':' after them.
_PLAIN_WORD = re.compile(r"([A-Za-z]+)[.,;:]?")


def _plain(word: str, special_cases: Mapping[str, Any]) -> bool:
    """Is the word one the tokenizer finds no special case in? Only its mark
    after the letters can be split off (no prefix, suffix or infix rule takes
    a letter), so only the word and its letters are looked up among the
    special cases ('Dr.', 'Dont')."""
    if word.isalpha() and word.isascii():  # most words: no mark after the letters
        return word not in special_cases
    found = _PLAIN_WORD.fullmatch(word)
    return (
        found is not None
        and word not in special_cases
        and found.group(1) not in special_cases
    )


class WordTexts(dict[int, str]):
    """Token texts by ORTH hash, each read from the StringStore once: a
    dict look-up (in C through `map`) is cheaper than the StringStore's,
    which decodes the text anew each time. Forgotten past PRIMED_WORDS."""

    def __init__(self, strings: Any):
        super().__init__()
        self.strings = strings

    def __missing__(self, orth: int) -> str:
        if len(self) >= PRIMED_WORDS:
            self.clear()
        text = self[orth] = self.strings[orth]
        return text


# A character class that holds characters past the Basic Multilingual Plane
# (spaCy's class of symbols, '[\u00A6...\U0001F000-\U0001F02B...]', and
# its classes of upper- and lower-case letters) is tested by `re` through a
# table for its characters up to U+FFFF, then through a list of its ranges
# beyond, one by one: for a character of a report (none of which is past
# U+FFFF, nearly always) the whole list is walked and fails. spaCy's affix
# regexes are tried at every position of each word the tokenizer has not
# met before, and `re` tries their alternatives in turn there, passing over
# one that opens on a class by testing the character against it: the
# symbols' list was walked at every position. Split in two, the characters
# up to U+FFFF in one class and the others in a class of every character
# past U+FFFF followed by a look back at the others, a class matches the
# very same characters (the split adds no group: match spans and group
# numbers stay as they were), and a character up to U+FFFF is decided by
# the table and one comparison. An affix that is a class alone becomes two
# affixes, one after the other, each opening on its class. About 1% of the
# instructions of a report the prefilter passes (the affix regexes are built
# once per rule set and kept compiled in the build cache: regex_cache.py).
_ESCAPE_OR_CLASS = re.compile(r"\\.|\[(?:\\.|[^\\\]])*\]", re.DOTALL)
_PAST_BMP = 0x10000
# an inline flag ('(?i)'): a class split under it is not checked to be the same
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]")


def bmp_first(parts: list[str]) -> list[str]:
    """The affix regexes `parts` with each character class that holds
    characters past U+FFFF split so that a character up to U+FFFF is tested
    without the list of the others (see above): the same matches."""
    out = []
    for part in parts:
        if "[" not in part or _INLINE_FLAGS.search(part):
            out.append(part)
        elif _ESCAPE_OR_CLASS.fullmatch(part) and (halves := _halves(part)):
            out += halves  # a class alone: its two halves as two affixes
        else:
            out.append(_ESCAPE_OR_CLASS.sub(_split_class, part))
    return out


def _split_class(found: re.Match[str]) -> str:
    """A class found in a regex, split (`_halves`) as one alternative."""
    halves = _halves(found.group())
    return f"(?:{'|'.join(halves)})" if halves else found.group()


@cache  # spaCy's affixes repeat their classes: each is read once
def _halves(text: str) -> tuple[str, ...]:
    """A class ('[...]') that holds characters past U+FFFF as the class of
    its other characters and a class of every character past U+FFFF that
    looks back at its own (either may be missing when empty); none for any
    other text."""
    if not text.startswith("[") or not _may_pass_bmp(text):
        return ()
    ranges = _class_ranges(text)
    if not ranges or all(hi < _PAST_BMP for _, hi in ranges):
        return ()
    low = [(lo, min(hi, _PAST_BMP - 1)) for lo, hi in ranges if lo < _PAST_BMP]
    high = [(max(lo, _PAST_BMP), hi) for lo, hi in ranges if hi >= _PAST_BMP]
    past = _class([(_PAST_BMP, sys.maxunicode)])
    return (*([_class(low)] if low else []), f"{past}(?<={_class(high)})")


def _may_pass_bmp(text: str) -> bool:
    """May the class name a character past U+FFFF: by its '\\U' or '\\N'
    escape, or as itself?"""
    return "\\U" in text or "\\N" in text or any(ord(c) >= _PAST_BMP for c in text)


def _class_ranges(text: str) -> list[tuple[int, int]] | None:
    """The characters of a class ('[a-z\\u00DF]') as (first, last) code
    points; None for one that is not a set of characters and ranges (a
    negated class, one with a category such as '\\d'), and for every class
    where `re` no longer has these private modules: the class stays whole."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(text)
    except (ImportError, re.error):
        return None
    if len(parsed.data) != 1 or parsed.data[0][0] is not _constants.IN:
        return None
    return set_ranges(parsed.data[0][1])


def _class(ranges: list[tuple[int, int]]) -> str:
    """A class of these (first, last) code points, each one escaped."""
    return (
        "["
        + "".join(
            _escaped(lo) if lo == hi else f"{_escaped(lo)}-{_escaped(hi)}"
            for lo, hi in ranges
        )
        + "]"
    )


def _escaped(c: int) -> str:
    return f"\\u{c:04X}" if c < _PAST_BMP else f"\\U{c:08X}"


def prefix_regex(parts: list[str]) -> re.Pattern[str]:
    """spaCy's prefix regex of these parts, classes split (`bmp_first`)."""
    return compile_prefix_regex(bmp_first(parts))


def suffix_regex(parts: list[str]) -> re.Pattern[str]:
    """spaCy's suffix regex of these parts, classes split (`bmp_first`)."""
    return compile_suffix_regex(bmp_first(parts))


def infix_regex(parts: list[str]) -> re.Pattern[str]:
    """spaCy's infix regex of these parts, classes split (`bmp_first`)."""
    return compile_infix_regex(bmp_first(parts))


def plain_prefix_regex(parts: list[str]) -> re.Pattern[str]:
    """`prefix_regex` of the parts that can open on an ASCII letter or digit
    (plain_affixes.py)."""
    return prefix_regex(plain_parts(parts, START))


def plain_suffix_regex(parts: list[str]) -> re.Pattern[str]:
    """`suffix_regex` of the parts whose last character can be an ASCII
    letter or digit (plain_affixes.py)."""
    return suffix_regex(plain_parts(parts, END))


def plain_infix_regex(parts: list[str]) -> re.Pattern[str]:
    """`infix_regex` of the parts that can open on an ASCII letter or digit
    (plain_affixes.py)."""
    return infix_regex(plain_parts(parts, INSIDE))


def narrowed_prefix_regex(parts: list[str]) -> re.Pattern[str]:
    """`prefix_regex` of the parts after the first (a string of characters)
    that can open on one of those characters (plain_affixes.py)."""
    return prefix_regex(narrowed_parts(parts[1:], parts[0], START))


def narrowed_suffix_regex(parts: list[str]) -> re.Pattern[str]:
    """`suffix_regex` of the parts after the first (a string of characters)
    whose last character can be one of those (plain_affixes.py)."""
    return suffix_regex(narrowed_parts(parts[1:], parts[0], END))


def narrowed_infix_regex(parts: list[str]) -> re.Pattern[str]:
    """`infix_regex` of the parts after the first (a string of characters)
    that can open on one of those or on a plain character (plain_affixes.py)."""
    return infix_regex(narrowed_parts(parts[1:], parts[0], INSIDE))


def _build_tokenizer(
    nlp: Any, d: Any, checked: bool = False, regexes: RegexCache | None = None
) -> Tokenizer:
    """The tokenizer of `d` (a language's Defaults) with our affixes, its
    affix regexes from `regexes` when given (kept compiled: a faster start).
    The affix regexes ask a word only the alternatives that can match in
    it by its characters (plain_affixes.py), and the URL regex is not asked
    about a word without a '.' (new_words.py): the same tokens."""
    kept = regexes or RegexCache(None)
    made, made_of = kept.made, kept.made_of
    prefixes, infixes = [*d.prefixes, *EXTRA_PREFIXES], [*d.infixes, *EXTRA_INFIXES]
    prefix = PlainAffixes(
        made(prefix_regex, prefixes),
        made(plain_prefix_regex, prefixes),
        START,
        made_of(narrowed_prefix_regex, prefixes),
    )
    suffixes = [*d.suffixes, *EXTRA_SUFFIXES]
    suffix = PlainAffixes(
        made(suffix_regex, suffixes),
        made(plain_suffix_regex, suffixes),
        END,
        made_of(narrowed_suffix_regex, suffixes),
    )
    infix = PlainAffixes(
        made(infix_regex, infixes),
        made(plain_infix_regex, infixes),
        INSIDE,
        made_of(narrowed_infix_regex, infixes),
    )
    return _Tokenizer(
        nlp.vocab,
        checked=checked,
        rules=with_capitals(cacheable_exceptions(d.tokenizer_exceptions)),
        prefix_search=prefix.search,
        suffix_search=suffix.search,
        infix_finditer=infix.finditer,
        token_match=d.token_match,
        url_match=gated_match(d.url_match),
    )


def _registered_factory() -> Any:
    """`spacy.blank("en", config=...)` with TOKENIZER_NAME: the same pipeline."""
    return _tokenizer_factory()


spacy.registry.tokenizers.register(TOKENIZER_NAME, func=_registered_factory)


class BlankEnglish:
    """What the stages use of spaCy's blank English pipeline: its vocabulary,
    its tokenizer and `make_doc`. A `Language` object holds nothing more
    when it has no components, but making one scans every installed
    package's entry points for pipeline factories (importing medSpaCy's
    components and pysbd), merges the default config and sets up thinc's
    array backends: about 8 ms of every start, for nothing a run uses.
    The vocabulary is made as `Language` makes it (`create_vocab`, empty
    vectors), so the tokens and their attributes are the same."""

    lang = "en"
    max_length = 10**6  # Language's default

    def __init__(
        self, cache: ToolkitCache | None = None, regexes: RegexCache | None = None
    ):
        from spacy.lang.en import English
        from spacy.vectors import Vectors
        from spacy.vocab import create_vocab

        self.Defaults = English.Defaults
        self.vocab = create_vocab(self.lang, self.Defaults)
        self.vocab.vectors = Vectors(strings=self.vocab.strings)
        self.tokenizer = _tokenizer_factory(cache, regexes)(self)

    def make_doc(self, text: str) -> Doc:
        """The text's Doc, as `Language.make_doc` makes it (same length limit)."""
        if len(text) > self.max_length:
            from spacy.errors import Errors

            raise ValueError(
                Errors.E088.format(length=len(text), max_length=self.max_length)
            )
        return self.tokenizer(text)

    def __call__(self, text: str) -> Doc:
        """The text's Doc: a pipeline without components is its tokenizer."""
        return self.make_doc(text)


def _tokenizer(
    cache: ToolkitCache | None = None, regexes: RegexCache | None = None
) -> BlankEnglish:
    """spaCy's blank English pipeline with the token splits reports need: what
    `spacy.blank` makes with our tokenizer in its config, made directly
    (resolving and validating the config is a sixth of the build; the
    `Language` object itself, BlankEnglish)."""
    return BlankEnglish(cache, regexes)


# The token attributes the stages read of a report's words besides those of
# the rules' token patterns (Toolkit.token_attrs): the phrase matchers'
# columns and what the stages ask of a Token (`is_alpha`, `like_num`...).
STAGE_ATTRS = (
    "ORTH",
    "LOWER",
    "NORM",
    "IS_ALPHA",
    "IS_PUNCT",
    "IS_SPACE",
    "IS_UPPER",
    "LIKE_NUM",
)


def _read_only(vocab: Any, attrs: list[str]) -> None:
    """Drops the vocabulary's attribute functions of the attributes not in
    `attrs`. Each new word of a report (most words of a note are new to a
    worker) is given the value of every attribute that has a function, 26
    Python calls for spaCy's English (stop word, URL, currency, shape...),
    most for attributes nothing reads; the entries already made keep theirs."""
    kept = {IDS[a] for a in attrs}
    getters = vocab.lex_attr_getters
    for attr in [a for a in getters if a not in kept]:
        del getters[attr]


class _LikeNum:
    """spaCy's English `like_num`, a word of letters answered by a set.

    For such a word spaCy's function answers whether its lower case is one
    of its number or ordinal words ('twelve', 'third'), scanning both lists
    (some eighty comparisons): most new words of a report. A word of letters
    holds no sign, mark, digit or '/', so no other test of it can hold; the
    set is made of spaCy's own lists, and any other word is spaCy's to
    answer."""

    def __init__(self, like_num: Callable[[str], bool], words: frozenset[str]):
        self.like_num, self.words = like_num, words

    def __call__(self, text: str) -> bool:
        if text.isalpha():
            return text.lower() in self.words
        return self.like_num(text)


def _letters_like_num_by_set(vocab: Any) -> None:
    """Puts `_LikeNum` in place of spaCy's English `like_num` (only that
    very function: another language's, or a later spaCy's of another
    shape, stays as it is)."""
    from spacy.attrs import LIKE_NUM
    from spacy.lang.en import lex_attrs

    getters = vocab.lex_attr_getters
    numbers = getattr(lex_attrs, "_num_words", None)
    ordinals = getattr(lex_attrs, "_ordinal_words", None)
    if (
        getters.get(LIKE_NUM) is lex_attrs.like_num
        and isinstance(numbers, list)
        and isinstance(ordinals, list)
    ):
        words = frozenset([*numbers, *ordinals])
        getters[LIKE_NUM] = _LikeNum(lex_attrs.like_num, words)


class Toolkit:
    """Everything the stages need that is built from the rules, built once."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self._site_terms: dict[str, frozenset[str]] = {}  # site_terms, made once
        inputs = _cache_inputs(rules)
        cache = ToolkitCache(inputs)
        self.regexes = regexes = RegexCache(inputs)
        nlp = _tokenizer(cache, regexes)
        _install_norms(nlp, rules.token_norms, regexes.compile)
        self.nlp = nlp
        self.word_texts = WordTexts(nlp.vocab.strings)
        with cache.lexemes_of("matchers", nlp.vocab):
            self._build_matchers(rules, cache)
        # a report's new words get only the attribute values read of them
        _read_only(nlp.vocab, [*self.token_attrs, *STAGE_ATTRS])
        _letters_like_num_by_set(nlp.vocab)
        # 'Rt. kidney', 'approx. 5 mm': the words whose period ends no
        # sentence or clause (the layout's splitter and the descriptors')
        self.abbreviations = abbreviation_words(rules.word_lists)
        # ... nor a modifier's scope ('the rt. lower lobe is no longer seen')
        self.context_table.abbreviations = self.abbreviations
        # 's/p RT', 'RT 50 Gy': a side abbreviation that names a treatment
        # (the splitter, the side and the condition stages read it)
        self.therapy_words = TherapyWords.of(rules.word_lists)
        self.context_table.therapy = self.therapy_words
        # ... and a vessel's score of 0 says nothing of the total ('LM 0')
        self.context_table.set_vessel_names(
            [p for v in rules.descriptors.get("vessels", []) for p in v["phrases"]]
        )
        # 'in the', 'and': a line ending on one goes on on the next line
        self.line_joining_words = frozenset(
            rules.word_lists.get("line_joining_words", [])
        )
        self.descriptors = DescriptorRules(
            rules.descriptors,
            rules.word_lists.get("lesion_nouns", []),
            partial(cache.alternation, phrase_alternation),
            regexes.compile,
            self.abbreviations,
            frozenset(rules.word_lists.get("mask_words", [])),
            frozenset(rules.word_lists.get("echo_features", [])),
        )
        # Per exam kind: its table entry, a regex for its exam-line words and
        # one for the report words that tell it.
        words_rx = partial(_words_rx, compile_regex=regexes.compile)
        self.exams = [
            (exam, words_rx(exam["exam_terms"]), words_rx(exam["report_terms"]))
            for exam in rules.exams
        ]
        cache.save()
        regexes.save()
        # The one-word side words of the laterality rules ('left', 'rt',
        # 'bilateral'), less the letters only taken before a site and the
        # plurals that imply a side: how a title names its side.
        self.side_words = frozenset(
            w
            for r in rules.laterality_rules
            if len(r.get("pattern") or []) == 1
            and not (r.get("metadata") or {}).get("before_site")
            and not (r.get("metadata") or {}).get("implied")
            for w in _lower_words(r["pattern"][0])
        )
        # ConText rule literals, lower case, as word tuples, that the stages
        # look for themselves: the forward negations ('no', 'without') and the
        # phrases that survey the whole study (`no_place`).
        context = rules.context_rules
        self.forward_negation_literals = tuple(
            r["literal"].lower()
            for r in context
            if r["category"] == "NEGATED_EXISTENCE" and r.get("direction") == "FORWARD"
        )
        self.forward_negations = tuple(
            tuple(w.split()) for w in self.forward_negation_literals
        )
        # the forward hypothetical ones ('evaluate for', 'rule out') as word
        # tuples: a word asked about is not asserted either
        self.forward_hedges = tuple(
            tuple(r["literal"].lower().split())
            for r in context
            if r["category"] == "HYPOTHETICAL" and r.get("direction") == "FORWARD"
        )
        self.descriptors.reading_links = tuple(
            tuple(r["literal"].lower().split())
            for r in context
            if (r.get("metadata") or {}).get("reading")
        )
        self.no_place_phrases = tuple(
            tuple(r["literal"].lower().split())
            for r in context
            if (r.get("metadata") or {}).get("no_place")
        )
        # Phrases that sum up what the report described ('as above'), as words
        self.summary_phrases = tuple(
            tuple(p.split())
            for p in rules.descriptors["word_lists"]["lesion_summary_words"]
        )
        # Each site's disease words ('atherosclerotic': artery), by word: the
        # site a finding named by one takes where nothing names its place.
        self.disease_sites = {
            w: name
            for name, entry in rules.sites.items()
            for w in entry.get("disease_words", ())
        }
        # The mentions' word lists the matching stage reads as sets, made once.
        self.word_sets = {
            name: frozenset(words) for name, words in rules.word_lists.items()
        }
        # The words that make an opening sentence closed by a full stop the
        # exam's title: the study words and a chest film's own ('Chest PA
        # and lateral.'; layout.exam_of), joined once
        self.title_study_words = self.word_sets.get(
            "exam_words", frozenset()
        ) | self.word_sets.get("chest_title_words", frozenset())
        # The abbreviations of a calcifying disease: a condition's upper-case
        # term ('AS') whose name ends in a head noun of 'calcified X'
        # ('aortic stenosis'), by the hash of its rule id; after 'calcific'
        # it is the head of the phrase as its written-out words would be.
        heads = self.word_sets.get("calcified_heads", frozenset())
        abbreviated = [
            r for r in rules.condition_rules if r["metadata"].get("abbreviation")
        ]
        self.calcifying_abbreviations = frozenset(
            nlp.vocab.strings.add(r["metadata"]["id"])
            for r in abbreviated
            if r["metadata"]["condition"].split()[-1] in heads
        )
        # and those whose name ends in a narrowing ('AS'): a grade before
        # 'calcific AS' is the stenosis's, as before 'calcific aortic stenosis'
        graded = self.descriptors.graded_heads
        self.descriptors.graded_abbreviations = frozenset(
            r["literal"].upper()
            for r in abbreviated
            if r["metadata"]["condition"].split()[-1] in graded
        )
        # The clause verbs' word lists ('words', 'item_openers', 'result_verbs',
        # 'present_results', 'acute_words', 'known_determiners',
        # 'patient_nouns', 'patient_links', 'item_states', 'question_predicates',
        # 'cause_links', 'clinical_events')
        # the ConText clause checks read as sets, made once.
        verbs = rules.clause_verbs
        self.clause_verbs = {
            name: frozenset(verbs.get(name, ()))
            for name in (
                "words",
                "item_openers",
                "result_verbs",
                "present_results",
                "acute_words",
                "known_determiners",
                "patient_nouns",
                "patient_links",
                "item_states",
                "question_predicates",
                "cause_links",
                "clinical_events",
            )
        }
        # Per site, the exam words of the parts it belongs to (an exam's
        # `topic_sites`): the words a note names a side of that part with.
        self.topic_terms: dict[str, frozenset[str]] = {}
        for exam in rules.exams:
            for site in exam.get("topic_sites", ()):
                terms = self.topic_terms.get(site, frozenset())
                self.topic_terms[site] = terms | frozenset(exam["exam_terms"])

    def _build_matchers(self, rules: RuleSet, cache: ToolkitCache) -> None:
        """The rule matchers, the section matcher and ConText."""
        nlp = self.nlp
        targets = (
            rules.mentions
            + rules.site_rules
            + rules.laterality_rules
            + rules.condition_rules
            + rules.cue_rules
        )
        sections: list[dict[str, Any]] = [
            {k: r[k] for k in ("literal", "category", "pattern", "metadata") if k in r}
            for r in rules.section_rules
        ]
        # Rule metadata by rule id: what a matched span's `id_` points to.
        self.index: dict[str, dict[str, Any]] = {
            r["metadata"]["id"]: r["metadata"] for r in targets + sections
        }
        strings = nlp.vocab.strings
        self._index_by_id = {strings.add(k): md for k, md in self.index.items()}
        # The metadata of a rule by the hash of its id (RuleMatcher.matches):
        # the dict's own look-up, called in C (asked ~40 times per report)
        self.rule_md: Callable[[int], dict[str, Any]] = self._index_by_id.__getitem__
        # The rules whose words a neighbour may show used otherwise (their
        # `not_after`, `not_before` or `only_before`: matching._used_otherwise),
        # by the hash of their id: the other matches need no look
        self.guarded_rules = frozenset(
            h
            for h, md in self._index_by_id.items()
            if md.get("not_after") or md.get("not_before") or md.get("only_before")
        )
        # Mentions are matched first (a report without one stops there); every
        # other target rule set runs in one combined pass, split by category.
        keys = keys_vocab()
        self.mention_matcher = RuleMatcher(
            nlp, "calc_mentions", rules.mentions, cache, keys
        )
        self.other_matcher = RuleMatcher(
            nlp,
            "calc_targets",
            rules.site_rules
            + rules.laterality_rules
            + rules.condition_rules
            + rules.cue_rules,
            cache,
            keys,
        )
        # The rule categories' hashes (a match's label), for the stages that
        # sort matches by category without a string look-up per match.
        self.label_ids = {
            r["category"]: strings.add(r["category"]) for r in targets + sections
        }
        # Section headers are matched as phrases like the target rules
        # (medspaCy's Sectionizer runs every header as a token pattern: 4x slower).
        self.section_matcher = RuleMatcher(
            nlp, "calc_sections", sections, cache, keys
        )
        # Headers marked `family` ('FAMILY HISTORY:'), lower case, word by word:
        # their sections name relatives' conditions.
        self.family_headers = _headers_marked(rules, "family")
        # Headers marked `signature` ('Sincerely,'): a letter's sign-off
        # and copy lines name services, not the patient's conditions (guide §3).
        self.signature_headers = _headers_marked(rules, "signature")
        # Headers marked `plans` ('RECOMMENDATION:'): the procedures their
        # sections name are planned, no earlier surgery (guide §4).
        self.plan_headers = _headers_marked(rules, "plans")
        # Headers marked `plan_items` ('ASSESSMENT AND PLAN:'): a procedure
        # their sections name with nothing that dates it is the plan.
        self.plan_item_headers = _headers_marked(rules, "plan_items")
        self.context = ConText(
            nlp,
            name="calc_context",
            rules=None,
            span_attrs=None,
            input_span_type="group",
            span_group_name=TARGET_GROUP,
        )
        # ConText's phrases, also as a trie matched over token attribute values
        # (stages/modifiers.py matches ConText without a Doc where it can)
        self.context_phrases = PhraseTrie()
        with (
            cached_phrases(self.context, cache, self.context_phrases, keys),
            token_matcher_for(self.context, cache),
        ):
            self.context.add([ConTextRule.from_dict(r) for r in rules.context_rules])
        self.context_columns = context_columns(self.context)
        # what ConText's scope and target checks read of each rule, by match id
        self.context_table = ContextRules(self.context)
        # Every token attribute a stage reads from a report's Doc, read in one
        # go per report (`columns`): the rule matchers', ConText's, and the
        # texts of the layout (its whitespace flags are the texts'
        # `str.isspace()`, spaCy's IS_SPACE: layout.token_columns).
        names = [
            a
            for rm in (self.mention_matcher, self.other_matcher, self.section_matcher)
            for m, _ in rm.matchers
            if isinstance(m, TokenMatcher)
            for a in m.attributes()
        ]
        self.token_attrs = list(
            dict.fromkeys([*names, *self.context_columns, "ORTH"])
        )
        # where the rule matchers' token patterns open in a report's columns,
        # each column looked up once for the three of them (`columns`)
        states = [
            m.states
            for rm in (self.mention_matcher, self.other_matcher, self.section_matcher)
            for m, _ in rm.matchers
            if isinstance(m, TokenMatcher) and m.states is not None
        ]
        self._shared_openings = SharedOpenings(states) if states else None
        self._token_ids = [IDS[a] for a in self.token_attrs]
        # ConText matched over token attribute values, without a Doc (modifiers.py)
        self.context_on_columns = self.context_phrases.exact and matches_columns(
            self.context
        )

    def columns(self, doc: Doc) -> dict[str, list[int]]:
        """The Doc's value of each attribute of `token_attrs`, per token (and
        where the rule matchers' patterns open in them: DocColumns)."""
        n = len(doc)
        if not n:
            return DocColumns({a: [] for a in self.token_attrs}, 0, None)
        # a memoryview's `tolist` makes the ints in a tighter loop than
        # numpy's (an item getter called per value)
        array: Any = doc.to_array(self._token_ids).reshape(n, -1).T
        rows: list[list[int]] = memoryview(array).tolist()  # type: ignore[assignment]
        values = dict(zip(self.token_attrs, rows, strict=True))
        return DocColumns(values, n, self._shared_openings)

    def md(self, span: Span) -> dict[str, Any]:
        """The metadata of the rule that matched this span (by the id of its
        `span_id` string: `span.id_` is a string look-up per call)."""
        return self._index_by_id[span.id]

    def site_info(self, site: str) -> Mapping[str, Any]:
        """The site's vocabulary entry (read only; empty for no site)."""
        return self.rules.sites.get(site, _NO_SITE)

    @cached_property
    def labs(self) -> LabParser:
        """The lab parser, made when first asked for: the analyzer asks for
        the first report holding a digit (no lab value is written without
        one), so a run of reports without any never makes it."""
        with self.regexes.saved_at_the_end():
            return LabParser(self.rules.labs, self.regexes.compile)

    def site_terms(self, site: str) -> frozenset[str]:
        """The site's vocabulary terms in lower case, made once per site:
        each finding's site words are compared with them."""
        terms = self._site_terms.get(site)
        if terms is None:
            entry = self.site_info(site).get("terms", ())
            terms = self._site_terms[site] = frozenset(t.lower() for t in entry)
        return terms


def _headers_marked(rules: RuleSet, key: str) -> frozenset[str]:
    """The section headers whose rule metadata marks them `key` ('family',
    'plans'), lower case, word by word, as the layout reads a header."""
    return frozenset(
        " ".join(r["literal"].lower().split())
        for r in rules.section_rules
        if r["metadata"].get(key)
    )
