"""Score the pipeline against gold JSONL (the corpus format of corpora/GUIDE.md).

Findings are matched one to one within a report, by character overlap
(largest overlap first); exact match additionally needs equal offsets.
Matched pairs are then compared field by field. Nothing here prints more
report text than the sentence around an error.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from calc_nlp.errors import InputError
from calc_nlp.evaluate_descriptors import (
    DESCRIPTOR_KEYS,
    DescriptorTally,
    format_lines,
    markdown_rows,
)
from calc_nlp.schema import (
    DYSTROPHIC,
    FLAGS,
    INDETERMINATE,
    METASTATIC,
    Finding,
    ReportResult,
    report_class,
    report_classification,
)

FLAG_FIELDS = FLAGS
VALUE_FIELDS = ("site", "laterality", "classification")
CLASSES = (DYSTROPHIC, METASTATIC, INDETERMINATE, "")


@dataclass
class GoldFinding:
    mention: str
    start: int
    end: int
    fields: dict[str, Any]


@dataclass
class GoldReport:
    report_id: str
    text: str
    findings: list[GoldFinding]
    conditions: list[str] = field(default_factory=list)
    birads: str | None = None  # None: the gold does not say


def read_gold(fh: IO[str]) -> Iterator[GoldReport]:
    """Parse gold JSONL; unknown keys are ignored, missing ones are errors."""
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            findings = [
                GoldFinding(
                    f["mention"],
                    int(f["start"]),
                    int(f["end"]),
                    {
                        k: f.get(k, "" if k in VALUE_FIELDS + ("site_text",) else False)
                        for k in FLAG_FIELDS + VALUE_FIELDS
                    }
                    | {k: f[k] for k in DESCRIPTOR_KEYS if k in f},
                )
                for f in obj.get("findings", [])
            ]
            yield GoldReport(
                str(obj["report_id"]),
                obj["text"],
                findings,
                list(obj.get("conditions", [])),
                obj.get("birads"),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(
                f"gold line {n}: not in the corpus format ({exc.__class__.__name__}: {exc})"
            ) from None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[GoldFinding], pred: list[Finding]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs by largest character overlap."""
    cands = sorted(
        (
            (_overlap((g.start, g.end), (p.start, p.end)), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for ov, i, j in cands:
        if ov <= 0:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    hi_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return " ".join(text[lo:hi].split())[:300]


def score(
    pairs: Iterable[tuple[GoldReport, ReportResult]], max_errors: int = 25
) -> dict[str, Any]:
    """All figures for a run: mention P/R/F1, per-field accuracy, confusion, report level."""
    tally = _Tally(max_errors)
    for gold, result in pairs:
        tally.add_report(gold, result)
    return tally.figures()


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


class _Tally:
    """Running counts of a scoring pass."""

    def __init__(self, max_errors: int) -> None:
        self.max_errors = max_errors
        self.n: Counter[str] = Counter()  # scalar counts by name
        self.correct: Counter[str] = Counter()
        self.compared: Counter[str] = Counter()
        self.confusion: Counter[tuple[str, str]] = Counter()
        self.cond: Counter[str] = Counter()
        self.errors: list[dict[str, Any]] = []
        self.descriptors = DescriptorTally()

    def add_report(self, gold: GoldReport, result: ReportResult) -> None:
        pred = result.findings
        n = self.n
        n["reports"] += 1
        n["pred"] += len(pred)
        n["gold"] += len(gold.findings)
        matched = match(gold.findings, pred)
        n["tp"] += len(matched)
        for i, name, want, got in self.descriptors.add(gold, result, matched):
            g = gold.findings[i]
            self.errors.append(_error(gold, g.start, g.end, name, want, got))
        for i, j in matched:
            self.add_pair(gold, gold.findings[i], pred[j])
        gi = {i for i, _ in matched}
        pj = {j for _, j in matched}
        self.errors += [
            _error(gold, g.start, g.end, "missed mention", g.mention, "")
            for i, g in enumerate(gold.findings)
            if i not in gi
        ]
        self.errors += [
            _error(gold, p.start, p.end, "spurious mention", "", p.mention)
            for j, p in enumerate(pred)
            if j not in pj
        ]
        if gold.findings:
            _score_conditions(
                self.cond, gold.conditions, [c.name for c in result.conditions]
            )
        g_aff = any(
            not (f.fields["negated"] or f.fields["hypothetical"]) for f in gold.findings
        )
        n["report_any"] += g_aff == any(f.affirmed for f in pred)
        n["report_cls"] += _gold_report_class(gold) == report_classification(pred)

    def add_pair(self, gold: GoldReport, g: GoldFinding, p: Finding) -> None:
        n = self.n
        n["exact"] += (g.start, g.end) == (p.start, p.end)
        n["all_right"] += all(
            getattr(p, k) == g.fields[k] for k in FLAG_FIELDS + VALUE_FIELDS
        )
        n["neg_pred"] += p.negated
        n["neg_tp"] += p.negated and g.fields["negated"]
        unclassified = g.fields["negated"] or g.fields["hypothetical"]
        for name in FLAG_FIELDS + VALUE_FIELDS:
            if name == "classification" and unclassified:
                continue
            self.compared[name] += 1
            ok = getattr(p, name) == g.fields[name]
            self.correct[name] += ok
            if not ok and len(self.errors) < self.max_errors * 4:
                self.errors.append(
                    _error(gold, g.start, g.end, name, g.fields[name], getattr(p, name))
                )
        if not unclassified:
            self.confusion[(g.fields["classification"], p.classification)] += 1

    def figures(self) -> dict[str, Any]:
        n, cond = self.n, self.cond
        mention = _prf(n["tp"], n["pred"], n["gold"])
        fields = {
            k: {
                "accuracy": _ratio(self.correct[k], self.compared[k]),
                "n": self.compared[k],
            }
            for k in FLAG_FIELDS + VALUE_FIELDS
        }
        matrix = {
            g or "(empty)": {p or "(empty)": self.confusion[(g, p)] for p in CLASSES}
            for g in CLASSES
        }
        return {
            "reports": n["reports"],
            "mention_f1": mention["f1"],
            "mention_overlap": mention,
            "mention_exact": _prf(n["exact"], n["pred"], n["gold"]),
            "fields": fields,
            "classification_confusion": matrix,
            "report_any_affirmed_accuracy": _ratio(n["report_any"], n["reports"]),
            "report_classification_accuracy": _ratio(n["report_cls"], n["reports"]),
            "all_fields_right": _ratio(n["all_right"], n["gold"]),
            "negated_precision": _ratio(n["neg_tp"], n["neg_pred"]),
            "conditions": {
                "precision": _ratio(cond["tp"], cond["pred"]),
                "recall": _ratio(cond["tp"], cond["gold"]),
                "reports_right": _ratio(cond["right"], cond["reports"]),
                **{k: cond[k] for k in ("tp", "pred", "gold", "reports")},
            },
            "error_counts": dict(
                Counter(e["field"] for e in self.errors).most_common()
            ),
            "errors": _worst(self.errors, self.max_errors),
            **self.descriptors.figures(),
        }


def _score_conditions(tally: Counter[str], gold: list[str], pred: list[str]) -> None:
    """Report-level conditions, scored on reports that hold a gold finding
    (conditions are the findings' associated conditions)."""
    g, p = set(gold), set(pred)
    tally["tp"] += len(g & p)
    tally["pred"] += len(p)
    tally["gold"] += len(g)
    tally["right"] += g == p
    tally["reports"] += 1


def _gold_report_class(gold: GoldReport) -> str:
    return report_class(
        [
            f.fields["classification"]
            for f in gold.findings
            if not (f.fields["negated"] or f.fields["hypothetical"])
        ]
    )


def _error(
    gold: GoldReport, start: int, end: int, name: str, want: Any, got: Any
) -> dict[str, Any]:
    return {
        "report_id": gold.report_id,
        "start": start,
        "end": end,
        "field": name,
        "gold": want,
        "predicted": got,
        "sentence": _sentence_around(gold.text, start, end),
    }


def _worst(errors: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """Mention errors first (they cost most), then the most frequent field errors."""
    freq = Counter(e["field"] for e in errors)
    order = sorted(
        errors,
        key=lambda e: (
            not e["field"].endswith("mention"),
            -freq[e["field"]],
            e["report_id"],
            e["start"],
        ),
    )
    return order[:limit]


def format_report(s: dict[str, Any]) -> str:
    """Human-readable figures for the terminal."""
    lines = [f"reports: {s['reports']}"]
    for key in ("mention_overlap", "mention_exact"):
        m = s[key]
        lines.append(
            f"{key:<22} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  (tp {m['tp']}, pred {m['pred']}, gold {m['gold']})"
        )
    for k, v in s["fields"].items():
        acc = "n/a" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        lines.append(f"{k + ' accuracy':<22} {acc}  (n {v['n']})")
    lines.append(f"{'every field right':<22} {s['all_fields_right']}")
    lines.append(f"{'negated precision':<22} {s['negated_precision']}")
    c = s["conditions"]
    lines.append(
        f"{'conditions':<22} P {c['precision']}  R {c['recall']}  reports right {c['reports_right']}  (tp {c['tp']}, pred {c['pred']}, gold {c['gold']})"
    )
    lines.append(f"{'report any-affirmed':<22} {s['report_any_affirmed_accuracy']}")
    lines.append(f"{'report classification':<22} {s['report_classification_accuracy']}")
    lines += format_lines(s)
    lines.append("classification confusion (rows gold, columns predicted):")
    cols = list(next(iter(s["classification_confusion"].values())).keys())
    lines.append(" " * 16 + "".join(f"{c:>15}" for c in cols))
    for g, row in s["classification_confusion"].items():
        lines.append(f"{g:<16}" + "".join(f"{row[c]:>15}" for c in cols))
    lines.append("worst errors:")
    for e in s["errors"]:
        lines.append(
            f"  {e['report_id']} [{e['start']}:{e['end']}] {e['field']}: gold {e['gold']!r} predicted {e['predicted']!r} | {e['sentence']}"
        )
    return "\n".join(lines)


def markdown_table(s: dict[str, Any], source: str, target: str = "make eval") -> str:
    """The results table the README carries (regenerated by `make eval`)."""
    m, e = s["mention_overlap"], s["mention_exact"]
    rows = [
        f"Measured on `{source}` ({s['reports']} reports, {m['gold']} gold findings) by `{target}`:",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| mention precision / recall / F1 (overlap) | {m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f} |",
        f"| mention precision / recall / F1 (exact span) | {e['precision']:.3f} / {e['recall']:.3f} / {e['f1']:.3f} |",
    ]
    for k, v in s["fields"].items():
        if v["accuracy"] is not None:
            scope = " (affirmed findings)" if k == "classification" else ""
            rows.append(f"| {k} accuracy{scope} | {v['accuracy']:.3f} (n={v['n']}) |")
    rows.append(f"| findings with every field right | {_f3(s['all_fields_right'])} |")
    rows.append(f"| negated flag precision | {_f3(s['negated_precision'])} |")
    c = s["conditions"]
    rows.append(
        f"| conditions precision / recall (reports with a finding) | {_f3(c['precision'])} / {_f3(c['recall'])} |"
    )
    rows.append(
        f"| report: any affirmed finding | {s['report_any_affirmed_accuracy']:.3f} |"
    )
    rows.append(
        f"| report classification | {s['report_classification_accuracy']:.3f} |"
    )
    rows += markdown_rows(s)
    rows += [
        "",
        "Classification confusion on matched affirmed findings (rows gold, columns predicted):",
        "",
    ]
    cols = [c for c in next(iter(s["classification_confusion"].values()))]
    rows.append("| gold \\ predicted | " + " | ".join(cols) + " |")
    rows.append("| --- |" + " --- |" * len(cols))
    for g, row in s["classification_confusion"].items():
        if g != "(empty)":
            rows.append(f"| {g} | " + " | ".join(str(row[c]) for c in cols) + " |")
    return "\n".join(rows)


def _f3(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def replace_between_markers(doc: str, table: str, name: str = "eval") -> str:
    """Put `table` between the README's `<!-- name:start -->` / `<!-- name:end -->` markers."""
    first, last = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    start, end = doc.index(first) + len(first), doc.index(last)
    return doc[:start] + "\n" + table + "\n" + doc[end:]
