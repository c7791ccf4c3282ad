"""The static situation report: one self-contained HTML file.

Inline CSS and inline SVG only (map, timeline): it opens from disk with no
server, no network and no JavaScript. Everything from articles is escaped by
Jinja2's autoescaping; nothing from an article is ever marked safe.

The events are read once, a page at a time (:func:`ceasefire.export.iter_events`),
into an :class:`EventSummary`: counts, one map point per geocoded event and
the first :data:`MAX_EVENTS_TABLE` rows for the table, never every row. Only
the quotes of the reported articles are read.

Public surface: :func:`build_report`, :func:`write_report`, :class:`Report`,
:class:`EventSummary`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..export import EventFilter, iter_events
from ..store.base import Store
from ..store.rows import EventRow, QuoteRow
from ..web.charts import Chart, colour, stacked
from ..web.outlines import DATA as OUTLINES
from ..web.queries import DayCount

TEMPLATES = Path(__file__).parent / "templates"

# Map geometry (SVG user units) and the margin, in degrees, around the events'
# bounding box; 3 degrees keeps a single city's events from filling the frame.
MAP_W, MAP_H, MAP_MARGIN_DEG = 900, 460, 3.0
# Table and list lengths: a report is read, not searched.
MAX_EVENTS_TABLE = 500
TOP_ACTORS = 15
KEY_QUOTES = 12


@dataclass
class MapDot:
    x: float
    y: float
    colour: str
    label: str


@dataclass
class SvgMap:
    paths: list[str]
    dots: list[MapDot]
    width: int = MAP_W
    height: int = MAP_H


@dataclass
class ActorLine:
    name: str
    actor_id: str
    as_source: int
    as_target: int
    as_claimant: int

    @property
    def total(self) -> int:
        return self.as_source + self.as_target + self.as_claimant


@dataclass
class MapPoint:
    """A geocoded event as the map shows it."""

    lon: float
    lat: float
    type: str
    label: str


@dataclass
class EventSummary:
    """What the report shows of a selection of events, gathered in one pass over them."""

    n_events: int = 0
    n_geocoded: int = 0
    article_ids: set[str] = field(default_factory=set)
    first_date: str | None = None
    last_date: str | None = None
    types: Counter[str] = field(default_factory=Counter)
    days: Counter[tuple[str, str]] = field(default_factory=Counter)  # (YYYY-MM-DD, type) -> events
    actors: dict[str, ActorLine] = field(default_factory=dict)
    points: list[MapPoint] = field(default_factory=list)
    table: list[EventRow] = field(default_factory=list)  # the first MAX_EVENTS_TABLE events

    def add(self, e: EventRow) -> None:
        self.n_events += 1
        self.article_ids.add(e.article_id)
        self.types[e.type] += 1
        if e.date:
            self.first_date = min(self.first_date or e.date, e.date)
            self.last_date = max(self.last_date or e.date, e.date)
        day = e.date[:10] if e.date and len(e.date) >= 10 else None
        if day is None and e.date_start and e.date_start == e.date_end:
            day = e.date_start  # known to one day by its window
        if day:
            self.days[(day, e.type)] += 1
        if e.lat is not None and e.lon is not None:
            self.n_geocoded += 1
            self.points.append(
                MapPoint(
                    e.lon, e.lat, e.type, f"{e.type} {e.date or 'undated'} {e.location_name or ''}".strip()
                )
            )
        for actor_id, name, role in (
            (e.source_actor_id, e.source_actor_name, "as_source"),
            (e.target_actor_id, e.target_actor_name, "as_target"),
            (e.claimant_id, e.claimant_name, "as_claimant"),
        ):
            if actor_id:
                line = self.actors.setdefault(actor_id, ActorLine(name or actor_id, actor_id, 0, 0, 0))
                setattr(line, role, getattr(line, role) + 1)
        if len(self.table) < MAX_EVENTS_TABLE:
            self.table.append(e)

    @classmethod
    def of(cls, events: Iterable[EventRow]) -> EventSummary:
        summary = cls()
        for e in events:
            summary.add(e)
        return summary


def _projector(points: list[MapPoint]) -> tuple[Any, tuple[float, float, float, float]]:
    """Equirectangular projection fitted to the points (the whole world if none)."""
    pts = [(p.lon, p.lat) for p in points]
    if pts:
        lon0 = min(p[0] for p in pts) - MAP_MARGIN_DEG
        lon1 = max(p[0] for p in pts) + MAP_MARGIN_DEG
        lat0 = min(p[1] for p in pts) - MAP_MARGIN_DEG
        lat1 = max(p[1] for p in pts) + MAP_MARGIN_DEG
    else:
        lon0, lon1, lat0, lat1 = -180.0, 180.0, -60.0, 80.0
    # Keep the frame's aspect ratio: widen the narrower side around its centre.
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    span_x, span_y = (lon1 - lon0) * kx, lat1 - lat0
    if span_x / span_y < MAP_W / MAP_H:
        extra = (span_y * MAP_W / MAP_H / kx - (lon1 - lon0)) / 2
        lon0, lon1 = lon0 - extra, lon1 + extra
    else:
        extra = ((lon1 - lon0) * kx * MAP_H / MAP_W - span_y) / 2
        lat0, lat1 = lat0 - extra, lat1 + extra

    def project(lon: float, lat: float) -> tuple[float, float]:
        return ((lon - lon0) / (lon1 - lon0) * MAP_W, (lat1 - lat) / (lat1 - lat0) * MAP_H)

    return project, (lon0, lon1, lat0, lat1)


def _unwrap(ring: list[list[float]]) -> list[tuple[float, float]]:
    """Longitudes made continuous across the antimeridian (Russia, Fiji), so no
    polygon edge runs across the whole map; the overhang is clipped by the frame."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    prev = None
    for lon, lat in ring:
        if prev is not None and abs(lon - prev) > 180:
            shift += 360.0 if prev > lon else -360.0
        prev = lon
        out.append((lon + shift, lat))
    return out


def _outline_paths(project: Any, box: tuple[float, float, float, float]) -> list[str]:
    import json

    lon0, lon1, lat0, lat1 = box
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    paths = []
    for feat in data["features"]:
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for poly in polys:
            for ring in poly:
                lons = [p[0] for p in ring]
                lats = [p[1] for p in ring]
                if max(lons) < lon0 or min(lons) > lon1 or max(lats) < lat0 or min(lats) > lat1:
                    continue
                pts = [project(lon, lat) for lon, lat in _unwrap(ring)]
                paths.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
    return paths


def build_map(points: list[MapPoint]) -> SvgMap:
    project, box = _projector(points)
    dots = []
    for p in points:
        x, y = project(p.lon, p.lat)
        dots.append(MapDot(round(x, 1), round(y, 1), colour(p.type), p.label))
    return SvgMap(_outline_paths(project, box), dots)


def build_timeline(days: Counter[tuple[str, str]]) -> Chart:
    """Stacked bars of events per day and type (``days``: (YYYY-MM-DD, type) -> events)."""
    return stacked([DayCount(day, kind, n) for (day, kind), n in sorted(days.items())])


def top_actors(lines: Iterable[ActorLine], n: int = TOP_ACTORS) -> list[ActorLine]:
    return sorted(lines, key=lambda a: (-a.total, a.name))[:n]


def key_quotes(store: Store, articles: Collection[str], n: int = KEY_QUOTES) -> list[QuoteRow]:
    """Quotes with a resolved speaker from the reported articles, direct before indirect,
    longest first (only these articles' quotes are read)."""
    pool = [q for q in store.query_quotes(article_ids=articles) if q.speaker_name]
    pool.sort(key=lambda q: (q.kind != "direct", -min(len(q.text), 400)))
    return pool[:n]


def _describe(flt: EventFilter) -> str:
    parts = [f"{k.replace('_', ' ')} {v}" for k, v in flt.items() if k != "limit"]
    return ", ".join(parts) or "all events"


def latest_period(store: Store, flt: EventFilter | None = None) -> str | None:
    """The most recent month with events matching ``flt`` ("YYYY-MM"): the month of the last
    day a reported act can have happened on (:meth:`Store.latest_event_date`)."""
    last = store.latest_event_date(flt)
    return last[:7] if last and len(last) >= 7 else last


def _partly_outside(e: EventRow, since: str | None, until: str | None) -> bool:
    """Whether an event's window reaches outside [since, until] (dates or prefixes)."""
    first = e.date_start or e.date
    last = e.date_end or e.date
    return bool((since and first and first < since) or (until and last and last > until + "~"))


@dataclass
class Report:
    html: str
    n_events: int


def build_report(
    store: Store, flt: EventFilter | None = None, title: str = "Situation report", *, latest: bool = True
) -> Report:
    """Render the report for the events of ``store`` that pass ``flt``.

    Without a date range in ``flt`` (and with ``latest``) the report covers the most recent
    month with events (:func:`latest_period`) and says so, with the events it leaves out.
    """
    import dataclasses

    import jinja2

    from .ledger_section import ledger_sections

    flt = flt or EventFilter()
    scope = _describe(flt)
    period: dict[str, Any] | None = None
    if latest and not (flt.since or flt.until or flt.article_id):
        month = latest_period(store, flt)
        if month:
            everywhen = store.count_events(flt)
            flt = dataclasses.replace(flt, since=month, until=month)
            period = {
                "label": month,
                "in_store": everywhen,
                "filtered": scope != "all events",
                "undated": store.count_undated_events(query=flt),
            }
    summary = EventSummary.of(iter_events(store, flt))
    if period is not None:
        period["outside"] = period["in_store"] - summary.n_events - period["undated"]
    partial = store.count_partial_events(flt) if (flt.since or flt.until) else 0
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
    )
    html = env.get_template("report.html").render(
        title=title,
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        scope=scope,
        latest=period,
        partial=partial,
        partly_outside=lambda e: _partly_outside(e, flt.since, flt.until),
        n_events=summary.n_events,
        n_articles=len(summary.article_ids),
        n_geocoded=summary.n_geocoded,
        period=(summary.first_date, summary.last_date) if summary.first_date else None,
        types=summary.types.most_common(),
        colour=colour,
        map=build_map(summary.points),
        timeline=build_timeline(summary.days),
        actors=top_actors(summary.actors.values()),
        events=summary.table,
        truncated=max(0, summary.n_events - MAX_EVENTS_TABLE),
        quotes=key_quotes(store, summary.article_ids),
        ledgers=ledger_sections(store, flt.since, flt.until),
    )
    return Report(html, summary.n_events)


def write_report(store: Store, out: Path, flt: EventFilter | None = None) -> int:
    """Write the report to ``out``; return the number of events it covers."""
    report = build_report(store, flt)
    out.write_text(report.html, encoding="utf-8")
    return report.n_events
