"""A cache of what calc-nlp builds from the rules, so that a run starts fast.

Values are plain data (dicts, lists, strings, numbers) stored with `marshal`,
one file per kind of value and key, in `$CALC_NLP_CACHE_DIR`, else
`$XDG_CACHE_HOME/calc-nlp`, else `~/.cache/calc-nlp` (`CALC_NLP_CACHE_DIR=off`
turns the cache off). The key is a digest of everything the value depends on:
the caller's inputs (the rule files' bytes), the versions of Python, calc-nlp,
spaCy and medspaCy, and the source of the modules that compute the value, so
a cached value is never stale: anything changed gives another file.

Never wrong, never in the way: a file is written to a temporary name and
renamed over (atomic; concurrent writers of one value write the same bytes,
or, for the regex cache, each a whole set of kept regexes), and holds a
checksum of its payload; a missing, corrupt, unreadable or foreign file reads as
absent (the value is rebuilt), and a folder that cannot be written only means
nothing is saved. The folder does not grow with every change of the rules:
a save keeps the `KEPT_PER_KIND` entries of its kind used last (a load marks
its entry used) and removes older ones, which later read as absent.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from importlib.util import find_spec
from pathlib import Path
from typing import Any

ENV = "CALC_NLP_CACHE_DIR"
_MAGIC = b"calc-nlp cache 2\n"
# The modules whose code computes cached values (relative to the package).
SOURCES = (
    "build_cache.py",
    "regex_cache.py",
    "import_regexes.py",
    "rules.py",
    "rule_files.py",
    "rule_checks.py",
    "rule_schema.py",
    "rule_descriptors.py",
    "rule_sides.py",
    "schema.py",
    "prefilter.py",
    "trie.py",
    "screen.py",
    "stages/analyze.py",
    "stages/literal_gate.py",
    "stages/descriptor_rules.py",
    "stages/toolkit.py",
    "stages/toolkit_cache.py",
    "stages/pattern_states.py",
    "stages/token_matcher.py",
    "stages/plain_affixes.py",
    "stages/new_words.py",
)
# Entries of one kind kept in the folder: rule sets (or calc-nlp versions)
# used in turn find theirs; older ones are removed when a new one is saved.
KEPT_PER_KIND = 8
_PACKAGE = Path(__file__).resolve().parent
_CONTEXT: str | None = None


def cache_dir() -> Path | None:
    """Where cached values live (None: caching is off)."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0") else Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "calc-nlp"


# The file of each library that states its version (read, not imported: a
# cache hit must not cost the import of spaCy).
_VERSION_FILES = {"spacy": "about.py", "medspacy": "_version.py"}


def _version(package: str) -> bytes:
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return b"absent"
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / _VERSION_FILES[package]).read_bytes()


def context() -> str:
    """What every cached value depends on besides its inputs: interpreter,
    library versions and our own code (computed once per process)."""
    global _CONTEXT
    if _CONTEXT is None:
        from calc_nlp import __version__

        h = hashlib.sha256()
        parts = [sys.version, sys.implementation.name, str(marshal.version)]
        parts.append(__version__)
        for part in parts:
            h.update(part.encode() + b"\0")
        for package in _VERSION_FILES:
            h.update(_version(package) + b"\0")
        for name in SOURCES:
            h.update((_PACKAGE / name).read_bytes())
        _CONTEXT = h.hexdigest()
    return _CONTEXT


def _path(kind: str, inputs: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        ctx = context()
    except Exception:  # noqa: BLE001 - sources or versions unreadable: no key to trust
        return None
    key = hashlib.sha256(f"{kind}\0{inputs}\0{ctx}".encode()).hexdigest()
    return folder / f"{kind}-{key[:32]}.marshal"


def _checksum(payload: bytes) -> bytes:
    """The payload's length and CRC-32 (`_SUM_SIZE` bytes): a file cut short
    or with damaged bytes fails it (CRC-32 finds any one run of damaged bits
    up to 32 long, and others but for one in four billion), at a fifth of
    the cost of a cryptographic hash on the large entries; no defence
    against a deliberate edit, which no checksum stored beside the payload
    is either."""
    return len(payload).to_bytes(8, "big") + zlib.crc32(payload).to_bytes(4, "big")


_SUM_SIZE = 12


def load(kind: str, inputs: str) -> Any | None:
    """The value cached for `kind` and `inputs` (a digest of them), or None."""
    path = _path(kind, inputs)
    if path is None:
        return None
    try:
        data = path.read_bytes()
        if not data.startswith(_MAGIC):
            return None
        head = len(_MAGIC) + _SUM_SIZE
        digest, payload = data[len(_MAGIC) : head], data[head:]
        if _checksum(payload) != digest:
            return None
        value = marshal.loads(payload)
    except Exception:  # noqa: BLE001 - unreadable or corrupt: rebuilt by the caller
        return None
    _mark_used(path)
    return value


def _mark_used(path: Path) -> None:
    """Set the entry's modification time to now: `_prune` keeps the entries
    used last (a read-only folder keeps its times)."""
    try:
        os.utime(path)
    except OSError:
        pass


def _prune(path: Path, kind: str) -> None:
    """Remove the entries of `kind` beyond the `KEPT_PER_KIND` used last,
    never `path` (the one just saved). A process reading one removed here
    finds it absent and rebuilds the value."""
    try:
        entries = [p for p in path.parent.glob(f"{kind}-*.marshal") if p != path]
        by_age = sorted(entries, key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in by_age[KEPT_PER_KIND - 1 :]:
        try:
            old.unlink()
        except OSError:
            pass


def save(kind: str, inputs: str, value: Any) -> bool:
    """Store `value` (plain data) for `kind` and `inputs`; False if it was not
    saved (caching off, a read-only folder, a value marshal cannot store)."""
    path = _path(kind, inputs)
    if path is None:
        return False
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return False
    tmp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + _checksum(payload) + payload)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
    _prune(path, kind)
    return True
