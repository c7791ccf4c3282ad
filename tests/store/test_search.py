"""Full-text search, listing, and the web-search query syntax."""

from __future__ import annotations

import pytest

from ceasefire.models import Article, ExtractRecord
from ceasefire.store import Store
from ceasefire.store.fts import to_fts5

from .store_records import document

ARTICLES = [
    # (title, published, text)
    (
        "Shelling resumes in Aleppo",
        "2016-06-05",
        "Government forces shelled rebel-held districts of eastern Aleppo on Sunday, residents said.",
    ),
    (
        "Truce holds in Homs",
        "2016-03-01",
        "The cessation of hostilities largely held around Homs, monitors reported.",
    ),
    ("Talks in Geneva", None, "Delegations met in Geneva to discuss humanitarian access to Aleppo and Homs."),
    (
        "Nusra fighters withdraw",
        "2016-07-28",
        "Fighters of the al-Nusra Front withdrew from positions north of Hama. The group said it had "
        "cut its ties with al-Qaeda.",
    ),
    (
        "Ceasefire violations reported",
        "2016-09-20",
        "The Russian ceasefire monitoring center said it registered 25 violations of the ceasefire in Latakia.",
    ),
]


@pytest.fixture
def filled(store: Store) -> Store:
    for i, (title, published, text) in enumerate(ARTICLES):
        doc = document(i)
        rec = ExtractRecord(doc.doc_id, doc.source, Article(0, "primary", title, text, published=published))
        store.save_document(doc, [rec])
    return store


def titles(hits: list) -> list[str]:
    return [h.title for h in hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Aleppo", {"Shelling resumes in Aleppo", "Talks in Geneva"}),
        ("aleppo homs", {"Talks in Geneva"}),  # all words must occur
        ("shelling", {"Shelling resumes in Aleppo"}),  # stemmed: shelled / shelling
        ("violation", {"Ceasefire violations reported"}),
        ('"cessation of hostilities"', {"Truce holds in Homs"}),  # phrase
        ('"hostilities cessation"', set()),  # phrase order matters
        ("Geneva OR Latakia", {"Talks in Geneva", "Ceasefire violations reported"}),
        ("Aleppo -Geneva", {"Shelling resumes in Aleppo"}),  # exclusion
        ("Aleppo AND Homs", {"Talks in Geneva"}),  # AND is the default, accepted
        ("al-Nusra", {"Nusra fighters withdraw"}),  # hyphen is not syntax
        ("al-Qaeda's", {"Nusra fighters withdraw"}),
        ("Nusra:", {"Nusra fighters withdraw"}),  # stray FTS5 syntax is harmless
        ('"unbalanced quote', set()),
        ("Aleppo ( *", {"Shelling resumes in Aleppo", "Talks in Geneva"}),
        ("Damascus", set()),
        ("-Aleppo", set()),  # nothing positive to look for, on both backends
        ("   ", set()),
        ("!!!", set()),
    ],
)
def test_search_matches(filled: Store, query: str, expected: set[str]) -> None:
    assert set(titles(filled.search_articles(query))) == expected


def test_search_ranks_title_first(filled: Store) -> None:
    # "Aleppo" is in one title and in another body only: the headline match ranks first.
    hits = filled.search_articles("Aleppo")
    assert titles(hits) == ["Shelling resumes in Aleppo", "Talks in Geneva"]
    assert hits[0].score is not None and hits[1].score is not None and hits[0].score > hits[1].score


def test_search_hit_fields_and_snippet(filled: Store) -> None:
    (hit,) = filled.search_articles("monitoring center")
    assert hit.title == "Ceasefire violations reported"
    assert hit.article_id == f"{hit.doc_id}:0" and hit.index == 0 and hit.role == "primary"
    assert hit.source == document(4).source and hit.published == "2016-09-20"
    assert "[monitoring]" in hit.snippet and "[center]" in hit.snippet


def test_search_limit(filled: Store) -> None:
    assert len(filled.search_articles("Aleppo OR Homs OR Latakia", limit=2)) == 2
    assert filled.search_articles("Aleppo", limit=0) == []


def test_list_articles_latest_first(filled: Store) -> None:
    assert titles(filled.list_articles()) == [
        "Ceasefire violations reported",
        "Nusra fighters withdraw",
        "Shelling resumes in Aleppo",
        "Truce holds in Homs",
        "Talks in Geneva",
    ]  # undated last
    assert titles(filled.list_articles(limit=2, offset=2)) == [
        "Shelling resumes in Aleppo",
        "Truce holds in Homs",
    ]
    first = filled.list_articles(limit=1)[0]
    assert first.snippet.startswith("The Russian ceasefire") and first.score is None


def test_search_after_reopen_and_many_articles(store: Store) -> None:
    # The index is maintained by the database on insert: bulk ingest, then search.
    for i in range(60):
        doc = document(100 + i)
        word = "Idlib" if i % 3 == 0 else "Daraa"
        store.save_document(
            doc,
            [
                ExtractRecord(
                    doc.doc_id, doc.source, Article(0, "primary", f"Report {i}", f"Clashes near {word}.")
                )
            ],
        )
    assert len(store.search_articles("Idlib", limit=100)) == 20
    assert len(store.search_articles("Daraa", limit=100)) == 40


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Aleppo", '"aleppo"'),
        ("Aleppo Homs", '"aleppo" AND "homs"'),
        ("Aleppo AND Homs", '"aleppo" AND "homs"'),
        ('"cessation of hostilities"', '"cessation of hostilities"'),
        ("al-Nusra", '"al nusra"'),
        ("a OR b c", '("a") OR ("b" AND "c")'),
        ("OR a OR", '"a"'),
        ("Aleppo -Idlib -Hama", '("aleppo") NOT "idlib" NOT "hama"'),
        ("-Idlib", None),
        ('NEAR("x" y)', '"near x" AND "y"'),  # FTS5 operators are plain words
        ("", None),
        ("*", None),
    ],
)
def test_to_fts5(query: str, expected: str | None) -> None:
    assert to_fts5(query) == expected
