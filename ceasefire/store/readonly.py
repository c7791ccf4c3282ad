"""Opening an SQLite store read-only: for the read commands and `ceasefire serve`.

A read must not need write access: a database shared read-only, in a
read-only folder or on read-only media is still readable. SQLite opens a
WAL-mode database read-only only when it can use (or create) the ``-shm``
file beside it; in a folder we cannot write to, that fails ("attempt to
write a readonly database"), and the database is then opened as immutable
(nobody who shares our view of that folder can be writing to it). Opening
never creates a file, and never migrates: a database of an older schema is
:class:`SchemaBehind` (the caller may upgrade it with write access first).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .errors import StoreError
from .migrate import check_not_newer, migrations


class SchemaBehind(StoreError):
    """A ceasefire database whose schema is older than this ceasefire's (it needs migrating)."""


def connect_read_only(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A read-only connection to an existing SQLite file; StoreError (one line) if it cannot be read."""
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"{p}: no such database file")
    uri = p.resolve().as_uri()
    try:
        con = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            con.close()
            if os.access(p.parent, os.W_OK):
                raise
            con = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{p}: not a ceasefire database ({exc})") from exc
    return con


def check_store(con: sqlite3.Connection, where: str) -> int:
    """The schema version of a ceasefire store; StoreError if it is none, SchemaBehind if it is old."""
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "schema_version" not in tables:
            listed = f" (tables: {', '.join(sorted(tables)[:5])})" if tables else " (it is empty)"
            raise StoreError(f"{where}: an SQLite database, but not a ceasefire store{listed}")
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{where}: not a ceasefire database ({exc})") from exc
    version = int(row[0]) if row and row[0] is not None else 0
    known = migrations("sqlite")
    check_not_newer(where, version, known)
    if version < len(known):
        raise SchemaBehind(
            f"{where}: written by an older ceasefire (schema {version}, this one reads {len(known)}); "
            "open it once with write access (e.g. `ceasefire ingest`) to upgrade it"
        )
    return version
