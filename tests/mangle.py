"""Export mangles shared by the tests: a report's text changed character by
character, with where each character went (so gold offsets follow)."""

from __future__ import annotations

from collections.abc import Callable

RTF_HEAD = r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\pard\f0\fs20 "


def rtf_char(ch: str) -> str:
    if ch == "\n":
        return "\\par\n"
    if ch in "\\{}":
        return "\\" + ch
    if ord(ch) > 0xFFFF:  # past the basic plane: its two UTF-16 halves
        units = ch.encode("utf-16-le")
        return "".join(
            rtf_char(chr(int.from_bytes(units[i : i + 2], "little"))) for i in (0, 2)
        )
    if ord(ch) > 127:
        code = ord(ch) if ord(ch) < 32768 else ord(ch) - 65536
        return f"\\u{code}?"
    return ch


def mangled(
    text: str, each: Callable[[str], str], before: str = "", after: str = ""
) -> tuple[str, list[int]]:
    """The changed text, and where each character of the text went."""
    parts, where, at = [before], [], len(before)
    for ch in text:
        new = each(ch)
        where.append(at)
        parts.append(new)
        at += len(new)
    where.append(at)
    return "".join(parts) + after, where
