"""`ceasefire agreements --suggest`: truces announced, extended and ended in stored articles,
printed as agreement files that read as TOML and pass the checker."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

from ceasefire.agreements import check_text
from ceasefire.cli import cli


def _files(out: str) -> dict[str, str]:
    parts = re.split(r"(?m)^# ---- ", out)[1:]
    return {
        p.split(".toml", 1)[0] if ".toml" in p.split("\n", 1)[0] else p.split(":", 1)[0]: "# " + p
        for p in parts
    }


def test_suggestions_from_the_stores_articles(ledger_db: Path) -> None:
    r = CliRunner().invoke(cli, ["agreements", "--suggest", "--db", str(ledger_db)])
    assert r.exit_code == 0, r.output
    files = _files(r.stdout)
    taiz = files["suggested-taiz-2019-05-02"]
    data = tomllib.loads(taiz)
    assert data["kind"] == "truce" and str(data["start"]) == "2019-05-02"
    assert str(data["end"]) == "2019-05-03", "a 48-hour truce: the day it starts and the next"
    assert [s["actors"] for s in data["sides"]] == [["YEM_GOV"], ["HOUTHI"]]
    assert [(str(x["date"]), str(x["new_end"])) for x in data["extensions"]] == [("2019-05-04", "2019-05-11")]
    assert data["end_reason"].startswith("ended 2019-05-12")
    assert data["area"] == {"countries": ["YEM"], "places": ["Taiz"]}
    checked = check_text(taiz, "taiz.toml")
    assert checked.problems == [], checked.problems
    idlib = files["suggested-idlib-governorate-2020-03-12"]
    assert "perhaps already known as idlib-protocol-2020" in idlib
    assert check_text(idlib, "idlib.toml").agreement is not None
    # "called on both sides to agree a humanitarian truce" (a bundled example) is a request
    assert "Guterres" not in r.stdout and "Tripoli" not in r.stdout


def test_suggest_takes_no_subcommand_and_needs_a_database(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["agreements", "--suggest", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 4 and "no database" in r.stderr
    r = CliRunner().invoke(cli, ["agreements", "--suggest", "list"])
    assert r.exit_code == 2 and "--suggest takes no subcommand" in r.stderr


def test_the_list_with_a_database_counts_violations(ledger_db: Path) -> None:
    r = CliRunner().invoke(cli, ["agreements", "--db", str(ledger_db), "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = {line.split(",")[0]: line for line in r.stdout.splitlines()[1:]}
    header = r.stdout.splitlines()[0].split(",")
    coh = dict(zip(header, rows["syria-coh-2016"].split(","), strict=False))
    assert coh["violations"] == "3" and coh["possibly"] == "1"
