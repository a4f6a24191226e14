"""The versions stored results are keyed by.

Stored features are only valid for the lexicons *and* the code that produced them:

* the **analysis version** is `Lexicons.version` (a hash of every lexicon file) plus a
  hash of the code that computes features (:data:`CODE_FILES`) and of the releases of the
  libraries that do (:data:`ANALYSIS_LIBRARIES`), so upgrading or editing the extractors re-analyses on the
  next run instead of mixing old results with new;
* each **part** of an analysis (sentences, actors, quotes, loaded terms, hedges) has its
  own version, from the extractor code and only the lexicon files that part reads
  (:data:`framing.extract.features.PART_LEXICONS`): after a lexicon edit the parts that
  do not read the edited file are reused;
* the **cleaning version** covers the code and cues that turn a raw file into cleaned
  text, so a stored mapping from raw input to cleaned text is only trusted while they
  are unchanged.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import version as package_version
from pathlib import Path

import framing
from framing.extract.features import PART_LEXICONS
from framing.lexicon.bundle import Lexicons
from framing.resources import lexicon_dir

_PACKAGE = Path(framing.__file__).parent
# Everything that computes a stored feature or shapes a stored record: the extractors, the lexicon
# loading and compiling (an edit to how aliases are read changes quotes), tokens and sentences, the
# span types, the record format and the finding and count rows kept beside it, and the learned
# model's code (its weights file is hashed too). The libraries below compute features too (VADER's
# lexicon and rules, NLTK's Punkt and Snowball), so their installed releases are part of the version.
CODE_FILES = (
    *("extract/*.py", "lexicon/*.py", "model/*.py", "text.py", "spans.py"),
    *("store/records.py", "store/rows.py", "score/counts.py"),
    "models/common_words/words.csv",  # discovery's word-case counts: which sentence-initial words are names
)
ANALYSIS_LIBRARIES = ("vaderSentiment", "nltk")
# Lexicon files an extractor reads that are not in the lexicon bundle (so not in Lexicons.version): the
# discovery word list behind the stored actor mentions (framing/extract/discover.py, store/rows.py).
ANALYSIS_DATA = ("discovery.csv",)
CLEANING_FILES = ("ingest/*.py",)
CLEANING_DATA = ("boilerplate_cues.csv",)


def _hash_files(patterns: tuple[str, ...], extra: bytes = b"") -> str:
    digest = hashlib.sha256(extra)
    for pattern in patterns:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def library_versions() -> dict[str, str]:
    """Installed release of every library that computes features."""
    return {name: package_version(name) for name in ANALYSIS_LIBRARIES}


@lru_cache(maxsize=1)
def code_version() -> str:
    """Extractor code, library releases, the loaded-language model's weights (framing.model) and the
    extractors' data files outside the lexicon bundle (:data:`ANALYSIS_DATA`)."""
    from framing.model.detector import model_version

    libraries = ";".join(f"{k}={v}" for k, v in library_versions().items())
    data = b"".join((lexicon_dir() / name).read_bytes() for name in ANALYSIS_DATA)
    return _hash_files(CODE_FILES, f"{libraries};model={model_version()};".encode() + data)


@lru_cache(maxsize=1)
def cleaning_version() -> str:
    """Cleaning code, boilerplate cues and the HTML extractor's release."""
    data = b"".join((lexicon_dir() / name).read_bytes() for name in CLEANING_DATA)
    return _hash_files(CLEANING_FILES, data + package_version("trafilatura").encode())


def analysis_version(lex: Lexicons) -> str:
    """ "<lexicon version>.<code version>", e.g. "6c09649cd295dbe6.1f2e3d4c"."""
    return f"{lex.version}.{code_version()}"


def part_versions(lex: Lexicons) -> dict[str, str]:
    """part name -> hash of the extractor code and the lexicon files that part reads."""
    versions = {}
    for part, files in PART_LEXICONS.items():
        digest = hashlib.sha256(code_version().encode())
        for name in files:
            digest.update(f"{name}={lex.file_versions[name]};".encode())
        versions[part] = digest.hexdigest()[:8]
    return versions
