"""Write output files atomically: a crash never leaves a half-written file at the target."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

from framing.errors import DataError


def _cannot_write(path: Path, exc: OSError, kept: str = "") -> DataError:
    """An OSError while writing (disk full, read-only folder, quota) as the user's one-line problem."""
    return DataError(path, f"cannot write ({exc.strerror or exc}){kept}")


def _write_temp(path: Path, data: str | bytes) -> Path:
    """Write ``data`` to a hidden temporary file beside ``path``; the caller renames it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; a report is an ordinary file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: str | bytes) -> Path:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _write_temp(path, data)
    except OSError as exc:
        raise _cannot_write(path, exc, "; nothing was written") from None
    os.replace(tmp, path)
    return path


@dataclass(frozen=True)
class WrittenSet:
    written: list[Path]
    removed: list[Path]  # the earlier run's files of the same set that this run did not make


def write_set(out_dir: Path, files: Mapping[str, str | bytes], family: Iterable[str] = ()) -> WrittenSet:
    """Write one run's output files together: all or none, replacing the earlier run's set.

    Every file is first written in full to a temporary file beside its target; only when
    all of them are on disk are they renamed into place, so a full disk or a failed write
    leaves the earlier files exactly as they were. Files named in ``family`` that this run
    did not make (the PDF of a run whose PDF failed, the sheets of a skipped exercise) are
    removed, so a reader never mixes two runs' outputs in one folder.
    """
    out_dir = Path(out_dir)
    temps: list[tuple[Path, Path]] = []
    target = out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            target = out_dir / name
            temps.append((_write_temp(target, data), target))
    except OSError as exc:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise _cannot_write(target, exc, "; nothing was written, earlier files are as they were") from None
    for tmp, path in temps:
        os.replace(tmp, path)
    removed = []
    for name in family:
        stale = out_dir / name
        if name not in files and stale.is_file():
            stale.unlink()
            removed.append(stale)
    return WrittenSet([path for _, path in temps], removed)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP): text starting with
    = + - @ tab or CR gets a leading apostrophe; numbers, negative ones too, stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_rows(rows: Iterable[Sequence[Any]]) -> str:
    """Rows written as CSV text with every text cell made safe by :func:`csv_safe`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return buffer.getvalue()


def frame_csv(frame: pd.DataFrame) -> str:
    """A data frame as CSV text (no index) with text cells made safe by :func:`csv_safe`."""
    import pandas as pd

    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(csv_safe)
    safe.columns = [csv_safe(str(c)) for c in safe.columns]
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue()
