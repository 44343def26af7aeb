"""A run's options, its summary, and the names of the files it keeps in OUTDIR."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from calc_nlp.errors import UsageError
from calc_nlp.writers import OUTPUT_FORMATS

PROGRESS = ".progress.json"
LOCK = ".calc-nlp.lock"
MANIFEST = "manifest.json"
FAILED_MANIFEST = "manifest.failed.json"
JOURNAL = ".commit.json"
IDS_FILE = ".calc-nlp.ids"
SINCE_FILE = ".calc-nlp.since"
TEXTS = "texts.jsonl"

# Ids kept in memory before the duplicate-id set moves to a file (flat memory).
MEMORY_IDS = 65_536
# With user --patterns: longest time one report may take (a regex that slipped
# past validation cannot hang the run; the report becomes an error row).
USER_PATTERN_REPORT_SECONDS = 60.0


@dataclass
class RunOptions:
    input: str
    outdir: str
    id_col: str = "report_id"
    text_col: str = "text"
    input_format: str | None = None
    output_format: str = "csv"
    encoding: str = "utf-8"
    delimiter: str | None = None
    workers: int = 1
    chunk_size: int = 256
    resume: bool = False
    since_manifest: str | None = None
    max_errors: int | None = None
    raw: bool = False
    patterns: str | None = None
    checkpoint_seconds: float = 2.0
    keep_texts: bool = True  # texts.jsonl: what `review` shows (--no-texts: not kept)
    engine: str = "local"  # or "spark": rows computed on Spark, written here
    spark_master: str | None = None
    no_header: bool = False  # CSV: the first line is a row; columns by 1-based position
    limit: int | None = None  # process only the first N input rows (a trial run)
    keep: tuple[str, ...] = ()  # --keep-col: input columns copied onto every row


@dataclass
class RunSummary:
    reports: int
    findings: int
    seconds: float
    rules_version: str
    counts: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    resumed_from: int = 0
    repeated_headers: int = 0  # a CSV's header lines after its first, no reports


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def output_names() -> set[str]:
    """Every file name a run may write in its output folder, whatever the format."""
    names = {MANIFEST, FAILED_MANIFEST, LOCK, PROGRESS, JOURNAL, IDS_FILE, SINCE_FILE}
    names |= {"errors.csv", TEXTS}
    for fmt in OUTPUT_FORMATS:
        for t in ("findings", "reports"):
            names.add(f"{t}.{fmt}")
    for n in list(names):
        names |= {f".{n}.partial", f".{n}.staged", f".{n}.tmp"}
    return names


def refuse_input_in_outputs(opts: RunOptions) -> None:
    """The input must not be one of the files the run writes (it would be replaced)."""
    if opts.input == "-":
        return
    src = Path(opts.input)
    real = os.path.realpath(src)
    out = Path(opts.outdir)
    for name in output_names():
        target = out / name
        same = os.path.realpath(target) == real
        if not same:
            try:
                same = os.path.samefile(src, target)
            except OSError:
                same = False
        if same:
            raise UsageError(
                f"the input {opts.input} is the output file {name} of {opts.outdir}: "
                "it would be replaced; write to another folder (-o)"
            )


def check_encoding(encoding: str) -> None:
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown --encoding {encoding!r}") from None
