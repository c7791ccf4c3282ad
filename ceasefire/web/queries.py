"""Read-only queries of the web UI over a ceasefire SQLite store.

The store (``ceasefire.store``) writes the database; the web UI only reads it,
through its own connection opened read-only (``mode=ro``), one connection per
worker thread. The overview's aggregates (counts, timeline, top actors and
places, map points) are filtered SQL over the store's ``events`` and
``articles`` tables, which the store's generic ``query_events`` helper does
not offer; every function here takes the same :class:`Filters`, so a filter
applies to every panel.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..query import Compiled, Miss, Schema, compile_events, order_by, partial_sql, schema_of, undated_sql
from ..query.names import actor_ids, similar_places
from ..store.budget import QUERY_BUDGET_S, postgres_budget, sqlite_budget
from ..store.errors import StoreError
from ..store.fts import to_fts5
from ..store.names import is_name, name_key
from ..store.readonly import connect_read_only
from .filters import Filters

# At most this many markers go to the map at once: 10,000 synthetic events
# render and cluster in Leaflet in well under a second in headless Chromium,
# and the GeoJSON stays under ~2 MB.
MAP_LIMIT = 10_000
# Rows in the "top actors"/"top places" panels: a glance, not a table.
TOP_N = 10
# Events listed per page on the overview and the events page.
PAGE_SIZE = 50


class NotAStoreError(ValueError):
    """The database file exists but is not a ceasefire store."""


# ---------------------------------------------------------------- result rows


@dataclass
class ActorOut:
    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    mention: str | None = None


@dataclass
class PlaceOut:
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None


@dataclass
class EventOut:
    id: int
    article_id: str
    type: str
    mode: str | None
    source: ActorOut | None
    target: ActorOut | None
    location: PlaceOut | None
    date: str | None
    date_precision: str
    claimant: ActorOut | None
    status: str
    trigger: str | None
    sentence: str
    start: int
    end: int
    confidence: float
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    fatalities: int | None = None  # ACLED's conservative figure (ceasefire.models.fatalities)
    casualties: list[dict[str, Any]] = field(default_factory=list)  # as in `ceasefire extract`
    date_start: str | None = None  # the window the event happened in (ceasefire.dates.window)
    date_end: str | None = None
    # True when a date filter is given and the event's date window only partly overlaps it
    partial: bool = False


@dataclass
class Counts:
    events: int
    articles: int
    actors: int
    places: int
    geocoded: int


@dataclass
class Totals:
    documents: int
    articles: int
    events: int
    actors: int
    quotes: int


@dataclass
class DayCount:
    day: str
    type: str
    count: int


@dataclass
class ActorCount:
    id: str
    name: str
    kind: str | None
    count: int


@dataclass
class PlaceCount:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    count: int


@dataclass
class MapPoint:
    id: int
    type: str
    lat: float
    lon: float
    place: str | None
    date: str | None
    source: str | None
    target: str | None


@dataclass
class Facets:
    types: list[str]
    outlets: list[str]


@dataclass
class Alias:
    mention: str
    count: int


@dataclass
class QuoteOut:
    id: int
    article_id: str
    speaker: ActorOut | None
    text: str
    kind: str
    start: int
    end: int
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


@dataclass
class ArticleMeta:
    article_id: str
    doc_id: str
    source: str
    index: int
    role: str
    title: str | None
    subtitle: str | None
    authors: list[str]
    publisher: str | None
    published: str | None
    url: str | None


@dataclass
class ArticleFull(ArticleMeta):
    text: str = ""
    removed: list[str] = field(default_factory=list)


@dataclass
class MentionOut:
    kind: str  # "actor" | "place"
    id: str | None
    name: str
    mention: str | None
    start: int | None
    end: int | None


@dataclass
class ActorSummary:
    id: str
    name: str
    kind: str
    country: str | None
    mentions: int
    events: int


# ---------------------------------------------------------------- connection


def sqlite_path(db_url: str | os.PathLike[str]) -> Path:
    """The file of a ``sqlite:///path`` URL or a plain path."""
    s = os.fspath(db_url)
    if s.startswith("sqlite:///"):
        return Path(s[len("sqlite:///") :])
    if "://" in s:
        raise ValueError(f"{s}: unknown database URL; use a file path, sqlite:///path or postgresql://...")
    return Path(s)


_PG_SCHEMES = ("postgresql://", "postgres://")
_TABLES = frozenset({"events", "articles", "actors", "actor_mentions", "quotes", "places"})
# PostgreSQL has no file to stat: cached overviews there are kept this many
# seconds (a store is ingested in batches; a few seconds of staleness is invisible).
PG_CACHE_TTL_S = 5.0


# A result row: sqlite3.Row or _Row, both readable by position and by name.
Row = Any


class _Row(tuple):  # type: ignore[type-arg]
    """A PostgreSQL row readable by position and by column name, like sqlite3.Row."""

    _index: dict[str, int]

    def __new__(cls, values: Any, index: dict[str, int]) -> _Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)


def _pg_row_factory(cursor: Any) -> Any:
    index = {c.name: i for i, c in enumerate(cursor.description or [])}
    return lambda values: _Row(values, index)


class Reader:
    """Read access to one store, SQLite (a path or sqlite:///path) or PostgreSQL
    (postgresql://...); one connection per thread, safe to share between threads.

    The SQL of this module is written once, with '?' placeholders; the few
    dialect differences (full-text search, the schema catalogue, what marks a
    change) are methods here.
    """

    def __init__(self, db_url: str | os.PathLike[str], *, read_only: bool = True):
        text = os.fspath(db_url)
        self.read_only = read_only
        self.budget_s = QUERY_BUDGET_S
        self._local = threading.local()
        self.dialect = "postgresql" if text.startswith(_PG_SCHEMES) else "sqlite"
        if self.dialect == "postgresql":
            self.url = text
            self.path: Path | None = None
            tables = {
                r[0]
                for r in self.rows(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = ANY (current_schemas(false))"
                )
            }
            where = "PostgreSQL database"
        else:
            self.url = text
            self.path = sqlite_path(text)
            if not self.path.is_file():
                raise FileNotFoundError(
                    f"{self.path}: no such database (run `ceasefire ingest ... --db {self.path}`)"
                )
            try:
                tables = {
                    r[0] for r in self.rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
                }
            except StoreError as e:
                raise NotAStoreError(str(e)) from e
            except sqlite3.DatabaseError as e:
                raise NotAStoreError(f"{self.path}: not a ceasefire database ({e})") from e
            where = str(self.path)
        missing = _TABLES - tables
        if missing:
            raise NotAStoreError(f"{where}: not a ceasefire store (no table {', '.join(sorted(missing))})")
        self.has_fts = "articles_fts" in tables or self.dialect == "postgresql"
        self.has_copies = "article_copies" in tables  # migration 0006: near-duplicate articles

    def connection(self) -> Any:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._connect()
            self._local.con = con
        return con

    def _connect(self) -> Any:
        if self.dialect == "postgresql":
            try:
                import psycopg
            except ImportError as e:
                raise NotAStoreError(
                    "PostgreSQL needs the psycopg driver: pip install 'psycopg[binary]'"
                ) from e
            try:
                con = psycopg.connect(self.url, autocommit=True, row_factory=_pg_row_factory)
            except psycopg.Error as e:
                from ..store.postgres import redact, server_label

                label, password = server_label(self.url)
                first = redact(
                    str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__, password
                )
                raise NotAStoreError(f"cannot connect to PostgreSQL at {label}: {first}") from e
            if self.read_only:
                con.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            return con
        assert self.path is not None
        if self.read_only:
            sq = connect_read_only(self.path)  # also in a read-only folder (see store/readonly.py)
        else:
            sq = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True, check_same_thread=False)
        sq.row_factory = sqlite3.Row
        return sq

    def stamp(self) -> tuple[float, ...]:
        """A value that changes when the store may have changed (cache key part)."""
        if self.path is None:
            return (time.monotonic() // PG_CACHE_TTL_S,)
        out: list[float] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.path}{suffix}")
                out += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                out += [0, 0]
        return tuple(out)

    def _sql(self, sql: str) -> str:
        # The module's SQL has no literal '?' or '%' (values always go as parameters).
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[Any]:
        with self._budget(sql):
            return list(self.connection().execute(self._sql(sql), tuple(params)).fetchall())

    def one(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        with self._budget(sql):
            return self.connection().execute(self._sql(sql), tuple(params)).fetchone()

    def _budget(self, sql: str) -> Any:
        """A statement with a full-text match runs within the query time budget
        (QueryTooSlow past it); others run as they are."""
        if "articles_fts" not in sql and "websearch_to_tsquery" not in sql:
            return contextlib.nullcontext()
        if self.dialect == "postgresql":
            return postgres_budget(self.connection(), self.budget_s)
        return sqlite_budget(self.connection(), self.budget_s)

    def fts_condition(self, q: str) -> tuple[str, list[Any]]:
        """A condition on articles ``a`` matching the web-search style query ``q``."""
        if not self.has_fts or to_fts5(q) is None:
            return "1 = 0", []
        if self.dialect == "postgresql":
            return "a.tsv @@ websearch_to_tsquery('english', ?)", [q]
        return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [to_fts5(q)]


# ---------------------------------------------------------------- filters -> SQL

_FROM = " FROM events e JOIN articles a ON a.article_id = e.article_id "
_FROM_EVENTS = " FROM events e "


def _from(f: Filters) -> str:
    """The FROM clause: the join with articles only when a filter reads an
    article column (it doubled the time of the overview's aggregates)."""
    return _FROM if (f.outlet or f.q) else _FROM_EVENTS


def compiled(f: Filters, reader: Reader) -> Compiled:
    """The filters compiled by the query layer, the one every surface uses."""
    return compile_events(f.to_query().checked(), reader.rows, schema(reader))


def schema(reader: Reader) -> Schema:
    return schema_of(reader, reader.rows, reader.dialect)


def misses(f: Filters, reader: Reader) -> list[Miss]:
    """The filters whose value names nothing in this store, with close names to suggest;
    a place is a miss when no event is located there."""
    out = list(compiled(f, reader).misses)
    if f.place and not out:
        c = compile_events(Filters(place=f.place).to_query().checked(), reader.rows, schema(reader))
        if not reader.one("SELECT 1 FROM events e" + c.where() + " LIMIT 1", c.params):
            out.append(Miss("place", f.place, similar_places(reader.rows, f.place)))
    return out


def where(f: Filters, reader: Reader) -> tuple[str, list[Any]]:
    """The WHERE clause (with leading ' WHERE ', or '') and its parameters."""
    c = compiled(f, reader)
    return c.where(), list(c.params)


def _and(clause: str, extra: str) -> str:
    return f"{clause} AND {extra}" if clause else f" WHERE {extra}"


# ---------------------------------------------------------------- row mapping


def _actor(r: Row, prefix: str) -> ActorOut | None:
    aid = r[f"{prefix}_id"]
    if aid is None:
        return None
    return ActorOut(
        aid, r[f"{prefix}_name"] or aid, r[f"{prefix}_kind"], r[f"{prefix}_country"], r[f"{prefix}_mention"]
    )


def _event(r: Row) -> EventOut:
    loc = None
    if r["loc_name"] is not None:
        loc = PlaceOut(
            r["loc_name"], r["loc_lat"], r["loc_lon"], r["loc_country"], r["loc_admin1"], r["loc_geonameid"]
        )
    return EventOut(
        id=r["id"],
        article_id=r["article_id"],
        type=r["type"],
        mode=r["mode"],
        source=_actor(r, "source"),
        target=_actor(r, "target"),
        location=loc,
        date=r["date"],
        date_precision=r["date_precision"],
        claimant=_actor(r, "claimant"),
        status=r["status"],
        trigger=r["trigger_text"],
        sentence=r["sentence"],
        start=r["start_char"],
        end=r["end_char"],
        confidence=round(float(r["confidence"]), 3),
        title=r["title"],
        publisher=r["publisher"],
        published=r["published"],
        fatalities=r["fatalities"],
        casualties=json.loads(r["casualties"] or "[]"),
        date_start=_get(r, "date_start"),
        date_end=_get(r, "date_end"),
        partial=bool(_get(r, "partial")),
    )


def _get(r: Row, name: str) -> Any:
    """Column ``name`` of the row, None when the query or the store's schema has none."""
    keys = r.keys() if hasattr(r, "keys") else r._index
    return r[name] if name in keys else None


_EVENT_COLS = "e.*, a.title AS title, a.publisher AS publisher, a.published AS published"


# ---------------------------------------------------------------- queries


def totals(r: Reader) -> Totals:
    row = r.one(
        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM articles) AS articles,"
        " (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM actors) AS actors,"
        " (SELECT count(*) FROM quotes) AS quotes"
    )
    assert row is not None
    return Totals(row["documents"], row["articles"], row["events"], row["actors"], row["quotes"])


def counts(r: Reader, f: Filters) -> Counts:
    w, p = where(f, r)
    row = r.one(
        "SELECT count(*) AS events, count(DISTINCT e.article_id) AS articles,"
        " count(DISTINCT coalesce(CAST(e.loc_geonameid AS TEXT), e.loc_name || '|' || coalesce(e.loc_country, '')))"
        " AS places, sum(CASE WHEN e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL THEN 1 ELSE 0 END) AS geocoded"
        + _from(f)
        + w,
        p,
    )
    assert row is not None
    actors = r.one(
        "SELECT count(DISTINCT x) AS n FROM (SELECT e.source_id AS x"
        + _from(f)
        + w
        + " UNION ALL SELECT e.target_id"
        + _from(f)
        + w
        + ") AS ids",
        p + p,
    )
    return Counts(
        row["events"], row["articles"], actors["n"] if actors else 0, row["places"], row["geocoded"] or 0
    )


def timeline(r: Reader, f: Filters) -> tuple[list[DayCount], int]:
    """Events per day and type, and how many events matched but are known to no one day.

    An event's day is its day-precise date, else its date window when that is one day
    (an undated "yesterday" of a dated article)."""
    w, p = where(f, r)
    day = "CASE WHEN e.date_precision = 'day' AND length(e.date) >= 10 THEN substr(e.date, 1, 10) END"
    if schema(r).windowed:
        day = (
            "CASE WHEN e.date_precision = 'day' AND length(e.date) >= 10 THEN substr(e.date, 1, 10) "
            "WHEN e.date_start = e.date_end THEN e.date_start END"
        )
    rows = r.rows(
        f"SELECT {day} AS day, e.type AS type, count(*) AS n"
        + _from(f)
        + _and(w, f"({day}) IS NOT NULL")
        + " GROUP BY 1, e.type ORDER BY 1, e.type",
        p,
    )
    undated = r.one("SELECT count(*) AS n" + _from(f) + _and(w, f"({day}) IS NULL"), p)
    return [DayCount(x["day"], x["type"], x["n"]) for x in rows], (undated["n"] if undated else 0)


def top_actors(r: Reader, f: Filters, n: int = TOP_N) -> list[ActorCount]:
    w, p = where(f, r)
    sql = (
        "SELECT id, max(name) AS name, max(kind) AS kind, count(*) AS n FROM ("
        "SELECT e.source_id AS id, e.source_name AS name, e.source_kind AS kind"
        + _from(f)
        + _and(w, "e.source_id IS NOT NULL")
        + " UNION ALL SELECT e.target_id, e.target_name, e.target_kind"
        + _from(f)
        + _and(w, "e.target_id IS NOT NULL")
        + ") AS x GROUP BY id ORDER BY n DESC, name LIMIT ?"
    )
    return [ActorCount(x["id"], x["name"] or x["id"], x["kind"], x["n"]) for x in r.rows(sql, p + p + [n])]


def top_places(r: Reader, f: Filters, n: int = TOP_N) -> list[PlaceCount]:
    w, p = where(f, r)
    sql = (
        "SELECT e.loc_name AS name, e.loc_country AS country, avg(e.loc_lat) AS lat, avg(e.loc_lon) AS lon,"
        " count(*) AS n"
        + _from(f)
        + _and(w, "e.loc_name IS NOT NULL")
        + " GROUP BY e.loc_name, e.loc_country ORDER BY n DESC, name LIMIT ?"
    )
    return [PlaceCount(x["name"], x["country"], x["lat"], x["lon"], x["n"]) for x in r.rows(sql, p + [n])]


def map_points(r: Reader, f: Filters, limit: int = MAP_LIMIT) -> list[MapPoint]:
    w, p = where(f, r)
    sql = (
        "SELECT e.id, e.type, e.loc_lat, e.loc_lon, e.loc_name, e.date, e.source_name, e.target_name"
        + _from(f)
        + _and(w, "e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL")
        + order_by(schema(r))
        + " LIMIT ?"
    )
    return [MapPoint(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]) for x in r.rows(sql, p + [limit])]


def events(r: Reader, f: Filters, limit: int = PAGE_SIZE, offset: int = 0, order: str = "") -> list[EventOut]:
    """A page of the events of ``f``, listed by ``order`` (an ``ORDER BY`` clause; the one
    order of every surface when empty), each marked when it only partly lies in the dates."""
    w, p = where(f, r)
    part = partial_sql(f.to_query().checked(), schema(r))
    cols = _EVENT_COLS + (f", CASE WHEN {part} THEN 1 ELSE 0 END AS partial" if part else "")
    sql = "SELECT " + cols + _FROM + w + (order or order_by(schema(r))) + " LIMIT ? OFFSET ?"
    return [_event(x) for x in r.rows(sql, p + [limit, offset])]


@dataclass
class DateNotes:
    """What a date filter does to the events of the other filters."""

    undated: int  # match the other filters but have no date or window: not listed
    partial: int  # listed, with a window reaching outside the dates


def date_notes(r: Reader, f: Filters) -> DateNotes:
    if not (f.since or f.until):
        return DateNotes(0, 0)
    q = f.to_query().checked()
    sch = schema(r)
    c = compile_events(replace(q, since=None, until=None), r.rows, sch, suggest=False)
    undated = r.one("SELECT count(*)" + _FROM + c.where(undated_sql(sch)), c.params)
    part = partial_sql(q, sch)
    w, p = where(f, r)
    partial = r.one("SELECT count(*)" + _FROM + _and(w, part), p) if part else None
    return DateNotes(undated[0] if undated else 0, partial[0] if partial else 0)


def facets(r: Reader) -> Facets:
    types = [x[0] for x in r.rows("SELECT DISTINCT type FROM events ORDER BY type")]
    outlets = [
        x[0]
        for x in r.rows(
            "SELECT publisher FROM articles WHERE publisher IS NOT NULL AND publisher != ''"
            " GROUP BY publisher ORDER BY count(*) DESC, publisher LIMIT 200"
        )
    ]
    return Facets(types, outlets)


def event(r: Reader, event_id: int) -> EventOut | None:
    row = r.one("SELECT " + _EVENT_COLS + _FROM + " WHERE e.id = ?", [event_id])
    return _event(row) if row else None


def same_event_elsewhere(r: Reader, ev: EventOut, limit: int = 50) -> list[EventOut]:
    """Events in *other* articles that report the same real-world event: same
    type and date, and the same place (GeoNames id, else name) or the same
    source and target actors. Empty when the event has no date."""
    if not ev.date:
        return []
    conds = ["e.type = ?", "e.date = ?", "e.article_id != ?"]
    params: list[Any] = [ev.type, ev.date, ev.article_id]
    alts: list[str] = []
    if ev.location and ev.location.geonameid is not None:
        alts.append("e.loc_geonameid = ?")
        params.append(ev.location.geonameid)
    elif ev.location:
        alts.append("lower(e.loc_name) = lower(?)")
        params.append(ev.location.name)
    if ev.source and ev.target:
        alts.append("(e.source_id = ? AND e.target_id = ?)")
        params += [ev.source.id, ev.target.id]
    if not alts:
        return []
    conds.append("(" + " OR ".join(alts) + ")")
    sql = "SELECT " + _EVENT_COLS + _FROM + " WHERE " + " AND ".join(conds) + " ORDER BY e.id LIMIT ?"
    return [_event(x) for x in r.rows(sql, params + [limit])]


def _article_meta(x: Row) -> dict[str, Any]:
    return dict(
        article_id=x["article_id"],
        doc_id=x["doc_id"],
        source=x["source"],
        index=x["idx"],
        role=x["role"],
        title=x["title"],
        subtitle=x["subtitle"],
        authors=_json_list(x["authors"]),
        publisher=x["publisher"],
        published=x["published"],
        url=x["url"],
    )


def _json_list(s: str | None) -> list[str]:
    if not s:
        return []
    try:
        v = json.loads(s)
    except ValueError:
        return []
    return [str(i) for i in v] if isinstance(v, list) else []


def article(r: Reader, article_id: str) -> ArticleFull | None:
    x = r.one(
        "SELECT a.*, d.source AS source FROM articles a JOIN documents d ON d.doc_id = a.doc_id"
        " WHERE a.article_id = ?",
        [article_id],
    )
    if x is None:
        return None
    return ArticleFull(**_article_meta(x), text=x["text"], removed=_json_list(x["removed"]))


def articles(r: Reader, q: str = "", limit: int = PAGE_SIZE, offset: int = 0) -> list[ArticleMeta]:
    base = "SELECT a.*, d.source AS source FROM articles a JOIN documents d ON d.doc_id = a.doc_id"
    if q and to_fts5(q) is None:
        return []  # nothing searchable (only punctuation or exclusions), on both backends
    if q and r.dialect == "postgresql":
        rows = r.rows(
            base + ", websearch_to_tsquery('english', ?) q WHERE a.tsv @@ q "
            "ORDER BY ts_rank_cd(a.tsv, q) DESC, a.id LIMIT ? OFFSET ?",
            [q, limit, offset],
        )
    elif q:
        match = to_fts5(q) if r.has_fts else None
        if match is None:
            return []
        # FTS5's own bm25() in the one query (a correlated subquery per match re-ran the search
        # once per matching article: 10 s for a 200-character query over 2,500 articles).
        rows = r.rows(
            "SELECT a.*, d.source AS source FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "JOIN documents d ON d.doc_id = a.doc_id WHERE articles_fts MATCH ? "
            "ORDER BY bm25(articles_fts), a.id LIMIT ? OFFSET ?",
            [match, limit, offset],
        )
    else:
        rows = r.rows(
            base + " ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?",
            [limit, offset],
        )
    return [ArticleMeta(**_article_meta(x)) for x in rows]


def article_mentions(r: Reader, article_id: str) -> list[MentionOut]:
    out = [
        MentionOut(
            "actor", x["actor_id"], x["actor_name"], x["actor_mention"], x["actor_start"], x["actor_end"]
        )
        for x in r.rows("SELECT * FROM actor_mentions WHERE article_id = ? ORDER BY ord", [article_id])
    ]
    out += [
        MentionOut(
            "place",
            str(x["place_geonameid"]) if x["place_geonameid"] is not None else None,
            x["place_name"],
            x["place_mention"],
            x["place_start"],
            x["place_end"],
        )
        for x in r.rows("SELECT * FROM places WHERE article_id = ? ORDER BY ord", [article_id])
    ]
    return out


@dataclass
class CopyOut:
    """Another stored article that is a near-duplicate of this one (wire copy, repost, rewrite)."""

    article_id: str
    publisher: str | None
    title: str | None
    published: str | None
    url: str | None
    jaccard: float
    containment: float


def article_copies(r: Reader, article_id: str) -> list[CopyOut]:
    """The articles that are near-duplicates of ``article_id`` (ceasefire.linking.neardup),
    most similar first; none for a store older than migration 0006."""
    if not r.has_copies:
        return []
    rows = r.rows(
        "SELECT a.article_id, a.publisher, a.title, a.published, a.url, c.jaccard, c.containment "
        "FROM article_copies c JOIN articles a "
        "ON a.article_id = CASE WHEN c.a_id = ? THEN c.b_id ELSE c.a_id END "
        "WHERE c.a_id = ? OR c.b_id = ? ORDER BY c.jaccard DESC, a.id",
        [article_id, article_id, article_id],
    )
    return [
        CopyOut(
            x["article_id"],
            x["publisher"],
            x["title"],
            x["published"],
            x["url"],
            x["jaccard"],
            x["containment"],
        )
        for x in rows
    ]


def article_events(r: Reader, article_id: str) -> list[EventOut]:
    return [
        _event(x)
        for x in r.rows(
            "SELECT " + _EVENT_COLS + _FROM + " WHERE e.article_id = ? ORDER BY e.ord", [article_id]
        )
    ]


def _quote(x: Row) -> QuoteOut:
    sp = None
    if x["speaker_id"] is not None:
        sp = ActorOut(
            x["speaker_id"],
            x["speaker_name"] or x["speaker_id"],
            x["speaker_kind"],
            x["speaker_country"],
            x["speaker_mention"],
        )
    return QuoteOut(
        x["id"],
        x["article_id"],
        sp,
        x["text"],
        x["kind"],
        x["start_char"],
        x["end_char"],
        x["title"],
        x["published"],
        _get(x, "publisher"),
    )


def quotes(
    r: Reader, *, article_id: str | None = None, speaker_id: str | None = None, limit: int = 200
) -> list[QuoteOut]:
    conds, params = [], []
    if article_id is not None:
        conds.append("q.article_id = ?")
        params.append(article_id)
    if speaker_id is not None:
        conds.append("q.speaker_id = ?")
        params.append(speaker_id)
    w = " WHERE " + " AND ".join(conds) if conds else ""
    sql = (
        "SELECT q.*, a.title AS title, a.published AS published FROM quotes q"
        " JOIN articles a ON a.article_id = q.article_id" + w + " ORDER BY a.published DESC, q.id LIMIT ?"
    )
    return [_quote(x) for x in r.rows(sql, params + [limit])]


def actor(r: Reader, key: str) -> ActorSummary | None:
    """An actor by id, canonical name or any name seen, as the query layer resolves it
    (any case, spelling variants); the one most seen under a shared name."""
    ids = actor_ids(r.rows, key)
    x = r.one("SELECT * FROM actors WHERE id = ?", [ids[0]]) if ids else None
    if x is None:
        return None
    m = r.one("SELECT count(*) FROM actor_mentions WHERE actor_id = ?", [x["id"]])
    n = r.one(
        "SELECT count(*) FROM events WHERE source_id = ? OR target_id = ? OR claimant_id = ?", [x["id"]] * 3
    )
    return ActorSummary(x["id"], x["name"], x["kind"], x["country"], m[0] if m else 0, n[0] if n else 0)


def actor_aliases(r: Reader, actor_id: str) -> list[Alias]:
    """Every mention string seen for the actor (in its mentions and as an event
    source, target or claimant), most frequent first."""
    sql = (
        "SELECT mention, count(*) AS n FROM ("
        " SELECT actor_mention AS mention FROM actor_mentions WHERE actor_id = ?"
        ") AS m WHERE mention IS NOT NULL AND mention != '' GROUP BY mention ORDER BY n DESC, mention"
    )
    rows = r.rows(sql, [actor_id])
    if not rows:  # stores whose actor list is empty still carry event mentions
        sql = (
            "SELECT mention, count(*) AS n FROM ("
            " SELECT source_mention AS mention FROM events WHERE source_id = ?"
            " UNION ALL SELECT target_mention FROM events WHERE target_id = ?"
            " UNION ALL SELECT claimant_mention FROM events WHERE claimant_id = ?"
            ") AS m WHERE mention IS NOT NULL AND mention != '' GROUP BY mention ORDER BY n DESC, mention"
        )
        rows = r.rows(sql, [actor_id] * 3)
    # Names only, as the CLI's actor listing shows them: pronouns ("he", "its") and descriptions
    # ("the group") stand for the actor in one article but are no name of it; spelling variants
    # of one name ("al-Assad", "al Assad") count together under the commonest spelling.
    out: dict[str, Alias] = {}
    for x in rows:
        if not is_name(x["mention"]):
            continue
        k = name_key(x["mention"])
        if k in out:
            out[k] = Alias(out[k].mention, out[k].count + x["n"])
        else:
            out[k] = Alias(x["mention"], x["n"])
    return sorted(out.values(), key=lambda a: (-a.count, a.mention))


def actor_timeline(r: Reader, actor_id: str) -> list[DayCount]:
    """Events per day with the actor as source ("as source") and as target ("as target")."""
    sql = (
        "SELECT substr(date, 1, 10) AS day, role, count(*) AS n FROM ("
        " SELECT date, 'as source' AS role FROM events WHERE source_id = ? AND date IS NOT NULL"
        " UNION ALL SELECT date, 'as target' FROM events WHERE target_id = ? AND date IS NOT NULL"
        ") AS d WHERE length(date) >= 10 GROUP BY day, role ORDER BY day, role"
    )
    return [DayCount(x["day"], x["role"], x["n"]) for x in r.rows(sql, [actor_id, actor_id])]


def actors(r: Reader, q: str = "", limit: int = 200) -> list[ActorSummary]:
    cond, params = "", []
    if q:
        # '%' and '_' in what was typed are the characters themselves, not LIKE wildcards.
        needle = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        cond = " WHERE lower(a.name) LIKE lower(?) ESCAPE '\\' OR lower(a.id) LIKE lower(?) ESCAPE '\\'"
        params = [needle, needle]
    sql = (
        "SELECT a.id, a.name, a.kind, a.country,"
        " (SELECT count(*) FROM actor_mentions m WHERE m.actor_id = a.id) AS mentions,"
        " (SELECT count(*) FROM events e WHERE e.source_id = a.id OR e.target_id = a.id) AS events"
        " FROM actors a" + cond + " ORDER BY events DESC, mentions DESC, a.name LIMIT ?"
    )
    return [
        ActorSummary(x["id"], x["name"], x["kind"], x["country"], x["mentions"], x["events"])
        for x in r.rows(sql, params + [limit])
    ]


def actor_events(r: Reader, actor_id: str, role: str, limit: int = 500) -> list[EventOut]:
    """Events with the actor as ``role`` ("source" or "target"), newest first."""
    if role not in ("source", "target"):
        raise ValueError(f"role must be 'source' or 'target', not {role!r}")
    sql = "SELECT " + _EVENT_COLS + _FROM + f" WHERE e.{role}_id = ?" + order_by(schema(r)) + " LIMIT ?"
    return [_event(x) for x in r.rows(sql, [actor_id, limit])]
