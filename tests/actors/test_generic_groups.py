"""Generic group words and Kurdish forces, through find_mentions on real parses.

"Militants", "jihadists", "gunmen" name a specific group only where the article
makes them specific (an apposition, an "of"/"from" phrase, or, for "the
militants", the one armed group named in the same or the previous sentence that
is not the subject over them); otherwise they are the theatre's unidentified
militants, never its opposition.  Kurdish forces are never the
Syrian opposition, but "Syrian and Kurdish forces" are two sides.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ceasefire.actors import find_mentions
from ceasefire.nlp.context import ArticleContext

WHEN = dt.date(2018, 3, 1)


def mentions(nlp, text: str) -> dict[str, set[str]]:
    doc = nlp(text)
    refs = find_mentions(doc, ArticleContext(doc=doc, published=WHEN))
    out: dict[str, set[str]] = {}
    for r in refs:
        out.setdefault(r.mention, set()).add(r.id)
    return out


CASES = [
    # no group named: the theatre's unidentified militants
    ("Militants attacked a checkpoint near Idlib in Syria.", "Militants", "SYR_MILITANTS"),
    ("Gunmen killed three soldiers near Deir ez-Zor in Syria.", "Gunmen", "SYR_MILITANTS"),
    ("Jihadists shelled Aleppo in Syria on Monday.", "Jihadists", "SYR_MILITANTS"),
    ("Militants ambushed the convoy on Monday.", "Militants", "MILITANTS"),
    # "the militants": the one group named in the previous sentence
    (
        "Islamic State held the village of Baghuz in Syria. The militants surrendered on Monday.",
        "militants",
        "ISIS",
    ),
    # ... but a bare plural brings in people of its own
    (
        "Islamic State held the village of Baghuz in Syria. Militants left in Raqqa have only rifles.",
        "Militants",
        "SYR_MILITANTS",
    ),
    # ... and a group that is the subject over the word is the other side, not them
    (
        "The US proxy, known as the SDF, has lost 1,500 men in the campaign to oust the extremists from Syria.",
        "extremists",
        "SYR_MILITANTS",
    ),
    (
        "Jabhat al-Nusra was the main group in Arsal. We lived apart from the militants in Syria.",
        "militants",
        "HTS",
    ),
    # two different groups named: not specific
    (
        "Islamic State and Hayat Tahrir al-Sham fought near Idlib in Syria. The militants shelled the town.",
        "militants",
        "SYR_MILITANTS",
    ),
    # named often, but not in this or the previous sentence (no article-wide "dominant" group)
    (
        "Islamic State fighters held Raqqa. Islamic State lost Tabqa. Islamic State also lost Manbij in Syria. "
        "The army advanced on Monday. The militants then fled the town.",
        "militants",
        "SYR_MILITANTS",
    ),
    # an "of" phrase or an apposition makes them specific
    ("The jihadists of Hayat Tahrir al-Sham shelled Hama in Syria.", "jihadists", "HTS"),
    ("Hayat Tahrir al-Sham, the jihadists who control Idlib, shelled Hama in Syria.", "jihadists", "HTS"),
    # Kurdish forces of a country are its Kurdish forces, never its opposition
    (
        "Syrian Kurdish fighters clashed with government troops near Qamishli in Syria.",
        "Syrian Kurdish fighters",
        "YPG",
    ),
    ("Iraqi Kurdish forces advanced on Kirkuk in Iraq.", "Iraqi Kurdish forces", "PESHMERGA"),
    ("Turkey shelled Kurdish militants near Afrin in Syria.", "Kurdish militants", "YPG"),
    # ... but not across "and": two sides
    ("Syrian and Kurdish forces clashed near Afrin.", "Syrian", "SYR_MIL"),
    ("Syrian and Kurdish forces clashed near Afrin.", "Kurdish forces", "YPG"),
]


@pytest.mark.parametrize(("text", "mention", "actor_id"), CASES)
def test_generic_group_words(nlp, text, mention, actor_id):
    got = mentions(nlp, text)
    assert got.get(mention) == {actor_id}, (mention, got)


def test_no_generic_word_is_the_syrian_opposition_without_a_reason(nlp):
    got = mentions(nlp, "Militants and jihadists attacked Idlib in Syria. Gunmen killed two soldiers.")
    for word in ("Militants", "jihadists", "Gunmen"):
        assert got.get(word) == {"SYR_MILITANTS"}, (word, got)


def test_syrian_kurdish_officials_are_not_the_syrian_government(nlp):
    got = mentions(nlp, "Syrian Kurdish officials said the talks in Damascus had failed.")
    assert "SYR_GOV" not in {a for ids in got.values() for a in ids}, got
