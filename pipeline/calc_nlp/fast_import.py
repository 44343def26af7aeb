"""Import spaCy without its command line, for the start-up of `calc-nlp`.

`spacy/__init__` imports `spacy.cli.info` for `spacy.info`, which imports
every spaCy command (typer, requests, jinja2, weasel...): about a fifth of a
second of each start, for nothing calc-nlp runs. Our command line imports
spaCy with placeholders standing in for `spacy.cli` and `spacy.cli.info`
during that one import; `spacy.info` and `spacy.cli` still work afterwards,
imported the first time they are used.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_PLACEHOLDERS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info, imported on first use."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def _module_getattr(name: str) -> Any:
    """`spacy.cli` on first use (module __getattr__, PEP 562)."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def import_spacy_without_cli() -> None:
    """Import spaCy (once per process; nothing if it is already imported)."""
    if "spacy" in sys.modules or any(n in sys.modules for n in _PLACEHOLDERS):
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    except ImportError:  # another spaCy that needs more of its cli: the plain way
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name in _PLACEHOLDERS:
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
    if "__getattr__" not in vars(spacy) and "cli" not in vars(spacy):
        setattr(spacy, "__getattr__", _module_getattr)  # noqa: B010
