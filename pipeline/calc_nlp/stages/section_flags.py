"""Flags a finding takes from its section: a relatives' section ('FAMILY
HISTORY:') makes its findings a relative's (guide §2, family)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from calc_nlp.stages.record import Layout
from calc_nlp.stages.toolkit import Toolkit

# A line opening with a label ('Result:', 'SOCIAL HISTORY:', or ',CT CHEST:' in
# comma-joined exports), whether or not the section rules know it.
_LABEL_LINE = re.compile(
    r"\n[ \t]*[A-Za-z][A-Za-z0-9 /&()'-]{0,40}:|,[ \t]*[A-Z][A-Z0-9 /&()'-]{2,}:"
)


def in_family_section(kit: Toolkit, doc: Doc, lay: Layout, span: Span) -> bool:
    """Is the finding in a relatives' section ('FAMILY HISTORY: ...',
    sections.json `family`)? Up to a blank line or a line with a label of its
    own, which may be a header the section rules do not know."""
    _section, body, title, _question = lay.sections[span.start]
    if body <= title or span.start < body:
        return False
    header = " ".join(t.lower_ for t in doc[title:body] if not t.is_space)
    if header not in kit.family_headers:
        return False
    between = doc[body : span.start].text
    return "\n\n" not in between and not _LABEL_LINE.search(between)
