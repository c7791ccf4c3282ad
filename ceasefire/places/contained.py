"""The town or region inside a longer name the gazetteer does not know.

News and the tagger name facilities, institutions and events after the place
they are in: "Vancouver Art Gallery", "Montreal-Pierre Elliott Trudeau
International Airport", "Harare City Council", "Colorado State University",
"the Dubai World Cup". When the whole name is unknown, the longest run of its
words that names a notable place (a first-level region, a capital or regional
seat, a curated place, a city of 100k+) stands for it, so the facility is
placed in its town rather than nowhere. Countries and nationality words are
left out: an embassy, a central bank or a national stadium ("the British
Embassy", "Bank of Japan") is often abroad or says nothing about where
things happened.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .gazetteer import Gazetteer

NOTABLE_FEATURES = frozenset({"ADM1", "PPLC", "PPLA", "RGN", "MILB", "AIRB"})
NOTABLE_POPULATION = 100_000
_WORD = re.compile(r"[^\s\-–—/(),]+")
_LEADING_STOP = frozenset({"the", "of", "and", "a", "an", "in", "at", "for", "on", "de", "la", "le"})


def notable_reading(gaz: Gazetteer, name: str) -> bool:
    """Whether the name has a notable non-country reading by its own or an alternate name."""
    if gaz.country_of_name(name) or gaz.demonym_country(name):
        return False
    return any(
        c.match != "loose"
        and c.entry.feature not in {"PCLI", "CONT"}
        and (
            c.entry.feature in NOTABLE_FEATURES or c.entry.curated or c.entry.population >= NOTABLE_POPULATION
        )
        for c in gaz.candidates(name)
    )


def contained_run(gaz: Gazetteer, words: list[str]) -> tuple[int, int] | None:
    """Indices ``(i, j)`` of the longest (then leftmost) proper run ``words[i:j]`` that names a
    notable place, or None. Runs open with a capitalised word that is not a function word."""
    n = len(words)
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            first = words[i]
            if not first[:1].isupper() or first.casefold() in _LEADING_STOP:
                continue
            if notable_reading(gaz, " ".join(words[i : i + size])):
                return i, i + size
    return None


def contained_name(gaz: Gazetteer, text: str) -> str | None:
    """The notable place name inside ``text`` (see :func:`contained_run`), or None."""
    words = _WORD.findall(text)
    run = contained_run(gaz, words)
    return " ".join(words[run[0] : run[1]]) if run else None
