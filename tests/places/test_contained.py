"""A facility or institution the gazetteer does not know is placed in the town it is named
after ("Vancouver Art Gallery" -> Vancouver), never in a country it names."""

from __future__ import annotations

import pytest

from ceasefire.places import find_places
from ceasefire.places.contained import contained_name
from ceasefire.places.finder import known_form


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Vancouver Art Gallery", "Vancouver"),
        ("Harare City Council", "Harare"),
        ("Colorado State University", "Colorado"),
        ("Montreal-Pierre Elliott Trudeau International Airport", "Montreal"),
        ("St. Louis Hills", "St. Louis"),
        # a country or a nationality word says nothing of where an embassy or a bank is
        ("British Embassy", None),
        ("Bank of Japan", None),
        # generic words name no notable place
        ("The Hall of Fame", None),
    ],
)
def test_contained_name(gaz, text, form) -> None:
    assert contained_name(gaz, text) == form


def test_known_name_is_kept_whole(gaz) -> None:
    assert known_form(gaz, "New York") == "New York"  # not "York"


def test_facility_placed_in_its_town(nlp) -> None:
    text = "Protesters gathered outside the Vancouver Art Gallery on Saturday."
    doc = nlp(text)
    assert any(e.label_ == "FAC" and "Vancouver Art Gallery" in e.text for e in doc.ents)
    places = [p for p in find_places(doc) if p.country == "CAN"]
    assert [p.name for p in places] == ["Vancouver"]
    assert text[places[0].start : places[0].end] == "Vancouver"
