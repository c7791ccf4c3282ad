"""Flat result rows of the store's queries (for the CLI, the web UI and exports)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class ArticleHit:
    """One article in a listing or a full-text search result.

    ``score`` is higher for better matches (SQLite: minus bm25; PostgreSQL:
    ts_rank_cd) and None in plain listings. ``snippet`` marks matched terms
    with ``[`` and ``]`` in search results and is the start of the text in
    listings; it is always one line.
    """

    article_id: str
    doc_id: str
    source: str
    index: int
    role: str
    title: str | None
    published: str | None
    publisher: str | None
    url: str | None
    snippet: str
    score: float | None = None


@dataclass
class StoreStats:
    """Row counts. ``actors`` counts canonical actors; ``places`` counts distinct
    places (by GeoNames id, else name + country); ``errors`` distinct failed inputs."""

    documents: int
    articles: int
    events: int
    quotes: int
    actors: int
    places: int
    errors: int


@dataclass
class ArticleItemRow:
    """The header shared by rows of things found in an article (events, quotes):
    the row's own id and where it comes from. Subclasses add their fields after
    these, so rows are still built positionally from a query's columns."""

    id: int
    article_id: str
    doc_id: str
    doc_source: str
    title: str | None
    published: str | None


@dataclass
class EventRow(ArticleItemRow):
    type: str
    mode: str | None
    date: str | None
    date_precision: str
    status: str
    source_actor_id: str | None
    source_actor_name: str | None
    target_actor_id: str | None
    target_actor_name: str | None
    claimant_id: str | None
    claimant_name: str | None
    location_name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    trigger: str | None
    sentence: str
    start: int
    end: int
    confidence: float
    # Appended for exports (ACLED-like columns); keep the order in Store.query_events.
    admin1: str | None = None
    geonameid: int | None = None
    geo_feature: str | None = None
    source_actor_kind: str | None = None
    source_actor_country: str | None = None
    target_actor_kind: str | None = None
    target_actor_country: str | None = None
    publisher: str | None = None
    url: str | None = None
    date_start: str | None = None  # the event's date window (YYYY-MM-DD), see ceasefire.dates.window
    date_end: str | None = None
    fatalities: int | None = None  # ACLED's conservative figure of the event's killed counts
    # the killed / wounded counts as in Event.to_json()["casualties"] (the store keeps them as JSON)
    casualties: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.casualties, str | bytes):
            self.casualties = json.loads(self.casualties or "[]")
        elif self.casualties is None:
            self.casualties = []


@dataclass
class QuoteRow(ArticleItemRow):
    speaker_id: str | None
    speaker_name: str | None
    speaker_mention: str | None
    text: str
    kind: str
    start: int
    end: int
    publisher: str | None = None  # the article's outlet


@dataclass
class ActorRow:
    """A canonical actor with how often and under which names it was seen.

    ``aliases`` are the distinct names it was seen under, most frequent first: no
    pronouns or descriptions ("they", "the group"), one spelling per name.
    """

    id: str
    name: str
    kind: str
    country: str | None
    mentions: int
    articles: int
    events: int
    quotes: int
    aliases: list[str] = field(default_factory=list)


@dataclass
class ErrorRow:
    source: str
    reason: str
    count: int
    first_seen: str
    last_seen: str


@dataclass
class DocumentRow:
    doc_id: str
    source: str
    media_type: str
    meta: dict[str, object]
    n_bytes: int
    ingested_at: str
    articles: int


# -- rows as text: `ceasefire events --format json|csv` and the web's downloads write
# them with these, so both give the same bytes for the same rows.


def one_line(v: Any) -> str:
    """A value as one line of text: lists joined with '; ', whitespace collapsed, None empty."""
    text = "; ".join(map(str, v)) if isinstance(v, list) else "" if v is None else str(v)
    return " ".join(text.split())


def csv_header(row_type: type) -> list[str]:
    """The CSV header of rows of ``row_type``: every field, in order."""
    return [f.name for f in fields(row_type)]


def csv_cells(row: Any, names: list[str]) -> list[Any]:
    """One CSV row: text and lists on one line each, so a row is one spreadsheet row."""
    d = asdict(row)
    return [one_line(d[k]) if isinstance(d[k], str | list) else d[k] for k in names]


def json_line(row: Any) -> str:
    """One JSON Lines record (no newline): every field, text as it is stored."""
    return json.dumps(asdict(row), ensure_ascii=False, default=str)
