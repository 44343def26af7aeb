"""Names a package exports but loads on first use (PEP 562), so importing the
package stays cheap: `calc_nlp` without spaCy, pandas or the rules, and
`calc_nlp.stages` without spaCy for the modules that need none."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from typing import Any


def lazy_names(
    package: str, source: str, names: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The `__getattr__` and `__dir__` of `package` for `names` of module
    `source`: each is imported when first asked for, then kept in the
    package's namespace (later lookups skip the hook)."""
    wanted = frozenset(names)

    def getattr_(name: str) -> Any:
        if name in wanted:
            value = getattr(importlib.import_module(source), name)
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def dir_() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | wanted)

    return getattr_, dir_
