"""Which news story an article is on, so that story-scoped lexicon entries are used only there.

A lexicon written for one story carries neutral alternatives and explanations that are right
for that story only: "militants" -> "separatist fighters" teaches a wrong answer in an article
about a strike. ``lexicons/stories.csv`` names each story and the cue words (its own places,
institutions and people) that mark an article as on it; an article is on a story when it holds
at least ``min_cues`` different cues, because one name ("Russia" in a trade story) says little
and a cluster of them says a lot. Cues are matched case-sensitively as whole tokens, through the
same phrase matcher as every lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from framing.errors import DataError
from framing.lexicon.load import read_table
from framing.lexicon.matcher import Entry, PhraseMatcher
from framing.text import Doc

FILE_NAME = "stories.csv"
_CACHE = "stories.on"


@dataclass
class Stories:
    """Story name -> the fewest distinct cues that put an article on it, plus one matcher for all cues."""

    min_cues: dict[str, int] = field(default_factory=dict)
    cues: PhraseMatcher = field(default_factory=PhraseMatcher)

    @property
    def names(self) -> list[str]:
        return list(self.min_cues)

    def of(self, doc: Doc) -> frozenset[str]:
        """The stories `doc` is on (kept in the doc's cache: several extractors ask)."""
        cached = doc.cache.get((_CACHE, id(self)))
        if cached is None:
            seen: dict[str, set[str]] = {}
            for match in self.cues.find(doc):
                story, cue = match.entry.payload
                seen.setdefault(story, set()).add(cue)
            cached = frozenset(s for s, found in seen.items() if len(found) >= self.min_cues[s])
            doc.cache[(_CACHE, id(self))] = cached
        return cached

    def of_text(self, text: str) -> frozenset[str]:
        return self.of(Doc(text))


def load_stories(path: Path) -> Stories:
    """The stories of `path`; a folder without the file has no stories (every entry must then be unscoped)."""
    stories = Stories()
    if not Path(path).is_file():
        return stories
    for row in read_table(path, ["story", "min_cues", "cues"], ["note"], key=["story"]):
        try:
            needed = int(row["min_cues"])
        except ValueError:
            needed = 0
        if needed < 1:
            raise DataError(row.source, f"min_cues must be a whole number of at least 1, not '{row['min_cues']}'")
        stories.min_cues[row["story"]] = needed
        for cue in (c.strip() for c in row["cues"].split(";")):
            if cue:
                stories.cues.add(Entry(cue, "case", (row["story"], cue), row.source))
    return stories
