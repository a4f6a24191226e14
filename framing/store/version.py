"""The analysis version stored results are keyed by: the lexicons plus the extractor code.

Stored features are only valid for the lexicons *and* the code that produced them. The
lexicon part is `Lexicons.version` (a hash of every lexicon file); the code part is a
hash of the source of the modules that turn cleaned text into features, so upgrading or
editing the extractors re-analyses on the next run instead of mixing old results with
new. (Changes to cleaning need no entry here: they change the cleaned text, and with it
the content hash.)
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import framing
from framing.lexicon.bundle import Lexicons

_PACKAGE = Path(framing.__file__).parent
CODE_FILES = ("extract/*.py", "lexicon/matcher.py", "text.py", "spans.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    digest = hashlib.sha256()
    for pattern in CODE_FILES:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def analysis_version(lex: Lexicons) -> str:
    """ "<lexicon version>.<code version>", e.g. "6c09649cd295dbe6.1f2e3d4c"."""
    return f"{lex.version}.{code_version()}"
