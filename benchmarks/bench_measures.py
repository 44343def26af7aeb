"""What `make bench` times: whole processes, wall seconds and peak tree RSS."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any


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


def timed(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak tree RSS (MiB) and standard output of a command."""
    seconds, peak, out, _ = timed_cpu(cmd)
    return seconds, peak, out


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed_cpu(cmd: list[str]) -> tuple[float, int, str, float]:
    """`timed`, and the CPU seconds (user and system) of the command's whole
    process tree: its workers are joined before it exits."""
    peak = 0
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    # timed before the sampler is joined: it may sleep up to 0.1 s more
    seconds = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    done.set()
    t.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n"
            f"{err.decode(errors='replace')[-2000:]}"
        )
    return seconds, peak // 1024, out.decode(errors="replace"), cpu


def ours(src: Path, out: Path, workers: int) -> dict[str, Any]:
    """`calc-nlp run` end to end in a fresh process."""
    cmd = [sys.executable, "-m", "calc_nlp", "run", str(src), "-o", str(out)]
    seconds, rss, _, cpu = timed_cpu(cmd + ["--workers", str(workers), "-q"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    n = manifest["reports"]
    return {
        "reports": n,
        "seconds": seconds,
        "reports_per_s": n / seconds,
        "peak_rss_mib": rss,
        "cpu_s": cpu,
        "stages": manifest["stage_seconds"],
        "cached": manifest.get("reports_by_path", {}).get("cached", 0),
    }


def startup(src: Path, out: Path, repeats: int = 5) -> float:
    """Median wall seconds of `calc-nlp run` on a one-row file."""
    times = []
    for i in range(repeats):
        cmd = [sys.executable, "-m", "calc_nlp", "run", str(src), "-o", f"{out}-{i}"]
        times.append(timed(cmd + ["-q"])[0])
    return statistics.median(times)


# Each script reads the CSV itself: a whole process, like a run.
_READ = """
import csv, sys
csv.field_size_limit(2**31 - 1)
texts = [r["text"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))]
"""

FLOOR = (
    _READ
    + """
import re
rx = re.compile(r"calcif|calcium|calcinosis|phlebolith", re.I)
print(sum(1 for t in texts if rx.search(t)))
"""
)

TOKENIZER = (
    _READ
    + """
import spacy
tok = spacy.blank("en").tokenizer
print(sum(len(tok(t)) for t in texts))
"""
)

NAIVE = (
    _READ
    + """
import time
from loguru import logger
logger.remove()
import medspacy
from medspacy.target_matcher import TargetRule
texts = texts[: int(sys.argv[2])]
nlp = medspacy.load()
nlp.get_pipe("medspacy_target_matcher").add(
    [TargetRule("calcification", "CALCIFICATION", pattern=r"calcif\\w*")]
)
t0 = time.perf_counter()
n = sum(1 for _ in map(nlp, texts))
print(n / (time.perf_counter() - t0))
"""
)


def script(code: str, *args: str) -> tuple[float, int, str]:
    """A measuring script in a fresh process: seconds, peak RSS, its output."""
    return timed([sys.executable, "-c", code, *args])


def naive_medspacy(src: Path, n: int) -> float:
    """Naive medspaCy reports/s: medspacy.load() + one regex target rule."""
    return float(script(NAIVE, str(src), str(n))[2].strip().splitlines()[-1])
