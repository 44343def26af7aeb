"""Interval change of the descriptors stage beyond the finding's own clause
(corpora/GUIDE.md, Descriptors: change): a change phrase that closes the
sentence is every finding's of it, one that a copula or an "and" puts after
the mention is the mention's ("is again seen", "and stable since"), also
past the mention's own modifiers ("nodes with a granuloma are again seen"),
and one that opens the mention's noun phrase with "of" or "in" is the
mention's past listed modifiers ("redemonstration of tortuous and calcified
aorta")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.descriptor_sizes import (
    WORD,
    Word,
    compares_a_side,
    size_at,
    size_mm,
    skip_spaces,
    threshold,
)
from calc_nlp.stages.record import RELATIVE_PRONOUNS


def _change_at(dr: DescriptorRules, text: str, at: int) -> re.Match[str] | None:
    """A change term (with a value) starting at `at`, past spaces."""
    m = dr.terms.match(text, skip_spaces(text, at))
    if m is None:
        return None
    entry = dr.term(m.group())
    if threshold(dr, text, m.end()):
        return None  # "fewer than five per cluster": a count, not a change
    if compares_a_side(dr, text, m.end()):
        return None  # "..., similar to the right": the other side's
    return m if entry["field"] == "change" and entry["value"] else None


def closing_change(
    dr: DescriptorRules, text: str, spans: list[Span], sent: Span
) -> Word | None:
    """A change phrase that closes the sentence after a comma, past its last
    finding ("..., unchanged.", "..., progressed since prior.", "..., both
    unchanged"), is every finding's of the sentence: (value, rule id, start,
    end)."""
    last = max(s.end_char for s in spans if sent.start <= s.start < sent.end)
    comma = text.rfind(",", last, sent.end_char)
    at = _past_change_adverb(dr, text, _past_distributive(dr, text, comma + 1))
    m = _change_at(dr, text, at) if comma >= 0 else None
    if m is None or m.end() > sent.end_char or not _closes_phrase(dr, text, m):
        m = _after_appearance(dr, text, comma, sent.end_char) if comma >= 0 else None
    if m is None:
        m = _before_participles(dr, text, last, sent.end_char)
    if m is None:
        alone = sum(1 for s in spans if sent.start <= s.start < sent.end) == 1
        m = _distributed(dr, text, last, sent.end_char, alone)
    if m is None:
        m = _closing_as(dr, text, last, sent.end_char)
    if m is None:
        return None
    entry = dr.term(m.group())
    return (entry["value"], entry["id"], m.start(), m.end())


def semicolon_change(
    dr: DescriptorRules, text: str, start: int, end: int
) -> Word | None:
    """A change phrase that opens the part after a semicolon ending the
    findings' sentence, from `start` to `end`, when that part names no
    finding (the caller's check) and the phrase closes it ("calcified node
    in the hilum; unchanged from the earlier film", "...; both stable"): a
    predicate with no subject of its own, so every finding's of the sentence
    before it, as a closing phrase after a comma is. Not a change word
    grading the noun after it ("...; stable cardiomegaly")."""
    m = _change_at(dr, text, _past_distributive(dr, text, start))
    if m is None or m.end() > end or not _closes_phrase(dr, text, m):
        return None
    entry = dr.term(m.group())
    return (entry["value"], entry["id"], m.start(), m.end())


# How many words may follow the change term in a sentence of its own
# ("Unchanged from the prior examination.").
_SENTENCE_TAIL_REACH = 6


def sentence_change(
    dr: DescriptorRules, text: str, start: int, end: int, others: frozenset[str]
) -> Word | None:
    """A sentence from `start` to `end`, right after the findings' sentence
    and naming no finding (the caller's check), that is only a change phrase
    ("Unchanged.", "Stable since 2017.", "No change from the earlier film.",
    "Both unchanged."): a predicate with no subject of its own, so every
    finding's of the sentence before it, as a closing phrase after a comma
    is. The term must open the sentence and close its phrase; after it only
    a few words with no mark, no denial and no noun of `others` (lesion and
    other finding nouns): not "Stable cardiomegaly.", "No change in the heart
    size.", "Unchanged, new effusion."."""
    at = skip_spaces(text, start)
    m = _change_at(dr, text, _past_distributive(dr, text, at))
    if m is None or m.end() > end or not _closes_phrase(dr, text, m):
        return None
    tail = text[m.end() : end].rstrip()
    tail = tail[:-1] if tail.endswith(".") else tail
    words = [w.lower() for w in WORD.findall(tail)]
    if _TAIL_MARK.search(tail) or _DENIED.search(tail) or others & set(words):
        return None
    if len(words) > _SENTENCE_TAIL_REACH:
        return None
    entry = dr.term(m.group())
    return (entry["value"], entry["id"], m.start(), m.end())


# Marks that, in a change sentence's tail, open another part or clause.
_TAIL_MARK = re.compile(r"[,;:()\n]")


# How many words the judging part before the "and" may hold, more when a
# restating link opens it and names what the findings are ('typical of fat
# necrosis from the earlier operation and unchanged'); and the part a side
# word opens.
_APPEARANCE_REACH = 6
_RESTATING_REACH = 10
_SIDE_PART_REACH = 1
_PART_WORD = re.compile(r"[^\S\n]*([\w-]+|[^\w\s])")


def _after_appearance(
    dr: DescriptorRules, text: str, comma: int, end: int
) -> re.Match[str] | None:
    """A change phrase after an "and" in the part that closes the sentence
    after `comma`, when only a few plain words judging how the findings look
    open that part ("..., benign in appearance and stable for 3 years",
    "..., benign-appearing and unchanged since XXXX") or where they lie
    ("..., bilateral and stable since XXXX"): a second predicate of the
    findings. The first word must be an appearance_leads word or a side
    word alone (`side_words`, _SIDE_PART_REACH), and no
    lesion noun, number or mark may stand before the "and" (not "..., heart
    size normal and stable"). A part a restating link opens ("typical of",
    "consistent with"; descriptors.json `restating_links`) may run longer:
    it names what the findings are, not another subject."""
    at, seen = comma + 1, list[str]()
    first = _NEXT.match(text, at, end)
    restates = first is not None and dr.restating.match(text, first.start(1)) is not None
    reach = _RESTATING_REACH if restates else _APPEARANCE_REACH
    while len(seen) <= reach:
        w = _PART_WORD.match(text, at, end)
        if w is None:
            return None
        word = w.group(1).lower()
        at = w.end()
        if word == "and":
            break
        if not word[0].isalpha() or word in dr.lesion_nouns:
            return None
        seen.append(word)
    else:
        return None
    # or a side said of the findings, alone ("..., bilateral and stable
    # since XXXX"; not "..., left hilum enlarged and new")
    placed = bool(seen) and seen[0] in dr.side_words and len(seen) <= _SIDE_PART_REACH
    if not seen or (seen[0] not in dr.appearance_leads and not placed):
        return None
    m = _change_at(dr, text, at)
    if m is None or m.end() > end or not _closes_phrase(dr, text, m):
        return None
    return m


def _before_participles(
    dr: DescriptorRules, text: str, last: int, end: int
) -> re.Match[str] | None:
    """A change phrase that fills a comma part after the sentence's last
    finding when only participle parts follow it ("..., new since the prior
    exam, limiting evaluation") or parts naming what the findings are ("A
    and B, stable, consistent with old granulomatous disease": restating
    links): they add what the findings do or are, not another subject, so
    the change phrase still closes the findings' sentence."""
    commas = [k for k in range(last, end) if text[k] == ","]
    for a, b in zip(commas, commas[1:], strict=False):
        at = _past_change_adverb(dr, text, _past_distributive(dr, text, a + 1))
        m = _change_at(dr, text, at)
        if m is None or m.end() > b or not _closes_phrase(dr, text, m):
            continue
        if all(_adds_to_findings(dr, part) for part in text[b + 1 : end].split(",")):
            return m
    return None


# The word that opens a clause saying what the findings were at the time a
# change phrase compares with ("..., larger than at 6 weeks, when it was
# faint"): a function word, no medical word list.
_THEN = "when"


def _adds_to_findings(dr: DescriptorRules, part: str) -> bool:
    """Does a comma part open with a participle ("limiting evaluation"), a
    restating link ("consistent with ...", "likely ...") or a "when" clause
    about the earlier time ("when it was faint")?"""
    o = _NEXT.match(part)
    if o is None:
        return False
    word = o.group(1).lower()
    return (
        word.endswith("ing")
        or word == _THEN
        or bool(dr.restating.match(part, o.start(1)))
    )


def _closing_as(dr: DescriptorRules, text: str, last: int, end: int) -> re.Match[str] | None:
    """A change phrase opening with "as" ("as before", "as on the prior") that
    ends the sentence past a restating phrase after its last finding, with no
    comma ("calcified nodule at the apex consistent with a healed granuloma
    as before"): the restating phrase names what the finding is, so the
    closing phrase is still the finding's."""
    found = list(dr.terms.finditer(text, last, end))
    if not found or text[found[-1].end() : end].strip(" \t\r\n.;"):
        return None
    m = found[-1]
    entry = dr.term(m.group())
    if entry["field"] != "change" or not entry["value"]:
        return None
    if not m.group().lower().startswith("as ") or any(p in text[last : m.start()] for p in ",;:"):
        return None
    return m if dr.restating.search(text, last, m.start()) is not None else None


_NEXT = re.compile(r"[^\S\n]*([a-z]\w*)", re.I)
# The next word as a follower reads it: 'cf.' and 'c.f.' (confer) whole, with
# their full stops, so that no 'CF' (cystic fibrosis) or 'c-collar' is one.
_FOLLOWER = re.compile(r"[^\S\n]*(c\.?f\.|[a-z]\w*)", re.I)
# The first mark ending a change phrase after its word.
_PHRASE_STOP = re.compile(r"[,;.\n]")


def _distributed(
    dr: DescriptorRules, text: str, last: int, end: int, alone: bool = False
) -> re.Match[str] | None:
    """A change phrase that a distributive word opens in the part right after
    the sentence's last finding, when more follows it ("A and B, both
    unchanged from XXXX, and a new consolidation"): the word gives it to
    every finding before it. When the finding is `alone` in its sentence, it
    needs no such word, as long as no other lesion noun stands between and
    an "and" opens what follows ("A with a dilated duct, unchanged from XXXX,
    and no fluid collection"; not "..., stable, heart size enlarged", a list
    of parts of their own). The phrase ends at a comma."""
    comma = text.find(",", last, end)
    if comma < 0 or any(p in text[last:comma] for p in ";:("):
        return None
    at = _past_distributive(dr, text, comma + 1)
    if at == comma + 1:
        # no "both", "all", "each": only a finding alone in its sentence, no
        # other lesion noun before the comma ("... near a nodule, unchanged")
        if not alone or dr.lesion_nouns & set(_NEXT.findall(text.lower(), last, comma)):
            return None
    m = _change_at(dr, text, at)
    if m is None or m.end() > end or not _closes_phrase(dr, text, m):
        return None
    stop = _PHRASE_STOP.search(text, m.end())
    if stop is None or stop.start() >= end or stop.group() != ",":
        return None
    if at == comma + 1 and not _AND_NEXT.match(text, stop.end()):
        return None
    return m


_AND_NEXT = re.compile(r"[^\S\n]*and\b", re.I)


def _past_distributive(dr: DescriptorRules, text: str, at: int) -> int:
    """Past a word giving what follows to every finding ('both', 'all') and
    a copula after it ('all are unchanged'), if one stands at `at`."""
    m = _NEXT.match(text, at)
    if m is None or m.group(1).lower() not in dr.distributive:
        return at
    nxt = _NEXT.match(text, m.end())
    if nxt is not None and nxt.group(1).lower() in dr.copulas:
        return nxt.end()
    return m.end()


def _past_change_adverb(dr: DescriptorRules, text: str, at: int) -> int:
    """Past an adverb grading the change after it ('..., slowly enlarging',
    '..., slightly increased'; descriptors.json `change_adverbs`), if one
    stands at `at`."""
    m = _NEXT.match(text, at)
    return m.end() if m is not None and m.group(1).lower() in dr.change_adverbs else at


def _closes_phrase(dr: DescriptorRules, text: str, m: re.Match[str]) -> bool:
    """Is a closing change phrase about the sentence's findings, not the
    noun after it ("..., unchanged since prior", not "..., stable heart
    size" or "..., no change in the effusion")?"""
    nxt = _FOLLOWER.match(text, m.end())
    if nxt is None:
        return True
    word, last = nxt.group(1).lower(), m.group().split()[-1].lower()
    if last in ("in", "of"):
        return word in dr.followers
    return word in dr.followers or last in dr.followers


# How many words a copula's predicate may stand after the mention.
_PREDICATE_REACH = 12
# a word, a stop, or a number with its decimals ("measures 1.1 cm and is
# unchanged": its point ends no phrase)
_WORD_OR_STOP = re.compile(r"[^\S\n]*(\d+\.\d+|\w+(?:'\w+)?|[,;:()])")


# How many words a place aside between a comma and a semicolon may hold.
_PLACE_ASIDE_WORDS = 4
_ASIDE = re.compile(rf"[^\S\n]*((?:[A-Za-z']+[^\S\n]*){{1,{_PLACE_ASIDE_WORDS}}});")


def _aside_to_semicolon(text: str, comma: int, stop: int) -> int | None:
    """Where the semicolon stands that closes a short aside of words only
    after a comma (", posterior depth;"), within `stop`; None otherwise."""
    m = _ASIDE.match(text, comma)
    if m is None or m.end() > stop or "and" in m.group(1).lower().split():
        return None
    return m.end() - 1


def copula_change(
    dr: DescriptorRules, text: str, end: int, stop: int, subject: bool = False
) -> re.Match[str] | None:
    """A change term that a copula of the mention's sentence predicates of
    it past the mention's own modifiers ("nodule with a granuloma is again
    seen", "are seen at both bases and stable compared with the prior"):
    right after a copula, "and" or "but" that follow the first copula, with
    no comma, no "and" before that copula but one the copula follows right
    away, or an auxiliary, when the mention is its sentence's `subject`
    ("projects over the lingula and is unchanged", "and has not changed"),
    and nothing after the term but a follower or the phrase's end ("is seen
    with new consolidation" is not);
    a clause after a semicolon that a pronoun and a copula open is the
    mention's too ("...; these are similar to the prior exam")."""
    at, copula, prev, joined, other = end, False, "", False, False
    adverb, semi, steps = False, False, 0
    while steps < _PREDICATE_REACH:
        steps += 1
        m = _change_at(dr, text, at) if copula else None
        if m is not None and m.end() <= stop:
            return (
                m
                if (prev in dr.copulas | {"and", "but"} or joined or adverb)
                and not other
                and _ends(dr, text, m, _ATTACHING)
                else None
            )
        w = _WORD_OR_STOP.match(text, at)
        pronoun = False
        if w is not None and w.group(1) == ";" and not semi:
            # "; these are similar to"; past the mention's own predicate too
            # ("is consistent with a meningioma; it has not changed"): the
            # clause after it has a reach of its own
            w = _anaphor_subject(dr, text, w.end())
            pronoun, semi, copula, other, prev, steps = True, True, False, False, "", 0
        elif w is not None and w.group(1) == "," and not semi and (
            semicolon := _aside_to_semicolon(text, w.end(), stop)
        ):
            # "lies at 10 o'clock, posterior depth; these are unchanged": a
            # short place aside closing the predicate before the semicolon
            at = semicolon
            continue
        elif w is not None and w.group(1) == "," and not copula:
            comma = w.end()  # ", and those are"; ", a finding that is"
            aside = _size_aside(dr, text, comma)
            if aside is None:
                aside = _restating_aside(dr, text, comma)
            if aside is None:
                aside = _with_aside(dr, text, comma, stop)
            if aside is not None and aside < stop:
                at = aside  # "nodule, 5 mm, in the right upper lobe is stable"
                continue
            w = _and_pronoun_subject(dr, text, comma) or _appositive_subject(
                dr, text, comma
            )
        if w is None or w.end() > stop or not w.group(1)[0].isalnum():
            return None
        last, prev = prev, w.group(1).lower()
        if pronoun:
            at = w.end()
            continue
        # "is also stable": an adverb right after the copula
        adverb = copula and last in dr.copulas and prev in dr.copula_adverbs
        if prev in ("and", "or") and not copula:
            if prev == "or" or not subject or not _joins_predicate(dr, text, w.end()):
                return None  # not "overlies the lingula and the effusion is"
        # "and has not changed"; "; it has not changed"
        joined = (last == "and" or (semi and last in dr.anaphors)) and (
            prev in dr.auxiliaries
        )
        if prev == "and":
            other = copula and _opens_subject(text, w.end())
        copula = copula or prev in dr.copulas or joined
        at = w.end()
    return None


# copulas that take a plural subject: after "A and B" they predicate both
_PLURAL_COPULAS = frozenset({"are", "were", "remain", "appear"})
# prepositions that open the mention's own place before the "and" of a
# compound subject ("calcified nodes in the right hilum and granulomas are")
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "of", "within", "along", "over", "near", "on"}
)
# How many words the mention's place may hold before that "and".
_COMPOUND_PLACE_REACH = 6


def compound_change(
    dr: DescriptorRules, text: str, end: int, stop: int, conjunct: int | None = None
) -> re.Match[str] | None:
    """A change term a plural copula predicates of a compound subject the
    mention opens ("Calcified hilar nodes and granulomas are again seen",
    "Calcified granuloma in the RUL and the left effusion are unchanged"):
    the predicate is every conjunct's, the mention's too. The mention (its
    end at `end`) may keep its own place phrase before the "and", one a
    preposition opens with no verb or relative pronoun in it; the other
    conjunct holds no comma or verb before the copula, which must take a
    plural ("are", "were": not "overlies the lingula and the effusion is
    unchanged"). When the other conjunct is a finding of its own, its end
    is `conjunct` and only the mention's place, "and" and a few words stand
    between the two ("punctate calcifications in the right breast and
    amorphous calcifications in the left breast are new"). Searched up to
    `stop`."""
    at = end
    w = _WORD_OR_STOP.match(text, at)
    if w is not None and w.group(1).lower() in _PLACE_PREPOSITIONS:
        for _ in range(_COMPOUND_PLACE_REACH):
            w = _WORD_OR_STOP.match(text, at)
            if w is None or not w.group(1)[0].isalnum() or w.group(1).lower() == "and":
                break
            if w.group(1).lower() in dr.verbs | RELATIVE_PRONOUNS:
                return None
            at = w.end()
        w = _WORD_OR_STOP.match(text, at)
    if w is None or w.group(1).lower() != "and" or w.end() > stop:
        return None
    at = w.end() if conjunct is None else conjunct
    scan = at
    for _ in range(_PREDICATE_REACH):
        v = _WORD_OR_STOP.match(text, scan)
        if v is None or v.end() > stop or not v.group(1)[0].isalnum():
            return None
        word = v.group(1).lower()
        if word in dr.verbs or word in RELATIVE_PRONOUNS:
            if word not in _PLURAL_COPULAS:
                return None
            break
        if word in ("and", "or") and conjunct is not None:
            return None
        scan = v.end()
    else:
        return None
    return copula_change(dr, text, at, stop)


def _opens_subject(text: str, at: int) -> bool:
    """Does an article or "there" come right after an "and" that follows the
    mention's copula, opening a clause with a subject of its own ("is seen
    and the heart size is unchanged", "is present and there is a new
    effusion")? Its predicate is not the mention's; a later "and" may join
    the mention's again ("in the hilum and the mediastinum and are
    unchanged")."""
    nxt = _WORD_OR_STOP.match(text, at)
    return nxt is not None and nxt.group(1).lower() in _ARTICLES | {"there"}


def _joins_predicate(dr: DescriptorRules, text: str, at: int) -> bool:
    """Does a copula or an auxiliary come right after an "and" (a second
    predicate of the same subject: "and is unchanged", "and has grown")?"""
    nxt = _WORD_OR_STOP.match(text, at)
    return nxt is not None and nxt.group(1).lower() in dr.verbs


def subject_mention(dr: DescriptorRules, text: str, lo: int, start: int) -> bool:
    """Does the mention open its clause, a few words at most and no lesion
    noun before it ("A punctate calcified granuloma projects ...", not "A
    new nodule abuts the calcified granuloma and is ..."), so it is the
    subject of the predicates after it?"""
    before = [w.lower() for w in re.findall(r"[\w-]+", text[lo:start])]
    return len(before) <= dr.window and not dr.lesion_nouns & set(before)


def _anaphor_subject(dr: DescriptorRules, text: str, at: int) -> re.Match[str] | None:
    """After a semicolon, a pronoun that a copula or an auxiliary follows
    ("these are", "it has"): the next clause is about the mention."""
    w = _WORD_OR_STOP.match(text, at)
    nxt = _WORD_OR_STOP.match(text, w.end()) if w is not None else None
    if w is None or nxt is None or w.group(1).lower() not in dr.anaphors:
        return None
    return w if nxt.group(1).lower() in dr.verbs else None


# pronouns that, after ", and", open a clause about the mention before them
# ("..., and it is unchanged", "..., and those deposits are unchanged"); not
# "the", which opens any noun phrase
_AND_PRONOUNS = frozenset({"it", "they", "these", "those", "this", "that", "both"})
_DEMONSTRATIVES = frozenset({"these", "those", "this", "that", "both"})


def _and_pronoun_subject(
    dr: DescriptorRules, text: str, at: int
) -> re.Match[str] | None:
    """After a comma, "and" and a pronoun (a demonstrative with one noun
    after it) that a copula follows: the clause is about the mention. The
    last word before the copula, else None."""
    w = _WORD_OR_STOP.match(text, at)
    if w is None or w.group(1).lower() != "and":
        return None
    pronoun = _WORD_OR_STOP.match(text, w.end())
    if pronoun is None or pronoun.group(1).lower() not in _AND_PRONOUNS:
        return None
    nxt = _WORD_OR_STOP.match(text, pronoun.end())
    if nxt is not None and nxt.group(1).lower() in dr.copulas:
        return pronoun
    if nxt is None or pronoun.group(1).lower() not in _DEMONSTRATIVES:
        return None
    after = _WORD_OR_STOP.match(text, nxt.end())
    if after is None or after.group(1).lower() not in dr.copulas:
        return None
    return nxt if nxt.group(1).isalpha() else None


_ARTICLES = frozenset({"a", "an", "the"})


def _size_aside(dr: DescriptorRules, text: str, at: int) -> int | None:
    """After a comma, a size set off by a second comma ("nodule, 5 mm, in
    the right upper lobe is stable") or ending the sentence at a semicolon
    ("calcification, 6 mm; this was not present previously"): an aside of
    the mention's phrase, so the words after it still run on to its copula.
    Where the second comma ends or the semicolon stands, else None."""
    found = size_at(dr, text, skip_spaces(text, at))
    if found is None:
        return None
    after = skip_spaces(text, found[1].end())
    if text.startswith(",", after):
        return after + 1
    if text.startswith(";", after):
        return after  # "calcification, 6 mm; this was not present"
    return None


# Most characters a restating aside may hold before its closing comma.
_RESTATING_ASIDE_CHARS = 60


def _restating_aside(dr: DescriptorRules, text: str, at: int) -> int | None:
    """After a comma, a phrase a restating link opens that a second comma
    closes ("calcifications, consistent with fat necrosis, are unchanged";
    "granuloma, likely old, is stable"): an aside naming what the mention
    is, so the words after it still run on to its copula. Where the second
    comma ends, else None (none within `_RESTATING_ASIDE_CHARS`, or a stop or line
    break first)."""
    start = skip_spaces(text, at)
    if dr.restating.match(text, start) is None:
        return None
    close = text.find(",", start, start + _RESTATING_ASIDE_CHARS)
    if close < 0 or any(ch in ";:.\n" for ch in text[start:close]):
        return None
    return close + 1


# the words that open an aside of the mention's phrase set off by commas
_ASIDE_LEADS = frozenset({"with", "without"})


def _with_aside(dr: DescriptorRules, text: str, at: int, stop: int) -> int | None:
    """After a comma, an aside that "with" or "without" opens and a second
    comma closes right before a copula ("calcification in the lower pole,
    without a nodule around it, is again seen"): the mention's own modifier,
    so the words after it still run on to its copula. Where the second comma
    ends, else None."""
    lead = _WORD_OR_STOP.match(text, at)
    if lead is None or lead.group(1).lower() not in _ASIDE_LEADS:
        return None
    close = text.find(",", lead.end(), stop)
    if close < 0 or ";" in text[lead.end() : close]:
        return None
    nxt = _WORD_OR_STOP.match(text, close + 1)
    return close + 1 if nxt is not None and nxt.group(1).lower() in dr.copulas else None


def _appositive_subject(
    dr: DescriptorRules, text: str, at: int
) -> re.Match[str] | None:
    """After a comma, an appositive that only names the mention as a finding
    or pattern and a relative pronoun that a copula follows ("..., a pattern
    that was new compared with the prior CT", "..., a finding which is
    unchanged"): the clause is about the mention. The relative pronoun, else
    None."""
    article = _WORD_OR_STOP.match(text, at)
    if article is None or article.group(1).lower() not in _ARTICLES:
        return None
    head = _WORD_OR_STOP.match(text, article.end())
    if head is None or head.group(1).lower() not in dr.appositive_heads:
        return None
    rel = _WORD_OR_STOP.match(text, head.end())
    if rel is None or rel.group(1).lower() not in RELATIVE_PRONOUNS:
        return None
    nxt = _WORD_OR_STOP.match(text, rel.end())
    return rel if nxt is not None and nxt.group(1).lower() in dr.copulas else None


# after a change word that a copula predicates of the mention, a "with" only
# attaches something more to the subject ("is again noted with a new left
# effusion", "is unchanged with its tip at the carina")
_ATTACHING = frozenset({"with"})


def _ends(
    dr: DescriptorRules, text: str, m: re.Match[str], more: frozenset[str] = frozenset()
) -> bool:
    """Does the change term end its phrase (or a follower or one of `more`
    come next, or close the term itself: "new since the last CT")?"""
    last = m.group().split()[-1].lower()
    if last in dr.followers and last not in ("in", "of") and len(m.group().split()) > 1:
        return True
    nxt = _FOLLOWER.match(text, m.end())
    return nxt is None or nxt.group(1).lower() in dr.followers | {"but", "and"} | more


# The next word, after blanks on the same line.
_WORD_AFTER = re.compile(r"[^\S\n]*(\w+)")


def predicate_change(
    dr: DescriptorRules, text: str, end: int, stop: int
) -> re.Match[str] | None:
    """A change term a copula or "and" puts after the mention ("is again seen
    but", "are stable as are", "and stable compared with prior"): the first
    one after only copulas, "and" and words that are not terms, when it ends
    its phrase (not "and stable nodule")."""
    at = end
    last = ""
    while at < stop:
        m = _change_at(dr, text, at)
        if m is not None:  # not "and decreased pleural effusion"
            return m if m.end() <= stop and _ends(dr, text, m) else None
        w = _WORD_AFTER.match(text, at)
        word = w.group(1).lower() if w else ""
        # "is calcified and it is larger than before": a pronoun of
        # `predicate_pronouns` right after "and" stands for the mention;
        # "is calcified and has not changed": an auxiliary there opens its
        # second predicate
        pronoun = last == "and" and word in dr.predicate_pronouns | dr.auxiliaries
        if w is None or (word not in dr.copulas | {"and"} and not pronoun):
            return None
        at, last = w.end(), word
    return None


# How many words an opening "redemonstration of" may stand before the mention.
_OPENING_REACH = 6


def opening_change(
    dr: DescriptorRules, text: str, lo: int, start: int
) -> re.Match[str] | None:
    """A change phrase that opens the mention's noun phrase with "of" or "in"
    ("redemonstration of tortuous and atherosclerotic calcified aorta"),
    between `lo` and the mention's `start`, with no punctuation and at most
    a few words between."""
    found = None
    for m in dr.terms.finditer(text, lo, start):
        entry = dr.term(m.group())
        opens = m.group().lower().split()[-1] in ("of", "in")
        if entry["field"] == "change" and entry["value"] and opens:
            found = m
    if found is None:
        return None
    gap = text[found.end() : start]
    if any(p in gap for p in ",;:()"):
        return None
    breaks = (b.group().lower() for b in dr.after_breaks.finditer(gap))
    if any(b not in dr.term_lists for b in breaks):
        return None  # "stable appearance of the silhouette with calcified aorta"
    return found if len(gap.split()) <= _OPENING_REACH else None


# The sentence's opening before its change word: blanks, a list number or
# bullet ("1. New since XXXX, ...", "- Unchanged from ...").
_LEAD_IN = re.compile(r"\s*(?:\d{1,2}[.)]|[-*\u2022])?\s*$")
# Words after the comparison that deny what follows them.
_DENIED = re.compile(r"\b(?:no|not|without|negative)\b", re.I)
# The comparison after the change word, up to the comma or colon that sets
# it off ("since XXXX,", "compared with the prior mammogram:"); its first
# word may be the change term's own last word ("new since": "XXXX,").
_COMPARISON = re.compile(r"[^\S\n]+(\w+)\b[^,:;.\n]{0,60}?[,:]")


def fronted_change(
    dr: DescriptorRules, text: str, lo: int, start: int
) -> re.Match[str] | None:
    """A change word opening the sentence (`lo`) with what it compares
    against, set off by a comma or colon before the mention's `start`
    ("New since XXXX, there are punctate calcifications"; "Unchanged
    compared with the prior exam: calcified granuloma"): it grades what the
    sentence then reports, as a change word before the noun would."""
    m = dr.terms.search(text, lo, start)
    if m is None or not _LEAD_IN.match(text[lo : m.start()]):
        return None
    entry = dr.term(m.group())
    if entry["field"] != "change" or not entry["value"]:
        return None
    cmp = _COMPARISON.match(text, m.end(), start)
    lead = m.group().lower().split()[-1] if cmp is not None else ""
    if lead not in dr.comparison_leads:
        lead = "" if cmp is None else cmp.group(1).lower()
    if lead not in dr.comparison_leads or cmp is None:
        return None
    # "Stable since XXXX, no calcifications": the word grades what is there
    return None if _DENIED.search(text, cmp.end(), start) else m


# "than" and up to three words after the mention that may hold the dating
# word ("than on the prior exam", "than before").
_THAN_AFTER = re.compile(r"[^\S\n]+than((?:[^\S\n]+[\w/-]+){1,3})", re.I)
# A place after the mention, led by a word of subject_places, up to four
# words, right before "than".
_PLACE_BEFORE_THAN = re.compile(
    r"[^\S\n]+(\w+)(?:[^\S\n]+[\w/-]+){1,4}?(?=[^\S\n]+than(?!\w))", re.I
)


def prior_comparative(
    dr: DescriptorRules, text: str, lo: int, start: int, end: int
) -> tuple[int, int] | None:
    """A comparative of prior_comparatives before the mention (from `lo`,
    at most the before window of words between, no punctuation) with "than"
    and a dating word of threshold_dating right after it ("more
    calcifications than before", "more coronary calcification than on the
    prior exam"): it compares with the earlier study, as "more extensive"
    does. Its characters, or None ("more than two calcifications" has its
    "than" before the mention)."""
    than = _THAN_AFTER.match(text, end)
    if than is None:
        # a place the mention lies in may stand before "than" ("more
        # calcified granulomas at the apices than on XXXX")
        place = _PLACE_BEFORE_THAN.match(text, end)
        if place is None or place.group(1).lower() not in dr.subject_places:
            return None
        than = _THAN_AFTER.match(text, place.end())
    if than is None:
        return None
    if not dr.threshold_dating & {w.lower() for w in WORD.findall(than.group(1))}:
        return None
    found = None
    for m in WORD.finditer(text, lo, start):
        if m.group().lower() in dr.prior_comparatives:
            found = m
    if found is None:
        return None
    gap = text[found.end() : start]
    if any(p in gap for p in ",;:()") or len(gap.split()) > dr.window:
        return None
    return found.start(), found.end()


_LAST_WORD = re.compile(r"(\w+)[^\S\n]*$")


def host_change(
    dr: DescriptorRules, text: str, lo: int, start: int, sentence: int | None = None
) -> re.Match[str] | None:
    """The change word of the lesion a "with" attaches the mention to ("Stable
    9 mm left TR4 nodule with coarse calcification": the calcification is
    that nodule's): `lo` is where the mention's clause opens, `start` where
    the host's phrase may begin. The term must grade the lesion noun that
    ends right before the "with", a few words (sizes aside) before it; past
    an aside of the host's own (`_aside_host_change`) that noun may end the
    finding before it, in its sentence from `sentence` on ("calcified
    fibroadenoma, 1.6 cm, unchanged, with popcorn-like calcification")."""
    link = _LAST_WORD.search(text, max(start, lo - 12), lo)
    if link is not None and link.group(1).lower() == "and":
        # "with mural thrombus and wall calcification": the "with" gives the
        # host both items
        link = _with_item_before(dr, text, start, link.start()) or link
    if link is None or link.group(1).lower() not in dr.shape_links:
        return None
    noun = _LAST_WORD.search(text, start, link.start())
    if noun is None:  # "nodule, solid and hypoechoic, with"
        return _aside_host_change(dr, text, start, link.start(), sentence)
    host = noun.group(1).lower()
    if host not in dr.lesion_nouns and host not in dr.host_lesions:
        said = _predicated_host_change(dr, text, start, link.start())
        said = said or _process_change(dr, text, start, link.start())
        return said or _aside_host_change(dr, text, start, link.start(), sentence)
    return _grading_term(dr, text, start, noun.start(), places_count=False)


def _grading_term(
    dr: DescriptorRules, text: str, start: int, noun: int, places_count: bool
) -> re.Match[str] | None:
    """The change term in the clause before a lesion noun at `noun` (its
    clause opening after the last clause break from `start` on) that grades
    it: at most the window's words between, sizes aside, and side and place
    words aside too unless `places_count` (`_unplaced`)."""
    cuts = list(dr.clause_breaks.finditer(text, start, noun))
    lo = cuts[-1].end() if cuts else start
    for m in dr.terms.finditer(text, lo, noun):
        entry = dr.term(m.group())
        if entry["field"] != "change" or not entry["value"]:
            continue
        gap = text[m.end() : noun]
        for _, rx in dr.patterns.get("size", []):
            gap = rx.sub(" ", gap)
        words = gap.split() if places_count else _unplaced(dr, gap)
        if len(words) <= dr.window:
            return m
    return None


def _unplaced(dr: DescriptorRules, gap: str) -> list[str]:
    """The words of a gap before a host's lesion noun but its side and place
    words ("New left lower pole TR5 nodule with microcalcifications": only
    "TR5" stands between the change word and the noun it grades); all of
    them when an article opens a phrase of another thing in it ("New
    consolidation around the left lower lobe nodule")."""
    words = gap.split()
    if _ARTICLES & {w.lower() for w in words}:
        return words
    places = dr.side_words | dr.synonym_words
    return [w for w in words if w.lower() not in places and w.lower() not in dr.synonyms]


# How many words (sizes aside) an aside may hold between the host's lesion
# noun and the "with" that gives it the calcification.
_HOST_ASIDE_REACH = 10
# Marks that end the host's phrase before an aside could reach the "with".
_HOST_STOPS = re.compile(r"[;:]|\.(?!\d)")

# The words of one item a "with" gives the host before an "and" ("with mural
# thrombus and ..."): group 1 is the "with", at most three words after it.
_WITH_ITEM = re.compile(r"(\w+)((?:[^\S\n]+[\w-]+){1,3})[^\S\n]*$")


def _with_item_before(
    dr: DescriptorRules, text: str, start: int, at: int
) -> re.Match[str] | None:
    """The "with" that opens the item joined by "and" before the mention
    ("aneurysm, increased, with mural thrombus and wall calcification"), a
    few words, no mark, between them; None when there is none."""
    m = _WITH_ITEM.search(text, max(start, at - 40), at)
    if m is None or m.group(1).lower() not in dr.shape_links:
        return None
    if any(w.lower() in dr.shape_links for w in WORD.findall(m.group(2))):
        return None
    return m


def _aside_host_change(
    dr: DescriptorRules, text: str, start: int, link: int, sentence: int | None = None
) -> re.Match[str] | None:
    """The change word of the lesion a "with" gives the calcification to past
    an aside of the lesion's own ("the right nodule enlarging to 3 cm,
    solid and hypoechoic, with a rim of calcification"; "Stable nodule,
    solid, with coarse calcification"; "the nodule, unchanged, with ..."): the
    last lesion noun before the "with", a few words at most between (sizes
    aside), no stop, article or other lesion noun; the change term in those
    words, else one grading the noun as host_change reads it. Not "a new
    mass beside the heart, with aortic calcification": an article opens
    another thing the "with" may follow."""
    nouns = [
        m
        for m in WORD.finditer(text, start if sentence is None else sentence, link)
        if m.group().lower() in dr.lesion_nouns or m.group().lower() in dr.host_lesions
    ]
    if not nouns:
        return None
    noun = nouns[-1]
    word = WORD.match(text, link)
    if dr.restating.search(text, noun.end(), word.end() if word else link):
        return None  # "..., compatible with": what the host is, no "with" of it
    gap = text[noun.end() : link]
    for _, rx in dr.patterns.get("size", []):
        gap = rx.sub(" ", gap)
    words = [w.lower() for w in WORD.findall(gap)]
    if _HOST_STOPS.search(gap) or len(words) > _HOST_ASIDE_REACH:
        return None
    if _ARTICLES & set(words):
        return None  # "beside the heart": another thing the "with" may follow
    for m in dr.terms.finditer(text, noun.end(), link):
        entry = dr.term(m.group())
        if entry["field"] == "change" and entry["value"]:
            return m
    return _grading_term(dr, text, start, noun.start(), places_count=True)


def _predicated_host_change(
    dr: DescriptorRules, text: str, start: int, link: int
) -> re.Match[str] | None:
    """The change word a copula predicates of the lesion right before the
    "with" that gives it the calcification ("The adrenal nodule is unchanged
    with peripheral calcification", "the fibroids remain stable with dense
    calcifications"), as host_change reads "stable nodule with ...": the
    change term ends the host's clause (a comma at most before the "with"),
    a copula (an adverb allowed) before it, and the word before that is a
    lesion noun. Not "the heart is unchanged with aortic calcification": no
    lesion."""
    cuts = list(dr.clause_breaks.finditer(text, start, link))
    lo = cuts[-1].end() if cuts else start
    said = None
    for m in dr.terms.finditer(text, lo, link):
        if not text[m.end() : link].strip(" ,"):
            said = m
    if said is None:
        return None
    entry = dr.term(said.group())
    if entry["field"] != "change" or not entry["value"]:
        return None
    words = [w.lower() for w in WORD.findall(text[lo : said.start()])]
    while words and words[-1] in dr.copula_adverbs:
        words.pop()
    if len(words) < 2 or words[-1] not in dr.copulas:
        return None
    noun = words[-2]
    return said if noun in dr.lesion_nouns or noun in dr.host_lesions else None


# The lesion noun a comma sets an adjective mention after, and at most one
# word between the comma and the mention ("granuloma, densely calcified").
_SET_AFTER = re.compile(r"(\w+)[^\S\n]*,((?:[^\S\n]+\w+)?)[^\S\n]*$")


def postposed_change(
    dr: DescriptorRules, text: str, span: Span, start: int
) -> re.Match[str] | None:
    """The change word of the lesion noun a comma sets an adjective mention
    after ("Stable left midlung granuloma, calcified": the granuloma is what
    is calcified, and it is stable), as host_change gives the lesion a "with"
    attaches the mention to: the term must grade that noun, a few words
    (sizes aside) before it, with no other lesion noun between; `start` is
    where the noun's phrase may begin."""
    if len(span) != 1 or span[0].norm_ != "calcified":
        return None
    m = _SET_AFTER.search(text, start, span.start_char)
    if m is None or len(m.group(2).split()) > 1:
        return None
    noun = m.group(1).lower()
    if noun not in dr.lesion_nouns and noun not in dr.host_lesions:
        return None
    cuts = list(dr.clause_breaks.finditer(text, start, m.start(1)))
    lo = cuts[-1].end() if cuts else start
    for t in dr.terms.finditer(text, lo, m.start(1)):
        entry = dr.term(t.group())
        if entry["field"] != "change" or not entry["value"]:
            continue
        gap = text[t.end() : m.start(1)]
        for _, rx in dr.patterns.get("size", []):
            gap = rx.sub(" ", gap)
        words = gap.split()
        if len(words) <= dr.window and not any(w.lower() in dr.lesion_nouns for w in words):
            return t
    return None


# How many plain words may stand between the copula and a predicated
# "calcified" ("and was almost entirely calcified").
_PREDICATE_GRADE_REACH = 2
# How many words may open the subject before its lesion noun ("The left
# lower pole nodule").
_SUBJECT_REACH = 5
# How many words a comparison may hold after an earlier predicate's change
# word before the comma that ends it ("unchanged since XXXX,").
_EARLIER_PREDICATE_REACH = 6


def earlier_predicate_change(
    dr: DescriptorRules, text: str, span: Span, lo: int
) -> re.Match[str] | None:
    """The change word an earlier predicate of the sentence's subject gives
    the lesion a later predicate calls calcified ("The nodule is unchanged
    and is densely calcified", "The nodule, unchanged since XXXX, is
    calcified", "The nodule measured 9 mm, stable, and was almost entirely
    calcified"): the lesion is what is calcified, and it is stable, as
    host_change reads "stable nodule with coarse calcification". The mention
    is a lone "calcified" after a copula (a few plain words between); the
    clause from `lo` opens with a lesion noun, no verb before it; the change
    term follows a copula or a comma after that noun, and a comma, "and" or
    the mention's copula ends its phrase. Not "The nodule abuts a granuloma,
    unchanged, and is calcified": another lesion noun between."""
    if len(span) != 1 or span[0].norm_ != "calcified":
        return None
    words = list(re.finditer(r"[\w-]+|[,;:()]", text[lo : span.start_char]))
    k = len(words) - 1
    grade = 0
    while k >= 0 and grade < _PREDICATE_GRADE_REACH and words[k].group()[0].isalpha():
        w = words[k].group().lower()
        if w in dr.copulas or w in ("and", "not", "no") or w in dr.lesion_nouns:
            break
        grade, k = grade + 1, k - 1
    if k < 1 or words[k].group().lower() not in dr.copulas:
        return None
    joint = words[k - 1].group().lower()
    if joint not in ("and", ","):
        return None
    end = lo + words[k - 1].start()
    lead = [w.group().lower() for w in words[: k - 1]]
    noun = next(
        (n for n, w in enumerate(lead) if w in dr.lesion_nouns or w in dr.host_lesions),
        None,
    )
    if noun is None or noun > _SUBJECT_REACH or dr.verbs & set(lead[:noun]):
        return None
    if not lead[:noun] or any(not w[0].isalpha() for w in lead[:noun]):
        return None
    start = lo + words[noun].end()
    for m in dr.terms.finditer(text, start, end):
        entry = dr.term(m.group())
        if entry["field"] != "change" or not entry["value"]:
            continue
        before = re.findall(r"[\w-]+|[,;:()]", text[start : m.start()].lower())
        if not before or (before[-1] != "," and before[-1] not in dr.copulas):
            continue
        if dr.lesion_nouns & set(before) or ";" in before:
            return None
        after = text[m.end() : end]
        close = after.find(",")
        rest = after[: close if close >= 0 else len(after)]
        if len(rest.split()) > _EARLIER_PREDICATE_REACH:
            continue
        if dr.lesion_nouns & {w.lower() for w in re.findall(r"[\w-]+", rest)}:
            continue
        return m
    return None


# How many words a process's place may hold between it and the "with".
_PROCESS_PLACE_REACH = 6
_PROCESS = re.compile(r"[^\S\n]*([\w-]+)")


def _process_change(
    dr: DescriptorRules, text: str, start: int, link: int
) -> re.Match[str] | None:
    """The change word of a process a "with" gives the calcification to
    ("Stable postsurgical changes of the right breast with dystrophic
    calcification", "Stable sarcoidosis with calcified hilar nodes"): a
    change term opening the host's phrase, a host_processes noun within two
    words after it, then at most a few plain words of its place before the
    "with" (no punctuation, no lesion noun). Not "stable appearance of the
    silhouette with aortic calcification": no process."""
    cuts = list(dr.clause_breaks.finditer(text, start, link))
    host = skip_spaces(text, cuts[-1].end() if cuts else start)
    m = _change_at(dr, text, host)
    if m is None:
        return None
    at = m.end()
    for _ in range(3):
        w = _PROCESS.match(text, at)
        if w is None or w.end() > link:
            return None
        at = w.end()
        if w.group(1).lower() in dr.host_processes:
            place = re.findall(r"[^\s]+", text[at:link])
            plain = all(re.fullmatch(r"[a-z-]+", p, re.I) for p in place)
            lesion = dr.lesion_nouns & {p.lower() for p in place}
            if plain and not lesion and len(place) <= _PROCESS_PLACE_REACH:
                return m
            return None
    return None


# Marks that may stand between today's size and the earlier one it is
# compared with ("now 7 mm, previously 5 mm", "measuring 8 mm (previously 8
# mm)", "now 9 mm (12 mm on the prior study)").
_COMPARED_MARKS = frozenset({",", "(", ")"})
_GAP_TOKEN = re.compile(r"[\w-]+|[^\w\s]")


def size_change(
    dr: DescriptorRules,
    text: str,
    today: tuple[int, int, float],
    mention_end: int,
    stop: int,
    room: tuple[int, int] | None = None,
) -> Word | None:
    """The change a finding's own size gives when its phrase compares it with
    an earlier size of the same lesion ("measures 9 mm, previously 12 mm" ->
    decreased; "now 7 mm, previously 5 mm" -> increased; "measuring 8 mm
    (previously 8 mm)" -> stable; "previously 12 mm, now 9 mm"): `today` is
    the finding's size (start, end, millimetres), the earlier one a size
    that a dating word (threshold_dating) dates, right after today's (past
    the mention when today's stands before it) or right before it with a
    size_current word between, no other word, number or lesion between, up
    to `stop`; or, `room` giving where the sentence leaves the mention
    room and where the mention starts, a size dated before the mention
    when a size_current word leads today's after it ("Previously noted 10 mm
    calcific deposit ..., now 3 mm"). (value, "", start, end) of the earlier
    size, the rule id being the size rule's; else None."""
    start, end, mm = today
    sizes = [
        (m, rid)
        for rid, rx in dr.patterns.get("size", [])
        for m in rx.finditer(text, min(start, mention_end), stop)
    ]
    after_from = max(end, mention_end)
    later = sorted(
        ((m, rid) for m, rid in sizes if m.start() >= after_from),
        key=lambda x: x[0].start(),
    )
    if later:
        m, rid = later[0]
        gap = _GAP_TOKEN.findall(text[after_from : m.start()].lower())
        if _compared_gap(dr, gap, m, text, stop, current=False):
            return _compared(dr, mm, m, rid)
        if start < mention_end and _place_then_compared(dr, gap, m, text, stop):
            return _compared(dr, mm, m, rid)
        if _aside_then_compared(dr, gap, m, text, stop):
            return _compared(dr, mm, m, rid)
    earlier = sorted(
        ((m, rid) for m, rid in sizes if mention_end <= m.start() and m.end() <= start),
        key=lambda x: x[0].start(),
    )
    if earlier:
        m, rid = earlier[-1]
        gap = _GAP_TOKEN.findall(text[m.end() : start].lower())
        before = _GAP_TOKEN.findall(text[mention_end : m.start()].lower())[-2:]
        dated = bool(dr.threshold_dating & set(before)) or _dated_after(
            dr, text, m.end(), start
        )
        if dated and _compared_gap(dr, gap, m, text, stop, current=True):
            return _compared(dr, mm, m, rid)
    if room is not None and start >= mention_end:
        return _dated_before_mention(dr, text, mm, room, text[mention_end:start])
    return None


def _dated_before_mention(
    dr: DescriptorRules, text: str, mm: float, room: tuple[int, int], gap: str
) -> Word | None:
    """The change against the last size before the mention, from `room`'s
    start to its end, when dating words lead that size ("Previously seen 9
    mm calcification") and a size_current word stands in `gap`, the words
    between the mention and today's size (", now 4 mm")."""
    if not dr.size_current & set(_GAP_TOKEN.findall(gap.lower())):
        return None
    lo, mention_start = room
    sizes = sorted(
        (
            (m, rid)
            for rid, rx in dr.patterns.get("size", [])
            for m in rx.finditer(text, lo, mention_start)
        ),
        key=lambda x: x[0].start(),
    )
    if not sizes:
        return None
    m, rid = sizes[-1]
    line = text.rfind("\n", 0, m.start()) + 1
    lead = _GAP_TOKEN.findall(text[line : m.start()].lower())[-2:]
    if not dr.threshold_dating & set(lead):
        return None
    return _compared(dr, mm, m, rid)


def _compared_gap(
    dr: DescriptorRules,
    gap: list[str],
    m: re.Match[str],
    text: str,
    stop: int,
    current: bool,
) -> bool:
    """Is `gap` what may stand between two sizes of one lesion compared: the
    marks of _COMPARED_MARKS and, for an earlier size after today's, dating
    words, comparison_leads and size_leads words ("previously measuring",
    "compared with"), one dating word at least or a dating phrase right
    after the earlier size ("12 mm on the prior study"); for today's size
    after an earlier one, a size_current word ("previously 12 mm, now 9
    mm"), which an "and" may join and a size_leads verb follow ("previously
    measured 15 mm and now measures 7 mm")."""
    words = [w for w in gap if w not in _COMPARED_MARKS]
    if current:
        return _current_gap(dr, words)
    # today's size may keep its own size_current word ("6 mm today, 4 mm
    # on the prior study")
    allowed = (
        dr.threshold_dating
        | dr.comparison_leads
        | dr.size_leads
        | _COMPARED_LINKS
        | dr.size_current
    )
    if not all(w in allowed for w in words):
        return False
    dated = bool(dr.threshold_dating & set(words))
    return dated or _dated_after(dr, text, m.end(), stop)


def _current_gap(dr: DescriptorRules, words: list[str]) -> bool:
    """Do `words` lead today's size after an earlier one: a size_current
    word, an "and" before it at most and size_leads verbs after it ("now",
    "and now measures", "currently measuring")?"""
    now = [k for k, w in enumerate(words) if w in dr.size_current]
    if len(now) != 1:
        return False
    head, tail = words[: now[0]], words[now[0] + 1 :]
    return head in ([], ["and"]) and all(w in dr.size_leads for w in tail)


# How many words the finding's place may take between its mention and the
# comma before an earlier size ("over the supraspinatus insertion, previously
# 18 mm"), a verb of lying and two place phrases included ("projects over the
# tendon insertion on the greater tuberosity, previously 9 mm"): a clause of
# its own, no longer list, runs past it.
_PLACE_REACH = 12


def _place_then_compared(
    dr: DescriptorRules, gap: list[str], m: re.Match[str], text: str, stop: int
) -> bool:
    """Does a comma aside dating the earlier size close the finding's clause
    ("A 12 mm calcific deposit over the tendon insertion, previously 18
    mm"): today's size before the mention, then only the words of its place
    (no number, no lesion noun that could own the sizes, no clause break),
    then a comma and what `_compared_gap` lets stand before an earlier size
    ("..., previously 18 mm", "..., 18 mm on the prior study")?
    The earlier size is the finding's, as when it follows the mention at
    once (guide, Descriptors: change from the finding's own sizes)."""
    if "," not in gap:
        return False
    cut = len(gap) - 1 - gap[::-1].index(",")
    place, tail = gap[:cut], gap[cut + 1 :]
    return _plain_words(dr, place, _PLACE_REACH) and _compared_gap(
        dr, tail, m, text, stop, current=False
    )


# How many words a comma aside between today's size and the earlier one may
# hold ("1.0 cm, not FDG avid, previously 1.5 cm").
_SIZE_ASIDE_WORDS = 5


def _aside_then_compared(
    dr: DescriptorRules, gap: list[str], m: re.Match[str], text: str, stop: int
) -> bool:
    """Does one comma aside that states no number and names no lesion stand
    between today's size and an earlier one `_compared_gap` lets follow it
    ("1.0 cm, not FDG avid, previously 1.5 cm"; "15 mm, intensely avid,
    previously 10 mm")? The aside says how the lesion looks today, not what
    the earlier size belongs to (guide, Descriptors: change from the
    finding's own sizes)."""
    if gap[:1] != [","] or gap.count(",") != 2:
        return False
    cut = len(gap) - 1 - gap[::-1].index(",")
    aside, tail = gap[1:cut], gap[cut + 1 :]
    return _plain_words(dr, aside, _SIZE_ASIDE_WORDS) and _compared_gap(
        dr, tail, m, text, stop, current=False
    )


def _plain_words(dr: DescriptorRules, words: list[str], reach: int) -> bool:
    """Are `words` one to `reach` plain words (letters and hyphens), none a
    lesion noun: a place or an aside that names no other lesion and states
    no number?"""
    return (
        0 < len(words) <= reach
        and all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words)
        and not dr.lesion_nouns & set(words)
    )


# the words a comparison with an earlier size may open with: "compared with"
_COMPARED_LINKS = frozenset({"with", "to"})


def _dated_after(dr: DescriptorRules, text: str, at: int, stop: int) -> bool:
    """Do dating words right after a size date it ("12 mm on the prior
    study", "5 mm previously", "(12 mm before)")?"""
    after = [w for w in _GAP_TOKEN.findall(text[at:stop].lower())[:3] if w != ")"]
    if after[:1] and after[0] in dr.threshold_dating:
        return True
    if len(after) < 2 or after[0] != "on":
        return False
    nxt = after[2] if after[1] == "the" and len(after) > 2 else after[1]
    return nxt in dr.threshold_dating


def _compared(dr: DescriptorRules, mm: float, m: re.Match[str], rid: str) -> Word:
    """The change from the earlier size `m` to today's `mm`."""
    before = size_mm(dr, m)
    value = "increased" if mm > before else "decreased" if mm < before else "stable"
    return (value, rid, m.start(), m.end())


# How many words may stand between the presence word and the "and" that opens
# the second predicate ("is again seen in the right hilum and has grown"), and
# between that predicate's verb and its change term ("has slightly
# enlarged", "has become more extensive").
_SECOND_PREDICATE_REACH = 6
_SECOND_TERM_REACH = 2
_AND_VERB = re.compile(r"[^\S\n]+and[^\S\n]+(\w+)", re.I)


def graded_second_predicate(
    dr: DescriptorRules, text: str, end: int, stop: int
) -> re.Match[str] | None:
    """The change term of a second predicate of the mention's subject after
    `end`, where a term that only says the finding is there as before ends
    ("is again seen and has increased in size", "persists and has become
    more extensive"): an "and" right before a copula or auxiliary, with only
    plain words (no punctuation) between `end` and it, then at most a few
    words before a term whose value grades a change (not stable); or a comma
    in its place, then such a term that closes the sentence ("is again seen,
    slightly larger"). The grade is the finding's change; the presence word
    only says it is still there."""
    for k, w in enumerate(WORD.finditer(text, end, stop)):
        if k > _SECOND_PREDICATE_REACH:
            return None
        gap = text[end : w.start()]
        marks = _LAST_MARKS.search(gap)
        if marks is not None and _ONE_COMMA.fullmatch(marks.group()):
            # "is again seen, slightly larger": the direction closing it
            return _comma_direction(dr, text, w, stop)
        if any(p in gap for p in ",;:()."):
            return None
        if w.group().lower() != "and":
            continue
        verb = _AND_VERB.match(text, w.start() - 1)
        if verb is None or verb.group(1).lower() not in dr.verbs:
            return None
        return _direction_after(dr, text, verb.start(1), stop)
    return None


# the marks between the last word and the next; one comma alone among them
_LAST_MARKS = re.compile(r"[^\w]*$")
_ONE_COMMA = re.compile(r"[^\S\n]*,[^\S\n]*")


def _comma_direction(
    dr: DescriptorRules, text: str, w: re.Match[str], stop: int
) -> re.Match[str] | None:
    """A change term grading a direction at the word `w` after a comma, or
    past one change adverb ("slightly larger"), that closes the sentence or
    what the finding's part says ("more extensive than before"): not "the
    left larger than the right", not "decreased pleural effusion"."""
    at = w.start()
    if w.group().lower() in dr.change_adverbs:
        at = w.end()
    n = _change_at(dr, text, at)
    if n is None or n.end() > stop or dr.term(n.group())["value"] in ("", "stable"):
        return None
    return n if _ends(dr, text, n) else None


def _direction_after(
    dr: DescriptorRules, text: str, at: int, stop: int
) -> re.Match[str] | None:
    """A change term grading a direction (not stable) from the verb at `at`,
    itself or at most a few words after it, in its clause."""
    for k, w in enumerate(WORD.finditer(text, at, stop)):
        if k > _SECOND_TERM_REACH or any(p in text[at : w.start()] for p in ",;:()."):
            return None
        if _DENIED.fullmatch(w.group()):
            return None  # "and is not larger": denied
        n = _change_at(dr, text, w.start())
        if n is not None and n.end() <= stop:
            value = dr.term(n.group())["value"]
            return n if value not in ("", "stable") and _ends(dr, text, n) else None
    return None
