"""What a name typed by a user stands for in one store: actors, places, outlets.

Every function takes ``rows(sql, params) -> list of row tuples`` (``?``
placeholders), so the same lookups serve the writable :class:`~ceasefire.store.Store`
and the web's read-only connection, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..store.names import PRONOUNS, is_name, name_key

log = logging.getLogger(__name__)

Rows = Callable[[str, Sequence[Any]], list[Sequence[Any]]]


def _by_count(seen: Sequence[Sequence[Any]]) -> list[str]:
    """Actor ids of (actor_id, mention, count) rows whose mention is a name, most seen first."""
    counts: dict[str, int] = {}
    for actor_id, mention, n in seen:
        if is_name(mention):
            counts[actor_id] = counts.get(actor_id, 0) + int(n)
    return sorted(counts, key=lambda i: (-counts[i], i))


def actor_ids(rows: Rows, actor: str) -> list[str]:
    """Canonical ids that ``actor`` names, the likeliest first.

    The first step that finds anything decides: the id, else the canonical
    name, else a name seen in the text (pronouns and descriptions such as
    "they" or "the group" are no names, see :mod:`ceasefire.store.names`), each
    compared in any case; then the same ignoring spelling variants ("jabhat al
    nusra" finds "Jabhat al-Nusra"). Among actors seen under the same name,
    the one seen most often under it comes first.
    """
    key = " ".join(actor.split()).lower()
    if not key:
        return []
    for cond in ("lower(id) = ?", "lower(name) = ?"):
        found = rows(f"SELECT id FROM actors WHERE {cond} ORDER BY id", (key,))
        if found:
            return [r[0] for r in found]
    seen = rows(
        "SELECT actor_id, actor_mention, count(*) FROM actor_mentions WHERE lower(actor_mention) = ? "
        "GROUP BY actor_id, actor_mention",
        (key,),
    )
    by_count = _by_count(seen)
    if by_count:
        return by_count
    # Spelling variants: compared in Python (SQL cannot fold accents and hyphens the same
    # way on both backends). Reads each distinct name once; only reached when the indexed
    # lookups above found nothing.
    want = name_key(actor)
    if not want:
        return []
    canon = [
        i
        for i, n in rows("SELECT id, name FROM actors ORDER BY id", ())
        if want in (name_key(i), name_key(n))
    ]
    if canon:
        return canon
    seen = rows(
        "SELECT actor_id, actor_mention, count(*) FROM actor_mentions WHERE actor_mention IS NOT NULL "
        "GROUP BY actor_id, actor_mention",
        (),
    )
    return _by_count([r for r in seen if name_key(r[1]) == want])


def similar_actor_ids(rows: Rows, actor: str, n: int = 3) -> list[str]:
    """Up to ``n`` actor ids for "did you mean" when :func:`actor_ids` finds nothing: those the
    text calls ``actor`` in a description ("the ministry"), then those whose id, canonical
    name or a name seen is spelt like it."""
    want = name_key(actor)
    names: dict[str, str] = {}  # name key -> actor id (the most mentioned under it)
    described: list[str] = []
    for aid, mention, _ in sorted(
        rows(
            "SELECT actor_id, actor_mention, count(*) FROM actor_mentions "
            "WHERE actor_mention IS NOT NULL GROUP BY actor_id, actor_mention",
            (),
        ),
        key=lambda r: -r[2],
    ):
        if is_name(mention):
            names.setdefault(name_key(mention), aid)
        elif name_key(mention) == want and want not in PRONOUNS and aid not in described:
            described.append(aid)
    for aid, name in rows("SELECT id, name FROM actors", ()):
        names[name_key(name)] = aid
        names.setdefault(name_key(aid), aid)
    # cutoff 0.75, set by hand on spelling pairs: "Sergei Lavrov" ~ "Sergey Lavrov" (0.92)
    # and "Hezbolla" ~ "Hezbollah" (0.94) are offered; "Nusra" ~ "Nusra Front" (0.62) is not.
    close = difflib.get_close_matches(want, list(names), n=n * 3, cutoff=0.75)
    # A name one word of a longer one ("Asad" in "Bashar al-Asad") is offered too.
    words = [k for k in names if want and len(want) > 3 and re.search(rf"\b{re.escape(want)}\b", k)]
    partial = [
        k
        for k in names
        if len(want) > 3
        and any(difflib.SequenceMatcher(None, want, w).ratio() >= 0.75 for w in k.split() if len(w) > 3)
    ]
    ids = list(dict.fromkeys([*described, *(names[k] for k in [*close, *words, *partial])]))
    return ids[:n]


def actor_names(rows: Rows, ids: Sequence[str]) -> list[str]:
    """Canonical display names of these ids, in their order."""
    if not ids:
        return []
    found = {
        r[0]: r[1]
        for r in rows(f"SELECT id, name FROM actors WHERE id IN ({', '.join('?' for _ in ids)})", list(ids))
    }
    return [found.get(i) or i for i in ids]


# -- outlets -------------------------------------------------------------------------


def _outlet_key(name: str) -> str:
    return name_key(name)


def outlets(rows: Rows, outlet: str) -> list[str]:
    """The publishers stored that ``outlet`` names: the same name in any case, with or without
    a leading "the" and punctuation ("guardian" finds "The Guardian"); else those containing
    it as whole words ("Guardian" finds "Guardian Weekly")."""
    want = _outlet_key(outlet)
    if not want:
        return []
    stored = [r[0] for r in rows("SELECT DISTINCT publisher FROM articles WHERE publisher IS NOT NULL", ())]
    same = [p for p in stored if _outlet_key(p) == want]
    if same:
        return sorted(same)
    pattern = re.compile(rf"(^|\s){re.escape(want)}(\s|$)")
    return sorted(p for p in stored if pattern.search(_outlet_key(p)))


def similar_outlets(rows: Rows, outlet: str, n: int = 3) -> list[str]:
    stored = {
        _outlet_key(r[0]): r[0]
        for r in rows("SELECT DISTINCT publisher FROM articles WHERE publisher IS NOT NULL", ())
    }
    return [stored[k] for k in difflib.get_close_matches(_outlet_key(outlet), list(stored), n=n, cutoff=0.6)]


# -- places --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceCandidate:
    name: str
    country: str | None
    feature: str | None
    geonameid: int | None


# Words after a region's name that name its kind, not the region ("Aleppo province").
_REGION_WORDS = re.compile(
    r"\s+(province|governorate|governorates|region|district|oblast|state|county|prefecture|muhafazat)$",
    re.IGNORECASE,
)


def gazetteer_candidates(place: str) -> list[PlaceCandidate]:
    """The places the places stage's gazetteer knows by this name; none for an ISO-3 code
    ("SYR" is a country, not the alternate name of a Swiss town) or when the gazetteer
    cannot be loaded (the names stored are then matched as they are)."""
    if re.fullmatch(r"[A-Z]{3}", place.strip()):
        return []
    try:
        from ..places import get_gazetteer

        gaz = get_gazetteer()
    except (ImportError, OSError) as exc:
        log.warning("place names matched as stored only: the gazetteer could not be loaded (%s)", exc)
        return []
    out = [
        PlaceCandidate(c.name, c.country, c.entry.feature, c.entry.geonameid) for c in gaz.candidates(place)
    ]
    iso3 = gaz.country_of_name(place)
    if iso3:
        out.append(PlaceCandidate(place, iso3, "PCLI", None))
    return out


@dataclass
class PlaceMatch:
    """What a place filter matches: location or admin1 names (lower case), countries, GeoNames ids."""

    names: set[str]
    countries: set[str]
    geonameids: set[int]


def place_match(rows: Rows, place: str) -> PlaceMatch:
    """Events located at ``place``: its name, admin1 region or ISO-3 country (any case), and the
    places the name was geocoded to in the stored articles, else by the gazetteer the
    places stage uses; so a country's name means the country ("Syria": every event in SYR,
    not only those placed at "Syria"), a variant spelling finds the place ("Halab":
    Aleppo) and a region's name its events ("Aleppo province": admin1 Aleppo)."""
    key = " ".join(place.split()).lower()
    bare = _REGION_WORDS.sub("", key)
    match = PlaceMatch({key, bare}, {key.upper()}, set())
    for k in dict.fromkeys([key, bare]):
        # What the places stage made of this name in the articles stored (indexed, so cheap);
        # only a name never seen costs a gazetteer lookup.
        seen = [
            PlaceCandidate(*r)
            for r in rows(
                "SELECT DISTINCT place_name, place_country, place_feature, place_geonameid FROM places "
                "WHERE lower(place_mention) = ?",
                (k,),
            )
        ]
        for cand in seen or gazetteer_candidates(k):
            if cand.country and (cand.feature or "").startswith("PCL"):
                match.countries.add(cand.country)
            else:
                match.names.add(cand.name.lower())
                if cand.geonameid is not None:
                    match.geonameids.add(cand.geonameid)
    return match


def similar_places(rows: Rows, place: str, n: int = 3) -> list[str]:
    """Location and region names stored that are spelt like ``place``, for "did you mean"."""
    names: dict[str, str] = {}
    for (name,) in rows(
        "SELECT DISTINCT loc_name FROM events WHERE loc_name IS NOT NULL UNION "
        "SELECT DISTINCT loc_admin1 FROM events WHERE loc_admin1 IS NOT NULL",
        (),
    ):
        names.setdefault(name_key(name), name)
    want = name_key(_REGION_WORDS.sub("", place.strip()))
    return [names[k] for k in difflib.get_close_matches(want, list(names), n=n, cutoff=0.7)]
