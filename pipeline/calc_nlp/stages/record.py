"""The records passed between the extraction stages.

Each stage is a function that takes the record of the stage before and
returns a new one; nothing is kept between reports, so one `Toolkit` can
analyse any number of reports, in any order, from any caller.

A matched span carries its rule's id (`span.id_`), so the rule's metadata is
looked up in the rule index (`RuleIndex`) instead of a global dict.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar, overload

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

# Per token: (section category, body start, title start, clinical question).
SectionOf = tuple[str, int, int, bool]
# Modifiers of a target span, keyed by (start, end, label id).
SpanKey = tuple[int, int, int]
# Spans, or records of a match's tokens (`start`, `end`) that stand for one.
_Spanned = TypeVar("_Spanned")
# The relative pronouns that open a clause said of the noun phrase before
# them ('a stenosis that cannot be excluded', 'the annulus, which was
# calcified'): function words the stages share, no medical word list.
RELATIVE_PRONOUNS = frozenset({"which", "that"})
# Pronouns that stand for a lesion named before them ("It is calcified").
POINTING_PRONOUNS = frozenset({"it", "this", "these", "they"})

# How many words after a copula's article may say what kind of thing it
# names ('is a normal pineal gland calcification', 'is an old calcified
# granuloma'), and the denials that end such a naming.
KIND_REACH = 2
_KIND_DENIALS = frozenset({"no", "not", "non", "never"})


def kind_words(words: list[str]) -> bool:
    """Are the words between a copula's article and the finding it names a
    word or two that say what kind it is, plain words and no denial (guide
    §2 step 3; corpora/GUIDE.md lesion: a finding its sentence names as what
    the one before it is)?"""
    return 0 < len(words) <= KIND_REACH and all(
        w.isalpha() and w not in _KIND_DENIALS for w in words
    )


_Value = TypeVar("_Value")


class _stored(Generic[_Value]):
    """`functools.cached_property` for a frozen record: the value worked out
    on first use is stored as the record's own attribute, as a field is
    (`object.__setattr__`), not written into the instance's `__dict__`,
    which makes Python keep a dict for the record from then on and read
    each of its attributes through it (slower, and each place that reads
    one sees records of both kinds)."""

    def __init__(self, func: Callable[[Any], _Value]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, cls: type | None = None) -> _stored[_Value]: ...

    @overload
    def __get__(self, obj: object, cls: type | None = None) -> _Value: ...

    def __get__(self, obj: object | None, cls: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.func(obj)
        object.__setattr__(obj, self.name, value)
        return value


def rule_span(doc: Doc, start: int, end: int, label: int, rule: int) -> Span:
    """`Span(doc, start, end, label=label, span_id=rule)`, its arguments
    given by place (label, vector, vector norm, knowledge base id, span id):
    spaCy's Span reads keyword arguments by name on every call, half again
    the cost of the Span, and a report makes a few dozen of them."""
    return Span(doc, start, end, label, None, None, 0, rule)


def key(span: Span) -> SpanKey:
    """A target's key: the label's id, not its text (`label_` is a string
    lookup per call, and keys are made for every look-up of a modifier)."""
    return (span.start, span.end, span.label)


def longest_spans(spans: list[_Spanned]) -> list[_Spanned]:
    """spaCy's `filter_spans` (the longest of overlapping spans, in text
    order), without its sorting for the lists of none or one span that most
    calls have, or for a list already in text order with no overlap (half
    the others), which it keeps whole. It reads only `start` and `end`: any
    such records will do."""
    if len(spans) < 2 or _apart(spans):
        return list(spans)
    return filter_spans(spans)  # type: ignore[arg-type,return-value]


def _apart(spans: list[Any]) -> bool:
    """Are the spans in text order, each one token or more, none reaching
    into the next? `filter_spans` keeps each of them then, in that order."""
    end = -1  # the end of the span before (none before the first)
    for s in spans:  # a loop, not two generators: most lists are short
        start = s.start
        if start >= s.end or start < end:
            return False
        end = s.end
    return True


@dataclass(frozen=True)
class Layout:
    """Sections per token and sentence boundaries, computed once per report."""

    sections: list[SectionOf]
    sent_first: list[int]  # per token: index of the first token of its sentence
    sent_end: dict[int, int]  # first token of a sentence -> its end (exclusive)
    stops: list[int] = field(default_factory=list)  # tokens that are ';' or '.'
    # per token, read once from the Doc so stages index lists instead of
    # making a spaCy Token object per look: its text, whether it is whitespace
    words: list[str] = field(default_factory=list, compare=False, repr=False)
    blank: list[bool] = field(default_factory=list, compare=False, repr=False)
    # each token's lower-case text (`token.lower_`), read once for every stage
    lower: list[str] = field(default_factory=list, compare=False, repr=False)
    # the report has no capitals (a lower-cased export: capitals.is_caseless)
    caseless: bool = False
    # sentence spans made so far, by first token: the stages ask for the same
    # few many times (a span of another Doc is made again)
    _sents: dict[int, Span] = field(default_factory=dict, compare=False, repr=False)
    # the exam line of each kind of section asked for (layout.exam_line): the
    # stages ask for it per finding and per candidate site
    _exam_lines: dict[tuple[str, ...], tuple[int, int] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def sent(self, doc: Doc, at: Span | Token) -> Span:
        """The sentence of a span or token (spaCy's .sent scans the Doc each time)."""
        return self.sent_at(doc, at.start if isinstance(at, Span) else at.i)

    def sent_at(self, doc: Doc, i: int) -> Span:
        """The sentence holding token i."""
        first = self.sent_first[i]
        span = self._sents.get(first)
        if span is None or span.doc is not doc:
            span = self._sents[first] = Span(doc, first, self.sent_end[first])
        return span

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sent_first[a] == self.sent_first[b]


@dataclass(frozen=True)
class SiteRef:
    """A site phrase found in the report, with the side written on or next to it."""

    span: Span  # the site words the rule matched
    site: str  # site vocabulary name
    laterality: str
    text: str  # the site words as written, a side word before them included
    start: int  # token index where `text` starts
    rule_id: str = ""


class RuleHit(NamedTuple):
    """One rule's match read for where it is and which rule made it, before
    (or instead of) a Span of it: `label` and `rule` are the hashes of the
    category and of the rule id (RuleMatcher.matches)."""

    start: int
    end: int
    label: int
    rule: int


class Words(NamedTuple):
    """The tokens of a match read for where it is only (no Span made of it)."""

    start: int
    end: int


@dataclass(frozen=True)
class Matches:
    """What the rules found in one report, by role."""

    calc: list[Span]  # calcification mentions (overlaps resolved)
    premods: list[Words]  # anatomic/type words a mention may extend over
    sites: list[SiteRef]
    lats: list[Span]  # side words
    conds: list[Span]  # condition words (overlaps resolved)
    cues: list[Span]  # classification cues and distribution words
    links: list[Span]  # phrases tying a finding to a later one ("due to")
    qualifiers: list[Span]  # words that make a site prone ("nodule" for thyroid)


@dataclass(frozen=True)
class Modifiers:
    """ConText's modifiers per target, and where the ConText sub-document's
    tokens are in the report's Doc."""

    by_span: dict[SpanKey, tuple[Any, ...]] = field(default_factory=dict)
    sub_to_doc: dict[int, int] = field(default_factory=dict)
    # causes named only in a differential whose every reading is dystrophic
    one_cause: frozenset[SpanKey] = frozenset()
    # each target's flags once worked out (modifiers.flags): the stages ask
    # for the same targets' flags many times
    flag_sets: dict[SpanKey, frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def of(self, span: Span) -> tuple[Any, ...]:
        return self.by_span.get(key(span), ())


@dataclass(frozen=True)
class ReportDoc:
    """One report (or one piece of a long report) after every stage that ran."""

    doc: Doc
    offset: int  # where this piece starts in the whole report
    layout: Layout
    matches: Matches
    mods: Modifiers = field(default_factory=Modifiers)
    # extended mention (start, end) -> token where the mention's own word starts
    core_start: dict[tuple[int, int], int] = field(default_factory=dict)
    # the kind of exam the report is (LazyExam: worked out when first asked)
    exam: Any = None
    # the mention rules' word lists as sets (Toolkit.word_sets), read through
    # the properties below
    word_sets: Mapping[str, frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # the text the Doc was made from, when the caller has it (Doc.text makes
    # a Token object per token to join it again)
    source: str | None = field(default=None, repr=False)
    # each mention's site once linked (linking.link_site): an earlier
    # mention's is asked again by a later one that points back to it
    linked_sites: dict[SpanKey, SiteRef | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def _words(self, name: str) -> frozenset[str]:
        return self.word_sets.get(name, frozenset())

    @property
    def lesion_nouns(self) -> frozenset[str]:
        """Nouns that name a lesion of their own."""
        return self._words("lesion_nouns")

    @property
    def physiologic_site_lesions(self) -> frozenset[str]:
        """Lesions a mention names at a physiologic site besides
        `lesion_nouns` ('meningioma', 'hematoma')."""
        return self._words("physiologic_site_lesions")

    @property
    def disease_site_heads(self) -> frozenset[str]:
        """Last words of site phrases that name a disease of the structure
        ('aortic sclerosis')."""
        return self._words("disease_site_heads")

    @property
    def other_finding_nouns(self) -> frozenset[str]:
        """Heads of findings that are not calcifications ('atelectasis')."""
        return self._words("other_finding_nouns")

    @property
    def place_nouns(self) -> frozenset[str]:
        """Nouns after a listed place that only say it is a place or which
        part of it ('the left hip joint', 'the left thumb tips')."""
        return self._words("place_nouns")

    @property
    def separate_thing_nouns(self) -> frozenset[str]:
        """Devices, fractures and operations: a thing of its own even after a
        mere comma ('Left-sided pacemaker, calcified granuloma')."""
        return self._words("separate_thing_nouns")

    @property
    def calcification_nouns(self) -> frozenset[str]:
        """The bare calcification nouns ('calcifications')."""
        return self._words("bare_calcification_nouns")

    def sent(self, at: Span | Token) -> Span:
        # asked of Layout.sent_at at once (a call less: the stages ask a
        # dozen times per report)
        return self.layout.sent_at(self.doc, at.start if isinstance(at, Span) else at.i)

    def sent_at(self, i: int) -> Span:
        """The sentence holding token i (no Token or slice made to ask)."""
        return self.layout.sent_at(self.doc, i)

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """The first token and the end of the sentence holding token i, for
        a reader of its bounds only (no Span made of it)."""
        first = self.layout.sent_first[i]
        return first, self.layout.sent_end[first]

    @_stored
    def text(self) -> str:
        """The Doc's text: the text it was made from, else joined once."""
        return self.doc.text if self.source is None else self.source

    @_stored
    def lower(self) -> list[str]:
        """Each token's lower-case text (`token.lower_`), as the layout read
        it (a `.lower_` per look makes a Token object); lowered here for a
        Layout made without it."""
        if len(self.layout.lower) == len(self.layout.words):
            return self.layout.lower
        return [w.lower() for w in self.layout.words]

    def span_text(self, span: Span) -> str:
        """`span.text`, sliced from the report's text rather than joined from
        a Token object per word."""
        return self.text[span.start_char : span.end_char]

    @_stored
    def match_starts(self) -> frozenset[int]:
        """Tokens where a site, side or calcification match starts."""
        m = self.matches
        return frozenset(
            [s.start for s in m.sites]
            + [s.start for s in m.lats]
            + [c.start for c in m.calc]
        )

    @_stored
    def site_at(self) -> dict[int, SiteRef]:
        """The site or region phrase starting at each token (its side word
        included), indexed once per report."""
        return {s.start: s for s in self.matches.sites}

    @_stored
    def sentence_exams(self) -> dict[int, Any]:
        """The exam each sentence names, by its first token, as `exam_for`
        works it out the first time a finding of it asks (a sentence's
        findings ask a dozen times each; a long sentence is long)."""
        return {}

    @_stored
    def exam_headings(self) -> dict[str, Any]:
        """The exam heading lines of a report of several exams, under the
        key 'lines', as `exam_sites.exam_headings` works them out the first
        time a finding asks for its exam's side."""
        return {}

    def sites_by_sentence(self) -> dict[int, list[SiteRef]]:
        """The site phrases of each sentence (by its first token), in order
        (made once per report: read it, don't change it)."""
        return self._sentence_sites

    @_stored
    def _sentence_sites(self) -> dict[int, list[SiteRef]]:
        out: dict[int, list[SiteRef]] = {}
        for ref in self.matches.sites:
            out.setdefault(self.layout.sent_first[ref.span.start], []).append(ref)
        return out

    def sentence_sites(self, i: int) -> list[SiteRef]:
        """The site phrases of token i's sentence, in order: the only ones
        `sides.site_reach` lets a finding at i reach (indexed once per
        report, not each site tested per finding)."""
        return self._sentence_sites.get(self.layout.sent_first[i], [])
