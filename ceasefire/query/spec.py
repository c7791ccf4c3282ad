"""What a user asks for: one event filter, the same for every surface.

The CLI's options, the web's query string, the JSON API, the report and the
exports all build an :class:`EventQuery`; :mod:`.sql` turns it into SQL.
Values are checked here once, so a date the CLI refuses is refused by the web
with the same words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, fields, replace

# The sixteen PLOVER types (kept here, not imported from the events stage: the query
# layer runs in tools that never load spaCy).
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
STATUSES = ("asserted", "negated", "hypothetical", "future", "demanded")

# Longest full-text filter accepted: the search's own cap (ceasefire.store.budget.MAX_QUERY_CHARS).
MAX_TEXT_CHARS = 200

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class QueryValueError(ValueError):
    """A filter value that cannot be used; the message names the filter and the reason."""


def check_date(name: str, value: str) -> str:
    """``value`` stripped, if it is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and a real date."""
    value = value.strip()
    if not _DATE.fullmatch(value):
        raise QueryValueError(f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        dt.date.fromisoformat(
            value if len(value) == 10 else f"{value}-01" if len(value) == 7 else f"{value}-01-01"
        )
    except ValueError as exc:
        raise QueryValueError(f"{name}: {value!r} is not a valid date ({exc})") from None
    return value


def until_bound(until: str) -> str:
    """Inclusive upper bound for ISO dates compared as text: "2016" and "2016-06" reach the
    last day of that year or month (and any date written with that prefix)."""
    if len(until) == 4:
        return until + "-12-31"
    if len(until) == 7:
        return until + "-31"
    return until


def split_types(values: str | Iterable[str] | None) -> tuple[str, ...]:
    """Types from repeated and comma-separated values, upper-cased, each once, in the order given;
    an unknown type is an error naming the known ones."""
    if values is None:
        return ()
    out: list[str] = []
    for v in [values] if isinstance(values, str) else values:
        for t in str(v).split(","):
            t = t.strip().upper()
            if not t:
                continue
            if t not in PLOVER_TYPES:
                raise QueryValueError(f"type: {t!r} is not one of {', '.join(PLOVER_TYPES)}")
            if t not in out:
                out.append(t)
    return tuple(out)


def check_confidence(value: str | float | None) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        x = float(value)
    except ValueError:
        raise QueryValueError(f"min confidence: {value!r} is not a number between 0 and 1") from None
    if not 0.0 <= x <= 1.0:
        raise QueryValueError(f"min confidence: {value!r} is not between 0 and 1")
    return x


@dataclass(frozen=True)
class EventQuery:
    """Every field is optional; None or empty means no restriction.

    - ``actor``: the source, target or claimant, by id, canonical name or any name seen
      (any case, hyphens and accents ignored);
    - ``type``: one PLOVER type or several (a string may be comma-separated);
    - ``since``/``until``: inclusive dates ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; an event
      is kept when its date (or, where the store has them, its ``date_start``..``date_end``
      window) overlaps the range;
    - ``place``: the location's name or a variant, its admin1 region, its country's name
      or ISO-3 code;
    - ``claimant``: the actor the report is attributed to, looked up like ``actor``;
    - ``outlet``: the publisher of the article (any case, a leading "the" ignored);
    - ``text``: a web-search style full-text query over the event's article;
    - ``status`` (e.g. "asserted"), ``min_confidence`` (0..1), ``article_id``.
    """

    actor: str | None = None
    type: str | Collection[str] | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    claimant: str | None = None
    outlet: str | None = None
    text: str | None = None
    status: str | None = None
    min_confidence: float | None = None
    article_id: str | None = None
    limit: int | None = None

    def types(self) -> tuple[str, ...]:
        return split_types(self.type)  # type: ignore[arg-type]

    def checked(self) -> EventQuery:
        """This query with empty strings as None, dates, types and confidence checked
        (QueryValueError naming the filter otherwise)."""
        changes: dict[str, object] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, str):
                v = " ".join(v.split()) or None
                changes[f.name] = v
        q = replace(self, **changes)  # type: ignore[arg-type]
        since = check_date("since", q.since) if q.since else None
        until = check_date("until", q.until) if q.until else None
        if since and until and since > until_bound(until):
            raise QueryValueError(f"since {since} is after until {until}: nothing could match")
        status = q.status.lower() if q.status else None
        if status and status not in STATUSES:
            raise QueryValueError(f"status: {q.status!r} is not one of {', '.join(STATUSES)}")
        if q.text and len(q.text) > MAX_TEXT_CHARS:
            # The full-text search's length cap (store.budget), on every surface that filters by text.
            raise QueryValueError(
                f"text: the search is {len(q.text)} characters long; at most {MAX_TEXT_CHARS} are accepted"
            )
        types = q.types()
        return replace(
            q,
            since=since,
            until=until,
            status=status,
            type=types or None,
            min_confidence=check_confidence(q.min_confidence),
        )

    def items(self) -> list[tuple[str, str]]:
        """The filters given, as (name, value) text pairs, in field order (for "what was searched")."""
        out = []
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name == "type":
                v = ",".join(self.types()) or None
            if v is not None and v != "":
                out.append((f.name, str(v)))
        return out
