"""Accuracy holds when an export mangles the text: the fictional dev corpus
and the real-text test half scored as written and after the changes real
exports make (blank lines first, tabs, no-break or zero-width spaces for
spaces, all capitals, all lower case, line breaks lost, escaped as text,
written as HTML or as HL7's "~", CR LF or CR line ends, lines padded with
spaces, two spaces after a stop, lines hard-wrapped at a fixed width, each sentence on a line without
its full stop, the text stored as RTF). The gold's offsets
follow each character to its place in the changed text.

`pytest tests/test_mangled_exports.py -s` prints the tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from calc_nlp.evaluate import GoldReport, read_gold, score
from tests.mangle import RTF_HEAD, mangled, rtf_char

from .test_realtext import real_texts  # noqa: F401  (the texts, built once)

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


def two_spaces(text: str) -> tuple[str, list[int]]:
    """A single space after a full stop or a colon made two (a typist's
    habit; 'KIDNEY:  ,' in a comma-joined export)."""
    parts, where, at = [], [], 0
    for i, ch in enumerate(text):
        single = ch == " " and text[i - 1 : i] in {".", ":"} and text[i + 1 : i + 2] != " "
        new = "  " if single else ch
        where.append(at)
        parts.append(new)
        at += len(new)
    where.append(at)
    return "".join(parts), where


def statements_on_lines(text: str) -> tuple[str, list[int]]:
    """Each sentence on a line of its own without its full stop, as exports
    of templated reports write them ('RIGHT KIDNEY: 11.2 cm' over
    'Echogenic pyramids'): a stop after a word, before a space or a line
    break and a word not in lower case, dropped, and that space a line
    break ('Dr. Smith' alike: the change is blind)."""
    parts, where, at, n = [], [], 0, len(text)

    def ends(i: int) -> bool:  # text[i] is a sentence's stop
        return (
            text[i] == "."
            and 0 < i
            and text[i - 1].isalpha()
            and i + 1 < n
            and text[i + 1] in " \n"
            and not text[i + 2 : i + 3].islower()
        )

    for i, ch in enumerate(text):
        new = "" if ends(i) else "\n" if ch == " " and i > 0 and ends(i - 1) else ch
        where.append(at)
        parts.append(new)
        at += len(new)
    where.append(at)
    return "".join(parts), where


# A change gives the changed text and where each character went (one more
# place for the end).
Change = Callable[[str], tuple[str, list[int]]]


# a label opening a line ('Right kidney: 11 cm', 'FINDINGS: ...')
_LABEL = re.compile(r"(?m)^[A-Za-z][A-Za-z /&()-]{1,40}(:[ \t]*)")


def labels_alone(text: str) -> tuple[str, list[int]]:
    """Each label opening a line alone on its line, its colon left out
    ('RIGHT KIDNEY' over '11 cm. Echogenic pyramids ...'), where[i]: where
    character i went (the colon to the line break, the spaces after it to
    what follows)."""
    parts, where, at, pos = [], [], 0, 0
    for m in _LABEL.finditer(text):
        a, b = m.span(1)
        if b == len(text) or text[b] == "\n":
            continue  # a label alone on its line already
        where.extend(range(at, at + a - pos))
        parts.append(text[pos:a] + "\n")
        at += a - pos
        where.extend([at] * (b - a))
        at, pos = at + 1, b
    where.extend(range(at, at + len(text) - pos + 1))
    parts.append(text[pos:])
    return "".join(parts), where


def capitals_on_lines(text: str) -> tuple[str, list[int]]:
    """One sentence per line without full stops, all in capitals."""
    out, where = statements_on_lines(text)
    return out.upper(), where


def per_char(each: Callable[[str], str], before: str = "", after: str = "") -> Change:
    return lambda text: mangled(text, each, before, after)


def same_length(change: Callable[[str], str]) -> Change:
    return lambda text: (change(text), list(range(len(text) + 1)))


# name: (change, how far a figure may fall below the one as written)
MANGLE: dict[str, tuple[Change, float]] = {
    "blank lines first": (per_char(lambda c: c, "\n \n"), 0.0),
    "tabs for spaces": (per_char(lambda c: "\t" if c == " " else c), 0.0),
    "no-break spaces": (per_char(lambda c: "\xa0" if c == " " else c), 0.0),
    "all capitals": (per_char(str.upper), 0.001),
    "all lower case": (per_char(str.lower), 0.001),
    "line breaks lost": (per_char(lambda c: " " if c == "\n" else c), 0.001),
    "hard-wrapped at 60 columns": (same_length(hard_wrap), 0.005),
    "line breaks escaped as text": (per_char(lambda c: "\\n" if c == "\n" else c), 0.0),
    "CR LF line ends": (per_char(lambda c: "\r\n" if c == "\n" else c), 0.0),
    "CR line ends (classic Mac OS)": (per_char(lambda c: "\r" if c == "\n" else c), 0.0),
    "lines padded with two spaces": (per_char(lambda c: "  \n" if c == "\n" else c), 0.0),
    "zero-width spaces for spaces": (per_char(lambda c: "\u200b" if c == " " else c), 0.003),
    # a line of its own for each sentence tells less than a full stop: in
    # capitals a line may be read as the one above wrapped, and a change or
    # condition said on the next line joins or leaves a finding otherwise
    # (dev change accuracy and real-text condition precision fall 0.0104)
    "one sentence per line, no full stops": (statements_on_lines, 0.015),
    # in capitals too: only a report's full stops tell its lines were wrapped
    "the same in capitals": (capitals_on_lines, 0.015),
    # 'RIGHT KIDNEY' over '11 cm. Echogenic pyramids ...': the label heads
    # the lines under it as 'RIGHT KIDNEY:' does
    "labels alone on their line, no colon": (labels_alone, 0.005),
    "two spaces after a stop": (two_spaces, 0.002),
    "lines joined by HL7 ~": (per_char(lambda c: "~" if c == "\n" else c), 0.002),
    "HTML line breaks": (
        per_char(lambda c: "<br>" if c == "\n" else c, "<p>", "</p>"),
        0.0,
    ),
    "stored as RTF": (per_char(rtf_char, RTF_HEAD, "}"), 0.0),
}


def _gold(path: Path = DEV) -> list[GoldReport]:
    with open(path, encoding="utf-8") as fh:
        return list(read_gold(fh))


def _figures(analyzer, gold: list[GoldReport], change: Change | None = None) -> dict[str, float]:
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
    for k, v in s["fields"].items():
        out[k] = v["accuracy"]
    out["conditions P"] = s["conditions"]["precision"]
    out["conditions R"] = s["conditions"]["recall"]
    for k, v in s.get("descriptors", {}).items():
        if k == "lesion_pairs":
            out["lesion F1"] = v["f1"]
        else:  # severity ... Agatston: accuracy (or exact), and precision
            out[k] = v.get("exact", v.get("accuracy"))
            out[f"{k} P"] = v.get("precision")
    return {k: v for k, v in out.items() if v is not None}


def _table(analyzer, gold: list[GoldReport]) -> dict[str, dict[str, float]]:
    rows = {"as written": _figures(analyzer, gold)}
    for name, (change, _) in MANGLE.items():
        rows[name] = _figures(analyzer, gold, change)
    cols = [c for c in rows["as written"] if c in SHOWN]
    print("\n| text | " + " | ".join(cols) + " |")
    print("| --- " * (len(cols) + 1) + "|")
    for name, row in rows.items():
        print(f"| {name} | " + " | ".join(f"{row[c]:.3f}" for c in cols) + " |")
    return rows


# the figures the printed table shows (every figure is checked)
SHOWN = ("mention F1", "every field", "site", "laterality", "negated", "uncertain",
         "classification", "conditions P", "conditions R", "lesion F1")


@pytest.fixture(scope="module")
def table(analyzer) -> dict[str, dict[str, float]]:
    return _table(analyzer, _gold())


@pytest.fixture(scope="module")
def real_table(analyzer, real_texts) -> dict[str, dict[str, float]]:  # noqa: F811
    """The same on the real-text test half (its texts from ../shared/realtext:
    these tests fail without it, as tests/test_realtext.py does)."""
    from calc_nlp.standoff import read_standoff, read_texts

    path = Path(__file__).resolve().parents[1] / "corpora" / "realtext" / "test.jsonl"
    with open(path, encoding="utf-8") as fh:
        gold = list(read_standoff(fh, read_texts(real_texts)))
    return _table(analyzer, gold)


# Figures of one change allowed a larger fall: a calcium-score table whose
# rows a '~' joined (one or two of the dev split's scores and percentiles);
# and, once the case is lost, the conditions named by an abbreviation that is
# also an ordinary word (patterns/conditions.json `ordinary_word`: PAD, CREST,
# ALL), which only their capitals in mixed-case text tell apart ('history of
# PAD' against 'the fat pad'; read in any case alone in brackets): three of
# the dev split's conditions, 0.0013 of its recall
FIGURE_ALLOWED = {
    ("lines joined by HL7 ~", "agatston"): 0.01,
    ("lines joined by HL7 ~", "agatston_percentile"): 0.015,
    ("all capitals", "conditions R"): 0.002,
    ("all lower case", "conditions R"): 0.002,
}


def _fallen(
    rows: dict[str, dict[str, float]], name: str, allowed: float
) -> dict[str, tuple[float, float | None]]:
    written, mangled = rows["as written"], rows[name]
    assert written["every field"] > 0.9  # the comparison means something
    assert "lesion F1" in written and "severity" in written
    return {
        k: (v, mangled.get(k))
        for k, v in written.items()
        if k not in mangled
        or mangled[k] < v - FIGURE_ALLOWED.get((name, k), allowed) - 1e-9
    }


@pytest.mark.parametrize("name", list(MANGLE))
def test_accuracy_holds_on_a_mangled_export(table, name):
    fallen = _fallen(table, name, MANGLE[name][1])
    assert not fallen, f"{name}: (as written, mangled) {fallen}"


# The real-text half's own allowances where it falls more than the corpus
REAL_ALLOWED = {"all capitals": 0.01, "all lower case": 0.01}


@pytest.mark.parametrize("name", list(MANGLE))
def test_accuracy_on_real_reports_holds_on_a_mangled_export(real_table, name):
    fallen = _fallen(real_table, name, REAL_ALLOWED.get(name, MANGLE[name][1]))
    assert not fallen, f"{name}: (as written, mangled) {fallen}"
