"""Our own exceptions; the CLI turns them into messages and exit codes."""

from __future__ import annotations


class CalcNlpError(Exception):
    """Base class of every error calc-nlp raises on purpose."""


class PatternError(CalcNlpError):
    """A rule or knowledge file in patterns/ is invalid.

    The message names the file, the rule id (where there is one) and the key.
    """

    def __init__(self, file: str, message: str, rule: str | None = None, key: str | None = None):
        where = file
        if rule:
            where += f", rule {rule}"
        if key:
            where += f", key {key!r}"
        super().__init__(f"{where}: {message}")
        self.file, self.rule, self.key = file, rule, key


class InputError(CalcNlpError):
    """The input cannot be read as asked (missing column, unreadable file)."""
