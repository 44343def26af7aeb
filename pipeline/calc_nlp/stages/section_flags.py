"""Flags a finding takes from its section (guide §2): on the clinical
question's line a hedged finding is asked about (hypothetical). A relatives'
section ('FAMILY HISTORY:') alone does not make a finding a relative's (such a
rule also marked findings a section says of the patient); ConText's family
rules decide."""

from __future__ import annotations

from spacy.tokens import Span

from calc_nlp.stages.layout import FLATTENED_LINE_BREAK
from calc_nlp.stages.record import ReportDoc
from calc_nlp.stages.toolkit import Toolkit


def section_flags(kit: Toolkit, rd: ReportDoc, span: Span, fl: set[str]) -> set[str]:
    """The finding's ConText flags `fl` with its section's applied."""
    _section, body_start, _title, question = rd.layout.sections[span.start]
    if (
        question
        and "uncertain" in fl
        and "\n" not in rd.doc[body_start : span.start].text
        and not _flattened_break(rd.layout.words[body_start : span.start])
        and not any(m.category == "PRESENT" for m in rd.mods.of(span))
        and not _result_before(kit, rd, body_start, span.start)
    ):
        # On the clinical question's line, "? calcification" / "possible
        # calcification" is asked, not observed: hypothetical; not when the
        # line says it was seen ('recalled from screening for possible ...')
        # or gives a study's result ('outside CT showed possible ...').
        # The line ends at a line break, or where an export that joined the
        # lines marked one: a hedged finding after it is observed, uncertain.
        fl.discard("uncertain")
        fl.add("hypothetical")
    return fl


def _flattened_break(words: list[str]) -> bool:
    """Do the tokens `words` hold the mark an export left where it joined
    two lines: a double period, or a comma right after a full stop
    ('REASON: Cough.,There is ...', as the comma after a label)?"""
    return FLATTENED_LINE_BREAK in words or any(
        a == "." and b == "," for a, b in zip(words, words[1:], strict=False)
    )


def _result_before(kit: Toolkit, rd: ReportDoc, start: int, end: int) -> bool:
    """Does a result verb (context.json `clause_verbs.result_verbs`, 'showed',
    or `present_results`, 'shows') stand between tokens `start` and `end`?
    Then the clinical question's line reports what a study found ('Outside
    x-ray shows possible calcification'): a hedged finding after it was
    observed, and is uncertain (guide §2), not asked about."""
    verbs = kit.clause_verbs
    results = verbs["result_verbs"] | verbs["present_results"]
    return any(w in results for w in rd.layout.lower[start:end])
