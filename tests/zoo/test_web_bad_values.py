"""Every URL parameter of every route of a real `ceasefire serve`, with bad values: HTTP 400
with the security headers, never a 500 or a traceback.

The routes and their parameters are read from the app itself (``create_app(...).routes``), so
a new route or parameter is covered as soon as it exists. An HTML page takes the parameters
its JSON twin declares (the filters are read by one parser for both).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute

from ceasefire.web import create_app
from ceasefire.web.app import SECURITY_HEADERS
from ceasefire.web.filters import MAX_VALUE_LEN, Filters

from .conftest import Served

HEADERS = [k.decode() for k, _ in SECURITY_HEADERS]
INT_BAD = ("-1", "abc", "1.5", "", str(2**63), "99999999999999999999999", "1e3")
FILTER_BAD = {
    "since": ("2019-02-30", "2019-13", "20190101", "yesterday"),
    "until": ("2019-02-30", "2019-00", "2019-1-1"),
    "type": ("FOO", "ASSAULT,BOGUS"),
    "min_confidence": ("2", "-0.5", "abc", "nan"),
}
TOO_LONG = "x" * (MAX_VALUE_LEN + 1)
# Where a path parameter with a bad value has nothing to show: 404 is the right answer.
NOT_FOUND_OK = {"actor_id", "article_id"}


def _routes(db: Path) -> list[APIRoute]:
    app = create_app(str(db))
    return [r for r in app.routes if isinstance(r, APIRoute) and "GET" in r.methods]


def _params(route: APIRoute, by_path: dict[str, APIRoute]) -> dict[str, Any]:
    """name -> (where, annotation) of the parameters a route reads: its own, and the filters
    (all of Filters.names(), read by Filters.parse) when it or its JSON twin declares one."""
    out: dict[str, Any] = {p.name: ("query", p.field_info.annotation) for p in route.dependant.query_params}
    twin = by_path.get("/overview.json" if route.path == "/" else route.path + ".json")
    declared = set(out) | {p.name for p in twin.dependant.query_params} if twin else set(out)
    if declared & (set(Filters.names()) - {"q"}):  # (q alone is the actor or article search)
        for name in Filters.names():
            out.setdefault(name, ("query", str))
    for p in route.dependant.path_params:
        out[p.name] = ("path", p.field_info.annotation)
    return out


def _bad(name: str, where: str, annotation: Any) -> list[str]:
    if annotation is int:  # an empty path segment is another route, not a bad id
        return [v for v in INT_BAD if v or where == "query"]
    return [*FILTER_BAD.get(name, ()), TOO_LONG]


def _url(route: APIRoute, where: str, name: str, value: str) -> str:
    if where == "path":
        path = route.path.replace("{" + name + "}", quote(value, safe="")).replace(":path}", "}")
        return path.replace("{" + name + "}", quote(value, safe=""))
    fill = {"event_id": "1", "actor_id": "ISIS", "article_id": "x"}
    path = route.path
    for key, val in fill.items():
        path = path.replace("{" + key + "}", val).replace("{" + key + ":path}", val)
    return f"{path}?{name}={quote(value, safe='')}"


def _cases(db: Path) -> list[tuple[str, str, str, str]]:
    routes = _routes(db)
    by_path = {r.path: r for r in routes}
    cases = []
    for route in routes:
        for name, (where, annotation) in sorted(_params(route, by_path).items()):
            for value in _bad(name, where, annotation):
                cases.append((route.path, name, value, _url(route, where, name, value)))
    return cases


@pytest.fixture(scope="module")
def cases(query_db: Path) -> list[tuple[str, str, str, str]]:
    return _cases(query_db)


def test_every_route_and_parameter_is_enumerated(cases: list[tuple[str, str, str, str]]) -> None:
    routes = {c[0] for c in cases}
    assert {"/", "/events", "/events.json", "/events/{event_id}", "/articles.json", "/map.json"} <= routes
    params = {c[1] for c in cases}
    assert {
        "since",
        "until",
        "type",
        "actor",
        "place",
        "claimant",
        "outlet",
        "q",
        "offset",
        "limit",
    } <= params
    assert len(cases) > 150


def test_bad_values_are_400_with_the_security_headers(
    served: Served, cases: list[tuple[str, str, str, str]]
) -> None:
    wrong = []
    for route, name, _value, url in cases:
        status, headers, body = served.get(url)
        missing = [h for h in HEADERS if h not in headers]
        ok = status == 400 or (status == 404 and name in NOT_FOUND_OK)
        if not ok or missing or b"Traceback" in body:
            wrong.append(f"{url[:120]} -> {status} {body[:160]!r} missing headers {missing}")
            continue
        if route.endswith(".json") and status == 400:
            detail = json.loads(body)["detail"]
            assert isinstance(detail, str) and detail, url
    assert not wrong, f"{len(wrong)} of {len(cases)} bad requests not refused cleanly:\n" + "\n".join(
        wrong[:40]
    )
