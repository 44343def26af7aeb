"""Looking up a word an IGNORECASE regex matched in a table of lower-case words.

`re.IGNORECASE` pairs letters by their simple case mapping and a few
equivalences ("İ" and "ı" with "i", "ſ" with "s", "µ" with "μ"), while
`str.lower` uses the full mapping ("İ".lower() is "i" plus a combining dot)
and leaves "ı" and "ſ" as they are. So `table[match.lower()]` can miss a
word the regex did match ("Calcİum 9.1", "meaſuring 5 mm") and raise
KeyError, which failed the whole report (an error row, its findings lost).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

V = TypeVar("V")


def key_of(table: Mapping[str, object], word: str) -> str | None:
    """The key of `table` (lower-case words) that `re.IGNORECASE` equates with
    `word`, None if none does. `word.lower()` first: the usual case, and the
    only one that costs nothing."""
    lower = word.lower()
    if lower in table:
        return lower
    for key in table:
        if re.fullmatch(re.escape(key), word, re.IGNORECASE):
            return key
    return None


def lookup(table: Mapping[str, V], word: str) -> V:
    """table[word.lower()] for a word an IGNORECASE regex of the table's keys
    matched, whatever letters the regex paired (KeyError if none)."""
    key = key_of(table, word)
    if key is None:  # the word is report text: never in the message
        raise KeyError("no table entry equals the matched word")
    return table[key]
