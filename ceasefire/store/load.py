"""Loading extract records that were produced elsewhere into a store.

``ceasefire extract`` (and a scaled-out run that writes the same JSON Lines)
produces records without a database; :func:`load_records` stores them,
one transaction per document, skipping documents already stored, exactly
like ``ceasefire ingest`` would have.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Document, ExtractRecord
from .base import Store

# media_type of a document known only through its records (its bytes were never seen by the store).
UNKNOWN_MEDIA_TYPE = "unknown"


@dataclass
class LoadSummary:
    documents_saved: int = 0
    documents_skipped: int = 0  # already stored
    records: int = 0


def record_from_json(obj: Mapping[str, Any]) -> ExtractRecord:
    """The inverse of :meth:`ExtractRecord.to_json` (``article.removed`` is read when present).

    Raises KeyError naming the first missing required field.
    """
    return ExtractRecord.from_json(obj)


def read_jsonl(path: str | Path) -> Iterator[ExtractRecord]:
    """Records from a JSON Lines file of ``ceasefire extract`` output.

    Raises ValueError naming the line of a malformed record.
    """
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield record_from_json(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise ValueError(f"{path}:{n}: not an extract record: {e!r}") from e


def load_records(store: Store, records: Iterable[ExtractRecord]) -> LoadSummary:
    """Store records, one document (a run of records with the same doc_id) per transaction.

    Records of one document must be contiguous, as ``ceasefire extract``
    writes them; a document seen again later raises ValueError.
    """
    summary = LoadSummary()
    done: set[str] = set()
    batch: list[ExtractRecord] = []

    def flush() -> None:
        if not batch:
            return
        first = batch[0]
        if first.doc_id in done:
            raise ValueError(f"{first.source}: records of document {first.doc_id} are not contiguous")
        done.add(first.doc_id)
        doc = Document(source=first.source, data=b"", media_type=UNKNOWN_MEDIA_TYPE, doc_id=first.doc_id)
        if store.save_document(doc, list(batch)):
            summary.documents_saved += 1
        else:
            summary.documents_skipped += 1
        summary.records += len(batch)
        batch.clear()

    for rec in records:
        if batch and rec.doc_id != batch[0].doc_id:
            flush()
        batch.append(rec)
    flush()
    return summary
