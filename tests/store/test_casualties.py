"""Casualty counts in the store, on SQLite and PostgreSQL: saved with their event, read back
exactly, `fatalities` queryable, and a database made before migration 0005 upgraded in place."""

from __future__ import annotations

import dataclasses
import re

from ceasefire.models import ActorRef, Casualty, ExtractRecord
from ceasefire.store import Store, open_store
from ceasefire.store.migrate import migrations

from .store_records import document, full_record

SOHR = ActorRef("SOHR", "Syrian Observatory for Human Rights", "ngo", "GBR", "the Observatory", 0, 15)
RUS_MIL = ActorRef("RUS_MIL", "Russian Armed Forces", "military", "RUS")


def with_counts(rec: ExtractRecord) -> ExtractRecord:
    counts = [
        Casualty(
            "killed",
            46,
            low=46,
            high=46,
            group="civilians",
            claimant=SOHR,
            mention="46 civilians",
            start=3,
            end=15,
        ),
        Casualty(
            "killed",
            30,
            low=30,
            high=None,
            group="civilians",
            claimant=RUS_MIL,
            mention="at least 30",
            start=20,
            end=31,
        ),
        Casualty("wounded", 24, low=24, group="unknown", mention="dozens", start=40, end=46),
    ]
    events = [dataclasses.replace(rec.events[0], casualties=counts), *rec.events[1:]]
    return dataclasses.replace(rec, events=events)


def test_counts_round_trip_and_fatalities_is_the_lowest(store: Store) -> None:
    doc = document(1)
    rec = with_counts(full_record(doc))
    assert store.save_document(doc, [rec])
    assert store.get_article(rec.article_id) == rec
    rows = {r.id: r for r in store.iter_events()}
    with_figures = [r for r in rows.values() if r.casualties]
    assert len(with_figures) == 1
    row = with_figures[0]
    assert row.fatalities == 30  # the Observatory says 46, the army at least 30
    assert [c["best"] for c in row.casualties] == [46, 30, 24]
    assert row.casualties[0]["claimant"]["id"] == "SOHR"
    assert all(r.fatalities is None and r.casualties == [] for r in rows.values() if r.id != row.id)
    assert store.get_event(row.id).fatalities == 30


def _tables_after(version: int, dialect: str) -> list[str]:
    """The tables that the migrations after ``version`` create, in the order they create them."""
    create = re.compile(r"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", re.IGNORECASE)
    return [name for m in migrations(dialect)[version:] for name in create.findall(m.sql)]


def test_a_database_from_before_the_migration_is_upgraded(store_url: str) -> None:
    doc = document(2)
    old = full_record(doc)
    dialect = "postgresql" if "://" in store_url else "sqlite"
    latest = len(migrations(dialect))
    with open_store(store_url) as s:
        assert s.save_document(doc, [old])
        # Back to the schema of version 4: no casualty columns, as a database made before them.
        with s._transaction():
            s._execute("ALTER TABLE events DROP COLUMN casualties")
            s._execute("ALTER TABLE events DROP COLUMN fatalities")
            s._execute("DELETE FROM schema_version WHERE version >= 5")
            # and without the tables of the migrations after 0005, which will be made again
            for name in reversed(_tables_after(5, dialect)):
                s._execute(f"DROP TABLE IF EXISTS {name}")
        assert s.schema_version() == 4
    with open_store(store_url) as s:  # opening migrates
        assert s.schema_version() == latest
        assert s.get_article(old.article_id) == old  # old events: no counts
        assert {r.fatalities for r in s.iter_events()} == {None}
        doc2 = document(3)
        new = with_counts(full_record(doc2))
        assert s.save_document(doc2, [new])
        assert s.get_article(new.article_id) == new
