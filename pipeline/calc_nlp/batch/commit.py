"""Publishing a run: its tables, checkpoints, and the commit that survives a kill.

Every table is made durable (and Parquet converted) and the new manifest
staged; then a journal (`.commit.json`) listing the renames is written
atomically: before it exists nothing in place has changed and `--resume`
rebuilds from the checkpoint; once it exists the commit is decided, and the
renames are idempotent, so whatever run next takes the folder's lock (or
`review`, which refuses to read a half-published folder) finishes them before
anything else. A failed run never replaces `manifest.json`: it writes
`manifest.failed.json`.
"""

from __future__ import annotations

import json
import os
import signal
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from calc_nlp.batch.options import (
    FAILED_MANIFEST,
    JOURNAL,
    MANIFEST,
    PROGRESS,
    TEXTS,
)
from calc_nlp.errors import CalcNlpError, OutputError
from calc_nlp.schema import (
    ERROR_COLUMNS,
    ERROR_TYPES,
    FINDING_COLUMNS,
    FINDING_TYPES,
    REPORT_COLUMNS,
    REPORT_TYPES,
    STATUSES,
    TEXT_COLUMNS,
)
from calc_nlp.strict_json import dumps
from calc_nlp.writers import (
    OUTPUT_FORMATS,
    OUTPUT_MODE,
    PRIVATE_MODE,
    LineFormat,
    PartialTable,
    keep_stricter_mode,
    write_atomically,
    write_error,
)

TABLES = ("findings", "reports", "errors", "texts")

# The commit protocol, step by step; a test kills the run after each one.
COMMIT_STEPS = (
    "begin",
    "finish:findings",
    "finish:reports",
    "finish:errors",
    "finish:texts",
    "stage:manifest",
    "journal",
    "publish:findings",
    "publish:reports",
    "publish:errors",
    "publish:texts",
    "publish:manifest",
    "cleanup",
    "done",
)
# Tests set this (or CALC_NLP_TEST_KILL_AT=<step>, which SIGKILLs the process)
# to stop a run after a given step of the commit.
COMMIT_HOOK: Callable[[str], None] | None = None


def step(name: str) -> None:
    if COMMIT_HOOK is not None:
        COMMIT_HOOK(name)
    if os.environ.get("CALC_NLP_TEST_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


class Outputs:
    """findings, reports, errors and texts tables with checkpoints in OUTDIR/.progress.json.

    texts.jsonl (always JSON Lines) holds the text and marked spans of each
    report with findings, for `review`; without it (`keep_texts` False) a
    texts.jsonl left by an earlier run is removed by the commit, so that the
    folder never pairs this run's tables with another run's texts. So are the
    findings and reports an earlier run wrote in another format.
    """

    def __init__(
        self,
        outdir: Path,
        fmt: str,
        raw: bool,
        keep_texts: bool = True,
        kept: tuple[str, ...] = (),
        kept_kinds: dict[str, str] | None = None,
    ):
        ext = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet"}[fmt]
        people = fmt == "csv" and not raw
        self.outdir, self.kept = outdir, kept
        self.tables = {
            "findings": PartialTable(
                outdir,
                f"findings.{ext}",
                FINDING_COLUMNS + kept,
                fmt,
                people,
                {**FINDING_TYPES, **(kept_kinds or {})},
            ),
            "reports": PartialTable(
                outdir,
                f"reports.{ext}",
                REPORT_COLUMNS + kept,
                fmt,
                people,
                {**REPORT_TYPES, **(kept_kinds or {})},
            ),
            "errors": PartialTable(
                outdir, "errors.csv", ERROR_COLUMNS + kept, "csv", not raw, ERROR_TYPES
            ),
        }
        if keep_texts:
            self.tables["texts"] = PartialTable(
                outdir, TEXTS, TEXT_COLUMNS, "jsonl", False
            )
        self.stale = other_format_tables(fmt) + ([] if keep_texts else [TEXTS])

    def formats(self) -> tuple[Any, Any, Any]:
        """How workers render the rows of reports, findings and texts (without
        the kept columns: batch/kept.py appends them in the parent)."""
        texts = self.tables.get("texts")
        return (
            self._engine_lines(self.tables["reports"].lines, REPORT_COLUMNS),
            self._engine_lines(self.tables["findings"].lines, FINDING_COLUMNS),
            None if texts is None else texts.lines,
        )

    def _engine_lines(self, lines: LineFormat, columns: tuple[str, ...]) -> LineFormat:
        if not self.kept:
            return lines
        types = {c: k for c, k in lines.types.items() if c in columns}
        return LineFormat(columns, lines.fmt, lines.people, types)

    def start(self, resume_state: dict[str, Any] | None) -> None:
        for name, t in self.tables.items():
            t.open(None if resume_state is None else resume_state["offsets"][name])

    def checkpoint(self, state: dict[str, Any]) -> None:
        state = dict(
            state, offsets={name: t.checkpoint() for name, t in self.tables.items()}
        )
        atomic_json(self.outdir / PROGRESS, state, PRIVATE_MODE)

    def commit(self, manifest: dict[str, Any]) -> None:
        """Publish the tables and the manifest (see the module docstring)."""
        step("begin")
        renames = []
        for name, t in self.tables.items():
            staged = t.finish()
            renames.append([staged.name, t.final.name])
            step(f"finish:{name}")
        staged_manifest = self.outdir / f".{MANIFEST}.staged"
        atomic_json(staged_manifest, manifest, OUTPUT_MODE)
        renames.append([staged_manifest.name, MANIFEST])
        step("stage:manifest")
        leftovers = [t.partial.name for t in self.tables.values()] + [
            PROGRESS,
            FAILED_MANIFEST,
            *self.stale,
        ]
        fsync_dir(self.outdir)
        atomic_json(
            self.outdir / JOURNAL,
            {"renames": renames, "remove": leftovers},
            PRIVATE_MODE,
        )
        step("journal")
        finish_commit(self.outdir)

    def close(self) -> None:
        for t in self.tables.values():
            t.close()

    def discard(self) -> None:
        """Remove this run's partial files (not once the commit is decided)."""
        if (self.outdir / JOURNAL).exists():
            return
        for t in self.tables.values():
            t.partial.unlink(missing_ok=True)
            t.staged.unlink(missing_ok=True)
        (self.outdir / PROGRESS).unlink(missing_ok=True)
        (self.outdir / f".{MANIFEST}.staged").unlink(missing_ok=True)


def other_format_tables(fmt: str) -> list[str]:
    """The findings and reports tables of the formats other than `fmt`: an
    earlier run's (its mentions and sentences), which the new manifest does
    not describe and a reader of the folder would take for this run's."""
    return [
        f"{table}.{other}"
        for other in OUTPUT_FORMATS
        if other != fmt
        for table in ("findings", "reports")
    ]


def finish_commit(out: Path) -> bool:
    """Carry out a decided commit (its journal exists): idempotent, so an
    interrupted one is finished by the next run. False if there is none."""
    journal = out / JOURNAL
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        renames = [(str(a), str(b)) for a, b in plan["renames"]]
        remove = [str(x) for x in plan["remove"]]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(
            f"{out / JOURNAL} is unreadable: the folder's last commit cannot be finished; "
            "remove the folder's hidden files and rerun"
        ) from None
    names = {"findings", "reports", "errors", "texts", "manifest"}
    try:
        for src, dst in renames:
            s_path, d_path = out / src, out / dst
            if os.path.lexists(s_path):
                keep_stricter_mode(s_path, d_path)
                os.replace(s_path, d_path)
            elif not os.path.lexists(d_path):
                raise OutputError(
                    f"cannot finish the interrupted commit in {out}: {src} is missing"
                )
            stem = dst.split(".")[0]
            step(f"publish:{stem if stem in names else dst}")
        fsync_dir(out)
        for name in remove:
            (out / name).unlink(missing_ok=True)
        step("cleanup")
        journal.unlink()
        fsync_dir(out)
    except OSError as exc:
        raise write_error(out, exc) from None
    step("done")
    return True


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_json(path: Path, data: Any, mode: int = OUTPUT_MODE) -> None:
    text = dumps(data, indent=2, sort_keys=True) + "\n"

    def write(fh: IO[bytes]) -> None:
        fh.write(text.encode("utf-8"))

    write_atomically(path, write, mode)


def failed_manifest(
    out: Path, manifest: dict[str, Any], exc: BaseException, counts: Counter[str]
) -> None:
    """What a failed run did, in manifest.failed.json: manifest.json stays the
    last good run's, so `review` never pairs its findings with other texts."""
    from calc_nlp.errors import exit_code_for

    try:
        record = dict(
            manifest,
            counts_so_far={s: counts.get(s, 0) for s in STATUSES},
            finished=datetime.now(UTC).isoformat(timespec="seconds"),
            exit_code=exit_code_for(exc),
            error=exc.__class__.__name__,
        )
        atomic_json(out / FAILED_MANIFEST, record, OUTPUT_MODE)
    except (OSError, CalcNlpError):
        pass
