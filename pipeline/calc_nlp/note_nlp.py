"""Findings as OMOP CDM v5.4 NOTE_NLP rows: pure functions, no files.

Field meanings and conventions from OHDSI/CommonDataModel
(inst/csv/OMOP_CDMv5.4_Field_Level.csv and the NOTE_NLP conventions of its
wiki): term_exists is 'N' when the term is negated, about someone other than
the patient or conditional (a rule-out is conditional), else 'Y'; uncertain
terms keep 'Y'. term_temporal is 'past' for historical terms, else
'present'. term_modifiers is `key=value` pairs joined by ','. Unmapped
concept ids are 0 (data model conventions). README, NOTE_NLP section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from calc_nlp.omop_concepts import ConceptMap

NOTE_NLP_COLUMNS: tuple[str, ...] = (
    "note_nlp_id",
    "note_id",
    "section_concept_id",
    "snippet",
    "offset",
    "lexical_variant",
    "note_nlp_concept_id",
    "note_nlp_source_concept_id",
    "nlp_system",
    "nlp_date",
    "nlp_datetime",
    "term_exists",
    "term_temporal",
    "term_modifiers",
)
# varchar lengths of the v5.4 DDL, in characters.
SNIPPET_MAX = 250
LEXICAL_VARIANT_MAX = 250
MODIFIERS_MAX = 2000
ID_MASK = 2**63 - 1  # note_nlp_id: the finding id's 64 bits, as a positive BIGINT
_FINDING_ID = re.compile(r"[0-9a-f]{16}")
_INTEGER = re.compile(r"[0-9]+(?:\.0+)?")
# term_modifiers keys, in the order they are written (README, NOTE_NLP).
MODIFIER_KEYS = (
    "site",
    "laterality",
    "classification",
    "negated",
    "uncertain",
    "conditional",
    "subject",
)


class RowProblem(ValueError):
    """A findings row cannot become a NOTE_NLP row; the message names the column only."""

    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class RunInfo:
    """What every row of one run shares."""

    nlp_system: str
    nlp_date: str  # YYYY-MM-DD
    nlp_datetime: str  # YYYY-MM-DD HH:MM:SS, UTC


def run_info(manifest: dict[str, Any]) -> RunInfo:
    """nlp_system from the tool and rules versions, nlp_date(time) from when the
    run finished (UTC). KeyError / ValueError / TypeError if the manifest lacks them."""
    tool, rules = manifest["tool_version"], manifest["rules_version"]
    if not isinstance(tool, str) or not isinstance(rules, str):
        raise TypeError("tool_version and rules_version must be strings")
    when = datetime.fromisoformat(manifest["finished"])
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return RunInfo(
        nlp_system=f"calc-nlp {tool} rules {rules}",
        nlp_date=when.strftime("%Y-%m-%d"),
        nlp_datetime=when.strftime("%Y-%m-%d %H:%M:%S"),
    )


def note_nlp_id(finding_id: str) -> int:
    """A 63-bit id from the finding id (16 hex digits of SHA-256): stable across
    runs for the same report id, text and span, unique in practice."""
    if not _FINDING_ID.fullmatch(finding_id):
        raise RowProblem("finding_id", "not a finding id (16 lower-case hex digits)")
    return int(finding_id, 16) & ID_MASK


def integer_note_id(value: str) -> int | None:
    """The value as an OMOP integer id (digits, or a zero fraction such as '12.0'
    as typed formats store numbers), or None if it is not one."""
    text = value.strip()
    if not _INTEGER.fullmatch(text):
        return None
    number = int(text.split(".")[0])
    return number if number <= ID_MASK else None


def term_exists(row: dict[str, str]) -> str:
    """'N' for negated, family (subject not the patient) and hypothetical
    (conditional, rule-out) terms; 'Y' otherwise, uncertain ones included."""
    return (
        "N"
        if any(_flag(row, k) for k in ("negated", "family", "hypothetical"))
        else "Y"
    )


def term_temporal(row: dict[str, str]) -> str:
    return "past" if _flag(row, "historical") else "present"


def term_modifiers(row: dict[str, str]) -> str:
    """The modifiers that apply, `key=value` joined by ',' in MODIFIER_KEYS order;
    '%', ',' and '=' inside a value are percent-encoded."""
    values = {
        "site": row.get("site", ""),
        "laterality": row.get("laterality", ""),
        "classification": row.get("classification", ""),
        "negated": "true" if _flag(row, "negated") else "",
        "uncertain": "true" if _flag(row, "uncertain") else "",
        "conditional": "true" if _flag(row, "hypothetical") else "",
        "subject": "family" if _flag(row, "family") else "",
    }
    pairs = [f"{k}={_escape(values[k])}" for k in MODIFIER_KEYS if values[k]]
    return ",".join(pairs)[:MODIFIERS_MAX]


def snippet(sentence: str, mention: str, after: int = 0) -> str:
    """The finding's sentence, or, past SNIPPET_MAX characters, the window of
    that many characters centred on the mention (its first place in the
    sentence from `after` on: `SnippetPlaces`)."""
    if len(sentence) <= SNIPPET_MAX:
        return sentence
    words = " ".join(mention.split())
    at = mention_place(sentence, words, after)
    if at < 0:
        return sentence[:SNIPPET_MAX]
    if len(words) >= SNIPPET_MAX:
        return words[:SNIPPET_MAX]
    start = max(0, at - (SNIPPET_MAX - len(words)) // 2)
    start = min(start, len(sentence) - SNIPPET_MAX)
    return sentence[start : start + SNIPPET_MAX]


def mention_place(sentence: str, words: str, after: int = 0) -> int:
    """Where `words` are in `sentence`, looked for from `after` on (else from
    the start); -1 if nowhere."""
    if not words:
        return -1
    at = sentence.find(words, after)
    return at if at >= 0 else sentence.find(words)


class SnippetPlaces:
    """Where each finding's mention is in its sentence, for findings read in
    text order: a later finding of the same sentence is looked for after the
    earlier one's mention, so that the same words said twice in one long
    sentence give each finding the window around its own mention, not the
    first one's (another finding's context)."""

    def __init__(self) -> None:
        self._sentence: tuple[str, str] | None = None
        self._next = 0

    def after(self, row: dict[str, str]) -> int:
        """Where to look for this row's mention in its sentence (0: anywhere)."""
        key = (row.get("report_id", ""), row.get("sentence", ""))
        if key != self._sentence:
            self._sentence, self._next = key, 0
        after = self._next
        words = " ".join(row.get("mention", "").split())
        at = mention_place(key[1], words, after)
        if at >= 0:
            self._next = at + 1
        return after


def note_nlp_row(
    row: dict[str, str],
    note_id: int | str,
    info: RunInfo,
    concepts: ConceptMap,
    places: SnippetPlaces | None = None,
) -> dict[str, Any]:
    """One findings row as a NOTE_NLP row (ints as int, text as str);
    `places`: the findings table's rows are given in order (see SnippetPlaces)."""
    offset = row.get("start_char", "")
    if not offset.isdigit():
        raise RowProblem("start_char", "not a character offset")
    out: dict[str, Any] = {
        "note_nlp_id": note_nlp_id(row.get("finding_id", "")),
        "note_id": note_id,
        "section_concept_id": concepts.section(row.get("section", "")),
        "snippet": snippet(
            row.get("sentence", ""),
            row.get("mention", ""),
            places.after(row) if places is not None else 0,
        ),
        "offset": offset,
        "lexical_variant": row.get("mention", "")[:LEXICAL_VARIANT_MAX],
        "note_nlp_concept_id": concepts.finding(row.get("site", "")),
        "note_nlp_source_concept_id": 0,
        "nlp_system": info.nlp_system,
        "nlp_date": info.nlp_date,
        "nlp_datetime": info.nlp_datetime,
        "term_exists": term_exists(row),
        "term_temporal": term_temporal(row),
        "term_modifiers": term_modifiers(row),
    }
    return out


def _flag(row: dict[str, str], name: str) -> bool:
    value = row.get(name, "")
    if value not in ("true", "false"):
        raise RowProblem(name, "not true or false")
    return value == "true"


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace(",", "%2C").replace("=", "%3D")
