"""Issue 12: the same filter gives the same events through every surface.

Each filter runs through the store's query and its paged iteration, ``ceasefire
events``, ``ceasefire export``, the web's events JSON (all pages), its events page,
its overview and map, and the report; all must list the same events. For the
filters the issue found broken (the web answered ``actor=Assad`` with 0 where the
CLI found 99), the expected events are also computed here from the records.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ceasefire.cli import cli
from ceasefire.export import export_events
from ceasefire.models import Event, ExtractRecord
from ceasefire.query import EventQuery
from ceasefire.report import build_report
from ceasefire.store import open_store

from .records import fill

# (CLI options, web query parameters, a predicate on events when the answer is known)
Check = Callable[[Event, ExtractRecord], bool] | None


def _actor(*ids: str) -> Check:
    return lambda e, r: any(x is not None and x.id in ids for x in (e.source, e.target, e.claimant))


def _loc(pred: Callable[[Any], bool]) -> Check:
    return lambda e, r: e.location is not None and pred(e.location)


CASES: list[tuple[dict[str, str], Check]] = [
    ({"actor": "Assad"}, _actor("ASSAD")),
    ({"actor": "assad"}, _actor("ASSAD")),
    ({"actor": "Bashar al-Assad"}, _actor("ASSAD")),
    ({"actor": "bashar al assad"}, _actor("ASSAD")),
    ({"actor": "Nusra"}, _actor("NUSRA")),
    ({"actor": "HTS"}, _actor("HTS")),
    ({"actor": "Putin"}, _actor("PUTIN")),  # also as claimant
    ({"place": "Ghouta"}, _loc(lambda p: p.country == "SYR" and p.admin1 == "Rif Dimashq")),
    ({"place": "Syria"}, _loc(lambda p: p.country == "SYR")),
    ({"place": "SYR"}, _loc(lambda p: p.country == "SYR")),
    ({"place": "Halab"}, _loc(lambda p: p.name == "Aleppo")),
    ({"place": "Deir Ezzor"}, _loc(lambda p: p.name == "Deir ez-Zor")),
    ({"place": "Aleppo province"}, _loc(lambda p: p.admin1 == "Aleppo")),
    ({"place": "Idlib"}, _loc(lambda p: p.admin1 == "Idlib")),
    ({"place": "Russia"}, _loc(lambda p: p.country == "RUS")),
    ({"type": "assault,coerce"}, lambda e, r: e.type in ("ASSAULT", "COERCE")),
    ({"type": "ASSAULT"}, lambda e, r: e.type == "ASSAULT"),
    ({"claimant": "SOHR"}, lambda e, r: e.claimant is not None and e.claimant.id == "SOHR"),
    ({"claimant": "Syrian Observatory for Human Rights"}, None),
    ({"outlet": "guardian"}, lambda e, r: r.article.publisher == "The Guardian"),
    ({"outlet": "Reuters"}, lambda e, r: r.article.publisher == "Reuters"),
    ({"text": "chlorine"}, lambda e, r: "Chlorine" in r.article.text),
    ({"min_confidence": "0.7"}, lambda e, r: e.confidence >= 0.7),
    ({"since": "2018-03-01"}, None),
    ({"until": "2018-02"}, None),
    ({"since": "2018-02-25", "until": "2018-03-15"}, None),
    ({"since": "2018"}, None),
    ({"actor": "Assad", "type": "assault,coerce"}, None),
    ({"actor": "Nusra", "place": "Syria"}, None),
    ({"place": "Ghouta", "since": "2018-02"}, None),
    ({"actor": "Putin", "claimant": "Putin"}, None),
    ({"type": "ACCUSE", "outlet": "The Guardian", "min_confidence": "0.4"}, None),
    ({"actor": "HTS", "text": "chlorine"}, None),
    ({"place": "Aleppo province", "type": "assault,coerce", "until": "2018-04"}, None),
    ({}, lambda e, r: True),
]

WEB_NAME = {"text": "q"}


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[ExtractRecord]]:
    db = str(tmp_path_factory.mktemp("surfaces") / "feed.db")
    return db, fill(db)


@pytest.fixture(scope="module")
def web(feed: tuple[str, list[ExtractRecord]]) -> Any:
    from fastapi.testclient import TestClient

    from ceasefire.web import create_app

    with TestClient(create_app(feed[0])) as c:
        yield c


def _cli_args(filters: dict[str, str]) -> list[str]:
    return [a for k, v in filters.items() for a in (f"--{k.replace('_', '-')}", v)]


def _web_params(filters: dict[str, str]) -> dict[str, str]:
    return {WEB_NAME.get(k, k): v for k, v in filters.items()}


def _web_ids(web: Any, filters: dict[str, str]) -> tuple[list[int], int]:
    ids: list[int] = []
    total = -1
    while True:
        page = web.get("/events.json", params={**_web_params(filters), "offset": len(ids), "limit": 7}).json()
        total = page["total"]
        ids += [e["id"] for e in page["events"]]
        if not page["events"]:
            return ids, total


@pytest.mark.parametrize(("filters", "check"), CASES, ids=[json.dumps(c[0]) for c in CASES])
def test_every_surface_gives_the_same_events(
    feed: tuple[str, list[ExtractRecord]], web: Any, tmp_path: Path, filters: dict[str, str], check: Check
) -> None:
    db, recs = feed
    q = EventQuery(**{k: (float(v) if k == "min_confidence" else v) for k, v in filters.items()})
    with open_store(db) as store:
        want = [e.id for e in store.query_events(query=q)]
        assert [e.id for e in store.iter_events(query=q, page_size=4)] == want
        # the report over every date (by default it covers the most recent month with data)
        assert build_report(store, q, latest=False).n_events == len(want)
        buf = io.StringIO()
        export_events(store, "csv", buf, q)
        assert [int(r["event_id"]) for r in csv.DictReader(io.StringIO(buf.getvalue()))] == want
        geocoded = {e.id for e in store.query_events(query=q) if e.lat is not None}
    if check is not None:  # the answer known from the records themselves
        expected = sum(check(e, r) for r in recs for e in r.events)
        assert len(want) == expected > 0
    res = CliRunner().invoke(cli, ["events", "--db", db, "--format", "json", *_cli_args(filters)])
    assert res.exit_code == 0, res.output
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == want
    res = CliRunner().invoke(cli, ["export", "--db", db, "--format", "csv", *_cli_args(filters)])
    assert res.exit_code == 0, res.output
    assert [int(r["event_id"]) for r in csv.DictReader(io.StringIO(res.stdout))] == want
    ids, total = _web_ids(web, filters)
    assert ids == want and total == len(want)
    ov = web.get("/overview.json", params=_web_params(filters)).json()
    assert ov["counts"]["events"] == len(want)
    fc = web.get("/map.json", params=_web_params(filters)).json()
    assert {f["properties"]["id"] for f in fc["features"]} == geocoded
    page = web.get("/events", params=_web_params(filters))
    assert page.status_code == 200
    assert re.search(rf"\b{len(want):,} events?\b", page.text), "the events page shows the total"


def test_repeated_type_parameters_are_a_multi_select(web: Any) -> None:
    both = web.get("/events.json", params=[("type", "ASSAULT"), ("type", "COERCE")]).json()
    comma = web.get("/events.json", params={"type": "assault,coerce"}).json()
    assert both["total"] == comma["total"] > 0


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"actor": "Asad"}, ["No actor “Asad”", "did you mean", "Bashar al-Assad"]),
        ({"place": "Sarakib"}, ["No place “Sarakib”", "Saraqib"]),
        ({"outlet": "Guardain"}, ["No outlet “Guardain”", "The Guardian"]),
        ({"claimant": "Nobody At All"}, ["No claimant “Nobody At All” in this store."]),
    ],
)
def test_a_filter_that_matches_nothing_says_what_it_searched_for(
    web: Any, params: dict[str, str], shown: list[str]
) -> None:
    for path in ("/events", "/"):
        page = web.get(path, params=params)
        assert page.status_code == 200
        for text in shown:
            assert text in page.text, (path, text)
