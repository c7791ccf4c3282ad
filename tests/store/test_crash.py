"""Crash safety for real: SIGKILL an ingesting process, check, rerun, check again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.store import Store, open_store

from .store_records import EVENTS_PER_ARTICLE, articles_of, document

CHILD = Path(__file__).parent / "ingest_child.py"  # run as a script, imports store_records by path
N_DOCS = 60
KILL_AFTER = 15  # saved documents before the kill: well inside the run, so the kill is mid-run


def spawn(url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), url, str(N_DOCS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_consistent(store: Store) -> set[int]:
    """Every stored document is complete; returns the indices stored."""
    stored = set()
    for i in range(N_DOCS):
        doc_id = document(i, n_bytes=2000).doc_id
        row = store.get_document(doc_id)
        if row is None:
            continue
        stored.add(i)
        assert row.articles == articles_of(i), f"document {i} is half stored"
        n_events = store._one(
            "SELECT count(*) FROM events e JOIN articles a ON a.article_id = e.article_id WHERE a.doc_id = ?",
            (doc_id,),
        )
        assert n_events == (articles_of(i) * EVENTS_PER_ARTICLE,), f"document {i} has missing events"
    st = store.stats()
    expected_articles = sum(articles_of(i) for i in stored)
    assert (st.documents, st.articles, st.events) == (
        len(stored),
        expected_articles,
        expected_articles * EVENTS_PER_ARTICLE,
    )
    if store.dialect == "sqlite":
        assert store._one("PRAGMA integrity_check") == ("ok",)
        store._execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert len(store.search_articles("shelling", limit=1000)) == expected_articles
    return stored


def test_kill_mid_ingest_then_rerun(store_url: str) -> None:
    open_store(store_url).close()  # migrate first, so the kill lands in document writes
    child = spawn(store_url)
    assert child.stdout is not None
    saved = 0
    for line in child.stdout:
        if line.startswith("saved"):
            saved += 1
        elif line.startswith("begin") and saved >= KILL_AFTER:
            os.kill(child.pid, signal.SIGKILL)  # most likely inside save_document's transaction
            break
        elif line.startswith("done"):
            pytest.fail("the child finished before it could be killed")
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL

    with open_store(store_url) as s:
        stored = assert_consistent(s)
    assert KILL_AFTER <= len(stored) < N_DOCS

    rerun = subprocess.run(
        [sys.executable, str(CHILD), store_url, str(N_DOCS)], capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    lines = rerun.stdout.split()
    assert lines.count("skipped") == len(stored) and lines.count("saved") == N_DOCS - len(stored)
    with open_store(store_url) as s:
        assert assert_consistent(s) == set(range(N_DOCS))
        before = s.stats()

    again = subprocess.run(
        [sys.executable, str(CHILD), store_url, str(N_DOCS)], capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0 and again.stdout.split().count("skipped") == N_DOCS
    with open_store(store_url) as s:
        assert s.stats() == before


def test_two_concurrent_ingests_store_each_document_once(store_url: str) -> None:
    open_store(store_url).close()
    a, b = spawn(store_url), spawn(store_url)
    out_a, err_a = a.communicate(timeout=300)
    out_b, err_b = b.communicate(timeout=300)
    assert a.returncode == 0, err_a
    assert b.returncode == 0, err_b
    saved = out_a.split().count("saved") + out_b.split().count("saved")
    assert saved == N_DOCS  # each document won by exactly one process
    with open_store(store_url) as s:
        assert assert_consistent(s) == set(range(N_DOCS))
