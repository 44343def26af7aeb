"""The batch job: read an export, extract every report, write the tables."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from calc_nlp.errors import InputError
from calc_nlp.io import AtomicCsvWriter, read_csv_reports
from calc_nlp.schema import FINDING_COLUMNS, REPORT_COLUMNS, finding_row, report_row

log = logging.getLogger("calc_nlp")


@dataclass
class RunSummary:
    reports: int
    findings: int
    seconds: float
    rules_version: str


def run(
    input_path: str | Path,
    outdir: str | Path,
    id_col: str = "report_id",
    text_col: str = "text",
    patterns: str | Path | None = None,
) -> RunSummary:
    """Process `input_path` (CSV) into OUTDIR/findings.csv and OUTDIR/reports.csv."""
    from calc_nlp.extract import Extractor  # spaCy import only when running
    from calc_nlp.rules import load_rules

    started = time.perf_counter()
    rules = load_rules(patterns)
    try:
        fh = open(input_path, encoding="utf-8-sig", errors="replace", newline="")
    except OSError as exc:
        raise InputError(f"cannot read {input_path}: {exc.strerror}") from None
    with fh:
        rows = read_csv_reports(fh, id_col, text_col)  # checks the header first
        extractor = Extractor(rules)
        out = Path(outdir)
        out.mkdir(parents=True, exist_ok=True)
        n_reports = n_findings = 0
        with AtomicCsvWriter(out / "findings.csv", FINDING_COLUMNS) as fw, AtomicCsvWriter(
            out / "reports.csv", REPORT_COLUMNS
        ) as rw:
            for _row_no, rid, text in rows:
                result = extractor.process(rid, text)
                for f in result.findings:
                    fw.write(finding_row(f))
                rw.write(report_row(result))
                n_reports += 1
                n_findings += len(result.findings)
    seconds = time.perf_counter() - started
    log.info("processed %d reports, %d findings in %.2f s", n_reports, n_findings, seconds)
    return RunSummary(n_reports, n_findings, seconds, rules.version)
