"""An :class:`~.spec.EventQuery` as SQL over the store's ``events e`` joined with ``articles a``.

One compiler for every surface (CLI, web pages and JSON API, report, exports),
so a filter means the same everywhere. The SQL is portable (``?``
placeholders, no dialect functions but full-text search), and names are
resolved against the store first: an actor, claimant or outlet that names
nothing makes the query empty and says so (:class:`Miss`, with close names
to suggest) instead of silently matching nothing.

Dates: when the store's events carry a window (``date_start``/``date_end``
columns, added by the dates stage), the range filter keeps every event whose
window overlaps it and :func:`partial_sql` tells which only partly do; on a
store without them, the stated ``date`` is the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..store.fts import to_fts5
from . import names as N
from .spec import EventQuery

# Appended to a date prefix: sorts after every date that starts with it ("2016-06~" > "2016-06-30").
END = "~"


@dataclass(frozen=True)
class Schema:
    """What the query needs to know of a store's tables."""

    dialect: str  # "sqlite" | "postgresql"
    event_columns: frozenset[str]
    has_fts: bool

    @property
    def windowed(self) -> bool:
        return {"date_start", "date_end"} <= self.event_columns

    def window(self) -> tuple[str, str]:
        """SQL for the first and the last date an event may have happened on, compared as text.

        A stated date is the period it names: "2016-06" runs from "2016-06" (which sorts
        before every day of June) to "2016-06~" (after every one: '~' sorts after digits and
        '-'), so a month or a year overlaps every range that reaches into it.
        """
        if self.windowed:
            return "coalesce(e.date_start, e.date)", "(coalesce(e.date_end, e.date) || '~')"
        return "e.date", "(e.date || '~')"

    def sort_date(self) -> str:
        """The date events are listed by: the one stated, else the start of the window."""
        return "coalesce(e.date, e.date_start, e.date_end)" if self.windowed else "e.date"


_SCHEMA_ATTR = "_ceasefire_query_schema"


def schema_of(owner: Any, rows: N.Rows, dialect: str) -> Schema:
    """The schema of the store behind ``rows``, read once and kept on ``owner``."""
    cached = getattr(owner, _SCHEMA_ATTR, None)
    if cached is not None:
        return cached
    if dialect == "postgresql":
        cols = {
            r[0]
            for r in rows(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' "
                "AND table_schema = ANY (current_schemas(false))",
                (),
            )
        }
        fts = True
    else:
        cols = {r[1] for r in rows("PRAGMA table_info(events)", ())}
        fts = bool(rows("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'", ()))
    schema = Schema(dialect, frozenset(cols), fts)
    try:
        setattr(owner, _SCHEMA_ATTR, schema)
    except AttributeError:
        pass
    return schema


@dataclass
class Miss:
    """A filter whose value names nothing in this store, with close names to suggest."""

    field: str
    value: str
    suggestions: list[str] = field(default_factory=list)

    def message(self) -> str:
        what = {"actor": "actor", "claimant": "claimant", "outlet": "outlet", "place": "place"}.get(
            self.field, self.field
        )
        hint = f": did you mean {' or '.join(self.suggestions)}?" if self.suggestions else ""
        return f"no {what} {self.value!r}{hint}"


@dataclass
class Compiled:
    """WHERE conditions over ``events e`` (and ``articles a`` when :attr:`joins_article`)."""

    conds: list[str]
    params: list[Any]
    joins_article: bool
    misses: list[Miss]
    actor_ids: list[str] = field(default_factory=list)
    claimant_ids: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing can match (a name that names nothing)."""
        return bool(self.misses)

    def where(self, *extra: str) -> str:
        """' WHERE ...' with these conditions and ``extra`` ones, or '' when there are none."""
        conds = ["1 = 0"] if self.empty else [*self.conds, *extra]
        return " WHERE " + " AND ".join(conds) if conds else ""


def _in(col: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    values = list(values)
    return f"{col} IN ({', '.join('?' for _ in values)})", values


def text_condition(schema: Schema, text: str) -> tuple[str, list[Any]]:
    """Articles ``a`` matching a web-search style query (both backends, same syntax)."""
    match = to_fts5(text)
    if match is None or not schema.has_fts:
        return "1 = 0", []
    if schema.dialect == "postgresql":
        return "a.tsv @@ websearch_to_tsquery('english', ?)", [text]
    return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [match]


def compile_events(q: EventQuery, rows: N.Rows, schema: Schema, *, suggest: bool = True) -> Compiled:
    """The conditions of ``q`` (already :meth:`~.spec.EventQuery.checked`)."""
    conds: list[str] = []
    params: list[Any] = []
    misses: list[Miss] = []
    out = Compiled(conds, params, False, misses)
    if q.status:
        conds.append("e.status = ?")
        params.append(q.status)
    if q.article_id:
        conds.append("e.article_id = ?")
        params.append(q.article_id)
    if q.actor:
        out.actor_ids = ids = N.actor_ids(rows, q.actor)
        if not ids:
            near = N.actor_names(rows, N.similar_actor_ids(rows, q.actor)) if suggest else []
            misses.append(Miss("actor", q.actor, near))
        else:
            c, p = _in("{}", ids)
            conds.append(
                "(" + " OR ".join(c.format(f"e.{r}_id") for r in ("source", "target", "claimant")) + ")"
            )
            params += p * 3
    if q.claimant:
        out.claimant_ids = ids = N.actor_ids(rows, q.claimant)
        if not ids:
            near = N.actor_names(rows, N.similar_actor_ids(rows, q.claimant)) if suggest else []
            misses.append(Miss("claimant", q.claimant, near))
        else:
            c, p = _in("e.claimant_id", ids)
            conds.append(c)
            params += p
    types = q.types()
    if types:
        c, p = _in("e.type", types)
        conds.append(c)
        params += p
    first, last = schema.window()
    if q.since:
        conds.append(f"{last} >= ?")
        params.append(q.since)
    if q.until:
        conds.append(f"{first} <= ?")
        params.append(q.until + END)
    if q.place:
        m = N.place_match(rows, q.place)
        ors = []
        for col, values in (
            ("lower(e.loc_name)", m.names),
            ("lower(e.loc_admin1)", m.names),
            ("e.loc_country", m.countries),
            ("e.loc_geonameid", m.geonameids),
        ):
            if values:
                c, p = _in(col, sorted(values))
                ors.append(c)
                params += p
        conds.append("(" + " OR ".join(ors) + ")")
    if q.min_confidence is not None:
        conds.append("e.confidence >= ?")
        params.append(q.min_confidence)
    if q.outlet:
        found = N.outlets(rows, q.outlet)
        if not found:
            misses.append(Miss("outlet", q.outlet, N.similar_outlets(rows, q.outlet) if suggest else []))
        else:
            c, p = _in("a.publisher", found)
            conds.append(c)
            params += p
            out.joins_article = True
    if q.text:
        c, p = text_condition(schema, q.text)
        conds.append(c)
        params += p
        out.joins_article = True
    return out


def partial_sql(q: EventQuery, schema: Schema) -> str | None:
    """A condition true for the events of ``q`` whose date window reaches outside its date
    range (kept, as they may have happened inside it); None without a range."""
    if not (q.since or q.until):
        return None
    first, last = schema.window()
    outside = []
    if q.since:
        outside.append(f"{first} < '{q.since}'")  # checked dates: digits and hyphens only
    if q.until:
        outside.append(f"{last} > '{q.until}{END}'")
    return "(" + " OR ".join(outside) + ")"


def undated_sql(schema: Schema) -> str:
    """Events a date range cannot place: no date and no window."""
    first, _ = schema.window()
    return f"{first} IS NULL"


def order_by(schema: Schema) -> str:
    """The one order of event listings: newest first (by the date stated, else the window's
    start), undated last, ties newest ingested first."""
    return f" ORDER BY {schema.sort_date()} DESC NULLS LAST, e.id DESC"
