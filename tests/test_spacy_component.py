"""The spaCy component: found by name through the entry point, findings as
spans with their attributes (the same as `calc_nlp.analyze`), aligned to the
caller's tokens, and its rules saved and loaded with the pipeline."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc

import calc_nlp
from calc_nlp.rules import FILES, default_patterns_dir
from calc_nlp.spacy_component import SPAN_ATTRS, finding_attributes

TEXT = (
    "INDICATION: hyperparathyroidism.\n"
    "FINDINGS: Calcified granuloma in the right upper lobe. "
    "No renal calcification. Possible calcification of the left breast."
)

FRESH = """
import json, spacy
nlp = spacy.blank("en")
nlp.add_pipe("calc_nlp")
doc = nlp(json.loads(input()))
print(json.dumps({
    "spans": [
        [s.start_char, s.end_char, s.label_, s.id_, {a: s._.get(a) for a in ATTRS}]
        for s in doc.spans["calc_nlp"]
    ],
    "conditions": doc._.calc_nlp_conditions,
    "classification": doc._.calc_nlp_classification,
}))
"""


def test_add_pipe_by_name_in_a_fresh_process():
    """The script never imports calc_nlp: spaCy finds the factory through the
    `spacy_factories` entry point of the installed package."""
    code = FRESH.replace("ATTRS", repr(SPAN_ATTRS))
    assert "import calc_nlp" not in code and "from calc_nlp" not in code
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(TEXT),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout)
    expected = calc_nlp.analyze(TEXT)
    assert len(expected.findings) == 3
    assert got["spans"] == [
        # through JSON as the script prints them (tuples become lists)
        [
            f.start,
            f.end,
            "CALCIFICATION",
            f.finding_id,
            json.loads(json.dumps(finding_attributes(f))),
        ]
        for f in expected.findings
    ]
    sites = [(s[4]["site"], s[4]["laterality"], s[4]["negated"]) for s in got["spans"]]
    assert sites == [
        ("lung", "right", False),
        ("kidney", "", True),
        ("breast", "left", False),
    ]
    assert got["spans"][2][4]["uncertain"] is True
    assert got["conditions"] == [
        {
            "name": "hyperparathyroidism",
            "category": "metastatic",
            "section": "indication",
            "historical": False,
        }
    ]
    assert got["classification"] == "dystrophic"


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("calc_nlp")
    return pipeline


def test_spans_expand_to_the_callers_tokens(nlp):
    """The caller's tokens are kept: a mention that ends inside one of them
    becomes a span over the whole token (alignment_mode="expand")."""
    words = ["Calcified", "granuloma,right", "upper", "lobe."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, False])
    doc = nlp.get_pipe("calc_nlp")(doc)
    assert [t.text for t in doc] == words
    (span,) = doc.spans["calc_nlp"]
    (finding,) = calc_nlp.analyze(doc.text).findings
    assert doc.text[finding.start : finding.end] == "Calcified granuloma"
    assert span.text == "Calcified granuloma,right"
    assert span._.finding_id == finding.finding_id and span._.site == "lung"


def test_no_findings_and_empty_text(nlp):
    for text in ("Normal chest radiograph.", ""):
        doc = nlp(text)
        assert list(doc.spans["calc_nlp"]) == []
        assert doc._.calc_nlp_conditions == []
        assert doc._.calc_nlp_classification == "none"


def _spans(pipeline):
    doc = pipeline(TEXT)  # a span group lives only as long as its doc
    return [(s.start_char, s.end_char, s.id_, s._.site) for s in doc.spans["calc_nlp"]]


def test_to_disk_from_disk_keeps_the_rules_used(tmp_path):
    """A pipeline built with a rule folder saves those rules and loads them
    back, without the original folder."""
    rules = tmp_path / "rules"
    shutil.copytree(default_patterns_dir(), rules)
    sites = rules / "sites.json"
    sites.write_text(json.dumps(json.loads(sites.read_text("utf-8")), indent=1))
    built = spacy.blank("en")
    built.add_pipe("calc_nlp", config={"patterns": str(rules)})
    version = built.get_pipe("calc_nlp").rules.version
    assert version != calc_nlp.api.engine_for(None).rules.version
    before = _spans(built)
    built.to_disk(tmp_path / "saved")
    for name in FILES:
        saved = tmp_path / "saved" / "calc_nlp" / name
        assert saved.read_bytes() == (rules / name).read_bytes()
    shutil.rmtree(rules)
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.get_pipe("calc_nlp").rules.version == version
    after = _spans(loaded)
    assert after == before and len(after) == 3


def test_bad_rules_in_from_disk_name_the_file(tmp_path, nlp):
    from calc_nlp.errors import PatternError

    bad = tmp_path / "bad"
    shutil.copytree(default_patterns_dir(), bad)
    (bad / "context.json").write_text('{"unknown": 1}', encoding="utf-8")
    component = spacy.blank("en").add_pipe("calc_nlp")
    with pytest.raises(PatternError, match="context.json"):
        component.from_disk(bad)


def test_report_id_on_the_doc_gives_the_runs_finding_ids(nlp):
    """finding_id / lesion_id were computed with an empty report id, so they
    never equalled a run's ids for the same report: decisions joined on
    finding_id never matched. `doc._.calc_nlp_report_id`, set before the
    component runs, is read as run reads an id (7 as "7"); without it the
    ids are those of an empty report id, as before."""
    run = calc_nlp.extract({"R7": TEXT, 7: TEXT}).findings
    docs = []
    for rid in ("R7", 7):
        doc = nlp.make_doc(TEXT)
        doc._.calc_nlp_report_id = rid
        docs.append(doc)
    got = [
        (s._.finding_id, s._.lesion_id, s.id_)
        for doc in nlp.pipe(docs)
        for s in doc.spans["calc_nlp"]
    ]
    assert got == list(zip(run.finding_id, run.lesion_id, run.finding_id, strict=True))
    plain = nlp(TEXT)  # a span group lives only as long as its doc
    anonymous = [s._.finding_id for s in plain.spans["calc_nlp"]]
    assert anonymous == [f.finding_id for f in calc_nlp.analyze(TEXT).findings]
    assert not set(anonymous) & set(run.finding_id)


def test_span_attributes_are_the_parquet_values(nlp):
    """`morphology` / `distribution` came back as tuples (`()`, `("popcorn",)`)
    where findings.parquet holds text (`''`, `'popcorn'`), though the README
    promises the Parquet's types: every attribute is now the value `extract`
    (findings.parquet) gives, an empty number None."""
    text = TEXT + " Popcorn calcification in a 12 mm nodule in the left lower lobe."
    doc = nlp.make_doc(text)
    doc._.calc_nlp_report_id = "R1"
    doc = nlp(doc)
    table = calc_nlp.extract({"R1": text}).findings[list(SPAN_ATTRS)]
    want = [
        {a: (None if isinstance(v, float) and v != v else v) for a, v in r.items()}
        for r in table.to_dict("records")
    ]
    got = [{a: s._.get(a) for a in SPAN_ATTRS} for s in doc.spans["calc_nlp"]]
    assert got == want
    assert [g["morphology"] for g in got][-1] == "popcorn"
