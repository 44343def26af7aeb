"""Regenerate the golden demo outputs (`make golden`); review them as a diff."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from calc_nlp.runner import RunOptions, run

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run(RunOptions(str(ROOT / "corpora" / "demo" / "reports.csv"), tmp, workers=1))
        for name in ("findings.csv", "reports.csv"):
            shutil.copyfile(Path(tmp) / name, GOLDEN / f"demo_{name}")
    print(
        f"wrote {GOLDEN}/demo_findings.csv and demo_reports.csv; review with git diff"
    )


if __name__ == "__main__":
    main()
