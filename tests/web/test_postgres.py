"""The web UI over a PostgreSQL store answers as it does over SQLite.

The same synthetic records go into a fresh PostgreSQL schema and into the
SQLite store of the other tests; the JSON twins of both apps are compared
(ties in rankings compared as sets, since the two databases order equal
names by different collations). Skipped, saying why, when no PostgreSQL
server can be started ($CEASEFIRE_TEST_PG_URL, or scripts/start-postgres.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import HOSTILE_ACTOR, SyntheticStore, fill_store


@pytest.fixture(scope="module")
def pg_client(synthetic: SyntheticStore) -> Iterator[Any]:
    pytest.importorskip(
        "psycopg", reason="the psycopg driver is not installed (pip install 'psycopg[binary]')"
    )
    try:
        from tests.store.store_pg import drop_pg_schema, fresh_pg_schema, pg_server_for_tests
    except ImportError as e:
        pytest.skip(f"the store tests' PostgreSQL helper is unavailable: {e}")
    from fastapi.testclient import TestClient

    from ceasefire.web import create_app

    with pg_server_for_tests() as server:
        if server.url is None:
            pytest.skip(f"no PostgreSQL server: {server.why}")
        url, schema = fresh_pg_schema(server.url)
        try:
            fill_store(url, synthetic.path)
            with TestClient(create_app(url)) as c:
                yield c
        finally:
            drop_pg_schema(server.url, schema)


def _norm(path: str, j: dict[str, Any]) -> Any:
    """The answer with ties made order-free and floats rounded."""
    if path.startswith("/overview.json"):
        return {
            "counts": j["counts"],
            "totals": j["totals"],
            "undated": j["undated"],
            "timeline": sorted((d["day"], d["type"], d["count"]) for d in j["timeline"]),
            "top_actor_counts": [a["count"] for a in j["top_actors"]],
            "top_place_counts": [p["count"] for p in j["top_places"]],
            "events": [e["id"] for e in j["events"]],
            "facets": j["facets"],
        }
    if path.startswith("/map.json"):
        return sorted(
            (f["properties"]["id"], round(f["geometry"]["coordinates"][0], 6)) for f in j["features"]
        )
    if path.startswith("/events.json"):
        return j["total"], [e["id"] for e in j["events"]]
    if path.startswith("/articles.json"):
        return sorted(a["article_id"] for a in j["articles"])
    if path.startswith("/actors.json"):
        return sorted((a["id"], a["mentions"], a["events"]) for a in j["actors"])
    if path.startswith("/actors/"):
        return {
            **j,
            "aliases": sorted((a["mention"], a["count"]) for a in j["aliases"]),
            "quotes": sorted(q["id"] for q in j["quotes"]),
        }
    return j


PATHS = [
    "/overview.json",
    "/overview.json?type=ASSAULT",
    "/overview.json?place=SYR&since=2016-06",
    "/overview.json?actor=ISIS",
    "/overview.json?claimant=SOHR&outlet=Example%20Wire",
    "/overview.json?q=Daesh",
    "/overview.json?q=%22heavy%20damage%22%20-xyz",
    "/map.json?type=ACCUSE",
    "/events.json?actor=NUSRA&limit=500",
    "/events/1.json",
    "/events/77.json",
    "/actors.json",
    "/actors/ISIS.json",
    "/actors/SOHR.json",
    "/articles.json?q=Daesh&limit=500",
    "/articles.json?limit=500",
]


@pytest.mark.parametrize("path", PATHS)
def test_postgres_answers_like_sqlite(client: Any, pg_client: Any, path: str) -> None:
    a, b = client.get(path), pg_client.get(path)
    assert a.status_code == b.status_code == 200, (a.text[:300], b.text[:300])
    assert _norm(path, b.json()) == _norm(path, a.json())


def test_postgres_renders_the_pages(pg_client: Any, synthetic: SyntheticStore) -> None:
    for path in (
        "/",
        "/?type=ASSAULT",
        "/events/1",
        f"/articles/{synthetic.hostile.article_id}",
        "/actors/ISIS",
        "/articles?q=Daesh",
    ):
        r = pg_client.get(path)
        assert r.status_code == 200, path
        assert "<script>alert" not in r.text
    assert HOSTILE_ACTOR.name not in pg_client.get("/actors").text  # escaped, not raw


def test_postgres_reader_is_read_only(pg_client: Any) -> None:
    import psycopg

    reader = pg_client.app.state.site.reader
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        reader.connection().execute("DELETE FROM events")
