"""The Python API: `calc_nlp.extract` gives the tables `run --format parquet`
writes (values and dtypes), keeps input columns, reports errors as `run` does;
`calc_nlp.analyze` gives one report's typed result; `import calc_nlp` is cheap."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

import calc_nlp
from calc_nlp.errors import PatternError
from calc_nlp.rules import default_patterns_dir
from calc_nlp.schema import FINDING_COLUMNS, REPORT_COLUMNS, Finding, ReportResult

from .conftest import DEMO, ROOT, calc_nlp_cmd

KEEP = ["Site_Code", "batch_no"]


def notebook_frame() -> pd.DataFrame:
    """The demo reports as a notebook would hold them, with extra columns and
    the rows every run must account for: a duplicate id, an empty text, a
    missing text, a missing id."""
    df = pd.read_csv(DEMO / "reports.csv", dtype=str, keep_default_na=False)
    extra = pd.DataFrame(
        {
            "report_id": ["DEMO-003", "EMPTY-1", "NONE-1", None],
            "text": ["Calcified granuloma.", "   ", None, "Calcified granuloma."],
        }
    )
    df = pd.concat([df, extra], ignore_index=True)
    df["Site_Code"] = [f"S{n % 3}" for n in range(len(df))]
    df["batch_no"] = pd.Series(range(100, 100 + len(df)), dtype="int64")
    return df


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return notebook_frame()


@pytest.fixture(scope="module")
def result(frame):
    return calc_nlp.extract(frame, keep=KEEP)


@pytest.fixture(scope="module")
def run_tables(frame, tmp_path_factory):
    """`calc-nlp run --format parquet --keep-col ...` on the same frame, read back."""
    tmp = tmp_path_factory.mktemp("run")
    src = tmp / "reports.parquet"
    frame[["report_id", "text", *KEEP]].to_parquet(src, index=False)
    out = tmp / "out"
    keep = [a for k in KEEP for a in ("--keep-col", k)]
    done = subprocess.run(
        calc_nlp_cmd("run", src, "-o", out, "--format", "parquet", "-q", *keep),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr  # 1: completed, rows in errors.csv
    return (
        pd.read_parquet(out / "findings.parquet"),
        pd.read_parquet(out / "reports.parquet"),
        pd.read_csv(
            out / "errors.csv", dtype={"report_id": str}, keep_default_na=False
        ),
    )


def test_extract_equals_run_parquet(result, run_tables):
    """Kept columns included: a Parquet input's int64 stays int64 in both."""
    findings, reports, _ = run_tables
    assert len(findings) > 20 and len(reports) == 34
    assert list(findings.columns[-2:]) == KEEP and findings["batch_no"].dtype == "int64"
    pd.testing.assert_frame_equal(result.findings, findings)
    pd.testing.assert_frame_equal(result.reports, reports)


def test_columns_have_real_dtypes(result):
    f, r = result.findings, result.reports
    assert list(f.columns) == [*FINDING_COLUMNS, *KEEP]
    assert list(r.columns) == [*REPORT_COLUMNS, *KEEP]
    for flag in ("negated", "uncertain", "historical", "hypothetical", "family"):
        assert f[flag].dtype == bool
    assert f["start_char"].dtype == "int64" and f["confidence"].dtype == "float64"
    assert r["n_findings"].dtype == "int64" and r["row"].dtype == "int64"
    assert r["serum_calcium"].dtype == "float64"
    assert f["negated"].any() and not f["negated"].all()


def test_statuses_as_in_run(result, run_tables):
    r = result.reports.set_index("row")
    assert r.loc[31, ["status", "reason"]].tolist() == ["duplicate_id", "duplicate_id"]
    assert r.loc[32, "status"] == "empty" and r.loc[33, "status"] == "empty"
    assert r.loc[34, ["status", "reason"]].tolist() == ["error", "missing_id"]
    assert result.errors["row"].tolist() == [31, 34]
    run_errors = run_tables[2].drop(columns=KEEP)
    pd.testing.assert_frame_equal(result.errors, run_errors, check_dtype=False)


def test_keep_columns_on_every_row(frame, result):
    by_id = frame.drop_duplicates("report_id").set_index("report_id")
    for table in (result.findings, result.reports):
        assert table[KEEP].notna().all().all()
        assert table["batch_no"].dtype == "int64"
    f = result.findings
    expected = by_id.loc[f["report_id"], KEEP].reset_index(drop=True)
    pd.testing.assert_frame_equal(f[KEEP], expected)
    # every report row carries its own input row's values, duplicates included
    assert result.reports["batch_no"].tolist() == frame["batch_no"].tolist()


def test_missing_keep_column_names_it_and_close_names_never_values(frame):
    secret = frame.assign(text="PATIENT-SECRET-VALUE")
    with pytest.raises(ValueError) as err:
        calc_nlp.extract(secret, keep=["site_code"])
    message = str(err.value)
    assert "'site_code'" in message and "'Site_Code'" in message
    assert "PATIENT-SECRET-VALUE" not in message and "DEMO-" not in message


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"id_col": "reportid"}, ["'reportid'", "'report_id'"]),
        ({"text_col": "body"}, ["'body'", "not found"]),
        ({"keep": ["status"]}, ["'status'", "output column"]),
        ({"keep": ["batch_no", "batch_no"]}, ["more than once"]),
        ({"keep": ["Report_ID"]}, ["'Report_ID'", "is the id column"]),
        ({"keep": ["Status"]}, ["'Status'", "output column", "'status'"]),
    ],
)
def test_bad_columns_are_value_errors(frame, kwargs, words):
    with pytest.raises(ValueError) as err:
        calc_nlp.extract(frame.assign(status="x"), **kwargs)
    for word in words:
        assert word in str(err.value)


def test_list_and_mapping_inputs():
    texts = ["Calcified granuloma in the right upper lobe.", "", "No calcification."]
    by_list = calc_nlp.extract(texts)
    assert by_list.reports["report_id"].tolist() == ["1", "2", "3"]
    assert by_list.reports["status"].tolist() == ["ok", "empty", "ok"]
    assert by_list.findings["report_id"].tolist() == ["1", "3"]
    assert by_list.findings["negated"].tolist() == [False, True]
    by_map = calc_nlp.extract({"a": texts[0], 7: texts[2]})
    assert by_map.findings["report_id"].tolist() == ["a", "7"]
    assert by_map.findings["site"].tolist() == by_list.findings["site"].tolist()


def test_a_series_index_gives_the_report_ids(frame, result):
    """`extract(df.set_index("report_id")["text"])`: the index was ignored and
    the ids were "1", "2", ... (the report ids silently lost). A Series is read
    as a mapping index -> text (a repeated index value a duplicate_id, a
    missing one a missing_id); only pandas' default index, which labels
    nothing, numbers the texts as a list does."""
    by_series = calc_nlp.extract(frame.set_index("report_id")["text"])
    pd.testing.assert_frame_equal(by_series.reports, result.reports[list(REPORT_COLUMNS)])
    pd.testing.assert_frame_equal(
        by_series.findings, result.findings[list(FINDING_COLUMNS)]
    )
    texts = ["Calcified granuloma in the right upper lobe.", "No calcification."]
    by_default = calc_nlp.extract(pd.Series(texts))
    assert by_default.reports["report_id"].tolist() == ["1", "2"]
    sliced = calc_nlp.extract(pd.Series(texts * 2).iloc[2:])
    assert sliced.reports["report_id"].tolist() == ["2", "3"]
    numbered = calc_nlp.extract(pd.Series(texts, index=[1001.0, 1002.0]))
    assert numbered.reports["report_id"].tolist() == ["1001", "1002"]
    with pytest.raises(ValueError, match="MultiIndex"):
        calc_nlp.extract(pd.Series(texts, index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)])))


def test_wrong_inputs():
    with pytest.raises(TypeError, match="calc_nlp.analyze"):
        calc_nlp.extract("Calcified granuloma.")
    with pytest.raises(ValueError, match="needs a DataFrame"):
        calc_nlp.extract(["Calcified granuloma."], keep=["mrn"])
    with pytest.raises(TypeError, match="not int"):
        calc_nlp.extract(42)


def test_no_findings_gives_typed_empty_table():
    r = calc_nlp.extract(["Normal chest."])
    assert r.findings.empty and list(r.findings.columns) == list(FINDING_COLUMNS)
    assert r.findings["negated"].dtype == bool
    assert r.reports["n_findings"].tolist() == [0]
    assert repr(r) == "Result(findings=0 rows, reports=1 rows)"  # no row values


def test_a_failing_report_is_an_error_row(monkeypatch):
    from calc_nlp import api

    analyzer = api.engine_for(None).analyzer
    real = analyzer.analyze

    def analyze(text, *args, **kwargs):
        if "BOOM" in text:
            raise RuntimeError("boom")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(analyzer, "analyze", analyze)
    r = calc_nlp.extract(["Calcified granuloma. BOOM", "Calcified granuloma."])
    assert r.reports["status"].tolist() == ["error", "ok"]
    assert r.reports["reason"][0] == "processing_failed:RuntimeError"
    assert r.findings["report_id"].tolist() == ["2"]


def test_analyze_is_the_same_engine_as_extract():
    text = "Calcified granuloma in the right upper lobe. No renal calcification."
    one = calc_nlp.analyze(text, report_id="R1")
    assert isinstance(one, ReportResult) and one.status == "ok"
    assert all(isinstance(f, Finding) for f in one.findings)
    table = calc_nlp.extract({"R1": text}).findings
    assert [f.finding_id for f in one.findings] == table["finding_id"].tolist()
    assert [f.site for f in one.findings] == table["site"].tolist()
    assert [f.negated for f in one.findings] == [False, True]
    assert one.findings[0].classification == "dystrophic"


def test_user_patterns_folder(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(default_patterns_dir(), rules)
    texts = ["Calcified granuloma in the right upper lobe."]
    mine = calc_nlp.extract(texts, patterns=rules).findings
    pd.testing.assert_frame_equal(mine, calc_nlp.extract(texts).findings)
    (rules / "cues.json").write_text("{", encoding="utf-8")
    with pytest.raises(PatternError, match="cues.json"):
        calc_nlp.extract(texts, patterns=rules)


def test_import_is_cheap_and_lazy():
    code = (
        "import sys, calc_nlp\n"
        "heavy = {'spacy', 'pandas', 'medspacy', 'calc_nlp.api'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
        "assert {'extract', 'analyze', 'Result'} <= set(dir(calc_nlp))\n"
        "f = calc_nlp.extract\n"
        "assert 'calc_nlp.api' in sys.modules and 'spacy' not in sys.modules\n"
        "assert f.__name__ == 'extract' and calc_nlp.Result.__name__ == 'Result'\n"
        "try:\n    calc_nlp.nothing\nexcept AttributeError:\n    print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr


def readme_example(heading: str) -> str:
    """The first Python block under a README heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n### {heading}\n", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("heading", ["Python API", "spaCy component"])
def test_readme_examples_run(tmp_path, heading):
    """The README's examples run as written, from a folder that has the demo
    corpus where the repository has it."""
    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    (tmp_path / "out").mkdir()
    done = subprocess.run(
        [sys.executable, "-c", readme_example(heading)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "dystrophic" in done.stdout and "lung" in done.stdout
