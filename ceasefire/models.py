"""The records that flow through the pipeline.

Ingest yields :class:`Document`; cleaning turns each into one or more
:class:`Article`; extraction adds actors, events, quotes and places and the
whole is an :class:`ExtractRecord`, whose :meth:`ExtractRecord.to_json` is
the `ceasefire extract` contract of SPEC.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

ROLES = ("primary", "related")
STATUSES = ("asserted", "negated", "hypothetical", "future", "demanded")
PRECISIONS = ("day", "month", "year", "none")
ACTOR_KINDS = (
    "state",
    "government",
    "military",
    "police",
    "armed_group",
    "igo",
    "ngo",
    "media",
    "person",
    "civilians",
    "other",
)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class InputError(Exception):
    """An input that cannot be read. Expected, reported in one line, never a traceback."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass
class Document:
    """One input document: a file, a WARC record, a CSV/JSONL row, a fetched URL.

    ``doc_id`` is the sha256 of ``data`` (the document's own bytes), so the same
    input always gets the same id. ``media_type`` is ``"text"`` or ``"html"``.
    ``meta`` carries what the container knows: ``title``, ``published``, ``url``,
    ``captured`` (WARC date), ``site`` (host name, for per-site boilerplate).
    """

    source: str
    data: bytes
    media_type: str
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    doc_id: str = ""

    def __post_init__(self) -> None:
        if not self.doc_id:
            self.doc_id = sha256(self.data)


@dataclass
class Article:
    """One article found in a document, with its metadata and clean body."""

    index: int
    role: str
    title: str | None
    text: str
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    removed: list[str] = field(default_factory=list)  # boilerplate lines the cleaner dropped
    # ISO 639-1 code detected from the text (py3langid); only English is coded (see README)
    language: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "role": self.role,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "language": self.language,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Article:
        """The inverse of :meth:`to_json`; ``removed`` is read when present. KeyError names a missing field."""
        return cls(
            index=obj["index"],
            role=obj["role"],
            title=obj.get("title"),
            text=obj["text"],
            subtitle=obj.get("subtitle"),
            authors=list(obj.get("authors") or []),
            publisher=obj.get("publisher"),
            published=obj.get("published"),
            url=obj.get("url"),
            removed=list(obj.get("removed") or []),
            language=obj.get("language"),
        )


@dataclass
class ActorRef:
    """A canonical actor as referenced by a mention."""

    id: str
    name: str
    kind: str
    country: str | None = None
    mention: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> ActorRef:
        """The inverse of :meth:`to_json` (``kind`` defaults to "other"). KeyError names a missing field."""
        return cls(
            id=obj["id"],
            name=obj["name"],
            kind=obj.get("kind") or "other",
            country=obj.get("country"),
            mention=obj.get("mention"),
            start=obj.get("start"),
            end=obj.get("end"),
        )


@dataclass
class Place:
    name: str
    mention: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    feature: str | None = None  # e.g. PPL, ADM1, PCLI, MILB
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Place:
        """The inverse of :meth:`to_json`. KeyError names a missing field."""
        return cls(
            name=obj["name"],
            mention=obj.get("mention"),
            lat=obj.get("lat"),
            lon=obj.get("lon"),
            country=obj.get("country"),
            admin1=obj.get("admin1"),
            geonameid=obj.get("geonameid"),
            feature=obj.get("feature"),
            start=obj.get("start"),
            end=obj.get("end"),
        )


@dataclass
class Quote:
    speaker: ActorRef | None
    text: str
    kind: str  # "direct" | "indirect"
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_json() if self.speaker else None,
            "text": self.text,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Quote:
        """The inverse of :meth:`to_json`. KeyError names a missing field."""
        speaker = obj.get("speaker")
        return cls(
            speaker=ActorRef.from_json(speaker) if speaker else None,
            text=obj["text"],
            kind=obj["kind"],
            start=obj["start"],
            end=obj["end"],
        )


@dataclass
class Casualty:
    """A killed or wounded count stated in the text (:mod:`ceasefire.casualties`).

    ``low`` / ``best`` / ``high`` follow the conventions of
    :mod:`ceasefire.casualties.numbers` ("at least 12": 12 / 12 / None); ``group`` is
    civilians, military, police, armed or unknown; ``actor`` the actor whose people they
    are, when the text names it; ``claimant`` who reports the figure; ``start``/``end``
    the offsets of the count phrase.
    """

    kind: str  # "killed" | "wounded"
    best: int
    low: int | None = None
    high: int | None = None
    group: str = "unknown"
    actor: ActorRef | None = None
    claimant: ActorRef | None = None
    mention: str | None = None
    start: int | None = None
    end: int | None = None
    # offset of the word stating the harm (for attaching to events); not serialized or compared
    trigger_start: int | None = field(default=None, compare=False)

    @property
    def conservative(self) -> int:
        """The lowest figure the statement allows (ACLED's rule): ``low``, else ``best``."""
        return self.low if self.low is not None else self.best

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "group": self.group,
            "actor": self.actor.to_json() if self.actor else None,
            "claimant": self.claimant.to_json() if self.claimant else None,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Casualty:
        """The inverse of :meth:`to_json`. KeyError names a missing field."""
        actor, claimant = obj.get("actor"), obj.get("claimant")
        return cls(
            kind=obj["kind"],
            best=obj["best"],
            low=obj.get("low"),
            high=obj.get("high"),
            group=obj.get("group") or "unknown",
            actor=ActorRef.from_json(actor) if actor else None,
            claimant=ActorRef.from_json(claimant) if claimant else None,
            mention=obj.get("mention"),
            start=obj.get("start"),
            end=obj.get("end"),
        )


def fatalities(casualties: list[Casualty]) -> int | None:
    """Deaths of one event by ACLED's conservative rule: per claimant, the killed counts added up
    (lowest figure of each), then the lowest of the claimants' totals; None when no count."""
    per_claimant: dict[str | None, int] = {}
    for c in casualties:
        if c.kind == "killed":
            key = c.claimant.id if c.claimant else None
            per_claimant[key] = per_claimant.get(key, 0) + c.conservative
    return min(per_claimant.values()) if per_claimant else None


@dataclass
class Event:
    type: str
    sentence: str
    start: int
    end: int
    mode: str | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    location: Place | None = None
    date: str | None = None
    date_precision: str = "none"
    claimant: ActorRef | None = None
    status: str = "asserted"
    trigger: str | None = None
    confidence: float = 0.5
    # The first and last day the event can have happened on (UCDP GED's window), YYYY-MM-DD or None.
    date_start: str | None = None
    date_end: str | None = None
    casualties: list[Casualty] = field(default_factory=list)

    @property
    def fatalities(self) -> int | None:
        return fatalities(self.casualties)

    def to_json(self) -> dict[str, Any]:
        def j(x: Any) -> Any:
            return x.to_json() if x is not None else None

        return {
            "type": self.type,
            "mode": self.mode,
            "source": j(self.source),
            "target": j(self.target),
            "location": j(self.location),
            "date": self.date,
            "date_precision": self.date_precision,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "claimant": j(self.claimant),
            "status": self.status,
            "trigger": self.trigger,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
            "casualties": [c.to_json() for c in self.casualties],
            "fatalities": self.fatalities,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Event:
        """The inverse of :meth:`to_json` (which rounds ``confidence`` to 3 decimals). KeyError names a
        missing field."""

        def actor(key: str) -> ActorRef | None:
            x = obj.get(key)
            return ActorRef.from_json(x) if x else None

        loc = obj.get("location")
        return cls(
            type=obj["type"],
            sentence=obj["sentence"],
            start=obj["start"],
            end=obj["end"],
            mode=obj.get("mode"),
            source=actor("source"),
            target=actor("target"),
            location=Place.from_json(loc) if loc else None,
            date=obj.get("date"),
            date_precision=obj.get("date_precision") or "none",
            claimant=actor("claimant"),
            status=obj.get("status") or "asserted",
            trigger=obj.get("trigger"),
            confidence=obj.get("confidence", 0.5),
            date_start=obj.get("date_start"),
            date_end=obj.get("date_end"),
            casualties=[Casualty.from_json(c) for c in obj.get("casualties") or []],
        )


@dataclass
class ExtractRecord:
    """One line of `ceasefire extract` output: an article and what was found in it."""

    doc_id: str
    source: str
    article: Article
    actors: list[ActorRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        return f"{self.doc_id}:{self.article.index}"

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "article_id": self.article_id,
            "source": self.source,
            "article": self.article.to_json(),
            "actors": [a.to_json() for a in self.actors],
            "events": [e.to_json() for e in self.events],
            "quotes": [q.to_json() for q in self.quotes],
            "places": [p.to_json() for p in self.places],
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> ExtractRecord:
        """The inverse of :meth:`to_json` (``article.removed`` is read when present).

        Raises KeyError naming the first missing required field.
        """
        return cls(
            doc_id=obj["doc_id"],
            source=obj["source"],
            article=Article.from_json(obj["article"]),
            actors=[ActorRef.from_json(x) for x in obj.get("actors") or [] if x],
            events=[Event.from_json(x) for x in obj.get("events") or []],
            quotes=[Quote.from_json(x) for x in obj.get("quotes") or []],
            places=[Place.from_json(x) for x in obj.get("places") or [] if x],
        )
