"""Event coreference across articles: which stored reports are of one real-world event.

A report (one stored event, a *mention*) is linkable when it is a reported act
(asserted or negated) with a date window of at most :data:`MAX_WINDOW_DAYS`
and a place with a country. Candidates are blocked by country, type family and
date window (:func:`block_range`), so each new report is compared with the few
reports of the same days and country, and cost grows with the number of
reports, not its square. A pair is scored by :func:`score`: the sum of
log-odds-like weights for the type, the date-window overlap, the distance or
containment of the places and the source and target actors (same, compatible
or unknown); it is the same event when the score reaches :data:`LINK_SCORE`.

The weights are hand-set, Fellegi-Sunter style (agreement on a rare, precise
field counts more than on a vague one); ``benchmarks/linking.py`` measures them.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

FAMILIES = {
    "ASSAULT": "violence",
    "COERCE": "violence",
    "MOBILIZE": "posture",
    "RETREAT": "posture",
    "THREATEN": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "PROTEST": "verbal_conflict",
    "SANCTION": "verbal_conflict",
    "AGREE": "cooperation",
    "CONSULT": "cooperation",
    "SUPPORT": "cooperation",
    "CONCEDE": "cooperation",
    "COOPERATE": "cooperation",
    "AID": "cooperation",
    "REQUEST": "cooperation",
}
LINKABLE_STATUSES = ("asserted", "negated")
# A window longer than this (a year, a season) could be any event of its period.
MAX_WINDOW_DAYS = 31
# Reports of one event may date it a day apart ("on Monday night" / "on Tuesday").
SLACK_DAYS = 1
LINK_SCORE = 3.5
# GeoNames feature codes of places that are areas, not points: a report placed there
# contains the reports placed at points inside them.
AREA_FEATURES = ("PCLI", "PCL", "PCLD", "PCLS", "PCLF", "ADM1", "ADM2", "RGN", "ADM1H", "TERR")


@dataclass(frozen=True)
class Mention:
    event_id: int
    article_id: str
    ord: int
    type: str
    source_id: str | None
    target_id: str | None
    claimant_id: str | None
    source_country: str | None
    target_country: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    feature: str | None
    status: str
    date: str | None
    date_start: str | None
    date_end: str | None

    @property
    def key(self) -> str:
        """The report's id across databases: its article's content hash and its place in it."""
        return f"{self.article_id}#{self.ord}"

    @property
    def family(self) -> str:
        return FAMILIES.get(self.type, self.type)

    def window(self) -> tuple[int, int] | None:
        """First and last day (proleptic ordinals) the act can have happened on."""
        start, end = self.date_start, self.date_end
        if start is None and end is None and self.date and len(self.date) == 10:
            start = end = self.date
        if start is None or end is None:
            return None
        try:
            return dt.date.fromisoformat(start).toordinal(), dt.date.fromisoformat(end).toordinal()
        except ValueError:
            return None

    def is_area(self) -> bool:
        return self.feature is not None and self.feature.upper() in AREA_FEATURES or self.lat is None

    def unlinkable(self) -> str | None:
        """Why this report cannot be linked, or None when it can."""
        if self.status not in LINKABLE_STATUSES:
            return "not a reported act"
        w = self.window()
        if w is None:
            return "no date"
        if w[1] - w[0] + 1 > MAX_WINDOW_DAYS:
            return "date vaguer than a month"
        if not self.country:
            return "no place"
        return None


def block_range(m: Mention) -> tuple[int, int]:
    """The range of window starts a candidate of ``m`` can have (indexed lookup)."""
    s, e = m.window() or (0, 0)
    return s - MAX_WINDOW_DAYS - SLACK_DAYS, e + SLACK_DAYS


def _km(a: Mention, b: Mention) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _resolved(actor_id: str | None) -> bool:
    """A canonical actor id (SYR_MIL, ISIS), not a name the resolver could not place
    ("people", "PER:jaramana"): those say too little to tell two reports apart."""
    return bool(actor_id) and ":" not in actor_id and not actor_id.islower()


def _actor(x: str | None, y: str | None, cx: str | None, cy: str | None) -> float:
    if not _resolved(x) or not _resolved(y):
        return 0.0  # unknown on one side: no evidence either way
    if x == y:
        # a country's civilians are the target of most of its violence: little evidence
        return 0.3 if x.endswith("_CIV") else 1.5
    if cx and cy and cx == cy:
        return 0.3  # compatible: two bodies of one state (the army, the government)
    return -2.5


def score(a: Mention, b: Mention) -> float:
    """How strongly two reports look like one event (>= LINK_SCORE: the same)."""
    if a.family != b.family:
        return -math.inf
    wa, wb = a.window(), b.window()
    if wa is None or wb is None or a.country != b.country:
        return -math.inf
    s = 2.0 if a.type == b.type else 0.5
    gap = max(wa[0], wb[0]) - min(wa[1], wb[1])  # > 0: days between the windows
    if gap > SLACK_DAYS:
        return -math.inf
    if gap > 0:
        s -= 1.0
    elif wa[0] == wa[1] == wb[0] == wb[1]:
        s += 1.5
    else:
        union = max(wa[1], wb[1]) - min(wa[0], wb[0]) + 1
        s += 1.5 / union  # one vague window: weaker the vaguer
    if a.is_area() or b.is_area():
        if a.admin1 and b.admin1 and a.admin1 != b.admin1 and not (a.feature or "").startswith("PCL"):
            s -= 2.0  # different regions
        elif not (b.feature or "").startswith("PCL") and not (a.feature or "").startswith("PCL"):
            s += 0.8  # same region
        else:
            s += 0.3  # a country contains the other place
    else:
        d = _km(a, b)
        # one place (the same coordinates), a neighbourhood of it, or another town
        s += 2.0 if d <= 1 else 1.0 if d <= 5 else -1.0 if d <= 25 else -3.0
    s += _actor(a.source_id, b.source_id, a.source_country, b.source_country)
    s += _actor(a.target_id, b.target_id, a.target_country, b.target_country)
    if a.status != b.status:
        s -= 0.5
    return s
