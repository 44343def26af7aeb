"""Review page builder, decision join and corpus import (unit level)."""

from __future__ import annotations

import csv
import json
import re

import pytest
from click.testing import CliRunner

from calc_nlp.cli import main
from calc_nlp.corpus import validate_record
from calc_nlp.review import (
    DECISION_COLUMNS,
    build_page,
    fingerprint,
    import_decisions,
    load_run,
)

from .conftest import DEMO


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out"
    assert (
        CliRunner()
        .invoke(
            main, ["run", str(DEMO / "reports.csv"), "-o", str(out), "--workers", "1"]
        )
        .exit_code
        == 0
    )
    return out


def _data(page: str) -> dict:
    blob = re.search(
        r'<script type="application/json" id="data">(.*?)</script>', page, re.S
    ).group(1)
    return json.loads(blob)


def test_page_is_self_contained(run_dir):
    page, stats = build_page(run_dir)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert stats == {
        "findings": 113,
        "reports": 26,
        "texts": 26,
        "mismatched": 0,
        "decisions": 0,
        "changed": 0,
        "gone": 0,
        "texts_missing": "",
    }
    data = _data(page)
    assert len(data["findings"]) == 113 and len(data["reports"]) == 26
    assert data["statuses"] == {"ok": 29, "empty": 1}


def test_page_marks_findings_sites_modifiers_conditions(run_dir):
    data = _data(build_page(run_dir)[0])
    reports = {r["report_id"]: r for r in data["reports"]}
    r = reports["DEMO-003"]
    f = next(
        data["findings"][i]
        for i in r["findings"]
        if data["findings"][i]["mention"] == "Calcified granuloma"
    )
    assert r["text"][f["start"] : f["end"]] == "Calcified granuloma"
    assert ["right upper lobe"] == [
        r["text"][a:b] for a, b, k in f["marks"] if k == "site"
    ]
    neg = next(
        x for x in data["findings"] if x["report_id"] == "DEMO-004" and x["negated"]
    )
    assert any(k.startswith("modifier:NEGATED") for _, _, k in neg["marks"])
    r1 = reports["DEMO-001"]
    assert any(
        r1["text"][a:b]
        for a, b, name in r1["condition_marks"]
        if name == "chronic kidney disease"
    )


def test_text_cannot_break_out_of_the_data_block(tmp_path):
    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(
            [
                ["report_id", "text"],
                [
                    "X</script><script>alert(1)</script>",
                    "Pelvic phleboliths. </script><!--",
                ],
            ]
        )
    out = tmp_path / "o"
    assert (
        CliRunner()
        .invoke(main, ["run", str(src), "-o", str(out), "--workers", "1"])
        .exit_code
        == 0
    )
    page, _ = build_page(out)
    assert page.count("</script>") == 2  # the data block's and the code block's only
    assert _data(page)["reports"][0]["text"].endswith("</script><!--")


def _decisions(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=DECISION_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return path


def test_decisions_join_and_flag_changes(run_dir, tmp_path):
    run = load_run(run_dir)
    f0, f1 = run.findings[0], run.findings[1]
    path = _decisions(
        tmp_path / "d.csv",
        [
            {
                "finding_id": f0["finding_id"],
                "report_id": f0["report_id"],
                "decision": "accept",
                "classification": f0["classification"],
                "note": "",
                "reviewer": "AB",
                "time": "t",
                "output": fingerprint(f0),
            },
            {
                "finding_id": f1["finding_id"],
                "report_id": f1["report_id"],
                "decision": "reclassify",
                "classification": "dystrophic",
                "note": "n",
                "reviewer": "AB",
                "time": "t",
                "output": "stale0000000",
            },
            {
                "finding_id": "ffffffffffffffff",
                "report_id": "GONE",
                "decision": "reject",
                "classification": "",
                "note": "",
                "reviewer": "AB",
                "time": "t",
                "output": "x",
            },
        ],
    )
    page, stats = build_page(run_dir, decisions_path=str(path))
    assert (stats["decisions"], stats["changed"], stats["gone"]) == (3, 1, 1)
    assert (
        _data(page)["prior_decisions"][f1["finding_id"]]["classification"]
        == "dystrophic"
    )


def test_page_embeds_no_decision_of_findings_not_on_it(run_dir, tmp_path):
    """Decisions of another run's findings (their curators' notes may name
    patients) are only counted as gone: the page for this run used to embed
    every decision of the CSV."""
    run = load_run(run_dir)
    f0 = run.findings[0]
    mine = {
        "finding_id": f0["finding_id"],
        "report_id": f0["report_id"],
        "decision": "reclassify",
        "classification": "dystrophic",
        "note": "ours",
        "reviewer": "AB",
        "time": "t",
        "output": fingerprint(f0),
    }
    other = {
        **mine,
        "finding_id": "ffffffffffffffff",
        "report_id": "OTHER-RUN-ID",
        "note": "SECRET-NOTE",
    }
    path = _decisions(tmp_path / "d.csv", [mine, other])
    page, stats = build_page(run_dir, decisions_path=str(path))
    assert (stats["decisions"], stats["gone"]) == (2, 1)
    for leaked in ("SECRET-NOTE", "OTHER-RUN-ID", "ffffffffffffffff"):
        assert leaked not in page
    prior = _data(page)["prior_decisions"]
    assert prior == {f0["finding_id"]: mine}
    # what the page exports (its decisions) still imports as gold
    exported = _decisions(tmp_path / "exported.csv", list(prior.values()))
    gold, counts = import_decisions(exported, run_dir)
    assert counts["decisions"] == 1


def test_finding_ids_join_across_runs(run_dir, tmp_path):
    again = tmp_path / "again"
    assert (
        CliRunner()
        .invoke(
            main,
            [
                "run",
                str(DEMO / "reports.csv"),
                "-o",
                str(again),
                "--workers",
                "2",
                "--format",
                "jsonl",
            ],
        )
        .exit_code
        == 0
    )
    a = {f["finding_id"] for f in load_run(run_dir).findings}
    b = {f["finding_id"] for f in load_run(again).findings}
    assert a == b


def test_corpus_import_keeps_accepted_and_corrected(run_dir, tmp_path):
    run = load_run(run_dir)
    fs = [f for f in run.findings if f["report_id"] == "DEMO-003"]
    rows = []
    for i, f in enumerate(fs):
        decision = ["accept", "reclassify", "reject"][i % 3]
        rows.append(
            {
                "finding_id": f["finding_id"],
                "report_id": f["report_id"],
                "decision": decision,
                "classification": "indeterminate"
                if decision == "reclassify"
                else f["classification"],
                "note": "",
                "reviewer": "AB",
                "time": "t",
                "output": fingerprint(f),
            }
        )
    partial = next(f for f in run.findings if f["report_id"] == "DEMO-001")
    rows.append(
        {
            "finding_id": partial["finding_id"],
            "report_id": "DEMO-001",
            "decision": "accept",
            "classification": partial["classification"],
            "note": "",
            "reviewer": "AB",
            "time": "t",
            "output": "",
        }
    )
    path = _decisions(tmp_path / "d.csv", rows)
    gold, stats = import_decisions(path, run_dir)
    assert [g["report_id"] for g in gold] == [
        "DEMO-003"
    ]  # DEMO-001 is only partly decided
    (g,) = gold
    assert len(g["findings"]) == len(fs) - len(
        [r for r in rows[: len(fs)] if r["decision"] == "reject"]
    )
    assert validate_record(g, *_vocab()) == []
    reclassified = [
        x for x, r in zip(fs, rows, strict=False) if r["decision"] == "reclassify"
    ]
    got = {(x["start"], x["classification"]) for x in g["findings"]}
    for x in reclassified:
        assert (int(x["start_char"]), "indeterminate") in got


def _vocab():
    from calc_nlp.rules import load_rules

    r = load_rules()
    return set(r.sites), set(r.conditions)


def test_cli_review_and_import(run_dir, tmp_path):
    html = tmp_path / "review.html"
    r = CliRunner().invoke(main, ["review", str(run_dir), "-o", str(html)])
    assert r.exit_code == 0, r.output
    assert html.read_text(encoding="utf-8").startswith("<!doctype html>")
    bad = _decisions(
        tmp_path / "bad.csv",
        [
            {
                "finding_id": "x",
                "report_id": "y",
                "decision": "maybe",
                "classification": "",
                "note": "",
                "reviewer": "",
                "time": "",
                "output": "",
            }
        ],
    )
    r = CliRunner().invoke(main, ["corpus", "import", str(bad), str(run_dir)])
    assert r.exit_code == 2 and "unknown decision 'maybe'" in r.output


def test_review_needs_only_the_run_folder(run_dir, tmp_path):
    """A run's folder copied elsewhere, its input gone: texts and marks still show,
    and the NLP is never run again."""
    import shutil

    from calc_nlp import engine

    src = tmp_path / "export.csv"
    shutil.copy(DEMO / "reports.csv", src)
    out = tmp_path / "run"
    r = CliRunner().invoke(main, ["run", str(src), "-o", str(out), "--workers", "1"])
    assert r.exit_code == 0, r.output
    moved = tmp_path / "elsewhere" / "copy"
    shutil.copytree(out, moved)
    shutil.rmtree(out)
    src.unlink()

    def no_nlp(*args, **kwargs):
        raise AssertionError("review ran the NLP")

    saved = engine.Engine.__init__
    engine.Engine.__init__ = no_nlp
    try:
        page, stats = build_page(moved)
    finally:
        engine.Engine.__init__ = saved
    assert (stats["texts"], stats["reports"], stats["texts_missing"]) == (26, 26, "")
    data = _data(page)
    r3 = next(r for r in data["reports"] if r["report_id"] == "DEMO-003")
    f = next(
        data["findings"][i]
        for i in r3["findings"]
        if data["findings"][i]["mention"] == "Calcified granuloma"
    )
    assert r3["text"][f["start"] : f["end"]] == "Calcified granuloma"
    assert ["right upper lobe"] == [
        r3["text"][a:b] for a, b, k in f["marks"] if k == "site"
    ]
    assert any(
        name
        for _, _, name in next(
            r for r in data["reports"] if r["report_id"] == "DEMO-001"
        )["condition_marks"]
    )


def test_no_texts_run_keeps_no_texts_and_review_says_why(tmp_path):
    out = tmp_path / "o"
    args = ["run", str(DEMO / "reports.csv"), "-o", str(out), "--workers", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert (out / "texts.jsonl").exists()
    # the same folder again without texts: the earlier run's copy goes too
    assert CliRunner().invoke(main, [*args, "--no-texts"]).exit_code == 0
    assert not (out / "texts.jsonl").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    assert "texts" not in manifest["outputs"]
    assert manifest["options"]["keep_texts"] is False
    page, stats = build_page(out)
    assert stats["texts"] == 0 and "--no-texts" in stats["texts_missing"]
    data = _data(page)
    assert "--no-texts" in data["texts_missing"]
    assert all(r["text"] is None for r in data["reports"])
    html = tmp_path / "review.html"
    r = CliRunner().invoke(main, ["review", str(out), "-o", str(html)])
    assert (
        r.exit_code == 0
        and "no report texts: the run was made with --no-texts" in r.output
    )


def test_review_leaves_out_texts_that_are_not_the_run_s(run_dir, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(run_dir, copy)
    lines = (copy / "texts.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[0])
    row["text"] = row["text"].replace("a", "o", 1)  # edited after the run
    lines[0] = json.dumps(row)
    (copy / "texts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    page, stats = build_page(copy)
    assert (stats["texts"], stats["mismatched"]) == (25, 1)
    assert row["text"] not in page


def test_exported_decision_cells_read_back_as_the_curator_wrote_them():
    """The page's CSV cell (formulas neutralised as our tables are) is read
    back by `read_decisions` as it was: a note "'=q" or an id "'-1" keeps its
    quote (it used to come back as "=q", the id then joining no finding)."""
    import shutil
    import subprocess
    from importlib import resources

    from calc_nlp.review import unneutralise

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    template = resources.files("calc_nlp").joinpath("review_template.html")
    (cell,) = re.findall(r"^const cell = .*$", template.read_text("utf-8"), re.M)
    values = ["'=q", "''=q", "=SUM(A1)", "'-1", "'q", "it's", "@x", "plain"]
    script = f"{cell}\nfor (const v of {json.dumps(values)}) console.log(JSON.stringify(cell(v)));"
    lines = subprocess.run(
        [node, "-e", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    cells = [next(csv.reader([json.loads(line)])) for line in lines]
    assert [unneutralise(c) for (c,) in cells] == values


@pytest.mark.parametrize("name", ["findings.csv", "manifest.json", "texts.jsonl"])
def test_review_and_import_never_replace_the_run_s_own_files(run_dir, tmp_path, name):
    """`-o OUTDIR/findings.csv` used to replace the run's findings with the
    page (or the gold JSONL): refused, exit 2, the run's file as it was."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(run_dir, copy)
    before = (copy / name).read_bytes()
    decisions = _decisions(tmp_path / "d.csv", [])
    for args in (
        ["review", str(copy), "-o", str(copy / name)],
        ["corpus", "import", str(decisions), str(copy), "-o", str(copy / name)],
    ):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 2 and "one of the run's own files" in r.output
        assert (copy / name).read_bytes() == before


def test_review_page_and_gold_are_not_world_readable(run_dir, tmp_path):
    """The page and the gold JSONL hold report texts: created 0640 as the
    run's outputs are (they were 0644 under the usual umask)."""
    import os

    html, gold = tmp_path / "review.html", tmp_path / "gold.jsonl"
    decisions = _decisions(tmp_path / "d.csv", [])
    old = os.umask(0o022)
    try:
        for args in (
            ["review", str(run_dir), "-o", str(html)],
            ["corpus", "import", str(decisions), str(run_dir), "-o", str(gold)],
        ):
            assert CliRunner().invoke(main, args).exit_code == 0
    finally:
        os.umask(old)
    assert oct(html.stat().st_mode & 0o777) == oct(0o640)
    assert oct(gold.stat().st_mode & 0o777) == oct(0o640)
