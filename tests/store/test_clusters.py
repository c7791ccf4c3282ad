"""Event clusters on a real store (SQLite and PostgreSQL): reports of one event from several
outlets are one cluster with its source counts and conflicting figures; other events, other
places and other days stay apart; unlinkable events are counted; ids are stable; merges and
deletions are recorded for --changed-since."""

from __future__ import annotations

from ceasefire.models import ActorRef, Article, Casualty, Document, Event, ExtractRecord, Place
from ceasefire.store import Store, open_store

SYR_MIL = ActorRef("SYR_MIL", "Syrian Armed Forces", "military", "SYR")
SYR_GOV = ActorRef("SYR_GOV", "Government of Syria", "government", "SYR")
RUS_MIL = ActorRef("RUS_MIL", "Russian Armed Forces", "military", "RUS")
REBELS = ActorRef("SYR_REB", "Syrian armed opposition", "armed_group", "SYR")
SOHR = ActorRef("SOHR", "Syrian Observatory for Human Rights", "ngo", "GBR")
SANA = ActorRef("SANA", "SANA", "media", "SYR")
DOUMA = Place("Douma", "Douma", 33.5715, 36.4023, "SYR", "Rif Dimashq", 170017, "PPL")
HARASTA = Place("Harasta", "Harasta", 33.5586, 36.365, "SYR", "Rif Dimashq", 170016, "PPL")  # 4 km away
IDLIB = Place("Idlib", "Idlib", 35.9306, 36.6339, "SYR", "Idlib", 169389, "PPLA")
SYRIA = Place("Syria", "Syria", 35.0, 38.0, "SYR", None, 163843, "PCLI")


def _killed(n: int, claimant: ActorRef | None) -> list[Casualty]:
    return [Casualty(kind="killed", low=n, best=n, high=None, group="civilians", claimant=claimant)]


def ev(
    type_: str = "ASSAULT",
    *,
    src=SYR_MIL,
    tgt=REBELS,
    loc=DOUMA,
    day="2016-03-01",
    claimant=None,
    killed=None,
):
    return Event(
        type=type_,
        sentence="x",
        start=0,
        end=1,
        source=src,
        target=tgt,
        location=loc,
        date=day,
        date_precision="day" if day and len(day) == 10 else "month" if day else "none",
        date_start={4: f"{day}-01-01", 7: f"{day}-01", 10: day}.get(len(day)) if day else None,
        date_end={4: f"{day}-12-31", 7: f"{day}-28", 10: day}.get(len(day)) if day else None,
        claimant=claimant,
        casualties=_killed(killed, claimant) if killed is not None else [],
    )


def save(
    store: Store, name: str, publisher: str, events: list[Event], text: str | None = None
) -> ExtractRecord:
    text = text or f"Report {name} by {publisher}: " + " ".join(f"word{name}{i}" for i in range(60))
    doc = Document(source=f"/news/{name}.txt", data=f"{name}|{text}".encode(), media_type="text", meta={})
    art = Article(index=0, role="primary", title=name, text=text, publisher=publisher, published="2016-03-02")
    rec = ExtractRecord(doc_id=doc.doc_id, source=doc.source, article=art, events=events)
    assert store.save_document(doc, [rec])
    return rec


def clusters(store: Store) -> list[list[tuple[str, int]]]:
    """Each cluster as its sorted (article title, event order) reports."""
    rows = store._all(
        "SELECT l.cluster_id, a.title, e.ord FROM event_links l JOIN events e ON e.id = l.event_id "
        "JOIN articles a ON a.article_id = e.article_id WHERE l.cluster_id IS NOT NULL ORDER BY 1, 2, 3"
    )
    by: dict[str, list[tuple[str, int]]] = {}
    for cid, title, o in rows:
        by.setdefault(cid, []).append((title, o))
    return sorted(by.values())


def test_one_event_from_three_outlets(store: Store) -> None:
    save(store, "afp", "AFP", [ev(claimant=SOHR, killed=9), ev("ACCUSE", src=REBELS, tgt=SYR_GOV)])
    save(store, "sana", "SANA", [ev(src=SYR_GOV, loc=HARASTA, claimant=SANA, killed=3)])
    save(store, "bbc", "BBC", [ev(tgt=None, claimant=SOHR, killed=9), ev(loc=IDLIB), ev(day="2016-03-09")])
    assert clusters(store) == sorted(
        [
            [("afp", 0), ("bbc", 0), ("sana", 0)],
            [("afp", 1)],
            [("bbc", 1)],
            [("bbc", 2)],
        ]
    )
    cid = store.cluster_of_event(store._all("SELECT min(id) FROM events")[0][0])
    c = store.get_cluster(cid)
    assert c["num_mentions"] == 3 and c["num_sources"] == 3 and c["num_independent_sources"] == 3
    assert (c["date_start"], c["date_end"], c["country"], c["type"]) == (
        "2016-03-01",
        "2016-03-01",
        "SYR",
        "ASSAULT",
    )
    # conflicting death tolls, each with its claimant: never averaged, never merged
    tolls = sorted((x["value"], x["claimant"], x["outlet"]) for x in c["conflicts"]["fatalities"])
    assert tolls == [(3, "SANA", "SANA"), (9, "SOHR", "AFP"), (9, "SOHR", "BBC")]
    assert sorted({x["value"] for x in c["conflicts"]["accused"]}) == ["SYR_GOV", "SYR_MIL"]
    assert "date" not in c["conflicts"]


def test_copies_are_one_independent_source(store: Store) -> None:
    wire = "Government shelling of Douma killed nine civilians on Tuesday, a monitor said. " * 4 + " ".join(
        f"detail{i}" for i in range(40)
    )
    save(store, "wire", "AFP", [ev(claimant=SOHR)], text=wire)
    save(store, "repost", "Daily Repost", [ev(claimant=SOHR)], text=wire + " Share this.")
    save(store, "own", "Reuters", [ev(claimant=SOHR)])
    (c,) = [store.get_cluster(r[0]) for r in store._all("SELECT cluster_id FROM event_clusters")]
    assert c["num_sources"] == 3 and c["num_independent_sources"] == 2


def test_country_level_report_joins_and_month_report_is_weaker(store: Store) -> None:
    save(store, "a", "A", [ev()])
    save(store, "b", "B", [ev(loc=SYRIA)])  # "in Syria" on that day, same actors
    save(store, "c", "C", [ev(day="2016-03", src=RUS_MIL, tgt=None)])  # a month, another accused
    assert clusters(store) == [[("a", 0), ("b", 0)], [("c", 0)]]


def test_unlinkable_events_are_counted(store: Store) -> None:
    hypo = ev()
    hypo.status = "hypothetical"
    save(store, "a", "A", [ev(day=None), ev(loc=None), hypo, ev(day="2016"), ev()])
    counts = store.link_counts()
    assert counts == {
        "clusters": 1,
        "linked": 1,
        "unlinkable: no date": 1,
        "unlinkable: no place": 1,
        "unlinkable: not a reported act": 1,
        "unlinkable: date vaguer than a month": 1,
    }


def test_ids_are_stable_across_databases(tmp_path) -> None:
    def build(path: str) -> list[str]:
        with open_store(path) as st:
            save(st, "a", "A", [ev()])
            save(st, "b", "B", [ev(), ev(loc=IDLIB)])
            return sorted(r[0] for r in st._all("SELECT cluster_id FROM event_clusters"))

    assert build(str(tmp_path / "one.db")) == build(str(tmp_path / "two.db"))


def test_bridging_report_merges_and_changes_are_listed(store: Store) -> None:
    save(store, "a", "A", [ev(tgt=None, day="2016-03-01")])
    t0 = store._all("SELECT max(updated_at) FROM event_clusters")[0][0]
    save(store, "b", "B", [ev(tgt=None, day="2016-03-03")])
    assert len(clusters(store)) == 2  # two days apart: two events
    first, second = sorted(r[0] for r in store._all("SELECT cluster_id FROM event_clusters"))
    # a report of the month at the same town by the same accused joins both, merging them
    save(store, "c", "C", [ev(tgt=None, day="2016-03")])
    (only,) = clusters(store)
    assert len(only) == 3
    ch = store.cluster_changes(t0)
    assert len(ch["deleted"]) == 1 and ch["deleted"][0]["change"] == "merged"
    survivor = ch["deleted"][0]["replaced_by"][0]
    assert {ch["deleted"][0]["cluster_id"], survivor} == {first, second}
    assert [c["cluster_id"] for c in ch["new"] + ch["modified"]] == [survivor]
    # deleting the documents of a cluster's reports deletes it and says so
    t1 = store._all("SELECT max(at) FROM event_cluster_history")[0][0]
    for name in ("a", "b", "c"):
        doc = store._all("SELECT doc_id FROM articles WHERE title = ?", (name,))[0][0]
        store.delete_document(doc)
    ch = store.cluster_changes(t1)
    assert [(d["cluster_id"], d["change"]) for d in ch["deleted"]] == [(survivor, "deleted")]
    assert store._all("SELECT count(*) FROM event_clusters")[0][0] == 0


def test_vague_report_joins_one_cluster_and_merges_none(store: Store) -> None:
    save(store, "a", "A", [ev(tgt=None)])
    save(store, "b", "B", [ev(src=RUS_MIL, tgt=None, loc=HARASTA)])  # another accused: another event
    assert len(clusters(store)) == 2
    rif = Place("Rif Dimashq", "Rif Dimashq", 33.6, 36.6, "SYR", "Rif Dimashq", 2, "ADM1")
    save(store, "v", "V", [ev(src=None, tgt=None, loc=rif)])  # a region, no actors: fits both
    assert sorted(len(c) for c in clusters(store)) == [1, 2]


def test_backfill_links_an_older_store_once(store: Store) -> None:
    save(store, "a", "A", [ev()])
    save(store, "b", "B", [ev()])
    want = clusters(store)
    with store._transaction():
        store._execute("DELETE FROM event_links")
        store._execute("DELETE FROM event_clusters")
    assert store.link_unlinked_events() == 2
    assert clusters(store) == want
    assert store.link_unlinked_events() == 0
