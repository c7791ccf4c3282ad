"""Former names win only within their period (issue 12: "Salisbury", the 2018 nerve-agent
attack, was placed in Harare, whose colonial name it was until 1982)."""

from __future__ import annotations

import datetime as dt

import pytest

from ceasefire.nlp.context import ArticleContext
from ceasefire.places import find_places
from ceasefire.places.gazetteer import DATA, _read_tsv
from ceasefire.places.history import FormerNames, article_year


def test_every_former_name_is_a_reading_of_its_place(gaz) -> None:
    # a row whose former name the gazetteer does not lead to its place would do nothing
    for row in _read_tsv(DATA / "historical_names.tsv"):
        cands = gaz.candidates(row["former"])
        assert any(c.country == row["iso3"] and c.name == row["modern"] for c in cands), row


@pytest.mark.parametrize(
    ("name", "year", "place", "iso"),
    [
        ("Salisbury", 2018, "Salisbury", "GBR"),
        ("Salisbury", 1976, "Harare", "ZWE"),
        ("Bathurst", 1960, "Banjul", "GMB"),
        ("Smyrna", 1900, "İzmir", "TUR"),
        ("Nur-Sultan", 2020, "Astana", "KAZ"),
        # no place is called Leningrad today: the former name still leads to its city
        ("Leningrad", 2018, "Saint Petersburg", "RUS"),
    ],
)
def test_former_name_by_year(gaz, name, year, place, iso) -> None:
    p = gaz.resolve(name, None, year)
    assert (p.name, p.country) == (place, iso)


def test_bathurst_today_is_not_banjul(gaz) -> None:
    assert gaz.resolve("Bathurst", None, 2018).country != "GMB"


def test_article_date_decides(nlp) -> None:
    text = "British ministers want to punish Russia for the nerve agent attack in Salisbury."
    by_year = {}
    for day in (dt.date(2018, 3, 20), dt.date(1976, 5, 1)):
        doc = nlp(text)
        places = find_places(doc, ArticleContext(doc=doc, published=day))
        by_year[day.year] = next(p.country for p in places if p.mention == "Salisbury")
    assert by_year == {2018: "GBR", 1976: "ZWE"}


def test_bad_year_is_reported_with_its_row(tmp_path) -> None:
    with pytest.raises(ValueError, match=r"x\.tsv: row 1: years"):
        FormerNames(
            [{"former": "A", "modern": "B", "iso3": "AAA", "from": "19x", "to": ""}], tmp_path / "x.tsv"
        )


def test_article_year() -> None:
    assert article_year(dt.date(1999, 1, 2)) == 1999
    assert article_year("2018-03-20") == 2018
    assert article_year(None) == dt.date.today().year
