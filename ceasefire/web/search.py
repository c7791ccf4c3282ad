"""The quotes list and the one-box search of the web UI (read-only SQL over the store).

Quotes are filtered as ``ceasefire quotes`` filters them: ``actor`` is the speaker (by
id, name or any alias, the query layer's lookup), and every other filter keeps the
quotes of the articles that report events matching it. The search box looks in four
places at once: articles (full text, ranked), events (those of the matching articles:
the events page's ``q`` filter, the CLI's ``--text``), actors (canonical name, id or a
name seen) and quotes (the quote's own words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..query import compile_events
from ..query.names import actor_ids
from ..store.fts import to_fts5
from . import queries as Q
from .filters import Filters

# Results per kind on the search page; each kind links to its full list.
SEARCH_N = 10
# Quotes shown on the search page (a quote is short; the words are often in many).
SEARCH_QUOTES = 20
_WORD = re.compile(r"\w+")


@dataclass
class QuoteList:
    filters: dict[str, str]
    total: int
    offset: int
    limit: int
    quotes: list[Q.QuoteOut]


def _quote_where(r: Q.Reader, f: Filters) -> tuple[str, list[Any]] | None:
    """The WHERE clause over ``quotes qt`` for ``f``; None when a name names nothing."""
    conds: list[str] = []
    params: list[Any] = []
    if f.actor:
        ids = actor_ids(r.rows, f.actor)
        if not ids:
            return None
        conds.append(f"qt.speaker_id IN ({', '.join('?' for _ in ids)})")
        params += ids
    rest = f.with_(actor="")
    if rest.active():
        c = compile_events(rest.to_query().checked(), r.rows, Q.schema(r))
        if c.empty:
            return None
        conds.append(
            "qt.article_id IN (SELECT e.article_id FROM events e JOIN articles a ON a.article_id = e.article_id"
            + c.where()
            + ")"
        )
        params += c.params
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


def _quote_rows(r: Q.Reader, where: str, params: list[Any], limit: int, offset: int) -> list[Q.QuoteOut]:
    sql = (
        "SELECT qt.*, qa.title AS title, qa.published AS published, qa.publisher AS publisher FROM quotes qt"
        " JOIN articles qa ON qa.article_id = qt.article_id"
        + where
        + " ORDER BY qa.published DESC NULLS LAST,"
        " qt.id DESC LIMIT ? OFFSET ?"
    )
    return [Q._quote(x) for x in r.rows(sql, [*params, limit, offset])]


def quote_list(r: Q.Reader, f: Filters, limit: int = Q.PAGE_SIZE, offset: int = 0) -> QuoteList:
    """The quotes of ``f``, newest article first."""
    w = _quote_where(r, f)
    if w is None:
        return QuoteList(dict(f.items()), 0, offset, limit, [])
    where, params = w
    row = r.one("SELECT count(*) FROM quotes qt" + where, params)
    return QuoteList(
        dict(f.items()), row[0] if row else 0, offset, limit, _quote_rows(r, where, params, limit, offset)
    )


@dataclass
class Found:
    """What one search found: the first results of each kind, and how many there are."""

    q: str
    articles: list[Q.ArticleMeta]
    events_total: int
    events: list[Q.EventOut]
    actors: list[Q.ActorSummary]
    quotes_total: int
    quotes: list[Q.QuoteOut]


def _escape_like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(r: Q.Reader, q: str, n: int = SEARCH_N, n_quotes: int = SEARCH_QUOTES) -> Found:
    """Articles, events, actors and quotes for the one search box."""
    q = " ".join(q.split())
    if not q:
        return Found(q, [], 0, [], [], 0, [])
    arts = Q.articles(r, q, n) if to_fts5(q) is not None else []
    f = Filters(q=q)
    events_total = Q.counts(r, f).events if arts else 0
    events = Q.events(r, f, n) if events_total else []
    # actors: the one the query names exactly (id, name or a name seen), then names containing it
    named = actor_ids(r.rows, q)
    actors = [a for a in (Q.actor(r, i) for i in named[:n]) if a is not None]
    seen = {a.id for a in actors}
    actors += [a for a in Q.actors(r, q, n) if a.id not in seen]
    # quotes: every word of the query in the quote's text, any case
    words = [w.lower() for w in _WORD.findall(q)]
    quotes_total, quotes = 0, []
    if words:
        where = " WHERE " + " AND ".join("lower(qt.text) LIKE ? ESCAPE '\\'" for _ in words)
        params = [_escape_like(w) for w in words]
        row = r.one("SELECT count(*) FROM quotes qt" + where, params)
        quotes_total = row[0] if row else 0
        quotes = _quote_rows(r, where, params, n_quotes, 0) if quotes_total else []
    return Found(q, arts, events_total, events, actors[:n], quotes_total, quotes)
