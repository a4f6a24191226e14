"""Running the command-line tool in tests, as a user would: a fresh process, real arguments."""

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
