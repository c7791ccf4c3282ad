"""The PETRARCH event-type benchmark (benchmarks/petrarch_types.py): its code mapping, its record
reader, and a floor on its figures as a quality gate. Skips, saying why, without ../shared."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

from tests.support import shared_path

ROOT = Path(__file__).resolve().parents[2]
# Floors: measured on 2026-11-22 (tune 0.643, held-out 0.632) minus about 5 points, so a real
# regression fails and a one-record change does not.
FLOORS = {"tune": 0.59, "held-out": 0.58}


@functools.cache
def _bench():
    spec = importlib.util.spec_from_file_location(
        "ceasefire_bench_petrarch", ROOT / "benchmarks" / "petrarch_types.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("223", ("ASSAULT",)),  # force: military engagement
        ("064", ("SUPPORT",)),  # grant diplomatic recognition
        ("023", ("none",)),  # neutral comment: a statement
        ("095", ("REQUEST",)),  # appeal
        ("065", ("CONCEDE", "RETREAT")),  # truce: either
        ("043", None),  # not a WEIS code: the test dictionary's own
        ("903", None),
        ("1717", None),
        ("174L", None),
    ],
)
def test_weis_codes(code, expected):
    assert _bench().weis_types(code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("190", ("ASSAULT",)),
        ("0841", ("RETREAT",)),
        ("080", ("CONCEDE", "RETREAT")),  # generic yield: either
        ("163", ("COERCE",)),  # the table's exception to the root (16 is SANCTION)
        ("1124", ("ACCUSE",)),
        ("015", ("none",)),  # CAMEO 01: statements expect no event
        ("021", ("REQUEST",)),  # CAMEO 02 appeals are requests here
    ],
)
def test_cameo_codes(code, expected):
    bench = _bench()
    table = bench.load_cameo_table(shared_path("external", "plover", "CAMEO2PLOVER-2021.txt"))
    assert bench.cameo_types(code, table) == expected


def test_cameo01_can_be_excluded():
    bench = _bench()
    assert bench.cameo_types("010", {}, cameo01="exclude") is None


# Two records in each layout the files use, written for this test.
RECORDS_XML = """
<!-- <Sentence id="COMMENTED"> is not a record -->
<Sentence date="20200101" id="A-1" category="X">
<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="223">
<EventCoding sourcecode="BBB" targetcode="AAA" eventcode="064">
<Text>
Alpha shelled Beta on Monday.
</Text>
</Sentence>
<Sentence date="20200101" id="A-2" category="X">
<EventCoding noevents="True" />
<Text>The weather was fine.</Text>
</Sentence>
<Sentence date="20200101" id="A-3" category="X">
<EventCoding error="dateline"></EventCoding>
<Text>SOMEWHERE: -- text.</Text>
</Sentence>
"""
RECORDS_TXT = """
<Sentence date="20200101" id="B-1" category="X">
<!-- a comment -->
<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="122">
Alpha denounced Beta
on Friday.
(ROOT (S (NP (NNP Alpha))))
</Sentence>
"""


def test_record_reader():
    bench = _bench()
    xml = bench.parse_records(RECORDS_XML, "f", "weis", {})
    assert [(c.ident, c.text, c.accepted, c.source, c.half) for c in xml] == [
        ("A-1", "Alpha shelled Beta on Monday.", ("ASSAULT",), "AAA", "tune"),
        ("A-2", "The weather was fine.", ("none",), "", "held-out"),
    ]
    txt = bench.parse_records(RECORDS_TXT, "g", "weis", {})
    # 122: WEIS "denounce" or CAMEO root 12 "reject": either reading is accepted
    assert [(c.text, c.accepted) for c in txt] == [("Alpha denounced Beta on Friday.", ("ACCUSE", "REJECT"))]


def test_figures_stay_above_their_floors(nlp):
    bench = _bench()
    for path, _scheme in bench.FILES.values():
        if not path.exists():
            pytest.skip(f"needs {path} (the shared evaluation data beside the checkout), which is absent")
    shared_path("external", "plover", "CAMEO2PLOVER-2021.txt")
    res = bench.run(bench.load_cases(), nlp)
    for half, floor in FLOORS.items():
        pairs = res.subset(lambda c, h=half: c.half == h)
        acc = sum(g in c.accepted for c, g in pairs) / len(pairs)
        assert acc >= floor, (half, acc)
