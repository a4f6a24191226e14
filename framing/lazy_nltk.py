"""Import NLTK's Punkt and Snowball modules without running all of NLTK's package start-up.

framing uses two NLTK modules (the Punkt sentence splitter and the Snowball stemmer), which
need only a few of NLTK's own helpers. ``import nltk.tokenize.punkt`` first executes
``nltk/__init__.py``, which imports nearly every part of NLTK (and through them scipy and
scikit-learn): about 1 s of CPU in every process that splits a sentence, against 0.05 s for
the two modules and what they import.

:func:`prepare` registers the packages ``nltk``, ``nltk.tokenize``, ``nltk.stem`` and
``nltk.corpus`` as *lazy packages* before that first import: their submodules import as usual,
and the first time anything else is asked of one (``nltk.word_tokenize``,
``from nltk.corpus import wordnet``, ``from nltk.tokenize import *``) the package's real
``__init__`` runs in place, so other code in the same process that uses the rest of NLTK still
sees the whole package. Snowball's module reads ``nltk.corpus.stopwords`` only when asked to
ignore stopwords, so while it is imported ``nltk.corpus`` lends it a stand-in that completes
``nltk.corpus`` on first use (and is then withdrawn, so later imports get the real one).
Where NLTK is already imported, or its layout is not what this expects, nothing is changed.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus")


class _LazyPackage(types.ModuleType):
    """A package whose ``__init__`` runs on the first access to a name that is not one of its submodules."""

    def __getattr__(self, name: str) -> Any:
        folder = Path(self.__dict__["__path__"][0])
        submodule = (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()
        if submodule and not name.startswith("_"):
            return importlib.import_module(f"{self.__name__}.{name}")  # `from nltk import redos` imports it
        complete()
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}") from None


class _Stopwords:
    """Stands for ``nltk.corpus.stopwords`` in Snowball's module until it is used."""

    def __getattr__(self, name: str) -> Any:
        complete()
        return getattr(sys.modules["nltk.corpus"].stopwords, name)


def complete() -> None:
    """Import the whole of NLTK the ordinary way (its packages' ``__init__`` in NLTK's own order).

    Modules already imported are kept; each lazy package takes the real package's names, so code
    that holds it (``import nltk`` earlier in the process) sees the whole package too."""
    lazy = {name: sys.modules[name] for name in PACKAGES if isinstance(sys.modules.get(name), _LazyPackage)}
    if not lazy:
        return
    for name, module in lazy.items():
        module.__class__ = types.ModuleType  # no more completing through it, whatever happens below
        del sys.modules[name]
    importlib.import_module("nltk")
    for name in PACKAGES:
        importlib.import_module(name)
    for name in sorted(n for n in sys.modules if n.startswith("nltk.")):
        parent, _, child = name.rpartition(".")
        if parent in sys.modules and not hasattr(sys.modules[parent], child):
            setattr(sys.modules[parent], child, sys.modules[name])
    for name, module in lazy.items():
        module.__dict__.update(sys.modules[name].__dict__)


def prepare() -> None:
    """Register the lazy packages, unless NLTK (or part of it) is already imported or cannot be found."""
    if any(name in sys.modules for name in PACKAGES):
        return
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        return
    root = Path(next(iter(spec.submodule_search_locations)))
    specs = {}
    for name in PACKAGES:
        path = root.joinpath(*name.split(".")[1:], "__init__.py")
        if not path.is_file():
            return
        specs[name] = importlib.util.spec_from_file_location(name, path, submodule_search_locations=[str(path.parent)])
    for name, package_spec in specs.items():
        module = _LazyPackage(name)
        module.__spec__ = package_spec
        module.__loader__ = package_spec.loader if package_spec else None
        module.__file__ = str(root.joinpath(*name.split(".")[1:], "__init__.py"))
        module.__path__ = [str(Path(module.__file__).parent)]
        module.__package__ = name
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)


def snowball_stemmer() -> type:
    """NLTK's ``SnowballStemmer`` class."""
    prepare()
    corpus = sys.modules.get("nltk.corpus")
    lend = isinstance(corpus, _LazyPackage) and "stopwords" not in corpus.__dict__
    if lend and corpus is not None:
        corpus.__dict__["stopwords"] = _Stopwords()
    try:
        from nltk.stem.snowball import SnowballStemmer
    finally:
        if lend and isinstance(corpus, _LazyPackage):  # still lazy: nothing completed it meanwhile
            corpus.__dict__.pop("stopwords", None)
    return SnowballStemmer


def punkt() -> tuple[type, type]:
    """NLTK's ``PunktParameters`` and ``PunktSentenceTokenizer`` classes."""
    prepare()
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    return PunktParameters, PunktSentenceTokenizer
