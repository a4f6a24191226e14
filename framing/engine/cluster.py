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

CONNECT_TIMEOUT = "10s"
DEADLINE_SECONDS = 20.0  # hard bound on connecting, whatever the scheduler does (or does not) answer


def _check_address(scheduler: str) -> None:
    """A one-line UsageError for an address Dask cannot parse, before any connection attempt."""
    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    try:
        scheme, location = parse_address(scheduler, strict=False)
        if scheme in {"tcp", "tls", "ws", "wss"}:
            host, port = parse_host_port(location)
            if not host or not port or any(c.isspace() for c in location):
                raise ValueError("needs host:port")
    except (ValueError, TypeError, LookupError) as exc:
        raise UsageError(
            scheduler, f"not a Dask scheduler address ({exc or 'malformed'}); expected tcp://host:port"
        ) from None


def _connect(scheduler: str):
    """A distributed.Client, or a UsageError within DEADLINE_SECONDS."""
    import threading

    from distributed import Client

    outcome: dict = {}

    def attempt() -> None:
        try:
            outcome["client"] = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except BaseException as exc:  # noqa: BLE001 - reported below as one line
            outcome["error"] = exc

    thread = threading.Thread(target=attempt, name="framing-dask-connect", daemon=True)
    thread.start()
    thread.join(DEADLINE_SECONDS)
    if thread.is_alive():
        raise UsageError(scheduler, f"the Dask scheduler did not answer within {DEADLINE_SECONDS:g} s")
    if "error" in outcome:
        exc = outcome["error"]
        detail = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise UsageError(scheduler, f"cannot reach the Dask scheduler ({detail})")
    return outcome["client"]


class DaskEngine(Engine):
    name = "dask"

    def __init__(self, lex: Lexicons, scheduler: str) -> None:
        super().__init__(lex)
        self._client = None
        _check_address(scheduler)  # distributed is imported in these helpers: the local engines do not need it
        self._client = _connect(scheduler)
        workers = self._client.scheduler_info().get("workers", {})
        threads = sum(w.get("nthreads", 1) for w in workers.values())
        if threads == 0:
            self._client.close()
            raise UsageError(scheduler, "the Dask cluster has no workers")
        self.jobs = threads
        self._tools = self._client.scatter(self.tools, broadcast=True, hash=False)

    def submit(self, batch: list[Task], output: str = "features"):
        assert self._client is not None, "submit after close"
        return self._client.submit(analyze_batch, batch, self._tools, output, pure=False)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
