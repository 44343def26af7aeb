"""Sites of the finding's own clause (guide §2 "Site and side from context",
step 2): the nearest site phrase of its sentence it can reach, a place
before a landmark, the head of site phrases written one after another.

Plain functions over the `ReportDoc`, used by `linking.link_site`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Span

from calc_nlp.stages.context_sites import another_list_item, asserted
from calc_nlp.stages.exam_sites import site_from_exam
from calc_nlp.stages.record import ReportDoc, SiteRef
from calc_nlp.stages.sides import reported_place, site_reach
from calc_nlp.stages.toolkit import Toolkit


def site_in_clause(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The nearest asserted site of the finding's sentence that it can reach,
    preferring sites after it ("granuloma in the RUL") and named sites over
    body regions."""
    reach = [
        (score, s)
        for s in rd.sentence_sites(f.start)
        if (score := site_reach(rd, f, s)) is not None
        and asserted(rd, s, f)
        and not another_list_item(rd, s, f)
        and not _set_apart(kit, rd, f, s)
    ]
    # A named site beats a body region in the same clause ('over the right
    # upper quadrant, within the liver'), a place beats a landmark ('lateral to
    # the left hilum'), and the exam's reading beats a landmark alone.
    reach = _clause_before_label(rd, f, reach)
    reach = _without_other_items_sites(rd, f, reach)
    reach = _without_reported_place(rd, f, reach)
    reach = _without_condition_names(kit, rd, f, reach)
    named = [x for x in reach if x[1].span.label_ == "SITE"]
    pool = named or reach
    # a joint or a joint's landmark placing heterotopic ossification or
    # calcinosis about it beats the other regions ('Knee film: ... adjacent
    # to the lateral femoral condyle': joint_place)
    joints = [x for x in pool if joint_place(kit, rd, f, x[1]) is not None]
    places = joints or [x for x in pool if not landmark(kit, rd, x[1])]
    if not places and pool and site_from_exam(kit, rd, f) is not None:
        return None
    pool = places or pool
    if not pool:
        return None
    found = min(pool, key=lambda x: x[0])[1]
    if found.span.end <= f.start:
        found = first_of_list(kit, rd, found, [s for _, s in pool])
    return (
        _owner_of_shared(kit, rd, found)
        or _owner_after_shared(kit, rd, found)
        or compound_head(kit, rd, found)
    )


# Words that end the stretch an 'apart' phrase reaches to a site after it
# ('separate from the ureter, and the bladder').
_APART_STOPS = frozenset({",", ";", "and", "but", "or"})


def _set_apart(kit: Toolkit, rd: ReportDoc, f: Span, s: SiteRef) -> bool:
    """Is the site after the finding named as what it lies apart from
    ('calcification in the left hemipelvis, separate from the ureter';
    mentions.json apart_words)? The finding is not there, as where a negated
    phrase names the place (guide §2: it gives neither site nor side)."""
    if s.span.start < f.end:
        return False
    words = kit.word_sets.get("apart_words", frozenset())
    between = rd.lower[f.end : s.span.start]
    text = " " + " ".join(between) + " "
    at = max((text.rfind(w) + len(w) for w in _padded(words) if w in text), default=-1)
    return at >= 0 and _APART_STOPS.isdisjoint(text[at:].split())


def _without_other_items_sites(
    rd: ReportDoc, f: Span, reach: list[tuple[int, SiteRef]]
) -> list[tuple[int, SiteRef]]:
    """Without the sites of an earlier finding's phrase that an 'and' closes
    before this finding, where a place after this one is in its reach
    ('calcification of both carotid arteries and a small calcific focus
    around the right knee': the arteries are the first finding's, the knee
    is the focus's; guide §2 step 2, the finding's own clause)."""
    if not any(s.span.start >= f.end for _, s in reach):
        return reach
    first = rd.layout.sent_first[f.start]

    def other_items(s: SiteRef) -> bool:
        """Does an 'and' after the site, before f, close the phrase of
        another finding written before the site?"""
        if s.span.end > f.start:
            return False
        joins = [k for k in range(s.span.end, f.start) if rd.lower[k] == "and"]
        return bool(joins) and any(
            first <= c.start < s.span.start and c.end <= joins[0]
            for c in rd.matches.calc
            if c is not f
        )

    return [x for x in reach if not other_items(x[1])]


def _without_reported_place(
    rd: ReportDoc, f: Span, reach: list[tuple[int, SiteRef]]
) -> list[tuple[int, SiteRef]]:
    """Without the place an earlier report wrote for the finding where its
    clause's predicate corrects it (`sides.reported_place`: 'The
    calcification described in the left breast is in the right breast')."""
    wrote = reported_place(rd, f)
    if wrote is None:
        return reach
    return [x for x in reach if not wrote[0] <= x[1].start < wrote[1]]


def _without_condition_names(
    kit: Toolkit, rd: ReportDoc, f: Span, reach: list[tuple[int, SiteRef]]
) -> list[tuple[int, SiteRef]]:
    """Without the site words of a condition's name outside the finding
    where the name is of an injured organ (its term's `injured_organ`:
    'following traumatic brain injury', 'with spinal cord injury') and the
    clause names another place for the finding ('Heterotopic ossification
    of the right elbow following traumatic brain injury': the elbow). The
    name says where the injury was, not where the finding lies, as in the
    sentences before it (context_sites._sites_in; guide §2 step 2)."""
    sent = rd.sent(f)
    conds = [
        c
        for c in rd.matches.conds
        if sent.start <= c.start < sent.end
        and not (f.start <= c.start < f.end)
        and kit.md(c).get("injured_organ") is not None
    ]
    if not conds:
        return reach
    kept = [
        x
        for x in reach
        if not any(c.start <= x[1].span.start and x[1].span.end <= c.end for c in conds)
    ]
    return kept or reach


def _owner_of_shared(kit: Toolkit, rd: ReportDoc, shared: SiteRef) -> SiteRef | None:
    """The site phrase written at once before a shared word that was read
    as its site ('the left internal carotid artery wall': the carotid's
    wall), which names that site in its own words."""
    if "candidates" not in kit.md(shared.span):
        return None
    return next(
        (
            s
            for s in rd.sentence_sites(shared.start)
            if s.span.end == shared.span.start
            and s.site == shared.site
            and "candidates" not in kit.md(s.span)
        ),
        None,
    )


# The words that may join a shared word to the site phrase that owns it
# ('the back wall of the left common carotid artery').
_OWNER_LINKS = frozenset({"of", "the"})


def _owner_after_shared(kit: Toolkit, rd: ReportDoc, shared: SiteRef) -> SiteRef | None:
    """The site phrase an 'of' joins right after a shared word that was read
    as its site ('the back wall of the left common carotid artery': the
    carotid's wall), which names that site in its own words, as
    `_owner_of_shared` takes the one written before it."""
    if "candidates" not in kit.md(shared.span):
        return None
    end = shared.span.end
    owner = next(
        (
            s
            for s in rd.sentence_sites(shared.start)
            if s.start > end
            and "of" in rd.lower[end : s.start]
            and set(rd.lower[end : s.start]) <= _OWNER_LINKS
            and s.site == shared.site
            and "candidates" not in kit.md(s.span)
        ),
        None,
    )
    if owner is None:
        return None
    # the words from the shared word to the owner's end name the place
    # ('left lobe of the thyroid gland', 'wall of the right common carotid
    # artery'): the part and whose it is
    text = rd.doc[shared.start : owner.span.end].text
    return replace(owner, text=text, start=shared.start)


def _clause_before_label(
    rd: ReportDoc, f: Span, reach: list[tuple[int, SiteRef]]
) -> list[tuple[int, SiteRef]]:
    """Without the label a colon closes before the finding ('ABDOMINAL
    WALL: calcification in the left rectus muscle') where a named site after
    the finding is in reach: the phrase of its own clause comes before a label
    over it (guide §2 "Site and side from context", step 2 before step 4)."""

    def label(s: SiteRef) -> bool:
        """Does a colon stand between the site and the finding after it?"""
        return s.span.end <= f.start and ":" in rd.lower[s.span.end : f.start]

    if not any(s.span.start >= f.end and s.span.label_ == "SITE" for _, s in reach):
        return reach
    return [x for x in reach if not label(x[1])]


# Words that may join the sites of a list before a finding ('the abdominal
# aorta and the iliac arteries show mural calcification').
_LIST_WORDS = frozenset({"and", ",", "the"})


def first_of_list(
    kit: Toolkit, rd: ReportDoc, site: SiteRef, pool: list[SiteRef]
) -> SiteRef:
    """The first site of the list that ends with `site`, before the finding
    (guide §2: where one phrase names two sites, the first), a serial list
    included: 'the liver, spleen and pancreas' once an 'and' has joined
    its last two, or a label's list of organs, whose colon ends it
    ('Kidneys, ureters, bladder:', a template writing no 'and')."""
    joined = _ends_label(rd, site)
    while True:
        prev = next(
            (
                s
                for s in pool
                if s.span.end < site.start and _list_gap(kit, rd, s, site, joined)
            ),
            None,
        )
        if prev is None:
            return site
        joined, site = True, prev


def _ends_label(rd: ReportDoc, site: SiteRef) -> bool:
    """Does a label's colon follow the site phrase, at most a list word and
    a word naming no site of the vocabulary between ('Spleen, pancreas:',
    'Liver, gallbladder, biliary:')?"""
    words = rd.layout.words
    end = min(len(words), site.span.end + _LABEL_TAIL + 1)
    for i in range(site.span.end, end):
        if words[i] == ":":
            return True
        if not (words[i] in _LIST_WORDS or words[i] == "/" or words[i].isalpha()):
            return False
    return False


# Most words between a label's last organ and its colon ('Liver,
# gallbladder, biliary:').
_LABEL_TAIL = 2


def _list_gap(
    kit: Toolkit, rd: ReportDoc, before: SiteRef, site: SiteRef, joined: bool
) -> bool:
    """Do only list words join `before` to `site`: an 'and', or a comma
    once an 'and' has joined the list's last two? A side or a part word
    the next site's phrase leaves outside it still opens that item ('the
    aorta and proximal right common iliac artery': mentions.json
    `site_part_words`, `coordinated_side_words`)."""
    item_words = kit.word_sets.get("site_part_words", frozenset()) | kit.word_sets.get(
        "coordinated_side_words", frozenset()
    )
    gap = set(rd.lower[before.span.end : site.start])
    if gap == {"/"}:
        return True  # 'KIDNEYS/URETERS: no calcification'
    return gap <= _LIST_WORDS | item_words and (
        "and" in gap or (joined and "," in gap)
    )


def specific_site_after(
    kit: Toolkit, rd: ReportDoc, f: Span, joined_at: int | None = None
) -> SiteRef | None:
    """The nearest asserted site phrase after the finding, in its clause, that
    names a site of its own and is no landmark, joined by a few plain words
    ('soft tissue calcification in the gluteal muscle': the muscle), for a mention whose words name only
    the vocabulary's unspecific site. `joined_at`: where the plain words
    start, if not at the finding's end (after a joint the clause leads to:
    'calcification in the soft tissues around the shoulder in the
    supraspinatus tendon')."""
    after = [
        (score, s)
        for s in rd.sentence_sites(f.start)
        if s.span.start >= f.end
        and s.span.label_ == "SITE"
        and "candidates" not in kit.md(s.span)
        and not kit.site_info(s.site).get("unspecific")
        and (score := site_reach(rd, f, s)) is not None
        and asserted(rd, s, f)
        and not another_list_item(rd, s, f)
        and not landmark(kit, rd, s)
        and _plain_link(kit, rd, f, s, joined_at)
    ]
    return min(after, key=lambda x: x[0])[1] if after else None


def _plain_link(
    kit: Toolkit, rd: ReportDoc, f: Span, site: SiteRef, joined_at: int | None = None
) -> bool:
    """Do at most _PLAIN_LINK_MOST plain words ('in the', 'within the') join the site
    phrase to the finding, no comma, joining word or lesion noun among them
    ('... and a lipoma in the deltoid muscle', '..., muscle edema': another
    lesion's place)?"""
    start = f.end if joined_at is None else joined_at
    # a region's or a side's words say which part, no other lesion's place:
    # 'soft tissue calcification in the left shoulder periarticular region'
    # (only those between the finding and the site count)
    told = {
        i
        for x in (*rd.matches.lats, *(s.span for s in rd.matches.sites))
        if x.end > start and x.start < site.start and x.label_ in {"LATERALITY", "REGION"}
        for i in range(x.start, x.end)
    }
    # so do a joint's lead words: 'soft tissue calcification around the
    # shoulder in the supraspinatus tendon' (mentions.json joint_leads: the
    # vocabulary site the clause names after the joint wins)
    told |= {
        i
        for s in rd.matches.sites
        if s.span.label_ == "REGION"
        and f.end <= s.span.start < site.start
        and (lead := joint_lead_start(kit, rd, s)) is not None
        for i in range(lead, s.span.start)
    }
    words = rd.lower[start : site.start]
    between = [rd.lower[i] for i in range(start, site.start) if i not in told]
    stops = {",", ";", "and", "or", "with", *rd.lesion_nouns}
    return len(between) <= _PLAIN_LINK_MOST and not stops & set(words)


# How many plain words may join a site phrase to the finding ('within the').
_PLAIN_LINK_MOST = 3


# Words that may stand between a joint lead and the joint ('around both
# knees', 'around each of the knees').
_JOINT_DETERMINERS = frozenset({"the", "both", "either", "each", "of"})


def joint_lead_start(kit: Toolkit, rd: ReportDoc, region: SiteRef) -> int | None:
    """Where the words leading to a joint begin, for a joint (a REGION rule
    with `mention_site`) led by 'about', 'around', 'adjacent to' in its
    sentence (mentions.json joint_leads), past a determiner, a side and the
    joint's number (joint_ordinals): 'calcification around the right knee'
    and 'calcific deposits about the left 2nd MCP joint' lie in the tissue
    about that joint. None for other regions and other leads ('near')."""
    if not kit.md(region.span).get("mention_site"):
        return None
    first = rd.layout.sent_first[region.start]
    i = region.start
    # 'about the left 2nd MCP joint': a side and the joint's number may
    # stand before it, past the determiner
    skipped = _JOINT_DETERMINERS | kit.word_sets.get("joint_ordinals", frozenset())
    while i > first and (rd.lower[i - 1] in skipped or rd.lower[i - 1] in kit.side_words):
        i -= 1
    leads = kit.rules.word_lists.get("joint_leads", [])
    for w in leads:
        n = len(w.split())
        if i - n >= first and " ".join(rd.lower[i - n : i]) == w:
            return i - n
    return None


def joint_place(
    kit: Toolkit, rd: ReportDoc, f: Span, region: SiteRef
) -> SiteRef | None:
    """The tissue about a joint, for a mention whose rule is `joint_placed`
    (heterotopic ossification, calcinosis) that its clause places at a joint
    or at a bony landmark of one (a REGION rule with `mention_site` or
    `landmark_site`): led by a word of mentions.json joint_leads,
    landmark_words or joint_place_leads, a side or up to two plain words
    between ('lateral to the greater trochanter', 'adjacent to the medial
    femoral condyle', 'from the greater trochanter to the ilium', 'about the
    femoral component'), or written after it past a comma as its place
    ('Heterotopic ossification, right hip.'). corpora/GUIDE.md, site: such a
    finding is periarticular soft tissue; a tissue its clause names wins (a
    SITE phrase beats a REGION in `site_in_clause`). None otherwise."""
    if not kit.md(f).get("joint_placed") or region.span.label_ != "REGION":
        return None  # the mention's rule first: most are not `joint_placed`
    md = kit.md(region.span)
    site = md.get("mention_site") or md.get("landmark_site")
    landmark = not md.get("mention_site")
    inside = bool(kit.md(f).get("joint_placed_in"))
    if not site or not (
        _led_to_joint(kit, rd, region, landmark, inside)
        or _apposed_joint(rd, f, region)
    ):
        return None
    return replace(
        region, site=str(site), text=rd.doc[region.start : region.span.end].text
    )


# How many plain words may stand between a placing word and the joint or
# landmark it leads to ('adjacent to the medial femoral condyle').
_JOINT_PLACE_GAP = 2


def _led_to_joint(
    kit: Toolkit, rd: ReportDoc, region: SiteRef, landmark: bool, inside: bool = False
) -> bool:
    """Does a placing word (mentions.json joint_leads, joint_place_leads,
    before a joint's landmark landmark_words, and for a mention that forms
    about the joint it names (`inside`) joint_in_leads) end right before the
    region's words (its side included), or before up to `_JOINT_PLACE_GAP`
    plain words that start no match ('the medial')? 'Below the knee' is a
    limb's region; 'lateral to the greater trochanter' places it at the hip,
    and so does 'heterotopic ossification at the right hip'."""
    first = rd.layout.sent_first[region.start]
    names = (
        "joint_leads",
        "joint_place_leads",
        *(("landmark_words",) if landmark else ()),
        *(("joint_in_leads",) if inside else ()),
    )
    leads = {
        tuple(w.split()) for name in names for w in kit.rules.word_lists.get(name, [])
    }
    start = _past_side_and_number(kit, rd, region.start, first)
    for j in range(start, max(first, start - _JOINT_PLACE_GAP) - 1, -1):
        if j < start and (not rd.lower[j].isalpha() or j in rd.match_starts):
            return False
        if any(
            j - len(w) >= first and tuple(rd.lower[j - len(w) : j]) == w for w in leads
        ):
            return True
    return False


def _past_side_and_number(kit: Toolkit, rd: ReportDoc, start: int, first: int) -> int:
    """Where the words before a joint begin past the joint's number
    (mentions.json joint_ordinals) and a side before it: 'at the right first
    MTP joint', 'at the L 2nd MCP joint' are led by 'at' as 'at the right MTP
    joint' is (joint_lead_start reads the same words before 'about')."""
    ordinals = kit.word_sets.get("joint_ordinals", frozenset())
    i = start
    while i > first and rd.lower[i - 1] in ordinals:
        i -= 1
    if i == start:
        return start  # no number: a side before the joint is in its SiteRef
    while i > first and rd.lower[i - 1] in kit.side_words:
        i -= 1
    return i


# Words that may stand between the comma after a mention and the joint set
# after it as its place ('Heterotopic ossification, both hips').
_APPOSED_WORDS = frozenset({"the", "both"})


def _apposed_joint(rd: ReportDoc, f: Span, region: SiteRef) -> bool:
    """Is the region written right after the mention past a comma, its side
    and 'the' or 'both' only between, and nothing after it but punctuation
    ('Heterotopic ossification, right hip, Brooker class III')?"""
    between = rd.lower[f.end : region.start]
    if not between or between[0] != "," or not set(between[1:]) <= _APPOSED_WORDS:
        return False
    end = region.span.end
    return end >= len(rd.lower) or not rd.lower[end].isalnum()


def landmark(kit: Toolkit, rd: ReportDoc, site: SiteRef, kind: str = "landmark_words") -> bool:
    """Is the site named as a landmark beside the finding ('lateral to the
    left hilum', 'near the right hilum'; mentions.json landmark_words), or,
    with `kind` "projection_words", as what the finding is seen over ('projects
    over the mediastinum')?"""
    words = kit.word_sets.get(kind, frozenset())
    i, first = site.start, rd.layout.sent_first[site.start]
    texts, starts = rd.layout.words, rd.match_starts
    # up to two plain words between ('adjacent to the medial femoral condyle')
    for _ in range(2):
        if i > first and texts[i - 1].isalpha() and i - 1 not in starts:
            i -= 1
    before = " " + " ".join(rd.lower[max(first, i - 4) : site.start]) + " "
    return any(map(before.__contains__, _padded(words)))


@cache
def _padded(words: frozenset[str]) -> tuple[str, ...]:
    """Each word with a space either side, made once per word list (a
    frozenset keeps its hash: the look-up hashes no words)."""
    return tuple(f" {w} " for w in words)


def compound_head(kit: Toolkit, rd: ReportDoc, site: SiteRef) -> SiteRef:
    """A site phrase that names no site of its own (a shared word, 'upper
    pole'; a site not otherwise named, 'abdominal wall') followed at once by
    another is that one's modifier: the more specific site wins ('the
    anterior abdominal wall subcutaneous fat', 'the upper pole cortex'), unless
    that one is a lesion ('upper lobe nodules'). A place followed at once by
    nodes names where the nodes are ('the right paratracheal lymph nodes':
    guide §2 vocabulary, a region's nodes are `lymph node`), and one followed
    at once by a structure's own noun says which one it is ('the hepatic
    artery', 'the hamstring tendons')."""
    # the SITE phrases by where their words start (the label's id compared:
    # `label_` is a string look-up per site)
    label = kit.label_ids.get("SITE")
    after = {s.span.start: s for s in rd.matches.sites if s.span.label == label}
    lesions = rd.lesion_nouns
    nxt = after.get(site.span.end)
    while (
        nxt is not None
        and (
            _modifier_only(kit, site)
            or _nodes_of(kit, site, nxt)
            or _structure_of(kit, site, nxt)
            or _leaflet_of(kit, rd, site, nxt)
        )
        and nxt.span[-1].lower_ not in lesions  # 'upper lobe nodules': a lesion
    ):
        site, nxt = nxt, after.get(nxt.span.end)
    return _shared_head(kit, rd, site, after) or site


def _modifier_only(kit: Toolkit, site: SiteRef) -> bool:
    """Does the site phrase name no site of its own (a shared word, a site
    not otherwise named)?"""
    return "candidates" in kit.md(site.span) or bool(
        kit.site_info(site.site).get("unspecific")
    )


def _nodes_of(kit: Toolkit, site: SiteRef, nxt: SiteRef) -> bool:
    """Is `nxt` the nodes of the place `site` names ('paratracheal' +
    'lymph nodes')?"""
    node = "node"
    return (
        kit.site_info(nxt.site).get("kind") == node
        and kit.site_info(site.site).get("kind") != node
    )


def _structure_of(kit: Toolkit, site: SiteRef, nxt: SiteRef) -> bool:
    """Is `nxt` a structure's own noun (mentions.json structure_heads: an
    artery, a vein, a tendon, fat) that `site` only says which one or where
    ('hepatic artery', 'femoral vein', 'gluteal subcutaneous fat')? The
    noun names the tissue (guide §2: where two fit, the narrower). Not the
    catch-all of a kind after a site of that kind ('LAD artery' stays the
    coronary's; a site with `generic_terms` is its kind's catch-all)."""
    heads = kit.word_sets.get("structure_heads", frozenset())
    if nxt.site == site.site or nxt.span[-1].lower_ not in heads:
        return False
    kind, nxt_info = kit.site_info(site.site).get("kind"), kit.site_info(nxt.site)
    same_kind = kind is not None and kind == nxt_info.get("kind")
    return not (same_kind and nxt_info.get("generic_terms"))


def _leaflet_of(kit: Toolkit, rd: ReportDoc, site: SiteRef, nxt: SiteRef) -> bool:
    """Is `site` a word naming one leaflet or cusp of a valve (descriptors.json
    `lesion_part_words`: 'septal', 'anterior') written at once before that
    valve's words, which a leaflet or cusp word ends or follows ('the septal
    tricuspid leaflet')? The valve's leaflet is named (guide §2: where two
    fit, the narrower), not the place the position word names on its own
    (the septum)."""
    dr = kit.descriptors
    if nxt.site == site.site or kit.site_info(nxt.site).get("kind") != "valve":
        return False
    if not set(rd.lower[site.span.start : site.span.end]) <= dr.part_words:
        return False
    end = nxt.span.end
    return rd.lower[end - 1] in dr.part_heads or (
        end < len(rd.lower) and rd.lower[end] in dr.part_heads
    )


# Words that join coordinated modifiers of one head ('the hepatic and splenic
# arteries'); side words may stand before the second ('mediastinal and left
# hilar nodes': mentions.json `coordinated_side_words`).
_COORDINATORS = frozenset({"and", "or", ",", "&", "/"})
# Endings of the adjectives that name a place ('hepatic', 'axillary',
# 'mediastinal', 'hilar', 'iliac'); a noun ('the liver and splenic arteries')
# names a site of its own, the first of the list (guide §2).
ADJECTIVE_ENDINGS = ("al", "ic", "ar", "ary", "ac")


def _shared_head(
    kit: Toolkit, rd: ReportDoc, site: SiteRef, after: dict[int, SiteRef]
) -> SiteRef | None:
    """The head noun coordinated place adjectives share ('the hepatic and
    splenic arteries', 'the paratracheal and subcarinal lymph nodes',
    'mediastinal and left hilar nodes'): the nodes or the structure that
    ends the list, where the first adjective names a site of another kind
    (the nodes are `lymph node`, the arteries `artery`: guide §2 vocabulary).
    Sites of one kind keep the first ('the carotid and vertebral arteries',
    guide §2: where one phrase names two sites, the first)."""
    if not rd.lower[site.span.end - 1].endswith(ADJECTIVE_ENDINGS):
        return None
    i = site.span.end
    if i >= len(rd.lower) or rd.lower[i] not in _COORDINATORS:
        return None
    # a side or a word naming which one of the structure may stand before the
    # second ('the splenic and superior mesenteric arteries', 'the hepatic and
    # internal iliac arteries'; mentions.json `site_part_words`,
    # `phrase_position_words`)
    words = kit.word_sets.get("coordinated_side_words", frozenset())
    parts = kit.word_sets.get("site_part_words", frozenset()) | kit.word_sets.get(
        "phrase_position_words", frozenset()
    )
    while i < len(rd.lower) and (
        rd.lower[i] in _COORDINATORS
        or rd.lower[i] in words
        or (rd.lower[i] in parts and i not in after)
    ):
        i += 1
    nxt = after.get(i)
    if nxt is None:
        return None
    head = compound_head(kit, rd, nxt)
    # 'subcarinal lymph nodes', 'brachial arteries': one site in two phrases
    while (same := after.get(head.span.end)) is not None and same.site == head.site:
        head = same
    if not shares_head(kit, rd, site, head):
        return None
    # 'the left axillary and subclavian arteries': the side is the list's
    return head if head.laterality else replace(head, laterality=site.laterality)


def shares_head(kit: Toolkit, rd: ReportDoc, site: SiteRef, head: SiteRef) -> bool:
    """Is `head` a structure's own noun, nodes included (mentions.json
    structure_heads, the phrase's last word), that the place adjective `site` only says where,
    being of another kind ('axillary' and 'subclavian arteries'; not
    'aortic' and 'iliac arteries', two vessels; not 'mediastinal and hilar
    calcifications', no noun)?"""
    if head.site == site.site:
        return False
    info, head_info = kit.site_info(site.site), kit.site_info(head.site)
    heads = kit.word_sets.get("structure_heads", frozenset())
    noun = rd.lower[head.span.end - 1] in heads
    return noun and info.get("kind") != head_info.get("kind")
