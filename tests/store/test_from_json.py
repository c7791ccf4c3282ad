"""The model dataclasses read back what their to_json wrote (the store and the loader use them)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest

from ceasefire.models import ActorRef, Article, Event, ExtractRecord, Place, Quote
from ceasefire.store.rows import ArticleItemRow, EventRow, QuoteRow

from .store_records import ALEPPO, LAVROV, document, full_record


@pytest.mark.parametrize(
    ("cls", "obj", "expected"),
    [
        (
            ActorRef,
            {"id": "HTS", "name": "Hay'at Tahrir al-Sham"},
            ActorRef("HTS", "Hay'at Tahrir al-Sham", "other"),
        ),
        (ActorRef, {"id": "X", "name": "X", "kind": None}, ActorRef("X", "X", "other")),
        (
            ActorRef,
            {
                "id": "LAVROV",
                "name": "Sergey Lavrov",
                "kind": "person",
                "country": "RUS",
                "mention": "Lavrov",
                "start": 120,
                "end": 126,
            },
            LAVROV,
        ),
        (Place, {"name": "Mosul"}, Place("Mosul")),
        (
            Place,
            {
                "name": "Aleppo",
                "mention": "Aleppo",
                "lat": 36.20278,
                "lon": 37.15861,
                "country": "SYR",
                "admin1": "Aleppo",
                "geonameid": 170063,
                "feature": "PPLA",
                "start": 80,
                "end": 86,
            },
            ALEPPO,
        ),
        (
            Quote,
            {"speaker": None, "text": "We will stay.", "kind": "direct", "start": 3, "end": 16},
            Quote(None, "We will stay.", "direct", 3, 16),
        ),
        (
            Quote,
            {
                "speaker": {"id": "LAVROV", "name": "Sergey Lavrov", "kind": "person"},
                "text": "No.",
                "kind": "indirect",
                "start": 0,
                "end": 3,
            },
            Quote(ActorRef("LAVROV", "Sergey Lavrov", "person"), "No.", "indirect", 0, 3),
        ),
        (
            Event,
            {"type": "ASSAULT", "sentence": "Shelling hit Homs.", "start": 0, "end": 18},
            Event("ASSAULT", "Shelling hit Homs.", 0, 18),
        ),  # defaults: asserted, undated, confidence 0.5
        (
            Event,
            {
                "type": "AGREE",
                "sentence": "s",
                "start": 1,
                "end": 2,
                "mode": "ceasefire",
                "source": {"id": "A", "name": "A", "kind": "state"},
                "target": None,
                "location": {"name": "Geneva", "country": "CHE"},
                "date": "2016-02",
                "date_precision": "month",
                "claimant": {"id": "B", "name": "B"},
                "status": "future",
                "trigger": "agreed",
                "confidence": 0.9,
            },
            Event(
                "AGREE",
                "s",
                1,
                2,
                mode="ceasefire",
                source=ActorRef("A", "A", "state"),
                location=Place("Geneva", country="CHE"),
                date="2016-02",
                date_precision="month",
                claimant=ActorRef("B", "B", "other"),
                status="future",
                trigger="agreed",
                confidence=0.9,
            ),
        ),
        (Article, {"index": 2, "role": "related", "text": "Body."}, Article(2, "related", None, "Body.")),
        (
            Article,
            {
                "index": 0,
                "role": "primary",
                "title": "T",
                "text": "B",
                "authors": ["A. B."],
                "publisher": "P",
                "published": "2020-01-02",
                "url": "https://x.example/a",
                "removed": ["Share this:"],
            },
            Article(
                0,
                "primary",
                "T",
                "B",
                authors=["A. B."],
                publisher="P",
                published="2020-01-02",
                url="https://x.example/a",
                removed=["Share this:"],
            ),
        ),
    ],
)
def test_from_json(cls: type, obj: dict[str, Any], expected: object) -> None:
    assert cls.from_json(obj) == expected  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("cls", "obj", "missing"),
    [
        (ActorRef, {"name": "no id"}, "id"),
        (Place, {"lat": 1.0}, "name"),
        (Event, {"type": "ASSAULT", "start": 0, "end": 1}, "sentence"),
        (Quote, {"text": "t", "start": 0, "end": 1}, "kind"),
        (ExtractRecord, {"doc_id": "d", "source": "s"}, "article"),
    ],
)
def test_from_json_names_the_missing_field(cls: type, obj: dict[str, Any], missing: str) -> None:
    with pytest.raises(KeyError, match=missing):
        cls.from_json(obj)  # type: ignore[attr-defined]


def test_record_round_trip() -> None:
    rec = full_record(document(1))
    for e in rec.events:
        e.confidence = round(e.confidence, 3)  # to_json keeps 3 decimals
    obj = rec.to_json()
    obj["article"]["removed"] = rec.article.removed
    assert ExtractRecord.from_json(obj) == rec


def test_event_and_quote_rows_share_their_header() -> None:
    header = [f.name for f in fields(ArticleItemRow)]
    assert header == ["id", "article_id", "doc_id", "doc_source", "title", "published"]
    assert [f.name for f in fields(EventRow)][:6] == [f.name for f in fields(QuoteRow)][:6] == header
    quote = QuoteRow(
        7,
        "d:0",
        "d",
        "/in/a.txt",
        None,
        "2016-01-01",
        "LAVROV",
        "Sergey Lavrov",
        "Lavrov",
        "No.",
        "direct",
        0,
        3,
    )  # positional, as the queries build them
    assert (quote.id, quote.published, quote.speaker_id, quote.end) == (7, "2016-01-01", "LAVROV", 3)
