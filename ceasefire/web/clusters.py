"""Event clusters on the web: one real-world event with every report of it and a table of
the figures the reports disagree on (``/clusters/{id}``), each with its JSON twin, and the
list of clusters reported by more than one source (``/clusters``). Registered by
:func:`add_routes`. The clusters are made at ingest (:mod:`ceasefire.store.clusters`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response

from . import queries as Q
from .filters import Filters

Page = Callable[..., HTMLResponse]
LIST_LIMIT = 100


@dataclass
class ClusterOut:
    cluster_id: str
    type: str
    date_start: str | None
    date_end: str | None
    country: str | None
    place: str | None
    num_mentions: int
    num_sources: int
    num_independent_sources: int
    canonical_event: int | None
    created_at: str
    updated_at: str


@dataclass
class ConflictOut:
    """One report's value of a field the reports disagree on, with who says it and where."""

    field: str
    value: Any
    claimant: str | None
    claimant_name: str | None
    outlet: str | None
    article_id: str
    event_id: int


@dataclass
class ClusterPage:
    cluster: ClusterOut
    reports: list[Q.EventOut]
    conflicts: list[ConflictOut] = field(default_factory=list)


@dataclass
class ClusterList:
    min_sources: int
    clusters: list[ClusterOut]


_COLS = (
    "cluster_id, type, date_start, date_end, country, place, num_mentions, num_sources, "
    "num_independent_sources, canonical_event, created_at, updated_at"
)


def _cluster(x: Any) -> ClusterOut:
    return ClusterOut(*(x[c.strip()] for c in _COLS.split(",")))


def has_clusters(r: Q.Reader) -> bool:
    return bool(getattr(r, "has_copies", False))  # both came with migration 0006


def cluster_list(r: Q.Reader, min_sources: int) -> ClusterList:
    if not has_clusters(r):
        return ClusterList(min_sources, [])
    rows = r.rows(
        f"SELECT {_COLS} FROM event_clusters WHERE num_sources >= ? "
        "ORDER BY num_independent_sources DESC, num_sources DESC, date_start DESC, cluster_id LIMIT ?",
        [min_sources, LIST_LIMIT],
    )
    return ClusterList(min_sources, [_cluster(x) for x in rows])


def cluster_page(r: Q.Reader, cluster_id: str) -> ClusterPage | None:
    if not has_clusters(r):
        return None
    x = r.one(f"SELECT {_COLS}, conflicts FROM event_clusters WHERE cluster_id = ?", [cluster_id])
    if x is None:
        return None
    reports = [
        Q._event(e)
        for e in r.rows(
            "SELECT " + Q._EVENT_COLS + Q._FROM + " JOIN event_links l ON l.event_id = e.id "
            "WHERE l.cluster_id = ? ORDER BY a.published, e.id",
            [cluster_id],
        )
    ]
    conflicts = [
        ConflictOut(
            name,
            c["value"],
            c.get("claimant"),
            c.get("claimant_name"),
            c.get("outlet"),
            c["article_id"],
            c["event_id"],
        )
        for name, claims in sorted(json.loads(x["conflicts"]).items())
        for c in claims
    ]
    return ClusterPage(_cluster(x), reports, conflicts)


def cluster_of_event(r: Q.Reader, event_id: int) -> str | None:
    if not has_clusters(r):
        return None
    x = r.one("SELECT cluster_id FROM event_links WHERE event_id = ?", [event_id])
    return x["cluster_id"] if x is not None else None


def add_routes(app: FastAPI, site: Any, page: Page, data: Callable[[Any], Response]) -> None:
    reader: Q.Reader = site.reader

    def one(cluster_id: str) -> ClusterPage:
        cp = cluster_page(reader, cluster_id)
        if cp is None:
            raise HTTPException(404, f"no event cluster {cluster_id}")
        return cp

    @app.get(
        "/clusters.json",
        response_model=ClusterList,
        tags=["clusters"],
        summary="Event clusters (one real-world event across reports), most independent sources first",
    )
    def clusters_json(min_sources: int = Query(2, ge=1, le=10_000)) -> Response:
        return data(cluster_list(reader, min_sources))

    @app.get("/clusters", include_in_schema=False)
    def clusters_html(request: Request, min_sources: int = Query(2, ge=1, le=10_000)) -> Response:
        return page(
            request,
            "clusters.html",
            cl=cluster_list(reader, min_sources),
            f=Filters(),
            title="Event clusters",
        )

    @app.get(
        "/clusters/{cluster_id}.json",
        response_model=ClusterPage,
        tags=["clusters"],
        summary="One event cluster: its reports and the figures they disagree on, each with its source",
    )
    def cluster_json(cluster_id: str = PathParam(max_length=64)) -> Response:
        return data(one(cluster_id))

    @app.get("/clusters/{cluster_id}", include_in_schema=False)
    def cluster_html(request: Request, cluster_id: str = PathParam(max_length=64)) -> Response:
        cp = one(cluster_id)
        return page(
            request, "cluster.html", cp=cp, f=Filters(), title=f"Event cluster {cp.cluster.cluster_id}"
        )
