"""Guide §4 classification as a pure function over a plain feature record.

No spaCy here: `classify(Features(...))` can be tested from tables and fed
features built elsewhere. Rules apply in the guide's order, first that fires
wins; the result carries the rule, a confidence and readable evidence.

Confidence (documented in the README) is a score for ranking and review, not
a probability:

    confidence = base[rule] + 0.03 * min(agreeing, 3) - 0.10 * conflicting
                 - 0.15 * uncertain          (clamped to 0.05 .. 0.99)

with base 0.90 for rules 1 and 2 (a cue on the mention itself), 0.75 for
rule 3, 0.70 for rule 4 and 0.50 for rule 5 (indeterminate). `agreeing`
counts the supporting items beyond the one that fired, `conflicting` the
kinds of evidence that point to the other class. Adding agreeing evidence
never lowers it; conflict and uncertainty always do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from calc_nlp.schema import DYSTROPHIC, INDETERMINATE, METASTATIC

BASE = {1: 0.90, 2: 0.90, 3: 0.75, 4: 0.70, 5: 0.50}
AGREE_STEP, AGREE_CAP, CONFLICT_STEP, UNCERTAIN_PENALTY = 0.03, 3, 0.10, 0.15
LEAN_STEP = 0.05
CALCIUM_LABS = ("serum_calcium", "ionized_calcium")
MINERAL_LABS = ("serum_calcium", "ionized_calcium", "phosphate")
LAB_LABEL = {
    "serum_calcium": "serum calcium",
    "ionized_calcium": "ionized calcium",
    "phosphate": "phosphate",
    "pth": "PTH",
}


@dataclass(frozen=True)
class CueRecord:
    """A local cue in the finding's sentence: name, guide §4 rule (1 or 2), words,
    and how near to the finding they lie (`near`: tokens between them, 0 on
    it; a cue of the next sentence, which points back, after every one of
    its own)."""

    name: str
    rule: int
    text: str = ""
    at: int = -1  # the token its words start at (-1: not known)
    near: int = 0


@dataclass(frozen=True)
class CauseRecord:
    """A dystrophic cause named elsewhere in the report, and the site it names."""

    name: str
    site: str
    laterality: str = ""
    site_text: str = ""
    words: str = ""  # the report's words that named the cause
    at: int = -1  # the token those words start at (-1: not known)
    # the part of the site its sentence names in words no site phrase holds
    # ('lower pole', 'segment 6'; linking.organ_part), '' where none
    sub_site: str = ""


@dataclass(frozen=True)
class Features:
    """Everything the classifier looks at, as plain values."""

    site: str = ""
    site_text: str = ""
    laterality: str = ""
    metastatic_prone: bool = False
    dystrophic_prone: bool = False
    dystrophic_prone_if: tuple[str, ...] = ()
    cues: tuple[CueRecord, ...] = ()
    # (name, category, section, mineral_driver) per affirmed report condition
    conditions: tuple[tuple[str, str, str, str], ...] = ()
    # (name, flag, value, unit) per lab analyte
    labs: tuple[tuple[str, str, float, str], ...] = ()
    # a normal serum calcium the report states without its value
    calcium_said_normal: bool = False
    causes_elsewhere: tuple[CauseRecord, ...] = ()
    distribution: str = ""  # diffuse | focal | ""
    uncertain: bool = False
    # the report's words, as written, quoted in the evidence
    site_words: str = ""
    condition_words: tuple[tuple[str, str], ...] = ()  # (name, words)
    at: int = -1  # the token the finding's mention starts at (-1: not known)
    sub_site: str = ""  # the part its sentence names, as CauseRecord.sub_site


@dataclass(frozen=True)
class Result:
    classification: str
    confidence: float
    evidence: str
    rule: int


def _unique(items: list[str]) -> list[str]:
    # none or one item: the list itself (each caller makes its own list)
    return items if len(items) < 2 else list(dict.fromkeys(items))


def quoted(name: str, words: str) -> str:
    """A name with the report's words that said it, when they differ
    ('chronic kidney disease "ESRD"'), so a curator can find them by search."""
    if not words or " ".join(words.lower().split()) == name.lower():
        return name
    return f'{name} "{" ".join(words.split())}"'


def _lab_text(lab: tuple[str, str, float, str]) -> str:
    name, flag, value, unit = lab
    return f"{LAB_LABEL.get(name, name)} {value:g} {unit} ({flag})"


def _same_place(x: Features, c: CauseRecord) -> bool:
    """A cause named elsewhere counts only for the same site and side, at a
    place that takes in the finding's: the whole site (no `site_text`: 'prior
    whole brain radiation' for a frontal lobe calcification) or the same part
    of it. "A granuloma in another lobe does not count", nor one in a lobe for
    a calcification of the lung named no more precisely. A cause at both
    sides of a named part takes in each side of it ('calcified nodules in
    the left lower and the right upper lobe, sequelae of granulomatous
    infection' for the left lower lobe one)."""
    if c.site != x.site or not x.site:
        return False
    if x.laterality and c.laterality and x.laterality != c.laterality:
        if c.laterality != "bilateral" or not c.site_text:
            return False
    if c.sub_site and x.sub_site != c.sub_site:
        # a cause at a part its sentence names ('a granuloma in segment 6')
        # is not at another part ('segment 3') nor at a finding naming none
        return False
    return not c.site_text or x.site_text == c.site_text


@dataclass(slots=True)
class _Facts:
    """What the rules read off a Features record, computed once (made per
    finding and never changed: not frozen, which sets each field through
    `object.__setattr__`)."""

    r1: list[str]  # rule 1 cue names
    r2: list[str]  # rule 2 cue names
    cue_words: dict[str, str]  # cue name -> the words of the nearest such cue
    cause_words: dict[str, str]  # cause name -> the nearest such at this place
    condition_words: dict[str, str]  # condition name -> the report's words
    systemic: list[tuple[str, str, str, str]]
    systemic_names: list[str]
    dys_conditions: list[str]
    high: list[tuple[str, str, float, str]]
    calcium_normal: bool
    normal_lab: tuple[str, str, float, str] | None
    phosphate_driven: bool
    prone_if: list[str]
    elsewhere: list[str]


def _facts(x: Features) -> _Facts:
    # the words each rule quotes (guide §4: the words that made it fire): of
    # a cue, the one of its name nearest the finding (its own sentence
    # first; of two as near, the later); of a cause named elsewhere, the
    # nearest of those at the finding's place (another place's, or a
    # condition's first words, name another thing); of a systemic
    # condition, the report's words that asserted it first, as the report
    # row writes them
    cue_words: dict[str, str] = {}
    for cue in sorted(x.cues, key=lambda c: c.near, reverse=True):
        if cue.text:
            cue_words[cue.name] = cue.text
    placed = [c for c in x.causes_elsewhere if _same_place(x, c)]
    cause_words: dict[str, str] = {}
    for cause in sorted(placed, key=lambda c: abs(c.at - x.at)):
        if cause.words:
            cause_words.setdefault(cause.name, cause.words)
    condition_words = dict(x.condition_words)
    systemic = [c for c in x.conditions if c[1] == METASTATIC]
    high = [lab for lab in x.labs if lab[0] in MINERAL_LABS and lab[1] == "high"]
    calcium_high = any(lab[0] in CALCIUM_LABS and lab[1] == "high" for lab in x.labs)
    normal_lab = next(
        (lab for lab in x.labs if lab[0] in CALCIUM_LABS and lab[1] == "normal"), None
    )
    condition_names = {c[0] for c in x.conditions}
    return _Facts(
        r1=_unique([c.name for c in x.cues if c.rule == 1]),
        r2=_unique([c.name for c in x.cues if c.rule == 2]),
        cue_words=cue_words,
        cause_words=cause_words,
        condition_words=condition_words,
        systemic=systemic,
        systemic_names=_unique(
            [
                f"{quoted(c[0], condition_words.get(c[0], ''))} ({c[2]})"
                for c in systemic
            ]
        ),
        dys_conditions=_unique([c[0] for c in x.conditions if c[1] == DYSTROPHIC]),
        high=high,
        calcium_normal=not calcium_high
        and (normal_lab is not None or x.calcium_said_normal),
        normal_lab=normal_lab,
        # guide §4 rule 3: a normal serum calcium blocks it only where every
        # systemic condition is a hypercalcaemic one; phosphate (kidney
        # disease) or the urine (renal tubular acidosis) drives the others
        phosphate_driven=any(c[3] != "calcium" for c in systemic)
        or any(lab[0] == "phosphate" for lab in high),
        prone_if=[c for c in x.dystrophic_prone_if if c in condition_names],
        elsewhere=_unique([c.name for c in placed]),
    )


def _confidence(x: Features, f: _Facts, cls: str, rule: int) -> float:
    """BASE by rule, plus agreeing evidence (capped), minus conflicting
    evidence (the items of the class given, only)."""
    if cls == DYSTROPHIC:
        dys_items = (
            f.r1
            + ([f"site:{x.site}"] if x.dystrophic_prone or f.prone_if else [])
            + [f"cond:{c}" for c in f.dys_conditions]
            + [f"cause:{c}" for c in f.elsewhere]
            + (["calcium-normal"] if f.calcium_normal else [])
            + (["focal"] if x.distribution == "focal" else [])
        )
        agree = len(dys_items) - 1
        conflicts = sum(
            [bool(f.systemic), bool(f.high), x.distribution == "diffuse", bool(f.r2)]
        )
    else:
        systemic_items = _unique([c[0] for c in f.systemic]) + [
            lab[0] for lab in f.high
        ]
        met_items = (
            f.r2
            + systemic_items
            + ([f"site:{x.site}"] if x.metastatic_prone else [])
            + (["diffuse"] if x.distribution == "diffuse" else [])
        )
        agree = len(met_items) - 1
        conflicts = sum(
            [bool(f.dys_conditions), f.calcium_normal, x.distribution == "focal"]
        )
    conf = (
        BASE[rule]
        + AGREE_STEP * min(max(agree, 0), AGREE_CAP)
        - CONFLICT_STEP * conflicts
    )
    conf -= UNCERTAIN_PENALTY if x.uncertain else 0.0
    return round(min(0.99, max(0.05, conf)), 2)


def _systemic_lean(
    x: Features, systemic_words: list[str], site_label: str, notes: list[str]
) -> str:
    """Why a systemic disorder named in the report left the finding
    indeterminate: its site is not one such disorders favour, or (a lung,
    kidney, stomach ... finding) a normal serum calcium blocked guide §4
    rule 3, which the evidence must say rather than call the site not
    metastatic-prone."""
    named = " + ".join(systemic_words)
    if x.metastatic_prone and notes:
        return f"{named} at metastatic-prone site {site_label}, but {notes[0]}"
    return f"{named} but site {site_label} not metastatic-prone"


def classify(x: Features) -> Result:
    """Apply guide §4 rules 1-5 in order; total and deterministic."""
    f = _facts(x)

    def done(cls: str, rule: int, evidence: str) -> Result:
        return Result(cls, _confidence(x, f, cls, rule), evidence, rule)

    site_label = x.site or "unspecified"
    site_said = quoted(site_label, x.site_words)
    if f.r1:
        return done(
            DYSTROPHIC,
            1,
            "rule1: " + ", ".join(quoted(n, f.cue_words.get(n, "")) for n in f.r1),
        )
    if f.r2:
        return done(
            METASTATIC,
            2,
            "rule2: " + ", ".join(quoted(n, f.cue_words.get(n, "")) for n in f.r2),
        )

    systemic_words = f.systemic_names + [_lab_text(lab) for lab in f.high]
    blocked = bool(systemic_words) and f.calcium_normal and not f.phosphate_driven
    if systemic_words and x.metastatic_prone and not blocked:
        return done(
            METASTATIC,
            3,
            f"rule3: {' + '.join(systemic_words)} + site {site_said} (metastatic-prone)",
        )
    notes = []
    if blocked and x.metastatic_prone and f.normal_lab is not None:
        notes.append(f"rule3 blocked by {_lab_text(f.normal_lab)}")
    elif blocked and x.metastatic_prone:
        notes.append("rule3 blocked by serum calcium stated normal")
    if x.dystrophic_prone or f.prone_if or f.elsewhere:
        why = []
        if x.dystrophic_prone:
            why.append(f"site {site_said} (dystrophic-prone)")
        elif f.prone_if:
            why.append(f"site {site_said} with {', '.join(f.prone_if)}")
        for name in f.elsewhere:
            side = f" ({x.laterality})" if x.laterality else ""
            why.append(
                f"{quoted(name, f.cause_words.get(name, ''))} at {site_label}{side} named in another sentence"
            )
        return done(DYSTROPHIC, 4, "; ".join(["rule4: " + "; ".join(why)] + notes))

    leans = []
    if f.normal_lab is not None and f.calcium_normal:
        leans.append(f"{_lab_text(f.normal_lab)} supports dystrophic")
    if systemic_words:
        leans.append(_systemic_lean(x, systemic_words, site_label, notes))
    if f.dys_conditions:
        leans.append(f"{', '.join(f.dys_conditions)} named, not at this site")
    conf = (
        BASE[5] - LEAN_STEP * len(leans) - (UNCERTAIN_PENALTY if x.uncertain else 0.0)
    )
    evidence = "; ".join(["rule5: no rule fired"] + leans)
    return Result(INDETERMINATE, round(min(0.99, max(0.05, conf)), 2), evidence, 5)


# Rule 4 once the lesions are known (stages/lesions.py groups the findings
# after each was classed alone): a finding no rule classed may be the lesion
# another finding names, whose cause or site then decides.

RULE1_LEAD = "rule1: "


def by_restated_cause(
    classification: str, site: str, laterality: str, cause_evidence: str
) -> Result | None:
    """Guide §4 rule 4 ('a dystrophic cause at that same place reported in
    another sentence') for a finding of class `classification` at `site`
    whose lesion a finding at that site restates, classed by rule 1 with
    `cause_evidence` ('calcified nodule in the upper lobe on the left', then
    'calcified left upper lobe granuloma, sequela of prior tuberculosis'):
    dystrophic by that cause, if no rule classed it. None: the class stands."""
    if classification != INDETERMINATE or not cause_evidence.startswith(RULE1_LEAD):
        return None
    side = f" ({laterality})" if laterality else ""
    words = cause_evidence[len(RULE1_LEAD) :]
    return Result(
        DYSTROPHIC,
        BASE[4],
        f"rule4: {words} at {site}{side} named for the same lesion in another sentence",
        4,
    )


def by_given_site(
    classification: str, site: str, site_info: Mapping[str, Any]
) -> Result | None:
    """Guide §4 rule 4 for a finding of class `classification` whose `site`
    only the lesion it restates gave it (the site was unknown when it was
    classed: 'PREOP DX: calcified left breast implant capsule ... the
    calcified capsule was removed'): a dystrophic-prone site (`site_info`,
    the site's vocabulary entry) classes it dystrophic, if no rule classed
    it. Not a metastatic-prone site, where a systemic disorder the finding
    was not classed with may decide (rule 3). None: the class stands."""
    if classification != INDETERMINATE or not site:
        return None
    if not site_info.get("dystrophic_prone") or site_info.get("metastatic_prone"):
        return None
    return Result(
        DYSTROPHIC,
        BASE[4],
        f"rule4: site {site} (dystrophic-prone), given by the lesion it restates",
        4,
    )
