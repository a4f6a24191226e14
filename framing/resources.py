"""Where the shipped data lives.

In a wheel the lexicons and seeds are copied into ``framing/_data``; in a source
checkout (and an editable install) they sit at the repository root. Looking in both
places keeps the data files reviewable at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped data folder '{name}' is missing from the installation")


def lexicon_dir() -> Path:
    return _data_dir("lexicons")


def seeds_dir() -> Path:
    return _data_dir("seeds")


def model_dir() -> Path:
    """The shipped detector weights (``models/``), packaged like the lexicons."""
    return _data_dir("models")
