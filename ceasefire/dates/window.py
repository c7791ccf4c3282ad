"""Date windows for coded events: ``date_start``/``date_end``, as UCDP GED records them.

An event's ``date`` is what the text states, with its precision ("2016-06",
month). Its window is the first and the last day it can have happened on,
given everything the article says:

* A stated date gives its period: a day is ``[d, d]``, "this week" its seven
  days, a month or a year all of its days.
* An act the article reports as done (status ``asserted`` or ``negated``)
  happened by the time of writing, so its window closes at the publication
  date. A stated date that starts after publication is not the time of such an
  act (a deadline, a plan, a mis-read expression): the date is dropped and the
  window comes from the context, as for an undated act.
* An undated reported act is bounded by the context: from the start of the last
  date the article named before it (the running context) -- else from the
  earliest date the article names, its frame -- to the publication date. An
  article that names no date at all frames the week before its publication
  (news reports what just happened; the bound is stated as a rule, not a
  guess about one event).
* An act to come (``future``, ``demanded``) starts at the earliest at
  publication; a stated date bounds it, else its end stays open (None).
* A ``hypothetical`` act gets no window.

Everything here is pure (no spaCy): the resolver hands over the article's
resolved dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .resolve import NAMED_DATES, ResolvedDate

REPORTED = frozenset({"asserted", "negated"})
TO_COME = frozenset({"future", "demanded"})
# The frame of an article that names no date: the days before publication.
UNDATED_FRAME_DAYS = 7


@dataclass(frozen=True)
class Window:
    """What an event's dates become: its stated ``date`` (possibly dropped) and its window."""

    date: str | None
    precision: str
    start: dt.date | None
    end: dt.date | None

    @property
    def date_start(self) -> str | None:
        return self.start.isoformat() if self.start else None

    @property
    def date_end(self) -> str | None:
        return self.end.isoformat() if self.end else None


def period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and the last day an ISO prefix names ("2016" -> Jan 1..Dec 31), None if unreadable."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            d = dt.date(*parts)
            return d, d
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return None


def span_of(d: ResolvedDate) -> tuple[dt.date, dt.date] | None:
    """The days a resolved expression covers: its own span ("this week") when it has one, else its period."""
    if d.first is not None and d.last is not None:
        return d.first, d.last
    return period(d.value)


def frame_start(dates: Sequence[ResolvedDate], published: dt.date | None) -> dt.date | None:
    """The first day of the earliest date the article names (up to its publication), None if it names none.

    Named references ("9/11") are left out: they are history the article points to,
    not the time it tells of.
    """
    firsts = []
    for d in dates:
        if d.value is None or d.text.strip() in NAMED_DATES:
            continue
        s = span_of(d)
        if s is not None and (published is None or s[0] <= published):
            firsts.append(s[0])
    return min(firsts, default=None)


def context_at(dates: Sequence[ResolvedDate], char: int, published: dt.date | None) -> ResolvedDate | None:
    """The last date resolved before ``char`` that can bound a reported act (not after publication)."""
    last = None
    for d in dates:
        if d.end > char:
            break
        if d.value is None or d.text.strip() in NAMED_DATES:
            continue
        s = span_of(d)
        if s is not None and (published is None or s[0] <= published):
            last = d
    return last


def event_window(
    *,
    date: str | None,
    precision: str,
    status: str,
    published: dt.date | None,
    stated: ResolvedDate | None = None,
    context: ResolvedDate | None = None,
    frame: dt.date | None = None,
) -> Window:
    """The window of one event (see the module docstring for the rules).

    ``stated`` is the resolved expression behind ``date`` when known (it may cover
    less than its precision says: "this week"); ``context`` the running context
    before the event's sentence; ``frame`` the article's earliest date.
    """
    if status == "hypothetical":
        return Window(date, precision, None, None)
    span = None
    if date:
        span = span_of(stated) if stated is not None and stated.value == date else None
        span = span or period(date)
    if status in TO_COME:
        if span is not None:
            return Window(date, precision, span[0], span[1])
        return Window(date, precision, published, None)
    # A reported act (asserted, negated; any other status is read the same way).
    if span is not None and published is not None and span[0] > published:
        date, precision, span = None, "none", None  # not the time of an act already reported
    if span is not None:
        end = min(span[1], published) if published is not None else span[1]
        return Window(date, precision, span[0], end)
    if published is None:
        s = span_of(context) if context is not None else None
        return Window(date, precision, s[0] if s else None, None)  # no publication: no end known
    if context is not None:
        s = span_of(context)
        if s is not None and s[0] <= published:
            return Window(date, precision, s[0], published)
    if frame is not None and frame <= published:
        return Window(date, precision, frame, published)
    return Window(date, precision, published - dt.timedelta(days=UNDATED_FRAME_DAYS), published)


def apply_windows(events: Sequence, dates: Sequence[ResolvedDate], published: dt.date | None) -> None:
    """Set ``date_start``/``date_end`` on each :class:`~ceasefire.models.Event` of one article, in place.

    ``dates`` are the article's resolved expressions in text order
    (:meth:`~ceasefire.dates.DateResolver.resolved`). A reported act's stated date
    that falls after publication is dropped here (see :func:`event_window`).
    """
    frame = frame_start(dates, published)
    for e in events:
        stated = None
        if e.date:
            stated = next(
                (d for d in dates if e.start <= d.start and d.end <= e.end and d.value == e.date), None
            )
        w = event_window(
            date=e.date,
            precision=e.date_precision,
            status=e.status,
            published=published,
            stated=stated,
            context=context_at(dates, e.start, published),
            frame=frame,
        )
        e.date, e.date_precision = w.date, w.precision
        e.date_start, e.date_end = w.date_start, w.date_end
