"""A user's sides for a new story (``--sides sides.yaml``): side name -> actors, speakers, affiliations.

The shipped sides (lexicons/vocabulary.csv) were written for one story. For a port strike a
researcher writes a small file instead::

    # sides.yaml
    port management:
      actors: [Port Authority]
      speakers: [Ana Ruiz]
    dockworkers:
      actors: [International Longshore and Warehouse Union, ILWU]
      affiliations: [union]

Names match case-insensitively and whole: an actor (lexicon actor or discovered, by its name or
the text of the mention), a quote's speaker (its resolved name or the words naming it), or an
affiliation (the organisation a discovered person is introduced with, "Port Authority chair Ana
Ruiz", or a word of the words naming a speaker, "a union spokesman"). A matched quote takes the
side as its ``side`` and a matched actor mention as its ``group``; everything else keeps what the
lexicons gave it. Discovered actors that no side names keep their own name as group and side
"unknown". The profile gains one score column set per new side (:func:`framing.score.profile.vocabulary_for`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from framing.errors import DataError
from framing.extract.actors import actor_sentiment
from framing.extract.discover import discover_mentions
from framing.extract.features import ArticleFeatures
from framing.spans import ActorMention, Quote

KEYS = ("actors", "speakers", "affiliations")


@dataclass(frozen=True)
class Sides:
    """Lowercased name -> side, per key of the file, and the side names in file order."""

    names: tuple[str, ...]
    actors: dict[str, str]
    speakers: dict[str, str]
    affiliations: dict[str, str]
    source: str = ""

    def side_of_actor(self, *names: str) -> str | None:
        for name in names:
            side = self.actors.get(name.lower().strip()) or self.speakers.get(name.lower().strip())
            if side:
                return side
        return None

    def side_of_affiliation(self, affiliation: str) -> str | None:
        return self.affiliations.get(affiliation.lower().strip()) or self.actors.get(affiliation.lower().strip())

    def side_of_quote(self, quote: Quote, known: dict[str, tuple[str, str]] | None = None) -> str | None:
        """``known``: the article's discovered mention texts -> (full name, affiliation), so "Ruiz" is Ana Ruiz."""
        names = [quote.speaker, quote.speaker_text]
        for name in list(names):
            full, affiliation = (known or {}).get(name.lower().strip(), ("", ""))
            names.append(full)
            if affiliation and self.side_of_affiliation(affiliation):
                return self.side_of_affiliation(affiliation)
        side = self.side_of_actor(*[n for n in names if n])
        if side:
            return side
        words = quote.speaker_text.lower().split()
        phrase = quote.speaker_text.lower()
        for affiliation, value in self.affiliations.items():
            if affiliation in words or (" " in affiliation and affiliation in phrase):
                return value
        return None


def _node_line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def load_sides(path: Path) -> Sides:
    """Read and check a sides file; every problem names the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, f"cannot read sides file ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise DataError(where, f"malformed YAML ({getattr(exc, 'problem', None) or exc.__class__.__name__})") from None
    if not isinstance(root, yaml.MappingNode) or not root.value:
        line = f":{_node_line(root)}" if root is not None else ""
        raise DataError(f"{path}{line}", "a sides file maps each side name to actors, speakers and affiliations")
    names: list[str] = []
    tables: dict[str, dict[str, str]] = {key: {} for key in KEYS}
    seen: dict[str, tuple[str, int]] = {}
    for key_node, value_node in root.value:
        side = str(key_node.value).strip()
        where = f"{path}:{_node_line(key_node)}"
        if not isinstance(key_node, yaml.ScalarNode) or not side:
            raise DataError(where, "a side name must be a non-empty text")
        if side in names:
            raise DataError(where, f"side '{side}' is given twice")
        if side.lower() == "unknown":
            raise DataError(where, "'unknown' is what unmatched speakers get; choose another side name")
        names.append(side)
        if not isinstance(value_node, yaml.MappingNode):
            raise DataError(where, f"side '{side}' must map to actors, speakers and/or affiliations lists")
        for field_node, list_node in value_node.value:
            field = str(field_node.value).strip().lower()
            at = f"{path}:{_node_line(field_node)}"
            if field not in KEYS:
                raise DataError(at, f"unknown key '{field}' under side '{side}' (expected: {', '.join(KEYS)})")
            items = list_node.value if isinstance(list_node, yaml.SequenceNode) else [list_node]
            for item in items:
                if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
                    raise DataError(f"{path}:{_node_line(item)}", f"each entry of '{field}' must be a name")
                name = str(item.value).strip().lower()
                if name in seen and seen[name][0] != side:
                    first = seen[name]
                    raise DataError(
                        f"{path}:{_node_line(item)}",
                        f"'{item.value}' is under side '{side}' and side '{first[0]}' (line {first[1]})",
                    )
                seen[name] = (side, _node_line(item))
                tables[field][name] = side
    return Sides(tuple(names), tables["actors"], tables["speakers"], tables["affiliations"], str(path))


def group_mentions(mentions: Iterable[ActorMention], sides: Sides) -> list[ActorMention]:
    """Each mention a side names gets that side as its group (discovered ones also by their affiliation)."""
    out = []
    for m in mentions:
        side = sides.side_of_actor(m.actor, m.text)
        affiliation = getattr(m, "affiliation", "")
        if side is None and affiliation:
            side = sides.side_of_affiliation(affiliation)
        out.append(replace(m, group=side) if side else m)
    return out


def apply_sides(features: Iterable[ArticleFeatures], sides: Sides) -> list[ArticleFeatures]:
    """The features with quote sides and actor groups taken from ``sides`` where it names them."""
    out = []
    for f in features:
        known = {m.text.lower(): (m.actor, m.affiliation) for m in discover_mentions(f.text) if m.link != "pronoun"}
        quotes = [replace(q, side=s) if (s := sides.side_of_quote(q, known)) else q for q in f.quotes]
        mentions = group_mentions(f.actor_mentions, sides)
        grouped = actor_sentiment(mentions, f.sentences)
        out.append(replace(f, quotes=quotes, actor_mentions=mentions, actor_sentiment=grouped))
    return out
