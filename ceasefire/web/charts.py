"""Server-rendered charts: a stacked bar timeline as plain data for an SVG template.

Nothing here emits markup; the template draws one ``<rect>`` per :class:`Bar`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .queries import DayCount

# One colour per PLOVER type, from cooperative (blues/greens) to violent (reds),
# chosen by hand to be told apart on the map and in the timeline.
TYPE_COLOURS: dict[str, str] = {
    "AGREE": "#1f78b4",
    "CONSULT": "#a6cee3",
    "SUPPORT": "#33a02c",
    "CONCEDE": "#b2df8a",
    "COOPERATE": "#17becf",
    "AID": "#2ca25f",
    "RETREAT": "#9e9ac8",
    "REQUEST": "#bcbd22",
    "ACCUSE": "#fdbf6f",
    "REJECT": "#ff7f00",
    "THREATEN": "#e7298a",
    "PROTEST": "#c994c7",
    "SANCTION": "#8c564b",
    "MOBILIZE": "#fb9a99",
    "COERCE": "#984ea3",
    "ASSAULT": "#e31a1c",
    "as source": "#e31a1c",
    "as target": "#1f78b4",
}
OTHER_COLOUR = "#7f7f7f"

# Chart geometry in SVG user units (the SVG scales to its container width).
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 900, 180, 36, 22, 8
# Above this many days in the range, bars become weeks, and above
# MAX_WEEKS weeks, months: keeps bars at least ~3 px wide at 900 units.
MAX_DAYS = 240
MAX_WEEKS = 160
# Fewest bins drawn: a range of a day or two is padded to two weeks so that a
# single bar does not stretch across the whole chart.
MIN_BINS = 14


def colour(kind: str) -> str:
    return TYPE_COLOURS.get(kind, OTHER_COLOUR)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    colour: str
    label: str  # tooltip: bin, type, count
    href: str = ""


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    bars: list[Bar]
    ticks: list[Tick]
    y_max: int
    unit: str  # "day" | "week" | "month"
    legend: list[tuple[str, str]]  # (kind, colour)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: int = BOTTOM
    top: int = TOP

    @property
    def empty(self) -> bool:
        return not self.bars


def _parse(day: str) -> date | None:
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        return None


def _bin(d: date, unit: str) -> date:
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d


def _next(d: date, unit: str) -> date:
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return d + timedelta(days=1)


def stacked(
    rows: list[DayCount], order: list[str] | None = None, link: Callable[[date, date], str] | None = None
) -> Chart:
    """Stacked bars per day (or week/month for long ranges) per kind.

    ``link(first_day, last_day)``, when given, is the URL each bar opens
    (the overview narrowed to that bin's dates)."""
    days = [(d, r) for r in rows if (d := _parse(r.day))]
    kinds = order or sorted(
        {r.type for _, r in days}, key=lambda k: (list(TYPE_COLOURS).index(k) if k in TYPE_COLOURS else 99, k)
    )
    legend = [(k, colour(k)) for k in kinds if any(r.type == k for _, r in days)]
    if not days:
        return Chart([], [], 0, "day", legend)
    lo, hi = min(d for d, _ in days), max(d for d, _ in days)
    span = (hi - lo).days + 1
    unit = "day" if span <= MAX_DAYS else "week" if span <= MAX_WEEKS * 7 else "month"
    bins: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for d, r in days:
        bins[_bin(d, unit)][r.type] += r.count
    starts: list[date] = []
    cur = _bin(lo, unit)
    while cur <= hi:
        starts.append(cur)
        cur = _next(cur, unit)
    if unit == "day" and len(starts) < MIN_BINS:
        pad = MIN_BINS - len(starts)
        starts = (
            [lo - timedelta(days=i) for i in range(pad // 2, 0, -1)]
            + starts
            + [hi + timedelta(days=i) for i in range(1, pad - pad // 2 + 1)]
        )
    y_max = max(sum(v.values()) for v in bins.values())
    plot_w = WIDTH - LEFT - 4
    plot_h = HEIGHT - BOTTOM - TOP
    bw = plot_w / len(starts)
    bars: list[Bar] = []
    for i, s in enumerate(starts):
        y = float(HEIGHT - BOTTOM)
        for k in kinds:
            n = bins.get(s, {}).get(k, 0)
            if not n:
                continue
            h = plot_h * n / y_max
            y -= h
            label = f"{s.isoformat()}{'' if unit == 'day' else ' (' + unit + ')'}: {n} {k}"
            href = link(s, _next(s, unit) - timedelta(days=1)) if link else ""
            bars.append(
                Bar(
                    round(LEFT + i * bw, 2),
                    round(y, 2),
                    round(max(bw - 1, 1), 2),
                    round(h, 2),
                    colour(k),
                    label,
                    href,
                )
            )
    step = max(1, len(starts) // 8)
    ticks = [
        Tick(round(LEFT + i * bw, 2), s.isoformat() if unit != "month" else s.isoformat()[:7])
        for i, s in enumerate(starts)
        if i % step == 0
    ]
    return Chart(bars, ticks, y_max, unit, legend)
