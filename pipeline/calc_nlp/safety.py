"""Refuse user-supplied regexes that can backtrack catastrophically.

Python's `re` has no timeout (docs/guide.md, pitfalls), so a REGEX in a user's pattern
file could hang a nightly run. Before the run, every regex in the rules is
checked: a repeat that contains another unbounded repeat, such as `(a+)+` or
`(\\w*)*`, is refused; then each regex is tried against adversarial strings in
a child process that is killed after a time limit.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

from calc_nlp.errors import PatternError
from calc_nlp.rules import RuleSet

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
    from re._constants import BRANCH, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, SUBPATTERN  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]
    from sre_constants import BRANCH, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, SUBPATTERN  # type: ignore[no-redef]

PROBE_SECONDS = 2.0


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


_PROBE = r"""
import json, re, sys
pats = json.loads(sys.stdin.read())
attacks = ["a" * 5000 + "!", "1" * 5000 + "x", " " * 5000 + "x", "ab" * 2500 + "!", "calc" * 1000 + "!"]
for p in pats:
    r = re.compile(p)
    for s in attacks:
        r.search(s)
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
        subprocess.run(
            [sys.executable, "-c", _PROBE],
            input=json.dumps([rx for _, rx in found]),
            text=True,
            capture_output=True,
            timeout=PROBE_SECONDS,
            check=True,
        )
    except subprocess.TimeoutExpired:
        raise PatternError(
            "patterns",
            f"a regex took over {PROBE_SECONDS:g} s on a probe string; refusing to run",
        ) from None
