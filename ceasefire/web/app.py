"""The FastAPI application of `ceasefire serve`.

Every HTML page has a JSON twin at the same path plus ``.json``; the JSON
routes are the documented API (``/openapi.json``, listed at ``/api``), the
HTML routes are left out of the schema. The app only reads the store.
Article text is untrusted: templates autoescape everything, highlighting
splits text into escaped segments, JSON escapes ``<``, ``>`` and ``&``, and a
strict Content-Security-Policy forbids inline scripts.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store.budget import QueryError
from . import charts, clusters, downloads, outlines, pages, table
from . import queries as Q
from .filters import FilterError, Filters
from .guard import GuardedApp
from .highlight import Span, date_spans, segments

HERE = Path(__file__).parent
REPO = HERE.parents[1]
# How many distinct filter combinations keep their overview in memory; a
# shared link is re-opened by many people, a long tail is not worth keeping.
CACHE_SIZE = 256
# Events listed per role on an actor page; the rest are one click away on the
# events page filtered on the actor (500 made the page of a busy actor 0.7 MB).
ACTOR_EVENTS = 100

T = TypeVar("T")

# A red dot on a dark square (inline, so no extra package-data pattern is needed).
FAVICON = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" '
    b'fill="#1d2329"/><circle cx="8" cy="8" r="4" fill="#e31a1c"/></svg>'
)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: https://tile.openstreetmap.org https://*.tile.openstreetmap.org; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def node_modules() -> Path:
    """Where `npm ci` put the map assets (override with CEASEFIRE_NODE_MODULES)."""
    return Path(os.environ.get("CEASEFIRE_NODE_MODULES", REPO / "node_modules"))


class SafeJSONResponse(JSONResponse):
    """JSON in which ``<``, ``>`` and ``&`` are \\u-escaped, so article text can
    never be read as markup even by a client that sniffs or inlines it."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return (
            text.replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
            .replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029")
            .encode("utf-8")
        )


# Added to every response, errors included, by guard.Guard (the outermost layer).
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
# Largest event id or offset a URL may carry: a 64-bit database integer.
MAX_INT64 = 2**63 - 1


def _bytes(body: bytes | memoryview) -> Response:
    """A response of JSON already rendered by SafeJSONResponse (and cached)."""
    return Response(bytes(body), media_type="application/json")


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, list):
        return [_plain(o) for o in obj]
    return obj


def safe_url(url: str | None) -> str:
    """``url`` when it is an http(s) link, else '' (no javascript:, data: ...)."""
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url.strip() if scheme in ("http", "https") else ""


# ---------------------------------------------------------------- JSON shapes


@dataclass
class Overview:
    filters: dict[str, str]
    totals: Q.Totals
    counts: Q.Counts
    timeline: list[Q.DayCount]
    undated: int
    top_actors: list[Q.ActorCount]
    top_places: list[Q.PlaceCount]
    events: list[Q.EventOut]
    facets: Q.Facets


@dataclass
class EventList:
    filters: dict[str, str]
    total: int
    offset: int
    limit: int
    events: list[Q.EventOut]
    sort: str = table.DEFAULT_SORT
    # With a date filter: events of the other filters that have no date (not listed), and
    # the listed ones whose window only partly overlaps the dates (each marked "partial").
    undated: int = 0
    partial: int = 0


@dataclass
class Highlight:
    start: int
    end: int


@dataclass
class EventPage:
    event: Q.EventOut
    article: Q.ArticleFull
    highlight: Highlight | None
    same_event: list[Q.EventOut]
    # the event cluster this report belongs to (ceasefire.store.clusters), None when unlinkable
    cluster_id: str | None = None


@dataclass
class ActorPage:
    actor: Q.ActorSummary
    aliases: list[Q.Alias]
    timeline: list[Q.DayCount]
    events_as_source: list[Q.EventOut]
    events_as_target: list[Q.EventOut]
    quotes: list[Q.QuoteOut]


@dataclass
class ActorList:
    q: str
    actors: list[Q.ActorSummary]


@dataclass
class ArticlePage:
    article: Q.ArticleFull
    mentions: list[Q.MentionOut]
    events: list[Q.EventOut]
    quotes: list[Q.QuoteOut]
    # near-duplicates of this article: the same text also published by these (not independent sources)
    also_published_by: list[Q.CopyOut]


@dataclass
class ArticleList:
    q: str
    offset: int
    limit: int
    articles: list[Q.ArticleMeta]


@dataclass
class MapProperties:
    id: int
    type: str
    colour: str
    place: str | None
    date: str | None
    source: str | None
    target: str | None
    url: str


@dataclass
class MapGeometry:
    coordinates: list[float]
    type: str = "Point"


@dataclass
class MapFeature:
    geometry: MapGeometry
    properties: MapProperties
    type: str = "Feature"


@dataclass
class MapCollection:
    features: list[MapFeature] = field(default_factory=list)
    type: str = "FeatureCollection"
    truncated: bool = False


# ---------------------------------------------------------------- app state


class Site:
    """The reader plus a small cache of overview results, invalidated when the
    database file changes."""

    def __init__(self, reader: Q.Reader):
        self.reader = reader
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}
        self._lock = threading.Lock()

    def cached(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """``make()``, computed once per key and store state: concurrent
        requests for the same cold key wait for one computation."""
        full = (*key, self.reader.stamp())
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]  # type: ignore[no-any-return]
            key_lock = self._computing.setdefault(full, threading.Lock())
        with key_lock:
            with self._lock:
                if full in self._cache:
                    return self._cache[full]  # type: ignore[no-any-return]
            value = make()
            with self._lock:
                self._cache[full] = value
                self._computing.pop(full, None)
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return value


@lru_cache(maxsize=1)
def _jinja() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.globals.update(
        colour=charts.colour, safe_url=safe_url, version=__version__, type_colours=charts.TYPE_COLOURS
    )
    return env


def _filters(request: Request) -> Filters:
    return Filters.parse(request.query_params)


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith((".json", ".jsonl")) or request.url.path.startswith("/openapi")


_SENT_WS = re.compile(r"\s+")


def _sentence_span(text: str, ev: Q.EventOut) -> Highlight | None:
    """Where the event's sentence is in the article text (surrounding white
    space left out): its offsets when they point at it, else the first place
    the sentence occurs."""
    span: tuple[int, int] | None = None
    if 0 <= ev.start < ev.end <= len(text):
        got = _SENT_WS.sub(" ", text[ev.start : ev.end]).strip()
        want = _SENT_WS.sub(" ", ev.sentence).strip()
        if not want or got == want or want in got or got in want:
            span = (ev.start, ev.end)
    if span is None and ev.sentence.strip():
        i = text.find(ev.sentence.strip())
        if i >= 0:
            span = (i, i + len(ev.sentence.strip()))
    if span is None:
        return None
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Highlight(start, end) if start < end else None


def create_app(db_url: str, *, read_only: bool = True, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web UI and JSON API over the store at ``db_url`` (a path or sqlite:///path).

    Raises FileNotFoundError when the database does not exist and
    queries.NotAStoreError when the file is not a ceasefire store.
    ``read_only`` opens the database read-only (the UI has no write feature yet).
    ``allowed_hosts``: the Host header names answered (None: any; `ceasefire
    serve` passes the names it serves, see guard.served_names).
    """
    site = Site(Q.Reader(db_url, read_only=read_only))
    reader = site.reader
    app = GuardedApp(
        title="ceasefire",
        version=__version__,
        description=(
            "Source-attributed conflict events extracted from news. Every HTML page has a "
            "JSON twin at the same path with `.json`. Filters (since, until, type, actor, "
            "place, claimant, outlet, q) apply to every panel of the overview."
        ),
        docs_url=None,
        redoc_url=None,  # their pages load scripts from a CDN; /api lists the schema
    )
    app.state.site = site
    app.guard_headers = SECURITY_HEADERS
    app.allowed_hosts = allowed_hosts

    def page(request: Request, template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        html = _jinja().get_template(template).render(request_path=request.url.path, **ctx)
        return HTMLResponse(html, status_code=status_code)

    def data(obj: Any) -> SafeJSONResponse:
        return SafeJSONResponse(_plain(obj))

    def bad_request(request: Request, message: str, title: str = "Bad request") -> Response:
        if _wants_json(request):
            return SafeJSONResponse({"detail": message}, status_code=400)
        return page(request, "error.html", 400, title=title, message=message, f=Filters())

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError) -> Response:
        return bad_request(request, str(exc), "Bad filter")

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return bad_request(request, str(exc), "Search not answered")

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        # A parameter out of range or of the wrong type: 400 with what was wrong (not 422).
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return bad_request(request, "; ".join(parts) or "invalid request", "Bad parameter")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return SafeJSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(
            request,
            "error.html",
            exc.status_code,
            title=f"Error {exc.status_code}",
            message=str(exc.detail),
            f=Filters(),
        )

    # ------------------------------------------------------------ static assets

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    nm = node_modules()
    assets_ok = (nm / "leaflet" / "dist" / "leaflet.js").is_file()
    if assets_ok:
        app.mount("/assets/leaflet", StaticFiles(directory=nm / "leaflet" / "dist"), name="leaflet")
    if (nm / "leaflet.markercluster" / "dist").is_dir():
        app.mount(
            "/assets/markercluster",
            StaticFiles(directory=nm / "leaflet.markercluster" / "dist"),
            name="markercluster",
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(
            FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
        )

    @app.get("/outlines.geojson", include_in_schema=False)
    def country_outlines() -> Response:
        return Response(
            outlines.outlines_bytes(),
            media_type="application/geo+json",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    # ------------------------------------------------------------ overview

    def overview(f: Filters) -> Overview:
        def make() -> Overview:
            tl, undated = Q.timeline(reader, f)
            return Overview(
                dict(f.items()),
                site.cached(("totals",), lambda: Q.totals(reader)),
                Q.counts(reader, f),
                tl,
                undated,
                Q.top_actors(reader, f),
                Q.top_places(reader, f),
                Q.events(reader, f, 20),
                site.cached(("facets",), lambda: Q.facets(reader)),
            )

        return site.cached(("overview", f), make)

    # The JSON routes declare the filter parameters only so that the OpenAPI
    # schema documents them; they are read (and validated) by _filters().

    @app.get(
        "/overview.json",
        response_model=Overview,
        tags=["overview"],
        summary="Counts, timeline, top actors and places, latest events, for the given filters",
    )
    def overview_json(
        request: Request,
        since: str = "",
        until: str = "",
        type: str = "",
        actor: str = "",
        place: str = "",
        claimant: str = "",
        outlet: str = "",
        q: str = "",
    ) -> Response:
        f = _filters(request)
        return _bytes(site.cached(("overview.json", f), lambda: data(overview(f)).body))

    @app.get("/", include_in_schema=False)
    def overview_html(request: Request) -> Response:
        f = _filters(request)
        ov = overview(f)
        chart = charts.stacked(
            ov.timeline, link=lambda a, b: "/" + f.query(since=a.isoformat(), until=b.isoformat())
        )
        misses = site.cached(("misses", f), lambda: Q.misses(f, reader)) if f.active() else []
        return page(
            request,
            "overview.html",
            f=f,
            ov=ov,
            chart=chart,
            assets_ok=assets_ok,
            misses=misses,
            title="Overview",
        )

    @app.get(
        "/map.json",
        response_model=MapCollection,
        tags=["overview"],
        summary="Geocoded events as a GeoJSON FeatureCollection, for the given filters",
    )
    def map_json(
        request: Request,
        since: str = "",
        until: str = "",
        type: str = "",
        actor: str = "",
        place: str = "",
        claimant: str = "",
        outlet: str = "",
        q: str = "",
    ) -> Response:
        f = _filters(request)

        def make() -> MapCollection:
            pts = Q.map_points(reader, f, Q.MAP_LIMIT + 1)
            feats = [
                MapFeature(
                    MapGeometry([p.lon, p.lat]),
                    MapProperties(
                        p.id,
                        p.type,
                        charts.colour(p.type),
                        p.place,
                        p.date,
                        p.source,
                        p.target,
                        f"/events/{p.id}",
                    ),
                )
                for p in pts[: Q.MAP_LIMIT]
            ]
            return data(MapCollection(feats, truncated=len(pts) > Q.MAP_LIMIT)).body

        return _bytes(site.cached(("map.json", f), make))

    # ------------------------------------------------------------ events

    def event_list(f: Filters, offset: int, limit: int, sort: str = "") -> EventList:
        total = site.cached(("count", f), lambda: Q.counts(reader, f)).events
        notes = site.cached(("date_notes", f), lambda: Q.date_notes(reader, f))
        order = table.order_sql(sort, Q.schema(reader)) if sort else ""
        return EventList(
            dict(f.items()),
            total,
            offset,
            limit,
            Q.events(reader, f, limit, offset, order),
            sort or table.DEFAULT_SORT,
            notes.undated,
            notes.partial,
        )

    sort_param = Query(
        "",
        pattern=table.SORT_PATTERN,
        description="Column to sort by (" + ", ".join(table.COLUMNS) + "); '-' first: descending",
    )

    @app.get("/events.json", response_model=EventList, tags=["events"], summary="Events matching the filters")
    def events_json(
        request: Request,
        since: str = "",
        until: str = "",
        type: str = "",
        actor: str = "",
        place: str = "",
        claimant: str = "",
        outlet: str = "",
        q: str = "",
        min_confidence: str = "",
        offset: int = Query(0, ge=0, le=MAX_INT64),
        limit: int = Query(Q.PAGE_SIZE, ge=1, le=1000),
        sort: str = sort_param,
    ) -> Response:
        return data(event_list(_filters(request), offset, limit, sort))

    @app.get("/events", include_in_schema=False)
    def events_html(
        request: Request, offset: int = Query(0, ge=0, le=MAX_INT64), sort: str = sort_param
    ) -> Response:
        f = _filters(request)
        el = event_list(f, offset, Q.PAGE_SIZE, sort)
        return page(
            request,
            "events.html",
            f=f,
            el=el,
            sort=sort,
            headers=table.headers(f, sort),
            pages=table.pages(f, sort, offset, Q.PAGE_SIZE, el.total),
            pieces=table.trigger_pieces,
            link=table.link,
            facets=site.cached(("facets",), lambda: Q.facets(reader)),
            misses=site.cached(("misses", f), lambda: Q.misses(f, reader)) if f.active() else [],
            title="Events",
        )

    def download_route(fmt: str) -> Callable[..., Response]:
        def events_download(
            request: Request,
            since: str = "",
            until: str = "",
            type: str = "",
            actor: str = "",
            place: str = "",
            claimant: str = "",
            outlet: str = "",
            q: str = "",
            min_confidence: str = "",
        ) -> Response:
            return downloads.download(db_url, _filters(request), fmt, read_only=read_only)

        return events_download

    for fmt in ("csv", "jsonl"):
        app.add_api_route(
            f"/events.{fmt}",
            download_route(fmt),
            methods=["GET"],
            tags=["events"],
            summary=f"Every event matching the filters, as {'CSV' if fmt == 'csv' else 'JSON Lines'}: "
            f"the rows of `ceasefire events --format {'csv' if fmt == 'csv' else 'json'}`",
            response_class=StreamingResponse,
        )

    def event_page(event_id: int) -> EventPage:
        ev = Q.event(reader, event_id)
        if ev is None:
            raise HTTPException(404, f"no event {event_id}")
        art = Q.article(reader, ev.article_id)
        if art is None:
            raise HTTPException(404, f"event {event_id}: its article {ev.article_id} is missing")
        return EventPage(
            ev,
            art,
            _sentence_span(art.text, ev),
            Q.same_event_elsewhere(reader, ev),
            clusters.cluster_of_event(reader, event_id),
        )

    @app.get(
        "/events/{event_id}.json",
        response_model=EventPage,
        tags=["events"],
        summary="One event with its article, the highlighted sentence and other reports of it",
    )
    def event_json(event_id: int = PathParam(ge=0, le=MAX_INT64)) -> Response:
        return data(event_page(event_id))

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_html(request: Request, event_id: int = PathParam(ge=0, le=MAX_INT64)) -> Response:
        ep = event_page(event_id)
        spans = (
            [Span(ep.highlight.start, ep.highlight.end, "sentence", "source sentence")]
            if ep.highlight
            else []
        )
        return page(
            request,
            "event.html",
            ep=ep,
            segs=segments(ep.article.text, spans),
            f=Filters(),
            title=f"{ep.event.type} event {ep.event.id}",
        )

    # ------------------------------------------------------------ actors

    @app.get("/actors.json", response_model=ActorList, tags=["actors"], summary="Actors, most active first")
    def actors_json(q: str = Query("", max_length=200)) -> Response:
        return data(ActorList(q, Q.actors(reader, q)))

    @app.get("/actors", include_in_schema=False)
    def actors_html(request: Request, q: str = Query("", max_length=200)) -> Response:
        return page(request, "actors.html", al=ActorList(q, Q.actors(reader, q)), f=Filters(), title="Actors")

    def actor_page(actor_id: str) -> ActorPage:
        a = Q.actor(reader, actor_id)
        if a is None:
            raise HTTPException(404, f"no actor {actor_id}")
        f_src = Q.actor_events(reader, a.id, "source", ACTOR_EVENTS)
        f_tgt = Q.actor_events(reader, a.id, "target", ACTOR_EVENTS)
        return ActorPage(
            a,
            Q.actor_aliases(reader, a.id),
            Q.actor_timeline(reader, a.id),
            f_src,
            f_tgt,
            Q.quotes(reader, speaker_id=a.id),
        )

    @app.get(
        "/actors/{actor_id:path}.json",
        response_model=ActorPage,
        tags=["actors"],
        summary="One actor: aliases seen, events as source and as target, quotes",
    )
    def actor_json(actor_id: str) -> Response:
        return data(actor_page(actor_id))

    @app.get("/actors/{actor_id:path}", include_in_schema=False)
    def actor_html(request: Request, actor_id: str) -> Response:
        ap = actor_page(actor_id)
        chart = charts.stacked(ap.timeline, order=["as source", "as target"])
        return page(
            request, "actor.html", ap=ap, chart=chart, f=Filters(actor=ap.actor.id), title=ap.actor.name
        )

    # ------------------------------------------------------------ articles

    @app.get(
        "/articles.json",
        response_model=ArticleList,
        tags=["articles"],
        summary="Articles, newest first, or ranked by a full-text query",
    )
    def articles_json(
        q: str = Query("", max_length=200),
        offset: int = Query(0, ge=0, le=MAX_INT64),
        limit: int = Query(Q.PAGE_SIZE, ge=1, le=1000),
    ) -> Response:
        return data(ArticleList(q, offset, limit, Q.articles(reader, q, limit, offset)))

    @app.get("/articles", include_in_schema=False)
    def articles_html(
        request: Request, q: str = Query("", max_length=200), offset: int = Query(0, ge=0, le=MAX_INT64)
    ) -> Response:
        al = ArticleList(q, offset, Q.PAGE_SIZE, Q.articles(reader, q, Q.PAGE_SIZE, offset))
        return page(request, "articles.html", al=al, f=Filters(), title="Articles")

    def article_page(article_id: str) -> ArticlePage:
        art = Q.article(reader, article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id}")
        return ArticlePage(
            art,
            Q.article_mentions(reader, article_id),
            Q.article_events(reader, article_id),
            Q.quotes(reader, article_id=article_id),
            Q.article_copies(reader, article_id),
        )

    @app.get(
        "/articles/{article_id}.json",
        response_model=ArticlePage,
        tags=["articles"],
        summary="One article: metadata, clean text, what the cleaner removed, what was found in it",
    )
    def article_json(article_id: str) -> Response:
        return data(article_page(article_id))

    @app.get("/articles/{article_id}", include_in_schema=False)
    def article_html(request: Request, article_id: str) -> Response:
        ap = article_page(article_id)
        spans: list[Span] = []
        for m in ap.mentions:
            if m.start is None or m.end is None:
                continue
            href = f"/actors/{m.id}" if m.kind == "actor" and m.id else ""
            spans.append(Span(m.start, m.end, m.kind, f"{m.kind}: {m.name}", href))
        spans += date_spans(ap.article.text)
        return page(
            request,
            "article.html",
            ap=ap,
            segs=segments(ap.article.text, spans),
            f=Filters(),
            title=ap.article.title or ap.article.article_id,
        )

    # ------------------------------------------------------------ quotes, search

    pages.add_routes(app, site, page, data, _filters, MAX_INT64)
    clusters.add_routes(app, site, page, data)

    # ------------------------------------------------------------ API index

    @app.get("/api", include_in_schema=False)
    def api_html(request: Request) -> Response:
        schema = app.openapi()
        ops = [
            (path, method.upper(), op.get("summary", ""), [p["name"] for p in op.get("parameters", [])])
            for path, item in schema["paths"].items()
            for method, op in item.items()
        ]
        return page(request, "api.html", ops=ops, f=Filters(), title="JSON API")

    return app
