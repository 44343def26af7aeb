"""Load and validate the rule and knowledge files of patterns/.

Every file is checked before any rule is used: unknown keys are rejected with
the allowed ones listed, every rule has an id and a source, every token
pattern passes spaCy's `Matcher(validate=True)`, and cross references (site
names, condition categories) resolve. Errors are `PatternError`s naming the
file, the rule and the key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from calc_nlp import build_cache
from calc_nlp.errors import PatternError
from calc_nlp.rule_schema import FILES

__all__ = ["FILES", "RuleSet", "default_patterns_dir", "load_rules"]


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
    # Severity, change, BI-RADS and score rules (descriptors.json).
    descriptors: dict[str, Any] = field(default_factory=dict)


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


def rule_index(
    token_norms: list[dict[str, Any]], rules: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Every rule by its id (token norms as the regex they stand for)."""
    index: dict[str, dict[str, Any]] = {
        n["id"]: {"pattern": [{"TEXT": {"REGEX": n["regex"]}}], "metadata": n}
        for n in token_norms
    }
    for rule in rules:
        index[rule["metadata"]["id"]] = rule
    return index


def load_rules(
    patterns_dir: str | Path | None = None, validate: bool = True
) -> RuleSet:
    """Read, validate and return every rule file of `patterns_dir`.

    `validate=False` skips only the token-pattern check (spaCy's validating
    Matcher), for worker processes whose parent has just validated the same files.
    Rules read and validated before from the same bytes (by the same code and
    libraries) come from the build cache (build_cache.py).
    """
    base = Path(patterns_dir) if patterns_dir else default_patterns_dir()
    if not base.is_dir():
        raise PatternError(str(base), "patterns folder not found")
    digest = _files_digest(base)
    if digest is not None:
        cached = build_cache.load("rules", digest)
        if isinstance(cached, dict) and set(cached) == _FIELDS:
            return RuleSet(**dict(cached, source=str(base)))
    rules = _read_rules(base, validate)
    if validate and digest is not None and digest[:12] == rules.version:
        build_cache.save("rules", digest, {k: getattr(rules, k) for k in _FIELDS})
    return rules


_FIELDS = frozenset(f.name for f in fields(RuleSet))


def _files_digest(base: Path, strict: bool = False) -> str | None:
    """SHA-256 of every rule file's name and bytes (None: one cannot be read,
    and _read_rules will name the problem; `strict`: raise it)."""
    digest = hashlib.sha256()
    try:
        for name in FILES:
            digest.update(name.encode())
            digest.update((base / name).read_bytes())
    except OSError:
        if strict:
            raise
        return None
    return digest.hexdigest()


def _read_rules(base: Path, validate: bool) -> RuleSet:
    """Every rule file of `base`, read and validated."""
    from calc_nlp.rule_checks import PatternChecker, read_rule_file
    from calc_nlp.rule_descriptors import descriptor_index, load_descriptors
    from calc_nlp.rule_files import (
        check_mention_conditions,
        load_clause_verbs,
        load_conditions,
        load_context,
        load_cues,
        load_labs,
        load_mentions,
        load_sections,
        load_sites,
    )
    from calc_nlp.rule_sides import (
        descriptors_spelled_short,
        side_spellings,
        with_side_abbreviations,
    )

    raw = {name: read_rule_file(base / name) for name in FILES}
    checker = PatternChecker(enabled=validate)
    ids: dict[str, str] = {}
    sites, site_rules, exams, lat_rules = load_sites(raw, checker, ids)
    token_norms, mentions = load_mentions(raw, sites, checker, ids)
    conditions, condition_rules = load_conditions(raw, sites, checker, ids)
    check_mention_conditions(mentions, conditions)
    cue_rules = load_cues(raw, sites, checker, ids)
    context_rules = load_context(raw, checker, ids)
    section_rules = load_sections(raw, checker, ids)
    labs = load_labs(raw)
    descriptors = load_descriptors(raw, sites, ids)
    index = rule_index(
        token_norms,
        mentions
        + site_rules
        + lat_rules
        + condition_rules
        + cue_rules
        + context_rules
        + section_rules,
    )
    index.update(descriptor_index(descriptors))
    # the rules that spell a side, spelled short too (indexed as written)
    sides = side_spellings(raw["sites.json"])
    descriptors = descriptors_spelled_short(descriptors, sides)
    return RuleSet(
        mentions=with_side_abbreviations(mentions, sides),
        sites=sites,
        site_rules=with_side_abbreviations(site_rules, sides, letters=True),
        laterality_rules=with_side_abbreviations(lat_rules, sides),
        conditions=conditions,
        condition_rules=with_side_abbreviations(condition_rules, sides),
        cue_rules=with_side_abbreviations(cue_rules, sides),
        context_rules=context_rules,
        section_rules=section_rules,
        labs=labs,
        token_norms=token_norms,
        version=str(_files_digest(base, strict=True))[:12],
        source=str(base),
        rule_index=index,
        exams=exams,
        clause_verbs=load_clause_verbs(raw),
        descriptors=descriptors,
        word_lists={
            name: list(entry["words"])
            for name, entry in raw["mentions.json"].get("word_lists", {}).items()
        },
    )
