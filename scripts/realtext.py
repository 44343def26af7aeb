"""Real-text evaluation: build the report texts beside the repo, score the
stand-off gold, and check the NLM-coded IU reports.

usage: python scripts/realtext.py [--realtext DIR] [--out DIR] [--readme README.md]

Reads ../shared/realtext (the real-text collections kept beside the repository,
never copied into it) and exits 2, saying so, when it is absent. Prints the
accuracy table of the test half of corpora/realtext, the MeSH check (the share
of IU reports NLM coded "Calcified Granuloma" that get an affirmed finding),
and with --readme rewrites the README section between the eval-real markers.
Never prints report text: ids and counts only.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REALTEXT = ROOT.parent / "shared" / "realtext"
IU_TEXTS = "iu_xray_dev_reports.csv"
MTS_TEXTS = "mtsamples_dev_reports.csv"
MESH_TERM = "calcified granuloma"


def build_texts(realtext: Path, out: Path) -> list[Path]:
    """report_id,text CSVs made by the collection's own build.py."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / IU_TEXTS, out / MTS_TEXTS]
    if not all(p.exists() for p in paths):
        subprocess.run(
            [sys.executable, str(realtext / "build.py"), str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return paths


def score_half(half: str, texts: list[Path], fold: str | None = None) -> dict[str, Any]:
    """The evaluate figures of one half (tune or test) of the stand-off gold,
    or of one fold of it (standoff.fold_of: 'open' or 'blind')."""
    from calc_nlp.evaluate import score
    from calc_nlp.stages import analyzer
    from calc_nlp.standoff import fold_of, read_standoff, read_texts

    an = analyzer()
    with open(ROOT / "corpora" / "realtext" / f"{half}.jsonl", encoding="utf-8") as fh:
        gold = [
            g
            for g in read_standoff(fh, read_texts(texts))
            if fold is None or fold_of(g.report_id) == fold
        ]
    return score(((g, an.analyze(g.text, g.report_id)) for g in gold), max_errors=0)


def fold_line(name: str, s: dict[str, Any]) -> str:
    """One line of headline figures for a fold of the test half."""
    f = s["fields"]
    cond = s["conditions"]
    f1 = (s.get("descriptors", {}).get("lesion_pairs") or {}).get("f1")
    return (
        f"{name} ({s['reports']} reports, {s['mention_exact']['gold']} findings): "
        f"exact span {s['mention_exact']['f1']:.3f}, "
        f"site {f['site']['accuracy']:.3f}, "
        f"laterality {f['laterality']['accuracy']:.3f}, "
        f"every field {s['all_fields_right']:.3f}, "
        f"conditions P {cond['precision']:.3f} R {cond['recall']:.3f}, "
        f"lesion pairs F1 {'n/a' if f1 is None else format(f1, '.3f')}"
    )


def mesh_check(realtext: Path, texts: Path) -> dict[str, Any]:
    """IU reports NLM coded 'Calcified Granuloma': how many get an affirmed finding."""
    from calc_nlp.stages import analyzer

    csv.field_size_limit(2**31 - 1)
    with open(realtext / "iu_xray_dev.csv", encoding="utf-8", newline="") as fh:
        coded = {
            f"IU-CXR-{r['uid'].strip()}"
            for r in csv.DictReader(fh)
            if MESH_TERM in r["MeSH"].lower()
        }
    an = analyzer()
    found = missed = 0
    missing: list[str] = []
    with open(texts, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["report_id"] not in coded:
                continue
            result = an.analyze(r["text"], r["report_id"])
            if any(f.affirmed for f in result.findings):
                found += 1
            else:
                missed += 1
                missing.append(r["report_id"])
    total = found + missed
    return {
        "coded_reports": total,
        "with_affirmed_finding": found,
        "share": round(found / total, 4) if total else None,
        "missed_ids": missing,
    }


def table(s: dict[str, Any], mesh: dict[str, Any], folds: dict[str, Any]) -> str:
    from calc_nlp.evaluate import markdown_table

    out = markdown_table(s, "corpora/realtext/test.jsonl", "make eval-real")
    return (
        out
        + "\n\nThe two folds of the test half (corpora/realtext/README.md: the"
        + " open fold's errors have been read, the blind fold's have not, but"
        + " for its lesion pairs, read once):\n\n"
        + "\n".join(f"- {fold_line(k, v)}" for k, v in folds.items())
        + '\n\nIU reports NLM coded "Calcified Granuloma" (whole IU dev half, '
        + f"{mesh['coded_reports']} reports) with an affirmed finding: "
        + f"{mesh['with_affirmed_finding']} ({mesh['share']:.1%})."
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realtext", type=Path, default=DEFAULT_REALTEXT)
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "realtext")
    ap.add_argument("--readme", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if not (args.realtext / "build.py").exists():
        print(
            f"eval-real: {args.realtext} not found: the real-text collections must "
            "sit beside the repository (../shared/realtext)",
            file=sys.stderr,
        )
        return 2
    from calc_nlp.evaluate import format_report, replace_between_markers

    texts = build_texts(args.realtext, args.out)
    figures = score_half("test", texts)
    folds = {k: score_half("test", texts, k) for k in ("blind", "open")}
    mesh = mesh_check(args.realtext, texts[0])
    print(format_report(figures))
    for name, fold in folds.items():
        print(fold_line(name, fold))
    print(
        f"MeSH 'Calcified Granuloma': {mesh['with_affirmed_finding']} of "
        f"{mesh['coded_reports']} reports with an affirmed finding ({mesh['share']})"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"test": figures, "folds": folds, "mesh": mesh}, indent=2)
            + "\n",
            encoding="utf-8",
        )
    if args.readme:
        doc = args.readme.read_text(encoding="utf-8")
        args.readme.write_text(
            replace_between_markers(doc, table(figures, mesh, folds), "eval-real"),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
