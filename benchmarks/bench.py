"""`make bench`: throughput, stage costs and memory, against naive medspaCy.

Run as a script (`python benchmarks/bench.py`) with calc-nlp installed: it is
not part of the shipped package.

Generates (once, seeded) a corpus of realistic chest x-ray reports composed
from corpora/bench/normal_cxr.json; about 17% of them (real chest x-ray
exports look like that, docs/guide.md, pitfalls) also carry one or two lines that mention
calcification, taken from the chest reports of our annotated corpus. Then, in one
run, it measures end to end with `calc-nlp run` in a fresh process, on the
20k and the 200k corpus: reports/s with --workers 1 and 2 (the 20k figures
carry about 1.7 s of start-up, the 200k ones show the steady state), the naive medspaCy baseline
(medspacy.load() plus one regex target rule, one process), ms per report per
stage (from the manifest), and the peak RSS of the whole process tree at
20k and 200k reports. A benchmark, not a test: nothing here asserts.

Two more measures, as options: `--long-report-mb N` (default 50) times one
report of N MB (hashing, splitting and the finding ids must stay linear; the
target is under a minute), and `--rss-rows 100000,2000000` runs those corpus
sizes with 2 workers and compares peak RSS (the target: the largest within
10% of the smallest; the duplicate-id set moves to disk past 65,536 ids).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _corpus_lines() -> tuple[dict[str, Any], list[str]]:
    """The bundled normal chest report blocks and the calcification lines."""
    blocks = json.loads(
        (ROOT / "corpora" / "bench" / "normal_cxr.json").read_text(encoding="utf-8")
    )
    return blocks, _calcification_lines()


def generate(path: Path, n: int, positive_share: float = 0.17, seed: int = 7) -> Path:
    """Write `n` reports to `path` (CSV) unless it is already there."""
    if path.exists():
        return path
    blocks, lines = _corpus_lines()
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_id", "text"])
        for i in range(n):
            findings = rng.sample(blocks["findings"], rng.randint(3, 7))
            if rng.random() < positive_share:
                # a chest report that mentions calcification once or twice
                for _ in range(1 if rng.random() < 0.7 else 2):
                    findings.insert(rng.randrange(len(findings) + 1), rng.choice(lines))
            text = "\n".join(
                [
                    rng.choice(blocks["exams"]),
                    rng.choice(blocks["indications"]),
                    rng.choice(blocks["comparisons"]),
                    "FINDINGS:",
                ]
                + findings
                + [rng.choice(blocks["impressions"])]
            )
            w.writerow([f"B{i:07d}", text])
    os.replace(tmp, path)
    return path


def _calcification_lines() -> list[str]:
    """Lines of our annotated chest reports that hold a calcification finding."""
    out = []
    for name in ("dev.jsonl", "test.jsonl"):
        with open(ROOT / "corpora" / "gold" / name, encoding="utf-8") as fh:
            for r in map(json.loads, fh):
                if r["modality"] not in (
                    "chest x-ray",
                    "ct chest",
                    "pet-ct",
                    "cardiac calcium score ct",
                ):
                    continue
                text = r["text"]
                for f in r["findings"]:
                    lo = text.rfind("\n", 0, f["start"]) + 1
                    hi = text.find("\n", f["end"])
                    line = text[lo : hi if hi != -1 else len(text)].strip()
                    if 20 <= len(line) <= 300 and line not in out:
                        out.append(line)
    return out


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        stack += children.get(p, [])
        try:
            with open(f"/proc/{p}/status", encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak tree RSS (MiB) of a command."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    done.set()
    t.join()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode()[-2000:]}"
        )
    return seconds, peak // 1024


def long_report(path: Path, mb: int, seed: int = 11) -> Path:
    """One report of about `mb` MB (normal chest lines, a calcification line in
    every 200), in a CSV with one more short report."""
    if path.exists():
        return path
    blocks, lines = _corpus_lines()
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    target = mb * 1_000_000
    i = 0
    while size < target:
        line = rng.choice(lines) if i % 200 == 0 else rng.choice(blocks["findings"])
        parts.append(line)
        size += len(line) + 1
        i += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_id", "text"])
        w.writerow(["LONG", "\n".join(parts)])
        w.writerow(["SHORT", rng.choice(lines)])
    os.replace(tmp, path)
    return path


def ours(src: Path, out: Path, workers: int) -> dict[str, Any]:
    cmd = [
        sys.executable,
        "-m",
        "calc_nlp",
        "run",
        str(src),
        "-o",
        str(out),
        "--workers",
        str(workers),
        "-q",
    ]
    seconds, rss = timed(cmd)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    n = manifest["reports"]
    return {
        "reports": n,
        "seconds": seconds,
        "reports_per_s": n / seconds,
        "peak_rss_mib": rss,
        "stages": manifest["stage_seconds"],
    }


BASELINE = r"""
import csv, sys, time
from loguru import logger
logger.remove()
import medspacy
from medspacy.target_matcher import TargetRule
csv.field_size_limit(sys.maxsize)
texts = [r["text"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))][: int(sys.argv[2])]
nlp = medspacy.load()
nlp.get_pipe("medspacy_target_matcher").add([TargetRule("calcification", "CALCIFICATION", pattern=r"calcif\w*")])
t0 = time.perf_counter()
n = sum(1 for _ in map(nlp, texts))
print(n / (time.perf_counter() - t0))
"""


def baseline(src: Path, n: int) -> float:
    """Naive medspaCy reports/s: medspacy.load() + one regex target rule, one process."""
    out = subprocess.run(
        [sys.executable, "-c", BASELINE, str(src), str(n)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python benchmarks/bench.py", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--dir", default="out/bench", help="where corpora and outputs go")
    ap.add_argument("--small", type=int, default=20_000)
    ap.add_argument("--large", type=int, default=200_000)
    ap.add_argument(
        "--baseline-reports",
        type=int,
        default=2_000,
        help="reports timed for the slow baseline",
    )
    ap.add_argument(
        "--readme",
        default=None,
        help="rewrite the table between the bench markers of this README",
    )
    ap.add_argument(
        "--long-report-mb",
        type=int,
        default=50,
        help="time one report of this many MB (0: skip); target under a minute",
    )
    ap.add_argument(
        "--rss-rows",
        default="",
        help="comma-separated corpus sizes (e.g. 100000,2000000) run with 2 workers to compare peak RSS",
    )
    ap.add_argument(
        "--only-extra",
        action="store_true",
        help="measure only --long-report-mb and --rss-rows (no throughput tables, README untouched)",
    )
    args = ap.parse_args(argv)
    base = Path(args.dir)
    extra = extra_measures(base, args.long_report_mb, args.rss_rows)
    if args.only_extra:
        (base / "bench-extra.json").write_text(
            json.dumps(extra, indent=2) + "\n", encoding="utf-8"
        )
        print(json.dumps(extra, indent=2))
        return
    small = generate(base / f"reports-{args.small}.csv", args.small)
    large = generate(base / f"reports-{args.large}.csv", args.large)
    with open(small, encoding="utf-8", newline="") as fh:
        texts = [r["text"] for r in csv.DictReader(fh)]
    avg_chars = sum(map(len, texts)) / len(texts)
    share = sum(("calc" in t.lower()) for t in texts) / len(texts)

    base_rps = baseline(small, args.baseline_reports)
    runs = {}
    for label, src in (("20k", small), (f"{args.large // 1000}k", large)):
        for workers in (1, 2):
            runs[(label, workers)] = ours(
                src, base / f"out-{label}-w{workers}", workers
            )
    large_label = f"{args.large // 1000}k"
    same = all(
        (base / f"out-{lab}-w1" / n).read_bytes()
        == (base / f"out-{lab}-w2" / n).read_bytes()
        for lab in ("20k", large_label)
        for n in ("findings.csv", "reports.csv")
    )
    w1, w2 = runs[(large_label, 1)], runs[(large_label, 2)]
    s1, s2 = runs[("20k", 1)], runs[("20k", 2)]
    stage_ms = {
        k: 1000 * v / w1["reports"]
        for k, v in w1["stages"].items()
        if not k.endswith("reports")
    }
    result = {
        "corpus": {
            "reports_small": s1["reports"],
            "reports_large": w1["reports"],
            "avg_chars": round(avg_chars),
            "share_mentioning_calc": round(share, 3),
        },
        "naive_medspacy_reports_per_s": round(base_rps, 1),
        "reports_per_s": {
            f"{lab}_workers_{w}": round(r["reports_per_s"], 1)
            for (lab, w), r in runs.items()
        },
        "seconds": {
            f"{lab}_workers_{w}": round(r["seconds"], 1) for (lab, w), r in runs.items()
        },
        "speedup_vs_naive_per_core": {
            "20k": round(s1["reports_per_s"] / base_rps, 1),
            large_label: round(w1["reports_per_s"] / base_rps, 1),
        },
        "speedup_2_workers": {
            "20k": round(s2["reports_per_s"] / s1["reports_per_s"], 2),
            large_label: round(w2["reports_per_s"] / w1["reports_per_s"], 2),
        },
        "ms_per_report_by_stage_workers_1": {
            k: round(v, 4) for k, v in sorted(stage_ms.items())
        },
        "ms_per_report_all_stages": round(sum(stage_ms.values()), 4),
        "peak_rss_mib_workers_2": {
            "20k": s2["peak_rss_mib"],
            large_label: w2["peak_rss_mib"],
        },
        "peak_rss_mib_workers_1": {
            "20k": s1["peak_rss_mib"],
            large_label: w1["peak_rss_mib"],
        },
        "rss_growth_large_vs_small_workers_2": round(
            w2["peak_rss_mib"] / s2["peak_rss_mib"] - 1, 3
        ),
        "outputs_identical_workers_1_2": same,
        **extra,
        "python": sys.version.split()[0],
        "cores": os.cpu_count(),
    }
    (base / "bench.json").write_text(
        json.dumps(result, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(result, indent=2))
    if args.readme:
        from calc_nlp.evaluate import replace_between_markers

        doc = Path(args.readme).read_text(encoding="utf-8")
        Path(args.readme).write_text(
            replace_between_markers(doc, markdown(result, large_label), "bench"),
            encoding="utf-8",
        )


def extra_measures(base: Path, long_mb: int, rss_rows: str) -> dict[str, Any]:
    """The long-report time and the peak RSS by corpus size (see the docstring)."""
    out: dict[str, Any] = {}
    if long_mb:
        src = long_report(base / f"long-{long_mb}mb.csv", long_mb)
        r = ours(src, base / f"out-long-{long_mb}mb", 1)
        out["long_report"] = {
            "mb": long_mb,
            "seconds": round(r["seconds"], 1),
            "peak_rss_mib": r["peak_rss_mib"],
        }
    sizes = [int(x) for x in rss_rows.split(",") if x.strip()]
    if sizes:
        peaks = {}
        for n in sizes:
            src = generate(base / f"reports-{n}.csv", n)
            r = ours(src, base / f"out-rss-{n}", 2)
            peaks[str(n)] = {
                "peak_rss_mib": r["peak_rss_mib"],
                "seconds": round(r["seconds"], 1),
                "reports_per_s": round(r["reports_per_s"], 1),
            }
        lo = peaks[str(min(sizes))]["peak_rss_mib"]
        hi = peaks[str(max(sizes))]["peak_rss_mib"]
        out["peak_rss_by_rows_workers_2"] = peaks
        out["rss_growth_largest_vs_smallest"] = round(hi / lo - 1, 3)
    return out


def markdown(r: dict, large: str) -> str:
    rps = r["reports_per_s"]
    lines = [
        f"Measured by `make bench` ({r['cores']} cores, Python {r['python']}): {r['corpus']['reports_small']:,} and "
        f"{r['corpus']['reports_large']:,} generated chest reports, {r['corpus']['avg_chars']} characters on average, "
        f"{r['corpus']['share_mentioning_calc']:.0%} mentioning calcification. End to end, process start included.",
        "",
        "| measure | 20k reports | " + large + " reports | target |",
        "| --- | --- | --- | --- |",
        f"| naive medspaCy (medspacy.load() + 1 regex rule, 1 process) | {r['naive_medspacy_reports_per_s']} reports/s | | |",
        f"| calc-nlp, --workers 1 | {rps['20k_workers_1']:,.0f} reports/s | {rps[large + '_workers_1']:,.0f} reports/s | |",
        f"| calc-nlp, --workers 2 | {rps['20k_workers_2']:,.0f} reports/s | {rps[large + '_workers_2']:,.0f} reports/s | |",
        f"| speed-up per core over naive medspaCy | {r['speedup_vs_naive_per_core']['20k']}x | {r['speedup_vs_naive_per_core'][large]}x | 30x |",
        f"| 2 workers / 1 worker | {r['speedup_2_workers']['20k']}x | {r['speedup_2_workers'][large]}x | 1.7x |",
        f"| peak RSS, whole process tree, --workers 2 | {r['peak_rss_mib_workers_2']['20k']} MiB | {r['peak_rss_mib_workers_2'][large]} MiB | within 10% |",
        f"| outputs identical with 1 and 2 workers | {r['outputs_identical_workers_1_2']} | | |",
    ]
    if "long_report" in r:
        lr = r["long_report"]
        lines.append(
            f"| one {lr['mb']} MB report, --workers 1 | {lr['seconds']} s, {lr['peak_rss_mib']} MiB | | under 60 s |"
        )
    if "peak_rss_by_rows_workers_2" in r:
        cells = ", ".join(
            f"{int(n):,} rows {v['peak_rss_mib']} MiB"
            for n, v in r["peak_rss_by_rows_workers_2"].items()
        )
        lines.append(
            f"| peak RSS by corpus size, --workers 2 | {cells} (+{r['rss_growth_largest_vs_smallest']:.0%}) | | within 10% |"
        )
    lines += [
        "",
        "Milliseconds per report by stage (--workers 1, all reports, most skipped by the prefilter): "
        + ", ".join(
            f"{k} {v:.3f}" for k, v in r["ms_per_report_by_stage_workers_1"].items()
        )
        + f"; total {r['ms_per_report_all_stages']:.3f}. The 20k figures carry about 1.4 s of process start-up (importing spaCy and medspaCy, building the matchers).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
