"""Reading and checking agreement files (TOML, docs/AGREEMENTS.md).

Every problem of a file is collected with its line (unknown key, wrong type, unknown actor id,
an end before the start, overlapping extensions, an invalid polygon ...); a file with any
problem yields no agreement, and a set of files with any problem yields none at all, so a
half-valid folder never feeds the ledger.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

from ..models import InputError
from .lines import Lines, Section
from .schema import DEFAULT_PROHIBITED, KINDS, Agreement, Area, Checked, Extension, Problem, Prohibited, Side

BUNDLED = Path(__file__).with_name("data")
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
MAX_FILE = 1_000_000  # bytes: an agreement is a page of text, not a data set

# key -> expected type ("date", "date?" also "open", "str", "strs", "table", "tables")
TOP = {
    "id": "str",
    "name": "str",
    "kind": "str",
    "announced": "date",
    "start": "date",
    "end": "date?",
    "end_reason": "str",
    "superseded_by": "str",
    "notes": "str",
    "sources": "strs",
    "excluded": "strs",
    "guarantors": "strs",
    "monitors": "strs",
    "prohibited": "tables",
    "sides": "tables",
    "extensions": "tables",
    "area": "table",
}
REQUIRED = ("id", "name", "kind", "start", "sides", "area")
SIDE = {"name": "str", "actors": "strs", "commit_by": "date"}
EXTENSION = {"date": "date", "new_end": "date?", "source": "str"}
AREA = {"countries": "strs", "admin1": "strs", "places": "strs", "partly": "strs", "polygon": "str"}
PROHIBITED = {"type": "str", "mode": "str", "lethal": "bool"}


class AgreementError(InputError):
    """Agreement files with problems: every problem, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(
            first.path, f"line {first.line}: {first.reason}{more}" if first.line else first.reason
        )


class _File:
    """The problems of one file as they are found, each placed on its line."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.lines = Lines(text)
        self.problems: list[Problem] = []

    def bad(self, reason: str, section: Section = (), key: str | None = None, value: object = None) -> None:
        line = self.lines.of(section, key, value)
        if not line and section:  # an inline array of tables (prohibited = [{...}]) has no headers
            line = self.lines.of((), str(section[0]), value)
        self.problems.append(Problem(self.path, line, reason))

    def typed(
        self, table: dict[str, Any], spec: dict[str, str], section: Section, where: str
    ) -> dict[str, Any]:
        """The keys of ``table`` that have the type ``spec`` gives; a problem for each other key."""
        out: dict[str, Any] = {}
        for key, value in table.items():
            want = spec.get(key)
            if want is None:
                self.bad(f"unknown key {key!r} in {where} (known: {', '.join(spec)})", section, key)
                continue
            if _is(value, want):
                out[key] = None if value == "open" else value
            else:
                got = type(value).__name__
                self.bad(f"{where}{key} must be {_TYPE_NAMES[want]}, not {got} {value!r:.60}", section, key)
        return out


_TYPE_NAMES = {
    "str": "a string",
    "strs": "a list of strings",
    "date": "a date (YYYY-MM-DD, unquoted)",
    "date?": 'a date (YYYY-MM-DD, unquoted) or "open"',
    "table": "a table",
    "tables": "a list of tables ([[...]])",
    "bool": "true or false",
}


def _is(value: Any, want: str) -> bool:
    if want == "str":
        return isinstance(value, str) and bool(value.strip())
    if want == "strs":
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    if want in ("date", "date?"):
        is_date = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        return is_date or (want == "date?" and value == "open")
    if want == "table":
        return isinstance(value, dict)
    if want == "tables":
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    if want == "bool":
        return isinstance(value, bool)
    raise ValueError(want)


def check_text(text: str, path: str, *, bundled: bool = False) -> Checked:
    """Read one agreement from TOML text; the agreement only when nothing is wrong."""
    f = _File(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        f.problems.append(Problem(path, int(m[1]) if m else 0, f"not valid TOML: {reason}"))
        return Checked(path, None, f.problems)
    top = f.typed(data, TOP, (), "")
    for key in REQUIRED:
        if key not in data:
            f.bad(f"missing required key {key!r}")
    agreement = _build(f, top, path, bundled)
    return Checked(path, agreement if not f.problems else None, f.problems)


def _build(f: _File, top: dict[str, Any], path: str, bundled: bool) -> Agreement | None:
    from ..actors.dictionary import get_dictionary
    from ..events.lexicon import PLOVER_TYPES

    actors = get_dictionary()

    def known(ids: list[str], section: Section, key: str) -> tuple[str, ...]:
        for i in ids:
            if actors.get(i) is None:
                f.bad(
                    f"unknown actor id {i!r} in {key} (ids are those of ceasefire/actors/data)",
                    section,
                    key,
                    i,
                )
        return tuple(ids)

    ident = top.get("id")
    if ident is not None and not ID.fullmatch(ident):
        f.bad(f"id {ident!r} must be lower-case letters, digits and hyphens (at most 64)", (), "id")
    kind = top.get("kind")
    if kind is not None and kind not in KINDS:
        f.bad(f"kind {kind!r} is not one of {', '.join(KINDS)}", (), "kind")
    start, end, announced = top.get("start"), top.get("end"), top.get("announced")
    if start and end and end < start:
        f.bad(f"end {end} is before start {start}", (), "end")
    if start and announced and announced > start:
        f.bad(f"announced {announced} is after start {start}", (), "announced")

    sides = []
    for i, raw in enumerate(top.get("sides", [])):
        s = f.typed(raw, SIDE, ("sides", i), f"sides[{i}].")
        if "name" not in s or "actors" not in s:
            f.bad(f"sides[{i}] needs a name and a list of actors", ("sides", i))
            continue
        sides.append(Side(s["name"], known(s["actors"], ("sides", i), "actors"), s.get("commit_by")))
    if "sides" in top and len(sides) < 1:
        f.bad("an agreement needs at least one side", (), "sides")
    names = [s.name for s in sides]
    for n in {n for n in names if names.count(n) > 1}:
        f.bad(f"two sides are called {n!r}", ("sides", names.index(n)), "name")
    owner: dict[str, str] = {}
    for i, s in enumerate(sides):
        for a in s.actors:
            if a in owner and owner[a] != s.name:
                f.bad(f"actor {a!r} is on both sides {owner[a]!r} and {s.name!r}", ("sides", i), "actors", a)
            owner[a] = s.name

    extensions = _extensions(f, top.get("extensions", []), start, end)
    area = _area(f, top.get("area"), actors)
    prohibited = _prohibited(f, top.get("prohibited"), PLOVER_TYPES)
    excluded = known(top.get("excluded", []), (), "excluded")
    for a in excluded:
        if a in owner:
            f.bad(f"actor {a!r} is both excluded and on side {owner[a]!r}", (), "excluded", a)
    if f.problems or not (ident and top.get("name") and kind and start and area is not None):
        return None
    return Agreement(
        id=ident,
        name=top["name"],
        kind=kind,
        start=start,
        sides=tuple(sides),
        area=area,
        announced=announced,
        end=end,
        end_reason=top.get("end_reason"),
        superseded_by=top.get("superseded_by"),
        extensions=extensions,
        excluded=excluded,
        guarantors=known(top.get("guarantors", []), (), "guarantors"),
        monitors=known(top.get("monitors", []), (), "monitors"),
        prohibited=prohibited,
        sources=tuple(top.get("sources", [])),
        notes=top.get("notes"),
        path=path,
        bundled=bundled,
    )


def _extensions(f: _File, raws: list[dict], start: Any, end: Any) -> tuple[Extension, ...]:
    """Extensions in date order, each moving the end later than the one before (else they overlap)."""
    out: list[Extension] = []
    covered = end  # the last day covered so far; None = open
    for i, raw in enumerate(raws):
        x = f.typed(raw, EXTENSION, ("extensions", i), f"extensions[{i}].")
        if "date" not in x or "new_end" not in raw:
            f.bad(f"extensions[{i}] needs a date and a new_end", ("extensions", i))
            continue
        ext = Extension(x["date"], x.get("new_end"), x.get("source"))
        if start and ext.date < start:
            f.bad(f"extensions[{i}] is dated {ext.date}, before the start {start}", ("extensions", i), "date")
        if out and ext.date < out[-1].date:
            f.bad(f"extensions[{i}] ({ext.date}) is dated before the one above it", ("extensions", i), "date")
        if covered is None:
            f.bad(
                f"extensions[{i}] overlaps: the period is already open-ended before it",
                ("extensions", i),
                "new_end",
            )
        elif ext.new_end is not None and ext.new_end <= covered:
            f.bad(
                f"extensions[{i}] overlaps: new_end {ext.new_end} is not after {covered}, "
                "the end already reached",
                ("extensions", i),
                "new_end",
            )
        covered = ext.new_end if covered is not None else None
        out.append(ext)
    return tuple(out)


def _area(f: _File, raw: dict | None, actors: Any) -> Area | None:
    if raw is None:
        return None
    a = f.typed(raw, AREA, ("area",), "area.")
    for c in a.get("countries", []):
        state = actors.get(c)
        if state is None or state.kind != "state":
            f.bad(f"area.countries: {c!r} is not an ISO-3 country code", ("area",), "countries", c)
    polygon = None
    if "polygon" in a:
        polygon = _polygon(f, a["polygon"])
    if not any(a.get(k) for k in ("countries", "admin1", "places", "partly")) and polygon is None:
        f.bad("area names no country, region, place or polygon", ("area",))
    return Area(
        countries=tuple(a.get("countries", [])),
        admin1=tuple(a.get("admin1", [])),
        places=tuple(a.get("places", [])),
        partly=tuple(a.get("partly", [])),
        polygon=polygon,
    )


def _polygon(f: _File, text: str) -> Any:
    """A GeoJSON Polygon or MultiPolygon (lon, lat) checked by shapely (GEOS): self-intersections,
    rings too short, coordinates off the globe are refused."""
    from shapely.geometry import shape
    from shapely.validation import explain_validity

    at = (("area",), "polygon")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        f.bad(f"area.polygon is not GeoJSON: {exc}", *at)
        return None
    if not isinstance(obj, dict) or obj.get("type") not in ("Polygon", "MultiPolygon"):
        f.bad("area.polygon must be a GeoJSON Polygon or MultiPolygon", *at)
        return None
    try:
        geom = shape(obj)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
        f.bad(f"area.polygon is not a polygon: {exc}", *at)
        return None
    if geom.is_empty or not geom.is_valid:
        f.bad(f"area.polygon is invalid: {explain_validity(geom) if not geom.is_empty else 'empty'}", *at)
        return None
    minx, miny, maxx, maxy = geom.bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        f.bad("area.polygon has coordinates off the globe (GeoJSON is longitude, latitude)", *at)
        return None
    return geom


def _prohibited(f: _File, raws: list[dict] | None, types: tuple[str, ...]) -> tuple[Prohibited, ...]:
    if raws is None:
        return DEFAULT_PROHIBITED
    out = []
    for i, raw in enumerate(raws):
        p = f.typed(raw, PROHIBITED, ("prohibited", i), f"prohibited[{i}].")
        t = str(p.get("type", "")).upper()
        if t not in types:
            f.bad(
                f"prohibited[{i}].type {p.get('type')!r} is not one of {', '.join(types)}",
                ("prohibited", i),
                "type",
                p.get("type"),
            )
            continue
        out.append(Prohibited(t, p.get("mode"), bool(p.get("lethal", False))))
    if not out and not f.problems:
        f.bad("prohibited is empty: nothing could be a violation", (), "prohibited")
    return tuple(out)


def check_file(path: Path, *, bundled: bool = False) -> Checked:
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE:
            return Checked(name, None, [Problem(name, 0, f"larger than {MAX_FILE // 1000} kB")])
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return Checked(name, None, [Problem(name, 0, f"not UTF-8 text ({exc.reason} at byte {exc.start})")])
    except OSError as exc:
        return Checked(name, None, [Problem(name, 0, f"cannot read: {exc.strerror or exc}")])
    return check_text(text, name, bundled=bundled)


def files_of(paths: list[Path]) -> list[Path]:
    """The agreement files named: a folder's *.toml files (sorted), or a file itself."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(q for q in p.glob("*.toml") if q.is_file())
        else:
            out.append(p)
    return out


def check_all(checked: list[Checked]) -> list[Problem]:
    """The problems of every file, and ids given twice."""
    problems = [p for c in checked for p in c.problems]
    first: dict[str, str] = {}
    for c in checked:
        if c.agreement is None:
            continue
        if c.agreement.id in first:
            problems.append(
                Problem(
                    c.path, _id_line(c), f"id {c.agreement.id!r} is already used by {first[c.agreement.id]}"
                )
            )
        else:
            first[c.agreement.id] = c.path
    for c in checked:
        after = c.agreement.superseded_by if c.agreement else None
        if after and after not in first:
            problems.append(Problem(c.path, 0, f"superseded_by {after!r} names no agreement"))
    return problems


def _id_line(c: Checked) -> int:
    try:
        return Lines(Path(c.path).read_text(encoding="utf-8")).of((), "id")
    except OSError:
        return 0


def load_agreements(extra: list[Path] | tuple[Path, ...] = ()) -> dict[str, Agreement]:
    """The bundled agreements plus those of ``extra`` (folders or files), by id; AgreementError
    listing every problem when any file has one (then none is loaded)."""
    checked = [check_file(p, bundled=True) for p in files_of([BUNDLED])]
    for p in extra:
        if not p.exists():
            checked.append(Checked(str(p), None, [Problem(str(p), 0, "no such file or folder")]))
    found = files_of([p for p in extra if p.exists()])
    if extra and not found and all(p.exists() for p in extra):
        checked.append(
            Checked(str(extra[0]), None, [Problem(str(extra[0]), 0, "holds no .toml agreement file")])
        )
    checked += [check_file(p) for p in found]
    problems = check_all(checked)
    if problems:
        raise AgreementError(problems)
    return {c.agreement.id: c.agreement for c in checked if c.agreement is not None}
