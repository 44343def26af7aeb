"""Loading each rule file of patterns/ into validated rules (rules.py puts them together).

Each loader checks its file's entries (rule_checks.py) and resolves its cross
references (site names, condition names) against what was loaded before it.
"""

from __future__ import annotations

import re
from typing import Any

from calc_nlp.errors import PatternError
from calc_nlp.rule_checks import (
    PatternChecker,
    check_choice,
    check_disease_words,
    check_keys,
    check_part_of,
    check_site,
    check_site_refs,
    checked_rules,
    exams_of,
    site_term_rules,
    target_rules,
    with_word_lists,
)
from calc_nlp.rule_schema import (
    ANALYTE_KEYS,
    CATEGORIES,
    CONDITION_CATEGORIES,
    CONDITION_KEYS,
    CONTEXT_CATEGORIES,
    CONTEXT_DIRECTIONS,
    CONTEXT_KEYS,
    REQUIRED_RULE_KEYS,
    SECTION_CATEGORIES,
    SECTION_KEYS,
    SITE_KEYS,
    SITE_TERM_KEYS,
    TERM_KEYS,
)
from calc_nlp.schema import SIDES

Raw = dict[str, dict[str, Any]]
Ids = dict[str, str]


def load_sites(raw: Raw, checker: PatternChecker, ids: Ids) -> tuple[Any, ...]:
    """sites.json: (sites, site rules, exams, laterality rules). Loaded first:
    everything else refers to the site vocabulary."""
    sites: dict[str, dict[str, Any]] = {}
    first: dict[str, str] = {}  # a site's name -> its entry's position
    for i, entry in enumerate(raw["sites.json"].get("sites", [])):
        check_keys(
            "sites.json",
            _entry_name(entry, "name", i),
            entry,
            SITE_KEYS | SITE_TERM_KEYS,
            SITE_KEYS,
        )
        if not isinstance(entry["name"], str) or not entry["name"].strip():
            raise PatternError(
                "sites.json", "name must be a non-empty string", f"#{i}", "name"
            )
        # a site has no id but its name: its entries are named by position
        _one_entry_per_name("sites.json", "site", entry["name"], f"#{i}", first)
        sites[entry["name"]] = entry
    for name, entry in sites.items():
        prone_if = entry["dystrophic_prone_if"]
        if not isinstance(prone_if, list) or not all(
            isinstance(c, str) for c in prone_if
        ):
            raise PatternError(
                "sites.json",
                "dystrophic_prone_if must be a list of condition names",
                name,
                "dystrophic_prone_if",
            )
        if not isinstance(entry.get("unpaired", False), bool):
            raise PatternError(
                "sites.json", "unpaired must be true or false", name, "unpaired"
            )
        if "part_of" in entry:  # the whole structure the site is a part of
            if not isinstance(entry["part_of"], str):
                raise PatternError(
                    "sites.json", "part_of must be one site's name", name, "part_of"
                )
            check_site("sites.json", name, "part_of", entry["part_of"], sites)
    site_rules = target_rules(
        "sites.json",
        site_term_rules(sites) + raw["sites.json"].get("target_rules", []),
        {"SITE", "REGION"},
        checker,
        ids,
    )
    for r in site_rules:
        if r["category"] == "SITE":
            check_site(
                "sites.json",
                r["metadata"]["id"],
                "site",
                r["metadata"].get("site"),
                sites,
            )
    check_site_refs("sites.json", site_rules, "candidates", sites)
    check_site_refs("sites.json", site_rules, "laterality_sites", sites)
    check_site_refs("sites.json", site_rules, "landmark_site", sites)
    check_part_of("sites.json", site_rules, sites)
    check_disease_words("sites.json", sites)
    exams = exams_of(raw["sites.json"].get("exams", []), sites, ids)
    lat_rules = _laterality_rules(raw, site_rules, checker, ids)
    return sites, site_rules, exams, lat_rules


def _entry_name(entry: Any, key: str, i: int) -> str:
    """How a message names a table's entry: its id (or a site's name), else
    its position (counted from 0), so that no message names no entry."""
    value = entry.get(key) if isinstance(entry, dict) else None
    return value if isinstance(value, str) and value.strip() else f"#{i}"


def _one_entry_per_name(
    file: str, what: str, name: Any, rid: str, first: dict[Any, str]
) -> None:
    """Refuse a second entry of one name: the tables are keyed by name, so
    the second silently replaced the first (its class, category, ranges)."""
    if name in first:
        raise PatternError(
            file,
            f"{what} {name!r} is defined twice, by {first[name]} and {rid}: "
            "the second would silently replace the first",
            rid,
            "name",
        )
    first[name] = rid


def _laterality_rules(
    raw: Raw, site_rules: list[dict[str, Any]], checker: PatternChecker, ids: Ids
) -> list[dict[str, Any]]:
    lat_rules = target_rules(
        "sites.json",
        raw["sites.json"].get("laterality_rules", []),
        {"LATERALITY"},
        checker,
        ids,
    )
    for r in lat_rules + site_rules:
        lat = r["metadata"].get("laterality")
        if lat is not None and lat not in SIDES:
            raise PatternError(
                "sites.json",
                f"laterality {lat!r} not left/right/bilateral",
                r["metadata"]["id"],
                "laterality",
            )
    return lat_rules


def load_mentions(
    raw: Raw, sites: dict[str, Any], checker: PatternChecker, ids: Ids
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """mentions.json: (token norms, mention rules)."""
    token_norms = []
    for i, entry in enumerate(raw["mentions.json"].get("token_norms", [])):
        nid = entry.get("id") if isinstance(entry, dict) else None
        check_keys(
            "mentions.json",
            nid or f"#{i}",
            entry,
            {"id", "regex", "norm", "source"},
            {"id", "regex", "norm", "source"},
        )
        nid = entry["id"]
        if not isinstance(entry["regex"], str):
            raise PatternError("mentions.json", "regex must be a string", nid, "regex")
        try:
            re.compile(entry["regex"])
        except re.error as exc:
            raise PatternError(
                "mentions.json", f"invalid regex: {exc}", nid, "regex"
            ) from None
        if nid in ids:
            raise PatternError("mentions.json", "duplicate rule id", nid, "id")
        ids[nid] = "mentions.json"
        token_norms.append(entry)
    mentions = target_rules(
        "mentions.json",
        with_word_lists(
            raw["mentions.json"].get("target_rules", []),
            raw["mentions.json"].get("word_lists", {}),
        ),
        CATEGORIES["mentions.json"],
        checker,
        ids,
    )
    check_site_refs("mentions.json", mentions, "implied_site", sites)
    return token_norms, mentions


def check_mention_conditions(
    mentions: list[dict[str, Any]], conditions: dict[str, dict[str, Any]]
) -> None:
    """A mention rule's `dystrophic_prone_if` names conditions of
    conditions.json, as a site's does."""
    for rule in mentions:
        for cond in rule["metadata"].get("dystrophic_prone_if", ()):
            if cond not in conditions:
                raise PatternError(
                    "mentions.json",
                    f"condition {cond!r} is not in conditions.json",
                    rule["metadata"]["id"],
                    "dystrophic_prone_if",
                )


def load_conditions(
    raw: Raw, sites: dict[str, Any], checker: PatternChecker, ids: Ids
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """conditions.json, a knowledge table whose terms become target rules:
    (conditions by name, condition rules)."""
    conditions: dict[str, dict[str, Any]] = {}
    condition_rules: list[dict[str, Any]] = []
    first: dict[str, str] = {}
    for i, entry in enumerate(raw["conditions.json"].get("conditions", [])):
        _check_condition(entry, ids, _entry_name(entry, "id", i))
        _one_entry_per_name(
            "conditions.json", "condition", entry["name"], entry["id"], first
        )
        conditions[entry["name"]] = entry
        condition_rules += _condition_term_rules(
            entry, sites, checker, raw["mentions.json"].get("word_lists", {})
        )
    variants = _spelling_variants(raw["conditions.json"], condition_rules)
    condition_rules += _variant_rules(condition_rules, variants)
    for rule in condition_rules:
        for cond in rule["metadata"].get("also", ()):
            if cond not in conditions:
                raise PatternError(
                    "conditions.json",
                    f"condition {cond!r} is not in conditions.json",
                    rule["metadata"]["id"],
                    "also",
                )
    for entry in sites.values():
        for cond in entry["dystrophic_prone_if"]:
            if cond not in conditions:
                raise PatternError(
                    "sites.json",
                    f"condition {cond!r} is not in conditions.json",
                    entry["name"],
                    "dystrophic_prone_if",
                )
    return conditions, condition_rules


def _spelling_variants(
    raw: dict[str, Any], rules: list[dict[str, Any]]
) -> dict[str, str]:
    """conditions.json `spelling_variants`: {source, words: {misspelling:
    word}}, a curated list of one-word misspellings of words the terms use
    ('sarcoidossis': 'sarcoidosis'). Each misspelling is one lower-case word
    that no term uses, and its word is one a term spelled in any case uses."""
    entry = raw.get("spelling_variants")
    if entry is None:
        return {}
    check_keys(
        "conditions.json",
        "spelling_variants",
        entry,
        {"source", "words"},
        {"source", "words"},
    )
    words = entry["words"]
    if not isinstance(words, dict):
        raise PatternError(
            "conditions.json",
            "words must map misspellings to words",
            "spelling_variants",
            "words",
        )
    used = {
        w for r in rules if "pattern" not in r for w in r["literal"].lower().split()
    }
    for wrong, right in words.items():
        if not (
            isinstance(wrong, str)
            and isinstance(right, str)
            and wrong == wrong.lower()
            and len(wrong.split()) == 1
            and wrong.isalpha()
        ):
            raise PatternError(
                "conditions.json",
                f"misspelling {wrong!r} must be one lower-case word",
                "spelling_variants",
                "words",
            )
        if wrong in used:
            raise PatternError(
                "conditions.json",
                f"misspelling {wrong!r} is a word of a term",
                "spelling_variants",
                "words",
            )
        if right not in used:
            raise PatternError(
                "conditions.json",
                f"{right!r} (for {wrong!r}) is no word of a term",
                "spelling_variants",
                "words",
            )
    return dict(words)


def _variant_rules(
    rules: list[dict[str, Any]], variants: dict[str, str]
) -> list[dict[str, Any]]:
    """A rule for each term spelled in any case with a word of `variants`
    misspelled (one word at a time): the term's metadata, the id followed by
    '~' and the misspelling."""
    wrong_for: dict[str, list[str]] = {}
    for wrong, right in variants.items():
        wrong_for.setdefault(right, []).append(wrong)
    out: list[dict[str, Any]] = []
    for rule in rules:
        if "pattern" in rule:
            continue  # a case-sensitive abbreviation
        words = rule["literal"].lower().split()
        for k, w in enumerate(words):
            for wrong in wrong_for.get(w, []):
                md = dict(rule["metadata"], id=f"{rule['metadata']['id']}~{wrong}")
                literal = " ".join([*words[:k], wrong, *words[k + 1 :]])
                out.append({**rule, "literal": literal, "metadata": md})
    return out


def _check_condition(entry: dict[str, Any], ids: Ids, cid: str) -> None:
    check_keys(
        "conditions.json",
        cid,
        entry,
        CONDITION_KEYS,
        {"id", "name", "category", "source", "terms"},
    )
    if cid != entry["id"]:  # named by position: its id is no string
        raise PatternError(
            "conditions.json", "id must be a non-empty string", cid, "id"
        )
    if not isinstance(entry["name"], str) or not entry["name"].strip():
        raise PatternError(
            "conditions.json", "name must be a non-empty string", cid, "name"
        )
    if entry["category"] not in CONDITION_CATEGORIES:
        raise PatternError(
            "conditions.json",
            f"category {entry['category']!r} not one of {sorted(CONDITION_CATEGORIES)}",
            cid,
            "category",
        )
    if entry.get("mineral_driver", "calcium") not in {"calcium", "phosphate", "urine"}:
        raise PatternError(
            "conditions.json",
            "mineral_driver must be calcium, phosphate or urine",
            cid,
            "mineral_driver",
        )
    _check_flag(entry, cid, "procedure")
    _check_flag(entry, cid, "evaluated_present")
    words = entry.get("lead_not_before", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise PatternError(
            "conditions.json", "lead_not_before must be a list of words", cid, "lead_not_before"
        )
    if cid in ids:
        raise PatternError(
            "conditions.json", f"duplicate id (also in {ids[cid]})", cid, "id"
        )
    ids[cid] = "conditions.json"


def _check_flag(entry: dict[str, Any], cid: str, key: str) -> None:
    """A condition's (or its term's) optional true/false key, checked."""
    if not isinstance(entry.get(key, False), bool):
        raise PatternError("conditions.json", f"{key} must be true or false", cid, key)


def _condition_term_rules(
    entry: dict[str, Any],
    sites: dict[str, Any],
    checker: PatternChecker,
    word_lists: dict[str, Any],
) -> list[dict[str, Any]]:
    cid = entry["id"]
    rules: list[dict[str, Any]] = []
    if not isinstance(entry["terms"], list) or not entry["terms"]:
        raise PatternError(
            "conditions.json", "terms must be a non-empty list", cid, "terms"
        )
    for j, term in enumerate(entry["terms"]):
        check_keys("conditions.json", cid, term, TERM_KEYS, {"term"})
        if "site" in term:
            check_site("conditions.json", cid, "site", term["site"], sites)
        md = {
            "id": f"{cid}#{j}",
            "source": entry["source"],
            "condition": entry["name"],
            "category": entry["category"],
        }
        if "site" in term:
            md["site"] = term["site"]
        if entry.get("procedure"):
            md["procedure"] = True
        _check_flag(term, cid, "lead")
        if term.get("lead"):
            md["lead"] = True
        # the sites of the organ an injury struck ('traumatic brain injury':
        # brain, basal ganglia): a cause only at those, none where the
        # vocabulary lacks the organ ('spinal cord injury': []), and its
        # organ words place no finding
        if "injured_organ" in term:
            check_site("conditions.json", cid, "injured_organ", term["injured_organ"], sites)
            if not isinstance(term["injured_organ"], list):
                raise PatternError(
                    "conditions.json", "injured_organ must be a list of sites", cid,
                    "injured_organ",
                )
            md["injured_organ"] = tuple(term["injured_organ"])
        if "not_before" in term:
            md["not_before"] = _words(cid, term["not_before"], "not_before")
        if "not_after" in term:
            md["not_after"] = _words(cid, term["not_after"], "not_after")
        _check_flag(term, cid, "not_before_number")
        if term.get("not_before_number"):
            md["not_before_number"] = True
        if "also" in term:
            md["also"] = _words(cid, term["also"], "also")
        if "exam_label" in term:
            md["exam_label"] = _word_list_name(cid, term["exam_label"], word_lists)
        # a side abbreviation that is the treatment only where the words
        # around it say so ('s/p RT'; mentions.json therapy_abbreviation lists)
        _check_flag(term, cid, "side_lookalike")
        if term.get("side_lookalike"):
            md["side_lookalike"] = True
        rule: dict[str, Any] = {
            "literal": term["term"],
            "category": "CONDITION",
            "metadata": md,
        }
        if term.get("case_sensitive"):
            rule["pattern"] = [{"ORTH": w} for w in term["term"].upper().split()]
            md["abbreviation"] = True
            if term.get("ordinary_word"):
                md["ordinary_word"] = True
            checker.check("conditions.json", md["id"], rule["pattern"])
            rules.extend(_as_written(term["term"], rule, checker))
        rules.append(rule)
    return rules


def _as_written(term: str, rule: dict[str, Any], checker: PatternChecker) -> list[dict[str, Any]]:
    """A case-sensitive term written in mixed case ('SSc', 'sHPT') matches as
    written too, not only in capitals: the capitals alone ('SSC') missed the
    way clinics write it (guide §3: the condition the report names)."""
    if term == term.lower() or term == term.upper():
        return []
    md = dict(rule["metadata"], id=rule["metadata"]["id"] + "-as-written")
    written = {**rule, "metadata": md, "pattern": [{"ORTH": w} for w in term.split()]}
    checker.check("conditions.json", md["id"], written["pattern"])
    return [written]


def _word_list_name(cid: Any, name: Any, word_lists: dict[str, Any]) -> str:
    """A term's `exam_label`: the name of a word list of mentions.json."""
    if not isinstance(name, str) or name not in word_lists:
        raise PatternError(
            "conditions.json",
            f"exam_label must name a word list of mentions.json, not {name!r}",
            cid,
            "exam_label",
        )
    return name


def _words(cid: Any, words: Any, key: str) -> tuple[str, ...]:
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise PatternError(
            "conditions.json", f"{key} must be a list of words", cid, key
        )
    return tuple(w.lower() for w in words)


def load_cues(
    raw: Raw, sites: dict[str, Any], checker: PatternChecker, ids: Ids
) -> list[dict[str, Any]]:
    """cues.json: classification cues, qualifiers and distributions."""
    cue_rules = target_rules(
        "cues.json",
        raw["cues.json"].get("target_rules", []),
        CATEGORIES["cues.json"],
        checker,
        ids,
    )
    for r in cue_rules:
        md = r["metadata"]
        if r["category"] == "CUE":
            if md.get("rule") not in (1, 2) or not md.get("cue"):
                raise PatternError(
                    "cues.json",
                    "a CUE needs metadata.cue and metadata.rule (1 or 2)",
                    md["id"],
                    "rule",
                )
            if "requires_site" in md:
                check_site(
                    "cues.json", md["id"], "requires_site", md["requires_site"], sites
                )
            if "cue_at_site" in md:
                check_site(
                    "cues.json", md["id"], "cue_at_site", list(md["cue_at_site"]), sites
                )
            if "not_after_sites" in md:
                check_site(
                    "cues.json", md["id"], "not_after_sites", md["not_after_sites"], sites
                )
        elif r["category"] == "QUALIFIER":
            check_site("cues.json", md["id"], "site", md.get("site"), sites)
        elif r["category"] == "DISTRIBUTION" and md.get("distribution") not in {
            "diffuse",
            "focal",
        }:
            raise PatternError(
                "cues.json",
                "a DISTRIBUTION needs metadata.distribution diffuse or focal",
                md["id"],
                "distribution",
            )
    _check_consequences(cue_rules)
    return cue_rules


def _check_consequences(cue_rules: list[dict[str, Any]]) -> None:
    """A rule-2 CUE's `consequences` name rule-1 cues of cues.json: the
    lesions of the disease it names, which are no cause of it."""
    causes = {
        r["metadata"]["cue"]
        for r in cue_rules
        if r["category"] == "CUE" and r["metadata"]["rule"] == 1
    }
    for r in cue_rules:
        md = r["metadata"]
        if "consequences" not in md:
            continue
        names = md["consequences"]
        if (
            md.get("rule") != 2
            or not isinstance(names, list)
            or not names
            or any(n not in causes for n in names)
        ):
            raise PatternError(
                "cues.json",
                "consequences must be a list of rule-1 cue names on a rule-2 CUE",
                md["id"],
                "consequences",
            )


def load_context(raw: Raw, checker: PatternChecker, ids: Ids) -> list[dict[str, Any]]:
    """context.json: ConText rules."""

    def direction_and_links(rid: str, rule: dict[str, Any]) -> None:
        check_choice("context.json", rid, rule, "direction", CONTEXT_DIRECTIONS)
        for key in ("also_sets", "cancels"):
            for cat in rule["metadata"].get(key, []):
                if cat not in CONTEXT_CATEGORIES:
                    raise PatternError(
                        "context.json", f"{cat!r} is not a context category", rid, key
                    )

    return checked_rules(
        "context.json",
        raw["context.json"].get("context_rules", []),
        CONTEXT_KEYS,
        CONTEXT_CATEGORIES,
        checker,
        ids,
        REQUIRED_RULE_KEYS | {"direction"},
        direction_and_links,
    )


def load_clause_verbs(raw: Raw) -> dict[str, Any]:
    """context.json: the finite verbs that give a comma-clause its own statement,
    the words that open a list item stating a finding of its own, the
    verbs that give a question's result (and their present tense, read on
    the clinical question's line only), and the words that limit a denial
    to acute disease."""
    clause_verbs = raw["context.json"].get(
        "clause_verbs", {"source": "none given", "words": []}
    )
    check_keys(
        "context.json",
        "clause_verbs",
        clause_verbs,
        {
            "source",
            "words",
            "item_openers",
            "result_verbs",
            "present_results",
            "acute_words",
            "known_determiners",
            "patient_nouns",
            "patient_links",
            "item_states",
            "question_predicates",
            "cause_links",
            "clinical_events",
        },
        {"source", "words"},
    )
    for key in (
        "words",
        "item_openers",
        "result_verbs",
        "present_results",
        "acute_words",
        "known_determiners",
        "patient_nouns",
        "patient_links",
        "item_states",
        "question_predicates",
        "cause_links",
        "clinical_events",
    ):
        words = clause_verbs.get(key, [])
        if not all(isinstance(w, str) and w == w.lower() for w in words):
            raise PatternError(
                "context.json", "words must be lower-case strings", "clause_verbs", key
            )
    return dict(clause_verbs)


def load_sections(raw: Raw, checker: PatternChecker, ids: Ids) -> list[dict[str, Any]]:
    """sections.json: section header rules."""
    rules = raw["sections.json"].get("section_rules", [])
    return checked_rules(
        "sections.json", rules, SECTION_KEYS, SECTION_CATEGORIES, checker, ids
    )


def load_labs(raw: Raw) -> dict[str, Any]:
    """labs.json: analytes, their units and reference ranges. The lab parser
    reads each value by type: a wrong one failed every report holding a lab
    value (or every report) with a processing error."""
    labs = raw["labs.json"]
    first: dict[str, str] = {}
    for i, a in enumerate(labs.get("analytes", [])):
        aid = _entry_name(a, "id", i)
        check_keys("labs.json", aid, a, ANALYTE_KEYS, ANALYTE_KEYS)
        for key in ("name", "canonical_unit"):
            if not isinstance(a[key], str) or not a[key].strip():
                raise PatternError("labs.json", "must be a non-empty string", aid, key)
        _one_entry_per_name("labs.json", "analyte", a["name"], aid, first)
        _lab_words(aid, "names", a["names"])
        units = a["units"]
        if not isinstance(units, dict) or not all(
            _number(f) and f > 0 for f in units.values()
        ):
            raise PatternError(
                "labs.json", "units must map units to numbers > 0", aid, "units"
            )
        for key in ("reference", "plausible"):
            pair = a[key]
            if not (
                isinstance(pair, list)
                and len(pair) == 2
                and all(_number(x) for x in pair)
                and pair[0] < pair[1]
            ):
                raise PatternError(
                    "labs.json", f"{key} must be [low, high] with low < high", aid, key
                )
        rules = a["unitless_rules"]
        if not isinstance(rules, list):
            raise PatternError(
                "labs.json", "unitless_rules must be a list", aid, "unitless_rules"
            )
        for ur in rules:
            check_keys("labs.json", aid, ur, {"max", "unit"}, {"max", "unit"})
            if not _number(ur["max"]):
                raise PatternError(
                    "labs.json", "max must be a number", aid, "unitless_rules"
                )
            if not isinstance(ur["unit"], str) or ur["unit"] not in units:
                raise PatternError(
                    "labs.json",
                    f"unit {ur['unit']!r} not in units",
                    aid,
                    "unitless_rules",
                )
    flags = labs.get("flag_words", {})
    if not isinstance(flags, dict):
        raise PatternError("labs.json", "must be an object", key="flag_words")
    for flag, words in flags.items():
        _lab_words("flag_words", flag, words)
    told = labs.get("said_normal")
    if told:
        check_keys(
            "labs.json",
            "said_normal",
            told,
            {"source", "analytes", "links", "words"},
            {"source", "analytes", "links", "words"},
        )
        for key in ("analytes", "links", "words"):
            _lab_words("said_normal", key, told[key])
    return labs


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _lab_words(rid: str, key: str, words: Any) -> None:
    if not isinstance(words, list) or not all(
        isinstance(w, str) and w.strip() for w in words
    ):
        raise PatternError("labs.json", f"{key} must be a list of words", rid, key)
