"""`make bench`: throughput, start-up, stage costs and memory, against floors.

Run as a script (`python benchmarks/bench.py`) with calc-nlp installed: it is
not part of the shipped package. A benchmark, not a test: nothing here
asserts; `--readme` writes the table into the README.

In one run, on the bench corpus (`bench_corpus.py`: the real-text mix when
../shared/realtext is beside the repository, generated chest reports
otherwise), every figure from whole fresh processes:
- `calc-nlp run` reports/s with --workers 1 and 2 at 20k and 200k rows (the
  20k figures include start-up and are the median of `--repeats` runs taken
  in turn), and the same on a copy of each corpus whose texts are all
  distinct (`bench_corpus.distinct`: the real-text mix repeats its texts,
  which a run analyses once, result_cache.py), and the ms per report of
  each stage on the larger distinct copy;
- start-up: the median wall time of a run over a one-row file;
- floors over the same 20k reports: Python's csv reader plus one regex per
  text, and spaCy's blank English tokenizer over every text (median of
  `--repeats` runs); calc-nlp's time divided by the tokenizer's;
- naive medspaCy (medspacy.load() plus one regex target rule), one process;
- peak RSS and CPU seconds (user and system) of the whole process tree;
- `--long-report-mb N` (default 50): one report of N MB (target under a
  minute); one report of a finding word said 1,000 times in one sentence
  (10 kB of junk, start-up included); `--rss-rows` (default 100000,2000000): peak RSS by corpus size,
  2 workers, over short normal reports (no NLP cost: what grows with the
  number of rows shows; target within 10%).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import (  # noqa: E402
    corpus,
    distinct,
    long_report,
    negatives,
    repeated_report,
)
from bench_measures import (  # noqa: E402
    FLOOR,
    TOKENIZER,
    naive_medspacy,
    ours,
    script,
    startup,
)
from bench_table import markdown  # noqa: E402


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="python benchmarks/bench.py", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--dir", default="out/bench", help="where corpora and outputs go")
    ap.add_argument("--small", type=int, default=20_000)
    ap.add_argument("--large", type=int, default=200_000, help="0: skip")
    ap.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="runs of the smaller corpus (each worker count) and of its tokenizer floor; the median is reported",
    )
    ap.add_argument(
        "--baseline-reports",
        type=int,
        default=2_000,
        help="reports timed for the slow naive medspaCy baseline",
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
        default="100000,2000000",
        help="comma-separated corpus sizes (e.g. 100000,2000000) of short normal reports run with 2 workers to compare peak RSS",
    )
    ap.add_argument(
        "--only-extra",
        action="store_true",
        help="measure only --long-report-mb and --rss-rows (README untouched)",
    )
    return ap.parse_args(argv)


def throughput(
    base: Path, small: int, large: int, baseline_n: int, repeats: int = 3
) -> dict[str, Any]:
    """Every figure of the main table (see the module docstring)."""
    src, name = corpus(base, small)
    sizes = {"small": src, "small_distinct": distinct(src)}
    if large:
        sizes["large"] = corpus(base, large)[0]
        sizes["large_distinct"] = distinct(sizes["large"])
    runs = {
        (size, w): ours(path, base / f"out-{size}-w{w}", w)
        for size, path in sizes.items()
        if not size.startswith("small")
        for w in (1, 2)
    }
    for size in ("small", "small_distinct"):
        runs.update(small_runs(sizes[size], base, repeats, size))
    one = base / "one-row.csv"
    one.write_text(
        "report_id,text\n1,Calcified granuloma in the right upper lobe.\n",
        encoding="utf-8",
    )
    floor_s = script(FLOOR, str(src))[0]
    tokenizer_s = statistics.median(
        script(TOKENIZER, str(src))[0] for _ in range(repeats)
    )
    s1, d1 = runs[("small", 1)], runs[("small_distinct", 1)]
    # the stage costs of every report analysed: the distinct corpus
    steady = runs[("large_distinct", 1)] if large else d1
    same = all(
        (base / f"out-{size}-w1" / t).read_bytes()
        == (base / f"out-{size}-w2" / t).read_bytes()
        for size in sizes
        for t in ("findings.csv", "reports.csv")
    )
    return {
        "repeats": repeats,
        "corpus": {
            "name": name,
            "small": s1["reports"],
            "large": runs[("large", 1)]["reports"] if large else 0,
        },
        "reports_per_s": {
            f"{s}_workers_{w}": round(r["reports_per_s"], 1)
            for (s, w), r in runs.items()
        },
        "seconds": {
            f"{s}_workers_{w}": round(r["seconds"], 2) for (s, w), r in runs.items()
        },
        "cached_reports": {
            f"{s}_workers_{w}": r["cached"]
            for (s, w), r in runs.items()
        },
        "startup_s": round(startup(one, base / "out-one"), 3),
        "floor_csv_regex_s": round(floor_s, 2),
        "bare_tokenizer_s": round(tokenizer_s, 2),
        "calc_nlp_over_tokenizer": round(s1["seconds"] / tokenizer_s, 2),
        "calc_nlp_over_tokenizer_distinct": round(d1["seconds"] / tokenizer_s, 2),
        "speedup_2_workers": {
            s: round(runs[(s, 2)]["reports_per_s"] / runs[(s, 1)]["reports_per_s"], 2)
            for s in sizes
        },
        "naive_medspacy_reports_per_s": round(naive_medspacy(src, baseline_n), 1),
        "ms_per_report_by_stage_workers_1": {
            k: round(1000 * v / steady["reports"], 4)
            for k, v in sorted(steady["stages"].items())
            if not k.endswith("reports")
        },
        "peak_rss_mib": {
            f"{s}_workers_{w}": r["peak_rss_mib"] for (s, w), r in runs.items()
        },
        "cpu_seconds": {
            f"{s}_workers_{w}": round(r["cpu_s"], 2) for (s, w), r in runs.items()
        },
        "outputs_identical_workers_1_2": same,
    }


def extra_measures(base: Path, long_mb: int, rss_rows: str) -> dict[str, Any]:
    """The long-report time and the peak RSS by corpus size."""
    out: dict[str, Any] = {}
    if long_mb:
        r = ours(
            long_report(base / f"long-{long_mb}mb.csv", long_mb),
            base / f"out-long-{long_mb}mb",
            1,
        )
        out["long_report"] = {
            "mb": long_mb,
            "seconds": round(r["seconds"], 1),
            "peak_rss_mib": r["peak_rss_mib"],
        }
    r = ours(repeated_report(base / "repeated.csv"), base / "out-repeated", 1)
    out["repeated_report"] = {"seconds": round(r["seconds"], 1)}
    sizes = [int(x) for x in rss_rows.split(",") if x.strip()]
    if sizes:
        peaks = {}
        for n in sizes:
            src = negatives(base / f"negative-{n}.csv", n)
            r = ours(src, base / f"out-rss-{n}", 2)
            peaks[str(n)] = {
                "peak_rss_mib": r["peak_rss_mib"],
                "seconds": round(r["seconds"], 1),
                "reports_per_s": round(r["reports_per_s"], 1),
            }
        lo, hi = peaks[str(min(sizes))], peaks[str(max(sizes))]
        out["peak_rss_by_rows_workers_2"] = peaks
        out["rss_growth_largest_vs_smallest"] = round(
            hi["peak_rss_mib"] / lo["peak_rss_mib"] - 1, 3
        )
    return out


def small_runs(
    src: Path, base: Path, repeats: int, size: str = "small"
) -> dict[tuple[str, int], Any]:
    """The smaller corpus's runs with 1 and 2 workers: of `repeats` runs each,
    taken in turn (1, 2, 1, 2, ...) so that a slow spell of the machine falls
    on both, the run of median time. One run of a few seconds moves by a
    tenth between runs on a shared machine: the 2-worker ratio with it."""
    times: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    for _ in range(repeats):
        for w in (1, 2):
            times[w].append(ours(src, base / f"out-{size}-w{w}", w))
    return {(size, w): _median_run(r) for w, r in times.items()}


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run of median seconds (the upper median of an even count)."""
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def main(argv: list[str] | None = None) -> None:
    args = _args(argv)
    base = Path(args.dir)
    base.mkdir(parents=True, exist_ok=True)
    extra = extra_measures(base, args.long_report_mb, args.rss_rows)
    result: dict[str, Any] = {}
    if not args.only_extra:
        result = throughput(
            base, args.small, args.large, args.baseline_reports, args.repeats
        )
    result.update(extra, python=sys.version.split()[0], cores=os.cpu_count())
    name = "bench-extra.json" if args.only_extra else "bench.json"
    (base / name).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    if args.readme and not args.only_extra:
        from calc_nlp.evaluate import replace_between_markers

        doc = Path(args.readme).read_text(encoding="utf-8")
        Path(args.readme).write_text(
            replace_between_markers(doc, markdown(result), "bench"), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
