"""Load and validate the rule and knowledge files of patterns/.

Every file is checked before any rule is used: unknown keys are rejected with
the allowed ones listed, every rule has an id and a source, every token
pattern passes spaCy's `Matcher(validate=True)`, and cross references (site
names, condition categories) resolve. Errors are `PatternError`s naming the
file, the rule and the key.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calc_nlp.errors import PatternError

FILES = (
    "mentions.json",
    "sites.json",
    "conditions.json",
    "cues.json",
    "context.json",
    "sections.json",
    "labs.json",
)

TARGET_KEYS = {"literal", "pattern", "category", "metadata", "attributes"}
CONTEXT_KEYS = {
    "literal",
    "direction",
    "pattern",
    "category",
    "metadata",
    "allowed_types",
    "excluded_types",
    "max_targets",
    "max_scope",
}
SECTION_KEYS = {
    "literal",
    "category",
    "pattern",
    "metadata",
    "max_scope",
    "parents",
    "parent_required",
}
TOP_KEYS = {
    "mentions.json": {"description", "target_rules", "token_norms", "word_lists"},
    "sites.json": {"description", "sites", "target_rules", "laterality_rules", "exams"},
    "conditions.json": {"description", "conditions"},
    "cues.json": {"description", "target_rules"},
    "context.json": {"description", "context_rules", "clause_verbs"},
    "sections.json": {"description", "section_rules"},
    "labs.json": {"description", "source", "analytes", "flag_words"},
}
CATEGORIES = {
    "mentions.json": {"CALCIFICATION", "EXCLUDE", "PREMODIFIER"},
    "cues.json": {"CUE", "DISTRIBUTION", "LINK", "QUALIFIER"},
    "sites.json": {"SITE", "REGION", "LATERALITY"},
}
CONTEXT_CATEGORIES = {
    "NEGATED_EXISTENCE",
    "POSSIBLE_EXISTENCE",
    "HISTORICAL",
    "HYPOTHETICAL",
    "FAMILY",
    "PRESENT",
    "PSEUDO",
    "TERMINATE",
}
CONTEXT_DIRECTIONS = {"FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"}
SECTION_CATEGORIES = {
    "exam",
    "indication",
    "technique",
    "comparison",
    "findings",
    "impression",
    "other",
}
CONDITION_CATEGORIES = {"metastatic", "dystrophic", "other"}
# Optional keys of a site entry: its phrases, and where they come from.
SITE_TERM_KEYS = {
    "terms",
    "abbreviations",
    "generic_terms",
    "anaphoric_terms",
    "terms_source",
    "kind",
}
EXAM_KEYS = {
    "id",
    "name",
    "source",
    "exam_terms",
    "report_terms",
    "min_report_terms",
    "defaults",
}
SITE_TERMS_SOURCE = "guide §2 (site vocabulary)"
SITE_KEYS = {
    "name",
    "metastatic_prone",
    "dystrophic_prone",
    "dystrophic_prone_if",
    "physiologic",
    "sided",
    "source",
}
CONDITION_KEYS = {"id", "name", "category", "source", "terms", "mineral_driver"}
TERM_KEYS = {"term", "case_sensitive", "site"}
ANALYTE_KEYS = {
    "id",
    "name",
    "canonical_unit",
    "names",
    "units",
    "reference",
    "unitless_rules",
    "plausible",
    "source",
}
METADATA_KEYS = {
    "id",
    "source",
    "note",
    "implied_site",
    "requires_site",
    "site",
    "laterality",
    "cue",
    "rule",
    "distribution",
    "also_sets",
    "cancels",
    "clinical_question",
    "one_line",
    "own_line",
    "candidates",
    "alternative",
    "condition",
    "category",
    "mineral_driver",
    "generic",
    "lesion",
}


@dataclass
class RuleSet:
    """Every rule and table, validated, as plain data (no spaCy objects)."""

    mentions: list[dict[str, Any]]
    sites: dict[str, dict[str, Any]]
    site_rules: list[dict[str, Any]]
    laterality_rules: list[dict[str, Any]]
    conditions: dict[str, dict[str, Any]]
    condition_rules: list[dict[str, Any]]
    cue_rules: list[dict[str, Any]]
    context_rules: list[dict[str, Any]]
    section_rules: list[dict[str, Any]]
    labs: dict[str, Any]
    token_norms: list[dict[str, Any]]
    version: str
    source: str
    rule_index: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Kinds of exam and the site an unsited finding takes on each (guide §2).
    exams: list[dict[str, Any]] = field(default_factory=list)
    # Named word lists of mentions.json (also read by the linking stage).
    word_lists: dict[str, list[str]] = field(default_factory=dict)
    # Finite verbs that give a comma-clause its own statement (context.json).
    clause_verbs: dict[str, Any] = field(default_factory=dict)


def default_patterns_dir() -> Path:
    """patterns/ as shipped in the wheel (calc_nlp/patterns), else the checkout's.

    The wheel maps the repo's top-level patterns/ into the package, so there is
    one copy of the rules; an editable install or a plain checkout reads the
    top-level folder itself.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "patterns", here.parents[1] / "patterns"):
        if (candidate / "mentions.json").is_file():
            return candidate
    raise PatternError(str(here / "patterns"), "packaged patterns folder not found")


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PatternError(path.name, "file is missing") from None
    except json.JSONDecodeError as exc:
        raise PatternError(path.name, f"invalid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise PatternError(path.name, "top level must be a JSON object")
    allowed = TOP_KEYS[path.name]
    extra = set(data) - allowed
    if extra:
        raise PatternError(
            path.name, f"unknown keys {sorted(extra)}; allowed: {sorted(allowed)}"
        )
    return data


def _check_keys(
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


class _PatternChecker:
    """Checks token patterns with spaCy's validating Matcher."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        if enabled:
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


def _target_rules(
    file: str,
    rules: Any,
    categories: set[str],
    checker: _PatternChecker,
    ids: dict[str, str],
) -> list[dict[str, Any]]:
    if not isinstance(rules, list):
        raise PatternError(file, "rules must be a list")
    out = []
    for i, rule in enumerate(rules):
        rid = (rule.get("metadata") or {}).get("id") if isinstance(rule, dict) else None
        rid = rid or f"#{i}"
        _check_keys(file, rid, rule, TARGET_KEYS, {"literal", "category", "metadata"})
        _check_metadata(file, rid, rule["metadata"], ids)
        if rule["category"] not in categories:
            raise PatternError(
                file,
                f"category {rule['category']!r} not one of {sorted(categories)}",
                rid,
                "category",
            )
        if not isinstance(rule["literal"], str) or not rule["literal"].strip():
            raise PatternError(
                file, "literal must be a non-empty string", rid, "literal"
            )
        checker.check(file, rid, rule.get("pattern"))
        out.append(rule)
    return out


def _check_metadata(file: str, rid: str, md: Any, ids: dict[str, str]) -> None:
    _check_keys(file, rid, md, METADATA_KEYS, {"id", "source"})
    if not str(md["source"]).strip():
        raise PatternError(file, "source (provenance) must not be empty", rid, "source")
    if md["id"] in ids:
        raise PatternError(
            file, f"duplicate rule id (also in {ids[md['id']]})", rid, "id"
        )
    ids[md["id"]] = file


def slug(text: str) -> str:
    """A rule-id part from a term: lower case, runs of other characters as '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _site_term_rules(sites: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
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


def _with_word_lists(rules: Any, lists: Any) -> Any:
    """Token patterns with each {"IN": "@name"} replaced by that word list's words."""
    if not isinstance(lists, dict):
        raise PatternError("mentions.json", "word_lists must be an object")
    for name, entry in lists.items():
        _check_keys(
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


def _exams(
    raw: Any, sites: dict[str, dict[str, Any]], ids: dict[str, str]
) -> list[dict[str, Any]]:
    """The exam table: which words make a report an exam of this kind, and the
    site an unsited finding takes there (by the head words of its sentence)."""
    if not isinstance(raw, list):
        raise PatternError("sites.json", "exams must be a list")
    for exam in raw:
        eid = str(exam.get("id")) if isinstance(exam, dict) else "?"
        _check_keys("sites.json", eid, exam, EXAM_KEYS, EXAM_KEYS)
        if eid in ids:
            raise PatternError("sites.json", "duplicate rule id", eid, "id")
        ids[eid] = "sites.json"
        for key in ("exam_terms", "report_terms"):
            if not all(isinstance(t, str) and t.strip() for t in exam[key]):
                raise PatternError("sites.json", f"{key} must be phrases", eid, key)
        if not isinstance(exam["min_report_terms"], int):
            raise PatternError(
                "sites.json",
                "min_report_terms must be a number",
                eid,
                "min_report_terms",
            )
        for default in exam["defaults"]:
            _check_keys(
                "sites.json", eid, default, {"heads", "site"}, {"heads", "site"}
            )
            _check_site("sites.json", eid, "defaults", default["site"], sites)
    return list(raw)


def _check_site(
    file: str, rid: str, key: str, name: Any, sites: dict[str, Any]
) -> None:
    names = name if isinstance(name, list) else [name]
    for n in names:
        if n not in sites:
            raise PatternError(
                file, f"site {n!r} is not in the site vocabulary", rid, key
            )


def load_rules(
    patterns_dir: str | Path | None = None, validate: bool = True
) -> RuleSet:
    """Read, validate and return every rule file of `patterns_dir`.

    `validate=False` skips only the token-pattern check (spaCy's validating
    Matcher), for worker processes whose parent has just validated the same files.
    """
    base = Path(patterns_dir) if patterns_dir else default_patterns_dir()
    if not base.is_dir():
        raise PatternError(str(base), "patterns folder not found")
    raw = {name: _read(base / name) for name in FILES}
    digest = hashlib.sha256()
    for name in FILES:
        digest.update(name.encode())
        digest.update((base / name).read_bytes())
    checker = _PatternChecker(enabled=validate)
    ids: dict[str, str] = {}

    # Site vocabulary first: everything else refers to it.
    sites: dict[str, dict[str, Any]] = {}
    for entry in raw["sites.json"].get("sites", []):
        _check_keys(
            "sites.json",
            entry.get("name"),
            entry,
            SITE_KEYS | SITE_TERM_KEYS,
            SITE_KEYS,
        )
        sites[entry["name"]] = entry
    site_rules = _target_rules(
        "sites.json",
        _site_term_rules(sites) + raw["sites.json"].get("target_rules", []),
        {"SITE", "REGION"},
        checker,
        ids,
    )
    for r in site_rules:
        if r["category"] == "SITE":
            _check_site(
                "sites.json",
                r["metadata"]["id"],
                "site",
                r["metadata"].get("site"),
                sites,
            )
        if "candidates" in r["metadata"]:
            _check_site(
                "sites.json",
                r["metadata"]["id"],
                "candidates",
                r["metadata"]["candidates"],
                sites,
            )
    exams = _exams(raw["sites.json"].get("exams", []), sites, ids)
    lat_rules = _target_rules(
        "sites.json",
        raw["sites.json"].get("laterality_rules", []),
        {"LATERALITY"},
        checker,
        ids,
    )
    for r in lat_rules + site_rules:
        lat = r["metadata"].get("laterality")
        if lat is not None and lat not in {"left", "right", "bilateral"}:
            raise PatternError(
                "sites.json",
                f"laterality {lat!r} not left/right/bilateral",
                r["metadata"]["id"],
                "laterality",
            )

    token_norms = []
    for i, entry in enumerate(raw["mentions.json"].get("token_norms", [])):
        nid = entry.get("id") if isinstance(entry, dict) else None
        _check_keys(
            "mentions.json",
            nid or f"#{i}",
            entry,
            {"id", "regex", "norm", "source"},
            {"id", "regex", "norm", "source"},
        )
        nid = entry["id"]
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
    mentions = _target_rules(
        "mentions.json",
        _with_word_lists(
            raw["mentions.json"].get("target_rules", []),
            raw["mentions.json"].get("word_lists", {}),
        ),
        CATEGORIES["mentions.json"],
        checker,
        ids,
    )
    for r in mentions:
        if "implied_site" in r["metadata"]:
            _check_site(
                "mentions.json",
                r["metadata"]["id"],
                "implied_site",
                r["metadata"]["implied_site"],
                sites,
            )

    # Conditions: a knowledge table whose terms become target rules.
    conditions: dict[str, dict[str, Any]] = {}
    condition_rules: list[dict[str, Any]] = []
    for entry in raw["conditions.json"].get("conditions", []):
        cid = entry.get("id")
        _check_keys(
            "conditions.json",
            cid,
            entry,
            CONDITION_KEYS,
            {"id", "name", "category", "source", "terms"},
        )
        if entry["category"] not in CONDITION_CATEGORIES:
            raise PatternError(
                "conditions.json",
                f"category {entry['category']!r} not one of {sorted(CONDITION_CATEGORIES)}",
                cid,
                "category",
            )
        if entry.get("mineral_driver", "calcium") not in {"calcium", "phosphate"}:
            raise PatternError(
                "conditions.json",
                "mineral_driver must be calcium or phosphate",
                cid,
                "mineral_driver",
            )
        if cid in ids:
            raise PatternError(
                "conditions.json", f"duplicate id (also in {ids[cid]})", cid, "id"
            )
        ids[cid] = "conditions.json"
        conditions[entry["name"]] = entry
        for j, term in enumerate(entry["terms"]):
            _check_keys("conditions.json", cid, term, TERM_KEYS, {"term"})
            if "site" in term:
                _check_site("conditions.json", cid, "site", term["site"], sites)
            md = {
                "id": f"{cid}#{j}",
                "source": entry["source"],
                "condition": entry["name"],
                "category": entry["category"],
            }
            if "site" in term:
                md["site"] = term["site"]
            rule: dict[str, Any] = {
                "literal": term["term"],
                "category": "CONDITION",
                "metadata": md,
            }
            if term.get("case_sensitive"):
                rule["pattern"] = [{"ORTH": w} for w in term["term"].upper().split()]
                checker.check("conditions.json", md["id"], rule["pattern"])
            condition_rules.append(rule)
    for entry in sites.values():
        for cond in entry["dystrophic_prone_if"]:
            if cond not in conditions:
                raise PatternError(
                    "sites.json",
                    f"condition {cond!r} is not in conditions.json",
                    entry["name"],
                    "dystrophic_prone_if",
                )

    cue_rules = _target_rules(
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
                _check_site(
                    "cues.json", md["id"], "requires_site", md["requires_site"], sites
                )
        elif r["category"] == "QUALIFIER":
            _check_site("cues.json", md["id"], "site", md.get("site"), sites)
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

    context_rules = []
    for i, rule in enumerate(raw["context.json"].get("context_rules", [])):
        rid = (rule.get("metadata") or {}).get("id") or f"#{i}"
        _check_keys(
            "context.json",
            rid,
            rule,
            CONTEXT_KEYS,
            {"literal", "category", "direction", "metadata"},
        )
        _check_metadata("context.json", rid, rule["metadata"], ids)
        if rule["category"] not in CONTEXT_CATEGORIES:
            raise PatternError(
                "context.json",
                f"category {rule['category']!r} not one of {sorted(CONTEXT_CATEGORIES)}",
                rid,
                "category",
            )
        if rule["direction"] not in CONTEXT_DIRECTIONS:
            raise PatternError(
                "context.json",
                f"direction {rule['direction']!r} not one of {sorted(CONTEXT_DIRECTIONS)}",
                rid,
                "direction",
            )
        for key in ("also_sets", "cancels"):
            for cat in rule["metadata"].get(key, []):
                if cat not in CONTEXT_CATEGORIES:
                    raise PatternError(
                        "context.json", f"{cat!r} is not a context category", rid, key
                    )
        checker.check("context.json", rid, rule.get("pattern"))
        context_rules.append(rule)
    clause_verbs = raw["context.json"].get(
        "clause_verbs", {"source": "none given", "words": []}
    )
    _check_keys(
        "context.json",
        "clause_verbs",
        clause_verbs,
        {"source", "words"},
        {"source", "words"},
    )
    if not all(isinstance(w, str) and w == w.lower() for w in clause_verbs["words"]):
        raise PatternError(
            "context.json", "words must be lower-case strings", "clause_verbs", "words"
        )

    section_rules = []
    for i, rule in enumerate(raw["sections.json"].get("section_rules", [])):
        rid = (rule.get("metadata") or {}).get("id") or f"#{i}"
        _check_keys(
            "sections.json",
            rid,
            rule,
            SECTION_KEYS,
            {"literal", "category", "metadata"},
        )
        _check_metadata("sections.json", rid, rule["metadata"], ids)
        if rule["category"] not in SECTION_CATEGORIES:
            raise PatternError(
                "sections.json",
                f"category {rule['category']!r} not one of {sorted(SECTION_CATEGORIES)}",
                rid,
                "category",
            )
        checker.check("sections.json", rid, rule.get("pattern"))
        section_rules.append(rule)

    labs = raw["labs.json"]
    for a in labs.get("analytes", []):
        _check_keys("labs.json", a.get("id"), a, ANALYTE_KEYS, ANALYTE_KEYS)
        lo, hi = a["reference"]
        if not lo < hi:
            raise PatternError(
                "labs.json",
                "reference must be [low, high] with low < high",
                a["id"],
                "reference",
            )
        for ur in a["unitless_rules"]:
            if ur["unit"] not in a["units"]:
                raise PatternError(
                    "labs.json",
                    f"unit {ur['unit']!r} not in units",
                    a["id"],
                    "unitless_rules",
                )

    index: dict[str, dict[str, Any]] = {
        n["id"]: {"pattern": [{"TEXT": {"REGEX": n["regex"]}}], "metadata": n}
        for n in token_norms
    }
    for rule in (
        mentions
        + site_rules
        + lat_rules
        + condition_rules
        + cue_rules
        + context_rules
        + section_rules
    ):
        index[rule["metadata"]["id"]] = rule
    return RuleSet(
        mentions=mentions,
        sites=sites,
        site_rules=site_rules,
        laterality_rules=lat_rules,
        conditions=conditions,
        condition_rules=condition_rules,
        cue_rules=cue_rules,
        context_rules=context_rules,
        clause_verbs=clause_verbs,
        word_lists={
            name: list(entry["words"])
            for name, entry in raw["mentions.json"].get("word_lists", {}).items()
        },
        section_rules=section_rules,
        labs=labs,
        token_norms=token_norms,
        version=digest.hexdigest()[:12],
        source=str(base),
        rule_index=index,
        exams=exams,
    )
