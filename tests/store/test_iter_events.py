"""Store.iter_events: the rows of query_events, same filters and order, a page at a time."""

from __future__ import annotations

import pytest

from ceasefire.models import ActorRef, Article, Event, ExtractRecord, Place
from ceasefire.store import Store

from .store_records import LAVROV, NUSRA, RUS_MIL, document

TUR = ActorRef("TUR_MIL", "Turkish Armed Forces", "military", "TUR", "Turkish troops")
IDLIB = Place("Idlib", "Idlib", 35.93, 36.63, "SYR", "Idlib", 169389)

# Per article: (type, date, source, target). Dates repeat across and within articles and
# undated events are spread out, so pages end in the middle of a run of equal dates.
ARTICLES = [
    [
        ("ASSAULT", "2016-06-05", RUS_MIL, NUSRA),
        ("ACCUSE", None, LAVROV, TUR),
        ("ASSAULT", "2016-06-05", TUR, NUSRA),
        ("CONSULT", "2016-06", LAVROV, None),
    ],
    [
        ("ASSAULT", "2016-06-05", NUSRA, RUS_MIL),
        ("AGREE", None, RUS_MIL, TUR),
        ("ASSAULT", "2015-02-10", None, None),
    ],
    [
        ("ACCUSE", "2016-06-05", LAVROV, NUSRA),
        ("ASSAULT", None, TUR, NUSRA),
        ("ASSAULT", "2016-07-01", RUS_MIL, None),
        ("AGREE", None, LAVROV, TUR),
        ("ASSAULT", "2016-06-05", RUS_MIL, NUSRA),
    ],
]


@pytest.fixture
def filled(store: Store) -> Store:
    for i, events in enumerate(ARTICLES):
        doc = document(i)
        evs = [
            Event(
                type=t,
                sentence=f"{i}.{j} {t}",
                start=0,
                end=5,
                source=src,
                target=tgt,
                date=d,
                date_precision="day" if d and len(d) == 10 else "none",
                location=IDLIB if j % 2 else None,
            )
            for j, (t, d, src, tgt) in enumerate(events)
        ]
        rec = ExtractRecord(
            doc.doc_id,
            doc.source,
            Article(0, "primary", f"T{i}", "text"),
            actors=[RUS_MIL, NUSRA, LAVROV, TUR],
            events=evs,
        )
        store.save_document(doc, [rec])
    return store


def sentences(rows: object) -> list[str]:
    return [r.sentence for r in rows]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # newest first: by date as text, descending, ties newest ingested first; undated last
        (
            {},
            [
                "2.2 ASSAULT",
                "2.4 ASSAULT",
                "2.0 ACCUSE",
                "1.0 ASSAULT",
                "0.2 ASSAULT",
                "0.0 ASSAULT",
                "0.3 CONSULT",
                "1.2 ASSAULT",
                "2.3 AGREE",
                "2.1 ASSAULT",
                "1.1 AGREE",
                "0.1 ACCUSE",
            ],
        ),
        (
            {"type": "assault"},
            [
                "2.2 ASSAULT",
                "2.4 ASSAULT",
                "1.0 ASSAULT",
                "0.2 ASSAULT",
                "0.0 ASSAULT",
                "1.2 ASSAULT",
                "2.1 ASSAULT",
            ],
        ),
        ({"actor": "Sergey Lavrov"}, ["2.0 ACCUSE", "0.3 CONSULT", "2.3 AGREE", "0.1 ACCUSE"]),
        # a month overlaps a range that reaches into it: "2016-06" is kept by since 2016-06-05
        (
            {"since": "2016-06-05", "until": "2016-06"},
            ["2.4 ASSAULT", "2.0 ACCUSE", "1.0 ASSAULT", "0.2 ASSAULT", "0.0 ASSAULT", "0.3 CONSULT"],
        ),
        ({"place": "idlib", "type": "AGREE"}, ["2.3 AGREE", "1.1 AGREE"]),
        ({"limit": 5}, ["2.2 ASSAULT", "2.4 ASSAULT", "2.0 ACCUSE", "1.0 ASSAULT", "0.2 ASSAULT"]),
        (
            {"limit": 10},
            [
                "2.2 ASSAULT",
                "2.4 ASSAULT",
                "2.0 ACCUSE",
                "1.0 ASSAULT",
                "0.2 ASSAULT",
                "0.0 ASSAULT",
                "0.3 CONSULT",
                "1.2 ASSAULT",
                "2.3 AGREE",
                "2.1 ASSAULT",
            ],
        ),
        ({"limit": 0}, []),
        ({"actor": "nobody"}, []),
        ({"status": "negated"}, []),
    ],
)
def test_iter_events_pages_match_query_events(
    filled: Store, filters: dict[str, object], expected: list[str]
) -> None:
    assert sentences(filled.query_events(**filters)) == expected  # type: ignore[arg-type]
    whole = filled.query_events(**filters)  # type: ignore[arg-type]
    for page_size in (1, 2, 3, 5, 1000):
        rows = list(filled.iter_events(**filters, page_size=page_size))  # type: ignore[arg-type]
        assert rows == whole, page_size


def test_iter_events_of_one_article(filled: Store) -> None:
    aid = f"{document(2).doc_id}:0"
    rows = list(filled.iter_events(article_id=aid, page_size=2))
    assert sentences(rows) == ["2.2 ASSAULT", "2.4 ASSAULT", "2.0 ACCUSE", "2.3 AGREE", "2.1 ASSAULT"]


def test_iter_events_is_lazy_and_sees_no_row_twice(filled: Store) -> None:
    it = filled.iter_events(page_size=2)
    first = [next(it), next(it)]
    # An event stored mid-iteration with a date already passed (newer: rows come newest first)
    # does not shift or repeat the rows.
    doc = document(9)
    filled.save_document(
        doc,
        [
            ExtractRecord(
                doc.doc_id,
                doc.source,
                Article(0, "primary", "late", "text"),
                events=[Event("ASSAULT", "9.0 ASSAULT", 0, 5, date="2017-01-01")],
            )
        ],
    )
    rest = list(it)
    got = sentences(first + rest)
    assert len(got) == len(set(got)) == 12 and "9.0 ASSAULT" not in got


@pytest.mark.parametrize("page_size", [0, -3])
def test_iter_events_refuses_empty_pages(store: Store, page_size: int) -> None:
    with pytest.raises(ValueError, match="page_size"):
        next(store.iter_events(page_size=page_size))
