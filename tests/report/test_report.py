"""The static report: self-contained, correct panels, inert article content, opens offline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ceasefire.cli import cli
from ceasefire.export import EventFilter
from ceasefire.models import ActorRef, Article, Document, Event, ExtractRecord, Place, Quote
from ceasefire.report import MAX_EVENTS_TABLE, EventSummary, build_report, write_report
from ceasefire.store import EventRow, open_store

HOSTILE = (
    'Militants shelled Homs. <script>alert("x")</script> <img src=x onerror="alert(1)"> '
    '<a href="javascript:alert(2)">click</a>'
)
ARMY = ActorRef("SYR_MIL", "Syrian Arab Army", "military", "SYR", "the army")
REBELS = ActorRef("SYR_REB", "Syrian rebels", "armed_group", "SYR", "militants")
HOMS = Place("Homs", "Homs", 34.7308, 36.7094, "SYR", "Homs", 169577, "PPLA")


def _fill(store, n: int = 5) -> None:
    for i in range(n):
        text = (
            f"Story {i}. "
            + HOSTILE
            + f' "We will not leave our homes, whatever happens," a resident said {i}.'
        )
        doc = Document(source=f"/in/{i}.txt", data=text.encode(), media_type="text")
        art = Article(
            index=0,
            role="primary",
            title=f"<b>Homs</b> report {i}",
            text=text,
            publisher="Test Wire",
            published=f"2016-05-1{i}",
            url="javascript:alert(3)",
        )
        events = [
            Event(
                type="ASSAULT",
                mode="heavy-weapons",
                source=REBELS,
                target=ARMY,
                location=HOMS,
                date=f"2016-05-1{i}",
                date_precision="day",
                sentence=HOSTILE,
                start=9,
                end=9 + len(HOSTILE),
            ),
            Event(
                type="ACCUSE",
                source=ARMY,
                target=REBELS,
                sentence="Militants shelled Homs.",
                start=9,
                end=32,
                date=None,
                date_precision="none",
            ),
        ]
        quote = Quote(
            speaker=ActorRef("PER:resident", "a resident", "person", None, "a resident"),
            text="We will not leave our homes, whatever happens,",
            kind="direct",
            start=0,
            end=10,
        )
        store.save_document(
            doc,
            [
                ExtractRecord(
                    doc.doc_id,
                    doc.source,
                    art,
                    actors=[ARMY, REBELS],
                    events=events,
                    quotes=[quote],
                    places=[HOMS],
                )
            ],
        )


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    with open_store(path) as store:
        _fill(store)
    return path


def test_report_panels_and_counts(db: Path) -> None:
    with open_store(db) as store:
        rep = build_report(store, latest=False)
    html = rep.html
    assert rep.n_events == 10
    assert html.count('class="event-row"') == 10
    assert html.count('class="marker"') == 5  # only the geocoded ASSAULTs
    assert len(re.findall(r'<rect class="bar"', html)) == 5  # one dated day each
    assert "Syrian Arab Army" in html and "Syrian rebels" in html
    assert html.count('class="quote"') == 5


def test_report_defaults_to_the_latest_month_and_counts_what_it_leaves_out(db: Path) -> None:
    with open_store(db) as store:
        doc = Document(source="/in/old.txt", data=b"old", media_type="text")
        old = Event(
            type="ASSAULT",
            sentence="An old strike.",
            start=0,
            end=10,
            date="2015-03-02",
            date_precision="day",
            date_start="2015-03-02",
            date_end="2015-03-02",
        )
        window = Event(  # undated, but its window reaches into May 2016 from April
            type="ASSAULT",
            sentence="A strike some time before.",
            start=0,
            end=10,
            date_start="2016-04-28",
            date_end="2016-05-02",
        )
        art = Article(0, "primary", "Older", "text", publisher="Old Wire", published="2016-05-02")
        store.save_document(doc, [ExtractRecord(doc.doc_id, doc.source, art, events=[old, window])])
        rep = build_report(store)
    html = rep.html
    # May 2016: the five dated ASSAULTs and the window that overlaps it; newest first
    assert rep.n_events == 6 and html.count('class="event-row"') == 6
    period = re.search(r'<p id="period">(.*?)</p>', html, re.S).group(1)
    assert "<b>2016-05</b>, the most recent month with events" in period
    assert "Of the 12 events in the store, 1 lie outside this month and 5 have no date window" in period
    assert "1 of these events may have happened partly outside the period" in html
    assert html.count("◐") == 2 and "2016-04-28 – 2016-05-02" in html  # the note and the row
    dates = re.findall(r'<tr class="event-row">\s*<td>(\d{4}-\d\d-\d\d|—)', html)
    assert dates[:5] == ["2016-05-14", "2016-05-13", "2016-05-12", "2016-05-11", "2016-05-10"]
    # every event and quote names its article and outlet
    assert html.count("Test Wire") >= 10 and "Old Wire" in html


def test_report_filters(db: Path) -> None:
    with open_store(db) as store:
        rep = build_report(store, EventFilter(type="ACCUSE"), latest=False)
    assert rep.n_events == 5 and 'class="marker"' not in rep.html
    assert "No geocoded events in this selection." in rep.html


def test_report_is_self_contained_and_article_text_is_inert(db: Path) -> None:
    with open_store(db) as store:
        html = build_report(store).html
    assert "<script" not in html.lower()  # neither ours nor the article's
    assert "<img" not in html and "&lt;img src=x onerror=" in html  # shown as text, not an element
    assert "<a " not in html and "<a>" not in html  # the report has no links at all
    assert "&lt;script&gt;" in html and "&lt;b&gt;Homs&lt;/b&gt;" in html
    # nothing is fetched: no external URLs in src/href/url()
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "url(" not in html


def test_report_cli(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "rep.html"
    res = CliRunner().invoke(cli, ["report", "--db", str(db), "--out", str(out), "--since", "2016-05-12"])
    assert res.exit_code == 0, res.output
    assert "report with 3 events" in res.stderr
    assert out.read_text(encoding="utf-8").count('class="event-row"') == 3


@pytest.mark.slow
def test_report_renders_offline_in_headless_chromium(db: Path, tmp_path: Path, browser: Any) -> None:
    out = tmp_path / "report.html"
    with open_store(db) as store:
        write_report(store, out)
    context = browser.new_context(offline=True)
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(out.as_uri())
        assert page.locator("#map-svg path.land").count() > 0  # country outlines drawn
        assert page.locator("#map-svg circle.marker").count() == 5
        assert page.locator("#timeline-svg rect.bar").count() == 5
        # the default period (May 2016) holds the five dated events; the page says so
        assert page.locator("tr.event-row").count() == 5
        assert "the most recent month with events" in page.locator("#period").inner_text()
        box = page.locator("#map-svg").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
        assert dialogs == []  # no article script ran
        assert all(u.startswith("file://") for u in requests), requests
    finally:
        context.close()


def _row(
    i: int,
    type_: str,
    date: str | None,
    article: str,
    source: str | None = None,
    target: str | None = None,
    lat: float | None = None,
) -> EventRow:
    return EventRow(
        i,
        article,
        article.split(":")[0],
        "/in/x.txt",
        "T",
        None,
        type_,
        None,
        date,
        "day" if date else "none",
        "asserted",
        source,
        source and source.title(),
        target,
        target and target.title(),
        None,
        None,
        "Homs" if lat is not None else None,
        lat,
        36.7 if lat is not None else None,
        None,
        None,
        "s",
        0,
        1,
        0.5,
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [],
            {
                "n_events": 0,
                "n_geocoded": 0,
                "articles": 0,
                "period": (None, None),
                "types": {},
                "days": {},
                "actors": [],
            },
        ),
        (
            [
                _row(1, "ASSAULT", "2016-05-12", "a:0", "REB", "ARMY", 34.7),
                _row(2, "ASSAULT", "2016-05-12", "a:0", "REB", None, 34.8),
                _row(3, "ACCUSE", "2016-05", "b:0", "ARMY", "REB"),
                _row(4, "AGREE", None, "b:1", None, "ARMY"),
            ],
            {
                "n_events": 4,
                "n_geocoded": 2,
                "articles": 3,
                "period": ("2016-05", "2016-05-12"),
                "types": {"ASSAULT": 2, "ACCUSE": 1, "AGREE": 1},
                "days": {("2016-05-12", "ASSAULT"): 2},
                "actors": [("REB", 2, 1), ("ARMY", 1, 2)],
            },
        ),  # (id, as source, as target); month dates get no bar
    ],
)
def test_event_summary(rows: list[EventRow], expected: dict) -> None:
    s = EventSummary.of(rows)
    assert (s.n_events, s.n_geocoded, len(s.article_ids)) == (
        expected["n_events"],
        expected["n_geocoded"],
        expected["articles"],
    )
    assert (s.first_date, s.last_date) == expected["period"]
    assert dict(s.types) == expected["types"] and dict(s.days) == expected["days"]
    assert [(a.actor_id, a.as_source, a.as_target) for a in s.actors.values()] == expected["actors"]
    assert [(p.lon, p.lat) for p in s.points] == [(r.lon, r.lat) for r in rows if r.lat is not None]
    assert s.table == rows


def test_report_table_is_cut_but_counts_are_not(tmp_path: Path) -> None:
    n = MAX_EVENTS_TABLE + 10
    with open_store(tmp_path / "big.db") as store:
        doc = Document(source="/in/big.txt", data=b"big", media_type="text")
        events = [
            Event(
                type="ASSAULT",
                sentence=f"Shelling number {k}.",
                start=0,
                end=10,
                location=HOMS,
                date=f"2016-05-{1 + k % 28:02d}",
                date_precision="day",
            )
            for k in range(n)
        ]
        store.save_document(
            doc, [ExtractRecord(doc.doc_id, doc.source, Article(0, "primary", "Big", "text"), events=events)]
        )
        rep = build_report(store)
    assert rep.n_events == n and f'<b id="n-events">{n}</b>' in rep.html
    assert rep.html.count('class="event-row"') == MAX_EVENTS_TABLE
    assert rep.html.count('class="marker"') == n  # the map shows every geocoded event
    assert "… and 10 more events" in rep.html


def test_report_quotes_come_only_from_reported_articles(db: Path) -> None:
    with open_store(db) as store:
        other = Document(source="/in/other.txt", data=b"other", media_type="text")
        speaker = ActorRef("PER:mayor", "the mayor", "person", None, "the mayor")
        store.save_document(
            other,
            [
                ExtractRecord(
                    other.doc_id,
                    other.source,
                    Article(0, "primary", "Other", "text"),
                    events=[
                        Event(
                            type="AGREE",
                            sentence="A truce.",
                            start=0,
                            end=8,
                            date="2016-04-01",
                            date_precision="day",
                        )
                    ],
                    quotes=[Quote(speaker, "A truce holds in the old city today.", "direct", 0, 8)],
                )
            ],
        )
        narrow = build_report(store, EventFilter(type="ASSAULT")).html
        agree = build_report(store, EventFilter(type="AGREE")).html
    assert "A truce holds" not in narrow and narrow.count('class="quote"') == 5
    assert "A truce holds" in agree and agree.count('class="quote"') == 1
