"""A lab value written with another analyte's unit is not read, and never
fails its report (the whole report was an error row before)."""

from __future__ import annotations

import pytest

from calc_nlp.labs import LabParser


@pytest.mark.parametrize(
    "text",
    [
        "Calcium 9.1 pg/mL.",
        "CALCIUM 9.1 PG/ML",
        "Phosphorus 4.0 pg/mL",
        "Ca 2.3 pg/ml, otherwise normal",
    ],
)
def test_a_unit_of_another_analyte_gives_no_value(rules, text):
    assert LabParser(rules.labs).parse(text) == []


def test_the_report_is_still_analysed(analyzer):
    result = analyzer.analyze(
        "Calcium 9.1 pg/mL. Calcified granuloma in the right lung.", "R1"
    )
    assert [(f.site, f.laterality) for f in result.findings] == [("lung", "right")]


def test_the_analyte_s_own_unit_is_still_read(rules):
    (value,) = LabParser(rules.labs).parse("PTH 450 PG/ML")
    assert (value.name, value.value, value.unit) == ("pth", 450.0, "pg/mL")
