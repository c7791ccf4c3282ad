"""Index files of other versions in a shared cache: the newest few stay, so two installs of
different versions do not delete each other's index (and rebuild theirs) at every start."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from ceasefire import indexes


def test_building_one_version_keeps_the_newest_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CEASEFIRE_CACHE", str(tmp_path))
    for i in range(6):  # six older versions, oldest first
        p = tmp_path / f"demo-old{i}.sqlite"
        p.write_bytes(b"")
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
    (tmp_path / "other-x.sqlite").write_bytes(b"")  # another index's file: never touched

    def build(con: sqlite3.Connection) -> None:
        con.execute("CREATE TABLE t (k TEXT)")

    path = indexes.ensure("demo", "new", build)
    left = sorted(p.name for p in tmp_path.glob("*.sqlite"))
    kept_old = [f"demo-old{i}.sqlite" for i in range(6 - (indexes.KEEP_VERSIONS - 1), 6)]
    assert left == sorted(["demo-new.sqlite", "other-x.sqlite", *kept_old])
    assert indexes.Reader(path).all("SELECT count(*) FROM t") == [(0,)]
    assert indexes.ensure("demo", "new", build) == path  # found, not rebuilt
