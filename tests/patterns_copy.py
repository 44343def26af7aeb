"""A writable copy of the shipped rule files, for tests that edit or break them."""

from __future__ import annotations

import shutil
from pathlib import Path

from calc_nlp.rules import default_patterns_dir


def copy_patterns(tmp_path: Path) -> Path:
    """The patterns folder copied to `tmp_path / "patterns"` (data files only)."""
    dst = tmp_path / "patterns"
    shutil.copytree(
        default_patterns_dir(),
        dst,
        ignore=shutil.ignore_patterns("*.py", "__pycache__"),
    )
    return dst
