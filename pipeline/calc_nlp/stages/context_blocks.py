"""medspaCy's ConText, its target x modifier checks made block by block.

`ConText(doc)` checks every modifier against every other modifier (scope
limits) and every target (edges): quadratic in a long piece. A modifier's
scope is its sentence (no global `max_scope`), so a modifier and a target
or modifier in another sentence never touch: each check across sentences
returns False or leaves the scopes as they are. Sentences joined by a
modifier or target that spans their boundary form one block; within each
block the checks of medspaCy's `ConTextGraph` run in the same order
(`_update_scopes`, `_edges`), each rule read once (`ContextRules`), so every
target gets the same modifiers in the same order as from `ConText(doc)`, but
for one fix: scopes are limited with a sound overlap test (`_update_scopes`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import compress
from operator import itemgetter
from typing import Any

from medspacy.context import ConText, ConTextModifier
from medspacy.util import tuple_overlaps
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from calc_nlp.sentences import TherapyWords, abbreviation_period
from calc_nlp.stages.token_matcher import PhraseTrie, TokenMatcher
from calc_nlp.stages.toolkit_cache import ToolkitCache


def run_context(
    context: ConText,
    doc: Doc,
    targets: list[Span],
    starts: list[Any],
    table: ContextRules | None = None,
    caseless: bool = False,
) -> list[Any]:
    """Sets `target._.modifiers` for each target as `context(doc)` would (for
    a ConText without span attributes and without a window); `starts` are
    the Doc's sentence starts, per token; `table` the ConText's rules as
    `apply_context` reads them; `caseless` as there. Returns every modifier matched in the Doc,
    those that modify no target (PSEUDO ones) included."""
    if context.max_scope or context.context_attributes_mapping or _callbacks(context):
        context(doc)  # windows, attributes or callbacks: upstream's own way
        graph = doc._.context_graph
        return list(graph.modifiers) if graph is not None else []
    matcher = context._ConText__matcher  # type: ignore[attr-defined]
    held = [Target(t.start, t.end, t.label_) for t in targets]
    words = [t.text for t in doc]
    mods = apply_context(context, matcher(doc), held, starts, words, table, caseless)
    for t, h in zip(targets, held, strict=True):
        t._.modifiers = h.modifiers
    return mods


class Modifier(ConTextModifier):
    """A ConTextModifier whose rule, category, direction and span are plain
    attributes: the stages read them thousands of times per run, and
    upstream's properties make each read a Python call or two
    (`category` reads `rule`). A modifier's rule and words never change
    once it is made (`_update_scopes` moves its scope only)."""

    # plain class values in place of the properties, so that the instance's
    # own values (set in __init__) are read
    rule: Any = None
    category: Any = None
    direction: Any = None
    modifier_span: Any = None

    def __init__(
        self, rule: Any, start: int, end: int, scope_start: int, scope_end: int
    ):
        # ConTextModifier.__init__ with no Doc: its fields, set here
        self._context_rule = rule
        self._start, self._end = start, end
        self._targets: list[Any] = []
        self._num_targets = 0
        self._max_scope = None
        self._scope_start, self._scope_end = scope_start, scope_end
        self.rule = rule
        self.category = rule.category
        self.direction = rule.direction
        self.modifier_span = (start, end)


class Target:
    """A ConText target: its tokens, its label and the modifiers ConText gives
    it (what ConText reads of a target Span and writes on it)."""

    __slots__ = ("start", "end", "label_", "modifiers")

    def __init__(self, start: int, end: int, label: str):
        self.start, self.end, self.label_ = start, end, label
        self.modifiers: tuple[Any, ...] = ()


def context_matches(
    context: ConText, phrases: PhraseTrie, columns: dict[str, list[int]]
) -> list[tuple[int, int, int]]:
    """What ConText's matcher gives for a Doc of these token attribute
    values (its token patterns, then its phrases, overlaps pruned), without
    the Doc: for a ConText `matches_columns` accepts, with `phrases` its
    phrases, `exact`."""
    matcher = context._ConText__matcher  # type: ignore[attr-defined]
    states = matcher._MedspacyMatcher__matcher.states
    attr = str(matcher._MedspacyMatcher__phrase_matcher_attr).upper()
    found = states.find([columns[a] for a in states.columns.names], len(columns[attr]))
    found += phrases.find(columns[attr])
    return prune_longest(found) if matcher._prune else found


_START_END = itemgetter(1, 2)


def _length(match: tuple[int, int, int]) -> int:
    return match[2] - match[1]


def prune_longest(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """medspaCy's `prune_overlapping_matches` (strategy 'longest') over
    (key, start, end) matches, pass for pass: in (start, end) order, of two
    neighbours that overlap the longer is kept (the first of two as long)
    and the one after them is taken as the next to compare; passes repeat
    until one drops nothing. The same list, without its `pop(0)` per match
    and a call per overlap test."""
    while matches:
        ordered = sorted(matches, key=_START_END)
        pruned: list[tuple[int, int, int]] = []
        current: tuple[int, int, int] | None = ordered[0]
        k, n = 1, len(ordered)
        while k < n and current is not None:
            following = ordered[k]
            k += 1
            _, start, end = current
            if start <= following[1] < end or start < following[2] <= end:
                pruned.append(max(current, following, key=_length))
                current = ordered[k] if k < n else None
                k += 1
            else:
                pruned.append(current)
                current = following
        if current is not None:
            pruned.append(current)
        if len(pruned) == len(matches):
            return pruned
        matches = pruned
    return matches


def matches_columns(context: ConText) -> bool:
    """Can `context_matches` match for this ConText (no regex rule, no
    callback, no span attributes or window), its rules all added?"""
    matcher = context._ConText__matcher  # type: ignore[attr-defined]
    tokens = matcher._MedspacyMatcher__matcher
    return not (
        context.max_scope
        or context.context_attributes_mapping
        or not isinstance(tokens, TokenMatcher)
        or tokens.states is None
        or matcher._MedspacyMatcher__regex_matcher._patterns
        or _callbacks(context)
    )


def _callbacks(context: ConText) -> bool:
    """Has a rule an `on_modifies` callback (which reads the target's Doc)?"""
    rules = context._ConText__matcher.rule_map.values()  # type: ignore[attr-defined]
    return any(r.on_modifies is not None for r in rules)


def context_columns(context: ConText) -> list[str]:
    """The token attributes `context_matches` reads."""
    matcher = context._ConText__matcher  # type: ignore[attr-defined]
    tokens = matcher._MedspacyMatcher__matcher
    names = (
        list(tokens.states.columns.names)
        if isinstance(tokens, TokenMatcher) and tokens.states
        else []
    )
    attr = str(matcher._MedspacyMatcher__phrase_matcher_attr).upper()
    return names + ([attr] if attr not in names else [])


def apply_context(
    context: ConText,
    matches: list[tuple[int, int, int]],
    targets: list[Target],
    starts: list[Any],
    words: list[str] | None = None,
    table: ContextRules | None = None,
    caseless: bool = False,
) -> list[Any]:
    """ConText's modifiers of its matches, and each target's (in
    `target.modifiers`), block by block (see the module's docstring).
    `words`, the sub-document's words, let a `line_break` rule go where the
    line it stands for does not break (`_no_break`), which the case of the
    word after it tells, so not in a `caseless` report (a lower-cased export:
    there every such comma breaks its line). `table`: the rules
    of `context` as the checks read them (`ContextRules`: the Toolkit keeps
    one for every report); made here when not given."""
    if table is None:
        table = ContextRules(context)
    sents = _Sentences(starts)
    mods: list[Any] = []
    ruled: list[tuple[Any, _Rule]] = []  # each modifier with its rule's facts
    for m, start, end in matches:
        rule = table.of(m)
        if words is not None and rule.line_break and not caseless and _no_break(end, words):
            continue
        if rule.terminates and words is not None and table.abbreviation_period(words, start):
            continue  # 'in the rt. lower lobe': the period shortens the side
        if rule.vessel_zero and words is not None and table.vessels_value(words, start):
            continue  # 'Calcium score LM 0, LAD 120': the left main's zero
        mod = Modifier(rule.rule, start, end, *rule.scope(start, end, sents))
        mods.append(mod)
        ruled.append((mod, rule))
    spans = [m.modifier_span for m in mods] + [(t.start, t.end) for t in targets]
    block = _blocks(sents, spans)
    mods_of: dict[int, list[tuple[Any, _Rule]]] = {}
    for mod, rule in ruled:
        mods_of.setdefault(block[mod.modifier_span[0]], []).append((mod, rule))
    targets_of: dict[int, list[Target]] = {}
    for t in targets:
        targets_of.setdefault(block[t.start], []).append(t)
    # ConText adds each modifier to `target._.modifiers`, which spaCy keeps
    # by the Span's character offsets: targets on the same words (a word
    # that is a condition and a cue) share one tuple, each modifier of any
    # of them in it. So they do here.
    shared: dict[tuple[int, int], tuple[Any, ...]] = {}
    for b, ts in targets_of.items():
        block_mods = mods_of.get(b, [])
        _update_scopes(block_mods)
        for target, modifier in _edges(ts, block_mods, table.prune):
            at = (target.start, target.end)
            shared[at] = shared.get(at, ()) + (modifier,)
    for t in targets:
        t.modifiers = shared.get((t.start, t.end), ())
    return mods


class _Rule:
    """What ConText's checks read of one rule, read once (a ConTextModifier
    reads it through a property chain per check): where its scope reaches,
    which targets it may modify, what limits its scope."""

    __slots__ = (
        "rule",
        "line_break",
        "forward",
        "backward",
        "max_scope",
        "modifies",
        "allowed",
        "excluded",
        "callback",
        "max_targets",
        "category",
        "upper",
        "terminated_by",
        "terminates",
        "types",
        "vessel_zero",
    )

    def __init__(self, rule: Any):
        direction = rule.direction
        self.rule = rule
        self.line_break = bool((rule.metadata or {}).get("line_break"))
        self.vessel_zero = bool((rule.metadata or {}).get("not_a_vessels_value"))
        # as ConTextModifier's scope and limit_scope read the direction
        self.forward = direction.lower() in ("forward", "bidirectional")
        self.backward = direction.lower() in ("backward", "bidirectional")
        self.max_scope = rule.max_scope
        # ConTextModifier.modifies: a TERMINATE or PSEUDO rule modifies nothing
        self.modifies = direction not in ("TERMINATE", "PSEUDO")
        self.allowed, self.excluded = rule.allowed_types, rule.excluded_types
        self.callback = rule.on_modifies is not None
        self.max_targets = rule.max_targets
        self.category = rule.category
        self.upper = rule.category.upper()
        self.terminated_by = rule.terminated_by
        self.terminates = direction.upper() == "TERMINATE"
        self.types = (rule.allowed_types, rule.excluded_types)

    def scope(self, start: int, end: int, sents: _Sentences) -> tuple[int, int]:
        """The scope of a modifier of this rule on tokens start..end, as
        `ConTextModifier` sets it from its sentence (no window): forward to
        the sentence's end, backward to its start, else (bidirectional,
        terminate, pseudo) the whole sentence, each side cut at `max_scope`."""
        first, last = sents.bounds(start)
        most = self.max_scope
        if self.forward and not self.backward:
            if most is not None and last - end > most:
                return end, end + most
            return end, last
        if self.backward and not self.forward:
            if most is not None and start - first > most:
                return start - most, start
            return first, start
        if most is not None and start - first > most:
            first = start - most
        if most is not None and last - end > most:
            last = end + most
        return first, last

    def allows(self, label: str) -> bool:
        """`ConTextModifier.allows`: may this rule modify a target of the label?"""
        if self.allowed is not None:
            return label in self.allowed
        if self.excluded is not None:
            return label not in self.excluded
        return True


class ContextRules:
    """Each rule of a ConText by its match id (the hash of its rule key, as
    its matcher gives it), with what the checks read of it (`_Rule`, read
    when the rule first matches), and the ConText's own setting for
    modifiers on a target's words."""

    def __init__(self, context: ConText):
        self._rules = context._ConText__matcher.rule_map  # type: ignore[attr-defined]
        self._strings = context.nlp.vocab.strings
        self._read: dict[int, _Rule] = {}
        self.prune = context.prune_on_target_overlap
        # the clause checks each rule is asked (modifiers._Clauses.drops), by
        # the rule's id(): worked out once per rule for the pipeline
        self.checks: dict[int, tuple[Any, ...]] = {}
        # the words whose period ends no sentence ('Rt. kidney'; the
        # Toolkit's `abbreviations`): nor does it end a modifier's scope
        self.abbreviations: frozenset[str] = frozenset()
        # ... but a side abbreviation that names a treatment ('s/p RT.')
        self.therapy: TherapyWords | None = None
        # the coronary vessels' names, each as its words in lower case
        # ('left main' -> ('left', 'main')): a score after one is the vessel's
        self.vessel_names: frozenset[tuple[str, ...]] = frozenset()
        self._longest_name = 0

    def set_vessel_names(self, phrases: list[str]) -> None:
        """The names of the vessels a calcium score is given for
        (descriptors.json `vessels`), as the words `vessels_value` compares."""
        self.vessel_names = frozenset(_name_words(p) for p in phrases) - {()}
        self._longest_name = max(map(len, self.vessel_names), default=0)

    def vessels_value(self, words: list[str], i: int) -> bool:
        """Does the match of a `not_a_vessels_value` rule at token i (a
        score of zero: '0', ': 0') follow a vessel's name, past a colon, an
        equals sign, a dash or a line break ('LM 0', 'Left main: 0')? Then
        its zero is that vessel's score, not the total's (guide §1: a total
        of 0 is a negated finding; 'Calcium scores' over 'LM 0' and 'LAD
        120' is not)."""
        k = i - 1
        while k >= 0 and (words[k] in _VALUE_MARKS or words[k].isspace()):
            k -= 1
        before: list[str] = []  # the words before it, nearest first
        while k >= 0 and len(before) < self._longest_name:
            w = words[k].lower().rstrip(".")
            if w.isalnum():
                before.append(w)
            elif w or words[k] != ".":  # 'lt. main': the period is the name's
                break
            k -= 1
        return any(
            tuple(reversed(before[: len(n)])) == n for n in self.vessel_names
        )

    def abbreviation_period(self, words: list[str], i: int) -> bool:
        """Is the TERMINATE match at token i the period of an abbreviation
        with more of its line after it ('the rt. lower lobe is no longer
        seen')? The sentence splitter reads it as no stop (sentences.py
        `abbreviation_period`), and the scope of the sentence's modifiers
        goes on past it."""
        return bool(self.abbreviations) and abbreviation_period(
            words, i, self.abbreviations, self.therapy
        )

    def of(self, match_id: int) -> _Rule:
        """The rule a match of this id is of."""
        rule = self._read.get(match_id)
        if rule is None:
            rule = self._read[match_id] = _Rule(self._rules[self._strings[match_id]])
        return rule


# What may stand between a vessel's name and its score ('LM: 0', 'RCA = 0').
_VALUE_MARKS = frozenset({":", "=", "-"})


def _name_words(phrase: str) -> tuple[str, ...]:
    """A vessel name's words in lower case, periods left out ('lt. main')."""
    return tuple(w for w in phrase.lower().replace(".", " ").split())


def _edges(
    targets: list[Target], mods: list[tuple[Any, _Rule]], prune: bool
) -> list[tuple[Target, Any]]:
    """medspaCy's `ConTextGraph.apply_modifiers` for the targets and
    modifiers of one block: which modifier modifies which target, in its
    order (by modifier, then target), each rule's facts read from its
    `_Rule` rather than per pair."""
    if prune:  # a modifier on a target's words modifies nothing
        mods = [
            (m, r)
            for m, r in mods
            if not any(
                tuple_overlaps((t.start, t.end), m.modifier_span) for t in targets
            )
        ]
    for target in targets:
        at = (target.start, target.end)
        label = target.label_.upper()
        for mod, rule in mods:
            if not rule.modifies:
                continue
            if rule.callback:  # the rule's own check reads the target's Doc
                if mod.modifies(target):
                    mod.modify(target)
                continue
            # tuple_overlaps(mod.modifier_span, at), (mod.scope_span, at), inline
            a, b = mod.modifier_span
            if (
                not (a <= at[0] < b or a < at[1] <= b)
                and rule.allows(label)
                and (
                    mod._scope_start <= at[0] < mod._scope_end
                    or mod._scope_start < at[1] <= mod._scope_end
                )
            ):
                mod.modify(target)
    edges = []
    for mod, rule in mods:
        if rule.max_targets is not None:
            mod.reduce_targets()
        edges += [(target, mod) for target in mod._targets]
    return edges


def _no_break(end: int, words: list[str]) -> bool:
    """Does a `line_break` rule (a comma with no space after it, which an
    export that joined its lines with commas writes for a line break) stand
    before a word in lower case? That word goes on the line, a typed list
    with its space left out ('No effusion,calcified nodule' reads as 'No
    effusion, calcified nodule'); a new line opens with a capital, a digit
    or a header ('No prior surgery,Calcified granuloma')."""
    if end >= len(words):
        return False
    return words[end][:1].islower()


def _update_scopes(modifiers: list[tuple[Any, _Rule]]) -> None:
    """medspaCy's `ConTextGraph.update_scopes`: each pair of modifiers limits
    each other's scope (a TERMINATE ends a scope, a second modifier of the
    same category takes over), with a sound overlap test. medspaCy 1.3.1's
    `tuple_overlaps(a, b)` is false when b holds all of a, so a modifier
    with a `max_scope` whose window ends inside the sentence was never cut
    by a TERMINATE (whose scope is the sentence): 'The valve is not stenotic
    but is calcified' denied the calcified valve past the 'but'. What each
    modifier's rule says is read from its `_Rule`, not once per pair."""
    for i in range(len(modifiers) - 1):
        first = modifiers[i]
        for j in range(i + 1, len(modifiers)):
            second = modifiers[j]
            _limit_scope(first, second)
            _limit_scope(second, first)


def _limit_scope(it: tuple[Any, _Rule], other: tuple[Any, _Rule]) -> None:
    """`ConTextModifier.limit_scope` with a sound overlap test (do the two
    scopes share a token?): limits the scope of the first (modifier, rule)
    by the second."""
    mod, rule = it
    by, by_rule = other
    if rule.terminates:
        return
    if (
        not by_rule.terminates
        and by_rule.upper not in rule.terminated_by
        and by_rule.upper != rule.upper
    ):
        return
    if rule.category == by_rule.category and rule.types != by_rule.types:
        return
    start, end = mod._scope_start, mod._scope_end  # mod.scope_span, no call
    if not (start < by._scope_end and by._scope_start < end):  # no shared token
        return
    if rule.forward and by > mod:
        mod._scope_end = min(end, by.modifier_span[0])
    if rule.backward and by < mod:
        mod._scope_start = max(start, by.modifier_span[1])


class _Sentences:
    """Where the sentence of each token of a Doc whose sentence starts are
    `starts` starts and ends (the last start at or before it, the next one
    after it), as `doc[i].sent` tells, without the Token and the two Spans
    spaCy makes to answer."""

    def __init__(self, starts: list[Any]):
        self.firsts = list(compress(range(len(starts)), starts))
        self.n = len(starts)

    def bounds(self, i: int) -> tuple[int, int]:
        """The start and end (exclusive) of token i's sentence."""
        k = bisect_right(self.firsts, i)
        start = self.firsts[k - 1] if k else 0
        end = self.firsts[k] if k < len(self.firsts) else self.n
        return start, end


def _blocks(sents: _Sentences, spans: list[tuple[int, int]]) -> list[int]:
    """Per token, its block: sentences are cut apart unless a span crosses
    the boundary between them. Filled a sentence at a time."""
    joined: set[int] = set()  # tokens that continue the block of the one before
    for start, end in spans:
        joined.update(range(start + 1, end))
    firsts, n = sents.firsts, sents.n
    out = [0] * (firsts[0] if firsts else n)  # any tokens before the first start
    b = 0
    for k, first in enumerate(firsts):
        if first and first not in joined:
            b += 1
        end = firsts[k + 1] if k + 1 < len(firsts) else n
        out += [b] * (end - first)
    return out


@contextmanager
def token_matcher_for(context: ConText, cache: Any = None) -> Iterator[None]:
    """While ConText's rules are added: its token patterns go to a
    `TokenMatcher` (started only where a pattern can open; the same matches
    in the same order as the spaCy Matcher it replaces, which is never
    built), compiled when they are all added (from `cache`, a ToolkitCache,
    when it has them). Its phrase and regex matchers are unchanged."""
    matcher = context._ConText__matcher  # type: ignore[attr-defined]
    tokens = TokenMatcher(context.nlp.vocab, cache)
    matcher._MedspacyMatcher__matcher = tokens
    yield
    tokens.settle()


@contextmanager
def cached_phrases(
    context: ConText,
    cache: ToolkitCache,
    trie: PhraseTrie | None = None,
    keys: Any = None,
) -> Iterator[None]:
    """While ConText's rules are added: its matcher adds each phrase rule's
    attribute hashes from `cache` (what its PhraseMatcher keeps of the Doc
    it would make of the literal, as RuleMatcher adds), rather than
    tokenizing every literal in each start-up. Its own `add` does the rest
    (rule ids, rule map, token patterns) as it always does. `trie` gets the
    same phrases under the same keys (`context_matches` matches them over
    token attribute values, without a Doc). With `keys` (toolkit.keys_vocab),
    its PhraseMatcher is one made with that vocabulary, as the rule
    matchers' are (each rule key's string still in the pipeline's strings,
    where ConText reads a match's rule id)."""
    matcher = context._ConText__matcher  # type: ignore[attr-defined]
    given = matcher._MedspacyMatcher__phrase_matcher
    tokenizer = matcher.nlp  # medspaCy keeps the tokenizer as `nlp`
    attr = matcher._MedspacyMatcher__phrase_matcher_attr
    phrases: Any = given if keys is None else PhraseMatcher(keys, attr=attr)
    strings = context.nlp.vocab.strings
    callbacks: list[Any] = []

    class _Hashes:
        """Stands in for the PhraseMatcher while the rules are added."""

        def add(self, key: str, texts: list[str], on_match: Any = None) -> None:
            hashes = [cache.phrase(phrases, tokenizer, attr, t) for t in texts]
            strings.add(key)
            phrases.add(key, hashes, on_match=on_match)
            if trie is not None:
                for phrase, text in zip(hashes, texts, strict=True):
                    trie.add(strings[key], phrase, text)
                callbacks.append(on_match)

    matcher.nlp = str  # `self.nlp(text)` now hands the text itself on
    matcher._MedspacyMatcher__phrase_matcher = _Hashes()
    try:
        yield
    finally:
        matcher.nlp = tokenizer
        matcher._MedspacyMatcher__phrase_matcher = phrases
    if trie is not None:
        trie.settle(phrases, tokenizer)
        trie.exact = trie.exact and not any(callbacks)
