"""The filters of the web UI: one set, read from the URL, applied to every panel.

A view is shared by sharing its URL, so the filters live only in the query
string (``?type=ASSAULT&since=2016-09-01``) and links between pages carry
them along through :meth:`Filters.query`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from urllib.parse import urlencode

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Longest accepted free-text filter value: far above any real name or search,
# small enough that a pasted page does not become an SQL parameter.
MAX_VALUE_LEN = 200


class FilterError(ValueError):
    """A filter value that cannot be used (reported to the user as HTTP 400)."""


@dataclass(frozen=True)
class Filters:
    """Every field is optional; empty means "no restriction".

    ``since``/``until`` are ISO dates (YYYY, YYYY-MM or YYYY-MM-DD, inclusive),
    ``type`` a PLOVER event type, ``actor`` an actor id or name (as source or
    target), ``place`` a place name or ISO-3 country code, ``claimant`` the id
    or name of the actor the report is attributed to, ``outlet`` the
    publisher of the article, ``q`` a web-search style full-text query.
    """

    since: str = ""
    until: str = ""
    type: str = ""
    actor: str = ""
    place: str = ""
    claimant: str = ""
    outlet: str = ""
    q: str = ""

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> Filters:
        values: dict[str, str] = {}
        for name in cls.names():
            raw = (params.get(name) or "").strip()
            if len(raw) > MAX_VALUE_LEN:
                raise FilterError(f"filter {name!r} is longer than {MAX_VALUE_LEN} characters")
            if raw and name in ("since", "until"):
                if not _DATE.match(raw):
                    raise FilterError(f"filter {name!r} must be a date like 2016-09-17, got {raw!r}")
                try:  # the same rule as the CLI: 2019-02-30 and 2016-13 are no dates
                    dt.date.fromisoformat(
                        raw if len(raw) == 10 else f"{raw}-01" if len(raw) == 7 else f"{raw}-01-01"
                    )
                except ValueError as exc:
                    raise FilterError(f"filter {name!r}: {raw!r} is not a valid date ({exc})") from None
            values[name] = raw.upper() if name == "type" else raw
        return cls(**values)

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
