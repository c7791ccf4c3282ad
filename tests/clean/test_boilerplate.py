"""BoilerplateStats: per-site line frequencies and publisher votes."""

from __future__ import annotations

import pytest

from ceasefire.clean import BoilerplateStats
from ceasefire.models import Document


def _doc(text: str, site: str | None = "ledger.example", media_type: str = "text") -> Document:
    return Document(
        source="x", data=text.encode(), media_type=media_type, text=text, meta={"site": site} if site else {}
    )


@pytest.fixture()
def stats() -> BoilerplateStats:
    s = BoilerplateStats()
    pages = [
        "Story one sentence.\nTips? Write to the desk\nLiked it? Take a second to support The Ledger on Patreon!",
        "Story two sentence.\nTips? Write to the desk",
        "Story three sentence.\nTips?  write to the desk",  # spacing and case differ: same line
        "Story four sentence.\nSomething else",
        "Story five sentence.\nSomething else",
    ]
    for p in pages:
        s.observe(_doc(p))
    s.observe(_doc("Tips? Write to the desk", site="other.example"))
    s.observe(_doc("<p>Tips? Write to the desk</p>", media_type="html"))  # html is not counted here
    return s


@pytest.mark.parametrize(
    "line,site,expected",
    [
        ("Tips? Write to the desk", "ledger.example", True),  # on 3 of 5 pages
        ("TIPS? WRITE TO THE DESK", "Ledger.Example", True),  # case-insensitive line and site
        ("Something else", "ledger.example", False),  # only on 2 pages
        ("Story one sentence.", "ledger.example", False),  # on one page
        ("Tips? Write to the desk", "other.example", False),  # too few pages on that site
        ("Tips? Write to the desk", None, False),
    ],
)
def test_is_recurring(stats: BoilerplateStats, line: str, site: str | None, expected: bool) -> None:
    assert stats.is_recurring(line, site) is expected


def test_long_lines_are_never_recurring() -> None:
    s = BoilerplateStats()
    sentence = (
        "The ceasefire monitoring centre said that more than one thousand militants had begun an "
        "offensive against army positions southwest of the city on Saturday morning."
    )
    for _ in range(5):
        s.observe(_doc(sentence))
    assert not s.is_recurring(sentence, "ledger.example")


def test_publisher_pooled_per_site(stats: BoilerplateStats) -> None:
    assert stats.publisher("ledger.example") == "The Ledger"
    assert stats.publisher("other.example") is None
    assert stats.n_docs("ledger.example") == 5


def test_publisher_is_not_pooled_over_a_folder() -> None:
    s = BoilerplateStats()
    for _ in range(3):
        s.observe(_doc("Liked it? Take a second to support The Ledger on Patreon!", site="seeds"))
    assert s.publisher("seeds") is None
    assert s.publisher(None) is None


def test_memory_is_bounded_by_forgetting_one_page_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    import ceasefire.clean.boilerplate as bp

    monkeypatch.setattr(bp, "MAX_TRACKED_LINES", 10)
    s = BoilerplateStats()
    for i in range(6):
        s.observe(_doc(f"Widget line\nUnique line {i}a\nUnique line {i}b"))
    assert s.doc_frequency("Widget line", "ledger.example") == 6
    assert len(s._lines["ledger.example"]) <= 10 + 3


def test_short_sentences_of_a_syndicated_article_are_not_boilerplate() -> None:
    s = BoilerplateStats()
    for i in range(4):
        s.observe(_doc(f"Page {i} body.\nPompeo finally speaks some truth.\nGet the app"))
    assert not s.is_recurring("Pompeo finally speaks some truth.", "ledger.example")
    assert s.is_recurring("Get the app", "ledger.example")
