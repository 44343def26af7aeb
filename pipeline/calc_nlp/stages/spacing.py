"""What an export did to a report's text, read past and put back.

Exports converted from word processors, RTF, HTML, HL7 feeds or database
dumps hold tabs, no-break and other Unicode spaces, runs of spaces between
words, characters that show nothing (soft hyphens, zero-width spaces,
byte-order marks, NULs), HTML tags and character references, line breaks
escaped as text or as HL7 escapes, and lines broken at a fixed width. spaCy
makes a token of each extra space and keeps a tag or an invisible character
inside its word, so "calcified<TAB>granuloma" or "calcification.</p>" no
longer matched the rules: the site, or the whole finding, was lost.

`normalise` gives the text the stages read (the list of what it changes is
at `_EDIT`; RTF is read by stages/rtf.py, fixed-width lines joined by
stages/wrapping.py). `restore` then maps every offset of the result back to
the report as written and re-reads the mention and its site words from it,
so offsets, finding ids and those quotes are the report's own; the sentence
and evidence quote the text as read (single spaces, as always). A text
needing none of this is analysed as it is.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from calc_nlp.schema import Condition, Finding, ReportResult, finding_id
from calc_nlp.stages import rtf, wrapping
from calc_nlp.stages.dictation import Dictation
from calc_nlp.stages.page_lines import PageLines

_INVISIBLE = "\x00\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPACES = "\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
# What the stages read instead, in order of the alternatives:
# - an HL7 escape (report text from an HL7 v2 feed): "\.br\" and a CR or LF
#   by its hex code a line break, the delimiters as themselves; formatted
#   text's commands (HL7 v2 FT): "\.sp N\" N line breaks (one without N),
#   "\.ce\" (a centred line next) a line break, "\.sk N\" a space,
#   highlighting ("\H\", "\N\"), indents ("\.in+4\", "\.ti-2\") and
#   fill modes ("\.fi\", "\.nf\") nothing;
# - a line break or tab escaped as text, backslash and letter (a database or
#   JSON dump exported as text): a line break, a space;
# - tildes glued between a word and a word (HL7 v2's repetition separator,
#   joining a report's lines in some feeds): a line break each, also before
#   a number after a word or a stop ('stable.~1. Calcified ...', 'seen~4 mm
#   ...'); '~5 mm', '(~2' and '2~3' are approximations and ranges, kept;
# - an HTML tag that ends a line or a cell (an export of a web or rich-text
#   view): a line break (nothing beside a line break the text has), or a
#   space for a table cell;
# - an inline HTML tag (bold, a span): nothing;
# - an HTML character reference: its character (a no-break space: a space;
#   an invisible one, '&shy;': nothing);
# - a run of spacing between two characters that are not spacing, holding a
#   character other than a plain space; or plain spaces between two words
#   (after a sentence's end or a comma they split no phrase), or after a
#   label's colon before a word or an export's joining comma ('Hx:  cough',
#   'HISTORY:  , Cough'; the stages read a label's value, or its line, from
#   the token after the colon): one space.
#   Newlines are layout: kept.
_HL7_ESCAPE = (
    r"\\X0D\\\\X0A\\|\\(?:\.br|X0D0A|X0D|X0A|T|S|F|R|E|H|N"
    r"|\.sp ?\d{0,2}|\.ce|\.fi|\.nf|\.(?:in|ti) ?[+-]?\d{1,2}|\.sk ?\d{1,2})\\"
)
_TEXT_ESCAPE = r"\\r\\n|\\n|\\r|\\t"
_TILDE_BREAK = r"(?<=[^\s\d(\[=<>~])~+(?=[^\s~])|(?<=\d)~+(?=[^\s\d~])"
_EDIT = re.compile(
    rf"(?P<hl7>(?-i:{_HL7_ESCAPE}))"
    rf"|(?P<escaped>(?-i:{_TEXT_ESCAPE}))"
    rf"|(?P<tilde>{_TILDE_BREAK})"
    r"|(?P<line></?(?:p|br|div|li|ul|ol|tr|table|tbody|thead|h[1-6]|hr|pre)\b[^<>]{0,200}>)"
    r"|(?P<cell></?(?:td|th)\b[^<>]{0,200}>)"
    r"|(?P<inline></?(?:span|b|i|u|em|strong|font|sup|sub|a)\b[^<>]{0,200}>)"
    r"|(?P<ref>&(?:[a-z]{2,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});)"
    rf"|(?<=\S)[ {_SPACES}]*[{_SPACES}][ {_SPACES}]*(?=\S)"
    r"|(?<=\w)  +(?=\w)|(?<=:)  +(?=[\w,])",
    re.IGNORECASE,
)
_HL7 = {"T": "&", "S": "^", "F": "|", "R": "~", "E": "\\"}
# Where an `_EDIT` match can start: its first character is one of the
# backslash, tilde, "<", "&" or a spacing character, or a plain space that
# opens a run of spaces holding another spacing character, or two spaces
# after a word or a label's colon (the only runs of plain spaces `_EDIT`
# reads: two spaces after a stop or a comma, most of a report's, are no
# candidate to try it at). A character class first lets the regex engine
# skip to the next candidate; `_EDIT` itself, its alternatives opening on
# lookbehinds, is tried at every character of the text when searched.
_EDIT_AT = re.compile(
    rf"[ \\~<&{_SPACES}](?:(?<! )|(?= *[{_SPACES}])|(?<=[\w:] )(?= ))"
)
_TILDE = re.compile(_TILDE_BREAK)
# plain spaces between words, or after a label's colon (`_EDIT`'s last two
# alternatives): read again once edits are made (`_spaces_joined`)
_JOINED = re.compile(r"(?<=\w)  +(?=\w)|(?<=:)  +(?=[\w,])")
# a run of spaces between two characters that are not spacing
_RUN = re.compile(r"(?<=\S)  +(?=\S)")
# a line break right after a line tag, past spaces and tabs
_BREAK_AFTER = re.compile(r"[ \t]*[\r\n]")
# an escape that stands for a line break or tab (the delimiter escapes alone
# hide no finding)
_ESCAPE = re.compile(r"\\(?:[nrt]|\.(?:br|sp|ce|sk|in|ti|fi|nf)\b|X0[AD]|[HN]\\)")
_DROP = re.compile(rf"[{_INVISIBLE}]+")
# a CR that ends a line on its own (not one of the CRs before an LF)
_LONE_CR = re.compile(r"\r(?!\r*\n)")
_SPACE = re.compile(rf"[{_SPACES}]")
# Cheap tests first: most reports hold none of these. A literal "  " opens
# the test for spaces between words, which lets the regex engine skip ahead.
_OTHER = re.compile(rf"[{_INVISIBLE}{_SPACES}]")
_MARKUP = re.compile(r"</?[a-z][^<>]{0,200}>|&#?[0-9a-z]{2,31};", re.IGNORECASE)
_DOUBLE = re.compile(r"  (?:(?<=\w  ) *\w|(?<=:  ) *[\w,])")


@dataclass
class Runs:
    """Where each character of a text comes from in the report, run by run
    (a list per character made two ints per character of every report
    changed, most of the work of reading it). A run starts in the text at
    `firsts[k]`; its first character comes from the report's
    `origins[k]` up to `stops[k]`, and each next one from `steps[k]` (1: a
    run copied as written) further on (0: a run that stands for one
    stretch of the report, all of it). Made run by run by `_edit`, then
    only read."""

    firsts: list[int]
    origins: list[int]
    stops: list[int]
    steps: list[int]
    length: int  # of the text
    end: int  # of the report: the origin of the text's end

    @classmethod
    def same(cls, length: int) -> Runs:
        """Each character the report's at the same place."""
        return cls([0], [0], [1], [1], length, length)

    @classmethod
    def listed(cls, origin: list[int], stop: list[int], end: int) -> Runs:
        """One run per character, of the origin and stop given for each."""
        n = len(stop)
        return cls(list(range(n)), origin, stop, [0] * n, n, end)

    def _run(self, i: int) -> int:
        return bisect_right(self.firsts, i) - 1

    def origin(self, i: int) -> int:
        """Report offset of the text's character i (of its end for len)."""
        if i == self.length:
            return self.end
        if not 0 <= i < self.length:
            raise IndexError(i)
        k = self._run(i)
        return self.origins[k] + self.steps[k] * (i - self.firsts[k])

    def stop(self, i: int) -> int:
        """Report offset just past what gave the text's character i."""
        if not 0 <= i < self.length:
            raise IndexError(i)
        k = self._run(i)
        return self.stops[k] + self.steps[k] * (i - self.firsts[k])


@dataclass(frozen=True)
class Spacing:
    """The text the stages read, and where each of its characters comes from."""

    text: str
    runs: Runs
    # the report has no capitals and `text` some (stages/capitals.py): quotes
    # are given back in lower case, as the report wrote them
    lowered: bool = False

    @property
    def origin(self) -> list[int]:
        """Per character of `text`, its index in the report; then the
        report's length."""
        return [self.runs.origin(i) for i in range(len(self.text) + 1)]

    @property
    def stop(self) -> list[int]:
        """Per character of `text`, the index in the report just past what
        gave it."""
        return [self.runs.stop(i) for i in range(len(self.text))]

    def at(self, i: int) -> int:
        """Report offset of a start offset in `text`."""
        return self.runs.origin(i)

    def end(self, i: int) -> int:
        """Report offset of an end offset in `text` (one past its last character)."""
        return self.runs.stop(i - 1) if i > 0 else 0


# Is left+right one word a break between them would split ('calci',
# 'fication')? (stages/rule_vocabulary.py: the words the rules know)
Splits = Callable[[str, str], bool]


def normalise(
    text: str,
    hidden_only: bool = False,
    splits: Splits | None = None,
    joins: frozenset[str] = frozenset(),
    whole: Splits | None = None,
    pages: PageLines | None = None,
    dictation: Dictation | None = None,
) -> Spacing | None:
    """The text with spacing and markup made regular, or None when it needs
    no change. With `hidden_only`, None unless the text holds an invisible
    character or markup glued to a word (what can hide a word from the
    prefilter: what a report the prefilter turned away needs looked at).
    `splits`: tells a zero-width space inside a word, read as nothing, from
    one between two words, read as a space (without it: always a space).
    `joins`: the words a wrapped line may end on before a capital
    (wrapping.py). `whole`: is left+right a word the rules know (a word a
    line's end split with a hyphen, read whole: `_hyphen_splits`).
    `pages`: the page headers and footers to read as nothing
    (stages/page_lines.py); `dictation`: the punctuation a recogniser
    wrote out as words, read as its marks (stages/dictation.py)."""
    if rtf.is_rtf(text):
        shown, shown_origin, shown_stop = rtf.plain(text)
        new, runs = _unwrapped(*_edit(shown, splits), hidden_only, joins, whole)
        return Spacing(
            new,
            Runs.listed(
                [shown_origin[runs.origin(i)] for i in range(len(new))],
                [shown_stop[runs.stop(i) - 1] for i in range(len(new))],
                len(text),
            ),
        )
    written = text
    text = _crs_as_breaks(text)  # same length: the report's offsets hold
    if not hidden_only:  # (a report turned away: only its invisible characters)
        text = _single_spaced(text)  # the same length too
    values = None if hidden_only else _export_lines(text, pages, dictation)
    if values is not None:
        text, first = values
    if not _needs(text, hidden_only):
        if hidden_only:
            return None  # (wraps hide no word: a report turned away stays so)
        # nothing to edit: its hard wraps alone, if any (the spaces they make
        # are the only runs `_edit` would read in the text unwrapped)
        runs = first if values is not None else Runs.same(len(text))
        new, runs = _unwrapped(text, runs, hidden_only, joins, whole)
        return None if new == written else Spacing(new, runs)
    new, runs = _edit(text, splits)
    if values is not None:
        runs = _composed(first, runs)
    new, runs = _unwrapped(new, runs, hidden_only, joins, whole)
    return None if new == written else Spacing(new, runs)


# A line that is an HL7 v2 text segment, as some interfaces export a result:
# each line of the report the value of an OBX segment of its own (OBX-5),
# after its set id, a text value type, the observation's identifier and
# sub-id ('OBX|3|TX|||', 'OBX|1|TX|IMP^Impression||'), the fields after the
# value (units, ranges, flags, the result's status: '||||||F') closing the
# line; or an NTE note segment ('NTE|1|L|'). A bar inside the value is
# escaped (\\F\\), so the value runs to the next bar.
_SEGMENT = re.compile(
    r"(?m)^(?:OBX\|\d{0,4}\|(?:TX|FT|ST)?\|[^|\n]{0,200}\|[^|\n]{0,20}\|"
    r"|NTE\|\d{0,4}\|[A-Z]{0,2}\|)"
    r"(?P<value>[^|\n]*)(?:\|[^\n]*)?$"
)


def _export_lines(
    text: str, pages: PageLines | None, dictation: Dictation | None = None
) -> tuple[str, Runs] | None:
    """The text with each HL7 text segment read as its value
    (`_segment_values`), without the page headers and footers a paged
    export repeated inside it (`pages`), and with the punctuation commands
    a recogniser kept as words read as their marks (`dictation`); and where
    its characters come from. None when it has none of these."""
    values = _segment_values(text)
    if values is not None:
        text = values[0]
    edits = [(a, b, "") for a, b in pages.spans(text)] if pages is not None else []
    if dictation is not None:
        spoken = dictation.edits(text)
        if spoken:
            edits = sorted(
                edits + [e for e in spoken if not any(_overlap(e[:2], d[:2]) for d in edits)]
            )
    if not edits:
        return values
    new, runs = _replaced(text, edits)
    return new, runs if values is None else _composed(values[1], runs)


def _segment_values(text: str) -> tuple[str, Runs] | None:
    """The text with each HL7 text segment line read as its value
    ('OBX|3|TX|||Liver: calcified granuloma.||||||F' as 'Liver: calcified
    granuloma.'): read as written, the segment's fields opened every line,
    so no label or heading opened one (a liver granuloma lost its site).
    None when no line is one."""
    if "|" not in text or ("OBX|" not in text and "NTE|" not in text):
        return None
    out: list[str] = []
    runs = Runs([], [], [], [], 0, len(text))
    pos = 0
    for m in _SEGMENT.finditer(text):
        _copy(text, pos, m.start(), out, runs)
        _copy(text, m.start("value"), m.end("value"), out, runs)
        pos = m.end()
    if not out and pos == 0:
        return None
    _copy(text, pos, len(text), out, runs)
    return "".join(out), runs


def _crs_as_breaks(text: str) -> str:
    """The text with each lone CR (classic Mac OS line ends, some RIS
    exports: 'FINDINGS:\rCalcified ...') an LF, as the stages break lines at
    LF only: read as written, such a report was one line, its headers,
    titles, list items and line-ending sentences lost. CRs before an LF
    ('\r\r\n', a CR LF written again through a text-mode file) stay part
    of that one line end."""
    if "\r" not in text or _LONE_CR.search(text) is None:
        return text  # (most with a CR: CR LF line ends, read as they are)
    return _LONE_CR.sub("\n", text)


# A line break between two lines that are not blank (past spaces, tabs and
# CRs), and a run of line breaks between two such lines
_SINGLE_BREAK = re.compile(r"\S[ \t\r]*\n[ \t\r]*\S")
_BREAKS = re.compile(r"(?<=\S)[ \t\r]*\n(?:[ \t\r]*\n)+(?=[ \t\r]*\S)")
# How many runs of line breaks show a report double-spaced
DOUBLED_BREAKS = 3


def _single_spaced(text: str) -> str:
    """A double-spaced report (an export or a word processor that writes a
    blank line after every line: no two lines of text meet, in
    DOUBLED_BREAKS places or more) read single-spaced: each run of k line
    breaks, k // 2 of them ('RIGHT' over a blank over 'Calcified plaque at
    the carotid bulb' is 'RIGHT' over the plaque's line, the side heading
    it; a blank line the writer left, four breaks, is one still). The breaks
    read as nothing are spaces: the text keeps its length."""
    if "\n" not in text or _SINGLE_BREAK.search(text) is not None:
        return text  # (most reports: two lines meet, found at the first break)
    runs = list(_BREAKS.finditer(text))
    if len(runs) < DOUBLED_BREAKS:
        return text
    chars = list(text)
    for m in runs:
        breaks = [i for i in range(m.start(), m.end()) if text[i] == "\n"]
        for i in breaks[: len(breaks) - len(breaks) // 2]:
            chars[i] = " "
            if text[i - 1] == "\r":
                chars[i - 1] = " "
    return "".join(chars)


def _unwrapped(
    text: str,
    runs: Runs,
    hidden_only: bool,
    joins: frozenset[str] = frozenset(),
    whole: Splits | None = None,
) -> tuple[str, Runs]:
    """The text with its hard wraps read as spaces (wrapping.py), once its
    markup is read: a wrapped report stored as RTF or with escaped or HTML
    line breaks is wrapped all the same. A wrap's CR LF, or a space left
    before it ('tissue \\n'), gives two spaces between words: made one, as
    `_edit` makes those written (two spaces split the phrase). A word the
    line's end split with a hyphen ('calcif-\\nication') is read whole
    (`_hyphen_splits`)."""
    if hidden_only:
        return text, runs
    joined = wrapping.unwrap(text, joins)
    hyphens = _hyphen_splits(text, whole)
    if joined is None and not hyphens:
        return text, runs
    joined = text if joined is None else joined
    spans = _wrap_spaces(text, joined) if "  " in joined else []
    if hyphens:
        spans = [s for s in spans if not any(_overlap(s, h) for h in hyphens)]
    edits = sorted([(a, b, " ") for a, b in spans] + [(a, b, "") for a, b in hyphens])
    if edits:
        again, then = _replaced(joined, edits)
        return again, _composed(runs, then)
    return joined, runs  # same length: offsets hold


# A hyphen ending a line before a letter ('calcif-\nication', 'un-\r\n
# changed'), spaces padding the line after it; the word before it is read
# by `_hyphen_splits` (the hyphen first: the regex engine skips to it)
_LINE_HYPHEN = re.compile(r"-[ \t\r]*\n[ \t]*(?=[^\W\d_])")


def _hyphen_splits(text: str, whole: Splits | None) -> list[tuple[int, int]]:
    """Where a line's end split a word with a hyphen, as a fixed width or a
    typesetter breaks a long word ('Dense calcif-' over 'ication of the
    mitral annulus'): the hyphen and the line break, read as nothing when
    the halves make a word the rules know (`whole`; 'well-' over 'defined'
    stays as written, 'non-' over 'calcified' is 'noncalcified', read
    alike). Read as a space, the word was lost ('calcif- ication') or a
    change word with it ('un- changed')."""
    if whole is None or "-" not in text:
        return []
    return [
        m.span()
        for m in _LINE_HYPHEN.finditer(text)
        if whole(_word_before(text, m.start()), _word_after(text, m.end()))
    ]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _wrap_spaces(text: str, joined: str) -> list[tuple[int, int]]:
    """The runs of spaces in the unwrapped text to read as one: those
    between words or after a label's colon (as `_edit` reads them), and
    those a wrap made, whatever is before them ('ossification,\\r\\nright'
    one space, as 'ossification,\\nright' is)."""
    return [
        m.span()
        for m in _RUN.finditer(joined)
        if _JOINED.match(joined, m.start()) is not None
        or joined[m.start() : m.end()] != text[m.start() : m.end()]
    ]


def _edit(text: str, splits: Splits | None = None) -> tuple[str, Runs]:
    """The text the stages read, and where its characters come from."""
    new, runs = _edit_once(text, splits)
    # (`_DOUBLE` first: it finds the same runs, opening on its two spaces,
    # where `_JOINED` opens on a lookbehind tried at every character)
    if "  " in new and _DOUBLE.search(new) is not None:
        again, then = _spaces_joined(new, [m.span() for m in _JOINED.finditer(new)])
        return again, _composed(runs, then)
    return new, runs


def _spaces_joined(text: str, spans: list[tuple[int, int]]) -> tuple[str, Runs]:
    """Spaces that edits left side by side between words ('Calcified
    &nbsp;granuloma', 'Calcified \\u200b granuloma', a '<b>' between two
    spaces: each edit reads its own stretch, so two spaces stayed, and
    split the phrase) made one, as a run of spaces written between words is."""
    return _replaced(text, [(start, end, " ") for start, end in spans])


def _replaced(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, Runs]:
    """The text with each stretch (start, end, in order, apart) read as the
    string given, and where its characters come from."""
    out: list[str] = []
    runs = Runs([], [], [], [], 0, len(text))
    pos = 0
    for start, end, instead in edits:
        _copy(text, pos, start, out, runs)
        _add(runs, instead, start, end, 0)
        out.append(instead)
        pos = end
    _copy(text, pos, len(text), out, runs)
    return "".join(out), runs


def _composed(first: Runs, then: Runs) -> Runs:
    """Where the characters of a text `then` maps onto the text `first`
    maps come from in the report, run by run."""
    out = Runs([], [], [], [], 0, first.end)
    ends = [*then.firsts[1:], then.length]
    for k, end in enumerate(ends):
        n, origin, step = end - then.firsts[k], then.origins[k], then.steps[k]
        if step == 0:  # one stretch of `first`'s text, all of it
            _add_run(out, n, first.origin(origin), first.stop(then.stops[k] - 1), 0)
            continue
        at = origin  # a stretch copied: `first`'s runs over it
        while at < origin + n:
            k1 = first._run(at)
            stop = first.firsts[k1 + 1] if k1 + 1 < len(first.firsts) else first.length
            stop = min(stop, origin + n)
            _add_run(out, stop - at, first.origin(at), first.stop(at), first.steps[k1])
            at = stop
    return out


def _edit_once(text: str, splits: Splits | None = None) -> tuple[str, Runs]:
    """`_edit`'s reading of each stretch `_EDIT` matches."""
    out: list[str] = []
    runs = Runs([], [], [], [], 0, len(text))
    pos = 0
    for m in _edits(text):
        _keep(text, pos, m.start(), out, runs, splits)
        new = _instead(m, splits)
        if new is None:  # not a reference html knows: left as written
            _copy(text, m.start(), m.end(), out, runs)
            pos = m.end()
            continue
        _add(runs, new, m.start(), m.end(), 0)
        out.append(new)
        pos = m.end()
    _keep(text, pos, len(text), out, runs, splits)
    return "".join(out), runs


def _edits(text: str) -> Iterator[re.Match[str]]:
    """`_EDIT.finditer(text)`: `_EDIT` matched only where `_EDIT_AT` finds a
    character one of its matches can start at (none is empty)."""
    at = 0
    while (found := _EDIT_AT.search(text, at)) is not None:
        m = _EDIT.match(text, found.start())
        if m is None:
            at = found.start() + 1
        else:
            yield m
            at = m.end()


def same_places(
    text: str, new: str, sp: Spacing | None, lowered: bool = True
) -> Spacing:
    """A Spacing for `new`, the same length as the text `sp` gave (or as the
    report, without `sp`); `lowered`: in lower case as the report wrote it
    (else as `sp` was)."""
    lowered = lowered or (sp is not None and sp.lowered)
    if sp is None:
        return Spacing(new, Runs.same(len(text)), lowered)
    return Spacing(new, sp.runs, lowered)


def _instead(m: re.Match[str], splits: Splits | None = None) -> str | None:
    if m.group("hl7"):
        return _hl7_read(m.group()[1:-1])
    if m.group("tilde"):
        return "\n" * len(m.group())  # '~~': a blank line
    if m.group("escaped"):
        return " " if m.group() == "\\t" else "\n"
    if m.group("line"):
        return "" if _beside_a_break(m) else "\n"
    if m.group("cell"):
        return " "
    if m.group("inline"):
        return ""
    if m.group("ref"):
        char = _referenced(m.group())
        if char == "" and html.unescape(m.group()) == _ZWSP:
            return _zero_width_space(m.string, m.start(), m.end(), splits)
        return char
    return " "


def _hl7_read(code: str) -> str:
    """What an HL7 escape (its code, between the backslashes) reads as: a
    delimiter itself; '.sp N' N line breaks (one without N), '.sk N' a
    space, highlighting, indents and fill modes nothing; a line break else
    ('.br', '.ce', a CR or LF by its hex code)."""
    if code in _HL7:
        return _HL7[code]
    if code.startswith(".sp"):
        digits = code[3:].strip()
        return "\n" * max(1, int(digits) if digits else 1)
    if code.startswith(".sk"):
        return " "
    if code in ("H", "N", ".fi", ".nf") or code.startswith((".in", ".ti")):
        return ""
    return "\n"


def _beside_a_break(m: re.Match[str]) -> bool:
    """Does a line break of the text stand right before or after the line
    tag (past spaces and tabs)? An export that writes a tag at each line's
    end or start ('<br>\\n', '</p>\\n<p>') writes the break too: read as a
    break of its own each tag made a blank line between every two lines,
    cutting the report into paragraphs (a title's site lost to its next
    line). Tags alone ('<br><br>') are line breaks still."""
    text = m.string
    if _BREAK_AFTER.match(text, m.end()) is not None:
        return True
    at = m.start() - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at >= 0 and text[at] in "\r\n"


def _referenced(ref: str) -> str | None:
    """What a character reference stands for: a space for a spacing one
    ('&nbsp;'), nothing for an invisible one ('&shy;' inside a word, as the
    soft hyphen itself: a space made 'calc ification' two words), else its
    character (None: not a reference html knows)."""
    char = html.unescape(ref)
    if len(char) != 1:
        return None
    if char in _INVISIBLE:
        return ""
    return " " if _SPACE.match(char) else char


def _needs(text: str, hidden_only: bool) -> bool:
    if hidden_only:
        return _hides_a_word(text)
    if text.isascii():
        if "\x00" in text or "\t" in text:
            return True
    elif _OTHER.search(text) is not None:
        return True
    if ("<" in text or "&" in text) and _MARKUP.search(text) is not None:
        return True
    if "\\" in text and _ESCAPE.search(text) is not None:
        return True
    if "~" in text and _TILDE.search(text) is not None:
        return True
    return "  " in text and _DOUBLE.search(text) is not None


def _hides_a_word(text: str) -> bool:
    """Does the text hold what can hide a word from the prefilter, which
    reads the report as written: an invisible character, or markup glued
    to a word ('Calc<b>ified', 'C&#97;lcified', 'Calc&shy;ified')?"""
    invisible = "\x00" in text if text.isascii() else _DROP.search(text) is not None
    if invisible:
        return True
    return ("<" in text or "&" in text) and any(map(_glued, _MARKUP.finditer(text)))


def _glued(m: re.Match[str]) -> bool:
    """Is the markup right after or before a word's character (what `\\w`
    matches: a letter, a digit or '_')?"""
    text, (start, end) = m.string, m.span()
    return (start > 0 and _word_char(text[start - 1])) or (
        end < len(text) and _word_char(text[end])
    )


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _keep(
    text: str,
    start: int,
    end: int,
    out: list[str],
    runs: Runs,
    splits: Splits | None = None,
) -> None:
    """Copy text[start:end] without its invisible characters (a zero-width
    space between two words: a space)."""
    pos = start
    for m in _DROP.finditer(text, start, end):
        _copy(text, pos, m.start(), out, runs)
        if _ZWSP in m.group():
            space = _zero_width_space(text, m.start(), m.end(), splits)
            _add(runs, space, m.start(), m.end(), 0)
            out.append(space)
        pos = m.end()
    _copy(text, pos, end, out, runs)


_ZWSP = "\u200b"


def _zero_width_space(text: str, start: int, end: int, splits: Splits | None) -> str:
    """What a zero-width space (text[start:end], with any invisible characters
    around it) reads as: a space between two words ('calcified\u200bgranuloma'
    read as nothing joined them, the finding lost; Unicode makes it a
    word-break opportunity), nothing inside a word the rules know
    ('calci\u200bfication', as some editors break long words; `splits`),
    and nothing beside whitespace or the text's ends (no second space made).
    After a stop or a colon, or between a number and a word, it is the space
    it stands for ('normal.\u200bNo', 'LAD\u200b150': read as nothing,
    'normal.No', 'LAD150', which a score's regex reads as one word)."""
    if start == 0 or end == len(text) or text[start - 1].isspace() or text[end].isspace():
        return ""
    left = _word_before(text, start)
    right = _word_after(text, end)
    if not left or not right or left[-1].isdigit() != right[0].isdigit():
        return " "  # (a number and a word: 'LAD\u200b150', 'score\u200b212')
    return "" if splits is not None and splits(left, right) else " "


def _word_before(text: str, at: int) -> str:
    start = at
    while start > 0 and _word_char(text[start - 1]):
        start -= 1
    return text[start:at]


def _word_after(text: str, at: int) -> str:
    end = at
    while end < len(text) and _word_char(text[end]):
        end += 1
    return text[at:end]


def _copy(text: str, start: int, end: int, out: list[str], runs: Runs) -> None:
    if start < end:
        out.append(text[start:end])
        _add(runs, out[-1], start, start + 1, 1)


def _add(runs: Runs, chars: str, origin: int, stop: int, step: int) -> None:
    """A run of `chars` (none: no run) read next, its first character from
    the report's `origin` up to `stop`."""
    _add_run(runs, len(chars), origin, stop, step)


def _add_run(runs: Runs, n: int, origin: int, stop: int, step: int) -> None:
    """`_add` of a run of n characters."""
    if n:
        runs.firsts.append(runs.length)
        runs.origins.append(origin)
        runs.stops.append(stop)
        runs.steps.append(step)
        runs.length += n


def restore(result: ReportResult, sp: Spacing, text: str, digest: str) -> ReportResult:
    """The result with every offset on the report as written, the mentions
    read from it, and the finding ids those offsets give."""
    ids: dict[str, str] = {}
    findings = []
    for f in result.findings:
        start, end = sp.at(f.start), sp.end(f.end)
        new_id = (
            finding_id(result.report_id, digest, start, end) if f.finding_id else ""
        )
        ids[f.finding_id] = new_id
        findings.append(
            replace(
                f,
                start=start,
                end=end,
                mention=text[start:end],
                site_text=_site_text(sp, text, f),
                finding_id=new_id,
                marks=tuple((sp.at(s), sp.end(e), k) for s, e, k in f.marks),
                descriptor_words=_words(sp, f.descriptor_words),
            )
        )
        if sp.lowered:
            last = findings[-1]
            last.sentence = last.sentence.lower()
            last.evidence = _QUOTED.sub(lambda m: m.group().lower(), last.evidence)
            last.conditions = _lowered(last.conditions)
    for f in findings:
        f.lesion_id = ids.get(f.lesion_id, f.lesion_id)
    return replace(
        result,
        findings=findings,
        conditions=_lowered(result.conditions) if sp.lowered else result.conditions,
        labs=tuple(
            replace(v, start=sp.at(v.start), end=sp.end(v.end)) for v in result.labs
        ),
        condition_marks=tuple(
            (sp.at(s), sp.end(e), n) for s, e, n in result.condition_marks
        ),
        birads_words=_words(sp, result.birads_words),
    )


_QUOTED = re.compile(r'"[^"]*"')


def _lowered(conditions: tuple[Condition, ...]) -> tuple[Condition, ...]:
    return tuple(replace(c, words=c.words.lower()) for c in conditions)


def _site_text(sp: Spacing, text: str, f: Finding) -> str:
    """The site's words as written, from the span marked as the site."""
    for s, e, kind in f.marks:
        if kind == "site" and sp.text[s:e] == f.site_text:
            return text[sp.at(s) : sp.end(e)]
    return f.site_text


def _words(
    sp: Spacing, words: tuple[tuple[str, str, int, int], ...]
) -> tuple[tuple[str, str, int, int], ...]:
    return tuple((name, rule, sp.at(s), sp.end(e)) for name, rule, s, e in words)
