"""Person names are not places.

The small English model tags a surname standing alone as a place when the
article introduced the person by the full name: "Mike Pompeo" is PERSON, but a
later "advice to Pompeo" is GPE and the gazetteer reads it as Pompéu, Brazil;
"Binali Yıldırım" then "Yıldırım said" (a Turkish village), "Alexanda Kotey"
then "interviewed Kotey" (a loose match of Kochi, Japan). :func:`person_names`
collects the names of an article's persons and every part of them;
:func:`is_person_name` tells find_places to drop a toponym mention that is one,
and to keep it out of the article's country context.

A name part still is a place when the gazetteer's reading is a country, a
first-level region, a capital or a curated entry ("Jordan" beside "Michael
Jordan", "Washington" beside "George Washington"): news names those as places
far more often than as the surnames of the people in the story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .normalize import name_key

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .gazetteer import Gazetteer, GeoCandidate

# Titles before a person's name ("Mr Pompeo", "Gen Mazloum"): the word after one is a person's.
# Only titles that never open a place's name (not "Sheikh": Sheikh Maqsoud is a district of Aleppo).
HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "sen",
        "rep",
        "president",
        "senator",
        "congressman",
        "congresswoman",
    }
)
# Particles inside names: not a name part on their own ("al" of "Bashar al-Assad").
_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von", "da", "di", "du", "la", "le"}
)
# Readings a person's name part does not take away from a toponym.
KEPT_FEATURES = frozenset({"PCLI", "ADM1", "PPLC", "CONT"})


def _parts(tokens: list[str]) -> set[str]:
    """Name keys of every run of consecutive name words ("El Shafee Elsheikh" -> "elsheikh", ...)."""
    words = [t for t in tokens if t[:1].isupper() and t.replace("-", "").replace("'", "").isalpha()]
    out: set[str] = set()
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            key = name_key(" ".join(words[i:j]))
            if key and key not in _PARTICLES:
                out.add(key)
    return out


# A word of a PERSON entity that names a city this big (or a country, region, capital) makes the
# entity more likely a misread place ("Aleppo-Hama") than a person; surnames shared with smaller
# cities ("John Bolton": Bolton, 140k) still count as names.
BIG_PLACE_POPULATION = 500_000


def _big_place(gaz: Gazetteer, word: str) -> bool:
    return any(
        c.match == "name" and (c.entry.population >= BIG_PLACE_POPULATION or c.entry.feature in KEPT_FEATURES)
        for c in gaz.candidates(word)
    )


def person_names(doc: Doc, gaz: Gazetteer) -> set[str]:
    """Name keys of the article's persons and of every part of their names.

    From PERSON entities of two words or more whose whole text the gazetteer does not
    know as a place (the tagger takes some Arabic town names for persons: "Khan
    Sheikhoun") and none of whose words is a big city, from one-word PERSON entities the gazetteer knows no exact place by
    ("Kotey"), and from the word after a title ("Mr Pompeo").
    """
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        toks = [t.text for t in ent if t.tag_ != "POS" and t.lower_ not in {"'s", "’s"}]
        # hyphenated particles: "al-Assad" is tokenised al, -, Assad
        words = [w for w in toks if w != "-"]
        if not words:
            continue
        if len(words) == 1:
            if not gaz.has(words[0]):
                names |= _parts(words)
            continue
        if (
            gaz.candidates(" ".join(toks))
            or gaz.candidates(ent.text)
            or any(_big_place(gaz, w) for w in words)
        ):
            continue  # a place the tagger took for a person ("Tel Rifaat", "the Aleppo-Hama highway")
        names |= _parts(words)
    for tok in doc[:-1]:
        if tok.lower_.rstrip(".") in HONORIFICS and tok.text[:1].isupper():
            nxt = doc[tok.i + 1]
            if nxt.text[:1].isupper() and nxt.is_alpha:
                names.add(name_key(nxt.text))
    return names


def keeps_place(cands: list[GeoCandidate]) -> bool:
    """Whether a name that is also a person's is still read as a place: a country, first-level
    region, capital or curated entry by its own or an alternate name (not a loose match)."""
    return any(c.match != "loose" and (c.entry.curated or c.entry.feature in KEPT_FEATURES) for c in cands)


def is_person_name(key: str, cands: list[GeoCandidate], persons: set[str]) -> bool:
    """A toponym mention (by name key) that names one of the article's persons."""
    return key in persons and not keeps_place(cands)


def next_to_person(doc: Doc, start: int, end: int) -> bool:
    """The tokens ``start:end`` continue or open a person's name the tagger split
    ("Binali" PERSON + "Yıldırım" GPE): a PERSON word touches them with no punctuation between."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return any(
        t is not None and t.ent_type_ == "PERSON" and t.is_alpha and t.text[:1].isupper()
        for t in (before, after)
    )
