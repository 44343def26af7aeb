"""The corpora `make bench` runs on.

The main corpus is the real-text mix: every Indiana University chest x-ray
report and every MTSamples radiology note of the collections kept beside the
repository (../shared/realtext, texts made by the collection's own build.py),
cycled to the size asked. Where the collections are absent it falls back to
reports generated from the bundled normal chest lines
(corpora/bench/normal_cxr.json) with about 17% carrying a calcification line
from our annotated chest reports.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REALTEXT = ROOT.parent / "shared" / "realtext"
RADIOLOGY = "radiology"  # the MTSamples specialty kept in the mix

csv.field_size_limit(2**31 - 1)


def _write(path: Path, rows: Iterator[tuple[str, str]]) -> Path:
    """report_id,text rows to a CSV, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_id", "text"])
        w.writerows(rows)
    os.replace(tmp, path)
    return path


def _read(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [(r["report_id"], r["text"]) for r in csv.DictReader(fh)]


def real_reports(base: Path) -> list[tuple[str, str]] | None:
    """IU chest x-rays and MTSamples radiology notes, or None without the collections."""
    if not (REALTEXT / "build.py").exists():
        return None
    texts = base / "realtext"
    iu, mts = texts / "iu_xray_dev_reports.csv", texts / "mtsamples_dev_reports.csv"
    if not (iu.exists() and mts.exists()):
        texts.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(REALTEXT / "build.py"), str(texts)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    with open(REALTEXT / "mtsamples_dev.csv", encoding="utf-8", newline="") as fh:
        radiology = {
            f"MTS-{r['note_id']}"
            for r in csv.DictReader(fh)
            if r["medical_specialty"].strip().lower() == RADIOLOGY
        }
    return _read(iu) + [(i, t) for i, t in _read(mts) if i in radiology]


def real_mix(base: Path, n: int) -> Path | None:
    """`n` rows of the real-text mix (cycled, ids made unique), or None."""
    path = base / f"real-{n}.csv"
    if path.exists():
        return path
    reports = real_reports(base)
    if not reports:
        return None
    return _write(
        path,
        (
            (
                f"{reports[i % len(reports)][0]}#{i // len(reports)}",
                reports[i % len(reports)][1],
            )
            for i in range(n)
        ),
    )


def distinct(src: Path) -> Path:
    """The corpus `src` with every text made distinct: the k-th repeat of a
    text gets k spaces at its end, which change its digest and nothing it
    holds. calc-nlp analyses a text met again in a run only once
    (result_cache.py); on this copy every report is analysed, so it shows
    what a report costs, and a corpus of distinct reports runs at."""
    path = src.with_name(src.stem + "-distinct.csv")
    if path.exists():
        return path
    seen: dict[str, int] = {}

    def rows() -> Iterator[tuple[str, str]]:
        for rid, text in _read(src):
            k = seen.get(text, 0)
            seen[text] = k + 1
            yield rid, text + " " * k

    return _write(path, rows())


def _blocks() -> dict[str, Any]:
    path = ROOT / "corpora" / "bench" / "normal_cxr.json"
    return json.loads(path.read_text(encoding="utf-8"))


def calcification_lines() -> list[str]:
    """Lines of our annotated chest reports that hold a calcification finding."""
    chest = ("chest x-ray", "ct chest", "pet-ct", "cardiac calcium score ct")
    out: list[str] = []
    for name in ("dev.jsonl", "test.jsonl"):
        with open(ROOT / "corpora" / "gold" / name, encoding="utf-8") as fh:
            for r in map(json.loads, fh):
                if r["modality"] not in chest:
                    continue
                text = r["text"]
                for f in r["findings"]:
                    lo = text.rfind("\n", 0, f["start"]) + 1
                    hi = text.find("\n", f["end"])
                    line = text[lo : hi if hi != -1 else len(text)].strip()
                    if 20 <= len(line) <= 300 and line not in out:
                        out.append(line)
    return out


def generated(path: Path, n: int, positive_share: float = 0.17, seed: int = 7) -> Path:
    """`n` generated chest reports (CSV) unless already there."""
    if path.exists():
        return path
    blocks, lines = _blocks(), calcification_lines()
    rng = random.Random(seed)

    def rows() -> Iterator[tuple[str, str]]:
        for i in range(n):
            findings = rng.sample(blocks["findings"], rng.randint(3, 7))
            if rng.random() < positive_share:
                for _ in range(1 if rng.random() < 0.7 else 2):
                    findings.insert(rng.randrange(len(findings) + 1), rng.choice(lines))
            parts = [
                rng.choice(blocks["exams"]),
                rng.choice(blocks["indications"]),
                rng.choice(blocks["comparisons"]),
                "FINDINGS:",
            ]
            yield (
                f"B{i:07d}",
                "\n".join(parts + findings + [rng.choice(blocks["impressions"])]),
            )

    return _write(path, rows())


def negatives(path: Path, n: int, seed: int = 5) -> Path:
    """`n` short normal chest reports (CSV) unless already there: rows the
    prefilter skips, so that a run over millions of them measures what grows
    with the number of rows (the duplicate-id set, buffers), not the NLP."""
    if path.exists():
        return path
    blocks = _blocks()
    rng = random.Random(seed)
    lines = blocks["findings"] + blocks["impressions"]
    return _write(
        path,
        ((f"N{i:08d}", " ".join(rng.sample(lines, 2))) for i in range(n)),
    )


def corpus(base: Path, n: int) -> tuple[Path, str]:
    """The bench corpus of `n` rows and its name: the real-text mix, else generated."""
    real = real_mix(base, n)
    if real is not None:
        return real, "real-text mix (IU chest x-rays + MTSamples radiology, cycled)"
    return generated(base / f"reports-{n}.csv", n), "generated chest reports"


def long_report(path: Path, mb: int, seed: int = 11) -> Path:
    """One report of about `mb` MB (normal chest lines, a calcification line in
    every 200), in a CSV with one more short report."""
    if path.exists():
        return path
    blocks, lines = _blocks(), calcification_lines()
    rng = random.Random(seed)
    parts: list[str] = []
    size, i = 0, 0
    while size < mb * 1_000_000:
        line = rng.choice(lines) if i % 200 == 0 else rng.choice(blocks["findings"])
        parts.append(line)
        size += len(line) + 1
        i += 1
    return _write(
        path, iter([("LONG", "\n".join(parts)), ("SHORT", rng.choice(lines))])
    )


def repeated_report(path: Path, words: int = 1_000) -> Path:
    """One report of a finding word said `words` times in one sentence (about
    10 kB: "calcified calcified ..."), junk a feed may hold, whose findings
    all share one long sentence: what is compared finding by finding and
    read from the sentence each time shows here."""
    if path.exists():
        return path
    return _write(path, iter([("REPEATED", "calcified " * words)]))
