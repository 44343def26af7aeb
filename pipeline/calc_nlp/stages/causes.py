"""Causes named elsewhere (guide §4 rule 4): the dystrophic causes of a
report with the place each names, and the words that tell one part of a site
from another ('a granuloma in another lobe explains nothing here').

Plain functions over the `ReportDoc`, used by the linking and findings stages.
"""

from __future__ import annotations

from spacy.tokens import Span

from calc_nlp.classify import CauseRecord
from calc_nlp.schema import DYSTROPHIC
from calc_nlp.stages.modifiers import NOT_A_CONDITION, flags, is_cause
from calc_nlp.stages.record import ReportDoc, SiteRef
from calc_nlp.stages.sides import lat_near
from calc_nlp.stages.toolkit import Toolkit


def causes_elsewhere(
    kit: Toolkit, rd: ReportDoc, cues: list[Span]
) -> list[tuple[int, CauseRecord]]:
    """Dystrophic causes anywhere in the report, with the site each names:
    the cue's or condition's own (a splenic infarct: spleen), else the
    nearest site phrase of its sentence."""
    out = []
    sites_in = rd.sites_by_sentence()
    rule1 = [c for c in cues if c.label_ == "CUE" and kit.md(c)["rule"] == 1]
    # a condition the same words name as a cue counts once, as the cue
    as_cue = {(c.start, c.end) for c in rule1}
    for span in rule1 + rd.matches.conds:
        if span.label_ == "CONDITION" and (span.start, span.end) in as_cue:
            continue
        md = kit.md(span)
        if span.label_ == "CONDITION":
            if md["category"] != DYSTROPHIC or not is_cause(rd.mods, span):
                continue
            if flags(rd.mods, span) & NOT_A_CONDITION:
                continue  # '?goiter': a hedged condition is no report's cause
            name = md["condition"]
        else:
            name = md["cue"]
        site, lat, stext = md.get("site", ""), "", ""
        sent = rd.sent(span)
        near = sites_in.get(sent.start, [])
        if near:
            nearest = min(near, key=lambda s: abs(s.span.start - span.start))
            if not site or site == nearest.site:
                site, lat = nearest.site, nearest.laterality
                stext = part_words(kit, nearest)
        if not lat:
            lat = lat_near(kit, rd, span)
        if site:
            out.append((sent.start, CauseRecord(name, site, lat, stext, span.text)))
    return out


def part_words(kit: Toolkit, site: SiteRef) -> str:
    """The words of a site phrase that name a part of its site ('left lower
    lobe', 'frontal lobe', 'RUL'), for 'same place?' comparisons; '' for a
    phrase that names the whole site, one word of its vocabulary terms
    ('spleen', 'splenic', 'hepatic'), which takes in every part of it."""
    words = core_words(site.span.text)
    if " " not in words:
        terms = kit.site_info(site.site).get("terms", ())
        if any(words == t.lower() for t in terms):
            return ""
    return words


def core_words(site_text: str) -> str:
    """Site words without articles, for 'same site?' comparisons."""
    words = [w for w in site_text.lower().split() if w not in {"the", "a", "an"}]
    return " ".join(words)
