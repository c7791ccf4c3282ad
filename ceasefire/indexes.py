"""Compact lookup indexes built once at set-up and opened read-only at start.

Large reference data (GeoNames' 235,000 places with their alternate names,
the city names the actor finder checks) used to be parsed from JSON, or
unpickled, by every process that needed it: seconds and hundreds of
megabytes before the first result. Each index is now an SQLite file, built
once (``scripts/bootstrap`` runs ``python -m ceasefire.indexes``) and then
opened read-only and memory-mapped: opening costs a few milliseconds, a
lookup is one B-tree search, and the pages are shared by every process of
the machine through the page cache (the workers of a Dask run, the web
server). SQLite is in the standard library, portable, and readable with
any SQLite tool; it was preferred over ``marisa-trie`` because the values
are rows of several typed fields, not just keys.

An index file is named after a hash of the code and data it was built
from, under ``$CEASEFIRE_CACHE`` (default ``~/.cache/ceasefire``), so a
change of either builds a new one; a process that finds none builds it
then (once, with a log line saying so). A few older versions are kept (see
:func:`remove_old_versions`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)

MMAP_BYTES = 1 << 30  # map the whole file (the gazetteer's is about 60 MB)
KEEP_VERSIONS = 4  # index files of one name kept in the cache (versions of the code or data)


def cache_dir() -> Path:
    if os.environ.get("CEASEFIRE_CACHE"):
        return Path(os.environ["CEASEFIRE_CACHE"])
    try:
        return Path.home() / ".cache" / "ceasefire"
    except RuntimeError:  # no home directory
        return Path(tempfile.gettempdir()) / "ceasefire-cache"


def digest(paths: Iterable[Path], *extra: str) -> str:
    """A short hash of files' bytes (and of ``extra`` strings)."""
    h = hashlib.sha1()
    for e in extra:
        h.update(e.encode())
    for path in sorted(paths):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


_build_lock = threading.Lock()


def ensure(name: str, key: str, build: Callable[[sqlite3.Connection], None]) -> Path:
    """The path of index ``name``-``key``.sqlite, built by ``build(connection)`` if absent.

    The build writes a temporary file that is renamed into place when complete, so
    concurrent processes never see half an index; versions beyond the newest few are removed.
    """
    folder = cache_dir()
    path = folder / f"{name}-{key}.sqlite"
    if path.exists():
        return path
    with _build_lock:
        if path.exists():
            return path
        folder.mkdir(parents=True, exist_ok=True)
        log.warning("building the %s index once (%s); later starts open it directly", name, path)
        tmp = folder / f".{name}-{key}.{os.getpid()}.tmp"
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            build(con)
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        os.replace(tmp, path)
        remove_old_versions(folder, name, keep=path)
    return path


def remove_old_versions(folder: Path, name: str, keep: Path) -> None:
    """Remove index ``name`` files beyond the :data:`KEEP_VERSIONS` newest (``keep`` stays).

    Not every other version: two installs of different versions sharing a cache (a
    checkout and a release, two checkouts) would each delete the other's index at
    start, and each start would rebuild it (a minute) instead of opening it."""

    def age(p: Path) -> float:
        try:
            return -p.stat().st_mtime
        except OSError:
            return 0.0

    others = sorted((p for p in folder.glob(f"{name}-*.sqlite") if p != keep), key=age)
    for stale in others[KEEP_VERSIONS - 1 :]:
        stale.unlink(missing_ok=True)


class Reader:
    """Read-only access to an index file: one connection per thread and process
    (an SQLite connection must not cross a fork or, unguarded, a thread)."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()

    def __getstate__(self) -> dict[str, object]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def connection(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None or self._local.pid != os.getpid():
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            con.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self._local.con, self._local.pid = con, os.getpid()
        return con

    def all(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
        return self.connection().execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple[object, ...] = ()) -> tuple | None:
        return self.connection().execute(sql, params).fetchone()


def main() -> int:
    """Build every index now (``scripts/bootstrap`` calls this)."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    from .actors.cities import city_index
    from .places.gazetteer import index_path

    for path in (index_path(), city_index().path):
        print(f"index ready: {path} ({path.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
