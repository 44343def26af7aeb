"""Refuse user-supplied regexes that can backtrack catastrophically.

Python's `re` has no timeout (docs/guide.md, pitfalls), so a REGEX in a user's pattern
file could hang a nightly run. Before the run (and before `explain` and
`evaluate`), every regex in the rules is checked: a repeat that contains
another unbounded repeat, such as `(a+)+` or `(\\w*)*`, or alternatives that
can match the same text, such as `(x|x)+` or `(a|ab)*`, is refused; then each
regex is tried in a child process, killed after a time limit, against fixed
adversarial strings and strings built from the regex itself (its repeats
expanded, then spoiled at the end). The run also gives each report a deadline
when user rules are in use (runner.py).
"""

from __future__ import annotations

import json

# Python 3.11 and later (the versions we support) keep the parser here.
import re._parser as sre_parse  # type: ignore[import-not-found]  # noqa: E402
import signal
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from re._constants import (  # type: ignore[import-not-found]  # noqa: E402
    ANY,
    BRANCH,
    CATEGORY,
    IN,
    LITERAL,
    MAX_REPEAT,
    MAXREPEAT,
    MIN_REPEAT,
    NEGATE,
    NOT_LITERAL,
    RANGE,
    SUBPATTERN,
)
from typing import Any

from calc_nlp.errors import PatternError
from calc_nlp.rules import RuleSet

# CPU seconds the probe may spend on each regex, on a machine as fast as the
# one the bundled rules were timed on. A regex that backtracks
# catastrophically runs for minutes on the probe strings; the bundled ones take
# under 0.02 s each (0.1 s for all of them).
PROBE_SECONDS = 1.0
# The machine's speed: the probe first times a fixed search (in _PROBE) and
# gives each regex PROBE_SECONDS times how much slower than REFERENCE_SECONDS
# that search ran (never less), so that a slow or loaded machine refuses no
# rule that a fast one accepts.
REFERENCE_SECONDS = 0.015
# The probe's wall-clock limit: its CPU time decides, so that a busy machine
# (other jobs, a loaded CI runner) refuses no rule; this only stops a probe
# that never gets to report.
PROBE_WALL_SECONDS = 60.0
# How the probe ends when its regexes took too long: it stopped itself, or the
# system stopped it at its CPU limit.
_OVER_TIME = {3, -getattr(signal, "SIGXCPU", 24), -signal.SIGKILL}


def _regexes(obj: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "REGEX" and isinstance(v, str):
                yield where, v
            else:
                yield from _regexes(v, where)
    elif isinstance(obj, list):
        for v in obj:
            yield from _regexes(v, where)


def _has_nested_repeat(parsed: Any, inside_repeat: bool = False) -> bool:
    for op, av in parsed:
        if op in (MAX_REPEAT, MIN_REPEAT):
            lo, hi, sub = av
            unbounded = hi == MAXREPEAT or hi > 50
            if inside_repeat and unbounded:
                return True
            if unbounded and _ambiguous_branch(sub):
                return True
            if _has_nested_repeat(sub, inside_repeat or unbounded):
                return True
        elif op == SUBPATTERN:
            if _has_nested_repeat(av[-1], inside_repeat):
                return True
        elif op == BRANCH:
            for branch in av[1]:
                if _has_nested_repeat(branch, inside_repeat):
                    return True
    return False


# Characters the first-character sets and the built probe strings draw from.
_ALPHABET = (
    string.ascii_letters + string.digits + string.punctuation + " \t\n\u00e9\u00a0"
)


def _in_set(ch: str, items: Any) -> bool:
    """Whether `ch` is matched by a character class (IN items)."""
    negate = False
    hit = False
    for op, av in items:
        if op == NEGATE:
            negate = True
        elif op == LITERAL:
            hit = hit or ord(ch) == av
        elif op == RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op == CATEGORY:
            name = str(av).lower()
            probe = {
                "category_digit": ch.isdigit(),
                "category_not_digit": not ch.isdigit(),
                "category_space": ch.isspace(),
                "category_not_space": not ch.isspace(),
                "category_word": ch.isalnum() or ch == "_",
                "category_not_word": not (ch.isalnum() or ch == "_"),
            }
            hit = hit or probe.get(name, True)
        else:
            hit = True  # unknown: assume it may match
    return hit != negate


def _first(seq: Any) -> tuple[frozenset[str], bool]:
    """Characters that can start a match of `seq`, and whether it can match empty."""
    chars: set[str] = set()
    for op, av in seq:
        c, nullable = _first_item(op, av)
        chars |= c
        if not nullable:
            return frozenset(chars), False
    return frozenset(chars), True


def _first_item(op: Any, av: Any) -> tuple[frozenset[str], bool]:
    if op == LITERAL:
        return frozenset({chr(av)}), False
    if op == NOT_LITERAL:
        return frozenset(c for c in _ALPHABET if ord(c) != av), False
    if op == ANY:
        return frozenset(c for c in _ALPHABET if c != "\n"), False
    if op == IN:
        return frozenset(c for c in _ALPHABET if _in_set(c, av)), False
    if op == SUBPATTERN:
        return _first(av[-1])
    if op == BRANCH:
        chars: set[str] = set()
        nullable = False
        for alt in av[1]:
            c, n = _first(alt)
            chars |= c
            nullable = nullable or n
        return frozenset(chars), nullable
    if op in (MAX_REPEAT, MIN_REPEAT):
        c, n = _first(av[2])
        return c, n or av[0] == 0
    if str(op) in ("POSSESSIVE_REPEAT",):
        c, n = _first(av[2])
        return c, n or av[0] == 0
    if str(op) == "ATOMIC_GROUP":
        return _first(av)
    return frozenset(), True  # anchors, lookarounds, group references


def _ambiguous_branch(seq: Any) -> bool:
    """A BRANCH whose alternatives can start the same way (or both match empty):
    under an unbounded repeat, the engine tries every way of splitting the text."""
    for op, av in seq:
        if op == BRANCH:
            firsts = [_first(alt) for alt in av[1]]
            for i, (ci, ni) in enumerate(firsts):
                for cj, nj in firsts[i + 1 :]:
                    if (ni and nj) or (ci & cj):
                        return True
            if any(_ambiguous_branch(alt) for alt in av[1]):
                return True
        elif op == SUBPATTERN:
            if _ambiguous_branch(av[-1]):
                return True
    return False


def _sample(seq: Any, n: int) -> str:
    """A string built from the regex: its repeats expanded to `n` (or their bound)."""
    out = []
    for op, av in seq:
        if op == LITERAL:
            out.append(chr(av))
        elif op == NOT_LITERAL:
            out.append("a" if av != ord("a") else "b")
        elif op == ANY:
            out.append("a")
        elif op == IN:
            out.append(next((c for c in _ALPHABET if _in_set(c, av)), "a"))
        elif op == SUBPATTERN:
            out.append(_sample(av[-1], n))
        elif op == BRANCH:
            out.append(_sample(av[1][0], n))
        elif op in (MAX_REPEAT, MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT":
            lo, hi, sub = av
            k = max(lo, min(n, hi if hi != MAXREPEAT else n))
            out.append(_sample(sub, n) * k)
        elif str(op) == "ATOMIC_GROUP":
            out.append(_sample(av, n))
    return "".join(out)


def probe_strings(regex: str) -> list[str]:
    """Strings built from `regex` that make a backtracking engine work hardest:
    repeats expanded, then the end spoiled so that the match must fail."""
    parsed = sre_parse.parse(regex)
    out = []
    for n in (25, 2000):
        s = _sample(parsed, n)[:20000]
        out += [s, s[:-1], s + "\x00", s[:-1] + "\x00"]
    return out


_PROBE = r"""
import json, math, re, sys, time
each, reference = float(sys.argv[1]), float(sys.argv[2])
try:
    import resource
except ImportError:
    resource = None
work = json.loads(sys.stdin.read())
slow = re.compile("[a-z]*[a-z]*!")  # the reference: about 15 ms on a fast machine
spent = []
for _ in range(3):
    start = time.process_time()
    slow.search("a" * 300)
    spent.append(time.process_time() - start)
limit = each * max(1.0, min(spent) / reference)
attacks = ["a" * 5000 + "!", "1" * 5000 + "x", " " * 5000 + "x", "ab" * 2500 + "!", "calc" * 1000 + "!"]
for i, (p, built) in enumerate(work):
    print(i, flush=True)  # the regex under probe, should this one not return
    start = time.process_time()
    if resource is not None:  # the system stops a search that never returns (SIGXCPU)
        try:
            stop = math.ceil(start + limit) + 1
            resource.setrlimit(resource.RLIMIT_CPU, (stop, resource.getrlimit(resource.RLIMIT_CPU)[1]))
        except (ValueError, OSError):
            pass
    r = re.compile(p)
    for s in attacks + built:
        r.search(s)
        if time.process_time() - start > limit:
            sys.exit(3)
print("done", flush=True)
"""


def check_user_regexes(rules: RuleSet) -> None:
    """Raise PatternError naming the rule of any regex that could hang a run."""
    found: list[tuple[str, str]] = []
    for rid, rule in rules.rule_index.items():
        for _, rx in _regexes(rule.get("pattern"), rid):
            found.append((rid, rx))
    for rid, rx in found:
        try:
            parsed = sre_parse.parse(rx)
        except Exception:  # re.error
            raise PatternError(
                "patterns", f"invalid regex {rx!r}", rid, "pattern"
            ) from None
        if _has_nested_repeat(parsed):
            raise PatternError(
                "patterns",
                f"regex {rx!r} nests unbounded repeats and can backtrack catastrophically",
                rid,
                "pattern",
            )
    if not found:
        return
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, str(PROBE_SECONDS), str(REFERENCE_SECONDS)],
            input=json.dumps([[rx, probe_strings(rx)] for _, rx in found]),
            text=True,
            capture_output=True,
            timeout=PROBE_WALL_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout
        raise _too_slow(found, out or "") from None
    if done.returncode in _OVER_TIME:
        raise _too_slow(found, done.stdout)
    if done.returncode != 0 or not done.stdout.endswith("done\n"):
        raise subprocess.CalledProcessError(done.returncode, "regex probe")


def _too_slow(found: list[tuple[str, str]], progress: str) -> PatternError:
    """The refusal, naming the rule whose regex the probe was on when it stopped."""
    lines = progress.split()
    at = int(lines[-1]) if lines and lines[-1].isdigit() else None
    rid = found[at][0] if at is not None and at < len(found) else None
    return PatternError(
        "patterns",
        f"{'its' if rid else 'a'} regex took over {PROBE_SECONDS:g} s (scaled to "
        "this machine's speed) on a probe string and could hang a run; refusing to run",
        rid,
        "pattern" if rid else None,
    )


def load_checked_rules(patterns: str | None) -> RuleSet:
    """The rules to run with: the bundled ones, or a user's folder read and
    checked so that any fault is a PatternError naming the file (exit 2),
    never an internal error, and no regex can hang the run."""
    from calc_nlp.rules import FILES, load_rules

    if not patterns:
        return load_rules()
    base = Path(patterns)
    for name in FILES:
        path = base / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue  # load_rules names it
        except OSError as exc:
            raise PatternError(name, f"cannot read: {exc.strerror}") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PatternError(name, f"not UTF-8 (byte {exc.start})") from None
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise PatternError(
                name, f"invalid JSON at line {exc.lineno}, column {exc.colno}"
            ) from None
        except RecursionError:
            raise PatternError(name, "invalid JSON: nested too deeply") from None
        except ValueError:  # a number of more digits than Python converts
            raise PatternError(name, "invalid JSON: a number too long") from None
        _check_shape(name, json.loads(text))
    try:
        rules = load_rules(patterns)
    except PatternError:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed file, whatever breaks
        raise PatternError(
            str(base),
            f"the rule files do not have the expected structure ({exc.__class__.__name__}); "
            "compare them with the bundled patterns/",
        ) from None
    check_user_regexes(rules)
    return rules


_JSON_TYPES = {
    dict: "an object",
    list: "a list",
    str: "a string",
    bool: "true or false",
    int: "a number",
    float: "a number",
    type(None): "null",
}


def _kind(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _rule_name(entry: Any, i: int) -> str:
    if isinstance(entry, dict):
        md = entry.get("metadata")
        if isinstance(md, dict) and isinstance(md.get("id"), str):
            return md["id"]
        for k in ("id", "name"):
            if isinstance(entry.get(k), str):
                return entry[k]
    return f"#{i}"


def _check_shape(name: str, data: Any) -> None:
    """A user's rule file has the JSON types of the bundled one, two levels down,
    so that a wrong type is a PatternError naming the file, rule and key rather
    than a crash inside the loader."""
    from calc_nlp.rules import default_patterns_dir

    try:
        bundled = json.loads(
            (default_patterns_dir() / name).read_text(encoding="utf-8")
        )
    except (OSError, ValueError):
        return
    if not isinstance(data, dict) or not isinstance(bundled, dict):
        return  # load_rules says so
    for key, value in data.items():
        if key not in bundled:
            continue  # load_rules names unknown keys
        ref = bundled[key]
        if _kind(value) != _kind(ref):
            raise PatternError(name, f"must be {_kind(ref)}", key=key)
        entries = (
            list(enumerate(value))
            if isinstance(value, list)
            else list(value.items())
            if isinstance(value, dict)
            else []
        )
        refs = (
            ref
            if isinstance(ref, list)
            else list(ref.values())
            if isinstance(ref, dict)
            else []
        )
        kinds = {_kind(r) for r in refs}
        fields: dict[str, set[str]] = {}
        meta: dict[str, set[str]] = {}  # the rules' metadata, a level further
        for r in refs:
            if isinstance(r, dict):
                for k, v in r.items():
                    fields.setdefault(k, set()).add(_kind(v))
                if isinstance(r.get("metadata"), dict):
                    for k, v in r["metadata"].items():
                        meta.setdefault(k, set()).add(_kind(v))
        for i, entry in entries:
            rule = _rule_name(entry, i) if isinstance(i, int) else str(i)
            if isinstance(ref, dict) and i in ref:
                # a section's field (cac_drs' bands): the section is the rule
                if _kind(entry) != _kind(ref[i]):
                    raise PatternError(name, f"must be {_kind(ref[i])}", key, str(i))
            elif kinds and _kind(entry) not in kinds:
                raise PatternError(
                    name, f"each entry must be {' or '.join(sorted(kinds))}", rule, key
                )
            if isinstance(entry, dict):
                for k, v in entry.items():
                    if k in fields and _kind(v) not in fields[k] and v is not None:
                        raise PatternError(
                            name, f"must be {' or '.join(sorted(fields[k]))}", rule, k
                        )
                md = entry.get("metadata")
                for k, v in md.items() if isinstance(md, dict) else ():
                    if k in meta and _kind(v) not in meta[k] and v is not None:
                        raise PatternError(
                            name, f"must be {' or '.join(sorted(meta[k]))}", rule, k
                        )
