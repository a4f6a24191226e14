"""The closed lists the lexicons and score columns draw from, read from ``lexicons/vocabulary.csv``.

Categories, perspectives, sides and actor groups used to be Python constants written for
one story. As data they can be reviewed beside the lexicons that use them, and a new
story can add its own sides (``--sides``, :mod:`framing.sides`) without touching code.
Every problem is reported with the file and line it is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from framing.errors import DataError
from framing.lexicon.load import read_table

KINDS = ("category", "perspective", "side", "group")
FILE_NAME = "vocabulary.csv"


@dataclass(frozen=True)
class Vocabulary:
    """The lists in file order; ``group_side`` maps a group to its side, ``to_balance`` a side to its balance side."""

    categories: tuple[str, ...]
    perspectives: tuple[str, ...]
    sides: tuple[str, ...]
    groups: tuple[str, ...]
    group_side: dict[str, str] = field(default_factory=dict)
    to_balance: dict[str, str] = field(default_factory=dict)
    source: str = ""

    @property
    def balance_sides(self) -> tuple[str, ...]:
        """Sides the quote shares and the balance index count, in file order (pooled sides left out)."""
        return tuple(s for s in self.sides if self.to_balance.get(s, s) == s)

    def with_sides(self, names: list[str]) -> Vocabulary:
        """This vocabulary plus user sides (``--sides``), each also a group of its own, counted in the balance."""
        new = [n for n in names if n not in self.sides]
        new_groups = [n for n in names if n not in self.groups]
        return Vocabulary(
            self.categories,
            self.perspectives,
            (*self.sides, *new),
            (*self.groups, *new_groups),
            {**self.group_side, **{n: n for n in new_groups}},
            {**self.to_balance, **{n: n for n in new}},
            self.source,
        )


def load_vocabulary(path: Path) -> Vocabulary:
    """Read and check ``vocabulary.csv``: every kind present, groups pointing at known sides."""
    rows = read_table(path, ["kind", "name"], ["side", "balance", "note"], {"kind": KINDS}, key=["kind", "name"])
    lists: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for row in rows:
        lists[row["kind"]].append(row["name"])
        if row["kind"] != "group" and row["side"]:
            raise DataError(row.source, f"only a group row has a side ('{row['name']}' is a {row['kind']})")
        if row["kind"] != "side" and row["balance"]:
            raise DataError(row.source, f"only a side row has a balance side ('{row['name']}' is a {row['kind']})")
    for kind, names in lists.items():
        if not names:
            raise DataError(path, f"no '{kind}' rows (every kind must have at least one)")
    sides = {s.lower(): s for s in lists["side"]}
    group_side: dict[str, str] = {}
    to_balance: dict[str, str] = {}
    for row in rows:
        if row["kind"] == "group":
            side = sides.get(row["side"].lower())
            if side is None:
                raise DataError(row.source, f"group '{row['name']}' needs a side, one of: {', '.join(lists['side'])}")
            group_side[row["name"]] = side
        elif row["kind"] == "side":
            balance = sides.get((row["balance"] or row["name"]).lower())
            if balance is None:
                raise DataError(row.source, f"balance side '{row['balance']}' is not a side row")
            to_balance[row["name"]] = balance
    return Vocabulary(
        tuple(lists["category"]),
        tuple(lists["perspective"]),
        tuple(lists["side"]),
        tuple(lists["group"]),
        group_side,
        to_balance,
        str(path),
    )
