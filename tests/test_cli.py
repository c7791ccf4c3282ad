"""The CLI as a user meets it: help, the extract contract, exit codes, ingest, run."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ceasefire.cli import cli

WIRE = """Rebels shell army post near Kharkiv

By Anna Petrova

KYIV, May 3, 2022

Russian forces shelled the city of Kharkiv on Tuesday, killing three civilians,
the regional governor said. Ukrainian troops said they had pushed the attackers
back from two villages north of the city.

"The shelling did not stop all night," the governor told reporters.
"""


def _all_commands(group: click.Group) -> list[tuple[str, click.Command]]:
    return sorted(group.commands.items())


@pytest.mark.parametrize("name,command", _all_commands(cli))
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert command.help and len(command.help.split()) >= 5, f"{name} lacks help text"
    assert "Example" in result.output, f"`ceasefire {name} --help` shows no example"


def test_extract_writes_the_contract(tmp_path: Path) -> None:
    page = tmp_path / "wire.txt"
    page.write_text(WIRE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(page), "--out", str(out), "--no-nlp", "-q"])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 1
    rec = recs[0]
    assert set(rec) >= {"doc_id", "source", "article", "actors", "events", "quotes", "places"}
    assert rec["source"] == str(page)
    import hashlib

    assert rec["doc_id"] == hashlib.sha256(page.read_bytes()).hexdigest()
    art = rec["article"]
    assert set(art) >= {"index", "role", "title", "subtitle", "authors", "publisher", "published", "text"}
    assert art["role"] == "primary" and art["index"] == 0
    assert "Kharkiv on Tuesday" in " ".join(art["text"].split())


def test_exit_codes_and_one_line_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(WIRE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    runner = CliRunner()

    some = runner.invoke(
        cli, ["extract", str(good), str(empty), str(binary), "--no-nlp", "--out", str(tmp_path / "o.jsonl")]
    )
    assert some.exit_code == 1
    errors = [line for line in some.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any(str(empty) in e and "empty" in e for e in errors)
    assert any(str(binary) in e and "binary" in e for e in errors)
    assert "Traceback" not in some.output + some.stderr
    assert "1 documents ok, 2 failed" in some.stderr

    none = runner.invoke(cli, ["extract", str(empty), "--no-nlp", "--out", str(tmp_path / "n.jsonl")])
    assert none.exit_code == 3


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    page = tmp_path / "wire.txt"
    page.write_text(WIRE, encoding="utf-8")
    db = tmp_path / "t.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(page), "--db", str(db), "--no-nlp"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(cli, ["ingest", str(page), "--db", str(db), "--no-nlp"])
    assert second.exit_code == 0, second.output
    assert "1 already stored" in second.stderr
    listed = runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"])
    assert len(listed.output.splitlines()) == 1
    found = runner.invoke(cli, ["articles", "Kharkiv", "--db", str(db)])
    assert "Rebels shell army post near Kharkiv" in found.output
    assert runner.invoke(cli, ["articles", "Timbuktu", "--db", str(db)]).output.strip() == ""


def test_articles_without_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["articles", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 4
    assert "no database at" in result.output


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "{page}", "--no-nlp", "--out", "{bad}"],
        ["export", "--db", "{db}", "--format", "csv", "--out", "{bad}"],
        ["export", "--db", "{db}", "--format", "parquet", "--out", "{bad}"],
        ["report", "--db", "{db}", "--out", "{bad}"],
        ["run", "{page}", "--db", "{db}", "--no-nlp", "--report", "{bad}"],
    ],
)
def test_unwritable_output_is_one_line_exit_4(tmp_path: Path, argv: list[str]) -> None:
    page = tmp_path / "wire.txt"
    page.write_text(WIRE, encoding="utf-8")
    db = tmp_path / "o.db"
    assert CliRunner().invoke(cli, ["ingest", str(page), "--db", str(db), "--no-nlp", "-q"]).exit_code == 0
    bad = tmp_path / "no" / "such" / "dir" / "out.file"
    args = [a.format(page=page, db=db, bad=bad) for a in argv]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 4, result.output
    assert f"cannot write {bad}" in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an uncaught error


@pytest.mark.parametrize(
    "argv,message",
    [
        (["events", "--since", "last week"], "is not a date"),
        (["events", "--until", "2016-13"], "not a valid date"),
        (["events", "--limit", "0"], "0 is not in the range"),
        (["events", "--type", "BOMB"], "'BOMB' is not one of"),
        (["articles", "--limit", "-5"], "-5 is not in the range"),
        (["extract", "x.txt", "--timeout", "0"], "0"),
    ],
)
def test_bad_option_values_are_usage_errors(argv: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_serve_on_a_busy_port_is_one_line(tmp_path: Path) -> None:
    import socket

    db = tmp_path / "s.db"
    page = tmp_path / "wire.txt"
    page.write_text(WIRE, encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", str(page), "--db", str(db), "--no-nlp", "-q"]).exit_code == 0
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 4
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def test_a_pathological_article_fails_alone_and_fast(tmp_path: Path) -> None:
    import time

    blob = tmp_path / "blob.txt"
    blob.write_text("word " * 220_000, encoding="utf-8")  # 1.1 MB, no sentence end, no newline
    good = tmp_path / "good.txt"
    good.write_text(WIRE, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    t0 = time.monotonic()
    result = CliRunner().invoke(cli, ["extract", str(blob), str(good), "--out", str(out)])
    assert time.monotonic() - t0 < 60
    assert result.exit_code == 1, result.output
    assert f"error: {blob}: " in result.stderr and "no sentence end" in result.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in recs] == [str(good)]


def test_run_reads_tables_with_reader_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    feed = tmp_path / "feed.csv"
    feed.write_text('headline,body\nClashes in Kharkiv,"' + WIRE.replace('"', '""') + '"\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["run", str(feed), "--text-field", "body", "--title-field", "headline", "--no-nlp", "--db", "t.db"],
    )
    assert result.exit_code == 0, result.output
    assert "1 documents ok, 0 failed" in result.output
    assert f"database: {tmp_path / 't.db'}" in result.output


@pytest.mark.slow
def test_run_on_bundled_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["run", "-q"])
    assert result.exit_code == 0, result.output + result.stderr
    assert (tmp_path / "ceasefire.db").exists()
    assert "documents ok, 0 failed" in result.output
    assert f"database: {tmp_path / 'ceasefire.db'}:" in result.output
    report = tmp_path / "ceasefire.report.html"
    assert report.exists() and 'class="event-row"' in report.read_text(encoding="utf-8")
    assert f"report:   {report}" in result.output
    assert f"serve --db {tmp_path / 'ceasefire.db'}" in result.output


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("db") / "ex.db"
    page = tmp_path_factory.mktemp("in") / "wire.txt"
    page.write_text(WIRE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(page), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return str(db)


def test_events_command_filters_and_formats(example_db: str) -> None:
    runner = CliRunner()
    all_rows = runner.invoke(cli, ["events", "--db", example_db, "--format", "json"])
    assert all_rows.exit_code == 0, all_rows.output
    rows = [json.loads(line) for line in all_rows.output.splitlines()]
    assert any(r["type"] == "ASSAULT" and "Kharkiv" in r["sentence"] for r in rows)
    only = runner.invoke(cli, ["events", "--db", example_db, "--type", "assault", "--format", "json"])
    assert {json.loads(line)["type"] for line in only.output.splitlines()} == {"ASSAULT"}
    none = runner.invoke(cli, ["events", "--db", example_db, "--since", "2030", "--format", "json"])
    assert none.output.strip() == ""
    as_csv = runner.invoke(cli, ["events", "--db", example_db, "--format", "csv"])
    assert as_csv.output.splitlines()[0].startswith("id,article_id,")


def test_actor_command_finds_actor_by_alias(example_db: str) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["actors", "--db", example_db, "--format", "json"])
    names = [json.loads(line)["name"] for line in listed.output.splitlines()]
    assert names, listed.output
    shown = runner.invoke(cli, ["actor", names[0], "--db", example_db])
    assert shown.exit_code == 0 and "seen " in shown.output
    missing = runner.invoke(cli, ["actor", "No Such Group", "--db", example_db])
    assert missing.exit_code == 1 and "no actor called" in missing.output
