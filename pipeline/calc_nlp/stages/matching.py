"""Matching stage: mentions first, then sites, sides, conditions and cues."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, takewhile
from operator import not_
from typing import Any

from spacy.tokens import Doc, Span, Token

from calc_nlp.stages.layout import TITLE_WORDS, LazyExam, title_start, title_stop
from calc_nlp.stages.record import (
    Layout,
    Matches,
    RuleHit,
    SiteRef,
    Words,
    longest_spans,
    rule_span,
)
from calc_nlp.stages.toolkit import Toolkit

# a calendar year written alone (_before_number)
_YEAR = re.compile(r"(?:19|20)\d\d")


def mentions(
    kit: Toolkit, doc: Doc, columns: dict[str, list[int]] | None = None
) -> tuple[list[Span], list[Words], list[Span]]:
    """Calcification mentions not inside an exclusion, premodifier words, and
    the exclusions that name a lesion of their own kind (stones). `columns`:
    the Doc's token attribute values (Toolkit.columns) when read. The
    premodifiers are read for their tokens only: no Span is made of them."""
    by_label: dict[int, list[tuple[int, int, int, int]]] = {}
    for found in kit.mention_matcher.matches(doc, columns):
        by_label.setdefault(found[2], []).append(found)

    def of(label: str) -> list[tuple[int, int, int, int]]:
        """The matches of a category (none where the rules have none)."""
        key = kit.label_ids.get(label)
        return by_label.get(key, []) if key is not None else []

    def spans(label: str) -> list[Span]:
        return [
            rule_span(doc, start, end, lab, rule) for start, end, lab, rule in of(label)
        ]

    excluded = [
        x
        for x in spans("EXCLUDE")
        if not (
            kit.md(x).get("title_unless_value")
            and _labels_a_number(doc, x.end, kit.descriptors.duration_units)
        )
    ]
    premods = [Words(start, end) for start, end, _, _ in of("PREMODIFIER")]
    # mentions overlapping no exclusion, read off the matches: a Span made
    # only of a mention kept (most reports have no exclusion to test), the
    # longest of overlapping ones too ('calcified' in 'calcified granuloma')
    apart = [(x.start, x.end) for x in excluded]
    found_all = of("CALCIFICATION")
    hits = [
        RuleHit(*found)
        for found in found_all
        if (
            not apart
            or not any(found[0] < x_end and x_start < found[1] for x_start, x_end in apart)
        )
        # a user's rule may match a blank token: a mention of no words
        and not all(doc[i].is_space for i in range(found[0], found[1]))
        and not _runs_past_a_head(kit, doc, found[0], found[1])
        and not _joins_a_finding(kit, doc, found[0], found[1], found_all)
    ]
    calc = [
        rule_span(doc, *_to_span_word(kit, doc, hit)) for hit in longest_spans(hits)
    ]
    lesions = [s for s in excluded if kit.md(s).get("lesion")]
    lower = columns["LOWER"] if columns is not None else None
    calc = _masked_heads_end(kit, doc, calc, lower)
    return _joined_disease_cut(kit, doc, calc), premods, lesions


def _runs_past_a_head(kit: Toolkit, doc: Doc, start: int, end: int) -> bool:
    """Does the match run on past a head noun and the comma after it ('a
    calcified uterine fibroid, pelvic phleboliths')? The phrase ended at that
    head (guide §1: the span runs to its head noun) and the words after the
    comma are the next item of a list of findings, a finding of its own;
    places joined by a comma before one head ('calcified hilar, mediastinal
    nodes') stay one phrase."""
    heads = kit.word_sets.get("calcified_heads", frozenset())
    return any(
        doc[k].text == "," and doc[k - 1].lower_ in heads for k in range(start + 1, end - 1)
    )


_JOINS = frozenset({"and", "or"})


def _joins_a_finding(
    kit: Toolkit,
    doc: Doc,
    start: int,
    end: int,
    found: list[tuple[int, int, int, int]],
) -> bool:
    """Does the match run past a head noun and an 'and' or 'or' into a
    finding of its own, another match that opens after that word and runs
    to the match's end or past it ('calcified splenic artery and pelvic
    phleboliths', 'calcified costal cartilage and splenic artery
    calcifications')? The first phrase ended at its head (guide §1: the
    span runs to its head noun; each time the text names a calcification is
    a finding); places joined before one head ('calcified subcarinal and
    left hilar nodes') have no head before the 'and' and stay one phrase."""
    heads = kit.word_sets.get("calcified_heads", frozenset())
    joins = [
        k
        for k in range(start + 1, end - 1)
        if doc[k].lower_ in _JOINS and doc[k - 1].lower_ in heads
    ]
    return bool(joins) and any(
        joins[0] < s <= end <= e and (s, e) != (start, end) for s, e, _, _ in found
    )


def _holds_a_mask(
    kit: Toolkit, calc: list[Span], masks: frozenset[str], lower: list[int] | None
) -> bool:
    """Does a mention hold a mask word? Read off the LOWER values, each
    word's text looked up by its hash (Toolkit.word_texts), when the caller
    has them: most reports hold no mask, and a Token and its `lower_` made
    per word of every mention cost more."""
    if lower is None:
        return any(t.lower_ in masks for c in calc for t in c)
    texts = kit.word_texts
    return any(texts[h] in masks for c in calc for h in lower[c.start : c.end])


# Most words between a label's colon and the number it gives ('CT calcium
# score: total Agatston 412').
LABEL_VALUE_REACH = 6


# The words that state a score's value right after its phrase ('A CT calcium
# score was 1,240', 'a CT calcium score of 0').
_STATES_A_VALUE = frozenset({"was", "is", "of"})


def _labels_a_number(doc: Doc, i: int, durations: frozenset[str]) -> bool:
    """Does a colon or '=' at token `i` (past spaces), right after an exam
    title's words, open a number on the same line and in the same sentence
    ('CT calcium score: 245', 'CT calcium score = 245', 'CT calcium score:
    total Agatston 412')? Then the words label the score the line states,
    and are no title (mentions.json `title_unless_value`). A date
    ('03/2019') is no such number."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i < len(doc) and _is_bare_score(doc, i, durations):
        return True
    if i + 1 < len(doc) and doc[i].lower_ in _STATES_A_VALUE:
        # 'A CT calcium score was 1,240 in 2019': the sentence states the score
        t = doc[i + 1]
        after = doc[i + 2].text if i + 2 < len(doc) else ""
        return t.text[:1].isdigit() and "/" not in t.text and after not in ("/", "-")
    if i == len(doc) or doc[i].text not in (":", "="):
        return False
    for j in range(i + 1, min(i + 1 + LABEL_VALUE_REACH, len(doc))):
        t = doc[j]
        if "\n" in t.text or t.text in (".", ";"):
            return False
        if t.lower_ == "zero" or t.text[:1].isdigit():
            after = doc[j + 1].text if j + 1 < len(doc) else ""
            return "/" not in t.text and after not in ("/", "-")
    return False


def _is_bare_score(doc: Doc, i: int, durations: frozenset[str]) -> bool:
    """Is token `i`, right after an exam title's words, the score itself
    ('CT calcium score 0.', 'CT calcium score 145 (78th percentile)', as a
    physical's health maintenance line writes it)? Not a date ('03/2021',
    'XXXX-2019'), a year ('CT calcium score 2019 reviewed') or a time
    ('CT calcium score 3 years ago': `durations`, descriptors.json
    score_duration_units)."""
    t = doc[i]
    if not t.text.replace(",", "").isdigit():
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and (after.text in ("/", "-") or after.lower_ in durations):
        return False
    return not (len(t.text) == 4 and t.text[:2] in ("19", "20"))


# The words of calcified_modifiers that join two places rather than
# modify one ('calcified hilar or mediastinal nodes').
_JOINERS = frozenset({"and", "or", ",", "/"})


@lru_cache(maxsize=4)
def _less_joiners(words: frozenset[str]) -> frozenset[str]:
    """The words less `_JOINERS`, made once per word set (a rule set's),
    not once per report (some 200 words copied)."""
    return words - _JOINERS


def _to_span_word(kit: Toolkit, doc: Doc, hit: RuleHit) -> RuleHit:
    """The match, or only its word `span_word` when its rule names one: the
    words matched around it ('free of calcium.', 'a bar of calcium
    extending') say that the word is a deposit here, and the span is the
    calcification word alone (guide §1: the span is the calcification
    phrase)."""
    word = kit.rule_md(hit.rule).get("span_word")
    if not word:
        return hit
    at = [i for i in range(hit.start, hit.end) if doc[i].lower_ == word]
    return hit._replace(start=at[-1], end=at[-1] + 1) if at else hit


def _masked_heads_end(
    kit: Toolkit, doc: Doc, calc: list[Span], lower: list[int] | None = None
) -> list[Span]:
    """A de-identification mask ('mask_words': XXXX) right after a place
    word hides that phrase's head noun (guide §2: 'calcified hilar lymph
    XXXX' is a lymph node), so the phrase ends there when 'and' or a comma
    follows and the next item names its own place and a head of another kind
    ('Calcified hilar lymph XXXX and aortic atherosclerosis': two findings).
    A bare head after the conjunction shares the adjective ('calcified lymph
    XXXX and granulomas'), and so does a list of places ending in a node
    word or another mask ('hilar XXXX and mediastinal lymph nodes'): those
    spans stay whole. A side word before the mask is no place word: the mask
    may hide one ('right XXXX and left hilar nodes'). `lower`: the Doc's
    LOWER values (Toolkit.columns), when the caller has read them."""
    words = kit.word_sets
    masks = words.get("mask_words", frozenset())
    if not masks or not _holds_a_mask(kit, calc, masks, lower):
        return calc
    places = (
        words.get("calcified_modifiers", frozenset())
        - _JOINERS
        - words.get("coordinated_side_words", frozenset())
        - masks
    )
    heads = words.get("calcified_heads", frozenset())
    shared = words.get("structure_heads", frozenset()) | masks
    out = []
    for c in calc:
        last = doc[c.end - 1].lower_
        for k in range(c.start + 1, c.end - 2):
            if (
                doc[k].lower_ in masks
                and doc[k - 1].lower_ in places
                and doc[k + 1].lower_ in {"and", ","}
                and doc[k + 2].lower_ not in heads
                and last not in shared
            ):
                c = Span(doc, c.start, k + 1, label=c.label_, span_id=c.id_)
                break
        out.append(c)
    return out


def _joined_disease_cut(kit: Toolkit, doc: Doc, calc: list[Span]) -> list[Span]:
    """A phrase ending in a word that names only a disease of the places
    before it (`joined_disease_heads`) after 'and' or 'or' that follows a
    whole head noun ('calcified right SFA and tibial disease') ends at that
    noun: the calcified word reached its head there, and the joined words
    name another finding (guide §1: the span runs to the head noun)."""
    ends = kit.word_sets.get("joined_disease_heads", frozenset())
    heads = kit.word_sets.get("calcified_heads", frozenset())
    out = []
    for c in calc:
        if len(c) > 3 and doc[c.end - 1].lower_ in ends:
            for k in range(c.end - 2, c.start + 1, -1):
                if doc[k].lower_ in ("and", "or") and doc[k - 1].lower_ in heads:
                    c = Span(doc, c.start, k, label=c.label_, span_id=c.id_)
                    break
        out.append(c)
    return out


def match(
    kit: Toolkit,
    doc: Doc,
    lay: Layout,
    calc: list[Span],
    premods: list[Words],
    exam: LazyExam | None = None,
    lesions: list[Span] | None = None,
    text: str | None = None,
    columns: dict[str, list[int]] | None = None,
) -> Matches:
    """Every other rule set in one pass, split by role. `exam` tells the sites
    the exam points to: a shared word ('nodules') with no site named near it
    means those on this exam. `text` is the Doc's text when the caller has it
    (site phrases are cut from it rather than joined from their tokens).
    Site phrases are sifted as `RuleHit` records: a Span is made of those
    that become a `SiteRef` only, and of no match of a category read nowhere."""
    hits: dict[int, list[tuple[int, int, int, int]]] = {}
    for hit in kit.other_matcher.matches(doc, columns):
        hits.setdefault(hit[2], []).append(hit)

    def found(*labels: str) -> list[tuple[int, int, int, int]]:
        """The matches of the categories, in that order (none where the
        rules have none)."""
        keys = [kit.label_ids.get(label) for label in labels]
        return [x for key in keys if key is not None for x in hits.get(key, [])]

    def of(*labels: str) -> list[Span]:
        return [
            rule_span(doc, start, end, lab, rule)
            for start, end, lab, rule in found(*labels)
        ]

    conditions = of("CONDITION")
    diseases = _disease_names(kit, conditions, calc)
    named = _named_conditions(kit, doc, lay, longest_spans(conditions))
    calc, disease_sites = _to_abbreviated_disease(kit, lay, calc, named)
    calc = [c for c in calc if not _bare_column(kit, doc, lay, c, calc)]
    score_starts = {c.start for c in calc if kit.md(c).get("score_phrase")}
    calc_edges = [(c.start, c.end) for c in calc]
    column_starts = {c.start for c in calc if kit.md(c).get("column_heading")}
    if column_starts:  # the first column's name is no word of the score's phrase
        premods = [p for p in premods if _next_word(lay, p.end) not in column_starts]
    site_hits = [RuleHit(*x) for x in found("SITE", "REGION")]
    guarded = kit.guarded_rules  # the rules `_used_otherwise` may drop a match of
    # a site phrase naming a level ('at the renal level') and the words in it
    # ('renal') name no site
    levels = kit.word_sets.get("level_words", frozenset())
    level_phrases = [
        (s.start, s.end) for s in site_hits if _names_a_level(lay, s, levels)
    ]
    site_spans = longest_spans(
        [
            s
            for s in site_hits
            if not (s.rule in guarded and _used_otherwise(kit.rule_md(s.rule), lay, s))
            and not (
                diseases
                and any(d.start <= s.start and s.end <= d.end for d in diseases)
            )
            and not _names_the_patients(lay, s, calc_edges)
            and not any(a <= s.start and s.end <= b for a, b in level_phrases)
            # 's/p thoracic RT. Coronary calcification': the treatment, no
            # 'Rt. coronary' artery
            and not kit.therapy_words.names_therapy(lay.words, s.start)
            and not (
                score_starts  # most reports state no score: no call per site
                and _labels_a_score(
                    kit.rule_md(s.rule), lay, s, score_starts, column_starts
                )
            )
        ]
        + disease_sites
    )
    # 'calcific embolus, likely from the right carotid bifurcation': where
    # the embolus came from, no place of it nor side (few reports name one)
    origins = _origins(kit, lay, site_spans, calc_edges) if site_spans else []
    if origins:
        site_spans = [s for s in site_spans if not any(a <= s.start < b for a, b in origins)]
    lats = _sides_in_place(kit, lay, longest_spans(of("LATERALITY")), site_spans)
    if origins:
        lats = [x for x in lats if not any(a <= x.start < b for a, b in origins)]
    calc = _to_named_site(kit, doc, lay, calc, site_spans)
    cue_like = [
        s
        for s in of("CUE", "DISTRIBUTION", "LINK", "QUALIFIER")
        if not (s.id in guarded and _used_otherwise(kit.md(s), lay, s))
    ]
    links = [s for s in cue_like if s.label_ == "LINK"]
    if lesions:
        hedges = kit.word_sets.get("stone_reading_hedges", frozenset())
        calc = [c for c in calc if not _said_to_be(c, lesions, links, calc, lay, hedges)]
    calc = [c for c in calc if not _names_a_score(kit, doc, lay, c, calc)]
    calc = [c for c in calc if not _names_its_score_again(kit, lay, c, calc)]
    # a title opening the report ends in its first TITLE_WORDS + 1 words:
    # mentions all past them are in none (most reports)
    if calc and min(c.end for c in calc) <= title_start(lay.words) + TITLE_WORDS:
        title_end = _exam_title_end(kit, doc, lay)  # once per report
        calc = [c for c in calc if c.end > title_end]
    return Matches(
        calc=calc,
        premods=premods,
        sites=_sites(kit, doc, lay, site_spans, lats, exam, text, calc),
        lats=lats,
        conds=named,
        cues=longest_spans([s for s in cue_like if s.label_ == "CUE"])
        + longest_spans([s for s in cue_like if s.label_ == "DISTRIBUTION"]),
        links=links,
        qualifiers=[s for s in cue_like if s.label_ == "QUALIFIER"],
    )


def _disease_names(kit: Toolkit, conds: list[Span], calc: list[Span]) -> list[Span]:
    """Condition phrases that name a systemic disorder (a condition of the
    metastatic list) outside the mentions: a site word in them ('renal
    failure', 'chronic kidney disease') names the disease, not the place of
    a calcification ('medial calcinosis in the setting of renal failure');
    a mention's own words keep theirs ('calcific uremic arteriolopathy')."""
    table = kit.rules.conditions
    return [
        c
        for c in conds
        if len(c) > 1
        and table[str(kit.md(c)["condition"])].get("category") == "metastatic"
        and not any(m.start < c.end and c.start < m.end for m in calc)
    ]


# Word pairs that open the patient's disease, not a place ('in this patient
# with renal disease', 'in the setting of renal disease'); a word such as
# 'known' may stand between.
_DISEASE_OPENERS = frozenset({("patient", "with"), ("setting", "of")})


def _labels_a_score(
    md: dict[str, Any], lay: Layout, site: RuleHit, starts: set[int], columns: set[int]
) -> bool:
    """Is a site word right before a score phrase (its start in `starts`)
    the label of a score table's column or of a per-vessel score? A generic
    one ('Vessel   Agatston score' over 'LAD  55' lines), or any before a
    score column's name (`columns`: 'Artery   Agatston   Volume'). A
    calcium score implies its own site, the coronary arteries, which the
    label would only blur: it is no place of the score."""
    if not starts:
        return False
    j = _next_word(lay, site.end)
    return j in columns or (j in starts and bool(md.get("generic")))


def _next_word(lay: Layout, j: int) -> int:
    """The first token from j on that is no whitespace (len when none)."""
    while j < len(lay.blank) and lay.blank[j]:
        j += 1
    return j


# a level's number or Roman numeral ('level IV', 'level 2b': _names_a_level)
_STATION = re.compile(r"(?:[ivx]+|\d+)[ab]?")

# The marks of a possessive between a site phrase and the word after it
# ("the renal arteries' level", "the kidney's level").
_POSSESSIVE = frozenset({"'", "'s", "\u2019", "\u2019s"})


def _names_a_level(lay: Layout, site: RuleHit, levels: frozenset[str]) -> bool:
    """Does a level word (mentions.json `level_words`) follow the site phrase,
    a possessive between or none ('at the renal level', "below the renal
    arteries' level")? The phrase names a height along the vessel the finding
    lies in, no site of its own: 'calcified plaque at the renal level' is the
    aorta's, not the kidney's. A numbered level ('level IV') is a station of
    the region, which it names."""
    j = _next_word(lay, site.end)
    if j < len(lay.lower) and lay.lower[j] in _POSSESSIVE:
        j = _next_word(lay, j + 1)
    if j >= len(lay.lower) or lay.lower[j] not in levels:
        return False
    k = _next_word(lay, j + 1)
    # a numbered level is a station in that region ('left neck level IV')
    return k >= len(lay.lower) or not _STATION.fullmatch(lay.lower[k])


def _origins(
    kit: Toolkit, lay: Layout, sites: list[RuleHit], calc_edges: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The token ranges of the phrases that name where an embolus came
    from, not where it lies (guide §2 step 2: the phrase that says where it
    lies): in a sentence whose words before it name an embolus, a site
    phrase led by 'from' ('CRAO OS from calcific embolus, likely from the
    aortic valve', from the lead on) or followed by 'source' or 'origin'
    ('likely cardiac valve source'); mentions.json `embolus_words`,
    `origin_*`. Not one of a mention's own words ('from a calcified aortic
    valve' names that finding's place), nor an extent ('extending from the
    SFA')."""
    emboli = kit.word_sets.get("embolus_words", frozenset())
    if not any(w in emboli for w in lay.lower):
        return []  # most reports name no embolus
    sets = kit.word_sets
    lower, blank = lay.lower, lay.blank
    out = []
    for site in sites:
        lo = lay.sent_first[site.start]
        if not any(w in emboli for w in lower[lo : site.start]):
            continue
        if any(a < site.end and site.start < b for a, b in calc_edges):
            continue
        k = _next_word(lay, site.end)
        if k < len(lower) and lower[k] in sets.get("origin_words", frozenset()):
            out.append((site.start, k + 1))  # 'cardiac valve source'
            continue
        j = site.start - 1
        while j >= lo and (blank[j] or lower[j] in sets.get("origin_skipped", frozenset())):
            j -= 1
        if j < lo or lower[j] not in sets.get("origin_leads", frozenset()):
            continue
        i = j - 1
        while i >= lo and blank[i]:
            i -= 1
        if i < lo or lower[i] not in sets.get("origin_not_after", frozenset()):
            out.append((j, site.end))  # 'from the right carotid bifurcation'
    return out


def _names_the_patients(
    lay: Layout, site: RuleHit, calc_edges: list[tuple[int, int]] | None = None
) -> bool:
    """Does the site word open the patient's disease after 'patient with' or
    'setting of' ('may represent metastatic calcification in this patient
    with renal disease')? It names the disease, not where a calcification is.
    A calcification mention it is written with names the place of that
    calcification instead (guide §2 steps 1-2: its own words and clause):
    one that holds it or ends right before it ('patient with calcified DP
    and PT arteries', 'in the setting of calcified aortic valve'), or starts
    within the next word ('patient with renal calcifications', 'patient
    with pedal arterial calcification'); `calc_edges`: the mentions' token
    ranges."""
    i, lower = site.start, lay.lower
    for skip in (0, 1):
        a = i - 2 - skip
        if a >= 0 and (lower[a], lower[a + 1]) in _DISEASE_OPENERS:
            if any(lo <= i <= hi or i <= lo <= site.end + 1 for lo, hi in calc_edges or ()):
                return False
            return skip == 0 or lay.words[i - 1].isalpha()
    return False


def _sides_in_place(
    kit: Toolkit, lay: Layout, lats: list[Span], sites: list[RuleHit]
) -> list[Span]:
    """Side words, less those a rule allows only right before a site phrase
    (`before_site`: the letters 'R' and 'L' in 'L breast', 'R adrenal', 'R
    SHOULDER', 'R lower lung zone' with a part word between, or a site
    phrase that takes the letter in, 'L base'), and those a verb uses ('were
    left alone'), and a side abbreviation that names a treatment here ('s/p
    RT', 'RT 50 Gy': `TherapyWords`)."""
    starts = {s.start for s in sites}  # SITE and REGION phrases only
    return [
        x
        for x in lats
        if (not kit.md(x).get("before_site") or _before_site(kit, lay, x, starts))
        and not (x.id in kit.guarded_rules and _used_otherwise(kit.md(x), lay, x))
        and not _names_therapy(kit, lay, x)
    ]


def _names_therapy(kit: Toolkit, lay: Layout, side: Span) -> bool:
    """Is the side word, with its period or none ('RT', 'RT.'), a
    treatment's abbreviation here ('s/p RT.', 'RT 50 Gy': `TherapyWords`)?"""
    rest = lay.words[side.start + 1 : side.end]
    return rest in ([], ["."]) and kit.therapy_words.names_therapy(lay.words, side.start)


_PART_JOINERS = frozenset({"and", "or", ",", "/", "&"})


def _before_site(kit: Toolkit, lay: Layout, side: Span, starts: set[int]) -> bool:
    """Does a site phrase start at the side word, right after it, or after
    part words ('R lower lung zone'; mentions.json `site_part_words`), a
    list of them joined by 'and' or a comma included ('R mid and lower lung
    zones')?"""
    if side.start in starts or _side_label(lay, side):
        return True
    parts, lower = kit.word_sets.get("site_part_words", frozenset()), lay.lower
    i = side.end
    while i < len(lower) and i - side.end < 6:
        if i in starts:
            return True
        if lower[i] not in parts:
            return False
        i += 1
        if i < len(lower) - 1 and lower[i] in _PART_JOINERS and lower[i + 1] in parts:
            i += 1
    return i in starts


def _side_label(lay: Layout, side: Span) -> bool:
    """Is the side letter a label of its own, its colon right after it and
    opening its line or sentence ('R: calcified plaque at the bulb.', 'L:'
    over the left side's lines; guide §2: abbreviated sides count where
    clear)? A letter so placed heads a side's part as 'RIGHT:' does; the
    colon of 'R: ' inside a sentence ('Ratio R: 2') is no such label."""
    words, blank = lay.words, lay.blank
    if side.end >= len(words) or words[side.end] != ":":
        return False
    if lay.sent_first[side.start] == side.start:
        return True
    j = side.start - 1
    while j >= 0 and blank[j] and "\n" not in words[j]:
        j -= 1
    return j < 0 or "\n" in words[j] or words[j] in (",", ":")


def _used_otherwise(md: dict[str, Any], lay: Layout, side: Span | RuleHit) -> bool:
    """Is the side word (or link) used otherwise here: after a word of its
    rule's `not_after` ('the veins were left alone', 'separate from'), or
    before one of its `not_before` ('both the Raynaud phenomenon and the
    calcinosis'; 'plaque-like' across its hyphen)? `md`: its rule's metadata."""
    after, before = md.get("not_after") or (), md.get("not_before") or ()
    if md.get("only_before"):
        return _not_before_any(lay, side, md["only_before"])
    if not after and not before:
        return False
    lower, blank = lay.lower, lay.blank
    i = side.start - 1
    while after and i >= 0 and blank[i]:
        i -= 1
    if after and i >= 0 and lower[i] in after:
        return True
    j = side.end
    # a hyphen joins the word after as a space does ('plaque-like'); with
    # `past_label_mark` so does the mark that ends a label ('Station 1 -
    # body/tail', 'Station 2: head', 'Station 1 (stomach)')
    marks = _LABEL_MARKS if md.get("past_label_mark") else _HYPHEN
    while before and j < len(lower) and (blank[j] or lower[j] in marks):
        j += 1
    if md.get("past_adverb") and j < len(lower) - 1 and _ADVERB.fullmatch(lower[j]):
        # 'Both heavily calcified': the word after the adverb decides
        j += 1
        while j < len(lower) and blank[j]:
            j += 1
    return j < len(lower) and lower[j] in before


# The marks a rule's `not_before` words are read past: a hyphen, and with
# `past_label_mark` the dashes, colon, comma and bracket a label ends with.
_HYPHEN = frozenset({"-"})
_LABEL_MARKS = frozenset({"-", "--", "\u2013", "\u2014", ":", ",", "("})


# An adverb of manner or degree ('heavily', 'partly'), which a rule's
# `past_adverb` reads its `not_before` words past.
_ADVERB = re.compile(r"[a-z]{2,}ly")


def _not_before_any(lay: Layout, span: Span | RuleHit, words: list[str]) -> bool:
    """Is the word right after the span none of `words`? An abbreviation of
    several meanings names its site only before that site's own words ('AV
    leaflets', 'AV calcification': the aortic valve; 'AV fistula', 'AV
    node' are no valve): its rule's `only_before`."""
    j = span.end
    return j >= len(lay.lower) or lay.lower[j] not in words


# How many words may stand between a lead term ('status post') and a word
# of its `lead_not_before` ('status post mantle radiation').
LEAD_REACH = 2
# Punctuation that ends a list item: a word after it is no longer led.
ITEM_ENDS = frozenset({",", ";"})
# Words that link another thing to a lead term rather than qualify what it
# leads to ('fall with subdural hematoma', 'nephritis on HD').
LEAD_LINKS = frozenset(
    "with without on of for in at to from after by and or due during since while".split()
)


def _named_conditions(
    kit: Toolkit, doc: Doc, lay: Layout, conds: list[Span]
) -> list[Span]:
    """Conditions without the lead words that name nothing here: a lead term
    ('status post') names its condition only when what follows is neither
    another condition ('status post MVA' is trauma alone) nor one of the
    entry's `lead_not_before` words ('status post treatment' is no surgery).
    A term's own `not_before` words do the same for that term alone.
    A section whose header is marked `family` ('FAMILY HISTORY:') names its
    relatives' conditions, not the patient's, and one marked `signature`
    (a letter's 'Sincerely,' and the lines under it) its writer's or copied doctors'
    services ('Breast Surgery'); one marked `plans`
    ('RECOMMENDATION:') names procedures to come, no earlier surgery."""
    starts = {c.start for c in conds}
    ends = {c.end for c in conds}
    if conds:
        others = kit.family_headers | kit.signature_headers
        conds = [c for c in conds if _header(lay, c.start) not in others]
        conds = [c for c in conds if not planned(kit, lay, c, kit.md(c)["condition"])]
    lower = lay.lower
    hedged_after = kit.word_sets.get("condition_hedge_followers", frozenset())

    def empty(c: Span) -> bool:
        md = kit.md(c)
        if (
            md.get("ordinary_word")
            and _in_capitals(lay, c)
            # alone in brackets after a condition's name it names that one's
            # kind whatever the case ('SYSTEMIC SCLEROSIS (CREST)')
            and not (_in_brackets(doc, c) and c.start - 1 in ends)
        ):
            return True
        if c.end < len(lower) and lower[c.end] in md.get("not_before", ()):
            return True  # 'CAD marks' on a mammogram: computer-aided detection
        if c.end < len(lower) and lower[c.end] in hedged_after:
            return True  # 'sarcoidosis favored over lymphoma': a hedged reading
        if c.start > 0 and lower[c.start - 1] in md.get("not_after", ()):
            return True  # 'acute renal failure' is no chronic kidney disease
        if md.get("abbreviation") and _in_brackets(doc, c) and c.start - 1 not in ends:
            return True  # 'mitral valve area (MVA)' abbreviates the words before it
        if md.get("abbreviation") and _in_compound(
            doc, c, starts, ends, lay.caseless
        ):
            return True  # 'CIVI-CAD' is a chemotherapy regimen, not coronary disease
        if md.get("not_before_number") and _before_number(doc, c.end):
            return True  # 'MVA 1.2 cm2': a measurement, mitral valve area
        if md.get("exam_label") and exam_label(lay, c, kit.word_sets[md["exam_label"]]):
            return True  # 'SLE: cornea clear OU': the slit-lamp exam, no lupus
        if md.get("side_lookalike") and not kit.therapy_words.names_therapy(
            lay.words, c.start
        ):
            return True  # 'RT BREAST': the right side, no radiation therapy
        if not md.get("lead") or c.end >= len(doc):
            return False
        entry = kit.rules.conditions[md["condition"]]
        # another condition or a word it does not lead to, right after it
        # or after a word or two ('status post mantle radiation', 's/p
        # mechanical fall'), in its own list item ('s/p sigmoidectomy,
        # FOLFOX' names the operation)
        words = entry.get("lead_not_before", ())
        reach = range(c.end, min(c.end + LEAD_REACH + 1, len(doc)))
        in_item = list(takewhile(lambda i: lower[i] not in ITEM_ENDS, reach))
        if any(lower[i] in words for i in in_item):
            return True
        # a condition after a word or two that only qualify it ('s/p
        # mechanical fall', 's/p high speed MVC'), not after one that links
        # another thing to the term ('fall with subdural hematoma',
        # 'lupus nephritis on HD')
        plain = takewhile(lambda i: lower[i].isalpha() and lower[i] not in LEAD_LINKS, in_item)
        return any(i in starts for i in (c.end, *plain))

    return [c for c in conds if not empty(c)]


# How far along its line (in tokens) an exam label's words are looked for.
LABEL_REACH = 40


def exam_label(lay: Layout, c: Span, words: frozenset[str]) -> bool:
    """Does the abbreviation head a line of an examination rather than name
    a disease ('SLE: cornea with band keratopathy OU', 'SLE:' over 'L/L:
    normal OU', '..., SLE otherwise normal OU': the slit-lamp exam, not
    lupus; guide §3, a condition the report asserts)? It opens its line,
    sentence or list item, and its line (under a label with nothing after
    its colon, the next line) names what that exam looks at, one of `words`
    (its term's `exam_label` word list). 'PMH: SLE, HTN' and 'with SLE on
    HCQ, here for OCT OU' keep the disease."""
    lower, text = lay.lower, lay.words
    i = c.start - 1
    while i >= 0 and lay.blank[i] and "\n" not in text[i]:
        i -= 1
    if i >= 0 and "\n" not in text[i] and lower[i][:1].isalnum():
        return False
    back = range(c.start - 1, max(-1, c.start - 1 - LABEL_REACH), -1)
    before = takewhile(lambda j: "\n" not in text[j], back)
    if any(lower[j] in words for j in before):
        return True
    lines = 0
    own = True  # nothing but blanks and a colon on the label's own line yet
    for j in range(c.end, min(len(lower), c.end + LABEL_REACH)):
        if "\n" in text[j]:
            lines += 1
            if lines > 1 or not own:
                return False
            continue
        if lower[j] in words:
            return True
        if not (lay.blank[j] or lower[j] == ":") and lines == 0:
            own = False
    return False


def _in_brackets(doc: Doc, c: Span) -> bool:
    """Is the term alone in brackets, after the words it abbreviates? Those
    words are matched on their own where they name a condition; right after
    a condition's name ('systemic sclerosis (CREST)') the term names that
    condition or its kind, and the caller keeps it."""
    return (
        c.start > 0
        and c.end < len(doc)
        and doc[c.start - 1].text == "("
        and doc[c.end].text == ")"
    )


def _in_compound(
    doc: Doc, c: Span, starts: set[int], ends: set[int], caseless: bool = False
) -> bool:
    """Is the abbreviation one part of a longer hyphenated name in capitals
    ('CIVI-CAD', a regimen; 'CAD-RADS', a reporting scale)? The other part is
    a capitals word of two letters or more (any word in a caseless report:
    'cad-rads') that names no condition itself and is no Roman numeral
    ('DM-II' is type 2 diabetes)."""

    def other_part(i: int) -> bool:
        t = doc[i]
        return (
            t.is_alpha
            and (t.is_upper or caseless)
            and len(t) >= 2
            and t.lower_ not in _ROMAN
            and i not in starts
            and i + 1 not in ends
        )

    before = (
        c.start >= 2
        and doc[c.start - 1].text == "-"
        and not doc[c.start - 2].whitespace_
        and not doc[c.start - 1].whitespace_
        and other_part(c.start - 2)
    )
    after = (
        c.end + 1 < len(doc)
        and doc[c.end].text == "-"
        and not doc[c.end - 1].whitespace_
        and not doc[c.end].whitespace_
        and other_part(c.end + 1)
    )
    return before or after


_ROMAN = frozenset({"ii", "iii", "iv", "vi"})


def _before_number(doc: Doc, i: int) -> bool:
    """Does a number follow at token i, straight or after 'of', '=', ':'?
    A year ('MVA 2015') is no measure: it dates the event the word names."""
    if i < len(doc) and doc[i].lower_ in {"of", "=", ":", "is", "was"}:
        i += 1
    return i < len(doc) and doc[i].like_num and not _YEAR.fullmatch(doc[i].text)


def _in_capitals(lay: Layout, c: Span, reach: int = 6) -> bool:
    """Is an upper-case term that is an ordinary word otherwise ('ALL',
    'CREST') in capitals that tell nothing: the words of five letters or more near it in its sentence
    ('RIGHT ILIAC CREST GRAFT') are all written in capitals too? A section
    header's words do not count ('PAST HISTORY: CAD')."""
    first = lay.sent_first[c.start]
    body = lay.sections[c.start][1]
    words = lay.words
    near = [
        w
        for i in range(max(body, c.start - reach), min(len(words), c.end + reach))
        if (i < c.start or i >= c.end)
        and lay.sent_first[i] == first
        and (w := words[i]).isalpha()
        and len(w) >= 5
    ]
    return bool(near) and all(w.isupper() for w in near)


def planned(kit: Toolkit, lay: Layout, span: Span, name: str) -> bool:
    """Is the span a procedure (a condition `name`d one, as a cue is named
    by its condition) in a section whose header is marked `plans`
    ('RECOMMENDATION: valve replacement with bypass surgery')? It is to
    come, no earlier surgery (guide §4: planned surgery is no condition)."""
    if not kit.plan_headers or span.start >= len(lay.sections):
        return False
    entry = kit.rules.conditions.get(name) or {}
    return bool(entry.get("procedure")) and _header(lay, span.start) in kit.plan_headers


def plan_item(kit: Toolkit, lay: Layout, span: Span, name: str, dated: bool) -> bool:
    """Is the span a procedure (a condition `name`d one) in a section whose
    header is marked `plan_items` ('ASSESSMENT AND PLAN: ... excision of the
    largest nodules under local anesthesia'), not `dated` (its ConText flags
    say it is past: 'status post', 'history of') and with no year in its
    sentence ('cholecystectomy 2010')? It is the plan, to come, no earlier
    surgery (guide §4: planned surgery is no condition)."""
    if not kit.plan_item_headers or dated or span.start >= len(lay.sections):
        return False
    entry = kit.rules.conditions.get(name) or {}
    if not entry.get("procedure") or _header(lay, span.start) not in kit.plan_item_headers:
        return False
    first = lay.sent_first[span.start]
    return not any(_YEAR.fullmatch(w) for w in lay.words[first : lay.sent_end[first]])


def _header(lay: Layout, i: int) -> str:
    """The words of the header of token i's section, lower case."""
    _section, body, title, _question = lay.sections[i]
    return " ".join(lay.lower[k] for k in range(title, body) if not lay.blank[k])


# Words that join a next item to a noun phrase that has ended ('calcified
# pineal gland and choroid plexus').
_NEXT_ITEM = frozenset({"and", "or"})


def _to_named_site(
    kit: Toolkit, doc: Doc, lay: Layout, calc: list[Span], sites: list[RuleHit]
) -> list[Span]:
    """A bare 'calcified' or 'calcific' before the site phrase it qualifies
    takes it in, as the span runs to the head of its phrase (guide §1:
    'Calcified pineal gland', 'calcified popliteal arteries'), past the
    premodifiers a 'calcified X' rule lets stand between them and through a
    head word right after it, but no further than the next mention, and only
    where the phrase ends there ('phrase_followers': 'Calcified LV apical
    infarct' and 'calcified iliac and visceral arteries' keep 'Calcified').
    'and' or 'or' ends it after a head noun ('calcified_heads': 'Calcified
    pineal gland and choroid plexus') or before another mention a few words
    on (`_finding_joined`), not after a place adjective the next item
    shares a head with."""
    words = kit.word_sets
    between = _less_joiners(words.get("calcified_modifiers", frozenset()))
    bare = words.get("bare_adjectives", frozenset())
    heads = words.get("calcified_heads", frozenset())
    ends = words.get("phrase_followers", frozenset())
    site_label = kit.label_ids.get("SITE")
    starts = {sp.start: sp for sp in sites if sp.label == site_label}
    out = []
    lower = lay.lower
    for k, c in enumerate(calc):
        nxt = calc[k + 1].start if k + 1 < len(calc) else len(doc)
        if len(c) == 1 and lower[c.start] in bare:
            i = c.end
            while i < nxt and i not in starts and lower[i] in between:
                i += 1
            site = starts.get(i)
            if site is not None and site.end <= nxt:
                end = site.end
                if end < nxt and lower[end] in heads and end not in starts:
                    end += 1  # 'calcified popliteal arteries'
                after = doc[end] if end < len(doc) else None
                if (
                    after is None
                    or after.is_punct
                    or after.is_space
                    or after.lower_ in ends
                    or (after.lower_ in _NEXT_ITEM and lower[end - 1] in heads)
                    or (
                        after.lower_ in _NEXT_ITEM
                        and _finding_joined(lower, end + 1, nxt)
                    )
                ):
                    c = Span(doc, c.start, end, label=c.label_, span_id=c.id_)
        out.append(c)
    return out


# Most words between an 'and' and the next mention for the 'and' to join
# that mention ('and focal pericardial calcification').
_JOINED_REACH = 2


def _finding_joined(lower: list[str], at: int, nxt: int) -> bool:
    """Does the next mention start at `nxt`, at most a few plain words after
    token `at` (the word after an 'and')? The 'and' joins another finding,
    no head noun the two places share ('Calcified papillary muscle and focal
    pericardial calcification'; not 'calcified iliac and visceral
    arteries')."""
    return 0 <= nxt - at <= _JOINED_REACH and all(w.isalpha() for w in lower[at:nxt])


def _to_abbreviated_disease(
    kit: Toolkit, lay: Layout, calc: list[Span], conds: list[Span]
) -> tuple[list[Span], list[RuleHit]]:
    """A bare 'calcific' or 'calcified' right before the abbreviation of a
    calcifying disease ('calcific AS'; Toolkit.calcifying_abbreviations)
    takes it in, as it takes in the written-out words ('calcific aortic
    stenosis'); the site its term implies ('AS': aortic valve) is a site
    phrase there. Each abbreviation only where it names its condition
    (`_named_conditions`: not in a line of capitals, 'CALCIFIED AS WELL')."""
    wanted = kit.calcifying_abbreviations
    at = {c.start: c for c in conds if c.id in wanted}
    if not at:
        return calc, []
    bare = kit.word_sets.get("bare_adjectives", frozenset())
    site_label = kit.label_ids.get("SITE")
    out, sites = [], []
    for k, c in enumerate(calc):
        nxt = calc[k + 1].start if k + 1 < len(calc) else len(lay.lower)
        cond = at.get(c.end)
        if len(c) == 1 and lay.lower[c.start] in bare and cond is not None:
            if cond.end <= nxt:
                c = Span(c.doc, c.start, cond.end, label=c.label_, span_id=c.id_)
                if site_label is not None and kit.md(cond).get("site"):
                    sites.append(RuleHit(cond.start, cond.end, site_label, cond.id))
        out.append(c)
    return out, sites


def _exam_title_end(kit: Toolkit, doc: Doc, lay: Layout) -> int:
    """Where the exam's title opening the report ends (layout.title_start /
    title_stop: up to the first line break, comma or colon) when that title
    is in capitals (or the report is caseless), names an imaging exam ('exam_words') and has no number
    and no full stop ('CARDIAC CT FOR CORONARY CALCIUM' above or before
    ',INDICATION:'), nor a colon that a number follows on its line ('CT
    CALCIUM SCORE: 245' labels the score): a mention inside it is no
    finding. 0 when there is no such title. Its words are read from the
    layout's token texts."""
    start = title_start(lay.words)
    stop = title_stop(lay.words, start)
    if stop is None:
        return 0
    words = [lay.words[i] for i in range(start, stop) if not lay.blank[i]]
    exam_words = kit.word_sets.get("exam_words", frozenset())
    chars = "".join(words)  # each character tested in C, not in a generator
    named = (
        bool(words)
        and not (
            # a caseless report writes its title in lower case too
            (any(map(str.islower, chars)) and not lay.caseless)
            or any(map(str.isdigit, chars))
            or "." in chars
        )
        and any(w.lower() in exam_words for w in words)
        # 'CT CALCIUM SCORE: 245': a label of the value its line gives
        and not _labels_a_number(doc, stop, kit.descriptors.duration_units)
    )
    return stop if named else 0


def _exam_line(lay: Layout, c: Span, lo: int, hi: int) -> tuple[int, int]:
    """The line (`lo`, `hi`) of a span cut to its exam section when the span
    lies in one: an export that joins lines with commas leaves the exam line
    no line break of its own ('EXAM:,Cardiac CT, calcium score.,HISTORY:,')."""
    sect = lay.sections[c.start]
    if sect[0] != "exam":
        return lo, hi
    lo = max(lo, sect[1])
    k = c.end
    while k < hi and lay.sections[k] == sect:
        k += 1
    return lo, k


def _line(words: list[str], c: Span) -> tuple[int, int]:
    """The tokens of the line holding a span: (first, past the last), from
    the token texts."""
    lo = c.start
    while lo > 0 and "\n" not in words[lo - 1]:
        lo -= 1
    hi = c.end
    while hi < len(words) and "\n" not in words[hi]:
        hi += 1
    return lo, hi


def _names_a_score(
    kit: Toolkit, doc: Doc, lay: Layout, c: Span, calc: list[Span]
) -> bool:
    """Does a score phrase ('calcium score') only name the exam or a label
    rather than state a score? A label is the phrase before a colon with
    another score phrase after it in its sentence ('CALCIUM SCORE: The total
    calcium score is 115'); a title is a line giving no number that is
    written in capitals ('CCTA / CALCIUM SCORE') or opens the report as a
    title (no label before the phrase, no full stop ending it)."""
    if not kit.md(c).get("score_phrase"):
        return False
    if kit.md(c).get("value_after"):
        return not _value_after(doc, c)
    if _names_the_study(kit, lay, c, calc) or _score_not_measured(kit, lay, c):
        return True
    colon = c.end < len(doc) and doc[c.end].text == ":"
    if colon:
        # a label over the score its sentence states ('CALCIUM SCORE: The
        # total calcium score is 115', 'CORONARY CALCIUM: Agatston score 61')
        return any(x.start > c.end for x in _stated_scores(kit, lay, c, calc))
    if not c[-1].lower_.startswith("score"):
        return False
    lo, hi = _exam_line(lay, c, *_line(lay.words, c))
    words = [t for t in doc[lo:hi] if not t.is_space]
    if any(t.like_num or any(ch.isdigit() for ch in t.text) for t in words):
        return False
    if words[-1].text.endswith(":"):  # 'score:', '(Agatston method):'
        return False  # a line naming what the lines under it give
    if lay.sections[c.start][0] == "exam":
        return True  # the exam line names the study ('EXAM: Calcium score')
    if not any(ch.islower() for t in words for ch in t.text):
        # a title in capitals: the report's opening line always, another
        # line unless it heads score lines under it as a table's column does
        # ('| ARTERY | CALCIUM SCORE |' over 'LM | 4') or labels the value
        # the next line opens with ('TOTAL AGATSTON SCORE' over '299, 91st
        # percentile.'): a report written in capitals has no other way to tell
        if all(t.is_space for t in doc[:lo]):
            return not _heads_table_alone(kit, lay, c, words, hi, calc)
        return not (_heads_score_lines(kit, lay, hi) or _value_under(lay, hi))
    # the report's opening line, neither a labelled line nor a sentence,
    # unless it heads score lines under it
    return (
        all(t.is_space for t in doc[:lo])
        and not any(t.text == ":" for t in doc[lo : c.start])
        and words[-1].text != "."
        and not _heads_score_lines(kit, lay, hi)
    )


# Most words a score table's heading line may have ('Vessel | Agatston |
# Volume (mm3)').
COLUMN_LINE_WORDS = 8


def _bare_column(
    kit: Toolkit, doc: Doc, lay: Layout, c: Span, calc: list[Span]
) -> bool:
    """Is a score column's name (`column_heading`: a bare 'Agatston') no
    finding here? It names the table's score only on a heading line (no
    number and no full stop, a few capitalised words and column bars:
    'Artery | Agatston | Volume', a unit in brackets aside) over score lines
    (`_heads_score_lines`: 'LM | 0 | 0'), where no score phrase that is a
    finding stands on that line or the line above it ('Coronary calcium
    score (Agatston method):' heads the table then). Anywhere else it is
    the unit or the method ('Total Agatston 80', 'Scored by the Agatston
    method.'). A line it opens as the label of its value ('Agatston: 0',
    'Agatston = 112') states the score, as 'CACS: 0' does."""
    if not kit.md(c).get("column_heading"):
        return False
    words, blank = lay.words, lay.blank
    lo, hi = _line(words, c)
    if _labels_a_value(doc, lay, c, lo):
        return False
    cells, depth = [], 0
    for k in range(lo, hi):  # a unit in brackets is no number ('Volume (mm3)')
        depth += (words[k] == "(") - (words[k] == ")")
        if not blank[k] and depth <= 0 and words[k] != ")":
            cells.append(words[k])
    if (
        len(cells) > COLUMN_LINE_WORDS
        or any(ch.isdigit() or ch == "." for w in cells for ch in w)
        or any(w[:1].islower() for w in cells)
    ):
        return True  # a sentence, or a line giving a number: no column names
    if not _heads_score_lines(kit, lay, hi):
        return True
    top = lo
    above = lo - 1
    while above >= 0 and blank[above]:
        above -= 1
    if above >= 0:
        top = _line(words, doc[above : above + 1])[0]
    heads = [
        x
        for x in calc
        if x is not c
        and top <= x.start < hi
        and kit.md(x).get("score_phrase")
        and not kit.md(x).get("column_heading")
    ]
    if not heads:
        return False
    title_end = _exam_title_end(kit, doc, lay)
    return any(
        x.end > title_end and not _names_a_score(kit, doc, lay, x, calc) for x in heads
    )


def _labels_a_value(doc: Doc, lay: Layout, c: Span, lo: int) -> bool:
    """Does a bare score column name open its line (past list marks) as the
    label of a number after one ':' or '=' ('Agatston: 0.', '- Agatston =
    112') or right after it, an export having dropped the colon ('Agatston
    87, MESA 64%.', as 'CACS 245' is)? 'Total Agatston 310' and 'Agatston
    units: 40' are no such label."""
    if any(
        not lay.blank[k] and lay.words[k] not in ("-", "*", "\u2022")
        for k in range(lo, c.start)
    ):
        return False
    return _value_after(doc, c)


def _heads_score_lines(kit: Toolkit, lay: Layout, hi: int) -> bool:
    """Does the line after a line ending at token `hi` give a score under a
    label of `score_line_labels` words (a vessel's name or 'total'), past a
    table's opening bar: those words, then marks (':', '|', '='), then a
    number ('LAD: 30', 'Left main | 4', '| Total | 42')? Then the line above is the heading of score lines,
    not the report's title ('Calcium score' over 'LAD: 30' lines)."""
    labels = kit.word_sets.get("score_line_labels", frozenset())
    words, blank, lower = lay.words, lay.blank, lay.lower
    j = _row_start(lay, hi)
    if j == len(words) or lower[j] not in labels:
        return False
    while j < len(words) and "\n" not in words[j]:
        if not (blank[j] or lower[j] in labels or words[j] in (":", "|", "=")):
            return words[j][:1].isdigit()
        j += 1
    return False


def _heads_table_alone(
    kit: Toolkit,
    lay: Layout,
    c: Span,
    words: list[Token],
    hi: int,
    calc: list[Span],
) -> bool:
    """Is a report's opening line in capitals the score phrase alone
    ('AGATSTON SCORE', 'CORONARY CALCIUM SCORE') over score lines
    ('LEFT MAIN 25' ... 'TOTAL 500') that name no score of their own? Then
    it heads the table whose total it states, as it would on any later line
    (guide §1: a score is a finding). A line naming the study as well ('CT
    CALCIUM SCORE') stays the exam's title, and so does one over a table
    whose total line has its own score phrase ('Total calcium score: 125'):
    that phrase is the finding."""
    if not all(c.start <= t.i < c.end for t in words):
        return False
    return _heads_own_table(kit, lay, c, hi, calc)


def _heads_own_table(
    kit: Toolkit, lay: Layout, c: Span, hi: int, calc: list[Span]
) -> bool:
    """Does the line of a score phrase, ending at token `hi`, head score
    lines under it ('Calcium Score Results' over 'Left Main 0 Agatston' ...
    'Total 55 Agatston') that name no score of their own? Then it states
    their total, as the same line ending in a colon does: an export that
    drops colons leaves it no other mark (corpora/GUIDE.md, agatston: the
    score lines right under a finding)."""
    if not _heads_score_lines(kit, lay, hi):
        return False
    end = _score_lines_end(kit, lay, hi)
    return not any(
        x is not c and hi <= x.start < end and kit.md(x).get("score_phrase")
        for x in calc
    )


def _score_lines_end(kit: Toolkit, lay: Layout, hi: int) -> int:
    """Past the last token of the run of lines, from the line after a line
    ending at token `hi`, that each open with a word of `score_line_labels`
    ('LM 0', 'LEFT MAIN 25', 'TOTAL 500'), a table's opening bar aside."""
    labels = kit.word_sets.get("score_line_labels", frozenset())
    words, lower = lay.words, lay.lower
    end = hi
    while True:
        j = _row_start(lay, end)
        if j == len(words) or lower[j] not in labels:
            return end
        while j < len(words) and "\n" not in words[j]:
            j += 1
        end = j


def _row_start(lay: Layout, j: int) -> int:
    """The first word from token j on, past a table's opening bars ('| LAD
    | 30'): where the next line's row starts (len when none)."""
    j = _next_word(lay, j)
    while j < len(lay.words) and lay.words[j] == "|":
        j = _next_word(lay, j + 1)
    return j


def _value_under(lay: Layout, hi: int) -> bool:
    """Does the line after a line ending at token `hi` open with a value: a
    number ('299, 91st percentile.', '0') or 'zero', not a date ('03/2019'), a
    range ('1-2') or an item's number ('1. The LAD ...', '2)')? Then the line
    above is the label of that value, as a colon would make it."""
    words = lay.words
    j = _next_word(lay, hi)
    if j == len(words) or not (words[j][:1].isdigit() or lay.lower[j] == "zero"):
        return False
    if "/" in words[j]:
        return False
    k = j + 1
    if k == len(words) or "\n" in words[k]:
        return True  # the value alone on its line
    if words[k] in ("/", "-", ")"):
        return False
    if words[k] == ".":  # the value's full stop ends its line; an item's does not
        return k + 1 == len(words) or "\n" in words[k + 1]
    return True


def _names_its_score_again(
    kit: Toolkit, lay: Layout, c: Span, calc: list[Span]
) -> bool:
    """Is a bare score label (`value_after`) only the name of a score another
    score phrase before it in its sentence states ('Calcium score: CACS
    245', 'coronary calcium score (CACS 245)')? Then that phrase is the
    finding, one per score."""
    if not kit.md(c).get("value_after"):
        return False
    return any(x.end <= c.start for x in _stated_scores(kit, lay, c, calc))


def _stated_scores(kit: Toolkit, lay: Layout, c: Span, calc: list[Span]) -> list[Span]:
    """The score phrases of `c`'s sentence that state a score themselves
    ('total calcium score'), not bare labels (`value_after`: 'CACS')."""
    first = lay.sent_first[c.start]
    return [
        x
        for x in calc
        if lay.sent_first[x.start] == first
        and kit.md(x).get("score_phrase")
        and not kit.md(x).get("value_after")
    ]


def _value_after(doc: Doc, c: Span) -> bool:
    """Does a number follow a bare score label, past spaces and one ':' or '='
    ('CACS 245', 'CACS: 0')? Without one the word names the method or the
    protocol ('(CACS)', 'CACS protocol')."""
    i, marks = c.end, 0
    while i < len(doc) and (doc[i].is_space or doc[i].text in (":", "=")):
        marks += not doc[i].is_space
        i += 1
    if i == len(doc) or marks > 1:
        return False
    return doc[i].lower_ == "zero" or doc[i].text[:1].isdigit()


def _score_not_measured(kit: Toolkit, lay: Layout, c: Span) -> bool:
    """Does the score phrase's sentence say the score was not measured and
    state none ('Agatston score was not calculated', 'A calcium score cannot
    be calculated on this non-gated study', 'Calcium score: not assessed')?
    It names a measurement left undone, neither a deposit nor its absence
    (guide §1; mentions.json `unmeasured_score_words`,
    `unmeasured_score_denials`), so it is no finding, while a calcification
    the sentence names beside it stays one. A number or 'zero' in the
    sentence states a score: the phrase stays."""
    first = lay.sent_first[c.start]
    lows = lay.lower[first : lay.sent_end[first]]
    if "zero" in lows or any(ch.isdigit() for w in lows for ch in w):
        return False
    measures = kit.word_sets.get("unmeasured_score_words", frozenset())
    denials = kit.word_sets.get("unmeasured_score_denials", frozenset())
    return not measures.isdisjoint(lows) and not denials.isdisjoint(lows)


def _names_the_study(kit: Toolkit, lay: Layout, c: Span, calc: list[Span]) -> bool:
    """Does a score phrase name the study or test rather than state a
    finding? A word of `exam_name_words` right after it ('CORONARY CALCIUM
    QUANTIFICATION', 'Coronary calcium CT last week', 'calcium score
    result') or 'STUDY-WORD for' right before it ('gated CT for coronary
    calcium'), where its sentence states no number, or states it with a
    score phrase of its own later on ('Coronary calcium CT: total Agatston
    score 46'): the guide's exam titles are no findings. A line ending in a
    colon heads the score lines under it ('Calcium score results:')."""
    names = kit.word_sets.get("exam_name_words", frozenset())
    words, blank = lay.words, lay.blank
    j = _next_word(lay, c.end)
    lower = lay.lower
    after = j < len(words) and lower[j] in names
    i = c.start - 1
    while i > 0 and blank[i]:
        i -= 1
    before = i > 0 and lower[i] == "for" and lower[i - 1] in names
    if not (after or before):
        return False
    lo, hi = _line(words, c)
    last = next((words[k] for k in range(hi - 1, lo - 1, -1) if not blank[k]), "")
    if last.endswith(":"):  # ':' or '):' as one token
        return False  # a heading over the score lines ('Calcium score results:')
    if _heads_own_table(kit, lay, c, hi, calc):
        return False  # the same heading, its colon dropped by an export
    first = lay.sent_first[c.start]
    end = lay.sent_end[first]
    if not any(ch.isdigit() for w in words[c.end : end] for ch in w):
        return True
    return any(
        x.start > c.end and x.start < end and kit.md(x).get("score_phrase")
        for x in calc
    )


def _said_to_be(
    c: Span,
    lesions: list[Span],
    links: list[Span],
    calc: list[Span],
    lay: Layout,
    hedges: frozenset[str],
) -> bool:
    """Does the mention's sentence say it is a lesion that is no finding?
    ('Punctate calcifications ... likely represent a gallstone': a stone.)
    Not when a word of `hedges` between says it only may be one ('possibly a
    small stone', 'which could be a stone'): a deposit that may be a stone
    is still a finding."""
    first = lay.sent_first[c.start]
    for lesion in lesions:
        if lesion.start < c.end or lay.sent_first[lesion.start] != first:
            continue
        if any(c.end <= x.start < lesion.start for x in calc if x is not c):
            continue
        if any(c.end <= k.start and k.end <= lesion.start for k in links):
            if any(lay.lower[i] in hedges for i in range(c.end, lesion.start)):
                return False
            return not _calcification_offered_too(lesion, calc, lay)
    return False


# Words that offer another reading after a first one ('a stone or parenchymal
# calcification', 'a stone versus vascular calcification').
_OTHER_READING = frozenset({"or", "versus", "vs", "vs."})


def _calcification_offered_too(lesion: Span, calc: list[Span], lay: Layout) -> bool:
    """Does the sentence offer a calcification as another reading right after
    the lesion that is no finding ('which may be a stone or parenchymal
    calcification')? Then the mention is only perhaps that lesion, and still
    a finding (guide §1: a stone is no finding, a deposit that may be one is
    hedged, not denied)."""
    first = lay.sent_first[lesion.start]
    doc = lesion.doc
    for x in calc:
        if x.start < lesion.end or lay.sent_first[x.start] != first:
            continue
        between = [t.lower_ for t in doc[lesion.end : x.start] if not t.is_space]
        return len(between) <= 2 and bool(_OTHER_READING & set(between))
    return False


def _places_of_other_mentions(
    places: list[int], at: int, calc: list[Span] | None
) -> bool:
    """Does every site phrase at token `places` lie inside a calcification
    mention other than the one holding token `at`? ('Calcified nodules and a
    calcified right hilar node': the hilum is the node's place, not the
    nodules', which keep the exam's.)"""
    others = [c for c in calc or () if not c.start <= at < c.end]
    return all(any(c.start <= p < c.end for c in others) for p in places)


def _sites(
    kit: Toolkit,
    doc: Doc,
    lay: Layout,
    sites: list[RuleHit],
    lat_spans: list[Span],
    exam: LazyExam | None,
    whole: str | None = None,
    calc: list[Span] | None = None,
) -> list[SiteRef]:
    """Site phrases with their side: a side word right before (same sentence)
    or right after the site words, unless the rule fixes the side itself.
    Each site kept is made a Span here, for the stages after this one."""
    lats = {s.end: s for s in lat_spans}
    lat_starts = {s.start: s for s in lat_spans}
    site_label, region_label = kit.label_ids.get("SITE"), kit.label_ids.get("REGION")
    mds = [kit.rule_md(hit.rule) for hit in sites]  # each hit's rule, read once
    fixed = [
        (hit.start, md["site"])
        for hit, md in zip(sites, mds, strict=True)
        if hit.label == site_label and "candidates" not in md
    ]
    section_of: dict[int, int] = {}
    if any("candidates" in md for md in mds):
        # distances count words, not the whitespace tokens between them (a
        # tab or no-break space is a token of its own)
        rank = list(accumulate(map(not_, lay.blank)))
        section_of = {rank[pos]: _section(lay, pos) for pos, _ in fixed}
        # the sites named in a sentence that holds a calcification: what a
        # shared word that `points_back` ('the calcified wall') may mean
        # (only read where such a word is)
        said_calcified: list[tuple[int, str]] = []
        if any(md.get("points_back") for md in mds):
            with_calc = {lay.sent_first[c.start] for c in calc or ()}
            said_calcified = [
                (int(rank[pos]), name)
                for pos, name in fixed
                if lay.sent_first[pos] in with_calc
            ]
        fixed_at = [pos for pos, _ in fixed]  # as tokens: own_sentence_decides
        fixed = [(rank[pos], name) for pos, name in fixed]
        # where each region phrase naming an organ outside the vocabulary is
        regions = [
            rank[hit.start]
            for hit, md in zip(sites, mds, strict=True)
            if hit.label == region_label and md.get("organ")
        ]
    out = []
    for hit, md in zip(sites, mds, strict=True):
        name = md.get("site", "")
        if md.get("of_lesion"):
            # 'the aneurysm sac': the vessel named right before the lesion
            # noun ('abdominal aortic aneurysm') nearest before it, or none
            name = _of_lesion(lay, sites, mds, hit.start, md)
            if not name:
                continue
        elif "candidates" in md:
            first_of, at = lay.sent_first, rank[hit.start]
            opening = first_of[hit.start]
            lo, hi = rank[opening], rank[lay.sent_end[opening] - 1]
            own = [(pos, n) for pos, n in fixed if lo <= pos <= hi]
            section = _section(lay, hit.start)
            in_section = [(pos, n) for pos, n in fixed if section_of[pos] == section]
            # a site its own sentence names decides first ('3 cm thyroid
            # nodule ..., and a right lobe nodule'), then the nearest its
            # section names before it (the word points back: '... calyx. No
            # parenchymal calcification. Liver and spleen are normal.' is the
            # kidney's), then the nearest of its section, then the nearest
            earlier = [x for x in in_section if x[0] < at]
            # a word that points back ('the calcified wall', 'the cyst wall')
            # with no site of its sentence or before it in its section means
            # the nearest site said calcified before it, in whatever section
            # ('FINDINGS: the gallbladder wall was heavily calcified ...
            # PROCEDURE: the calcified wall'), not one its section names after
            back = (
                [x for x in said_calcified if x[0] < at and not lo <= x[0] <= hi]
                if md.get("points_back")
                else []
            )
            if not own and any(lo <= r < at for r in regions):
                # its own sentence names before it, of places, only an organ
                # outside the vocabulary ('a focus in the left submandibular
                # gland, ... a parenchymal calcification'): the word is that
                # organ's part, no site of another sentence (guide §2: a
                # region outside the vocabulary gives no site, but it is
                # where the finding is)
                continue
            if md.get("nearest_decides"):
                # a part word of one organ ('the tail', 'head calcifications'):
                # the site its own sentence names nearest it, else the one
                # its section names nearest before it, must be a candidate
                # ('... pancreatic head. ... in the tail': the pancreas's;
                # 'femoral head', 'caudate head': none)
                pick = own or earlier
                near = min(pick, key=lambda x: abs(x[0] - at))[1] if pick else ""
                if near not in md["candidates"]:
                    continue
                name = near
            else:
                name = _resolve(at, md["candidates"], own, None)
            if (
                not name
                and own
                and md.get("own_sentence_decides")
                and not _places_of_other_mentions(
                    [p for p, (r, _) in zip(fixed_at, fixed, strict=True) if lo <= r <= hi],
                    hit.start,
                    calc,
                )
            ):
                # its own sentence names only other sites ('Right ovary:
                # cystic lesion with a calcified nodule'): the word means
                # none of its candidates, and the finding takes the place
                # its sentence names (guide §2 step 2)
                continue
            if not name and md.get("points_back"):
                # 'the aneurysm ..., with calcification of its wall': the
                # wall of the lesion its sentence names before it, in the
                # site named right before that lesion noun earlier
                name = _of_own_lesion(kit, lay, sites, mds, hit.start, md)
            if md.get("points_back"):
                # a word that points back is no part of a site named only
                # after it ('Calcification of the graft wall. Thrombus in
                # the venous limb.': no vein's wall; guide §2, context 4)
                in_section = [x for x in in_section if x[0] < at]
                after_none = [x for x in fixed if x[0] < at]
            else:
                after_none = fixed
            name = (
                name
                or _resolve(at, md["candidates"], earlier, None)
                or _resolve(at, md["candidates"], back, None)
                or _resolve(at, md["candidates"], in_section, None)
                or _resolve(at, md["candidates"], after_none, exam)
            )
            if not name:
                continue  # no candidate named and none on the exam: no site
        laterality = md.get("laterality", "")
        if laterality and name not in md.get("laterality_sites", (name,)):
            laterality = ""  # the side of the thyroid's lobes, not the liver's
        sp = rule_span(doc, hit.start, hit.end, hit.label, hit.rule)
        first = sp
        before = lats.get(sp.start) or _side_before_part(kit, lay, lats, sp)
        if before is not None and lay.sent_first[sp.start] != sp.start:
            laterality = laterality or kit.md(before)["laterality"]
            first = before
        elif sp.end in lat_starts and not laterality:
            laterality = kit.md(lat_starts[sp.end])["laterality"]
        text = "" if hit.label == region_label else _phrase(doc, whole, first, sp)
        out.append(SiteRef(sp, name, laterality, text, first.start, md["id"]))
    return out


def _of_lesion(
    lay: Layout,
    sites: list[RuleHit],
    mds: list[dict[str, Any]],
    at: int,
    md: dict[str, Any],
) -> str:
    """The candidate site named by the site phrase nearest before token `at`
    that stands right before the lesion noun `md["of_lesion"]` or ends in
    it ('iliac artery aneurysm', 'abdominal aortic aneurysm'): a part of that lesion ('the sac') is in that vessel. Empty
    when no such phrase comes before it."""
    noun, candidates = md["of_lesion"], md.get("candidates", ())
    lower = lay.lower
    found = ""
    for hit, other in zip(sites, mds, strict=True):
        if hit.start >= at:
            break
        if (
            "candidates" not in other
            and other.get("site") in candidates
            # 'iliac artery aneurysm', or a phrase ending in the noun
            # itself ('abdominal aortic aneurysm')
            and noun in lower[hit.end - 1 : hit.end + 1]
        ):
            found = other["site"]
    return found


def _of_own_lesion(
    kit: Toolkit,
    lay: Layout,
    sites: list[RuleHit],
    mds: list[dict[str, Any]],
    at: int,
    md: dict[str, Any],
) -> str:
    """For a shared word that points back ('its wall') in a sentence naming
    no site: the candidate site of the lesion its sentence names before it
    ('the infrarenal aneurysm ... its wall'; mentions.json `lesion_nouns`),
    read as `_of_lesion` reads 'the sac'. Empty when there is none."""
    nouns = kit.word_sets.get("lesion_nouns", frozenset())
    lower = lay.lower
    for i in range(at - 1, lay.sent_first[at] - 1, -1):
        if lower[i] in nouns:
            return _of_lesion(lay, sites, mds, i, {**md, "of_lesion": lower[i]})
    return ""


def _section(lay: Layout, i: int) -> int:
    """Where the section holding token i opens (its header's first token): a
    shared site word ('wall') means a site its own section names before one
    past the next header ('... along its left lateral wall.,IMPRESSION: ,1.
    Tiny right renal calcification': the bladder's wall, not the kidney's)."""
    return lay.sections[i][2] if i < len(lay.sections) else 0


def _side_before_part(
    kit: Toolkit, lay: Layout, lats: dict[int, Span], sp: Span
) -> Span | None:
    """A side word before one part word and the site phrase ('right distal
    ureteral', 'left proximal SFA'; mentions.json `site_part_words`): the
    site's side, as one right before it."""
    i = sp.start - 1
    if i < 1 or lay.lower[i] not in kit.word_sets.get("site_part_words", frozenset()):
        return None
    return lats.get(i)


def _phrase(doc: Doc, text: str | None, first: Span, last: Span) -> str:
    """The words from the first span's start to the last one's end, cut from
    the Doc's text when given (the same characters as the Span's text)."""
    if text is None:
        return doc[first.start : last.end].text
    return text[first.start_char : last.end_char]


def _resolve(
    at: int,
    candidates: list[str],
    fixed: list[tuple[int, str]],
    exam: LazyExam | None = None,
) -> str:
    """A shared site word means the candidate site named nearest to it; with
    none named within a few sentences, the exam's site; with none named at
    all and none on the exam, nothing ('calcified nodule in the cerebellar
    hemisphere' is no thyroid nodule: the clause's own site decides)."""
    if len(candidates) == 1:
        return candidates[0]  # one reading: no shared word
    near = [(abs(pos - at), name) for pos, name in fixed if name in candidates]
    close = [x for x in near if x[0] <= NEAR_TOKENS]
    if close or not near:
        on_exam = [n for n in (exam.sites() if exam else ()) if n in candidates]
        if not close and on_exam:
            return on_exam[0]
    return min(near)[1] if near else ""


# How far (in tokens) a named site decides what a shared word means before
# the exam does.
NEAR_TOKENS = 40
