"""The README table of `make bench` results."""

from __future__ import annotations

from typing import Any


def _rate(r: dict[str, Any], key: str) -> str:
    value = r["reports_per_s"].get(key)
    return f"{value:,.0f} reports/s" if value else ""


def _times(speedup: dict[str, float], size: str) -> str:
    return f"{speedup[size]}x" if size in speedup else ""


def _cached(r: dict[str, Any], size: str) -> str:
    key = f"{size}_workers_1"
    n = r.get("cached_reports", {}).get(key)
    if n is None or not r["seconds"].get(key):
        return ""
    total = r["corpus"][size]
    return f"{n:,} of {total:,}"


def _cpu(r: dict[str, Any], size: str) -> str:
    """CPU seconds with 1 and 2 workers: the pool's own cost is the rise."""
    cpu = r.get("cpu_seconds", {})
    one, two = cpu.get(f"{size}_workers_1"), cpu.get(f"{size}_workers_2")
    return "" if one is None or two is None else f"{one} / {two} s"


def markdown(r: dict[str, Any]) -> str:
    c = r["corpus"]
    large = f"{c['large']:,}" if c["large"] else "-"
    speedup = r["speedup_2_workers"]
    rss = r["peak_rss_mib"]
    lines = [
        f"Measured by `make bench` ({r['cores']} cores, Python {r['python']}) on the "
        f"{c['name']}: {c['small']:,} and {large} reports. Whole processes, start-up "
        f"included; the floors read the same {c['small']:,} reports. The {c['small']:,}-report "
        f"runs and the tokenizer are the median of {r.get('repeats', 1)} runs taken in turn.",
        "",
        f"| measure | {c['small']:,} reports | {large} reports | target |",
        "| --- | --- | --- | --- |",
        f"| calc-nlp, --workers 1 | {_rate(r, 'small_workers_1')} | {_rate(r, 'large_workers_1')} | 5,000 reports/s |",
        f"| calc-nlp, --workers 2 | {_rate(r, 'small_workers_2')} | {_rate(r, 'large_workers_2')} | |",
        f"| 2 workers / 1 worker | {_times(speedup, 'small')} | {_times(speedup, 'large')} | 1.8x |",
        f"| reports given by a text met before in the run (result_cache.py), --workers 1 | {_cached(r, 'small')} | {_cached(r, 'large')} | |",
        f"| the same corpus, every text distinct: --workers 1 | {_rate(r, 'small_distinct_workers_1')} | {_rate(r, 'large_distinct_workers_1')} | |",
        f"| every text distinct: --workers 2 | {_rate(r, 'small_distinct_workers_2')} | {_rate(r, 'large_distinct_workers_2')} | |",
        f"| every text distinct: 2 workers / 1 worker | {_times(speedup, 'small_distinct')} | {_times(speedup, 'large_distinct')} | |",
        f"| start-up (run over a 1-row file, median of 5) | {r['startup_s']} s | | 0.5 s |",
        f"| calc-nlp --workers 1 time / bare spaCy tokenizer time | {r['calc_nlp_over_tokenizer']} ({r['seconds']['small_workers_1']} s / {r['bare_tokenizer_s']} s) | | 0.5 |",
        f"| the same, every text distinct | {r['calc_nlp_over_tokenizer_distinct']} ({r['seconds']['small_distinct_workers_1']} s / {r['bare_tokenizer_s']} s) | | |",
        f"| floor: csv read + one regex per report | {r['floor_csv_regex_s']} s | | |",
        f"| naive medspaCy (medspacy.load() + 1 regex rule, 1 process) | {r['naive_medspacy_reports_per_s']} reports/s | | |",
        f"| CPU seconds, whole process tree, --workers 1 / 2 | {_cpu(r, 'small')} | {_cpu(r, 'large')} | |",
        f"| the same, every text distinct | {_cpu(r, 'small_distinct')} | {_cpu(r, 'large_distinct')} | |",
        f"| peak RSS, whole process tree, --workers 1 / 2 | {rss['small_workers_1']} / {rss['small_workers_2']} MiB | {rss.get('large_workers_1', '')} / {rss.get('large_workers_2', '')} MiB | |",
        f"| outputs identical with 1 and 2 workers | {r['outputs_identical_workers_1_2']} | | |",
    ]
    if "long_report" in r:
        lr = r["long_report"]
        lines.append(
            f"| one {lr['mb']} MB report, --workers 1 | {lr['seconds']} s, {lr['peak_rss_mib']} MiB | | under 60 s |"
        )
    if "repeated_report" in r:
        lines.append(
            f"| one 10 kB report of 1,000 repeated finding words, --workers 1 | {r['repeated_report']['seconds']} s | | |"
        )
    if "peak_rss_by_rows_workers_2" in r:
        cells = ", ".join(
            f"{int(n):,} rows {v['peak_rss_mib']} MiB"
            for n, v in r["peak_rss_by_rows_workers_2"].items()
        )
        lines.append(
            f"| peak RSS by corpus size, --workers 2 | {cells} (+{r['rss_growth_largest_vs_smallest']:.0%}) | | within 10% |"
        )
    stages = r["ms_per_report_by_stage_workers_1"]
    lines += [
        "",
        "Milliseconds per report by stage (--workers 1, the larger corpus with "
        "every text distinct, all reports, most skipped by the prefilter): "
        + ", ".join(f"{k} {v:.3f}" for k, v in stages.items())
        + f"; total {sum(stages.values()):.3f}.",
    ]
    return "\n".join(lines)
