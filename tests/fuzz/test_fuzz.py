"""Property-based fuzzing (Hypothesis) of the cleaner, the splitter, the date resolver and the
query parser: what any input may do (never crash, never hang, keep the contract's shapes),
and what some inputs must do (a written date resolves to itself, a web search compiles to
an expression FTS5 accepts).

The budget is fixed, so that CI's run is the same every time and short: ``derandomize``
draws the same examples on every run, ``max_examples`` bounds how many, ``deadline`` bounds
one example (a pathological input that takes longer, a regular expression gone quadratic,
fails the test), and no example database is kept between runs.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire.clean import articles_from_document, split_text
from ceasefire.dates.resolve import PRECISIONS, resolve_expression
from ceasefire.dates.resolver import candidate_spans
from ceasefire.models import Document
from ceasefire.query import EventQuery, QueryValueError, check_date
from ceasefire.store.fts import to_fts5
from ceasefire.web.filters import FilterError, Filters

BUDGET = settings(
    max_examples=60,
    deadline=timedelta(seconds=5),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Lines of the kinds a scraped news page mixes: headlines, bylines, datelines, boilerplate,
# prose, markup residue, separators; joined at random with random text between them.
LINES = [
    "Rebels shell army post near Kharkiv",
    "By Anna Petrova",
    "KYIV, May 3, 2022",
    "Published: 17th September 2016 12:04 GMT",
    "Russian forces shelled the city on Tuesday, killing three civilians, the governor said.",
    '"The shelling did not stop all night," the governor told reporters.',
    "Liked it? Take a second to support Example News on Patreon!",
    "Share this: Facebook Twitter Email",
    "Leave a Reply Cancel reply",
    "Related",
    "Posted in World | Tagged Syria, ceasefire",
    "(function(){var s=document.createElement('script');})();",
    "<div class='ad'>Advertisement</div>",
    "----",
    "",
    "Government forces and their allies took the village of al-Eis, the monitor said, a day",
    "after heavy fighting in the southern countryside.",
]
page_text = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=60)), min_size=0, max_size=25).map(
    lambda parts: "\n".join(parts)
)
mixed_text = st.one_of(page_text, st.text(max_size=400))


def _check_articles(articles: list, source: str) -> None:
    assert [a.index for a in articles] == list(range(len(articles)))
    assert all(a.role in ("primary", "related") for a in articles)
    assert [a.role for a in articles].count("primary") <= 1
    if articles and "primary" in [a.role for a in articles]:
        assert articles[0].role == "primary", "the primary article comes first"
    for a in articles:
        # A page with no prose at all still gives its (empty) primary article; nothing else is empty.
        assert isinstance(a.text, str) and (a.text.strip() or len(articles) == 1), "no empty related article"
        assert "\r" not in a.text
        if a.published is not None:
            dt.date.fromisoformat(a.published)  # a real date, YYYY-MM-DD
        assert all(isinstance(x, str) and x for x in a.authors)


# -- the splitter and the cleaner ---------------------------------------------------------


@BUDGET
@given(mixed_text)
def test_splitter_keeps_the_article_contract_on_any_text(text: str) -> None:
    _check_articles(split_text(text), text)


@BUDGET
@given(mixed_text, st.sampled_from(["text", "html"]))
def test_cleaner_keeps_the_article_contract_on_any_document(text: str, media: str) -> None:
    body = f"<html><body><article><p>{text}</p></article></body></html>" if media == "html" else text
    doc = Document(source="fuzz://1", data=body.encode("utf-8", "surrogatepass"), media_type=media, text=body)
    _check_articles(articles_from_document(doc), body)


@BUDGET
@given(page_text)
def test_split_text_is_deterministic(text: str) -> None:
    first = [(a.role, a.title, a.text) for a in split_text(text)]
    assert [(a.role, a.title, a.text) for a in split_text(text)] == first


# -- the date resolver ------------------------------------------------------------------------

DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31))
ANCHORS = st.one_of(st.none(), DATES)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
_VALUE = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


def _check_resolved(r: object) -> None:
    assert r.precision in PRECISIONS  # type: ignore[attr-defined]
    value = r.value  # type: ignore[attr-defined]
    if r.precision == "none":  # type: ignore[attr-defined]
        assert value is None
        return
    assert re.fullmatch(_VALUE[r.precision], value), (r.precision, value)  # type: ignore[attr-defined]
    dt.date.fromisoformat(value + {"day": "", "month": "-01", "year": "-01-01"}[r.precision])  # type: ignore[attr-defined]


@BUDGET
@given(st.text(max_size=80), ANCHORS, ANCHORS, st.booleans())
def test_date_resolver_gives_a_real_date_or_none(text: str, anchor, previous, future: bool) -> None:
    _check_resolved(resolve_expression(text, anchor, previous, future=future))


@BUDGET
@given(DATES, ANCHORS, st.integers(0, 3))
def test_a_written_date_resolves_to_itself(day: dt.date, anchor, style: int) -> None:
    month = MONTHS[day.month - 1]
    text = [
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"on {day.day} {month} {day.year}",
        f"{day.day}th of {month} {day.year}"
        if day.day in (4, 5, 6, 7, 8, 9, 10)
        else f"{month} {day.day} {day.year}",
    ][style]
    r = resolve_expression(text, anchor)
    assert (r.value, r.precision) == (day.isoformat(), "day"), text


@BUDGET
@given(DATES, st.integers(-400, 400))
def test_yesterday_and_the_day_after_follow_the_anchor(anchor: dt.date, _n: int) -> None:
    assert resolve_expression("yesterday", anchor).value == (anchor - timedelta(days=1)).isoformat()
    assert (
        resolve_expression(f"{MONTHS[anchor.month - 1]} {anchor.year}", None).value == anchor.isoformat()[:7]
    )


@BUDGET
@given(mixed_text)
def test_date_candidates_are_spans_of_the_text(text: str) -> None:
    spans = candidate_spans(text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        _check_resolved(resolve_expression(text[start:end], dt.date(2016, 6, 15)))


# -- the query parser -------------------------------------------------------------------------

QUERY_WORDS = st.sampled_from(["Aleppo", "al-Nusra", "ISIS's", "OR", "AND", "-truce", '"Free Syrian', "NOT", "*",
                               "a", "(", ")", ":", "^", "NEAR", "'", '"', "Idlib\"", "—", "ç"])  # fmt: skip
queries = st.one_of(
    st.text(max_size=120), st.lists(st.one_of(QUERY_WORDS, st.text(max_size=8)), max_size=20).map(" ".join)
)


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(title, text)")
    con.execute("INSERT INTO t VALUES ('Truce in Aleppo', 'al-Nusra fighters left Idlib; ISIS shelled Homs')")
    return con


@BUDGET
@given(q=queries)
def test_any_web_search_compiles_to_an_expression_fts5_accepts(fts: sqlite3.Connection, q: str) -> None:
    expr = to_fts5(q)
    if expr is None:
        return
    fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expr,)).fetchone()  # never a syntax error


@BUDGET
@given(st.text(max_size=12))
def test_check_date_accepts_exactly_the_real_dates(value: str) -> None:
    try:
        got = check_date("since", value)
    except QueryValueError as exc:
        assert str(exc).startswith("since: ")
        return
    parts = got.split("-")
    dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)


@BUDGET
@given(DATES)
def test_check_date_accepts_every_real_date(day: dt.date) -> None:
    assert check_date("until", day.isoformat()) == day.isoformat()


filter_values = st.dictionaries(
    st.sampled_from([*Filters.names(), "limit", "offset"]),
    st.one_of(queries, st.text(max_size=250)),
    max_size=6,
)


@BUDGET
@given(filter_values)
def test_web_filters_parse_or_say_which_filter_is_wrong(params: dict[str, str]) -> None:
    try:
        f = Filters.parse(params)
    except FilterError as exc:
        assert str(exc).startswith("filter ")
        return
    f.to_query().checked()  # what parsed is a query the query layer takes


@BUDGET
@given(st.builds(EventQuery, actor=queries, type=queries, since=queries, until=queries, text=queries,
                 status=st.text(max_size=10), min_confidence=st.one_of(st.none(), st.floats())))  # fmt: skip
def test_event_queries_check_or_raise_one_error(q: EventQuery) -> None:
    try:
        checked = q.checked()
    except QueryValueError:
        return
    assert checked.checked() == checked, "checking is idempotent"
