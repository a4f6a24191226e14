"""The article record that every later stage reads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from framing.ingest.boilerplate import LineVerdict


@dataclass(frozen=True, slots=True)
class Metadata:
    id: str
    outlet: str  # short slug usable on the command line ("sputnik")
    outlet_name: str  # display name ("Sputnik International")
    title: str = ""
    date: str = ""
    url: str = ""
    language: str = "en"
    source: str = ""  # file path, or "path:line" for JSONL


@dataclass(frozen=True, slots=True)
class Article:
    meta: Metadata
    text: str  # cleaned text; every span offset points into it
    lines: tuple[LineVerdict, ...] = field(default=(), repr=False)

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def outlet(self) -> str:
        return self.meta.outlet

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """What the feature store keys analyses by: the same cleaned text has the same hash."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Source:
    """An article as read, before cleaning.

    Reading is cheap and cleaning is not (HTML extraction, boilerplate scoring), so the
    corpus reader hands out sources and whoever analyses them cleans them: worker
    processes or cluster workers, not the one process that reads the corpus.
    """

    meta: Metadata
    raw: str  # decoded file or record text
    kind: str  # "text", "markdown" or "html"

    @property
    def source_hash(self) -> str:
        """Identifies the raw input, so an unchanged article is found without cleaning it again."""
        return hashlib.sha256(f"{self.kind}\0{self.raw}".encode("utf-8", "surrogatepass")).hexdigest()
