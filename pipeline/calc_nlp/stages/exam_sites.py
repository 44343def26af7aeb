"""Sites and sides the exam gives (guide §2 "Site and side from context",
step 5): the one reading an exam allows, the side of a one-sided exam, and
the side of the limb a note says it is about.

Plain functions over the `ReportDoc`, used by the linking and findings
stages.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from calc_nlp.schema import LEFT, RIGHT
from calc_nlp.stages.context_sites import (
    SENTENCES_BACK,
    item_mark_only,
    opens_list_item,
)
from calc_nlp.stages.layout import (
    SENTENCE_VERBS,
    TITLE_WORDS,
    exam_line,
    title_part_end,
    title_stop,
)
from calc_nlp.stages.modifiers import flags
from calc_nlp.stages.record import ReportDoc, SiteRef
from calc_nlp.stages.toolkit import Toolkit

# Words between a side and a limb word that keep the side the limb's ('the
# left lower extremity', 'right upper arm').
LIMB_PARTS = frozenset({"upper", "lower", "distal", "proximal"})


def site_from_exam(
    kit: Toolkit, rd: ReportDoc, f: Span, any_head: bool = False
) -> SiteRef | None:
    """The site the exam leaves as the one reading (a calcified granuloma on a
    chest radiograph is in the lung; calcifications on a mammogram, the breast).
    A default for the finding's head words is tried before the sentences around
    it; a default for any finding (`any_head`) only after them, and only for
    the patient's: a denied or asked-about calcification on a mammogram is
    the breast's too ('No suspicious calcifications'), a relative's is not."""
    exam = exam_for(kit, rd, f)
    if exam is None:
        return None
    if any_head and "family" in flags(rd.mods, f):
        return None
    words = rd.lower[f.start : f.end] + _words_it_qualifies(kit, rd, f)
    for default in exam["defaults"]:
        heads = default["heads"]
        if (not heads and any_head) or (heads and any(w in heads for w in words)):
            return SiteRef(f, default["site"], "", "", f.start, exam["id"])
    return None


def site_from_own_exam(kit: Toolkit, rd: ReportDoc, f: Span) -> SiteRef | None:
    """The one reading of an exam the finding's own sentence names, in a
    report of no exam of its own ('Her mammogram in May was read as benign
    calcifications' in a consultation note: the breast), before the place a
    sentence before names: a note cites one study per sentence, and the
    sentence before is about another (guide §2 step 5)."""
    if rd.exam is not None and rd.exam.get() is not None:
        return None
    return site_from_exam(kit, rd, f, any_head=True)


# How many words after a bare 'calcified' its phrase may run before the noun
# it qualifies ('calcified sequelae of prior granulomatous infection').
QUALIFIED_REACH = 5


def _words_it_qualifies(kit: Toolkit, rd: ReportDoc, f: Span) -> list[str]:
    """For a mention that ends in a bare adjective ('calcified'; mentions.json
    `bare_adjectives`), the words of the phrase it qualifies, up to the end
    of its clause: 'calcified granulomatous disease', 'calcified sequelae of
    old granulomatous infection' name a granuloma as much as 'calcified
    granuloma' does (guide §2 step 5: on a chest film, the lung's)."""
    if rd.lower[f.end - 1] not in kit.word_sets.get("bare_adjectives", ()):
        return []
    end = min(f.end + QUALIFIED_REACH, rd.sent(f).end)
    words = []
    for i in range(f.end, end):
        if not rd.layout.words[i].isalpha():
            break
        words.append(rd.lower[i])
    return words + _words_it_follows(rd, f)


def _words_it_follows(rd: ReportDoc, f: Span) -> list[str]:
    """For a bare adjective written after its noun, the words of its clause
    before it: 'Granuloma, calcified.', 'a nodule which is calcified' name a
    granuloma or a nodule as much as 'calcified granuloma' does (guide §2
    step 5), so the exam places it before an earlier sentence's site could.
    Back to the clause's start, over a comma but not a stop or a colon."""
    start = max(f.start - QUALIFIED_REACH, rd.sent(f).start)
    words: list[str] = []
    for i in range(f.start - 1, start - 1, -1):
        if rd.layout.words[i].isalpha():
            words.append(rd.lower[i])
        elif rd.layout.words[i] != ",":
            break
    return words


def exam_for(kit: Toolkit, rd: ReportDoc, f: Span) -> dict[str, Any] | None:
    """The exam a finding was seen on: the report's (in a report of several
    exams, the one whose heading it is under: `exam_block`), else one its own
    sentence names ('Chest x-ray showed a calcified granuloma', 'a renal ultrasound
    showed ...': a note that reports an exam in passing)."""
    exam = rd.exam.get() if rd.exam is not None else None
    if exam is not None:
        block = exam_block(kit, rd, f.start)
        return exam if block is None else block[2]
    first = rd.layout.sent_first[f.start]
    known = rd.sentence_exams
    if first not in known:
        known[first] = _named_exam(kit, rd.span_text(rd.sent(f)).lower())
    return known[first]


def _named_exam(kit: Toolkit, sentence: str) -> dict[str, Any] | None:
    """The first exam kind whose terms the sentence (lower case) names."""
    for kind, exam_rx, _ in kit.exams:
        if kind["exam_terms"] and exam_rx.search(sentence):
            return kind
    return None


def side_from_exam(
    kit: Toolkit, rd: ReportDoc, site: str, at: int = -1, operation: bool = False
) -> str:
    """The side of a one-sided exam ('XR SHOULDER RIGHT', 'MAMMOGRAM LEFT'):
    the one side its exam line (or the title opening the report) names, for
    a finding at a site the exam kind lists as its own (`side_sites`: the
    tendons of a shoulder film, not phleboliths on a film for left flank
    pain) or at no site ('No new calcification.' on a right shoulder film);
    '' for an exam of both sides or of none, or one whose line also
    names a part of both sides (`two_sided_terms`: 'AP PELVIS / RIGHT HIP'),
    or an operation (`_names_operation`) where the finding (its first token
    `at`) is not on that line itself: the operated part's side is a clinical
    context, no study's (with `operation`, its side too)."""
    if not rd.matches.lats:
        return ""  # no side word to give: the exam is not worked out to ask
    exam = rd.exam.get() if rd.exam is not None else None
    if exam is None:
        return ""
    block = exam_block(kit, rd, at) if at >= 0 else None
    if block is not None:
        # a report of several exams: the side of the exam whose heading the
        # finding is under ('RIGHT MAMMOGRAM ... LEFT MAMMOGRAM / FINDINGS:
        # Vascular calcifications.'), none from another exam's heading
        lo, hi, exam = block
    own = exam.get("side_sites", ())
    if not own or (site and site not in own):
        return ""
    if block is not None:
        return _side_of_exam_words(kit, rd, exam, (lo, hi), at, operation)
    line = exam_line(rd.layout)
    if line is not None and not _names_exam(kit, rd, exam, line):
        line = None  # 'PROCEDURE: A needle was placed ...': the title names it
    study = kit.word_sets.get("exam_words", frozenset())
    title = (0, _title_end(kit, rd, title_stop(rd.layout.words, None, study) or 0))
    if line is None:
        return _side_of_exam_words(kit, rd, exam, title, at, operation)
    side = _side_of_exam_words(kit, rd, exam, line, at, operation)
    if (
        side
        or _study_sides(kit, rd, *line)
        or not 0 < title[1] <= line[0]
    ):
        return side
    # 'WIRE LOCALIZATION, LEFT BREAST / Procedure: Under mammographic
    # guidance, a wire was placed ...': a procedure section that names the
    # study's guidance but no side leaves the side to the title above it
    if not _names_exam(kit, rd, exam, title):
        return ""
    return _side_of_exam_words(kit, rd, exam, title, at, operation)


# Sections a heading line of a later exam may stand in: an exam section or
# the body of the exam above it ('FINDINGS: ... / LEFT MAMMOGRAM DIAGNOSTIC /
# FINDINGS: ...'); never a comparison, history or technique line, which
# names another study ('COMPARISON: CT CHEST XXXX').
HEADING_SECTIONS = frozenset({"exam", "findings", "impression", "other"})


def exam_block(
    kit: Toolkit, rd: ReportDoc, at: int
) -> tuple[int, int, dict[str, Any]] | None:
    """In a report that holds several exams, each under a heading line of
    its own ('RIGHT MAMMOGRAM DIAGNOSTIC', 'EXAM 2: XR LEFT KNEE', 'CT
    ABDOMEN PELVIS WITH CONTRAST'), the heading over token `at` (its
    tokens and exam kind) when it is not the report's first: a finding of
    a later exam's block is seen on that exam, not on the first one (guide
    §2 step 5). None under the first heading or in a report of one."""
    memo = rd.exam_headings
    if "lines" not in memo:
        memo["lines"] = _heading_lines(kit, rd)
    headings: list[tuple[int, int, dict[str, Any]]] = memo["lines"]
    last = None
    for n, heading in enumerate(headings):
        if heading[1] > at:
            break
        last = n
    return headings[last] if last else None


def _heading_lines(kit: Toolkit, rd: ReportDoc) -> list[tuple[int, int, dict[str, Any]]]:
    """The report's exam heading lines in order (`_heading`), worked out
    once per report, and only for a report whose finding asks its exam's
    side."""
    words = rd.layout.words
    calc_starts = frozenset(c.start for c in rd.matches.calc)
    out: list[tuple[int, int, dict[str, Any]]] = []
    lo = 0
    for i in range(len(words) + 1):
        if i < len(words) and "\n" not in words[i]:
            continue
        kind = _heading(kit, rd, lo, i, calc_starts)
        if kind is not None and not (
            out and out[-1][2] is kind and not _written_sides(kit, rd, lo, i)
        ):
            # a heading of the same exam that names no side ('SPOT
            # MAGNIFICATION MAMMOGRAM VIEWS') goes on with the exam above it
            out.append((lo, i, kind))
        lo = i + 1
    return out


def _heading(
    kit: Toolkit, rd: ReportDoc, lo: int, hi: int, calc_starts: frozenset[int]
) -> dict[str, Any] | None:
    """The exam kind a line (tokens lo to hi) heads, if it is an exam's
    heading: a short line in capitals (or an exam section's) of a study
    word and the exam it names, with no verb and no finding on it."""
    toks = [i for i in range(lo, hi) if not rd.layout.blank[i]]
    if not toks or len(toks) > TITLE_WORDS or rd.layout.caseless:
        return None
    if rd.layout.sections[toks[0]][0] not in HEADING_SECTIONS:
        return None
    words = rd.layout.words
    capitals = all(w.isupper() for w in (words[i] for i in toks) if w.isalpha())
    if not capitals and rd.layout.sections[toks[0]][0] != "exam":
        return None
    low = [rd.lower[i] for i in toks]
    if any(i in calc_starts for i in toks) or any(w in SENTENCE_VERBS for w in low):
        return None
    if not any(w in kit.title_study_words for w in low):
        return None
    return _named_exam(kit, rd.span_text(rd.doc[toks[0] : toks[-1] + 1]).lower())


def _side_of_exam_words(
    kit: Toolkit,
    rd: ReportDoc,
    exam: dict[str, Any],
    words: tuple[int, int],
    at: int,
    operation: bool,
) -> str:
    """The one side the exam's line or title (tokens lo to hi) names, '' if
    it also names a part of both sides or an operation (side_from_exam)."""
    lo, hi = words
    both = exam.get("two_sided_terms", ())
    if any(w in both for w in rd.lower[lo:hi]):
        return ""  # 'AP PELVIS / RIGHT HIP': an exam of both sides too
    if not operation and not lo <= at < hi and _names_operation(kit, rd, lo, hi):
        return ""  # 'PROCEDURE: Left knee arthroscopy': an operation, no study
    sides = _study_sides(kit, rd, lo, hi)
    return sides.pop() if len(sides) == 1 and sides <= {LEFT, RIGHT} else ""


def _written_sides(
    kit: Toolkit, rd: ReportDoc, lo: int, hi: int, skip: frozenset[int] = frozenset()
) -> set[str]:
    """The sides the side words of tokens lo to hi write; a side the plural
    of a paired organ implies ('kidneys') is no side written, nor one whose
    start is in `skip` (an access route's: `_access_sides`)."""
    return {
        str(kit.md(s)["laterality"])
        for s in rd.matches.lats
        if lo <= s.start < hi and not kit.md(s).get("implied") and s.start not in skip
    }


def _study_sides(kit: Toolkit, rd: ReportDoc, lo: int, hi: int) -> set[str]:
    """The sides tokens lo to hi write for the part studied: less those of
    the access route (`_access_sides`) where another side is written; where
    the route's side is the only one ('PROCEDURE: Right femoral access site
    angiogram'), all of them."""
    skip = _access_sides(kit, rd, lo, hi)
    return (_written_sides(kit, rd, lo, hi, skip) if skip else set()) or _written_sides(
        kit, rd, lo, hi
    )


# How many tokens an access phrase's lead may stand before its access word
# ('via a right common femoral approach').
ACCESS_REACH = 7
# How many words of a sentence an access label may open it with ('Arterial
# access:', 'VASCULAR ACCESS:').
ACCESS_LABEL_WORDS = 3
# The marks that end an access label ('ACCESS:', 'Access -'); not a title
# that names a dialysis access ('DIALYSIS ACCESS ULTRASOUND, LEFT ARM').
_ACCESS_MARKS = frozenset({":", "-", "\u2013"})
# Articles read past between a route word and its side ('via the right groin').
_ACCESS_ARTICLES = frozenset({"the", "a", "an"})
# Marks that end the clause a side and its access word share ('Left leg
# angiogram, right femoral access' keeps 'Left' apart from 'access').
_CLAUSE_ENDS = frozenset({",", ";", ".", ":", "(", ")"})


def opens_access_label(kit: Toolkit, rd: ReportDoc, lo: int, hi: int) -> bool:
    """Do tokens lo (a sentence's first) to hi open on an access label: an
    access word among the first ACCESS_LABEL_WORDS words, then a label's
    mark or an access lead ('ACCESS:', 'Arterial access:', 'Access via')?
    Not a title naming a dialysis access ('DIALYSIS ACCESS ULTRASOUND')."""
    access = kit.word_sets.get("access_words", frozenset())
    ends = _ACCESS_MARKS | kit.word_sets.get("access_leads", frozenset())
    lower, blank = rd.lower, rd.layout.blank
    opening: list[int] = []
    for i in range(lo, min(hi, len(lower))):
        if not blank[i]:
            opening.append(i)
            if len(opening) > ACCESS_LABEL_WORDS:
                break  # the label's words and the mark after them
    return _access_then_mark(lower, opening, access, ends)


def _access_then_mark(
    lower: list[str], tokens: list[int], access: frozenset[str], ends: frozenset[str]
) -> bool:
    """Is one of the first ACCESS_LABEL_WORDS of `tokens` an access word
    that the next of them, a label's mark or an access lead, follows?"""
    return any(
        lower[i] in access and lower[j] in ends
        for i, j in zip(tokens[:ACCESS_LABEL_WORDS], tokens[1:], strict=False)
    )


def _access_sides(kit: Toolkit, rd: ReportDoc, lo: int, hi: int) -> frozenset[int]:
    """The starts of the side words of tokens lo to hi that name where a
    catheter went in, not the part studied (guide §2 step 5: the one-sided
    study gives the side); mentions.json `access_words`, `access_leads`,
    `access_routes`. Those of a sentence an access label opens ('PROCEDURE:
    Left lower extremity angiogram. ACCESS: Right CFA, up-and-over.',
    'Access via the right CFA.'), those a label's mark or lead puts after an
    access word ('(access: right CFA)'), those an access word follows in
    their clause ('right femoral access', 'Contralateral right CFA access',
    'through a right femoral approach'), and those a route word leads ('via
    the right groin', 'via R CFA'). Read only where the words hold a side
    that is none of them (`_study_sides`)."""
    access = kit.word_sets.get("access_words", frozenset())
    routes = kit.word_sets.get("access_routes", frozenset())
    lower = rd.lower
    if not any(w in access or w in routes for w in lower[lo:hi]):
        return frozenset()  # most exam lines name no access
    leads = kit.word_sets.get("access_leads", frozenset())
    ends = _ACCESS_MARKS | leads
    first, blank, stops = rd.layout.sent_first, rd.layout.blank, set(rd.layout.stops)
    sided = {x.start for x in rd.matches.lats}
    out = set()
    for x in rd.matches.lats:
        if not lo <= x.start < hi:
            continue
        s0 = first[x.start]
        if opens_access_label(kit, rd, s0, x.start):
            out.add(x.start)  # 'ACCESS: Right CFA', 'Access via the right CFA'
            continue
        back = [i for i in range(max(s0, x.start - ACCESS_REACH), x.start) if not blank[i]]
        near = [i for i in back if lower[i] not in _ACCESS_ARTICLES]
        if near and lower[near[-1]] in routes:
            out.add(x.start)  # 'via the right groin', 'via R CFA'
            continue
        if _access_then_mark(lower, [*back[-ACCESS_LABEL_WORDS:], x.start], access, ends):
            out.add(x.start)  # '(access: right CFA)'
            continue
        for i in range(x.end, min(hi, x.end + ACCESS_REACH)):
            if i in stops or i in sided or first[i] != s0:
                break  # 'the left leg via right femoral access': the right's
            if lower[i] in _CLAUSE_ENDS or lower[i] in leads or lower[i] in routes:
                break
            if lower[i] in access:
                out.add(x.start)  # 'right femoral access', 'right CFA approach'
                break
    return frozenset(out)


def operated_side(kit: Toolkit, rd: ReportDoc) -> str:
    """The one side the first procedure section of a note no exam kind fits
    names, when that section names an operation ('PROCEDURE: Left common
    femoral endarterectomy'; 'OPERATION: Excision of left cheek mass'): the
    operated part's side, a clinical context (Finding.context_side) that
    gives the findings no side but keeps them apart from the other side's
    lesions ('SPECIMEN: Femoral plaque, heavily calcified' is the left's,
    not the right's plaque the history names). '' for a section naming
    both sides, none, or no operation."""
    if not rd.matches.lats:
        return ""  # no side word to give: the exam is not worked out to ask
    if rd.exam is not None and rd.exam.get() is not None:
        return ""  # the exam's own line decides (side_from_exam)
    line = exam_line(rd.layout, _PROCEDURE_KINDS)
    if line is None or not _names_operation(kit, rd, *line):
        return ""
    lo, hi = line
    sides = {
        str(kit.md(s)["laterality"])
        for s in rd.matches.lats
        if lo <= s.start < hi and not kit.md(s).get("implied")
    }
    return sides.pop() if len(sides) == 1 and sides <= {LEFT, RIGHT} else ""


# The section categories (patterns/sections.json) of a note's procedure line:
# 'PROCEDURE:' is an exam section, 'OPERATION PERFORMED:' a technique one.
_PROCEDURE_KINDS = ("exam", "technique")


def _names_operation(kit: Toolkit, rd: ReportDoc, lo: int, hi: int) -> bool:
    """Does the exam line (tokens lo to hi) name an operation (a `procedure`
    condition term of conditions.json: 'arthroscopy', 'excisional biopsy',
    'arthroplasty'), not a study? Its side is the operated part's, a
    clinical context: it gives the findings of other lines no side (guide §2
    step 5 names the side of a one-sided study). An operation the line dates
    before the study is no such operation (`_after_past_lead`)."""
    return any(
        lo <= c.start < hi
        and kit.md(c).get("procedure")
        and not kit.md(c).get("lead")
        and not _after_past_lead(kit, rd, lo, c.start)
        for c in rd.matches.conds
    )


# How many words before an operation a past lead may stand ('status post
# left hip arthroplasty', 'post wide local excision').
PAST_LEAD_REACH = 4


def _after_past_lead(kit: Toolkit, rd: ReportDoc, lo: int, at: int) -> bool:
    """Is the operation at token `at` written after a word that dates it
    before the study (mentions.json `past_operation_leads`: 'MAMMOGRAM RIGHT
    (post lumpectomy)', 'XR LEFT HIP, STATUS POST ARTHROPLASTY')? Then it is
    the reason for the study, and the line stays a study's line. The
    operation's own first word counts too: 's/p arthroplasty' is matched as
    one condition; a lead split at its slash ('s/p': 's', '/', 'p') is read
    joined."""
    leads = kit.word_sets.get("past_operation_leads", frozenset())
    first = max(lo, at - PAST_LEAD_REACH)
    return any(
        rd.lower[i] in leads or "".join(rd.lower[max(first, i - 2) : i + 1]) in leads
        for i in range(first, at + 1)
    )


def _names_exam(
    kit: Toolkit, rd: ReportDoc, exam: dict[str, Any], line: tuple[int, int]
) -> bool:
    """Does the exam line name the report's exam kind, or does the title
    opening the report (layout.exam_of)?"""
    text = rd.span_text(rd.doc[line[0] : line[1]]).lower()
    return any(kind is exam and rx.search(text) for kind, rx, _ in kit.exams)


def _title_end(kit: Toolkit, rd: ReportDoc, stop: int) -> int:
    """Where a title line ends for its side: past a side word written after
    its comma at the end of the line ('MAMMOGRAM, LEFT')."""
    words = rd.layout.words
    if not (0 < stop < len(words) - 1 and words[stop] == ","):
        return stop
    after = next((x for x in rd.matches.lats if x.start == stop + 1), None)
    if after is None or kit.md(after).get("before_site"):
        return stop
    # the part the side is of may follow it ('ARTERIAL DUPLEX, LEFT LOWER
    # EXTREMITY'): a few words up to the line's end
    end = title_part_end(words, after.end)
    return stop if end is None else end


def side_from_topic(kit: Toolkit, rd: ReportDoc, f: Span, site: str) -> str:
    """A note that says which side it is about a sentence or two before the
    finding ('left knee pain. Radiographs show chondrocalcinosis.'; 'a lump
    in the left breast. Mammography showed calcifications.') gives that side
    to a finding of the part's own sites (the exam table's `topic_sites`)
    whose sentence, site and exam name none (guide §2: a side from its clear
    context): a side word right before a word of that part, one side only,
    in the nearest of the few sentences before (no blank line between, and
    not the item before in a numbered list whose items each name their own
    part: '2. Left knee sprain. 3. Calcified anterior longitudinal
    ligament.'). Not on an exam of that part, whose line decides (a
    screening mammogram is of both breasts, whatever side a sentence speaks
    of)."""
    if not rd.matches.lats:
        return ""  # no side word to give: the exam is not worked out to ask
    exam = rd.exam.get() if rd.exam is not None else None
    if exam is not None and site in exam.get("topic_sites", ()):
        return ""
    parts = kit.topic_terms.get(site, frozenset())
    if not parts:
        return ""
    lats = {x.end: x for x in rd.matches.lats}
    for x in rd.matches.lats:  # 'the left lower extremity'
        if x.end < len(rd.lower) and rd.lower[x.end] in LIMB_PARTS:
            lats.setdefault(x.end + 1, x)
    sent = rd.sent(f)
    for _ in range(SENTENCES_BACK):
        if sent.start == 0:
            return ""
        prev = rd.sent_at(sent.start - 1)  # it ends where `sent` starts
        if "\n\n" in rd.span_text(prev).replace("\r", ""):
            return ""
        if opens_list_item(rd, sent) and _opens_another_item(rd, prev):
            return ""  # another item of a numbered list names its own part
        sides = {
            str(kit.md(lats[i])["laterality"])
            for i in range(prev.start, prev.end)
            if i in lats and rd.lower[i] in parts
        }
        if sides:
            return sides.pop() if len(sides) == 1 and sides <= {LEFT, RIGHT} else ""
        sent = prev
    return ""


def _opens_another_item(rd: ReportDoc, prev: Span) -> bool:
    """Does the sentence before an item (past its number, when the number
    stands alone: '2.') open a numbered item of its own?"""
    if item_mark_only(rd, prev) and prev.start > 0:
        prev = rd.sent_at(prev.start - 1)
    return opens_list_item(rd, prev)


# How many words a study word ('radiographs', 'MRI') may stand from the side
# and part it names ('radiographs of the right knee', 'left shoulder MRI').
STUDY_REACH = 3


def side_of_named_study(kit: Toolkit, rd: ReportDoc, f: Span, site: str) -> str:
    """The side of a one-sided study the finding's own sentence names before
    it ('Radiographs of the left knee showed calcification of the meniscus';
    'A right shoulder MRI shows a calcific deposit'): a side word before a
    part word of an exam kind (its `exam_terms`) that lists the finding's
    site as its own (`side_sites`), a study word (mentions.json `exam_words`)
    within a few words of them, one side only (guide §2 step 5: a one-sided
    study gives the side)."""
    kinds = [
        exam
        for exam, _, _ in kit.exams
        if exam.get("side_sites") and (not site or site in exam["side_sites"])
    ]
    if not kinds:
        return ""
    study = kit.word_sets.get("exam_words", frozenset())
    sent = rd.sent(f)
    side = _side_of_study_in(kit, rd, kinds, study, sent.start, f.start)
    if side:
        return side
    for _ in range(SENTENCES_BACK):
        # 'XR R foot: no fracture. Calcification of the pedal arteries.':
        # a study that opens the finding's line as its label (a colon after
        # it) heads the rest of that line
        if sent.start == 0 or "\n" in rd.span_text(rd.doc[sent.start - 1 : f.start]):
            return ""
        sent = rd.sent_at(sent.start - 1)
        if sent.start == 0 or "\n" in rd.layout.words[sent.start - 1]:
            colon = [i for i in range(sent.start, sent.end) if rd.layout.words[i] == ":"]
            if not colon:
                return ""
            return _side_of_study_in(kit, rd, kinds, study, sent.start, colon[0])
    return ""


def _side_of_study_in(
    kit: Toolkit,
    rd: ReportDoc,
    kinds: list[dict[str, Any]],
    study: frozenset[str],
    lo: int,
    hi: int,
) -> str:
    """The one side a study of `kinds` names between tokens lo and hi
    (`side_of_named_study`), '' if none or two."""
    sides = set()
    for x in rd.matches.lats:
        if not lo <= x.start < hi:
            continue
        part = x.end
        while part < hi and rd.lower[part] in LIMB_PARTS:
            part += 1
        if part >= hi or not any(rd.lower[part] in exam["exam_terms"] for exam in kinds):
            continue
        near = rd.lower[max(lo, x.start - STUDY_REACH) : x.start]
        near += rd.lower[part + 1 : min(hi, part + 1 + STUDY_REACH)]
        if any(w in study for w in near):
            sides.add(str(kit.md(x)["laterality"]))
    return sides.pop() if len(sides) == 1 and sides <= {LEFT, RIGHT} else ""


def side_of_specimen(kit: Toolkit, rd: ReportDoc, f: Span, site: str) -> str:
    """The side of the one specimen a pathology report's specimen line names
    ('SPECIMEN: Kidney, left, nephrectomy.' over 'DIAGNOSIS: Renal cell
    carcinoma with dystrophic calcification.'), for a finding below that
    line at a site the line names (guide §2 step 5: the examination allows
    one reading, as a one-sided study gives the side). '' for a specimen
    section of several lines (parts A, B ...), a line naming both sides or
    none, or a finding at another site. A side written as a place on the
    specimen ('stitch on the right superior pole') is no side of it. In an
    operation note (a procedure line naming an operation) the specimen's
    side is the operated part's, a clinical context (`operated_side`)."""
    if not rd.matches.lats or not site:
        return ""
    line = _specimen_line(rd)
    if line is None or f.start < line[1]:
        return ""
    procedure = exam_line(rd.layout, _PROCEDURE_KINDS)
    if procedure is not None and _names_operation(kit, rd, *procedure):
        return ""  # an operation note's: the operated side is a context (operated_side)
    lo, hi = line
    if not any(s.site == site and lo <= s.start < hi for s in rd.matches.sites):
        return ""
    sides = {
        str(kit.md(x)["laterality"])
        for x in rd.matches.lats
        if lo <= x.start < hi
        and not kit.md(x).get("implied")
        and not (x.start > lo and rd.lower[x.start - 1] in _PLACE_LEADS)
    }
    return sides.pop() if len(sides) == 1 and sides <= {LEFT, RIGHT} else ""


# The words before a side that make it a place on the specimen, not the
# specimen's side ('Total thyroid, stitch on the right superior pole').
_PLACE_LEADS = frozenset({"the", "on", "at", "to"})
# The key the specimen line is kept under among the layout's exam lines.
_SPECIMEN_KEY = ("specimen line",)


def _specimen_line(rd: ReportDoc) -> tuple[int, int] | None:
    """The tokens of the text of a specimen header's section (mentions.json
    `specimen_labels`: 'SPECIMEN:') when it is one line, the header's own;
    None where there is none or the next line opens another part ('A.
    Thyroid, left lobe' over 'B. Thyroid, right lobe'). Found once per
    report (kept with `Layout._exam_lines`)."""
    lay = rd.layout
    if _SPECIMEN_KEY in lay._exam_lines:
        return lay._exam_lines[_SPECIMEN_KEY]
    labels = rd.word_sets.get("specimen_labels", frozenset())
    found = None
    if not labels.isdisjoint(rd.lower):
        sections, words = lay.sections, lay.words
        head = next(
            (i for i, w in enumerate(rd.lower) if w in labels and sections[i][2] == i), None
        )
        if head is not None:
            body = sections[head][1]
            end = body
            while end < len(words) and "\n" not in words[end] and words[end] != ";":
                end += 1  # the specimen's name, not what a ';' adds of it
            rest = end
            while rest < len(words) and "\n" not in words[rest]:
                rest += 1
            while rest < len(words) and lay.blank[rest]:
                rest += 1
            if body > head and not _part_mark(words, rest):
                found = (body, end)
    lay._exam_lines[_SPECIMEN_KEY] = found
    return found


# The marks after a part's letter or number ('B.', '2)', '2-').
_PART_MARKS = frozenset({".", ")", "-"})


def _part_mark(words: list[str], i: int) -> bool:
    """Does token i open a part with its letter or number ('B.', 'B', '.',
    '2-')?"""
    if i >= len(words) or not words[i][:1].isalnum() or len(words[i]) > 2:
        return False
    if len(words[i]) == 2:
        return words[i][1] in _PART_MARKS
    return i + 1 < len(words) and words[i + 1] in _PART_MARKS
