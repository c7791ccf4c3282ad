"""Loading `ceasefire extract` JSON Lines into a store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ceasefire.models import ExtractRecord
from ceasefire.store import Store, load_records, read_jsonl, record_from_json

from .store_records import bulk_records, document, full_record


def as_in_json(rec: ExtractRecord, keep_removed: bool = False) -> ExtractRecord:
    """What survives to_json(): no removed lines, confidence to 3 decimals."""
    if not keep_removed:
        rec.article.removed = []
    for e in rec.events:
        e.confidence = round(e.confidence, 3)
    return rec


def test_json_round_trip_of_a_full_record() -> None:
    rec = as_in_json(full_record(document(1)))
    assert record_from_json(json.loads(json.dumps(rec.to_json()))) == rec


def test_removed_lines_are_read_when_present() -> None:
    rec = as_in_json(full_record(document(1)), keep_removed=True)
    obj = rec.to_json()
    obj["article"]["removed"] = rec.article.removed
    assert record_from_json(obj) == rec


def write_jsonl(path: Path, recs: list) -> None:
    path.write_text(
        "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in recs), encoding="utf-8"
    )


def test_load_jsonl_into_store_twice(store: Store, tmp_path: Path) -> None:
    a, b = document(1), document(2)
    recs = [as_in_json(r) for r in [full_record(a, 0), full_record(a, 1), *bulk_records(b, 2, 3)]]
    path = tmp_path / "out.jsonl"
    write_jsonl(path, recs)
    first = load_records(store, read_jsonl(path))
    assert (first.documents_saved, first.documents_skipped, first.records) == (2, 0, 4)
    again = load_records(store, read_jsonl(path))
    assert (again.documents_saved, again.documents_skipped) == (0, 2)
    assert [store.get_article(r.article_id) for r in recs] == recs
    row = store.get_document(a.doc_id)
    assert row is not None and (row.media_type, row.articles) == ("unknown", 2)


def test_scattered_records_of_one_document_are_refused(store: Store) -> None:
    a, b = document(1), document(2)
    with pytest.raises(ValueError, match="not contiguous"):
        load_records(store, [full_record(a, 0), full_record(b, 0), full_record(a, 1)])


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("{not json", "line|:1"),
        ('{"doc_id": "x", "source": "s"}', "article"),
    ],
)
def test_malformed_jsonl(tmp_path: Path, line: str, error: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n" + line + "\n")
    with pytest.raises(ValueError, match=error):
        list(read_jsonl(path))
