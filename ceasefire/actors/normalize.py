"""Word-level normalisation shared by the actor dictionary and the mention finder.

Names of actors are compared as sequences of normalised words ("keys"):
case-folded, accents removed, apostrophes inside a word dropped ("Qa'ida" ->
"qaida"), a possessive 's cut off ("Russia's" -> "russia"), hyphens and other
punctuation treated as word breaks, and the Arabic article in all its
transliterations ("al-", "el-", "ad-", "ash-", "an-" ...) written "al".  So
"Jabhat Al-Nusra", "jabhat al nusra" and "Jabhat an-Nusra" share one key.

Each word also remembers how it was written (``shape``): ``A`` for an
acronym ("US", "IS", "LeT"), ``C`` for a capitalised word, ``l`` for
lower case.  The dictionary uses the shape to keep "US" (United States)
apart from "us" and "Turkey" from "turkey".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

WORD_RE = re.compile(r"[^\W_]+(?:['’`ʼ‘][^\W_]+)*")
APOSTROPHES = "'’`ʼ‘"
_NO_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES))
# Sun-letter assimilations of the Arabic article, only when written with a hyphen
# ("ash-Sham", "ad-Din"); bare "as", "at", "an" are English words.
ARTICLE_HYPHENATED = {"al", "el", "ad", "ar", "as", "ash", "at", "an", "az", "ath", "adh", "ud", "ul", "um"}
# Written without a hyphen these still are the article ("el Sisi", "Al Nusra").
ARTICLE_BARE = {"al", "el"}


@dataclass(frozen=True)
class Word:
    key: str
    shape: str  # "A" acronym, "C" capitalised, "l" lower case
    start: int
    end: int


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def shape_of(surface: str) -> str:
    # A word of letters only (nearly all) is its own letter sequence: no list to build.
    letters = surface if surface.isalpha() else [c for c in surface if c.isalpha()]
    if not letters:
        return "l"
    if all(c.isupper() for c in letters) and (len(letters) > 1 or len(surface) == 1):
        return "A"
    if sum(c.isupper() for c in letters) >= 2 and len(letters) <= 5:
        return "A"  # mixed-case acronyms: "LeT", "MoD", "DoD"
    if letters[0].isupper():
        return "C"
    return "l"


def words(text: str) -> list[Word]:
    """Split text into normalised words with their character offsets."""
    out: list[Word] = []
    for m in WORD_RE.finditer(text):
        start, end = m.start(), m.end()
        surface = m.group()
        # possessive: Russia's, Assad’s -> Russia, Assad
        if len(surface) > 2 and surface[-2] in APOSTROPHES and surface[-1] in "sS":
            surface = surface[:-2]
            end -= 2
        # ASCII has no accents to strip (NFKD leaves it as it is): the common case skips it.
        key = (surface if surface.isascii() else strip_accents(surface)).casefold()
        key = key.translate(_NO_APOSTROPHES)
        if key in ARTICLE_BARE or (
            key in ARTICLE_HYPHENATED
            and end < len(text)
            and text[end] in "-‐‑–"
            and end + 1 < len(text)
            and text[end + 1].isalpha()
        ):
            key = "al"
        out.append(Word(key, shape_of(surface), start, end))
    return out


@lru_cache(maxsize=1 << 16)  # a pure function of a string, asked again for the same names
def key_of(text: str) -> tuple[str, ...]:
    """The normalised word sequence of a name, without a leading "the"."""
    ks = tuple(w.key for w in words(text))
    if len(ks) > 1 and ks[0] == "the":
        ks = ks[1:]
    return ks


def slug(text: str) -> str:
    """A stable ASCII id fragment for a name: "Afra’a Dagher" -> "afraa-dagher"."""
    ks = key_of(text)
    s = "-".join(ks)
    s = strip_accents(s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9-]", "", s) or "x"
