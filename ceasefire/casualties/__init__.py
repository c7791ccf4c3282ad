"""ceasefire.casualties: killed and wounded counts over the dependency parse.

Public surface::

    find_casualties(doc, ctx) -> Iterator[Casualty]      # every count in an article
    attach(events, casualties) -> list[Event]            # counts onto the events they report

The NLP runner runs :func:`find_casualties` after event coding and
:func:`attach` puts each count on the event of its sentence: the event whose
trigger is the word stating the harm ("killing" in "shelled the town,
killing 12"), else the sentence's ASSAULT event nearest to it, else its
nearest event. A count with no event in its sentence stays off the events.
An event's ``fatalities`` is then ACLED's conservative figure
(:func:`ceasefire.models.fatalities`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..models import Casualty, Event
from .extract import find_casualties


def attach(events: list[Event], casualties: Iterable[Casualty]) -> list[Event]:
    """``events`` with the counts of their sentences; a count without its own claimant
    takes the event's."""
    by_event: dict[int, list[Casualty]] = {}
    for c in casualties:
        at = c.trigger_start if c.trigger_start is not None else c.start
        if at is None:
            continue
        same = [i for i, e in enumerate(events) if e.start <= at < e.end]
        if not same:
            continue

        def rank(i: int, at: int = at) -> tuple[int, int, int]:
            e = events[i]
            trig = e.trigger or ""
            own = 0 if trig and e.sentence.find(trig) >= 0 and _trigger_at(e, at) else 1
            return (own, 0 if e.type == "ASSAULT" else 1, abs(_trigger_offset(e) - at))

        best = min(same, key=rank)
        e = events[best]
        if c.claimant is None and e.claimant is not None:
            c = replace(c, claimant=e.claimant)
        by_event.setdefault(best, []).append(c)
    return [
        replace(e, casualties=[*e.casualties, *by_event[i]]) if i in by_event else e
        for i, e in enumerate(events)
    ]


def _trigger_offset(e: Event) -> int:
    """Where the event's trigger word is in the article (its sentence start when not found)."""
    if e.trigger:
        k = e.sentence.find(e.trigger)
        if k >= 0:
            return e.start + k
    return e.start


def _trigger_at(e: Event, at: int) -> bool:
    k = _trigger_offset(e)
    return k <= at < k + len(e.trigger or "")


__all__ = ["attach", "find_casualties"]
