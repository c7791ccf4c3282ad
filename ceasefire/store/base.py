"""The backend-independent part of the store: schema mapping and queries.

:class:`Store` writes and reads the extract contract through portable SQL
(``?`` placeholders, ``INSERT ... ON CONFLICT``, ``NULLS LAST``); the
SQLite and PostgreSQL subclasses supply the connection, transactions,
migrations and full-text search.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from ..models import ActorRef, Article, Casualty, Document, Event, ExtractRecord, Place, Quote

# Modules, not names: the query layer imports the store's name and full-text helpers, so
# its names are read at call time (either package may be imported first).
from ..query import names as query_names
from ..query import spec as query_spec
from ..query import sql as query_sql
from .budget import check_length
from .clusters import ClustersMixin
from .copies import CopiesMixin
from .errors import StoreError
from .fts import to_fts5
from .migrate import SCHEMA_VERSION_DDL, Migration, check_not_newer, migrations
from .names import is_name, name_key
from .rows import ActorRow, ArticleHit, DocumentRow, ErrorRow, EventRow, QuoteRow, StoreStats

log = logging.getLogger(__name__)

# Column groups: an ActorRef or Place is stored inline under a prefix.
ACTOR_FIELDS = ("id", "name", "kind", "country", "mention", "start", "end")
PLACE_FIELDS = ("name", "mention", "lat", "lon", "country", "admin1", "geonameid", "feature", "start", "end")


def _cols(prefix: str, fields: Sequence[str]) -> list[str]:
    return [f"{prefix}_{f}" for f in fields]


ARTICLE_COLS = [
    "article_id",
    "doc_id",
    "idx",
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
]
MENTION_COLS = ["article_id", "ord", *_cols("actor", ACTOR_FIELDS)]
EVENT_COLS = [
    "article_id",
    "ord",
    "type",
    "mode",
    *_cols("source", ACTOR_FIELDS),
    *_cols("target", ACTOR_FIELDS),
    *_cols("claimant", ACTOR_FIELDS),
    *_cols("loc", PLACE_FIELDS),
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "status",
    "trigger_text",
    "sentence",
    "start_char",
    "end_char",
    "confidence",
    "casualties",
    "fatalities",
]
QUOTE_COLS = ["article_id", "ord", *_cols("speaker", ACTOR_FIELDS), "text", "kind", "start_char", "end_char"]
PLACE_COLS = ["article_id", "ord", *_cols("place", PLACE_FIELDS)]

# Characters of body text shown as the snippet of a plain listing; a line or two in a terminal.
LISTING_SNIPPET_CHARS = 160
# Ids per IN (...) list (alias queries, quotes of many articles); far below SQLite's 32766
# and PostgreSQL's 65535 bound parameters.
ALIAS_CHUNK = 500
# Rows fetched per round trip by iter_records (memory stays flat for any store size).
ITER_PAGE = 200
# Event rows fetched per round trip by iter_events: ~1-2 MB of rows, and few enough round
# trips that a 20,000-event export spends its time writing, not querying (tests/export).
EVENT_PAGE = 1000


def _insert_sql(table: str, cols: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"


def _actor_values(ref: ActorRef | None) -> tuple[Any, ...]:
    if ref is None:
        return (None,) * len(ACTOR_FIELDS)
    return (ref.id, ref.name, ref.kind, ref.country, ref.mention, ref.start, ref.end)


def _place_values(p: Place | None) -> tuple[Any, ...]:
    if p is None:
        return (None,) * len(PLACE_FIELDS)
    return (p.name, p.mention, p.lat, p.lon, p.country, p.admin1, p.geonameid, p.feature, p.start, p.end)


def _unprefixed(row: dict[str, Any], prefix: str, fields: Sequence[str]) -> dict[str, Any]:
    """The columns of one inline ActorRef or Place, under their JSON names."""
    return {f: row[f"{prefix}_{f}"] for f in fields}


def _actor_from(row: dict[str, Any], prefix: str) -> ActorRef | None:
    obj = _unprefixed(row, prefix, ACTOR_FIELDS)
    return ActorRef.from_json(obj) if obj["id"] is not None else None


def _place_from(row: dict[str, Any], prefix: str) -> Place | None:
    obj = _unprefixed(row, prefix, PLACE_FIELDS)
    return Place.from_json(obj) if obj["name"] is not None else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _hit(row: Sequence[Any]) -> ArticleHit:
    hit = ArticleHit(*row)
    hit.snippet = " ".join(hit.snippet.split())  # one line: paragraphs breaks are noise in a result list
    return hit


class Store(ClustersMixin, CopiesMixin, ABC):
    """Persistent documents, articles and everything extracted from them.

    Open one with :func:`ceasefire.store.open_store`. Use as a context manager
    or call :meth:`close`.
    """

    dialect: str = ""
    _find_fn: str = "instr"  # SQL function (haystack, needle) -> 1-based position or 0
    # One connection per store, shared by threads (a web server's pool): every statement
    # with its fetch, and every write transaction as a whole, runs under this lock.
    _lock: threading.RLock
    _in_tx: bool  # a transaction of this store is open (nested ones join it)

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._in_tx = False

    # -- backend hooks -------------------------------------------------------------

    @abstractmethod
    def _begin(self) -> AbstractContextManager[None]:
        """The backend's transaction: begins on entry, commits on normal exit, rolls back on an exception."""

    @abstractmethod
    def _apply_migration(self, mig: Migration) -> None:
        """Run the SQL of one migration inside the open transaction."""

    @abstractmethod
    def _lock_migrations(self) -> None:
        """Inside a transaction: wait until no other process is migrating this database."""

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (``?`` placeholders) and return a DB-API cursor."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _search(self, query: str, limit: int) -> list[tuple[Any, ...]]:
        """Full-text search rows in the order of :data:`_HIT_SELECT` plus snippet and score."""

    @abstractmethod
    def close(self) -> None: ...

    # -- transactions and migrations -----------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write transaction: commits on normal exit, rolls back on an exception.
        Nested calls are part of the enclosing transaction."""
        with self._lock:
            if self._in_tx:
                yield
                return
            self._in_tx = True
            try:
                with self._begin():
                    yield
            finally:
                self._in_tx = False

    def schema_version(self) -> int:
        """The highest migration applied."""
        row = self._one("SELECT max(version) FROM schema_version")
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self, where: str) -> None:
        """At open: create the version table, refuse a newer schema, apply what is missing.
        ``where`` names the database in errors."""
        with self._transaction():
            self._lock_migrations()
            self._execute(SCHEMA_VERSION_DDL)
        check_not_newer(where, self.schema_version(), migrations(self.dialect))
        self.apply_migrations(migrations(self.dialect))

    def apply_migrations(self, migs: Sequence[Migration]) -> list[int]:
        """Apply those of ``migs`` newer than the schema, each in its own transaction
        together with its row in ``schema_version``; return the versions applied."""
        applied: list[int] = []
        for mig in migs:
            if self.schema_version() >= mig.version:
                continue
            with self._transaction():
                self._lock_migrations()
                # Re-check under the lock: another process may have just applied it.
                if self.schema_version() >= mig.version:
                    continue
                self._apply_migration(mig)
                self._execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (mig.version, mig.name, _now()),
                )
            applied.append(mig.version)
        return applied

    # -- helpers -------------------------------------------------------------------

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._execute(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        with self._lock:
            row = self._execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def _dicts(self, cols: Sequence[str], sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(zip(cols, r, strict=True)) for r in self._all(sql, params)]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self._one("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)) is not None

    def save_document(self, doc: Document, records: list[ExtractRecord]) -> bool:
        """Store a document and its extract records in one transaction.

        Returns False and changes nothing when ``doc.doc_id`` is already stored
        (also when another process stored it a moment ago). Raises ValueError
        when a record belongs to another document or two records share an
        article index, and StoreError when the database refuses a row or
        fails (e.g. locked too long); in all cases nothing of the document
        is stored.
        """
        indices = [r.article.index for r in records]
        if len(set(indices)) != len(indices):
            raise ValueError(f"{doc.source}: two records share an article index: {sorted(indices)}")
        for r in records:
            if r.doc_id != doc.doc_id:
                raise ValueError(
                    f"{doc.source}: record {r.article_id} does not belong to document {doc.doc_id}"
                )
        meta = json.dumps(doc.meta, ensure_ascii=False, sort_keys=True, default=str)
        try:
            with self._transaction():
                cur = self._execute(
                    "INSERT INTO documents (doc_id, source, media_type, meta, n_bytes, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO NOTHING",
                    (doc.doc_id, doc.source, doc.media_type, meta, len(doc.data), _now()),
                )
                if cur.rowcount == 0:
                    return False
                for rec in records:
                    self._insert_record(rec)
                for rec in records:
                    self._link_copies(rec.article_id, rec.article.text)
                for rec in records:
                    self._link_events(rec.article_id)
        except self._db_errors() as e:
            raise StoreError(f"{doc.source}: cannot store document {doc.doc_id}: {e}") from e
        return True

    def _db_errors(self) -> tuple[type[Exception], ...]:
        """The driver's exception classes, reported as StoreError with the document named."""
        return ()

    def _insert_record(self, rec: ExtractRecord) -> None:
        a, aid = rec.article, rec.article_id
        self._execute(
            _insert_sql("articles", ARTICLE_COLS),
            (
                aid,
                rec.doc_id,
                a.index,
                a.role,
                a.title,
                a.subtitle,
                json.dumps(a.authors, ensure_ascii=False),
                a.publisher,
                a.published,
                a.url,
                a.text,
                json.dumps(a.removed, ensure_ascii=False),
                a.language,
            ),
        )
        refs: dict[str, ActorRef] = {}
        for ref in [
            *rec.actors,
            *(q.speaker for q in rec.quotes),
            *(x for e in rec.events for x in (e.source, e.target, e.claimant)),
        ]:
            if ref is not None:
                refs[ref.id] = ref
        if refs:
            # Sorted ids: concurrent writers lock actor rows in the same order (no deadlock).
            self._executemany(
                "INSERT INTO actors (id, name, kind, country) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                "SET name = excluded.name, kind = excluded.kind, country = coalesce(excluded.country, actors.country)",
                [(r.id, r.name, r.kind, r.country) for _, r in sorted(refs.items())],
            )
        if rec.actors:
            self._executemany(
                _insert_sql("actor_mentions", MENTION_COLS),
                [(aid, i, *_actor_values(r)) for i, r in enumerate(rec.actors)],
            )
        if rec.events:
            self._executemany(
                _insert_sql("events", EVENT_COLS),
                [
                    (
                        aid,
                        i,
                        e.type,
                        e.mode,
                        *_actor_values(e.source),
                        *_actor_values(e.target),
                        *_actor_values(e.claimant),
                        *_place_values(e.location),
                        e.date,
                        e.date_precision,
                        e.date_start,
                        e.date_end,
                        e.status,
                        e.trigger,
                        e.sentence,
                        e.start,
                        e.end,
                        e.confidence,
                        json.dumps([c.to_json() for c in e.casualties], ensure_ascii=False),
                        e.fatalities,
                    )
                    for i, e in enumerate(rec.events)
                ],
            )
        if rec.quotes:
            self._executemany(
                _insert_sql("quotes", QUOTE_COLS),
                [
                    (aid, i, *_actor_values(q.speaker), q.text, q.kind, q.start, q.end)
                    for i, q in enumerate(rec.quotes)
                ],
            )
        if rec.places:
            self._executemany(
                _insert_sql("places", PLACE_COLS),
                [(aid, i, *_place_values(p)) for i, p in enumerate(rec.places)],
            )

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document with its articles and everything extracted from them
        (e.g. to ingest it again with a newer pipeline). Canonical actors stay.
        Returns False when there was no such document."""
        with self._transaction():
            clusters = self._clusters_of_document(doc_id)
            gone = bool(self._execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,)).rowcount)
            self._refresh_clusters(clusters)  # their other reports stay; an empty one is deleted
            return gone

    def record_error(self, source: str, reason: str) -> None:
        """Remember an input that failed; the same source and reason again only bumps a counter."""
        now = _now()
        with self._transaction():
            self._execute(
                "INSERT INTO errors (source, reason, count, first_seen, last_seen) VALUES (?, ?, 1, ?, ?) "
                "ON CONFLICT (source, reason) DO UPDATE SET count = errors.count + 1, last_seen = excluded.last_seen",
                (source, reason, now, now),
            )

    # -- articles ------------------------------------------------------------------

    _HIT_SELECT = "a.article_id, a.doc_id, d.source, a.idx, a.role, a.title, a.published, a.publisher, a.url"

    def search_articles(self, query: str, limit: int = 20) -> list[ArticleHit]:
        """Full-text search over title and body, best match first.

        ``query`` uses web-search syntax: words (all must occur, stemmed),
        ``"a phrase"``, ``OR``, ``-excluded``. Matched terms in the snippet are
        marked ``[like this]``. A query with nothing but exclusions finds nothing.
        Raises QueryTooLong over :data:`~.budget.MAX_QUERY_CHARS` characters and
        QueryTooSlow when it runs past :data:`~.budget.QUERY_BUDGET_S` seconds.
        Backends differ in one respect: PostgreSQL's english configuration
        ignores stop words ("the", "of"), SQLite's porter tokenizer does not.
        """
        check_length(query)
        if limit <= 0 or to_fts5(query) is None:  # nothing to look for (also on PostgreSQL: same semantics)
            return []
        return [_hit(r) for r in self._search(query, limit)]

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[ArticleHit]:
        """Articles, latest publication date first (undated last, in ingest order)."""
        rows = self._all(
            f"SELECT {self._HIT_SELECT}, substr(a.text, 1, ?) FROM articles a "
            "JOIN documents d ON d.doc_id = a.doc_id "
            "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
            (LISTING_SNIPPET_CHARS, limit, offset),
        )
        return [_hit((*r, None)) for r in rows]

    def get_article(self, article_id: str) -> ExtractRecord | None:
        """The record stored under ``article_id`` ("<doc_id>:<index>"), exactly as saved."""
        rows = self._dicts(
            ["source", *ARTICLE_COLS],
            f"SELECT d.source, {', '.join('a.' + c for c in ARTICLE_COLS)} FROM articles a "
            "JOIN documents d ON d.doc_id = a.doc_id WHERE a.article_id = ?",
            (article_id,),
        )
        return self._build_records(rows)[0] if rows else None

    def _children(self, table: str, cols: list[str], ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Rows of a child table for these articles, grouped by article id, in their saved order."""
        out: dict[str, list[dict[str, Any]]] = {}
        marks = ", ".join("?" for _ in ids)
        for row in self._dicts(
            cols,
            f"SELECT {', '.join(cols)} FROM {table} WHERE article_id IN ({marks}) ORDER BY article_id, ord",
            ids,
        ):
            out.setdefault(row["article_id"], []).append(row)
        return out

    def _build_records(self, rows: list[dict[str, Any]]) -> list[ExtractRecord]:
        """Records for article rows (``source`` + ARTICLE_COLS), four queries for the lot."""
        ids = [r["article_id"] for r in rows]
        mentions = self._children("actor_mentions", MENTION_COLS, ids)
        events = self._children("events", EVENT_COLS, ids)
        quotes = self._children("quotes", QUOTE_COLS, ids)
        places = self._children("places", PLACE_COLS, ids)
        out = []
        for row in rows:
            aid = row["article_id"]
            article = Article(
                index=row["idx"],
                role=row["role"],
                title=row["title"],
                text=row["text"],
                subtitle=row["subtitle"],
                authors=json.loads(row["authors"]),
                publisher=row["publisher"],
                published=row["published"],
                url=row["url"],
                removed=json.loads(row["removed"]),
                language=row["language"],
            )
            out.append(
                ExtractRecord(
                    doc_id=row["doc_id"],
                    source=row["source"],
                    article=article,
                    actors=[
                        a for a in (_actor_from(m, "actor") for m in mentions.get(aid, [])) if a is not None
                    ],
                    events=[
                        Event(
                            type=e["type"],
                            sentence=e["sentence"],
                            start=e["start_char"],
                            end=e["end_char"],
                            mode=e["mode"],
                            source=_actor_from(e, "source"),
                            target=_actor_from(e, "target"),
                            location=_place_from(e, "loc"),
                            date=e["date"],
                            date_precision=e["date_precision"],
                            date_start=e["date_start"],
                            date_end=e["date_end"],
                            claimant=_actor_from(e, "claimant"),
                            status=e["status"],
                            trigger=e["trigger_text"],
                            confidence=e["confidence"],
                            casualties=[Casualty.from_json(c) for c in json.loads(e["casualties"] or "[]")],
                        )
                        for e in events.get(aid, [])
                    ],
                    quotes=[
                        Quote(
                            speaker=_actor_from(q, "speaker"),
                            text=q["text"],
                            kind=q["kind"],
                            start=q["start_char"],
                            end=q["end_char"],
                        )
                        for q in quotes.get(aid, [])
                    ],
                    places=[
                        p for p in (_place_from(x, "place") for x in places.get(aid, [])) if p is not None
                    ],
                )
            )
        return out

    def iter_records(self, *, page_size: int = ITER_PAGE) -> Iterator[ExtractRecord]:
        """Every stored record, in ingest order, read ``page_size`` articles at a time (memory stays flat)."""
        last = 0
        cols = ["id", "source", *ARTICLE_COLS]
        while True:
            rows = self._dicts(
                cols,
                f"SELECT a.id, d.source, {', '.join('a.' + c for c in ARTICLE_COLS)} "
                "FROM articles a JOIN documents d ON d.doc_id = a.doc_id "
                "WHERE a.id > ? ORDER BY a.id LIMIT ?",
                (last, page_size),
            )
            if not rows:
                return
            yield from self._build_records(rows)
            last = rows[-1]["id"]

    def get_document(self, doc_id: str) -> DocumentRow | None:
        row = self._one(
            "SELECT d.doc_id, d.source, d.media_type, d.meta, d.n_bytes, d.ingested_at, "
            "(SELECT count(*) FROM articles a WHERE a.doc_id = d.doc_id) "
            "FROM documents d WHERE d.doc_id = ?",
            (doc_id,),
        )
        if row is None:
            return None
        return DocumentRow(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5], row[6])

    def list_errors(self, limit: int | None = None) -> list[ErrorRow]:
        """Failed inputs, most recent first."""
        rows = self._all(
            "SELECT source, reason, count, first_seen, last_seen FROM errors "
            "ORDER BY last_seen DESC, id DESC" + (" LIMIT ?" if limit is not None else ""),
            (limit,) if limit is not None else (),
        )
        return [ErrorRow(*r) for r in rows]

    def stats(self) -> StoreStats:
        row = self._one(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM articles), "
            "(SELECT count(*) FROM events), (SELECT count(*) FROM quotes), (SELECT count(*) FROM actors), "
            "(SELECT count(*) FROM (SELECT DISTINCT coalesce(CAST(place_geonameid AS TEXT), "
            "lower(place_name) || '|' || coalesce(place_country, '')) FROM places) p), "
            "(SELECT count(*) FROM errors)"
        )
        assert row is not None
        return StoreStats(*(int(x) for x in row))

    # -- events, quotes, actors ----------------------------------------------------

    def _resolve_actor_ids(self, actor: str) -> list[str]:
        """Canonical ids that ``actor`` names, the likeliest first (see
        :func:`ceasefire.query.names.actor_ids`: the one lookup of every surface)."""
        return query_names.actor_ids(self._all, actor)

    def find_actors(self, actor: str) -> list[ActorRow]:
        """The actors ``actor`` names (see :meth:`_resolve_actor_ids`), the likeliest first;
        several when a name seen is shared ("Damascus" for Syria and its government)."""
        ids = self._resolve_actor_ids(actor)
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        by_id = {r[0]: ActorRow(*r) for r in self._all(f"{self._ACTOR_SELECT} WHERE x.id IN ({marks})", ids)}
        return self._with_aliases([by_id[i] for i in ids if i in by_id])

    def similar_actors(self, actor: str, n: int = 3) -> list[ActorRow]:
        """Up to ``n`` actors for "did you mean" when :meth:`find_actors` finds nothing: those
        the text calls ``actor`` in a description or pronoun ("the ministry"), then those
        whose id, canonical name or a name seen is spelt like it."""
        ids = query_names.similar_actor_ids(self._all, actor, n)
        if not ids:
            return []
        rows = self._all(f"{self._ACTOR_SELECT} WHERE x.id IN ({', '.join('?' for _ in ids)})", ids)
        by_id = {r[0]: ActorRow(*r) for r in rows}
        return self._with_aliases([by_id[i] for i in ids if i in by_id])

    # EventRow's fields in order; _EVENT_SELECT reads them, iter_events its page key before them.
    _EVENT_COLUMNS = (
        "e.id, e.article_id, a.doc_id, d.source, a.title, a.published, e.type, e.mode, e.date, "
        "e.date_precision, e.status, e.source_id, e.source_name, e.target_id, e.target_name, "
        "e.claimant_id, e.claimant_name, e.loc_name, e.loc_lat, e.loc_lon, e.loc_country, "
        "e.trigger_text, e.sentence, e.start_char, e.end_char, e.confidence, "
        # appended for exports (EventRow's defaulted fields, same order)
        "e.loc_admin1, e.loc_geonameid, e.loc_feature, e.source_kind, e.source_country, "
        "e.target_kind, e.target_country, a.publisher, a.url, e.date_start, e.date_end, e.fatalities, e.casualties"
    )
    _EVENT_FROM = (
        " FROM events e JOIN articles a ON a.article_id = e.article_id "
        "JOIN documents d ON d.doc_id = a.doc_id"
    )
    _EVENT_SELECT = "SELECT " + _EVENT_COLUMNS + _EVENT_FROM

    def get_event(self, event_id: int) -> EventRow | None:
        """One event by the ``id`` of its :class:`EventRow`."""
        rows = self._all(f"{self._EVENT_SELECT} WHERE e.id = ?", (event_id,))
        return EventRow(*rows[0]) if rows else None

    def query_schema(self) -> query_sql.Schema:
        """What the query layer needs to know of this store's tables (read once)."""
        return query_sql.schema_of(self, self._all, self.dialect)

    def compile_query(self, q: query_spec.EventQuery) -> query_sql.Compiled:
        """``q`` checked and compiled by the query layer (QueryValueError for a bad value)."""
        return query_sql.compile_events(q.checked(), self._all, self.query_schema())

    def count_events(self, q: query_spec.EventQuery, *extra: str) -> int:
        """How many events match ``q`` (and the SQL conditions ``extra``)."""
        c = self.compile_query(q)
        if c.empty:
            return 0
        row = self._one("SELECT count(*)" + self._EVENT_FROM + c.where(*extra), c.params)
        return int(row[0]) if row else 0

    def count_undated_events(
        self,
        actor: str | None = None,
        type: str | Collection[str] | None = None,
        place: str | None = None,
        *,
        query: query_spec.EventQuery | None = None,
    ) -> int:
        """How many events with no date match the other filters: what a date range leaves out."""
        q = dataclasses.replace(
            query or query_spec.EventQuery(actor=actor, type=type, place=place), since=None, until=None
        )
        return self.count_events(q, query_sql.undated_sql(self.query_schema()))

    def latest_event_date(self, q: query_spec.EventQuery | None = None) -> str | None:
        """The last day (or date prefix) a reported act (asserted, negated) matching ``q`` can
        have happened on, else the latest date of any event matching it: where "the most
        recent period with data" ends."""
        c = self.compile_query(q or query_spec.EventQuery())
        if c.empty:
            return None
        sch = self.query_schema()
        last = "coalesce(e.date_end, e.date_start, e.date)" if sch.windowed else "e.date"
        for col, extra in ((last, ("e.status IN ('asserted', 'negated')",)), (sch.sort_date(), ())):
            row = self._one(f"SELECT max({col})" + self._EVENT_FROM + c.where(*extra), c.params)
            if row and row[0]:
                return str(row[0])
        return None

    def count_partial_events(self, q: query_spec.EventQuery) -> int:
        """How many events of ``q`` have a date window reaching outside its date range."""
        cond = query_sql.partial_sql(q.checked(), self.query_schema())
        return self.count_events(q, cond) if cond else 0

    @staticmethod
    def _as_query(
        actor: str | None,
        type: str | Collection[str] | None,
        since: str | None,
        until: str | None,
        place: str | None,
        status: str | None,
        article_id: str | None,
        more: dict[str, Any],
        query: query_spec.EventQuery | None,
    ) -> query_spec.EventQuery:
        if query is not None:
            return query
        return query_spec.EventQuery(
            actor=actor,
            type=type,
            since=since,
            until=until,
            place=place,
            status=status,
            article_id=article_id,
            **more,
        )

    def query_events(
        self,
        actor: str | None = None,
        type: str | Collection[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        limit: int | None = None,
        *,
        status: str | None = None,
        article_id: str | None = None,
        offset: int = 0,
        query: query_spec.EventQuery | None = None,
        **more: Any,
    ) -> list[EventRow]:
        """Events, filtered; newest first (undated last), ties newest ingested first.

        The filters are those of :class:`~ceasefire.query.EventQuery` (also
        ``claimant``, ``outlet``, ``text``, ``min_confidence`` as keywords), or
        ``query`` itself: ``actor`` matches the source, target or claimant by id,
        name or alias; ``type`` one PLOVER type (any case) or several;
        ``since``/``until`` inclusive ISO dates, ``YYYY``, ``YYYY-MM`` or
        ``YYYY-MM-DD``, kept when the event's date overlaps them (undated
        events are left out when either is given); ``place`` a location's
        name or variant, admin1 region, country name or ISO-3 code.

        All rows are in the returned list: for a page of a listing. To go
        through many events (exports, reports), use :meth:`iter_events`.
        """
        q = self._as_query(actor, type, since, until, place, status, article_id, more, query)
        if limit is None:
            limit = q.limit
        c = self.compile_query(q)
        if c.empty:
            return []
        sql = self._EVENT_SELECT + c.where() + query_sql.order_by(self.query_schema())
        params = list(c.params)
        if limit is not None or offset:
            # SQLite needs a LIMIT before OFFSET (-1: none); PostgreSQL takes LIMIT NULL.
            sql += " LIMIT ? OFFSET ?"
            params += [limit if limit is not None else (-1 if self.dialect == "sqlite" else None), offset]
        return [EventRow(*r) for r in self._all(sql, params)]

    def iter_events(
        self,
        actor: str | None = None,
        type: str | Collection[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        limit: int | None = None,
        *,
        status: str | None = None,
        article_id: str | None = None,
        page_size: int = EVENT_PAGE,
        query: query_spec.EventQuery | None = None,
        **more: Any,
    ) -> Iterator[EventRow]:
        """The events of :meth:`query_events` with the same filters and in the same order,
        read ``page_size`` rows per query, so memory stays flat for any number of events.

        Pages by keyset, not OFFSET: each page starts after the (date, id) of
        the last row read, dated events first, then the undated ones by id. A
        page costs the same at the end as at the start, and events stored
        while iterating never make a row repeat or go missing.
        """
        if page_size < 1:
            raise ValueError(f"page_size must be at least 1, not {page_size}")
        q = self._as_query(actor, type, since, until, place, status, article_id, more, query)
        if limit is None:
            limit = q.limit
        c = self.compile_query(q)
        if c.empty:
            return
        sort = self.query_schema().sort_date()
        left = limit  # rows still wanted (None: all)
        for dated in (True, False):
            last: tuple[Any, int] | None = None  # the (sort date, id) of the last row read in this part
            while left is None or left > 0:
                cond = [f"{sort} IS NOT NULL" if dated else f"{sort} IS NULL"]
                page_params = list(c.params)
                if last is not None and dated:
                    cond.append(f"({sort}, e.id) < (?, ?)")
                    page_params += list(last)
                elif last is not None:
                    cond.append("e.id < ?")
                    page_params.append(last[1])
                n = page_size if left is None else min(page_size, left)
                sql = (
                    f"SELECT {sort}, "
                    + self._EVENT_COLUMNS
                    + self._EVENT_FROM
                    + c.where(*cond)
                    + (f" ORDER BY {sort} DESC, e.id DESC" if dated else " ORDER BY e.id DESC")
                    + " LIMIT ?"
                )
                rows = self._all(sql, [*page_params, n])
                for r in rows:
                    row = EventRow(*r[1:])
                    last = (r[0], row.id)
                    yield row
                if left is not None:
                    left -= len(rows)
                if len(rows) < n:
                    break
                del rows  # let the page go before the next one is read

    def query_quotes(
        self,
        actor: str | None = None,
        limit: int | None = None,
        *,
        article_ids: Collection[str] | None = None,
    ) -> list[QuoteRow]:
        """Quotes in ingest order; ``actor`` matches the speaker by id, name or alias;
        ``article_ids`` keeps only the quotes of these articles (read from the
        database only for them, any number of ids)."""
        where: list[str] = []
        params: list[Any] = []
        if actor is not None:
            ids = self._resolve_actor_ids(actor)
            if not ids:
                return []
            where.append(f"q.speaker_id IN ({', '.join('?' for _ in ids)})")
            params += ids
        sql = (
            "SELECT a.id, q.ord, q.id, q.article_id, a.doc_id, d.source, a.title, a.published, q.speaker_id, "
            "q.speaker_name, q.speaker_mention, q.text, q.kind, q.start_char, q.end_char, a.publisher "
            "FROM quotes q JOIN articles a ON a.article_id = q.article_id "
            "JOIN documents d ON d.doc_id = a.doc_id"
        )
        order = " ORDER BY a.id, q.ord"
        if article_ids is None:
            chunks: list[list[str]] = [[]]
        else:
            wanted = sorted(set(article_ids))
            if not wanted:
                return []
            # Bounded parameter lists; each chunk comes back in order and the chunks are merged below.
            chunks = [wanted[i : i + ALIAS_CHUNK] for i in range(0, len(wanted), ALIAS_CHUNK)]
        rows: list[tuple[Any, ...]] = []
        for chunk in chunks:
            cond = list(where)
            if chunk:
                cond.append(f"q.article_id IN ({', '.join('?' for _ in chunk)})")
            q_sql = sql + (" WHERE " + " AND ".join(cond) if cond else "") + order
            q_params = [*params, *chunk]
            if limit is not None:
                q_sql += " LIMIT ?"
                q_params.append(limit)
            rows += self._all(q_sql, q_params)
        if len(chunks) > 1:
            rows.sort(key=lambda r: (r[0], r[1]))
            if limit is not None:
                rows = rows[:limit]
        return [QuoteRow(*r[2:]) for r in rows]

    _ACTOR_SELECT = (
        "SELECT x.id, x.name, x.kind, x.country, "
        "(SELECT count(*) FROM actor_mentions m WHERE m.actor_id = x.id), "
        "(SELECT count(DISTINCT m.article_id) FROM actor_mentions m WHERE m.actor_id = x.id), "
        "(SELECT count(*) FROM events e WHERE e.source_id = x.id OR e.target_id = x.id OR e.claimant_id = x.id), "
        "(SELECT count(*) FROM quotes q WHERE q.speaker_id = x.id) "
        "FROM actors x"
    )

    def query_actors(
        self,
        kind: str | None = None,
        country: str | None = None,
        name: str | None = None,
        limit: int | None = None,
    ) -> list[ActorRow]:
        """Canonical actors, most mentioned first, with the aliases seen.

        ``kind`` and ``country`` match exactly (any case); ``name`` is a
        case-insensitive substring of the id or canonical name.
        """
        where: list[str] = []
        params: list[Any] = []
        if kind is not None:
            where.append("lower(x.kind) = ?")
            params.append(kind.lower())
        if country is not None:
            where.append("lower(x.country) = ?")
            params.append(country.lower())
        if name is not None:
            f = self._find_fn
            where.append(f"({f}(lower(x.id), ?) > 0 OR {f}(lower(x.name), ?) > 0)")
            params += [name.lower()] * 2
        sql = f"SELECT * FROM ({self._ACTOR_SELECT}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ") t ORDER BY 5 DESC, 1"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._with_aliases([ActorRow(*r) for r in self._all(sql, params)])

    def get_actor(self, actor_id_or_name: str) -> ActorRow | None:
        """One actor by id, else canonical name, else the actor most often seen under that name
        (any case, then ignoring spelling variants; see :meth:`find_actors` for all of them)."""
        found = self.find_actors(actor_id_or_name)
        return found[0] if found else None

    def _with_aliases(self, actors: list[ActorRow]) -> list[ActorRow]:
        if not actors:
            return actors
        by_id = {a.id: a for a in actors}
        ids = list(by_id)
        for i in range(0, len(ids), ALIAS_CHUNK):
            chunk = ids[i : i + ALIAS_CHUNK]
            rows = self._all(
                f"SELECT actor_id, actor_mention, count(*) FROM actor_mentions WHERE actor_id IN "
                f"({', '.join('?' for _ in chunk)}) AND actor_mention IS NOT NULL "
                "GROUP BY actor_id, actor_mention ORDER BY 3 DESC, 2",
                chunk,
            )
            # Names only (no pronouns or descriptions), one spelling per name: the commonest.
            shown: set[tuple[str, str]] = set()
            for actor_id, mention, _ in rows:
                k = (actor_id, name_key(mention))
                if is_name(mention) and k not in shown:
                    shown.add(k)
                    by_id[actor_id].aliases.append(mention)
        return actors
