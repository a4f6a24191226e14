"""The actor table of a feature store (placeholder: another branch writes the engine version).

PLACEHOLDER. :func:`store_actor_table` decodes every stored analysis and runs
:func:`framing.score.actor_table.actor_table` over them, so it holds the whole corpus in
memory. It exists so `report --store` and `profile --store -f json` call the store's actor
table through its final signature; at merge the lead takes the other branch's file, which
returns the same DataFrame from the store's rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from framing.score.bootstrap import DEFAULT_N_BOOT
from framing.sides import Sides


def store_actor_table(
    path: Path | str,
    seed: int = 0,
    n_boot: int = DEFAULT_N_BOOT,
    top: int = 15,
    sides: Sides | None = None,
) -> pd.DataFrame:
    """framing.score.actor_table.actor_table of the store's latest analyses (naively: see the module's docstring)."""
    from framing.score.actor_table import actor_table
    from framing.store.database import load_features

    return actor_table(load_features(path), seed=seed, n_boot=n_boot, top=top, sides=sides)
