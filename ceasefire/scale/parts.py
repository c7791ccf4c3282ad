"""Partition results as Parquet files in a run's folder.

A partition is a run of consecutive documents of the input stream. A worker
turns it into one Parquet table (:func:`encode`): one row per article found,
or one row per document that failed, with the record in full as JSON (the
``ceasefire extract`` contract plus the cleaner's removed lines, so that the
store gets exactly what a single-process ingest would store) and a few typed
columns to query the files directly (DuckDB, pandas, pyarrow).

The driver writes the table to ``<run folder>/parts/part-<key>.parquet``
(:func:`write_part`: a temporary file renamed into place, so a file that
exists is complete) and loads it into the store. ``<key>`` is a hash of the
partition's document ids and of the options that shape extraction, so a rerun
finds the partitions it has already and computes only the missing ones.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Document, ExtractRecord, InputError

# pyarrow: already the project's Parquet writer (ceasefire export); imported where used, not at start.

PARTS = "parts"
SUFFIX = ".parquet"


@dataclass
class Outcome:
    """What a worker made of one document: its records, or why it failed."""

    doc_id: str
    source: str
    media_type: str
    meta: dict[str, Any]
    n_bytes: int
    records: list[ExtractRecord]
    error: str | None = None

    def document(self) -> Document:
        # bytes(n) costs no memory until touched (calloc'd pages); the store reads only its length.
        return Document(self.source, bytes(self.n_bytes), self.media_type, meta=self.meta, doc_id=self.doc_id)

    def input_error(self) -> InputError:
        return InputError(self.source, self.error or "")


def record_json(rec: ExtractRecord) -> dict[str, Any]:
    obj = rec.to_json()
    obj["article"]["removed"] = list(rec.article.removed)
    return obj


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("source", pa.string()),
            ("media_type", pa.string()),
            ("meta", pa.string()),
            ("n_bytes", pa.int64()),
            ("article_index", pa.int32()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("n_actors", pa.int32()),
            ("n_events", pa.int32()),
            ("n_quotes", pa.int32()),
            ("n_places", pa.int32()),
            ("record", pa.string()),  # the whole record, JSON; null for a failed document
            ("error", pa.string()),  # why the document failed; null otherwise
        ]
    )


def encode(outcomes: Iterable[Outcome]) -> bytes:
    """One partition's outcomes as the bytes of a Parquet file (zstd-compressed)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols: dict[str, list[Any]] = {name: [] for name in _schema().names}

    def row(o: Outcome, rec: ExtractRecord | None) -> None:
        cols["doc_id"].append(o.doc_id)
        cols["source"].append(o.source)
        cols["media_type"].append(o.media_type)
        cols["meta"].append(json.dumps(o.meta, ensure_ascii=False, sort_keys=True, default=str))
        cols["n_bytes"].append(o.n_bytes)
        a = rec.article if rec else None
        cols["article_index"].append(a.index if a else None)
        cols["title"].append(a.title if a else None)
        cols["published"].append(a.published if a else None)
        for name, n in (
            ("n_actors", len(rec.actors) if rec else None),
            ("n_events", len(rec.events) if rec else None),
            ("n_quotes", len(rec.quotes) if rec else None),
            ("n_places", len(rec.places) if rec else None),
        ):
            cols[name].append(n)
        cols["record"].append(json.dumps(record_json(rec), ensure_ascii=False) if rec else None)
        cols["error"].append(o.error if rec is None else None)

    for o in outcomes:
        if o.error is not None or not o.records:
            row(o, None)
        for rec in o.records if o.error is None else ():
            row(o, rec)
    table = pa.table(cols, schema=_schema())
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def decode(data: bytes | Path) -> Iterator[Outcome]:
    """The outcomes of a partition file (or its bytes), in document order."""
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(data) if isinstance(data, bytes) else data)
    current: Outcome | None = None
    for r in table.to_pylist():
        if current is None or r["doc_id"] != current.doc_id:
            if current is not None:
                yield current
            current = Outcome(
                r["doc_id"], r["source"], r["media_type"], json.loads(r["meta"]), r["n_bytes"], [], r["error"]
            )
        if r["record"] is not None:
            current.records.append(ExtractRecord.from_json(json.loads(r["record"])))
    if current is not None:
        yield current


def part_key(doc_ids: Iterable[str], fingerprint: str) -> str:
    h = hashlib.sha256(fingerprint.encode())
    for d in doc_ids:
        h.update(d.encode())
    return h.hexdigest()[:24]


def part_path(run_dir: Path, key: str) -> Path:
    return run_dir / PARTS / f"part-{key}{SUFFIX}"


def write_part(run_dir: Path, key: str, data: bytes) -> Path:
    """Write a partition file atomically: it exists whole or not at all."""
    path = part_path(run_dir, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def existing_parts(run_dir: Path) -> list[Path]:
    """The complete partition files of a run folder (oldest first: the order they were written)."""
    folder = run_dir / PARTS
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"part-*{SUFFIX}"), key=lambda p: (p.stat().st_mtime_ns, p.name))
