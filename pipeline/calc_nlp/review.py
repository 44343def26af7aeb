"""Curator review: one self-contained HTML page per run, and decisions that last.

`build_page(outdir)` reads only the run's folder: its tables, manifest and
texts.jsonl (each report's text with its findings' site words, ConText
triggers and condition words as character spans, written by the run), and
writes everything into a single HTML file with its script and styles inline:
no network, no CDN. It never reads the run's input and never runs the NLP
again, so a folder copied elsewhere opens as it is. A run made with
`--no-texts` kept no texts: the page and the summary say so.

Decisions are keyed by `finding_id` (stable for the same report text and
span), so a decisions CSV joins onto later runs; each decision also keeps a
fingerprint of the finding's output, so the page can flag findings whose
output changed since they were decided.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from calc_nlp.errors import InputError
from calc_nlp.schema import FINDING_TYPES, FLAGS, REPORT_TYPES
from calc_nlp.strict_json import dumps
from calc_nlp.writers import read_table, unneutralise

DECISION_COLUMNS = (
    "finding_id",
    "report_id",
    "decision",
    "classification",
    "note",
    "reviewer",
    "time",
    "output",
)
DECISIONS = ("accept", "reject", "reclassify")
FINGERPRINT_FIELDS = (
    ("mention", "start_char", "end_char", "site", "laterality")
    + FLAGS
    + ("classification", "evidence")
)


def fingerprint(finding: dict[str, Any]) -> str:
    """A short hash of what a curator judged: span, site, flags, class, evidence."""
    key = json.dumps([str(finding.get(k, "")) for k in FINGERPRINT_FIELDS])
    return hashlib.sha256(key.encode()).hexdigest()[:12]


@dataclass
class Run:
    outdir: Path
    manifest: dict[str, Any]
    findings: list[dict[str, str]]
    reports: list[dict[str, str]]
    mismatched: int = 0  # texts whose hash is not the one the reports table recorded
    texts_missing: str = ""  # why the folder holds no texts, if it holds none


def load_run(outdir: str | Path) -> Run:
    from calc_nlp.runner import JOURNAL

    out = Path(outdir)
    if (out / JOURNAL).exists():
        raise InputError(
            f"{out} holds a run that was stopped while publishing its outputs: "
            "run calc-nlp run again on it (with --resume) to finish it first"
        )
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        fmt = manifest["options"]["output_format"]
        people = fmt == "csv" and not manifest["options"].get("raw", False)
        tables = manifest["outputs"]
        findings = list(
            read_table(out / tables["findings"], fmt, people, FINDING_TYPES)
        )
        reports = list(read_table(out / tables["reports"], fmt, people, REPORT_TYPES))
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise InputError(
            f"{out} does not hold a complete calc-nlp run ({exc.__class__.__name__}: {exc})"
        ) from None
    return Run(out, manifest, findings, reports)


def run_texts(run: Run, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """The texts.jsonl rows of the wanted report ids, read from the run's folder.

    A text is used only if its SHA-256 is the one its row and the run's
    reports table record for that id: a texts file from another run (or edited
    since) never puts other reports' texts on the cards. When the folder holds
    no texts, `run.texts_missing` says why.
    """
    from calc_nlp.schema import text_digest

    name = run.manifest.get("outputs", {}).get("texts")
    if not name:
        run.texts_missing = (
            "the run was made with --no-texts: it kept no copy of the report texts"
            if run.manifest.get("options", {}).get("keep_texts") is False
            else "the run's manifest lists no texts file (a run made before calc-nlp kept texts)"
        )
        return {}
    expected = {
        r["report_id"]: r.get("text_sha256", "")
        for r in run.reports
        if r["report_id"] in wanted and r.get("status") == "ok"
    }
    out: dict[str, dict[str, Any]] = {}
    run.mismatched = 0
    try:
        with open(run.outdir / str(name), encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                rid = str(row.get("report_id", ""))
                if rid not in wanted or rid in out:
                    continue
                text = row.get("text")
                digest = text_digest(text) if isinstance(text, str) else ""
                if (
                    not digest
                    or digest != row.get("text_sha256")
                    or digest != expected.get(rid)
                ):
                    run.mismatched += 1
                    continue
                out[rid] = row
    except FileNotFoundError:
        run.texts_missing = f"{name} is missing from {run.outdir}"
        return {}
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(
            f"{run.outdir / str(name)} is unreadable ({exc.__class__.__name__})"
        ) from None
    return out


def marks_of(rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Site, modifier and condition spans as the run recorded them, keyed by
    finding id / report id."""
    out: dict[str, Any] = {"findings": {}, "conditions": {}}
    for rid, row in rows.items():
        for f in row.get("findings", []):
            out["findings"][f["finding_id"]] = f.get("marks", [])
        out["conditions"][rid] = row.get("condition_marks", [])
    return out


def read_decisions(path: str | Path) -> dict[str, dict[str, str]]:
    """finding_id -> the last decision for it in a decisions CSV."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [
            c for c in DECISION_COLUMNS[:-1] if c not in (reader.fieldnames or [])
        ]
        if missing:
            raise InputError(f"{path}: not a decisions CSV, missing columns {missing}")
        out = {}
        for r in reader:
            r = {
                k: unneutralise(v or "") for k, v in r.items() if k in DECISION_COLUMNS
            }
            if r["decision"] not in DECISIONS:
                raise InputError(
                    f"{path}: unknown decision {r['decision']!r} for finding {r['finding_id']!r}"
                )
            out[r["finding_id"]] = r
    return out


def utf16_offsets(text: str | None) -> Any:
    """Python code point offset -> JavaScript (UTF-16) offset for `text`."""
    if not text or all(ord(c) <= 0xFFFF for c in text):
        return lambda i: int(i)
    table = [0]
    for c in text:
        table.append(table[-1] + (2 if ord(c) > 0xFFFF else 1))
    return lambda i: table[min(max(int(i), 0), len(text))]


def _js_marks(marks: list[Any], text: str | None) -> list[Any]:
    js = utf16_offsets(text)
    return [[js(a), js(b), *rest] for a, b, *rest in marks]


def page_data(
    run: Run,
    texts: dict[str, str],
    decisions: dict[str, dict[str, str]],
    marks: dict[str, Any],
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON."""
    by_report: dict[str, list[int]] = {}
    lesion_numbers: dict[str, dict[str, int]] = {}  # report -> lesion_id -> 1, 2...
    findings = []
    for i, f in enumerate(run.findings):
        g: dict[str, Any] = dict(f)
        js = utf16_offsets(texts.get(f["report_id"]))
        g["start"], g["end"] = js(f["start_char"]), js(f["end_char"])
        for k in FLAGS:
            g[k] = f[k] == "true"
        g["confidence"] = float(f["confidence"]) if f["confidence"] else None
        g["condition_names"] = [
            c.rsplit(" (", 1)[0] for c in f["conditions"].split(";") if c
        ]
        g["output"] = fingerprint(f)
        g["marks"] = [
            [js(a), js(b), *rest]
            for a, b, *rest in marks.get("findings", {}).get(f["finding_id"], [])
        ]
        findings.append(g)
        by_report.setdefault(f["report_id"], []).append(i)
        lesions = lesion_numbers.setdefault(f["report_id"], {})
        lid = f.get("lesion_id") or f["finding_id"]
        g["lesion"] = lesions.setdefault(lid, len(lesions) + 1)
    reports = _report_cards(run, by_report, texts, marks)
    return {
        "run_id": hashlib.sha256(
            json.dumps(
                [run.manifest.get("inputs"), run.manifest.get("rules_version")],
                sort_keys=True,
            ).encode()
        ).hexdigest()[:12],
        "rules_version": run.manifest.get("rules_version", ""),
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "statuses": dict(Counter(r["status"] for r in run.reports)),
        "texts_missing": run.texts_missing,
        "findings": findings,
        "reports": reports,
        "prior_decisions": _decisions_on_page(decisions, findings),
    }


def _decisions_on_page(
    decisions: dict[str, dict[str, str]], findings: list[dict[str, Any]]
) -> dict[str, dict[str, str]]:
    """The decisions of the page's own findings. A decisions CSV may hold
    another run's or dataset's (curators' notes may name patients): embedding
    them would leak them into a page shared for this run; they are only
    counted (`gone`)."""
    on_page = {f["finding_id"] for f in findings}
    return {fid: d for fid, d in decisions.items() if fid in on_page}


def _processed_rows(reports: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Report id -> its processed (`ok`) row: the row its findings come from.
    A later row with the same id (`duplicate_id`, or an error) is another
    input row, whose kept values (another patient's, maybe) and empty class
    must not be shown beside this report's text."""
    out: dict[str, dict[str, str]] = {}
    for r in reports:
        if r.get("status") == "ok":
            out.setdefault(r["report_id"], r)
    return out


def _report_cards(
    run: Run,
    by_report: dict[str, list[int]],
    texts: dict[str, str],
    marks: dict[str, Any],
) -> list[dict[str, Any]]:
    """One card per report with findings: its text, findings, report-level
    values and (`run --keep-col`) its kept columns' names and values."""
    info = _processed_rows(run.reports)
    kept = [str(k) for k in run.manifest.get("kept_columns") or []]  # --keep-col
    return [
        {
            "report_id": rid,
            "text": texts.get(rid),
            "findings": idx,
            "classification": info.get(rid, {}).get("classification", ""),
            "conditions": info.get(rid, {}).get("conditions", ""),
            "birads": info.get(rid, {}).get("birads", ""),
            "kept": [[k, info.get(rid, {}).get(k, "")] for k in kept],
            "condition_marks": _js_marks(
                marks.get("conditions", {}).get(rid, []), texts.get(rid)
            ),
        }
        for rid, idx in by_report.items()
    ]


def render(data: dict[str, Any]) -> str:
    template = (
        resources.files("calc_nlp")
        .joinpath("review_template.html")
        .read_text(encoding="utf-8")
    )
    # "<" as \u003c: report text can never close the data block or open a comment
    blob = dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return template.replace("__DATA__", blob)


def build_page(
    outdir: str | Path, decisions_path: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The review page of a run, and counts for the command's summary line
    (`texts_missing`: why the page shows no texts, if it shows none)."""
    run = load_run(outdir)
    wanted = {f["report_id"] for f in run.findings}
    rows = run_texts(run, wanted)
    texts = {rid: str(row["text"]) for rid, row in rows.items()}
    decisions = read_decisions(decisions_path) if decisions_path else {}
    data = page_data(run, texts, decisions, marks_of(rows))
    current = {f["finding_id"]: f["output"] for f in data["findings"]}
    stats = {
        "findings": len(run.findings),
        "reports": len(wanted),
        "texts": len(texts),
        "mismatched": run.mismatched,
        "decisions": len(decisions),
        "changed": sum(
            1
            for fid, d in decisions.items()
            if fid in current and d.get("output") and d["output"] != current[fid]
        ),
        "gone": sum(1 for fid in decisions if fid not in current),
        "texts_missing": run.texts_missing,
    }
    return render(data), stats


def import_decisions(
    decisions_path: str | Path, outdir: str | Path
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Accepted and corrected findings as gold reports (corpus format).

    A report becomes gold only when every one of its findings has a decision:
    accepted findings are kept as they are, reclassified ones take the
    curator's class, rejected ones are dropped.
    """
    run = load_run(outdir)
    decisions = read_decisions(decisions_path)
    by_report: dict[str, list[dict[str, str]]] = {}
    for f in run.findings:
        by_report.setdefault(f["report_id"], []).append(f)
    complete = [
        rid
        for rid, fs in by_report.items()
        if all(f["finding_id"] in decisions for f in fs)
    ]
    texts = {rid: str(r["text"]) for rid, r in run_texts(run, set(complete)).items()}
    gold = []
    for rid in complete:
        if rid not in texts:
            continue
        kept = [
            _gold_finding(f, decisions[f["finding_id"]])
            for f in by_report[rid]
            if decisions[f["finding_id"]]["decision"] != "reject"
        ]
        names: list[str] = []
        for f in by_report[rid]:
            if decisions[f["finding_id"]]["decision"] == "reject":
                continue
            for c in f["conditions"].split(";"):
                name = c.rsplit(" (", 1)[0]
                if c and name not in names:
                    names.append(name)
        gold.append(
            {
                "report_id": rid,
                "modality": "",
                "text": texts[rid],
                "findings": kept,
                "conditions": names if kept else [],
            }
        )
    stats = {
        "reports_with_findings": len(by_report),
        "complete": len(complete),
        "written": len(gold),
        "decisions": len(decisions),
    }
    return gold, stats


def _gold_finding(f: dict[str, str], d: dict[str, str]) -> dict[str, Any]:
    """A finding the curator kept, as a gold finding (corpus format)."""
    flags = {k: f[k] == "true" for k in FLAGS}
    cls = d["classification"] if d["decision"] == "reclassify" else f["classification"]
    return {
        "mention": f["mention"],
        "start": int(f["start_char"]),
        "end": int(f["end_char"]),
        "site": f["site"],
        "site_text": f["site_text"],
        "laterality": f["laterality"],
        **flags,
        "classification": "" if flags["negated"] or flags["hypothetical"] else cls,
    }
