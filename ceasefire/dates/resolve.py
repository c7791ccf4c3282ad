"""Resolve one date expression to an ISO prefix with a precision.

Pure functions, no spaCy: :func:`resolve_expression` takes the text of an
expression ("on Monday", "17th September 2016", "earlier the same day"), the
article's anchor (its publication date) and the running context (the last
date the article mentioned) and returns a :class:`ResolvedDate`.

Conventions (news style, chosen and tested):

* A bare weekday ("on Monday", "Monday's meeting") is the most recent such day
  **on or before** the anchor; the anchor's own weekday counts, because wire
  style names the day of publication ("said on Monday") instead of "today".
  "last Monday" excludes the anchor day.  With ``future=True`` (the caller saw
  "will"/"is due to") it is the next such day on or after the anchor.
* A month without a year ("in June", "last February") is the most recent such
  month on or before the anchor's month; "last <month>" excludes the anchor's
  own month.  A day and month without a year ("May 25") take the year that
  puts the date closest to the anchor (so "December 5" in an article of
  January 3 is the previous December).
* Deictic expressions ("yesterday", "on Monday", "last week") need the
  publication date.  Without one, they fall back on the running context's
  last date but only at month precision, because the context date is not the
  moment of writing.
* Context expressions ("the same day", "the next day", "the following week")
  use the running context and fall back on the publication date.
* A week resolves to its month when all its seven days (Monday..Sunday) fall
  in one month, else to its year, else to nothing.
* Durations ("for three weeks", "24 hours"), ages and bare numbers are not
  dates: the private resolver returns ``None`` for them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year", "none")
_RANK = {"day": 3, "month": 2, "year": 1, "none": 0}
# The precision a reference must have to be moved by one unit exactly ("the previous week" of a day).
_UNIT_RANK = {"day": 3, "week": 3, "month": 2, "year": 1}


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression and what it resolves to.

    ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" (or None), ``precision`` one
    of day/month/year/none; ``start``/``end`` are character offsets of
    ``text`` (into the article for :class:`DateResolver`, into the given
    string for :func:`resolve_expression`).
    """

    value: str | None
    precision: str
    text: str
    start: int
    end: int
    # The days the expression covers when narrower than its precision says ("this week" is seven
    # days, reported at month precision): date windows use them.
    first: dt.date | None = None
    last: dt.date | None = None

    @property
    def date(self) -> dt.date | None:
        """The first day the value covers (for anchoring later expressions)."""
        if self.value is None:
            return None
        parts = [int(p) for p in self.value.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.date(parts[0], parts[1], parts[2])


NONE = "none"

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i
WEEKDAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
# Vague counts ("some days later", "a few weeks ago"); 3 is their usual reading,
# and results built on them are reported one precision level coarser.
VAGUE = {"some", "a few", "few", "several", "a couple of", "couple of"}
VAGUE_COUNT = 3
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
# Well-known dates named by a short form in news text.
NAMED_DATES = {"9/11": dt.date(2001, 9, 11), "7/7": dt.date(2005, 7, 7), "26/11": dt.date(2008, 11, 26)}

# The present of the report without a calendar date: "in recent days", "over the past few weeks",
# "currently", "the current offensive", "the latest attack". They place an act around the
# publication date (its month; its year for "recent months") and nothing more precise.
DEICTIC_PRESENT_RE = re.compile(
    r"^(?:(?:in|over|during) (?:the )?(?:recent|last few|past few|last|past) (?P<unit>days|weeks|months)"
    r"|currently|the current|the latest)$"
)

_MONTH_RE = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY_RE = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM_RE = (
    r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|some|a few|few|several|a couple of|couple of)"
)
_UNIT_RE = r"(?P<unit>day|week|month|year)s?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
# Leading words that do not change the date ("on", "since", "late", "early" before a day).
_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|from|since|until|till|of|during|around|about|as of|before|after|"
    r"through|throughout|into|the|and|or|as early as|as late as|"
    r"earlier|later|early|late|mid|middle of|end of|beginning of|start of)\s+)+"
)


def _norm(text: str) -> str:
    t = text.casefold().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"[\u00a0\s]+", " ", t).strip(" ,.;:()")
    return t


def _iso(d: dt.date, precision: str) -> str | None:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    return None


def _coarser(precision: str) -> str:
    return {"day": "month", "month": "year", "year": "year"}.get(precision, NONE)


def _cap(precision: str, limit: str) -> str:
    """The coarser of two precisions."""
    return precision if _RANK[precision] <= _RANK[limit] else limit


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, 1)


def _week(d: dt.date) -> tuple[dt.date, str]:
    """The week (Mon..Sun) containing d as its first day and a precision."""
    mon = d - dt.timedelta(days=d.weekday())
    sun = mon + dt.timedelta(days=6)
    if mon.month == sun.month:
        return mon, "month"
    if mon.year == sun.year:
        return mon, "year"
    return mon, NONE


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


@dataclass(frozen=True)
class _Anchors:
    """What an expression can be resolved against.

    ``published``: the publication date; ``previous``: the last date resolved
    before the expression (the running context); ``absolute``: the last date
    the article stated with its year, the fallback anchor of deictic
    expressions when there is no publication date.
    """

    published: dt.date | None
    previous: dt.date | None
    previous_precision: str
    future: bool
    absolute: dt.date | None = None
    absolute_precision: str = NONE

    def deictic(self) -> tuple[dt.date, str] | None:
        """The moment of writing, with the best precision it supports."""
        if self.published is not None:
            return self.published, "day"
        # A year alone ("in 2001") is usually background, not the time of writing,
        # so only a day or month stands in for the missing publication date.
        if self.absolute is not None and self.absolute_precision in ("day", "month"):
            return self.absolute, "month"
        return None

    @property
    def fallback(self) -> bool:
        return self.published is None

    def context(self) -> tuple[dt.date, str] | None:
        """The running context date, else the publication date."""
        if self.previous is not None:
            return self.previous, self.previous_precision
        if self.published is not None:
            return self.published, "day"
        return None

    def year_source(self) -> tuple[dt.date, bool] | None:
        """The date that supplies a missing year, and whether only its year is known."""
        if self.published is not None:
            return self.published, False
        if self.absolute is not None and self.absolute_precision != NONE:
            return self.absolute, self.absolute_precision == "year"
        return None


def _count(word: str) -> tuple[int, bool]:
    """A number word or digits; the bool says the count is vague."""
    if word in VAGUE:
        return VAGUE_COUNT, True
    if word.isdigit():
        return int(word), False
    return NUMBERS[word], False


def _shift(base: dt.date, n: int, unit: str) -> tuple[dt.date, str]:
    """base moved by n units, with the precision that unit supports."""
    if unit == "day":
        return base + dt.timedelta(days=n), "day"
    if unit == "week":
        return _week(base + dt.timedelta(days=7 * n))
    if unit == "month":
        return _add_months(base, n), "month"
    return dt.date(base.year + n, 1, 1), "year"


def _result(text: str, d: dt.date | None, precision: str) -> ResolvedDate:
    if d is None or precision == NONE:
        return ResolvedDate(None, NONE, text, 0, len(text))
    return ResolvedDate(_iso(d, precision), precision, text, 0, len(text))


UNANCHORED = object()  # marker: a date expression with nothing to anchor it


def _closest_year(month: int, day: int, ref: dt.date, future: bool) -> dt.date | None:
    cands = [c for c in (_valid(ref.year + k, month, day) for k in (-1, 0, 1)) if c is not None]
    if future:
        ahead = [c for c in cands if c >= ref]
        if ahead:
            return min(ahead)
    return min(cands, key=lambda c: (abs((c - ref).days), c > ref)) if cands else None


def _month_without_year(month: int, ref: dt.date, mode: str, future: bool) -> dt.date:
    """mode: '' (plain "in June"), 'last', 'this', 'next'."""
    if mode == "next" or (future and mode == ""):
        y = ref.year if month > ref.month else ref.year + 1
        if future and mode == "" and month == ref.month:
            y = ref.year
        return dt.date(y, month, 1)
    if mode == "this":
        return dt.date(ref.year, month, 1)
    if mode == "last":
        y = ref.year if month < ref.month else ref.year - 1
        return dt.date(y, month, 1)
    y = ref.year if month <= ref.month else ref.year - 1
    return dt.date(y, month, 1)


def _weekday(wd: int, ref: dt.date, mode: str, future: bool) -> dt.date:
    if mode == "next" or (future and mode in ("", "this")):
        ahead = (wd - ref.weekday()) % 7
        if mode == "next" and ahead == 0:
            ahead = 7
        return ref + dt.timedelta(days=ahead)
    back = (ref.weekday() - wd) % 7
    if mode in ("last", "past", "previous") and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def _resolve(text: str, a: _Anchors) -> tuple[dt.date | None, str] | object | None:
    """(date, precision) for a date expression, UNANCHORED when it is a date but
    nothing anchors it, None when the text is not a date expression."""
    t = _norm(text)
    if not t:
        return None
    for name, d in NAMED_DATES.items():
        if re.search(rf"(?<![\d/]){re.escape(name)}(?![\d/])", t):
            return d, "day"

    deictic = DEICTIC_PRESENT_RE.match(t)
    if deictic:
        if a.published is None:
            return UNANCHORED
        return a.published, "year" if deictic.group("unit") == "months" else "month"

    # Durations and ages are not dates.
    if re.search(r"\byears? old\b|\b\d+-year-old\b|\baged\b", t):
        return None
    if re.match(
        r"^(?:for|within|in the space of|over|lasting|nearly|almost|about|some|more than|"
        r"less than|at least|up to)?\s*(?:the )?(?:(?:past|last|next|first|coming|"
        r"following) )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|twelve|fifteen|twenty|thirty|several|a few|few|some|many|\d+ or \d+)"
        r"(?:-| )(?:\w+ )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
        r"(?: long)?$",
        t,
    ) and not re.search(r"\b(?:ago|later|earlier|before|after)\b", t):
        return None
    if re.search(r"^(?:for|within)\b", t):
        return None

    # Counted from a stated date: "21 years after 1997", "two days before 12 May".
    m = re.fullmatch(
        rf"(?P<q>just |only |about |nearly |almost |more than |less than )?{_NUM_RE}\s+{_UNIT_RE}\s+"
        r"(?P<dir>after|before)\s+(?P<rest>.+)",
        _LEAD.sub("", t),
    )
    if m:
        inner = _resolve(m.group("rest"), a)
        if inner is None or inner is UNANCHORED:
            return inner
        ref, prec = inner  # type: ignore[misc]
        if ref is None or _RANK[prec] < _UNIT_RANK[m.group("unit")]:
            return UNANCHORED  # "three days after June": the month does not say which day
        n, vague = _count(m.group("num"))
        d, p = _shift(ref, n if m.group("dir") == "after" else -n, m.group("unit"))
        if vague or m.group("q"):
            p = _coarser(p)
        return d, _cap(p, prec) if p != NONE else NONE

    # ISO and numeric forms.
    m = re.search(r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?\b", t)
    if m:
        if m.group("d"):
            d = _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            return (d, "day") if d else None
        if 1 <= int(m.group("m")) <= 12:
            return dt.date(int(m.group("y")), int(m.group("m")), 1), "month"

    # Numeric day/month/year: the order is known only when one part exceeds 12;
    # otherwise only the year is certain.
    m = re.fullmatch(rf"(?:on )?(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.]{_YEAR_RE}", t)
    if m:
        a_, b_, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        if a_ > 12 or a_ == b_:
            d = _valid(y, b_, a_)
            return (d, "day") if d else None
        if b_ > 12:
            d = _valid(y, a_, b_)
            return (d, "day") if d else None
        return dt.date(y, 1, 1), "year"

    # Strip a leading weekday before an absolute date ("Monday December 3", "Tuesday, 4 June"),
    # keeping it to choose the year of a date written without one.
    wd_m = re.match(rf"^(?:on )?{_WEEKDAY_RE},? (?=(?:the )?\d|{_MONTH_RE})", t)
    t2 = t[wd_m.end() :] if wd_m else t
    t2 = _LEAD.sub("", t2)
    m = re.search(rf"\b{_DAY_RE}(?: of)? {_MONTH_RE},? {_YEAR_RE}\b", t2) or re.search(
        rf"\b{_MONTH_RE} {_DAY_RE},? {_YEAR_RE}\b", t2
    )
    if m:
        d = _valid(int(m.group("year")), MONTHS[m.group("month")], int(m.group("day")))
        return (d, "day") if d else None
    m = re.search(rf"(?:^|\b){_DAY_RE}(?: of)? {_MONTH_RE}(?!\w)", t2) or re.search(
        rf"\b{_MONTH_RE} {_DAY_RE}\b(?![-,]? ?\d)", t2
    )
    if m and 1 <= int(m.group("day")) <= 31:
        src = a.year_source()
        if src is None:
            return UNANCHORED
        ref, year_only = src
        month, day = MONTHS[m.group("month")], int(m.group("day"))
        if wd_m:
            # The weekday picks the year: within five years a day-month falls on a given
            # weekday at most once (checked by test_weekday_picks_year).
            wd = WEEKDAYS[wd_m.group("wd")]
            fits = [
                c
                for c in (_valid(ref.year + k, month, day) for k in (-2, -1, 0, 1, 2))
                if c is not None and c.weekday() == wd
            ]
            if len(fits) == 1:
                return fits[0], "day"
        if year_only:
            d = _valid(ref.year, month, day)
            return (d, "day") if d else None
        # Tense only counts against the publication date; a fallback anchor is not "now".
        d = _closest_year(month, day, ref, a.future and a.published is not None)
        return (d, "day") if d else None
    m = re.search(rf"(?:^|\b){_MONTH_RE},? (?:of )?{_YEAR_RE}\b", t2)
    if m:
        return dt.date(int(m.group("year")), MONTHS[m.group("month")], 1), "month"

    # Holidays.
    m = re.search(
        rf"\b(?P<h>easter(?: sunday)?|christmas(?: day| eve)?|new year'?s(?: day| eve)?)"
        rf"(?: {_YEAR_RE})?$",
        t2,
    )
    if m:
        ys = a.year_source()
        ref = ys[0] if ys else None
        h = m.group("h")

        def holiday(y: int) -> dt.date:
            if h.startswith("easter"):
                return _easter(y)
            if h.startswith("christmas"):
                return dt.date(y, 12, 24 if h.endswith("eve") else 25)
            return dt.date(y, 12, 31) if h.endswith("eve") else dt.date(y, 1, 1)

        if m.group("year"):
            return holiday(int(m.group("year"))), "day"
        if a.published is None:
            return UNANCHORED if ref is None else (holiday(ref.year), "year")
        d = holiday(a.published.year)
        if d > a.published and not a.future:
            d = holiday(a.published.year - 1)
        return d, "day"

    # Seasons with a year ("spring 2016", "the summer of 2015").
    m = re.search(rf"\b(?P<s>spring|summer|fall|autumn|winter)(?: of)? {_YEAR_RE}\b", t2)
    if m:
        return dt.date(int(m.group("year")), 1, 1), "year"

    # Month alone, with optional last/this/next ("in June", "last February", "mid-June").
    m = re.fullmatch(
        rf"(?:(?P<mode>last|this|next|this past|this coming|past|coming)\s+)?"
        rf"(?:(?:early|late|mid|the middle of|the end of|the beginning of)[- ])?{_MONTH_RE}",
        t2,
    )
    if m and not (m.group("month") == "may" and m.group("mode") is None and t2 == "may" and t == "may"):
        mode = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(
            m.group("mode") or "", m.group("mode") or ""
        )
        src = a.deictic()
        if src is None:
            return UNANCHORED
        ref, prec = src
        if a.fallback:
            # Without a publication date, a bare month is taken in the year of the
            # last absolute date: "on 17th March 2016 ... in February" is February 2016.
            return dt.date(ref.year, MONTHS[m.group("month")], 1), "month"
        return _month_without_year(MONTHS[m.group("month")], ref, mode, a.future), _cap("month", prec)

    # Years ("in 2001", "mid-2016", "the year 2001", "2001").
    m = re.fullmatch(rf"(?:(?:early|late|mid|the end of|the beginning of|(?:the )?year)[- ])?{_YEAR_RE}", t2)
    if m:
        return dt.date(int(m.group("year")), 1, 1), "year"

    # Publication-relative days.
    m = re.fullmatch(
        r"(?:(?:earlier|later) )?(?P<w>today|tonight|this morning|this afternoon|this evening|"
        r"yesterday|tomorrow|(?:the )?day before yesterday|(?:the )?day after tomorrow|overnight|"
        r"last night|now)(?: (?:morning|afternoon|evening|night))?",
        t2,
    )
    if m:
        src = a.deictic()
        if src is None:
            return UNANCHORED
        ref, prec = src
        off = {
            "yesterday": -1,
            "last night": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }.get(m.group("w"), 0)
        if m.group("w").endswith("day before yesterday"):
            off = -2
        elif m.group("w").endswith("day after tomorrow"):
            off = 2
        if m.group("w") == "now":
            return ref, _cap("month", prec)
        return ref + dt.timedelta(days=off), prec

    # Weekdays ("on Monday", "last Tuesday", "Monday's", "late Tuesday", "Friday morning").
    m = re.fullmatch(
        rf"(?:(?P<mode>last|this|next|past|previous|this past|this coming|coming)\s+)?"
        rf"{_WEEKDAY_RE}(?:'s?)?{_PART_OF_DAY}",
        t2,
    )
    if m:
        mode = {"this past": "last", "this coming": "next", "coming": "next"}.get(
            m.group("mode") or "", m.group("mode") or ""
        )
        src = a.deictic()
        if src is None:
            return UNANCHORED
        ref, prec = src
        return _weekday(WEEKDAYS[m.group("wd")], ref, mode, a.future), prec

    # Seasons without a year.
    m = re.fullmatch(
        r"(?:(?P<mode>last|this|next|this past|past|coming)\s+)?(?P<s>spring|summer|fall|autumn|winter)", t2
    )
    if m:
        src = a.deictic()
        if src is None:
            return UNANCHORED
        ref, _ = src
        start = SEASONS[m.group("s")]
        starts = [dt.date(y, start, 1) for y in range(ref.year - 2, ref.year + 2)]
        mode = m.group("mode") or ""
        if mode in ("last", "past", "this past"):
            # The most recent season that is over (seasons last three months).
            year = max(s.year for s in starts if _add_months(s, 3) <= ref)
        elif mode in ("next", "coming"):
            year = min(s.year for s in starts if s > ref)
        elif mode == "this":
            year = ref.year - 1 if start == 12 and ref.month < 3 else ref.year
        else:
            year = max(s.year for s in starts if s <= ref)
        return dt.date(year, 1, 1), "year"

    # "the end of the year", "the beginning of this month": the current one.
    m = re.fullmatch(
        r"(?:(?:by|at|until|till|before|toward|towards|in|from) )?(?:the )?"
        r"(?:end|beginning|start|middle|rest) of (?:the|this) (?P<unit>week|month|year)",
        t,
    )
    if m:
        src = a.deictic()
        if src is None:
            return UNANCHORED
        ref, prec = src
        d, p = _shift(ref, 0, m.group("unit"))
        return d, _cap(p, prec) if p != NONE else NONE
    # "the weekend": the last one on or before publication.
    if re.fullmatch(r"(?:over |at |during )?(?:the )?weekend", t):
        src = a.deictic()
        if src is None:
            return UNANCHORED
        ref, prec = src
        sat = _weekday(5, ref, "", a.future)
        sun = sat + dt.timedelta(days=1)
        p = "month" if sat.month == sun.month else "year"
        return sat, _cap(p, prec)
    # "later in the day", "earlier in the day": the context day.
    if re.fullmatch(r"(?:earlier|later) (?:in|on) the day", t):
        src = a.context()
        if src is None:
            return UNANCHORED
        return src

    # Publication-relative weeks, months, years ("last week", "earlier this month").
    m = re.fullmatch(
        r"(?:(?:earlier|later|early|late) )?(?:in |during |over )?(?P<mode>this|last|next|the past|the last|"
        r"the coming|the current|past)\s+(?P<unit>week|month|year)(?:end)?",
        t2,
    )
    if m:
        src = a.deictic()
        if src is None:
            return UNANCHORED
        ref, prec = src
        n = {"last": -1, "next": 1, "the coming": 1}.get(m.group("mode"), 0)
        d, p = _shift(ref, n, m.group("unit"))
        return d, _cap(p, prec) if p != NONE else NONE

    # Context-relative ("the same day", "that week", "the next day", "the previous week").
    m = re.fullmatch(
        r"(?:(?:earlier|later|early|late) )?(?:on |in |during )?(?:the |that |this )?"
        r"(?P<rel>same|very same|next|following|previous|prior|preceding|)\s*"
        r"(?P<unit>day|week|month|year)(?P<after> before| after| earlier| later)?",
        t2,
    )
    if m and (m.group("rel") or m.group("after") or re.search(r"\b(?:that|same)\b", t2)):
        src = a.context()
        if src is None:
            return UNANCHORED
        ref, prec = src
        rel = m.group("rel")
        after = (m.group("after") or "").strip()
        n = 0
        if rel in ("next", "following") or after in ("after", "later"):
            n = 1
        elif rel in ("previous", "prior", "preceding") or after in ("before", "earlier"):
            n = -1
        if _RANK[prec] < _UNIT_RANK[m.group("unit")]:
            # A context coarser than the unit: "that day" in June is in June, but the day
            # before June 2016 is not known to the day, and "the previous week" not at all.
            return (ref, prec) if n == 0 else UNANCHORED
        d, p = _shift(ref, n, m.group("unit"))
        return d, _cap(p, prec) if p != NONE else NONE

    # "N units ago" (publication) and "N units later/earlier" (context).
    m = re.fullmatch(
        rf"(?:just |only |about |nearly |almost |more than |less than )?(?:{_NUM_RE}\s+)?{_UNIT_RE}\s+"
        r"(?P<dir>ago|later|earlier|before|after|afterwards|prior)",
        t2,
    )
    if m:
        n, vague = _count(m.group("num")) if m.group("num") else (VAGUE_COUNT, True)
        back = m.group("dir") in ("ago", "earlier", "before", "prior")
        # "three days after <an event>" counts from that event, which is not known
        # here; the running context is only near it.
        vague = vague or m.group("dir") in ("after", "before", "prior")
        src = a.deictic() if m.group("dir") == "ago" else a.context()
        if src is None:
            return UNANCHORED
        ref, prec = src
        if _RANK[prec] < _UNIT_RANK[m.group("unit")]:
            return UNANCHORED  # "two days later" after "in June": not known to the day
        d, p = _shift(ref, -n if back else n, m.group("unit"))
        if vague:
            p = _coarser(p)
        return d, _cap(p, prec) if p != NONE else NONE
    return None


def resolve_expression(
    text: str,
    anchor: dt.date | None,
    previous: dt.date | None = None,
    *,
    previous_precision: str = "day",
    future: bool = False,
) -> ResolvedDate:
    """Resolve one date expression.

    ``anchor`` is the publication date, ``previous`` the last date the
    article mentioned before this expression (with ``previous_precision``),
    ``future`` says the clause speaks of the future ("will meet on Friday").
    Text that is not a date expression, or that nothing anchors, gives value
    None and precision "none".
    """
    if previous_precision not in PRECISIONS:
        raise ValueError(f"previous_precision must be one of {PRECISIONS}, not {previous_precision!r}")
    prev = previous if previous_precision != NONE else None
    r = _resolve(text, _Anchors(anchor, prev, previous_precision, future, prev, previous_precision))
    if r is None or r is UNANCHORED:
        return ResolvedDate(None, NONE, text, 0, len(text))
    d, p = r  # type: ignore[misc]
    return _result(text, d, p)


def is_date_expression(text: str) -> bool:
    """Whether the text reads as a date (resolvable or not), not a duration, age or number."""
    return _resolve(text, _Anchors(dt.date(2000, 1, 1), None, "day", False)) is not None
