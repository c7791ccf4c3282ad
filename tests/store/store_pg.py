"""A PostgreSQL server for the store tests: $CEASEFIRE_TEST_PG_URL or a throwaway one."""

from __future__ import annotations

import os
import shlex
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[2]
START_PG = REPO / "scripts" / "start-postgres.sh"


@dataclass
class PgServer:
    url: str | None  # None: no server; ``why`` says why
    why: str = ""


@contextmanager
def pg_server_for_tests() -> Iterator[PgServer]:
    """$CEASEFIRE_TEST_PG_URL, else a server started by scripts/start-postgres.sh and stopped after.

    Never installs packages (CEASEFIRE_PG_INSTALL=0 unless set): a test run
    that finds no PostgreSQL reports why instead.
    """
    url = os.environ.get("CEASEFIRE_TEST_PG_URL")
    if url:
        yield PgServer(url)
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        yield PgServer(None, "the psycopg driver is not installed (pip install 'psycopg[binary]')")
        return
    env = {
        **os.environ,
        "CEASEFIRE_PG_INSTALL": os.environ.get("CEASEFIRE_PG_INSTALL", "0"),
        "CEASEFIRE_PG_WATCH_PID": str(os.getpid()),
    }  # stopped even if this run is killed
    proc = subprocess.run(["bash", str(START_PG)], capture_output=True, text=True, env=env, timeout=180)
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1:] or ["no message"]
        yield PgServer(None, f"scripts/start-postgres.sh failed: {last[0]}")
        return
    exports = dict(
        shlex.split(line[len("export ") :])[0].split("=", 1)
        for line in proc.stdout.splitlines()
        if line.startswith("export ")
    )
    try:
        yield PgServer(exports["CEASEFIRE_TEST_PG_URL"])
    finally:
        subprocess.run(
            ["bash", str(START_PG), "stop", exports["CEASEFIRE_PG_DIR"]], capture_output=True, timeout=120
        )


def fresh_pg_schema(server_url: str) -> tuple[str, str]:
    """A new empty schema and a URL whose connections use it (cheaper than a database per test)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    name = "cf_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    params = {k: v for k, v in conninfo_to_dict(server_url).items() if v is not None}
    params["options"] = f"-csearch_path={name}"
    return "postgresql://?" + urlencode(params), name


def drop_pg_schema(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
