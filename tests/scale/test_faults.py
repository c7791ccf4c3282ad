"""Bad input and failures under Dask: bad files in a big batch, a worker killed mid-task,
a document that kills its worker, an unreachable scheduler."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ceasefire.ingest import ReadOptions
from ceasefire.pipeline import DocumentResult, ExtractOptions, process
from ceasefire.scale import ScaleOptions
from ceasefire.scale import process as scaled
from ceasefire.store import open_store

from .support import outcome, write_reports

CLI = [sys.executable, "-m", "ceasefire.cli"]


def _unreadable(path: Path) -> str:
    """A file whose reading fails: no permission, or for root (who reads anything) an I/O error."""
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")  # a regular file whose read at offset 0 fails with EIO
        return "Input/output error"
    path.write_text("Fighters attacked a checkpoint on Monday, officials said.\n", encoding="utf-8")
    path.chmod(0)
    return "ermission"


@pytest.mark.slow
def test_bad_files_in_a_batch_of_1000(tmp_path: Path) -> None:
    src = tmp_path / "batch"
    write_reports(src, 997)
    why_unreadable = _unreadable(src / "report_0100x.txt")
    (src / "report_0500x.txt").write_bytes(os.urandom(4096) + b"\0" * 64)  # binary
    (src / "report_0900x.txt").write_text("fighting " * 2_300_000, encoding="utf-8")  # 20 MB, one line
    db = tmp_path / "b.db"
    cmd = [*CLI, "ingest", str(src), "--db", str(db), "--workers", "2", "--partition-size", "50"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert run.returncode == 1, run.stderr  # some inputs failed
    errors = [ln for ln in run.stderr.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 3, run.stderr
    by_file = {ln.split(": ")[1]: ln for ln in errors}
    assert why_unreadable in by_file[str(src / "report_0100x.txt")]
    assert "binary" in by_file[str(src / "report_0500x.txt")]
    assert "no sentence end" in by_file[str(src / "report_0900x.txt")]
    assert "997 documents ok, 3 failed" in run.stderr
    with open_store(str(db)) as store:
        assert store.stats().documents == 997
        assert {e.source for e in store.list_errors()} == set(by_file)


def _busy_worker(client, timeout: float = 120) -> str:
    """The address of a worker that is running a task right now."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for addr, keys in client.processing().items():
            if keys:
                return addr
        time.sleep(0.05)
    raise AssertionError("no task started")


@pytest.mark.slow
def test_worker_killed_mid_task_is_replaced_and_its_partition_redone(fresh_cluster, tmp_path: Path) -> None:
    from distributed import Client

    src = tmp_path / "in"
    write_reports(src, 24)
    options = ExtractOptions()
    expected = outcome(process([str(src)], options))
    scale = ScaleOptions(
        scheduler=fresh_cluster.scheduler_address, partition_size=6, run_dir=tmp_path / "run"
    )
    killed: list[int] = []

    def kill_one() -> None:
        with Client(fresh_cluster.scheduler_address, timeout=30) as client:
            addr = _busy_worker(client)
            pid = client.run(os.getpid, workers=[addr])[addr]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    killer = threading.Thread(target=kill_one)
    killer.start()
    got = list(scaled([str(src)], options, scale))
    killer.join()
    assert killed, "no worker was killed"
    assert outcome(got) == expected  # nothing lost, nothing doubled, no error
    with Client(fresh_cluster.scheduler_address, timeout=30) as client:
        client.wait_for_workers(2, timeout=60)
        pids = client.run(os.getpid).values()
    assert killed[0] not in pids  # the nanny started a new worker in its place


class CrashOn:
    """A worker plugin of this test only: a document whose path contains ``marker`` makes
    the worker process die at once (as a segfault in a C extension would)."""

    name = "test-crash-on"

    def __init__(self, marker: str):
        self.marker = marker

    def setup(self, worker) -> None:
        import ceasefire.scale.worker as w

        real = w.process_documents
        marker = self.marker

        def crashing(docs, *args, **kwargs):
            if any(marker in d.source for d in docs):
                os._exit(13)
            return real(docs, *args, **kwargs)

        w.process_documents = crashing


@pytest.mark.slow
def test_document_that_kills_workers_is_reported_and_skipped(fresh_cluster, tmp_path: Path) -> None:
    from distributed import Client, WorkerPlugin

    src = tmp_path / "in"
    write_reports(src, 12)
    poison = src / "report_0005.txt"
    poison.rename(src / "report_0005_POISON.txt")
    plugin = type("CrashOnPlugin", (CrashOn, WorkerPlugin), {})("POISON")
    with Client(fresh_cluster.scheduler_address, timeout=30) as client:
        client.register_plugin(plugin, name=CrashOn.name)
    scale = ScaleOptions(
        scheduler=fresh_cluster.scheduler_address, partition_size=4, run_dir=tmp_path / "run"
    )
    items = list(scaled([str(src)], ExtractOptions(nlp=False), scale))
    errors = [i for i in items if not isinstance(i, DocumentResult)]
    assert [(e.source, "worker died" in e.reason) for e in errors] == [
        (str(src / "report_0005_POISON.txt"), True)
    ]
    assert sum(isinstance(i, DocumentResult) for i in items) == 11


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_scheduler_is_a_clear_error_within_10_s(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fighters attacked a checkpoint on Monday.\n", encoding="utf-8")
    address = f"tcp://127.0.0.1:{_free_port()}"
    t0 = time.monotonic()
    run = subprocess.run(
        [*CLI, "ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "--scheduler", address],
        capture_output=True,
        text=True,
        timeout=60,
    )
    took = time.monotonic() - t0
    assert run.returncode == 2, run.stderr
    assert took < 10, f"took {took:.1f} s"
    assert f"cannot reach the Dask scheduler at {address}" in run.stderr
    assert "Traceback" not in run.stderr


def test_bad_scheduler_address_is_a_usage_error(tmp_path: Path) -> None:
    run = subprocess.run(
        [*CLI, "extract", str(tmp_path), "--scheduler", "tcp://nohost"], capture_output=True, text=True
    )
    assert run.returncode == 2 and "tcp://HOST:PORT" in run.stderr


def test_models_load_once_per_worker(cluster, tmp_path: Path) -> None:
    from distributed import Client

    src = tmp_path / "in"
    write_reports(src, 12)
    options = ExtractOptions(read=ReadOptions())
    scale = ScaleOptions(scheduler=cluster.scheduler_address, partition_size=2, run_dir=tmp_path / "run")
    assert len(list(scaled([str(src)], options, scale))) == 12  # six tasks over two workers

    def loads() -> tuple[int, bool]:
        from ceasefire.nlp.runner import load_model
        from ceasefire.scale.worker import WARMED

        return load_model.cache_info().misses, "" in WARMED

    with Client(cluster.scheduler_address, timeout=30) as client:
        per_worker = client.run(loads)
    assert len(per_worker) == 2
    assert all(v == (1, True) for v in per_worker.values()), per_worker
