"""Checks of the descriptor keys in annotated files (corpora/GUIDE.md,
Descriptors): severity, size_mm, agatston, agatston_percentile,
agatston_vessels, morphology, distribution, change and lesion on findings,
birads on reports. A file has the finding keys on every finding or on none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from calc_nlp.evaluate_descriptors import DESCRIPTOR_KEYS
from calc_nlp.schema import BIRADS, CHANGES, SEVERITIES


@dataclass(frozen=True)
class Vocab:
    """The names descriptors.json allows."""

    morphology: frozenset[str]
    distribution: frozenset[str]
    vessels: frozenset[str]


def vocab_of(desc: dict[str, Any]) -> Vocab:
    """The names of loaded descriptor rules (`RuleSet.descriptors`)."""
    return Vocab(
        frozenset(desc["lexicon"]["morphology"]),
        frozenset(desc["lexicon"]["distribution"]),
        frozenset(v["name"] for v in desc["vessels"]),
    )


@lru_cache(maxsize=1)
def bundled_vocab() -> Vocab:
    """The bundled rules' names (read once)."""
    from calc_nlp.rules import load_rules

    return vocab_of(load_rules(validate=False).descriptors)


def _number(v: Any, low: float, high: float | None = None) -> bool:
    ok = isinstance(v, int | float) and not isinstance(v, bool) and v >= low
    return ok and (high is None or v <= high)


def _list(v: Any, allowed: frozenset[str]) -> bool:
    return (
        isinstance(v, list)
        and all(isinstance(x, str) and x in allowed for x in v)
        and len(set(v)) == len(v)
    )


def finding_errors(f: dict[str, Any], where: str, vocab: Vocab) -> list[str]:
    """Every way one finding's descriptor keys break the format."""
    errs = []
    if f["severity"] not in ("", *SEVERITIES):
        errs.append(f"{where}: severity {f['severity']!r}")
    if f["change"] not in ("", *CHANGES):
        errs.append(f"{where}: change {f['change']!r}")
    if f["size_mm"] is not None and not _number(f["size_mm"], 0.01):
        errs.append(f"{where}: size_mm must be a positive number or null")
    if f["agatston"] is not None and not _number(f["agatston"], 0):
        errs.append(f"{where}: agatston must be a number >= 0 or null")
    pct = f["agatston_percentile"]
    if pct is not None and not _number(pct, 0, 100):
        errs.append(f"{where}: agatston_percentile must be 0-100 or null")
    vessels = f["agatston_vessels"]
    if not isinstance(vessels, str) or (vessels and not _vessels_ok(vessels, vocab)):
        errs.append(f"{where}: agatston_vessels must be like 'LAD=120;RCA=40'")
    for key in ("morphology", "distribution"):
        if not _list(f[key], getattr(vocab, key)):
            errs.append(f"{where}: {key} must list names of descriptors.json once each")
    if not (isinstance(f["lesion"], int) and not isinstance(f["lesion"], bool)):
        errs.append(f"{where}: lesion must be a number")
    return errs


def _vessels_ok(text: str, vocab: Vocab) -> bool:
    parts = [p.partition("=") for p in text.split(";")]
    return all(
        name in vocab.vessels and eq and re.fullmatch(r"\d+(?:\.\d+)?", value)
        for name, eq, value in parts
    )


def report_errors(obj: dict[str, Any], vocab: Vocab) -> list[str]:
    """The descriptor errors of one annotated report: its birads, its findings'
    keys, and the lesion numbers (1, 2, ... in order of first appearance, never
    shared by findings that differ in negated, hypothetical or family)."""
    errs = []
    if "birads" in obj and obj["birads"] not in ("", *BIRADS):
        errs.append(f"birads {obj['birads']!r} not one of {list(BIRADS)} or ''")
    findings = [f for f in obj.get("findings", []) if isinstance(f, dict)]
    carried = [f for f in findings if any(k in f for k in DESCRIPTOR_KEYS)]
    if not carried:
        return errs
    seen: dict[int, tuple[Any, ...]] = {}
    for i, f in enumerate(findings):
        where = f"finding {i}"
        missing = [k for k in DESCRIPTOR_KEYS if k not in f]
        if missing:
            errs.append(f"{where}: missing keys {missing}")
            continue
        errs += finding_errors(f, where, vocab)
        lesion, state = f["lesion"], (f["negated"], f["hypothetical"], f["family"])
        if lesion not in seen and lesion != len(seen) + 1:
            errs.append(f"{where}: lesion {lesion!r} should be {len(seen) + 1}")
        if seen.setdefault(lesion, state) != state:
            errs.append(
                f"{where}: lesion {lesion!r} joins findings that differ in negated, hypothetical or family"
            )
    return errs


class FileCheck:
    """Across a file: descriptor keys on every finding or none, birads on every
    report or none. Feed each line's object, then read `errors()`."""

    def __init__(self) -> None:
        self.with_keys: list[int] = []
        self.without_keys: list[int] = []
        self.birads: list[int] = []
        self.no_birads: list[int] = []

    def add(self, n: int, obj: Any) -> None:
        if not isinstance(obj, dict):
            return
        (self.birads if "birads" in obj else self.no_birads).append(n)
        for f in (
            obj.get("findings", []) if isinstance(obj.get("findings"), list) else []
        ):
            has = isinstance(f, dict) and any(k in f for k in DESCRIPTOR_KEYS)
            (self.with_keys if has else self.without_keys).append(n)

    def errors(self) -> list[str]:
        errs = []
        if self.with_keys and self.without_keys:
            errs.append(
                f"line {self.without_keys[0]}: a finding without the descriptor keys "
                "(a file has them on every finding or on none)"
            )
        if self.birads and self.no_birads:
            errs.append(
                f"line {self.no_birads[0]}: a report without birads "
                "(a file has it on every report or on none)"
            )
        return errs
