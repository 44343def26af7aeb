"""Accuracy holds when an export mangles the text: the fictional dev corpus
scored as written and after the changes real exports make (tabs or no-break
spaces for spaces, all capitals, all lower case, line breaks lost). Each
change keeps every offset, so the same gold scores it.

`pytest tests/test_mangled_exports.py -s` prints the table."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from calc_nlp.evaluate import read_gold, score

DEV = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "dev.jsonl"
MANGLE = {
    "tabs for spaces": lambda t: t.replace(" ", "\t"),
    "no-break spaces": lambda t: t.replace(" ", "\xa0"),
    "all capitals": str.upper,
    "all lower case": str.lower,
    "line breaks lost": lambda t: t.replace("\n", " "),
}
# How far a figure may fall below the one on the text as written.
SAME = 0.0
CASE = 0.01
NO_LINES = 0.02
ALLOWED = {
    "tabs for spaces": SAME,
    "no-break spaces": SAME,
    "all capitals": CASE,
    "all lower case": CASE,
    "line breaks lost": NO_LINES,
}


def _figures(analyzer, mangle) -> dict[str, float]:
    with open(DEV, encoding="utf-8") as fh:
        gold = list(read_gold(fh))
    pairs = []
    for g in gold:
        text = mangle(g.text)
        assert len(text) == len(g.text)  # offsets hold
        findings = [replace(f, mention=text[f.start : f.end]) for f in g.findings]
        g = replace(g, text=text, findings=findings)
        pairs.append((g, analyzer.analyze(text, g.report_id)))
    s = score(pairs, max_errors=0)
    out = {"mention F1": s["mention_f1"], "every field": s["all_fields_right"]}
    for k in ("site", "laterality", "negated", "uncertain", "classification"):
        out[k] = s["fields"][k]["accuracy"]
    out["conditions P"] = s["conditions"]["precision"]
    out["conditions R"] = s["conditions"]["recall"]
    return out


@pytest.fixture(scope="module")
def table(analyzer) -> dict[str, dict[str, float]]:
    rows = {"as written": _figures(analyzer, lambda t: t)}
    rows.update({name: _figures(analyzer, m) for name, m in MANGLE.items()})
    cols = list(rows["as written"])
    print("\n| text | " + " | ".join(cols) + " |")
    for name, row in rows.items():
        print(f"| {name} | " + " | ".join(f"{row[c]:.3f}" for c in cols) + " |")
    return rows


@pytest.mark.parametrize("name", sorted(MANGLE))
def test_accuracy_holds_on_a_mangled_export(table, name):
    written, mangled = table["as written"], table[name]
    assert written["every field"] > 0.9  # the comparison means something
    fallen = {
        k: (written[k], v)
        for k, v in mangled.items()
        if v < written[k] - ALLOWED[name] - 1e-9
    }
    assert not fallen, f"{name}: (as written, mangled) {fallen}"
