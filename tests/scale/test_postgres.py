"""A PostgreSQL store under Dask: `ingest --workers 2` into a real PostgreSQL server stores the
same records as a single-process ingest, and a rerun stores nothing twice."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.store_pg import drop_pg_schema, fresh_pg_schema, pg_server_for_tests

from .support import write_reports

EXAMPLES = Path(__file__).resolve().parents[2] / "ceasefire" / "examples"
CLI = [sys.executable, "-m", "ceasefire.cli"]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg_server_for_tests() as server:
        if server.url is None:
            pytest.skip(server.why)
        yield server.url


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=900, cwd=cwd)


def _stored(url: str, cwd: Path) -> tuple[list[str], dict[str, int]]:
    """Every stored event as exported (JSON Lines, its sequence id left out, sorted) and the counts."""
    from ceasefire.store import open_store

    out = _cli("export", "--db", url, "--format", "jsonl", "-o", "-", cwd=cwd)
    assert out.returncode == 0, out.stderr
    events = []
    for line in out.stdout.splitlines():
        obj = json.loads(line)
        obj.pop("id")
        events.append(json.dumps(obj, sort_keys=True, ensure_ascii=False))
    with open_store(url) as store:
        counts = dict(vars(store.stats()))
    return sorted(events), counts


@pytest.mark.slow
def test_dask_ingest_into_postgresql_stores_what_one_process_stores(pg_url: str, tmp_path: Path) -> None:
    src = tmp_path / "reports"
    write_reports(src, 30)
    inputs = [str(EXAMPLES), str(src)]
    single_url, single_name = fresh_pg_schema(pg_url)
    spread_url, spread_name = fresh_pg_schema(pg_url)
    try:
        one = _cli("ingest", *inputs, "--db", single_url, "-q", cwd=tmp_path)
        assert one.returncode == 0, one.stderr
        two = _cli(
            "ingest", *inputs, "--db", spread_url, "--workers", "2", "--partition-size", "4", cwd=tmp_path
        )
        assert two.returncode == 0, two.stderr
        assert "Dask: 2 workers" in two.stderr

        expected_events, expected_counts = _stored(single_url, tmp_path)
        assert expected_counts["documents"] == 37 and len(expected_events) > 30
        got_events, got_counts = _stored(spread_url, tmp_path)
        assert got_counts == expected_counts
        assert got_events == expected_events
        # the partitions went under the working folder's ceasefire-runs/ (no SQLite file to sit beside)
        assert list(tmp_path.glob("ceasefire-runs/*/parts/part-*.parquet"))

        again = _cli(
            "ingest", *inputs, "--db", spread_url, "--workers", "2", "--partition-size", "4", cwd=tmp_path
        )
        assert again.returncode == 0, again.stderr
        assert "37 already stored" in again.stderr
        assert _stored(spread_url, tmp_path) == (expected_events, expected_counts)
    finally:
        drop_pg_schema(pg_url, single_name)
        drop_pg_schema(pg_url, spread_name)
