"""The article's theatre country and era, and the collectives resolved in it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from .base import FinderBase
from .dictionary import Actor
from .lexicon import _city_countries
from .normalize import key_of

if TYPE_CHECKING:  # pragma: no cover
    pass

LOCATIVE = {
    "in",
    "near",
    "across",
    "around",
    "outside",
    "inside",
    "throughout",
    "into",
    "at",
    "over",
    "of",
    "from",
    "to",
    "towards",
    "toward",
    "within",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
}

# Words after or before a place that make it an organisation's seat, not a scene ("based in London").
SEAT_WORDS = frozenset({"based", "headquartered"})


class TheatrePasses(FinderBase):
    """The article's theatre country and era, and the collectives resolved in it."""

    # -- era
    def find_era(self) -> None:
        """With no publication date, date the article by the office terms of the persons it names:
        the middle of the span most of their terms overlap (Lavrov, Kerry, Obama -> 2013-2017).
        Used only to pick office-holders for role mentions, never to rename groups."""
        if self.when is not None:
            return
        persons = {
            m.actor.id: m.actor
            for m in self.mentions
            if m.actor is not None and m.kind == "person" and m.how in ("dict", "ner-dict", "surname")
        }
        roles = [r for a in persons.values() for r in a.roles if r.start]
        if not roles:
            return
        # open terms end, for this purpose, a year after the latest date the roles mention (not
        # "today", so that the result does not change from one day to the next)
        horizon = max(d for r in roles for d in (r.start, r.end) if d) + dt.timedelta(days=365)
        spans = [(r.start, r.end or horizon) for r in roles]
        points = sorted({p for span in spans for p in span})
        best: tuple[int, dt.date, dt.date] | None = None
        for lo, hi in zip(points, points[1:], strict=False):
            n = sum(1 for a, b in spans if a <= lo and hi <= b)
            if best is None or n > best[0]:
                best = (n, lo, hi)
        if best is not None:
            _, lo, hi = best
            self.role_date = lo + (hi - lo) / 2

    def _named_in_full(self, actor: Actor) -> bool:
        """Is the person named with more than one word somewhere in the article?"""
        return any(
            m.actor is not None and m.actor.id == actor.id and len(key_of(self.text[m.start : m.end])) > 1
            for m in self.mentions
        )

    # -- theatre
    def find_theatre(self) -> None:
        """The country most places named after a locative preposition ("in Aleppo") belong to;
        failing that, the country of most cities named anywhere ("shelled Idlib"); failing that,
        the country most state actors and armed groups in the article belong to."""
        votes = self._place_votes(locative=True)
        if not votes:
            # No place after "in"/"near"...: any city named ("the army shelled Idlib")
            votes = self._place_votes(locative=False)
        if not votes:
            # No place named: the countries of the actors.  Armed groups and opposition bodies
            # count double, as they point to where the fighting is more than diplomats do; the
            # home country of a monitor, an agency or an IGO ("the UK-based Observatory", AFP)
            # says nothing about where things happen.
            for m in self.mentions:
                a = m.actor
                if a is None or not a.country or m.kind in ("person", "ngo", "media", "igo"):
                    continue
                votes[a.country] += 2 if m.kind in ("armed_group", "other") else 1
        if votes:
            self.theatre = votes.most_common(1)[0][0]

    def _place_votes(self, locative: bool) -> Counter[str]:
        """Countries of the places named in the article: after a locative preposition ("in Aleppo")
        or, with ``locative`` False, anywhere; never the seat of an organisation ("based in London",
        "the London-based monitor")."""
        votes: Counter[str] = Counter()
        ws = self.ws
        cities = _city_countries()
        for i in range(1, len(ws)):
            if ws[i].shape not in ("C", "A"):
                continue
            if locative and (ws[i - 1].key not in LOCATIVE or (i >= 2 and ws[i - 2].key in SEAT_WORDS)):
                continue
            if not locative and ws[i - 1].shape in ("C", "A"):
                continue  # inside a name
            for n in (3, 2, 1):
                k = tuple(w.key for w in ws[i : i + n])
                if len(k) != n or any(w.shape not in ("C", "A") and w.key != "al" for w in ws[i : i + n]):
                    continue
                if i + n < len(ws) and ws[i + n].key in SEAT_WORDS:
                    break  # "the London-based monitor", "London based"
                iso = None
                node = self.d.match_at(ws, i, self.when)
                if node is not None and node[0] == i + n:
                    a = self.d.get(node[1].actor_id)
                    if a is not None and a.kind in ("state", "government"):
                        iso = a.country if locative else None  # "Russia said" is not a place
                if iso is None:
                    iso = cities.get(k)
                if iso:
                    votes[iso] += 1
                    break
        return votes

    def collective(self, suffix: str, gid: str, name: str, kind: str, iso: str | None) -> Actor:
        iso = iso or self.theatre
        if iso:
            aid = self.d.resolve_collective(f"{iso}_{suffix}", iso, self.when)
            a = self.actor(aid)
            if a is not None:
                return a
        return Actor(id=gid, name=name, kind=kind, country=iso if suffix in ("CIV", "PROTESTERS") else None)
