"""The web UI and its JSON twins, in process (FastAPI TestClient) over a
synthetic store whose expected answers are computed here from the records."""

from __future__ import annotations

import html
import re
import sqlite3
from collections import Counter
from typing import Any

import pytest

from ceasefire.models import Event, ExtractRecord
from ceasefire.store import open_store
from ceasefire.web.queries import NotAStoreError, Reader

from .conftest import SyntheticStore


def _all(s: SyntheticStore) -> list[tuple[ExtractRecord, Event]]:
    recs = [*s.records, s.hostile, s.twin_a, s.twin_b]
    return [(r, e) for r in recs for e in r.events]


def _matches(rec: ExtractRecord, ev: Event, f: dict[str, str]) -> bool:
    if "type" in f and ev.type != f["type"]:
        return False
    if "actor" in f and f["actor"] not in {x.id for x in (ev.source, ev.target) if x}:
        return False
    if "place" in f and not (
        ev.location
        and (ev.location.name.lower() == f["place"].lower() or ev.location.country == f["place"].upper())
    ):
        return False
    if "claimant" in f and not (ev.claimant and ev.claimant.id == f["claimant"]):
        return False
    if "outlet" in f and (rec.article.publisher or "").lower() != f["outlet"].lower():
        return False
    if "since" in f and not (ev.date and ev.date >= f["since"]):
        return False
    if "until" in f and not (ev.date and ev.date[: len(f["until"])] <= f["until"]):
        return False
    if "q" in f and not re.search(rf"\b{re.escape(f['q'].lower())}\b", rec.article.text.lower()):
        return False
    return True


FILTER_CASES = [
    {"type": "ASSAULT"},
    {"actor": "ISIS"},
    {"place": "Aleppo"},
    {"place": "UKR"},
    {"claimant": "SOHR"},
    {"outlet": "Daily Frontline"},
    {"since": "2016-02-01", "until": "2016-02-29"},
    {"since": "2016-06"},
    {"until": "2016-02"},
    {"q": "Daesh"},
    {"type": "ACCUSE", "place": "SYR", "claimant": "RUS_MOD"},
]


@pytest.mark.parametrize("f", FILTER_CASES, ids=lambda f: "&".join(f"{k}={v}" for k, v in f.items()))
def test_a_filter_narrows_every_panel(client: Any, synthetic: SyntheticStore, f: dict[str, str]) -> None:
    expected = [(r, e) for r, e in _all(synthetic) if _matches(r, e, f)]
    assert 0 < len(expected) < len(_all(synthetic)), "a filter case must select some but not all events"
    ov = client.get("/overview.json", params=f).json()
    assert ov["filters"] == f
    assert ov["counts"]["events"] == len(expected)
    assert ov["counts"]["articles"] == len({r.article_id for r, _ in expected})
    assert ov["counts"]["geocoded"] == sum(
        1 for _, e in expected if e.location and e.location.lat is not None
    )
    # timeline: every day-precise matching event, once
    assert sum(d["count"] for d in ov["timeline"]) == sum(1 for _, e in expected if e.date_precision == "day")
    if "type" in f:
        assert {d["type"] for d in ov["timeline"]} == {f["type"]}
    # top actors: each count right, and they are the largest counts
    actor_counts = Counter(x.id for _, e in expected for x in (e.source, e.target) if x)
    assert ov["top_actors"], "matching events have actors"
    for a in ov["top_actors"]:
        assert a["count"] == actor_counts[a["id"]]
    assert (
        sorted((a["count"] for a in ov["top_actors"]), reverse=True)
        == sorted(actor_counts.values(), reverse=True)[: len(ov["top_actors"])]
    )
    place_counts = Counter(e.location.name for _, e in expected if e.location)
    for p in ov["top_places"]:
        assert p["count"] == place_counts[p["name"]]
    assert [p["count"] for p in ov["top_places"]] == sorted(place_counts.values(), reverse=True)[
        : len(ov["top_places"])
    ]
    # latest events and the event list obey the filter
    ids = {e["id"] for e in ov["events"]}
    assert ov["events"] and all(_event_ok(e, f) for e in ov["events"])
    ev_list = client.get("/events.json", params={**f, "limit": 1000}).json()
    assert ev_list["total"] == len(expected) == len(ev_list["events"])
    assert ids <= {e["id"] for e in ev_list["events"]}
    # the map
    fc = client.get("/map.json", params=f).json()
    assert len(fc["features"]) == ov["counts"]["geocoded"]
    assert {ft["properties"]["id"] for ft in fc["features"]} <= {e["id"] for e in ev_list["events"]}
    # the HTML overview shows the same numbers and keeps the filter in its links
    page = client.get("/", params=f).text
    assert f'data-count="events">{len(expected)}<' in page
    first = next(iter(f.items()))
    assert html.escape(f"{first[0]}={first[1]}".replace(" ", "+")) in page


def _event_ok(e: dict[str, Any], f: dict[str, str]) -> bool:
    if "type" in f and e["type"] != f["type"]:
        return False
    if "actor" in f and f["actor"] not in {(e["source"] or {}).get("id"), (e["target"] or {}).get("id")}:
        return False
    if "claimant" in f and (e["claimant"] or {}).get("id") != f["claimant"]:
        return False
    if "outlet" in f and e["publisher"] != f["outlet"]:
        return False
    return True


def test_unfiltered_overview_counts_everything(client: Any, synthetic: SyntheticStore) -> None:
    ov = client.get("/overview.json").json()
    n = len(_all(synthetic))
    assert ov["counts"]["events"] == ov["totals"]["events"] == n
    assert ov["totals"]["articles"] == len(synthetic.records) + 3
    assert ov["facets"]["types"] == sorted({e.type for _, e in _all(synthetic)})


@pytest.mark.parametrize(
    "params, message",
    [
        ({"since": "yesterday"}, "is not a date"),
        ({"until": "2016-13-45x"}, "is not a date"),
        ({"until": "2019-02-30"}, "is not a valid date"),  # refused with the CLI's rule
        ({"since": "2016-07", "until": "2016-06"}, "is after until"),
        ({"type": "NOPE"}, "is not one of"),  # the CLI refuses it too
        ({"min_confidence": "2"}, "not between 0 and 1"),
    ],
)
def test_bad_filters_are_reported(client: Any, params: dict[str, str], message: str) -> None:
    r = client.get("/overview.json", params=params)
    assert r.status_code == 400
    h = client.get("/", params=params)
    assert h.status_code == 400
    assert message in r.json()["detail"] and message in h.text


def _first_ids(client: Any) -> dict[str, str]:
    ev = client.get("/events.json", params={"actor": "ISIS", "limit": 1}).json()["events"][0]
    return {"event": str(ev["id"]), "article": ev["article_id"], "actor": "ISIS"}


@pytest.mark.parametrize(
    "html_path, json_path, key",
    [
        ("/", "/overview.json", "counts"),
        ("/events", "/events.json", "events"),
        ("/events/{event}", "/events/{event}.json", "event"),
        ("/actors", "/actors.json", "actors"),
        ("/actors/{actor}", "/actors/{actor}.json", "aliases"),
        ("/articles", "/articles.json", "articles"),
        ("/articles/{article}", "/articles/{article}.json", "article"),
    ],
)
def test_every_page_has_a_json_twin(client: Any, html_path: str, json_path: str, key: str) -> None:
    ids = _first_ids(client)
    h = client.get(html_path.format(**ids))
    j = client.get(json_path.format(**ids))
    assert h.status_code == 200 and h.headers["content-type"].startswith("text/html")
    assert j.status_code == 200 and j.headers["content-type"].startswith("application/json")
    assert key in j.json()
    assert f'href="{json_path.format(**ids)}' in h.text, "the HTML page links its JSON twin"


def test_openapi_documents_the_json_api(client: Any) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/overview.json",
        "/map.json",
        "/events.json",
        "/events/{event_id}.json",
        "/actors.json",
        "/actors/{actor_id}.json",
        "/articles.json",
        "/articles/{article_id}.json",
        "/events.csv",
        "/events.jsonl",
    } <= paths
    data = (".json", ".csv", ".jsonl")  # JSON twins and the events' downloads
    assert all(p.endswith(data) for p in paths), "HTML pages are not part of the API schema"
    ov = schema["paths"]["/overview.json"]["get"]
    assert {p["name"] for p in ov["parameters"]} >= {
        "since",
        "until",
        "type",
        "actor",
        "place",
        "claimant",
        "outlet",
        "q",
    }
    assert "$ref" in ov["responses"]["200"]["content"]["application/json"]["schema"]
    assert "EventOut" in schema["components"]["schemas"]
    api = client.get("/api").text
    assert "/events/{event_id}.json" in api


def test_event_page_highlights_its_sentence(client: Any, synthetic: SyntheticStore) -> None:
    for event_id in (1, 2, 57):
        j = client.get(f"/events/{event_id}.json").json()
        ev, art, hl = j["event"], j["article"], j["highlight"]
        assert art["text"][hl["start"] : hl["end"]] == ev["sentence"]
        page = client.get(f"/events/{event_id}").text
        assert (
            f'<mark class="sentence" id="hl" title="source sentence">{html.escape(ev["sentence"])}</mark>'
            in page
        )
        for shown in (
            ev["type"],
            ev["mode"],
            ev["date"],
            ev["date_precision"],
            ev["status"],
            ev["claimant"]["name"],
            ev["source"]["name"],
            ev["target"]["name"],
            ev["location"]["name"],
            f"{ev['confidence']:.2f}",
        ):
            if shown is None:
                continue
            assert html.escape(str(shown)) in page


def test_event_page_lists_other_reports_of_the_same_event(client: Any) -> None:
    a = client.get("/events.json", params={"outlet": "Twin Wire"}).json()["events"][0]
    j = client.get(f"/events/{a['id']}.json").json()
    assert [e["publisher"] for e in j["same_event"]] == ["Twin Times"]
    page = client.get(f"/events/{a['id']}").text
    same = page[page.index('id="same-event"') :]
    assert "Twin Times" in same


def test_event_page_says_when_no_other_report(client: Any) -> None:
    a = client.get("/events.json", params={"outlet": "Evil<Outlet>"}).json()["events"][0]
    assert client.get(f"/events/{a['id']}.json").json()["same_event"] == []
    assert "No other article in the store reports this event." in client.get(f"/events/{a['id']}").text


def test_actor_page_lists_aliases_events_and_quotes(client: Any, synthetic: SyntheticStore) -> None:
    aliases = Counter(a.mention for r in synthetic.records for a in r.actors if a.id == "ISIS")
    j = client.get("/actors/ISIS.json").json()
    assert j["actor"]["name"] == "Islamic State" and j["actor"]["kind"] == "armed_group"
    assert {a["mention"]: a["count"] for a in j["aliases"]} == dict(aliases)
    counts = [a["count"] for a in j["aliases"]]
    assert counts == sorted(counts, reverse=True)
    as_src = sum(1 for _, e in _all(synthetic) if e.source and e.source.id == "ISIS")
    as_tgt = sum(1 for _, e in _all(synthetic) if e.target and e.target.id == "ISIS")
    assert len(j["events_as_source"]) == min(as_src, 100) and len(j["events_as_target"]) == min(as_tgt, 100)
    assert sum(d["count"] for d in j["timeline"] if d["type"] == "as source") == as_src
    page = client.get("/actors/ISIS").text
    box = page[page.index('id="aliases"') : page.index("Events over time")]
    for mention in aliases:
        assert f'<td class="alias">{html.escape(mention)}</td>' in box
    # quotes by an actor
    n_quotes = sum(1 for r in synthetic.records for q in r.quotes if q.speaker and q.speaker.id == "SOHR")
    assert n_quotes > 0
    assert len(client.get("/actors/SOHR.json").json()["quotes"]) == n_quotes
    # by canonical name too
    assert client.get("/actors/islamic state.json").json()["actor"]["id"] == "ISIS"
    assert client.get("/actors/NOBODY.json").status_code == 404


def test_article_page_highlights_and_shows_what_was_removed(client: Any, synthetic: SyntheticStore) -> None:
    rec = synthetic.records[0]
    j = client.get(f"/articles/{rec.article_id}.json").json()
    assert j["article"]["text"] == rec.article.text and j["article"]["removed"] == rec.article.removed
    assert len(j["events"]) == len(rec.events)
    page = client.get(f"/articles/{rec.article_id}").text
    removed = page[page.index('<details class="removed"') : page.index("</details>")]
    assert all(html.escape(line) in removed for line in rec.article.removed)
    assert f'<mark class="place" title="place: {rec.places[0].name}">{rec.places[0].mention}</mark>' in page
    first = rec.actors[0]
    assert (
        f'<mark class="actor" title="actor: {html.escape(first.name)}">{html.escape(first.mention or "")}</mark>'
        in page
    )
    assert '<mark class="date" title="date">' in page


def test_full_text_search_of_articles(client: Any, synthetic: SyntheticStore) -> None:
    got = client.get("/articles.json", params={"q": "Daesh", "limit": 1000}).json()["articles"]
    want = {r.article_id for r in synthetic.records if re.search(r"\bdaesh\b", r.article.text.lower())}
    assert {a["article_id"] for a in got} == want
    assert client.get("/articles.json", params={"q": "-"}).json()["articles"] == []


def test_empty_store_says_so_politely(tmp_path: Any) -> None:
    from fastapi.testclient import TestClient

    from ceasefire.web import create_app

    path = tmp_path / "empty.db"
    open_store(str(path)).close()
    c = TestClient(create_app(str(path)))
    ov = c.get("/overview.json").json()
    assert ov["counts"]["events"] == 0 and ov["timeline"] == [] and ov["top_actors"] == []
    page = c.get("/").text
    for polite in (
        "no coded events yet",
        "No actors in the matching events.",
        "No events match these filters.",
        "No events with a day-precise date match these filters.",
    ):
        assert polite in page
    assert "No actors stored yet." in c.get("/actors").text
    assert "No articles stored yet." in c.get("/articles").text
    assert c.get("/map.json").json()["features"] == []


def test_missing_or_foreign_database_is_refused(tmp_path: Any) -> None:
    from ceasefire.web import create_app

    with pytest.raises(FileNotFoundError):
        create_app(str(tmp_path / "nope.db"))
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(NotAStoreError):
        create_app(str(other))


def test_the_app_reads_only(client: Any, synthetic: SyntheticStore) -> None:
    assert client.post("/", data={"x": 1}).status_code == 405
    assert client.delete("/events/1.json").status_code == 405
    reader = Reader(synthetic.path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.connection().execute("DELETE FROM events")


def test_security_headers(client: Any) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in r.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_map_assets_are_served_locally(client: Any) -> None:
    from ceasefire.web.app import node_modules

    if not (node_modules() / "leaflet" / "dist" / "leaflet.js").is_file():
        pytest.skip("map assets not installed: run `npm ci` in the project folder")
    page = client.get("/").text
    assert '<script src="/assets/leaflet/leaflet.js"></script>' in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", page), "no CDN at run time"
    assert client.get("/assets/leaflet/leaflet.js").status_code == 200
    assert client.get("/assets/markercluster/leaflet.markercluster.js").status_code == 200
    assert client.get("/favicon.ico").status_code == 200
    gj = client.get("/outlines.geojson").json()
    assert len(gj["features"]) > 150


def test_timeline_bars_open_the_overview_of_their_dates(client: Any) -> None:
    ov = client.get("/overview.json", params={"type": "ASSAULT"}).json()
    page = client.get("/", params={"type": "ASSAULT"}).text
    links = re.findall(r'<a href="/\?([^"]+)"><rect class="bar"', page)
    assert links
    params = dict(p.split("=", 1) for p in html.unescape(links[0]).split("&"))
    assert params["type"] == "ASSAULT"
    narrowed = client.get("/overview.json", params=params).json()
    want = sum(d["count"] for d in ov["timeline"] if params["since"] <= d["day"] <= params["until"])
    assert narrowed["counts"]["events"] == want > 0


@pytest.mark.parametrize("actor_id", ["UN/OCHA", "ÖRK 2", "al-Nusra (JFS)"])
def test_actor_ids_with_any_characters_have_pages(tmp_path: Any, actor_id: str) -> None:
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    from ceasefire.models import ActorRef, Article, Document, Event
    from ceasefire.web import create_app

    path = tmp_path / "ids.db"
    doc = Document(source="ids", data=actor_id.encode(), media_type="text")
    ref = ActorRef(actor_id, f"Actor {actor_id}", "igo", None, "OCHA", 0, 4)
    rec = ExtractRecord(
        doc.doc_id,
        "ids",
        Article(0, "primary", "t", "OCHA said."),
        [ref],
        [Event("ACCUSE", "OCHA said.", 0, 10, source=ref)],
    )
    with open_store(str(path)) as store:
        store.save_document(doc, [rec])
    c = TestClient(create_app(str(path)))
    j = c.get(f"/actors/{quote(actor_id, safe='')}.json")
    assert j.status_code == 200 and j.json()["actor"]["id"] == actor_id
    page = c.get(f"/actors/{quote(actor_id, safe='')}")
    assert page.status_code == 200 and html.escape(f"Actor {actor_id}") in page.text
    # the overview links to the page it can open
    link = re.search(r'href="(/actors/[^"]+)" title="actor page"', c.get("/").text)
    assert link and c.get(html.unescape(link.group(1))).status_code == 200


def test_names_seen_are_names_not_pronouns(tmp_path: Any) -> None:
    from fastapi.testclient import TestClient

    from ceasefire.models import ActorRef, Article, Document
    from ceasefire.web import create_app

    text = "Bashar al-Assad spoke. He said his army, Assad's pride, would win; al Assad and Assad smiled."
    spans = [(m, text.index(m)) for m in ("Bashar al-Assad", "He", "his", "Assad's", "al Assad")]
    spans.append(("Assad", text.rindex("Assad")))
    refs = [ActorRef("ASSAD", "Bashar al-Assad", "person", "SYR", m, i, i + len(m)) for m, i in spans]
    refs.append(ActorRef("ASSAD", "Bashar al-Assad", "person", "SYR", "al-Assad", 7, 15))
    doc = Document(source="names", data=text.encode(), media_type="text")
    rec = ExtractRecord(doc.doc_id, "names", Article(0, "primary", "t", text), refs, [])
    path = tmp_path / "names.db"
    with open_store(str(path)) as store:
        store.save_document(doc, [rec])
    j = TestClient(create_app(str(path))).get("/actors/ASSAD.json").json()
    seen = {a["mention"]: a["count"] for a in j["aliases"]}
    assert not {"He", "his"} & set(seen), seen
    # "al-Assad" and "al Assad" are one name, counted together
    assert sum(1 for m in seen if m.replace("-", " ") == "al Assad") == 1 and 2 in seen.values(), seen
    assert "Bashar al-Assad" in seen and "Assad" in seen
