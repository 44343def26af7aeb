"""Modifier stage: ConText over the sentences that hold a target."""

from __future__ import annotations

from itertools import compress
from typing import Any

from spacy.attrs import SPACY
from spacy.tokens import Doc, Span

from calc_nlp.stages.context_blocks import (
    Target,
    apply_context,
    context_matches,
    run_context,
)
from calc_nlp.stages.context_lists import (
    FINDING_LABEL,
    condition_lists,
    denied_lists,
    risk_lists,
)
from calc_nlp.stages.context_questions import questioned_phrases
from calc_nlp.stages.record import (
    RELATIVE_PRONOUNS,
    Layout,
    Modifiers,
    SpanKey,
    key,
)
from calc_nlp.stages.toolkit import TARGET_GROUP, Toolkit

# ConText categories and the finding flag each sets.
FLAG_OF = {
    "NEGATED_EXISTENCE": "negated",
    "POSSIBLE_EXISTENCE": "uncertain",
    "HISTORICAL": "historical",
    "HYPOTHETICAL": "hypothetical",
    "FAMILY": "family",
}
# Flags that mean a condition or cause is not the patient's now or before.
NOT_ASSERTED = frozenset({"negated", "hypothetical", "family"})
# Flags of a finding the classifier leaves without a class (guide §4; the
# flag-set form of schema.Finding.affirmed).
NOT_AFFIRMED = frozenset({"negated", "hypothetical"})
# A report's condition must be asserted and not hedged (guide §4): "possible
# sarcoidosis", "atelectasis or scarring" name no condition.
NOT_A_CONDITION = NOT_ASSERTED | {"uncertain"}


def modifiers(
    kit: Toolkit,
    doc: Doc,
    lay: Layout,
    targets: list[Span],
    columns: dict[str, list[int]] | None = None,
    phrase_starts: dict[int, int] | None = None,
) -> Modifiers:
    """ConText's modifiers for each target. `phrase_starts`: where each
    mention's phrase starts (its premodifier, site and side words before it,
    by the mention's start; see `_scope_to_phrase`).

    ConText runs over the target sentences only, as one sub-document (their
    tokens one after the other, sentence starts kept): report text outside
    those sentences is never matched against the modifier rules (upstream
    PR #328: 54x faster). The sub-document is the sentences' token
    attribute values, sliced from the report's; a spaCy Doc of it is made
    only where ConText's matcher needs one (`matches_columns`).
    """
    # every sentence a target touches: a rule's phrase may run past a
    # sentence start ('on dialysis IMPRESSION:' against a header)
    firsts = sorted({lay.sent_first[i] for t in targets for i in range(t.start, t.end)})
    words: list[str] = []
    lows: list[str] = []  # the same words in lower case
    where: dict[int, int] = {}
    back: dict[int, int] = {}  # the other way: sub-document token -> report token
    texts = lay.words
    names = kit.context_columns
    if columns is None:
        columns = kit.columns(doc)
    values = [columns[a] for a in names]
    sub: dict[str, list[int]] = {a: [] for a in names}
    for first, end in _runs(firsts, lay.sent_end):
        at = len(words)
        where.update(zip(range(first, end), range(at, at + end - first), strict=True))
        back.update(zip(range(at, at + end - first), range(first, end), strict=True))
        words += texts[first:end]
        lows += lay.lower[first:end]
        for a, column in zip(names, values, strict=True):
            sub[a] += column[first:end]
    # the type spaCy's Doc(sent_starts=) takes
    starts: list[bool | int | None] = [False] * len(words)
    for first in firsts:
        starts[where[first]] = True  # a sentence has a token
    subs = [Target(where[t.start], where[t.end - 1] + 1, t.label_) for t in targets]
    if kit.context_on_columns:
        matches = context_matches(kit.context, kit.context_phrases, sub)
        found = apply_context(
            kit.context, matches, subs, starts, words, kit.context_table, lay.caseless
        )
    else:
        found = _context_on_a_doc(kit, doc, firsts, lay, words, starts, subs)
    if phrase_starts:
        _scope_to_phrase(targets, subs, found, where, phrase_starts)
    verbs = kit.clause_verbs
    clause = _Clauses(words, starts, verbs["words"], lows)
    clause.openers = verbs["item_openers"]
    clause.results = verbs["result_verbs"]
    clause.acute = verbs["acute_words"]
    clause.known = verbs["known_determiners"]
    clause.patients = verbs["patient_nouns"]
    clause.item_states = verbs["item_states"]
    clause.patient_links = verbs["patient_links"]
    clause.question_predicates = verbs["question_predicates"]
    clause.cause_links = verbs["cause_links"]
    clause.clinical_events = verbs["clinical_events"]
    clause.bare = kit.word_sets.get("bare_adjectives", frozenset())
    clause.heads = kit.word_sets.get("calcified_heads", frozenset())
    clause.abbreviations = kit.abbreviations
    clause.negations = kit.forward_negations
    clause.asked = kit.context_table.checks
    # what the checks read of the modifiers matched, in one pass over them
    pseudo_ends: list[int] = []
    present_starts: list[int] = []
    history_starts: list[int] = []
    differential = carried = False
    for m in found:
        category, md = m.category, m.rule.metadata or {}
        if category == "PSEUDO":
            pseudo_ends.append(m.modifier_span[1])
        elif category == "PRESENT":
            present_starts.append(m.modifier_span[0])
        if (
            category == "HISTORICAL"
            and m.rule.direction == "FORWARD"
            and not md.get("seen_before")
        ) or md.get("history_item"):
            history_starts.append(m.modifier_span[0])
        # every modifier a target has is one ConText matched (`found`): with
        # no differential among them, no cause is named in one; with no
        # `through_lists` one, no list carries one on
        differential = differential or bool(md.get("alternative"))
        carried = carried or bool(md.get("through_lists"))
    clause.pseudo_ends = frozenset(pseudo_ends)
    clause.present_starts = frozenset(present_starts)
    clause.history_starts = frozenset(history_starts)
    # and of the targets, in one pass over them
    findings: list[int] = []
    places: list[int] = []
    conditions: list[int] = []
    states: list[int] = []
    procedure_ends: list[int] = []
    for t, st in zip(targets, subs, strict=True):
        label = st.label_
        if label == FINDING_LABEL:
            findings.append(st.start)
        elif label in _PLACE_LABELS:
            places += range(st.start, st.end)
        elif label == "CONDITION":
            if kit.md(t).get("procedure"):
                procedure_ends.append(st.end)
            else:
                conditions.append(st.start)
                if kit.rules.conditions[kit.md(t)["condition"]].get(
                    "evaluated_present"
                ):
                    states.append(st.start)
    clause.findings = sorted(findings)
    # where each mention's phrase starts, its site and type words before it
    # ('vascular calcification'), in the sub-document's tokens
    clause.phrase_starts = {
        where[t.start]: where[p]
        for t in targets
        if phrase_starts
        and (p := phrase_starts.get(t.start)) is not None
        and p < t.start
        and p in where
    }
    clause.places = frozenset(places)
    clause.conditions = frozenset(conditions)
    clause.states = frozenset(states)
    clause.procedure_ends = frozenset(procedure_ends)
    clause.dashes = (
        frozenset(
            sub_i
            for i, sub_i in where.items()
            if texts[i] in _DASHES
            and doc[i].whitespace_
            and i > 0
            and doc[i - 1].whitespace_
        )
        if not _DASHES.isdisjoint(words)  # most sentences have no dash to test
        else frozenset()
    )
    clause.prefixes = (
        frozenset(
            sub_i
            for i, sub_i in where.items()
            if texts[i] == _QUERY and _prefixes_a_word(doc, i)
        )
        if _QUERY in words  # most sentences ask nothing
        else frozenset()
    )
    by_span: dict[SpanKey, tuple[Any, ...]] = {}
    kept = [
        tuple(m for m in st.modifiers if not clause.drops(st, m))
        if st.modifiers
        else ()
        for st in subs
    ]
    if carried:
        clause.carry_lists(subs, kept)
        risk_lists(clause, subs, kept, found)
    denied_lists(clause, subs, kept, found)
    questioned_phrases(clause, subs, kept, found)
    condition_lists(clause, subs, kept, found)
    _readings_of_a_stated_one(clause, subs, kept)
    _stated_right_after(subs, kept)
    for t, mods in zip(targets, kept, strict=True):
        k = key(t)
        by_span[k] = by_span.get(k, ()) + mods
    one = _one_cause(kit, targets, subs, by_span) if differential else frozenset()
    return Modifiers(by_span, back, one)


# The categories that make a finding not stated as there: denied, hedged or
# asked about.
_NOT_STATED = frozenset({"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HYPOTHETICAL"})
# Words that add another thing after a finding ('rim calcification, and a
# focus in the ovary, probably a calcification'): a hedge after them reads
# that thing, not the finding.
_ITEM_JOINERS = frozenset({"and", "or", ";"})
# Most plain words between a hedge and the finding it reads the earlier one
# as ('likely a phlebolith', 'favored to be phleboliths').
_READING_WORDS = 3


def _stated_right_after(subs: list[Target], kept: list[Any]) -> None:
    """Takes the categories a modifier right before a target lists in
    `cancels_right_before` off that target: 'known' written right before a
    thing states it (context.json), so a hedge earlier in the sentence reads
    how it links to the finding, not whether it is there ('Calcinosis,
    likely related to the patient's known scleroderma': guide §3 records the
    scleroderma). Only right before: 'Possible calcinosis in a patient with
    known scleroderma' keeps the calcinosis hedged."""
    for i, st in enumerate(subs):
        drop = {
            c
            for m in kept[i]
            if m.modifier_span[1] == st.start
            for c in (m.rule.metadata or {}).get("cancels_right_before", ())
        }
        if drop:
            kept[i] = tuple(m for m in kept[i] if m.category not in drop)


def _readings_of_a_stated_one(clause: _Clauses, subs: list[Target], kept: list[Any]) -> None:
    """Takes a hedge off a finding that only says what an earlier finding of
    its sentence is: a hedge that says which reading is the likelier
    (context.json `reading`: 'likely', 'probably', 'favored'; not 'possible'
    or 'may represent', which doubt presence), the finding within a few
    plain words after it, and before it a calcification the sentence states,
    itself not hedged, denied or asked about. The hedge opens the item after
    a comma, with no 'and' adding another thing between ('Punctate
    calcifications in the pelvis, likely phleboliths'; 'calcific density,
    favored to be a phlebolith'), or leads the verb of that calcification
    as its subject, no clause break or relative pronoun between ('The
    calcifications seen on CT likely represent nephrocalcinosis'; not '...
    with a nodule that likely represents a calcified node'). The
    calcification is there; the hedge is on its cause or nature
    (corpora/GUIDE.md uncertain: "a hedge on its cause or nature ... does not
    make it uncertain"). A reading of a hedged one keeps its hedge
    ('Possible calcification, likely a granuloma')."""
    if not clause.findings or not any(
        (m.rule.metadata or {}).get("reading") for mods in kept for m in mods
    ):
        return
    w = clause._index()  # also fills its sentence ends
    ends = clause._sent_end
    for i, st in enumerate(subs):
        if st.label_ != FINDING_LABEL:
            continue
        for m in kept[i]:
            start, end = m.modifier_span
            if (
                not (m.rule.metadata or {}).get("reading")
                or not 0 <= st.start - end <= _READING_WORDS
                or start == 0
                or ends[start] != ends[st.start]
                or not all(w[k].isalpha() for k in range(end, st.start))
            ):
                continue
            if w[start - 1] == ",":
                breaks = _ITEM_JOINERS
            elif end < len(w) and w[end] in clause.verbs:
                breaks = _SUBJECT_BREAKS
            else:
                continue
            before = [
                j
                for j, other in enumerate(subs)
                if other.label_ == FINDING_LABEL
                and other.end < start
                and ends[other.start] == ends[start]
            ]
            if not before:
                continue
            j = before[-1]
            joined = any(w[k] in breaks for k in range(subs[j].end, start))
            if not joined and not any(x.category in _NOT_STATED for x in kept[j]):
                kept[i] = tuple(x for x in kept[i] if x is not m)
                break


def _runs(firsts: list[int], sent_end: dict[int, int]) -> list[tuple[int, int]]:
    """The sentences that start at `firsts` (in order) as runs of tokens
    (start, end): sentences that follow each other are one run, copied into
    the sub-document in one piece."""
    runs: list[tuple[int, int]] = []
    for first in firsts:
        end = sent_end[first]
        if runs and runs[-1][1] == first:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((first, end))
    return runs


def _scope_to_phrase(
    targets: list[Span],
    subs: list[Target],
    found: list[Any],
    where: dict[int, int],
    phrase_starts: dict[int, int],
) -> None:
    """A forward modifier with a short scope (a rule's `max_scope`, 'Resolved'
    two words on) reaches a mention whose phrase starts in that scope: the
    site, side and type words before the mention's own word are its phrase
    ('Resolved splenic hilar calcification', 'Resolved right hilar
    calcification'), so they do not push the mention out of reach. Adds
    those modifiers to the mention's target (in `subs`)."""
    short = [
        mod
        for mod in found
        if mod.rule.max_scope and mod.direction in ("FORWARD", "BIDIRECTIONAL")
    ]
    if not short:  # most reports: no such modifier, no mention to look at
        return
    for t, st in zip(targets, subs, strict=True):
        start = phrase_starts.get(t.start)
        if t.label_ != FINDING_LABEL or start is None or start >= t.start:
            continue
        lo = where[start]
        for mod in short:
            if (
                mod not in st.modifiers
                and mod.modifier_span[1] <= lo < mod.scope_span[1]
                and mod.scope_span[0] <= lo
                and mod.allows(st.label_.upper())
            ):
                st.modifiers += (mod,)


def _context_on_a_doc(
    kit: Toolkit,
    doc: Doc,
    firsts: list[int],
    lay: Layout,
    words: list[str],
    starts: list[bool | int | None],
    subs: list[Target],
) -> list[Any]:
    """ConText over a spaCy Doc of the target sentences (for the rule sets
    `context_matches` cannot match without one): each target's modifiers
    into `subs`, and every modifier matched."""
    space_after = doc.to_array(SPACY)
    spaces = [bool(space_after[i]) for f in firsts for i in range(f, lay.sent_end[f])]
    sub = Doc(kit.nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
    spans = [Span(sub, t.start, t.end, label=t.label_) for t in subs]
    sub.spans[TARGET_GROUP] = spans
    found = run_context(
        kit.context, sub, spans, starts, kit.context_table, lay.caseless
    )
    for t, span in zip(subs, spans, strict=True):
        t.modifiers = span._.modifiers
    return found


def _one_cause(
    kit: Toolkit,
    targets: list[Span],
    subs: list[Target],
    by_span: dict[SpanKey, tuple[Any, ...]],
) -> frozenset[SpanKey]:
    """The causes that a differential names only beside other dystrophic
    causes: 'calcified opacity, old hematoma or prior TB' has a dystrophic
    cause whichever reading is right (guide §4 rule 1). One metastatic reading
    ('granuloma or metastatic calcification') leaves the differential open, and
    so does the calcification as a reading of its own ('hemorrhage versus
    calcification' names no cause of it)."""
    readings: dict[int, list[Span]] = {}
    mods: dict[int, Any] = {}
    for t in targets:
        if t.label_ not in _CAUSE_LABELS and t.label_ != FINDING_LABEL:
            continue
        for m in by_span.get(key(t), ()):
            if (m.rule.metadata or {}).get("alternative"):
                readings.setdefault(id(m), []).append(t)
                mods[id(m)] = m
    edges = {e for st in subs if st.label_ == FINDING_LABEL for e in (st.start, st.end)}
    out: set[SpanKey] = set()
    for mid, group in readings.items():
        start, end = mods[mid].modifier_span
        if start in edges or end in edges:
            continue  # the calcification is a reading: 'calcification or hemorrhage'
        causes = [t for t in group if t.label_ in _CAUSE_LABELS]
        if len(causes) == len(group) and all(_dystrophic(kit, c) for c in causes):
            out.update(key(c) for c in causes)
    return frozenset(out)


def _dystrophic(kit: Toolkit, span: Span) -> bool:
    md = kit.md(span)
    if span.label_ == "CONDITION":
        return bool(md.get("category") == "dystrophic")
    return bool(md.get("rule") == 1)


# The forward modifiers that end where a list item states a finding of its
# own (guide §2): a denial ('No adenopathy, mild aortic calcification') and a
# hedge ('Probable scarring, scattered calcified granulomas').
_STATES_OWN_ITEMS = frozenset({"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE"})

# The forward modifiers a list item opening with its own history trigger ends
# (`_Clauses.history_item`): a denial, a hedge, a question.
# How many words a patient's history may run before the disease it opens
# with ('history of poorly controlled diabetes'), and the words that join a
# finding to that disease ('history of ESRD and calcified arteries').
HISTORY_DISEASE_REACH = 3
_JOINING_WORDS = frozenset({"and", "with"})

_HISTORY_ITEM_CATEGORIES = frozenset(
    {"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HYPOTHETICAL"}
)

# The labels of the site phrases among ConText's targets (analyze.site_targets).
_PLACE_LABELS = frozenset({"SITE", "REGION"})

# What parts a later noun's clause from the finding before it, for a hedge
# after that noun (`_Clauses.hedges_a_later_noun`); an 'and' or 'or' does
# so only after words of the finding's own clause.
_HEDGE_BREAKS = frozenset({"with", "(", ":", ";", ",", "but", "though", "although"})
# What parts a calcification from the verb a reading hedge leads, so that it
# is not that verb's subject ('..., with a nodule that likely represents').
_SUBJECT_BREAKS = _ITEM_JOINERS | _HEDGE_BREAKS | RELATIVE_PRONOUNS

# At most this many words stand for each of two places a 'versus' offers
# inside one noun phrase ('left paraesophageal', 'right lower lobe').
_PLACE_WORDS = 3

# Dashes: with a space on each side ('plaque - occlusion ...') one breaks a
# clause; written inside a word ('well-defined') it does not.
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
# A question mark written against the word after it ('?old TB') asks about
# that word (a Commonwealth 'query'); one after a space-free word or alone
# ('calcification?', '? calcification') may ask about either side.
_QUERY = "?"
_OPENING = frozenset({"(", "["})


def _prefixes_a_word(doc: Any, i: int) -> bool:
    """Is the token at `i` written as a prefix of the word after it: no
    space after it, a space (or an opening bracket, or nothing) before it?
    Or does it open a query after a dash ('granulomas - ? old TB')?"""
    if i + 1 >= len(doc) or not doc[i + 1].is_alpha:
        return False
    if i > 0 and doc[i - 1].text in _DASHES:
        return True
    if doc[i].whitespace_:
        return False
    return i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].text in _OPENING

# The targets that can name a cause (conditions and guide §4 cue words).
_CAUSE_LABELS = frozenset({"CONDITION", "CUE"})
# Words that carry a backward negation's predicate back over a comma ('...,
# now resolved on ...', '..., which is no longer seen'): no list item of their own.
_PREDICATE_WORDS = frozenset(
    "now since which that is are was were has have had been it they this these "
    "then currently subsequently completely largely on in at by from of to "
    "with for since".split()
)


# Words that put a thing at a place ('stenosis at the calcified segment'),
# and those that go on with a list past one (`denies_a_noun_placed_at_it`).
_PLACE_PREPOSITIONS = frozenset("at in within across inside near around".split())
_LIST_GOES_ON = frozenset("or and nor , ;".split())


# The triggers a patient's description past them escapes
# (`_Clauses.describes_the_patient`), and how many plain words may stand
# between its link and the condition ('a patient on chronic ambulatory
# peritoneal dialysis').
_DESCRIBED_CATEGORIES = frozenset(
    {"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HYPOTHETICAL"}
)
_LINK_TO_CONDITION = 3


class _Clauses:
    """The ConText sub-document's words, for clause checks without Token objects."""

    def __init__(
        self,
        words: list[str],
        starts: list[Any],
        verbs: frozenset[str],
        lower: list[str] | None = None,
    ):
        """`lower`: the words in lower case, when the caller has them."""
        self.words, self.starts, self.verbs = words, starts, verbs
        self.findings: list[int] = []  # where the calcification mentions start
        self.phrase_starts: dict[int, int] = {}  # a mention's start -> its phrase's
        self.conditions: frozenset[int] = frozenset()  # where conditions start
        # where conditions start that are states found by measurement
        # (`evaluated_present`: hypercalcemia, kidney disease)
        self.states: frozenset[int] = frozenset()
        self.openers: frozenset[str] = frozenset()  # words opening a stated item
        self.pseudo_ends: frozenset[int] = frozenset()  # where PSEUDO phrases end
        self.present_starts: frozenset[int] = frozenset()  # where PRESENT phrases start
        # where forward history triggers start ('history of', 'hx of', and
        # the `history_item` words of the known past: 'known', 'remote')
        self.history_starts: frozenset[int] = frozenset()
        self.negations: tuple[tuple[str, ...], ...] = ()  # forward negation phrases
        self.results: frozenset[str] = frozenset()  # verbs giving a result
        self.acute: frozenset[str] = frozenset()  # 'acute': a denial of acute disease
        self.known: frozenset[str] = frozenset()  # 'the', 'these': a finding named as known
        self.patients: frozenset[str] = frozenset()  # 'patient', 'man': the patient
        self.item_states: frozenset[str] = frozenset()  # 'normal': an item stated
        self.patient_links: frozenset[str] = frozenset()  # 'on', 'with': what the patient has
        # 'related', 'caused': a question about the finding's cause
        self.question_predicates: frozenset[str] = frozenset()
        # 'secondary', 'due': a link from an event to its cause; 'seizures',
        # 'headache': the clinical events a note gives a cause of
        self.cause_links: frozenset[str] = frozenset()
        self.clinical_events: frozenset[str] = frozenset()
        self.procedure_ends: frozenset[int] = frozenset()  # where procedure names end
        self.places: frozenset[int] = frozenset()  # the tokens of site phrases
        self.bare: frozenset[str] = frozenset()  # 'calcified' as a mention alone
        self.heads: frozenset[str] = frozenset()  # head nouns of a 'calcified X'
        # words whose period shortens them ('rt.': Toolkit.abbreviations)
        self.abbreviations: frozenset[str] = frozenset()
        self.dashes: frozenset[int] = frozenset()  # dashes with a space each side
        self.prefixes: frozenset[int] = frozenset()  # '?' written against the next word
        self._lower = lower
        self._sent_end: list[int] = []
        # the checks each rule is asked (`drops`), by the rule's id(): a
        # pipeline's table (ContextRules.checks), whose rules live as long
        self.asked: dict[int, tuple[Any, ...]] = {}

    def _index(self) -> list[str]:
        """Lower-case words and sentence ends, built only for the reports
        whose modifiers a clause check reads words around."""
        if self._lower is None:
            self._lower = [w.lower() for w in self.words]
        if not self._sent_end and self.words:
            # per token, the next sentence start after it (or the end),
            # written a sentence at a time
            n = len(self.words)
            prev = 0
            for start in [*compress(range(1, n), self.starts[1:]), n]:
                self._sent_end += [start] * (start - prev)
                prev = start
        return self._lower

    def drops(self, target: Target, mod: Any) -> bool:
        """Does a clause check take the modifier away from the target? Only
        the checks of the modifier's category are asked (`_CHECKS_OF`): each
        check answers no at once for a modifier of another category; and of
        those, only the ones its rule's direction and metadata let through
        (`_asked`, worked out once per rule in `asked`)."""
        checks = self.asked.get(id(mod.rule))
        if checks is None:
            checks = self.asked[id(mod.rule)] = _asked(mod)
        for check in checks:
            if check(self, target, mod):
                return True
        return False

    def own_statement(self, target: Target, mod: Any) -> bool:
        """Does a forward negation or hedge before a comma miss this target
        because the target opens a statement of its own? 'No effusion,
        calcified granulomas are seen': after the comma the granulomas have
        their own verb; 'Possible small effusion, stable calcified granuloma'
        hedges the effusion only. A list that goes on ('No effusion,
        pneumothorax, or calcification') does not. A differential
        (`alternative`) lists its readings and keeps them all."""
        if mod.rule.direction != "FORWARD" or mod.category not in _STATES_OWN_ITEMS:
            return False
        if (mod.rule.metadata or {}).get("alternative"):
            return False
        start, end = mod.modifier_span
        if end > target.start:
            return False
        lead = self._item_finding(end, target)
        if lead is not None:
            target = Target(lead, target.end, FINDING_LABEL)
        w = self._index()
        if self._closed_by_and(w[end : target.start]):
            return True  # 'No masses are noted and the nodes are calcified'
        if self._item_after_and(w[end : target.start]):
            return True  # 'without necrosis and numerous coarse calcifications'
        commas = [i for i in range(end, target.start) if w[i] in {",", ";"}]
        if not commas:
            return False
        between = w[commas[-1] + 1 : target.start]
        if any(x in {"or", "nor"} for x in between):
            return False  # the denied list goes on: "..., or calcification"
        if self._stated_item(w, commas, between):
            return True  # 'no hydro, RI 0.68, tiny calcification'
        if any(x in self.verbs or x in self.openers for x in between):
            return True  # 'No effusion, a few granulomas are calcified'; '..., mild X'
        if (
            start > 0
            and w[start - 1] in {",", ";"}
            and not self._joined_line(start - 1)
        ):
            return True  # each item has its own 'no': 'No A, no B, C' denies A and B
        if not between and any(x in {"or", "nor"} for x in w[end : commas[-1]]):
            return True  # the list closed with 'or': 'No A, B or C, calcified D'
        for k in range(target.end, self._sent_end[target.start]):
            x = w[k]
            if x == "," and k + 1 in self.present_starts:
                break  # a word on the finding after it: '..., calcified granuloma, stable'
            if x in {",", ";", "or", "nor"}:
                return False  # 'No mass, calcification or thickening is seen'
            if x in self.verbs:
                return True
        # one item, a comma, and the finding ending the sentence with no
        # 'and'/'or' joining the two: a statement of its own where the item
        # is acute disease ('No acute infiltrate, calcified granuloma at the
        # left base': a calcified deposit is none) or the finding's item
        # opens with 'with' ('..., with mural calcification'); 'No effusion,
        # calcified nodule' is a list, and so is one of three ('No effusion,
        # pneumothorax, calcification')
        if len(commas) != 1 or w[commas[0] - 1] in _PREDICATE_WORDS:
            return False  # 'not diagnostic for, X'
        if any(x in {"and", "or", "nor"} for x in w[end : target.start]):
            return False
        return between[:1] == ["with"] or any(
            x in self.acute for x in w[start : commas[0]]
        )

    def _stated_item(self, w: list[str], commas: list[int], between: list[str]) -> bool:
        """Has the denied list ended before the finding's item: an item
        between its commas states something of its own, a verb, a normal
        state (`item_states`) or a value ('No effusion, heart size normal,
        ...', 'no hydro, RI 0.68, ...'), or the finding's item opens with its
        size ('No pneumothorax, 2 mm calcified granuloma')? Such items are
        not denied, so what follows them is stated."""
        first = next((x for x in between if not x.isspace()), "")
        if first[:1].isdigit():
            return True
        return any(
            x in self.verbs or x in self.item_states or x[:1].isdigit()
            for a, b in zip(commas, commas[1:], strict=False)
            for x in w[a + 1 : b]
        )

    def _item_finding(self, end: int, target: Target) -> int | None:
        """Where the finding starts whose list item holds a target that is no
        finding: its site, cue or cause after it with no comma between
        ('Negative for infiltrate or effusion, calcified granuloma right upper
        lobe', 'No effusion or pneumothorax, calcified nodes from old TB').
        Such a word is denied or hedged with the finding, not on its own."""
        if target.start in self.findings:
            return None
        w = self._index()
        for f in reversed(self.findings):
            if end <= f < target.start:
                if any(x in {",", ";"} for x in w[f : target.start]):
                    return None
                return f
        return None

    def _item_after_and(self, between: list[str]) -> bool:
        """Does the last 'and' before the target open an item of its own, one
        led by a severity, number or hedge word? 'edema without necrosis and
        numerous coarse calcifications' states the calcifications; 'no mass
        and calcification' denies both, and an 'or' or a comma after the 'and'
        leaves the list to the comma checks."""
        ands = [i for i, x in enumerate(between) if x == "and"]
        if not ands:
            return False
        after = between[ands[-1] + 1 :]
        if any(x in {",", ";", "or", "nor"} for x in after):
            return False
        return any(x in self.openers for x in after)

    def answered(self, target: Target, mod: Any) -> bool:
        """Is a question's result given before the finding? ('US to evaluate
        for stones showed a calcification': the stones were asked about.)"""
        if mod.category != "HYPOTHETICAL" or mod.rule.direction != "FORWARD":
            return False
        end = mod.modifier_span[1]
        words = self._index()[end : target.start] if end <= target.start else ()
        return any(x in self.results for x in words) or self._answered_past_colon(
            end, target.start
        )

    def _answered_past_colon(self, end: int, start: int) -> bool:
        """Does a colon after what the question asks about open, with a word
        in capitals, the answer before the finding? ('Post-lumpectomy
        mammogram to evaluate for residual microcalcifications: There are 3
        residual calcifications': the residual ones are seen.) A colon right
        after the trigger ('Evaluate for: calcification') asks on."""
        words = self.words
        for k in range(end + 1, start - 1):
            if words[k] != ":" or words[k - 1].isspace():
                continue
            nxt = next((w for w in words[k + 1 : start + 1] if not w.isspace()), "")
            if nxt[:1].isupper() and nxt[1:2].islower():
                return True
        return False

    def reason_for_a_procedure(self, target: Target, mod: Any) -> bool:
        """Is the target the reason given for a planned procedure, after the
        procedure's name and 'for'? 'Scheduled for a hip arthroplasty for
        osteoarthritis': the operation is planned, the osteoarthritis is the
        patient's (guide §3). Only a procedure's name right before the 'for'
        makes it a reason: 'evaluate for fracture or dislocation' goes on;
        and only a disease is a reason ('referred to surgery for a
        parathyroidectomy' plans the operation after the service)."""
        if mod.category != "HYPOTHETICAL" or mod.rule.direction == "BACKWARD":
            return False
        if target.start not in self.conditions:
            return False
        end = mod.modifier_span[1]
        if end >= target.start:
            return False
        w = self._index()
        return any(
            w[k] == "for" and k in self.procedure_ends
            for k in range(end + 1, target.start)
        )

    def finding_past_the_test(self, target: Target, mod: Any) -> bool:
        """Does a trigger that recommends a test (`findings_after_only`:
        'recommend') reach a finding past the words that only lead to the
        test it names? The test named right after the verb is still to do,
        as a plan's is ('Recommend coronary calcium score', 'recommend a
        non-contrast CT calcium score'); a calcification the recommendation is
        about is seen ('recommend biopsy of the calcifications') (guide §2,
        hypothetical: raised as a possibility to look for, not observed). A
        risk names the calcification right after it the same way ('risk for
        vascular calcification'; 'risk of cardiac events given coronary
        calcification' sees it)."""
        if mod.category != "HYPOTHETICAL":
            return False
        lead = (mod.rule.metadata or {}).get("findings_after_only")
        if not lead or target.start not in self.findings:
            return False
        end = mod.modifier_span[1]
        if target.start < end:
            return False
        # the mention's own site and type words are no words on the way
        start = self.phrase_starts.get(target.start, target.start)
        start = start if end <= start else target.start
        return not all(w in lead for w in self._index()[end:start])

    def evaluates_a_state(self, target: Target, mod: Any) -> bool:
        """Does an evaluation or workup with no 'for' (`evaluates_a_state`:
        'evaluation of', 'workup') reach a state found by measurement
        (`evaluated_present`)? 'Evaluation of primary hyperparathyroidism',
        'Hypercalcemia workup': the state is the patient's, its cause or
        extent is what is evaluated (guide §3); 'evaluate for' still asks,
        and so does a referral's 'for' before the state a workup after it
        names ('Sent for hyperparathyroidism evaluation')."""
        if mod.category != "HYPOTHETICAL":
            return False
        if not (mod.rule.metadata or {}).get("evaluates_a_state"):
            return False
        if target.start not in self.states:
            return False
        if mod.modifier_span[0] >= target.end:  # the workup after the state
            w = self._index()
            k = target.start - 1
            while k >= 0 and w[k].isspace():
                k -= 1
            return k < 0 or w[k] != "for"
        return True

    def describes_the_patient(self, target: Target, mod: Any) -> bool:
        """Is a state found by measurement (`evaluated_present`: kidney
        disease, hypercalcemia) past the trigger the patient's description:
        a word naming the patient right after it ('in this hemodialysis
        patient'), or one before it with a link ('in a patient on dialysis',
        'a 60 year old man on peritoneal dialysis'; `patient_nouns`,
        `patient_links`)? The denial, hedge or question is the finding's: the
        patient has the state (guide §3: a condition is recorded unless it is
        itself hedged, and a trigger after the patient's word is its own). A
        disease such as tuberculosis is often itself what is asked of the
        patient named, so only these states are read so."""
        if mod.category not in _DESCRIBED_CATEGORIES:
            return False
        end = mod.modifier_span[1]
        if target.start not in self.states or end > target.start:
            return False
        w = self._index()
        if target.end < len(w) and w[target.end] in self.patients:
            return True
        for k in range(end, target.start):
            if w[k] not in self.patients:
                continue
            # the condition's own words may hold the link ('patient on HD')
            rest = w[k + 1 : target.start]
            return not rest or (
                rest[0] in self.patient_links
                and len(rest) <= _LINK_TO_CONDITION + 1
                and all(x.isalpha() for x in rest[1:])
            )
        return False

    def plans_a_disease(self, target: Target, mod: Any) -> bool:
        """Does a trigger that plans a procedure (`procedures_only`: 'referred
        to surgery for', 'taken for') reach a disease? A disease is no plan but
        the reason for the referral or the drug: 'referred to nephrology for
        her CKD', 'warfarin, taken for a remote DVT' (guide §3: the patient's).
        """
        if not (mod.rule.metadata or {}).get("procedures_only"):
            return False
        return target.start in self.conditions

    def disease_past_a_comma(self, target: Target, mod: Any) -> bool:
        """Does a trigger that puts a procedure ahead (`plans_up_to_comma`:
        'pre-op', 'Pre-TAVR') reach a disease only over a comma ('Preop
        evaluation, CKD')? The disease is the patient's (guide §3); a
        procedure after the comma is still the planned one ('Pre-op, knee
        replacement')."""
        if mod.category != "HYPOTHETICAL":
            return False
        if not (mod.rule.metadata or {}).get("plans_up_to_comma"):
            return False
        if target.start not in self.conditions:
            return False
        end = mod.modifier_span[1]
        if target.start < end:
            return False
        return "," in self._index()[end : target.start]

    def main_clause_after_condition(self, target: Target, mod: Any) -> bool:
        """Does a condition that opens its sentence (`condition_up_to_comma`:
        'If pathology shows a benign process, ...'; a label before it
        allowed) end at the one comma before the target? The clause after
        that comma is the sentence's main clause, which the condition does not
        ask about: 'If the biopsy is benign, the muscle calcification needs
        only follow-up' asserts the calcification (guide §2, hypothetical:
        'if calcification develops' is the condition's own)."""
        if mod.category != "HYPOTHETICAL" or mod.rule.direction != "FORWARD":
            return False
        if not (mod.rule.metadata or {}).get("condition_up_to_comma"):
            return False
        start, end = mod.modifier_span
        if target.start < end:
            return False
        w = self._index()
        if start > 0 and not self.starts[start] and w[start - 1] != ":":
            return False
        # one comma: the target opens the main clause ('If ..., she is to
        # call, as calciphylaxis may spread' goes on into a clause of its own)
        between = w[end : target.start]
        return between[1:].count(",") == 1 and self._sent_end[start] > target.start

    def condition_on_a_known_finding(self, target: Target, mod: Any) -> bool:
        """Does a condition's 'if' (`condition_up_to_comma`) open on a finding
        named as known, with only a definite article or a possessive between
        (`known_determiners`: 'if the calcification grows', 'if her calcinosis
        becomes painful')? The condition is on its change, not on whether it
        is there: the finding is not asked about (guide §2, hypothetical:
        'should calcification develop' is raised as a possibility, not
        observed; 'if calcification develops' still is)."""
        if mod.category != "HYPOTHETICAL" or mod.rule.direction != "FORWARD":
            return False
        if not (mod.rule.metadata or {}).get("condition_up_to_comma"):
            return False
        if target.start not in self.findings:
            return False
        end = mod.modifier_span[1]
        between = self._index()[end : target.start] if end <= target.start else []
        return bool(between) and all(w in self.known for w in between)

    def _closed_by_and(self, between: list[str]) -> bool:
        """Does the denied clause end with its own verb before an 'and' that
        opens the next one? ('no calcifications were noted and ...')."""
        verb = False
        for x in between:
            if x in self.verbs:
                verb = True
            elif verb and x in {"and", "while", "whereas"}:
                return True
        return False

    def hedges_own_item(self, target: Target, mod: Any) -> bool:
        """Does a hedge after a comma stay in its own list item, missing a
        finding before that comma? 'Calcification in the renal sinus, stone
        versus vessel' and 'Calcified nodule, malignancy is unlikely' hedge
        what the calcification is, not that it is there. A hedge right after
        the comma ('Calcified granuloma, or a vessel on end') keeps it. A
        condition before the comma is missed only by a two-reading hedge
        (`_two_readings`)."""
        if mod.category != "POSSIBLE_EXISTENCE" or mod.rule.direction == "FORWARD":
            return False
        if target.start not in self.findings and not self._two_readings(mod):
            return False  # a condition's differential ('A, B or C') stays one
        start, _end = mod.modifier_span
        if start < target.end:
            return False
        between = self._last_item(target.end, start) or []
        return any(x.isalpha() and x not in _PREDICATE_WORDS for x in between)

    @staticmethod
    def _two_readings(mod: Any) -> bool:
        """Does the hedge set exactly the two words either side of it against
        each other (`two_readings`: 'versus', 'vs')? A condition before a comma
        ahead of them is then no reading of it: 'Hx: ESRD, calciphylaxis vs
        vasculitis' asserts the ESRD (guide §3), while 'sarcoid, lymphoma or
        TB' may list three readings and stays hedged."""
        return bool((mod.rule.metadata or {}).get("two_readings"))

    def hedges_a_later_noun(self, target: Target, mod: Any) -> bool:
        """Does a hedge after the finding have a subject of its own, the noun
        right before it, that a clause break ('with', '(', ':', ';', ',', or
        a spaced dash, or an 'and' after the finding's own words) parts from the
        finding?
        'Calcified plaque in the proximal LAD and occlusion cannot be
        excluded' and '... with a stenosis that cannot be excluded' hedge
        the occlusion and the stenosis, not the plaque. A place ('in the
        LAD and RCA cannot be excluded') is no such subject, and two
        findings joined at once by 'and' share the hedge ('Calcification
        and stenosis cannot be excluded')."""
        md = mod.rule.metadata or {}
        own = mod.category == "POSSIBLE_EXISTENCE" or md.get("own_subject")
        if not own or mod.rule.direction == "FORWARD":
            return False
        if md.get("alternative") or md.get("same_phrase"):
            return False
        if target.start not in self.findings:
            return False
        start = mod.modifier_span[0]
        if start <= target.end:
            return False
        w = self._index()
        k = start - 1
        # a relative pronoun may stand between a hedge and its subject
        while k >= target.end and w[k] in RELATIVE_PRONOUNS:
            k -= 1  # 'that cannot be excluded', 'which is suspected'
        if k < target.end or not w[k].isalpha() or w[k] in _PREDICATE_WORDS:
            return False
        if k in self.places:
            return False
        breaks = [
            i
            for i in range(target.end, k)
            if w[i] in _HEDGE_BREAKS
            or i in self.dashes
            or (w[i] in {"and", "or"} and i > target.end)
        ]
        if breaks:
            return True
        return w[target.end] == "and" and self._stated_before(target, k)

    def _stated_before(self, target: Target, k: int) -> bool:
        """Is the finding a word of a clause its sentence states with a verb
        before it, so that an 'and' right after it opens the next clause,
        whose subject (the noun at k, no finding) a hedge after it governs?
        'There is calcific plaque and a thrombus cannot be excluded'; '...
        tapering distal to the calcified plaque and occlusion cannot be
        excluded'. Without that verb the two nouns are one subject and share
        the hedge ('Calcification and stenosis cannot be excluded')."""
        if any(target.end < f <= k for f in self.findings):
            return False  # a second finding after the 'and' shares the hedge
        first = target.start
        while first > 0 and not self.starts[first]:
            first -= 1
        return any(x in self.verbs for x in self._index()[first : target.start])

    def _last_item(self, end: int, start: int) -> list[str] | None:
        """The words of the last comma item between `end` and `start`, or
        None when no comma or semicolon stands there or the item is joined to
        the one before it by 'and'/'or'/'nor'."""
        w = self._index()
        commas = [i for i in range(end, start) if w[i] in {",", ";"}]
        if not commas:
            return None
        between = list(w[commas[-1] + 1 : start])
        if any(x in {"and", "or", "nor"} for x in between):
            return None
        return between

    def reading_in_a_denial(self, target: Target, mod: Any) -> bool:
        """Is an 'or' reading the next item of a denied or asked-for list?
        'No new calcification or edema' and 'Calcification or stones are not
        seen' list two things the study does not show, not two readings of
        one: a denial, a question or a PSEUDO phrase ('no new') right before
        the finding takes the alternative's hedge away. A denial that does
        not reach the finding itself, taken away by its own checks, lists
        nothing with it ('Echogenic focus, without shadowing, possibly a
        stone versus vascular calcification': the shadowing is denied, the
        readings stay hedged)."""
        md = mod.rule.metadata or {}
        if mod.category != "POSSIBLE_EXISTENCE" or not md.get("alternative"):
            return False
        if target.start not in self.findings:
            return False
        if target.start in self.pseudo_ends:
            return True
        return any(
            m.category in {"NEGATED_EXISTENCE", "HYPOTHETICAL"} and not self.drops(target, m)
            for m in target.modifiers
        )

    def _joined_line(self, i: int) -> bool:
        """Is the comma at i no list separator but the line break of an export
        that joined lines with commas: it opens its sentence, or follows a
        label's colon or a full stop ('REVIEW OF SYSTEMS: , Negative for A, B,
        C')?"""
        return bool(self.starts[i]) or (i > 0 and self._index()[i - 1] in {":", "."})

    def history_item(self, target: Target, mod: Any) -> bool:
        """Does a forward question, denial or hedge reach the target only over
        a list item that opens with a history trigger of its own ('Evaluate
        for pneumonia, hx of lymphoma, DM2'; 'No fever, history of TB')? That
        item states the patient's past, not what is asked or denied, and so
        does what the list goes on to name after it (guide §3: a condition
        counts when affirmed anywhere, the history included)."""
        if not self.history_starts or mod.rule.direction != "FORWARD":
            return False
        if mod.category not in _HISTORY_ITEM_CATEGORIES:
            return False
        end = mod.modifier_span[1]
        if end > target.start:
            return False
        w = self._index()
        return any(
            w[i] in {",", ";"} and i + 1 in self.history_starts
            for i in range(end, target.start)
        )

    def past_a_comma(self, target: Target, mod: Any) -> bool:
        """Does a modifier that hedges its own phrase (`same_phrase`: '?')
        reach the target only over a comma ('Renal failure, ? pneumonia'),
        or only backward when it is written against the word after it
        ('Calcified granulomas ?old TB': the reading is asked, not the
        granulomas; guide §2, uncertain hedges presence)?"""
        if not (mod.rule.metadata or {}).get("same_phrase"):
            return False
        start, end = mod.modifier_span
        if start in self.prefixes and target.end <= start:
            return True  # '?old TB' asks about the words after it only
        lo, hi = (target.end, start) if target.end <= start else (end, target.start)
        return "," in self._index()[lo:hi]

    def reading_after_a_denial(self, target: Target, mod: Any) -> bool:
        """Is an 'or' reading two things a negation after the target denies
        ('calcified atherosclerotic plaque without aneurysm or dissection': the
        plaque is stated, the aneurysm and the dissection are both denied)?"""
        md = mod.rule.metadata or {}
        if mod.category != "POSSIBLE_EXISTENCE" or not md.get("alternative"):
            return False
        start, _end = mod.modifier_span
        if target.end > start:
            return False
        between = self._index()[target.end : start]
        return any(
            tuple(between[k : k + len(c)]) == c
            for c in self.negations
            for k in range(len(between))
        )

    def reads_two_places(self, target: Target, mod: Any) -> bool:
        """Does a differential ('versus') offer two places of the one thing a
        bare 'calcified' qualifies, standing between two premodifiers of the
        head noun its phrase runs to ('Calcified right hilar versus
        mediastinal lymph node')? It doubts where the calcified node lies, not
        that it is there (guide §2: uncertain is a hedge on its presence).
        One to three words between the adjective and the 'versus', no head
        among them ('Calcified granuloma versus nipple shadow' and
        'Calcified versus noncalcified nodule' stay hedged), and after it
        one to three words, then a head (`calcified_heads`)."""
        md = mod.rule.metadata or {}
        if mod.category != "POSSIBLE_EXISTENCE" or not md.get("alternative"):
            return False
        if target.start not in self.findings:
            return False
        w = self._index()
        if w[target.start] not in self.bare:
            return False
        start, end = mod.modifier_span
        if start <= target.start:
            return False
        if not 1 <= start - target.start - 1 <= _PLACE_WORDS:
            return False
        if not all(self._premodifier(i) for i in range(target.start + 1, start)):
            return False
        for i in range(end, min(end + _PLACE_WORDS + 1, len(w))):
            if w[i] in self.heads:
                return i > end and not self.starts[i]
            if not self._premodifier(i):
                return False
        return False

    def _premodifier(self, i: int) -> bool:
        """Is the word at i a plain word of a noun phrase before its head: no
        mark, no head noun, no sentence start, no other mention?"""
        w = self._index()
        if w[i] == "." and i > 0 and w[i - 1] in self.abbreviations:
            return True  # 'Calcified lt. paraesophageal versus ...': a side's period
        return (
            (w[i].isalpha() or w[i] == "-")
            and w[i] not in self.heads
            and not self.starts[i]
            and i not in self.findings
        )

    def denies_a_later_item(self, target: Target, mod: Any) -> bool:
        """Does a backward negation after a comma miss a target before that
        comma? It denies its own list item: 'ESRD on HD, fevers, negative
        cultures' and 'Sarcoidosis, fever, cultures negative' deny the
        cultures. A list joined by 'and'/'or' up to it ('A, B and C are
        absent') is denied whole."""
        if mod.category != "NEGATED_EXISTENCE" or mod.rule.direction != "BACKWARD":
            return False
        start, _end = mod.modifier_span
        if start < target.end:
            return False
        between = self._last_item(target.end, start)
        if between is None:
            return False
        w = self._index()
        if between:  # a word of its own item ('cultures negative'), not 'now resolved'
            return any(x.isalpha() and x not in _PREDICATE_WORDS for x in between)
        after = w[mod.modifier_span[1]] if mod.modifier_span[1] < len(w) else ""
        return after.isalpha() and after not in _PREDICATE_WORDS  # 'negative cultures'

    def denies_a_noun_placed_at_it(self, target: Target, mod: Any) -> bool:
        """Does a forward negation deny another noun that a place word puts
        at the target ('no residual stenosis at the treated calcified
        segment', 'no significant narrowing in the calcified segment')? The
        calcification is where the denied thing was looked for, and is
        there (guide §1: a negation denies what it governs). Only for a
        calcification mention, and not when the denied noun is one
        ('no calcification within it to suggest a calcified embolus'),
        nor for a list going on past the place word ('no stones in the
        kidneys or calcification'), nor past an 'of' ('no foci of
        calcification', 'within limits of calcification')."""
        if mod.rule.direction != "FORWARD" or mod.category != "NEGATED_EXISTENCE":
            return False
        return self._noun_placed_at(target, mod)

    def asks_a_noun_placed_at_it(self, target: Target, mod: Any) -> bool:
        """Does a forward question or plan ask about another noun that a
        place word puts at the target ('rule out seizure focus near the
        calcified granuloma', 'evaluate for stenosis at the calcified
        plaque')? The calcification is where the thing is looked for, and
        is seen (guide §2 hypothetical: raised as a possibility to look for,
        not observed); the same limits as `denies_a_noun_placed_at_it`."""
        if mod.rule.direction != "FORWARD" or mod.category != "HYPOTHETICAL":
            return False
        return self._noun_placed_at(target, mod)

    def _noun_placed_at(self, target: Target, mod: Any) -> bool:
        """Does the modifier govern another noun that a place word after it
        puts at the target, no finding before that place word, no list
        going on past it and no 'of' ('no foci of calcification')?"""
        end = mod.modifier_span[1]
        if end >= target.start or target.start not in self.findings:
            return False  # a condition's denial is another matter
        w = self._index()
        between = w[end : target.start]
        at = [k for k, x in enumerate(between) if x in _PLACE_PREPOSITIONS]
        if not at or any(end <= f < end + at[0] for f in self.findings):
            return False  # 'no calcification within it to suggest a calcified embolus'
        before, after = between[: at[0]], between[at[0] + 1 :]
        if any(x in _LIST_GOES_ON or x == "of" for x in after):
            return False  # 'within limits of calcification': a noun of its own
        return any(x.isalpha() and x not in _PREDICATE_WORDS for x in before)

    def carry_lists(self, subs: list[Target], kept: list[tuple[Any, ...]]) -> None:
        """A list of possible complications goes on past ', and' (which ends
        other modifiers): 'risks include bleeding, DVT, and stroke' makes the
        stroke as hypothetical as the DVT. A `through_lists` modifier of one
        condition passes to the next condition or finding of its sentence
        while no clause verb stands between them ('risks including bleeding,
        infection, and calcification of the graft')."""
        listed = ("CONDITION", FINDING_LABEL)
        order = sorted(
            (st.start, i) for i, st in enumerate(subs) if st.label_ in listed
        )
        carried: Any = None
        end = 0
        for start, i in order:
            own = [m for m in kept[i] if (m.rule.metadata or {}).get("through_lists")]
            if own:
                carried, end = own[0], subs[i].end
                continue
            if carried is None:
                continue
            w = self._index()  # the words read only after a list's modifier
            if self._sent_end[start] != self._sent_end[end - 1]:
                carried = None
                continue
            if any(x in self.verbs for x in w[end:start]):
                carried = None
                continue
            kept[i] += (carried,)
            end = subs[i].end

    def dates_another(self, target: Target, mod: Any) -> bool:
        """Is a one-word past marker ('prior', 'hx') the adjective of a
        disease right after it, so that a finding later in the sentence is not
        in the past? 'Hx ESRD on HD, calcified aorta': the history is the
        disease's. A procedure keeps it ('hx lumpectomy for calcifications':
        they were removed)."""
        if mod.category != "HISTORICAL" or mod.rule.direction != "FORWARD":
            return False
        start, end = mod.modifier_span
        if end - start != 1 or not {start, end} & self.conditions:
            return False  # not next to, nor part of, a disease's name
        return target.start in self.findings and target.start > end

    def history_closed_by_comma(self, target: Target, mod: Any) -> bool:
        """Does a patient's history (`dates_up_to_comma`: 'history of',
        'h/o') reach a finding only over a comma or semicolon that closes its
        object? 'Given the history of hypoparathyroidism, this may represent
        Fahr-type calcification', 'With a history of renal failure, the basal
        ganglia calcification ...': the history is the disease's, and the
        clause after the comma says what is seen now (guide §2, historical: a
        deposit visible today is present), and so does the place it names. A
        finding inside the object ('history of calcified granuloma') stays
        dated, and so does a condition after the comma ('history of CKD,
        diabetes' lists the history)."""
        if mod.category != "HISTORICAL" or mod.rule.direction != "FORWARD":
            return False
        if not (mod.rule.metadata or {}).get("dates_up_to_comma"):
            return False
        end = mod.modifier_span[1]
        if target.start < end or target.start in self.conditions:
            return False  # 'history of CKD, diabetes': a list of the history
        w = self._index()
        cut = next((i for i in range(end, target.start) if w[i] in {",", ";"}), None)
        return cut is not None and not any(end <= f < cut for f in self.findings)

    def history_of_a_disease_and(self, target: Target, mod: Any) -> bool:
        """Does a patient's history (`dates_up_to_comma`: 'history of') open
        with a disease and reach a finding only past an 'and' or 'with' after
        it? 'Due to her history of diabetes and calcified vessels a tourniquet
        was not used', 'History of ESRD and heavily calcified arteries': the
        history is the disease's, and the calcification joined to it is the
        patient's state now (guide §2, historical: a deposit visible today is
        present). A finding that opens the history ('history of calcified
        granuloma and TB') or follows an operation ('history of lumpectomy
        and calcifications') stays dated."""
        if mod.category != "HISTORICAL" or mod.rule.direction != "FORWARD":
            return False
        if not (mod.rule.metadata or {}).get("dates_up_to_comma"):
            return False
        end = mod.modifier_span[1]
        at = target.start
        if at <= end or not (at in self.findings or at in self.places):
            return False  # a place after the finding goes with it
        reach = min(end + HISTORY_DISEASE_REACH, at)
        first = next((i for i in range(end, reach) if i in self.conditions), None)
        if first is None:
            return False
        w = self._index()
        joined = next((i for i in range(first + 1, at) if w[i] in _JOINING_WORDS), None)
        if joined is None or any(end <= f < joined for f in self.findings):
            return False
        return any(joined < f <= at for f in self.findings)

    def hedges_another(self, target: Target, mod: Any) -> bool:
        """Does a forward hedge stop at the first 'and' because it already has
        its object there, a thing that is no finding? 'nodules suggestive of
        granulomas and few calcified nodes': the granulomas are hedged, the
        nodes are stated. 'may represent calcified granulomas and nodes' hedges
        both (a finding is the hedge's object). Only a finding is cut off so: a
        hedge or differential over conditions covers its whole list
        ('differential includes sarcoidosis and tuberculosis')."""
        if mod.category != "POSSIBLE_EXISTENCE" or mod.rule.direction != "FORWARD":
            return False
        if target.start not in self.findings or (mod.rule.metadata or {}).get(
            "alternative"
        ):
            return False
        start, end = mod.modifier_span
        if end >= target.start:
            return False
        w = self._index()
        first_and = next((i for i in range(end, target.start) if w[i] == "and"), None)
        if first_and is not None and first_and > end:
            return not any(end <= c < first_and for c in self.findings)
        return self._diagnosis_with_finding(end, target.start)

    def _diagnosis_with_finding(self, end: int, at: int) -> bool:
        """Is the hedge's object a condition, and the finding at `at` what a
        'with' after that condition adds to it ('Possible sarcoidosis with
        calcified hilar nodes', 'Suspected hyperparathyroidism with
        nephrocalcinosis')? The diagnosis is hedged, the finding is stated
        (guide §2, uncertain: a hedge on the cause or nature does not make
        the deposit uncertain); a lesion that is no condition keeps its
        calcification hedged ('possible mass with calcification')."""
        w = self._index()
        first_with = next((i for i in range(end, at) if w[i] == "with"), None)
        if first_with is None or first_with == end:
            return False
        if any(end <= c < first_with for c in self.findings):
            return False
        return any(end <= c < first_with for c in self.conditions)

    def hedges_what_it_caused(self, target: Target, mod: Any) -> bool:
        """Does a forward hedge between a clinical event and a link of cause
        ('Seizures likely secondary to the calcified granuloma', 'New onset
        seizure, likely from the left temporal calcification') hedge that
        the finding after the link caused the event, not that it is there?
        The note gives a seen calcification as the event's likely cause
        (guide §2 uncertain: a hedge on its cause or nature does not make it
        uncertain). An image finding before the link ('hyperdensity, likely
        due to calcification') is no event: the calcification is its offered
        reading and stays hedged."""
        if mod.category != "POSSIBLE_EXISTENCE" or mod.rule.direction != "FORWARD":
            return False
        start, end = mod.modifier_span
        if target.start not in self.findings or end > target.start:
            return False
        w = self._index()
        if w[end] not in self.cause_links:
            return False
        first = start
        while first > 0 and not self.starts[first]:
            first -= 1
        if any(first <= f < start for f in self.findings):
            return False
        return any(x in self.clinical_events for x in w[first:start])

    def hedges_the_finding_after(self, target: Target, mod: Any) -> bool:
        """Does a hedge after a finding ('... is possible', '... cannot be
        excluded') have that finding as its subject, not a condition the
        sentence names before it in an item a comma or semicolon closes?
        'In a patient on dialysis, metastatic calcification is possible'
        doubts the calcification's cause, not the dialysis (guide §3: a
        condition is the patient's unless it is itself hedged). A
        differential (`alternative`) keeps its readings."""
        if mod.category != "POSSIBLE_EXISTENCE" or mod.rule.direction == "FORWARD":
            return False
        if target.start not in self.conditions or (mod.rule.metadata or {}).get(
            "alternative"
        ):
            return False
        start = mod.modifier_span[0]
        if start < target.end:
            return False
        w = self._index()
        for f in self.findings:
            if target.end <= f < start:
                return any(w[i] in {",", ";"} for i in range(target.end, f))
        return False


# The clause checks that can drop a modifier of each ConText category from a
# target, in the order they are asked (`_Clauses.drops`). A check tests its
# category (and direction) first and drops nothing of any other, so asking
# only these gives the same answer as asking all of them. The last two read
# a rule's metadata ('same_phrase', 'procedures_only'), whatever its category.
_ANY_CATEGORY_CHECKS = (_Clauses.past_a_comma, _Clauses.plans_a_disease)
_CHECKS_OF = {
    "NEGATED_EXISTENCE": (
        _Clauses.history_item,
        _Clauses.own_statement,
        _Clauses.denies_a_later_item,
        _Clauses.denies_a_noun_placed_at_it,
        _Clauses.describes_the_patient,
        *_ANY_CATEGORY_CHECKS,
    ),
    "POSSIBLE_EXISTENCE": (
        _Clauses.history_item,
        _Clauses.own_statement,
        _Clauses.hedges_another,
        _Clauses.hedges_what_it_caused,
        _Clauses.hedges_the_finding_after,
        _Clauses.hedges_own_item,
        _Clauses.hedges_a_later_noun,
        _Clauses.reading_in_a_denial,
        _Clauses.reading_after_a_denial,
        _Clauses.reads_two_places,
        _Clauses.describes_the_patient,
        *_ANY_CATEGORY_CHECKS,
    ),
    "HISTORICAL": (
        _Clauses.hedges_a_later_noun,
        _Clauses.dates_another,
        _Clauses.history_closed_by_comma,
        _Clauses.history_of_a_disease_and,
        *_ANY_CATEGORY_CHECKS,
    ),
    "HYPOTHETICAL": (
        _Clauses.history_item,
        _Clauses.past_a_comma,
        _Clauses.disease_past_a_comma,
        _Clauses.main_clause_after_condition,
        _Clauses.condition_on_a_known_finding,
        _Clauses.answered,
        _Clauses.reason_for_a_procedure,
        _Clauses.plans_a_disease,
        _Clauses.finding_past_the_test,
        _Clauses.evaluates_a_state,
        _Clauses.asks_a_noun_placed_at_it,
        _Clauses.describes_the_patient,
    ),
}


# What a modifier's rule must say for each check to be asked: every check
# answers no at once for a modifier without it (its first lines test the
# category, the rule's direction and metadata), whatever the target.
_POSSIBLE, _FORWARD = "POSSIBLE_EXISTENCE", "FORWARD"
_ASKS: dict[Any, Any] = {
    _Clauses.history_item: lambda c, d, md: (
        d == _FORWARD and c in _HISTORY_ITEM_CATEGORIES
    ),
    _Clauses.own_statement: lambda c, d, md: (
        d == _FORWARD and c in _STATES_OWN_ITEMS and not md.get("alternative")
    ),
    _Clauses.denies_a_later_item: lambda c, d, md: (
        c == "NEGATED_EXISTENCE" and d == "BACKWARD"
    ),
    _Clauses.denies_a_noun_placed_at_it: lambda c, d, md: (
        c == "NEGATED_EXISTENCE" and d == _FORWARD
    ),
    _Clauses.asks_a_noun_placed_at_it: lambda c, d, md: (
        c == "HYPOTHETICAL" and d == _FORWARD
    ),
    _Clauses.past_a_comma: lambda c, d, md: bool(md.get("same_phrase")),
    _Clauses.plans_a_disease: lambda c, d, md: bool(md.get("procedures_only")),
    _Clauses.finding_past_the_test: lambda c, d, md: (
        c == "HYPOTHETICAL" and bool(md.get("findings_after_only"))
    ),
    _Clauses.hedges_another: lambda c, d, md: (
        c == _POSSIBLE and d == _FORWARD and not md.get("alternative")
    ),
    _Clauses.hedges_what_it_caused: lambda c, d, md: c == _POSSIBLE and d == _FORWARD,
    _Clauses.hedges_the_finding_after: lambda c, d, md: (
        c == _POSSIBLE and d != _FORWARD and not md.get("alternative")
    ),
    _Clauses.hedges_own_item: lambda c, d, md: c == _POSSIBLE and d != _FORWARD,
    _Clauses.hedges_a_later_noun: lambda c, d, md: (
        (c == _POSSIBLE or bool(md.get("own_subject")))
        and d != _FORWARD
        and not md.get("alternative")
        and not md.get("same_phrase")
    ),
    _Clauses.reading_in_a_denial: lambda c, d, md: (
        c == _POSSIBLE and bool(md.get("alternative"))
    ),
    _Clauses.reading_after_a_denial: lambda c, d, md: (
        c == _POSSIBLE and bool(md.get("alternative"))
    ),
    _Clauses.reads_two_places: lambda c, d, md: (
        c == _POSSIBLE and bool(md.get("alternative"))
    ),
    _Clauses.dates_another: lambda c, d, md: c == "HISTORICAL" and d == _FORWARD,
    _Clauses.history_closed_by_comma: lambda c, d, md: (
        c == "HISTORICAL" and d == _FORWARD and bool(md.get("dates_up_to_comma"))
    ),
    _Clauses.history_of_a_disease_and: lambda c, d, md: (
        c == "HISTORICAL" and d == _FORWARD and bool(md.get("dates_up_to_comma"))
    ),
    _Clauses.disease_past_a_comma: lambda c, d, md: (
        c == "HYPOTHETICAL" and bool(md.get("plans_up_to_comma"))
    ),
    _Clauses.main_clause_after_condition: lambda c, d, md: (
        c == "HYPOTHETICAL" and d == _FORWARD and bool(md.get("condition_up_to_comma"))
    ),
    _Clauses.condition_on_a_known_finding: lambda c, d, md: (
        c == "HYPOTHETICAL" and d == _FORWARD and bool(md.get("condition_up_to_comma"))
    ),
    _Clauses.answered: lambda c, d, md: c == "HYPOTHETICAL" and d == _FORWARD,
    _Clauses.reason_for_a_procedure: lambda c, d, md: (
        c == "HYPOTHETICAL" and d != "BACKWARD"
    ),
    _Clauses.evaluates_a_state: lambda c, d, md: (
        c == "HYPOTHETICAL" and bool(md.get("evaluates_a_state"))
    ),
    _Clauses.describes_the_patient: lambda c, d, md: c in _DESCRIBED_CATEGORIES,
}


def _asked(mod: Any) -> tuple[Any, ...]:
    """The checks of the modifier's category (`_CHECKS_OF`) that its rule's
    direction and metadata let through (`_ASKS`), in their order: the same
    answers as asking them all, each a rule would fail at once left out."""
    category, direction = mod.category, mod.rule.direction
    md = mod.rule.metadata or {}
    return tuple(
        check
        for check in _CHECKS_OF.get(category, _ANY_CATEGORY_CHECKS)
        if _ASKS[check](category, direction, md)
    )


def flags(mods: Modifiers, span: Span) -> set[str]:
    """ConText flags of a target, with our also_sets / cancels applied:
    worked out once per target (`Modifiers.flag_sets`), a new set per call
    (a caller may change it)."""
    k = key(span)
    found = mods.flag_sets.get(k)
    if found is None:
        found = mods.flag_sets[k] = frozenset(_flags(mods.by_span.get(k, ())))
    return set(found)


def _flags(modifiers: tuple[Any, ...]) -> set[str]:
    """The flags these modifiers of one target set."""
    if not modifiers:
        return set()  # most targets: no modifier, no flag
    out: set[str] = set()
    cancels: set[str] = set()
    dated = False  # a past marker other than 'seen before' ('history of')
    seen: set[str] = set()  # flags a PRESENT rule ('seen on') cancels
    asked = False  # an `asks_presence` HYPOTHETICAL rule ('evaluate for')
    gone = False  # a denial that also sets historical ('no longer seen')
    denial_ends = {
        m.modifier_span[1] for m in modifiers if m.category == "NEGATED_EXISTENCE"
    }
    for mod in modifiers:
        md = mod.rule.metadata or {}
        if mod.category == "HISTORICAL" and mod.modifier_span[0] in denial_ends:
            continue  # 'no prior X', 'no history of X': denied before as now
        if mod.category in FLAG_OF:
            out.add(FLAG_OF[mod.category])
        if mod.category == "HISTORICAL" and not md.get("seen_before"):
            dated = True
        out.update(FLAG_OF[x] for x in md.get("also_sets", []) if x in FLAG_OF)
        if mod.category == "NEGATED_EXISTENCE" and "HISTORICAL" in md.get("also_sets", []):
            gone = True
        cancels.update(FLAG_OF[c] for c in md.get("cancels", []) if c in FLAG_OF)
        if mod.category == "PRESENT" or md.get("seen_before"):
            seen.update(FLAG_OF[c] for c in md.get("cancels", []) if c in FLAG_OF)
        elif md.get("asks_presence"):
            asked = True
    if asked and "hypothetical" in seen:
        # 'Evaluate for X seen on outside film': asking whether it is there
        # now, which 'seen on' another study does not answer
        cancels.discard("hypothetical")
    if gone or _denied_after_seen_before(modifiers):
        # 'no longer visualized today', 'noted on the prior, not seen on the
        # current study': a present marker dates the denial, and the finding
        # it denies is still the one seen before, now gone (GUIDE: resolved
        # stays negated and historical)
        cancels.discard("historical")
    if "historical" in out and not dated and "negated" not in out:
        # 'previously seen', 'as seen on the prior' say it was seen before,
        # not that it is gone: present now unless denied (GUIDE: historical)
        cancels.add("historical")
    return out - cancels


def _denied_after_seen_before(modifiers: tuple[Any, ...]) -> bool:
    """Is the finding said to be seen before ('noted on the prior', a
    `seen_before` marker) and then denied ('..., is not seen on the current
    study'), with no correction that it never was there (a denial that itself
    cancels historical: 'was bowel content', 'reported in error')? Then it was
    there and is gone (guide §2 historical: 'previously noted ... no longer
    present'), whatever present marker dates the denial. A denial before the
    marker ('not seen on the prior study') says nothing was there before."""
    before_ends = [
        m.modifier_span[1]
        for m in modifiers
        if m.category == "HISTORICAL" and (m.rule.metadata or {}).get("seen_before")
    ]
    if not before_ends:
        return False
    denials = [m for m in modifiers if m.category == "NEGATED_EXISTENCE"]
    if any("HISTORICAL" in (m.rule.metadata or {}).get("cancels", ()) for m in denials):
        return False
    return any(end <= m.modifier_span[0] for m in denials for end in before_ends)


def is_cause(mods: Modifiers, span: Span) -> bool:
    """A cue or condition that can explain a finding: asserted and not an alternative."""
    if flags(mods, span) & NOT_ASSERTED:
        return False
    if key(span) in mods.one_cause:
        return True  # a differential of dystrophic causes only
    return not any((m.rule.metadata or {}).get("alternative") for m in mods.of(span))


def rule_ids(mods: Modifiers, span: Span) -> tuple[str, ...]:
    """The ids of the ConText rules that modify a span, sorted."""
    return tuple(sorted({(m.rule.metadata or {}).get("id", "") for m in mods.of(span)}))
