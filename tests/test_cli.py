"""The CLI as a user meets it: help, the extract contract, exit codes, ingest, run."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ceasefire.cli import cli
from ceasefire.models import ActorRef, Article, Event, Place, Quote

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
    assert none.stdout.strip() == ""  # (a note on stderr may say how many undated events were left out)
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


# -- the query commands as an analyst uses them, over a hand-made store ------------------
# Built through the store's API (no NLP, so fast); every name, place and sentence is invented
# for these tests.

IS = ActorRef("ISIS", "Islamic State", "armed_group", None, "Islamic State")
IS_ALIAS = ActorRef("ISIS", "Islamic State", "armed_group", None, "Daesh")
IS_THEY = ActorRef("ISIS", "Islamic State", "armed_group", None, "they")
NUSRA = ActorRef("NUSRA", "Jabhat al-Nusra", "armed_group", "SYR", "Jabhat al-Nusra")
NUSRA_THEY = ActorRef("NUSRA", "Jabhat al-Nusra", "armed_group", "SYR", "they")
NUSRA_DESC = ActorRef("NUSRA", "Jabhat al-Nusra", "armed_group", "SYR", "the group")
SYR_GOV = ActorRef("SYR_GOV", "Syrian government", "government", "SYR", "Damascus")
SYR = ActorRef("SYR", "Syria", "state", "SYR", "Damascus")
LAVROV = ActorRef("LAVROV", "Sergey Lavrov", "person", "RUS", "Lavrov")
USA = ActorRef("USA", "United States", "state", "USA", "US")
RAQQA = Place("Ar Raqqah", "Raqqa", 35.95, 39.01, "SYR", "Ar-Raqqah Governorate", 172955, "PPLA")
ALEPPO = Place("Aleppo", "Aleppo", 36.2, 37.16, "SYR", "Aleppo Governorate", 170063, "PPLA")
SYRIA = Place("Syria", "Syria", 35.0, 38.0, "SYR", None, 163843, "PCLI")
GENEVA = Place("Geneva", "Geneva", 46.2, 6.14, "CHE", "Geneva", 2660646, "PPLA")

QUERY_EVENTS = [
    # 0..4 as listed by the store: by date, undated last
    Event(
        "ASSAULT",
        "Daesh fighters attacked a checkpoint near Raqqa,\nkilling two.",
        0,
        10,
        source=IS_ALIAS,
        target=NUSRA,
        location=RAQQA,
        date="2016-10-05",
        date_precision="day",
    ),
    Event(
        "ACCUSE",
        "Damascus accused the group of shelling Aleppo.",
        0,
        10,
        source=SYR_GOV,
        target=NUSRA,
        location=ALEPPO,
        date="2016-10-20",
        date_precision="day",
    ),
    Event(
        "CONSULT",
        "Lavrov met US envoys in Geneva.",
        0,
        10,
        source=LAVROV,
        target=USA,
        location=GENEVA,
        date="2016-11-02",
        date_precision="day",
    ),
    Event(
        "COERCE",
        'The "Islamic State", a group, imposed a curfew in Syria.',
        0,
        10,
        source=IS,
        location=SYRIA,
        date="2017-01",
        date_precision="month",
    ),
    Event("ASSAULT", "They shelled the outskirts.", 0, 10, source=NUSRA_THEY, target=SYR),
]


@pytest.fixture(scope="module")
def query_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from ceasefire.models import Document, ExtractRecord
    from ceasefire.store import open_store

    db = str(tmp_path_factory.mktemp("q") / "q.db")
    doc = Document(source="/news/wire-1.txt", data=b"invented wire story", media_type="text", meta={})
    rec = ExtractRecord(
        doc.doc_id,
        doc.source,
        Article(0, "primary", "Clashes around Raqqa", "invented text", published="2016-10-06"),
        actors=[
            IS,
            IS_ALIAS,
            IS_THEY,
            IS_THEY,
            NUSRA,
            NUSRA_THEY,
            NUSRA_DESC,
            SYR_GOV,
            SYR_GOV,
            SYR,
            LAVROV,
            USA,
        ],
        events=QUERY_EVENTS,
        quotes=[Quote(LAVROV, "We will keep talking", "direct", 0, 10)],
    )
    with open_store(db) as store:
        store.save_document(doc, [rec])
    return db


def _sentences(output: str) -> list[str]:
    return [json.loads(line)["sentence"] for line in output.splitlines()]


def q(i: int) -> str:
    return QUERY_EVENTS[i].sentence


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # newest first, undated last
        ([], [q(3), q(2), q(1), q(0), q(4)]),
        (["--actor", "NUSRA"], [q(1), q(0), q(4)]),
        (["--actor", "jabhat al nusra"], [q(1), q(0), q(4)]),  # case and hyphen variant
        (["--actor", "Jabhat Al-Nusra"], [q(1), q(0), q(4)]),
        (["--actor", "daesh"], [q(3), q(0)]),  # an alias, any case
        (["--actor", "US"], [q(2)]),  # "US" in capitals is a name, not the pronoun
        (["--actor", "Damascus"], [q(1), q(4)]),  # shared by two actors: both (and a note)
        (["--type", "assault"], [q(0), q(4)]),
        (["--type", "ASSAULT", "--type", "consult"], [q(2), q(0), q(4)]),  # repeated
        (["--type", "assault,accuse"], [q(1), q(0), q(4)]),  # comma-separated
        (["--since", "2016-10"], [q(3), q(2), q(1), q(0)]),
        (["--since", "2016-10-06", "--until", "2016-10-31"], [q(1)]),
        (["--until", "2016-10"], [q(1), q(0)]),
        (["--since", " 2017 "], [q(3)]),
        (["--since", "2016-10-20", "--until", "2016-10"], [q(1)]),  # a day within the month: fine
        (["--place", "Raqqa"], [q(0)]),  # the mention, not the stored name "Ar Raqqah"
        (["--place", "ar-raqqah"], [q(0)]),
        (["--place", "Syria"], [q(3), q(1), q(0)]),  # a country's name: every event in it
        (["--place", "syr"], [q(3), q(1), q(0)]),
        (["--place", "Aleppo Governorate"], [q(1)]),
        (["--place", "Geneva", "--actor", "lavrov"], [q(2)]),
        (["--place", "Timbuktu"], []),
        (["--actor", "Lavrov", "--type", "ASSAULT"], []),  # a known actor, nothing matching: empty, exit 0
        (["--limit", "2", "--format", "JSON"], [q(3), q(2)]),
    ],
)
def test_events_filters(query_db: str, args: list[str], expected: list[str]) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", query_db, "--format", "json", *args])
    assert result.exit_code == 0, result.output + result.stderr
    assert _sentences(result.stdout) == expected


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["events", "--actor", "they"], 1, "'they' is a pronoun, not an actor's name"),
        (["actor", "Them"], 1, "'Them' is a pronoun"),
        (["events", "--actor", "the group"], 1, "did you mean 'Jabhat al-Nusra' [NUSRA]"),
        (["events", "--actor", "Sergei Lavrov"], 1, "did you mean 'Sergey Lavrov' [LAVROV]"),
        (["quotes", "--actor", "Putin"], 1, "no actor called 'Putin'"),
        (["actors", "--actor", "Nobody"], 1, "no actor called 'Nobody'"),
        (["actor", "Nobody"], 1, "no actor called 'Nobody'"),
        (["events", "--actor", "Damascus"], 0, "note: 'Damascus' names 2 actors: SYR_GOV"),
        (["actor", "Damascus"], 0, "note: 'Damascus' names 2 actors"),
        (["events", "--since", "2016-10-5"], 2, "is not a date"),
        (["events", "--since", "2016/10/05"], 2, "is not a date"),
        (["events", "--until", "2016-02-30"], 2, "not a valid date"),
        (["events", "--since", "Oct 2016"], 2, "is not a date"),
        (["events", "--type", "assault,bomb"], 2, "'BOMB' is not one of"),
        (
            ["events", "--since", "2017", "--until", "2016-12-31"],
            2,
            "--since 2017 is after --until 2016-12-31",
        ),
        (["quotes", "--since", "2016-10-02", "--until", "2016-10-01"], 2, "is after --until"),
        (["export", "--format", "csv", "--type", "ASSAULT", "--type", "ACCUSE"], 0, "3 events written"),
        (["events", "--outlet", "Nowhere Times"], 1, "no outlet 'Nowhere Times'"),
        (["events", "--claimant", "Lavrov"], 0, ""),
        (["events", "--claimant", "Lavorv"], 1, "no claimant called 'Lavorv'"),
        (["events", "--min-confidence", "1.5"], 2, "1.5 is not in the range"),
        (["events", "--type", "ASSAULT", "--since", "2030"], 0, "no events match"),
        (["events", "--type", "ASSAULT", "--until", "2030"], 0, "note: 1 matching events have no date"),
        (["events", "--actor", "SYR", "--since", "2016"], 0, "note: 1 matching events have no date"),
    ],
)
def test_query_messages_and_exit_codes(query_db: str, argv: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(cli, [*argv, "--db", query_db])
    assert result.exit_code == code, result.output + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["events", "quotes", "actors", "articles"])
def test_an_empty_file_is_no_database(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, [command, "--db", str(empty)])
    assert result.exit_code == 4, result.output
    assert "an empty file, not a ceasefire database" in result.stderr
    assert empty.stat().st_size == 0  # a query did not turn it into a database


def _csv(text: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(text)))


def test_events_csv_is_one_spreadsheet_row_per_event(query_db: str) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", query_db, "--format", "csv"])
    rows = _csv(result.stdout)
    assert len(result.stdout.splitlines()) == len(QUERY_EVENTS) + 1  # no line breaks inside cells
    assert rows[0][:3] == ["id", "article_id", "doc_id"]
    sentence = rows[0].index("sentence")
    assert rows[4][sentence] == "Daesh fighters attacked a checkpoint near Raqqa, killing two."
    assert rows[1][sentence] == QUERY_EVENTS[3].sentence  # quotes and commas survive; newest first


def test_empty_csv_has_the_same_header(query_db: str) -> None:
    full = CliRunner().invoke(cli, ["events", "--db", query_db, "--format", "csv"])
    empty = CliRunner().invoke(cli, ["events", "--db", query_db, "--format", "csv", "--since", "2030"])
    assert empty.exit_code == 0
    assert _csv(empty.stdout) == [_csv(full.stdout)[0]]


def test_actors_csv_lists_aliases_as_text_without_pronouns(query_db: str) -> None:
    result = CliRunner().invoke(cli, ["actors", "--db", query_db, "--format", "csv"])
    rows = {r[0]: r for r in _csv(result.stdout)}
    aliases = rows["id"].index("aliases")
    assert rows["ISIS"][aliases] == "Daesh; Islamic State"  # no "they", no Python list; A-Z on a tie
    assert rows["NUSRA"][aliases] == "Jabhat al-Nusra"  # no "the group"


def test_actor_shows_names_counts_roles_and_provenance(query_db: str) -> None:
    result = CliRunner().invoke(cli, ["actor", "jabhat al-nusra", "--db", query_db], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Jabhat al-Nusra [NUSRA]")
    assert "names: Jabhat al-Nusra\n" in out
    assert "events: 1 as source, 2 as target, 0 as claimant" in out
    assert "as target:" in out and "Islamic State -> Jabhat al-Nusra @ Ar Raqqah" in out
    assert "— Clashes around Raqqa, 2016-10-06, /news/wire-1.txt" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_actor_csv_is_one_table_with_the_role(query_db: str) -> None:
    result = CliRunner().invoke(cli, ["actor", "NUSRA", "--db", query_db, "--format", "csv"])
    rows = _csv(result.stdout)
    assert rows[0][:3] == ["role", "id", "date"]
    assert [r[0] for r in rows[1:]] == ["source", "target", "target"]
    assert len({len(r) for r in rows}) == 1


def test_actor_json_has_every_role(query_db: str) -> None:
    result = CliRunner().invoke(cli, ["actor", "Lavrov", "--db", query_db, "--format", "json"])
    obj = json.loads(result.stdout)
    assert obj["id"] == "LAVROV" and obj["aliases"] == ["Lavrov"]
    assert [len(obj[k]) for k in ("as_source", "as_target", "as_claimant")] == [1, 0, 0]


@pytest.mark.parametrize("command", ["events", "actors", "quotes"])
@pytest.mark.parametrize("columns", [80, 60])
def test_tables_fit_the_terminal(query_db: str, command: str, columns: int) -> None:
    result = CliRunner().invoke(cli, [command, "--db", query_db], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 1
    assert max(len(line) for line in lines) <= columns


@pytest.mark.parametrize(
    ("widths", "total", "expected"),
    [
        ([4, 10, 30], 80, [4, 10, 30]),  # fits already
        ([4, 10, 30], 30, [4, 10, 12]),  # the widest gives way first
        ([20, 20, 20], 40, [12, 12, 12]),  # then all alike
        ([8, 8], 5, [6, 6]),  # never below the minimum
    ],
)
def test_fit_widths(widths: list[int], total: int, expected: list[int]) -> None:
    from ceasefire.cli import fit_widths

    assert fit_widths(widths, total) == expected


def test_piping_into_head_stops_quietly(tmp_path: Path) -> None:
    """`ceasefire events | head -1` on more events than a pipe holds: exit 0, nothing on stderr."""
    import subprocess
    import sys

    from ceasefire.models import Document, ExtractRecord
    from ceasefire.store import open_store

    db = str(tmp_path / "big.db")
    doc = Document(source="/news/big.txt", data=b"many events", media_type="text", meta={})
    many = [Event("ASSAULT", f"Event number {i} " + "x" * 200, 0, 10, source=IS) for i in range(2000)]
    rec = ExtractRecord(doc.doc_id, doc.source, Article(0, "primary", "T", "text"), actors=[IS], events=many)
    with open_store(db) as store:
        store.save_document(doc, [rec])
    for fmt in ("json", "csv", "table"):
        proc = subprocess.Popen(
            [sys.executable, "-m", "ceasefire.cli", "events", "--db", db, "--format", fmt],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # what `head -1` does after its line
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0, err
        assert err == ""
