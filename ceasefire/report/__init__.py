"""The static situation report: one self-contained HTML file.

Inline CSS and inline SVG only (map, timeline): it opens from disk with no
server, no network and no JavaScript. Everything from articles is escaped by
Jinja2's autoescaping; nothing from an article is ever marked safe.

Public surface: :func:`build_report`, :func:`write_report`, :class:`Report`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..export import EventFilter
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


def _projector(events: list[EventRow]) -> tuple[Any, tuple[float, float, float, float]]:
    """Equirectangular projection fitted to the events (the whole world if none)."""
    pts = [(e.lon, e.lat) for e in events if e.lat is not None and e.lon is not None]
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


def build_map(events: list[EventRow]) -> SvgMap:
    project, box = _projector(events)
    dots = []
    for e in events:
        if e.lat is None or e.lon is None:
            continue
        x, y = project(e.lon, e.lat)
        dots.append(MapDot(round(x, 1), round(y, 1), colour(e.type),
                           f"{e.type} {e.date or 'undated'} {e.location_name or ''}".strip()))
    return SvgMap(_outline_paths(project, box), dots)


def build_timeline(events: list[EventRow]) -> Chart:
    counts = Counter((e.date[:10], e.type) for e in events if e.date and len(e.date) >= 10)
    return stacked([DayCount(day, kind, n) for (day, kind), n in sorted(counts.items())])


def top_actors(events: list[EventRow], n: int = TOP_ACTORS) -> list[ActorLine]:
    lines: dict[str, ActorLine] = {}

    def bump(actor_id: str | None, name: str | None, role: str) -> None:
        if not actor_id:
            return
        line = lines.setdefault(actor_id, ActorLine(name or actor_id, actor_id, 0, 0, 0))
        setattr(line, role, getattr(line, role) + 1)

    for e in events:
        bump(e.source_actor_id, e.source_actor_name, "as_source")
        bump(e.target_actor_id, e.target_actor_name, "as_target")
        bump(e.claimant_id, e.claimant_name, "as_claimant")
    return sorted(lines.values(), key=lambda a: (-a.total, a.name))[:n]


def key_quotes(quotes: list[QuoteRow], articles: set[str], n: int = KEY_QUOTES) -> list[QuoteRow]:
    """Direct quotes with a resolved speaker from the reported articles, longest first."""
    pool = [q for q in quotes if q.article_id in articles and q.speaker_name]
    pool.sort(key=lambda q: (q.kind != "direct", -min(len(q.text), 400)))
    return pool[:n]


def _describe(flt: EventFilter) -> str:
    parts = [f"{k} {v}" for k, v in (("actor", flt.actor), ("type", flt.type), ("since", flt.since),
                                     ("until", flt.until), ("place", flt.place)) if v]
    return ", ".join(parts) or "all events"


@dataclass
class Report:
    html: str
    n_events: int


def build_report(store: Any, flt: EventFilter | None = None, title: str = "Situation report") -> Report:
    """Render the report for the events of ``store`` that pass ``flt``."""
    import jinja2

    flt = flt or EventFilter()
    events = store.query_events(actor=flt.actor, type=flt.type, since=flt.since, until=flt.until,
                                place=flt.place, limit=flt.limit)
    article_ids = {e.article_id for e in events}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                             autoescape=jinja2.select_autoescape(default=True, default_for_string=True))
    dated = sorted(e.date for e in events if e.date)
    html = env.get_template("report.html").render(
        title=title,
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        scope=_describe(flt),
        n_events=len(events),
        n_articles=len(article_ids),
        n_geocoded=sum(e.lat is not None for e in events),
        period=(dated[0], dated[-1]) if dated else None,
        types=Counter(e.type for e in events).most_common(),
        colour=colour,
        map=build_map(events),
        timeline=build_timeline(events),
        actors=top_actors(events),
        events=events[:MAX_EVENTS_TABLE],
        truncated=max(0, len(events) - MAX_EVENTS_TABLE),
        quotes=key_quotes(store.query_quotes(), article_ids),
    )
    return Report(html, len(events))


def write_report(store: Any, out: Path, flt: EventFilter | None = None) -> int:
    """Write the report to ``out``; return the number of events it covers."""
    report = build_report(store, flt)
    out.write_text(report.html, encoding="utf-8")
    return report.n_events
