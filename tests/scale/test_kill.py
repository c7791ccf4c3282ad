"""kill -9 of the driver of a distributed ingest, then a rerun: the same store as a clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from .support import write_reports

N_DOCS = 400
TABLES = ("documents", "articles", "events", "quotes", "places", "actor_mentions", "actors")


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        out["duplicate articles"] = con.execute(
            "SELECT count(*) FROM (SELECT doc_id, idx FROM articles GROUP BY doc_id, idx HAVING count(*) > 1)"
        ).fetchone()[0]
        out["documents without articles"] = con.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.doc_id = d.doc_id)"
        ).fetchone()[0]
        out["events per article"] = hash(
            tuple(con.execute("SELECT article_id, count(*) FROM events GROUP BY article_id ORDER BY 1"))
        )
        return out
    finally:
        con.close()


def _integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=0.1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_of_the_driver_then_rerun(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_reports(src, N_DOCS)
    cmd = [
        sys.executable,
        "-m",
        "ceasefire.cli",
        "ingest",
        str(src),
        "--workers",
        "2",
        "--partition-size",
        "20",
    ]

    clean_db = tmp_path / "clean.db"
    clean = subprocess.run([*cmd, "--db", str(clean_db)], capture_output=True, text=True, timeout=900)
    assert clean.returncode == 0, clean.stderr
    expected = _counts(clean_db)
    assert expected["documents"] == N_DOCS and expected["events"] > 0

    db = tmp_path / "k.db"
    proc = subprocess.Popen([*cmd, "--db", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and _stored(db) < 60:
        time.sleep(0.05)
    family = psutil.Process(proc.pid).children(recursive=True)  # nannies and workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _stored(db)
    assert 0 < stored < N_DOCS, f"the kill did not land mid-run ({stored} documents stored)"
    assert _integrity(db) == "ok"
    parts = list(db.parent.glob("k.db.runs/*/parts/part-*.parquet"))
    assert parts, "no partition was written before the kill"

    # The worker processes of the killed driver go away by themselves.
    gone, alive = psutil.wait_procs(family, timeout=90)
    assert not alive, f"worker processes left behind: {alive}"

    rerun = subprocess.run([*cmd, "--db", str(db)], capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored} already stored" in rerun.stderr
    assert _counts(db) == expected
    assert _integrity(db) == "ok"

    again = subprocess.run([*cmd, "--db", str(db)], capture_output=True, text=True, timeout=900)
    assert again.returncode == 0 and f"{N_DOCS} already stored" in again.stderr
    assert _counts(db) == expected
