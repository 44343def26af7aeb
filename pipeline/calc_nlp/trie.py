"""A regex for many literal words, factored by common prefixes.

Python's `re` tries alternatives one after another at every position, so
"calcium|calcified|calcific|..." costs one attempt per word per character; the
factored form "calc(?:i(?:um|fi(?:ed|c))|...)" fails after a letter or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_regex(words: Iterable[str]) -> str:
    root = _trie(words)
    return _emit(root) if root else "(?!)"


def phrase_alternation(phrases: list[str]) -> str:
    """Phrases as one regex factored by common prefixes, longest first, any
    run of spaces between words."""
    return trie_regex(" ".join(p.split()) for p in phrases).replace("\\ ", r"\s+")


def vessel_phrases(vessels: list[dict[str, Any]]) -> list[str]:
    """descriptors.json's vessel phrases, spaces collapsed, each once, in
    file order: what a pattern's `{vessel}` stands for (as
    `phrase_alternation` of them), at load as in the descriptors stage."""
    return list(
        dict.fromkeys(" ".join(p.split()) for v in vessels for p in v["phrases"])
    )


def trie_branches(words: Iterable[str]) -> list[str]:
    """The factored alternatives of `trie_regex`, one per first letter, for
    joining with '|' into a larger alternation (same matches as the trie in
    one group): at the top of a regex, `re` then skips ahead to a position
    holding one of their first letters instead of entering the group at
    every position."""
    return [re.escape(ch) + rest for ch, rest in trie_by_first_letter(words)]


def trie_by_first_letter(words: Iterable[str]) -> list[tuple[str, str]]:
    """`trie_branches` as (first letter, the regex of the rest) pairs."""
    return [(ch, _emit(child)) for ch, child in sorted(_trie(words).items())]


def _trie(words: Iterable[str]) -> dict[str, dict]:
    root: dict[str, dict] = {}
    for w in set(words):
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _emit(node: dict[str, dict]) -> str:
    end = "" in node
    branches = [
        re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?"
    return body
