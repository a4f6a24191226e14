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
from framing.lexicon.stories import FILE_NAME as STORIES_FILE
from framing.lexicon.stories import Stories, load_stories
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
# What an attribution verb reports (column "class" of attribution_verbs.csv; empty = speech): words said or
# written, or a belief, intention, position, finding or refusal attributed to the source.
CUE_CLASSES = ["speech", "belief", "intention", "position", "evidence", "refusal"]
# The classes that make a statement someone else's claim, counted as attribution hedges; a wish, a position or a
# refusal ("hopes to", "supports", "declined to comment") is a quoted source but claims nothing.
CLAIM_CLASSES = ("speech", "belief", "evidence")
HEDGE_TYPES = ["hedge", "evidential", "modal"]
LOADED_COLUMNS = ["term", "category", "perspective", "neutral", "explanation"]
# Optional loaded-term columns: "story" scopes an entry (its neutral and explanation) to one story of
# stories.csv; "not_when" lists contexts, separated by ";", in which the term is not loaded ("reckless
# driving", a legal charge, for "reckless"). Context phrases use the term syntax and are stemmed.
LOADED_OPTIONAL = ["match", "story", "not_when"]


@dataclass(frozen=True, slots=True)
class TermInfo:
    term: str
    category: str
    perspective: str
    neutral: str
    explanation: str
    lexicon: str
    story: str = ""  # the story (stories.csv) the entry belongs to; "" = any story
    not_when: tuple[str, ...] = ()  # contexts in which the term is not loaded


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
    stories: Stories = field(default_factory=Stories)  # stories.csv: which story an article is on
    contexts: PhraseMatcher = field(default_factory=PhraseMatcher)  # not_when phrases, payload: their TermInfo
    loaded_info: tuple[TermInfo, ...] = ()  # every loaded-term entry, for looking an entry up from a finding


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


def _loaded_entries(
    path: Path, vocab: Vocabulary | None = None, stories: Stories | None = None
) -> tuple[list[Entry], list[Entry]]:
    """The entries of one loaded-term file, and the entries of their `not_when` contexts (payload: the TermInfo)."""
    vocab = vocab or default_vocabulary()
    rows = read_table(
        path,
        required=LOADED_COLUMNS,
        optional=LOADED_OPTIONAL,
        allowed={
            "category": vocab.categories,
            "perspective": vocab.perspectives,
            "match": MODES,
            "story": (stories or Stories()).names,
        },
        key=["term", "match", "story"],
    )
    entries: list[Entry] = []
    contexts: list[Entry] = []
    for row in rows:
        not_when = tuple(c.strip() for c in row["not_when"].split(";") if c.strip())
        info = TermInfo(
            row["term"],
            row["category"],
            row["perspective"],
            row["neutral"],
            row["explanation"],
            path.stem,
            row["story"],
            not_when,
        )
        entries.append(Entry(row["term"], _mode(row), info, row.source))
        contexts.extend(Entry(phrase, "stem", info, row.source) for phrase in not_when)
    return entries, contexts


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
    stories = load_stories(folder / STORIES_FILE)

    loaded, contexts, infos = PhraseMatcher(), PhraseMatcher(), []
    for path in [paths["loaded_terms"], paths["general"], *map(Path, extra)]:
        entries, not_when = _loaded_entries(path, vocab, stories)
        for entry in entries:
            loaded.add(entry)
            infos.append(entry.payload)
        for entry in not_when:
            contexts.add(entry)

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
        Entry(r["verb"], _mode(r), (r["verb"], r["stance"], r["class"] or "speech"), r.source)
        for r in read_table(
            paths["attribution_verbs"],
            ["verb", "stance"],
            ["match", "class", "note"],
            {"stance": STANCES, "match": MODES, "class": CUE_CLASSES},
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
    stories_files = [folder / STORIES_FILE] if (folder / STORIES_FILE).is_file() else []
    files = tuple([*paths.values(), *vocabulary_files, *stories_files, *map(Path, extra)])
    file_versions = {name: _digest([path]) for name, path in paths.items()}
    file_versions["vocabulary"] = _digest(vocabulary_files)
    file_versions["stories"] = _digest(stories_files)
    file_versions["extra"] = _digest([Path(p) for p in extra])
    return Lexicons(
        loaded,
        hedges,
        attribution,
        actors,
        speakers,
        titles,
        naming,
        files,
        _digest(files),
        file_versions,
        vocab,
        stories,
        contexts,
        tuple(infos),
    )


@lru_cache(maxsize=8)
def default_lexicons(extra: tuple[Path, ...] = ()) -> Lexicons:
    return load_lexicons(extra)
