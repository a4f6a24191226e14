"""Errors the user can act on.

Every problem with the user's input is raised as a :class:`FramingError` naming the
file (or outlet, or option) and the problem, so the command line can print exactly one
line and exit with a code that tells usage errors from data errors.
"""

from __future__ import annotations

from pathlib import Path

EXIT_USAGE = 2
EXIT_DATA = 3


class FramingError(Exception):
    """A problem with the user's input, reported as `where: problem`."""

    exit_code = EXIT_DATA

    def __init__(self, where: str | Path | None, problem: str) -> None:
        self.where = str(where) if where is not None else None
        self.problem = problem
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.where}: {self.problem}" if self.where else self.problem


class DataError(FramingError):
    """The corpus, a manifest or a lexicon cannot be used as it is."""

    exit_code = EXIT_DATA


class UsageError(FramingError):
    """The command was asked for something that does not exist (an outlet, a format)."""

    exit_code = EXIT_USAGE
