"""scripts/start-postgres.sh: a throwaway server that starts, serves a store, and goes away."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from ceasefire.store import open_store

from .store_pg import START_PG
from .store_records import document, full_record


def test_start_use_stop() -> None:
    pytest.importorskip("psycopg", reason="the psycopg driver is not installed")
    if not any(Path("/usr/lib/postgresql").glob("*/bin/initdb")) and shutil.which("pg_config") is None:
        pytest.skip("PostgreSQL server binaries are not installed (scripts/start-postgres.sh installs them)")
    env = {**os.environ, "CEASEFIRE_PG_INSTALL": "0"}
    proc = subprocess.run(["bash", str(START_PG)], capture_output=True, text=True, env=env, timeout=180)
    assert proc.returncode == 0, proc.stderr
    exports = dict(
        shlex.split(line[len("export ") :])[0].split("=", 1)
        for line in proc.stdout.splitlines()
        if line.startswith("export ")
    )
    assert set(exports) == {"CEASEFIRE_TEST_PG_URL", "CEASEFIRE_PG_DIR", "CEASEFIRE_PG_STOP"}
    url, folder = exports["CEASEFIRE_TEST_PG_URL"], Path(exports["CEASEFIRE_PG_DIR"])
    assert url.startswith("postgresql://postgres@127.0.0.1:") and url.endswith("/ceasefire")
    try:
        doc = document(1)
        with open_store(url) as s:
            assert s.save_document(doc, [full_record(doc)])
        with open_store(url) as s:
            assert s.get_article(f"{doc.doc_id}:0") == full_record(doc)
    finally:
        stop = subprocess.run(
            shlex.split(exports["CEASEFIRE_PG_STOP"]), capture_output=True, text=True, timeout=120
        )
    assert stop.returncode == 0, stop.stderr
    assert not folder.exists()
    import psycopg

    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=3)


def test_server_goes_away_with_the_watched_process() -> None:
    # A test run killed before its teardown must not leave a server behind.
    pytest.importorskip("psycopg", reason="the psycopg driver is not installed")
    if not any(Path("/usr/lib/postgresql").glob("*/bin/initdb")) and shutil.which("pg_config") is None:
        pytest.skip("PostgreSQL server binaries are not installed (scripts/start-postgres.sh installs them)")
    import time

    import psycopg

    watched = subprocess.Popen(["sleep", "300"])
    env = {**os.environ, "CEASEFIRE_PG_INSTALL": "0", "CEASEFIRE_PG_WATCH_PID": str(watched.pid)}
    try:
        proc = subprocess.run(["bash", str(START_PG)], capture_output=True, text=True, env=env, timeout=180)
        assert proc.returncode == 0, proc.stderr
        exports = dict(
            shlex.split(line[len("export ") :])[0].split("=", 1)
            for line in proc.stdout.splitlines()
            if line.startswith("export ")
        )
        url, folder = exports["CEASEFIRE_TEST_PG_URL"], Path(exports["CEASEFIRE_PG_DIR"])
        psycopg.connect(url, connect_timeout=10).close()  # up while the watched process lives
    finally:
        watched.kill()
        watched.wait()
    deadline = time.monotonic() + 90
    while folder.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not folder.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=3)
