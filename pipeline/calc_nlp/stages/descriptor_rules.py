"""descriptors.json compiled for the descriptors and lesions stages: one
regex over every descriptor term, the size, score and BI-RADS regexes by
kind, and the word lists as sets. Built once per rule set (Toolkit)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import Any

from calc_nlp.ignorecase import key_of, lookup
from calc_nlp.lowered import lower_once
from calc_nlp.regex_cache import Compile
from calc_nlp.trie import phrase_alternation, vessel_phrases

# The characters other than an ASCII letter's two cases that a case-blind
# regex matches it with (the dotted and dotless i, the Kelvin sign, the long
# s): `_breaks` spells a word's first letter in every one of them.
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _breaks_slow(
    words: list[str], compile_regex: Compile = re.compile
) -> re.Pattern[str]:
    """`_breaks` as it was first written (kept for words not all ASCII, and
    by tests as the reference `_breaks` must match as it does)."""
    alts: list[str] = []
    run: list[str] = []  # whole words next to each other in the list
    for w in words:
        if w[0].isalnum():
            run.append(re.escape(w))
            continue
        if run:
            alts.append(rf"(?<!\w)(?:{'|'.join(run)})(?!\w)")
            run = []
        alts.append(re.escape(w))
    if run:
        alts.append(rf"(?<!\w)(?:{'|'.join(run)})(?!\w)")
    return compile_regex("|".join(alts), re.I)


def _breaks(words: list[str], compile_regex: Compile = re.compile) -> re.Pattern[str]:
    r"""One case-blind regex for a word list: words as whole words, marks
    (";", ",") as they are, so that "and" does not break inside "band".

    It matches as `_breaks_slow` (each word or mark case-blind, a word
    between `(?<!\w)` and `(?!\w)`, the first in the list preferred) and
    runs up to twice as fast: the regex opens with the literal first
    character of each alternative, in each of its cases, so that `re` skips
    to the characters a match can start with (a case-blind or lookbehind
    opening makes it try every alternative at every position). The
    whole-word test before a word comes after its first character
    (`(?<!\w.)`: no word character before that one), and the words sharing
    a first character keep their order in the list."""
    if not all(w.isascii() for w in words):
        return _breaks_slow(words, compile_regex)
    by_first: dict[str, list[str]] = {}
    for w in words:
        rest = re.escape(w[1:])
        alt = rf"(?<!\w.){rest}(?!\w)" if w[0].isalnum() else rest
        by_first.setdefault(w[0].lower(), []).append(alt)
    alts: list[str] = []
    for first, group in by_first.items():
        body = "|".join(group)
        for c in dict.fromkeys(first + first.upper() + _FOLDS.get(first, "")):
            alts.append(rf"{re.escape(c)}(?i:{body})")
    return compile_regex("|".join(alts), 0)


# Most words between "than" and the dating word or year that make a `dated`
# comparative a change ("more pronounced than on the panoramic radiograph of
# XX/XX/XXXX": five).
_DATED_REACH = 5


def _word_starts(
    parts: list[tuple[list[str], str]],
    after: str,
    alternation: Callable[[list[str]], str] = phrase_alternation,
) -> str | None:
    r"""A regex matching as `(?<!\w)(?:A|B...)after` case-blind does, A,
    B... each part's phrases as one `phrase_alternation` followed by the
    part's own regex ("(?:dated phrases)(?=...than...)"), but whose
    alternatives open with a literal letter in one case: `re` then passes
    over those whose letter is not the text's at once, where it enters every
    case-blind alternative. For each first letter in each of its cases
    (`_FOLDS`): the rests of its phrases (the branches of
    `phrase_alternation`'s trie under that letter, a letter's cases in the
    trie's order, upper first), part by part. None when a phrase is not ASCII or opens with no
    letter or digit (the caller keeps its old form).

    `alternation` (`phrase_alternation`, or the same kept by the build
    cache) gives each first letter's rests: the trie of phrases that all
    open with one letter is that letter and the trie of their rests."""
    groups: dict[str, list[str]] = {}
    for phrases, suffix in parts:
        norm = [" ".join(p.split()) for p in phrases]
        if not all(p.isascii() and p[:1].isalnum() for p in norm):
            return None
        by_letter: dict[str, list[str]] = {}
        for p in norm:
            by_letter.setdefault(p[0], []).append(p)
        rests: dict[str, list[str]] = {}
        for ch in sorted(by_letter):
            rests.setdefault(ch.lower(), []).append(alternation(by_letter[ch])[1:])
        for first, alts in rests.items():
            groups.setdefault(first, []).append(f"(?:{'|'.join(alts)}){suffix}")
    if not groups:
        return None
    out: list[str] = []
    for first, alts in groups.items():
        body = "|".join(alts)
        for c in dict.fromkeys(first + first.upper() + _FOLDS.get(first, "")):
            out.append(rf"{c}(?i:(?:{body}){after})")
    return rf"(?<!\w)(?:{'|'.join(out)})"


class DescriptorRules:
    """descriptors.json compiled: one regex over every term, the score, size
    and BI-RADS regexes by kind, and the word lists as sets."""

    def __init__(
        self,
        desc: dict[str, Any],
        lesion_nouns: list[str] | None = None,
        alternation: Callable[[list[str]], str] = phrase_alternation,
        compile_regex: Compile = re.compile,
        abbreviations: frozenset[str] = frozenset(),
        mask_words: frozenset[str] = frozenset(),
        echo_features: frozenset[str] = frozenset(),
    ):
        """`alternation`: `phrase_alternation`, or the same kept by the build
        cache; `compile_regex`: `re.compile`, or the same from kept code
        (RegexCache); `abbreviations`: the words whose period ends no sentence
        (mentions.json side_abbreviations and measure_abbreviations, 'approx.');
        `mask_words`: the de-identification tokens (mentions.json mask_words,
        XXXX), each a hidden word that may be a plural; `echo_features`: the
        words of an ultrasound focus's look (mentions.json echo_features)."""
        self._compile = compile_regex
        self.by_phrase: dict[str, dict[str, Any]] = {}
        for entry in desc["terms"]:
            for p in entry["phrases"]:
                self.by_phrase[" ".join(p.split())] = entry
        # The largest regexes are compiled when first used (a tenth of the
        # toolkit's build, mostly for texts that never need them).
        plain = [
            p for p, e in self.by_phrase.items() if not (e.get("dated") or e.get("year"))
        ]
        self._terms = alternation(plain)
        # the terms' phrases, each list with what must follow its phrases
        # (`_word_starts`)
        self._term_parts: list[tuple[list[str], str]] = [(plain, "")]
        dated = [p for p, e in self.by_phrase.items() if e.get("dated")]
        self.dated_ids = frozenset(
            e["id"] for e in self.by_phrase.values() if e.get("dated")
        )
        if dated:
            # a `dated` term is one only with "than" and a dating word or a
            # year a few words after it ("less conspicuous than on the XXXX
            # study"); a date written with slashes ends in its year or the
            # mask of one ("than on the panoramic film of XX/XX/XXXX"); the
            # other terms are tried first
            when = alternation(desc["word_lists"]["threshold_dating"])
            # or another study named with an article ('than on the CT'):
            # the study the finding is compared with is an earlier one
            studies = alternation(desc["word_lists"]["comparison_studies"])
            leads = alternation(desc["word_lists"]["comparison_leads"])
            dated_after = (
                rf"(?=[^\S\n]+than"
                rf"(?:[^\S\n]+[\w/-]+){{0,{_DATED_REACH}}}?[^\S\n]+"
                rf"(?:[\w-]+/)*(?:{when}|(?:19|20)\d\d)(?!\w)"
                rf"|[^\S\n]+than[^\S\n]+(?:on|in)[^\S\n]+(?:the|a|an)[^\S\n]+"
                rf"(?:{studies})(?!\w)"
                # or a comparison_leads word before the date in place of
                # "than" ('more pronounced compared with the prior study',
                # 'more conspicuous since XXXX'): the same earlier study
                rf"|[^\S\n]+(?:when[^\S\n]+)?(?:{leads})"
                rf"(?:[^\S\n]+[\w/-]+){{0,{_DATED_REACH}}}?[^\S\n]+"
                rf"(?:[\w-]+/)*(?:{when}|(?:19|20)\d\d)(?!\w)"
                # or ending its clause, compared with nothing the text names
                # ('calcification, more conspicuous;'): `bare_comparative`
                r"|[^\S\n]*[;.](?!\d))"
            )
            self._terms += rf"|(?:{alternation(dated)}){dated_after}"
            self._term_parts.append((dated, dated_after))
        year = [p for p, e in self.by_phrase.items() if e.get("year")]
        if year:
            # a `year` term is one only with a year right after it, "the"
            # allowed between ("not seen on the 2020 study", "not present in
            # 2019"); a bare number is no year ("not seen in 2 views")
            # ... or a dating word a few words after it ("not present on a CT
            # from XXXX", "not seen on the earlier study")
            dating = alternation(desc["word_lists"]["change_study_dating"])
            year_after = (
                r"(?=[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?(?:(?:19|20)\d\d(?!\w)"
                rf"|(?:[\w-]+[^\S\n]+){{0,2}}?(?:[\w]*/)*(?:{dating})(?!\w)))"
            )
            self._terms += rf"|(?:{alternation(year)}){year_after}"
            self._term_parts.append((year, year_after))
        self._tails = alternation(desc["word_lists"]["phrase_tails"])
        self._change_phrases = [
            p for p, e in self.by_phrase.items() if e["field"] == "change" and e["value"]
        ]
        self._changes = alternation(self._change_phrases)
        # the same regexes by first letter (`terms`, `change_starts`)
        self._terms_fast = _word_starts(self._term_parts, r"(?!\w)", alternation)
        self._changes_fast = _word_starts([(self._change_phrases, "")], "", alternation)
        self.vessel_of = {
            " ".join(p.split()): v["name"]
            for v in desc["vessels"]
            for p in v["phrases"]
        }
        # the vessel names the phrases give, lower case ("lad", "rca")
        self.vessel_names = frozenset(v.lower() for v in self.vessel_of.values())
        vessels = self._vessels = alternation(vessel_phrases(desc["vessels"]))
        self.patterns: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for e in desc["patterns"]:
            rx = compile_regex(e["regex"].replace("{vessel}", vessels), re.I)
            self.patterns.setdefault(e["kind"], []).append((e["id"], rx))
        self.bands: list[tuple[float, int]] = desc["cac_drs"]
        self.units: dict[str, float] = desc["size_units"]
        wl = desc["word_lists"]
        self.clause_breaks = _breaks(wl["clause_breaks"], compile_regex)
        self.after_breaks = _breaks(wl["after_breaks"], compile_regex)
        links = set(wl["shape_links"])
        self.shape_links = links
        self.grade_breaks = _breaks(
            wl["after_breaks"] + wl["grade_breaks"], compile_regex
        )
        self.shape_breaks = _breaks(
            [w for w in wl["after_breaks"] + wl["grade_breaks"] if w not in links],
            compile_regex,
        )
        # the clause ends after the mention: change words, grades, BI-RADS terms
        self.ends = (self.after_breaks, self.shape_breaks, self.grade_breaks)
        # a regex over every word of the three lists (grade_breaks' list holds
        # the others'): none of them matches before its first match
        self.any_end = self.grade_breaks
        self.size_blockers = set(wl["size_blockers"])
        self.size_vessel_calibers = frozenset(wl["size_vessel_caliber_words"])
        # a structure a templated list measures after the mention: its size
        self.size_other_structures = frozenset(wl["size_other_structures"])
        self.followers = set(wl["predicate_followers"])
        self.number_words: dict[str, float] = desc["number_words"]
        self.window: int = desc["before_window"]
        self.size_before = set(wl["size_before"])
        # a lesion that holds the calcification: its size is no gap's
        self.size_hosts = set(wl["size_hosts"])
        self.size_gap_stops = set(wl["size_gap_stops"]) | self.size_hosts
        self.size_carriers = set(wl["size_carriers"])
        self.graded_heads = set(wl["graded_heads"])
        # what surrounds a calcification that a grade or change word may
        # grade instead ('new edema around the calcified granuloma')
        self.surrounding_heads = frozenset(wl.get("surrounding_heads", ()))
        # condition abbreviations standing for a graded head's phrase ('AS'),
        # as written (Toolkit fills them from the conditions)
        self.graded_abbreviations: frozenset[str] = frozenset()
        self.image_refs = set(wl["image_refs"])
        self.exam_labels = frozenset(wl["lesion_exam_labels"])
        self.numbered_places = set(wl["numbered_places"])
        self.size_after_stops = set(wl["size_after_stops"])
        self.size_extent_links = set(wl["size_extent_links"])
        self.size_extent_verbs = set(wl["size_extent_verbs"])
        self.size_reach_words = frozenset(wl["size_reach_words"])
        self.range_words = set(wl["range_words"])
        self.size_bounds = set(wl["size_bounds"])
        self.size_leads = set(wl["size_leads"])
        self.head_denials = set(wl["head_denials"])
        self.head_containers = set(wl["head_containers"])
        self.dimension_words = set(wl["dimension_words"])
        self.modifier_endings = tuple(wl["modifier_endings"])
        self.modifier_nouns = frozenset(wl["modifier_nouns"])
        self.graded_companions = set(wl["graded_companions"])
        self.graded_shapes = frozenset(wl["graded_shapes"])
        self.extent_carriers = set(wl["extent_carriers"])
        self.shape_heads = set(wl["shape_heads"])
        self.head_shape_spreads = set(wl["head_shape_spreads"])
        self.spread_heads = frozenset(wl["spread_heads"])
        self.shape_link_leads = set(wl["shape_link_leads"])
        self.appositive_heads = set(wl["appositive_heads"])
        self.lesion_nouns = set(lesion_nouns or [])
        self.abbreviations = abbreviations
        self.mask_words = mask_words
        self.overall = set(wl["birads_overall"])
        self.prior_exam = frozenset(wl["birads_prior"])
        self.anaphors = set(wl["anaphors"])
        # what may open a subject that holds or shows the calcification: an
        # anaphor or an article ('A fundal fibroid ... is densely calcified')
        self.subject_openers = frozenset(self.anaphors | {"a", "an"})
        self.size_new_phrase = set(wl["size_new_phrase"])
        self.size_adjectives = set(wl["size_adjectives"])
        self.restated_heads = set(wl["restated_heads"])
        # any of them written anywhere in a text: none there, no clause of it
        # names one (descriptor_sizes.restated_head)
        self.restated_head_words = compile_regex(
            "|".join(sorted(map(re.escape, self.restated_heads))), 0
        )
        self.copulas = set(wl["copulas"])
        # 'is felt to be a', 'represents a': what names the finding before
        self.naming_verbs = frozenset(wl["naming_verbs"])
        self.naming_infinitives = frozenset(wl["naming_infinitives"])
        self.naming_predicates = frozenset(wl["naming_predicates"])
        self.term_labels = frozenset(wl["term_labels"])
        self._labels = alternation(wl["term_labels"])
        # the row labels a structured report gives a finding's size under
        self.size_labels = frozenset(wl["size_labels"])
        # ... and its grade under
        self.severity_labels = frozenset(wl["severity_labels"])
        # an adverb that grades a change word after it ("increased slightly")
        self.change_adverbs = frozenset(wl["change_adverbs"])
        # a change noun a grade word may stand before ("mild increase in")
        self.change_nouns = frozenset(wl["change_nouns"])
        # the words of a change phrase naming only the earlier study ("unchanged
        # from prior,"): no number's date (descriptor_sizes._without_compared)
        self.size_compared_asides = frozenset(wl["size_compared_asides"])
        # the words of an ultrasound focus's look ("with posterior acoustic
        # shadowing"): no other lesion between it and its size
        self.echo_features = echo_features
        # a tracer's uptake a grade word may stand before ("faint uptake in")
        self.uptake_nouns = frozenset(wl["uptake_nouns"])
        # ... and the words it may stand before first ("mild increased tracer")
        self.uptake_modifiers = frozenset(wl["uptake_modifiers"])
        # an adverb between a copula and the change word it puts ("is also stable")
        self.copula_adverbs = frozenset(wl["copula_adverbs"])
        self.auxiliaries = set(wl["auxiliaries"])
        # a place subject's verb of holding ("the isthmus contains ...")
        self.holding_verbs = frozenset(wl["lesion_holding_verbs"])
        self.raising_verbs = frozenset(wl["lesion_raising_verbs"])
        self.predicate_pronouns = frozenset(wl["predicate_pronouns"])
        self.organ_diseases = frozenset(wl["lesion_organ_diseases"])
        self.size_identity = _breaks(wl["size_identity_links"], compile_regex)
        # "are also seen in <place>": the predicate before a mention's place
        self.place_predicates = frozenset(wl["lesion_place_predicates"])
        # the sites a vertebral level tells the part of (a disc)
        self.level_sites = frozenset(wl["lesion_level_sites"])
        # sites where a place word of the mention names the sub-site
        self.mention_place_sites = frozenset(wl["lesion_mention_place_sites"])
        # a verb of being or having: it ends a place after a mention and
        # opens a second predicate after "and"
        self.verbs = frozenset(self.copulas | self.auxiliaries)
        # a verb or a descriptor term ends a place (lesion_words.place_only)
        self.place_stops = self.verbs | frozenset(self.by_phrase)
        self.host_processes = set(wl["host_processes"])
        # the lesions besides the lesion nouns a "with" gives the
        # calcification to (descriptor_changes.host_change)
        self.host_lesions = frozenset(wl["host_lesions"])
        self.count_words = set(wl["count_words"])
        self.threshold_dating = set(wl["threshold_dating"])
        self.comparison_studies = frozenset(wl["comparison_studies"])
        self.question_leads = frozenset(wl["change_question_leads"])
        self.extent_comparatives = frozenset(wl["extent_comparatives"])
        self.prior_comparatives = set(wl["prior_comparatives"])
        self.score_dating = frozenset(wl["score_dating"])
        # a number one of these follows is a time, no score ("3 years ago")
        self.duration_units = frozenset(wl["score_duration_units"])
        # a unit in brackets after a score table's column heading: "Volume (mm3)"
        self.unit_note = compile_regex(
            r"\((?:" + "|".join(re.escape(u) for u in wl["score_units"]) + r")\)", re.I
        )
        self.score_units = frozenset(wl["score_units"])
        self.comparison_leads = set(wl["comparison_leads"])
        self.size_current = set(wl["size_current"])
        self.restating_openers = set(wl["restating_openers"])
        self.differential = _breaks(wl["differential_links"], compile_regex)
        # the hedges that say which reading is the likelier ('likely',
        # 'favored'; context.json `reading`), as word tuples: set by the
        # Toolkit, which reads the ConText rules
        self.reading_links: tuple[tuple[str, ...], ...] = ()
        self.differential_hedges = frozenset(wl["differential_hedges"])
        self.restating_predicates = _breaks(wl["restating_predicates"], compile_regex)
        # past a comma, the words that may lead a change word that is the mention's
        self.change_leads = (
            set(wl["change_leads"]) | self.copulas | self.restating_openers
        )
        # past a comma, a place a grade of the mention holds in ("dense in the LAD")
        self.grade_places = frozenset(wl["grade_places"])
        # a place of a sized subject before a predicate mention ("nodule in the RLL which is")
        self.subject_places = frozenset(wl["subject_places"])
        self.distributive = set(wl["distributive_words"])
        self.appearance_leads = set(wl["appearance_leads"])
        self.place_and_stops = set(wl["place_and_stops"])
        self.term_lists = set(wl["term_lists"])
        # the word sets the size and shape-part readers take together, made
        # once here, not at each call (descriptor_sizes, descriptor_clauses)
        self.segment_words = frozenset(
            self.term_lists
            | self.restating_openers
            | self.copulas
            | self.distributive
            | self.shape_link_leads
            | {"to"}
        )
        # "the" right before a size opens another noun phrase too
        # ("calcification in the 4 cm aneurysm": the aneurysm's size)
        self.phrase_openers = frozenset(self.size_new_phrase | {"the"})
        # a word after which a descriptor opens a noun phrase, not a predicate
        # ("there is a stable, ...", "is the dense, ...")
        self.phrase_leads = self.subject_openers | self.phrase_openers | self.verbs
        self.apposition_words = frozenset(self.size_before - self.size_new_phrase)
        self.size_lead_words = frozenset(self.size_leads | self.size_before | {"the", ","})
        self.restating = _breaks(wl["restating_links"], compile_regex)
        # a sized focus named as the calcification: the links above and the
        # verbs that say what it is ('a 9 mm focus represents a granuloma')
        self.size_restating = _breaks(
            wl["restating_links"] + wl["size_restating_verbs"], compile_regex
        )
        self.lesion_ignore = set(wl["lesion_ignore"])
        # the words site_words leaves out of site words, and the site words
        # of each site name once worked out (lesion_words.name_words)
        self.site_word_drops = frozenset(self.lesion_ignore | self.lesion_nouns)
        self.site_name_words: dict[str, frozenset[str]] = {}
        self.side_words = set(wl["side_words"])
        # the words that state a side without its name ("LLL", "Rt"), by side
        self.side_of_word = {w: "left" for w in wl["lesion_left_words"]} | {
            w: "right" for w in wl["lesion_right_words"]
        }
        self.bare_words = set(wl["lesion_bare_words"])
        self.part_heads = set(wl["lesion_part_heads"])
        self.part_words = set(wl["lesion_part_words"])
        # words of a cusp's name besides its part word ("right coronary cusp")
        self.part_names = frozenset(wl["lesion_part_names"])
        self.other_words = set(wl["lesion_other_words"])
        self.other_comparatives = set(wl["lesion_other_comparatives"])
        self.other_after = set(wl["lesion_other_after"])
        # a verb that ends the subject an ordinal counts ("the second view shows")
        self.other_subject_verbs = frozenset(wl["lesion_other_subject_verbs"])
        # a report naming no earlier study: a bare comparative compares two
        # of its lesions (`descriptors._compared_with_none`)
        self.prior_words = frozenset(wl["change_prior_words"])
        self.no_prior = _breaks(wl["change_no_prior_phrases"], compile_regex)
        self.residual_words = set(wl["lesion_residual_words"])
        self.demonstratives = frozenset(wl["lesion_demonstratives"])
        self.definite_parts = frozenset(wl["lesion_definite_parts"])
        self.summary_words = _breaks(wl["lesion_summary_words"], compile_regex)
        self.mass_plurals = set(wl["lesion_mass_plurals"])
        self.lesion_count_words = set(wl["lesion_count_words"])
        # "all" before a count: every place of a kind ("all three vessels")
        self.every_words = frozenset(wl["lesion_every_words"])
        # "the lesion" after a sentence naming a narrowing at a segment
        self.segment_anaphors = frozenset(wl["lesion_segment_anaphors"])
        self.place_links = _breaks(wl["lesion_place_links"], compile_regex)
        self.place_joins = _breaks(wl["lesion_place_joins"], compile_regex)
        self.place_compounds = frozenset(wl["lesion_place_compounds"])
        self.process_words = _breaks(wl["lesion_process_words"], compile_regex)
        # the patient's own organ, and a transplanted one ("the native
        # kidneys" of a report on a transplant kidney)
        self.native_words = frozenset(wl["lesion_native_words"])
        self.graft_words = frozenset(wl["lesion_graft_words"])
        self.vessel_sites = set(wl["lesion_vessel_sites"])
        # of those, the sites a phrase named only "vascular" names (arteries)
        self.vascular_sites = set(wl["lesion_vascular_sites"])
        self.whole_vessel_words = set(wl["lesion_vessel_words"])
        self.extension_words = _breaks(wl["lesion_extension_words"], compile_regex)
        self.beyond_words = _breaks(wl["segment_beyond_words"], compile_regex)
        # the words naming a vessel wall's disease, no place ("atherosclerotic")
        self.wall_disease_words = set(wl["lesion_wall_disease_words"])
        # the names of a disease of the small vessels of the skin and fat
        # ("calciphylaxis"), the words that put a calcification there and the
        # sites it is given (`lesions._small_vessels`)
        self.small_vessel_diseases = _breaks(
            wl["lesion_small_vessel_diseases"], compile_regex
        )
        self.small_vessel_words = _breaks(wl["lesion_small_vessel_words"], compile_regex)
        self.small_vessel_sites = frozenset(wl["lesion_small_vessel_sites"])
        # the soft tissue named no more precisely and the sites that name it
        # more precisely (`lesions._tissue_restated`)
        # the wall of a cyst or collection away from the vessels, a part of
        # its own (lesion_words.sub_site)
        self.host_parts = frozenset(wl["lesion_host_parts"])
        # morphology values that place a calcification on its host's wall
        self.host_part_shapes = frozenset(wl["lesion_host_part_shapes"])
        self.walled_hosts = frozenset(wl["lesion_walled_hosts"])
        # what lies in a lumen or sac, no part of the wall
        # (`lesions._contents_apart`)
        self.lumen_contents = frozenset(wl["lesion_lumen_contents"])
        # operations that take the tissue out (`lesions._state`)
        self.removal_words = frozenset(wl["lesion_removal_words"])
        # the labels of the lines naming what was taken out
        # (`lesions._removed_of_several`)
        self.specimen_labels = frozenset(wl["lesion_specimen_labels"])
        self.soft_tissue, *precise = wl["lesion_soft_tissue_sites"]
        self.soft_tissue_sites = frozenset(precise)
        self.cause_terms = set(wl["lesion_cause_terms"])
        # a kind word a restatement of the lesion may leave unsaid ("suture")
        self.unsaid_kinds = frozenset(wl["lesion_unsaid_kinds"])
        # nouns naming a calcification as the first word does ('calcinosis'
        # as 'calcification'), read as it where an unsited finding is looked up
        self.calcification_noun, *others = wl["lesion_calcification_nouns"]
        self.calcification_nouns = frozenset(others)
        self.joint_sites = set(wl["lesion_joint_sites"])
        self.joint_envelopes = set(wl["lesion_joint_envelopes"])
        self.joint_words = set(wl["lesion_joint_words"])
        # the joint words by their first five letters, as `stems` gives them
        self.joint_stems = frozenset(w[:5] for w in self.joint_words)
        # the joint words as the beginnings of the words that name a joint
        self.joint_prefixes = tuple(sorted(self.joint_words))
        self.digit_words = tuple(wl["lesion_digit_words"])
        self.segments = _breaks(wl["segments"], compile_regex)
        self.segment_sites = set(wl["segment_sites"])
        # places past the first diagonal: the mid LAD (`descriptors._segment_before`)
        self.mid_landmarks = _breaks(wl["mid_segment_landmarks"], compile_regex)
        self.synonyms: dict[str, str] = desc["site_synonyms"]
        # the words site words are normalised to, kept as they are ("pancreas")
        self.synonym_words = {w for v in self.synonyms.values() for w in v.split()}
        self.score_rules: set[str] = desc["scores"]["mention_rules"]
        self.score_sites: set[str] = desc["scores"]["sites"]

    @cached_property
    def unnaming_stems(self) -> frozenset[str]:
        """The first five letters of the words that name no place of their
        own in a mention (bare words, whole-vessel words, descriptor phrases,
        sides): `lesions._names_from` leaves them out."""
        drop = self.bare_words | self.whole_vessel_words | set(self.by_phrase) | self.side_words
        return frozenset(w[:5] for w in drop)

    @cached_property
    def unnaming_stems_of_places(self) -> frozenset[str]:
        """`unnaming_stems` and those of the words naming a wall's disease."""
        return self.unnaming_stems | {w[:5] for w in self.wall_disease_words}

    @cached_property
    def terms(self) -> re.Pattern[str]:
        """Any descriptor term, as whole words (`terms_slow`'s matches)."""
        fast = self._terms_fast
        if fast is None:
            return self.terms_slow
        return self._compile(fast, 0)

    @cached_property
    def terms_slow(self) -> re.Pattern[str]:
        """`terms` as first written, one case-blind regex (kept for phrases
        not all ASCII, and by tests)."""
        return self._compile(rf"(?<!\w)(?:{self._terms})(?!\w)", re.I)

    @cached_property
    def term_end(self) -> re.Pattern[str]:
        """A term right before a position ("dense, coarse": the comma lists
        words), with its tail ("fine pleomorphic in morphology and grouped")."""
        return self._compile(
            rf"(?<!\w)(?:{self._terms})(?:[^\S\n]+(?:{self._tails}|{self._labels}))?\s*$",
            re.I,
        )

    @cached_property
    def label_after(self) -> re.Pattern[str]:
        """The field a BI-RADS term names right after it ("punctate
        morphology", "grouped in distribution")."""
        return self._compile(rf"[^\S\n]+(?:in[^\S\n]+)?(?:{self._labels})(?!\w)", re.I)

    @cached_property
    def label_before(self) -> re.Pattern[str]:
        """The field a structured report names right before its BI-RADS
        term, its colon left out ("morphology fine pleomorphic")."""
        return self._compile(rf"(?:{self._labels})(?!\w)[^\S\n]*:?[^\S\n]*", re.I)

    @cached_property
    def labels(self) -> re.Pattern[str]:
        """A field name of BI-RADS terms anywhere ("in morphology", "distribution")."""
        return self._compile(rf"(?<!\w)(?:in[^\S\n]+)?(?:{self._labels})(?!\w)", re.I)

    @cached_property
    def tails(self) -> re.Pattern[str]:
        """A phrase tail after a term, ending the words there."""
        return self._compile(
            rf"[^\S\n]+(?:{self._tails})(?!\w)(?![^\S\n]+\w)",
            re.I,
        )

    @cached_property
    def change_starts(self) -> re.Pattern[str]:
        """Where a change term (one with a value) begins: its words from a
        word's start, whatever follows them. A text this finds nothing in
        holds no change term, wherever a search for one stops
        (`change_starts_slow`'s matches)."""
        fast = self._changes_fast
        if fast is None:
            return self.change_starts_slow
        return self._compile(fast, 0)

    @cached_property
    def change_starts_slow(self) -> re.Pattern[str]:
        """`change_starts` as first written (kept for phrases not all ASCII,
        and by tests)."""
        return self._compile(rf"(?<!\w)(?:{self._changes})", re.I)

    @cached_property
    def vessel_words(self) -> re.Pattern[str]:
        """Any coronary vessel's phrase, as whole words."""
        return self._compile(rf"(?<!\w)(?:{self._vessels})(?!\w)", re.I)

    @cached_property
    def vessel_label(self) -> re.Pattern[str]:
        """A coronary vessel's label opening a line or sentence, a list
        item's bullet before it: "LAD:", "Left main coronary artery:"."""
        return self._compile(
            r"[^\S\n]*(?:[-*\u2022][^\S\n]*)?"
            rf"(?:{self._vessels})(?:[^\S\n]+(?:coronary[^\S\n]+)?arter(?:y|ies))?"
            r"[^\S\n]*:",
            re.I,
        )

    def number(self, text: str) -> float:
        """A score as written: digits, their thousands grouped by commas or
        spaces ("1,245", "1 245"), or a number word ("zero", "no calcium")."""
        word = key_of(self.number_words, " ".join(text.split()))
        if word:
            return float(self.number_words[word])
        return float("".join(text.replace(",", "").split()))

    def may_hold_size(self, text: str) -> bool:
        """Can a size pattern match in the text? Every size is read in one of
        the `units` (`_dims_mm` looks its unit up there), so a plain ASCII
        text holding none of them, in any case, holds no size; any other
        text is asked (case folding goes beyond `str.lower`)."""
        if not text.isascii():
            return True
        low = lower_once(text)
        return any(unit in low for unit in self.units)

    def vessel(self, text: str) -> str:
        """A coronary vessel's name for its phrase ("left main" -> "LM")."""
        return lookup(self.vessel_of, " ".join(text.split()))

    def bare_comparative(self, text: str, word: tuple[Any, ...], off: int) -> bool:
        """Is a change word (field, rule id, start, end; `off` the text's
        offset) a `dated` comparative that ends its clause, 'than' and a date
        not after it ('more conspicuous;')? It grades against the prior only
        where no side is in play: one side may be weighed against the other."""
        if word[0] != "change" or word[1] not in self.dated_ids:
            return False
        return text[word[3] - off : word[3] - off + 2].lstrip()[:1] in (";", ".")

    def term(self, text: str) -> dict[str, Any]:
        return lookup(self.by_phrase, " ".join(text.split()))

    def cac_drs(self, score: float | None) -> int | None:
        if score is None:
            return None
        return next(cat for low, cat in reversed(self.bands) if score >= low)
