"""Name normalisation: the keys under which surface forms are compared."""

from __future__ import annotations

import pytest

from ceasefire.actors.normalize import key_of, shape_of, slug, words


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Jabhat Al-Nusra", ("jabhat", "al", "nusra")),
        ("al Nusra front", ("al", "nusra", "front")),
        ("Jabhat an-Nusra", ("jabhat", "al", "nusra")),
        ("Ahrar ash-Sham", ("ahrar", "al", "sham")),
        ("Abdel Fattah el-Sisi", ("abdel", "fattah", "al", "sisi")),
        ("Russia's", ("russia",)),
        ("Assad’s forces", ("assad", "forces")),
        ("al-Qa'ida", ("al", "qaida")),
        ("the Islamic State", ("islamic", "state")),
        ("“Hezbollah”", ("hezbollah",)),
        ("Erdoğan", ("erdogan",)),
        ("as it was", ("as", "it", "was")),  # a bare "as" is English, not the article
    ],
)
def test_key_of(text, key):
    assert key_of(text) == key


@pytest.mark.parametrize(
    ("surface", "shape"),
    [
        ("US", "A"),
        ("IS", "A"),
        ("LeT", "A"),
        ("U", "A"),
        ("Turkey", "C"),
        ("turkey", "l"),
        ("us", "l"),
    ],
)
def test_shape(surface, shape):
    assert shape_of(surface) == shape


def test_offsets_exclude_the_possessive():
    text = "Russia's army"
    ws = words(text)
    assert [text[w.start : w.end] for w in ws] == ["Russia", "army"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Afra’a Dagher", "afraa-dagher"),
        ("Sheikh Shaalan al-Shaalan", "sheikh-shaalan-al-shaalan"),
        ("Péter Szijjártó", "peter-szijjarto"),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected
