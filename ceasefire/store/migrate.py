"""Numbered SQL migrations.

Each backend has a folder ``migrations/<dialect>/`` of files named
``NNNN_description.sql``. They are applied in number order when a store is
opened, each in its own transaction together with its row in
``schema_version``; a database already at the latest version is left alone.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import StoreError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_([\w-]+)\.sql$")

SCHEMA_VERSION_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)"
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations(dialect: str) -> tuple[Migration, ...]:
    """The migrations of ``dialect`` ("sqlite" or "postgresql"), in order."""
    return load_migrations(MIGRATIONS_DIR / dialect)


def load_migrations(folder: Path) -> tuple[Migration, ...]:
    """The migrations in ``folder``, in order.

    Raises ValueError on a misnamed file or a duplicate or missing number, so a
    broken migrations folder fails loudly at open instead of skipping a step.
    """
    found: list[Migration] = []
    for path in sorted(folder.glob("*.sql")):
        m = _NAME.match(path.name)
        if not m:
            raise ValueError(f"{path}: migration files are named NNNN_description.sql")
        found.append(Migration(int(m.group(1)), m.group(2), path.read_text(encoding="utf-8")))
    if not found:
        raise ValueError(f"{folder}: no migrations")
    for expected, mig in enumerate(found, start=1):
        if mig.version != expected:
            raise ValueError(f"{folder}: migration {expected:04d} is missing or duplicated")
    return tuple(found)


def check_not_newer(where: str, version: int, known: tuple[Migration, ...]) -> None:
    """Refuse a database migrated by a newer ceasefire: this code would misread its schema."""
    if version > len(known):
        raise StoreError(
            f"{where}: schema version {version} is newer than this ceasefire knows "
            f"({len(known)}); upgrade ceasefire to use it"
        )


def split_sqlite_script(sql: str) -> list[str]:
    """Split an SQLite script into complete statements (CREATE TRIGGER bodies kept whole).

    Python's ``executescript`` commits any open transaction first, so the
    SQLite store runs a migration statement by statement inside its own
    BEGIN ... COMMIT instead.
    """
    statements: list[str] = []
    buf: list[str] = []
    for line in sql.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf.append(line)
        text = "".join(buf)
        if sqlite3.complete_statement(text):
            statements.append(text.strip())
            buf = []
    rest = "".join(buf).strip()
    if rest:
        raise ValueError(f"incomplete SQL statement at end of migration: {rest[:80]!r}")
    return statements
