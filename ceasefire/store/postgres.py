"""PostgreSQL backend (psycopg 3): same schema as SQLite, tsvector + GIN search."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from .base import Store, StoreError
from .budget import postgres_budget
from .migrate import Migration

if TYPE_CHECKING:  # pragma: no cover
    import psycopg

# Key of the advisory lock that serialises migrations of concurrent openers
# (any fixed 64-bit number; this one spells "cfmig" in ASCII).
MIGRATION_LOCK_KEY = 0x6366_6D69_67
# ts_headline options: matched terms in [brackets], one fragment of about a sentence
# (same length as the SQLite snippet of SNIPPET_TOKENS tokens).
HEADLINE_OPTIONS = (
    'StartSel="[", StopSel="]", MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "'
)
# libpq's defaults for what a connection string leaves out (its environment variables first).
DEFAULT_HOST, DEFAULT_PORT = "localhost", "5432"

# A password in a URL (scheme://user:PASSWORD@host) or in a parameter (password=...).
_URL_PASSWORD = re.compile(r"(://[^:/@?#]*:)[^@/?#]*@")
_PARAM_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)", re.IGNORECASE)


def redact(text: str, password: str | None = None) -> str:
    """``text`` (a connection URL or an error message about it) with any password shown as ***."""
    if password:
        text = text.replace(password, "***")
    return _PARAM_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1***@", text))


def server_label(url: str) -> tuple[str, str | None]:
    """``HOST:PORT/DB`` of a connection URL or key=value string, filling in libpq's defaults,
    and the password it carries (to be kept out of messages). An unreadable URL is shown redacted."""
    from psycopg import Error
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None and v != ""}
    except Error:  # unreadable: psycopg.connect reports why
        return redact(url), None
    env = os.environ.get
    host = params.get("host") or params.get("hostaddr") or env("PGHOST") or DEFAULT_HOST
    port = params.get("port") or env("PGPORT") or DEFAULT_PORT
    db = params.get("dbname") or env("PGDATABASE") or params.get("user") or env("PGUSER") or ""
    password = params.get("password") or env("PGPASSWORD")
    return redact(f"{host}:{port}/{db}", password), password


def _first_line(error: Exception) -> str:
    lines = [ln.strip() for ln in str(error).splitlines() if ln.strip()]
    return lines[0] if lines else type(error).__name__


class PostgresStore(Store):
    dialect = "postgresql"
    _find_fn = "strpos"

    def __init__(self, url: str, *, read_only: bool = False):
        super().__init__()
        try:
            import psycopg
        except ImportError as e:
            raise StoreError("PostgreSQL needs the psycopg driver: pip install 'psycopg[binary]'") from e
        self._psycopg = psycopg
        self.url = url
        self.server, password = server_label(url)
        try:
            self._conn: psycopg.Connection[Any] = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.server}: {redact(_first_line(e), password)}"
            ) from e
        try:
            if read_only:
                self._conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                self._check_current(f"PostgreSQL database at {self.server}")
            else:
                self._migrate(f"PostgreSQL database at {self.server}")
        except psycopg.Error as e:
            self._conn.close()
            raise StoreError(
                f"PostgreSQL database at {self.server} is not usable for ceasefire: "
                f"{redact(_first_line(e), password)}"
            ) from e
        except StoreError:
            self._conn.close()
            raise

    def _check_current(self, where: str) -> None:
        """Read-only: refuse a database that is not a ceasefire store, or of another schema version."""
        from .migrate import check_not_newer, migrations
        from .readonly import SchemaBehind

        found = self._one("SELECT to_regclass('schema_version') IS NOT NULL")
        if not found or not found[0]:
            raise StoreError(f"{where}: not a ceasefire store (no schema_version table)")
        version, known = self.schema_version(), migrations(self.dialect)
        check_not_newer(where, version, known)
        if version < len(known):
            raise SchemaBehind(
                f"{where}: written by an older ceasefire (schema {version}, this one reads {len(known)}); "
                "open it once with write access (e.g. `ceasefire ingest`) to upgrade it"
            )

    def _begin(self) -> AbstractContextManager[Any]:
        return self._conn.transaction()

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
        with self._lock, postgres_budget(self._conn):
            return list(
                self._conn.execute(
                    f"SELECT article_id, doc_id, source, idx, role, title, published, publisher, url, "
                    f"ts_headline('english', text, q, '{HEADLINE_OPTIONS}'), score FROM ("
                    f"SELECT {self._HIT_SELECT}, a.text, a.id, q, ts_rank_cd(a.tsv, q) AS score "
                    "FROM articles a JOIN documents d ON d.doc_id = a.doc_id, "
                    "websearch_to_tsquery('english', %s) q "
                    "WHERE a.tsv @@ q ORDER BY score DESC, a.id LIMIT %s) hits ORDER BY score DESC, id",
                    (query, limit),
                ).fetchall()
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- migrations ----------------------------------------------------------------

    def _lock_migrations(self) -> None:
        # Held to the end of the transaction: concurrent openers migrate one after the other.
        self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))

    def _apply_migration(self, mig: Migration) -> None:
        with self._lock:
            self._conn.execute(mig.sql.encode())  # whole file as bytes: no placeholders, '?' and '%' literal
