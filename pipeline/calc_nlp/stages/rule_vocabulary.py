"""The words the rules know: whether a zero-width space stands inside a word
or between two.

U+200B is a word-break opportunity (Unicode): an export writes it between
words where a space was ('calcified\\u200bgranuloma'), and some editors write
it inside a long word ('calci\\u200bfication') as a place to wrap. The text
alone cannot tell them apart; the rules can: a word they know that the
character splits into halves they do not both know is one word, anything
else two (stages/spacing.py reads the character accordingly).
"""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from calc_nlp.rules import RuleSet

# Keys whose values describe a rule rather than match text.
_ABOUT = frozenset({"metadata", "description", "note", "source", "id", "category"})
_WORD = re.compile(r"[^\W\d_]{2,}")


class KnownWords:
    """`known(word)`: a word of the rules (a term, a listed word, a
    spelling a token regex takes whole) or one of spaCy's English stop words
    ('a', 'is': 'a\u200bcalcified' is two words, though a rule's regex
    takes 'acalcified'), in any case."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        # gathered when first asked (a fifth of a second): most runs meet
        # no zero-width space between two letters
        self._words: frozenset[str] | None = None
        self._regexes: list[re.Pattern[str]] = []

    def _gathered(self) -> frozenset[str]:
        if self._words is None:
            words: set[str] = set()
            regexes: dict[str, re.Pattern[str] | None] = {}
            for f in fields(self.rules):
                _gather(getattr(self.rules, f.name), "", words, regexes)
            self._regexes = [r for r in regexes.values() if r is not None]
            self._words = frozenset(words)
        return self._words

    def known(self, word: str) -> bool:
        low = word.lower()
        if low in self._gathered() or low in STOP_WORDS:
            return True
        return any(_spells(r, low) or _spells(r, word) for r in self._regexes)

    def split(self, left: str, right: str) -> bool:
        """Is left+right one known word that a break between would split into
        halves not both known ('calci' 'fication': one word; 'calcified'
        'granuloma', 'in' 'to': two)?"""
        if not self.known(left + right):
            return False
        if self.known(left) and self.known(right):
            return False
        # a regex that takes the two with a space too ('78th percentile',
        # 'score 212') reads a phrase, not one word
        phrase = f"{left} {right}".lower()
        return not any(r.fullmatch(phrase) for r in self._regexes)

    def whole(self, left: str, right: str) -> bool:
        """Is left+right a word the rules know, not a phrase a regex takes
        with a space ('calcif' 'ication', 'un' 'changed': a word a line's
        end split with a hyphen)? Unlike `split`, halves both known may
        make it ('un', 'changed'): the hyphen says one word was broken."""
        if not left or not right or not self.known(left + right):
            return False
        phrase = f"{left} {right}".lower()
        return not any(r.fullmatch(phrase) for r in self._regexes)


def _spells(regex: re.Pattern[str], word: str) -> bool:
    """Does the regex take the word as a spelling of its own? One that takes
    any letters before it too ('^[a-z]+(ed|ne)$', a test of an ending) tells
    no word: by it 'cementremoved' would be one."""
    return regex.fullmatch(word) is not None and regex.fullmatch(_ANY + word) is None


# letters no word opens with, put before a word to tell an open regex
_ANY = "qxzqxz"


def _gather(
    value: Any, key: str, words: set[str], regexes: dict[str, re.Pattern[str] | None]
) -> None:
    """Words and regexes of a rule value, walked whole (descriptions left out)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in _ABOUT:
                _gather(v, str(k), words, regexes)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _gather(v, key, words, regexes)
    elif isinstance(value, str):
        if "regex" in key.lower():
            if value not in regexes:
                regexes[value] = _compiled(value)
        else:
            words.update(w.lower() for w in _WORD.findall(value))


def _compiled(regex: str) -> re.Pattern[str] | None:
    try:
        return re.compile(regex)
    except re.error:  # a pattern for another engine: no word of ours
        return None
