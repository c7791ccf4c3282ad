"""Small normalisers for what containers say about a document: dates and sites."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from urllib.parse import urlsplit

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_EPOCH = re.compile(r"\A\d{9,10}(?:\.\d+)?\Z|\A\d{12,13}\Z")
_COMPACT = re.compile(r"\A(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2})?)?)?\Z")  # 20160604[120000]


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date as found in a CSV/JSON field or archive header, else None.

    Accepts ISO 8601 (with or without time and zone; the calendar date is kept as
    written, not shifted to UTC), compact ``YYYYMMDD[hhmmss]`` (ARC/WARC), Unix
    epoch seconds or milliseconds, and free-form dates that state a 4-digit year
    ("4 June 2016", "June 4, 2016 10:00 EDT"). A value without a year is not a
    date of publication we can trust (dateparser would anchor it on today).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if not text:
        return None
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    m = _COMPACT.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    if not _YEAR.search(text):
        return None
    return _dateparser(text)


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(
        text[:100],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year", "month"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
        languages=None,
    )
    return parsed.date().isoformat() if parsed else None


def site_of_url(url: str | None) -> str | None:
    """The host name of a URL, lower-cased, without a leading ``www.``."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
