"""Right country, right place: first-level regions of GeoNames cities outside the US,
the article's named regions against big namesakes, and generic tails ("X County")."""

from __future__ import annotations

from collections import Counter

import pytest

from ceasefire.nlp.context import ArticleContext
from ceasefire.places import find_places
from ceasefire.places.finder import known_form, name_signals


# (city, context, expected admin1): regions without a seat city take the admin1 code
# of the towns around their point; a village named like a region ("Wales" in South
# Yorkshire) does not name its whole code
@pytest.mark.parametrize(
    ("name", "context", "admin1"),
    [
        ("Brisbane", {"AUS": 2}, "Queensland"),
        ("Perth", {"AUS": 2}, "Western Australia"),
        ("Cardiff", {"GBR": 2}, "Wales"),
        ("Manchester", {"GBR": 2}, "England"),
        ("Glasgow", {"GBR": 2}, "Scotland"),
        ("Winnipeg", {"CAN": 2}, "Manitoba"),
        ("Peshawar", {"PAK": 2}, "Khyber Pakhtunkhwa"),
        ("Chengdu", {"CHN": 2}, "Sichuan"),
        ("Idlib", {"SYR": 2}, "Idlib Governorate"),
    ],
)
def test_region_names_for_cities_outside_the_us(gaz, name, context, admin1) -> None:
    place = gaz.resolve(name, Counter(context))
    assert place is not None and place.admin1 == admin1, place


# (name, context, expected ISO-3, expected admin1 or None): a small namesake wins over a
# far bigger one only when the article names its first-level region, not its country alone
@pytest.mark.parametrize(
    ("name", "context", "country", "admin1"),
    [
        ("Paris", {"USA": 4, "USA/Texas": 2}, "USA", "Texas"),
        ("Paris", {"USA": 4}, "FRA", None),
        ("Paris", None, "FRA", None),
        ("London", {"USA": 2, "USA/Kentucky": 2}, "USA", "Kentucky"),
        ("London", {"USA": 2}, "GBR", "England"),
        ("Edmonton", {"AUS": 5, "AUS/Queensland": 3}, "AUS", "Queensland"),
        ("Edmonton", {"USA": 3, "USA/Kentucky": 3}, "USA", "Kentucky"),
        ("Edmonton", None, "CAN", None),
        ("Geneva", {"USA": 6, "SYR": 4}, "CHE", None),
        # a town of 50k+ in the article's country, whose big namesake's country is never named
        ("Edmonton", {"GBR": 2}, "GBR", "England"),
        ("Edmonton", {"GBR": 2, "CAN": 1}, "CAN", None),
        ("Geneva", {"USA": 6}, "CHE", None),  # Geneva, Illinois has 22k
        ("Geneva", {"USA": 3, "USA/Illinois": 2}, "USA", "Illinois"),
    ],
)
def test_named_region_beats_big_namesake(gaz, name, context, country, admin1) -> None:
    place = gaz.resolve(name, Counter(context) if context else None)
    assert place is not None and place.country == country, place
    if admin1 is not None:
        assert place.admin1 == admin1, place


# (mention, region key it signals or None): only a name that means the region counts
@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Texas", "USA/Texas"),
        ("Queensland", "AUS/Queensland"),
        ("Kentucky", "USA/Kentucky"),
        ("Washington", None),  # the capital, not the state
        ("New York", None),  # the city, not the state
    ],
)
def test_region_signals(gaz, name, region) -> None:
    keys = {k for k in name_signals(gaz, name) if "/" in k}
    assert keys == ({region} if region else set())


# (toponym, form looked up): second-level units GeoNames lacks fall back to their name
@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Orange County", "Orange"),
        ("Laurel County", "Laurel"),
        ("Iberia Parish", "Iberia"),
        ("Fukushima Prefecture", "Fukushima"),
        ("Aleppo", "Aleppo"),
        ("Idlib province", "Idlib province"),  # the curated region itself
        ("Xqzvbnm County", "Xqzvbnm County"),
    ],
)
def test_known_form(gaz, text, form) -> None:
    assert known_form(gaz, text) == form


# (article snippet, mention, expected ISO-3, expected admin1): whole-pipeline rows
SNIPPETS = [
    (
        "Firefighters in Kentucky battled a blaze on Sunday. The fire started in a barn "
        "outside London and spread to two houses, the Laurel County sheriff said.",
        "London",
        "USA",
        "Kentucky",
    ),
    (
        "Police in Queensland said a man was arrested in Edmonton after a car chase "
        "through the suburbs south of Cairns.",
        "Edmonton",
        "AUS",
        "Queensland",
    ),
    (
        "Envoys met in Geneva on Monday. Officials in Washington and New York said the "
        "talks on Syria would resume next week.",
        "Geneva",
        "CHE",
        None,
    ),
]


@pytest.mark.parametrize(("text", "mention", "country", "admin1"), SNIPPETS)
def test_article_regions_in_find_places(nlp, text, mention, country, admin1) -> None:
    doc = nlp(text)
    places = find_places(doc, ArticleContext(doc=doc))
    hits = [p for p in places if p.mention == mention]
    assert hits, [p.mention for p in places]
    assert hits[0].country == country, hits[0]
    if admin1 is not None:
        assert hits[0].admin1 == admin1, hits[0]


# (name, context, expected ISO-3): among namesake towns of similar size the one known
# in many languages wins; country short names and official long forms
@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Venice", None, "ITA"),
        ("Venice", {"USA": 3, "USA/Florida": 2}, "USA"),
        ("Korea", None, "KOR"),
        ("Republic of Armenia", None, "ARM"),
        ("the Kingdom of Saudi Arabia", None, "SAU"),
        ("the Soviet Union", None, None),
    ],
)
def test_prominence_and_long_forms(gaz, name, context, country) -> None:
    place = gaz.resolve(known_form(gaz, name), Counter(context) if context else None)
    assert place is not None and place.country == country, place


def test_soviet_union_is_not_russia(gaz) -> None:
    # GeoNames id 2017370 is the Russian Federation; the Soviet Union is 8354411
    by_id = {e.geonameid: e for e in gaz.entries if e.geonameid in {2017370, 8354411}}
    assert by_id[2017370].name == "Russia" and by_id[8354411].name == "Soviet Union"


# (name, expected ISO-3): first-level regions of conflict-affected countries
@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Zamfara", "NGA"),
        ("Rivers State", "NGA"),
        ("Plateau State", "NGA"),
        ("Kachin State", "MMR"),
        ("Karen State", "MMR"),
        ("Jonglei", "SSD"),
        ("Upper Nile", "SSD"),
        ("West Darfur", "SDN"),
        ("Oromia", "ETH"),
        ("Middle Shabelle", "SOM"),
    ],
)
def test_conflict_regions(gaz, name, country) -> None:
    place = gaz.resolve(name)
    assert place is not None and place.country == country and place.feature in {"ADM1", "RGN"}, place


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Gunmen killed 12 villagers in Zamfara State on Tuesday, police said.", "Zamfara State", "NGA"),
        ("Fighting spread across Unity State after the talks collapsed.", "Unity State", "SSD"),
        ("The army shelled villages in northern Shan State overnight.", "Shan State", "MMR"),
    ],
)
def test_conflict_regions_in_find_places(nlp, text, mention, country) -> None:
    doc = nlp(text)
    places = find_places(doc, ArticleContext(doc=doc))
    hits = [p for p in places if p.mention is not None and mention in p.mention]
    assert hits and hits[0].country == country, [(p.mention, p.country) for p in places]


# (adjective or region name, expected name, ISO-3 or None for multi-country regions)
@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Central American", "Central America", None),
        ("Southeast Asian", "Southeast Asia", None),
        ("South East Asia", "Southeast Asia", None),
        ("Middle Eastern", "Middle East", None),
        ("the Balkans", "Balkans", None),
        ("Siberian", "Siberia", "RUS"),
        ("Anatolia", "Anatolia", "TUR"),
        ("Sicilian", "Sicily", "ITA"),
    ],
)
def test_world_regions_and_their_adjectives(gaz, name, expected, country) -> None:
    place = gaz.resolve(name)
    assert place is not None and (place.name, place.country) == (expected, country), place


# (article snippet, mention expected as a place or None, ISO-3): a name the NER took
# for a person is a place as the object of a verb only places take, or with an
# appositive place noun; a person's name in that slot stays out; a big city's
# exonym is its name
TAKEN_PLACES = [
    ("Rebels captured Goma, the capital of North Kivu, as Congolese troops withdrew.", "Goma", "COD"),
    (
        "Government troops entered Kismayo, the port city held by al-Shabab, Somali officials said.",
        "Kismayo",
        "SOM",
    ),
    (
        "President Biden spoke in Washington. Russian forces entered Kharkiv and Odessa, "
        "Ukrainian officials said.",
        "Odessa",
        "UKR",
    ),
    ("Syrian soldiers captured Ahmed Hassan near Aleppo, state media said.", "Aleppo", "SYR"),
]


@pytest.mark.parametrize(("text", "mention", "country"), TAKEN_PLACES)
def test_places_taken_by_verbs_and_appositions(nlp, text, mention, country) -> None:
    doc = nlp(text)
    places = find_places(doc, ArticleContext(doc=doc))
    hits = [p for p in places if p.mention == mention]
    assert hits and hits[0].country == country, [(p.mention, p.country) for p in places]
    assert not [p for p in places if p.mention and "Hassan" in p.mention]


def test_armed_group_bombed_is_no_place(nlp) -> None:
    # "Taliban" is an alternate name of a Turkish village, and Turkey is in the context
    text = "When the US bombed Afghanistan in 2001 from bases in Turkey it bombed the Taliban everywhere it could."
    doc = nlp(text)
    mentions = [p.mention for p in find_places(doc, ArticleContext(doc=doc))]
    assert "Afghanistan" in mentions and "Taliban" not in mentions, mentions


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Odessa", {"UKR": 2, "USA": 2}, "UKR"),
        ("Odessa", {"USA": 3, "USA/Texas": 2}, "USA"),
        ("Kiev", None, "UKR"),
    ],
)
def test_big_city_exonyms(gaz, name, context, country) -> None:
    place = gaz.resolve(name, Counter(context) if context else None)
    assert place is not None and place.country == country, place
