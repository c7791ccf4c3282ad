"""Interrupting `ceasefire ingest` with SIGKILL and rerunning loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_DOCS = 1000


def _corpus(folder: Path) -> None:
    for i in range(N_DOCS):
        (folder / f"report_{i:04d}.txt").write_text(
            f"Clashes near checkpoint {i}\n\nBy Staff Reporter\n\n"
            f"Fighters attacked checkpoint number {i} on the northern road on Monday, officials said. "
            f"Residents said the fighting lasted {i % 7 + 1} hours and several homes were damaged. "
            "The governor called for calm and promised an inquiry into the attack.\n",
            encoding="utf-8",
        )


def _counts(db: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(db)
    try:
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        arts = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        dup = con.execute(
            "SELECT count(*) FROM (SELECT doc_id FROM articles GROUP BY doc_id, idx HAVING count(*) > 1)"
        ).fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.doc_id = d.doc_id)"
        ).fetchone()[0]
        assert orphans == 0, "a document was stored without its articles"
        return docs, arts, dup
    finally:
        con.close()


@pytest.mark.slow
def test_kill_and_rerun_ingest(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _corpus(src)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "ceasefire.cli", "ingest", str(src), "--db", str(db), "--no-nlp", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until some documents are stored, then kill the process mid-run.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if db.exists():
            try:
                if _counts(db)[0] >= 20:
                    break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    docs, arts, dup = _counts(db)
    assert 0 < docs < N_DOCS, f"the kill did not land mid-run ({docs} documents stored)"
    assert dup == 0 and arts == docs

    rerun = subprocess.run(cmd[:-1], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{docs} already stored" in rerun.stderr
    assert _counts(db) == (N_DOCS, N_DOCS, 0)
