"""The event-cluster pages: every report of one event and the figures they disagree on,
with their JSON twins; in-process, and in Chromium against a real `ceasefire serve`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ceasefire.models import ActorRef, Article, Casualty, Document, Event, ExtractRecord, Place
from ceasefire.store import open_store

from .browser_fixtures import STARTUP_S, _free_port, _get_json

REPO = Path(__file__).resolve().parents[2]
SYR_MIL = ActorRef("SYR_MIL", "Syrian Armed Forces", "military", "SYR")
SOHR = ActorRef("SOHR", "Syrian Observatory for Human Rights", "ngo", "GBR")
SANA = ActorRef("SANA", "SANA", "media", "SYR")
DOUMA = Place("Douma", "Douma", 33.5715, 36.4023, "SYR", "Rif Dimashq", 170017, "PPL")
WIRE = "Government shelling of Douma killed nine civilians on Tuesday, a monitor said. " * 3 + " ".join(
    f"detail{i}" for i in range(40)
)


def _report(
    name: str, outlet: str, text: str, claimant: ActorRef, killed: int
) -> tuple[Document, ExtractRecord]:
    ev = Event(
        type="ASSAULT",
        sentence=text[:40],
        start=0,
        end=40,
        source=SYR_MIL,
        location=DOUMA,
        date="2016-03-01",
        date_precision="day",
        date_start="2016-03-01",
        date_end="2016-03-01",
        claimant=claimant,
        casualties=[Casualty(kind="killed", low=killed, best=killed, group="civilians", claimant=claimant)],
    )
    doc = Document(source=f"/news/{name}.txt", data=f"{name}|{text}".encode(), media_type="text", meta={})
    art = Article(
        index=0,
        role="primary",
        title=f"{name} <b>report</b>",
        text=text,
        publisher=outlet,
        published="2016-03-02",
    )
    return doc, ExtractRecord(doc_id=doc.doc_id, source=doc.source, article=art, events=[ev])


@pytest.fixture(scope="module")
def cluster_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("clusters") / "clusters.db"
    with open_store(str(db)) as st:
        for doc, rec in (
            _report("wire", "AFP", WIRE, SOHR, 9),
            _report("repost", "Daily Repost", WIRE + " Share this.", SOHR, 9),
            _report("state", "SANA <agency>", "Terrorists fired at army posts near Douma. " * 5, SANA, 3),
        ):
            assert st.save_document(doc, [rec])
    return db


def test_cluster_json_and_page(cluster_db: Path) -> None:
    from fastapi.testclient import TestClient

    from ceasefire.web import create_app

    c = TestClient(create_app(str(cluster_db)))
    (listed,) = c.get("/clusters.json").json()["clusters"]
    assert (listed["num_mentions"], listed["num_sources"], listed["num_independent_sources"]) == (3, 3, 2)
    cid = listed["cluster_id"]
    j = c.get(f"/clusters/{cid}.json").json()
    assert sorted(r["publisher"] for r in j["reports"]) == ["AFP", "Daily Repost", "SANA <agency>"]
    tolls = sorted(
        (x["value"], x["claimant"], x["outlet"]) for x in j["conflicts"] if x["field"] == "fatalities"
    )
    assert tolls == [(3, "SANA", "SANA <agency>"), (9, "SOHR", "AFP"), (9, "SOHR", "Daily Repost")]
    ev = c.get(f"/events/{j['reports'][0]['id']}.json").json()
    assert ev["cluster_id"] == cid
    html = c.get(f"/clusters/{cid}").text
    assert "SANA &lt;agency&gt;" in html and "<b>report</b>" not in html
    assert c.get("/clusters/Cnothing.json").status_code == 404
    assert c.get("/clusters.json", params={"min_sources": 4}).json()["clusters"] == []


@pytest.fixture(scope="module")
def cluster_server(cluster_db: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ceasefire.cli",
            "serve",
            "--db",
            str(cluster_db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_S
    while True:
        try:
            _get_json(base + "/clusters.json")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(
                    f"ceasefire serve did not start: {proc.stderr.read().decode(errors='replace')[-2000:] if proc.stderr else ''}"
                )
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def test_cluster_page_in_chromium(cluster_server: str, page: Any) -> None:
    (listed,) = _get_json(cluster_server + "/clusters.json")["clusters"]
    cp = _get_json(cluster_server + f"/clusters/{listed['cluster_id']}.json")
    # from a report's page to the cluster, by the link a reader would click
    page.goto(cluster_server + f"/events/{cp['reports'][0]['id']}")
    page.click("#ev-cluster a")
    page.wait_for_selector("#cluster-id")
    assert page.inner_text("#cluster-id") == listed["cluster_id"]
    assert page.locator("#reports table.events tbody tr").count() == len(cp["reports"]) == 3
    assert page.locator("#conflicts tr.conflict").count() == len(cp["conflicts"])
    assert "2 independent" in page.inner_text("#cluster-sources")
    page.goto(cluster_server + "/clusters")
    page.click("table.events tbody tr a")
    page.wait_for_selector("#cluster-id")
    assert page.inner_text("#cluster-id") == listed["cluster_id"]
