"""Reports written without capitals: the rules' capital-only words read again.

Some rules match only in capitals because the word in lower case is another
one or none (ESRD, LAD, RUL, "CLINICAL HISTORY" as a header). A report
exported in lower case as a whole has no capitals to tell, so there each
run of words that makes up one of those rules whole is read in capitals,
as such a report would have written it ("r breast" as "R breast"); words of
rules marked `ordinary_word` (ALL, PAD) stay as written, but where alone
in brackets ('(crest)' after the name it abbreviates). The
text keeps its length, and `spacing.restore` puts the report's own letters
back into every quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from calc_nlp.rules import RuleSet

if TYPE_CHECKING:
    from calc_nlp.prefilter import Prefilter

_KINDS = (
    "mentions",
    "site_rules",
    "laterality_rules",
    "condition_rules",
    "cue_rules",
    "context_rules",
    "section_rules",
)


def capital_runs(rules: RuleSet, ordinary: bool = False) -> list[tuple[str, ...]]:
    """The token sequences of rules made only of exact words, with a capital:
    those of rules not marked `ordinary_word`, or with `ordinary`, of those
    marked so."""
    runs: set[tuple[str, ...]] = set()
    for kind in _KINDS:
        for rule in getattr(rules, kind):
            words = _exact_words(rule.get("pattern"))
            if (
                words
                and any(c.isupper() for w in words for c in w)
                and "".join(words).isascii()
                and bool(rule.get("metadata", {}).get("ordinary_word")) == ordinary
            ):
                runs.add(words)
    return sorted(runs)


def _exact_words(pattern: Any) -> tuple[str, ...] | None:
    if not isinstance(pattern, list) or not pattern:
        return None
    words = []
    for tok in pattern:
        if not isinstance(tok, dict) or set(tok) != {"ORTH"}:
            return None
        if not isinstance(tok["ORTH"], str):
            return None
        words.append(tok["ORTH"])
    return tuple(words)


class Capitals:
    """Reads a lower-cased report's capital-only words in capitals."""

    def __init__(self, rules: RuleSet):
        self.rules = rules

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        """Built on the first lower-cased report: a run start-up needs none."""
        alternatives = [_regex(words) for words in capital_runs(self.rules)]
        alternatives.sort(key=len, reverse=True)
        if not alternatives:
            return None
        return re.compile(rf"(?<![a-z0-9])(?:{'|'.join(alternatives)})(?![a-z0-9])")

    @cached_property
    def bracketed(self) -> re.Pattern[str] | None:
        """The words of `ordinary_word` rules alone in brackets ('(crest)'
        after the name it abbreviates): an ordinary word is seldom bracketed
        alone, an abbreviation often is."""
        alternatives = [_regex(words) for words in capital_runs(self.rules, True)]
        alternatives.sort(key=len, reverse=True)
        if not alternatives:
            return None
        return re.compile(rf"(?<=\()(?:{'|'.join(alternatives)})(?=\))")

    def recase(self, text: str) -> str | None:
        """The text of a caseless report with those words in capitals; None
        if it holds none of them."""
        new = text
        for rx in (self.regex, self.bracketed if "(" in text else None):
            if rx is not None:
                new = rx.sub(lambda m: m.group().upper(), new)
        return new if new != text else None


_MIXED = re.compile(r"[A-Z][a-z]|[a-z][A-Z]")


def is_caseless(text: str) -> bool:
    """Is the report written without capitals: lower-case letters, and no
    word mixing cases (a capital starting a sentence or a name)? Words all in
    capitals ("XXXX" from de-identification, "CT") may stand in it: they are
    often added after the text was lower-cased. An all-capitals report is
    not caseless: its sentences are told apart as in any other."""
    return _MIXED.search(text) is None and re.search(r"[a-z]", text) is not None


def words_regex(words: Sequence[str]) -> str:
    """A rule's token words as a regex of the text they were split from:
    spaces between two words, none needed beside punctuation ('bi - rads'
    matches 'BI-RADS' and 'BI - RADS')."""
    out = re.escape(words[0])
    for before, word in zip(words, words[1:], strict=False):
        gap = r"\s+" if before[-1].isalnum() and word[0].isalnum() else r"\s*"
        out += gap + re.escape(word)
    return out


def _regex(words: tuple[str, ...]) -> str:
    return words_regex([w.lower() for w in words])


def passes_prefilter(prefilter: Prefilter, capitals: Capitals, text: str) -> bool:
    """Does the prefilter pass the report as the analyzer reads it? A
    caseless report's only finding word may be one the rules take in
    capitals only ('mild mac.'): when the prefilter has such words (its
    exact part), it is asked again with the report recased
    (`Capitals.recase`). The analyzer and the screen both ask this, so
    the screen never answers a report the analyzer would read."""
    if prefilter(text):
        return True
    if (
        not prefilter.parts[1]
        or not prefilter.may_pass_recased(text)
        or not is_caseless(text)
    ):
        return False
    recased = capitals.recase(text)
    return recased is not None and prefilter(recased)
