"""Scoring the descriptors (corpora/GUIDE.md, Descriptors) against gold that
carries them: per field accuracy where gold has a value and precision (a value
given is the gold one, none invented), exact match for sizes and scores,
BI-RADS per report and pairwise F1 of the lesion grouping.

Only what the gold carries is scored: a file without the keys gets no figures.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, Any

from calc_nlp.schema import Finding, ReportResult

if TYPE_CHECKING:
    from calc_nlp.evaluate import GoldReport

# Gold keys of a finding and how they are compared with the output.
TEXT_FIELDS = ("severity", "change", "agatston_vessels")
LIST_FIELDS = ("morphology", "distribution")
NUMBER_FIELDS = ("size_mm", "agatston", "agatston_percentile")
DESCRIPTOR_KEYS = TEXT_FIELDS + LIST_FIELDS + NUMBER_FIELDS + ("lesion",)
REPORT_KEYS = ("birads",)
# A descriptor error: gold finding index, field, gold value, predicted value.
Miss = tuple[int, str, Any, Any]


def _value(name: str, v: Any) -> Any:
    """A gold or predicted value in one comparable form (empty: None)."""
    if name in LIST_FIELDS:
        return tuple(v) if v else None
    if name in NUMBER_FIELDS:
        return None if v is None or v == "" else round(float(v), 2)
    return v or None


class DescriptorTally:
    """Running counts for the descriptor figures of one scoring pass."""

    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.seen: set[str] = set()

    def add(
        self, gold: GoldReport, result: ReportResult, pairs: list[tuple[int, int]]
    ) -> list[Miss]:
        """Count one report; return its descriptor errors for the listing."""
        if gold.birads is not None:
            self.seen.add("birads")
            self.n["birads_n"] += 1
            self.n["birads_ok"] += gold.birads == result.birads
        misses: list[Miss] = []
        for i, j in pairs:
            misses += [
                (i, *m) for m in self._pair(gold.findings[i].fields, result.findings[j])
            ]
        if all("lesion" in gold.findings[i].fields for i, _ in pairs):
            self._lesions(gold, result.findings, pairs)
            misses += _lesion_misses(gold, result.findings, pairs)
        return misses

    def _pair(self, g: dict[str, Any], p: Finding) -> list[tuple[str, Any, Any]]:
        n = self.n
        wrong = []
        for name in TEXT_FIELDS + LIST_FIELDS + NUMBER_FIELDS:
            if name not in g:
                continue
            self.seen.add(name)
            want, got = _value(name, g[name]), _value(name, getattr(p, name))
            if want is not None:
                n[f"{name}_gold"] += 1
                n[f"{name}_right"] += want == got
            if got is not None:
                n[f"{name}_pred"] += 1
                n[f"{name}_pred_right"] += want == got
            if want != got:
                wrong.append((name, g[name], getattr(p, name)))
        return wrong

    def _lesions(
        self, gold: GoldReport, pred: list[Finding], pairs: list[tuple[int, int]]
    ) -> None:
        """Pairs of matched findings put in one lesion by gold and by the output."""
        if not pairs:
            return
        self.seen.add("lesion")
        same_gold = {
            (a[0], b[0])
            for a, b in combinations(pairs, 2)
            if gold.findings[a[0]].fields["lesion"]
            == gold.findings[b[0]].fields["lesion"]
        }
        same_pred = {
            (a[0], b[0])
            for a, b in combinations(pairs, 2)
            if pred[a[1]].lesion_id == pred[b[1]].lesion_id
        }
        self.n["lesion_tp"] += len(same_gold & same_pred)
        self.n["lesion_gold"] += len(same_gold)
        self.n["lesion_pred"] += len(same_pred)

    def figures(self) -> dict[str, Any]:
        """{"descriptors": {field: {...}}} for the fields the gold carried."""
        n, out = self.n, {}
        for name in TEXT_FIELDS + LIST_FIELDS + NUMBER_FIELDS:
            if name in self.seen:
                measure = "exact" if name in NUMBER_FIELDS else "accuracy"
                out[name] = {
                    measure: _ratio(n[f"{name}_right"], n[f"{name}_gold"]),
                    "precision": _ratio(n[f"{name}_pred_right"], n[f"{name}_pred"]),
                    "n_gold": n[f"{name}_gold"],
                    "n_pred": n[f"{name}_pred"],
                }
        if "lesion" in self.seen:
            tp, p, g = n["lesion_tp"], n["lesion_pred"], n["lesion_gold"]
            prec, rec = (tp / p if p else 1.0), (tp / g if g else 1.0)
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            out["lesion_pairs"] = {
                "precision": round(prec, 4),
                "recall": round(rec, 4),
                "f1": round(f1, 4),
                "tp": tp,
                "pred": p,
                "gold": g,
            }
        if "birads" in self.seen:
            out["birads"] = {
                "accuracy": _ratio(n["birads_ok"], n["birads_n"]),
                "n": n["birads_n"],
            }
        return {"descriptors": out} if out else {}


def _lesion_misses(
    gold: GoldReport, pred: list[Finding], pairs: list[tuple[int, int]]
) -> list[Miss]:
    """Findings whose lesion mates differ: gold gives the finding's lesion
    number, predicted the gold lesion numbers of the findings the output
    grouped with it (itself included)."""
    number = {i: gold.findings[i].fields["lesion"] for i, _ in pairs}
    misses: list[Miss] = []
    for i, j in pairs:
        gold_mates = {a for a, _ in pairs if number[a] == number[i]}
        pred_mates = {a for a, b in pairs if pred[b].lesion_id == pred[j].lesion_id}
        if gold_mates != pred_mates:
            got = sorted({number[a] for a in pred_mates}, key=str)
            misses.append((i, "lesion", number[i], got))
    return misses


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def format_lines(figures: dict[str, Any]) -> list[str]:
    """Terminal lines for the descriptor figures (none when gold had no keys)."""
    lines = []
    for name, v in figures.get("descriptors", {}).items():
        if name == "lesion_pairs":
            lines.append(
                f"{'lesion pairs':<22} P {v['precision']}  R {v['recall']}  F1 {v['f1']}  (tp {v['tp']}, pred {v['pred']}, gold {v['gold']})"
            )
        elif name == "birads":
            lines.append(f"{'birads (reports)':<22} {v['accuracy']}  (n {v['n']})")
        else:
            measure = "exact" if "exact" in v else "accuracy"
            lines.append(
                f"{name + ' ' + measure:<22} {v[measure]}  precision {v['precision']}  (gold {v['n_gold']}, pred {v['n_pred']})"
            )
    return lines


def markdown_rows(figures: dict[str, Any]) -> list[str]:
    """README table rows for the descriptor figures (none when gold had no keys)."""
    rows = []
    for name, v in figures.get("descriptors", {}).items():
        if name == "lesion_pairs":
            rows.append(
                "| lesion grouping pairwise precision / recall / F1 |"
                f" {v['precision']:.3f} / {v['recall']:.3f} / {v['f1']:.3f}"
                f" (pairs: gold {v['gold']}, predicted {v['pred']}, both {v['tp']}) |"
            )
        elif name == "birads":
            rows.append(
                f"| BI-RADS category per report | {_f3(v['accuracy'])} (n={v['n']}) |"
            )
        else:
            measure = "exact" if "exact" in v else "accuracy"
            rows.append(
                f"| {name} {measure} / precision | {_f3(v[measure])} / {_f3(v['precision'])} (n={v['n_gold']}) |"
            )
    return rows


def _f3(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"
