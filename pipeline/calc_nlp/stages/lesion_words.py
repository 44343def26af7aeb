"""The words two findings of a report are compared by when the lesions
stage groups them (corpora/GUIDE.md, Descriptors: lesion): site words
normalised, the words that name a finding besides its site, the words two
sentences share, and the anaphor that opens a sentence naming what the
finding before it is."""

from __future__ import annotations

import re

from calc_nlp.schema import Finding
from calc_nlp.stages.descriptor_rules import DescriptorRules
from calc_nlp.stages.record import RELATIVE_PRONOUNS

WORD = re.compile(r"\w+(?:/\w+)?")


def _singular(w: str) -> str:
    """A plural site word as its singular ("walls", "tendons", "myomata"); Latin "-us"
    and Greek "-is" words are singular ("sinus", "globus pallidus",
    "pelvis", "stenosis"), and so is a word other site words are normalised
    to ("pancreas", the word of "pancreatic": `site_words`)."""
    if len(w) > 6 and w.endswith("omata"):
        return w[:-2]  # the Greek plural of "-oma" ("leiomyomata")
    plural = w.endswith("s") and not w.endswith(("ss", "us", "is"))
    return w[:-1] if len(w) > 3 and plural else w


def singular_words(words: str) -> str:
    """The words, each plural in the singular ("calcifications" and
    "calcification" name one thing)."""
    return " ".join(_singular(w) for w in words.split())


def plural(w: str) -> bool:
    """Is the word a plural noun ("nodes", "calcifications"; not "calcinosis",
    "calcified")?"""
    return _singular(w) != w


def site_words(dr: DescriptorRules, text: str) -> list[str]:
    """Site words normalised: a coronary vessel by its name ("left main" and
    "LM"), synonyms and plurals as one word, lesion nouns and words that
    name no place within the site ("wall", "vascular") left out."""
    text = dr.vessel_words.sub(lambda m: dr.vessel(m.group()), text)
    out: list[str] = []
    for w in WORD.findall(text.lower()):
        kept = w if w in dr.synonym_words else _singular(w)
        out += dr.synonyms.get(w, kept).split()
    drop = dr.site_word_drops
    return [w for w in out if w not in drop]


def name_words(dr: DescriptorRules, name: str) -> frozenset[str]:
    """The `site_words` of a site's name ("lung", "coronary artery") as a
    set, worked out once per name: the names are the site vocabulary's,
    and each finding asks for its site's several times."""
    found = dr.site_name_words.get(name)
    if found is None:
        found = dr.site_name_words[name] = frozenset(site_words(dr, name))
    return found


def sub_site(dr: DescriptorRules, f: Finding) -> str:
    """The site words that are not the site's name ("upper lobe" of the lung).
    At a joint's tissues the joint ("right shoulder calcification",
    "calcification around the right knee") is no sub-site: which joint two
    findings name is `_same_joint`'s to tell (lesions.py). Away from the
    vessel sites the wall of a cyst or collection its site words or mention
    name is a part of its own (`lesion_host_parts`: "a thin rim of
    calcification along its wall"), and so is it named by its adjective
    (`site_synonyms`: "mural calcification") or by a shape that lies on it
    in a sentence naming such a host (`lesion_host_part_shapes`,
    `lesion_walled_hosts`: "cyst with rim calcification"). A word two
    synonyms give is said once."""
    name = name_words(dr, f.site)
    # a place word once, though two synonyms give it ("medullary pyramids":
    # the medulla, as "medullary" alone)
    words = list(dict.fromkeys(w for w in site_words(dr, f.site_text) if w not in name))
    if f.site not in dr.vessel_sites:
        said = host_parts_said(dr, f"{f.site_text} {f.mention}")
        if dr.host_part_shapes & set(f.morphology) and dr.walled_hosts & set(
            WORD.findall(_host_stretch(f).lower())
        ):
            said |= dr.host_parts  # "cyst with rim calcification": its wall
        words += sorted(said - set(words))
    if f.site in dr.joint_sites:
        words = [w for w in words if w[:5] not in dr.joint_stems]
    return " ".join(words)


# What ends the words after a mention that may name its host: the next
# list member or clause ("... with a rim of calcification and a 4 cm cyst").
_HOST_STOP = re.compile(r"[,;:]|\band\b", re.I)


def _host_stretch(f: Finding) -> str:
    """The words of the finding's sentence that may name the host of its
    shape: all before its mention ("cyst with rim calcification") and those
    after it up to the next list member or clause ("a rim of calcification
    around the walled-off necrosis"), not a cyst "and a" adds after a
    fibroid's rim calcification; the whole sentence where the mention is
    not found in it."""
    at = mention_at(f)
    if at < 0:
        return f.sentence
    tail = f.sentence[at + len(f.mention) :]
    stop = _HOST_STOP.search(tail)
    return f.sentence[:at] + " " + (tail[: stop.start()] if stop else tail)


def host_parts_said(dr: DescriptorRules, text: str) -> set[str]:
    """The parts of a host the text names (`lesion_host_parts`), by their
    noun or adjective (`site_synonyms`: "mural" the wall)."""
    said = {
        n for w in WORD.findall(text.lower()) for n in dr.synonyms.get(w, w).split()
    }
    return set(dr.host_parts & said)


def mention_sub(dr: DescriptorRules, f: Finding) -> str:
    """At a site of `mention_place_sites`, the sub-site words the finding's
    own mention gives outside its site words, by the place words of
    `site_synonyms` ("hilar calcified lymph nodes", site words "lymph
    nodes": the hilum; "subcarinal calcified node"); empty else, and when
    the mention joins places ("mediastinal and hilar"), which names no one
    sub-site."""
    if f.site not in dr.mention_place_sites:
        return ""
    words = WORD.findall(f.mention.lower())
    if "and" in words or any("/" in w for w in words):
        return ""
    own = set(WORD.findall(f.site_text.lower()))
    name = name_words(dr, f.site)
    # at a vessel site whose site words are its bare name ("artery"), the
    # mention's other site words name the vessel ("posterior tibial artery
    # calcification"; not "medial arterial calcification")
    vessel = f.site in dr.vessel_sites and bool(own) and own <= name
    # ... or its bare name's adjective ("arterial"): then only the words the
    # site synonyms know as places name the vessel ("tibial arterial
    # calcification"; "medial" is the wall's layer, no place)
    adjective = (
        f.site in dr.vessel_sites
        and not vessel
        and bool(own)
        and set(site_words(dr, f.site_text)) <= name
    )
    known = dr.synonym_words if adjective else frozenset()
    # words that only say calcified name no place ("The artery ... away from
    # the calcification")
    placed = " ".join(
        w
        for w in words
        if (vessel or w in dr.synonyms or w in known)
        and w not in own
        and w not in dr.bare_words
    )
    return " ".join(w for w in site_words(dr, placed) if w not in name)


def core(dr: DescriptorRules, f: Finding) -> str:
    """The mention's words without its site and side words and the kind
    words a restatement may leave unsaid (`lesion_unsaid_kinds`), lower
    case."""
    drop = set(WORD.findall(f.site_text.lower())) | dr.side_words | dr.unsaid_kinds
    return " ".join(w for w in WORD.findall(f.mention.lower()) if w not in drop)


def said_side(dr: DescriptorRules, f: Finding) -> bool:
    """Do the finding's own words (mention, site words) give its side, by
    its name or by a word that states it ("LLL", "Rt": `side_of_word`)?"""
    found = WORD.findall(f"{f.site_text} {f.mention}".lower())
    words = " ".join(dr.synonyms.get(w, w) for w in found)
    stated = {dr.side_of_word.get(w, "") for w in found}
    return not side(f) or side(f)[:4] in words or side(f) in stated


_OTHER_SIDE = {"left": "right", "right": "left"}


def site_other_side(dr: DescriptorRules, f: Finding) -> bool:
    """Do the finding's site words name the side opposite its own? The site
    came from the sentence before, its side from the finding's own sentence
    ('Calcified granuloma in the right lung. Calcified granuloma on the
    left.'): the words that would restate the lesion there are not its own."""
    other = _OTHER_SIDE.get(side(f))
    if other is None:
        return False
    found = WORD.findall(f.site_text.lower())
    words = " ".join(dr.synonyms.get(w, w) for w in found)
    return other in words.split() or any(dr.side_of_word.get(w) == other for w in found)


def opposite(a: str, b: str) -> bool:
    """Are the two sides left and right, one each (not "bilateral", which
    holds either, nor a side unsaid)?"""
    return _OTHER_SIDE.get(a) == b


def side(f: Finding) -> str:
    """The finding's side, else the side of the operation its note is about
    (Finding.context_side): findings of another side are other lesions."""
    return f.laterality or f.context_side


def _content(dr: DescriptorRules, text: str, drop: str) -> set[str]:
    """The text's words of four letters or more, lower case, but for the
    words of `drop` and those `lesion_ignore` lists."""
    out = set(WORD.findall(drop.lower())) | dr.lesion_ignore
    return {w for w in WORD.findall(text.lower()) if len(w) > 3 and w not in out}


def echoes(dr: DescriptorRules, f: Finding, g: Finding) -> bool:
    """Does `f`'s sentence restate `g`'s though their linked sites differ:
    two words the sentences share besides the mentions ("calcification along
    the medial collateral ligament, Pellegrini-Stieda lesion" and
    "Pellegrini-Stieda calcification of the MCL"), or a word that names the
    site of either, its first five letters enough ("calcinosis of the gluteal
    musculature" and "muscular calcinosis"), every word of that site's
    phrase?"""
    # the words both mentions name them by ("calcification"), not a place one
    # of them names in its words and the other's sentence outside its own
    # ("left upper quadrant calcification" and "calcification in the left
    # upper quadrant")
    drop = " ".join(set(core(dr, f).split()) & set(core(dr, g).split()))
    fw, gw = _content(dr, f.sentence, drop), _content(dr, g.sentence, drop)
    if len(fw & gw) > 1:
        return True
    # the words of one finding's site phrase, each of them: a word one of
    # them shares with another site's phrase is no echo ("calcific aortic
    # valve disease" and "MITRAL VALVE: mitral annular calcification")
    both = {w[:5] for w in fw} & {w[:5] for w in gw}
    return any(
        sites and sites <= both
        for sites in (
            {w[:5] for w in _content(dr, f.site_text, "")},
            {w[:5] for w in _content(dr, g.site_text, "")},
        )
    )


def crossed(
    dr: DescriptorRules, f: Finding, sub: str, g: Finding, g_sub: str = ""
) -> bool:
    """Does `f` (of sub-site `sub`) name in its sentence the sub-site of `g`,
    a finding at its site, and `g`'s sentence `f`'s ("calcifications in the
    dentate nuclei of the cerebellum" and "cerebellar dentate
    calcifications"), the first five letters of each word enough? `g_sub`:
    the sub-site the lesion stage gave `g`, when its site words name one
    and the two do not nest (the mention's own place: "reconstitution of
    the popliteal artery, and calcification of the infrapopliteal
    vessels")."""
    if g.site != f.site:
        return False

    def stems(words: list[str]) -> set[str]:
        return {w[:5] for w in words}

    def said(sentence: str) -> set[str]:
        # the sentence's site words and the host parts it names ("a cyst
        # with mural calcification": the wall)
        return stems(site_words(dr, sentence)) | host_parts_said(dr, sentence)

    theirs = sub_site(dr, g)
    a, b = set(theirs.split()), set(g_sub.split())
    if a and b and not (a <= b or b <= a):
        theirs = g_sub  # another place than its site words'
    fs, gs = stems(sub.split()), stems(theirs.split())
    if not (fs and gs and fs <= said(g.sentence)):
        return False
    # one place of `f`'s own site words that holds `g`'s and more (a branch
    # holds its parent vessel: "D1", the first diagonal of the LAD) lies
    # within `g`'s: only its sentence's other words may name `g`'s (a phrase
    # joining places names each: "mediastinal and hilar lymph nodes")
    if gs < fs and dr.place_joins.search(f.site_text) is None:
        return gs <= said(_beside_own(f))
    return gs <= said(f.sentence)


def _beside_own(f: Finding) -> str:
    """`f`'s sentence but for its own site words (GUIDE: lesion, different
    sub-sites are different lesions, unless each sentence names the
    other's)."""
    own = f.site_text.lower()
    at = f.sentence.lower().find(own) if own else -1
    if at < 0:
        return f.sentence
    return f"{f.sentence[:at]} {f.sentence[at + len(own):]}"


def mention_at(f: Finding) -> int:
    """Where the finding's mention starts in its sentence (lower case): as
    the finding stage recorded it, since its words may come twice ("calcified
    node in the hilum and calcified node in the subcarinal space"); else
    where they first do; -1 when they are not there (a mention across a
    line break the sentence writes as a space)."""
    text, words = f.sentence.lower(), f.mention.lower()
    at = f.mention_at
    if at >= 0 and text[at : at + len(words)] == words:
        return at
    return text.find(words)


def names_what_it_is(dr: DescriptorRules, f: Finding) -> bool:
    """Does the finding's sentence open with an anaphor and a restating link
    before it ("This may represent a stone or vascular calcification", "These
    likely represent phleboliths"), or with the link itself, its subject left
    out ("Could represent pancreatic calcifications"), or with an anaphor and
    a copula or naming verb ("This is a dermal calcification")?"""
    before = f.sentence[: max(mention_at(f), 0)]
    words = WORD.findall(before.lower())
    link = dr.restating.search(before)
    if link is None and _anaphor_names_it(dr, f, words):
        return True  # 'This is a dermal calcification'
    if not words or link is None:
        return False
    lead = WORD.findall(before[: link.start()])
    if lead and "and" in lead[1:]:
        # a second predicate of the anaphor ("it is peripheral to the
        # collecting system and likely represents ..."): its own words only
        lead = [lead[0], *lead[len(lead) - lead[::-1].index("and") :]]
    return not lead or (words[0] in dr.anaphors and len(lead) <= 3)


# Most words an opening anaphor and its verb may take before the finding
# they name ('This is a', 'These are felt to be').
_NAMING_CLAUSE_WORDS = 5


def _anaphor_names_it(dr: DescriptorRules, f: Finding, words: list[str]) -> bool:
    """Do the words before the finding (`words`, its sentence's) open with
    an anaphor and end in a copula or a naming verb, an article after it
    ("This is a dermal calcification", "It is felt to be a skin
    calcification"), the finding naming more than that something is
    calcified?"""
    if words and words[-1] in {"a", "an"}:
        words = words[:-1]
    if not words or words[0] not in dr.anaphors or len(words) > _NAMING_CLAUSE_WORDS:
        return False
    if set(WORD.findall(f.mention.lower())) <= dr.bare_words:
        return False  # 'It is calcified': a predicate, no name
    return words[-1] in dr.copulas or naming_verb(dr, words)


def naming_verb(dr: DescriptorRules, words: list[str]) -> bool:
    """Do the words end in a verb that names what the thing before is, as a
    copula does: 'represents', or 'felt / thought / believed to be',
    'thought to represent' (an addendum's 'the calcification in the right
    breast is felt to be a skin calcification')?"""
    if words and words[-1] in dr.naming_predicates:
        return True
    return (
        len(words) >= 3
        and words[-1] in dr.naming_infinitives
        and words[-2] == "to"
        and words[-3] in dr.naming_verbs
    )


def names_a_lesion(dr: DescriptorRules, f: Finding) -> bool:
    """Do the words that name the finding (`core`) say more than that
    something is calcified ("calcified granuloma", not "heavily calcified")?"""
    return any(w not in dr.bare_words for w in core(dr, f).split())


def names_its_place(dr: DescriptorRules, f: Finding, g: Finding) -> bool:
    """Does the finding's sentence open with a subject that names a place in
    other site words than `g`'s ("The LAD was calcified" after "the coronary
    arteries were calcified", "the annulus was heavily calcified" after "the
    mitral valve was calcified")? Its opening "the" then names that place,
    not a calcification said before: the subject is the words after the
    opening word up to a copula before the mention, or the finding's site
    words when they come before it."""
    text = f.sentence.lower()
    lo = 0  # after `g`'s mention when `g` is of the sentence, before `f`'s
    if g.sentence == f.sentence and g.start < f.start:
        lo = max(mention_at(g), 0) + len(g.mention)
    at = mention_at(f)
    if at < lo:
        at = text.find(f.mention.lower(), lo)
    if at < 0:
        return False
    subject = _subject(dr, WORD.findall(text[lo:at]))
    place = f.site_text.lower()
    if place and place in text[lo:at]:
        subject = f"{subject} {place}"
    # a valve's leaflets or cusps are what a valve's calcification names
    # ("calcific aortic stenosis", then "the leaflets were heavily calcified"),
    # the words of their own names naming no place ("the right coronary cusp")
    said = WORD.findall(subject)
    if dr.part_heads & set(said):
        names = dr.part_words | dr.part_names
        subject = " ".join(w for w in said if w not in names)
    own = set(site_words(dr, subject)) - name_words(dr, " ".join(dr.part_heads))
    return bool(own) and not own <= set(site_words(dr, f"{g.site_text} {g.site}"))


def _subject(
    dr: DescriptorRules, before: list[str], held: frozenset[str] = frozenset()
) -> str:
    """The subject of "the <place> was (also heavily) calcified" in the words
    before a mention: the words from the last anaphor word to a copula (or a
    verb of `held`) at most two words before the mention (not "is that the
    calcifications": a noun phrase, no predicate); empty when there is none
    or the words hold another copula. Words that only lead a predicate
    ("also" of "also had") end the subject."""
    verbs = [i for i, w in enumerate(before) if w in dr.copulas or w in held]
    # at most two words between the verb and the mention, not counting
    # adverbs in -ly and the 'and' joining them ("are diffusely and densely
    # calcified")
    between = [w for w in before[verbs[-1] + 1 :] if w != "and" and not w.endswith("ly")] if verbs else []
    near = bool(verbs) and len(between) <= 2 and len(before) - verbs[-1] <= 6
    verb = verbs[-1] if near else 0
    if verb and dr.anaphors & set(before[verb:]):
        verb = 0
    # with `held`, an article opens a subject as well ("A fundal fibroid,
    # 2.5 cm, is densely calcified")
    openers = dr.subject_openers if held else dr.anaphors
    opens = [i for i, w in enumerate(before[:verb]) if w in openers]
    # a relative pronoun right before the copula stands for the noun phrase
    # before it ("the annulus, which was also calcified"); only one that is
    # also an anaphor (descriptors.json `anaphors`: 'which') opens one here
    if (
        len(opens) > 1
        and opens[-1] == verb - 1
        and before[opens[-1]] in RELATIVE_PRONOUNS
    ):
        opens = opens[:-1]
        verb -= 1
    subject = before[opens[-1] + 1 : verb] if opens else []
    # the subject ends at its own verb ("the fundal fibroid has enlarged and
    # is newly calcified": the fundal fibroid)
    ends = [k for k, w in enumerate(subject) if w in dr.copulas or w in held]
    subject = subject[: ends[0]] if ends else subject
    while held and subject and subject[-1] in dr.change_leads:
        subject = subject[:-1]
    # "the brachial artery was noted to have wall calcification": a copula
    # and a verb of `raising_verbs` with "to" before the holding verb leave
    # the place before the copula the subject
    if (
        held
        and len(subject) > 3
        and subject[-1] == "to"
        and subject[-2] in dr.raising_verbs
    ):
        subject = subject[:-2]
        while subject and subject[-1] in dr.change_leads:
            subject = subject[:-1]
        if subject and subject[-1] in dr.copulas:
            subject = subject[:-1]
    # a copula within is a clause's, no noun phrase's ("the valve was
    # bicuspid with fused leaflets that were calcified")
    return "" if dr.copulas & set(subject) else " ".join(subject)


# A phrase commas set off right before a verb ("The anterior tibial artery,
# seen on the completion angiogram, was calcified").
_SET_OFF = re.compile(r",[^,;:]*,\s*(?=(\w+))")


def _unset_off(dr: DescriptorRules, text: str) -> str:
    """The text without a phrase commas set off right before a copula or a
    holding verb: that phrase is said of the subject before it and is no
    subject of its own ("The anterior tibial artery, seen on the completion
    angiogram, was calcified": the anterior tibial artery)."""
    if text.count(",") < 2:
        return text
    return _SET_OFF.sub(
        lambda m: " " if m.group(1) in dr.copulas or m.group(1) in dr.holding_verbs else m.group(),
        text,
    )


def subject_sub(dr: DescriptorRules, f: Finding) -> str:
    """The sub-site words of the place its sentence's subject names, when
    the subject names the finding's site ("The external carotid artery was
    also calcified at its origin" is the external carotid's, though its site
    words name the carotid artery only); so does a subject that holds or
    shows the calcification ("The external carotid artery also had calcified
    plaque"); empty else."""
    text = f.sentence.lower()
    at = mention_at(f)
    if at < 0 or not f.site:
        return ""
    subject = _subject(dr, WORD.findall(_unset_off(dr, text[:at])), dr.holding_verbs)
    words = site_words(dr, subject)
    if f.site not in dr.vessel_sites:
        # an ordinal that counts the lesion ("A second fibroid in the fundus
        # has ...": lesion_other_words) names no place; a vessel's names its
        # branch ("the second diagonal")
        words = [w for w in words if w not in dr.other_words]
    name = name_words(dr, f.site)
    if not name & set(words) and not _holds_site_text(f, subject):
        return ""
    return " ".join(w for w in words if w not in name)


def part_subject_sub(dr: DescriptorRules, f: Finding) -> str:
    """The part (`segments`: "annulus", "leaflets") its sentence's subject
    names alone ("The annulus was also calcified, worst beneath the left
    coronary cusp"), when the finding's site words come after its mention
    only: the subject is what is calcified, the later place where most
    (GUIDE: lesion, a valve's annulus vs its leaflets are different
    lesions); empty else."""
    text = f.sentence.lower()
    at = mention_at(f)
    own = f.site_text.lower()
    if at < 0 or not own or own in text[:at] or own not in text[at + len(f.mention) :]:
        return ""
    subject = _subject(dr, WORD.findall(_unset_off(dr, text[:at])), dr.holding_verbs)
    found = dr.segments.findall(subject)
    if not found or len(WORD.findall(subject)) > len(found):
        return ""
    return " ".join(site_words(dr, " ".join(found)))


# The pronouns that give a part its owner ("on its posterior wall").
POSSESSIVES = frozenset({"its", "their"})
# How many words an opening noun phrase may run to its site's name word.
_OWNER_REACH = 4


def owner_sub(dr: DescriptorRules, f: Finding) -> str:
    """The sub-site words of the place that owns the part a possessive leads
    in the finding's site words ("The brachial artery ... had mild
    calcification on its posterior wall": the brachial artery's), when the
    sentence opens with a noun phrase ending in the site's name word within
    a few words; empty else."""
    text = f.sentence.lower()
    part = WORD.findall(f.site_text.lower())
    words = WORD.findall(text)
    if not part or not f.site:
        return ""
    led = any(
        words[i] in POSSESSIVES and part[0] in words[i + 1 : i + 3]
        for i in range(len(words) - 1)
    )
    if not led or not words or words[0] not in dr.anaphors:
        return ""
    name = name_words(dr, f.site)
    opening = site_words(dr, " ".join(words[1 : 1 + _OWNER_REACH]))
    end = next((k for k, w in enumerate(opening) if w in name), None)
    if end is None:
        return ""
    return " ".join(w for w in opening[:end] if w not in name)


def _holds_site_text(f: Finding, subject: str) -> bool:
    """Does the subject hold all the words of the finding's site text and
    more ("The isthmus nodule has coarse calcification", its site text
    "nodule")? It names that place more narrowly."""
    mine = set(WORD.findall(f.site_text.lower()))
    said = set(subject.split())
    return bool(mine) and mine < said


def trailing_sub(dr: DescriptorRules, f: Finding, at: int | None = None) -> str:
    """The sub-site words of the place a link word leads right after the
    mention, up to a clause break or the sentence's end ("Dural calcification
    along the tentorium"); empty when there is none. `at`: where the mention
    starts in its sentence, when known (its words may come twice: "node in
    the hilum and calcified node in the subcarinal space"); else where they
    first do."""
    if not f.site:
        return ""
    name = name_words(dr, f.site)
    place = place_led_to(dr, f, at) or place_led_to(dr, f, at, predicate=True)
    words = site_words(dr, place_only(dr, place))
    return " ".join(w for w in words if w not in name)


def place_led_to(
    dr: DescriptorRules, f: Finding, at: int | None = None, predicate: bool = False
) -> str:
    """The text a link word leads to right after the mention, up to a clause
    break, a period, a parenthesis or the sentence's end; empty when no link
    word follows (one reading for `trailing_sub` and the lesion stage's
    vessel places). `at` as for `trailing_sub`; `predicate`: the link word
    may come after a predicate that says the mention is seen
    (`_past_predicate`)."""
    text = f.sentence.lower()
    if at is None or text[at : at + len(f.mention)] != f.mention.lower():
        at = mention_at(f)
    if at < 0:
        return ""
    rest = f.sentence[at + len(f.mention) :].lstrip()
    if predicate:
        rest = _past_predicate(dr, rest)
    return linked_place(dr, rest) or ""


def linked_place(
    dr: DescriptorRules, rest: str, stops: str = r"[.()]", verbs: bool = False
) -> str | None:
    """The words the link word (`lesion_place_links`) opening `rest` leads
    to, up to a clause break, a character of `stops` and, with `verbs`, a
    verb of being or having; None when no link word opens `rest`."""
    link = dr.place_links.match(rest)
    if link is None:
        return None
    rest = rest[link.end() :]
    ends = [m.start() for m in dr.clause_breaks.finditer(rest)]
    ends += [m.start() for m in re.finditer(stops, rest)]
    if verbs:
        ends += [
            m.start() for m in WORD.finditer(rest) if m.group().lower() in dr.verbs
        ]
    return rest[: min(ends, default=len(rest))]


def _past_predicate(dr: DescriptorRules, rest: str) -> str:
    """The text after a predicate that opens `rest` and says only that the
    mention is seen ("are also seen in the retroperitoneum": a copula, at
    most two words that lead a predicate, a `place_predicates` word), so a
    link word after it leads the mention's place; `rest` else."""
    words = list(WORD.finditer(rest))
    if not words or words[0].start() > 0 or words[0].group().lower() not in dr.copulas:
        return rest
    for m in words[1:4]:
        w = m.group().lower()
        if w in dr.place_predicates:
            return rest[m.end() :].lstrip()
        if w not in dr.change_leads:
            return rest
    return rest


def place_only(dr: DescriptorRules, text: str) -> str:
    """The text up to its first verb of being or having, number (not one a
    place word numbers: "segment 7") or descriptor term ("mediastinum" of
    "mediastinum is again noted", "head" of "head measuring 4 mm"): what
    follows says how the place looks, not where it is."""
    stops = dr.place_stops
    before = ""
    for m in WORD.finditer(text):
        w = m.group().lower()
        number = w[0].isdigit() and before not in dr.numbered_places
        if w in stops or number or w.startswith("measur"):
            return text[: m.start()]
        before = w
    return text


_PART = re.compile(r"[\w-]+")


def part(
    dr: DescriptorRules, f: Finding, stretch: tuple[int, int, int] | None = None
) -> frozenset[str]:
    """Which part of its site the finding's sentence names: the clock
    positions it gives ("at 10 o'clock" of a breast), else the words that
    tell a leaflet or cusp (`valve_part`), else the vertebral levels of a
    disc or spinal ligament (`spine_levels`); empty when it names none.
    `stretch`: the mention's own stretch of a sentence that names other
    findings too (the end of the one before, its start, the start of the one
    after): the clock positions from it to the next are the finding's
    ("calcifications at 1 o'clock and a group at 5 o'clock": one each), else
    those after the one before ("at 1 o'clock, calcifications"), else all of
    the sentence's."""
    found = [
        m
        for _, rx in dr.patterns.get("clock", [])
        for m in rx.finditer(f.sentence)
    ]
    if stretch is not None:
        lo, at, hi = stretch
        after = [m for m in found if at <= m.start() and m.end() <= hi]
        found = after or [m for m in found if lo <= m.start() and m.end() <= at] or found
    hours = {m.group("value").lstrip("0") for m in found}
    return (
        frozenset(f"{h} o'clock" for h in hours)
        or valve_part(dr, f)
        or spine_levels(dr, f)
    )


def spine_levels(dr: DescriptorRules, f: Finding) -> frozenset[str]:
    """The vertebral level nearest the mention that the sentence of a finding
    at a disc or spinal ligament names ("calcified disc protrusion at
    L4-L5"; "narrowing at L4-5 and L5-S1 with a calcified disc at L3-4" is
    L3-L4's), as its two vertebrae ("C5-6" is "C5-C6"): a calcification at
    another level is another lesion. Empty at other sites or when it names
    none."""
    if f.site not in dr.level_sites:
        return frozenset()
    at = max(mention_at(f), 0)
    found = [
        m
        for _, rx in dr.patterns.get("spine_level", [])
        for m in rx.finditer(f.sentence)
    ]
    if not found:
        return frozenset()
    end = at + len(f.mention)
    m = min(found, key=lambda m: m.start() - end if m.start() >= end else at - m.end())
    return frozenset(_level_name(x) for x in _joined_levels(f.sentence, found, m))


# What may stand between two levels of one list ('C5-6 and C6-7',
# 'T10-11, T11-12', 'L3-4, L4-5 and L5-S1').
_LEVEL_JOIN = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:and[^\S\n]+)?|and[^\S\n]+)", re.IGNORECASE)


def _joined_levels(
    text: str, found: list[re.Match[str]], m: re.Match[str]
) -> list[re.Match[str]]:
    """The level `m` with the levels a list joins to it by commas or 'and'
    ("calcified disc protrusions at C5-6 and C6-7": both): a finding at the
    levels of a list sums up the lesions of each (GUIDE: lesion)."""
    ordered = sorted(found, key=lambda x: x.start())
    i = ordered.index(m)
    lo = hi = i
    while lo > 0 and _LEVEL_JOIN.fullmatch(text, ordered[lo - 1].end(), ordered[lo].start()):
        lo -= 1
    while hi + 1 < len(ordered) and _LEVEL_JOIN.fullmatch(
        text, ordered[hi].end(), ordered[hi + 1].start()
    ):
        hi += 1
    return ordered[lo : hi + 1]


def _level_name(m: re.Match[str]) -> str:
    """A level as its two vertebrae ("C5-6" is "C5-C6")."""
    a = m.group("a").upper()
    b = (m.group("b") or a).upper()
    return f"{a}{m.group('m')}-{b}{m.group('n')}"


def valve_part(dr: DescriptorRules, f: Finding) -> frozenset[str]:
    """The words that tell which leaflet or cusp the finding's sentence names
    ("anterior" of "the anterior mitral leaflet is calcified"), from up to
    three words before the leaflet or cusp word of the mention's own words
    ("... noncoronary cusp and a moderately calcified right coronary cusp":
    the right), else the one nearest the mention; empty when it names none."""
    if f.site not in dr.segment_sites:
        return frozenset()
    text = f.sentence.lower()
    at = max(mention_at(f), 0)
    words = list(_PART.finditer(text))
    heads = [i for i, m in enumerate(words) if m.group() in dr.part_heads]
    if not heads:
        return frozenset()
    end = at + len(f.mention)
    own = [k for k in heads if at <= words[k].start() < end]
    i = own[0] if own else min(heads, key=lambda k: abs(words[k].start() - at))
    return frozenset(
        m.group() for m in words[max(i - 3, 0) : i] if m.group() in dr.part_words
    )


# How many words before a mention may call it another ('a second smaller
# calcified plaque', 'separate 3 mm calcified nodule').
OTHER_REACH = 4
# How many words after a mention `lesion_other_after` may stand.
OTHER_AFTER_REACH = 6


def names_another(dr: DescriptorRules, f: Finding) -> bool:
    """Do the words right before the mention, in its clause, call it another
    than what was named before ("There are other phleboliths", "another
    calcified node", "a second smaller calcified plaque"), or a word of its
    clause after it ("No calcified nodules elsewhere"), or the opening
    words of the subject a predicate mention is said of ("A second 2 cm
    fibroid is densely calcified", "Another node in the hilum is also
    calcified")?"""
    before = _lead_past_verb(dr, f)
    if dr.other_words & (before | _subject_opening(dr, f) | _set_off_opening(f)):
        return True
    if dr.other_after & _tail_words(f):
        return True
    # "A smaller calcified granuloma is also seen": one more of its kind
    lead = lead_list(f)
    return any(
        a in ("a", "an") and b in dr.other_comparatives
        for a, b in zip(lead, lead[1:], strict=False)
    )


# The words an article and an ordinal or "other" word opening a noun phrase
# may be, a comma setting them off from the adjectives after them ("A second,
# smaller group of calcifications").
_SET_OFF_REACH = 3


def _set_off_opening(f: Finding) -> set[str]:
    """The words of the phrase a comma sets off right before the mention's
    clause, when it is an article and a word or two only ("a second," of "A
    second, smaller group of calcifications"): a comma between the
    adjectives of one noun phrase opens no clause; empty else."""
    text = f.sentence.lower()
    at = mention_at(f)
    if at < 0:
        return set()
    pieces = re.split(r"[,;:]", text[:at])
    if len(pieces) < 2:
        return set()
    words = WORD.findall(pieces[-2])
    if not words or len(words) > _SET_OFF_REACH or words[0] not in ("a", "an"):
        return set()
    return set(words)


# What ends the mention's own clause after it: a clause mark, or a word that
# opens another phrase ("calcified node and no nodules elsewhere").
_TAIL_END = re.compile(r"[,;:()]|\b(?:and|but|or|with|without|no|not)\b")


def _tail_words(f: Finding) -> set[str]:
    """The words after the mention in its clause, up to `OTHER_AFTER_REACH`
    ("No calcified nodules are seen elsewhere": "are", "seen",
    "elsewhere"), none past a clause mark or a word opening another phrase."""
    text = f.sentence.lower()
    at = mention_at(f)
    if at < 0:
        return set()
    tail = _TAIL_END.split(text[at + len(f.mention) :], maxsplit=1)[0]
    return set(WORD.findall(tail)[:OTHER_AFTER_REACH])


def _subject_opening(dr: DescriptorRules, f: Finding) -> set[str]:
    """The first two words of the mention's clause when a copula stands
    between them and the mention (the mention the predicate of that
    subject); empty else."""
    text = f.sentence.lower()
    at = mention_at(f)
    if at < 0:
        return set()
    words = WORD.findall(re.split(r"[,;:]", text[:at])[-1])
    if not dr.copulas & set(words[2:]):
        return set()
    return set(words[:2])


# How many words before a mention its count may stand ('two groups of
# probably benign calcifications').
COUNT_REACH = 6


def names_a_count(dr: DescriptorRules, f: Finding) -> bool:
    """Do the words right before the mention, in its clause (`COUNT_REACH`),
    count two or more of what it names ("two parenchymal calcifications",
    "two groups of probably benign calcifications")?"""
    return bool(dr.lesion_count_words & set(lead_list(f, COUNT_REACH)))


def names_residual(dr: DescriptorRules, f: Finding) -> bool:
    """Do the words right before the mention, in its clause, call it what is
    left of a calcification named before ("residual calcification measures
    8 mm")?"""
    return bool(dr.residual_words & _lead_words(f))


def _lead_past_verb(dr: DescriptorRules, f: Finding) -> set[str]:
    """`_lead_words` past the last verb that ends a subject before the
    mention ("the second specimen radiograph shows calcifications": none;
    descriptors.json lesion_other_subject_verbs): the ordinal counts the
    image, not the calcification."""
    lead = lead_list(f)
    cut = max((i + 1 for i, w in enumerate(lead) if w in dr.other_subject_verbs), default=0)
    return set(lead[cut:])


def _lead_words(f: Finding) -> set[str]:
    """The words right before the mention in its clause (`OTHER_REACH`)."""
    return set(lead_list(f))


def lead_list(f: Finding, reach: int = OTHER_REACH) -> list[str]:
    """`_lead_words` in text order (`reach` words at most)."""
    text = f.sentence.lower()
    at = mention_at(f)
    if at < 0:
        return []
    clause = re.split(r"[,;:]", text[:at])[-1]
    return WORD.findall(clause)[-reach:]


def stems(dr: DescriptorRules, text: str) -> set[str]:
    """The text's site words (`site_words`), each by its first five letters
    ("hepatic" of "right hepatic lobe" and of "hepatic and splenic")."""
    return {w[:5] for w in site_words(dr, text)}


def joint_stems(dr: DescriptorRules, text: str) -> set[str]:
    """The `stems` of the text's words that begin with a joint word
    (`lesion_joint_words`: "hips", "shoulders", "trochanteric"), never of a
    word that only shares a joint's first letters ("should": a letter's
    'Should the calcinosis grow, ...' names no shoulder)."""
    return {w[:5] for w in site_words(dr, text) if w.startswith(dr.joint_prefixes)}


def mention_places(dr: DescriptorRules, f: Finding) -> str:
    """At a site of `mention_place_sites`, the place words of `site_synonyms`
    the finding's mention names outside its site words, however many it
    joins ("Calcified subcarinal and right paratracheal lymph nodes": two
    stations of the mediastinum, as `stems` reads them)."""
    if f.site not in dr.mention_place_sites:
        return ""
    own = set(WORD.findall(f.site_text.lower()))
    words = WORD.findall(f.mention.lower())
    return " ".join(w for w in words if w in dr.synonyms and w not in own)


def _ends(dr: DescriptorRules, text: str) -> list[int]:
    """Where a clause break (not "and" nor a comma, which join places), a
    restating link or a stop ends in the text."""
    ends = [
        m.end()
        for rx in (dr.clause_breaks, dr.restating)
        for m in rx.finditer(text)
        if m.group().lower() not in ("and", ",")
    ]
    return ends + [m.end() for m in re.finditer(r"[.()]", text)]


def _lead(dr: DescriptorRules, f: Finding, begin: int, at: int) -> str:
    """The words of the finding's own clause right before its mention when
    they join places ahead of it ("pancreatic head and tail" of "pancreatic
    head and tail calcifications"); `begin` > 0 (another finding of the
    sentence before it, whose place the words may be) or -1 gives none. Empty
    too when they join none, and when a restating link follows the mention
    ("..., in keeping with hypoparathyroidism"): a sentence naming what the
    places are names them as one process (`lesion_process_words`)."""
    if begin != 0:
        return ""
    whole = f.sentence[:at]
    lead = whole[max(_ends(dr, whole), default=0) :]
    hosts = _WITH_AT_END.search(whole) if not lead.strip() else None
    if hosts is not None:
        # "Residual right hilar node and anterior mediastinal mass with
        # calcification": the things "with" gives the calcification to
        prior = whole[: hosts.start()]
        lead = prior[max(_ends(dr, prior), default=0) :]
        joins = [m for m in dr.place_joins.finditer(lead) if lead[: m.start()].strip()]
        return lead if joins and _hosts_joined(lead, joins[-1]) else ""
    if dr.restating.search(f.sentence[at:]):
        return ""
    words = [m for m in dr.place_joins.finditer(lead) if lead[: m.start()].strip()]
    if not words or not WORD.search(lead[words[-1].end() :]):
        return ""
    return lead


# "with" ending the words ahead of a mention ("mass with calcification").
_WITH_AT_END = re.compile(r"\bwith\s+$", re.I)


def _hosts_joined(lead: str, join: re.Match[str]) -> bool:
    """Does the join ahead of "with" part two noun phrases of two words or
    more each ("Residual right hilar node and anterior mediastinal mass with
    calcification"), two things the calcification is given to, not place
    words of one noun ("caudate and dentate")? A restating link after the
    mention then names what those things are ("consistent with treated
    lymphoma"), not one process."""
    before = WORD.findall(lead[: join.start()].split(",")[-1])
    return len(before) > 1 and len(WORD.findall(lead[join.end() :])) > 1


def joined_places(
    dr: DescriptorRules, f: Finding, at: int, stop: int, begin: int = 0
) -> set[str]:
    """The place words (`stems`) of the finding's own phrase when it joins
    places by a word of `lesion_place_joins` ("and", a comma, "as well as"):
    the mention ("hepatic and splenic calcifications", starting at `at` in
    its sentence) and the places a link word leads after it ("calcified
    lesions of the LAD and RCA", "calcifications in the pancreas, liver and
    adrenal gland") up to a clause break, a restating link or `stop` (where
    the next finding of the sentence starts: a place with a mention of its
    own is that finding's), and its site words when they join places
    ("calcific changes of the aortic and mitral valves"). Empty when it
    joins none."""
    end = at + len(f.mention)
    if at < 0 or f.sentence[at:end].lower() != f.mention.lower():
        return set()
    phrase = f.mention
    tail = f.sentence[end : max(stop, end)]
    lead = re.match(r"\s+", tail)
    rest = tail[lead.end() :] if lead else ""
    link = dr.place_links.match(rest)
    if link is not None:
        rest = rest[link.end() :]
        ends = [
            m.start()
            for rx in (dr.clause_breaks, dr.restating)
            for m in rx.finditer(rest)
            if m.group().lower() not in ("and", ",")
        ]
        ends += [m.start() for m in re.finditer(r"[.()]", rest)]
        # a comma before a change term ("of the brachialis after the
        # dislocation, increased") ends the place: what follows says how the
        # finding changed, no other place
        ends += [
            m.start()
            for m in re.finditer(r",\s*", rest)
            if dr.change_starts.match(rest, m.end()) is not None
        ]
        phrase = f"{phrase} {rest[: min(ends, default=len(rest))]}"
    # the places its own clause joins right before it ("pancreatic head and
    # tail calcifications", the mention "calcifications")
    phrase = f"{_lead(dr, f, begin, at)} {phrase}"
    # the site words the finding was given, when they join places of their
    # own ("calcific changes of the aortic and mitral valves")
    if dr.place_joins.search(f.site_text):
        phrase = f"{phrase} {f.site_text}"
    # a side set off by a comma is no place joined ("calcinosis cutis of the
    # scrotum, bilateral" names one place)
    phrase = _SET_OFF_WORD.sub(
        lambda m: "" if m.group(1).lower() in dr.side_words else m.group(0), phrase
    )
    # one word may join two places ("aortoiliac calcification")
    if not dr.place_joins.search(phrase) and not dr.place_compounds & set(
        WORD.findall(phrase.lower())
    ):
        return set()
    return stems(dr, phrase)


# One word a comma sets off at the end of a phrase or before another comma.
_SET_OFF_WORD = re.compile(r",\s*(\w+)\s*(?=,|$)")


# A label ahead of a finding: a few words and a colon at a line's start or
# after a comma or a sentence's end ("Superficial femoral artery: , Diffuse
# wall calcification", "SFA: Monophasic. Moderate wall calcification.").
_LABEL = re.compile(r"(?:^|[\n,.;])[^\S\n]*([A-Za-z][\w/ -]{0,40}?)[^\S\n]*:", re.M)
# How far before a mention its label is looked for.
LABEL_REACH = 300


def label_before(f: Finding, text: str) -> str:
    """The nearest label before the finding in the report `text` ('RIGHT
    HIP: , Lobulated periarticular calcification ...'), within LABEL_REACH;
    empty when there is none or `text` is not the finding's report."""
    if not text or text[f.start : f.end].lower() != f.mention.lower():
        return ""
    # a label with words after it on its own line ('2. Two left renal
    # calcifications: the 4 mm ...') names that line's place, not that of
    # the lines below it (a label alone on its line does)
    at = f.start
    lo = max(0, at - LABEL_REACH)
    if text.find(":", lo, at) < 0:
        return ""  # a label ends in its colon
    found = list(_LABEL.finditer(text, lo, at))
    if not found:
        return ""
    end = found[-1].end()
    line_end = text.find("\n", end, at)
    if line_end >= 0 and text[end:line_end].strip(" ,\t\r"):
        return ""
    return found[-1].group(1)


def label_sub(dr: DescriptorRules, f: Finding, text: str) -> str:
    """The sub-site words of the nearest label before the finding in the
    report `text` ("Superficial femoral artery: , Diffuse wall
    calcification", "SFA: ... Moderate wall calcification throughout."), for
    a finding at a vessel site but the coronary arteries (their labels name
    vessels `site_words` reads already) whose own words leave the sub-site
    unsaid, when the label names the site's word ("artery") or one a site
    synonym stands for ("SFA"); empty else (a section heading, "LEFT:",
    or one naming the exam, "CT PELVIS STONE PROTOCOL:": descriptors.json
    `lesion_exam_labels`)."""
    if f.site not in dr.vessel_sites or f.site in dr.score_sites:
        return ""
    label = label_before(f, text)
    if not label:
        return ""
    if not dr.exam_labels.isdisjoint(label.lower().split()):
        return ""
    name = name_words(dr, f.site)
    words = site_words(dr, label)
    if not (name & set(words) or any(w in dr.synonyms for w in label.lower().split())):
        return ""
    return " ".join(w for w in words if w not in name)
