"""The offline base layer of the map: country outlines as GeoJSON.

The outlines are Natural Earth's 1:110m countries (public domain), as the npm
package ``world-atlas`` ships them in TopoJSON. ``python -m
ceasefire.web.outlines`` decodes that file (after ``npm ci``) into the small
GeoJSON file ``data/countries.geojson`` that the package ships, so the map
draws country borders with no network and no JavaScript TopoJSON decoder.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "countries.geojson"
REPO = Path(__file__).resolve().parents[2]
WORLD_ATLAS = REPO / "node_modules" / "world-atlas" / "countries-110m.json"
# Two decimals (about 1 km) is finer than the 1:110m source's own detail.
COORD_DECIMALS = 2

Point = list[float]
# Antarctica is a ring around the pole, which a Mercator map cannot close, and
# no conflict event happens there.
SKIP = frozenset({"Antarctica"})


def _decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    """Absolute lon/lat points of every arc (undoing quantisation and delta coding)."""
    tr = topo.get("transform")
    arcs: list[list[Point]] = []
    for arc in topo["arcs"]:
        pts: list[Point] = []
        x = y = 0.0
        for p in arc:
            if tr:
                x += p[0]
                y += p[1]
                lon = x * tr["scale"][0] + tr["translate"][0]
                lat = y * tr["scale"][1] + tr["translate"][1]
            else:
                lon, lat = p[0], p[1]
            pts.append([round(lon, COORD_DECIMALS), round(lat, COORD_DECIMALS)])
        arcs.append(pts)
    return arcs


def _ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    ring: list[Point] = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(pts if not ring else pts[1:])
    return _unwrap(ring)


def _unwrap(ring: list[Point]) -> list[Point]:
    """Make longitudes continuous across the antimeridian (Russia, Fiji): a
    step of more than 180 degrees becomes a step the short way round, so the
    map draws the ring past 180 instead of a line across the whole world."""
    out: list[Point] = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            prev = out[-1][0] - shift
            if lon - prev > 180:
                shift -= 360
            elif prev - lon > 180:
                shift += 360
        out.append([round(lon + shift, COORD_DECIMALS), lat])
    return out


def topojson_to_geojson(topo: dict[str, Any], layer: str = "countries") -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the (Multi)Polygons of ``layer``."""
    arcs = _decode_arcs(topo)
    features: list[dict[str, Any]] = []
    for geom in topo["objects"][layer]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            coords: Any = [_ring(r, arcs) for r in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        name = (geom.get("properties") or {}).get("name")
        if name in SKIP:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": {"type": kind, "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def outlines_bytes() -> bytes:
    """The shipped GeoJSON, read once per process (b'' when it is missing)."""
    try:
        return DATA.read_bytes()
    except FileNotFoundError:
        return b'{"type":"FeatureCollection","features":[]}'


def build(source: Path = WORLD_ATLAS, dest: Path = DATA) -> int:
    """Write ``dest`` from the world-atlas TopoJSON; returns the number of countries."""
    topo = json.loads(source.read_text(encoding="utf-8"))
    gj = topojson_to_geojson(topo)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(gj, separators=(",", ":")), encoding="utf-8")
    return len(gj["features"])


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else WORLD_ATLAS
    print(f"{build(src)} countries -> {DATA}")
