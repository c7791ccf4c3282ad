"""Casualty counts where a user meets them: `ceasefire ingest` into a store, then
`ceasefire events --format json`, the exports and the web event page and its JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ceasefire.cli import cli

PAGE = """Shelling kills civilians in Idlib

IDLIB, March 4, 2019

Government artillery shelled the town of Maarat al-Numan on Monday, killing at least 12 civilians, \
including four children, according to the Syrian Observatory for Human Rights.

Rebels attacked an army checkpoint near Hama, and two soldiers were killed and five wounded.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("casualties")
    page = folder / "idlib.txt"
    page.write_text(PAGE, encoding="utf-8")
    db = folder / "store.db"
    result = CliRunner().invoke(cli, ["ingest", str(page), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_json_shows_counts_and_fatalities(db: Path) -> None:
    rows = [json.loads(line) for line in run("events", "--db", str(db), "--format", "json").splitlines()]
    figures = {(c["kind"], c["low"], c["best"], c["high"], c["group"]) for r in rows for c in r["casualties"]}
    assert ("killed", 12, 12, None, "civilians") in figures
    assert ("killed", 2, 2, 2, "military") in figures
    assert ("wounded", 5, 5, 5, "military") in figures
    by_fatalities = {r["fatalities"] for r in rows if r["casualties"]}
    assert {12, 2} <= by_fatalities
    civ = next(c for r in rows for c in r["casualties"] if c["group"] == "civilians")
    assert civ["claimant"]["id"] == "SOHR"
    assert "four children" not in [c["mention"] for r in rows for c in r["casualties"]]  # a part of the 12


def test_exports_carry_fatalities(db: Path, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(db), "--format", "csv"))))
    assert "fatalities" in rows[0]
    assert {"12", "2"} <= {r["fatalities"] for r in rows}
    assert all(r["fatalities"] == "" or r["fatalities"].isdigit() for r in rows)
    plover = [json.loads(x) for x in run("export", "--db", str(db), "--format", "jsonl").splitlines()]
    assert any(p["fatalities"] == 12 and p["casualties"][0]["best"] == 12 for p in plover)
    out = tmp_path / "e.parquet"
    run("export", "--db", str(db), "--format", "parquet", "-o", str(out))
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert str(table.schema.field("fatalities").type) == "int64"
    assert {12, 2} <= set(table.column("fatalities").to_pylist())


def test_web_event_page_and_json_show_counts(db: Path) -> None:
    from fastapi.testclient import TestClient

    from ceasefire.web import create_app

    rows = [json.loads(line) for line in run("events", "--db", str(db), "--format", "json").splitlines()]
    ev = next(r for r in rows if r["fatalities"] == 12)
    with TestClient(create_app(str(db))) as client:
        got: dict[str, Any] = client.get(f"/events/{ev['id']}.json").json()["event"]
        assert got["fatalities"] == 12
        assert got["casualties"][0]["best"] == 12 and got["casualties"][0]["group"] == "civilians"
        html = client.get(f"/events/{ev['id']}").text
        assert 'id="casualties"' in html and 'id="ev-fatalities">12' in html
        assert "Syrian Observatory for Human Rights" in html
