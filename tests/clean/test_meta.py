"""Header metadata: date lines, bylines, names, publisher votes."""

from __future__ import annotations

from collections import Counter

import pytest

from ceasefire.clean.meta import (
    best_publisher,
    find_date,
    is_name_like,
    parse_byline,
    parse_date_line,
    publisher_votes,
)


@pytest.mark.parametrize(
    "text,iso",
    [
        ("4 June, 2016", "2016-06-04"),
        ("June 4, 2016", "2016-06-04"),
        ("Jun 4th 2016", "2016-06-04"),
        ("4th of June 2016", "2016-06-04"),
        ("Sept. 17, 2016", "2016-09-17"),
        ("4-Jun-2016", "2016-06-04"),
        ("June 4,2016", "2016-06-04"),
        ("2016-06-04", "2016-06-04"),
        ("2016-06-04T10:32:00Z", "2016-06-04"),
        ("2016/06/04", "2016-06-04"),
        ("17/09/2016", "2016-09-17"),  # day-first, unambiguous
        ("09/17/2016", "2016-09-17"),  # month-first, unambiguous
        ("04/06/2016", None),  # ambiguous: not stated
        ("June 2016", None),  # no day
        ("31 February 2016", None),  # no such day
        ("on Monday", None),  # relative: nothing to anchor
    ],
)
def test_find_date(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == iso


@pytest.mark.parametrize(
    "text,iso,leftover",
    [
        ("4 June, 2016", "2016-06-04", ""),
        ("RT, 4 June, 2016", "2016-06-04", "RT"),
        ("Published on June 4, 2016", "2016-06-04", ""),
        ("Sat, 04 Jun 2016 10:32 GMT", "2016-06-04", ""),
        ("Updated: June 4, 2016 at 3:45 pm", "2016-06-04", ""),
        ("[January 24, 2018 - ZurichTimes.net]", "2018-01-24", "ZurichTimes.net"),
    ],
)
def test_date_lines(text: str, iso: str, leftover: str) -> None:
    dl = parse_date_line(text)
    assert dl is not None and dl.date == iso and dl.leftover == leftover


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire took effect in Syria on February 27, 2016, after weeks of talks in Geneva between the sides.",
        "Talks resumed on 4 June 2016 after the envoy met both delegations and the monitors in Geneva.",
    ],
)
def test_prose_with_a_date_is_not_a_date_line(text: str) -> None:
    assert parse_date_line(text) is None


@pytest.mark.parametrize(
    "text,authors,is_via",
    [
        ("By Jane Roe", ["Jane Roe"], False),
        ("by Jane Roe and John Doe", ["Jane Roe", "John Doe"], False),
        (
            "Authored by Federico Pieraccini via The Strategic Culture Foundation:",
            ["Federico Pieraccini"],
            False,
        ),
        ("Written by: Ann Lee, Bo Chen", ["Ann Lee", "Bo Chen"], False),
        ("By JANE ROE | June 4, 2016", ["Jane Roe"], False),
        ("by Carl Example, PhD, PsyD", ["Carl Example"], False),
        ("By Jane Roe, Staff Writer", ["Jane Roe"], False),
        ("By Jane Roe in Beirut and agencies", ["Jane Roe"], False),
        ("By The Associated Press", ["The Associated Press"], False),
        ("Via RT…", [], True),
        ("Via Zerohedge", [], True),
    ],
)
def test_bylines(text: str, authors: list[str], is_via: bool) -> None:
    b = parse_byline(text)
    assert b is not None and b.authors == authors and b.is_via is is_via


def test_byline_with_date() -> None:
    b = parse_byline("By Jane Roe, June 4, 2016")
    assert b is not None and b.authors == ["Jane Roe"] and b.date == "2016-06-04"


@pytest.mark.parametrize(
    "text",
    [
        "By designating militants as moderates, the US shields them.",
        "Bystanders fled the scene",
        "Via the port of Tartus, supplies arrive daily for the army and its allies in the north.",
    ],
)
def test_not_bylines(text: str) -> None:
    b = parse_byline(text)
    assert b is None or (not b.authors and not b.is_via and b.date is None)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Alexander Mercouris", True),
        ("ANATOLY KARLIN", True),
        ("RT", True),
        ("The Duran", True),
        ("Afra'a Dagher", True),
        ("Mohammad Ballout", True),
        ("Abu Mohammad al-Julani", True),
        ("Published", False),
        ("10,283 Views", False),
        ("The Duran Quick Take: Episode 148.", False),
        ("Nigel Farage:", False),
        ("the army said", False),
        ("As the rebels launch an offensive, truce around Aleppo approaches collapse.", False),
    ],
)
def test_name_like(text: str, expected: bool) -> None:
    assert is_name_like(text) is expected


def test_publisher_votes_from_site_widgets() -> None:
    lines = [
        "Liked it? Take a second to support The Daily Widget on Patreon!",
        "Remember to Please Subscribe to The Daily Widget’s YouTube Channel.",
        "The Daily Widget Newsletter",
        "Copyright © 2019 The Daily Widget. All rights reserved.",
        "Suella Braverman in London © Global Look Press / Joel Goodman",  # a photo credit: no vote
        "Subscribe to us on Telegram",  # "us" is not a name
    ]
    votes = publisher_votes(lines)
    assert votes == Counter({"The Daily Widget": 4})
    assert best_publisher(votes) == "The Daily Widget"


def test_best_publisher_merges_case_variants() -> None:
    assert best_publisher(Counter({"The Widget": 2, "THE WIDGET": 1, "Other": 2})) == "The Widget"
    assert best_publisher(Counter()) is None


@pytest.mark.parametrize(
    "line,name",
    [
        ("© 2016 Wire24", "Wire24"),
        ("Copyright The Ledger 2016-2019. All rights reserved.", "The Ledger"),
        ("Copyright © Canada Example Press", "Canada Example Press"),
        ("© Example Photo Agency", None),  # a photo credit, not the page's own copyright line
    ],
)
def test_copyright_lines(line: str, name: str | None) -> None:
    assert best_publisher(publisher_votes([line])) == name
