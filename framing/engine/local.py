"""Engines on this machine: sequential in-process, or a pool of worker processes (`--jobs N`)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from typing import TypeVar

from framing.engine.ordered import ordered_map
from framing.engine.worker import Result, Task, Tools, analyze_batch, analyze_batch_in_process, init_process
from framing.lexicon.bundle import Lexicons

T = TypeVar("T")
BATCH_SIZE = 16  # ~0.2 s of work per task: pickling cost is small next to it


class Engine:
    """Base engine: subclasses provide `submit(batch)`; `map` streams through it in order."""

    name = "local"
    jobs = 1
    batch_size = BATCH_SIZE

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.tools = Tools.default(lex)

    def submit(self, batch: list[Task], output: str = "features"):
        raise NotImplementedError

    @property
    def max_pending(self) -> int:
        # Enough queued batches to keep every worker busy while results are written.
        return self.batch_size * self.jobs * 4

    def map(
        self, items: Iterable[T], select: Callable[[T], Task | None], output: str = "features"
    ) -> Iterator[tuple[T, Result | None]]:
        """(item, result) in input order, None where `select` gave no task; `output` is
        "features" (dataclasses) or "stored" (store rows); a failed article gives a Failure."""
        return ordered_map(items, select, partial(self.submit, output=output), self.batch_size, self.max_pending)

    def close(self) -> None:
        """Release workers; safe to call twice."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class SequentialEngine(Engine):
    """Analyse in this process, one batch at a time (the reference every engine must match)."""

    batch_size = 1

    def submit(self, batch: list[Task], output: str = "features") -> Future:
        future: Future = Future()
        future.set_result(analyze_batch(batch, self.tools, output))
        return future


class ProcessEngine(Engine):
    """`--jobs N`: N worker processes on this machine, each with its own copy of the lexicons."""

    def __init__(self, lex: Lexicons, jobs: int) -> None:
        super().__init__(lex)
        self.jobs = jobs
        # fork where available: workers start in milliseconds and inherit the loaded lexicons.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self._pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=init_process,
            initargs=(self.tools, os.getpid()),
        )

    def submit(self, batch: list[Task], output: str = "features") -> Future:
        return self._pool.submit(analyze_batch_in_process, batch, output)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
