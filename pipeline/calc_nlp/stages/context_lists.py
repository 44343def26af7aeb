"""Lists that carry a modifier past ', and' to a finding or a condition (guide §2, §3).

medspaCy's scope ends at the TERMINATE ', and' (C-terminate-terminate-comma-
and), which is right for two statements joined by it ('No effusion, and the
nodes are calcified') but cuts a list short: 'risks including bleeding,
infection, and calcification of the graft', 'No mass, distortion, and
suspicious calcification'. These checks give the finding the list's modifier
back, reading the words of the ConText sub-document (`_Clauses`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# The label of calcification mentions among the ConText targets.
FINDING_LABEL = "CALCIFICATION"


def _open_findings(
    clause: Any, subs: list[Any], kept: list[Any], mods: list[Any], category: str
) -> Iterator[tuple[int, Any, Any]]:
    """Each finding of the clause without a `category` modifier yet, with the
    last of `mods` before it."""
    for i, st in enumerate(subs):
        if st.label_ != FINDING_LABEL or any(m.category == category for m in kept[i]):
            continue
        m = _last_before(clause, mods, st)
        if m is not None:
            yield i, st, m


def risk_lists(clause: Any, subs: list[Any], kept: list[Any], found: list[Any]) -> None:
    """A finding in a list of possible complications whose items are no
    targets takes the list's `through_lists` modifier, past ', and', while no
    clause verb stands between the trigger and the finding."""
    lists = [m for m in found if (m.rule.metadata or {}).get("through_lists")]
    if not lists:
        return
    w = clause._index()  # also fills its sentence ends
    for i, st, m in _open_findings(clause, subs, kept, lists, "HYPOTHETICAL"):
        between = w[m.modifier_span[1] : st.start]
        if "," in between and not any(x in clause.verbs for x in between):
            kept[i] += (m,)


def denied_lists(
    clause: Any, subs: list[Any], kept: list[Any], found: list[Any]
) -> None:
    """A forward denial of three or more items goes on past the ', and' before
    the last ('No mass, distortion, and suspicious calcification'), while no
    clause verb, no item opener ('mild') and no other TERMINATE stands between;
    'No effusion, and the nodes are calcified' (two items) is two statements."""
    denials = [
        m
        for m in found
        if m.category == "NEGATED_EXISTENCE" and m.rule.direction == "FORWARD"
    ]
    if not denials:
        return
    stops = [m.modifier_span[0] for m in found if m.category == "TERMINATE"]
    w = clause._index()  # also fills its sentence ends
    for i, st, m in _open_findings(clause, subs, kept, denials, "NEGATED_EXISTENCE"):
        if _last_list_item(clause, w, stops, m, st):
            kept[i] += (m,)


def _last_list_item(
    clause: Any, w: list[str], stops: list[int], m: Any, st: Any
) -> bool:
    """Is the target the last item, after ', and', of a list of three or more
    that modifier m opens, with no clause verb, item opener or other
    TERMINATE between them?"""
    end = m.modifier_span[1]
    commas = [k for k in range(end, st.start) if w[k] == ","]
    if len(commas) < 2 or w[commas[-1] + 1] != "and":
        return False
    if any(x in clause.verbs or x in clause.openers for x in w[end : st.start]):
        return False
    return not any(end <= k < st.start and k not in commas for k in stops)


# The forward modifiers whose list of conditions goes on past ', and'.
_CONDITION_LIST_CATEGORIES = ("NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HYPOTHETICAL")


def condition_lists(
    clause: Any, subs: list[Any], kept: list[Any], found: list[Any]
) -> None:
    """A condition that ends a list of three or more after ', and' takes the
    forward denial, hedge or question that opened the list, as a finding
    does (`denied_lists`): 'Denies diabetes, lupus, and TB', 'differential
    includes sarcoidosis, lymphoma, and TB' (guide §3: none of them is the
    patient's). Only modifiers whose scope is their sentence carry: a rule
    with a word limit ('not', four words) does not reach that far."""
    mods = [
        m
        for m in found
        if m.category in _CONDITION_LIST_CATEGORIES
        and m.rule.direction == "FORWARD"
        and m.rule.max_scope is None
        and (not m.rule.allowed_types or "CONDITION" in m.rule.allowed_types)
    ]
    if not mods:
        return
    stops = [m.modifier_span[0] for m in found if m.category == "TERMINATE"]
    w = clause._index()  # also fills its sentence ends
    for i, st in enumerate(subs):
        if st.label_ != "CONDITION" or any(
            m.category in _CONDITION_LIST_CATEGORIES for m in kept[i]
        ):
            continue
        m = _last_before(clause, mods, st)
        if m is not None and _last_list_item(clause, w, stops, m, st):
            kept[i] += (m,)


def _last_before(clause: Any, mods: list[Any], target: Any) -> Any:
    """The last of `mods` that ends before the target in its sentence, if any."""
    ends = clause._sent_end
    best = None
    for m in mods:
        start, end = m.modifier_span
        if end <= target.start and ends[start] == ends[target.start]:
            if best is None or start > best.modifier_span[0]:
                best = m
    return best
