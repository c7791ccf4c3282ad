"""`ceasefire export --changed-since TIME` on a real store: new, modified and deleted clusters."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from ceasefire.cli import cli
from ceasefire.models import ActorRef, Article, Document, Event, ExtractRecord, Place
from ceasefire.store import open_store

SYR_MIL = ActorRef("SYR_MIL", "Syrian Armed Forces", "military", "SYR")
DOUMA = Place("Douma", "Douma", 33.5715, 36.4023, "SYR", "Rif Dimashq", 170017, "PPL")
IDLIB = Place("Idlib", "Idlib", 35.9306, 36.6339, "SYR", "Idlib", 169389, "PPLA")


def _save(db: Path, name: str, loc: Place) -> str:
    ev = Event(
        type="ASSAULT", sentence="x", start=0, end=1, source=SYR_MIL, location=loc,
        date="2016-03-01", date_precision="day", date_start="2016-03-01", date_end="2016-03-01",
    )  # fmt: skip
    text = f"{name}: " + " ".join(f"w{name}{i}" for i in range(40))
    doc = Document(source=f"/n/{name}.txt", data=text.encode(), media_type="text", meta={})
    art = Article(index=0, role="primary", title=name, text=text, publisher=name)
    with open_store(str(db)) as st:
        assert st.save_document(doc, [ExtractRecord(doc.doc_id, doc.source, art, events=[ev])])
    return doc.doc_id


def _changes(db: Path, since: str) -> list[dict]:
    r = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--changed-since", since])
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in r.stdout.splitlines()]


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def test_new_modified_and_deleted_clusters(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _save(db, "a", DOUMA)
    _save(db, "b", IDLIB)
    first = _changes(db, "2000-01-01")
    assert sorted(c["change"] for c in first) == ["new", "new"]
    douma = next(c["cluster_id"] for c in first if c["place"] == "Douma")
    t1 = _now()
    doc_c = _save(db, "c", DOUMA)  # another report of the Douma event
    (mod,) = _changes(db, t1)
    assert (mod["change"], mod["cluster_id"], mod["num_sources"]) == ("modified", douma, 2)
    t2 = _now()
    with open_store(str(db)) as st:
        st.delete_document(doc_c)
        for name in ("a",):
            doc = st._all("SELECT doc_id FROM articles WHERE title = ?", (name,))[0][0]
            st.delete_document(doc)
    gone = _changes(db, t2)
    assert [(c["change"], c["cluster_id"]) for c in gone] == [("deleted", douma)]
    assert _changes(db, _now()) == []


def test_changed_since_needs_jsonl_and_a_time(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _save(db, "a", DOUMA)
    r = CliRunner().invoke(
        cli, ["export", "--db", str(db), "--format", "csv", "--changed-since", "2020-01-01"]
    )
    assert r.exit_code == 2 and "--format jsonl" in r.output
    r = CliRunner().invoke(
        cli, ["export", "--db", str(db), "--format", "jsonl", "--changed-since", "yesterday"]
    )
    assert r.exit_code == 2
