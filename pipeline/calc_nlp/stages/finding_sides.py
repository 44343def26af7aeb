"""The side of one finding (guide §2, site and side from context): its own
words first, then the context the guide allows. Side words of a sentence,
joined places and plurals are read in sides.py; this module orders them
with the context (an earlier mention pointed back to, 'the former' or 'the
latter', the clause before a ';', 'contralateral', a line label, the exam)
for the findings stage. It is not part of sides.py because it reads
linking.py, which imports sides.py.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from calc_nlp.schema import Finding
from calc_nlp.stages.context_sites import (
    SENTENCES_BACK,
    label_block_start,
    names_other_part,
    noun_opens,
    only_header,
    other_side_opens,
    part_ended,
    side_after_organ_label,
    side_from_label,
    side_labels_on_line,
    side_of_bare_label,
    side_of_block_label,
    side_of_location_line,
    side_of_owner,
    sides_written,
    site_from_label_line,
    site_part_set,
)
from calc_nlp.stages.exam_sites import (
    opens_access_label,
    side_from_exam,
    side_from_topic,
    side_of_named_study,
    side_of_specimen,
)
from calc_nlp.stages.linking import described_antecedent, link_site, part_words
from calc_nlp.stages.modifiers import flags
from calc_nlp.stages.record import ReportDoc, SiteRef
from calc_nlp.stages.row_sites import side_of_rows
from calc_nlp.stages.sides import (
    in_superlative_share,
    lat_in_sentence,
    plural_before_semicolon,
    side_of_joined_places,
    side_of_whole,
    two_sides,
)
from calc_nlp.stages.toolkit import Toolkit


def finding_side(
    kit: Toolkit,
    rd: ReportDoc,
    f: Span,
    site: SiteRef | None,
    name: str,
    relative: bool = False,
) -> str:
    """The side of the finding `f` at `site` (named `name`): on a sided site
    its own words, then the context (`_side`); on a site with no side
    otherwise, only the side its site phrase implies or its joined places
    write. A `relative`'s finding (family) takes no side of the patient's
    exam, of a study or of the note's topic: those are the patient's
    ("Her mother had breast calcifications" on a left mammogram)."""
    info = kit.site_info(name)
    if info.get("sided", True):
        side = _side(kit, rd, f, site, name, relative)
        # an organ the body has one of is never on both sides: a 'bilateral'
        # its sentence writes is another finding's ('bilateral
        # nephrocalcinosis and two splenic calcifications')
        return "" if side == "bilateral" and info.get("unpaired") else side
    return _own_side(kit, site) or side_of_joined_places(kit, rd, f, site)


def _own_side(kit: Toolkit, site: SiteRef | None) -> str:
    """The side a site rule's own phrase implies on a site with no side
    otherwise ('left main bronchus' on the trachea; guide §2)."""
    return str(kit.md(site.span).get("laterality") or "") if site else ""


def _side(
    kit: Toolkit,
    rd: ReportDoc,
    f: Span,
    site: SiteRef | None,
    name: str,
    relative: bool = False,
) -> str:
    """The finding's side (guide §2): two sides named for it, the side on its
    site, a side word of its sentence, the side of a one-sided exam (not of
    an operation named on its line) or of one its sentence names, or of the
    part a sentence shortly before says the note is about. A site
    taken from an earlier sentence brings its side only where the finding's
    own sentence writes none ('Right: calcified plaque. Left: plaque without
    calcification.' - the second is left)."""
    first = rd.layout.sent_first
    own = site is not None and first[site.span.start] == first[f.start]
    carried = site.laterality if site is not None else ""
    if carried and not own and site is not None and _label_part_ended(kit, rd, f, site):
        carried = ""  # 'Left breast: ... Vascular calcifications in both breasts. No masses.'
    if own and site is not None and in_superlative_share(kit, rd, f, site):
        # 'Several calcified granulomas, the largest 6 mm in the LLL': the
        # place of the largest one gives the site, its side is that one's
        carried, own = "", False
    side = (
        two_sides(kit, rd, f, site)
        or (carried if own else "")
        or (side_of_whole(rd, site) if own else "")
        or (side_of_owner(kit, rd, site) if own and site is not None else "")
        or lat_in_sentence(kit, rd, f, site)
        or side_of_rows(kit, rd, f)
        or _side_of_the_same(rd, f)
        or _side_of_antecedent(kit, rd, f)
        or _side_of_former_or_latter(kit, rd, f)
        or _side_before_semicolon(kit, rd, f, site)
        or _side_relative_to_history(kit, rd, f)
        or carried
        or _side_of_pronoun_before(kit, rd, f, name)
        or plural_before_semicolon(kit, rd, f, name)
        or _label_side(kit, rd, f, site if own else None)
        or _side_of_described(kit, rd, f)
        or ("" if relative else _patient_side(kit, rd, f, name))
    )
    # 'subdural collections bilaterally with a calcified rim on the right':
    # the finding is on one side of the paired place
    return (_one_side_after(kit, rd, f) or side) if side == "bilateral" else side


# The words that may lead a side phrase written right after the mention
# ('with a calcified rim on the right', 'calcification at the left'), and
# the words that may close it ('on the right side'); an 'and' after it
# joins another side ('on the right and left') and ends no phrase.
_SIDE_LEADS = frozenset({"on", "at", "to"})
_SIDE_ARTICLES = frozenset({"the"})
_SIDE_TAILS = frozenset({"side"})
_PHRASE_ENDS = frozenset({",", ";", ".", ":"})


def _one_side_after(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The one side a bare side phrase right after the mention gives it
    ('Chronic subdural collections bilaterally with a thin calcified rim on
    the right', 'Adrenal hemorrhages bilaterally with rim calcification on
    the left'): the finding's own clause places it on that side of a paired
    place its site phrase gave both sides (guide §2 step 2: the phrase of
    its own clause that says where it lies). Only 'on', 'at' or 'to', an
    optional 'the', the side word and an optional 'side', then the end of
    the phrase; '' otherwise."""
    words = rd.lower
    i = f.end
    sent_end = rd.sent(f).end
    if i >= sent_end or words[i] not in _SIDE_LEADS:
        return ""
    if any(f.start <= s.start < f.end for s in rd.matches.lats):
        return ""  # 'bilateral calcifications on the left ...': its own words say
    i += 1
    if i < sent_end and words[i] in _SIDE_ARTICLES:
        i += 1
    lat = next((s for s in rd.matches.lats if s.start == i), None)
    if lat is None:
        return ""
    side = str(kit.md(lat).get("laterality") or "")
    if side not in {"left", "right"}:
        return ""
    j = lat.end
    if j < sent_end and words[j] in _SIDE_TAILS:
        j += 1
    return side if j >= sent_end or words[j] in _PHRASE_ENDS else ""


# Pronouns after the finding that stand for a thing the sentence before
# named ('A calcified focus within it.').
_OBJECT_PRONOUNS = frozenset({"it", "them"})


def _side_of_pronoun_before(kit: Toolkit, rd: ReportDoc, f: Span, name: str) -> str:
    """The side of the finding's site as the sentence right before writes it,
    where a pronoun after the finding in its own sentence stands for what
    that sentence named ('A 1.2 cm right level IV lymph node. A calcified
    focus within it.': right): corpora/GUIDE.md laterality, a finding that
    refers back to an earlier mention ('it', 'its') takes that mention's
    side; so does a subject opening the sentence before the finding
    (`_subject_points_back`). Only where that sentence writes one side and
    names the finding's site, or the sentence opens on 'It', whose
    predicate names what that thing is ('In the right kidney there is a 2 mm
    calcification. It may be a stone or a vascular calcification.': right),
    and for an affirmed finding: a denied one takes the side a label or the
    exam would give it affirmed (corpora/GUIDE.md site), not the sentence
    before's ('No calcification within it.'); '' otherwise."""
    sent = rd.sent(f)
    if not name or sent.start == 0:
        return ""
    pronoun_after = not _OBJECT_PRONOUNS.isdisjoint(rd.lower[f.end : sent.end])
    if not pronoun_after and not _subject_points_back(kit, rd, sent, f):
        return ""
    if "negated" in flags(rd.mods, f):
        return ""
    prev = rd.sent_at(sent.start - 1)
    if prev.start > 0 and only_header(rd, prev):
        # 'PROCEDURE: CT-guided biopsy of a left lower lobe nodule.
        # FINDINGS: The nodule contains ...': the header names nothing
        prev = rd.sent_at(prev.start - 1)
    if "\n\n" in rd.span_text(prev).replace("\r", "").replace(" ", ""):
        return ""  # a blank line: a new topic
    if (
        not pronoun_after
        and _names_its_own_place(kit, rd, sent, prev)
        and opens_access_label(kit, rd, prev.start, prev.end)
    ):
        return ""  # 'The tibial vessels ...' after the access artery's line
    is_it = rd.lower[sent.start] == "it" and sent.start < f.start
    if not is_it and not any(
        prev.start <= s.start < prev.end and s.site == name for s in rd.matches.sites
    ):
        return ""
    sides = sides_written(kit, rd, prev.start, prev.end)
    return sides.pop() if len(sides) == 1 else ""


# Words opening a sentence whose subject is the thing the sentence before
# named ('It was soft apart from ...', 'Its wall ...').
_SUBJECT_PRONOUNS = frozenset({"it", "its"})


def _subject_points_back(kit: Toolkit, rd: ReportDoc, sent: Span, f: Span) -> bool:
    """Whether the sentence opens, before the finding, on a subject that
    stands for what the sentence before named: a pronoun ('It was soft
    apart from the calcification on its back wall') or a definite noun of
    only a lesion's or a structure's kind ('The lesion was gritty, in keeping
    with the rim calcification seen on ultrasound'; mentions.json
    clause_pointing_heads, lesion_nouns): corpora/GUIDE.md laterality, a
    finding that refers back to an earlier mention takes its side."""
    lower = rd.lower
    if sent.start >= f.start:
        return False
    if lower[sent.start] in _SUBJECT_PRONOUNS:
        return True
    heads = kit.word_sets.get("clause_pointing_heads", frozenset()) | kit.word_sets.get(
        "lesion_nouns", frozenset()
    )
    # the noun right after 'the', or after one plain word that marks the
    # thing a procedure works on ('The target nodule contains central
    # calcification' after 'CT-guided biopsy, left lower lobe nodule')
    return lower[sent.start] == "the" and noun_opens(lower, sent.start + 1, f.start, heads)


def _names_its_own_place(kit: Toolkit, rd: ReportDoc, sent: Span, prev: Span) -> bool:
    """Does the sentence open on 'The', a place word that the sentence
    before (`prev`) does not write, and a noun ('The tibial vessels are
    heavily calcified' after 'ACCESS: Right common femoral artery.')? After
    an access line (exam_sites.opens_access_label) the noun phrase then
    names that place, not the artery the catheter went in by, and points
    back to nothing (corpora/GUIDE.md laterality: a side is carried only by
    a finding that refers back to an earlier mention; guide §2 step 5: the
    access line names no studied part); 'The vessel' after it still does."""
    at = sent.start + 1
    if rd.lower[sent.start] != "the" or not any(
        s.start == at and not kit.md(s.span).get("generic") for s in rd.matches.sites
    ):
        return False  # 'The vessel': a generic word points back
    return rd.lower[at] not in rd.lower[prev.start : prev.end]


def _side_of_the_same(rd: ReportDoc, f: Span) -> str:
    """The side of the place named before that the finding's sentence names
    by 'the same' ('Coarse calcifications at 9 o'clock in the same breast',
    'a second stone in the same kidney'): the side written on the last
    mention of that site before the sentence (corpora/GUIDE.md laterality;
    guide §2 step 2: the clause's location phrase points back); '' when
    none before writes one."""
    sent = rd.sent(f)
    if "same" not in rd.lower[sent.start : sent.end]:
        return ""  # most sentences: no 'same' (one pass in C, no site read)
    same = [
        s
        for s in rd.matches.sites
        if sent.start <= s.start < sent.end
        and s.start > sent.start
        and rd.lower[s.start - 1] == "same"
    ]
    if not same:
        return ""
    names = {s.site for s in same}
    before = [
        s for s in rd.matches.sites if s.span.end <= sent.start and s.site in names and s.laterality
    ]
    return before[-1].laterality if before else ""


def _patient_side(kit: Toolkit, rd: ReportDoc, f: Span, name: str) -> str:
    """The side of the patient's one-sided exam, of a study the finding's
    sentence names or of the part the note is about (`_side`)."""
    return (
        side_from_exam(kit, rd, name, f.start)
        or side_of_named_study(kit, rd, f, name)
        or side_from_topic(kit, rd, f, name)
        or side_of_specimen(kit, rd, f, name)
    )


# Determiners that make a mention point back to an earlier one of the same
# noun ('These microcalcifications are worrisome').
_POINTING_DETERMINERS = frozenset({"this", "these", "that", "those"})


def _side_of_antecedent(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side of the earlier finding a mention led by a demonstrative
    points back to ('Right lobe: nodule with microcalcifications. Left lobe:
    cyst with rim calcification. These microcalcifications are worrisome.'):
    the nearest finding of the same head noun in the few sentences before
    (guide §2 step 4: an earlier mention the sentence points back to, 'these
    calcifications'), whose side is worked out the same way; '' when no
    such finding is there or it has no side."""
    if f.start == 0 or rd.lower[f.start - 1] not in _POINTING_DETERMINERS:
        return ""
    head = rd.lower[f.end - 1].removesuffix("s")
    sent = rd.sent(f)
    lo = sent.start
    for _ in range(SENTENCES_BACK):
        if lo == 0:
            break
        lo = rd.sent_at(lo - 1).start
    earlier = [
        c
        for c in rd.matches.calc
        if lo <= c.start and c.end <= sent.start and rd.lower[c.end - 1].removesuffix("s") == head
    ]
    if not earlier:
        return ""
    a = earlier[-1]
    site = link_site(kit, rd, a)
    if not kit.site_info(site.site if site else "").get("sided", True):
        return ""
    return _side(kit, rd, a, site, site.site if site else "")


def _side_of_described(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side of the earlier finding a mention led by 'the' and words that
    describe it points back to (`described_antecedent`: 'a new cluster of
    calcifications in the left breast ... The specimen radiograph showed the
    clustered calcifications'), worked out the same way (guide §2 step 4: an
    earlier mention the sentence points back to; corpora/GUIDE.md
    laterality: a reference to the same calcification carries its side);
    '' else."""
    a = described_antecedent(rd, f)
    if a is None:
        return ""
    site = link_site(kit, rd, a)
    if not kit.site_info(site.site if site else "").get("sided", True):
        return ""
    return _side(kit, rd, a, site, site.site if site else "")


# 'The former' points back to the first of two things the sentence before
# named, 'the latter' to the last.
_FORMER_LATTER = {"former": 0, "latter": -1}


def _side_of_former_or_latter(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """'A nodule in the right upper lobe and a second one at the left base.
    The latter is densely calcified.': a sentence that opens with 'the
    former' or 'the latter' speaks of the first or the last thing the
    sentence before named, and the finding takes the side written there
    (guide §2 step 4: an earlier mention the sentence points back to); ''
    where that sentence writes no side."""
    sent = rd.sent(f)
    i = sent.start
    while i < f.start and (rd.layout.blank[i] or rd.lower[i] in {",", ":"}):
        i += 1
    if i + 1 >= f.start or rd.lower[i] != "the" or rd.lower[i + 1] not in _FORMER_LATTER:
        return ""
    if sent.start == 0:
        return ""
    prev = rd.sent_at(sent.start - 1)
    sides = [x for x in rd.matches.lats if prev.start <= x.start < prev.end]
    sides += [
        s.span
        for s in rd.matches.sites
        if prev.start <= s.span.start < prev.end and kit.md(s.span).get("laterality")
    ]
    if not sides:
        return ""
    sides.sort(key=lambda x: x.start)
    return str(kit.md(sides[_FORMER_LATTER[rd.lower[i + 1]]])["laterality"])


# Words that open a clause speaking of what the clause before named ('; the
# vessels were heavily calcified', '; it is calcified').
_CLAUSE_POINTERS = frozenset(
    {"the", "this", "these", "that", "those", "it", "they", "its", "their"}
)


# Pronouns inside a clause that stand for what the clause before named
# ('...; CT confirms they are calcified'), and the copulas after which
# 'there' opens a clause instead of pointing to a place ('there is').
_CLAUSE_PRONOUNS = frozenset({"it", "they", "them"})
_THERE_COPULAS = frozenset({"is", "are", "was", "were", "has", "have", "may", "appears", "appear"})


def _points_back_within(rd: ReportDoc, sent: Span) -> bool:
    """Does a pronoun inside the clause stand for what the clause before
    named ('they are calcified'), or a 'there' point back to its place ('...
    heterotopic ossification in the subcutaneous tissue there'), not the
    'there' that opens a clause ('there is')?"""
    lower = rd.lower
    for i in range(sent.start, sent.end):
        w = lower[i]
        if w in _CLAUSE_PRONOUNS:
            return True
        if w == "there" and (i + 1 >= sent.end or lower[i + 1] not in _THERE_COPULAS):
            return True
    return False


# The flags of a finding that asks about or hedges what the clause before a
# ';' found ('density in the left perihilar region; a calcified granuloma
# cannot be excluded', 'plaques on both shins; rule out calciphylaxis').
_HEDGES = frozenset({"uncertain", "hypothetical"})


def _side_before_semicolon(
    kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef | None
) -> str:
    """The one side the clause before a ';' writes, for a finding of the
    clause after it that writes none and goes on about the same thing: a
    clause that points back ('left lower lobe nodule; the calcified granuloma
    beside it is stable') or one that hedges what the first clause found
    ('density in the left perihilar region; a calcified granuloma cannot be
    excluded') or asks about it ('painful plaques on both shins; rule out
    calciphylaxis'). Guide §2: the finding's sentence, or an earlier mention it
    points back to, gives the side. Not where the finding's own place
    phrase names another structure than the clause before ('...; dural
    calcification along the falx'): its place phrase must name a site that
    clause names, with a word of it ('the tibial vessels' after 'the left
    anterior tibial artery'); a site the mention names by itself, one the
    clause before names too (or a clause naming no site). A pronoun inside
    the clause points back as much ('...; CT confirms they are calcified'),
    and so does a 'there' that does not open a clause ('... in the
    subcutaneous tissue there'). '' else."""
    blank, lower = rd.layout.blank, rd.lower
    i = rd.layout.sent_first[f.start] - 1
    while i >= 0 and blank[i]:
        i -= 1
    if i < 0 or lower[i] != ";":
        return ""
    sent = rd.sent(f)
    first = next((k for k in range(sent.start, sent.end) if not blank[k]), None)
    pointing = first is not None and lower[first] in _CLAUSE_POINTERS
    pointing = pointing or _points_back_within(rd, sent) or _pointing_place(kit, rd, f, sent)
    if not pointing and _HEDGES.isdisjoint(flags(rd.mods, f)):
        return ""
    prev = rd.sent(rd.doc[i])
    named = [
        s
        for s in rd.matches.sites
        if prev.start <= s.span.start < prev.end and s.span.label_ == "SITE"
    ]
    if site is not None and not _same_place(rd, f, sent, site, named):
        return ""
    sides = {
        str(kit.md(x)["laterality"])
        for x in rd.matches.lats
        if prev.start <= x.start < prev.end and not kit.md(x).get("implied")
    }
    sides |= {
        str(kit.md(s.span)["laterality"])
        for s in rd.matches.sites
        if prev.start <= s.span.start < prev.end and kit.md(s.span).get("laterality")
    }
    return sides.pop() if len(sides) == 1 else ""


def _pointing_place(kit: Toolkit, rd: ReportDoc, f: Span, sent: Span) -> bool:
    """Does a definite place phrase right after the finding name only the
    kind of structure the clause before named ('...; calcifications in the
    gland as well': mentions.json clause_pointing_heads)? It points back to
    that structure, as 'the vessel' does (guide §2 step 4)."""
    heads = kit.word_sets.get("clause_pointing_heads", frozenset())
    lower = rd.lower
    i = f.end
    return (
        i + 2 < sent.end
        and lower[i] in _POSTMODIFIER_LEADS
        and lower[i + 1] in _DEFINITE
        and lower[i + 2] in heads
    )


def _same_place(
    rd: ReportDoc, f: Span, sent: Span, site: SiteRef, named: list[SiteRef]
) -> bool:
    """Is the finding's site one the clause before names (`named`)? A place
    phrase of its own clause outside the mention must share a word before
    its head with a site phrase of that name ('the tibial vessels', 'the
    left anterior tibial artery'); any other site, the name alone. Any site
    where that clause names none of the vocabulary, only a region ('nodules
    on the left forearm; ... ossification in the subcutaneous tissue
    there')."""
    own = sent.start <= site.span.start < sent.end and not f.start <= site.span.start < f.end
    if not own or not named:
        return not named or any(s.site == site.site for s in named)
    # its words before the head ('tibial' of 'the tibial vessels'): a head
    # alone ('vessels', 'artery') names no one structure
    words = {w for w in rd.lower[site.span.start : site.span.end - 1] if w.isalpha()}
    return any(
        s.site == site.site
        and (not words or words & set(rd.lower[s.span.start : s.span.end]))
        for s in named
    )


_OPPOSITE = {"left": "right", "right": "left"}


def _side_relative_to_history(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """'Contralateral' in the finding's sentence (mentions.json
    `opposite_side_words`) names the side opposite the one every side word
    before that sentence writes ('s/p right mastectomy. ... a calcified node
    in the contralateral axilla': left); 'ipsilateral' (`same_side_words`)
    names that same side. None where those words name both sides or none,
    or where the sentence holds both kinds of word."""
    opposite = kit.word_sets.get("opposite_side_words", frozenset())
    same = kit.word_sets.get("same_side_words", frozenset())
    sent = rd.sent(f)
    words = rd.lower[sent.start : sent.end]
    flip, keep = not opposite.isdisjoint(words), not same.isdisjoint(words)
    if flip == keep:
        return ""
    sides = {
        str(kit.md(s)["laterality"])
        for s in rd.matches.lats
        if s.end <= sent.start and not kit.md(s).get("implied")
    }
    if len(sides) != 1:
        return ""
    side = sides.pop()
    return _OPPOSITE.get(side, "") if flip else side if side in _OPPOSITE else ""


def _label_part_ended(kit: Toolkit, rd: ReportDoc, f: Span, label: SiteRef) -> bool:
    """Is `label` a sided label of the finding's line ('Right breast:')
    whose part ended before the finding (context_sites.part_ended)?"""
    on_line = side_labels_on_line(rd, f)
    return (
        bool(on_line)
        and label.start == on_line[-1].start
        and part_ended(kit, rd, on_line, f)
    )


def _plural_label_of_another_organ(
    kit: Toolkit, rd: ReportDoc, f: Span, own: SiteRef
) -> bool:
    """Does the finding's line open with a label whose side is only the
    plural of a paired organ ('KIDNEYS AND BLADDER:', 'URETERS:') while the
    finding's own sentence names another organ? The plural gives both sides
    to that organ alone (guide §2: a clause about another structure gives no
    side), as a sided label does ('Left kidney: 11 cm. Calcified granulomas
    in the spleen.')."""
    on_line = side_labels_on_line(rd, f)
    if not on_line or not kit.md(on_line[-1]).get("implied"):
        return False
    plural = on_line[-1]
    organs = {s.site for s in rd.matches.sites if s.span.start == plural.start}
    return (
        bool(organs)
        and own.site not in organs
        and own.span.label_ == "SITE"
        and not kit.md(own.span).get("generic")
        and kit.site_info(own.site).get("kind") != "vessel"
    )


def _label_side(kit: Toolkit, rd: ReportDoc, f: Span, own: SiteRef | None) -> str:
    """The side of a line label over the finding ('RIGHT KIDNEY: ...
    vascular calcifications'), where the finding's site came from elsewhere
    (guide §2 step 4); not where the finding's own sentence names another
    organ than the label's ('Left kidney: 11 cm. Calcified granulomas in the
    spleen.'). A vessel may be the labelled organ's."""
    label = site_from_label_line(rd, f)
    if label is None:
        if own is not None and _plural_label_of_another_organ(kit, rd, f, own):
            return ""  # 'KIDNEYS AND BLADDER: Normal. The prostate contains calcifications.'
        return (
            side_from_label(kit, rd, f)
            or side_of_block_label(kit, rd, f)
            or side_of_location_line(kit, rd, f)
        )
    if label.laterality and _label_part_ended(kit, rd, f, label):
        return ""  # 'Left breast: ... Vascular calcifications in both breasts. No masses.'
    if not label.laterality:  # 'A. Ovary, left, oophorectomy:'
        label = replace(label, laterality=side_after_organ_label(kit, rd, label))
    if label.laterality and other_side_opens(
        kit, rd, label.span.end, rd.sent(f).start, label.laterality
    ):
        return ""  # 'Right ovary: cyst. Left ovary normal. Phleboliths.'
    if (
        own is not None
        and own.site != label.site
        and label.span.label_ == own.span.label_ == "SITE"
        and not kit.md(own.span).get("generic")
        and kit.site_info(own.site).get("kind") != "vessel"
    ):
        return ""
    # a label of a part with no side ('Popliteal artery:') lies under the
    # side label that opens its line ('Right: ... Popliteal artery: plaque'),
    # or under the sided label of its own organ ('RIGHT KIDNEY: ... Lower
    # pole: a calcification')
    return (
        label.laterality
        or _plural_label_side(kit, rd, f, label, own)
        or side_of_bare_label(kit, rd, f)
        or _side_of_organ_label(kit, rd, f, label)
        or side_of_block_label(kit, rd, f)
    )


def _plural_label_side(
    kit: Toolkit, rd: ReportDoc, f: Span, label: SiteRef, own: SiteRef | None
) -> str:
    """The side the label's own words imply, the plural of a paired organ
    ('KIDNEYS: No calculi. No renal parenchymal calcification.': bilateral,
    denied or not; corpora/GUIDE.md laterality, a label line over the finding
    gives it), for every sentence under it whose own words name no other
    site (`own`: 'Ureters: ... Multiple pelvic phleboliths' lie in no
    ureter); '' where a side word written between the label and the
    finding's sentence narrows the label's part to one side ('KIDNEYS: The
    right kidney has a cyst. ...')."""
    if own is not None and own.site != label.site:
        return ""
    implied = [
        x
        for x in rd.matches.lats
        if label.span.start <= x.start
        and x.end <= label.span.end
        and kit.md(x).get("implied")
    ]
    if not implied:
        return ""
    side = str(kit.md(implied[-1])["laterality"])
    start = rd.sent(f).start
    between = [x for x in rd.matches.lats if label.span.end <= x.start < start]
    if any(kit.md(x)["laterality"] != side for x in between) and not _both_measured(
        kit, rd, between
    ):
        return ""
    return side


def _both_measured(kit: Toolkit, rd: ReportDoc, between: list[Span]) -> bool:
    """Does the last sentence that writes a side word between a plural label
    and the finding write both sides ('KIDNEYS: Right 11.2 cm, left 11.0 cm.
    No nephrocalcinosis.')? It goes through both organs, so it narrows the
    label's part to neither, and the sentences after it stay under both."""
    last = rd.layout.sent_first[between[-1].start]
    sides = {
        kit.md(x)["laterality"] for x in between if rd.layout.sent_first[x.start] == last
    }
    return {"left", "right"} <= sides


def _side_of_organ_label(kit: Toolkit, rd: ReportDoc, f: Span, label: SiteRef) -> str:
    """The side of the last sided label on the finding's line, or on a label
    line above it ('RIGHT KIDNEY' over '10.8 cm. Lower pole: ...'), before
    its part label (`label`, 'Lower pole:') when that sided label names the same
    site, the whole of it ('RIGHT KIDNEY: 10 cm. Lower pole: ...'), not a
    part ('Left lobe:' of the thyroid): the part is that organ's
    (guide §2 step 4: the side of the label the finding sits under). ''
    where it names another site, or the other side opens a sentence
    between."""
    on_line = [
        x
        for x in side_labels_on_line(rd, f, label_block_start(rd, f))
        if x.end <= label.span.start
    ]
    if not on_line:
        return ""
    last = on_line[-1]
    organ = [
        s
        for s in rd.matches.sites
        if s.span.start <= last.start < s.span.end or s.span.start == last.end
    ]
    if not organ or organ[-1].site != label.site or part_words(kit, rd, organ[-1]):
        return ""  # 'Left lobe: ... Isthmus: no calcification': another part
    side = str(kit.md(last)["laterality"])
    if side not in ("left", "right"):
        return ""
    if other_side_opens(kit, rd, last.end, rd.sent(f).start, side):
        return ""
    return side


# Determiners that make a noun phrase point back to a thing already named
# ('the liver calcification', 'these granulomas').
_DEFINITE = _POINTING_DETERMINERS | {"the"}
# Prepositions that open a phrase after the noun saying which one it is ('the
# calcification of this plaque'): that phrase, not an earlier mention, makes
# the noun phrase definite.
_POSTMODIFIER_LEADS = frozenset({"of", "in", "at", "within", "along", "on"})
# Pronouns such a phrase may end on that point back themselves ('the
# calcification within it'): the phrase then names no new thing.
_POINTING_OBJECTS = frozenset({"it", "them"})


def refers_back(rd: ReportDoc, span: Span, site: SiteRef | None) -> bool:
    """Is the mention's noun phrase definite ('the liver calcification',
    'The calcified hepatic granuloma'), so that it refers back to an earlier
    mention of the same calcification? Not where a phrase after the noun
    makes it definite ('the calcification of this plaque'), unless that
    phrase only points back too ('the calcification within it')."""
    lower, first = rd.lower, rd.layout.sent_first
    start = span.start
    if site is not None and first[site.start] == first[start] and site.span.end == start:
        start = site.start  # 'the basal ganglia calcifications'
    if start == 0 or lower[start - 1] not in _DEFINITE:
        return False
    return not (
        span.end < len(lower)
        and lower[span.end] in _POSTMODIFIER_LEADS
        and not (span.end + 1 < len(lower) and lower[span.end + 1] in _POINTING_OBJECTS)
    )


def sides_referred_back(
    kit: Toolkit,
    rd: ReportDoc,
    sites: list[SiteRef | None],
    found: list[Finding],
) -> list[Finding]:
    """A finding with no side whose noun phrase is definite ('the liver
    calcification', 'The calcified hepatic granuloma') refers back to an
    earlier mention of the same calcification and takes its side (corpora/
    GUIDE.md laterality; guide §2 step 4): the side every earlier finding of
    the report at the same site writes, where they write one side only. Not
    a relative's finding for the patient's nor the other way, not from a
    denied one, and none where no earlier finding is at that site, nor for
    a noun phrase a phrase after it makes definite ('the calcification of
    this plaque'), unless that phrase only points back too ('the
    calcification within it')."""
    out = list(found)
    for k, (span, site, f) in enumerate(zip(rd.matches.calc, sites, found, strict=True)):
        if f.laterality or not f.site or not kit.site_info(f.site).get("sided", True):
            continue
        if not refers_back(rd, span, site):
            continue
        # the one it points back to is among the earlier findings at that
        # site, not at another part of it ('the upper lobe calcification'
        # after a left lower lobe granuloma): only where they all write one
        # side is that side its own
        parts = site_part_set(rd, f.site_text.lower().split())
        sides = {
            e.laterality
            for e in out[:k]
            if e.site == f.site
            and e.family == f.family
            and not e.negated
            and not names_other_part(site_part_set(rd, e.site_text.lower().split()), parts)
        }
        side = sides.pop() if len(sides) == 1 else ""
        if not side:
            continue
        if side == "bilateral" and kit.site_info(f.site).get("unpaired"):
            continue
        out[k] = replace(f, laterality=side, context_side="", operated_side="")
    return out
