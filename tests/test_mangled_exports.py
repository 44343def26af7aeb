"""Accuracy holds when an export mangles the text: the fictional dev corpus
scored as written and after the changes real exports make (blank lines
first, tabs or no-break spaces for spaces, all capitals, all lower case,
line breaks lost, escaped as text, written as HTML or as HL7's "~", lines
hard-wrapped at a fixed width, the text stored as RTF). The gold's offsets
follow each character to its place in the changed text.

`pytest tests/test_mangled_exports.py -s` prints the table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from calc_nlp.evaluate import read_gold, score
from tests.mangle import RTF_HEAD, mangled, rtf_char

DEV = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "dev.jsonl"


def hard_wrap(text: str, width: int = 60) -> str:
    """Each line broken at its last space before `width` (the length kept)."""
    out, col, space = list(text), 0, -1
    for i, ch in enumerate(text):
        if ch == "\n":
            col, space = 0, -1
            continue
        if ch == " ":
            space = i
        col += 1
        if col > width and space >= 0:
            out[space], col, space = "\n", i - space, -1
    return "".join(out)


# A change gives the changed text and where each character went (one more
# place for the end).
Change = Callable[[str], tuple[str, list[int]]]


def per_char(each: Callable[[str], str], before: str = "", after: str = "") -> Change:
    return lambda text: mangled(text, each, before, after)


def same_length(change: Callable[[str], str]) -> Change:
    return lambda text: (change(text), list(range(len(text) + 1)))


# name: (change, how far a figure may fall below the one as written)
MANGLE: dict[str, tuple[Change, float]] = {
    "blank lines first": (per_char(lambda c: c, "\n \n"), 0.0),
    "tabs for spaces": (per_char(lambda c: "\t" if c == " " else c), 0.0),
    "no-break spaces": (per_char(lambda c: "\xa0" if c == " " else c), 0.0),
    "all capitals": (per_char(str.upper), 0.01),
    "all lower case": (per_char(str.lower), 0.01),
    "line breaks lost": (per_char(lambda c: " " if c == "\n" else c), 0.002),
    "hard-wrapped at 60 columns": (same_length(hard_wrap), 0.005),
    "line breaks escaped as text": (per_char(lambda c: "\\n" if c == "\n" else c), 0.0),
    "lines joined by HL7 ~": (per_char(lambda c: "~" if c == "\n" else c), 0.002),
    "HTML line breaks": (
        per_char(lambda c: "<br>" if c == "\n" else c, "<p>", "</p>"),
        0.0,
    ),
    "stored as RTF": (per_char(rtf_char, RTF_HEAD, "}"), 0.0),
}


def _figures(analyzer, change: Change | None = None) -> dict[str, float]:
    with open(DEV, encoding="utf-8") as fh:
        gold = list(read_gold(fh))
    pairs = []
    for g in gold:
        if change is not None:
            text, where = change(g.text)
            findings = [
                replace(
                    f,
                    start=where[f.start],
                    end=where[f.end],
                    mention=text[where[f.start] : where[f.end]],
                )
                for f in g.findings
            ]
            g = replace(g, text=text, findings=findings)
        pairs.append((g, analyzer.analyze(g.text, g.report_id)))
    s = score(pairs, max_errors=0)
    out = {"mention F1": s["mention_f1"], "every field": s["all_fields_right"]}
    for k in ("site", "laterality", "negated", "uncertain", "classification"):
        out[k] = s["fields"][k]["accuracy"]
    out["conditions P"] = s["conditions"]["precision"]
    out["conditions R"] = s["conditions"]["recall"]
    return out


@pytest.fixture(scope="module")
def table(analyzer) -> dict[str, dict[str, float]]:
    rows = {"as written": _figures(analyzer)}
    for name, (change, _) in MANGLE.items():
        rows[name] = _figures(analyzer, change)
    cols = list(rows["as written"])
    print("\n| text | " + " | ".join(cols) + " |")
    print("| --- " * (len(cols) + 1) + "|")
    for name, row in rows.items():
        print(f"| {name} | " + " | ".join(f"{row[c]:.3f}" for c in cols) + " |")
    return rows


@pytest.mark.parametrize("name", list(MANGLE))
def test_accuracy_holds_on_a_mangled_export(table, name):
    written, mangled = table["as written"], table[name]
    assert written["every field"] > 0.9  # the comparison means something
    allowed = MANGLE[name][1]
    fallen = {
        k: (written[k], v)
        for k, v in mangled.items()
        if v < written[k] - allowed - 1e-9
    }
    assert not fallen, f"{name}: (as written, mangled) {fallen}"
