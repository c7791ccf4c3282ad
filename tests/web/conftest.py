"""Fixtures of the web tests: stores built once per session.

``synthetic`` is a store of generated events written through the Store API
(the expected answers are computed from the same records in Python), plus a
hostile article and two articles reporting one event. ``examples_db`` is the
bundled examples ingested by the real `ceasefire ingest`, plus a hostile text
file and a synthetic slice so the map has geocoded events to show.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ceasefire.models import ActorRef, Article, Document, Event, ExtractRecord, Place
from ceasefire.store import open_store
from ceasefire.web.synthetic import synthetic_records

# The web's browser fixtures (chromium and browser are registered in tests/conftest.py).
from .browser_fixtures import page, server  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
N_SYNTHETIC = 300

HOSTILE_TEXT = (
    "Shelling hit Idlib on Monday. <script>alert('xss-script')</script> "
    "Residents reported <img src=x onerror=alert('xss-img')> damage. "
    "<a href=\"javascript:alert('xss-link')\">Read more</a> about the truce."
)
# A plain-text page whose paragraphs carry markup, for the real ingest pipeline
# (the cleaner keeps some paragraphs and removes others: both are shown).
HOSTILE_PAGE = """Truce monitors report shelling near Idlib

By Staff Reporter

Shelling hit the outskirts of Idlib on Monday, residents said, the third violation of the local truce \
this week. <script>alert('xss-script')</script>

Residents reported heavy damage to a market and a school <img src=x onerror=alert('xss-img')> in the \
eastern district, according to local officials who asked not to be named.

The monitoring group said it had documented the attacks and would publish its findings. \
<a href="javascript:alert('xss-link')">Read the full report</a> on the group's website.

Aid agencies called on all parties to respect the ceasefire and allow humanitarian convoys to reach the city.
"""
HOSTILE_ACTOR = ActorRef(
    "EVIL<script>",
    "Evil <script>alert('xss-actor')</script> Brigade",
    "armed_group",
    None,
    "<b onmouseover=alert('xss-mention')>the brigade</b>",
)


@dataclass
class SyntheticStore:
    path: Path
    records: list[ExtractRecord]
    hostile: ExtractRecord
    twin_a: ExtractRecord
    twin_b: ExtractRecord


def _hostile_record() -> tuple[Document, ExtractRecord]:
    doc = Document(source="hostile://1", data=HOSTILE_TEXT.encode(), media_type="text")
    sentence = "Shelling hit Idlib on Monday."
    art = Article(
        0,
        "primary",
        "<script>alert('xss-title')</script>Truce news",
        HOSTILE_TEXT,
        subtitle="<img src=x onerror=alert('xss-sub')>",
        authors=["<i>Mallory</i>"],
        publisher="Evil<Outlet>",
        published="2016-02-29",
        url="javascript:alert('xss-url')",
        removed=["<script>alert('xss-removed')</script>"],
    )
    src = ActorRef(
        HOSTILE_ACTOR.id, HOSTILE_ACTOR.name, HOSTILE_ACTOR.kind, None, HOSTILE_ACTOR.mention, 0, 8
    )
    idlib = Place("Idlib<script>", "Idlib", 35.93, 36.63, "SYR", None, None, None, 13, 18)
    ev = Event(
        "ASSAULT",
        sentence,
        0,
        len(sentence),
        mode="heavy-weapons",
        source=src,
        location=idlib,
        date="2016-02-29",
        date_precision="day",
        trigger="<svg onload=alert(1)>",
    )
    return doc, ExtractRecord(doc.doc_id, doc.source, art, [src], [ev], [], [idlib])


def _twin_records() -> list[tuple[Document, ExtractRecord]]:
    """Two outlets reporting the same air strike (same type, date and place)."""
    out = []
    for i, (outlet, text) in enumerate(
        [
            ("Twin Wire", "Jets struck a market in Palmyra on 3 March 2016, the Observatory said."),
            ("Twin Times", "A market in Palmyra was bombed from the air on Thursday, monitors reported."),
        ]
    ):
        doc = Document(source=f"twin://{i}", data=text.encode(), media_type="text")
        ev = Event(
            "ASSAULT",
            text,
            0,
            len(text),
            mode="aerial",
            location=Place("Palmyra", "Palmyra", 34.56, 38.28, "SYR", "Homs", 172408),
            date="2016-03-03",
            date_precision="day",
        )
        out.append(
            (
                doc,
                ExtractRecord(
                    doc.doc_id,
                    doc.source,
                    Article(
                        0, "primary", f"Market hit ({outlet})", text, publisher=outlet, published="2016-03-04"
                    ),
                    [],
                    [ev],
                ),
            )
        )
    return out


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> SyntheticStore:
    path = tmp_path_factory.mktemp("web") / "synthetic.db"
    return fill_store(str(path), path)


def fill_store(url: str, path: Path) -> SyntheticStore:
    """Write the synthetic records, the hostile article and the twins to the store at ``url``."""
    pairs = synthetic_records(N_SYNTHETIC, seed=11)
    hdoc, hostile = _hostile_record()
    twins = _twin_records()
    with open_store(url) as store:
        for doc, recs in pairs:
            store.save_document(doc, recs)
        store.save_document(hdoc, [hostile])
        for doc, rec in twins:
            store.save_document(doc, [rec])
    return SyntheticStore(path, [r for _, recs in pairs for r in recs], hostile, twins[0][1], twins[1][1])


@pytest.fixture(scope="session")
def client(synthetic: SyntheticStore) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from ceasefire.web import create_app

    with TestClient(create_app(str(synthetic.path))) as c:
        yield c


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples and a hostile page, ingested by the real CLI, plus
    a synthetic slice of geocoded events."""
    folder = tmp_path_factory.mktemp("web-examples")
    db = folder / "examples.db"
    hostile = folder / "hostile_page.txt"
    hostile.write_text(HOSTILE_PAGE, encoding="utf-8")
    cli = (
        [sys.executable, "-m", "ceasefire.cli"]
        if not (REPO / ".venv/bin/ceasefire").exists()
        else [str(REPO / ".venv/bin/ceasefire")]
    )
    proc = subprocess.run(
        [*cli, "ingest", str(REPO / "ceasefire" / "examples"), str(hostile), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert proc.returncode in (0, 1), f"ceasefire ingest failed: {proc.stderr[-2000:]}"
    with open_store(str(db)) as store:
        for doc, recs in synthetic_records(150, seed=3):
            store.save_document(doc, recs)
    return db
