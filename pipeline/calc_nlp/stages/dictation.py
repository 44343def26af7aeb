"""Punctuation a speech recogniser wrote out as words.

A dictated report whose recogniser missed a command keeps it as text: 'No
acute disease period Calcified granuloma in the left lower lobe period',
'... stenosis new paragraph LEFT ...'. Read as written, the sentences ran
together: a denial reached the next sentence's finding, a side or a size
the next one's, and a heading was no line of its own. `Dictation.edits`
finds such a word where only a command can stand (after a word, before a
line break, the text's end or a capitalised word) and gives what it stands
for, for stages/spacing.py to read instead. Its words are the rule set's
(mentions.json `word_lists`: `dictated_stops`, `dictated_breaks`).
"""

from __future__ import annotations

import re

from calc_nlp.rules import RuleSet


class Dictation:
    """Finds the punctuation commands a dictated report kept as words."""

    def __init__(self, rules: RuleSet):
        lists = rules.word_lists
        stops = lists.get("dictated_stops", [])
        breaks = lists.get("dictated_breaks", [])
        # what a text must hold (as written or capitalised) to hold one
        self.words = sorted(
            {v for w in stops + breaks for v in (w.lower(), w.capitalize())}
        )

        def alternation(words: list[str]) -> str:
            return "|".join(
                r"[ \t]+".join(map(re.escape, w.split()))
                for w in sorted(words, key=len, reverse=True)
            ) or r"(?!)"

        # after a word (or a number, a bracket, a percentage) and spaces; the
        # command a whole word before spaces and a line break, the text's end
        # or a word opening with a capital (a sentence's start); a break's
        # command may follow a stop ('disease. new paragraph')
        before = r"(?<=[\w)%])"
        after = r"(?=[ \t]*(?:\r?\n|$)|[ \t]+(?-i:[A-Z]))"
        # (or before a break's command: 'weakness period new line RIGHT')
        then_break = rf"(?=[ \t]+(?:{alternation(breaks)})\b)"
        self.stop = re.compile(
            rf"{before}[ \t]+(?:{alternation(stops)})(?:{after}|{then_break})",
            re.IGNORECASE,
        )
        self.line = re.compile(
            rf"(?<=[\w)%.])[ \t]+(?:{alternation(breaks)})[ \t]*"
            r"(?=\r?\n|$|(?-i:[A-Z]))",
            re.IGNORECASE,
        )

    def edits(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, what to read instead), in order, apart: a stop's
        command and the spaces before it a full stop ('disease period
        Calcified': 'disease. Calcified'), a line's command a line break, or
        nothing before the line break already there."""
        if not any(w in text for w in self.words):
            return []
        found = [(m.start(), m.end(), ".") for m in self.stop.finditer(text)]
        for m in self.line.finditer(text):
            rest = text[m.end() : m.end() + 2]
            found.append((m.start(), m.end(), "" if rest[:1] in "\r\n" else "\n"))
        found.sort()
        out: list[tuple[int, int, str]] = []
        for edit in found:
            if not out or edit[0] >= out[-1][1]:
                out.append(edit)
        return out
