"""The ledger in the report and in `export --ledger`: the same rows as `ceasefire ledger`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ceasefire.cli import cli


def test_export_gives_the_ledger_commands_rows(ledger_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    r = CliRunner().invoke(
        cli,
        ["export", "--db", str(ledger_db), "--format", "csv", "--ledger", "syria-coh-2016", "-o", str(out)],
    )
    assert r.exit_code == 0, r.output
    assert "3 alleged violations written" in r.stderr
    same = CliRunner().invoke(cli, ["ledger", "syria-coh-2016", "--db", str(ledger_db), "--format", "csv"])
    assert out.read_text(encoding="utf-8") == same.stdout
    every = CliRunner().invoke(cli, ["export", "--db", str(ledger_db), "--format", "csv", "--ledger", "all"])
    assert every.exit_code == 0 and same.stdout.splitlines()[1] in every.stdout.splitlines()


def test_export_ledger_bad_values(ledger_db: Path) -> None:
    base = ["export", "--db", str(ledger_db), "--ledger", "syria-coh-2016"]
    r = CliRunner().invoke(cli, [*base, "--format", "jsonl"])
    assert r.exit_code == 2 and "CSV only" in r.stderr
    r = CliRunner().invoke(cli, [*base, "--format", "csv", "--type", "assault"])
    assert r.exit_code == 2 and "no event filter" in r.stderr
    r = CliRunner().invoke(cli, ["export", "--db", str(ledger_db), "--format", "csv", "--ledger", "nope"])
    assert r.exit_code == 1 and "no agreement 'nope'" in r.stderr


def test_the_report_has_a_ledger_section_for_its_period(ledger_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    r = CliRunner().invoke(
        cli, ["report", "--db", str(ledger_db), "--since", "2016-02", "--until", "2016-03", "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    section = html[html.index('<section id="ledger">') : html.index('<section id="quotes">')]
    assert 'id="ledger-syria-coh-2016"' in section
    assert "according to opposition: 1 by government" in section
    assert section.count('class="violation-row"') == 3
    assert "Not counted: 1 acts of excluded groups, 1 strikes on them." in section
    assert "minsk-ii-2015" not in section, "Minsk II's violations are outside the report's dates"
