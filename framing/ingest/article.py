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
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
