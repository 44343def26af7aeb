"""Statuses decided before the engine: bad rows, duplicate ids, empty texts, unchanged."""

from __future__ import annotations

from typing import Any

from calc_nlp.batch.keys import KeySet, id_key, since_key
from calc_nlp.readers import Record
from calc_nlp.schema import (
    STATUS_DUPLICATE,
    STATUS_EMPTY,
    STATUS_ERROR,
    STATUS_UNCHANGED,
    Cell,
    ReportResult,
    report_row,
    text_digest,
)


def done(result: ReportResult) -> tuple[dict[str, Cell], list[Any], None]:
    """The rows of a report decided without the engine: no findings, no text kept."""
    return report_row(result), [], None


def decide(
    chunk: list[Record], seen: Any, skip_keys: KeySet | set[bytes]
) -> tuple[list[Any], list[tuple[int, str, str, str, str]]]:
    """Statuses decided in input order in the parent; the rest goes to the engine.

    Returns a slot per record: a finished report's rows, or None to fill with
    the engine's result, plus the engine's work items. `seen` is the run's
    id set (its `add` is False for an id seen before).
    """
    slots: list[Any] = []
    work: list[tuple[int, str, str, str, str]] = []
    for r in chunk:
        if r.problem:
            slots.append(
                done(
                    ReportResult(r.report_id, STATUS_ERROR, reason=r.problem, row=r.row)
                )
            )
            continue
        if not seen.add(id_key(r.report_id)):
            slots.append(
                done(
                    ReportResult(
                        r.report_id,
                        STATUS_DUPLICATE,
                        reason="duplicate_id",
                        row=r.row,
                        text_sha256=text_digest(r.text),
                    )
                )
            )
            continue
        digest = ""  # hashed by the worker, in parallel, unless needed here
        status = STATUS_EMPTY if not r.text.strip() else ""
        if not status and skip_keys:
            digest = text_digest(r.text)
            status = (
                STATUS_UNCHANGED if since_key(r.report_id, digest) in skip_keys else ""
            )
        if status:
            digest = digest or text_digest(r.text)
            slots.append(
                done(
                    ReportResult(
                        r.report_id, status, row=r.row, note=r.note, text_sha256=digest
                    )
                )
            )
            continue
        slots.append(None)
        work.append((r.row, r.report_id, r.text, r.note, digest))
    return slots, work


def merge(slots: list[Any], results: list[Any]) -> list[Any]:
    it = iter(results)
    return [s if s is not None else next(it) for s in slots]
