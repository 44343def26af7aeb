"""What a checkpoint records and what `--resume` accepts of it."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from calc_nlp.batch.commit import Outputs
from calc_nlp.batch.options import PROGRESS, RunOptions
from calc_nlp.readers import Record


def run_key(opts: RunOptions, rules_version: str) -> str:
    """What a resumed run must share with the killed one: options that shape the
    output. The input's content is checked separately (the consumed prefix)."""
    shape = {
        k: v
        for k, v in asdict(opts).items()
        if k not in ("workers", "resume", "chunk_size", "checkpoint_seconds")
    }
    shape["rules_version"] = rules_version
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:16]


def record_digest(r: Record) -> bytes:
    """What a checkpoint remembers of one consumed row (to key a resume on content)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(
        f"{r.row}\x1f{r.report_id}\x1f{r.problem}\x1f{r.note}\x1f".encode(
            "utf-8", "surrogatepass"
        )
    )
    h.update(r.text.encode("utf-8", "surrogatepass"))
    if r.kept:  # --keep-col: a resume also checks the kept values it wrote
        h.update(
            json.dumps(r.kept, ensure_ascii=False).encode("utf-8", "surrogatepass")
        )
    return h.digest()


def resume_state(out: Path, run_key: str, outputs: Outputs) -> dict[str, Any] | None:
    """The checkpoint to resume from, if it matches this run and every partial
    file still holds what it recorded (never publish a table not fully rebuilt)."""
    try:
        state = json.loads((out / PROGRESS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or state.get("run_key") != run_key:
        return None
    try:
        for name, t in outputs.tables.items():
            st = os.lstat(t.partial)
            if not (
                os.path.isfile(t.partial)
                and not os.path.islink(t.partial)
                and st.st_size >= int(state["offsets"][name])
            ):
                return None
        int(state["rows_done"]), dict(state["counts"])
    except (OSError, KeyError, TypeError, ValueError):
        return None
    return state
