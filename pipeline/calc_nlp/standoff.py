"""Stand-off gold: annotations of report text that the repository does not hold.

A stand-off record names the report (id and SHA-256 of its text), the
character offsets of each finding and its labels, never the text. The texts
come from a CSV (`report_id,text`) at evaluation time; a record whose text is
missing or whose hash differs is an error naming the report id only.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from calc_nlp.corpus import numbered_lines
from calc_nlp.corpus_descriptors import FileCheck, bundled_vocab, report_errors
from calc_nlp.errors import InputError
from calc_nlp.evaluate import FLAG_FIELDS, VALUE_FIELDS, GoldFinding, GoldReport
from calc_nlp.evaluate_descriptors import DESCRIPTOR_KEYS

STANDOFF_KEYS = frozenset(
    {"report_id", "sha256", "findings", "conditions", "source", "birads"}
)
FINDING_KEYS = frozenset(
    {"start", "end", *FLAG_FIELDS, *VALUE_FIELDS, *DESCRIPTOR_KEYS}
)


def read_texts(paths: Iterable[str | Path]) -> dict[str, str]:
    """report_id -> text from CSVs with `report_id` and `text` columns."""
    csv.field_size_limit(2**31 - 1)
    texts: dict[str, str] = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"report_id", "text"} <= set(
                reader.fieldnames
            ):
                raise InputError(f"{path}: needs the columns report_id and text")
            for row in reader:
                texts.setdefault(row["report_id"], row["text"])
    return texts


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_standoff(fh: IO[str], texts: dict[str, str]) -> Iterator[GoldReport]:
    """Gold reports from stand-off JSONL, each joined with its text; the
    descriptor keys are checked as `corpus validate` checks them."""
    keys = FileCheck()
    for n, line in numbered_lines(fh):
        try:
            obj = json.loads(line)
            rid = str(obj["report_id"])
            extra = set(obj) - STANDOFF_KEYS
            if extra:
                raise ValueError(f"unknown keys {sorted(extra)}")
            findings = [_finding(f) for f in obj["findings"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(
                f"stand-off line {n}: not in the stand-off format ({exc.__class__.__name__}: {exc})"
            ) from None
        problems = report_errors(obj, bundled_vocab())
        keys.add(n, obj)
        if problems:
            raise InputError(f"stand-off line {n}: {problems[0]}")
        text = texts.get(rid)
        if text is None:
            raise InputError(f"stand-off line {n}: no text for report {rid}")
        if sha256(text) != obj["sha256"]:
            raise InputError(
                f"stand-off line {n}: the text of report {rid} is not the annotated one (SHA-256 differs)"
            )
        for g in findings:
            if not 0 <= g.start < g.end <= len(text):
                raise InputError(f"stand-off line {n}: offsets outside report {rid}")
            g.mention = text[g.start : g.end]
        yield GoldReport(
            rid, text, findings, list(obj.get("conditions", [])), obj.get("birads")
        )
    if keys.errors():
        raise InputError(f"stand-off {keys.errors()[0]}")


def _finding(f: dict[str, Any]) -> GoldFinding:
    extra = set(f) - FINDING_KEYS
    if extra:
        raise ValueError(f"unknown finding keys {sorted(extra)}")
    fields = {k: f[k] for k in FLAG_FIELDS + VALUE_FIELDS}
    fields |= {k: f[k] for k in DESCRIPTOR_KEYS if k in f}
    return GoldFinding("", int(f["start"]), int(f["end"]), fields)


def split_of(report_id: str) -> str:
    """'tune' or 'test', from a hash of the report id (stable, half and half)."""
    return "tune" if int(sha256(report_id)[:8], 16) % 2 == 0 else "test"


def fold_of(report_id: str) -> str:
    """'open' or 'blind': which half of the test half a report is in, from
    another hash of its id. The errors of the open half may be read since
    the tune half ran out of errors to learn from; the blind half is still
    scored without anyone reading its errors (corpora/realtext/README.md)."""
    return "open" if int(sha256("fold2/" + report_id)[:8], 16) % 2 else "blind"
