"""Whether one stored event falls under an agreement: its act, its period, its area, its parties.

Each test answers ``within``, ``possibly`` (with the reason: a date known only to the month
that reaches past the period, a place known only to the country or to a region the area covers
in part) or ``outside``; the ledger counts the first two apart and never merges them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..agreements import Agreement

WITHIN, POSSIBLY, OUTSIDE = "within", "possibly within", "outside"
OBSERVATION = "observation by a monitor"


@dataclass(frozen=True)
class Verdict:
    verdict: str
    why: str | None = None


def period(a: Agreement, successors: dict[str, Agreement]) -> tuple[dt.date, dt.date | None]:
    """The active period, first and last day (None: open), after extensions; an agreement
    superseded by another stops the day before that one starts."""
    last = a.last_day
    nxt = successors.get(a.superseded_by or "")
    if nxt is not None:
        stop = nxt.start - dt.timedelta(days=1)
        last = stop if last is None or stop < last else last
    return a.start, last


def _day(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        if len(s) == 4:
            return dt.date(int(s), 1, 1)
        if len(s) == 7:
            return dt.date.fromisoformat(s + "-01")
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def window(e: Any) -> tuple[dt.date | None, dt.date | None]:
    """The event's first and last possible day: its stored window, else its own date's span."""
    lo, hi = _day(e.date_start), _day(e.date_end)
    if lo and hi:
        return lo, hi
    d = _day(e.date)
    if d is None:
        return lo or hi, hi or lo
    if e.date and len(e.date) == 4:
        return d, dt.date(d.year, 12, 31)
    if e.date and len(e.date) == 7:
        nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return d, nxt - dt.timedelta(days=1)
    return d, d


def in_period(e: Any, first: dt.date, last: dt.date | None) -> Verdict:
    lo, hi = window(e)
    if lo is None or hi is None:
        return Verdict(OUTSIDE, "undated")
    if hi < first or (last is not None and lo > last):
        return Verdict(OUTSIDE)
    if lo >= first and (last is None or hi <= last):
        return Verdict(WITHIN)
    span = lo.isoformat() if lo == hi else f"{lo}..{hi}"
    return Verdict(POSSIBLY, f"dated {span}, only partly inside the period")


_SUFFIX = re.compile(r"\b(governorate|oblast|province|region|district|of)\b")


@lru_cache(maxsize=4096)
def place_key(name: str | None) -> str:
    """A place or region name for comparison: no accents, case, punctuation or 'Governorate'."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9 ]+", " ", text.replace("'", "").replace("\u2019", ""))
    text = re.sub(r"^(al|as|ad|ar|el|the) ", "", " ".join(_SUFFIX.sub(" ", text).split()))
    return text.replace(" ", "")


def in_area(a: Agreement, e: Any) -> Verdict:
    area = a.area
    if not e.country and not e.location_name:
        return Verdict(POSSIBLY, "no place stated")
    if area.countries and e.country and e.country not in area.countries:
        return Verdict(OUTSIDE)
    finer = area.admin1 or area.places or area.polygon is not None
    if not finer:
        return Verdict(WITHIN) if e.country else Verdict(POSSIBLY, f"placed at {e.location_name}, no country")
    names = {place_key(e.location_name), place_key(e.admin1)} - {""}
    if names & {place_key(p) for p in area.places} or place_key(e.admin1) in {
        place_key(r) for r in area.admin1
    }:
        return Verdict(WITHIN)
    if area.polygon is not None and e.lat is not None and e.lon is not None:
        from shapely.geometry import Point

        if area.polygon.covers(Point(e.lon, e.lat)):
            return Verdict(WITHIN)
    if place_key(e.admin1) in {place_key(r) for r in area.partly}:
        return Verdict(POSSIBLY, f"in {e.admin1}, which the area covers only in part")
    if not e.admin1 and ((e.geo_feature or "").startswith("PCL") or _is_country_name(e)):
        return Verdict(POSSIBLY, "placed only in the country")
    if not e.admin1 and e.lat is None:
        return Verdict(POSSIBLY, f"placed at {e.location_name}, not located more finely")
    return Verdict(OUTSIDE)


def _is_country_name(e: Any) -> bool:
    from ..actors.dictionary import get_dictionary

    state = get_dictionary().get(e.country) if e.country else None
    return state is not None and place_key(state.name) == place_key(e.location_name)


def prohibited(a: Agreement, e: Any) -> bool:
    for p in a.prohibited:
        if e.type != p.type or (p.mode and e.mode != p.mode):
            continue
        if p.lethal and not killed(e):
            continue
        return True
    return False


def killed(e: Any) -> bool:
    return any(
        c.get("kind") == "killed" and (c.get("best") or c.get("low") or 0) > 0 for c in e.casualties or []
    )


class Sides:
    """Which side, exclusion, monitor or guarantor an actor id belongs to: the id itself or any
    ancestor in the actor dictionary (RUS_AF -> RUS_MIL -> RUS)."""

    def __init__(self, a: Agreement):
        from ..actors.dictionary import get_dictionary

        self.names = get_dictionary()
        self.side_of = a.side_of_actor_ids()
        self.excluded = set(a.excluded)
        self.monitors = set(a.monitors)
        self.guarantors = set(a.guarantors)
        self._chain: dict[str, tuple[str, ...]] = {}

    def chain(self, actor_id: str | None) -> tuple[str, ...]:
        if not actor_id:
            return ()
        if actor_id not in self._chain:
            out: list[str] = []
            cur: str | None = actor_id
            while cur and cur not in out and len(out) < 12:
                out.append(cur)
                found = self.names.get(cur)
                cur = found.parent.split("@", 1)[0] if found and found.parent else None
            self._chain[actor_id] = tuple(out)
        return self._chain[actor_id]

    def side(self, actor_id: str | None) -> str | None:
        return next((self.side_of[i] for i in self.chain(actor_id) if i in self.side_of), None)

    def is_excluded(self, actor_id: str | None) -> bool:
        return any(i in self.excluded for i in self.chain(actor_id))

    def is_monitor(self, actor_id: str | None) -> bool:
        return any(i in self.monitors for i in self.chain(actor_id))

    def reporter(self, claimant_id: str | None) -> tuple[str, str]:
        """(reporting side, kind of report): a monitor's observation (a monitor on no side) or
        its claim (a party's own monitoring centre, such as Russia's at Hmeimim, is named as the
        reporting side but reports for its side), a side's claim, a guarantor's statement, or
        the press and others."""
        chain = self.chain(claimant_id)
        side = self.side(claimant_id)
        monitor = next((i for i in chain if i in self.monitors), None)
        if monitor:
            return self.name(monitor), "claim by a party's monitoring centre" if side else OBSERVATION
        if side:
            return side, "claim by a party"
        guarantor = next((i for i in chain if i in self.guarantors), None)
        if guarantor:
            return self.name(guarantor), "statement by a guarantor"
        return "press and others", "press or other report"

    def name(self, actor_id: str) -> str:
        found = self.names.get(actor_id)
        return found.name if found else actor_id
