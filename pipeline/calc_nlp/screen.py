"""The reports a run can answer without spaCy: empty ones, and ones the
prefilter proves finding-free that hold no BI-RADS words.

Most reports are such (the prefilter passes about one in six), so a run
builds its spaCy pipeline on the first report that needs it (engine.py): a
run whose reports all pass the screen never imports spaCy. The screen gives
such a report the very result `Analyzer.analyze` gives it (its lab values,
no findings; a test compares them): the prefilter and the BI-RADS word test
are the analyzer's own, kept in the build cache when an analyzer is built
(build_cache.py), since making the prefilter needs the tokenizer. Without
them in the cache, there is no screen and the pipeline is built at once.

A report holding a BI-RADS word ('assessment', 'rads': common in clinical
notes) is searched with the analyzer's BI-RADS regexes themselves (kept in
the cache with the rest): one that none of them matches states no BI-RADS
category, and the screen answers it too; only one that states a category
needs the pipeline. So does a report the analyzer reads with characters
dropped (stages/spacing.py: an invisible character, RTF), which the screen
does not.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from functools import cached_property
from time import perf_counter
from typing import Any

from calc_nlp import build_cache
from calc_nlp.labs import LabParser, summarise
from calc_nlp.prefilter import Prefilter
from calc_nlp.schema import STATUS_EMPTY, STATUS_OK, ReportResult
from calc_nlp.stages import spacing
from calc_nlp.stages.capitals import Capitals, passes_prefilter
from calc_nlp.stages.literal_gate import FirstStart, LiteralGate, starts_in

_KIND = "screen"


def _inputs(rules: Any) -> str | None:
    """The rule files' digest, and the rules the screen is made from as given
    (a rule set changed in memory keeps its digest)."""
    if not rules.version:
        return None
    used = json.dumps(
        [rules.mentions, rules.token_norms, rules.descriptors], default=sorted
    )
    return f"{rules.version}:{hashlib.sha256(used.encode()).hexdigest()}"


def remember(rules: Any, analyzer: Any) -> None:
    """Keep what the screen needs of a built analyzer (its prefilter and
    BI-RADS word test), for the next run of these rules."""
    inputs = _inputs(rules)
    screen = Screen.of(rules, analyzer)
    if not inputs or screen is None:
        return
    if build_cache.load(_KIND, inputs) is None:
        parts = screen.prefilter.parts
        build_cache.save(
            _KIND,
            inputs,
            {
                "prefilter": parts,
                "gate": dict(vars(screen.birads_gate)),
                "birads": screen.birads_patterns,
            },
        )


def _birads_patterns(analyzer: Any) -> list[tuple[str, int]] | None:
    """The (pattern, flags) of the analyzer's BI-RADS regexes (None: unknown)."""
    try:
        return [(rx.pattern, rx.flags) for (_, rx), _ in analyzer.birads_rules]
    except (AttributeError, TypeError, ValueError):
        return None


class Screen:
    """`result(text, id)`: the report's result when it needs no NLP, else None."""

    def __init__(
        self,
        rules: Any,
        prefilter: Prefilter,
        gate: LiteralGate,
        birads: list[tuple[str, int]] | None = None,
    ):
        """`birads`: the (pattern, flags) of the analyzer's BI-RADS regexes;
        None: unknown, a report its gate passes then needs the pipeline."""
        self.prefilter, self.birads_gate = prefilter, gate
        self.birads_patterns = birads
        self._lab_rules = rules.labs
        self.capitals = Capitals(rules)

    @cached_property
    def birads_rules(self) -> list[tuple[re.Pattern[str], FirstStart]] | None:
        """The BI-RADS regexes, compiled for the first report their gate passes."""
        if self.birads_patterns is None:
            return None
        compiled = [re.compile(p, f) for p, f in self.birads_patterns]
        return [(rx, FirstStart(rx)) for rx in compiled]

    def states_birads(self, text: str) -> bool:
        """May the text state a BI-RADS category (True when unknown)? The
        analyzer's category is "" exactly when none of its regexes matches."""
        if not self.birads_gate.may_match(text):
            return False
        rules = self.birads_rules
        if rules is None:
            return True
        return any(rx.search(text, at) is not None for rx, at in starts_in(text, rules))

    @cached_property
    def labs(self) -> LabParser:
        """The lab parser, made for the first report the screen answers (a run
        whose first report needs the pipeline may never need this one)."""
        return LabParser(self._lab_rules)

    @classmethod
    def of(cls, rules: Any, analyzer: Any) -> Screen | None:
        """The screen of a built analyzer: its own prefilter and BI-RADS word
        test (None for an analyzer without them)."""
        prefilter = getattr(analyzer, "prefilter", None)
        gate = getattr(analyzer, "birads_gate", None)
        if not isinstance(prefilter, Prefilter) or gate is None:
            return None
        return cls(rules, prefilter, gate, _birads_patterns(analyzer))

    @classmethod
    def cached(cls, rules: Any) -> Screen | None:
        """The screen of these rules, if an analyzer of them was built before."""
        inputs = _inputs(rules)
        saved = build_cache.load(_KIND, inputs) if inputs else None
        if not isinstance(saved, dict):
            return None
        try:
            gate = LiteralGate(())
            if set(saved["gate"]) != set(vars(gate)):
                return None
            vars(gate).update(saved["gate"])
            birads = saved.get("birads")
            if birads is not None:
                birads = [(str(p), int(f)) for p, f in birads]
            return cls(rules, Prefilter(*saved["prefilter"]), gate, birads)
        except Exception:  # noqa: BLE001 - absent or of another shape: no screen
            return None

    def passes(self, text: str) -> bool:
        """Does the prefilter pass the text (the first test of `result`)? A
        pool's parent asks only this of the reports it leaves its workers to
        answer (batch/workers.py): those it passes may need the pipeline."""
        return passes_prefilter(self.prefilter, self.capitals, text)

    def result(
        self, text: str, report_id: str, timings: Counter[str] | None = None
    ) -> ReportResult | None:
        start = perf_counter()
        if not text or not text.strip():
            return ReportResult(report_id=report_id, status=STATUS_EMPTY)
        if (
            passes_prefilter(self.prefilter, self.capitals, text)
            or self.states_birads(text)
            or spacing.normalise(text, hidden_only=True) is not None
        ):
            return None  # a finding, a category, or a text the analyzer reads edited
        middle = perf_counter()
        result = ReportResult(
            report_id, STATUS_OK, [], (), summarise(self.labs.parse(text))
        )
        result.birads, result.birads_words = "", ()
        if timings is not None:  # the stages Analyzer.analyze would time
            timings["prefilter"] += middle - start  # type: ignore[assignment]
            timings["labs"] += perf_counter() - middle  # type: ignore[assignment]
            timings["skipped_reports"] += 1
        return result
