"""Key sets with flat memory: the duplicate-id set and --since-manifest's index."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from calc_nlp.batch.options import IDS_FILE, MEMORY_IDS
from calc_nlp.errors import CalcNlpError, InputError, OutputError
from calc_nlp.logs import Log
from calc_nlp.schema import STATUS_UNCHANGED
from calc_nlp.writers import OUTPUT_FORMATS, PRIVATE_MODE, create_new, read_table


class KeySet:
    """Keys (short digests) seen so far, with memory that stays flat: a set up to
    `limit` keys, then a SQLite file in the output folder (removed at the end)."""

    def __init__(self, folder: Path, name: str = IDS_FILE, limit: int | None = None):
        self.folder, self.name = folder, name
        self.limit = MEMORY_IDS if limit is None else limit
        self.mem: set[bytes] = set()
        self.db: sqlite3.Connection | None = None
        self.path = folder / name
        self.count = 0

    def _spill(self) -> None:
        try:
            os.close(create_new(self.path, PRIVATE_MODE))
            db = sqlite3.connect(self.path, isolation_level=None)
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("PRAGMA locking_mode=EXCLUSIVE")
            db.execute("PRAGMA cache_size=-4096")  # 4 MiB
            db.execute("CREATE TABLE k (k BLOB PRIMARY KEY) WITHOUT ROWID")
            db.execute("BEGIN")
            db.executemany("INSERT INTO k VALUES (?)", ((k,) for k in self.mem))
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(
                f"cannot write {self.path}: {getattr(exc, 'strerror', None) or exc.__class__.__name__}"
            ) from None
        self.db = db
        self.mem = set()

    def add(self, key: bytes) -> bool:
        """Add `key`; False if it was there already."""
        if self.db is None:
            if key in self.mem:
                return False
            self.mem.add(key)
            self.count += 1
            if len(self.mem) > self.limit:
                self._spill()
            return True
        try:
            cur = self.db.execute("INSERT OR IGNORE INTO k VALUES (?)", (key,))
        except sqlite3.Error as exc:
            raise OutputError(
                f"cannot write {self.path}: {exc.__class__.__name__}"
            ) from None
        if cur.rowcount == 1:
            self.count += 1
            return True
        return False

    def __contains__(self, key: bytes) -> bool:
        if self.db is None:
            return key in self.mem
        return (
            self.db.execute("SELECT 1 FROM k WHERE k = ?", (key,)).fetchone()
            is not None
        )

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        self.mem = set()
        self.path.unlink(missing_ok=True)


# -------------------------------------------------------------- incremental


def previous_index(
    manifest_path: str, rules_version: str, log: Log, keys: KeySet | None = None
) -> KeySet | set[bytes]:
    """Keys (id, text hash) that an earlier run processed with the same rules."""
    where = f"--since-manifest {manifest_path}"
    try:
        manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
        reports = Path(manifest_path).parent / str(manifest["outputs"]["reports"])
        fmt = manifest["options"]["output_format"]
        people = fmt == "csv" and not manifest["options"].get("raw", False)
    except KeyError as exc:
        raise InputError(
            f"cannot use {where}: not a calc-nlp manifest (key {exc.args[0]!r} missing)"
        ) from None
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"cannot use {where}: {exc.__class__.__name__}") from None
    if fmt not in OUTPUT_FORMATS:
        raise InputError(
            f"cannot use {where}: key 'output_format' is not a format we write"
        )
    out: KeySet | set[bytes] = keys if keys is not None else set()
    if manifest.get("rules_version") != rules_version:
        log.info(
            "since_manifest_ignored",
            reason="rules version changed",
            previous=manifest.get("rules_version"),
        )
        return out
    n = 0
    try:
        for row in read_table(reports, fmt, people):
            n += 1
            if row.get("status") in ("ok", "empty", STATUS_UNCHANGED) and row.get(
                "text_sha256"
            ):
                out.add(since_key(str(row["report_id"]), str(row["text_sha256"])))
    except CalcNlpError:
        raise
    except Exception as exc:  # noqa: BLE001 - a corrupt table is an input problem
        raise InputError(
            f"cannot use {where}: {reports.name} is unreadable after row {n} "
            f"({exc.__class__.__name__})"
        ) from None
    return out


def since_key(report_id: str, digest: str) -> bytes:
    return hashlib.blake2b(
        f"{report_id}\x1f{digest}".encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()


def id_key(report_id: str) -> bytes:
    return hashlib.blake2b(
        report_id.encode("utf-8", "surrogatepass"), digest_size=12
    ).digest()
