"""Which stored mentions are names, and when two spellings are the same name."""

from __future__ import annotations

import pytest

from ceasefire.store.names import is_name, name_key


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Islamic State", True),
        ("Daesh", True),
        ("US", True),  # the country in capitals, not the pronoun
        ("IS", True),
        ("M23", True),
        ("al-Qaeda", True),
        ("The Taliban", True),  # a determiner, then a capitalised name
        ("the Islamic State", True),
        ("Turkish troops", True),
        ("they", False),
        ("They", False),
        ("its", False),
        ("us", False),
        ("It", False),
        ("both", False),
        ("the group", False),
        ("The group", False),  # capitalised only at the start of a sentence
        ("The two ministers", False),
        ("these groups", False),
        ("militants", False),  # a common noun for an actor in one article
        ("the regime", False),
        ("", False),
        (None, False),
    ],
)
def test_is_name(mention: str | None, expected: bool) -> None:
    assert is_name(mention) is expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Jabhat al-Nusra", "jabhat al nusra", True),
        ("U.S.", "US", True),
        ("Hay\u2019at Tahrir al-Sham", "Hayat Tahrir al Sham", True),
        ("the Taliban", "Taliban", True),
        ("Kafr Nab\u00fbdah", "Kafr Nabudah", True),
        ("Deir ez\u2013Zor", "deir ez zor", True),
        ("Sergey Lavrov", "Sergei Lavrov", False),  # transliterations: offered by similar_actors instead
        ("Hamas", "Hama", False),
    ],
)
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same
