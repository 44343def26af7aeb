"""Import spaCy without its command line, for the start-up of `calc-nlp`.

`spacy/__init__` imports `spacy.cli.info` for `spacy.info`, which imports
every spaCy command (typer, requests, jinja2, weasel...): about a fifth of a
second of each start, for nothing calc-nlp runs. Our command line imports
spaCy with placeholders standing in for `spacy.cli` and `spacy.cli.info`
during that one import; `spacy.info` and `spacy.cli` still work afterwards,
imported the first time they are used.

Two modules spaCy imports only to call later are loaded on first use: langcodes
(its data tables are a tenth of a second; spaCy uses them to match language
codes, which `spacy.blank("en")` never needs) and tqdm (training progress
bars). A stand-in module takes their place in `sys.modules` while spaCy is
imported and loads the real one the first time any of its names is asked
for (`importlib.util.LazyLoader` cannot do it: Python 3.11's `import`
statement reads the module's `__spec__`, which loads it).

pydantic's own `__init__` (pydantic 2) imports pydantic-core and its schema
types (a twentieth of the start-up), where thinc, confection and spaCy use
`pydantic.v1` only. Its stand-in also holds pydantic's folder (`__path__`),
so `pydantic.v1` is imported as usual, without that `__init__`; any other
name of pydantic asked for loads it, with the submodules already imported.

`spacy.pipeline`'s `__init__` imports every spaCy component (the parser,
NER, tagger, entity linker, text classifiers...: a tenth of spaCy's import)
to register it, `thinc.api` every thinc layer, optimizer, loss and backend
(a sixth), `spacy.training` its corpora readers, converters and loggers, and
`srsly` its YAML and pickle modules, where calc-nlp uses no component, no
layer, no training and no YAML. While such
a module only imports names from others (`_BY_NAME`), a stand-in takes its
place (with its folder, for a package): each of those names asked for imports
the module it comes from alone (`spacy.lang.en` asks for the lemmatizer's
class, spaCy for thinc's `Model` and `Config`), and any other name loads the
module. Until then, as with medSpaCy's components below, spaCy's components
cannot be added by name (`nlp.add_pipe("ner")`) nor thinc's layers resolved
from a config in our command's process.

medSpaCy is imported without QuickUMLS always (`import_medspacy`), and, for
our command line, without `medspacy.components`, the module that imports
every medSpaCy component to register it with spaCy: PyRuSH's sentence
splitter, pysbd and loguru among them (a twentieth of a second), where
calc-nlp uses ConText and the target rules only. A stand-in takes its place
and loads it the first time any of its names is asked for; until then the
components it registers (`medspacy_pyrush`, the sectionizer, pre- and
postprocessor) cannot be added by name in that process, which runs no code
but calc-nlp's.
"""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import importlib.util
import os
import sys
import types
from pathlib import Path
from typing import Any

_PLACEHOLDERS = ("spacy.cli", "spacy.cli.info")
LAZY_MODULES = ("langcodes", "tqdm")
# Stood in for with their folder: their submodules import without their __init__.
LAZY_PACKAGES = ("pydantic",)


def _info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info, imported on first use."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def _module_getattr(name: str) -> Any:
    """`spacy.cli` on first use (module __getattr__, PEP 562)."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


class _OnFirstUse(types.ModuleType):
    """Stands in for a module until one of its names is asked for."""

    def __getattr__(self, attr: str) -> Any:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        real = importlib.import_module(name)
        for key, value in list(vars(self).items()):  # submodules imported meanwhile
            if isinstance(value, types.ModuleType) and value.__name__ == f"{name}.{key}":
                vars(real).setdefault(key, value)
        loaded = vars(self).pop("_loaded", None)  # once: what follows the load
        if loaded is not None:
            loaded()
        return getattr(real, attr)


class _ByName(_OnFirstUse):
    """Stands in for a module that only imports names from others (`_where`:
    name -> the module it comes from and its name there): each such name
    asked for imports that module alone; any other name loads the module."""

    def __getattr__(self, attr: str) -> Any:
        where = vars(self).get("_where", {}).get(attr)
        if where is None:
            if attr == "__path__":  # asked by `from m import x` of a module
                raise AttributeError(attr)
            if _submodule(self, attr):  # `from . import sub`, `package.sub`
                return importlib.import_module(f"{self.__name__}.{attr}")
            return super().__getattr__(attr)
        module, name = where
        value = getattr(importlib.import_module(module), name)
        setattr(self, attr, value)
        return value


def _submodule(package: types.ModuleType, attr: str) -> bool:
    """Is `attr` a submodule of the stood-in `package` (a module in its folder)?"""
    folders = vars(package).get("__path__")
    if not folders or attr.startswith("__"):
        return False
    try:
        found = importlib.machinery.PathFinder.find_spec(
            f"{package.__name__}.{attr}", folders
        )
    except (ImportError, ValueError):
        return False
    return found is not None


# The modules stood in for by name: (module, its file in its top package).
_BY_NAME = (
    ("spacy.pipeline", "pipeline/__init__.py"),
    ("spacy.training", "training/__init__.py"),
    ("thinc.api", "api.py"),
    ("srsly", "__init__.py"),
)


def _names_imported(source: str, package: str) -> dict[str, tuple[str, str]] | None:
    """Each name a module (its `source`, in `package`) imports, by the module
    it comes from and its name there; None if the module does anything else
    than import names from modules of its package and set `__all__`."""
    where: dict[str, tuple[str, str]] = {}
    try:
        body = ast.parse(source).body
    except (SyntaxError, ValueError):
        return None
    for node in body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            for alias in node.names:
                if alias.name == "*":
                    return None
                module = f"{package}.{node.module}"
                where[alias.asname or alias.name] = (module, alias.name)
        elif not (
            isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] == ["__all__"]
        ) and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            return None
    return where


def _stand_in_by_name(name: str, file: str) -> _ByName | None:
    """A `_ByName` stand-in for module `name` in sys.modules (module
    docstring), when it only imports names; found without importing it or
    its top package."""
    if name in sys.modules:
        return None
    top = name.partition(".")[0]
    try:
        spec = importlib.util.find_spec(top)
        if spec is None or not spec.submodule_search_locations:
            return None
        path = Path(next(iter(spec.submodule_search_locations))) / file
        is_package = path.name == "__init__.py"
        package = name if is_package else name.rpartition(".")[0]
        where = _names_imported(path.read_text(encoding="utf-8"), package)
    except (ImportError, ValueError, OSError, UnicodeDecodeError):
        return None
    if not where:
        return None
    module = _ByName(name)
    module.__spec__ = None
    if is_package:
        module.__path__ = [str(path.parent)]
    module._where = where  # type: ignore[attr-defined]
    sys.modules[name] = module
    return module


def _attach(stand_ins: list[_ByName]) -> None:
    """Each stand-in still in place as an attribute of its parent package: an
    import that found it in sys.modules set none."""
    for module in stand_ins:
        parent, _, child = module.__name__.rpartition(".")
        if sys.modules.get(module.__name__) is module and parent in sys.modules:
            vars(sys.modules[parent]).setdefault(child, module)


def _stand_in(name: str, package: bool = False) -> None:
    """`name` in sys.modules as a stand-in, if it is installed and not imported;
    a `package`'s with its folder, so that its submodules can be imported."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is None:
        return  # absent: whoever imports it gets the usual error
    folders = spec.submodule_search_locations
    if package and not folders:
        return  # not a package here: left as it is
    module = _OnFirstUse(name)
    module.__spec__ = None
    if package:
        module.__path__ = list(folders or ())
    sys.modules[name] = module


_ENABLED = False


# numpy's OpenBLAS starts a thread pool (a thread per core) when numpy is
# imported, with its memory buffers: a tenth of a second of system CPU time
# in the run's start-up, for linear algebra calc-nlp never does (spaCy
# imports numpy; no vectors, no models). One thread unless the user chose.
_BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}


def enable() -> None:
    """From now on `import_spacy` imports spaCy without its command line (our
    command line calls this; a program that imports calc-nlp keeps spaCy as
    is), and numpy, when not imported yet, without OpenBLAS's thread pool
    (`_BLAS_THREADS`, unless set)."""
    global _ENABLED
    _ENABLED = True
    if "numpy" not in sys.modules:
        for name, value in _BLAS_THREADS.items():
            os.environ.setdefault(name, value)


def import_spacy() -> None:
    """Import spaCy: without its command line when `enable`d, else the plain way.
    Called where calc-nlp first needs spaCy, so a run that needs none skips it."""
    if _ENABLED:
        import_spacy_without_cli()
    else:
        import spacy  # noqa: F401


def import_spacy_without_cli() -> None:
    """Import spaCy (once per process; nothing if it is already imported)."""
    if "spacy" in sys.modules or any(n in sys.modules for n in _PLACEHOLDERS):
        return
    for name in LAZY_MODULES:
        _stand_in(name)
    for name in LAZY_PACKAGES:
        _stand_in(name, package=True)
    by_name = [m for n, f in _BY_NAME if (m := _stand_in_by_name(n, f)) is not None]
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
    _attach(by_name)


_MEDSPACY_COMPONENTS = "medspacy.components"


def import_medspacy() -> None:
    """Import medSpaCy without QuickUMLS. `medspacy/__init__` imports
    `medspacy.util`, which imports QuickUMLS (and NLTK, a quarter of a second
    of every start) only to register its spaCy component, which calc-nlp never
    uses. A placeholder stands in for `quickumls` during that import and is
    removed after it, so a later `import quickumls` gets the real package.
    When `enable`d, `medspacy.components` is left to a stand-in too (module
    docstring); loading it silences the loggers it brings (quiet.py)."""
    if "medspacy" in sys.modules or "quickumls" in sys.modules:
        return
    placeholder = types.ModuleType("quickumls")
    placeholder.spacy_component = None  # type: ignore[attr-defined]
    sys.modules["quickumls"] = placeholder
    if _ENABLED and _MEDSPACY_COMPONENTS not in sys.modules:
        components = _OnFirstUse(_MEDSPACY_COMPONENTS)
        components.__spec__ = None
        components._loaded = _silence  # type: ignore[attr-defined]
        sys.modules[_MEDSPACY_COMPONENTS] = components
    try:
        import medspacy  # noqa: F401
    finally:
        if sys.modules.get("quickumls") is placeholder:
            del sys.modules["quickumls"]


def _silence() -> None:
    from calc_nlp import quiet

    quiet.silence()
