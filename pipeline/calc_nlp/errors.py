"""Our own exceptions; the CLI turns them into messages and exit codes."""

from __future__ import annotations


class CalcNlpError(Exception):
    """Base class of every error calc-nlp raises on purpose."""


class PatternError(CalcNlpError):
    """A rule or knowledge file in patterns/ is invalid.

    The message names the file, the rule id (where there is one) and the key.
    """

    def __init__(
        self, file: str, message: str, rule: str | None = None, key: str | None = None
    ):
        where = file
        if rule:
            where += f", rule {rule}"
        if key:
            where += f", key {key!r}"
        super().__init__(f"{where}: {message}")
        self.file, self.rule, self.key = file, rule, key


class InputError(CalcNlpError):
    """The input cannot be read as asked (missing column, unreadable file)."""

    def __init__(self, message: str, missing_column: bool = False):
        super().__init__(message)
        self.missing_column = missing_column


class OutputError(CalcNlpError):
    """The output folder or a file in it cannot be written."""


class LockHeld(CalcNlpError):
    """Another run holds the output folder's lock."""


class TooManyErrors(CalcNlpError):
    """More bad rows than --max-errors allows."""


class UsageError(CalcNlpError):
    """Options that cannot work together (for example --resume with stdin)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM: handled like Ctrl-C (workers stopped, outputs kept), exit 143."""


# Exit codes (README table). 1 = completed with some rows in errors.csv.
EXIT_OK = 0
EXIT_ROW_ERRORS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_LOCKED = 5
EXIT_TOO_MANY_ERRORS = 6
EXIT_INTERNAL = 7
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)


def exit_code_for(exc: BaseException) -> int:
    """The documented exit code for an exception that ended a run."""
    if isinstance(exc, Terminated):
        return EXIT_TERMINATED
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, PatternError | UsageError):
        return EXIT_USAGE
    if isinstance(exc, InputError):
        return EXIT_USAGE if exc.missing_column else EXIT_INPUT
    if isinstance(exc, OutputError):
        return EXIT_OUTPUT
    if isinstance(exc, LockHeld):
        return EXIT_LOCKED
    if isinstance(exc, TooManyErrors):
        return EXIT_TOO_MANY_ERRORS
    return EXIT_INTERNAL
