"""The article record that every later stage reads."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from framing.ingest.boilerplate import LineVerdict

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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

    def __post_init__(self) -> None:
        # A lone surrogate (JSON's "\ud83d", a YAML escape) can be encoded by no UTF-8 output:
        # whatever made the metadata, it becomes U+FFFD here, once, for every output.
        for name in ("id", "outlet", "outlet_name", "title", "date", "url", "language", "source"):
            value = getattr(self, name)
            if isinstance(value, str) and _LONE_SURROGATE.search(value):
                object.__setattr__(self, name, _LONE_SURROGATE.sub("\ufffd", value))


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
    cleaning: str = "yes"  # yes: remove boilerplate | prose: keep every prose line (a JSONL record) | no

    @property
    def source_hash(self) -> str:
        """Identifies the raw input and how it is cleaned, so an unchanged article is found
        without cleaning it again (and a different --clean mode is not mistaken for it)."""
        key = f"{self.kind}\0{self.raw}" if self.cleaning == "yes" else f"{self.kind}\0{self.cleaning}\0{self.raw}"
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
