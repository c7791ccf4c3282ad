"""Migrations: applied in order at open, once, each in its own transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ceasefire.store import Store, StoreError, open_store
from ceasefire.store.migrate import (
    MIGRATIONS_DIR,
    Migration,
    load_migrations,
    migrations,
    split_sqlite_script,
)

from .store_pg import PgServer, drop_pg_schema, fresh_pg_schema

try:
    import psycopg

    DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, psycopg.Error)
except ImportError:  # the PostgreSQL tests skip then
    DB_ERRORS = (sqlite3.Error,)

TABLES = ["documents", "articles", "actors", "actor_mentions", "events", "quotes", "places", "errors"]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_both_backends_have_the_same_migrations(dialect: str) -> None:
    names = [(m.version, m.name) for m in migrations(dialect)]
    assert names == [(m.version, m.name) for m in migrations("sqlite")]
    assert names[0] == (1, "init")


def test_schema_at_latest_version_with_all_tables(store: Store) -> None:
    assert store.schema_version() == len(migrations(store.dialect))
    for table in TABLES:
        assert store._one(f"SELECT count(*) FROM {table}") == (0,)


def test_reopen_does_not_reapply(store_url: str) -> None:
    for _ in range(3):
        with open_store(store_url) as s:
            rows = s._all("SELECT version, name FROM schema_version ORDER BY version")
    assert [tuple(r) for r in rows] == [(m.version, m.name) for m in migrations("sqlite")]


def test_failing_migration_changes_nothing(store: Store) -> None:
    latest = store.schema_version()
    bad = Migration(
        latest + 1,
        "broken",
        "CREATE TABLE half_done (x INTEGER);\nCREATE TABLE oops (x INTEGER REFERENCES nowhere_table (y) "
        "DEFERRABLE INITIALLY IMMEDIATE, y NOT_A_TYPE_OR_KEYWORD ( );\n",
    )
    with pytest.raises(DB_ERRORS):
        store.apply_migrations([*migrations(store.dialect), bad])
    assert store.schema_version() == latest
    with pytest.raises(DB_ERRORS, match="half_done"):
        store._one("SELECT count(*) FROM half_done")


def test_new_migration_is_applied_once(store: Store) -> None:
    latest = store.schema_version()
    new = Migration(
        latest + 1, "add_notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n"
    )
    store.apply_migrations([*migrations(store.dialect), new])
    store.apply_migrations([*migrations(store.dialect), new])
    assert store.schema_version() == latest + 1
    assert store._one("SELECT count(*) FROM notes") == (0,)


@pytest.mark.parametrize(
    ("files", "error"),
    [
        (["0001_init.sql", "0003_next.sql"], "missing"),
        (["0001_init.sql", "0001_again.sql"], "missing or duplicated"),
        (["0001_init.sql", "2_bad_name.sql"], "NNNN_description"),
        ([], "no migrations"),
    ],
)
def test_broken_migrations_folder_fails_loudly(tmp_path: Path, files: list[str], error: str) -> None:
    for name in files:
        (tmp_path / name).write_text("CREATE TABLE t (x INTEGER);\n")
    with pytest.raises(ValueError, match=error):
        load_migrations(tmp_path)


def test_migration_files_are_package_data() -> None:
    # Subfolders are packages, so setuptools ships their *.sql with the wheel.
    for dialect in ("sqlite", "postgresql"):
        assert (MIGRATIONS_DIR / dialect / "__init__.py").is_file()


@pytest.mark.parametrize(
    ("script", "n"),
    [
        ("CREATE TABLE a (x INTEGER);\nCREATE TABLE b (y TEXT);\n", 2),
        ("-- comment\n\nCREATE TABLE a (x INTEGER); -- trailing\n", 1),
        (
            "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  INSERT INTO b VALUES (2);\nEND;\n",
            1,
        ),
        ("INSERT INTO a VALUES ('semi;colon');\n", 1),
    ],
)
def test_split_sqlite_script(script: str, n: int) -> None:
    assert len(split_sqlite_script(script)) == n


def test_split_sqlite_script_refuses_incomplete() -> None:
    with pytest.raises(ValueError, match="incomplete"):
        split_sqlite_script("CREATE TABLE a (x INTEGER)")


@pytest.mark.parametrize("url", ["mysql://localhost/db", "", "sqlite:///"])
def test_bad_urls(url: str) -> None:
    with pytest.raises(StoreError):
        open_store(url)


def test_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an SQLite file" * 100)
    with pytest.raises(StoreError, match="not a usable"):
        open_store(junk)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "store.db")


def test_sqlite_url_and_pragmas(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as s:
        assert s._one("PRAGMA journal_mode") == ("wal",)
        assert s._one("PRAGMA foreign_keys") == (1,)
    assert (tmp_path / "x.db").is_file()


def _columns(store: Store) -> dict[str, list[str]]:
    if store.dialect == "sqlite":
        return {t: [r[1] for r in store._all(f"PRAGMA table_info({t})")] for t in TABLES}
    return {
        t: [
            r[0]
            for r in store._all(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = ? ORDER BY ordinal_position",
                (t,),
            )
        ]
        for t in TABLES
    }


def test_backends_have_the_same_columns(tmp_path: Path, pg_server: PgServer) -> None:
    if pg_server.url is None:
        pytest.skip(f"no PostgreSQL server could be started ({pg_server.why})")
    url, name = fresh_pg_schema(pg_server.url)
    try:
        with open_store(tmp_path / "s.db") as lite, open_store(url) as pg:
            lite_cols, pg_cols = _columns(lite), _columns(pg)
    finally:
        drop_pg_schema(pg_server.url, name)
    pg_cols["articles"].remove("tsv")  # PostgreSQL's search column; SQLite keeps an FTS5 table instead
    assert lite_cols == pg_cols


def test_concurrent_first_opens_migrate_once(store_url: str) -> None:
    # Several processes opening a brand-new store at the same moment (e.g. parallel workers).
    import subprocess
    import sys

    code = (
        "import sys; from ceasefire.store import open_store; s = open_store(sys.argv[1]); "
        "print(s.schema_version()); s.close()"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, store_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    latest = len(migrations("sqlite"))
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert out.strip() == str(latest)
    with open_store(store_url) as s:
        assert s._all("SELECT version FROM schema_version ORDER BY version") == [
            (v,) for v in range(1, latest + 1)
        ]


def test_database_of_a_newer_ceasefire_is_refused(store_url: str) -> None:
    with open_store(store_url) as s:
        latest = s.schema_version()
        with s._transaction():
            s._execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, 'future', 'x')",
                (latest + 1,),
            )
    with pytest.raises(StoreError, match="newer than this ceasefire"):
        open_store(store_url)


def test_someone_elses_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(StoreError, match="not a ceasefire store"):
        open_store(path)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert tables == {"invoices"}


def test_apply_migrations_reports_what_it_applied(store: Store) -> None:
    latest = store.schema_version()
    new = Migration(
        latest + 1, "add_tags", "CREATE TABLE tags (id INTEGER PRIMARY KEY, tag TEXT NOT NULL);\n"
    )
    assert store.apply_migrations([*migrations(store.dialect), new]) == [latest + 1]
    assert store.apply_migrations([*migrations(store.dialect), new]) == []


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_backends_share_the_migration_loop_and_transactions(backend: str) -> None:
    # The loop, the version query and the transaction bookkeeping live once, in Store;
    # a backend supplies only its hooks (one migration's SQL, its lock, BEGIN/COMMIT).
    import importlib

    from ceasefire.store.base import Store as Base

    cls = {"sqlite": "SQLiteStore", "postgres": "PostgresStore"}[backend]
    backend_cls = getattr(importlib.import_module(f"ceasefire.store.{backend}"), cls)
    assert issubclass(backend_cls, Base)
    shared = {"apply_migrations", "schema_version", "_migrate", "_transaction"}
    assert shared & set(vars(backend_cls)) == set()
    assert {"_apply_migration", "_lock_migrations", "_begin"} <= set(vars(backend_cls))


def test_store_of_schema_1_is_upgraded_with_its_events(tmp_path: Path) -> None:
    # A store written before migration 0002 (events_date_id): opening it applies the rest, data kept.
    from ceasefire.store.migrate import SCHEMA_VERSION_DDL

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(SCHEMA_VERSION_DDL)
    for stmt in split_sqlite_script(migrations("sqlite")[0].sql):
        conn.execute(stmt)
    conn.execute("INSERT INTO schema_version VALUES (1, 'init', 'x')")
    conn.execute(
        "INSERT INTO documents (doc_id, source, media_type, meta, n_bytes, ingested_at) "
        "VALUES ('d', '/in/d.txt', 'text', '{}', 1, 'x')"
    )
    conn.execute(
        "INSERT INTO articles (article_id, doc_id, idx, role, text, authors, removed) "
        "VALUES ('d:0', 'd', 0, 'primary', 'text', '[]', '[]')"
    )
    conn.execute(
        "INSERT INTO events (article_id, ord, type, sentence, start_char, end_char, date_precision, "
        "status, confidence) VALUES ('d:0', 0, 'ASSAULT', 'Shelling.', 0, 9, 'none', 'asserted', 0.5)"
    )
    conn.close()
    with open_store(path) as s:
        assert s.schema_version() == len(migrations("sqlite")) >= 2
        assert [e.sentence for e in s.iter_events()] == ["Shelling."]
        indexes = {r[0] for r in s._all("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "events_date_id" in indexes and "events_date" not in indexes


def test_store_of_schema_3_gets_date_windows_from_its_dates(store_url: str) -> None:
    # A store written before migration 0004: its events get the window their stored date tells,
    # closed at publication for reported acts; a reported act dated after publication loses the date.
    from ceasefire.store.migrate import SCHEMA_VERSION_DDL

    pg = store_url.startswith("postgresql")
    if pg:
        import psycopg

        conn: Any = psycopg.connect(store_url, autocommit=True)
    else:
        conn = sqlite3.connect(store_url, isolation_level=None)
    mark = "%s" if pg else "?"
    conn.execute(SCHEMA_VERSION_DDL)
    for m in migrations("postgresql" if pg else "sqlite")[:3]:
        for stmt in [m.sql] if pg else split_sqlite_script(m.sql):
            conn.execute(stmt)
        conn.execute(f"INSERT INTO schema_version VALUES ({mark}, {mark}, 'x')", (m.version, m.name))
    conn.execute(
        "INSERT INTO documents (doc_id, source, media_type, meta, n_bytes, ingested_at) "
        "VALUES ('d', '/in/d.txt', 'text', '{}', 1, 'x')"
    )
    conn.execute(
        "INSERT INTO articles (article_id, doc_id, idx, role, text, authors, removed, published) "
        "VALUES ('d:0', 'd', 0, 'primary', 'text', '[]', '[]', '2016-02-10')"
    )
    rows = [
        ("2016-02", "month", "asserted"),  # -> 2016-02-01 .. 2016-02-10 (publication)
        ("2015", "year", "negated"),  # -> the whole year
        ("2039", "year", "asserted"),  # after publication: the date goes, no window
        ("2016-03-01", "day", "future"),  # an act to come keeps its day
        ("2016-01", "month", "hypothetical"),  # no window
        (None, "none", "asserted"),  # nothing to go on: no window until re-ingested
    ]
    for i, (date, precision, status) in enumerate(rows):
        conn.execute(
            "INSERT INTO events (article_id, ord, type, sentence, start_char, end_char, date, date_precision, "
            f"status, confidence) VALUES ('d:0', {mark}, 'ASSAULT', {mark}, 0, 9, {mark}, {mark}, {mark}, 0.5)",
            (i, f"event {i}", date, precision, status),
        )
    conn.close()
    with open_store(store_url) as s:
        assert s.schema_version() == len(migrations(s.dialect)) >= 4
        got = {e.sentence: (e.date, e.date_precision, e.date_start, e.date_end) for e in s.iter_events()}
        rec = s.get_article("d:0")
    assert got == {
        "event 0": ("2016-02", "month", "2016-02-01", "2016-02-10"),
        "event 1": ("2015", "year", "2015-01-01", "2015-12-31"),
        "event 2": (None, "none", None, None),
        "event 3": ("2016-03-01", "day", "2016-03-01", "2016-03-01"),
        "event 4": ("2016-01", "month", None, None),
        "event 5": (None, "none", None, None),
    }
    assert rec is not None and rec.article.language is None
