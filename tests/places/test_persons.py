"""A person's name, whole or in part, is never a place (issue 12: Pompeo, Kotey and
Yıldırım became places in Brazil, Japan and Turkey). Real spaCy on sentences written for
these tests in the way news introduces a person and then uses the surname alone."""

from __future__ import annotations

import pytest

from ceasefire.places import find_places
from ceasefire.places.persons import person_names

# (text, the surname the tagger reads as a place later on, places that must stay)
SURNAMES = [
    (
        "The US secretary of state, Mike Pompeo, flew to Ankara on Monday. Officials said the order "
        "came straight from Pompeo. Diplomats in Washington say Pompeo is reluctant to talk to Tehran.",
        "Pompeo",
        {"Ankara", "Washington", "Tehran"},
    ),
    (
        "The Turkish prime minister, Binali Yıldırım, spoke in Ankara. “We will not allow it,” "
        "Yıldırım said. Yıldırım also said the offensive in Afrin would go on.",
        "Yıldırım",
        {"Ankara", "Afrin"},
    ),
]


@pytest.mark.parametrize(("text", "surname", "kept"), SURNAMES)
def test_surname_is_not_a_place(nlp, text, surname, kept) -> None:
    doc = nlp(text)
    # the test can fail: the tagger does label the bare surname a place here
    assert any(e.text == surname and e.label_ in {"GPE", "LOC", "FAC"} for e in doc.ents)
    mentions = [p.mention for p in find_places(doc)]
    assert surname not in mentions
    assert kept <= set(mentions)


def test_person_name_parts(nlp, gaz) -> None:
    doc = nlp(
        "Two Londoners, Alexanda Kotey and El Shafee Elsheikh, were captured in Syria. "
        "A reporter who had interviewed Kotey said Mr Emwazi had led the cell."
    )
    names = person_names(doc, gaz)
    assert {"kotey", "alexanda kotey", "elsheikh", "shafee elsheikh", "emwazi"} <= names
    assert "syria" not in names
    assert "el" not in names  # a particle is no name on its own


def test_places_the_tagger_calls_persons_stay_places(nlp, gaz) -> None:
    # "Tel Rifaat" is tagged PERSON, "Aleppo-Hama" may be: a known place or a big city in the
    # entity means the tagger misread a place
    doc = nlp("Kurdish forces hold the Aleppo-Hama road, and the town of Tel Rifaat lies north of Aleppo.")
    names = person_names(doc, gaz)
    assert "aleppo" not in names and "tel rifaat" not in names
    mentions = [p.mention for p in find_places(doc)]
    assert "Aleppo" in mentions and "Tel Rifaat" in mentions


def test_country_or_capital_beside_a_namesake_person_stays(nlp) -> None:
    doc = nlp("Michael Jordan visited the camp. Refugees fled to Jordan last year.")
    assert "Jordan" in [p.mention for p in find_places(doc) if p.country == "JOR"]
