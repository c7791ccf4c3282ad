"""Date windows (date_start/date_end): the rules of ceasefire.dates.window, then through extract."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys

import pytest

from ceasefire.dates import ResolvedDate, event_window, period
from ceasefire.dates.window import UNDATED_FRAME_DAYS, context_at, frame_start

PUB = dt.date(2016, 6, 15)


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def rd(value: str | None, text: str, start: int = 0, first=None, last=None) -> ResolvedDate:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(value or ""), "none")
    return ResolvedDate(value, precision, text, start, start + len(text), first, last)


def test_period_of_each_precision() -> None:
    assert period("2016-06-04") == (d("2016-06-04"), d("2016-06-04"))
    assert period("2016-02") == (d("2016-02-01"), d("2016-02-29"))
    assert period("2015") == (d("2015-01-01"), d("2015-12-31"))
    assert period(None) is None and period("2016-13") is None


@pytest.mark.parametrize(
    "date,precision,status,start,end",
    [
        ("2016-06-04", "day", "asserted", "2016-06-04", "2016-06-04"),
        ("2016-06", "month", "asserted", "2016-06-01", "2016-06-15"),  # closed at publication
        ("2016", "year", "negated", "2016-01-01", "2016-06-15"),
        ("2015-03", "month", "asserted", "2015-03-01", "2015-03-31"),
        ("2016-06", "month", "future", "2016-06-01", "2016-06-30"),  # an act to come is not closed
        ("2016-09-01", "day", "demanded", "2016-09-01", "2016-09-01"),
    ],
)
def test_stated_dates(date, precision, status, start, end) -> None:
    w = event_window(date=date, precision=precision, status=status, published=PUB)
    assert (w.date, w.precision) == (date, precision)  # the date stays what the text states
    assert (w.date_start, w.date_end) == (start, end)


def test_a_week_is_its_seven_days_not_its_month() -> None:
    week = rd("2016-06", "this week", first=d("2016-06-13"), last=d("2016-06-19"))
    w = event_window(date="2016-06", precision="month", status="asserted", published=PUB, stated=week)
    assert (w.date_start, w.date_end) == ("2016-06-13", "2016-06-15")


def test_a_reported_act_is_never_dated_after_publication() -> None:
    ctx = rd("2016-06-12", "on Sunday")
    w = event_window(date="2039", precision="year", status="asserted", published=PUB, context=ctx)
    assert (w.date, w.precision) == (None, "none")
    assert (w.date_start, w.date_end) == ("2016-06-12", "2016-06-15")
    # the same date on an act to come stands
    w = event_window(date="2039", precision="year", status="future", published=PUB)
    assert (w.date, w.date_start, w.date_end) == ("2039", "2039-01-01", "2039-12-31")


def test_undated_acts_are_bounded_by_context_then_frame_then_the_week_before() -> None:
    ctx = rd("2016-05", "in May")
    w = event_window(date=None, precision="none", status="asserted", published=PUB, context=ctx)
    assert (w.date, w.date_start, w.date_end) == (None, "2016-05-01", "2016-06-15")
    w = event_window(date=None, precision="none", status="asserted", published=PUB, frame=d("2011-03-15"))
    assert (w.date_start, w.date_end) == ("2011-03-15", "2016-06-15")
    w = event_window(date=None, precision="none", status="asserted", published=PUB)
    assert w.end == PUB and w.start == PUB - dt.timedelta(days=UNDATED_FRAME_DAYS)


def test_acts_to_come_and_hypothetical_ones() -> None:
    w = event_window(date=None, precision="none", status="future", published=PUB)
    assert (w.date_start, w.date_end) == ("2016-06-15", None)
    w = event_window(date="2016-06-01", precision="day", status="hypothetical", published=PUB)
    assert (w.date, w.date_start, w.date_end) == ("2016-06-01", None, None)


def test_without_publication_nothing_closes_the_window() -> None:
    w = event_window(date="2016-06", precision="month", status="asserted", published=None)
    assert (w.date_start, w.date_end) == ("2016-06-01", "2016-06-30")
    w = event_window(
        date=None, precision="none", status="asserted", published=None, context=rd("2015", "in 2015")
    )
    assert (w.date_start, w.date_end) == ("2015-01-01", None)
    w = event_window(date=None, precision="none", status="asserted", published=None)
    assert (w.start, w.end) == (None, None)


def test_context_and_frame_skip_named_dates_and_dates_after_publication() -> None:
    dates = [
        rd("2001-09-11", "9/11", 0),
        rd("2014", "in 2014", 10),
        rd("2016-06-10", "on Friday", 40),
        rd("2020", "by 2020", 80),
    ]
    assert frame_start(dates, PUB) == d("2014-01-01")
    assert context_at(dates, 100, PUB).text == "on Friday"  # "by 2020" is after publication
    assert context_at(dates, 30, PUB).text == "in 2014"
    assert context_at(dates, 5, PUB) is None


def test_extract_gives_every_reported_event_a_window_closed_by_publication(tmp_path) -> None:
    path = tmp_path / "feed.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "text", "source"])
        w.writerow(
            [
                "2016-06-04",
                "Syrian government forces shelled the town of Douma on Monday, killing 12 civilians. "
                "Rebels attacked an army checkpoint near Homs.\n\n"
                "The accord was signed in 1997 and rebels attacked the base 21 years after 1997. "
                "Russian jets will bomb Aleppo next week, the ministry said.",
                "Example Wire",
            ]
        )
    out = tmp_path / "out.jsonl"
    cli = [sys.executable, "-c", "from ceasefire.cli import main; main()"]
    subprocess.run([*cli, "extract", str(path), "-o", str(out), "-q"], check=True, timeout=600)
    [rec] = [json.loads(line) for line in out.read_text().splitlines()]
    events = rec["events"]
    assert events, "the coder found no event in the test text"
    published = rec["article"]["published"]
    reported = [e for e in events if e["status"] in ("asserted", "negated")]
    assert reported
    for e in reported:
        assert e["date_start"] and e["date_end"], e
        assert e["date_start"] <= e["date_end"] <= published, e
        assert not e["date"] or e["date"] <= published, e
    assert any(e["date"] == "2016-05-30" for e in events)  # "on Monday" before a Saturday
    for e in events:
        if e["status"] == "future":
            assert e["date_start"] is None or e["date_start"] >= published
