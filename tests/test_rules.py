"""Rule files validate on load; bad files fail with file, rule and key named."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from calc_nlp.errors import PatternError
from calc_nlp.omop_concepts import CONCEPTS_FILE
from calc_nlp.rules import FILES, default_patterns_dir, load_rules

from .patterns_copy import copy_patterns

ROOT = Path(__file__).resolve().parents[1]


def test_bundled_rules_load(rules):
    assert (
        rules.mentions
        and rules.site_rules
        and rules.condition_rules
        and rules.context_rules
    )
    assert len(rules.version) == 12


def test_every_rule_has_provenance(rules):
    for rid, rule in rules.rule_index.items():
        src = rule["metadata"]["source"]
        assert re.search(
            r"guide §\d|seed|docs/guide\.md|README\.md|corpora/GUIDE\.md, Descriptors",
            src,
        ), (rid, src)


def test_sources_point_inside_the_repo(rules):
    """A source names the guide, a seed or our README, never a file users lack."""
    for rid, rule in rules.rule_index.items():
        src = rule["metadata"]["source"]
        assert not re.search(r"ANCHORS|\.\./|issue \d", src), (rid, src)


def test_site_vocabulary_is_the_guides(rules):
    guide = ROOT / "docs" / "guide.md"
    table = (
        guide.read_text(encoding="utf-8")
        .split("### Site vocabulary")[1]
        .split("## 3.")[0]
    )
    names = {
        m.group(1).strip() for m in re.finditer(r"^\| ([a-z ]+) \|", table, re.M)
    } - {"site"}
    assert names == set(rules.sites)


def _edit(path: Path, fn) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_unknown_rule_key_is_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(
        d / "mentions.json", lambda x: x["target_rules"][0].update(terminated_by=["X"])
    )
    with pytest.raises(PatternError) as e:
        load_rules(d)
    msg = str(e.value)
    assert (
        msg.startswith("mentions.json, rule M-calcification, key 'terminated_by'")
        and "allowed" in msg
    )


def test_unknown_top_level_key_is_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(d / "context.json", lambda x: x.update(rules=[]))
    with pytest.raises(PatternError, match="context.json: unknown keys"):
        load_rules(d)


def test_invalid_token_pattern_is_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(
        d / "mentions.json",
        lambda x: x["target_rules"][0].update(pattern=[{"LOWR": "calcified"}]),
    )
    with pytest.raises(
        PatternError, match="rule M-calcification, key 'pattern': invalid token pattern"
    ):
        load_rules(d)


def test_missing_source_is_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(d / "cues.json", lambda x: x["target_rules"][0]["metadata"].pop("source"))
    with pytest.raises(PatternError, match="cues.json, rule .*key 'source'"):
        load_rules(d)


def test_unknown_site_is_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(
        d / "mentions.json",
        lambda x: next(r for r in x["target_rules"] if "implied_site" in r["metadata"])[
            "metadata"
        ].update(implied_site="elbow"),
    )
    with pytest.raises(
        PatternError, match="site 'elbow' is not in the site vocabulary"
    ):
        load_rules(d)


def test_unknown_also_condition_is_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(
        d / "conditions.json",
        lambda x: x["conditions"][0]["terms"][0].update(also=["brittle bones"]),
    )
    with pytest.raises(PatternError, match="condition 'brittle bones' is not in"):
        load_rules(d)


def test_unknown_mention_prone_condition_is_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(
        d / "mentions.json",
        lambda x: next(
            r for r in x["target_rules"] if "dystrophic_prone_if" in r["metadata"]
        )["metadata"].update(dystrophic_prone_if=["brittle bones"]),
    )
    with pytest.raises(
        PatternError, match="mentions.json.*condition 'brittle bones' is not in"
    ):
        load_rules(d)


def test_bad_condition_category_is_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(
        d / "conditions.json", lambda x: x["conditions"][0].update(category="systemic")
    )
    with pytest.raises(
        PatternError,
        match="conditions.json, rule K-chronic-kidney-disease, key 'category'",
    ):
        load_rules(d)


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (lambda c: c["terms"][0].update(lead="yes"), "lead"),
        (lambda c: c.update(lead_not_before="treatment"), "lead_not_before"),
    ],
)
def test_bad_lead_keys_are_rejected(tmp_path, edit, key):
    d = copy_patterns(tmp_path)
    _edit(d / "conditions.json", lambda x: edit(x["conditions"][0]))
    with pytest.raises(
        PatternError, match=f"conditions.json, rule K-chronic-kidney-disease, key '{key}'"
    ):
        load_rules(d)


def test_duplicate_ids_are_rejected(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(
        d / "context.json", lambda x: x["context_rules"].append(x["context_rules"][0])
    )
    with pytest.raises(PatternError, match="duplicate rule id"):
        load_rules(d)


def test_bad_json_names_the_file(tmp_path):
    d = copy_patterns(tmp_path)
    (d / "labs.json").write_text("{", encoding="utf-8")
    with pytest.raises(PatternError, match="^labs.json: invalid JSON"):
        load_rules(d)


def test_every_file_is_checked():
    """The rule files, plus the export's concept table (checked by omop_concepts.py,
    and outside the rules version: concept ids do not change findings)."""
    names = {p.name for p in default_patterns_dir().glob("*.json")}
    assert set(FILES) | {CONCEPTS_FILE} == names


def test_code_holds_no_medical_word_lists():
    """Medical vocabulary lives in patterns/: the code names none of these words."""
    words = [
        "granuloma",
        "phlebolith",
        "nephrocalcinosis",
        "sarcoid",
        "dialysis",
        "pineal",
        "carotid",
        "hyperparathyroid",
    ]
    for path in (ROOT / "pipeline" / "calc_nlp").glob("*.py"):
        code = "\n".join(
            re.sub(r"#.*$", "", line)
            for line in path.read_text(encoding="utf-8").splitlines()
        )
        code = re.sub(
            r'"""[\s\S]*?"""', "", code
        )  # docstrings may explain with examples
        for w in words:
            assert w not in code.lower(), f"{path.name} names {w!r}"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"part_of": "mitral valev"}, "site 'mitral valev' is not in the site"),
        ({"part_of": ["mitral valve"]}, "part_of must be one site's name"),
        ({"generic": False}, "part_of is read on a generic SITE rule only"),
    ],
)
def test_part_of_names_one_site_on_a_generic_site_rule(tmp_path, change, message):
    d = copy_patterns(tmp_path)
    _edit(
        d / "sites.json",
        lambda x: next(
            r for r in x["target_rules"] if "part_of" in r["metadata"]
        )["metadata"].update(change),
    )
    with pytest.raises(PatternError, match=message):
        load_rules(d)


def _site(x, name):
    return next(e for e in x["sites"] if e["name"] == name)


def test_unpaired_is_true_or_false(tmp_path):
    d = copy_patterns(tmp_path)
    _edit(d / "sites.json", lambda x: _site(x, "spleen").update(unpaired="yes"))
    with pytest.raises(PatternError, match="unpaired must be true or false"):
        load_rules(d)


@pytest.mark.parametrize(
    ("whole", "message"),
    [
        ("mitral valev", "site 'mitral valev' is not in the site"),
        (["mitral valve"], "part_of must be one site's name"),
    ],
)
def test_part_of_of_a_site_entry_names_one_site(tmp_path, whole, message):
    d = copy_patterns(tmp_path)
    _edit(d / "sites.json", lambda x: _site(x, "mitral annulus").update(part_of=whole))
    with pytest.raises(PatternError, match=message):
        load_rules(d)


@pytest.mark.parametrize(
    ("site", "words", "message"),
    [
        ("artery", "atherosclerotic", "disease_words must be lower-case single words"),
        ("artery", ["Atherosclerotic"], "disease_words must be lower-case single words"),
        ("artery", ["atherosclerotic disease"], "disease_words must be lower-case single words"),
        ("aorta", ["atherosclerotic"], "disease word 'atherosclerotic' names two sites"),
    ],
)
def test_disease_words_are_checked(tmp_path, site, words, message):
    """`disease_words` are read as single lower-case tokens, one site each: a
    string, a capital, a phrase or a word two sites claim is refused."""
    d = copy_patterns(tmp_path)
    _edit(d / "sites.json", lambda x: _site(x, site).update(disease_words=words))
    with pytest.raises(PatternError, match=message):
        load_rules(d)


@pytest.mark.parametrize(
    ("file", "key", "value", "message"),
    [
        ("sites.json", "only_before", "leaflets", "only_before must be a list of lower-case words"),
        ("sites.json", "only_before", ["Leaflets"], "only_before must be a list of lower-case words"),
        ("sites.json", "only_before", [], "only_before must be a list of lower-case words"),
        (
            "context.json",
            "findings_after_only",
            "a an",
            "findings_after_only must be a list of lower-case words",
        ),
        (
            "context.json",
            "findings_after_only",
            ["CT"],
            "findings_after_only must be a list of lower-case words",
        ),
        ("context.json", "line_break", "yes", "line_break must be true or false"),
        ("context.json", "not_a_vessels_value", "yes", "not_a_vessels_value must be true or false"),
        ("context.json", "history_item", "yes", "history_item must be true or false"),
        ("mentions.json", "value_after", "yes", "value_after must be true or false"),
        ("mentions.json", "column_heading", "yes", "column_heading must be true or false"),
        ("mentions.json", "title_unless_value", "yes", "title_unless_value must be true or false"),
    ],
)
def test_typed_rule_metadata_is_checked(tmp_path, file, key, value, message):
    """A string for `only_before` would be searched for substrings, a string
    for `line_break` read as true: the loader refuses both, naming the rule."""
    d = copy_patterns(tmp_path)
    rules = "context_rules" if file == "context.json" else "target_rules"
    found = {}

    def change(x):
        rule = next(r for r in x[rules] if key in r["metadata"])
        rule["metadata"][key] = value
        found["id"] = rule["metadata"]["id"]

    _edit(d / file, change)
    with pytest.raises(PatternError, match=message) as e:
        load_rules(d)
    assert f"rule {found['id']}, key '{key}'" in str(e.value)


@pytest.mark.parametrize("key", ["result_verbs", "present_results"])
def test_clause_verb_lists_must_be_lower_case(tmp_path, key):
    """The clause verbs are looked up by a token's lower case: a capitalised
    word there would never match, so the loader refuses it, naming the list."""
    d = copy_patterns(tmp_path)
    _edit(d / "context.json", lambda x: x["clause_verbs"][key].append("Shows"))
    with pytest.raises(PatternError, match="words must be lower-case strings") as e:
        load_rules(d)
    assert key in str(e.value)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ({"Sarcoidossis": "sarcoidosis"}, "must be one lower-case word"),
        ({"sarcoid osis": "sarcoidosis"}, "must be one lower-case word"),
        ({"sarcoid": "sarcoidosis"}, "is a word of a term"),
        ({"sarcoidossis": "sarcoidossis2"}, "is no word of a term"),
        (["sarcoidossis"], "words must map misspellings to words"),
    ],
)
def test_condition_spelling_variants_are_checked(tmp_path, words, message):
    """conditions.json `spelling_variants` maps one lower-case misspelling to
    a word the terms use; a misspelling that is itself a term's word, or a
    word no term uses, is refused."""
    d = copy_patterns(tmp_path)
    _edit(d / "conditions.json", lambda x: x["spelling_variants"].update(words=words))
    with pytest.raises(PatternError, match=message):
        load_rules(d)


def test_condition_spelling_variant_matches_every_term_with_its_word(tmp_path):
    """A misspelling stands for its word in every term that uses it, a term
    of several words included ('primary hyperparathyroidsm')."""
    from calc_nlp.stages import Analyzer

    d = copy_patterns(tmp_path)
    _edit(
        d / "conditions.json",
        lambda x: x["spelling_variants"].update(words={"hyperparathyroidsm": "hyperparathyroidism"}),
    )
    analyzer = Analyzer(load_rules(d))
    result = analyzer.analyze("PMH: primary hyperparathyroidsm. Nephrocalcinosis.", "T")
    assert [c.name for c in result.conditions] == ["hyperparathyroidism"]
    result = analyzer.analyze("PMH: hyperparathyroidsm. Nephrocalcinosis.", "T")
    assert [c.name for c in result.conditions] == ["hyperparathyroidism"]


def _twice_site(x):
    x["sites"].append(dict(x["sites"][0], source="a second entry"))
    return "sites.json", x["sites"][0]["name"], ("#0", f"#{len(x['sites']) - 1}")


def _twice_condition(x):
    first = x["conditions"][0]
    x["conditions"].append(dict(first, id="K-second", terms=[{"term": "zzqx"}]))
    return "conditions.json", first["name"], (first["id"], "K-second")


def _twice_analyte(x):
    first = x["analytes"][0]
    x["analytes"].append(dict(first, id="B-second"))
    return "labs.json", first["name"], (first["id"], "B-second")


@pytest.mark.parametrize(
    ("file", "twice"),
    [
        ("sites.json", _twice_site),
        ("conditions.json", _twice_condition),
        ("labs.json", _twice_analyte),
    ],
)
def test_a_name_given_twice_is_refused_naming_both_rules(tmp_path, file, twice):
    """Two sites, conditions or analytes of one name: the second silently
    replaced the first (its class, category or ranges); refused at load,
    exit 2, naming the file and both entries."""
    from click.testing import CliRunner

    from calc_nlp.cli import main

    d = copy_patterns(tmp_path)
    found = {}
    keys = ("file", "name", "ids")
    _edit(d / file, lambda x: found.update(zip(keys, twice(x), strict=True)))
    with pytest.raises(PatternError) as e:
        load_rules(d)
    msg = str(e.value)
    assert msg.startswith(file) and repr(found["name"]) in msg
    assert all(rid in msg for rid in found["ids"]), msg
    src = tmp_path / "in.csv"
    src.write_text("report_id,text\na,Calcified granuloma.\n", encoding="utf-8")
    r = CliRunner().invoke(
        main, ["run", str(src), "-o", str(tmp_path / "o"), "--patterns", str(d)]
    )
    assert r.exit_code == 2 and msg in r.output, r.output


def test_a_vessel_regex_is_probed_with_the_vessel_names(tmp_path):
    """A `{vessel}` regex checked with "x" in its place only: one the vessel
    names break (a look-behind of several widths) passed the check, then
    failed every run (exit 7) and explain (a traceback)."""
    from click.testing import CliRunner

    from calc_nlp.cli import main

    d = copy_patterns(tmp_path)
    rx = r"(?<=\bin the {vessel} )(?P<value>\d+)(?P<vessel>)"
    _edit(
        d / "descriptors.json",
        lambda x: x["patterns"].append(
            {"id": "W-behind", "kind": "vessel", "source": "test", "regex": rx}
        ),
    )
    with pytest.raises(PatternError, match="invalid regex") as e:
        load_rules(d)
    assert str(e.value).startswith("descriptors.json, rule W-behind, key 'regex'")
    src = tmp_path / "in.csv"
    src.write_text("report_id,text\na,Calcified granuloma.\n", encoding="utf-8")
    for args in (
        ["run", str(src), "-o", str(tmp_path / "o")],
        ["explain", "Calcified granuloma."],
    ):
        r = CliRunner().invoke(main, [*args, "--patterns", str(d)])
        assert r.exit_code == 2 and "W-behind" in r.output, r.output


def _set(path, value):
    def edit(x):
        for k in path[:-1]:
            x = x[k]
        x[path[-1]] = value

    return edit


@pytest.mark.parametrize(
    ("file", "path", "value", "where"),
    [
        (
            "conditions.json",
            ("conditions", 0, "terms"),
            7,
            "rule K-chronic-kidney-disease, key 'terms'",
        ),
        ("conditions.json", ("conditions", 0), {"a": 1}, "rule #0, key 'a'"),
        ("labs.json", ("analytes", 0), {}, "rule #0, key"),
        (
            "mentions.json",
            ("token_norms", 0, "regex"),
            7,
            "rule N-calcification, key 'regex'",
        ),
        ("sites.json", ("sites", 0, "name"), 7, "rule #0, key 'name'"),
        ("sites.json", ("sites", 0), {}, "rule #0, key"),
        (
            "sites.json",
            ("sites", 0, "dystrophic_prone_if"),
            "ckd",
            "rule lung, key 'dystrophic_prone_if'",
        ),
        ("sites.json", ("exams", 0, "exam_terms"), 7, "rule E-ribs, key 'exam_terms'"),
        ("sites.json", ("exams", 0, "defaults"), 7, "rule E-ribs, key 'defaults'"),
        ("sites.json", ("exams", 0, "side_sites"), 7, "rule E-ribs, key 'side_sites'"),
        ("descriptors.json", ("patterns", 0, "id"), [], "rule #0, key 'id'"),
        ("descriptors.json", ("cac_drs", "bands"), "x", "rule cac_drs, key 'bands'"),
        (
            "descriptors.json",
            ("cac_drs", "bands"),
            [{"min": "x"}],
            "rule cac_drs, key 'bands'",
        ),
        (
            "descriptors.json",
            ("number_words", "words"),
            7,
            "rule number_words, key 'words'",
        ),
        (
            "conditions.json",
            ("conditions", 0, "terms"),
            None,
            "rule K-chronic-kidney-disease, key 'terms'",
        ),
        (
            "mentions.json",
            ("token_norms", 0, "regex"),
            None,
            "rule N-calcification, key 'regex'",
        ),
        ("sites.json", ("sites", 0, "name"), None, "rule #0, key 'name'"),
        (
            "sites.json",
            ("sites", 0, "dystrophic_prone_if"),
            None,
            "rule lung, key 'dystrophic_prone_if'",
        ),
        ("sites.json", ("exams", 0, "defaults"), None, "rule E-ribs, key 'defaults'"),
        (
            "sites.json",
            ("exams", 0, "side_sites"),
            [["lung"]],
            "rule E-ribs, key 'side_sites'",
        ),
        (
            "descriptors.json",
            ("size_units", "factors"),
            7,
            "rule size_units, key 'factors'",
        ),
    ],
)
def test_a_wrong_type_is_refused_naming_the_file_and_rule(
    tmp_path, file, path, value, where
):
    """A wrong type deep in an entry was refused (exit 2) with "the rule files
    do not have the expected structure (TypeError)": no file, rule or key."""
    from click.testing import CliRunner

    from calc_nlp.cli import main
    from calc_nlp.safety import load_checked_rules

    d = copy_patterns(tmp_path)
    _edit(d / file, _set(path, value))
    with pytest.raises(PatternError) as e:
        load_checked_rules(str(d))
    assert str(e.value).startswith(f"{file}, {where}"), str(e.value)
    r = CliRunner().invoke(
        main, ["explain", "Calcified granuloma.", "--patterns", str(d)]
    )
    assert r.exit_code == 2 and str(e.value) in r.output, r.output


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s["left"].update(letters=["Left"]), "words must match"),
        (lambda s: s["right"].pop("abbreviations"), "must hold abbreviations and letters"),
        (lambda s: s.pop("source"), "must hold source, left and right"),
    ],
)
def test_malformed_side_abbreviations_are_rejected(tmp_path, edit, message):
    """sites.json side_abbreviations: the short spellings every rule that
    spells a side is copied with (guide §2: abbreviated sides count)."""
    d = copy_patterns(tmp_path)
    _edit(d / "sites.json", lambda x: edit(x["side_abbreviations"]))
    with pytest.raises(PatternError, match=f"sites.json.*side_abbreviations.*{message}"):
        load_rules(d)


def test_a_rule_spelling_a_side_is_read_abbreviated_too():
    """Every rule spelling 'left' or 'right' is copied with its abbreviation,
    alone and with its period; a site phrase with the letter too."""
    rules = load_rules()
    left_main = [
        r.get("pattern")
        for r in rules.site_rules
        if r["metadata"]["id"] == "L-coronary-artery-left-main"
    ]
    assert [{"LOWER": "lt"}, {"LOWER": "main"}] in left_main
    assert [{"LOWER": "lt"}, {"ORTH": "."}, {"LOWER": "main"}] in left_main
    assert [{"ORTH": {"IN": ["L", "L."]}}, {"LOWER": "main"}] in left_main


@pytest.mark.parametrize(
    ("where", "key"),
    [
        ("entry", "procedure"),
        ("entry", "evaluated_present"),
        ("term", "lead"),
        ("term", "not_before_number"),
    ],
)
def test_condition_flags_are_true_or_false(tmp_path, where, key):
    d = copy_patterns(tmp_path)

    def edit(x):
        entry = x["conditions"][0]
        (entry if where == "entry" else entry["terms"][0])[key] = "yes"

    _edit(d / "conditions.json", edit)
    with pytest.raises(PatternError, match=f"{key} must be true or false"):
        load_rules(d)



def _runs_around_an_option(seq) -> int:
    """How often a regex reads `X*`, an optional item, then `X*` again (as
    `[^\\S\\n]*[:=]?[^\\S\\n]*`): on a long run of X the engine tries every
    split of the run between the two stars, for each place the optional item
    could not go."""
    from re._constants import (  # type: ignore[import-not-found]
        BRANCH,
        MAX_REPEAT,
        MAXREPEAT,
        MIN_REPEAT,
        SUBPATTERN,
    )

    repeats = (MAX_REPEAT, MIN_REPEAT)
    items = list(seq)
    n = 0
    for a, mid, b in zip(items, items[1:], items[2:], strict=False):
        if (
            a[0] in repeats
            and b[0] in repeats
            and a[1][1] == b[1][1] == MAXREPEAT
            and list(a[1][2]) == list(b[1][2])
            and mid[0] in repeats
            and mid[1][0] == 0
        ):
            n += 1
    for op, av in items:
        if op in repeats:
            n += _runs_around_an_option(av[2])
        elif op == SUBPATTERN:
            n += _runs_around_an_option(av[-1])
        elif op == BRANCH:
            n += sum(_runs_around_an_option(alt) for alt in av[1])
    return n


def test_no_bundled_regex_splits_a_run_around_an_option():
    """A bundled regex with `\\s*[:=]?\\s*` took half a second on the regex
    probe's strings, and the probe's time limit refused the bundled rules on a
    slow machine; `\\s*(?:[:=]\\s*)?` reads the same text in one pass."""
    import re._parser as sre_parse  # type: ignore[import-not-found]

    from calc_nlp import safety

    assert _runs_around_an_option(sre_parse.parse(r"\d[^\S\n]*[:=]?[^\S\n]*x")) == 1
    assert _runs_around_an_option(sre_parse.parse(r"\d[^\S\n]*(?:[:=][^\S\n]*)?x")) == 0
    rules = load_rules()
    bad = [
        rid
        for rid, rule in rules.rule_index.items()
        for _, rx in safety._regexes(rule.get("pattern"), rid)
        if _runs_around_an_option(sre_parse.parse(rx))
    ]
    assert not bad
