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
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from functools import cached_property
from time import perf_counter
from typing import Any

from calc_nlp import build_cache
from calc_nlp.labs import LabParser, summarise
from calc_nlp.prefilter import Prefilter
from calc_nlp.schema import STATUS_EMPTY, STATUS_OK, ReportResult
from calc_nlp.stages.literal_gate import LiteralGate

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
            _KIND, inputs, {"prefilter": parts, "gate": dict(vars(screen.birads_gate))}
        )


class Screen:
    """`result(text, id)`: the report's result when it needs no NLP, else None."""

    def __init__(self, rules: Any, prefilter: Prefilter, gate: LiteralGate):
        self.prefilter, self.birads_gate = prefilter, gate
        self._lab_rules = rules.labs

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
        return cls(rules, prefilter, gate)

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
            return cls(rules, Prefilter(*saved["prefilter"]), gate)
        except Exception:  # noqa: BLE001 - absent or of another shape: no screen
            return None

    def result(
        self, text: str, report_id: str, timings: Counter[str] | None = None
    ) -> ReportResult | None:
        start = perf_counter()
        if not text or not text.strip():
            return ReportResult(report_id=report_id, status=STATUS_EMPTY)
        if self.prefilter(text) or self.birads_gate.may_match(text):
            return None
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
