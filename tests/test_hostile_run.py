"""`calc-nlp run` attacked: nothing lost, nothing leaked, nothing hung.

One regression test (or a few) per defect found by an adversarial pass:
input overwritten, a kill at every step of the commit, one quote swallowing
the file, row values in error messages, orphan workers holding the lock,
hashing a long report once per finding, regexes that hang, bad rows that
crash, special files in a folder, a failed run replacing the manifest,
resume after a same-size edit, blank lines, JSON arrays and gzip, a full
disk, bad options crashing, UTF-16, planted symlinks and file modes, Ctrl-C's
exit code, and the memory of the duplicate-id set.
"""

from __future__ import annotations

import csv
import errno
import fcntl
import gzip
import hashlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from calc_nlp import runner
from calc_nlp.batch import commit
from calc_nlp.cli import main
from calc_nlp.logs import Log
from calc_nlp.runner import COMMIT_STEPS, RunOptions

from .conftest import DEMO, calc_nlp_cmd

SECRET = "ZEBRA-SECRET"


def cli(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], **kw)


def demo_run(tmp_path, pats):
    """`calc-nlp run` of the demo reports into tmp_path/o with the rule
    folder `pats`, one worker."""
    out = tmp_path / "o"
    return cli(
        "run", DEMO / "reports.csv", "-o", out, "--patterns", pats, "--workers", 1
    )


def write_csv(path: Path, rows, header=("report_id", "text")) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        if header:
            w.writerow(header)
        w.writerows(rows)
    return path


def table(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def demo_texts() -> list[str]:
    return [r["text"] for r in table(DEMO / "reports.csv")]


def big_input(path: Path, n: int, prefix: str = "K") -> Path:
    texts = demo_texts()
    return write_csv(
        path,
        [[f"{prefix}{i:05d}", texts[i % len(texts)] + f" Ref {i}."] for i in range(n)],
    )


def opts_for(src: Path, out: Path, **kw) -> RunOptions:
    base = dict(
        input=str(src),
        outdir=str(out),
        workers=1,
        chunk_size=10,
        checkpoint_seconds=0.0,
    )
    base.update(kw)
    return RunOptions(**base)


def in_child(fn) -> int:
    """Run `fn` in a forked copy of this process (the pipeline already built);
    its exit status. `os._exit` in the child: no cleanup, like a SIGKILL."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            fn()
        except BaseException:  # noqa: BLE001
            code = 3
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def killed_after_checkpoints(src: Path, out: Path, n: int) -> int:
    """A run into `out` killed (no cleanup, as SIGKILL) right after its n-th
    checkpoint, in a forked child; the child's exit status."""

    def run() -> None:
        real = runner.Outputs.checkpoint
        calls = []

        def checkpoint(self, state):
            real(self, state)
            calls.append(1)
            if len(calls) == n:
                os._exit(137)

        runner.Outputs.checkpoint = checkpoint
        runner.run(opts_for(src, out), Log(quiet=True))

    return in_child(run)


def outputs_of(out: Path, fmt: str) -> dict[str, bytes]:
    names = [f"findings.{fmt}", f"reports.{fmt}", "errors.csv"]
    return {n: (out / n).read_bytes() for n in names if (out / n).exists()}


def rows_of(path: Path) -> list[dict]:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    if path.suffix == ".jsonl":
        return [
            json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
        ]
    return table(path)


def children_of(pid: int) -> set[int]:
    kids = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        kids.add(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return kids


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for_progress(out: Path, proc: subprocess.Popen, rows: int = 1) -> None:
    deadline = time.time() + 120
    while time.time() < deadline:
        assert proc.poll() is None, "the run ended before it could be stopped"
        try:
            if json.loads((out / ".progress.json").read_text())["rows_done"] >= rows:
                return
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    raise AssertionError("no checkpoint within 120 s")


def lock_is_free(out: Path) -> bool:
    with open(out / ".calc-nlp.lock", "a") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return True


def copied_patterns(tmp_path: Path, edit=None, name="mentions.json") -> Path:
    from calc_nlp.rules import default_patterns_dir

    d = tmp_path / "p"
    shutil.copytree(
        default_patterns_dir(), d, ignore=shutil.ignore_patterns("*.py", "__pycache__")
    )
    if edit is not None:
        data = json.loads((d / name).read_text())
        edit(data)
        (d / name).write_text(json.dumps(data))
    return d


# ------------------------------------------------------- 1. input overwritten


@pytest.mark.parametrize("name", ["reports.csv", "findings.csv", "errors.csv"])
def test_input_overwritten_refused(tmp_path, name):
    d = tmp_path / "d"
    d.mkdir()
    src = write_csv(d / name, [["1", "Pelvic phleboliths."]])
    before = src.read_bytes()
    r = cli("run", src, "-o", d, "--workers", 1)
    assert r.exit_code == 2, r.output
    assert "would be replaced" in r.output
    assert src.read_bytes() == before


def test_input_overwritten_refused_through_a_link(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    src = write_csv(d / "reports.jsonl", [])
    src.write_text('{"report_id": "1", "text": "Pelvic phleboliths."}\n')
    link = tmp_path / "export.jsonl"
    os.link(src, link)  # another name for the same file
    before = src.read_bytes()
    r = cli("run", link, "-o", d, "--workers", 1, "--format", "jsonl")
    assert r.exit_code == 2 and src.read_bytes() == before


# ------------------------------------------------------- 2. kill during the commit


def test_commit_steps_all_reached(tmp_path):
    """The kill test below stops the run after each of these: all of them happen."""
    src = big_input(tmp_path / "in.csv", 30)
    seen: list[str] = []
    commit.COMMIT_HOOK = seen.append
    try:
        runner.run(opts_for(src, tmp_path / "o"), Log(quiet=True))
    finally:
        commit.COMMIT_HOOK = None
    assert tuple(seen) == COMMIT_STEPS


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("step", COMMIT_STEPS)
def test_commit_kill_at_every_step(tmp_path, fmt, step):
    src = big_input(tmp_path / "in.csv", 60)
    ref = tmp_path / "ref"
    runner.run(opts_for(src, ref, output_format=fmt), Log(quiet=True))
    out = tmp_path / "out"
    old = write_csv(tmp_path / "old.csv", [["OLD", "Pelvic phleboliths."]])
    runner.run(opts_for(old, out, output_format=fmt), Log(quiet=True))
    before = outputs_of(out, fmt)
    old_manifest = (out / "manifest.json").read_bytes()

    def killed_at_step() -> None:
        def hook(name: str) -> None:
            if name == step:
                os._exit(137)  # no cleanup at all, as SIGKILL

        commit.COMMIT_HOOK = hook
        runner.run(opts_for(src, out, output_format=fmt), Log(quiet=True))

    assert in_child(killed_at_step) == 137
    if COMMIT_STEPS.index(step) < COMMIT_STEPS.index("journal"):
        # not decided yet: what is in place is the previous run, untouched
        assert outputs_of(out, fmt) == before
        assert (out / "manifest.json").read_bytes() == old_manifest
    runner.run(opts_for(src, out, output_format=fmt, resume=True), Log(quiet=True))
    for name in (f"findings.{fmt}", f"reports.{fmt}", "errors.csv", "texts.jsonl"):
        assert rows_of(out / name) == rows_of(ref / name), name
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["findings"] == len(rows_of(out / f"findings.{fmt}"))
    assert manifest["reports"] == 60
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert leftovers == [".calc-nlp.lock"], leftovers


def test_commit_killed_then_resume_publishes_whole_tables(tmp_path):
    """The reported case, with a real SIGKILL between two renames, 2 workers, Parquet."""
    src = big_input(tmp_path / "in.csv", 400)
    ref = tmp_path / "ref"
    runner.run(opts_for(src, ref, output_format="parquet"), Log(quiet=True))
    out = tmp_path / "out"
    args = ["run", src, "-o", out, "--workers", 2, "--format", "parquet", "-q"]
    args += ["--chunk-size", 20, "--checkpoint-seconds", 0]
    env = dict(os.environ, CALC_NLP_TEST_KILL_AT="publish:findings")
    proc = subprocess.run(calc_nlp_cmd(*args), env=env, capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert (out / "findings.parquet").exists() and not (
        out / "reports.parquet"
    ).exists()
    proc = subprocess.run(
        calc_nlp_cmd(*args, "--resume"), capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "Exception ignored" not in proc.stderr
    for name in ("findings.parquet", "reports.parquet", "errors.csv", "texts.jsonl"):
        assert rows_of(out / name) == rows_of(ref / name), name
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["findings"] == len(rows_of(out / "findings.parquet"))


def test_resume_never_publishes_a_table_it_did_not_rebuild(tmp_path):
    """A checkpoint whose partial file is gone (or cut short) is not resumed from."""
    src = big_input(tmp_path / "in.csv", 60)
    ref = tmp_path / "ref"
    runner.run(opts_for(src, ref), Log(quiet=True))
    out = tmp_path / "out"

    assert killed_after_checkpoints(src, out, 3) == 137
    (out / ".findings.csv.partial").unlink()
    runner.run(opts_for(src, out, resume=True), Log(quiet=True))
    assert outputs_of(out, "csv") == outputs_of(ref, "csv")


def test_resume_of_joined_parts_skips_their_headers_again(tmp_path):
    """Parts joined with `cat`, killed after some chunks and resumed: the same
    tables as a run never stopped, the repeated headers (one before the kill,
    one after) neither reports nor lost from the manifest's count."""
    parts = [big_input(tmp_path / f"p{k}.csv", 25, prefix=f"J{k}") for k in range(3)]
    src = tmp_path / "all.csv"
    src.write_bytes(b"".join(p.read_bytes() for p in parts))
    ref = tmp_path / "ref"
    runner.run(opts_for(src, ref), Log(quiet=True))
    out = tmp_path / "out"
    assert killed_after_checkpoints(src, out, 4) == 137
    runner.run(opts_for(src, out, resume=True), Log(quiet=True))
    assert outputs_of(out, "csv") == outputs_of(ref, "csv")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["resumed_from_row"] == 40 and manifest["reports"] == 75
    assert manifest["repeated_headers"]["rows"] == [26, 52]
    assert "report_id" not in {r["report_id"] for r in table(out / "reports.csv")}


# ------------------------------------------------------- 3. unclosed quote


def _quoted_rows(n: int) -> list[bytes]:
    return [
        f'P{i:03d},"Pelvic phleboliths, report {i}."\r\n'.encode() for i in range(n)
    ]


def test_unclosed_quote_does_not_swallow_later_rows(tmp_path):
    lines = [b"report_id,text\r\n"] + _quoted_rows(100)
    lines[11] = b'P010,"Calcified granuloma, the quote is never closed.\r\n'
    src = tmp_path / "in.csv"
    src.write_bytes(b"".join(lines))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1, r.output  # never 0 with rows merged
    rows = table(tmp_path / "o" / "reports.csv")
    assert len(rows) == 100
    bad = [x for x in rows if x["status"] == "error"]
    assert [(x["row"], x["reason"]) for x in bad] == [("11", "malformed_quotes")]
    ok_ids = [x["report_id"] for x in rows if x["status"] == "ok"]
    assert ok_ids == [f"P{i:03d}" for i in range(100) if i != 10]
    per_id = {}
    for f in table(tmp_path / "o" / "findings.csv"):
        per_id[f["report_id"]] = per_id.get(f["report_id"], 0) + 1
    assert max(per_id.values()) == 1  # nobody's findings under another id
    errors = table(tmp_path / "o" / "errors.csv")
    assert [(e["row"], e["reason"]) for e in errors] == [("11", "malformed_quotes")]


def test_unclosed_quote_running_to_the_end_of_the_file_loses_no_row(tmp_path):
    """No later row holds a quote, so the unclosed one runs to the end of the
    file: the rows after it are still read, each once, in order."""
    lines = [b"report_id,text\r\n"] + [
        f"P{i:03d},Pelvic phleboliths {i}.\r\n".encode() for i in range(20)
    ]
    lines[6] = f'P005,"{SECRET} the quote is never closed\r\n'.encode()
    src = tmp_path / "in.csv"
    src.write_bytes(b"".join(lines))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1, r.output
    assert SECRET not in r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["row"], x["status"], x["report_id"]) for x in rows] == [
        (str(i + 1), "error" if i == 5 else "ok", "" if i == 5 else f"P{i:03d}")
        for i in range(20)
    ]
    assert len(table(tmp_path / "o" / "findings.csv")) == 19


def test_stray_quote_mid_file_does_not_merge_rows(tmp_path):
    lines = [b"report_id,text\r\n"] + _quoted_rows(10)
    lines[4] = b'P003,"opens here\r\n'  # closes at the next row's quote
    src = tmp_path / "in.csv"
    src.write_bytes(b"".join(lines))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1
    rows = table(tmp_path / "o" / "reports.csv")
    assert [x["report_id"] for x in rows if x["status"] == "ok"] == [
        f"P{i:03d}" for i in range(10) if i != 3
    ]
    assert SECRET not in r.output


def test_stray_quote_closed_by_a_later_row_with_the_header_width(tmp_path):
    """Item 3's corner: the stray quote's merged field ends at a later row's
    quote and the merged row has exactly the header's two fields, so neither
    the quoting nor the field count flags it; the rows inside the field do."""
    lines = [b"report_id,text\r\n"] + [
        f"P{i:03d},Pelvic phleboliths, report {i}.\r\n".replace(",", ',"', 1)
        .replace(".\r\n", '."\r\n')
        .encode()
        for i in range(10)
    ]
    lines[4] = f'P003,"{SECRET} opens here\r\n'.encode()
    lines[5] = f"P004,{SECRET} plain row\r\n".encode()
    lines[6] = b'P005,closes here"\r\n'  # P003's field now ends: 2 fields
    src = tmp_path / "in.csv"
    src.write_bytes(b"".join(lines))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1, r.output
    assert SECRET not in r.output
    rows = table(tmp_path / "o" / "reports.csv")
    bad = [(x["row"], x["reason"], x["report_id"]) for x in rows if x["status"] != "ok"]
    assert bad == [("4", "malformed_quotes", "")]
    assert [x["report_id"] for x in rows if x["status"] == "ok"] == [
        f"P{i:03d}" for i in range(10) if i != 3
    ]
    errors = (tmp_path / "o" / "errors.csv").read_text(encoding="utf-8")
    assert errors.splitlines()[1:] == ["4,,malformed_quotes"] and SECRET not in errors


def test_multiline_text_with_commas_is_not_a_stray_quote(tmp_path):
    """Lines of a real multi-line text that hold one comma (the header's width)
    are not rows of the file: their first field is not shaped like an id."""
    text = "FINDINGS: nodule, calcified.\nIMPRESSION: granuloma, old.\n2, 3 cm"
    src = write_csv(tmp_path / "in.csv", [["R1", text], ["R2", "No acute findings."]])
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    assert [x["status"] for x in table(tmp_path / "o" / "reports.csv")] == ["ok", "ok"]


@pytest.mark.parametrize("line", ["1,2 cm calcified nodule", "12, stable", "LM, A2, 0"])
def test_a_short_number_opening_a_report_line_is_not_a_row(tmp_path, line):
    """A line of a report that opens on a short number and a comma has the
    shape of a numeric id ('9'), not the length of the export's ids: it made
    the report a malformed_quotes error and its text a report of id "1"."""
    header = ("report_id", "text") if "LM" not in line else ("mrn", "report_id", "text")
    text = f"FINDINGS:\n{line}\nIMPRESSION: stable."
    rows = [["40213", text], ["40214", "Pelvic phleboliths."]]
    if "LM" in line:
        rows = [["p1", "A100", text], ["p2", "A101", "x"]]
    src = write_csv(tmp_path / "in.csv", rows, header=header)
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    got = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["status"]) for x in got] == [
        (rows[0][-2], "ok"),
        (rows[1][-2], "ok"),
    ]
    assert got[0]["text_sha256"] == hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("brk", ["\f", "\v", "\x1c", "\x85", "\u2028"])
def test_page_break_before_an_id_is_not_a_row_of_the_file(tmp_path, brk):
    """A row of the file starts after a CR or LF only: a page break (form
    feed) or another character str.splitlines cuts at, before a page header
    that repeats the id, made the report an error and its text a new row."""
    text = f"CT CHEST\nPage 1 of 2{brk}MRN100, page 2: calcified granuloma."
    src = write_csv(tmp_path / "in.csv", [["MRN100", text], ["MRN101", "x"]])
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["status"]) for x in rows] == [
        ("MRN100", "ok"),
        ("MRN101", "ok"),
    ]
    assert rows[0]["text_sha256"] == hashlib.sha256(text.encode()).hexdigest()


# ------------------------------------------------------- 4. no row values in messages


def _headerless(tmp_path) -> Path:
    return write_csv(
        tmp_path / "in.csv",
        [["MRN4411", f"Calcified granuloma {SECRET}"], ["MRN4412", "x"]],
        header=None,
    )


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_headerless_csv_not_printed(tmp_path, log_format):
    src = _headerless(tmp_path)
    proc = subprocess.run(
        calc_nlp_cmd(
            "run", src, "-o", tmp_path / "o", "--workers", 1, "--log-format", log_format
        ),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    blob = proc.stderr + proc.stdout
    assert SECRET not in blob and "MRN4411" not in blob and "granuloma" not in blob
    assert "does not look like a header (2 fields" in blob


def test_headerless_row_with_a_short_id_not_printed(tmp_path):
    """A first row of a short id (letters then a few digits) and a short
    text of plain words read as column names, and the error showed both."""
    src = write_csv(
        tmp_path / "in.csv", [["P12", "No acute findings"], ["P13", "x"]], header=None
    )
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 2, r.output
    assert "acute" not in r.output and "P12" not in r.output
    assert "2 fields" in r.output


def test_real_header_still_listed(tmp_path):
    src = write_csv(
        tmp_path / "in.csv", [["1", "x"]], header=("Accession No", "Report Text")
    )
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 2 and "'Accession No', 'Report Text'" in r.output


def test_parquet_and_gzip_read_as_csv_not_printed(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pqf = tmp_path / "in.parquet"
    pq.write_table(
        pa.table({"id": ["MRN4411"], "body": [f"Calcified {SECRET}"]}),
        pqf,
        compression="none",
    )
    r = cli("run", pqf, "-o", tmp_path / "o1", "--workers", 1, "--input-format", "csv")
    assert r.exit_code == 3 and SECRET not in r.output and "Parquet" in r.output
    gz = tmp_path / "in.csv.gz"
    gz.write_bytes(gzip.compress(_headerless(tmp_path).read_bytes()))
    r = cli("run", gz, "-o", tmp_path / "o2", "--workers", 1)
    assert r.exit_code == 2 and SECRET not in r.output and "MRN4411" not in r.output


# ------------------------------------------------------- 5. orphan workers, SIGTERM


def test_sigterm_stops_workers_and_frees_lock(tmp_path):
    src = big_input(tmp_path / "in.csv", 30000)
    out = tmp_path / "o"
    proc = subprocess.Popen(
        calc_nlp_cmd("run", src, "-o", out, "--workers", 2, "--checkpoint-seconds", 0),
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_progress(out, proc)
    workers = children_of(proc.pid)
    assert workers
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "SIGTERM" in err and "Traceback" not in err
    assert "Exception ignored" not in err
    deadline = time.time() + 10
    while time.time() < deadline and any(alive(p) for p in workers):
        time.sleep(0.1)
    assert not any(alive(p) for p in workers)
    assert lock_is_free(out)
    failed = json.loads((out / "manifest.failed.json").read_text())
    assert failed["exit_code"] == 143
    assert not (out / "findings.csv").exists()


@pytest.mark.parametrize("cache", ["on", "off"])
def test_a_killed_worker_ends_the_run_instead_of_hanging_it(tmp_path, cache):
    """A worker killed mid-run (the kernel's out-of-memory killer, an
    operator) breaks the pool: the run ends with exit 7 and frees its lock.
    Before, the run printed its error and then never exited: the parent's
    task queue still held rows no worker would read, and the exit waited for
    its feeder thread, blocked writing them. With the build cache off the
    workers were a ProcessPoolExecutor's, which waits for ever for the rest
    of a result its worker was killed sending."""
    texts = demo_texts()
    filler = " The heart size is normal." * 80  # rows that fill the task pipe
    src = write_csv(
        tmp_path / "in.csv",
        [[f"K{i:05d}", texts[i % len(texts)] + filler] for i in range(20000)],
    )
    out = tmp_path / "o"
    env = dict(
        os.environ,
        CALC_NLP_CACHE_DIR=str(tmp_path / "cache") if cache == "on" else "off",
    )
    if cache == "on":  # filled by a first run: the screen then comes from it
        small = write_csv(tmp_path / "small.csv", [["S1", texts[0]]])
        subprocess.run(
            calc_nlp_cmd("run", small, "-o", tmp_path / "s", "-q"), env=env, check=True
        )
    proc = subprocess.Popen(
        calc_nlp_cmd("run", src, "-o", out, "--workers", 2, "--checkpoint-seconds", 0),
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        wait_for_progress(out, proc)
        workers = children_of(proc.pid)
        assert workers
        os.kill(min(workers), signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 7, err
    assert "a worker process ended abruptly" in err and "Traceback" not in err
    assert lock_is_free(out)
    assert not (out / "findings.csv").exists()


# A pool stopped while its workers send large results: each task returns 20 MB,
# so a kill lands between a result's header and its payload most times. Before
# stop_pool closed the parent's end of the result pipe, the pool's manager
# thread then waited for ever for the payload, and the run, stopped by
# SIGTERM, never exited. Five stops in one process: each must end its manager.
STOP_WHILE_SENDING = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from calc_nlp.batch.workers import stop_pool

def big(_):
    return "y" * 20_000_000

for attempt in range(5):
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
    for _ in range(8):
        pool.submit(big, 0)
    time.sleep(0.3 + 0.05 * attempt)
    manager = pool._executor_manager_thread
    stop_pool(pool, ok=False)
    if manager.is_alive():
        print("manager thread still alive after attempt", attempt, file=sys.stderr)
        sys.stderr.flush()
        os._exit(1)  # the exit hook would join that thread for ever
print("ok")
"""


def test_pool_stopped_mid_result_ends_its_manager_thread_and_exits():
    proc = subprocess.run(
        [sys.executable, "-c", STOP_WHILE_SENDING],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"


def test_sigkill_parent_workers_die_and_lock_is_free_with_patterns(tmp_path):
    src = big_input(tmp_path / "in.csv", 30000)
    out = tmp_path / "o"
    pats = copied_patterns(tmp_path)
    proc = subprocess.Popen(
        calc_nlp_cmd(
            "run",
            src,
            "-o",
            out,
            "--workers",
            2,
            "--checkpoint-seconds",
            0,
            "--patterns",
            pats,
        ),
        stderr=subprocess.DEVNULL,
    )
    wait_for_progress(out, proc)
    workers = children_of(proc.pid)
    assert workers
    proc.kill()
    proc.wait()
    assert lock_is_free(out)  # workers never held the lock
    deadline = time.time() + 10
    while time.time() < deadline and any(alive(p) for p in workers):
        time.sleep(0.1)
    assert not any(alive(p) for p in workers)  # and they die with their parent


# ------------------------------------------------------- 6. long reports hashed once


def test_long_report_hashed_once(monkeypatch):
    from calc_nlp import schema
    from calc_nlp.engine import Engine

    line = "Calcified granuloma in the right upper lobe. Lungs otherwise clear.\n"
    text = line * 3000  # ~200 KB, 3,000 findings
    whole = len(text.encode())
    hashed = {"whole_texts": 0}
    real = hashlib.sha256

    def counting(data=b"", *a, **kw):
        hashed["whole_texts"] += len(data) >= whole
        return real(data, *a, **kw)

    monkeypatch.setattr(schema.hashlib, "sha256", counting)
    report, findings, _texts = Engine().process(1, "LONG", text)
    assert len(findings) == 3000
    assert len({f["finding_id"] for f in findings}) == 3000
    assert hashed["whole_texts"] <= 2  # not once per finding (3,000)


# ------------------------------------------------------- 7. regexes that hang


def _overlapping(d):
    d["target_rules"][0].update(pattern=[{"LOWER": {"REGEX": "^(x|x)+y$"}}])


def test_overlapping_alternation_refused_by_run_explain_evaluate(tmp_path):
    pats = copied_patterns(tmp_path, _overlapping)
    r = demo_run(tmp_path, pats)
    assert r.exit_code == 2 and "rule M-calcification" in r.output, r.output
    r = cli("explain", "Calcified granuloma.", "--patterns", pats)
    assert r.exit_code == 2 and "rule M-calcification" in r.output
    gold = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "test.jsonl"
    r = cli("evaluate", gold, "--patterns", pats)
    assert r.exit_code == 2 and "rule M-calcification" in r.output


def test_probe_strings_built_from_the_regex_catch_what_rules_miss(tmp_path):
    """No nested unbounded repeat, no overlapping alternatives, harmless on the
    fixed attack strings: only strings built from the regex itself show it."""
    pats = copied_patterns(
        tmp_path,
        lambda d: d["target_rules"][0].update(
            pattern=[{"LOWER": {"REGEX": "^([k-m]+n?){3,12}z$"}}]
        ),
    )
    r = demo_run(tmp_path, pats)
    assert r.exit_code == 2 and "took over" in r.output, r.output
    assert "rule M-calcification" in r.output  # which rule to mend
    assert not (tmp_path / "o").exists()


def test_a_rule_phrase_running_past_a_sentence_start_fails_no_report(tmp_path):
    """A user's condition phrase that runs over a header ('dialysis
    IMPRESSION') spans two sentences: ConText looked up a sentence it had not
    read (KeyError) and the report became an error row."""

    def add_term(d):
        d["conditions"][0]["terms"].append({"term": "dialysis impression"})

    pats = copied_patterns(tmp_path, add_term, name="conditions.json")
    src = tmp_path / "in.csv"
    src.write_text(
        'report_id,text\nR1,"On dialysis IMPRESSION: Calcified aortic valve."\n',
        encoding="utf-8",
    )
    out = tmp_path / "o"
    r = cli("run", src, "-o", out, "--patterns", pats, "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(open(out / "reports.csv", encoding="utf-8")))
    assert [(x["status"], x["n_findings"]) for x in rows] == [("ok", "1")]


def test_a_busy_machine_refuses_no_rule(monkeypatch):
    """The probe judges the CPU time its regexes take: a probe slowed by other
    work on the machine (here: a 2.5 s pause, which takes no CPU) passes,
    where a 2 s wall-clock limit refused every user's patterns folder."""
    from calc_nlp import safety
    from calc_nlp.rules import load_rules

    monkeypatch.setattr(
        safety, "_PROBE", "import time; time.sleep(2.5)\n" + safety._PROBE
    )
    safety.check_user_regexes(load_rules())  # the bundled rules: no error


def test_the_probe_limit_is_per_regex_and_scaled_to_the_machine(monkeypatch):
    """Each regex has its own CPU budget, scaled by how slowly the machine ran a
    fixed reference search: one budget over all rules' regexes, in seconds of a
    fast machine, refused the bundled rules on a slow CI runner."""
    from calc_nlp import safety
    from calc_nlp.errors import PatternError
    from calc_nlp.rules import load_rules

    rules = load_rules()
    monkeypatch.setattr(safety, "PROBE_SECONDS", 1e-7)  # no regex is that fast
    with pytest.raises(PatternError, match="took over") as e:
        safety.check_user_regexes(rules)
    assert e.value.rule in rules.rule_index  # the first regex probed, by its id
    # the same budget on a machine that ran the reference search 10^6 times
    # slower than REFERENCE_SECONDS: every regex's budget grows as much
    monkeypatch.setattr(safety, "PROBE_SECONDS", 2e-6)
    monkeypatch.setattr(safety, "REFERENCE_SECONDS", 1e-8)
    safety.check_user_regexes(rules)


def test_a_probe_stopped_before_it_reported_names_no_rule():
    """A probe the system stopped before it printed where it was (or that hung
    past the wall-clock limit with no output) still refuses, naming no rule
    rather than a wrong one."""
    from calc_nlp import safety

    found = [("R-one", "a+"), ("R-two", "b+")]
    assert safety._too_slow(found, "0\n1\n").rule == "R-two"
    for progress in ("", "garbage", "7\n"):  # nothing, unreadable, out of range
        e = safety._too_slow(found, progress)
        assert e.rule is None and str(e).startswith("patterns: a regex took over")


def test_user_regex_report_deadline(tmp_path, monkeypatch):
    """A regex that slips past validation makes one error row, not a hang."""
    monkeypatch.setattr("calc_nlp.safety.check_user_regexes", lambda rules: None)
    # the hanging row's regex backtracks 2**40 steps: any deadline of a few
    # seconds stops it, and one of 3 s leaves the ordinary rows room on a
    # busy machine (at 0.5 s they timed out too while other jobs ran)
    monkeypatch.setattr(runner, "USER_PATTERN_REPORT_SECONDS", 3.0)
    pats = copied_patterns(tmp_path, _overlapping)
    src = write_csv(
        tmp_path / "in.csv",
        [
            ["A", "Pelvic phleboliths."],
            ["HANG", "calcified " + "x" * 40],
            ["B", "Severe MAC."],
        ],
    )
    t0 = time.perf_counter()
    r = cli("run", src, "-o", tmp_path / "o", "--patterns", pats, "--workers", 1)
    assert time.perf_counter() - t0 < 30
    assert r.exit_code == 1, r.output
    rows = {x["report_id"]: x for x in table(tmp_path / "o" / "reports.csv")}
    assert rows["HANG"]["status"] == "error"
    assert rows["HANG"]["reason"] == "processing_failed:ReportTimeout"
    assert rows["A"]["status"] == rows["B"]["status"] == "ok"


def test_report_deadline_holds_in_the_screen(monkeypatch):
    """A report slow in the screen (the prefilter searches the whole text
    with each user token regex, unanchored) stops at its deadline: the
    screen's guard against its own faults caught the timeout, and the
    report then ran through the whole pipeline with no deadline left (a
    regex there hung the run)."""
    from calc_nlp.batch.workers import rows_with_deadline
    from calc_nlp.engine import Engine
    from calc_nlp.rules import load_rules
    from calc_nlp.screen import Screen

    rules = load_rules()
    Engine(rules=rules)  # built once: the cache keeps these rules' screen
    engine = Engine(rules=rules, lazy=True)
    assert engine.screen is not None and not engine.built

    def slow(*args):
        time.sleep(5)

    monkeypatch.setattr(Screen, "result", slow)
    t0 = time.perf_counter()
    out, _ = rows_with_deadline(
        [(1, "HANG", "Calcified granuloma.", "", "")],
        engine,
        (None, None, None),
        0.5,
        lambda rows, formats: rows,
    )
    assert time.perf_counter() - t0 < 4
    assert out[0][0]["reason"] == "processing_failed:ReportTimeout"


@pytest.mark.parametrize("command", ["explain", "evaluate"])
def test_a_report_the_pipeline_fails_on_is_one_line_exit_7(
    tmp_path, monkeypatch, command
):
    """`explain` and `evaluate` on a report the pipeline fails on (a user's
    rule matching a blank token did so) printed a Python traceback and
    exited 1; now one line naming the error type, never the text, exit 7."""
    from calc_nlp.stages import Analyzer

    def fails(self, text, *args, **kw):
        raise ValueError(f"could not read {text!r}")

    monkeypatch.setattr(Analyzer, "analyze", fails)
    gold = tmp_path / "gold.jsonl"
    lines = (DEMO.parent / "gold" / "dev.jsonl").read_text(encoding="utf-8")
    gold.write_text(lines.splitlines()[0] + "\n", encoding="utf-8")
    args = [gold] if command == "evaluate" else ["Secret words."]
    r = cli(command, *args)
    assert r.exit_code == 7, r.output
    assert "internal error (ValueError)" in r.output, r.output
    assert "Secret" not in r.output and "could not read" not in r.output


def test_a_user_rule_matching_blank_tokens_fails_no_report(tmp_path):
    """A user's token regex that matches every token ('' or 'calc|') made
    mentions of the blank tokens between lines too, and each report with
    one failed (processing_failed:IndexError in the descriptors stage):
    29 of the 30 demo reports. A mention of blank tokens only is dropped."""

    def every_token(d):
        d["target_rules"].append(
            {
                "literal": "any",
                "category": "CALCIFICATION",
                "pattern": [{"LOWER": {"REGEX": "calc|"}}],
                "metadata": {"id": "U-any", "source": "test"},
            }
        )

    pats = copied_patterns(tmp_path, every_token)
    src = write_csv(
        tmp_path / "in.csv",
        [["A", "FINDINGS:\n\n  Mild calcification.\n\nIMPRESSION: stable."]],
    )
    r = cli("run", src, "-o", tmp_path / "o", "--patterns", pats, "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["status"], x["reason"]) for x in rows] == [("ok", "")]


# ------------------------------------------------------- 8. one bad row, not a crash


def test_lone_surrogate_json_id_is_an_error_row(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"report_id": "ok1", "text": "Pelvic phleboliths."}\n'
        '{"report_id": "\\udc80", "text": "Calcified granuloma."}\n'
        '{"report_id": "ok2", "text": "bad \\ud800 text, calcified node"}\n',
        encoding="utf-8",
    )
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["status"], x["reason"]) for x in rows] == [
        ("ok1", "ok", ""),
        ("", "error", "invalid_id"),
        ("ok2", "ok", ""),
    ]
    assert rows[2]["notes"] == "invalid_encoding"


def test_non_utf8_file_name_is_an_error_row(tmp_path):
    d = tmp_path / "notes"
    d.mkdir()
    (d / "a.txt").write_text("Pelvic phleboliths.")
    with open(os.path.join(os.fsencode(d), b"b\xff.txt"), "wb") as fh:
        fh.write(b"Calcified granuloma.")
    r = cli("run", d, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 1, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["status"], x["reason"]) for x in rows] == [
        ("a.txt", "ok", ""),
        ("", "error", "invalid_id"),
    ]


# ------------------------------------------------------- 9. special folder entries


def test_folder_special_entries_are_error_rows(tmp_path):
    d = tmp_path / "notes"
    d.mkdir()
    (d / "a.txt").write_text("Pelvic phleboliths.")
    (d / "broken.txt").symlink_to(tmp_path / "nowhere")
    (d / "loop.txt").symlink_to(d / "loop.txt")
    (d / "dir.txt").mkdir()
    os.mkfifo(d / "fifo.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "z.txt").write_text("Severe MAC.")
    out = tmp_path / "o"
    proc = subprocess.run(
        calc_nlp_cmd("run", d, "-o", out, "--workers", 1, "-q"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    rows = table(out / "reports.csv")
    got = {x["report_id"]: (x["status"], x["reason"]) for x in rows}
    assert got["a.txt"] == ("ok", "") and got["z.txt"] == ("ok", "")
    for name in ("broken.txt", "loop.txt", "dir.txt", "fifo.txt", "zero.txt"):
        assert got[name][0] == "error" and got[name][1] in (
            "not_a_file",
            "unreadable_file",
        )
    manifest = json.loads((out / "manifest.json").read_text())
    assert [Path(i["path"]).name for i in manifest["inputs"]] == [
        x["report_id"] for x in rows
    ]


# ------------------------------------------------------- 10. failed run, manifest, review


def test_failed_run_keeps_last_good_manifest(tmp_path):
    a = write_csv(tmp_path / "a.csv", [["1", "Pelvic phleboliths."]])
    out = tmp_path / "o"
    assert cli("run", a, "-o", out, "--workers", 1).exit_code == 0
    good = (out / "manifest.json").read_bytes()
    b = write_csv(tmp_path / "b.csv", [["1", "x"], ["1", "y"]])
    assert cli("run", b, "-o", out, "--workers", 1, "--max-errors", 0).exit_code == 6
    assert (out / "manifest.json").read_bytes() == good
    assert json.loads((out / "manifest.failed.json").read_text())["exit_code"] == 6
    assert cli("run", a, "-o", out, "--workers", 1).exit_code == 0
    assert not (out / "manifest.failed.json").exists()  # a good run clears it


def test_review_checks_each_text_against_the_run(tmp_path):
    src = write_csv(
        tmp_path / "in.csv",
        [["1", "Calcified granuloma in the RUL."], ["2", "Pelvic phleboliths."]],
    )
    out = tmp_path / "o"
    assert cli("run", src, "-o", out, "--workers", 1).exit_code == 0
    # another run's texts file, with the same ids, is put in the folder
    other = tmp_path / "other"
    write_csv(
        src,
        [
            ["1", f"Other patient {SECRET}, calcified node."],
            ["2", "Pelvic phleboliths."],
        ],
    )
    assert cli("run", src, "-o", other, "--workers", 1).exit_code == 0
    os.replace(other / "texts.jsonl", out / "texts.jsonl")
    from calc_nlp.review import build_page

    page, stats = build_page(out)
    assert SECRET not in page
    assert stats["texts"] == 1 and stats["mismatched"] == 1


# ------------------------------------------------------- 12. review offsets after emoji


def test_review_highlights_after_emoji(tmp_path):
    from calc_nlp.review import build_page

    text = "Patient \U0001f600\U0001f600 note. Calcified granuloma in the RUL."
    src = write_csv(tmp_path / "in.csv", [["E1", text]])
    out = tmp_path / "o"
    assert cli("run", src, "-o", out, "--workers", 1).exit_code == 0
    page, _ = build_page(out)
    blob = page.split('id="data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(blob)
    f = data["findings"][0]
    units = data["reports"][0]["text"].encode("utf-16-le")
    # what the browser's text.slice(start, end) shows
    assert units[2 * f["start"] : 2 * f["end"]].decode("utf-16-le") == f["mention"]
    for a, b, kind in f["marks"]:
        if kind == "site":
            assert units[2 * a : 2 * b].decode("utf-16-le") == "RUL"


# ------------------------------------------------------- 11. resume after a same-size edit


def test_resume_after_same_size_edit_uses_content(tmp_path):
    src = big_input(tmp_path / "in.csv", 80)
    out = tmp_path / "out"

    assert killed_after_checkpoints(src, out, 4) == 137
    st = src.stat()
    data = src.read_bytes()
    i = data.index(b"K00002,") + 7
    edited = data[:i] + b"Calcified granuloma in the RUL. " + data[i + 32 :]
    assert len(edited) == len(data)
    src.write_bytes(edited)
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))  # size and mtime kept
    runner.run(opts_for(src, out, resume=True), Log(quiet=True))
    ref = tmp_path / "ref"
    runner.run(opts_for(src, ref), Log(quiet=True))
    assert outputs_of(out, "csv") == outputs_of(ref, "csv")


# ------------------------------------------------------- 13. blank lines


@pytest.mark.parametrize("extra", [[], ["--max-errors", "0"]])
def test_trailing_blank_line_not_an_error(tmp_path, extra):
    src = tmp_path / "in.csv"
    src.write_bytes(b"report_id,text\r\n1,Pelvic phleboliths.\r\n\r\n\r\n")
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1, *extra)
    assert r.exit_code == 0, r.output
    assert [x["report_id"] for x in table(tmp_path / "o" / "reports.csv")] == ["1"]


# ------------------------------------------------------- 14. JSON arrays, gzip


def test_json_array_refused(tmp_path):
    for i, body in enumerate(
        [
            '[{"report_id": "1", "text": "x"}]\n',
            '[\n  {"report_id": "1", "text": "x"}\n]\n',
        ]
    ):
        src = tmp_path / f"in{i}.json"
        src.write_text(body)
        r = cli("run", src, "-o", tmp_path / f"o{i}", "--workers", 1)
        assert r.exit_code == 3 and "JSON array" in r.output, r.output


def test_concatenated_jsonl_parts_with_byte_order_marks(tmp_path):
    """`cat a.jsonl b.jsonl` of parts written with a BOM: the BOM opening
    each later part made that part's first row invalid_json."""
    part = '\ufeff{"report_id": "%s", "text": "Pelvic phleboliths."}\n'
    src = tmp_path / "in.jsonl"
    src.write_bytes("".join(part % i for i in ("A1", "B1", "C1")).encode())
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["status"]) for x in rows] == [
        ("A1", "ok"),
        ("B1", "ok"),
        ("C1", "ok"),
    ]


def test_json_integer_over_the_digit_limit_fails_no_run(tmp_path):
    """Python refuses integers of over 4,300 digits (ValueError, not a
    JSONDecodeError): one such number in any field of one line stopped the
    run with exit 7 and no outputs. The line is read, its numbers as digits."""
    big = "1" * 5000
    src = tmp_path / "in.jsonl"
    src.write_text(
        f'{{"report_id": "J1", "text": "Pelvic phleboliths.", "n": {big}}}\n'
        f'{{"report_id": {big}, "text": "x"}}\n'
        '{"report_id": "J3", "text": "x"}\n'
    )
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1, "--keep-col", "n")
    assert r.exit_code == 0, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["status"], x["n"]) for x in rows] == [
        ("J1", "ok", big),
        (big, "ok", ""),
        ("J3", "ok", ""),
    ]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_raw_cr_inside_a_json_string_is_one_row(tmp_path, end):
    """A JSON line holding a raw CR in a string (an exporter that does not
    escape it) was cut there into two invalid_json rows, and every later row
    got the next one's number; then it was one invalid_json row, its text
    never analysed. It is one row, read with its CR as written; a file whose
    lines end in CR alone is still read line by line."""
    lines = [
        '{"report_id": "J1", "text": "Calcified node.\rSecond line."}',
        '{"report_id": "J2", "text": "Pelvic phleboliths."}',
        '{"report_id": "J3", "text": "No acute findings."}',
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(end.join(lines).encode() + end.encode())
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["row"], x["report_id"], x["status"]) for x in rows] == [
        ("1", "J1", "ok"),
        ("2", "J2", "ok"),
        ("3", "J3", "ok"),
    ]
    (f,) = [x for x in table(tmp_path / "o" / "findings.csv") if x["report_id"] == "J1"]
    assert f["mention"] == "Calcified node"


def test_jsonl_gz_read(tmp_path):
    body = (
        '{"report_id": "1", "text": "Pelvic phleboliths."}\n'
        '{"report_id": "2", "text": "Calcified granuloma."}\n'
    )
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(body.encode()))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    assert [x["status"] for x in table(tmp_path / "o" / "reports.csv")] == ["ok", "ok"]
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text())
    assert (
        manifest["inputs"][0]["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    )


# ------------------------------------------------------- 15. disk full


def test_disk_full_exit_4_partials_removed(tmp_path, monkeypatch):
    out = tmp_path / "o"
    small = write_csv(tmp_path / "a.csv", [["1", "Pelvic phleboliths."]])
    assert cli("run", small, "-o", out, "--workers", 1).exit_code == 0
    before = (out / "findings.csv").read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    src = big_input(tmp_path / "in.csv", 50)
    r = cli("run", src, "-o", out, "--workers", 1, "--checkpoint-seconds", 0)
    monkeypatch.undo()
    assert r.exit_code == 4, r.output
    assert "No space left on device" in r.output and str(out) in r.output
    assert (out / "findings.csv").read_bytes() == before
    hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert hidden == [".calc-nlp.lock"], hidden


# ------------------------------------------------------- 16. bad options: 2 or 3, not 7


def test_patterns_not_utf8_exit_2_names_file(tmp_path):
    pats = copied_patterns(tmp_path)
    (pats / "cues.json").write_bytes(b'{"description": "\xff"}')
    r = demo_run(tmp_path, pats)
    assert r.exit_code == 2 and "cues.json" in r.output and "UTF-8" in r.output, (
        r.output
    )


def test_patterns_number_over_the_digit_limit_exit_2_names_file(tmp_path):
    """A number of more digits than Python converts (4300) is a ValueError
    of json.loads that is no JSONDecodeError: it was an internal error,
    exit 7, where any other unreadable JSON is exit 2 naming the file."""
    pats = copied_patterns(tmp_path)
    labs = (pats / "labs.json").read_text(encoding="utf-8")
    (pats / "labs.json").write_text(
        labs.replace('"reference": [', '"reference": [' + "9" * 5000 + ", ", 1),
        encoding="utf-8",
    )
    r = demo_run(tmp_path, pats)
    assert r.exit_code == 2 and "labs.json" in r.output, r.output
    assert "internal error" not in r.output, r.output


@pytest.mark.parametrize(
    "name, edit, where",
    [
        ("sites.json", lambda d: d.update(sites="x"), "sites.json, key 'sites'"),
        (
            "mentions.json",
            lambda d: d["target_rules"][0].update(metadata="x"),
            "mentions.json, rule #0, key 'metadata'",
        ),
        (
            "context.json",
            lambda d: d["context_rules"].__setitem__(0, "x"),
            "context.json, rule #0, key 'context_rules'",
        ),
        # accepted, then the pipeline's build failed: exit 7, every row lost
        (
            "mentions.json",
            lambda d: d["target_rules"][0]["metadata"].update(id=None),
            "mentions.json, rule #0, key 'id'",
        ),
        (
            "conditions.json",
            lambda d: d["conditions"][0].update(name=None),
            "conditions.json, rule K-chronic-kidney-disease, key 'name'",
        ),
        (
            "context.json",
            lambda d: d["context_rules"][0].update(literal=None),
            "context.json, rule C-negated_existence-forward-no, key 'literal'",
        ),
        (
            "context.json",
            lambda d: d["context_rules"][0].update(max_scope=0),
            "context.json, rule C-negated_existence-forward-no, key 'max_scope'",
        ),
        (
            "sections.json",
            lambda d: d["section_rules"][0].update(literal=None),
            "sections.json, rule S-exam-exam, key 'literal'",
        ),
        # accepted, then error rows: every report holding a lab value, or every one
        (
            "cues.json",
            lambda d: d["target_rules"][0]["metadata"].update(cue=5),
            "cues.json, rule Q-granuloma-granuloma, key 'cue'",
        ),
        (
            "sites.json",
            lambda d: d["laterality_rules"][0]["metadata"].update(not_after=5),
            "sites.json, rule T-left, key 'not_after'",
        ),
        (
            "labs.json",
            lambda d: d["analytes"][0].update(reference=["a", "b"]),
            "labs.json, rule B-ionized-calcium, key 'reference'",
        ),
        (
            "labs.json",
            lambda d: d["analytes"][0].update(names=None),
            "labs.json, rule B-ionized-calcium, key 'names'",
        ),
        (
            "labs.json",
            lambda d: d["said_normal"].update(analytes=[""]),
            "labs.json, rule said_normal, key 'analytes'",
        ),
        (
            "descriptors.json",
            lambda d: d["vessels"][0].update(name=None),
            "descriptors.json, rule Y-vessel-lm, key 'name'",
        ),
        (
            "descriptors.json",
            lambda d: d["site_synonyms"]["map"].update(mural2=5),
            "descriptors.json, rule site_synonyms, key 'map'",
        ),
    ],
)
def test_patterns_wrong_structure_exit_2_names_file_rule_key(
    tmp_path, name, edit, where
):
    pats = copied_patterns(tmp_path, edit, name)
    r = demo_run(tmp_path, pats)
    assert r.exit_code == 2, r.output
    assert where in r.output and "internal error" not in r.output, r.output


def test_since_manifest_malformed_exit_3(tmp_path, rules):
    bad = tmp_path / "manifest.json"
    missing_table = {
        "outputs": {"reports": "r.csv"},
        "options": {"output_format": "csv"},
        "rules_version": rules.version,
    }
    for body in ('{"outputs": [], "options": {}}', json.dumps(missing_table), "[1]"):
        bad.write_text(body)
        r = cli(
            "run",
            DEMO / "reports.csv",
            "-o",
            tmp_path / "o",
            "--workers",
            1,
            "--since-manifest",
            bad,
        )
        assert r.exit_code == 3 and "--since-manifest" in r.output, r.output


def test_since_manifest_unreadable_table_exit_3(tmp_path):
    o1 = tmp_path / "o1"
    assert (
        cli(
            "run", DEMO / "reports.csv", "-o", o1, "--workers", 1, "--format", "parquet"
        ).exit_code
        == 0
    )
    (o1 / "reports.parquet").write_bytes(b"PAR1 not really")
    r = cli(
        "run",
        DEMO / "reports.csv",
        "-o",
        tmp_path / "o2",
        "--workers",
        1,
        "--since-manifest",
        o1 / "manifest.json",
    )
    assert r.exit_code == 3 and "reports.parquet" in r.output, r.output


def test_unknown_encoding_exit_2(tmp_path):
    r = cli(
        "run",
        DEMO / "reports.csv",
        "-o",
        tmp_path / "o",
        "--encoding",
        "nope",
        "--workers",
        1,
    )
    assert r.exit_code == 2 and "--encoding 'nope'" in r.output, r.output
    assert not (tmp_path / "o").exists()


def test_corrupt_parquet_page_exit_3(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in.parquet"
    texts = [f"Report {i} {SECRET} " + "calcified node. " * 20 for i in range(2000)]
    pq.write_table(
        pa.table({"report_id": [str(i) for i in range(2000)], "text": texts}),
        src,
        row_group_size=500,
    )
    data = bytearray(src.read_bytes())
    mid = len(data) // 2
    data[mid : mid + 400] = b"\xff" * 400  # a data page in the middle
    src.write_bytes(bytes(data))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 3, r.output
    assert "Parquet" in r.output and SECRET not in r.output


# ------------------------------------------------------- 17. UTF-16


def test_utf16_bom_input_read(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes("report_id,text\r\n1,Pelvic phleboliths.\r\n".encode("utf-16"))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["n_findings"]) for x in rows] == [("1", "1")]


def test_invalid_byte_past_the_first_block_of_a_long_report_is_noted(tmp_path):
    # The decoder reads 8 KiB blocks: a report's first bad byte past its
    # first block is decoded while that row is read, not before.
    src = tmp_path / "in.csv"
    text = b"Calcified node seen. " * 600 + b"\xff tail."
    src.write_bytes(b'report_id,text\r\nL1,"' + text + b'"\r\nL2,fine\r\n')
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [(x["report_id"], x["notes"]) for x in rows] == [
        ("L1", "invalid_encoding;split_long_text"),
        ("L2", ""),
    ]


def test_first_file_with_invalid_bytes_in_a_folder_is_noted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(b"Calcified \xff node.")
    r = cli("run", folder, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code == 0, r.output
    rows = table(tmp_path / "o" / "reports.csv")
    assert [x["notes"] for x in rows] == ["invalid_encoding"] * 2


def test_utf16_without_bom_hints_encoding(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes("report_id,text\r\n1,x\r\n".encode("utf-16-le"))
    r = cli("run", src, "-o", tmp_path / "o", "--workers", 1)
    assert r.exit_code in (2, 3) and "--encoding utf-16" in r.output, r.output


# ------------------------------------------------------- 18. symlinks and modes


@pytest.mark.parametrize(
    "planted",
    [
        ".findings.csv.partial",
        ".calc-nlp.lock",
        ".manifest.json.tmp",
        "..progress.json.tmp",
    ],
)
def test_planted_symlink_not_followed(tmp_path, planted):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "o"
    out.mkdir()
    (out / planted).symlink_to(victim)
    src = write_csv(tmp_path / "in.csv", [["1", "Pelvic phleboliths."]])
    r = cli("run", src, "-o", out, "--workers", 1, "--checkpoint-seconds", 0)
    assert victim.read_text() == "precious\n"
    assert r.exit_code in (0, 4), r.output


def test_output_modes_private_and_kept(tmp_path):
    old = os.umask(0o022)
    try:
        src = write_csv(tmp_path / "in.csv", [["1", "Pelvic phleboliths."]])
        out = tmp_path / "o"
        assert cli("run", src, "-o", out, "--workers", 1).exit_code == 0

        def mode(name):
            return stat.S_IMODE((out / name).stat().st_mode)

        for name in ("findings.csv", "reports.csv", "errors.csv", "manifest.json"):
            assert mode(name) == 0o640, name
        assert mode(".calc-nlp.lock") == 0o600
        os.chmod(out / "findings.csv", 0o600)
        assert cli("run", src, "-o", out, "--workers", 1).exit_code == 0
        assert mode("findings.csv") == 0o600 and mode("reports.csv") == 0o640
    finally:
        os.umask(old)


# ------------------------------------------------------- 19. Ctrl-C exit code, clean exit


def test_ctrl_c_manifest_says_130(tmp_path, monkeypatch):
    def interrupted(self, state):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner.Outputs, "checkpoint", interrupted)
    src = big_input(tmp_path / "in.csv", 30)
    out = tmp_path / "o"
    r = cli("run", src, "-o", out, "--workers", 1, "--checkpoint-seconds", 0)
    assert r.exit_code == 130
    assert json.loads((out / "manifest.failed.json").read_text())["exit_code"] == 130
    assert not (out / "manifest.json").exists()


def test_two_worker_run_exits_cleanly(tmp_path):
    """Item 19: no 'Exception ignored ... Bad file descriptor' (or anything
    else) on stderr after a successful 2-worker run, run several times (the
    traceback was occasional): CSV and Parquet outputs, quiet and normal logs,
    a second run over the same folder and a --resume of a finished one."""
    src = big_input(tmp_path / "in.csv", 200)
    runs = [
        ("o-csv", ["-q"]),
        ("o-csv", ["-q"]),
        ("o-pq", ["--format", "parquet", "-q"]),
        ("o-pq", ["--format", "parquet", "-q", "--resume"]),
        ("o-log", ["--chunk-size", "16", "--checkpoint-seconds", "0"]),
        ("o-log", ["--chunk-size", "16", "--checkpoint-seconds", "0"]),
    ]
    for folder, extra in runs:
        proc = subprocess.run(
            calc_nlp_cmd("run", src, "-o", tmp_path / folder, "--workers", 2, *extra),
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0, proc.stderr
        if "-q" in extra:
            assert proc.stderr == "", (extra, proc.stderr)
        else:
            (line,) = proc.stderr.splitlines()
            assert line.startswith("calc-nlp: info: done reports=200 "), proc.stderr
        assert "Exception ignored" not in proc.stderr
        assert "Bad file descriptor" not in proc.stderr


def test_stopped_pool_leaves_no_manager_thread():
    """Item 19's 'Exception ignored ... Bad file descriptor': a 2-worker run
    stopped by Ctrl-C, SIGTERM or an error killed its workers but left the
    pool's manager thread closing its wake-up pipe while Python exited, and
    concurrent.futures' exit hook wrote to that pipe (3 runs in 100 printed
    the traceback after the run's own message). Stopping the pool now waits
    for that thread."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from calc_nlp.batch.workers import stop_pool

    for _ in range(3):
        pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
        busy = [pool.submit(time.sleep, 0.2) for _ in range(6)]
        busy[0].result()
        manager = pool._executor_manager_thread
        assert manager is not None and manager.is_alive()
        stop_pool(pool, ok=False)
        assert not manager.is_alive()


# ------------------------------------------------------- memory of the duplicate-id set


def test_duplicate_id_set_bounded(tmp_path):
    keys = runner.KeySet(tmp_path, limit=50)
    assert all(keys.add(i.to_bytes(12, "big")) for i in range(1000))
    assert len(keys.mem) == 0 and keys.db is not None  # moved out of memory
    assert not keys.add((7).to_bytes(12, "big")) and not keys.add(
        (999).to_bytes(12, "big")
    )
    assert (7).to_bytes(12, "big") in keys and len(keys) == 1000
    keys.close()
    assert not (tmp_path / runner.IDS_FILE).exists()


def test_duplicate_ids_detected_past_memory_limit(tmp_path, monkeypatch):
    from calc_nlp.batch import keys

    monkeypatch.setattr(keys, "MEMORY_IDS", 20)
    rows = [[f"R{i}", "Pelvic phleboliths."] for i in range(200)]
    rows += [["R3", "again"], ["R150", "again"], ["R200", "new"]]
    src = write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / "o"
    r = cli("run", src, "-o", out, "--workers", 1)
    assert r.exit_code == 1
    got = [(x["report_id"], x["status"]) for x in table(out / "reports.csv")][-3:]
    assert got == [("R3", "duplicate_id"), ("R150", "duplicate_id"), ("R200", "ok")]
    assert not (out / runner.IDS_FILE).exists()
