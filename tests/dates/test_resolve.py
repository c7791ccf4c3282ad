"""resolve_expression: one expression against a publication date and the running context."""

from __future__ import annotations

import datetime as dt

import pytest

from ceasefire.dates import is_date_expression, resolve_expression

SAT = dt.date(2016, 6, 4)  # a Saturday
MON = dt.date(2018, 12, 10)  # a Monday
JAN = dt.date(2019, 1, 3)  # a Thursday, early in a year

ABSOLUTE = [
    ("17th September 2016", "2016-09-17", "day"),
    ("4 June, 2016", "2016-06-04", "day"),
    ("8th January, 2017", "2017-01-08", "day"),
    ("on 7th December 2015", "2015-12-07", "day"),
    ("June 4, 2016", "2016-06-04", "day"),
    ("July 1st, 2020", "2020-07-01", "day"),
    ("Sept. 11, 2001", "2001-09-11", "day"),
    ("the 3rd of May 2016", "2016-05-03", "day"),
    ("2016-06-03", "2016-06-03", "day"),
    ("September 2016", "2016-09", "month"),
    ("in early December 2016", "2016-12", "month"),
    ("in 2001", "2001", "year"),
    ("mid-2016", "2016", "year"),
    ("the year 2001", "2001", "year"),
    ("spring 2015", "2015", "year"),
    ("9/11", "2001-09-11", "day"),
    ("Tuesday, 31 February 2016", None, "none"),  # no such day
    # Numeric dates: the order is known only when a part exceeds 12.
    ("24/06/2016", "2016-06-24", "day"),
    ("06/24/2016", "2016-06-24", "day"),
    ("04/06/2016", "2016", "year"),
    ("24.06.2016", "2016-06-24", "day"),
]


@pytest.mark.parametrize("text,value,precision", ABSOLUTE)
@pytest.mark.parametrize("anchor", [None, SAT])
def test_absolute_needs_no_anchor(text, value, precision, anchor):
    r = resolve_expression(text, anchor)
    assert (r.value, r.precision) == (value, precision)


RELATIVE = [
    # Weekdays: most recent on or before publication, the publication day included.
    ("on Monday", SAT, "2016-05-30", "day"),
    ("Monday's", SAT, "2016-05-30", "day"),
    ("late Tuesday", SAT, "2016-05-31", "day"),
    ("Friday morning", SAT, "2016-06-03", "day"),
    ("on Saturday", SAT, "2016-06-04", "day"),
    ("last Saturday", SAT, "2016-05-28", "day"),
    ("on Monday", MON, "2018-12-10", "day"),
    ("next Monday", MON, "2018-12-17", "day"),
    ("on Sunday", MON, "2018-12-09", "day"),
    # Days around publication.
    ("today", SAT, "2016-06-04", "day"),
    ("earlier today", SAT, "2016-06-04", "day"),
    ("yesterday", SAT, "2016-06-03", "day"),
    ("last night", SAT, "2016-06-03", "day"),
    ("tomorrow", SAT, "2016-06-05", "day"),
    ("the day before yesterday", SAT, "2016-06-02", "day"),
    ("two days ago", SAT, "2016-06-02", "day"),
    ("a week ago", SAT, "2016-05", "month"),
    ("three months ago", SAT, "2016-03", "month"),
    ("two years ago", SAT, "2014", "year"),
    ("just days ago", SAT, "2016-06", "month"),
    # Months without a year: the most recent one, "last" excludes the current month.
    ("last February", SAT, "2016-02", "month"),
    ("in February", SAT, "2016-02", "month"),
    ("in mid-June", SAT, "2016-06", "month"),
    ("last June", SAT, "2015-06", "month"),
    ("in August", SAT, "2015-08", "month"),
    ("next March", SAT, "2017-03", "month"),
    ("last December", JAN, "2018-12", "month"),
    # Day and month without a year: the year closest to publication.
    ("on 4 June", SAT, "2016-06-04", "day"),
    ("May 25", SAT, "2016-05-25", "day"),
    ("December 5", JAN, "2018-12-05", "day"),
    ("on 14 December", MON, "2018-12-14", "day"),
    ("Oct. 2", MON, "2018-10-02", "day"),
    ("on Monday December 3", SAT, "2018-12-03", "day"),  # the weekday picks the year
    # Weeks: the month when Mon..Sun stay in one month, else the year.
    ("this week", SAT, "2016", "year"),  # May 30 .. June 5
    ("this week", MON, "2018-12", "month"),
    ("last week", MON, "2018-12", "month"),
    ("the past week", MON, "2018-12", "month"),
    ("next week", MON, "2018-12", "month"),
    ("last week", JAN, "2018-12", "month"),  # Dec 24 .. Dec 30
    ("this week", JAN, None, "none"),  # Dec 31 2018 .. Jan 6 2019 spans two years
    ("this month", SAT, "2016-06", "month"),
    ("earlier this month", SAT, "2016-06", "month"),
    ("last month", JAN, "2018-12", "month"),
    ("this year", SAT, "2016", "year"),
    ("last year", SAT, "2015", "year"),
    ("next year", SAT, "2017", "year"),
    ("by the end of the year", SAT, "2016", "year"),
    ("the end of this month", SAT, "2016-06", "month"),
    ("over the weekend", SAT, "2016-06", "month"),  # Sat 4 + Sun 5 June
    ("over the weekend", dt.date(2016, 5, 2), "2016", "year"),  # Sat 30 April + Sun 1 May
    ("in May", SAT, "2016-05", "month"),
    # Seasons.
    ("last fall", SAT, "2015", "year"),
    ("last autumn", dt.date(2016, 10, 15), "2015", "year"),
    ("this summer", SAT, "2016", "year"),
    ("last winter", SAT, "2015", "year"),
    # The present of the report: around the publication date, no more precisely.
    ("in recent days", SAT, "2016-06", "month"),
    ("over the past few weeks", SAT, "2016-06", "month"),
    ("over the last days", SAT, "2016-06", "month"),
    ("in recent months", SAT, "2016", "year"),
    ("the latest", SAT, "2016-06", "month"),
    ("currently", SAT, "2016-06", "month"),
    # Holidays.
    ("Easter Sunday", dt.date(2019, 4, 22), "2019-04-21", "day"),
    ("on Christmas Day", JAN, "2018-12-25", "day"),
]


@pytest.mark.parametrize("text,anchor,value,precision", RELATIVE)
def test_relative_to_publication(text, anchor, value, precision):
    r = resolve_expression(text, anchor)
    assert (r.value, r.precision) == (value, precision)


PREV = dt.date(2016, 9, 17)

CONTEXT = [
    ("earlier the same day", SAT, PREV, "2016-09-17", "day"),
    ("the same day", None, PREV, "2016-09-17", "day"),
    ("that day", None, PREV, "2016-09-17", "day"),
    ("later that day", SAT, PREV, "2016-09-17", "day"),
    ("the next day", None, PREV, "2016-09-18", "day"),
    ("the following day", None, PREV, "2016-09-18", "day"),
    ("the day before", None, PREV, "2016-09-16", "day"),
    ("a day later", None, PREV, "2016-09-18", "day"),
    ("two days later", None, PREV, "2016-09-19", "day"),
    ("some days after", None, PREV, "2016-09", "month"),
    ("three days after", None, PREV, "2016-09", "month"),  # after an event not known here
    ("the previous week", None, PREV, "2016-09", "month"),
    ("the following week", None, PREV, "2016-09", "month"),
    ("the following month", None, PREV, "2016-10", "month"),
    ("that year", None, PREV, "2016", "year"),
    ("later in the day", None, PREV, "2016-09-17", "day"),
    ("the previous year", None, PREV, "2015", "year"),
    # No running context yet: the publication date stands in.
    ("earlier the same day", SAT, None, "2016-06-04", "day"),
    ("the previous week", SAT, None, "2016-05", "month"),
]


@pytest.mark.parametrize("text,anchor,previous,value,precision", CONTEXT)
def test_relative_to_running_context(text, anchor, previous, value, precision):
    r = resolve_expression(text, anchor, previous)
    assert (r.value, r.precision) == (value, precision)


def test_context_precision_limits_result():
    # "the same day" as a day in June is in June; the day after one is not known to be
    # (June 30 + 1), so the arithmetic gives nothing rather than a guess.
    r = resolve_expression("the same day", None, dt.date(2016, 6, 1), previous_precision="month")
    assert (r.value, r.precision) == ("2016-06", "month")
    r = resolve_expression("the next day", None, dt.date(2016, 6, 1), previous_precision="month")
    assert (r.value, r.precision) == (None, "none")


UNANCHORED = [
    "on Monday",
    "yesterday",
    "last February",
    "in February",
    "this week",
    "May 25",
    "earlier the same day",
    "the previous week",
    "the next day",
    "two days ago",
    "last fall",
    "today",
    "Easter Sunday",
    "in recent days",
    "the latest",
]


@pytest.mark.parametrize("text", UNANCHORED)
def test_null_when_nothing_anchors(text):
    r = resolve_expression(text, None, None)
    assert (r.value, r.precision) == (None, "none")
    assert is_date_expression(text)


FALLBACK = [
    # No publication date: a deictic expression falls back on the last dated mention,
    # at month precision at best; a month name takes that date's year.
    ("on Monday", dt.date(2016, 9, 17), "day", "2016-09", "month"),
    ("in February", dt.date(2016, 3, 17), "day", "2016-02", "month"),
    ("May 25", dt.date(2016, 6, 1), "day", "2016-05-25", "day"),
    ("Oct. 2", dt.date(2018, 1, 1), "year", "2018-10-02", "day"),
    # ...but a year alone is background, not the time of writing.
    ("on Monday", dt.date(2001, 1, 1), "year", None, "none"),
]


@pytest.mark.parametrize("text,previous,prec,value,precision", FALLBACK)
def test_fallback_on_previous_date(text, previous, prec, value, precision):
    r = resolve_expression(text, None, previous, previous_precision=prec)
    assert (r.value, r.precision) == (value, precision)


NOT_DATES = [
    "for three weeks",
    "24 hours",
    "three weeks",
    "the past two weeks",
    "37-year-old",
    "aged 40",
    "the past few weeks",
    "several months",
    "for 48 hours",
    "two years old",
    "May",
    "",
    "the 1990s",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert not is_date_expression(text)
    r = resolve_expression(text, SAT, PREV)
    assert (r.value, r.precision) == (None, "none")


FUTURE = [
    ("on Friday", MON, "2018-12-14"),
    ("on 14 December", dt.date(2018, 12, 20), "2019-12-14"),
    ("in March", SAT, "2017-03"),
]


@pytest.mark.parametrize("text,anchor,value", FUTURE)
def test_future_tense_looks_ahead(text, anchor, value):
    assert resolve_expression(text, anchor, future=True).value == value


def test_weekday_picks_year():
    # Within five consecutive years, a given day-month falls on a given weekday at most once.
    for year in range(1990, 2040):
        for month, day in ((1, 1), (2, 28), (6, 15), (12, 3)):
            weekdays = [dt.date(year + k, month, day).weekday() for k in range(5)]
            assert len(set(weekdays)) == 5


def test_bad_precision_rejected():
    with pytest.raises(ValueError, match="previous_precision"):
        resolve_expression("the next day", SAT, PREV, previous_precision="week")
