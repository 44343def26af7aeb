"""From report text to findings: medspaCy matchers + ConText, then linking.

Steps for one report (compute, then annotate):
1. tokenize; find section headers (our section_rules, medspaCy format);
   set sentence boundaries (sentences.py);
2. match mentions, exclusions, premodifiers, sites, laterality, conditions,
   cues (our TargetRules through medspaCy's matcher), resolve overlaps;
3. ConText (our rules) over findings and conditions together;
4. link each finding to its site, laterality, conditions and cues, and
   classify it (classify.py, a pure function over a feature record).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from calc_nlp import quiet
from calc_nlp.classify import CauseRecord, CueRecord, Features, classify
from calc_nlp.labs import LabParser, summarise
from calc_nlp.rules import RuleSet
from calc_nlp.schema import (
    STATUS_EMPTY,
    STATUS_OK,
    Condition,
    Finding,
    ReportResult,
    make_finding_id,
)

quiet.silence()

import spacy  # noqa: E402  (after silencing the loggers medspaCy brings)
from medspacy.common.medspacy_matcher import MedspacyMatcher  # noqa: E402
from medspacy.context import ConText, ConTextRule  # noqa: E402
from medspacy.target_matcher import TargetRule  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.util import compile_infix_regex, filter_spans  # noqa: E402

from calc_nlp.sentences import sentence_firsts  # noqa: E402

FLAG_OF = {
    "NEGATED_EXISTENCE": "negated",
    "POSSIBLE_EXISTENCE": "uncertain",
    "HISTORICAL": "historical",
    "HYPOTHETICAL": "hypothetical",
    "FAMILY": "family",
}
TARGET_GROUP = "calc_targets"
_WS = re.compile(r"\s+")


@dataclass
class _Site:
    span: Span
    site: str
    laterality: str
    text: str
    start: int  # token index where site_text starts (laterality included)
    rule_id: str = ""


class _Rules:
    """TargetRules run by medspaCy's matcher, returning (Span, metadata) pairs.

    TargetMatcher stores the rule on `span._.target_rule`, and spaCy keys span
    extensions by character offsets only: two rules matching the same words
    (a condition and a mention, a cue and a distribution word) would
    overwrite each other's metadata. We keep the pair ourselves instead.
    """

    def __init__(self, nlp: Any, name: str, rules: list[dict[str, Any]]):
        self.nlp = nlp
        buckets: dict[str, list[dict[str, Any]]] = {"LOWER": [], "ORTH": [], "NORM": []}
        for r in rules:
            for attr, rule in _as_phrases(r):
                buckets[attr].append(rule)
        self.matchers = []
        for attr, batch in buckets.items():
            if batch:
                m = MedspacyMatcher(
                    nlp,
                    name=f"{name}_{attr.lower()}",
                    phrase_matcher_attr=attr,
                    prune=False,
                )
                m.add([TargetRule.from_dict(r) for r in batch])
                self.matchers.append(m)

    def __call__(self, doc: Doc) -> list[Span]:
        out = []
        strings = self.nlp.vocab.strings
        for matcher in self.matchers:
            rule_map = matcher.rule_map
            for match_id, start, end in matcher(doc):
                rule = rule_map[strings[match_id]]
                span = Span(doc, start, end, label=rule.category)
                _META[(id(doc), start, end, rule.category)] = rule.metadata or {}
                out.append(span)
        out.sort(key=lambda sp: (sp.start, sp.end))
        return out


def _install_norms(nlp: Any, norms: list[dict[str, Any]]) -> None:
    """Words matching a token_norms regex get its NORM (computed once per word
    in the vocabulary), so rules match every spelling without a per-token regex."""
    from spacy.attrs import NORM

    compiled = [(re.compile(n["regex"]), n["norm"]) for n in norms]
    default = nlp.vocab.lex_attr_getters.get(NORM, lambda s: s.lower())

    def norm(text: str) -> str:
        low = text.lower()
        for rx, value in compiled:
            if rx.search(low):
                return value
        return default(text)

    nlp.vocab.lex_attr_getters[NORM] = norm
    for lex in list(nlp.vocab):  # words the vocabulary already holds
        if any(rx.search(lex.lower_) for rx, _ in compiled):
            lex.norm_ = norm(lex.orth_)


def _as_phrases(rule: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """A token pattern that only names exact words runs as phrases (much faster).

    [{"LOWER": "x"}, {"LOWER": "y"}] is the LOWER phrase "x y"; a single token
    {"LOWER": {"IN": [...]}} is one phrase per word; [{"ORTH": "MAC"}] is an
    ORTH (case-sensitive) phrase. Anything else stays a token pattern.
    """
    pat = rule.get("pattern")
    if not pat:
        return [("LOWER", rule)]
    base = {k: v for k, v in rule.items() if k != "pattern"}
    for attr in ("LOWER", "ORTH", "NORM"):
        if all(set(t) == {attr} and isinstance(t[attr], str) for t in pat):
            return [(attr, dict(base, literal=" ".join(t[attr] for t in pat)))]
        if (
            len(pat) == 1
            and set(pat[0]) == {attr}
            and isinstance(pat[0][attr], dict)
            and set(pat[0][attr]) == {"IN"}
        ):
            return [(attr, dict(base, literal=str(w))) for w in pat[0][attr]["IN"]]
    first = pat[0]
    if len(first) == 1 and "OP" not in first:
        ((attr, value),) = first.items()
        if (
            isinstance(value, dict)
            and set(value) == {"IN"}
            and attr in ("LOWER", "ORTH", "NORM")
        ):
            # A first-token IN list runs as one pattern per word: exact values are
            # checked in C, IN lists in Python on every token.
            return [
                ("LOWER", dict(base, pattern=[{attr: w}] + pat[1:]))
                for w in value["IN"]
            ]
    return [("LOWER", rule)]


# Metadata of matched spans for the report being processed (cleared per report).
_META: dict[tuple[int, int, int, str], dict[str, Any]] = {}


# ConText modifiers per target of the report being processed (cleared per report).
_MODS: dict[tuple[int, int, int, str], tuple[Any, ...]] = {}


def _mods(span: Span) -> tuple[Any, ...]:
    return _MODS.get((id(span.doc), span.start, span.end, span.label_), ())


def _md(span: Span) -> dict[str, Any]:
    return _META[(id(span.doc), span.start, span.end, span.label_)]


class Extractor:
    """Builds the medspaCy pieces once; `process` is then called per report."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        nlp = spacy.blank("en")
        # Split "CKD-4", "ESRD/HD" style tokens so abbreviations match.
        infixes = list(nlp.Defaults.infixes) + [
            r"(?<=[A-Za-z])-(?=\d)",
            r"(?<=[A-Za-z])/(?=[A-Za-z])",
        ]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        _install_norms(nlp, rules.token_norms)
        self.nlp = nlp
        # Mentions are matched first (a report without one stops there); every
        # other target rule set runs in one combined pass, split by category.
        self.mention_matcher = self._targets("calc_mentions", rules.mentions)
        self.other_matcher = self._targets(
            "calc_targets",
            rules.site_rules
            + rules.laterality_rules
            + rules.condition_rules
            + rules.cue_rules,
        )
        self._other: dict[str, list[Span]] = {}
        # Section headers: matched as phrases like the target rules (medspaCy's
        # Sectionizer runs every header pattern as a token pattern: 4x slower).
        self.section_matcher = self._targets(
            "calc_sections",
            [
                {
                    k: r[k]
                    for k in ("literal", "category", "pattern", "metadata")
                    if k in r
                }
                for r in rules.section_rules
            ],
        )
        self.context = ConText(
            nlp,
            name="calc_context",
            rules=None,
            span_attrs=None,
            input_span_type="group",
            span_group_name=TARGET_GROUP,
        )
        self.context.add([ConTextRule.from_dict(r) for r in rules.context_rules])
        self.labs = LabParser(rules.labs)
        self._lat_spans: list[Span] = []
        self._links: list[Span] = []
        self._qualifiers: list[Span] = []
        self._sub_to_doc: dict[int, int] = {}
        self._site_list: list[_Site] = []

    def _targets(self, name: str, rules: list[dict[str, Any]]) -> _Rules:
        return _Rules(self.nlp, name, rules)

    # ------------------------------------------------------------------ API
    def _hits(self, *labels: str) -> list[Span]:
        """This report's matches of the combined pass for these categories."""
        return [sp for label in labels for sp in self._other.get(label, [])]

    def _sent(self, span: Span | Any) -> Span:
        """The sentence of a span or token, from boundaries computed once per report
        (spaCy's .sent scans the Doc each time)."""
        i = span.start if isinstance(span, Span) else span.i
        first = self._sent_first[i]
        return span.doc[first : self._sent_end[first]]

    def labs_of(self, text: str) -> tuple[Any, ...]:
        return summarise(self.labs.parse(text))

    def labs_only(self, report_id: str, text: str) -> ReportResult:
        """The result for a report the prefilter proved holds no finding."""
        if not text or not text.strip():
            return ReportResult(report_id=report_id, status=STATUS_EMPTY)
        return ReportResult(report_id, STATUS_OK, [], (), self.labs_of(text))

    def process(
        self,
        report_id: str,
        text: str,
        offset: int = 0,
        full_text: str | None = None,
        timings: Counter[str] | None = None,
    ) -> ReportResult:
        """All findings, conditions and lab values of one report.

        `offset` and `full_text` are for a piece of a long report: offsets and
        finding ids are then those of the whole text. Conditions are the
        report's only when it holds a finding (they are the findings'
        associated conditions), so skipping finding-free reports changes
        nothing.
        """
        clock = _Clock(timings)
        if not text or not text.strip():
            return ReportResult(report_id=report_id, status=STATUS_EMPTY)
        whole = text if full_text is None else full_text
        _META.clear()
        _MODS.clear()
        self._links, self._qualifiers = [], []
        self._core_start: dict[tuple[int, int], int] = {}
        doc = self.nlp.make_doc(text)
        clock.lap("tokenize")
        sections = self._sections(doc)
        clock.lap("sections_sentences")
        calc, premods = self._mentions(doc)
        if not calc:
            clock.lap("match")
            labs = self.labs_of(text) if full_text is None else ()
            return ReportResult(report_id, STATUS_OK, [], (), labs)
        self._other = {}
        for sp in self.other_matcher(doc):
            self._other.setdefault(sp.label_, []).append(sp)
        sites = self._sites(doc)
        conds = filter_spans(self._hits("CONDITION"))
        cues = self._cues(doc)
        clock.lap("match")
        targets = calc + conds + [c for c in cues if c.label_ == "CUE"]
        self._context(doc, targets)
        clock.lap("context")
        cues = [c for c in cues if c.label_ != "CUE" or _is_cause(c)]
        # A dystrophic condition in the finding's sentence is a local cause (rule 1).
        cues += [
            c for c in conds if _md(c)["category"] == "dystrophic" and _is_cause(c)
        ]
        conditions = self._conditions(conds, sections)
        labs = self.labs_of(text) if full_text is None else ()
        calc = self._extend(doc, calc, premods, sites)
        findings = []
        linked = [self._link_site(doc, f, calc, sites) for f in calc]
        causes = self._causes_elsewhere(doc, cues, conds, sites)
        for span, site in zip(calc, linked, strict=False):
            findings.append(
                self._finding(
                    report_id,
                    whole,
                    offset,
                    doc,
                    span,
                    site,
                    calc,
                    sections,
                    cues,
                    causes,
                    conditions,
                    labs,
                )
            )
        clock.lap("link_classify")
        result = ReportResult(report_id, STATUS_OK, findings, conditions, labs)
        names = {c.name for c in conditions}
        result.condition_marks = tuple(
            (offset + c.start_char, offset + c.end_char, _md(c)["condition"])
            for c in conds
            if _md(c)["condition"] in names
            and not _flags(c) & {"negated", "hypothetical", "family"}
        )
        return result

    def has_lookalikes(self, text: str) -> bool:
        """Does the text hold a look-alike that is not a finding (an EXCLUDE rule or a lab value)?"""
        doc = self.nlp.make_doc(text)
        return any(s.label_ == "EXCLUDE" for s in self.mention_matcher(doc)) or bool(
            self.labs.parse(text)
        )

    # --------------------------------------------------------------- context
    def _context(self, doc: Doc, targets: list[Span]) -> None:
        """Run ConText only over the sentences that hold a target.

        The sentences are copied into a small Doc (words, spaces, sentence
        starts), ConText runs there, and each target's modifiers are kept
        for the original span. Report text outside those sentences is never
        matched against the modifier rules (upstream PR #328: 54x faster).
        """
        sents: dict[int, Span] = {}
        for t in targets:
            sents.setdefault(self._sent_first[t.start], self._sent(t))
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        where: dict[int, int] = {}
        for start in sorted(sents):
            for k, tok in enumerate(sents[start]):
                where[tok.i] = len(words)
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))
                starts.append(k == 0)
        self._sub_to_doc = {j: i for i, j in where.items()}
        sub = Doc(self.nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
        subs = [
            Span(sub, where[t.start], where[t.end - 1] + 1, label=t.label_)
            for t in targets
        ]
        sub.spans[TARGET_GROUP] = subs
        self.context(sub)
        for t, st in zip(targets, subs, strict=False):
            mods = _MODS.get((id(doc), t.start, t.end, t.label_), ()) + tuple(
                st._.modifiers
            )
            _MODS[(id(doc), t.start, t.end, t.label_)] = mods

    # -------------------------------------------------------------- sections
    def _sections(self, doc: Doc) -> list[tuple[str, int, int, bool]]:
        """(category, body_start, title_start, clinical_question) per token.

        A section runs from its header to the next header; a one-line section
        (exam, indication, technique, comparison) ends with its line, and the
        unlabelled lines after it are the report body ('findings').
        """
        headers = []
        for sp in self.section_matcher(doc):
            md = _md(sp)
            if md.get("own_line") and not _alone_on_line(doc, sp):
                continue
            headers.append(sp)
        headers = sorted(filter_spans(headers), key=lambda sp: sp.start)
        bounds: list[int] = []
        per_token: list[tuple[str, int, int, bool]] = [("other", 0, 0, False)] * len(
            doc
        )
        for k, sp in enumerate(headers):
            md = _md(sp)
            end = headers[k + 1].start if k + 1 < len(headers) else len(doc)
            bounds += [sp.start, sp.end]
            entry = (sp.label_, sp.end, sp.start, bool(md.get("clinical_question")))
            line_end = _line_end(doc, sp.end, end) if md.get("one_line") else end
            for i in range(sp.start, line_end):
                per_token[i] = entry
            if line_end < end:
                bounds.append(line_end)
                body = ("findings", line_end, line_end, False)
                for i in range(line_end, end):
                    per_token[i] = body
        self._sent_first = sentence_firsts(doc, bounds)
        ends: dict[int, int] = {}
        for i, f in enumerate(self._sent_first):
            ends[f] = i + 1
        self._sent_end = ends
        return per_token

    # -------------------------------------------------------------- mentions
    def _mentions(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        spans = self.mention_matcher(doc)
        excluded = [s for s in spans if s.label_ == "EXCLUDE"]
        premods = [s for s in spans if s.label_ == "PREMODIFIER"]
        calc = [
            s
            for s in spans
            if s.label_ == "CALCIFICATION"
            and not any(s.start < x.end and x.start < s.end for x in excluded)
        ]
        return filter_spans(calc), premods

    def _extend(
        self, doc: Doc, calc: list[Span], premods: list[Span], sites: list[_Site]
    ) -> list[Span]:
        """Keep anatomic/type premodifiers and site phrases right before a mention."""
        ends: dict[int, int] = {}
        for p in premods:
            ends[p.end] = min(ends.get(p.end, p.start), p.start)
        for s in sites:
            ends[s.span.end] = min(ends.get(s.span.end, s.start), s.start)
        taken = {i for s in calc for i in range(s.start, s.end)}
        out = []
        for s in calc:
            start = s.start
            while start in ends and self._sent_first[start] != start:
                new = ends[start]
                if any(i in taken for i in range(new, start)):
                    break
                start = new
            if start != s.start:
                self._core_start[(start, s.end)] = s.start
                extended = Span(doc, start, s.end, label=s.label_)
                _META[(id(doc), start, s.end, s.label_)] = _md(s)
                _MODS[(id(doc), start, s.end, s.label_)] = _mods(s)
                s = extended
            out.append(s)
        return out

    # ----------------------------------------------------------------- sites
    def _sites(self, doc: Doc) -> list[_Site]:
        spans = filter_spans(self._hits("SITE", "REGION"))
        self._lat_spans = filter_spans(self._hits("LATERALITY"))
        lats = {s.end: s for s in self._lat_spans}
        lat_starts = {s.start: s for s in self._lat_spans}
        out = []
        fixed = [
            (sp.start, _md(sp)["site"])
            for sp in spans
            if sp.label_ == "SITE" and "candidates" not in _md(sp)
        ]
        for sp in spans:
            md = _md(sp)
            name = md.get("site", "")
            if "candidates" in md:
                name = _resolve(sp.start, md["candidates"], fixed)
            laterality = md.get("laterality", "")
            start = sp.start
            before = lats.get(sp.start)
            if before is not None and self._sent_first[sp.start] != sp.start:
                laterality = laterality or _md(before)["laterality"]
                start = before.start
            elif sp.end in lat_starts and not laterality:
                laterality = _md(lat_starts[sp.end])["laterality"]
            text = doc[start : sp.end].text
            if sp.label_ == "REGION":
                text = ""
            out.append(_Site(sp, name, laterality, text, start, md["id"]))
        self._site_list = out
        return out

    def _link_site(
        self, doc: Doc, f: Span, calc: list[Span], sites: list[_Site]
    ) -> _Site | None:
        """The site of this finding: inside its span, implied by it, or nearest by structure."""
        inside = [s for s in sites if f.start <= s.span.start and s.span.end <= f.end]
        if inside:
            # "pulmonary and renal calcifications": the first of coordinated sites;
            # "intracranial vertebral artery calcification": the last, the head.
            between = doc[inside[0].span.end : inside[-1].span.start]
            coordinated = any(t.lower_ in {"and", "or", ",", "/", "&"} for t in between)
            return inside[0] if coordinated else inside[-1]
        implied = _md(f).get("implied_site")
        if implied:
            core = self._core_start.get((f.start, f.end), f.start)
            words = doc[f.start : core].text if core > f.start else ""
            return _Site(f, implied, self._lat_near(doc, f), words, f.start, md_id(f))
        sent = self._sent(f)
        best, best_score = None, None
        others = [c for c in calc if c is not f]
        for s in sites:
            if not (sent.start <= s.span.start < sent.end):
                continue
            if any(c.start <= s.span.start and s.span.end <= c.end for c in others):
                continue  # the site is another finding's own premodifier
            if s.span.start >= f.end:
                gap, lo, hi = s.start - f.end, f.end, s.start
                score = gap
            else:
                gap, lo, hi = f.start - s.span.end, s.span.end, f.start
                score = gap + 2  # prefer sites after: "granuloma in the RUL"
            if any(lo <= c.start < hi for c in others):
                continue  # another finding stands between them
            if any(doc[i].text in {";", "."} for i in range(lo, hi)):
                continue
            if best_score is None or score < best_score:
                best, best_score = s, score
        if best is None:
            best = self._site_from_label_line(doc, f, sites)
        if best is None:
            best = self._site_from_previous_sentence(doc, f, sites)
        return best

    def _site_from_previous_sentence(
        self, doc: Doc, f: Span, sites: list[_Site]
    ) -> _Site | None:
        """'Left thyroid nodule. Microcalcifications cannot be excluded.': the
        sentence names no site, so the last site of the sentence before it
        (same line block, no blank line between) is the one it speaks of."""
        sent = self._sent(f)
        if sent.start == 0:
            return None
        prev = self._sent(doc[sent.start - 1])
        if "\n\n" in doc[prev.start : sent.start].text.replace("\r", "").replace(
            " ", ""
        ):
            return None
        cands = [s for s in sites if prev.start <= s.span.start < prev.end]
        return cands[-1] if cands else None

    def _lat_in_sentence(self, f: Span, calc: list[Span]) -> str:
        """Laterality written in the finding's sentence but not on its site words:
        a side word, or a site that carries one (RUL). A side word inside a
        named structure ("left main", "left atrial wall") is not a side."""
        sent = self._sent(f)
        named = [
            s.span
            for s in self._site_list
            if not self.rules.sites.get(s.site, {}).get("sided", True)
        ]
        cands: list[tuple[int, str]] = []
        for s in self._lat_spans:
            if sent.start <= s.start < sent.end and not any(
                n.start <= s.start and s.end <= n.end for n in named
            ):
                cands.append(
                    (
                        min(abs(s.start - f.end), abs(f.start - s.end)),
                        str(_md(s)["laterality"]),
                    )
                )
        for site in self._site_list:
            lat = (
                _md(site.span).get("laterality") if site.span.label_ == "SITE" else None
            )
            if lat and sent.start <= site.span.start < sent.end:
                cands.append(
                    (
                        min(abs(site.span.start - f.end), abs(f.start - site.span.end)),
                        str(lat),
                    )
                )
        return min(cands)[1] if cands else ""

    def _site_from_label_line(
        self, doc: Doc, f: Span, sites: list[_Site]
    ) -> _Site | None:
        """'LEFT BREAST:' on its own line names the site of the lines below it."""
        sent = self._sent(f)
        if sent.start == 0:
            return None
        prev = self._sent(doc[sent.start - 1])
        words = [t for t in prev if not t.is_space]
        if not words or words[-1].text != ":":
            return None
        cands = [s for s in sites if prev.start <= s.span.start < prev.end]
        return cands[-1] if cands else None

    def _lat_near(self, doc: Doc, f: Span) -> str:
        """Laterality for a mention with an implied site: in or right around it."""
        sent = self._sent(f)
        lo, hi = max(sent.start, f.start - 2), min(sent.end, f.end + 4)
        for s in self._lat_spans:
            if lo <= s.start and s.end <= hi:
                return str(_md(s)["laterality"])
        return ""

    # ----------------------------------------------------------- conditions
    def _conditions(
        self, conds: list[Span], sections: list[tuple[str, int, int, bool]]
    ) -> tuple[Condition, ...]:
        """Affirmed conditions of the report (negated, hypothetical, family dropped)."""
        seen: dict[str, Condition] = {}
        for c in conds:
            flags = _flags(c)
            if flags & {"negated", "hypothetical", "family"}:
                continue
            md = _md(c)
            name = md["condition"]
            if name not in seen:
                seen[name] = Condition(
                    name, md["category"], sections[c.start][0], "historical" in flags
                )
        return tuple(seen.values())

    # ----------------------------------------------------------------- cues
    def _cues(self, doc: Doc) -> list[Span]:
        spans = self._hits("CUE", "DISTRIBUTION", "LINK", "QUALIFIER")
        cue = filter_spans([s for s in spans if s.label_ == "CUE"])
        dist = filter_spans([s for s in spans if s.label_ == "DISTRIBUTION"])
        self._links = [s for s in spans if s.label_ == "LINK"]
        self._qualifiers = [s for s in spans if s.label_ == "QUALIFIER"]
        return cue + dist

    def _causes_elsewhere(
        self, doc: Doc, cues: list[Span], conds: list[Span], sites: list[_Site]
    ) -> list[tuple[int, CauseRecord]]:
        """Dystrophic causes anywhere in the report, with the site each names."""
        out = []
        for span in [
            c for c in cues if c.label_ == "CUE" and _md(c)["rule"] == 1
        ] + conds:
            if span.label_ == "CONDITION" and span in cues:
                continue
            md = _md(span)
            if span.label_ == "CONDITION":
                if md["category"] != "dystrophic" or _flags(span) & {
                    "negated",
                    "hypothetical",
                    "family",
                }:
                    continue
                name = md["condition"]
            else:
                name = md["cue"]
            site, lat, stext = md.get("site", ""), "", ""
            sent = self._sent(span)
            near = [s for s in sites if sent.start <= s.span.start < sent.end]
            if near:
                nearest = min(near, key=lambda s: abs(s.span.start - span.start))
                if not site or site == nearest.site:
                    site, lat, stext = (
                        nearest.site,
                        nearest.laterality,
                        _core(nearest.span.text),
                    )
            if not lat:
                lat = self._lat_near(doc, span)
            if site:
                out.append((sent.start, CauseRecord(name, site, lat, stext)))
        return out

    # -------------------------------------------------------------- finding
    def _finding(
        self,
        report_id: str,
        text: str,
        offset: int,
        doc: Doc,
        span: Span,
        site: _Site | None,
        calc: list[Span],
        sections: list[tuple[str, int, int, bool]],
        cues: list[Span],
        causes: list[tuple[int, CauseRecord]],
        conditions: tuple[Condition, ...],
        labs: tuple[Any, ...],
    ) -> Finding:
        flags = _flags(span)
        section, body_start, _title, question = sections[span.start]
        if (
            question
            and "uncertain" in flags
            and "\n" not in doc[body_start : span.start].text
        ):
            # On the clinical question's line, "? calcification" / "possible
            # calcification" is asked, not observed: hypothetical.
            flags.discard("uncertain")
            flags.add("hypothetical")
        md = _md(span)
        site_name = site.site if site else ""
        site_info = self.rules.sites.get(site_name, {})
        sent = self._sent(span)
        own_cues, distribution = self._own_cues(span, calc, cues, site_name)
        f = Finding(
            report_id=report_id,
            mention=span.text,
            start=offset + span.start_char,
            end=offset + span.end_char,
            finding_id=make_finding_id(
                report_id, text, offset + span.start_char, offset + span.end_char
            ),
            section=section,
            sentence=_WS.sub(" ", sent.text).strip(),
            site=site_name,
            site_text=site.text if site else "",
            laterality=(
                (site.laterality if site else "") or self._lat_in_sentence(span, calc)
            )
            if site_info.get("sided", True)
            else "",
            conditions=conditions,
            negated="negated" in flags,
            uncertain="uncertain" in flags,
            historical="historical" in flags,
            hypothetical="hypothetical" in flags,
            family="family" in flags,
            physiologic=bool(site_info.get("physiologic")),
            rule_id=md["id"],
            modifiers=tuple(
                sorted({(m.rule.metadata or {}).get("id", "") for m in _mods(span)})
            ),
            site_rule=site.rule_id if site else "",
            marks=self._marks(doc, offset, span, site),
        )
        if f.affirmed:
            elsewhere = tuple(c for s0, c in causes if s0 != sent.start)
            feats = Features(
                site=site_name,
                site_text=_core(site.span.text)
                if site and site.span is not span
                else "",
                laterality=f.laterality,
                metastatic_prone=bool(site_info.get("metastatic_prone")),
                dystrophic_prone=bool(site_info.get("dystrophic_prone"))
                or self._qualified(span, site_name, site.span if site else None),
                dystrophic_prone_if=tuple(site_info.get("dystrophic_prone_if", ())),
                cues=own_cues,
                conditions=tuple(
                    (
                        c.name,
                        c.category,
                        c.section,
                        self.rules.conditions[c.name].get("mineral_driver", "calcium"),
                    )
                    for c in conditions
                ),
                labs=tuple((v.name, v.flag, v.value, v.unit) for v in labs),
                causes_elsewhere=elsewhere,
                distribution=distribution,
                uncertain=f.uncertain,
            )
            result = classify(feats)
            f.classification, f.confidence, f.evidence = (
                result.classification,
                result.confidence,
                result.evidence,
            )
        return f

    def _marks(
        self, doc: Doc, offset: int, span: Span, site: _Site | None
    ) -> tuple[tuple[int, int, str], ...]:
        """Character spans of the finding's site words and ConText triggers."""
        out = []
        if site is not None and site.text and site.span is not span:
            sp = doc[site.start : site.span.end]
            out.append((offset + sp.start_char, offset + sp.end_char, "site"))
        for m in _mods(span):
            a, b = m.modifier_span
            if a in self._sub_to_doc and b - 1 in self._sub_to_doc:
                sp = doc[self._sub_to_doc[a] : self._sub_to_doc[b - 1] + 1]
                out.append(
                    (
                        offset + sp.start_char,
                        offset + sp.end_char,
                        f"modifier:{m.category}",
                    )
                )
        return tuple(sorted(set(out)))

    def _own_cues(
        self, f: Span, calc: list[Span], cues: list[Span], site: str
    ) -> tuple[tuple[CueRecord, ...], str]:
        """Cues of this finding's sentence that belong to it (inside it, or nearest to it)."""
        sent = self._sent(f)
        own: list[CueRecord] = []
        distribution = ""
        for c in cues:
            if not (sent.start <= c.start < sent.end):
                continue
            holder = next(
                (x for x in calc if x.start <= c.start and c.end <= x.end), None
            )
            after_link = holder is None and any(
                sent.start <= k.start and k.end <= c.start and f.end <= k.start
                for k in self._links
            )
            if holder is None:
                same = [x for x in calc if sent.start <= x.start < sent.end]
                holder = min(
                    same, key=lambda x: min(abs(x.start - c.end), abs(c.start - x.end))
                )
            if holder is not f and not after_link and not self._linked(f, holder, calc):
                continue
            md = _md(c)
            if c.label_ == "DISTRIBUTION":
                distribution = distribution or md["distribution"]
                continue
            need = md.get("requires_site")
            if need and site not in need:
                continue
            if c.label_ == "CONDITION":
                own.append(CueRecord(md["condition"], 1, c.text))
            else:
                own.append(CueRecord(md["cue"], int(md["rule"]), c.text))
        return tuple(own), distribution

    def _qualified(self, f: Span, site: str, site_span: Span | None) -> bool:
        """A qualifier word in the sentence ('nodule' for the thyroid) makes the site prone."""
        sents = {self._sent_first[f.start]}
        if site_span is not None:
            sents.add(self._sent_first[site_span.start])
        return any(
            self._sent_first[q.start] in sents and _md(q).get("site") == site
            for q in self._qualifiers
        )

    def _linked(self, f: Span, holder: Span, calc: list[Span]) -> bool:
        """Does a LINK phrase tie `f` to the later finding `holder` that names a cause?"""
        if holder.start < f.end:
            return False
        if any(f.end <= x.start < holder.start for x in calc if x is not holder):
            return False
        return any(f.end <= k.start and k.end <= holder.start for k in self._links)


class _Clock:
    """Adds the seconds since the last lap to `timings[stage]` (no-op without timings)."""

    def __init__(self, timings: Counter[str] | None):
        self.timings = timings
        self.t = time.perf_counter()

    def lap(self, stage: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[stage] += now - self.t
            self.t = now


def _resolve(at: int, candidates: list[str], fixed: list[tuple[int, str]]) -> str:
    """A shared site word means the candidate site named nearest to it, else the first."""
    near = [(abs(pos - at), name) for pos, name in fixed if name in candidates]
    return min(near)[1] if near else candidates[0]


def _alone_on_line(doc: Doc, sp: Span) -> bool:
    """Is the span the only thing on its line (an own-line header such as 'FINDINGS')?"""
    before = sp.start == 0 or "\n" in doc[sp.start - 1].text
    after = sp.end == len(doc) or "\n" in doc[sp.end].text
    return before and after


def _line_end(doc: Doc, start: int, end: int) -> int:
    """Token index where the line holding the first words after `start` ends."""
    seen_words = False
    for i in range(start, end):
        tok = doc[i]
        if tok.is_space:
            if "\n" in tok.text and seen_words:
                return i + 1
            continue
        seen_words = True
    return end


def _is_cause(span: Span) -> bool:
    """A cue or condition that can explain a finding: affirmed and not an alternative."""
    if _flags(span) & {"negated", "hypothetical", "family"}:
        return False
    return not any((m.rule.metadata or {}).get("alternative") for m in _mods(span))


def _flags(span: Span) -> set[str]:
    """ConText flags of a target, with our also_sets / cancels applied."""
    flags: set[str] = set()
    cancels: set[str] = set()
    for mod in _mods(span):
        md = mod.rule.metadata or {}
        cat = mod.category
        if cat in FLAG_OF:
            flags.add(FLAG_OF[cat])
        for extra in md.get("also_sets", []):
            if extra in FLAG_OF:
                flags.add(FLAG_OF[extra])
        for c in md.get("cancels", []):
            if c in FLAG_OF:
                cancels.add(FLAG_OF[c])
    return flags - cancels


def md_id(span: Span) -> str:
    return str(_md(span)["id"])


def _core(site_text: str) -> str:
    """Site words without articles, for 'same site?' comparisons."""
    words = [w for w in site_text.lower().split() if w not in {"the", "a", "an"}]
    return " ".join(words)
