"""`calc-nlp export note-nlp`: a run's findings as an OMOP CDM v5.4 NOTE_NLP table."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from calc_nlp.cli import main
from calc_nlp.errors import PatternError
from calc_nlp.note_nlp import (
    ID_MASK,
    MODIFIER_KEYS,
    NOTE_NLP_COLUMNS,
    integer_note_id,
    note_nlp_id,
    snippet,
    term_modifiers,
)
from calc_nlp.omop_concepts import bundled_path, load_concepts, parse_concepts
from calc_nlp.schema import FLAGS, finding_id, text_digest
from calc_nlp.writers import read_table

from .conftest import DEMO

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
EXPECTED_HEADER = (
    "note_nlp_id,note_id,section_concept_id,snippet,offset,lexical_variant,"
    "note_nlp_concept_id,note_nlp_source_concept_id,nlp_system,nlp_date,"
    "nlp_datetime,term_exists,term_temporal,term_modifiers"
)


def _run(outdir: Path, *extra: str) -> Path:
    args = ["run", str(DEMO / "reports.csv"), "-o", str(outdir), "--workers", "1"]
    result = CliRunner().invoke(main, args + list(extra))
    assert result.exit_code == 0, result.output
    return outdir


def _export(*args: str):
    return CliRunner().invoke(main, ["export", "note-nlp", *map(str, args)])


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _findings(run: Path) -> list[dict[str, str]]:
    """The run's findings as written (its CSV neutralises formula cells for people)."""
    return list(read_table(run / "findings.csv", "csv", people=True))


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory) -> Path:
    return _run(tmp_path_factory.mktemp("nn") / "run")


@pytest.fixture(scope="module")
def exported(demo_run, tmp_path_factory):
    """(NOTE_NLP rows, the run's findings rows, report id -> text)."""
    out = tmp_path_factory.mktemp("nnout") / "note_nlp.csv"
    result = _export(demo_run, "-o", out, "--text-note-ids")
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as fh:
        assert fh.readline().rstrip("\r\n") == EXPECTED_HEADER
    texts = {}
    with open(demo_run / "texts.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts[row["report_id"]] = row["text"]
    return _csv(out), _findings(demo_run), texts


def test_columns_are_the_v54_table_in_order():
    assert ",".join(NOTE_NLP_COLUMNS) == EXPECTED_HEADER


def test_one_row_per_finding_with_deterministic_unique_ids(exported):
    rows, findings, _ = exported
    assert len(rows) == len(findings) > 100
    ids = [int(r["note_nlp_id"]) for r in rows]
    assert len(set(ids)) == len(ids)
    assert all(0 < i <= ID_MASK for i in ids)
    assert ids == [int(f["finding_id"], 16) & ID_MASK for f in findings]


def test_export_is_byte_identical_when_repeated(demo_run, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert _export(demo_run, "-o", a, "--text-note-ids").exit_code == 0
    assert _export(demo_run, "-o", b, "--text-note-ids").exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_ids_are_collision_free_on_the_corpora():
    """Every gold finding of the annotated corpora, as the run would id it."""
    ids, n = set(), 0
    for path in [*(CORPORA / "gold").glob("*.jsonl"), DEMO / "gold.jsonl"]:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                digest = text_digest(rec["text"])
                for f in rec["findings"]:
                    fid = finding_id(rec["report_id"], digest, f["start"], f["end"])
                    ids.add(note_nlp_id(fid))
                    n += 1
    assert n > 1000 and len(ids) == n


def test_offsets_point_at_the_mention_in_the_report_text(exported):
    rows, findings, texts = exported
    for row, f in zip(rows, findings, strict=True):
        start = int(row["offset"])
        assert row["offset"] == f["start_char"]
        text = texts[f["report_id"]]
        assert (
            text[start : start + len(row["lexical_variant"])] == row["lexical_variant"]
        )
        assert row["lexical_variant"] == f["mention"]


def test_snippet_is_the_sentence_within_250_characters(exported):
    rows, findings, _ = exported
    for row, f in zip(rows, findings, strict=True):
        assert row["snippet"] == f["sentence"] and 0 < len(row["snippet"]) <= 250
        assert " ".join(row["lexical_variant"].split()) in row["snippet"]


def test_a_long_sentence_is_cut_to_a_window_around_the_mention():
    sentence = "a" * 300 + " dense calcification " + "b" * 300
    cut = snippet(sentence, "dense\ncalcification")
    assert len(cut) == 250 and "dense calcification" in cut
    assert snippet("x" * 260, "not there") == "x" * 250
    assert snippet("short one", "one") == "short one"


def test_a_mention_said_twice_in_a_long_sentence_gets_its_own_window(tmp_path):
    """Two findings with the same words in one sentence over 250 characters:
    each snippet is the window around its own mention (the second used to be
    the first one's, "in the LAD", another finding's context)."""
    filler = " ".join(["unremarkable"] * 30)
    text = (
        f"There is coronary artery calcification in the LAD, {filler}, and "
        f"coronary artery calcification in the RCA, {filler} end."
    )
    src = tmp_path / "in.csv"
    src.write_text(f'report_id,text\n7,"{text}"\n', encoding="utf-8")
    args = ["run", str(src), "-o", str(tmp_path / "o"), "--workers", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert _export(tmp_path / "o", "-o", tmp_path / "n.csv").exit_code == 0
    first, second = _csv(tmp_path / "n.csv")
    assert "in the LAD" in first["snippet"] and "in the RCA" not in first["snippet"]
    assert "in the RCA" in second["snippet"] and "in the LAD" not in second["snippet"]


def test_term_exists_follows_the_conventions(exported):
    rows, findings, _ = exported
    negated = [r for r, f in zip(rows, findings, strict=True) if f["negated"] == "true"]
    other = [
        r
        for r, f in zip(rows, findings, strict=True)
        if f["hypothetical"] == "true" or f["family"] == "true"
    ]
    affirmed = [
        r
        for r, f in zip(rows, findings, strict=True)
        if not any(f[k] == "true" for k in ("negated", "hypothetical", "family"))
    ]
    uncertain = [
        r
        for r, f in zip(rows, findings, strict=True)
        if f["uncertain"] == "true" and r in affirmed
    ]
    assert negated and other and affirmed and uncertain
    assert {r["term_exists"] for r in negated + other} == {"N"}
    assert {r["term_exists"] for r in affirmed} == {"Y"}


def test_term_temporal_is_past_for_historical(exported):
    rows, findings, _ = exported
    past = [
        r["term_temporal"]
        for r, f in zip(rows, findings, strict=True)
        if f["historical"] == "true"
    ]
    now = [
        r["term_temporal"]
        for r, f in zip(rows, findings, strict=True)
        if f["historical"] == "false"
    ]
    assert past and set(past) == {"past"} and set(now) == {"present"}


def test_term_modifiers_name_what_applies_in_order(exported):
    rows, findings, _ = exported
    flag_keys = {
        "negated": "negated",
        "uncertain": "uncertain",
        "hypothetical": "conditional",
    }
    for row, f in zip(rows, findings, strict=True):
        pairs = [p.split("=", 1) for p in row["term_modifiers"].split(",") if p]
        keys = [k for k, _ in pairs]
        assert keys == [k for k in MODIFIER_KEYS if k in keys]
        got = dict(pairs)
        assert got.get("site", "") == f["site"]
        assert got.get("laterality", "") == f["laterality"]
        assert got.get("classification", "") == f["classification"]
        for flag, key in flag_keys.items():
            assert (got.get(key) == "true") == (f[flag] == "true")
        assert (got.get("subject") == "family") == (f["family"] == "true")


def test_modifier_values_cannot_break_the_pairs():
    row = {k: "false" for k in FLAGS} | {"site": "a,b=c%", "negated": "true"}
    assert term_modifiers(row) == "site=a%2Cb%3Dc%25,negated=true"


def test_run_fields_come_from_the_manifest(exported, demo_run):
    rows, _, _ = exported
    manifest = json.loads((demo_run / "manifest.json").read_text())
    system = f"calc-nlp {manifest['tool_version']} rules {manifest['rules_version']}"
    assert {r["nlp_system"] for r in rows} == {system}
    day, time = manifest["finished"][:10], manifest["finished"][11:19]
    assert {r["nlp_date"] for r in rows} == {day}
    assert {r["nlp_datetime"] for r in rows} == {f"{day} {time}"}


def test_unmapped_concepts_are_zero(exported):
    rows, _, _ = exported
    for col in (
        "section_concept_id",
        "note_nlp_concept_id",
        "note_nlp_source_concept_id",
    ):
        assert {r[col] for r in rows} == {"0"}


def test_concepts_file_overrides(demo_run, tmp_path):
    mine = tmp_path / "mine.json"
    entries = [
        ("finding", "calcification", 111),
        ("site", "lung", 222),
        ("section", "impression", 333),
    ]
    mine.write_text(
        json.dumps(
            {
                "concepts": [
                    {
                        "id": f"X{i}",
                        "kind": k,
                        "value": v,
                        "concept_id": c,
                        "source": "test",
                    }
                    for i, (k, v, c) in enumerate(entries)
                ]
            }
        )
    )
    out = tmp_path / "nn.csv"
    result = _export(demo_run, "-o", out, "--text-note-ids", "--concepts", mine)
    assert result.exit_code == 0, result.output
    findings = _csv(demo_run / "findings.csv")
    for row, f in zip(_csv(out), findings, strict=True):
        assert row["note_nlp_concept_id"] == ("222" if f["site"] == "lung" else "111")
        assert row["section_concept_id"] == (
            "333" if f["section"] == "impression" else "0"
        )
    assert any(f["site"] == "lung" for f in findings)
    assert any(f["section"] == "impression" for f in findings)


def test_a_bad_concepts_file_is_a_usage_error(demo_run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "concepts": [
                    {
                        "id": "X1",
                        "kind": "site",
                        "value": "lung",
                        "concept_id": "7",
                        "source": "t",
                    }
                ]
            }
        )
    )
    result = _export(
        demo_run, "-o", tmp_path / "nn.csv", "--text-note-ids", "--concepts", bad
    )
    assert result.exit_code == 2
    assert "bad.json, rule X1, key 'concept_id'" in result.output
    assert not (tmp_path / "nn.csv").exists()


@pytest.mark.parametrize(
    "entry, key",
    [
        ({"kind": "organ"}, "kind"),
        ({"kind": "section", "value": "body"}, "value"),
        ({"kind": "finding", "value": "stone"}, "value"),
        ({"concept_id": -1}, "concept_id"),
        ({"concept_id": True}, "concept_id"),
        ({"source": ""}, "source"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_concept_entries_are_validated(entry, key):
    base = {"id": "X1", "kind": "site", "value": "lung", "concept_id": 1, "source": "t"}
    with pytest.raises(PatternError, match=f"key '{key}'"):
        parse_concepts({"concepts": [base | entry]}, "f.json")


def test_bundled_concepts_load_and_cite_a_source():
    data = json.loads(bundled_path().read_text(encoding="utf-8"))
    assert parse_concepts(data, bundled_path().name)
    assert all("OHDSI/CommonDataModel" in e["source"] for e in data["concepts"])
    assert load_concepts().finding("lung") == 0  # nothing cited yet: 0


@pytest.mark.parametrize(
    "value, expected",
    [
        ("12", 12),
        ("12.0", 12),
        (" 7 ", 7),
        ("DEMO-001", None),
        ("1e3", None),
        ("-3", None),
        ("", None),
        (str(2**63), None),
        (str(2**63 - 1), 2**63 - 1),
    ],
)
def test_integer_note_ids(value, expected):
    assert integer_note_id(value) == expected


def test_text_report_ids_are_refused_naming_the_column(demo_run, tmp_path):
    out = tmp_path / "nn.csv"
    result = _export(demo_run, "-o", out)
    assert result.exit_code == 2
    assert (
        "findings row 1, column report_id: note_id must be an integer" in result.output
    )
    assert "DEMO-" not in result.output
    assert list(tmp_path.iterdir()) == []  # no output, no temporary file


def test_text_note_ids_are_kept_and_counted(demo_run, tmp_path):
    out = tmp_path / "nn.csv"
    result = _export(demo_run, "-o", out, "--text-note-ids")
    n = len(_csv(demo_run / "findings.csv"))
    assert result.exit_code == 0
    assert f"warning: {n} rows keep a note_id that is not an integer" in result.output
    assert {r["note_id"] for r in _csv(out)} == {
        f["report_id"] for f in _csv(demo_run / "findings.csv")
    }


def _with_note_ids(demo_run: Path, dest: Path, value) -> Path:
    """A copy of the run whose findings table carries a pass-through note_id column."""
    shutil.copytree(demo_run, dest)
    rows = _csv(demo_run / "findings.csv")
    with open(dest / "findings.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, [*rows[0], "note_id"], lineterminator="\r\n")
        w.writeheader()
        for r in rows:
            w.writerow(r | {"note_id": value(r["report_id"])})
    return dest


def test_note_id_from_a_column(demo_run, tmp_path):
    run = _with_note_ids(
        demo_run, tmp_path / "run", lambda rid: f"{int(rid[-3:]) + 9000}.0"
    )
    out = tmp_path / "nn.csv"
    result = _export(run, "-o", out, "--note-id-col", "note_id")
    assert result.exit_code == 0, result.output
    findings = _csv(run / "findings.csv")
    assert [r["note_id"] for r in _csv(out)] == [
        str(int(f["report_id"][-3:]) + 9000) for f in findings
    ]


def test_a_missing_or_empty_note_id_column_is_refused(demo_run, tmp_path):
    result = _export(demo_run, "-o", tmp_path / "a.csv", "--note-id-col", "nope")
    assert (
        result.exit_code == 2 and "--note-id-col nope: no such column" in result.output
    )
    run = _with_note_ids(demo_run, tmp_path / "run", lambda rid: "")
    result = _export(
        run, "-o", tmp_path / "b.csv", "--note-id-col", "note_id", "--text-note-ids"
    )
    assert result.exit_code == 2 and "column note_id: empty" in result.output


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_every_run_format_is_read_alike(exported, tmp_path, fmt):
    run = _run(tmp_path / "run", "--format", fmt)
    out = tmp_path / "nn.csv"
    assert _export(run, "-o", out, "--text-note-ids").exit_code == 0
    rows, _, _ = exported
    drop = ("nlp_date", "nlp_datetime")
    strip = [{k: v for k, v in r.items() if k not in drop} for r in rows]
    assert [{k: v for k, v in r.items() if k not in drop} for r in _csv(out)] == strip


def test_parquet_output_is_typed(demo_run, tmp_path, exported):
    import pyarrow.parquet as pq

    out = tmp_path / "nn.parquet"
    result = _export(demo_run, "-o", out, "--format", "parquet", "--text-note-ids")
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names == list(NOTE_NLP_COLUMNS)
    types = {f.name: str(f.type) for f in table.schema}
    assert types["note_nlp_id"] == "int64" and types["note_nlp_concept_id"] == "int64"
    assert types["nlp_date"] == "date32[day]" and types["nlp_datetime"].startswith(
        "timestamp"
    )
    assert types["offset"] == "string" and types["note_id"] == "string"
    rows, _, _ = exported
    assert table.column("note_nlp_id").to_pylist() == [
        int(r["note_nlp_id"]) for r in rows
    ]


def test_a_folder_that_is_not_a_run_is_refused(tmp_path, demo_run):
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder in (empty, tmp_path / "missing"):
        result = _export(folder, "-o", tmp_path / "nn.csv")
        assert result.exit_code == 3 and "not" in result.output
    broken = tmp_path / "broken"
    shutil.copytree(demo_run, broken)
    (broken / "findings.csv").unlink()
    assert _export(broken, "-o", tmp_path / "nn.csv").exit_code == 3
    (broken / "manifest.json").write_text("{")
    assert _export(broken, "-o", tmp_path / "nn.csv").exit_code == 3
    assert not (tmp_path / "nn.csv").exists()


def test_a_run_stopped_while_publishing_is_refused(tmp_path, demo_run):
    run = tmp_path / "run"
    shutil.copytree(demo_run, run)
    (run / ".commit.json").write_text("{}")
    result = _export(run, "-o", tmp_path / "nn.csv", "--text-note-ids")
    assert result.exit_code == 3 and "--resume" in result.output


@pytest.mark.parametrize(
    "name", ["findings.csv", "manifest.json", "reports.csv", "texts.jsonl"]
)
def test_the_runs_own_files_are_never_overwritten(tmp_path, demo_run, name):
    run = tmp_path / "run"
    shutil.copytree(demo_run, run)
    before = (run / name).read_bytes()
    result = _export(run, "-o", run / name, "--text-note-ids")
    assert result.exit_code == 2 and "run's own files" in result.output
    assert (run / name).read_bytes() == before
    for link, make in (
        (tmp_path / "hard.csv", Path.hardlink_to),
        (tmp_path / "soft.csv", Path.symlink_to),
    ):
        make(link, run / name)
        assert _export(run, "-o", link, "--text-note-ids").exit_code == 2
        assert (run / name).read_bytes() == before


def test_usage_errors_exit_2(demo_run, tmp_path):
    assert _export(demo_run).exit_code == 2  # no -o
    assert _export(demo_run, "-o", tmp_path / "x", "--format", "xml").exit_code == 2
    assert (
        _export(demo_run, "-o", tmp_path, "--text-note-ids").exit_code == 2
    )  # a folder


def test_note_nlp_help():
    result = CliRunner().invoke(main, ["export", "note-nlp", "-h"])
    assert result.exit_code == 0 and "Example:" in result.output
    cmd = main.commands["export"].commands["note-nlp"]
    assert all(p.help for p in cmd.params if p.param_type_name == "option")


def test_the_readme_documents_every_column():
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = text.split("### OMOP NOTE_NLP export", 1)[1].split("\n### ", 1)[0]
    documented = {
        name.strip()
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| ---")
        for name in line.split("|")[1].split(",")
    }
    assert set(NOTE_NLP_COLUMNS) <= documented
    for key in MODIFIER_KEYS:
        assert f"`{key}=" in section
