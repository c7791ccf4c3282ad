"""SQLite backend: one file, WAL journal, foreign keys on, FTS5 search."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import Store, StoreError
from .budget import sqlite_budget
from .fts import to_fts5
from .migrate import Migration, split_sqlite_script
from .readonly import check_store, connect_read_only

# Seconds a writer waits for another process's write lock before failing;
# generous because an ingest transaction of a large page takes well under a second.
BUSY_TIMEOUT_S = 30.0
# Weights of the FTS columns (title, text) in bm25: a term in the title counts as
# much as ten in the body, so a headline match ranks first (checked by test_search_ranks_title_first).
BM25_WEIGHTS = (10.0, 1.0)
# Tokens of context in a search snippet: about one sentence, as a search result line.
SNIPPET_TOKENS = 24


class SQLiteStore(Store):
    dialect = "sqlite"
    _find_fn = "instr"

    def __init__(self, path: str | Path, *, read_only: bool = False):
        super().__init__()
        self.path = str(path)
        self.read_only = read_only
        if read_only:
            # Reads only: no journal-mode change, no migration, no file created (see readonly.py).
            self._conn = connect_read_only(self.path)
            self._conn.isolation_level = None
            try:
                check_store(self._conn, self.path)
            except StoreError:
                self._conn.close()
                raise
            return
        if self.path != ":memory:":
            parent = Path(self.path).parent
            if not parent.is_dir():
                raise StoreError(f"{self.path}: folder {parent} does not exist")
        try:
            # isolation_level=None: no implicit transactions; the store issues BEGIN/COMMIT itself.
            self._conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open SQLite database: {e}") from e
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            # NORMAL is durable against a killed process (committed pages are in the WAL);
            # only an OS crash or power cut can lose the last transactions.
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._refuse_foreign_database()
            self._migrate(self.path)
        except StoreError:
            self._conn.close()
            raise
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StoreError(f"{self.path}: not a usable ceasefire database: {e}") from e

    # -- backend hooks -------------------------------------------------------------

    @contextmanager
    def _begin(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock now, so check-then-insert cannot race another writer
        # (and two processes cannot apply the same migration).
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.execute(sql, tuple(params))

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._lock:
            self._conn.executemany(sql, rows)

    def _db_errors(self) -> tuple[type[Exception], ...]:
        return (sqlite3.Error,)

    def _search(self, query: str, limit: int) -> list[tuple[Any, ...]]:
        match = to_fts5(query)
        if match is None:
            return []
        w_title, w_text = BM25_WEIGHTS
        # FTS5's own bm25() ranks in the one query; the best ``limit`` rowids are chosen
        # first so that snippets are made for those rows only, not for every match.
        with self._lock, sqlite_budget(self._conn):
            return list(
                self._conn.execute(
                    f"WITH best AS (SELECT rowid, -bm25(articles_fts, {w_title}, {w_text}) AS score "
                    "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score DESC, rowid LIMIT ?) "
                    f"SELECT {self._HIT_SELECT}, snippet(articles_fts, -1, '[', ']', '…', {SNIPPET_TOKENS}), "
                    "best.score FROM best JOIN articles_fts ON articles_fts.rowid = best.rowid "
                    "JOIN articles a ON a.id = best.rowid JOIN documents d ON d.doc_id = a.doc_id "
                    "WHERE articles_fts MATCH ? ORDER BY best.score DESC, a.id",
                    (match, limit, match),
                ).fetchall()
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- migrations ----------------------------------------------------------------

    def _refuse_foreign_database(self) -> None:
        tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "schema_version" not in tables:
            # Someone else's database: do not create our tables in it.
            raise StoreError(
                f"{self.path}: an SQLite database, but not a ceasefire store "
                f"(tables: {', '.join(sorted(tables)[:5])})"
            )

    def _lock_migrations(self) -> None:
        pass  # the BEGIN IMMEDIATE of every transaction already holds the database's write lock

    def _apply_migration(self, mig: Migration) -> None:
        # Statement by statement: executescript would commit the open transaction first.
        for stmt in split_sqlite_script(mig.sql):
            self._conn.execute(stmt)
