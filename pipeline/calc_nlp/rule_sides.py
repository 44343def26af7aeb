"""Side abbreviations read wherever a rule spells a side word (guide §2,
laterality: abbreviated sides count, Rt, Lt, and R/L where clear).

sites.json `side_abbreviations` gives, per side, its abbreviations ('lt')
and its capital letters ('L', 'L.'). When the rules load, every target rule
whose token pattern (by LOWER or NORM) or phrase spells 'left' or 'right'
gets copies with the abbreviation in the side word's place: alone ('rt
coronary artery') and with its period, which the tokenizer splits off
('Rt. kidney' is 'Rt', '.', 'kidney'). So a site phrase reads 'Lt. main' as
'left main', and a side word's span holds its period: 'RT.:' is a label as
'RIGHT:' is, its colon right after the side. A site phrase also gets the
letter where more of its words follow the side ('L main', 'R coronary
artery'): alone, a capital letter is too often no side ('L4', 'R/O',
litres), and the laterality rules take it only before a site phrase.
One mechanism for every rule: no rule lists the abbreviations itself.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any

from calc_nlp.errors import PatternError

FILE = "sites.json"
KEY = "side_abbreviations"
# Side word -> (abbreviations, capital letters)
Spellings = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]

_ABBREVIATION = re.compile(r"[a-z]+")
_LETTER = re.compile(r"[A-Z][.)]?")
_BRACKET = ")"
# A phrase's words that the tokenizer keeps whole, so that a phrase can be
# written as a token pattern of its words.
_PLAIN_WORD = re.compile(r"[a-z0-9]+")
_PERIOD = {"ORTH": "."}
_CLOSING = {"ORTH": _BRACKET}


def side_spellings(raw: dict[str, Any]) -> Spellings:
    """sites.json `side_abbreviations`, checked: {"source", "left", "right"},
    each side {"abbreviations": lower-case words, "letters": a capital
    letter, with or without its period}."""
    entry = raw.get(KEY)
    if entry is None:
        return {}
    if not isinstance(entry, dict) or set(entry) != {"source", "left", "right"}:
        raise PatternError(FILE, "must hold source, left and right", KEY)
    if not isinstance(entry["source"], str) or not entry["source"].strip():
        raise PatternError(FILE, "source must be a non-empty string", KEY, "source")
    out: Spellings = {}
    for side in ("left", "right"):
        spelled = entry[side]
        if not isinstance(spelled, dict) or set(spelled) != {"abbreviations", "letters"}:
            raise PatternError(FILE, "must hold abbreviations and letters", KEY, side)
        abbreviations = _words(spelled["abbreviations"], _ABBREVIATION, side)
        letters = _words(spelled["letters"], _LETTER, side)
        out[side] = (abbreviations, letters)
    return out


def _words(words: Any, form: re.Pattern[str], side: str) -> tuple[str, ...]:
    if not isinstance(words, list) or not all(
        isinstance(w, str) and form.fullmatch(w) for w in words
    ):
        raise PatternError(FILE, f"words must match {form.pattern}", KEY, side)
    return tuple(words)


def with_side_abbreviations(
    rules: list[dict[str, Any]], spellings: Spellings, letters: bool = False
) -> list[dict[str, Any]]:
    """The rules, each followed by its copies with the sides abbreviated
    (`letters`: a site phrase's copies with the letter too). A copy keeps
    its rule's metadata, id included: it is the same rule, spelled short."""
    if not spellings:
        return rules
    out: list[dict[str, Any]] = []
    for rule in rules:
        pattern = _pattern_of(rule, spellings)
        if pattern is None:
            out.append(rule)
            continue
        ends = rule.get("category") == "LATERALITY"
        variants = _variants(pattern, spellings, letters, ends)
        if "pattern" in rule:
            out.append(dict(rule, pattern=variants[0]))
        else:
            out.append(rule)  # the phrase itself stays a phrase
        out.extend(dict(rule, pattern=p) for p in variants[1:])
    return out


def _pattern_of(rule: dict[str, Any], spellings: Spellings) -> list[Any] | None:
    """The rule's token pattern if it spells a side word, its phrase's words
    as one if that does (and the tokenizer keeps each word whole); None
    when it spells no side."""
    pattern = rule.get("pattern")
    if pattern is None:
        words = str(rule.get("literal", "")).lower().split()
        if not any(w in spellings for w in words):
            return None
        if not all(_PLAIN_WORD.fullmatch(w) for w in words):
            return None
        pattern = [{"LOWER": w} for w in words]
    if not isinstance(pattern, list):
        return None
    return pattern if any(_sides(t, spellings) for t in pattern) else None


def _sides(token: Any, spellings: Spellings) -> tuple[str, list[str]] | None:
    """(attribute, side words) of a token that matches a side word by LOWER
    or NORM, and nothing else but an operator; None for any other token."""
    if not isinstance(token, dict):
        return None
    attrs = [k for k in token if k != "OP"]
    if len(attrs) != 1 or attrs[0] not in ("LOWER", "NORM"):
        return None
    value = token[attrs[0]]
    words = [value] if isinstance(value, str) else None
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        words = value["IN"]
    sides = [w for w in words or () if w in spellings]
    return (attrs[0], sides) if sides else None


def _variants(
    pattern: list[Any], spellings: Spellings, letters: bool, ends: bool
) -> list[list[Any]]:
    """The pattern (its side lists taking the abbreviations in) and then
    every other way of writing its sides: the abbreviation alone in place
    of a one-word side, or with its period, or the letter. The letter only
    where the side token has no operator and before more of the pattern,
    the period of an optional token (`_within_run`); a period at the
    pattern's end only for a side word's own rule (`ends`), so that its
    span holds the period a label's colon follows ('RT.:')."""
    choices: list[list[list[Any]]] = []
    for i, token in enumerate(pattern):
        found = _sides(token, spellings)
        if found is None:
            choices.append([[token]])
            continue
        attr, sides = found
        short = [a for s in sides for a in spellings[s][0]]
        value = token[attr]
        ways: list[list[Any]] = []
        if isinstance(value, dict):
            listed = list(value["IN"])
            grown = listed + [a for a in short if a not in listed]
            ways.append([dict(token, **{attr: {"IN": grown}})])
        else:
            ways.append([token])
            ways += [[dict(token, **{attr: a})] for a in short]
        if "OP" in token:
            ways += _within_run(token, attr, short)
            choices.append(ways)
            continue
        last = i == len(pattern) - 1
        letter_forms = [c for s in sides for c in spellings[s][1]]
        if not last or ends:
            ways += [[{attr: a}, _PERIOD] for a in short]
            ways += _bracketed(letter_forms)
        capitals = [c for c in letter_forms if not c.endswith(_BRACKET)]
        if letters and not last and capitals:
            ways.append([{"ORTH": {"IN": capitals}}])
        choices.append(ways)
    return [[t for part in combo for t in part] for combo in product(*choices)]


def _bracketed(letter_forms: list[str]) -> list[list[Any]]:
    """The ways a side written as its letter and a closing bracket ('R)
    ICA', 'granuloma R) lobe liver') stands for the side word: the letter
    and the bracket, which the tokenizer splits apart. Where the period of
    an abbreviation may stand: the bracket closes the side, so that the
    letter cannot be a vertebra or a unit ('L4', litres)."""
    letters = [c[:-1] for c in letter_forms if c.endswith(_BRACKET)]
    if not letters:
        return []
    return [[{"ORTH": {"IN": letters}}, _CLOSING]]


def _within_run(token: dict[str, Any], attr: str, short: list[str]) -> list[list[Any]]:
    """The ways an optional side token ('?') holds an abbreviation with its
    period. A run of place words ('*', '+': 'calcified right hilar nodes')
    takes the abbreviation without its period only (its IN list): a copy
    with the period inside the run ('Calcified rt. upper lobe nodule') holds
    two runs of some two hundred words each, and those copies cost the
    matcher 7% more per report holding a mention (the 624 real-text reports
    with 'calc') for a tenth of a point on the dev split written so; the
    site phrase inside such a mention still reads the period."""
    if token["OP"] == "?":
        return [[{attr: a}, _PERIOD] for a in short]
    return []


def phrases_spelled_short(
    phrases: list[str], spellings: Spellings, letters: bool = False
) -> list[str]:
    """Text phrases (descriptors.json: the vessels' names, the terms), each
    followed by its spellings with the sides abbreviated, alone or with the
    period before more of the phrase ('lt main', 'lt. main'; a phrase
    ending on its side, 'worse on the lt', is matched up to a word's end
    and takes a period after it as it is); with `letters`, the letter too
    before more of the phrase ('L main')."""
    out: list[str] = []
    for phrase in phrases:
        words = phrase.split()
        ways: list[list[str]] = []
        for i, w in enumerate(words):
            side = spellings.get(w.lower())
            if side is None:
                ways.append([w])
                continue
            more = i < len(words) - 1
            ways.append(
                [w, *side[0]]
                + ([a + "." for a in side[0]] if more else [])
                + (list(side[1]) if letters and more else [])
            )
        out.append(phrase)
        out += [" ".join(c) for c in list(product(*ways))[1:]]
    return list(dict.fromkeys(out))


def descriptors_spelled_short(
    descriptors: dict[str, Any], spellings: Spellings
) -> dict[str, Any]:
    """descriptors.json's vessels (with the letter: 'L main') and terms
    ('worse on the lt') with their phrases' sides abbreviated too."""
    if not spellings:
        return descriptors

    def short(entries: list[dict[str, Any]], letters: bool) -> list[dict[str, Any]]:
        return [
            dict(e, phrases=phrases_spelled_short(e["phrases"], spellings, letters))
            for e in entries
        ]

    return dict(
        descriptors,
        vessels=short(descriptors["vessels"], True),
        terms=short(descriptors["terms"], False),
    )
