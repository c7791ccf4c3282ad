"""Store: persistence of documents, articles and extractions.

SQLite (one file, the default) or PostgreSQL (shared deployments), same
schema, same API::

    from ceasefire.store import open_store

    with open_store("news.db") as store:            # or "postgresql://user@host/db"
        if not store.has_document(doc.doc_id):
            store.save_document(doc, records)
        for hit in store.search_articles('Aleppo "ceasefire" -Idlib'):
            print(hit.article_id, hit.snippet)
        for event in store.iter_events(type="ASSAULT", since="2016"):   # streamed, a page at a time
            print(event.date, event.source_actor_name, event.target_actor_name)

Records made without a database (``ceasefire extract`` JSON Lines) load with
``load_records(store, read_jsonl(path))``.

Public surface: :func:`open_store`, :class:`Store`, the row dataclasses and
the loaders.
"""

from __future__ import annotations

import os

from .base import Store
from .budget import MAX_QUERY_CHARS, QueryError, QueryTooLong, QueryTooSlow
from .errors import StoreError
from .load import LoadSummary, load_records, read_jsonl, record_from_json
from .readonly import SchemaBehind
from .rows import ActorRow, ArticleHit, DocumentRow, ErrorRow, EventRow, QuoteRow, StoreStats

__all__ = [
    "ActorRow",
    "ArticleHit",
    "DocumentRow",
    "ErrorRow",
    "EventRow",
    "LoadSummary",
    "MAX_QUERY_CHARS",
    "QueryError",
    "QueryTooLong",
    "QueryTooSlow",
    "SchemaBehind",
    "QuoteRow",
    "Store",
    "StoreError",
    "StoreStats",
    "load_records",
    "open_store",
    "read_jsonl",
    "record_from_json",
]

_PG_SCHEMES = ("postgresql://", "postgres://")
_SQLITE_SCHEME = "sqlite:///"


def open_store(url: str | os.PathLike[str], *, read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    ``url`` is a file path or ``sqlite:///path`` for SQLite (``sqlite:///:memory:``
    for a throwaway in-memory store), or ``postgresql://...`` for PostgreSQL.
    Raises StoreError when the database cannot be opened or is not a
    ceasefire database. ``read_only``: open an existing store for reading
    only, creating and migrating nothing (SchemaBehind when its schema is old;
    SQLite: readable in a read-only folder too; PostgreSQL: a read-only session).
    """
    text = os.fspath(url)
    if text.startswith(_PG_SCHEMES):
        from .postgres import PostgresStore

        return PostgresStore(text, read_only=read_only)
    from .sqlite import SQLiteStore

    if text.startswith(_SQLITE_SCHEME):
        text = text[len(_SQLITE_SCHEME) :]
    elif "://" in text:
        raise StoreError(f"{text}: unknown database URL; use a file path, sqlite:///path or postgresql://...")
    if not text:
        raise StoreError("empty database path")
    return SQLiteStore(text, read_only=read_only)
