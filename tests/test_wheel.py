"""The wheel carries patterns/ and runs from a fresh environment outside the repo."""

from __future__ import annotations

import csv
import os
import site
import subprocess
import sys
import venv
import zipfile

from calc_nlp.rules import FILES

from .conftest import DEMO, ROOT


def test_wheel_installs_and_runs_outside_repo(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("calc_nlp-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for f in (*FILES, "omop_concepts.json"):
        assert f"calc_nlp/patterns/{f}" in names
    assert "calc_nlp/review_template.html" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Dependencies (spaCy, medspaCy...) come from this environment's site-packages,
    # added as plain paths so that its editable calc_nlp is not seen.
    target = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = [p for p in site.getsitepackages() if os.path.isdir(p)]
    with open(os.path.join(target, "zz_test_deps.pth"), "w") as fh:
        fh.write("\n".join(deps) + "\n")

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    proc = subprocess.run(
        [
            str(env_dir / "bin" / "calc-nlp"),
            "run",
            str(DEMO / "reports.csv"),
            "-o",
            "out",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    where = subprocess.run(
        [str(py), "-c", "import calc_nlp.rules as r; print(r.default_patterns_dir())"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(env_dir)), where
    with open(work / "out" / "findings.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    golden = (ROOT / "tests" / "golden" / "demo_findings.csv").read_text(
        encoding="utf-8"
    )
    assert (
        rows and (work / "out" / "findings.csv").read_text(encoding="utf-8") == golden
    )
