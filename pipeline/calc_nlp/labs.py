"""Parse laboratory values written in report text (pure: no spaCy).

"Ca 11.2", "calcium: 2.9 mmol/L", "corrected calcium of 10.9 mg/dl",
"PTH 450 pg/mL", "phos 6.1", "Serum calcium 9.6 (normal)". Names, units,
reference ranges and plausible ranges come from patterns/labs.json.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from typing import Any

from calc_nlp.ignorecase import lookup
from calc_nlp.lowered import lower_once
from calc_nlp.regex_cache import Compile
from calc_nlp.schema import LAB_NAMES, LabValue
from calc_nlp.trie import trie_by_first_letter, trie_regex

_NUM = r"(\d{1,5}(?:\.\d+)?)"
# Every lab value holds a digit (`_NUM`): a text without one holds none, and
# this scan is far cheaper than the value regex (half the reports have none).
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = "0123456789"


def holds_digit(text: str) -> bool:
    """Does the text hold a digit (`\\d`)? In ASCII text the digits are
    0-9, each found by a substring scan (memchr): a tenth of the cost of
    the regex, which asks the Unicode tables about every character."""
    if text.isascii():
        for digit in _ASCII_DIGITS:
            if digit in text:
                return True
        return False
    return _DIGIT.search(text) is not None
_FLAG_PRIORITY = {"high": 0, "low": 1, "normal": 2}


class LabParser:
    """Compiled from the labs table once; `parse(text)` is then pure.
    `compile_regex`: `re.compile`, or the same from kept code (RegexCache)."""

    def __init__(self, table: dict[str, Any], compile_regex: Compile = re.compile):
        self.analytes = {a["name"]: a for a in table["analytes"]}
        self.flag_words = {
            w: flag for flag, words in table["flag_words"].items() for w in words
        }
        names = sorted(
            ((n, a["name"]) for a in table["analytes"] for n in a["names"]),
            key=lambda p: -len(p[0]),
        )
        self._name_of = {n.lower(): analyte for n, analyte in names}
        told = table.get("said_normal")
        self._said: re.Pattern[str] | None = None
        self._said_word_analyte = ""
        if told:
            wanted = set(told["analytes"])
            stated = sorted(
                (n.lower() for n, a in names if a in wanted and len(n) > 2),
                key=len,
                reverse=True,
            )
            normal = sorted(
                (
                    w
                    for w, f in self.flag_words.items()
                    if f == "normal" and len(w) > 2 and "range" not in w
                ),
                key=len,
                reverse=True,
            )
            links = "|".join(re.escape(w) for w in told["links"])
            words = "|".join(re.escape(w.lower()) for w in told["words"])
            self._said_word_analyte = told["analytes"][0]
            self._said = compile_regex(
                rf"(?<![\w/])(?:(?P<sname>{'|'.join(re.escape(n) for n in stated)})"
                rf"(?:\s+(?:{links}))*\s*,?\s*(?:{'|'.join(re.escape(w) for w in normal)})"
                rf"|(?:{words}))(?![\w-])"
                # a reference range follows ('calcium, normal range 8.5-10.5')
                r"(?!\s*(?:range|values?)\b)",
                0,
            )
        # longest first; equally long units in a fixed order, so that the regex
        # is the same text in every process (the build cache keeps its code by
        # that text): two units of one length never match the same words
        # unless equal ignoring case, and either then gives the same match
        units = sorted(
            {u for a in table["analytes"] for u in a["units"]},
            key=lambda u: (-len(u), u),
        )
        flags = sorted(self.flag_words, key=len, reverse=True)
        spoken = [n for n, _ in names]
        said = [f for f in flags if len(f) > 1]
        near = _NearDigits.barriers(spoken + said)
        self._re = _NearDigits(
            _pattern(spoken, units, flags),
            _head(spoken, said),
            near,
            re.IGNORECASE,
            compile_regex,
        )
        # The same regex over lower-case words, for a lower-cased ASCII text:
        # there, a letter matches another ignoring case iff their lower cases
        # are equal, and `[a-z]` of the lower-cased text is `[a-zA-Z]` of the
        # text (same offsets: ASCII keeps its length). Only when the table's
        # words are ASCII too (re's case folding pairs some non-ASCII letters
        # with ASCII ones: the Kelvin sign with k). Its names open on their
        # first letters (`_name_branches`), which `re` skips ahead to when the
        # case counts; ignoring case it skips nothing, and the lookbehind
        # first fails sooner.
        self._lower: _NearDigits | None = None
        if all(w.isascii() for w in spoken + units + flags):
            self._lower = _NearDigits(
                _pattern(
                    spoken,
                    [u.lower() for u in units],
                    [f.lower() for f in flags],
                    letter_first=True,
                ),
                _head(spoken, [f.lower() for f in said], letter_first=True),
                near,
                compile_regex=compile_regex,
            )

    def said_normal(self, text: str) -> frozenset[str]:
        """The analytes (labs.json `said_normal`) the text states normal without
        a value: 'serum calcium now normal', 'calcium within normal limits',
        'normocalcemic' (guide §4 rule 3: a normal calcium stated blocks it as
        a normal value does). Names of two letters ('Ca') are left out: too
        many other words share them."""
        if self._said is None:
            return frozenset()
        low = lower_once(text) if text.isascii() else text.lower()
        found: set[str] = set()
        for m in self._said.finditer(low):
            name = m.group("sname")
            found.add(self._name_of[name] if name else self._said_word_analyte)
        return frozenset(found)

    def parse(self, text: str) -> list[LabValue]:
        """Every plausible lab value in `text`, in text order."""
        out: list[LabValue] = []
        if not holds_digit(text):
            return out
        if self._lower is not None and text.isascii():
            found = self._lower.finditer(lower_once(text))
        else:
            found = self._re.finditer(text)
        for m in found:
            analyte = self.analytes[lookup(self._name_of, m.group("name"))]
            value = float(m.group("value"))
            unit = (m.group("unit") or "").lower()
            if not unit:
                unit = next(
                    (r["unit"] for r in analyte["unitless_rules"] if value <= r["max"]),
                    "",
                )
                if not unit:
                    continue
            factor = analyte["units"].get(unit)
            if factor is None:
                # a unit of another analyte ("calcium 9.1 pg/mL"): not this
                # analyte's value, and no reason to fail the report
                continue
            canonical = round(value * factor, 3)
            lo_p, hi_p = analyte["plausible"]
            if not lo_p <= canonical <= hi_p:
                continue
            flag = self._flag(m, analyte, canonical, factor)
            out.append(
                LabValue(
                    analyte["name"],
                    canonical,
                    analyte["canonical_unit"],
                    flag,
                    m.start(),
                    m.end(),
                )
            )
        return out

    def _flag(
        self, m: re.Match[str], analyte: dict[str, Any], canonical: float, factor: float
    ) -> str:
        if m.group("flag"):
            return lookup(self.flag_words, m.group("flag"))
        if m.group("said"):
            return lookup(self.flag_words, m.group("said"))
        if m.group("lo") and m.group("hi"):
            lo, hi = float(m.group("lo")) * factor, float(m.group("hi")) * factor
            if lo < hi:
                return (
                    "high" if canonical > hi else "low" if canonical < lo else "normal"
                )
        lo, hi = analyte["reference"]
        return "high" if canonical > hi else "low" if canonical < lo else "normal"


# A number that goes on past its digits ('1x10', '1e4', '1/2', '9-10' glued)
# is no value: its first digits alone were read ('1' as 1 mmol/L, low).
# (A digit or a decimal after it too: else a shorter run of its digits,
# backtracked to, would be read.)
_GOES_ON = r"(?!\.?\d|[xX\u00d7*]\s?\d|[eE][-+]?\d|/\s?\d|[-\u2013]\d)"


def _pattern(
    names: list[str], units: list[str], flags: list[str], letter_first: bool = False
) -> str:
    """The lab value regex: a name, a value, maybe a unit, then a flag word
    or a reference range (names any case: a trie of their lower cases).
    `letter_first`: the names' alternatives open on their first letters
    (`_name_branches`), not on the lookbehind: the same matches."""
    unit_alt = "|".join(re.escape(u) for u in units)
    flag_alt = "|".join(re.escape(f) for f in flags)
    # a flag word written before the value ('calcium normal at 9.3', 'calcium
    # has been normal, most recently 9.6'): words of two letters or more
    said = [f for f in flags if len(f) > 1]
    value = _NUM.replace("(", "(?P<value>", 1) + _GOES_ON
    return _to_value(names, said, letter_first) + (
        value + rf"(?:\s*(?P<unit>{unit_alt})(?![a-z]))?"
        r"(?:\s*[\(\[,]?\s*(?:"
        rf"(?P<flag>{flag_alt})(?![a-z])"
        r"|(?:ref(?:erence)?(?:\s*range)?:?\s*|normal(?:\s*range)?:?\s*|nl:?\s*)?"
        rf"(?P<lo>\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(?P<hi>\d+(?:\.\d+)?)"
        r")\s*[\)\]]?)?"
    )


# The punctuation the lab regex lets stand between a name and its value
# (`_to_value`: 'calcium, normal', 'Ca = 9', 'calcium: 9', 'calcium - 9',
# 'calcium normal (9.4'); any other stops a value from being a name's.
BETWEEN = ",(=:-"


def _to_value(names: list[str], said: list[str], letter_first: bool = False) -> str:
    """The lab regex from a name up to its value: the name, then words that
    may stand before the value (a flag word said before it, 'was', 'of').
    Besides the names' and flag words' own characters it takes letters,
    whitespace and the punctuation of `BETWEEN` only."""
    lowered = [n.lower() for n in names]
    alt = (
        _name_branches(lowered) if letter_first else rf"(?<![\w/]){trie_regex(lowered)}"
    )
    said_alt = "|".join(re.escape(f) for f in said)
    return (
        rf"(?P<name>{alt})(?![\w])"
        r"(?:\s*(?:level|value|levels))?"
        r"(?:\s*(?:(?:has|had)\s+been|was|is|remains|remained)?\s*"
        r"(?:(?:now|currently)\s+)?"  # 'calcium now normal at 9.4'
        rf"(?P<said>{said_alt})(?![a-z])\s*,?\s*(?:(?:most\s+)?recently|at)?)?"
        r"\s*(?:(?:was|is|of|at|measured at|now|today|currently|=|:|-)\s*){0,2}"
        r"(?:\(\s*)?"  # 'calcium normal (9.4 mg/dL)'
    )


def _head(names: list[str], said: list[str], letter_first: bool = False) -> str:
    """The lab regex up to its value's end: it matches where the whole regex
    does (what follows the value is optional)."""
    return _to_value(names, said, letter_first) + _NUM + _GOES_ON


class _NearDigits:
    """`finditer` of the lab regex, run only in the stretches of text that
    hold a digit. Every value has one, and from a name up to its value the
    regex takes no punctuation but `BETWEEN` and the names' and flag words'
    own (`barriers`: every other ASCII punctuation mark). So a match starts
    in a stretch between two such marks that holds a digit, before its last
    digit, and most text (prose, without numbers) is never searched. The
    stretches are found in the reversed text, from their last digit back to
    the mark before them (a regex opening on a digit skips ahead to one; one
    opening where a stretch starts would be tried at every position). In a
    stretch the regex up to the value's first digit (`head`) finds where the
    next match starts, and the whole regex is matched there: the matches of
    `finditer` over the whole text, in order."""

    def __init__(
        self,
        pattern: str,
        head: str,
        barriers: str,
        flags: int = 0,
        compile_regex: Compile = re.compile,
    ):
        self.whole = compile_regex(pattern, flags)
        self.head = compile_regex(head, flags)
        self.back: re.Pattern[str] | None = None
        self.back_ascii: re.Pattern[str] | None = None
        if barriers:
            b = "".join(re.escape(c) for c in barriers)
            # in the reversed text: a digit, then back to the barrier before it
            self.back = re.compile(rf"\d[^{b}]*+")
            # the same in ASCII text, whose digits are 0-9: a range test per
            # character instead of a look-up in the Unicode tables
            self.back_ascii = re.compile(rf"[0-9][^{b}]*+")

    @staticmethod
    def barriers(words: list[str]) -> str:
        """The ASCII punctuation that neither `BETWEEN` nor the words hold."""
        held = set(BETWEEN).union(*words)
        return "".join(c for c in string.punctuation if c not in held)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.back is None:
            yield from self.whole.finditer(text)
            return
        n = len(text)
        back = self.back_ascii if text.isascii() else self.back
        assert back is not None
        # (where a stretch starts, past its last digit), last stretch first
        stretches = [(n - m.end(), n - m.start()) for m in back.finditer(text[::-1])]
        end = 0  # where the last match ended: matches do not overlap
        for first, stop in reversed(stretches):
            pos = max(first, end)
            while pos < stop:
                start = self.head.search(text, pos, stop)
                if start is None:
                    break
                m = self.whole.match(text, start.start())
                if m is None:
                    # the head, searched within the stretch, saw its end as the
                    # text's: what follows a value ('1/2') is read only here
                    pos = start.start() + 1
                    continue
                yield m
                pos = end = m.end()


def _name_branches(names: Iterable[str]) -> str:
    """The names as alternatives, one per first letter (`trie_branches`),
    each testing after that letter that no word character or '/' comes
    before the name: `c(?<![\\w/]c)...` is `(?<![\\w/])c...` (the letter
    just matched is the one the lookbehind names). A regex that opens on a
    lookbehind is tried at every position of the text; one opening on a set
    of letters skips to the positions holding one of them."""
    out = []
    for letter, rest in trie_by_first_letter(names):
        first = re.escape(letter)
        out.append(rf"{first}(?<![\w/]{first}){rest}")
    return "|".join(out) if out else "(?!)"


def summarise(values: list[LabValue]) -> tuple[LabValue, ...]:
    """One value per analyte for the report row: the first high, else low, else normal."""
    best: dict[str, LabValue] = {}
    for v in values:
        cur = best.get(v.name)
        if cur is None or _FLAG_PRIORITY[v.flag] < _FLAG_PRIORITY[cur.flag]:
            best[v.name] = v
    return tuple(best[n] for n in LAB_NAMES if n in best)
