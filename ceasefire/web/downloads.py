"""CSV and JSON Lines downloads of the events of the current filter.

A download is ``ceasefire events --format csv|json`` with the same filter: the same
store method (:meth:`~ceasefire.store.Store.iter_events`, through a read-only store),
the same rows in the same order (newest first) and the same bytes per row
(:mod:`ceasefire.store.rows`). It streams, page by page, so its size is not bounded by
memory. A filter naming no actor, claimant or outlet is a 404 saying so (the CLI exits 1),
not an empty file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from fastapi import HTTPException
from fastapi.responses import StreamingResponse

from ..store import EventRow, SchemaBehind, StoreError, open_store
from ..store.rows import csv_cells, csv_header, json_line
from .filters import Filters

# Rows written per chunk of the response (a chunk is then ~0.5 MB of CSV).
CHUNK_ROWS = 500
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def _csv_text(rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _chunks(store: Any, f: Filters, fmt: str) -> Iterator[bytes]:
    try:
        names = csv_header(EventRow)
        if fmt == "csv":
            yield _csv_text([names]).encode("utf-8")
        batch: list[Any] = []
        for row in store.iter_events(query=f.to_query()):
            batch.append(row)
            if len(batch) >= CHUNK_ROWS:
                yield _encode(batch, names, fmt)
                batch = []
        if batch:
            yield _encode(batch, names, fmt)
    finally:
        store.close()


def _encode(batch: list[Any], names: list[str], fmt: str) -> bytes:
    if fmt == "csv":
        return _csv_text([csv_cells(r, names) for r in batch]).encode("utf-8")
    return "".join(json_line(r) + "\n" for r in batch).encode("utf-8")


def download(db_url: str, f: Filters, fmt: str, *, read_only: bool = True) -> StreamingResponse:
    """The events of ``f`` as a CSV (``fmt="csv"``) or JSON Lines (``"jsonl"``) attachment."""
    try:
        store = open_store(db_url, read_only=read_only)
    except SchemaBehind as exc:
        raise HTTPException(503, f"the store's schema is older than this version: {exc}") from None
    except StoreError as exc:
        raise HTTPException(503, f"the store cannot be read: {exc}") from None
    try:
        misses = store.compile_query(f.to_query()).misses
    except BaseException:
        store.close()
        raise
    if misses:
        store.close()
        raise HTTPException(404, "; ".join(m.message() for m in misses))
    name = "events" + "".join(f"_{k}-{_slug(v)}" for k, v in f.items())
    return StreamingResponse(
        _chunks(store, f, fmt),
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name[:120]}.{fmt}"'},
    )


def _slug(value: str) -> str:
    """A filter value as part of a file name: letters, digits and '-' only."""
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in value)
    return "-".join(p for p in out.split("-") if p) or "x"
