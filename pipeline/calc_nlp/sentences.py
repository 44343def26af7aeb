"""Sentence boundaries for radiology reports: lines, lists, headers, periods.

Radiology reports are lists and headed blocks more than prose, so a line
break ends a sentence unless the line was visibly wrapped (it ends without
punctuation and the next line starts in lower case). A blank line always ends
one. Section headers are sentences of their own, so "FINDINGS: No
calcification." keeps its negation in the body sentence (docs/guide.md, pitfalls; medspaCy #155).

This replaces PyRuSH, which costs about 90% of medspaCy's run time; the
splitter is measured on the corpus by the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, pairwise

from spacy.tokens import Doc

_TERMINAL = {".", "!", "?", ";"}
# The first letters of the stops (of a run of periods too), as one string.
_STOP_FIRSTS = ".!?;"
# After these a '?' opens a question about what follows ('cough, ? TB', 'spleen - ? TB',
# '(? sarcoid)'), as it does at a sentence start: it ends nothing.
_ASKING_AFTER = {",", ":", "(", "-", "\u2013"}


def sentence_starts(
    words: list[str],
    header_bounds: Iterable[int] = (),
    caseless: bool = False,
    abbreviations: frozenset[str] = frozenset(),
    blank: list[bool] | None = None,
    joining: frozenset[str] = frozenset(),
    spaced: frozenset[int] = frozenset(),
    stops: list[int] | None = None,
    queries: frozenset[int] = frozenset(),
    therapy: TherapyWords | None = None,
) -> list[bool]:
    """One flag per token: does a sentence start here? Pure, for testing.

    `words` are the token texts; `header_bounds` are token indices where a
    section title or body begins. `caseless`: the report is written without
    capitals (an export lower-cased as a whole), so a word in lower case
    after a period or a line break says nothing: it starts a sentence.
    `abbreviations`: lower-case words whose period abbreviates them ('Rt.
    kidney'): it ends no sentence where the line goes on after it.
    `blank`: per token, is it whitespace (spaCy's IS_SPACE, `str.isspace`),
    when the caller has read it; else tested here, in C (`map`).
    `joining`: lower-case words no sentence ends on ('the', 'of', 'and'): a
    line ending on one is wrapped where case cannot tell (`continues`).
    `spaced`: the indices of the commas a space follows (`_label_at`).
    `stops`: given, each '.' and ';' token is added to it, in order, but
    the periods of abbreviations (`abbreviation_period`): the layout's
    clause stops, found in the same pass.
    `queries`: the indices of the '?' written against the word after them
    ('calcified focus ?scar'): a query of that word, which ends nothing.
    `therapy`: when a side abbreviation is a treatment's ('s/p RT.'): its
    period ends the sentence as a plain word's does.
    """
    n = len(words)
    starts = [False] * n
    if n == 0:
        return starts
    space = blank if blank is not None else list(map(str.isspace, words))
    # per token, is it a header bound (a list read by index: a set looked up
    # per token cost more)
    forced = [False] * n
    for b in header_bounds:
        if 0 <= b < n:
            forced[b] = True
    pending = True  # the next non-space token starts a sentence
    last_word = ""
    first = 0  # where the current sentence starts
    for i, w in enumerate(words):
        if space[i] or not w:
            if "\n" in w:
                blank_line = w.count("\n") >= 2
                if (
                    blank_line
                    or last_word in _TERMINAL
                    or _dots(last_word)
                    or last_word == ":"
                    or not continues(
                        words, i, caseless, last_word.lower() in joining
                    )
                ):
                    pending = True
            continue
        if pending or forced[i] or (
            last_word == "," and _label_at(words, i, spaced, caseless, first)
        ) or (w[:1].isupper() and last_word.islower() and _run_in_label(words, i)):
            starts[i] = True
            pending = False
            first = i
        # most words are no stop: one test of the first letter passes them
        # over (w is not empty; every stop, a run of periods too, starts so)
        if w[0] in _STOP_FIRSTS:
            if w == "?" and (starts[i] or last_word in _ASKING_AFTER or i in queries):
                pass  # a leading '?' asks about what follows ('? TB', 'cough, ? TB', 'focus ?scar')
            elif w == "." and abbreviation_period(words, i, abbreviations, therapy):
                pass  # 'Rt. KIDNEY': the period shortens the side word
            elif w in _TERMINAL or _dots(w):
                pending = (
                    caseless
                    or _next_starts_sentence(words, i)
                    or _written_in_lower_case(words, first, i)
                )
                if stops is not None and (w == "." or w == ";"):
                    stops.append(i)
        elif len(w) == 2 and w[1] == "." and _letter_closes(words, i):
            pending = True
            if stops is not None:
                stops.append(i)
        elif w[-1] == "." and _unit_closes(words, i):
            pending = True
            if stops is not None:
                stops.append(i)
        last_word = w
    starts[0] = True
    # A sentence start must fall on a token; whitespace tokens stay inside.
    return starts


def _letter_closes(words: list[str], i: int) -> bool:
    """Does the capital letter with its period at i ('C.', one token: spaCy
    keeps an initial whole) close its sentence? A capitalised word after it
    on its line opens the next one ('... hepatitis C. Calcified granuloma',
    'Bosniak II F. Right kidney normal'), unless an initial stands right
    before or after it too ('A. B. Smith'): a name, which ends nothing. Without the
    split, a denial or an 'evaluate for' of the sentence before reaches the
    finding (guide §2, negated, hypothetical)."""
    if not words[i][0].isupper():
        return False
    j = i - 1
    while j >= 0 and words[j].isspace() and "\n" not in words[j]:
        j -= 1
    if j >= 0 and _initial(words[j]):
        return False
    k = i + 1
    while k < len(words) and words[k].isspace() and "\n" not in words[k]:
        k += 1
    return k < len(words) and words[k][:1].isupper() and not _initial(words[k])


def _unit_closes(words: list[str], i: int) -> bool:
    """Does the unit with its period at i ('mL.', 's.' of 'cm/s.': spaCy
    keeps some units whole with their period) close its sentence? It does
    after a number or a slash ('volume 42 mL.', 'velocity 19 cm/s.') when a
    capitalised word follows on its line ('... 19 cm/s. Calcified plaque'),
    as a period on its own would. Without the split, a side, a denial or a
    question of the measurement's sentence reaches the finding after it
    (guide §2: site and side from the finding's own sentence)."""
    unit = words[i][:-1]
    if not unit.isalpha() or unit.isupper() and len(unit) == 1:
        return False  # 'C.' is `_letter_closes`'s
    j = i - 1
    while j >= 0 and words[j].isspace() and "\n" not in words[j]:
        j -= 1
    if j < 0 or not (words[j][-1:].isdigit() or words[j] == "/"):
        return False
    k = i + 1
    while k < len(words) and words[k].isspace() and "\n" not in words[k]:
        k += 1
    return k < len(words) and words[k][:1].isupper() and not _initial(words[k])


# The mentions.json word lists of words whose period abbreviates them and
# ends no sentence: a side ('Rt.'), a measure ('approx.'), a finding's own
# noun ('calcif.': guide §2, the site after it is the finding's).
ABBREVIATION_LISTS = ("side_abbreviations", "measure_abbreviations", "finding_abbreviations")


def abbreviation_words(word_lists: dict[str, list[str]]) -> frozenset[str]:
    """The lower-case words of every ABBREVIATION_LISTS list in `word_lists`."""
    return frozenset(w for name in ABBREVIATION_LISTS for w in word_lists.get(name, []))


def _initial(w: str) -> bool:
    """Is the token a letter with its period ('B.'), as spaCy keeps an initial?"""
    return len(w) == 2 and w[1] == "." and w[0].isalpha()


def abbreviation_period(
    words: list[str],
    i: int,
    abbreviations: frozenset[str],
    therapy: TherapyWords | None = None,
) -> bool:
    """Is words[i] the period of an abbreviation ('Rt.', 'Lt.') with more of
    its line after it? It shortens the word before it and ends nothing, so
    'Calcification in the Lt. kidney' stays one clause. A side abbreviation
    that names a treatment here (`therapy`: 's/p thoracic RT. Coronary
    calcification') is a word like any other: its period is a stop."""
    if words[i] != "." or i < 1 or i + 1 >= len(words):
        return False
    if words[i - 1].lower() not in abbreviations or "\n" in words[i + 1]:
        return False
    if therapy is not None and therapy.names_therapy(words, i - 1):
        return False
    return not _closes_sentence(words, i)


def _closes_sentence(words: list[str], i: int) -> bool:
    """Does the abbreviation before the period at i close its sentence? In
    prose, an abbreviation in lower case after a word in lower case, a
    capitalised word after its period opens the next sentence ('... worse
    on the lt. Stable since 2019'); a word in capitals says nothing (a
    report in capitals: 'IN THE RT. LOWER LOBE'), nor does a capitalised
    abbreviation ('in the Rt. Kidney', a title's case; 'Rt. Kidney:' opening
    a label), and a word in lower case goes on ('the lt. midlung'). The word
    before the abbreviation is prose in lower case or an acronym."""
    if not words[i - 1].islower():
        return False
    k = i + 1
    while k < len(words) and words[k].isspace() and "\n" not in words[k]:
        k += 1
    if k == len(words) or not words[k][:1].isupper() or words[k].isupper():
        return False
    j = i - 2
    while j >= 0 and words[j].isspace() and "\n" not in words[j]:
        j -= 1
    return j >= 0 and words[j].isalpha() and (words[j].islower() or _acronym(words[j]))


def _acronym(w: str) -> bool:
    """An upper-case shorthand of several letters ('BAC', 'CAC') before a
    lower-case abbreviation: mixed case is prose, so 'Mod BAC bilat. Stable
    ...' ends at the period as 'calcs bilat. Stable' does."""
    return len(w) > 1 and w.isupper()


def _dots(w: str) -> bool:
    """A run of periods ('..', as exports often have) ends a sentence too."""
    return len(w) > 1 and not w.strip(".")


def _label_at(
    words: list[str],
    i: int,
    spaced: frozenset[int] = frozenset(),
    caseless: bool = False,
    first: int = 0,
) -> bool:
    """Do the words from i form a label ('LAD:', 'LEFT MAIN CORONARY ARTERY:')?
    After a comma, as in exports that joined lines with commas, it starts a line.
    Not after a comma and a space (`spaced`) where the sentence so far (from
    `first`) is in capitals too: in a line written in capitals ('FEMUR
    RADIOGRAPHS, LEFT, TWO VIEWS:', 'RIGHT 11:00, ANTERIOR DEPTH:') capitals
    tell no label; an export's joined line has the comma glued ('DISCHARGE
    SUMMARY,DIAGNOSIS:'). In a caseless report (a lower-cased export) such a
    glued comma opens a label of words in lower case ('no plaque.,left
    carotid:')."""
    glued = i - 1 not in spaced
    any_case = caseless and glued
    if i < len(words) and words[i] == ":":
        return False  # a colon right after the comma labels nothing
    for w in words[i : i + 7]:
        if w == ":":
            return glued or not _in_capitals(words, first, i - 1)
        if "\n" in w:
            return False  # a label ends on its own line: 'PREOP, XXXX SURGERY' above 'FINDINGS:'
        if not (w.isupper() or w.isspace() or (any_case and w.isalpha())):
            return False
    return False


# Most words in lower case after a run-in label's first ('Lower thorax:').
_RUN_IN_WORDS = 2


def _run_in_label(words: list[str], i: int) -> bool:
    """Does an organ label written with a capital ('Spleen:', 'Lower
    thorax:') start at token i, after a word in lower case with no stop
    between (an export that lost the line break before it: 'no
    calcification Spleen: calcified granulomas')? Not before a number
    ('Figure: 2'). Only called after a word in lower case, so a word with a
    capital is rare here and the look ahead short."""
    w = words[i]
    if not (len(w) > 1 and w[0].isupper() and w[1:].islower() and w.isalpha()):
        return False
    if i >= 3 and words[i - 2] == "-" and words[i - 3][:1].isupper():
        return False  # 'Post-op Dx:', 'Pre-op Diagnosis:': one capitalised heading
    j, seen = i + 1, 0
    while j < len(words) and seen <= _RUN_IN_WORDS:
        x = words[j]
        if x == ":":
            nxt = next((y for y in words[j + 1 : j + 4] if not y.isspace()), "")
            return not nxt[:1].isdigit()
        if x.isspace() and "\n" not in x:
            j += 1
            continue
        if not (x.islower() and x.isalpha()) and x != "/":
            return False
        j, seen = j + 1, seen + 1
    return False


# Most words before a comma read to tell a sentence written in capitals.
CAPITALS_REACH = 40


def _in_capitals(words: list[str], first: int, end: int) -> bool:
    """Are the words from `first` to `end` (at most CAPITALS_REACH of them,
    back from `end`) written without a lower-case letter, and with a capital?"""
    text = "".join(words[max(first, end - CAPITALS_REACH) : end])
    return text.isupper()


def continues(
    words: list[str], i: int, caseless: bool = False, joins: bool = False
) -> bool:
    """After a single line break at i: is the next line a wrapped continuation?
    Its first word in lower case says so in a report with capitals. Where
    case tells nothing (a caseless report, or a next word in capitals, as in
    a report written in capitals) a line that ends on a word no sentence
    ends on (`joins`: 'in the', 'and') says so."""
    for k in range(i + 1, len(words)):  # no slice: a copy of the rest per line
        w = words[k]
        if w.isspace() or not w:
            continue
        if not caseless and w[0].islower():
            return True
        return joins and (caseless or not any(map(str.islower, w)))
    return False


def _written_in_lower_case(words: list[str], first: int, end: int) -> bool:
    """Is the sentence from `first` to the stop at `end` written without a
    capital, with a word in it? Then, as in a caseless report, a word in lower
    case after its stop says nothing: it starts the next sentence. A body
    dictated in lower case under labels in capitals ('Findings: no calcified
    granuloma. the right upper lobe nodule is solid.') is such a part; without
    the split a denial reaches the next sentence's place and side (guide §2:
    a site or side never comes from a clause about something else). Read
    only where a stop is followed by a word in lower case."""
    text = "".join(words[first:end])
    return text.islower()


def _next_starts_sentence(words: list[str], i: int) -> bool:
    if words[i] == ";":
        return True
    for k in range(i + 1, len(words)):  # no slice: a copy of the rest per stop
        w = words[k]
        if w.isspace() or not w:
            if "\n" in w:
                return True
            continue
        return not w[0].islower()
    return True


def sentence_bounds(
    doc: Doc,
    header_bounds: Iterable[int] = (),
    words: list[str] | None = None,
    caseless: bool = False,
    abbreviations: frozenset[str] = frozenset(),
    blank: list[bool] | None = None,
    joining: frozenset[str] = frozenset(),
    spaced: frozenset[int] = frozenset(),
    queries: frozenset[int] = frozenset(),
    therapy: TherapyWords | None = None,
) -> tuple[list[int], dict[int, int], list[int]]:
    """Per token, the index of the first token of its sentence; from the
    same sentence starts `sentence_ends` of it (read off the starts, not the
    per-token list again); and the '.' and ';' tokens that are no
    abbreviation's period (`sentence_starts` stops). `blank`: per token, is
    it whitespace, when the caller has read it with `words`.

    Kept beside the Doc rather than written into it: setting is_sent_start
    token by token costs more than the rest of the splitting.
    """
    stops: list[int] = []
    flags = sentence_starts(
        words if words is not None else [t.text for t in doc],
        header_bounds,
        caseless,
        abbreviations,
        blank if words is not None else None,
        joining,
        spaced,
        stops,
        queries,
        therapy,
    )
    starts = _starts(flags)
    ends = [*starts[1:], len(flags)] if starts else []
    return _firsts(starts, len(flags)), dict(zip(starts, ends, strict=True)), stops


def firsts_of(flags: list[bool]) -> list[int]:
    """Per token, the index of the first token of its sentence, from the
    sentence-start flags (tokens before the first flag: sentence 0)."""
    return _firsts(_starts(flags), len(flags))


def _starts(flags: list[bool]) -> list[int]:
    """Where the sentences start, from the sentence-start flags (the first
    token always: tokens before the first flag are sentence 0)."""
    starts = list(compress(range(len(flags)), flags))
    if flags and (not starts or starts[0] != 0):
        starts.insert(0, 0)
    return starts


def _firsts(starts: list[int], n: int) -> list[int]:
    """Per token of n, the first token of its sentence (`starts`: where
    they start, the first at 0). Written a sentence at a time: a report has
    a few dozen sentences, hundreds of tokens."""
    first: list[int] = []
    for start, end in pairwise([*starts, n]):
        first += [start] * (end - start)
    return first


def sentence_ends(firsts: list[int]) -> dict[int, int]:
    """First token of each sentence -> its end (exclusive), in text order,
    from each token's first token (`firsts_of`): a sentence ends where the
    next one starts."""
    starts = list(dict.fromkeys(firsts))
    ends = [*starts[1:], len(firsts)] if starts else []
    return dict(zip(starts, ends, strict=True))


# A joiner between a treatment and 'RT' ('chemo-RT', 'chemo/RT', 'surgery and
# RT', 'treated with RT', 'followed by RT'): the word before it leads the
# abbreviation as one right before it does; alone it leads nothing ('discussed
# with RT', 'seen by RT': a respiratory therapist).
_TREATMENT_JOINERS = frozenset({"-", "/", "+", "&", ",", "and", "then", "with", "by"})


@dataclass(frozen=True)
class TherapyWords:
    """When a side abbreviation in capitals is a treatment's: 'RT' is
    radiation therapy in 's/p RT', 'prior RT to the mediastinum', 'RT 50 Gy',
    'chemo-RT', 'before RT.' (guide §3: damage from radiotherapy) and the
    right side in 'RT BREAST', 'Rt lower lobe', 's/p Rt TKA' (guide §2:
    abbreviated sides count). The words around it decide (mentions.json
    `therapy_abbreviation*` lists): a word after it that is none of
    `followers` is the place of a side, and so is a side word after one of
    them ('RT to LT shunt'); else a `markers` word after it ('RT to', 'RT
    alone'), a dose ('RT 50 Gy'), or a `leaders` word before it ('s/p RT',
    'adjuvant RT', 'chemo-RT') makes it the treatment. Read by the sentence
    splitter (its period ends the sentence), the side stage (no side) and
    the condition stage (radiation therapy)."""

    words: frozenset[str] = frozenset()
    leaders: frozenset[str] = frozenset()
    followers: frozenset[str] = frozenset()
    markers: frozenset[str] = frozenset()
    sides: frozenset[str] = frozenset()
    aimed: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()

    @classmethod
    def of(cls, word_lists: dict[str, list[str]]) -> TherapyWords:
        """The lists of mentions.json's `word_lists` (none: it reads none)."""

        def get(name: str) -> frozenset[str]:
            return frozenset(word_lists.get(name, []))

        return cls(
            get("therapy_abbreviations"),
            get("therapy_abbreviation_leaders"),
            get("therapy_abbreviation_followers"),
            get("therapy_abbreviation_markers"),
            get("therapy_abbreviation_sides"),
            get("therapy_abbreviation_aimed_markers"),
            get("therapy_abbreviation_targets"),
        )

    def names_therapy(self, words: list[str], i: int) -> bool:
        """Is words[i] ('RT', in capitals) the treatment here, not the side?"""
        w = words[i]
        if not w.isupper() or w.lower() not in self.words:
            return False
        nxt = _next_on_line(words, i + 1)
        after = words[nxt].lower() if nxt is not None else ""
        if after.isalpha() and after not in self.followers:
            return False  # 'RT BREAST', 's/p Rt TKA': the side of that place
        if nxt is not None and (after in self.followers or not after.isalnum()):
            k = _next_on_line(words, nxt + 1)
            if k is not None and words[k].lower() in self.sides:
                return False  # 'RT to LT shunt', 'RT and LT', 'RT > LT': two sides
        if nxt is not None and self._dose(words, nxt):
            return True  # 'RT 50 Gy'
        if after in self.markers and (after not in self.aimed or self._aimed(words, nxt)):
            return True  # 'RT completed', 'RT to the mediastinum'
        return self._led(words, i)

    def _aimed(self, words: list[str], j: int | None) -> bool:
        """Does a target, a number, a mark or the line's end follow the
        marker at j ('RT to the mediastinum', 'RT to 60 Gy', 'RT completed
        in 2018', 'RT completed.'), not a verb or its object ('RT to wean',
        'RT completed nebulizer treatment': a respiratory therapist's)?"""
        k = _next_on_line(words, j + 1) if j is not None else None
        if k is None:
            return True  # 'Adjuvant RT completed' at the line's end
        return not words[k][:1].isalpha() or words[k].lower() in self.targets

    def _dose(self, words: list[str], j: int) -> bool:
        """Does a dose start at j ('50 Gy', '5040 cGy', '50Gy')?"""
        w = words[j].lower()
        if not w[:1].isdigit():
            return False
        unit = w.lstrip("0123456789.,")
        if unit:
            return unit in self.markers
        k = _next_on_line(words, j + 1)
        return k is not None and words[k].lower() in self.markers

    def _led(self, words: list[str], i: int) -> bool:
        """Does a leader stand right before words[i], or before a joiner
        right before it ('post-RT', 'chemo and RT')?"""
        j = _previous_on_line(words, i - 1)
        if j is None:
            return False
        if _slashed(words, j) in self.leaders:
            return True
        if words[j].lower() not in _TREATMENT_JOINERS:
            return False
        k = _previous_on_line(words, j - 1)
        return k is not None and _slashed(words, k) in self.leaders


def _slashed(words: list[str], j: int) -> str:
    """The lower-case word ending at j, with a slash compound the tokenizer
    split ('s', '/', 'p': 's/p')."""
    if j >= 2 and words[j - 1] == "/" and words[j - 2].isalpha() and len(words[j - 2]) == 1:
        return f"{words[j - 2]}/{words[j]}".lower()
    return words[j].lower()


def _next_on_line(words: list[str], k: int) -> int | None:
    """The first token from k on that is no whitespace, on the same line."""
    while k < len(words) and words[k].isspace():
        if "\n" in words[k]:
            return None
        k += 1
    return k if k < len(words) else None


def _previous_on_line(words: list[str], j: int) -> int | None:
    """The last token up to j that is no whitespace, on the same line."""
    while j >= 0 and words[j].isspace():
        if "\n" in words[j]:
            return None
        j -= 1
    return j if j >= 0 else None
