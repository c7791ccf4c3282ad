"""The agreement record: what one TOML file under ``agreements/data/`` holds (docs/AGREEMENTS.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

KINDS = (
    "ceasefire",
    "cessation_of_hostilities",
    "truce",
    "humanitarian_pause",
    "de_escalation_zone",
    "deconfliction_line",
)


@dataclass(frozen=True)
class Prohibited:
    """One prohibited act: a PLOVER type, optionally only one mode, optionally only when lethal
    (the event carries a killed count)."""

    type: str
    mode: str | None = None
    lethal: bool = False

    def describe(self) -> str:
        out = self.type + (f" ({self.mode})" if self.mode else "")
        return ("lethal " if self.lethal else "") + out


DEFAULT_PROHIBITED = (Prohibited("ASSAULT"), Prohibited("COERCE", lethal=True))


@dataclass(frozen=True)
class Side:
    """The actors of one side; an actor's sub-actors (its parent chain in the dictionary) belong too."""

    name: str
    actors: tuple[str, ...]
    commit_by: dt.date | None = None


@dataclass(frozen=True)
class Extension:
    date: dt.date
    new_end: dt.date | None  # None: extended with no end
    source: str | None = None


@dataclass(frozen=True)
class Area:
    """Inside: the country list, admin1 regions, named places or the polygon. ``partly``: admin1
    regions only part of which is covered (an event placed only there is "possibly within")."""

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    partly: tuple[str, ...] = ()
    polygon: Any = None  # a shapely geometry (checked valid), or None

    def describe(self) -> str:
        parts = []
        if self.countries:
            parts.append("countries " + ", ".join(self.countries))
        if self.admin1:
            parts.append("regions " + ", ".join(self.admin1))
        if self.places:
            parts.append("places " + ", ".join(self.places))
        if self.partly:
            parts.append("parts of " + ", ".join(self.partly))
        if self.polygon is not None:
            parts.append("a polygon")
        return "; ".join(parts) or "anywhere"


@dataclass(frozen=True)
class Agreement:
    id: str
    name: str
    kind: str
    start: dt.date
    sides: tuple[Side, ...]
    area: Area
    announced: dt.date | None = None
    end: dt.date | None = None  # None: open-ended
    end_reason: str | None = None
    superseded_by: str | None = None
    extensions: tuple[Extension, ...] = ()
    excluded: tuple[str, ...] = ()
    guarantors: tuple[str, ...] = ()
    monitors: tuple[str, ...] = ()
    prohibited: tuple[Prohibited, ...] = DEFAULT_PROHIBITED
    sources: tuple[str, ...] = ()
    notes: str | None = None
    path: str | None = None  # the file it was read from
    bundled: bool = False

    @property
    def last_day(self) -> dt.date | None:
        """The last day of the active period after every extension; None when open."""
        end = self.end
        for x in self.extensions:
            end = x.new_end
        return end

    def side_of_actor_ids(self) -> dict[str, str]:
        return {a: s.name for s in self.sides for a in s.actors}

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "announced": _iso(self.announced),
            "start": _iso(self.start),
            "end": _iso(self.end),
            "last_day": _iso(self.last_day),
            "end_reason": self.end_reason,
            "superseded_by": self.superseded_by,
            "extensions": [
                {"date": _iso(x.date), "new_end": _iso(x.new_end), "source": x.source}
                for x in self.extensions
            ],
            "sides": [
                {"name": s.name, "actors": list(s.actors), "commit_by": _iso(s.commit_by)} for s in self.sides
            ],
            "excluded": list(self.excluded),
            "guarantors": list(self.guarantors),
            "monitors": list(self.monitors),
            "area": {
                "countries": list(self.area.countries),
                "admin1": list(self.area.admin1),
                "places": list(self.area.places),
                "partly": list(self.area.partly),
                "polygon": _geojson(self.area.polygon),
            },
            "prohibited": [{"type": p.type, "mode": p.mode, "lethal": p.lethal} for p in self.prohibited],
            "sources": list(self.sources),
            "notes": self.notes,
            "path": self.path,
            "bundled": self.bundled,
        }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _geojson(geom: Any) -> Any:
    if geom is None:
        return None
    from shapely.geometry import mapping

    return mapping(geom)


@dataclass
class Problem:
    """One thing wrong in an agreement file, with the line it is on (1-based; 0 when unknown)."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}" if self.line else f"{self.path}: {self.reason}"


@dataclass
class Checked:
    """The outcome of reading one file: the agreement when there is no problem."""

    path: str
    agreement: Agreement | None
    problems: list[Problem] = field(default_factory=list)
