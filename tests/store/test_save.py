"""Saving documents: full round trip, idempotence, atomicity, canonical actors."""

from __future__ import annotations

import dataclasses
import sys

import pytest

from ceasefire.models import ActorRef, Article, Document, Event, ExtractRecord, Place, Quote
from ceasefire.store import Store, StoreError, StoreStats, open_store
from ceasefire.store.base import ACTOR_FIELDS, ARTICLE_COLS, EVENT_COLS, PLACE_FIELDS, QUOTE_COLS

from .store_records import LAVROV, NUSRA, bulk_records, document, full_record


@pytest.mark.parametrize(
    ("model", "stored"),
    [
        (ActorRef, set(ACTOR_FIELDS)),
        (Place, set(PLACE_FIELDS)),
        (
            Article,
            {
                "index",
                "role",
                "title",
                "subtitle",
                "authors",
                "publisher",
                "published",
                "url",
                "text",
                "removed",
                "language",
            },
        ),
        (
            Event,
            {
                "type",
                "mode",
                "source",
                "target",
                "claimant",
                "location",
                "date",
                "date_precision",
                "date_start",
                "date_end",
                "status",
                "trigger",
                "sentence",
                "start",
                "end",
                "confidence",
                "casualties",
            },
        ),
        (Quote, {"speaker", "text", "kind", "start", "end"}),
        (ExtractRecord, {"doc_id", "source", "article", "actors", "events", "quotes", "places"}),
    ],
)
def test_store_knows_every_field_of_the_contract(model: type, stored: set[str]) -> None:
    # Fails when models.py gains a field the store does not save yet.
    assert {f.name for f in dataclasses.fields(model)} == stored


def test_column_lists_cover_the_mapping() -> None:
    assert {"removed", "authors", "subtitle"} <= set(ARTICLE_COLS)
    assert {"claimant_id", "loc_geonameid", "trigger_text", "confidence"} <= set(EVENT_COLS)
    assert {"speaker_mention", "kind"} <= set(QUOTE_COLS)


def test_full_record_round_trips(store: Store) -> None:
    doc = document(1)
    recs = [full_record(doc, 0), full_record(doc, 1)]
    assert store.save_document(doc, recs) is True
    for rec in recs:
        got = store.get_article(rec.article_id)
        assert got == rec
        assert got is not None and got.to_json() == rec.to_json()
    assert store.get_article(f"{doc.doc_id}:7") is None
    assert store.get_article("nope") is None


def test_document_row_round_trips(store: Store) -> None:
    doc = Document(
        source="warc://x/1",
        data="é".encode() * 10,
        media_type="html",
        meta={"url": "https://example.org/x", "captured": "2016-06-05T10:00:00Z", "title": "Ünïcode"},
    )
    store.save_document(doc, [])
    row = store.get_document(doc.doc_id)
    assert row is not None
    assert (row.source, row.media_type, row.meta, row.n_bytes, row.articles) == (
        doc.source,
        "html",
        doc.meta,
        20,
        0,
    )
    assert store.get_document("0" * 64) is None


def test_document_without_articles_is_remembered(store: Store) -> None:
    doc = document(2)
    assert not store.has_document(doc.doc_id)
    assert store.save_document(doc, []) is True
    assert store.has_document(doc.doc_id)
    assert store.save_document(doc, [full_record(doc)]) is False
    assert store.stats().articles == 0


def test_saving_twice_changes_nothing(store: Store) -> None:
    doc = document(3)
    assert store.save_document(doc, [full_record(doc)]) is True
    before = store.stats()
    changed = full_record(doc)
    changed.article.title = "something else"
    changed.events = []
    assert store.save_document(doc, [changed]) is False
    assert store.stats() == before
    got = store.get_article(f"{doc.doc_id}:0")
    assert got == full_record(doc)


def test_stats_count_everything(store: Store) -> None:
    assert store.stats() == StoreStats(0, 0, 0, 0, 0, 0, 0)
    a, b = document(1), document(2)
    store.save_document(a, [full_record(a, 0), full_record(a, 1)])
    store.save_document(b, bulk_records(b, 2, 3))
    store.record_error("/bad.bin", "binary file")
    # actors: RUS_MIL NUSRA RUS_MOD LAVROV CIV; places: Aleppo (170063), Kafr Nabudah|SYR, north|
    assert store.stats() == StoreStats(
        documents=2, articles=4, events=3 * 2 + 3 * 2, quotes=4, actors=5, places=3, errors=1
    )


@pytest.mark.parametrize("page_size", [1, 3, 10, 200])
def test_iter_records_in_ingest_order(store: Store, page_size: int) -> None:
    docs = [document(i) for i in range(5)]
    expected: list[ExtractRecord] = []
    for d in docs:
        recs = [full_record(d, 0), *bulk_records(d, 3, 2)[1:]]  # children of every kind, across pages
        store.save_document(d, recs)
        expected += recs
    assert list(store.iter_records(page_size=page_size)) == expected


@pytest.mark.parametrize("break_it", ["foreign_doc", "duplicate_index"])
def test_bad_records_are_refused_whole(store: Store, break_it: str) -> None:
    doc = document(4)
    recs = [full_record(doc, 0), full_record(doc, 1)]
    if break_it == "foreign_doc":
        recs[1].doc_id = "f" * 64
    else:
        recs[1].article.index = 0
    with pytest.raises(ValueError):
        store.save_document(doc, recs)
    assert not store.has_document(doc.doc_id)
    assert store.stats().articles == 0


def test_failure_mid_document_rolls_back_everything(store: Store) -> None:
    doc = document(5)
    good = full_record(doc, 0)
    bad = full_record(doc, 1)
    bad.quotes[0].text = None  # type: ignore[assignment]  # NOT NULL, fails after article 0 is written
    with pytest.raises(StoreError):
        store.save_document(doc, [good, bad])
    assert not store.has_document(doc.doc_id)
    assert store.stats() == StoreStats(0, 0, 0, 0, 0, 0, 0)
    # The store stays usable and the corrected document goes in.
    assert store.save_document(doc, [good, full_record(doc, 1)]) is True
    assert store.stats().articles == 2


def test_store_persists_across_reopen(store_url: str) -> None:
    doc = document(6)
    with open_store(store_url) as s:
        s.save_document(doc, [full_record(doc)])
    with open_store(store_url) as s:
        assert s.has_document(doc.doc_id)
        assert s.get_article(f"{doc.doc_id}:0") == full_record(doc)


def test_canonical_actor_and_its_aliases(store: Store) -> None:
    a, b = document(1), document(2)
    rec_b = bulk_records(b, 1, 0)[0]
    rec_b.actors = [
        dataclasses.replace(NUSRA, mention="Jabhat Al-Nusra"),
        dataclasses.replace(NUSRA, mention="Nusra"),
        dataclasses.replace(NUSRA, mention="Nusra"),
    ]
    store.save_document(a, [full_record(a)])
    store.save_document(b, [rec_b])
    nusra = store.get_actor("NUSRA")
    assert nusra is not None
    assert (nusra.name, nusra.kind, nusra.mentions, nusra.articles) == (
        "Jabhat al-Nusra",
        "armed_group",
        4,
        2,
    )
    assert nusra.aliases == ["Nusra", "Jabhat Al-Nusra", "al-Nusra Front"]  # most frequent first, then A-Z
    assert nusra.events == 1  # target of the ASSAULT in the full record


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("LAVROV", "LAVROV"),
        ("lavrov", "LAVROV"),  # id, any case
        ("Sergey Lavrov", "LAVROV"),  # canonical name
        ("the ministry", None),  # a description seen, not a name: see similar_actors
        ("al-nusra front", "NUSRA"),
        ("al Nusra Front", "NUSRA"),  # spelling variant of a name seen
        ("Russian Armed-Forces", "RUS_MIL"),  # ... of a canonical name
        ("the Russian warplanes", "RUS_MIL"),  # ... with a leading 'the'
        ("Putin", None),
        ("", None),
    ],
)
def test_get_actor(store: Store, key: str, expected: str | None) -> None:
    doc = document(1)
    store.save_document(doc, [full_record(doc)])
    got = store.get_actor(key)
    assert (got.id if got else None) == expected


def test_actor_canonical_row_keeps_latest_name_and_known_country(store: Store) -> None:
    a, b = document(1), document(2)
    ra, rb = bulk_records(a, 1, 0)[0], bulk_records(b, 1, 0)[0]
    ra.actors = [ActorRef("HTS", "Hayat Tahrir al-Sham", "armed_group", "SYR", "HTS")]
    rb.actors = [ActorRef("HTS", "Hay'at Tahrir al-Sham", "armed_group", None, "Tahrir al-Sham")]
    store.save_document(a, [ra])
    store.save_document(b, [rb])
    hts = store.get_actor("HTS")
    assert hts is not None and (hts.name, hts.country) == ("Hay'at Tahrir al-Sham", "SYR")
    # ... while each article keeps the reference exactly as extracted.
    assert store.get_article(ra.article_id) == ra
    assert store.get_article(rb.article_id) == rb


@pytest.mark.parametrize(
    ("filters", "expected_ids"),
    [
        # most mentioned first (CIV, LAVROV, RUS_MIL twice each; A-Z among ties), then once each
        ({}, ["CIV", "LAVROV", "RUS_MIL", "NUSRA", "RUS_MOD"]),
        ({"kind": "person"}, ["LAVROV"]),
        ({"country": "rus"}, ["LAVROV", "RUS_MIL", "RUS_MOD"]),
        ({"name": "nusra"}, ["NUSRA"]),
        ({"name": "russian", "limit": 1}, ["RUS_MIL"]),
    ],
)
def test_query_actors(store: Store, filters: dict[str, object], expected_ids: list[str]) -> None:
    doc = document(1)
    rec = full_record(doc)
    rec.actors += [
        LAVROV,
        ActorRef("RUS_MIL", "Russian Armed Forces", "military", "RUS", "Russian jets"),
        ActorRef("CIV", "Civilians", "civilians", None, "civilians"),
    ]
    store.save_document(doc, [rec])
    assert [a.id for a in store.query_actors(**filters)] == expected_ids  # type: ignore[arg-type]


def test_delete_document_removes_everything_but_canonical_actors(store: Store) -> None:
    a, b = document(1), document(2)
    store.save_document(a, [full_record(a, 0), full_record(a, 1)])
    store.save_document(b, [full_record(b)])
    assert store.delete_document(a.doc_id) is True
    assert store.delete_document(a.doc_id) is False
    assert not store.has_document(a.doc_id)
    assert store.get_article(f"{a.doc_id}:0") is None
    assert store.stats() == StoreStats(
        documents=1, articles=1, events=3, quotes=2, actors=5, places=3, errors=0
    )
    assert [h.doc_id for h in store.search_articles("Aleppo")] == [b.doc_id]  # gone from the index too
    assert store.save_document(a, [full_record(a)]) is True  # and it can be ingested again


def test_one_store_shared_by_threads(store: Store) -> None:
    # A web server's thread pool shares one Store: writes and reads interleave safely.
    import threading

    errors: list[BaseException] = []

    def work(base: int) -> None:
        try:
            for i in range(base, base + 15):
                doc = document(i)
                store.save_document(doc, [full_record(doc)])
                assert store.get_article(f"{doc.doc_id}:0") == full_record(doc)
                store.search_articles("Aleppo", limit=5)
                store.stats()
        except BaseException as e:  # collected and re-raised in the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k * 100,)) for k in range(6)]
    # Switch threads as often as possible, so that without the store's lock statements of one
    # thread land inside another's transaction (checked: with the lock removed 4 runs in 5 fail).
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    finally:
        sys.setswitchinterval(old)
    assert errors == []
    assert store.stats().documents == 90 and store.stats().events == 270
