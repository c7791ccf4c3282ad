"""Export stored events to the files analysts' tools read.

Public surface: :class:`EventFilter`, :func:`export_events`, :func:`iter_events`,
:data:`FORMATS`.

Events are streamed: read from the store a page at a time
(:meth:`ceasefire.store.Store.iter_events`) and written as they come, so an
export of any size holds one page of rows (and, for Parquet, one row group)
in memory.

- ``csv``: one row per event with ACLED-like columns (:data:`CSV_COLUMNS`).
- ``jsonl``: one PLOVER-style JSON record per event, using the PLOVER field
  names where they exist (``id``, ``date``, ``actor``, ``recipient``,
  ``event``, ``mode``, ``event_loc``, ``event_text``, ``text``,
  ``cite_info``, ``coder``, ``coded_date``) plus ceasefire's own
  (``status``, ``date_precision``, ``claimant``, ``confidence``).
- ``parquet``: the CSV columns with real types (pyarrow).
- ``geojson``: a FeatureCollection of the geocoded events (Point features).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .. import __version__
from ..query import EventQuery
from ..store.base import Store
from ..store.rows import EventRow
from . import codes

FORMATS = ("csv", "jsonl", "parquet", "geojson")

# (column, pyarrow type name, how to read it from an EventRow)
_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "int64"),
    ("event_date", "string"),  # as stated: YYYY-MM-DD, YYYY-MM or YYYY (see date_precision)
    ("year", "int64"),
    ("date_precision", "string"),
    ("time_precision", "int64"),  # ACLED's 1 (day), 2 (week), 3 (month or worse)
    ("date_start", "date32"),  # the window the event happened in (UCDP GED)
    ("date_end", "date32"),
    ("event_type", "string"),
    ("sub_event_type", "string"),  # the PLOVER mode
    (
        "quad_class",
        "int64",
    ),  # PLOVER: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
    ("status", "string"),
    ("actor1", "string"),
    ("actor1_id", "string"),
    ("actor1_kind", "string"),
    ("actor1_country", "string"),
    ("inter1", "int64"),  # ACLED actor type of actor1
    ("actor2", "string"),
    ("actor2_id", "string"),
    ("actor2_kind", "string"),
    ("actor2_country", "string"),
    ("inter2", "int64"),
    ("claimant", "string"),
    ("claimant_id", "string"),
    ("country", "string"),
    ("iso", "int64"),  # ISO 3166-1 numeric, as ACLED's iso
    ("admin1", "string"),
    ("admin2", "string"),  # the location's own name when it is a second-level region
    ("location", "string"),
    ("latitude", "float64"),
    ("longitude", "float64"),
    ("geo_precision", "string"),
    ("geonameid", "int64"),
    ("source", "string"),  # the outlet
    ("source_url", "string"),
    ("source_document", "string"),
    ("article_id", "string"),
    ("title", "string"),
    ("published", "date32"),
    ("fatalities", "int64"),  # ACLED's conservative rule: the lowest figure reported (ceasefire.casualties)
    ("confidence", "float64"),
    ("notes", "string"),  # the sentence the event was coded from
]
CSV_COLUMNS = [c for c, _ in _COLUMNS]
DATE_COLUMNS = frozenset(c for c, t in _COLUMNS if t == "date32")


# The filter of an export is the query layer's, the one the CLI and the web use.
EventFilter = EventQuery


def geo_precision(feature: str | None) -> str | None:
    """How precise a location is, from its GeoNames feature code."""
    if not feature:
        return None
    code = feature.upper()
    if code.startswith("PCL"):
        return "country"
    if code.startswith("ADM1"):
        return "admin1"
    if code.startswith("ADM"):
        return "admin2"
    return "point"


def flat_row(e: EventRow) -> dict[str, Any]:
    """One event as the ACLED-like flat record used by CSV and Parquet (dates as ISO text; the
    Parquet writer types them)."""
    return {
        "event_id": e.id,
        "event_date": e.date,
        "year": codes.event_year(e.date, e.date_start, e.date_end),
        "date_precision": e.date_precision,
        "time_precision": codes.time_precision(e.date_precision, e.date_start, e.date_end),
        "date_start": e.date_start,
        "date_end": e.date_end,
        "event_type": e.type,
        "sub_event_type": e.mode,
        "quad_class": codes.quad_class(e.type),
        "status": e.status,
        "actor1": e.source_actor_name,
        "actor1_id": e.source_actor_id,
        "actor1_kind": e.source_actor_kind,
        "actor1_country": e.source_actor_country,
        "inter1": codes.inter_code(e.source_actor_kind, e.source_actor_country, e.country),
        "actor2": e.target_actor_name,
        "actor2_id": e.target_actor_id,
        "actor2_kind": e.target_actor_kind,
        "actor2_country": e.target_actor_country,
        "inter2": codes.inter_code(e.target_actor_kind, e.target_actor_country, e.country),
        "claimant": e.claimant_name,
        "claimant_id": e.claimant_id,
        "country": e.country,
        "iso": codes.iso_numeric(e.country),
        "admin1": e.admin1,
        "admin2": e.location_name if (e.geo_feature or "").upper().startswith("ADM2") else None,
        "location": e.location_name,
        "latitude": e.lat,
        "longitude": e.lon,
        "geo_precision": geo_precision(e.geo_feature) if e.lat is not None else None,
        "geonameid": e.geonameid,
        "source": e.publisher,
        "source_url": e.url,
        "source_document": e.doc_source,
        "article_id": e.article_id,
        "title": e.title,
        "published": e.published,
        "fatalities": getattr(e, "fatalities", None),
        "confidence": round(e.confidence, 3),
        "notes": " ".join(e.sentence.split()),
    }


def _entity(name: str | None, actor_id: str | None, kind: str | None, country: str | None) -> list[dict]:
    if not name and not actor_id:
        return []
    return [{"entity_name": name, "entity_id": actor_id, "country_name": country, "sector": kind}]


def plover_record(e: EventRow, coded: str) -> dict[str, Any]:
    """One event in PLOVER's JSON field names (plus ceasefire's own fields)."""
    loc = None
    if e.location_name or e.lat is not None:
        loc = {
            "name": e.location_name,
            "lat": e.lat,
            "lon": e.lon,
            "country": e.country,
            "admin1": e.admin1,
            "geonameid": e.geonameid,
            "feature": e.geo_feature,
        }
    return {
        "id": f"ceasefire-{e.id}",
        "date": e.date,
        "date_precision": e.date_precision,
        "date_start": e.date_start,
        "date_end": e.date_end,
        "actor": _entity(e.source_actor_name, e.source_actor_id, e.source_actor_kind, e.source_actor_country),
        "recipient": _entity(
            e.target_actor_name, e.target_actor_id, e.target_actor_kind, e.target_actor_country
        ),
        "event": [e.type],
        "quad_code": codes.quad_class(e.type),
        "mode": [e.mode] if e.mode else [],
        "event_loc": loc,
        "event_text": [e.trigger] if e.trigger else [],
        "text": e.sentence,
        "text_info": {"start": e.start, "end": e.end},
        "cite_info": {
            "source": e.publisher,
            "url": e.url,
            "document": e.doc_source,
            "article_id": e.article_id,
            "title": e.title,
            "published": e.published,
        },
        "claimant": {"entity_name": e.claimant_name, "entity_id": e.claimant_id} if e.claimant_id else None,
        "status": e.status,
        "fatalities": e.fatalities,
        "casualties": e.casualties,
        "confidence": round(e.confidence, 3),
        "coder": f"ceasefire {__version__}",
        "coded_date": coded,
    }


def geojson_feature(e: EventRow) -> dict[str, Any] | None:
    if e.lat is None or e.lon is None:
        return None
    props = {k: v for k, v in flat_row(e).items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "id": e.id,
        "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
        "properties": props,
    }


def _write_csv(rows: Iterable[EventRow], fh: IO[str]) -> int:
    w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
    w.writeheader()
    n = 0
    for e in rows:
        w.writerow(flat_row(e))
        n += 1
    return n


def _write_jsonl(rows: Iterable[EventRow], fh: IO[str]) -> int:
    coded = dt.date.today().isoformat()
    n = 0
    for e in rows:
        fh.write(json.dumps(plover_record(e, coded), ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_geojson(rows: Iterable[EventRow], fh: IO[str]) -> int:
    # Streamed by hand so a large export never holds the whole collection in memory.
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for e in rows:
        feat = geojson_feature(e)
        if feat is None:
            continue
        fh.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


# Parquet is written in row groups of PARQUET_BATCH events. Python objects are turned
# into compact Arrow arrays every ARROW_CHUNK events, so what Python holds is one chunk
# (~1,000 rows' values, about as much as one page of the store's rows) and a row
# group sits in Arrow's memory as packed columns (~4 MB for 10,000 events of
# synthetic news, measured with tracemalloc and pyarrow.total_allocated_bytes).
PARQUET_BATCH = 10_000
ARROW_CHUNK = 1_000


def _write_parquet(rows: Iterable[EventRow], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, getattr(pa, t)()) for c, t in _COLUMNS])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        columns: dict[str, list[Any]] = {c: [] for c in CSV_COLUMNS}
        chunks: list[pa.RecordBatch] = []
        pending = 0  # rows in ``chunks`` and ``columns``, not yet written

        def to_arrow() -> None:
            chunks.append(pa.RecordBatch.from_pydict(columns, schema=schema))
            for values in columns.values():
                values.clear()

        def write() -> None:
            writer.write_table(pa.Table.from_batches(chunks, schema=schema))
            chunks.clear()

        for e in rows:
            for c, v in flat_row(e).items():
                columns[c].append(codes.as_date(v) if c in DATE_COLUMNS else v)
            n += 1
            pending += 1
            if pending % ARROW_CHUNK == 0:
                to_arrow()
            if pending >= PARQUET_BATCH:
                write()
                pending = 0
        if pending or n == 0:
            to_arrow()
            write()
    return n


def iter_events(store: Store, flt: EventFilter | None = None) -> Iterator[EventRow]:
    """The events of ``store`` that pass ``flt``, in listing order (newest first, undated last),
    read a page at a time: what exports and the report go through."""
    return store.iter_events(query=flt or EventQuery())


def export_events(store: Store, fmt: str, out: Path | IO[str], flt: EventFilter | None = None) -> int:
    """Write the filtered events of ``store`` in ``fmt``; return how many were written.

    ``out`` is a path, or an open text stream for the text formats.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = iter_events(store, flt)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("parquet is a binary format: give an output file (--out events.parquet)")
        return _write_parquet(rows, out)
    writer = {"csv": _write_csv, "jsonl": _write_jsonl, "geojson": _write_geojson}[fmt]
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return writer(rows, fh)
    return writer(rows, out)
