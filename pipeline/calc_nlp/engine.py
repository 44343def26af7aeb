"""The per-report work of a run: the analysis (stages/), then plain output rows.

An `Engine` is built once per process (in each pool worker by `init_worker`)
and turns (row, id, text) into finished output rows: dicts of typed values
(schema.Cell), then (`render`) text lines in the output format, cheap to send
between processes and identical whatever the worker count.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable
from typing import Any, cast

from calc_nlp.result_cache import ResultCache
from calc_nlp.schema import (
    STATUS_ERROR,
    Cell,
    ReportResult,
    finding_row,
    report_row,
    text_digest,
    text_row,
)

Item = tuple[int, str, str, str, str]  # (row, report_id, text, note, text sha256)
# (report row, finding rows, texts row: None for a report without findings)
Rows = tuple[dict[str, Cell], list[dict[str, Cell]], dict[str, Any] | None]


class Engine:
    """`lazy`: the spaCy pipeline is built on the first report the screen
    (screen.py) cannot answer, so a run of reports it answers never imports
    spaCy; the results are the same."""

    def __init__(
        self,
        patterns: str | None = None,
        rules: Any = None,
        validate: bool = True,
        lazy: bool = False,
    ):
        from calc_nlp.rules import load_rules

        self.rules = (
            rules if rules is not None else load_rules(patterns, validate=validate)
        )
        self.timings: Counter[str] = Counter()
        # a text met again takes the result of its first analysis (result_cache.py)
        self.cache = ResultCache()
        self._analyzer: Any = None
        self.screen: Any = None
        if lazy:
            from calc_nlp.import_regexes import kept_while_importing

            with kept_while_importing("screen"):  # its modules' regexes, kept
                from calc_nlp.screen import Screen

            self.screen = Screen.cached(self.rules)
        if self.screen is None:
            self._build()

    @property
    def built(self) -> bool:
        """Is the spaCy pipeline built in this process?"""
        return self._analyzer is not None

    @property
    def analyzer(self) -> Any:
        """The spaCy pipeline of the rules (stages.Analyzer), built on first use."""
        return self._analyzer if self._analyzer is not None else self._build()

    def _build(self) -> Any:
        from calc_nlp.fast_import import import_spacy
        from calc_nlp.import_regexes import kept_while_importing
        from calc_nlp.screen import remember

        paused = _pause_collector()
        try:
            with kept_while_importing():
                import_spacy()
                from calc_nlp.stages import Analyzer

            self._analyzer = Analyzer(self.rules)
            if self.screen is None:  # else the cache holds these rules' screen
                remember(self.rules, self._analyzer)
        finally:
            _freeze_once()
            if paused:
                gc.enable()
        return self._analyzer

    def _screened(self, text: str, report_id: str) -> ReportResult | None:
        """The screen's result, None when the report needs the pipeline (or the
        screen failed on it: the pipeline then gives its own result or error row)."""
        try:
            return self.screen.result(text, report_id, self.timings)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001
            return None

    def process(
        self, row: int, report_id: str, text: str, note: str = "", digest: str = ""
    ) -> Rows:
        """One report to (report row, finding rows, texts row). Never raises on report content."""
        digest = digest or text_digest(text)
        screened = None
        if self._analyzer is None:
            screened = self._screened(text, report_id)
            if screened is None:
                self._build()  # outside the try: a failed build stops the run
        try:
            result = screened if screened is not None else self._analysed(
                text, report_id, digest
            )
        except Exception as exc:  # noqa: BLE001 - one bad report must not stop the run
            result = ReportResult(
                report_id,
                STATUS_ERROR,
                reason=f"processing_failed:{exc.__class__.__name__}",
            )
        return _rows(result, row, text, note, digest)

    def _analysed(self, text: str, report_id: str, digest: str) -> ReportResult:
        """The pipeline's result, from the cache when the text was met before."""
        result = self.cache.get(digest, report_id)
        if result is not None:
            self.timings["cached_reports"] += 1
            return result
        analysed = self.timings["nlp_reports"]
        result = self._analyzer.analyze(text, report_id, digest, self.timings)
        if self.timings["nlp_reports"] > analysed:  # not stopped by the prefilter
            self.cache.put(digest, result, len(text))
        return result  # type: ignore[no-any-return]

    def screen_from_pipeline(self) -> None:
        """Give this engine a screen made from its built pipeline's own
        prefilter and BI-RADS word test, when it has none (no build cache yet):
        the screen then answers as the pipeline would (screen.py)."""
        from calc_nlp.screen import Screen

        if self.screen is None and self._analyzer is not None:
            self.screen = Screen.of(self.rules, self._analyzer)

    def may_need_pipeline(self, text: str) -> bool:
        """False for a text the screen's prefilter stops (its rows need no
        pipeline), True otherwise (and when there is no screen)."""
        if self.screen is None:
            return True
        try:
            return bool(self.screen.passes(text))
        except Exception:  # noqa: BLE001 - the pipeline gives its own result
            return True

    def screened_rows(
        self, row: int, report_id: str, text: str, note: str = "", digest: str = ""
    ) -> Rows | None:
        """The rows `process` gives a report the screen answers (empty, or
        proven finding-free), without the pipeline; None for one that needs it.
        A pool's parent answers these itself instead of sending their text to a
        worker (batch/workers.py)."""
        if self.screen is None:
            return None
        screened = self._screened(text, report_id)
        if screened is None:
            return None
        return _rows(screened, row, text, note, digest or text_digest(text))


def _rows(result: ReportResult, row: int, text: str, note: str, digest: str) -> Rows:
    """A report's result as its output rows, with its input row, digest and note."""
    result.row, result.text_sha256 = row, digest
    if note:  # the input's note first: ';'-joined when both are there
        result.note = f"{note};{result.note}" if result.note else note
    if not result.findings:  # five reports in six
        return report_row(result), [], None
    texts = text_row(result, text)
    return report_row(result), [finding_row(f) for f in result.findings], texts


# Set by the command line (`freeze_after_build`): once the first pipeline is
# built, every object alive (the rules, spaCy's and medspaCy's objects, the
# modules: some hundred thousand, and all of them kept to the end of the run)
# is moved where the garbage collector no longer walks (`gc.freeze`). A full
# collection during a run then walks only what the reports made, and in
# forked pool workers it no longer writes to every shared page (each a
# copy-on-write copy). While that first pipeline is built (spaCy imported,
# the matchers made) the collector is paused: its two hundred passes over
# the growing heap were a tenth of the start-up, for about a thousand
# objects of garbage, frozen with the rest. Results are the same; a program
# that imports calc-nlp keeps its collector as it is.
_FREEZE = {"asked": False, "done": False}


def freeze_after_build() -> None:
    """Freeze the objects alive once the pipeline is built (see `_FREEZE`)."""
    _FREEZE["asked"] = True


def _pause_collector() -> bool:
    """Pause the collector for the first build, if asked: True if paused."""
    if _FREEZE["asked"] and not _FREEZE["done"] and gc.isenabled():
        gc.disable()
        return True
    return False


def _freeze_once() -> None:
    if _FREEZE["asked"] and not _FREEZE["done"]:
        gc.freeze()
        _FREEZE["done"] = True


# ------------------------------------------------------------ pool workers

_ENGINE: Engine | None = None


def init_worker(patterns: str | None, version: str = "") -> None:
    """The worker's pipeline: the one a forked worker inherited from its parent
    when it is of these rules (`version`), else built here, once per process."""
    global _ENGINE
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if _ENGINE is not None and version and _ENGINE.rules.version == version:
        _ENGINE.timings.clear()
        return
    # The parent validates the rules (and refuses bad ones) before any row is sent.
    _ENGINE = Engine(patterns, validate=False)


# What the parent needs of one report: (status, row, report_id, reason,
# number of findings, the report's line, its findings' lines, its texts line),
# lines already rendered in the output format so that the parent only appends
# text. `formats`: the LineFormats of reports, findings and texts (None: the
# run keeps no texts).
Rendered = tuple[str, int, str, str, int, str, str, str]
Formats = tuple[Any, Any, Any]


def render(rows: Rows, formats: Formats) -> Rendered:
    report, findings, texts = rows
    report_fmt, finding_fmt, texts_fmt = formats
    return (
        cast(str, report["status"]),
        cast(int, report["row"]),
        cast(str, report["report_id"]),
        cast(str, report["reason"]),
        len(findings),
        report_fmt.line(report),
        "".join([finding_fmt.line(f) for f in findings]) if findings else "",
        texts_fmt.line(texts) if texts is not None and texts_fmt is not None else "",
    )


def process_chunk(
    items: list[Item], formats: Formats
) -> tuple[list[Rendered], dict[str, float]]:
    """Worker entry point: rendered rows back, plus the stage timings of this chunk."""
    assert _ENGINE is not None
    return rows_for(items, _ENGINE, formats)


def warm() -> None:
    """A no-op task that makes the pool start (and build) its workers now."""


def local_engine(patterns: str | None, rules: Any = None) -> Engine:
    """The run's engine in this process, its pipeline built lazily."""
    global _ENGINE
    if _ENGINE is None or (
        rules is not None and _ENGINE.rules.version != rules.version
    ):
        _ENGINE = Engine(patterns, rules=rules, lazy=True)
    return _ENGINE


def built_engine(rules: Any) -> Engine | None:
    """This process's engine of `rules` if it was made already (a pool's parent
    makes it before forking its workers), else None: never built here."""
    if _ENGINE is not None and _ENGINE.rules.version == rules.version:
        return _ENGINE
    return None


def rows_for(
    items: list[Item],
    engine: Engine,
    formats: Formats,
    finish: Callable[[Rows, Formats], Any] = render,
) -> tuple[list[Any], dict[str, Any]]:
    """Each item's rows, finished by `finish` (rendered lines for a run)."""
    engine.timings.clear()
    out = [finish(engine.process(*item), formats) for item in items]
    return out, dict(engine.timings)
