"""`--engine dask --scheduler ADDRESS`: run extraction on an existing dask.distributed cluster.

The client (this process) reads the corpus and sends batches of raw articles; workers
clean and analyse them. The lexicons and boilerplate cues are sent to every worker once
(``scatter(broadcast=True)``), so workers need the `framing` package installed (same
version) but no corpus or lexicon files. Results come back in corpus order, identical
to the local engine.
"""

from __future__ import annotations

from framing.engine.local import Engine
from framing.engine.worker import Task, analyze_batch
from framing.errors import UsageError
from framing.lexicon.bundle import Lexicons

CONNECT_TIMEOUT = "20s"


class DaskEngine(Engine):
    name = "dask"

    def __init__(self, lex: Lexicons, scheduler: str) -> None:
        super().__init__(lex)
        from distributed import Client  # imported here: the local engines do not need it

        self._client = None

        try:
            self._client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise UsageError(scheduler, f"cannot reach the Dask scheduler ({exc})") from None
        workers = self._client.scheduler_info().get("workers", {})
        threads = sum(w.get("nthreads", 1) for w in workers.values())
        if threads == 0:
            self._client.close()
            raise UsageError(scheduler, "the Dask cluster has no workers")
        self.jobs = threads
        self._tools = self._client.scatter(self.tools, broadcast=True, hash=False)

    def submit(self, batch: list[Task], output: str = "features"):
        return self._client.submit(analyze_batch, batch, self._tools, output, pure=False)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
