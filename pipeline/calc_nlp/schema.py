"""The output schema in one place: records, column order, column kinds.

Every writer goes through `finding_row` / `report_row`, so the CSV, and any
later format, cannot drift from the column lists below. The rows hold typed
values; writers.py makes the text of a CSV cell.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

# A value of an output row: None is an empty cell.
Cell = bool | int | float | str | tuple[str, ...] | None

SCHEMA_VERSION = "1"

# Classes (guide §4), from the strongest for a report's class down.
METASTATIC = "metastatic"
DYSTROPHIC = "dystrophic"
INDETERMINATE = "indeterminate"
CLASSES: tuple[str, ...] = (METASTATIC, DYSTROPHIC, INDETERMINATE)
# Condition categories (guide §3): the two classes they point to, or neither.
CONDITION_CATEGORIES: tuple[str, ...] = (METASTATIC, DYSTROPHIC, "other")
# Laterality values; "" where the text gives none.
LEFT, RIGHT, BILATERAL = "left", "right", "bilateral"
SIDES: tuple[str, ...] = (LEFT, RIGHT, BILATERAL)
# Descriptor values (corpora/GUIDE.md, Descriptors), lowest grade first; "" where
# the text gives none.
SEVERITIES: tuple[str, ...] = ("minimal", "mild", "moderate", "severe")
CHANGES: tuple[str, ...] = ("new", "increased", "stable", "decreased", "resolved")
BIRADS: tuple[str, ...] = ("0", "1", "2", "3", "4", "4A", "4B", "4C", "5", "6")

# The finding's boolean flags (guide §2), in column order.
FLAGS: tuple[str, ...] = (
    "negated",
    "uncertain",
    "historical",
    "hypothetical",
    "family",
    "physiologic",
)

# Descriptor columns of a finding (corpora/GUIDE.md, Descriptors).
DESCRIPTOR_COLUMNS: tuple[str, ...] = (
    "severity",
    "size_mm",
    "agatston",
    "agatston_percentile",
    "cac_drs",
    "agatston_vessels",
    "morphology",
    "distribution",
    "change",
    "lesion_id",
)

FINDING_COLUMNS: tuple[str, ...] = (
    "report_id",
    "finding_id",
    "mention",
    "start_char",
    "end_char",
    "section",
    "sentence",
    "site",
    "site_text",
    "laterality",
    "conditions",
    *FLAGS,
    "classification",
    "confidence",
    "evidence",
    "rule_id",
    *DESCRIPTOR_COLUMNS,
)

LAB_NAMES: tuple[str, ...] = ("serum_calcium", "ionized_calcium", "phosphate", "pth")

REPORT_COLUMNS: tuple[str, ...] = (
    (
        "report_id",
        "status",
        "n_findings",
        "n_affirmed",
        "classification",
        "conditions",
        "birads",
        "n_lesions",
    )
    + tuple(c for name in LAB_NAMES for c in (name, f"{name}_flag"))
    + ("row", "reason", "notes", "text_sha256")
)

ERROR_COLUMNS: tuple[str, ...] = ("row", "report_id", "reason")

# texts.jsonl: what the review page needs of a report with findings, so that a
# run's folder is enough to review it (always JSON Lines: the marks are lists).
TEXT_COLUMNS: tuple[str, ...] = (
    "report_id",
    "text_sha256",
    "text",
    "findings",
    "condition_marks",
)

# Column kinds. Rows hold typed values (Cell) from the record to the writers;
# the CSV writer makes each cell's text (writers.cell_text), JSONL and Parquet
# keep the type. A column not named here holds text. Kinds: "int", "bool",
# "float" (two decimals in CSV: 0.90), "number" (at most two decimals in CSV:
# 9.5, 10), "list" (texts, written ';'-joined in every format).
FINDING_TYPES = {
    "start_char": "int",
    "end_char": "int",
    "conditions": "list",
    "confidence": "float",
    **{b: "bool" for b in FLAGS},
    "size_mm": "number",
    "agatston": "number",
    "agatston_percentile": "number",
    "cac_drs": "int",
    "morphology": "list",
    "distribution": "list",
}
REPORT_TYPES = {
    "n_findings": "int",
    "n_affirmed": "int",
    "conditions": "list",
    "n_lesions": "int",
    "row": "int",
    **{name: "number" for name in LAB_NAMES},
}
ERROR_TYPES = {"row": "int"}

# Report statuses: every input row ends as exactly one of these.
STATUS_OK = "ok"
STATUS_EMPTY = "empty"
STATUS_DUPLICATE = "duplicate_id"
STATUS_ERROR = "error"
STATUS_UNCHANGED = "unchanged"  # skipped by --since-manifest: same id, text and rules
STATUSES = (STATUS_OK, STATUS_EMPTY, STATUS_DUPLICATE, STATUS_ERROR, STATUS_UNCHANGED)


@dataclass(frozen=True)
class Condition:
    """An associated condition named in a report (guide §3)."""

    name: str
    category: str  # metastatic | dystrophic | other
    section: str
    historical: bool = False
    # the report's words that named it first, as written (for evidence)
    words: str = field(default="", compare=False)

    def label(self) -> str:
        return f"{self.name} ({self.category})"


@dataclass(frozen=True)
class LabValue:
    """A laboratory value parsed from report text, in its canonical unit."""

    name: str  # one of LAB_NAMES
    value: float
    unit: str  # canonical unit
    flag: str  # high | normal | low
    start: int
    end: int


@dataclass
class Finding:
    """One calcification mention and everything it carries (guide §2)."""

    report_id: str
    mention: str
    start: int
    end: int
    finding_id: str = ""
    section: str = ""
    sentence: str = ""
    site: str = ""
    site_text: str = ""
    laterality: str = ""
    conditions: tuple[Condition, ...] = ()
    negated: bool = False
    uncertain: bool = False
    historical: bool = False
    hypothetical: bool = False
    family: bool = False
    physiologic: bool = False
    classification: str = ""
    confidence: float | None = None
    evidence: str = ""
    rule_id: str = ""
    # Descriptors (corpora/GUIDE.md, Descriptors); empty or None where the text
    # gives none.
    severity: str = ""
    size_mm: float | None = None
    agatston: float | None = None
    agatston_percentile: float | None = None
    cac_drs: int | None = None
    agatston_vessels: str = ""  # "LM=0;LAD=120", in the report's order
    morphology: tuple[str, ...] = ()
    distribution: tuple[str, ...] = ()
    change: str = ""
    lesion_id: str = ""  # finding_id of the first finding of its lesion
    # where `mention` starts in `sentence` (-1: not known); the mention's
    # words may come twice in its sentence. Not written to the tables.
    mention_at: int = field(default=-1, compare=False, repr=False)
    modifiers: tuple[str, ...] = field(default=(), compare=False)  # ConText rule ids
    site_rule: str = field(default="", compare=False)  # site rule id
    # (start, end, kind) character spans a reviewer sees marked: "site",
    # "modifier:<CATEGORY>"; not written to the tables.
    marks: tuple[tuple[int, int, str], ...] = field(default=(), compare=False)
    # (field, rule id, start, end) of the words that gave each descriptor.
    descriptor_words: tuple[tuple[str, str, int, int], ...] = field(
        default=(), compare=False
    )
    anaphor: bool = field(default=False, compare=False)  # opens with "it", "these"
    own_lesion: bool = field(
        default=False, compare=False
    )  # "no new X": not an earlier one
    # the coronary segments or valve parts its clause names ("ostial mid",
    # "annulus"): findings whose segments share none are different lesions
    segment: str = field(default="", compare=False)
    # the side of the operation the note is about ('PROCEDURE: Left knee
    # arthroscopy'), which gives the finding none (guide §2 step 5: a study's
    # side) but keeps findings of the other side apart as lesions
    context_side: str = field(default="", compare=False, repr=False)
    # the one side the procedure line of a note no exam kind fits names
    # ('PROCEDURE: Left common femoral endarterectomy'): no side of the
    # finding's, nor one that parts lesions, but the side whose lesion a
    # finding without one restates when it fits lesions of both sides
    # ('SPECIMEN: Femoral plaque, heavily calcified')
    operated_side: str = field(default="", compare=False, repr=False)
    # where the header of its section starts in the report (-1: not known):
    # two sections of one category ('PREOPERATIVE DIAGNOSIS:', 'INDICATIONS:')
    # are still two sections of a note (GUIDE: lesion, clinical notes)
    section_at: int = field(default=-1, compare=False, repr=False)

    @property
    def affirmed(self) -> bool:
        """Affirmed = neither negated nor hypothetical (the classifier's scope)."""
        return not (self.negated or self.hypothetical)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def finding_id(report_id: str, digest: str, start: int, end: int) -> str:
    """Stable id from the report id, the SHA-256 of its text and the span: the
    text is hashed once per report (its digest), never once per finding."""
    key = f"{report_id}\x1f{digest}\x1f{start}\x1f{end}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_finding_id(report_id: str, text: str, start: int, end: int) -> str:
    """finding_id for a text not yet hashed: same report id, text and span give
    the same id, whatever the rules."""
    return finding_id(report_id, text_digest(text), start, end)


def number_text(value: float) -> str:
    """A measured number as written in text cells: at most two decimals (9.5, 10)."""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def finding_row(f: Finding) -> dict[str, Cell]:
    """The finding as typed values, keyed and ordered by FINDING_COLUMNS."""
    row: dict[str, Cell] = {
        "report_id": f.report_id,
        "finding_id": f.finding_id,
        "mention": f.mention,
        "start_char": f.start,
        "end_char": f.end,
        "section": f.section,
        "sentence": f.sentence,
        "site": f.site,
        "site_text": f.site_text,
        "laterality": f.laterality,
        "conditions": tuple(c.label() for c in f.conditions),
        "negated": f.negated,
        "uncertain": f.uncertain,
        "historical": f.historical,
        "hypothetical": f.hypothetical,
        "family": f.family,
        "physiologic": f.physiologic,
        "classification": f.classification,
        "confidence": _two_decimals(f.confidence),
        "evidence": f.evidence,
        "rule_id": f.rule_id,
        "severity": f.severity,
        "size_mm": f.size_mm,
        "agatston": f.agatston,
        "agatston_percentile": f.agatston_percentile,
        "cac_drs": f.cac_drs,
        "agatston_vessels": f.agatston_vessels,
        "morphology": tuple(f.morphology),
        "distribution": tuple(f.distribution),
        "change": f.change,
        "lesion_id": f.lesion_id,
    }
    return {c: row[c] for c in FINDING_COLUMNS}


def _two_decimals(value: float | None) -> float | None:
    """Scores and lab values are kept to two decimals in every format."""
    return None if value is None else round(float(value), 2)


def report_classification(findings: list[Finding]) -> str:
    """metastatic > dystrophic > indeterminate over affirmed findings, else none."""
    return report_class([f.classification for f in findings if f.affirmed])


def report_class(affirmed_classes: list[str]) -> str:
    """The strongest class among a report's affirmed findings ('none' if none)."""
    for cls in CLASSES:
        if cls in affirmed_classes:
            return cls
    return INDETERMINATE if affirmed_classes else "none"


@dataclass
class ReportResult:
    """Everything one report yields."""

    report_id: str
    status: str
    findings: list[Finding] = field(default_factory=list)
    conditions: tuple[Condition, ...] = ()
    labs: tuple[LabValue, ...] = ()
    reason: str = ""
    row: int = 0
    note: str = ""
    text_sha256: str = ""
    # (start, end, name) of the affirmed conditions' words, for the review page
    condition_marks: tuple[tuple[int, int, str], ...] = ()
    birads: str = ""  # BI-RADS category the report states (corpora/GUIDE.md)
    # (field, rule id, start, end) of the words that gave `birads`
    birads_words: tuple[tuple[str, str, int, int], ...] = ()


def error_row(row: int, report_id: str, reason: str) -> dict[str, Cell]:
    return {"row": row, "report_id": report_id, "reason": reason}


# Each lab's value and flag columns, named once: a report row is made per report.
_LAB_COLUMNS = tuple((name, f"{name}_flag") for name in LAB_NAMES)
# The lab columns of a report without lab values, in column order.
_NO_LABS: dict[str, Cell] = {
    c: v for name, flag in _LAB_COLUMNS for c, v in ((name, None), (flag, ""))
}


def report_row(r: ReportResult) -> dict[str, Cell]:
    """The report as typed values, keyed and ordered by REPORT_COLUMNS (made
    in that order: a test checks it)."""
    findings = r.findings
    if findings:
        n_affirmed = sum(f.affirmed for f in findings)
        n_lesions = len({f.lesion_id for f in findings if f.lesion_id})
        classification = report_classification(findings)
    else:  # five reports in six
        n_affirmed = n_lesions = 0
        classification = "none"  # report_class([])
    row: dict[str, Cell] = {
        "report_id": r.report_id,
        "status": r.status,
        "n_findings": len(findings),
        "n_affirmed": n_affirmed,
        "classification": classification if r.status == STATUS_OK else "",
        "conditions": tuple(c.label() for c in r.conditions) if r.conditions else (),
        "birads": r.birads,
        "n_lesions": n_lesions,
    }
    labs = r.labs
    if labs:
        first: dict[str, LabValue] = {}  # the first value of each lab
        for lab in labs:
            first.setdefault(lab.name, lab)
        for name, flag in _LAB_COLUMNS:
            value = first.get(name)
            row[name] = None if value is None else _two_decimals(value.value)
            row[flag] = "" if value is None else value.flag
    else:
        row.update(_NO_LABS)
    row["row"] = r.row
    row["reason"] = r.reason
    row["notes"] = r.note
    row["text_sha256"] = r.text_sha256
    return row


def text_row(r: ReportResult, text: str) -> dict[str, Any]:
    """The report's text and the character spans the review page marks: each
    finding's mention, site words and ConText triggers, and the condition words."""
    return {
        "report_id": r.report_id,
        "text_sha256": r.text_sha256,
        "text": text,
        "findings": [
            {
                "finding_id": f.finding_id,
                "start": f.start,
                "end": f.end,
                "marks": [list(m) for m in f.marks],
            }
            for f in r.findings
        ],
        "condition_marks": [list(m) for m in r.condition_marks],
    }
