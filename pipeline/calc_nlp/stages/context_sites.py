"""Sites from the finding's context (guide §2 "Site and side from context",
step 4): a label line over it, the sentences before it, a word pointing
back; the exam's reading (step 5) is in exam_sites.py.

Plain functions over the `ReportDoc`, used by `linking.link_site` when the
finding's own words and clause name no site.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Span

from calc_nlp.schema import LEFT, RIGHT
from calc_nlp.sentences import continues

# the toolkit first: it imports medspaCy without QuickUMLS (and NLTK), which
# the modifiers stage would otherwise import on its own
from calc_nlp.stages import toolkit  # noqa: F401
from calc_nlp.stages.modifiers import flags
from calc_nlp.stages.record import POINTING_PRONOUNS, ReportDoc, SiteRef, key
from calc_nlp.stages.toolkit import Toolkit

# How many sentences back a finding whose sentence names no site looks for
# the place the text is still talking about (long notes name it once).
SENTENCES_BACK = 3
# Words that point back to a lesion named before ('within the mass').
DEFINITE = frozenset({"the", "this", "that"})
# Pronouns that open a sentence about the lesion named just before ('It is
# calcified', 'This likely represents a calcified granuloma').
# Possessives that make a site phrase a part of a structure named before
# ('its lower pole', 'their walls').
OWNER_PRONOUNS = frozenset({"its", "their"})
# How many tokens after a lesion's noun its site phrase may start ('mass in
# the right hilar region').
LESION_SITE_REACH = 6


def asserted(rd: ReportDoc, site: SiteRef, f: Span) -> bool:
    """A site phrase the finding can take: not denied on its own ("No pleural
    effusion. Calcified granuloma."); a site denied together with the finding
    ("No pleural plaques or calcification") is the finding's own. Nor the
    place of a past condition ('a history of right breast cancer') for a
    finding seen now: a clause about something else (guide §2)."""
    blocking = _PLACE_BLOCKING & flags(rd.mods, site.span)
    if not blocking:
        return True  # most sites: neither denied nor past (the finding's flags unread)
    if blocking == {"historical"} and _leads_to(rd, site, f):
        return True  # 'injury to the left thigh with a hematoma that later calcified'
    mine = flags(rd.mods, f)
    if "negated" in blocking and "negated" not in mine and (
        _denied_past_it(rd, site, f) or _denied_look(rd, site, f)
    ):
        blocking = blocking - {"negated"}
    return all(x in mine for x in blocking)


def _denied_past_it(rd: ReportDoc, site: SiteRef, f: Span) -> bool:
    """Is the site phrase after the finding, in its sentence, denied only by
    cues written before the finding, which the finding itself is not ('No
    consolidation, calcified granuloma again seen in the left base')? The
    denial's scope ran on past a finding it does not deny: the place after it
    is the finding's own clause's (guide §2 step 2), not a denied one."""
    first = rd.layout.sent_first
    if site.span.start < f.end or first[site.span.start] != first[f.start]:
        return False
    where = rd.mods.sub_to_doc  # the modifiers' tokens are the sub-document's
    cues = [
        where.get(m.modifier_span[1] - 1)
        for m in rd.mods.of(site.span)
        if m.category == "NEGATED_EXISTENCE"
    ]
    return bool(cues) and all(c is not None and c < f.start for c in cues)


# Between a denied look ('without shadowing') and the place after it: the
# words that lead to a place, and the pieces of a size ('measuring 2 mm in the')
_PLACE_LEADS = frozenset(
    {"in", "within", "at", "of", "along", "near", "the", "a", "an", ",",
     "measuring", "measures", "mm", "cm", "x", "up", "to"}
)


def _denied_look(rd: ReportDoc, site: SiteRef, f: Span) -> bool:
    """Is the site phrase of the finding's sentence denied only by cues right
    before it that deny how an ultrasound focus looks (mentions.json
    echo_features: 'calcification without shadowing in the left testis',
    'focus without posterior acoustic shadowing measuring 2 mm in the spleen,
    likely a calcified granuloma')? The denial is the shadow's; the place
    after it is the finding's own clause's (guide §2 step 2), not a denied
    one."""
    first = rd.layout.sent_first
    if first[site.span.start] != first[f.start]:
        return False
    looks = rd.word_sets.get("echo_features", frozenset())
    where = rd.mods.sub_to_doc  # the modifiers' tokens are the sub-document's
    cues = [
        where.get(m.modifier_span[1] - 1)
        for m in rd.mods.of(site.span)
        if m.category == "NEGATED_EXISTENCE"
    ]
    if not cues or not looks:
        return False
    # the side words before the place ('in the left testis') lead to it too
    sided = {i for x in rd.matches.lats for i in range(x.start, x.end)}
    for c in cues:
        if c is None or c >= site.span.start:
            return False
        k = c + 1
        while k < site.span.start and rd.lower[k] in looks:
            k += 1
        if k == c + 1 or not all(
            rd.lower[i] in _PLACE_LEADS or rd.lower[i].isdigit() or i in sided
            for i in range(k, site.span.start)
        ):
            return False
    return True


def _leads_to(rd: ReportDoc, site: SiteRef, f: Span) -> bool:
    """Does the past phrase's place lead, in one clause (no clause mark
    between), to the finding after it in its sentence ('Prior injury to the
    left thigh with an intramuscular hematoma that later calcified')? The
    calcification is of the thing the past phrase placed, seen now: that
    place is its own clause's (guide §2 step 2), not another clause's."""
    first = rd.layout.sent_first
    if site.span.end > f.start or first[site.span.start] != first[f.start]:
        return False
    return not any(w in _CLAUSE_MARKS for w in rd.lower[site.span.end : f.start])


# Marks that end a clause between a place and a finding after it.
_CLAUSE_MARKS = frozenset({",", ";", ":"})


# The flags of a site phrase that keep its place from a finding without them.
_PLACE_BLOCKING = frozenset({"negated", "historical"})


def paragraph_before(rd: ReportDoc, sent: Span, limit: int) -> list[Span]:
    """Up to `limit` sentences before `sent`, nearest first, stopping at a blank
    line or a section header."""
    out: list[Span] = []
    start = sent.start
    section = rd.layout.sections[start][2] if start < len(rd.layout.sections) else 0
    while start > 0 and len(out) < limit:
        prev = rd.sent_at(start - 1)
        # the last token of the sentence before (a line break is one)
        gap = rd.layout.words[start - 1].replace("\r", "").replace(" ", "")
        if "\n\n" in gap or rd.layout.sections[prev.start][2] != section:
            break
        out.append(prev)
        start = prev.start
    return out


def says_no_place(kit: Toolkit, rd: ReportDoc, f: Span, gap: int = 2) -> bool:
    """Is the finding led by a phrase that surveys the whole study and names
    no place ('No new calcification', 'no new or increased calcifications';
    the ConText rules marked `no_place`), ending at most `gap` tokens before
    it in its sentence?"""
    lo = max(rd.layout.sent_first[f.start], f.start - 6)
    words = tuple(rd.lower[lo : f.start])
    for phrase in kit.no_place_phrases:
        n = len(phrase)
        for k in range(max(0, len(words) - n - gap), len(words) - n + 1):
            if words[k : k + n] == phrase:
                return True
    return False


def sums_up(kit: Toolkit, rd: ReportDoc, f: Span) -> bool:
    """Is the finding followed at once by a phrase that sums up what the
    report described ('Incidental calcifications as described';
    descriptors.json `lesion_summary_words`, which also make it a lesion of its
    own)? Such a mention names no one place."""
    sent_end = rd.sent_bounds(f.start)[1]
    for words in kit.summary_phrases:
        end = f.end + len(words)
        if end <= sent_end and tuple(rd.lower[f.end : end]) == words:
            return True
    return False


# Marks that open a clause of a sentence, and the articles that make 'one'
# a pronoun ('the larger one', 'the lower one').
_CLAUSE_OPENERS = frozenset({",", ";", "and", "but"})
_ONE_LEADS = frozenset({"the", "this", "that"})
_IT = frozenset({"it", "its"})


def site_of_pronoun_in_sentence(
    kit: Toolkit, rd: ReportDoc, f: Span
) -> SiteRef | None:
    """A pronoun of the finding's own clause ('it', 'its', 'the larger one')
    that stands for what its sentence named before that clause opened ('A
    density sits in the lingula, and inside it is a calcified nidus'; 'The
    thoracic aorta is tortuous, and along its descending part there is
    calcification'; 'Several
    leiomyomas; the largest one is calcified'; 'the subcarinal nodes are
    smaller; they ... it now shows dense calcification') gives the finding
    the place named there: the nearest site phrase before the clause (guide
    §2 step 4: an earlier mention the sentence points back to)."""
    sent, lower = rd.sent(f), rd.lower
    i, pronoun = f.start - 1, False
    while i >= sent.start and lower[i] not in _CLAUSE_OPENERS:
        if lower[i] in _IT or (
            lower[i] == "one"
            and i + 1 < f.start
            and _ONE_LEADS & set(lower[max(sent.start, i - 2) : i])
        ):
            pronoun = True
        i -= 1
    if not pronoun:
        return None
    if i < sent.start:
        # a semicolon ends the sentence the clause goes on from
        if sent.start == 0 or lower[sent.start - 1] != ";":
            return None
        i = sent.start - 1
    named = [
        s
        for s in rd.sentence_sites(i)
        if s.span.end <= i
        and s.span.label_ == "SITE"
        and "candidates" not in kit.md(s.span)
    ]
    # with the side its sentence gives that site ('the left hilar nodes')
    return _with_side(rd, named[-1], rd.sent_at(i), f) if named else None


def site_of_clause_before_semicolon(
    kit: Toolkit, rd: ReportDoc, f: Span
) -> SiteRef | None:
    """A finding whose clause names no place, after a semicolon, lies where
    the clause before the semicolon says ('Partially imaged right kidney
    with a dense focus; a small calcification cannot be excluded'): the two
    clauses are one sentence (guide §2 step 2, the location phrase of its
    own sentence), nearer than a label line over the line (step 4). A
    clause pointing back to a lesion ('; as the aneurysm is calcified')
    takes that lesion's place instead."""
    sent, lower = rd.sent(f), rd.lower
    if sent.start == 0 or lower[sent.start - 1] != ";":
        return None
    if any(
        lower[i] in rd.lesion_nouns and lower[i - 1] in DEFINITE
        for i in range(sent.start + 1, f.start)
    ):
        return None
    prev = rd.sent_at(sent.start - 1)
    named = [
        s
        for s in _sites_in(rd, prev, f)
        if s.span.label_ == "SITE" and "candidates" not in kit.md(s.span)
    ]
    return _with_side(rd, named[-1], prev, f) if named else None


# How many plain words may stand between a holding verb and the finding it
# holds ('and contains several small calcifications').
_HELD_REACH = 4


def site_of_shared_subject(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """A predicate joined by 'and' with no subject of its own, its verb one
    of holding ('The right kidney is atrophic, measuring 8 cm, and contains
    a punctate calcification'; descriptors.json lesion_holding_verbs), says
    the finding lies in the subject it shares with the predicate before it:
    the first site phrase of the sentence (guide §2 step 2: the phrase of its
    own clause that says where it lies), an adverb of `copula_adverbs`
    allowed after the 'and' ('and now contains')."""
    sent, lower = rd.sent(f), rd.lower
    verb = f.start - 1
    while verb > sent.start and f.start - verb <= _HELD_REACH + 1:
        if lower[verb] in kit.descriptors.holding_verbs:
            break
        if not rd.layout.words[verb].isalpha():
            return None
        verb -= 1
    else:
        return None
    # an adverb may stand between the 'and' and the verb ('..., and now
    # contains coarse calcification'; descriptors.json copula_adverbs)
    joint = verb - 1
    while joint > sent.start and lower[joint] in kit.descriptors.copula_adverbs:
        joint -= 1
    if lower[verb] not in kit.descriptors.holding_verbs or lower[joint] != "and":
        return None
    named = [
        s
        for s in rd.sentence_sites(f.start)
        if s.span.end < verb
        and s.span.label_ == "SITE"
        and "candidates" not in kit.md(s.span)
        and asserted(rd, s, f)
    ]
    return named[0] if named else None


# Words that join the items of a list ('No mass, calcification, or distortion').
_LIST_JOINS = frozenset({",", "or", "and", "nor"})
# The denial that opens an item of its own after a comma ('no X, no Y').
_ITEM_DENIAL = ("no",)


def denied_list_after_finding(rd: ReportDoc, f: Span) -> bool:
    """Is the finding denied as one item of a list of findings ('No suspicious
    mass, calcification, or distortion') right after a sentence about another
    calcification ('Mild vascular calcifications.')? The list surveys the
    study; it is not about the place of the finding before it."""
    if "negated" not in flags(rd.mods, f):
        return False
    first = rd.layout.sent_first
    sent = rd.sent(f)
    near = [rd.lower[i] for i in (f.start - 1, f.end) if sent.start <= i < sent.end]
    if sent.start == 0 or not any(w in _LIST_JOINS for w in near):
        return False
    prev = first[sent.start - 1]
    return any(first[c.start] == prev for c in rd.matches.calc)


def denial_after_finding(rd: ReportDoc, f: Span) -> bool:
    """Is the finding denied by a trigger that opens its sentence ('No
    suspicious calcifications.', 'No suspicious masses or grouped
    microcalcifications.') right after a sentence about another
    calcification? Such a denial surveys the study: on an exam that places
    any finding (a mammogram), it is not about the place of the finding
    before it."""
    if "negated" not in flags(rd.mods, f):
        return False
    sent = rd.sent(f)
    if sent.start == 0 or not _denial_opens(rd, f, sent):
        return False
    first = rd.layout.sent_first
    prev = first[sent.start - 1]
    return any(first[c.start] == prev for c in rd.matches.calc)


def _denial_opens(rd: ReportDoc, f: Span, sent: Span) -> bool:
    """Is the finding denied by a trigger that stands first in its sentence,
    with only punctuation or spaces before it?"""
    where, words = rd.mods.sub_to_doc, rd.layout.words
    for m in rd.mods.of(f):
        a = where.get(m.modifier_span[0])
        if m.category == "NEGATED_EXISTENCE" and a is not None:
            if sent.start <= a < f.start and not any(
                w.strip(" \r\n,:;-") for w in words[sent.start : a]
            ):
                return True
    return False


def another_list_item(rd: ReportDoc, site: SiteRef, f: Span) -> bool:
    """Is the site phrase another item of a list that denies the finding ('No
    mass, calcification or adenopathy', 'no calcification or pleural
    thickening'): right after it, with list words and an 'or' / 'and' only
    between ('No calcifications, right breast' names the finding's place)?
    Or, denied or not, the place of another reading of it ('a calcification
    or a vascular reflector')?"""
    if site.start < f.end:
        return False
    between = set(rd.lower[f.end : site.start])
    if _another_reading(between) or _one_of_readings(rd, site):
        return True
    negated = "negated" in flags(rd.mods, f)
    if (
        negated
        and rd.lower[f.end - 1] in rd.calcification_nouns
        and _next_item_head(rd.lower[f.end : site.start])
    ):
        # not after a bare 'calcified', whose head the item may share ('No
        # calcified or enlarged hilar nodes')
        return True
    if not negated:
        return False
    if _denied_item_opens(rd, f.end, site.start):
        return True
    return bool(between - {","}) and between <= _LIST_JOINS


def _denied_item_opens(rd: ReportDoc, end: int, start: int) -> bool:
    """Do a comma and a 'no' of its own right after the denied finding
    ending at `end` open another denied item that the site phrase starting
    at `start` belongs to, past only other place words of that item ('no
    calcified granulomas, no lymphadenopathy', '..., no hilar adenopathy')?"""
    lead = len(_ITEM_DENIAL) + 1
    if rd.lower[end : end + lead] != [",", *_ITEM_DENIAL] or start < end + lead:
        return False
    return all(
        any(s.start <= i < s.span.end for s in rd.matches.sites)
        for i in range(end + lead, start)
    )


# Words that offer another reading of what a finding is ('a calcification or
# a vascular reflector', 'calcification versus vascular flow artifact'), and
# the articles that start a noun phrase of its own after 'or'.
_OTHER_READING = frozenset({"versus", "vs", "vs."})
_ARTICLES = frozenset({"a", "an"})


# Words that open a place phrase after a noun ('or thickening of the bowel':
# the place may be the finding's too).
_PLACE_OPENERS = frozenset(
    {"of", "in", "at", "on", "within", "along", "about", "around", "near", "the"}
)


def _next_item_head(gap: list[str]) -> bool:
    """Is the site phrase after a denied finding the head of the next item
    of its list, joined by 'or', 'nor' or 'and' with one adjective of its
    own before it and no place phrase ('No calcifications or echogenic
    bowel')? It names that item, not the finding's place (guide §2: a
    clause about another structure gives neither site nor side)."""
    joins = [k for k, w in enumerate(gap) if w in ("or", "nor", "and")]
    if not joins:
        return False
    rest = gap[joins[-1] + 1 :]
    return len(rest) == 1 and rest[0].isalpha() and rest[0] not in _PLACE_OPENERS


# How far the other reading's site may stand past the joining word ('in the
# LAD or the circumflex artery').
_READING_REACH = 3


def _one_of_readings(rd: ReportDoc, site: SiteRef) -> bool:
    """Is the site phrase after a finding one of two readings offered of what
    it is, joined to the other by 'versus' or 'or' right before or after it
    ('Linear calcifications, possibly vascular versus ductal'; 'ductal vs
    vascular')? A sentence that offers two readings says neither (guide §2;
    corpora/GUIDE.md site: not one of two readings offered), so the label or
    the exam places it. Two places of one site joined so ('in the LAD or
    the circumflex artery') still name it, and so does a place phrase
    ('at the right lung base versus a nipple shadow': the reading offered is
    of the whole finding, which lies there either way)."""
    joins = _OTHER_READING | {"or"}
    words = rd.lower
    first = min(site.start, site.span.start)  # a side word before it included
    if first > 0 and words[first - 1] in _PLACE_OPENERS:
        return False
    after = site.span.end < len(words) and words[site.span.end] in joins
    leads = site.span.end < len(words) and words[site.span.end].isalpha()
    join = _reading_join_before(words, first, _READING_LEAD if leads else 0)
    before = join >= 0
    if not (after or before):
        return False
    lo = join - _READING_REACH if before else site.span.end
    hi = site.span.start if before else site.span.end + 1 + _READING_REACH
    return not any(
        s.site == site.site and s.span.start != site.span.start and lo <= s.span.start <= hi
        for s in rd.sentence_sites(site.span.start)
    )


# How many words of the other reading's own may stand between the joining
# word and its site word ('versus a distal ureteral stone').
_READING_LEAD = 2


def _reading_join_before(words: list[str], first: int, lead: int) -> int:
    """Where the 'versus' or 'or' stands that offers the reading the site word
    at `first` opens or leads, -1 if none: right before it, or, where the
    site word leads a noun of that reading (`lead` > 0), past up to `lead`
    words of the reading's own ('versus distal ureteral stone'). A site that
    is itself the head keeps words before it as its own ('paraesophageal
    versus intrapulmonary lymph node' is a node either way). Past such words
    an 'or' joins another reading only with an article after it ('or a
    distal ureteral stone'); without one it may join two parts of one place
    ('in the proximal or mid LAD'), and a place opener ('the', 'in') makes
    the words a place phrase, not a reading."""
    for k in range(first - 1, max(first - 2 - lead, -1), -1):
        w = words[k]
        if w in _OTHER_READING or (
            w == "or" and (k == first - 1 or words[k + 1] in _ARTICLES)
        ):
            return k
        if not w.isalpha() or w in _PLACE_OPENERS or w in ("or", "and", "nor"):
            return -1
    return -1


def _another_reading(between: set[str]) -> bool:
    """Do only the words of another reading stand between a finding and a site
    phrase after it: 'or' and an article, or 'versus'? The site is that
    reading's ('may represent a small calcification or a vascular
    reflector': the vessel is the reflector's, not the calcification's)."""
    if not between <= _OTHER_READING | _ARTICLES | {"or", ","}:
        return False
    return bool(between & _OTHER_READING) or (
        "or" in between and bool(between & _ARTICLES)
    )


def site_from_previous_sentence(
    rd: ReportDoc, f: Span, pointed: bool = False
) -> SiteRef | None:
    """'Left thyroid nodule. Microcalcifications cannot be excluded.': the
    sentence names no site, so the last asserted site of the sentence before
    it (same line block, no blank line between) is the one it speaks of. A
    body region there ('chest radiograph') names no site for this one. A new
    numbered item is a new topic, unless the sentence opens with a pronoun
    for what the item before named (`pointed`: '1. Nodular opacity at the
    right base.' '2. This may be calcification.')."""
    sent = rd.sent(f)
    if sent.start == 0:
        return None
    named = site_of_named_lesion(rd, f, sent)
    if named is not None:
        return named
    prev = _sentence_before(rd, sent, pointed)
    crossed = prev.start > 0 and only_header(rd, prev) and _opens_on_lesion(rd, sent, f)
    if crossed:
        # 'PROCEDURE: Right renal mass cryoablation. FINDINGS: The mass has
        # peripheral calcification.': the header names nothing
        prev = rd.sent_at(prev.start - 1)
    # a sentence that names what something is ('compatible with
    # calciphylaxis') may name the finding before by its kind
    kind_only = not any(
        sent.start <= k.start and k.end <= f.start for k in rd.matches.links
    )
    gap = rd.span_text(prev).replace("\r", "").replace(" ", "")
    if "\n\n" in gap or (opens_list_item(rd, sent) and not pointed):
        return None  # a new numbered item ('2. Calcified granuloma.') is a new topic
    if _keys_its_line(rd, f, sent):
        return None  # 'Extra-axial spaces: Normal.' 'Calcifications: None.'
    cands = [
        s
        for s in _sites_in(rd, prev, f)
        if s.span.label_ == "SITE"
        and not _on_other_finding(rd, s, prev)
        and not _said_clear(rd, s, prev)
        and not (kind_only and _kind_of_its_mention(rd, s))
    ]
    if not cands:
        return _site_further_back(rd, f, sent)
    if crossed and len({s.site for s in cands}) > 1:
        return None  # lesions at two places before the header: none pointed to
    site = _one_side(cands[-1], cands)
    sides = {s.laterality for s in cands if s.site == site.site} - {""}
    return _side_of_lesion_name(rd, site, cands) if len(sides) <= 1 else site


def only_header(rd: ReportDoc, sent: Span) -> bool:
    """Is the sentence only a section's header ('FINDINGS:'), its words all
    before the section's body?"""
    sections = rd.layout.sections
    if sent.start >= len(sections):
        return False
    _section, body, title, _question = sections[sent.start]
    words = [i for i in range(sent.start, sent.end) if not rd.layout.blank[i]]
    return bool(words) and title <= words[0] and words[-1] < body


def _opens_on_lesion(rd: ReportDoc, sent: Span, f: Span) -> bool:
    """Does the sentence open, before the finding, on a definite lesion noun,
    one plain word allowed between ('The nodule contains ...', 'The target
    nodule contains ...')? It speaks of the lesion named before it."""
    return rd.lower[sent.start] in DEFINITE and noun_opens(
        rd.lower, sent.start + 1, f.start, rd.lesion_nouns
    )


def noun_opens(lower: list[str], at: int, end: int, nouns: Container[str]) -> bool:
    """Is one of `nouns` the word at `at`, or the word after it with a plain
    word (letters only) at `at` ('The nodule', 'The target nodule': the
    thing a procedure works on), before token `end`?"""
    noun = next((i for i in range(at, min(at + 2, end)) if lower[i] in nouns), None)
    return noun is not None and all(lower[i].isalpha() for i in range(at, noun))


def _keys_its_line(rd: ReportDoc, f: Span, sent: Span) -> bool:
    """Is the finding the key of a template line ('Calcifications: None.',
    'Calcifications: Dural calcifications along the tentorium.')? The key
    opens a new topic as a numbered item does: the line above it, the value
    of another key ('Extra-axial spaces: Normal.'), names no place for it
    (guide §2 "Site and side from context": a clause about another
    structure gives no site)."""
    if _line_start(rd, sent.start) != sent.start:
        return False
    mark = _label_mark(rd, sent.start)
    return mark is not None and f.end <= mark


def _sentence_before(rd: ReportDoc, sent: Span, pointed: bool) -> Span:
    """The sentence before `sent` (it ends where `sent` starts); for a
    sentence opening with a pronoun (`pointed`), past an item's number that
    is a sentence of its own ('4. ... nodule.' '5.' 'This appears dense'):
    the pronoun points to the item before."""
    prev = rd.sent_at(sent.start - 1)
    if pointed and prev.start > 0 and _ITEM_ONLY.fullmatch(rd.span_text(prev).strip()):
        return rd.sent_at(prev.start - 1)
    return prev


def _kind_of_its_mention(rd: ReportDoc, site: SiteRef) -> bool:
    """Is the site phrase a type word of a calcification mention it lies in
    (mentions.json `kind_site_words`: 'Scattered vascular calcifications')?
    It says what kind that calcification is, no place a sentence after it
    goes on about, unless that sentence names what the finding is (a link
    before it: `site_from_previous_sentence`)."""
    kinds = rd.word_sets.get("kind_site_words", frozenset())
    words = rd.lower[site.span.start : site.span.end]
    return (
        bool(words)
        and all(w in kinds for w in words)
        and any(
            c.start <= site.span.start and site.span.end <= c.end
            for c in rd.matches.calc
        )
    )


# How many words after a site phrase may end the finding it is written on
# ('right lower lobe pneumonia', 'left pleural effusion').
OTHER_FINDING_REACH = 2


def _on_other_finding(rd: ReportDoc, site: SiteRef, sent: Span) -> bool:
    """Is the site phrase written on the head of another finding that no
    calcification lies in ('Right lower lobe pneumonia.', 'Left pleural
    effusion.'; mentions.json `other_finding_nouns` that are no
    `lesion_nouns`)? It is that finding's place: the sentence after it does
    not go on talking about the place (guide §2: a clause about another
    structure gives neither site nor side; 'Right lower lobe pneumonia.
    Known calciphylaxis.' has none). A lesion ('Left thyroid nodule.
    Microcalcifications ...') may hold the calcification and keeps it."""
    heads = rd.other_finding_nouns - rd.lesion_nouns
    end = min(sent.end, site.span.end + OTHER_FINDING_REACH)
    return any(w in heads for w in rd.lower[site.span.end : end])


def _said_clear(rd: ReportDoc, site: SiteRef, sent: Span) -> bool:
    """Is the site the subject of a sentence saying it is clear ('Lungs are
    clear without focal airspace disease.'; mentions.json `clear_states`,
    after one of `state_copulas` or none)? Such a sentence says the place
    holds nothing: the finding of the sentence after it is not placed
    there by it (guide §2: a site never comes from a phrase that is itself
    denied; 'Lungs are clear. Numerous calcifications are again noted.')."""
    words = [w for w in rd.lower[site.span.end : sent.end] if not w.isspace()]
    if words and words[0] in rd.word_sets.get("state_copulas", frozenset()):
        words = words[1:]
    return bool(words) and words[0] in rd.word_sets.get("clear_states", frozenset())


def _one_side(site: SiteRef, cands: list[SiteRef]) -> SiteRef:
    """The site taken from the sentence before, without a side where that
    sentence gives the same site two sides ('a cyst in the left kidney and a
    stone in the right kidney. A punctate calcification.'): which one the
    finding lies in is not said (guide §2: a side from clear context only)."""
    sides = {s.laterality for s in cands if s.site == site.site} - {""}
    return replace(site, laterality="") if len(sides) > 1 else site


def _side_of_lesion_name(rd: ReportDoc, site: SiteRef, cands: list[SiteRef]) -> SiteRef:
    """The site taken from the sentence before, where it is a lesion's shared
    word without a side ('nodule', read as the lung), with the side of the
    site phrase right before that word, the rest of the lesion's name ('8 mm
    right lower lobe nodule. Not calcified.': right; as 'calcified right
    lower lobe nodule' gives it inside one mention). Only a lesion's name:
    'the right breast parenchyma' is the place of what the sentence is about
    ('coarsening of the right breast parenchyma. A few calcifications.': no
    side)."""
    if site.laterality or rd.lower[site.span.end - 1] not in rd.lesion_nouns:
        return site
    before = [
        s
        for s in cands
        if s.span.end == site.span.start and s.site == site.site and s.laterality
    ]
    return replace(site, laterality=before[-1].laterality) if before else site


def site_before_unless_own_lesion(rd: ReportDoc, f: Span) -> SiteRef | None:
    """`site_from_previous_sentence`, but a finding that names a lesion of its
    own ('Left pleural effusion. Calcified granuloma.') takes only the place
    of that very lesion named before ('Right breast mass. Calcified mass.',
    '... nodule. The nodule is calcified'), not the place another sentence
    gives something else; a sentence that
    points back ('It likely represents a calcified granuloma') is read
    before this."""
    own = set(rd.lower[f.start : f.end]) & rd.lesion_nouns
    sent = rd.sent(f)
    if own and sent.start > 0:
        prev = rd.sent_at(sent.start - 1)
        if not own & set(rd.lower[prev.start : prev.end]):
            return site_of_named_lesion(rd, f, sent)
    return site_from_previous_sentence(rd, f)


def site_of_named_lesion(
    rd: ReportDoc, f: Span, sent: Span, more: frozenset[str] = frozenset()
) -> SiteRef | None:
    """'A mass in the right hilar region ... Calcification within the mass.':
    a finding whose sentence points back to a lesion ('the mass') has the site
    that lesion was given where last named in the few sentences before: the
    site right before its noun ('hilar mass') or just after it ('mass in the
    right hilar region'), not whatever site that sentence names last.
    `more`: nouns pointed back to besides `lesion_nouns`."""
    lower = rd.lower
    owners = rd.lesion_nouns | more if more else rd.lesion_nouns
    nouns = [
        lower[i]
        for i in range(sent.start + 1, sent.end)
        if lower[i] in owners and lower[i - 1] in DEFINITE
    ]
    if not nouns:
        return None
    for prev in paragraph_before(rd, sent, SENTENCES_BACK):
        hits = [i for i in range(prev.start, prev.end) if lower[i] == nouns[0]]
        if not hits:
            continue
        i = hits[-1]
        sites = [s for s in _sites_in(rd, prev, f) if s.span.label_ == "SITE"]
        before = [s for s in sites if s.span.end == i]
        after = [s for s in sites if i < s.start <= i + LESION_SITE_REACH]
        # or the one site its sentence names ('The right adrenal gland
        # contains a 2 cm nodule.')
        only = sites if len({s.site for s in sites}) == 1 else []
        found = next(iter(before[::-1] + after + only), None)
        return _with_side(rd, found, prev, f) if found is not None else None
    return None


def _with_side(rd: ReportDoc, site: SiteRef, sent: Span, f: Span) -> SiteRef:
    """A site taken from an earlier sentence with the side that sentence
    gives the same site where its own words carry none ('the left lobe of
    the thyroid', 'the left kidney has a cyst in its upper pole'): one side
    among that sentence's phrases for the site, else none."""
    if site.laterality:
        return site
    sides = {s.laterality for s in _sites_in(rd, sent, f) if s.site == site.site}
    sides.discard("")
    return replace(site, laterality=sides.pop()) if len(sides) == 1 else site


def side_of_owner(kit: Toolkit, rd: ReportDoc, site: SiteRef) -> str:
    """'The right kidney is small. A calcification in its lower pole.': a site
    phrase after 'its' or 'their', or a part word several sites share after
    'the' ('the lower pole') or after a lesion pointed back to ('the cyst
    wall'), is a part of the structure named before: the
    nearest of the few sentences before that names the site gives its side,
    where that sentence writes one side only ('The left lobe of the thyroid
    is enlarged.'). The site named with a side earlier in its own sentence
    comes first ('Right kidney: normal. Left kidney: a calcification in the
    lower pole.' is left). A part word that writes its own side ('the left
    lobe of the liver' after 'the right hepatic lobe') takes no side from
    the sentences before: the sentence's side word is its own."""
    i = site.start
    before = rd.lower[i - 1] if i > 0 else ""
    shared = "candidates" in kit.md(site.span)
    if not (
        before in OWNER_PRONOUNS
        or (shared and before in DEFINITE)
        or (shared and _part_of_lesion_named_before(rd, i))
        or (shared and _part_of_lesion_with(rd, i))
    ):
        return ""
    if kit.md(site.span).get("laterality"):
        return ""
    # its own sentence first: 'Left kidney: a calcification in the lower pole'
    own = rd.sent(site.span)
    parts = _site_parts(rd, site)
    sides = {
        s.laterality
        for s in rd.matches.sites
        if own.start <= s.span.start
        and s.span.end <= i
        and s.site == site.site
        and not _other_part(rd, s, parts)
    }
    sides.discard("")
    if sides:
        return sides.pop() if len(sides) == 1 else ""
    for prev in paragraph_before(rd, own, SENTENCES_BACK):
        sides = {
            s.laterality
            for s in rd.matches.sites
            if prev.start <= s.span.start < prev.end
            and s.site == site.site
            and not _other_part(rd, s, parts)
        }
        if not sides:
            continue
        # a side written on another part ('the left lower lobe') is that part's
        others = [
            s
            for s in rd.matches.sites
            if prev.start <= s.span.start < prev.end
            and s.site == site.site
            and _other_part(rd, s, parts)
        ]
        # an organ the body has one of takes the side written on its own
        # phrase only: a side word elsewhere in that sentence is another
        # place's ('no history of pancreatitis ... left lower quadrant pain')
        if not kit.site_info(site.site).get("unpaired"):
            sides |= {
                str(kit.md(x)["laterality"])
                for x in rd.matches.lats
                if prev.start <= x.start < prev.end
                and not any(o.start <= x.start < o.span.end for o in others)
            }
        sides.discard("")
        # one part of one structure: not of both ("Both kidneys ... the upper pole")
        return sides.pop() if len(sides) == 1 and sides <= {LEFT, RIGHT} else ""
    return ""


def site_part_set(rd: ReportDoc, words: Iterable[str]) -> frozenset[str]:
    """The words of a site phrase (lower case) that name a part of its
    structure ('upper' of 'the upper lobe', 'lower' of 'left lower lobe';
    mentions.json `site_part_words`)."""
    known = rd.word_sets.get("site_part_words", frozenset())
    return frozenset(w for w in words if w in known)


def names_other_part(own: frozenset[str], parts: frozenset[str]) -> bool:
    """Does a site phrase whose part words are `own` name another part of
    the structure than the one `parts` name ('left lower lobe' for 'the
    upper lobe')? It is a part beside it, not the whole the part belongs
    to, and its side is that part's (corpora/GUIDE.md lesion: upper vs
    lower lobe are different)."""
    return bool(parts) and bool(own) and own != parts


def _site_parts(rd: ReportDoc, site: SiteRef) -> frozenset[str]:
    return site_part_set(rd, rd.lower[site.span.start : site.span.end])


def _other_part(rd: ReportDoc, s: SiteRef, parts: frozenset[str]) -> bool:
    return names_other_part(_site_parts(rd, s), parts)


def _part_of_lesion_named_before(rd: ReportDoc, i: int) -> bool:
    """Is the shared part word at token i led by a lesion pointed back to
    ('The cyst wall shows calcification' after 'The left kidney has a cyst'):
    the wall of the cyst named before, so of the structure it lies in?"""
    return i > 1 and rd.lower[i - 1] in rd.lesion_nouns and rd.lower[i - 2] in DEFINITE


# Most words between 'with' and the part word it gives a lesion ('cyst with
# a thin calcified wall').
_WITH_PART_WORDS = 4


def _part_of_lesion_with(rd: ReportDoc, i: int) -> bool:
    """Is the shared part word at token i given by 'with' to a lesion noun
    right before it ('Complex cyst with a thin calcified wall' after 'Left
    kidney measures 11 cm.')? The wall of that lesion, so of the structure
    the sentences before name, as with 'the cyst wall' (guide §2 step 4:
    an earlier mention the sentence points back to)."""
    lower, blank = rd.lower, rd.layout.blank
    first = rd.layout.sent_first[i]
    j, seen = i - 1, 0
    while j > first and seen <= _WITH_PART_WORDS:
        if not blank[j]:
            if lower[j] == "with":
                k = j - 1
                while k >= first and blank[k]:
                    k -= 1
                return k >= first and lower[k] in rd.lesion_nouns
            if not lower[j].isalpha():
                return False
            seen += 1
        j -= 1
    return False


def _site_further_back(rd: ReportDoc, f: Span, sent: Span) -> SiteRef | None:
    """Long notes name a place once and go on about it: a finding that is
    present takes the last site of the nearest of the few sentences before
    (same paragraph and section) that names one, within the numbered item
    it is in (a new item is a new topic). A denied finding does not reach
    that far ('No calcification within the hematoma' names no site)."""
    if "negated" in flags(rd.mods, f):
        return None
    before = paragraph_before(rd, sent, SENTENCES_BACK)
    for newer, prev in zip(before, before[1:], strict=False):
        if opens_list_item(rd, newer):
            return None  # '2. Stable MAC. 3. ...; calciphylaxis ...': another item
        cands = _sites_in(rd, prev, f)
        if cands:
            last = cands[-1]
            return last if last.span.label_ == "SITE" else None
    return None


def _sites_in(rd: ReportDoc, sent: Span, f: Span) -> list[SiteRef]:
    """The site phrases of `sent` that finding `f` may take: not a site word
    that is part of a condition's name ('peritoneal dialysis', 'renal
    failure' name a treatment and a disease, not the place talked about).
    A site denied in another sentence than the finding's is not taken even
    by a denied finding: it was denied on its own, and a denial never
    changes the site (corpora/GUIDE.md: the finding takes the site it would
    take affirmed; 'No skin ulcer. No calciphylaxis.' places neither)."""
    conds = [c for c in rd.matches.conds if sent.start <= c.start < sent.end]
    own = sent.start <= f.start < sent.end
    return [
        s
        for s in rd.matches.sites
        if sent.start <= s.span.start < sent.end
        and asserted(rd, s, f)
        and (own or "negated" not in flags(rd.mods, s.span))
        and not any(c.start <= s.span.start and s.span.end <= c.end for c in conds)
    ]


def site_from_label_line(rd: ReportDoc, f: Span) -> SiteRef | None:
    """'LEFT BREAST:' on its own line names the site of the lines below it;
    'Right breast: ...' opening a line names that of the line's sentences,
    up to the next such label on the line ('Liver: Normal. Spleen: Normal.
    There are calcifications.': the spleen's)."""
    sent = rd.sent(f)
    line = _label_block_start(rd, _label_line_start(rd, sent.start))
    labels = [
        s
        for s in rd.matches.sites
        if line <= s.start
        and s.span.end < f.start
        and (
            (_ends_label(rd, s.span.end) and _opens(rd, s.start, line))
            or _opens_parted_label(rd, s, line)
        )
    ]
    if labels:
        return labels[-1]
    if sent.start == 0:
        return None  # no sentence before (a label opening the text is above)
    lo, hi = rd.sent_bounds(sent.start - 1)  # the sentence before
    if lo > 0 and _finding_row(rd, lo):
        # 'RIGHT KIDNEY:' over 'Finding: punctate calcification': the row's
        # label names the field, not a place; the line above it the place
        lo, hi = rd.sent_bounds(lo - 1)
    texts, blank = rd.layout.words, rd.layout.blank
    words = [texts[i] for i in range(lo, hi) if not blank[i]]
    if not words or words[-1] != ":":
        return None
    cands = [s for s in rd.matches.sites if lo <= s.span.start < hi]
    return cands[-1] if cands else None


# Most words a label's bracketed aside holds ('(partially imaged)', '(not
# enlarged)', '(status post cholecystectomy)').
_ASIDE_WORDS = 6


def _opens_parted_label(rd: ReportDoc, site: SiteRef, line: int) -> bool:
    """Is the site the organ that opens a label whose words a comma parts,
    alone on its line ('Appendix, appendectomy:', 'Thyroid, left lobe,
    lobectomy:' over the diagnosis lines of that part; `_label_mark`)?"""
    if site.start != _after_part_letter(rd, line) or rd.layout.words[site.span.end] != ",":
        return False
    mark = _label_mark(rd, line)
    if mark is None or site.span.end >= mark:
        return False
    # 'Liver, spleen:' labels two organs: the last one named heads the lines
    return all(
        s.site == site.site for s in rd.matches.sites if site.span.end < s.start < mark
    )


def _ends_label(rd: ReportDoc, k: int) -> bool:
    """Does the label end at token k: a label mark, a bare label's line
    break, or a bracketed aside then the mark ('Liver (partially imaged):',
    'Spleen (not enlarged):'; guide §2 step 4: the aside qualifies the
    organ, the line is still its)?"""
    words = rd.layout.words
    if words[k] in LABEL_MARKS or _bare_mark(rd, k):
        return True
    if words[k] != "(":
        return False
    for j in range(k + 1, min(len(words) - 1, k + 1 + _ASIDE_WORDS)):
        if "\n" in words[j] or words[j] == "(":
            return False
        if words[j] == "):" or (words[j] == ")" and words[j + 1] in LABEL_MARKS):
            return True
    return False


# Most words between a side and the colon of a label ('Left lobe:', 'RIGHT
# BREAST UPPER OUTER:', 'Left lower extremity angiogram today:').
LABEL_WORDS = 4
# The marks that end a label: a colon, or a dash a dictation writes for one
# ('R breast -- no suspicious calcifications. Vascular calcification.')
LABEL_MARKS = frozenset({":", "--", "\u2014"})


def side_from_label(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side of a label that opens the finding's line ('Left: scarring.
    Dystrophic calcifications ...', 'Left lobe: 2.6 cm nodule. No
    microcalcifications.'), the last one before the finding, or of a label
    alone on the line above its sentence ('RIGHT:'); '' when none."""
    sent = rd.sent(f)
    line = _label_line_start(rd, sent.start)
    block = _label_block_start(rd, line)
    on_line = side_labels_on_line(rd, f, block)
    if block != line and _both_sides_labelled(kit, on_line):
        return ""  # 'Right ABI: 1.45. Left ABI: 1.38.' over 'Pressures are falsely elevated ...'
    if on_line:
        header = _heads_block(rd, on_line[-1]) or _bare_side(rd, on_line[-1])
        if _later_label(rd, on_line[-1].end, f.start, header):
            return ""  # 'Right knee film: ... Chest film: no calcification.'
        if part_ended(kit, rd, on_line, f):
            return ""  # 'Left: ... Both breasts: vascular calcifications. No masses.'
        side = str(kit.md(on_line[-1])["laterality"])
        if other_side_opens(kit, rd, on_line[-1].end, rd.sent(f).start, side):
            return ""  # 'Right ovary: cyst. Left ovary normal. Phleboliths.'
        return side
    if sent.start == 0 or line != sent.start:
        return ""
    prev = rd.sent_at(sent.start - 1)
    above_line = _line_start(rd, prev.start)  # once, not once per side word
    above = [s for s in rd.matches.lats if s.start == above_line]
    if above and above[0].start >= prev.start and _labels(rd, above[0], alone=True):
        return str(kit.md(above[0])["laterality"])
    return ""


def side_after_organ_label(kit: Toolkit, rd: ReportDoc, label: SiteRef) -> str:
    """The side a pathology part label writes after its organ's name and a
    comma ('A. Ovary, left, oophorectomy:', 'Skin, right cheek, shave:',
    'Thyroid, left lobe:'), or a DXA template in brackets right after it
    ('FOREARM (LEFT):', 'Hip (Right):'): such a report labels each part organ
    first, side second, and the side is the label's as much as in 'Left
    ovary:' (guide §2 step 4: a label line above the finding). '' when no
    side word follows the organ's comma or bracket, or its label runs to no
    mark."""
    words, blank = rd.layout.words, rd.layout.blank
    i = label.span.end
    if i < len(words) and words[i] == "(":
        side = next((x for x in rd.matches.lats if x.start == i + 1), None)
        if side is None or kit.md(side).get("implied"):
            return ""
        return str(kit.md(side)["laterality"]) if _bracket_ends_label(rd, side) else ""
    if i >= len(words) or words[i] != ",":
        return ""
    i += 1
    while i < len(words) and blank[i] and "\n" not in words[i]:
        i += 1
    side = next((x for x in rd.matches.lats if x.start == i), None)
    if side is None or kit.md(side).get("implied") or not _labels(rd, side):
        return ""
    return str(kit.md(side)["laterality"])


def _both_sides_labelled(kit: Toolkit, labels: list[Span]) -> bool:
    """Do the side labels of the line above the finding's (`labels`) name
    both sides ('Right ABI: 1.45. Left ABI: 1.38.')? A line under such a
    line speaks of both, as a line after a list of labelled lines does
    ('Right lobe: ...' 'Left lobe: ...' 'No new calcification.'), and takes
    the side of neither (corpora/GUIDE.md laterality: not carried from
    other sentences)."""
    return len({str(kit.md(x)["laterality"]) for x in labels}) > 1


def other_side_opens(kit: Toolkit, rd: ReportDoc, lo: int, hi: int, side: str) -> bool:
    """Does a sentence between tokens lo and hi open with a side word other
    than the label's `side` ('Left ovary normal.' after 'Right ovary: ...')?
    It speaks of the other side's part: the label's part has ended, and a
    sentence after it names no side by the label (corpora/GUIDE.md
    laterality: not carried from other sentences)."""
    first, blank = rd.layout.sent_first, rd.layout.blank
    for x in rd.matches.lats:
        if not lo <= x.start < hi or kit.md(x)["laterality"] == side:
            continue
        start = first[x.start]
        if all(blank[i] or not rd.lower[i].isalnum() for i in range(start, x.start)):
            return True
    return False


def label_block_start(rd: ReportDoc, f: Span) -> int:
    """Where the label heading the finding's line starts: its own line, or
    the label line above it (`_label_block_start`: 'Right' over 'Common
    femoral artery patent. Popliteal artery: focal calcified plaque')."""
    return _label_block_start(rd, _label_line_start(rd, rd.sent(f).start))


def side_labels_on_line(rd: ReportDoc, f: Span, line: int | None = None) -> list[Span]:
    """The side words that open a label on the finding's line before it
    ('Left breast:', 'RIGHT:'), in text order; `line`: where the line
    starts, when known."""
    if line is None:
        line = _label_line_start(rd, rd.sent(f).start)
    return [
        s
        for s in rd.matches.lats
        if line <= s.start
        and s.end <= f.start
        and (
            (_opens(rd, s.start, line) and _labels(rd, s))
            or _bracketed_label_side(rd, s, line)
        )
    ]


def _bracketed_label_side(rd: ReportDoc, side: Span, line: int) -> bool:
    """Is the side word written in brackets after the few words of a label
    that opens the line, its mark right after the bracket ('FOREARM
    (LEFT):', 'Hip (Right):')? A DXA template labels each region so; the
    label is the side's as much as 'LEFT FOREARM:' is."""
    words, blank = rd.layout.words, rd.layout.blank
    if side.start < line + 2 or words[side.start - 1] != "(":
        return False
    if not _bracket_ends_label(rd, side):
        return False
    before = [words[i] for i in range(line, side.start - 1) if not blank[i]]
    return 0 < len(before) <= LABEL_WORDS and all(w.isalpha() for w in before)


def _bracket_ends_label(rd: ReportDoc, side: Span) -> bool:
    """Does a closing bracket and a label's mark follow the side word right
    after it ('(LEFT):', '(Right) :')?"""
    words = rd.layout.words
    after = words[side.end] if side.end < len(words) else ""
    return after == "):" or (
        after == ")" and side.end + 1 < len(words) and words[side.end + 1] in LABEL_MARKS
    )


def part_ended(kit: Toolkit, rd: ReportDoc, on_line: list[Span], f: Span) -> bool:
    """Has the part the last label of the line (`on_line`) heads ended
    before the finding's sentence? So where the label follows another on
    its line (a line of labelled parts, 'Left breast: ... Right breast:
    ...') and a sentence after the label's own, before the finding's, speaks
    of another side or of both ('Left breast: dystrophic calcifications.
    Vascular calcifications in both breasts. No suspicious calcifications.'):
    the label's part has moved on, and the finding takes no side by it. With
    nothing of the kind between, the label heads the rest of its line
    ('Right breast: vascular calcifications. No suspicious
    microcalcifications.' is the right breast's; corpora/GUIDE.md
    laterality: a label line over the finding gives its side). A label that
    names a study of its own ('Left knee radiographs:'; mentions.json
    `exam_words`) heads that study to its end, the next label: a denial
    after its finding surveys that study, whose side it takes (corpora/
    GUIDE.md site: a denied finding takes the side the exam would give it
    affirmed)."""
    if len(on_line) < 2:
        return False
    own = rd.sent_at(on_line[-1].start)
    if own.end > f.start:
        return False
    if _names_study(rd, on_line[-1]):
        return False
    side = kit.md(on_line[-1])["laterality"]
    lo, hi = own.end, rd.layout.sent_first[f.start]
    return any(
        lo <= x.start < hi and kit.md(x)["laterality"] != side for x in rd.matches.lats
    )


def _names_study(rd: ReportDoc, side: Span) -> bool:
    """Does the label the side word opens name a study ('Left knee
    radiographs:', 'Right shoulder film today:'): a study word (mentions.json
    `exam_words`) among its words before the colon?"""
    study = rd.word_sets.get("exam_words", frozenset())
    words = rd.layout.words
    for i in range(side.end, min(side.end + LABEL_WORDS + 1, len(words))):
        if words[i] in LABEL_MARKS or _bare_mark(rd, i):
            return False
        if rd.lower[i] in study:
            return True
    return False


def _later_label(rd: ReportDoc, lo: int, hi: int, header: bool = False) -> bool:
    """Does another label open a sentence between tokens lo and hi, past the
    colon of the label that ends at or after lo ('Right shoulder film: ...
    Hand films: ... Chest film: no lung calcification.')? The last label
    before a finding heads it; one without a side gives it none. Under a
    side label that heads a block of lines (`header`: 'RIGHT LOWER
    EXTREMITY:' with nothing after it on its line), only another such label
    does: one with its words after it on its line names a part of the block
    ('Tibial runoff: heavy calcification ...')."""
    words, blank, first = rd.layout.words, rd.layout.blank, rd.layout.sent_first
    marks = [k for k in range(lo, hi) if words[k] in LABEL_MARKS]
    for k in marks[1:]:
        start = first[k]
        between = [words[i] for i in range(start, k) if not blank[i]]
        if (
            between
            and len(between) <= LABEL_WORDS + 1
            and all(w.isalpha() for w in between)
            and not (header and not _ends_line(rd, k))
        ):
            return True
    return False


def _heads_block(rd: ReportDoc, side: Span) -> bool:
    """Is the side word's label alone on its line, its colon followed by a
    line break or by the comma an export joined the next line with?"""
    words = rd.layout.words
    reach = range(side.end, min(side.end + LABEL_WORDS + 1, len(words)))
    # the colon of its own line: not that of the part label under a side
    # written alone without one ('RIGHT' over 'ICA: calcified plaque')
    line_end = next((i for i in reach if "\n" in words[i]), reach.stop)
    k = next((i for i in range(side.end, line_end) if words[i] == ":"), None)
    if k is None:
        return _on_bare_label(rd, side)  # 'RIGHT LOWER EXTREMITY' alone
    return _ends_line(rd, k)


def side_of_bare_label(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side of a bare side label ('Right:') opening the finding's line,
    or a label line above it ('Right' over 'Common femoral artery patent.'),
    before a label of a part with no side ('Right: ... Popliteal artery:
    calcified plaque'): the part lies on that side (guide §2 step 4); ''
    when the last side label on the line names a part itself ('Kidneys:',
    'Left kidney:') or there is none."""
    on_line = side_labels_on_line(rd, f, label_block_start(rd, f))
    if not on_line or kit.md(on_line[-1]).get("implied") or not _bare_side(rd, on_line[-1]):
        return ""
    return side_from_label(kit, rd, f)


# Most lines of part labels a side label alone on its line heads ('LEFT:',
# then 'Common carotid artery: ...', 'Vertebral artery: ...').
BLOCK_LINES = 8
# Most words of a part label ('Bulb and internal carotid artery:').
PART_LABEL_WORDS = 6


def side_of_block_label(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side of a side label alone on its line ('LEFT SIDE:', 'RIGHT
    LOWER EXTREMITY:') over the finding's line when that line opens with
    the label of a part with no side ('Vertebral artery: calcification at
    its origin'): the side label heads the part labels under it, each line
    between opening with one too, up to the next side label or section
    (corpora/GUIDE.md laterality: a label line over the finding; guide §2
    step 4). '' when a line between opens otherwise, or none heads it. A
    list's items under the side label are its lines alike ('Right:' over '-
    CFA patent, mild calcified plaque', '- Profunda patent', '- SFA: heavy
    calcification'): the finding's item opens with a part label after its
    mark, and the items between may open as they like (`_items_under`)."""
    line = _line_start(rd, f.start)
    item = _list_item(rd, line)
    if _part_label_end(rd, _item_text_start(rd, line) if item else line, f.start) is None:
        return ""
    for above, below in _lines_above(rd, line, blank_ends=False):
        on_line = [s for s in rd.matches.lats if above <= s.start < below]
        ends = [s for s in on_line if _ends_label_line(rd, s, above)]
        if ends:
            return "" if kit.md(ends[-1]).get("implied") else str(kit.md(ends[-1])["laterality"])
        if any(s.start == above for s in on_line):
            return ""  # 'Right femoral artery: ...' or 'Left: ...': a label of its own
        if item and _items_under(rd, above, on_line):
            continue
        if _part_label_end(rd, above, len(rd.layout.words)) is None:
            return ""
    return ""


def _items_under(rd: ReportDoc, line: int, on_line: list[Span]) -> bool:
    """Is the line at token `line` a list item that names no side before
    its words ('- Profunda patent', '- CFA patent, mild calcified plaque'),
    one of the items a side label over the list heads with the finding's
    (`side_of_block_label`)? An item opening with a side ('- Left CFA:
    ...') heads its own part."""
    if not _list_item(rd, line):
        return False
    at = _item_text_start(rd, line)
    return not any(s.start == at for s in on_line)


def side_of_location_line(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side a template's location line gives the key-value lines under
    it: 'Location: Left lobe, lower pole' over 'Echogenic foci:
    macrocalcifications' in a thyroid nodule's block (guide §2 step 4: a
    label line above the finding). The finding's line opens with a key of
    its own; every line between opens with one too ('Size: 0.9 cm'), in the
    same section with no blank line, up to the first key that is a location
    word (mentions.json `location_keys`), whose value writes one side. A
    line with no key mark ('NODULE 2') heads the block, and a key met again
    ('Echogenic foci:' of the nodule above, its header joined to that line
    as a wrap) opens the block before: the walk stops there, so a block
    takes no side of the one above it."""
    value = _location_value(rd, f)
    if value is None:
        return ""
    mark, below = value
    sides = {str(kit.md(x)["laterality"]) for x in rd.matches.lats if mark < x.start < below}
    return sides.pop() if len(sides) == 1 else ""


def site_of_location_line(rd: ReportDoc, f: Span) -> SiteRef | None:
    """The site a template's location line names for the key-value lines
    under it, as `side_of_location_line` finds it: 'Site: Left breast 10:00'
    over 'Pathology: fibrocystic change with calcifications' (guide §2 step
    4: a label line above the finding); the first site its value names,
    None when it names none."""
    value = _location_value(rd, f)
    if value is None:
        return None
    mark, below = value
    return next((s for s in rd.matches.sites if mark < s.start < below and s.site), None)


def _location_value(rd: ReportDoc, f: Span) -> tuple[int, int] | None:
    """The value (from past its key's mark to the line's end, in tokens) of
    the location line over the finding's keyed line (`side_of_location_line`
    tells how the walk goes); None when there is none."""
    line = _line_start(rd, f.start)
    mark = _keyed_line(rd, line, f.start)
    if mark is None:
        return None
    keys = rd.word_sets.get("location_keys", frozenset())
    seen = {tuple(rd.lower[line:mark])}
    for above, below in _lines_above(rd, line):
        mark = _keyed_line(rd, above, below)
        if mark is None or tuple(rd.lower[above:mark]) in seen:
            return None
        seen.add(tuple(rd.lower[above:mark]))
        if keys.isdisjoint(rd.lower[above:mark]):
            continue
        if _row_of_finding_above(rd, above):
            return None  # 'FINDING 1: ... LOCATION: Left axilla' over 'FINDING 2: ...'
        return mark, below
    return None


def _row_of_finding_above(rd: ReportDoc, line: int) -> bool:
    """Is the location line at token `line` a row of another finding's
    record, one named on a keyed line above it in the same block ('FINDING
    1: Calcified lymph node' over 'LOCATION: Left axilla')? Its side is that
    finding's, not the one under it (guide §2: a clause about another
    structure gives no side)."""
    for above, below in _lines_above(rd, line):
        if _keyed_line(rd, above, below) is None:
            return False
        if any(above <= c.start < below for c in rd.matches.calc):
            return True
    return False


def _lines_above(
    rd: ReportDoc, line: int, blank_ends: bool = True
) -> Iterator[tuple[int, int]]:
    """The lines above the one starting at token `line`, nearest first, as
    (start, end) tokens: BLOCK_LINES at most, in that line's section, and
    (`blank_ends`) no blank line between."""
    sections = rd.layout.sections
    section = sections[line][2] if line < len(sections) else 0
    for _ in range(BLOCK_LINES):
        if line == 0:
            return
        below, line = line, _line_start(rd, line - 1)
        if line < len(sections) and sections[line][2] != section:
            return
        if blank_ends:
            gap = "".join(rd.layout.words[line:below]).replace("\r", "").replace(" ", "")
            if "\n\n" in gap:
                return
        yield line, below


def _keyed_line(rd: ReportDoc, line: int, before: int) -> int | None:
    """The colon or dash of the key opening the line at token `line`
    ('Size:', 'Echogenic foci:'), before token `before`; None when the line
    opens otherwise, or with a key its export wrote with no mark."""
    mark = _label_mark(rd, line)
    if mark is None or mark >= before or rd.layout.words[mark] not in LABEL_MARKS:
        return None
    return mark


def _ends_label_line(rd: ReportDoc, side: Span, line: int) -> bool:
    """Is the side word a label alone at the end of its line: its colon ends
    the line, and it opens the line or follows a title an export joined to
    it with a comma ('CAROTID DUPLEX, LEFT SIDE:, ...')?"""
    if not _heads_block(rd, side):
        return False
    if side.start == line:
        return True
    words, blank = rd.layout.words, rd.layout.blank
    j = side.start - 1
    while j > line and blank[j]:
        j -= 1
    return words[j] == ","


def _part_label_end(rd: ReportDoc, line: int, before: int) -> int | None:
    """The colon of a label of a part opening the line at token `line`
    ('Common carotid artery:', 'Bulb and internal carotid artery:'): a few
    words, a site among them and no side word, the colon before token
    `before`; None when the line opens otherwise."""
    words, blank = rd.layout.words, rd.layout.blank
    i, seen = line, 0
    while i < min(before, len(words)) and seen <= PART_LABEL_WORDS:
        if blank[i]:
            if "\n" in words[i]:
                return None
        elif words[i] == ":":
            if seen == 0 or any(line <= x.start < i for x in rd.matches.lats):
                return None
            has_site = any(line <= s.start and s.span.end <= i for s in rd.matches.sites)
            return i if has_site else None
        elif words[i].isalpha():
            seen += 1
        elif words[i] != ",":
            return None
        i += 1
    return None


def _bare_side(rd: ReportDoc, side: Span) -> bool:
    """Is the side word a label by itself ('Right:'), its mark right after
    it? Such a label names no part: it heads the labels of parts that follow
    it on its line ('Right: ... Popliteal artery: calcified plaque'), up to
    the other side's label (guide §2 step 4: a label the finding sits
    under)."""
    words = rd.layout.words
    return _bracketed_letter(rd, side) or (
        side.end < len(words)
        and (words[side.end] in LABEL_MARKS or _bare_mark(rd, side.end))
    )


def _bracketed_letter(rd: ReportDoc, side: Span) -> bool:
    """Is the side word a capital letter its closing bracket ends ('R)',
    sites.json side_abbreviations)? Opening its line, it is a label, the
    bracket its mark ('R) Moderate OA. Chondrocalcinosis.'), as 'R:' is."""
    words = rd.layout.words
    return (
        side.end - side.start == 2
        and words[side.end - 1] == ")"
        and len(words[side.start]) == 1
        and words[side.start].isupper()
    )


def _ends_line(rd: ReportDoc, k: int) -> bool:
    """Does the colon at token k end its line (a line break, the text's end,
    or a comma an export joined the next line with, after blanks)?"""
    words, blank = rd.layout.words, rd.layout.blank
    j = k + 1
    while j < len(words) and blank[j] and "\n" not in words[j]:
        j += 1
    return j == len(words) or "\n" in words[j] or words[j] == ","


def _labels(rd: ReportDoc, side: Span, alone: bool = False) -> bool:
    """Is a side word the start of a label: a colon (or a dash standing for
    one, `LABEL_MARKS`) within LABEL_WORDS words after it on its line (and,
    with `alone`, nothing after the colon on it)? A side word of a label
    written without its mark alone on its line is one too (`bare_label_end`)."""
    words, blank = rd.layout.words, rd.layout.blank
    if _on_bare_label(rd, side):
        return True
    if _bracketed_letter(rd, side):
        if not alone:
            return True
        j = side.end
        while j < len(words) and blank[j] and "\n" not in words[j]:
            j += 1
        return j == len(words) or "\n" in words[j]
    i, seen = side.end, 0
    while i < len(words) and seen <= LABEL_WORDS:
        if blank[i]:
            if words[i].count("\n") != 1 or not continues(words, i):
                return False
            i += 1  # a label a hard wrap broke: 'Left lower extremity\nangiogram:'
            continue
        if words[i] in LABEL_MARKS:
            if not alone:
                return True
            j = i + 1
            while j < len(words) and blank[j] and "\n" not in words[j]:
                j += 1
            return j == len(words) or "\n" in words[j]
        if words[i] in _LABEL_ORGAN_JOINS:
            i += 1  # 'KIDNEYS/URETERS:': a label of two organs
            continue
        if not words[i].isalpha():
            return False
        i, seen = i + 1, seen + 1
    return False


# The marks a label joins two organs' names with ('KIDNEYS/URETERS:',
# 'Kidneys, ureters:', 'Liver & spleen:').
_LABEL_ORGAN_JOINS = frozenset({"/", ",", "&"})


def _opens(rd: ReportDoc, i: int, line: int) -> bool:
    """Does token i open its line (`line`), a sentence, a line an export
    joined with a comma after a colon or full stop ('FINDINGS: ,Right
    kidney: 11 cm.'), or a heading's content right after its colon ('CT
    ABDOMEN: Right kidney: 11 cm.')?"""
    if i == line or rd.layout.sent_first[i] == i:
        return True
    words, blank = rd.layout.words, rd.layout.blank
    j = i - 1
    while j >= 0 and blank[j] and "\n" not in words[j]:
        j -= 1
    return j >= 0 and (_joined_break(words, j) or words[j].endswith(":"))  # '(today):'


def _label_line_start(rd: ReportDoc, i: int) -> int:
    """`_line_start`, but a line an export joined right after a label's
    colon (',LEFT BREAST: , Scattered calcifications.') starts at the label
    (wrapping.py joins such a line a hard wrap broke after the colon)."""
    line = _line_start(rd, i)
    words, blank = rd.layout.words, rd.layout.blank
    j = line - 1
    while j >= 0 and blank[j] and "\n" not in words[j]:
        j -= 1
    if j >= 1 and words[j] == "," and words[j - 1] == ":":
        return _line_start(rd, j - 1)
    return line


def _label_block_start(rd: ReportDoc, line: int) -> int:
    """Where the label heading the finding's line starts: `line` itself, or,
    when that line opens with no label, the nearest line above it in the
    same block that does ('RIGHT KIDNEY: 11.2 cm' over 'Echogenic pyramids,
    consistent with nephrocalcinosis': one statement per line, no full
    stops), the lines between opening with no label (guide §2 step 4: a
    label line above the finding). The items of a list under a label are
    its lines too ('Left lung:' over '- calcified granuloma' and '- 3 mm
    calcified nodule': an export that writes each sentence as an item), the
    items before the finding's passed over; a plain line reaches no label
    across an item. An item that opens with a label naming only a place
    heads the items after it alike ('1. Right breast: distortion at 10
    o'clock.' over '2. Calcifications along the suture line.'), up to the
    next item with a label. `line` when no such label heads it: a blank line
    or a section header comes first, an item opens with a label of its own,
    or the labelled item above names more than a place ('1. Right lower lobe
    pneumonia: ...' heads no other item), or the label ends
    a list of labelled lines ('Right lobe: ...' 'Left lobe: ...' 'No new
    calcification.': a line after such a list speaks of them all)."""
    item = _list_item(rd, line)
    if _opens_label(rd, line) or (item and _label_in_item(rd, line)):
        return line
    at = line
    for _ in range(BLOCK_LINES):
        above = _line_above(rd, at)
        if above is None:
            return line
        if _list_item(rd, above):
            if not item:
                return line  # a plain line reaches no label across an item
            if _label_in_item(rd, above):
                return above if _heads_items(rd, above, at != line) else line
            at = above
            continue
        if _after_part_letter(rd, above) != above and not _opens_label(rd, above):
            return line  # 'B. Thyroid, ...' opens another part of the report
        if _opens_label(rd, above):
            before = _line_above(rd, above)
            if before is None:
                return above
            if bare_label_end(rd, above) is not None:
                return line if at != line and _one_line_part(rd, before) else above
            return line if _opens_label(rd, before) else above
        at = above
    return line


def _finding_row(rd: ReportDoc, line: int) -> bool:
    """Does the line at token `line` open with a record's label for the
    finding itself ('Finding: punctate calcification'; mentions.json
    `finding_row_labels`)? It names no place: a label line over it heads
    the finding as it would the finding's words alone (guide §2 step 4)."""
    mark = _label_mark(rd, line)
    if mark is None:
        return False
    blank = rd.layout.blank
    label = " ".join(rd.lower[i] for i in range(line, mark) if not blank[i])
    return label in rd.word_sets.get("finding_row_labels", frozenset())


def _one_line_part(rd: ReportDoc, line: int) -> bool:
    """Is the line at token `line` the one line under a label written
    without its mark ('RIGHT LOBE' over '1.6 cm nodule.')? Labels so written,
    each over one line, make the list of labelled lines 'Right lobe: 1.6 cm
    nodule.' makes: a second line under the last of them ('LEFT LOBE' over
    '4 mm cyst.' over 'No new calcification.') speaks of them all."""
    above = _line_above(rd, line)
    return above is not None and bare_label_end(rd, above) is not None


def _line_above(rd: ReportDoc, line: int) -> int | None:
    """The start of the line above the one starting at token `line`, in the
    same block (one line break or an export's comma between, the same
    section, not its header); None at the text's start, a blank line or a
    section header."""
    words, blank, sections = rd.layout.words, rd.layout.blank, rd.layout.sections
    j = line - 1
    while j >= 0 and blank[j] and "\n" not in words[j]:
        j -= 1
    if j < 0 or not ((blank[j] and words[j].count("\n") == 1) or _joined_break(words, j)):
        return None
    above = _line_start(rd, j)
    if above >= line or line >= len(sections) or above >= len(sections):
        return None
    name, body, head, _ = sections[above]
    if head != sections[line][2] or (head == above and body > above):
        return None  # another section, or its header's line
    return above


def _label_in_item(rd: ReportDoc, line: int) -> bool:
    """Does the list item at token `line` open with a label after its mark
    ('- Right kidney: 11 cm', '2. LIVER: normal')?"""
    at = _item_text_start(rd, line)
    return at < len(rd.layout.words) and _opens_label(rd, at)


def _place_label_in_item(rd: ReportDoc, line: int) -> bool:
    """Does the list item at token `line` open with a label that names a
    place and nothing else ('1. Right breast:', '- LEFT:', '3. Liver:'),
    its words all side and site words (`_place_words_only`)? Such a label
    heads the items after it as a label line heads the lines under it (guide
    §2 step 4); one that names a finding or a plan ('1. Right lower lobe
    pneumonia: antibiotics.') heads its own item only."""
    at = _item_text_start(rd, line)
    mark = _label_mark(rd, at)
    return mark is not None and _place_words_only(rd, at, mark)


def _heads_items(rd: ReportDoc, item: int, past_next: bool) -> bool:
    """Does the labelled item at token `item` head the finding's item below
    it: its label names a place only (`_place_label_in_item`), and, when
    the finding's item is not the one right after it (`past_next`), the item
    before it opens with no label? Items each opening with a label make the
    list of labelled lines 'Right lobe: ...' 'Left lobe: ...' makes; the
    first item after its last label continues that label's line, and a
    later one ('1. Right lobe: 1.6 cm nodule.' '2. Left lobe: 4 mm cyst.'
    '3. Stable.' '4. No new calcification.') speaks of them all."""
    if not _place_label_in_item(rd, item):
        return False
    if not past_next:
        return True
    before = _line_above(rd, item)
    return before is None or not (_list_item(rd, before) and _label_in_item(rd, before))


def _item_text_start(rd: ReportDoc, line: int) -> int:
    """The first token after the mark of the list item at token `line`."""
    words, blank = rd.layout.words, rd.layout.blank
    at = line + _item_mark_width(rd, line)
    while at < len(words) and blank[at] and "\n" not in words[at]:
        at += 1
    return at


def _item_mark_width(rd: ReportDoc, line: int) -> int:
    """How many tokens the list item's mark holds ('-': 1, '2' '.': 2)."""
    return 1 if rd.layout.words[line] in _BULLETS else 2


def _list_item(rd: ReportDoc, line: int) -> bool:
    """Does the line open a numbered or bulleted item ('2. ...', '- ...')?"""
    words = rd.layout.words
    if line >= len(words):
        return False
    w = words[line]
    if w in _BULLETS:
        return True
    return w.isdigit() and len(w) <= 2 and line + 1 < len(words) and words[line + 1] in (".", ")")


_BULLETS = frozenset({"-", "*", "\u2022"})


def _opens_label(rd: ReportDoc, line: int) -> bool:
    """Does the line at token `line` open with a label: a few words and a
    label's mark ('Left kidney:', 'LIVER:', 'Nodule 3:', 'Bladder --',
    'Liver (partially imaged):')?"""
    return _label_mark(rd, line) is not None


def _label_mark(rd: ReportDoc, line: int) -> int | None:
    """The mark of the label that opens the line at token `line` (its colon
    or dash, or the line break after a label written without one:
    `bare_label_end`); None when the line opens with no label."""
    words, blank = rd.layout.words, rd.layout.blank
    start = _after_part_letter(rd, line)
    lettered, line = start != line, start
    if line >= len(words) or not words[line].isalpha():
        return None
    i, seen, comma = line, 0, False
    while i < len(words) and seen <= PART_LABEL_WORDS + (
        PARTED_EXTRA_WORDS if comma and lettered else 0
    ):
        if blank[i]:
            if "\n" in words[i]:
                break
        elif words[i] in LABEL_MARKS or words[i] == "):":  # (the tokenizer's "):")
            return None if comma and not _ends_line(rd, i) else i
        elif words[i].isalnum():
            seen += 1
        elif words[i] == "," and (comma or _names_site_at(rd, line)):
            comma = True  # 'APPENDIX, APPENDECTOMY:' alone on its line
        elif words[i] not in _LABEL_PUNCTUATION and not _shortening(rd, i):
            return None
        i += 1
    return bare_label_end(rd, line)  # 'RIGHT KIDNEY' alone on its line


def _after_part_letter(rd: ReportDoc, line: int) -> int:
    """The first token after the letter that marks a pathology report's
    part ('A. Thyroid, left lobe:', 'B) Appendix, appendectomy:') when one
    opens the line at token `line` and a site phrase follows it; `line`
    otherwise."""
    words, blank = rd.layout.words, rd.layout.blank
    if line + 1 >= len(words) or not words[line][:1].isupper():
        return line
    if len(words[line]) == 2 and words[line][1] in _PART_LETTER_MARKS:
        at = line + 1  # the tokenizer's 'A.'
    elif len(words[line]) == 1 and words[line + 1] in _PART_LETTER_MARKS:
        at = line + 2
    else:
        return line
    while at < len(words) and blank[at] and "\n" not in words[at]:
        at += 1
    return at if _names_site_at(rd, at) else line


# How many more words a part's label whose words a comma parts may hold
# after its part letter ('B. Thyroid, right lobe and isthmus, completion
# thyroidectomy:').
PARTED_EXTRA_WORDS = 4
# The marks after a part's letter ('A.', 'B)').
_PART_LETTER_MARKS = frozenset({".", ")"})


def _names_site_at(rd: ReportDoc, i: int) -> bool:
    """Does a site phrase start at token i? A label whose words a comma
    parts opens with its organ ('Appendix, appendectomy:', 'Thyroid, left
    lobe, lobectomy:': a pathology report's part label)."""
    return any(s.start == i for s in rd.matches.sites)


def _shortening(rd: ReportDoc, i: int) -> bool:
    """Is token i the period of an abbreviation ('RT. KIDNEY:', 'Lt.:'),
    which ends no sentence (the layout's stops leave it out)?"""
    stops = rd.layout.stops
    if rd.layout.words[i] != ".":
        return False
    k = bisect_left(stops, i)
    return not (k < len(stops) and stops[k] == i)


# Marks a label's words may hold ('Liver (partially imaged):', 'Bulb/ICA:')
_LABEL_PUNCTUATION = frozenset({"(", ")", "/", "&", "-"})


def bare_label_end(rd: ReportDoc, line: int) -> int | None:
    """The line break ending a label written without its mark, alone on its
    line, the statements on the lines under it ('RIGHT KIDNEY' over '11 cm.
    Echogenic pyramids ...', 'Left breast' over 'Coarse calcifications.'):
    a sentence of its own of a few words, each a side or site word (or
    'and' between them), no calcification mention among them, one line
    break after it and a line of the same section under it. It heads those
    lines as 'RIGHT KIDNEY:' does (guide §2 step 4: a label line above the
    finding). Not a sentence without its stop ('Calcified granuloma'), a
    wrapped fragment (the sentence goes on), an exam title ('CT CHEST
    WITHOUT CONTRAST': not all place words) nor a section header. None
    when the line at token `line` is no such label."""
    lay = rd.layout
    words, blank = lay.words, lay.blank
    if line >= len(words) or lay.sent_first[line] != line or not words[line].isalpha():
        return None
    end = lay.sent_end[line]
    k = end - 1
    while k > line and blank[k] and "\n" not in words[k]:
        k -= 1
    if k == line or words[k].count("\n") != 1 or end >= len(words):
        return None  # the text's end, a blank line or no break after it
    if any(blank[i] and "\n" in words[i] for i in range(line, k)):
        return None  # a sentence over two lines
    if not _place_words_only(rd, line, k):
        return None
    sections = lay.sections
    _, body, head, _ = sections[line]
    if (head == line and body > line) or sections[end][2] != head:
        return None  # a section header, or the last line of its section
    return k  # (the text's first line heads no section by being first)


def _bare_mark(rd: ReportDoc, k: int) -> bool:
    """Is token k the line break that ends a label written without its
    mark (`bare_label_end`): it stands for the label's colon."""
    lay = rd.layout
    return k < len(lay.words) and lay.blank[k] and bare_label_end(rd, lay.sent_first[k]) == k


def _on_bare_label(rd: ReportDoc, side: Span) -> bool:
    """Is the side word part of a label written without its mark alone on
    its line ('RIGHT BREAST' over 'Coarse calcifications.')?"""
    return bare_label_end(rd, rd.layout.sent_first[side.start]) is not None


# Plain words a label of place words may join them with ('MEDIASTINUM AND
# HILA', 'Heart/vessels')
_LABEL_JOINS = frozenset({"and", "/", "&"})


def _place_words_only(rd: ReportDoc, lo: int, hi: int) -> bool:
    """Are tokens lo..hi (a line) a few side and site words and nothing
    else (but the parts of a place a side may lead: 'RIGHT LOWER
    EXTREMITY'): no other word, no calcification mention, one side or site
    at least?"""
    lower, blank = rd.lower, rd.layout.blank
    # the parts of a place a side word may lead ('RIGHT LOWER EXTREMITY',
    # 'LEFT SIDE'; mentions.json site_part_words, label_place_words)
    parts = rd.word_sets.get("label_place_words", frozenset()) | rd.word_sets.get(
        "site_part_words", frozenset()
    )
    if any(lo <= c.start < hi for c in rd.matches.calc):
        return False
    covered: set[int] = set()
    for x in rd.matches.lats:
        if lo <= x.start < hi:
            covered.update(range(x.start, x.end))
    for s in rd.matches.sites:
        if lo <= s.span.start < hi:
            covered.update(range(s.start, s.span.end))
    if not covered:
        return False
    seen = 0
    for i in range(lo, hi):
        if blank[i] or lower[i] in _LABEL_JOINS:
            continue
        seen += 1
        if (i not in covered and lower[i] not in parts) or seen > PART_LABEL_WORDS:
            return False
    return True


def _line_start(rd: ReportDoc, i: int, limit: int = 200) -> int:
    """The first word token of the line that holds token i. Exports that join
    lines with commas ('FINDINGS:,RIGHT KIDNEY: ...,LEFT KIDNEY: ...') break
    a line at a comma right after a colon or a full stop."""
    words, blank = rd.layout.words, rd.layout.blank
    # the last line break before token i, then a comma standing for one
    # after it
    i = _after_last_comma_break(
        words, _after_last_break(words, max(0, i - limit), i), i
    )
    while i < len(words) and blank[i]:
        i += 1
    return i


def _after_last_break(words: list[str], lo: int, hi: int) -> int:
    """The token after the last one of `lo`..`hi` holding a line break, or
    `lo`: found by the C string search in their texts joined by NULs (a
    loop over the tokens costs ten times more), by the loop where a token
    holds a NUL itself."""
    joined = "\0".join(words[lo:hi])
    if joined.count("\0") != max(hi - lo - 1, 0):
        while hi > lo and "\n" not in words[hi - 1]:
            hi -= 1
        return hi
    at = joined.rfind("\n")
    return lo if at < 0 else lo + joined.count("\0", 0, at) + 1


def _after_last_comma_break(words: list[str], lo: int, hi: int) -> int:
    """The token after the last comma of `lo`..`hi` that stands for a line
    break (`_joined_break`), or `lo`: the commas found from the end by the
    list's own search, not a test per word."""
    back = words[lo:hi]
    back.reverse()
    k = 0
    try:
        while True:
            k = back.index(",", k)
            if _joined_break(words, hi - 1 - k):
                return hi - k
            k += 1
    except ValueError:
        return lo


def _joined_break(words: list[str], i: int) -> bool:
    """Is token i (of the token texts `words`) a comma that stands for a
    line break (',' after ':' or '.', spaces between or not: 'FINDINGS:
    ,Right kidney: ...')?"""
    if words[i] != ",":
        return False
    j = i - 1
    while j >= 0 and words[j].isspace():
        j -= 1
    return j >= 0 and words[j] in {":", "."}


def opens_list_item(rd: ReportDoc, sent: Span) -> bool:
    """Does the sentence open a numbered item ('2. Calcified granuloma.'), its
    number inside it or split off just before it ('atelectasis.,2. Calcified')?"""
    before = rd.doc[max(0, sent.start - 3) : sent.start].text.strip()
    return bool(_ITEM_AT_END.search(before) or _ITEM_AT_START.match(sent.text))


# an item's number and its mark alone ('5.', '2)')
_ITEM_ONLY = re.compile(r"\d{1,2}[.)]")


def item_mark_only(rd: ReportDoc, sent: Span) -> bool:
    """Is the sentence only an item's number and its mark ('2.'), split off
    the item it opens?"""
    return _ITEM_ONLY.fullmatch(rd.span_text(sent).strip()) is not None
# an item number opens its line or follows a stop, never a word ('in
# segment 7. Calcification is seen centrally.' ends a sentence on a number)
_ITEM_AT_END = re.compile(r"(?:^|[,.:]|\n)\s*\d{1,2}[.)]$")
_ITEM_AT_START = re.compile(r"[,\s]*\d{1,2}[.)]\s")


# Plain words that may stand between a linking phrase and the site it names
# ('likely in the spleen', 'probably a splenic granuloma').
_LINK_FILLERS = frozenset({"a", "an", "the", "in", "within", "of"})


def site_said_after(rd: ReportDoc, f: Span) -> SiteRef | None:
    """A site its own sentence says the finding is in, named right after a
    linking phrase that follows it ('left upper quadrant calcifications, likely
    splenic granulomas'; guide §2 step 3: the lesion its sentence says it is),
    with no other finding, ';' or '.' between."""
    first = rd.layout.sent_first
    link = next(
        (k for k in rd.matches.links if k.start >= f.end and first[k.start] == first[f.start]),
        None,
    )
    if link is None or any(f.end <= c.start < link.end for c in rd.matches.calc):
        return None
    if any(f.end <= s < link.start for s in rd.layout.stops):
        return None
    i = link.end
    while i < len(rd.lower) and i - link.end < 3 and rd.lower[i] in _LINK_FILLERS:
        i += 1
    return next(
        (
            s
            for s in rd.matches.sites
            if s.span.start == i and s.span.label_ == "SITE" and asserted(rd, s, f)
        ),
        None,
    )


def site_pointed_back(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """A sentence that opens with a pronoun standing for the lesion named just
    before ('Nodular density at the right base. This is calcified, likely a
    granuloma.') speaks of that lesion: the site of the sentence before,
    ahead of the exam's reading (guide §2 step 4 before step 5)."""
    sent = rd.sent(f)
    # only its first word is read: not a Token made of each of its words
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or first.lower_ not in POINTING_PRONOUNS:
        return None
    i = first.i
    if f.start <= i + 1 or rd.lower[i + 1] in rd.lesion_nouns:
        return None  # 'This calcification ...', 'These nodules ...': a determiner
    return site_of_sentence_pointed_to(kit, rd, f)


def site_of_sentence_pointed_to(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The site of what the sentence before named, for a finding whose
    sentence points back to it with a pronoun (`site_pointed_back`; a
    pronoun subject of a predicate mention, 'views show these are
    calcified'): the one calcification's there, else the last site there,
    with the one side that sentence writes (guide §2 step 4)."""
    sent = rd.sent(f)
    found = _site_of_one_finding_before(rd, sent) or site_from_previous_sentence(
        rd, f, pointed=True
    )
    if found is None or found.laterality:
        return found
    # the one side that sentence writes ('at the left apex'; 'A nodule
    # is seen at the left midlung.'), by a side word or a site that carries
    # one ('In the LUL there is a nodule.')
    prev = _sentence_before(rd, sent, pointed=True)
    sides = sides_written(kit, rd, prev.start, prev.end, implied=True)
    return replace(found, laterality=sides.pop()) if len(sides) == 1 else found


def _site_of_one_finding_before(rd: ReportDoc, sent: Span) -> SiteRef | None:
    """The site the one calcification of the sentence before took, where that
    sentence names one ('Calcifications in the globus pallidi and dentate
    nuclei. These may reflect metabolic calcification.'): the pronoun stands
    for that finding, so the finding takes its place (guide §2 step 4: an
    earlier mention the sentence points back to), not the last place of its
    sentence (the first of two places one phrase names is the finding's).
    Read from the sites already linked (`ReportDoc.linked_sites`: findings
    are linked in text order); None where none is, or the sentence before
    names no calcification or several."""
    prev = _sentence_before(rd, sent, pointed=True)
    before = [c for c in rd.matches.calc if prev.start <= c.start and c.end <= prev.end]
    if len(before) != 1:
        return None
    return rd.linked_sites.get(key(before[0]))


def sides_written(
    kit: Toolkit, rd: ReportDoc, lo: int, hi: int, implied: bool = False
) -> set[str]:
    """The sides written from token `lo` to `hi`: side words (with
    `implied`, also those a plural implies: 'the kidneys') and site phrases
    that carry their side ('the LUL', 'right hilar node')."""
    sides = {
        str(kit.md(x)["laterality"])
        for x in rd.matches.lats
        if lo <= x.start < hi and (implied or not kit.md(x).get("implied"))
    }
    return sides | {
        str(kit.md(s.span)["laterality"])
        for s in rd.matches.sites
        if lo <= s.span.start < hi and kit.md(s.span).get("laterality")
    }
