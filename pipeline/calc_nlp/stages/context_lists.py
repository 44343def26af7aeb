"""Lists that carry a modifier past ', and' to a finding (guide §2).

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
        end = m.modifier_span[1]
        commas = [k for k in range(end, st.start) if w[k] == ","]
        if len(commas) < 2 or w[commas[-1] + 1] != "and":
            continue
        if any(x in clause.verbs or x in clause.openers for x in w[end : st.start]):
            continue
        if any(end <= k < st.start and k not in commas for k in stops):
            continue  # 'but', 'which' ... end it
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
