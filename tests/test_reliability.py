"""Scheduled-job reliability: every row accounted for, hostile input, atomic
outputs, kill and resume, lock, incremental runs, exit codes, no PHI leaks."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc_nlp.cli import main
from calc_nlp.csv_reader import read_csv
from calc_nlp.jsonl_reader import read_jsonl
from calc_nlp.writers import PartialTable

from .conftest import DEMO, calc_nlp_cmd


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def write_csv(path: Path, rows, header=("report_id", "text"), **kw):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, **kw)
        if header:
            w.writerow(header)
        w.writerows(rows)
    return path


def reports(out: Path):
    with open(out / "reports.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def findings(out: Path):
    with open(out / "findings.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def errors(out: Path):
    with open(out / "errors.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ------------------------------------------------------------ hostile input


def test_missing_column_exit_2_nothing_written(tmp_path):
    src = write_csv(tmp_path / "in.csv", [["1", "x"]], header=("id", "body"))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert (
        r.exit_code == 2
        and "no column 'text'; the input has columns: 'id', 'body'" in r.output
    )
    assert not (tmp_path / "o").exists()


def test_empty_file_is_unreadable_input(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b"")
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 3 and r.output == "Error: input is empty: no header row\n"


def test_missing_input_file(tmp_path):
    r = cli("run", tmp_path / "nope.csv", "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 3 and "cannot read" in r.output


def test_header_only_gives_empty_tables(tmp_path):
    src = write_csv(tmp_path / "in.csv", [])
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    assert reports(tmp_path / "o") == [] and findings(tmp_path / "o") == []


def test_output_not_writable(tmp_path):
    src = write_csv(tmp_path / "in.csv", [["1", "Calcified granuloma."]])
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = cli("run", src, "-o", blocker / "sub", "--workers", 1)
    assert r.exit_code == 4 and "cannot write" in r.output


def test_stdin_cannot_resume(tmp_path):
    r = CliRunner().invoke(
        main,
        ["run", "-", "-o", str(tmp_path / "o"), "--resume"],
        input="report_id,text\n1,x\n",
    )
    assert r.exit_code == 2 and "--resume needs an input file" in r.output


HOSTILE_TEXTS = {
    "nul": "Calcified granuloma in the RUL.\x00 Pelvic phleboliths. ZEBRA-NUL-7.",
    "crlf": "FINDINGS:\r\nPelvic phleboliths.\r\nZEBRA-CRLF-8",
    "long": "Calcified granuloma in the RUL. " + "Normal. " * 20000 + "ZEBRA-LONG-9",
    "quotes": 'He said "calcified, granuloma"; ZEBRA,QUOTE "x"',
    "patho": "calcification " + "a:" * 50000,
    "formula": '=HYPERLINK("x") calcified node ZEBRA-FORMULA',
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One file with every kind of hostile row, run once."""
    tmp = tmp_path_factory.mktemp("hostile")
    lines = [b"\xef\xbb\xbfreport_id,text\r\n"]  # UTF-8 BOM, Windows line ends
    rows = [
        ("H1", HOSTILE_TEXTS["nul"]),
        ("H2", HOSTILE_TEXTS["crlf"]),
        ("H3", HOSTILE_TEXTS["long"]),  # > 131,072 characters in one field
        ("H4", HOSTILE_TEXTS["quotes"]),
        ("H5", ""),
        ("H1", "Duplicate id ZEBRA-DUP"),
        ("H6", HOSTILE_TEXTS["patho"]),
        ("=H7", HOSTILE_TEXTS["formula"]),
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    lines.append(buf.getvalue().encode("utf-8"))
    lines.append(b'H8,"bad bytes \xff\xfe calcified node ZEBRA-BYTES"\r\n')
    lines.append(b"H9,too,many,fields ZEBRA-RAGGED\r\n")
    lines.append(b"\x00\x01\x02garbage\x9c\xb0 ZEBRA-GARBAGE\r\n")
    src = tmp / "hostile.csv"
    src.write_bytes(b"".join(lines))
    out = tmp / "out"
    t0 = time.perf_counter()
    r = cli("run", src, "-o", out, "--workers", 2, "--chunk-size", 3)
    return {"src": src, "out": out, "result": r, "seconds": time.perf_counter() - t0}


def test_hostile_rows_in_equal_rows_out(hostile):
    assert hostile["result"].exit_code == 1, hostile[
        "result"
    ].output  # completed, rows in errors.csv
    rows = reports(hostile["out"])
    assert [r["row"] for r in rows] == [str(i) for i in range(1, 12)]
    status = {r["row"]: (r["report_id"], r["status"], r["reason"]) for r in rows}
    assert status["5"] == ("H5", "empty", "")
    assert status["6"] == ("H1", "duplicate_id", "duplicate_id")
    assert status["10"] == (
        "",
        "error",
        "ragged_row",
    )  # a shifted id may be text: not kept
    assert status["11"][1] == "error"
    assert {e["row"] for e in errors(hostile["out"])} == {"6", "10", "11"}


def test_hostile_nul_kept_and_offsets_hold(hostile):
    f = [x for x in findings(hostile["out"]) if x["report_id"] == "H1"]
    assert [x["mention"] for x in f] == [
        "Calcified granuloma",
        "Pelvic phleboliths",
    ]  # after the NUL too
    assert (
        HOSTILE_TEXTS["nul"][int(f[1]["start_char"]) : int(f[1]["end_char"])]
        == "Pelvic phleboliths"
    )
    r = [x for x in reports(hostile["out"]) if x["row"] == "1"][0]
    # the text hash is of the text with its NUL: nothing was cut
    import hashlib

    assert r["text_sha256"] == hashlib.sha256(HOSTILE_TEXTS["nul"].encode()).hexdigest()


def test_hostile_long_field_processed(hostile):
    assert len(HOSTILE_TEXTS["long"]) > 131072
    f = [x for x in findings(hostile["out"]) if x["report_id"] == "H3"]
    assert [x["mention"] for x in f] == ["Calcified granuloma"]
    assert [x for x in reports(hostile["out"]) if x["report_id"] == "H3"][0][
        "notes"
    ] == "split_long_text"


def test_hostile_invalid_bytes_replaced_and_noted(hostile):
    r = [x for x in reports(hostile["out"]) if x["report_id"] == "H8"][0]
    assert r["status"] == "ok" and r["notes"] == "invalid_encoding"
    assert [
        x["mention"] for x in findings(hostile["out"]) if x["report_id"] == "H8"
    ] == ["calcified node"]


def test_hostile_pathological_text_does_not_stall(hostile):
    r = [x for x in reports(hostile["out"]) if x["report_id"] == "H6"][0]
    assert r["status"] == "ok" and r["n_findings"] == "1"
    assert hostile["seconds"] < 60


def test_five_megabyte_report(tmp_path):
    body = "Lungs are clear. Heart size is normal. No effusion.\n" * 100_000
    text = (
        body[: len(body) // 2]
        + "Calcified granuloma in the RUL.\n"
        + body[len(body) // 2 :]
    )
    assert len(text) > 5_000_000
    src = write_csv(
        tmp_path / "in.csv", [["BIG", text], ["SMALL", "Pelvic phleboliths."]]
    )
    t0 = time.perf_counter()
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    assert time.perf_counter() - t0 < 60
    f = findings(tmp_path / "o")
    assert [(x["report_id"], x["mention"]) for x in f] == [
        ("BIG", "Calcified granuloma"),
        ("SMALL", "Pelvic phleboliths"),
    ]
    assert (
        text[int(f[0]["start_char"]) : int(f[0]["end_char"])] == "Calcified granuloma"
    )
    assert [x["notes"] for x in reports(tmp_path / "o")] == ["split_long_text", ""]


def test_formula_cells_neutralised(hostile):
    ids = [r["report_id"] for r in reports(hostile["out"])]
    assert "'=H7" in ids and "=H7" not in ids


def test_neutralised_cell_is_not_the_same_as_a_quoted_one(tmp_path):
    """'=x and =x are two reports: neutralised, both were written '=x, and a
    --since-manifest run read the first back as =x and skipped =x as
    unchanged, a report no run had processed."""
    text = "Calcified granuloma."
    first = write_csv(tmp_path / "a.csv", [["'=x", text], ["'abc", "y"]])
    assert cli("run", first, "-o", tmp_path / "a", "--workers", 1).exit_code == 0
    assert [r["report_id"] for r in reports(tmp_path / "a")] == ["''=x", "'abc"]
    second = write_csv(tmp_path / "b.csv", [["=x", text], ["'=x", text]])
    r = cli(
        "run",
        second,
        "-o",
        tmp_path / "b",
        "--workers",
        1,
        "--since-manifest",
        tmp_path / "a" / "manifest.json",
    )
    assert r.exit_code == 0, r.output
    assert [(x["report_id"], x["status"]) for x in reports(tmp_path / "b")] == [
        ("'=x", "ok"),
        ("''=x", "unchanged"),
    ]


def test_raw_keeps_formula_cells(tmp_path):
    src = write_csv(tmp_path / "in.csv", [["=H7", "calcified node"], ["+1", "-x"]])
    assert cli("run", src, "-o", tmp_path / "o", "--workers", 1, "--raw").exit_code == 0
    assert [r["report_id"] for r in reports(tmp_path / "o")] == ["=H7", "+1"]


def test_jsonl_non_string_ids_and_bad_lines(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"report_id": 17, "text": "Pelvic phleboliths."}\n'
        "not json\n"
        '["a list"]\n'
        '{"report_id": null, "text": "x"}\n'
        '{"report_id": 2.0, "text": 5}\n',
        encoding="utf-8",
    )
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1
    got = [(x["report_id"], x["status"], x["reason"]) for x in reports(tmp_path / "o")]
    assert got == [
        ("17", "ok", ""),
        ("", "error", "invalid_json"),
        ("", "error", "not_an_object"),
        ("", "error", "missing_id"),
        ("2", "error", "text_not_a_string"),
    ]


def test_max_errors_fails_and_keeps_previous_outputs(tmp_path):
    good = write_csv(tmp_path / "good.csv", [["1", "Pelvic phleboliths."]])
    out = tmp_path / "o"
    assert cli("run", good, "-o", out, "--workers", 1).exit_code == 0
    before = (out / "findings.csv").read_bytes()
    bad = write_csv(tmp_path / "bad.csv", [["1", "x"], ["1", "y"], ["1", "z"]])
    r = cli("run", bad, "-o", out, "--workers", 1, "--max-errors", 1)
    assert r.exit_code == 6 and "more than --max-errors 1" in r.output
    assert (out / "findings.csv").read_bytes() == before
    # manifest.json stays the last good run's; the failure has its own record
    assert json.loads((out / "manifest.json").read_text())["exit_code"] == 0
    assert json.loads((out / "manifest.failed.json").read_text())["exit_code"] == 6


# ------------------------------------------------------------ lock


def test_second_run_exits_at_once_when_locked(tmp_path):
    src = write_csv(tmp_path / "in.csv", [["1", "Pelvic phleboliths."]])
    out = tmp_path / "o"
    out.mkdir()
    with open(out / ".calc-nlp.lock", "a") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        t0 = time.perf_counter()
        r = cli("run", src, "-o", out, "--workers", 1)
        assert r.exit_code == 5 and "lock .calc-nlp.lock is held" in r.output
        assert time.perf_counter() - t0 < 10
    assert cli("run", src, "-o", out, "--workers", 1).exit_code == 0


# ------------------------------------------------------------ kill and resume


def _big_input(path: Path, n: int) -> Path:
    with open(DEMO / "reports.csv", encoding="utf-8", newline="") as fh:
        demo = [r["text"] for r in csv.DictReader(fh)]
    return write_csv(
        path, [[f"K{i:05d}", demo[i % len(demo)] + f" Ref {i}."] for i in range(n)]
    )


def _cmd(src, out, *extra):
    return calc_nlp_cmd(
        "run",
        str(src),
        "-o",
        str(out),
        "--workers",
        "1",
        "--chunk-size",
        "20",
        "--checkpoint-seconds",
        "0",
        "-q",
        *extra,
    )


def test_kill_then_resume_equals_uninterrupted(tmp_path):
    src = _big_input(tmp_path / "in.csv", 1500)
    ref = tmp_path / "ref"
    subprocess.run(_cmd(src, ref), check=True)
    out = tmp_path / "out"
    proc = subprocess.Popen(_cmd(src, out))
    progress = out / ".progress.json"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if json.loads(progress.read_text())["rows_done"] >= 300:
                break
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = json.loads(progress.read_text())["rows_done"]
    assert 300 <= done < 1500, done
    assert not (out / "findings.csv").exists()  # nothing half-written in place
    r = subprocess.run(_cmd(src, out, "--resume"), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for name in ("findings.csv", "reports.csv", "errors.csv", "texts.jsonl"):
        assert (out / name).read_bytes() == (ref / name).read_bytes(), name
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["resumed_from_row"] >= 300 and manifest["reports"] == 1500
    ids = [r["report_id"] for r in reports(out)]
    assert len(ids) == len(set(ids)) == 1500


def test_killed_run_leaves_previous_outputs(tmp_path):
    small = write_csv(tmp_path / "small.csv", [["1", "Pelvic phleboliths."]])
    out = tmp_path / "out"
    subprocess.run(_cmd(small, out), check=True)
    before = (out / "findings.csv").read_bytes()
    src = _big_input(tmp_path / "in.csv", 1500)
    proc = subprocess.Popen(_cmd(src, out))
    deadline = time.time() + 120
    while time.time() < deadline and not (out / ".progress.json").exists():
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (out / "findings.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("first", "second"), [("csv", "parquet"), ("parquet", "jsonl")]
)
def test_a_run_in_another_format_removes_the_earlier_tables(tmp_path, first, second):
    """A rerun into the same folder with another --format used to leave the
    earlier run's findings and reports (its mentions and sentences) next to
    the new ones, which its manifest does not describe: they are removed by
    the commit, as texts.jsonl is after a --no-texts run."""
    old = write_csv(tmp_path / "old.csv", [["1", "Calcified granuloma in the RUL."]])
    new = write_csv(tmp_path / "new.csv", [["2", "Pelvic phleboliths."]])
    out = tmp_path / "out"
    assert cli("run", old, "-o", out, "--format", first).exit_code == 0
    assert cli("run", new, "-o", out, "--format", second).exit_code == 0
    tables = sorted(
        p.name for p in out.iterdir() if p.name.startswith(("findings", "reports"))
    )
    assert tables == [f"findings.{second}", f"reports.{second}"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["outputs"]["findings"] == f"findings.{second}"


# ------------------------------------------------------------ incremental


def test_since_manifest_skips_unchanged(tmp_path):
    first = write_csv(
        tmp_path / "a.csv",
        [["1", "Pelvic phleboliths."], ["2", "Calcified granuloma in the RUL."]],
    )
    o1 = tmp_path / "o1"
    assert cli("run", first, "-o", o1, "--workers", 1).exit_code == 0
    second = write_csv(
        tmp_path / "b.csv",
        [
            ["1", "Pelvic phleboliths."],
            ["2", "No calcification."],
            ["3", "Severe MAC."],
        ],
    )
    o2 = tmp_path / "o2"
    assert (
        cli(
            "run",
            second,
            "-o",
            o2,
            "--workers",
            1,
            "--since-manifest",
            o1 / "manifest.json",
        ).exit_code
        == 0
    )
    assert [(r["report_id"], r["status"]) for r in reports(o2)] == [
        ("1", "unchanged"),
        ("2", "ok"),
        ("3", "ok"),
    ]
    assert {f["report_id"] for f in findings(o2)} == {"2", "3"}


# ------------------------------------------------------------ manifest


def test_manifest_records_run(tmp_path):
    out = tmp_path / "o"
    assert cli("run", DEMO / "reports.csv", "-o", out, "--workers", 1).exit_code == 0
    m = json.loads((out / "manifest.json").read_text())
    assert m["tool"] == "calc-nlp" and m["exit_code"] == 0 and m["reports"] == 30
    assert m["counts"]["ok"] == 29 and m["counts"]["empty"] == 1
    assert len(m["inputs"][0]["sha256"]) == 64 and m["rules_version"]
    assert m["seconds"] > 0 and "tokenize" in m["stage_seconds"]


# ------------------------------------------------------------ no PHI anywhere


@pytest.mark.parametrize(
    "opts",
    [
        [],
        ["--log-format", "json"],
        ["--quiet"],
        ["--workers", "2"],
        ["--max-errors", "0"],
    ],
)
def test_no_report_text_in_logs_or_side_files(hostile, tmp_path, opts):
    out = tmp_path / "o"
    proc = subprocess.run(
        calc_nlp_cmd("run", hostile["src"], "-o", out, "--workers", 1, *opts),
        capture_output=True,
        text=True,
    )
    assert proc.returncode in (1, 6), proc.stderr
    tables = ("findings.csv", "reports.csv", "texts.jsonl")  # the outputs hold text
    side = [p for p in out.iterdir() if p.name not in tables]
    blobs = [proc.stderr, proc.stdout] + [
        p.read_text(encoding="utf-8", errors="replace") for p in side if p.is_file()
    ]
    for blob in blobs:
        assert (
            "ZEBRA" not in blob
            and "granuloma" not in blob.lower()
            and "phlebolith" not in blob.lower()
        )


# ------------------------------------------------------------ patterns


def _edited_patterns(tmp_path, name, edit):
    """A copy of the bundled patterns with one file edited, and a run that uses it."""
    import shutil

    from calc_nlp.rules import default_patterns_dir

    d = tmp_path / "p"
    shutil.copytree(
        default_patterns_dir(), d, ignore=shutil.ignore_patterns("*.py", "__pycache__")
    )
    data = json.loads((d / name).read_text())
    edit(data)
    (d / name).write_text(json.dumps(data))
    return cli(
        "run",
        DEMO / "reports.csv",
        "-o",
        tmp_path / "o",
        "--patterns",
        d,
        "--workers",
        1,
    )


def test_user_patterns_schema_error_names_file_rule_key(tmp_path):
    r = _edited_patterns(
        tmp_path, "cues.json", lambda d: d["target_rules"][0].update(colour="red")
    )
    assert r.exit_code == 2
    assert "cues.json, rule Q-granuloma-granuloma, key 'colour'" in r.output


def test_catastrophic_regex_refused(tmp_path):
    r = _edited_patterns(
        tmp_path,
        "mentions.json",
        lambda d: d["target_rules"][0].update(
            pattern=[{"LOWER": {"REGEX": "^(a+)+$"}}]
        ),
    )
    assert r.exit_code == 2
    assert "rule M-calcification" in r.output and "backtrack" in r.output
    assert not (tmp_path / "o").exists()


# ------------------------------------------------------------ round trips

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.tuples(TEXT.filter(lambda s: s.strip() != "" and s == s.strip()), TEXT),
        max_size=8,
    ),
    st.sampled_from([",", ";", "\t", "|"]),
)
def test_csv_reader_round_trip(rows, delim):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    w.writerow(["report_id", "text"])
    w.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    got = [
        (r.report_id, r.text)
        for r in read_csv(io.BytesIO(data), "report_id", "text", delimiter=delim)
        if not r.problem
    ]
    assert got == rows


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.tuples(TEXT.filter(lambda s: s.strip() != "" and s == s.strip()), TEXT),
        max_size=8,
    )
)
def test_jsonl_reader_round_trip(rows):
    data = "".join(
        json.dumps({"report_id": i, "text": t}) + "\n" for i, t in rows
    ).encode()
    assert [
        (r.report_id, r.text) for r in read_jsonl(io.BytesIO(data), "report_id", "text")
    ] == rows


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(TEXT, TEXT), max_size=8), st.sampled_from(["csv", "jsonl"]))
def test_writer_round_trip(tmp_path_factory, rows, fmt):
    out = tmp_path_factory.mktemp("w")
    t = PartialTable(out, f"t.{fmt}", ("a", "b"), fmt, people=False)
    t.open(None)
    for a, b in rows:
        t.write({"a": a, "b": b})
    t.commit()
    if fmt == "csv":
        with open(out / "t.csv", encoding="utf-8", newline="") as fh:
            back = [(r["a"], r["b"]) for r in csv.DictReader(fh)]
    else:
        back = [
            (d["a"], d["b"])
            for d in map(json.loads, open(out / "t.jsonl", encoding="utf-8"))
        ]
    assert back == rows
