"""Lesions stage: which findings of a report describe the same calcification
(corpora/GUIDE.md, Descriptors: lesion).

Findings share a lesion when they have the same site, side and sub-site (the
site words normalised: "RUL" and "right upper lobe" are one; a vessel
finding whose words leave its sub-site unsaid takes that of the label ahead
of it, "SFA: ... Moderate wall calcification", or of the place its
clause names right after a mention naming the vessel site only, "Coronary
calcification in the LAD"; a finding that
leaves the sub-site or side unsaid joins the one lesion at its site that
does not contradict it, unless, in the lesion's section, a link word after
its mention leads to another place of the site ("Dural calcification along
the tentorium" after the falx's), or to another place than one led to after
the lesion's first mention ("node in the left hilum", "node in the
subcarinal space"); a finding naming a sub-site joins the lesion of
another section that left it unsaid, unless its own section names another
sub-site there too ("known calcific tendinitis", then the supraspinatus's
and the subscapularis's deposits: either may be the one); a disease word
names its site, no place within it ("calcific tendinitis" a tendon); of
several such lesions on both sides, the one on the side an operation note's
procedure line names ("SPECIMEN: femoral plaque"); one
without a site, the one lesion named by the same
words in either number ("calcifications", "calcification"), on the side it
names; a coronary finding naming a vessel never joins
the whole-tree lesion named before it; another coronary segment or valve
part is another lesion), or when a
finding opens with an anaphor ("It is calcified") and the finding before it
is compatible (the one before may have no site: "calcification in the
pelvis, corresponding to a calcified fibroid"), or when a demonstrative
leads its mention ("this calcified vessel") and the finding before it in
its section fits its side and words, or when a finding without a site
is led by an anaphor ("excision of the calcium deposits") after one lesion
only in its state, or after several when the finding named right before it
in its section is of a lesion with a site. A lesion is filed under
every site its findings give. The impression restating a finding of the
findings section joins its lesion though the linked sites differ or one is
missing, when its sentence restates the other's (same words, or other words
with the sentences sharing two words or a word of the site), and sides do
not contradict; or the one findings lesion at its site when its sentence
names the other's sub-site and their sub-sites share no word; an impression
finding naming a vessel the findings named several plaques under restates
the one graded by the same severity word ("dense"). A finding
of another section (not the history) at one of a joint's tissues joins the
one lesion of the other section at that joint's tissues, on a side that fits,
when one of the two is the tissue about the joint ("periarticular
calcification at the right shoulder" and "calcific tendinitis of the right
shoulder"), and so does an anaphor naming that place more narrowly. A phrase
joining by "and" ("as well as") the places of several lesions of other
sentences (an impression's, a note's diagnosis list's) sums them up and is a
lesion of its own; so is one named by a plural lesion noun after two
findings lesions or more at its site it fits, none named by that plural
word nor, the others in the singular, in the plural (that one it restates); and a count of several in the plural ("two calcified nodules"), or
the plural of the lesion noun it was named by ("calcified granulomas"),
restates no lesion named in the singular only (one found on both sides,
"calcified granuloma in the RUL and LLL", names several); a finding its
sentence names as what two findings joined by "and" are sums them up; a
count of several naming no clock position ("two groups of calcifications") is
none of the groups named at their positions after it; a calcification a
sentence says extends from or into another sub-site lies at both; calciphylaxis,
which names no site, and the calcified arterioles of skin or fat a biopsy
shows are one lesion. A finding without a site, led by an anaphor, takes
the one site of the lesion it restates. A lesion of another section that
leaves its side or clock position unsaid ("follow-up of nephrocalcinosis",
"recalled for calcifications") is restated by no finding of a section that
names the same words on both sides or at two positions; a finding of both
sides restates no lesion of one; and in a report that names a transplant,
the native organ's findings and the others are different lesions. An
anaphor placed by the line label over it does not point back across that
label at another label's lesion, nor a pronoun whose clause names a segment
("It was heavily calcified distally") or a "the" mention whose link word
names a part ("the calcification along its anterior wall") the lesion before
it left unsaid; a calcification placed in several lesions by their plural
noun ("metastases with calcification") sums them up, and so does an
impression plural over one more of its kind the findings named in the
singular ("A further calcified plaque"). Findings that differ in negated, hypothetical or family
never share one; "no new X" never joins an earlier lesion (a descriptors.json term
with `own_lesion`). A lesion's id is the finding_id of its first finding.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from calc_nlp.classify import RULE1_LEAD, Result, by_given_site, by_restated_cause
from calc_nlp.schema import DYSTROPHIC, INDETERMINATE, METASTATIC, Finding
from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.lesion_words import (
    POSSESSIVES,
    WORD,
    core,
    crossed,
    echoes,
    joined_places,
    joint_stems,
    label_before,
    label_sub,
    lead_list,
    linked_place,
    mention_at,
    mention_places,
    mention_sub,
    name_words,
    names_a_count,
    names_a_lesion,
    names_another,
    names_its_place,
    names_residual,
    names_what_it_is,
    naming_verb,
    opposite,
    owner_sub,
    part,
    part_subject_sub,
    place_led_to,
    place_only,
    plural,
    said_side,
    side,
    singular_words,
    site_other_side,
    site_words,
    stems,
    sub_site,
    subject_sub,
    trailing_sub,
)
from calc_nlp.stages.record import POINTING_PRONOUNS, kind_words

# The section categories (patterns/sections.json) of a finding restated and of
# the finding that restates it across sites: the impression restates the findings.
_RESTATING = ("findings", "impression")
# The sides a finding of one side has (Finding.laterality).
_SIDES = frozenset({"left", "right"})
# How far after a native word (`lesion_native_words`) the organ it names may
# come, in words, plus one ("native polycystic kidneys"), up to a word that
# joins places (`lesion_place_joins`).
_NATIVE_REACH = 4
# How many findings-section lesions an impression finding without a site is
# compared with in other words (a bound on the work for very long reports).
_POOL = 64
# How many of the latest lesions at its site, in its state, a finding is
# compared with (a bound on the work for very long reports: the reports of the
# corpora name at most ten at one site in one state).
_NEAR = 32
# How many earlier findings of its section an anaphor naming a noun looks
# back over for the one whose sentence holds that noun (`_antecedent`).
_LOOK_BACK = 8
# The words that open the noun phrase of another thing ("and a 6 mm focus").
_ARTICLES = frozenset(("a", "an", "the"))
# Most words between a hedge saying the likelier reading and the finding it
# reads the one before as ('likely a phlebolith'; modifiers._READING_WORDS)
_READING_WORDS = 3
# The section category (patterns/sections.json) of the history and indication.
_HISTORY = "indication"
_AND = re.compile(r"(?<!\w)and(?!\w)", re.I)
# "and a", "and an", "and another": a noun phrase of its own added (`_added`)
_AND_A = re.compile(r"(?<!\w)and\s+(?:an?|another)(?!\w)")
# "with a 1.1 cm": a sized noun phrase of its own added (`_new_sized_object`)
_WITH_A_SIZE = re.compile(r"(?<!\w)with\s+an?\s+\d", re.I)


# negated, hypothetical, family, and for a denied finding whether it denies a
# past one ("previously seen ... no longer visible") or any now ("No
# calcification"): a resolved calcification is not today's denial of one.
_State = tuple[bool, bool, bool, bool]
# A finding's section, side, state, words (`core`) and part (`_placed`).
# a finding's site, section, state and words (`core`): where `_placed`
# files its side and part
_PlacedKey = tuple[str, str, _State, str]


def _state(dr: DescriptorRules, f: Finding) -> _State:
    """A denial of what is left of a calcification ("no residual
    calcification") denies a past one, as "no longer visible" does: it is
    the resolved calcification's (`lesion_residual_words`)."""
    past = f.negated and (f.historical or names_residual(dr, f))
    # one its sentence says an earlier operation took out is gone: a past
    # state too (`lesion_removal_words`)
    # (not one the operation's object names by "the", the one the report
    # named before: "he underwent excision of the heterotopic ossification")
    past = past or (f.historical and _removed(dr, f) and not _removed_the(dr, f))
    return (f.negated, f.hypothetical, f.family, past)


def _removed(dr: DescriptorRules, f: Finding) -> bool:
    """Does the finding's sentence name, before its mention, an operation
    that takes tissue out (`lesion_removal_words`: "lumpectomy in 2014 for
    ... calcifications")?"""
    at = mention_at(f)
    return at > 0 and not dr.removal_words.isdisjoint(WORD.findall(f.sentence[:at].lower()))


def _removed_the(dr: DescriptorRules, f: Finding) -> bool:
    """Is the finding the object, led by "the", of the last operation word
    before its mention ("excision of the heterotopic ossification")? The
    definite article names the calcification the report named before: the
    same one, taken out since (GUIDE: lesion, a clinical note's same
    calcification named again in another section is one lesion)."""
    words = WORD.findall(f.sentence[: max(mention_at(f), 0)].lower())
    at = [k for k, w in enumerate(words) if w in dr.removal_words]
    if not at:
        return False
    after = words[at[-1] + 1 :]
    return after[:2] == ["of", "the"] or after[:1] == ["the"]


def _told(f: Finding) -> tuple[object, ...]:
    """The fields `_differ` reads: a lesion keeps one finding per distinct
    value of them, so that checking a finding against a lesion of thousands of
    findings is checking it against a few."""
    return (
        f.size_mm,
        f.segment,
        f.morphology,
        f.distribution,
        f.change == "new",
        f.section == _EARLIER_STUDY_SECTION,
    )


# The section that describes the study compared with (sections.json
# category): a size it gives is the calcification's size then.
_EARLIER_STUDY_SECTION = "comparison"


# Changes that say a calcification was there before: a new one is another
# (GUIDE: lesion, findings that describe the same calcification share it;
# change: new is not seen before).
_SEEN_BEFORE = frozenset({"stable", "increased", "decreased"})
# Changes that say the calcification's size is not what it was: a later
# finding's other size is the one calcification grown or shrunk ("a 14 mm
# deposit" on an old film, then "the deposit has decreased, now 6 mm"); a
# later finding called unchanged at another size is another one.
_RESIZED = frozenset({"increased", "decreased"})


def _differ(a: Finding, b: Finding, causes: frozenset[str] = frozenset()) -> bool:
    """Do two findings at one site describe different calcifications (another
    size, segments that share none, a new one and one seen before, BI-RADS
    terms of which neither holds the
    other's: "round" restates "round and punctate", "fine pleomorphic" is
    not "punctate")? A size the comparison section gives is the earlier
    study's and parts none. A term of `causes` names no shape and parts none
    ("dystrophic" restates "coarse"); `b`, the later finding, saying its
    size changed (`_RESIZED`) gives another size. Reads only the fields
    `_told` returns of `a`."""
    if (
        a.size_mm
        and b.size_mm
        and a.size_mm != b.size_mm
        and b.change not in _RESIZED
        and _EARLIER_STUDY_SECTION not in (a.section, b.section)
    ):
        # (a comparison section's size is the earlier study's: 'COMPARISON:
        # CT XXXX showed a 6 mm calcified left hilar node' is the 8 mm node
        # of today's findings, measured then)
        return True
    if a.segment and b.segment and not set(a.segment.split()) & set(b.segment.split()):
        return True  # "ostial" and "mid" plaque, annulus and leaflets
    if {a.change, b.change} & {"new"} and {a.change, b.change} & _SEEN_BEFORE:
        return True  # "granuloma, unchanged" and "a new granuloma, not seen before"
    pairs = ((a.morphology, b.morphology), (a.distribution, b.distribution))
    return any(
        x and y and not (x <= y or y <= x)
        for x, y in ((set(m) - causes, set(n) - causes) for m, n in pairs)
    )


class _PerFinding:
    """A text per finding of one report (its `trailing_sub`, its
    `label_before`), worked out the first time a lesion test asks for it:
    most findings are never asked, and the work reads their sentence or the
    report's text. `get` answers as a dict's would, by finding id."""

    def __init__(self, findings: list[Finding], work: Callable[[Finding], str]):
        self._findings = {f.finding_id: f for f in findings}
        self._work = work
        self._done: dict[str, str] = {}

    def get(self, finding_id: str, default: str = "") -> str:
        done = self._done.get(finding_id)
        if done is None:
            f = self._findings.get(finding_id)
            if f is None:
                return default
            done = self._done[finding_id] = self._work(f)
        return done


@dataclass(eq=False)
class _Lesion:
    """A lesion found so far: its id, site, state, and the sub-site and side
    its findings gave (empty until one gives it); one of its findings per
    distinct `_told` value, and the words (`core`) its findings are named by.
    Two lesions are the same lesion only if they are one object (no field by
    field comparison: a lesion's id is its own)."""

    lesion_id: str
    site: str
    state: _State
    sub: str
    side: str
    told: dict[tuple[object, ...], Finding] = field(default_factory=dict)
    cores: set[str] = field(default_factory=set)
    sites: set[str] = field(default_factory=set)
    first: Finding | None = None
    last: Finding | None = None
    # the part words of every finding of the report (`part`: clock positions,
    # leaflets),
    # shared by its lesions, and those of this lesion's findings
    part_of: dict[str, frozenset[str]] = field(default_factory=dict)
    # the place a link word leads to after each finding's mention
    # (`trailing_sub`), shared as `part_of` is
    place_of: _PerFinding = field(default_factory=lambda: _PerFinding([], str))
    # the label line over each finding ('RIGHT HIP:'), shared as `part_of` is
    label_of: _PerFinding = field(default_factory=lambda: _PerFinding([], str))
    # the sub-sites the report's findings name in their own sentences at
    # each site, with their sections and sides (`_own_subs`), shared as
    # `part_of` is
    subs_at: dict[str, set[tuple[str, str, str, bool, bool]]] = field(default_factory=dict)
    parts: set[frozenset[str]] = field(default_factory=set)
    # the sides and parts of the report's findings by site, section, state
    # and words (`_placed`), shared as `part_of` is
    placed_at: dict[_PlacedKey, set[tuple[str, frozenset[str]]]] = field(
        default_factory=dict
    )
    # does the report name a transplanted organ (`lesion_graft_words`)?
    grafted: bool = False
    # whether a finding's sentence names the native organ of a site, by
    # finding id and site (`_native_and_graft`), shared as `part_of` is: each
    # sentence is read once however many lesions a finding is compared with
    native_of: dict[tuple[str, str], bool] = field(default_factory=dict)
    # the numbered parts of an organ each text names (`_numbered_in`), shared
    # as `part_of` is
    numbered: dict[str, frozenset[str]] = field(default_factory=dict)
    # the BI-RADS terms that name a cause, no shape (`_differ`)
    causes: frozenset[str] = frozenset()
    # its place words (`_places_of`) with the sub-site and number of sites
    # they were read at (both only grow), and the place words a link word
    # leads to after its first mention (`_led_places`): a finding is
    # compared with every lesion of its state, a long report's are many
    places: tuple[tuple[str, int], frozenset[str]] | None = None
    led: frozenset[str] | None = None

    def add(self, f: Finding, sub: str, told: bool = True) -> None:
        """File the finding under this lesion; with `told` False (a hedged
        alternative its sentence offers for what the lesion is, at a site of
        its own) its place, side and shapes are not the lesion's."""
        self.first = self.first or f
        self.last = f
        f.lesion_id = self.lesion_id
        if not told:
            return
        self.sub = self.sub or sub
        self.side = self.side or side(f)
        self.told.setdefault(_told(f), f)
        self.parts.add(self.part_of.get(f.finding_id, frozenset()))

    def differs(self, f: Finding) -> bool:
        """Does `f` describe another calcification than one of its findings
        (or another leaflet or cusp: "anterior" and "posterior" leaflet)?"""
        mine = self.part_of.get(f.finding_id, frozenset())
        if mine and any(p and p != mine for p in self.parts):
            return True
        return any(_differ(m, f, self.causes) for m in self.told.values())


# Words that open a sentence introducing a new thing ('A 6 mm echodensity').
_INDEFINITE = frozenset({"a", "an", "another"})


def _new_sized_object(x: _Lesion, f: Finding) -> bool:
    """Is `f` named, in a later sentence of the section of the lesion's last
    finding, in a sentence that opens by introducing a sized thing ('Moderate
    posterior mitral annular calcification. A 6 mm mobile echodensity on the
    atrial side of the annulus, vegetation versus calcified debris'), while
    none of the lesion's findings had a size? The report describes a second
    thing at the place, not the first again (guide: lesion), unless a change
    word says it is seen again. So does a sized thing "with a" adds after
    the lesion's last finding in its sentence ("densely calcified left renal
    artery with a 9 mm calcified aneurysm at its hilum")."""
    last = x.last
    if not f.size_mm or f.change or last is None:
        return False  # 'A 5 mm calcified granuloma, unchanged': the one again
    if any(m.size_mm for m in x.told.values()):
        return False
    if _in_sentence(last, f):
        # a sized thing "with a" adds in the sentence
        gap = _gap(last, f)
        return gap is not None and _WITH_A_SIZE.search(gap) is not None
    if last.section != f.section or not _next_sentence(last, f):
        return False
    words = WORD.findall(f.sentence.lower())
    return len(words) > 1 and words[0] in _INDEFINITE and words[1][:1].isdigit()


# Most characters between two sentences that follow each other: the stop's
# spaces, or a line break.
_SENTENCE_GAP = 3


def _next_sentence(last: Finding, f: Finding) -> bool:
    """Does `f`'s sentence come right after `last`'s? A sized thing a
    sentence introduces is a second thing at the place the sentence before
    named ('... annular calcification. A 6 mm mobile echodensity ...');
    after other sentences between (another organ's part of the report, 'A
    9 mm calcified granuloma in the left upper lobe' after a history that
    named it), it may be the one named before (guide: lesion)."""
    at, back = mention_at(f), mention_at(last)
    if at < 0 or back < 0:
        return True  # where the sentences lie is not known: as before
    last_end = last.start - back + len(last.sentence)
    return 0 <= f.start - at - last_end <= _SENTENCE_GAP


def _one_of_counted(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Was the lesion first named by a count of several that names no part
    ("two groups of calcifications in the right breast"), and does `f` name
    a part, a clock position or leaflet (`part`: "at 10 o'clock, coarse
    calcifications")? It names one of those several, not all of them
    (GUIDE: a phrase that sums up several lesions is a lesion of its own)."""
    first = x.first
    if first is None or not x.part_of.get(f.finding_id):
        return False
    return not x.part_of.get(first.finding_id) and names_a_count(dr, first)


def _count_after_one_part(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Does `f` count several and name no part ("two groups of
    calcifications in the left breast") where the lesion was first named at
    one part, a clock position or leaflet, and by no count ("calcifications
    at 1 o'clock")? The count names several groups, not that one (GUIDE: a
    count of several that names no position is none of the groups a
    sentence places at its clock position)."""
    first = x.first
    if first is None or x.part_of.get(f.finding_id) or not names_a_count(dr, f):
        return False
    return bool(x.part_of.get(first.finding_id)) and not names_a_count(dr, first)


def _fits(a: str, b: str) -> bool:
    """Equal, or one of them unsaid."""
    return a == b or not a or not b


def _nests(a: str, b: str) -> bool:
    """Sub-sites that do not contradict: one unsaid or its words all in the
    other's ("iliac" and "external iliac"; not "upper lobe" and "lower lobe")."""
    x, y = set(a.split()), set(b.split())
    return x <= y or y <= x


def _calcification_named(dr: DescriptorRules, words: str) -> str:
    """The words with a noun that names a calcification as the list's first
    word does (`lesion_calcification_nouns`: "calcinosis" as "calcification")
    written as that word, so that an unsited "calcinosis" and
    "calcification" of two sections of a note are looked up as one name
    (GUIDE: lesion, the same calcification named again in another section in
    other words)."""
    noun = dr.calcification_noun
    return " ".join(noun if w in dr.calcification_nouns else w for w in words.split())


def _unsited_named_alike(
    dr: DescriptorRules,
    by_number: dict[tuple[str, _State], list[_Lesion]],
    words: str,
    state: _State,
) -> list[_Lesion]:
    """For an unsited finding no earlier lesion is named by its own words:
    the unsited lesions in its state named by the same words but for a
    calcification noun put for another ("calcinosis" for "calcification":
    `_calcification_named`)."""
    mine = _calcification_named(dr, words)
    if mine == words and not set(words.split()) & {dr.calcification_noun}:
        return []
    return [
        x
        for (other, st), lesions in by_number.items()
        if st == state and other != words and _calcification_named(dr, other) == mine
        for x in lesions
        if not x.sites
    ]


def _unsited(named: list[_Lesion], f: Finding) -> _Lesion | None:
    """The one lesion of another section without a site named by the
    finding's words, on a side that fits ("Calcified granuloma." and
    "right upper lobe: calcified granuloma"; a note's diagnosis
    "Heterotopic ossification, right hip" and the operative findings'
    "heterotopic ossification within the gluteus minimus")."""
    found = [
        x
        for x in named
        if not x.sites
        and x.first is not None
        and x.first.section != f.section
        and _fits(x.side, side(f))
        and not x.differs(f)
    ]
    return found[0] if len(found) == 1 else None


def _unsited_of_several(
    dr: DescriptorRules, x: _Lesion, f: Finding, lesions: Iterable[_Lesion]
) -> bool:
    """Is the lesion one named with no site and only words that say
    "calcified" (`lesion_bare_words`) in another section ("hematuria and
    calcifications on CT" as the reason for a consult) whose place the
    finding's section has already found at another site than the finding's
    (the right kidney's, then "calcifications in the prostate")? Those
    words may mean any of the places: they sum them up, a lesion of their
    own (GUIDE: an impression phrase that sums up several lesions is a
    lesion of its own; a clinical note follows the same rule across all its
    sections). A disease's name ("calciphylaxis") still names its one
    lesion."""
    first = x.first
    if x.sites or not f.site or first is None or first.section == f.section:
        return False
    if not set(WORD.findall(first.mention.lower())) <= dr.bare_words:
        return False
    return any(
        y is not x
        and y.state == x.state
        and y.sites
        and f.site not in y.sites
        and y.first is not None
        and y.first.section == f.section
        and y.first.start > first.start
        for y in lesions
    )


def _same_lesion(
    dr: DescriptorRules,
    at_site: list[_Lesion],
    named: list[_Lesion],
    f: Finding,
    sub: str,
) -> _Lesion | None:
    """The earlier lesion this finding restates: same site, state, sub-site
    and side; else the only one whose sub-site and side do not contradict
    the finding's ("Calcified granuloma." after "RUL calcified granuloma").
    `at_site`: the lesions at the finding's site in its state; `named`: those
    in its state named by its words (`core`)."""
    if f.own_lesion:
        return None
    if not f.site:
        return _restated(dr, named, f)
    if not at_site:
        return _unsited(named, f)

    def fits(x: _Lesion) -> bool:
        """May the finding restate lesion `x`, as far as the two tell?"""
        return (
            not x.differs(f)
            # "and a" adds a noun phrase of its own to the sentence ("calcification
            # along the falx, and a 4 mm calcified nodule on the right side of
            # the falx"): another calcification (a sentence restates a lesion once)
            and not (x.last is not None and _adds_own_phrase(dr, x.last, f))
            and not (_other_part(dr, x, f) and not _leaflets_of_disease(dr, x, f))
            and not _other_joint(dr, x, f)
            and not _other_digit(dr, x, f)
            and not _contents_apart(dr, x, f)
            and not _new_segment(x, f)
            and not _new_sized_object(x, f)
            and not _one_of_counted(dr, x, f)
            and not _count_after_one_part(dr, x, f)
            and not _with_summing_disease(dr, x, f, at_site)
            and not _part_of_several(dr, x, f)
            and not _native_and_graft(dr, x, f)
            and not _numbered_apart(dr, x, f)
            and not (_sub_segments_apart(dr, x, sub) and not _own_segment_alike(dr, x, f))
        )

    same: list[_Lesion] | None = None
    grading = _grading_words(f, sub)
    if grading:
        same = [x for x in at_site if fits(x)]
        graded = _graded_alike(same, f, sub, grading)
        if graded is not None:
            return graded
    # those at the finding's sub-site and side first, each tested by `fits`
    # alone: most findings that restate a lesion restate one of them, and a
    # long report's lesions at one site are many
    exact = [
        x
        for x in (at_site if same is None else same)
        if x.sub == sub
        and x.side == side(f)
        and (same is not None or fits(x))
        and not _places_apart(dr, x, f, sub)
    ]
    mine = exact[0].part_of.get(f.finding_id) if len(exact) > 1 else None
    if mine:
        # the one named at the finding's part ("right breast 9 o'clock" after
        # the history's calcifications and the findings' group at 9 o'clock;
        # GUIDE: a later mention at one clock position restates that one)
        at_part = [x for x in exact if mine in x.parts]
        exact = at_part if len(at_part) == 1 else exact
    if len(exact) > 1 and names_a_count(dr, f):
        # the one named by a count as well ("two groups of calcifications",
        # then each group at its clock position, then "two groups ...")
        counted = [x for x in exact if x.first is not None and names_a_count(dr, x.first)]
        exact = counted if len(counted) == 1 else exact
    if len(exact) > 1 and _head(f) in dr.lesion_nouns:
        # the one named by the same lesion noun, before other words its
        # sentence shares with another's ("Calcified hepatic granuloma"
        # after "calcified granuloma in segment 6" and "calcification in
        # hepatic segment 3")
        exact = _headed(exact, f)
    if len(exact) > 1 and f.section == _RESTATING[1]:
        # the one whose sentence the impression's restates in other words
        # ("coarse calcifications at the biopsy site, 10 o'clock" and "benign
        # calcifications at the biopsy site"), not another part's
        echoed = [x for x in exact if x.first is not None and echoes(dr, f, x.first)]
        exact = echoed if len(echoed) == 1 else exact
    if len(exact) > 1 and f.morphology:
        # the one whose findings were named by a BI-RADS term it names ("the
        # dystrophic calcifications in the lumpectomy bed" after the fine
        # pleomorphic ones excised there and the coarse dystrophic ones of
        # today), as of lesions whose sub-sites only nest (below)
        exact = _shaped(exact, f)
    if len(exact) > 1 and f.section == _RESTATING[1] and _sums_apart(dr, exact, f):
        return None
    if len(exact) > 1 and names_another(dr, f):
        # a later section restating with the same word the one a word called
        # another ("Additional calcified granuloma" in the impression)
        other = [x for x in exact if x.first is not None and names_another(dr, x.first)]
        exact = other if len(other) == 1 else exact
    if len(exact) > 1 and f.size_mm:
        # the one of the same size ("calcified aneurysm, 9 mm" after the
        # calcified artery and its 9 mm aneurysm)
        sized = [x for x in exact if any(m.size_mm == f.size_mm for m in x.told.values())]
        exact = sized if len(sized) == 1 else exact
    if len(exact) > 1:
        # the one named by the same head noun ("calcified granuloma at the
        # base", "calcified nodule at the apex", then "apical calcified nodule")
        exact = _headed(exact, f)
    if len(exact) > 1:
        # the one at the joint the finding's sentence names ("Tumoral
        # calcinosis of the left knee" after the left elbow's and the left
        # knee's periarticular calcifications), not the first
        joint = [x for x in exact if _names_its_joint(dr, x, f)]
        exact = joint if len(joint) == 1 else exact
    if exact:
        return exact[0]
    if same is None:
        same = [x for x in at_site if fits(x)]
    # a coronary finding naming a vessel is not the whole-tree lesion named
    # before it (the calcium score, then "Left main: heavy calcification")
    loose = [
        x
        for x in same
        if (_nests(x.sub, sub) or _joined_to_site(dr, x, sub))
        # naming a sub-site the lesion left unsaid, in other words (or words
        # that only say "calcified") and in the same section, is another
        # calcification ("wall calcification" of an aneurysm, then "calcified
        # plaque of the right SFA"; "The aorta ... The aortic arch was calcified."),
        # unless a link word after the lesion's first mention led to it
        and (
            not sub
            or x.sub == sub
            or _named(dr, x, f, named)
            or (
                _other_section(x, f)
                and not _unsaid_of_several(dr, x, f, sub)
                and not _unsaid_of_both_sides(x, f, sub)
            )
            or _led_to(x, sub)
            or _said_before(dr, x, f, sub)
            or _segment_said(dr, x, f)
            or _another_study(dr, x, f)
        )
        and not _narrows(x, f, sub)
        and not _one_of_plural_vessels(dr, x, f, sub)
        and not _one_of_plural_hosts(dr, x, f)
        and not _places_apart(dr, x, f, sub)
        and _fits(x.side, side(f))
        and (x.sub or not sub or x.site not in dr.score_sites or _tree_over_vessels(dr, x, sub))
        and not _side_of_several(dr, x, f)
    ]
    if _over_vessels(dr, loose, f, sub):
        return None
    if len(loose) > 1:
        # a finding its words call of a class ("metastatic pulmonary
        # calcification") restates the one lesion classed so, not one a
        # cause of another class explains (a granuloma: dystrophic)
        kind = set(WORD.findall(f.mention.lower())) & _KINDS
        kinded = [x for x in loose if x.first is not None and x.first.classification in kind]
        loose = kinded if len(kinded) == 1 else loose
    if len(loose) > 1 and not sub and _head(f) in dr.graded_heads:
        # a valve's calcification named by its disease ("calcific aortic
        # stenosis") leaves the sub-site unsaid: the leaflets or cusps
        # restate it, the annulus does not (GUIDE: lesion)
        # (not a lesion whose own mention names another part, the annulus
        # beside the cusp its clause names: "Annular calcification ...
        # beneath the noncoronary cusp")
        leaflets = [
            x
            for x in loose
            if dr.part_heads & set(x.sub.split()) and not _names_other_part(dr, x)
        ]
        loose = leaflets if len(leaflets) == 1 else loose
    if len(loose) > 1 and sub:
        # the one named by the same sub-site words, not one whose wider
        # name only nests in them ("the SFA" after the right superficial
        # femoral artery's and the left common femoral's; GUIDE: same site,
        # side and sub-site)
        alike = [x for x in loose if x.sub == sub]
        loose = alike if len(alike) == 1 else loose
    if len(loose) > 1 and _wider_over_several(dr, loose, f, sub):
        return None
    if len(loose) > 1:
        # under a line naming what was taken out ("SPECIMEN: Calcified
        # carotid plaque"), the one whose sentence says it was taken out
        loose = _removed_of_several(dr, loose, f)
    if len(loose) > 1:  # "left breast" after lesions of the left breast and of no side
        # a finding of no side in an operation note: the operated side's
        # ("SPECIMEN: femoral plaque" after the left's and the right's)
        sided = [x for x in loose if x.side == (side(f) or f.operated_side)]
        # else the one named by the same words ("medullary nephrocalcinosis"
        # after bilateral nephrocalcinosis and a small right renal focus)
        loose = sided or [x for x in loose if x in named] or _plural_of(dr, loose, f)
        if len(loose) > 1:  # 'Chondrocalcinosis' after the menisci's and another's
            loose = [x for x in loose if x in named] or loose
    if len(loose) > 1:
        # the one whose first sentence names the thing the finding's head
        # noun names ("Calcified left renal cyst" after "a cyst with a rim
        # calcification" and "a punctate calcification" of that kidney)
        head = _head(f)
        hosted = [x for x in loose if x.first is not None and _says(x.first, head)]
        loose = hosted if len(hosted) == 1 and head in dr.lesion_nouns else loose
    if len(loose) > 1:
        # the one whose sub-site the finding's mention names, its site words
        # having left it out ("infraspinatus tendon calcification", site
        # words "tendon", after the supraspinatus's and the infraspinatus's)
        words = set(site_words(dr, f.mention))
        mentioned = [x for x in loose if x.sub and set(x.sub.split()) <= words]
        loose = mentioned if len(mentioned) == 1 else loose
    if len(loose) > 1 and not sub:
        # naming no part, the one whose first phrase named every part ("heavy
        # calcification of all three cusps, most bulky on the noncoronary
        # cusp", then "severely calcified aortic valve"), not another part's
        every = [x for x in loose if x.first is not None and _over_every(dr, x.first)]
        loose = every if len(every) == 1 else loose
    if len(loose) > 1 and not dr.host_parts & set(sub.split()):
        # naming no wall of a cyst or collection, the organ's own lesion
        # ("calcific pancreatitis" after the head's calcifications and the
        # rim along a collection's wall)
        plain = [x for x in loose if not dr.host_parts & set(x.sub.split())]
        loose = plain if len(plain) == 1 else loose
    if len(loose) > 1 and f.morphology:
        # the one whose findings were named by a BI-RADS shape it names
        # ("punctate calcifications" after a punctate group and another)
        loose = _shaped(loose, f)
    if len(loose) > 1 and f.section == _RESTATING[1]:
        # the one lesion of the findings the impression's sections have
        # already restated ("calcified proximal LAD" in the conclusion, then
        # the plan's "calcified LAD lesion"), not one they left unnamed
        # (the mid LAD's): the section names that one only (GUIDE: lesion)
        # (of several, the one whose restating mention holds the vessel
        # words of the finding's, not a branch's: "Calcified D1 ostium")
        again = [x for x in loose if _restated_in(x, f.section)]
        if len(again) > 1 and f.site_text:
            words = set(WORD.findall(f.site_text.lower()))
            again = [
                x
                for x in again
                if x.last is not None and words <= set(WORD.findall(x.last.mention.lower()))
            ]
        loose = again if len(again) == 1 else loose
    if not loose:  # each names the other's sub-site: one place in two words
        loose = [
            x
            for x in same
            if _fits(x.side, side(f))
            and x.first is not None
            and not _added(x.first, f)
            # one sentence names both sub-sites: no sign the two are one
            # place ("granuloma in the right upper lobe, calcified granuloma
            # in the right lower lobe"), unless it names one as what the
            # other is
            and (not _in_sentence(x.first, f) or _linked(dr, f, x.first))
            and (crossed(dr, f, sub, x.first, x.sub) or _extends_over(dr, f, sub, x.first))
        ]
    if not loose:  # one place of a phrase joining places on both sides
        loose = _one_of_joined_sides(dr, same, f, sub)
    if not loose:  # the impression restating the one findings lesion at its site
        loose = _sub_named_at_site(dr, same, f, sub)
    if not loose and site_other_side(dr, f):
        # its site from the sentence before, which names the other side, its
        # side its own ("New right breast calcifications. Stable
        # calcifications on the left."): not a lesion of that other side,
        # but the one of another section its words name without a site
        return _unsited(named, f)
    if not loose and not said_side(dr, f):  # its side from elsewhere in the sentence
        # ... but left and right, the one each side of the sub-site, part
        # them ("granuloma in the right upper lobe" and "granuloma in the
        # upper lobe on the left"), and so do one side and both ("medullary
        # nephrocalcinosis bilaterally" after the right kidney's)
        loose = [
            x
            for x in same
            if x in named
            and _restating_pair(x, f)
            and _nests(x.sub, sub)
            and not opposite(x.side, side(f))
            and not _one_side_and_both(dr, x, f)
            and not _both_then_one_side(x, f)
            # nor a lesion of another section named by words that name vessels
            # as a whole while the finding's section names several of them
            # ("vascular calcification" as the reason, then the splenic
            # artery's and both renal arteries'): it sums them up
            # (`_unsaid_of_several`; GUIDE: lesion)
            and not (sub and _vessels_summed(dr, x, f, sub))
        ]
    return loose[0] if len(loose) == 1 else None


def _removed_of_several(dr: DescriptorRules, loose: list[_Lesion], f: Finding) -> list[_Lesion]:
    """For a finding under a label naming what an operation took out
    (`lesion_specimen_labels`: "SPECIMEN: Calcified carotid plaque, to
    pathology"), the one lesion of `loose` one of whose findings' sentences
    says it was taken out (`lesion_removal_words`: "The calcified plaque was
    removed in one piece"): the specimen is that calcification, named again
    in another section (GUIDE: lesion, clinical notes); `loose` else."""
    label = set(WORD.findall(loose[0].label_of.get(f.finding_id).lower()))
    if not label & dr.specimen_labels:
        return loose
    removed = [
        x
        for x in loose
        if any(
            g is not None and not dr.removal_words.isdisjoint(WORD.findall(g.sentence.lower()))
            for g in (x.first, x.last, *x.told.values())
        )
    ]
    return removed if len(removed) == 1 else loose


def _wider_over_several(
    dr: DescriptorRules, loose: list[_Lesion], f: Finding, sub: str
) -> bool:
    """Is the impression finding, named by a plural or a hidden word, at a
    place wider than the sub-sites of two findings lesions or more that differ
    among themselves ("Calcified mediastinal XXXX" after the right
    paratracheal and the subcarinal nodes)? It sums them up, a lesion of its
    own (GUIDE: an impression phrase that sums up several lesions of the
    findings is a lesion of its own), not the one of them that shares its
    side."""
    words = WORD.findall(f.mention.lower())
    if f.section != _RESTATING[1] or not sub or not words:
        return False
    if words[-1] not in dr.mask_words and not plural(words[-1]):  # a hidden word may be one
        return False
    mine = set(sub.split())
    narrower = {
        x.sub
        for x in loose
        if x.first is not None
        and x.first.section == _RESTATING[0]
        and mine < set(x.sub.split())
    }
    return len(narrower) > 1


# What parts the places a phrase joins ("in the right apex and left base").
_PLACE_JOINS = re.compile(r"\band\b|,|\bas well as\b", re.I)


def _one_of_joined_sides(
    dr: DescriptorRules, same: list[_Lesion], f: Finding, sub: str
) -> list[_Lesion]:
    """The one lesion of both sides whose first phrase joins places, each
    with its side ("Small calcified granulomas in the right apex and left
    base"), one of which a later finding of one side names alone ("the
    calcified left basilar granuloma"): it restates that lesion (GUIDE: a
    phrase that joins two places names one lesion at both; a later finding
    naming one of those places alone restates it). Empty else."""
    mine = side(f)
    if mine not in _OTHER_SIDES or not sub:
        return []
    want = stems(dr, sub)
    found = []
    for x in same:
        g = x.first
        if g is None or side(g) != "bilateral" or _in_sentence(g, f):
            continue
        at = mention_at(g)
        if at < 0:
            continue
        phrase = re.split(r"[.;:()]", g.sentence[at:])[0]
        parts = _PLACE_JOINS.split(phrase)
        if len(parts) < 2:
            continue
        for piece in parts:
            words = WORD.findall(piece.lower())
            sides = {dr.side_of_word.get(w, w if w in _OTHER_SIDES else "") for w in words}
            if sides - {""} == {mine} and want <= stems(dr, piece):
                found.append(x)
                break
    return found if len(found) == 1 else []


# The two sides a phrase may give each of its places.
_OTHER_SIDES = frozenset({"left", "right"})


def _shaped(lesions: list[_Lesion], f: Finding) -> list[_Lesion]:
    """The one lesion of several whose findings were named by a BI-RADS term
    the finding names; all of them when not one."""
    shaped = [
        x for x in lesions if any(set(f.morphology) & set(m.morphology) for m in x.told.values())
    ]
    return shaped if len(shaped) == 1 else lesions


def _vessels_summed(dr: DescriptorRules, x: _Lesion, f: Finding, sub: str) -> bool:
    """Is the lesion one named by words that name vessels as a whole
    ("vascular calcification"), its sub-site unsaid, while `f`'s section names
    other vessels at its site (`_unsaid_of_several`)? A phrase over several
    vessels sums them up and restates none of them."""
    first = x.first
    return (
        first is not None
        and _names_vessels(dr, _own_site_words(dr, first))
        and _unsaid_of_several(dr, x, f, sub)
    )


def _one_side_and_both(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Is `f` of both sides and the lesion of one, its first sentence naming
    no side word but left or right ("Right kidney: medullary
    nephrocalcinosis", then "medullary nephrocalcinosis bilaterally")? Both
    sides and one are different lesions (GUIDE: lesion). A first sentence
    that says both sides as well ("pyramids bilaterally, shadowing in the
    right lower pole") leaves the one side in doubt."""
    if side(f) != "bilateral" or x.side not in _SIDES or x.first is None:
        return False
    both = dr.side_words - _SIDES
    return not both & set(WORD.findall(x.first.sentence.lower()))


def _both_then_one_side(x: _Lesion, f: Finding) -> bool:
    """Is the lesion of both sides ("Bilateral thyroid nodules with
    calcification") and `f` of one, its side given by the words around it
    ("a right lobe nodule with a rim of calcification")? A phrase over both
    sides sums up the lesions of each and is a lesion of its own; both sides
    and one are different lesions (GUIDE: lesion), the mirror of
    `_one_side_and_both`."""
    return x.side == "bilateral" and side(f) in _SIDES


def _said_of_noun_before(
    dr: DescriptorRules, f: Finding, lesions: Iterable[_Lesion], state: _State, sub: str
) -> _Lesion | None:
    """A bare predicate set after a comma right behind a noun ('the sac was
    lined with laminated thrombus, calcified in its outer layer') says that
    noun is calcified; where the noun heads the findings of one earlier
    lesion in the finding's state ('calcified mural thrombus lining the
    aneurysm sac'), on a side, at a site and a sub-site that fit (not the
    apex's granuloma for 'Right basilar granuloma, calcified'), the finding restates
    that lesion (GUIDE: lesion, the same calcification named again in
    another section is one). Else None."""
    at = _bare_predicate_at(dr, f)
    if at < 0:
        return None
    before = f.sentence[:at].rstrip()
    if not before.endswith(","):
        return None
    words = WORD.findall(before[:-1].lower())
    if not words:
        return None
    noun = singular_words(words[-1])
    if noun in dr.bare_words:
        return None
    found = [
        x
        for x in lesions
        if _may_restate(x, f, state)
        and _nests(x.sub, sub)
        and any(_head(m) == noun for m in x.told.values())
    ]
    return found[0] if len(found) == 1 else None


def _bare_predicate_at(dr: DescriptorRules, f: Finding) -> int:
    """Where the finding's mention starts in its sentence when its words
    only say "calcified" (`lesion_bare_words`: a bare predicate, "densely
    calcified"); -1 else, and where that place is not known."""
    at = mention_at(f)
    if at < 0 or not set(WORD.findall(f.mention.lower())) <= dr.bare_words:
        return -1
    return at


def _may_restate(x: _Lesion, f: Finding, state: _State) -> bool:
    """Is the lesion in the finding's state, on a side that fits and, where
    the finding has a site, at that site: one a bare predicate may restate?"""
    return (
        x.state == state and _fits(x.side, side(f)) and (not f.site or f.site in x.sites)
    )


# Words that make the noun after them one named before ('the plaque').
_DEFINITE_LEADS = frozenset({"the", "this", "that", "these", "those"})
# How many words may stand between such a word and its noun ('the common
# femoral plaque').
_DEFINITE_REACH = 4


def _pronoun_of_named(
    dr: DescriptorRules, f: Finding, lesions: Iterable[_Lesion], state: _State, text: str
) -> _Lesion | None:
    """A bare predicate ('densely calcified') whose clause after a ';' has
    'it' or 'they' for its subject ('the plaque was removed; it came out in
    one piece and was densely calcified'): the pronoun stands for the
    definite noun of the clause before, and where that noun is the head of
    the findings of one earlier lesion in the finding's state ('a heavily
    calcified plaque of the left femoral artery'), on a side and at a site
    that fit, the finding restates that lesion (GUIDE: lesion, an anaphor
    'it' refers back to one). The clause before must name one such noun and
    the pronoun agree with it in number; else None."""
    at = _bare_predicate_at(dr, f)
    if at < 0:
        return None
    clause = f.sentence[:at]
    opens = f.start - at
    if opens < 1 or text[opens : f.start] != clause:
        return None  # no report text, or a sentence written otherwise
    # the clause before the ';' that ends right before it, read back from
    # there (not the whole text before: a long report's is long)
    end = opens
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end < 1 or text[end - 1] != ";":
        return None
    begin = max(text.rfind(c, 0, end - 1) for c in ".;:\n") + 1
    prior = text[begin : end - 1]
    words = WORD.findall(clause.lower())
    if not words or words[0] not in dr.predicate_pronouns or "," in clause:
        return None
    heads: dict[str, list[_Lesion]] = {}
    for x in lesions:
        if not _may_restate(x, f, state):
            continue
        for m in x.told.values():
            if _head(m) not in dr.bare_words and x not in heads.get(_head(m), []):
                heads.setdefault(_head(m), []).append(x)
    said = WORD.findall(prior.lower())
    named = set()
    for i, w in enumerate(said):
        noun = singular_words(w)
        lead = said[max(0, i - _DEFINITE_REACH) : i]
        if noun in heads and lead and any(v in _DEFINITE_LEADS for v in lead):
            named.add((noun, plural(w)))
    if len(named) != 1:
        return None
    noun, many = named.pop()
    if many != (words[0] == "they") or len(heads[noun]) != 1:
        return None
    return heads[noun][0]


def _segment_set(dr: DescriptorRules, text: str) -> set[str]:
    """The segment or valve part words (`segments`) of the text, each in the
    singular and by its synonyms' one spelling ("annular": the annulus)."""
    out: set[str] = set()
    for w in text.lower().split():
        if dr.segments.search(w):
            out.update(dr.synonyms.get(w, singular_words(w)).split())
    return out


def _names_other_part(dr: DescriptorRules, x: _Lesion) -> bool:
    """Does the lesion's first mention name a valve part or segment that is
    no leaflet or cusp (`part_heads`): "Annular calcification"?"""
    return x.first is not None and bool(_segment_set(dr, x.first.mention) - dr.part_heads)


def _sub_segments_apart(dr: DescriptorRules, x: _Lesion, sub: str) -> bool:
    """Does the finding's sub-site name a valve part or vessel segment
    ("annulus", which its sentence's subject gives: "the annulus, which was
    also calcified") none of the lesion's findings named, all of which named
    another ("cusp")? A valve's annulus and its cusps are different lesions
    (GUIDE: lesion), as `_differ` tells two findings' own segments apart."""
    mine = _segment_set(dr, sub)
    if not mine:
        return False
    theirs = [_segment_set(dr, m.segment) for m in x.told.values()]
    return all(t and not mine & t for t in theirs)


def _own_segment_alike(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Does the finding's own mention name the valve part or segment every
    finding of the lesion named ("Annular calcium" after "Annular
    calcification ... beneath the noncoronary cusp")? The part its clause
    names after it is where, not what, and tells the two no apart."""
    mine = _segment_set(dr, f.segment)
    return bool(mine) and all(mine & _segment_set(dr, m.segment) for m in x.told.values())


def _numbered_parts(dr: DescriptorRules, text: str) -> set[str]:
    """The numbered parts of an organ the text names ("segment 6": a word of
    `numbered_places` and the number after it), in the singular."""
    words = WORD.findall(text.lower())
    return {
        f"{singular_words(a)} {b}"
        for a, b in zip(words, words[1:], strict=False)
        if a in dr.numbered_places
        and (b.isdigit() or 0 < len(b) <= 4 and set(b) <= set("ivx"))
    }


def _parts_of(dr: DescriptorRules, x: _Lesion, g: Finding) -> frozenset[str]:
    """The numbered part a link word leads to after the finding's mention
    ("a separate calcification in segment 2"), else the one numbered part
    its sentence names ("A third calcification lies in segment 2")."""
    own = _numbered_in(dr, x, x.place_of.get(g.finding_id, ""))
    if own:
        return own
    said = _numbered_in(dr, x, g.sentence)
    return said if len(said) == 1 else frozenset()


def _numbered_in(dr: DescriptorRules, x: _Lesion, text: str) -> frozenset[str]:
    """`_numbered_parts` of the text, read once per text and report
    (`_Lesion.numbered`): a finding is compared with many lesions."""
    known = x.numbered.get(text)
    if known is None:
        known = x.numbered[text] = frozenset(_numbered_parts(dr, text))
    return known


def _numbered_apart(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Do the finding and the lesion's first or latest finding lie in numbered
    parts of their organ that share none ("segment 6" and "segment 2" of the
    liver)? Different sub-sites are different lesions (GUIDE: lesion), in
    whichever section."""
    mine = _parts_of(dr, x, f)
    if not mine:
        return False
    theirs: set[str] = set()
    for g in (x.first, x.last):
        if g is not None:
            theirs |= _parts_of(dr, x, g)
    return bool(theirs) and not mine & theirs


def _headed(exact: list[_Lesion], f: Finding) -> list[_Lesion]:
    """The one lesion of `exact` a mention of which ends in the finding's
    head noun, in the singular; else `exact`."""
    head = _head(f)
    headed = [x for x in exact if head in {singular_words(h) for h in _heads(x)}]
    return headed if len(headed) == 1 else exact


def _says(g: Finding, word: str) -> bool:
    """Does the finding's sentence hold the word, in the singular or not?"""
    return bool(word) and word in {
        singular_words(w) for w in WORD.findall(g.sentence.lower())
    }


# the classes a finding's own words may name it by (guide §4)
_KINDS = frozenset({METASTATIC, DYSTROPHIC})


def _restating_pair(x: _Lesion, f: Finding) -> bool:
    """Is `f` of a section that restates the lesion's first finding's: the
    impression the findings', or, in a clinical note, whose sections are
    neither, another section after its (GUIDE: the same calcification named
    again in another section of a note is one lesion), by the section found
    or by the label nearest before `f` ("PLAN:")?"""
    g = x.first
    if g is None:
        return False
    if (g.section, f.section) == _RESTATING:
        return True
    if g.section in _RESTATING or f.section in _RESTATING:
        return False
    label = x.label_of.get(f.finding_id, "")
    return g.section_at < f.section_at or (
        bool(label) and label != x.label_of.get(g.finding_id, "")
    )


def _severity_words(f: Finding) -> set[str]:
    """The words, lower case, that gave the finding its severity ("dense",
    "heavily"), read from its sentence where they stand right before or
    within its mention's phrase (none when the sentence's spacing moved)."""
    if f.mention_at < 0:
        return set()
    begin = f.start - f.mention_at  # where its sentence starts in the report
    out = set()
    for name, _, start, end in f.descriptor_words:
        if name == "severity" and start >= begin:
            word = f.sentence[start - begin : end - begin].lower()
            if word.isalpha():
                out.add(word)
    return out


def _grading_words(f: Finding, sub: str) -> set[str]:
    """The severity words by which `_graded_alike` may find the lesion: those
    of an impression finding naming a place and no segment; empty else."""
    if f.section != _RESTATING[1] or not sub or f.segment:
        return set()
    return _severity_words(f)


def _graded_alike(
    same: list[_Lesion], f: Finding, sub: str, words: set[str]
) -> _Lesion | None:
    """The findings lesion an impression finding restates when it names a
    place (a vessel) under which the findings named several (the vessel's
    segments and branches, "CIRCUMFLEX: Mild calcified plaque in the proximal
    segment. Dense calcified plaque where the first marginal arises."): the
    one graded by the same severity word ("Dense calcified plaque of the
    circumflex artery"), when one alone is. None when no word is shared or
    none is said (an impression grading the vessel in its own words sums it
    up). `words`: the finding's `_grading_words`, none empty."""
    mine = set(sub.split())
    under = [
        x
        for x in same
        if x.first is not None
        and x.first.section == _RESTATING[0]
        and mine <= set(x.sub.split())
        and _fits(x.side, side(f))
    ]
    if len(under) < 2:
        return None
    alike = [
        x for x in under if any(words & _severity_words(m) for m in x.told.values())
    ]
    return alike[0] if len(alike) == 1 else None


def _extends_over(dr: DescriptorRules, f: Finding, sub: str, g: Finding) -> bool:
    """Does the sentence of one of the two (`f` of sub-site `sub`, `g` a
    finding at its site in another sentence) say its calcification extends
    from or to the other's sub-site ("calcified plaque at the carotid bulb,
    extending into the internal carotid artery", then "calcified plaque at
    the bulb")? It lies at both places: one calcification named at either."""
    theirs = sub_site(dr, g)
    if g.site != f.site or g.sentence == f.sentence or not sub or not theirs:
        return False
    if any(
        dr.extension_words.search(a.sentence) is not None
        and stems(dr, other) <= stems(dr, a.sentence)
        for a, other in ((f, theirs), (g, sub))
    ):
        return True
    # both say it extends into one place ("plaque at the carotid bulb
    # extending into the internal carotid artery", "the bifurcation plaque
    # ran into the internal carotid artery"): one calcification named from
    # the same place it runs into
    name = {w[:5] for w in name_words(dr, f.site)}
    into = _extended_into(dr, f.sentence) & _extended_into(dr, g.sentence)
    return bool(into - name)


# How far after an extension word the place it leads to is read, and the
# stems of the words that lead to that place, no place of their own.
_INTO_REACH = 60
_INTO_LINKS = frozenset({"into", "to", "from", "throu", "along", "acros", "beyon", "over"})


def _extended_into(dr: DescriptorRules, sentence: str) -> set[str]:
    """The place words (`stems`) an extension word of the sentence leads to,
    up to a clause break ("extending 2 cm into the internal carotid
    artery": "inter", "carot"); empty without one."""
    m = dr.extension_words.search(sentence)
    if m is None:
        return set()
    rest = sentence[m.end() : m.end() + _INTO_REACH]
    rest = re.split(r"[,;.()]", rest)[0]
    return stems(dr, rest) - _INTO_LINKS


def _plural_of(dr: DescriptorRules, loose: list[_Lesion], f: Finding) -> list[_Lesion]:
    """Of the lesions a finding named by a lesion noun in the plural ("numerous
    calcified brain lesions") fits, the one named in the plural ("multiple
    calcified granulomas"), when the others were named in the singular only
    ("a calcified scolex"): several restate no single one (`_counts_more`).
    Not calcium named in bulk (`lesion_mass_plurals`)."""
    head = _plural_head(f)
    if head is None or head not in dr.lesion_nouns or head in dr.mass_plurals:
        return []
    found = [x for x in loose if any(plural(w) for w in _heads(x))]
    return found if len(found) == 1 else []


def _over_vessels(dr: DescriptorRules, loose: list[_Lesion], f: Finding, sub: str) -> bool:
    """Does a finding naming the whole coronary tree ("heavy calcification
    of the coronary arteries") come after lesions of two or more of its
    vessels? It restates none of them: the whole tree and one vessel are
    different lesions, and a phrase over several vessels sums them up. So
    does an impression finding at another vessel site naming none of its
    vessels after findings lesions of two or more ("diffuse arterial
    calcification of the leg" after the SFA's and the popliteal's)."""
    if sub:
        return False
    if f.site not in dr.score_sites:
        # an impression phrase naming no vessel of its site ("diffuse
        # arterial calcification of the leg") after lesions of two vessels
        # or more of the findings sums them up as well
        if f.site not in dr.vessel_sites or f.section != _RESTATING[1]:
            return False
        loose = [x for x in loose if x.first and x.first.section == _RESTATING[0]]
    return len({x.sub for x in loose if x.sub}) > 1


def _parts(dr: DescriptorRules, findings: list[Finding]) -> dict[str, frozenset[str]]:
    """The part of its site each finding's sentence names (`part`), read in
    the mention's own stretch of a sentence that holds other findings (up to
    the start of the one after it, else back to the end of the one before)."""
    by_sentence: dict[tuple[int, str], list[tuple[int, Finding]]] = {}
    for f in findings:
        at = mention_at(f)
        by_sentence.setdefault((f.start - max(at, 0), f.sentence), []).append((at, f))
    out: dict[str, frozenset[str]] = {}
    for group in by_sentence.values():
        if len(group) == 1 or any(at < 0 for at, _ in group):
            out.update((f.finding_id, part(dr, f)) for _, f in group)
            continue
        group.sort(key=lambda x: x[0])
        for k, (at, f) in enumerate(group):
            lo = group[k - 1][0] + len(group[k - 1][1].mention) if k else 0
            hi = group[k + 1][0] if k + 1 < len(group) else len(f.sentence)
            out[f.finding_id] = part(dr, f, (lo, at, hi))
    return out


def _sums_apart(dr: DescriptorRules, exact: list[_Lesion], f: Finding) -> bool:
    """Are the lesions an impression finding matches told apart by their
    segments, parts (clock positions, leaflets) or places, which the finding
    leaves unsaid? It sums them up ("LAD calcification" after the proximal and mid
    LAD's; "Left breast calcifications" after those at 2 and at 6 o'clock)."""
    firsts = [x.first for x in exact if x.first is not None]
    if not f.segment and len({g.segment for g in firsts}) > 1:
        return True
    mine = exact[0].part_of.get(f.finding_id, frozenset())
    if not mine and len({exact[0].part_of.get(g.finding_id) for g in firsts}) > 1:
        # ... unless its words are those of one of them only ('a dystrophic
        # calcification' after the dystrophic calcification at 10 o'clock
        # and the coarse calcifications at 3 o'clock): it restates that one
        # (words that say more than that something is calcified)
        words = singular_words(core(dr, f))
        if not set(words.split()) - dr.bare_words:
            return True
        worded = [x for x in exact if words in {singular_words(w) for w in x.cores}]
        return len(worded) != 1
    # or by the places a link word led to after their mentions ("in the right
    # kidney upper pole" and "in the right kidney lower pole")
    # ... unless its sentence names one of them elsewhere
    places = exact[0].place_of
    theirs = {places.get(g.finding_id, "") for g in firsts}
    if places.get(f.finding_id) or len(theirs) < 2 or not all(theirs):
        return False
    said = stems(dr, f.sentence)
    return not any(stems(dr, p) <= said for p in theirs)


def _sub_named_at_site(
    dr: DescriptorRules, same: list[_Lesion], f: Finding, sub: str
) -> list[_Lesion]:
    """The one findings-section lesion at the impression finding's site, on
    a side that fits, whose sentence names the finding's sub-site though
    their sub-sites are told in other words, none shared ("plaque at the
    carotid bulb extending into the internal carotid artery" and "Right ICA
    stenosis due to calcified plaque"; not "upper lobe" and "lower lobe":
    one place word shared, another differing)."""
    found = [
        x
        for x in same
        if x.first is not None
        and (x.first.section, f.section) == _RESTATING
        and _fits(x.side, side(f))
    ]
    if len(found) > 1 and side(f):
        # the one on the finding's own side, not one of no side ("calcified
        # membrane over the right convexity, compatible with a calcified
        # subdural hematoma", then dural calcification of no side, then
        # "calcified right subdural hematoma")
        sided = [x for x in found if x.side == side(f)]
        found = sided if len(sided) == 1 else found
    first = found[0].first if len(found) == 1 else None
    if first is None or not sub:
        return []
    shared = set(found[0].sub.split()) & set(sub.split())
    if shared:
        # one word shared, at a node site the others must be stations the
        # lesion's sentence lists with its own ("nodes in the subcarinal and
        # left hilar stations" and "mediastinal and hilar nodes": its
        # sub-site names the first station only)
        if f.site not in dr.mention_place_sites or f.site in dr.vessel_sites:
            return []
        rest = " ".join(w for w in sub.split() if w not in shared)
        listed = _LISTS_PLACES.search(first.sentence) is not None
        return found if listed and stems(dr, rest) <= stems(dr, first.sentence) else []
    if stems(dr, sub) <= stems(dr, first.sentence):
        return found
    # or the finding's sentence names the lesion's sub-site, its own words
    # naming a wider place ("the infrarenal aorta ... wall calcification" and
    # "infrarenal abdominal aortic aneurysm ... with wall calcification")
    theirs = stems(dr, found[0].sub)
    return found if theirs and theirs <= stems(dr, f.sentence) else []


# places joined in a list ("the subcarinal and left hilar stations")
_LISTS_PLACES = re.compile(r"\b(?:and|as well as)\b", re.I)


def _named(dr: DescriptorRules, x: _Lesion, f: Finding, named: list[_Lesion]) -> bool:
    """Is the lesion named by the finding's words, words that say more than
    "calcified" when the lesion left its sub-site unsaid?"""
    return x in named and bool(x.sub or names_a_lesion(dr, f))


def _other_part(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Does the finding's sentence name as what is calcified another part
    than the lesion's first finding, its site taken from elsewhere ("The
    aorta was found calcified. The annulus was also heavily calcified.")?"""
    borrowed = f.site_text.lower() not in f.sentence.lower()
    return borrowed and x.first is not None and names_its_place(dr, f, x.first)


def _leaflets_of_disease(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Was the lesion first named by a valve's disease ("calcific aortic
    stenosis") and does the finding's sentence, before its mention, name
    leaflets or cusps as what is calcified ("The three leaflets were thick
    and heavily calcified")? The disease leaves the sub-site unsaid and is
    the leaflets' calcification: they restate it, not another part (GUIDE:
    lesion; "the annulus was also calcified" is another)."""
    first = x.first
    at = mention_at(f)
    return (
        first is not None
        and at > 0
        and _head(first) in dr.graded_heads
        and bool(dr.part_heads & set(WORD.findall(f.sentence[:at].lower())))
    )


def _contents_apart(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Does one of the two, the lesion and the finding, name as what is
    calcified what lies in a lumen or sac (`lesion_lumen_contents`: "the
    calcified thrombus was removed") and the other not ("its wall was
    heavily calcified")? The wall's calcification and the thrombus's are
    different lesions at one site (GUIDE: lesion, different sub-sites); not
    so for the impression, which restates in other words ("calcified mural
    thrombus" after the thrombus with calcification of the wall), nor in one
    sentence, which names what its calcification is ("no calcification in
    it to suggest a calcified embolus")."""
    if f.section == _RESTATING[1] or _in_sentence(x.last, f):
        return False
    mine = _head(f) in dr.lumen_contents
    return mine != any(singular_words(h) in dr.lumen_contents for h in _heads(x))


def _other_than(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Does the finding call itself other than the lesion named before it in
    its section ("There are other phleboliths in the pelvis")? A later
    section may restate it with the same word ("Additional ... calcification"
    in the impression). A copula naming what the one before is ("Separate
    small calcifications ... are phleboliths") leaves the word that one's."""
    if x.last is None or x.last.section != f.section or not names_another(dr, f):
        return False
    return not _named_as(dr, f, x.last)


def _narrows(x: _Lesion, f: Finding, sub: str) -> bool:
    """Does a finding of the lesion's section name a part within the lesion's
    sub-site ("The circumflex was mildly calcified. The obtuse marginal branch
    was densely calcified.": a branch is its vessel's part)? Such a part is
    another lesion; a later finding naming less ("CX: minimal calcific
    plaque" after the marginal branch's) restates it."""
    mine, theirs = set(sub.split()), set(x.sub.split())
    return bool(theirs) and mine > theirs and not _other_section(x, f)


def _one_of_plural_hosts(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Are `f`'s site words a noun in the singular ("9 mm densely calcified
    node") while the lesion, of another section, was named at that noun's
    plural only ("enlarged mediastinal nodes, some with calcification")? One
    node is not the several the other section named: a phrase over several
    sums them up and restates none of them (GUIDE: lesion; a count of
    several is none of the groups)."""
    mine = WORD.findall(f.site_text.lower())
    if not mine or plural(mine[-1]) or not _other_section(x, f):
        return False
    head = mine[-1]
    nodes = f.site in dr.mention_place_sites and f.site not in dr.vessel_sites
    if not nodes and head not in dr.lesion_nouns:
        return False  # a tissue's plural ("the soft tissues") counts nothing
    if f.site_text.lower() not in f.sentence.lower():
        return False  # its site words another sentence's
    said = [
        WORD.findall(g.site_text.lower())
        for g in (x.first, x.last, *x.told.values())
        if g is not None and g.site_text and g.site_text.lower() in g.sentence.lower()
    ]
    ends = {w[-1] for w in said if w}
    return (
        any(plural(w) and w not in dr.mass_plurals and singular_words(w) == head for w in ends)
        and head not in ends
    )


def _joined_to_site(dr: DescriptorRules, x: _Lesion, sub: str) -> bool:
    """Is `sub` the place a join word ("and") joins, right before them, to
    the site words of the lesion's first finding ("Mediastinal and hilar
    lymphadenopathy with calcification", its site words "hilar")? That
    phrase names one lesion at both places; a finding naming one of them
    alone restates it (GUIDE: lesion, a phrase that joins two places before
    one noun names one lesion at both)."""
    first = x.first
    if first is None or not sub or not first.site_text:
        return False
    marks = [a for a, _b, kind in first.marks if kind == "site"]
    at = mention_at(first)
    if not marks or at < 0:
        return False
    words = WORD.findall(first.sentence[: min(marks) - (first.start - at)].lower())
    if len(words) < 2 or not dr.place_joins.fullmatch(words[-1]):
        return False
    mine = stems(dr, sub)
    return bool(mine) and mine <= stems(dr, words[-2])


def _one_of_plural_vessels(dr: DescriptorRules, x: _Lesion, f: Finding, sub: str) -> bool:
    """Was the vessel lesion of another section first named at several
    vessels, its place a plural ("diffuse calcification of the
    infrapopliteal vessels": the tibial arteries), and does `f` name one
    vessel within them, in the singular ("The anterior tibial artery ...
    was calcified")? A phrase over several vessels sums them up and
    restates none of them, as the whole coronary tree and one of its
    vessels are different lesions (GUIDE: lesion)."""
    first = x.first
    if first is None or f.site not in dr.vessel_sites or not x.sub or not _other_section(x, f):
        return False
    if not set(sub.split()) > set(x.sub.split()):
        return False
    theirs = WORD.findall(place_led_to(dr, first).lower()) or WORD.findall(first.site_text.lower())
    mine = WORD.findall(f.site_text.lower())
    return bool(theirs and mine) and plural(theirs[-1]) and not plural(mine[-1])


def _places_apart(dr: DescriptorRules, x: _Lesion, f: Finding, sub: str) -> bool:
    """Does a finding of the lesion's section whose site words leave the
    sub-site unsaid name after its mention a place that is not the lesion's
    sub-site ("Calcification along the falx. Dural calcification along the
    tentorium.")? Such a place is another lesion's; so is one apart from the
    place a link word led to after the lesion's first mention, when its site
    words too left the sub-site unsaid ("Calcified lymph node in the right
    hilum. Calcified lymph node in the subcarinal region."); not in the
    history, whose "in" may lead to who is asked about ("in a smoker")."""
    if sub or _other_section(x, f):
        return False
    theirs = x.sub
    if not theirs and x.first is not None and f.section != _HISTORY:
        theirs = x.place_of.get(x.first.finding_id, "")
    place = x.place_of.get(f.finding_id, "")
    return bool(place and theirs) and not _nests(theirs, place)


def _unsaid_of_several(dr: DescriptorRules, x: _Lesion, f: Finding, sub: str) -> bool:
    """Does the lesion of another section leave its sub-site unsaid, its
    first sentence too ("known calcific tendinitis" of a shoulder), while
    the findings of `f`'s section name in their own words, at its site and
    on a side that fits, another sub-site than `f`'s, one that does not nest
    in it ("calcific deposit in the supraspinatus tendon", "calcification in
    the subscapularis tendon")? The lesion may be either place's: `f` naming
    one of them is not known to restate it (GUIDE: a finding that leaves the
    sub-site unsaid joins the one lesion at its site that does not
    contradict it). A calcification named new is not the one a history
    knew ("Known calcific tendinitis", then the supraspinatus's deposit and a
    new one at the infraspinatus: the history's is the supraspinatus's), and
    one its own words call another is not the one named before ("Calcific
    tendinitis of the right supraspinatus; separate calcific deposit in the
    right infraspinatus": the preoperative "calcific tendinitis, right
    shoulder" is the supraspinatus's)."""
    first = x.first
    if x.sub or first is None or stems(dr, sub) <= stems(dr, first.sentence):
        return False
    known = first.section == _HISTORY
    # a valve named by its disease ("calcific aortic stenosis") is its
    # leaflets' calcification: the leaflets restate it, the annulus does not
    # (GUIDE: lesion)
    if _head(first) in dr.graded_heads and dr.part_heads & set(sub.split()):
        return False
    # one process over the site ("metastatic pulmonary calcification") is
    # the lesion of each place it shows at, not one of them
    if dr.process_words.search(first.sentence):
        return False
    return any(
        section == f.section
        and not _nests(other, sub)
        and _fits(its_side, side(f))
        and _fits(its_side, x.side)
        and not (known and new)
        and not another
        for section, its_side, other, new, another in x.subs_at.get(f.site, ())
    )


def _unsaid_of_both_sides(x: _Lesion, f: Finding, sub: str) -> bool:
    """Is the lesion of another section one of both sides that names no
    sub-site ("Bilateral thyroid nodules with calcification"), while `f`,
    of no side, names one ("calcifications through the isthmus") and its
    section names, at its site, one-sided findings at other sub-sites that
    do not nest in it (each lobe's nodule)? The lesion over both sides sums
    up those of each side; `f` is not known to restate it (GUIDE: lesion, a
    phrase that sums up several lesions is a lesion of its own), as
    `_unsaid_of_several` says for a lesion of one side."""
    if x.side != "bilateral" or x.sub or not sub or side(f) or x.first is None:
        return False
    return any(
        section == f.section and its_side in _SIDES and not _nests(other, sub)
        for section, its_side, other, _new, _another in x.subs_at.get(f.site, ())
    )


def _native_and_graft(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """In a report that names a transplanted organ, does one of the
    finding's sentence and the lesion's first sentence name the native
    organ of their site and the other not ("Transplant kidney ... A punctate
    cortical calcification.", then "The native kidneys show diffuse cortical
    calcification")? The two are at different organs of one site (GUIDE:
    lesion, same site and sub-site). A native word names the organ its next
    few words name before a word that joins places ("native kidneys", not
    the stomach's "gastric wall calcification" after "the native kidneys
    and")."""
    first = x.first
    if not x.grafted or first is None or not f.site:
        return False
    return _native(dr, x, first, f.site) != _native(dr, x, f, f.site)


def _native(dr: DescriptorRules, x: _Lesion, g: Finding, site: str) -> bool:
    """Does the finding's sentence name the native organ of `site` (a native
    word before the site's words, `_native_and_graft`)? Read once per
    finding and site (`_Lesion.native_of`)."""
    known = x.native_of.get((g.finding_id, site))
    if known is not None:
        return known
    name = name_words(dr, site)

    def names(after: list[str]) -> bool:
        text = " ".join(after)
        join = dr.place_joins.search(text)
        return bool(set(site_words(dr, text[: join.start()] if join else text)) & name)

    words = WORD.findall(g.sentence.lower())
    found = any(
        w in dr.native_words and names(words[k + 1 : k + _NATIVE_REACH])
        for k, w in enumerate(words)
    )
    x.native_of[(g.finding_id, site)] = found
    return found


def _side_of_several(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Does the lesion of another section leave its side unsaid ("follow-up
    of nephrocalcinosis" in the history) while `f`'s section names findings
    in its state at its site on both sides by the same words, `f` on one
    ("Right kidney: medullary nephrocalcinosis", "Left kidney: medullary
    nephrocalcinosis")?
    The lesion may be either side's, or both: `f` is not known to restate
    it (GUIDE: a finding that leaves the side unsaid joins the one lesion at
    its site that does not contradict it; different sides are different
    lesions)."""
    first = x.first
    if first is None or x.side or first.section == f.section or not f.site:
        return False
    return any(
        opposite(its_side, side(f)) for its_side, _ in _named_alike(dr, x, f)
    )


def _part_of_several(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Does the lesion of another section name no part of its site (no
    clock position: "recalled for calcifications in the left breast") while
    `f`'s section names findings in its state at its site, on a side that
    fits, by the same words at two parts or more, `f` at one ("calcifications
    at 2 o'clock", "calcifications at 10 o'clock")? The lesion may be either
    part's: `f` is not known to restate it (GUIDE: a count of several that
    names no clock position is none of the groups named at their positions;
    a finding joins the one lesion at its site that does not contradict it).
    So for `f` at no part, when its section names the lesion's own words at
    two parts or more ("coarse dystrophic calcifications at the lumpectomy
    site", then "calcifications" at 2 and at 9 o'clock): the lesion may be
    any of the three."""
    first = x.first
    mine = x.part_of.get(f.finding_id, frozenset())
    if first is None or any(x.parts) or first.section == f.section:
        return False
    if not mine:
        at = {
            part
            for its_side, part in _named_alike(dr, x, f, core(dr, first))
            if part and _fits(its_side, side(f))
        }
        return len(at) > 1
    return any(
        part and part != mine and _fits(its_side, side(f))
        for its_side, part in _named_alike(dr, x, f)
    )


def _named_alike(
    dr: DescriptorRules, x: _Lesion, f: Finding, words: str | None = None
) -> list[tuple[str, frozenset[str]]]:
    """The side and part of each finding `f`'s section names at its site in
    the lesion's state by `f`'s own words (`core`; or by `words`): the
    findings that may be the lesion of another section as much as `f` is
    (`_side_of_several`, `_part_of_several`)."""
    words = core(dr, f) if words is None else words
    return list(x.placed_at.get((f.site, f.section, x.state, words), ()))


def _placed(
    dr: DescriptorRules, findings: list[Finding], part_of: dict[str, frozenset[str]]
) -> dict[_PlacedKey, set[tuple[str, frozenset[str]]]]:
    """The sides and parts (`part_of`, by finding id) of the report's
    findings that may restate a lesion (not "no new calcifications"), by
    their site, section, state and words (`core`): a finding's are looked
    up whole, not sifted from all those of its site (a report of thousands
    of findings at one site)."""
    out: dict[_PlacedKey, set[tuple[str, frozenset[str]]]] = {}
    for f in findings:
        if f.site and not f.own_lesion:
            at = (f.site, f.section, _state(dr, f), core(dr, f))
            out.setdefault(at, set()).add((side(f), part_of.get(f.finding_id) or frozenset()))
    return out


def _own_subs(
    dr: DescriptorRules, findings: list[Finding], subs: dict[str, str]
) -> dict[str, set[tuple[str, str, str, bool, bool]]]:
    """For each site, the sections, sides and sub-sites (`subs`, by finding
    id) of the report's findings whose site words are their own sentence's,
    not borrowed from a label or another sentence, whether the finding
    is named new, and whether its words call it another (`names_another`:
    "separate calcific deposit")."""
    out: dict[str, set[tuple[str, str, str, bool, bool]]] = {}
    for f in findings:
        sub = subs[f.finding_id]
        if sub and f.site_text and f.site_text.lower() in f.sentence.lower():
            told = (f.section, side(f), sub, f.change == "new", names_another(dr, f))
            out.setdefault(f.site, set()).add(told)
    return out


def _led_to(x: _Lesion, sub: str) -> bool:
    """Did a link word after the mention of the lesion's first finding, whose
    site words left the sub-site unsaid, lead to `sub` ("calcifications in
    the left breast, upper outer quadrant", then "upper outer quadrant
    calcifications")? Then the finding names no new sub-site."""
    if x.sub or x.first is None:
        return False
    place = x.place_of.get(x.first.finding_id, "")
    return bool(place) and set(sub.split()) <= set(place.split())


def _said_before(dr: DescriptorRules, x: _Lesion, f: Finding, sub: str) -> bool:
    """Is the finding's mention, its sub-site words within, led by an anaphor
    ("for the cortical calcification"), and did the sentence of the lesion's
    first or latest finding, one before the finding's own, name that
    sub-site ("a focus in the left renal cortex, consistent with a small
    parenchymal calcification")? It refers back to that calcification and
    names no new sub-site (not "The distal SFA is also calcified": the
    opening "the" of a subject names a place, GUIDE)."""
    lead = lead_list(f)
    if not sub or not lead or lead[-1] not in dr.anaphors:
        return False
    said = stems(dr, sub)
    return said <= stems(dr, f.mention) and any(
        said <= stems(dr, g.sentence)
        for g in (x.first, x.last)
        if g is not None and g.sentence != f.sentence
    )


def _segment_said(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Does the finding name a segment or valve part ("the aortic leaflets ...
    calcified") that the sentence of the lesion's first or latest finding
    named already, its site words leaving it unsaid ("aortic valve with
    heavily calcified, restricted leaflets")? The lesion did not leave that
    sub-site unsaid: the finding names no new one (GUIDE: lesion). So does
    one whose sentence says it extends from or into another part, when the
    lesion's named one of its parts ("Both cusps were calcified", then
    "Calcification extended from the noncoronary cusp into the annulus"):
    a calcification that extends lies at both places (GUIDE: lesion)."""
    if not f.segment:
        return False
    said: set[str] = set()
    for g in (x.first, x.last):
        if g is not None and g.sentence != f.sentence:
            said |= _singular_set(g.sentence)
    mine = set(f.segment.split())
    if mine <= said:
        return True
    return bool(mine & said) and dr.extension_words.search(f.sentence) is not None


def _another_study(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Do the finding's sentence and that of the lesion's latest finding each
    name, before their mentions, the exam that showed it, and other exams
    ("A plain film showed a shell of calcification outlining the bladder.
    CT shows calcification of the bladder wall.")? A note telling study by
    study what each showed names the same calcification again, not a new
    part of it (GUIDE: lesion, clinical notes: a known finding of an earlier
    study and today's are one lesion)."""
    last = x.last
    if last is None or last.sentence == f.sentence:
        return False
    mine, theirs = _exams_before(dr, f), _exams_before(dr, last)
    return bool(mine) and bool(theirs) and not mine & theirs


def _exams_before(dr: DescriptorRules, f: Finding) -> set[str]:
    """The exam words (`lesion_exam_labels`) of the finding's sentence
    before its mention."""
    at = mention_at(f)
    return set(WORD.findall(f.sentence[: max(at, 0)].lower())) & dr.exam_labels


def _singular_set(sentence: str) -> set[str]:
    """The sentence's words in the singular ("leaflets": "leaflet"), as a
    finding's segment names its parts."""
    return set(singular_words(" ".join(WORD.findall(sentence.lower()))).split())


def _added(g: Finding, f: Finding) -> bool:
    """Is `f` a noun phrase of its own that "and a" adds in `g`'s sentence
    ("Calcified granuloma in the RUL and a calcified granuloma in the RLL")?
    The sentence then names both places, one for each."""
    if not _in_sentence(g, f) or f.start <= g.end:
        return False
    gap = _gap(g, f)
    return gap is not None and _AND_A.search(gap.lower()) is not None


def _definite_repeat(
    dr: DescriptorRules, x: _Lesion, f: Finding, at_site: list[_Lesion]
) -> bool:
    """Is the finding led by a definite word and named by the mention words
    of the lesion's latest finding, under the same section header ("the vascular calcification"
    after "Diffuse vascular calcification")? It refers back to that lesion
    and sums up nothing anew (GUIDE: an anaphor, "the calcification", refers
    back to one). Not when another lesion at its site was named after that
    finding ("Two phleboliths in the left hemipelvis. There is another
    phlebolith on the right." then "The phleboliths are incidental": all of
    them). `at_site`: the lesions at the finding's site."""
    g = x.last
    lead = lead_list(f)
    return (
        g is not None
        and not any(y.last is not None and y.last.start > g.start for y in at_site)
        and (g.section, g.section_at) == (f.section, f.section_at)
        and bool(lead)
        and lead[-1] in _DEFINITE_LEADS
        and WORD.findall(f.mention.lower()) == WORD.findall(g.mention.lower())
    )


def _adds_own_phrase(dr: DescriptorRules, g: Finding, f: Finding) -> bool:
    """Does "and a" lead `f`'s own noun phrase after `g` in their sentence
    (`_added`), no clause break between the two words and the mention ("and
    a lucent center, the zonal pattern of myositis ossificans" leads another
    noun)? Not a score ("and a calcium score of 412"), which measures a
    calcification named, no new one."""
    if f.rule_id in dr.score_rules or not _added(g, f):
        return False
    gap = _gap(g, f) or ""
    last = list(_AND_A.finditer(gap.lower()))[-1]
    return not _CLAUSE_BREAK.search(gap[last.end() :])


# A break between clauses or list members inside a sentence.
_CLAUSE_BREAK = re.compile(r"[,;:()]")


def _gap(g: Finding, f: Finding) -> str | None:
    """The words of their sentence between `g`'s mention and `f`'s, for `f`
    after `g` in it (None where `g`'s mention is not found there)."""
    at = mention_at(g)
    if at < 0 or f.start < g.end:
        return None
    return g.sentence[at + len(g.mention) : at + f.start - g.start]


def _place_after(dr: DescriptorRules, f: Finding, at: int | None = None) -> str:
    """The sub-site words of the place a link word leads right after the
    mention, for a finding at a vessel site whose words name the site only,
    when that place names the site again or a coronary vessel ("Coronary
    calcification in the LAD", "Aortic calcification of the abdominal
    aorta": the LAD, the abdominal aorta), so that findings naming different
    vessels or parts after one site word are told apart. The words run to
    the last that names the site or vessel. `at`: where the mention starts
    in its sentence (`trailing_sub`)."""
    if f.site not in dr.vessel_sites or not f.site_text:
        return ""
    led = _after_mention(dr, f, at)
    listed = _listed_vessels(dr, f, led, at)
    if listed:
        return listed  # "involving the left main, LAD and circumflex"
    name = name_words(dr, f.site)
    words = site_words(dr, led)
    ends = [i for i, w in enumerate(words) if w in name or w in dr.vessel_names]
    if not ends:
        return ""
    return " ".join(w for w in words[: ends[-1] + 1] if w not in name)


# A list break right after a place ("the left main, LAD and circumflex"),
# an article before the next place allowed.
_LIST_NEXT = re.compile(r"\s*(?:,|\band\b)\s*(?:and\s+)?(?:the\s+)?", re.I)


def _listed_vessels(dr: DescriptorRules, f: Finding, led: str, at: int | None) -> str:
    """When the place a link word leads to after the mention (`led`) names a
    coronary vessel that a comma or "and" follows with another ("Severe
    coronary artery calcification involving the left main, LAD and
    circumflex"), the names of the vessels the list runs over, up to a
    full stop, semicolon or bracket: the phrase is over them all, no one
    vessel's lesion (GUIDE: lesion, a phrase over several sums them up);
    empty else."""
    if not led.strip() or dr.vessel_words.search(led) is None:
        return ""
    sentence = f.sentence
    start = sentence.lower().find(led.lower(), max(mention_at(f) if at is None else at, 0))
    if start < 0:
        return ""
    m = _LIST_NEXT.match(sentence, start + len(led.rstrip()))
    if m is None or m.end() == m.start() or dr.vessel_words.match(sentence, m.end()) is None:
        return ""
    stop = _LIST_STOP.search(sentence, m.end())
    span = sentence[start : stop.start() if stop else len(sentence)]
    names = [dr.vessel(v.group()) for v in dr.vessel_words.finditer(span)]
    return " ".join(site_words(dr, " ".join(dict.fromkeys(names))))


# Where a list of vessels ends: a full stop, a semicolon or a bracket.
_LIST_STOP = re.compile(r"[.;()]")


def _tree_over_vessels(dr: DescriptorRules, x: _Lesion, sub: str) -> bool:
    """Is `sub` a list of coronary vessels (`_listed_vessels`: "involving the
    left main, LAD and circumflex") and `x` the whole tree's calcification,
    no score ("coronary artery calcifications" on an earlier CT)? The list
    says how far that calcification runs, no one vessel's (GUIDE: lesion,
    a coronary vessel's calcification is not the whole tree's)."""
    listed = len(set(sub.split()) & dr.vessel_names) > 1
    return listed and x.first is not None and x.first.rule_id not in dr.score_rules


def _station_after(dr: DescriptorRules, f: Finding, at: int | None) -> str:
    """At a site of `mention_place_sites` away from the vessels (the nodes),
    for a mention whose words name the site only, the place words of
    `site_synonyms` in the place a link word leads to right after it ("Calcified
    node in the aortopulmonary window" names the station "aortopulmonary
    calcified node" does, as `mention_sub` reads it); empty else, and when
    that place joins places."""
    if f.site not in dr.mention_place_sites or f.site in dr.vessel_sites:
        return ""
    words = WORD.findall(_after_mention(dr, f, at).lower())
    if "and" in words:
        return ""
    name = name_words(dr, f.site)
    placed = " ".join(w for w in words if w in dr.synonyms)
    return " ".join(w for w in site_words(dr, placed) if w not in name)


def _after_mention(dr: DescriptorRules, f: Finding, at: int | None) -> str:
    """The words a link word leads right after the mention (`place_led_to`),
    up to a verb too; empty when no link word follows."""
    rest = place_led_to(dr, f, at)
    ends = [m.start() for m in WORD.finditer(rest) if m.group().lower() in dr.verbs]
    return rest[: min(ends, default=len(rest))]


def _other_section(x: _Lesion, f: Finding) -> bool:
    """Is the lesion's latest finding in another section than `f`: of
    another category, or under another header of its category (a note's
    'PREOPERATIVE DIAGNOSIS:' and 'INDICATIONS:'; GUIDE: lesion, clinical
    notes: the same calcification named again in another section is one)?"""
    last = x.last
    return last is not None and (
        last.section != f.section or last.section_at != f.section_at
    )


def _restated(dr: DescriptorRules, named: list[_Lesion], f: Finding) -> _Lesion | None:
    """For a finding without a site: the one earlier lesion named by the same
    words ("Calcified granuloma." restating "RUL calcified granuloma") and,
    when the finding names a side, on that side ("calcification in the right
    upper quadrant" is not the "mitral annular calcification" before it) or,
    none being on it, the one another section named with no side
    (`_side_unsaid_before`) by more than words that only say "calcified"
    ("The right hip has ... a small calcification" is not the diagnoses'
    "bladder wall calcification"),
    unless the finding's sentence names another place as what is calcified
    ("the annulus was heavily calcified" after "the mitral valve was"), or
    the two differ as `_differ` tells ("increased" and "new": a new one is
    another), or "and a" adds the finding to the lesion's last one in its
    sentence ("calcification, increased, and a new calcification at the
    cord insertion": a noun phrase of its own), or the lesion's latest
    finding is of the finding's sentence (a sentence restates a lesion once:
    "calcified bar of the annulus and calcified, restricted chordae")."""
    found, unsaid = None, []
    # (the tests that read the sentences come last, the finding's own once:
    # a report of one long sentence naming hundreds of findings made them
    # cubic in its length)
    subject: bool | None = None
    for x in named:
        if f.sentence and _in_sentence(x.last, f):
            continue  # a sentence restates a lesion once
        if _labelled_apart(x, f):
            continue  # 'Vessels: ... calcification.' then 'Pharynx: calcifications.'
        if _introduced_in_section(x, f):
            continue  # 'A 4 mm calcification ...' then 'A faint calcification ...'
        if x.differs(f) or (x.last is not None and _added(x.last, f)):
            continue
        if subject is None:
            subject = _lesion_subject(dr, f)
        if subject and not _named_as_thing(dr, x):
            continue  # 'The pineal gland is calcified.' then 'The lesion is calcified'
        if x.first is not None and names_its_place(dr, f, x.first):
            continue
        if side(f) in ("", x.side):
            if found is not None:
                return None  # more than one
            found = x
        elif _side_unsaid_before(x, f) and not _bare(dr, f):
            unsaid.append(x)
    if found is None and len(unsaid) == 1:
        return unsaid[0]
    return found


def _lesion_subject(dr: DescriptorRules, f: Finding) -> bool:
    """Is the finding a bare predicate ("heavily calcified") said of a
    subject that is a definite lesion noun alone (`lesion_nouns`: "The
    lesion is heavily calcified", "This mass was densely calcified")?"""
    at = _bare_predicate_at(dr, f)
    if at < 0:
        return False
    words = WORD.findall(re.split(r"[,;:]", f.sentence[:at].lower())[-1])
    return (
        len(words) > 2
        and words[0] in ("the", "this")
        and words[1] in dr.lesion_nouns
        and bool(dr.copulas & set(words[2:]))
    )


def _named_as_thing(dr: DescriptorRules, x: _Lesion) -> bool:
    """Does a sentence of the lesion's findings name a lesion noun (a mass,
    a nodule, a lesion)? A subject "the lesion" points back to a thing named
    so, not to an organ or vessel said to be calcified ("The pineal gland is
    calcified"; GUIDE: an anaphor refers back to the one it names)."""
    mine = [g for g in (x.first, *x.told.values(), x.last) if g is not None]
    return any(dr.lesion_nouns & set(WORD.findall(g.sentence.lower())) for g in mine)


# How many words may stand between an indefinite article and the mention it
# leads ("a faint punctate calcification").
_INTRODUCED_REACH = 3


def _introduced_in_section(x: _Lesion, f: Finding) -> bool:
    """Is the finding, of no site, led by an indefinite article ("A faint
    calcification along the glenoid rim") in the section all of the lesion's
    findings are in? The article brings in a new calcification of the
    section, no anaphor of one it named (GUIDE: lesion, an anaphor, "it",
    "these", "the calcification", refers back to one)."""
    lead = lead_list(f)
    at = [k for k, w in enumerate(lead) if w in ("a", "an")]
    if not at or len(lead) - at[-1] - 1 > _INTRODUCED_REACH:
        return False
    return all(m.section == f.section for m in x.told.values())


def _bare(dr: DescriptorRules, f: Finding) -> bool:
    """Is the finding's mention made of words that only say "calcified"
    (`lesion_bare_words`: "a small calcification")? Of no site, those words
    name no lesion of another section by themselves."""
    return set(WORD.findall(f.mention.lower())) <= dr.bare_words


def _side_unsaid_before(x: _Lesion, f: Finding) -> bool:
    """Did another section name the lesion with no side, where the finding
    names one ('Biopsy showed calciphylaxis.', then under the diagnoses
    'Calciphylaxis of the right calf')? The side is said in only one of the
    two and nothing contradicts it (GUIDE: the same calcification named
    again in another section of a note is one lesion)."""
    g = x.first
    return not x.side and g is not None and g.section != f.section


def _labelled_apart(x: _Lesion, f: Finding) -> bool:
    """Is the lesion's latest finding of `f`'s section but under another
    line label ('Vessels: dense calcification of the vertebral arteries.'
    and 'Pharynx: small calcifications in the tonsils.')? The labels of one
    section name the different structures it goes through: a finding naming
    no site under one restates nothing said under another (GUIDE: lesion,
    the same calcification described again; two structures are two)."""
    g = x.last
    if g is None or (g.section, g.section_at) != (f.section, f.section_at):
        return False
    mine, theirs = x.label_of.get(f.finding_id, ""), x.label_of.get(g.finding_id, "")
    return bool(mine) and bool(theirs) and mine.lower() != theirs.lower()


def _in_sentence(g: Finding | None, f: Finding) -> bool:
    """Is `g` a finding of `f`'s sentence? A sentence restates a lesion once:
    the other lesions in "basal ganglia calcifications and cerebellar
    calcifications" are not the basal ganglia's."""
    return g is not None and g.section == f.section and g.sentence == f.sentence


def _echo(dr: DescriptorRules, named: list[_Lesion], f: Finding) -> _Lesion | None:
    """The one earlier lesion of another section named by the same words
    whose sentence the finding's restates, at another linked site (the
    impression restating the findings, the site guessed differently)."""
    found = [
        x
        for x in named
        if x.first is not None
        and f.site not in x.sites
        and (x.first.section, f.section) == _RESTATING
        and _fits(x.side, side(f))
        and not x.differs(f)
        and not _in_sentence(x.last, f)
        and not (_site_in_mention(f) and _site_in_mention(x.first))
        and (echoes(dr, f, x.first) or _guessed(dr, f, x.first))
    ]
    return found[0] if len(found) == 1 else None


def _site_in_mention(f: Finding) -> bool:
    """Do the finding's own mention words name its site, every word of its
    site phrase ('calcific aortic valve disease', 'mitral annular
    calcification')? Such a site is no guess another section's differs from."""
    site = set(WORD.findall(f.site_text.lower()))
    return bool(site) and site <= set(WORD.findall(f.mention.lower()))


def _joint_restated(
    dr: DescriptorRules, by_site: dict[tuple[str, _State], list[_Lesion]], f: Finding
) -> _Lesion | None:
    """The one lesion of another section the finding restates at another
    site of one joint's tissues, on a side that fits: the tissue about the
    joint and a tendon, bursa, ligament, cartilage or muscle in it, or the
    same tissue named only as soft tissue ("calcification about the right
    shoulder" and "calcific tendinitis of the right shoulder"; "heterotopic
    ossification about the left hip" and "heterotopic ossification within
    the gluteus minimus"; GUIDE: the impression restating a finding, or
    a note's section naming it again, shares its number though the two name
    the place in other words). Two sentences naming different joints part
    them; the finding restates none where its state has two lesions or more
    at the joint's tissues (`by_site`: the lesions by site and state)."""
    if f.site not in dr.joint_sites:
        return None
    found = [
        x
        for x in _lesions_at(dr, by_site, dr.joint_sites, f)
        if _fits(x.side, side(f))
        and not x.differs(f)
        and not _in_sentence(x.last, f)
        and x.first is not None
        and _same_joint(dr, f.sentence, x.first.sentence)
    ]
    if len(found) != 1:
        return None
    (x,) = found
    # at another site than the finding's, one of the two the tissue about
    # the joint, named in another section ("Calcification around the right
    # shoulder. Calcification in the supraspinatus tendon." are two)
    if f.site in x.sites or not dr.joint_envelopes & (x.sites | {f.site}):
        return None
    # the history names what is asked about or known, no deposit described
    # ('INDICATION: Tumoral calcinosis.' is not the tendon's calcification),
    # unless both name one kind of deposit in the same words ('heterotopic
    # ossification, right hip' and 'heterotopic ossification within the
    # gluteus minimus')
    last = x.last.section if x.last is not None else ""
    if _HISTORY in (last, f.section) and not _same_named_kind(dr, x, f):
        return None
    return x if _other_section(x, f) else None


def _same_named_kind(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Do `f` and the lesion's last finding name their deposit by the same
    words of more than one word, a kind of deposit ('heterotopic
    ossification'), not a bare 'calcification'?"""
    words = core(dr, f)
    return x.last is not None and len(words.split()) > 1 and words == core(dr, x.last)


def _offered_for(dr: DescriptorRules, lesions: Iterable[_Lesion], f: Finding) -> _Lesion | None:
    """An impression finding whose phrase offers places for what it is by a
    differential link ("calcified left paraesophageal versus intrapulmonary
    lymph node") restates the one findings lesion in its state, whatever its
    site, when that lesion states the same side ("calcified nodule in the
    left lower lobe"; GUIDE: the impression restating a finding shares its
    number even when the two name the place in other words)."""
    if f.section != _RESTATING[1] or not side(f) or side(f) == "bilateral":
        return None
    if not dr.differential.search(f.mention):
        return None
    mine = [
        x
        for x in lesions
        if x.state == _state(dr, f) and x.first is not None and x.first.section == _RESTATING[0]
    ]
    if len(mine) != 1 or mine[0].side != side(f):
        return None
    return mine[0]


def _hedged_for_place(
    dr: DescriptorRules, lesions: Iterable[_Lesion], f: Finding
) -> _Lesion | None:
    """A hedged finding offered for what a thing its sentence names first,
    by a side and place words, is ("Right renal sinus focus, most likely
    vascular calcification") restates the one lesion of another section on
    that side whose first sentence names those places ("a 2 mm
    calcification in the right renal sinus"), whatever site its own words
    give (GUIDE: a finding its sentence names as what the one before it is
    shares its number; the impression restating a finding in other words)."""
    if not f.uncertain or side(f) not in _SIDES:
        return None
    at = mention_at(f)
    lead = f.sentence[: max(at, 0)]
    if "," not in lead:
        return None
    # the place words of the thing named first (a side, "renal": `site_words`)
    named = [
        w
        for w in WORD.findall(lead.split(",")[0].lower())
        if w in dr.synonyms or w in dr.synonym_words
    ]
    places = stems(dr, " ".join(named))
    if not places:
        return None
    mine = [
        x
        for x in lesions
        if x.state == _state(dr, f)
        and x.side == side(f)
        and x.first is not None
        and x.first.section != f.section
        and places <= stems(dr, x.first.sentence)
    ]
    return mine[0] if len(mine) == 1 else None


def _tissue_restated(
    dr: DescriptorRules, by_site: dict[tuple[str, _State], list[_Lesion]], f: Finding
) -> _Lesion | None:
    """A finding at "soft tissue" restates the one lesion of another section
    at a soft tissue named more precisely (`lesion_soft_tissue_sites`: skin,
    subcutaneous tissue, muscle), and a finding at one of those the one
    lesion of another section at "soft tissue", in its state, on a side that
    fits ("calcinosis in the soft tissues of the index finger" and
    "calcinosis cutis"; GUIDE: a note's section or the impression naming the
    place in other words shares its number). None where there are two."""
    if f.site == dr.soft_tissue:
        sites: frozenset[str] = dr.soft_tissue_sites
    elif f.site in dr.soft_tissue_sites:
        sites = frozenset((dr.soft_tissue,))
    else:
        return None
    found = [
        x
        for x in _lesions_at(dr, by_site, sites | {f.site}, f)
        if x.first is not None
        and _under_other_header(x.first, f)
        and _fits(x.side, side(f))
        and not x.differs(f)
    ]
    if len(found) > 1 and side(f):
        # the one on the side it names, not one of no side ("soft tissue
        # calcinosis of the left chest wall" after the subcutaneous
        # calcifications along the left chest wall and the history's
        # calcinosis cutis of the fingers)
        sided = [x for x in found if x.side == side(f)]
        found = sided if len(sided) == 1 else found
    if len(found) != 1 or not found[0].sites & sites:
        return None
    return found[0]


def _under_other_header(g: Finding, f: Finding) -> bool:
    """Are the two findings in other sections: of another category, or
    under another header of one category (a note's 'PREOPERATIVE
    DIAGNOSIS:' and 'INDICATIONS:'; GUIDE: lesion, clinical notes: the same
    calcification named again in another section is one), as
    `_other_section` reads a lesion's latest finding?"""
    return g.section != f.section or g.section_at != f.section_at


def _vessels_restated(
    dr: DescriptorRules, by_site: dict[tuple[str, _State], list[_Lesion]], f: Finding
) -> _Lesion | None:
    """For an impression finding named by words that name vessels as a whole
    and a place ("soft tissue vascular calcification"), the one lesion of
    another section at a vessel site in its state, on a side that fits, whose
    sentence names that place ("vascular calcification in the soft tissues
    of the chest wall": `_names_from`; GUIDE: the impression restating a
    finding shares its number). One named by such words alone
    ("Extensive vascular calcification") restates the one lesion of another
    section at the sites they name (`_vascular`), on a side that fits, when
    that lesion was named by such words too ("dense vascular calcification
    along the aortic arch"; not "calcified aortic knob"); after two or more
    it may sum them up (`_sums_up`): left alone."""
    if f.section != _RESTATING[1] or f.site not in dr.vessel_sites:
        return None
    if not _names_vessels(dr, f.site_text):
        return None
    found = [
        x
        for x in _lesions_at(dr, by_site, dr.vessel_sites, f)
        if x.first is not None
        and x.first.section != f.section
        and _fits(x.side, side(f))
        and _names_from(dr, f, x.first)
    ]
    if not found:
        found = [
            x
            for x in _vascular(dr, by_site, f)
            if x.first is not None
            and _fits(x.side, side(f))
            and set(WORD.findall(x.first.mention.lower())) & dr.whole_vessel_words
        ]
        if len(_vascular(dr, by_site, f)) > 1:
            found = []
    return found[0] if len(found) == 1 else None


def _small_vessels(
    dr: DescriptorRules, lesions: Iterable[_Lesion], f: Finding
) -> _Lesion | None:
    """A finding named by a disease of the small vessels of the skin and fat
    (`lesion_small_vessel_diseases`: "Calciphylaxis of both thighs") restates
    the one lesion in its state, on a side that fits, at a site of
    `lesion_small_vessel_sites` whose first sentence puts it in those vessels
    (`lesion_small_vessel_words`: "calcification of small dermal
    arterioles"); a finding at such a site whose sentence does restates the
    one lesion named by the disease. The disease's name gives no site of its
    own, so no other rule links the two (GUIDE: the same calcification named
    in other words, or in another section of a note, is one lesion)."""
    state, fits = _state(dr, f), []
    if dr.small_vessel_diseases.search(f.mention):
        fits = [
            x
            for x in lesions
            if x.first is not None
            and x.sites & dr.small_vessel_sites
            and dr.small_vessel_words.search(x.first.sentence)
        ]
    elif f.site in dr.small_vessel_sites and dr.small_vessel_words.search(f.sentence):
        fits = [
            x
            for x in lesions
            if x.first is not None
            and any(
                dr.small_vessel_diseases.search(c) for c in (*x.cores, x.first.mention)
            )
        ]
    found = [x for x in fits if x.state == state and _fits(x.side, side(f))]
    return found[0] if len(found) == 1 else None


def _vascular(
    dr: DescriptorRules, by_site: dict[tuple[str, _State], list[_Lesion]], f: Finding
) -> list[_Lesion]:
    """The lesions of another section than the finding's, in its state, at
    the sites a phrase naming vessels as a whole names (`vascular_sites`:
    the arteries; a phlebolith, a vein's calcification, is named by its own
    word)."""
    return [
        x
        for x in _lesions_at(dr, by_site, dr.vascular_sites, f)
        if x.first is not None and x.first.section != f.section
    ]


def _the_only(
    dr: DescriptorRules, lesions: Iterable[_Lesion], f: Finding
) -> _Lesion | None:
    """For a finding without a site led by an anaphor ("debridement of the
    calcium deposits", "excision of this calcification"), the one lesion
    named before it in its state, on a side that fits (GUIDE: an anaphor,
    "the calcification", refers back to one); of several, the one alone on
    its side or the side operated on; none else."""
    lead = lead_list(f)
    if not lead or lead[-1] not in dr.anaphors:
        return None
    state = _state(dr, f)
    mine = [x for x in lesions if x.state == state and x.first is not None]
    wanted = side(f) or f.operated_side
    if len(mine) > 1 and wanted:
        # the one on its side, or in an operation note on the side operated
        # on ("The calcified lesion came out intact" after the left cheek's
        # mass and a right cheek calcification)
        mine = [x for x in mine if x.side == wanted]
    if len(mine) != 1 or not _fits(mine[0].side, side(f)):
        return None
    return mine[0]


def _labelled_restated(
    dr: DescriptorRules, lesions: Iterable[_Lesion], f: Finding, label_of: _PerFinding
) -> _Lesion | None:
    """For a finding without a site, the one lesion without a site of
    another section first named by the finding's words but for the place
    words the line label over that first finding gave it ("RA: calcified
    mass" in the findings, "Calcified RA mass" in the impression; GUIDE:
    lesion, the impression restating a finding shares its number even when
    the two name the place in other words or one leaves it unsaid)."""
    mine = set(core(dr, f).split())
    state = _state(dr, f)
    found = []
    for x in lesions:
        g = x.first
        if g is None or x.state != state or x.sites or g.section == f.section:
            continue
        theirs = set(core(dr, g).split())
        label = set(WORD.findall(label_of.get(g.finding_id, "").lower()))
        extra = mine - theirs
        if (
            theirs < mine
            and extra <= label
            and _fits(x.side, side(f))
            and not x.differs(f)
        ):
            found.append(x)
    return found[0] if len(found) == 1 else None


def _led_back(
    dr: DescriptorRules, f: Finding, prev: Finding, by_id: dict[str, _Lesion]
) -> bool:
    """For a finding without a site whose mention an anaphor leads ("IVUS
    confirmed the calcification described above", "fracture planes through
    the calcified plaque") after several lesions: does it refer back to
    `prev`, the finding named right before it in its state and section, on
    a side that fits, its sentence naming no other place as what is
    calcified? GUIDE: an anaphor ("the calcification") refers back to one,
    the one named last (`_the_only` takes the one lesion when there is one).
    `prev`'s lesion must have a site (`by_id`: the lesions by id)."""
    if f.site or f.own_lesion or prev.section != f.section:
        return False
    if not by_id[prev.lesion_id].sites:
        return False
    lead = lead_list(f)
    if not lead or lead[-1] not in dr.anaphors:
        return False
    return _fits(side(f), side(prev)) and not names_its_place(dr, f, prev)


def _lesions_at(
    dr: DescriptorRules,
    by_site: dict[tuple[str, _State], list[_Lesion]],
    sites: Iterable[str],
    f: Finding,
) -> list[_Lesion]:
    """The lesions at any of `sites` in the finding's state that have a
    first finding, each once (a lesion named at two of the sites is listed
    under both), in the order they are first found."""
    state = _state(dr, f)
    found: dict[str, _Lesion] = {}
    for site in sites:
        for x in by_site.get((site, state), []):
            if x.first is not None:
                found.setdefault(x.lesion_id, x)
    return list(found.values())


_WITH = re.compile(r"(?<!\w)with(?!\w)", re.I)


def _with_summing_disease(
    dr: DescriptorRules, x: _Lesion, f: Finding, at_site: list[_Lesion]
) -> bool:
    """Is the lesion an organ's disease (`lesion_organ_diseases`) that its
    sentence named right before `f`, adding `f` to it by "with", and that
    sums up two lesions or more of another section at its site ("chronic
    calcific pancreatitis with increasing parenchymal calcifications" after
    the head's and the tail's)? The calcifications are not the sum's: they
    restate the lesion their words fit (GUIDE: lesion)."""
    g = x.first
    if g is None or g is not x.last or _disease_head(dr, g) is None:
        return False
    if not _in_sentence(g, f) or g.section != f.section:
        return False
    gap = _gap(g, f)
    if gap is None or _WITH.search(gap) is None:
        return False
    summed = [
        y
        for y in at_site
        if y is not x and y.first is not None and y.first.section != f.section
    ]
    return len(summed) > 1


def _segments_apart(x: _Lesion, f: Finding) -> bool:
    """Do the finding's segment or valve part words share none with those of
    one of the lesion's findings (`_differ`: "ostial" and "mid", the leaflets
    and the chordae)?"""
    return any(_no_shared_segment(f.segment, m.segment) for m in x.told.values())


def _no_shared_segment(a: str, b: str) -> bool:
    """Do two findings' segment words, both given, share none ("proximal"
    and "mid")?"""
    return bool(a and b) and not set(a.split()) & set(b.split())


def _new_segment(x: _Lesion, f: Finding) -> bool:
    """Does a finding of the lesion's section name a segment or valve part
    none of the lesion's findings named, nor the sentence of its first or
    latest finding, in either number ("The aortic valve was heavily calcified. There was calcification
    extending into the annulus."; not "calcification in the proximal LAD",
    then "the calcified plaque in the proximal LAD")? It
    names a sub-site the lesion left unsaid: another lesion."""
    if not f.segment or _other_section(x, f) or x.first is None:
        return False
    said = _singular_set(x.first.sentence)
    if x.last is not None:
        said |= _singular_set(x.last.sentence)
    return not set(f.segment.split()) <= said and not any(
        m.segment for m in x.told.values()
    )


def _other_joint(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Do the sentences of the lesion's first finding and of `f`, one
    section's findings at one of a joint's tissues, name different joints
    ("Periarticular calcification at the left shoulder. Periarticular
    calcification at the left hip."), or the labels over them ("RIGHT
    SHOULDER: ... RIGHT HIP: , periarticular calcification about the greater
    trochanter")? Not in the history, which may name the region ("hip") its
    later sentences name more narrowly ("trochanter")."""
    if not (
        f.site in dr.joint_sites
        and f.section != _HISTORY
        and x.first is not None
        and x.first.section == f.section
    ):
        return False
    # the label over each ('RIGHT SHOULDER: ... RIGHT HIP: ...') names its joint too
    first = x.first
    mine = f"{x.label_of.get(f.finding_id, '')} {f.sentence}"
    theirs = f"{x.label_of.get(first.finding_id, '')} {first.sentence}"
    return not _same_joint(dr, mine, theirs)


def _digits(dr: DescriptorRules, sentence: str) -> set[str]:
    """The digits (`lesion_digit_words`) a sentence names, by the word each
    of its words begins with ("fingertips": the finger)."""
    return {
        d for w in WORD.findall(sentence.lower()) for d in dr.digit_words if w.startswith(d)
    }


def _other_digit(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Do the sentences of the lesion's first finding and of `f`, findings of
    the skin, the soft tissue or a joint's tissues, each name digits, none
    of them shared ("calcinosis cutis at the tip of the left middle finger",
    then "dermal calcification in the pad of the left thumb"; GUIDE: lesion,
    different sub-sites are different lesions), in any section?"""
    sites = dr.joint_sites | dr.soft_tissue_sites | {dr.soft_tissue}
    if f.site not in sites or x.first is None:
        return False
    mine, theirs = _digits(dr, f.sentence), _digits(dr, x.first.sentence)
    return bool(mine and theirs and not mine & theirs)


def _names_its_joint(dr: DescriptorRules, x: _Lesion, f: Finding) -> bool:
    """Do the finding's sentence and the sentence of the lesion's first
    finding (each with the label over it, "LEFT KNEE:") both name a joint,
    one they share? Only at a joint's tissues."""
    if f.site not in dr.joint_sites or x.first is None:
        return False
    first = x.first
    mine = joint_stems(dr, f"{x.label_of.get(f.finding_id, '')} {f.sentence}")
    theirs = joint_stems(dr, f"{x.label_of.get(first.finding_id, '')} {first.sentence}")
    return bool(mine & theirs)


def _same_joint(dr: DescriptorRules, a: str, b: str) -> bool:
    """Do two sentences name one joint, or one of them none (site words by
    their first five letters, `stems`: "hips" and "hip")?"""
    x, y = (joint_stems(dr, s) for s in (a, b))
    return not (x and y) or bool(x & y)


def _guessed(dr: DescriptorRules, f: Finding, g: Finding) -> bool:
    """Named by the same words of more than one word ("calcified granuloma",
    not a bare "calcification"), one of the two at a site its words do not
    give (an exam's default)?"""
    words = core(dr, f)
    return words == core(dr, g) and " " in words and not (f.site_text and g.site_text)


def _offered(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Is the hedged finding offered in its sentence, right after `prev`, as
    what `prev` may be, whatever site its own words give ("calcification in
    the left renal sinus, stone versus vascular calcification", "punctate
    calcification at the renal hilum, favored to represent renal artery
    calcification")? A restating or differential link stands between the
    two, no semicolon, and no comma or "and" after the last link ("coronary
    calcification, likely atherosclerotic, and possible aortic valve
    calcification" names two). A finding the hedge reads `prev` as, no
    longer uncertain for it (modifiers: "calcifications in the pelvis,
    likely phleboliths"), is offered so too."""
    return (f.uncertain or _read_as(dr, f, prev)) and _linked(dr, f, prev)


def _read_as(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Does a hedge saying the likelier reading (`reading_links`: 'likely',
    'favored') open the item after the last comma between `prev` and `f`,
    a few words before `f`? So does a mask right before its article, which
    may hide one (`_masked_link`)."""
    gap = _gap(prev, f) if _in_sentence(prev, f) else None
    if gap is not None and _masked_link(dr, gap):
        return True
    if gap is None or "," not in gap:
        return False
    words = WORD.findall(gap[gap.rindex(",") + 1 :].lower())
    return any(
        tuple(words[: len(link)]) == link and len(words) - len(link) <= _READING_WORDS
        for link in dr.reading_links
    )


def _linked(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Does a restating or differential link of their sentence stand between
    `prev` and `f`, no semicolon, and no comma, "and" or sentence end after
    the last link (`_offered`)?"""
    if prev.sentence != f.sentence or prev.section != f.section:
        return False
    gap = _gap(prev, f)
    if gap is None:
        return False
    # (the verbs that say what a thing is count: "calcifications in both
    # upper lobes, which in this setting represent metastatic calcification")
    links = [*dr.size_restating.finditer(gap), *dr.differential.finditer(gap)]
    if not links and ";" not in gap:
        return _weighed(dr, f, gap) or _masked_link(dr, gap)
    if not links or ";" in gap:
        return False
    rest = gap[max(m.end() for m in links) :]
    if re.search(r"\.\s", rest):  # a sentence ends after the link
        return False
    # "rim calcification, and a 6 mm focus in the right ovary, probably a
    # calcification": the link names the thing "and" adds, not `prev` (not
    # "rim of calcification, unchanged and compatible with ...")
    lead = gap[: min(m.start() for m in links)]
    added = [m.end() for m in _AND.finditer(lead)]
    if added and _ARTICLES & set(WORD.findall(lead[added[-1] :].lower())):
        return False
    return "," not in rest and not _AND.search(rest)


def _masked_link(dr: DescriptorRules, gap: str) -> bool:
    """Do the words between the two mentions, after their last comma, end in
    a de-identification mask and an indefinite article, with no "and",
    semicolon or sentence end among them ("faint calcification over the
    superior mediastinum XXXX a calcified lymph node", "..., XXXX a calcified
    granuloma")? The mask hides the restating link ("likely",
    "representing") that would stand there: masks hide words, not structure
    (GUIDE: a finding its sentence names as what the one before it is shares
    its number)."""
    tail = gap[gap.rfind(",") + 1 :]
    if ";" in gap or _AND.search(tail) or re.search(r"\.\s", gap):
        return False
    words = WORD.findall(tail.lower())
    return len(words) >= 2 and words[-1] in _ARTICLE_A and words[-2] in dr.mask_words


# The indefinite articles: a noun phrase they open names what a thing is
# (not "another": another thing).
_ARTICLE_A = frozenset(("a", "an"))


def _named_as(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Does a copula, an article after it at most (and a word or two after
    the article that say what kind: "is an old calcified granuloma"), end
    the words between `prev` and `f` in their sentence, no comma nor "and"
    among them ("small calcifications beside the left ureter are
    phleboliths")? The sentence
    names what `prev` is, as a restating link would (GUIDE: a finding its
    sentence names as what the one before it is shares its number)."""
    gap = _gap(prev, f) if _in_sentence(prev, f) else None
    if gap is None or set(WORD.findall(f.mention.lower())) <= dr.bare_words:
        return False  # "... is calcified": a predicate, no name
    if _pronoun_named(dr, gap, prev):
        return True
    words = WORD.findall(gap.lower())
    if "," in gap or _AND.search(gap) or re.search(r"\.\s", gap):
        return False
    articles = [k for k, w in enumerate(words) if w in _ARTICLES]
    if articles and kind_words(words[articles[-1] + 1 :]):
        words = words[: articles[-1] + 1]  # "is an old calcified granuloma"
    if words and words[-1] in _ARTICLES:
        words = words[:-1]
    if naming_verb(dr, words):
        return True
    # "granulomas are stable, as are calcified nodes": a likeness, no name
    return bool(words) and words[-1] in dr.copulas and words[-2:-1] != ["as"]


# What may open the clause whose pronoun names what the finding before it is
# (", so they are phleboliths", ", and it is a granuloma").
_CLAUSE_LEADS = frozenset(("so", "and", "thus", "hence", "therefore"))
# The pronouns that stand for a plural finding.
_PLURAL_PRONOUNS = frozenset(("they", "these"))


def _pronoun_named(dr: DescriptorRules, gap: str, prev: Finding) -> bool:
    """Does the clause after the last comma of the words between `prev` and
    the finding hold only a pronoun of `prev`'s number and a copula (a
    leading "so" or "and", an article after it: "calcifications along the
    left ureter have central lucencies, so they are phleboliths")? The
    pronoun stands for `prev`: the sentence names what it is (GUIDE: a
    finding its sentence names as what the one before it is shares its
    number). No sentence end between; the clause may follow a semicolon
    ("calcification in the right breast; this is a dermal calcification")."""
    # the clause after the last comma or semicolon ('...; this is a dermal
    # calcification')
    cut = max(gap.rfind(","), gap.rfind(";"))
    if cut < 0 or re.search(r"\.\s", gap):
        return False
    words = WORD.findall(gap[cut + 1 :].lower())
    if words and words[0] in _CLAUSE_LEADS:
        words = words[1:]
    if words and words[-1] in _ARTICLES:
        words = words[:-1]
    if len(words) != 2 or words[0] not in POINTING_PRONOUNS or words[1] not in dr.copulas:
        return False
    return (words[0] in _PLURAL_PRONOUNS) == (_plural_head(prev) is not None)


def _weighed(dr: DescriptorRules, f: Finding, gap: str) -> bool:
    """Is `f` the first term of a differential offered, after one comma, for
    what the finding before it is ("3 mm calcification in the right kidney,
    vascular calcification versus a tiny stone")? `gap`: the words between
    the two mentions, which hold no link."""
    at = mention_at(f)
    if at < 0 or gap.count(",") != 1 or not gap.rstrip().endswith(","):
        return False
    if _AND.search(gap) or re.search(r"\.\s", gap):
        return False
    after = f.sentence[at + len(f.mention) :].lstrip()
    return dr.differential.match(after) is not None


def _refers_back(
    dr: DescriptorRules,
    f: Finding,
    prev: Finding,
    places: dict[str, str] | None = None,
    labels: _PerFinding | None = None,
) -> bool:
    """Does `f` restate `prev`, the finding before it in its state: an anaphor
    at its site or where `prev` has none, in its section; or a sentence that
    names what `prev` is, wherever its words place it? Sides must fit. At a
    scored site an anaphor naming another vessel than `prev` ("The LAD
    calcification ..." after the total score, "The total Agatston score"
    after the LAD's plaque) is no anaphor: the whole tree and one vessel
    are different lesions; nor is one whose own words name, at `prev`'s
    site, a sub-site that does not nest with `prev`'s ("The calcified
    granuloma in the right lower lobe" after the right upper lobe's: the
    place named decides); nor one whose place is the line label over it,
    another than `prev`'s (`_placed_by_other_label`). `places`: each
    finding's sub-site, by id; `labels`: the label line over each."""
    if f.own_lesion or not _fits(side(f), side(prev)):
        return False
    if prev.section == f.section and names_what_it_is(dr, f):
        return True
    if _offered(dr, f, prev):
        return True
    # named by its sentence as what `prev` is, at whatever site ("small
    # calcifications adjacent to the sigmoid colon, consistent with phleboliths")
    if f.anaphor and _linked(dr, f, prev) and not names_its_place(dr, f, prev):
        return True
    # ... or, at `prev`'s site and side, by a restating link right before it
    # though its words add a part ("calcifications within the right kidney,
    # seen only partially, are consistent with medullary nephrocalcinosis")
    if f.site and f.site == prev.site and _linked(dr, f, prev):
        return True
    # ... or by a copula right before it ("small calcifications beside the
    # left ureter are phleboliths": the words between are `prev`'s own)
    if _named_as(dr, f, prev):
        return True
    return (
        (f.anaphor or names_residual(dr, f))
        and (f.site in ("", prev.site) or not prev.site or _in_joint(dr, f, prev))
        and (prev.section == f.section or not prev.site)
        and not names_its_place(dr, f, prev)
        and not _mention_elsewhere(dr, f, prev)
        and not _other_vessel(dr, f, prev)
        and not _subs_apart(f, prev, places or {})
        and not _new_place_led_to(dr, f, prev)
        and not _placed_by_other_label(f, prev, labels)
        and not _new_segment_after(dr, f, prev)
        # "proximal", then a residual plaque the sentence before places in
        # the mid segment
        and not _no_shared_segment(f.segment, prev.segment)
    )


# Where the clause after a mention ends, for the segment word it may name.
_CLAUSE_END = re.compile(r"[.,;:()]")


def _new_segment_after(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Does the anaphor's clause, after its mention, name a segment or part
    (`_segment_after`: "It was heavily calcified distally") that `prev`'s
    sentence, up to the anaphor, does not? It names a sub-site the lesion
    before it left unsaid: another lesion (GUIDE: lesion, a later finding of
    the same section naming a new sub-site; "It was heavily calcified"
    alone is the artery's one lesion)."""
    named = _segment_after(dr, f)
    if not named:
        return False
    return not set(named.split()) & _site_words_before(dr, f, prev)


def _site_words_before(dr: DescriptorRules, f: Finding, prev: Finding) -> set[str]:
    """The site words of `prev`'s sentence, up to `f`'s mention when the two
    share a sentence: the places said before the finding."""
    said = prev.sentence
    if prev.sentence == f.sentence:
        said = said[: max(mention_at(f), 0)]
    return set(site_words(dr, said))


def _part_led_to(dr: DescriptorRules, f: Finding, at: int) -> str:
    """The part words (`lesion_part_words`, no side) of the place a link word
    leads to right after a mention led by "the" ("the calcification along
    its anterior wall": anterior), so that it is told from the lesion of its
    site that left the part unsaid (GUIDE: a later finding naming a new
    sub-site is another lesion); empty else."""
    lead = lead_list(f)
    if not lead or lead[-1] != "the":
        return ""
    words = trailing_sub(dr, f, at).split()
    return " ".join(w for w in words if w in dr.part_words and w not in dr.side_words)


def _with_segment(dr: DescriptorRules, f: Finding, sub: str, part: str = "") -> str:
    """The finding's sub-site with the segment a pronoun anaphor's clause
    names after it (`_segment_after`), or the `part` a link word after a
    mention led by "the" leads to (`_part_led_to`), added when the sub-site
    lacks it ("radial" and "It was heavily calcified distally": "radial
    distal")."""
    seg = _segment_after(dr, f) or part
    if not seg or set(seg.split()) <= set(sub.split()):
        return sub
    return f"{sub} {seg}".strip()


def _segment_after(dr: DescriptorRules, f: Finding) -> str:
    """The segment or part word (`segments`, as `site_words` spell it) the
    clause of a pronoun anaphor (`POINTING_PRONOUNS`) names after its mention
    ("It was heavily calcified distally": distal); empty else, and for a
    mention an opening "the" leads ("The calcification in the proximal
    segment" names its place in its own noun phrase)."""
    at = mention_at(f)
    if at < 0 or not f.anaphor:
        return ""
    lead = WORD.findall(f.sentence[:at].lower())
    if not lead or lead[0] not in POINTING_PRONOUNS:
        return ""
    rest = f.sentence[at + len(f.mention) :]
    stop = _CLAUSE_END.search(rest)
    named = dr.segments.search(rest[: stop.start() if stop else len(rest)])
    return " ".join(site_words(dr, named.group())) if named else ""


def _placed_by_other_label(f: Finding, prev: Finding, labels: _PerFinding | None) -> bool:
    """Does the anaphor take its place from the line label over it, its
    sentence naming none, where `prev` of its section is under another
    label ("SFA: wall calcification." then "TIBIALS: ... Both heavily
    calcified.")? The labels of one section name the structures it goes
    through: the anaphor points at what its own label's lines name, not
    back across the label (GUIDE: lesion, different sub-sites are different
    lesions; `_labelled_apart` for a finding naming no site)."""
    if labels is None or prev.section != f.section or not f.site_text:
        return False
    mine = labels.get(f.finding_id, "").lower()
    theirs = labels.get(prev.finding_id, "").lower()
    if not mine or not theirs or mine == theirs:
        return False
    said = f.site_text.lower()
    return said in mine and said not in f.sentence.lower()


def _new_place_led_to(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Does a link word right after the mention of `f`, at `prev`'s site,
    lead to a sub-site that `prev`'s sentence, up to `f`'s mention, does not
    name ("coarse calcifications in the pancreatic tail", then "The
    calcifications in the head are more extensive")? An opening "the" then
    names that place's calcification, no anaphor (GUIDE: a later finding of
    the same section naming a sub-site the lesion before it left unsaid is
    another lesion)."""
    if not f.site or f.site != prev.site:
        return False
    place = trailing_sub(dr, f)
    if not place:
        return False
    return not set(place.split()) <= _site_words_before(dr, f, prev)


def _mention_elsewhere(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Do the anaphor's own words name a place at `prev`'s site that `prev`'s
    site words do not ("The infraspinatus calcification" after the
    supraspinatus deposit)? An opening "the" and a place name that place,
    not a calcification said before (GUIDE: lesion); a tissue in the joint
    the one before lies about narrows its place (`_in_joint`)."""
    if _in_joint(dr, f, prev):
        return False  # "the tendon calcification" after one about the joint
    mine = set(site_words(dr, f.mention)) - dr.bare_words
    return bool(mine) and not mine <= set(site_words(dr, f"{prev.site_text} {prev.site}"))


def _subs_apart(f: Finding, prev: Finding, places: dict[str, str]) -> bool:
    """Do the two, at one site, name sub-sites of one kind that do not nest,
    a place word shared and another differing ("lower lobe" and "upper
    lobe")? Sub-sites that share no word may be one place in other words
    ("subareolar" and "retroareolar"). Site words `f` took from another
    sentence are not its own: they name no place of its own ("The calcified
    plaque extended to the bifurcation" after the common femoral artery's)."""
    mine, theirs = places.get(f.finding_id, ""), places.get(prev.finding_id, "")
    if f.site != prev.site or not mine or not theirs or _nests(mine, theirs):
        return False
    if f.site_text.lower() not in f.sentence.lower():
        return False
    return bool(set(mine.split()) & set(theirs.split()))


def _points_back(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Is the finding's mention led by a demonstrative (`demonstratives`,
    only grade or shape words between: "further attempts in this heavily
    calcified vessel", "shadowing from this calcified plaque"), in the
    section of `prev`, the finding named before it in its state, on a side
    that fits, its own words naming no place `prev`'s do not? It points at
    `prev` (GUIDE: an anaphor refers back), whatever place the rest of its
    clause names ("... the velocity in the internal carotid artery") or a
    word of its own names in general ("this calcified artery" after the
    circumflex's calcification). A plural after a singular ("these
    calcified granulomas" after a granuloma) may gather more than `prev`:
    not so."""
    if f.own_lesion or prev.section != f.section:
        return False
    if not _fits(side(f), side(prev)):
        return False
    lead = lead_list(f)
    while lead and lead[-1] in dr.by_phrase:  # "this heavily calcified artery"
        lead.pop()
    mine = set(site_words(dr, f.mention)) - dr.bare_words
    if not lead or (
        lead[-1] not in dr.demonstratives
        # "despite the calcified wall": 'the' before a part word only
        # (`lesion_definite_parts`) points back as 'this' does
        and not (lead[-1] == "the" and _part_only(dr, f))
    ):
        return False
    if _plural_head(f) is not None and _plural_head(prev) is None:
        return False
    return mine <= set(site_words(dr, f"{prev.site_text} {prev.site}"))


def _part_only(dr: DescriptorRules, f: Finding) -> bool:
    """Are the mention's words after its calcification word only a part word
    of `lesion_definite_parts` ("calcified wall"), and its site words that
    word, no place of its own clause ("the calcified wall of the common
    femoral artery" names its own)?"""
    words = WORD.findall(f.mention.lower())
    return (
        len(words) > 1
        and words[0] in dr.bare_words
        and set(words[1:]) <= dr.definite_parts
        and f.site_text.lower() in dr.definite_parts
    )


def _antecedent(
    dr: DescriptorRules, f: Finding, prev: Finding, earlier: list[Finding]
) -> Finding:
    """The finding an anaphor that names its own head noun ("The calcified
    plaque was removed") points back to: `prev`, the one named right before
    it in its state, unless `prev`'s sentence does not hold that noun and the
    sentence of one of the few earlier findings of its section does, the
    latest such ("The left common femoral artery contained a calcified
    plaque. The popliteal artery showed mild calcification."); GUIDE: an
    anaphor refers back to the calcification it names. Not a head that only
    says "calcified" nor a mention naming its own place."""
    if not f.anaphor or f.section != prev.section:
        return prev
    words = WORD.findall(f.mention.lower())
    if not words or words[-1] in dr.bare_words:
        return prev
    if f.site_text and f.site_text.lower() in f.mention.lower():
        return prev
    head = singular_words(words[-1])

    def holds(g: Finding) -> bool:
        return (
            head in singular_words(" ".join(WORD.findall(g.sentence.lower()))).split()
        )

    if holds(prev):
        return prev
    for g in reversed(earlier[-_LOOK_BACK:]):
        if g.section != f.section:
            break
        if g is not prev and holds(g):
            return g
    return prev


def _in_joint(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Are the two at the tissue about one joint and a tissue in it, the
    tendon, ligament, cartilage or muscle there, or the same tissue named
    only as soft tissue ("Calcification about the left elbow. The
    calcification lies within the triceps tendon.": the anaphor names its
    place more narrowly)?"""
    sites = {f.site, prev.site}
    return (
        sites <= dr.joint_sites
        and bool(dr.joint_envelopes & sites)
        and _same_joint(dr, f.sentence, prev.sentence)
    )


def _other_vessel(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Do two findings at one scored site (the coronary arteries) name
    different vessels, or one a vessel and the other the whole tree?"""
    return (
        f.site == prev.site
        and f.site in dr.score_sites
        and (sub_site(dr, f) != sub_site(dr, prev))
    )


def _sums_up(
    dr: DescriptorRules,
    f: Finding,
    at_site: list[_Lesion],
    pool: list[_Lesion],
    by_site: dict[tuple[str, _State], list[_Lesion]],
    found: _Lesion | None = None,
) -> bool:
    """Does an impression finding sum up several lesions of the findings
    rather than restate one (GUIDE: "incidental calcifications as
    described", "widespread vascular calcification" are lesions of their
    own)? So it does when it is bilateral or names no side after a left and
    a right lesion at its site (`at_site`) and none of both sides ("bilateral
    renal calcifications", "pelvic phleboliths" after the right's and the
    left's); when it
    names no site and its sentence refers to what was described, after two
    findings-section lesions or more (`pool`), or names a site and refers so
    after two lesions or more of other sections at its site, whatever place
    or side a clause after it lends it ("atherosclerotic calcification as
    above, with left popliteal occlusion"); and when its words name no
    vessel but "vascular", after two lesions of another section at vessel
    sites (`by_site`: the lesions by site and state), unless its words name
    the place only one of those lesions' sentences names. A phrase naming two
    places restates the first's lesion ("calcification of lungs and stomach"),
    as its site is the first's, unless `_joins_others` finds it sums up two
    lesions of the findings. `found`: the lesion it would restate, which,
    named by words over the vessels as a whole, it restates (GUIDE: the
    impression restating a finding shares its number)."""
    if f.own_lesion:
        return False
    if _lists_members(f, at_site):
        return True
    if _sums_up_site_plural(dr, f, at_site):
        # the leaflets a valve's disease names restate that lesion, not the
        # sum of it and another part's ("Aortic valve leaflets with nodular
        # calcification" after "calcific aortic stenosis" and the annulus's)
        return found is None or not _leaflets_of_disease(dr, found, f)
    if f.section != _RESTATING[1]:
        # a clinical note's sections are no findings and impression: a later
        # sentence of any of them may sum up its earlier sentences' lesions;
        # not an operation note's finding of no side, the operated side's
        return (
            f.section != _RESTATING[0]
            and not f.operated_side
            and _sums_sides(dr, f, at_site, note=True)
        )
    if _sums_up_plural(dr, f, at_site):
        return True
    if _sums_sides(dr, f, at_site):
        return True
    if not f.site:
        return len(pool) > 1 and dr.summary_words.search(f.sentence) is not None
    if dr.summary_words.search(f.sentence) is not None:
        # 'diffuse atherosclerotic calcification as above' after two lesions
        # of other sections at its site
        mine = [x for x in at_site if x.first and x.first.section != f.section]
        if len(mine) > 1:
            return True
    if (
        f.site in dr.vessel_sites
        and _names_vessels(dr, _own_site_words(dr, f))
        # 'left axillary vascular calcification' names one side's vessels
        and not (side(f) in ("left", "right") and said_side(dr, f))
    ):
        others = [x.first for x in _vascular(dr, by_site, f) if x.first is not None]
        # 'Diffuse vascular calcification' restates the one lesion of another
        # section named by words that name vessels as a whole and by the same
        # distribution term, which summed the others up already
        whole = [
            g
            for g in others
            if _names_vessels(dr, _own_site_words(dr, g))
            and f.distribution
            and set(g.distribution) == set(f.distribution)
        ]
        if len(whole) == 1 and found is not None and whole[0] is found.first:
            return False
        # 'subcutaneous vascular calcification' restates the one lesion
        # whose sentence names the subcutaneous vessels
        echoed = [g for g in others if _names_from(dr, f, g, places_only=True)]
        if len(echoed) > 1:
            # two of them in one sentence ("vascular calcification of the
            # femoral arteries and calcification of the subcutaneous
            # vessels"): the one whose own site words name the place
            echoed = [g for g in echoed if _names_from(dr, f, g, True, own=True)]
        return len(others) > 1 and len(echoed) != 1
    return False


# A bracket right after a mention, listing two members or more by "and" or
# commas, and no number (a size or a count says something else of it).
_MEMBER_LIST = re.compile(r"\s*\(([^()\d]+?(?:,|\band\b)[^()\d]+)\)")


def _lists_members(f: Finding, at_site: list[_Lesion]) -> bool:
    """Is the finding named in the plural with a bracket right after its
    mention that lists its members ("left extratesticular calcifications
    (scrotal pearl and epididymal head)"), after two lesions or more of other
    sentences at its site on a side that fits? It sums them up (GUIDE: a sum
    is a lesion of its own), though its side and site fit the first's."""
    at = mention_at(f)
    if at < 0 or _plural_head(f) is None:
        return False
    if _MEMBER_LIST.match(f.sentence, at + len(f.mention)) is None:
        return False
    apart = {
        x.lesion_id
        for x in at_site
        if x.last is not None and not _in_sentence(x.last, f) and _fits(x.side, side(f))
    }
    return len(apart) > 1


def _sums_sides(
    dr: DescriptorRules, f: Finding, at_site: list[_Lesion], note: bool = False
) -> bool:
    """Is the finding bilateral or of no side, after a right and a left lesion
    at its site and none of both sides ("bilateral renal calcifications", or
    "pelvic phleboliths" naming no side, after the right's and the left's)?
    It sums them up. The lesions are those of other sections, or with `note`
    (a clinical note's sections, no findings and impression) those of other
    sentences."""
    if side(f) not in ("bilateral", ""):
        return False
    # lesions at other sub-sites than the finding's tell nothing ('SMA origin
    # calcified plaque' after the right and left iliac arteries' plaques
    # restates the SMA's)
    sub = sub_site(dr, f)
    apart = [
        x
        for x in at_site
        if x.first
        and (not _in_sentence(x.last, f) if note else x.first.section != f.section)
        and _nests(x.sub, sub)
    ]
    # those named by the finding's own sub-site words, when there are, not
    # a wider name nesting in them ("the SFA" after the right superficial
    # femoral artery's and the left common femoral's: it names one vessel)
    # (each of the others naming its own, a lesion naming none may be any)
    alike = [x for x in apart if sub and x.sub == sub]
    sides = {x.side for x in (alike if all(x.sub for x in apart) else ()) or apart}
    if not {"left", "right"} <= sides or "bilateral" in sides:
        return False
    # ... unless, naming no side, its words are those of one of them only
    # ('dystrophic calcifications' after the left breast's and a right oil
    # cyst): it restates that one, as the impression restating in the
    # findings' own words does; in a note, words that only say
    # "calcification" name neither ("arterial calcification" after a left
    # renal artery's calcification and a right one's plaque)
    words = singular_words(core(dr, f))
    worded = [x for x in apart if words in {singular_words(w) for w in x.cores}]
    bare = note and not names_a_lesion(dr, f)
    return bool(side(f)) or len(worded) != 1 or bare


def _sums_up_plural(dr: DescriptorRules, f: Finding, at_site: list[_Lesion]) -> bool:
    """Is the impression finding named in the plural ("calcified mesenteric
    nodes") at a site where the findings section named two lesions or more
    its sub-site and side fit ("a calcified mesenteric node ... Another
    calcified mesenteric node")? It sums them up (GUIDE: an impression
    phrase that sums up several lesions of the findings is a lesion of its
    own). Not at a scored site: the whole tree and its vessels."""
    plural = _plural_head(f)
    head = plural or _disease_head(dr, f)
    if head is None or not f.site or f.site in dr.score_sites:
        return False
    if head in dr.mass_plurals:
        return False
    sub = sub_site(dr, f)
    fitting = [
        x
        for x in at_site
        if x.first is not None
        and x.first.section == _RESTATING[0]
        and _nests(x.sub, sub)
        and _fits(x.side, side(f))
        # a valve part or segment the plural does not name is not summed up
        # ("calcified mitral leaflets" after the leaflets' and the chordae's)
        and not _segments_apart(x, f)
    ]
    # one of them named by the same plural words is the one it restates
    # ("multiple calcifications, typical of phleboliths" and "pelvic phleboliths"),
    # and so is the one named in the plural when the others were named in the
    # singular (`_plural_of`: "numerous calcified brain lesions" after
    # "multiple calcified granulomas" and "a calcified scolex")
    if any(head in _heads(x) for x in fitting):
        more = [
            x
            for x in at_site
            if x.first is not None
            and x.first.section == _RESTATING[0]
            and _nests(x.sub, sub)
            and (side(f) == "bilateral" or _fits(x.side, side(f)))
        ]
        if not _one_more_of(dr, more, head):
            return False
        fitting = more
    if head != plural and not dr.host_parts & set(sub.split()):
        # the disease of the organ names its own lesions, not the wall of a
        # cyst or collection in it ("calcific pancreatitis" after the body's
        # calcifications and a pseudocyst's calcified rim restates the body's)
        fitting = [x for x in fitting if not dr.host_parts & set(x.sub.split())]
    return len(fitting) > 1 and not _plural_of(dr, fitting, f)


def _one_more_of(dr: DescriptorRules, fitting: list[_Lesion], head: str) -> bool:
    """Is one of the lesions the plural would sum up named in the singular of
    that plural by words that call it another of them ("Calcified pleural
    plaques ... A further calcified pleural plaque ...")? The findings then
    count it beside the ones named in the plural: the plural names both (GUIDE:
    an impression phrase that sums up several lesions is a lesion of its
    own; a mention its own words call another is not the lesion before it)."""
    one = singular_words(head)
    return any(
        x.first is not None
        and one in _heads(x)
        and head not in _heads(x)
        and names_another(dr, x.first)
        for x in fitting
    )


def _sums_up_site_plural(
    dr: DescriptorRules, f: Finding, at_site: list[_Lesion]
) -> bool:
    """Is the finding of no side, its mention no plural, named by site words
    that end in a plural ("symptomatic leiomyomata, both calcified": the
    plural is the site's word, not the mention's), after two lesions or more
    of other sections at its site whose sub-sites fit its own? It sums them
    up, as a plural mention does (`_sums_up_plural`). Not calcium named in
    bulk, nor at a vessel site (the plural names the vessels: "medial
    calcification of the tibial arteries"). The plural's own word is no
    place that sets sub-sites apart."""
    if side(f) or _plural_head(f) is not None or f.site in dr.vessel_sites:
        return False
    words = WORD.findall(f.site_text.lower())
    if not words or not plural(words[-1]) or words[-1] in dr.mass_plurals:
        return False
    head = singular_words(words[-1])
    sub = " ".join(w for w in sub_site(dr, f).split() if w != head)
    apart = {
        x.lesion_id
        for x in at_site
        if x.first is not None and x.first.section != f.section and _nests(x.sub, sub)
    }
    return len(apart) > 1


def _plural_head(f: Finding) -> str | None:
    """The last word of the finding's mention when it is a plural, else None."""
    words = WORD.findall(f.mention.lower())
    return words[-1] if words and plural(words[-1]) else None


def _disease_head(dr: DescriptorRules, f: Finding) -> str | None:
    """The last word of the finding's mention when it names the disease of a
    whole organ or tissue (`lesion_organ_diseases`: "calcific pancreatitis"),
    which, as a plural does, may sum up several lesions of it; else None."""
    words = WORD.findall(f.mention.lower())
    return words[-1] if words and words[-1] in dr.organ_diseases else None


def _head(f: Finding) -> str:
    """The last word of the finding's mention, lower case, in the singular."""
    words = WORD.findall(f.mention.lower())
    return singular_words(words[-1]) if words else ""


def _heads(x: _Lesion) -> set[str]:
    """The last words of the mentions of the lesion's first, last and told
    findings, lower case."""
    found = [x.first, x.last, *x.told.values()]
    return {w[-1] for g in found if g and (w := WORD.findall(g.mention.lower()))}


def _names_from(
    dr: DescriptorRules,
    f: Finding,
    g: Finding,
    places_only: bool = False,
    own: bool = False,
) -> bool:
    """Does the finding's mention hold a word of four letters or more, no
    descriptor term nor side word, whose first five letters a word of `g`'s
    sentence starts with ("axillary vascular calcification" and "vascular
    calcifications project over both axillae")? With `places_only`, a word
    naming the wall's disease does not count: it names no place that tells
    one of several vessel lesions from the others ("atherosclerotic vascular
    calcifications" after "atherosclerotic calcification of the aortic knob"
    and the coronary arteries' calcification sums the two up). With `own`,
    only `g`'s site words and mention count, not the rest of its sentence."""
    drop = dr.unnaming_stems_of_places if places_only else dr.unnaming_stems
    mine = {w[:5] for w in WORD.findall(f.mention.lower()) if len(w) > 3} - drop
    said = f"{g.site_text} {g.mention}" if own else g.sentence
    theirs = {w[:5] for w in WORD.findall(said.lower())}
    return bool(mine & theirs)


def _own_site_words(dr: DescriptorRules, f: Finding) -> str:
    """The finding's site words, or its mention's words but those that only
    say "calcified" when they are not its sentence's but taken from another
    ("Severe vascular calcification." given the splenic artery of the
    findings: the mention names the place)."""
    if f.site_text and f.site_text.lower() not in f.sentence.lower():
        words = WORD.findall(f.mention.lower())
        return " ".join(w for w in words if w not in dr.bare_words)
    return f.site_text


def _names_vessels(dr: DescriptorRules, site_text: str) -> bool:
    """Do a vessel finding's site words name vessels as a whole and no vessel
    or part of one ("vascular calcification"; not "wall calcification" of an
    aneurysm, the aorta's own lesion, nor "left renal arterial")?"""
    words = set(site_text.lower().split())
    return bool(words & dr.whole_vessel_words) and not site_words(dr, site_text)


def _places_of(dr: DescriptorRules, x: _Lesion) -> frozenset[str]:
    """The place words (`stems`) of the lesion: its sites, its sub-site
    (a label's: "Tibial arteries: ...") and the site words of its first
    finding; the places its first mention names at a node site
    (`mention_places`: "calcified subcarinal and paratracheal nodes" are
    mediastinal); and at a joint's tissues the joint its first finding's
    label or sentence names ("RIGHT HIP: , periarticular calcification
    about the greater trochanter": the hip, `joint_words`)."""
    key = (x.sub, len(x.sites))
    if x.places is not None and x.places[0] == key:
        return x.places[1]
    g = x.first
    if g is None:
        return frozenset(stems(dr, " ".join([x.sub, *sorted(x.sites)])))
    said = [g.site_text, x.sub, *sorted(x.sites), mention_places(dr, g)]
    found = stems(dr, " ".join(said))
    if x.site in dr.joint_sites:
        joint = f"{x.label_of.get(g.finding_id, '')} {g.sentence}"
        found |= joint_stems(dr, joint)
    x.places = (key, frozenset(found))
    return x.places[1]


def _led_places(dr: DescriptorRules, x: _Lesion, own: set[str]) -> set[str]:
    """The place words (`stems`) a link word leads to right after the
    mention of the lesion's first finding ("Vascular calcifications in the
    left axilla", "Another calcification in the tail": `trailing_sub`), but
    for those of `own`, the place the impression finding's own link word
    leads to first ("calcification in the lateral thigh soft tissues, not
    attached to bone" names the thigh as its own place, no other's)."""
    first = x.first
    if first is None:
        return set()
    if x.led is None:
        x.led = frozenset(stems(dr, x.place_of.get(first.finding_id, "")))
    return set(x.led - own)


def _joins_others(
    dr: DescriptorRules,
    f: Finding,
    found: _Lesion,
    lesions: Iterable[_Lesion],
    span: tuple[int, int, int],
    text: str = "",
) -> bool:
    """Does a finding whose phrase joins places ("hepatic and splenic
    calcifications", "calcified lesions of the LAD and RCA") name, besides
    the place of the lesion of another sentence it would restate (`found`),
    the place of another lesion of another sentence in its state (GUIDE: an
    impression phrase that sums up several lesions of the findings is a
    lesion of its own; a clinical note follows the same rule across all its
    sections, and a later sentence of one section sums up as well)? A place
    the other lesion shares with `found` ("artery", "lobe") tells nothing;
    its side must fit. A sentence naming the places as one process
    ("metastatic calcification of lungs and stomach") restates the first. `span`: where the finding's mention starts,
    where its phrase may run to and where the finding before it in its
    sentence ends (`joined_places`: "pancreatic head and tail
    calcifications" joins the places before its mention); `text`, the
    report's, for a list of places a colon opens after the mention
    (`_colon_list`)."""
    first = found.first
    if first is None or _in_sentence(first, f):
        return False
    if f.rule_id in dr.score_rules and first.rule_id in dr.score_rules:
        # a total score restating the findings' total names the whole tree,
        # whichever vessel its sentence says most of it lies in
        return False
    if dr.process_words.search(f.sentence):
        return False
    words = joined_places(dr, f, *span) or _colon_list(dr, f, text)
    if not words:
        return False
    if _names_every(dr, f, span) and any(
        x is not found
        and x.state == found.state
        and x.first is not None
        and x.first.section != f.section
        and f.site in x.sites
        for x in lesions
    ):
        # 'the left main and all three coronary arteries' after lesions of
        # two vessels or more
        return True
    mine = _places_of(dr, found)
    if not found.sites:
        # a lesion named with no site ("calciphylaxis") has for its place the
        # first the phrase names ("Calciphylaxis of the left thigh, improving
        # clinically"): only the places after a join are others'
        head = f.sentence[max(span[0], 0) : span[1]]
        join = dr.place_joins.search(head)
        if join is not None:
            mine = mine | stems(dr, head[: join.start()])
    own = stems(dr, found.place_of.get(f.finding_id, ""))
    unsided = _unsided_after_join(dr, f)
    return any(
        x is not found
        and x.state == found.state
        and x.first is not None
        and not _in_sentence(x.first, f)
        and (
            side(f) == "bilateral"
            or _fits(x.side, side(f))
            or bool((_places_of(dr, x) - mine) & unsided)
        )
        and ((_places_of(dr, x) | _led_places(dr, x, own)) - mine) & words
        for x in lesions
    )


def _unsided_after_join(dr: DescriptorRules, f: Finding) -> set[str]:
    """The place words (`stems`) a mention names after a word that joins
    places, when its side word comes before that word and none after it
    ("Left adrenal and mesenteric nodal calcifications": the side is the
    adrenal's, the mesenteric nodes' is unsaid); empty else."""
    join = dr.place_joins.search(f.mention)
    if join is None:
        return set()
    head, tail = f.mention[: join.start()], f.mention[join.end() :]
    if not dr.side_words & set(WORD.findall(head.lower())):
        return set()
    if dr.side_words & set(WORD.findall(tail.lower())):
        return set()
    return stems(dr, tail)


# Where a list of places a colon opens after a mention ends: a full stop (no
# decimal point), a bracket or a line's end; and how far it may run.
_LIST_END = re.compile(r"\.(?!\d)|[()\n]")
_LIST_REACH = 200


def _colon_list(dr: DescriptorRules, f: Finding, text: str) -> set[str]:
    """The place words (`stems`) of the mention and of a list of places a
    colon right after it opens in the report `text`, its items set apart by
    semicolons ("Dystrophic calcinosis: elbows, subcutaneous, bilateral;
    left thigh, fascial and cutaneous"): the phrase names every place of
    the list (GUIDE: an impression phrase that sums up several lesions is a
    lesion of its own). Empty when no such list follows (one item, no
    semicolon: "Coronary calcification: moderate")."""
    if not text or text[f.start : f.end].lower() != f.mention.lower():
        return set()
    if not text.startswith(":", f.end):
        return set()
    tail = text[f.end + 1 : f.end + 1 + _LIST_REACH]
    stop = _LIST_END.search(tail)
    items = tail[: stop.start() if stop else len(tail)]
    if ";" not in items:
        return set()
    return stems(dr, f"{f.mention} {items}")


def _names_every(dr: DescriptorRules, f: Finding, span: tuple[int, int, int]) -> bool:
    """Does the finding's own phrase, from its mention to the next finding of
    its sentence (`span`), name every place of a kind by a word of
    `lesion_every_words` before a count and a place word in the next two
    words ("in all three vessels and the ramus", "all 3 major coronary
    arteries", "of all three cusps"; not "with all 3 stents patent")?"""
    at, stop, _ = span
    if at < 0:
        return False
    words = WORD.findall(f.sentence[at:stop].lower())
    return any(
        w in dr.every_words
        and (words[k + 1].isdigit() or words[k + 1] in dr.lesion_count_words)
        and any(_place_word(dr, f, p) for p in words[k + 2 : k + 4])
        for k, w in enumerate(words[:-1])
    )


def _place_word(dr: DescriptorRules, f: Finding, word: str) -> bool:
    """Does the word name places: vessels as a whole, a part of a site
    (cusps, leaflets), a place the site synonyms know, or the finding's
    site by its name ("coronary")?"""
    if word in dr.whole_vessel_words or word in dr.synonyms:
        return True
    said = set(site_words(dr, word))
    known = dr.part_heads | dr.part_words | dr.synonym_words | name_words(dr, f.site)
    return bool(said & known)


def _over_every(dr: DescriptorRules, f: Finding) -> bool:
    """Does the finding's phrase, from its mention to the first comma or
    semicolon after it, name every place of a kind (`_names_every`: "of all
    three cusps")?"""
    at = mention_at(f)
    if at < 0:
        return False
    ends = [
        k for k in (f.sentence.find(c, at + len(f.mention)) for c in ",;") if k >= 0
    ]
    return _names_every(dr, f, (at, min(ends, default=len(f.sentence)), 0))


def _counts_more(dr: DescriptorRules, f: Finding, x: _Lesion) -> bool:
    """Does the finding name several in the plural where the lesion it would
    restate was named in the singular only: by a count ("Two parenchymal
    calcifications" after "a punctate calcification"), or by the plural of
    the lesion noun (`lesion_nouns`) it was named by ("Stable calcified
    granulomas" after "the calcified granuloma"; not "calcifications",
    calcium in bulk, nor a part, "leaflets")?
    Several are no restatement of one (GUIDE: an impression phrase that sums
    up several lesions of the findings is a lesion of its own). A singular
    found on both sides ("calcified granuloma in the RUL and LLL") names
    one on each: the plural restates it."""
    head = _plural_head(f)
    hosts = _in_plural_hosts(dr, f) if head is None else ""
    if hosts:
        # "hepatic metastases with calcification", "calcification of the
        # treated nodal masses": in several lesions, not one named otherwise
        # (a lesion named in those lesions too, or by that noun, it restates)
        if hosts in _heads(x):
            return False
        told = (g for g in (x.first, x.last, *x.told.values()) if g is not None)
        return not any(_in_plural_hosts(dr, g) for g in told)
    if head is None:
        # "calcification in two fibroids": a count of the lesions it lies in
        return _in_counted(dr, f) and not any(plural(w) for w in _heads(x))
    heads = _heads(x)
    if any(plural(w) for w in heads):
        return False
    if x.first is not None and side(x.first) == "bilateral":
        return False
    if names_a_count(dr, f):
        # calcium named in bulk with no article ("Pancreatic calcification
        # found on CT") is no count of one: the count restates it
        return not _bulk_only(dr, x)
    return head in dr.lesion_nouns and singular_words(head) in heads


# The words before a mention that count it as one ("a calcification"), and
# how many words before it are read for them.
_ONE = frozenset(("a", "an", "one", "single", "another", "solitary"))
_LEAD_WORDS = 5


def _bulk_only(dr: DescriptorRules, x: _Lesion) -> bool:
    """Was the lesion named only by the singular of a word that names calcium
    in bulk (`lesion_mass_plurals`: "calcification"), with no article or
    "one" before it ("Pancreatic calcification found on CT"; not "a punctate
    calcification")? Such a name counts nothing: a later count of several
    ("two punctate calcifications") may restate it."""
    bulk = {singular_words(w) for w in dr.mass_plurals}
    found = [g for g in (x.first, x.last, *x.told.values()) if g is not None]
    for g in found:
        words = WORD.findall(g.mention.lower())
        if not words or words[-1] not in bulk:
            return False
        at = mention_at(g)
        if at < 0:
            return False
        # the words of its noun phrase before it, sizes and shapes between
        # ("A 6 mm calcification", "a punctate calcification")
        lead = re.split(r"[.,;:()]", g.sentence[:at])[-1].lower()
        if _ONE & set(WORD.findall(lead)[-_LEAD_WORDS:]):
            return False
    return bool(found)


# A count of plural things a link word right after the mention leads to
# ("calcification in two fibroids", "calcifications of three nodes").
_COUNTED = re.compile(r"\s+(?:in|of|within)\s+(\w+)\s+([\w-]+)")


# The plural lesion a link word right after the mention leads to, past an
# article and up to two words ("calcification of the treated nodal masses"),
# and the one a "with" right before it gives it to ("hepatic metastases with
# calcification", a shape word between).
_HOST_AFTER = re.compile(r"\s+(?:in|of|within)\s+(?:the\s+|both\s+)?((?:[\w-]+\s+){0,2}[\w-]+)")
_HOST_BEFORE = re.compile(r"([\w-]+)\s+with\s+(?:[\w-]+\s+)?$")


def _in_plural_hosts(dr: DescriptorRules, f: Finding) -> str:
    """The plural lesion noun (`lesion_nouns`, `host_lesions`) of the lesions
    the calcification lies in, by a link word after the mention or a "with"
    before it ("Partial response of hepatic metastases with calcification",
    "Calcification of the treated nodal masses"): the phrase names a
    calcification in each, several lesions (GUIDE: an impression phrase
    that sums up several lesions is a lesion of its own); empty else, and
    for a mention naming its own lesion noun."""
    at = mention_at(f)
    if at < 0 or _plural_head(f) is not None:
        return ""
    hosts = dr.lesion_nouns | dr.host_lesions
    after = _HOST_AFTER.match(f.sentence, at + len(f.mention))
    if after is not None:
        words = WORD.findall(after.group(1).lower())
        if words and words[-1] in hosts and plural(words[-1]):
            return words[-1]
    before = _HOST_BEFORE.search(f.sentence[:at])
    if before is not None:
        word = before.group(1).lower()
        if word in hosts and plural(word):
            return word
    return ""


def _in_counted(dr: DescriptorRules, f: Finding) -> bool:
    """Does a link word right after the mention lead to a count of two or
    more lesions it lies in (`lesion_count_words`, a plural after it:
    "Fibroid uterus; calcification in two fibroids")? The phrase names a
    calcification in each: several lesions, none of them alone."""
    at = mention_at(f)
    if at < 0:
        return False
    m = _COUNTED.match(f.sentence, at + len(f.mention))
    return (
        m is not None
        and m.group(1).lower() in dr.lesion_count_words
        and plural(m.group(2).lower())
    )


def _coordinated(dr: DescriptorRules, findings: list[Finding]) -> set[str]:
    """The ids of the findings that "and" ("as well as") joins to the finding
    right before them in their sentence ("myocardial calcification and
    pericardial calcification"), no semicolon nor restating or differential
    link between the two: a finding its sentence then names as what the
    second is ("..., consistent with metastatic calcification") names what
    both are, and sums them up (`_group_all`)."""
    out: set[str] = set()
    for g, h in zip(findings, findings[1:], strict=False):
        gap = _gap(g, h) if _in_sentence(g, h) else None
        if gap is None:
            continue
        if ";" in gap or dr.restating.search(gap) or dr.differential.search(gap):
            continue
        if any(m.group() != "," for m in dr.place_joins.finditer(gap)):
            out.add(h.finding_id)
    return out


def _spans(findings: list[Finding]) -> dict[str, tuple[int, int, int]]:
    """For each finding, where its mention starts in its sentence
    (`mention_at`: a mention's words may come twice, "basal ganglia
    calcifications and cerebellar calcifications"), where the next finding
    of the sentence starts (the sentence's end for the last), and where the
    mention of the finding before it in the sentence ends (0 for the first,
    at least 1 for another, -1 when its mention is not found)."""
    out: dict[str, tuple[int, int, int]] = {}
    for i, f in enumerate(findings):
        at, stop, begin = mention_at(f), len(f.sentence), 0
        after = findings[i + 1] if i + 1 < len(findings) else None
        if after is not None and _in_sentence(after, f):
            # where its words are not found as written, by the offsets
            nxt = mention_at(after)
            stop = nxt if nxt >= 0 else at + after.start - f.start
        if i and _in_sentence(findings[i - 1], f):
            before = findings[i - 1]
            begin = max(at - (f.start - before.end), 1) if at >= 0 else -1
        out[f.finding_id] = (at, stop, begin)
    return out


# How many words before a finding's site words its noun phrase may reach
# back over for the place words that modify them.
_MODIFIER_REACH = 5


def _modifier_sub(dr: DescriptorRules, f: Finding, text: str) -> str:
    """The place words (`site_synonyms`) of the noun phrase the finding's site
    words head, when those words name no place of their own (a shared word,
    `site_word_drops`: 'parenchyma', 'nodule', 'wall'): the words the
    site reading left before them ("the upper pole parenchyma", "a left
    lower pole nodule": the upper, the lower pole). Different sub-sites of
    one organ are different lesions (GUIDE: lesion). The phrase runs back up
    to a few words, to a punctuation mark or a word that names no place
    ('of', 'in', 'the'); empty when the site words' place is not in the
    text."""
    own = set(WORD.findall(f.site_text.lower()))
    if not own or not own <= dr.site_word_drops or f.site in dr.vessel_sites:
        # site words that name a place of their own; or a vessel's wall,
        # which is the vessel (`lesion_host_parts`)
        return ""
    marks = [(a, b) for a, b, kind in f.marks if kind == "site"]
    if not text or not marks:
        return ""
    start = marks[0][0]
    before = text[max(0, start - 80) : start]
    words: list[str] = []
    for token in reversed(re.findall(r"\w+|[^\w\s]", before.lower())[-_MODIFIER_REACH:]):
        if not token[0].isalnum() or token in dr.site_word_drops:
            break
        words.append(token)
    name = name_words(dr, f.site)
    # an ordinal that counts the lesion ("a second fibroid": lesion_other_words)
    # names no place
    placed = [
        w
        for w in reversed(words)
        if w in dr.synonym_words
        and w not in dr.side_words
        and w not in name
        and w not in dr.other_words
    ]
    if not placed:
        # none before: the place a link word leads right after them ("a second
        # fibroid in the posterior fundus"), to a clause break or a verb
        return _place_after_words(dr, text[marks[0][1] : marks[0][1] + 80], name)
    return " ".join(w for w in site_words(dr, " ".join(placed)) if w not in name)


def _place_after_words(dr: DescriptorRules, rest: str, name: frozenset[str]) -> str:
    """The sub-site words of the place a link word (`lesion_place_links`)
    leads right at the start of `rest`, up to a clause break, a period, a
    verb or what says how the place looks (`_place_only`); empty when no
    link word opens `rest` or the place joins places ("in the fundus and
    the body")."""
    led = linked_place(dr, rest.lstrip(), r"[.()\n]", verbs=True)
    if led is None:
        return ""
    place = place_only(dr, led)
    if dr.place_joins.search(place):
        return ""
    words = [w for w in site_words(dr, place) if w not in dr.side_words]
    return " ".join(w for w in words if w not in name and w not in dr.other_words)


def _own_part(dr: DescriptorRules, f: Finding) -> str:
    """The part (`lesion_part_heads` led by `lesion_part_words`) the
    finding's own mention names when its site words lie outside the mention
    and name no part ("Stable MAC with new posterior leaflet calcification":
    the posterior leaflet, not the annulus; GUIDE: a valve's annulus and its
    leaflets are different lesions); empty else."""
    words = WORD.findall(f.mention.lower())
    if not dr.part_heads & set(words) or dr.part_heads & set(
        WORD.findall(f.site_text.lower())
    ):
        return ""
    marks = [(a, b) for a, b, kind in f.marks if kind == "site"]
    if not marks or any(a < f.end and b > f.start for a, b in marks):
        return ""
    part = [w for w in words if w in dr.part_heads or w in dr.part_words]
    if not dr.part_words & set(part):
        return ""  # "the calcified cusps": all of them, no one part
    name = name_words(dr, f.site)
    return " ".join(w for w in site_words(dr, " ".join(part)) if w not in name)


def _placed_words(dr: DescriptorRules, sub: str) -> str:
    """The sub-site words without those that only say something is
    calcified (`lesion_bare_words`): a mention that names its site by itself
    ("annular calcification", site words the whole mention) names no part
    of that site with "calcification" (GUIDE: lesion, words that only say
    "calcified" are no sub-site)."""
    return " ".join(w for w in sub.split() if w not in dr.bare_words)


# A place word alone after a comma closing the sentence (", perihilar.").
_CLOSING_PLACE = re.compile(r",\s*([A-Za-z]+)\s*\.?\s*$")


def _closing_place(dr: DescriptorRules, f: Finding, sub: str) -> str:
    """The sub-site, with the place a single word after a comma closing the
    finding's sentence adds to it ("calcified nodule in the left upper lobe,
    perihilar": the upper lobe by the hilum), where the sub-site is said."""
    m = _CLOSING_PLACE.search(f.sentence)
    if not sub or m is None or m.start() < mention_at(f) + len(f.mention):
        return sub
    place = dr.synonyms.get(m.group(1).lower(), "")
    if not place or set(place.split()) <= set(sub.split()):
        return sub
    return f"{sub} {place}"


# What parts the members of a list: a comma and "and" or "or", a semicolon.
_LIST_BREAK = re.compile(r"(?:,\s*(?:and|or)|;)(?!\w)", re.I)


def _own_place_over(dr: DescriptorRules, f: Finding, sub: str, place_of: _PerFinding) -> str:
    """At a vessel site, the sub-site of the place a link word leads to
    right after the mention ("and diffuse calcification of the
    infrapopliteal vessels": the tibial arteries) instead of `sub`, when the
    finding's site words all come before the mention, a break between
    list members between them and it, no label's colon ("reconstitution of
    the below-knee popliteal artery, and ...": another member's vessel), and the two places do not
    nest: the mention's own place is where its calcification is (GUIDE:
    lesion, different sub-sites are different lesions); `sub` else."""
    if not sub or f.site not in dr.vessel_sites:
        return sub
    marks = [(a, b) for a, b, kind in f.marks if kind == "site"]
    if not marks or any(b > f.start for _a, b in marks):
        return sub
    at = mention_at(f)
    if at < 0:
        return sub
    opens = f.start - at
    gap = f.sentence[max(b for _a, b in marks) - opens : at]
    if _LIST_BREAK.search(gap) is None or ":" in gap:
        return sub
    own = place_of.get(f.finding_id)
    return own if own and not _nests(own, sub) else sub


# How many words before the last name word of its site a sentence's closing
# place may reach back over, to an article ("exposed the left popliteal artery").
_CLOSING_REACH = 4


def _pronoun_sub(dr: DescriptorRules, f: Finding, text: str) -> str:
    """For a finding whose sentence opens with a pronoun subject ("It was
    soft apart from the calcification on its back wall") and whose own words
    name no sub-site, the sub-site of the place the sentence before it
    ends by naming at the finding's site ("A medial
    below-knee incision exposed the left popliteal artery."): "it" stands
    for that place (GUIDE: lesion, "It was heavily calcified" after "the
    left superficial femoral artery was exposed" is the artery's one
    lesion). The place runs back from the site's last name word to an
    article or anaphor within a few words; empty else."""
    first = WORD.match(f.sentence.lstrip().lower())
    if not text or first is None or first.group() not in dr.predicate_pronouns:
        return ""
    at = mention_at(f)
    opens = f.start - at
    if at < 0 or text[opens : opens + len(f.sentence)] != f.sentence:
        return ""
    before = text[max(0, opens - 300) : opens].rstrip()
    if not before.endswith("."):
        return ""
    prior = re.split(r"[.;:\n]", before[:-1])[-1]
    words = WORD.findall(prior.lower())
    name = name_words(dr, f.site)
    ends = [k for k, w in enumerate(words) if singular_words(w) in name]
    if not ends or ends[-1] != len(words) - 1:
        return ""  # the sentence ends naming another thing
    lead = words[max(0, ends[-1] - _CLOSING_REACH) : ends[-1]]
    opened = [k for k, w in enumerate(lead) if w in dr.anaphors]
    if not opened:
        return ""
    place = " ".join(w for w in lead[opened[-1] + 1 :] if w not in dr.side_words)
    return " ".join(w for w in site_words(dr, place) if w not in name)


def _said_sub_site(
    dr: DescriptorRules, f: Finding, text: str, found_in: list[tuple[int, int]]
) -> str:
    """`sub_site`, unless an affirmed finding's site words name a vessel
    that neither its whole sentence (which names no place, `_names_a_place`)
    nor any sentence holding a finding (`found_in`) names last: "The RCA
    was normal. A stent was placed leaving a small residual calcified
    plaque." The vessel the site stage took from that sentence is the
    site's evidence, not the finding's own segment, and the plaque may be
    any lesion of the site named before (GUIDE: lesion, a finding that
    leaves the place unsaid restates the lesion; guide "Site and side from
    context": a clause about another structure gives no place)."""
    if f.site not in dr.vessel_sites or not f.site_text or not text or f.negated:
        return sub_site(dr, f)  # a denial names no calcification to restate
    whole = _whole_sentence(text, f)
    if f.site_text.lower() in whole.lower() or _names_a_place(dr, whole):
        return sub_site(dr, f)
    named = text.lower().rfind(f.site_text.lower(), 0, f.start)
    if named < 0 or any(lo <= named < hi for lo, hi in found_in):
        return sub_site(dr, f)  # the vessel of a calcification named before
    return ""


# what ends a sentence for `_whole_sentence`: a stop before a blank (not a
# decimal point) or a line break; a semicolon does not
_SENTENCE_STOP = re.compile(r"\.(?=\s)|\n")


def _whole_sentence(text: str, f: Finding) -> str:
    """The finding's sentence, past the semicolons that split it into
    clauses: from the stop before the mention to the stop after it."""
    lo, hi = _whole_span(text, f)
    return text[lo:hi]


def _whole_span(text: str, f: Finding) -> tuple[int, int]:
    """Where `_whole_sentence` starts and ends in the report."""
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, max(0, f.start - 400), f.start)]
    stop = _SENTENCE_STOP.search(text, f.end)
    return stops[-1] if stops else max(0, f.start - 400), stop.start() if stop else len(text)


def _names_a_place(dr: DescriptorRules, sentence: str) -> bool:
    """Does a sentence name a vessel, a segment or a vessel as a whole ("the
    mid vessel"), or open by pointing back ("It was soft with only minimal
    calcification" after the brachial artery was exposed) or by "the" and
    its own subject ("The profunda had mild calcification")? Such a
    sentence goes on about a vessel; one that does none of these speaks of
    no place."""
    if dr.segments.search(sentence) or dr.vessel_words.search(sentence):
        return True
    words = WORD.findall(sentence.lower())
    pointers = dr.anaphors | dr.predicate_pronouns
    return bool(words) and words[0] in pointers or bool(dr.whole_vessel_words & set(words))


def _sub_of(
    dr: DescriptorRules, f: Finding, text: str, found_in: list[tuple[int, int]]
) -> str:
    """The finding's sub-site: its site words', else its sentence subject's
    (`subject_sub`), else its label's (under "Popliteal artery:", "The
    peroneal and tibial arteries are calcified" names its own vessels); the
    subject's too when it holds the site words' and names more ("The common
    femoral artery was also calcified", its site words "femoral artery")."""
    sub = part_subject_sub(dr, f) or _own_part(dr, f) or _placed_words(dr, _said_sub_site(dr, f, text, found_in))
    if not sub:
        return (
            _modifier_sub(dr, f, text)
            or subject_sub(dr, f)
            or owner_sub(dr, f)
            or label_sub(dr, f, text)
            or mention_sub(dr, f)
            or _pronoun_sub(dr, f, text)
        )
    subject = subject_sub(dr, f)
    return subject if set(sub.split()) < set(subject.split()) else sub


def group(dr: DescriptorRules, findings: list[Finding], text: str = "") -> None:
    """Set `lesion_id` on every finding of one report, in text order
    (`text`: the report's, for the labels ahead of its findings).

    Lesions are looked up by site and state and by the words that name them,
    so a report of thousands of findings is grouped in linear time.
    A report's only finding is a lesion of its own (no earlier lesion to
    restate), numbered by its finding id as the first lesion of any report is."""
    if len(findings) == 1:
        findings[0].lesion_id = findings[0].finding_id
        return
    _segments_before(dr, findings, text)
    _group_all(dr, findings, text)
    _anaphor_sites(dr, findings)
    _anaphor_lesions(dr, findings)
    _resolved_since(findings)
    _restated_causes(findings)


# How far back the sentence before a "the lesion" sentence may start, and how
# far before its vessel's name that sentence's segment words may stand.
_BEFORE_REACH = 300
_SEGMENT_REACH = 20


def _segments_before(dr: DescriptorRules, findings: list[Finding], text: str) -> None:
    """Give a finding at a vessel site whose sentence opens with "the" and a
    narrowing noun (`lesion_segment_anaphors`) and names no place of its own
    before its mention ("the lesion is heavily calcified") the segment words
    the sentence right before it names before the finding's vessel ("The
    proximal RCA is totally occluded;", "There is an 80% stenosis in the mid
    LAD."): the lesion is that narrowing, at that segment (GUIDE: lesion, the
    ostial vs the proximal segment of one coronary artery are different
    lesions)."""
    if not text:
        return
    for f in findings:
        if f.segment or f.site not in dr.segment_sites or not f.site_text:
            continue
        at = mention_at(f)
        words = WORD.findall(f.sentence[: max(at, 0)].lower())
        if len(words) < 2 or words[0] != "the" or words[1] not in dr.segment_anaphors:
            continue
        if f.site_text.lower() in f.sentence.lower() or dr.segments.search(f.sentence):
            continue  # "the lesion in the mid LAD": its own place
        opens = f.start - at
        if text[opens : opens + len(f.sentence)] != f.sentence:
            continue
        before = text[max(0, opens - _BEFORE_REACH) : opens].rstrip()
        if not before.endswith((".", ";")):
            continue
        prior = re.split(r"[.;:\n]", before[:-1])[-1]
        k = prior.lower().rfind(f.site_text.lower())
        if k < 0:
            continue
        found = dr.segments.findall(prior[max(0, k - _SEGMENT_REACH) : k])
        named = [dr.synonyms.get(w.lower(), w.lower()) for w in found]
        f.segment = " ".join(dict.fromkeys(named))


def _resolved_since(findings: list[Finding]) -> None:
    """A finding the history quotes from an earlier study ("her neck
    ultrasound showed a 3 mm echogenic focus, read as a possible
    calcification"), with no change word of its own, no later finding
    restating it and no other present one at its site named by its head
    noun, that a later finding at its site, on a side that fits and named
    by the same head noun says has resolved ("The possible thyroid
    calcification has resolved"), was seen before and is gone now:
    historical (GUIDE: historical, seen before, gone now)."""
    resolved = [f for f in findings if f.negated and f.change == "resolved"]
    if not resolved:
        return
    count = Counter(f.lesion_id for f in findings)
    for g in findings:
        if g.section != _HISTORY or g.negated or g.historical or g.change or not g.site:
            continue
        if count[g.lesion_id] > 1:
            continue  # named again: seen since
        if any(
            h is not g
            and not h.negated
            and h.site == g.site
            and _fits(side(h), side(g))
            and _head(h) == _head(g)
            for h in findings
        ):
            continue  # such a calcification is still there, perhaps this one
        if any(
            f.start > g.start
            and f.site == g.site
            and _fits(side(f), side(g))
            and _head(f) == _head(g)
            and not _in_sentence(g, f)
            for f in resolved
        ):
            g.historical = True


def _anaphor_lesions(dr: DescriptorRules, findings: list[Finding]) -> None:
    """A finding flagged physiologic, led by an anaphor or a possessive ("Its
    calcification is unchanged", "the calcification"), that restates a lesion
    an earlier finding at its site names there without the flag ("calcified
    extra-axial mass ..., consistent with a meningioma") is that lesion's
    calcification, not the structure's own (GUIDE: physiologic; a lesion the
    mention names at a physiologic site is not physiologic)."""
    named: dict[str, set[str]] = {}
    for f in findings:
        if not f.physiologic:
            if f.site:
                named.setdefault(f.lesion_id, set()).add(f.site)
            continue
        if f.site not in named.get(f.lesion_id, set()):
            continue
        lead = lead_list(f)
        if f.anaphor or (lead and (lead[-1] in dr.anaphors or lead[-1] in POSSESSIVES)):
            f.physiologic = False


def _anaphor_sites(dr: DescriptorRules, findings: list[Finding]) -> None:
    """A finding without a site, led by an anaphor ("The calcified lesion came
    out intact", "the calcification described above"), that restates a
    lesion whose findings give one site takes that site (domain guide, site
    from context: an earlier mention of the same finding the sentence refers
    back to). Not a physiologic lesion's, whose flag the finding lacks; its
    side and site words stay its own."""
    sites: dict[str, set[str]] = {}
    physiologic: set[str] = set()
    for f in findings:
        if f.site:
            sites.setdefault(f.lesion_id, set()).add(f.site)
        if f.physiologic:
            physiologic.add(f.lesion_id)
    for f in findings:
        if f.site or f.lesion_id == f.finding_id or f.lesion_id in physiologic:
            continue
        given = sites.get(f.lesion_id, set())
        if len(given) != 1:
            continue
        lead = lead_list(f)
        if f.anaphor or (lead and lead[-1] in dr.anaphors):
            (f.site,) = given


# the first cause of a rule-1 evidence: its name and, quoted, the words said
_FIRST_CAUSE = re.compile(r'([^",]+?)(?: "([^"]*)")?(?:,|;|$)')


def _names_its_cause(f: Finding) -> bool:
    """Does the finding's own mention name the cause its rule-1 class rests on
    ('calcified left upper lobe granuloma'), rather than its sentence ('renal
    calcification and splenic granulomas': the spleen's)?"""
    m = _FIRST_CAUSE.match(f.evidence, len(RULE1_LEAD))
    if m is None:
        return False
    said = (m.group(2) or m.group(1)).strip().lower()
    return bool(said) and said in f.mention.lower()


def _restated_causes(findings: list[Finding]) -> None:
    """Guide §4 rule 4 ('any site where a dystrophic cause at that same place
    is reported in another sentence'): a finding that no rule classed, whose
    lesion another finding at the same site restates with a cause of its own
    (rule 1: 'calcified nodule in the upper lobe on the left' and, in the
    impression, 'calcified left upper lobe granuloma, sequela of prior
    tuberculosis'), is dystrophic by that cause (the classifier's
    `by_restated_cause` decides)."""
    causes: dict[tuple[str, str], Finding] = {}
    for f in findings:
        if f.classification == DYSTROPHIC and f.evidence.startswith(RULE1_LEAD) and f.site:
            if _names_its_cause(f) and not f.uncertain:
                causes.setdefault((f.lesion_id, f.site), f)
    if not causes:
        return
    for f in findings:
        cause = causes.get((f.lesion_id, f.site))
        if cause is not None:
            _reclassed(
                f, by_restated_cause(f.classification, f.site, f.laterality, cause.evidence)
            )


def classed_at_given_sites(
    site_info: Callable[[str], Mapping[str, Any]], findings: list[Finding]
) -> None:
    """Guide §4 rule 4 for a finding no rule classed whose site only the lesion
    it restates gave, after it was classed (`_anaphor_sites`: 'PREOP DX:
    calcified left breast implant capsule ... PROCEDURE: capsulectomy of the
    calcified capsule'): the classifier's `by_given_site` decides (a
    dystrophic-prone site classes it dystrophic, as it classed the finding
    naming it; not a metastatic-prone one)."""
    for f in findings:
        if f.classification == INDETERMINATE and f.site:
            _reclassed(f, by_given_site(f.classification, f.site, site_info(f.site)))


def _reclassed(f: Finding, result: Result | None) -> None:
    """The finding classed anew by the classifier's `result`, if any."""
    if result is not None:
        f.classification, f.confidence, f.evidence = (
            result.classification,
            result.confidence,
            result.evidence,
        )


def _names_a_graft(dr: DescriptorRules, text: str) -> bool:
    """Is one of the report's words a transplant word (`lesion_graft_words`)?
    A word can only be one where its letters are in the text, which one scan
    of the text tells; only then are its words read, one by one up to the
    first such (a report of millions of words is not made a list of them)."""
    low = text.lower()
    if not any(w in low for w in dr.graft_words):
        return False
    return any(m.group() in dr.graft_words for m in WORD.finditer(low))


def _restated_in(x: _Lesion, section: str) -> bool:
    """Was the lesion named first in another section and its latest finding
    in `section` (restated there)?"""
    return x.first is not None and x.last is not None and (
        x.first.section != section and x.last.section == section
    )


# A comma and an indefinite article between two findings: the second an
# appositive naming what the first is.
_APPOSED = re.compile(r"\s*,\s*an?\s*$", re.I)


def _its_host_part(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Does a link word after the finding's mention lead to a possessive and
    a host part ("with curvilinear calcification of its wall"), in the
    sentence of `prev`, before it, whose mention names a lesion noun
    ("calcified left ventricular apical aneurysm")? The wall is that
    lesion's: its calcification is the one `prev` names calcified (GUIDE:
    lesion, "right popliteal artery aneurysm with peripheral wall
    calcification" is the aneurysm's one lesion)."""
    if prev.sentence != f.sentence or prev.start >= f.start:
        return False
    if not dr.lesion_nouns & set(WORD.findall(prev.mention.lower())):
        return False
    words = WORD.findall(place_led_to(dr, f).lower())
    return bool(words) and words[0] in POSSESSIVES and bool(dr.host_parts & set(words[1:3]))


def _apposed_class(dr: DescriptorRules, f: Finding, prev: Finding) -> bool:
    """Does the finding stand right after the one before it, past only a
    comma and "a", naming by a calcification noun the class of place the
    first lies at ("Aortic root and descending aortic calcification, a
    vascular calcification driven by renal disease")? It names what that
    one is and restates it (GUIDE: lesion, a finding its sentence names as
    what the one before it is shares its number)."""
    gap = _gap(prev, f)
    if gap is None or not _APPOSED.fullmatch(gap) or f.own_lesion:
        return False
    if _head(f) != _head(prev) or side(f) or _state(dr, f) != _state(dr, prev):
        return False
    # (a vessel class its own words name: "vascular")
    own = set(WORD.findall(f.site_text.lower())) <= set(WORD.findall(f.mention.lower()))
    return f.site == prev.site or (
        own and f.site in dr.vessel_sites and prev.site in dr.vessel_sites
    )


def _definite_of_one_side(dr: DescriptorRules, f: Finding, x: _Lesion, text: str) -> bool:
    """Is the finding, of no side, one that "the" leads and whose mention
    names no place of its own, its site from the place the sentence names
    before it ("intervention on the SFA; ... the calcified segment"), restating a lesion of one side? It refers
    back to that lesion's mention (GUIDE: laterality, a finding that refers
    back takes that mention's side)."""
    if f.laterality or x.side not in _SIDES or x.first is None or x.first is f:
        return False
    lead = lead_list(f)
    if not lead or lead[-1] != "the":
        return False
    places = [(a, b) for a, b, kind in f.marks if kind == "site"]
    if not places or any(b > f.start for _a, b in places):
        return False
    # ... and its sentence, with the part a semicolon ends before it, states
    # that side before it ("Right leg angiogram ...; ... the calcified segment")
    lo = max(text.rfind("\n", 0, f.start), text.rfind(". ", 0, f.start), 0)
    words = WORD.findall(text[lo : f.start].lower())
    return x.side in words or any(dr.side_of_word.get(w) == x.side for w in words)


def _group_all(dr: DescriptorRules, findings: list[Finding], text: str = "") -> None:
    """`group`'s search, for any number of findings: `group` skips it for a
    report's only finding, whose answer is known, and a test holds the two to
    the same answer whatever the finding's flags."""
    by_id: dict[str, _Lesion] = {}
    by_site: dict[tuple[str, _State], list[_Lesion]] = {}
    by_core: dict[tuple[str, _State], list[_Lesion]] = {}
    # the same, the words in the singular ("calcifications" and
    # "calcification"), for a finding without a site; and which lesions are
    # filed under which of these
    by_number: dict[tuple[str, _State], list[_Lesion]] = {}
    numbered: set[tuple[str, str]] = set()
    # the first findings-section lesions per state, for an impression
    # finding that restates one in other words
    restated: dict[_State, list[_Lesion]] = {}
    # What an anaphor refers back to: the nearest earlier finding in the same
    # state (a hedged or denied mention between them is another thing).
    last: dict[_State, Finding] = {}
    # the earlier findings per state, in text order (`_antecedent`)
    before: dict[_State, list[Finding]] = {}
    part_of = _parts(dr, findings)
    causes = frozenset(dr.cause_terms)
    spans = _spans(findings)
    place_of = _PerFinding(findings, lambda f: trailing_sub(dr, f, spans[f.finding_id][0]))
    label_of = _PerFinding(findings, lambda f: label_before(f, text))
    found_in = [_whole_span(text, f) for f in findings] if text else []
    subs = {
        f.finding_id: _closing_place(
            dr,
            f,
            _with_segment(
                dr,
                f,
                _own_place_over(dr, f, _sub_of(dr, f, text, found_in), place_of)
                or _place_after(dr, f, spans[f.finding_id][0])
                or _station_after(dr, f, spans[f.finding_id][0]),
                _part_led_to(dr, f, spans[f.finding_id][0]),
            ),
        )
        for f in findings
    }
    subs_at = _own_subs(dr, findings, subs)
    placed_at = _placed(dr, findings, part_of)
    grafted = _names_a_graft(dr, text)
    native_of: dict[tuple[str, str], bool] = {}
    numbered_of: dict[str, frozenset[str]] = {}
    coordinated = _coordinated(dr, findings)
    for f in findings:
        sub, state, words = subs[f.finding_id], _state(dr, f), core(dr, f)
        at_site = by_site.setdefault((f.site, state), [])
        near = at_site[-_NEAR:]
        named = by_core.setdefault((words, state), [])
        singular = singular_words(words)
        number = by_number.setdefault((singular, state), [])
        found = _same_lesion(dr, near, number if not f.site else named, f, sub)
        if found is None and not f.site and number == []:
            found = _restated(dr, _unsited_named_alike(dr, by_number, singular, state), f)
        if found is not None and _unsited_of_several(dr, found, f, by_id.values()):
            found = None
        prev = last.get(state)
        if prev is not None:
            named_back = _antecedent(dr, f, prev, before.get(state, []))
            # an anaphor naming the head noun of an earlier finding's
            # sentence, not of the one right before it, is that finding's
            # lesion, whatever lesion its site and side alone would join
            if named_back is not prev and _refers_back(dr, f, named_back, subs, label_of):
                found = by_id[named_back.lesion_id]
            prev = named_back
        told = True
        # a demonstrative points at the finding named right before it
        # ("this calcified vessel"), whatever place its clause names
        if prev is not None and _points_back(dr, f, prev):
            found = by_id[prev.lesion_id]
            told = f.site in ("", prev.site)
        # a finding its sentence names, by a restating link, as what the one
        # before it is restates that one, though its words would restate an
        # earlier lesion at its site ("intracranial calcifications, typical
        # of familial brain calcification" after the dentate nuclei's)
        if (
            found is not None
            and prev is not None
            and found.lesion_id != prev.lesion_id
            and _linked(dr, f, prev)
            and _refers_back(dr, f, prev, subs, label_of)
        ):
            found = None
        if found is None and prev is not None and _refers_back(dr, f, prev, subs, label_of):
            found = by_id[prev.lesion_id]
            told = f.site in ("", prev.site) or not _offered(dr, f, prev)
        if found is None and prev is not None and _apposed_class(dr, f, prev):
            found = by_id[prev.lesion_id]
        if found is None and prev is not None and _its_host_part(dr, f, prev):
            found = by_id[prev.lesion_id]
        if found is None and f.site and not f.own_lesion:
            found = _echo(dr, named, f)
        # named otherwise, at another site or none ("soft tissue
        # calcification" and "periarticular calcinosis" of one joint); a
        # vessel finding's "arterial" echoes any other vessel's: not so
        if found is None and not f.own_lesion and f.site not in dr.vessel_sites:
            found = _echo(dr, restated.get(state, []), f)
        if found is None and not f.own_lesion:
            found = _joint_restated(dr, by_site, f)
        if found is None and not f.own_lesion:
            found = _vessels_restated(dr, by_site, f)
        if found is None and not f.own_lesion:
            found = _small_vessels(dr, by_id.values(), f)
        if found is None and not f.own_lesion:
            found = _tissue_restated(dr, by_site, f)
        if found is None and not f.own_lesion:
            found = _offered_for(dr, by_id.values(), f)
        if found is None and not f.own_lesion:
            found = _hedged_for_place(dr, by_id.values(), f)
        if found is None and not f.site and not f.own_lesion:
            found = _labelled_restated(dr, by_id.values(), f, label_of)
        if found is None and not f.site and not f.own_lesion:
            found = _the_only(dr, by_id.values(), f)
        if found is None and prev is not None and _led_back(dr, f, prev, by_id):
            found = by_id[prev.lesion_id]
        if found is None and not f.own_lesion:
            found = _pronoun_of_named(dr, f, by_id.values(), state, text)
            if found is not None and not f.laterality and found.side:
                # 'it' refers back to that lesion's mention and takes its
                # side (corpora/GUIDE.md laterality: "it" refers back)
                f.laterality, f.context_side, f.operated_side = found.side, "", ""
        if found is None and not f.own_lesion:
            found = _said_of_noun_before(dr, f, by_id.values(), state, sub)
        if found is not None and _other_than(dr, found, f):
            found = None
        # a finding its sentence names as what the one before it is restates
        # that one, which may sum up lesions ("Vascular calcification,
        # consistent with medial calcinosis" after the iliac arteries' and
        # the femoral arteries')
        # (the lesions of its own organ: "calcified native kidneys" sums up
        # none of a transplant's)
        organ = [x for x in near if not _native_and_graft(dr, x, f)]
        if (
            found is not None
            and not _in_sentence(found.last, f)
            and not _definite_repeat(dr, found, f, organ)
            and _sums_up(dr, f, organ, restated.get(state, []), by_site, found)
        ):
            found = None
        if found is not None and _joins_others(
            dr, f, found, by_id.values(), spans[f.finding_id], text
        ):
            found = None
        if found is not None and _counts_more(dr, f, found):
            found = None
        # named by its sentence as what two findings joined by "and" are
        # ("myocardial calcification and pericardial calcification,
        # compatible with metastatic calcification"): it sums them up
        if (
            found is not None
            and prev is not None
            and prev.finding_id in coordinated
            and _linked(dr, f, prev)
        ):
            found = None
        if found is not None and _definite_of_one_side(dr, f, found, text):
            # 'the calcified segment' refers back to that lesion's mention
            # and takes its side (corpora/GUIDE.md laterality)
            f.laterality, f.context_side, f.operated_side = found.side, "", ""
        if found is None:
            found = _Lesion(
                f.finding_id,
                f.site,
                state,
                "",
                "",
                part_of=part_of,
                place_of=place_of,
                label_of=label_of,
                subs_at=subs_at,
                placed_at=placed_at,
                grafted=grafted,
                native_of=native_of,
                numbered=numbered_of,
                causes=causes,
            )
            by_id[found.lesion_id] = found
            pool = restated.setdefault(state, [])
            if f.section == _RESTATING[0] and len(pool) < _POOL:
                pool.append(found)
        if f.site and f.site not in found.sites and told:
            found.sites.add(f.site)  # a restatement's site names the lesion too
            at_site.append(found)
        if words not in found.cores:
            found.cores.add(words)
            named.append(found)
        if (found.lesion_id, singular) not in numbered:
            numbered.add((found.lesion_id, singular))
            number.append(found)
        if (
            found.first is not None
            and not found.sub
            and dr.extension_words.search(f.sentence) is not None
        ):
            # a calcification said to extend from one part into another lies
            # at both: its sub-site is not the lesion's one place
            sub = ""
        found.add(f, sub, told)
        last[state] = f
        before.setdefault(state, []).append(f)
