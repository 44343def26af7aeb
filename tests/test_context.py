"""ConText behaviour on radiology text: every pitfall docs/guide.md lists has a test."""

from __future__ import annotations

import pytest

FLAGS = ("negated", "uncertain", "historical", "hypothetical", "family")


def flags(f) -> set[str]:
    return {n for n in FLAGS if getattr(f, n)}


CASES = [
    # plain negation forms
    ("No calcification.", {"negated"}),
    ("There is no evidence of calcification.", {"negated"}),
    ("Kidneys without nephrocalcinosis.", {"negated"}),
    # dictation shorthand of 'without'; an exam's 'w/o contrast' denies nothing
    ("Large R renal mass w/o calcs.", {"negated"}),
    ("Right renal mass w/out calcification.", {"negated"}),
    ("CT HEAD W/O CONTRAST: calcification in the left basal ganglia.", set()),
    ("CT abdomen w/o IV contrast shows calcified mesenteric nodes.", set()),
    ("Negative for calcification.", {"negated"}),
    # terse reads shorten it: 'neg for' denies a finding as it does a condition
    ("CXR: neg for calcified nodes. neg for PNA.", {"negated"}),
    ("Renal US neg for nephrocalcinosis", {"negated"}),
    # a minus sign or 'neg' that ends the finding's clause answers it 'absent'
    ("CT A/P: calcs -. no stones. bowel nl.", {"negated"}),
    ("US kidneys: nephrocalcinosis (-)", {"negated"}),
    ("Nephrocalcinosis: -\nKidneys: nl", {"negated"}),
    ("CXR: Calcified nodes: neg.", {"negated"}),
    # a dash before words, a number or an arrow denies nothing
    ("calcified granuloma RUL - stable", set()),
    ("CT neck: L ICA calcs -> mild stenosis", set()),
    ("Aortic calcs - mild.", set()),
    ("calcified nodes - 2 cm", set()),
    ("No calcified hilar nodes.", {"negated"}),
    ("Coronary artery calcium score: 0.", {"negated"}),
    ("Coronary artery calcium score of zero.", {"negated"}),
    (
        "Previously seen splenic calcification is no longer visible.",
        {"negated", "historical"},
    ),
    ("The calcification has resolved.", {"negated", "historical"}),
    # resorption of a calcific deposit is its resolution; partial or near
    # complete resorption leaves it there
    ("Interval resorption of the calcific deposit in the supraspinatus tendon.", {"negated", "historical"}),
    ("Complete resorption of the supraspinatus calcification.", {"negated", "historical"}),
    ("Near complete resorption of the supraspinatus calcification.", set()),
    ("Partial resorption of the calcific deposit.", set()),
    # gone now: a longer denial keeps the past ('no longer', 'not seen today')
    ("There is no longer any calcification in the spleen.", {"negated", "historical"}),
    ("There are no longer calcified nodes in the left axilla.", {"negated", "historical"}),
    ("The calcified granuloma noted on the prior film is not seen today.", {"negated", "historical"}),
    # uncertain
    ("Possible small calcification in the right kidney.", {"uncertain"}),
    ("Questionable calcification in the spleen.", {"uncertain"}),
    ("Probable calcified granuloma.", {"uncertain"}),
    ("This may represent a calcified granuloma.", {"uncertain"}),
    ("Dense rim at the margin; calcification is still possible.", {"uncertain"}),
    # historical vs present
    ("History of calcific tendinitis.", {"historical"}),
    ("Known calcified granuloma in the LUL, unchanged.", set()),
    ("Stable calcified granuloma.", set()),
    ("Calcified granuloma, unchanged compared to prior.", set()),
    ("Calcified granuloma is again seen.", set()),
    ("Redemonstrated coronary artery calcifications.", set()),
    # seen before, nothing saying it is gone: present now
    ("The previously seen calcified granuloma in the right upper lobe.", set()),
    ("Previously noted calcified granuloma in the right upper lobe.", set()),
    ("Calcified granuloma in the right upper lobe as described previously.", set()),
    ("Calcified granuloma, also seen on the prior exam.", set()),
    # 'prior' that dates a procedure or an injury dates no deposit seen now
    ("Previous excision with dystrophic calcification along the incision.", set()),
    ("Prior stereotactic biopsy, marker clip beside residual calcifications.", set()),
    ("Prior calcification in the spleen, no longer seen.", {"negated", "historical"}),
    # a calcification the patient had removed at an earlier operation is a past state
    ("In 2015 he had excision of a calcified cyst from the scalp.", {"historical"}),
    ("She had a left breast lumpectomy in 2012 for a calcified papilloma.", {"historical"}),
    ("He underwent resection of a calcified mass of the forearm years before.", {"historical"}),
    # the removal named without a past operation, or a deposit beside the scar, is seen now
    ("Excision of a calcified mass from the left shoulder.", set()),
    ("She had a lumpectomy; dystrophic calcifications line the scar.", set()),
    ("She had a lumpectomy with dystrophic calcifications now along the scar.", set()),
    # removed at an earlier operation its words make the patient's own or date
    ("The graft clotted; at its revision a calcified plaque was removed from the vein.", {"historical"}),
    ("During her previous operation a calcified node was excised from the neck.", {"historical"}),
    # the operation a note reports is 'the operation', seen now
    ("At the operation a calcified plaque was excised from the artery.", set()),
    ("During the endarterectomy a calcified plaque was removed.", set()),
    # a 'not' before a verb that takes the calcifications as given denies nothing
    ("The pathology report does not explain these calcifications.", set()),
    ("The calcifications were not adequately sampled at biopsy.", set()),
    # a past marker of another kind still dates it
    ("History of calcific tendinitis, previously treated.", {"historical"}),
    ("Previously described splenic calcification is no longer seen.", {"negated", "historical"}),
    # 'the prior' after 'since' or 'from' is the comparison study: no past state
    ("Nodular densities in the right lung, new since the prior, in keeping with calcification.", set()),
    ("Echogenic foci in the left kidney, different from the prior, consistent with calcification.", set()),
    # hypothetical and family
    ("R/O calcification.", {"hypothetical"}),
    # not confirmed or not well seen on one view: hedged, not denied
    ("Possible calcified granuloma, not confirmed on the lateral view.", {"uncertain"}),
    ("Calcified granuloma, not well seen on the lateral view.", set()),
    # an evaluation the report calls limited was made: it asks nothing
    ("Nondiagnostic evaluation of the LAD due to dense calcification.", set()),
    ("Evaluation of the proximal LAD is limited due to heavy calcification.", set()),
    ("Evaluation of coronary calcification.", {"hypothetical"}),
    ("Rule out nephrocalcinosis.", {"hypothetical"}),
    ("Recommend mammogram if calcifications develop.", {"hypothetical"}),
    ("Family history of coronary artery calcification.", {"family"}),
    ("Mother had breast calcifications.", {"family"}),
    # on a pregnancy scan 'maternal' names the patient's own organs, not a relative's
    ("Twin gestation. Maternal 4 cm subserosal fibroid with coarse calcification.", set()),
    ("Fetal anatomy normal. Calcification in the maternal left ovary.", set()),
    ("Maternal aunt with pelvic calcifications.", {"family"}),
    # the parents or the family told or reassured of the patient's finding
    # are whom the note speaks to, not whose finding it is; one relative told
    # of "she had" is the relative's
    ("Parents told that the small left neck calcification is benign.", set()),
    ("The parents were reassured that the calcified node needs no treatment.", set()),
    ("Family informed the calcified granuloma is old and harmless.", set()),
    ("Her mother was told she had breast calcifications.", {"family"}),
    # a relative clause is about the relative
    (
        "Family history of coronary disease in his father, whose coronary calcium score was 420.",
        {"family"},
    ),
]


# a short-scope forward modifier reaches a mention whose site and side words
# stand between it and the mention's own word: those words are its phrase
PHRASE_SCOPE_CASES = [
    ("Resolved left axillary nodal calcification.", {"negated", "historical"}),
    ("Resolved mitral annular calcification.", {"negated", "historical"}),
    ("Resolved right renal hilar calcification.", {"negated", "historical"}),
    # the scope still ends before another noun's words
    ("Resolved abscess with calcification.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PHRASE_SCOPE_CASES)
def test_short_scope_reaches_the_mention_phrase(only, text, expected):
    assert flags(only(text)) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_modifiers(only, text, expected):
    assert flags(only(text)) == expected


# ---- regressions for the defaults docs/guide.md (pitfalls) lists as wrong for radiology ----


def test_cannot_exclude_is_uncertain_not_negated(only):
    assert flags(only("Cannot exclude a small calcification.")) == {"uncertain"}


def test_cannot_be_excluded_is_uncertain(only):
    assert flags(only("A small calcification cannot be excluded.")) == {"uncertain"}


# A hedge closing the clause after a comma, or as its predicate, hedges the
# finding's presence; 'indeterminate' closing it judges its nature only.
TRAILING_HEDGES = [
    ("Coronary calcification, cannot exclude.", {"uncertain"}),
    ("Coronary artery calcification, questionable.", {"uncertain"}),
    ("Mild aortic valve calcification is equivocal.", {"uncertain"}),
    ("Calcified plaque at the left carotid bulb, not excluded.", {"uncertain"}),
    ("Upper pole left renal calcification, indeterminate.", set()),
    ("Coronary calcification, questionable significance.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TRAILING_HEDGES)
def test_a_hedge_closing_the_clause_hedges_the_finding(only, text, expected):
    assert flags(only(text)) == expected


# 'suspected' or 'questioned' right after the mention, with no verb, hedges its
# presence as 'is suspected' does; one opening a phrase of its own, or going on
# to what the finding is, does not reach it.
PARTICIPLE_HEDGES = [
    ("Calcified granuloma suspected in the right lower lobe; recommend CT.", {"uncertain"}),
    ("Calcified granuloma suspected, right lower lobe.", {"uncertain"}),
    ("Calcified left hilar node questioned.", {"uncertain"}),
    ("Calcified nodule suspected to represent a hamartoma.", set()),
    ("Calcified granulomas, no malignancy suspected.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPLE_HEDGES)
def test_a_participle_after_the_mention_hedges_it(only, text, expected):
    assert flags(only(text)) == expected


def test_a_leading_suspected_still_hedges_its_condition(analyzer):
    r = analyzer.analyze(
        "ASSESSMENT: Suspected calciphylaxis of both thighs. Calcified vessels.", "T"
    )
    assert "calciphylaxis" not in [c.name for c in r.conditions]


def test_no_new_is_not_negation(only):
    assert flags(only("No new calcification.")) == set()


def test_no_increase_in_is_not_negation(only):
    assert flags(only("No increase in the calcified nodes.")) == set()


def test_versus_is_uncertain(only):
    assert flags(only("Hyperdense focus, calcification versus hemorrhage.")) == {
        "uncertain"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Echogenic focus at the lower pole, 3 mm, without shadowing, possibly a "
        "small calculus versus vascular calcification.",
        "Echogenic focus in the upper pole, without shadowing, stone versus "
        "vascular calcification.",
    ],
)
def test_denial_of_another_thing_keeps_the_readings_hedged(only, text):
    # 'without shadowing' denies the shadowing, not the calcification: the
    # differential after it still hedges the finding (guide §2 uncertain)
    assert flags(only(text)) == {"uncertain"}


def test_denial_of_the_readings_takes_the_hedge_away(only):
    # guard: a denied list of two things is no differential
    assert flags(only("No calcification or stone in the left kidney.")) == {"negated"}


def test_may_represent_is_uncertain(only):
    assert flags(only("Echogenic focus may represent a calcification.")) == {
        "uncertain"
    }


def test_probable_is_uncertain(only):
    assert flags(only("Probable calcification.")) == {"uncertain"}


def test_questionable_is_uncertain(only):
    assert flags(only("Questionable calcification.")) == {"uncertain"}


def test_is_not_seen_is_negated(only):
    assert flags(only("Pericardial calcification is not seen.")) == {"negated"}


def test_is_absent_is_negated(only):
    assert flags(only("Vascular calcification is absent.")) == {"negated"}


def test_evaluate_for_is_hypothetical_not_negated(only):
    assert flags(only("Evaluate for calcification.")) == {"hypothetical"}


def test_header_colon_negation(findings_of):
    # medspaCy #155: negation lost after a header colon.
    (f,) = findings_of("FINDINGS: No calcification.")
    assert f.negated and f.section == "findings"


def test_header_colon_negation_without_space(findings_of):
    (f,) = findings_of("IMPRESSION:No calcifications.")
    assert f.negated and f.section == "impression"


def test_is_negative_for_scope(findings_of):
    # medspaCy #232: "is negative for" scope bug.
    found = findings_of(
        "The study is negative for calcification. Calcified granuloma in the RUL."
    )
    assert [(f.mention, f.negated) for f in found] == [
        ("calcification", True),
        ("Calcified granuloma", False),
    ]


def test_negation_stops_at_sentence(findings_of):
    found = findings_of("No pleural calcification.\nCalcified granuloma in the RUL.")
    assert [f.negated for f in found] == [True, False]


def test_negation_stops_at_but(findings_of):
    found = findings_of(
        "No renal calcification but coronary artery calcifications are present."
    )
    assert [f.negated for f in found] == [True, False]


def test_clinical_question_is_hypothetical(findings_of):
    (f,) = findings_of("Indication: evaluate for calcification.\nFindings: Normal.")
    assert f.hypothetical and not f.negated and f.section == "indication"


def test_question_mark_in_indication_is_hypothetical(findings_of):
    (f,) = findings_of("INDICATION: ? calcification\nFINDINGS: Normal chest.")
    assert f.hypothetical and not f.uncertain


def test_history_statement_is_not_hypothetical(findings_of):
    (f,) = findings_of("HISTORY: ESRD with known calciphylaxis of the thighs.")
    assert not f.hypothetical


def test_risks_of_rule_can_fire_or_is_absent(rules):
    # docs/guide.md, pitfalls: the default rule "risks of" can never fire. Our rules must not carry it.
    assert not any(r["literal"].lower() == "risks of" for r in rules.context_rules)


def test_no_default_context_rules_loaded(rules):
    ids = [r["metadata"]["id"] for r in rules.context_rules]
    assert ids and all(i.startswith("C-") for i in ids)


# ---- scope on report wording: modals and adverbs, list items, evaluations ----

SCOPE_CASES = [
    # 'cannot exclude' with another modal or an adverb between is a hedge,
    # not a denial and not a question
    ("Could not exclude a tiny calcification.", {"uncertain"}),
    ("We cannot fully rule out a calcified node.", {"uncertain"}),
    ("Can't rule out calcification in the wall.", {"uncertain"}),
    ("Cannot definitely exclude calcification of the valve.", {"uncertain"}),
    # a hedge word opening a list item hedges that item; the denial before
    # the comma does not reach it
    ("No adenopathy, questionable calcified node in the hilum.", {"uncertain"}),
    ("Negative for effusion, probable calcified granuloma at the base.", {"uncertain"}),
    # a forward hedge ends where a list item states a finding of its own
    ("Probable scarring, several calcified granulomas.", set()),
    ("Possible small effusion, stable calcified node in the hilum.", set()),
    ("Possible effusion, scarring, or calcification at the base.", {"uncertain"}),
    # an 'and' opening an item with a number or severity word ends a denial
    ("CT showed edema without necrosis and numerous coarse calcifications.", set()),
    ("No stenosis and moderate calcification of the valve.", set()),
    ("No mass and calcification.", {"negated"}),
    # a question's result given by a participle answers it
    (
        "To rule out a fracture, a film was taken, revealing tendon calcification.",
        set(),
    ),
    # not seen before: new, so present now
    ("Fine calcifications in the duct that were not seen before.", set()),
    # seen less clearly is seen
    ("The calcified node is not seen as well on the current study.", set()),
    ("The calcified node is not visualized as clearly as before.", set()),
    ("The calcified node is not seen, as well as no effusion.", {"negated"}),
    # what is evaluated was seen; what it is evaluated for is asked
    ("Ultrasound to evaluate the pelvic calcification.", set()),
    ("Further evaluation of the calcified nodule is advised.", set()),
    ("Spot views for further evaluation of calcifications in the left breast.", set()),
    ("CT for further evaluation of possible calcification.", {"uncertain"}),
    ("Ultrasound to evaluate the kidneys for nephrocalcinosis.", {"hypothetical"}),
    ("Follow-up for the calcified node in one year.", set()),
    ("Follow-up for calcification of the graft.", {"hypothetical"}),
    ("Evaluate for pleural calcification.", {"hypothetical"}),
    # in capitals 'cannot' and 'can't' are one token: still a hedge
    ("CANNOT EXCLUDE A SMALL CALCIFICATION.", {"uncertain"}),
    ("CAN'T RULE OUT A CALCIFIED NODE.", {"uncertain"}),
    ("A SMALL CALCIFICATION CANNOT BE EXCLUDED.", {"uncertain"}),
    ("CALCIFIED NODE CANNOT BE RULED OUT.", {"uncertain"}),
    # 'besides' ends a denial, like 'except'
    ("No significant abnormality besides aortic calcification.", set()),
    # the purpose of a treatment, and a list of risks, are not findings
    ("Phosphate binders to prevent vascular calcification.", {"hypothetical"}),
    ("Risks include calcification of the graft.", {"hypothetical"}),
    ("Dense calcification prevents assessment of the lumen.", set()),
    ("We will monitor for vascular calcification.", {"hypothetical"}),
    ("Watch for calciphylaxis on dialysis.", {"hypothetical"}),
    ("Calcified nodule; monitor for growth.", set()),
    ("The band was placed to avoid the calcified segment.", set()),
    # a removal dated to a year, the participle alone or after the purpose
    ("Left breast calcifications, excised in 2016, benign.", {"historical"}),
    ("The right hilar node, calcified on CT, was removed for biopsy in XXXX.", {"historical"}),
    ("A calcified plaque was excised in one piece.", set()),
    # a removal the present perfect reports is a state now: taken out
    ("The previously seen grouped calcifications at 4 o'clock have been removed by stereotactic biopsy.", {"historical"}),
    ("Left breast calcifications have been completely excised.", {"historical"}),
    ("The calcified node has been resected.", {"historical"}),
    # another thing's removal next to a calcification leaves it present
    ("Coarse calcifications stable; the biopsy marker clip has been removed.", set()),
    ("Aortic calcification. The chest tube has been removed.", set()),
    # what is avoided is a procedure on the calcified structure, which is there
    ("Grafts were taken off the mammary to avoid any clamp on the calcified aorta.", set()),
    ("The cannula went in distally, avoiding manipulation of the calcified arch.", set()),
    ("Statins to avoid any further calcification.", {"hypothetical"}),
    # a TERMINATE inside a short-scoped modifier's window ends it there
    ("The aortic valve is not stenotic but is calcified.", set()),
    ("The graft is not occluded but is calcified along its course.", set()),
    ("The aortic valve is not calcified.", {"negated"}),
    # a denied list closed with 'or' ends before the next comma item
    ("No consolidation, effusion or pneumothorax, calcified node in the hilum.", set()),
    ("No effusion or pneumothorax, calcified granuloma at the apex.", set()),
    ("No effusion or pneumothorax, or calcification.", {"negated"}),
    # a shadow or a vessel seen end on as the other reading of a density
    ("Round density, nipple shadow or calcified granuloma.", {"uncertain"}),
    ("Small dot, a vessel seen end on or a calcified granuloma.", {"uncertain"}),
    ("No nipple shadow or calcification.", {"negated"}),
    # a numbered item inside a line ends the one before it
    ("IMPRESSION: 1) No acute disease 2) Calcified granuloma", set()),
    ("1) Possible infiltrate 2) Calcified node in the hilum", set()),
    ("1) No calcified node 2) Normal heart", {"negated"}),
]


@pytest.mark.parametrize(("text", "expected"), SCOPE_CASES)
def test_scope_on_report_wording(only, text, expected):
    assert flags(only(text)) == expected


# 'as there was', 'since there is', 'because there are' open a clause that
# gives a reason: a finding seen, not the thing asked about before it
# (guide §2: a modifier governs its own clause).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Angiogram to exclude an aneurysm, as there was heavy plaque calcification of the iliac arteries.", set()),
        ("Rule out a fracture, since there are calcifications in the soft tissues of the arm.", set()),
        ("Evaluate for a mass because there is coarse calcification in the left breast.", set()),
        ("Evaluate for calcification as there is concern for stones.", {"hypothetical"}),
        ("No calcification is seen, as there was motion on the views.", {"negated"}),
    ],
)
def test_reason_clause_ends_a_question(only, text, expected):
    assert flags(only(text)) == expected


# An export that joined its lines with commas writes a line break as a comma
# with no space after it: what the line before denies, hedges or gives a
# relative stops there (guide §2: a modifier governs its own clause).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HISTORY: , Smoker, family history,Agatston score 40 today.", set()),
        ("HISTORY: , No prior surgery,Calcified granuloma in the right upper lobe.", set()),
        ("Lungs: no effusion,Calcified node in the left hilum.", set()),
        ("HISTORY: , No recent surgery, calcified granuloma in the right upper lobe.", {"negated"}),
        ("Stable.,No suspicious cluster of microcalcifications is seen.", {"negated"}),
    ],
)
def test_comma_joined_line_ends_a_modifier(only, text, expected):
    assert flags(only(text)) == expected


# A comma with no space before a word in lower case is a typed list that left
# out its space, not a joined line: it reads as the same list with ', '.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No effusion,calcified nodule at the right base.", {"negated"}),
        ("No pneumothorax,calcified granuloma in the left apex.", {"negated"}),
        ("Possible effusion,calcified node in the right hilum.", {"uncertain"}),
        ("No effusion,Calcified nodule at the right base.", set()),
        ("No effusion,calcified granulomas are seen in the left apex.", set()),
        ("No effusion,mild aortic calcification.", set()),
    ],
)
def test_comma_without_space_before_lower_case_goes_on_the_list(
    only, text, expected
):
    assert flags(only(text)) == expected


# ... but a report written without capitals (a lower-cased export) cannot
# tell the two by case: there the comma with no space is the joined line.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("history: , smoker, family history,agatston score 40 today.", set()),
        ("history: , no prior surgery,calcified granuloma in the right upper lobe.", set()),
        ("history: , no recent surgery, calcified granuloma in the right upper lobe.", {"negated"}),
    ],
)
def test_comma_joined_line_ends_a_modifier_in_a_lower_cased_report(only, text, expected):
    assert flags(only(text)) == expected


# A hedge after the finding whose subject is another noun, parted from the
# finding by a clause break, hedges that noun only; a place, or two findings
# joined at once by 'and', leave the hedge on the finding.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Calcified plaque in the mid RCA and a tight stenosis cannot be excluded.", set()),
        ("Calcified plaque in the mid RCA with an occlusion that cannot be excluded.", set()),
        ("Dense calcified plaque in the left main (significant narrowing is not excluded).", set()),
        ("Calcified plaque of the right carotid bulb: ulceration cannot be ruled out.", set()),
        ("Calcified plaque in the mid RCA but thrombus is suspected.", set()),
        ("Calcified plaque of the distal LAD - a high grade stenosis is suspected.", set()),
        ("Calcification in the well-defined nodule cannot be excluded.", {"uncertain"}),
        ("Calcification in the LAD and RCA cannot be excluded.", {"uncertain"}),
        ("Calcification within the nodule cannot be excluded.", {"uncertain"}),
        ("Calcification and stenosis cannot be excluded.", {"uncertain"}),
        # an 'and' right after the finding opens the next clause when a verb
        # stated the finding's clause before it
        ("There is calcified plaque and a tight stenosis cannot be excluded.", set()),
        ("The LAD shows dense calcification and occlusion can not be excluded.", set()),
        ("There is narrowing beyond the calcific plaque and thrombus cannot be ruled out.", set()),
        ("The annulus is calcified and a small vegetation is not excluded.", set()),
        ("Calcified plaque and thrombus cannot be ruled out.", {"uncertain"}),
    ],
)
def test_hedge_of_a_later_noun_misses_the_finding(only, text, expected):
    assert flags(only(text)) == expected


# A denied or hedged list closed by 'or' ends at the comma: the item after it
# is stated, and so are the words of that item after its mention (the cue in
# the mention's own name, its place, the cause named after it).
CLOSED_LIST_ITEM_CASES = [
    (
        "Negative for infiltrate or effusion, calcified granuloma in the left apex.",
        {"classification": "dystrophic", "site": "lung", "laterality": "left"},
    ),
    (
        "No pneumothorax or pleural effusion, calcified granuloma right lower lobe.",
        {"classification": "dystrophic", "site": "lung", "laterality": "right"},
    ),
    (
        "LUNGS:, Negative for masses or nodules, calcified granuloma at the left base.",
        {"classification": "dystrophic", "laterality": "left"},
    ),
    (
        "No edema or effusion, calcified granulomas throughout the right lung.",
        {"negated": False, "classification": "dystrophic", "laterality": "right"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLOSED_LIST_ITEM_CASES)
def test_item_after_a_closed_denial_list_is_stated_with_its_words(only, text, expected):
    f = only(text)
    assert {k: getattr(f, k) for k in expected} == expected


def test_cause_named_after_an_item_of_a_closed_list_is_asserted(analyzer):
    result = analyzer.analyze(
        "No effusion or pneumothorax, calcified hilar nodes from prior tuberculosis.", "T"
    )
    assert "tuberculosis" in {c.name for c in result.conditions}


def test_clause_checks_asked_by_category_miss_none_that_drops():
    """`_Clauses.drops` asks only the checks listed for the modifier's
    category (`_CHECKS_OF`), and of those the ones its rule's direction and
    metadata let through (`_asked`): every check left out must drop nothing
    of such a modifier, whatever its place, and every check must be listed
    somewhere (a check added to `_Clauses` but not to the table would never
    be asked)."""
    import inspect
    from itertools import product
    from types import SimpleNamespace

    from calc_nlp.stages import modifiers as mo
    from calc_nlp.stages.context_blocks import Target

    words = (
        "no effusion , and calcified nodes and possibly scarring are seen , "
        "stable ; ? prior lumpectomy for calcifications without masses versus "
        "cysts ; calcified right hilar versus mediastinal nodes ; no stenosis "
        "at the calcified plaque ; hx diabetes and calcified vessels"
    ).split()
    starts = [i == 0 for i in range(len(words))]
    clause = mo._Clauses(words, starts, frozenset({"are", "is", "seen"}))
    clause.findings = [4, 18, 24, 35, 41]
    clause.conditions = frozenset({8, 16, 20, 39})
    clause.states = frozenset({20})  # as if 'cysts' were measured ('hypercalcemia')
    clause.patients = frozenset({"versus"})  # as if 'masses versus' were 'masses patient'
    clause.procedure_ends = frozenset({17})
    clause.openers = frozenset({"stable"})
    clause.results = frozenset({"seen"})
    clause.bare = frozenset({"calcified"})
    clause.heads = frozenset({"nodes", "masses", "cysts"})
    clause.negations = (("without",),)
    clause.history_starts = frozenset({14})  # as if '?' were 'hx of'
    clause.known = frozenset({"the"})  # 'at the calcified plaque': named as known
    # as if 'effusion , and' were 'seizures , likely secondary to'
    clause.clinical_events = frozenset({"effusion"})
    clause.cause_links = frozenset({"and"})
    clause._index()
    checks = {
        f
        for name, f in vars(mo._Clauses).items()
        if inspect.isfunction(f)
        and not name.startswith("_")
        and list(inspect.signature(f).parameters) == ["self", "target", "mod"]
        and name != "drops"
    }
    listed = set(mo._ANY_CATEGORY_CHECKS).union(*mo._CHECKS_OF.values())
    assert checks == listed
    assert set(mo._ASKS) == checks  # each check says what rules it needs
    categories = [*mo._CHECKS_OF, "FAMILY", "TERMINATE", "PSEUDO", "PRESENT"]
    directions = ["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]
    metadata = [
        None,
        {"alternative": True},
        {"same_phrase": True},
        {"procedures_only": True},
        {"plans_up_to_comma": True},
        {"condition_up_to_comma": True},
        {"findings_after_only": ["a"]},
        {"dates_up_to_comma": True},
        {"evaluates_a_state": True},
    ]
    spans = [
        *((0, 1), (2, 3), (7, 8), (14, 15), (15, 16), (19, 20), (21, 22), (27, 28)),
        *((31, 32), (33, 34), (38, 39)),
    ]
    targets = [
        Target(4, 6, "CALCIFICATION"),
        Target(8, 9, "CONDITION"),
        Target(18, 19, "CALCIFICATION"),
        Target(20, 21, "CONDITION"),
        Target(24, 25, "CALCIFICATION"),
        Target(35, 37, "CALCIFICATION"),
        Target(41, 43, "CALCIFICATION"),
    ]
    denial = SimpleNamespace(direction="FORWARD", metadata=None, max_scope=None)
    for target in targets:
        # a denial right before the target, which no check takes away
        target.modifiers = (
            SimpleNamespace(
                category="NEGATED_EXISTENCE",
                direction="FORWARD",
                rule=denial,
                modifier_span=(target.start - 1, target.start),
            ),
        )
    dropped = set()  # the checks that drop a modifier of their own categories here
    for cat, way, md, span, target in product(
        categories, directions, metadata, spans, targets
    ):
        rule = SimpleNamespace(direction=way, metadata=md, max_scope=None)
        mod = SimpleNamespace(
            category=cat, direction=way, rule=rule, modifier_span=span
        )
        own = mo._CHECKS_OF.get(cat, mo._ANY_CATEGORY_CHECKS)
        asked = mo._asked(mod)  # those the rule's direction and metadata let through
        for check in checks:
            if check(clause, target, mod):
                assert check in own, (check.__name__, cat, way, md, span)
                assert check in asked, (check.__name__, cat, way, md, span)
                dropped.add(check)
    assert dropped == checks  # each check drops something somewhere: the test can fail


# 'the differential for the calcifications includes X' hedges the cause of a
# calcification that was seen, not its presence (guide §2, uncertain: a hedge
# on its cause or nature does not make it uncertain); what the differential
# lists stays hedged and records no condition (guide §3).
DIFFERENTIAL_FOR = [
    "HISTORY: The differential for these hepatic calcifications includes old TB or histoplasmosis.",
    "ASSESSMENT: Differential of the splenic calcifications includes prior granulomatous infection.",
]


@pytest.mark.parametrize("text", DIFFERENTIAL_FOR)
def test_differential_for_the_calcification(analyzer, text):
    r = analyzer.analyze(text, "T")
    assert [f.uncertain for f in r.findings] == [False]
    assert list(r.conditions) == []


def test_differential_listing_a_calcification_still_hedges(analyzer):
    r = analyzer.analyze("The differential for the mass includes calcified thrombus.", "T")
    assert [f.uncertain for f in r.findings] == [True]


# 'not present in 2019' names an earlier study by its year: the deposit is
# new, not denied (guide §2, negated: only a denial of the finding now); a
# number that is no year is left to the negation rules.
NOT_IN_YEAR = [
    ("Right hip: a 9 mm calcific focus at the gluteus medius insertion, not present in 2019.", False),
    ("Calcified granuloma in the left apex, not seen on 2018 films.", False),
    ("Coarse calcification of the splenic artery, not visible in 2020.", False),
    ("Calcification is not seen in 2 views.", True),
    ("Punctate calcification in the right testis, not seen on the 2019 ultrasound.", False),
    ("The splenic artery calcification was not visible on the 2017 CT.", False),
]


@pytest.mark.parametrize(("text", "negated"), NOT_IN_YEAR)
def test_not_present_in_a_year(analyzer, text, negated):
    got = [f.negated for f in analyzer.analyze(text, "T").findings]
    assert got == [negated]


# corpora/GUIDE.md uncertain: "A hedge on its cause or nature ('likely
# benign', 'probably dystrophic') does not make it uncertain." A hedge saying
# the likelier reading ('likely', 'probably', 'favored') after a comma that
# follows a stated calcification, or before the verb it is the subject of,
# reads what that calcification is: the finding it leads to is not
# uncertain. A reading of a hedged calcification, of something not yet
# called calcified, or of another thing 'and' or 'with' adds keeps its hedge.
READING_OF_A_STATED_CALCIFICATION = [
    ("Coarse calcifications in the left hemipelvis, likely phleboliths.", "phleboliths", False),
    ("Dense calcification over the right shoulder, favored to be calcific tendinitis.", "calcific tendinitis", False),
    ("Fluffy calcifications in both lung apices, probably metastatic calcification.", "metastatic calcification", False),
    ("Possible calcification in the right lung, likely a calcified granuloma.", "calcified granuloma", True),
    ("Nodular density in the liver, likely a calcified granuloma.", "calcified granuloma", True),
    ("Rim calcification in a fibroid, and a 5 mm bright focus in the left ovary, probably a calcification.", "calcification", True),
    # the hedge may lead the verb whose subject the stated calcification is
    ("The punctate calcifications seen on ultrasound likely represent medullary nephrocalcinosis.", "medullary nephrocalcinosis", False),
    ("The echogenic foci in the left kidney likely represent calcifications.", "calcifications", True),
    ("Calcified granuloma in the right upper lobe with a nodule that likely represents a calcified lymph node.", "calcified lymph node", True),
]


@pytest.mark.parametrize(("text", "mention", "uncertain"), READING_OF_A_STATED_CALCIFICATION)
def test_a_likelier_reading_of_a_stated_calcification(findings_of, text, mention, uncertain):
    found = [f for f in findings_of(text) if f.mention == mention]
    assert [f.uncertain for f in found][-1:] == [uncertain]


def test_negation_stops_before_a_sized_item_after_a_comma(findings_of):
    found = findings_of(
        "The scan showed atelectasis of the left base without effusion or "
        "pneumothorax, a 6 mm calcified nodule in the lingula and calcified "
        "right hilar nodes."
    )
    assert [(f.mention, f.negated) for f in found] == [
        ("calcified nodule", False),
        ("calcified right hilar nodes", False),
    ]


def test_a_denied_list_with_an_unsized_item_stays_denied(findings_of):
    found = findings_of("Without effusion, a mass or calcified nodes.")
    assert [f.negated for f in found] == [True]


# A condition that opens its sentence ends at its comma: the main clause after
# it asserts its finding (guide §2: hypothetical is asked or conditional,
# 'if calcification develops'); a finding inside the condition stays asked.
CONDITION_THEN_MAIN_CLAUSE = [
    ("If the biopsy is benign, the calcified nodule needs no further imaging.", set()),
    ("PLAN: If symptoms persist, the subacromial calcific deposit will be aspirated.", set()),
    ("If calcification develops, repeat the radiograph.", {"hypothetical"}),
    ("Repeat the radiograph if calcification develops in the mass.", {"hypothetical"}),
]


@pytest.mark.parametrize(("text", "expected"), CONDITION_THEN_MAIN_CLAUSE)
def test_condition_ends_at_its_comma(only, text, expected):
    f = only(text)
    assert {k for k in FLAGS if getattr(f, k)} == expected


# A change word closing the finding's sentence after a comma grades it, with
# the time or event it came with after it ('..., resolved after lavage in
# 2015'); 'resolved' denies it and dates it past (corpora/GUIDE.md negated:
# 'resolved'; historical: only a past state not seen now). A noun right after
# the word is another item's.
DENIAL_WITH_ITS_OWN_PHRASE = [
    ("Calcific tendinitis of the left shoulder, resolved after lavage in 2015.", {"negated", "historical"}, "resolved"),
    ("Calcified bursitis of the right hip, resolved following a steroid injection.", {"negated", "historical"}, "resolved"),
    ("Soft tissue calcinosis of the left forearm, resolved during treatment.", {"negated", "historical"}, "resolved"),
    ("Vascular calcification of the right leg, increased during dialysis.", set(), "increased"),
    # guard: a noun right after the word is an item of its own
    ("Calcific tendinitis of the right shoulder, resolved pain.", set(), ""),
]


@pytest.mark.parametrize(("text", "expected", "change"), DENIAL_WITH_ITS_OWN_PHRASE)
def test_a_closing_change_with_its_own_phrase(only, text, expected, change):
    f = only(text)
    assert ({k for k in FLAGS if getattr(f, k)}, f.change) == (expected, change)


# A test a clinical note's plan says will be done names what is to be looked
# for, not what was seen (guide §2, hypothetical: raised as a possibility to
# look for, not observed; the dev gold's planned 'CT for the aortic valve
# calcium score' is hypothetical). What was done is still seen.
PLANNED_TEST = [
    ("Will obtain coronary calcium score.", {"hypothetical"}),
    ("We will order a coronary artery calcium score for risk stratification.", {"hypothetical"}),
    ("She'll repeat the calcium score in five years.", {"hypothetical"}),
    ("Will also request a repeat calcium score next year.", {"hypothetical"}),
    # guard: a test that was done reports what it showed
    ("We obtained a coronary calcium score of 240.", set()),
    # a test the report recommends, named right after the verb, is to do too
    ("Recommend coronary calcium score.", {"hypothetical"}),
    ("Recommend obtaining a calcium score for risk stratification.", {"hypothetical"}),
    ("Recommend a non-contrast cardiac calcium score.", {"hypothetical"}),
    ("Plan: statin for the coronary artery calcification.", set()),
    # a plan's label before a finding restates what the plan is for
    ("PLAN: Calcinosis cutis of the right ring finger; excise.", set()),
    # guard: a calcification the recommendation is about is seen
    ("Recommend biopsy of the calcifications.", set()),
    ("Recommend ultrasound of the calcified thyroid nodule.", set()),
    ("Recommend the calcified granuloma be followed.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PLANNED_TEST)
def test_a_test_planned_is_hypothetical(only, text, expected):
    assert flags(only(text)) == expected


def test_a_condition_after_a_planned_test_stays_asserted(analyzer):
    r = analyzer.analyze(
        "Calcified plaque of the aorta. Will obtain a renal ultrasound given his ESRD.", "T"
    )
    assert "chronic kidney disease" in [c.name for c in r.conditions]


# A question mark that closes its line asks about the whole phrase it ends,
# the finding with its place words (corpora/GUIDE.md: '? calcification' in
# the indication is hypothetical; guide §2: uncertain elsewhere); a comma,
# a 'with' or another finding before it keeps it off the finding.
QUESTION_CLOSING_THE_PHRASE = [
    ("Clinical question: calcification in basal ganglia?\nFINDINGS: Normal.", "hypothetical"),
    ("INDICATION: Calcified granuloma in the right lung?\nFINDINGS: Clear lungs.", "hypothetical"),
    ("Is there calcification of the aortic valve?", "uncertain"),
    # not across a comma or a 'with', nor when the mark does not close its line
    ("Calcified granuloma in the right lung, new nodule?", ""),
    ("Calcified node in the left hilum with a new mass?", ""),
    ("Calcified granuloma in the right lung ? nodule next to it.", ""),
]


@pytest.mark.parametrize(("text", "flag"), QUESTION_CLOSING_THE_PHRASE)
def test_a_question_closing_its_line_asks_about_the_phrase(only, text, flag):
    f = only(text)
    got = [n for n in ("uncertain", "hypothetical") if getattr(f, n)]
    assert got == ([flag] if flag else [])


# A technique or limitation line on what the modality can show speaks of the
# method, not of a deposit in this patient (guide §2: hypothetical, raised
# but not observed); a line that compares views or studies of calcifications
# that are there keeps them present.
MODALITY_LIMITS = [
    ("Ultrasound is not sensitive for the detection of microcalcifications.", True),
    ("Note: breast MRI is insensitive to calcifications; correlate with mammography.", True),
    ("MRI does not reliably demonstrate microcalcifications.", True),
    ("Ultrasound is limited in the detection of microcalcifications.", True),
    # guards: calcifications seen on another view or study
    ("The calcifications are better seen on the CC view.", False),
    ("Targeted ultrasound does not demonstrate a sonographic correlate for the calcifications.", False),
]


@pytest.mark.parametrize(("text", "hypothetical"), MODALITY_LIMITS)
def test_a_modality_limit_is_hypothetical(only, text, hypothetical):
    f = only(text)
    assert (f.hypothetical, f.negated) == (hypothetical, False)


# An export's 'QUESTION:' line is the clinical question (corpora/GUIDE.md:
# '? calcification' in the indication is hypothetical); the answer under it
# is stated.
def test_a_question_label_opens_the_indication(findings_of):
    asked, answer = findings_of(
        "QUESTION: ?renal calcification\n"
        "ANSWER: Yes, punctate calcification in the left kidney."
    )
    assert (asked.section, asked.hypothetical, asked.uncertain) == ("indication", True, False)
    assert (answer.hypothetical, answer.uncertain, answer.laterality) == (False, False, "left")


# A patient's history ('history of', 'h/o') dates its own object; a comma or
# semicolon closes that object, and the clause after it says what is seen now
# (guide §2, historical: a deposit visible today is present). A finding in
# the object stays dated.
HISTORY_CLOSED_BY_COMMA = [
    ("Given the history of hypoparathyroidism, this may represent Fahr-type calcification.", False, "", ""),
    ("With a history of renal failure, the basal ganglia calcification is likely metastatic.", False, "basal ganglia", ""),
    ("H/o hyperparathyroidism, calcification of the left globus pallidus.", False, "basal ganglia", "left"),
    ("History of calcified granuloma in the right upper lobe, resected.", True, "lung", "right"),
]


@pytest.mark.parametrize(("text", "historical", "site", "side"), HISTORY_CLOSED_BY_COMMA)
def test_history_object_ends_at_its_comma(only, text, historical, site, side):
    f = only(text)
    assert (f.historical, f.site, f.laterality) == (historical, site, side)


# 'is likely metastatic', 'are probably idiopathic': a hedge on the nature or
# cause of a calcification seen, not on its presence (guide §2, uncertain),
# as 'is likely dystrophic' already is.
NATURE_HEDGES = [
    "The basal ganglia calcification is likely metastatic.",
    "The pallidal calcifications are probably idiopathic.",
    "The dural calcification is likely incidental.",
    "The calcification at the craniotomy site is likely postsurgical.",
]


@pytest.mark.parametrize("text", NATURE_HEDGES)
def test_hedge_on_the_nature_is_not_uncertain(only, text):
    assert only(text).uncertain is False


# guide §3: 'known' right before a condition states it; a hedge earlier in
# the sentence reads its link to the finding, not whether the patient has it
# (and with kidney disease recorded, rule 3 makes the vessel metastatic).
KNOWN_AFTER_A_HEDGE = [
    ("Calcinosis, likely related to the patient's known scleroderma.", "systemic sclerosis"),
    ("Calcinosis, likely due to known dermatomyositis.", "dermatomyositis"),
    ("Vascular calcifications, probably related to the patient's known ESRD.", "chronic kidney disease"),
]


@pytest.mark.parametrize(("text", "condition"), KNOWN_AFTER_A_HEDGE)
def test_known_condition_after_a_hedge_is_recorded(analyzer, text, condition):
    r = analyzer.analyze("IMPRESSION: " + text, "T")
    assert condition in [c.name for c in r.conditions]


def test_known_condition_makes_a_vessel_metastatic(analyzer):
    r = analyzer.analyze(
        "IMPRESSION: Vascular calcifications, likely related to the patient's known ESRD.", "T"
    )
    assert [f.classification for f in r.findings] == ["metastatic"]


def test_known_far_from_the_finding_keeps_its_hedge(analyzer):
    r = analyzer.analyze("Possible calcinosis in a patient with known scleroderma.", "T")
    assert [f.uncertain for f in r.findings] == [True]
    assert [c.name for c in r.conditions] == ["systemic sclerosis"]


# guide §2 (historical: only a past state): a time ago an 'after' or
# 'following' phrase gives dates that event, not the deposit that came of
# it; a deposit the time dates itself stays historical.
EVENT_AGO = [
    ("Calcified hematoma in the left thigh after a fall 2 years ago.", False),
    ("Myositis ossificans of the right thigh following an injury 3 months ago.", False),
    ("Calcified fibroid removed 5 years ago.", True),
]


@pytest.mark.parametrize(("text", "historical"), EVENT_AGO)
def test_a_time_ago_dates_the_event_after_names(only, text, historical):
    assert only(text).historical is historical


# A forward negation that denies another noun a place word puts at the
# calcification leaves the calcification affirmed: it is where the denied
# thing was looked for (guide §1). Not a list going on past the place word,
# not 'of', not when the denied noun is itself a calcification.
@pytest.mark.parametrize(
    "text, negated",
    [
        ("After stenting there was no residual stenosis at the treated calcified segment.", [False]),
        ("There is no significant narrowing in the calcified segment of the mid LAD.", [False]),
        ("No dissection was seen across the calcified lesion.", [False]),
        ("No foci of calcification in the kidneys.", [True]),
        ("No stones in the kidneys or calcification.", [True]),
        ("There is no calcification in the coronary arteries.", [True]),
        ("No hyperdensity; no calcification within it to suggest a calcified embolus.", [True, True]),
    ],
)
def test_denial_of_a_noun_placed_at_the_calcification(findings_of, text, negated):
    assert [f.negated for f in findings_of(text)] == negated
