"""OMOP concept ids for NOTE_NLP: patterns/omop_concepts.json, validated on load.

The table maps our values (the finding itself, a finding's site, a section)
to OMOP standard concept ids. A value with no entry, or an entry whose id is
0, maps to 0: the CDM's "no matching concept". `--concepts FILE` entries
replace bundled ones with the same kind and value and add the others.
Errors are PatternErrors naming the file, the entry id and the key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calc_nlp.errors import PatternError
from calc_nlp.rule_checks import check_keys
from calc_nlp.rule_schema import SECTION_CATEGORIES

CONCEPTS_FILE = "omop_concepts.json"
TOP_KEYS = {"description", "concepts"}
ENTRY_KEYS = {"id", "kind", "value", "concept_id", "source", "note"}
REQUIRED_KEYS = {"id", "kind", "value", "concept_id", "source"}
# finding: the calcification finding itself (note_nlp_concept_id);
# site: a finding at that site (note_nlp_concept_id, wins over finding);
# section: the section the finding is in (section_concept_id).
KINDS = ("finding", "site", "section")
FINDING_VALUE = "calcification"
# Concept ids are 32-bit integers in the CDM's DDL; custom ones start at 2e9.
MAX_CONCEPT_ID = 2**31 - 1


@dataclass
class ConceptMap:
    """(kind, value) -> concept id; anything missing is 0."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)  # files read, in order

    def finding(self, site: str) -> int:
        """note_nlp_concept_id: the site's finding concept if mapped, else the finding's."""
        by_site = self.ids.get(("site", site), 0) if site else 0
        return by_site or self.ids.get(("finding", FINDING_VALUE), 0)

    def section(self, section: str) -> int:
        return self.ids.get(("section", section), 0)

    def mapped(self) -> int:
        """How many values map to a concept other than 0."""
        return sum(1 for v in self.ids.values() if v)


def bundled_path() -> Path:
    from calc_nlp.rules import default_patterns_dir

    return default_patterns_dir() / CONCEPTS_FILE


def load_concepts(override: str | Path | None = None) -> ConceptMap:
    """The bundled table, with `override`'s entries on top when given."""
    out = ConceptMap()
    paths = [bundled_path()] + ([Path(override)] if override else [])
    for path in paths:
        out.ids.update(parse_concepts(read_concepts_file(path), path.name))
        out.sources.append(str(path))
    return out


def read_concepts_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PatternError(path.name, "file is missing") from None
    except UnicodeDecodeError:
        raise PatternError(path.name, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise PatternError(path.name, f"invalid JSON: {exc}") from None
    except OSError as exc:
        raise PatternError(path.name, f"unreadable ({exc.strerror})") from None


def parse_concepts(data: Any, file: str) -> dict[tuple[str, str], int]:
    """Check a concepts file's content; (kind, value) -> concept id."""
    if not isinstance(data, dict):
        raise PatternError(file, "top level must be a JSON object")
    extra = set(data) - TOP_KEYS
    if extra:
        raise PatternError(
            file, f"unknown keys {sorted(extra)}; allowed: {sorted(TOP_KEYS)}"
        )
    entries = data.get("concepts")
    if not isinstance(entries, list):
        raise PatternError(file, "'concepts' must be a list", key="concepts")
    out: dict[tuple[str, str], int] = {}
    ids: set[str] = set()
    for entry in entries:
        eid = entry.get("id") if isinstance(entry, dict) else None
        rid = eid if isinstance(eid, str) else None
        check_keys(file, rid, entry, ENTRY_KEYS, REQUIRED_KEYS)
        _check_entry(file, entry)
        eid = entry["id"]
        if eid in ids:
            raise PatternError(file, "duplicate id", eid, "id")
        ids.add(eid)
        key = (entry["kind"], entry["value"])
        if key in out:
            raise PatternError(file, f"a second entry for {key[0]} {key[1]!r}", eid)
        out[key] = entry["concept_id"]
    return out


def _check_entry(file: str, entry: dict[str, Any]) -> None:
    eid = entry["id"]
    for key in ("id", "value", "source"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise PatternError(file, "must be a non-empty string", eid, key)
    kind, value, cid = entry["kind"], entry["value"], entry["concept_id"]
    if kind not in KINDS:
        raise PatternError(file, f"kind must be one of {list(KINDS)}", eid, "kind")
    if not isinstance(cid, int) or isinstance(cid, bool) or cid < 0:
        raise PatternError(file, "must be an integer >= 0", eid, "concept_id")
    if cid > MAX_CONCEPT_ID:
        raise PatternError(file, f"must be at most {MAX_CONCEPT_ID}", eid, "concept_id")
    if kind == "finding" and value != FINDING_VALUE:
        raise PatternError(
            file, f"a finding entry's value is {FINDING_VALUE!r}", eid, "value"
        )
    if kind == "section" and value not in SECTION_CATEGORIES:
        raise PatternError(
            file, f"not a section; sections: {sorted(SECTION_CATEGORIES)}", eid, "value"
        )
