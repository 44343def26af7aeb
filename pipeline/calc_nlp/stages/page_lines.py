"""Page headers and footers a printed or paged export repeats inside a report.

A report exported page by page (a print spooled to text, a document viewer's
text dump) carries, where a page ended, the page's footer and the next
page's header: 'Page 2 of 3', 'CONFIDENTIAL', the patient banner with its
identifiers masked ('Patient: XXXX, XXXX  MRN: XXXXXXX'). Such lines fall
wherever the page ran out: between a side heading and its lines, or inside
a sentence wrapped over two lines ('... calcified granuloma in the right'
over the banner over 'upper lobe.'), whose site, side, size or denial the
stages then lost. `PageLines.spans` finds them, so that stages/spacing.py
reads the report without them (the lines around them meeting again, a
wrapped sentence joined by stages/wrapping.py). Its words are the rule
set's (mentions.json `word_lists`: `page_words`, `banner_labels`,
`banner_notices`).
"""

from __future__ import annotations

import re

from calc_nlp.rules import RuleSet


def _alternation(words: list[str]) -> str:
    return "|".join(
        r"[ \t]+".join(map(re.escape, w.split()))
        for w in sorted(words, key=len, reverse=True)
    )


# A token of a banner's value: a de-identification mask, a number, a date or
# an identifier, a word in capitals (a name), or punctuation: no small letter
_VALUE = r"(?-i:[^\sa-z]+)"
# Most tokens of a banner line
BANNER_TOKENS = 24


# what may stand before a page line's first word ('- Page 2 -', '(Continued)')
_LEADERS = " \t-=*_("
# a de-identification mask, lower case ('xxxx')
_MASK = re.compile("x{2,}")


class PageLines:
    """Finds the page furniture lines of a report."""

    def __init__(self, rules: RuleSet):
        lists = rules.word_lists
        page = _alternation(lists.get("page_words", []))
        labels = _alternation(lists.get("banner_labels", []))
        notices = _alternation(lists.get("banner_notices", []))
        label = rf"(?:{labels})[ \t]*[:#]" if labels else r"(?!)"
        # a page's number ('Page 2 of 3', '- Page 2 -'), a notice ('CONFIDENTIAL',
        # '(Continued)', 'CONFIDENTIAL - contains protected health information'),
        # several of them on one line
        forms = []
        if page:
            forms.append(rf"(?:{page})[ \t]+\d{{1,3}}(?:[ \t]+(?:of|/)[ \t]+\d{{1,3}})?")
        if notices:
            forms.append(rf"\(?(?:{notices})\)?(?:[ \t]+-[ \t]+[^\n]*)?")
        furniture = "|".join(forms) or r"(?!)"
        self.line = re.compile(
            rf"[ \t\-=*_]*(?:(?:{furniture})[ \t\-=*_|]*)+",
            re.IGNORECASE,
        )
        # a banner: labels of the patient's identifiers, their values with
        # no small letter (masked: 'XXXX'; a name in capitals; numbers)
        self.label = re.compile(label, re.IGNORECASE)
        # the first words page lines open with, lower case (past dashes and
        # brackets; a banner may open with a mask, 'XXXX XXXX  Acc#:')
        self.first_words = frozenset(
            w.split()[0].lower()
            for name in ("page_words", "banner_labels", "banner_notices")
            for w in lists.get(name, [])
        )
        self.banner = re.compile(
            rf"[ \t]*(?:{_VALUE}[ \t]+)*{label}(?:[ \t]*(?:{label}|{_VALUE}))*[ \t]*",
            re.IGNORECASE,
        )

    def holds_any(self, text: str) -> bool:
        """Does a line of the text open with a word a page line opens with
        (or a mask), and is one such line a page line? A look at each line's
        first word: most reports hold none."""
        for line in text.split("\n"):
            head = line.lstrip(_LEADERS)[:24].split(None, 1)
            if not head:
                continue
            word = head[0].rstrip(":#),").lower()
            if (word in self.first_words or _MASK.fullmatch(word)) and self.is_page_line(
                line
            ):
                return True
        return False

    def is_page_line(self, line: str) -> bool:
        """Is the line (without its line break) page furniture: a page's
        number or a notice, or a banner of two identifier labels or more (or
        one with a mask), whose values hold no small letter?"""
        if not line.strip():
            return False
        if self.line.fullmatch(line.rstrip("\r")) is not None:
            return True
        body = line.rstrip("\r")
        if len(body.split()) > BANNER_TOKENS or self.banner.fullmatch(body) is None:
            return False
        labels = len(self.label.findall(body))
        return labels >= 2 or (labels == 1 and "XX" in body)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The stretches of page lines to read as nothing: each run of page
        lines and blank lines holding one page line or more, with the line
        break before it (a run at the text's start, with the break after
        it), between two lines of the report."""
        if "\n" not in text or not self.holds_any(text):
            return []
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        ends = [s - 1 for s in starts[1:]] + [len(text)]
        kinds = []  # 2 a page line, 1 blank, 0 the report's
        for s, e in zip(starts, ends, strict=True):
            line = text[s:e]
            kinds.append(2 if self.is_page_line(line) else 0 if line.strip() else 1)
        out: list[tuple[int, int]] = []
        k = 0
        while k < len(kinds):
            if kinds[k] == 0:
                k += 1
                continue
            j = k
            while j < len(kinds) and kinds[j]:
                j += 1
            if 2 in kinds[k:j]:
                if k == 0:
                    out.append((0, starts[j] if j < len(kinds) else len(text)))
                else:
                    out.append((ends[k - 1], ends[j - 1]))
            k = j
        return out
