"""A small slice of the geocoding benchmark (benchmarks/geocoding.py) as a quality gate.

Runs on the first articles of TR-News and GeoWebNews from ../shared; skips,
saying why, when that data is absent. The full benchmark is
``.venv/bin/python benchmarks/geocoding.py all``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.support import shared_path

ROOT = Path(__file__).resolve().parents[2]
SLICE = 20  # articles of each dataset: a few seconds
# Floors (share within 161 km, share in the right country): measured on this
# slice on 2026-11-22 after the region/namesake changes (TR-News 0.939 / 0.991,
# GeoWebNews 0.800 / 0.933) minus about 5 points, so a real regression fails and
# ranking noise does not.
FLOORS = {"TR-News": (0.89, 0.94), "GeoWebNews": (0.75, 0.88)}


def _bench():
    spec = importlib.util.spec_from_file_location(
        "ceasefire_bench_geocoding", ROOT / "benchmarks" / "geocoding.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("dataset", ["TR-News", "GeoWebNews"])
def test_benchmark_slice(gaz, dataset) -> None:
    bench = _bench()
    if dataset == "TR-News":
        path = shared_path("external", "geoparsing", "milangritta", "TR-News.xml")
        iso_by_name = {e.name: e.country for e in gaz.entries_by_feature("PCLI") if e.country}
        articles = bench.read_trnews(path, iso_by_name)[:SLICE]
    else:
        path = shared_path("external", "geoparsing", "milangritta", "GWN.xml")
        articles = bench.read_gwn(path)[:SLICE]
    res = bench.evaluate(dataset, articles)
    acc = res.within_161 / res.n
    cty = res.country_ok / res.country_n
    floor_acc, floor_cty = FLOORS[dataset]
    assert res.n > 50
    assert acc >= floor_acc and cty >= floor_cty, f"{dataset}: {acc:.3f} within 161 km, {cty:.3f} country"
