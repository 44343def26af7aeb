"""Loading patterns/descriptors.json: severity, change, BI-RADS and score rules.

The words are checked (fields and values known, phrases lower case and in one
entry only), every regex compiles and has the named groups its kind needs,
the CAC-DRS bands rise, the word lists are lower-case strings and those of
sites name sites of sites.json. Errors are
`PatternError`s naming the file, the rule and the key.
"""

from __future__ import annotations

import re
from typing import Any

from calc_nlp.errors import PatternError
from calc_nlp.rule_checks import check_keys, check_site
from calc_nlp.rule_schema import (
    DESCRIPTOR_FIELDS,
    DESCRIPTOR_KINDS,
    DESCRIPTOR_PATTERN_KEYS,
    DESCRIPTOR_SITE_LISTS,
    DESCRIPTOR_TERM_KEYS,
    DESCRIPTOR_WORD_LISTS,
    VESSEL_KEYS,
)
from calc_nlp.schema import CHANGES, SEVERITIES
from calc_nlp.trie import phrase_alternation, vessel_phrases

FILE = "descriptors.json"
Ids = dict[str, str]


def _rid(entry: Any, i: int) -> str:
    """How a message names an entry: its id, else its position (counted from 0)."""
    rid = entry.get("id") if isinstance(entry, dict) else None
    return rid if isinstance(rid, str) and rid else f"#{i}"


def _new_id(rid: Any, ids: Ids, where: str) -> str:
    if not isinstance(rid, str) or not rid:
        raise PatternError(FILE, "id must be a non-empty string", where, "id")
    if rid in ids:
        raise PatternError(FILE, f"duplicate id (also in {ids[rid]})", rid, "id")
    ids[rid] = FILE
    return rid


def _phrases(rid: str, phrases: Any, seen: dict[str, str]) -> None:
    if not isinstance(phrases, list) or not phrases:
        raise PatternError(FILE, "phrases must be a non-empty list", rid, "phrases")
    for p in phrases:
        if not isinstance(p, str) or not p.strip() or p != p.lower():
            raise PatternError(
                FILE, f"phrase {p!r} must be a lower-case string", rid, "phrases"
            )
        if p in seen and seen[p] != rid:
            raise PatternError(
                FILE, f"phrase {p!r} is also in {seen[p]}", rid, "phrases"
            )
        seen[p] = rid


def _allowed_values(data: dict[str, Any]) -> dict[str, set[str]]:
    lexicon = data.get("lexicon", {})
    check_keys(
        FILE,
        "lexicon",
        lexicon,
        {"source", "morphology", "distribution"},
        {"source", "morphology", "distribution"},
    )
    return {
        "severity": set(SEVERITIES),
        "change": set(CHANGES),
        "morphology": set(lexicon["morphology"]),
        "distribution": set(lexicon["distribution"]),
    }


def _terms(data: dict[str, Any], ids: Ids) -> list[dict[str, Any]]:
    allowed = _allowed_values(data)
    seen: dict[str, str] = {}
    terms = []
    for i, entry in enumerate(data.get("terms", [])):
        rid = _rid(entry, i)
        check_keys(
            FILE,
            rid,
            entry,
            DESCRIPTOR_TERM_KEYS,
            DESCRIPTOR_TERM_KEYS - {"note", "own_lesion", "predicate", "dated", "year"},
        )
        _new_id(entry["id"], ids, rid)
        if entry["field"] not in DESCRIPTOR_FIELDS:
            raise PatternError(
                FILE, f"field must be one of {list(DESCRIPTOR_FIELDS)}", rid, "field"
            )
        if entry["value"] and entry["value"] not in allowed[entry["field"]]:
            raise PatternError(
                FILE,
                f"value {entry['value']!r} not one of {sorted(allowed[entry['field']])}",
                rid,
                "value",
            )
        _phrases(rid, entry["phrases"], seen)
        terms.append(entry)
    return terms


def _patterns(
    data: dict[str, Any], ids: Ids, vessels: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The regex patterns, each compiled as the descriptors stage compiles it:
    `{vessel}` as the alternation of the vessel phrases (a stand-in such as
    "x" let through a regex those break, a look-behind of several widths,
    which then failed every run)."""
    vessel_alt = vessel_alternation(vessels)
    out = []
    for i, entry in enumerate(data.get("patterns", [])):
        rid = _rid(entry, i)
        check_keys(FILE, rid, entry, DESCRIPTOR_PATTERN_KEYS, DESCRIPTOR_PATTERN_KEYS)
        _new_id(entry["id"], ids, rid)
        kind = entry["kind"]
        if kind not in DESCRIPTOR_KINDS:
            raise PatternError(
                FILE, f"kind must be one of {sorted(DESCRIPTOR_KINDS)}", rid, "kind"
            )
        try:
            rx = re.compile(entry["regex"].replace("{vessel}", vessel_alt), re.I)
        except (re.error, AttributeError) as exc:
            raise PatternError(FILE, f"invalid regex: {exc}", rid, "regex") from None
        missing = set(DESCRIPTOR_KINDS[kind]) - set(rx.groupindex)
        if missing:
            raise PatternError(
                FILE, f"regex needs the named groups {sorted(missing)}", rid, "regex"
            )
        out.append(entry)
    return out


def _vessels(data: dict[str, Any], ids: Ids) -> list[dict[str, Any]]:
    seen: dict[str, str] = {}
    for i, entry in enumerate(data.get("vessels", [])):
        rid = _rid(entry, i)
        check_keys(FILE, rid, entry, VESSEL_KEYS, VESSEL_KEYS)
        if not isinstance(entry["name"], str) or not entry["name"].strip():
            raise PatternError(FILE, "name must be a non-empty string", rid, "name")
        _new_id(entry["id"], ids, rid)
        _phrases(rid, entry["phrases"], seen)
    return list(data.get("vessels", []))


def vessel_alternation(vessels: list[dict[str, Any]]) -> str:
    """What `{vessel}` stands for in a pattern's regex (as in the stage)."""
    return phrase_alternation(vessel_phrases(vessels))


def _bands(data: dict[str, Any]) -> list[tuple[float, int]]:
    cac = data.get("cac_drs", {})
    check_keys(FILE, "cac_drs", cac, {"source", "note", "bands"}, {"source", "bands"})
    if not isinstance(cac["bands"], list) or not all(
        isinstance(b, dict)
        and set(b) == {"min", "category"}
        and all(isinstance(b[k], int | float) and not isinstance(b[k], bool) for k in b)
        for b in cac["bands"]
    ):
        raise PatternError(
            FILE, "bands must be a list of {min, category} numbers", "cac_drs", "bands"
        )
    bands = [(float(b["min"]), int(b["category"])) for b in cac["bands"]]
    mins = [m for m, _ in bands]
    if not bands or mins != sorted(set(mins)) or mins[0] != 0:
        raise PatternError(
            FILE, "bands must start at min 0 and rise", "cac_drs", "bands"
        )
    return bands


def _word_lists(data: dict[str, Any], sites: dict[str, Any]) -> dict[str, list[str]]:
    """Every word list the stages read, lower-case strings, those of sites
    naming sites of sites.json: a list missing or misspelt would otherwise
    surface as a KeyError mid-run or a rule that silently never fires."""
    lists = data.get("word_lists", {})
    missing = set(DESCRIPTOR_WORD_LISTS) - set(lists)
    if missing:
        raise PatternError(FILE, f"missing word lists {sorted(missing)}", "word_lists")
    out = {}
    for name, entry in lists.items():
        check_keys(FILE, name, entry, {"source", "words"}, {"source", "words"})
        if not all(isinstance(w, str) and w == w.lower() for w in entry["words"]):
            raise PatternError(FILE, "words must be lower-case strings", name, "words")
        out[name] = list(entry["words"])
    for name in DESCRIPTOR_SITE_LISTS:
        check_site(FILE, name, "words", out[name], sites)
    return out


def _scores(data: dict[str, Any], sites: dict[str, Any], ids: Ids) -> dict[str, Any]:
    scores = data.get("scores", {})
    keys = {"source", "mention_rules", "sites"}
    check_keys(FILE, "scores", scores, keys, keys)
    for rid in scores["mention_rules"]:
        if ids.get(rid) != "mentions.json":
            raise PatternError(
                FILE,
                f"{rid!r} is not a rule of mentions.json",
                "scores",
                "mention_rules",
            )
    check_site(FILE, "scores", "sites", scores["sites"], sites)
    return {
        "mention_rules": set(scores["mention_rules"]),
        "sites": set(scores["sites"]),
    }


def load_descriptors(
    raw: dict[str, dict[str, Any]], sites: dict[str, Any], ids: Ids
) -> dict[str, Any]:
    """descriptors.json as checked plain data (compiled by stages/descriptors.py)."""
    data = raw[FILE]
    scores = _scores(data, sites, ids)
    units = data.get("size_units", {})
    check_keys(FILE, "size_units", units, {"source", "factors"}, {"source", "factors"})
    synonyms = data.get("site_synonyms", {"source": "", "map": {}})
    check_keys(FILE, "site_synonyms", synonyms, {"source", "map"}, {"source", "map"})
    if not isinstance(synonyms["map"], dict) or not all(
        isinstance(v, str) and v.strip() for v in synonyms["map"].values()
    ):
        raise PatternError(
            FILE, "map must map words to non-empty strings", "site_synonyms", "map"
        )
    lexicon = data["lexicon"]
    terms = _terms(data, ids)
    vessels = _vessels(data, ids)
    window = data.get("before_window", {})
    check_keys(FILE, "before_window", window, {"source", "words"}, {"source", "words"})
    if not isinstance(window["words"], int) or window["words"] < 0:
        raise PatternError(
            FILE, "words must be a whole number >= 0", "before_window", "words"
        )
    numbers = data.get("number_words", {"source": "", "words": {}})
    check_keys(FILE, "number_words", numbers, {"source", "words"}, {"source", "words"})
    if not all(
        k == k.lower() and isinstance(v, int | float)
        for k, v in numbers["words"].items()
    ):
        raise PatternError(
            FILE, "words must map lower-case words to numbers", "number_words", "words"
        )
    return {
        "number_words": {k: float(v) for k, v in numbers["words"].items()},
        "before_window": window["words"],
        "lexicon": {k: list(lexicon[k]) for k in ("morphology", "distribution")},
        "terms": terms,
        "vessels": vessels,
        "patterns": _patterns(data, ids, vessels),
        "cac_drs": _bands(data),
        "size_units": {k.lower(): float(v) for k, v in units["factors"].items()},
        "word_lists": _word_lists(data, sites),
        "site_synonyms": dict(synonyms["map"]),
        "scores": scores,
    }


def descriptor_index(desc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Descriptor rules by id, in the shape of the rule index (a regex is a
    token REGEX, so the user-regex safety checks see it)."""
    index: dict[str, dict[str, Any]] = {}
    vessel_alt = vessel_alternation(desc["vessels"])
    for e in desc["terms"] + desc["vessels"]:
        index[e["id"]] = {"metadata": e}
    for e in desc["patterns"]:
        rx = e["regex"].replace("{vessel}", vessel_alt)
        index[e["id"]] = {"pattern": [{"TEXT": {"REGEX": rx}}], "metadata": e}
    return index
