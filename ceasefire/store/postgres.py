"""PostgreSQL backend (psycopg 3): same schema as SQLite, tsvector + GIN search."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .base import Store, StoreError, _now
from .migrate import SCHEMA_VERSION_DDL, Migration, check_not_newer, migrations

if TYPE_CHECKING:  # pragma: no cover
    import psycopg

# Key of the advisory lock that serialises migrations of concurrent openers
# (any fixed 64-bit number; this one spells "cfmig" in ASCII).
MIGRATION_LOCK_KEY = 0x6366_6D69_67
# ts_headline options: matched terms in [brackets], one fragment of about a sentence
# (same length as the SQLite snippet of SNIPPET_TOKENS tokens).
HEADLINE_OPTIONS = 'StartSel="[", StopSel="]", MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "'


class PostgresStore(Store):
    dialect = "postgresql"
    _find_fn = "strpos"

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError as e:
            raise StoreError("PostgreSQL needs the psycopg driver: pip install 'psycopg[binary]'") from e
        self._psycopg = psycopg
        self.url = url
        try:
            self._conn: psycopg.Connection[Any] = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL: {e}") from e
        self._lock = threading.RLock()
        self._in_tx = False
        try:
            self._migrate()
        except psycopg.Error as e:
            self._conn.close()
            raise StoreError(f"PostgreSQL database is not usable for ceasefire: {e}") from e

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
            if self._in_tx:
                yield
                return
            self._in_tx = True
            try:
                with self._conn.transaction():
                    yield
            finally:
                self._in_tx = False

    @staticmethod
    def _sql(sql: str) -> str:
        # The portable SQL of base.py uses '?' placeholders and no literal '%' or '?'.
        return sql.replace("?", "%s")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            return self._conn.execute(self._sql(sql), tuple(params))  # type: ignore[arg-type]

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._lock, self._conn.cursor() as cur:
            cur.executemany(self._sql(sql), rows)  # type: ignore[arg-type]

    def _db_errors(self) -> tuple[type[Exception], ...]:
        return (self._psycopg.Error,)

    def _search(self, query: str, limit: int) -> list[tuple[Any, ...]]:
        # Rank and cut first, then build headlines for the few rows shown (ts_headline is slow).
        return self._all(
            f"SELECT article_id, doc_id, source, idx, role, title, published, publisher, url, "
            f"ts_headline('english', text, q, '{HEADLINE_OPTIONS}'), score FROM ("
            f"SELECT {self._HIT_SELECT}, a.text, a.id, q, ts_rank_cd(a.tsv, q) AS score "
            "FROM articles a JOIN documents d ON d.doc_id = a.doc_id, websearch_to_tsquery('english', ?) q "
            "WHERE a.tsv @@ q ORDER BY score DESC, a.id LIMIT ?) hits ORDER BY score DESC, id",
            (query, limit))

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def schema_version(self) -> int:
        row = self._one("SELECT max(version) FROM schema_version")
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self) -> None:
        with self._transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))
            self._execute(SCHEMA_VERSION_DDL)
        check_not_newer("PostgreSQL database", self.schema_version(), migrations("postgresql"))
        self.apply_migrations(migrations("postgresql"))

    def apply_migrations(self, migs: Sequence[Migration]) -> None:
        """Apply those of ``migs`` newer than the schema, each in its own transaction."""
        for mig in migs:
            if self.schema_version() >= mig.version:
                continue
            with self._transaction():
                self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))
                if self.schema_version() >= mig.version:
                    continue
                with self._lock:
                    self._conn.execute(mig.sql.encode())  # whole file, no parameters
                self._execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                              (mig.version, mig.name, _now()))
