"""Read lexicon tables (CSV with a `#` comment header, or YAML) and validate every row.

A lexicon is edited by hand, often in a spreadsheet, so every problem is reported with
the file and line it is on: a journalist fixing a typo should not have to read code.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from framing.errors import DataError


@dataclass(frozen=True, slots=True)
class Row:
    source: str  # "path:line", for error messages
    values: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values.get(key, "")


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(path, f"cannot read lexicon ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(path, "lexicon is not valid UTF-8 text") from None


def _csv_rows(path: Path, text: str) -> Iterable[tuple[int, dict[str, str]]]:
    lines = text.splitlines()
    first = 0
    while first < len(lines) and (lines[first].startswith("#") or not lines[first].strip()):
        first += 1
    if first == len(lines):
        raise DataError(path, "lexicon has no header row")
    reader = csv.reader(io.StringIO("\n".join(lines[first:])))
    try:
        header = [h.strip().lower() for h in next(reader)]
        for offset, cells in enumerate(reader, start=1):
            line = first + 1 + offset
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise DataError(
                    f"{path}:{line}",
                    f"row has {len(cells)} fields but the header has {len(header)} (quote fields that contain commas)",
                )
            yield line, {h: c.strip() for h, c in zip(header, cells, strict=False)}
    except csv.Error as exc:
        raise DataError(path, f"malformed CSV ({exc})") from None


class _AliasRefused(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases: nested aliases ("billion laughs") expand without limit."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark.line + 1)
        return super().compose_node(parent, index)


def _yaml_rows(path: Path, text: str) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except _AliasRefused as exc:
        raise DataError(f"{path}:{exc.line}", "YAML aliases (*name) are not allowed; write the value out") from None
    except yaml.YAMLError as exc:
        raise DataError(path, f"malformed YAML ({exc.__class__.__name__})") from None
    entries = data.get("entries") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise DataError(path, "YAML lexicon must be a list of entries (or have an 'entries' list)")
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise DataError(f"{path}: entry {number}", "entry is not a mapping of column: value")
        yield number, {str(k).lower(): "" if v is None else str(v).strip() for k, v in entry.items()}


def read_table(
    path: Path,
    required: Iterable[str],
    optional: Iterable[str] = (),
    allowed: Mapping[str, Iterable[str]] | None = None,
    key: Iterable[str] = (),
) -> list[Row]:
    """Rows of a lexicon file, each checked for required values, allowed values and duplicates.

    `key` names the columns whose combination must be unique: a duplicated entry is
    almost always an editing slip, and would silently count a term twice.
    """
    path = Path(path)
    text = _read_text(path)
    is_yaml = path.suffix.lower() in {".yaml", ".yml"}
    rows_in = _yaml_rows(path, text) if is_yaml else _csv_rows(path, text)
    where = (lambda n: f"{path}: entry {n}") if is_yaml else (lambda n: f"{path}:{n}")
    required = list(required)
    known = set(required) | set(optional)
    allowed_sets = {k: {v.lower(): v for v in vals} for k, vals in (allowed or {}).items()}
    key = list(key)
    seen: dict[tuple[str, ...], str] = {}
    rows: list[Row] = []
    for number, values in rows_in:
        source = where(number)
        unknown = [c for c in values if c not in known and c]
        if unknown and not rows:
            raise DataError(source, f"unknown column '{unknown[0]}' (expected: {', '.join(sorted(known))})")
        for column in required:
            if not rows and column not in values:
                raise DataError(source, f"missing column '{column}'")
            if not values.get(column):
                raise DataError(source, f"empty '{column}'")
        for column, choices in allowed_sets.items():
            value = values.get(column, "")
            if value:
                if value.lower() not in choices:
                    listing = ", ".join(sorted(choices.values()))
                    raise DataError(source, f"unknown {column} '{value}' (allowed: {listing})")
                values[column] = choices[value.lower()]
        if key:
            sensitive = values.get("match") == "case"  # "NATO" and "Nato" are two entries
            ident = tuple(v if sensitive else v.lower() for v in (values.get(k, "") for k in key))
            if ident in seen:
                raise DataError(source, f"duplicate entry '{' '.join(ident).strip()}' (first at {seen[ident]})")
            seen[ident] = source
        rows.append(Row(source, values))
    if not rows:
        raise DataError(path, "lexicon has no entries")
    return rows
