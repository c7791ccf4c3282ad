"""Pure functions of the web UI: filters, highlighting, charts, outlines."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from ceasefire.web.app import SafeJSONResponse, safe_url
from ceasefire.web.charts import stacked
from ceasefire.web.filters import FilterError, Filters
from ceasefire.web.highlight import Segment, Span, date_spans, segments
from ceasefire.web.outlines import topojson_to_geojson
from ceasefire.web.queries import DayCount


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, Filters()),
        ({"type": "assault"}, Filters(type="ASSAULT")),
        ({"since": "2016-09", "until": "2016-09-30"}, Filters(since="2016-09", until="2016-09-30")),
        ({"actor": "  ISIS  ", "unknown": "x"}, Filters(actor="ISIS")),
        (
            {"q": 'Aleppo "ceasefire" -Idlib', "outlet": "The Duran"},
            Filters(outlet="The Duran", q='Aleppo "ceasefire" -Idlib'),
        ),
    ],
)
def test_filters_parse(params: dict[str, str], expected: Filters) -> None:
    assert Filters.parse(params) == expected


@pytest.mark.parametrize("params", [{"since": "last week"}, {"until": "2016/09/01"}, {"actor": "x" * 201}])
def test_filters_reject(params: dict[str, str]) -> None:
    with pytest.raises(FilterError):
        Filters.parse(params)


@pytest.mark.parametrize(
    "f, changes, expected",
    [
        (Filters(), {}, ""),
        (Filters(type="ASSAULT"), {}, "?type=ASSAULT"),
        (Filters(type="ASSAULT"), {"actor": "ISIS"}, "?type=ASSAULT&actor=ISIS"),
        (Filters(type="ASSAULT", place="Aleppo"), {"type": ""}, "?place=Aleppo"),
        (Filters(q="a&b=c"), {}, "?q=a%26b%3Dc"),
    ],
)
def test_filters_query(f: Filters, changes: dict[str, str], expected: str) -> None:
    assert f.query(**changes) == expected


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        ("abc", [], [Segment("abc")]),
        ("", [], [Segment("")]),
        (
            "Shells hit Aleppo.",
            [Span(11, 17, "place")],
            [Segment("Shells hit "), Segment("Aleppo", "place"), Segment(".")],
        ),
        ("abcdef", [Span(0, 6, "sentence")], [Segment("abcdef", "sentence")]),
        # overlapping: the earlier start wins, the later is dropped
        ("abcdef", [Span(2, 5, "b"), Span(1, 3, "a")], [Segment("a"), Segment("bc", "a"), Segment("def")]),
        # same start: the longer wins
        (
            "abcdef",
            [Span(1, 2, "short"), Span(1, 4, "long")],
            [Segment("a"), Segment("bcd", "long"), Segment("ef")],
        ),
        # out of range and empty spans are ignored
        ("abc", [Span(2, 9, "x"), Span(1, 1, "y"), Span(-1, 2, "z")], [Segment("abc")]),
    ],
)
def test_segments(text: str, spans: list[Span], expected: list[Segment]) -> None:
    got = segments(text, spans)
    assert got == expected
    assert "".join(s.text for s in got) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The attack on 17th September 2016 killed six.", ["17th September 2016"]),
        ("Fighting resumed on Monday and again on September 19, 2016.", ["on Monday", "September 19, 2016"]),
        ("It was agreed last February.", ["last February"]),
        ("Planes struck yesterday; the truce began 2016-02-27.", ["yesterday", "2016-02-27"]),
        ("May God protect them, said Marchetti.", []),
    ],
)
def test_date_spans(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in date_spans(text)] == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("data:text/html,<script>x</script>", ""),
        ("vbscript:msgbox", ""),
        (None, ""),
        ("//evil.example/x", ""),
    ],
)
def test_safe_url(url: str | None, expected: str) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    "content",
    [
        {"t": "<script>alert(1)</script>"},
        {"t": "a & b > c", "n": [1, 2]},
        {"t": "line\u2028sep"},
    ],
)
def test_safe_json_has_no_markup_characters(content: dict[str, object]) -> None:
    import json

    body = SafeJSONResponse(content).body
    assert b"<" not in body and b">" not in body and b"&" not in body
    assert json.loads(body) == content


def _days(n: int, types: tuple[str, ...] = ("ASSAULT",)) -> list[DayCount]:
    start = date(2016, 1, 1)
    return [DayCount((start + timedelta(days=i)).isoformat(), t, 1) for i in range(n) for t in types]


@pytest.mark.parametrize(
    "rows, unit, n_bars",
    [
        ([], "day", 0),
        (_days(10), "day", 10),
        (_days(10, ("ASSAULT", "ACCUSE")), "day", 20),
        # 2016-01-01 is a Friday: 3 days, then 42 full weeks, then 3 days = 44 Monday-weeks
        (_days(300), "week", 44),
        (_days(2000), "month", 66),
    ],
)
def test_stacked_chart(rows: list[DayCount], unit: str, n_bars: int) -> None:
    chart = stacked(rows)
    assert len(chart.bars) == n_bars
    if rows:
        assert chart.unit == unit
        if unit == "day":
            assert chart.y_max == max(sum(r.count for r in rows if r.day == d) for d in {r.day for r in rows})
        assert all(b.h > 0 and b.y >= chart.top - 0.01 for b in chart.bars)


@pytest.mark.parametrize(
    "rows, first_link",
    [
        (_days(10), "2016-01-01..2016-01-01"),
        (_days(300), "2015-12-28..2016-01-03"),
        (_days(2000), "2016-01-01..2016-01-31"),
    ],
)
def test_bars_link_to_their_dates(rows: list[DayCount], first_link: str) -> None:
    chart = stacked(rows, link=lambda a, b: f"{a}..{b}")
    assert chart.bars[0].href == first_link


def test_a_short_range_is_padded_to_two_weeks() -> None:
    chart = stacked([DayCount("2016-03-01", "ASSAULT", 2)])
    assert len(chart.bars) == 1
    assert chart.bars[0].w < 900 / 10
    assert chart.ticks[0].label == "2016-02-24"  # 6 days before (2016 is a leap year), 7 after


def test_stacked_chart_stacks_kinds_in_one_bar() -> None:
    chart = stacked([DayCount("2016-03-01", "ASSAULT", 3), DayCount("2016-03-01", "ACCUSE", 1)])
    assert chart.y_max == 4
    heights = sorted(b.h for b in chart.bars)
    assert heights[1] == pytest.approx(3 * heights[0])
    assert {k for k, _ in chart.legend} == {"ASSAULT", "ACCUSE"}


def test_topojson_decoding() -> None:
    # Two arcs forming a unit square, quantised with a transform and delta-coded.
    topo = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "Square"}},
                    {"type": "MultiPolygon", "arcs": [[[~1, ~0]]], "properties": {"name": "Back"}},
                    {"type": "Point", "coordinates": [0, 0]},
                ],
            }
        },
    }
    gj = topojson_to_geojson(topo)
    assert [f["properties"]["name"] for f in gj["features"]] == ["Square", "Back"]
    assert gj["features"][0]["geometry"]["coordinates"] == [
        [[10, 20], [11, 20], [11, 21], [10, 21], [10, 20]]
    ]
    assert gj["features"][1]["geometry"]["coordinates"] == [
        [[[10, 20], [10, 21], [11, 21], [11, 20], [10, 20]]]
    ]


def test_shipped_outlines_cover_the_world() -> None:
    import json

    from ceasefire.web.outlines import DATA

    gj = json.loads(DATA.read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in gj["features"]}
    assert len(names) > 150
    assert {"Syria", "Ukraine", "Yemen", "Russia"} <= names


def test_outline_rings_crossing_the_antimeridian_are_unwrapped() -> None:
    topo = {
        "type": "Topology",
        "arcs": [[[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Chukotka"}},
                    {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Antarctica"}},
                ],
            }
        },
    }
    gj = topojson_to_geojson(topo)
    assert [f["properties"]["name"] for f in gj["features"]] == ["Chukotka"]
    assert gj["features"][0]["geometry"]["coordinates"] == [
        [[170, 60], [190, 60], [190, 70], [170, 70], [170, 60]]
    ]


@pytest.mark.parametrize(
    "text, sentence, start, end, expected",
    [
        ("A. Shells hit Aleppo.\n\nB.", "Shells hit Aleppo.", 3, 23, (3, 21)),  # trailing blank lines trimmed
        ("A. Shells hit Aleppo. B.", "Shells hit Aleppo.", 3, 21, (3, 21)),
        ("A. Shells hit Aleppo. B.", "Shells hit Aleppo.", 0, 2, (3, 21)),  # wrong offsets: found by text
        ("A. Shells hit Aleppo. B.", "Not in the text.", 50, 60, None),
    ],
)
def test_sentence_span(
    text: str, sentence: str, start: int, end: int, expected: tuple[int, int] | None
) -> None:
    from ceasefire.web.app import _sentence_span
    from ceasefire.web.queries import EventOut

    ev = EventOut(
        1,
        "d:0",
        "ASSAULT",
        None,
        None,
        None,
        None,
        None,
        "none",
        None,
        "asserted",
        None,
        sentence,
        start,
        end,
        0.5,
    )
    got = _sentence_span(text, ev)
    assert (None if got is None else (got.start, got.end)) == expected


def test_cache_computes_a_cold_key_once_under_concurrency(tmp_path: Any) -> None:
    import threading
    import time

    from ceasefire.store import open_store
    from ceasefire.web.app import Site
    from ceasefire.web.queries import Reader

    path = tmp_path / "c.db"
    open_store(str(path)).close()
    site = Site(Reader(str(path)))
    calls: list[int] = []

    def make() -> int:
        calls.append(1)
        time.sleep(0.05)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(site.cached(("k",), make))) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 16 and len(calls) == 1
    assert site.cached(("other",), lambda: 7) == 7 and len(calls) == 1
