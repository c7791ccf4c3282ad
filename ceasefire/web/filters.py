"""The filters of the web UI: one set, read from the URL, applied to every panel.

A view is shared by sharing its URL, so the filters live only in the query
string (``?type=ASSAULT&since=2016-09-01``) and links between pages carry
them along through :meth:`Filters.query`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from urllib.parse import urlencode

from ..query import EventQuery, QueryValueError, check_date, split_types
from ..query.spec import check_confidence

# Longest accepted free-text filter value: far above any real name or search,
# small enough that a pasted page does not become an SQL parameter.
MAX_VALUE_LEN = 200


class FilterError(ValueError):
    """A filter value that cannot be used (reported to the user as HTTP 400)."""


@dataclass(frozen=True)
class Filters:
    """Every field is optional; empty means "no restriction".

    They mean what the CLI's options mean (:class:`ceasefire.query.EventQuery`):
    ``since``/``until`` are ISO dates (YYYY, YYYY-MM or YYYY-MM-DD, inclusive),
    ``type`` one PLOVER type or several, comma-separated, ``actor`` the source,
    target or claimant by id, name or any alias, ``place`` a place name,
    variant, region, country or ISO-3 code, ``claimant`` the actor the report
    is attributed to, ``outlet`` the publisher of the article, ``q`` a
    web-search style full-text query, ``min_confidence`` a number in 0..1.
    """

    since: str = ""
    until: str = ""
    type: str = ""
    actor: str = ""
    place: str = ""
    claimant: str = ""
    outlet: str = ""
    q: str = ""
    min_confidence: str = ""

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> Filters:
        """The filters of a query string, checked by the query layer's rules (the CLI's):
        a bad date, type or confidence is a FilterError naming the filter."""
        values: dict[str, str] = {}
        for name in cls.names():
            if name == "type" and hasattr(params, "getlist"):
                raw = ",".join(v for v in params.getlist("type") if v.strip())  # repeated: a multi-select
            else:
                raw = params.get(name) or ""
            raw = raw.strip()
            if len(raw) > MAX_VALUE_LEN:
                raise FilterError(f"filter {name!r} is longer than {MAX_VALUE_LEN} characters")
            try:
                if raw and name in ("since", "until"):
                    raw = check_date(name, raw)
                elif name == "type":
                    raw = ",".join(split_types(raw))
                elif name == "min_confidence" and raw:
                    raw = f"{check_confidence(raw):g}"
            except QueryValueError as exc:
                raise FilterError(f"filter {exc}") from None
            values[name] = raw
        f = cls(**values)
        try:
            f.to_query().checked()  # since after until
        except QueryValueError as exc:
            raise FilterError(f"filter {exc}") from None
        return f

    def to_query(self) -> EventQuery:
        """These filters as the query layer's EventQuery (``q`` is its full-text ``text``)."""
        return EventQuery(
            actor=self.actor or None,
            type=self.type or None,
            since=self.since or None,
            until=self.until or None,
            place=self.place or None,
            claimant=self.claimant or None,
            outlet=self.outlet or None,
            text=self.q or None,
            min_confidence=float(self.min_confidence) if self.min_confidence else None,
        )

    def types(self) -> tuple[str, ...]:
        return tuple(t for t in self.type.split(",") if t)

    def active(self) -> bool:
        return any(asdict(self).values())

    def items(self) -> list[tuple[str, str]]:
        """The non-empty filters, in field order."""
        return [(k, v) for k, v in asdict(self).items() if v]

    def with_(self, **changes: str) -> Filters:
        return replace(self, **changes)

    def query(self, **changes: str) -> str:
        """The query string (with its leading '?', or '' when empty) of these filters
        with ``changes`` applied."""
        qs = urlencode(replace(self, **changes).items())
        return f"?{qs}" if qs else ""

    def until_bound(self) -> str:
        """``until`` as an exclusive-safe upper bound for string comparison of ISO dates."""
        if not self.until:
            return ""
        return self.until + "\uffff"
