"""The ledger on a real store: violations, each side's claims apart, exclusions, precision,
denials, sources and status, counts, and the `ceasefire ledger` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.agreements import load_agreements
from ceasefire.cli import cli
from ceasefire.ledger import POSSIBLY, WITHIN, build_ledger
from ceasefire.store import open_store


@pytest.fixture(scope="module")
def coh(ledger_db: Path):
    found = load_agreements()
    with open_store(str(ledger_db), read_only=True) as store:
        return build_ledger(store, found["syria-coh-2016"], found)


def _one(vs, **want):
    hits = [v for v in vs if all(getattr(v, k) == x for k, x in want.items())]
    assert len(hits) == 1, f"{want}: {[(v.id, v.accused_id, v.place) for v in vs]}"
    return hits[0]


def test_the_period_stops_where_the_next_agreement_starts(coh) -> None:
    assert str(coh.first) == "2016-02-27" and str(coh.last) == "2016-09-11"
    every = coh.violations + coh.excluded_acts + coh.on_excluded + coh.unattributed
    assert every and all("2016-02-01" <= v.date_start <= "2016-09-11" for v in every)
    assert all(v.country in ("SYR", None) for v in every), "only the area: no Ukraine, no Yemen"


def test_a_rebel_shelling_reported_by_the_russian_centre_and_reprinted(coh) -> None:
    v = _one(coh.violations, accused_id="SYR_OPP")
    assert v.accused_side == "opposition" and v.within == WITHIN and v.date_start == "2016-02-28"
    assert v.reporting_sides == ["Russian Center for Reconciliation"]
    assert {c.kind for c in v.claims} == {"claim by a party's monitoring centre"}
    assert v.sources == 2 and v.independent_sources == 1, "a reprint is not an independent source"
    assert v.status == "alleged", "a party's own centre neither confirms nor corroborates alone"
    assert len(v.clusters) == 1, "both reports are linked to one event cluster"


def test_an_opposition_claim_with_its_denial_and_counter_accusation(coh) -> None:
    v = _one(coh.violations, accused_id="RUS_AF")
    assert v.accused_side == "government" and v.reporting_sides == ["opposition"]
    assert [c.claimant for c in v.claims] == ["High Negotiations Committee"]
    assert [(d.by, d.kind) for d in v.denials] == [("Russian Ministry of Defence", "denial")]
    assert [d.by for d in v.counter_accusations] == ["Syrian Arab Army"]
    assert v.status == "denied"
    assert [(f["kind"], f["best"], f["claimant"]) for f in v.figures()] == [
        ("killed", 6, "High Negotiations Committee")
    ]


def test_a_month_that_reaches_before_the_start_is_possibly_within(coh) -> None:
    v = _one(coh.violations, place="Douma")
    assert v.within == POSSIBLY and "only partly inside the period" in v.why_possibly[0]
    week = [c for c in coh.counts("day") if c["possibly_within"]]
    assert [c["period"] for c in week] == ["2016-02-27"], "counted from the first day in force"


def test_excluded_groups_are_listed_apart_and_not_counted(coh) -> None:
    assert _one(coh.excluded_acts, accused_id="ISIS").within == WITHIN
    assert _one(coh.on_excluded, target_id="NUSRA").accused_side == "government"
    counted = {v.id for v in coh.violations}
    assert not counted & {v.id for v in coh.excluded_acts + coh.on_excluded}
    assert all(c["accused_side"] != "?" for c in coh.counts())


def test_counts_by_accused_and_reporting_side(coh) -> None:
    day = coh.counts("day")
    assert {
        (c["period"], c["reporting_side"], c["accused_side"], c["within"]) for c in day if c["within"]
    } == {
        ("2016-02-28", "Russian Center for Reconciliation", "opposition", 1),
        ("2016-02-28", "opposition", "government", 1),
    }
    week = coh.counts("week")
    assert {c["period"] for c in week} == {"2016-02-22"}, "the Monday of the week"
    assert [c["reporting_side"] for c in coh.counts("day", side="opposition")] == ["opposition"]


def test_an_impartial_monitors_observation_confirms(ledger_db: Path) -> None:
    found = load_agreements()
    with open_store(str(ledger_db), read_only=True) as store:
        minsk = build_ledger(store, found["minsk-ii-2015"], found)
    v = _one(minsk.violations, place="Avdiyivka")
    assert v.accused_side == "separatists" and v.status == "confirmed"
    assert v.claims[0].kind == "observation by a monitor"


def _run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_the_command_as_table_csv_and_json(ledger_db: Path) -> None:
    code, out, _ = _run("ledger", "syria-coh-2016", "--db", str(ledger_db))
    assert code == 0
    assert "according to opposition: 1 by government" in out
    assert "according to Russian Center for Reconciliation: 1 by opposition" in out
    assert "acts of excluded groups (not counted):" in out and "denial by Russian Ministry of Defence" in out
    code, out, _ = _run(
        "ledger", "syria-coh-2016", "--db", str(ledger_db), "--format", "csv", "--side", "opposition"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["accused_id"] for r in rows] == ["RUS_AF"]
    assert rows[0]["killed"] == "6 (High Negotiations Committee)" and rows[0]["status"] == "denied"
    code, out, _ = _run("ledger", "--db", str(ledger_db), "--format", "json", "--by", "week")
    books = {b["agreement"]: b for b in map(json.loads, out.splitlines())}
    assert code == 0 and {"syria-coh-2016", "minsk-ii-2015"} <= set(books)
    assert len(books["syria-coh-2016"]["violations"]) == 3
    assert books["syria-coh-2016"]["strikes_on_excluded"][0]["target_id"] == "NUSRA"


def test_the_commands_bad_values(ledger_db: Path, tmp_path: Path) -> None:
    code, _, err = _run("ledger", "syria-coh-2016", "--db", str(ledger_db), "--side", "rebels")
    assert code == 2 and "not a side or a reporting side" in err and "opposition" in err
    code, _, err = _run("ledger", "no-such-truce", "--db", str(ledger_db))
    assert code == 1 and "no agreement 'no-such-truce'" in err
    code, _, err = _run("ledger", "syria-coh-2016", "--db", str(tmp_path / "none.db"))
    assert code == 4 and "no database" in err


def test_accusations_without_an_incident_are_listed_apart(ledger_db: Path, coh) -> None:
    found = load_agreements()
    with open_store(str(ledger_db), read_only=True) as store:
        idlib = build_ledger(store, found["idlib-protocol-2020"], found)
    assert [d.against for d in idlib.accusations] == ["Hayat Tahrir al-Sham"]
    assert "14 times" in idlib.accusations[0].sentence
    # the Syrian army's accusation in the Daraya article is that claim's counter-accusation, once
    assert coh.accusations == []


def test_a_store_without_cluster_tables_still_gives_a_ledger(ledger_db: Path, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    old = tmp_path / "old.db"
    shutil.copy(ledger_db, old)
    with sqlite3.connect(old) as conn:  # as a store migrated by the interim 0006 is
        conn.execute("DROP TABLE event_links")
    found = load_agreements()
    with open_store(str(old), read_only=True) as store:
        book = build_ledger(store, found["syria-coh-2016"], found)
    assert len(book.violations) == 3 and all(v.clusters == [] for v in book.violations)
