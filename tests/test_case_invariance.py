"""The corpus dev split scored in capitals scores as written: every field,
every descriptor and the lesion pairing stay within a hair of the figures
of the text as written (an export in capitals is the same report).
tests/test_mangled_exports.py allows capitals a 0.01 fall on a few fields;
this holds all of them, descriptors and lesions too, to CASE_TOLERANCE."""

from __future__ import annotations

from pathlib import Path

import pytest

from calc_nlp.evaluate import read_gold, score

DEV = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "dev.jsonl"
# the fall allowed to any figure: one report's reading in a thousand
CASE_TOLERANCE = 0.001


def _figures(analyzer, capitals: bool) -> dict[str, float]:
    with open(DEV, encoding="utf-8") as fh:
        gold = list(read_gold(fh))
    pairs = []
    for g in gold:
        text = g.text.upper() if capitals else g.text
        pairs.append((g, analyzer.analyze(text, g.report_id)))
    s = score(pairs, max_errors=0)
    out = {
        "mention F1": s["mention_f1"],
        "every field": s["all_fields_right"],
        "conditions P": s["conditions"]["precision"],
        "conditions R": s["conditions"]["recall"],
    }
    for name, v in s["fields"].items():
        out[name] = v["accuracy"]
    for name, v in s.get("descriptors", {}).items():
        if name == "lesion_pairs":
            out["lesion F1"] = v["f1"]
        elif isinstance(v, dict):
            out[name] = v.get("exact", v.get("accuracy"))
            out[name + " P"] = v.get("precision")
    return {k: v for k, v in out.items() if v is not None}


@pytest.fixture(scope="module")
def both(analyzer) -> tuple[dict[str, float], dict[str, float]]:
    return _figures(analyzer, False), _figures(analyzer, True)


def test_capitals_keep_every_figure_of_the_dev_split(both):
    written, capitals = both
    assert written["every field"] > 0.9  # the comparison means something
    assert "lesion F1" in written and "morphology" in written
    fallen = {
        k: (v, capitals.get(k))
        for k, v in written.items()
        if capitals.get(k) is None or capitals[k] < v - CASE_TOLERANCE
    }
    assert not fallen, f"(as written, in capitals) {fallen}"
