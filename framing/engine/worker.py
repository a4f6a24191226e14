"""What runs inside a worker: clean and analyse a batch of articles with tools sent once.

Workers receive the compiled :class:`Lexicons` and boilerplate cues themselves
(:class:`Tools`, pickled once per worker), not file paths, so a worker on another
machine needs the `framing` package but not the user's lexicon files. Workers also do
the cleaning (HTML extraction, boilerplate removal): it costs about a third of the
work, and the one process that reads the corpus would otherwise feed only two workers.

Data errors cannot cross a process boundary as exceptions (:class:`FramingError` takes
two arguments and does not unpickle), so they travel back as :class:`Failure` values.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.errors import DataError, FramingError, UsageError
from framing.extract.features import ArticleFeatures, analyze_article
from framing.ingest.article import Article, Source
from framing.ingest.boilerplate import Cue, default_cues
from framing.ingest.corpus import ReadOptions, clean, skip_or_raise
from framing.lexicon.bundle import Lexicons
from framing.store.records import StoredAnalysis, features_from_stored, to_stored
from framing.text import Doc

_state: dict[str, Tools] = {}


@dataclass(frozen=True)
class Tools:
    """Everything a worker needs besides the articles."""

    lex: Lexicons
    cues: tuple[Cue, ...]

    @classmethod
    def default(cls, lex: Lexicons) -> Tools:
        return cls(lex, default_cues())


@dataclass(frozen=True, slots=True)
class Task:
    """One article: a source to clean, or a clean article (its text from the feature store)
    with an earlier analysis of that text whose `reuse` parts are still valid."""

    item: Source | Article
    previous: StoredAnalysis | None = None
    reuse: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    where: str | None
    problem: str
    usage: bool = False
    skip: bool = False  # always skipped with a warning (an article past the time limit), never fatal

    def skip_or_raise(self, options: ReadOptions, source: str) -> None:
        """A data problem is skipped if `options` allow it (and recorded there); a usage problem stops the run."""
        if self.usage:
            raise UsageError(self.where, self.problem)
        if self.skip:
            from framing.ingest.corpus import Skipped

            options.skipped.append(Skipped(self.where or source, self.problem))
            return
        skip_or_raise(DataError(self.where, self.problem), options, source)


Result = ArticleFeatures | StoredAnalysis | Failure


def analyze_task(task: Task, tools: Tools, output: str = "features") -> Result:
    """Features of one article; ``output="stored"`` gives the store's serialised form, so
    that work (and unpickling many small objects) stays off the main process."""
    try:
        if isinstance(task.item, Source):
            article, found = clean(task.item, tools.cues)
        else:
            article, found = task.item, {}
        previous = None
        if task.previous is not None:
            stored = task.previous
            previous = features_from_stored(article.meta, stored.text, stored.record, stored.actor_mentions)
        doc = Doc(article.text)  # shared by the analysis and the store's rows: tokenised once
        features = analyze_article(article, tools.lex, previous, task.reuse, doc=doc)
    except FramingError as exc:
        return Failure(exc.where, exc.problem, isinstance(exc, UsageError))
    return to_stored(features, found, tools.lex, doc) if output == "stored" else features


ARTICLE_SECONDS = 120.0  # an article still being cleaned or analysed after this is skipped with a warning


class _Deadline(Exception):
    pass


def _on_alarm(signum, frame) -> None:
    raise _Deadline


def analyze_task_within_limit(task: Task, tools: Tools, output: str = "features") -> Result:
    """:func:`analyze_task`, abandoned after ARTICLE_SECONDS where a timer signal can interrupt it
    (the main thread of a POSIX process: sequential runs and `--jobs` workers)."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return analyze_task(task, tools, output)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, ARTICLE_SECONDS)
        try:
            return analyze_task(task, tools, output)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Deadline:
        where = task.item.meta.source or task.item.meta.id
        return Failure(where, f"analysis took over {ARTICLE_SECONDS:g} s; article skipped", skip=True)
    finally:
        signal.signal(signal.SIGALRM, previous)


def analyze_batch(tasks: list[Task], tools: Tools, output: str = "features") -> list[Result]:
    return [analyze_task_within_limit(task, tools, output) for task in tasks]


def init_process(tools: Tools, parent_pid: int | None = None) -> None:
    """ProcessPoolExecutor initializer: keep the tools for every batch this worker runs.

    With `parent_pid`, the worker also exits when that process dies, even by `kill -9`
    (which gives the pool no chance to shut its workers down)."""
    _state["tools"] = tools
    if parent_pid is not None:
        die_with_parent(parent_pid)


def die_with_parent(parent_pid: int, poll_seconds: float = 0.5) -> None:
    """Exit this process when `parent_pid` dies: PR_SET_PDEATHSIG on Linux, plus a watchdog thread."""
    import os
    import signal
    import sys
    import threading
    import time

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(poll_seconds)
        os._exit(1)

    if os.getppid() != parent_pid:  # the parent died before the signal was set up
        os._exit(1)
    threading.Thread(target=watch, name="framing-parent-watchdog", daemon=True).start()


def analyze_batch_in_process(tasks: list[Task], output: str) -> list[Result]:
    return analyze_batch(tasks, _state["tools"], output)
