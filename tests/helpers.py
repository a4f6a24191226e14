"""Shared test helpers: running the command-line tool as a user would (a fresh process, real
arguments), and picking findings out of one analysed article."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def framing(
    *args: str, cwd: Path | None = None, timeout: float = 300, columns: int | None = None
) -> subprocess.CompletedProcess:
    """`framing ARGS` with captured output; `columns` sets the terminal width for tables."""
    env = {**os.environ, "COLUMNS": str(columns)} if columns else None
    return subprocess.run(
        [sys.executable, "-m", "framing.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env
    )


def quotes_of(features, kind: str | None = None) -> list:
    """The article's quotes in text order, of one kind ("direct", "partial", "indirect") or all."""
    return [q for q in features.quotes if kind is None or q.kind == kind]
