"""Site and side a structured report's record gives a finding in field rows
of its own (guide §2, "Site and side from context", step 2: the phrase that
says where the finding lies is its own):

    Finding: Calcification          Finding | calcifications
    Location: Left kidney           Site | liver
    Side: Left                      Laterality | right

A row labelled as a place (mentions.json `place_row_labels`: location,
site, organ ...) gives the site its value names; one labelled as a side
(`side_row_labels`: side, laterality) the side its value names, a one
letter code included ('Side: L'), and a place row's side word ('Location:
Left') stands where no side row writes one.
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


def _rows(rd: ReportDoc, f: Span) -> list[Row]:
    """The finding's field rows."""
    calc = rd.matches.calc
    for i, s in enumerate(calc):
        if s.start == f.start and s.end == f.end:
            return rows_under(rd.text, calc, i)
    return []


def _labelled(rd: ReportDoc, rows: list[Row], labels: str) -> list[Row]:
    """The rows labelled with a word of the list `labels`."""
    words = rd.word_sets.get(labels, frozenset())
    return [r for r in rows if r.label.lower() in words]


def site_of_rows(rd: ReportDoc, f: Span) -> SiteRef | None:
    """The first site a place row under the finding names ('Location: Left
    kidney, lower pole': the kidney), else the place a record joins right
    after it as a field with no label ('Calcified granuloma; right upper
    lobe')."""
    for row in _labelled(rd, _rows(rd, f), "place_row_labels"):
        for ref in rd.matches.sites:
            if row.start <= ref.span.start_char < row.end:
                return ref
    return _place_joined_after(rd, f)


# The words a place joined as a field may have besides the place and its
# side ('; in the left kidney'; plain English function words)
_PLACE_FILLERS = frozenset({"the", "in", "of", "at", ","})


def _place_joined_after(rd: ReportDoc, f: Span) -> SiteRef | None:
    """The place of a part joined by a semicolon right after the finding
    that is nothing but a place ('Calcification; left kidney; 4 mm'): a
    record's field of where, with no label. A part that says more ('; no
    pleural effusion', '; liver otherwise normal') is a clause of its own."""
    lower, blank = rd.lower, rd.layout.blank
    if f.end >= len(lower) or lower[f.end] != ";":
        return None  # the cheap test first
    end = f.end + 1
    while end < len(lower) and lower[end] not in {";", "."} and "\n" not in rd.layout.words[end]:
        end += 1
    covered = {i for lat in rd.matches.lats if f.end < lat.start < end for i in range(lat.start, lat.end)}
    places = [ref for ref in rd.matches.sites if f.end < ref.span.start and ref.span.end <= end]
    for ref in places:
        covered.update(range(ref.start, ref.span.end))
    rest = [i for i in range(f.end + 1, end) if not blank[i] and i not in covered]
    if not places or any(lower[i] not in _PLACE_FILLERS for i in rest):
        return None
    return places[0]


def side_of_rows(kit: Toolkit, rd: ReportDoc, f: Span) -> str:
    """The side a side row under the finding names ('Side: Left'), else the
    side word of a place row ('Location: Left'); '' when none does
    ('Laterality: N/A')."""
    rows = _rows(rd, f)  # read once for both lists
    for labels in ("side_row_labels", "place_row_labels"):
        for row in _labelled(rd, rows, labels):
            for lat in rd.matches.lats:
                if row.start <= lat.start_char < row.end:
                    return str(kit.md(lat)["laterality"])
            if labels == "side_row_labels":
                coded = _side_letter(rd, rd.text[row.start : row.end])
                if coded:
                    return coded
    return ""


# The sides a side row's one-letter value codes, by word list
_LETTERS = (("left_row_letters", "left"), ("right_row_letters", "right"), ("both_row_letters", "bilateral"))


def _side_letter(rd: ReportDoc, value: str) -> str:
    """The side a side row's whole value codes as one letter ('Side: L',
    'Laterality | R'; mentions.json `left_row_letters` ...); ''."""
    value = value.strip(" \t.").lower()
    for name, side in _LETTERS:
        if value in rd.word_sets.get(name, frozenset()):
            return side
    return ""
