"""Engines: sequential, `--jobs 2` and a Dask LocalCluster give identical records, in corpus order."""

from __future__ import annotations

import json
import re
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest
from helpers import framing
from test_store import dump, recombined_records, write_jsonl

from framing import api, run
from framing.engine import open_engine
from framing.engine.ordered import ordered_map
from framing.errors import DataError, UsageError
from framing.ingest.corpus import ReadOptions
from framing.store import load_features


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_articles):
    """40 distinct articles: enough for several batches on every worker."""
    return write_jsonl(tmp_path_factory.mktemp("engine") / "corpus.jsonl", recombined_records(seed_articles, 40))


@pytest.fixture(scope="module")
def reference(corpus) -> list[dict]:
    return [f.to_record() for f in api.analyze(corpus)]


def test_jobs_2_and_a_dask_local_cluster_match_the_local_engine(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    assert [f.to_record() for f in run.analyze_corpus(corpus, jobs=2)] == reference
    run.analyze_into_store(tmp_path / "local.db", corpus)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        report = run.analyze_into_store(
            tmp_path / "dask.db", corpus, engine="dask", scheduler=cluster.scheduler_address
        )
    assert (report.seen, report.analysed) == (40, 40)
    assert [f.to_record() for f in load_features(tmp_path / "dask.db")] == reference
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "local.db")


def test_cli_jobs_2_prints_the_same_json(corpus, reference):
    result = framing("analyze", str(corpus), "--jobs", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(json.dumps(reference))


def test_ordered_map_keeps_order_passes_items_through_and_reads_ahead_only_a_little():
    submitted: list[list[int]] = []
    read = []

    def submit(batch):
        submitted.append(list(batch))
        future: Future = Future()
        future.set_result([x * 10 for x in batch])
        return future

    def items():
        for i in range(50):
            read.append(i)
            yield i

    out = []
    for item, result in ordered_map(items(), lambda i: None if i % 3 == 0 else i, submit, batch_size=4, max_pending=8):
        assert len(read) - len(out) <= 9  # never more than max_pending items held
        out.append((item, result))
    assert [i for i, _ in out] == list(range(50))
    assert all(result == (None if i % 3 == 0 else i * 10) for i, result in out)
    assert sorted(x for batch in submitted for x in batch) == [i for i in range(50) if i % 3]
    assert max(len(b) for b in submitted) == 4


@pytest.mark.parametrize(
    ("engine", "jobs", "scheduler", "problem"),
    [
        ("spark", 1, None, "unknown engine 'spark' (available: local, dask)"),
        ("dask", 1, None, "needs --scheduler"),
        ("local", 0, None, "must be at least 1"),
        ("local", 2, "tcp://127.0.0.1:8786", "only used with --engine dask"),
    ],
)
def test_bad_engine_requests_are_usage_errors(lex, engine, jobs, scheduler, problem):
    with pytest.raises(UsageError, match=re.escape(problem)):
        open_engine(engine, lex, jobs, scheduler)


def test_an_article_that_cleans_to_nothing_in_a_worker_is_named_or_skipped(tmp_path, seed_articles):
    """Workers clean the articles, so a cleaning failure comes back from them: it must still
    name the record, and --skip-bad must still skip it and keep the rest."""
    records = recombined_records(seed_articles, 6)
    records[2]["text"] = "Subscribe to our newsletter\nShare on Facebook\nRead more"
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    with pytest.raises(DataError, match=r"corpus\.jsonl:3: no article text left after removing boilerplate"):
        run.analyze_into_store(tmp_path / "strict.db", corpus, jobs=2)
    options = ReadOptions(skip_bad=True)
    report = run.analyze_into_store(tmp_path / "lenient.db", corpus, options=options, jobs=2)
    assert (report.seen, report.analysed) == (5, 5)
    assert [(s.source, s.problem) for s in options.skipped] == [
        (f"{corpus}:3", "no article text left after removing boilerplate")
    ]
    assert [f.id for f in load_features(tmp_path / "lenient.db")] == [r["id"] for r in records if r is not records[2]]


def _children(pid: int) -> list[int]:
    import os

    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_main_process_is_killed(tmp_path):
    import os
    import signal
    import subprocess
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from synthetic import write_corpus

    corpus = write_corpus(tmp_path / "big.jsonl", 3000)
    main = subprocess.Popen(
        [sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.2)
            workers = _children(main.pid)
        assert len(workers) >= 2, "the workers never started"
        os.kill(main.pid, signal.SIGKILL)
        main.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [w for w in workers if _alive(w)]
        for w in left:
            os.kill(w, signal.SIGKILL)
        assert not left, f"workers {left} outlived the killed main process"
    finally:
        if main.poll() is None:
            main.kill()


def _analyze_with_scheduler(address: str):
    import time

    t0 = time.monotonic()
    done = framing("analyze", "--engine", "dask", "--scheduler", address, timeout=90)
    return done, time.monotonic() - t0


def test_a_scheduler_that_accepts_but_never_answers_is_a_bounded_usage_error():
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.5)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])  # accept and say nothing
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        done, seconds = _analyze_with_scheduler(f"tcp://127.0.0.1:{server.getsockname()[1]}")
    finally:
        stop.set()
        thread.join(2)
        for conn in held:
            conn.close()
        server.close()
    assert done.returncode == 2, done.stderr
    assert seconds < 40
    assert done.stderr.strip().count("\n") == 0 and done.stderr.startswith("framing: error: "), done.stderr


@pytest.mark.parametrize("address", ["tcp://::::1", "not an address"])
def test_a_malformed_scheduler_address_is_a_quick_usage_error(address):
    done, seconds = _analyze_with_scheduler(address)
    assert done.returncode == 2, done.stderr
    assert seconds < 30
    assert done.stderr.strip().count("\n") == 0 and "not a Dask scheduler address" in done.stderr, done.stderr


def test_an_article_past_the_time_limit_is_skipped_with_a_warning(monkeypatch, seed_articles):
    import time

    from framing.engine import worker
    from framing.engine.worker import Failure, Task, Tools, analyze_batch

    slow, fast = sorted(seed_articles.values(), key=lambda a: a.id)[:2]
    real = worker.analyze_article

    def analyze(article, *args, **kwargs):
        if article.meta.id == slow.meta.id:
            time.sleep(30)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(worker, "analyze_article", analyze)
    monkeypatch.setattr(worker, "ARTICLE_SECONDS", 0.5)
    t0 = time.monotonic()
    results = analyze_batch([Task(slow), Task(fast)], Tools.default(api.lexicons()))
    assert time.monotonic() - t0 < 10
    assert isinstance(results[0], Failure) and "took over 0.5 s" in results[0].problem
    assert not isinstance(results[1], Failure)
    options = ReadOptions()
    results[0].skip_or_raise(options, "x")
    assert [s.problem for s in options.skipped] == [results[0].problem]
