"""Event, quote and error queries for the CLI and the web UI."""

from __future__ import annotations

import pytest

from ceasefire.models import ActorRef, Article, Event, ExtractRecord, Place
from ceasefire.store import Store

from .store_records import LAVROV, NUSRA, RUS_MIL, document, full_record

TUR = ActorRef("TUR_MIL", "Turkish Armed Forces", "military", "TUR", "Turkish troops")
ALEPPO = Place("Aleppo", "Aleppo", 36.2, 37.16, "SYR", "Aleppo", 170063)
IDLIB = Place("Idlib", "Idlib", 35.93, 36.63, "SYR", "Idlib", 169389)
DONETSK = Place("Donetsk", "Donetsk", 48.0, 37.8, "UKR", "Donetsk", 709717)


def ev(
    type_: str,
    date: str | None,
    source: ActorRef | None = None,
    target: ActorRef | None = None,
    claimant: ActorRef | None = None,
    location: Place | None = None,
) -> Event:
    return Event(
        type=type_,
        sentence=f"{type_} on {date}",
        start=0,
        end=10,
        source=source,
        target=target,
        claimant=claimant,
        location=location,
        date=date,
        date_precision="day" if date and len(date) == 10 else "none",
    )


EVENTS = [
    ev("ASSAULT", "2016-06-05", RUS_MIL, NUSRA, location=ALEPPO),  # 0
    ev("ASSAULT", "2016-06-20", TUR, NUSRA, claimant=LAVROV, location=IDLIB),  # 1
    ev("ACCUSE", "2016-07-01", LAVROV, TUR),  # 2
    ev("AGREE", None, RUS_MIL, TUR),  # 3
    ev("ASSAULT", "2015-02-10", location=DONETSK),  # 4
    ev("CONSULT", "2016-06", LAVROV),  # 5 (month precision)
]


@pytest.fixture
def filled(store: Store) -> Store:
    doc = document(1)
    rec = ExtractRecord(
        doc.doc_id,
        doc.source,
        Article(0, "primary", "Title", "text", published="2016-07-02"),
        actors=[RUS_MIL, NUSRA, LAVROV, TUR],
        events=EVENTS,
    )
    store.save_document(doc, [rec])
    return store


def sentences(rows: list) -> list[str]:
    return [r.sentence for r in rows]


def s(i: int) -> str:
    return EVENTS[i].sentence


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # newest first, by date as text ("2016-06" after the days of June), undated last
        ({}, [s(2), s(1), s(0), s(5), s(4), s(3)]),
        ({"type": "assault"}, [s(1), s(0), s(4)]),
        ({"actor": "NUSRA"}, [s(1), s(0)]),  # as target
        ({"actor": "Sergey Lavrov"}, [s(2), s(1), s(5)]),  # as source and as claimant, by name
        ({"actor": "turkish troops"}, [s(2), s(1), s(3)]),  # by alias seen
        ({"actor": "nobody"}, []),
        ({"actor": "jabhat al nusra"}, [s(1), s(0)]),  # spelling variant of the canonical name
        ({"actor": "Turkish-Troops"}, [s(2), s(1), s(3)]),  # ... of a name seen
        ({"type": ["assault", "ACCUSE"]}, [s(2), s(1), s(0), s(4)]),  # several types
        ({"type": "assault,accuse"}, [s(2), s(1), s(0), s(4)]),  # comma-separated
        ({"type": []}, [s(2), s(1), s(0), s(5), s(4), s(3)]),  # no type given: no restriction
        ({"since": "2016-06-06"}, [s(2), s(1), s(5)]),  # June 2016 may be after the 6th: kept
        ({"since": "2016-06"}, [s(2), s(1), s(0), s(5)]),
        ({"until": "2016-06"}, [s(1), s(0), s(5), s(4)]),  # whole month included
        ({"until": "2016-06-04"}, [s(5), s(4)]),  # June 2016 may be before the 4th
        ({"until": "2015"}, [s(4)]),
        ({"since": "2016-06-01", "until": "2016-06-30", "type": "ASSAULT"}, [s(1), s(0)]),
        ({"place": "idlib"}, [s(1)]),
        ({"place": "SYR"}, [s(1), s(0)]),  # by country
        ({"place": "Syria"}, [s(1), s(0)]),  # by the country's name: every event in it
        ({"place": "ukraine"}, [s(4)]),
        ({"place": "Halab"}, [s(0)]),  # another name of Aleppo in the gazetteer
        ({"place": "Aleppo province"}, [s(0)]),  # a region named with its kind
        ({"place": " Donetsk "}, [s(4)]),
        ({"place": "Donetsk", "type": "ASSAULT"}, [s(4)]),
        ({"claimant": "lavrov"}, [s(1)]),
        ({"claimant": "NUSRA"}, []),
        ({"min_confidence": 0.6}, []),
        ({"min_confidence": 0.5, "type": "ACCUSE"}, [s(2)]),
        ({"outlet": "nowhere"}, []),
        ({"limit": 2}, [s(2), s(1)]),
        ({"limit": 2, "offset": 2}, [s(0), s(5)]),
        ({"offset": 4}, [s(4), s(3)]),
        ({"status": "asserted", "type": "CONSULT"}, [s(5)]),
        ({"status": "negated"}, []),
    ],
)
def test_query_events(filled: Store, filters: dict[str, object], expected: list[str]) -> None:
    assert sentences(filled.query_events(**filters)) == expected  # type: ignore[arg-type]


def test_event_row_fields(filled: Store) -> None:
    (row,) = filled.query_events(actor="LAVROV", type="ASSAULT")
    assert (row.type, row.date, row.date_precision, row.status) == (
        "ASSAULT",
        "2016-06-20",
        "day",
        "asserted",
    )
    assert (row.source_actor_id, row.source_actor_name) == ("TUR_MIL", "Turkish Armed Forces")
    assert (row.target_actor_id, row.target_actor_name) == ("NUSRA", "Jabhat al-Nusra")
    assert (row.claimant_id, row.claimant_name) == ("LAVROV", "Sergey Lavrov")
    assert (row.location_name, row.lat, row.lon, row.country) == ("Idlib", 35.93, 36.63, "SYR")
    assert row.article_id == f"{row.doc_id}:0" and row.doc_source == document(1).source
    assert (row.title, row.published, row.start, row.end, row.confidence) == (
        "Title",
        "2016-07-02",
        0,
        10,
        0.5,
    )


def test_event_row_export_fields_and_get_event(store: Store) -> None:
    doc = document(1)
    store.save_document(doc, [full_record(doc)])
    rows = store.query_events(article_id=f"{doc.doc_id}:0")
    assert [r.type for r in rows] == [
        "ASSAULT",
        "ACCUSE",
        "RETREAT",
    ]  # newest first: 2016-06-05, 2016-06, none
    first = rows[0]
    assert (first.admin1, first.geonameid, first.geo_feature) == ("Aleppo", 170063, "PPLA")
    assert (first.source_actor_kind, first.source_actor_country) == ("military", "RUS")
    assert (first.target_actor_kind, first.target_actor_country) == ("armed_group", None)
    assert (first.publisher, first.url) == ("Example Wire", "https://example.org/a")
    assert store.get_event(first.id) == first
    assert store.get_event(rows[2].id) == rows[2] and rows[2].status == "hypothetical"
    assert store.get_event(10**9) is None
    assert store.query_events(article_id="nope") == []


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        (None, ["What is happening in Aleppo is unacceptable.", "positions were hit"]),
        ("Lavrov", ["What is happening in Aleppo is unacceptable."]),
        ("LAVROV", ["What is happening in Aleppo is unacceptable."]),
        ("RUS_MIL", []),
    ],
)
def test_query_quotes(store: Store, actor: str | None, expected: list[str]) -> None:
    doc = document(1)
    store.save_document(doc, [full_record(doc)])
    rows = store.query_quotes(actor=actor)
    assert [q.text for q in rows] == expected
    if rows and actor:
        assert (rows[0].speaker_id, rows[0].speaker_name, rows[0].kind) == (
            "LAVROV",
            "Sergey Lavrov",
            "direct",
        )


def test_query_quotes_limit(store: Store) -> None:
    doc = document(1)
    store.save_document(doc, [full_record(doc, 0), full_record(doc, 1)])
    assert len(store.query_quotes()) == 4
    assert len(store.query_quotes(limit=3)) == 3


def test_errors_are_deduplicated(store: Store) -> None:
    store.record_error("/in/a.bin", "binary file, not text")
    store.record_error("/in/a.bin", "binary file, not text")
    store.record_error("/in/a.bin", "empty after cleaning")
    store.record_error("https://x.org/b", "HTTP 404")
    assert store.stats().errors == 3
    rows = {(e.source, e.reason): e.count for e in store.list_errors()}
    assert rows == {
        ("/in/a.bin", "binary file, not text"): 2,
        ("/in/a.bin", "empty after cleaning"): 1,
        ("https://x.org/b", "HTTP 404"): 1,
    }
    assert len(store.list_errors(limit=2)) == 2


def _quote_store(store: Store) -> list[str]:
    """Three documents, each with the two quotes of full_record; their article ids in ingest order."""
    ids = []
    for i in (1, 2, 3):
        doc = document(i)
        rec = full_record(doc)
        rec.quotes[0].text = f"doc {i} direct"
        rec.quotes[1].text = f"doc {i} indirect"
        store.save_document(doc, [rec])
        ids.append(rec.article_id)
    return ids


@pytest.mark.parametrize(
    ("pick", "actor", "limit", "expected"),
    [
        ([0], None, None, ["doc 1 direct", "doc 1 indirect"]),
        (
            [2, 0],
            None,
            None,
            ["doc 1 direct", "doc 1 indirect", "doc 3 direct", "doc 3 indirect"],
        ),  # ingest order
        ([2, 0], "Lavrov", None, ["doc 1 direct", "doc 3 direct"]),
        ([0, 1, 2], None, 3, ["doc 1 direct", "doc 1 indirect", "doc 2 direct"]),
        ([], None, None, []),
    ],
)
def test_query_quotes_of_articles(
    store: Store, pick: list[int], actor: str | None, limit: int | None, expected: list[str]
) -> None:
    ids = _quote_store(store)
    rows = store.query_quotes(actor=actor, limit=limit, article_ids=[ids[k] for k in pick])
    assert [q.text for q in rows] == expected


def test_query_quotes_of_many_articles_keeps_order_and_limit(store: Store) -> None:
    ids = _quote_store(store)
    # More ids than one query takes (unknown ones around the real ones, the real ones far apart).
    many = [f"nothing:{k}" for k in range(1200)]
    many[3], many[700], many[1199] = ids[2], ids[1], ids[0]
    rows = store.query_quotes(article_ids=many)
    assert [q.text for q in rows] == [f"doc {i} {k}" for i in (1, 2, 3) for k in ("direct", "indirect")]
    assert [q.text for q in store.query_quotes(article_ids=many, limit=3)] == [
        "doc 1 direct",
        "doc 1 indirect",
        "doc 2 direct",
    ]


def test_pronouns_and_descriptions_name_no_actor(store: Store) -> None:
    """'they' and 'the group' stand for actors in their article only: no lookup key, no alias."""
    doc = document(1)
    they_nusra = ActorRef("NUSRA", "Jabhat al-Nusra", "armed_group", None, "they")
    they_tur = ActorRef("TUR_MIL", "Turkish Armed Forces", "military", "TUR", "they")
    group = ActorRef("NUSRA", "Jabhat al-Nusra", "armed_group", None, "the group")
    rec = ExtractRecord(
        doc.doc_id,
        doc.source,
        Article(0, "primary", "Title", "text"),
        actors=[NUSRA, they_nusra, they_nusra, group, TUR, they_tur],
        events=EVENTS[:4],
    )
    store.save_document(doc, [rec])
    assert store.query_events(actor="they") == []
    assert store.find_actors("They") == [] and store.get_actor("the group") is None
    assert [a.id for a in store.similar_actors("the group")] == ["NUSRA"]  # offered as "did you mean"
    assert store.similar_actors("they") == []  # but not for a pronoun
    assert [a.id for a in store.similar_actors("Sergei Lavrov")] == ["LAVROV"]  # transliteration
    (nusra,) = store.query_actors(name="nusra")
    assert nusra.aliases == ["al-Nusra Front"]
    assert nusra.mentions == 4  # every mention still counts


def test_a_shared_name_finds_every_actor_seen_under_it(store: Store) -> None:
    doc = document(1)
    gov = ActorRef("SYR_GOV", "Syrian government", "government", "SYR", "Damascus")
    state = ActorRef("SYR", "Syria", "state", "SYR", "Damascus")
    rec = ExtractRecord(
        doc.doc_id, doc.source, Article(0, "primary", "T", "text"), actors=[gov, gov, state, state, state]
    )
    store.save_document(doc, [rec])
    assert [a.id for a in store.find_actors("damascus")] == ["SYR", "SYR_GOV"]  # most seen under it first
    assert [a.id for a in store.find_actors("Syria")] == ["SYR"]  # a canonical name decides alone
    assert store.get_actor("DAMASCUS").id == "SYR"


def test_place_by_a_mention_the_places_stage_geocoded(store: Store) -> None:
    """A name the gazetteer does not know finds the events of the place it was geocoded to."""
    village = Place("Qaryat Zeta", "Zeta village", 35.5, 38.5, "SYR", None, 990000001, "PPL")
    doc = document(1)
    at_village = ev("ASSAULT", "2016-06-01", location=village)
    rec = ExtractRecord(
        doc.doc_id,
        doc.source,
        Article(0, "primary", "Title", "text"),
        events=[at_village, EVENTS[0]],
        places=[village],
    )
    store.save_document(doc, [rec])
    assert sentences(store.query_events(place="zeta  Village")) == [at_village.sentence]
    assert sentences(store.query_events(place="Qaryat Zeta")) == [at_village.sentence]
    assert store.query_events(place="Zeta") == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 1),  # EVENTS[3], AGREE with no date
        ({"type": "agree"}, 1),
        ({"type": ["ASSAULT", "ACCUSE"]}, 0),
        ({"actor": "turkish troops"}, 1),
        ({"actor": "NUSRA"}, 0),
        ({"actor": "nobody"}, 0),
        ({"place": "SYR"}, 0),
    ],
)
def test_count_undated_events(filled: Store, filters: dict[str, object], expected: int) -> None:
    assert filled.count_undated_events(**filters) == expected  # type: ignore[arg-type]
