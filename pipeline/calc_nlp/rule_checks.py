"""Checks shared by the rule-file loaders: keys, token patterns, ids, sites."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from calc_nlp.errors import PatternError
from calc_nlp.rule_schema import (
    EXAM_KEYS,
    METADATA_KEYS,
    REQUIRED_RULE_KEYS,
    SITE_TERMS_SOURCE,
    TARGET_KEYS,
    TOP_KEYS,
)


def read_rule_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PatternError(path.name, "file is missing") from None
    except json.JSONDecodeError as exc:
        raise PatternError(path.name, f"invalid JSON: {exc}") from None
    except UnicodeDecodeError as exc:
        raise PatternError(path.name, f"not UTF-8 (byte {exc.start})") from None
    except ValueError:  # a number of more digits than Python converts
        raise PatternError(path.name, "invalid JSON: a number too long") from None
    if not isinstance(data, dict):
        raise PatternError(path.name, "top level must be a JSON object")
    allowed = TOP_KEYS[path.name]
    extra = set(data) - allowed
    if extra:
        raise PatternError(
            path.name, f"unknown keys {sorted(extra)}; allowed: {sorted(allowed)}"
        )
    return data


def check_keys(
    file: str,
    rid: str | None,
    obj: dict[str, Any],
    allowed: set[str],
    required: set[str],
) -> None:
    if not isinstance(obj, dict):
        raise PatternError(file, "entry must be an object", rid)
    extra = set(obj) - allowed
    if extra:
        raise PatternError(
            file,
            f"unknown keys {sorted(extra)}; allowed: {sorted(allowed)}",
            rid,
            sorted(extra)[0],
        )
    missing = required - set(obj)
    if missing:
        raise PatternError(
            file, f"missing keys {sorted(missing)}", rid, sorted(missing)[0]
        )


class PatternChecker:
    """Checks token patterns with spaCy's validating Matcher."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        if enabled:
            from calc_nlp.fast_import import import_spacy

            import_spacy()
            from spacy.matcher import Matcher
            from spacy.vocab import Vocab

            # Validation checks pattern structure only: a bare vocabulary is
            # enough and skips building a tokenizer (a quarter second).
            self._matcher = Matcher(Vocab(), validate=True)

    def check(self, file: str, rid: str, pattern: Any) -> None:
        if pattern is None or not self.enabled:
            return
        if isinstance(pattern, str):
            raise PatternError(
                file,
                "regex string patterns are not allowed; use token patterns",
                rid,
                "pattern",
            )
        if not isinstance(pattern, list) or not pattern:
            raise PatternError(
                file, "pattern must be a non-empty list of token dicts", rid, "pattern"
            )
        try:
            self._matcher.add(rid, [pattern])
        except Exception as exc:  # spaCy raises MatchPatternError / ValueError
            raise PatternError(
                file, f"invalid token pattern: {exc}".splitlines()[0], rid, "pattern"
            ) from None
        self._matcher.remove(rid)


def checked_rules(
    file: str,
    rules: Any,
    keys: set[str],
    categories: set[str],
    checker: PatternChecker,
    ids: dict[str, str],
    required: set[str] = REQUIRED_RULE_KEYS,
    check: Callable[[str, dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """A file's medspaCy rules (target, ConText or section rules), each checked:
    keys, metadata, category, then `check(rule id, rule)`, then its pattern."""
    if not isinstance(rules, list):
        raise PatternError(file, "rules must be a list")
    for i, rule in enumerate(rules):
        rid = (rule.get("metadata") or {}).get("id") if isinstance(rule, dict) else None
        rid = str(rid or f"#{i}")
        check_keys(file, rid, rule, keys, required)
        check_metadata(file, rid, rule["metadata"], ids)
        check_choice(file, rid, rule, "category", categories)
        _check_rule_types(file, rid, rule)
        if check is not None:
            check(rid, rule)
        checker.check(file, rid, rule.get("pattern"))
    return list(rules)


def _check_rule_types(file: str, rid: str, rule: dict[str, Any]) -> None:
    """The keys medspaCy's rules read by type (a wrong one failed the
    pipeline's build: exit 7, every row lost): the literal is a non-empty
    string, max_scope and max_targets a whole number of at least 1, or null."""
    if not isinstance(rule["literal"], str) or not rule["literal"].strip():
        raise PatternError(file, "literal must be a non-empty string", rid, "literal")
    for key in ("max_scope", "max_targets"):
        value = rule.get(key)
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or value < 1
        ):
            raise PatternError(
                file, f"{key} must be a whole number >= 1 or null", rid, key
            )


def check_choice(
    file: str, rid: str, rule: dict[str, Any], key: str, allowed: set[str]
) -> None:
    if rule[key] not in allowed:
        raise PatternError(
            file, f"{key} {rule[key]!r} not one of {sorted(allowed)}", rid, key
        )


def target_rules(
    file: str,
    rules: Any,
    categories: set[str],
    checker: PatternChecker,
    ids: dict[str, str],
) -> list[dict[str, Any]]:
    return checked_rules(file, rules, TARGET_KEYS, categories, checker, ids)


def check_metadata(file: str, rid: str, md: Any, ids: dict[str, str]) -> None:
    check_keys(file, rid, md, METADATA_KEYS, {"id", "source"})
    if not isinstance(md["id"], str) or not md["id"].strip():
        # spaCy's matchers take string keys only: a number failed the build
        raise PatternError(file, "id must be a non-empty string", rid, "id")
    if not str(md["source"]).strip():
        raise PatternError(file, "source (provenance) must not be empty", rid, "source")
    if md["id"] in ids:
        raise PatternError(
            file, f"duplicate rule id (also in {ids[md['id']]})", rid, "id"
        )
    ids[md["id"]] = file
    _check_metadata_types(file, rid, md)


# Metadata the stages read as true or false: a string there ('yes') would
# read as true.
BOOLEAN_METADATA = (
    "line_break",
    "not_a_vessels_value",
    "history_item",
    "two_readings",
    "value_after",
    "column_heading",
    "title_unless_value",
    "joint_placed",
    "joint_placed_in",
)


# Metadata read as lists of lower-case words: a word's lower case is looked up
# in them (a string there would match its substrings).
WORD_LIST_METADATA = ("only_before", "findings_after_only")


def _check_metadata_types(file: str, rid: str, md: dict[str, Any]) -> None:
    """Metadata the stages read by type: the WORD_LIST_METADATA are lists of
    lower-case words, the BOOLEAN_METADATA are true or false."""
    for key in WORD_LIST_METADATA:
        words = md.get(key)
        if words is not None and not (
            isinstance(words, list)
            and words
            and all(isinstance(w, str) and w and w == w.lower() for w in words)
        ):
            raise PatternError(file, f"{key} must be a list of lower-case words", rid, key)
    for flag in BOOLEAN_METADATA:
        if not isinstance(md.get(flag, False), bool):
            raise PatternError(file, f"{flag} must be true or false", rid, flag)


def slug(text: str) -> str:
    """A rule-id part from a term: lower case, runs of other characters as '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def site_term_rules(sites: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Target rules from each site's `terms` (any case) and `abbreviations`
    (exact case), with ids L-<site>-<term> derived from the words."""
    out: list[dict[str, Any]] = []
    for name, entry in sites.items():
        source = entry.get("terms_source", SITE_TERMS_SOURCE)
        for key in ("terms", "abbreviations", "generic_terms", "anaphoric_terms"):
            terms = entry.get(key, [])
            if not isinstance(terms, list) or not all(
                isinstance(t, str) and t.strip() for t in terms
            ):
                raise PatternError(
                    "sites.json", f"{key} must be a list of phrases", name, key
                )
            for term in terms:
                rule: dict[str, Any] = {
                    "literal": term,
                    "category": "SITE",
                    "metadata": {
                        "id": f"L-{slug(name)}-{slug(term)}",
                        "site": name,
                        "source": source,
                    },
                }
                if key == "abbreviations":
                    rule["pattern"] = [{"ORTH": w} for w in term.split()]
                if key == "generic_terms":
                    rule["metadata"]["generic"] = True
                if key == "anaphoric_terms":
                    rule["metadata"]["generic"] = "anaphoric"
                out.append(rule)
    return out


def with_word_lists(rules: Any, lists: Any) -> Any:
    """Token patterns with each {"IN": "@name"} replaced by that word list's
    words, and each {"NOT_IN": ["@a", "@b"]} by the words of all its lists."""
    if not isinstance(lists, dict):
        raise PatternError("mentions.json", "word_lists must be an object")
    for name, entry in lists.items():
        check_keys(
            "mentions.json", name, entry, {"source", "words"}, {"source", "words"}
        )
        if not all(isinstance(w, str) and w for w in entry["words"]):
            raise PatternError("mentions.json", "words must be strings", name, "words")
    if not isinstance(rules, list):
        return rules

    def resolve(value: Any, rid: str) -> Any:
        if isinstance(value, str) and value.startswith("@"):
            if value[1:] not in lists:
                raise PatternError(
                    "mentions.json", f"no word list {value!r}", rid, "pattern"
                )
            return list(lists[value[1:]]["words"])
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, str) and v.startswith("@") for v in value)
        ):
            # ["@a", "@b"]: the words of both lists
            return [w for v in value for w in resolve(v, rid)]
        if isinstance(value, dict):
            return {k: resolve(v, rid) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v, rid) for v in value]
        return value

    out = []
    for rule in rules:
        if isinstance(rule, dict) and "pattern" in rule:
            rid = str((rule.get("metadata") or {}).get("id", "?"))
            rule = dict(rule, pattern=resolve(rule["pattern"], rid))
        out.append(rule)
    return out


def exams_of(
    raw: Any, sites: dict[str, dict[str, Any]], ids: dict[str, str]
) -> list[dict[str, Any]]:
    """The exam table: which words make a report an exam of this kind, and the
    site an unsited finding takes there (by the head words of its sentence)."""
    if not isinstance(raw, list):
        raise PatternError("sites.json", "exams must be a list")
    for exam in raw:
        eid = str(exam.get("id")) if isinstance(exam, dict) else "?"
        optional = {"side_sites", "two_sided_terms", "topic_sites"}
        check_keys("sites.json", eid, exam, EXAM_KEYS | optional, EXAM_KEYS)
        if eid in ids:
            raise PatternError("sites.json", "duplicate rule id", eid, "id")
        ids[eid] = "sites.json"
        for key in ("exam_terms", "report_terms", "two_sided_terms"):
            terms = exam.get(key, [])
            if not isinstance(terms, list) or not all(
                isinstance(t, str) and t.strip() for t in terms
            ):
                raise PatternError("sites.json", f"{key} must be phrases", eid, key)
        for key in ("defaults", "side_sites", "topic_sites"):
            if not isinstance(exam.get(key, []), list):
                raise PatternError("sites.json", f"{key} must be a list", eid, key)
        if not isinstance(exam["min_report_terms"], int):
            raise PatternError(
                "sites.json",
                "min_report_terms must be a number",
                eid,
                "min_report_terms",
            )
        for default in exam["defaults"]:
            check_keys("sites.json", eid, default, {"heads", "site"}, {"heads", "site"})
            check_site("sites.json", eid, "defaults", default["site"], sites)
        for key in ("side_sites", "topic_sites"):
            check_site("sites.json", eid, key, exam.get(key, []), sites)
    return list(raw)


def check_site(file: str, rid: str, key: str, name: Any, sites: dict[str, Any]) -> None:
    names = name if isinstance(name, list) else [name]
    for n in names:
        if not isinstance(n, str):
            raise PatternError(file, "must name sites (strings)", rid, key)
        if n not in sites:
            raise PatternError(
                file, f"site {n!r} is not in the site vocabulary", rid, key
            )


def check_site_refs(
    file: str, rules: list[dict[str, Any]], key: str, sites: dict[str, Any]
) -> None:
    """Rules whose metadata has `key` must name sites of the vocabulary there."""
    for r in rules:
        if key in r["metadata"]:
            check_site(file, r["metadata"]["id"], key, r["metadata"][key], sites)


def check_disease_words(file: str, sites: dict[str, dict[str, Any]]) -> None:
    """A site's `disease_words` name a disease of its tissue, one word each,
    lower case, a word naming one site only: the linking stage reads them as
    single lower-case tokens, so a phrase, a capital or a word two sites
    claim would silently never take effect or take the wrong one."""
    seen: dict[str, str] = {}
    for name, entry in sites.items():
        words = entry.get("disease_words", [])
        if not isinstance(words, list) or not all(
            isinstance(w, str) and w and w == w.lower() and " " not in w for w in words
        ):
            raise PatternError(
                file,
                "disease_words must be lower-case single words",
                name,
                "disease_words",
            )
        for w in words:
            if seen.setdefault(w, name) != name:
                raise PatternError(
                    file, f"disease word {w!r} names two sites", name, "disease_words"
                )


def check_part_of(
    file: str, rules: list[dict[str, Any]], sites: dict[str, Any]
) -> None:
    """`part_of` names the one site whose part a generic SITE rule's words
    name (generic_sites reads it there only, as one name): a list, another
    kind of rule or a misspelt site would silently never take effect."""
    for r in rules:
        md = r["metadata"]
        if "part_of" not in md:
            continue
        if not isinstance(md["part_of"], str) or r["category"] != "SITE":
            raise PatternError(
                file, "part_of must be one site's name", md["id"], "part_of"
            )
        if not md.get("generic"):
            raise PatternError(
                file, "part_of is read on a generic SITE rule only", md["id"], "part_of"
            )
        check_site(file, md["id"], "part_of", md["part_of"], sites)
