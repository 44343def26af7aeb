"""Lesions stage: which findings of a report describe the same calcification
(corpora/GUIDE.md, Descriptors: lesion).

Findings share a lesion when they have the same site, side and sub-site (the
site words normalised: "RUL" and "right upper lobe" are one), or when a
finding opens with an anaphor ("It is calcified") and the finding before it
is compatible. Findings that differ in negated, hypothetical or family never
share one; "no new X" never joins an earlier lesion (a descriptors.json term
with `own_lesion`). A lesion's id is the finding_id of its first finding.
"""

from __future__ import annotations

import re

from calc_nlp.schema import Finding
from calc_nlp.stages.descriptors import DescriptorRules

_WORD = re.compile(r"\w+(?:/\w+)?")


def _words(dr: DescriptorRules, text: str) -> list[str]:
    out: list[str] = []
    for w in _WORD.findall(text.lower()):
        out += dr.synonyms.get(w, w).split()
    return [w for w in out if w not in dr.lesion_ignore]


def sub_site(dr: DescriptorRules, f: Finding) -> str:
    """The site words that are not the site's name ("upper lobe" of the lung)."""
    name = set(_words(dr, f.site))
    return " ".join(w for w in _words(dr, f.site_text) if w not in name)


def _state(f: Finding) -> tuple[bool, bool, bool]:
    return (f.negated, f.hypothetical, f.family)


def _differ(a: Finding, b: Finding) -> bool:
    """Do two findings at one site describe different calcifications (another
    size, another BI-RADS morphology or distribution)?"""
    return any(
        x and y and x != y
        for x, y in (
            (a.size_mm, b.size_mm),
            (a.morphology, b.morphology),
            (a.distribution, b.distribution),
        )
    )


def group(dr: DescriptorRules, findings: list[Finding]) -> None:
    """Set `lesion_id` on every finding of one report, in text order."""
    lesions: dict[tuple[object, ...], list[Finding]] = {}
    for i, f in enumerate(findings):
        key = (f.site, f.laterality, sub_site(dr, f), _state(f)) if f.site else None
        same = lesions.get(key, []) if key is not None and not f.own_lesion else []
        match = next((g for g in same if not _differ(g, f)), None)
        prev = findings[i - 1] if i else None
        if match is not None:
            f.lesion_id = match.lesion_id
        elif (
            prev is not None
            and f.anaphor
            and not f.own_lesion
            and _state(prev) == _state(f)
            and f.site in ("", prev.site)
            and f.laterality in ("", prev.laterality)
        ):
            f.lesion_id = prev.lesion_id
        else:
            f.lesion_id = f.finding_id
        if key is not None:
            lesions.setdefault(key, []).append(f)
