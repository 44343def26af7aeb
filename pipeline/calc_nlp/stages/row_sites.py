"""Site and side a structured report's record gives a finding in field rows
of its own (guide §2, "Site and side from context", step 2: the phrase that
says where the finding lies is its own):

    Finding: Calcification          Finding | calcifications
    Location: Left kidney           Site | liver
    Side: Left                      Laterality | right

A row labelled as a place (mentions.json `place_row_labels`: location,
site, organ ...) gives the site its value names; one labelled as a side
(`side_row_labels`: side, laterality) the side its value names, and a place
row's side word ('Location: Left') stands where no side row writes one.
The rows are those of the finding's own block (field_rows.rows_under: it
ends at a blank line, a heading or the next finding), so another finding's
'Location:' row gives it nothing. A pipe table's value rows ('Calcification
| Kidney | Left' under 'Finding | Location | Side') name the place on the
finding's own line, read as its clause.
"""

from __future__ import annotations

from spacy.tokens import Span

from calc_nlp.stages.field_rows import Row, rows_under
from calc_nlp.stages.record import ReportDoc, SiteRef
from calc_nlp.stages.toolkit import Toolkit


def _rows(rd: ReportDoc, f: Span, labels: str) -> list[Row]:
    """The finding's field rows labelled with a word of the list `labels`."""
    words = rd.word_sets.get(labels, frozenset())
    calc = rd.matches.calc
    for i, s in enumerate(calc):
        if s.start == f.start and s.end == f.end:
            return [r for r in rows_under(rd.text, calc, i) if r.label.lower() in words]
    return []


def site_of_rows(rd: ReportDoc, f: Span) -> SiteRef | None:
    """The first site a place row under the finding names ('Location: Left
    kidney, lower pole': the kidney)."""
    for row in _rows(rd, f, "place_row_labels"):
        for ref in rd.matches.sites:
            if row.start <= ref.span.start_char < row.end:
                return ref
    return None


def side_of_rows(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side a side row under the finding names ('Side: Left'), else the
    side word of a place row ('Location: Left'); '' when none does
    ('Laterality: N/A')."""
    for labels in ("side_row_labels", "place_row_labels"):
        for row in _rows(rd, f, labels):
            for lat in rd.matches.lats:
                if row.start <= lat.start_char < row.end:
                    return str(kit.md(lat)["laterality"])
    return ""
