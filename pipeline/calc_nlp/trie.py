"""A regex for many literal words, factored by common prefixes.

Python's `re` tries alternatives one after another at every position, so
"calcium|calcified|calcific|..." costs one attempt per word per character; the
factored form "calc(?:i(?:um|fi(?:ed|c))|...)" fails after a letter or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str]) -> str:
    root: dict[str, dict] = {}
    for w in set(words):
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root) if root else "(?!)"


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
