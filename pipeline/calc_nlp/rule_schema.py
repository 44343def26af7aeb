"""The rule files' schema: which files, which keys, which categories (patterns/)."""

from __future__ import annotations

from calc_nlp import schema

FILES = (
    "mentions.json",
    "sites.json",
    "conditions.json",
    "cues.json",
    "context.json",
    "sections.json",
    "labs.json",
    "descriptors.json",
)

# medspaCy's TargetRule, ConTextRule and SectionRule keys: the ones all three
# take, then each one's own; a rule needs its literal, category and metadata.
RULE_KEYS = {"literal", "pattern", "category", "metadata"}
REQUIRED_RULE_KEYS = {"literal", "category", "metadata"}
TARGET_KEYS = RULE_KEYS | {"attributes"}
CONTEXT_KEYS = RULE_KEYS | {
    "direction",
    "allowed_types",
    "excluded_types",
    "max_targets",
    "max_scope",
}
SECTION_KEYS = RULE_KEYS | {"max_scope", "parents", "parent_required"}
TOP_KEYS = {
    "mentions.json": {"description", "target_rules", "token_norms", "word_lists"},
    "sites.json": {"description", "sites", "target_rules", "laterality_rules", "exams"},
    "conditions.json": {"description", "conditions"},
    "cues.json": {"description", "target_rules"},
    "context.json": {"description", "context_rules", "clause_verbs"},
    "sections.json": {"description", "section_rules"},
    "labs.json": {"description", "source", "analytes", "flag_words"},
    "descriptors.json": {
        "description",
        "lexicon",
        "terms",
        "patterns",
        "vessels",
        "cac_drs",
        "size_units",
        "word_lists",
        "site_synonyms",
        "scores",
        "before_window",
        "number_words",
    },
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
CONDITION_CATEGORIES = set(schema.CONDITION_CATEGORIES)
# Optional keys of a site entry: its phrases, and where they come from.
SITE_TERM_KEYS = {
    "terms",
    "abbreviations",
    "generic_terms",
    "anaphoric_terms",
    "terms_source",
    "kind",
    "unspecific",
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
CONDITION_KEYS = {
    "id",
    "name",
    "category",
    "source",
    "terms",
    "mineral_driver",
    "procedure",
    "lead_not_before",
}
TERM_KEYS = {
    "term",
    "case_sensitive",
    "site",
    "lead",
    "ordinary_word",
    "not_before",
    "not_before_number",
    "not_after",
}
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
    "implied",
    "before_site",
    "no_place",
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
    "through_lists",
    "condition",
    "category",
    "mineral_driver",
    "procedure",
    "generic",
    "lesion",
    "family",
    "score_phrase",
    "seen_before",
    "laterality_sites",
    "not_after",
    "not_before",
    "same_phrase",
    "past",
    "mention_site",
    "part_of",
    "line_break",
    "only_before",
    "procedures_only",
}

# descriptors.json (corpora/GUIDE.md, Descriptors).
DESCRIPTOR_FIELDS = ("severity", "change", "morphology", "distribution")
DESCRIPTOR_TERM_KEYS = {
    "id",
    "field",
    "value",
    "phrases",
    "source",
    "note",
    "own_lesion",
    "predicate",
}
DESCRIPTOR_PATTERN_KEYS = {"id", "kind", "regex", "source"}
# Kinds of descriptor regex and the named groups each needs.
DESCRIPTOR_KINDS = {
    "size": ("dims", "unit"),
    "agatston": ("value",),
    "percentile": ("value",),
    "vessel": ("vessel", "value"),
    "birads": ("value",),
    "clock": ("value",),
    "spine_level": ("a", "m", "n"),
    "distance": ("value",),
}
VESSEL_KEYS = {"id", "name", "phrases", "source"}
DESCRIPTOR_WORD_LISTS = (
    "clause_breaks",
    "after_breaks",
    "size_before",
    "shape_links",
    "shape_link_leads",
    "appositive_heads",
    "grade_breaks",
    "size_blockers",
    "predicate_followers",
    "birads_overall",
    "anaphors",
    "lesion_ignore",
    "segments",
    "segment_sites",
    "size_new_phrase",
    "restating_links",
    "term_lists",
    "size_adjectives",
    "restated_heads",
    "copulas",
    "term_labels",
    "restating_openers",
    "differential_links",
    "phrase_tails",
    "size_gap_stops",
    "size_carriers",
    "change_leads",
    "grade_places",
    "subject_places",
    "size_bounds",
    "size_leads",
    "size_hosts",
    "place_and_stops",
    "auxiliaries",
    "host_processes",
    "count_words",
    "threshold_dating",
    "score_dating",
    "score_units",
    "comparison_leads",
    "size_current",
    "head_denials",
    "head_containers",
    "dimension_words",
    "numbered_places",
    "restating_predicates",
    "modifier_endings",
    "graded_companions",
    "graded_shapes",
    "extent_carriers",
    "shape_heads",
    "head_shape_spreads",
    "graded_heads",
    "image_refs",
    "range_words",
    "size_after_stops",
    "size_extent_links",
    "size_extent_verbs",
    "appearance_leads",
    "side_words",
    "lesion_bare_words",
    "lesion_part_heads",
    "lesion_part_words",
    "lesion_other_words",
    "lesion_holding_verbs",
    "lesion_place_predicates",
    "lesion_level_sites",
    "lesion_mention_place_sites",
    "lesion_other_comparatives",
    "lesion_summary_words",
    "lesion_place_links",
    "lesion_process_words",
    "lesion_residual_words",
    "lesion_vessel_sites",
    "lesion_vessel_words",
    "lesion_cause_terms",
    "lesion_joint_sites",
    "lesion_joint_envelopes",
    "lesion_joint_words",
    "lesion_mass_plurals",
    "lesion_count_words",
    "distributive_words",
    "size_restating_verbs",
)
# Word lists of descriptors.json that name sites of sites.json.
DESCRIPTOR_SITE_LISTS = (
    "segment_sites",
    "lesion_vessel_sites",
    "lesion_joint_sites",
    "lesion_mention_place_sites",
)
