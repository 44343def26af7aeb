"""The command line: run, explain, evaluate, help, errors and quietness."""

from __future__ import annotations

import csv
import subprocess

import pytest
from click.testing import CliRunner

from calc_nlp import __version__
from calc_nlp.cli import main
from calc_nlp.schema import FINDING_COLUMNS, FLAGS, REPORT_COLUMNS

from .conftest import DEMO, calc_nlp_cmd


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "out"
    result = CliRunner().invoke(
        main, ["run", str(DEMO / "reports.csv"), "-o", str(out), "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_run_writes_both_tables(demo_out):
    with open(demo_out / "findings.csv", encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == list(FINDING_COLUMNS)
    with open(demo_out / "reports.csv", encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == list(REPORT_COLUMNS)


def test_every_input_row_is_accounted_for(demo_out):
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        ids = [r["report_id"] for r in csv.DictReader(fh)]
    reports = _read(demo_out / "reports.csv")
    assert [r["report_id"] for r in reports] == ids
    assert {r["status"] for r in reports} == {"ok", "empty"}
    assert [int(r["row"]) for r in reports] == list(range(1, len(ids) + 1))
    empty = [r for r in reports if r["status"] == "empty"]
    assert [r["report_id"] for r in empty] == ["DEMO-030"]


def test_offsets_and_formats(demo_out):
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        texts = {r["report_id"]: r["text"] for r in csv.DictReader(fh)}
    rows = _read(demo_out / "findings.csv")
    assert rows
    for r in rows:
        assert (
            texts[r["report_id"]][int(r["start_char"]) : int(r["end_char"])]
            == r["mention"]
        )
        for b in FLAGS:
            assert r[b] in {"true", "false"}
        affirmed = r["negated"] == "false" and r["hypothetical"] == "false"
        assert (r["classification"] != "") == affirmed
        assert (r["confidence"] != "") == affirmed


def test_rows_in_input_then_text_order(demo_out):
    rows = _read(demo_out / "findings.csv")
    order = [r["report_id"] for r in _read(demo_out / "reports.csv")]
    keys = [(order.index(r["report_id"]), int(r["start_char"])) for r in rows]
    assert keys == sorted(keys)


def test_finding_id_stable_across_runs(demo_out, tmp_path):
    result = CliRunner().invoke(
        main, ["run", str(DEMO / "reports.csv"), "-o", str(tmp_path), "--workers", "1"]
    )
    assert result.exit_code == 0
    assert (tmp_path / "findings.csv").read_bytes() == (
        demo_out / "findings.csv"
    ).read_bytes()
    ids = [r["finding_id"] for r in _read(tmp_path / "findings.csv")]
    assert len(ids) == len(set(ids))


def test_missing_column_is_one_line_exit_2_and_nothing_written(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,Calcified granuloma.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert (
        result.output
        == "Error: no column 'report_id'; no column 'text'; the input has columns: 'id', 'body'\n"
    )
    assert not out.exists()


def test_custom_columns(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,body\nA1,Calcified granuloma in the RUL.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "run",
            str(src),
            "-o",
            str(tmp_path / "o"),
            "--id-col",
            "id",
            "--text-col",
            "body",
            "--workers",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    (row,) = _read(tmp_path / "o" / "findings.csv")
    assert (row["report_id"], row["site"], row["laterality"]) == ("A1", "lung", "right")


def test_explain_shows_rules():
    result = CliRunner().invoke(
        main,
        ["explain", "Calcified granuloma in the right upper lobe. No history of CKD."],
    )
    assert result.exit_code == 0, result.output
    assert "'Calcified granuloma'" in result.output
    assert "site: lung (right upper lobe), laterality: right" in result.output
    assert "class: dystrophic" in result.output and "rule1: granuloma" in result.output
    assert "mention M-calcified-x; site L-lung-right-upper-lobe" in result.output
    assert "conditions: -" in result.output


def test_explain_needs_text_or_file():
    result = CliRunner().invoke(main, ["explain"])
    assert result.exit_code == 2 and "give the report TEXT or --file" in result.output


def test_evaluate_writes_json(tmp_path):
    out = tmp_path / "eval.json"
    result = CliRunner().invoke(
        main, ["evaluate", str(DEMO / "gold.jsonl"), "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    import json

    figures = json.loads(out.read_text())
    assert 0 < figures["mention_f1"] <= 1
    assert "classification_confusion" in figures


def _commands(group):
    yield []
    for name in group.commands:
        yield [name]


@pytest.mark.parametrize("args", list(_commands(main)))
def test_every_command_has_help(args):
    result = CliRunner().invoke(main, args + ["-h"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    cmd = main if not args else main.commands[args[0]]
    for param in cmd.params:
        if getattr(param, "param_type_name", "") == "option" and param.name not in (
            "help",
            "version",
        ):
            assert param.help, f"{args} --{param.name} has no help"


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_quiet_stderr_and_no_report_text(tmp_path):
    """A real process: nothing but our one summary line on stderr, and no report text."""
    out = tmp_path / "out"
    proc = subprocess.run(
        calc_nlp_cmd("run", str(DEMO / "reports.csv"), "-o", str(out)),
        capture_output=True,
        text=True,
        check=True,
    )
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "calc-nlp: info: done reports=30 findings="
    ), proc.stderr
    assert proc.stdout == ""
