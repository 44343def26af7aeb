"""Layout stage: section of every token and sentence boundaries."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from itertools import compress
from typing import Any, NamedTuple

from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc, Span

from calc_nlp.sentences import sentence_bounds
from calc_nlp.stages.record import Layout, SectionOf, longest_spans
from calc_nlp.stages.toolkit import Toolkit


def layout(
    kit: Toolkit,
    doc: Doc,
    caseless: bool = False,
    columns: dict[str, list[int]] | None = None,
) -> Layout:
    """Sections per token, then sentences that never cross a section header.

    A section runs from its header to the next header; a one-line section
    (exam, indication, technique, comparison) ends with its line, and the
    unlabelled lines after it are the report body ('findings'). `caseless`:
    the report as written has no capitals (sentences.sentence_starts).
    `columns`: the Doc's token attribute values (Toolkit.columns) when read.
    """
    words, blank = token_columns(doc, columns, kit.word_texts)
    lower = lower_words(words, columns, kit.word_texts)
    rule_md = kit.rule_md
    # (start, end, label, rule) of each match: a Header made of the kept ones
    headers = [
        Header._make(h)
        for h in kit.section_matcher.matches(doc, columns)
        if not (rule_md(h[3]).get("own_line") and not _alone_on_line(words, h[0], h[1]))
    ]
    # in text order already: the matches come sorted by (start, end), and
    # `longest_spans` keeps their order
    headers = longest_spans(headers)
    bounds: list[int] = []
    per_token: list[SectionOf] = [("other", 0, 0, False)] * len(doc)
    strings = doc.vocab.strings
    breaks: list[int] | None = None  # the whitespace tokens holding a line break
    for k, sp in enumerate(headers):
        md = rule_md(sp.rule)
        end = headers[k + 1].start if k + 1 < len(headers) else len(doc)
        bounds += [sp.start, sp.end]
        entry = (strings[sp.label], sp.end, sp.start, bool(md.get("clinical_question")))
        if md.get("one_line"):
            if breaks is None:  # the line breaks, read once per report
                breaks = [i for i in compress(range(len(words)), blank) if "\n" in words[i]]
            line_end = _line_end(words, blank, sp.end, end, breaks)
        else:
            line_end = end
        per_token[sp.start : line_end] = [entry] * (line_end - sp.start)
        if line_end < end:
            bounds.append(line_end)
            body = ("findings", line_end, line_end, False)
            per_token[line_end:end] = [body] * (end - line_end)
    # caseless: the report has no capital anywhere (a lower-cased export)
    # 'Rt. kidney', 'approx. 5 mm': the period of a side or measure
    # abbreviation ends no sentence or clause
    abbreviations = kit.abbreviations
    # the commas a space follows ('LEFT, TWO VIEWS:'), not an export's glued
    # ones (',FINDINGS:'): read for the commas only
    # (a space after a token: its SPACY value when the columns hold it, no
    # Token made)
    space_after = columns.get("SPACY") if columns is not None else None
    spaced = frozenset(
        i
        for i in compress(range(len(words)), map(",".__eq__, words))
        if (space_after[i] if space_after is not None else doc[i].whitespace_)
    )
    # the '?' written against the word after it, after a space ('focus
    # ?scar', a Commonwealth query of that word): it ends no sentence
    queries = (
        frozenset(
            i
            for i in compress(range(len(words) - 1), map("?".__eq__, words))
            if _written_against_the_next(doc, words, space_after, i)
        )
        if "?" in words  # most reports ask nothing
        else frozenset()
    )
    # with the sentences, the ';' and '.' tokens less the periods of
    # abbreviations ('Rt. kidney'), found in the same pass
    firsts, ends, stops = sentence_bounds(
        doc,
        bounds,
        words,
        caseless,
        abbreviations,
        blank,
        kit.line_joining_words,
        spaced,
        queries,
        kit.therapy_words,
    )
    return Layout(per_token, firsts, ends, stops, words, blank, lower, caseless=caseless)


def lower_words(
    words: list[str],
    columns: Mapping[str, list[int]] | None = None,
    texts: Mapping[int, str] | None = None,
) -> list[str]:
    """Each token's lower-case text (spaCy's LOWER is the text's
    `str.lower()`), made once per report for every stage that compares
    words: from the LOWER column through `texts` (Toolkit.word_texts) when
    the caller has read both, a look-up per token in C, else lowered here."""
    if columns is not None and texts is not None and "LOWER" in columns:
        return list(map(texts.__getitem__, columns["LOWER"]))
    return [w.lower() for w in words]


class Header(NamedTuple):
    """A section header the section rules matched: its tokens, its
    category's hash and its rule's (RuleMatcher.matches), read without a
    Span object of it (a report matches a few headers that overlap, most of
    them dropped)."""

    start: int
    end: int
    label: int
    rule: int


def token_columns(
    doc: Doc,
    columns: dict[str, list[int]] | None = None,
    texts: Mapping[int, str] | None = None,
) -> tuple[list[str], list[bool]]:
    """Each token's text and whether it is whitespace, read once from the
    Doc's arrays (a Token object per token read costs more), or from
    `columns` (Toolkit.columns) when the caller has read them; `texts`:
    token texts by ORTH hash (Toolkit.word_texts), when the caller has them."""
    if not len(doc):
        return [], []
    strings = doc.vocab.strings
    if columns is not None:
        orth = columns["ORTH"]
        words = (
            list(map(texts.__getitem__, orth))
            if texts is not None
            else [strings[h] for h in orth]
        )
        # spaCy's IS_SPACE is the text's `str.isspace()`: tested here on the
        # texts in C rather than read as a column of ints and made bools
        return words, list(map(str.isspace, words))
    rows = doc.to_array([ORTH, IS_SPACE]).tolist()
    return [strings[h] for h, _ in rows], [bool(b) for _, b in rows]


def exam_of(
    kit: Toolkit, doc: Doc, lay: Layout, text: str | None = None
) -> dict[str, Any] | None:
    """The kind of exam the report is (an entry of the exam table): named in
    its exam line, else told by enough of the words such reports use. An exam
    kind with no report words is told by its exam line only. `text` is the
    Doc's text when the caller has it (joining the tokens again costs more)."""
    line = exam_line(lay)
    exam_texts = [_span_text(doc[line[0] : line[1]], text).lower()] if line else []
    if not line or line[0] > 0:
        # an exam line that names no exam ('PROCEDURE: A needle was placed
        # ...') leaves it to the title opening the report ('US-GUIDED
        # LAVAGE, RIGHT SHOULDER,INDICATION: ...')
        exam_texts.append(
            title(lay.words, kit.side_words, kit.title_study_words)
        )
    for exam_text in exam_texts:
        for exam, exam_rx, _ in kit.exams:
            if exam_text and exam["exam_terms"] and exam_rx.search(exam_text):
                return exam
    text = (doc.text if text is None else text).lower()
    best, best_n = None, 0
    for exam, _, report_rx in kit.exams:
        if not exam["report_terms"]:
            continue
        n = len(report_rx.findall(text))
        if n >= exam["min_report_terms"] and n > best_n:
            best, best_n = exam, n
    return best


def _span_text(span: Span, text: str | None) -> str:
    """`span.text`, sliced from the Doc's text when the caller has it."""
    return span.text if text is None else text[span.start_char : span.end_char]


# Most words a title line opening a report may have.
TITLE_WORDS = 12


def exam_line(lay: Layout, kinds: tuple[str, ...] = ("exam",)) -> tuple[int, int] | None:
    """The tokens of the report's first exam section, (first, past the last),
    if any (a note with several 'PROCEDURE:' sections: the first one);
    `kinds`: the section categories that count (an operation note's
    'PROCEDURE PERFORMED:' is a technique section). Found once per report
    and kinds (`Layout._exam_lines`)."""
    if kinds in lay._exam_lines:
        return lay._exam_lines[kinds]
    sections = lay.sections
    first = next((i for i, sec in enumerate(sections) if sec[0] in kinds), None)
    found = None
    if first is not None:
        kind = sections[first][0]
        end = first
        while end < len(sections) and sections[end][0] == kind:
            end += 1
        found = (first, end)
    lay._exam_lines[kinds] = found
    return found


# Words that open a sentence, never an exam's title ('There is a mass in the
# left breast.' opening a note is no breast exam).
SENTENCE_OPENERS = frozenset(
    {"there", "the", "this", "these", "a", "an", "he", "she", "it", "we", "i"}
)


def title_start(words: list[str]) -> int:
    """The report's first token that is not blank (an export may open with
    empty lines). `words`: the Doc's token texts (Layout.words)."""
    return next((i for i, w in enumerate(words) if not w.isspace()), len(words))


# Verbs that make the words before a full stop a sentence, not an exam's
# title ('Chest x-ray shows a left effusion.').
SENTENCE_VERBS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "shows", "show", "showed",
     "demonstrates", "demonstrate", "demonstrated", "reveals", "revealed"}
)


def title_stop(
    words: list[str], start: int | None = None, study_words: frozenset[str] = frozenset()
) -> int | None:
    """The first colon, comma or line break among the report's first
    TITLE_WORDS + 1 tokens after its opening blanks: where its opening title
    ends (None: no such stop; the title's start where the report opens with
    a sentence, not a title). With `study_words` (mentions.json
    `exam_words`), also a full stop closing words that name a study and hold
    no verb ('Mammogram right. Heterogeneously dense. ...', 'Left diagnostic
    mammogram with spot magnification. No residual calcifications.'): a
    dictated report's opening title on the line of its text (guide §2 step
    5: the exam gives the site and the side of a one-sided study).
    `words`: the Doc's token texts (Layout.words); `start`:
    title_start(words), when known."""
    start = title_start(words) if start is None else start
    if start < len(words) and words[start].lower() in SENTENCE_OPENERS:
        return start
    for i in range(start, min(len(words), start + TITLE_WORDS + 1)):
        if words[i] in {":", ","} or "\n" in words[i]:
            return i
        if words[i] == "." and study_words and _names_study(words[start:i], study_words):
            return i
    return None


def _names_study(words: list[str], study_words: frozenset[str]) -> bool:
    """Do the words name a study (a study word) and hold no verb?"""
    low = [w.lower() for w in words]
    return any(w in study_words for w in low) and not any(w in SENTENCE_VERBS for w in low)


def title(
    words: list[str],
    side_words: frozenset[str] = frozenset(),
    study_words: frozenset[str] = frozenset(),
) -> str:
    """The words opening a report up to the first colon, comma or line break
    ('BILATERAL SCREENING MAMMOGRAM,FINDINGS: ...'), lower case: the exam's
    title when the report has no exam line. A side written after its comma
    and the part it is of belong to it ('ARTERIAL DUPLEX, LEFT LOWER
    EXTREMITY,HISTORY: ...'; `side_words`: the words that name a side;
    `study_words`: as title_stop takes them). `words`: the Doc's token texts
    (Layout.words)."""
    start = title_start(words)
    stop = title_stop(words, start, study_words)
    if stop is None and len(words) - start > TITLE_WORDS:
        return ""  # too long to be a title
    end = len(words) if stop is None else _side_part_end(words, stop, side_words)
    return " ".join(words[start:end]).lower()


# Most words after a title's side that name the part ('LEFT LOWER EXTREMITY').
TITLE_PART_WORDS = 3


def _side_part_end(words: list[str], stop: int, side_words: frozenset[str]) -> int:
    """Past ', SIDE part words' where they end the title at a comma, colon or
    line break; else `stop`."""
    i = stop + 1
    if words[stop] != "," or i >= len(words) or words[i].lower() not in side_words:
        return stop
    end = title_part_end(words, i + 1)
    return stop if end is None else end


def title_part_end(words: list[str], at: int) -> int | None:
    """Past the few words after a title's side that name the part it is of
    ('LEFT LOWER EXTREMITY', up to TITLE_PART_WORDS; `at`: the token after
    the side), where they end the title line at a comma, colon or line
    break; None where the line goes on. `words`: the Doc's token texts."""
    end = at
    while end < len(words) and end - at < TITLE_PART_WORDS and words[end].isalpha():
        end += 1
    if end == len(words) or words[end] in {",", ":"} or "\n" in words[end]:
        return end
    return None


class LazyExam:
    """The report's kind of exam, worked out the first time a stage asks
    (most reports never need it: their findings name their own sites)."""

    def __init__(self, kit: Toolkit, doc: Doc, lay: Layout, text: str | None = None):
        self._args: tuple[Toolkit, Doc, Layout, str | None] | None = (
            kit,
            doc,
            lay,
            text,
        )
        self._exam: dict[str, Any] | None = None

    def get(self) -> dict[str, Any] | None:
        if self._args is not None:
            self._exam = exam_of(*self._args)
            self._args = None
        return self._exam

    def sites(self) -> tuple[str, ...]:
        exam = self.get()
        return tuple(d["site"] for d in exam["defaults"]) if exam else ()


def _alone_on_line(words: list[str], start: int, end: int) -> bool:
    """Are the tokens start..end the only thing on their line (an own-line
    header such as 'FINDINGS')? `words`: the Doc's token texts."""
    before = start == 0 or "\n" in words[start - 1]
    after = end == len(words) or "\n" in words[end]
    return before and after


# A double period: where an export that flattens a report's lines onto one
# ('Hx: cough.. Heart normal.. ...') had a line break (an ellipsis '...' is
# no such mark).
FLATTENED_LINE_BREAK = ".."


def _line_end(
    words: list[str], blank: list[bool], start: int, end: int, breaks: list[int]
) -> int:
    """Token index where the line holding the first words after `start` ends
    (`words`, `blank`: each token's text and whether it is whitespace): at a
    line break, or at the double period an export that flattened the lines
    left for one ('INDICATION: Fall.. Heart size normal..': the one-line
    section ends after 'Fall..', as it would at a line break). A full stop
    and a comma ('Cough.,There') does not end it: the exports that join lines
    so also join the lines of a section that runs over several, and the
    section then ends at the next header as before. `breaks`: the
    whitespace tokens that hold a line break, in order (found by bisection,
    the double period by `list.index`: no test per token in Python)."""
    first = start  # the line's first word: line breaks before it end nothing
    while first < end and blank[first]:
        first += 1
    if first >= end:
        return end
    k = bisect_right(breaks, first)
    stop = breaks[k] + 1 if k < len(breaks) and breaks[k] < end else end
    try:  # a double period before that line break ends the line there
        return words.index(FLATTENED_LINE_BREAK, first + 1, stop) + 1
    except ValueError:
        return stop


def _written_against_the_next(doc: Any, words: list[str], space_after: Any, i: int) -> bool:
    """Is the token at `i` written with no space after it, against a word,
    and after a space (or at the start)? (Its SPACY value when the columns
    hold it, no Token made.)"""

    def spaced(k: int) -> bool:
        return bool(space_after[k] if space_after is not None else doc[k].whitespace_)

    return (
        not spaced(i)
        and words[i + 1][:1].isalpha()
        and (i == 0 or spaced(i - 1))
    )
