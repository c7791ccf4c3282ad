"""Store fixtures: every store test runs against SQLite and against PostgreSQL.

PostgreSQL comes from $CEASEFIRE_TEST_PG_URL, else from a throwaway server
started once per session by scripts/start-postgres.sh (never installing
packages from a test run); each test gets its own fresh schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ceasefire.store import Store, open_store

from .store_pg import PgServer, drop_pg_schema, fresh_pg_schema, pg_server_for_tests


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    with pg_server_for_tests() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store, once per backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    if server.url is None:
        pytest.skip(
            f"no PostgreSQL server could be started ({server.why}); set CEASEFIRE_TEST_PG_URL, "
            'e.g. eval "$(scripts/start-postgres.sh)", which also installs PostgreSQL'
        )
    url, name = fresh_pg_schema(server.url)
    try:
        yield url
    finally:
        drop_pg_schema(server.url, name)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s
