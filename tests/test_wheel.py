"""The README's install route works outside the repo: `make dist`'s command
(`python -P -m build`) builds a wheel and an sdist, and `pip install
dist/calc_nlp-*.whl` into a fresh venv in a temp folder gives a `calc-nlp`
that runs with the patterns shipped inside the wheel.

The fresh venv installs the dependencies from the package index (pip's cache
makes it quick); nothing of this checkout is on its path.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tarfile
import venv
import zipfile

from calc_nlp import __version__
from calc_nlp.rules import FILES

from .conftest import ROOT


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert proc.returncode == 0, (cmd, proc.stdout[-2000:], proc.stderr[-2000:])
    return proc


def test_wheel_installs_and_runs_outside_repo(tmp_path):
    dist = tmp_path / "dist"
    # make dist's command; -P keeps the current folder off sys.path.
    _run([sys.executable, "-P", "-m", "build", "--outdir", str(dist), str(ROOT)])
    (wheel,) = dist.glob("calc_nlp-*.whl")
    (sdist,) = dist.glob("calc_nlp-*.tar.gz")
    names = zipfile.ZipFile(wheel).namelist()
    for f in (*FILES, "omop_concepts.json"):
        assert f"calc_nlp/patterns/{f}" in names
    assert "calc_nlp/review_template.html" in names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/"))]
    with tarfile.open(sdist) as tar:
        members = tar.getnames()
    assert any(m.endswith("/patterns/mentions.json") for m in members)

    # The README: pip install dist/calc_nlp-*.whl, in a fresh venv elsewhere.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # no PYTHONPATH from the caller's shell: a checkout's pipeline/ on it holds
    # the editable install's metadata, and pip would take calc-nlp as installed
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    _run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], env=env)
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    work = tmp_path / "elsewhere"
    work.mkdir()

    version = _run(["calc-nlp", "--version"], cwd=work, env=env).stdout
    assert version.strip().endswith(__version__), version
    (work / "one.csv").write_text(
        "report_id,text\nR1,Calcified granuloma in the right upper lobe.\n",
        encoding="utf-8",
    )
    _run(["calc-nlp", "run", "one.csv", "-o", "out", "--workers", "1"], cwd=work, env=env)
    with open(work / "out" / "findings.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["report_id"], r["classification"]) for r in rows] == [
        ("R1", "dystrophic")
    ]
    where = _run(
        [str(py), "-c", "import calc_nlp.rules as r; print(r.default_patterns_dir())"],
        cwd=work,
        env=env,
    ).stdout.strip()
    assert where.startswith(str(env_dir)), where
    listed = _run([str(py), "-m", "pip", "list"], env=env).stdout.lower()
    assert "pyspark" not in listed and "selenium" not in listed
