"""Coronary calcium scores of the descriptors stage (corpora/GUIDE.md,
Descriptors: agatston, agatston_percentile, agatston_vessels): read from a
finding's sentence and the score lines right under it, and given to the
sentence's score phrase, else to its coronary findings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from calc_nlp.schema import Finding, number_text
from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.record import ReportDoc

# (field, rule id, start, end): the words that gave a descriptor, for `explain`.
Word = tuple[str, str, int, int]
# Where a segment of score text ends: a ";", a line break, a full stop (one
# before a comma too: an export that joined lines with commas, "46.,LAD:"),
# or such a joining comma itself before a letter (",LAD, 212,RCA, 96", and
# ",rca: 96" in an export lower-cased whole).
_SEGMENT = re.compile(r"[;\n]|\.(?=[\s,]|$)|,(?=[A-Za-z])")


@dataclass(frozen=True)
class Scores:
    """The scores one sentence (and the score lines under it) states."""

    agatston: float | None = None
    percentile: float | None = None
    vessels: str = ""
    words: tuple[Word, ...] = ()


class ScoreText:
    """A piece's text as the score readings read it: `joined`, each label
    alone on its line joined to its value (`_labels_joined`), worked out when
    a finding first asks and then kept for the piece's other findings."""

    def __init__(self, dr: DescriptorRules, text: str, starts: list[int]):
        self.dr, self.text, self.starts = dr, text, starts
        self._joined: str | None = None

    @property
    def joined(self) -> str:
        if self._joined is None:
            self._joined = _labels_joined(self.dr, self.text, self.starts)
        return self._joined


def takes_score(
    dr: DescriptorRules,
    spans: list[Span],
    findings: list[Finding],
    i: int,
    rd: ReportDoc,
    score_text: ScoreText,
) -> bool:
    """A sentence's scores go to its score phrase, else to its coronary
    findings; but not to the finding of a line a vessel's label opens ("RCA:
    calcified plaque, score 9"): the total is the whole tree's (corpora/GUIDE.md
    agatston), and what such a line states is that vessel's. A score phrase
    whose site is another than the score sites ("mitral valve calcium score")
    states no coronary score, and no finding of its sentence takes it."""
    first = rd.layout.sent_first[spans[i].start]
    mates = [j for j, s in enumerate(spans) if rd.layout.sent_first[s.start] == first]
    phrases = [j for j in mates if findings[j].rule_id in dr.score_rules]
    if phrases:
        site = findings[i].site
        return i in phrases and (not site or site in dr.score_sites)
    if findings[i].site not in dr.score_sites:
        return False
    lo = rd.sent(spans[i]).start_char
    return not _vessel_labelled(dr, score_text.text, score_text.joined, lo)


def scores_of(
    dr: DescriptorRules, sent: Span, score_text: ScoreText, off: int
) -> Scores:
    """Total, percentile and per-vessel scores of a sentence and the score
    lines right under it; per-vessel scores also from the vessel lines right
    above it ("LAD: 98" lines before "Total calcium score: 145"), but for a
    sentence a vessel's label opens: only its own."""
    orig, text, starts = score_text.text, score_text.joined, score_text.starts
    end = _value_line_end(orig, text, sent.end_char)
    labelled = _vessel_labelled(dr, orig, text, sent.start_char) and not _table_of(
        dr, text, sent.start_char, end, starts
    )
    lo, hi = sent.start_char, _score_lines_end(dr, text, end, starts)
    above, below = lo, hi
    if _first(dr, "agatston", text, lo, end) is not None:
        # a sentence stating a total: the vessel lines above are its table
        # ("LAD: 98" lines before "Total calcium score: 145"); not those
        # above a sentence on a calcification ("... LCX and LM 0. Dense
        # calcification of the proximal LAD.")
        above = _vessel_lines_start(dr, text, lo, starts)
    if labelled:
        # a sentence a vessel's label opens ("LAD: calcified plaque") is a
        # line of a list by vessel: the vessel lines around it are its
        # neighbours' ("Circumflex: none."), not its scores; nor are the
        # total and the percentile the lines under it state ("RCA: plaque,
        # score 9" over "Total: 70"), and a bare "score 9" in it is that
        # vessel's, not the total
        above, below = lo, end
    words: list[Word] = []
    vessels: list[tuple[int, int, str, float]] = []
    for rid, rx in dr.patterns.get("vessel", []):  # an earlier rule's reading wins
        for m in rx.finditer(text, above, below):
            if any(a < m.end() and m.start() < b for a, b, _, _ in vessels):
                continue  # '164 in the LAD, 0 in the left main': not 'LAD, 0'
            value = dr.number(m.group("value"))
            for at, name in _vessels_named(dr, m):
                vessels.append((at, m.end(), name, value))
            words.append(("agatston_vessels", rid, off + m.start(), off + m.end()))
    vessels.sort()
    totals = []
    for rid, rx in dr.patterns.get("agatston", []):
        for m in rx.finditer(text, lo, hi):
            if any(a < m.end() and m.start() < b for a, b, _, _ in vessels):
                continue
            if _a_duration(dr, text, m.end("value"), hi):
                continue
            totals.append((m.start(), m.end(), rid, dr.number(m.group("value"))))
    today = [t for t in totals if not _dated_total(dr, text, lo, t[0], t[1], hi)]
    if totals and not today:
        today = _current_total(dr, text, max(t[1] for t in totals), hi) or totals
    # a reading the sentence calls the total wins over a bare 'score N' before
    # it ('calcium in the LAD (score 120) and total score 160': 160)
    named = [t for t in today if text[t[0] : t[0] + 5].lower() == "total"]
    if labelled:
        today = named
    total = min(named or today) if today else None
    pct = _first(dr, "percentile", text, lo, hi)
    if total is not None:
        words.append(("agatston", total[2], off + total[0], off + total[1]))
    if pct is not None:
        words.append(("agatston_percentile", pct[2], off + pct[0], off + pct[1]))
    return Scores(
        agatston=None if total is None else total[3],
        percentile=None if pct is None else pct[3],
        vessels=";".join(f"{n}={number_text(v)}" for _, _, n, v in vessels),
        words=tuple(words),
    )


# A label alone on its line over its value on the next ("Total Agatston
# score" over "160 (70th percentile)", "LAD" over "120", "Percentile:" over
# "greater than 90th"): a line of letters without a digit or a full stop, a
# colon at most at its end, and a line that opens with a number (a lower
# bound before it, an ordinal's ending after it) which ends there or before
# a comma, a bracket, a ";", a "%" ("percentile rank" over "62%") or the
# unit. Not an item's number ("12. LAD ..."), a date ("03/12/2019") nor a
# size ("2 mm"); a stenosis ("LAD" over "40%") no score pattern reads. Either
# line may open with a list mark ("LAD:" over "1. 238"): the mark is blanked
# with the break, never read as a value.
_LABEL_OVER_VALUE = re.compile(
    r"(?m)^[^\S\n]*(?:(?:[-*\u2022]|\d{1,2}[.)])[^\S\n]+)?(?P<label>[A-Za-z][^\d\n.:;]{0,40}?)"
    r"[^\S\n]*:?[^\S\n]*(?P<brk>\r?\n(?:[^\S\n]*(?:\d{1,2}[.)]|[-*\u2022])(?=[^\S\n]))?)"
    r"(?=[^\S\n]*(?:(?:>=?|\u2265|greater[^\S\n]+than|more[^\S\n]+than|above)"
    r"[^\S\n]*(?:the[^\S\n]+)?)?(?:\d[\d,]*(?:\.\d+)?|zero)(?:st|nd|rd|th)?"
    r"(?:[^\S\n]*(?:\r?$|[,;(%])|\.[^\S\n]*\r?$|[^\S\n]+(?:agatston|au)\b))",
    re.I,
)
# How many words a label alone on its line has at most ("Coronary artery
# calcium score", "Calcium score (Agatston units)")
_LABEL_WORDS = 5


def _labels_joined(dr: DescriptorRules, text: str, starts: list[int]) -> str:
    """The text with the line break after each label alone on its line over
    its value (`_LABEL_OVER_VALUE`) made a space, as if the export had kept
    them on one line ("LAD" over "120": "LAD 120"); of the same length, so
    a reading in it is where it is in the text. An export that writes each
    label on a line of its own, its colon left out, states the same scores
    (corpora/GUIDE.md, Descriptors: agatston_vessels). Only the label of a
    score line (`_score_label`) or one a finding stands on (`starts`: the
    score phrase "Total Agatston score"): a score phrase alone on its line
    that is no finding is a heading, and the number under it no score of
    the sentence above it."""
    breaks = []
    for m in _LABEL_OVER_VALUE.finditer(text):
        a, b = m.span("brk")
        if len(m.group("label").split()) > _LABEL_WORDS:
            continue
        if any(m.start() <= at < a for at in starts) or _score_label(dr, text, m):
            breaks.append((a, b))
    if not breaks:
        return text
    chars = list(text)
    for a, b in breaks:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _score_label(dr: DescriptorRules, text: str, m: re.Match[str]) -> bool:
    """Is a label alone on its line (`_LABEL_OVER_VALUE`) that of a score
    table's line: a vessel's name ("Left main" over "0"), "Total" (over
    "160"), or one a percentile reading reads across the break ("MESA
    percentile rank" over "62%")?"""
    label = m.group("label").strip()
    if label.lower() == "total" or dr.vessel_label.fullmatch(label + ":"):
        return True
    a = m.start("brk")
    line_end = text.find("\n", m.end())
    line = text[m.start() : len(text) if line_end < 0 else line_end]
    at = a - m.start()
    joined = line[:at] + " " * (m.end() - a) + line[m.end() - m.start() :]
    return any(
        r.start() < at < r.end()
        for _, rx in dr.patterns.get("percentile", [])
        for r in rx.finditer(joined)
    )


def _vessel_labelled(dr: DescriptorRules, text: str, joined: str, lo: int) -> bool:
    """Does a vessel's label open the sentence at `lo`: "LAD: calcified
    plaque", "3. RCA: 52", or a vessel's name alone on the line above it, a
    score line's label over its value (`_labels_joined`: "LAD" over "164,
    with calcified plaque")?"""
    if dr.vessel_label.match(text, _past_bullet(text, lo)) is not None:
        return True
    top = joined.rfind("\n", 0, lo) + 1
    if "\n" not in text[top:lo]:
        return False
    label = joined[_past_bullet(joined, top) : lo].strip().rstrip(":")
    return dr.vessel_label.fullmatch(label + ":") is not None


def _value_line_end(text: str, joined: str, end: int) -> int:
    """Where a sentence that ends with a label alone on its line ends, its
    value line joined to it ("Total Agatston score" over "160, 70th
    percentile."): past that line; else at `end`."""
    if end == 0 or text[end - 1] != "\n" or joined[end - 1] != " ":
        return end
    nl = text.find("\n", end)
    return len(text) if nl < 0 else nl + 1


def _table_of(
    dr: DescriptorRules, text: str, lo: int, hi: int, starts: list[int]
) -> bool:
    """Do vessel readings one after another open the sentence at `lo`, right
    before a total reading a finding stands in ("Left main: 0 | LAD: 12 |
    RCA: 4 | Coronary artery calcium score: 16", lines an export joined)?
    Then the vessel's label opens no line of a list by vessel: the readings
    are the table of the score phrase after them."""
    at, rows = lo, 0
    while True:
        gap = _BETWEEN_READINGS.match(text, at, hi)
        at = gap.end() if gap else at
        row = _reading_at(dr, "vessel", text, at, hi)
        if row is None:
            break
        at, rows = row.end(), rows + 1
    total = _reading_at(dr, "agatston", text, at, hi)
    return bool(rows) and total is not None and _holds_finding(total, starts)


def _reading_at(
    dr: DescriptorRules, kind: str, text: str, at: int, hi: int
) -> re.Match[str] | None:
    """The first rule's reading of `kind` that starts at `at`, else None."""
    for _, rx in dr.patterns.get(kind, []):
        m = rx.match(text, at, hi)
        if m is not None:
            return m
    return None


def _holds_finding(m: re.Match[str], starts: list[int]) -> bool:
    """Does a finding start within the reading (its score phrase: "Total
    Agatston score: 299")?"""
    return any(m.start() <= at < m.end() for at in starts)


# a list mark opening a line: a bullet ("* RCA: ...", "- LAD: ...") or an
# item's number ("3. LAD: 38.", "2) LM 0, LAD 87")
_BULLET = re.compile(r"[^\S\n]*(?:[-*\u2022]|\d{1,2}[.)])[^\S\n]+")


def _past_bullet(text: str, at: int) -> int:
    """Where a line's words start past a list mark at `at`, else `at`."""
    m = _BULLET.match(text, at)
    return at if m is None else m.end()


# an item's number opening a line ("2. LM 0", "3) Percentile: 70")
_ITEM_NUMBER = re.compile(r"[^\S\n]*\d{1,2}[.)](?=[^\S\n]+\S)")


def _segment_from(text: str, end: int) -> int:
    """Where to look for the end of the score segment that starts at `end`:
    past its first character (the line break or mark it opens with; a CR LF
    is one break), and past the item's number of a numbered line ("\n2. LM
    0, LAD 87"): that full stop is a list mark, not the end of a segment."""
    brk = _LINE_BREAK.match(text, end)
    at = brk.end() if brk else end
    if at == 0 or text[at - 1] in "\r\n":
        m = _ITEM_NUMBER.match(text, at)
        if m is not None:
            return m.end()
    return end + (2 if text.startswith("\r\n", end) else 1)


# the word right after a number, past a hyphen ("3 years", "6-month")
_UNIT_AFTER = re.compile(r"[^\S\n]{0,3}-?[^\S\n]{0,2}([a-z]+)\b", re.I)


def _a_duration(dr: DescriptorRules, text: str, end: int, hi: int) -> bool:
    """Is the number a score reading ends with at `end` a time, a word of
    score_duration_units right after it ("Calcium score 3 years ago 0")?
    It is then no score at all (corpora/GUIDE.md, Descriptors: never guess
    a value the words do not give)."""
    m = _UNIT_AFTER.match(text, end, hi)
    return m is not None and m.group(1).lower() in dr.duration_units


def _dated_total(
    dr: DescriptorRules, text: str, lo: int, at: int, end: int, hi: int
) -> bool:
    """Does a dating word (score_dating: "the prior score of 250", "up from
    250", "previously 250") stand among the two words right before a total
    reading at `at` (within its sentence from `lo`), or date it right after
    its `end` ("score of 250 on the prior exam", "250 previously")? Then it
    is the score of an earlier study, not today's, when the sentence has
    another."""
    before = text[max(lo, at - 30) : at]
    words = re.findall(r"[a-z]+", before.lower())[-2:]
    return bool(dr.score_dating & set(words)) or _dated_after(dr, text, end, hi)


# The words right after a score reading, up to a mark: "on the prior exam"
_AFTER_WORDS = re.compile(r"[^\S\n]*((?:\w+[^\S\n]*){1,3})", re.I)
# a year that dates a score ("in 2019")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _dated_after(dr: DescriptorRules, text: str, end: int, hi: int) -> bool:
    """Do the words right after a score reading date it: a score_dating word
    ("250 previously"), or "on" or "in" and one, a year or a hidden date
    ("250 on the prior exam", "in 2019", "on XXXX": threshold_dating)? Not
    "from", which opens what a score today rose from."""
    m = _AFTER_WORDS.match(text, end, hi)
    if m is None:
        return False
    words = m.group(1).lower().split()
    dating = dr.score_dating - {"from"}
    if words[0] in dating:
        return True
    rest = words[2:] if words[1:2] == ["the"] else words[1:]
    if words[0] not in ("on", "in") or not rest:
        return False
    return rest[0] in dating | dr.threshold_dating or bool(_YEAR.fullmatch(rest[0]))


def _current_total(
    dr: DescriptorRules, text: str, start: int, hi: int
) -> list[tuple[int, int, str, float]]:
    """Today's total after the sentence's dated totals (from `start`), when
    all of them date an earlier study: a bare number after "now"
    ("calcium score of 200 on the prior exam, now 260"; pattern kind
    `agatston_current`). The first such reading, else []."""
    found = [
        (m.start(), m.end(), rid, dr.number(m.group("value")))
        for rid, rx in dr.patterns.get("agatston_current", [])
        for m in rx.finditer(text, start, hi)
    ]
    return [min(found)] if found else []


def _vessels_named(dr: DescriptorRules, m: re.Match[str]) -> list[tuple[int, str]]:
    """The vessels one score reading names, each with where it starts: one,
    or two that share the score ("left main and circumflex 0")."""
    named = [(m.start(), dr.vessel(m.group("vessel")))]
    if "vessel2" in m.re.groupindex and m.group("vessel2"):
        named.append((m.start("vessel2"), dr.vessel(m.group("vessel2"))))
    return named


def _first(
    dr: DescriptorRules, kind: str, text: str, lo: int, hi: int
) -> tuple[int, int, str, float] | None:
    found = [
        (m.start(), m.end(), rid, dr.number(m.group("value")))
        for rid, rx in dr.patterns.get(kind, [])
        for m in rx.finditer(text, lo, hi)
    ]
    return min(found) if found else None


# What may stand between per-vessel readings above a score sentence: spaces,
# line breaks and marks ("LM: 0\nLAD: 212", "Left main: 0.  LAD: 38."), a
# list mark opening a line among them, an item's number or a bullet ("LAD:
# 38.\n4. LCx: 0.", "- LAD: 212\n- LCx: 36").
_BETWEEN_READINGS = re.compile(
    r"(?:\n[^\S\n]*(?:\d{1,2}[.)]|[-*\u2022])(?=[^\S\n])|[\s.,;:/|])*"
)
# How far back per-vessel readings are looked for at a time: a window, moved
# up past the readings it found, so a wide table is read whole.
_ABOVE_REACH = 400


def _vessel_lines_start(
    dr: DescriptorRules, text: str, start: int, starts: list[int]
) -> int:
    """Where the per-vessel scores right above a sentence begin: readings one
    after another back from it with nothing but spaces, line breaks and
    marks between them, none holding a finding ("LAD: 98" lines before
    "Total calcium score: 145", indented or not; "Left main: 0.  LAD: 38.
    RCA: 9.  Total Agatston score 47"). Read `_ABOVE_REACH` characters at a
    time, as far up as the readings go (a table with wide columns)."""
    lo = start
    while True:
        top, ended = _readings_start(dr, text, lo, starts)
        if ended or top == lo:
            return top
        lo = top


def _readings_start(
    dr: DescriptorRules, text: str, lo: int, starts: list[int]
) -> tuple[int, bool]:
    """Where the readings one after another back from `lo` begin, within
    `_ABOVE_REACH` characters above it, and whether something else than a
    reading ends them there (else readings may go on above the window)."""
    found = sorted(
        (m.start(), m.end())
        for _, rx in dr.patterns.get("vessel", [])
        for m in rx.finditer(text, max(0, lo - _ABOVE_REACH), lo)
    )
    for a, b in reversed(found):
        if b > lo:
            continue  # another rule's reading of words already taken
        if _BETWEEN_READINGS.fullmatch(text, b, lo) is None:
            return lo, True
        if any(a <= at < lo and not a <= at < b for at in starts):
            return lo, True
        lo = a
    return lo, False


def _score_lines_end(
    dr: DescriptorRules, text: str, end: int, starts: list[int]
) -> int:
    """Where the scores right after a sentence end: the segments (up to a ';',
    a line break or a full stop) that each hold a score, up to a blank line,
    a segment without one or one with a finding of its own (`starts`): "LM: 0"
    lines under a heading, "LAD 45; RCA 12"."""
    kinds = ("vessel", "agatston", "percentile")
    rxs = [rx for k in kinds for _, rx in dr.patterns.get(k, [])]
    header = False  # a table's column heading line ("Vessel  Score")
    while end < len(text):
        cut = _segment_cut(dr, text, _segment_from(text, end))
        stop = cut.start() + 1 if cut else len(text)
        segment = text[end:stop]
        if not segment.strip():
            # the spaces a padded line ends with ('LM: 0.  '), up to the
            # next line's first word: a blank line among them ends the table
            spaces = _SPACES.match(text, end)
            word = spaces.end() if spaces else end
            if word >= len(text) or _blank_line(text[end:word]):
                break
            end = word
            continue
        held = [
            at
            for at in starts
            if end <= at < stop and not _in_reading(dr, text, at, end, stop)
        ]
        if held and not _reading_opens(dr, text, end, min(held)):
            break
        if not any(rx.search(segment) for rx in rxs):
            if _measure_line(dr, segment):
                end = stop  # "Volume (mm3): 980" between the score lines
                continue
            if header or not _heading(dr, segment):
                break
            header = True
        elif header:
            header = False
        end = stop
    return end


def _segment_cut(dr: DescriptorRules, text: str, at: int) -> re.Match[str] | None:
    """The next segment end from `at` (`_SEGMENT`), past the period of an
    abbreviation with more of its line after it ('Lt. main: 10', guide §2:
    abbreviated sides count; `DescriptorRules.abbreviations`): it shortens
    the word before it and ends nothing, as the sentence splitter reads it."""
    cut = _SEGMENT.search(text, at)
    while cut is not None and _abbreviation_period(dr, text, cut.start()):
        cut = _SEGMENT.search(text, cut.start() + 1)
    return cut


def _abbreviation_period(dr: DescriptorRules, text: str, i: int) -> bool:
    """Is text[i] the period of an abbreviation, a line's words after it?"""
    if text[i] != "." or text[i + 1 : i + 2] in ("", "\n", "\r"):
        return False
    word = _WORD_BEFORE.search(text, max(0, i - 12), i)
    return word is not None and word.group().lower() in dr.abbreviations


# The word right before a position (`_abbreviation_period`).
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z]+$")


def _blank_line(space: str) -> bool:
    """Do the blanks between two score segments hold a blank line (two line
    breaks, a CR LF one)? Spaces or tabs before one line break only pad the
    line an export wrote at a fixed width, or that a typist ended so."""
    return len(_LINE_BREAK.findall(space)) > 1


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"\s*")


def _in_reading(dr: DescriptorRules, text: str, at: int, lo: int, hi: int) -> bool:
    """Is the finding at `at` a word of a vessel's reading between `lo` and
    `hi` ('LEFT MAIN: No calcium.': the denied calcium is the reading 0)?
    It is a line of the table, no finding that ends it."""
    return any(
        m.start() <= at < m.end()
        for _, rx in dr.patterns.get("vessel", [])
        for m in rx.finditer(text, lo, hi)
    )


def _reading_opens(dr: DescriptorRules, text: str, lo: int, first: int) -> bool:
    """Does a vessel's reading open the segment from `lo`, ending before the
    segment's first finding (at `first`)? Such a score line goes on about the
    vessel's calcification ("RCA: 52, with calcified plaque in the mid
    segment") and is still a line of the table; a line on a finding that
    holds no reading first ("RCA: calcified plaque, score 9") ends it."""
    at = _BETWEEN_READINGS.match(text, lo)
    start = at.end() if at else lo
    return any(
        rx.match(text, start, first) is not None
        for _, rx in dr.patterns.get("vessel", [])
    )


# a word of a line, units such as 'mm3' and 'mm³' included
_UNIT_WORD = re.compile(r"[\w^\u00b3]+")


def _measure_line(dr: DescriptorRules, segment: str) -> bool:
    """A line of the score table that gives the calcium volume or mass, not
    a score ("Volume (mm3): 980", "Mass score: 15 mg"): a number and a unit
    of `score_units` in brackets or as a word. The score lines go on past
    it."""
    if not any(ch.isdigit() for ch in segment):
        return False
    if dr.unit_note.search(segment) is not None:
        return True
    return bool(dr.score_units & {w.lower() for w in _UNIT_WORD.findall(segment)})


def _heading(dr: DescriptorRules, segment: str) -> bool:
    """A short line of words only, no number: a score table's column heading
    ("Vessel  Score", "Vessel | Agatston | Volume (mm3)": column bars and a
    unit in brackets, descriptors.json `score_units`, are no words), or its
    title ("Distribution by vessel:")."""
    bare = dr.unit_note.sub(" ", segment)
    words = [w for w in bare.split() if w != "|"]
    return (
        (segment.endswith("\n") or segment.rstrip().rstrip(",").endswith(":"))
        and 0 < len(words) <= 4
        and not any(ch.isdigit() for ch in bare)
    )
