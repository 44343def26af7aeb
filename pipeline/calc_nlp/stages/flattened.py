"""Reports whose line breaks an export turned into spaces: the breaks put back.

An HL7 feed or a CSV cleaner may join a report's lines with spaces ('EXAM:
CORONARY CALCIUM SCORE INDICATION: ...'). The stages read lines: an exam
title or a one-line section (indication, technique) ends with its line, a
label opening a line heads what follows it, a list has an item a line. In a
report with no line break at all (nor the commas an export that joins lines
with them leaves), a space where a line surely opened is read as a line
break again:
- before a section header written with a capital and its colon
  ('INDICATION:', 'Clinical history:'; the section rules' own words), but
  not inside a longer label ('EXTERNAL EXAMINATION:');
- after a title in capitals that opens the report and goes on with a word
  in a sentence's case ('US LEFT BREAST Targeted scan ...');
- before a label after a full stop, a number or a header ('... stable.
  Right kidney: ...', 'RCA 66 Extracardiac: ...', 'Findings: Liver: ...'),
  a bullet ('* LAD: ...'), an item number after a full stop ('2. ...') or
  an item letter ('A) ...');
- around a table of scores by coronary vessel, and between its rows where
  only a space parts them ('Results: LM 0 LAD 87 RCA 0 Total ...');
- after the first sentence of a one-line section that no other one-line
  section follows ('Hx: cough. Calcified granuloma ...': the report's body);
- for a bar or a semicolon an export joined the lines with, after a full
  stop or a colon ('Cough. | Right testis: ...', 'cough.; FINDINGS: ...'):
  a line break right after the stop, the mark a space.
Other spaces stay as they are: where the flat text is ambiguous (how far a
label's line ran: 'Left kidney: stone. No nephrocalcinosis.'; a label after
a word with no stop: 'CT CORONARY CALCIUM CAC: 0') no break is guessed.
A report in lower case (an export that lowered it) is read as in capitals;
in a report of one case a header ends a label's words before it too. The
text keeps its length, so every offset holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cached_property

from calc_nlp.rules import RuleSet
from calc_nlp.sentences import abbreviation_words
from calc_nlp.stages.capitals import words_regex
from calc_nlp.stages.layout import SENTENCE_OPENERS


def header_words(rules: RuleSet) -> list[str]:
    """The words of the section rules that are words and a colon."""
    words = set()
    for rule in rules.section_rules:
        literal = rule.get("literal", "")
        if isinstance(literal, str) and literal.endswith(" :"):
            words.add(literal[:-2].strip())
    return sorted(words)


class Flattened:
    """Puts back the line breaks of a report flattened onto one line."""

    def __init__(
        self,
        rules: RuleSet,
        compile_regex: Callable[[str, int], re.Pattern[str]] = re.compile,
    ):
        self.rules = rules
        # the rule set's kept regexes (regex_cache.py) when the toolkit's
        self.compile = compile_regex

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        """A header opening with a capital, after a space: built on the first
        flat report (a run start-up needs none)."""
        alternatives = [words_regex(w.split()) for w in header_words(self.rules)]
        alternatives.sort(key=len, reverse=True)
        if not alternatives:
            return None
        # a header's words wherever they start a word (the longest first, so
        # that 'Family history:' is read whole, never broken before
        # 'history:'), opening with a capital
        return self.compile(
            rf"(?<![^\W\d_])(?=(?-i:[A-Z]))(?:{'|'.join(alternatives)})(?=\s?:)",
            re.IGNORECASE,
        )

    @cached_property
    def vessel_table(self) -> re.Pattern[str] | None:
        """Two or more scores by coronary vessel in a row ('LM 0 LAD 87 RCA
        12', 'LAD 40 / RCA 3'), the vessels' names from the score rules
        (patterns/descriptors.json, vessels)."""
        phrases = [
            p for v in self.rules.descriptors.get("vessels", []) for p in v["phrases"]
        ]
        if not phrases:
            return None
        names = "|".join(
            r"\s+".join(map(re.escape, p.split()))
            for p in sorted(phrases, key=len, reverse=True)
        )
        score = rf"(?<![\w/-])(?:{names}) ?:? ?{_NUMBER}(?![\w/.,]\d)"
        return self.compile(rf"{score}(?:(?: | ?[/|;,] ){score})+", re.IGNORECASE)

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """The words whose period abbreviates them ('Rt.', 'approx.';
        sentences.ABBREVIATION_LISTS), lower case: their period ends no
        sentence, so no label opens after it."""
        return abbreviation_words(self.rules.word_lists)

    def _shortened(self, text: str, stop: int) -> bool:
        """Is the period at `stop` an abbreviation's ('LT. KIDNEY:')?"""
        m = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
        return m is not None and m.group().lower() in self.abbreviations

    @cached_property
    def one_line(self) -> dict[str, bool]:
        """The words of the headers of one-line sections, lower case, and
        whether the section is a clinical question (an indication)."""
        return {
            " ".join(rule["literal"][:-2].lower().split()): bool(
                rule["metadata"].get("clinical_question")
            )
            for rule in self.rules.section_rules
            if rule.get("metadata", {}).get("one_line")
            and str(rule.get("literal", "")).endswith(" :")
        }

    def rebreak(self, text: str, caseless: bool = False) -> str | None:
        """The text with a line break for the last space before each place a
        line surely opened; None if the text has a line break or no such
        place. `caseless`: the report has no capitals (a lower-cased
        export), whose places are read as in the report in capitals."""
        if "\n" in text or "\r" in text or self.regex is None:
            return None
        if "," in text and _COMMA_JOINED.search(text) is not None:
            return None  # its lines are joined with commas, which mark them
        probe = text.upper() if caseless else text
        if len(probe) != len(text):
            return None  # ('ß' is 'SS' in capitals: the places would move)
        # in a text of one case a label's words and a header after them look
        # alike ('... GRANULOMA COMPARISON:', 'EXTERNAL EXAMINATION:'): the
        # header opens a line
        mixed = not caseless and probe.upper() != probe
        at = {i for i in self._breaks(probe, mixed) if i > 0 and text[i] == " "}
        marks = joiners(text)
        for start, mark in marks:
            # one line break for the joint, where another rule broke it too
            # (before the header after it: 'cough. | FINDINGS:')
            at.difference_update(range(start, mark + 2))
            at.add(start)
        if not at:
            return None
        chars = list(text)
        for _, mark in marks:
            chars[mark] = " "
        for i in at:
            chars[i] = "\n"
        return "".join(chars)

    def _breaks(self, text: str, mixed: bool) -> set[int]:
        """Where in the text a line surely opened: the space to break;
        `mixed`: the text has capitals and small letters."""
        at = set()
        # each header: where its words end, whether its section is a line
        # and whether an indication
        headers: list[tuple[int, bool, bool]] = []
        regex = self.regex
        if ":" in text and regex is not None:
            for m in regex.finditer(text):
                at_start = m.start() == 0
                if not at_start and mixed and _goes_on(text, m.start() - 1, m.group()):
                    continue
                at.add(m.start() - 1)
                after = _AFTER_HEADER.match(text, m.end())
                if after is not None:
                    at.add(after.end() - 1)
                words = " ".join(m.group().lower().split())
                line = words in self.one_line
                headers.append((m.end(), line, line and self.one_line[words]))
        # a label after a stop whose words end in a header's is that
        # header's line ('? CALCIFIED GRANULOMA COMPARISON:': no label of
        # three words)
        starts = sorted(i + 1 for i in at)
        for m in _LINE_OPENS.finditer(text):
            label = m.group("label")
            if label is not None:
                n = bisect_right(starts, m.end())
                if n < len(starts) and starts[n] < m.end() + len(label):
                    continue
                if text[m.start() - 1] == "." and self._shortened(text, m.start() - 1):
                    continue  # 'IMPRESSION: RT. BREAST: ...': the side's period
            at.add(m.end() - 1)
        if self.vessel_table is not None:
            for m in self.vessel_table.finditer(text):
                at.update(_table_breaks(text, m))
        title_end = _title_end(text)
        if title_end is not None:
            at.add(title_end)
        # An indication no other one-line section follows ends with its
        # first sentence: the sentences up to the next header ('IMPRESSION:')
        # or the end are the report's body ('Hx: cough. Calcified granuloma
        # ...'); before another one ('Hx: cough. Father had sarcoid.
        # COMPARISON: ...') they are its own, and a procedure's or a
        # technique's line may tell a whole procedure
        breaks = sorted(at)
        for k, (start, _, question) in enumerate(headers):
            if not question or (k + 1 < len(headers) and headers[k + 1][1]):
                continue
            n = bisect_right(breaks, start)
            end = breaks[n] if n < len(breaks) else len(text)
            stop = _SENTENCE_END.search(text, start, end)
            if stop is not None:
                at.add(stop.end() - 1)
        return at


# The end of a one-line section's first sentence, where another sentence
# follows on ('Hx: cough. Calcified granuloma ...'): a stop after a word or
# a number of two characters or more ('y.o. F' is no end), then a capital.
_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9)]{2}[.!?]) +(?=[A-Z])")
# the word right before a period ('RT' of 'RT.')
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]+$")
# a score: '87', '1,203', '12.5'
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# A comma after a full stop or a colon ('... stable.,IMPRESSION: ,Calcified
# ...'): an export that joined the report's lines with commas, whose breaks
# the stages read there (context_sites._joined_break).
_COMMA_JOINED = re.compile(r"[.:] *,")
# A bar or a semicolon right after a full stop or a colon, a space after it
# ('Cough. | Right testis: 4 cm.', 'cough.; FINDINGS: ...', 'IMPRESSION: |
# Right: ...'): an export that joined the report's lines with it. A score
# table's bars follow a number or a word ('LM 0 | LAD 98'), and no sentence
# puts a semicolon after its stop.
_MARK_JOINED = re.compile(r"[.:]( ?)([|;]) ")


def joiners(text: str) -> list[tuple[int, int]]:
    """Where an export's bar or semicolon stands for a line break
    (`_MARK_JOINED`), as (the break, the mark): the line break right after
    the stop, so that no blank pads the line it ends (a score line, 'LM: 0.',
    ends there), the mark then read as a space ('0.\n  LAD: 98')."""
    if "|" not in text and ";" not in text:
        return []
    return [(m.start(1), m.start(2)) for m in _MARK_JOINED.finditer(text)]


# What opens a line of its own after a space, in a flattened report:
# - a label after a full stop or a number: a word with a capital, up to
#   LABEL_WORDS words and a colon ('... stable. Right breast: ...', 'RCA 66
#   Extracardiac: ...'), not a sentence that ends in a colon ('The results
#   are:'), and after a number no lone letter, which is the number's
#   subcategory ('BI-RADS 4 A: Low suspicion');
# - an item of a list: a bullet ('* LAD: 45'), a number after a full stop
#   ('... stable. 2. Aortic valve ...'; after a colon it may be a value:
#   'Calcium score: 0. Repeat ...'), or a letter after a stop or a colon
#   ('... left breast: A) 3 o'clock ...').
LABEL_WORDS = 4
_LABEL = rf"[A-Z][\w/'-]*(?: [\w/'()-]+){{0,{LABEL_WORDS - 1}}}:\s"
_ITEM = r"\d{1,2}[.)] [A-Z]"
# a lettered item ('A) 3 o'clock: ...'), after a full stop or a colon
_LETTER_ITEM = r"[A-Za-z]\) [A-Z0-9]"
_LINE_OPENS = re.compile(
    rf"(?<=[.!?]) +(?!(?i:{'|'.join(sorted(SENTENCE_OPENERS))})\b)"
    rf"(?=(?P<label>{_LABEL}))"
    rf"|(?<=\d) +(?![A-Za-z]:)(?={_LABEL})"
    r"|(?<=\S) +(?=[*\u2022] )"
    rf"|(?<=[.!?]) +(?={_ITEM})"
    rf"|(?<=[.!?:]) +(?={_LETTER_ITEM})"
)
# A label or an item right after a header's colon ('Findings: Right kidney:
# ...', 'IMPRESSION: 1. ...'): the header was a line of its own; but not a
# word and a number, the header's value ('ASSESSMENT: Category 2: Benign').
_VALUE_LABEL = r"[A-Za-z]+ \d\w*:"
_AFTER_HEADER = re.compile(rf" ?: +(?=(?!{_VALUE_LABEL}){_LABEL}|1[.)] [A-Z])")
# A report opening with a title in capitals and going on with a sentence or
# a label ('LEFT BREAST ULTRASOUND Targeted scan ...'): the title's words (two
# to TITLE_WORDS, with TITLE_LETTERS letters or more: 'CT Chest' is an exam
# named in a sentence's case, 'BIRADS Category 4' no title), then a word of a
# capital and small letters.
TITLE_WORDS = 12
TITLE_LETTERS = 5
_TITLE = re.compile(
    rf"[^\sa-z:]*[A-Z][^\sa-z:]*(?: [^\sa-z:]+){{1,{TITLE_WORDS - 1}}}"
    r"(?<![,;-])(?= [A-Z][a-z])"
)


# a vessel's score in a table ('LAD 87', 'RCA: 12')
_SCORE = re.compile(rf"[^\d]+{_NUMBER}")


def _table_breaks(text: str, m: re.Match[str]) -> list[int]:
    """Where a table of scores by vessel had its line breaks: after it,
    before a word with a capital ('... RCA 12 Total ...'); between its
    scores where only a space parts them (a row a line: 'LM 0 LAD 87'; 'LM 0
    / LAD 87' is one line), and then before it, after a stop or a colon
    ('Results: LM 0 LAD 87')."""
    at = [
        m.start() + s.start()
        for s in _SCORE.finditer(m.group())
        if s.start() and s.group()[0] == " " and s.group()[1].isalpha()
    ]
    if at and text[: m.start()].rstrip(" ").endswith((".", ":")):
        at.append(m.start() - 1)
    if _CAPITAL_NEXT.match(text, m.end()):
        at.append(m.end())
    return at


_CAPITAL_NEXT = re.compile(r" +[A-Z]")


def _title_end(text: str) -> int | None:
    """The space after a capitals title opening the report, if any."""
    m = _TITLE.match(text)
    if m is None or sum(c.isalpha() for c in m.group()) < TITLE_LETTERS:
        return None
    return m.end()


# What ends a label's words before a header: a stop or a colon (a comma may
# stand in a label's value: 'EXAM: CT CHEST, NON-CONTRAST HISTORY:').
_PUNCT = ".;:!?"
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def _goes_on(text: str, at: int, header: str) -> bool:
    """Does the word before the space at `at` belong to the header's label
    ('EXTERNAL EXAMINATION:', 'Physical Findings:'): a word in the header's
    case (capitals, or a capital and small letters) that ends with a letter,
    in words that follow a stop. Words after a label's colon are
    its value ('EXAM: CT HEART INDICATION:'), and words opening the report
    its title ('CT CHEST HISTORY:'): the header opens the next line."""
    found = _LAST_WORD.search(text, max(0, at - 40), at)
    if found is None or not found.group()[0].isupper():
        return False
    if found.group().isupper() != header.split()[0].isupper():
        return False
    before = text[max(0, at - 200) : at]
    last = max(before.rfind(c) for c in _PUNCT)
    return last >= 0 and before[last] != ":"
