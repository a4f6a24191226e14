"""All lexicons the extractors need, loaded and compiled once.

Lexicon files live in ``lexicons/`` (see each file's header for its columns). Users
add loaded-term files of their own with ``--lexicon PATH``; those use the columns of
``loaded_terms.csv``. The bundle's ``version`` is a hash of every file's content, so
stored results can tell which lexicons produced them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import DataError
from framing.lexicon.load import Row, read_table
from framing.lexicon.matcher import MODES, Entry, PhraseMatcher
from framing.lexicon.vocabulary import FILE_NAME as VOCABULARY_FILE
from framing.lexicon.vocabulary import Vocabulary, load_vocabulary
from framing.resources import lexicon_dir

# The closed lists are data (lexicons/vocabulary.csv, read by framing.lexicon.vocabulary). The old
# module constants (CATEGORIES, PERSPECTIVES, SIDES, ACTOR_GROUPS, GROUP_SIDE, VOCABULARY) are read
# from it on first use (see __getattr__), so importing this module reads no file.
_FROM_VOCABULARY = {
    "VOCABULARY": lambda v: v,
    "CATEGORIES": lambda v: list(v.categories),
    "PERSPECTIVES": lambda v: list(v.perspectives),
    "SIDES": lambda v: list(v.sides),
    "ACTOR_GROUPS": lambda v: list(v.groups),
    "GROUP_SIDE": lambda v: dict(v.group_side),
}
if TYPE_CHECKING:  # what __getattr__ gives, for the type checker
    VOCABULARY: Vocabulary
    CATEGORIES: list[str]
    PERSPECTIVES: list[str]
    SIDES: list[str]
    ACTOR_GROUPS: list[str]
    GROUP_SIDE: dict[str, str]


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The shipped lexicons/vocabulary.csv."""
    return load_vocabulary(lexicon_dir() / VOCABULARY_FILE)


def __getattr__(name: str) -> object:
    if name in _FROM_VOCABULARY:
        return _FROM_VOCABULARY[name](default_vocabulary())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


STANCES = ["neutral", "doubting", "presupposing", "strong"]
HEDGE_TYPES = ["hedge", "evidential", "modal"]
LOADED_COLUMNS = ["term", "category", "perspective", "neutral", "explanation"]


@dataclass(frozen=True, slots=True)
class TermInfo:
    term: str
    category: str
    perspective: str
    neutral: str
    explanation: str
    lexicon: str


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    side: str
    role: str
    kind: str  # speaker | title | actor


@dataclass(frozen=True, slots=True)
class NamingVariant:
    concept: str
    variant: str
    perspective: str
    note: str


@dataclass
class Lexicons:
    loaded: PhraseMatcher
    hedges: PhraseMatcher
    attribution: PhraseMatcher
    actors: PhraseMatcher
    speakers: PhraseMatcher  # payload Speaker: named people and bodies, case-sensitive
    titles: PhraseMatcher  # payload Speaker: role words ("Pentagon spokesman")
    naming: PhraseMatcher  # payload NamingVariant
    files: tuple[Path, ...]
    version: str  # hash of every file below
    file_versions: dict[str, str]  # LEXICON_FILES name (and "extra", "vocabulary") -> hash
    vocabulary: Vocabulary = field(
        default_factory=default_vocabulary
    )  # the lists the files were checked against (vocabulary.csv)


LEXICON_FILES = (
    "loaded_terms",
    "general",
    "hedges",
    "attribution_verbs",
    "actors",
    "speakers",
    "speaker_titles",
    "naming_pairs",
)


def _digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def _mode(row: Row) -> str:
    return row["match"] or "stem"


def _loaded_entries(path: Path, vocab: Vocabulary | None = None) -> list[Entry]:
    vocab = vocab or default_vocabulary()
    rows = read_table(
        path,
        required=LOADED_COLUMNS,
        optional=["match"],
        allowed={"category": vocab.categories, "perspective": vocab.perspectives, "match": MODES},
        key=["term", "match"],
    )
    return [
        Entry(
            row["term"],
            _mode(row),
            TermInfo(row["term"], row["category"], row["perspective"], row["neutral"], row["explanation"], path.stem),
            row.source,
        )
        for row in rows
    ]


def _speaker_entries(path: Path, sides: Sequence[str] | None = None) -> list[Entry]:
    sides = sides or default_vocabulary().sides
    rows = read_table(
        path, required=["name", "side"], optional=["aliases", "role"], allowed={"side": sides}, key=["name"]
    )
    entries: list[Entry] = []
    for row in rows:
        speaker = Speaker(row["name"], row["side"], row["role"], "speaker")
        aliases = {a.strip() for a in row["aliases"].split(";") if a.strip()} | {row["name"]}
        entries.extend(Entry(alias, "case", speaker, row.source) for alias in sorted(aliases))
    return entries


def load_lexicons(extra: Sequence[Path] = (), folder: Path | None = None) -> Lexicons:
    folder = folder or lexicon_dir()
    paths = {name: folder / f"{name}.csv" for name in LEXICON_FILES}
    for path in [*paths.values(), *extra]:
        if not Path(path).is_file():
            raise DataError(path, "lexicon file not found")
    vocabulary_path = folder / VOCABULARY_FILE
    vocab = load_vocabulary(vocabulary_path) if vocabulary_path.is_file() else default_vocabulary()
    perspectives, sides = list(vocab.perspectives), list(vocab.sides)

    loaded = PhraseMatcher()
    for path in [paths["loaded_terms"], paths["general"], *map(Path, extra)]:
        for entry in _loaded_entries(path, vocab):
            loaded.add(entry)

    hedges = PhraseMatcher(
        Entry(r["cue"], _mode(r), (r["cue"], r["type"]), r.source)
        for r in read_table(
            paths["hedges"],
            ["cue", "type"],
            ["match", "note"],
            {"type": HEDGE_TYPES, "match": MODES},
            key=["cue", "match"],
        )
    )
    attribution = PhraseMatcher(
        Entry(r["verb"], _mode(r), (r["verb"], r["stance"]), r.source)
        for r in read_table(
            paths["attribution_verbs"],
            ["verb", "stance"],
            ["match", "note"],
            {"stance": STANCES, "match": MODES},
            key=["verb", "match"],
        )
    )
    actor_rows = read_table(
        paths["actors"],
        ["alias", "actor", "group"],
        ["match"],
        {"group": vocab.groups, "match": MODES},
        key=["alias", "match"],
    )
    actors = PhraseMatcher(
        Entry(r["alias"], r["match"] or "case", (r["actor"], r["group"]), r.source) for r in actor_rows
    )
    speakers = PhraseMatcher(_speaker_entries(paths["speakers"], sides))
    titles = PhraseMatcher(
        Entry(r["title"], "exact", Speaker("", r["side"], r["title"], "title"), r.source)
        for r in read_table(paths["speaker_titles"], ["title", "side"], ["note"], {"side": sides}, key=["title"])
    )
    naming = PhraseMatcher(
        Entry(r["variant"], _mode(r), NamingVariant(r["concept"], r["variant"], r["perspective"], r["note"]), r.source)
        for r in read_table(
            paths["naming_pairs"],
            ["concept", "variant", "perspective"],
            ["match", "note"],
            {"perspective": perspectives, "match": MODES},
            key=["concept", "variant", "match"],
        )
    )
    vocabulary_files = [vocabulary_path] if vocabulary_path.is_file() else []
    files = tuple([*paths.values(), *vocabulary_files, *map(Path, extra)])
    file_versions = {name: _digest([path]) for name, path in paths.items()}
    file_versions["vocabulary"] = _digest(vocabulary_files)
    file_versions["extra"] = _digest([Path(p) for p in extra])
    return Lexicons(
        loaded, hedges, attribution, actors, speakers, titles, naming, files, _digest(files), file_versions, vocab
    )


@lru_cache(maxsize=8)
def default_lexicons(extra: tuple[Path, ...] = ()) -> Lexicons:
    return load_lexicons(extra)
