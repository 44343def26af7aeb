"""Flags a finding takes from its section (guide §2): on the clinical
question's line a hedged finding is asked about (hypothetical), and a
relatives' section ('FAMILY HISTORY:') makes its findings a relative's."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from calc_nlp.stages.record import Layout, ReportDoc
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


def section_flags(kit: Toolkit, rd: ReportDoc, span: Span, fl: set[str]) -> set[str]:
    """The finding's ConText flags `fl` with its section's applied."""
    _section, body_start, _title, question = rd.layout.sections[span.start]
    if (
        question
        and "uncertain" in fl
        and "\n" not in rd.doc[body_start : span.start].text
        and not any(m.category == "PRESENT" for m in rd.mods.of(span))
    ):
        # On the clinical question's line, "? calcification" / "possible
        # calcification" is asked, not observed: hypothetical; not when the
        # line says it was seen ('recalled from screening for possible ...').
        fl.discard("uncertain")
        fl.add("hypothetical")
    if in_family_section(kit, rd.doc, rd.layout, span):
        fl.add("family")  # 'FAMILY HISTORY: Nephrocalcinosis.' is a relative's
    return fl
