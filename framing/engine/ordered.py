"""Stream items through batched, asynchronous analysis and get results back in input order.

Every engine only has to provide ``submit(batch) -> future`` (an object with
``.result()``); this module does the rest the same way for all of them, which is why the
local, process-pool and Dask engines give identical output in identical order:

* articles are grouped into batches (one task per batch keeps inter-process traffic
  small next to the ~10 ms of work per article);
* at most ``max_pending`` items are held at once, so memory stays flat however large
  the corpus is; the input iterator is only advanced when there is room;
* items that need no analysis (already in the feature store) pass through in their
  place without a task.

Results are whatever the workers return, :class:`~framing.engine.worker.Failure`
included: the caller decides whether a failed article is skipped or stops the run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
W = TypeVar("W")  # what a worker is given for one item


class Future(Protocol):
    def result(self) -> Any: ...


Submit = Callable[[list[Any]], Future]


class _Batch:
    def __init__(self) -> None:
        self.articles: list[Any] = []
        self.future: Future | None = None
        self._results: list[Any] | None = None

    def get(self, submit: Submit, index: int) -> Any:
        if self.future is None:  # a partial batch whose first item is wanted now
            self.future = submit(self.articles)
        if self._results is None:
            self._results = self.future.result()
            self.articles = []  # free the inputs as soon as the outputs are back
        return self._results[index]


def ordered_map(
    items: Iterable[T],
    select: Callable[[T], W | None],
    submit: Submit,
    batch_size: int,
    max_pending: int,
) -> Iterator[tuple[T, Any]]:
    """(item, result) for every item in input order; result is None where `select` gave no task."""
    pending: deque[tuple[T, _Batch | None, int]] = deque()
    batch = _Batch()
    for item in items:
        article = select(item)
        if article is None:
            pending.append((item, None, 0))
        else:
            if batch.future is not None:  # submitted early by _resolve: start a new one
                batch = _Batch()
            pending.append((item, batch, len(batch.articles)))
            batch.articles.append(article)
            if len(batch.articles) >= batch_size:
                batch.future = submit(batch.articles)
                batch = _Batch()
        while len(pending) > max_pending:
            yield _resolve(pending.popleft(), submit)
    while pending:
        yield _resolve(pending.popleft(), submit)


def _resolve(entry: tuple[T, _Batch | None, int], submit: Submit) -> tuple[T, Any]:
    item, batch, index = entry
    return item, (batch.get(submit, index) if batch is not None else None)
