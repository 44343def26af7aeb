"""Golden files: the demo run must reproduce the reviewed outputs byte for byte.

When a rule change alters them on purpose, run `make golden` and review the
diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import csv

import pytest

from calc_nlp.runner import RunOptions, run

from .conftest import DEMO, ROOT

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    run(RunOptions(str(DEMO / "reports.csv"), str(out), workers=1))
    return out


@pytest.mark.parametrize("name", ["findings.csv", "reports.csv"])
def test_demo_matches_golden(demo_run, name):
    got = (demo_run / name).read_text(encoding="utf-8").splitlines()
    want = (GOLDEN / f"demo_{name}").read_text(encoding="utf-8").splitlines()
    assert got == want


def test_golden_spot_checks():
    """Hand-checked rows of the golden file (guide §5 situations in the demo)."""
    with open(GOLDEN / "demo_findings.csv", encoding="utf-8", newline="") as fh:
        rows = {(r["report_id"], r["mention"]): r for r in csv.DictReader(fh)}
    r = rows[("DEMO-003", "Calcified granuloma")]
    assert (r["site"], r["laterality"], r["classification"]) == (
        "lung",
        "right",
        "dystrophic",
    )
    r = rows[("DEMO-001", "Coronary artery calcifications")]
    assert r["classification"] == "metastatic" and r["evidence"].startswith(
        "rule3: chronic kidney disease"
    )
    r = rows[("DEMO-013", "Coronary artery calcification")]
    assert (
        r["classification"] == "dystrophic"
        and "rule3 blocked by serum calcium 9.6" in r["evidence"]
    )
