"""The annotated corpus format: validation and counts (corpora/GUIDE.md).

One report per JSONL line:
{"report_id", "modality", "text", "findings": [{"mention", "start", "end",
"site", "site_text", "laterality", "negated", "uncertain", "historical",
"hypothetical", "family", "physiologic", "classification"}], "conditions": [...]}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import IO, Any

from calc_nlp.corpus_descriptors import FileCheck, Vocab, bundled_vocab, report_errors
from calc_nlp.schema import CLASSES as SCHEMA_CLASSES
from calc_nlp.schema import FLAGS, SIDES

REPORT_KEYS = ("report_id", "modality", "text", "findings", "conditions")
FINDING_KEYS = (
    "mention",
    "start",
    "end",
    "site",
    "site_text",
    "laterality",
    *FLAGS,
    "classification",
)
BOOL_KEYS = FLAGS
LATERALITIES = {"", *SIDES}
CLASSES = {"", *SCHEMA_CLASSES}


def validate_record(
    obj: Any, sites: set[str], conditions: set[str], vocab: Vocab | None = None
) -> list[str]:
    """Every way one corpus line breaks the format (empty list: valid); the
    descriptor keys are checked against `vocab` (the bundled rules' names)."""
    if not isinstance(obj, dict):
        return ["line is not a JSON object"]
    errs = [f"missing key {k!r}" for k in REPORT_KEYS if k not in obj]
    if errs:
        return errs
    if not isinstance(obj["report_id"], str) or not obj["report_id"]:
        errs.append("report_id must be a non-empty string")
    if not isinstance(obj["text"], str):
        return errs + ["text must be a string"]
    text = obj["text"]
    if not isinstance(obj["conditions"], list) or not all(
        isinstance(c, str) for c in obj["conditions"]
    ):
        errs.append("conditions must be a list of strings")
    else:
        errs += [
            f"condition {c!r} is not in conditions.json"
            for c in obj["conditions"]
            if c not in conditions
        ]
        if len(set(obj["conditions"])) != len(obj["conditions"]):
            errs.append("conditions repeat")
    findings = obj["findings"] if isinstance(obj["findings"], list) else []
    errs += _finding_errors(findings, text, sites)
    if not errs:
        errs += report_errors(obj, vocab or bundled_vocab())
    if not isinstance(obj["findings"], list):
        errs.append("findings must be a list")
    return errs


def _finding_errors(findings: list[Any], text: str, sites: set[str]) -> list[str]:
    """Every way the findings of one corpus line break the format."""
    errs: list[str] = []
    last = -1
    for i, f in enumerate(findings):
        where = f"finding {i}"
        if not isinstance(f, dict):
            errs.append(f"{where}: not an object")
            continue
        missing = [k for k in FINDING_KEYS if k not in f]
        if missing:
            errs.append(f"{where}: missing keys {missing}")
            continue
        if not (
            isinstance(f["start"], int)
            and isinstance(f["end"], int)
            and 0 <= f["start"] < f["end"] <= len(text)
        ):
            errs.append(f"{where}: bad offsets")
            continue
        if text[f["start"] : f["end"]] != f["mention"]:
            errs.append(f"{where}: text[start:end] != mention")
        if f["start"] < last:
            errs.append(f"{where}: findings out of text order")
        last = f["start"]
        errs += [
            f"{where}: {k} must be true/false"
            for k in BOOL_KEYS
            if not isinstance(f[k], bool)
        ]
        if f["site"] not in sites and f["site"] != "":
            errs.append(f"{where}: site {f['site']!r} not in the vocabulary")
        if f["laterality"] not in LATERALITIES:
            errs.append(f"{where}: laterality {f['laterality']!r}")
        if f["classification"] not in CLASSES:
            errs.append(f"{where}: classification {f['classification']!r}")
        unclassified = f["negated"] is True or f["hypothetical"] is True
        if unclassified != (f["classification"] == ""):
            errs.append(
                f"{where}: classification must be empty exactly when negated or hypothetical"
            )
    return errs


def numbered_lines(fh: IO[str]) -> Iterator[tuple[int, str]]:
    """The lines of a JSONL file that hold something, with their 1-based numbers."""
    return ((n, line) for n, line in enumerate(fh, 1) if line.strip())


def validate_lines(fh: IO[str], sites: set[str], conditions: set[str]) -> list[str]:
    """Errors of a whole JSONL file, each prefixed with its line number."""
    out: list[str] = []
    seen: set[object] = set()
    keys = FileCheck()
    for n, line in numbered_lines(fh):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(f"line {n}: invalid JSON ({exc.msg})")
            continue
        out += [f"line {n}: {e}" for e in validate_record(obj, sites, conditions)]
        keys.add(n, obj)
        rid = obj.get("report_id") if isinstance(obj, dict) else None
        if rid in seen:
            out.append(f"line {n}: duplicate report_id {rid!r}")
        seen.add(rid)
    return out + keys.errors()


def stats(records: Iterable[dict[str, Any]], has_trap_words: Any) -> dict[str, Any]:
    """Counts for corpora/README.md. `has_trap_words(text)` tells whether a text
    holds a look-alike that is not a finding (lab calcium, drugs, calculi...)."""
    n = n_trap = n_empty = 0
    modality: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    for r in records:
        n += 1
        modality[r["modality"]] += 1
        fs = r["findings"]
        if not fs:
            n_empty += 1
        for f in fs:
            classes[f["classification"] or "(unclassified)"] += 1
            for k in BOOL_KEYS:
                flags[k] += bool(f[k])
        flagged = any(
            f[k]
            for f in fs
            for k in ("negated", "uncertain", "historical", "hypothetical", "family")
        )
        n_trap += flagged or has_trap_words(r["text"])
    return {
        "reports": n,
        "with_traps": n_trap,
        "without_findings": n_empty,
        "findings": sum(classes.values()),
        "classes": dict(classes.most_common()),
        "flags": dict(flags.most_common()),
        "modality": dict(modality.most_common()),
    }
